"""Briefs as a diffable listing: one JSON line per cluster (each sentence's text and its exact sources).

    python bench/briefs.py [DATA...] [--limit N] > briefs.jsonl

Run it in two checkouts (``PYTHONPATH=OTHER/src python bench/briefs.py``) and ``diff`` the outputs to show
that a change left every brief as it was, or which briefs it changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import newsfuse
from newsfuse.datasets import read_clusters

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "data", nargs="*", default=[str(DATA / "multi_news/val.jsonl"), str(DATA / "duc2003_task2/test.jsonl")]
    )
    parser.add_argument("--limit", type=int, default=500, help="first N clusters of each file (default 500)")
    args = parser.parse_args(argv)
    for path in args.data:
        for number, cluster in enumerate(read_clusters(path, args.limit)):
            brief = newsfuse.summarize(list(cluster.documents))
            sentences = [[s.text, [[c.article, c.start, c.end] for c in s.sources]] for s in brief.sentences]
            print(json.dumps({"data": Path(path).parent.name, "cluster": number, "brief": sentences}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
