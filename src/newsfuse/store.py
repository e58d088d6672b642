"""Store: articles and stories in a real database, SQLite by default (``newsfuse.db``).

Every ingest batch is one ``BEGIN IMMEDIATE`` transaction: a killed process loses at most the batch in
flight, never half of one, and two writers on one file take turns (the second waits up to ``BUSY_SECONDS``).
The database URL form (``sqlite:///path``) leaves room for other engines; only SQLite is implemented.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsfuse.errors import InputError

DEFAULT_DB = "newsfuse.db"
BUSY_SECONDS = 120.0
CACHE_KIB = 256 * 1024
SCHEMA_VERSION = 2  # PRAGMA user_version of the stores this code writes; other stores are refused
CHUNK = 900  # SQL parameters per statement, well under SQLite's limit
SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file starts
SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    merged_into INTEGER REFERENCES stories(id),
    first_seen TEXT,            -- earliest publication date of its articles (ISO), NULL when none is known
    last_seen TEXT,
    created TEXT NOT NULL,      -- when newsfuse created and last changed it (UTC, ISO)
    updated TEXT NOT NULL,
    centroid TEXT NOT NULL DEFAULT '{}',  -- JSON {term: weight}: the sum of its articles' vectors
    brief TEXT,                 -- unused (read commands write nothing): kept, so that every store has one layout
    brief_articles INTEGER
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL REFERENCES stories(id),
    external_id TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,         -- cleaned text: citations point into it
    source TEXT NOT NULL,
    url TEXT UNIQUE,
    text_hash TEXT NOT NULL UNIQUE,
    published TEXT,
    author TEXT,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_merged ON stories(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE TABLE IF NOT EXISTS buckets (       -- the LSH index: which stories have an article in each bucket
    bucket INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (bucket, story)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS buckets_story ON buckets(story);
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


def sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///path`` URL (or of a plain path); InputError for other databases."""
    if "://" not in url:
        return url
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in {"sqlite", "sqlite3"}:
        raise InputError("--db", f"unsupported database {scheme!r}: this version stores in SQLite (sqlite:///PATH)")
    return rest[1:] if rest.startswith("/") else rest


def _existing(url: str, path: Path, read_only: bool) -> bool:
    """Whether the file at ``path`` has content (it may then be a store); an InputError, before anything is
    opened, for a file or folder newsfuse must not or cannot use that way."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError("--db", f"{url}: folder {str(folder)!r} does not exist")
    if not path.exists():
        if read_only:
            raise InputError("--db", f"{url}: no store there yet (newsfuse ingest creates it)")
        if not _writable(folder):
            raise InputError("--db", f"{url}: folder {str(folder)!r} is not writable: ingest creates the store there")
        return False
    if not path.is_file():
        raise InputError("--db", f"{url}: not a usable SQLite database: not a regular file")
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InputError("--db", f"{url}: cannot read it ({exc.strerror or exc})") from None
    if head and head != SQLITE_HEADER:
        raise InputError(
            "--db", f"{url}: not a usable SQLite database: it holds something else, left as it is "
            "(ingest creates a store only in a new or empty file)",
        )  # fmt: skip
    if read_only and not head:
        raise InputError("--db", f"{url}: empty file, no store there yet (newsfuse ingest creates it)")
    if not read_only and not _writable(path):
        raise InputError("--db", f"{url}: read-only file, left as it is: ingest needs to write the store")
    if not read_only and not _writable(folder):
        raise InputError("--db", f"{url}: folder {str(folder)!r} is not writable: ingest keeps its journal there")
    return bool(head)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. Reading a WAL store needs its shared-memory file beside it; in a folder
    this user cannot write, with no write-ahead log there (so no writer either), the file is read as it is."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    db = sqlite3.connect(uri, timeout=BUSY_SECONDS, isolation_level=None, uri=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK) or path.with_name(path.name + "-wal").exists():
            raise
        db.close()
        db = sqlite3.connect(uri + "&immutable=1", timeout=BUSY_SECONDS, isolation_level=None, uri=True)
    return db


def _writable(path: Path) -> bool:
    """Whether newsfuse may write there. A file or folder without any write permission bit counts as
    read-only even for root, whom ``os.access`` allows everything: a read-only mark is respected."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


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


class Store:
    """One connection to the database, with the queries the stages need."""

    def __init__(self, url: str = DEFAULT_DB, read_only: bool = False) -> None:
        """Open the store at ``url``: for reading only (it is never created nor changed then), or for writing,
        creating a store only in a file that does not exist or is empty (``created`` then says so). Anything
        else (a foreign file, another program's database, a read-only file) is refused and left as it is."""
        path = sqlite_path(url)
        self.created = False
        has_data = path != ":memory:" and _existing(url, Path(path), read_only)
        try:
            if read_only:
                self.db = _read_only(Path(path))
            else:
                self.db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # the LSH index and term counts stay in memory
            self.db.execute("PRAGMA temp_store=MEMORY")
            usable = self._version() == SCHEMA_VERSION or not (read_only or (has_data and self._holds_anything()))
            if usable and not read_only:  # only now, once it is known to be ours: WAL changes the file
                self._write_ahead_log()
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                usable = self._version() == SCHEMA_VERSION or self._create_schema()
        except sqlite3.DatabaseError as exc:
            raise InputError("--db", f"{url}: not a usable SQLite database ({exc})") from None
        if not usable:
            self.db.close()
            raise InputError(
                "--db", f"{url}: not a store of this newsfuse version, left as it is (ingest into a new file)"
            )

    def _holds_anything(self) -> bool:
        return bool(self._version() or self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])

    def _write_ahead_log(self) -> None:
        """Switch to WAL. SQLite answers "database is locked" at once, without waiting as it does for other
        statements, when two new writers switch a new file at the same moment: so wait here."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _create_schema(self) -> bool:
        """Create the tables in an empty database (under the write lock: two new writers may race here);
        False when the database holds something else."""
        with self.transaction():
            if self._version() == SCHEMA_VERSION:
                return True  # another process created it meanwhile
            if self._holds_anything():
                return False
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.created = True
        return True

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
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; taken at once for writing, so concurrent writers queue instead of conflicting."""
        self.db.execute("BEGIN IMMEDIATE")
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
            "INSERT INTO terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            counts.items(),
        )

    def bucket_members(self, buckets: Iterable[int], most: int) -> dict[int, list[int]]:
        """The ``most`` newest stories in each LSH bucket (in no particular order): an index range read per
        bucket, so the cost does not grow with the size of the store."""
        rows = self.db.execute(
            "SELECT wanted.value, (SELECT group_concat(story) FROM (SELECT story FROM buckets WHERE bucket ="
            " wanted.value ORDER BY story DESC LIMIT ?)) FROM json_each(?) AS wanted",
            (most, json.dumps(sorted(set(buckets)))),
        )
        return {bucket: list(map(int, found.split(","))) if found else [] for bucket, found in rows}

    def profiles(self, stories: Sequence[int]) -> dict[int, tuple[dict[str, float], str | None, str | None]]:
        """(centroid, first_seen, last_seen) of stories."""
        rows = self._in("SELECT id, centroid, first_seen, last_seen FROM stories WHERE id IN ({})", list(stories))
        return {row[0]: (json.loads(row[1]), row[2], row[3]) for row in rows}

    def new_story(self, now: str) -> int:
        cursor = self.db.execute("INSERT INTO stories(created, updated) VALUES (?, ?)", (now, now))
        return int(cursor.lastrowid or 0)

    def add_article(self, story: int, row: Mapping[str, Any]) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles(story, external_id, title, text, source, url, text_hash, published, author, added)"
            " VALUES (:story, :external_id, :title, :text, :source, :url, :text_hash, :published, :author, :added)",
            {**row, "story": story},
        )
        return int(cursor.lastrowid or 0)

    def add_buckets(self, rows: Iterable[tuple[int, int]]) -> None:
        """(bucket, story) rows of the LSH index."""
        self.db.executemany("INSERT OR IGNORE INTO buckets VALUES (?, ?)", rows)

    def save_story(
        self, story: int, centroid: Mapping[str, float], first: str | None, last: str | None, now: str
    ) -> None:
        self.db.execute(
            "UPDATE stories SET centroid = ?, first_seen = ?, last_seen = ?, updated = ? WHERE id = ?",
            (json.dumps(centroid, separators=(",", ":")), first, last, now, story),
        )

    def merge(self, into: int, other: int) -> None:
        """Fold a story into an older one; its id stays valid and leads to the older one."""
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (into, other))
        self.db.execute("UPDATE OR IGNORE buckets SET story = ? WHERE story = ?", (into, other))
        self.db.execute("DELETE FROM buckets WHERE story = ?", (other,))
        self.db.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ? OR id = ?", (into, other, other))

    # --- reading --------------------------------------------------------------------------------
    def resolve(self, story: int) -> int | None:
        """The story an id now stands for (following merges); None when there is no such story."""
        row = self.db.execute("SELECT id, merged_into FROM stories WHERE id = ?", (story,)).fetchone()
        if row is None:
            return None
        return row[1] if row[1] is not None else row[0]

    def stories(self, since: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Live stories, most recently updated first, with their article counts."""
        rows = self.db.execute(
            "SELECT s.id, s.first_seen, s.last_seen, s.created, s.updated, count(a.id) FROM stories s"
            " JOIN articles a ON a.story = s.id WHERE s.merged_into IS NULL AND (? IS NULL OR s.updated >= ?)"
            " GROUP BY s.id ORDER BY s.updated DESC, s.id DESC LIMIT ?",
            (since, since, -1 if limit is None else limit),
        )
        keys = ("id", "first_seen", "last_seen", "created", "updated", "articles")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def articles_of(self, story: int) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT id, story, external_id, title, text, source, url, published, author, added FROM articles"
            " WHERE story = ? ORDER BY coalesce(published, added), id",
            (story,),
        )
        return [StoredArticle(*row) for row in rows]
