"""Training the default summarizer's sentence scorer on clusters with human reference summaries.

Each sentence is labelled by a greedy ROUGE oracle: sentences are added while they raise ROUGE-1 + ROUGE-2
F1 of the selection against the reference, as in SummaRuNNer (Nallapati et al., 2017). A gradient-boosted
tree model learns to predict that label from ``newsfuse.features``; it is saved as plain JSON so that the
package needs no machine-learning library at run time.

    newsfuse train ../shared/data/multi_news/train.jsonl.gz --limit 20000 --out src/newsfuse/models/scorer.json

Train only on train splits; evaluate on val.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.clusters import Cluster, read_clusters
from newsfuse.features import FEATURES, featurize
from newsfuse.pipeline import story_from
from newsfuse.progress import progress
from newsfuse.select import REDUNDANCY
from newsfuse.text import stemmer, words
from newsfuse.vectors import build


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def oracle(sentences: Sequence[Sequence[str]], reference: Sequence[str], budget: int) -> list[int]:
    """Greedy ROUGE-1 + ROUGE-2 F1 oracle under a word budget: indices of the sentences it picks."""
    ref = [ngrams(reference, 1), ngrams(reference, 2)]
    ref_total = [max(sum(r.values()), 1) for r in ref]
    grams = [[ngrams(s, 1), ngrams(s, 2)] for s in sentences]
    chosen: list[int] = []
    current = [Counter(), Counter()]
    best, used = 0.0, 0
    while True:
        pick, pick_score = None, best
        for i, (uni, bi) in enumerate(grams):
            if i in chosen or used + len(sentences[i]) > budget:
                continue
            score = 0.0
            for k, add in enumerate((uni, bi)):
                merged = current[k] + add
                overlap = sum(min(c, ref[k][g]) for g, c in merged.items() if g in ref[k])
                score += f1(overlap, max(sum(merged.values()), 1), ref_total[k])
            if score > pick_score:
                pick, pick_score = i, score
        if pick is None:
            return chosen
        chosen.append(pick)
        current = [current[0] + grams[pick][0], current[1] + grams[pick][1]]
        best, used = pick_score, used + len(sentences[pick])


def cluster_examples(cluster: Cluster, budget: int) -> tuple[list[list[float]], list[int]]:
    """Feature rows and labels for the sentences of one cluster.

    A sentence is positive when the oracle picks it or repeats content the oracle picked: which copy of
    repeated content gets picked is arbitrary, and selection, not scoring, is what keeps repeats out.
    """
    story = story_from(cluster.documents)
    if not story.articles:
        return [], []
    vectors = build(story)
    stem = stemmer()
    tokens = [[stem(w) for w in words(s.text)] for s in story.sentences]
    reference = [stem(w) for w in words(cluster.references[0])]
    picked = oracle(tokens, reference, budget)
    positive = set(picked)
    for i in picked:
        positive.update(vectors.neighbours(i, REDUNDANCY))
    return featurize(story, vectors), [int(i in positive) for i in range(len(tokens))]


def dataset(clusters: list[Cluster], budget: int, jobs: int) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every sentence of every cluster."""
    rows: list[list[float]] = []
    labels: list[int] = []
    with ProcessPoolExecutor(jobs) as pool:
        results = pool.map(partial(cluster_examples, budget=budget), clusters, chunksize=16)
        for x, y in progress(results, len(clusters), "features"):
            rows.extend(x)
            labels.extend(y)
    return np.array(rows, dtype=np.float64), np.array(labels)


def export_trees(model: Any) -> list[dict[str, list]]:
    """The fitted trees of a scikit-learn HistGradientBoosting model as plain lists.

    Reads scikit-learn's internal node arrays; ``tests/test_train.py`` checks that the exported trees score
    exactly as scikit-learn does, so a change in those internals cannot pass unnoticed.
    """
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": nodes["feature_idx"].tolist(),
                "threshold": nodes["num_threshold"].tolist(),
                "left": nodes["left"].tolist(),
                "right": nodes["right"].tolist(),
                "leaf": nodes["is_leaf"].astype(int).tolist(),
                "value": nodes["value"].tolist(),
            }
        )
    return trees


# The direction each feature may move the score: more corroborated, central or leading content never scores
# lower, opinion never higher. The constraints keep the trees sensible on stories larger than any in training.
MONOTONIC = {
    "lead": 1, "first": 1, "relative_position": -1, "complete": 1, "centrality": 1, "article_centrality": 1,
    "lead_similarity": 1, "corroboration": 1, "bigram_corroboration": 1, "frequency": 1, "opinion": -1,
    "question": -1,
}  # fmt: skip


def fit(x: np.ndarray, y: np.ndarray, seed: int = 0) -> tuple[Any, dict[str, Any]]:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=100, l2_regularization=1.0,
        monotonic_cst=[MONOTONIC.get(f, 0) for f in FEATURES], random_state=seed,
    )  # fmt: skip
    model.fit(x, y)
    return model, {"kind": "trees", "bias": float(model._baseline_prediction.ravel()[0]), "trees": export_trees(model)}


def train(data: str, limit: int | None, out: str | Path, budget: int = 260, jobs: int = 2) -> dict[str, Any]:
    started = time.perf_counter()
    clusters = list(read_clusters(data, limit))
    x, y = dataset(clusters, budget, jobs)
    _, model = fit(x, y)
    model["features"] = list(FEATURES)
    model["about"] = {
        "data": f"{Path(data).name}, first {len(clusters)} clusters",
        "sentences": len(y),
        "positive": int(y.sum()),
        "label": f"greedy ROUGE-1+2 F1 oracle, {budget}-word budget",
        "model": "scikit-learn HistGradientBoostingClassifier, 150 trees, 31 leaves, monotonic, exported to JSON",
        "seconds": round(time.perf_counter() - started, 1),
    }
    Path(out).write_text(json.dumps(model, separators=(",", ":")))
    return model
