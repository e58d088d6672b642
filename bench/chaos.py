"""Chaos against a real ``newsfuse serve``: workers killed under load, and hundreds of crawling clients.

    python bench/chaos.py --data ../shared/data/duc2003_task2/test.jsonl --articles 3 [--seconds 60] [--kill-every 5]

Starts its own server on a free 127.0.0.1 port (2 workers), then:

1. **capacity**: offers far more than the server can do for ``--probe`` seconds; capacity is the goodput
   (answers 200 per second), as in ``load.py``;
2. **kills**: offers 80% of that capacity for ``--seconds`` while ``kill -9`` hits one worker every
   ``--kill-every`` seconds, and polls ``/healthz`` every 0.2 s; counts the answers by status and checks that
   /healthz was honest: 200 only while a worker was ready, 503 only while none was;
3. **slow clients**: holds ``--slow`` connections open that send their headers (half of them) or their bodies
   (the other half) at one byte a second from a process of their own, reconnecting whenever the server closes
   them, and measures capacity again while they crawl, against the mean of the capacity before and after.

Targets (issue 19): in step 2 at least 99% answered 200, the rest 503, none 500; /healthz honest throughout;
in step 3 capacity at least 90% of step 1's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from load import payloads, run, start_server  # bench/load.py, beside this script
from newsfuse.render import markdown_table
from newsfuse.service.pool import server_workers


def capacity(port: int, bodies: list[bytes], seconds: float) -> float:
    results, _ = run(port, bodies, 160.0, seconds)  # well over capacity, not so much that the sender starves it
    return sum(status == 200 for _, status in results) / seconds


def health(port: int) -> tuple[int, int]:
    """(status, workers ready) of /healthz; (0, -1) when it did not answer."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status, json.loads(response.read())["workers"]["ready"]
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read())["workers"]["ready"]
    except OSError:
        return 0, -1


def kills(server_pid: int, port: int, bodies: list[bytes], rate: float, seconds: float, every: float) -> dict:
    stop = threading.Event()
    polls: list[tuple[int, int]] = []
    killed: list[int] = []

    def poll() -> None:
        while not stop.is_set():
            polls.append(health(port))
            stop.wait(0.2)

    def kill() -> None:
        while not stop.wait(every):
            alive = server_workers(server_pid)
            if alive:
                victim = random.choice(alive)
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

    threads = [threading.Thread(target=poll), threading.Thread(target=kill)]
    for thread in threads:
        thread.start()
    results, _ = run(port, bodies, rate, seconds)
    stop.set()
    for thread in threads:
        thread.join()
    statuses = [status for _, status in results]
    honest = all((status == 200 and ready >= 1) or (status == 503 and ready == 0) for status, ready in polls)
    return {
        "requests": len(statuses),
        "200": statuses.count(200),
        "503": statuses.count(503),
        "500": statuses.count(500),
        "other": len(statuses) - statuses.count(200) - statuses.count(503) - statuses.count(500),
        "kills": len(killed),
        "polls": len(polls),
        "healthz 200": sum(status == 200 for status, _ in polls),
        "healthz 503": sum(status == 503 for status, _ in polls),
        "honest": honest,
    }


async def crawler(port: int, head: bytes, body: bytes, stop: asyncio.Event) -> int:
    """One slow client: ``head`` at a byte a second (or at once when ``body`` crawls), reconnecting when closed;
    returns how many times the server closed it."""
    closed = 0
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if body:
                writer.write(head)
            for byte in body or head:
                if stop.is_set() or reader.at_eof():
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    if await asyncio.wait_for(reader.read(1), 1.0):
                        break  # the server answered (408): it is closing
                except TimeoutError:
                    pass
            writer.close()
            closed += 1
        except OSError:
            await asyncio.sleep(0.5)
    return closed


def crawl(port: int, count: int, stop: Any, closed: Any) -> None:
    """The crawlers, in a process of their own (as an attacker's would be: not sharing the load generator's
    interpreter lock); ``stop`` a multiprocessing event, ``closed`` a queue for the count of closes."""
    head = b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    body_head = head + b"Content-Length: 100000\r\n\r\n"

    async def main() -> None:
        done = asyncio.Event()
        clients = [crawler(port, head * 50, b"", done) for _ in range(count // 2)]
        clients += [crawler(port, body_head, b"{" * 100_000, done) for _ in range(count - count // 2)]
        tasks = [asyncio.ensure_future(c) for c in clients]
        while not stop.is_set():
            await asyncio.sleep(0.2)
        done.set()
        closed.put(sum(await asyncio.gather(*tasks)))

    asyncio.run(main())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="cluster file for realistic payloads (first 200 clusters)")
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles of each cluster")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the kill step (default 60)")
    parser.add_argument("--kill-every", type=float, default=5.0, help="seconds between kills (default 5)")
    parser.add_argument("--probe", type=float, default=10.0, help="length of each capacity probe (default 10)")
    parser.add_argument("--slow", type=int, default=400, help="crawling connections in step 3 (default 400)")
    args = parser.parse_args(argv)
    random.seed(0)
    bodies = payloads(args.data, args.articles)
    server, port = start_server(2)
    try:
        full = capacity(port, bodies, args.probe)
        chaos = kills(server.pid, port, bodies, 0.8 * full, args.seconds, args.kill_every)
        time.sleep(2)
        stop, closed = multiprocessing.Event(), multiprocessing.Queue()
        crawling = multiprocessing.Process(target=crawl, args=(port, args.slow, stop, closed))
        crawling.start()
        time.sleep(3)  # every crawler connected
        slowed = capacity(port, bodies, args.probe)
        stop.set()
        closes = closed.get(timeout=120)
        crawling.join()
        after = capacity(port, bodies, args.probe)
    finally:
        server.terminate()
        server.wait(timeout=10)
    share = chaos["200"] / max(1, chaos["requests"])
    alone = (full + after) / 2  # capacity without crawlers, before and after them: the machine drifts
    print(f"Capacity: {full:.1f} briefs/s; kill step at {0.8 * full:.1f}/s for {args.seconds:g} s, "
          f"one worker killed every {args.kill_every:g} s\n")  # fmt: skip
    header = ["requests", "200", "503", "500", "other", "200 share", "kills", "healthz polls (200/503)", "honest"]
    polls = f"{chaos['polls']} ({chaos['healthz 200']}/{chaos['healthz 503']})"
    row = [chaos["requests"], chaos["200"], chaos["503"], chaos["500"], chaos["other"], f"{100 * share:.2f}%",
           chaos["kills"], polls, chaos["honest"]]  # fmt: skip
    print(markdown_table(header, [[str(cell) for cell in row]]))
    print()
    print(markdown_table(
        ["capacity alone", f"with {args.slow} crawling connections", "ratio to alone (mean)", "alone again",
         "crawlers closed"],
        [[f"{full:.1f}/s", f"{slowed:.1f}/s", f"{slowed / alone:.2f}", f"{after:.1f}/s", str(closes)]],
    ))  # fmt: skip
    met = share >= 0.99 and chaos["500"] == 0 and chaos["other"] == 0 and chaos["honest"] and slowed >= 0.9 * alone
    print(f"\ntargets {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
