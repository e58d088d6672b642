"""Bounded work for the service: a deadline on every request, and a bounded queue in front of the workers.

Accepting every request into an unbounded queue lets latency grow without limit under overload, and work gets
done for clients that have already left. Here a request is admitted only while fewer than ``per_worker``
requests per worker are waiting or running; any other gets 503 with ``Retry-After`` at once. An admitted
request carries its deadline into the worker process, which skips it when it arrives too late and otherwise
stops it when the deadline passes (a timer signal in the worker: the work is abandoned, not left running).
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Budget:
    seconds: float = 5.0  # from admission to answer
    per_worker: int = 4  # requests admitted per worker process, waiting or running


class Expired(BaseException):
    """The request's deadline passed: ``waited`` when it passed before a worker took it up, ``loading`` the
    language whose NER model was still loading when it did. A BaseException, so that no library's ``except
    Exception`` in the middle of the work swallows it."""

    def __init__(self, waited: bool, loading: str = "") -> None:
        super().__init__(waited, loading)  # the arguments pickle it, from the worker to the server
        self.waited, self.loading = waited, loading


class Gate:
    """How many admitted requests are in the service; used from the event loop only, so no lock."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.inside = 0

    @property
    def full(self) -> bool:
        return self.inside >= self.capacity

    def enter(self) -> bool:
        if self.full:
            return False
        self.inside += 1
        return True

    def leave(self, *_: Any) -> None:
        self.inside -= 1


def _expire(*_: Any) -> None:
    raise Expired(waited=False)


def run_until(deadline: float, compute: Callable[..., Any], *args: Any) -> Any:
    """Runs in a worker process (its main thread, where signals arrive): ``compute(*args)`` unless the
    deadline (``time.time()`` seconds) passes first, before or during the work."""
    remaining = deadline - time.time()
    if remaining <= 0:
        raise Expired(waited=True)
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, remaining)
    try:
        return compute(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
