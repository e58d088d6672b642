"""What one worker process of the service does: load once, then compute requests until told to stop.

The worker owns what it loads (``Resources``): the pipeline when it starts, so that the first request is as
fast as any other, and the NER model only when its first analysis arrives (briefs never need it). The parent
(``pool``) talks to it over one pipe: a job is ``(job id, task, arguments, deadline)``; the worker answers
``(job id, "took", None)`` on receipt, then ``(job id, "ok", value)`` or ``(job id, "error", exception)``.
A job stops early on its deadline (``run_until``) or when the parent sends SIGUSR1 because the client left; a
cancel that arrives after the job is done is dropped, never carried into the next job.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from newsfuse.anatomy import analyze, load_ner
from newsfuse.anatomy.report import analysis_json
from newsfuse.errors import InputError
from newsfuse.pipeline import Pipeline
from newsfuse.render import brief_json
from newsfuse.service.admission import Expired, run_until

CANCEL = signal.SIGUSR1
WARM_UP = [{"text": "The council met on Monday. It approved the budget for the new bridge over the river."}]


class Cancelled(BaseException):
    """The client left: the parent asked the worker to drop the job. A BaseException, like ``Expired``."""


@dataclass
class Resources:
    """What one worker loads: the pipeline at start, the NER model at its first analysis, the store (read-only)
    at its first question about stories."""

    pipeline: Pipeline
    ner: Any = None
    stores: dict[str, Any] = field(default_factory=dict)

    def store(self, url: str) -> Any:
        if url not in self.stores:
            from newsfuse.store import Store

            self.stores[url] = Store(url, read_only=True)
        return self.stores[url]

    def load_ner(self) -> Any:
        if self.ner is None:
            self.ner = load_ner()
        return self.ner


def brief(
    resources: Resources, articles: list[dict[str, Any]], words: int, method: str, include_text: bool, strict: bool
) -> dict[str, Any]:
    """As in the CLI, an unusable article is skipped with a warning unless strict."""
    return brief_json(resources.pipeline.summarize(articles, words, method, strict=strict), include_text)


def analysis(resources: Resources, articles: list[dict[str, Any]], include_text: bool, strict: bool) -> dict[str, Any]:
    return analysis_json(analyze(articles, strict=strict, ner=resources.load_ner()), include_text)


def stories(
    resources: Resources, url: str, since: str | None, text: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """A page of the store's stories, newest activity first, and how many there are in all."""
    from newsfuse.stories import listing

    store = resources.store(url)
    with store.snapshot():
        total = store.story_count(since, text)
    return {"stories": listing(store, since, limit, offset, text), "total": total, "limit": limit, "offset": offset}


def story(resources: Resources, url: str, number: int, since: str | None, words: int) -> dict[str, Any]:
    """A story's brief (with ``since``, its update brief) with its articles' text, for showing citations."""
    from newsfuse.stories import headline, show_story

    result, stored = show_story(resources.store(url), number, since, words)
    about = {"id": number, "live": stored[0].story if stored else number, "headline": headline(stored)}
    return {"story": about, **brief_json(result, include_text=True)}


def story_analysis(resources: Resources, url: str, number: int) -> dict[str, Any]:
    from newsfuse.anatomy import analyze_story
    from newsfuse.pipeline import story_of
    from newsfuse.stories import as_articles, story_articles

    _, stored = story_articles(resources.store(url), number)
    return analysis_json(analyze_story(story_of(as_articles(stored)), resources.load_ner()), include_text=True)


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "brief": brief, "analysis": analysis, "stories": stories, "story": story, "story_analysis": story_analysis,
}  # fmt: skip


def _cancel(*_: Any) -> None:
    raise Cancelled


def _drop_stale_cancel() -> None:
    """A cancel sent while the job was finishing arrives with the mask set; it must not stop the next job."""
    if CANCEL in signal.sigpending():
        signal.sigwait({CANCEL})


def serve(connection: Connection) -> None:
    """The worker's whole life: load, say ready, then answer jobs until the parent sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent stops us
    signal.pthread_sigmask(signal.SIG_BLOCK, {CANCEL})
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
        connection.send((job, "took", None))  # from here on, a death is this job's: it is retried only once
        _drop_stale_cancel()
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {CANCEL})
            try:
                value = run_until(deadline, TASKS[task], resources, *arguments)
            finally:
                signal.pthread_sigmask(signal.SIG_BLOCK, {CANCEL})
            answer: tuple[int, str, Any] = (job, "ok", value)
        except (InputError, Expired, Cancelled) as stopped:
            answer = (job, "error", stopped)
        except Exception as failure:  # a bug: the parent answers 500 and logs it; the worker stays usable
            answer = (job, "error", RuntimeError(f"{type(failure).__name__}: {failure}"))
        connection.send(answer)
