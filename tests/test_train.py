import json
from pathlib import Path

import numpy as np
import pytest

from newsfuse import concepts, features, trees
from newsfuse.datasets import Cluster
from newsfuse.train import cluster_examples, concept_examples, fit, oracle, reference_concepts

CLUSTER = Cluster(
    "c",
    (
        "The dam on Marlow Creek failed on Tuesday.\nA parade was held downtown on Sunday afternoon.",
        "Three people died when the Marlow Creek dam failed.\nThe local team won its match.",
    ),
    ("The Marlow Creek dam failed on Tuesday and three people died.",),
)


def test_oracle_picks_what_the_reference_says_within_the_budget() -> None:
    sentences = [["the", "dam", "fail"], ["a", "parad", "was", "held"], ["three", "peopl", "die"]]
    reference = ["the", "dam", "fail", "and", "three", "peopl", "die"]
    assert sorted(oracle(sentences, reference, budget=10)) == [0, 2]
    assert len(oracle(sentences, reference, budget=3)) == 1


def test_sentence_examples_label_the_sentences_the_reference_covers() -> None:
    rows, labels = cluster_examples(CLUSTER, budget=20)
    assert rows.shape == (4, len(features.FEATURES))
    assert labels[0] == 1 and labels[1] == 0 and labels[3] == 0


def test_concept_examples_label_the_concepts_a_reference_contains() -> None:
    import Stemmer

    rows, labels = concept_examples(CLUSTER)
    assert rows.shape[1] == len(concepts.FEATURES) and len(rows) == len(labels)
    wanted = reference_concepts(CLUSTER.references[0], Stemmer.Stemmer("english"))
    assert ("dam", "fail") in wanted and ("and", "three") in wanted and ("and", "the") not in wanted
    assert 0 < labels.sum() < len(labels)


def test_exported_trees_score_exactly_like_scikit_learn(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.random((600, len(features.FEATURES)))
    y = (x[:, features.FEATURES.index("centrality")] + 0.2 * rng.random(600) > 0.6).astype(int)
    model, exported = fit(x, y)
    exported["features"] = list(features.FEATURES)
    path = tmp_path / "model.npz"
    trees.save_forest(trees.pack(exported["trees"], exported["bias"], {"test": 1}), features.FEATURES, path)
    loaded = trees.load_forest("scorer", features.FEATURES, path)
    np.testing.assert_allclose(loaded.score(x), model.decision_function(x), rtol=1e-9, atol=1e-9)
    assert loaded.about == {"test": 1}
    with pytest.raises(ValueError, match="other features"):
        trees.load_forest("scorer", concepts.FEATURES, path)


def test_one_split_trees_fold_into_step_functions_that_score_like_scikit_learn() -> None:
    rng = np.random.default_rng(1)
    x = rng.random((3000, len(concepts.FEATURES)))
    x[:, 1] = np.round(x[:, 1], 1)  # ties on thresholds must fall left, as in scikit-learn
    score = 2 * x[:, 0] - x[:, 1] + (x[:, 4] > 0.3) + 0.3 * rng.standard_normal(3000)
    model, exported = fit(x, (score > 0.8).astype(int), "concepts")
    exported.update(features=list(concepts.FEATURES), about={})
    folded = trees.load_additive(json.loads(json.dumps(exported)), concepts.FEATURES, "test")
    np.testing.assert_allclose(folded.score(x), model.decision_function(x), rtol=1e-9, atol=1e-9)
    assert sum(len(t) for t in folded.thresholds) < model.n_iter_  # shared cuts are merged


def test_shipped_models_match_the_features() -> None:
    from newsfuse.summarizers.newsfuse import load

    newsfuse = load()
    assert len(newsfuse.scorer.roots) == 150 and newsfuse.scorer.about["rows"] > 0
    assert len(newsfuse.concept_model.thresholds) == len(concepts.FEATURES)
    assert newsfuse.concept_model.about["clusters"] > 0


def _walk(forest: trees.Forest, row: np.ndarray) -> float:
    """One row down every tree, node by node: the plain reading of the packed arrays."""
    total = forest.bias
    for root in forest.roots:
        node = int(root)
        while forest.left[node] != node:
            node = int(forest.left[node] if row[forest.feature[node]] <= forest.threshold[node] else forest.right[node])
        total += forest.value[node]
    return total


@pytest.mark.parametrize("rows", [0, 1, 7, 300])
def test_the_shipped_scorer_walks_every_tree_to_its_leaf(rows: int) -> None:
    """Walks that end early stop being advanced; every row must still reach the leaf of every tree."""
    forest = trees.load_forest("scorer", features.FEATURES)
    assert forest.depth > trees.ALL_WALK  # else the second phase of the walk is not exercised
    rng = np.random.default_rng(rows)
    x = rng.random((rows, len(features.FEATURES))) * rng.choice([1.0, 10.0, 100.0], len(features.FEATURES))
    expected = np.array([_walk(forest, row) for row in x])
    np.testing.assert_allclose(forest.score(x), expected, rtol=1e-12, atol=1e-12)
