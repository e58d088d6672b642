"""Quotes: every direct quotation, with its speaker resolved to a canonical entity where the text allows.

Attribution follows the patterns of news copy: ``"…," said Sheriff Dana Whitfield``, ``"…," she said``,
``Whitfield told reporters: "…"``, ``Reyes, her lawyer, said she had "…"``, ``"…," according to the district``,
and the wire's ``"…,'' Hall, chairman of the board, said Tuesday`` and ``He said the box is ``…''``; a signed
quotation (``"…" - "Fiona"``); a role the article introduced someone with ("the Minister for London" after
"Minister for London, Tessa Jowell"). A quoted phrase that runs on into its sentence takes no speech verb after
it unless the clause ends there. A description in apposition ("Mara Lindqvist, who leads the Harbor Policy
Institute, said") is the name it describes, not the organisation named inside it, and a place speaks only as
itself ("Britain said"). "He" or "she" goes to the last-named speaker who is a person of the story: the last
person quoted, named as the subject of "said" (or another speech verb), or named as the subject of a sentence,
before the quotation. "They" never means one person: it goes to the last group named before ("Senators Ruth Calder and
Tom Baines", "officials said"), and "the senators" to the last group of senators named; a named group speaks as
its members' names joined ("Ruth Calder and Tom Baines") with the members in ``group``. A quotation with no
attribution continues the previous one, or belongs to the speaker the previous sentence introduced.
Quoted phrases of one or two words are scare quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from newsfuse.anatomy.entities import NAME_WORD, TITLE, Cast, Mention
from newsfuse.anatomy.groups import Group, described, named_groups, plural
from newsfuse.anatomy.model import Quote
from newsfuse.anatomy.speech import AFTER, BEFORE, CLOSED, MARKS, RUNS_ON_END, SAID, SIGNED, SPEECH, SUBJECT
from newsfuse.model import Citation, Sentence, Story
from newsfuse.text import words

MIN_WORDS = 3
# A quotation is at most MAX_QUOTE characters (about 500 words): bounded, so that an opening mark that is never
# closed costs a bounded look-ahead, not one to the end of the article.
MAX_QUOTE = 3000
QUOTATION = re.compile(
    rf"“([^”]{{1,{MAX_QUOTE}}})”|\"([^\"\n]{{1,{MAX_QUOTE}}})\"|``(.{{1,{MAX_QUOTE}}}?)''|''(.{{1,{MAX_QUOTE}}}?)''"
)
PRONOUN = re.compile(r"^(?:he|she|him|her)$", re.IGNORECASE)
PLURAL_PRONOUN = re.compile(r"^(?:they|them)$", re.IGNORECASE)
RELATIVE = re.compile(r"^(?:who|whose|which)\b")
SUBJECT_START = re.compile(r"[,;:“”\"]\s*")  # where the subject of a speech verb may begin in its sentence
MAX_APPOSITIVES = 4  # "Kagan, the head of the institute, a think tank in Washington, said": parts walked back
LEADING = re.compile(r"^(?:and|but|as|so|then|while)(?:\s+|$)", re.IGNORECASE)
MAX_DESCRIPTION_WORDS = 8
SUBJECT_WORDS = 3  # a person named within a sentence's first words is its subject
GIVEN = re.compile(r"([A-Z][\w'’-]+) $")  # a capitalised word just before a name: "Doreen " Lawrence
OPENING_WORDS = 12  # or after an opening phrase and a description of this many words in all


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


Speaker = tuple[str | None, bool, str, Group | None]  # (name, is an entity, how it was found, group)
NOBODY: Speaker = (None, False, "", None)
UNKNOWN: Speaker = (None, False, "unknown", None)  # attributed, but to no one we can name: never "continued"


def _titles(text: str) -> bool:
    """Whether ``text`` holds nothing but titles ("Dr.", "state Sen.", "the")."""
    return not text.strip() or bool(TITLE.fullmatch(text.strip() + " "))


class _Article:
    """One article's sentences, quotations, entity mentions and speakers, looked up by character offset."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        text: str,
        mentions: Sequence[Mention],
        cast: Cast,
    ) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.text = text
        self.cast = cast
        self.spans = quotations(text)
        self.mentions = sorted(mentions, key=lambda m: m.where.start)
        self.mention_starts = [m.where.start for m in self.mentions]
        self.speakers = sorted(self._speech_subjects())  # (offset, name), quoted speakers added as found
        self.groups = sorted(self._groups(), key=lambda pair: pair[0])  # (offset, group), as speakers are

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
        """The canonical name of a mention; of "Lawrence" in "Doreen Lawrence" when the model left out the given
        name here but read the whole name elsewhere (not the "Stephen Lawrence" that a bare surname means)."""
        given = GIVEN.search(self.text, max(0, mention.where.start - 30), mention.where.start)
        fuller = f"{given.group(1)} {mention.text}" if given else ""
        return self.cast.canonical.get(fuller) or self.cast.canonical.get(mention.text, mention.text)

    def known(self, phrase: str) -> str | None:
        """The canonical name of a phrase the model missed here but found elsewhere ("Raman said")."""
        return self.cast.canonical.get(phrase) or self.cast.by_surname(phrase)

    def _speech_subjects(self) -> Iterator[tuple[int, str]]:
        """Who speaks at each speech verb outside quotations: the last person named before it in its sentence;
        and the person a sentence is about (named in its first words), whom a later "she said" may mean."""
        for sentence in self.sentences:
            people = self.people_in(sentence.start, sentence.end)
            if people and self.subject(sentence, people[0]):
                yield people[0].where.start, self.name_of(people[0])
            elif known := self.named_first(sentence):
                yield sentence.start, known  # "Pachauri stressed…", a surname the model missed here
        for verb in SPEECH.finditer(self.text):
            if self.quoted(verb.start()):
                continue
            sentence = self.sentence_at(verb.start())
            people = self.people_in(sentence.start, verb.start())
            # "Saba Mozakka, the daughter of Behnaz Mozakka, who died in May, said": the head of the apposition
            # (", arguing that…" is the sentence's subject's: a participle after a comma follows no apposition)
            participle = verb.group().endswith("ing")
            apposed = self.text[sentence.start : verb.start()].rstrip().endswith(",") and not participle
            name = self.described(verb.start()) if apposed else None
            name = name or (self.name_of(people[-1]) if people else self.named_first(sentence))
            if name:
                yield verb.start(), name

    def named_first(self, sentence: Sentence) -> str | None:
        """A name the story reads elsewhere, opening the sentence ("Pachauri stressed…", "But Carroll said…")
        or just after its opening phrase ("At a news conference, Condon accepted…"): a name the model missed here."""
        text = LEADING.sub("", sentence.text)
        opening, comma, rest = text.partition(",")
        tries = [text] + ([rest.lstrip()] if comma and len(opening.split()) <= OPENING_WORDS else [])
        for start in tries:
            if (first := NAME_WORD.match(start)) and (known := self.known(first.group(0))):
                return known
        return None

    def subject(self, sentence: Sentence, first: Mention) -> bool:
        """Whether the first person a sentence names is its subject: named in its first words, or just after an
        opening phrase and a description ("Like other parents here, Valentina Fomina…", "Despite the outlook, the
        chief pilot, Tim Heron, believes…"). Only the first can be: a later one is an object or one of a list."""
        before = self.text[sentence.start : first.where.start]
        count = len(before.split())
        if count <= SUBJECT_WORDS:
            return True
        parts = before.rstrip().split(",")
        return (
            len(parts) in (2, 3)
            and not parts[-1].strip()
            and count <= OPENING_WORDS
            and not any(mark in before for mark in "\"“”'`")
        )

    def _groups(self) -> Iterator[tuple[int, Group]]:
        """Groups named outside quotations (people joined by "and"), and plural subjects of speech verbs."""
        for sentence in self.sentences:
            yield from named_groups(
                self.text, sentence.start, self.people_in(sentence.start, sentence.end), self.name_of
            )
        for verb in SPEECH.finditer(self.text):
            sentence = self.sentence_at(verb.start())
            starts = [m.end() for m in SUBJECT_START.finditer(self.text, sentence.start, verb.start())]
            begin = starts[-1] if starts else sentence.start
            subject = LEADING.sub("", self.text[begin : verb.start()].strip())
            group = None if self.quoted(verb.start()) or self.people_in(begin, verb.start()) else described(subject)
            if group:
                yield verb.start(), group

    def last_group_before(self, offset: int, label: str = "") -> Group | None:
        """The last group named before ``offset``; with ``label``, the last one of that label that has names."""
        found = [g for at, g in self.groups if at < offset and (not label or (g.label == label and g.members))]
        return found[-1] if found else None

    def group_in(self, start: int, end: int) -> Group | None:
        """A named group that ends inside ``text[start:end]`` ("Senators Ruth Calder and Tom Baines wrote: …")."""
        found = [g for at, g in self.groups if start < at <= end and g.members]
        return found[-1] if found else None

    def heard_group(self, offset: int, group: Group) -> None:
        bisect.insort(self.groups, (offset, group), key=lambda pair: pair[0])

    def described(self, start: int) -> str | None:
        """The person or organisation that the description starting at ``start`` stands in apposition to: walks
        back over ", the head of X, a think tank in Y," to the name before it, within the sentence."""
        sentence = self.sentence_at(start)
        parts = self.text[sentence.start : start].split(",")
        if len(parts) < 2 or parts[-1].strip():
            return None
        end = start - len(parts[-1]) - 1  # the comma just before the description
        for part in reversed(parts[-1 - MAX_APPOSITIVES : -1]):
            begin = end - len(part)
            phrase = part.strip()
            if not phrase or self.quoted(begin) or any(mark in part for mark in '"“”'):
                return None
            if phrase[:1].islower() or phrase[:1].isdigit():  # another description: ", 52,", ", a think tank,"
                end = begin - 1
                continue
            named = [m for m in self.mentions_in(begin, end) if m.type != "place"]
            if named and not self.text[named[-1].where.end : end].strip():
                return self.name_of(named[-1])
            return self.known(TITLE.sub("", phrase))
        return None

    def introduced(self, phrase: str, before: int) -> str | None:
        """The person a description stood before when the article introduced them: "the Minister for London"
        after "… and Minister for London, Tessa Jowell" (or "Minister for London Tessa Jowell")."""
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        if len(role.split()) < 2:  # "the minister" alone could be anyone the article named so
            return None
        pattern = rf"(?<![\w-])(?<!deputy )(?<!vice )(?<!acting )(?<!assistant )(?<!former ){re.escape(role)}"
        for match in reversed(list(re.finditer(pattern, self.text[:before], re.IGNORECASE))):
            people = self.people_in(match.end(), match.end() + 60)
            if people and re.fullmatch(r",?\s*", self.text[match.end() : people[0].where.start]):
                return self.name_of(people[0])
        return None

    def last_speaker_before(self, offset: int, since: int = 0, person: bool = False) -> str | None:
        """The last speaker before ``offset``; with ``person``, the last one who is a person ("he", "she")."""
        people = self.cast.people
        earlier = [name for at, name in self.speakers if since <= at < offset and (not person or name in people)]
        return earlier[-1] if earlier else None

    def heard(self, offset: int, name: str) -> None:
        bisect.insort(self.speakers, (offset, name))


def _group(group: Group, how: str) -> Speaker:
    return group.name, False, how, group


def _described(article: _Article, phrase: str, start: int, end: int, named: list[Mention]) -> Speaker | None:
    """The speaker of a description ("who leads the institute", "the head of the institute"): the name it stands
    in apposition to, before it or just after it, never an organisation or person named inside it."""
    head = article.described(start)
    relative = RELATIVE.match(phrase)
    if head and (relative or not any(m.type == "person" for m in named)):
        return head, True, "named", None
    if relative:
        return UNKNOWN
    after = article.people_in(end, end + 60)  # "said the head of the institute, Mara Lindqvist."
    gap = article.text[end : after[0].where.start] if after else ""
    apposed = after and gap.startswith(",") and _titles(gap[1:])  # "…, Adm. Vladimir Kuroyedov"
    if apposed and not any(m.type == "person" for m in named):
        return article.name_of(after[0]), True, "named", None
    return None


SUBJECT_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)
CLAUSE_WORDS = frozenset(
    "when as in that regard regards and but so then while after before because if although where".split()
)


def _pronoun_clause(phrase: str) -> bool:
    """ "He" or "she" as the subject of a clause caught before a speech verb: "He went on to" (say), "when he
    was" (asked), "in that regard he" (says). Only small clause words may come before the pronoun: in "her
    lawyer said" or "the lawyer he hired said" the speaker is someone else."""
    words = phrase.split()
    at = next((n for n, w in enumerate(words) if SUBJECT_PRONOUN.match(w)), None)
    if at is None or any(w[:1].isupper() for w in words[at + 1 :]):
        return False
    return all(w.lower() in CLAUSE_WORDS for w in words[:at])


def _speaker(article: _Article, start: int, end: int) -> Speaker:
    """Who a speaker phrase at ``text[start:end]`` is."""
    phrase = LEADING.sub("", article.text[start:end].strip().lstrip("'`\"“”‘’ "))
    if PRONOUN.match(phrase) or _pronoun_clause(phrase):
        name = article.last_speaker_before(start, person=True)
        if name is None and (people := article.people_in(0, start)):
            name = article.name_of(people[-1])
        return (name, True, "pronoun", None) if name else NOBODY
    if PLURAL_PRONOUN.match(phrase):  # never one person: the senators who "wrote", not the last one quoted
        group = article.last_group_before(start)
        return _group(group, "pronoun") if group else UNKNOWN
    named = article.mentions_in(start, end)
    if phrase[:1].islower() or phrase[:1].isdigit():
        described = _described(article, phrase, start, end, named)
        if described:
            return described
    if group := article.group_in(start, end):  # "Senators Ruth Calder and Tom Baines wrote: …"
        return _group(group, "named")
    best = max(named, key=lambda m: (m.type == "person", m.type == "organisation", m.where.start), default=None)
    # a place speaks only as itself ("Britain said"): "the Minister for London" or "one survivor wept at the
    # embassy in Paris, saying" is no place
    if best and not (best.type == "place" and (phrase[:1].islower() or len(phrase) > len(best.text) + 4)):
        return article.name_of(best), True, "named", None
    phrase = phrase.rstrip(".")
    known = article.known(phrase)
    if known:
        return known, True, "named", None
    if introduced := article.introduced(phrase, start):  # "the Minister for London", named so before
        return introduced, True, "named", None
    label = plural(phrase)
    if label and (group := article.last_group_before(start, label)):  # "the senators", named before
        return _group(group, "named")
    if not phrase or len(phrase.split()) > MAX_DESCRIPTION_WORDS or phrase.lower() in {"it", "this", "that"}:
        return NOBODY
    return phrase, False, "named", Group(label, text=phrase) if label else None


def _attribution(article: _Article, start: int, end: int) -> Speaker:
    """The speaker of the quotation at ``text[start:end]`` from the words around it in its sentence."""
    sentence = article.sentence_at(start)
    last = article.sentence_at(end)
    following = [s for s in article.spans if s[0] > end]
    stop = min(last.end, following[0][0] - 1) if following else last.end
    after = article.text[end:stop]
    marks = re.match(MARKS, after)
    closed = bool(CLOSED & set(marks.group() if marks else "")) or article.text[end - 1 : end] in CLOSED
    line_end = article.text.find("\n", end)
    signed = SIGNED.match(article.text, end, line_end if line_end >= 0 else len(article.text))
    if signed:
        return _speaker(article, signed.start("speaker"), signed.end("speaker"))
    for n, pattern in enumerate(AFTER):
        match = pattern.match(after)
        if not match or not any(c.isalpha() for c in match.group("speaker")):
            continue
        # past a quotation that runs on into its sentence ("is ``almost entirely in Arabic'' and the board has
        # added…"), "NAME said" is its attribution only when the clause ends there ("…today" Mara Lindqvist said.)
        if closed or n < 2 or (RUNS_ON_END.match(after, match.end()) and not LEADING.match(match.group("speaker"))):
            return _speaker(article, end + match.start("speaker"), end + match.end("speaker"))
    said = SAID.match(after)  # "…,'' said Dr. Mark Juhn of the University of …" (longer than a speaker phrase)
    people = article.people_in(end + said.end(), end + said.end() + 60) if said else []
    if said and people and _titles(article.text[end + said.end() : people[0].where.start]):
        return article.name_of(people[0]), True, "named", None
    preceding = [s for s in article.spans if s[1] < start]
    begin = max(sentence.start, preceding[-1][1] + 1) if preceding else sentence.start
    before = article.text[begin:start].rstrip("\"“'`‘ ")
    match = BEFORE.search(before)
    if match:  # "Strand said the pilot had told the tower: ``…''": the last speech verb's subject speaks
        first, last = match.span("speaker")
        reported = [verb.end() for verb in SPEECH.finditer(before, first, last)]
        return _speaker(article, begin + (reported[-1] if reported else first), begin + last)
    if before.endswith(":") and (people := article.people_in(begin, start)):  # "Delgado put it plainly: “…”"
        return article.name_of(people[-1]), True, "named", None
    match = SUBJECT.match(before)  # the sentence's speaker, unless it reports someone else's words
    if match and not SPEECH.search(before, match.end()) and any(c.isalpha() for c in match.group("speaker")):
        return _speaker(article, begin + match.start("speaker"), begin + match.end("speaker"))
    return NOBODY


def find_quotes(story: Story, mentions: Sequence[Mention], cast: Cast) -> tuple[Quote, ...]:
    """Every quotation of the story with its speaker; ``cast``: who the story names (``Cast.of(*merge(...))``)."""
    by_article = {a.id: [s for s in story.sentences if s.article == a.id] for a in story.articles}
    keys = {a.id: " ".join(words(a.text)) for a in story.articles}
    found = []
    for source in story.articles:
        own = [m for m in mentions if m.where.article == source.id]
        article = _Article(by_article[source.id], source.text, own, cast)
        previous: tuple[Quote | None, int, Group | None] = (None, -2, None)
        for start, end in article.spans:
            sentence = article.sentence_at(start)
            speaker, entity, how, group = _attribution(article, start, end)
            last, last_index, last_group = previous
            if how == UNKNOWN[2]:
                how = ""
            elif speaker is None and last is not None and last.speaker and sentence.index - last_index <= 1:
                speaker, entity, how, group = last.speaker, last.speaker_is_entity, "continued", last_group
            elif speaker is None and sentence.index > 0:
                introduced = article.last_speaker_before(start, article.sentences[sentence.index - 1].start)
                speaker, entity, how, group = (introduced, True, "continued", None) if introduced else NOBODY
            if speaker and entity:
                article.heard(start, speaker)
            if group:  # a later "they" means this group
                article.heard_group(start, group)
            text = source.text[start:end]
            key = " ".join(words(text))
            also = tuple(a.id for a in story.articles if a.id != source.id and key and key in keys[a.id])
            where = Citation(source.id, sentence.index, start, end)
            quote = Quote(text, speaker, entity, how, where, also, group.members if group else ())
            found.append(quote)
            previous = (quote, article.sentence_at(end).index, group)
    return tuple(found)
