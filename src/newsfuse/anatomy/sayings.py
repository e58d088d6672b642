"""Who said what in other languages: quotations in each language's marks (« », „ “, “ ”, " ", 「」) and their
speaker, by rules (in French the speaker is then named as the NER model's entity: ``analyze``; in languages
without capitals the speaker is described as the text words it: ``uncased``).

A speaker is the name (one to four capitalised words) right after or before a verb of saying of the language
("a déclaré le maire, Jeanne Morel", "sagte Anna Weber", "según María López") in the quotation's sentence,
outside the quotation. A quotation with no such name in its sentence keeps the speaker of a quotation in the
sentence just before (a quote continued), else none: a speaker is never guessed. Only English has the full
finder (``quotes``, with the entities of the NER model).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsfuse.anatomy import uncased
from newsfuse.anatomy.model import Quote
from newsfuse.model import Citation, Story
from newsfuse.months import CALENDAR_WORDS, UNSPACED, bare

# Verbs and phrases that introduce a quotation's speaker; lower-case, matched as whole words.
SAYING = {
    "fr": "a déclaré|a dit|a affirmé|a expliqué|a ajouté|a indiqué|a précisé|a souligné|a estimé|a assuré|a annoncé|"
    "a lancé|a promis|a confié|a raconté|a témoigné|a poursuivi|a insisté|a reconnu|a averti|a réclamé|a dénoncé|"
    "déclare|dit|affirme|explique|ajoute|estime|assure|lance|confie|raconte|témoigne|poursuit|selon",
    "de": "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|berichtete|rief|versprach|warnte|forderte|ergänzte|"
    "so|laut",
    "es": "dijo|afirmó|declaró|prometió|explicó|señaló|aseguró|añadió|agregó|indicó|gritó|advirtió|relató|sostuvo|dice|"
    "afirma|según",
    "it": "ha detto|ha dichiarato|ha spiegato|ha aggiunto|ha affermato|ha sottolineato|dice|afferma|secondo",
    "pt": "disse|afirmou|declarou|explicou|acrescentou|garantiu|diz|afirma|segundo",
    "nl": "zei|zegt|verklaarde|vertelde|aldus|volgens",
    "ru": "сказал|сказала|заявил|заявила|отметил|отметила|сообщил|сообщила|по словам",
    "el": "δήλωσε|είπε|ανέφερε|τόνισε|πρόσθεσε|εξήγησε|υπογράμμισε|σημείωσε|δηλώνει|λέει|σύμφωνα με",
    "cs": "řekl|řekla|uvedl|uvedla|prohlásil|prohlásila|dodal|dodala|sdělil|sdělila|zdůraznil|zdůraznila|"
    "uvádí|říká|podle",
}
LANGUAGES = frozenset(SAYING) | uncased.LANGUAGES
# Words after a verb of saying that make the next name its addressee ("a déclaré à Reuters"), not its speaker.
TO = {"fr": "à|au|aux", "de": "gegenüber|dem|der|den", "es": "a|al", "it": "a|al|alla|ai", "pt": "a|ao|à|aos",
      "nl": "tegen|aan", "ru": "журналистам|агентству", "el": "στο|στη|στην|στον|στους|στις|σε",
      "cs": "pro|novinářům|agentuře|serveru"}  # fmt: skip
QUOTATION = re.compile(r"«\s*(?P<a>[^«»]{3,3000}?)\s*»|„(?P<b>[^„“”]{3,3000}?)[“”]|“(?P<c>[^“”]{3,3000}?)”|"
                       r"\"(?P<d>[^\"]{3,3000}?)\"|「(?P<e>[^」]{3,3000}?)」|『(?P<f>[^』]{3,3000}?)』")  # fmt: skip
WORDS = re.compile(r"[^\W_]+")
# A " between two Hebrew letters is a gershayim (צה"ל, ארה"ב), not a quotation mark
GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')
# A capital of Latin, Greek or Cyrillic script: Latin Extended-A alternates capitals and small letters (Č, č), so
# its capitals are listed one by one, not as a range that takes "čí" of "mluvčí" for a name
UPPER = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
CAPITAL = rf"[A-ZÀ-ÖØ-Þ{UPPER}А-ЯЁΑ-ΩΆ-Ώ][\w’'-]+"
NAME = re.compile(rf"{CAPITAL}(?:\s+(?:de |da |di |del |van |von |der |le |la )?{CAPITAL}){{0,3}}")
MIN_QUOTE_WORDS = 3
MIN_QUOTE_CHARACTERS = 6  # in Chinese and Japanese, written without spaces
# (article, sentence index) → the persons the NER model found there: (start, end) in the sentence, canonical name
People = Mapping[tuple[str, int], Sequence[tuple[int, int, str]]]
NEAR = 80  # characters between the verb and the name, at most
# A name past these is not the verb's speaker: a quotation, a sentence's end, or a reported clause ("a dit que
# Mass Media…": its subject).
CLAUSE = r"(?<![\w])(?:que|qu['’]|dass|che|dat|что|ότι|πως|že)(?![\w])"  # "a dit que …", "sagte, dass …"
INTERRUPTS = re.compile(rf"[:«»„“”\"「」.;!?]|{CLAUSE}", re.IGNORECASE)
REPORTED = re.compile(CLAUSE, re.IGNORECASE)
# Greek declines names: a name all of whose words end as a genitive ("του Λονδίνου", "των Βαπτιστών") is the
# complement of another noun, not a speaker ("Άννα Παπαδοπούλου", a woman's surname, keeps her first name)
GENITIVE = re.compile(r"(?:ου|ού|ών|ων)$")
# A name right after these belongs to another noun ("le Comité d'organisation de Pékin"), not a speaker.
OF = re.compile(
    r"(?<![\w])(?:de|du|des|d['’]|von|vom|der|del|della|di|da|do|dos|van|of|de la|de las|de los|of the|von der|"
    r"de l['’]|degli|delle|dello|das)\s*$",
    re.IGNORECASE,
)
# German's nominative after the verb: "sagte der Bezirksleiter Markus Huber" (a role, then a name of two words),
# where "der" is no addressee ("sagte der Zeitung")
GERMAN_SUBJECT = re.compile(rf"\s*der\s+{CAPITAL}\s+(?P<name>{CAPITAL}\s+{CAPITAL})(?=[\s,.;:!?]|$)")
ENDS_WITH_NAME = re.compile(rf"(?:^|[\s(])({NAME.pattern})$")


def _patterns(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{SAYING[code]})(?![\w])", re.IGNORECASE)


VERBS = {code: _patterns(code) for code in SAYING}
ADDRESSED = {code: re.compile(rf"\s*(?:{words})\s", re.IGNORECASE) for code, words in TO.items()}


def speaker_of(code: str, outside: str, stopwords: frozenset[str] = frozenset()) -> str | None:
    """The speaker a verb of saying names in ``outside`` (the sentence with its quotation blanked out): the name
    after the verb ("a déclaré le maire, Jeanne Morel"), with nothing but plain words between them, else the
    subject just before it ("Rasmussen a déclaré"), past an aside in commas ("Marc Garlasco, analyste de
    Human Rights Watch, a déclaré"). A pronoun is no name ("Il a dit", ``stopwords``), nor is whom the words
    were said to ("a déclaré à Reuters")."""
    for verb in VERBS[code].finditer(outside):
        if named := _named_after(code, outside, verb.end(), stopwords):
            return named
        before = outside[max(0, verb.start() - NEAR) : verb.start()].rstrip()
        if before.endswith(",") and (aside := before.rfind(",", 0, len(before) - 1)) >= 0:
            before = before[:aside].rstrip()  # the subject is before the aside
        subject = ENDS_WITH_NAME.search(before)
        if subject and _plain(subject.group(1), before[: subject.start(1)], stopwords):
            return subject.group(1)
    return None


def _named_after(code: str, outside: str, at: int, stopwords: frozenset[str]) -> str | None:
    """The speaker named after a verb of saying ending at ``at``: the first name there, or, past the complement
    of an office ("declaró el ministro del Interior, Andrés Fuentes"), the name set beside it after a comma; not
    a name further on ("dijo el presidente de Francia en París"), nor whom the words were said to."""
    if ADDRESSED[code].match(outside, at):
        subject = GERMAN_SUBJECT.match(outside, at) if code == "de" else None
        return subject.group("name") if subject else None  # "sagte der Bezirksleiter Markus Huber", not "der Zeitung"
    for n, after in enumerate(NAME.finditer(outside, at, at + NEAR)):
        if INTERRUPTS.search(outside, at, after.start()):
            return None
        beside = n == 0 or outside[: after.start()].rstrip().endswith(",")
        if not beside:
            return None
        if _plain(after.group(0), outside[: after.start()], stopwords):
            return after.group(0)
    return None


def _plain(name: str, preceding: str, stopwords: frozenset[str]) -> bool:
    """A name that can be a speaker: not a pronoun, not a weekday, not the complement of another noun."""
    lower = name.lower()
    genitive = all(GENITIVE.search(word) for word in lower.split())
    return lower not in stopwords and bare(name) not in CALENDAR_WORDS and not genitive and not OF.search(preceding)


def said_by(code: str, outside: str, persons: Iterable[tuple[int, int, str]], stopwords: frozenset[str]) -> str | None:
    """The one person the NER model found in a sentence with a verb of saying (``outside``: its quotation blanked
    out), when the rules name no speaker ("a déclaré le maire de Valfleuri, Jeanne Morel"); not one who is the
    complement of another noun, nor the subject of a reported clause ("a dit que Jean Dupont …")."""
    verbs = [verb.end() for verb in VERBS[code].finditer(outside)]
    found = {
        name
        for start, _, name in persons
        if _plain(name, outside[:start], stopwords)
        and not any(end <= start and REPORTED.search(outside, end, start) for end in verbs)
    }
    return next(iter(found)) if len(found) == 1 else None


def quotes_in(
    code: str, story: Story, stopwords: frozenset[str] = frozenset(), people: People | None = None
) -> tuple[Quote, ...]:
    """The quotations of a story in language ``code`` (one of ``LANGUAGES``), with their speakers; ``stopwords``
    (the language's) are never a speaker's name. ``people``: where the language has a NER model, the persons it
    found per sentence; a quotation whose sentence has a verb of saying but no speaker by the rules is said by
    the one person named in it outside the quotation ("a déclaré le maire de Valfleuri, Jeanne Morel")."""
    keys = {a.id: " ".join(_words(a.text)) for a in story.articles}
    found: list[Quote] = []
    last: tuple[str, int, str | None] = ("", -2, None)  # article, sentence index, speaker
    for sentence in story.sentences:
        text = GERSHAYIM.sub("״", sentence.text) if '"' in sentence.text else sentence.text  # one character for one
        quotations = list(QUOTATION.finditer(text))
        if not quotations:
            continue
        outside = text  # every quotation blanked out: a name or a verb inside one is none of the speaker's
        for match in quotations:
            outside = outside[: match.start()] + " " * (match.end() - match.start()) + outside[match.end() :]
        spans = [match.span() for match in quotations]
        persons = [
            p
            for p in (people or {}).get((sentence.article, sentence.index), ())
            if all(p[1] <= start or p[0] >= end for start, end in spans)
        ]
        if code in SAYING:  # one speaker per sentence: every quotation in it has the same outside
            named = speaker_of(code, outside, stopwords)
            told = bool(VERBS[code].search(outside))  # a speaker said but no name: described, so not continued
        else:  # no capitals: the speaker as the text describes them
            named = uncased.described(code, outside)
            told = bool(uncased.VERBS[code].search(outside))
            if named and text is not sentence.text and "״" not in sentence.text:
                named = named.replace("״", '"')  # the gershayim as the article writes it: דובר צה"ל
        if named is None and told and persons:
            named = said_by(code, outside, persons, stopwords)
        for match in quotations:
            inner = next(i for i, group in enumerate(match.groups(), 1) if group is not None)
            inside = sentence.text[match.start(inner) : match.end(inner)]  # as written, gershayim and all
            if len(inside) < MIN_QUOTE_CHARACTERS if code in UNSPACED else len(inside.split()) < MIN_QUOTE_WORDS:
                continue  # a scare quote
            speaker, how = named, "named"
            if (
                speaker is None
                and not told
                and last[0] == sentence.article
                and sentence.index - last[1] <= 1
                and last[2]
            ):
                speaker, how = last[2], "continued"
            start = sentence.start + match.start(inner)
            key = " ".join(_words(inside))
            also = tuple(a.id for a in story.articles if a.id != sentence.article and key and key in keys[a.id])
            where = Citation(sentence.article, sentence.index, start, start + len(inside))  # its words, as in English
            found.append(Quote(inside, speaker, False, how if speaker else "", where, also))
            last = (sentence.article, sentence.index, speaker)
    return tuple(found)


def _words(text: str) -> list[str]:
    """Lower-cased words of any script (a run of Han characters is one): what a quotation is found by elsewhere."""
    return WORDS.findall(text.lower())
