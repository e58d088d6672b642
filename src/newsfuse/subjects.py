"""Second mentions: a sentence that names a thing as one the reader has met leans on the sentence before.

(j) "The celestial fireworks are…", "The surveillance led to…", "The commission's report charged…": a definite
subject whose noun its article said before (only the article can tell: ``unresolved.in_article``); and "Both
pleaded guilty.", "Neither was hurt.": two named before. (l) "…, the study found.", "In the deposition, Clinton
claimed…": a definite noun phrase past the opening whose head its article said before, the same way.
``readable.form`` reads them with the other openers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfuse.text import OPEN_QUOTE, OPENERS, STOPWORDS

AUXILIARIES = frozenset("was were is are have had has will would could can may might did do does".split())
# (j) "The celestial fireworks are…", "The surveillance led to…": a definite subject of one to three plain words
# (no name, no figure, nothing after it that says which) whose noun its article said in a sentence before: a second
# mention, which points back at the first. Only the article can tell (``Form.subject``, ``in_article``): "The
# earthquake struck at dawn" may open a story. Cased text only ("the democrats" may be a name in lower case).
VERB_FORMS = (
    r"is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|remains|seems|appears|"
    r"says|said|led|came|went|took|made|found|began|left|gave|told|saw|held|fell|rose|hit|put|ran|won|lost|got|met|"
    r"sent|brought|kept|struck|spent|built|drew|grew|knew|became|becomes|comes|goes|follows|gives|makes|takes|shows|"
    r"marks|plans|wants|died"
)
SUBJECT_VERB = rf"(?:{VERB_FORMS}|(?!(?:speed|breed|greed|steed)\b)[a-z]{{3,}}ed)\b"
# "Both pleaded guilty.", "Neither was hurt.", "Both drank…": "both" and "neither" before a verb mean two named
# before ("Both sides…" says which). A word in "-ed" is a verb only before what follows a verb ("Both died in…",
# "Both denied the…"): "Both armed groups…", "Both injured men…" say which.
AFTER_VERB = r"(?= (?:to|in|on|at|for|with|from|that|the|a|an|his|her|their|its|guilty|not|and|as|by|of|into)\b|[.,;])"
PAIR = re.compile(
    OPEN_QUOTE + r"(?:both|neither) (?:(?:" + VERB_FORMS + r"|fled|fought|wore|spoke|stood|flew|drank|ate|wrote|chose|"
    r"sold|bought|paid|felt|heard|sat|slept|swore|taught|caught|threw)\b|[a-z]{3,}ed" + AFTER_VERB + ")",
    re.IGNORECASE,
)
# The subject's words run to the first verb, an adverb perhaps before it ("The minister also urged…", "The
# experience, however, is…"); or a possessive's noun is the subject's ("The commission's report charged…": which
# commission?).
SUBJECT_ADVERBS = (
    "also|still|then|later|now|already|again|never|recently|first|soon|often|only|too|therefore|however|thus|"
    "meanwhile|reportedly|apparently|eventually|finally|previously|subsequently|initially|ultimately|"
    "himself|herself|itself|themselves"  # "The officer himself was…": all the more the one named before
)
DEFINITE_SUBJECT = re.compile(
    OPEN_QUOTE + r"The ((?:[a-z]+[ -]){0,2}?[a-z]+|[a-z]+['’]s(?: [a-z]+){1,2})"
    r"(?:,? (?:" + SUBJECT_ADVERBS + r"),?)? (" + SUBJECT_VERB + ")"
)
NO_SUBJECT = frozenset(
    "might must should shall being been last next former latter following whole entire other same such this that "
    "these those day days week weeks month months year years morning night time today yesterday tomorrow "
    # things there is one of, which no reader asks "which?" of
    "pope dollar euro yen sun moon earth world public economy internet weather military army navy police future "
    "market wind sky sea air penalty past".split()
)
LY_NOUNS = frozenset("rally supply assembly ally reply family monopoly anomaly bully lily belly jelly".split())
# After "is" or "was": "The idea is to…", "The fact is that…", "The rock is called Cumberland", "The issue was complex
# -- whether…": the sentence goes on to say what the thing is; it does not point back at it.
SAYS_WHAT = re.compile(r"\s*(?:to|that|called|named)\b|\s*(?:\S+\s+){0,2}(?:--|—)\s")


def definite_subject(text: str) -> str:
    """The noun of rule (j)'s definite subject at the opening of a sentence (connective cut), or ""."""
    if not text.lstrip(OPENERS + " ").startswith("The ") or not (found := DEFINITE_SUBJECT.match(text)):
        return ""
    words = found.group(1).replace("-", " ").split()
    if words[0].endswith(("'s", "’s")):  # "The commission's report": the commission is what it points back at
        words = [words[0][:-2]]
    head, after = words[-1], text[found.end() :]
    if (head.endswith("ly") and head not in LY_NOUNS) or any(
        w in STOPWORDS or w in AUXILIARIES or w in NO_SUBJECT for w in words
    ):
        return ""
    if found.group(2) in ("is", "was") and SAYS_WHAT.match(after):
        return ""
    if re.search(rf"\b{head.capitalize()}\b", after):  # "…, the Copenhagen Zoo said."
        return ""
    return head


# (l) A noun phrase of plain words after "the"; its head is its last word before a verb, a function word, a
# possessive or punctuation ("the study found" → study; "the broken spillway in" → spillway).
DEFINITE_PHRASE = re.compile(r"\bthe (?=([a-z][a-z'’-]*(?: [a-z][a-z'’-]*){0,2})( [A-Z])?)")  # a name after?
PHRASE_STOPS = frozenset(  # verbs and prepositions that end a phrase past its first word ("the county built…",
    # "the houses along…")
    (
        VERB_FORMS.replace("|", " ") + " say find finds show showed tell tells add adds according report reports "
        "note notes become remain called calls begin begins along across around toward towards near within without "
        "behind beyond during despite amid inside outside beside throughout upon via"
    ).split()
)
ENDS_PHRASE = STOPWORDS | PHRASE_STOPS
# After its head, words that say which one it is ("the school in Conyers", "the theory of evolution", "the drug,
# called Ribavirin", "the causes he supported"): no pointing back.
WHICH_ONE = re.compile(
    r"\s*(?:to|by|for|between|against|among|about|over|under|who|whom|whose|which|with|that|in|at|of|on|from|"
    r"where|when|he|she|they|we|i|you)\b|,? (?:called|named|known as)\b"
)
APPOSITION = re.compile(r"[A-Z][\w.'’-]*, $")  # "Fitzgerald, the prosecutor, said…": says who the name is


def _heads(text: str) -> Iterable[tuple[int, str]]:
    """The (position, head) of each definite noun phrase of plain words past the opening of ``text``: words in
    lower case only, so no name ("the NIH study", "the new GM contract" say which)."""
    for found in DEFINITE_PHRASE.finditer(text, 1):
        words = []
        for word in found.group(1).split():
            ends = STOPWORDS if not words else ENDS_PHRASE  # right after "the", "report" or "show" is the noun
            if word in ends or word[-2:] in ("ed", "ly") or "'" in word or "’" in word:
                break
            words.append(word)
        else:
            if found.group(2):  # a name goes on with it
                continue
        if not words or not (head := words[-1]).isalpha() or len(head) < 3:
            continue
        end = found.start(1) + sum(len(w) + 1 for w in words) - 1
        if head in AUXILIARIES or any(w in NO_SUBJECT for w in words) or WHICH_ONE.match(text, end):
            continue
        yield found.start(), head


def definite_mentions(text: str) -> tuple[str, ...]:
    """(l): the heads of the definite noun phrases past a sentence's opening (quotations taken out), in order,
    unless the sentence itself says the head before ("A new study… the study") or the phrase is in apposition
    to a name."""
    if "the " not in text:
        return ()
    heads: list[str] = []
    lowered = text.lower()
    same_places = len(lowered) == len(text)  # lower case keeps each character's place (all but a few: "İ")
    for at, head in _heads(text):
        if text.endswith(", ", 0, at) and APPOSITION.search(text, max(0, at - 40), at):
            continue
        if (  # a word that begins with it, said before it here
            lowered.startswith(head, 0, at) or lowered.find(f" {head}", 0, at) >= 0
            if same_places
            else f" {head}" in f" {text[:at].lower()}"
        ):
            continue
        if head not in heads:
            heads.append(head)
    return tuple(heads)
