"""Corroboration across languages: which articles written in other languages report a brief sentence's fact.

A brief is written from the articles in one language; the story's articles in other languages still count as
outlets that report its facts. No model that runs offline here reads Arabic against English, but what outlets
share verbatim in any language are figures (once their separators agree: 2,000 / 2.000 / 2 000) and, in Latin
script, names. A sentence of another language corroborates a brief sentence when the two share a figure that
is not a year and one more anchor (a figure, a year, a name), or three anchors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.facts import YEAR
from newsfuse.model import BriefSentence, Story

NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)")
GROUP = re.compile(r"[,.\u00a0\u202f ](?=\d{3}(?!\d))")
NAME = re.compile(r"(?<!^)(?<![\w’'-])[A-Z][^\W\d_]{2,}")  # a capitalised word that does not open the sentence

Anchors = tuple[frozenset[str], frozenset[str]]  # (figures, names)


def figure(text: str) -> str:
    """One spelling of a number whatever the language wrote: groups joined, a decimal comma as a point."""
    joined = GROUP.sub("", text) if GROUP.search(text) and not re.fullmatch(r"\d+[.,]\d{1,2}", text) else text
    return joined.replace(",", ".")


def anchors(text: str) -> Anchors:
    return frozenset(figure(n) for n in NUMBER.findall(text)), frozenset(NAME.findall(text))


def agree(a: Anchors, b: Anchors) -> bool:
    """Whether two sentences in different languages share enough to report the same fact."""
    figures, names = a[0] & b[0], a[1] & b[1]
    counts = any(not YEAR.fullmatch(f) for f in figures)
    return (counts and len(figures) + len(names) >= 2) or len(figures) + len(names) >= 3


def across(brief: Sequence[BriefSentence], others: Story, order: dict[str, int]) -> tuple[BriefSentence, ...]:
    """The brief's sentences with the articles of ``others`` (the story's articles in other languages) added to
    ``corroborated_by`` where they report the same fact; ``order`` sorts article ids as the brief lists them."""
    if not others.sentences:
        return tuple(brief)
    theirs = [(s.article, anchors(s.text)) for s in others.sentences]
    result = []
    for sentence in brief:
        own = anchors(sentence.text)
        found = {article for article, their in theirs if agree(own, their)}
        if found - set(sentence.corroborated_by):
            outlets = sorted({*sentence.corroborated_by, *found}, key=order.__getitem__)
            sentence = replace(sentence, corroborated_by=tuple(outlets))
        result.append(sentence)
    return tuple(result)
