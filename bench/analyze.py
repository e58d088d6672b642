"""Speed of ``analyze`` in articles per second on one core (pinned), the NER model loaded once.

    python bench/analyze.py ../shared/data/duc2003_task2/test.jsonl [--limit N] [--repeat R]

Each cluster is analysed as one story (clean → segment → NER, quotes, timeline, figures, corroboration by
words and by meaning, opinion), as ``newsfuse analyze`` does by default; the table splits out the time of the
NER model and of the analysis without the semantic layer (``--no-meaning``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import newsfuse.threads  # noqa: F401  (one BLAS thread, as the CLI has)
from newsfuse.anatomy import analyze_story, load_ner
from newsfuse.anatomy.entities import find_mentions
from newsfuse.datasets import read_clusters
from newsfuse.pipeline import story_from
from newsfuse.render import markdown_table
from newsfuse.samefact import load_same_fact


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="cluster file (.jsonl or .jsonl.gz)")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the data (the best is reported)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, whatever BLAS would like
    started = time.perf_counter()
    ner, same = load_ner(), load_same_fact()
    loading = time.perf_counter() - started
    clusters = [list(c.documents) for c in read_clusters(args.data, args.limit)]
    stories = [story_from(documents) for documents in clusters]
    articles = sum(len(s.articles) for s in stories)
    words = sum(a.words for s in stories for a in s.articles)
    passes, ner_passes, cpu_passes, plain_passes = [], [], [], []
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        for story in stories:
            analyze_story(story, ner, same)
        passes.append(time.perf_counter() - start)
        cpu_passes.append(time.process_time() - cpu)
        cpu = time.process_time()
        for story in stories:
            analyze_story(story, ner)
        plain_passes.append(time.process_time() - cpu)
        start = time.perf_counter()
        for story in stories:
            find_mentions(story, ner.model("en"))
        ner_passes.append(time.perf_counter() - start)
    best, ner_best = min(passes), min(ner_passes)
    print(f"{args.data}: {len(stories)} stories, {articles} articles, {words / articles:.0f} words per article")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"NER and same-fact models loaded once in {loading:.2f} s; {args.repeat} passes on {cores} core\n")
    cpu, plain = statistics.median(cpu_passes), statistics.median(plain_passes)
    rows = [
        ["analyze (all finders), CPU, median pass", f"{cpu:.2f}", f"{articles / cpu:.1f}", f"{words / cpu:,.0f}"],
        ["without meaning (--no-meaning), CPU", f"{plain:.2f}", f"{articles / plain:.1f}", f"{words / plain:,.0f}"],
        ["analyze (all finders), wall, best pass", f"{best:.2f}", f"{articles / best:.1f}", f"{words / best:,.0f}"],
        ["of which NER, wall, best pass", f"{ner_best:.2f}", f"{articles / ner_best:.1f}", f"{words / ner_best:,.0f}"],
    ]
    print(markdown_table(["stage", "seconds", "articles/s", "words/s"], rows))
    print(f"\npasses (s): {', '.join(f'{p:.2f}' for p in passes)}; median {statistics.median(passes):.2f}")


if __name__ == "__main__":
    main()
