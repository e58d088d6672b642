"""Speed as users meet it: the public API per cluster and the CLI as a whole process, beside plain sumy LexRank.

    python bench/speed.py [--limit N] [--no-scaling] [--no-cli]

Everything runs in this one process pinned to one core (the CLI in child processes on the same core), warm,
and reports CPU time (what the process spent) and wall time. Per cluster, ``newsfuse.summarize(documents)``
(the module-level API, its default pipeline made on first use, as a user's program or a server worker would)
and plain sumy LexRank (sumy's own LexRankSummarizer on the raw documents, with a blingfire sentence splitter
and word tokenizer since NLTK's data is not available offline, 10 sentences) are timed interleaved, cluster by
cluster, on the same documents. Data (from ``../shared/data``):

* Multi-News val: the first N clusters (truncated news, median ~440 words);
* full-length clusters of ~1,400 words: the first articles of each DUC 2006 and DUC 2007 cluster, in order,
  until 1,400 words are reached;
* DUC 2003: 10-article newswire clusters (~5,800 words); DUC 2006: 25-article clusters (~15,000 words).

Then the CLI: ``newsfuse summarize`` on one JSONL input of 10k, 100k and 1M words (DUC 2006 articles, repeated
as needed; CPU, wall, peak memory of the child), and start-up on a short text article.
"""

from __future__ import annotations

import os

if hasattr(os, "sched_setaffinity"):  # one core, before NumPy starts its BLAS threads
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import blingfire

import newsfuse
from newsfuse.datasets import read_clusters
from newsfuse.render import markdown_table
from newsfuse.text import WORD

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SIZES = (10_000, 100_000, 1_000_000)
SCRIPT = Path(sys.executable).parent / "newsfuse"  # the console script users run
NEWSFUSE = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "newsfuse.cli"]


class BlingfireTokenizer:
    """sumy's tokenizer interface over blingfire (sumy's default needs NLTK's punkt data)."""

    language = "english"

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [s for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return WORD.findall(sentence)


def sumy_lexrank() -> Callable[[list[str]], Any]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = BlingfireTokenizer()

    def run(documents: list[str]) -> Any:
        return summarizer(PlaintextParser.from_string("\n\n".join(documents), tokenizer).document, 10)

    return run


def timed(work: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def clusters(name: str, limit: int | None) -> list[list[str]]:
    if name == "multinews":
        return [list(c.documents) for c in read_clusters(DATA / "multi_news/val.jsonl", limit)]
    if name == "duc2003":
        return [list(c.documents) for c in read_clusters(DATA / "duc2003_task2/test.jsonl", limit)]
    if name == "duc2006":
        return [list(c.documents) for c in read_clusters(DATA / "duc2006/test.jsonl", limit)]
    found = []
    for path in (DATA / "duc2006/test.jsonl", DATA / "duc2007/main.jsonl"):
        for cluster in read_clusters(path, limit):
            chosen, count = [], 0
            for document in cluster.documents:
                chosen.append(document)
                count += len(document.split())
                if count >= 1400:
                    break
            found.append(chosen)
    return found[:limit] if limit else found


def per_cluster(name: str, limit: int | None) -> list[str]:
    data = clusters(name, limit)
    lexrank = sumy_lexrank()
    newsfuse.summarize(data[0])  # warm: the default pipeline and its models load here, once
    lexrank(data[0])
    ours, theirs = [], []
    for documents in data:
        ours.append(timed(lambda d=documents: newsfuse.summarize(d)))
        theirs.append(timed(lambda d=documents: lexrank(d)))
    words = statistics.median(sum(len(d.split()) for d in documents) for documents in data)
    ms = [1000 * statistics.median(t[k] for t in times) for times in (ours, theirs) for k in (0, 1)]
    p95 = 1000 * sorted(t[0] for t in ours)[int(0.95 * (len(ours) - 1))]
    return [name, str(len(data)), f"{words:,.0f}", f"{ms[0]:.1f}", f"{p95:.1f}", f"{ms[1]:.1f}", f"{ms[2]:.1f}",
            f"{ms[3]:.1f}", f"{ms[2] / ms[0]:.1f}x"]  # fmt: skip


def child(command: list[str]) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak MB of one child process (with bytecode caching on, as users have it)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, after.ru_maxrss / 1024


def scaling(folder: Path) -> list[list[str]]:
    pool: list[str] = []
    for cluster in read_clusters(DATA / "duc2006/test.jsonl"):
        pool.extend(cluster.documents)
    rows = []
    for size in SIZES:
        lines, count, k = [], 0, 0
        while count < size:
            document = pool[k % len(pool)]
            lines.append(json.dumps({"id": f"a{k}", "text": document}))
            count += len(document.split())
            k += 1
        path = folder / f"input-{size}.jsonl"
        path.write_text("\n".join(lines) + "\n")
        cpu, wall, peak = child([*NEWSFUSE, "summarize", str(path)])
        rows.append([f"{size:,}", f"{count:,}", f"{cpu:.2f}", f"{wall:.2f}", f"{peak:.0f}", f"{count / cpu:,.0f}"])
    return rows


def startup(folder: Path, repeat: int = 7) -> tuple[float, float]:
    path = folder / "short.txt"
    path.write_text(
        "Dam fails upstream of Alder Falls\nAn earthen dam gave way before dawn on Tuesday, sending water through "
        "the town and forcing about 2,000 residents from their homes, officials said. Three people died.\n"
    )
    runs = [child([*NEWSFUSE, "summarize", str(path)]) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=500, help="at most N clusters of each data set (default 500)")
    parser.add_argument("--data", nargs="+", default=["multinews", "full-length", "duc2003", "duc2006"])
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    header = ["data", "clusters", "median words", "newsfuse CPU ms", "p95", "wall ms", "sumy LexRank CPU ms",
              "wall ms", "LexRank ÷ newsfuse (CPU)"]  # fmt: skip
    rows = [per_cluster(name, args.limit) for name in args.data]
    print("Public API per cluster (median; one core, warm, interleaved)\n")
    print(markdown_table(header, rows))
    if not args.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            if not args.no_scaling:
                print("\nCLI, one input of N words: `newsfuse summarize FILE` as a whole process\n")
                header = ["target words", "words", "CPU s", "wall s", "peak MB", "words / CPU s"]
                print(markdown_table(header, scaling(Path(folder))))
            cpu, wall = startup(Path(folder))
            print(f"\nCLI start-up, `newsfuse summarize short.txt`: {cpu:.3f} s CPU, {wall:.3f} s wall (median of 7)")
    print(f"\nbench wall time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
