"""What one worker process of the service does: load once, then compute requests until told to stop.

The worker owns what it loads (``Resources``): the pipeline when it starts, so that the first request is as
fast as any other, and the NER model only when its first analysis arrives (briefs never need it). The parent
(``pool``) talks to it over one pipe: a job is ``(job id, task, arguments, deadline)``; the worker answers
``(job id, "took", None)`` on receipt, then ``(job id, "ok", value)`` or ``(job id, "error", exception)``.
A job stops early on its deadline (``run_until``) or when the parent sends SIGUSR1 because the client left; a
cancel that arrives after the job is done is dropped, never carried into the next job.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from newsfuse.anatomy import Recognisers, analyze
from newsfuse.anatomy.entities import load_model
from newsfuse.anatomy.report import analysis_json
from newsfuse.errors import InputError
from newsfuse.pipeline import Pipeline
from newsfuse.render import brief_json
from newsfuse.samefact import load_same_fact
from newsfuse.service.admission import Expired, run_until

CANCEL = signal.SIGUSR1
WARM_UP = [{"text": "The council met on Monday. It approved the budget for the new bridge over the river."}]


class Cancelled(BaseException):
    """The client left: the parent asked the worker to drop the job. A BaseException, like ``Expired``."""


STOPS = {CANCEL, signal.SIGALRM}  # the signals that stop a job: unblocked only while one runs


class Loader:
    """Loads NER models in a thread of its own, one at a time, each once. A job's deadline or its client leaving
    stops the job's wait, never the load, which a later job finds done: the French model takes four seconds to
    load on a quiet machine and more on a busy one, so a load inside the 5 s deadline was cut short every time
    and no French analysis ever succeeded."""

    def __init__(self, load: Callable[[str], Any] = load_model) -> None:
        self._load = load
        self._loads: dict[str, Future[Any]] = {}
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsfuse-load")

    def __call__(self, code: str) -> Any:
        if code not in self._loads:
            # The thread starts with the stop signals blocked, so that they always reach the waiting main thread
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
            try:
                self._loads[code] = self._executor.submit(self._load, code)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        load = self._loads[code]
        try:
            return load.result()
        except Expired:
            raise Expired(waited=False, loading=code) from None
        except BaseException:
            if load.done():  # the load itself failed: the next job tries again, rather than fail for good
                del self._loads[code]
            raise


@dataclass
class Resources:
    """What one worker loads: the pipeline at start, a language's NER model and the same-fact judge at the first
    analysis that needs them, the store (read-only) at its first question about stories."""

    pipeline: Pipeline
    ner: Recognisers | None = None
    same: Any = None
    stores: dict[str, Any] = field(default_factory=dict)

    files: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # each SQLite store's file, as opened

    def store(self, url: str) -> Any:
        """The store at ``url``, opened once; opened again when its file was replaced or removed since (a store
        rebuilt, or restored from a backup with ``mv``, is answered from, not the file that was there before)."""
        if url in self.stores and _file_of(url) != self.files.get(url):
            self.close_stores()
        if url not in self.stores:
            from newsfuse.store import Store

            try:
                self.files[url] = _file_of(url)
                self.stores[url] = Store(url, read_only=True)
            except InputError:  # it was readable when the server started: an outage, not the client's input
                raise Unavailable("the store cannot be read now") from None
        return self.stores[url]

    def failed_storage(self, failure: Exception) -> bool:
        """Whether a job failed in an open store's database (a server restarted, a file damaged): an outage."""
        return any(isinstance(failure, store.errors) for store in self.stores.values())

    def close_stores(self) -> None:
        """Forget the open stores (they reopen on the next question): after a job was cut short."""
        for store in self.stores.values():
            with contextlib.suppress(Exception):
                store.close()
        self.stores.clear()

    def load_ner(self) -> Recognisers:
        if self.ner is None:
            self.ner = Recognisers(Loader())  # each language's model loads at the first story in that language
        return self.ner

    def load_same(self) -> Any:
        if self.same is None:
            self.same = load_same_fact()
        return self.same


def brief(
    resources: Resources, articles: list[dict[str, Any]], words: int, method: str, include_text: bool, strict: bool,
    language: str | None = None, focus: str = "",
) -> dict[str, Any]:  # fmt: skip
    """As in the CLI, an unusable article is skipped with a warning unless strict."""
    made = resources.pipeline.summarize(articles, words, method, strict=strict, language=language, focus=focus)
    return brief_json(made, include_text)


def analysis(
    resources: Resources, articles: list[dict[str, Any]], include_text: bool, strict: bool, language: str | None = None
) -> dict[str, Any]:
    """As ``newsfuse analyze``; ``language``: every article is in it (``--language``), whatever it seems."""
    same = resources.load_same()
    languages = resources.pipeline.languages  # loaded once per worker, as the briefs' are
    analysed = analyze(
        articles, strict=strict, ner=resources.load_ner(), same=same, languages=languages, language=language
    )
    return analysis_json(analysed, include_text)


def stories(
    resources: Resources, url: str, since: str | None, text: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """A page of the store's stories, newest activity first, and how many there are in all."""
    from newsfuse.browse import listing_page

    rows, total = listing_page(resources.store(url), since, limit, offset, text)
    return {"stories": rows, "total": total, "limit": limit, "offset": offset}


def story(
    resources: Resources, url: str, number: int, since: str | None, words: int, focus: str = ""
) -> dict[str, Any]:
    """A story's brief (with ``since``, its update brief) with its articles' text, for showing citations."""
    from newsfuse.browse import headline, show_story

    result, stored = show_story(resources.store(url), number, since, words, focus)
    about = {"id": number, "live": stored[0].story if stored else number, "headline": headline(stored)}
    return {"story": about, **brief_json(result, include_text=True)}


def story_analysis(resources: Resources, url: str, number: int) -> dict[str, Any]:
    """A stored story's anatomy, held to the limit of ``analyze`` (a story can grow past what one request may
    read), and saying so when the id was merged into another story."""
    from dataclasses import replace

    from newsfuse.anatomy import analyze_story
    from newsfuse.anatomy.analyze import MAX_ANALYSIS_WORDS
    from newsfuse.browse import as_articles, story_articles
    from newsfuse.pipeline import story_of

    live, stored = story_articles(resources.store(url), number)
    articles = as_articles(stored)
    if (words := sum(a.words for a in articles)) > MAX_ANALYSIS_WORDS:
        reason = f"story of {words:,} words: over the {MAX_ANALYSIS_WORDS:,} words one analysis reads; its brief works"
        raise InputError(str(number), reason)
    analysis = analyze_story(
        story_of(articles), resources.load_ner(), resources.load_same(), resources.pipeline.languages
    )
    if live != number:
        analysis = replace(analysis, warnings=(*analysis.warnings, f"story {number} was merged into story {live}"))
    return {"story": {"id": number, "live": live}, **analysis_json(analysis, include_text=True)}


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "brief": brief, "analysis": analysis, "stories": stories, "story": story, "story_analysis": story_analysis,
}  # fmt: skip


def _cancel(*_: Any) -> None:
    raise Cancelled


def _file_of(url: str) -> tuple[int, int] | None:
    """The identity (device, inode) of a SQLite store's file; None for PostgreSQL or a file not there."""
    from newsfuse.postgres_db import is_postgres
    from newsfuse.sqlite_db import sqlite_path

    if is_postgres(url):
        return None
    try:
        found = os.stat(sqlite_path(url))
    except (OSError, InputError):
        return None
    return found.st_dev, found.st_ino


class Unavailable(Exception):
    """The store cannot be read now (the parent answers 503, without saying where the store is)."""


def _drop_stale_stops() -> None:
    """A cancel sent while the previous job was finishing, or its deadline's timer firing as it ended, arrives
    while the signals are blocked; it must not stop the next job."""
    for pending in STOPS & signal.sigpending():
        signal.sigwait({pending})


def serve(connection: Connection) -> None:
    """The worker's whole life: load, say ready, then answer jobs until the parent sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent stops us
    signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    signal.signal(CANCEL, _cancel)
    resources = Resources(Pipeline())
    resources.pipeline.summarize(WARM_UP, 20)
    connection.send(("ready", os.getpid()))
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job, task, arguments, deadline = message
        _drop_stale_stops()  # before "took": a cancel the parent sends after it is this job's
        connection.send((job, "took", None))  # from here on, a death is this job's: it is retried only once
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
            try:
                value = run_until(deadline, TASKS[task], resources, *arguments)
            finally:
                signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
                signal.setitimer(signal.ITIMER_REAL, 0)  # if a cancel cut run_until short of disarming it
            answer: tuple[int, str, Any] = (job, "ok", value)
        except InputError as refused:
            answer = (job, "error", refused)
        except (Expired, Cancelled, Unavailable) as stopped:
            resources.close_stores()  # a query cut short may leave a connection mid-statement
            answer = (job, "error", stopped)
        except Exception as failure:  # a bug: the parent answers 500 and logs it; the worker stays usable
            storage = resources.failed_storage(failure)  # but the database's own failure is an outage: 503
            resources.close_stores()
            stopped = Unavailable("the store cannot be read now") if storage else None
            answer = (job, "error", stopped or RuntimeError(f"{type(failure).__name__}: {failure}"))
        connection.send(answer)
