"""Attribute: tie each chosen sentence to its exact source spans and to the outlets that corroborate it.

``sources`` are the verbatim copies (wire copy reprinted by several outlets), each slicing exactly the
characters the brief uses; ``changes`` says what differs (a cut connective, the capital it leaves);
``corroborated_by`` is every article that reports the same content, found by similarity rather than identical
text, and, when the pipeline has the same-fact judge, by meaning (``found``: the same fact in other words).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from newsfuse.corroborate import Echoes
from newsfuse.evidence import Evidence
from newsfuse.facts import figures
from newsfuse.model import BriefSentence, Change, Citation, Sentence, Story
from newsfuse.select import Pick
from newsfuse.text import NUMBER_WORDS

CORROBORATION = 0.35  # cosine at which another article's sentence reports the same content
FIRST_WORD = re.compile(r"\W*(\w+)")


def reporting(story: Story, i: int, near: Mapping[int, float], minimum: float = CORROBORATION) -> set[str]:
    """The article of sentence ``i`` and of every sentence ``near`` it (by cosine) that reports the same content."""
    return {story.sentences[i].article} | {story.sentences[j].article for j, c in near.items() if c >= minimum}


# Counts spelled out, as the digits they stand for: "Four people were killed" and "Three people were killed"
# disagree as "4" and "3" do ("one" is left out: "no one", "one of them")
SPELLED = {w: str(n) for w, n in NUMBER_WORDS.items() if 2 <= n <= 20 and w != "dozen"}
# not a word that describes ("three-time candidate", "two-thirds", "one-sided"): no count of anything
SPELLED_WORD = re.compile(r"\b(?:" + "|".join(SPELLED) + r")\b(?!-)", re.IGNORECASE)


def _figures(text: str) -> frozenset[str]:
    """A sentence's figures, digits or counts spelled out."""
    return figures(text) | {SPELLED[w.lower()] for w in SPELLED_WORD.findall(text)}


def agreeing(story: Story, i: int, near: Mapping[int, float], found: Echoes | None) -> dict[int, float]:
    """The sentences ``near`` sentence ``i`` that do not contradict it: an outlet that tells the same content with
    other figures ("37 homes" against "52 homes", and no figure in common) is in conflict with it, never a
    corroboration; nor is one the same-fact judge calls a conflict (``found``)."""
    own = _figures(story.sentences[i].text)
    conflicting = {j for pair in (found.conflicts if found else ()) if i in pair for j in pair if j != i}
    agree = {}
    for j, cosine in near.items():
        theirs = _figures(story.sentences[j].text) if own else frozenset()
        if j not in conflicting and not (own and theirs and not own & theirs):
            agree[j] = cosine
    return agree


def edited(sentence: Sentence, trim: int) -> tuple[str, tuple[Change, ...]]:
    """The text a brief uses of ``sentence`` with its first ``trim`` characters cut, and the changes made."""
    if not trim:
        return sentence.text, ()
    rest = sentence.text[trim:]
    changes = [Change(sentence.start, sentence.start + trim, sentence.text[:trim], "")]
    word = FIRST_WORD.match(rest)
    if word and word.group(1)[0].islower():
        start, end = word.span(1)
        capital = rest[start].upper() + rest[start + 1 : end]
        changes.append(Change(sentence.start + trim + start, sentence.start + trim + end, word.group(1), capital))
        rest = rest[:start] + capital + rest[end:]
    return rest, tuple(changes)


def attribute(
    story: Story, evidence: Evidence, picks: list[Pick], found: Echoes | None = None
) -> tuple[BriefSentence, ...]:
    wanted = {story.sentences[p.sentence].text for p in picks}
    copies: dict[str, list[int]] = defaultdict(list)
    for j, sentence in enumerate(story.sentences):
        if sentence.text in wanted:
            copies[sentence.text].append(j)
    order = {a.id: n for n, a in enumerate(story.articles)}
    brief = []
    for pick in picks:
        own = story.sentences[pick.sentence]
        text, changes = edited(own, pick.trim)
        same = sorted(copies[own.text], key=lambda j: j != pick.sentence)
        sources = tuple(
            Citation(story.sentences[j].article, story.sentences[j].index, story.sentences[j].start + pick.trim,
                     story.sentences[j].end)
            for j in same
        )  # fmt: skip
        near = agreeing(story, pick.sentence, evidence.vectors.neighbours(pick.sentence, CORROBORATION), found)
        outlets = reporting(story, pick.sentence, near) | {c.article for c in sources}
        outlets |= {story.sentences[j].article for j in (found.same.get(pick.sentence, ()) if found else ())}
        brief.append(BriefSentence(text, sources, tuple(sorted(outlets, key=order.__getitem__)), changes))
    return tuple(brief)
