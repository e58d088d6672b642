"""Facts told once: whether two sentences of a brief tell the same fact.

Two brief sentences **repeat a fact** when they count the same number of the same things ("about 300 homes",
"300 homes"), or share a figure (not a year) and a third of their content words (at least three), or half of their
content words (at least four); shares are of the shorter sentence's content words. The same definition chooses the
brief (``newsfuse.select``) and measures every method (``newsfuse eval``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

FIGURE = re.compile(r"\d[\d,.]*")
YEAR = re.compile(r"(?:1[89]|20)\d\d")

Facts = tuple[frozenset, frozenset[str], frozenset[str]]  # (content stems, figures, counts) of one sentence
# a figure and the word after it: "300 homes" (not the digits of a name, "A330")
COUNTED = re.compile(r"(?=\d)(?<![^\W\d_])(\d[\d,.]*)\s+([^\W\d_]{3,})")  # the digit first: a cheap test
# Words after a figure that measure, not count: "5 percent" or "2 million" of two things are two facts.
ON_BOARD = re.compile(r"(?=\d)(?<![^\W\d_])(\d[\d,.]*)\s+on\s+board\b")
UNITS = frozenset(
    "percent per cent percentage points point times years year months month weeks week days day hours hour "
    "minutes minute seconds million millions billion billions trillion thousand thousands hundred hundreds dozen "
    "and or to of in at on for from by with "
    "were was are have has had will would could can may might did does".split()  # "12 were" counts no one thing
)


def figures(text: str) -> frozenset[str]:
    """The figures of a sentence, years left out (a year dates a fact; it does not tell it)."""
    return frozenset(f for f in (m.rstrip(".,") for m in FIGURE.findall(text)) if not YEAR.fullmatch(f))


def counts(text: str) -> frozenset[str]:
    """What a sentence counts: a figure (not a year) and the word after it that is not a unit ("300 homes"); those
    on board are people ("228 on board", "228 aboard" and "228 people on board" count the same)."""
    found = [(figure.rstrip(".,"), word.lower()) for figure, word in COUNTED.findall(text)]
    found += [(figure.rstrip(".,"), "people") for figure in ON_BOARD.findall(text)] if "board" in text else []
    return frozenset(
        f"{figure} {'people' if word == 'aboard' else word}"
        for figure, word in found
        if word not in UNITS and not YEAR.fullmatch(figure)
    )


def facts(text: str, stems: Callable[[str], list[str]], counted: bool = True) -> Facts:
    """``counted``: tell what the sentence counts (English: ``UNITS`` are English words)."""
    return frozenset(stems(text)), figures(text), counts(text) if counted else frozenset()


def same_fact(a: Facts, b: Facts) -> bool:
    """True when two sentences tell the same fact (see the module docstring)."""
    (first, first_figures, first_counts), (second, second_figures, second_counts) = a, b
    if not first or not second:
        return False
    if first_counts & second_counts:  # the same number of the same things: "about 300 homes" twice
        return True
    shared = len(first & second)
    overlap = shared / min(len(first), len(second))
    return (bool(first_figures & second_figures) and overlap >= 1 / 3 and shared >= 3) or (
        overlap >= 0.5 and shared >= 4
    )


def repeated_pairs(texts: Sequence[str], stems: Callable[[str], list[str]], counted: bool = True) -> int:
    """How many pairs of sentences in a brief repeat a fact; ``stems`` gives a sentence's content stems in its
    language (``Language.content_stems``), ``counted`` whether counts are told apart (English)."""
    found = [facts(t, stems, counted) for t in texts]
    return sum(same_fact(found[i], found[j]) for i in range(len(found)) for j in range(i + 1, len(found)))
