"""Figures: numbers with their unit and what they count, and conflicts between outlets' figures.

"Three people were killed" and "Four people died" count the same quantity (people killed) and disagree; so
do "at least 14 were injured" and "Sixteen people were treated". Counted nouns that name people fold into
"people", and verbs into a few event classes, so that such pairs meet. Years, days of the month, times,
ages and vague amounts ("dozens") are not figures; a sentence about another year ("in 1964, ... killed 11")
is history, not a competing count, and never makes a conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import combinations

from newsfuse.anatomy.model import Conflict, Figure
from newsfuse.model import Citation, Sentence

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2, "万": 1e4, "萬": 1e4,
          "亿": 1e8, "億": 1e8, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}  # fmt: skip
# Millions and milliards in the other languages, read as scales ("4,5 milioni di euro" is 4.5 million euros)
OTHER_SCALES = (
    r"(?:millions|millones|millón|milioni|milione|milhões|milhão|millionen|miljoen|milionů|milionu|miliony|"
    r"миллион(?:а|ов)?|εκατομμύρια|milliards?|milliarden?|miliardi|miliardo|bilhões|bilhão|miljard|miliard[uyů]?|"
    r"миллиард(?:а|ов)?|δισεκατομμύρια)(?![^\W\d_])"
)
SCALED_OF = re.compile(r"^\s+(?:de|di|d['’]|do|da|van|von|z)\s*(?=\w)", re.IGNORECASE)
MONEY_SCALES = frozenset({"bn", "mn", "m", "k"})  # "$3bn", "£2.5m": with a currency only ("5m" may be metres)
CURRENCIES = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "dlrs": "dollars"}  # the AP's "dlrs 2.1"
ONES = "one|two|three|four|five|six|seven|eight|nine"
WORD_NUMBER = r"(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + rf")(?:-(?:{ONES}))?"
# A word character of a script written with spaces: Chinese and Japanese write a figure between characters
# ("约2500名居民"), where \w alone would take the figure for part of a word.
SPACED = "[^\\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
PERCENT = "percent|per cent|prozent|pour cent|por ciento|per cento|por cento|procent|процент(?:а|ов)?|τοις εκατό"
# Thousands and decimals as English writes them ("1,234.5"), and as the languages that write a decimal comma do
# ("1.234,5", "4 500", "12 000 000" with a no-break or narrow no-break space, "6,2"): each language reads its own.
ENGLISH_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?![\d,]*\d)"
GROUPING = ". \u00a0\u202f\u2009"  # what groups thousands where the decimal mark is a comma
COMMA_NUMBER = rf"\d{{1,3}}(?:[{GROUPING}]\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?(?![\d.]*\d)"
DECIMAL_COMMA = frozenset("fr de es it pt nl ru el cs".split())


def _figure(number: str, words: str) -> re.Pattern[str]:
    """A figure: a qualifier, a currency, the number (a word too, in English), a scale and a percent sign. Never
    the digits that go on a word, a time, a date or a figure already read ("COVID-19", "6:42", the 000 of
    "3,000" when "-" stands before it), but a figure after a Hebrew prefix and its hyphen ("כ-3,000")."""
    return re.compile(
        rf"(?<!{SPACED}|[.,:/])(?<![^\u05d0-\u05ea]-)(?P<qualifier>(?:at least|at most|about|around|nearly|"
        r"almost|more than|fewer than|less than|over|under|some|roughly|approximately|up to|an estimated|"
        r"as many as|just)\s+)?(?P<currency>US\$|[$€£]|dlrs(?=\s))?\s?"
        rf"(?P<number>{number}{words})"
        r"(?P<scale>\s+(?:thousand|million|billion|trillion|hundred)(?![^\W\d_])|\s+(?:" + OTHER_SCALES + r")"
        r"|[万萬亿億]|\s?(?:bn|mn|m|k)(?![^\W\d_]))?" + rf"(?!{SPACED}|[:/-]|\.\d)"
        rf"(?P<percent>\s?(?:%|{PERCENT})(?!{SPACED}))?",
        re.IGNORECASE,
    )


FIGURE = _figure(ENGLISH_NUMBER, f"|{WORD_NUMBER}")  # English: numbers in words too
COMMA_FIGURE = _figure(COMMA_NUMBER, "")
OTHER_FIGURE = _figure(ENGLISH_NUMBER, "")
# What a figure counts: the lower-case word after it, in Latin, Greek, Cyrillic, Hebrew, Arabic or Devanagari
# letters (the last three have no case), past an English adjective or a name.
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u03ac-\u03ce\u0430-\u045f\u05d0-\u05ea\u0620-\u064a\u0900-\u0963"
NOUN = re.compile(
    rf"^\s+(?:(?:other|more|additional|new|more than|of the|[A-Z][\w.]*)\s+)?(?P<noun>[{LOWER}]{{3,}})(?![\w{LOWER}])"
)
OWN_NOUN = re.compile(rf"\s+(?P<noun>[{LOWER}]{{3,}})(?![\w{LOWER}])")  # the next word, in other languages
CAPITAL_NOUN = re.compile(rf"\s+(?P<noun>[A-ZÄÖÜ]?[{LOWER}]{{3,}})(?![\w{LOWER}])")
# Hours, years and ages in the languages that count with a word after the number ("14 Uhr", "44 ans"): no counts
NOT_COUNTS = frozenset(
    "uhr jahr jahre jahren tage tagen stunden minuten heure heures ans horas años ore anni uur jaar jaren часов "
    "часа лет года год ώρες ώρα χρονών ετών hodin let roku anos".split()
)
# What a figure counts in Chinese or Japanese: the characters right after it (a counter and its noun, up to a
# particle in kana), not a date or a time ("3月12日", "5时").
CJK_COUNTED = re.compile(r"(?![年月日时時点點分秒号號])([\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{1,3})")
NOT_NOUNS = frozenset(
    "were was are is have has had and or of to in on at for from with by as that who which the a an it they "
    "this than more times year years old percent per cent million billion thousand hundred after before when "
    "while since until into over under about against between "
    "dead killed died injured wounded missing".split()  # the event, not what it counts: "65 dead" are people killed
)
PEOPLE = frozenset(
    "people persons residents civilians villagers children adults men women workers passengers victims students "
    "protesters demonstrators others inmates miners patients pilgrims tourists migrants refugees staff "
    "employees young youths teenagers teens partygoers".split()
)
EVENTS = (
    ("killed", r"killed|killing|kills|dead|died|die|deaths|death toll|lost their lives|fatalities|perished"),
    ("injured", r"injured|injuring|wounded|wounding|hurt|treated|hospitali[sz]ed|injuries"),
    ("displaced", r"evacuated|displaced|forced|forcing|fled|homeless|from their homes"),
    ("arrested", r"arrested|detained|arrests|in custody"),
    ("missing", r"missing|unaccounted"),
    ("damaged", r"damaged|destroyed|flooded"),
)
EVENT_AFTER = [(name, re.compile(rf"^(?:\s+\w+){{0,4}}?\s+(?:{words})\b", re.I)) for name, words in EVENTS]
EVENT_BEFORE = [(name, re.compile(rf"\b(?:{words})(?:\s+\w+)?\s*$", re.I)) for name, words in EVENTS]
EVENT_RIGHT_BEFORE = [(name, re.compile(rf"\b(?:{words})\s+(?:at least |about |nearly |more than )?$", re.I))
                      for name, words in EVENTS]  # fmt: skip
WINDOW = 80  # characters on each side of a figure that its rules read: a few words
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
AGE = re.compile(r"^(?:-year-old|\s+years?\s+old|,)")
# A number that names rather than counts: "Flight 447", "Route 9", "No. 3", "Resolution 1441" (the noun as a name
# writes it, capitalised; "on the third floor 12 people" counts)
NAMES_BEFORE = re.compile(
    r"\b(?:[Ff]light|Route|Highway|Interstate|No\.|Room|Gate|Pier|Platform|Ward|Floor|Page|Article|Section|Chapter|"
    r"Version|Resolution|Proposition|Amendment|Channel|Apollo|Game|Stage|Round)\s*$"
)
PART_OF = re.compile(r"^\s+of\s+(?:the\s+)?\d")  # "one of the 162 injured": a part of the figure after it
MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")


def _value(match: re.Match[str], comma: bool) -> float:
    number = match.group("number").lower()
    if number[0].isdigit() and comma:
        value = float(re.sub(f"[{GROUPING}]", "", number).replace(",", "."))
    elif number[0].isdigit():
        value = float(number.replace(",", ""))
    else:
        head, _, tail = number.partition("-")
        value = float(UNITS[head] + (UNITS[tail] if tail else 0))  # a float however written: one JSON type
    if scale := match.group("scale"):
        word = scale.strip().lower()
        value *= SCALES.get(word) or (1e9 if re.search(r"iard|ард|bilh|δισ", word) else 1e6)
    return value


def _around(sentence: str, match: re.Match[str]) -> tuple[str, str]:
    """The words just before and after a figure: all that its rules read (a bounded window, so that a sentence
    of many figures costs time in proportion to them, not to their number times the sentence's length)."""
    return sentence[max(0, match.start() - WINDOW) : match.start()], sentence[match.end() : match.end() + WINDOW]


def _is_figure(sentence: str, match: re.Match[str]) -> bool:
    number = match.group("number")
    if (match.group("scale") or "").strip().lower() in MONEY_SCALES and not match.group("currency"):
        return False
    before, after = _around(sentence, match)
    plain = not (match.group("currency") or match.group("scale") or match.group("percent"))
    if plain and re.fullmatch(r"(?:1[89]|20)\d\d", number):
        return False  # a year
    if plain and (MONTH_BEFORE.search(before) or (AGE.match(after) and before.rstrip().endswith(","))):
        return False  # a day of the month, or an age: "Tom Brandt, 44, ..."
    if plain and (NAMES_BEFORE.search(before) or PART_OF.match(after)):
        return False  # a name ("Flight 447 went missing"), or a part of a figure that follows ("one of the 162")
    return not (plain and AGE.match(after) and not after.startswith(","))


def _event(sentence: str, match: re.Match[str]) -> str:
    """The event a figure counts: the verb right before it ("killed 12 people and injured 40": 12 killed), else
    the nearest after it ("14 were injured"), else one a word before it."""
    before, after = _around(sentence, match)
    for name, pattern in EVENT_RIGHT_BEFORE:
        if pattern.search(before):
            return name
    for name, pattern in EVENT_AFTER:
        if pattern.match(after):
            return name
    for name, pattern in EVENT_BEFORE:
        if pattern.search(before):
            return name
    return ""


def figures_in(sentence: Sentence, code: str = "en", stopwords: frozenset[str] = frozenset()) -> Iterator[Figure]:
    """The figures of a sentence in language ``code``: numbers written as that language writes them, counting the
    word after them (``stopwords``, the language's, count nothing); what event a figure counts ("killed") is read
    in English only, so only English figures make conflicts."""
    text = sentence.text
    english = code in ("en", "")
    comma = code in DECIMAL_COMMA
    capital = code == "de"  # German nouns are capitalised: "300 Feuerwehrleute"
    for match in (FIGURE if english else COMMA_FIGURE if comma else OTHER_FIGURE).finditer(text):
        if not _is_figure(text, match):
            continue
        if match.group("currency"):
            unit = CURRENCIES[match.group("currency")]
        elif match.group("percent"):
            unit = "percent"
        elif counter := CJK_COUNTED.match(text, match.end()):  # "3人", "2500名居民"
            unit = counter.group(1)
        else:
            after = text[match.end() : match.end() + WINDOW]
            if match.group("scale") and not english:  # "4,5 milioni di euro", "12 millions d'euros": the euros
                after = SCALED_OF.sub(" ", after, count=1)
            noun = (NOUN if english else CAPITAL_NOUN if capital else OWN_NOUN).match(after)
            word = noun.group("noun").lower() if noun else ""
            # a stop word counts nothing, unless it is a noun some lists hold ("persone", "milioni" in Italian's)
            unit = "" if word in NOT_NOUNS or word in NOT_COUNTS or (len(word) <= 4 and word in stopwords) else word
            unit = "dollars" if unit == "dlrs" else unit  # "2.1 billion dlrs", the AP's other order
        event = _event(text, match) if english else ""
        if not unit and not event:
            continue
        counted = "people" if unit in PEOPLE or (not unit and event) else unit
        counts = f"{counted} {event}".strip()
        written = match.group(0)
        start = sentence.start + match.start() + len(written) - len(written.lstrip())  # not the space before it
        where = Citation(sentence.article, sentence.index, start, sentence.start + match.end())
        yield Figure(_value(match, comma), written.strip(), unit or "people", counts, where, text)


# Each article's outlet and publication day: what decides whether two of its figures can disagree
Editions = Mapping[str, tuple[str, date | None]]


def may_disagree(editions: Editions, first: str, second: str) -> bool:
    """Whether two articles' counts can disagree: two outlets, one day (or either undated). A count that differs
    between days is an update ("three dead" on Monday, "five" on Tuesday), and so is one outlet's later version
    of its own story ("police earlier had reported 65 dead"): neither is a disagreement between outlets."""
    (outlet, day), (other_outlet, other_day) = editions[first], editions[second]
    return outlet != other_outlet and (day is None or other_day is None or day == other_day)


def conflicts(figures: Iterable[Figure], editions: Editions) -> tuple[Conflict, ...]:
    """Quantities (an event count such as "people killed") that outlets of one day give different values, with
    the figures of the articles that disagree (not every day's). Of an outlet's several versions of one day that
    count it, the last (in ``editions``' order: the story's) is the outlet's word.

    Figures in sentences about another year than their article's are left out.
    """
    by_quantity: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        if " " not in figure.counts:
            continue  # no event: "300 homes" and "1,200 dams" are not the same quantity just by unit
        mentioned = {int(y) for y in YEAR.findall(figure.sentence)}
        day = editions[figure.where.article][1]
        if mentioned - {day.year if day else None}:
            continue
        by_quantity[figure.counts].append(figure)
    found = []
    for quantity, group in by_quantity.items():
        values: dict[str, set[float]] = defaultdict(set)
        for figure in group:
            values[figure.where.article].add(figure.value)
        latest = {editions[article]: article for article in editions if article in values}  # in the story's order
        # an outlet's earlier version of the day is an update: its figures are in no disagreement
        values = {article: found for article, found in values.items() if latest[editions[article]] == article}
        disagreeing = {
            article
            for a, b in combinations(values, 2)
            if values[a] != values[b] and may_disagree(editions, a, b)
            for article in (a, b)
        }
        if disagreeing:
            found.append(Conflict(quantity, tuple(f for f in group if f.where.article in disagreeing)))
    return tuple(found)
