"""Names: a person the brief names by surname alone gets the given name the articles introduce them with.

News names a person in full once ("Akin Birdal, head of the Human Rights Association, said…") and by surname
after. A brief built of later sentences leaves its reader with "Birdal said…" and no idea who that is. So the
brief's first mention of a bare surname becomes the full name ("Akin Birdal said…") when the articles agree on
it (where they give it different given names, "Randy Evans" and "Randolph Evans", or two people, the name its own
article last wrote in full), the brief's budget has room for the words, and the JSON lists the change; the
citation still slices the source's own characters. ``introductions`` makes the edits; this module reads what the
story calls each surname.

What counts as such a surname is read from the story itself, not from a list of names: a capitalised word, or
words joined by a particle ("de Kock", "Abarca del Rio", ``mentions``), that at least half of the articles that
use it first write right after one given name, the same one each time, past a title, a possessive, the end of an
institution's name or a common word capitalised to open a sentence or as a title ("Foreign Minister George",
"Portugal's Cristiano", "of the United Kingdom Tony", "Chief Prosecutor Louise"); or, written family name first,
right before one ("President Jiang Zemin"; ``family_first``). Whatever is doubtful gives no name: a word the story
also writes in lower case ("States", "Today", "Bill" in a story of a "dam bill"), a word the story mostly writes
before lower-case words ("Iraqi officials"), another capitalised word before the given name that the story never
writes in lower case ("Meanwhile Mara Vellin"), the end of a longer name ("New York Times"; a "Jr." is the
person's), the words that end institutions' names ("District"), a word that is capitalised only because it opens a
sentence ("Meet Acxiom", "Three Cabinet"), a nationality ("Spanish"), and a surname whose article last named
someone else of it in full ("Marco Rodriguez" after "James Rodriguez"). English only: the word lists
(``namewords``) are English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from newsfuse.mentions import NEXT_IN_NAME, POSSESSIVE, title_case
from newsfuse.model import Story
from newsfuse.namewords import INSTITUTIONS, NOT_GIVEN, TITLES, nationality

AT_A_PLACE = re.compile(r"\b(?:in|at|to|from|near|into|across|outside|inside|toward|towards)\s+$")
REACH = 48  # characters before a first mention searched for its given name (and an initial, and a title)
# The one or two words right before a surname (the text up to the surname ends with them; the second may be an
# initial), the word after it, and the word before a given name.
BEFORE = re.compile(r"(?:^|(?<=[^\w.’'-]))([^\W\d_][\w’'-]*)\s+(?:([^\W\d_][\w’'-]*|[A-Z]\.)\s+)?$")
FOLLOWING = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
PRECEDING = re.compile(r"([^\W\d_][\w’'.-]*)[ \t]+$")
SUFFIXES = frozenset({"Jr", "Sr"})  # after a surname, its own ("Irving Powless Jr."), not a longer name's
SPEAKS = re.compile(r"[ \t]+(?:said|says|told|added|asked)\b")  # after a name alone: a person's


class Named(NamedTuple):
    """How the articles introduce a surname: the full name as written ("George W. Bush", "Eugene de Kock", "Jiang
    Zemin"), and the given name that tells one person of that surname from another ("George", "Eugene", "Zemin")."""

    full: str
    given: str


BARE = Named("", "")  # an article that names the surname alone


def _leads_a_name(word: str) -> bool:
    """Whether ``word`` may stand before a person's name without being part of it: a title ("Senator",
    "Gov.") or a possessive ("Portugal's Cristiano Ronaldo", "Microsoft's Bing")."""
    return word.rstrip(".").lower() in TITLES or POSSESSIVE.search(word) is not None


def _in_a_name(found: re.Match[str] | None) -> bool:
    """Whether the word a pattern found before a name (its first group) may be part of the name: capitalised, and
    no title or possessive that only leads it."""
    return found is not None and title_case(word := found.group(1)) and not _leads_a_name(word)


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


def _mentions(text: str, surname: str) -> list[int]:
    """Where ``surname`` occurs in ``text``; one led by a particle also where it opens a sentence ("de Kock",
    "De Kock")."""
    places = list(_occurrences(text, surname))
    if surname[:1].islower():
        places = sorted([*places, *_occurrences(text, surname[:1].upper() + surname[1:])])
    return places


@dataclass
class Names:
    """What a story says of the surnames a brief uses: worked out per word when first asked, then kept."""

    story: Story
    stopwords: frozenset[str]
    known: dict[str, Named | None] = field(default_factory=dict, init=False)
    lowered: dict[str, bool] = field(default_factory=dict, init=False)
    givens: dict[str, bool] = field(default_factory=dict, init=False)
    disputes: dict[str, bool] = field(default_factory=dict, init=False)  # known with ``known``: see ``disputed``

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
        after = [NEXT_IN_NAME.match(self.text, at + len(word)) for at in _occurrences(self.text, word)]
        lower = [m.group(1)[0].islower() for m in after if m]
        return 2 * sum(lower) >= len(lower)

    def given(self, word: str) -> bool:
        """Whether ``word`` may be a given name: capitalised, no title, place or common word, no modifier."""
        if word not in self.givens:
            lower = word.lower()
            common = lower in NOT_GIVEN or lower in self.stopwords or nationality(lower) or self.in_lower_case(word)
            self.givens[word] = title_case(word) and not common and not self.modifies(word)
        return self.givens[word]

    def common(self, word: str) -> bool:
        """Whether ``word`` is a common word, not a name: a title, place or opening word, an institution's, a
        stopword, a nationality, or one the story writes in lower case."""
        lower = word.lower()
        listed = lower in NOT_GIVEN or lower in INSTITUTIONS or lower in self.stopwords or nationality(lower)
        return listed or self.in_lower_case(word)

    def in_a_name(self, found: re.Match[str] | None) -> bool:
        """``_in_a_name``, unless the word ends an institution's name or is a common word the story writes in lower
        case elsewhere, capitalised here as a title or to open a sentence ("Chief Prosecutor Louise Arbour",
        "Added Woody Enderson", "Prime Minister of the United Kingdom Tony Blair")."""
        if found is None or not _in_a_name(found):
            return False
        return not ((word := found.group(1)).lower() in INSTITUTIONS or self.in_lower_case(word.rstrip(".")))

    def named(self, surname: str) -> Named | None:
        """How the articles introduce ``surname``, or None if they do not agree on it."""
        if surname not in self.known:
            self.known[surname], self.disputes[surname] = self._named(surname)
        return self.known[surname]

    def disputed(self, surname: str) -> bool:
        """Whether the articles introduce ``surname`` with different given names ("Randy", "Randolph")."""
        self.named(surname)
        return self.disputes[surname]

    def full(self, surname: str) -> str | None:
        """The full name the articles introduce ``surname`` with ("Akin Birdal"), or None if they do not agree."""
        return named.full if (named := self.named(surname)) else None

    def full_at(self, surname: str, article: str, at: int) -> str | None:
        """The full name of ``surname`` written at ``at`` in ``article``: the story's (``full``), unless the
        article last named someone else of that surname in full before it ("Marco Rodriguez, the referee…
        Rodriguez" in a report that introduced the player James Rodriguez first). Where the articles give the
        surname different given names ("Randy Evans", "Randolph Evans"), the name its own article last wrote in
        full before it: whom that article's reader knows it as."""
        text = self.story.article(article).text
        if (named := self.named(surname)) is None:
            return self.last_full(text, surname, at) if self.disputed(surname) else None
        family = not named.full.lower().endswith(surname.lower())
        before = [place for place in _mentions(text, surname) if place < at]
        givens = (self.given_at(text, place, place + len(surname), family) for place in reversed(before))
        last = next(filter(None, givens), None)
        return named.full if last is None or last == named.given else None

    def last_full(self, text: str, surname: str, at: int) -> str | None:
        """The full name an article last wrote ``surname`` with before ``at``, if it did (and could be read)."""
        for place in reversed([place for place in _mentions(text, surname) if place < at]):
            if (named := self.introduced(text, surname, place)) is None:
                return None
            if named.given:
                return named.full
        return None

    def given_at(self, text: str, at: int, end: int, family: bool) -> str | None:
        """The given name written with the surname at ``at:end``: before it, or (``family``) right after it."""
        if not family:
            return self.given_before(text, at)
        after = FOLLOWING.match(text, end)
        return after.group(1) if after and after.group(1)[:1].isupper() and not self.common(after.group(1)) else None

    def _named(self, surname: str) -> tuple[Named | None, bool]:
        """The one introduction the articles agree on (or None), and whether they give different given names."""
        if self.common(surname):
            return None, False
        forms: dict[str, list[str]] = {}  # given name: how each article writes the full name
        bare = 0
        for article in self.story.articles:
            if not (places := _mentions(article.text, surname)):
                continue
            if (named := self.introduced(article.text, surname, places[0])) is None:
                return None, False
            if named.given:
                forms.setdefault(named.given, []).append(named.full)
            else:
                bare += 1
        if len(forms) != 1:
            return None, len(forms) > 1
        [(given, found)] = forms.items()
        fullest = max(Counter(found).items(), key=lambda form: (form[1], len(form[0])))[0]  # ties: the longest
        return (Named(fullest, given) if len(found) >= bare else None), False

    def introduced(self, text: str, surname: str, at: int) -> Named | None:
        """How an article introduces ``surname`` at its first mention (``at``): BARE if alone; None if it cannot
        be read as a person's name, unless it is written family name first."""
        end = at + len(surname)
        if (given := self.introduced_as(text, at, end)) is None:
            family = self.family_first(text, at, end)
            return Named(f"{text[at:end]} {family}", family) if family else None
        return Named(f"{given} {text[at:end]}", _nearest(given)) if given else BARE

    def family_first(self, text: str, at: int, end: int) -> str | None:
        """The given name right after the surname at ``at:end`` when the name is written family name first
        ("President Jiang Zemin", "Zha Jianguo"): one capitalised word that the story never writes but after the
        surname, with no capitalised word after it and nothing but a title before the surname, and a surname the
        story has speak alone ("Jiang said"), so not a place ("Saudi Arabia"), nor one the story is in or at ("in
        Costa Rica"), nor a building ("Trump Tower")."""
        if not (after := FOLLOWING.match(text, end)) or not (given := after.group(1))[:1].isupper():
            return None
        if given.isupper() or self.common(given) or self.before(text, at) != "":
            return None
        if (beyond := FOLLOWING.match(text, after.end())) and beyond.group(1)[:1].isupper():
            return None
        surname = text[at:end]
        places = list(_occurrences(self.text, given))
        if not all(self.text.endswith(f"{surname} ", 0, place) for place in places):
            return None
        starts = [place - len(surname) - 1 for place in places]  # where "Surname Given" begins
        if given.lower() in INSTITUTIONS or any(AT_A_PLACE.search(self.text[max(0, s - 12) : s]) for s in starts):
            return None  # "Trump Tower", "in Costa Rica": a place's or a building's name
        spoken = (SPEAKS.match(self.text, place + len(surname)) for place in _occurrences(self.text, surname))
        return given if any(spoken) else None

    def given_before(self, text: str, at: int) -> str | None:
        """The given name written right before the word at ``at`` (past an initial), if any."""
        start = max(0, at - REACH)
        if (found := PRECEDING.search(text, start, at)) and len(found.group(1)) == 2 and found.group(1)[1] == ".":
            found = PRECEDING.search(text, start, found.start())
        if not self.in_a_name(found) or "." in (word := found.group(1)):
            return None
        return word if self.given(word) else None

    def introduced_as(self, text: str, at: int, end: int) -> str | None:
        """The given name (and initial) written right before the surname at ``at:end``, past a title; "" when
        the surname stands alone ("and Reyes", "Senator Hale"); None when it cannot be read as a person's name:
        part of a longer name ("New York Times", not "Irving Powless Jr."), or after a capitalised word that is
        no given name or title."""
        if (after := FOLLOWING.match(text, end)) and title_case(after.group(1)) and after.group(1) not in SUFFIXES:
            return None
        return self.before(text, at)

    def before(self, text: str, at: int) -> str | None:
        """The given name (and initial) right before ``at``, past a title; "" when there is none; None after a
        capitalised word that is no given name or title ("Meanwhile Mara Vellin")."""
        start = max(0, at - REACH)
        found = BEFORE.search(text, start, at)
        if found is None:
            return ""
        first, second = found.groups()
        if second is not None and second.endswith("."):  # "George W. Bush"
            given, other = first, PRECEDING.search(text, start, found.start())
            initial = f" {second}"
        elif second is not None:  # "Minister George Papandreou"; "Meanwhile Mara Vellin" is doubtful
            given, other, initial = second, (found if self.in_a_name(found) else None), ""
            middle = other is not None and first.lower() not in INSTITUTIONS and self.given(first)
            if middle and not _in_a_name(PRECEDING.search(text, start, found.start())):  # not "Veterans Affairs Eric"
                given, other = f"{first} {second}", None  # a middle name: "Joseph Stanley Faulder"
        else:
            given, other, initial = first, PRECEDING.search(text, start, found.start()), ""
        if not title_case(given) or _leads_a_name(given):  # "and Reyes", "Senator Hale", "Portugal's Reyes"
            return ""
        if not all(self.given(word) for word in given.split()):
            return None
        if self.in_a_name(other):
            return None
        return given + initial
