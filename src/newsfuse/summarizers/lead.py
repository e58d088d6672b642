"""Lead baseline: the first sentences of each article, taken round robin."""

from __future__ import annotations

from newsfuse.model import Story
from newsfuse.vectors import Vectors


class Lead:
    name = "lead"
    drops_opinion = False

    def rank(self, story: Story, vectors: Vectors) -> list[int]:
        order = {a.id: n for n, a in enumerate(story.articles)}
        positions = range(len(story.sentences))
        return sorted(positions, key=lambda i: (story.sentences[i].index, order[story.sentences[i].article]))
