"""NumPy helpers shared by the pipeline's array code.

``np.unique(x)`` alone takes NumPy 2.3+'s hashing path, which is far slower than sorting: 0.8 s against 15 ms on
the million-element arrays of a 1M-word story, 50 µs against 5 µs on a sentence's handful. ``distinct`` sorts.
"""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of a 1-d array (what ``np.unique(values)`` returns)."""
    ordered = np.sort(values, axis=None)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
