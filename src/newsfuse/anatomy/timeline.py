"""Timeline: dated mentions ("in December 2011", "on September 1", "this summer", "Friday") as periods.

Relative expressions are resolved against the article's publication date: a weekday, month or day without
a year is the next one on or after it when its sentence speaks of it in the future ("will", "expects to",
"is scheduled to", "ahead of", "begins": see ``tense``), and the last one on or before it otherwise (news
reports what happened). A weekday given with its date ("Monday, October 12") fixes the year. Without a
publication date only expressions that carry their own year get dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta

from newsfuse.anatomy import tense
from newsfuse.model import Sentence

MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("January", "Jan."), ("February", "Feb."), ("March", "Mar."), ("April", "Apr."), ("May",),
            ("June",), ("July",), ("August", "Aug."), ("September", "Sept.", "Sep."), ("October", "Oct."),
            ("November", "Nov."), ("December", "Dec."),
        ),
        1,
    )
    for name in names
}  # fmt: skip
# A day without a year read as coming, but more than FAR_DAYS ahead, is the past one if that is within NEAR_DAYS
# of publication: a writer gives the year of a day so far off (see ``day_year``).
NEAR_DAYS, FAR_DAYS = 60, 120
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
UNDATED = {"date": "day", "days": "day", "weekday": "day", "relative": "day", "ago": "year"}  # kind → granularity
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")(?![a-z])"
MONTH_NAMES = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
WEEKDAY = "(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)\b"
SHIFT = r"(?P<shift>last|this|next|past|earlier this|later this)"
PERIOD_WORDS = r"(?:in|since|by|until|through|from|during|before|after|early|late|mid-?|the end of|the start of|of)"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("days", rf"\b(?:on\s+)?{MONTH}\s+{DAY}\s*[-–]\s*(?P<last_day>[0-3]?\d)\b,?\s+{YEAR}"),  # "Oct. 12-13, 1992"
        ("date", rf"\b(?:on\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY},?\s+{YEAR}"),
        ("date", rf"\b(?:on\s+)?{WEEKDAY},?\s+{MONTH}\s+{DAY}(?!,?\s*\d)"),
        ("month", rf"\b(?:between|from)\s+(?P<first>{MONTH_NAMES})\s+(?:and|to|through)\s+{MONTH},?\s+{YEAR}"),
        ("month", rf"\b(?:in\s+)?{MONTH}\s+of\s+(?P<shift>last|this|next)\s+(?P<of_year>year)\b"),
        ("date", rf"\b(?:on\s+)?{DAY}\s+{MONTH}\s+{YEAR}"),
        ("date", rf"\b(?:on\s+)?{MONTH}\s+{DAY}(?!,?\s*\d)"),
        # British order, after a preposition ("left on 6 July"): "2 March organisers" is a count, not a date
        ("date", rf"\b(?:on|from|until|since|by|before|after|of)\s+{DAY}\s+{MONTH}(?!,?\s*\d)"),
        ("month", rf"\b(?:{PERIOD_WORDS}\s+)?{MONTH},?\s+{YEAR}"),
        ("month", rf"\b(?:{PERIOD_WORDS}|{SHIFT})\s+{MONTH}(?!\s*\d)"),
        ("weekday", r"\b(?:(?P<shift>on|last|next|this|early|late)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
         r"(?:\s+(?:morning|afternoon|evening|night))?"),
        # "This morning" opens a sentence, "This Morning" is a programme's name
        ("relative", r"\b(?P<word>(?i:(?:the day (?:before|after) )?(?:yesterday|tomorrow)|today|tonight)|"
                     r"(?i:this) (?:morning|afternoon|evening)|(?i:last) night)\b"),
        # "the past year", "over the last month": the year up to publication, not the calendar year before it (nor
        # "the last week of May")
        ("rolling", r"(?i)\bthe\s+(?:last|past)\s+(?P<unit>week|month|year)\b(?!\s+of\b)"),
        ("span", rf"(?i)\b{SHIFT}\s+(?P<unit>week|month|year)\b"),
        ("season", rf"(?i)\b(?:{SHIFT}\s+|in\s+the\s+)(?P<season>spring|summer|fall|autumn|winter)(?:\s+of\s+{YEAR})?"),
        ("season", rf"(?i)\b(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?{YEAR}"),
        ("year", rf"\b{PERIOD_WORDS}\s+(?:the\s+year\s+)?{YEAR}(?![-–]\d|\s*(?:people|percent|%))"),
        # "the 1996 ValuJet crash", "That 1997 pact"
        ("year", rf"\b(?:an?|the|its|(?i:that|this))\s+{YEAR}(?=\s+[A-Za-z])"),
        ("ago", rf"(?i)\b(?P<count>a|an|\d{{1,2}}|{'|'.join(COUNTS)})\s+years?\s+ago\b"),  # "sixty years ago"
    )
)  # fmt: skip
# days from publication, by an expression's last word: "last night" is the night before, "this morning" its own
RELATIVE_DAYS = {"yesterday": -1, "night": -1, "today": 0, "tonight": 0, "morning": 0, "afternoon": 0, "evening": 0,
                 "tomorrow": 1}  # fmt: skip
ROLLING_DAYS = {"week": 7, "month": 30, "year": 365}  # "the past year": these days, up to publication's own
WITH_YEAR = re.compile(YEAR)  # a cheap test before ``years_given`` reads a sentence's dates
MAY_DATE = re.compile(
    r"\d|day\b|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|tonight|tomorrow|week|month|year|spring|summer|"
    r"fall|autumn|winter|morning|afternoon|evening|night|ago",
    re.IGNORECASE,
)  # a cheap test before the full patterns: most sentences have no date


def month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def year_of(month: int, day: int, when: date, future: bool) -> int:
    """The year of a month and day given without one: the last such date on or before publication (news reports
    what happened), or the next one after it when the sentence speaks of the future."""
    if future:
        return when.year if safe_day(when.year, month, day) >= when else when.year + 1
    return when.year if safe_day(when.year, month, day) <= when else when.year - 1


def untensed_year(month: int, day: int, when: date) -> int:
    """The year of a day given without one where no tense is read (the other languages' dates): the nearest to
    publication of last year's, this year's and next year's, a coming day counting twice its distance, as news
    tells more of what happened ("12 juin" in a piece of 2 May is this June; "28 décembre" in one of 5 January
    last December; "23 mars" in one of November this March)."""

    def distance(year: int) -> int:
        days = (safe_day(year, month, day) - when).days
        return 2 * days if days > 0 else -days

    return min((when.year, when.year - 1, when.year + 1), key=distance)


def day_year(month: int, day: int, when: date, future: bool) -> int:
    """The year of a day given without one ("Oct. 31"): as ``year_of``, unless a coming reading puts it months
    ahead while the past one is weeks before publication ("if the cause of the Oct. 31 crash…" in mid-November
    is the crash of two weeks before, whatever "would" said earlier). A past reading is never moved ahead: "said
    on Jan. 5 it had cut jobs" in a year-end review is last January."""
    chosen = year_of(month, day, when, future)
    if not future:
        return chosen
    past = year_of(month, day, when, False)
    ahead = (safe_day(chosen, month, day) - when).days
    if ahead > FAR_DAYS and (when - safe_day(past, month, day)).days <= NEAR_DAYS:
        return past
    return chosen


def safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, month_end(year, month).day))


def _weekday_of(year: int, month: int, day: int) -> str | None:
    return WEEKDAYS[date(year, month, day).weekday()] if day <= month_end(year, month).day else None


def resolve(
    kind: str, match: re.Match[str], when: date | None, future: bool, years: Mapping[tuple[int, int], int] | None = None
) -> tuple[date, date, str] | None:
    """(start, end, granularity) of one matched expression; None when it cannot be dated. ``years``: the year
    the article gives a month and day elsewhere ("the July 7, 2005 bombings", then "the July 7 bombings")."""
    parts = match.groupdict()
    year = int(parts["year"]) if parts.get("year") else None
    if kind == "date":
        month, day = MONTHS[parts["month"]], int(parts["day"])
        if not 1 <= day <= 31:
            return None
        if year is None and years and not future:  # "will be held on July 7 this year" is no earlier July 7
            year = years.get((month, day))
        if year is None:
            if when is None:
                return None
            year = day_year(month, day, when, future)
            if parts.get("weekday"):  # "Monday, October 12": the year near publication in which it is a Monday
                fits = [y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == parts["weekday"]]
                year = fits[0] if fits else year
        day_date = safe_day(year, month, day)
        return day_date, day_date, "day"
    if kind == "month":
        month = MONTHS[parts["month"]]
        if year is None:
            if when is None:
                return None
            shift = (parts.get("shift") or "").lower()
            if shift in {"this", "last", "next"} and parts.get("of_year"):  # "in March of last year"
                year = when.year + {"last": -1, "next": 1}.get(shift, 0)
            else:
                day = 1 if shift == "next" or not future else 31  # "by the end of October", in October
                year = year_of(month, day, when, future or shift == "next")
                year -= 1 if shift == "last" and date(year, month, 1) > when else 0
        first = MONTHS[parts["first"]] if parts.get("first") else month  # "between January and April 2026"
        return date(year, first, 1), month_end(year, month), "month"
    if kind == "days":  # a run of days of one month, with its year
        month, first, last = MONTHS[parts["month"]], int(parts["day"]), int(parts["last_day"])
        if not 1 <= first <= last <= month_end(year, month).day:
            return None
        return date(year, month, first), date(year, month, last), "day"  # days, as start..end say
    if kind == "ago":  # "five years ago": the year that many before publication
        if when is None:
            return None
        count = parts["count"].lower()
        back = int(count) if count.isdigit() else COUNTS[count]
        return date(when.year - back, 1, 1), date(when.year - back, 12, 31), "year"
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31), "year"
    if kind == "season":
        first, last = SEASONS[parts["season"].lower()]
        if year is None:
            if when is None:
                return None
            shift = (parts.get("shift") or "this").lower()
            year = when.year - (1 if first == 12 and when.month <= 2 else 0)
            year += {"last": -1, "past": -1, "next": 1}.get(shift, 0)
            if shift == "this" and not future and date(year, first, 1) > when:  # "traveled this winter", in August
                year -= 1
        start = date(year, first, 1)
        end = month_end(year + (1 if last < first else 0), last)
        return start, end, "season"
    if when is None:
        return None
    if kind == "weekday":
        shift = parts.get("shift") or ""
        target = WEEKDAYS.index(parts["weekday"])
        if shift == "next" or (future and shift != "last"):
            ahead = (target - when.weekday()) % 7 or (7 if shift == "next" else 0)
            day_date = when + timedelta(days=ahead)
        else:
            back = (when.weekday() - target) % 7 or (7 if shift == "last" else 0)
            day_date = when - timedelta(days=back)
        return day_date, day_date, "day"
    if kind == "relative":
        word = parts["word"].lower()
        offset = RELATIVE_DAYS[word.split()[-1]] + (-1 if " before " in word else 1 if " after " in word else 0)
        day_date = when + timedelta(days=offset)
        return day_date, day_date, "day"
    if kind == "rolling":
        return when - timedelta(days=ROLLING_DAYS[parts["unit"].lower()] - 1), when, parts["unit"].lower()
    shift = {"last": -1, "past": -1, "next": 1}.get(parts["shift"].lower(), 0)
    unit = parts["unit"].lower()
    if unit == "week":
        monday = when - timedelta(days=when.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        index = when.year * 12 + when.month - 1 + shift
        year, month = divmod(index, 12)
        return date(year, month + 1, 1), month_end(year, month + 1), "month"
    return date(when.year + shift, 1, 1), date(when.year + shift, 12, 31), "year"


def expressions(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Date expressions in ``text``, longest first where they overlap, in order of position."""
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if all(match.end() <= m.start() or match.start() >= m.end() for _, m in found):
                found.append((kind, match))
    yield from sorted(found, key=lambda pair: pair[1].start())


def years_given(sentences: Iterable[Sentence]) -> dict[str, dict[tuple[int, int], int]]:
    """Per article, (month, day) → year for each day it gives with its year ("on July 7, 2005"): the article's
    later "July 7" is that day, not the last July 7 before publication (a later anniversary piece)."""
    years: dict[str, dict[tuple[int, int], int]] = {}
    for sentence in sentences:
        if WITH_YEAR.search(sentence.text):
            for kind, match in expressions(sentence.text):
                parts = match.groupdict()
                if kind == "date" and parts.get("year") and 1 <= int(parts["day"]) <= 31:
                    day = (MONTHS[parts["month"]], int(parts["day"]))
                    years.setdefault(sentence.article, {}).setdefault(day, int(parts["year"]))
    return years


def dated(
    sentence: Sentence, when: date | None, years: Mapping[str, Mapping[tuple[int, int], int]] | None = None
) -> Iterator[tuple[str, date | None, date | None, str]]:
    """(expression, start, end, granularity) for every date expression of a sentence (``years``: from
    ``years_given`` over its article)."""
    if not MAY_DATE.search(sentence.text):
        return
    read = tense.cues(sentence.text)
    own = (years or {}).get(sentence.article)
    for kind, match in expressions(sentence.text):
        future = tense.future(sentence.text, match.start(), match.end(), read)
        resolved = resolve(kind, match, when, future, own)
        undated = match["unit"].lower() if kind in ("span", "rolling") else UNDATED.get(kind, kind)
        start, end, granularity = resolved if resolved else (None, None, undated)
        yield match.group(0), start, end, granularity
