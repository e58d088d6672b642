"""Places: "here" in a wire story means the place of its dateline, which cleaning cut and a brief never shows.

"Ministers met here today" opens a Beijing wire item under "BEIJING, April 25 (Xinhua) --"; lifted into a brief of
several articles, "here" is nowhere. So the brief writes the place instead ("met in Beijing today"), as an
editor would, and lists the change (``introductions.Introductions`` makes these edits with the people it
introduces, within the brief's budget). The place is read from the dateline alone: the words before its first
comma, parenthesis or dash ("DAR ES SALAAM, Tanzania _" is "Dar es Salaam"). English only: the words around
"here" are English.
"""

from __future__ import annotations

import re

from newsfuse.mentions import inside_quotation

# The place: words in capitals before the dateline's comma, agency or dash ("WINSTON-SALEM, N.C. _", "KOBE - ")
PLACE = re.compile(r"^([A-Z][A-Z.'’ -]*?)\s*(?:,|\(|--|—|–|_|:|-\s|-$)")
LOWER = frozenset("es de del la le el al of the da do dos das di du van von".split())
# Datelines that name an institution, not a town ("UNITED NATIONS _": no one writes "in United Nations"), and labels
# in capitals that a dateline's form fits ("URGENT _", "FEATURE -")
NOT_PLACES = frozenset(
    "united nations|ap|afp|reuters|xinhua|cnn|upi|urgent|feature|features|interview|analysis|bulletin|flash|"
    "exclusive|update|updated|corrected|correction|advisory|advance|commentary|opinion|editorial|review|news".split("|")
)
HERE = re.compile(r"\bhere\b(?!['’]s\b| (?:is|are|was|were|in|at|and now)\b)")
NON_WORD = re.compile(r"\W")
# Prepositions after which the place stands alone: "near Nairobi", "30 miles north of Nairobi", "through Nairobi"
TOWARDS = frozenset("near from to around outside beyond toward towards across of through past via into along".split())
IDIOM = re.compile(r"\s+(?:and|nor|or)\s+there\b")  # "here and there", "neither here nor there"
MOTION = re.compile(
    r"(?:came|come|comes|coming|moved|move|moves|moving|brought|bring|brings|bringing|returned|return|returns|"
    r"returning|flew|fly|flies|flying|sent|send|sends|sending|went|go|goes|going|travel(?:l?ed|l?ing|s)?|headed|"
    r"heading|fled|flee|flees|fleeing|rushed|rushing|taken|took|take|takes|taking|immigrated|emigrated|"
    r"relocated|transferred|driven|drove|walked|sailed)"
)  # "came to Nairobi"
# "back here", "right here", "neither here nor there": left as it is
HERE_ALONE = frozenset("up down over back out in right just neither".split())


def dateline_place(dateline: str) -> str:
    """The place a dateline names in capitals, in the case a brief writes it ("BEIJING, April 25 (Xinhua) --" →
    "Beijing"), or "" when it names none ("(AP) --", "UNITED NATIONS _", "URGENT:"; and a place a scraper left glued
    to the first sentence, "Istanbul The government…", whose end cannot be told)."""
    found = PLACE.match(dateline.strip())
    words = found.group(1).split() if found else []
    if not words or " ".join(words).lower() in NOT_PLACES or not any(w[:1].isalpha() for w in words):
        return ""
    return " ".join(w.lower() if k and w.lower() in LOWER else _cased(w) for k, w in enumerate(words))


def _cased(word: str) -> str:
    """A word of a place in capitals as a brief writes it: "Winston-Salem", "D'Alene", "St."; "D.C." as it is."""
    if "." in word[:-1]:
        return word
    return re.sub(r"[^\W\d_]+", lambda part: part.group()[:1] + part.group()[1:].lower(), word)


def names_place(text: str, place: str) -> bool:
    """Whether a sentence names the place (in any case: "BEIJING", "Beijing")."""
    return re.search(rf"\b{re.escape(place)}\b", text, re.IGNORECASE) is not None


def here_edits(text: str, place: str) -> list[tuple[int, str, str]]:
    """Each "here" of a brief sentence that stands for its dateline's ``place``, as (offset, "here", the words that
    replace it): "in Beijing", "to Beijing" after a verb of motion, "Beijing" after "near" or "from". Not inside a
    quotation (the source's own words), not "here is/are", nor where the sentence names the place itself."""
    if not place or "here" not in text or names_place(text, place):
        return []
    found = []
    for match in HERE.finditer(text):
        at = match.start()
        if inside_quotation(text, at) or IDIOM.match(text, match.end()):
            continue
        before = text[max(0, at - 40) : at].split()  # the word before it (a window: linear however long the text)
        word = NON_WORD.sub("", before[-1]).lower() if before else ""
        if word in HERE_ALONE:
            continue
        if word in TOWARDS:
            words = place
        elif MOTION.fullmatch(word):
            words = f"to {place}"
        else:
            words = f"in {place}"
        found.append((at, "here", words))
    return found
