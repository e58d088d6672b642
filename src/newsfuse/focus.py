"""Focus: what the reader wants the brief to answer ("the dam's inspections and who was warned").

An analyst often comes to a story with a question. A focus is plain text; its content words, stemmed as the
story's, make the concepts that hold them worth more, and the sentence most similar to the question (its best
answer) is chosen first. The brief still covers the story: on DUC 2006, whose references answer broad topic
statements, a stronger tilt (a bonus for every sentence by its similarity) lost ROUGE, so only the best answer
is pushed. A focus that the articles never address gives the plain brief. Words that only phrase a request
("discuss", "describe", "include") are not part of what is asked about.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.languages import Language
from newsfuse.tokens import Tokens
from newsfuse.vectors import Vectors, idf

MAX_CHARS = 2_000  # a focus is a question or a topic statement, not an article
REQUEST_WORDS = (  # English; stemmed as the story's words before they are compared
    "discuss describe include identify explain specify detail provide give list tell mention information also "
    "any such possible related regarding concerning"
).split()


@dataclass(frozen=True)
class Focus:
    """The stems of the story's vocabulary that the reader asks about (ids into ``Tokens.stems``)."""

    terms: np.ndarray

    def concept_hits(self, keys: np.ndarray, stems: int) -> np.ndarray:
        """Per concept (a pair of stems, ``keys``): how many of its two stems the reader asks about (0, 1, 2)."""
        return np.isin(keys // stems, self.terms).astype(np.int64) + np.isin(keys % stems, self.terms)

    def relevance(self, vectors: Vectors) -> np.ndarray:
        """Per sentence: cosine of its tf-idf vector with the question's (each asked term weighted by idf)."""
        weights = idf(vectors.sentences, vectors.sentence_df)
        asked = np.zeros(len(weights))
        asked[self.terms] = weights[self.terms]
        return vectors.dots(asked) / (float(np.linalg.norm(asked)) or 1.0)

    def answer(self, vectors: Vectors, excluded: frozenset[int]) -> int | None:
        """The sentence most similar to the question, never an ``excluded`` one (opinion); None if none is."""
        relevance = self.relevance(vectors)
        relevance[list(excluded)] = 0.0
        best = int(relevance.argmax()) if len(relevance) else 0
        return best if len(relevance) and relevance[best] > 0 else None


def focus_of(text: str, tokens: Tokens, language: Language) -> Focus | None:
    """The focus of ``text`` in a story's vocabulary; None when it names nothing the story's words hold."""
    request = set(language.stem(REQUEST_WORDS))
    stems = {s for s in language.content_stems(text[:MAX_CHARS]) if s not in request}
    terms = np.array(sorted(n for n, stem in enumerate(tokens.stems) if stem in stems), dtype=np.int64)
    return Focus(terms) if len(terms) else None
