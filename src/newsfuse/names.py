"""Names: a person the brief names by surname alone gets the given name the articles introduce them with.

News names a person in full once ("Akin Birdal, head of the Human Rights Association, said…") and by surname
after. A brief built of later sentences leaves its reader with "Birdal said…" and no idea who that is. So the
brief's first mention of a bare surname becomes the full name ("Akin Birdal said…") when the articles agree on
it, the brief's budget has room for the words, and the JSON lists the change; the citation still slices the
source's own characters.

What counts as such a surname is decided from the story itself, not from a list of names: a capitalised word
that at least half of the articles that use it first write after one given name, the same one each time. A word
the story also writes in lower case ("States", "Times", "Today") is no surname, nor a given name ("Bill" in a
story of a "dam bill"). English only: the titles ("President", "Mr."), the calendar and the words that begin
place names ("New", "North") are English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from newsfuse.model import BriefSentence, Change, Story
from newsfuse.text import word_count

CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*")  # a word with a capital (English and Latin-1 names)
THE = re.compile(r"(?:^|\W)[Tt]he\s$")
POSSESSIVE = re.compile(r"['’]s?$")
QUOTE_OPENERS, QUOTE_CLOSERS = ("“", "«", "``"), ("”", "»", "''")
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
    socialist communist independent monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)
# Words that begin names of places and institutions, never a given name ("New York Times", "North Dakota").
PLACES = frozenset("north south east west northern southern eastern western central upper lower new old great "
                   "greater little saint st san santa los las el la le de du van von al".split())  # fmt: skip
NOT_GIVEN = TITLES | PLACES
# Words that end the names of institutions and places, never a person's surname ("Marlow Irrigation District").
INSTITUTIONS = frozenset(
    """district department ministry council committee agency office court party association union corps authority
    commission bureau institute university college school hospital company corporation bank group service center
    centre foundation church army navy force police board house senate congress assembly parliament government
    administration times post news journal street avenue road river lake creek mountain island bay park airport
    station bridge dam county city province state republic kingdom society club league team fund trust project
    program programme survey organization organisation alliance front movement council""".split()
)
# One or two given names (or a given name and an initial) right before a surname: the text up to the surname
# ends with them; and the word before them, which must not be another part of the name ("New York Times").
BEFORE = re.compile(r"(?:^|(?<=[^\w.’'-]))([^\W\d_][\w’'-]*)\s+(?:([^\W\d_][\w’'-]*|[A-Z]\.)\s+)?$")
FOLLOWING = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
PRECEDING = re.compile(r"([^\W\d_][\w’'.-]*)[ \t]+$")


def _title_case(word: str) -> bool:
    """Capitalised and not all capitals ("Birdal", "McKinney", "O'Brien"; not "NATO")."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


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
    before = text[:at]
    curly = sum(before.count(c) for c in QUOTE_OPENERS) > sum(before.count(c) for c in QUOTE_CLOSERS)
    return curly or before.count('"') % 2 == 1


@dataclass
class Names:
    """What a story says of the surnames a brief uses: worked out per word when first asked, then kept."""

    story: Story
    stopwords: frozenset[str]
    known: dict[str, str | None] = field(default_factory=dict)
    lowered: dict[str, bool] = field(default_factory=dict)

    @cached_property
    def text(self) -> str:
        return "\n".join(a.text for a in self.story.articles)

    def in_lower_case(self, word: str) -> bool:
        """Whether the story writes ``word`` in lower case anywhere: a common word, not a name."""
        if word not in self.lowered:
            self.lowered[word] = next(_occurrences(self.text, word.lower()), None) is not None
        return self.lowered[word]

    def modifies(self, word: str) -> bool:
        """Whether the story writes ``word`` before a word in lower case ("Republican leaders", "Australian
        rider") at least as often as before a capitalised one: a modifier, not a given name ("Eric bought")."""
        after = [
            m.group(1) for at in _occurrences(self.text, word) if (m := FOLLOWING.match(self.text, at + len(word)))
        ]
        return 2 * sum(w[0].islower() for w in after) >= len(after)

    def given(self, word: str) -> bool:
        """Whether ``word`` may be a given name (or an initial): capitalised, not a title nor a common word."""
        if len(word) == 2 and word.endswith("."):
            return word[0].isupper()
        lower = word.lower()
        return (
            _title_case(word)
            and lower not in NOT_GIVEN
            and lower not in self.stopwords
            and not self.in_lower_case(word)
        )

    def full(self, surname: str) -> str | None:
        """The full name the articles introduce ``surname`` with ("Akin Birdal"), or None if they do not agree."""
        if surname not in self.known:
            self.known[surname] = self._full(surname)
        return self.known[surname]

    def _full(self, surname: str) -> str | None:
        lower = surname.lower()
        if lower in NOT_GIVEN or lower in INSTITUTIONS or lower in self.stopwords or self.in_lower_case(surname):
            return None
        forms: dict[str, list[str]] = {}  # first given name: the given names in full, as each article has them
        bare = 0
        for article in self.story.articles:
            if (first := next(_occurrences(article.text, surname), None)) is None:
                continue
            if (words := self.introduced_as(article.text, first, first + len(surname))) is None:
                return None
            if words:
                forms.setdefault(words[0], []).append(" ".join(words))
            else:
                bare += 1
        if len(forms) != 1:
            return None
        [found] = forms.values()
        return f"{Counter(found).most_common(1)[0][0]} {surname}" if len(found) >= bare else None

    def introduced_as(self, text: str, at: int, end: int) -> list[str] | None:
        """The given names written before the surname at ``at:end``, past a title ("Foreign Minister George"); none
        when it stands alone ("and Reyes", "Senator Hale"); None when it cannot be read as a person's name: part
        of a longer name ("New York Times", "United States Geological Survey"), or after a capitalised word that
        is no given name ("Senator Bill Hale" in a story of a "dam bill")."""
        if (after := FOLLOWING.match(text, end)) and _title_case(after.group(1)):
            return None
        start = max(0, at - REACH)
        found = BEFORE.search(text, start, at)
        written = [w for w in found.groups() if w] if found else []
        words = list(written)
        while words and not self.given(words[0]):
            if _title_case(words[0]) and words[0].rstrip(".").lower() not in TITLES:
                return None
            words.pop(0)
        if len(words) == 2 and not words[1].endswith(".") and self.modifies(words[0]):
            words.pop(0)
        if not words:
            return []
        if words[0].endswith(".") or not all(map(self.given, words)):
            return None
        if found and len(words) == len(written):
            part = PRECEDING.search(text, start, found.start())
            if part and _title_case(part.group(1)) and part.group(1).rstrip(".").lower() not in TITLES:
                return None
        return words


def bare_surnames(text: str) -> list[re.Match[str]]:
    """Capitalised words of a brief sentence that stand alone (no capitalised word next to them, not after
    "the"), outside quotations: where a surname may be all the reader is told."""
    capitals = [m for m in CAPITALISED.finditer(text) if _title_case(m.group())]
    quoted = '"' in text or any(mark in text for mark in QUOTE_OPENERS)
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


Edit = tuple[int, str, str]  # where in a brief sentence a surname is, the surname, and the full name


def introductions(names: Names, texts: Sequence[str]) -> list[list[Edit]]:
    """Per brief sentence (``texts``, in reading order), the surnames whose first mention in the brief is bare and
    whose full name the story gives; a surname the brief wrote in full, or mentioned before, needs none."""
    met: set[str] = set()
    found = []
    for text in texts:
        bare = {m.start() for m in bare_surnames(text)}
        edits = []
        for word in CAPITALISED.finditer(text):
            surname = POSSESSIVE.sub("", word.group())
            if word.start() in bare and surname not in met and (full := names.full(surname)) is not None:
                edits.append((word.start(), surname, full))
            met.add(surname)
        found.append(edits)
    return found


def words_needed(edits: list[list[Edit]]) -> int:
    return sum(len(full.split()) - 1 for per_sentence in edits for _, _, full in per_sentence)


def introduce(
    story: Story, sentences: Sequence[BriefSentence], edits: list[list[Edit]], budget: int
) -> tuple[BriefSentence, ...]:
    """The brief with its ``introductions`` made, in reading order, while the budget has room."""
    room = budget - sum(word_count(s.text) for s in sentences)
    out = []
    for sentence, wanted in zip(sentences, edits, strict=True):
        made = []
        for edit in wanted:
            if room >= (extra := len(edit[2].split()) - 1):
                made.append(edit)
                room -= extra
        out.append(_edited(story, sentence, made))
    return tuple(out)


def _edited(story: Story, sentence: BriefSentence, edits: list[Edit]) -> BriefSentence:
    """``sentence`` with each surname at its offset replaced by the full name, listed in ``changes`` at its
    place in the first source (the brief's text is the source's characters from ``start`` on, a capital aside)."""
    if not edits:
        return sentence
    first = sentence.sources[0]
    source = story.article(first.article).text
    text, changes = sentence.text, list(sentence.changes)
    for at, surname, full in reversed(edits):
        start = first.start + at
        if source[start : start + len(surname)] != surname:  # the brief's text is not the source's here
            continue
        text = text[:at] + full + text[at + len(surname) :]
        changes.append(Change(start, start + len(surname), surname, full))
    return replace(sentence, text=text, changes=tuple(sorted(changes, key=lambda c: c.start)))
