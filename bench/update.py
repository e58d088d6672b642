"""Update briefs on DUC 2007's update task: what is new in set B given A, and in C given A and B.

    python bench/update.py ../shared/data/duc2007/update.jsonl [--words 100]
    python bench/update.py ../shared/data/duc2006/test.jsonl --scaling 50 200 400 1000


For every B and C set, side by side in one run and scored as ``newsfuse eval --duc`` scores (recall of the first
N words, average over the four references, which NIST's assessors wrote for a reader who knows the earlier
sets): the update brief (``Pipeline.update``, what ``newsfuse story ID --since`` gives) and the plain brief of the
new set's articles alone, by newsfuse and by the baselines.

``--scaling N...`` times instead the update brief of 10 new articles given N earlier ones (the data's articles
in order, repeated if needed), in CPU and wall seconds, beside the plain brief of the same N + 10 articles: a
long-running story's update should cost about what its brief costs, linear in what the reader has read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import numpy as np

from newsfuse.evaluate import Settings, as_scored, bootstrap_indices, confidence_interval, paired_p_value, rouge
from newsfuse.ingest import from_records
from newsfuse.pipeline import Pipeline, clean_all, story_of
from newsfuse.render import markdown_table

SYSTEMS = ("update", "newsfuse", "lead", "lexrank", "textrank")


def articles(row: dict[str, Any]) -> list:
    records = [{"id": f"{row['set']}{k}", "text": text} for k, text in enumerate(row["documents"])]
    return clean_all(from_records(records).articles, strict=False)[0]


def scaling(path: str, sizes: list[int], words: int) -> list[list[str]]:
    with open(path, encoding="utf-8") as lines:
        pool = [text for line in lines if line.strip() for text in json.loads(line)["documents"]]
    pipeline, rows = Pipeline(), []
    warm = articles({"set": "w", "documents": pool[:12]})
    pipeline.update(warm[:10], warm[10:], words, "since then")  # the models load here, once
    for size in sizes:
        found = articles({"set": "a", "documents": [pool[k % len(pool)] for k in range(size + 10)]})
        earlier, new = found[:size], found[size:]
        cpu, wall = time.process_time(), time.perf_counter()
        pipeline.update(earlier, new, words, "since then")
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        plain = time.process_time()
        pipeline.brief(story_of(found), words)
        plain = time.process_time() - plain
        count = sum(a.words for a in found)
        rows.append([str(size), f"{count:,}", f"{cpu:.2f}", f"{wall:.2f}", f"{plain:.2f}"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--scaling", type=int, nargs="+", metavar="N", help="time updates given N earlier articles")
    args = parser.parse_args(argv)
    if args.scaling:
        print(markdown_table(["earlier articles", "words", "update CPU s", "wall s", "plain brief CPU s"], scaling(
            args.data, args.scaling, args.words)))  # fmt: skip
        return 0
    with open(args.data, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    by_id = {row["id"]: row for row in rows}
    pipeline = Pipeline()
    settings = Settings(SYSTEMS, args.words, "recall", truncate=True)
    scores: dict[str, dict[str, list[float]]] = {s: {"rouge1": [], "rouge2": []} for s in SYSTEMS}
    for row in rows:
        if not row["earlier"]:
            continue
        earlier = [a for set_id in row["earlier"] for a in articles(by_id[set_id])]
        new = articles(row)
        briefs = {"update": pipeline.update(earlier, new, args.words, f"after sets {', '.join(row['earlier'])}")}
        alone = story_of(new)
        for method in SYSTEMS[1:]:
            briefs[method] = pipeline.brief(alone, args.words, method)
        for system, brief in briefs.items():
            found = rouge(as_scored(brief, settings), row["summaries"], "recall")
            for metric in ("rouge1", "rouge2"):
                scores[system][metric].append(found[metric][1])
        print(f"  {row['id']}", file=sys.stderr)
    indices = bootstrap_indices(len(scores["update"]["rouge1"]))
    table = []
    for system in SYSTEMS:
        cells = [system if system != "update" else "newsfuse update brief (given earlier sets)"]
        for metric in ("rouge1", "rouge2"):
            values = np.array(scores[system][metric])
            low, high = confidence_interval(values, indices)
            cells.append(f"{values.mean():.2f} [{low:.2f}, {high:.2f}]")
        for metric in ("rouge1", "rouge2"):
            if system == "update":
                cells.append("-")
                continue
            p = paired_p_value(np.array(scores["update"][metric]), np.array(scores[system][metric]), indices)
            cells.append("<0.001" if p == 0 else f"{p:.3f}")
        table.append(cells)
    print(f"\n{args.data}: {len(scores['update']['rouge1'])} update sets (B given A, C given A and B), "
          f"{args.words} words, recall of the first N words, average over references\n")  # fmt: skip
    header = ["brief", "R-1 [95% CI]", "R-2 [95% CI]", "p: update not better (R-1)", "p (R-2)"]
    print(markdown_table(header, table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
