"""What ``analyze`` finds in a story, as plain dataclasses; every item points back to its sentence.

Places are ``Citation``s of the core model (article id, sentence index, character offsets), so the anatomy
and the brief of one story speak about the same characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfuse.model import Article, Citation


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place under one canonical name, with the spellings that were merged into it."""

    name: str
    type: str  # "person", "organisation" or "place"
    variants: tuple[str, ...]
    mentions: dict[str, int]  # article id → number of mentions


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the quotation marks
    speaker: str | None  # canonical entity name, a group's members joined ("Ruth Calder and Tom Baines"), or the
    # speaker as the text describes them ("state officials")
    speaker_is_entity: bool  # one entity's canonical name; false for a description or a group
    how: str  # "named", "pronoun", "continued" or "" when no speaker was found
    where: Citation  # offsets of the quotation itself
    also_in: tuple[str, ...]  # other articles that carry the same quotation
    group: tuple[str, ...] = ()  # a group speaker's members ("they wrote", "the senators said"), canonical names


@dataclass(frozen=True)
class Event:
    """A dated mention, normalised to the period ``start``..``end`` (ISO dates, both inclusive)."""

    start: str | None  # None when the date is relative and the article's publication date is unknown
    end: str | None
    granularity: str  # "day", "week", "month", "season" or "year"
    expression: str  # as written: "on Friday", "in December 2011"
    sentence: str
    where: Citation
    sources: tuple[str, ...]  # articles that report the same dated event


@dataclass(frozen=True)
class Figure:
    value: float
    text: str  # as written: "at least 14", "$2.5 million"
    unit: str  # "dollars", "percent", or the counted noun ("people", "homes")
    counts: str  # what is counted: "people killed", "homes damaged", "dollars"
    where: Citation
    sentence: str


@dataclass(frozen=True)
class Conflict:
    """One quantity that outlets report with different values: found by what the figures count ("figures"), or
    as two sentences that say the same thing but for their figures, by the same-fact judge ("meaning") or in
    mostly the same words ("words"); ``sentences`` are those two."""

    quantity: str
    figures: tuple[Figure, ...]
    how: str = "figures"
    sentences: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A fact-bearing sentence, every article that reports the same content and their outlets (an outlet's
    several versions of its story corroborate nothing: they are one source)."""

    text: str
    where: Citation
    reported_by: tuple[str, ...]
    outlets: tuple[str, ...]

    @property
    def single_source(self) -> bool:
        return len(self.outlets) == 1


@dataclass(frozen=True)
class Judgement:
    """Reporting or commentary, for one sentence; ``cues`` say why."""

    where: Citation
    score: float
    opinion: bool
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[Event, ...]
    figures: tuple[Figure, ...]
    conflicts: tuple[Conflict, ...]
    facts: tuple[Fact, ...]
    opinion: tuple[Judgement, ...]
    opinion_share: dict[str, float]  # article id → share of its sentences that are opinion
    warnings: tuple[str, ...] = field(default=())
    language: str = "en"  # ISO 639-1 code of the language the story was read in
    skipped: tuple[str, ...] = ()  # findings with no rules in that language, so not made
