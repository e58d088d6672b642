"""Cross-validated ROUGE on the data the concept model is trained on (DUC 2006), side by side with the baselines.

    python bench/crossval.py ../shared/data/duc2006/test.jsonl --words 100 250 [--folds 5] [--also MORE.jsonl] [--focus]

The shipped concept model is trained on all of DUC 2006, so scoring it there would be scoring it on its own
training data. Here cluster k is summarized by a concept model trained on the other folds only (cluster k is in
fold k mod FOLDS; ``--also`` files are added to every fold's training data), with the shipped sentence scorer,
and scored exactly as ``newsfuse eval --duc`` scores (recall of the first N words, average over references).
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

import numpy as np

from newsfuse import concepts
from newsfuse.datasets import Cluster, read_clusters
from newsfuse.evaluate import (
    Settings,
    format_reader_table,
    format_table,
    reader_summary,
    score_clusters,
    summarize_scores,
)
from newsfuse.pipeline import Pipeline
from newsfuse.summarizers.newsfuse import load
from newsfuse.train import concept_examples, fit
from newsfuse.trees import load_additive


def fold_model(examples: list[tuple[np.ndarray, np.ndarray]], train: list[int], extra: list[tuple]) -> Any:
    x = np.concatenate([examples[k][0] for k in train] + [e[0] for e in extra])
    y = np.concatenate([examples[k][1] for k in train] + [e[1] for e in extra]).astype(int)
    _, exported = fit(x, y, "concepts")
    return load_additive({**exported, "features": concepts.FEATURES, "about": {}}, concepts.FEATURES, "fold")


def score_fold(clusters: list[Cluster], model: Any, settings: Settings) -> list[dict[str, Any]]:
    shipped = load()
    return score_clusters(clusters, settings, Pipeline(replace(shipped, concept_model=model)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--words", type=int, nargs="+", default=[100, 250])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--also", nargs="*", default=[], help="more training data for every fold")
    parser.add_argument("--methods", default="newsfuse,lead,lexrank,textrank")
    parser.add_argument("--focus", action="store_true", help="give newsfuse each cluster's topic as its focus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    clusters = list(read_clusters(args.data))
    extra_clusters = [c for path in args.also for c in read_clusters(path)]
    with ProcessPoolExecutor(args.jobs) as pool:
        examples = list(pool.map(concept_examples, clusters, chunksize=2))
        extra = list(pool.map(concept_examples, extra_clusters, chunksize=2))
        folds = [[k for k in range(len(clusters)) if k % args.folds == f] for f in range(args.folds)]
        models = [fold_model(examples, [k for k in range(len(clusters)) if k % args.folds != f], extra)
                  for f in range(args.folds)]  # fmt: skip
        methods = tuple(args.methods.split(","))
        for words in args.words:
            settings = Settings(methods, words, "recall", truncate=True, focus=args.focus)
            work = [([clusters[k] for k in fold], model, settings) for fold, model in zip(folds, models, strict=True)]
            done = pool.map(score_fold, *zip(*work, strict=True))
            rows = sorted((row for part in done for row in part), key=lambda r: [c.id for c in clusters].index(r["id"]))
            scores, reader = summarize_scores(rows, methods), reader_summary(rows, methods)
            report = {"methods": list(methods), "scores": scores, "reader": reader}
            print(f"\n{args.data}: {len(rows)} clusters, {words} words, {args.folds}-fold cross-validated concepts")
            print("recall of the first N words, average over references, mean [95% bootstrap CI]:\n")
            print(format_table(report, "avg"))
            print()
            print(format_reader_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
