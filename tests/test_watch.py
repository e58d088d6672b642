"""``newsfuse watch`` as a user runs it, against real feed and page servers on loopback: conditional GETs,
pages fetched once (also across runs), a per-host pause, a slow page, 500s, a huge page, a redirect loop,
feed lists and OPML, a stop by SIGTERM, and bad arguments."""

from __future__ import annotations

import html
import itertools
import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.stream import article

Route = Callable[[BaseHTTPRequestHandler], None]
HUGE = 64 * 2**20


@dataclass
class Site:
    """Feeds and pages on a loopback server that records each request (path, headers, time) and each page
    it finished sending."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    statuses: list[tuple[str, int]] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    sent: Counter[str] = field(default_factory=Counter)

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.requests if p == path)

    def page(self, path: str, number: int, pause: float = 0.0) -> str:
        """An article page (event ``number``), answered after ``pause`` seconds."""
        record = article(number, 0)
        paragraphs = "".join(f"<p>{html.escape(s)}.</p>" for s in record["text"].rstrip(".").split(". "))
        body = (
            f"<!DOCTYPE html><html><head><title>{record['title']}</title>"
            '<meta property="og:site_name" content="Loopback Ledger"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{record['title']}</h1>{paragraphs}</article></body></html>"
        ).encode()

        def route(handler: BaseHTTPRequestHandler) -> None:
            time.sleep(pause)
            if self.reply(handler, 200, body, {"Content-Type": "text/html; charset=utf-8"}):
                self.served.append(path)

        self.routes[path] = route
        return self.base + path

    def feed(self, path: str, items: list[tuple[str, str, str]], etag: str) -> str:
        """An RSS feed of (title, link, description) items with an ETag and a Last-Modified: a request
        that sends them back gets 304."""
        modified = "Tue, 03 Nov 2026 09:00:00 GMT"
        entries = "".join(
            f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><guid>{html.escape(link)}</guid>"
            f"<description>{html.escape(d)}</description></item>"
            for t, link, d in items
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Feed</title>{entries}</channel></rss>'

        def route(handler: BaseHTTPRequestHandler) -> None:
            asked = handler.headers.get("If-None-Match")  # takes precedence over If-Modified-Since (RFC 9110)
            if asked == etag or (asked is None and handler.headers.get("If-Modified-Since") == modified):
                self.reply(handler, 304, b"", {"ETag": etag})
                return
            headers = {"Content-Type": "application/rss+xml", "ETag": etag, "Last-Modified": modified}
            self.reply(handler, 200, body.encode(), headers)

        self.routes[path] = route
        return self.base + path

    def reply(self, handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> bool:
        """Answer; whether the whole answer was sent (a client that timed out has gone)."""
        self.statuses.append((handler.path, status))
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            if status != 304:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
        except OSError:
            return False
        return True

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers.items()), time.monotonic()))
                site.routes.get(self.path, lambda h: site.reply(h, 404, b"not here", {}))(self)

            def log_message(self, *_: object) -> None:
                pass

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def stored(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT url, text FROM articles"))


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsfuse: warning:")]


def test_conditional_gets_and_no_page_fetched_twice_across_runs(site: Site, tmp_path: Path) -> None:
    one, two = site.page("/a/1", 1), site.page("/a/2", 2)
    feed = site.feed("/news.rss", [("One", one, ""), ("Two", two, "")], etag='"v1"')
    listed = tmp_path / "feeds.txt"
    listed.write_text(f"# my feeds\n\n  {feed}  \n# {site.base}/commented-out.rss\n")
    db = tmp_path / "news.db"
    first = run_cli("watch", str(listed), "--db", str(db), "--once", "--delay", "0.3")
    assert first.returncode == 0, first.stderr
    assert "1 feed (0 unchanged, 0 failed), 2 new pages: 2 fetched" in first.stdout
    assert "2 articles added" in first.stdout and not warnings(first.stderr)
    assert set(stored(db)) == {one, two} and site.hits("/commented-out.rss") == 0
    assert all("newsfuse/" in headers["User-Agent"] for _, headers, _ in site.requests)
    starts = [when for _, _, when in site.requests]
    assert all(b - a >= 0.25 for a, b in itertools.pairwise(starts))  # the pause per host

    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="Loop" type="rss" '
                    f'xmlUrl="{html.escape(feed)}"/></body></opml>')  # fmt: skip
    second = run_cli("watch", str(opml), "--db", str(db), "--once", "--delay", "0.01")
    assert second.returncode == 0, second.stderr
    _, sent, _ = site.requests[-1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == "Tue, 03 Nov 2026 09:00:00 GMT"
    assert site.statuses[-1] == ("/news.rss", 304) and "1 feed (1 unchanged" in second.stdout
    assert "0 new pages" in second.stdout and len(site.requests) == 4

    three, copy = site.page("/a/3", 3), site.page("/a/copy", 1)  # the copy: page one's text at another URL
    site.feed("/news.rss", [("Three", three, ""), ("Copy", copy, ""), ("One", one, ""), ("Two", two, "")], '"v2"')
    third = run_cli("watch", feed, "--db", str(db), "--once", "--delay", "0.01")
    assert third.returncode == 0, third.stderr
    assert site.statuses[-3] == ("/news.rss", 200) and "2 new pages: 2 fetched" in third.stdout
    assert "1 article added, 1 duplicate skipped" in third.stdout
    site.feed("/news.rss", [("Copy", copy, ""), ("One", one, ""), ("Two", two, ""), ("Three", three, "")], '"v3"')
    fourth = run_cli("watch", feed, "--db", str(db), "--once", "--delay", "0.01")
    assert site.statuses[-1] == ("/news.rss", 200) and "0 new pages" in fourth.stdout
    assert [site.hits(f"/a/{n}") for n in ("1", "2", "3", "copy")] == [1, 1, 1, 1]  # never a page twice
    assert set(stored(db)) == {one, two, three}


def test_slow_failing_huge_and_looping_pages_are_one_line_each(site: Site, tmp_path: Path) -> None:
    good = site.page("/ok", 4)
    slow = site.page("/slow", 5, pause=3.0)

    def failing(handler: BaseHTTPRequestHandler) -> None:
        site.reply(handler, 500, b"oops", {"Content-Type": "text/html"})

    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: only reading tells the size
        block = b"<p>" + b"x" * 65530 + b"</p>\n"
        try:
            while site.sent["/huge"] < HUGE:
                handler.wfile.write(block)
                site.sent["/huge"] += len(block)
        except OSError:
            pass

    def loop(target: str) -> Route:
        return lambda handler: site.reply(handler, 302, b"", {"Location": target})

    site.routes |= {"/500": failing, "/huge": huge, "/loop-a": loop("/loop-b"), "/loop-b": loop("/loop-a")}
    summary = "A spokesman for the Loopback Ledger said the report would be published in full on Friday morning."
    items = [(n, site.base + path, "") for n, path in [("500", "/500"), ("Huge", "/huge"), ("Loop", "/loop-a")]]
    items += [("Good", good, ""), ("Slow", slow, ""), ("Gone", site.base + "/gone", summary)]
    feed = site.feed("/bad.rss", items, etag='"b1"')
    db = tmp_path / "news.db"
    done = run_cli("watch", feed, site.base + "/missing.rss", "--db", str(db), "--once", "--delay", "0.01",
                   "--timeout", "1", "--retries", "1", "--max-page", "100KB")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = warnings(done.stderr)
    assert len(lines) == 6, lines
    for path, reason in [("/500", "HTTP 500 Internal Server Error (2 tries)"), ("/huge", "over the limit of 102,400"),
                         ("/loop-a", "redirect loop"), ("/slow", "timed out after 1 s (2 tries)"),
                         ("/gone", "HTTP 404 Not Found"), ("/missing.rss", "HTTP 404")]:  # fmt: skip
        [line] = [line for line in lines if f"{site.base}{path}" in line]
        assert reason in line, line
    assert (site.hits("/500"), site.hits("/slow")) == (2, 2)  # retried once, then given up
    assert 0 < site.sent["/huge"] < HUGE // 4  # the download stopped early
    assert site.hits("/loop-a") + site.hits("/loop-b") <= 3
    articles = stored(db)
    assert set(articles) == {good, site.base + "/gone"} and articles[site.base + "/gone"] == summary
    assert "2 feeds (0 unchanged, 1 failed), 6 new pages: 1 fetched, 1 from the feed's text, 4 failed" in done.stdout
    with sqlite3.connect(db) as connection:  # two pages may pass: the next poll must read the feed whole again
        assert connection.execute("SELECT count(*) FROM feeds").fetchone()[0] == 0
        given_up = {url for (url,) in connection.execute("SELECT url FROM pages")}
    assert given_up == {site.base + "/huge", site.base + "/loop-a"}  # never fetched again; /500 and /slow are


def test_sigterm_stops_after_the_page_in_flight_and_keeps_what_was_fetched(site: Site, tmp_path: Path) -> None:
    pages = [site.page(f"/p/{n}", 10 + n, pause=0.4) for n in range(10)]
    feed = site.feed("/slowly.rss", [(f"Page {n}", page, "") for n, page in enumerate(pages)], etag='"s1"')
    db = tmp_path / "news.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "watch", feed, "--db", str(db), "--every", "10m", "--delay", "0.01"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while len(site.served) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "stopped on SIGTERM: 1 poll" in out and "Traceback" not in err
    kept = stored(db)
    assert 3 <= len(kept) < len(pages)
    assert set(kept) == {site.base + path for path in site.served}  # every page fetched is stored
    with sqlite3.connect(db) as connection:  # entries were left: no validator may hide them behind a 304
        assert connection.execute("SELECT count(*) FROM feeds").fetchone()[0] == 0


def test_a_run_that_reaches_no_feed_exits_1_on_a_store_older_than_watch(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert run_cli("watch", site.base + "/nothing.rss", "--db", str(db), "--once").returncode == 1
    with sqlite3.connect(db) as connection:  # as a store made before watch existed
        connection.executescript("DROP TABLE feeds; DROP TABLE pages")
    done = run_cli("watch", site.base + "/nothing.rss", "--db", str(db), "--once")
    assert done.returncode == 1
    assert warnings(done.stderr) == [f"newsfuse: warning: skipped feed {site.base}/nothing.rss: HTTP 404 Not Found"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM feeds").fetchone()[0] == 0  # made again


def test_what_is_no_feed_fails_once_and_entries_with_nothing_to_fetch_are_said(site: Site, tmp_path: Path) -> None:
    def answer(body: bytes, kind: str) -> Callable[[BaseHTTPRequestHandler], None]:
        return lambda handler: site.reply(handler, 200, body, {"Content-Type": kind})

    site.routes["/page.html"] = answer(b"<!DOCTYPE html><html><body><p>Welcome</p></body></html>", "text/html")
    site.routes["/other.xml"] = answer(b"<foo><bar>x</bar></foo>", "application/xml")
    site.routes["/text"] = answer(b"just some text", "text/plain")
    unlinked = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Feed</title>'
        "<item><title>Dam holds</title><description>The dam held overnight.</description></item>"
        "<item><title>Bad link</title><link>javascript:alert(1)</link><description>x</description></item>"
        "</channel></rss>"
    )
    site.routes["/unlinked.rss"] = answer(unlinked.encode(), "application/rss+xml")
    feeds = [site.base + p for p in ("/page.html", "/other.xml", "/text", "/unlinked.rss")]
    done = run_cli("watch", *feeds, "--db", str(tmp_path / "news.db"), "--once")
    assert "4 feeds (0 unchanged, 3 failed)" in done.stdout, done.stdout  # each counted once
    said = warnings(done.stderr)
    assert sum("skipped feed" in line for line in said) == 3, said
    assert any(line.endswith("/other.xml: not an RSS or Atom feed (no <rss>, <feed> or RDF channel)") for line in said)
    assert any("/unlinked.rss: 2 entries with no http(s) link skipped ('Dam holds'" in line for line in said)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example.com/feed.rss"], "ftp://example.com/feed.rss: only http and https URLs are fetched, not ftp"),
        (["no-such-list.txt"], "no-such-list.txt: no such file"),
        (["LIST"], "LIST:2: file:///etc/passwd: only http and https URLs are fetched, not file"),
        (["http://example.com/feed", "--every", "5s"], "--every: at least 10s between polls, got 5s"),
        (["http://example.com/feed", "--every", "soon"], "--every: expected a duration such as 30s, 10m or 1h"),
        (["http://example.com/feed", "--max-page", "lots"], "--max-page: expected a size"),
        (["http://example.com/feed", "--retries", "9"], "--retries: must be from 0 to 5, got 9"),
    ],
)
def test_bad_arguments_are_one_line_exit_2_and_create_no_store(args: list[str], message: str, tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("https://example.com/ok.rss\nfile:///etc/passwd\n")
    db = tmp_path / "news.db"
    done = run_cli("watch", *[str(listed) if a == "LIST" else a for a in args], "--db", str(db), "--once")
    [line] = done.stderr.splitlines()
    assert done.returncode == 2 and line.startswith(f"newsfuse: error: {message.replace('LIST', str(listed))}")
    assert not db.exists()


def test_the_pure_parts() -> None:
    from newsfuse.fetch import http_url
    from newsfuse.watch import Entry, by_host, interval, page_text

    assert (interval("30s"), interval("10m"), interval("1h"), interval("1.5m")) == (30, 600, 3600, 90)
    latin = "<p>Caf\u00e9 owners in Montr\u00e9al</p>".encode("latin-1")
    assert "Caf\u00e9" in page_text(latin, "text/html; charset=ISO-8859-1")
    assert "Caf\u00e9" in page_text(b'<meta charset="windows-1252">' + latin, "text/html")
    assert "\ufffd" in page_text(latin, "text/html")  # undeclared: UTF-8, a bad byte shown as such
    links = ["http://a.test/1", "http://a.test/2", "http://a.test/3", "http://b.test/1", "https://c.test/1"]
    order = [e.link for e in by_host([Entry(link, "feed", {}) for link in links])]
    assert order == ["http://a.test/1", "http://b.test/1", "https://c.test/1", "http://a.test/2", "http://a.test/3"]
    assert http_url("https://example.com/feed") is None
    assert "not a valid URL" in (http_url("http://example.com:port/") or "")
    assert "not javascript" in (http_url("javascript:alert(1)") or "")


def test_watch_on_a_postgresql_store_fetches_each_page_once(site: Site, postgres: str) -> None:
    from tests.postgres import new_database

    one, two = site.page("/p/1", 1), site.page("/p/2", 2)
    feed = site.feed("/pg.rss", [("One", one, ""), ("Two", two, "")], etag='"p1"')
    url = new_database(postgres)
    first = run_cli("watch", feed, "--db", url, "--once", "--delay", "0.01")
    assert first.returncode == 0 and "2 articles added" in first.stdout, first.stderr
    again = run_cli("watch", feed, "--db", url, "--once", "--delay", "0.01")  # the feed's validators were kept
    assert again.returncode == 0, again.stderr
    assert [site.hits("/p/1"), site.hits("/p/2")] == [1, 1] and site.statuses[-1] == ("/pg.rss", 304)
    listed = run_cli("stories", "--db", url, "--output", "json")
    assert sum(s["articles"] for s in json.loads(listed.stdout)) == 2


def test_every_with_once_is_said_to_have_no_effect(site: Site, tmp_path: Path) -> None:
    done = run_cli("watch", site.base + "/nothing.rss", "--db", str(tmp_path / "news.db"), "--once", "--every", "30s")
    assert "newsfuse: warning: --every has no effect with --once (one poll, then exit)" in warnings(done.stderr)


def test_a_feed_list_takes_comments_after_a_url(tmp_path: Path) -> None:
    from newsfuse.watch import feed_urls

    listed = tmp_path / "feeds.txt"
    listed.write_text("# the desk's feeds\nhttps://a.test/feed.rss   # main\nhttps://b.test/x#top\n")
    assert feed_urls([str(listed)]) == ["https://a.test/feed.rss", "https://b.test/x#top"]


def test_a_page_linked_again_with_tracking_or_through_a_redirect_is_not_stored_twice(
    site: Site, tmp_path: Path
) -> None:
    one = site.page("/a/1", 1)
    db = tmp_path / "news.db"
    assert (
        run_cli("watch", site.feed("/news.rss", [("One", one, "")], '"v1"'), "--db", str(db), "--once").returncode == 0
    )
    site.routes["/go/1"] = lambda handler: site.reply(handler, 301, b"", {"Location": one})  # an aggregator's link
    again = site.feed("/again.rss", [("Tracked", f"{one}?utm_source=rss", ""), ("Via", f"{site.base}/go/1", "")], '"v"')
    done = run_cli("watch", again, "--db", str(db), "--once", "--delay", "0.01")
    assert done.returncode == 0, done.stderr
    assert "0 articles added" in done.stdout and site.hits("/a/1?utm_source=rss") == 0
    assert list(stored(db)) == [one]  # one page, one article: not two outlets reporting it
