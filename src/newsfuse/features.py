"""Features of each sentence of a story, the evidence the default summarizer weighs.

Every feature is computed from the whole story in time linear in its size, and none depends on casing or
on the preprocessing of any data set, so a model learned on one corpus transfers to real articles.
"""

from __future__ import annotations

import math
import re

from newsfuse.model import Story
from newsfuse.opinion import opinion_score
from newsfuse.vectors import Vectors

NUMBER = re.compile(r"\d")
QUOTE = re.compile(r"[\"“”]|``|''")

FEATURES = (
    "lead",  # 1 / (1 + index in article)
    "first",  # first sentence of its article
    "relative_position",  # index / sentences in article
    "log_words",
    "short",  # under 8 words
    "long",  # over 45 words
    "centrality",  # cosine to the story centroid
    "corroboration",  # share of the other articles that use the sentence's terms
    "content_density",  # content terms per word
    "has_number",
    "has_quote",
    "opinion",
    "question",
    "articles",  # log of the number of articles in the story
)


def corroboration(vectors: Vectors, i: int, articles: int) -> float:
    """Weighted share of the *other* articles that use this sentence's terms (0 for a single article)."""
    if articles < 2 or not vectors.weights[i]:
        return 0.0
    vector = vectors.weights[i]
    total = sum(vector.values())
    shared = sum(w * (vectors.article_count[t] - 1) for t, w in vector.items())
    return shared / (total * (articles - 1))


def featurize(story: Story, vectors: Vectors) -> list[list[float]]:
    """One row of ``FEATURES`` per sentence of the story."""
    per_article: dict[str, int] = {}
    for sentence in story.sentences:
        per_article[sentence.article] = per_article.get(sentence.article, 0) + 1
    n_articles = len(story.articles)
    rows = []
    for i, s in enumerate(story.sentences):
        n_words = max(s.words, 1)
        rows.append(
            [
                1.0 / (1 + s.index),
                float(s.index == 0),
                s.index / per_article[s.article],
                math.log(n_words),
                float(n_words < 8),
                float(n_words > 45),
                vectors.to_centroid(i),
                corroboration(vectors, i, n_articles),
                len(vectors.weights[i]) / n_words,
                float(bool(NUMBER.search(s.text))),
                float(bool(QUOTE.search(s.text))),
                opinion_score(s.text),
                float(s.text.rstrip(" \"'”’").endswith("?")),
                math.log(n_articles),
            ]
        )
    return rows
