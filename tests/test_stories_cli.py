"""``newsfuse ingest``, ``stories`` and ``story`` as a user runs them, and the store's reliability:
a SIGKILL in the middle of a large ingest, two writers at once, and a Dask scheduler on loopback."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsfuse.cluster import text_hash
from tests.conftest import EXAMPLE, ROOT, free_port, run_cli
from tests.stream import ingest_killed_after, write_stream

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harlan Feed</title>
<item><title>Dam fails above Alder Falls</title><link>https://feed.example/dam</link>
<pubDate>Tue, 03 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;An earthen dam on Marlow Creek gave way before dawn on Tuesday, sending a wall of water
through the town of Alder Falls and forcing about 2,000 residents from their homes, officials said.&lt;/p&gt;
&lt;p&gt;Three people were killed, the Harlan County sheriff's office said.&lt;/p&gt;</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Atom</title>
<entry><title>Recount set in Velmont</title><link href="https://atom.example/recount"/>
<id>tag:atom.example,2026:recount</id><updated>2026-10-07T08:00:00Z</updated>
<content type="html">The race for mayor of Velmont will go to a recount after the final tally showed the challenger
ahead of the incumbent mayor by 212 votes, election officials said on Wednesday.</content></entry>
</feed>"""


def db_count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


def test_ingest_list_and_show(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    done = run_cli("ingest", str(EXAMPLE), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "3 articles added, 0 duplicates skipped, 0 bad inputs; 1 story created" in done.stdout
    assert "ingest [" in done.stderr  # the progress bar
    again = run_cli("ingest", str(EXAMPLE), "--db", f"sqlite:///{db}")
    assert "0 articles added, 3 duplicates skipped" in again.stdout
    listed = json.loads(run_cli("stories", "--db", str(db), "--output", "json").stdout)
    assert [(s["articles"], s["first_seen"], s["last_seen"]) for s in listed] == [(3, "2026-11-03", "2026-11-04")]
    assert "Marlow Creek" in listed[0]["brief"] and len(listed[0]["outlets"]) == 3
    text = run_cli("stories", "--db", str(db)).stdout
    assert f"[{listed[0]['id']}]" in text and "3 articles" in text
    assert run_cli("stories", "--db", str(db), "--since", "2099-01-01").stdout.startswith("no stories")
    shown = run_cli("story", str(listed[0]["id"]), "--db", str(db), "--output", "json")
    brief = json.loads(shown.stdout)
    assert brief["summary"] and len(brief["articles"]) == 3
    assert {a["id"] for a in brief["articles"]} == {"blog", "newspaper", "wire"}  # the ids the files gave them
    update = json.loads(run_cli("story", str(listed[0]["id"]), "--db", str(db), "--since", "2026-11-04",
                                "--output", "json").stdout)  # fmt: skip
    assert any("only what is new since 2026-11-04" in w for w in update["warnings"])
    focused = run_cli("story", str(listed[0]["id"]), "--db", str(db), "--focus", "Olympic curling", "--output", "json")
    assert any(w.startswith("focus ignored") for w in json.loads(focused.stdout)["warnings"])
    blog = next(a["id"] for a in brief["articles"] if a["published"] == "2026-11-04")
    assert {c["article"] for s in update["sentences"] for c in s["sources"]} <= {blog}


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "harlan.rss").write_text(RSS)
    (tmp_path / "valley.xml").write_text(ATOM)
    db = tmp_path / "news.db"
    done = run_cli("ingest", str(tmp_path / "harlan.rss"), str(tmp_path / "valley.xml"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "2 articles added" in done.stdout and "2 stories created" in done.stdout
    with sqlite3.connect(db) as connection:
        rows = set(connection.execute("SELECT source, url, published FROM articles"))
    assert rows == {("Harlan Feed", "https://feed.example/dam", "2026-11-03T09:00:00+00:00"),
                    ("Valley Atom", "https://atom.example/recount", "2026-10-07T08:00:00+00:00")}  # fmt: skip


def test_bad_inputs_are_counted_and_named(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "nothing").mkdir()
    db = tmp_path / "news.db"
    done = run_cli("ingest", str(EXAMPLE / "wire.txt"), str(tmp_path / "empty.txt"), "--db", str(db))
    assert done.returncode == 0 and "1 article added" in done.stdout and "1 bad input;" in done.stdout
    assert f"warning: skipped {tmp_path / 'empty.txt'}: empty input" in done.stderr
    alone = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", str(db))
    assert alone.returncode == 2 and "Traceback" not in alone.stderr
    strict = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", str(db), "--strict")
    assert strict.returncode == 2 and "empty input" in strict.stderr
    with sqlite3.connect(tmp_path / "other.db") as other:  # another program's database
        other.execute("CREATE TABLE notes (text TEXT)")
    (tmp_path / "notes.db").write_text("not a database at all\n" * 100)
    for args, reason in (
        (["ingest", str(EXAMPLE), "--db", str(tmp_path / "other.db")], "not a store of this newsfuse version"),
        (["stories", "--db", str(tmp_path / "notes.db")], "not a usable SQLite database"),
        (["ingest", str(EXAMPLE), "--db", "mysql://db/news"], "unsupported database 'mysql'"),
        (["ingest", str(EXAMPLE), "--db", "postgresql://nowhere.invalid/news"], "cannot connect to PostgreSQL"),
        (["ingest", str(EXAMPLE), "--db", str(tmp_path / "no" / "such" / "x.db")], "does not exist"),
        (["story", "999", "--db", str(db)], "no such story"),
        (["ingest", str(tmp_path / "nothing"), "--db", str(db)], "directory contains no articles"),
        (["ingest", str(tmp_path / "missing.txt"), "--db", str(db)], "No such file or directory"),
        (["stories", "--db", str(tmp_path / "typo.db")], "no store there yet"),
        (["ingest", str(EXAMPLE), "--db", ":memory:"], "a database in memory keeps nothing"),
        (["ingest", str(EXAMPLE), "--db", "sqlite:///:memory:"], "a database in memory keeps nothing"),
        (["ingest", str(EXAMPLE), "--db", "file:news?mode=memory"], "a database in memory keeps nothing"),
        (["stories", "--db", str(db), "--since", "last week"], "expected a date"),
        (["stories", "--db", str(db), "--since", "0001-01-01T00:00+05:00"], "expected a date"),
        (["story", "1", "--db", str(db), "--since", "9999-12-31T23:00-05:00"], "expected a date"),
        (["story", "1_0", "--db", str(db)], "expected a whole number, got '1_0'"),  # int() would read story 10
        (["story", "+1", "--db", str(db)], "expected a whole number"),
    ):
        failed = run_cli(*args)
        assert failed.returncode == 2 and reason in failed.stderr and "Traceback" not in failed.stderr, args
    typo = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "new.db"))
    assert typo.returncode == 2 and "missing.txt: No such file or directory" in typo.stderr
    assert not (tmp_path / "new.db").exists()  # no store made for an input that is not there


def test_a_date_ingest_cannot_read_is_a_warning_and_the_article_is_stored(tmp_path: Path) -> None:
    """Stories use dates for their time windows: an unread date is said, and the article still stored."""
    lines = [
        {"id": "a", "text": "The Velmont city council voted 5 to 2 on Monday to close the Harbor Street bridge.",
         "published": "03/11/2026"},
        {"id": "b", "text": "Engineers found cracks in two piers of the Harbor Street bridge in Velmont last month.",
         "published": "2026-11-02"},
    ]  # fmt: skip
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    done = run_cli("ingest", str(tmp_path / "s.jsonl"), "--db", str(tmp_path / "news.db"))
    assert done.returncode == 0 and "2 articles added" in done.stdout and "0 bad inputs" in done.stdout
    assert f"warning: {tmp_path / 's.jsonl'}:1: published '03/11/2026' is not a date newsfuse reads" in done.stderr
    assert "skipped" not in done.stderr and "s.jsonl:2" not in done.stderr
    stories = json.loads(run_cli("stories", "--db", str(tmp_path / "news.db"), "--output", "json").stdout)
    shown = "".join(run_cli("story", str(s["id"]), "--db", str(tmp_path / "news.db")).stdout for s in stories)
    assert ", undated, added 20" in shown and ", 2026-11-02" in shown  # the day it was stored is no publication date


def test_since_means_the_moment_given_with_its_time_and_offset(tmp_path: Path) -> None:
    """An analyst who looked at 06:00 UTC must see the 09:00 article as new; times are compared in UTC."""
    articles = [
        {"id": "early", "published": "2026-11-05T02:00:00Z",
         "text": "The Marlow Creek dam failed before dawn, flooding the town of Alder Falls, the county sheriff said."},
        {"id": "later", "published": "2026-11-05T09:00:00Z",
         "text": "Rescue crews searched flooded homes in Alder Falls after the Marlow Creek dam failed, and the "
                 "county opened two shelters at Harlan High School for 300 residents."},
    ]  # fmt: skip
    (tmp_path / "dam.json").write_text(json.dumps(articles))
    db = str(tmp_path / "news.db")
    assert "1 story created" in run_cli("ingest", str(tmp_path / "dam.json"), "--db", db).stdout
    [story] = json.loads(run_cli("stories", "--db", db, "--output", "json").stdout)
    for since, new in (("2026-11-05T06:00", {"09:00"}), ("2026-11-05T11:00+05:00", {"09:00"}),
                       ("2026-11-05T09:30", set()), ("2026-11-05", {"02:00", "09:00"})):  # fmt: skip
        shown = run_cli("story", str(story["id"]), "--db", db, "--since", since, "--output", "json")
        brief = json.loads(shown.stdout)
        published = {a["id"]: a["published"] for a in brief["articles"]}
        cited = {published[c["article"]][11:16] for s in brief["sentences"] for c in s["sources"]}
        assert (cited and cited <= new) if new else not brief["sentences"], (since, cited, brief["warnings"])
    day = story["updated"][:10]  # the store's times are UTC instants
    assert json.loads(run_cli("stories", "--db", db, "--since", f"{day}T00:00+05:00", "--output", "json").stdout)
    assert "no stories" in run_cli("stories", "--db", db, "--since", f"{day}T23:59-05:00").stdout


def test_sigkill_loses_nothing_reported_done_and_a_rerun_completes(tmp_path: Path) -> None:
    stream = tmp_path / "big.jsonl"
    records = write_stream(stream, events=1500, copies=3, seed=5)  # 4,500 articles, 3 transactions
    db = tmp_path / "news.db"
    reported, seen = ingest_killed_after(stream, str(db), 1000)
    assert 1000 <= reported < len(records), seen[-300:]
    stored = db_count(db, "SELECT count(*) FROM articles")
    with sqlite3.connect(db) as connection:
        hashes = {h for (h,) in connection.execute("SELECT text_hash FROM articles")}
    assert all(text_hash(r["text"]) in hashes for r in records[:reported])  # every article reported done is there
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db_count(db, "SELECT count(*) FROM stories s WHERE merged_into IS NULL AND NOT EXISTS "
                        "(SELECT 1 FROM articles a WHERE a.story = s.id)") == 0  # fmt: skip
    assert db_count(db, "SELECT count(*) FROM buckets") > 0  # the LSH index points at live stories only
    assert db_count(db, "SELECT count(*) FROM buckets WHERE story NOT IN "
                        "(SELECT id FROM stories WHERE merged_into IS NULL)") == 0  # fmt: skip
    rerun = run_cli("ingest", str(stream), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    unique = len({text_hash(r["text"]) for r in records})
    assert f"{unique - stored} articles added" in rerun.stdout
    assert db_count(db, "SELECT count(*) FROM articles") == unique
    assert db_count(db, "SELECT count(DISTINCT text_hash) FROM articles") == unique


def test_ctrl_c_says_what_is_stored_and_how_to_go_on(tmp_path: Path) -> None:
    stream = tmp_path / "big.jsonl"
    write_stream(stream, events=1000, copies=3, seed=6)  # 3,000 articles, 2 transactions
    db = tmp_path / "news.db"
    reported, seen = ingest_killed_after(stream, str(db), 500, signal.SIGINT)
    said = seen.decode().replace("\r", "\n").splitlines()
    assert said[-1].startswith("newsfuse: interrupted: ") and "run the same command again" in said[-1], seen[-300:]
    assert "Traceback" not in seen.decode()
    stored = int(said[-1].split()[2].replace(",", ""))  # "newsfuse: interrupted: 1,234 articles were done…"
    assert stored >= reported and db_count(db, "SELECT count(*) FROM articles") > 0  # duplicates are done, unstored


def test_two_writers_on_one_file_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    records = write_stream(first, events=300, seed=1) + write_stream(second, events=300, seed=2, first=300)
    runs = [
        subprocess.Popen([sys.executable, "-m", "newsfuse", "ingest", str(path), "--db", str(db)],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for path in (first, second)
    ]  # fmt: skip
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db_count(db, "SELECT count(*) FROM articles") == len({text_hash(r["text"]) for r in records})
    assert all("articles added" in out for out, _ in outputs)


def test_the_same_command_runs_on_a_dask_scheduler_on_loopback(tmp_path: Path) -> None:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler = subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"],
                                 cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                               "--dashboard-address", ":0"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        stream = tmp_path / "s.jsonl"
        write_stream(stream, events=40, copies=3, seed=9)
        on_dask = run_cli("ingest", str(stream), "--db", str(tmp_path / "dask.db"), "--scheduler", address)
        assert on_dask.returncode == 0, on_dask.stderr
        here = run_cli("ingest", str(stream), "--db", str(tmp_path / "here.db"))
        assert on_dask.stdout == here.stdout and "120 articles added" in here.stdout
        stories = []
        for name in ("dask.db", "here.db"):
            with sqlite3.connect(tmp_path / name) as connection:
                stories.append(sorted(connection.execute("SELECT external_id, story FROM articles")))
        assert stories[0] == stories[1]  # the same stories, whichever engine prepared the articles
        worker.terminate()
        worker.wait(timeout=30)
        idle = run_cli("ingest", str(EXAMPLE), "--db", str(tmp_path / "idle.db"), "--scheduler", address)
        assert idle.returncode == 2 and "has no workers: start one" in idle.stderr, idle.stderr  # not a silent hang
        assert not (tmp_path / "idle.db").exists()
    finally:
        worker.terminate()
        scheduler.terminate()
        worker.wait(timeout=30)
        scheduler.wait(timeout=30)
    with socket.socket() as silent:  # a listener that never answers, as a web server on the wrong port may
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        mute = run_cli("ingest", str(EXAMPLE), "--db", str(tmp_path / "m.db"), "--scheduler",
                       f"tcp://127.0.0.1:{silent.getsockname()[1]}")  # fmt: skip
    assert mute.returncode == 2 and "no Dask scheduler answered" in mute.stderr, mute.stderr
    unreachable = run_cli("ingest", str(EXAMPLE), "--db", str(tmp_path / "x.db"), "--scheduler",
                          f"tcp://127.0.0.1:{free_port()}")  # fmt: skip
    assert unreachable.returncode == 2 and "cannot reach the Dask scheduler" in unreachable.stderr
    assert not (tmp_path / "x.db").exists() and "created store" not in unreachable.stderr
    for address in ("not a url", "http://127.0.0.1:8786"):  # no address: refused before any store is made
        wrong = run_cli("ingest", str(EXAMPLE), "--db", str(tmp_path / "y.db"), "--scheduler", address)
        assert wrong.returncode == 2 and "expected a scheduler address" in wrong.stderr
        assert "Traceback" not in wrong.stderr and not (tmp_path / "y.db").exists()
    many = run_cli("serve", "--workers", "100000")
    assert many.returncode == 2 and "--workers: must be from 1 to 256, got 100000" in many.stderr


def test_a_page_stored_before_with_other_text_is_named_not_dropped_unsaid(tmp_path: Path) -> None:
    first = {"id": "dam-1", "url": "https://t.example/dam", "text": "Four people died when the Marlow dam failed."}
    later = {**first, "url": "https://t.example/dam/", "text": "Six people died when the Marlow dam failed."}
    db = str(tmp_path / "news.db")
    for name, record in (("day1.jsonl", first), ("day2.jsonl", later)):
        (tmp_path / name).write_text(json.dumps(record) + "\n")
        done = run_cli("ingest", str(tmp_path / name), "--db", db)
        assert done.returncode == 0, done.stderr
    assert "0 articles added, 1 duplicate skipped" in done.stdout
    assert "day2.jsonl:1 (dam-1): https://t.example/dam is stored already with other text" in done.stderr
    again = run_cli("ingest", str(tmp_path / "day1.jsonl"), "--db", db)  # the same text again: a plain duplicate
    assert "1 duplicate skipped" in again.stdout and "other text" not in again.stderr


def test_a_storys_json_with_its_text_is_read_back_by_summarize(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run_cli("ingest", str(EXAMPLE), "--db", db).returncode == 0
    shown = run_cli("story", "1", "--db", db, "--output", "json", "--include-text")
    assert shown.returncode == 0 and all(a["text"] for a in json.loads(shown.stdout)["articles"])
    (tmp_path / "story.json").write_text(shown.stdout)
    again = run_cli("summarize", str(tmp_path / "story.json"), "--words", "60")
    assert again.returncode == 0 and "Marlow Creek" in again.stdout, again.stderr


def test_strict_says_what_it_stored_before_the_bad_input(tmp_path: Path) -> None:
    stream = tmp_path / "s.jsonl"
    write_stream(stream, events=700, copies=3, seed=4)  # 2,100 articles: one batch is stored before the bad line
    with stream.open("a") as file:
        file.write('{"id": "bad", "text": \n')
    done = run_cli("ingest", str(stream), "--db", str(tmp_path / "news.db"), "--strict")
    error = done.stderr.strip().splitlines()[-1]
    assert done.returncode == 2 and "s.jsonl:2101: malformed JSON" in error, done.stderr
    assert error.endswith("(--strict stops here; 2,000 articles before it are stored)")
