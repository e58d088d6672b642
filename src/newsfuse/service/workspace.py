"""The workspace API: the stories of a store (``newsfuse serve --db URL``), read-only, for the workspace page.

``GET /v1/stories`` (a page of stories, newest activity first, filtered by date and title text),
``GET /v1/stories/{id}`` (its brief with its articles' text, for citations), ``GET /v1/stories/{id}/brief``
(``?since=DATE``: the update brief) and ``GET /v1/stories/{id}/analysis`` (its anatomy). Workers open the store
read-only, once each; every answer is one snapshot of it. Query parameters are checked here, with the same
one-line 422 as the POST endpoints.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from newsfuse.browse import since_of
from newsfuse.errors import InputError
from newsfuse.model import EXPECTED_DATE
from newsfuse.pipeline import DEFAULT_WORDS, check_focus
from newsfuse.service.guard import error

MAX_PAGE = 100
MAX_OFFSET = 10**9
MAX_SEARCH = 200
MAX_ID = 2**63 - 1
ABOUT = {
    404: {"description": "no such story in this store"},
    422: {"description": "a query parameter is invalid; the error names it"},
    503: {"description": "busy; retry after the Retry-After seconds"},
}


def number(value: str, lowest: int, highest: int) -> int | None:
    """``value`` as a whole number within bounds, or None: ASCII digits only ("²" is a digit to Python), and
    never longer than the bound's own digits (leading zeros included), so nothing huge is ever parsed."""
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(highest)):
        return None
    parsed = int(value)
    return parsed if lowest <= parsed <= highest else None


def whole(query: Mapping[str, str], name: str, default: int, lowest: int, highest: int) -> int:
    value = query.get(name)
    if value is None:
        return default
    parsed = number(value, lowest, highest)
    if parsed is None:
        raise InputError(name, f"expected a whole number from {lowest} to {highest}")
    return parsed


def since(query: Mapping[str, str]) -> str | None:
    return since_of(query.get("since") or None)


def story_id(value: str) -> int:
    parsed = number(value, 1, MAX_ID)
    if parsed is None:
        raise InputError("id", "expected a story id (a whole number)")
    return parsed


def add_story_routes(app: FastAPI, store: str) -> None:
    """The workspace endpoints, reading the store at ``store``."""
    from newsfuse.service.app import MAX_WORDS, compute  # here: app imports this module

    async def checked(request: Request, task: str, arguments: Any, known: frozenset[str] = frozenset()) -> JSONResponse:
        """The task's answer; a parameter the endpoint does not take is refused, as a misspelt field of a POST body
        is ("word=30" would have been a brief of the default length, "since" on a plain story the whole story)."""
        try:
            if unknown := sorted(set(request.query_params) - known):
                raise InputError(
                    unknown[0], f"not a parameter of this endpoint (it takes {', '.join(sorted(known)) or 'none'})"
                )
            values = arguments(request.query_params)
        except InputError as problem:
            return error(422, problem.origin, problem.reason)
        return await compute(request, task, (store, *values))

    @app.get("/v1/stories", responses=ABOUT)
    async def stories(request: Request) -> JSONResponse:
        """A page of stories, newest activity first: ``since`` (updated since that date), ``q`` (text in a
        title), ``limit`` (1-100, default 20), ``offset``. Each with headline, outlets, article count,
        first/last seen, a 60-word brief and its articles per day; ``total`` counts all that match."""

        def arguments(query: Mapping[str, str]) -> tuple[Any, ...]:
            text = query.get("q") or None
            if text is not None and len(text) > MAX_SEARCH:
                raise InputError("q", f"at most {MAX_SEARCH} characters")
            if text is not None and any(ord(c) < 32 or ord(c) == 127 for c in text):
                raise InputError("q", "holds a control character (a NUL, a line break…): no title has one")
            limit = whole(query, "limit", 20, 1, MAX_PAGE)
            return since(query), text, limit, whole(query, "offset", 0, 0, MAX_OFFSET)

        return await checked(request, "stories", arguments, frozenset({"since", "q", "limit", "offset"}))

    @app.get("/v1/stories/{number}", responses=ABOUT)
    async def story(request: Request, number: str) -> JSONResponse:
        """A story's brief (``words``, default 250; ``focus``, a question it should answer first) with its
        articles and their text, as ``POST /v1/briefs`` with ``include_text``, and ``story``: its id, the id it
        now goes by (after merges) and headline."""

        def arguments(query: Mapping[str, str]) -> tuple[Any, ...]:
            words = whole(query, "words", DEFAULT_WORDS, 1, MAX_WORDS)
            return story_id(number), None, words, check_focus(query.get("focus", ""))

        return await checked(request, "story", arguments, frozenset({"words", "focus"}))

    @app.get("/v1/stories/{number}/brief", responses=ABOUT)
    async def update(request: Request, number: str) -> JSONResponse:
        """What is new since ``since`` (a date; required): the update brief, chosen from later articles only."""

        def arguments(query: Mapping[str, str]) -> tuple[Any, ...]:
            if (after := since(query)) is None:
                raise InputError("since", EXPECTED_DATE)
            words = whole(query, "words", DEFAULT_WORDS, 1, MAX_WORDS)
            return story_id(number), after, words, check_focus(query.get("focus", ""))

        return await checked(request, "story", arguments, frozenset({"since", "words", "focus"}))

    @app.get("/v1/stories/{number}/analysis", responses=ABOUT)
    async def analysis(request: Request, number: str) -> JSONResponse:
        """The story's anatomy, as ``POST /v1/analysis`` with ``include_text``."""
        return await checked(request, "story_analysis", lambda _: (story_id(number),))
