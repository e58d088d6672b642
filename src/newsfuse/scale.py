"""Scale-out: the embarrassingly parallel stages on Dask, in order, with a bounded number in flight.

``engine`` gives a ``map``-like function. With a scheduler address it uses that cluster; with a number of
workers it starts a ``LocalCluster`` of that many processes (the single writer, this process, wants a core of
its own, so all cores but one is the sensible size); otherwise it is the built-in ``map`` in this process.
Workers must be able to import newsfuse (the same environment); only the writer touches the store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from newsfuse.errors import InputError

IN_FLIGHT_PER_WORKER = 4  # enough to keep every worker busy, few enough to bound memory


def _ordered(client: Any, workers: int) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    def mapped(function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pending = iter(items)
        futures = deque(
            client.submit(function, item, pure=False) for item in islice(pending, workers * IN_FLIGHT_PER_WORKER)
        )
        while futures:
            result = futures.popleft().result()
            for item in islice(pending, 1):
                futures.append(client.submit(function, item, pure=False))
            yield result

    return mapped


@contextmanager
def engine(scheduler: str | None = None, workers: int | None = None) -> Iterator[Callable[..., Iterator[Any]]]:
    """A map function over Dask (``scheduler`` address, or a LocalCluster of ``workers`` processes)."""
    if scheduler is None and not workers:
        yield map
        return
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise InputError("--scheduler", f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        except ValueError as exc:  # "not a url", "http://…": no address Dask reads
            raise InputError("--scheduler", f"{scheduler!r} is no scheduler address ({exc})") from None
        with client:
            count = max(1, len(client.scheduler_info().get("workers", {})))
            yield _ordered(client, count)
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield _ordered(client, workers)
