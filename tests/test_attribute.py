import pytest

import newsfuse
from newsfuse.attribute import attribute
from newsfuse.evidence import gather
from newsfuse.model import Article, Change
from newsfuse.pipeline import story_of
from newsfuse.select import Pick

WIRE_COPY = "The dam on Marlow Creek failed before dawn on Tuesday, flooding Alder Falls."
ARTICLES = [
    Article(id="wire", text=f"{WIRE_COPY}\nThe Corps will send engineers on Wednesday."),
    Article(id="paper", text=f"Dam fails\n{WIRE_COPY}\nA retired teacher was among the dead."),
    Article(id="blog", text="Before dawn on Tuesday the Marlow Creek dam failed, flooding Alder Falls.\nIt rained."),
    Article(id="other", text="The school board approved a new budget for the coming year."),
]


def test_wire_copy_cites_every_verbatim_copy_and_outlets_that_report_it() -> None:
    story = story_of(ARTICLES)
    [sentence] = attribute(story, gather(story), [Pick(0)])
    assert [(c.article, c.sentence) for c in sentence.sources] == [("wire", 0), ("paper", 1)]
    for citation in sentence.sources:
        assert story.article(citation.article).text[citation.start : citation.end] == WIRE_COPY
    assert sentence.corroborated_by == ("wire", "paper", "blog")


def test_single_source_content_is_corroborated_by_its_own_article_only() -> None:
    story = story_of(ARTICLES)
    index = next(i for i, s in enumerate(story.sentences) if s.text.startswith("A retired teacher"))
    [sentence] = attribute(story, gather(story), [Pick(index)])
    assert sentence.corroborated_by == ("paper",)


def test_a_cut_connective_is_cited_exactly_and_listed_as_changed() -> None:
    text = "The dam held for years.\nBut engineers warned in 2024 that the spillway was cracked."
    story = story_of([Article(id="a", text=text)])
    [sentence] = attribute(story, gather(story), [Pick(1, len("But "))])
    assert sentence.text == "Engineers warned in 2024 that the spillway was cracked."
    [source] = sentence.sources
    assert text[source.start : source.end] == "engineers warned in 2024 that the spillway was cracked."
    cut, capital = sentence.changes
    assert cut == Change(source.start - 4, source.start, "But ", "")
    assert capital == Change(source.start, source.start + len("engineers"), "engineers", "Engineers")
    assert text[capital.start : capital.end] == capital.was


def test_an_outlet_with_other_figures_is_a_conflict_not_a_corroboration() -> None:
    from newsfuse.attribute import CORROBORATION, agreeing
    from newsfuse.corroborate import Echoes
    from newsfuse.pipeline import story_from

    story = story_from(
        [
            "The Ridge fire burned 4,200 acres and destroyed 37 homes near Alder Falls, officials said.",
            "The Ridge fire burned 6,000 acres and destroyed 52 homes near Alder Falls, officials said.",
            "The Ridge fire burned 4,200 acres and destroyed homes near Alder Falls, county officials said.",
        ]
    )
    near = {1: CORROBORATION, 2: CORROBORATION}  # as near as corroboration asks: it tells the same content
    assert set(agreeing(story, 0, near, None)) == {2}  # 6,000 and 52 share no figure with 4,200 and 37
    assert set(agreeing(story, 0, near, Echoes({}, ((0, 2),)))) == set()  # and what the judge calls a conflict


@pytest.mark.parametrize(
    ("first", "second"),
    [  # "Four people were killed" is no corroboration of "Five people were killed"; "the three-time candidate"
        # counts nothing: 51 and 56 percent of the vote still disagree
        ("Five people were killed when the Marlow Creek dam failed on Tuesday, officials said.",
         "Four people were killed when the Marlow Creek dam failed on Tuesday, officials said."),
        ("Cardoso won 51 percent of the vote against Lula, the three-time candidate, on Sunday.",
         "Cardoso won 56 percent of the vote against Lula, the three-time candidate, on Sunday."),
    ],
)  # fmt: skip
def test_counts_spelled_out_disagree_as_digits_do_and_a_word_that_describes_is_no_count(
    first: str, second: str
) -> None:
    brief = newsfuse.summarize([{"id": "a", "text": first}, {"id": "b", "text": second}], words=40)
    assert [s.corroborated_by for s in brief.sentences] == [("a",)]


def test_single_source_in_the_json_counts_outlets_not_articles() -> None:
    """Two versions of one wire story are one source: their shared sentence is single-source in the JSON."""
    from newsfuse.render import brief_json

    wire = "The Marlow Creek dam failed before dawn on Tuesday, flooding 300 homes in Alder Falls."
    articles = [
        {"id": "ap-1", "source": "Associated Wire", "text": wire},
        {"id": "ap-2", "source": "Associated Wire", "text": f"{wire}\nCrews cleared the main road by noon."},
    ]
    [sentence] = [s for s in brief_json(newsfuse.summarize(articles, 20))["sentences"] if s["text"] == wire]
    assert sentence["corroborated_by"] == ["ap-1", "ap-2"] and sentence["outlets"] == ["Associated Wire"]
    assert sentence["single_source"]
    articles[1]["source"] = "Harbor Times"
    [sentence] = [s for s in brief_json(newsfuse.summarize(articles, 20))["sentences"] if s["text"] == wire]
    assert sentence["outlets"] == ["Associated Wire", "Harbor Times"] and not sentence["single_source"]
