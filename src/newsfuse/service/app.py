"""The HTTP API and the web page.

``POST /v1/briefs`` answers with a brief, ``POST /v1/analysis`` with the story's anatomy. Requests are checked
before any work: headers and body size in the ``guard`` (400, 408, 413, 415, 503 when full), then the fields
(422, naming the field). The work runs in a supervised pool of worker processes (``pool``), so that a slow
brief never stalls the event loop and a dead worker never breaks the service, behind a bounded queue and a
deadline per request (504), see ``admission``. The service never fetches anything: URLs in articles are
metadata only.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse import __version__
from newsfuse.errors import InputError
from newsfuse.focus import MAX_CHARS as MAX_FOCUS_CHARS
from newsfuse.formats import SNIFF, looks_like_html
from newsfuse.languages import SUPPORTED, code_of
from newsfuse.pipeline import DEFAULT_WORDS, Pipeline, check_focus
from newsfuse.service.admission import Budget, Expired, Gate
from newsfuse.service.connection import HEADER_SECONDS
from newsfuse.service.guard import BODY_SECONDS, busy, error, guard, no_place
from newsfuse.service.pool import Pool, WorkerLost
from newsfuse.service.work import Unavailable
from newsfuse.service.workspace import add_story_routes
from newsfuse.summarizers import METHODS, check_method

STATIC = resources.files("newsfuse") / "service" / "static"
MAX_WORDS = 5000
WORKER_MEMORY = 2 * 2**30  # bytes resident per worker before it is replaced


@dataclass(frozen=True)
class Limits:
    body_bytes: int = 5 * 1024 * 1024
    articles: int = 50
    article_chars: int = 1_000_000
    header_seconds: float = HEADER_SECONDS  # for a request's headers to arrive, then 408 (see ``connection``)
    body_seconds: float = BODY_SECONDS  # for its body to arrive, then 408 (see ``guard``)


class ArticleIn(BaseModel):
    """Documentation of one article in a request; the checks themselves are in ``check_request``."""

    id: str | None = None
    title: str | None = None
    text: str
    source: str | None = None
    url: str | None = Field(None, description="kept as metadata; never fetched")
    published: str | None = None
    author: str | None = None
    language: str | None = Field(None, description="ISO code or English name (fr, French); default: identified")


class BriefRequest(BaseModel):
    articles: list[ArticleIn]
    words: int = Field(DEFAULT_WORDS, ge=1, le=MAX_WORDS)
    method: str = Field("newsfuse", description=f"one of {', '.join(METHODS)}")
    include_text: bool = Field(False, description="add each article's cleaned text, for showing sources")
    strict: bool = Field(False, description="fail on an unusable article instead of skipping it with a warning")
    language: str | None = Field(None, description="write the brief from the articles in this language")
    focus: str = Field("", max_length=MAX_FOCUS_CHARS, description="a question or topic the brief should answer first")


class AnalysisRequest(BaseModel):
    articles: list[ArticleIn]
    include_text: bool = Field(False, description="add each article's cleaned text, for showing sources")
    strict: bool = Field(False, description="fail on an unusable article instead of skipping it with a warning")
    language: str | None = Field(None, description="every article is in this language, whatever it seems to be")


def inlined_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A request's JSON schema with the article schema inlined (OpenAPI cannot see pydantic's $defs)."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs")
    schema["properties"]["articles"]["items"] = definitions["ArticleIn"]
    return schema


def check_flags(payload: dict[str, Any]) -> tuple[bool, bool]:
    """The request's include_text and strict flags."""
    flags = [payload.get(name, False) for name in ("include_text", "strict")]
    for name, value in zip(("include_text", "strict"), flags, strict=True):
        if not isinstance(value, bool):
            raise InputError(name, "expected true or false")
    return flags[0], flags[1]


def check_fields(payload: Any, model: type[BaseModel]) -> None:
    """A JSON object with no field the request does not have: a misspelt "word" must not leave the budget at its
    default in silence. (An article's own unknown fields are left alone: scrapers add many.)"""
    if not isinstance(payload, dict):
        raise InputError("body", "expected a JSON object")
    if unknown := [name for name in payload if name not in model.model_fields]:
        expected = ", ".join(model.model_fields)
        raise InputError(unknown[0] or "''", f"unknown field (a request has: {expected})")


def check_language(payload: dict[str, Any]) -> str | None:
    language = payload.get("language")
    if language is not None and (not isinstance(language, str) or code_of(language) is None):
        raise InputError("language", "expected a language newsfuse reads, as an ISO code or name (fr, French)")
    return language


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
        if len(text) > limits.article_chars and not looks_like_html(text[:SNIFF]):  # a page: its text is counted
            raise InputError(f"articles[{n}].text", f"{len(text):,} characters; at most {limits.article_chars:,}")
    return articles


def check_request(payload: Any, limits: Limits) -> tuple[list[dict[str, Any]], int, str, bool, bool, str | None, str]:
    """The request's articles, budget, method, include_text, strict, brief language and focus; InputError names
    the first bad field."""
    check_fields(payload, BriefRequest)
    articles = check_articles(payload, limits)
    words = payload.get("words", DEFAULT_WORDS)
    if isinstance(words, bool) or not isinstance(words, int) or not 1 <= words <= MAX_WORDS:
        raise InputError("words", f"expected a whole number from 1 to {MAX_WORDS}")
    method = check_method(payload.get("method", "newsfuse"))
    language = check_language(payload)
    return articles, words, method, *check_flags(payload), language, check_focus(payload.get("focus", ""))


def check_analysis_request(payload: Any, limits: Limits) -> tuple[list[dict[str, Any]], bool, bool, str | None]:
    check_fields(payload, AnalysisRequest)
    return check_articles(payload, limits), *check_flags(payload), check_language(payload)


REFUSALS: dict[int | str, dict[str, Any]] = {
    413: {"description": "body too large"},
    415: {"description": "not JSON"},
    400: {"description": "both Content-Length and Transfer-Encoding"},
    408: {"description": "the body did not arrive in time"},
    422: {"description": "a field is missing or invalid; the error names it"},
    503: {
        "description": "busy: every place in the queue is taken, retry after the Retry-After seconds; or the "
        "worker computing the request stopped (killed, or over its memory budget)"
    },
    504: {"description": "the work did not finish within the deadline (newsfuse serve --deadline)"},
}


async def answer(request: Request, check: Callable[[Any, Limits], tuple[Any, ...]], task: str) -> JSONResponse:
    """Parse and check a JSON request, then compute the answer in a worker; 422 names a bad field."""
    state = request.app.state
    try:
        payload = json.loads(await request.body())
    except RecursionError:
        return error(422, "body", "malformed JSON: nested too deeply")
    except ValueError as exc:  # not JSON, not UTF-8, or a number of more than 4,300 digits
        if "integer string conversion" in str(exc):  # Python's own advice is for programmers, not clients
            return error(422, "body", "malformed JSON: a number of more than 4,300 digits")
        return error(422, "body", f"malformed JSON: {exc}")
    try:
        checked = check(payload, state.limits)
    except InputError as problem:
        return error(422, problem.origin, problem.reason)
    return await compute(request, task, checked)


async def compute(request: Request, task: str, arguments: tuple[Any, ...]) -> JSONResponse:
    """Run ``task`` in a worker behind the gate and the deadline. The work is cancelled if the client leaves
    before it is done: nobody would read the answer."""
    state = request.app.state
    if not state.gate.enter():  # filled up while this request's body arrived
        return no_place(state.gate)
    work = asyncio.ensure_future(state.pool.run(task, arguments, time.time() + state.budget.seconds))
    work.add_done_callback(state.gate.leave)  # the place is free when the worker is, not when the client leaves
    gone = asyncio.ensure_future(disconnected(request))
    await asyncio.wait({work, gone}, return_when=asyncio.FIRST_COMPLETED)
    gone.cancel()
    if not work.done():
        work.cancel()
        return error(499, "client", "the client left before the answer was ready")  # read by nobody
    try:
        return JSONResponse(work.result())
    except InputError as problem:
        if problem.reason == "no such story in this store":  # the field is the path's id, as when it is no number
            return error(404, "id", f"no story {problem.origin} in this store")
        return error(422, problem.origin, problem.reason)
    except Expired as late:
        if late.waited:
            return busy(f"waited past the {state.budget.seconds:g} s deadline: retry in a second")
        if late.loading:
            name = SUPPORTED.get(late.loading, (late.loading,))[0]
            return busy(f"the {name} NER model is still loading (once per worker): retry in a few seconds", 3)
        return error(504, "deadline", f"not done within {state.budget.seconds:g} s: send fewer or shorter articles")
    except WorkerLost as lost:
        return error(503, "server", f"the request was not computed: {lost}")
    except Unavailable as outage:
        return busy(str(outage))


async def disconnected(request: Request) -> None:
    """Returns when the client has gone away (uvicorn says so through ``receive`` once the body is read)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def create_app(
    limits: Limits | None = None,
    workers: int | None = None,
    budget: Budget | None = None,
    worker_memory: int | None = WORKER_MEMORY,
    store: str | None = None,
) -> FastAPI:
    """The service: ``workers`` processes (default: all cores), each killed and replaced when its resident
    memory passes ``worker_memory`` bytes (None: no budget); with ``store`` (a ``--db`` URL), the workspace
    API over its stories too."""
    limits, budget = limits or Limits(), budget or Budget()
    workers = workers or os.cpu_count() or 1
    gate = Gate(workers * budget.per_worker)
    newsfuse = Pipeline().newsfuse
    models = {"scorer": newsfuse.scorer.about, "concepts": newsfuse.concept_model.about}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = Pool(workers, worker_memory)
        await pool.start()
        app.state.pool, app.state.limits, app.state.budget, app.state.gate = pool, limits, budget, gate
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="newsfuse",
        version=__version__,
        lifespan=lifespan,
        description="Many news reports in, one faithful, attributed brief out.",
        docs_url=None,  # FastAPI's pages load their scripts from a CDN: newsfuse serves its own
        redoc_url=None,
    )
    app.add_middleware(guard(limits.body_bytes, gate, limits.body_seconds))  # type: ignore[arg-type]

    @app.exception_handler(StarletteHTTPException)
    async def refused(request: Request, refusal: StarletteHTTPException) -> JSONResponse:
        """A route that is not there, or a method it does not take, answered in the API's own error shape."""
        path = request.url.path
        if refusal.status_code == 404 and store is None and path.startswith("/v1/stories"):
            return error(404, "path", "this service has no store of stories: start it with newsfuse serve --db STORE")
        if refusal.status_code == 404:
            return error(404, "path", f"no such resource: {path}")
        if refusal.status_code == 405:
            response = error(405, "method", f"{request.method} is not allowed on {path}")
            response.headers.update(refusal.headers or {})  # Allow: the methods it takes
            return response
        return error(refusal.status_code, "request", str(refusal.detail))

    @app.api_route(
        "/healthz", methods=["GET", "HEAD"], responses={503: {"description": "no worker can serve a request now"}}
    )
    async def healthz() -> JSONResponse:
        """200 while at least one worker can take a request, else 503; with the workers' numbers."""
        pool = app.state.pool
        ready = pool.ready
        workers = {"ready": ready, "size": pool.size, "replaced": pool.replaced, "requests": gate.inside}
        return JSONResponse({"status": "ok" if ready else "unavailable", "workers": workers}, 200 if ready else 503)

    @app.get("/v1/version")
    async def version() -> dict[str, Any]:
        return {"version": __version__, "methods": list(METHODS), "models": models, "store": store is not None}

    @app.post(
        "/v1/briefs",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": inlined_schema(BriefRequest)}}}
        },
        responses=REFUSALS,
    )
    async def briefs(request: Request) -> JSONResponse:
        """The same JSON as ``newsfuse summarize --output json`` (plus article text when ``include_text``)."""
        return await answer(request, check_request, "brief")

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
        return await answer(request, check_analysis_request, "analysis")

    if store is not None:
        add_story_routes(app, store)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"))

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:  # browsers ask for one: an empty answer, not a 404 in every console
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> FileResponse:
        return FileResponse(str(STATIC / "docs.html"))

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app
