"""Opinion: how much a sentence reads as commentary rather than reporting.

Cues are counted outside quotation marks only: a quoted opinion is a fact about what someone said.
The score combines the cues as independent evidence, ``1 - Π(1 - w)`` (a cue counts at most twice);
a sentence at or above ``THRESHOLD`` is opinion and is never selected into a brief as fact.
"""

from __future__ import annotations

import re

THRESHOLD = 0.5
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|``.*?''|‘[^’]{8,}’")
# After a lone closing quote: the attribution of a quotation that began in an earlier sentence.
ATTRIBUTION = re.compile(
    r"^\s*,?\s*(?:(?:said|says|told|added|asked|wrote|according)\b|\w+(?:\s\w+){0,3}\s(?:said|says)\b)"
)

CUES: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, weight, re.compile(pattern, re.IGNORECASE))
    for name, weight, pattern in (
        (
            "first-person",
            0.55,
            r"\b(?:I|I'm|I've|I'd|me|my|mine|we|we're|we've|we'd|(?-i:us)|our|ours|ourselves)\b(?!\.)",
        ),
        ("rhetorical-question", 0.6, r"\?\s*$"),
        ("exclamation", 0.3, r"!\s*$"),
        (
            "judgement",
            0.35,
            r"\b(?:should(?:n't)?|ought to|must(?!\s+have been)|needs? to be|has to stop|"
            r"have to stop)\b",
        ),
        (
            "commentary-frame",
            0.55,
            r"\b(?:it is|it's) (?:tempting|hard to (?:believe|imagine|see)|time (?:to|for)|"
            r"clear that|obvious that|no secret|a shame|a disgrace|worth (?:remembering|asking|noting))|"
            r"\b(?:let'?s|let us) (?:be|not|face|hope)\b|\b(?:make no mistake|the truth is|the fact is|in my view|"
            r"needless to say|mark my words)\b",
        ),
        (
            "stance-opener",
            0.55,
            r"^\s*(?:frankly|sadly|clearly|obviously|honestly|thankfully|unfortunately|of course|surely|admittedly|"
            r"mercifully|tellingly|predictably|ironically|shamefully|incredibly)\s*,",
        ),
        (
            "imperative",
            0.5,
            r"^\s*(?:imagine|consider|remember|think about|look at|don't|do not|never forget|"
            r"ask yourself|stop|wake up)\b",
        ),
        (
            "evaluative",
            0.3,
            r"\b(?:absurd|outrageous|disgraceful|shameful|ridiculous|pathetic|appalling|"
            r"disastrous|scandalous|laughable|reckless|shocking|stunning|brilliant|wonderful|terrible|awful|"
            r"incompetent|idiotic|insane|farcical|sham|fiasco|betrayal|clearly|obviously|frankly|sadly|"
            r"unfortunately|thankfully|hopefully|surely|of course|inexcusable|unforgivable)\b",
        ),
    )
)


def unquoted(text: str) -> str:
    """The text outside quotations, also when a quotation starts or ends in a neighbouring sentence."""
    bare = QUOTED.sub(" ", text)
    if "”" in bare:  # closes a quotation opened earlier
        bare = bare[bare.rindex("”") + 1 :]
    if "“" in bare:  # opens one that continues later
        bare = bare[: bare.index("“")]
    if '"' in bare:
        lone = bare.index('"')
        bare = bare[lone + 1 :] if ATTRIBUTION.match(bare[lone + 1 :]) else bare[:lone]
    return bare


def judge(text: str) -> tuple[float, tuple[str, ...]]:
    """The opinion score (0 for plain reporting, towards 1 for commentary) and the names of the cues found."""
    bare = unquoted(text)
    keep = 1.0
    cues = []
    for name, weight, pattern in CUES:
        found = len(pattern.findall(bare))
        keep *= (1.0 - weight) ** min(found, 2)  # a second instance of a cue is more evidence; a third, not much
        if found:
            cues.append(name)
    return round(1.0 - keep, 3), tuple(cues)


def opinion_cues(text: str) -> list[str]:
    """Names of the cues found outside quotations."""
    return list(judge(text)[1])


def opinion_score(text: str) -> float:
    """0 for plain reporting, towards 1 for commentary."""
    return judge(text)[0]


def is_opinion(text: str) -> bool:
    return opinion_score(text) >= THRESHOLD
