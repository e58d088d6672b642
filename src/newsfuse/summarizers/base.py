"""The one interface every summarizer implements: choose the sentences of a brief of a story.

Methods that only rank (the baselines) share one selection rule (``select.select``: the budget and
redundancy control), so that they differ only in what they believe matters; newsfuse chooses by coverage
(``select.cover``).
"""

from __future__ import annotations

from typing import Protocol

from newsfuse.evidence import Evidence
from newsfuse.model import Story
from newsfuse.select import Pick, select


class Summarizer(Protocol):
    name: str
    drops_opinion: bool  # True when opinion sentences must never be selected as fact
    introduces_names: bool  # True when a surname's first mention gets the full name (``names``)
    max_sentences: int | None  # the most sentences it ranks (the rest follow unranked), None for all

    def choose(
        self, story: Story, evidence: Evidence, words: int, excluded: frozenset[int], seen: frozenset[int] = frozenset()
    ) -> list[Pick]:
        """The sentences of the brief (never ``excluded`` ones), at most ``words`` words unless none fits;
        what ``seen`` sentences say is known to the reader already."""
        ...


class Ranker:
    """A summarizer that ranks sentences, best first; the shared ``select`` makes the brief."""

    name = ""
    drops_opinion = False
    introduces_names = False
    max_sentences: int | None = None

    def rank(self, story: Story, evidence: Evidence) -> list[int]:
        raise NotImplementedError

    def choose(
        self, story: Story, evidence: Evidence, words: int, excluded: frozenset[int], seen: frozenset[int] = frozenset()
    ) -> list[Pick]:
        ranking = self.rank(story, evidence)
        return [Pick(i) for i in select(story, evidence, ranking, words, excluded=excluded)]
