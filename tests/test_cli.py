"""The CLI as a user runs it: a fresh ``newsfuse`` process for every case."""

import json
import random
import resource
from pathlib import Path

import pytest

from newsfuse.opinion import is_opinion
from tests.conftest import run_cli

STORY = (
    "The dam on Marlow Creek failed on Tuesday, and the water reached the town of Alder Falls within an hour. "
    "Three people were killed and about 2,000 residents were forced from their homes, officials said."
)


def brief_json(*args: str, stdin: bytes | None = None) -> dict:
    done = run_cli("summarize", *args, "--output", "json", stdin=stdin)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_example_story_as_markdown(example: Path) -> None:
    done = run_cli("summarize", str(example), "--output", "markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ")
    assert "[1]" in done.stdout and "## Sources" in done.stdout
    assert "The Harlan Courier" in done.stdout


def test_json_schema_and_citations_slice_exactly(example: Path) -> None:
    data = brief_json(str(example), "--include-text")
    assert set(data) >= {"summary", "words", "method", "sentences", "articles"}
    assert data["method"] == "newsfuse"
    assert data["words"] == len(data["summary"].split()) <= 250
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert set(texts) == {"blog", "newspaper", "wire"}
    for article in data["articles"]:
        assert set(article) >= {"id", "title", "source", "url", "published", "author", "words"}
    newspaper = next(a for a in data["articles"] if a["id"] == "newspaper")
    assert newspaper["author"] == "Priya Natarajan" and newspaper["published"] == "2026-11-03"
    assert " ".join(s["text"] for s in data["sentences"]) == data["summary"]
    for sentence in data["sentences"]:
        assert sentence["sources"]
        first = sentence["sources"][0]
        for change in sentence["changes"]:
            assert texts[first["article"]][change["start"] : change["end"]] == change["was"]
        for source in sentence["sources"]:
            assert as_used(texts[source["article"]], source, sentence["changes"], first) == sentence["text"]
        assert sentence["sources"][0]["article"] in sentence["corroborated_by"]


def as_used(text: str, source: dict, changes: list[dict], first: dict) -> str:
    """The characters a source slices, with the brief's changes made (their offsets are the first source's)."""
    used = text[source["start"] : source["end"]]
    for change in sorted(changes, key=lambda c: -c["start"]):
        start, end = change["start"] - first["start"], change["end"] - first["start"]
        if start >= 0:
            used = used[:start] + change["now"] + used[end:]
    return used


def test_wire_copy_appears_once_with_all_its_sources(example: Path) -> None:
    data = brief_json(str(example))
    lead = "An earthen dam on Marlow Creek gave way before dawn on Tuesday"
    copies = [s for s in data["sentences"] if s["text"].startswith(lead)]
    assert len(copies) == 1
    assert {c["article"] for c in copies[0]["sources"]} == {"newspaper", "wire"}
    assert set(copies[0]["corroborated_by"]) == {"blog", "newspaper", "wire"}


def test_opinion_is_never_selected_even_with_room_to_spare(example: Path) -> None:
    data = brief_json(str(example), "--words", "2000")
    assert data["words"] > 300
    for sentence in data["sentences"]:
        assert not is_opinion(sentence["text"]), sentence["text"]
    assert not any("tempting" in s["text"] or "can't afford" in s["text"] for s in data["sentences"])


@pytest.mark.parametrize("words", [20, 60, 120])
def test_budget_is_respected(example: Path, words: int) -> None:
    data = brief_json(str(example), "--words", str(words))
    assert 0 < data["words"] <= words
    assert data["budget"] == words


def test_budget_smaller_than_any_sentence_gives_one_sentence(example: Path) -> None:
    data = brief_json(str(example), "--words", "3")
    assert len(data["sentences"]) == 1


@pytest.mark.parametrize("method", ["newsfuse", "lead", "lexrank", "textrank"])
def test_every_method(example: Path, method: str) -> None:
    data = brief_json(str(example), "--method", method, "--words", "100")
    assert data["method"] == method
    assert 0 < data["words"] <= 100


def test_text_output_is_the_brief(example: Path) -> None:
    done = run_cli("summarize", str(example / "wire.txt"), str(example / "newspaper.html"), "--words", "80")
    assert done.returncode == 0
    assert "Marlow Creek" in done.stdout
    assert len(done.stdout.split()) <= 80


def test_every_format_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Dam fails\n{STORY}")
    (tmp_path / "b.json").write_text(json.dumps({"id": "json-1", "title": "T", "text": STORY, "source": "Courier"}))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "jl-1", "text": STORY}) + "\n")
    (tmp_path / "d.html").write_text(
        f"<html><head><title>Dam</title></head><body><article><p>{STORY}</p></article></body></html>"
    )
    (tmp_path / "e.src").write_text(f"{STORY} NEWLINE_CHAR ||||| {STORY}")
    data = brief_json(str(tmp_path))
    ids = [a["id"] for a in data["articles"]]
    assert ids == ["a", "json-1", "jl-1", "d", "doc-5", "doc-6"]
    assert data["sentences"] and all(len(s["corroborated_by"]) == 6 for s in data["sentences"])


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "multinews", "html"])
def test_stdin_with_explicit_format(fmt: str) -> None:
    payload = {
        "text": f"Dam fails\n{STORY}",
        "json": json.dumps([{"text": STORY}, {"text": STORY}]),
        "jsonl": json.dumps({"text": STORY}),
        "multinews": f"{STORY} ||||| {STORY}",
        "html": f"<html><body><article><p>{STORY}</p></article></body></html>",
    }[fmt]
    data = brief_json("-", "--format", fmt, stdin=payload.encode())
    assert "Marlow Creek" in data["summary"]


def test_single_article_says_it_has_one_source(example: Path) -> None:
    done = run_cli("summarize", str(example / "wire.txt"))
    assert done.returncode == 0
    assert "only one source article" in done.stdout
    data = brief_json(str(example / "wire.txt"))
    assert any("only one source" in w for w in data["warnings"])


def write_bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    bad = {
        "empty": ("empty.txt", b"", "empty input"),
        "whitespace": ("blank.txt", b"   \n\n\t  ", "empty input"),
        "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary file"),
        "undecodable": ("latin1.txt", "Café: the dam failed on Tuesday.".encode("latin-1"), "not UTF-8"),
        "unknown-format": ("notes.xml", b"<note><to>Desk</to><msg>text</msg></note>", "unknown format"),
        "malformed-json": ("broken.json", b'{"text": "the dam"', "malformed JSON"),
        "unread-language": (
            "swahili.txt",
            (
                b"Serikali ya kaunti imetangaza leo kwamba bwawa lilipasuka Jumanne asubuhi "
                b"na maji yakafika mjini ndani ya saa moja, "
                b"kwa mujibu wa maafisa wa kaunti waliozungumza na waandishi wa habari."
            ),
            "in Swahili, which newsfuse does not read",
        ),
        "only-noise": (
            "noise.txt",
            b"Advertisement\nShare this article\nClick here to subscribe.",
            "no article text",
        ),
    }
    made = {}
    for case, (name, content, reason) in bad.items():
        (tmp_path / name).write_bytes(content)
        made[case] = (tmp_path / name, reason)
    (tmp_path / "nothing-here").mkdir()
    made["empty-directory"] = (tmp_path / "nothing-here", "directory contains no articles")
    made["missing"] = (tmp_path / "missing.txt", "No such file or directory")
    return made


BAD_CASES = [
    "empty", "whitespace", "binary", "undecodable", "unknown-format", "malformed-json", "unread-language",
    "only-noise", "empty-directory", "missing",
]  # fmt: skip


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_alone_is_a_one_line_error_with_exit_2(tmp_path: Path, case: str) -> None:
    path, reason = write_bad_inputs(tmp_path)[case]
    done = run_cli("summarize", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(path) in lines[0] and reason in lines[0]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_among_good_ones_is_skipped_with_a_warning(tmp_path: Path, example: Path, case: str) -> None:
    path, reason = write_bad_inputs(tmp_path)[case]
    done = run_cli("summarize", str(example / "wire.txt"), str(path), str(example / "newspaper.html"))
    assert done.returncode == 0, done.stderr
    assert "Marlow Creek" in done.stdout
    assert f"warning: skipped {path}" in done.stderr and reason in done.stderr
    strict = run_cli("summarize", str(example / "wire.txt"), str(path), "--strict")
    assert strict.returncode == 2
    assert reason in strict.stderr and "Traceback" not in strict.stderr


@pytest.mark.parametrize(
    "extra",
    [[], ["--format", "pdf"], ["--words", "0"], ["--words", "many"], ["--method", "gpt"]],
)
def test_usage_errors_exit_2_without_traceback(example: Path, extra: list[str]) -> None:
    args = ["summarize", *([str(example)] if extra else []), *extra]
    done = run_cli(*args)
    assert done.returncode == 2, args
    assert "Traceback" not in done.stderr and "error" in done.stderr


def test_a_one_million_word_cluster_completes_in_bounded_memory(tmp_path: Path) -> None:
    rng = random.Random(7)
    subjects = ["The mayor", "Engineers", "The sheriff", "Residents", "The governor", "Inspectors", "Officials"]
    verbs = ["said", "warned", "reported", "confirmed", "estimated", "announced"]
    nouns = ["the dam", "the spillway", "the bridge", "the shelter", "the creek", "the levee", "the town"]
    for n in range(20):
        lines = []
        for _ in range(4100):
            words = [
                rng.choice(subjects),
                rng.choice(verbs),
                "that",
                rng.choice(nouns),
                "held",
                str(rng.randint(1, 9999)),
            ]
            words += rng.sample(["water", "rain", "repairs", "damage", "homes", "roads", "crews", "power"], 3)
            lines.append(" ".join(words) + " on Tuesday.")
        (tmp_path / f"part{n:02}.txt").write_text("\n".join(lines))
    total = sum(len(p.read_text().split()) for p in tmp_path.iterdir())
    assert total >= 1_000_000
    done = run_cli("summarize", str(tmp_path), "--output", "json", timeout=600)
    assert done.returncode == 0, done.stderr
    assert 0 < json.loads(done.stdout)["words"] <= 250
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2048


def test_only_bad_inputs_give_one_error_line_with_every_reason(tmp_path: Path) -> None:
    made = write_bad_inputs(tmp_path)
    binary, empty = made["binary"][0], made["empty"][0]
    done = run_cli("summarize", str(binary), str(empty))
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert "no usable articles" in line and "binary file" in line and "empty input" in line


def test_a_cut_connective_is_listed_in_the_json(tmp_path: Path) -> None:
    text = (
        "Dam report\nThe Marlow Creek dam failed on Tuesday and flooded the town of Alder Falls overnight.\n"
        "However, engineers had warned in 2024 that the spillway of the Marlow Creek dam was badly cracked."
    )
    (tmp_path / "a.txt").write_text(text)
    data = brief_json(str(tmp_path / "a.txt"), "--include-text")
    [warned] = [s for s in data["sentences"] if "warned" in s["text"]]
    assert warned["text"].startswith("Engineers had warned")
    cut, capital = warned["changes"]
    assert (cut["was"], cut["now"], capital["was"], capital["now"]) == ("However, ", "", "engineers", "Engineers")
    article = data["articles"][0]["text"]
    assert article[warned["sources"][0]["start"] :].startswith("engineers had warned")


def test_serve_on_a_port_in_use_is_one_line() -> None:
    """Not a server that starts its workers and then fails to bind."""
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        failed = run_cli("serve", "--port", str(port), timeout=60)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stderr.strip() == f"newsfuse: error: 127.0.0.1:{port}: cannot listen there (Address already in use)"


def test_a_count_below_one_is_refused_plainly() -> None:
    failed = run_cli("summarize", "-", "--words", "0", stdin=b"The dam held.")
    assert failed.returncode == 2 and "argument --words: must be at least 1, got 0" in failed.stderr


def test_an_empty_path_is_refused_not_read_as_the_working_directory(example: Path, tmp_path: Path) -> None:
    """An unset variable ("$FILE") gives an empty argument: Path("") is ".", which read every file there."""
    for args in (["summarize", ""], ["analyze", str(example), ""], ["ingest", "", "--db", str(tmp_path / "x.db")]):
        done = run_cli(*args, cwd=example)
        assert done.returncode == 2 and done.stderr.strip() == "newsfuse: error: '': empty path", args
    assert not (tmp_path / "x.db").exists()


def test_a_file_given_twice_is_read_once_not_counted_as_two_outlets(example: Path, tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(example / "wire.txt")
    done = run_cli("summarize", "wire.txt", "wire.txt", str(tmp_path / "link.txt"), "--output", "json", cwd=example)
    assert done.returncode == 0, done.stderr
    assert "skipped wire.txt: given twice: read once" in done.stderr
    assert f"skipped {tmp_path / 'link.txt'}: given twice (as wire.txt): read once" in done.stderr
    brief = json.loads(done.stdout)
    assert [a["id"] for a in brief["articles"]] == ["wire"]
