"""Quotations (``quotations``): the marks of each language, and where a quotation runs across sentences."""

import pytest

from newsfuse.evidence import gather
from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.quotations import (
    LONGEST_QUOTATION,
    QUOTATION,
    half_quotation,
    has_marks,
    inside_quotations,
    opens_quotation,
    outside_quotations,
)
from newsfuse.readable import Form, form
from newsfuse.units import units


@pytest.mark.parametrize(
    ("text", "marked"),
    [("« Nous reconstruirons », a dit le maire.", True), ("「再建する」と述べた。", True), ("『再建』", True),
     ("``We will rebuild.", True), ("The dam held.", False), ("The county's 6-foot levee held.", False)],
)  # fmt: skip
def test_a_text_with_a_quotation_mark_of_any_language(text: str, marked: bool) -> None:
    assert has_marks(text) is marked


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("« C'est assez désastreux de notre point de vue.", True),  # the quotation and its speaker go on
        ("Ce n'est pas ce que nous voulions », a dit le délégué.", False),
        ("« Nous reconstruirons », a dit le maire.", False),
        ("„Wir bauen neu“, sagte der Bürgermeister.", False),  # German closes „ with “
        ("„Wir bauen neu.", True),
        ('"We will rebuild every house.', True),
        ('We will rebuild," she said.', False),  # the end of a quotation: a closing mark
        ('"We will rebuild," she said.', False),
        ("“We will rebuild.", True),
        ("“We will rebuild,” she said.", False),
        ("``We will rebuild.", True),
        ("「再建する」と述べた。", False),
        ("「再建する。", True),
        ("The dam held.", False),
        ('The mayor said the town "would rebuild every house.', False),  # its speaker comes first
        ("— « Le nombre de morts dépasse les 150 000.", True),
    ],
)
def test_a_sentence_that_opens_a_quotation_it_does_not_close(text: str, opens: bool) -> None:
    assert opens_quotation(text) is opens


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("rebuild it,” the mayor said.", True),  # its opening is in a sentence before
        ('rebuild it," she said.', True),
        ("rebuild it,'' she said.", True),
        ("“We will rebuild,” the mayor said.", False),
        ('The mayor said "we will rebuild."', False),
        ("The pipe was 6'' wide.", False),  # inches
        ("The dam held.", False),
    ],
)
def test_the_end_of_a_quotation_opened_before(text: str, half: bool) -> None:
    assert half_quotation(text) is half


def test_what_is_outside_quotations() -> None:
    assert outside_quotations("“We will rebuild,” the mayor said.").split() == ["the", "mayor", "said."]
    assert outside_quotations("The dam held.") == "The dam held."


def test_a_quotation_ends_before_the_next_opening_mark() -> None:
    """So that many opening marks with no closing one cost linear time (quadratic took 8 s on 40 KB)."""
    assert [m.group(0) for m in QUOTATION.finditer("“a, “b, “the dam held”")] == ["“the dam held”"]
    assert [m.group(0) for m in QUOTATION.finditer("``a, ``the dam held''")] == ["``the dam held''"]
    assert form("“a, " * 10_000) == Form()  # answers (in milliseconds)


def test_a_quotation_that_goes_on_from_sentence_to_sentence_holds_the_sentences_inside_it() -> None:
    story = story_of([Article(id="wire", text=(
        "Survivors spoke angrily of the wait.\n"
        "''No help. No police. No firemen,'' said Dana Reyes, a disc jockey at the dance.\n"
        "“The water came fast. We ran. Nobody told us,” said Carl Dempsey.\n"
        "„Wir kamen zu spät.“ The county said its crews came at once.\n"
        "The levee was 6'' too low. Crews raised it.\n"
        "``The levee held. It always does.\n"
        "Crews went home.\n"
        "He said \"we are done. Really done\" and left."
    ))])  # fmt: skip
    inside = inside_quotations(story)
    texts = {(s.article, s.index): s.text for s in story.sentences}
    assert sorted(texts[key] for key in inside) == [
        "It always does.",
        "No firemen,'' said Dana Reyes, a disc jockey at the dance.",
        "No police.",
    ]  # not past a paragraph's end ("Crews went home."), nor after "„…“", nor after 6'' (inches)
    evidence = gather(story)
    police = next(i for i, s in enumerate(story.sentences) if s.text == "No police.")
    assert evidence.forms[police].leans == "inside"  # someone's words: it comes only inside its quotation
    assert evidence.forms[police + 1].leans == "quote"  # the quotation's end, its speaker named: it may end a unit
    found = units(story, evidence, frozenset(), 2)
    assert not any(unit[-1] == police for unit in found)  # never as the last of a unit: the quotation unclosed
    assert (police - 1, police, police + 1) in found  # the whole quotation, closed, its speaker named


def test_a_mark_left_open_too_long_is_a_stray_one() -> None:
    story = story_of([Article(id="scraped", text="``Crews came. " + " ".join(f"Crew {n} left." for n in range(8)))])
    assert len(inside_quotations(story)) == LONGEST_QUOTATION
