"""newsfuse: many news reports about one story in, one faithful, attributed brief out."""

from newsfuse.errors import InputError
from newsfuse.model import Article, Brief, BriefSentence, Citation, Sentence, Story
from newsfuse.pipeline import summarize

__version__ = "0.1.0"
__all__ = ["Article", "Brief", "BriefSentence", "Citation", "InputError", "Sentence", "Story", "summarize"]
