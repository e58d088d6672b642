"""The features of the same-fact judgement (``samefact``): what each sentence holds, then what a pair shares.

A ``Side`` is one sentence worked out once: its words, stems, content words with their idf, n-grams,
character n-grams, figures, years, names, negation, semantic vector and word vectors. ``pair_features`` then
reads two sides. Every feature is symmetric (a pair's order is arbitrary): shares are given as the smaller and
the larger of the two sentences' shares.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import Stemmer

from newsfuse.facts import YEAR
from newsfuse.meaning import Meaning
from newsfuse.text import NUMBER_WORDS, STOPWORDS

TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.,]\d+)*")
SPELLED = list(NUMBER_WORDS)
NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(SPELLED) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b", re.I
)
NAME = re.compile(r"\b[A-Z][a-z]+")
CALENDAR = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b",
    re.I,
)
CONTRACTED = (  # "didn't", "didn’t", and "didnt" as some feeds write it
    r"n['’]t\b|\b(?:dont|doesnt|didnt|isnt|wasnt|arent|werent|havent|hasnt|hadnt|wont|cant|couldnt|wouldnt|"
    r"shouldnt)\b"
)
DENIAL = re.compile(rf"\b(?:not|never|deny|denies|denied|denying|no longer)\b|{CONTRACTED}", re.I)
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|deny|denies|denied|denying|without|refused|rejected|"
    rf"declined|unable)\b|{CONTRACTED}",
    re.I,
)
UNALIGNED = 0.5  # a word whose best match in the other sentence has a lower cosine has no counterpart
FEATURES = (
    "cosine", "content jaccard", "content covered min", "content covered max", "idf covered min",
    "idf covered max", "idf cosine", "1-gram min", "1-gram max", "2-gram min", "2-gram max", "3-gram min",
    "3-gram max", "4-gram min", "4-gram max", "char 4-gram min", "char 4-gram max", "sequence ratio",
    "same figures", "figures differing", "each has its own figure", "years differ", "calendar differs",
    "length ratio", "length difference", "negation differs", "names differing", "aligned mean", "aligned min",
    "idf aligned min", "unaligned words", "unaligned idf max",
)  # fmt: skip


VALUES = NUMBER_WORDS


def _value(number: str) -> float | None:
    number = number.lower().replace(",", "").rstrip(".")
    head, _, tail = number.partition("-")
    if head in VALUES:
        return float(VALUES[head] + VALUES.get(tail, 0))
    try:
        return float(number)
    except ValueError:
        return None


def _decimals(x: float) -> int:
    return 0 if x == int(x) else len(repr(x).split(".")[1])


def _covered(x: float, others: frozenset[float]) -> bool:
    """``x`` is among ``others``, or one of them rounded to its precision (3.2 percent and 3 percent agree)."""
    return any(x == o or round(o, _decimals(x)) == x or round(x, _decimals(o)) == o for o in others)


def _only(a: frozenset[float], b: frozenset[float]) -> int:
    return sum(not _covered(x, b) for x in a)


@dataclass(frozen=True)
class Side:
    text: str
    stems: tuple[str, ...]
    content: frozenset[str]  # stems of content words
    idf: dict[str, float]  # per content stem
    grams: tuple[frozenset[tuple[str, ...]], ...]  # stem 1- to 4-grams
    chars: frozenset[str]  # character 4-grams of the lower-cased words
    figures: frozenset[float]  # values of the numbers ("14", "fourteen", "1,400"), years left out
    years: frozenset[str]
    calendar: frozenset[str]  # weekdays and months
    names: frozenset[str]
    negated: bool  # a negation cue, broadly ("no", "without", "refused")
    denies: bool  # a cue that turns a statement into its contrary ("not", "never", "denied")
    words: int
    vector: np.ndarray
    content_words: tuple[str, ...]  # as written, in order, for the word alignment
    content_idf: np.ndarray  # per content word

    def differs_in_figures(self, other: Side) -> bool:
        """Each of the two gives a figure the other does not: the same quantity may have two values."""
        return bool(_only(self.figures, other.figures)) and bool(_only(other.figures, self.figures))

    def contradicts(self, other: Side) -> bool:
        """One side says "not", "never" or "denied" and the other has no negation at all: a confirmation and a
        denial of the same thing read almost alike, word by word and in vectors."""
        return (self.denies and not other.negated) or (other.denies and not self.negated)


def side_of(
    text: str,
    meaning: Meaning,
    stemmer: Stemmer.Stemmer,
    idf: Callable[[str], float],
    vector: np.ndarray | None = None,
) -> Side:
    words = TOKEN.findall(text)
    stems = tuple(stemmer.stemWords([w.lower() for w in words]))
    kept = [(w, s) for w, s in zip(words, stems, strict=True) if w.lower() not in STOPWORDS]
    numbers = NUMBER.findall(text)
    years = frozenset(n for n in numbers if YEAR.fullmatch(n))
    values = frozenset(v for n in numbers if n not in years and (v := _value(n)) is not None)
    lowered = " ".join(w.lower() for w in words)
    return Side(
        text=text,
        stems=stems,
        content=frozenset(s for _, s in kept),
        idf={s: idf(s) for _, s in kept},
        grams=tuple(frozenset(zip(*(stems[k:] for k in range(n)), strict=False)) for n in (1, 2, 3, 4)),
        chars=frozenset(lowered[i : i + 4] for i in range(len(lowered) - 3)),
        figures=values,
        years=years,
        calendar=frozenset(m.lower() for m in CALENDAR.findall(text)),
        names=frozenset(NAME.findall(text)),
        negated=bool(NEGATION.search(text)),
        denies=bool(DENIAL.search(text)),
        words=len(words),
        vector=meaning.sentences([text])[0] if vector is None else vector,
        content_words=tuple(w for w, _ in kept),
        content_idf=np.array([idf(s) for _, s in kept]),
    )


def _shares(a: frozenset, b: frozenset) -> list[float]:
    shared = len(a & b)
    first, second = shared / max(1, len(a)), shared / max(1, len(b))
    return [min(first, second), max(first, second)]


def _idf_shares(a: Side, b: Side) -> list[float]:
    shared = a.content & b.content
    first = sum(a.idf[s] for s in shared) / max(1e-9, sum(a.idf.values()))
    second = sum(b.idf[s] for s in shared) / max(1e-9, sum(b.idf.values()))
    dot = sum(a.idf[s] * b.idf[s] for s in shared)
    norms = np.sqrt(sum(v * v for v in a.idf.values()) * sum(v * v for v in b.idf.values()))
    return [min(first, second), max(first, second), dot / norms if norms else 0.0]


def _aligned(meaning: Meaning, a: Side, b: Side) -> list[float]:
    """How well each content word finds a counterpart in the other sentence (BERTScore's idea on static
    vectors), plain and weighted by idf, and how rare the rarest word without a counterpart is."""
    if not a.content_words or not b.content_words:
        return [0.0, 0.0, 0.0, float(len(a.content_words) + len(b.content_words)), 0.0]
    similarity = meaning.words(a.content_words) @ meaning.words(b.content_words).T
    best_a, best_b = similarity.max(axis=1), similarity.max(axis=0)
    weighted = [float(best @ s.content_idf / max(1e-9, s.content_idf.sum())) for best, s in ((best_a, a), (best_b, b))]
    lonely = np.concatenate([a.content_idf[best_a < UNALIGNED], b.content_idf[best_b < UNALIGNED]])
    return [
        float(best_a.mean() + best_b.mean()) / 2,
        float(min(best_a.mean(), best_b.mean())),
        min(weighted),
        float(len(lonely)),
        float(lonely.max()) if len(lonely) else 0.0,
    ]


def pair_features(a: Side, b: Side, meaning: Meaning) -> list[float]:
    """The row of ``FEATURES`` for one pair."""
    union = a.content | b.content
    row = [float(a.vector @ b.vector), len(a.content & b.content) / max(1, len(union))]
    row += _shares(a.content, b.content) + _idf_shares(a, b)
    for n in range(4):
        row += _shares(a.grams[n], b.grams[n])
    row += _shares(a.chars, b.chars)
    row.append(difflib.SequenceMatcher(a=a.stems, b=b.stems, autojunk=False).ratio())
    differ = _only(a.figures, b.figures) + _only(b.figures, a.figures)
    row += [float(not differ), float(differ), float(a.differs_in_figures(b))]
    row += [float(bool(a.years ^ b.years)), float(bool(a.calendar) and bool(b.calendar) and a.calendar != b.calendar)]
    row += [min(a.words, b.words) / max(1, a.words, b.words), float(abs(a.words - b.words))]
    row.append(float(a.negated != b.negated))
    row.append(len(a.names ^ b.names) / max(1, len(a.names | b.names)))
    aligned = _aligned(meaning, a, b)
    row += aligned
    return row
