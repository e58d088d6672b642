"""What ``newsfuse`` does to the file ``--db`` names, and reading while another process writes.

Reading (``stories``, ``story``) never creates or changes a file; ``ingest`` creates a store only in a file
that does not exist or is empty, says so, and leaves anything else byte for byte as it was. A reader sees one
snapshot of the store, whatever a concurrent ``ingest`` commits meanwhile.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsfuse.cluster import text_hash
from tests.conftest import EXAMPLE, ROOT, run_cli
from tests.stream import article


def one_line_error(done: subprocess.CompletedProcess[str], *parts: str) -> str:
    """The single stderr line of a failed command, checked to name every part."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert all(part in lines[0] for part in parts), lines[0]
    return lines[0]


def foreign_files(folder: Path) -> dict[Path, bytes]:
    """Files that are no newsfuse store: empty, one byte, text, another program's SQLite database."""
    other = folder / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.close()
    # and two that carry a store's user_version (many programs set one): another layout all the same
    for version, table in ((2, "articles (id INTEGER PRIMARY KEY, headline TEXT)"), (3, "notes (body TEXT)")):
        with sqlite3.connect(folder / f"other{version}.db") as connection:
            connection.execute(f"CREATE TABLE {table}")
            connection.execute(f"PRAGMA user_version = {version}")
        connection.close()
    files = {folder / "empty.db": b"", folder / "tiny.db": b"x", folder / "notes.db": b"my notes\n" * 50}
    for path, content in files.items():
        path.write_bytes(content)
    versioned = {folder / f"other{v}.db": (folder / f"other{v}.db").read_bytes() for v in (2, 3)}
    return {**files, other: other.read_bytes(), **versioned}


def test_read_commands_never_create_or_change_a_file(tmp_path: Path) -> None:
    for path, content in foreign_files(tmp_path).items():
        for command in (["stories"], ["story", "1"]):
            one_line_error(run_cli(*command, "--db", str(path)), str(path))
            assert path.read_bytes() == content, path
    missing = tmp_path / "missing.db"
    one_line_error(run_cli("stories", "--db", str(missing)), str(missing), "no store there yet")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "empty.db", "notes.db", "other.db", "other2.db", "other3.db", "tiny.db"
    ]  # fmt: skip


def test_reading_a_store_changes_no_byte_of_it(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(EXAMPLE), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    for command in (
        ["stories"],
        ["stories", "--output", "json"],
        ["story", "1"],
        ["story", "1", "--since", "2026-11-04"],
    ):
        done = run_cli(*command, "--db", str(db))
        assert done.returncode == 0 and "Marlow Creek" in done.stdout, done.stderr
    assert db.read_bytes() == before


def test_ingest_creates_a_store_only_in_a_new_or_empty_file_and_says_so(tmp_path: Path) -> None:
    for db in (tmp_path / "new.db", tmp_path / "empty.db"):
        if db.name == "empty.db":
            db.write_bytes(b"")
        done = run_cli("ingest", str(EXAMPLE), "--db", str(db))
        assert done.returncode == 0 and f"newsfuse: created store {db}\n" in done.stderr, done.stderr
        again = run_cli("ingest", str(EXAMPLE), "--db", str(db))
        assert again.returncode == 0 and "created store" not in again.stderr
    refused = tmp_path / "refused"
    refused.mkdir()
    for path, content in foreign_files(refused).items():
        if content:
            other = path.name.startswith("other")
            reason = "not a store of this newsfuse version" if other else "holds something else"
            one_line_error(run_cli("ingest", str(EXAMPLE), "--db", str(path)), str(path), reason, "left as it is")
            assert path.read_bytes() == content, path
    assert sorted(p.name for p in refused.iterdir()) == [
        "empty.db", "notes.db", "other.db", "other2.db", "other3.db", "tiny.db"
    ]  # fmt: skip


WIRE = (
    "Dam fails upstream of Alder Falls\n\n"
    "ALDER FALLS, Ore. (AP) — The county dam on Marlow Creek failed before dawn on Tuesday, forcing about 2,000 "
    "residents from their homes.\n\n"
    "State engineers met here on Wednesday to inspect the broken spillway and the cracked levee of the dam.\n"
)


def shown_brief(db: Path) -> tuple[str, list[dict[str, str]]]:
    done = run_cli("story", "1", "--db", str(db), "--output", "json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    return shown["summary"], [c for s in shown["sentences"] for c in s["changes"]]


def test_a_stored_story_keeps_its_datelines_place_and_an_older_store_is_brought_up_to_date(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(tmp_path / "wire.txt"), "--db", str(db)).returncode == 0
    summary, changes = shown_brief(db)
    assert "met in Alder Falls on Wednesday" in summary  # "here", read back from the store
    assert changes == [{"start": 130, "end": 134, "was": "here", "now": "in Alder Falls"}]
    with sqlite3.connect(db) as connection:  # the layout of the stores of the eighteenth session and before
        connection.execute("ALTER TABLE articles DROP COLUMN place")
        connection.execute("PRAGMA user_version = 2")
    connection.close()
    before = db.read_bytes()
    assert "met here on Wednesday" in shown_brief(db)[0]  # read as it is: no place known
    assert db.read_bytes() == before  # and never changed by reading
    (tmp_path / "more.txt").write_text("Crews pumped water out of 300 homes on Wednesday in the town of Alder Falls.\n")
    assert run_cli("ingest", str(tmp_path / "more.txt"), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as connection:  # a writer brought it up to date, and kept what it held
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 3
        assert connection.execute("SELECT count(*), count(place) FROM articles").fetchone() == (2, 0)
    connection.close()


def test_a_read_only_store_is_read_but_never_written(tmp_path: Path) -> None:
    """A file or folder without write permission is respected even by root (who could write it anyway)."""
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(EXAMPLE), "--db", str(db)).returncode == 0
    folder = tmp_path / "shelf"
    folder.mkdir()
    shelved = folder / "news.db"
    shelved.write_bytes(db.read_bytes())
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        before = db.read_bytes()
        one_line_error(run_cli("ingest", str(EXAMPLE), "--db", str(db)), str(db), "read-only file")
        assert db.read_bytes() == before
        one_line_error(run_cli("ingest", str(EXAMPLE), "--db", str(shelved)), str(folder), "not writable")
        one_line_error(run_cli("ingest", str(EXAMPLE), "--db", str(folder / "new.db")), str(folder), "not writable")
        assert not (folder / "new.db").exists()
        for path in (db, shelved):
            listed = run_cli("stories", "--db", str(path), "--output", "json")
            assert listed.returncode == 0 and json.loads(listed.stdout)[0]["articles"] == 3, listed.stderr
            shown = run_cli("story", "1", "--db", str(path))
            assert shown.returncode == 0 and "Marlow Creek" in shown.stdout, shown.stderr
        assert db.read_bytes() == before
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_reads_during_a_concurrent_ingest_see_one_consistent_snapshot(tmp_path: Path) -> None:
    """``stories`` and ``story`` again and again while another process ingests a large stream that adds to the
    stories listed: every read succeeds, and each listing is of one moment (counted from the same articles it
    names the outlets of: three outlets for one article counted would mix two moments)."""
    db = tmp_path / "news.db"
    first, stream = tmp_path / "first.jsonl", tmp_path / "stream.jsonl"
    early = [article(e, 0) for e in range(600)]  # one article of each of 600 stories, from one outlet ...
    later = [article(e, c) for e in range(600) for c in (1, 2)] + [
        article(e, c) for e in range(600, 1800) for c in range(3)
    ]
    random.Random(8).shuffle(later)  # ... then their other outlets' among 3,600 more: 4,800 in three transactions
    first.write_text("".join(json.dumps(r) + "\n" for r in early))
    stream.write_text("".join(json.dumps(r) + "\n" for r in later))
    assert run_cli("ingest", str(first), "--db", str(db)).returncode == 0
    writer = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "ingest", str(stream), "--db", str(db)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    reads = 0  # each begun while the writer was at work
    try:
        while writer.poll() is None and reads < 20:
            listed = run_cli("stories", "--db", str(db), "--limit", "1500", "--output", "json", timeout=60)
            assert listed.returncode == 0, listed.stderr
            rows = json.loads(listed.stdout)
            mixed = [
                (r["id"], r["articles"], r["outlets"]) for r in rows if not 1 <= len(r["outlets"]) <= r["articles"]
            ]
            assert rows and not mixed, mixed[:5]
            shown = run_cli("story", str(rows[-1]["id"]), "--db", str(db), "--output", "json", timeout=60)
            assert shown.returncode == 0 and json.loads(shown.stdout)["articles"], shown.stderr
            reads += 1
        _, err = writer.communicate(timeout=120)
    finally:
        writer.kill()
    assert writer.returncode == 0 and reads >= 1, err
    connection = sqlite3.connect(db)
    unique = len({text_hash(r["text"]) for r in early + later})
    assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == unique
    assert connection.execute("SELECT count(*) FROM stories WHERE brief IS NOT NULL").fetchone()[0] == 0  # no writes
    connection.close()
