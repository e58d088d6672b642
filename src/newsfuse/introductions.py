"""Introductions: the people a brief names by surname alone, introduced by full name at its first mention of
them (``names`` says what the story calls each surname), and a wire story's "here" written out as its dateline's
place (``places``), within the brief's budget; the JSON lists each change, and the citation still slices the
source's own characters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from newsfuse.attribute import edited
from newsfuse.mentions import POSSESSIVE, UNIT, keys_within, names_of, surname_key
from newsfuse.model import BriefSentence, Change, Story
from newsfuse.names import Names
from newsfuse.places import here_edits, names_place
from newsfuse.select import Pick, reading_order
from newsfuse.text import word_count


class Placed(NamedTuple):
    """A brief sentence's text, and the article and place in it where that text begins."""

    text: str
    article: str
    start: int


class Edit(NamedTuple):
    """A surname at ``at`` in a brief sentence, and the full name it becomes."""

    at: int
    surname: str
    full: str

    @property
    def extra(self) -> int:
        """The words the full name adds."""
        return len(self.full.split()) - len(self.surname.split())


@dataclass
class Introductions:
    """The people a brief names by surname alone, to be introduced by full name: worked out for a choice of
    sentences (``over``, while the brief is chosen) and made in the brief (``introduce``)."""

    story: Story
    names: Names
    seen: frozenset[int] = frozenset()  # sentences the reader has read (an update brief): the people there are met
    planned: dict[tuple[Placed, ...], list[list[Edit]]] = field(default_factory=dict, init=False)
    mentioned: dict[str, list[tuple[int, str, str, tuple[str, ...], bool]]] = field(default_factory=dict, init=False)

    @cached_property
    def met(self) -> frozenset[str]:
        """The names of the sentences the reader has read (``keys_within``): people the reader knows already."""
        texts = (self.story.sentences[i].text for i in self.seen)
        return frozenset(key for text in texts for m in UNIT.finditer(text) for key in keys_within(m.group()))

    def plan(self, placed: tuple[Placed, ...]) -> list[list[Edit]]:
        """Per brief sentence (``placed``, in reading order), the surnames whose first mention in the brief is
        bare and whose full name the story gives; a surname the brief wrote in full, or before, or that the
        reader met in what they read before (``seen``), needs none. And the "here" of a wire story, until the
        brief names its dateline's place (``places``)."""
        if placed not in self.planned:
            met: set[str] = set(self.met)
            told: set[str] = set()  # the places a "here" was written out for
            found: list[list[Edit]] = []
            for text, article, start in placed:
                edits = []
                for at, written, key, within, bare in self._names_in(text):
                    if bare and key not in met and (full := self.names.full_at(key, article, start + at)):
                        edits.append(Edit(at, written, full))
                    met.update(within)
                before = (earlier for earlier, _, _ in placed[: len(found)])
                found.append(sorted(edits + self._places(text, article, before, told)))
            self.planned[placed] = found
        return self.planned[placed]

    def _names_in(self, text: str) -> list[tuple[int, str, str, tuple[str, ...], bool]]:
        """A sentence's names, each once per sentence whatever choice it is in: where, as written, its surname key,
        the surnames it tells the reader (``keys_within``), and whether it stands alone (``bare_surnames``)."""
        if (found := self.mentioned.get(text)) is None:
            found = self.mentioned[text] = []
            for unit, bare in names_of(text):
                written = POSSESSIVE.sub("", unit.group())
                found.append((unit.start(), written, surname_key(written), tuple(keys_within(written)), bare))
        return found

    def _places(self, text: str, article: str, before: Iterator[str], told: set[str]) -> list[Edit]:
        """A sentence's "here" written out as its article's dateline place ("met here today": "met in Beijing
        today"), until the brief has named that place (``told``: where it wrote one out)."""
        place = self.story.article(article).place
        if not place or place in told or "here" not in text or any(names_place(e, place) for e in before):
            return []
        edits = [Edit(*edit) for edit in here_edits(text, place)]
        if edits:
            told.add(place)
        return edits

    def over(self, picks: list[Pick], budget: int) -> int:
        """How many words a choice of sentences would be over ``budget`` once its people are introduced."""
        placed = []
        for pick in reading_order(self.story, picks):
            sentence = self.story.sentences[pick.sentence]
            placed.append(Placed(edited(sentence, pick.trim)[0], sentence.article, sentence.start + pick.trim))
        needed = sum(e.extra for edits in self.plan(tuple(placed)) for e in edits)
        return needed - (budget - sum(word_count(p.text) for p in placed))

    def introduce(self, sentences: Sequence[BriefSentence], budget: int) -> tuple[BriefSentence, ...]:
        """The brief with its people introduced, in reading order, while the budget has room."""
        room = budget - sum(word_count(s.text) for s in sentences)
        placed = tuple(Placed(s.text, s.sources[0].article, s.sources[0].start) for s in sentences)
        out = []
        for sentence, wanted in zip(sentences, self.plan(placed), strict=True):
            made = []
            for edit in wanted:
                if room >= edit.extra:
                    made.append(edit)
                    room -= edit.extra
            out.append(self._edited(sentence, made))
        return tuple(out)

    def _edited(self, sentence: BriefSentence, edits: list[Edit]) -> BriefSentence:
        """``sentence`` with each surname replaced by the full name, listed in ``changes`` at its place in the
        first source (the brief's text is the source's characters from ``start`` on, a capital aside)."""
        if not edits:
            return sentence
        first = sentence.sources[0]
        source = self.story.article(first.article).text
        text, changes = sentence.text, list(sentence.changes)
        for at, surname, full in reversed(edits):
            start = first.start + at
            if source[start : start + len(surname)] != surname:  # the brief's text is not the source's here
                continue
            text = text[:at] + full + text[at + len(surname) :]
            changes.append(Change(start, start + len(surname), surname, full))
        return replace(sentence, text=text, changes=tuple(sorted(changes, key=lambda c: c.start)))
