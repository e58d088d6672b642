"""Polite HTTP GETs for ``newsfuse watch``, the one part of newsfuse that fetches URLs (only those the user
configured, and the pages their feeds link to).

Standard library only (``http.client``), one request at a time: a pause between two requests to one host,
a timeout to connect and for each wait for data (and three times it for a whole response, so that a server
trickling bytes cannot hold the watcher), a size cap that stops the download there, a bounded number of
redirects (each hop is a request of its own, checked and paced like the first), and a few retries with
exponential backoff for what may pass (5xx, 429, timeouts, dropped connections). Every failure is one
``FetchError`` with a one-line reason.
"""

from __future__ import annotations

import http.client
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from newsfuse import __version__

USER_AGENT = f"newsfuse/{__version__} (feed watcher; polls the feeds its user configured)"
CHUNK = 65536
REDIRECTS = frozenset({301, 302, 303, 307, 308})
WHOLE_RESPONSE = 3  # a whole response may take this many timeouts
SAFE_PATH = "/%:@!$&'()*+,;=-._~?"  # what stays as it is in a request target (RFC 3986's reserved and unreserved)


@dataclass(frozen=True)
class Policy:
    """How politely and how robustly to fetch."""

    timeout: float = 10.0  # seconds to connect and for each wait for data
    host_delay: float = 1.0  # seconds between the end of one request to a host and the start of the next
    max_bytes: int = 5 * 2**20  # a larger response is not downloaded further
    retries: int = 2  # further tries after a failure that may pass, after 1 s, 2 s, 4 s…
    backoff: float = 1.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Response:
    url: str  # where it came from, after redirects
    status: int  # 200, or 304 (not modified since the validators sent)
    body: bytes
    headers: Mapping[str, str]  # names in lower case


class FetchError(Exception):
    """A URL that could not be fetched: ``reason`` is one line; ``transient`` when trying later may help."""

    def __init__(self, url: str, reason: str, transient: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.transient = url, reason, transient


class Stopped(Exception):
    """A stop was requested while waiting for a host's turn: the request was not made."""


class Stop:
    """A stop request, set from a signal handler. A plain flag polled in short sleeps: a handler that took a
    lock (``threading.Event.set``) could deadlock with the very thread it interrupted."""

    def __init__(self) -> None:
        self.requested: str | None = None  # what asked (``SIGTERM``)

    def set(self, why: str) -> None:
        self.requested = self.requested or why

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` unless a stop comes first; whether one came."""
        end = time.monotonic() + seconds
        while not self.requested and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))
        return bool(self.requested)


def http_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched (not http/https, no host), or None when it can."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in {"http", "https"}:
        return f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'}"
    if not parts.hostname:
        return "no host in the URL"
    return None


class Fetcher:
    """GETs under a ``Policy``; remembers when each host was last asked, for the pause between requests."""

    def __init__(self, policy: Policy, stop: Stop, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy, self.stop, self.clock = policy, stop, clock
        self.last: dict[str, float] = {}

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """The response to a GET of ``url`` (200 or 304), following redirects and retrying what may pass."""
        tries = 1 + self.policy.retries
        for attempt in range(tries):
            try:
                return self._follow(url, dict(headers or {}))
            except FetchError as error:
                if not error.transient or attempt == tries - 1:
                    raise FetchError(url, error.reason + _tries(attempt + 1), error.transient) from None
                if self.stop.wait(self.policy.backoff * 2**attempt):
                    raise FetchError(url, f"{error.reason} (stopped before retrying)", True) from None
        raise AssertionError("unreachable")

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        seen = [url]
        for _ in range(self.policy.max_redirects + 1):
            status, found, body = self._once(seen[-1], headers)
            if status not in REDIRECTS:
                return _answer(seen[-1], status, found, body)
            target = urljoin(seen[-1], found.get("location", "").strip())
            if not found.get("location") or (bad := http_url(target)):
                raise FetchError(url, f"redirect to {target or 'nowhere'}: {bad or 'no Location header'}")
            if target in seen:
                raise FetchError(url, f"redirect loop ({seen[-1]} redirects back to {target})")
            seen.append(target)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects (last to {seen[-1]})")

    def _once(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """One request: (status, headers, body); the body is read only for a 200."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        self._turn(host)
        timeout = self.policy.timeout
        connection = _connection(parts.scheme.lower(), host, parts.port, timeout)
        target = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=SAFE_PATH)
        deadline = self.clock() + timeout * WHOLE_RESPONSE
        try:
            sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **headers}
            connection.request("GET", target, headers=sent)
            response = connection.getresponse()
            found = {name.lower(): value for name, value in response.getheaders()}
            if response.status != 200:
                return response.status, found, b""
            return 200, found, self._body(url, response, found, deadline)
        except TimeoutError:
            raise FetchError(url, f"timed out after {timeout:g} s", transient=True) from None
        except ssl.SSLError as exc:
            raise FetchError(url, f"TLS failed ({exc.reason or exc})") from None
        except http.client.InvalidURL as exc:
            raise FetchError(url, f"not a valid URL ({exc})") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(url, f"connection failed ({str(exc) or type(exc).__name__})", transient=True) from None
        finally:
            connection.close()
            self.last[host] = self.clock()

    def _body(self, url: str, response: http.client.HTTPResponse, headers: dict[str, str], deadline: float) -> bytes:
        """The body, read in chunks: the download stops as soon as it passes the size cap or the deadline."""
        cap = self.policy.max_bytes
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise FetchError(url, f"{int(length):,} bytes, over the limit of {cap:,}: not downloaded")
        body = bytearray()
        while chunk := response.read1(CHUNK):
            body += chunk
            if len(body) > cap:
                raise FetchError(url, f"over the limit of {cap:,} bytes: download stopped there")
            left = deadline - self.clock()
            if left <= 0:
                raise FetchError(url, f"took over {self.policy.timeout * WHOLE_RESPONSE:g} s: download stopped", True)
            if response.fp and (sock := getattr(response.fp.raw, "_sock", None)):
                sock.settimeout(min(self.policy.timeout, left))
        return bytes(body)

    def _turn(self, host: str) -> None:
        """Wait for ``host``'s turn: ``host_delay`` after the end of the last request to it."""
        wait = self.last.get(host, float("-inf")) + self.policy.host_delay - self.clock()
        if self.stop.requested or (wait > 0 and self.stop.wait(wait)):
            raise Stopped(host)


def _connection(scheme: str, host: str, port: int | None, timeout: float) -> http.client.HTTPConnection:
    if scheme == "https":
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    return http.client.HTTPConnection(host, port, timeout=timeout)


def _answer(url: str, status: int, headers: dict[str, str], body: bytes) -> Response:
    if status in (200, 304):
        return Response(url, status, body, headers)
    reason = http.client.responses.get(status, "")
    raise FetchError(url, f"HTTP {status} {reason}".strip(), transient=status >= 500 or status == 429)


def _tries(count: int) -> str:
    return f" ({count} tries)" if count > 1 else ""


def conditional(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The headers of a conditional GET: the server answers 304, without a body, when nothing changed."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers
