"""Speed per language on the same clusters: the MultiLing 2011 clusters are one set of news translated into
each language, so the time a brief takes in French, Arabic or Greek against English is the cost of the
language's own path (identification, its words, stop words and stemmer).

    python bench/languages.py [--data ../shared/data/multiling2011] [--repeat 3]

What users call: ``newsfuse.summarize(documents)`` (the language identified per article, as it is for them),
one process, warm (one untimed pass first), CPU time per cluster; plain sumy LexRank on the same sentences
beside it, as the outside anchor. Clusters are interleaved language by language, so machine noise falls on
all of them alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import newsfuse
from newsfuse.datasets import read_clusters
from newsfuse.render import markdown_table

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multiling2011"
LANGUAGES = ("english", "french", "arabic", "greek", "hebrew")


def cpu_ms(call: object, repeat: int) -> float:
    """The least CPU time of ``repeat`` calls, in ms (the least is the one least disturbed)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        call()  # type: ignore[operator]
        best = min(best, time.process_time() - started)
    return 1000 * best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA), help="the multiling2011 folder")
    parser.add_argument("--repeat", type=int, default=3, help="calls per cluster and method (the least counts)")
    args = parser.parse_args(argv)
    clusters = {name: list(read_clusters(Path(args.data) / f"{name}.jsonl")) for name in LANGUAGES}
    for name in LANGUAGES:  # warm: models, languages and sumy loaded before anything is timed
        newsfuse.summarize(list(clusters[name][0].documents), method="lexrank")
        newsfuse.summarize(list(clusters[name][0].documents))
    ours: dict[str, list[float]] = {name: [] for name in LANGUAGES}
    lexrank: dict[str, list[float]] = {name: [] for name in LANGUAGES}
    for n in range(min(len(c) for c in clusters.values())):
        for name in LANGUAGES:
            documents = list(clusters[name][n].documents)
            ours[name].append(cpu_ms(lambda d=documents: newsfuse.summarize(d), args.repeat))
            lexrank[name].append(cpu_ms(lambda d=documents: newsfuse.summarize(d, method="lexrank"), args.repeat))
    english = statistics.median(ours["english"])
    rows = []
    for name in LANGUAGES:
        words = statistics.median(sum(len(d.split()) for d in c.documents) for c in clusters[name])
        median = statistics.median(ours[name])
        rows.append([
            name, str(len(ours[name])), f"{words:,.0f}", f"{median:.1f}", f"{median / english:.2f}",
            f"{statistics.median(lexrank[name]):.1f}",
        ])  # fmt: skip
    print(markdown_table(
        ["language", "clusters", "median words", "newsfuse CPU ms (median)", "÷ English", "LexRank CPU ms"], rows
    ))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
