"""Quotes: every direct quotation, with its speaker resolved to a canonical entity where the text allows.

Attribution follows the patterns of news copy: ``"…," said Sheriff Dana Whitfield``, ``"…," she said``,
``Whitfield told reporters: "…"``, ``Reyes, her lawyer, said she had "…"``, ``"…," according to the district``,
and the wire's ``"…,'' Hall, chairman of the board, said Tuesday`` and ``He said the box is ``…''``; a signed
quotation (``"…" - "Fiona"``); a role the article introduced someone with ("the Minister for London" after
"Minister for London, Tessa Jowell"). A quoted phrase that runs on into its sentence takes no speech verb after
it unless the clause ends there. A description in apposition ("Mara Lindqvist, who leads the Harbor Policy
Institute, said") is the name it describes, not the organisation named inside it, and a place speaks only as
itself ("Britain said"). "He" or "she" goes to the last-named speaker who is a person of the story: the last
person quoted, named as the subject of "said" (or another speech verb), or named as the subject of a sentence,
before the quotation. "They" never means one person: it goes to the last group named before ("Senators Ruth Calder and
Tom Baines", "officials said"), and "the senators" to the last group of senators named; a named group speaks as
its members' names joined ("Ruth Calder and Tom Baines") with the members in ``group``. A quotation with no
attribution continues the previous one, or belongs to the speaker the previous sentence introduced.
Quoted phrases of one or two words are scare quotes. "He" and "she" only go to a person who may be of that
gender (``genders``). No clause ("…,'' and that racism … reflects") or passive ("A Mass was said") speaks, a
quoted phrase's author may follow it ("…,'' by Liz Tilberis"; not a title's), an organisation's spokesman
speaks as the description ("A Decipher spokesman"), and a surname after a description names the person the
story knows by it ("asked the master of ceremonies, Daniels."). What an article says of its people, by offset,
is ``reading``'s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.anatomy.cast import Cast
from newsfuse.anatomy.entities import Mention
from newsfuse.anatomy.genders import PRONOUNS
from newsfuse.anatomy.groups import Group, plural
from newsfuse.anatomy.model import Quote
from newsfuse.anatomy.reading import LEADING, Reading, titles_only
from newsfuse.anatomy.speech import AFTER, ALONE, BEFORE, BY, CLOSED, MARKS, RUNS_ON_END, SAID, SIGNED, SPEECH, SUBJECT
from newsfuse.model import Citation, Sentence, Story
from newsfuse.text import STOPWORDS, words

PRONOUN = re.compile(r"^(?:he|she|him|her)$", re.IGNORECASE)
PLURAL_PRONOUN = re.compile(r"^(?:they|them)$", re.IGNORECASE)
RELATIVE = re.compile(r"^(?:who|whose|which)\b")
MAX_DESCRIPTION_WORDS = 8
PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")  # "R-Texas", "D-N.Y.", "D-New York"
NO_ONE = frozenset({"the", "a", "an", "each", "both", "all", "some", "it", "this", "that", "another"})  # no one alone
# a clause, not a description: "was what one friend", "not to be named shook his head", "Marchers held signs that"
NO_DESCRIPTION = re.compile(r"^(?:was|were|is|are|not|to)\b|\b(?:that|as|with|to|of|the|a|an|and|or|by|for)$", re.I)
TRAILING = re.compile(  # words and marks a speaker phrase may end with that are not the speaker
    r"(?:\s+(?:once|today|yesterday|tonight|often|again|later|also|then|now|recently|earlier|repeatedly|"
    r"frequently|always|usually|still|(?:last|this|next)\s+(?:week|weekend|month|year|fall|autumn|spring|summer|"
    r"winter|night|morning|evening)))+$|[\s`'\"“”‘’]+$"  # "said Pippig last fall, shortly after…"
)
ORGANISATION_AS_COMPLEMENT = re.compile(r"\b(?:of|for|at|from)\s+(?:the\s+)?$")  # "a committee of (the) ORG"
PARTICIPLE = re.compile(r",?\s+\w+ing\b")  # the reporting verb is a participle: its subject is the clause's
OPENING_PHRASE = re.compile(  # "However, ", "On Thursday, ", "When asked about it, ": before the subject
    r"\s*(?:however|still|meanwhile|instead|yet|moreover|nevertheless|nonetheless|later|earlier|also|indeed|then|now|"
    r"today|yesterday|separately|elsewhere|again|in|on|at|after|before|during|since|until|by|for|with|without|"
    r"despite|like|unlike|when|while|as|asked|speaking|last|this|next)\b(?:\s+[\w.'’-]+){0,4},\s+",
    re.IGNORECASE,
)
REPORTING = re.compile(r"said|says|told|tells")  # a verb whose clause the participle after it may belong to
APPOSED_SURNAME = re.compile(r",\s*([A-Z][\w'’-]+)\s*[.,;]")
AFFILIATED = re.compile(r"([A-Z][\w'’-]+) of (?:the )?[A-Z].*")  # "Reznor of Nine Inch Nails": a name, its band
RUNS_ON = re.compile(r"[ \t]*\n[ \t]*(?:``|\")")  # a quotation's end, then the next paragraph's opening
QUOTE_MARKS = "'`\"“”‘’"
NOT_IN_PHRASE = STOPWORDS - {"a", "an", "the"}  # words before a noun phrase: "heckled by" (irked fans)
TITLE_SMALL_WORDS = frozenset("a an the of in on at to and or for with by from".split())
ROLES = (  # "one Corps employee said": the employee speaks, not the Corps
    r"(?:spokes(?:man|woman|person)|officials?|executives?|representatives?|lawyers?|aides?|fans?|supporters|"
    r"followers|users|members|allies|advisers|advisors|critics|backers|staffers|employees?|workers?|engineers?|"
    r"officers?|analysts?|managers?|investigators?|inspectors?|researchers?|scientists?|doctors?|teachers?|"
    r"soldiers?|agents?|sources?|insiders?)\b"
)
ROLE_AFTER = {  # "A Decipher spokesman", "Boeing's lawyers"; not "Boeing on Monday"; a person's right after the name:
    # "irked Metallica fans", "Ulrich's lawyers"; not "Reznor to fans", "Trent Reznor greeted fans"
    "organisation": re.compile(rf"(?:['’]s)?\s+(?:[a-z]+\s+)?{ROLES}"),
    "person": re.compile(rf"(?:['’]s)?\s+{ROLES}"),
}
SUBJECT_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Mme)\.?$")  # "Ms. He said": a surname (He Xintong's), no pronoun
CLAUSE_WORDS = frozenset(
    "when as in that regard regards and but so then while after before because if although where".split()
)
# what a speech verb's subject is not: a clause ("…,'' and that racism among the police reflects"), or a subject
# the verb is passive of ("A Mass was said", "it is said")
NO_SPEAKER = re.compile(r"^\W*(?:(?:and|but)\s+)?(?:that|which|whether|what|how|why|if|because)\b", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s*$")  # lower case: "IS said" is the Islamic State


Speaker = tuple[str | None, bool, str, Group | None]  # (name, is an entity, how it was found, group)
NOBODY: Speaker = (None, False, "", None)
UNKNOWN: Speaker = (None, False, "unknown", None)  # attributed, but to no one we can name: never "continued"
TITLE: Speaker = (None, False, "title", None)  # a quoted title: no one's words, but no break in who speaks either


def _group(group: Group, how: str) -> Speaker:
    return group.name, False, how, group


def _described(article: Reading, phrase: str, start: int, end: int, named: list[Mention]) -> Speaker | None:
    """The speaker of a description ("who leads the institute", "the head of the institute"): the name it stands
    in apposition to, before it or just after it, never an organisation or person named inside it."""
    head = article.apposition_head(start)
    relative = RELATIVE.match(phrase)
    if head and (relative or not any(m.type == "person" for m in named)):
        return head, True, "named", None
    if relative:
        return UNKNOWN
    after = article.people_in(end, end + 60)  # "said the head of the institute, Mara Lindqvist."
    gap = article.text[end : after[0].where.start] if after else ""
    apposed = after and gap.startswith(",") and titles_only(gap[1:])  # "…, Adm. Vladimir Kuroyedov"
    if apposed and not any(m.type == "person" for m in named):
        return article.name_of(after[0]), True, "named", None
    surname = APPOSED_SURNAME.match(article.text, end)  # "asked the master of ceremonies, Daniels."
    if surname and not named and (known := article.known(surname.group(1))):
        return known, True, "named", None
    return None


def _title(quoted: str) -> bool:
    """Whether quoted words are a title: every word capitalised but the small ones; not a cry ("Death to
    Arafat!"), a question, words in capitals or a phrase with a comma inside ("Affectionately, Fidel Castro.")."""
    if quoted.isupper() or any(mark in quoted for mark in "!?") or "," in quoted.rstrip(",. "):
        return False
    return all(w[0].isupper() or w in TITLE_SMALL_WORDS for w in re.findall(r"[^\W\d_][\w'’]*", quoted))


def _may_speak(phrase: str) -> bool:
    """Whether a phrase caught before or after a speech verb may name its speaker (has letters, is no clause)."""
    return any(c.isalpha() for c in phrase) and not NO_SPEAKER.search(phrase) and not PASSIVE.search(phrase)


def _pronoun_subject(phrase: str) -> str | None:
    """The pronoun that is the speaker phrase's subject: the phrase itself ("he", "her"), or "he" or "she" as the
    subject of a clause caught before a speech verb: "He went on to" (say), "when he was" (asked), "in that
    regard he" (says), "She thanked him and" (said). Only small clause words may come before the pronoun: in "her
    lawyer said" or "the lawyer he hired said" the speaker is someone else."""
    if PRONOUN.match(phrase):
        return phrase
    words = phrase.split()
    if len(words) > 1 and HONORIFIC.match(words[-2]):
        return None
    if words and SUBJECT_PRONOUN.match(words[-1]):  # "To someone who threw a card on stage he" (said)
        return words[-1]
    at = next((n for n, w in enumerate(words) if SUBJECT_PRONOUN.match(w)), None)
    if at is None or any(w[:1].isupper() for w in words[at + 1 :]):
        return None
    return words[at] if all(w.lower() in CLAUSE_WORDS for w in words[:at]) else None


def _speaker(article: Reading, start: int, end: int) -> Speaker:
    """Who a speaker phrase at ``text[start:end]`` is."""
    phrase = LEADING.sub("", article.text[start:end].strip().lstrip(QUOTE_MARKS + " "))
    phrase = TRAILING.sub("", phrase)  # "Metzger once said", "the Israeli government today said"
    if pronoun := _pronoun_subject(phrase):
        gender = PRONOUNS[pronoun.lower()]  # "she" is never the boy named just before
        name = article.named_before(start, gender) or article.last_speaker_before(start, person=True, gender=gender)
        if name is None:
            earlier = [article.name_of(m) for m in article.people_before(start) if not article.possessive(m)]
            name = next((n for n in earlier if article.may_be(n, gender)), None)  # the latest first
            if name is None and (earlier or article.last_speaker_before(start, person=True)):
                return UNKNOWN  # only people of the other gender: no one, not the man quoted before a "she"
        return (name, True, "pronoun", None) if name else NOBODY
    if PLURAL_PRONOUN.match(phrase):  # never one person: the senators who "wrote", not the last one quoted
        group = article.last_group_before(start)
        return _group(group, "pronoun") if group else UNKNOWN
    if PARTY_TAG.fullmatch(phrase):  # "Sen. Kay Bailey Hutchison, R-Texas, said": the senator
        head = article.apposition_head(start)
        return (head, True, "named", None) if head else NOBODY
    if phrase.rstrip(".").lower() in NO_ONE:  # as the description check below reads it: "it." is "it"
        return NOBODY
    named = article.mentions_in(start, end)
    if phrase[:1].islower() or phrase[:1].isdigit():
        described = _described(article, phrase, start, end, named)
        if described:
            return described
    if group := article.group_in(start, end):  # "Senators Ruth Calder and Tom Baines wrote: …"
        return _group(group, "named")
    best = max(named, key=lambda m: (m.type == "person", m.type == "organisation", m.where.start), default=None)
    # "John Barrigner of Charlotte, N.C., put it": the place after the comma is where the person before it is from
    lone_place = (best is None or best.type == "place") and len(phrase.split()) <= 3 and phrase[:1].isupper()
    lone_place = lone_place and article.text[end : end + 1] == ","  # ", N.C., put it"; not "in Moscow, France said"
    if lone_place and (located := article.located_before(start)):
        return located, True, "named", None
    # a place speaks only as itself ("Britain said"): "the Minister for London" or "one survivor wept at the
    # embassy in Paris, saying" is no place
    # nor an organisation its spokesman ("A Decipher spokesman said": the description speaks)
    # nor a person their fans or aides ("irked Metallica fans who shouted", "Ulrich's lawyers said")
    role = (
        best is not None and best.type in ROLE_AFTER and ROLE_AFTER[best.type].match(article.text[best.where.end : end])
    )
    # "a committee of the State Bar of Texas says": the committee speaks, described, not the organisation
    role = role or (
        best is not None and best.type == "organisation" and phrase[:1].islower()
        and ORGANISATION_AS_COMPLEMENT.search(article.text[start : best.where.start]) is not None
    )  # fmt: skip
    if best and not role and not (best.type == "place" and (phrase[:1].islower() or len(phrase) > len(best.text) + 4)):
        return article.name_of(best), True, "named", None
    if role and best and best.type == "person":  # the noun phrase alone: "heckled by irked Metallica fans who"
        lead = [w for w in article.text[start : best.where.start].split() if w.strip(QUOTE_MARKS)]
        kept = len(lead) - next((n for n, w in enumerate(reversed(lead)) if w.lower() in NOT_IN_PHRASE), len(lead))
        phrase = " ".join([*lead[kept:], article.text[best.where.start : best.where.end + role.end()]])
    phrase = phrase.rstrip(".")
    # "…,'' said Reznor of Nine Inch Nails in an interview": the person the story named, not the phrase
    affiliated = AFFILIATED.fullmatch(phrase)
    known = article.known(phrase) or (article.known(affiliated.group(1)) if affiliated else None)
    if known:
        return known, True, "named", None
    if introduced := article.introduced(phrase, start):  # "the Minister for London", named so before
        return introduced, True, "named", None
    label = plural(phrase)
    if label and (group := article.last_group_before(start, label)):  # "the senators", named before
        return _group(group, "named")
    if not phrase or len(phrase.split()) > MAX_DESCRIPTION_WORDS or NO_DESCRIPTION.search(phrase):
        return NOBODY
    return phrase, False, "named", Group(label, text=phrase) if label else None


def _apposed_start(article: Reading, before: str, begin: int, first: int, last: int) -> int:
    """Where a speaker phrase starts when the pattern cut a description longer than it holds, in apposition to a
    name ("Bill Smith, a geophysicist at the US Geological Survey's National Earthquake Information Center in
    Colorado, explained that ``…''"); else where the pattern started it."""
    cut = max(before.rfind(mark, 0, first) for mark in ',;:"“”')
    longer = before[cut + 1 : first].lstrip() if cut >= 0 else ""
    start = first - len(longer)
    if not longer[:1].islower() or len(before[start:last].split()) > 2 * MAX_DESCRIPTION_WORDS:
        return first
    return start if article.apposition_head(begin + start) else first


def _attribution(article: Reading, start: int, end: int) -> Speaker:
    """The speaker of the quotation at ``text[start:end]`` from the words around it in its sentence."""
    sentence = article.sentence_at(start)
    last = article.sentence_at(end)
    following = article.span_after(end)
    stop = min(last.end, following[0] - 1) if following else last.end
    after = article.text[end:stop]
    asked = article.text[end - 1 : end] in "?!"  # the segmenter ends a sentence there: "``…?'' Domis asks."
    if asked and not after[re.match(MARKS, after).end() :] and last.index + 1 < len(article.sentences):
        then = article.sentences[last.index + 1]
        until = min(then.end, following[0]) if following else then.end  # "Wiley ruminated. ``One…''"
        alone = article.text[then.start : until].rstrip("`'\"“ ")
        if "\n" not in article.text[end : then.start] and ALONE.match(alone):
            after = article.text[end : then.start + len(alone)]
    marks = re.match(MARKS, after)
    closed = bool(CLOSED & set(marks.group() if marks else "")) or article.text[end - 1 : end] in CLOSED
    line_end = article.text.find("\n", end)
    signed = SIGNED.match(article.text, end, line_end if line_end >= 0 else len(article.text))
    if signed:
        return _speaker(article, signed.start("speaker"), signed.end("speaker"))
    for n, pattern in enumerate(AFTER):
        match = pattern.match(after)
        if not match or not _may_speak(match.group("speaker")):
            continue
        # past a quotation that runs on into its sentence ("is ``almost entirely in Arabic'' and the board has
        # added…"), "NAME said" is its attribution only when the clause ends there ("…today" Mara Lindqvist said.)
        if closed or n < 2 or (RUNS_ON_END.match(after, match.end()) and not LEADING.match(match.group("speaker"))):
            return _speaker(article, end + match.start("speaker"), end + match.end("speaker"))
    # "…,'' said Dr. Mark Juhn of the University of …" (longer than a speaker phrase); "…,'' by Liz Tilberis"
    title = _title(article.text[start:end])
    by = closed and not title  # "A Brief History of Time," by Stephen Hawking: no speech
    said = SAID.match(after) or (BY.match(after) if by else None)
    if said and (name := article.named_after(end + said.end())):
        return name, True, "named", None
    preceding = article.span_before(start)
    begin = max(sentence.start, preceding[1] + 1) if preceding else sentence.start
    before = article.text[begin:start].rstrip("\"“'`‘ ")
    match = BEFORE.search(before)  # "Strand said the pilot had told the tower: ``…''": the last verb's subject
    if match and _may_speak(match.group("speaker")):
        first, last = match.span("speaker")
        first = _apposed_start(article, before, begin, first, last)
        verbs = list(SPEECH.finditer(before, first, last))
        # "Stevens acknowledged the ``profound importance'' of the case, saying, ``…''": the subject's words; not
        # after "Officials said Tom Baines resigned…, saying": that participle is the reported clause's
        named = article.mentions_in(begin + first, begin + verbs[0].start()) if verbs else []
        if named and PARTICIPLE.match(before, last) and not REPORTING.fullmatch(verbs[0].group()):
            return _speaker(article, begin + first, begin + verbs[0].start())
        return _speaker(article, begin + (verbs[-1].end() if verbs else first), begin + last)
    if before.endswith(":") and (people := article.people_in(begin, start)):  # "Delgado put it plainly: “…”"
        return article.name_of(people[-1]), True, "named", None
    if title:  # "Murray, co-author of ``A Cinderella Story,'' was speaking": no one's words
        return TITLE
    # the sentence's speaker, unless it reports someone else's words; past an opening phrase ("However, the high
    # court said the law violates…")
    opening = OPENING_PHRASE.match(before)
    for at in (opening.end(), 0) if opening else (0,):
        match = SUBJECT.match(before, at)
        if match and not SPEECH.search(before, match.end()) and _may_speak(match.group("speaker")):
            return _speaker(article, begin + match.start("speaker"), begin + match.end("speaker"))
    return NOBODY


class _Elsewhere:
    """The other articles that quote the same words: a quotation's words are looked for only in the articles
    that hold the rarest of its word triples (an index of every article's), not in every article for every
    quotation, which made a story of thousands of short articles quadratic."""

    def __init__(self, story: Story) -> None:
        self.keys = {a.id: " ".join(words(a.text)) for a in story.articles}
        self.holding: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for a in story.articles:
            tokens = self.keys[a.id].split(" ")
            for triple in dict.fromkeys(zip(tokens, tokens[1:], tokens[2:], strict=False)):
                self.holding[triple].append(a.id)

    def quoting(self, text: str, source: str) -> tuple[str, ...]:
        tokens = words(text)
        if not tokens:
            return ()
        key = " ".join(tokens)
        if len(tokens) < 3:
            candidates: Sequence[str] = list(self.keys)
        else:  # those holding its rarest triple: "we lost it" is in every article, "all at 123" in one
            triples = zip(tokens, tokens[1:], tokens[2:], strict=False)
            candidates = min((self.holding.get(t, []) for t in triples), key=len)
        return tuple(a for a in candidates if a != source and key in self.keys[a])


def find_quotes(story: Story, mentions: Sequence[Mention], cast: Cast) -> tuple[Quote, ...]:
    """Every quotation of the story with its speaker; ``cast``: who the story names (``Cast.of(*merge(...))``)."""
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in story.sentences:
        by_article[s.article].append(s)
    own: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        own[m.where.article].append(m)
    elsewhere = _Elsewhere(story)
    found = []
    for source in story.articles:
        article = Reading(by_article[source.id], source.text, own[source.id], cast)
        previous: tuple[Quote | None, int, Group | None] = (None, -2, None)
        here: list[Quote] = []
        for start, end in article.spans:
            sentence = article.sentence_at(start)
            speaker, entity, how, group = _attribution(article, start, end)
            last, last_index, last_group = previous
            title = how == TITLE[2]
            if how in (UNKNOWN[2], TITLE[2]):
                how = ""
            elif speaker is None and last is not None and last.speaker and sentence.index - last_index <= 1:
                speaker, entity, how, group = last.speaker, last.speaker_is_entity, "continued", last_group
            elif speaker is None and sentence.index > 0:
                introduced = article.last_speaker_before(start, article.sentences[sentence.index - 1].start)
                speaker, entity, how, group = (introduced, True, "continued", None) if introduced else NOBODY
            if speaker and entity:
                article.heard(start, speaker)
            if group:  # a later "they" means this group
                article.heard_group(start, group)
            text = source.text[start:end]
            also = elsewhere.quoting(text, source.id)
            where = Citation(source.id, sentence.index, start, end)
            quote = Quote(text, speaker, entity, how, where, also, group.members if group else ())
            here.append(quote)
            if not title:  # the quotation after a title may still continue the one before it
                previous = (quote, article.sentence_at(end).index, group)
        found.extend(_run_on(here, source.text))
    return tuple(found)


def _run_on(quotes: list[Quote], text: str) -> list[Quote]:
    """A quotation that runs on into the next paragraph is in the voice of the one that goes on there, when it
    had no speaker of its own: "``It's a waste of time…\n``It's going to take years,'' said Corgan."."""
    for n in range(len(quotes) - 2, -1, -1):
        quote, then = quotes[n], quotes[n + 1]
        if quote.speaker is None and then.speaker and RUNS_ON.fullmatch(text, quote.where.end, then.where.start):
            quotes[n] = replace(
                quote, speaker=then.speaker, speaker_is_entity=then.speaker_is_entity, how="continued", group=then.group
            )
    return quotes
