"""The default summarizer: a learned sentence scorer over cluster-wide features (``newsfuse.features``).

The model is gradient-boosted trees trained by ``newsfuse train`` and shipped as plain JSON
(``models/scorer.json``: features, trees, the data it was trained on), evaluated here with NumPy so that
no machine-learning library is needed at run time. Opinion is excluded at selection, not merely down-weighted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.features import FEATURES, featurize
from newsfuse.model import Story
from newsfuse.vectors import Vectors


@dataclass(frozen=True)
class Forest:
    """All trees packed into flat node arrays, so that every row walks every tree in one NumPy pass per level.

    ``x <= threshold`` goes left, as in scikit-learn; child indices point into the packed arrays.
    """

    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    bias: float
    about: dict[str, Any] = field(default_factory=dict)

    def score(self, x: np.ndarray) -> np.ndarray:
        """Log-odds that each row (sentence) belongs in the brief."""
        columns = np.arange(len(x))[None, :]
        node = np.repeat(self.roots[:, None], len(x), axis=1)
        while not (done := self.leaf[node]).all():
            go_left = x[columns, self.feature[node]] <= self.threshold[node]
            node = np.where(done, node, np.where(go_left, self.left[node], self.right[node]))
        return self.bias + self.value[node].sum(axis=0)


def pack(trees: list[dict[str, list]], bias: float, about: dict[str, Any]) -> Forest:
    offsets = np.cumsum([0] + [len(t["value"]) for t in trees[:-1]])

    def joined(key: str, dtype: type, shift: bool = False) -> np.ndarray:
        parts = [
            np.asarray(t[key], dtype=dtype) + (offset if shift else 0) for t, offset in zip(trees, offsets, strict=True)
        ]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)

    return Forest(
        roots=offsets.astype(np.int64), feature=joined("feature", np.int64), threshold=joined("threshold", float),
        left=joined("left", np.int64, shift=True), right=joined("right", np.int64, shift=True),
        leaf=joined("leaf", bool), value=joined("value", float), bias=bias, about=about,
    )  # fmt: skip


def load_model(path: str | Path | None = None) -> Forest:
    if path is None:
        text = resources.files("newsfuse").joinpath("models/scorer.json").read_text()
    else:
        text = Path(path).read_text()
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"model {path or 'scorer.json'} was trained on other features: retrain it")
    return pack(data["trees"], float(data["bias"]), data.get("about", {}))


class Newsfuse:
    name = "newsfuse"
    drops_opinion = True

    def __init__(self, model: Forest | None = None):
        self.model = model or load_model()

    def rank(self, story: Story, vectors: Vectors) -> list[int]:
        if not story.sentences:
            return []
        scores = self.model.score(np.array(featurize(story, vectors), dtype=np.float64))
        return sorted(range(len(scores)), key=lambda i: -scores[i])
