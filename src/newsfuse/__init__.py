"""newsfuse: many news reports about one story in, one faithful, attributed brief out."""

from newsfuse.anatomy import Analysis, analyze, load_ner
from newsfuse.errors import InputError
from newsfuse.model import Article, Brief, BriefSentence, Citation, Sentence, Story
from newsfuse.pipeline import summarize

__version__ = "0.1.0"
__all__ = [
    "Analysis", "Article", "Brief", "BriefSentence", "Citation", "InputError", "Sentence", "Story", "analyze",
    "load_ner", "summarize",
]  # fmt: skip
