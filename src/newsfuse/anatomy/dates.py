"""Dates in other languages: the absolute ones ("8 janvier 2005", "3. Mai 2024", "12 de marzo de 2023",
"8 января 2005 года", "janvier 2005", "8 يناير 2005", "ב-8 בינואר 2005", "2005年1月8日"), by month names of
each language (in Chinese and Japanese by the characters 年 月 日), for the timeline. Digits of any script count
("٨ يناير ٢٠٠٥").

English has the full rules (``timeline``: weekdays, "last week", the tense of the sentence); elsewhere only a
day with its month, or a month with its year, is read: they need no grammar to place, and a day without a
year is the nearest such day to publication, a coming one counting twice its distance (``untensed_year``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from newsfuse.anatomy.timeline import month_end, safe_day, untensed_year
from newsfuse.model import Sentence
from newsfuse.months import DIGITS, MONTH_NAMES, MONTHS, UNSPACED

LANGUAGES = frozenset(MONTH_NAMES) | UNSPACED


YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
# "8 janvier 2005", "1er janvier", "3. Mai 2024", "12 de marzo de 2023", "8 января 2005 года", "8 يونيو/حزيران، 2005",
# "7ης Ιουλίου του 2005", "ה14 ביולי, 2005"
DAY_MONTH = (
    r"(?<!\d)(?P<day>[0-3]?\d)(?:er|\.|º|°|ης|η|ος)?\s+(?:de\s+)?(?P<month>{names})(?![^\W\d_])(?:/[^\W\d_]+)?"
    r"(?:[,،]?\s+(?:de\s+|del\s+|του\s+)?{year})?"
)
MONTH_YEAR = r"(?<![^\W\d_])(?P<month>{names})(?![^\W\d_])(?:/[^\W\d_]+)?[,،]?\s+(?:de\s+|del\s+|του\s+)?{year}"
# 2005年1月8日 (or 号), 1月8日, 2005年1月
UNSPACED_DAY = r"(?:{year}\s*年\s*)?(?<!\d)(?P<month>1[0-2]|0?[1-9])\s*月\s*(?P<day>[0-3]?\d)\s*[日号]"
UNSPACED_MONTH = r"{year}\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月(?!\s*[0-3]?\d\s*[日号])"


def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if code in UNSPACED:
        return re.compile(UNSPACED_DAY.format(year=YEAR)), re.compile(UNSPACED_MONTH.format(year=YEAR))
    names = "|".join(re.escape(m) for m in sorted(MONTHS[code], key=len, reverse=True))
    return (
        re.compile(DAY_MONTH.format(names=names, year=YEAR), re.IGNORECASE),
        re.compile(MONTH_YEAR.format(names=names, year=YEAR), re.IGNORECASE),
    )


PATTERNS = {code: _patterns(code) for code in LANGUAGES}

# A year on its own ("en 2005", "в 2005 году", "في عام 2005", "ב-2005", "2005 में", "2005年") is read, as "in 2005"
# is in English, only after (or before) the words that make a four-digit number a year: "2005 maisons" is none.
YEAR_BEFORE = {
    "fr": "en|depuis|dès|jusqu'en|jusqu’en|avant|après|l'an|l’an|année",
    "de": "im jahr|im jahre|seit|bis|vor|nach|ab",
    "es": "en|desde|hasta|antes de|después de|el año|del año|en el año",
    "it": "nel|dal|fino al|entro il|prima del|dopo il|l'anno|l’anno",
    "pt": "em|desde|até|antes de|depois de|após|no ano de",
    "nl": "in|sinds|tot|voor|na|vanaf",
    "ru": "в|с|до|после|к",
    "el": "το|από το|μέχρι το|έως το|στο|πριν το|μετά το",
    "cs": "v roce|od roku|do roku|roku|v|od|do|po",
    "ar": "عام|في عام|منذ عام|في العام|منذ العام|العام|سنة|في سنة|منذ|حتى عام|قبل عام|بعد عام",
    "he": "[וש]?ב|[וש]?ב[-־]|בשנת|משנת|מאז|עד|לפני|אחרי",  # written onto the year: "ב-2005", "וב־2005"
    "hi": "वर्ष|साल|सन",
}
YEAR_AFTER = {"ru": "году|года|год", "hi": "में|तक"}
# What turns the number after such a word into a count: "depuis 2000 ans", "vor 2000 Jahren", "до 2000 человек"
COUNTED = {
    "fr": "ans|années|euros|dollars|personnes|habitants|km|kilomètres|mètres|morts|victimes",
    "de": "jahren|jahre|euro|dollar|menschen|personen|km|kilometer|meter|tote|opfer",
    "es": "años|euros|dólares|personas|habitantes|km|kilómetros|metros|muertos|víctimas",
    "it": "anni|euro|dollari|persone|abitanti|km|chilometri|metri|morti|vittime",
    "pt": "anos|euros|dólares|pessoas|habitantes|km|quilômetros|quilómetros|metros|mortos|vítimas",
    "nl": "jaar|euro|dollar|mensen|personen|inwoners|km|kilometer|meter|doden|slachtoffers",
    "ru": "лет|человек|рублей|долларов|евро|км|километров|метров|погибших|жертв",
    "el": "χρόνια|ετών|ευρώ|δολάρια|άτομα|ανθρώπους|κάτοικοι|χλμ|χιλιόμετρα|μέτρα|νεκροί|θύματα",
    "cs": "letech|let|lety|lidí|osob|korun|eur|dolarů|km|kilometrů|metrů|případech|obětí",
    "ar": "سنة|عام|شخص|دولار|يورو|كيلومتر|كم|متر|قتيل|ضحية",
    "he": 'שנה|שנים|איש|אנשים|דולר|שקל|אירו|ק״מ|ק"מ|מטר|הרוגים',
    "hi": "साल|वर्ष|लोग|लोगों|रुपये|डॉलर|किलोमीटर|मीटर|से अधिक|से ज्यादा|से कम",
}
BARE_YEAR = r"(?<!\d)(?P<{name}>(?:1[89]|20)\d\d)(?![\d.,]\d)(?!\s*(?:%|‰))"


def _year_pattern(code: str) -> re.Pattern[str]:
    if code in UNSPACED:  # 2005年, not 2005年1月 (a month), 2000年前 (years ago), 2000年代, 有2000年历史
        return re.compile(BARE_YEAR.format(name="before") + r"\s*年(?!\s*\d{1,2}\s*月|前|来|代|間|的?历史|の歴史)")
    joined = r"\s*" if code == "he" else r"\s+"
    counted = rf"(?!\s*(?:{COUNTED[code]})(?![^\W\d_]))"
    options = [rf"(?<![^\W\d_])(?:{YEAR_BEFORE[code]}){joined}{BARE_YEAR.format(name='before')}{counted}"]
    if code in YEAR_AFTER:
        options.append(rf"(?<![\d.,]){BARE_YEAR.format(name='after')}\s+(?:{YEAR_AFTER[code]})(?![^\W\d_])")
    return re.compile("|".join(options), re.IGNORECASE)


YEARS = {code: _year_pattern(code) for code in LANGUAGES}


def _month(code: str, found: str) -> int | None:
    """A month's number from its name (or, in Chinese and Japanese, its digits); None for a spelling the pattern
    matched without case that case-folds to no known name (Turkish İ: "APRİLE")."""
    return int(found) if code in UNSPACED else MONTHS[code].get(found.casefold())


def _overlaps(match: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    """Whether a match shares characters with a date already read (a month's year is no year of its own)."""
    return any(start < match.end() and match.start() < end for start, end in taken)


def dated_in(code: str, sentence: Sentence, when: date | None) -> Iterator[tuple[str, date | None, date | None, str]]:
    """(expression, start, end, granularity) for every absolute date of a sentence in language ``code``."""
    if code not in PATTERNS or not any(c.isdigit() for c in sentence.text):
        return
    day_month, month_year = PATTERNS[code]
    text = sentence.text.translate(DIGITS)  # one character for one: offsets stay the sentence's
    taken: list[tuple[int, int]] = []
    for match in day_month.finditer(text):
        month, day = _month(code, match.group("month")), int(match.group("day"))
        if month is None or not 1 <= day <= 31:
            continue
        taken.append(match.span())
        year = int(match.group("year")) if match.group("year") else None
        if year is None and when is not None:
            year = untensed_year(month, day, when)
        on = safe_day(year, month, day) if year else None
        yield sentence.text[match.start() : match.end()], on, on, "day"
    for match in month_year.finditer(text):
        if _overlaps(match, taken):
            continue
        month, year = _month(code, match.group("month")), int(match.group("year"))
        if month is None:
            continue
        taken.append(match.span())
        yield sentence.text[match.start() : match.end()], date(year, month, 1), month_end(year, month), "month"
    for match in YEARS[code].finditer(text):
        if _overlaps(match, taken):
            continue
        year = int(match.group("before") or match.group("after"))
        yield sentence.text[match.start() : match.end()], date(year, 1, 1), date(year, 12, 31), "year"
