"""Groups of speakers: "Senators Ruth Calder and Tom Baines" (named), "officials" (only described).

A quotation attributed to "they" or "the senators" belongs to a group, never to one person: news copy names
the group first ("Two senators, Ruth Calder and Tom Baines, wrote to the president") and then refers back
to it. A named group speaks as its members' canonical names joined as in English ("Ruth Calder and Tom
Baines"); the quote lists the members in ``group``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsfuse.anatomy.entities import TITLE, Mention
from newsfuse.text import STOPWORDS

# A plural noun, lower case: "senators", "officials", "police"; not "press", "bus", "this".
PLURAL = r"(?:[a-z]+(?<![siu])s|police|staff|people)"
PLURAL_END = re.compile(rf"\b(?P<label>{PLURAL})$")
LABEL_BEFORE = re.compile(rf"\b(?P<label>{PLURAL}|sens\.|reps\.)[\s,:]*$", re.IGNORECASE)
ABBREVIATED = {"sens.": "senators", "reps.": "representatives"}
PARENTHESIS = re.compile(r"\([^()]{0,30}\)")  # "(D-Ore.)" between the names of a group
JOINER = re.compile(r"^,?\s*(?:and\b\s*)?")
MAX_SUBJECT_WORDS = 6  # "local officials in Carrow" said: a longer run before the verb is not its subject


@dataclass(frozen=True)
class Group:
    """People who speak together; ``members`` are canonical names, empty when the text only describes them."""

    label: str  # the plural that names them, lower case ("senators"), or "" when the text gives none
    members: tuple[str, ...] = ()
    text: str = ""  # a described group as written: "state officials"

    @property
    def name(self) -> str:
        if not self.members:
            return self.text or self.label
        return " and ".join(filter(None, (", ".join(self.members[:-1]), self.members[-1])))


def plural(phrase: str) -> str | None:
    """The plural noun a phrase ends with ("the two senators" → "senators"), if it names people in a group."""
    found = PLURAL_END.search(phrase)
    return found.group("label") if found and found.group("label") not in STOPWORDS else None


def described(subject: str) -> Group | None:
    """A group the text only describes, from the subject of a speech verb ("Officials in Carrow" said, "two
    senators" wrote): the words up to its first plural noun."""
    words = subject.split()
    if len(words) > MAX_SUBJECT_WORDS:
        return None
    for n, word in enumerate(words):
        label = plural(word.lower())
        if label:
            first = words[0][:1].lower() + words[0][1:] if words[0][1:].islower() else words[0]  # "Officials said"
            return Group(label, text=" ".join([first, *words[1 : n + 1]]))
    return None


def joined(gap: str) -> bool:
    """Whether the text between two names joins them into one group: ", ", " and ", ", and Sen. ", " (D-Ore.) and "."""
    rest = JOINER.sub("", PARENTHESIS.sub(" ", gap).strip(), count=1)
    return bool(gap.strip()) and (not rest or bool(TITLE.fullmatch(rest + " ")))


def named_groups(
    text: str, sentence_start: int, people: Sequence[Mention], name_of: Callable[[Mention], str]
) -> Iterator[tuple[int, Group]]:
    """Groups in one sentence: runs of two or more people (outside quotations) joined by commas, "and", titles
    or party labels, the last two by "and"; each with the offset where it ends and the plural before it."""
    run: list[Mention] = []
    for person in [*people, None]:
        if person and run and joined(text[run[-1].where.end : person.where.start]):
            run.append(person)
            continue
        last_gap = text[run[-2].where.end : run[-1].where.start] if len(run) > 1 else ""
        members = tuple(dict.fromkeys(name_of(m) for m in run))
        if re.search(r"\band\b", last_gap) and len(members) > 1:
            label = LABEL_BEFORE.search(text[sentence_start : run[0].where.start])
            word = label.group("label").lower() if label else ""
            yield run[-1].where.end, Group("" if word in STOPWORDS else ABBREVIATED.get(word, word), members)
        run = [person] if person else []
