"""Evaluation and training data sets: one cluster of documents with its human reference summaries per JSON line.

Format (as in ``../shared/data``): ``{"id", "documents": [str], "summary": str | "summaries": [str]}``, optionally
``"titles": [str]`` and ``"language"`` (a code or an English name: "fr", "french"), ``.jsonl`` or ``.jsonl.gz``.
Multi-News marks line breaks with ``NEWLINE_CHAR``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsfuse.errors import InputError


@dataclass(frozen=True)
class Cluster:
    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]
    titles: tuple[str, ...] = ()  # the documents' headlines, where the data has them ("" where missing)
    language: str = ""  # the documents' language as the data gives it ("" when it does not)
    topic: str = ""  # what the references answer, where the data says (DUC 2006/2007: title and narrative)


def read_clusters(path: str | Path, limit: int | None = None) -> Iterator[Cluster]:
    path = Path(path)
    if path.is_dir():
        raise InputError(str(path), "a directory: name the data file (.jsonl or .jsonl.gz) of clusters")
    if not path.is_file():
        raise InputError(str(path), "no such data file")
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        yield from _parse(opener(path, "rt", encoding="utf-8"), path, limit)
    except (OSError, EOFError, ValueError) as exc:  # ValueError: undecodable, or a line over MAX_LINE
        raise InputError(str(path), f"cannot read the data file ({exc})") from None


MAX_LINE = 64 * 2**20  # characters in one cluster line: a longer one is refused, not read into memory


def _lines(stream: IO[str]) -> Iterator[str]:
    """The stream's lines, each read with a bound (a gzip file can expand to one line of gigabytes)."""
    while line := stream.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE:
            raise ValueError(f"a line of more than {MAX_LINE:,} characters")
        yield line


def _texts(value: object) -> bool:
    """A list of strings (a bare string is not: its characters would be read as documents)."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _parse(stream: IO[str], path: Path, limit: int | None) -> Iterator[Cluster]:
    with stream as opened:
        count = 0
        for number, line in enumerate(_lines(opened), 1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                given, references = row["documents"], row.get("summaries") or [row["summary"]]
                if not _texts(given) or not _texts(references):
                    raise TypeError("'documents' and 'summaries' must be lists of texts ('summary' a text)")
                kept = [n for n, d in enumerate(given) if d.strip()]
                if not kept or not any(r.strip() for r in references):
                    raise ValueError("a cluster needs a document and a reference with text: scored, it would count 0")
                documents = tuple(given[n].replace("NEWLINE_CHAR", "\n") for n in kept)
                titles = tuple(str(row["titles"][n]) for n in kept) if row.get("titles") else ()
            except KeyError as missing:
                why = f"no {missing} field (a cluster has 'documents' and 'summaries' or 'summary')"
                raise InputError(f"{path}:{number}", f"not a cluster line: {why}") from None
            except (ValueError, RecursionError, TypeError, AttributeError, IndexError) as exc:
                raise InputError(f"{path}:{number}", f"not a cluster line ({exc})") from None
            count += 1
            language = str(row.get("language") or "")
            yield Cluster(str(row.get("id", number)), documents, tuple(references), titles, language, topic_of(row))


def topic_of(row: dict) -> str:
    """What a cluster's references answer, where the data says: DUC's ``{"title", "narrative"}`` or a text."""
    topic = row.get("topic") or ""
    if isinstance(topic, dict):
        topic = " ".join(str(topic.get(key) or "") for key in ("title", "narrative"))
    return str(topic).strip()


def read_peers(path: str | Path) -> dict[str, dict[str, str]]:
    """Other systems' summaries to score beside ours: JSON lines ``{"system", "cluster", "summary"}`` →
    {system: {cluster id: summary}}."""
    peers: dict[str, dict[str, str]] = {}
    try:
        with Path(path).open(encoding="utf-8") as lines:
            for number, line in enumerate(_lines(lines), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    peers.setdefault(str(row["system"]), {})[str(row["cluster"])] = str(row["summary"])
                except (ValueError, RecursionError, KeyError, TypeError) as exc:
                    raise InputError(f"{path}:{number}", f"not a peer summary line ({type(exc).__name__})") from None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read the peer summaries ({exc})") from None
    if not peers:
        raise InputError(str(path), "no peer summaries in the file")
    return peers
