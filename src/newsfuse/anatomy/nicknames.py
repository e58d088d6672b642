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
FORMAL = {short: full for full, shorts in _FORMS.items() for short in shorts.split()}
SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


def _words(name: str) -> list[str]:
    """A name's words, lower case, the given name in its formal form and initials left out ("E.")."""
    words = [w.lower() for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    if words:
        words[0] = FORMAL.get(words[0], words[0])
    return words


def same_person(a: str, b: str) -> bool:
    """Whether two full names of one surname name one person: the same given name, formally or familiarly, and
    one name's other words within the other's ("Jim Hall", "James E. Hall"); never a Jr. and his father."""
    if any(SUFFIX.match(w) for w in a.split()) != any(SUFFIX.match(w) for w in b.split()):
        return False
    x, y = _words(a), _words(b)
    if len(x) < 2 or len(y) < 2 or x[0] != y[0] or x[-1] != y[-1]:
        return False
    return set(x) <= set(y) or set(y) <= set(x)
