"""Summarizers behind one interface (``base.Summarizer``): the default and the baselines."""

from __future__ import annotations

from newsfuse.errors import InputError
from newsfuse.summarizers.base import Ranker, Summarizer

METHODS = ("newsfuse", "lead", "lexrank", "textrank")


def check_method(name: object, field: str = "method") -> str:
    """The method name, or an InputError naming ``field`` (the CLI flag or the API field)."""
    if name not in METHODS:
        raise InputError(field, f"unknown method {name!r} (choose from {', '.join(METHODS)})")
    return str(name)


def baseline(name: str) -> Ranker:
    """A baseline summarizer by name (they load nothing until they run)."""
    from newsfuse.summarizers.graph import LexRank, TextRank
    from newsfuse.summarizers.lead import Lead

    return {"lead": Lead, "lexrank": LexRank, "textrank": TextRank}[check_method(name)]()


__all__ = ["METHODS", "Ranker", "Summarizer", "baseline", "check_method"]
