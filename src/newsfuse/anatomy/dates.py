"""Dates in other languages: the absolute ones ("8 janvier 2005", "3. Mai 2024", "12 de marzo de 2023",
"8 января 2005 года", "janvier 2005"), by month names of each language, for the timeline.

English has the full rules (``timeline``: weekdays, "last week", the tense of the sentence); elsewhere only a
day with its month, or a month with its year, is read: they need no grammar to place, and a day without a
year is the last such day on or before publication, as news reports what happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from newsfuse.anatomy.timeline import month_end, safe_day, year_of
from newsfuse.model import Sentence

# Twelve month names per language, each "name/other form" (genitive, abbreviation); lower-case.
MONTH_NAMES = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ru": "январь/января февраль/февраля март/марта апрель/апреля май/мая июнь/июня июль/июля август/августа "
    "сентябрь/сентября октябрь/октября ноябрь/ноября декабрь/декабря",
    "el": "ιανουάριος/ιανουαρίου φεβρουάριος/φεβρουαρίου μάρτιος/μαρτίου απρίλιος/απριλίου μάιος/μαΐου "
    "ιούνιος/ιουνίου ιούλιος/ιουλίου αύγουστος/αυγούστου σεπτέμβριος/σεπτεμβρίου οκτώβριος/οκτωβρίου "
    "νοέμβριος/νοεμβρίου δεκέμβριος/δεκεμβρίου",
    "cs": "leden/ledna únor/února březen/března duben/dubna květen/května červen/června červenec/července "
    "srpen/srpna září říjen/října listopad/listopadu prosinec/prosince",
}
LANGUAGES = frozenset(MONTH_NAMES)


def _months(code: str) -> dict[str, int]:
    return {name: n for n, forms in enumerate(MONTH_NAMES[code].split(), 1) for name in forms.split("/")}


MONTHS = {code: _months(code) for code in MONTH_NAMES}
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
# "8 janvier 2005", "1er janvier", "3. Mai 2024", "12 de marzo de 2023", "8 января 2005 года"
DAY_MONTH = (
    r"(?<!\d)(?P<day>[0-3]?\d)(?:er|\.|º|°)?\s+(?:de\s+)?(?P<month>{names})(?![^\W\d_])"
    r"(?:,?\s+(?:de\s+|del\s+)?{year})?"
)
MONTH_YEAR = r"(?<![^\W\d_])(?P<month>{names})(?![^\W\d_]),?\s+(?:de\s+|del\s+)?{year}"


def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(re.escape(m) for m in sorted(MONTHS[code], key=len, reverse=True))
    return (
        re.compile(DAY_MONTH.format(names=names, year=YEAR), re.IGNORECASE),
        re.compile(MONTH_YEAR.format(names=names, year=YEAR), re.IGNORECASE),
    )


PATTERNS = {code: _patterns(code) for code in MONTH_NAMES}


def dated_in(code: str, sentence: Sentence, when: date | None) -> Iterator[tuple[str, date | None, date | None, str]]:
    """(expression, start, end, granularity) for every absolute date of a sentence in language ``code``."""
    if code not in PATTERNS or not any(c.isdigit() for c in sentence.text):
        return
    day_month, month_year = PATTERNS[code]
    taken: list[tuple[int, int]] = []
    for match in day_month.finditer(sentence.text):
        month, day = MONTHS[code][match.group("month").lower()], int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        taken.append(match.span())
        year = int(match.group("year")) if match.group("year") else None
        if year is None and when is not None:
            year = year_of(month, day, when, future=False)
        on = safe_day(year, month, day) if year else None
        yield match.group(0), on, on, "day"
    for match in month_year.finditer(sentence.text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        month, year = MONTHS[code][match.group("month").lower()], int(match.group("year"))
        yield match.group(0), date(year, month, 1), month_end(year, month), "month"
