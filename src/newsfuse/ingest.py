"""Ingest: paths (files, directories, ``-`` for stdin) or plain dicts in, checked ``Article`` objects out.

Every problem becomes an ``InputError`` naming the input and the reason. With several inputs a bad one is
reported and skipped, unless ``strict`` asks for the first problem to be fatal.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from newsfuse.decoding import is_binary, lenient, valid_unicode
from newsfuse.errors import InputError
from newsfuse.formats import FORMATS, FormatError, Partial, count_records, detect, from_object, inflated, records
from newsfuse.languages import SUPPORTED, code_of, read_as
from newsfuse.model import PLAUSIBLE_YEARS, Article
from newsfuse.text import identify

# Limits on what one input may make newsfuse do; past them the input is refused at once, with the limit named.
MAX_INPUT_BYTES = 256 * 2**20  # one file or stdin
MAX_ARTICLE_CHARS = 1_000_000  # one article: about 170,000 words
MAX_ARTICLE_LINES = 50_000  # one article's lines (paragraphs)
MAX_ARTICLES = 20_000  # articles of one story (summarize, analyze): each costs its own checks and cleaning
# articles of one ingest run: each costs about 1 ms to store and cluster, plus about 2.7 µs a word to prepare;
# 5,000 short news articles take about 7 s on a 2-core machine (README, Limits)
MAX_INGEST_ARTICLES = 5_000
# bytes of input of one ingest run: the count alone does not bound long articles or web pages (about 0.45 µs a
# byte of text to prepare, 0.4 µs a byte of HTML to extract)
MAX_INGEST_BYTES = 10_000_000
SPLIT = "split the input into several runs, or ingest it as batch work with --batch"  # what to do past either
COUNTED = 1_000_000  # articles counted in one input to say how many it holds: more would cost seconds to count


@dataclass(frozen=True)
class Loaded:
    articles: tuple[Article, ...]
    problems: tuple[InputError, ...]  # inputs that were skipped, each with its reason
    notes: tuple[str, ...] = ()  # what was changed in what was given: an article id met twice, a date not read


def check(article: Article, language: str | None = None) -> Article:
    """An article that has text to summarize, within the size limits, in a language newsfuse reads, with that
    language set (``language`` if given, else the article's own, else identified); raise InputError otherwise."""
    where = article.origin or article.id
    if not article.text.strip():
        raise InputError(where, "empty article (no text)")
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(where, f"article of {len(article.text):,} characters: over the limit of {MAX_ARTICLE_CHARS:,}")
    text = article.text
    if (lines := text.count("\n") + text.count("\r") - text.count("\r\n") + 1) > MAX_ARTICLE_LINES:  # any ending
        raise InputError(where, f"article of {lines:,} lines: over the limit of {MAX_ARTICLE_LINES:,}")
    if given := language or article.language:
        if (code := code_of(given)) is None:
            raise InputError(where, f"language {given!r}: not one newsfuse reads (use an ISO code such as 'fr')")
        return article if code == article.language else replace(article, language=code)
    if (code := identify(article.text)) not in SUPPORTED:
        raise InputError(where, read_as(code))
    return replace(article, language=code)


FUTURE_DAYS = 2  # a publication date further ahead than this (time zones aside) is said to be in the future


def undated(articles: Iterable[Article]) -> tuple[str, ...]:
    """A note per article whose ``published`` was given but cannot be read as a date: it is kept as given, but
    the article counts as undated (no time window in stories, no "Friday" dated from it), and the user should
    know that rather than find it out; and one per article dated in the future, which the user should check."""
    years = f"{PLAUSIBLE_YEARS[0]}-{PLAUSIBLE_YEARS[1]}"
    ahead = date.today() + timedelta(days=FUTURE_DAYS)
    notes = []
    for a in articles:
        if a.published and a.published.strip() and a.published_on is None:
            notes.append(
                f"{a.origin or a.id}: published {a.published!r} is not a date newsfuse reads (ISO 8601 such as "
                f"2026-11-03, or e-mail style; years {years}): the article counts as undated"
            )
        elif a.published_on is not None and a.published_on > ahead:  # a feed's typo, or a clock gone wrong
            notes.append(
                f"{a.origin or a.id}: published {a.published_on.isoformat()}, in the future: kept as given, it "
                "dates the article's relative days and its story's time window"
            )
    return tuple(notes)


def files_under(path: Path) -> list[Path]:
    """Article files in a directory, recursively, in a stable order; hidden files are left out. Whatever else
    is there and not a directory read through (a link to a directory, a dangling link, a pipe) is listed too,
    so that reading it names it among the skipped inputs instead of passing it over in silence."""
    found = [
        p
        for p in sorted(path.rglob("*"))
        if (p.is_symlink() or not p.is_dir()) and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    if not found:
        raise InputError(str(path), "directory contains no articles")
    return found


class _Ids:
    """Hands out unique article ids: the wanted one, else ``doc-N``; clashes get ``-2``, ``-3``…"""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.made: set[str] = set()  # the ``doc-N`` given to articles that had no id
        self.count = 0
        self.renamed: list[str] = []  # a note per id met twice

    def give(self, wanted: str | None) -> str:
        self.count += 1
        wanted = wanted.strip() if wanted else None  # an id of blanks is none
        base = wanted or f"doc-{self.count}"
        name, n = base, 1
        while name in self.taken:
            n += 1
            name = f"{base}-{n}"
        self.taken.add(name)
        if not wanted:
            self.made.add(name)
        elif name != wanted and wanted in self.made:
            self.renamed.append(f"the id {wanted!r} went to an earlier article that had none: this one is {name!r}")
        elif name != wanted:
            self.renamed.append(f"two articles have the id {wanted!r}: the later one is {name!r}")
        return name


def _articles(partials: list[tuple[str, Partial]], origin: str, file_id: str | None, ids: _Ids) -> list[Article]:
    """Articles of (place in the input, partial article) pairs."""
    single = len(partials) == 1
    articles = []
    for place, raw in partials:
        p = {key: valid_unicode(value) if isinstance(value, str) else value for key, value in raw.items()}
        wanted = p.get("id") or (file_id if single else None)
        where = origin + place
        articles.append(
            Article(
                id=ids.give(wanted),
                text=p.get("text", ""),
                title=p.get("title") or "",
                source=p.get("source") or "",
                url=p.get("url") or None,
                published=p.get("published") or None,
                author=p.get("author") or None,
                language=p.get("language") or "",
                origin=where,
            )
        )
    return articles


def read_one(
    origin: str, data: bytes, fmt: str, ids: _Ids, room: int | None = None, first_line: int | None = None
) -> tuple[list[Article], list[InputError]]:
    """Parse one input's bytes into at most ``room`` articles, and the problems of its single records (a JSON
    item or a JSONL line that is no article is skipped alone, named by its place); raises InputError for the
    whole input. ``first_line``: the bytes are a JSONL file's lines from that one on, the file checked already.
    """
    part = first_line is not None
    content, undecodable = lenient(data, origin, whole=not part)
    if not content.strip():
        if part:
            return [], []
        raise InputError(origin, "empty input (no text)")
    chosen = "jsonl" if part else detect(origin, content) if fmt == "auto" else fmt
    if chosen is None:
        raise InputError(origin, f"unknown format (extension {Path(origin).suffix!r}); pass --format")
    if undecodable and chosen != "jsonl":
        raise undecodable
    if room is not None and chosen == "jsonl":  # counted before parsing: a JSON parse per line costs more
        lines = sum(1 for line in content.split("\n") if line.strip())
        if lines > room:
            raise too_many(origin, lines)
    try:
        found = records(chosen, content, first_line or 1)
    except FormatError as exc:
        raise InputError(origin, str(exc)) from None
    if not found:
        raise InputError(origin, f"no articles found ({chosen} format)")
    good = [(place, item) for place, item in found if not isinstance(item, FormatError)]
    if room is not None and len(good) > room:
        raise too_many(origin, len(good))
    file_id = Path(inflated(origin)).stem if origin != "-" and chosen in ("text", "html") else None
    bad = [InputError(origin + place, str(item)) for place, item in found if isinstance(item, FormatError)]
    return _articles(good, origin, file_id, ids), bad


def too_many(origin: str, count: int) -> InputError:
    return InputError(origin, f"{count:,} articles: over the limit of {MAX_ARTICLES:,} in one story")


def article_count(origin: str, data: bytes, fmt: str) -> int:
    """How many articles one input holds, at most ``COUNTED + 1``, counted without parsing them (see
    ``formats.count_records``); 0 for one that is no text (its problem is told when it is read for good)."""
    if is_binary(data):
        return 0
    content = data.decode("utf-8-sig", "surrogateescape")
    chosen = detect(origin, content) if fmt == "auto" else fmt
    return count_records(chosen, content, COUNTED + 1) if chosen and content.strip() else 0


def within_ingest_limit(
    found: Iterable[tuple[str, Callable[[], bytes]]], fmt: str, limit: int = MAX_INGEST_ARTICLES,
    max_bytes: int = MAX_INGEST_BYTES,
) -> None:  # fmt: skip
    """Refuse a run of more than ``limit`` articles or ``max_bytes`` bytes at once (InputError naming the input
    that goes over, how much and the limit), before any is parsed: one cheap look at every input. An input that
    cannot be read is passed over here, and told about when it is read for good."""
    total = size = 0
    for origin, read in found:
        try:
            data = read_bytes(origin, read)
            count = article_count(origin, data, fmt)
        except InputError:
            continue
        total, size = total + count, size + len(data)
        if total > limit:
            raise over_ingest_limit(origin, count, total, limit)
        if size > max_bytes:
            before = "" if size == len(data) else f" ({size:,} with the inputs before it)"
            raise InputError(
                origin, f"{len(data):,} bytes{before}: over the limit of {max_bytes:,} bytes per ingest run; {SPLIT}"
            )


def over_ingest_limit(origin: str, count: int, total: int, limit: int = MAX_INGEST_ARTICLES) -> InputError:
    def many(n: int) -> str:
        return f"more than {COUNTED:,} articles" if n > COUNTED else f"{n:,} article{'' if n == 1 else 's'}"

    before = "" if count == total else f" ({many(total)} with the inputs before it)"
    return InputError(origin, f"{many(count)}{before}: over the limit of {limit:,} articles per ingest run; {SPLIT}")


def read_file(path: Path) -> bytes:
    """A regular file's bytes, up to ``MAX_INPUT_BYTES``: a pipe or a device could block or never end."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):  # met inside a directory: links are not followed, which could loop
        raise InputError(str(path), "a link to a directory, not followed: name that directory itself")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file (a pipe or a device): pass its content on stdin as -")
    if path.suffix.lower() == ".gz":  # a compressed article file (as eval reads data): bounded once inflated
        try:
            with gzip.open(path, "rb") as packed:
                return _bounded(str(path), packed)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(str(path), f"not a readable gzip file ({exc})") from None
    with path.open("rb") as file:
        return _bounded(str(path), file)


def _bounded(origin: str, stream: BinaryIO) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(origin, f"input over the limit of {MAX_INPUT_BYTES:,} bytes: split it into several files")
    return data


def path_list(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    """The paths a program named: one path is one path, not its characters (a string is iterable; read as a list
    of one-character paths, "/" would have been the whole disk)."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise InputError("paths", f"expected a path or a list of paths, not {type(paths).__name__}")
    found = [os.fspath(p) if isinstance(p, os.PathLike) else p for p in paths]
    if wrong := next((p for p in found if not isinstance(p, str)), None):
        raise InputError("paths", f"expected paths as text, not {type(wrong).__name__}")
    if any(not p.strip() for p in found):  # an unset variable ("$FILE"): Path("") is the working directory
        raise InputError(repr(next(p for p in found if not p.strip())), "empty path")
    return found


def inputs(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], stdin: BinaryIO | None = None, once: bool = True
) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(origin, read) for every input named: files, the files under directories, ``-`` for stdin.

    A directory that cannot be listed or holds nothing yields a reader that raises its InputError.
    """
    seen: dict[str, str] = {}  # each file's real path → the name it was first read by

    def reader(name: str, path: Path) -> tuple[str, Callable[[], bytes]]:
        """With ``once``, a file named twice (or by a link) is read once: two copies would be two outlets."""
        real = os.path.realpath(path) if once else None
        if real in seen:
            first = "" if seen[real] == name else f" (as {seen[real]})"
            return name, partial(_raise, InputError(name, f"given twice{first}: read once"))
        if real is not None:
            seen[real] = name
        return name, partial(read_file, path)

    for raw in path_list(paths):
        if raw == "-":
            yield "-", partial(_bounded, "-", stdin or sys.stdin.buffer)
        elif Path(raw).is_dir():
            try:
                inside = files_under(Path(raw))
            except InputError as problem:
                yield raw, partial(_raise, problem)
                continue
            for file in inside:
                yield reader(str(file), file)
        else:
            yield reader(raw, Path(raw))


def _raise(problem: InputError) -> bytes:
    raise problem


def read_bytes(origin: str, read: Callable[[], bytes]) -> bytes:
    """The bytes of one input; a file that cannot be read is an InputError naming it."""
    try:
        return read()
    except OSError as exc:
        raise InputError(origin, exc.strerror or str(exc)) from None


def read_input(
    origin: str,
    read: Callable[[], bytes],
    fmt: str,
    ids: _Ids | None = None,
    room: int | None = None,
    first_line: int | None = None,
    language: str | None = None,
) -> Loaded:
    """The checked articles of one input, and its problems (the whole input, or single bad articles in it).

    ``room``: how many more articles the story may hold; an input with more is refused before any of its
    articles is checked (the checks cost per article). Ingest, a stream into stories, gives no room limit.
    ``first_line``: the input is part of a JSONL file (see ``read_one``). ``language``: every article is in
    this language (a code or a name), whatever it says or seems to be.
    """
    try:
        found, problems = read_one(origin, read_bytes(origin, read), fmt, ids or _Ids(), room, first_line)
    except InputError as problem:
        return Loaded((), (problem,))
    articles = []
    for article in found:
        try:
            articles.append(check(article, language))
        except InputError as problem:
            problems.append(problem)
    return Loaded(tuple(articles), tuple(problems), undated(articles))


def load(
    paths: Iterable[str], fmt: str = "auto", strict: bool = False, stdin: BinaryIO | None = None,
    language: str | None = None,
) -> Loaded:  # fmt: skip
    """Read every path; bad inputs are collected as problems (or raised at once when ``strict``).

    A bad article inside a file of several is skipped alone; the others are kept.
    """
    check_format(fmt)
    ids = _Ids()
    articles: list[Article] = []
    problems: list[InputError] = []
    notes: list[str] = []
    for origin, read in inputs(paths, stdin):
        loaded = read_input(origin, read, fmt, ids, room=MAX_ARTICLES - len(articles), language=language)
        if strict and loaded.problems:
            raise loaded.problems[0]
        articles.extend(loaded.articles)
        problems.extend(loaded.problems)
        notes.extend(loaded.notes)
    return Loaded(tuple(articles), tuple(problems), (*ids.renamed, *notes))


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError("--format", f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


OPTIONAL_FIELDS = ("url", "published", "author")


def typed(article: Article, where: str) -> Article:
    """An ``Article`` a program made, with the field types the JSON input is held to (a date for ``published`` is
    written in ISO form): a wrong type is an ``InputError`` naming the field, not a traceback later."""
    if isinstance(article.published, date):
        article = replace(article, published=article.published.isoformat())
    for name in ("id", "text", "title", "source", "language", *OPTIONAL_FIELDS):
        value = getattr(article, name)
        if not isinstance(value, str) and not (value is None and name in OPTIONAL_FIELDS):
            raise InputError(where, f"field {name!r} must be a string, not {type(value).__name__}")
    return article


def from_records(
    records: Iterable[Mapping[str, Any] | Article | str], strict: bool = False, language: str | None = None
) -> Loaded:
    """Articles for the Python API: ``Article`` objects, dicts with the JSON fields, or plain strings (at most
    ``MAX_ARTICLES``, refused before any is checked, as ``load`` refuses an input)."""
    if isinstance(records, str | bytes | Mapping | Article) or not isinstance(records, Iterable):
        kind = type(records).__name__
        raise InputError("articles", f"expected a list of articles, not one {kind} (a single article goes in a list)")
    records = list(records)
    if len(records) > MAX_ARTICLES:
        raise too_many("articles", len(records))
    ids = _Ids()
    articles: list[Article] = []
    problems: list[InputError] = []
    for n, record in enumerate(records):
        where = f"articles[{n}]"
        try:
            if isinstance(record, Article):  # its id made unique too: a citation names its article by id
                article = typed(record, where)
                articles.append(check(replace(article, id=ids.give(article.id)), language))
                continue
            item: Mapping[str, Any] = {"text": record} if isinstance(record, str) else record
            try:
                partial = from_object(item, where)
            except FormatError as exc:
                raise InputError(where, str(exc).removeprefix(f"{where}: ")) from None
            articles.extend(check(a, language) for a in _articles([("", partial)], where, None, ids))
        except InputError as problem:
            if strict:
                raise
            problems.append(problem)
    return Loaded(tuple(articles), tuple(problems), (*ids.renamed, *undated(articles)))
