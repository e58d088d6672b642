"""Units: what a brief may take. A sentence that stands on its own, or one that leans on what precedes it
("He said…", "The statement…") together with the sentences before it, back to one that stands on its own.

Some sentences a brief never takes, whatever they are worth: headings, questions, a quotation opened and not
closed, a way to reach the paper, an exclamation in the writer's voice, and (where the language has the rules)
the writer speaking to the reader, an announcement of what follows, a day told relative to the article's own, an
item of a list (``material``); nor the middle of a quotation that goes on past it (``quotations``), which comes
only inside the whole quotation. ``select.cover`` chooses among the units.
"""

from __future__ import annotations

from newsfuse.evidence import Evidence
from newsfuse.features import is_heading
from newsfuse.languages import Language
from newsfuse.material import addresses_reader, contact, exclamation, list_item, points_ahead, relative_day
from newsfuse.model import Story
from newsfuse.quotations import opens_quotation

MAX_LEANING = 2  # a chosen sentence brings at most this many predecessors it leans on


def _candidate(
    story: Story, evidence: Evidence, i: int, excluded: frozenset[int], min_words: int, exclaims: bool,
    stands: dict[str, bool],
) -> bool:  # fmt: skip
    """Whether a sentence may be chosen; ``stands`` keeps ``_stands``'s answer per text (wire copies repeat
    sentences)."""
    sentence = story.sentences[i]
    if i in excluded or sentence.words < min_words:
        return False
    if evidence.forms[i].leans == "inside":  # a quotation's middle: it comes only before the quotation's end
        return False
    if (fit := stands.get(sentence.text)) is None:
        fit = stands[sentence.text] = _stands(sentence.text, evidence.forms[i].trim, evidence.language, exclaims)
    return fit


def _stands(text: str, trim: int, language: Language, exclaims: bool) -> bool:
    """What a sentence's text alone says of whether it is brief material: no heading, question, exclamation
    (unless ``exclaims``), quotation left open, contact line, or an opener that only its article can resolve."""
    return (
        not is_heading(text)
        and not text.rstrip(" \"'”’»」").endswith(language.questions)
        and not opens_quotation(text)
        and not contact(text)
        and (exclaims or not exclamation(text))
        and not (
            "openers" in language.rules
            and (addresses_reader(text) or points_ahead(text) or relative_day(text[trim:]) or list_item(text))
        )
    )


def units(
    story: Story, evidence: Evidence, excluded: frozenset[int], min_words: int, exclaims: bool = False
) -> list[tuple[int, ...]]:
    """What can be chosen: a sentence that stands on its own, or one that leans on what precedes it together
    with the sentences before it, back to one that stands on its own (at most ``MAX_LEANING`` of them); an
    exclamation only where ``exclaims`` (a story that does nothing but exclaim still gets a brief)."""
    found = []
    place = {(s.article, s.index): i for i, s in enumerate(story.sentences)}
    stands: dict[str, bool] = {}
    for i in range(len(story.sentences)):
        if not _candidate(story, evidence, i, excluded, min_words, exclaims, stands):
            continue
        unit = [i]
        while evidence.forms[unit[0]].leans and len(unit) <= MAX_LEANING:
            first = story.sentences[unit[0]]
            before = place.get((first.article, first.index - 1))
            text = story.sentences[before].text if before is not None else ""
            if before is None or before in excluded or is_heading(text) or contact(text):
                break  # nothing to lean on that a brief may hold: the sentence does not come at all
            if exclamation(text) and not exclaims:
                break
            unit.insert(0, before)
        if not evidence.forms[unit[0]].leans:
            found.append(tuple(unit))
        if evidence.forms[i].leans and evidence.forms[i].noun:  # "The statement…" may also come alone, where a
            found.append((i,))  # sentence of its article before it in the brief names "statement" (``_Greedy.named``)
    return found
