"""Quotes: every direct quotation, with its speaker resolved to a canonical entity where the text allows.

Attribution follows the patterns of news copy: ``"…," said Sheriff Dana Whitfield``, ``"…," she said``,
``Whitfield told reporters: "…"``, ``"…," according to the district``. A pronoun goes to the last person
named before the quotation; a quotation with no attribution continues the previous one (or the speaker that
the previous sentence introduced). Quoted phrases of one or two words are scare quotes, not quotations.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newsfuse.anatomy.entities import Mention
from newsfuse.anatomy.model import Quote
from newsfuse.model import Citation, Sentence, Story
from newsfuse.text import words

MIN_WORDS = 3
QUOTATION = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"|``(.+?)''|''(.+?)''")
VERB = (
    r"(?:said|says|say|told|tells|added|adds|asked|asks|explained|recalled|wrote|writes|insisted|declared|"
    r"stated|warned|noted|argued|continued|replied|testified|announced|acknowledged|admitted|conceded|"
    r"complained|cried|shouted|remarked|observed|responded|recounted|vowed|predicted|posted|tweeted)"
)
MARKS = r"^[\s,.!?—–\-\"”'’`]*"  # what lies between the quoted words and the attribution: marks, commas
SPEAKER = r"(?P<speaker>[^,;:\"“”]{1,80}?)"
AFTER = (
    re.compile(rf"{MARKS}{VERB}\s+{SPEAKER}\s*(?:[,;.!?]|$|\s(?:who|whose|in|on|at|after|before|during)\b)"),
    re.compile(rf"{MARKS}{SPEAKER}\s+(?:also\s+|later\s+|then\s+)?{VERB}\b"),
    re.compile(rf"{MARKS}according\s+to\s+{SPEAKER}\s*(?:[,;.!?]|$)"),
)
BEFORE = re.compile(rf"{SPEAKER}\s+(?:also\s+|later\s+|then\s+)?{VERB}(?:\s+[\w.]+){{0,3}}\s*[:,]?\s*$")
INTRODUCES = re.compile(rf"{SPEAKER}\s+(?:also\s+|later\s+|then\s+)?{VERB}\b")
PRONOUN = re.compile(r"^(?:he|she|they|him|her)$", re.IGNORECASE)
LEADING = re.compile(r"^(?:and|but|as|so|then|while)\s+", re.IGNORECASE)
MAX_DESCRIPTION_WORDS = 8


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks of MIN_WORDS words or more."""
    spans = []
    for match in QUOTATION.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        inside = match.group(group)
        if len(inside.split()) >= MIN_WORDS:
            trimmed = len(inside.rstrip(" ,"))  # the comma before the attribution is not the speaker's
            spans.append((match.start(group), match.start(group) + trimmed))
    return spans


class _Article:
    """One article's sentences, quotation spans and entity mentions, for looking things up by offset."""

    def __init__(self, sentences: Sequence[Sentence], text: str, mentions: Sequence[Mention]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.text = text
        self.spans = quotations(text)
        self.mentions = sorted(mentions, key=lambda m: m.where.start)
        self.mention_starts = [m.where.start for m in self.mentions]

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.mention_starts, start)
        high = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[low:high] if m.where.end <= end]

    def last_person_before(self, offset: int) -> Mention | None:
        people = [m for m in self.mentions_in(0, offset) if m.type == "person" and not self.quoted(m.where.start)]
        return people[-1] if people else None


def _speaker(article: _Article, start: int, end: int, canonical: dict[str, str]) -> tuple[str | None, bool, str]:
    """Who a speaker phrase at ``text[start:end]`` is: (name, is an entity, how)."""
    phrase = LEADING.sub("", article.text[start:end].strip())
    if PRONOUN.match(phrase):
        person = article.last_person_before(start)
        return (canonical.get(person.text, person.text), True, "pronoun") if person else (None, False, "")
    named = article.mentions_in(start, end)
    if named:
        best = max(named, key=lambda m: (m.type == "person", m.type == "organisation", m.where.start))
        return canonical.get(best.text, best.text), True, "named"
    phrase = phrase.rstrip(".")
    if not phrase or len(phrase.split()) > MAX_DESCRIPTION_WORDS or phrase.lower() in {"it", "this", "that"}:
        return None, False, ""
    return phrase, False, "named"


def _attribution(article: _Article, start: int, end: int, canonical: dict[str, str]) -> tuple[str | None, bool, str]:
    """The speaker of the quotation at ``text[start:end]`` from the words around it in its sentence."""
    closing = end
    sentence = article.sentence_at(start)
    last = article.sentence_at(end)
    following = [s for s in article.spans if s[0] > end]
    stop = min(last.end, following[0][0] - 1) if following else last.end
    after = article.text[closing:stop]
    for pattern in AFTER:
        match = pattern.match(after)
        if match and match.group("speaker").strip():
            return _speaker(article, closing + match.start("speaker"), closing + match.end("speaker"), canonical)
    preceding = [s for s in article.spans if s[1] < start]
    begin = max(sentence.start, preceding[-1][1] + 1) if preceding else sentence.start
    match = BEFORE.search(article.text[begin:start].rstrip("\"“'`‘ "))
    if match:
        return _speaker(article, begin + match.start("speaker"), begin + match.end("speaker"), canonical)
    return None, False, ""


def _introduced(article: _Article, sentence: Sentence, canonical: dict[str, str]) -> tuple[str | None, bool, str]:
    """A named person who "said" something in a sentence without quotation: they may speak next."""
    match = INTRODUCES.search(sentence.text)
    if not match or article.quoted(sentence.start):
        return None, False, ""
    start, end = sentence.start + match.start("speaker"), sentence.start + match.end("speaker")
    name, entity, _ = _speaker(article, start, end, canonical)
    return (name, entity, "continued") if entity else (None, False, "")


def find_quotes(story: Story, mentions: Sequence[Mention], canonical: dict[str, str]) -> tuple[Quote, ...]:
    by_article = {a.id: [s for s in story.sentences if s.article == a.id] for a in story.articles}
    keys = {a.id: " ".join(words(a.text)) for a in story.articles}
    found = []
    for source in story.articles:
        article = _Article(by_article[source.id], source.text, [m for m in mentions if m.where.article == source.id])
        previous: tuple[Quote | None, int] = (None, -2)
        for start, end in article.spans:
            sentence = article.sentence_at(start)
            speaker, entity, how = _attribution(article, start, end, canonical)
            last, last_index = previous
            if speaker is None and last is not None and last.speaker and sentence.index - last_index <= 1:
                speaker, entity, how = last.speaker, last.speaker_is_entity, "continued"
            elif speaker is None and sentence.index > 0:
                speaker, entity, how = _introduced(article, article.sentences[sentence.index - 1], canonical)
            text = source.text[start:end]
            key = " ".join(words(text))
            also = tuple(a.id for a in story.articles if a.id != source.id and key and key in keys[a.id])
            quote = Quote(text, speaker, entity, how, Citation(source.id, sentence.index, start, end), also)
            found.append(quote)
            previous = (quote, article.sentence_at(end).index)
    return tuple(found)
