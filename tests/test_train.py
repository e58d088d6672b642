import json
from pathlib import Path

import numpy as np

from newsfuse.clusters import Cluster
from newsfuse.features import FEATURES
from newsfuse.summarizers.newsfuse import load_model
from newsfuse.train import cluster_examples, fit, oracle


def test_oracle_picks_what_the_reference_says_within_the_budget() -> None:
    sentences = [["the", "dam", "fail"], ["a", "parad", "was", "held"], ["three", "peopl", "die"]]
    reference = ["the", "dam", "fail", "and", "three", "peopl", "die"]
    assert sorted(oracle(sentences, reference, budget=10)) == [0, 2]
    assert len(oracle(sentences, reference, budget=3)) == 1


def test_examples_label_the_sentences_the_reference_covers() -> None:
    cluster = Cluster(
        "c",
        (
            "The dam on Marlow Creek failed on Tuesday.\nA parade was held downtown on Sunday afternoon.",
            "Three people died when the Marlow Creek dam failed.\nThe local team won its match.",
        ),
        ("The Marlow Creek dam failed on Tuesday and three people died.",),
    )
    rows, labels = cluster_examples(cluster, budget=20)
    assert len(rows) == len(labels) == 4
    assert all(len(row) == len(FEATURES) for row in rows)
    assert labels[0] == 1 and labels[1] == 0 and labels[3] == 0


def test_exported_trees_score_exactly_like_scikit_learn(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.random((600, len(FEATURES)))
    y = (x[:, FEATURES.index("centrality")] + 0.2 * rng.random(600) > 0.6).astype(int)
    model, exported = fit(x, y)
    exported["features"] = list(FEATURES)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(exported))
    ours = load_model(path).score(x)
    np.testing.assert_allclose(ours, model.decision_function(x), rtol=1e-9, atol=1e-9)
