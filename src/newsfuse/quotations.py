"""Quotations: where a sentence quotes someone, in the marks of each language newsfuse reads.

A brief must not pass a source's words off as the writer's, nor lift a quotation away from its speaker, so the
rules of brief material (``material``: a quotation opened and not closed), of readable briefs (``readable``: a
quotation's end, or one whose speaker is a pronoun) and of where a quotation runs on from one sentence to the next
(``inside_quotations``) all read quotation marks. They read them here. The marks differ by language (“…”, « », „ “,
「」, the wire's ``…''), and a straight " or the wire's '' opens or closes a quotation by where it stands. (The
anatomy finds quotations and their speakers with patterns of its own, ``anatomy.sayings``.)
"""

from __future__ import annotations

import re

from newsfuse.model import Story

# Opening and closing marks of each language's quotations: German and Czech close „ with “ (English's opening).
MARK_PAIRS = (("„", "“”"), ("“", "”"), ("«", "»"), ("「", "」"), ("『", "』"), ("``", "''"))

MARKS = ('"', "''", "``", "“", "”", "«", "»", "„", "「", "」", "『", "』")  # every mark, of every language


def has_marks(text: str) -> bool:
    """Whether a text has a quotation mark at all, of any language (a few substring tests: faster than any
    pattern)."""
    return any(mark in text for mark in MARKS)


def opens_quotation(text: str) -> bool:
    """A sentence that opens with a quotation it does not close (« C'est assez désastreux de notre point de vue.):
    the quotation, and its speaker, go on in the next sentence, so the sentence is no brief material alone. (A
    quotation opened later in a sentence has its speaker before it: "Trump said that "she sounded…".)"""
    start = text.lstrip(" -–—")
    for opening, closing in MARK_PAIRS:
        if start.startswith(opening):
            return text.count(opening) > sum(text.count(mark) for mark in closing)
    return start.startswith('"') and text.count('"') % 2 == 1


def half_quotation(text: str) -> bool:
    """The end of a quotation whose opening is in an earlier sentence: a closing mark before any opening one
    (``…rebuild it,” the mayor said.``, or a straight quote right after a word: ``…rebuild it," she said.``)."""
    if "”" in text:
        return "“" not in text or text.index("”") < text.index("“")
    if "''" in text:  # the wire's ``…'' (or '' at both ends, as straight quotes); not inches, "a 6'' pipe"
        first = text.index("''")
        if "``" in text:
            closes = first < text.index("``")
        else:
            opened = '"' in text[:first] or "“" in text[:first]  # opened here with other marks: '"…,'' said Musab.'
            closes = text.count("''") % 2 == 1 and first > 0 and not text[first - 1].isspace() and not opened
        if closes and not text[first - 1 : first].isdigit():
            return True
    if text.count('"') % 2:
        first = text.index('"')
        return first > 0 and not text[first - 1].isspace() and text[first + 1 : first + 2] in ("", " ")
    return False


# A quotation ends before the next opening mark (no nesting of the same marks in news copy), so that text with
# many opening marks and no closing one costs linear time, not quadratic.
QUOTATION = re.compile(r"``((?:(?!``|'').)+)''|“([^“”]+)”|\"([^\"]+)\"")


def quoting(text: str) -> bool:
    """Whether a sentence has a mark ``QUOTATION`` reads (most have none: no quotation to look for)."""
    return '"' in text or "“" in text or "``" in text


def outside_quotations(text: str) -> str:
    """The text with what ``QUOTATION`` finds quoted taken out."""
    return QUOTATION.sub(" ", text) if quoting(text) else text


QUOTE_MARK = re.compile(r"``|''|[“”«»„「」『』\"]")
CLOSING = {opening: closing for opening, closing in MARK_PAIRS} | {"''": "''", '"': '"'}
LONGEST_QUOTATION = 4  # sentences a quotation may go on for past the one that opens it: a mark left open longer
# is a stray one (scraped text), not a quotation


def left_open(text: str, opened: str) -> str:
    """The quotation mark still open at the end of ``text`` ("" if none), given the one open at its start. The
    wire's '' and a straight " open a quotation only right before a word at a word's start (``''No help.``);
    after a word they close one."""
    for found in QUOTE_MARK.finditer(text):
        mark, at = found.group(), found.start()
        if opened:
            if mark in CLOSING[opened]:
                opened = ""
        elif mark in ("''", '"'):
            before, after = text[at - 1 : at], text[found.end() : found.end() + 1]
            if before in ("", " ", "(", "[", "—", "-") and after and not after.isspace():
                opened = mark
        elif mark in CLOSING:
            opened = mark
    return opened


def inside_quotations(story: Story) -> dict[tuple[str, int], str]:
    """Each sentence that begins inside a quotation opened in a sentence before it, in its paragraph (a quotation
    that goes on in the next paragraph opens again there, as news writes it), by (article, index): "inside" where
    the quotation goes on past it, "quote" where it ends the quotation (and may name its speaker)."""
    inside = {}
    opened, paragraph, running = "", (None, -1), 0
    for sentence in story.sentences:
        if (sentence.article, sentence.paragraph) != paragraph:
            opened, paragraph, running = "", (sentence.article, sentence.paragraph), 0
        before = opened
        if opened or has_marks(sentence.text):  # most sentences quote no one
            opened = left_open(sentence.text, opened)
        if before and running < LONGEST_QUOTATION:
            inside[sentence.article, sentence.index] = "inside" if opened else "quote"
        running = running + 1 if opened and before else 0
    return inside
