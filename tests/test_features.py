import pytest

from newsfuse.evidence import gather
from newsfuse.features import FEATURES, body_positions, featurize, is_heading
from newsfuse.model import Article
from newsfuse.pipeline import story_of

ARTICLES = [
    Article(
        id="a", text='The dam on Marlow Creek failed on Tuesday.\nA parade was held. "Is it over?"\nWe must act now.'
    ),
    Article(id="b", text="The Marlow Creek dam failed on Tuesday, killing 3.\nThe school board met on Monday."),
]


def rows() -> dict[str, dict[str, float]]:
    story = story_of(ARTICLES)
    return {
        s.text: dict(zip(FEATURES, row, strict=True))
        for s, row in zip(story.sentences, featurize(story, gather(story)).tolist(), strict=True)
    }


def test_one_row_per_sentence_with_every_feature() -> None:
    found = rows()
    assert len(found) == 6
    assert all(len(row) == len(FEATURES) for row in found.values())


def test_position_corroboration_and_cues() -> None:
    found = rows()
    lead = found["The dam on Marlow Creek failed on Tuesday."]
    parade = found["A parade was held."]
    assert lead["first"] == 1.0 and lead["lead"] == 1.0 and parade["lead"] == 0.5
    assert lead["corroboration"] > parade["corroboration"] == 0.0
    assert lead["bigram_corroboration"] > 0.0
    assert found["The Marlow Creek dam failed on Tuesday, killing 3."]["has_number"] == 1.0
    assert found['"Is it over?"']["question"] == 1.0 and found['"Is it over?"']["has_quote"] == 1.0
    assert found["We must act now."]["opinion"] >= 0.5


@pytest.mark.parametrize("name", ["centrality", "article_centrality", "frequency", "concept_density"])
def test_story_wide_features_are_relative_to_the_story(name: str) -> None:
    small = [row[name] for row in rows().values()]
    assert max(small) == pytest.approx(1.0)
    big = story_of(ARTICLES * 20)
    values = featurize(big, gather(big))[:, FEATURES.index(name)]
    assert max(values) == pytest.approx(1.0) and min(values) >= 0.0


def test_a_headline_left_in_the_text_shares_position_zero_with_the_lead() -> None:
    story = story_of(
        [
            Article(id="h", text="Dam fails in Alder Falls\nThe dam failed on Tuesday.\nThree people died."),
            Article(id="p", text="The dam failed on Tuesday.\nThree people died."),
        ]
    )
    assert body_positions(story) == [0, 0, 1, 0, 1]
    assert is_heading("Dam fails in Alder Falls") and not is_heading("The dam failed on Tuesday.")
