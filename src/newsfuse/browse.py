"""Browsing the store: the listing of stories, one story's brief, and its update brief for a returning reader.

Each read takes one snapshot of the store (a writer may commit meanwhile) and writes nothing. The store keeps no
language, so each stored article is identified again from its text when it is read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from newsfuse.errors import InputError
from newsfuse.languages import SUPPORTED
from newsfuse.model import EXPECTED_DATE, Article, Brief, is_since, iso_date
from newsfuse.pipeline import brief, default, story_of
from newsfuse.store import Store, StoredArticle
from newsfuse.text import identify

LISTING_ARTICLES = 10  # the first articles of a story, for the listing's short brief
LISTING_WORDS = 60


def readable_as(code: str) -> str:
    """A stored article's language as identified, or English's rules for one stored under ``--language`` that the
    identifier now takes for a language newsfuse does not read."""
    return code if code in SUPPORTED else "en"


STORED_ID = re.compile(r"a\d+")  # the ids given to articles whose own is not theirs alone


def as_articles(stored: Iterable[StoredArticle]) -> list[Article]:
    """Stored articles as the pipeline reads them; the store keeps no language, so each is identified again
    from its text (English costs a cheap rule, another language the identifier). Each keeps the id the user gave
    it (a file's name, a JSON id), which the brief's citations show, unless another of these articles has it
    too: then ``a`` and its number in the store."""
    stored = list(stored)
    given = Counter(s.external_id for s in stored)
    return [
        Article(
            s.external_id if s.external_id and given[s.external_id] == 1 and not STORED_ID.fullmatch(s.external_id)
            else f"a{s.id}",
            s.text, s.title, s.source, s.url, s.published, s.author,
            language=readable_as(identify(s.text)), origin=s.external_id, place=s.place or "",
        )
        for s in stored
    ]  # fmt: skip


def story_brief(stored: list[StoredArticle], words: int = LISTING_WORDS, focus: str = "") -> Brief:
    return brief(story_of(as_articles(stored)), words, focus=focus)


def update_brief(stored: list[StoredArticle], since: str, words: int, focus: str = "") -> Brief:
    """Only what is new since ``since``: sentences of later articles that no earlier article already said."""

    def is_new(s: StoredArticle) -> bool:
        return is_since(s.published or s.added, since)

    articles = as_articles(stored)  # ids given over the whole story: the read and the new never share one
    earlier = [a for a, s in zip(articles, stored, strict=True) if not is_new(s)]
    new = [a for a, s in zip(articles, stored, strict=True) if is_new(s)]
    return default().update(earlier, new, words, f"since {since}", focus)


def headline(stored: list[StoredArticle]) -> str:
    titled = [s.title for s in stored if s.title]
    if titled:
        return titled[0]
    first = stored[0].text.split("\n")[0]
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"


def since_of(value: str | None) -> str | None:
    """``since`` as the store compares it (``model.iso_date``); a program's "yesterday" is an InputError, as the
    CLI's and the HTTP API's are, not a silent empty answer."""
    if value is None:
        return None
    try:
        return iso_date(value)
    except (TypeError, ValueError):
        raise InputError("since", f"{EXPECTED_DATE}, got {value!r}") from None


def listing(
    store: Store, since: str | None, limit: int | None, offset: int = 0, text: str | None = None
) -> list[dict[str, Any]]:
    """Stories with headline, outlets, a short brief and their articles per day, as of one snapshot of the
    store: a writer may commit (add, merge) meanwhile. Nothing is written: reading never changes the store."""
    since = since_of(since)
    with store.snapshot():
        return _rows(store, since, limit, offset, text)


def listing_page(
    store: Store, since: str | None, limit: int | None, offset: int = 0, text: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """``listing`` and how many stories match in all, from the same snapshot."""
    since = since_of(since)
    with store.snapshot():
        return _rows(store, since, limit, offset, text), store.story_count(since, text)


def _rows(store: Store, since: str | None, limit: int | None, offset: int, text: str | None) -> list[dict[str, Any]]:
    rows = []
    for row in store.stories(since, limit, offset, text):
        stored = store.articles_of(row["id"])
        outlets = sorted({s.source for s in stored if s.source}) or ["unknown outlet"]
        days = Counter((s.published or s.added)[:10] for s in stored)
        summary = story_brief(stored[:LISTING_ARTICLES]).summary  # a preview: bounded work per row
        rows.append({**row, "headline": headline(stored), "outlets": outlets, "brief": summary,
                     "days": sorted(days.items())})  # fmt: skip
    return rows


def show_story(
    store: Store, story: int, since: str | None, words: int, focus: str = ""
) -> tuple[Brief, list[StoredArticle]]:
    """A story's brief (or, with ``since``, its update brief) and its articles, as of one snapshot; ``focus``:
    what the reader wants answered."""
    since = since_of(since)
    live, stored = story_articles(store, story)
    result = update_brief(stored, since, words, focus) if since else story_brief(stored, words, focus)
    if live != story:
        result = replace(result, warnings=(*result.warnings, f"story {story} was merged into story {live}"))
    return result, stored


def story_articles(store: Store, story: int) -> tuple[int, list[StoredArticle]]:
    """The id a story now goes by (after merges) and its articles, as of one snapshot."""
    with store.snapshot():
        live = store.resolve(story)
        stored = store.articles_of(live) if live is not None else []
    if live is None:
        raise InputError(str(story), "no such story in this store")
    return live, stored
