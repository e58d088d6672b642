"""Cluster: which story an incoming article belongs to, decided one article at a time, in arrival order.

An article is reduced to its most distinctive stemmed terms (tf-idf, with document frequencies over every
article stored so far) as a unit vector, and a MinHash signature of that term set. Locality-sensitive hashing
over one-row bands of the signature finds the few stories with articles that may be about the same event
without scanning the store; the cosine between the article and each story's profile (the sum of its
articles' vectors) decides. A story has a time window: an article published more than
``WINDOW_DAYS`` from a story's known dates never joins it, so an old story does not swallow a new event.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

import numpy as np

from newsfuse.languages import SPACED_WORD, Language
from newsfuse.text import words

TOP_TERMS = 60  # terms kept per article: enough to tell events apart, few enough to compare fast
BANDS = 64  # one-row LSH bands: top-term sets with a Jaccard of 0.05 share a bucket 96% of the time
THRESHOLD = 0.25  # cosine between an article and a story's profile at which it joins the story
MERGE_THRESHOLD = 0.4  # cosine it must reach with two stories to merge them: fusing whole stories needs more
WINDOW_DAYS = 7
BACKGROUND = 1000  # idf is computed as if this many unrelated articles were stored too: sane from the first one
CENTROID_TERMS = 100  # terms kept in a story's profile
MAX_BUCKET = 10  # newest stories looked at per LSH bucket: bounds the work on very common terms
SETS_PER_PASS = 256  # term sets hashed in one NumPy pass: at most 256 × TOP_TERMS × BANDS values at once
_PRIME = (1 << 31) - 1  # hashes (a·x + b) mod p with x, a, b < p: the products fit in 64 bits
_SEEDS = np.random.default_rng(20261122).integers(1, _PRIME, size=(2, BANDS), dtype=np.int64)


OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024f]")  # a letter beyond Latin: Greek, Cyrillic, Arabic, Han…


def text_hash(text: str) -> str:
    """The same text, whatever its case, spacing and punctuation, hashes the same. Latin-script text hashes its
    English word tokens as it always has (so stored hashes stay valid); text in other scripts hashes words of
    every script (English tokens would keep only its digits)."""
    tokens = words(text) if not OTHER_SCRIPT.search(text) else [w.lower() for w in SPACED_WORD.findall(text)]
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def normal_url(url: str | None) -> str | None:
    """A URL without fragment, trailing slash or case differences in scheme and host."""
    if not url or not url.strip():
        return None
    match = re.match(r"^\s*(\w+)://([^/?#]+)([^#]*)", url)
    if not match:
        return url.strip()
    scheme, host, rest = match.groups()
    return f"{scheme.lower()}://{host.lower()}{rest.rstrip('/')}"


def term_counts(text: str, language: Language) -> Counter[str]:
    """Stemmed content terms of an article in its ``language``, with their counts: what the writer needs to
    weigh it."""
    return Counter(language.content_stems(text))


def vector(counts: Mapping[str, int], df: Mapping[str, int], articles: int) -> dict[str, float]:
    """The unit tf-idf vector over the article's TOP_TERMS most distinctive terms."""
    size = articles + BACKGROUND
    weights = {t: (1.0 + math.log(c)) * math.log((size + 1) / (df.get(t, 0) + 1)) for t, c in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]  # heapq.nsmallest's answer, faster
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: round(w / norm, 4) for t, w in top if w > 0}


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
    """A story's term profile plus one more article (or story), keeping its CENTROID_TERMS strongest terms."""
    total = dict(centroid)
    for term, weight in vector.items():
        total[term] = total.get(term, 0.0) + weight
    strongest = sorted(total.items(), key=itemgetter(1), reverse=True)[:CENTROID_TERMS]  # heapq.nlargest's answer
    return {t: round(w, 4) for t, w in strongest}  # (a stable sort: ties keep their order), at a third of its cost


@dataclass(frozen=True)
class Candidate:
    """A story that an incoming article may belong to: its term profile and its known dates."""

    story: int
    centroid: Mapping[str, float]  # the sum of its articles' vectors (not unit length) ...
    norm: float  # ... and its length
    first: date | None
    last: date | None

    def similarity(self, vector: Mapping[str, float]) -> float:
        """Cosine between an article's (unit) vector and the story's profile."""
        centroid = self.centroid
        return sum(vector[t] * centroid[t] for t in vector.keys() & centroid.keys()) / self.norm


def decide(own: Mapping[str, float], when: date | None, candidates: Iterable[Candidate]) -> list[int]:
    """The stories an article belongs to, best match first: none (a new story), one, or several to merge.

    The article is compared with each candidate story's profile (the sum of its articles' vectors), not with
    single articles, so that one loose article does not chain two events together; and it merges stories only
    when it is close to each of them (``MERGE_THRESHOLD``), since merges otherwise snowball into one story of
    a whole running topic.
    """
    best: dict[int, float] = {}
    for c in candidates:
        if not within_window(when, c.first, c.last):
            continue
        similarity = c.similarity(own)
        if similarity >= THRESHOLD:
            best[c.story] = similarity
    ranked = sorted(best, key=lambda story: (-best[story], story))
    return ranked[:1] + [story for story in ranked[1:] if best[story] >= MERGE_THRESHOLD]
