"""Stories: a stream of articles into the store, each assigned to a story (``browse`` reads them back).

Ingest runs in three steps. Inputs are read and split into units (a JSONL file into chunks of lines); each
unit is parsed, checked, cleaned and featurised by ``prepare`` (pure, so it runs on Dask workers), one
article at a time: a bad one is skipped alone, named by its place; then the one writer, this process,
clusters and stores the prepared articles batch by batch, in input order, each batch one transaction.
Progress is reported only for committed batches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from newsfuse.cluster import (
    MAX_BUCKET,
    Candidate,
    add,
    buckets_of_many,
    decide,
    length,
    normal_url,
    term_counts,
    text_hash,
    vector,
)
from newsfuse.decoding import is_binary
from newsfuse.errors import InputError, unexpected
from newsfuse.ingest import (
    MAX_INGEST_ARTICLES,
    check_format,
    files_under,
    inputs,
    read_bytes,
    read_input,
    within_ingest_limit,
)
from newsfuse.languages import Languages
from newsfuse.model import Article
from newsfuse.pipeline import clean_all
from newsfuse.store import Store
from newsfuse.text import counted

BATCH = 2000  # articles per transaction: fewer, larger commits write each touched index page once for more rows
LINES_PER_UNIT = 1000  # a JSONL file is prepared in chunks of this many lines
MAX_CANDIDATES = 20  # stories compared per incoming article, those sharing the most LSH buckets with it


@dataclass(frozen=True)
class Prepared:
    article: Article  # cleaned
    url: str | None
    text_hash: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Unit:
    origin: str
    data: bytes
    fmt: str
    problem: InputError | None = None  # the input could not be read at all
    first_line: int | None = None  # a part of a JSONL file, from this line on (the file is checked whole)
    language: str | None = None  # every article is in this language (``--language``), whatever it seems


def units(
    paths: Iterable[str], fmt: str, language: str | None = None, limit: int | None = MAX_INGEST_ARTICLES
) -> Iterator[Unit]:
    """Inputs as units of work; a JSONL file is split by lines, each part knowing where it starts.

    Every input is counted first, here and now: a run of more than ``limit`` articles, or of more than
    ``MAX_INGEST_BYTES`` of input, is refused (InputError) before any is prepared or stored, so that a run
    stays interactive; batch work (``--batch``, a Dask cluster) passes None for no limit.
    Files are read again when their units are made; stdin, which cannot be, is held meanwhile."""
    check_format(fmt)
    found = [
        (origin, _read_once(origin, read) if origin == "-" else read) for origin, read in inputs(paths, once=False)
    ]
    if limit is not None:
        within_ingest_limit(found, fmt, limit)
    return _units(found, fmt, language)


def _read_once(origin: str, read: Callable[[], bytes]) -> Callable[[], bytes]:
    """A reader that gives what ``read`` gave the one time it was read (its bytes, or its InputError)."""
    try:
        data = read_bytes(origin, read)
    except InputError as problem:
        return partial(_fail, problem)
    return lambda: data


def _fail(problem: InputError) -> bytes:
    raise problem


def _units(found: list[tuple[str, Callable[[], bytes]]], fmt: str, language: str | None) -> Iterator[Unit]:
    for origin, read in found:
        try:
            data = read_bytes(origin, read)
        except InputError as problem:
            yield Unit(origin, b"", fmt, problem, language=language)
            continue
        jsonl = fmt == "jsonl" or (fmt == "auto" and Path(origin).suffix.lower() in {".jsonl", ".ndjson"})
        lines = data.rstrip(b"\n").split(b"\n")
        if not jsonl or len(lines) <= LINES_PER_UNIT or is_binary(data) or not data.strip():
            yield Unit(origin, data, fmt, language=language)  # read whole (a binary or blank file is refused whole)
            continue
        for start in range(0, len(lines), LINES_PER_UNIT):
            part = b"\n".join(lines[start : start + LINES_PER_UNIT])
            yield Unit(origin, part, "jsonl", first_line=start + 1, language=language)


def prepare(unit: Unit) -> tuple[list[Prepared], list[InputError], tuple[str, ...], int]:
    """Parse, check, clean and featurise one unit: (articles, problems, notes on what was kept but not read as
    given, bytes read). Pure: runs in any process.

    Each article on its own: whatever fails on one (even a bug) skips that one, named, and not its neighbours;
    otherwise every re-run would stop at the same article."""
    if unit.problem:
        return [], [unit.problem], (), 0
    loaded = read_input(unit.origin, lambda: unit.data, unit.fmt, first_line=unit.first_line, language=unit.language)
    prepared, problems = [], list(loaded.problems)
    languages = Languages()  # once per unit: English costs nothing to load, another language one file read
    for article in loaded.articles:
        try:
            [cleaned], _ = clean_all([article])
            counts = dict(term_counts(cleaned.text, languages[cleaned.language]))
            prepared.append(Prepared(cleaned, normal_url(cleaned.url), text_hash(cleaned.text), counts))
        except InputError as problem:
            problems.append(problem)
        except MemoryError:
            raise
        except Exception as exc:  # a bug met by one article
            problems.append(InputError(article.origin or article.id, f"not stored ({unexpected(exc)})"))
    return prepared, problems, loaded.notes, len(unit.data)


@dataclass
class Tally:
    """What an ingest did, for the summary line."""

    added: int = 0
    duplicates: int = 0
    merged: int = 0
    created: set[int] = field(default_factory=set)
    updated: set[int] = field(default_factory=set)
    problems: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # articles stored, with something given not read (a date)

    def summary(self) -> str:
        updated = len(self.updated - self.created)
        return (
            f"{counted(self.added, 'article')} added, {counted(self.duplicates, 'duplicate')} skipped, "
            f"{counted(len(self.problems), 'bad input')}; {counted(len(self.created), 'story', 'stories')} created, "
            f"{updated} updated, {self.merged} merged"
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def write_batch(store: Store, batch: list[Prepared], tally: Tally) -> None:
    """Cluster and store one batch in one transaction, in order (deterministic for the same input order)."""
    now = _now()
    with store.transaction():
        fresh = _new_only(store, batch, tally)
        if not fresh:
            return
        in_batch = Counter(t for p in fresh for t in p.counts)
        df = store.document_frequencies(list(in_batch))
        for term, count in in_batch.items():
            df[term] = df.get(term, 0) + count
        total = store.article_count() + len(fresh)
        vectors = [vector(p.counts, df, total) for p in fresh]
        keys = buckets_of_many(vectors)
        members = store.bucket_members((key for ks in keys for key in ks), MAX_BUCKET)
        stories = _Stories(store, now)
        index = []
        for p, own, own_keys in zip(fresh, vectors, keys, strict=True):
            when = p.article.published_on
            nearby = [story for key in own_keys for story in members.get(key, ())]
            story = stories.assign(nearby, own, when, tally)
            stories.add_article(story, _row(p, p.article.published_at, now))
            for key in own_keys:  # index the story under the article's buckets, unless it is there already
                bucket = members.setdefault(key, [])
                if story not in bucket:
                    bucket.insert(0, story)
                    del bucket[MAX_BUCKET:]  # the newest, as the store hands them out: bounded work per article
                    index.append((key, story))
            tally.added += 1
        stories.save()
        store.add_buckets(stories.resolved(index))
        store.add_document_frequencies(in_batch)


def _new_only(store: Store, batch: list[Prepared], tally: Tally) -> list[Prepared]:
    """The batch without articles already stored (same URL or same text) or repeated within it."""
    urls, hashes = store.known([p.url for p in batch if p.url], [p.text_hash for p in batch])
    fresh = []
    for p in batch:
        if (p.url and p.url in urls) or p.text_hash in hashes:
            tally.duplicates += 1
            if p.text_hash not in hashes:  # its page, stored before with other words: never dropped unsaid
                where = f"{p.article.origin} ({p.article.id})" if p.article.origin else p.article.id
                tally.notes.append(f"{where}: {p.url} is stored already with other text (an updated version?): "
                                   "the version stored first is kept")  # fmt: skip
            continue
        fresh.append(p)
        hashes.add(p.text_hash)
        if p.url:
            urls.add(p.url)
    return fresh


class _Stories:
    """The stories one batch compares with, their profiles and dates, kept current as articles are assigned;
    and the batch's articles, stored all at once (before a merge moves them, and at the end).

    Profiles are read from the store only when a story is among an article's best candidates: most stories
    met in an LSH bucket are never compared. Each is kept as the ``Candidate`` it is compared as, made anew
    only when it changes.
    """

    def __init__(self, store: Store, now: str) -> None:
        self.store, self.now = store, now
        self.candidates: dict[int, Candidate] = {}
        self.merged: dict[int, int] = {}
        self.changed: set[int] = set()
        self.articles: list[dict[str, Any]] = []

    def _load(self, stories: list[int]) -> None:
        missing = [s for s in stories if s not in self.candidates]
        for story, (centroid, first, last) in self.store.profiles(missing).items():
            self.candidates[story] = Candidate(story, centroid, length(centroid), _day(first), _day(last))

    def live(self, story: int) -> int:
        """The story an id stands for now, after the merges of this batch."""
        while story in self.merged:
            story = self.merged[story]
        return story

    def resolved(self, index: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """(bucket, story) rows with each story as it stands now, after the merges of this batch."""
        return [(key, self.live(story)) for key, story in index] if self.merged else index

    def _most_met(self, nearby: list[int]) -> list[int]:
        """The ``MAX_CANDIDATES`` stories met most often; ties go to the oldest story, except a survivor of this
        batch's merges met only under its merged ids, which comes last among its ties (the rare case, counted
        apart: the common one sorts only the stories met, not every meeting, nor through a heap)."""
        met = Counter(nearby)
        if self.merged and met.keys() & self.merged.keys():
            met = Counter(sorted(nearby))  # in id order ...
            for gone in met.keys() & self.merged.keys():  # ... then the survivors not met under their own id
                met[self.live(gone)] += met.pop(gone)
            return [story for story, _ in met.most_common(MAX_CANDIDATES)]
        return sorted(sorted(met), key=met.__getitem__, reverse=True)[:MAX_CANDIDATES]  # as most_common orders

    def assign(self, nearby: list[int], own: dict[str, float], when: date | None, tally: Tally) -> int:
        """The story for an article: a new one, or the oldest of those it matches (the others merge into it).

        ``nearby`` holds the stories met in the article's LSH buckets, once per shared bucket; only the
        ``MAX_CANDIDATES`` stories met most often are compared, which bounds the work per article.
        """
        best = self._most_met(nearby)
        self._load(best)
        matches = decide(own, when, [self.candidates[story] for story in best])
        centroid: Mapping[str, float] = {}
        span: tuple[date | None, date | None] = (None, None)
        if not matches:
            story = self.store.new_story(self.now)
            tally.created.add(story)
        else:
            story = min(matches)
            kept = self.candidates[story]
            centroid, span = kept.centroid, (kept.first, kept.last)
            for other in sorted(set(matches) - {story}):
                self.store_articles()  # the merge moves this batch's articles of ``other`` too
                self.store.merge(story, other)
                self.merged[other] = story
                gone = self.candidates.pop(other)
                centroid, span = add(centroid, gone.centroid), _widen(_widen(span, gone.first), gone.last)
                tally.merged += 1
            tally.updated.add(story)
        centroid = add(centroid, own)
        self.candidates[story] = Candidate(story, centroid, length(centroid), *_widen(span, when))
        self.changed.add(story)
        return story

    def add_article(self, story: int, row: dict[str, Any]) -> None:
        """An article of ``story``, stored with the others of the batch (in this order: the same ids)."""
        self.articles.append({**row, "story": story})

    def store_articles(self) -> None:
        self.store.add_articles(self.articles)
        self.articles = []

    def save(self) -> None:
        """Store the batch's articles, and the profile and dates of every story this batch changed."""
        self.store_articles()
        rows = []
        for story in sorted(self.changed - set(self.merged)):
            c = self.candidates[story]
            rows.append((story, c.centroid, *(d.isoformat() if d else None for d in (c.first, c.last))))
        self.store.save_stories(rows, self.now)


def _widen(span: tuple[date | None, date | None], when: date | None) -> tuple[date | None, date | None]:
    first, last = span
    if when is None:
        return span
    return (min(first, when) if first else when, max(last, when) if last else when)


def _row(p: Prepared, published: str | None, now: str) -> dict[str, Any]:
    a = p.article
    return {
        "external_id": a.id, "title": a.title, "text": a.text, "source": a.source, "url": p.url,
        "text_hash": p.text_hash, "published": published, "author": a.author, "added": now, "place": a.place or None,
    }  # fmt: skip


Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]


def ingest(
    store: Store,
    work: Iterable[Unit],
    mapper: Mapper = map,
    strict: bool = False,
    report: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Tally:
    """Prepare units with ``mapper`` (in order) and write them batch by batch; after each committed batch
    ``report`` gets the number of articles done (stored, or found stored already) and of input bytes read.
    ``warn`` gets a line for each input skipped and each note on one stored."""
    tally = Tally()
    pending: list[Prepared] = []
    committed = read = 0
    for prepared, problems, notes, size in mapper(prepare, work):
        read += size
        for problem in problems:
            if strict:
                raise problem
            tally.problems.append(problem)
            if warn:
                warn(f"skipped {problem}")
        tally.notes += notes
        for note in notes if warn else ():
            warn(note)
        pending.extend(prepared)
        while len(pending) >= BATCH:
            _written(store, pending[:BATCH], tally, warn)
            committed += BATCH
            pending = pending[BATCH:]
            if report:
                report(committed, read)
    if pending:
        _written(store, pending, tally, warn)
        committed += len(pending)
    if report:
        report(committed, read)
    return tally


def _written(store: Store, batch: list[Prepared], tally: Tally, warn: Callable[[str], None] | None) -> None:
    """``write_batch``, and a warning for each note it made (a page stored before with other text)."""
    known = len(tally.notes)
    write_batch(store, batch, tally)
    for note in tally.notes[known:] if warn else ():
        warn(note)


def input_bytes(paths: Iterable[str]) -> int:
    """Total size of the input files ``units`` will read (for the progress bar); stdin counts as nothing."""
    total = 0
    for raw in paths:
        path = Path(raw)
        try:
            found = files_under(path) if path.is_dir() else [path]
        except (OSError, InputError):
            continue
        total += sum(p.stat().st_size for p in found if p.is_file())
    return total
