"""Hostile titles, authors, outlets, URLs, article text and file names: printed inert for each medium
(Markdown, a terminal, stderr) while ordinary text, accents, CJK and emoji included, is printed unchanged."""

from __future__ import annotations

import html
import json
from pathlib import Path

import markdown_it
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.escape import code, link, markdown, terminal
from tests.conftest import run_cli

ESC, RLO = "\x1b", "\u202e"
CLEAR = f"{ESC}[2J"
FRIENDLY = "Zoë Ångström met officials in Zürich, 東京 and Kraków 😀 on Tuesday."
LEAD = (
    "The dam on Marlow Creek failed on Tuesday, and the water reached the town of Alder Falls within an hour, "
    f"officials said. <b>Three</b> *people* were [killed](javascript:alert(1)) {CLEAR}overnight{RLO} here, "
    "the sheriff said."
)
HOSTILE = [
    {
        "id": "a<i>`x`",
        "title": f"Dam <script>alert(1)</script> fails {CLEAR}\nLine two{RLO}",
        "author": "<img src=x onerror=alert(1)>",
        "source": "[Click](javascript:alert(1)) | Wire",
        "url": "javascript:alert(document.cookie)",
        "published": "2026-11-03",
        "text": f"{LEAD} {FRIENDLY}",
    },
    {
        "id": "b",
        "title": "Second report",
        "source": "# Valley News",
        "url": "https://valley.example/dam?a=1&b=2",
        "text": "An earthen dam on Marlow Creek gave way before dawn on Tuesday, sending water through Alder "
        "Falls, officials said. Three people were killed, the sheriff said.",
    },
]
TAGS = ("<script", "<img", "<b>", "<javascript:")
CONTROLS = (ESC, RLO, "\x07", "\x9b")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    return path


def rendered(markdown_text: str) -> str:
    """The HTML a CommonMark renderer with raw HTML and GFM tables on makes of ``markdown_text``."""
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_text)


def assert_inert(html_text: str) -> None:
    for tag in ("<script", "<img", "<b>", 'href="javascript', 'href="data'):
        assert tag not in html_text.lower(), html_text


# --- the functions ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (f"a{CLEAR}b", "a\\x1b[2Jb"),
        ("one\ntwo\r\tthree", "one\\x0atwo\\x0d\\x09three"),
        (f"x{RLO}gpj.exe", "x\\u202egpj.exe"),
        ("\u2066\u2069\u200e\u200f\u202a\x7f\x85\x9b\x00", "\\u2066\\u2069\\u200e\\u200f\\u202a\\x7f\\x85\\x9b\\x00"),
        (FRIENDLY, FRIENDLY),
        ("C:\\path\\file — “quoted” 👩‍👩‍👧", "C:\\path\\file — “quoted” 👩‍👩‍👧"),
    ],
)
def test_terminal_shows_controls_and_bidi_as_escapes_and_nothing_else(raw: str, shown: str) -> None:
    assert terminal(raw) == shown


@given(st.text())
def test_terminal_output_is_one_line_without_controls(text: str) -> None:
    shown = terminal(text)
    assert len(shown.splitlines()) <= 1
    assert not any(c in shown for c in CONTROLS)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        (
            "![i](data:x) *a* _b_ `c` ~d~ #e | f \\",
            "\\!\\[i\\](data:x) \\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\#e \\| f \\\\",
        ),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("2026. A year", "2026\\. A year"),
        ("3) three", "3\\) three"),
        ("one\n\n# two\n    three", "one \\# two three"),
        (f"x{ESC}y", "x\\\\x1by"),
        (FRIENDLY, FRIENDLY),
    ],
)
def test_markdown_escapes_structure(raw: str, shown: str) -> None:
    assert markdown(raw) == shown


TRICKY = st.text(st.sampled_from(list("ab1. -+=#*_`[]()!|~<>&\\:/\"'\n\t\x1b\u202eé中😀")), max_size=24)


@given(TRICKY, st.sampled_from(["", "- ", "1. ", "> ", "# "]))
def test_markdown_renders_as_exactly_the_text_anywhere_on_a_line(text: str, prefix: str) -> None:
    shown = terminal(" ".join(text.split()))
    out = rendered(prefix + markdown(text))
    assert html.escape(shown).replace("&#x27;", "'") in out
    assert out.count("<li>") + out.count("<h1>") + out.count("<blockquote>") == (prefix != "")
    assert not any(tag in out for tag in ("<a ", "<em>", "<strong>", "<code>", "<img", "<h2", "<del>"))


@given(TRICKY)
def test_a_markdown_table_cell_stays_one_cell(text: str) -> None:
    out = rendered(f"| a | b |\n|---|---|\n| {markdown(text)} | end |")
    assert out.count("<td>") == 2 and "<td>end</td>" in out


@pytest.mark.parametrize("url", ["https://valley.example/dam?a=1&b=2", "HTTP://x.example/É"])
def test_http_urls_are_links(url: str) -> None:
    assert link(url) == f"<{url}>"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>", "JaVaScRiPt:x", "vbscript:x", "/relative", "https://x/<y>",
     f"https://x.example/{RLO}gpj", "https://x.example/a b", "https://x.example/a|b"],
)  # fmt: skip
def test_other_urls_are_text_never_links(url: str) -> None:
    out = rendered(f"x {link(url)}")
    assert "<a " not in out and "<script" not in out


@pytest.mark.parametrize(("raw", "shown"), [("wire", "`wire`"), ("a`b", "``a`b``"), ("`a``", "``` `a`` ```")])
def test_code_spans_are_fenced_past_any_backticks(raw: str, shown: str) -> None:
    assert code(raw) == shown
    assert f"<code>{html.escape(raw, quote=False)}</code>" in rendered(f"x {code(raw)}")


# --- the commands ----------------------------------------------------------------------------------------------


def test_summarize_markdown_of_hostile_articles_is_inert(hostile: Path) -> None:
    done = run_cli("summarize", str(hostile), "--output", "markdown", "--words", "400")
    assert done.returncode == 0, done.stderr
    for raw in (*TAGS, *CONTROLS):
        assert raw not in done.stdout, raw
    lines = done.stdout.splitlines()
    sources = lines[lines.index("## Sources") + 2 :]
    assert len(sources) == 2 and sources[0].startswith("1. ") and sources[1].startswith("2. "), sources
    assert "<https://valley.example/dam?a=1&b=2>" in sources[1] and FRIENDLY in done.stdout
    out = rendered(done.stdout)
    assert_inert(out)
    assert out.count("<li>") == 2 and out.count("<h1>") == 1 and out.count("<a href") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "[Click](javascript:alert(1)) | Wire" in out
    assert "<code>a&lt;i&gt;`x`</code>" in out
    data = json.loads(run_cli("summarize", str(hostile), "--output", "json").stdout)  # JSON: escaped by json
    # cleaning drops what no reader sees (the terminal codes, the override); the line break is the title's own
    assert {a["title"] for a in data["articles"]} == {"Dam <script>alert(1)</script> fails \nLine two", "Second report"}


def test_summarize_text_escapes_controls_and_keeps_letters(hostile: Path) -> None:
    done = run_cli("summarize", str(hostile), "--words", "400")
    assert done.returncode == 0, done.stderr
    assert not any(c in done.stdout for c in CONTROLS)
    assert " overnight here" in done.stdout and FRIENDLY in done.stdout  # cleaning dropped the codes around it


def test_analyze_markdown_of_hostile_articles_is_inert(hostile: Path) -> None:
    done = run_cli("analyze", str(hostile))
    assert done.returncode == 0, done.stderr
    for raw in (*TAGS, *CONTROLS):
        assert raw not in done.stdout, raw
    out = rendered(done.stdout)
    assert_inert(out)
    assert out.count("<h1>") == 1 and "<a " not in out
    first_table = out.split("</table>")[0]
    assert all(row.count("<td>") == 5 for row in first_table.split("<tr>")[2:]), first_table


def test_stories_and_story_of_hostile_articles_are_inert(tmp_path: Path, hostile: Path) -> None:
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(hostile), "--db", str(db)).returncode == 0
    listed = run_cli("stories", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert not any(c in listed.stdout for c in CONTROLS)
    assert len(listed.stdout.strip().splitlines()) == 3, listed.stdout  # headline, outlets and dates, brief
    story = str(json.loads(run_cli("stories", "--db", str(db), "--output", "json").stdout)[0]["id"])
    text = run_cli("story", story, "--db", str(db))
    assert text.returncode == 0 and not any(c in text.stdout for c in CONTROLS)
    assert "Dam <script>alert(1)</script> fails \\x0aLine two" in text.stdout  # the line break escaped
    shown = run_cli("story", story, "--db", str(db), "--output", "markdown")
    assert shown.returncode == 0 and not any(raw in shown.stdout for raw in (*TAGS, *CONTROLS))
    assert_inert(rendered(shown.stdout))


HOSTILE_NAME = f"bad\n{CLEAR}{RLO}name.bin"


def test_an_error_naming_a_hostile_file_stays_one_inert_line(tmp_path: Path) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_text("hello")
    done = run_cli("summarize", str(path))
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.endswith("bad\\x0a\\x1b[2J\\u202ename.bin: unknown format (extension '.bin'); pass --format")
    assert not any(c in done.stderr for c in CONTROLS)


def test_a_warning_naming_a_hostile_file_stays_one_inert_line(tmp_path: Path, hostile: Path) -> None:
    (tmp_path / f"empty\n{CLEAR}{RLO}.txt").write_text("")
    done = run_cli("summarize", str(hostile), str(tmp_path / f"empty\n{CLEAR}{RLO}.txt"))
    assert done.returncode == 0, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "warning: skipped" in line and "empty\\x0a\\x1b[2J\\u202e.txt: empty input" in line
    assert not any(c in done.stderr + done.stdout for c in CONTROLS)  # the note in the brief too


def test_a_usage_error_quoting_what_was_typed_is_escaped() -> None:
    done = run_cli("stories", f"x{CLEAR}\nnewsfuse: all good{RLO}")
    assert done.returncode == 2
    assert "unrecognized arguments: x\\x1b[2J\\x0anewsfuse: all good\\u202e" in done.stderr
    assert not any(c in done.stderr for c in CONTROLS)


def test_markdown_notes_are_one_paragraph_each() -> None:
    from newsfuse.render import note_lines

    lines = note_lines(["only one source article", "empty brief: everything was opinion"])
    assert lines == ["> Note: only one source article", ">", "> Note: empty brief: everything was opinion", ""]
    assert note_lines([]) == []
