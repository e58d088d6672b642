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
class Tree:
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Leaf values for every row, walking all rows down the tree together (``x <= threshold`` goes left)."""
        rows = np.arange(len(x))
        node = np.zeros(len(x), dtype=np.int64)
        while not self.leaf[node].all():
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(self.leaf[node], node, np.where(go_left, self.left[node], self.right[node]))
        return self.value[node]


@dataclass(frozen=True)
class TreeModel:
    trees: tuple[Tree, ...]
    bias: float
    about: dict[str, Any] = field(default_factory=dict)

    def score(self, x: np.ndarray) -> np.ndarray:
        """Log-odds that each row (sentence) belongs in the brief."""
        total = np.full(len(x), self.bias)
        for tree in self.trees:
            total += tree.predict(x)
        return total


def load_model(path: str | Path | None = None) -> TreeModel:
    if path is None:
        text = resources.files("newsfuse").joinpath("models/scorer.json").read_text()
    else:
        text = Path(path).read_text()
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"model {path or 'scorer.json'} was trained on other features: retrain it")
    trees = tuple(
        Tree(
            np.array(t["feature"], dtype=np.int64), np.array(t["threshold"], dtype=np.float64),
            np.array(t["left"], dtype=np.int64), np.array(t["right"], dtype=np.int64),
            np.array(t["leaf"], dtype=bool), np.array(t["value"], dtype=np.float64),
        )
        for t in data["trees"]
    )  # fmt: skip
    return TreeModel(trees, float(data["bias"]), data.get("about", {}))


class Newsfuse:
    name = "newsfuse"
    drops_opinion = True

    def __init__(self, model: TreeModel | None = None):
        self.model = model or load_model()

    def rank(self, story: Story, vectors: Vectors) -> list[int]:
        if not story.sentences:
            return []
        scores = self.model.score(np.array(featurize(story, vectors), dtype=np.float64))
        return sorted(range(len(scores)), key=lambda i: -scores[i])
