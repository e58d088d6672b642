"""Quotes: every direct quotation, with its speaker resolved to a canonical entity where the text allows.

Attribution follows the patterns of news copy: ``"…," said Sheriff Dana Whitfield``, ``"…," she said``,
``Whitfield told reporters: "…"``, ``Reyes, her lawyer, said she had "…"``, ``"…," according to the district``.
A pronoun goes to the last-named speaker: the last person quoted, named as the subject of "said" (or
another speech verb), or named as the subject of a sentence, before the quotation. A quotation with no
attribution continues the previous one, or belongs to the speaker the previous sentence introduced.
Quoted phrases of one or two words are scare quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from newsfuse.anatomy.entities import Mention
from newsfuse.anatomy.model import Quote
from newsfuse.model import Citation, Sentence, Story
from newsfuse.text import words

MIN_WORDS = 3
# A quotation is at most MAX_QUOTE characters (about 500 words): bounded, so that an opening mark that is never
# closed costs a bounded look-ahead, not one to the end of the article.
MAX_QUOTE = 3000
QUOTATION = re.compile(
    rf"“([^”]{{1,{MAX_QUOTE}}})”|\"([^\"\n]{{1,{MAX_QUOTE}}})\"|``(.{{1,{MAX_QUOTE}}}?)''|''(.{{1,{MAX_QUOTE}}}?)''"
)
VERB = (
    r"(?:said|says|say|told|tells|added|adds|asked|asks|explained|recalled|wrote|writes|insisted|declared|"
    r"stated|warned|noted|argued|continued|replied|testified|announced|acknowledged|admitted|conceded|"
    r"complained|cried|shouted|remarked|observed|responded|recounted|vowed|predicted|posted|tweeted|saying|adding|"
    r"telling|disputed|denied|countered|claimed|urged)"
)
MARKS = r"^[\s,.!?—–\-\"”'’`]*"  # what lies between the quoted words and the attribution: marks, commas
SPEAKER = r"(?P<speaker>[^,;:\"“”]{1,80}?)"
AFTER = (
    re.compile(rf"{MARKS}{VERB}\s+{SPEAKER}\s*(?:[,;.!?]|$|\s(?:who|whose|in|on|at|after|before|during)\b)"),
    re.compile(rf"{MARKS}{SPEAKER}\s+(?:also\s+|later\s+|then\s+)?{VERB}\b"),
    re.compile(rf"{MARKS}according\s+to\s+{SPEAKER}\s*(?:[,;.!?]|$)"),
)
BEFORE = re.compile(rf"{SPEAKER},?\s+(?:also\s+|later\s+|then\s+)?{VERB}(?:\s+[\w.]+){{0,3}}\s*[:,]?\s*$")
SPEECH = re.compile(rf"\b{VERB}\b")
NAME_WORD = re.compile(r"[A-Z][\w'’-]+")
PRONOUN = re.compile(r"^(?:he|she|they|him|her)$", re.IGNORECASE)
LEADING = re.compile(r"^(?:and|but|as|so|then|while)\s+", re.IGNORECASE)
MAX_DESCRIPTION_WORDS = 8
SUBJECT_WORDS = 3  # a person named within a sentence's first words is its subject


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


Speaker = tuple[str | None, bool, str]  # (name, is an entity, how it was found)
NOBODY: Speaker = (None, False, "")


def _by_surname(phrase: str, canonical: dict[str, str]) -> str | None:
    """The one full name in the story whose last word is ``phrase``, if there is exactly one."""
    if not NAME_WORD.fullmatch(phrase):
        return None
    full = {name for name in canonical.values() if len(name.split()) > 1 and name.split()[-1] == phrase}
    return full.pop() if len(full) == 1 else None


class _Article:
    """One article's sentences, quotations, entity mentions and speakers, looked up by character offset."""

    def __init__(
        self, sentences: Sequence[Sentence], text: str, mentions: Sequence[Mention], canonical: dict[str, str]
    ) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.text = text
        self.canonical = canonical
        self.spans = quotations(text)
        self.mentions = sorted(mentions, key=lambda m: m.where.start)
        self.mention_starts = [m.where.start for m in self.mentions]
        self.speakers = sorted(self._speech_subjects())  # (offset, name), quoted speakers added as found

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def quoted(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.mention_starts, start)
        high = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[low:high] if m.where.end <= end]

    def people_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions_in(start, end) if m.type == "person" and not self.quoted(m.where.start)]

    def name_of(self, mention: Mention) -> str:
        return self.canonical.get(mention.text, mention.text)

    def known(self, phrase: str) -> str | None:
        """The canonical name of a phrase the model missed here but found elsewhere ("Raman said")."""
        return self.canonical.get(phrase) or _by_surname(phrase, self.canonical)

    def _speech_subjects(self) -> Iterator[tuple[int, str]]:
        """Who speaks at each speech verb outside quotations: the last person named before it in its sentence;
        and the person a sentence is about (named in its first words), whom a later "she said" may mean."""
        for sentence in self.sentences:
            people = self.people_in(sentence.start, sentence.end)
            if people and len(self.text[sentence.start : people[0].where.start].split()) <= SUBJECT_WORDS:
                yield people[0].where.start, self.name_of(people[0])
        for verb in SPEECH.finditer(self.text):
            if self.quoted(verb.start()):
                continue
            sentence = self.sentence_at(verb.start())
            people = self.people_in(sentence.start, verb.start())
            first = NAME_WORD.match(sentence.text)
            name = self.name_of(people[-1]) if people else self.known(first.group(0)) if first else None
            if name:
                yield verb.start(), name

    def last_speaker_before(self, offset: int, since: int = 0) -> str | None:
        earlier = [name for at, name in self.speakers if since <= at < offset]
        return earlier[-1] if earlier else None

    def heard(self, offset: int, name: str) -> None:
        bisect.insort(self.speakers, (offset, name))


def _speaker(article: _Article, start: int, end: int) -> Speaker:
    """Who a speaker phrase at ``text[start:end]`` is."""
    phrase = LEADING.sub("", article.text[start:end].strip())
    if PRONOUN.match(phrase):
        name = article.last_speaker_before(start)
        if name is None and (people := article.people_in(0, start)):
            name = article.name_of(people[-1])
        return (name, True, "pronoun") if name else NOBODY
    named = article.mentions_in(start, end)
    if named:
        best = max(named, key=lambda m: (m.type == "person", m.type == "organisation", m.where.start))
        return article.name_of(best), True, "named"
    phrase = phrase.rstrip(".")
    known = article.known(phrase)
    if known:
        return known, True, "named"
    appositive = article.people_in(max(0, start - 60), start)  # "Miriam Kowalczyk, the district attorney, said"
    if phrase[:1].islower() and appositive and start - appositive[-1].where.end <= 3:
        return article.name_of(appositive[-1]), True, "named"
    if not phrase or len(phrase.split()) > MAX_DESCRIPTION_WORDS or phrase.lower() in {"it", "this", "that"}:
        return NOBODY
    return phrase, False, "named"


def _attribution(article: _Article, start: int, end: int) -> Speaker:
    """The speaker of the quotation at ``text[start:end]`` from the words around it in its sentence."""
    sentence = article.sentence_at(start)
    last = article.sentence_at(end)
    following = [s for s in article.spans if s[0] > end]
    stop = min(last.end, following[0][0] - 1) if following else last.end
    after = article.text[end:stop]
    for pattern in AFTER:
        match = pattern.match(after)
        if match and match.group("speaker").strip():
            return _speaker(article, end + match.start("speaker"), end + match.end("speaker"))
    preceding = [s for s in article.spans if s[1] < start]
    begin = max(sentence.start, preceding[-1][1] + 1) if preceding else sentence.start
    before = article.text[begin:start].rstrip("\"“'`‘ ")
    match = BEFORE.search(before)
    if match:
        return _speaker(article, begin + match.start("speaker"), begin + match.end("speaker"))
    if before.endswith(":") and (people := article.people_in(begin, start)):  # "Delgado put it plainly: “…”"
        return article.name_of(people[-1]), True, "named"
    return NOBODY


def find_quotes(story: Story, mentions: Sequence[Mention], canonical: dict[str, str]) -> tuple[Quote, ...]:
    by_article = {a.id: [s for s in story.sentences if s.article == a.id] for a in story.articles}
    keys = {a.id: " ".join(words(a.text)) for a in story.articles}
    found = []
    for source in story.articles:
        own = [m for m in mentions if m.where.article == source.id]
        article = _Article(by_article[source.id], source.text, own, canonical)
        previous: tuple[Quote | None, int] = (None, -2)
        for start, end in article.spans:
            sentence = article.sentence_at(start)
            speaker, entity, how = _attribution(article, start, end)
            last, last_index = previous
            if speaker is None and last is not None and last.speaker and sentence.index - last_index <= 1:
                speaker, entity, how = last.speaker, last.speaker_is_entity, "continued"
            elif speaker is None and sentence.index > 0:
                introduced = article.last_speaker_before(start, article.sentences[sentence.index - 1].start)
                speaker, entity, how = (introduced, True, "continued") if introduced else NOBODY
            if speaker and entity:
                article.heard(start, speaker)
            text = source.text[start:end]
            key = " ".join(words(text))
            also = tuple(a.id for a in story.articles if a.id != source.id and key and key in keys[a.id])
            quote = Quote(text, speaker, entity, how, Citation(source.id, sentence.index, start, end), also)
            found.append(quote)
            previous = (quote, article.sentence_at(end).index)
    return tuple(found)
