"""Attribute: tie each chosen sentence to its exact source spans and to the outlets that corroborate it.

``sources`` are the verbatim copies (wire copy reprinted by several outlets); ``corroborated_by`` is every
article that reports the same content, found by similarity rather than identical text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from newsfuse.model import BriefSentence, Citation, Story
from newsfuse.vectors import Vectors

CORROBORATION = 0.35  # cosine at which another article's sentence reports the same content


def reporting(story: Story, i: int, near: Mapping[int, float], minimum: float = CORROBORATION) -> set[str]:
    """The article of sentence ``i`` and of every sentence ``near`` it (by cosine) that reports the same content."""
    return {story.sentences[i].article} | {story.sentences[j].article for j, c in near.items() if c >= minimum}


def attribute(story: Story, vectors: Vectors, chosen: list[int]) -> tuple[BriefSentence, ...]:
    wanted = {story.sentences[i].text for i in chosen}
    copies: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(story.sentences):
        if sentence.text in wanted:
            copies[sentence.text].append(j)
    order = {a.id: n for n, a in enumerate(story.articles)}
    brief = []
    for i in chosen:
        own = story.sentences[i]
        same = sorted(copies[own.text], key=lambda j: j != i)
        sources = tuple(
            Citation(
                story.sentences[j].article,
                story.sentences[j].index,
                story.sentences[j].start,
                story.sentences[j].end,
            )
            for j in same
        )
        outlets = reporting(story, i, vectors.neighbours(i, CORROBORATION)) | {c.article for c in sources}
        brief.append(BriefSentence(own.text, sources, tuple(sorted(outlets, key=order.__getitem__))))
    return tuple(brief)
