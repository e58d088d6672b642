"""The semantic layer: the same-fact judge on hand-made pairs, corroboration and conflicts by meaning in analyze
and in the brief, and its model loaded once, offline."""

from __future__ import annotations

import socket

import pytest

from newsfuse.anatomy import load_ner
from newsfuse.anatomy.analyze import analyze_story
from newsfuse.anatomy.report import analysis_json, analysis_markdown
from newsfuse.meaning import load_meaning
from newsfuse.model import Article
from newsfuse.pipeline import Pipeline, story_of
from newsfuse.render import brief_json
from newsfuse.samefact import SameFact, load_same_fact
from newsfuse.service.work import Resources

NEWS = Article(
    id="news", source="Tigris Daily", published="2013-08-15",
    text="The last American troops left Iraq at the end of 2011, officials said.\n"
    "The government has set aside $300 million for new border posts along the Syrian frontier.\n"
    "Prime Minister Nouri al-Maliki will meet President Barack Obama in Washington next month.",
)  # fmt: skip
BLOG = Article(
    id="blog", source="Gulf Notes", published="2013-08-15",
    text="The last American soldiers departed Iraq in late 2011, officials said.\n"
    "The government has earmarked $500 million to build new border posts on the frontier with Syria.\n"
    "A new stadium opened in Erbil with a concert by local bands.",
)  # fmt: skip


@pytest.fixture(scope="module")
def same() -> SameFact:
    return load_same_fact()


def test_a_paraphrase_is_the_same_fact(same: SameFact) -> None:
    [verdict] = same.judge_pairs([(NEWS.text.splitlines()[0], BLOG.text.splitlines()[0])])
    assert verdict.same and not verdict.conflict


def test_the_same_report_with_another_figure_is_a_conflict_not_the_same_fact(same: SameFact) -> None:
    pairs = [
        ("A car bomb killed 14 people in a Baghdad market on Wednesday.",
         "A car bomb in a Baghdad market on Wednesday killed 41 people."),
        ("The council set aside $300 million for the new bridge over the river.",
         "The council has set aside $500 million to build the new bridge over the river."),
    ]  # fmt: skip
    for verdict in same.judge_pairs(pairs):
        assert verdict.conflict and not verdict.same
    [rounded] = same.judge_pairs([("Prices rose 3.2 percent in May.", "Prices rose 3 percent in May.")])
    assert not rounded.conflict  # one figure rounded is the same figure


def test_a_denial_is_not_the_same_fact_as_a_confirmation(same: SameFact) -> None:
    pairs = [
        ("The ministry confirmed that the plant will close in March.",
         "The ministry denied that the plant will close in March."),
        ("The company will close the plant in March, the mayor said.",
         "The company will not close the plant in March, the mayor said."),
    ]  # fmt: skip
    for verdict in same.judge_pairs(pairs):
        assert not verdict.same and not verdict.conflict and not verdict.agree


def test_different_facts_are_not_the_same(same: SameFact) -> None:
    [verdict] = same.judge_pairs([("The mayor opened the new library on Monday.", "Rain flooded the main road.")])
    assert not verdict.same and verdict.probability < 0.2


@pytest.fixture(scope="module")
def analyses(same: SameFact) -> tuple:
    story = story_of([NEWS, BLOG])
    ner = load_ner()
    return analyze_story(story, ner, None), analyze_story(story, ner, same)


def test_analyze_by_meaning_reports_a_conflict_with_both_citations(analyses: tuple) -> None:
    lexical, meaning = analyses
    assert not lexical.conflicts  # "$300 million" counts no event: the figures' rules see no quantity
    [conflict] = meaning.conflicts
    assert conflict.how == "meaning" and [f.text for f in conflict.figures] == ["$300 million", "$500 million"]
    assert [c.article for c in conflict.sentences] == ["news", "blog"]
    assert NEWS.text[conflict.sentences[0].start : conflict.sentences[0].end].startswith("The government")
    data = analysis_json(meaning)["conflicts"][0]
    assert data["how"] == "meaning" and [s["article"] for s in data["sentences"]] == ["news", "blog"]
    assert "the same report with other figures" in analysis_markdown(meaning)


def test_a_conflicting_sentence_corroborates_nothing_a_paraphrase_does(analyses: tuple) -> None:
    lexical, meaning = analyses
    by_text = {f.text: f for f in meaning.facts}
    money = by_text[NEWS.text.splitlines()[1]]
    assert next(f for f in lexical.facts if f.text == money.text).reported_by == ("news",)  # by its figures
    assert money.reported_by == ("news",) and money.single_source
    assert by_text[NEWS.text.splitlines()[0]].reported_by == ("news", "blog")
    assert by_text[NEWS.text.splitlines()[2]].single_source


def test_the_brief_by_meaning_cites_corroboration_and_says_single_source(same: SameFact) -> None:
    brief = Pipeline(same=same).summarize([NEWS, BLOG], words=40)
    data = brief_json(brief)
    assert data["sentences"]
    for sentence in data["sentences"]:
        assert sentence["single_source"] == (len(sentence["corroborated_by"]) == 1)
    texts = [s.text for s in brief.sentences]
    assert not (NEWS.text.splitlines()[0] in texts and BLOG.text.splitlines()[0] in texts)  # one fact, told once


def test_the_model_loads_once_and_is_reused(same: SameFact, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = Resources(Pipeline(same=same))
    calls = []
    monkeypatch.setattr("newsfuse.service.work.load_same_fact", lambda: calls.append(1) or same)
    assert resources.load_same() is resources.load_same() is same and len(calls) == 1
    same.judge_pairs([("Troops left Iraq.", "Soldiers departed Iraq.")])
    assert "Troops" in same.meaning.kept  # word vectors are kept by the owner for the next call


def test_the_model_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    vectors = load_meaning().sentences(["Troops left Iraq.", ""])
    assert vectors.shape == (2, 256) and abs(float(vectors[0] @ vectors[0]) - 1) < 1e-5 and not vectors[1].any()


def test_a_pair_judged_the_same_fact_counts_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidates are each sentence's nearest in every other article, which is not symmetric: the line of B
    that is the same fact as A's may not be among A's nearest in B, while A's line is among its own."""
    import numpy as np

    from newsfuse import corroborate
    from newsfuse.samefact import Verdict

    story = story_of([
        Article(id="a", text="Troops left Iraq in 2011."),
        Article(id="b", text="Soldiers departed Iraq in late 2011.\nIraq held a troop parade in 2011."),
    ])  # fmt: skip
    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.9, 0.436]], np.float32)  # A's nearest in B is the parade

    class Judge:
        def judge_pairs(self, pairs: list[tuple[str, str]]) -> list[Verdict]:
            return [Verdict(0.9 if "departed" in a + b else 0.1, True, "departed" in a + b, False) for a, b in pairs]

    monkeypatch.setattr(corroborate, "PER_ARTICLE", 1)
    found = corroborate.echoes(story, Judge(), [0, 1, 2], vectors)  # type: ignore[arg-type]
    assert found.same[0] == (1,)
    assert found.same[1] == (0,)
