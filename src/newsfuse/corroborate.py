"""Corroboration by meaning: which other outlets report a sentence's fact, in whatever words, and which give the
same report with other figures (a conflict).

Judging every pair of sentences of a story would cost too much (25 articles hold about 250,000 pairs), and
almost all pairs are plainly about different things. So each sentence asked about is compared, per other
article, only with that article's ``PER_ARTICLE`` sentences nearest to it in meaning, and only when they are
near enough (``CANDIDATE``: on MSRP train, 2% of the pairs people call the same fact are further apart, and
11% of the others). The same-fact judge (``samefact``) then decides each candidate pair, all in one batch.

The work is bounded whatever the input: at most ``MAX_CANDIDATES`` per sentence (the nearest; no story of up to
50 articles reaches it), each pair of distinct texts judged once (a wire copy repeated by a thousand outlets is
one judgement, and the same text is the same fact without asking), and at most ``MAX_JUDGED`` pairs of texts per
story, the nearest first (normal stories of 25 articles need a few hundred to a few thousand).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.model import Story
from newsfuse.samefact import SameFact

CANDIDATE = 0.5  # semantic cosine below which two sentences are not worth asking the judge about
PER_ARTICLE = 2  # candidates per other article for each sentence asked about
BLOCK = 512  # sentences compared at once (bounds the memory of one similarity block)
MAX_CANDIDATES = 100  # per sentence: PER_ARTICLE for each of 50 other articles
MAX_JUDGED = 10_000  # pairs of distinct texts judged per story (about 1.3 ms each when both are new)


@dataclass(frozen=True)
class Echoes:
    """What the judge found for the sentences asked about (indices into ``story.sentences``)."""

    same: dict[int, tuple[int, ...]]  # sentence → other articles' sentences that report the same fact
    conflicts: tuple[tuple[int, int], ...]  # pairs reporting the same thing with other figures, each pair once


def vectors_of(story: Story, same: SameFact) -> np.ndarray:
    """Every sentence's semantic vector, in one batch."""
    return same.meaning.sentences([s.text for s in story.sentences])


def candidates(story: Story, vectors: np.ndarray, rows: Sequence[int]) -> list[tuple[int, int]]:
    """For each sentence in ``rows``, the other articles' sentences nearest to it in meaning (at most
    ``PER_ARTICLE`` from each, ``MAX_CANDIDATES`` in all, the nearest), if near enough; per sentence in the
    order of the articles, nearest first within one."""
    index: dict[str, int] = {}
    article = np.fromiter((index.setdefault(s.article, len(index)) for s in story.sentences), np.int64)
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(rows), BLOCK):
        block = list(rows[start : start + BLOCK])
        cosines = vectors[block] @ vectors.T
        for row, i in zip(cosines, block, strict=True):
            near = np.flatnonzero((row >= CANDIDATE) & (article != article[i]))
            near = near[np.argsort(-row[near], kind="stable")]  # nearest first; ties: in reading order
            by_article = np.argsort(article[near], kind="stable")
            grouped = article[near][by_article]
            first = np.searchsorted(grouped, grouped)  # where each one's article starts in the grouped order
            rank = np.empty(len(near), np.int64)
            rank[by_article] = np.arange(len(near)) - first  # its place among its article's candidates
            kept = near[rank < PER_ARTICLE][:MAX_CANDIDATES]
            kept = kept[np.argsort(article[kept], kind="stable")]
            pairs += [(i, int(j)) for j in kept]
    return pairs


def echoes(story: Story, same: SameFact, rows: Sequence[int], vectors: np.ndarray | None = None) -> Echoes:
    """Judge the candidate pairs of ``rows`` (see the module docstring)."""
    vectors = vectors_of(story, same) if vectors is None else vectors
    pairs = candidates(story, vectors, rows)
    texts = [s.text for s in story.sentences]
    said = {(i, j): (min(texts[i], texts[j]), max(texts[i], texts[j])) for i, j in pairs}  # the judge is symmetric
    asked = list(dict.fromkeys(said[i, j] for i, j in pairs if texts[i] != texts[j]))
    if len(asked) > MAX_JUDGED:  # the nearest pairs of texts are the likeliest to report one fact
        first: dict[tuple[str, str], float] = {}
        for i, j in pairs:
            first.setdefault(said[i, j], float(vectors[i] @ vectors[j]))
        asked = sorted(asked, key=lambda pair: -first[pair])[:MAX_JUDGED]
    judged = dict(zip(asked, same.judge_pairs(asked), strict=True))
    found: dict[int, dict[int, None]] = {i: {} for i in rows}
    conflicts: dict[frozenset[int], tuple[int, int]] = {}
    for i, j in pairs:
        verdict = judged.get(said[i, j])
        if texts[i] == texts[j] or (verdict is not None and verdict.same):
            found[i][j] = None
            if j in found:  # the same fact both ways, though i was not among j's nearest in i's article
                found[j][i] = None
        elif verdict is not None and verdict.conflict:  # None: past the budget
            conflicts.setdefault(frozenset((i, j)), (min(i, j), max(i, j)))
    return Echoes({i: tuple(js) for i, js in found.items()}, tuple(sorted(conflicts.values())))


@dataclass(frozen=True)
class Repeats:
    """Whether two sentences of a story tell the same fact in other words (the same content, figures aside), for
    the brief's selection: the judge is asked only about pairs near enough in meaning, each pair once."""

    story: Story
    same: SameFact
    vectors: np.ndarray
    asked: dict[tuple[int, int], bool] = field(default_factory=dict)

    def __call__(self, i: int, j: int) -> bool:
        key = (min(i, j), max(i, j))
        if key not in self.asked:
            near = float(self.vectors[i] @ self.vectors[j]) >= CANDIDATE
            texts = (self.story.sentences[i].text, self.story.sentences[j].text)
            self.asked[key] = near and self.same.judge_pairs([texts])[0].agree
        return self.asked[key]
