import pytest

import newsfuse
from newsfuse.errors import InputError
from newsfuse.evidence import gather
from newsfuse.model import Article
from newsfuse.pipeline import Pipeline, story_of
from newsfuse.summarizers import METHODS, baseline
from newsfuse.summarizers.newsfuse import regime

ARTICLES = [
    Article(id="a", text="The dam failed on Tuesday.\nThe mayor spoke on Wednesday.\nA parade was held."),
    Article(id="b", text="A dam failed on Tuesday, flooding the town.\nRain is forecast.\nThe dam was old."),
    Article(id="c", text="Local team wins the cup.\nThe dam failed early Tuesday.\nThe town flooded fast."),
]


@pytest.mark.parametrize("name", [m for m in METHODS if m != "newsfuse"])
def test_every_baseline_ranks_every_sentence_once(name: str) -> None:
    story = story_of(ARTICLES)
    ranking = baseline(name).rank(story, gather(story))
    assert sorted(ranking) == list(range(len(story.sentences)))


def test_lead_is_round_robin() -> None:
    story = story_of(ARTICLES)
    ranking = baseline("lead").rank(story, gather(story))
    assert [(story.sentences[i].article, story.sentences[i].index) for i in ranking[:4]] == [
        ("a", 0), ("b", 0), ("c", 0), ("a", 1),
    ]  # fmt: skip


@pytest.mark.parametrize("words", [6, 12, 40])
def test_newsfuse_covers_what_several_outlets_report(words: int) -> None:
    story = story_of(ARTICLES)
    chosen = Pipeline().newsfuse.choose(story, gather(story), words, frozenset())
    texts = [story.sentences[p.sentence].text for p in chosen]
    assert "dam failed" in texts[0]
    assert "Local team wins the cup." not in texts
    assert sum("dam failed" in t for t in texts) == 1  # the same fact once


def test_regime_moves_from_long_to_short_inputs() -> None:
    assert regime(250, 20_000) == 0.0 and regime(250, 400) == 1.0
    assert 0.0 < regime(250, 2_000) < 1.0


def test_newsfuse_improves_its_choice_by_exchanges_only_when_the_brief_is_under_half_the_input() -> None:
    story = story_of(ARTICLES)  # 43 words
    evidence, newsfuse = gather(story), Pipeline().newsfuse
    assert not newsfuse.objective(story, evidence, 22, frozenset()).exchange
    assert newsfuse.objective(story, evidence, 12, frozenset()).exchange


def test_unknown_method() -> None:
    with pytest.raises(InputError, match="unknown method 'gpt'"):
        baseline("gpt")


def test_the_graph_baselines_rank_a_bounded_number_of_sentences_and_say_so(monkeypatch) -> None:
    """sumy's graph is quadratic in the sentences: past the bound the rest follow in lead order, and a note
    says so."""
    from newsfuse.summarizers.graph import LexRank

    monkeypatch.setattr(LexRank, "max_sentences", 40)
    texts = [" ".join(f"Crews cleared {n} roads near gate {n + k} on Tuesday, officials said." for k in range(12))
             for n in range(5)]  # fmt: skip
    brief = newsfuse.summarize(texts, words=60, method="lexrank")
    assert brief.sentences and any(
        w.startswith("lexrank ranked the first 40 of the 60 sentences") for w in brief.warnings
    )
    assert not any("ranked the first" in w for w in newsfuse.summarize(texts, words=60).warnings)
