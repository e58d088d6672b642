"""Word-level helpers shared by the stages: tokens, word counts, and the language check.

Free of any model, except the language identifier that decides what the cheap English rule doubts.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’.][A-Za-z0-9]+)*")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say
    mr mrs ms one two new year years its it's s t don didn doesn isn wasn aren weren won wouldn can't
    """.split()
)

# Function words that are frequent in English and rare in other Latin-script languages.
ENGLISH_MARKERS = frozenset(
    "the and of to is was that with for on are this be have from by at which were has they it his her their "
    "said not but who been would will".split()
)


OPENERS = "\"“‘'`("  # marks that may come before a sentence's first word
OPEN_QUOTE = rf"[{re.escape(OPENERS)}]*+\s*+"  # possessive: a search through a long run of spaces stays linear


CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and Han: scripts without spaces
UNSPACED = re.compile(f"[{CJK}]")


def noun(count: int, one: str, many: str | None = None) -> str:
    """The noun for ``count`` things: "article" for one, "articles" (or ``many``: "stories") for any other number."""
    return one if count == 1 else many or f"{one}s"


def counted(count: int, one: str, many: str | None = None) -> str:
    """ "1 article", "3 articles", "2 stories" (``many``)."""
    return f"{count} {noun(count, one, many)}"


def word_count(text: str) -> int:
    """Words of a text: separated by spaces, except in Chinese and Japanese, which do not separate them; there a
    word is counted per 1.5 characters (the mean length of a Chinese word)."""
    spaced = len(text.split())
    if text.isascii():
        return spaced
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return spaced
    others = sum(1 for run in UNSPACED.sub(" ", text).split() if any(c.isalnum() for c in run))
    return others + round(unspaced / 1.5)


WORD_RUN = re.compile(r"\w+")
# ASCII punctuation and spaces → space, other bytes as they are: the word runs of ASCII text at a third of the cost
ASCII_NON_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + bytes(range(128, 256))


def word_runs(text: str) -> list[str]:
    """The runs of word characters of a text (``WORD_RUN``): what the repeats and the opinion gates compare."""
    if text.isascii():
        return text.encode().translate(ASCII_NON_WORD).decode().split()
    return WORD_RUN.findall(text)


# English numbers written in words, with the figures they stand for: what the checks that compare figures read
NUMBER_WORDS = dict(
    zip(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen".split(),
        [*range(1, 21), 30, 40, 50, 60, 70, 80, 90, 100, 12],
        strict=True,
    )
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; keeps U.S. and 3.5 whole."""
    return [w.lower() for w in WORD.findall(text)]


def english_share(words: list[str]) -> tuple[int, float]:
    """(number of words, share of them that are common English function words): of the words that are letters
    only and do not begin with a capital (a name is no language's function word)."""
    lower = [w.lower() for w in words if w.isalpha() and not w[0].isupper()]
    if not lower:
        return 0, 0.0
    return len(lower), sum(map(ENGLISH_MARKERS.__contains__, lower)) / len(lower)


ASCII = re.compile(r"[\x00-\x7f]+")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")  # zero-width and format characters: not words
SAMPLE = 1_500  # characters (about 250 words): the start of an article says which language it is in


CLEARLY_ENGLISH = 0.12  # share of markers above which no identifier is asked (English running text: 0.2-0.3)
LONG = 12  # words in lower case from which a text's share of markers says its language
SHORT = 5  # words in lower case from which a shorter text with too few markers is doubted too
NOT_ENGLISH = 0.05  # probability of English under which the identifier overrules a short text's benefit of doubt


def _doubtful(text: str) -> str | None:
    """Whether the cheap rule cannot clear the text's start as English, and how far ("long", "short"): another
    script dominates, or too few English function words among its words in lower case (another language, or
    English lists, tables and results; a wire item dense with names is not doubtful for them). A short text is
    only "short"-doubtful: a few words are thin evidence either way (see ``identify``)."""
    sample = INVISIBLE.sub("", text[: 2 * SAMPLE])[:SAMPLE]
    if not sample.isascii():  # letters of other scripts outnumber Latin ones
        foreign = sum(map(str.isalpha, ASCII.sub("", sample)))
        latin = sum(map(str.isalpha, sample.encode("ascii", "ignore").decode()))
        if foreign > latin:
            return "long"
    # Words in lower case only: names ("MOSCOW", "Boris Yeltsin", "Vladimir Putin") are no language's function words
    count, share = english_share(WORD.findall(sample))
    if share >= CLEARLY_ENGLISH or count < SHORT:
        return None
    return "long" if count >= LONG else "short"


LANGUAGE_NAMES = {
    "ace": "Acehnese", "af": "Afrikaans", "am": "Amharic", "an": "Aragonese", "ar": "Arabic", "as": "Assamese",
    "az": "Azerbaijani", "ba": "Bashkir", "bcl": "Central Bikol", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "crh": "Crimean Tatar", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "dz": "Dzongkha", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "ext": "Extremaduran", "fa": "Persian",
    "fi": "Finnish", "fo": "Faroese", "fr": "French", "fuv": "Nigerian Fulfulde", "fy": "Western Frisian",
    "ga": "Irish", "gcf": "Guadeloupean Creole", "gcr": "Guianese Creole", "gd": "Scottish Gaelic",
    "gl": "Galician", "gom": "Konkani", "gu": "Gujarati", "gug": "Paraguayan Guarani", "guw": "Gun",
    "ha": "Hausa", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "ht": "Haitian Creole", "hu": "Hungarian",
    "hy": "Armenian", "id": "Indonesian", "ig": "Igbo", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "jv": "Javanese", "ka": "Georgian", "kab": "Kabyle", "kik": "Kikuyu", "kk": "Kazakh", "km": "Khmer",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish",
    "lg": "Ganda", "lij": "Ligurian", "ln": "Lingala", "lo": "Lao", "lt": "Lithuanian", "ltg": "Latgalian",
    "lv": "Latvian", "mg": "Malagasy", "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi",
    "ms": "Malay", "mt": "Maltese", "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian", "nso": "Northern Sotho", "oc": "Occitan", "om": "Oromo", "or": "Odia", "pa": "Punjabi",
    "pcm": "Nigerian Pidgin", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua",
    "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sa": "Sanskrit", "sdh": "Southern Kurdish",
    "se": "Northern Sami", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "sn": "Shona", "so": "Somali",
    "sq": "Albanian", "sr": "Serbian", "st": "Southern Sotho", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "tg": "Tajik", "th": "Thai", "tk": "Turkmen", "tl": "Tagalog", "tr": "Turkish",
    "tt": "Tatar", "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "uzs": "Southern Uzbek",
    "vec": "Venetian", "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon", "xh": "Xhosa", "yo": "Yoruba",
    "zh": "Chinese", "zu": "Zulu", "zxx": "no human language",
}  # fmt: skip
# What the identifier tells apart that newsfuse reads as one language: Hebrew written with its vowel points looks
# Biblical to it, Greek in the polytonic spelling Ancient; Egyptian and Moroccan Arabic, Cantonese and Wu Chinese.
VARIETIES = {"hbo": "he", "grc": "el", "arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh"}


@cache
def identifier() -> Any:
    """py3langid's model (97 languages, shipped in its wheel, BSD): loaded once per process, on first need
    (imported here: the import alone costs 0.15 s of a 0.25 s start-up)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # probabilities: see ``identify``


def identify(text: str) -> str:
    """The ISO 639-1 code of the language of a text's start (en, fr, zh…).

    The cheap rule clears almost every English article; only what it doubts pays for the identifier (its
    model takes about 0.7 s to load), which keeps real English that has few function words.
    """
    if not (doubt := _doubtful(text)):
        return "en"
    sample = INVISIBLE.sub("", text[: 2 * SAMPLE])[:SAMPLE]
    if doubt == "short":  # "Mvua kubwa imenyesha jana usiku…" is not English; a terse English line may look odd
        chances = dict(identifier().rank(sample))
        found = "en" if chances["en"] >= NOT_ENGLISH else max(chances, key=chances.__getitem__)
    else:
        found = str(identifier().classify(sample)[0])
    return VARIETIES.get(found, found)


def language_name(code: str) -> str:
    """English, French…: the name of a language code, for messages."""
    return LANGUAGE_NAMES.get(code, f"the language with ISO code {code!r}")
