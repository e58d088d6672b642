"""Tense around a date: whether a sentence speaks of "Friday" as coming or as past.

A weekday, month or day without a year is resolved forward from the publication date when its sentence
speaks of it in the future, backward otherwise. The cue that decides is the nearest one in the date's own
clause ("officials said Friday" after "the minister will go" is past; "after the tally on Tuesday showed"
is past although "will" opens the sentence): first before the date, then after it (unless the date is
possessive: "Monday's vote will hurt" says nothing of when the vote was), then in the clauses before; a
date that is a clause of its own ("On Friday, the minister will…") takes the first cue after it. With no
cue the date is in the past, as before this rule: news reports mostly what happened ("Writing in the Post
Monday when the summit begins" is the last Monday; the later "begins" is another clause's).
"""

from __future__ import annotations

import re

FUTURE = re.compile(
    r"(?:\b(?:will|shall|would|next|upcoming|ahead of|forecast for|(?:is|are) to|(?:is|are) due|"
    # "were to have begun Friday", "was to meet Monday"; not "was to blame", "was to China"
    r"(?:was|were) to (?:have |be )?(?:begin|begun|start|started|open|opened|meet|met|hold|held|take|taken|leave|"
    r"left|arrive|arrived|visit|visited|sign|signed|vote|voted|testify|appear|speak|attend|travel|return|resume|"
    r"announce|decide|face|go|gone|make|made|give|given|end|ended|close|closed|sail|fly|run|be)\b|"
    r"(?:is|are|was|were|be) (?:soon )?(?:due|expected|scheduled|slated|going|set) (?:to|for)|"
    r"(?:expects?|expected|plans?|planned|intends?|intended|hopes?|aims?|scheduled|slated) (?:to|for)|"
    r"plans? (?:an?|the)|"  # "they plan a demonstration Thursday"
    r"(?:begins|starts|opens|resumes|reopens|closes|expires|convenes|meets|arrives|takes effect))|'ll)\b",
    re.IGNORECASE,
)
# Past verbs: common irregular ones and any word in -ed, except the participles that announce the future ("the
# planned talks") and a participle after "is", "be", "stay" ("will stay closed until Tuesday" is not past).
PAST = re.compile(
    r"\b(?P<state>(?:be|been|being|is|are|am|stay|stays|remain|remains)\s+)?(?:(?:was|were|had|did|said|told|met|"
    r"held|began|went|came|took|left|gave|made|saw|won|lost|fell|rose|sent|spoke|wrote|struck|found|brought|"
    r"fought|knew|got|ran|broke|led|sought|stood|spent|shot)|(?!(?:expected|scheduled|planned|slated|intended|"
    r"proposed|anticipated|hundred|indeed|need|speed|proceed|succeed|exceed)\b)[a-z]{2,}ed)\b"
    # a participle that describes ("the summit sponsored by the forum on Tuesday") tells no tense; "reopened by
    # Monday" does
    r"(?!\s+by\s+(?:the|a|an|its|their|his|her)\b)"
)
BOUNDARY = re.compile(
    r"[,;:]|\b(?:and|but|after|before|when|since|because|while|although|though|as|where|who|which|that|if|once|"
    r"until|whether)\b"
)
POSSESSIVE = re.compile(r"^['’]s\b")
FRONTED = re.compile(r"(?:(?:early|late)\s+)?(?:on|by)?", re.IGNORECASE)  # "On Friday, the minister will…"


Cues = tuple[tuple[tuple[int, int, bool], ...], tuple[tuple[int, int], ...]]  # (start, end, future), clause bounds


def cues(text: str) -> Cues:
    """A sentence's tense cues and clause boundaries: found once, however many dates the sentence holds."""
    found = [(m.start(), m.end(), True) for m in FUTURE.finditer(text)]
    found += [(m.start(), m.end(), False) for m in PAST.finditer(text) if not m.group("state")]
    return tuple(found), tuple((b.start(), b.end()) for b in BOUNDARY.finditer(text))


def future(text: str, start: int, end: int, read: Cues | None = None) -> bool:
    """Whether the sentence ``text`` speaks of the date expression at ``text[start:end]`` in the future
    (``read``: its ``cues``, when the caller asks about several dates of one sentence)."""
    found_cues, bounds = read if read is not None else cues(text)
    low = max((e for s, e in bounds if e <= start), default=0)  # the date's own clause: text[low:high]
    high = min((s for s, e in bounds if s >= end), default=len(text))
    possessive = bool(POSSESSIVE.match(text[end:]))
    fronted = bool(FRONTED.fullmatch(text[low:start].strip())) and not text[end:high].strip()
    for first, last, later in ((low, start, False), (end, high, True), (0, low, False), (high, len(text), True)):
        if (later and possessive) or (first == high and not fronted):
            continue
        found = [(s, e, tense) for s, e, tense in found_cues if first <= s and e <= last]
        if found:  # the nearest; at the same place, a future cue ("was expected to") outweighs its past verb
            return min(found, key=lambda c: (c[0], not c[2]))[2] if later else max(found, key=lambda c: c[1:])[2]
    return False
