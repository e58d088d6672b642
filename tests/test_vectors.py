import numpy as np
import pytest

from newsfuse.evidence import gather
from newsfuse.model import Article
from newsfuse.pipeline import story_of
from newsfuse.vectors import MAX_POSTINGS


def test_cosine_similarities_and_neighbours_agree() -> None:
    story = story_of(
        [
            Article(id="a", text="The dam failed on Tuesday.\nEngineers inspected the bridge."),
            Article(id="b", text="On Tuesday the dam failed.\nThe school board met."),
        ]
    )
    vectors = gather(story).vectors
    assert abs(vectors.cosine(0, 2) - 1.0) < 1e-9
    assert vectors.neighbours(0, 0.5) == {2: pytest.approx(vectors.cosine(0, 2))}
    np.testing.assert_allclose(vectors.similarities(1), [vectors.cosine(1, j) for j in range(4)])
    dam = gather(story).tokens.stems.index("dam")
    assert vectors.article_count[dam] == 2
    central = vectors.to_centroid()
    assert central[0] > central[3]


def test_rows_have_unit_length() -> None:
    story = story_of([Article(id="a", text="Rain fell on the town. The river rose fast and the river flooded.")])
    vectors = gather(story).vectors
    for i in range(vectors.sentences):
        assert abs(vectors.cosine(i, i) - 1.0) < 1e-9


def test_very_common_terms_are_left_out_of_the_search() -> None:
    text = "\n".join(f"Officials said item {n} was counted." for n in range(MAX_POSTINGS + 5))
    vectors = gather(story_of([Article(id="a", text=text)])).vectors
    assert vectors.neighbours(0, 0.01) == {}  # only the common terms are shared
    assert vectors.similarities(0)[1] > 0.0  # ... which a full similarity still counts


def test_coverage_is_the_share_of_a_sentences_words_another_holds_however_long() -> None:
    story = story_of(
        [
            Article(id="a", text="The council approved the flood barrier.\nThe mayor opened a library."),
            Article(id="b", text="After a debate that ran past midnight and a protest outside the hall, the council "
                    "approved the flood barrier, which will take years to build."),
        ]
    )  # fmt: skip
    vectors = gather(story).vectors
    short, other, long = 0, 1, 2
    share, count = vectors.coverage(short)
    assert share[long] == pytest.approx(1.0) and count[long] == 4  # council, approv, flood, barrier
    assert vectors.coverage(long)[0][short] < 0.5  # but the long one says much more
    assert share[long] > vectors.cosine(short, long)
    assert share[other] == 0.0 and count[other] == 0
