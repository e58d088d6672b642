"""The HTTP API and the web page.

``POST /v1/briefs`` answers with a brief, ``POST /v1/analysis`` with the story's anatomy. Requests are checked
before any work: content type (415), body size (413), then the fields (422, naming
the field). Briefs are computed in a process pool so that a slow brief never stalls the event loop, behind a
bounded queue (503 when it is full) and a deadline per request (504), see ``admission``; the service never
fetches anything: URLs in articles are metadata only.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from newsfuse import __version__
from newsfuse.anatomy import analyze, load_ner
from newsfuse.anatomy.report import analysis_json
from newsfuse.errors import InputError
from newsfuse.pipeline import DEFAULT_WORDS, Pipeline
from newsfuse.render import brief_json
from newsfuse.service.admission import Budget, Expired, Gate, run_until
from newsfuse.summarizers import METHODS, check_method

STATIC = resources.files("newsfuse") / "service" / "static"
MAX_WORDS = 5000


@dataclass(frozen=True)
class Limits:
    body_bytes: int = 5 * 1024 * 1024
    articles: int = 50
    article_chars: int = 1_000_000


class ArticleIn(BaseModel):
    """Documentation of one article in a request; the checks themselves are in ``check_request``."""

    id: str | None = None
    title: str | None = None
    text: str
    source: str | None = None
    url: str | None = Field(None, description="kept as metadata; never fetched")
    published: str | None = None
    author: str | None = None


class BriefRequest(BaseModel):
    articles: list[ArticleIn]
    words: int = Field(DEFAULT_WORDS, ge=1, le=MAX_WORDS)
    method: str = Field("newsfuse", description=f"one of {', '.join(METHODS)}")
    include_text: bool = Field(False, description="add each article's cleaned text, for showing sources")
    strict: bool = Field(False, description="fail on an unusable article instead of skipping it with a warning")


class AnalysisRequest(BaseModel):
    articles: list[ArticleIn]
    include_text: bool = Field(False, description="add each article's cleaned text, for showing sources")
    strict: bool = Field(False, description="fail on an unusable article instead of skipping it with a warning")


def inlined_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A request's JSON schema with the article schema inlined (OpenAPI cannot see pydantic's $defs)."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs")
    schema["properties"]["articles"]["items"] = definitions["ArticleIn"]
    return schema


def error(status: int, field: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"field": field, "message": message}}, status_code=status)


def check_flags(payload: dict[str, Any]) -> tuple[bool, bool]:
    """The request's include_text and strict flags."""
    flags = [payload.get(name, False) for name in ("include_text", "strict")]
    for name, value in zip(("include_text", "strict"), flags, strict=True):
        if not isinstance(value, bool):
            raise InputError(name, "expected true or false")
    return flags[0], flags[1]


def check_articles(payload: Any, limits: Limits) -> list[dict[str, Any]]:
    """The request's articles; InputError names the first bad field."""
    if not isinstance(payload, dict):
        raise InputError("body", "expected a JSON object")
    articles = payload.get("articles")
    if not isinstance(articles, list) or not articles:
        raise InputError("articles", "expected a non-empty list of articles")
    if len(articles) > limits.articles:
        raise InputError("articles", f"{len(articles)} articles; at most {limits.articles} per request")
    for n, article in enumerate(articles):
        if not isinstance(article, dict):
            raise InputError(f"articles[{n}]", "expected an object")
        text = article.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"articles[{n}].text", "expected non-empty text")
        if len(text) > limits.article_chars:
            raise InputError(f"articles[{n}].text", f"{len(text)} characters; at most {limits.article_chars}")
    return articles


def check_request(payload: Any, limits: Limits) -> tuple[list[dict[str, Any]], int, str, bool, bool]:
    """The request's articles, budget, method, include_text and strict; InputError names the first bad field."""
    articles = check_articles(payload, limits)
    words = payload.get("words", DEFAULT_WORDS)
    if isinstance(words, bool) or not isinstance(words, int) or not 1 <= words <= MAX_WORDS:
        raise InputError("words", f"expected a whole number from 1 to {MAX_WORDS}")
    method = check_method(payload.get("method", "newsfuse"))
    return articles, words, method, *check_flags(payload)


def check_analysis_request(payload: Any, limits: Limits) -> tuple[list[dict[str, Any]], bool, bool]:
    return check_articles(payload, limits), *check_flags(payload)


_WORKER: dict[str, Any] = {}  # what a worker process loads once: the pipeline when it starts, NER when first asked


def start_worker() -> None:
    _WORKER["pipeline"] = Pipeline()


def compute_brief(
    articles: list[dict[str, Any]], words: int, method: str, include_text: bool, strict: bool
) -> dict[str, Any]:
    """Runs in a worker process. As in the CLI, an unusable article is skipped with a warning unless strict."""
    return brief_json(_WORKER["pipeline"].summarize(articles, words, method, strict=strict), include_text)


def compute_analysis(articles: list[dict[str, Any]], include_text: bool, strict: bool) -> dict[str, Any]:
    """Runs in a worker process; the NER model loads on the worker's first analysis and stays."""
    if "ner" not in _WORKER:
        _WORKER["ner"] = load_ner()
    return analysis_json(analyze(articles, strict=strict, ner=_WORKER["ner"]), include_text)


class _TooLarge(Exception):
    pass


async def drain(receive: Callable[[], Awaitable[dict]], cap: int) -> None:
    """Read and drop a refused body (up to ``cap`` bytes) so that the client sees the 413, not a reset."""
    seen = 0
    while seen <= cap:
        message = await receive()
        seen += len(message.get("body", b""))
        if not message.get("more_body"):
            return


def guard(limits: Limits, gate: Gate) -> Callable[[Any], Any]:
    """ASGI middleware: 503 for a POST when every place is taken (before routing or reading the body: under
    overload a refusal must cost next to nothing, or refusals eat the capacity they protect), 415 for a POST
    that is not JSON, 413 for a body over the limit (counted as it arrives)."""

    def middleware(app: Any) -> Callable[..., Awaitable[None]]:
        async def checked(scope: dict[str, Any], receive: Callable[[], Awaitable[dict]], send: Any) -> None:
            if scope["type"] != "http" or scope["method"] != "POST":
                return await app(scope, receive, send)
            if gate.full:
                return await no_place(gate)(scope, receive, send)
            headers = dict(scope["headers"])
            kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if kind != b"application/json":
                shown = kind.decode("latin-1") or "none"
                return await error(415, "content-type", f"expected application/json, got {shown}")(scope, receive, send)
            declared = headers.get(b"content-length", b"0")
            if declared.isdigit() and int(declared) > limits.body_bytes:
                await drain(receive, 4 * limits.body_bytes)
                return await error(413, "body", f"over {limits.body_bytes} bytes")(scope, receive, send)
            received = 0

            async def counted() -> dict:
                nonlocal received
                message = await receive()
                received += len(message.get("body", b""))
                if received > limits.body_bytes:
                    raise _TooLarge
                return message

            try:
                await app(scope, counted, send)
            except _TooLarge:
                await drain(receive, 3 * limits.body_bytes)
                await error(413, "body", f"over {limits.body_bytes} bytes")(scope, receive, send)

        return checked

    return middleware


REFUSALS: dict[int | str, dict[str, Any]] = {
    413: {"description": "body too large"},
    415: {"description": "not JSON"},
    422: {"description": "a field is missing or invalid; the error names it"},
    503: {"description": "busy: every place in the queue is taken; retry after the Retry-After seconds"},
    504: {"description": "the work did not finish within the deadline (newsfuse serve --deadline)"},
}


async def answer(
    request: Request, check: Callable[[Any, Limits], tuple[Any, ...]], compute: Callable[..., dict[str, Any]]
) -> JSONResponse:
    """Parse and check a JSON request, then compute the answer in the worker pool; 422 names a bad field."""
    state = request.app.state
    try:
        payload = json.loads(await request.body())
    except RecursionError:
        return error(422, "body", "malformed JSON: nested too deeply")
    except ValueError as exc:  # not JSON, not UTF-8, or a number of more than 4,300 digits
        return error(422, "body", f"malformed JSON: {exc}")
    try:
        checked = check(payload, state.limits)
    except InputError as problem:
        return error(422, problem.origin, problem.reason)
    if not state.gate.enter():  # filled up while this request's body arrived
        return no_place(state.gate)
    work = asyncio.get_running_loop().run_in_executor(
        state.pool, run_until, time.time() + state.budget.seconds, compute, *checked
    )
    work.add_done_callback(state.gate.leave)  # the place is free when the worker is, not when the client leaves
    try:
        result = await asyncio.wait_for(asyncio.shield(work), state.budget.seconds + 1)
    except InputError as problem:
        return error(422, problem.origin, problem.reason)
    except (Expired, TimeoutError) as late:  # TimeoutError: a worker that did not stop at its own deadline
        if isinstance(late, Expired) and late.waited:
            return busy(f"waited past the {state.budget.seconds:g} s deadline: retry in a second")
        return error(504, "deadline", f"not done within {state.budget.seconds:g} s: send fewer or shorter articles")
    return JSONResponse(result)


def busy(message: str) -> JSONResponse:
    response = error(503, "server", message)
    response.headers["Retry-After"] = "1"
    return response


def no_place(gate: Gate) -> JSONResponse:
    return busy(f"all {gate.capacity} places are taken: retry in a second")


def create_app(limits: Limits | None = None, workers: int | None = None, budget: Budget | None = None) -> FastAPI:
    limits, budget = limits or Limits(), budget or Budget()
    workers = workers or os.cpu_count() or 1
    gate = Gate(workers * budget.per_worker)
    newsfuse = Pipeline().newsfuse
    models = {"scorer": newsfuse.scorer.about, "concepts": newsfuse.concept_model.about}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with ProcessPoolExecutor(workers, initializer=start_worker) as pool:
            app.state.pool = pool
            app.state.limits = limits
            app.state.budget = budget
            app.state.gate = gate
            yield

    app = FastAPI(
        title="newsfuse",
        version=__version__,
        lifespan=lifespan,
        description="Many news reports in, one faithful, attributed brief out.",
    )
    app.add_middleware(guard(limits, gate))  # type: ignore[arg-type]

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/version")
    async def version() -> dict[str, Any]:
        return {"version": __version__, "methods": list(METHODS), "models": models}

    @app.post(
        "/v1/briefs",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": inlined_schema(BriefRequest)}}}
        },
        responses=REFUSALS,
    )
    async def briefs(request: Request) -> JSONResponse:
        """The same JSON as ``newsfuse summarize --output json`` (plus article text when ``include_text``)."""
        return await answer(request, check_request, compute_brief)

    @app.post(
        "/v1/analysis",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": inlined_schema(AnalysisRequest)}},
            }
        },
        responses=REFUSALS,
    )
    async def analysis(request: Request) -> JSONResponse:
        """The same JSON as ``newsfuse analyze --output json``: entities, quotes, timeline, figures, opinion."""
        return await answer(request, check_analysis_request, compute_analysis)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app
