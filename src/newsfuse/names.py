"""Names: a person the brief names by surname alone gets the given name the articles introduce them with.

News names a person in full once ("Akin Birdal, head of the Human Rights Association, said…") and by surname
after. A brief built of later sentences leaves its reader with "Birdal said…" and no idea who that is. So the
brief's first mention of a bare surname becomes the full name ("Akin Birdal said…") when the articles agree on
it, the brief's budget has room for the words, and the JSON lists the change; the citation still slices the
source's own characters.

What counts as such a surname is read from the story itself, not from a list of names: a capitalised word that
at least half of the articles that use it first write right after one given name, the same one each time, past
a title or a possessive ("Foreign Minister George", "Portugal's Cristiano"). Whatever is doubtful gives no name:
a word the story also writes in lower case ("States", "Today", "Bill" in a story of a "dam bill"), a word the
story mostly writes before lower-case words ("Iraqi officials"), two capitalised words before the surname
("Secretary of State Hillary Clinton", "Meanwhile Mara Vellin"), the end of a longer name ("New York Times"),
the words that end institutions' names ("District"), a word that is capitalised only because it opens a sentence
("Meet Acxiom", "Three Cabinet"), a nationality ("Spanish"), and a surname whose article last named someone
else of it in full ("Marco Rodriguez" after "James Rodriguez"). English only: these word lists are English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from newsfuse.attribute import edited
from newsfuse.model import BriefSentence, Change, Story
from newsfuse.select import Pick, reading_order
from newsfuse.text import word_count

CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*")  # a word with a capital (English and Latin-1 names)
THE = re.compile(r"(?:^|\W)[Tt]he\s$")
POSSESSIVE = re.compile(r"['’]s?$")
REACH = 48  # characters before a first mention searched for its given name (and an initial, and a title)
# Words that may come right before a person's given name and are not part of the name: titles, parties and the
# calendar ("Foreign Minister George", "Republican Matt", "Monday Bill").
TITLES = frozenset(
    """mr mrs ms miss dr prof president vice premier prime minister chancellor secretary senator sen rep
    representative gov governor mayor judge justice general gen col lt capt captain sgt adm admiral king queen prince
    princess pope sir lord lady rev father sister brother bishop cardinal chairman chairwoman chief director coach
    commissioner officer detective inspector sheriff ambassador spokesman spokeswoman professor dame sheikh ayatollah
    imam rabbi emperor empress crown speaker leader deputy assistant attorney sergeant lieutenant colonel major
    corporal marshal dean superintendent constable republican democrat democratic conservative liberal labour labor
    socialist communist independent frenchman frenchwoman englishman englishwoman scotsman irishman dutchman
    welshman briton monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)
# Words that begin the names of places, storms and operations, never a given name ("North Dakota").
PLACES = frozenset(
    """north south east west northern southern eastern western central upper lower new old great greater little
    saint st san santa los las el la le de du van von al lake mount mountain river cape fort port gulf bay isle
    island hurricane typhoon cyclone storm tropical operation real""".split()
)
# Verbs that open a sentence before a name and are never a given name ("Meet Acxiom, the biggest company…").
OPENING_VERBS = frozenset(
    """meet ask thank blame call welcome enter forget imagine consider remember take watch join visit tell
    say see read listen picture""".split()
)
# Words that open a sentence and are capitalised only there ("Though Morsi…", "Meanwhile Vellin…").
OPENERS = frozenset(
    """though although meanwhile however yet still thus hence also even indeed nevertheless nonetheless otherwise
    moreover besides elsewhere already perhaps maybe instead later earlier today yesterday tonight tomorrow now then
    soon once since unless until whereas while despite unlike like according overall finally eventually afterwards
    recently currently initially ultimately furthermore likewise similarly separately additionally clearly
    sadly fortunately unfortunately apparently reportedly allegedly one two three four five six seven eight nine ten
    eleven twelve twenty thirty forty fifty hundreds thousands dozens several many some few both all each every most
    another""".split()
)
# Nationalities written like names ("Spanish police", "Lebanese Hezbollah"); "-ese" ones are recognised by their
# ending (``_nationality``), as no surname or given name of more than five letters ends so.
NATIONALITIES = frozenset(
    """spanish british irish danish polish english scottish turkish swedish finnish kurdish flemish welsh dutch
    french greek thai swiss""".split()
)
NOT_GIVEN = TITLES | PLACES | OPENING_VERBS | OPENERS
# Words that end the names of institutions and places, never a person's surname ("Marlow Irrigation District").
INSTITUTIONS = frozenset(
    """district department ministry council committee agency office court party association union corps authority
    commission bureau institute university college school hospital company corporation bank group service center
    centre foundation church army navy force police board house senate congress assembly parliament government
    administration times post news journal street avenue road river lake creek mountain island bay park airport
    station bridge dam county city province state republic kingdom society club league team fund trust project
    program programme survey organization organisation alliance front movement cabinet embassy united rovers
    wanderers athletic albion""".split()
)
# The one or two words right before a surname (the text up to the surname ends with them; the second may be an
# initial), the word after it, and the word before a given name.
BEFORE = re.compile(r"(?:^|(?<=[^\w.’'-]))([^\W\d_][\w’'-]*)\s+(?:([^\W\d_][\w’'-]*|[A-Z]\.)\s+)?$")
FOLLOWING = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
PRECEDING = re.compile(r"([^\W\d_][\w’'.-]*)[ \t]+$")
# Quotation marks: pairs that say which is which, and closing marks that end a quotation begun in an earlier
# sentence when they come first ("…will fail,” the mayor said.").
PAIRED = (("“", "”"), ("«", "»"), ("``", "''"), ("‘", "’ "))
CLOSES_EARLIER = re.compile(r"^[^\"“«‘`]*?[,.!?;:—-](?:[\"”»]|'')")


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


def _title_case(word: str) -> bool:
    """Capitalised and not all capitals, each part of a hyphenated word too ("Birdal", "O'Brien", "Jean-Pierre";
    not "NATO", "Indian-controlled")."""
    return all(part[:1].isupper() for part in word.split("-")) and not (len(word) > 1 and word.isupper())


def _nationality(lower: str) -> bool:
    """Whether a lower-cased word names a nationality ("spanish", "lebanese")."""
    return lower in NATIONALITIES or (len(lower) > 5 and lower.endswith("ese"))


def _leads_a_name(word: str) -> bool:
    """Whether ``word`` may stand before a person's name without being part of it: a title ("Senator",
    "Gov.") or a possessive ("Portugal's Cristiano Ronaldo", "Microsoft's Bing")."""
    return word.rstrip(".").lower() in TITLES or POSSESSIVE.search(word) is not None


def _in_a_name(found: re.Match[str] | None) -> bool:
    """Whether the word a pattern found before a name (its first group) may be part of the name: capitalised, and
    no title or possessive that only leads it."""
    return found is not None and _title_case(word := found.group(1)) and not _leads_a_name(word)


def _nearest(given: str) -> str:
    """The given name written nearest the surname, past an initial: "Stanley" of "Joseph Stanley", "George" of
    "George W.": what tells two ways of writing one person's given names for the same person."""
    return next(word for word in reversed(given.split()) if not word.endswith("."))


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text`` as a whole word (``str.find``: a pattern compiled per word would cost
    more than the search)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-_")) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "-_")
        ):
            yield at
        at = text.find(word, end)


def _inside_quotation(text: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation of a brief sentence: between a pair of marks, after an odd number of
    straight double quotes, or before the closing mark of a quotation begun in an earlier sentence."""
    before = text[:at]
    if (earlier := CLOSES_EARLIER.match(text)) and earlier.end() > at:
        return True
    for opening, closing in PAIRED:
        if before.count(opening) > before.count(closing):
            return True
    return before.count('"') % 2 == 1


@dataclass
class Names:
    """What a story says of the surnames a brief uses: worked out per word when first asked, then kept."""

    story: Story
    stopwords: frozenset[str]
    known: dict[str, str | None] = field(default_factory=dict, init=False)
    lowered: dict[str, bool] = field(default_factory=dict, init=False)
    givens: dict[str, bool] = field(default_factory=dict, init=False)

    @cached_property
    def text(self) -> str:
        return "\n".join(a.text for a in self.story.articles)

    def in_lower_case(self, word: str) -> bool:
        """Whether the story writes ``word`` in lower case anywhere: a common word, not a name."""
        if word not in self.lowered:
            self.lowered[word] = next(_occurrences(self.text, word.lower()), None) is not None
        return self.lowered[word]

    def modifies(self, word: str) -> bool:
        """Whether the story writes ``word`` before a word in lower case ("Iraqi officials", "Australian rider")
        at least as often as before a capitalised one: a modifier, not a given name ("Eric bought" once, "Eric
        Rudolph" ten times)."""
        after = [FOLLOWING.match(self.text, at + len(word)) for at in _occurrences(self.text, word)]
        lower = [m.group(1)[0].islower() for m in after if m]
        return 2 * sum(lower) >= len(lower)

    def given(self, word: str) -> bool:
        """Whether ``word`` may be a given name: capitalised, no title, place or common word, no modifier."""
        if word not in self.givens:
            lower = word.lower()
            common = lower in NOT_GIVEN or lower in self.stopwords or _nationality(lower) or self.in_lower_case(word)
            self.givens[word] = _title_case(word) and not common and not self.modifies(word)
        return self.givens[word]

    def full(self, surname: str) -> str | None:
        """The full name the articles introduce ``surname`` with ("Akin Birdal"), or None if they do not agree."""
        if surname not in self.known:
            self.known[surname] = self._full(surname)
        return self.known[surname]

    def full_at(self, surname: str, article: str, at: int) -> str | None:
        """The full name of ``surname`` written at ``at`` in ``article``: the story's (``full``), unless the
        article last named someone else of that surname in full before it ("Marco Rodriguez, the referee…
        Rodriguez" in a report that introduced the player James Rodriguez first)."""
        if (full := self.full(surname)) is None:
            return None
        text = self.story.article(article).text
        before = [place for place in _occurrences(text, surname) if place < at]
        last = next(filter(None, (self.given_before(text, place) for place in reversed(before))), None)
        return full if last is None or last == _nearest(full.rsplit(" ", 1)[0]) else None

    def _full(self, surname: str) -> str | None:
        lower = surname.lower()
        if lower in NOT_GIVEN or lower in INSTITUTIONS or lower in self.stopwords or _nationality(lower):
            return None
        if self.in_lower_case(surname):
            return None
        forms: dict[str, list[str]] = {}  # given name: how each article writes it ("George W." or "George")
        bare = 0
        for article in self.story.articles:
            if (first := next(_occurrences(article.text, surname), None)) is None:
                continue
            if (given := self.introduced_as(article.text, first, first + len(surname))) is None:
                return None
            if given:
                forms.setdefault(_nearest(given), []).append(given)
            else:
                bare += 1
        if len(forms) != 1:
            return None
        [found] = forms.values()
        fullest = max(Counter(found).items(), key=lambda form: (form[1], len(form[0])))[0]  # ties: the longest
        return f"{fullest} {surname}" if len(found) >= bare else None

    def given_before(self, text: str, at: int) -> str | None:
        """The given name written right before the word at ``at`` (past an initial), if any."""
        start = max(0, at - REACH)
        if (found := PRECEDING.search(text, start, at)) and len(found.group(1)) == 2 and found.group(1)[1] == ".":
            found = PRECEDING.search(text, start, found.start())
        if not _in_a_name(found) or "." in (word := found.group(1)):
            return None
        return word if self.given(word) else None

    def introduced_as(self, text: str, at: int, end: int) -> str | None:
        """The given name (and initial) written right before the surname at ``at:end``, past a title; "" when
        the surname stands alone ("and Reyes", "Senator Hale"); None when it cannot be read as a person's name:
        part of a longer name ("New York Times"), or after a capitalised word that is no given name or title."""
        if (after := FOLLOWING.match(text, end)) and _title_case(after.group(1)):
            return None
        start = max(0, at - REACH)
        found = BEFORE.search(text, start, at)
        if found is None:
            return ""
        first, second = found.groups()
        if second is not None and second.endswith("."):  # "George W. Bush"
            given, other = first, PRECEDING.search(text, start, found.start())
            initial = f" {second}"
        elif second is not None:  # "Minister George Papandreou"; "Meanwhile Mara Vellin" is doubtful
            given, other, initial = second, (found if _in_a_name(found) else None), ""
            middle = other is not None and first.lower() not in INSTITUTIONS and self.given(first)
            if middle and not _in_a_name(PRECEDING.search(text, start, found.start())):
                given, other = f"{first} {second}", None  # a middle name: "Joseph Stanley Faulder"
        else:
            given, other, initial = first, PRECEDING.search(text, start, found.start()), ""
        if not _title_case(given) or _leads_a_name(given):  # "and Reyes", "Senator Hale", "Portugal's Reyes"
            return ""
        if not all(self.given(word) for word in given.split()):
            return None
        if _in_a_name(other):
            return None
        return given + initial


def bare_surnames(text: str) -> list[re.Match[str]]:
    """Capitalised words of a brief sentence that stand alone (no capitalised word next to them, not after
    "the"), outside quotations: where a surname may be all the reader is told."""
    capitals = [m for m in CAPITALISED.finditer(text) if _title_case(m.group())]
    quoted = any(mark in text for mark in "\"“”«»‘`'")
    found = []
    for k, word in enumerate(capitals):
        start = word.start()
        if len(word.group()) < 2 or (k and text[capitals[k - 1].end() : start].strip() in ("", ".")):
            continue
        if k + 1 < len(capitals) and not text[word.end() : capitals[k + 1].start()].strip():
            continue
        if THE.search(text, max(0, start - 5), start) or (quoted and _inside_quotation(text, start)):
            continue
        found.append(word)
    return found


@dataclass
class Introductions:
    """The people a brief names by surname alone, to be introduced by full name: worked out for a choice of
    sentences (``over``, while the brief is chosen) and made in the brief (``introduce``)."""

    story: Story
    names: Names
    seen: frozenset[int] = frozenset()  # sentences the reader has read (an update brief): the people there are met
    planned: dict[tuple[Placed, ...], list[list[Edit]]] = field(default_factory=dict, init=False)

    @cached_property
    def met(self) -> frozenset[str]:
        """The capitalised words of the sentences the reader has read: people the reader knows already."""
        texts = (self.story.sentences[i].text for i in self.seen)
        return frozenset(POSSESSIVE.sub("", m.group()) for text in texts for m in CAPITALISED.finditer(text))

    def plan(self, placed: tuple[Placed, ...]) -> list[list[Edit]]:
        """Per brief sentence (``placed``, in reading order), the surnames whose first mention in the brief is
        bare and whose full name the story gives; a surname the brief wrote in full, or before, or that the
        reader met in what they read before (``seen``), needs none."""
        if placed not in self.planned:
            met: set[str] = set(self.met)
            found = []
            for text, article, start in placed:
                bare = {m.start() for m in bare_surnames(text)}
                edits = []
                for word in CAPITALISED.finditer(text):
                    surname, at = POSSESSIVE.sub("", word.group()), word.start()
                    if at in bare and surname not in met and (full := self.names.full_at(surname, article, start + at)):
                        edits.append(Edit(at, surname, full))
                    met.add(surname)
                found.append(edits)
            self.planned[placed] = found
        return self.planned[placed]

    def over(self, picks: list[Pick], budget: int) -> int:
        """How many words a choice of sentences would be over ``budget`` once its people are introduced."""
        placed = []
        for pick in reading_order(self.story, picks):
            sentence = self.story.sentences[pick.sentence]
            placed.append(Placed(edited(sentence, pick.trim)[0], sentence.article, sentence.start + pick.trim))
        needed = sum(len(e.full.split()) - 1 for edits in self.plan(tuple(placed)) for e in edits)
        return needed - (budget - sum(word_count(p.text) for p in placed))

    def introduce(self, sentences: Sequence[BriefSentence], budget: int) -> tuple[BriefSentence, ...]:
        """The brief with its people introduced, in reading order, while the budget has room."""
        room = budget - sum(word_count(s.text) for s in sentences)
        placed = tuple(Placed(s.text, s.sources[0].article, s.sources[0].start) for s in sentences)
        out = []
        for sentence, wanted in zip(sentences, self.plan(placed), strict=True):
            made = []
            for edit in wanted:
                if room >= (extra := len(edit.full.split()) - 1):
                    made.append(edit)
                    room -= extra
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
