"""Term vectors of a story's sentences, and similarity search that stays linear in the input size.

Weights are tf-idf over the story's sentences (a sentence is a "document" for idf). Neighbour search walks
an inverted index and skips terms so common that their posting lists would make it quadratic.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from newsfuse.model import Story
from newsfuse.text import content_terms, stemmer

MAX_POSTINGS = 1000  # terms in more sentences than this carry little meaning and would cost N² to compare


@dataclass(frozen=True)
class Vectors:
    weights: tuple[dict[str, float], ...]  # per sentence: term → tf-idf weight, unit length
    article_count: dict[str, int]  # term → number of articles that use it
    term_count: dict[str, int]  # term → occurrences in the whole story
    bigrams: tuple[frozenset[tuple[str, str]], ...]  # per sentence: pairs of adjacent content terms
    bigram_articles: dict[tuple[str, str], int]  # content bigram → number of articles that use it
    postings: dict[str, tuple[int, ...]]  # term → sentences that use it (rare enough terms only)
    centroid: dict[str, float]  # the story's mean vector, unit length

    def cosine(self, i: int, j: int) -> float:
        a, b = self.weights[i], self.weights[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(t, 0.0) for t, w in a.items())

    def to_centroid(self, i: int) -> float:
        return sum(w * self.centroid.get(t, 0.0) for t, w in self.weights[i].items())

    def neighbours(self, i: int, minimum: float) -> dict[int, float]:
        """Sentences whose cosine with sentence ``i`` is at least ``minimum`` (``i`` itself excluded)."""
        dots: dict[int, float] = defaultdict(float)
        for term, weight in self.weights[i].items():
            for j in self.postings.get(term, ()):
                if j != i:
                    dots[j] += weight * self.weights[j][term]
        return {j: d for j, d in dots.items() if d >= minimum}


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in vector.items()}


def build(story: Story) -> Vectors:
    stem = stemmer()
    sequences = [content_terms(s.text, stem) for s in story.sentences]
    counts = [Counter(terms) for terms in sequences]
    bigrams = tuple(frozenset(pairwise(terms)) for terms in sequences)
    bigram_articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sentence, pairs in zip(story.sentences, bigrams, strict=True):
        for pair in pairs:
            bigram_articles[pair].add(sentence.article)
    sentence_df: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    articles_of: dict[str, set[str]] = defaultdict(set)
    for sentence, terms in zip(story.sentences, counts, strict=True):
        sentence_df.update(terms.keys())
        occurrences.update(terms)
        for term in terms:
            articles_of[term].add(sentence.article)
    n = len(counts) or 1
    idf = {t: math.log((n + 1) / (df + 0.5)) for t, df in sentence_df.items()}
    weights = tuple(_unit({t: (1 + math.log(c)) * idf[t] for t, c in terms.items()}) for terms in counts)
    postings: dict[str, list[int]] = defaultdict(list)
    total: Counter[str] = Counter()
    for i, vector in enumerate(weights):
        total.update(vector)
        for term in vector:
            if sentence_df[term] <= MAX_POSTINGS:
                postings[term].append(i)
    return Vectors(
        weights=weights,
        article_count={t: len(a) for t, a in articles_of.items()},
        term_count=dict(occurrences),
        bigrams=bigrams,
        bigram_articles={pair: len(a) for pair, a in bigram_articles.items()},
        postings={t: tuple(p) for t, p in postings.items()},
        centroid=_unit(dict(total)),
    )
