"""Word-level helpers shared by the stages: tokens, content terms, stems, and an English check.

Kept free of any model so that every stage stays fast and offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import Stemmer

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


def words(text: str) -> list[str]:
    """Lower-cased word tokens; keeps U.S. and 3.5 whole."""
    return [w.lower() for w in WORD.findall(text)]


def stemmer() -> Callable[[str], str]:
    """The Snowball English stemmer (PyStemmer's C build: about 0.2 µs a word)."""
    return Stemmer.Stemmer("english").stemWord


def content_terms(text: str, stem: Callable[[str], str]) -> list[str]:
    """Stemmed words that carry content: no stopwords, no one-letter tokens."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def english_share(tokens: Iterable[str]) -> tuple[int, float]:
    """(number of word tokens, share of them that are common English function words)."""
    tokens = [t for t in tokens if t.isalpha()]
    if not tokens:
        return 0, 0.0
    return len(tokens), sum(t in ENGLISH_MARKERS for t in tokens) / len(tokens)


ASCII = re.compile(r"[\x00-\x7f]+")
SAMPLE = 1_500  # characters (about 250 words): the start of an article says which language it is in


def looks_english(text: str) -> bool:
    """True unless the text is clearly in another language (or another script).

    English running text has 20-30% of its tokens among the markers; other languages almost none.
    Short texts get the benefit of the doubt.
    """
    sample = text[:SAMPLE]
    if not sample.isascii():  # letters of other scripts outnumber Latin ones: another language
        foreign = sum(map(str.isalpha, ASCII.sub("", sample)))
        latin = sum(map(str.isalpha, sample.encode("ascii", "ignore").decode()))
        if foreign > latin:
            return False
    count, share = english_share(words(sample))
    if count < 12:
        return True
    return share >= 0.06
