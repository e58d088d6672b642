import json

import pytest

import newsfuse
from newsfuse.render import render
from tests.conftest import EXAMPLE


def example_records() -> list[dict]:
    return [
        {"id": "wire", "title": "Dam fails", "text": (EXAMPLE / "wire.txt").read_text(), "source": "AWS"},
        {"id": "paper", "text": (EXAMPLE / "newspaper.html").read_text()},
        {"id": "blog", "text": (EXAMPLE / "blog.html").read_text()},
    ]


def test_summarize_returns_an_attributed_brief() -> None:
    brief = newsfuse.summarize(example_records(), words=120)
    assert isinstance(brief, newsfuse.Brief)
    assert 0 < brief.words <= 120
    assert brief.method == "newsfuse"
    articles = {a.id: a for a in brief.articles}
    assert articles["paper"].source == "The Harlan Courier"
    for sentence in brief.sentences:
        for c in sentence.sources:
            assert articles[c.article].text[c.start : c.end] == sentence.text


def test_summarize_accepts_plain_strings_and_methods() -> None:
    texts = [(EXAMPLE / "wire.txt").read_text(), "Officials said the dam on Marlow Creek failed on Tuesday."]
    assert newsfuse.summarize(texts, words=60, method="lexrank").method == "lexrank"


def test_bad_articles_are_skipped_with_a_warning_or_raised_when_strict() -> None:
    records = [*example_records(), {"id": "x", "text": "   "}]
    brief = newsfuse.summarize(records, words=50)
    assert any("articles[3]" in w and "empty article" in w for w in brief.warnings)
    with pytest.raises(newsfuse.InputError, match=r"articles\[3\]: empty article"):
        newsfuse.summarize(records, strict=True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"articles": []}, "no usable articles"),
        ({"articles": [{"text": "The dam failed on Tuesday."}], "words": 0}, "positive whole number"),
        ({"articles": [{"text": "The dam failed on Tuesday."}], "method": "nope"}, "unknown method"),
        # one article where a list of them is expected: not each character or key taken for an article
        ({"articles": "The dam failed on Tuesday night."}, r"articles: expected a list of articles, not one str"),
        ({"articles": {"id": "wire", "text": "The dam failed."}}, "expected a list of articles, not one dict"),
        ({"articles": None}, "expected a list of articles, not one NoneType"),
        ({"articles": [newsfuse.Article(id="x", text="The dam failed.", title=None)]}, r"\[0\]: field 'title' must be"),
        ({"articles": [newsfuse.Article(id="x", text=5)]}, r"articles\[0\]: field 'text' must be a string, not int"),
    ],
)
def test_api_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(newsfuse.InputError, match=message):
        newsfuse.summarize(**kwargs)


def test_render_json_round_trips() -> None:
    brief = newsfuse.summarize(example_records(), words=80)
    data = json.loads(render(brief, "json"))
    assert data["summary"] == brief.summary
    assert [s["corroborated_by"] for s in data["sentences"]] == [list(s.corroborated_by) for s in brief.sentences]
    assert "text" not in data["articles"][0]
    assert "text" in json.loads(render(brief, "json", include_text=True))["articles"][0]


def test_an_article_object_may_give_its_date_as_a_date() -> None:
    import datetime

    text = "The Marlow Creek dam failed on Tuesday night, flooding 300 homes in Alder Falls, officials said."
    article = newsfuse.Article(id="wire", text=text, published=datetime.date(2026, 3, 4))
    assert newsfuse.summarize([article]).articles[0].published == "2026-03-04"
    assert newsfuse.analyze([article]).articles[0].published == "2026-03-04"
