"""Readable briefs: sentences that stand on their own.

A sentence lifted out of its article can lean on what came before it: "But…", "He said…", "The statement…",
"Most are…", "The pilots had reported…" (a group introduced before), things named before anywhere in it ("…during
those games"), a person it does not name ("Polls project that he will…"), a quotation whose only attribution is
"he said", a report whose only speaker is a pronoun ("…will rise, she said.") or a noun that points back ("…,
the company said."), a definite subject or phrase whose noun its article said before ("The surveillance led
to…", "…, the study found.": a second mention, ``subjects``), a time told from what came before ("Two days
later,…", "At the time,…"), a demonstrative at the end ("…would agree to that."), or a quotation it is the middle
or the end of ("No police.": ``quotations.inside_quotations``). Each sentence's ``Form`` says what it leans on and
what can be cut safely (a leading connective); ``unresolved`` says where a brief leaves it leaning. Whether two
sentences tell one fact is ``facts``'s.

The same definitions choose the brief (``newsfuse.select``) and measure every method (``newsfuse eval``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsfuse.quotations import QUOTATION, half_quotation, outside_quotations, quoting
from newsfuse.subjects import AUXILIARIES, PAIR, definite_mentions, definite_subject
from newsfuse.text import OPEN_QUOTE, OPENERS, STOPWORDS, WORD

CONNECTIVE = re.compile(
    r"^(?:(?:but|and|also|however|meanwhile|still|yet(?!\s+(?:another|again)\b)|"
    r"so(?!\s+(?:far|much|many|long)\b)|moreover|furthermore|instead(?!\s+of\b)|nevertheless|nonetheless|"
    r"then|thus|therefore|besides(?=,)|otherwise|indeed|in addition(?!\s+to\b)|"
    r"(?:in|by) contrast(?!\s+(?:to|with)\b)|as a result(?!\s+of\b)|even so|at the same time(?!\s+as\b)|"
    r"on the other hand|in fact|similarly|likewise|consequently|additionally|separately|"
    r"in turn|after all|of course)\b,?|_|--|—|–|"
    r"(?-i:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?) _)"
    r"\s+(?=\S)",  # or the dash wire copy opens a paragraph with, or a news service's slug or dateline before it;
    # not where the words begin a phrase that the sentence needs ("Instead of…", "So far…", "In addition to…",
    # "As a result of…", "Besides the levee…", "Yet another…")
    re.IGNORECASE,
)
# After "this"/"those", words that make it point at the time or at what follows, not back: "this year",
# "those who fled".
RESTRICTIVE = (
    r"(?:who|whom|whose|which|with|that|in|at|of|on|from|year|week|month|morning|afternoon|evening|weekend|time|"
    r"season|spring|summer|autumn|fall|winter|century|decade)\b"
)
# Verbs whose "that" opens what is said or found ("Campbell alleges that, in her first months, she…"): that "that,"
# points at nothing before it.
THAT_CLAUSE = (
    r"(?:say|says|said|allege|alleges|alleged|claim|claims|claimed|argue|argues|argued|note|notes|noted|believe|"
    r"believes|believed|find|finds|found|show|shows|showed|report|reports|reported|add|adds|added|write|writes|wrote|"
    r"state|states|stated|insist|insists|insisted|explain|explains|explained|warn|warns|warned|suggest|suggests|"
    r"suggested|think|thinks|thought|know|knows|knew|mean|means|meant|ensure|ensures|ensured|hope|hopes|hoped|fear|"
    r"fears|feared|agree|agrees|agreed|admit|admits|admitted|announce|announces|announced|conclude|concludes|"
    r"concluded|confirm|confirms|confirmed|reveal|reveals|revealed|indicate|indicates|indicated|estimate|estimates|"
    r"estimated|predict|predicts|predicted|acknowledge|acknowledges|acknowledged|learn|learns|learned|realize|"
    r"realizes|realized|decide|decides|decided|rule|rules|ruled|so|such|now)"
)
# Words after a group's noun that say which group it is ("The workers at the plant…", "The relations between…").
WHICH = r"(?:to|by|for|between|against|among|about|over|under|who|whom|whose|which|with|that|in|at|of|on|from)\b"
# A time that opens a sentence before its subject, which then is a pronoun: "Now it…", "Later, they…".
WHEN_FIRST = (
    r"(?:now|later|eventually|finally|soon|today|yesterday|again|here|there|currently|recently|initially|previously|"
    r"since then|by then|at first|(?:last|this) (?:week|month|year)|in (?:1[89]|20)\d\d|in (?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december))"
)
PRONOUN = re.compile(
    OPEN_QUOTE
    + r"(?:(?:he|she|they|it|his|her|their|its|him|them|this|these|those|that|such|which|whose|another|others|"
    + r"both of them|one of them)\b(?!-)"
    + r"|(?:\w+ ){1,3}(?:this|these|those),"  # "because of this,"
    + rf"|(?:\w+ ){{0,2}}(?!{THAT_CLAUSE} )\w+ that,"  # "aside from that," (not "Reyes alleges that,")
    + rf"|(?:even|only) (?:this|that|these|those) (?!{RESTRICTIVE})\w"  # "even that estimate"
    + rf"|(?:\w+ ){{0,2}}\w+, (?:this|these|those) (?!{RESTRICTIVE})\w"  # "over time, these increases"
    + rf"|{WHEN_FIRST},? (?:it|they|its|their)\b(?! (?:turns out|seems|appears)\b)"  # "Now it wants its money back."
    + r"|the (?:first|second|third|fourth|former|latter|rest|remainder) (?:is|was|are|were|has|had|will|would)\b"
    + rf"|(?:among|of) (?:them|those|these)\b(?!\s+(?:{WHICH}|\w+(?:ed|ing)\b)))"  # "The first is…", "Among those was…"
)
ANAPHORIC_NOUNS = (
    "statement remark remarks comment comments decision move announcement report plan proposal deal agreement "
    "incident attack company firm group official officials spokesman spokeswoman man men woman women boy girl "
    "couple family victim victims suspect suspects agency letter ruling measure bill case lawsuit investigation "
    "probe study survey findings program project effort vote meeting talks visit trip event change policy order "
    "request offer attempt episode accident crash tribe team teams authorities leaders researchers scientists "
    "experts critics residents students workers activists protesters rebels troops soldiers lawmakers insurers "
    "judge court jury panel board committee government ministry department union organization"
).split()
# "The statement…", also after "According to" ("According to the official, supplies were sent"); the noun in
# lower case: "The Ministry of Health said…" names an institution, it does not point back at one.
DEFINITE = re.compile(
    OPEN_QUOTE + r"(?:according to )?(?:the|this|that|these|those) (?-i:(" + "|".join(ANAPHORIC_NOUNS) + r"))\b",
    re.IGNORECASE,
)
DEMONSTRATIVE = re.compile(OPEN_QUOTE + r"(?:this|that|these|those)\s+\w", re.IGNORECASE)
PLURAL_OPENINGS = ("The ", "According to the ")  # what PLURAL_SUBJECT needs: no regex for other sentences
# "The pilots had reported smoke…", "The results showed…": a plural common noun (in lower case: "The Philippines"
# is a name) as the opening subject is a group the article introduced before, unless the words after it say which
# ("The prices of oil…", "The sailors and marines from the frigate…"). "The two leaders…": a count of people named
# before. Case-sensitive: in lower-cased text "the democrats" may be a name.
PLURAL_SUBJECT = re.compile(
    OPEN_QUOTE
    + r"(?:According to the|The) (?:(?:two|three|four|five|six|both) (?:([a-z]+)\b)?+|([a-z]+s)\b(?<!ss)(?<!us)(?<!is)"
    + rf"(?<!news)(?:\s+and\s+[a-z]+s\b)?+)(?!['’-]|\s+{WHICH})"
)
# "…during those games.", "…view these offenders differently.": things named before, anywhere in the sentence
# (outside quotations), unless the sentence named them before ("200 culverts, and 40 of those culverts") or the
# words after say which ("those who fled", "those killed", "those he met", "those nations that…"), or "these"
# means now ("these days", "these first weeks"). ("such" was tried too: "…in such disasters" names its kind
# earlier in other words too often.)
BACK_REFERENCE = re.compile(
    r"\b(?:these|those|this(?!\s+(?:is|was|has|had|will|would|could|can|may|might|must|should|does|did|means)\b"
    rf"|\s+{RESTRICTIVE}|\s+(?:one|way|past|coming|new|kind|sort|type|summer's|year's|week's|quarter|term|session|"
    r"hour|holiday|fiscal|much|many|stage|rate|point|moment|country|nation|city|town|far|late|early|side|"
    r"tooth)\b))\s+"
    r"(?!(?:days|years|months|weeks|past|recent|first|last|next|coming|early|final|not|"
    r"responsible|aboard|present|involved|affected|now|still|currently|already|just|recently|once|also|he|she|it|"
    r"they|we|you|i|here|there|where|when|like|before|after|"
    rf"without|within|near|around|above|below|outside|inside|across)\b|{WHICH}|\w+(?:ed|ing)\b)"
    rf"(?-i:([a-z]+))\b(?!\s+{WHICH}|\s+(?:where|when)\b)",
    re.IGNORECASE,
)
# "Most are in need of money.", "Both of them fled.": a quantifier that stands for a group named before.
QUANTIFIER = re.compile(
    OPEN_QUOTE + r"(?:all|both|most|several|none|neither)\s+(?:of\s+(?:them|these|those|whom)|are|were)\b",
    re.IGNORECASE,
)  # not "Some have argued…", "Many have criticized…", "All is quiet…": those speak of people in general
# (k) "Two days later, a woman…", "At the time, federal law…", "Since then, agents…", "The next day,…": a time told
# from something the sentence before said. Not "At the moment" (now), nor "At the time of the crash" (it says which).
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
RELATIVE_TIME = re.compile(
    OPEN_QUOTE + r"(?:at (?:the|that) (?:time|point),|by (?:then|that (?:time|point))\b|(?:since|until|before|even|"
    r"back) then\b|in (?:that|the) same (?:period|year|month|week)\b|(?:that|the) same (?:day|night|week|month|"
    r"year|morning|afternoon|evening)\b|(?:the|that) (?:next|following) (?:day|night|week|month|year|morning)\b|"
    r"later that (?:day|night|week|month|year|morning|afternoon|evening)\b|(?:\w+(?:-\w+)? )?"
    + UNIT
    + r" (?:later|earlier)\b|(?:shortly|soon) (?:after|before)(?:wards?)?,|afterwards?,|moments later\b|"
    r"(?:earlier|later),)",
    re.IGNORECASE,
)
# "…would agree to that.", "…have looked for direct evidence of this.": a demonstrative that ends the sentence stands
# for something said before it.
END_DEMONSTRATIVE = re.compile(r"\b(?:this|that|these|those)[.!]?[\"'”’]*\s*$", re.IGNORECASE)
# "Or the storm may have…", "Nor did the study…", "There, a judge ruled…" (at that place), "One was from a friend…"
# (one of those named before): a sentence that goes on from the one before it.
GOES_ON = re.compile(
    OPEN_QUOTE + r"(?:(?-i:[Oo]r|[Nn]or)(?![\w'’-])|there,|one (?:is|was|has|had|will|said|says|told|died)\b"
    r"(?! (?:tempted|reminded|struck|left|forced|hard)\b)"
    r"|on the other(?:\s*,|\s+(?:is|was|are|were|stands?|stood|sits?|sat)\b))",  # "On the other is Schumer…"
    re.IGNORECASE,
)
PRONOUN_SPEAKER = re.compile(
    r"\b(?:(?:he|she|they|it|we)\s+(?:said|says|added|adds|told|asked|wrote|explained|noted|continued|argued|"
    r"warned|insisted|recalled|replied|declared|stressed)|(?:said|says|added|asked|wrote|continued)\s+(?:he|she|they))\b",
    re.IGNORECASE,
)
# "…will rise, he said.", "…, it added in a statement Tuesday.": the attribution that ends the sentence names
# no one but a pronoun (outside any quotation). Not "After Smith resigned, he wrote a memoir.": there the
# pronoun's name came first, and the clause is no attribution.
PRONOUN_ATTRIBUTION = re.compile(
    r",\s*(?:(?:he|she|they|it)\s+(?:said|says|added|adds|told|tells|noted|warned|insisted|replied|stressed|"
    r"stated)|(?:said|added)\s+(?:he|she))(?:\s+(?!(?:that|he|she|they|it|we|him|her|them|to|be|is|are|was|were|"
    r"has|have|had|will|would|could|should|can|may|might)\b)[^\s,;:]+){0,6}\s*[.!]?\W*$",
    re.IGNORECASE,
)  # only what follows an attribution ("reporters", "in a statement", "Tuesday"), no clause of its own
PERSON_NOUNS = frozenset(
    "man woman boy girl child baby spokesman spokeswoman official officer father mother son daughter wife husband "
    "brother sister president minister leader judge lawyer attorney doctor driver pilot victim suspect owner friend "
    "captain chairman director governor senator mayor candidate player coach student teacher worker resident witness "
    "king queen prince princess pope patient defendant prosecutor singer actor actress author writer priest soldier "
    "instructor reporter nurse manager employee".split()
)
# (i) "…,'' the judge said.", "Profits rose, the company said.", "…,'' the former ''Seinfeld'' star said.": the
# attribution that ends the sentence names its speaker only by a noun that points back (``SPEAKER_NOUNS``, after a
# few words in lower case, a figure or a quoted title), and the sentence names no one else it may mean: resolved,
# as (c) is, by an earlier brief sentence that names the noun.
SPEAKER_NOUNS = sorted(
    {*ANAPHORIC_NOUNS, *PERSON_NOUNS, *"executive star analyst economist source sources neighbor neighbour relative "
     "engineer investigator investigators".split()}
)  # fmt: skip
DESCRIBED = (  # up to three words before the noun: "former", "44-year-old", a quoted title
    r"(?:(?:(?-i:[a-z][\w'’-]*)|\d[\w'’-]*|``[^`']{1,40}''|''[^']{1,40}''|\"[^\"]{1,40}\"|“[^”]{1,40}”)\s+){0,3}?"
)
SPEAKER = rf"{DESCRIBED}(?-i:({'|'.join(SPEAKER_NOUNS)}))"  # "the former star", "the judge": its noun captured
DEFINITE_SPEAKER = re.compile(
    r",\s*(?:''|[\"”’])?\s*(?:the " + SPEAKER + r" (?:said|says|added|adds|told|tells|noted|stated|reported|"
    r"announced|wrote)|(?:said|added) the " + SPEAKER + ")"
    r"(?:\s+(?!(?:that|he|she|they|it|we|to|be|is|was)\b)[^\s,;:]+){0,6}\s*[.!]?\W*$",
    re.IGNORECASE,
)
SAID = re.compile(r"\b(?:said|says|say|told|tells|added|adds|asked|wrote|writes|according to|stated|declared)\b")


# (h) "Polls project that he will take 24 percent…", "Fourteen of his associates were detained…": a person the
# sentence does not name, early in it (at most ``EARLY`` words in, no capitalised word before it but the first,
# which is a word the story also writes in lower case). Not where the sentence says who: a person's noun before it
# ("The woman lost her home"), a speaker ("The instructor told investigators he…"), or the name right after the
# opening phrase ("In his speech, Obama said…", "Although his trip … Kennedy made…"). Cased text only.
PERSONAL = re.compile(r"\b(?:h(?:e(?:rs?)?|i[ms])|she)\b")  # he, hers, her, him, his, she
EARLY = 6
EARLY_CHARS = 120  # where such a pronoun can be, at the most (with a quotation before it, it may be missed)
SPEAKING = frozenset(
    "said says say told tells added adds asked wrote writes insisted noted recalled explained thinks thought believes "
    "believed argued argues claimed claims".split()
)
FRONTED = frozenset(
    "in after when before as while although though since because if once during despite upon on at for with "
    "without unlike like until asked speaking having whether".split()
)
SPELLED_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousands dozens".split()
)


LETTER = re.compile(r"[^\W\d_]")


def _cased(text: str) -> bool:
    """Whether a sentence is written with capitals: its first letter is one."""
    return bool(first := LETTER.search(text)) and first.group().isupper()


UNCLOSED = re.compile(r"(?:``|^\s*''|[\"“]).*$", re.DOTALL)  # a quotation that runs on to the attribution


def _names_one(text: str, common: Callable[[str], bool] | None) -> bool:
    """Whether what a sentence says before its attribution (``text``), outside its quotations, names someone: a
    capitalised word besides the first, or a first one the story never writes in lower case (``common``, as in
    ``unnamed_person``), which "the company" after it may mean ("Acme will buy Hear Music, the company said.")."""
    found = WORD.findall(UNCLOSED.sub(" ", outside_quotations(text)))
    if any(w[:1].isupper() for w in found[1:]):
        return True
    return bool(found) and found[0][:1].isupper() and not _no_name(found[0].lower(), common)


def _function_word(word: str) -> bool:
    return word in STOPWORDS or word in SPELLED_NUMBERS


def _no_name(word: str, common: Callable[[str], bool] | None) -> bool:
    """Whether a lower-cased word is known to be no name: a function word or spelled number, or a word the story
    writes in lower case (``common``, None where the story is not known or is lower-cased)."""
    return _function_word(word) or (common is not None and common(word))


def unnamed_person(text: str, common: Callable[[str], bool] | None = None) -> bool:
    """Rule (h) above. ``common(word)``: whether a lower-cased word is no name (the story writes it in lower case);
    without it, only function words and spelled numbers are known to be none."""
    head = text[:EARLY_CHARS]  # most sentences have none of the pronouns there: four substring tests, no regex
    if not (" he" in head or " hi" in head or " she" in head or " her" in head) or not _cased(text):
        return False
    outside = QUOTATION.sub(" … ", text) if quoting(text) else text
    if not (found := PERSONAL.search(outside)):
        return False
    before = WORD.findall(outside[: found.start()])
    if not before or len(before) > EARLY or any(w[:1].isupper() for w in before[1:]):
        return False
    lowered = [w.lower() for w in before]
    if not _no_name(lowered[0], common):  # "Clinton and his wife…"
        return False
    if PERSON_NOUNS.intersection(lowered) or SPEAKING.intersection(lowered):
        return False
    after = outside[found.end() :]
    _, comma, rest = after.partition(",")
    following = WORD.findall(rest)[:6]
    attribution = len(following) < 6 and SPEAKING.intersection(w.lower() for w in following)  # "…, Amnesty said."
    if comma and following and following[0][:1].isupper() and following[0].lower() not in STOPWORDS and not attribution:
        return False
    return not (lowered[0] in FRONTED and any(w[:1].isupper() for w in WORD.findall(after)))


@dataclass(frozen=True)
class Form:
    """What a sentence leans on, and the leading characters that can be cut (a connective)."""

    trim: int = 0  # characters of a leading connective ("But ", "However, ") to cut
    leans: str = ""  # "pronoun", "definite", "reference", "quote", "inside" (a quotation) or "" (stands on its own
    # once trimmed)
    noun: str = ""  # for "definite" and "reference": the noun it refers back to ("" if none)
    subject: str = ""  # the noun of a definite subject (rule (j)): it leans where its article said it before
    mentions: tuple[str, ...] = ()  # the heads of rule (l)'s definite phrases: it leans where its article said
    # one before


def form(text: str, common: Callable[[str], bool] | None = _function_word) -> Form:
    """The form of one sentence (as written in its article); ``common``: see ``unnamed_person`` (None: the text
    is lower-cased, where no name can be told from a word, and (h) does not apply)."""
    trim = 0
    for _ in range(3):  # a slug and a dateline, a wire list item's dash, then a connective: "_ And expertise on ..."
        if not (match := CONNECTIVE.match(text[trim:])):
            break  # nothing more to cut
        trim += match.end()
    rest = text[trim:]
    if rest.startswith("("):  # an aside, told in passing about what came before
        return Form(trim, "pronoun")
    if PRONOUN.match(rest.lower()):
        return Form(trim, "pronoun")
    if definite := DEFINITE.match(rest):
        return Form(trim, "definite", definite.group(1).lower())
    if (
        DEMONSTRATIVE.match(rest)
        or QUANTIFIER.match(rest)
        or PAIR.match(rest)
        or RELATIVE_TIME.match(rest)
        or GOES_ON.match(rest)
        or (rest.rstrip("\"'”’ .!").endswith(("this", "that", "these", "those")) and END_DEMONSTRATIVE.search(rest))
    ):
        return Form(trim, "pronoun")
    opening = rest[:1].upper() + rest[1:] if trim else rest  # "But the pilots…" reads "The pilots…" in a brief
    plural = PLURAL_SUBJECT.match(opening) if opening.lstrip(OPENERS + " ").startswith(PLURAL_OPENINGS) else None
    if plural and plural.group(2) not in AUXILIARIES:  # "The was…" is a typo, not a group
        noun = plural.group(2) or plural.group(1) or ""
        return Form(trim, "reference", "" if noun in AUXILIARIES else noun)
    if quote_without_speaker(rest) or half_quotation(rest):
        return Form(trim, "quote")
    if "," in rest and PRONOUN_ATTRIBUTION.search(outside_quotations(rest)):
        return Form(trim, "pronoun")
    if "," in rest and (speaker := DEFINITE_SPEAKER.search(rest)) and not _names_one(rest[: speaker.start()], common):
        return Form(trim, "definite", (speaker.group(1) or speaker.group(2)).lower())
    if "these" in rest or "those" in rest or "this" in rest:
        outside = QUOTATION.sub(" … ", rest) if quoting(rest) else rest  # no words glued across a quotation
        back = BACK_REFERENCE.search(outside)
        noun = back.group(1) if back and back.group(1) not in AUXILIARIES else ""
        if noun and not re.search(rf"\b{noun}\b", outside[: back.start()], re.IGNORECASE):  # not named before it
            return Form(trim, "reference", noun)
    if common is not None and _cased(text) and unnamed_person(opening, common):  # "But if you climb his…": "If you…"
        return Form(trim, "pronoun")
    if common is None:  # (j) and (l): cased text only
        return Form(trim)
    return Form(trim, subject=definite_subject(opening), mentions=definite_mentions(outside_quotations(rest)))


def quote_without_speaker(text: str) -> bool:
    """A quotation of three words or more whose speaker is a pronoun, or is not said at all."""
    if not quoting(text):
        return False
    quoted = [next(g for g in m.groups() if g is not None) for m in QUOTATION.finditer(text)]
    if not any(len(q.split()) >= 3 for q in quoted):
        return False
    outside = outside_quotations(text)
    if PRONOUN_SPEAKER.search(outside):  # not one inside the quotation: "If it fails, he said, we quit"
        return True
    return not SAID.search(outside) and len(outside.split()) < 4
