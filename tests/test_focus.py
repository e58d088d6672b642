"""A focus tilts the brief towards what the reader asks, and is never dropped in silence."""

import json

import pytest

import newsfuse
from newsfuse.cli import main
from newsfuse.errors import InputError
from newsfuse.evidence import gather
from newsfuse.focus import focus_of
from newsfuse.languages import load_language
from newsfuse.pipeline import story_from

# Three outlets on one story with two threads: the flood's toll (told by every outlet, so it leads a plain
# brief) and the dam's inspections (told once, further down).
ARTICLES = [
    "The Marlow Creek dam collapsed before dawn on Tuesday and flooded the town of Alder Falls.\n"
    "Four people died in the flood and about 300 homes were damaged, county officials said.\n"
    "Rescue crews searched the river banks on Wednesday for two residents who are still missing.\n"
    "State inspectors had rated the spillway of the dam in poor condition during an inspection in 2024.",
    "Floodwater from the failed Marlow Creek dam swept through Alder Falls early on Tuesday.\n"
    "Four people died and some 300 homes were damaged, according to county officials.\n"
    "Rescue crews kept searching on Wednesday for two missing residents.",
    "Four residents of Alder Falls died when the Marlow Creek dam collapsed on Tuesday.\n"
    "About 300 homes were damaged by the flood, officials in the county said.\n"
    "The owner of the dam had asked the state to delay a second inspection of the cracked spillway.",
]


def texts(brief: newsfuse.Brief) -> str:
    return " ".join(s.text for s in brief.sentences)


def test_a_focus_brings_what_the_reader_asks_into_a_short_brief() -> None:
    plain = newsfuse.summarize(ARTICLES, words=30)
    focused = newsfuse.summarize(ARTICLES, words=30, focus="What did the inspections of the spillway find?")
    assert "inspection" not in texts(plain)
    assert "inspection" in texts(focused)
    assert focused.warnings == plain.warnings  # it was read: nothing to warn about


def test_the_focus_keeps_only_what_is_asked_about() -> None:
    story = story_from(ARTICLES)
    english = load_language("en")
    evidence = gather(story, english)
    asked = focus_of("Discuss and describe the inspections, including the spillway.", evidence.tokens, english)
    assert asked is not None
    assert sorted(evidence.tokens.stems[i] for i in asked.terms) == ["inspect", "spillway"]
    assert focus_of("Describe the Olympic games.", evidence.tokens, english) is None
    relevance = asked.relevance(evidence.vectors)
    best = story.sentences[int(relevance.argmax())].text
    assert "inspection" in best and "spillway" in best


def test_a_focus_that_cannot_act_is_said_so() -> None:
    unknown = newsfuse.summarize(ARTICLES, words=30, focus="the Olympic games")
    assert any("none of its words occur in the articles" in w for w in unknown.warnings)
    assert texts(unknown) == texts(newsfuse.summarize(ARTICLES, words=30))
    lead = newsfuse.summarize(ARTICLES, words=30, method="lead", focus="inspections")
    assert any("the lead method does not read one" in w for w in lead.warnings)
    with pytest.raises(InputError, match="focus: the focus must be text"):
        newsfuse.summarize(ARTICLES, focus=3)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="over the limit of 2,000"):
        newsfuse.summarize(ARTICLES, focus="why " * 600)


def test_the_cli_takes_a_focus(tmp_path, capsys) -> None:
    paths = []
    for n, text in enumerate(ARTICLES):
        path = tmp_path / f"a{n}.txt"
        path.write_text(text)
        paths.append(str(path))
    assert main(["summarize", *paths, "--words", "30", "--output", "json", "--focus", "the spillway inspections"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert "inspection" in " ".join(s["text"] for s in brief["sentences"])


PROTEST = (
    "Police fired tear gas at protesters on Tuesday as thousands marched against a new tax law, witnesses said.\n"
    "Opposition leader Raila Odinga told the crowd that the law would hurt the poor.\n"
    "The government said 12 people were arrested during the march."
)


def test_the_best_answer_that_does_not_fit_is_said_so_and_comes_when_it_fits() -> None:
    """ "The government said…" leans on what precedes it: it comes only with those sentences, or not at all."""
    question = "How many people were arrested?"
    short = newsfuse.summarize([PROTEST], words=20, focus=question)
    assert "arrested" not in texts(short)
    assert any(w.startswith("focus: the sentence that best answers it does not fit") for w in short.warnings)
    long = newsfuse.summarize([PROTEST], words=60, focus=question)
    assert "12 people were arrested" in texts(long) and not any(w.startswith("focus:") for w in long.warnings)


def test_the_best_answer_is_one_a_brief_can_hold() -> None:
    """An answer that leans on two sentences that lean in turn can never come: the next best one is pushed."""
    article = (
        "The Velmont council met on Monday to discuss the bridge.\n"
        "Its members argued for three hours.\n"
        "They could not agree.\n"
        "Those talks on the bridge repairs went nowhere, and the bridge repairs will wait.\n"
        "Engineers said bridge repairs would cost 4 million dollars and take a year to finish."
    )
    story = story_from([article])
    language = load_language("en")
    evidence = gather(story, language)
    asked = focus_of("bridge repairs talks", evidence.tokens, language)
    assert asked is not None and evidence.forms[3].leans
    assert asked.relevance(evidence.vectors).argmax() == 3  # the best words, but it leans on what leans
    assert newsfuse.pipeline.default().newsfuse.answer(story, evidence, frozenset(), asked) == 4
