"""Summarizers behind one interface (``base.Summarizer``): the default and the baselines."""

from __future__ import annotations

from newsfuse.errors import InputError
from newsfuse.summarizers.base import Summarizer
from newsfuse.summarizers.graph import LexRank, TextRank
from newsfuse.summarizers.lead import Lead
from newsfuse.summarizers.newsfuse import Newsfuse

METHODS: dict[str, type] = {"newsfuse": Newsfuse, "lead": Lead, "lexrank": LexRank, "textrank": TextRank}


def check_method(name: object, field: str = "method") -> str:
    """The method name, or an InputError naming ``field`` (the CLI flag or the API field)."""
    if name not in METHODS:
        raise InputError(field, f"unknown method {name!r} (choose from {', '.join(METHODS)})")
    return str(name)


def get(name: str) -> Summarizer:
    return METHODS[check_method(name)]()


__all__ = ["METHODS", "Summarizer", "check_method", "get"]
