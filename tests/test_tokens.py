import numpy as np

from newsfuse.evidence import gather
from newsfuse.model import Article
from newsfuse.pipeline import story_from, story_of
from newsfuse.tokens import said_before, tokenize


def test_tokens_are_stemmed_and_classified_once_per_spelling() -> None:
    story = story_of([Article(id="a", text="The Dams failed. Dams fail, and 300 homes flooded.")])
    tokens = tokenize(story)
    stems = [tokens.stems[s] for s in tokens.stem]
    assert stems == ["the", "dam", "fail", "dam", "fail", "and", "300", "home", "flood"]
    assert tokens.sentence.tolist() == [0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert tokens.content.tolist() == [False, True, True, True, True, False, True, True, True]
    assert tokens.capital.tolist() == [True, True, False, True, False, False, False, False, False]
    assert tokens.alphabetic[6] == np.False_
    assert tokens.words().tolist() == [3, 6]


def test_a_story_without_words() -> None:
    story = story_of([Article(id="a", text="— … —")])
    tokens = tokenize(story)
    assert len(tokens.stem) == 0 and tokens.sentences == len(story.sentences) > 0
    evidence = gather(story)
    assert len(evidence.concepts.keys) == 0 and evidence.vectors.to_centroid().tolist() == [0.0] * tokens.sentences


def test_the_words_a_story_writes_in_lower_case_and_none_for_lower_cased_text() -> None:
    cased = story_from(["Polls show Mara Vellin ahead in Alder Falls. The polls close at eight, officials said."])
    assert {"polls", "officials"} <= tokenize(cased).lower_case
    assert "vellin" not in tokenize(cased).lower_case
    lowered = story_from(["Polls show mara vellin ahead in alder falls. The polls close at eight, officials said."])
    assert tokenize(lowered).lower_case is None  # only sentences' first words have capitals: no name shows


def test_what_an_article_said_before_a_sentence() -> None:
    story = story_of(
        [
            Article(id="a", text="Engineers closed the spillways on Monday. The spillway was cracked. Crews left."),
            Article(id="b", text="The spillway held, the county said. It rained."),
        ]
    )
    said = said_before(story, tokenize(story), {"spillway": "spillway", "levee": "levee"})
    assert said("a", 1, "spillway") and said("a", 2, "spillway")  # "spillways" in sentence 0: the same stem
    assert not said("a", 0, "spillway")  # the sentence itself is not before it
    assert not said("b", 0, "spillway") and said("b", 1, "spillway")  # each article on its own
    assert not said("a", 2, "levee")  # a word no sentence says
    assert not said("a", 2, "dam")  # a word not asked about


def test_a_definite_subject_leans_on_the_sentence_that_named_its_noun() -> None:
    story = story_from(
        ["Engineers found a crack in the spillway on Monday. The spillway was closed on Tuesday. The dam held."]
    )
    forms = gather(story).forms
    assert (forms[1].leans, forms[1].noun) == ("definite", "spillway")  # a second mention
    assert forms[2].leans == ""  # "the dam" is its first mention


def test_a_sentence_two_articles_repeat_is_read_once_but_placed_in_each() -> None:
    """Wire copies repeat sentences: each text is read once, and each copy still leans where it stands."""
    story = story_of(
        [
            Article(id="a", text="Engineers found a crack in the spillway. The spillway was closed on Tuesday."),
            Article(id="b", text="The spillway was closed on Tuesday. Engineers found a crack in it."),
        ]
    )
    evidence = gather(story)
    assert (evidence.forms[1].leans, evidence.forms[1].noun) == ("definite", "spillway")  # its article said it
    assert evidence.forms[2].leans == ""  # the same text opens article b: its first mention
    assert evidence.opinion[1] == evidence.opinion[2]
