"""The article text of a web page: trafilatura's choice, with what its fallback dropped of the article put back.

trafilatura first finds the page's main container with its own rules, then compares that text with what
generic algorithms (readability, jusText) find, and may take theirs instead: on a blog whose short post sits
beside a longer sidebar, or a Q&A page whose answers outnumber the question, the post or the question is
replaced wholesale and the article is lost; on a page whose container is mostly tables, readability's text
is taken and the tables' rows are gone. Its fast mode keeps the container's own text. Both are read here:

* when the final text holds less than half of the container's text, the container was replaced, not
  trimmed: its paragraphs that the final text lacks are put back (the cleaning stage removes what noise
  comes along);
* otherwise the fallback's trimming is trusted, except for table rows that hold a sentence: a table of
  story text, dropped because tables are taken for layout.

Either way a line goes back after the line it follows in the container's text.

A page whose story is drawn by a script, or covered by a paywall, shows little of it; many such pages still
declare the whole story for search engines, as schema.org's ``articleBody`` in JSON-LD. That body is the
article when it is at least twice as long as the text read off the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

SHINGLE = 3  # words: a paragraph counts as present when most of its 3-word runs are in the other text
PRESENT = 0.5  # ... at least this share of them
WORD = re.compile(r"\w+")
ROW_SENTENCE_WORDS = 4  # a cell of at least this many words that ends like a sentence
SENTENCE_END = (".", "!", "?")
LD_JSON = "application/ld+json"
DECLARED = 2.0  # the declared articleBody is the article when it has this many times the words of the page's text
BLOCK_END = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6])\s*/?>")
# Markup inside a sentence: a single inline tag goes without a trace ("<b>M</b>arlow" is "Marlow", "Tues<span>day
# </span>," is "Tuesday,"); two tags that meet part words ("<a>Politics</a><a>Economy</a>"), as any other tag
# does, and so do superscripts and subscripts ("10<sup>5</sup>" is no 105)
INLINE_TAG = re.compile(r"(?i)</?(?:a|b|i|u|s|em|strong|span|font|small|big|abbr|mark|code|q|cite|time)\b[^<>]*>")
TAGS = re.compile(r"(?:<[^<>]+>)+")  # a run of tags: never across another "<" (linear whatever the markup)
SPACES = re.compile(r"[^\S\n]+")


def shingles(text: str) -> set[tuple[str, ...]]:
    """The text's runs of ``SHINGLE`` words (lower case; a shorter text is one run): a paragraph laid out
    differently by two extractors (a table's cells on one line or on many) still shares them."""
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def is_new(line: str, known: set[tuple[str, ...]], text: str) -> bool:
    """Whether a paragraph says something the text does not: most of its word runs are missing from it (a
    paragraph of no words, such as ``=)``, when it is not in the text verbatim)."""
    runs = shingles(line)
    if not runs:
        return line.strip() not in text
    return len(runs & known) < PRESENT * len(runs)


def merged_lines(chosen: list[str], own: list[str], new: set[int]) -> list[str]:
    """The chosen text's lines with the ``new`` lines (indexes into ``own``) put back after the chosen line
    that holds the last line of ``own`` before them (at the start when none does: the page's article
    container heads the page's text more often than a block found elsewhere). One pass over each text, so
    that no page, however many or repeated its lines, costs more than linear time."""
    first: dict[str, int] = {}
    for i, line in enumerate(chosen):
        first.setdefault(line.strip(), i)
    before: dict[int, list[str]] = {}  # lines to put back before chosen[i]
    anchor = 0
    for j, line in enumerate(own):
        if j in new:
            before.setdefault(anchor, []).append(line)
        elif (i := first.get(line.strip())) is not None:
            anchor = max(anchor, i + 1)
    merged: list[str] = []
    for i in range(len(chosen) + 1):
        merged.extend(before.get(i, ()))
        merged.extend(chosen[i : i + 1])
    return merged


def story_row(line: str) -> bool:
    """A table row (trafilatura writes ``| cell | cell |``) with a sentence in a cell: story text, not a
    layout or a list of links."""
    if not line.startswith("|"):
        return False
    return any(
        len(cell.split()) >= ROW_SENTENCE_WORDS and cell.strip().endswith(SENTENCE_END) for cell in line.split("|")
    )


def replaced(chosen_runs: set[tuple[str, ...]], own: str) -> bool:
    """Whether the final text holds less than half of the container's text: the container was replaced."""
    runs = shingles(own)
    return len(runs & chosen_runs) < PRESENT * len(runs)


def recovered(chosen: str, own: str) -> str:
    """``chosen`` (trafilatura's final text) with what it lacks of ``own`` (its container's text): every
    paragraph when the container was replaced, else its table rows of story text; in page order."""
    if not own.strip() or own == chosen:
        return chosen
    known = shingles(chosen)
    whole = replaced(known, own)
    own_lines = own.split("\n")
    new = {
        j
        for j, line in enumerate(own_lines)
        if line.strip() and (whole or story_row(line)) and is_new(line, known, chosen)
    }
    if not new:
        return chosen
    return "\n".join(merged_lines(chosen.split("\n") if chosen.strip() else [], own_lines, new))


def plain(markup: str) -> str:
    """Text of an HTML snippet (a feed entry, a declared article body), one paragraph a line, each run of spaces
    one space."""
    text = TAGS.sub(_untagged, BLOCK_END.sub("\n", markup)) if "<" in markup else markup
    return SPACES.sub(" ", html.unescape(text) if "&" in text else text)


def _untagged(run: re.Match[str]) -> str:
    return "" if INLINE_TAG.fullmatch(run.group()) else " "


def ld_json_blocks(content: str) -> Iterator[str]:
    """The text of each ``<script type="application/ld+json">`` of a page, found with ``str.find``: linear
    on any page, however many unclosed scripts it holds."""
    at = content.find(LD_JSON)
    while at >= 0:
        start = content.find(">", at)
        end = content.find("</script", start) if start >= 0 else -1
        if end < 0:
            return
        yield content[start + 1 : end]
        at = content.find(LD_JSON, end)


def article_bodies(data: Any) -> Iterator[str]:
    """Every ``articleBody`` string in a JSON-LD document (top level, in lists, in ``@graph``), walked with a
    stack: no recursion, however deep the document."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(body := item.get("articleBody"), str):
                yield body
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def declared_body(content: str) -> str:
    """The longest ``articleBody`` the page declares in JSON-LD, as plain text; empty when none."""
    if "articleBody" not in content:
        return ""
    bodies = []
    for block in ld_json_blocks(content):
        try:
            bodies.extend(article_bodies(json.loads(block)))
        except (ValueError, RecursionError):  # malformed JSON-LD is common, and only this block's loss
            continue
    lines = plain(max(bodies, key=len)).split("\n") if bodies else []
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def fuller(text: str, declared: str) -> str:
    """The page's text, or its declared body when that has at least ``DECLARED`` times the words: the page
    then shows only part of its story. Read off the page, the text keeps its paragraphs and is preferred."""
    return declared if len(declared.split()) >= DECLARED * len(text.split()) and declared else text


HIDDEN = re.compile(r"<template\b|<[a-z][^<>]*\shidden(?=[\s=/>])", re.IGNORECASE)


def shown(content: str) -> str:
    """The page without what a browser never shows: ``<template>`` content and elements marked ``hidden``
    (trafilatura drops ``display: none`` but reads these as text)."""
    if not HIDDEN.search(content):
        return content
    import lxml.html  # trafilatura's own parser

    try:
        tree = lxml.html.fromstring(content)
    except (ValueError, lxml.etree.ParserError):
        return content
    unseen = tree.xpath("//template | //*[@hidden]")
    if not unseen:
        return content
    for node in unseen:
        node.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode")
