"""A bounded load test of ``newsfuse serve`` on loopback: a steady request rate for a fixed time.

    python bench/load.py [--rate 20] [--seconds 60] [--data ../shared/data/multi_news/val.jsonl]

Starts its own server on a free 127.0.0.1 port (loopback only), sends POST /v1/briefs at a fixed rate
(open loop: a slow answer does not slow the sender), stops by itself after ``--seconds``, and prints
requests/s, p50/p90/p99 latency and the error count. Payloads are the built-in example story and, with
``--data``, real Multi-News clusters (2-10 articles each).
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
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


def payloads(data: str | None, limit: int = 200) -> list[bytes]:
    example = [{"id": p.stem, "text": p.read_text()} for p in sorted((ROOT / "examples" / "alder-falls").iterdir())]
    found = [json.dumps({"articles": example, "words": 250}).encode()]
    if data:
        for cluster in read_clusters(data, limit):
            articles = [{"text": d} for d in cluster.documents]
            found.append(json.dumps({"articles": articles, "words": 250}).encode())
    return found


def start_server(workers: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "newsfuse", "serve", "--port", str(port), "--workers", str(workers)]
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


def run(port: int, bodies: list[bytes], rate: float, seconds: float) -> list[tuple[float, int]]:
    results: list[tuple[float, int]] = []
    lock = threading.Lock()
    total = int(rate * seconds)  # bounded: exactly this many requests, then stop

    def fire(n: int) -> None:
        outcome = one_request(port, bodies[n % len(bodies)])
        with lock:
            results.append(outcome)

    with ThreadPoolExecutor(max_workers=64) as pool:
        start = time.perf_counter()
        for n in range(total):
            delay = start + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(fire, n)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="duration (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--data", default=None, help="cluster file for realistic payloads (first 200 clusters)")
    args = parser.parse_args(argv)
    bodies = payloads(args.data)
    server, port = start_server(args.workers)
    try:
        started = time.perf_counter()
        results = run(port, bodies, args.rate, args.seconds)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(latency * 1000 for latency, status in results if status == 200)
    errors = sum(status != 200 for _, status in results)

    def pct(q: float) -> str:
        return f"{latencies[min(len(latencies) - 1, round(q * (len(latencies) - 1)))]:.0f}" if latencies else "-"

    sizes = [len(b) for b in bodies]
    print(f"POST /v1/briefs at {args.rate:g}/s for {args.seconds:g} s on 127.0.0.1, {args.workers} server workers, "
          f"{len(bodies)} payloads of {min(sizes) // 1024}-{max(sizes) // 1024} KB\n")  # fmt: skip
    header = ["requests", "errors", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms"]
    row = [
        str(len(results)), str(errors), f"{len(results) / elapsed:.1f}", pct(0.5), pct(0.9), pct(0.99),
        f"{latencies[-1]:.0f}" if latencies else "-", f"{statistics.mean(latencies):.0f}" if latencies else "-",
    ]  # fmt: skip
    print(markdown_table(header, [row]))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
