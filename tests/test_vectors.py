from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.vectors import MAX_POSTINGS, build


def test_cosine_and_neighbours_agree() -> None:
    story = story_of(
        [
            Article(id="a", text="The dam failed on Tuesday.\nEngineers inspected the bridge."),
            Article(id="b", text="On Tuesday the dam failed.\nThe school board met."),
        ]
    )
    vectors = build(story)
    assert abs(vectors.cosine(0, 2) - 1.0) < 1e-9
    assert vectors.neighbours(0, 0.5) == {2: vectors.cosine(0, 2)}
    assert vectors.article_count["dam"] == 2
    assert vectors.to_centroid(0) > vectors.to_centroid(3)


def test_very_common_terms_are_not_indexed() -> None:
    text = "\n".join(f"Officials said item {n} was counted." for n in range(MAX_POSTINGS + 5))
    vectors = build(story_of([Article(id="a", text=text)]))
    assert "offici" not in vectors.postings
    assert "item" not in vectors.postings
