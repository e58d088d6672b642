"""Features of each sentence of a story, the evidence the sentence scorer weighs, as columns over the story.

None depends on casing or on the preprocessing of any data set, and none grows with the size of the story
(similarities and frequencies are relative to the story's maximum), so a model learned on short clusters
holds on full-length ones.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from newsfuse.evidence import Evidence
from newsfuse.model import Story

NUMBER = re.compile(r"\d")
QUOTE = re.compile(r"[\"“”]|``|''")
TERMINAL = re.compile(r"[.!?。！？؟।…][\"'”’)\]»」』]*\s*$")  # a full stop in any script, closing marks after it

FEATURES = (
    "lead",  # 1 / (1 + position in article), headings at the top sharing position 0 with the lead
    "first",  # the lead sentence of its article (or a heading above it)
    "relative_position",  # position / sentences in article
    "log_words",
    "short",  # under 8 words
    "long",  # over 45 words
    "complete",  # ends like a complete sentence, or is a heading at the top (not a cut-off fragment or a label)
    "word_share",  # share of tokens that are words rather than figures
    "centrality",  # cosine to the story centroid, relative to the story's most central sentence
    "article_centrality",  # cosine of the sentence's article to the story centroid, relative to the best article
    "lead_similarity",  # cosine to the first sentence of its article
    "corroboration",  # weighted share of the other articles that use the sentence's terms
    "bigram_corroboration",  # share of its concepts (word pairs) that other articles use too
    "content_density",  # content terms per word
    "frequency",  # mean log story-wide count of the sentence's terms over the log of the top count (SumBasic)
    "has_number",
    "has_quote",
    "opinion",
    "question",
    "articles",  # log of the number of articles in the story
    "article_share",  # the article's share of the story's words
    "concept_density",  # summed document frequency of its concepts per word, relative to the story's maximum
)


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


def relative(values: np.ndarray) -> np.ndarray:
    top = values.max(initial=0.0)
    return values / top if top > 0 else np.zeros_like(values)


def _per_sentence(evidence: Evidence, per_entry: np.ndarray) -> np.ndarray:
    vectors = evidence.vectors
    return np.bincount(vectors.rows, weights=per_entry, minlength=vectors.sentences)


def _article_centrality(evidence: Evidence) -> np.ndarray:
    """Per sentence: cosine of its whole article's vector to the story centroid, relative to the best article."""
    vectors, article = evidence.vectors, evidence.article
    stems = len(vectors.centroid)
    keys, summed = np.unique(article[vectors.rows] * stems + vectors.term, return_inverse=True)
    weight = np.bincount(summed, weights=vectors.weight)
    owner = keys // stems
    articles = int(article.max(initial=-1)) + 1
    norms = np.sqrt(np.bincount(owner, weights=weight * weight, minlength=articles))
    dots = np.bincount(owner, weights=weight * vectors.centroid[keys % stems], minlength=articles)
    return relative(dots / np.where(norms > 0, norms, 1.0))[article]


def _lead_similarity(story: Story, evidence: Evidence, positions: list[int]) -> np.ndarray:
    first: dict[str, int] = {}
    for i, sentence in enumerate(story.sentences):
        if positions[i] == 0 and not is_heading(sentence.text):
            first.setdefault(sentence.article, i)
    for i, sentence in enumerate(story.sentences):
        first.setdefault(sentence.article, i)
    result = np.zeros(len(story.sentences))
    for lead in first.values():
        own = evidence.article == evidence.article[lead]
        result[own] = evidence.vectors.similarities(lead)[own]
    return result


def featurize(story: Story, evidence: Evidence) -> np.ndarray:
    """One row of ``FEATURES`` per sentence of the story."""
    n = len(story.sentences)
    if not n:
        return np.zeros((0, len(FEATURES)))
    vectors, tokens = evidence.vectors, evidence.tokens
    positions = body_positions(story)
    position = np.array(positions, dtype=np.float64)
    words = np.array([max(s.words, 1) for s in story.sentences], dtype=np.float64)
    per_article = np.bincount(evidence.article).astype(np.float64)
    article_words = np.array([a.words for a in story.articles], dtype=np.float64)
    texts = [s.text for s in story.sentences]
    n_articles = len(story.articles)
    entry_articles = vectors.article_count[vectors.term]
    weight_sum = _per_sentence(evidence, vectors.weight)
    shared = _per_sentence(evidence, vectors.weight * (entry_articles - 1))
    corroboration = (
        shared / np.where(weight_sum > 0, weight_sum, 1.0) / (n_articles - 1) if n_articles > 1 else np.zeros(n)
    )
    terms = np.diff(vectors.indptr).astype(np.float64)
    top_count = np.log1p(vectors.term_count.max(initial=0)) or 1.0
    frequency = _per_sentence(evidence, np.log1p(vectors.term_count[vectors.term])) / np.maximum(terms, 1)
    concepts = evidence.concepts
    concept_rows = concepts.rows
    concept_df = np.expm1(concepts.features[:, 1]) if len(concepts.keys) else np.zeros(0)
    in_concepts = np.maximum(np.diff(concepts.indptr), 1)
    shared_pairs = np.bincount(concept_rows, weights=concept_df[concepts.concept] > 1, minlength=n)
    density = np.bincount(concept_rows, weights=concept_df[concepts.concept], minlength=n) / words
    token_words = np.maximum(tokens.words(), 1)
    alphabetic = np.bincount(tokens.sentence, weights=tokens.alphabetic, minlength=n) / token_words
    columns = [
        1.0 / (1.0 + position),
        position == 0,
        position / per_article[evidence.article],
        np.log(words),
        words < 8,
        words > 45,
        (position == 0) | np.array([bool(TERMINAL.search(t)) for t in texts]),
        np.where(tokens.words() > 0, alphabetic, 0.0),
        relative(vectors.to_centroid()),
        _article_centrality(evidence),
        _lead_similarity(story, evidence, positions),
        corroboration,
        shared_pairs / in_concepts,
        terms / words,
        frequency / top_count,
        np.array([bool(NUMBER.search(t)) for t in texts]),
        np.array([bool(QUOTE.search(t)) for t in texts]),
        np.array([j.score for j in evidence.opinion]),
        np.array([t.rstrip(" \"'”’»」").endswith(evidence.language.questions) for t in texts]),
        np.full(n, np.log(n_articles)),
        article_words[evidence.article] / max(article_words.sum(), 1.0),
        relative(density),
    ]
    return np.column_stack(columns).astype(np.float64)
