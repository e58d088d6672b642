"""A supervised pool of worker processes: one dead worker costs one retried request, never the service.

``concurrent.futures.ProcessPoolExecutor`` breaks for good when one of its processes dies (``kill -9``, the
kernel's out-of-memory killer): every later call fails and the other workers are shut down. Here each worker
has a slot: a thread that feeds it jobs from one shared queue, waits for its answers and supervises it alone.
A worker that dies is replaced by its slot at once, and the job it was computing runs again, once: a brief or
an analysis is a pure function of its request, so a retry is safe. A worker over its memory budget is killed
and replaced too, but its job is not retried (it would grow the next worker the same way): it ends in
``WorkerLost``. A job whose client left is cancelled: skipped if it waits, stopped by a signal if it runs. A
worker that overruns a deadline by more than ``GRACE`` seconds (stuck where the deadline's signal cannot
reach) is killed. The slot takes its next job the moment its worker answers, without a trip through the
event loop, so a busy event loop never leaves workers idle.

Workers are forked from multiprocessing's fork server with the worker module already imported, so that a
replacement is ready in about 0.1 s rather than the 0.6 s a fresh interpreter takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from newsfuse.service import work
from newsfuse.service.admission import Expired

GRACE = 1.0  # seconds past its deadline before a worker is killed
CHECK_SECONDS = 0.2  # how often memory and idle workers' liveness are checked
START_SECONDS = 120.0  # a worker that is not ready by then is killed and replaced
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class WorkerLost(Exception):
    """The job's worker stopped while computing it, and the job was not (or no longer) retried."""


@dataclass(eq=False)
class Worker:
    process: BaseProcess
    connection: Connection
    over_budget: bool = False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()


@dataclass(eq=False)
class Job:
    """One request on its way through a slot. ``answer`` is resolved with the outcome; ``finished`` when no
    worker is busy with it any more (the service's place for it is free then)."""

    number: int
    task: str
    arguments: tuple[Any, ...]
    deadline: float
    loop: asyncio.AbstractEventLoop
    answer: asyncio.Future[Any]
    finished: asyncio.Future[None]
    lock: threading.Lock = field(default_factory=threading.Lock)
    cancelled: bool = False
    stop_with: int = 0  # the signal that cancelled it
    sent: bool = False  # handed to a worker (which may not have read it yet)
    worker: Worker | None = None  # the worker computing it, from when it said it took the job until it answered
    tries: int = 0

    def resolve(self, value: Any = None, error: BaseException | None = None) -> None:
        """From a slot thread: set the answer (unless the client has left) and mark the job finished."""

        def settle() -> None:
            if not self.answer.done() and not self.cancelled:  # nobody awaits a cancelled job's answer
                if error is None:
                    self.answer.set_result(value)
                else:
                    self.answer.set_exception(error)
            if not self.finished.done():
                self.finished.set_result(None)

        self.loop.call_soon_threadsafe(settle)


def server_workers(server_pid: int) -> list[int]:
    """The worker processes of the newsfuse server ``server_pid`` (children of its fork server; Linux
    ``/proc``): for an operator watching them, and for tests and benchmarks that kill them."""
    found: list[int] = []
    for child in _children(server_pid):
        with contextlib.suppress(OSError):
            if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                found += _children(child)
    return found


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def resident_bytes(pid: int) -> int:
    """Resident memory of a process (Linux ``/proc``; 0 where unknown, so that nothing is killed on a guess)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


@dataclass
class Pool:
    """``size`` worker processes, each with at most ``memory_bytes`` resident (None: no budget)."""

    size: int
    memory_bytes: int | None = None
    replaced: int = 0
    _workers: list[Worker | None] = field(default_factory=list)
    _queue: queue.SimpleQueue[Job | None] = field(default_factory=queue.SimpleQueue)
    _numbers: itertools.count = field(default_factory=itertools.count)
    _slots: list[threading.Thread] = field(default_factory=list)
    _watch: asyncio.Task[None] | None = None
    _closing: bool = False

    @property
    def ready(self) -> int:
        """Workers alive and able to take a request (idle or busy); 0 means nothing can be served now."""
        return sum(1 for worker in self._workers if worker is not None and worker.alive)

    async def start(self) -> None:
        """Start every worker and wait until each has loaded: the first request is as fast as any other."""
        loop = asyncio.get_running_loop()
        self._workers = list(await asyncio.gather(*(loop.run_in_executor(None, _launch) for _ in range(self.size))))
        if None in self._workers:  # a worker that cannot start now will not start later: say so
            await self.close()
            raise RuntimeError("a worker process did not start: run `newsfuse summarize` to see why")
        self._slots = [threading.Thread(target=self._slot, args=(n,), daemon=True) for n in range(self.size)]
        for slot in self._slots:
            slot.start()
        self._watch = asyncio.ensure_future(self._watch_memory())

    async def close(self) -> None:
        self._closing = True
        if self._watch:
            self._watch.cancel()
        for _ in self._slots:
            self._queue.put(None)
        await asyncio.get_running_loop().run_in_executor(None, self._stop_all)

    def _stop_all(self) -> None:
        for slot in self._slots:
            slot.join(5)
        for worker in self._workers:
            if worker is not None:
                with contextlib.suppress(OSError, ValueError):
                    worker.connection.send(None)
                worker.process.join(2)
                _kill(worker)

    async def run(self, task: str, arguments: Sequence[Any], deadline: float) -> Any:
        """``task(*arguments)`` in a worker, by ``deadline`` (``time.time()``): its value, or it raises what
        the task raised, ``Expired`` past the deadline, or ``WorkerLost``. Cancelled (the client left), it
        returns once no worker is busy with the job any more."""
        loop = asyncio.get_running_loop()
        job = Job(
            next(self._numbers), task, tuple(arguments), deadline, loop, loop.create_future(), loop.create_future()
        )
        self._queue.put(job)
        try:
            return await asyncio.wait_for(asyncio.shield(job.answer), deadline + GRACE - time.time())
        except asyncio.CancelledError:
            if self._stop(job, work.CANCEL):
                await asyncio.shield(job.finished)
            raise
        except TimeoutError:  # waited past its deadline, or its worker is deaf to the deadline's signal
            started = self._stop(job, 9)
            if started:
                await asyncio.shield(job.finished)
            raise Expired(waited=not started) from None

    def _stop(self, job: Job, signal_number: int) -> bool:
        """Mark a job cancelled and signal its worker, if one is computing it: whether one was. A job no worker
        has taken yet lets go of its articles now (it stays queued, to be skipped)."""
        with job.lock:
            job.cancelled = True
            job.stop_with = signal_number
            worker = job.worker
            if worker is not None:
                _signal(worker, signal_number)
            elif not job.sent:
                job.arguments = ()
        return worker is not None or job.sent

    def _slot(self, n: int) -> None:
        """Slot ``n``'s thread: feed jobs to its worker, replace the worker when it dies, until told to stop."""
        failed_starts = 0
        while not self._closing:
            worker = self._workers[n]
            if worker is None or not worker.alive:
                if worker is not None:
                    self._retire(n, worker)
                if failed_starts:  # a crash loop must not spin
                    time.sleep(min(0.1 * 2**failed_starts, 10.0))
                try:
                    self._workers[n] = _launch()
                except Exception as failure:  # out of file descriptors or memory: try again, later
                    print(f"newsfuse: worker slot {n}: cannot start a worker: {failure}", file=sys.stderr)
                    self._workers[n] = None
                failed_starts = 0 if self._workers[n] else failed_starts + 1
                continue
            try:
                job = self._queue.get(timeout=CHECK_SECONDS)
            except queue.Empty:
                continue  # time to check that the idle worker is still alive
            if job is None:
                return
            try:
                self._compute(n, worker, job)
            except Exception as failure:  # e.g. an answer that cannot be unpickled: the slot must live on
                print(f"newsfuse: worker slot {n}: {type(failure).__name__}: {failure}", file=sys.stderr)
                self._retire(n, worker)
                job.resolve(error=WorkerLost("the worker computing it failed"))
                time.sleep(CHECK_SECONDS)

    def _compute(self, n: int, worker: Worker, job: Job) -> None:
        with job.lock:
            if job.cancelled:
                job.resolve()
                return
            job.sent = True

        def taken() -> None:  # the worker has read the job: a cancel from now on reaches it
            with job.lock:
                job.worker = worker
                if job.cancelled:
                    _signal(worker, job.stop_with)

        kind, value, took = _exchange(worker.connection, (job.number, job.task, job.arguments, job.deadline), taken)
        with job.lock:
            job.worker = None
        if kind != "died":
            job.resolve(value if kind == "ok" else None, value if kind == "error" else None)
            return
        self._retire(n, worker)
        job.tries += took
        if job.cancelled:
            job.resolve(error=Expired(waited=False))
        elif worker.over_budget:
            job.resolve(error=WorkerLost(f"over the worker memory budget of {(self.memory_bytes or 0) // 2**20} MB"))
        elif job.tries > 1 or time.time() >= job.deadline:
            job.resolve(error=WorkerLost("the worker computing it stopped"))
        else:
            self._queue.put(job)  # retried: on whichever worker is free first (this slot's is being replaced)

    def _retire(self, n: int, worker: Worker) -> None:
        if self._workers[n] is worker:
            self._workers[n] = None
            self.replaced += 1
        _kill(worker)

    async def _watch_memory(self) -> None:
        """Every ``CHECK_SECONDS``: kill a worker over its memory budget (its slot replaces it)."""
        while self.memory_bytes:
            await asyncio.sleep(CHECK_SECONDS)
            for worker in self._workers:
                if worker is not None and resident_bytes(worker.process.pid or 0) > self.memory_bytes:
                    worker.over_budget = True
                    worker.process.kill()


def _kill(worker: Worker) -> None:
    with contextlib.suppress(OSError):
        worker.connection.close()
    worker.process.kill()
    worker.process.join(1)


def _signal(worker: Worker, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(worker.process.pid or 0, number)


def _exchange(connection: Connection, job: tuple[Any, ...], taken: Callable[[], None]) -> tuple[str, Any, bool]:
    """Send a job and wait for its answer (``taken()`` when the worker says it has read it): ("ok"|"error",
    value, True), or ("died", None, whether it had read the job) when the worker went away."""
    took = False
    try:
        connection.send(job)
        while True:
            _, kind, value = connection.recv()
            if kind != "took":
                return kind, value, True
            took = True
            taken()
    except (EOFError, OSError):
        return "died", None, took


def _launch() -> Worker | None:
    """A new worker process, loaded and ready; None when it failed to start (it is killed then)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsfuse.service.work"])  # imported once; a replacement starts in ~0.1 s
    ours, theirs = context.Pipe()
    process = context.Process(target=work.serve, args=(theirs,), daemon=True, name="newsfuse-worker")
    process.start()
    theirs.close()
    if ours.poll(START_SECONDS):
        with contextlib.suppress(EOFError, OSError):
            if ours.recv()[0] == "ready":
                return Worker(process, ours)
    process.kill()
    process.join(1)
    ours.close()
    return None
