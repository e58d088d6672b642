"""Tree ensembles trained with scikit-learn, shipped with the package and evaluated with NumPy.

Two shapes: ``Forest`` (full trees: the sentence scorer, a few hundred rows per story), shipped as its packed
NumPy arrays (``.npz``: loading takes 3 ms, against 20 ms to parse and pack the trees from JSON, a tenth of a
short brief's start-up), and ``Additive`` (one-split trees, which add up to one step function per feature: the
concept model, evaluated on tens of thousands of rows per story with one ``searchsorted`` per feature), shipped
as JSON. No machine-learning library is needed at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

ALL_WALK = 5  # levels every walk takes before only the unfinished ones go on


@dataclass(frozen=True)
class Forest:
    """All trees packed into flat node arrays, so that every row walks every tree in one NumPy pass per level.

    ``x <= threshold`` goes left, as in scikit-learn; child indices point into the packed arrays. A leaf points
    to itself both ways, so that a walk that has ended stays where it is.
    """

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int
    bias: float
    about: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def _next(self) -> np.ndarray:
        """Each node's two children, right then left: ``_next[2 * node + (x <= threshold)]`` is the next node."""
        return np.stack([self.right, self.left], axis=1).ravel()

    @cached_property
    def _leaf(self) -> np.ndarray:
        return self.left == np.arange(len(self.left))

    def score(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of the positive class for each row: all (tree, row) walks advance one level per NumPy pass,
        over a flat copy of ``x``. Most walks end within a few levels, so after ``ALL_WALK`` levels only the
        walks not yet at a leaf go on (the same leaves, at half the cost on a long story)."""
        rows, trees = len(x), len(self.roots)
        flat = np.ascontiguousarray(x.T).ravel()  # feature-major: x[row, f] is flat[f * rows + row]
        node = np.repeat(self.roots, rows)  # tree-major: walk t * rows + row
        column = np.tile(np.arange(rows), trees)
        for _ in range(min(ALL_WALK, self.depth)):
            node = self._step(node, column, flat, rows)
        walking = np.flatnonzero(~self._leaf[node])
        for _ in range(self.depth - ALL_WALK):
            if not len(walking):
                break
            step = self._step(node[walking], column[walking], flat, rows)
            node[walking] = step
            walking = walking[~self._leaf[step]]
        return self.bias + self.value[node].reshape(trees, rows).sum(axis=0)

    def _step(self, node: np.ndarray, column: np.ndarray, flat: np.ndarray, rows: int) -> np.ndarray:
        return self._next[2 * node + (flat[self.feature[node] * rows + column] <= self.threshold[node])]


def _depth(tree: dict[str, list]) -> int:
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if not tree["leaf"][node]:
            stack += [(tree["left"][node], level + 1), (tree["right"][node], level + 1)]
    return deepest


def pack(trees: list[dict[str, list]], bias: float, about: dict[str, Any]) -> Forest:
    offsets = np.cumsum([0] + [len(t["value"]) for t in trees[:-1]])

    def joined(key: str, dtype: type, shift: bool = False) -> np.ndarray:
        parts = [
            np.asarray(t[key], dtype=dtype) + (offset if shift else 0) for t, offset in zip(trees, offsets, strict=True)
        ]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

    leaf = joined("leaf", bool)
    itself = np.arange(len(leaf))
    return Forest(
        roots=offsets.astype(np.int64), feature=np.where(leaf, 0, joined("feature", np.int64)),
        threshold=np.where(leaf, np.inf, joined("threshold", float)),
        left=np.where(leaf, itself, joined("left", np.int64, shift=True)),
        right=np.where(leaf, itself, joined("right", np.int64, shift=True)),
        value=joined("value", float), depth=max((_depth(t) for t in trees), default=0), bias=bias, about=about,
    )  # fmt: skip


@dataclass(frozen=True)
class Additive:
    """A sum of one step function per feature: ``bias + Σ_f values[f][searchsorted(thresholds[f], x_f)]``."""

    thresholds: tuple[np.ndarray, ...]
    values: tuple[np.ndarray, ...]
    bias: float
    about: dict[str, Any] = field(default_factory=dict)

    def score(self, x: np.ndarray) -> np.ndarray:
        total = np.full(len(x), self.bias)
        for f, (cuts, steps) in enumerate(zip(self.thresholds, self.values, strict=True)):
            if len(cuts):
                total += steps[np.searchsorted(cuts, x[:, f], side="left")]
        return total

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.score(x)))


def additive(trees: list[dict[str, list]], bias: float, features: int, about: dict[str, Any]) -> Additive:
    """Fold one-split trees (as ``export_trees`` writes them) into one step function per feature."""
    cuts: list[list[float]] = [[] for _ in range(features)]
    for tree in trees:
        if not tree["leaf"][0]:
            cuts[tree["feature"][0]].append(tree["threshold"][0])
    thresholds = [np.unique(np.asarray(c, dtype=float)) for c in cuts]
    values = [np.zeros(len(t) + 1) for t in thresholds]
    constant = bias
    for tree in trees:
        if tree["leaf"][0]:
            constant += tree["value"][0]
            continue
        f, cut = tree["feature"][0], tree["threshold"][0]
        left, right = tree["value"][tree["left"][0]], tree["value"][tree["right"][0]]
        split = int(np.searchsorted(thresholds[f], cut))  # intervals 0..split hold x <= cut
        values[f][: split + 1] += left
        values[f][split + 1 :] += right
    return Additive(tuple(thresholds), tuple(values), constant, about)


def load(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """A shipped model's JSON (``models/NAME.json``), or the file at ``path``."""
    if path is None:
        return json.loads(resources.files("newsfuse").joinpath(f"models/{name}.json").read_text())
    return json.loads(Path(path).read_text())


ARRAYS = ("roots", "feature", "threshold", "left", "right", "value")


def save_forest(forest: Forest, features: tuple[str, ...], path: str | Path) -> None:
    arrays = {name: getattr(forest, name) for name in ARRAYS}
    about = json.dumps(forest.about)
    with open(path, "wb") as out:  # a file object: np.savez would add ".npz" to a name without it
        np.savez(out, **arrays, depth=forest.depth, bias=forest.bias, features=np.array(features), about=about)


def load_forest(name: str, features: tuple[str, ...], path: str | Path | None = None) -> Forest:
    """A shipped forest (``models/NAME.npz``), or the one at ``path``."""
    source = resources.files("newsfuse").joinpath(f"models/{name}.npz") if path is None else Path(path)
    with source.open("rb") as file, np.load(file) as data:
        if tuple(data["features"].tolist()) != features:
            raise ValueError(f"model {path or name} was trained on other features: retrain it")
        arrays = {name: data[name] for name in ARRAYS}
        return Forest(
            **arrays, depth=int(data["depth"]), bias=float(data["bias"]), about=json.loads(str(data["about"]))
        )


def load_additive(data: dict[str, Any], features: tuple[str, ...], name: str) -> Additive:
    """A model saved as step functions (``newsfuse train`` folds its trees into them once)."""
    if tuple(data["features"]) != features:
        raise ValueError(f"model {name} was trained on other features: retrain it")
    thresholds = tuple(np.asarray(t, dtype=float) for t in data["thresholds"])
    return Additive(thresholds, tuple(np.asarray(v, dtype=float) for v in data["values"]), data["bias"], data["about"])
