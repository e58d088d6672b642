import pytest

from newsfuse.opinion import CUES, THRESHOLD, is_opinion, judge, opinion_cues, opinion_score, unquoted

OPINION = [
    "It is tempting to call what happened at Alder Falls a natural disaster.",
    "We have known for years that hundreds of dams are in the same shape, and we simply can't afford it.",
    "How many more towns have to flood before the legislature acts?",
    "Lawmakers should fund the inspection backlog this session, and they must make owners post bonds.",
    "Frankly, that is the least they could do.",
    "Imagine waking up to water in your kitchen.",
    "Make no mistake: this was a failure of government.",
    "I think the district has a lot to answer for.",
    "But don't plan to spend a weekend clearing the gutters before the rains come.",
    "Just take a look at the spillway repairs the district never finished.",
]
REPORTING = [
    "An earthen dam on Marlow Creek gave way before dawn on Tuesday, state officials said.",
    '"We were pulling people off roofs until sunrise," said Sheriff Dana Whitfield.',
    '"How could this happen?" asked one resident, standing in the mud.',
    "The Corps said it would send a team of engineers on Wednesday.",
    "The US Army Corps of Engineers will inspect two other dams.",
    "Officials in the U.S. said repairs had started in September.",
    "The state's own dam safety office has just four inspectors for more than 1,200 dams.",
    "''If you live below the dam, leave now,'' said Sheriff Dana Whitfield.",
    "And help arrived on Wednesday, when the Guard opened a second shelter.",
    "But support for the bond measure fell after the flood, a poll found.",
    "But don't expect the spillway to reopen before spring, the engineers warned.",
    "And remember, the shelter closes on Friday, officials said.",
    "Developed countries, known as Annex I nations, would cut emissions 25 to 40 percent by 2020.",  # a numeral
    "Veterans of World War I gathered at the memorial on Sunday.",
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


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("''We heard it go,'' Reyes said.", "Reyes said."),
        ("''We heard it go.", ""),  # opens a quotation that goes on in the next sentence
        ("It was over in minutes,'' Reyes said, ''and if you slept, you drowned.", "Reyes said,"),
        ("Nobody got out.''", ""),  # closes one opened earlier
        ("``We heard it go,'' Reyes said.", "Reyes said."),
    ],
)
def test_the_wires_two_apostrophe_quotations_are_quotations(text: str, outside: str) -> None:
    assert " ".join(unquoted(text).split()) == outside


def test_cues_combine() -> None:
    assert opinion_score("We should act.") > opinion_score("They should act.") > 0


GATED = {
    "first-person": "I|I'm|I've|I'd|me|My|mine|we|We're|We've|We'd|us|our|Ours|ourselves|ME|MY|WE|OUR".split("|"),
    "judgement": "should|shouldn't|ought to|must act|need to be|needs to be|has to stop|have to stop|is right to|"
    "were wrong to".split("|"),
    "commentary-frame": "it is tempting|it's hard to believe|it is hard to imagine|it's hard to see|it is time to|"
    "it's time for|it is clear that|it's obvious that|it is no secret|it's a shame|it is a disgrace|"
    "it's worth remembering|it is worth asking|it's worth noting|let's be|lets not|let us face|let's hope|"
    "let us let|make no mistake|the truth is|the fact is|in my view|needless to say|mark my words".split("|"),
}


def _evaluative_alternatives() -> list[str]:
    """Every word and phrase of the evaluative pattern, read from the pattern itself (so a new one is tested)."""
    pattern = next(cue[2] for cue in CUES if cue[0] == "evaluative")
    body = pattern.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    return [a.replace("s?", suffix) for a in body.split("|") for suffix in ("", "s")]


@pytest.mark.parametrize("name", [*GATED, "evaluative"])
def test_a_gated_cue_is_found_by_every_alternative_of_its_pattern(name: str) -> None:
    """A cue is searched for only in a sentence that holds one of its gate's words: every way its pattern can
    match must hold one, or the cue would be missed (the gate is a shortcut, never a change in judgement)."""
    pattern = next(cue[2] for cue in CUES if cue[0] == name)
    examples = GATED.get(name) or _evaluative_alternatives()
    for phrase in examples:
        text = f"In the end {phrase} after all, the mayor noted"
        assert pattern.search(text if name == "first-person" else text.lower()), phrase  # the example is one
        assert name in judge(text)[1], phrase
