"""A progress bar on stderr, for the long commands (eval, train, ingest)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

WIDTH = 30


class Bar:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, max(total, 1)
        self.started = time.perf_counter()
        self.shown = -1

    def update(self, done: int, note: str = "") -> None:
        """Redraw when the percentage changes (or at the end); ``note`` follows the bar."""
        percent = min(100, done * 100 // self.total)
        if percent == self.shown and done < self.total:
            return
        self.shown = percent
        filled = WIDTH * min(done, self.total) // self.total
        elapsed = time.perf_counter() - self.started
        bar = "#" * filled + "-" * (WIDTH - filled)
        print(f"\r{self.label} [{bar}] {note or f'{done}/{self.total}'} {elapsed:.0f}s", end="", file=sys.stderr)
        sys.stderr.flush()

    def close(self) -> None:
        """End the bar's line, if it drew one: an error that stops a command before any work stays one line."""
        if self.shown >= 0:
            print(file=sys.stderr)
        self.shown = -1  # closed once: a second close draws no empty line


def progress(items: Iterable[Any], total: int, label: str = "eval") -> Iterator[Any]:
    """Pass items through, drawing a progress bar on stderr."""
    bar = Bar(label, total)
    for done, item in enumerate(items, 1):
        yield item
        bar.update(done)
    bar.close()
