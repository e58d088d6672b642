"""Summarizers behind one interface (``base.Summarizer``): the default and the baselines."""

from __future__ import annotations

from newsfuse.errors import InputError
from newsfuse.summarizers.base import Summarizer
from newsfuse.summarizers.graph import LexRank, TextRank
from newsfuse.summarizers.lead import Lead
from newsfuse.summarizers.newsfuse import Newsfuse

METHODS: dict[str, type] = {"newsfuse": Newsfuse, "lead": Lead, "lexrank": LexRank, "textrank": TextRank}


def get(name: str) -> Summarizer:
    if name not in METHODS:
        raise InputError("--method", f"unknown method {name!r} (choose from {', '.join(METHODS)})")
    return METHODS[name]()


__all__ = ["METHODS", "Summarizer", "get"]
