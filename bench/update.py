"""Update briefs on DUC 2007's update task: what is new in set B given A, and in C given A and B.

    python bench/update.py ../shared/data/duc2007/update.jsonl [--words 100]

For every B and C set, side by side in one run and scored as ``newsfuse eval --duc`` scores (recall of the first
N words, average over the four references, which NIST's assessors wrote for a reader who knows the earlier
sets): the update brief (``Pipeline.update``, what ``newsfuse story ID --since`` gives) and the plain brief of the
new set's articles alone, by newsfuse and by the baselines.
"""

from __future__ import annotations

import argparse
import json
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--words", type=int, default=100)
    args = parser.parse_args(argv)
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
