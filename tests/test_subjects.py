"""Second mentions (``subjects``): rule (l), a definite phrase whose head its article introduced before."""

import pytest

from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.readable import Placed, form, unresolved
from newsfuse.subjects import definite_mentions, introduced


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Crews reopened the road after the hearing ended.", ("road", "hearing")),
        ("In the deposition, the mayor denied it.", ("deposition", "mayor")),
        ("Rents rose, the study found.", ("study",)),
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


def test_a_noun_counts_as_introduced_only_after_an_indefinite_phrase_in_an_earlier_sentence() -> None:
    story = story_of([DAM])
    said = introduced(story, lambda words: [w.rstrip("s") for w in words], ["hearing", "road", "hearings"])
    assert said is not None
    assert said("dam", 2, "hearing") and said("dam", 3, "hearings")  # any word of its stem
    assert not said("dam", 1, "hearing")  # not before the sentence that introduces it
    assert not said("dam", 3, "road")  # never introduced: "the road" may be the story's one road
    assert not said("other", 2, "hearing")  # another article's hearing may be another hearing
    assert not said("dam", 3, "dam")  # not asked about
    assert introduced(story, lambda words: words, []) is None


def test_a_sentence_with_a_second_mention_is_unresolved_unless_the_brief_names_the_noun() -> None:
    said = introduced(story_of([DAM]), lambda words: words, ["hearing"])
    public = Placed(DAM.text.splitlines()[2], "dam", 2, form(DAM.text.splitlines()[2]))
    opening = Placed("The county dam failed on Tuesday.", "dam", 0, form("The county dam failed on Tuesday."))
    other = Placed("A crowd gathered at the town hall.", "paper", 0, form("A crowd gathered at the town hall."))
    assert unresolved([opening, public], None, said) == [False, True]  # which hearing?
    assert unresolved([opening, public]) == [False, False]  # not known what the article introduced: not applied
    hearing = Placed(DAM.text.splitlines()[1], "dam", 1, form(DAM.text.splitlines()[1]))
    assert unresolved([opening, hearing, public], None, said) == [False, False, False]
    assert unresolved([other, public], None, said) == [False, True]


def test_a_phrase_in_apposition_to_a_name_says_who_the_name_is() -> None:
    assert definite_mentions("Dana Reyes, the mayor, said the levee held.") == ("levee",)
