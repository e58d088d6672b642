"""Brief material: the sentences a brief never takes, whatever they are worth, because lifted out of their article
they do not say what they said there: the writer speaking to the reader, an announcement of what follows, a
way to reach the paper, a day told relative to the article's own, an item of a list, an exclamation in the
writer's voice. (A quotation opened and not closed is ``quotations.opens_quotation``'s.)

``units`` leaves these out of a newsfuse brief; ``readable`` says what the sentences it may take lean on.
"""

from __future__ import annotations

import re

from newsfuse.opinion import REPORTED, unquoted
from newsfuse.quotations import has_marks
from newsfuse.text import OPEN_QUOTE

# The reader addressed: "you" in lower case, or opening the sentence ("You can…"); a capitalised "You" inside a
# sentence is a title ("the thriller You", "All You Need Is Love"), and "thank you" addresses no reader.
SECOND_PERSON = re.compile(
    r"^\W*(?i:you(?:rs?|rself|rselves)?)\b|(?<![Tt]hank )\b(?:you|your|yours|yourself|yourselves)\b"
)


def addresses_reader(text: str) -> bool:
    """The writer speaking to the reader ("Maybe you've thought about…", "…to make your grad happy"): advice or a
    feature's aside, not news a brief can retell in its own voice. A source's "you" is inside its quotation, or
    in speech the sentence reports ("They say vitamins make you healthy"), and does not count."""
    if "you" not in text and "You" not in text and "YOU" not in text:  # most sentences: no regex, no copy
        return False
    outside = unquoted(text)
    return bool(SECOND_PERSON.search(outside)) and not REPORTED.search(outside)


# An e-mail address, also as papers write it against spam ("gardening(AT)nytimes.com", "desk [at] paper.org")
E_MAIL = re.compile(r"[\w.+-]+(?:@|\s?[(\[]at[)\]]\s?)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def contact(text: str) -> bool:
    """A sentence that gives an e-mail address ("…or by e-mail to gardening(AT)nytimes.com."): how to reach the
    paper or a source, a service note rather than news, and often the tail of one cut by the segmenter."""
    if "@" not in text and "(at" not in (lower := text.lower()) and "[at" not in lower:  # most sentences
        return False
    return bool(E_MAIL.search(text))


AHEAD = re.compile(OPEN_QUOTE + r"(?:(?:the\s+)?following\s+(?:is|are|was|were)|here(?:'s|’s|\s+is|\s+are))\b", re.I)


# "Tomorrow is a rest day for the Tour.", "Yesterday, a video of one of the bombers was broadcast…": the day is the
# article's, which a brief of several articles does not give. ("Today," and "Today's" often mean nowadays.)
RELATIVE_DAY = re.compile(r"(?:tomorrow|yesterday|tonight)\b|today (?:is|was)\b", re.IGNORECASE)


def relative_day(text: str) -> bool:
    """A sentence that opens with the day relative to its article's ("Tomorrow's stage will take the race…")."""
    return bool(RELATIVE_DAY.match(text))


def points_ahead(text: str) -> bool:
    """A sentence that announces what comes after it ("The following are the main news items…", "…include:"):
    lifted into a brief, what it announces is not there."""
    return text.rstrip(" \"'”’»)").endswith(":") or bool(AHEAD.match(text))


TITLE_BANG = re.compile(r"\b[A-Z][\w'’-]*!$")  # "…the core business of Yahoo!", "…the musical Oklahoma!": a name


def exclamation(text: str) -> bool:
    """An exclamation in the writer's own voice ("Wow, Jerry is on a magazine cover!", "Ask about our free
    trial!"): a brief states, it does not exclaim. A quoted one is the speaker's, and told as such; a name that
    ends in "!" ("Yahoo!", "Jeopardy!") is no exclamation."""
    end = text.rstrip()
    return end.endswith("!") and not TITLE_BANG.search(end) and not has_marks(text)


MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
BULLET = r"\s*(?:(?:--|—|-|•|\*)\s*)?"
# "April 22 -- Federal agents seize Elian…", "-- Sept. 1, 1975: A Concorde completes…": an entry of a chronology.
TIMELINE = re.compile(BULLET + rf"(?:{MONTH} \d{{1,2}}(?:, \d{{4}})?|{MONTH} \d{{4}}|\d{{4}})\s*(?:--|—|–|-|:)\s")
# "IMPACT: As many as one million computers…", "EDITORS: Visit…", "SUU KYI: Yes, my mind…": a fact box's, a note's or
# a transcript's label in capitals.
LABEL = re.compile(BULLET + r"[A-Z][A-Z.'&-]*(?: [A-Z][A-Z.'&-]*)*:\s")


def list_item(text: str) -> bool:
    """An item of a list the article holds (a chronology's entry, a fact box's or a transcript's labelled line):
    lifted into a brief, it reads as a fragment of a list that is not there."""
    head = text[:40]  # most sentences have neither a label's colon nor a chronology's dash there: no regex
    if ":" not in head and " -" not in head and "—" not in head and "–" not in head and head[:1] != "-":
        return False
    return bool(TIMELINE.match(text) or LABEL.match(text))
