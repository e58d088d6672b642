"""Scale-out: the embarrassingly parallel stages on Dask, in order, with a bounded number in flight.

``engine`` gives a ``map``-like function. With a scheduler address it uses that cluster; with a number of
workers it starts a ``LocalCluster`` of that many processes (the single writer, this process, wants a core of
its own, so all cores but one is the sensible size); otherwise it is the built-in ``map`` in this process.
Workers must be able to import newsfuse (the same environment); only the writer touches the store.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from newsfuse.errors import InputError

IN_FLIGHT_PER_WORKER = 4  # enough to keep every worker busy, few enough to bound memory
CONNECT_SECONDS = 15  # to reach a scheduler and hear it answer: Dask's own timeout bounds the TCP connect only
WORKER_SECONDS = 10  # how long a scheduler without workers is waited for one, before and during a run


def _ordered(client: Any, workers: int) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    def mapped(function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pending = iter(items)
        futures = deque(
            client.submit(function, item, pure=False) for item in islice(pending, workers * IN_FLIGHT_PER_WORKER)
        )
        while futures:
            result = _result(client, futures.popleft())
            for item in islice(pending, 1):
                futures.append(client.submit(function, item, pure=False))
            yield result

    return mapped


def _result(client: Any, future: Any) -> Any:
    """A task's result; refused, not waited for without end, when the scheduler has no worker left to run it."""
    while True:
        try:
            return future.result(timeout=WORKER_SECONDS)
        except TimeoutError:
            if not client.scheduler_info().get("workers"):
                raise InputError("--scheduler", "the Dask scheduler has no workers left: start one") from None


def _connected(scheduler: str) -> Any:
    """A client of the scheduler at ``scheduler``, made in a thread of its own so that a listener that never
    answers (not Dask) is given up after ``CONNECT_SECONDS`` (the thread is a daemon: it never holds up exit)."""
    from dask.distributed import Client

    made: list[Any] = []
    failed: list[BaseException] = []

    def connect() -> None:
        try:
            made.append(Client(scheduler, timeout="10s"))
        except BaseException as exc:  # handed to the caller's thread
            failed.append(exc)

    attempt = threading.Thread(target=connect, daemon=True)
    attempt.start()
    attempt.join(CONNECT_SECONDS)
    if made:
        return made[0]
    if not failed:
        raise InputError("--scheduler", f"no Dask scheduler answered at {scheduler} in {CONNECT_SECONDS} s")
    exc = failed[0]
    if isinstance(exc, (OSError, TimeoutError)):
        raise InputError("--scheduler", f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    if isinstance(exc, ValueError):  # "not a url", "http://…": no address Dask reads
        raise InputError("--scheduler", f"{scheduler!r} is no scheduler address ({exc})") from None
    if isinstance(exc, MemoryError):  # Dask read another protocol's answer as the length of a message
        raise InputError("--scheduler", f"{scheduler} answers, but not as a Dask scheduler") from None
    raise exc


@contextmanager
def engine(scheduler: str | None = None, workers: int | None = None) -> Iterator[Callable[..., Iterator[Any]]]:
    """A map function over Dask (``scheduler`` address, or a LocalCluster of ``workers`` processes)."""
    if scheduler is None and not workers:
        yield map
        return
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        with _connected(scheduler) as client:
            try:
                client.wait_for_workers(1, timeout=WORKER_SECONDS)
            except TimeoutError:
                raise InputError(
                    "--scheduler", f"the Dask scheduler at {scheduler} has no workers: start one"
                ) from None
            count = max(1, len(client.scheduler_info().get("workers", {})))
            yield _ordered(client, count)
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield _ordered(client, workers)
