"""Reading: one article as ``quotes`` reads it, its sentences, quotations, people and speakers found by offset.

Who speaks at each speech verb outside quotations (the subject of "said", or the person named right after it in
the wire's inverted "said Paul Dergarabedian, of…"; never a possessive, "Lawrence's killing"), who a sentence is
about (named in its first words, or after an opening phrase and a description), the groups it names, and the
canonical name of a mention (a given name the model left out, a surname two people share).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from newsfuse.anatomy.cast import Cast, family_name
from newsfuse.anatomy.entities import NAME_WORD, TITLE, Mention
from newsfuse.anatomy.genders import PRONOUNS, by_cue, by_given_name
from newsfuse.anatomy.groups import Group, described, named_groups
from newsfuse.anatomy.speech import SPEECH
from newsfuse.model import Sentence
from newsfuse.text import STOPWORDS

MIN_WORDS = 3
LOOK_BACK = 64  # mentions or speakers read back from a pronoun: a "she" means someone named not long before
# A quotation is at most MAX_QUOTE characters (about 500 words): bounded, so that an opening mark that is never
# closed costs a bounded look-ahead, not one to the end of the article; and none holds another opening “ (a
# quotation inside one is ‘…’), so that a run of unclosed ones costs one look-ahead to the next, not 3,000 each.
MAX_QUOTE = 3000
WIRE = r"(?:[^`'\n]|`(?!`)|'(?!'))"  # a character of a wire quotation: never its marks, `` or '', nor a line end
QUOTATION = re.compile(
    rf"“([^“”]{{1,{MAX_QUOTE}}})”|\"([^\"\n]{{1,{MAX_QUOTE}}})\"|``({WIRE}{{1,{MAX_QUOTE}}})''|''({WIRE}{{1,{MAX_QUOTE}}})''"
    # the wire's quotation that runs on into the next paragraph: no closing mark at its paragraph's end, and the
    # next paragraph opens with another ("``This is the way … is not right.\n``Then there's…,'' said Henley.")
    rf"|``({WIRE}{{1,{MAX_QUOTE}}})(?=\n[ \t]*``)|\"([^\"\n]{{1,{MAX_QUOTE}}})(?=\n[ \t]*\")"
)
SUBJECT_START = re.compile(r"[,;:“”\"]\s*")  # where the subject of a speech verb may begin in its sentence
MAX_APPOSITIVES = 4  # "Kagan, the head of the institute, a think tank in Washington, said": parts walked back
LEADING = re.compile(r"^(?:and|but|as|so|then|while)(?:\s+|$)", re.IGNORECASE)
SUBJECT_WORDS = 3  # a person named within a sentence's first words is its subject
GIVEN = re.compile(r"([A-Z][\w'’-]+) $")  # a capitalised word just before a name: "Doreen " Lawrence
NAME_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")  # a capitalised word (or title) just before a name
MAX_INTRODUCTIONS = 50  # earlier uses of a description looked at for the name it introduced: bounded work
LOCATED = re.compile(r"\s+(?:of|from|in)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*")  # "of Charlotte"
ITS = re.compile(r"[^.;!?]{0,60}?\bits\b")  # "Metallica and its fans", "Napster … its users"
NEITHER = "neither"  # the gender of a "person" that is no one: no "he" or "she" means it
INVERTED_END = re.compile(r"['’]?\s*(?:[,.;:!?)]|of\b|\(|$)")  # "said Paul Dergarabedian, …", "… of Exhibitor"
PRONOUN_OPENING = re.compile(r"\W*(?:(?:and|but|so|then)\s+)?(?P<pronoun>he|she|they|his|her|their)\b", re.IGNORECASE)
OPENING_GENDER = {"his": "male", **PRONOUNS}  # the gender a sentence that opens with a pronoun goes on about
OBJECT_BEFORE = re.compile(r"\b(?:of|to|for|with|by|about|from|against|on|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
PRONOUN_CHAIN = 3  # sentences about "she" (or "he") between a quotation and the one sentence that names her
QUOTE_MARK = re.compile(r"[\"“”`]|(?<!\w)['’]|['’](?!\w)")  # not the apostrophe of "submarine's"
OPENING_WORDS = 12  # or after an opening phrase and a description of this many words in all


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks of MIN_WORDS words or more."""
    spans = []
    for match in QUOTATION.finditer(text):
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        inside = match.group(group)
        if len(inside.split()) >= MIN_WORDS:
            trimmed = len(inside.rstrip(" ,"))  # the comma before the attribution is not the speaker's
            spans.append((match.start(group), match.start(group) + trimmed))
    return spans


def titles_only(text: str) -> bool:
    """Whether ``text`` holds nothing but titles ("Dr.", "state Sen.", "the")."""
    return not text.strip() or bool(TITLE.fullmatch(text.strip() + " "))


class Reading:
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
        self.spans = quotations(text)  # in order, none inside another: looked up by bisection
        self.span_starts = [start for start, _ in self.spans]
        self.span_ends = [end for _, end in self.spans]
        # a mention of a person the model typed otherwise here ("Estrada seemed…" as an organisation) is the
        # person's, as the story's cast has it: else "he said" after it means whoever else the sentence names
        people = cast.people
        retyped = (m if m.type == "person" or cast.canonical.get(m.text) not in people else replace(m, type="person")
                   for m in mentions)  # fmt: skip
        self.mentions = sorted(retyped, key=lambda m: m.where.start)
        self.mention_starts = [m.where.start for m in self.mentions]
        self.speakers = sorted(self._speech_subjects())  # (offset, name), quoted speakers added as found
        self.groups = sorted(self._groups(), key=lambda pair: pair[0])  # (offset, group), as speakers are
        self.genders: dict[str, str | None] = {}  # a person's, as far as the article tells, worked out when needed
        self.roles: dict[str, list[int]] = {}  # where each description a speaker was given ends in the text

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def quoted(self, offset: int) -> bool:
        k = bisect.bisect_right(self.span_starts, offset) - 1
        return k >= 0 and offset < self.span_ends[k]

    def span_after(self, offset: int) -> tuple[int, int] | None:
        """The first quotation that starts after ``offset``."""
        k = bisect.bisect_right(self.span_starts, offset)
        return self.spans[k] if k < len(self.spans) else None

    def span_before(self, offset: int) -> tuple[int, int] | None:
        """The last quotation that ends before ``offset``."""
        k = bisect.bisect_left(self.span_ends, offset) - 1
        return self.spans[k] if k >= 0 else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.mention_starts, start)
        high = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[low:high] if m.where.end <= end]

    def people_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions_in(start, end) if m.type == "person" and not self.quoted(m.where.start)]

    def people_before(self, offset: int) -> Iterator[Mention]:
        """The persons mentioned before ``offset`` outside quotations, the latest first, at most ``LOOK_BACK``
        mentions back: whom a pronoun may mean (reading back to the start for each made "she said" quadratic)."""
        last = bisect.bisect_left(self.mention_starts, offset) - 1
        for k in range(last, max(last - LOOK_BACK, -1), -1):
            m = self.mentions[k]
            if m.type == "person" and m.where.end <= offset and not self.quoted(m.where.start):
                yield m

    def name_of(self, mention: Mention) -> str:
        """The canonical name of a mention; of "Lawrence" in "Doreen Lawrence" when the model left out the given
        name here but read the whole name elsewhere (not the "Stephen Lawrence" that a bare surname means); and
        of a surname two people of the story share ("Bailey" for Kyle or Mark Bailey), the one this article
        last named in full before it ("Kim" for Kim Dae-jung or Kim Jong-il, by ``cast.family_name``)."""
        given = GIVEN.search(self.text, max(0, mention.where.start - 30), mention.where.start)
        fuller = f"{given.group(1)} {mention.text}" if given else ""
        if fuller not in self.cast.canonical and len(self.cast.surnames.get(mention.text, ())) > 1:
            low = bisect.bisect_left(self.mention_starts, mention.where.start)
            named = (m for m in reversed(self.mentions[:low]) if m.type == "person" and " " in m.text)
            fuller = next((m.text for m in named if family_name(m.text) == mention.text), "")
        return self.cast.canonical.get(fuller) or self.cast.canonical.get(mention.text, mention.text)

    def known(self, phrase: str) -> str | None:
        """The canonical name of a phrase the model missed here but found elsewhere ("Raman said")."""
        return self.cast.canonical.get(phrase) or self.cast.by_surname(phrase)

    def _speech_subjects(self) -> Iterator[tuple[int, str]]:
        """Who speaks at each speech verb outside quotations: the last person named before it in its sentence;
        and the person a sentence is about (named in its first words), whom a later "she said" may mean."""
        for sentence in self.sentences:
            people = [m for m in self.people_in(sentence.start, sentence.end) if not self.possessive(m)]
            if people and self.subject(sentence, people[0]):
                yield people[0].where.start, self.name_of(people[0])
            elif known := self.named_first(sentence):
                yield sentence.start, known  # "Pachauri stressed…", a surname the model missed here
        for verb in SPEECH.finditer(self.text):
            if self.quoted(verb.start()):
                continue
            sentence = self.sentence_at(verb.start())
            people = [m for m in self.people_in(sentence.start, verb.start()) if not self.possessive(m)]
            # "Saba Mozakka, the daughter of Behnaz Mozakka, who died in May, said": the head of the apposition
            # (", arguing that…" is the sentence's subject's: a participle after a comma follows no apposition)
            participle = verb.group().endswith("ing")
            apposed = self.text[sentence.start : verb.start()].rstrip().endswith(",") and not participle
            name = self.apposition_head(verb.start()) if apposed else None
            if apposed and not name and not people:  # "…, said Paul Dergarabedian of …", the wire's inverted form
                name = self.named_after(verb.end())
            name = name or (self.name_of(people[-1]) if people else self.named_first(sentence))
            if name:
                yield verb.start(), name

    def named_after(self, offset: int) -> str | None:
        """The person named right after a speech verb, past titles only ("said Dr. Mark Juhn"): inverted news
        attribution, whose speaker follows the verb; not the subject of a reported clause ("said Kennedy could")."""
        people = self.people_in(offset, offset + 60)
        found = people and titles_only(self.text[offset : people[0].where.start])
        return self.name_of(people[0]) if found and INVERTED_END.match(self.text, people[0].where.end) else None

    def named_before(self, offset: int, gender: str | None = None) -> str | None:
        """The one person of ``gender`` the sentence before a quotation's names, when the quotation opens its
        sentence and that sentence is not about someone already ("Such views were countered by those who, like
        Jerry Rhoades, pronounced…" / "``Don't watch it to analyze,'' he said."): whom "he" means there. Sentences
        that go on about "she" (or "he") in between are passed over, up to ``PRONOUN_CHAIN`` of them ("…, Linda
        Brestler had no idea…" / "But she was…" / "She remembers…" / "``…,'' she said.")."""
        sentence = self.sentence_at(offset)
        if not self.quoted(sentence.start + len(sentence.text) - len(sentence.text.lstrip("`'\"“ "))):
            return None
        for back in range(sentence.index - 1, max(sentence.index - PRONOUN_CHAIN - 2, -1), -1):
            before = self.sentences[back]
            if self.quoted(before.end - 2):
                return None
            if opening := PRONOUN_OPENING.match(before.text):
                if gender is None or OPENING_GENDER.get(opening.group("pronoun").lower()) != gender:
                    return None
                continue
            people = [m for m in self.people_in(before.start, before.end) if not self.possessive(m)]
            if back < sentence.index - 1:  # past sentences about her: she is the one they are about, not an object
                people = [m for m in people if not OBJECT_BEFORE.search(self.text[before.start : m.where.start])]
            names = {self.name_of(m) for m in people}
            # the sentence's subject where the model missed it ("…, Barrios seemed intent on praising Tan."):
            # "he" means it rather than the object the model did find
            if (first := self.named_first(before)) and (not people or not self.subject(before, people[0])):
                names = {first}
            names = {name for name in names if name in self.cast.people and self.may_be(name, gender)}
            return next(iter(names)) if len(names) == 1 else None
        return None

    def possessive(self, mention: Mention) -> bool:
        """Whether a mention is a possessive ("Lawrence's killing"): never the subject of a verb."""
        return self.text.startswith(("'s", "’s", "' ", "’ "), mention.where.end)

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
            len(parts) in (2, 3) and not parts[-1].strip() and count <= OPENING_WORDS and not QUOTE_MARK.search(before)
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

    def apposition_head(self, start: int) -> str | None:
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

    def located_before(self, start: int) -> str | None:
        """The person a place after a comma stands for, named with that place before it: "as bookseller John
        Barrigner of Charlotte, N.C., put it", "Jan Ostrow of Dayton, Ohio, said"."""
        sentence = self.sentence_at(start)
        end = sentence.start + len(self.text[sentence.start : start].rstrip())
        if self.text[end - 1 : end] != ",":
            return None
        begin = max(sentence.start, self.text.rfind(",", sentence.start, end - 1) + 1)
        people = self.people_in(begin, end - 1)
        if people and LOCATED.fullmatch(self.text, people[-1].where.end, end - 1):
            return self.name_of(people[-1])
        return None

    def introduced(self, phrase: str, before: int) -> str | None:
        """The person a description stood before when the article introduced them: "the Minister for London"
        after "… and Minister for London, Tessa Jowell" (or "Minister for London Tessa Jowell")."""
        role = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        if len(role.split()) < 2:  # "the minister" alone could be anyone the article named so
            return None
        if (ends := self.roles.get(key := role.lower())) is None:  # found once per article, not once per quote
            pattern = rf"(?<![\w-])(?<!deputy )(?<!vice )(?<!acting )(?<!assistant )(?<!former ){re.escape(role)}"
            ends = self.roles[key] = [m.end() for m in re.finditer(pattern, self.text, re.IGNORECASE)]
        earlier = bisect.bisect_right(ends, before)
        for end in reversed(ends[max(0, earlier - MAX_INTRODUCTIONS) : earlier]):
            people = self.people_in(end, end + 60)
            if people and re.fullmatch(r",?\s*", self.text[end : people[0].where.start]):
                return self.name_of(people[0])
        return None

    def last_speaker_before(
        self, offset: int, since: int = 0, person: bool = False, gender: str | None = None
    ) -> str | None:
        """The last speaker before ``offset``; with ``person``, the last one who is a person ("he", "she"), and with
        ``gender``, one who may be of it."""
        people = self.cast.people
        last = bisect.bisect_left(self.speakers, (offset,)) - 1  # the last speaker before ``offset``
        for at, name in (self.speakers[k] for k in range(last, max(last - LOOK_BACK, -1), -1)):
            if at < since:
                return None
            if (not person or name in people) and self.may_be(name, gender):
                return name
        return None

    def may_be(self, name: str, gender: str | None) -> bool:
        """Whether a person may be of ``gender`` ("male", "female"; None: anyone), as far as the article tells."""
        if gender is None:
            return True
        if name not in self.genders:
            cues = (by_cue(self.text[: m.where.start]) for m in self.mentions if self.name_of(m) == name)
            cue = next((cue for cue in cues if cue), None) or by_given_name(name)
            self.genders[name] = cue or (NEITHER if self.named_alone(name) else None)
        return self.genders[name] in (None, gender)

    def named_alone(self, name: str) -> bool:
        """Whether a one-word "person" is never given a first name or a title, in the story's cast or anywhere
        in this article: a band, a firm or a website the model took for a person ("Metallica", "Napster"), whom
        no "he" or "she" means. A given name alone ("Tony") is a person's."""
        if " " in name or by_given_name(name) or any(" " in n for n in self.cast.surnames.get(name, ())):
            return False
        found = list(re.finditer(rf"\b{re.escape(name)}\b", self.text))
        for at in found:
            word = NAME_BEFORE.search(self.text, max(0, at.start() - 40), at.start())
            if word and word.group(1).lower() not in STOPWORDS:  # "Trent Reznor", "Mr. Reznor"; not "But Reznor"
                return False
        # and the article says "its" of it ("Metallica had lost touch with its fans"): a surname used alone
        # ("Gottschalt believes…", "Zhu claimed…") or a star's one name ("Madonna") is still a person's
        return any(ITS.match(self.text, at.end()) for at in found)

    def heard(self, offset: int, name: str) -> None:
        bisect.insort(self.speakers, (offset, name))
