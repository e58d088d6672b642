"""Every person a brief introduces by full name (``names.py``), listed for a reader to check.

    python bench/names.py DATA.jsonl [DATA.jsonl ...] [--words 250] [--limit N]

For each cluster, the default brief through ``newsfuse.summarize``; for each change that gives a surname its
given name, one line: the cluster, the surname, the full name, and the brief sentence. The last line counts
them against the brief sentences read. A person's name is right when the articles name that person so; the
script does not judge it: a reader does.
"""

from __future__ import annotations

import argparse
import sys

import newsfuse
from newsfuse.datasets import read_clusters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int, default=None, help="the first N clusters of each file")
    args = parser.parse_args(argv)
    sentences = introduced = 0
    for path in args.data:
        for cluster in read_clusters(path, args.limit):
            brief = newsfuse.summarize(cluster.documents, words=args.words)
            for sentence in brief.sentences:
                sentences += 1
                for change in sentence.changes:
                    was, now = change.was.lower(), change.now.lower()
                    if was and (now.endswith(" " + was) or now.startswith(was + " ")):  # "Jiang Zemin" too
                        introduced += 1
                        print(f"{cluster.id}\t{change.was}\t{change.now}\t{sentence.text}")
    print(f"{introduced} people introduced by full name in {sentences} brief sentences", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
