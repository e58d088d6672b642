"""Corroboration by meaning: which other outlets report a sentence's fact, in whatever words, and which give the
same report with other figures (a conflict).

Judging every pair of sentences of a story would cost too much (25 articles hold about 250,000 pairs), and
almost all pairs are plainly about different things. So each sentence asked about is compared, per other
article, only with that article's ``PER_ARTICLE`` sentences nearest to it in meaning, and only when they are
near enough (``CANDIDATE``: on MSRP train, 2% of the pairs people call the same fact are further apart, and
11% of the others). The same-fact judge (``samefact``) then decides each candidate pair, all in one batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsfuse.model import Story
from newsfuse.samefact import SameFact

CANDIDATE = 0.5  # semantic cosine below which two sentences are not worth asking the judge about
PER_ARTICLE = 2  # candidates per other article for each sentence asked about
BLOCK = 512  # sentences compared at once (bounds the memory of one similarity block)


@dataclass(frozen=True)
class Echoes:
    """What the judge found for the sentences asked about (indices into ``story.sentences``)."""

    same: dict[int, tuple[int, ...]]  # sentence → other articles' sentences that report the same fact
    conflicts: tuple[tuple[int, int], ...]  # pairs reporting the same thing with other figures, each pair once


def vectors_of(story: Story, same: SameFact) -> np.ndarray:
    """Every sentence's semantic vector, in one batch."""
    return same.meaning.sentences([s.text for s in story.sentences])


def candidates(story: Story, vectors: np.ndarray, rows: Sequence[int]) -> list[tuple[int, int]]:
    """For each sentence in ``rows``, the other articles' sentences nearest to it in meaning, if near enough."""
    members: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(story.sentences):
        members[sentence.article].append(j)
    groups = {article: np.array(others) for article, others in members.items()}
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(rows), BLOCK):
        block = list(rows[start : start + BLOCK])
        cosines = vectors[block] @ vectors.T
        for row, i in zip(cosines, block, strict=True):
            for article, others in groups.items():
                if article == story.sentences[i].article:
                    continue
                near = others[np.argsort(-row[others], kind="stable")[:PER_ARTICLE]]
                pairs += [(i, int(j)) for j in near if row[j] >= CANDIDATE]
    return pairs


def echoes(story: Story, same: SameFact, rows: Sequence[int], vectors: np.ndarray | None = None) -> Echoes:
    """Judge the candidate pairs of ``rows`` (see the module docstring)."""
    vectors = vectors_of(story, same) if vectors is None else vectors
    pairs = candidates(story, vectors, rows)
    texts = [s.text for s in story.sentences]
    unordered = list(dict.fromkeys((min(i, j), max(i, j)) for i, j in pairs))  # the judge is symmetric: ask once
    judged = dict(zip(unordered, same.judge_pairs([(texts[i], texts[j]) for i, j in unordered]), strict=True))
    found: dict[int, list[int]] = {i: [] for i in rows}
    conflicts: dict[frozenset[int], tuple[int, int]] = {}
    for i, j in pairs:
        verdict = judged[min(i, j), max(i, j)]
        if verdict.same:
            found[i].append(j)
        elif verdict.conflict:
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
