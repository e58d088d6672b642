"""Term vectors of a story's sentences as sparse arrays, and similarity search that stays linear in its size.

Weights are tf-idf over the story's sentences (a sentence is a "document" for idf), each row of unit length.
Rows are stored sentence-major (for a sentence's own terms) and term-major (for the sentences that use a term),
so a similarity is a gather and a ``bincount``. Search over all pairs skips terms so common that their
posting lists would make it quadratic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from newsfuse.arrays import distinct
from newsfuse.tokens import Tokens

MAX_POSTINGS = 1000  # terms in more sentences than this carry little meaning and would cost N² to compare
SMALL = 100_000  # sentences × terms up to which all similarities are one dense product (short stories)


@dataclass(frozen=True)
class Vectors:
    sentences: int
    indptr: np.ndarray  # sentence i's entries are [indptr[i], indptr[i + 1])
    term: np.ndarray  # per entry: stem id
    weight: np.ndarray  # per entry: tf-idf weight (each sentence's row has unit length)
    term_indptr: np.ndarray  # term-major copy: term t's entries are [term_indptr[t], term_indptr[t + 1])
    term_row: np.ndarray  # per term-major entry: sentence
    term_weight: np.ndarray
    sentence_df: np.ndarray  # per stem: sentences that use it
    article_count: np.ndarray  # per stem: articles that use it
    term_count: np.ndarray  # per stem: occurrences as a content word in the whole story
    centroid: np.ndarray  # per stem: the story's mean vector, unit length

    @cached_property
    def rows(self) -> np.ndarray:
        """Per entry: its sentence (the sentence-major entries, expanded once per story)."""
        return np.repeat(np.arange(self.sentences), np.diff(self.indptr))

    @cached_property
    def term_idf(self) -> np.ndarray:
        """Each stem's idf over the story's sentences, computed once per story."""
        return idf(self.sentences, self.sentence_df)

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        return self.term[self.indptr[i] : self.indptr[i + 1]], self.weight[self.indptr[i] : self.indptr[i + 1]]

    def cosine(self, i: int, j: int) -> float:
        (ti, wi), (tj, wj) = self.row(i), self.row(j)
        _, a, b = np.intersect1d(ti, tj, assume_unique=True, return_indices=True)
        return float(wi[a] @ wj[b])

    @cached_property
    def dense(self) -> np.ndarray | None:
        """All cosines at once, for a story small enough (a few articles): one product instead of many lookups."""
        stems = len(self.centroid)
        if self.sentences * stems > SMALL:
            return None
        matrix = np.zeros((self.sentences, stems))
        matrix[self.rows, self.term] = self.weight
        return matrix @ matrix.T

    def _postings(self, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The term-major entries of ``terms`` (one run per term, in order) and each run's length."""
        starts, ends = self.term_indptr[terms], self.term_indptr[terms + 1]
        lengths = ends - starts
        return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum()), lengths

    def similarities(self, i: int, rare_only: bool = False) -> np.ndarray:
        """Cosine of sentence ``i`` with every sentence (itself included); ``rare_only`` skips common terms."""
        if self.dense is not None and (not rare_only or self.sentences <= MAX_POSTINGS):  # no common term then
            return self.dense[i].copy()
        terms, weights = self.row(i)
        if rare_only:
            keep = self.sentence_df[terms] <= MAX_POSTINGS
            terms, weights = terms[keep], weights[keep]
        entries, lengths = self._postings(terms)
        if not len(entries):
            return np.zeros(self.sentences)
        products = self.term_weight[entries] * np.repeat(weights, lengths)
        return np.bincount(self.term_row[entries], weights=products, minlength=self.sentences)

    def neighbours(self, i: int, minimum: float) -> dict[int, float]:
        """Sentences whose cosine with sentence ``i`` is at least ``minimum`` (``i`` itself excluded).

        Terms in more than ``MAX_POSTINGS`` sentences are left out of the search, so that asking this of every
        sentence stays linear; their share of a cosine is small by construction of idf.
        """
        near = self.similarities(i, rare_only=True)
        near[i] = 0.0
        found = np.flatnonzero(near >= minimum)
        return {int(j): float(near[j]) for j in found}

    def coverage(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Per sentence, the share of sentence ``i``'s terms (weighted by idf) that it also uses, and how many of
        them: how much of what ``i`` says another sentence holds, however much else it says (a long sentence
        that tells ``i``'s fact among others has a low cosine with it). Terms in more than ``MAX_POSTINGS``
        sentences count in the whole but are not looked up, as in ``neighbours``."""
        terms, _ = self.row(i)
        weights = self.term_idf[terms]
        total = float(weights.sum())
        keep = self.sentence_df[terms] <= MAX_POSTINGS
        terms, weights = terms[keep], weights[keep]
        entries, lengths = self._postings(terms)
        if not len(entries) or total <= 0:
            return np.zeros(self.sentences), np.zeros(self.sentences, np.int64)
        rows = self.term_row[entries]
        shared = np.bincount(rows, weights=np.repeat(weights, lengths), minlength=self.sentences)
        return shared / total, np.bincount(rows, minlength=self.sentences)

    def dots(self, per_stem: np.ndarray) -> np.ndarray:
        """Every sentence's dot product with a vector over the story's stems (its cosine, if that has unit length)."""
        return np.bincount(self.rows, weights=self.weight * per_stem[self.term], minlength=self.sentences)

    def to_centroid(self) -> np.ndarray:
        """Every sentence's cosine with the story's centroid."""
        return self.dots(self.centroid)


def idf(sentences: int, sentence_df: np.ndarray) -> np.ndarray:
    """Inverse document frequency of each stem, a sentence being a document."""
    return np.log((max(sentences, 1) + 1) / (sentence_df + 0.5))


def build(tokens: Tokens, article: np.ndarray) -> Vectors:
    """The vectors of a story's tokens; ``article`` is each sentence's article (an index)."""
    n, stems = tokens.sentences, len(tokens.stems)
    sentence, stem = tokens.sentence[tokens.content], tokens.stem[tokens.content]
    pairs, tf = np.unique(sentence * stems + stem, return_counts=True)  # sorted: sentence-major
    rows, terms = pairs // stems, pairs % stems
    sentence_df = np.bincount(terms, minlength=stems)
    weight = (1 + np.log(tf)) * idf(n, sentence_df)[terms]
    norms = np.sqrt(np.bincount(rows, weights=weight * weight, minlength=n))
    weight = weight / np.where(norms > 0, norms, 1.0)[rows]
    in_articles = distinct(article[rows] * stems + terms) % stems
    centroid = np.bincount(terms, weights=weight, minlength=stems).astype(np.float64)
    centroid /= np.linalg.norm(centroid) or 1.0
    order = np.argsort(terms, kind="stable")
    return Vectors(
        sentences=n,
        indptr=np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]),
        term=terms,
        weight=weight,
        term_indptr=np.concatenate([[0], np.cumsum(sentence_df)]),
        term_row=rows[order],
        term_weight=weight[order],
        sentence_df=sentence_df,
        article_count=np.bincount(in_articles, minlength=stems),
        term_count=np.bincount(stem, minlength=stems),
        centroid=centroid,
    )
