import pytest

from newsfuse.opinion import THRESHOLD, is_opinion, opinion_cues, opinion_score

OPINION = [
    "It is tempting to call what happened at Alder Falls a natural disaster.",
    "We have known for years that hundreds of dams are in the same shape, and we simply can't afford it.",
    "How many more towns have to flood before the legislature acts?",
    "Lawmakers should fund the inspection backlog this session, and they must make owners post bonds.",
    "Frankly, that is the least they could do.",
    "Imagine waking up to water in your kitchen.",
    "Make no mistake: this was a failure of government.",
    "I think the district has a lot to answer for.",
]
REPORTING = [
    "An earthen dam on Marlow Creek gave way before dawn on Tuesday, state officials said.",
    '"We were pulling people off roofs until sunrise," said Sheriff Dana Whitfield.',
    '"How could this happen?" asked one resident, standing in the mud.',
    "The Corps said it would send a team of engineers on Wednesday.",
    "The US Army Corps of Engineers will inspect two other dams.",
    "Officials in the U.S. said repairs had started in September.",
    "The state's own dam safety office has just four inspectors for more than 1,200 dams.",
]


@pytest.mark.parametrize("sentence", OPINION)
def test_commentary_is_opinion(sentence: str) -> None:
    assert is_opinion(sentence), (opinion_score(sentence), opinion_cues(sentence))


@pytest.mark.parametrize("sentence", REPORTING)
def test_reporting_is_not_opinion(sentence: str) -> None:
    assert opinion_score(sentence) < THRESHOLD, opinion_cues(sentence)


def test_quoted_opinion_is_a_fact_about_a_speaker() -> None:
    assert opinion_cues('"We must rebuild, and we will," the mayor said.') == []
    assert "first-person" in opinion_cues("We must rebuild, and we will.")


def test_cues_combine() -> None:
    assert opinion_score("We should act.") > opinion_score("They should act.") > 0
