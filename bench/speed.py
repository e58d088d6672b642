"""Speed of every method on a cluster file, and how newsfuse scales with input size.

    python bench/speed.py ../shared/data/multi_news/val.jsonl [--limit N] [--methods ...]

Times the whole pipeline per cluster (clean → segment → score/select → attribute) in this one process,
so on one core. The scaling table concatenates the file's documents into inputs of 10k, 100k and 1M words.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from newsfuse.clusters import read_clusters
from newsfuse.pipeline import brief, story_from
from newsfuse.render import markdown_table
from newsfuse.summarizers import Summarizer, get

SIZES = (10_000, 100_000, 1_000_000)
QUADRATIC = {"lexrank", "textrank"}  # all-pairs sentence graphs: 1M words would need ~10 GB and hours


def run_once(documents: list[str], method: Summarizer, words: int) -> float:
    start = time.perf_counter()
    story = story_from(documents)
    if story.articles:
        brief(story, words, method)
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def per_cluster(path: str, methods: dict[str, Summarizer], limit: int | None, words: int) -> dict[str, list[float]]:
    clusters = [list(c.documents) for c in read_clusters(path, limit)]
    for method in methods.values():  # warm up imports and lazy loading outside the timings
        run_once(clusters[0], method, words)
    times: dict[str, list[float]] = {m: [] for m in methods}
    for n, documents in enumerate(clusters, 1):
        for name, method in methods.items():
            times[name].append(run_once(documents, method, words))
        if n % 500 == 0:
            print(f"  {n}/{len(clusters)} clusters", file=sys.stderr)
    return times


def scaling(
    path: str, methods: dict[str, Summarizer], words: int, sizes: tuple[int, ...]
) -> dict[int, dict[str, float | None]]:
    pool: list[str] = []
    total = 0
    for cluster in read_clusters(path):
        pool.extend(cluster.documents)
        total += sum(len(d.split()) for d in cluster.documents)
        if total >= max(sizes):
            break
    result: dict[int, dict[str, float | None]] = {}
    for size in sizes:
        chosen, count = [], 0
        for document in pool:
            if count >= size:
                break
            chosen.append(document)
            count += len(document.split())
        result[size] = {
            name: None if (name in QUADRATIC and size > 10_000) else run_once(chosen, method, words)
            for name, method in methods.items()
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--methods", default="newsfuse,lead,lexrank,textrank")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args(argv)
    methods = {name: get(name) for name in args.methods.split(",")}  # each model loads once, as in a server

    started = time.perf_counter()
    times = per_cluster(args.data, methods, args.limit, args.words)
    ms: Callable[[float], str] = lambda s: f"{s * 1000:.1f}"  # noqa: E731
    rows = [
        [m, str(len(t)), ms(statistics.median(t)), ms(percentile(t, 0.95)), f"{sum(t):.1f}"] for m, t in times.items()
    ]
    print(
        f"Per cluster, {args.data} ({len(next(iter(times.values())))} clusters, budget {args.words} words, one core)\n"
    )
    print(markdown_table(["method", "clusters", "median ms", "p95 ms", "total s"], rows))
    if "newsfuse" in times and "lexrank" in times:
        ratio = statistics.median(times["newsfuse"]) / statistics.median(times["lexrank"])
        print(f"\nnewsfuse / lexrank median time: {ratio:.2f}")
    if not args.no_scaling:
        grown = scaling(args.data, methods, args.words, SIZES)
        header = ["input words", *[f"{m} s" for m in methods]]
        cells = [
            [f"{size:,}", *["skipped" if t is None else f"{t:.2f}" for t in r.values()]] for size, r in grown.items()
        ]
        print("\nScaling (one input of N words, whole pipeline; skipped = quadratic baseline)\n")
        print(markdown_table(header, cells))
        base = grown[SIZES[0]].get("newsfuse")
        if base:
            growth = ", ".join(f"{grown[s]['newsfuse'] / base:.1f}x" for s in SIZES[1:])
            print(f"\nnewsfuse time relative to 10k words at 100k and 1M words: {growth} (linear would be 10x, 100x)")
    print(f"\nwall time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
