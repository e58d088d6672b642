from newsfuse.model import Article
from newsfuse.opinion import is_opinion
from newsfuse.pipeline import story_of
from newsfuse.select import reading_order, select
from newsfuse.vectors import build

WIRE = Article(
    id="wire",
    text=(
        "The dam on Marlow Creek failed on Tuesday before dawn.\n"
        "Three people were killed and fourteen were injured in the flood.\n"
        "It is tempting to blame the weather for all of this.\n"
        "The governor declared a state of emergency on Tuesday afternoon."
    ),
)
PAPER = Article(
    id="paper",
    text=(
        "The dam on Marlow Creek failed on Tuesday before dawn, officials said.\n"
        "Red Cross volunteers opened a shelter at the high school for 420 people."
    ),
)


def chosen_texts(words: int, drop_opinion: bool = True) -> list[str]:
    story = story_of([WIRE, PAPER])
    vectors = build(story)
    ranking = range(len(story.sentences))
    opinion = frozenset(i for i, s in enumerate(story.sentences) if is_opinion(s.text))
    chosen = select(story, vectors, ranking, words, excluded=opinion if drop_opinion else frozenset())
    return [story.sentences[i].text for i in chosen]


def test_budget_is_never_exceeded() -> None:
    for words in (10, 20, 30, 45):
        assert sum(len(t.split()) for t in chosen_texts(words)) <= words


def test_no_sentence_fits_gives_the_best_one() -> None:
    assert chosen_texts(3) == ["The dam on Marlow Creek failed on Tuesday before dawn."]


def test_near_duplicate_is_left_out() -> None:
    texts = chosen_texts(200)
    assert "The dam on Marlow Creek failed on Tuesday before dawn, officials said." not in texts
    assert "Red Cross volunteers opened a shelter at the high school for 420 people." in texts


def test_opinion_is_dropped_only_when_asked() -> None:
    assert "It is tempting to blame the weather for all of this." not in chosen_texts(200)
    assert "It is tempting to blame the weather for all of this." in chosen_texts(200, drop_opinion=False)


def test_reading_order_puts_earlier_positions_first() -> None:
    story = story_of([WIRE, PAPER])
    order = reading_order(story, [5, 3, 1, 0])
    assert order == [0, 1, 5, 3]
