"""Do two sentences from different outlets report the same fact, or the same fact with another figure?

Vectors alone cannot tell "14 killed" from "41 killed" or a denial from a confirmation, and words alone miss a
fact told in other words. The judgement combines both: the sentences' semantic cosine and a word-by-word
alignment of their semantic word vectors (``meaning``), shared words, n-grams and characters (weighted by how
rare a word is), and rule checks on figures, years, names, dates and negation. A small model weighs them; it is
trained on the MSRP corpus's train split (news sentences from different outlets, labelled by people) by
``bench/msrp.py --train`` and shipped as ``models/same_fact.json``: plain numbers, applied with NumPy.

A **conflict** is a pair that says the same thing except for its figures: two outlets giving one quantity
different values ("14 people were killed in the blast" / "The blast killed 41 people").
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import Stemmer

from newsfuse.meaning import Meaning
from newsfuse.sides import FEATURES, Side, pair_features, side_of

CONFLICT = 0.7  # probability at which the same content with other figures is a conflict: on MSRP train (5-fold
# cross-validation), 76% of such pairs are labelled the same content at 0.7, 69% at the judge's threshold
__all__ = ["FEATURES", "Judge", "SameFact", "Verdict", "load_judge", "load_same_fact"]


@dataclass(frozen=True)
class Judge:
    """A logistic model over ``FEATURES`` (standardised) and the document frequencies its idf features read."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float
    df: dict[str, int]  # stem → sentences of the training data that hold it (those seen at least twice)
    sentences: int  # training sentences the frequencies are counted over
    about: dict[str, Any]

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def idf(self, stem: str) -> float:
        return math.log((self.sentences + 1) / (self.df.get(stem, 0) + 0.5))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
            "weights": self.weights.tolist(), "intercept": self.intercept, "threshold": self.threshold,
            "about": self.about, "sentences": self.sentences, "df": self.df,
        }  # fmt: skip


def load_judge(path: str | Path | None = None) -> Judge:
    """The shipped judge (or the one at ``path``)."""
    source = Path(path) if path else resources.files("newsfuse") / "models" / "same_fact.json"
    data = json.loads(source.read_text())
    if tuple(data["features"]) != FEATURES:
        raise ValueError("same_fact.json was trained on other features: retrain it (bench/msrp.py --train)")
    arrays = [np.asarray(data[k], np.float64) for k in ("mean", "scale", "weights")]
    return Judge(
        *arrays, float(data["intercept"]), float(data["threshold"]), data["df"], int(data["sentences"]), data["about"]
    )


@dataclass(frozen=True)
class Verdict:
    """One pair judged: the same fact, or the same fact but for its figures (a conflict), or neither."""

    probability: float  # that the two sentences report the same content (the model's MSRP judgement)
    agree: bool  # the same content, figures aside: the probability at the threshold, and no denial against it
    same: bool  # the same fact: they agree and no figure differs
    conflict: bool  # the same content, but each gives a figure the other does not


class SameFact:
    """The semantic model and the judge together: what corroboration by meaning needs, loaded once per process.

    Each sentence's words, stems, n-grams and word vectors are worked out once (``Side``) and kept for the
    object's life, bounded: in a story, one sentence is compared with many.
    """

    def __init__(self, meaning: Meaning, judge: Judge) -> None:
        self.meaning = meaning
        self.judge = judge
        self.stemmer = Stemmer.Stemmer("english")
        self._sides: dict[str, Side] = {}

    def side(self, text: str) -> Side:
        if (found := self._sides.get(text)) is None:
            if len(self._sides) > 20_000:
                self._sides.clear()
            found = self._sides[text] = side_of(text, self.meaning, self.stemmer, self.judge.idf)
        return found

    def features(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One row of ``FEATURES`` per pair of sentences."""
        texts = list(dict.fromkeys(t for pair in pairs for t in pair if t not in self._sides))
        for text, vector in zip(texts, self.meaning.sentences(texts), strict=True):
            self._sides[text] = side_of(text, self.meaning, self.stemmer, self.judge.idf, vector)
        rows = [pair_features(self.side(a), self.side(b), self.meaning) for a, b in pairs]
        return np.asarray(rows, np.float64).reshape(len(pairs), len(FEATURES))

    def probability(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        return self.judge.probability(self.features(pairs))

    def judge_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
        """Per pair, the same fact, a conflict of figures, or neither. Rules overrule the model where it is
        weakest: a denial and a confirmation are never the same fact, and the same content with figures that
        differ is a conflict (at a higher bar, ``CONFLICT``: a conflict is a strong claim), not corroboration."""
        probability = self.probability(pairs)
        verdicts = []
        for p, (a, b) in zip(probability, pairs, strict=True):
            first, second = self.side(a), self.side(b)
            agree = bool(p >= self.judge.threshold) and not first.contradicts(second)
            differ = first.differs_in_figures(second)
            verdicts.append(Verdict(float(p), agree, agree and not differ, agree and differ and p >= CONFLICT))
        return verdicts

    def __call__(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Per pair, whether the two sentences report the same fact (a boolean array)."""
        return np.array([v.same for v in self.judge_pairs(pairs)], bool)


def load_same_fact() -> SameFact:
    """The semantic model and the shipped judge (about 0.2 s): once per process."""
    from newsfuse.meaning import load_meaning

    return SameFact(load_meaning(), load_judge())
