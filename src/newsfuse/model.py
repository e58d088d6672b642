"""The data that flows through the pipeline, one way: Article → Sentence → Story → Brief.

Plain dataclasses only; every stage takes some of these and returns new ones, so a reader can follow a
brief back to the exact characters of the article it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

from newsfuse.text import word_count

PLAUSIBLE_YEARS = (1800, 2200)
CJK_END = re.compile(r"[。！？][」』”’）)]*$")  # a sentence of a language written without spaces ends so
EXPECTED_DATE = "expected a date such as 2026-11-03"  # what a user who gave no date (``iso_date``) is told
T = TypeVar("T")


class once(Generic[T]):
    """A property computed on first read and kept in the instance, like ``functools.cached_property`` but
    without its lock: Python 3.11 takes one on every first read, four times the cost of counting a sentence's
    words, for every sentence of every story. Two threads reading it at once both compute the same value."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute, self.__doc__ = compute, compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


def iso_date(value: str) -> str:
    """A date (2026-11-03) or date-time as a user wrote it (``--since``, ``?since=``), in the form the store writes
    its times, so that they compare as text: a date as it is, a time as a UTC instant (2026-11-03T09:00:00+00:00;
    one with no offset is read as UTC). ValueError when it is neither."""
    if len(value) == 10:
        return date.fromisoformat(value).isoformat()
    try:
        return utc(datetime.fromisoformat(value))
    except OverflowError:  # "0001-01-01T00:00+05:00" is before the first moment UTC can write
        raise ValueError(f"{value!r} is out of range") from None


def utc(moment: datetime) -> str:
    """A moment as the store writes its times: UTC, to the second (a moment with no offset is read as UTC)."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def is_since(when: str, since: str) -> bool:
    """Whether a stored time (a date, or a UTC instant) is at or after ``since`` (``iso_date``'s form). A date
    with no time is compared by its day: it may be later that day, and news is better shown twice than lost."""
    return when >= (since[:10] if len(when) == 10 else since)


def outlets_of(ids: Iterable[str], outlet: Mapping[str, str]) -> tuple[str, ...]:
    """The distinct outlets of these articles (``outlet``: each article's ``Article.outlet``), in their order: an
    outlet's several versions of a story are one source. An id ``outlet`` does not know is an outlet of its own."""
    return tuple(dict.fromkeys(outlet.get(i, i) for i in ids))


@dataclass(frozen=True)
class Article:
    """One news report. After cleaning, ``text`` is the cleaned text that sentence offsets point into."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str | None = None
    published: str | None = None
    author: str | None = None
    language: str = ""  # ISO 639-1 code (en, fr, zh…), set by ``ingest.check``; "" read as English
    origin: str = ""  # where it was read from (a path, "<stdin>"), for error messages only
    place: str = ""  # the place its dateline names ("Beijing"), which its "here" means; set by cleaning

    @property
    def outlet(self) -> str:
        """Who published it: its source, or, when unknown, the article itself (an outlet of its own)."""
        return self.source or self.id

    @once  # read by several stages; the text never changes (a frozen dataclass)
    def words(self) -> int:
        return word_count(self.text)

    @once  # the date and the time are each read by several stages
    def _published(self) -> tuple[date, str] | None:
        """(the day, the form the store keeps) of ``published``, read once; None when it cannot be read."""
        value = (self.published or "").strip()
        if not value:
            return None
        moment = None
        try:
            day = date.fromisoformat(value[:10])  # the day as written, whatever the offset
            with suppress(ValueError):
                moment = datetime.fromisoformat(value)
        except ValueError:
            from email.utils import parsedate_to_datetime  # 30 ms to import: only when a date is not ISO

            try:
                moment = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            day = moment.date()
        if not PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1]:
            return None
        return day, utc(moment) if moment is not None and len(value) > 10 else day.isoformat()

    @property
    def published_on(self) -> date | None:
        """The publication date when ``published`` gives one that can be read (ISO or e-mail style) and that
        is plausible for news (years 1800-2200: 0001-01-01 or 9999-12-31 would break date arithmetic)."""
        return self._published[0] if self._published else None

    @property
    def published_at(self) -> str | None:
        """``published`` as the store keeps it: a UTC instant when it gives a time of day (so that "what is new
        since 10:00" can be answered), else its date; None when it cannot be read (``published_on``)."""
        return self._published[1] if self._published else None


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article; ``text == article.text[start:end]`` always holds."""

    article: str
    index: int  # position of the sentence in its article, from 0
    text: str
    start: int
    end: int
    paragraph: int = 0

    @once  # read by several stages; the text never changes (a frozen dataclass)
    def words(self) -> int:
        return word_count(self.text)


@dataclass(frozen=True)
class Story:
    """Several articles about one event, segmented: the unit a summarizer works on."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def article_numbers(self) -> list[int]:
        """Per sentence: the index of its article in ``articles``."""
        number = {a.id: n for n, a in enumerate(self.articles)}
        return [number[s.article] for s in self.sentences]

    def per_text(self, read: Callable[[str], T]) -> list[T]:
        """``read`` of each sentence's text, in order, worked out once per distinct text: wire copies repeat
        sentences (15% of a DUC 2003 story's)."""
        done = {text: read(text) for text in {s.text for s in self.sentences}}
        return [done[s.text] for s in self.sentences]


@dataclass(frozen=True)
class Citation:
    """Where a brief sentence's text stands in a source: ``article.text[start:end]``."""

    article: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Change:
    """Words of the source that the brief does not use as written: ``text[start:end]`` was ``was``, is ``now``.

    Offsets are into the cleaned text of the brief sentence's first source; ``now`` is empty for a cut.
    """

    start: int
    end: int
    was: str
    now: str


@dataclass(frozen=True)
class BriefSentence:
    text: str
    sources: tuple[Citation, ...]  # each slices exactly the characters used, before any ``changes``
    corroborated_by: tuple[str, ...]  # ids of the articles that report the same content
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Brief:
    sentences: tuple[BriefSentence, ...]
    articles: tuple[Article, ...]
    method: str
    budget: int
    warnings: tuple[str, ...] = field(default=())
    opinion: tuple[Citation, ...] = field(default=())  # the sources' opinion sentences, so readers can see them
    language: str = "en"  # ISO 639-1 code of the brief's language
    skipped: tuple[str, ...] = ()  # judgements with no rules in that language, so not made (see ``languages``)

    @property
    def summary(self) -> str:
        """The sentences as one text: a space between them, but none after a Chinese or Japanese full stop."""
        texts = [s.text for s in self.sentences]
        return "".join(t if n == 0 or CJK_END.search(texts[n - 1]) else f" {t}" for n, t in enumerate(texts))

    @property
    def words(self) -> int:
        return word_count(self.summary)
