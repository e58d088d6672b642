"""Features of each sentence of a story, the evidence the default summarizer weighs.

Every feature is computed from the whole story in time linear in its size. None depends on casing or on
the preprocessing of any data set, and none grows with the size of the story (similarities and frequencies
are relative to the story's maximum), so a model learned on short clusters transfers to full-length ones.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from newsfuse.model import Story
from newsfuse.opinion import opinion_score
from newsfuse.text import WORD
from newsfuse.vectors import Vectors

NUMBER = re.compile(r"\d")
QUOTE = re.compile(r"[\"“”]|``|''")
TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")

FEATURES = (
    "lead",  # 1 / (1 + position in article), headings at the top sharing position 0 with the lead
    "first",  # the lead sentence of its article (or a heading above it)
    "relative_position",  # position / sentences in article
    "log_words",
    "short",  # under 8 words
    "long",  # over 45 words
    "complete",  # ends like a complete sentence, or is a heading at the top (not a cut-off fragment or a label)
    "word_share",  # share of tokens that are words rather than symbols and numbers
    "centrality",  # cosine to the story centroid, relative to the story's most central sentence
    "article_centrality",  # cosine of the sentence's article to the story centroid, relative to the best article
    "lead_similarity",  # cosine to the first sentence of its article
    "corroboration",  # share of the other articles that use the sentence's terms
    "bigram_corroboration",  # share of its content bigrams that other articles use too
    "content_density",  # content terms per word
    "frequency",  # mean log story-wide count of the sentence's terms over the log of the top count (SumBasic)
    "has_number",
    "has_quote",
    "opinion",
    "question",
    "articles",  # log of the number of articles in the story
    "article_share",  # the article's share of the story's words
)


def corroboration(vectors: Vectors, i: int, articles: int) -> float:
    """Weighted share of the *other* articles that use this sentence's terms (0 for a single article)."""
    if articles < 2 or not vectors.weights[i]:
        return 0.0
    vector = vectors.weights[i]
    total = sum(vector.values())
    shared = sum(w * (vectors.article_count[t] - 1) for t, w in vector.items())
    return shared / (total * (articles - 1))


def bigram_corroboration(vectors: Vectors, i: int) -> float:
    pairs = vectors.bigrams[i]
    if not pairs:
        return 0.0
    return sum(vectors.bigram_articles[p] > 1 for p in pairs) / len(pairs)


def frequency(vectors: Vectors, i: int, top: float) -> float:
    terms = vectors.weights[i]
    if not terms:
        return 0.0
    return sum(math.log1p(vectors.term_count[t]) for t in terms) / len(terms) / top


def relative(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top if top > 0 else 0.0 for v in values]


def _article_centralities(story: Story, vectors: Vectors) -> dict[str, float]:
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for sentence, vector in zip(story.sentences, vectors.weights, strict=True):
        for term, weight in vector.items():
            sums[sentence.article][term] += weight
    result = {}
    for article, vector in sums.items():
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        result[article] = sum(w * vectors.centroid.get(t, 0.0) for t, w in vector.items()) / norm
    return dict(zip(result, relative(list(result.values())), strict=True))


def is_heading(text: str) -> bool:
    """A headline, kicker or section label: short and without a full stop."""
    return len(text.split()) <= 20 and not TERMINAL.search(text)


def body_positions(story: Story) -> list[int]:
    """Each sentence's position counted from its article's first body sentence.

    Headings at the top of an article (a headline left in the text) share position 0 with the lead, so a
    sentence's position means the same with or without a headline.
    """
    positions = []
    headings: dict[str, int] = defaultdict(int)
    for sentence in story.sentences:
        if sentence.index == headings[sentence.article] and is_heading(sentence.text):
            headings[sentence.article] += 1
            positions.append(0)
        else:
            positions.append(max(sentence.index - headings[sentence.article], 0))
    return positions


def featurize(story: Story, vectors: Vectors) -> list[list[float]]:
    """One row of ``FEATURES`` per sentence of the story."""
    positions = body_positions(story)
    per_article: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for i, sentence in enumerate(story.sentences):
        per_article[sentence.article] += 1
        if positions[i] == 0 and not is_heading(sentence.text):
            first.setdefault(sentence.article, i)
    for i, sentence in enumerate(story.sentences):
        first.setdefault(sentence.article, i)
    article_words = {a.id: a.words for a in story.articles}
    story_words = max(sum(article_words.values()), 1)
    article_central = _article_centralities(story, vectors)
    central = relative([vectors.to_centroid(i) for i in range(len(story.sentences))])
    top_count = math.log1p(max(vectors.term_count.values(), default=0)) or 1.0
    n_articles = len(story.articles)
    rows = []
    for i, s in enumerate(story.sentences):
        tokens = WORD.findall(s.text)
        n_words = max(s.words, 1)
        rows.append(
            [
                1.0 / (1 + positions[i]),
                float(positions[i] == 0),
                positions[i] / per_article[s.article],
                math.log(n_words),
                float(n_words < 8),
                float(n_words > 45),
                float(positions[i] == 0 or bool(TERMINAL.search(s.text))),
                sum(t.isalpha() for t in tokens) / max(len(tokens), 1),
                central[i],
                article_central.get(s.article, 0.0),
                vectors.cosine(i, first[s.article]),
                corroboration(vectors, i, n_articles),
                bigram_corroboration(vectors, i),
                len(vectors.weights[i]) / n_words,
                frequency(vectors, i, top_count),
                float(bool(NUMBER.search(s.text))),
                float(bool(QUOTE.search(s.text))),
                opinion_score(s.text),
                float(s.text.rstrip(" \"'”’").endswith("?")),
                math.log(n_articles),
                article_words.get(s.article, 0) / story_words,
            ]
        )
    return rows
