"""The default summarizer: cover what the articles agree on, in sentences that read on their own.

The brief maximises (``select.cover``) the summed weight of the concepts it covers, each concept's weight
being the probability that a human summary mentions it (``concepts``, an additive model), plus a small bonus
per sentence for its centrality to the story: greedily, then (when the brief is a small share of the input)
improved by exchanges. When the brief may hold a large share of the input (short
inputs: a few wire items), agreement between articles is thin evidence, so a learned sentence scorer
(``features``, gradient-boosted trees) weighs in and long sentences are penalised less; it fades out as the
input grows (``regime``). Opinion is excluded at selection, not merely down-weighted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from newsfuse import concepts, features, trees
from newsfuse.evidence import Evidence
from newsfuse.focus import Focus
from newsfuse.model import Story
from newsfuse.select import Objective, Pick, cover
from newsfuse.trees import Additive, Forest
from newsfuse.units import units

CENTRALITY = 0.3  # weight of the centrality bonus, against the concepts' total of 1
SALIENCE = 3.0  # weight of the learned sentence scorer's bonus, on the shortest inputs
COST_POWER = (1.0, 0.25)  # exponent of a unit's length in its gain: on long inputs, on the shortest
RATIOS = (0.05, 0.5)  # budget / input words at which the short-input regime starts and is complete
MODELS = {"scorer": "npz", "concepts": "json"}  # the trained models it ships: src/newsfuse/models/NAME.SUFFIX
SEEN = 0.5  # worth of a concept the reader has already met (update briefs), against its worth when new
MIN_WORDS = 8  # a shorter sentence is rarely worth its place in a brief of many articles
FOCUS = 1.0  # extra worth of a concept per stem of it the reader asks about (``focus``), against 1 for none
MAX_EXCHANGE = 5_000  # sentences (about 100,000 words) of a story whose greedy choice is improved by exchanges
ANSWER = 1.0  # bonus of the sentence that best answers the reader's focus: as much as all concepts, so it comes first


def regime(words: int, input_words: int) -> float:
    """0 for inputs much longer than the brief, 1 when the brief may hold half of the input, linear in log."""
    ratio = words / max(input_words, 1)
    low, high = (math.log(r) for r in RATIOS)
    return min(1.0, max(0.0, (math.log(ratio) - low) / (high - low)))


def _share(values: np.ndarray) -> np.ndarray:
    values = np.maximum(values, 0.0)
    total = values.sum()
    return values / total if total > 0 else values


@dataclass(frozen=True)
class Newsfuse:
    scorer: Forest  # sentence salience, trained by ``newsfuse train --model scorer``
    concept_model: Additive  # concept weights, trained by ``newsfuse train --model concepts``
    name: str = "newsfuse"
    drops_opinion: bool = True
    introduces_names: bool = True
    max_sentences: int | None = None  # all: its work grows with the story, not with its square

    def objective(
        self, story: Story, evidence: Evidence, words: int, seen: frozenset[int], asked: Focus | None = None,
        excluded: frozenset[int] = frozenset(),
    ) -> Objective:  # fmt: skip
        found = evidence.concepts
        probability = self.concept_model.probability(found.features) if len(found.keys) else np.zeros(0)
        if seen:  # what the reader knows is worth less: an update tells it only as the setting of what is new
            probability[np.concatenate([found.of(i) for i in seen])] *= SEEN
        if asked is not None:  # a reader's question tilts the whole brief a little, and its best answer comes first
            probability = probability * (1.0 + FOCUS * asked.concept_hits(found.keys, len(evidence.tokens.stems)))
        weight = _share(probability)
        bonus = CENTRALITY * _share(evidence.vectors.to_centroid())
        if asked is not None and (best := self.answer(story, evidence, excluded | seen, asked)) is not None:
            bonus[best] += ANSWER
        short = regime(words, sum(a.words for a in story.articles))
        if short > 0:
            salience = 1.0 / (1.0 + np.exp(-self.scorer.score(features.featurize(story, evidence))))
            bonus = bonus + SALIENCE * short * _share(salience)
        low, high = COST_POWER
        # Exchanges pay where the brief is a small share of the input: there the greedy's first choices shut out
        # better sets. Where the brief may hold half of it, the length discount is the point, and the objective
        # alone (which counts each sentence's bonus) would rather have many short sentences. Each exchange is a
        # greedy fill, whose cost grows with the story: past ``MAX_EXCHANGE`` sentences, the greedy choice alone.
        exchange = short < 1.0 and len(story.sentences) <= MAX_EXCHANGE
        return Objective(weight, bonus, cost_power=low + (high - low) * short, min_words=MIN_WORDS, exchange=exchange)

    @staticmethod
    def answer(story: Story, evidence: Evidence, excluded: frozenset[int], asked: Focus) -> int | None:
        """The sentence that best answers the reader's focus, among those a brief may take: a unit ends with it
        (not ``excluded``, opinion or a fragment, and what it leans on may come with it)."""
        found = units(story, evidence, excluded | evidence.opinion_sentences, MIN_WORDS)
        takeable = {unit[-1] for unit in found if len(unit) > 1 or not evidence.forms[unit[0]].leans}
        return asked.answer(evidence.vectors, frozenset(range(len(story.sentences))) - takeable)

    def choose(
        self,
        story: Story,
        evidence: Evidence,
        words: int,
        excluded: frozenset[int],
        seen: frozenset[int] = frozenset(),
        repeats: Callable[[int, int], bool] | None = None,
        asked: Focus | None = None,
        over: Callable[[list[Pick]], int] | None = None,
    ) -> list[Pick]:
        """``repeats``: the same fact in other words (``Pipeline(same=...)``), never chosen twice. ``over``: how
        many words a choice would be over the budget once written (see ``select.cover``)."""
        if not story.sentences:
            return []
        objective = self.objective(story, evidence, words, seen, asked, excluded)
        return cover(story, evidence, objective, words, excluded, repeats, over, known=seen)


def load(scorer: str | None = None, concept_model: str | None = None) -> Newsfuse:
    """The default summarizer with its shipped models (or the model files given)."""
    return Newsfuse(
        trees.load_forest("scorer", features.FEATURES, scorer),
        trees.load_additive(trees.load("concepts", concept_model), concepts.FEATURES, concept_model or "concepts.json"),
    )
