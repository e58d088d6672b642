"""Nicknames: "Jim Hall" and "James E. Hall" are one person, "John F. Kennedy Jr." and "John F. Kennedy" two.

News copy names one person formally in one article and familiarly in the next ("Chairman James E. Hall", "Jim
Hall said"); without this the story's cast holds two people, and a bare "Hall said" belongs to neither for sure.
English given names only: the familiar forms are a closed, well-known list.
"""

from __future__ import annotations

import re

_FORMS = {
    "james": "jim jimmy jamie",
    "william": "bill billy will willie",
    "robert": "bob bobby rob robbie bert",
    "richard": "dick rick ricky rich richie",
    "michael": "mike mick mickey",
    "thomas": "tom tommy",
    "joseph": "joe joey",
    "david": "dave davy",
    "daniel": "dan danny",
    "christopher": "chris",
    "stephen": "steve",
    "steven": "steve",
    "anthony": "tony",
    "edward": "ed eddie ted ned",
    "charles": "charlie chuck chas",
    "john": "jack johnny",
    "lawrence": "larry",
    "ronald": "ron ronnie",
    "donald": "don donnie",
    "kenneth": "ken kenny",
    "patrick": "pat paddy",
    "elizabeth": "liz beth betty lizzie",
    "katherine": "kate kathy katie",
    "catherine": "cathy kate",
    "margaret": "peggy maggie meg",
    "susan": "sue susie",
    "jennifer": "jenny jen",
    "andrew": "andy drew",
    "alexander": "alex",
    "samuel": "sam sammy",
    "benjamin": "ben benny",
    "nicholas": "nick",
    "matthew": "matt",
    "gregory": "greg",
    "jeffrey": "jeff",
    "gerald": "jerry gerry",
    "frederick": "fred freddie",
    "henry": "hank harry",
    "timothy": "tim",
    "peter": "pete",
    "philip": "phil",
    "raymond": "ray",
    "walter": "walt wally",
    "douglas": "doug",
    "jonathan": "jon",
    "joshua": "josh",
    "leonard": "len lenny",
    "theodore": "ted teddy",
    "vincent": "vince",
    "victor": "vic",
    "terence": "terry",
    "deborah": "debbie deb",
    "rebecca": "becky",
    "patricia": "pat patty trish",
    "barbara": "barb",
}
FORMAL = {  # "ted": Edward or Theodore
    short: frozenset(full for full, shorts in _FORMS.items() if short in shorts.split())
    for shorts in _FORMS.values()
    for short in shorts.split()
}
SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)
INITIALS = re.compile(r"^(?:[A-Z]\.)+$")  # "E.", "H.W."


def _given(word: str) -> frozenset[str]:
    """The formal names a given name may stand for: itself, and what it is short for."""
    word = word.lower()
    return FORMAL.get(word, frozenset()) | {word}


def same_person(a: str, b: str) -> bool:
    """Whether two full names of one surname name one person: the same given name, formally or familiarly, the
    same middle initials where both give them ("George H.W. Bush" is not "George W. Bush"), and one name's other
    words within the other's ("Jim Hall", "James E. Hall"); never a Jr. and his father."""
    x, y = a.split(), b.split()
    if len(x) < 2 or len(y) < 2 or x[-1].lower() != y[-1].lower():
        return False
    if any(SUFFIX.match(w) for w in x) != any(SUFFIX.match(w) for w in y):
        return False
    if not _given(x[0]) & _given(y[0]):
        return False
    initials = [[w for w in n[1:] if INITIALS.match(w)] for n in (x, y)]
    if all(initials) and initials[0] != initials[1]:
        return False
    rest = [{w.lower() for w in n[1:] if not INITIALS.match(w)} for n in (x, y)]
    return rest[0] <= rest[1] or rest[1] <= rest[0]
