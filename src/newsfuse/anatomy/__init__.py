"""The story's anatomy: who said what, who and where, when, how many, who reports it, and what is opinion."""

from newsfuse.anatomy.analyze import analyze, analyze_story
from newsfuse.anatomy.entities import Recognisers, load_ner
from newsfuse.anatomy.model import Analysis, Conflict, Entity, Event, Fact, Figure, Judgement, Quote

__all__ = [
    "Analysis", "Conflict", "Entity", "Event", "Fact", "Figure", "Judgement", "Quote", "Recognisers", "analyze",
    "analyze_story", "load_ner",
]  # fmt: skip
