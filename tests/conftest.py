"""Shared helpers: the example story and a way to run the CLI exactly as a user does."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "alder-falls"


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: float = 300, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """``newsfuse ARGS`` in a fresh process (in ``cwd``); returns the completed process with text output."""
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


@pytest.fixture
def example() -> Path:
    return EXAMPLE


def request_json(url: str, payload: object | None = None, timeout: float = 60) -> tuple[int, dict]:
    """GET ``url``, or POST ``payload`` to it as JSON: the status and the JSON answer, errors included."""
    body = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"} if body else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serving(*options: str) -> Iterator[str]:
    """``newsfuse serve OPTIONS`` on a free loopback port, for as long as the caller holds it."""
    for base, _ in serving_process(*options):
        yield base


def serving_process(*options: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """As ``serving``, with the server's process (whose children are its workers)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "serve", "--port", str(port), *options],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(f"server did not start: {process.stderr.read().decode()}")
    try:
        yield base, process
    finally:  # a failed assertion in the caller's loop closes the generator here: the server must not outlive it
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    yield from serving("--workers", "2")


@pytest.fixture(scope="session")
def tight_server() -> Iterator[str]:
    """One worker, two places, a one-second deadline: overload and slow requests are easy to make."""
    yield from serving("--workers", "1", "--queue", "2", "--deadline", "1")


@pytest.fixture(scope="session")
def ner() -> object:
    """spaCy's NER model, loaded once for the whole test session as a user's process would."""
    from newsfuse.anatomy import load_ner

    return load_ner()


StoreUrl = Callable[[str], str]


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A PostgreSQL server for the whole session: its admin URL."""
    from tests.postgres import postgres_server

    with postgres_server() as admin:
        yield admin


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> StoreUrl:
    """Where a test's stores go, on each back end in turn: ``store_url(name)`` is a new, empty store's URL."""
    if request.param == "sqlite":
        return lambda name: str(tmp_path / f"{name}.db")
    from tests.postgres import new_database

    admin = request.getfixturevalue("postgres")
    return lambda name: new_database(admin)
