"""A bounded load test of ``newsfuse serve`` on loopback: a steady request rate for a fixed time.

    python bench/load.py [--rate 20 [40 ...]] [--seconds 60] [--data ../shared/data/multi_news/val.jsonl]

Starts its own server on a free 127.0.0.1 port (loopback only), sends POST /v1/briefs at a fixed rate
(open loop: a slow answer does not slow the sender), stops by itself after ``--seconds`` (per rate when
several are given: a step each), and prints per step the answers by status (200, 503 busy, 504 past the
deadline, other failures: timeouts and resets), the latency of the 200s, goodput and how long the queue took to
drain after the last request was sent. Payloads are the built-in example story and, with
``--data``, real clusters (Multi-News: 2-10 articles each); ``--articles 3 --data DUC`` sends a typical brief
request instead, the first three articles of each cluster (DUC 2003: about 1,700 words).
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsfuse.datasets import read_clusters
from newsfuse.render import markdown_table

ROOT = Path(__file__).resolve().parent.parent


def payloads(data: str | None, articles: int | None = None, limit: int = 200) -> list[bytes]:
    """The example story (unless ``articles`` is given), then each cluster of ``data`` (its first ``articles``)."""
    example = [{"id": p.stem, "text": p.read_text()} for p in sorted((ROOT / "examples" / "alder-falls").iterdir())]
    found = [] if articles else [json.dumps({"articles": example, "words": 250}).encode()]
    if data:
        for cluster in read_clusters(data, limit):
            chosen = [{"text": d} for d in cluster.documents[:articles]]
            found.append(json.dumps({"articles": chosen, "words": 250}).encode())
    return found


def start_server(workers: int, *options: str) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "newsfuse", "serve", "--port", str(port), "--workers", str(workers), *options]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def one_request(port: int, body: bytes) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("POST", "/v1/briefs", body, {"Content-Type": "application/json"})
        status = connection.getresponse().status
        connection.close()
    except OSError:
        status = 0
    return time.perf_counter() - started, status


def run(port: int, bodies: list[bytes], rate: float, seconds: float) -> tuple[list[tuple[float, int]], float]:
    """Send ``rate × seconds`` requests on a fixed schedule: (latency, status) of each, and how long the last
    answers took to arrive after the last request was sent (the queue draining)."""
    results: list[tuple[float, int]] = []
    lock = threading.Lock()
    total = int(rate * seconds)  # bounded: exactly this many requests, then stop

    def fire(n: int) -> None:
        outcome = one_request(port, bodies[n % len(bodies)])
        with lock:
            results.append(outcome)

    with ThreadPoolExecutor(max_workers=256) as pool:
        start = time.perf_counter()
        for n in range(total):
            delay = start + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(fire, n)
        sent = time.perf_counter()
    return results, time.perf_counter() - sent


def step(rate: float, seconds: float, results: list[tuple[float, int]], drained: float) -> list[str]:
    ok = sorted(latency * 1000 for latency, status in results if status == 200)
    count = {code: sum(status == code for _, status in results) for code in (503, 504)}
    failed = len(results) - len(ok) - count[503] - count[504]

    def pct(q: float) -> str:
        return f"{ok[min(len(ok) - 1, round(q * (len(ok) - 1)))]:.0f}" if ok else "-"

    return [
        f"{rate:g}/s", str(len(results)), str(len(ok)), str(count[503]), str(count[504]), str(failed),
        pct(0.5), pct(0.99), f"{ok[-1]:.0f}" if ok else "-", f"{len(ok) / seconds:.1f}/s", f"{drained:.2f}",
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, nargs="+", default=[20.0], help="requests/s; several: one step each")
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of each step (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--data", default=None, help="cluster file for realistic payloads (first 200 clusters)")
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles of each cluster")
    args = parser.parse_args(argv)
    bodies = payloads(args.data, args.articles)
    server, port = start_server(args.workers)
    rows = []
    try:
        for rate in args.rate:
            results, drained = run(port, bodies, rate, args.seconds)
            rows.append(step(rate, args.seconds, results, drained))
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=10)
    sizes = [len(b) for b in bodies]
    print(f"POST /v1/briefs for {args.seconds:g} s per rate on 127.0.0.1, {args.workers} server workers, "
          f"{len(bodies)} payloads of {min(sizes) // 1024}-{max(sizes) // 1024} KB\n")  # fmt: skip
    header = ["offered", "requests", "200", "503", "504", "other failures", "p50 ms (200)", "p99 ms (200)",
              "max ms (200)", "goodput", "drained after s"]  # fmt: skip
    print(markdown_table(header, rows))
    return 1 if any(row[5] != "0" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
