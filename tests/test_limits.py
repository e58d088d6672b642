"""Bounded work for every input: readers that cannot block or run out of memory, parsers that refuse what
attacks them with the field named, finders linear in their input, arguments checked, storage errors in one
line. Each input is written here."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from newsfuse.anatomy.figures import figures_in
from newsfuse.anatomy.quotes import quotations
from newsfuse.cli import main
from newsfuse.errors import InputError
from newsfuse.ingest import MAX_ARTICLE_CHARS, MAX_ARTICLE_LINES, load, valid_unicode
from newsfuse.model import Sentence
from tests.conftest import run_cli

STORY = (
    "The earthen dam on Marlow Creek gave way before dawn on Tuesday, flooding the town of Alder Falls, and "
    "county officials said four people died."
)


def one_line_error(done: object) -> str:
    lines = done.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr  # type: ignore[attr-defined]
    return lines[0]


def test_a_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    started = time.perf_counter()
    done = run_cli("summarize", str(tmp_path / "pipe"), timeout=30)
    assert done.returncode == 2 and "not a regular file" in one_line_error(done)
    assert time.perf_counter() - started < 10


def test_a_device_is_refused_not_read_forever() -> None:
    done = run_cli("summarize", "/dev/zero", timeout=30)
    assert done.returncode == 2 and "/dev/zero: not a regular file" in one_line_error(done)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("word " * (MAX_ARTICLE_CHARS // 5 + 10), "characters: over the limit"),
        ("a\n" * (MAX_ARTICLE_LINES + 10), "lines: over the limit"),
    ],
)
def test_an_article_over_a_limit_is_refused_naming_it(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(content)
    with pytest.raises(InputError, match=reason):
        load([str(path)], strict=True)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ('{"text": "x", "title": ' + '{"a": ' * 3000 + "1" + "}" * 3000 + "}", "nested too deeply"),
        ('{"id": ' + "9" * 5000 + ', "text": "The dam failed."}', "number too long"),
    ],
)
def test_json_that_attacks_the_parser_is_refused(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "nasty.json"
    path.write_text(content)
    done = run_cli("summarize", str(path))
    assert done.returncode == 2 and reason in one_line_error(done)


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    assert valid_unicode("a\ud800b") == "a\ufffdb" and valid_unicode("plain") == "plain"
    path = tmp_path / "s.json"
    path.write_text('{"id": "a\\ud800", "title": "\\udc00", "text": "' + STORY + '\\ud800"}')
    done = run_cli("summarize", str(path), "--output", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][0]["id"] == "a\ufffd"


@pytest.mark.parametrize(
    "args",
    [
        ("serve", "--port", "70000"),
        ("story", "1" + "0" * 30),
        ("stories", "--limit", "1" + "0" * 30),
        ("summarize", "x.txt", "--words", "9" * 5000),
        ("serve", "--deadline", "0"),
    ],
)
def test_out_of_range_arguments_are_one_line_usage_errors(args: tuple[str, ...]) -> None:
    done = run_cli(*args, timeout=30)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "error: argument" in done.stderr


def test_an_unusable_database_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "db").mkdir()  # a folder where the database file should be: SQLite cannot open it
    done = run_cli("ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "db"), timeout=60)
    assert done.returncode == 2 and "not a usable SQLite database" in one_line_error(done)


def test_a_full_disk_is_one_line_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What SQLite raises when the disk fills in the middle of a write, through the CLI's own handler."""
    import newsfuse.stories

    def full(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(newsfuse.stories, "ingest", full)
    (tmp_path / "story.txt").write_text(STORY)
    assert main(["ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "s.db")]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("newsfuse: error: database or disk is full: free some disk space")
    assert len(error.splitlines()) == 1


def sentence(text: str) -> Sentence:
    return Sentence("a", 0, text, 0, len(text), 0)


@pytest.mark.parametrize("unit", ["1.5 killed ", "$1 million ", "14 people died, "])
def test_figures_cost_time_in_proportion_to_them(unit: str) -> None:
    """2,000 figures in one sentence: each figure's rules read a window around it, not the whole sentence
    (reading the whole sentence took about 20 s here; the window, a tenth of a second)."""
    started = time.perf_counter()
    found = list(figures_in(sentence(unit * 2000)))
    assert len(found) >= 1000
    assert time.perf_counter() - started < 2


def test_an_unclosed_quotation_costs_a_bounded_look_ahead() -> None:
    text = "“He said, " * 30_000  # 300,000 characters, no closing mark anywhere
    started = time.perf_counter()
    assert quotations(text) == []
    assert time.perf_counter() - started < 5
    assert quotations("“We will rebuild every house,” the mayor said.") == [(1, 28)]


def test_a_data_line_over_the_bound_is_refused_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from newsfuse import datasets

    monkeypatch.setattr(datasets, "MAX_LINE", 1000)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.write('{"documents": ["' + "x" * 5000 + '"], "summary": "s"}\n')
    with pytest.raises(InputError, match="a line of more than 1,000 characters"):
        list(datasets.read_clusters(path))


def test_a_story_over_the_word_limit_is_refused_at_once(tmp_path: Path) -> None:
    from newsfuse.anatomy.analyze import MAX_ANALYSIS_WORDS

    article = " ".join(["Water rose over the old bridge on Tuesday."] * 2500)  # 20,000 words
    for n in range(MAX_ANALYSIS_WORDS // 20_000 + 1):
        (tmp_path / f"a{n}.txt").write_text(f"Report {n}. {article}")
    started = time.perf_counter()
    done = run_cli("analyze", str(tmp_path), timeout=60)
    assert done.returncode == 2 and "words in all: over the limit of 100,000" in one_line_error(done)
    assert time.perf_counter() - started < 10  # refused before any model is loaded or any entity looked for
