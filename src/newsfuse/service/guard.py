"""The service's front door: checks that cost next to nothing, made before any request reaches a route.

One ASGI middleware: every answer carries headers that stop a browser from running or sniffing anything the
page did not ask for; a request with both ``Content-Length`` and ``Transfer-Encoding`` is refused (two
framings of one body is how requests are smuggled past proxies); a POST is refused with 503 when every place
is taken (under overload a refusal must cost next to nothing, or refusals eat the capacity they protect),
with 415 when it is not JSON, with 413 when its body is over the limit (counted as it arrives), and with 408
when its body does not arrive within ``BODY_SECONDS`` (a client sending a byte a second must not hold a
connection for ever). Slow headers are the connection's business, see ``connection``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi.responses import JSONResponse

from newsfuse.service.admission import Gate

BODY_SECONDS = 30.0
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        b"frame-ancestors 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def error(status: int, field: str, message: str, close: bool = False) -> JSONResponse:
    response = JSONResponse({"error": {"field": field, "message": message}}, status_code=status)
    if close:
        response.headers["Connection"] = "close"
    return response


def busy(message: str, seconds: int = 1) -> JSONResponse:
    response = error(503, "server", message)
    response.headers["Retry-After"] = str(seconds)
    return response


def no_place(gate: Gate) -> JSONResponse:
    return busy(f"all {gate.capacity} places are taken: retry in a second")


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


async def drain(receive: Callable[[], Awaitable[dict]], cap: int) -> None:
    """Read and drop a refused body (up to ``cap`` bytes, for at most a second) so that the client sees the
    refusal, not a reset."""
    seen = 0
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(1.0):
            while seen <= cap:
                message = await receive()
                seen += len(message.get("body", b""))
                if not message.get("more_body"):
                    return


def guard(body_bytes: int, gate: Gate, body_seconds: float = BODY_SECONDS) -> Callable[[Any], Any]:
    """The middleware, for bodies of at most ``body_bytes`` and the service's ``gate``."""

    def middleware(app: Any) -> Callable[..., Awaitable[None]]:
        async def checked(scope: dict[str, Any], receive: Callable[[], Awaitable[dict]], send: Any) -> None:
            if scope["type"] != "http":
                return await app(scope, receive, send)

            async def secured(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
                await send(message)

            headers = dict(scope["headers"])
            if b"transfer-encoding" in headers and b"content-length" in headers:
                refusal = error(400, "headers", "both Content-Length and Transfer-Encoding: send one", close=True)
                return await refusal(scope, receive, secured)
            if scope["method"] != "POST":
                return await app(scope, receive, secured)
            refusal = posted(headers, body_bytes, gate)
            if refusal is not None:
                if refusal.status_code == 413:
                    await drain(receive, 4 * body_bytes)
                return await refusal(scope, receive, secured)
            received, complete = 0, False
            by = asyncio.get_running_loop().time() + body_seconds

            async def counted() -> dict:
                nonlocal received, complete
                if complete:  # waiting for the client to leave, not for its body
                    return await receive()
                try:
                    async with asyncio.timeout_at(by):
                        message = await receive()
                except TimeoutError:
                    raise _TooSlow from None
                received += len(message.get("body", b""))
                if received > body_bytes:
                    raise _TooLarge
                complete = not message.get("more_body")
                return message

            try:
                await app(scope, counted, secured)
            except _TooLarge:
                await drain(receive, 3 * body_bytes)
                await error(413, "body", f"over {body_bytes} bytes")(scope, receive, secured)
            except _TooSlow:
                late = f"the body did not arrive within {body_seconds:g} s"
                await error(408, "body", late, close=True)(scope, receive, secured)

        return checked

    return middleware


def posted(headers: dict[bytes, bytes], body_bytes: int, gate: Gate) -> JSONResponse | None:
    """The refusal a POST gets from its headers alone, if any."""
    if gate.full:
        return no_place(gate)
    kind = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    if kind != b"application/json":
        return error(415, "content-type", f"expected application/json, got {kind.decode('latin-1') or 'none'}")
    declared = headers.get(b"content-length", b"0")
    if declared.isdigit() and int(declared) > body_bytes:
        return error(413, "body", f"over {body_bytes} bytes")
    return None
