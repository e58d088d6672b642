"""Meaning across outlets: sentence vectors that match what is said, not which words say it.

Outlets rarely report a fact in the same words ("left at the end of 2011" / "withdrew in December 2011"), so
term vectors miss most cross-outlet agreement. ``Meaning`` owns the semantic model: WordLlama's static token
embeddings (the ``wordllama`` package ships its 256-dimensional ``l2_supercat`` weights, 16 MB, and its
tokenizer; NumPy only, no PyTorch, nothing downloaded: it is loaded with the package's own folder as its cache
and downloads off). A sentence's vector is the normalised mean of its tokens'. A word's vector is kept once
computed, because the same-fact judgement (``samefact``) aligns sentences word by word and news repeats words.

One ``Meaning`` per process, made by ``load_meaning()`` and passed to whatever needs it (as ``Pipeline`` owns
the brief's models): loading takes about 0.1 s, which a per-call load would pay on every story.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 256
MAX_WORDS_KEPT = 100_000  # word vectors kept per process (100 MB at most); past that the cache starts over


@dataclass(frozen=True)
class Meaning:
    """The loaded model and its word-vector cache: one per process, passed to whatever needs it."""

    model: Any  # wordllama's WordLlamaInference
    kept: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def sentences(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows), float32; a text with no token gets the zero vector."""
        if not texts:
            return np.zeros((0, DIMENSIONS), np.float32)
        vectors = np.asarray(self.model.embed(list(texts), norm=False), np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)

    def words(self, words: Sequence[str]) -> np.ndarray:
        """One unit vector per word (rows), from the cache where it has them."""
        missing = list(dict.fromkeys(w for w in words if w not in self.kept))
        if missing:
            if len(self.kept) + len(missing) > MAX_WORDS_KEPT:
                self.kept.clear()
            self.kept.update(zip(missing, self.sentences(missing), strict=True))
        if not words:
            return np.zeros((0, DIMENSIONS), np.float32)
        return np.stack([self.kept[w] for w in words])


def load_meaning() -> Meaning:
    """The semantic model, from the installed ``wordllama`` package only (about 0.1 s; never downloads).

    Importing wordllama configures the root logger (``logging.basicConfig`` at INFO); the process's logging is
    put back as it was, so that loading a model never makes other libraries chatty.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return Meaning(WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True))
