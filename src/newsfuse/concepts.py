"""Concepts: the word pairs a story's sentences share, and how likely a human brief is to mention each.

A concept is a pair of adjacent stemmed words, not both stopwords ("dam fail", "the dam", "300 home"): the
unit of the strongest classic multi-document summarizers (Gillick and Favre, 2009), which pick sentences to
cover the concepts many articles share. Instead of their raw document frequency, each concept gets the
probability that a reference summary contains it, from an additive model over features that are relative to
the story (share of articles that use it, earliest position, capitalisation, …), so that the same model holds
for two articles or twenty-five.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from newsfuse.arrays import distinct
from newsfuse.model import Story
from newsfuse.tokens import Tokens, openings

FEATURES = (
    "df_share",  # share of the story's articles that use the concept
    "log_df",  # log(1 + articles that use it)
    "log_tf",  # log(1 + sentences that use it)
    "tf_relative",  # log_tf over the story's largest log_tf
    "first_relative",  # earliest relative position (sentence index / sentences in its article)
    "first_absolute",  # 1 / (1 + earliest sentence index)
    "lead_share",  # share of articles that use it in their first two sentences
    "log_articles",  # log of the number of articles in the story
    "number",  # starts with a figure
    "has_stopword",  # one of the pair is a stopword ("the dam")
    "mean_relative",  # mean relative position of the sentences that use it
    "single",  # the story is a single article
    "capital",  # share of uses written with a capital (a name)
    "min_part",  # the smaller share of articles that use either word on its own
    "max_part",  # the larger one
    "sentence_share",  # share of the story's sentences that use it
    "title_share",  # share of the story's articles whose title uses it
)


@dataclass(frozen=True)
class Concepts:
    """The story's concepts and, per sentence, which of them it holds (CSR: ``indptr`` into ``concept``)."""

    keys: np.ndarray  # per concept: first stem id * len(stems) + second stem id
    indptr: np.ndarray
    concept: np.ndarray  # per (sentence, concept) entry: concept id, sentences in order
    features: np.ndarray  # one row of FEATURES per concept

    @cached_property
    def rows(self) -> np.ndarray:
        """Per (sentence, concept) entry: its sentence."""
        return np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))

    def of(self, i: int) -> np.ndarray:
        return self.concept[self.indptr[i] : self.indptr[i + 1]]


def _min_by(groups: np.ndarray, values: np.ndarray, size: int, fill: float) -> np.ndarray:
    out = np.full(size, fill)
    np.minimum.at(out, groups, values)
    return out


def find(story: Story, tokens: Tokens, article: np.ndarray) -> Concepts:
    """Every concept of the story with its features (all NumPy over the story's token pairs)."""
    n, stems = tokens.sentences, max(len(tokens.stems), 1)
    sentence = tokens.sentence
    pair = np.flatnonzero(
        (sentence[:-1] == sentence[1:]) & (tokens.content[:-1] | tokens.content[1:])
    )  # token k and k + 1
    keys = tokens.stem[pair] * stems + tokens.stem[pair + 1]
    # The capital of a pair is its first word's, except at the start of a sentence, where every word has one.
    first = openings(tokens.sentence_start, len(sentence))
    capital = np.where(first[pair], tokens.capital[pair + 1], tokens.capital[pair])
    occurrence = sentence[pair] * (stems * stems) + keys
    unique, where = np.unique(occurrence, return_index=True)  # one use per sentence, sentence-major
    rows, keys, capital = unique // (stems * stems), keys[where], capital[where]
    stopword = ~(tokens.content[pair] & tokens.content[pair + 1])[where]
    concept_keys, concept = np.unique(keys, return_inverse=True)
    size = len(concept_keys)

    n_articles = max(len(story.articles), 1)
    index = np.fromiter((s.index for s in story.sentences), np.float64, n)
    per_article = np.bincount(article, minlength=n_articles).astype(np.float64)
    relative = index / np.maximum(per_article[article], 1)

    tf = np.bincount(concept, minlength=size).astype(np.float64)
    df = np.bincount(distinct(concept * n_articles + article[rows]) // n_articles, minlength=size)
    early = rows[index[rows] < 2]
    early_concept = concept[index[rows] < 2]
    lead = np.bincount(distinct(early_concept * n_articles + article[early]) // n_articles, minlength=size)
    content = tokens.content
    word_df = np.bincount(  # articles that use each stem as a content word (0 for stopwords)
        distinct(tokens.stem[content] * n_articles + article[sentence[content]]) // n_articles, minlength=stems
    )
    parts = np.stack([word_df[concept_keys // stems], word_df[concept_keys % stems]]) / n_articles
    log_tf = np.log1p(tf)
    titled = tokens.title_article
    in_title = np.flatnonzero((titled[:-1] == titled[1:]) & (tokens.title_content[:-1] | tokens.title_content[1:]))
    title_keys = distinct(titled[in_title] * (stems * stems) + tokens.title_stem[in_title] * stems
                           + tokens.title_stem[in_title + 1]) % (stems * stems)  # fmt: skip
    titles = np.searchsorted(concept_keys, title_keys)
    known = titles < size
    known[known] = concept_keys[titles[known]] == title_keys[known]
    title_count = np.bincount(titles[known], minlength=size)
    features = np.column_stack(
        [
            df / n_articles,
            np.log1p(df),
            log_tf,
            log_tf / (log_tf.max() if size else 1.0),
            _min_by(concept, relative[rows], size, 1.0),
            1.0 / (1.0 + _min_by(concept, index[rows], size, np.inf)),
            lead / n_articles,
            np.full(size, np.log(n_articles)),
            np.array([s[:1].isdigit() for s in tokens.stems], dtype=np.float64)[concept_keys // stems],
            np.bincount(concept, weights=stopword, minlength=size) > 0,
            np.bincount(concept, weights=relative[rows], minlength=size) / np.maximum(tf, 1),
            np.full(size, float(n_articles == 1)),
            np.bincount(concept, weights=capital, minlength=size) / np.maximum(tf, 1),
            parts.min(axis=0),
            parts.max(axis=0),
            tf / max(n, 1),
            title_count / n_articles,
        ]
    ).astype(np.float64)
    return Concepts(
        keys=concept_keys,
        indptr=np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]),
        concept=concept,
        features=features.reshape(size, len(FEATURES)),
    )
