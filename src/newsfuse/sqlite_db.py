"""The SQLite back end of the store: a file of its own, WAL, one writer at a time (the default).

Every ingest batch is one ``BEGIN IMMEDIATE`` transaction: a killed process loses at most the batch in
flight, never half of one, and two writers on one file take turns (the second waits up to ``BUSY_SECONDS``).
A file is only ever made a store when it does not exist or is empty; reading opens it read-only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsfuse.errors import InputError

BUSY_SECONDS = 120.0
CACHE_KIB = 256 * 1024
SCHEMA_VERSION = 3  # PRAGMA user_version of the stores this code writes; other stores are refused, but for
# those of an earlier layout that a writer brings up to this one (a reader reads them as they are)
UPGRADES = {2: ("ALTER TABLE articles ADD COLUMN place TEXT",)}  # version → the statements that bring it to this one
MADE_WHEN_NEEDED = frozenset({"feeds", "pages"})  # watch's tables, which a store made before watch lacks
# what a store of version 2 must hold to be upgraded
EARLIER_LAYOUT = {
    "stories": frozenset({"id"}),
    "articles": frozenset({"id", "url", "story"}),
    "buckets": frozenset({"bucket", "story"}),
    "terms": frozenset({"term", "df"}),
}
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
    added TEXT NOT NULL,
    place TEXT                  -- the place its dateline names: what its "here" means
);
CREATE INDEX IF NOT EXISTS stories_merged ON stories(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE TABLE IF NOT EXISTS buckets (       -- the LSH index: which stories have an article in each bucket
    bucket INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (bucket, story)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS buckets_story ON buckets(story);
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feeds (         -- newsfuse watch: each feed's validators for conditional GETs
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (         -- newsfuse watch: pages fetched (or given up) that are no article
    url TEXT PRIMARY KEY, outcome TEXT NOT NULL, checked TEXT NOT NULL
);
"""


def sqlite_path(url: str) -> str:
    """The file of a ``sqlite:///path`` URL (or of a plain path); InputError for other databases."""
    if "://" not in url:
        return url
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in {"sqlite", "sqlite3"}:
        raise InputError("--db", f"unsupported database {scheme!r}: use sqlite:///PATH or postgresql://…")
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


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


class SqliteDatabase:
    """One connection to a store file; ``created`` when this connection made the store."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(self, url: str, read_only: bool = False) -> None:
        path = sqlite_path(url)
        self.created = False
        has_data = path != ":memory:" and _existing(url, Path(path), read_only)
        try:
            if read_only:
                self.connection = _read_only(Path(path))
            else:
                self.connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
            self.connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # the LSH index and term counts stay in memory
            self.connection.execute("PRAGMA temp_store=MEMORY")
            # lower() as Python's (SQLite's folds ASCII only), so that a title search finds "Élection" as
            # PostgreSQL does
            self.connection.create_function("lower", 1, _lower, deterministic=True)
            readable = self._version() in (SCHEMA_VERSION, *UPGRADES) and self._laid_out()
            usable = readable or not (read_only or (has_data and self._holds_anything()))
            if usable and not read_only:  # only now, once it is known to be ours: WAL changes the file
                self._write_ahead_log()
                self.connection.execute("PRAGMA synchronous=NORMAL")
                self.connection.execute("PRAGMA foreign_keys=ON")
                usable = self._version() == SCHEMA_VERSION or self._create_schema()
        except sqlite3.DatabaseError as exc:
            raise InputError("--db", f"{url}: not a usable SQLite database ({exc})") from None
        if not usable:
            self.connection.close()
            raise InputError(
                "--db", f"{url}: not a store of this newsfuse version, left as it is (ingest into a new file)"
            )
        self.keeps_places = self._version() == SCHEMA_VERSION  # a store read as it is may be of an earlier layout

    def _laid_out(self) -> bool:
        """Whether the tables and columns of a store of its version are there: another program's database may
        carry the same ``user_version`` (2 and 3 are common), and must be left as it is."""
        tables = _layout() if self._version() == SCHEMA_VERSION else EARLIER_LAYOUT
        for table, columns in tables.items():
            if table in MADE_WHEN_NEEDED:
                continue
            found = {row[1] for row in self.connection.execute("SELECT * FROM pragma_table_info(?)", (table,))}
            if not columns <= found:
                return False
        return True

    def _holds_anything(self) -> bool:
        return bool(self._version() or self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])

    def _write_ahead_log(self) -> None:
        """Switch to WAL. SQLite answers "database is locked" at once, without waiting as it does for other
        statements, when two new writers switch a new file at the same moment: so wait here."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def _create_schema(self) -> bool:
        """Create the tables in an empty database, or bring a store of an earlier layout up to this one (under
        the write lock: two new writers may race here); False when the database holds something else."""
        self.begin_write()
        try:
            if self._version() == SCHEMA_VERSION:
                self.connection.execute("COMMIT")
                return True  # another process created it meanwhile
            if (version := self._version()) in UPGRADES:  # a store of an earlier layout: brought up to this one
                for statement in UPGRADES[version]:
                    self.connection.execute(statement)
                self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self.connection.execute("COMMIT")
                return True
            if self._holds_anything():
                self.connection.execute("ROLLBACK")
                return False
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.connection.execute(statement)
            self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        self.created = True
        return True

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def begin_write(self) -> None:
        """Taken at once for writing, so concurrent writers queue instead of conflicting."""
        self.connection.execute("BEGIN IMMEDIATE")

    def begin_read(self) -> None:
        self.connection.execute("BEGIN")

    def bucket_members(self, buckets: Sequence[int], most: int) -> dict[int, list[int]]:
        """The ``most`` newest stories in each LSH bucket that has any: an index range read per bucket."""
        rows = self.connection.execute(
            "SELECT bucket, found FROM (SELECT wanted.value AS bucket, (SELECT group_concat(story) FROM (SELECT story"
            " FROM buckets WHERE bucket = wanted.value ORDER BY story DESC LIMIT ?)) AS found FROM json_each(?) AS"
            " wanted) WHERE found IS NOT NULL",
            (most, json.dumps(sorted(set(buckets)))),
        )  # most buckets of a batch are new and empty: they never reach Python
        return {bucket: list(map(int, found.split(","))) for bucket, found in rows}

    def close(self) -> None:
        self.connection.close()


@cache
def _layout() -> dict[str, frozenset[str]]:
    """Every table of this version's ``SCHEMA`` and its columns, read from the schema itself."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(SCHEMA)
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            name: frozenset(row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (name,)))
            for name in names
        }
    finally:
        connection.close()
