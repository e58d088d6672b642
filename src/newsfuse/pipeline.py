"""The pipeline end to end: ingest → clean → segment → score/select → attribute → Brief."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from newsfuse.attribute import attribute
from newsfuse.clean import clean
from newsfuse.errors import InputError
from newsfuse.ingest import Loaded, from_records
from newsfuse.model import Article, Brief, Citation, Story
from newsfuse.opinion import judge_story
from newsfuse.segment import segment
from newsfuse.select import reading_order, select
from newsfuse.summarizers import Summarizer, get
from newsfuse.vectors import build

DEFAULT_WORDS = 250


def clean_all(articles: Iterable[Article], strict: bool = True) -> tuple[list[Article], list[InputError]]:
    """Cleaned articles; one left with no text after cleaning is a problem (raised when ``strict``)."""
    kept, problems = [], []
    for article in articles:
        cleaned = clean(article)
        if cleaned.text.strip():
            kept.append(cleaned)
            continue
        problem = InputError(article.origin or article.id, "no article text left after removing web noise")
        if strict:
            raise problem
        problems.append(problem)
    return kept, problems


def usable(loaded: Loaded, strict: bool, where: str) -> tuple[list[Article], list[InputError]]:
    """Cleaned articles and every problem met on the way; raises when no article is left to summarize."""
    cleaned, empty = clean_all(loaded.articles, strict=strict)
    problems = [*loaded.problems, *empty]
    if cleaned:
        return cleaned, problems
    if len(problems) == 1:
        raise problems[0]
    reasons = f" ({'; '.join(map(str, problems))})" if problems else ""
    raise InputError(where, f"no usable articles{reasons}")


def story_of(articles: Sequence[Article]) -> Story:
    """Segment cleaned articles into one story."""
    return Story(tuple(articles), tuple(s for a in articles for s in segment(a)))


def story_from(documents: Iterable[str]) -> Story:
    """A story of plain-text documents (evaluation and training data): unusable ones are left out quietly."""
    articles, _ = clean_all(from_records(list(documents)).articles, strict=False)
    return story_of(articles)


def check_words(words: Any) -> int:
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise InputError("words", f"the length budget must be a positive whole number of words, not {words!r}")
    return words


def brief(
    story: Story,
    words: int = DEFAULT_WORDS,
    method: str | Summarizer = "newsfuse",
    exclude: frozenset[int] = frozenset(),
) -> Brief:
    """Summarize a segmented story with one method; ``exclude`` sentences (by index) are never chosen."""
    words = check_words(words)
    summarizer = get(method) if isinstance(method, str) else method
    if not story.articles:
        raise InputError("articles", "no articles to summarize")
    vectors = build(story)
    ranking = summarizer.rank(story, vectors)
    opinion = frozenset(i for i, judged in enumerate(judge_story(story)) if judged.opinion)
    excluded = (opinion if summarizer.drops_opinion else frozenset()) | exclude
    chosen = reading_order(story, select(story, vectors, ranking, words, excluded=excluded))
    warnings = ()
    if len(story.articles) == 1:
        warnings = ("only one source article: nothing in this brief is corroborated by another outlet",)
    cited = tuple(Citation(s.article, s.index, s.start, s.end) for i, s in enumerate(story.sentences) if i in opinion)
    return Brief(attribute(story, vectors, chosen), story.articles, summarizer.name, words, warnings, cited)


def summarize(
    articles: Iterable[Mapping[str, Any] | Article | str],
    words: int = DEFAULT_WORDS,
    method: str = "newsfuse",
    strict: bool = False,
) -> Brief:
    """The Python API: articles (dicts with the JSON fields, ``Article`` objects or plain text) → Brief.

    An unusable article is skipped and named in ``Brief.warnings`` (raised as ``InputError`` when
    ``strict``); with no usable article at all, ``InputError`` says why.
    """
    cleaned, problems = usable(from_records(list(articles), strict=strict), strict, "articles")
    result = brief(story_of(cleaned), words, method)
    skipped = tuple(f"skipped {p}" for p in problems)
    return replace(result, warnings=skipped + result.warnings)
