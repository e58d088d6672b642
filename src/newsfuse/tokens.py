"""Tokens of a whole story as flat arrays: what every scoring stage reads, computed once per story.

Each distinct spelling is lower-cased, stemmed and classified once (PyStemmer stems the whole vocabulary in
one call); the tokens themselves are integer arrays, so that term vectors, concepts and features are NumPy
operations over the story instead of Python loops over its words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

import numpy as np

from newsfuse.languages import Language, load_language
from newsfuse.model import Story


@dataclass(frozen=True)
class Tokens:
    """Every word token of a story, in reading order, sentence after sentence."""

    stems: tuple[str, ...]  # the story's vocabulary of stems; ``stem`` below indexes it
    stem: np.ndarray  # per token: stem id
    sentence: np.ndarray  # per token: index of its sentence in ``story.sentences``
    content: np.ndarray  # per token: a content word (not a stopword, longer than one letter)
    capital: np.ndarray  # per token: written with a capital letter (a name, or the first word)
    alphabetic: np.ndarray  # per token: letters only (not a figure)
    sentence_start: np.ndarray  # per sentence: index of its first token (``len(stem)`` appended)
    title_stem: np.ndarray  # the articles' titles, token after token: stem id
    title_content: np.ndarray  # ... a content word
    title_article: np.ndarray  # ... index of the article in ``story.articles``
    # The words the story writes in lower case somewhere, which are no names (``readable.form``); None when it
    # writes next to nothing with a capital but its sentences' first words: lower-cased text, where no name shows.
    lower_case: frozenset[str] | None

    @property
    def sentences(self) -> int:
        return len(self.sentence_start) - 1

    def words(self) -> np.ndarray:
        """Tokens per sentence."""
        return np.diff(self.sentence_start)


def tokenize(story: Story, language: Language | None = None) -> Tokens:
    """The story's tokens, read as words of ``language`` (English when not given)."""
    language = language or load_language("en")
    word = language.word
    per_sentence = story.per_text(word.findall)
    counts = np.fromiter(map(len, per_sentence), np.int64, len(per_sentence))
    in_titles = [word.findall(article.title) for article in story.articles]
    raw = list(chain.from_iterable(per_sentence))
    body = len(raw)
    raw.extend(chain.from_iterable(in_titles))
    spellings = list(dict.fromkeys(raw))  # each distinct spelling once, in order
    index = {t: n for n, t in enumerate(spellings)}
    ids = np.fromiter(map(index.__getitem__, raw), dtype=np.int64, count=len(raw))
    lower = [t.lower() for t in spellings]
    stemmed = language.stem(lower)
    vocabulary: dict[str, int] = {}
    stem_of = np.fromiter((vocabulary.setdefault(s, len(vocabulary)) for s in stemmed), np.int64, len(stemmed))
    stopwords, shortest = language.stopwords, language.shortest
    content_of = np.fromiter((w not in stopwords and len(w) >= shortest for w in lower), bool, len(lower))
    capital_of = np.fromiter((t[:1].isupper() for t in spellings), bool, len(spellings))
    alphabetic_of = np.fromiter((t.isalpha() for t in spellings), bool, len(spellings))
    start = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    title_ids = ids[body:]
    return Tokens(
        stems=tuple(vocabulary),
        stem=stem_of[ids[:body]],
        sentence=np.repeat(np.arange(len(counts)), counts),
        content=content_of[ids[:body]],
        capital=capital_of[ids[:body]],
        alphabetic=alphabetic_of[ids[:body]],
        sentence_start=start,
        title_stem=stem_of[title_ids],
        title_content=content_of[title_ids],
        title_article=np.repeat(np.arange(len(in_titles)), [len(t) for t in in_titles]).astype(np.int64),
        lower_case=_lower_case(lower, spellings, capital_of[ids[:body]], start),
    )


CASED = 0.04  # share of words inside sentences with a capital under which a text is lower-cased (news: 7-21%;
# Multi-News val, lower-cased but for capitals after "mr." and the like, at most 3%)


def openings(sentence_start: np.ndarray, tokens: int) -> np.ndarray:
    """Per token: the first word of its sentence, which has a capital whatever it is."""
    first = np.zeros(tokens, dtype=bool)
    first[sentence_start[:-1][np.diff(sentence_start) > 0]] = True
    return first


def _lower_case(
    lower: list[str], spellings: list[str], capital: np.ndarray, start: np.ndarray
) -> frozenset[str] | None:
    inner = ~openings(start, len(capital))
    if not inner.any() or capital[inner].mean() < CASED:
        return None
    return frozenset(word for word, spelled in zip(lower, spellings, strict=True) if word == spelled)


def said_before(story: Story, tokens: Tokens, stems: dict[str, str]) -> Callable[[str, int, str], bool]:
    """Whether an article said a word in a sentence before a given one, for the few words a caller asks about
    (``stems``: word → its stem; any word of the same stem counts): a definite subject's noun that its article
    said before points back at it (``unresolved.in_article``). Linear in the story's tokens, once per story."""
    asked = set(stems.values())
    position = {stem: n for n, stem in enumerate(tokens.stems) if stem in asked}
    wanted = {word: position[stem] for word, stem in stems.items() if stem in position}
    hit = np.flatnonzero(np.isin(tokens.stem, np.fromiter(wanted.values(), np.int64, len(wanted))))
    names = [a.id for a in story.articles]
    article = np.asarray(story.article_numbers(), np.int64)
    index = np.fromiter((s.index for s in story.sentences), np.int64, len(story.sentences))
    # Tokens are in reading order: the first of each (article, stem) is the earliest sentence that says it
    sentence = tokens.sentence[hit]
    _, earliest = np.unique(article[sentence] * len(tokens.stems) + tokens.stem[hit], return_index=True)
    first = {  # (article, stem) → the first sentence of the article that says it
        (names[a], stem): n
        for a, stem, n in zip(
            article[sentence[earliest]].tolist(), tokens.stem[hit[earliest]].tolist(),
            index[sentence[earliest]].tolist(), strict=True,
        )
    }  # fmt: skip

    def said(article: str, index: int, word: str) -> bool:
        return (stem := wanted.get(word)) is not None and first.get((article, stem), index) < index

    return said
