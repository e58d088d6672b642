"""Select: take ranked sentences into a brief under a word budget, without repeating content.

The same rule serves every method so that they are compared fairly. The brief never exceeds the budget,
except when no sentence at all fits: then it holds the single best sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.model import Story
from newsfuse.vectors import Vectors

REDUNDANCY = 0.4  # cosine above which a sentence repeats one already chosen
MIN_WORDS = 4  # fragments shorter than this are not brief material


def select(
    story: Story,
    vectors: Vectors,
    ranking: Iterable[int],
    words: int,
    *,
    excluded: frozenset[int] = frozenset(),
    redundancy: float = REDUNDANCY,
) -> list[int]:
    """Indices of the chosen sentences, in ranking order; ``excluded`` sentences (opinion) are never chosen."""
    chosen: list[int] = []
    texts: set[str] = set()
    used = 0
    fallback: int | None = None
    for i in ranking:
        sentence = story.sentences[i]
        if sentence.words < MIN_WORDS or sentence.text in texts:
            continue
        if i in excluded:
            continue
        if any(vectors.cosine(i, j) >= redundancy for j in chosen):
            continue
        if fallback is None:
            fallback = i
        if used + sentence.words > words:
            continue
        chosen.append(i)
        texts.add(sentence.text)
        used += sentence.words
        if words - used < MIN_WORDS:
            break
    if not chosen and fallback is not None:
        chosen.append(fallback)
    return chosen


def reading_order(story: Story, chosen: list[int]) -> list[int]:
    """Order for reading: earlier in its article first (news puts the main facts first), then by article."""
    counts: dict[str, int] = {}
    for sentence in story.sentences:
        counts[sentence.article] = counts.get(sentence.article, 0) + 1
    order = {a.id: n for n, a in enumerate(story.articles)}

    def key(i: int) -> tuple[float, int]:
        s = story.sentences[i]
        return s.index / counts[s.article], order[s.article]

    return sorted(chosen, key=key)
