"""``newsfuse watch``: poll RSS/Atom feeds, fetch each new entry's page once, and ingest it into stories.

A poll reads every feed with a conditional GET, keeps the entries whose link the store does not hold yet,
fetches their pages politely (``fetch.py``: one request at a time, a pause per host, timeouts, a size cap,
retries), extracts each page with the HTML path every ``ingest`` uses (trafilatura, ``formats.parse_html``)
and ingests what it got with ``stories.ingest``, a few pages per transaction. The store holds what must
survive a restart: the articles (their URLs are what "already fetched" means) and each feed's validators,
saved only once all of the feed's new entries were handled, so that a crash never hides an entry behind a 304.
A signal stops the watcher after the page in flight; what was fetched is ingested before it exits.
"""

from __future__ import annotations

import html
import json
import re
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from newsfuse.cluster import normal_url
from newsfuse.errors import InputError
from newsfuse.fetch import Fetcher, FetchError, Policy, Response, Stop, Stopped, conditional, http_url
from newsfuse.formats import FormatError, Partial, looks_like_feed, parse_feed, parse_html, past_preamble
from newsfuse.store import Store
from newsfuse.stories import Tally, Unit, ingest
from newsfuse.text import counted

MIN_EVERY = 10.0  # seconds: polling a feed more often is not polite
UNITS = {"s": 1, "m": 60, "h": 3600}
SIZES = {"b": 1, "kb": 2**10, "mb": 2**20}
FLUSH = 20  # pages per ingest transaction: a crash loses at most these, a poll of many pages commits as it goes
TRIES = 3  # polls that try a page which failed in a way that may pass, before this run gives it up
HTML_TYPES = {"", "text/html", "application/xhtml+xml"}
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
XML_URL = re.compile(r"""\bxmlUrl\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Settings:
    every: float | None  # seconds between polls; None: poll once
    policy: Policy


def interval(text: str) -> float:
    """``30s``, ``10m``, ``1h`` in seconds, at least ``MIN_EVERY``."""
    found = re.fullmatch(r"\s*(\d{1,6}(?:\.\d+)?)\s*([smh])\s*", text.lower())
    if not found:
        raise InputError("--every", f"expected a duration such as 30s, 10m or 1h, got {text[:40]!r}")
    seconds = float(found[1]) * UNITS[found[2]]
    if seconds < MIN_EVERY:
        raise InputError("--every", f"at least {MIN_EVERY:g}s between polls, got {text[:40]}")
    return seconds


def size(text: str) -> int:
    """``5MB``, ``500KB``, ``100000`` (bytes) as bytes, at least 1 KB."""
    found = re.fullmatch(r"\s*(\d{1,9})\s*(b|kb|mb)?\s*", text.lower())
    if not found or int(found[1]) * SIZES[found[2] or "b"] < 1024:
        raise InputError("--max-page", f"expected a size of at least 1KB such as 500KB or 5MB, got {text[:40]!r}")
    return int(found[1]) * SIZES[found[2] or "b"]


def settings(every: str, once: bool, delay: float, timeout: float, max_page: str, retries: int) -> Settings:
    """The options, checked: each bad one is an InputError naming it."""
    if not 0 <= retries <= 5:
        raise InputError("--retries", f"must be from 0 to 5, got {retries}")
    seconds = interval(every)  # checked even with --once: a typo never passes unnoticed
    policy = Policy(timeout=timeout, host_delay=delay, max_bytes=size(max_page), retries=retries)
    return Settings(None if once else seconds, policy)


def feed_urls(arguments: Iterable[str]) -> list[str]:
    """The feeds to poll, once each in the order given: URLs, and the URLs listed in files (one a line, ``#``
    comments, or OPML). A URL that is not http/https, or a file that cannot be read, is an InputError."""
    found: dict[str, None] = {}
    for argument in arguments:
        for where, url in [(argument, argument)] if "://" in argument else list_file(argument):
            if problem := http_url(url):
                raise InputError(where, f"{url}: {problem}" if where != url else problem)
            found.setdefault(url.strip(), None)
    return list(found)


COMMENT = re.compile(r"(?:^|\s)#.*")  # a comment: a line's own, or after a URL and a space ("URL  # main")


def list_file(name: str) -> list[tuple[str, str]]:
    """(where, URL) of each feed a file lists: OPML outlines' ``xmlUrl``, else one URL a line."""
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(name, "no such file (expected a feed URL, or a file listing feed URLs)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(name, f"cannot read the feed list ({getattr(exc, 'strerror', None) or exc})") from None
    if re.search(r"<opml\b", text[:5000], re.IGNORECASE):
        urls = [html.unescape(a or b).strip() for a, b in XML_URL.findall(text)]
        if not urls:
            raise InputError(name, "OPML file with no feed (no outline with an xmlUrl)")
        return [(name, url) for url in urls]
    if looks_like_feed(past_preamble(text)):
        raise InputError(name, "a feed file, not a list of feed URLs: add it with newsfuse ingest")
    lines = [(f"{name}:{n}", COMMENT.sub("", line).strip()) for n, line in enumerate(text.splitlines(), 1)]
    listed = [(where, line) for where, line in lines if line and not line.startswith("#")]
    if not listed:
        raise InputError(name, "no feed URL in the file")
    return listed


@dataclass(frozen=True)
class Entry:
    link: str  # the page, as the feed gives it (absolute)
    feed: str
    fields: Partial  # the feed's own article for the entry: its metadata, and its text for a fallback


def entries(feed: str, response: Response) -> tuple[list[Entry], list[str]]:
    """The entries of a fetched feed that link to an http(s) page, and the titles (or first words) of those that
    do not (no link, or a ``javascript:`` or ``file:`` one: nothing a watcher may fetch); FormatError when it is
    no feed."""
    headers = {"content-location": response.url, "content-type": response.headers.get("content-type", "")}
    found, unlinked = [], []
    for fields in parse_feed(response.body, headers):
        link = urljoin(response.url, (fields.get("url") or "").strip())
        if fields.get("url") and http_url(link) is None:
            found.append(Entry(link, feed, fields))
        else:
            unlinked.append(fields.get("title") or " ".join((fields.get("text") or "").split()[:8]))
    return found, unlinked


def page_text(body: bytes, content_type: str) -> str:
    """A page's bytes as text, in the charset its headers or its markup declare (UTF-8 otherwise)."""
    declared = CHARSET.search(content_type.encode("ascii", "replace")) or CHARSET.search(body[:4096])
    charset = declared[1].decode("ascii") if declared else "utf-8"
    try:
        return body.decode("utf-8-sig" if charset.lower() in {"utf-8", "utf8"} else charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def page_article(entry: Entry, response: Response) -> Partial:
    """The article of a fetched page: its extracted text, with the feed's title, date and author first (a
    page's title often carries the site's name) and the entry's link as its URL (what the store knows it by)."""
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES:
        raise FormatError(f"not an HTML page ({kind})")
    page = parse_html(page_text(response.body, response.headers.get("content-type", "")))[0]
    fields = entry.fields
    merged = {key: fields.get(key) or page.get(key) for key in ("title", "published", "author")}
    source = page.get("source") or fields.get("source")
    return {**merged, "id": fields.get("id") or entry.link, "text": page["text"], "source": source, "url": entry.link}


def unit(entry: Entry, article: Partial) -> Unit:
    """One article as a unit of ingest (a JSON record), named by its page's URL in every message."""
    record = {key: value for key, value in article.items() if value}
    return Unit(entry.link, json.dumps({**record, "url": entry.link}).encode("utf-8"), "json")


def by_host(items: Sequence[Entry]) -> list[Entry]:
    """Entries in turns across hosts (one of each host, then the next of each…): while one host's pause
    runs, another host's page is fetched."""
    queues: dict[str, list[Entry]] = {}
    for item in items:
        queues.setdefault(urlsplit(item.link).hostname or "", []).append(item)
    longest = max((len(q) for q in queues.values()), default=0)
    return [q[n] for n in range(longest) for q in queues.values() if n < len(q)]


@dataclass
class Poll:
    """What one poll did, for its summary line."""

    feeds: int = 0
    unchanged: int = 0
    failed_feeds: int = 0
    new: int = 0
    fetched: int = 0
    fallback: int = 0
    failed: int = 0
    tally: Tally = field(default_factory=Tally)

    def summary(self, number: int) -> str:
        return (
            f"{_now()} poll {number}: {counted(self.feeds, 'feed')} ({self.unchanged} unchanged, {self.failed_feeds} "
            f"failed), {counted(self.new, 'new page')}: {self.fetched} fetched, {self.fallback} from the feed's "
            f"text, {self.failed} failed; {self.tally.summary()}"
        )


class Watcher:
    """Polls on one store with one fetcher. Pages are known by their normalised URL: stored as articles, or
    noted in the store as no article (a duplicate, refused, or failed for good), they are never fetched again;
    a failure that may pass is tried again at the next polls, ``TRIES`` times in one run."""

    def __init__(self, store: Store, fetcher: Fetcher, warn: Callable[[str], None]) -> None:
        self.store, self.fetcher, self.warn = store, fetcher, warn
        self.done: set[str] = set()  # pages handled in this run
        self.tries: dict[str, int] = {}  # failures that may pass, per page
        self.given_up: list[tuple[str, str]] = []  # (page, why), to note in the store with the next batch

    def poll(self, feeds: Sequence[str]) -> Poll:
        """One poll of every feed; stops early (after the page in flight) when a stop is requested."""
        result, found, validators = Poll(), [], {}
        for feed in feeds:
            result.feeds += 1
            try:
                sent = {"Accept": FEED_ACCEPT, **conditional(*self.store.feed_validators(feed))}
                response = self.fetcher.get(feed, sent)
                if response.status == 304:
                    result.unchanged += 1
                    continue
                linked, unlinked = entries(feed, response)
                found.extend(linked)
                if unlinked:
                    many = f"{len(unlinked)} {'entry' if len(unlinked) == 1 else 'entries'}"
                    self.warn(
                        f"warning: {feed}: {many} with no http(s) link skipped ({unlinked[0][:60]!r}…): nothing to "
                        "fetch; newsfuse ingest stores a feed file's own text"
                    )
            except Stopped:
                break
            except (FetchError, FormatError) as error:
                result.failed_feeds += 1
                self.warn(f"warning: skipped feed {feed}: {getattr(error, 'reason', error)}")
                continue
            validators[feed] = (response.headers.get("etag"), response.headers.get("last-modified"))
        wanted = self._new(found)
        result.new = len(wanted)
        self._fetch(by_host(wanted), result)
        self._save(validators, found)
        return result

    def _handled(self, keys: Iterable[str]) -> set[str]:
        """Which of these pages need no fetch: stored, noted as no article, or handled in this run."""
        keys = sorted(set(keys))
        stored, _ = self.store.known(keys, [])
        return stored | self.store.skipped_pages(keys) | (self.done & set(keys))

    def _new(self, found: list[Entry]) -> list[Entry]:
        """The entries whose page needs a fetch, once each."""
        handled = self._handled(_key(e.link) for e in found)
        wanted: dict[str, Entry] = {}
        for e in found:
            if _key(e.link) not in handled:
                wanted.setdefault(_key(e.link), e)
        return list(wanted.values())

    def _fetch(self, wanted: list[Entry], result: Poll) -> None:
        pending: list[Unit] = []
        for entry in wanted:
            if self.fetcher.stop.requested:
                break
            try:
                article = self._article(entry, result)
            except Stopped:
                break
            if article is not None:
                pending.append(unit(entry, article))
            if len(pending) >= FLUSH:
                self._ingest(pending, result.tally)
                pending = []
        self._ingest(pending, result.tally)

    def _article(self, entry: Entry, result: Poll) -> Partial | None:
        """The entry's article: from its page, else from the feed's text; None (warned) when neither."""
        key = _key(entry.link)
        try:
            response = self.fetcher.get(entry.link, {"Accept": PAGE_ACCEPT})
            result.fetched += 1
            self.done.add(key)
            landed = _key(response.url)
            if landed != key and self.store.known([landed], [])[0]:  # another link to a page stored already
                result.tally.duplicates += 1
                self.given_up.append((key, f"no article: the page of {landed}, stored already"))
                return None
            return page_article(entry, response)
        except (FetchError, FormatError) as error:
            reason, transient = getattr(error, "reason", str(error)), getattr(error, "transient", False)
        if (entry.fields.get("text") or "").strip():
            self.warn(f"warning: {entry.link}: page not used ({reason}): stored the feed's text instead")
            result.fallback += 1
            self.done.add(key)
            return {**entry.fields, "url": entry.link}
        result.failed += 1
        self.tries[key] = self.tries.get(key, 0) + 1
        if transient and self.tries[key] < TRIES:
            self.warn(f"warning: skipped {entry.link}: {reason}; tried again at the next poll")
            return None
        self.warn(f"warning: skipped {entry.link}: {reason}")
        self.done.add(key)
        if not transient:  # one that may pass is tried again by a later run
            self.given_up.append((key, reason))
        return None

    def _ingest(self, pending: list[Unit], total: Tally) -> None:
        """Ingest a batch, then note in the store its pages that became no article, and the pages given up."""
        if pending:
            tally = ingest(self.store, pending, warn=lambda message: self.warn(f"warning: {message}"))
            total.added += tally.added
            total.duplicates += tally.duplicates
            total.merged += tally.merged
            total.created |= tally.created
            total.updated |= tally.updated
            total.problems += tally.problems
            total.notes += tally.notes
            keys = [_key(u.origin) for u in pending]
            stored, _ = self.store.known(keys, [])
            self.given_up += [(k, "no article: a duplicate, or refused") for k in keys if k not in stored]
        if self.given_up:
            self.store.skip_pages(self.given_up, _now())
            self.given_up = []

    def _save(self, validators: dict[str, tuple[str | None, str | None]], found: list[Entry]) -> None:
        """Keep the validators of each feed whose new entries were all handled: a 304 must never hide one
        that a stop or a passing failure left out (the next poll then reads the feed whole again)."""
        handled = self._handled(_key(e.link) for e in found)
        open_feeds = {e.feed for e in found if _key(e.link) not in handled}
        for feed, (etag, modified) in validators.items():
            if feed not in open_feeds:
                self.store.save_feed_validators(feed, etag, modified, _now())


def _key(link: str) -> str:
    """A page as the store knows it."""
    return normal_url(link) or link


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def stopping(stop: Stop) -> Iterator[None]:
    """SIGINT and SIGTERM request a stop instead of killing the process; a second SIGINT interrupts at once."""

    def handler(number: int, _: object) -> None:
        if stop.requested and number == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set(signal.Signals(number).name)

    previous = {number: signal.signal(number, handler) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def watch(store: Store, feeds: Sequence[str], settings: Settings, warn: Callable[[str], None]) -> int:
    """Poll ``feeds`` every ``settings.every`` seconds (once when None) until a signal; the exit status: 1
    when a single poll (``--once``) reached none of its feeds, else 0."""
    store.watching()
    stop = Stop()
    watcher = Watcher(store, Fetcher(settings.policy, stop), warn)
    polls = added = 0
    with stopping(stop):
        while True:
            polls += 1
            result = watcher.poll(feeds)
            added += result.tally.added
            print(result.summary(polls), flush=True)
            if settings.every is None or stop.requested or stop.wait(settings.every):
                break
    if stop.requested:
        print(f"stopped on {stop.requested}: {counted(polls, 'poll')}, {counted(added, 'article')} added", flush=True)
    return 1 if settings.every is None and result.failed_feeds == len(feeds) else 0
