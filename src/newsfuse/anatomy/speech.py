"""Speech: the verbs and patterns by which news copy says who speaks, around a quotation or before it.

``quotes`` reads them: after a quotation (``"…," said Sheriff Dana Whitfield``, ``"…,'' Hall, chairman of the
board, said Tuesday``, ``"…," according to the district``), before it (``Whitfield told reporters: "…"``, ``de Boer
had said that the parties were "on the brink"``), or as its signature (``"…" - "Fiona"``). Every repetition is
bounded, so that no run of words or marks makes a pattern backtrack without end (``tests/test_hostile.py``).
"""

from __future__ import annotations

import re

# Speech verbs, past and present: features quote in the present ("…," explains Cairncross; "…," she recalls).
# Not verbs that mostly take a person or a thing as object ("who advised Senator Baines", "confirmed the deal").
VERB = (
    r"(?:said|says|say|told|tells|added|adds|asked|asks|explained|explains|recalled|recalls|wrote|writes|insisted|"
    r"insists|declared|declares|stated|warned|warns|noted|notes|argued|argues|continued|continues|replied|replies|"
    r"testified|announced|announces|asserted|asserts|acknowledged|acknowledges|admitted|admits|conceded|"
    r"concedes|complained|complains|cried|"
    r"shouted|remarked|observed|observes|responded|responds|recounted|recounts|vowed|predicted|predicts|posted|"
    r"tweeted|saying|adding|telling|disputed|denied|denies|countered|claimed|urged|urges|remembered|remembers|"
    r"joked|jokes|quipped|quips|laughed|laughs|mused|muses|boasted|boasts|retorted|whispered|whispers|exclaimed|"
    r"lamented|laments|sighed|sighs|stressed|stresses|emphasized|emphasised|emphasizes|cautioned|cautions|"
    r"reflected|reflects|ruminated|marveled|marvelled|scoffed|snapped|pleaded|concluded|concludes|vows|believes|"
    # the participle of a clause that reports speech: "with President Barroso noting that ``…''"
    r"noting|explaining|insisting|warning|arguing|declaring|stating|stressing|recalling|acknowledging|admitting|"
    r"(?:(?:bluntly|simply|succinctly|delicately|aptly|neatly|candidly|diplomatically|plainly|wryly)\s+)?puts?\s+it|"
    r"sobbed|sobs|commented|comments|wondered|wonders|"  # "``Why wasn't I there?'' sobbed a young woman"
    r"murmured|murmurs|called out)"  # "as bookseller John Barrigner put it, ``…''", "as one analyst bluntly put it"
)
# "…,'' reported The New York Times": the outlet's words; but "…,'' the agency reported" after "Klebanov told
# reporters that" relays someone else's, so these verbs speak only in the inverted form
INVERTED_ONLY = (  # and only before a name or a noun phrase: not "…," reported on Tuesday, "…," reported by the firm
    r"(?:reported|reports)(?!\s+(?:by|on|in|at|to|earlier|last|this|that)\b)(?=\s+(?:[A-Z]|the\b|a\b|an\b|one\b))"
)
MARKS = r"^[\s,.!?—–\-\"”'’`]*"  # what lies between the quoted words and the attribution: marks, commas
SPEAKER = r"(?P<speaker>[^,;:\"“”]{1,80}?)"
# "Hall later told", "the pilot had told", "Wiley was quoted as telling", "Tekin managed to say"; bounded: "had had…"
ADVERBS = r"(?:(?:also|later|then|has|had|have|would|will|was quoted as|managed to|went on to)\s+){0,3}"
APPOSED = r"(?:[^,;:\"“”]{1,100},){1,3}"  # ", the former test pilot who flew it in 1969," (up to three parts)
AFTER = (  # the first two name the speaker whatever ends the quotation; the others only after a closing mark
    # a full stop inside the sentence is an abbreviation's: "said Dr. Mara Lindqvist", "said U.S. envoy Lee"
    re.compile(
        rf"{MARKS}(?:{VERB}|{INVERTED_ONLY})\s+{SPEAKER}\s*"
        r"(?:[,;!?]|\.(?!\s*[A-Z])|$|\s(?:who|whose|in|on|at|after|before|during)\b)"
    ),
    re.compile(rf"{MARKS}according\s+to\s+{SPEAKER}\s*(?:[,;.!?]|$)"),
    re.compile(rf"{MARKS}{SPEAKER}\s+{ADVERBS}{VERB}\b"),
    # the wire's "…,'' James E. Hall, chairman of the safety board, said Tuesday": a name, its descriptions
    re.compile(rf"{MARKS}{SPEAKER},{APPOSED}\s*{ADVERBS}{VERB}\b"),
)
# a signed quotation, as blogs and letters pages print them: "…" - "Fiona", "…" — Ruth Calder, to the line's end
SIGNED = re.compile(r"[\"”'’]*\s*[-–—]\s*[\"“]?(?P<speaker>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})[\"”]?\s*$")
RUNS_ON_END = re.compile(r"(?:\s+[\w.]+){0,3}\s*(?:[.,;:!?]|$)")  # "said.", "said Tuesday.", "said on Monday,"
CLOSED = frozenset(",.!?—–-")  # a quotation followed by its attribution ends on one of these, inside or outside
# the attribution alone as the next sentence, where the segmenter ended one after "?''": "``…?'' Domis asks."
SPEAKER_UNCAPTURED = r"\S[^,;:\"“”]{0,79}?"
WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|later|again))?"
ALONE = re.compile(rf"\s*(?:{SPEAKER_UNCAPTURED}\s+{ADVERBS}{VERB}|{VERB}\s+{SPEAKER_UNCAPTURED}){WHEN}\s*[.!]?\s*$")
SUBJECT = re.compile(rf"\s*{SPEAKER}(?:,{APPOSED})?\s+{ADVERBS}{VERB}\b")  # "He said the box is ``…''"
# "Strand said the pilot had told the tower: ``…''"; and a quoted phrase inside the speaker's reported clause:
# "de Boer had said that the parties were ``on the brink''" (the clause bounded: one sentence's words)
BEFORE = re.compile(rf"{SPEAKER},?\s+{ADVERBS}{VERB}(?:(?:\s+[\w.]+){{0,3}}\s*[:,]?|\s+that\s[^\"“”:;]{{1,150}})\s*$")
SPEECH = re.compile(rf"\b{VERB}\b")
SAID = re.compile(rf"{MARKS}{VERB}\s+")
BY = re.compile(rf"{MARKS}by\s+")  # a phrase's author after it: "anointed a ``symbol of style,'' by Liz Tilberis"
