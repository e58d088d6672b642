"""The service heals itself: dead and runaway workers are replaced, clients that leave or crawl cost nothing.

Each test runs a real server (``newsfuse serve``) on loopback and does to it what a hostile world does:
``kill -9`` of workers, a request that grows a worker past its memory budget, clients that leave before their
answer, clients that send a byte at a time.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.service.admission import Expired, run_until
from newsfuse.service.pool import server_workers
from newsfuse.service.work import Loader
from tests.conftest import ROOT, request_json, serving_process

STORY = {"articles": [{"text": "The dam on Marlow Creek failed on Tuesday, and three people died in the flood."}]}
SENTENCE = "Engineers said the spillway near mill {} held back the water of the creek on Tuesday. "


def slow_request(words: int) -> dict:
    """Articles of about ``words`` words in all (16 to a sentence, a fixed 6,666 sentences to an article):
    150,000 words take about 0.7 s of work and 115 MB of a worker; 200,000, 1.4 s and 150 MB."""
    step = 100_000 // 15
    return {
        "articles": [
            {"text": "".join(SENTENCE.format(n) for n in range(s, s + step))} for s in range(0, words // 15, step)
        ]
    }


def in_background(url: str, payload: object) -> tuple[threading.Thread, list[tuple[int, dict]]]:
    """POST ``payload`` to ``url`` in a thread: the thread, and the list its (status, answer) will be put in."""
    outcome: list[tuple[int, dict]] = []
    client = threading.Thread(target=lambda: outcome.append(request_json(url, payload)))
    client.start()
    return client, outcome


def cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process so far, in clock ticks (Linux ``/proc``; 0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def wait_computing(server_pid: int) -> None:
    """Until a worker of the server is computing: its CPU time grows by 4 ticks or more in 0.05 s (an idle
    worker answering liveness checks takes far less)."""
    for _ in range(200):
        before = {pid: cpu_ticks(pid) for pid in server_workers(server_pid)}
        time.sleep(0.05)
        if any(cpu_ticks(pid) - ticks >= 4 for pid, ticks in before.items()):
            return
    raise AssertionError("no worker started computing")


def healthz(base: str) -> tuple[int, dict]:
    return request_json(f"{base}/healthz", timeout=5)


def wait_healthy(base: str, size: int, replaced: int = 0) -> dict:
    """/healthz once ``size`` workers are ready again and at least ``replaced`` were replaced in all (a worker
    killed a moment ago may still count as ready until its death is seen)."""
    for _ in range(200):
        status, health = healthz(base)
        if status == 200 and health["workers"]["ready"] == size and health["workers"]["replaced"] >= replaced:
            return health
        time.sleep(0.05)
    raise AssertionError(f"not healthy again: {health}")


@pytest.fixture(scope="module")
def healing() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Two workers, a deadline long enough for a retry, a memory budget a big brief goes over."""
    yield from serving_process("--workers", "2", "--deadline", "30", "--worker-memory", "150")


def test_a_killed_worker_is_replaced_and_the_service_keeps_answering(healing: tuple) -> None:
    base, server = healing
    for _ in range(3):  # a ProcessPoolExecutor answers 500 to everything after the first kill
        before = healthz(base)[1]["workers"]["replaced"]
        os.kill(server_workers(server.pid)[0], signal.SIGKILL)
        assert request_json(f"{base}/v1/briefs", STORY)[0] == 200
        health = wait_healthy(base, 2, before + 1)
        assert health["workers"]["replaced"] == before + 1


def test_the_request_a_killed_worker_held_is_retried_and_healthz_is_honest(healing: tuple) -> None:
    base, server = healing
    client, outcome = in_background(f"{base}/v1/briefs", slow_request(150_000))  # well under the budget
    wait_computing(server.pid)
    for pid in server_workers(server.pid):
        os.kill(pid, signal.SIGKILL)
    seen = []  # until replacements are up (a spawned process takes a few tenths of a second to load)
    while len(seen) < 100 and 503 not in seen:
        seen.append(healthz(base)[0])
        time.sleep(0.01)
    assert 503 in seen  # no worker can serve: /healthz says so, it does not say ok
    client.join()
    assert outcome[0][0] == 200, outcome  # computed again by a replacement worker
    wait_healthy(base, 2)


def test_a_worker_over_its_memory_budget_is_replaced_and_its_request_gets_503(healing: tuple) -> None:
    base, _ = healing
    rng = random.Random(7)  # 47 articles of ~90,000 characters in short lines: over 200 MB to summarize
    words = "the mayor said council water dam river town report fire police school".split()
    articles = [{"text": "\n".join(" ".join(rng.choices(words, k=3)) for _ in range(5500))} for _ in range(47)]
    status, answer = request_json(f"{base}/v1/briefs", {"articles": articles})
    assert status == 503 and "memory budget of 150 MB" in answer["error"]["message"]
    assert request_json(f"{base}/v1/briefs", STORY)[0] == 200
    wait_healthy(base, 2)


def test_work_for_a_client_that_left_is_cancelled() -> None:
    for base, _ in serving_process("--workers", "1", "--deadline", "60"):
        started = time.perf_counter()
        with pytest.raises(TimeoutError):
            request_json(f"{base}/v1/briefs", slow_request(300_000), timeout=0.5)  # seconds of work; the client leaves
        status, _ = request_json(f"{base}/v1/briefs", STORY)
        assert status == 200 and time.perf_counter() - started < 2  # the one worker dropped the abandoned work


def crawl(base: str, data: bytes, pause: float, head: bytes = b"", limit: float = 10) -> tuple[float, bytes]:
    """Send ``head``, then ``data`` a byte at a time, ``pause`` seconds apart: how long until the server
    answered, and what."""
    host, port = base.removeprefix("http://").split(":")
    started, answer = time.perf_counter(), b""
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(head)
        connection.settimeout(pause)
        for byte in data:
            try:
                connection.sendall(bytes([byte]))
                answer += connection.recv(65536)
            except TimeoutError:
                pass
            except OSError:
                break
            if answer or time.perf_counter() - started > limit:
                break
        took = time.perf_counter() - started
        connection.settimeout(2)
        while answer:  # the rest of the answer, until the server closes the connection
            try:
                more = connection.recv(65536)
            except OSError:
                break
            if not more:
                break
            answer += more
    return took, answer


@pytest.fixture(scope="module")
def impatient() -> Iterator[str]:
    for base, _ in serving_process("--workers", "1", "--header-timeout", "1", "--body-timeout", "1"):
        yield base


def test_slow_headers_get_408_and_the_connection_closed(impatient: str) -> None:
    took, answer = crawl(impatient, b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n", 0.2)
    assert answer.startswith(b"HTTP/1.1 408") and took < 3
    assert b"x-frame-options: DENY" in answer and b'"field": "headers"' in answer  # as every answer is


def test_a_slow_body_gets_408_and_the_connection_closed(impatient: str) -> None:
    head = b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
    took, answer = crawl(impatient, b"{" * 400, 0.2, head)
    assert answer.startswith(b"HTTP/1.1 408") and b'"body"' in answer and took < 3


def test_slow_clients_do_not_stop_others_being_served(impatient: str) -> None:
    crawlers = [
        threading.Thread(target=crawl, args=(impatient, b"GET /healthz HTTP/1.1\r\nHost: x\r\n", 0.3))
        for _ in range(50)
    ]
    for crawler in crawlers:
        crawler.start()
    assert request_json(f"{impatient}/v1/briefs", STORY, timeout=5)[0] == 200
    for crawler in crawlers:
        crawler.join()


def test_both_content_length_and_transfer_encoding_is_refused(impatient: str) -> None:
    host, port = impatient.removeprefix("http://").split(":")
    body = json.dumps(STORY).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    head = b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(head + b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n" % len(chunked) + chunked)
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 400") and b"content-security-policy: default-src 'self'" in answer
    assert answer.endswith(b'{"error": {"field": "request", "message": "not a valid HTTP request"}}')


def test_every_answer_carries_the_security_headers(impatient: str) -> None:
    for path in ("/", "/docs", "/healthz", "/static/app.js", "/nowhere"):
        try:
            headers = urllib.request.urlopen(f"{impatient}{path}", timeout=5).headers
        except urllib.error.HTTPError as failure:
            headers = failure.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_the_docs_page_is_newsfuse_s_own_without_any_cdn(impatient: str) -> None:
    with urllib.request.urlopen(f"{impatient}/docs", timeout=5) as response:
        page = response.read().decode()
    assert '<script src="/static/docs.js">' in page and "https://" not in page
    with urllib.request.urlopen(f"{impatient}/static/docs.js", timeout=5) as response:
        assert b"/openapi.json" in response.read()
    with pytest.raises(urllib.error.HTTPError):  # FastAPI's own pages, which load from a CDN, are gone
        urllib.request.urlopen(f"{impatient}/redoc", timeout=5)


def test_workers_load_no_ner_model_for_briefs() -> None:
    code = "import sys, newsfuse.service.work; assert 'spacy' not in sys.modules and 'fastapi' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_the_first_request_after_start_is_as_fast_as_any() -> None:
    for base, _ in serving_process("--workers", "2"):  # the fixture returns once /healthz answers
        started = time.perf_counter()
        assert request_json(f"{base}/v1/briefs", STORY)[0] == 200
        assert time.perf_counter() - started < 1.0


def test_a_worker_deaf_to_its_deadline_is_killed_and_replaced() -> None:
    for base, server in serving_process("--workers", "1", "--deadline", "1"):
        client, outcome = in_background(f"{base}/v1/briefs", slow_request(150_000))
        wait_computing(server.pid)
        os.kill(server_workers(server.pid)[0], signal.SIGSTOP)  # stopped: not even the deadline's signal reaches it
        client.join()
        assert outcome[0][0] == 504
        assert request_json(f"{base}/v1/briefs", STORY, timeout=5)[0] == 200  # served by its replacement


def test_a_model_load_outlives_the_deadline_of_the_job_that_waited_for_it() -> None:
    """A job's deadline stops its wait for a NER model, not the load (the French one takes 4 s or more, near the
    5 s deadline): the next job finds it loaded, and it was loaded once."""
    loads = []

    def slow(code: str) -> str:
        loads.append(code)
        time.sleep(1.0)
        return f"model of {code}"

    loader = Loader(slow)
    started = time.perf_counter()
    with pytest.raises(Expired) as late:
        run_until(time.time() + 0.2, loader, "fr")
    assert late.value.loading == "fr"  # the server answers 503, "still loading", not "send fewer articles"
    assert time.perf_counter() - started < 0.8  # the wait was stopped on time, the load still going
    time.sleep(1.2)
    assert run_until(time.time() + 0.2, loader, "fr") == "model of fr"
    assert loads == ["fr"]


def test_a_model_load_that_failed_is_tried_again_by_the_next_job() -> None:
    tries = []

    def flaky(code: str) -> str:
        tries.append(code)
        if len(tries) == 1:
            raise OSError("the disk hiccuped")
        return f"model of {code}"

    loader = Loader(flaky)
    with pytest.raises(OSError):
        loader("fr")
    assert loader("fr") == "model of fr" and tries == ["fr", "fr"]
