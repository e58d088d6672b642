"""Cluster: which story an incoming article belongs to, decided one article at a time, in arrival order.

An article is reduced to its most distinctive stemmed terms (tf-idf, with document frequencies over every
article stored so far) as a unit vector, and a MinHash signature of that term set. Locality-sensitive hashing
over one-row bands of the signature finds the few stories with articles that may be about the same event
without scanning the store; the cosine between the article and each story's profile (the sum of its
articles' vectors) decides. Words are a language's own, so an article in another language is judged by its
figures instead (dates, tolls, sums: written alike in every language, ``figures``), apart from its words and
more strictly. A story has a time window: an article published more than
``WINDOW_DAYS`` from a story's known dates never joins it, so an old story does not swallow a new event.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from operator import itemgetter

import numpy as np

from newsfuse.across import NUMBER, figure
from newsfuse.languages import SPACED_WORD, Language
from newsfuse.text import words

TOP_TERMS = 60  # terms kept per article: enough to tell events apart, few enough to compare fast
BANDS = 64  # one-row LSH bands: top-term sets with a Jaccard of 0.05 share a bucket 96% of the time
THRESHOLD = 0.25  # cosine between an article and a story's profile at which it joins the story
MERGE_THRESHOLD = 0.4  # cosine it must reach with two stories to merge them: fusing whole stories needs more
BY_FIGURES = 0.5  # cosine of its figures alone at which an article joins a story it shares too few words with ...
FIGURES_SHARED = 3  # ... when they share at least this many figures (an article in another language: a translation),
TELLING_SHARED = 1  # ... of which at least this many tell events apart (``telling``: not a year, a day, a score)
MERGE_BY_FIGURES = 0.7  # and at which it merges such a story with another
WINDOW_DAYS = 7
BACKGROUND = 1000  # idf is computed as if this many unrelated articles were stored too: sane from the first one
CENTROID_TERMS = 100  # words kept in a story's profile
TOP_FIGURES = 20  # figures kept per article ...
CENTROID_FIGURES = 40  # ... and in a story's profile
MAX_BUCKET = 10  # newest stories looked at per LSH bucket: bounds the work on very common terms
SETS_PER_PASS = 256  # term sets hashed in one NumPy pass: at most 256 × (TOP_TERMS + TOP_FIGURES) × BANDS values
_PRIME = (1 << 31) - 1  # hashes (a·x + b) mod p with x, a, b < p: the products fit in 64 bits
_SEEDS = np.random.default_rng(20261122).integers(1, _PRIME, size=(2, BANDS), dtype=np.int64)


OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024f]")  # a letter beyond Latin: Greek, Cyrillic, Arabic, Han…
# A figure, not part of a word ("mh370", "10am": not even its "1"), nor a piece of a longer number; Chinese and
# Japanese write figures between characters ("2026年3月14日", "4500名"), which part no word there
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
STANDALONE = re.compile(rf"(?<![^\W\d_{CJK_LETTERS}])(?:{NUMBER.pattern})(?![^\W_{CJK_LETTERS}])")
NEUTRAL = "#"  # what a term of no language (a figure) starts with; no term is empty
LONGEST_FIGURE = 24  # characters
SMALL_FIGURE = 100  # a whole number below this is too common to tell events apart (``telling``) ...
YEARS = (1900, 2100)  # ... and so is a year


def text_hash(text: str) -> str:
    """The same text, whatever its case, spacing and punctuation, hashes the same. Latin-script text hashes its
    English word tokens as it always has (so stored hashes stay valid); text in other scripts hashes words of
    every script (English tokens would keep only its digits)."""
    tokens = words(text) if not OTHER_SCRIPT.search(text) else [w.lower() for w in SPACED_WORD.findall(text)]
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def normal_url(url: str | None) -> str | None:
    """A URL without fragment, trailing slash, case differences in scheme and host, or the tracking parameters
    a feed adds to its links ("?utm_source=rss"): one page, however it was linked to."""
    if not url or not url.strip():
        return None
    match = re.match(r"^\s*(\w+)://([^/?#]+)([^#]*)", url)
    if not match:
        return url.strip()
    scheme, host, rest = match.groups()
    if "?" in rest:
        path, _, query = rest.partition("?")
        kept = [part for part in query.split("&") if part and not TRACKING.match(part)]
        rest = f"{path}?{'&'.join(kept)}" if kept else path
    return f"{scheme.lower()}://{host.lower()}{rest.rstrip('/')}"


TRACKING = re.compile(r"(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src)(?:=|$)", re.IGNORECASE)


def term_counts(text: str, language: Language) -> Counter[str]:
    """Stemmed content terms of an article in its ``language``, with their counts: what the writer needs to
    weigh it. Its figures are terms of no language (``figures``), the same in every language's article; a word
    with digits in it ("g7", "mh370") stays a word."""
    counts = Counter(stem for stem in language.content_stems(text) if stem[-1].isalpha() or stem[0].isalpha())
    counts.update(figures(text))
    return counts


def figures(text: str) -> list[str]:
    """The figures of a text as terms of no language, spelt as ``across.figure`` spells them (thousands grouped
    any way, "500,000", "500.000", "500 000", are all ``#500000``; a decimal comma a point), with digits of any
    script as ASCII ("٥٠٠٠٠٠" too), no leading zero ("08" is "8") and no trailing decimal zero ("0.50" is
    "0.5"). Translations and outlets in other languages give a story's figures alike: dates, tolls, sums. A
    number that is part of a word ("mh370") is not a figure."""
    found = []
    for raw in STANDALONE.findall(text):
        if len(raw) > LONGEST_FIGURE:  # a serial number or a run of digits, not a figure a story is told by
            continue
        if raw.isdigit() and raw.isascii():  # most figures
            found.append(NEUTRAL + (raw.lstrip("0") or "0"))
            continue
        value = figure(raw)
        if not value.isascii():
            value = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in value)
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        value = value.lstrip("0")
        found.append(NEUTRAL + (value if value[:1].isdigit() else "0" + value))
    return found


def telling(figure: str) -> bool:
    """A figure that tells one event from another: not a year, a day of the month or a small count, which many
    unrelated reports of one week share ("2026", "12 March", "2-1")."""
    value = figure[len(NEUTRAL) :]
    if "." in value:
        return True
    number = int(value) if value.isdigit() else 0
    return number >= SMALL_FIGURE and not YEARS[0] <= number <= YEARS[1]


def vector(counts: Mapping[str, int], df: Mapping[str, int], articles: int) -> dict[str, float]:
    """The tf-idf vector of the article's TOP_TERMS most distinctive words, of unit length, and of its TOP_FIGURES
    most distinctive figures, of unit length too: figures are shared by every language, so they would lose to
    any language's words on idf; apart, they tell an article in one language and a story in another."""
    size = articles + BACKGROUND
    weights = {t: (1.0 + math.log(c)) * math.log((size + 1) / (df.get(t, 0) + 1)) for t, c in counts.items()}
    found: dict[str, float] = {}
    for part, keep in zip(split(weights), (TOP_TERMS, TOP_FIGURES), strict=True):
        top = sorted(part.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]  # heapq.nsmallest's answer, faster
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        found.update((t, round(w / norm, 4)) for t, w in top if w > 0)
    return found


def _term_hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))  # stable across runs and processes, unlike hash()


def buckets_of(terms: Iterable[str]) -> list[int]:
    """LSH bucket keys of a term set: similar sets share some. Each of the BANDS one-row bands contributes its
    minimum hash, tagged with the band's number (band × p + hash, p the hash modulus: one integer per bucket)."""
    return buckets_of_many([terms])[0]


def buckets_of_many(term_sets: Iterable[Iterable[str]]) -> list[list[int]]:
    """``buckets_of`` for each of many term sets, ``SETS_PER_PASS`` sets per NumPy pass: the writer keys a
    whole batch of articles at once, since one pass per article cost more than the hashing itself."""
    sets = [list(terms) for terms in term_sets]
    keys: list[list[int]] = []
    for start in range(0, len(sets), SETS_PER_PASS):
        keys.extend(_min_hashes(sets[start : start + SETS_PER_PASS]))
    return keys


def _min_hashes(sets: list[list[str]]) -> list[list[int]]:
    """Bucket keys of a few term sets in one pass: each set's minimum per band, tagged with the band. A term's
    hashes are computed once however many of the sets hold it (articles of a batch share most of their terms)."""
    filled = [s for s in sets if s]
    if not filled:
        return [[] for _ in sets]
    distinct = {term: n for n, term in enumerate(dict.fromkeys(t for s in filled for t in s))}
    a, b = _SEEDS
    hashed = np.array([_term_hash(t) % _PRIME for t in distinct], dtype=np.int64)
    rows = ((np.outer(hashed, a) + b) % _PRIME)[[distinct[t] for s in filled for t in s]]  # one row per term
    starts = np.cumsum([0] + [len(s) for s in filled[:-1]])
    minima = np.minimum.reduceat(rows, starts, axis=0)  # per set, per band
    found = iter((np.arange(BANDS, dtype=np.int64) * _PRIME + minima).tolist())
    return [next(found) if s else [] for s in sets]


def within_window(when: date | None, first: date | None, last: date | None) -> bool:
    """Whether an article of date ``when`` may join a story seen from ``first`` to ``last``."""
    if when is None or first is None or last is None:
        return True
    return (first.toordinal() - WINDOW_DAYS) <= when.toordinal() <= (last.toordinal() + WINDOW_DAYS)


def add(centroid: Mapping[str, float], vector: Mapping[str, float]) -> dict[str, float]:
    """A story's term profile plus one more article (or story), keeping its CENTROID_TERMS strongest words and
    CENTROID_FIGURES strongest figures."""
    total = dict(centroid)
    for term, weight in vector.items():
        total[term] = total.get(term, 0.0) + weight
    words, figures = split(total)  # each sorted as heapq.nlargest would (a stable sort), at a third of its cost
    kept = sorted(words.items(), key=itemgetter(1), reverse=True)[:CENTROID_TERMS]
    kept += sorted(figures.items(), key=itemgetter(1), reverse=True)[:CENTROID_FIGURES]
    return {t: round(w, 4) for t, w in kept}


def length(profile: Mapping[str, float]) -> float:
    """The length of a profile's words (its figures are compared apart)."""
    return math.sqrt(sum([w * w for w in split(profile)[0].values()])) or 1.0


@dataclass(frozen=True)
class Candidate:
    """A story that an incoming article may belong to: its term profile and its known dates."""

    story: int
    centroid: Mapping[str, float]  # the sum of its articles' vectors (not unit length) ...
    norm: float  # ... and the length of its words (``length``)
    first: date | None
    last: date | None

    def similarity(self, words: Mapping[str, float]) -> float:
        """Cosine between an article's words (a unit vector, no figures: ``split``) and the story's."""
        centroid = self.centroid
        return sum(words[t] * centroid[t] for t in words.keys() & centroid.keys()) / self.norm

    @cached_property
    def figures(self) -> dict[str, float]:
        """The profile's figures (kept with its words, compared apart)."""
        return split(self.centroid)[1]

    def by_figures(self, figures: Mapping[str, float]) -> float:
        """Cosine between an article's figures (a unit vector: ``split``) and the story's, when they share at
        least ``FIGURES_SHARED`` figures, ``TELLING_SHARED`` of them telling events apart (``telling``), else 0:
        what tells an article in one language and a story in another. Years, days and small counts weigh in the
        cosine, but many stories of one week share them, so they never make the match on their own."""
        theirs = self.figures
        shared = figures.keys() & theirs.keys()
        if len(shared) < FIGURES_SHARED or sum(map(telling, shared)) < TELLING_SHARED:
            return 0.0
        return sum(figures[t] * theirs[t] for t in shared) / math.sqrt(sum(w * w for w in theirs.values()))


def split(terms: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """Weighed terms (an article's vector, each part of unit length: ``vector``; a story's profile) as its words
    and its figures, each in the order given."""
    words, figures = {}, {}
    for term, weight in terms.items():
        (figures if term[0] == NEUTRAL else words)[term] = weight
    return words, figures


def decide(own: Mapping[str, float], when: date | None, candidates: Sequence[Candidate]) -> list[int]:
    """The stories an article belongs to, best match first: none (a new story), one, or several to merge.

    The article is compared with each candidate story's profile (the sum of its articles' vectors), not with
    single articles, so that one loose article does not chain two events together; and it merges stories only
    when it is close to each of them (``MERGE_THRESHOLD``, or ``MERGE_BY_FIGURES`` by figures alone), since
    merges otherwise snowball into one story of a whole running topic.
    """
    best: dict[int, tuple[bool, float]] = {}  # story → (matched by its words, score)
    words, figures = split(own)
    for c in candidates:
        if not within_window(when, c.first, c.last):
            continue
        similarity = c.similarity(words)
        if similarity >= THRESHOLD:
            best[c.story] = (True, similarity)
        elif len(figures) >= FIGURES_SHARED and (by_figures := c.by_figures(figures)) >= BY_FIGURES:
            # after every story that shares its words; a merge when its figures are closer still
            best[c.story] = (False, MERGE_THRESHOLD if by_figures >= MERGE_BY_FIGURES else THRESHOLD)
    ranked = sorted(best, key=lambda story: (not best[story][0], -best[story][1], story))
    merged = [story for story in ranked[1:] if best[story][1] >= MERGE_THRESHOLD]
    if when is None and merged:  # an undated article is in every window: it must not bridge two far apart
        spans = {c.story: (c.first, c.last) for c in candidates if c.story in best}
        merged = [story for story in merged if _near(spans[ranked[0]], spans[story])]
    return ranked[:1] + merged


def _near(one: tuple[date | None, date | None], other: tuple[date | None, date | None]) -> bool:
    """Whether two stories' known dates come within ``WINDOW_DAYS`` of each other (yes when either has none)."""
    if None in one or None in other:
        return True
    return one[0].toordinal() - WINDOW_DAYS <= other[1].toordinal() and other[0].toordinal() - WINDOW_DAYS <= (
        one[1].toordinal()
    )
