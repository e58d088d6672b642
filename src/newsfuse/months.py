"""Month and weekday names of the languages newsfuse reads, and the date line they make ("Samedi 7 juillet 2007",
"السبت 7 يوليو 2007", "יום שבת, 7 ביולי, 2007", "2007年7月7日").

Two stages need them: cleaning drops a line that is only a date (a timestamp or a date line under the headline)
and keeps the date it gives as the article's publication date (``date_line``), in any language, as it does in
English; the timeline reads absolute dates in the text by the same month names (``anatomy.dates``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Twelve month names per language, each "name/other form" (genitive, abbreviation, spelling); lower-case, "_" a
# space. English's are the cleaning rules' own (``noise``), with its abbreviations.
MONTH_NAMES = {
    "fr": "janvier février/fevrier mars avril mai juin juillet août/aout septembre octobre novembre décembre/decembre",
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
    # Egypt's names and the Levant's (كانون الثاني…), with and without the hamza
    "ar": "يناير/كانون_الثاني فبراير/شباط مارس/آذار/أذار/اذار أبريل/ابريل/إبريل/نيسان مايو/أيار/ايار "
    "يونيو/يونيه/حزيران يوليو/يوليه/تموز أغسطس/اغسطس/آب سبتمبر/أيلول/ايلول أكتوبر/اكتوبر/تشرين_الأول/تشرين_الاول "
    "نوفمبر/تشرين_الثاني ديسمبر/كانون_الأول/كانون_الاول",
    "he": "ינואר פברואר מרץ/מרס אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    "hi": "जनवरी फ़रवरी/फरवरी मार्च अप्रैल/अप्रेल मई जून जुलाई अगस्त सितंबर/सितम्बर अक्टूबर/अक्तूबर नवंबर/नवम्बर दिसंबर/दिसम्बर",
}
PREFIXES = {"he": ("ב", "ל")}  # Hebrew writes "in" and "to" onto the month: "8 בינואר", "ב-8 לינואר"
UNSPACED = frozenset({"zh", "ja"})  # dates by the characters 年 月 日: 2005年1月8日, 1月8日, 2005年1月
WEEKDAYS = (
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lunes martes miércoles jueves viernes sábado domingo "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica "
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira segunda terça quarta quinta sexta "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "понедельник вторник среда четверг пятница суббота воскресенье "
    "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή "
    "pondělí úterý středa čtvrtek pátek sobota neděle "
    "الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد "
    "ראשון שני שלישי רביעי חמישי שישי שבת "
    "सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार"
).split()
# Words that join a date's parts: "12 de marzo de 2023", "8 января 2005 года", "יום שבת, ה-15", "Σάββατο, το"
JOINERS = frozenset("de del le el am den der το года г יום ה ב ל".split())
# Digits of other scripts (Arabic-Indic, Persian, Devanagari, full width), one character for one
DIGITS = {ord(c): str(n % 10) for n, c in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９")}


def _months() -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for code, names in MONTH_NAMES.items():
        months = found.setdefault(code, {})
        for n, forms in enumerate(names.split(), 1):
            for name in forms.replace("_", " ").split("/"):
                months.update({(prefix + name).casefold(): n for prefix in ("", *PREFIXES.get(code, ()))})
    return found


def bare(word: str) -> str:
    """A word as a date line's words are compared: case-folded, without accents or points ("ΣΑΒΒΑΤΟ", "Σάββατο")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


MONTHS = _months()  # language → month name (every form, case-folded: compare ``found.casefold()``) → its number
SPACED_NAMES = sorted({name for months in MONTHS.values() for name in months if " " in name}, key=len, reverse=True)
ANY_MONTH = {bare(name.replace(" ", "_")): n for months in MONTHS.values() for name, n in months.items()}
CALENDAR_WORDS = frozenset(ANY_MONTH) | frozenset(map(bare, WEEKDAYS)) | frozenset(map(bare, JOINERS))
TOKEN = re.compile(r"[^\s,.;:/|()\-–—،]+")
ORDINAL = re.compile(r"^[הבל]?(\d{1,2})(?:er|º|°|ος|ης|η)?$")  # 1er, 7ης, ה14 (Hebrew "the 14th")
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
UNSPACED_DATE = re.compile(r"((?:1[89]|20)\d\d)\s*年\s*(1[0-2]|0?[1-9])\s*月\s*([0-3]?\d)\s*[日号]")
WEEKDAY_AFTER = re.compile(r"\s*[（(][^）)]{1,4}[）)]\s*$")  # 2007年7月7日（土）


def _tokens(text: str) -> list[str]:
    """Words and numbers as ``bare`` makes them, a month of two words ("كانون الثاني") as one."""
    text = text.casefold()
    for name in SPACED_NAMES if not text.isascii() else ():  # they are all Arabic
        if name in text:
            text = text.replace(name, name.replace(" ", "_"))
    return [bare(t) for t in TOKEN.findall(text)]


def _parts(line: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a line of nothing but a date's words: one month, one day, one year, and weekdays
    or joining words, whatever their order; None for anything else ("Mars 2020" is no date line)."""
    text = line if line.isascii() else line.translate(DIGITS)
    if "年" in text and (match := UNSPACED_DATE.fullmatch(WEEKDAY_AFTER.sub("", text.strip()))):
        year, month, day = (int(g) for g in match.groups())
        return year, month, day
    tokens = _tokens(text)
    months = {ANY_MONTH[t] for t in tokens if t in ANY_MONTH}  # "10 يوليو/تموز": two names, one month
    days = [int(m.group(1)) for t in tokens if (m := ORDINAL.match(t))]
    years = [int(t) for t in tokens if YEAR.match(t)]
    if len(months) != 1 or len(days) != 1 or len(years) != 1:
        return None
    if not all(t in CALENDAR_WORDS or ORDINAL.match(t) or YEAR.match(t) for t in tokens):
        return None
    return years[0], months.pop(), days[0]


def is_date_line(line: str) -> bool:
    """A line of nothing but a date in another language ("Samedi 7 juillet 2007", "2007年7月7日（土）")."""
    return _parts(line) is not None


def date_line(line: str) -> str | None:
    """The ISO date a date line gives ("Samedi 7 juillet 2007" → 2007-07-07), if it is one and the day exists."""
    if (parts := _parts(line)) is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None
