"""Second mentions (``subjects``): rule (l), a definite phrase whose head its article said before."""

import pytest

from newsfuse.evidence import forms_in_articles, subjects_said
from newsfuse.languages import load_language
from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.readable import form
from newsfuse.subjects import definite_mentions
from newsfuse.tokens import tokenize
from newsfuse.unresolved import Placed, unresolved

ENGLISH = load_language("en")


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Crews reopened the road after the hearing ended.", ("road", "hearing")),
        ("In the deposition, the mayor denied it.", ("deposition", "mayor")),
        ("Rents rose, the study found.", ("study",)),
        ("Rents rose, the report said.", ("report",)),  # a word that may be a verb is the noun right after "the"
        ("Viewers liked the show on Sunday.", ()),
        ("Viewers liked the show.", ("show",)),
        ("Crews pumped out the flooded basements.", ()),  # "flooded" stands before the head: not read
        ("He visited the school in Conyers.", ()),  # says which school
        ("Engineers studied the theory of erosion.", ()),
        ("Doctors gave them the drug, called Ribavirin, on Monday.", ()),  # names it
        ("It cited the NIH study again.", ()),  # a name says which study
        ("Water rose on the same day.", ()),  # a day is no thing introduced
        ("A new study says the study is flawed.", ()),  # introduced in the sentence itself
        ("The study found cracks.", ()),  # the opening subject is rule (j)'s
    ],
)
def test_the_heads_of_definite_phrases_past_the_opening(text: str, heads: tuple[str, ...]) -> None:
    assert definite_mentions(text) == heads


DAM = Article(
    id="dam",
    text=(
        "The county dam failed on Tuesday.\n"
        "Engineers will give a hearing on Friday about the failure.\n"
        "Residents asked whether the hearing would be public.\n"
        "Officials said the road would stay closed."
    ),
)


def test_a_sentence_with_a_second_mention_is_unresolved_unless_the_brief_names_the_noun() -> None:
    story = story_of([DAM])
    forms = forms_in_articles(story, tokenize(story, ENGLISH), ENGLISH)
    assert (forms[2].leans, forms[2].noun) == ("definite", "hearing")  # which hearing? the article said one before
    assert forms[3].leans == ""  # "the road": its article said no road before
    said = subjects_said(story, tokenize(story, ENGLISH), ENGLISH, [form(s.text) for s in story.sentences])
    public, hearing = (Placed(s.text, "dam", s.index, form(s.text)) for s in (story.sentences[2], story.sentences[1]))
    opening = Placed("The county dam failed on Tuesday.", "dam", 0, form("The county dam failed on Tuesday."))
    other = Placed("A crowd gathered at the town hall.", "paper", 0, form("A crowd gathered at the town hall."))
    assert unresolved([opening, public], said) == [False, True]
    assert unresolved([opening, public]) == [False, False]  # not known what the article said: not applied
    assert unresolved([opening, hearing, public], said) == [False, False, False]
    assert unresolved([other, public], said) == [False, True]
    assert unresolved([other, Placed(public.text, "paper", 2, public.form)], said) == [False, False]  # not said there


def test_a_phrase_in_apposition_to_a_name_says_who_the_name_is() -> None:
    assert definite_mentions("Dana Reyes, the mayor, said the levee held.") == ("levee",)


def test_a_phrase_that_says_when_or_points_ahead_points_back_at_nothing() -> None:
    assert definite_mentions("He read out the following statement on Monday.") == ()
    assert definite_mentions("Rents doubled over the past decade.") == ()


def test_a_phrase_that_a_clause_after_it_says_which_is_no_second_mention() -> None:
    assert definite_mentions("Reyes praised the causes he supported.") == ()
    assert definite_mentions("Crews hauled the materials they’re using.") == ()  # nor "using", after a contraction
