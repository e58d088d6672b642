"""The one interface every summarizer implements: rank the sentences of a story, best first.

Selection under the word budget, redundancy control and ordering are the same for every method
(``newsfuse.select``), so methods differ only in what they believe matters.
"""

from __future__ import annotations

from typing import Protocol

from newsfuse.model import Story
from newsfuse.vectors import Vectors


class Summarizer(Protocol):
    name: str
    drops_opinion: bool  # True when opinion sentences must never be selected as fact

    def rank(self, story: Story, vectors: Vectors) -> list[int]:
        """Indices into ``story.sentences``, most summary-worthy first."""
        ...
