"""The default summarizer: a small learned model over cluster-wide features (``newsfuse.features``).

The model is a JSON file shipped in the package (``models/scorer.json``): feature names, weights, bias
and the data it was trained on. Opinion is excluded by selection, not merely down-weighted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsfuse.features import FEATURES, featurize
from newsfuse.model import Story
from newsfuse.vectors import Vectors


@dataclass(frozen=True)
class LinearModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    about: dict

    def score(self, row: list[float]) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))


def load_model(path: str | Path | None = None) -> LinearModel:
    text = Path(path).read_text() if path else resources.files("newsfuse").joinpath("models/scorer.json").read_text()
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"model {path or 'scorer.json'} was trained on other features: retrain it")
    return LinearModel(tuple(data["features"]), tuple(data["weights"]), float(data["bias"]), data.get("about", {}))


class Newsfuse:
    name = "newsfuse"
    drops_opinion = True

    def __init__(self, model: LinearModel | None = None):
        self.model = model or load_model()

    def rank(self, story: Story, vectors: Vectors) -> list[int]:
        scores = [self.model.score(row) for row in featurize(story, vectors)]
        return sorted(range(len(scores)), key=lambda i: -scores[i])
