"""Make text taken from input inert for the medium it is printed to.

Titles, authors, outlets, URLs, article text and file names are written by whoever wrote the input. Printed
raw, they control a terminal (``ESC[2J`` clears it, U+202E reverses what follows, a newline turns a one-line
error into two) or inject structure into a Markdown report a user renders (``<script>``, a ``javascript:``
link, a table cell split by ``|``). Each function here escapes for one medium and leaves ordinary text
(accents, CJK, emoji) as it is. JSON needs nothing: ``json.dumps`` escapes its strings itself.
"""

from __future__ import annotations

import re

# C0 controls (newline, tab and ESC included), DEL, C1 controls, the line and paragraph separators, and every
# bidirectional mark, embedding, override and isolate.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What opens inline Markdown structure (code, emphasis, links, images, tables, strikethrough, headings) or
# HTML (tags, entities). Parentheses are left alone: they make a link only after an unescaped ``]``.
MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]#!|~<>&]")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What makes text at the start of a line a list item, a setext underline or a thematic break.
LEADING_MARKER = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")
SAFE_URL = re.compile(r"https?://[^\s<>|`\\\"']+", re.IGNORECASE)
BACKTICKS = re.compile("`+")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """``text`` on one line, every control and bidi character shown as an escape (ESC as ``\\x1b``)."""
    return UNSAFE.sub(_visible, text)


def _one_line(text: str) -> str:
    return terminal(" ".join(text.split()))


def _markdown_char(match: re.Match[str]) -> str:
    char = match.group()
    return ENTITIES.get(char) or "\\" + char


def markdown(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text, on one line: no HTML, no links, no emphasis,
    no table cell boundary, and no list or heading even at the start of a line or a list item."""
    escaped = MARKDOWN_SPECIAL.sub(_markdown_char, _one_line(text))
    marker = LEADING_MARKER.match(escaped)
    if marker is None:
        return escaped
    return marker.group() + "\\" + escaped[marker.end() :] if marker.group().isdigit() else "\\" + escaped


def link(url: str) -> str:
    """An http or https URL as a Markdown autolink; any other (``javascript:``, ``data:``, relative) is shown
    as escaped text, never made a link."""
    if SAFE_URL.fullmatch(url) and not UNSAFE.search(url):
        return f"<{url}>"
    return markdown(url)


def code(text: str) -> str:
    """``text`` as an inline code span on one line, fenced by more backticks than any run in it."""
    shown = _one_line(text)
    if not shown:
        return ""
    fence = "`" * (max(map(len, BACKTICKS.findall(shown)), default=0) + 1)
    pad = " " if shown[0] == "`" or shown[-1] == "`" else ""
    return f"{fence}{pad}{shown}{pad}{fence}"
