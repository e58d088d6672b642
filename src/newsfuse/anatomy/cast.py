"""Cast: a story's mentions merged into its entities, one canonical name each, and who among them is a person.

Spelling variants of one name merge (al-Qaeda / al-Qaida, "Maliki" for "Nouri al-Maliki", "Jim Hall" for
"James E. Hall"); a country never merges into an organisation that holds its name. ``Cast`` is what ``quotes``
reads: the canonical name of each spelling, the people, and the full names by their last word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.anatomy.entities import NAME_WORD, ORGANISATION_WORD, PARTICLE, Mention
from newsfuse.anatomy.genders import PRONOUNS, by_given_name
from newsfuse.anatomy.model import Entity
from newsfuse.anatomy.nicknames import same_person

ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")  # "US", "U.S" (the final dot is cut), "ISW"
# "Ki-moon", "Jong-il": a Korean given name, after the family name (not "Abed-rabbo", "Abu-khalil": Arabic names)
FAMILY_FIRST = re.compile(r"(?!(?:Abu|Abd|Abdel|Abed|Bin|Ben|Al|El)-)[A-Z][a-z]{1,5}-[a-z]{1,5}")


def _key(name: str) -> str:
    """Letters and digits without accents: "José" and "Jose", "Élysée" and "Elysee" are one spelling. A name
    with a letter that has no Latin base (Москва, or ł before it is spelt out) keys as itself, lower-cased."""
    lower = name.lower().translate(SPELT)
    plain = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode())
    if sum(c.isalpha() for c in plain) < sum(c.isalpha() for c in lower):
        return re.sub(r"[\W_]", "", lower)
    return plain


SPELT = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "œ": "oe", "æ": "ae", "ß": "ss", "þ": "th"})


def _skeleton(key: str) -> str:
    """Consonants after the first letter: al-Qaeda and al-Qaida, Gadhafi and Gaddafi agree on it."""
    return key[:1] + re.sub(r"[aeiouy]|(.)(?=\1)", "", key[1:])


def family_name(name: str) -> str:
    """The word of a full name that is used alone: the last, but the first in a Korean name written family name
    first ("Ban Ki-moon" is "Mr. Ban", "Kim Jong-il" is "Kim": a given name hyphenated in lower case)."""
    words = name.split()
    return words[0] if len(words) == 2 and FAMILY_FIRST.fullmatch(words[1]) else words[-1]


def _surname(name: str) -> str:
    return _key(PARTICLE.sub("", family_name(name)))


class _Groups:
    """Union-find over surface forms."""

    def __init__(self, names: Iterable[str]) -> None:
        self.parent = {n: n for n in names}

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _kind(names: list[str], mentions: list[Mention]) -> str:
    """The type of one entity: the model's vote (full names count, short forms only without them), then rules."""
    longest = max(len(n.split()) for n in names)
    votes = Counter(m.type for m in mentions if len(m.text.split()) == longest or longest == 1)
    kind = votes.most_common(1)[0][0]
    if any(ORGANISATION_WORD.search(n) for n in names):
        return "organisation" if kind != "place" else kind
    contexts = Counter(m.context for m in mentions)
    if kind != "place" and 2 * contexts["place"] >= len(mentions):
        return "place"  # nobody is "in" or "at" a person: the small model's commonest slip in news
    if kind != "person" and contexts["person"] and not contexts["place"]:
        return "person"  # "board member Celia Obi", "Marco Ferri, 52,"
    return kind


def _initials(counts: Counter[str], model_type: dict[str, str]) -> dict[str, str]:
    """Acronyms and the one name of the same type they abbreviate: U.S. / United States, ISW / Institute for the
    Study of War. A place never joins an organisation here, so the country stays apart from US Steel."""
    full: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        capitals = [w for w in words if w[:1].isupper()]
        if len(words) > 1 and len(capitals) > 1 and not any(ACRONYM.fullmatch(w) for w in words):
            full["".join(w[0] for w in capitals), model_type[name]].append(name)
    found = {}
    for name in counts:
        if ACRONYM.fullmatch(name) and model_type[name] in {"place", "organisation"}:
            candidates = full.get((name.replace(".", ""), model_type[name]), [])
            if len(candidates) == 1:
                found[name] = candidates[0]
    return found


def _may_join(groups: _Groups, names: Iterable[str], a: str, b: str) -> bool:
    """Whether joining the entities of ``a`` and ``b`` keeps every full name of the two one person: no "Caroline
    Kennedy" into "Carolyn Bessette Kennedy" by way of a "Carolyn Kennedy" spelt like both."""
    roots = {groups.find(a), groups.find(b)}
    full = [n for n in names if groups.find(n) in roots and len(n.split()) > 1]
    return all(same_person(x, y) or x.split()[-1] != y.split()[-1] for x in full for y in full if x < y)


# A name and the short form a text defines for it: "Philippine Airlines (PAL)", "the carrier, known as PAL"
DEFINED = re.compile(
    r"\b((?:[A-Z][\w&.'’-]*\s+){0,5}[A-Z][\w&.'’-]*)\s*(?:\(|,\s+(?:known|also known|better known) as\s+)"
    r"([A-Z][A-Za-z&]{1,7})\b\)?"
)


def defined(texts: Iterable[str]) -> dict[str, str]:
    """Short forms the texts define, each with the name it stands for ("PAL" → "Philippine Airlines")."""
    found: dict[str, str] = {}
    for text in texts:
        if "(" not in text and "known as" not in text:
            continue
        for name, short in DEFINED.findall(text):
            found.setdefault(short, name)
    return found


def merge(
    mentions: list[Mention], short_forms: dict[str, str] | None = None
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Entities by mentions (most first) and the canonical name of every surface form; ``short_forms``: what the
    text defines ("PAL" for "Philippine Airlines", from ``defined``), joined with their name where both are named."""
    counts = Counter(m.text for m in mentions)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        types[m.text][m.type] += 1
    model_type = {n: types[n].most_common(1)[0][0] for n in counts}
    groups = _Groups(counts)
    by_key: dict[str, str] = {}
    by_skeleton: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        key = _key(name)
        for index, value in ((by_key, key), (by_skeleton, _skeleton(key) if len(key) >= 5 else None)):
            if value is None:
                continue
            if value not in index:
                index[value] = name
            elif index is by_key or abs(len(_key(index[value])) - len(key)) <= 1:  # Roumanie is not Royaume-Uni
                groups.join(name, index[value])
    endings: dict[str, set[str]] = defaultdict(set)
    for name in counts:  # "Transit Authority" in "Tarn County Transit Authority", "Mariners" in "... Mariners"
        words = name.split()
        for k in range(1, len(words)):
            endings[" ".join(words[-k:])].add(name)
    for suffix, longer in endings.items():
        k = len(suffix.split())
        organisation = types[suffix]["organisation"] > 0 and all(types[n]["organisation"] for n in longer)
        if suffix not in counts or len(longer) != 1:
            continue
        full = next(iter(longer))
        named_like = all(w[:1].isupper() for w in full.split()) and not ORGANISATION_WORD.search(full)
        if model_type[suffix] == "place" and not ORGANISATION_WORD.search(suffix) and not named_like:
            continue  # a place is not "post-Communist Croatia" nor "University of Dayton"; "Pippig" is "Uta Pippig"
        if k >= 3 or ORGANISATION_WORD.search(suffix) or organisation:
            groups.join(suffix, full)
    places = Counter(m.text for m in mentions if m.context == "place")
    people_context = {m.text for m in mentions if m.context == "person"}
    full_people: dict[str, list[str]] = defaultdict(list)
    first_words: dict[str, list[str]] = defaultdict(list)  # of full names: a Chinese family name comes first
    organisations: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        if len(name.split()) > 1 and (types[name]["person"] == max(types[name].values()) or name in people_context):
            full_people[_surname(name)].append(name)
            first_words[_key(name.split()[0])].append(name)
        if len(name.split()) > 1 and model_type[name] == "organisation":
            organisations[_key(name.split()[0])].append(name)
    for names in full_people.values():  # "Jim Hall" is "James E. Hall", when he is the only one he can be
        for name in names:
            matches = [other for other in names if other != name and same_person(name, other)]
            if len(matches) == 1 and _may_join(groups, counts, name, matches[0]):
                groups.join(name, matches[0])
    for name in counts:
        if len(name.split()) > 1:
            continue
        people, firms = full_people.get(_surname(name)), organisations.get(_key(name), [])
        if people:  # "Maliki" is "Nouri al-Maliki", whatever type the model gave the short form
            groups.join(name, max(people, key=lambda n: (counts[n], len(n))))
        elif len(named_first := first_words.get(_key(name), [])) == 1 and model_type[name] == "person":
            if not by_given_name(name) and name.lower() not in PRONOUNS:  # "Xu" is "Xu Wenli"; "Joseph" no one
                groups.join(name, named_first[0])
        elif len(firms) == 1 and not places[name] and model_type[name] != "place":
            groups.join(name, firms[0])  # "Healvia" is "Healvia Pharmaceuticals"; "in Calderon", "the U.S." are not
    for name, full in _initials(counts, model_type).items():
        groups.join(name, full)
    for short, name in (short_forms or {}).items():
        named = next((n for n in counts if n == name or name.endswith(f" {n}")), None)  # "the carrier X…"
        if short in counts and named and model_type[short] != "person" and model_type[named] != "person":
            groups.join(short, named)
    members: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        members[groups.find(name)].append(name)
    entities = []
    canonical: dict[str, str] = {}
    for names in members.values():
        own = [m for m in mentions if m.text in names]
        kind = _kind(names, own)
        full = [n for n in names if len(n.split()) > 1]  # the fullest form names it: "Nouri al-Maliki"
        spelling = Counter({_key(n): 0 for n in names})
        for n in names:
            spelling[_key(n)] += counts[n]  # al-Qaeda and Al-Qaeda are one spelling, al-Qaida another
        title = max(full or names, key=lambda n: (spelling[_key(n)], counts[n], len(n), n))
        per_article = Counter(m.where.article for m in own)
        variants = tuple(sorted(names, key=lambda n: (-counts[n], n)))
        entities.append(Entity(title, kind, variants, dict(per_article)))
        canonical.update(dict.fromkeys(names, title))
    entities.sort(key=lambda e: (-sum(e.mentions.values()), e.name))
    return tuple(entities), canonical


@dataclass(frozen=True)
class Cast:
    """Who the story names, worked out once per story: the canonical name of each spelling, the persons among
    them (whom "he" and "she" may mean), and the full names by their last word ("Raman" → "Priya Raman")."""

    canonical: dict[str, str]
    people: frozenset[str]
    surnames: dict[str, frozenset[str]]

    @classmethod
    def of(cls, entities: Iterable[Entity], canonical: dict[str, str]) -> Cast:
        """From ``merge``'s result: the story's entities and the canonical name of each spelling."""
        people = frozenset(e.name for e in entities if e.type == "person")
        surnames: dict[str, set[str]] = {}
        for name in set(canonical.values()):
            if len(name.split()) > 1:
                surnames.setdefault(family_name(name), set()).add(name)
        return cls(canonical, people, {last: frozenset(names) for last, names in surnames.items()})

    def by_surname(self, phrase: str) -> str | None:
        """The one full name in the story whose last word is ``phrase``, if there is exactly one."""
        full = self.surnames.get(phrase, frozenset()) if NAME_WORD.fullmatch(phrase) else frozenset()
        return next(iter(full)) if len(full) == 1 else None
