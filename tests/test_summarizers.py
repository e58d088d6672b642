import pytest

from newsfuse.errors import InputError
from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.summarizers import METHODS, get
from newsfuse.summarizers.newsfuse import load_model
from newsfuse.vectors import build

ARTICLES = [
    Article(id="a", text="The dam failed on Tuesday.\nThe mayor spoke on Wednesday.\nA parade was held."),
    Article(id="b", text="A dam failed on Tuesday, flooding the town.\nRain is forecast.\nThe dam was old."),
    Article(id="c", text="Local team wins the cup.\nThe dam failed early Tuesday.\nThe town flooded fast."),
]


@pytest.mark.parametrize("name", list(METHODS))
def test_every_method_ranks_every_sentence_once(name: str) -> None:
    story = story_of(ARTICLES)
    ranking = get(name).rank(story, build(story))
    assert sorted(ranking) == list(range(len(story.sentences)))


def test_lead_is_round_robin() -> None:
    story = story_of(ARTICLES)
    ranking = get("lead").rank(story, build(story))
    assert [(story.sentences[i].article, story.sentences[i].index) for i in ranking[:4]] == [
        ("a", 0), ("b", 0), ("c", 0), ("a", 1),
    ]  # fmt: skip


def test_newsfuse_prefers_what_several_outlets_report() -> None:
    story = story_of(ARTICLES)
    ranking = get("newsfuse").rank(story, build(story))
    top = story.sentences[ranking[0]].text
    assert "dam failed" in top
    position = {story.sentences[i].text: n for n, i in enumerate(ranking)}
    assert position["The dam failed early Tuesday."] < position["Local team wins the cup."]


def test_unknown_method() -> None:
    with pytest.raises(InputError, match="unknown method 'gpt'"):
        get("gpt")


def test_model_file_matches_the_features() -> None:
    model = load_model()
    assert len(model.roots) == 150 and model.about["sentences"] > 0
