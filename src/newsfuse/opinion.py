"""Opinion: how much a sentence reads as commentary rather than reporting.

Cues are counted outside quotation marks only: a quoted opinion is a fact about what someone said.
The score combines the cues as independent evidence, ``1 - Π(1 - w)`` (a cue counts at most twice);
a sentence at or above ``THRESHOLD`` is opinion, and so is one above ``IN_COMMENTARY`` in an article that is
commentary as a whole. ``judge_story`` is the one judgement that both the brief (opinion is never selected
as fact) and the analysis use.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfuse.model import Story
from newsfuse.text import word_runs

THRESHOLD = 0.5
COMMENTARY_SHARE = 0.25  # an article with this share of opinion sentences is commentary ...
IN_COMMENTARY = 0.3  # ... and there a weaker cue is enough
UNATTRIBUTED_JUDGEMENT = 0.3
REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|according to|added|argued|urged|warned|recommended|advised|believes?|thinks?|"
    r"asked|called for|called on)\b",
    re.IGNORECASE,
)
# ``…'' is the wires' quotation; some open it with two apostrophes too (''If you…'' said Foggo)
QUOTED = re.compile(r"\"[^\"]*\"|„[^“”]*[“”]|«[^»]*»|“[^”]*”|``.*?''|''(?:(?!'').)+''|‘[^’]{8,}’")
# After a lone closing quote: the attribution of a quotation that began in an earlier sentence.
ATTRIBUTION = re.compile(
    r"^\s*(?:,\s*)?(?:(?:said|says|told|added|asked|wrote|according)\b|\w+(?:\s\w+){0,3}\s(?:said|says)\b)"
)

# An attribution that ends the sentence: what comes before it is what a source said, advised or warned.
ADVISED = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,5}(?:said|says|warned|warns|urged|urges|advised|advises|recommended|recommends|"
    r"added|adds)\b[^,]{0,40}$"
)

# Cues are matched against the lower-cased text (IGNORECASE makes these patterns four times slower), except
# the first person, where case tells "us" from "US".
# nouns that a Roman "I" numbers ("Annex I nations", "World War I", "Phase I trials"): no one speaking
NUMBERED = "Annex Phase Title Type Class Stage Part Chapter Article Grade Level Schedule Category Tier War".split()
FIRST_PERSON = re.compile(
    r"\b(?:" + "".join(f"(?<!{noun} )" for noun in NUMBERED) + r"[Ii]|[Ii]'m|[Ii]'ve|[Ii]'d|[Mm]e|[Mm]y|[Mm]ine|"
    r"[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd|us|[Oo]urs?|[Oo]urselves|ME|MY|WE|OUR)\b(?!\.)"
)
# A cue whose pattern can only match where the sentence holds one of its words (``gate``) is searched for
# only there: most sentences hold none, and a set lookup costs a fraction of a regex scan. A gate must name a
# word of every alternative of its pattern (``tests/test_opinion.py`` checks each alternative).
FIRST_PERSON_GATE = frozenset("i me my mine we us our ours ourselves".split())
GATES = {
    "judgement": frozenset("should shouldn ought must need needs stop right wrong".split()),
    "commentary-frame": frozenset(
        "tempting hard time clear obvious secret shame disgrace worth let lets mistake truth fact view needless "
        "mark".split()
    ),
    "evaluative": frozenset(
        "absurd outrageous disgraceful shameful ridiculous pathetic appalling disastrous scandalous laughable "
        "reckless shocking stunning brilliant wonderful terrible awful incompetent idiotic insane farcical sham "
        "fiasco betrayal clearly obviously frankly sadly unfortunately thankfully hopefully surely course "
        "inexcusable unforgivable deserve deserves hardly extraordinary remarkable admirable laudable commendable "
        "regrettable unacceptable welcome touch trouble too".split()
    ),
}

Cue = tuple[str, float, re.Pattern[str], frozenset[str] | None]  # name, weight, pattern, gate
CUES: tuple[Cue, ...] = (
    ("first-person", 0.55, FIRST_PERSON, FIRST_PERSON_GATE),
    *(
        (name, weight, re.compile(pattern), GATES.get(name))
        for name, weight, pattern in (
            ("rhetorical-question", 0.6, r"\?\s*$"),
            ("exclamation", 0.3, r"!\s*$"),
            (
                "judgement",
                0.35,
                r"\b(?:should(?:n't)?|ought to|must(?!\s+have been)|needs? to be|has to stop|"
                r"have to stop|(?:is|was|are|were) (?:right|wrong) to)\b",
            ),
            (
                "commentary-frame",
                0.55,
                r"\b(?:it is|it's) (?:tempting|hard to (?:believe|imagine|see)|time (?:to|for)|"
                r"clear that|obvious that|no secret|a shame|a disgrace|worth (?:remembering|asking|noting))|"
                r"\b(?:let'?s|let us) (?:be|not|face|hope|let)\b|"
                r"\b(?:make no mistake|the truth is|the fact is|in my view|needless to say|mark my words)\b",
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
                # after a connective or "just", only verbs that are not nouns: "But don't let…", not "And help…"
                r"^\s*(?:(?:but|and|so|now|or|just)\s+(?:don't|do not|imagine|consider|remember|think about|"
                r"(?:take a )?look at|ask yourself)|"
                r"imagine|consider|remember|think about|look at|don't|do not|never|ask yourself|stop|wake up|"
                r"carry|take|keep|give|let|vote|call on|tell|demand|join|help|try|avoid|check|trust|turn|write to|fund|"
                r"support|get|go|be)\b(?![-'])",
            ),
            (
                "evaluative",
                0.3,
                r"\b(?:absurd|outrageous|disgraceful|shameful|ridiculous|pathetic|appalling|"
                r"disastrous|scandalous|laughable|reckless|shocking|stunning|brilliant|wonderful|terrible|awful|"
                r"incompetent|idiotic|insane|farcical|sham|fiasco|betrayal|clearly|obviously|frankly|sadly|"
                r"unfortunately|thankfully|hopefully|surely|of course|inexcusable|unforgivable|deserves?|hardly|"
                r"extraordinary|remarkable|admirable|laudable|commendable|regrettable|unacceptable|welcome|"
                r"out of touch|asking for trouble|far too|too much|too little)\b",
            ),
        )
    ),
)


def unquoted(text: str) -> str:
    """The text outside quotations, also when a quotation starts or ends in a neighbouring sentence."""
    first = text.find("''")  # the wires' two apostrophes: a closing one follows a word, an opening one a space
    if first > 0 and not text[first - 1].isspace() and "``" not in text[:first]:
        text = text[first + 2 :]  # closes a quotation opened in an earlier sentence
    bare = QUOTED.sub(" ", text).replace("’", "'")
    if "''" in bare:  # opens one that continues later
        bare = bare[: bare.index("''")]
    if "”" in bare:  # closes a quotation opened earlier
        bare = bare[bare.rindex("”") + 1 :]
    if "»" in bare:
        bare = bare[bare.rindex("»") + 1 :]
    if "“" in bare:  # opens one that continues later
        bare = bare[: bare.index("“")]
    if "«" in bare:
        bare = bare[: bare.index("«")]
    if '"' in bare:
        lone = bare.index('"')
        bare = bare[lone + 1 :] if ATTRIBUTION.match(bare[lone + 1 :]) else bare[:lone]
    return bare


Cues = tuple[Cue, ...]

# Other languages: the cues that need no list of evaluative words, as the writer's first person, a question or
# an exclamation outside quotations, and a "should"; their weights are the English ones. (Portuguese "nos" and
# Italian "ci" are left out: they are also "in the" and "there"; "Notre-Dame" is a name, not "our".)
FIRST_PERSONS = {
    "fr": "je|me|moi|nous|mon|ma|mes|notre|nos", "de": "ich|mich|mir|mein|meine|meinen|wir|uns|unser|unsere",
    "es": "yo|me|mi|mis|nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|nos",
    "it": "io|mi|mio|mia|miei|mie|noi|nostro|nostra|nostri|nostre",
    "pt": "eu|me|meu|minha|meus|minhas|nós|nosso|nossa", "nl": "ik|mij|me|mijn|wij|we|ons|onze",
    "ru": "я|меня|мне|мной|мы|нас|нам|нами|мой|моя|моё|мои|наш|наша|наше|наши",
    "cs": "já|mě|mně|mi|my|nás|nám|můj|moje|náš|naše|naši", "el": "εγώ|εμένα|εμείς|εμάς|μου|μας",
}  # fmt: skip
ELIDED = {"fr": "|j['’]"}  # "j'ai": the first person joined to the verb
# Where the subject goes unsaid, the writer's first person is in the verb: "Creo que…", "Πιστεύω ότι…"
OPINING = {
    "es": "creo|pienso|considero|opino|creemos|pensamos|consideramos", "it": "credo|penso|ritengo|riteniamo",
    "pt": "acredito|acho|penso|creio|consideramos", "el": "πιστεύω|νομίζω|θεωρώ|πιστεύουμε|νομίζουμε|θεωρούμε",
    "cs": "myslím|domnívám|soudím|myslíme", "ru": "считаю|думаю|полагаю|считаем",
}  # fmt: skip
JUDGEMENTS = {
    "fr": "devrait|devraient|il faut|il faudrait", "de": "sollte|sollten|müsste|müssten",
    "es": "debería|deberían|hay que", "it": "dovrebbe|dovrebbero|bisogna|bisognerebbe",
    "pt": "deveria|deveriam|é preciso", "nl": "zou moeten|zouden moeten", "ru": "следовало бы|стоило бы",
    "cs": "měl by|měla by|měli by|mělo by|by měl|by měla|by měli|by mělo", "el": "θα έπρεπε",
}  # fmt: skip


QUESTION_MARKS = ("?", "？", "؟")  # what a question ends with
OWN_QUESTION_MARKS = {"el": (";", "\u037e")}  # and in a language with its own: Greek's is ";" (its semicolon "·")


def _persons(code: str) -> str:
    return f"{FIRST_PERSONS[code]}|{OPINING[code]}" if code in OPINING else FIRST_PERSONS[code]


def cues_for(code: str) -> Cues | None:
    """The opinion cues of a language (English: all of ``CUES``), or None where newsfuse has none."""
    if code in ("", "en"):
        return CUES
    if code not in FIRST_PERSONS:
        return None
    return (
        (
            "first-person",
            0.55,
            re.compile(rf"(?<![\w-])(?:(?:{_persons(code)})(?![\w-]){ELIDED.get(code, '')})"),
            None,
        ),
        ("rhetorical-question", 0.6, re.compile(rf"[?？{''.join(OWN_QUESTION_MARKS.get(code, ()))}]\s*$"), None),
        ("exclamation", 0.3, re.compile(r"!\s*$"), None),
        ("judgement", 0.35, re.compile(rf"(?<![\w])(?:{JUDGEMENTS[code]})(?![\w])"), None),
    )


def judge(text: str, cues_of: Cues = CUES) -> tuple[float, tuple[str, ...]]:
    """The opinion score (0 for plain reporting, towards 1 for commentary) and the names of the cues found."""
    bare = unquoted(text)
    lower = bare.lower()
    keep = 1.0
    cues = []
    words: set[str] | None = None
    for name, weight, pattern, gate in cues_of:
        if gate is not None:
            words = set(word_runs(lower)) if words is None else words
            if gate.isdisjoint(words):
                continue
        found = len(pattern.findall(bare if pattern is FIRST_PERSON else lower))
        if found and name == "imperative" and ADVISED.search(bare):
            found = 0  # "And remember, the deadline is Friday, officials warned.": a source's advice, reported
        if found:
            keep *= (1.0 - weight) ** min(found, 2)  # a second instance of a cue is more evidence; a third, not much
            cues.append(name)
    if "judgement" in cues and cues_of is CUES and not REPORTED.search(bare):
        keep *= 1.0 - UNATTRIBUTED_JUDGEMENT  # "should" that nobody is reported to have said is the writer's
        cues.append("unattributed-judgement")
    return round(1.0 - keep, 3), tuple(cues)


class Judged(NamedTuple):
    score: float
    cues: tuple[str, ...]
    opinion: bool


def judge_story(story: Story, cues: Cues = CUES) -> list[Judged]:
    """Every sentence of a story judged within its article, by the ``cues`` of its language.

    In a commentary piece (at least ``COMMENTARY_SHARE`` of its sentences clearly opinion) weaker evidence is
    enough: an evaluative word or a "should" there is the writer's, not a source's.
    """
    scored = story.per_text(lambda text: judge(text, cues))
    by_article: dict[str, list[int]] = {}
    for i, sentence in enumerate(story.sentences):
        by_article.setdefault(sentence.article, []).append(i)
    threshold = {}
    for article, indices in by_article.items():
        share = sum(scored[i][0] >= THRESHOLD for i in indices) / len(indices)
        threshold[article] = IN_COMMENTARY if share >= COMMENTARY_SHARE else THRESHOLD
    return [
        Judged(score, cues, score >= threshold[s.article])
        for (score, cues), s in zip(scored, story.sentences, strict=True)
    ]


def opinion_cues(text: str) -> list[str]:
    """Names of the cues found outside quotations."""
    return list(judge(text)[1])


def opinion_score(text: str) -> float:
    """0 for plain reporting, towards 1 for commentary."""
    return judge(text)[0]


def is_opinion(text: str) -> bool:
    return opinion_score(text) >= THRESHOLD
