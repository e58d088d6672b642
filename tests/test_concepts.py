import numpy as np
import pytest

from newsfuse.concepts import FEATURES
from newsfuse.evidence import gather
from newsfuse.model import Article
from newsfuse.pipeline import story_of

ARTICLES = [
    Article(id="a", text="The Marlow Creek dam failed on Tuesday.\nA parade was held downtown."),
    Article(id="b", text="Officials said the dam failed early.\nThe Marlow Creek dam failed, flooding 300 homes."),
]


def named(story_concepts, stems, first: str, second: str) -> dict[str, float]:
    size = len(stems)
    for k, key in enumerate(story_concepts.keys.tolist()):
        if (stems[key // size], stems[key % size]) == (first, second):
            return dict(zip(FEATURES, story_concepts.features[k], strict=True))
    raise KeyError((first, second))


def test_concepts_are_adjacent_pairs_not_both_stopwords() -> None:
    evidence = gather(story_of(ARTICLES))
    stems, size = evidence.tokens.stems, len(evidence.tokens.stems)
    pairs = {(stems[k // size], stems[k % size]) for k in evidence.concepts.keys.tolist()}
    assert {("dam", "fail"), ("the", "dam"), ("300", "home"), ("marlow", "creek")} <= pairs
    assert ("on", "the") not in pairs and ("was", "held") in pairs
    assert ("tuesday", "a") not in pairs  # never across sentences


def test_concept_features_are_relative_to_the_story() -> None:
    story = story_of(ARTICLES)
    evidence = gather(story)
    fail = named(evidence.concepts, evidence.tokens.stems, "dam", "fail")
    parade = named(evidence.concepts, evidence.tokens.stems, "a", "parad")
    assert fail["df_share"] == 1.0 and parade["df_share"] == 0.5
    assert fail["log_tf"] == pytest.approx(np.log1p(3)) and fail["first_absolute"] == 1.0
    assert fail["lead_share"] == 1.0 and parade["first_relative"] == 0.5
    assert parade["has_stopword"] == 1.0 and fail["has_stopword"] == 0.0
    creek = named(evidence.concepts, evidence.tokens.stems, "marlow", "creek")
    assert creek["capital"] == 1.0 and fail["capital"] == 0.0
    assert named(evidence.concepts, evidence.tokens.stems, "300", "home")["number"] == 1.0


def test_each_sentence_lists_its_concepts_once() -> None:
    evidence = gather(story_of([Article(id="a", text="The dam failed and the dam failed again.")]))
    held = evidence.concepts.of(0)
    assert len(held) == len(set(held.tolist())) == len(evidence.concepts.keys)
