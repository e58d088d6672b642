"""Bounded work for every input: readers that cannot block or run out of memory, parsers that refuse what
attacks them with the field named, finders linear in their input, arguments checked, storage errors in one
line. Each input is written here."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

import newsfuse
from newsfuse.anatomy.figures import figures_in
from newsfuse.anatomy.reading import quotations
from newsfuse.anatomy.timeline import dated
from newsfuse.cli import main
from newsfuse.decoding import valid_unicode
from newsfuse.errors import InputError
from newsfuse.ingest import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_LINES,
    MAX_ARTICLES,
    MAX_INGEST_ARTICLES,
    load,
)
from newsfuse.model import Article, Sentence
from newsfuse.segment import MAX_SENTENCE
from newsfuse.service.app import Limits, check_request
from newsfuse.store import Store
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
    for done in (run_cli("summarize", str(path)), run_cli("summarize", "-", stdin=content.encode())):
        assert done.returncode == 2 and reason in one_line_error(done)  # named .json, or recognised on stdin


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
    Store(str(tmp_path / "s.db")).close()  # an existing store: ingest has nothing to say before the error
    assert main(["ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "s.db")]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("newsfuse: error: database or disk is full: free some disk space")
    assert len(error.splitlines()) == 1

    def damaged(*_: object, **__: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(newsfuse.stories, "ingest", damaged)  # no disk space or lock helps a damaged file
    assert main(["ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / "s.db")]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        "newsfuse: error: database disk image is malformed: the store is damaged: restore it from a backup, "
        "or ingest into a new file"
    )


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


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_an_implausible_date_is_ignored_not_a_crash(published: str, ner: object) -> None:
    from newsfuse.anatomy import analyze

    article = {"id": "a", "text": STORY + " Repairs began on Monday.", "published": published}
    result = analyze([article, {"id": "b", "text": STORY}], ner=ner)
    assert any("a" in w for w in result.warnings)  # the article is named as undated
    assert Article(id="a", text="x", published=published).published_on is None
    assert Article(id="a", text="x", published="2026-11-03").published_on is not None


def test_many_near_identical_articles_ingest_in_linear_time(tmp_path: Path) -> None:
    """As many articles as one run may hold, sharing every LSH bucket: each compares with at most MAX_BUCKET
    stories per bucket (the in-batch buckets grew without that bound, and 10,000 of them took 46 s)."""
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": f"Report {n}. {STORY}"} for n in range(MAX_INGEST_ARTICLES)]))
    started = time.perf_counter()
    done = run_cli("ingest", str(path), "--db", str(tmp_path / "s.db"), timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{MAX_INGEST_ARTICLES} articles added" in done.stdout + done.stderr
    assert time.perf_counter() - started < 30


def test_an_ingest_run_over_the_limit_is_refused_at_once_and_stores_nothing(tmp_path: Path) -> None:
    path, db = tmp_path / "l.jsonl", tmp_path / "s.db"
    path.write_text("".join(f'{{"text": "Report {n}."}}\n' for n in range(MAX_INGEST_ARTICLES + 1)))
    started = time.perf_counter()
    done = run_cli("ingest", str(path), "--db", str(db))
    assert done.returncode == 2 and one_line_error(done) == (
        f"newsfuse: error: {path}: {MAX_INGEST_ARTICLES + 1:,} articles: over the limit of {MAX_INGEST_ARTICLES:,}"
        " articles per ingest run; split the input into several runs, or ingest it as batch work with --batch"
    )
    assert time.perf_counter() - started < 10  # counted, not parsed: 0.4 s measured, the CLI's start included
    assert not db.exists()  # not even an empty store
    batch = run_cli("ingest", str(path), "--db", str(db), "--batch", "--workers", "1", timeout=120)
    assert batch.returncode == 0, batch.stderr  # batch work is the user's choice: no limit on the run
    assert f"{MAX_INGEST_ARTICLES + 1:,} articles added".replace(",", "") in batch.stdout.replace(",", "")


# Fuzzing the API's request checks and the finders: any JSON is a checked request or a 422 naming a field, and
# any sentence up to the longest the segmenter makes goes through every finder, at any date, in bounded time.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=40,
)
FIELDS = st.fixed_dictionaries(
    {"articles": st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "published"]), JSON), max_size=4)},
    optional={"words": JSON, "method": JSON, "include_text": JSON, "strict": JSON},
)
PIECES = [*" .,;:!?\"'“”‘’()-–—$%0123456789", "said ", "he ", "Mr. ", "killed ", "million ", "Jan. ", "Tuesday "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=300).map("".join)
DATES = st.none() | st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))


@settings(max_examples=200, deadline=None)
@given(payload=JSON | FIELDS)
@example(payload={"articles": [{"id": None, "text": "0"}]})  # a valid request: its checked fields, every run
def test_fuzz_any_json_is_a_checked_request_or_a_named_422(payload: object) -> None:
    try:
        articles, words, method, include_text, strict, language, focus = check_request(payload, Limits())
    except InputError as problem:
        assert problem.origin and problem.reason
        return
    assert articles and words >= 1 and isinstance(include_text, bool) and isinstance(strict, bool) and method
    assert (language is None or isinstance(language, str)) and isinstance(focus, str)


@settings(max_examples=200, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink))
@given(text=TEXT, when=DATES)
def test_fuzz_every_finder_takes_any_sentence(text: str, when: date | None) -> None:
    started = time.perf_counter()
    found = sentence(text[:MAX_SENTENCE] or ".")
    list(figures_in(found))
    list(dated(found, when))
    quotations(found.text)
    assert time.perf_counter() - started < 1


def test_more_articles_than_a_story_may_hold_are_refused_before_they_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"text": "Report {n}."}}\n' for n in range(MAX_ARTICLES + 1)))
    with pytest.raises(InputError, match=f"{MAX_ARTICLES + 1:,} articles: over the limit of {MAX_ARTICLES:,}"):
        load([str(path)], strict=True)
    assert not load([str(path)]).articles  # the whole input is refused, not a first part of it


def test_the_python_api_refuses_more_articles_than_a_story_may_hold() -> None:
    import newsfuse

    started = time.perf_counter()
    with pytest.raises(InputError, match=f"articles: {MAX_ARTICLES + 1:,} articles: over the limit"):
        newsfuse.summarize(["The dam failed on Tuesday."] * (MAX_ARTICLES + 1))
    assert time.perf_counter() - started < 5  # refused before the articles are checked one by one


def test_an_ingest_run_over_the_byte_limit_is_refused_at_once(tmp_path: Path) -> None:
    """Few articles, but long ones: the article count alone would not bound the run's time."""
    path, db = tmp_path / "long.jsonl", tmp_path / "s.db"
    line = json.dumps({"text": ("The dam held on Tuesday. " * 38_000)[:950_000]}) + "\n"
    path.write_text(line * 11)
    done = run_cli("ingest", str(path), "--db", str(db))
    assert done.returncode == 2 and one_line_error(done) == (
        f"newsfuse: error: {path}: {len(line) * 11:,} bytes: over the limit of 10,000,000 bytes per ingest run; "
        "split the input into several runs, or ingest it as batch work with --batch"
    )
    assert not db.exists()


@pytest.mark.parametrize(
    "line",
    [
        "By Sandra Anderson, Alexander Fernandez, Brandon Rolando, Miranda Candler and Amanda Orlando-Sandoval; "
        "edited by Randall Candace.",  # a minute: every "and" inside a name was tried as a separator
        "By x" + "andx" * 200 + "!",
        "By Jane Doe, " + "a" * 500 + "!",
    ],
)
def test_a_line_of_many_names_is_read_as_a_byline_or_not_at_once(line: str) -> None:
    from newsfuse.clean import clean_text

    started = time.perf_counter()
    assert clean_text(f"Dam fails\n\n{line}\n\n{STORY}").text.endswith(STORY)
    assert time.perf_counter() - started < 1


def test_markup_of_unclosed_tags_and_quotation_marks_costs_linear_time() -> None:
    """ "<" * n in a feed entry or a page's declared body, and unclosed “ or « in an article, were quadratic or
    cost 3,000 steps each."""
    from newsfuse.anatomy.sayings import QUOTATION
    from newsfuse.clean import clean_text
    from newsfuse.extraction import plain

    started = time.perf_counter()
    assert plain("<" * 200_000 + " The dam failed.").endswith("The dam failed.")
    assert quotations("The dam failed. " + "“" * 300_000) == []
    assert not list(QUOTATION.finditer("Le barrage a cédé. " + "«" * 300_000))
    assert clean_text("(details: https://example.org/x). " + "A" * 300_000).dropped == ()  # no link scan per letter
    assert quotations("The dam failed. " + "``" * 100_000) == []
    assert time.perf_counter() - started < 3


def test_who_a_she_is_is_looked_for_a_bounded_way_back(ner: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each "she said" read every person named since the article's start: quadratic in its quotations."""
    from newsfuse.anatomy.reading import LOOK_BACK, Reading

    calls = []
    may_be = Reading.may_be
    monkeypatch.setattr(Reading, "may_be", lambda self, name, gender: calls.append(1) or may_be(self, name, gender))
    text = "".join(
        f'Tom Baines spoke at gate {i} on the river. "We lost it all at gate {i}," she said. ' for i in range(300)
    )
    analysis = newsfuse.analyze([text], ner=ner, same=None)
    assert len(analysis.quotes) == 300 and all(q.speaker is None for q in analysis.quotes)  # no woman is named
    assert len(calls) < 300 * 3 * LOOK_BACK  # a bounded look-back per quotation: it was about 300 × 300


def test_quotations_are_matched_across_many_articles_without_reading_each_for_each(
    ner: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfuse.anatomy import quotes

    looked = []

    class Counting(dict):
        def __getitem__(self, key: str) -> str:
            looked.append(key)
            return super().__getitem__(key)

    built = quotes._Elsewhere.__init__

    def counting(self: object, story: object) -> None:
        built(self, story)
        self.keys = Counting(self.keys)

    monkeypatch.setattr(quotes._Elsewhere, "__init__", counting)
    articles = [{"id": f"a{i}", "text": f'"We lost it all at gate {i}," Tom Baines said.'} for i in range(400)]
    articles.append({"id": "copy", "text": '"We lost it all at gate 7," Tom Baines told the paper.'})
    analysis = newsfuse.analyze(articles, ner=ner, same=None)
    assert next(q.also_in for q in analysis.quotes if q.where.article == "a7") == ("copy",)
    assert len(looked) < 3 * len(articles)  # it read every article for every quotation: 401 × 401
