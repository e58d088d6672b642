"""The workspace page's story list over a big store: load time as the browser meets it, on loopback.

    python bench/workspace.py ../shared/data/multi_news/train.jsonl.gz --stories 10000 [--db /tmp/ws.db] [--loads 100]

Builds a store (unless ``--db`` names one that exists) from the first ``--stories`` clusters of the file, each
cluster's documents one story's articles (ingested by ``newsfuse ingest``, so the store's own clustering
decides the stories), starts ``newsfuse serve --db`` on a free loopback port (2 workers), and loads the page
``--loads`` times as a browser does: the page, its three assets and ``/v1/version`` (one connection each, in
order), then ``/v1/stories?limit=20`` (the list, with its 20 briefs); also the list filtered by a word of a
headline and the last page. Wall time per load, p50 / p95 / max. Target (issue 16): p95 under 300 ms with
10,000 stories.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from load import start_server  # bench/load.py, beside this script
from newsfuse.datasets import read_clusters
from newsfuse.render import markdown_table

ASSETS = ("/", "/static/style.css", "/static/app.js", "/static/workspace.js", "/v1/version")


def build(data: str, stories: int, db: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for n, cluster in enumerate(read_clusters(data, stories)):
                for k, text in enumerate(cluster.documents):
                    out.write(json.dumps({"id": f"c{n}-{k}", "title": text[:80], "text": text}) + "\n")
        command = [sys.executable, "-m", "newsfuse", "ingest", str(source), "--db", str(db)]
        subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def fetch(base: str, path: str) -> bytes:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read()


def timed(base: str, paths: list[str], loads: int) -> list[float]:
    """Milliseconds of wall time per load of all ``paths`` in order."""
    times = []
    for _ in range(loads):
        started = time.perf_counter()
        for path in paths:
            fetch(base, path)
        times.append(1000 * (time.perf_counter() - started))
    return sorted(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="a cluster file (Multi-News train)")
    parser.add_argument("--stories", type=int, default=10_000, help="clusters to ingest (default 10,000)")
    parser.add_argument("--db", default=None, help="the store to use, built there if it does not exist")
    parser.add_argument("--loads", type=int, default=100, help="page loads to time (default 100)")
    args = parser.parse_args(argv)
    db = Path(args.db or Path(tempfile.mkdtemp()) / "workspace.db")
    if not db.exists():
        started = time.perf_counter()
        build(args.data, args.stories, db)
        print(f"built {db} in {time.perf_counter() - started:.0f} s")
    server, port = start_server(2, "--db", str(db))
    base = f"http://127.0.0.1:{port}"
    try:
        first = json.loads(fetch(base, "/v1/stories?limit=20"))
        word = next((w for w in first["stories"][0]["headline"].split() if len(w) > 4), "the")
        last = max(0, first["total"] - 20)
        cases = {
            "page + story list": [*ASSETS, "/v1/stories?limit=20"],
            f"list filtered by '{word}'": [f"/v1/stories?limit=20&q={urllib.request.quote(word)}"],
            "last page of the list": [f"/v1/stories?limit=20&offset={last}"],
        }
        rows = []
        for name, paths in cases.items():
            times = timed(base, paths, args.loads)
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows.append([name, f"{times[len(times) // 2]:.0f}", f"{p95:.0f}", f"{times[-1]:.0f}"])
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{first['total']} stories in the store; {args.loads} loads each, wall time, 127.0.0.1\n")
    print(markdown_table(["load", "p50 ms", "p95 ms", "max ms"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
