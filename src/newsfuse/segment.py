"""Segment: cleaned article text → sentences with exact character offsets.

Blingfire finds the boundaries (fast, offline); each line of cleaned text is a paragraph, so a headline
without a full stop stays a sentence of its own. A few repairs fix what it gets wrong in news: a split after
a title such as ``Gov.``, a quotation whose sentences belong together with their attribution, and
``"Why?" he asked.``
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import blingfire

from newsfuse.model import Article, Sentence

TITLES = frozenset(
    "Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Maj Prof St Rev Hon Pres Supt Det Insp Cpl Pvt Gens "
    "Sens Reps Reps Messrs No Nos Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ft Mt Ave Blvd Rd Fig Vol".split()
)
ENDS_WITH_TITLE = re.compile(r"(?:^|[\s(\"“])([A-Z][a-z]{0,4})\.$")
OPEN_QUOTES = re.compile(r'["“”]')
SPEECH_AFTER_QUESTION = re.compile(r"[?!][\"”’']$")
MAX_QUOTE_MERGES = 4


def _quote_open(text: str) -> bool:
    """True when a quotation opened in ``text`` is not closed by its end."""
    if "“" in text or "”" in text:
        return text.count("“") > text.count("”")
    return text.count('"') % 2 == 1


def _joins(previous: str, following: str, merges: int) -> bool:
    title = ENDS_WITH_TITLE.search(previous)
    if title and title.group(1) in TITLES:
        return True
    if SPEECH_AFTER_QUESTION.search(previous) and following[:1].islower():
        return True
    return merges < MAX_QUOTE_MERGES and _quote_open(previous) and bool(OPEN_QUOTES.search(following))


def split_paragraph(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph."""
    if not text.strip():
        return
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    spans: list[list[int]] = []
    merges = 0
    for start, end in offsets:
        if spans and _joins(text[spans[-1][0] : spans[-1][1]], text[start:end], merges):
            spans[-1][1] = end
            merges += 1
        else:
            spans.append([start, end])
            merges = 0
    for start, end in spans:
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            yield start + left, start + right


def segment(article: Article) -> list[Sentence]:
    """Sentences of a cleaned article; ``article.text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(article.text.split("\n")):
        for start, end in split_paragraph(line):
            sentences.append(
                Sentence(article.id, len(sentences), line[start:end], offset + start, offset + end, number)
            )
        offset += len(line) + 1
    return sentences
