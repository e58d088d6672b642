"""Connections that must send their request headers in time.

uvicorn closes an idle keep-alive connection, but a client that sends its headers a byte a second holds its
connection (and a file descriptor, and a place in the accept backlog) for as long as it likes: the
slow-headers attack. The headers never reach the application, so the guard has to be here, in the protocol:
a request's headers must be complete within ``HEADER_SECONDS`` of the connection opening (or of its previous
answer), else the client gets 408 and the connection is closed. The body's deadline is the guard's.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from newsfuse.service.guard import SECURITY_HEADERS

HEADER_SECONDS = 10.0


def closing_answer(status: bytes, field: str, message: str) -> bytes:
    """An answer written on the connection itself, before any application sees the request, and the last on
    it: in the API's error shape, with the headers every answer carries."""
    body = json.dumps({"error": {"field": field, "message": message}}).encode()
    headers = b"".join(name + b": " + value + b"\r\n" for name, value in SECURITY_HEADERS)
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: application/json\r\nconnection: close\r\n"
        + b"content-length: " + str(len(body)).encode() + b"\r\n" + headers + b"\r\n" + body
    )  # fmt: skip


class TimelyHeaders(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline on each request's headers."""

    header_seconds = HEADER_SECONDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._headers_due: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection gets the same time

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._headers_due = self.loop.call_later(self.header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._headers_due is not None:
            self._headers_due.cancel()
            self._headers_due = None

    def _too_slow(self) -> None:
        self._headers_due = None
        if self.transport.is_closing() or (self.cycle is not None and not self.cycle.response_complete):
            return  # a request is being answered: its headers came in time
        self.transport.write(
            closing_answer(b"408 Request Timeout", "headers", "the request headers did not arrive in time")
        )
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        """A request HTTP cannot read (both Content-Length and Transfer-Encoding, a malformed line): uvicorn's
        own answer is plain text without the security headers."""
        self.transport.write(closing_answer(b"400 Bad Request", "request", "not a valid HTTP request"))
        self.transport.close()


def timely_headers(seconds: float) -> type[TimelyHeaders]:
    """The protocol class to give uvicorn (``http=``) for a deadline of ``seconds`` on request headers."""
    return type("TimelyHeaders", (TimelyHeaders,), {"header_seconds": seconds})
