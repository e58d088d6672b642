"""The CLI on a PostgreSQL store (``--db postgresql://…``) against a real server started by the tests: the same
answers as on SQLite, and the same guarantees: kill -9 loses nothing reported done, two writers both succeed,
a reader sees one moment while a writer works, reading never creates anything, foreign tables are left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import psycopg
import pytest

from newsfuse.cluster import text_hash
from newsfuse.postgres_db import masked
from tests.conftest import EXAMPLE, ROOT, run_cli, serving_process
from tests.postgres import new_database, postgres_server
from tests.stream import article, ingest_killed_after, write_stream


def count(url: str, sql: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute(sql).fetchone()[0]


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {name for (name,) in rows}


def test_the_same_stories_as_on_sqlite(postgres: str, tmp_path: Path) -> None:
    url, db = new_database(postgres), str(tmp_path / "news.db")
    for where in (url, db):
        done = run_cli("ingest", str(EXAMPLE), "--db", where)
        assert done.returncode == 0 and "3 articles added" in done.stdout, done.stderr
    with_password = new_database(postgres).replace("newsfuse@", "newsfuse:s3cretpw@")  # the test server trusts
    created = run_cli("ingest", str(EXAMPLE), "--db", with_password)
    assert "created store postgresql://newsfuse@" in created.stderr and "s3cretpw" not in created.stderr
    listed = [json.loads(run_cli("stories", "--db", where, "--output", "json").stdout) for where in (url, db)]
    for rows in listed:
        for row in rows:
            del row["created"], row["updated"]  # when each was ingested
    assert listed[0] == listed[1] and listed[0][0]["articles"] == 3
    shown = [run_cli("story", "1", "--db", where, "--output", "json").stdout for where in (url, db)]
    assert json.loads(shown[0]) == json.loads(shown[1])
    again = run_cli("ingest", str(EXAMPLE), "--db", url)
    assert "0 articles added, 3 duplicates skipped" in again.stdout


def test_a_store_of_the_earlier_layout_is_read_as_it_is_and_brought_up_to_date_by_a_writer(
    postgres: str, tmp_path: Path
) -> None:
    url = new_database(postgres)
    assert run_cli("ingest", str(EXAMPLE), "--db", url).returncode == 0
    with psycopg.connect(url, autocommit=True) as connection:  # the layout of the eighteenth session's stores
        connection.execute("ALTER TABLE articles DROP COLUMN place")
        connection.execute("DELETE FROM newsfuse_meta")
        connection.execute("INSERT INTO newsfuse_meta VALUES (2)")
    shown = run_cli("story", "1", "--db", url)
    assert shown.returncode == 0 and "Marlow Creek" in shown.stdout, shown.stderr
    assert count(url, "SELECT max(version) FROM newsfuse_meta") == 2  # reading changes nothing
    (tmp_path / "more.txt").write_text("Crews pumped water out of 300 homes on Wednesday in Alder Falls.\n")
    assert run_cli("ingest", str(tmp_path / "more.txt"), "--db", url).returncode == 0
    assert count(url, "SELECT max(version) FROM newsfuse_meta") == 3
    assert count(url, "SELECT count(*) FROM articles WHERE place IS NULL") == 4  # what it held, kept


def test_reading_never_creates_anything_and_foreign_tables_are_left_alone(postgres: str) -> None:
    empty = new_database(postgres)
    for args in (["stories"], ["story", "1"]):
        failed = run_cli(*args, "--db", empty)
        assert failed.returncode == 2 and "no store there yet" in failed.stderr and "Traceback" not in failed.stderr
    assert tables(empty) == set()
    foreign = new_database(postgres)
    with psycopg.connect(foreign, autocommit=True) as connection:
        connection.execute("CREATE TABLE stories (name TEXT); INSERT INTO stories VALUES ('theirs')")
    refused = run_cli("ingest", str(EXAMPLE), "--db", foreign)
    assert refused.returncode == 2 and "not newsfuse's: left as they are" in refused.stderr
    assert tables(foreign) == {"stories"} and count(foreign, "SELECT count(*) FROM stories") == 1


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    failed = run_cli("stories", "--db", "postgresql://reader:secret@127.0.0.1:1/news")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    [line] = failed.stderr.strip().splitlines()
    assert "cannot connect to PostgreSQL" in line and "secret" not in line


def test_sigkill_loses_nothing_reported_done_and_a_rerun_completes(postgres: str, tmp_path: Path) -> None:
    url, stream = new_database(postgres), tmp_path / "big.jsonl"
    records = write_stream(stream, events=1500, copies=3, seed=5)  # 4,500 articles, 3 transactions
    reported, seen = ingest_killed_after(stream, url, 1000)
    assert 1000 <= reported < len(records), seen[-300:]
    with psycopg.connect(url) as connection:
        hashes = {h for (h,) in connection.execute("SELECT text_hash FROM articles")}
    assert all(text_hash(r["text"]) in hashes for r in records[:reported])  # every article reported done is there
    assert count(url, "SELECT count(*) FROM buckets WHERE story NOT IN "
                      "(SELECT id FROM stories WHERE merged_into IS NULL)") == 0  # fmt: skip
    rerun = run_cli("ingest", str(stream), "--db", url)
    assert rerun.returncode == 0, rerun.stderr
    unique = len({text_hash(r["text"]) for r in records})
    assert f"{unique - len(hashes)} articles added" in rerun.stdout
    assert count(url, "SELECT count(DISTINCT text_hash) FROM articles") == count(url, "SELECT count(*) FROM articles")
    assert count(url, "SELECT count(*) FROM articles") == unique


def test_two_writers_both_succeed(postgres: str, tmp_path: Path) -> None:
    url = new_database(postgres)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    records = write_stream(first, events=300, seed=1) + write_stream(second, events=300, seed=2, first=300)
    runs = [
        subprocess.Popen([sys.executable, "-m", "newsfuse", "ingest", str(path), "--db", url],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for path in (first, second)
    ]  # fmt: skip
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert count(url, "SELECT count(*) FROM articles") == len({text_hash(r["text"]) for r in records})


def test_reads_during_a_concurrent_ingest_see_one_moment(postgres: str, tmp_path: Path) -> None:
    url = new_database(postgres)
    first, stream = tmp_path / "first.jsonl", tmp_path / "stream.jsonl"
    first.write_text("".join(json.dumps(article(e, 0)) + "\n" for e in range(300)))
    later = [article(e, c) for e in range(300) for c in (1, 2)] + [article(e, 0) for e in range(300, 2500)]
    stream.write_text("".join(json.dumps(r) + "\n" for r in later))
    assert run_cli("ingest", str(first), "--db", url).returncode == 0
    writer = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "ingest", str(stream), "--db", url],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    reads = 0
    try:
        while writer.poll() is None and reads < 10:
            listed = run_cli("stories", "--db", url, "--limit", "1000", "--output", "json", timeout=60)
            assert listed.returncode == 0, listed.stderr
            rows = json.loads(listed.stdout)
            assert rows and all(1 <= len(r["outlets"]) <= r["articles"] for r in rows)
            reads += 1
        _, err = writer.communicate(timeout=300)
    finally:
        writer.kill()
    assert writer.returncode == 0 and reads >= 1, err


def test_a_server_that_goes_away_mid_ingest_is_one_line_exit_1(tmp_path: Path) -> None:
    stream = tmp_path / "big.jsonl"
    write_stream(stream, events=1500, copies=3, seed=6)
    with postgres_server() as admin:
        url = new_database(admin)
        process = subprocess.Popen(
            [sys.executable, "-m", "newsfuse", "ingest", str(stream), "--db", url],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        seen = b""
        while b"articles done" not in seen:  # the first batch is being written
            chunk = os.read(process.stderr.fileno(), 4096)
            assert chunk, seen
            seen += chunk
    _, rest = process.communicate(timeout=120)  # the server stopped under it
    lines = [line for line in (seen + rest).decode().replace("\r", "\n").splitlines() if "error" in line]
    assert process.returncode == 1 and "Traceback" not in rest.decode()
    assert len(lines) == 1 and "newsfuse: error:" in lines[0] and "database server is running" in lines[0]


def test_serve_reads_the_workspace_from_postgresql(postgres: str) -> None:
    url = new_database(postgres)
    assert run_cli("ingest", str(EXAMPLE), "--db", url).returncode == 0
    for base, _ in serving_process("--workers", "1", "--db", url):
        with urllib.request.urlopen(f"{base}/v1/stories", timeout=60) as response:
            listed = json.loads(response.read())
        assert listed["total"] == 1 and listed["stories"][0]["articles"] == 3
        with urllib.request.urlopen(f"{base}/v1/stories/1", timeout=60) as response:
            assert json.loads(response.read())["sentences"]


def test_a_password_is_never_shown() -> None:
    assert masked("postgresql://alice:p@ss@db:5432/news?password=x&sslmode=require") == (
        "postgresql://alice@db:5432/news?sslmode=require"
    )
    for password in ("pa/ss", "pa?ss", "pa#ss", "secret%pw"):  # written unencoded: urlsplit cut the URL there
        assert masked(f"postgresql://alice:{password}@db:5432/news") == "postgresql://alice@db:5432/news"
    assert masked("postgresql:///news?host=/run/pg&password=x") == "postgresql:///news?host=/run/pg"
    assert masked("postgresql://a:b@db/news?application_name=x@y") == "postgresql://a@db/news?application_name=x@y"


@pytest.mark.parametrize(
    "url", ["POSTGRESQL://alice:s3cret@127.0.0.1:1/news", "postgres://alice:s3cret%zz@127.0.0.1:1/n"]
)
def test_a_password_is_not_shown_in_what_the_driver_says(url: str) -> None:
    """psycopg quotes a connection string it cannot parse, or the token it cannot decode, in its message."""
    done = run_cli("stories", "--db", url)
    assert done.returncode == 2 and "s3cret" not in done.stderr and "alice@127.0.0.1:1" in done.stderr, done.stderr


def test_characters_postgresql_cannot_store_are_cleaned_out_not_a_failed_batch(postgres: str, tmp_path: Path) -> None:
    """A NUL in one article's text or title failed the whole batch (PostgreSQL text cannot hold it); cleaning
    drops it, with the other characters no reader sees."""
    stream = tmp_path / "nul.jsonl"
    good = (EXAMPLE / "wire.txt").read_text()
    rows = [{"id": "nul", "title": "Dam\u0000 fails", "text": good.replace("Marlow", "Mar\u0000low", 1)},
            {"id": "plain", "text": "Four people died when the Marlow Creek dam failed."}]  # fmt: skip
    stream.write_text("".join(json.dumps(row) + "\n" for row in rows))
    url = new_database(postgres)
    done = run_cli("ingest", str(stream), "--db", url)
    assert done.returncode == 0 and "2 articles added" in done.stdout, done.stderr
    assert count(url, "SELECT count(*) FROM articles WHERE title = 'Dam fails' AND text LIKE '%Marlow%'") == 1
