"""newsfuse: many news reports about one story in, one faithful, attributed brief out.

What needs NumPy (the pipeline) or spaCy (the anatomy) is imported on first use, so that ``import newsfuse``
and a command that never makes a brief stay quick.
"""

from importlib import import_module
from typing import Any

from newsfuse.errors import InputError
from newsfuse.model import Article, Brief, BriefSentence, Change, Citation, Sentence, Story

__version__ = "0.1.0"
__all__ = [
    "Analysis", "Article", "Brief", "BriefSentence", "Change", "Citation", "InputError", "Pipeline", "Sentence",
    "Story", "analyze", "load_ner", "summarize",
]  # fmt: skip
LAZY = {
    "Pipeline": "newsfuse.pipeline", "summarize": "newsfuse.pipeline",
    "Analysis": "newsfuse.anatomy", "analyze": "newsfuse.anatomy", "load_ner": "newsfuse.anatomy",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in LAZY:
        return getattr(import_module(LAZY[name]), name)
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
