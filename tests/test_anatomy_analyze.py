"""The analysis end to end through the Python API, on the built-in example and on small stories."""

from __future__ import annotations

import pytest

import newsfuse
from newsfuse.anatomy.report import analysis_json, analysis_markdown
from newsfuse.ingest import load
from newsfuse.pipeline import story_of, usable
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def example_analysis(ner: object) -> newsfuse.Analysis:
    articles, _ = usable(load([str(EXAMPLE)]), False, "example")
    return newsfuse.anatomy.analyze_story(story_of(articles), ner)


def test_every_field_on_the_example(example_analysis: newsfuse.Analysis) -> None:
    a = example_analysis
    texts = {x.id: x.text for x in a.articles}
    people = {e.name for e in a.entities if e.type == "person"}
    assert {"Dana Whitfield", "Tom Brandt", "Carl Dempsey", "Elena Park"} <= people
    assert {e.name for e in a.entities if e.type == "place"} >= {"Alder Falls", "Harlan County"}
    speakers = {(q.where.article, q.speaker) for q in a.quotes}
    assert ("wire", "Dana Whitfield") in speakers and ("newspaper", "Carl Dempsey") in speakers
    for q in a.quotes:
        assert texts[q.where.article][q.where.start : q.where.end] == q.text
    tuesday = [e for e in a.timeline if e.expression == "on Tuesday afternoon"]
    assert tuesday and tuesday[0].start == "2026-11-03" and set(tuesday[0].sources) == {"blog", "newspaper", "wire"}
    assert [e.start for e in a.timeline if e.start] == sorted(e.start for e in a.timeline if e.start)
    conflicts = {c.quantity: {(f.where.article, f.value) for f in c.figures} for c in a.conflicts}
    assert conflicts["people killed"] == {("wire", 3), ("newspaper", 4)}  # the blog wrote a day later
    assert conflicts["people injured"] == {("wire", 14), ("newspaper", 16)}
    lead = next(f for f in a.facts if f.text.startswith("Gov. Elena Park declared"))
    assert set(lead.reported_by) == {"blog", "newspaper", "wire"}  # the blog says it in other words
    coroner = next(f for f in a.facts if "Ben Ortiz" in f.text)
    assert coroner.single_source and coroner.reported_by == ("newspaper",)
    assert a.opinion_share["blog"] >= 0.4 and a.opinion_share["wire"] == 0.0
    assert all(not j.opinion for j in a.opinion if j.where.article != "blog")


def test_opinion_is_never_in_the_facts_nor_in_the_brief(example_analysis: newsfuse.Analysis) -> None:
    opinion = {(j.where.article, j.where.sentence) for j in example_analysis.opinion if j.opinion}
    assert opinion and not opinion & {(f.where.article, f.where.sentence) for f in example_analysis.facts}
    brief = newsfuse.summarize([{"id": p.stem, "text": p.read_text()} for p in sorted(EXAMPLE.iterdir())], 2000)
    cited = {(c.article, c.sentence) for s in brief.sentences for c in s.sources}
    assert not cited & opinion


def test_json_and_markdown_reports(example_analysis: newsfuse.Analysis) -> None:
    data = analysis_json(example_analysis)
    assert set(data) == {
        "articles", "entities", "quotes", "timeline", "figures", "conflicts", "facts", "opinion", "warnings",
        "language", "skipped",
    }  # fmt: skip
    assert data["language"] == "en" and data["skipped"] == []
    assert data["quotes"][0]["where"].keys() == {"article", "sentence", "start", "end"}
    report = analysis_markdown(example_analysis)
    for heading in ("## Sources", "## Who and where", "## Who said what", "## Timeline", "## Figures",
                    "## Corroboration", "## Opinion"):  # fmt: skip
        assert heading in report
    assert "**people killed**" in report and "**Dana Whitfield**" in report


def test_api_with_plain_text_skips_bad_articles_and_warns(ner: object) -> None:
    story = "Prime Minister Nouri al-Maliki said on Friday that the attack killed 23 people in Baghdad."
    analysis = newsfuse.analyze([story, "   "], ner=ner)
    assert {e.name for e in analysis.entities} >= {"Nouri al-Maliki", "Baghdad"}
    assert any("skipped" in w for w in analysis.warnings)
    assert any("only one source" in w for w in analysis.warnings)
    assert any("no publication date" in w for w in analysis.warnings)
    with pytest.raises(newsfuse.InputError, match="articles"):
        newsfuse.analyze([story, "   "], strict=True, ner=ner)
    with pytest.raises(newsfuse.InputError):
        newsfuse.analyze([], ner=ner)


def test_real_text_errors_on_a_fictional_story(ner: object) -> None:
    """The four errors issue 13 found on a real pair of articles, on text of our own."""
    text = (
        "The premier of Vellmar asked the U.S. for drones and advisers on Wednesday. The premier will press the "
        "request at his meeting Friday with the president. The US withdrew its last troops from Vellmar in 2011.\n"
        "“The militias have regrouped faster than anyone expected,” said Dr. Mara Lindqvist, who leads the "
        "Harbor Policy Institute. Jonas Pell of the U.S. Institute of Peace said the U.S. had few options left.\n"
        "Senators Ruth Calder and Tom Baines urged the president to press the premier on the militias.\n"
        "“The premier must show that he governs for every citizen of his country,” they wrote in a letter."
    )
    analysis = newsfuse.analyze([{"id": "a", "text": text, "published": "2013-08-15"}], ner=ner)
    quotes = analysis_json(analysis)["quotes"]
    assert [(q["speaker"], q["speaker_is_entity"], q["group"]) for q in quotes] == [
        ("Mara Lindqvist", True, []),
        ("Ruth Calder and Tom Baines", False, ["Ruth Calder", "Tom Baines"]),
    ]
    institute = next(e for e in analysis.entities if e.name == "U.S. Institute of Peace")
    assert institute.mentions == {"a": 1}
    meeting = next(e for e in analysis.timeline if "his meeting Friday" in e.sentence)
    assert meeting.start == "2013-08-16"


def test_a_fact_told_inside_a_longer_sentence_is_corroborated_but_not_by_another_figure(ner: object) -> None:
    story = story_of([
        newsfuse.Article(id="wire", text="The Tarn council approved the Halvik flood barrier on Monday, officials "
                         "said.\nNine families were moved out of the Halvik district."),
        newsfuse.Article(id="paper", text="After a debate that ran past midnight and a protest by fishermen outside "
                         "the hall, the Tarn council approved the Halvik flood barrier, which will take six years to "
                         "build.\nFourteen families were moved out of the Halvik district."),
    ])  # fmt: skip
    analysis = newsfuse.anatomy.analyze_story(story, ner)  # by words alone: no same-fact judge to call a conflict
    reported = {f.text.split(",")[0]: f.reported_by for f in analysis.facts if f.where.article == "wire"}
    assert reported["The Tarn council approved the Halvik flood barrier on Monday"] == ("wire", "paper")
    assert reported["Nine families were moved out of the Halvik district."] == ("wire",)


def test_the_same_report_with_other_figures_is_a_conflict_in_any_language(ner) -> None:
    """Outlets that tell one report in the same words but for its figure disagree, in Spanish as in English."""
    first = "Al menos 54 personas resultaron heridas en el terremoto de Valdoria, según el gobierno regional."
    second = "Al menos 61 personas resultaron heridas en el terremoto de Valdoria, según el gobierno regional."
    analysis = newsfuse.analyze([{"id": "uno", "text": first}, {"id": "dos", "text": second}], ner=ner)
    assert [(c.quantity, c.how, sorted(f.value for f in c.figures)) for c in analysis.conflicts] == [
        ("personas", "words", [54, 61])
    ]
    assert all(not f.reported_by[1:] for f in analysis.facts)  # neither corroborates the other
    years = [{"id": "uno", "text": "La policía registró 120 homicidios en 2025 en la región."},
             {"id": "dos", "text": "La policía registró 95 homicidios en 2024 en la región."}]  # fmt: skip
    assert newsfuse.analyze(years, ner=ner).conflicts == ()  # two years' counts: no disagreement


def test_a_story_in_two_languages_reads_each_article_s_figures_its_own_way_and_says_so(ner) -> None:
    articles = [
        {"id": "en1", "text": "About 3,000 people fled the fire near Valfleuri on Tuesday, officials said."},
        {"id": "en2", "text": "The fire near Valfleuri forced about 3,000 people from their homes on Tuesday."},
        {
            "id": "fr",
            "text": "Environ 3 000 personnes ont fui l'incendie près de Valfleuri mardi, selon la préfecture.",
        },
    ]
    analysis = newsfuse.analyze(articles, ner=ner)
    assert {(f.where.article, f.value) for f in analysis.figures} >= {("en1", 3000), ("fr", 3000)}
    assert any(w.startswith("1 article(s) in French read by the English rules") for w in analysis.warnings)


def test_one_outlets_versions_of_a_story_are_one_source(ner: object) -> None:
    """Two versions of one wire story corroborate nothing: a fact only they report is single-source, and the JSON
    names the outlets beside the articles."""
    wire = "The fire at the Harbor Street warehouse killed 12 workers on Friday, the fire chief said."
    drums = "Investigators found 40 drums of solvent in the basement of the Harbor Street warehouse on Saturday."
    articles = [
        {"id": "ap-1", "source": "Associated Wire", "text": f"{wire}\n{drums}"},
        {"id": "ap-2", "source": "Associated Wire", "text": f"{wire}\nCranes cleared the roof.\n{drums}"},
        {"id": "times", "source": "Harbor Times", "text": "A fire at the Harbor Street warehouse killed 12 workers."},
    ]
    analysis = newsfuse.analyze(articles, ner=ner)
    fact = next(f for f in analysis.facts if f.where.article == "ap-1" and f.text == wire)
    assert fact.reported_by == ("ap-1", "ap-2", "times") and fact.outlets == ("Associated Wire", "Harbor Times")
    assert not fact.single_source
    only_wire = [f for f in analysis.facts if f.reported_by == ("ap-1", "ap-2")]
    assert only_wire and all(f.single_source and f.outlets == ("Associated Wire",) for f in only_wire)
    assert analysis_json(analysis)["facts"][0].keys() == {"text", "where", "reported_by", "outlets", "single_source"}


def test_speakers_that_real_wire_copy_confused(ner: object) -> None:
    """ "He said" after a sentence about someone means its subject, even where the model missed the subject's name
    there and found only the object's; "Ms. He" is a surname (He Xintong's), no "she"; a family name said first
    ("Xu Wenli") is the name "Xu" means alone."""
    text = (
        "President Raul Barrios met the unions on Friday.\n"
        "But in an interview last month, Barrios seemed more intent on praising Tan than on prodding him. "
        "“We have to admire Lucio Tan,” he said.\n"
        "Xu Wenli, a veteran dissident, was arrested on Monday. His wife, He Xintong, said the police came at "
        "night. “We felt something was going to happen,” Ms. He said. Xu was held in Beijing."
    )
    analysis = newsfuse.analyze([{"id": "a", "text": text, "published": "1998-12-01"}], ner=ner)
    speakers = {q.text: q.speaker for q in analysis.quotes}
    assert speakers["We have to admire Lucio Tan"] == "Raul Barrios"
    assert speakers["We felt something was going to happen"] in ("He Xintong", "He")
    xu = next(e for e in analysis.entities if e.name == "Xu Wenli")
    assert "Xu" in xu.variants


def test_a_short_form_the_text_defines_is_its_names(ner: object) -> None:
    """ "Philippine Airlines (PAL)": every later "PAL", which the model did not find, is the airline's mention."""
    text = ("Philippine Airlines (PAL) will resume flights on Friday, officials said.\n"
            "PAL has 5,000 workers and owes its creditors $2 billion.")  # fmt: skip
    analysis = newsfuse.analyze([{"id": "a", "text": text, "published": "1998-12-01"}], ner=ner)
    airline = next(e for e in analysis.entities if e.name == "Philippine Airlines")
    assert "PAL" in airline.variants and airline.mentions == {"a": 3} and airline.type == "organisation"
