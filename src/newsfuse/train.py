"""Training the default summarizer's two models on clusters with human reference summaries.

* ``scorer`` (sentence salience): each sentence is labelled by a greedy ROUGE oracle (sentences are added while
  they raise ROUGE-1 + ROUGE-2 F1 of the selection against the reference, as in SummaRuNNer, Nallapati et al.,
  2017); gradient-boosted trees learn that label from ``newsfuse.features``.
* ``concepts`` (concept weights): each concept of a cluster is labelled by whether a reference contains it;
  one-split boosted trees (an additive model, cheap on tens of thousands of concepts) learn that label from
  ``newsfuse.concepts``.

Both are saved as plain JSON so that the package needs no machine-learning library at run time. Train only on
training data (the README says which), never on what is reported as a test.
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
import Stemmer

from newsfuse import concepts, features, trees
from newsfuse.datasets import Cluster, read_clusters
from newsfuse.errors import InputError
from newsfuse.evidence import gather
from newsfuse.languages import load_language
from newsfuse.pipeline import story_from
from newsfuse.progress import progress
from newsfuse.text import STOPWORDS, words

# A sentence this close (cosine) to one the oracle picked is a positive too: the value the shipped scorer was
# trained with (the brief's own repeat threshold, ``select.REDUNDANCY``, was 0.4 then)
NEAR_COPY = 0.4


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


def cluster_examples(cluster: Cluster, budget: int) -> tuple[np.ndarray, np.ndarray]:
    """Sentence feature rows and labels of one cluster (for the scorer).

    A sentence is positive when the oracle picks it or repeats content the oracle picked: which copy of
    repeated content gets picked is arbitrary, and selection, not scoring, is what keeps repeats out.
    """
    story = story_from(cluster.documents, cluster.titles)
    if not story.articles:
        return np.zeros((0, len(features.FEATURES))), np.zeros(0)
    english = load_language("en")
    stemmer = Stemmer.Stemmer("english")
    evidence = gather(story, english)
    tokens = [stemmer.stemWords(words(s.text)) for s in story.sentences]
    picked = oracle(tokens, stemmer.stemWords(words(cluster.references[0])), budget)
    positive = set(picked)
    for i in picked:
        positive.update(evidence.vectors.neighbours(i, NEAR_COPY))
    return features.featurize(story, evidence), np.array([int(i in positive) for i in range(len(tokens))])


def reference_concepts(text: str, stemmer: Stemmer.Stemmer) -> set[tuple[str, str]]:
    """The concepts (adjacent stems, not both stopwords) of a reference summary."""
    tokens = words(text)
    stems = stemmer.stemWords(tokens)
    content = [w not in STOPWORDS and len(w) > 1 for w in tokens]
    return {(stems[k], stems[k + 1]) for k in range(len(tokens) - 1) if content[k] or content[k + 1]}


def concept_examples(cluster: Cluster) -> tuple[np.ndarray, np.ndarray]:
    """Concept feature rows of one cluster, labelled by whether any reference contains the concept."""
    story = story_from(cluster.documents, cluster.titles)
    if not story.articles:
        return np.zeros((0, len(concepts.FEATURES))), np.zeros(0)
    stemmer = Stemmer.Stemmer("english")
    evidence = gather(story, load_language("en"))
    wanted = set().union(*(reference_concepts(r, stemmer) for r in cluster.references))
    stems, size = evidence.tokens.stems, max(len(evidence.tokens.stems), 1)
    keys = evidence.concepts.keys
    labels = np.array([(stems[k // size], stems[k % size]) in wanted for k in keys.tolist()], dtype=int)
    return evidence.concepts.features, labels


def dataset(clusters: list[Cluster], model: str, budget: int, jobs: int) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every sentence (scorer) or concept (concepts) of every cluster."""
    work = partial(cluster_examples, budget=budget) if model == "scorer" else concept_examples
    width = len(features.FEATURES if model == "scorer" else concepts.FEATURES)
    rows, labels = [np.zeros((0, width))], [np.zeros(0)]
    with ProcessPoolExecutor(jobs) as pool:
        for x, y in progress(pool.map(work, clusters, chunksize=4), len(clusters), "features"):
            rows.append(x)
            labels.append(y)
    return np.concatenate(rows), np.concatenate(labels).astype(int)


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


# The direction each sentence feature may move the score: more corroborated, central or leading content never
# scores lower, opinion never higher. The constraints keep the trees sensible on stories larger than in training.
MONOTONIC = {
    "lead": 1, "first": 1, "relative_position": -1, "complete": 1, "centrality": 1, "article_centrality": 1,
    "lead_similarity": 1, "corroboration": 1, "bigram_corroboration": 1, "frequency": 1, "opinion": -1,
    "question": -1, "concept_density": 1,
}  # fmt: skip
CONCEPT_MONOTONIC = {"df_share": 1, "log_df": 1, "first_absolute": 1, "lead_share": 1}


def fit(x: np.ndarray, y: np.ndarray, model: str = "scorer", seed: int = 0) -> tuple[Any, dict[str, Any]]:
    from sklearn.ensemble import HistGradientBoostingClassifier

    if model == "scorer":
        classifier = HistGradientBoostingClassifier(
            max_iter=150, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=100, l2_regularization=1.0,
            monotonic_cst=[MONOTONIC.get(f, 0) for f in features.FEATURES], random_state=seed,
        )  # fmt: skip
    else:
        classifier = HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.1, max_depth=1, min_samples_leaf=200,
            monotonic_cst=[CONCEPT_MONOTONIC.get(f, 0) for f in concepts.FEATURES], random_state=seed,
        )  # fmt: skip
    classifier.fit(x, y)
    bias = float(classifier._baseline_prediction.ravel()[0])
    if model == "scorer":
        return classifier, {"kind": "trees", "bias": bias, "trees": export_trees(classifier)}
    folded = trees.additive(export_trees(classifier), bias, x.shape[1], {})
    steps = {"thresholds": [t.tolist() for t in folded.thresholds], "values": [v.tolist() for v in folded.values]}
    return classifier, {"kind": "additive", "bias": folded.bias, **steps}


def train(
    data: list[str], limit: int | None, out: str | Path, model: str = "scorer", budget: int = 260, jobs: int = 2
) -> dict[str, Any]:
    """Train one model on the clusters of every file in ``data`` (the first ``limit`` of each) and save it."""
    started = time.perf_counter()
    clusters = [c for path in data for c in read_clusters(path, limit)]
    x, y = dataset(clusters, model, budget, jobs)
    if len(set(y.tolist())) < 2:  # nothing to learn from: say so, not scikit-learn's error
        raise InputError(" ".join(data), f"{len(clusters)} clusters, {len(y)} examples: too few to train on")
    _, exported = fit(x, y, model)
    exported["features"] = list(features.FEATURES if model == "scorer" else concepts.FEATURES)
    label = f"greedy ROUGE-1+2 F1 oracle, {budget}-word budget" if model == "scorer" else "concept in a reference"
    shape = (
        "150 trees, 31 leaves, monotonic, exported to NumPy arrays"
        if model == "scorer"
        else "300 one-split trees folded into one step function per feature, exported to JSON"
    )
    exported["about"] = {
        "data": ", ".join(
            f"{'/'.join(Path(p).parts[-2:])}{f', first {limit} clusters' if limit else ''}" for p in data
        ),
        "clusters": len(clusters),
        "rows": len(y),
        "positive": int(y.sum()),
        "label": label,
        "model": f"scikit-learn HistGradientBoostingClassifier, {shape}",
        "seconds": round(time.perf_counter() - started, 1),
    }
    if model == "scorer":
        forest = trees.pack(exported["trees"], exported["bias"], exported["about"])
        trees.save_forest(forest, features.FEATURES, out)
    else:
        Path(out).write_text(json.dumps(exported, separators=(",", ":")))
    return exported
