"""Store: articles and stories in a real database: SQLite by default (``newsfuse.db``), PostgreSQL for a
store a team shares (``--db postgresql://user@host/db``).

The queries the stages need are written once, here; each back end (``sqlite_db``, ``postgres_db``) opens its
database, keeps its guarantees (an ingest batch is one transaction, writers take turns, a reader sees one
snapshot, reading never creates or changes anything) and runs them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from newsfuse.errors import InputError
from newsfuse.postgres_db import PostgresDatabase, is_postgres
from newsfuse.sqlite_db import SqliteDatabase

DEFAULT_DB = "newsfuse.db"
WATCH_TABLES = (  # as in both back ends' schemas: what ``watch`` keeps besides articles
    "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, outcome TEXT NOT NULL, checked TEXT NOT NULL)",
)
CHUNK = 900  # SQL parameters per statement, well under SQLite's limit


@dataclass(frozen=True)
class StoredArticle:
    id: int
    story: int
    external_id: str
    title: str
    text: str
    source: str
    url: str | None
    published: str | None
    author: str | None
    added: str
    place: str | None = None  # the place its dateline names


class Store:
    """One connection to the database, with the queries the stages need."""

    def __init__(self, url: str | os.PathLike[str] = DEFAULT_DB, read_only: bool = False) -> None:
        """Open the store at ``url`` (a path, ``sqlite:///path`` or ``postgresql://…``): for reading only (it
        is never created nor changed then), or for writing, creating a store only where there is none and
        nothing else (``created`` then says so). Anything else is refused and left as it is."""
        if isinstance(url, os.PathLike):
            url = os.fspath(url)
        if not isinstance(url, str) or not url:
            raise InputError("--db", f"expected a path or a database URL, not {url!r}")
        self.db = PostgresDatabase(url, read_only) if is_postgres(url) else SqliteDatabase(url, read_only)
        self.created = self.db.created
        self.errors = self.db.errors  # what the database raises when the machine, not the input, fails

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every query in it sees the store as it was at the first one, whatever a
        writer commits meanwhile (WAL lets readers and a writer go on together)."""
        self.db.begin_read()
        try:
            yield
        finally:
            with suppress(*self.errors):  # a connection cut mid-statement: what stopped it is the news
                self.db.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; taken at once for writing, so concurrent writers queue instead of conflicting."""
        self.db.begin_write()
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _in(self, sql: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Run ``sql`` with ``{}`` replaced by a list of placeholders, in chunks."""
        for start in range(0, len(values), CHUNK):
            chunk = values[start : start + CHUNK]
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    # --- ingest ---------------------------------------------------------------------------------
    def known(self, urls: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these URLs and text hashes are stored already."""
        stored_urls = {row[0] for row in self._in("SELECT url FROM articles WHERE url IN ({})", list(urls))}
        stored = {row[0] for row in self._in("SELECT text_hash FROM articles WHERE text_hash IN ({})", list(hashes))}
        return stored_urls, stored

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        return dict(self._in("SELECT term, df FROM terms WHERE term IN ({})", list(terms)))

    def add_document_frequencies(self, counts: Mapping[str, int]) -> None:
        self.db.executemany(
            "INSERT INTO terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = terms.df + excluded.df",
            counts.items(),
        )

    def bucket_members(self, buckets: Iterable[int], most: int) -> dict[int, list[int]]:
        """The ``most`` newest stories in each LSH bucket (in no particular order), for the buckets that have any:
        an index range read per bucket, so the cost does not grow with the size of the store."""
        return self.db.bucket_members(list(buckets), most)

    def profiles(self, stories: Sequence[int]) -> dict[int, tuple[dict[str, float], str | None, str | None]]:
        """(centroid, first_seen, last_seen) of stories."""
        rows = self._in("SELECT id, centroid, first_seen, last_seen FROM stories WHERE id IN ({})", list(stories))
        return {row[0]: (json.loads(row[1]), row[2], row[3]) for row in rows}

    def new_story(self, now: str) -> int:
        return int(
            self.db.execute("INSERT INTO stories(created, updated) VALUES (?, ?) RETURNING id", (now, now)).fetchone()[
                0
            ]
        )

    def add_articles(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Articles (with their ``story``), in this order: ids are given in it."""
        self.db.executemany(
            "INSERT INTO articles(story, external_id, title, text, source, url, text_hash, published, author, added, "
            "place) VALUES (:story, :external_id, :title, :text, :source, :url, :text_hash, :published, :author, "
            ":added, :place)",
            rows,
        )

    def add_buckets(self, rows: Iterable[tuple[int, int]]) -> None:
        """(bucket, story) rows of the LSH index."""
        self.db.executemany("INSERT INTO buckets VALUES (?, ?) ON CONFLICT DO NOTHING", rows)

    def save_stories(self, rows: Iterable[tuple[int, Mapping[str, float], str | None, str | None]], now: str) -> None:
        """(story, centroid, first seen, last seen) of stories changed at ``now``."""
        self.db.executemany(
            "UPDATE stories SET centroid = ?, first_seen = ?, last_seen = ?, updated = ? WHERE id = ?",
            (
                (json.dumps(centroid, separators=(",", ":")), first, last, now, story)
                for story, centroid, first, last in rows
            ),
        )

    def merge(self, into: int, other: int) -> None:
        """Fold a story into an older one; its id stays valid and leads to the older one."""
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (into, other))
        self.db.execute(
            "INSERT INTO buckets SELECT bucket, ? FROM buckets WHERE story = ? ON CONFLICT DO NOTHING", (into, other)
        )
        self.db.execute("DELETE FROM buckets WHERE story = ?", (other,))
        self.db.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ? OR id = ?", (into, other, other))

    # --- feeds (newsfuse watch) ------------------------------------------------------------------
    def watching(self) -> None:
        """Make sure ``watch``'s tables are there: stores made before it existed lack them (under the writers'
        lock, as two watchers may open one store at once)."""
        with self.transaction():
            for statement in WATCH_TABLES:
                self.db.execute(statement)

    def feed_validators(self, feed: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of a feed's last response whose entries were all handled."""
        row = self.db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_validators(self, feed: str, etag: str | None, last_modified: str | None, now: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO feeds(url, etag, last_modified, checked) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE"
                " SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked",
                (feed, etag, last_modified, now),
            )

    def skipped_pages(self, urls: Sequence[str]) -> set[str]:
        """Which of these pages were fetched (or given up for good) without becoming an article."""
        return {row[0] for row in self._in("SELECT url FROM pages WHERE url IN ({})", list(urls))}

    def skip_pages(self, rows: Iterable[tuple[str, str]], now: str) -> None:
        """(page URL, why it is no article): a duplicate, an article refused, a page that cannot be had."""
        with self.transaction():
            self.db.executemany(
                "INSERT INTO pages(url, outcome, checked) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
                [(url, outcome, now) for url, outcome in rows],
            )

    # --- reading --------------------------------------------------------------------------------
    def resolve(self, story: int) -> int | None:
        """The story an id now stands for (following merges); None when there is no such story."""
        row = self.db.execute("SELECT id, merged_into FROM stories WHERE id = ?", (story,)).fetchone()
        if row is None:
            return None
        return row[1] if row[1] is not None else row[0]

    def stories(
        self, since: str | None = None, limit: int | None = None, offset: int = 0, text: str | None = None
    ) -> list[dict[str, Any]]:
        """Live stories, most recently updated first, with their article counts; ``text``: only those with an
        article whose title contains it (any case)."""
        where, values = self._live(since, text)
        rows = self.db.execute(
            f"SELECT s.id, s.first_seen, s.last_seen, s.created, s.updated FROM stories s WHERE {where}"
            " ORDER BY s.updated DESC, s.id DESC LIMIT ? OFFSET ?",
            (*values, 2**62 if limit is None else limit, offset),
        ).fetchall()  # the page first, then its article counts: no join over the whole store
        counts = dict(
            self._in("SELECT story, count(*) FROM articles WHERE story IN ({}) GROUP BY story", [r[0] for r in rows])
        )
        keys = ("id", "first_seen", "last_seen", "created", "updated", "articles")
        return [dict(zip(keys, (*row, counts.get(row[0], 0)), strict=True)) for row in rows if row[0] in counts]

    def story_count(self, since: str | None = None, text: str | None = None) -> int:
        where, values = self._live(since, text)
        return int(self.db.execute(f"SELECT count(*) FROM stories s WHERE {where}", values).fetchone()[0])

    @staticmethod
    def _live(since: str | None, text: str | None) -> tuple[str, tuple[Any, ...]]:
        """The WHERE clause of live stories updated since ``since`` with ``text`` in a title."""
        escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") if text else None
        pattern = f"%{escaped}%" if escaped else None
        where = (
            "s.merged_into IS NULL AND (CAST(? AS TEXT) IS NULL OR s.updated >= ?) AND (CAST(? AS TEXT) IS NULL"
            " OR EXISTS (SELECT 1 FROM articles t WHERE t.story = s.id AND lower(t.title) LIKE ? ESCAPE '\\'))"
        )
        return where, (since, since, pattern, pattern)

    def articles_of(self, story: int) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT id, story, external_id, title, text, source, url, published, author, added, "
            + ("place" if self.db.keeps_places else "NULL")
            + " FROM articles WHERE story = ? ORDER BY coalesce(published, added), id",
            (story,),
        )
        return [StoredArticle(*row) for row in rows]
