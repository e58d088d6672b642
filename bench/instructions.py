"""Instructions per cluster, counted by valgrind: a speed figure that this shared machine's noise cannot move.

    python bench/instructions.py [--data full-length] [--clusters 10] [--method newsfuse lexrank]

CPU time on this 2-core machine moves by ±15% between runs with no change to the code, more than most speed
changes. ``valgrind --tool=callgrind`` counts the instructions a process runs, the same whatever else runs.
Each method runs in two child processes under callgrind, both loading the same data and summarizing one
cluster to warm up; one then summarizes the first N clusters, the other none; the difference over N is the
count per cluster, start-up left out. Instructions are not time (NumPy's loops run more instructions per cycle
than Python's interpreter), so compare a method with itself across commits (run this in two checkouts with
``PYTHONPATH=OTHER/src``), and read the ratio to LexRank as a rough guide only. About 2 minutes per method for 10
full-length clusters.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARM_FROM = 40  # clusters read per data file; the last one read warms up, the first N are counted


def child(data: str, clusters: int, method: str) -> None:
    """The measured process: warm up on the last cluster, then summarize ``clusters`` of them."""
    sys.path.insert(0, str(HERE))
    import newsfuse
    import speed  # the speed benchmark's data and LexRank (bench/ is on the path in the child only)

    documents = speed.clusters(data, WARM_FROM)
    run = newsfuse.summarize if method == "newsfuse" else speed.sumy_lexrank()
    run(documents[-1])
    for cluster in documents[:clusters]:
        run(cluster)


def counted(data: str, clusters: int, method: str) -> int:
    """Instructions of a child process that summarizes ``clusters`` clusters (after its warm-up)."""
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", "--data", data, "--clusters", str(clusters), "--method", method,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count: {result.stderr[-500:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="full-length", choices=["multinews", "full-length", "duc2003", "duc2006"])
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--method", nargs="+", default=["newsfuse", "lexrank"], choices=["newsfuse", "lexrank"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.data, args.clusters, args.method[0])
        return 0
    for method in args.method:
        per_cluster = (counted(args.data, args.clusters, method) - counted(args.data, 0, method)) / args.clusters
        print(
            f"{args.data}: {method} {per_cluster / 1e6:.1f} million instructions per cluster ({args.clusters} clusters)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
