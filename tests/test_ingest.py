import io
import json
from pathlib import Path

import pytest

import newsfuse.stories
from newsfuse.decoding import decode
from newsfuse.errors import InputError
from newsfuse.ingest import from_records, load
from newsfuse.model import Article
from tests.conftest import EXAMPLE, run_cli

STORY = "The dam on Marlow Creek failed on Tuesday, and the water reached the town within an hour."


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_ids_come_from_file_names_json_ids_or_doc_n(tmp_path: Path) -> None:
    a = write(tmp_path / "wire.txt", f"Title\n{STORY}")
    b = write(tmp_path / "feed.json", json.dumps([{"id": "courier-1", "text": STORY}, {"text": STORY}]))
    c = write(tmp_path / "cluster.src", f"{STORY} ||||| {STORY}")
    loaded = load([a, b, c])
    assert [x.id for x in loaded.articles] == ["wire", "courier-1", "doc-3", "doc-4", "doc-5"]
    assert loaded.problems == ()


def test_clashing_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    a = write(tmp_path / "wire.txt", STORY)
    b = write(tmp_path / "x" / "wire.txt", STORY)
    assert [x.id for x in load([a, b]).articles] == ["wire", "wire-2"]


def test_directory_is_read_recursively_in_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "sub" / "a.txt", STORY)
    write(tmp_path / ".DS_Store", b"\x00\x01")
    assert [x.id for x in load([str(tmp_path)]).articles] == ["b", "a"]


def test_stdin_is_read_with_auto_detection() -> None:
    stdin = io.BytesIO(json.dumps({"id": "s", "text": STORY}).encode())
    assert load(["-"], stdin=stdin).articles[0].id == "s"


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", '{"text": "not json to a text reader"}')
    assert load([path], fmt="text").articles[0].text.startswith("{")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty input"),
        ("blank.txt", "  \n\t\n ", "empty input"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\xe9 au lait, the dam failed.".encode("latin-1"), "not UTF-8"),
        ("data.xml", "<catalog>some text</catalog>", "unknown format"),
        ("feed.xml", "<feed>some text</feed>", "no articles found"),
        ("broken.json", '{"text": "x"', "malformed JSON"),
        ("notext.json", '{"id": "a", "text": "   "}', "empty article"),
        (
            "swahili.txt",
            "Serikali ya kaunti imetangaza leo kwamba bwawa lilipasuka Jumanne asubuhi "
            "na maji yakafika mjini ndani ya saa moja, "
            "kwa mujibu wa maafisa wa kaunti waliozungumza na waandishi wa habari.",
            "in Swahili, which newsfuse does not read",
        ),
    ],
)
def test_bad_inputs_are_named_with_their_reason(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError, match=reason) as raised:
        load([path], strict=True)
    assert raised.value.origin.endswith(name)
    skipped = load([path, write(tmp_path / "good.txt", STORY)])
    assert [a.id for a in skipped.articles] == ["good"]
    assert reason in skipped.problems[0].reason


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    problems = load([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]).problems
    assert [p.reason for p in problems] == ["No such file or directory", "directory contains no articles"]


def test_decode_strips_a_byte_order_mark() -> None:
    assert decode("\ufeffHello".encode(), "x") == "Hello"


def test_records_for_the_api() -> None:
    loaded = from_records([{"id": "a", "text": STORY}, STORY, Article(id="z", text=STORY), {"text": ""}])
    assert [a.id for a in loaded.articles] == ["a", "doc-2", "z"]
    assert loaded.problems[0].origin == "articles[3]"
    with pytest.raises(InputError, match=r"articles\[0\]: field 'text' must be a string"):
        from_records([{"title": "no text"}], strict=True)


def test_a_bad_article_inside_a_file_is_skipped_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "a", "text": STORY}, {"id": "b", "text": "   "}, {"id": "c", "text": STORY},
    ]))  # fmt: skip
    loaded = load([path])
    assert [a.id for a in loaded.articles] == ["a", "c"]
    assert [p.origin for p in loaded.problems] == [f"{path}:2"]  # a JSONL record is named by its line


def test_an_html_fragment_without_an_article_is_one_bad_article_not_a_bad_file(tmp_path: Path) -> None:
    good = {"id": "good", "text": "The dam on Marlow Creek failed on Tuesday, and three people died, officials said."}
    fragment = {"id": "fragment", "text": "<div><img src='chart.png'></div>"}
    (tmp_path / "mixed.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(fragment) + "\n")
    loaded = load([str(tmp_path / "mixed.jsonl")])
    assert [a.id for a in loaded.articles] == ["good"]
    assert len(loaded.problems) == 1 and "mixed.jsonl:2:" in str(loaded.problems[0])


def test_a_bad_jsonl_line_or_json_item_is_skipped_alone_named_by_its_place(tmp_path: Path) -> None:
    """A truncated line, a line with bytes that are not UTF-8: each is skipped alone, named file:line. A raw
    U+2028 inside a JSON string ends no line, and an escaped lone surrogate is replaced."""
    lines = [
        json.dumps({"id": "g1", "text": STORY}).encode(),
        b'{"id": "cut", "text": "The dam on Marlow Cr',
        json.dumps({"id": "g3", "text": STORY + "\u2028" + STORY}, ensure_ascii=False).encode(),
        b'{"id": "latin", "text": "Caf\xe9 owners said the dam failed."}',
        b'{"id": "g5", "title": "\\ud800", "text": "' + STORY.encode() + b'"}',
    ]
    path = write(tmp_path / "feed.jsonl", b"\n".join(lines) + b"\n")
    loaded = load([path])
    assert [a.id for a in loaded.articles] == ["g1", "g3", "g5"]
    assert [p.origin for p in loaded.problems] == [f"{path}:2", f"{path}:4"]
    assert "malformed JSON" in loaded.problems[0].reason and "not UTF-8" in loaded.problems[1].reason
    with pytest.raises(InputError, match="malformed JSON") as raised:
        load([path], strict=True)
    assert raised.value.origin == f"{path}:2"
    items = write(
        tmp_path / "items.json", json.dumps([{"id": "a", "text": STORY}, {"text": 5}, {"id": "c", "text": STORY}])
    )
    loaded = load([items])
    assert [a.id for a in loaded.articles] == ["a", "c"]
    assert [str(p) for p in loaded.problems] == [f"{items} (article 2): field 'text' must be a string"]


def test_summarize_and_analyze_skip_a_bad_jsonl_line_with_a_warning(tmp_path: Path) -> None:
    first = "The dam on Marlow Creek failed on Tuesday, and the water reached the town of Alder Falls within an hour."
    second = (
        "Officials in Alder Falls said on Wednesday that about 2,000 residents had left their homes after the flood."
    )
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": first}) + '\n{"id": "b", "text": "The da\n'
                    + json.dumps({"id": "c", "text": second}) + "\n")  # fmt: skip
    for command in ("summarize", "analyze"):
        done = run_cli(command, str(path))
        assert done.returncode == 0, done.stderr
        assert f"newsfuse: warning: skipped {path}:2: malformed JSON" in done.stderr, done.stderr
    strict = run_cli("summarize", str(path), "--strict")
    error = strict.stderr.strip().splitlines()
    assert strict.returncode == 2 and len(error) == 1 and error[0].startswith(f"newsfuse: error: {path}:2: malformed")


def test_what_a_directory_holds_besides_files_is_named_not_passed_over(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("The ferry left Pier 4 at seven on Tuesday, twenty minutes late.")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("The Marlow Star sailed from Pier 4 on Tuesday after a delay of twenty minutes.")
    (folder / "linked").symlink_to(elsewhere)
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    loaded = load([str(folder)])
    assert [a.origin for a in loaded.articles] == [str(folder / "b.txt")]
    problems = {p.origin: p.reason for p in loaded.problems}
    assert problems[str(folder / "linked")].startswith("a link to a directory, not followed")
    assert problems[str(folder / "dangling.txt")] == "No such file or directory"


def test_one_path_given_as_text_is_one_path_not_its_characters() -> None:
    """A string is iterable: read as a list, "/" would have made a program read the whole disk."""
    assert len(load(str(EXAMPLE)).articles) == len(load([str(EXAMPLE)]).articles) == 3
    assert len(load(EXAMPLE).articles) == 3  # a pathlib.Path too
    assert len(list(newsfuse.stories.units(str(EXAMPLE), "auto"))) == 3
    for wrong in (b"/etc", 5, [5]):
        with pytest.raises(InputError, match="expected"):
            load(wrong)  # type: ignore[arg-type]


def test_a_page_or_feed_in_the_charset_it_declares_and_utf16_text_are_read(tmp_path: Path) -> None:
    """As a browser (or ``watch``) reads them; bytes that are not UTF-8 and declare nothing are still refused."""
    page = '<html><head><meta charset="shift_jis"><title>ダム</title></head><body><p>{}</p></body></html>'
    story = "火曜日の未明、マーロウ川のダムが決壊し、約2000人の住民が避難した。郡の保安官によると、3人が死亡した。"
    (tmp_path / "sjis.html").write_bytes(page.format(story).encode("shift_jis"))
    feed = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Courier</title><item>'
            "<title>Dam</title><link>https://c.example/1</link><description>Café owner Zoë Müller said the dam on "
            "Marlow Creek failed on Tuesday and three people died.</description></item></channel></rss>")  # fmt: skip
    (tmp_path / "latin.rss").write_bytes(feed.encode("latin-1"))
    (tmp_path / "windows.txt").write_bytes(
        b"\xff\xfe" + "The dam failed on Tuesday, the sheriff said.".encode("utf-16-le")
    )
    (tmp_path / "cp1252.txt").write_bytes("Caf\u00e9 owners said the dam failed.".encode("cp1252"))
    loaded = load([str(tmp_path / name) for name in ("sjis.html", "latin.rss", "windows.txt", "cp1252.txt")])
    texts = [a.text for a in loaded.articles]
    assert (
        story[:10] in texts[0]
        and "Zoë Müller" in texts[1]
        and texts[2] == "The dam failed on Tuesday, the sheriff said."
    )
    assert [str(p) for p in loaded.problems] == [
        f"{tmp_path / 'cp1252.txt'}: not UTF-8 text (undecodable byte at offset 3)"
    ]


def test_ids_of_blanks_are_none_true_is_no_id_and_a_made_id_clash_is_said_so() -> None:
    loaded = from_records([
        {"text": "The dam on Marlow Creek failed on Tuesday, the sheriff said."},
        {"id": "doc-1", "text": "Four people died when the Marlow Creek dam failed on Tuesday."},
        {"id": "  ", "text": "Rescuers reached the town of Alder Falls on Wednesday morning."},
    ])  # fmt: skip
    assert [a.id for a in loaded.articles] == ["doc-1", "doc-1-2", "doc-3"]
    assert loaded.notes == ("the id 'doc-1' went to an earlier article that had none: this one is 'doc-1-2'",)
    refused = from_records([{"id": True, "text": "The dam on Marlow Creek failed on Tuesday."}])
    assert [str(p) for p in refused.problems] == ["articles[0]: field 'id' must be a string"]


def test_lines_ended_by_a_carriage_return_alone_count_against_the_line_limit() -> None:
    loaded = from_records([{"text": "Dam.\r" * 60_000}, {"text": "Dam.\r\n" * 60_000}])
    assert [str(p) for p in loaded.problems] == [
        "articles[0]: article of 60,001 lines: over the limit of 50,000",
        "articles[1]: article of 60,001 lines: over the limit of 50,000",
    ]


def test_gzip_compressed_files_are_read_inflated_and_bounded(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "wire.txt.gz").write_bytes(gzip.compress((EXAMPLE / "wire.txt").read_bytes()))
    records = [{"id": "j", "text": "Four people died when the Marlow Creek dam failed on Tuesday."}]
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    (tmp_path / "broken.gz").write_bytes(b"not gzip at all")
    loaded = load([str(tmp_path / name) for name in ("wire.txt.gz", "feed.jsonl.gz", "broken.gz")])
    assert [a.id for a in loaded.articles] == ["wire", "j"]
    assert "not a readable gzip file" in str(loaded.problems[0])
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as packed:  # 300 MB of zeros in a few hundred kilobytes
        for _ in range(300):
            packed.write(b"0" * 2**20)
    assert "over the limit of" in str(load([str(bomb)]).problems[0])
