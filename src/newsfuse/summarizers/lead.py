"""Lead baseline: the first sentences of each article, taken round robin."""

from __future__ import annotations

from newsfuse.evidence import Evidence
from newsfuse.model import Story
from newsfuse.summarizers.base import Ranker


class Lead(Ranker):
    name = "lead"

    def rank(self, story: Story, evidence: Evidence) -> list[int]:
        order = {a.id: n for n, a in enumerate(story.articles)}
        positions = range(len(story.sentences))
        return sorted(positions, key=lambda i: (story.sentences[i].index, order[story.sentences[i].article]))
