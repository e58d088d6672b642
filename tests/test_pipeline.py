import pytest

import newsfuse
from newsfuse.errors import InputError
from newsfuse.model import Article
from newsfuse.pipeline import Pipeline, clean_all

EARLIER = Article(
    id="monday",
    text="The Marlow Creek dam failed before dawn on Monday, flooding the town of Alder Falls.\n"
    "About 2,000 residents were forced from their homes, county officials said.",
)
LATER = Article(
    id="tuesday",
    text="The Marlow Creek dam failed before dawn on Monday, flooding the town of Alder Falls.\n"
    "Engineers said on Tuesday that a second inspection had found cracks in the foundations of two other dams.\n"
    "The governor ordered both dams drained by Friday while repairs are planned.",
)


def test_the_update_brief_tells_only_what_the_reader_does_not_know() -> None:
    pipeline = Pipeline()
    earlier, new = clean_all([EARLIER])[0], clean_all([LATER])[0]
    update = pipeline.update(earlier, new, 100, "since Monday")
    texts = [s.text for s in update.sentences]
    assert any("cracks in the foundations" in t for t in texts)
    assert not any("dam failed before dawn" in t for t in texts)  # told already, in other words or the same
    assert {c.article for s in update.sentences for c in s.sources} == {"tuesday"}
    assert "update: only what is new since Monday" in update.warnings
    nothing = pipeline.update(earlier, [], 100, "since Friday")
    assert nothing.sentences == () and nothing.warnings == ("no articles since Friday",)


def test_an_update_of_a_long_story_never_repeats_a_sentence_read_word_for_word() -> None:
    """In a story of more sentences than the near-copy search looks up a common term in, a copy made only of
    common words had no near neighbour: it came back in the update brief."""
    claims = "Insurance companies said claims could exceed 40 million dollars."
    earlier = [
        Article(id=f"a{n}", text=f"Report {n} on the dam failure at Alder Falls.\n{claims}") for n in range(1100)
    ]
    new = Article(id="new", text=f"{claims}\nEngineers found cracks in the foundations of two other dams on Friday.")
    pipeline = Pipeline()
    update = pipeline.update(clean_all(earlier)[0], clean_all([new])[0], 100, "since Thursday")
    texts = [s.text for s in update.sentences]
    assert claims not in texts and any("cracks in the foundations" in t for t in texts)


def test_the_module_api_reuses_one_pipeline() -> None:
    first = newsfuse.summarize([EARLIER, LATER], words=40)
    assert first.sentences and first.words <= 40
    from newsfuse.pipeline import default

    assert default() is default()
    with pytest.raises(InputError, match="unknown method"):
        newsfuse.summarize([EARLIER], method="gpt")


def test_import_newsfuse_does_not_import_the_pipeline_or_the_anatomy() -> None:
    import subprocess
    import sys

    code = "import sys, newsfuse; print('numpy' in sys.modules, 'newsfuse.anatomy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    code = (
        "import sys, newsfuse; newsfuse.summarize(['The dam failed on Tuesday and the town flooded fast.']); "
        "print(*(m in sys.modules for m in ('newsfuse.anatomy', 'spacy', 'trafilatura', 'dask', 'fastapi')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"] * 5


@pytest.mark.parametrize(("words", "note"), [(1, "no sentence fits in 1 word: "), (5, "no sentence fits in 5 words: ")])
def test_a_brief_over_its_budget_says_so(words: int, note: str) -> None:
    articles = [
        "An earthen dam on Marlow Creek gave way before dawn on Tuesday, flooding the town of Alder Falls.",
        "The Marlow Creek dam failed on Tuesday and the town of Alder Falls flooded, officials said.",
    ]
    short = newsfuse.summarize(articles, words=words)
    assert len(short.sentences) == 1 and any(w.startswith(note) for w in short.warnings)
    assert not any("no sentence fits" in w for w in newsfuse.summarize(articles, words=250).warnings)


def test_a_date_that_cannot_be_read_is_kept_and_said_not_dropped_silently() -> None:
    """A user's "11/03/2026" or Unix time would leave the article undated (no time window in stories): say so."""
    text = "The Marlow Creek dam failed on Tuesday night, flooding 300 homes in Alder Falls, officials said."
    given = [
        {"id": "us", "text": text, "published": "11/03/2026"},
        {"id": "unix", "text": text.replace("300", "310"), "published": 1793700000},
        {"id": "iso", "text": text.replace("300", "320"), "published": "2026-11-03T09:00:00Z"},
        {"id": "mail", "text": text.replace("300", "330"), "published": "Tue, 03 Nov 2026 09:00:00 GMT"},
        Article(id="far", text=text.replace("300", "340"), published="0001-01-01"),
    ]
    brief = newsfuse.summarize(given, words=60)
    undated = [w for w in brief.warnings if "is not a date newsfuse reads" in w]
    assert [w.split(":")[0] for w in undated] == ["articles[0]", "articles[1]", "far"]
    assert "published '11/03/2026'" in undated[0] and undated[0].endswith("the article counts as undated")
    kept = {a.id: a.published for a in brief.articles}
    assert kept["us"] == "11/03/2026" and kept["unix"] == "1793700000"  # kept as given, not dropped
    ahead = newsfuse.summarize([{"id": "typo", "text": text, "published": "2096-11-03"}], words=60).warnings
    assert "articles[0]: published 2096-11-03, in the future: kept as given" in " ".join(ahead)  # a typo, said


def test_two_articles_with_one_id_are_told_apart_and_cited_exactly() -> None:
    """A citation names its article by id: the later of two articles given one id is renamed, and a note says so."""
    first = Article(id="a", text="The Marlow Creek dam failed on Tuesday night, flooding 300 homes, officials said.")
    second = Article(id="a", text="Rescue crews pulled 14 people from rooftops as the water rose on Wednesday.")
    for given in ([first, second], [{"id": "a", "text": first.text}, {"id": "a", "text": second.text}]):
        brief = newsfuse.summarize(given, words=60)
        texts = {article.id: article.text for article in brief.articles}
        assert list(texts) == ["a", "a-2"]
        assert "two articles have the id 'a': the later one is 'a-2'" in brief.warnings
        for sentence in brief.sentences:
            assert all(texts[c.article][c.start : c.end] == sentence.text for c in sentence.sources)


@pytest.mark.parametrize("language", [5, ["fr"], "Klingon"])
def test_a_language_that_is_no_language_name_is_an_input_error(language: object) -> None:
    articles = ["The Marlow Creek dam failed on Tuesday night, flooding 300 homes in Alder Falls, officials said."]
    with pytest.raises(InputError, match="is not a language newsfuse reads"):
        newsfuse.summarize(articles, language=language)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not one newsfuse reads"):
        newsfuse.analyze(articles, language=language, strict=True)  # type: ignore[arg-type]


def test_wrong_objects_given_to_the_python_api_are_input_errors_naming_them() -> None:
    article = {"text": "The Marlow Creek dam failed on Tuesday night, flooding 300 homes in Alder Falls."}
    for call, field in (
        (lambda: Pipeline("x"), "newsfuse"),  # type: ignore[arg-type]
        (lambda: Pipeline(same=5), "same"),  # type: ignore[arg-type]
        (lambda: newsfuse.pipeline.default().brief([article]), "story"),  # type: ignore[arg-type]
        (lambda: newsfuse.pipeline.default().update([article], [article], 40, "x"), "articles"),  # type: ignore[list-item]
        (lambda: newsfuse.analyze([article], ner="en"), "ner"),  # type: ignore[arg-type]
        (lambda: newsfuse.load_ner("de"), "language"),
    ):
        with pytest.raises(InputError) as refused:
            call()
        assert refused.value.origin == field


def test_no_usable_article_among_many_is_one_readable_line() -> None:
    with pytest.raises(InputError) as refused:
        newsfuse.summarize(["   "] * 5000)
    message = str(refused.value)
    assert "no usable articles" in message and "and 4,997 more" in message and len(message) < 400
