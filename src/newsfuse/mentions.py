"""Mentions: where a brief sentence names someone by surname alone, outside quotations (``names`` gives them the
full name).

A surname is a capitalised word, or several joined by the particles of surnames ("Abarca del Rio"), perhaps led by
one ("el Hage", "De Kock" opening a sentence); it stands alone when no other capitalised word is next to it, and
not in a case's name ("Roe v. Wade"). A quotation is the source's own words and keeps them: its marks are read in
pairs, or as the closing mark of a quotation begun in an earlier sentence, or (the wire nests ``…``…' …'' loosely)
as a last closing mark after which the sentence quotes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*")  # a word with a capital (English and Latin-1 names)
THE = re.compile(r"(?:^|\W)(?:[Tt]he|vs?\.)\s$")  # after "the": an institution's or title's; after "v.": a case's
POSSESSIVE = re.compile(r"['’]s?$")
# The particles of surnames, written in lower case inside a name ("Eugene de Kock", "Wadih el Hage") and
# capitalised when it opens a sentence ("De Kock…").
PARTICLES = frozenset("de del della der den di da dos das du van von la le el al bin ibn ben".split())
# Capitalised, only those no given name is spelt as ("De Kock…", "Bin Laden…"; not "Ben Stiller", "Van Morrison")
OPENING = frozenset("de del della der den von bin ibn".split())
_PARTICLE = "|".join(
    f"[{p[0].upper()}{p[0]}]{p[1:]}" if p in OPENING else p for p in sorted(PARTICLES, key=len, reverse=True)
)
_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
# The word after a name's word, past particles ("Wadih el Hage": "Hage").
NEXT_IN_NAME = re.compile(rf"[ \t]+(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+(?={_WORD}))*([^\W\d_][\w’'-]*)")
# A name's words as one: particles and capitalised words, a capitalised word last ("de Kock", "Abarca del Rio").
UNIT = re.compile(rf"(?<![\w’'-])(?:(?:{_PARTICLE}) (?={_WORD}))*{_WORD}(?: (?:{_PARTICLE}) {_WORD})*")
# Quotation marks: pairs that say which is which, closing marks that end a quotation begun in an earlier sentence
# when they come first ("…will fail,” the mayor said."), and double marks, which close after punctuation.
PAIRED = (("“", "”"), ("«", "»"), ("``", "''"), ("‘", "’ "))
CLOSES_EARLIER = re.compile(r"^[^\"“«‘`]*?[,.!?;:—-](?:[\"”»]|'')")
DOUBLE = re.compile(r"``|''|[\"“”«»]")
CLOSERS = ("''", '"', "”", "»")


def title_case(word: str) -> bool:
    """Capitalised and not all capitals, each part of a hyphenated word too ("Birdal", "O'Brien", "Jean-Pierre";
    not "NATO", "Indian-controlled")."""
    return all(part[:1].isupper() for part in word.split("-")) and not (len(word) > 1 and word.isupper())


def surname_key(written: str) -> str:
    """How a surname is looked up, whatever opens the sentence: its leading particle in lower case ("De Kock" is
    "de Kock"), no possessive."""
    written = POSSESSIVE.sub("", written)
    first, _, rest = written.partition(" ")
    return f"{first.lower()} {rest}" if rest and first.lower() in PARTICLES else written


def keys_within(written: str) -> Iterator[str]:
    """The surnames a name written in full also tells the reader: its capitalised words and each of its ends
    that begins with a particle or a capitalised word ("Eugene de Kock": "de Kock", "Kock", "Eugene")."""
    words = POSSESSIVE.sub("", written).split()
    for k in range(len(words)):
        yield surname_key(" ".join(words[k:]))
    yield from (word for word in words if word[:1].isupper())


def _after_last_closing(text: str, at: int) -> bool:
    """Whether ``at`` follows the sentence's last double quotation mark, a closing one after punctuation: the
    quotation ended there, whatever it left open (``It will draw ``Dam Days' crowds,'' Vellin said.)."""
    marks = list(DOUBLE.finditer(text))
    if not marks or marks[-1].end() > at:
        return False
    last = marks[-1]
    return last.group() in CLOSERS and text[last.start() - 1 : last.start()] in (",", ".", "!", "?")


def inside_quotation(text: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation of a brief sentence: before the closing mark of a quotation begun in an
    earlier sentence, or, unless after the sentence's last closing mark, between a pair of marks or after an odd
    number of straight double quotes."""
    before = text[:at]
    if (earlier := CLOSES_EARLIER.match(text)) and earlier.end() > at:
        return True
    if _after_last_closing(text, at):
        return False
    for opening, closing in PAIRED:
        if before.count(opening) > before.count(closing):
            return True
    return before.count('"') % 2 == 1


def bare_surnames(text: str) -> list[re.Match[str]]:
    """Names of a brief sentence that stand alone (no capitalised word next to them, not after "the" nor in a
    case's name, "Roe v. Wade"), outside quotations: where a surname may be all the reader is told."""
    return _alone(text, list(UNIT.finditer(text)))


def names_of(text: str) -> list[tuple[re.Match[str], bool]]:
    """Every name of a sentence (``UNIT``), and whether it stands alone (``bare_surnames``): one reading of it."""
    every = list(UNIT.finditer(text))
    alone = {m.start() for m in _alone(text, every)}
    return [(m, m.start() in alone) for m in every]


def _alone(text: str, every: list[re.Match[str]]) -> list[re.Match[str]]:
    units = [m for m in every if all(title_case(w) for w in CAPITALISED.findall(m.group()))]
    quoted = any(mark in text for mark in "\"“”«»‘`'")
    found = []
    for k, unit in enumerate(units):
        start = unit.start()
        if len(unit.group()) < 2 or (k and text[units[k - 1].end() : start].strip() in ("", ".")):
            continue
        if k + 1 < len(units) and not text[unit.end() : units[k + 1].start()].strip():
            continue
        if THE.search(text, max(0, start - 5), start) or (quoted and inside_quotation(text, start)):
            continue
        found.append(unit)
    return found
