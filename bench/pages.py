"""Real web pages with expectations: the text newsfuse reads from each page, beside plain trafilatura.

    python bench/pages.py [FOLDER] [--timeout S] [--json FILE] [--failures] [--limit N] [--page TEXT]

FOLDER (default ``../shared/data/web_pages/trafilatura_tests``) holds ``pages/*.html`` and ``expectations.jsonl``,
one line per check set: ``{"page": "pages/NAME.html", "url": ..., "must_contain": [...], "must_not_contain":
[...], "suite": ...}`` (trafilatura's own test pages and expectations). Each page is read once per system:

* newsfuse, as a user gets it: ``newsfuse.ingest.load([page])`` and then the pipeline's own cleaning stage,
  ``newsfuse.pipeline.usable`` (what the CLI does before segmenting), so the text checked is exactly the text
  the brief is built from, with each article's title (which newsfuse keeps and shows as the article's title,
  and the cleaning drops from the text when the page repeats it as the first line). A page is
  refused when no usable article is left; the reason is the ``InputError``'s one line (not UTF-8, not English,
  no article text found, nothing left after removing web noise…). Any other exception is a bug: it is counted
  as a refusal with reason ``traceback`` and its first line is printed.
* plain trafilatura: ``trafilatura.extract(page_bytes)`` with its defaults (its own decoding); None or empty
  text is a refusal ("no text").

Checks: a string passes ``must_contain`` when it is found in the text, ``must_not_contain`` when it is not,
both after collapsing every run of whitespace to one space on both sides; case-sensitive, as in trafilatura's
tests. Every line of ``expectations.jsonl`` counts (a page in two suites has both lines' checks), but each page is
read, timed and accepted/refused once. A refused page fails all of its ``must_contain`` strings and passes
all of its ``must_not_contain`` strings (it shows no boilerplate because it shows nothing); those passes are
reported separately ("of which on refused pages") so they flatter no one unseen. A page passes all checks when
it is accepted and passes every check of every line it has; a refused page never does.

Timing: wall time and CPU time (``time.process_time``) per page, warm (both systems read one page first, untimed),
pinned to one core. Pages over 5 s are listed (target: none). With ``--timeout S`` every page is read in a
worker process (one per system, kept warm) that is killed after S seconds; such a page is refused as
``timeout``. ``--json FILE`` writes one record per page and system; ``--failures`` prints, for newsfuse,
every string lost (must_contain not found) or let through (must_not_contain found), page by page.
"""

from __future__ import annotations

import os

if hasattr(os, "sched_setaffinity"):  # one core, before NumPy starts its BLAS threads
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

import argparse
import json
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import trafilatura

from newsfuse.errors import InputError
from newsfuse.ingest import load
from newsfuse.pipeline import usable
from newsfuse.render import markdown_table

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "data" / "web_pages" / "trafilatura_tests"
SYSTEMS = ("newsfuse", "trafilatura")
SLOW = 5.0  # seconds: a page slower than this is listed
SHOWN = 100  # characters of a failed string shown by --failures


@dataclass
class Page:
    """A page and every check of every expectation line that names it."""

    name: str
    path: Path
    suites: list[str] = field(default_factory=list)
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)


@dataclass
class Read:
    """What one system made of one page."""

    text: str
    reason: str  # empty when accepted
    wall: float
    cpu: float
    traceback: str = ""  # first line of an unexpected exception
    warnings: list[str] = field(default_factory=list)


@dataclass
class Record:
    page: str
    system: str
    accepted: bool
    reason: str
    contains_passed: int
    contains_total: int
    not_contains_passed: int
    not_contains_total: int
    seconds: float
    cpu_seconds: float | None  # None: killed at the timeout
    words: int
    missing: list[str]  # must_contain strings not found
    present: list[str]  # must_not_contain strings found
    traceback: str = ""
    warnings: list[str] = field(default_factory=list)


def pages(folder: Path) -> list[Page]:
    found: dict[str, Page] = {}
    with (folder / "expectations.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            page = found.setdefault(item["page"], Page(item["page"], folder / item["page"]))
            page.suites.append(item.get("suite", ""))
            page.must_contain.extend(item.get("must_contain", []))
            page.must_not_contain.extend(item.get("must_not_contain", []))
    return list(found.values())


def newsfuse_text(path: Path) -> tuple[str, str, list[str]]:
    """(text, refusal reason, warnings): ingest, then the pipeline's cleaning stage."""
    try:
        articles, problems = usable(load([str(path)]), strict=False, where=str(path))
    except InputError as refused:
        return "", refused.reason, []
    return "\n\n".join(f"{a.title}\n{a.text}" for a in articles), "", [p.reason for p in problems]


def trafilatura_text(path: Path) -> tuple[str, str, list[str]]:
    text = trafilatura.extract(path.read_bytes())
    return (text, "", []) if text and text.strip() else ("", "no text", [])


READERS: dict[str, Callable[[Path], tuple[str, str, list[str]]]] = {
    "newsfuse": newsfuse_text,
    "trafilatura": trafilatura_text,
}


def read(system: str, path: Path) -> Read:
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        text, reason, warnings = READERS[system](path)
        failure = ""
    except Exception as exc:  # a bug, not a refusal: reported on its own
        text, reason, warnings = "", "traceback", []
        failure = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return Read(text, reason, time.perf_counter() - wall, time.process_time() - cpu, failure, warnings)


def worker(connection: Connection, warm: Path) -> None:
    """Reads pages sent as (system, path) until None; warm first, like the in-process run, then says so."""
    for system in SYSTEMS:
        read(system, warm)
    connection.send("ready")
    while (job := connection.recv()) is not None:
        connection.send(read(job[0], Path(job[1])))


class Child:
    """A warm worker process for one system; killed and replaced when a page runs past the timeout."""

    def __init__(self, warm: Path) -> None:
        self.warm = warm
        self.start()

    def start(self) -> None:
        self.connection, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=worker, args=(theirs, self.warm), daemon=True)
        self.process.start()
        theirs.close()
        self.connection.recv()  # warm: no page's time

    def read(self, system: str, path: Path, timeout: float) -> Read:
        self.connection.send((system, str(path)))
        started = time.perf_counter()
        if self.connection.poll(timeout):
            return self.connection.recv()
        self.process.kill()
        self.process.join()
        self.start()
        return Read("", "timeout", time.perf_counter() - started, float("nan"))

    def close(self) -> None:
        self.connection.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


def normal(text: str) -> str:
    return " ".join(text.split())


def record(page: Page, system: str, result: Read) -> Record:
    text = normal(result.text)
    accepted = not result.reason
    missing = [s for s in page.must_contain if not accepted or normal(s) not in text]
    present = [s for s in page.must_not_contain if accepted and normal(s) in text]
    return Record(
        page.name, system, accepted, result.reason, len(page.must_contain) - len(missing), len(page.must_contain),
        len(page.must_not_contain) - len(present), len(page.must_not_contain), round(result.wall, 4),
        None if result.cpu != result.cpu else round(result.cpu, 4), len(result.text.split()), missing, present,
        result.traceback, result.warnings,
    )  # fmt: skip


def cpu(r: Record) -> str:
    return "–" if r.cpu_seconds is None else f"{r.cpu_seconds:.2f}"


def share(passed: int, total: int) -> str:
    return f"{passed}/{total} ({100 * passed / total:.1f}%)" if total else "–"


def summary_row(system: str, records: list[Record]) -> list[str]:
    accepted = [r for r in records if r.accepted]
    refused_not = sum(r.not_contains_passed for r in records if not r.accepted)
    passing = sum(r.accepted and not r.missing and not r.present for r in records)
    slowest = max(records, key=lambda r: r.seconds)
    return [
        system,
        str(len(records)),
        str(len(accepted)),
        str(len(records) - len(accepted)),
        share(sum(r.contains_passed for r in records), sum(r.contains_total for r in records)),
        share(sum(r.not_contains_passed for r in records), sum(r.not_contains_total for r in records)),
        str(refused_not),
        share(passing, len(records)),
        f"{sum(r.seconds for r in records):.1f}",
        f"{sum(r.cpu_seconds or 0 for r in records):.1f}",
        f"{Path(slowest.page).name} ({slowest.seconds:.2f} wall, {cpu(slowest)} CPU)",
    ]


def print_failures(records: list[Record]) -> None:
    print("\nnewsfuse failures (must_contain lost, must_not_contain let through)\n")
    for r in records:
        if not (r.missing or r.present):
            continue
        state = f"refused: {r.reason}" if not r.accepted else f"{r.words} words"
        print(f"{r.page} ({state})")
        for label, strings in (("lost", r.missing), ("kept", r.present)):
            for s, n in Counter(normal(s) for s in strings).items():  # a page in two suites may check twice
                print(f"  {label}: {s[:SHOWN]}{'…' if len(s) > SHOWN else ''}{f' (×{n})' if n > 1 else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER, help="pages/ and expectations.jsonl")
    parser.add_argument("--timeout", type=float, default=None, help="read each page in a worker, killed after S s")
    parser.add_argument("--json", type=Path, default=None, help="write one record per page and system to FILE")
    parser.add_argument("--failures", action="store_true", help="print newsfuse's failed checks, page by page")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages only")
    parser.add_argument("--page", default=None, help="only pages whose name contains TEXT")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    chosen = [p for p in pages(args.folder) if args.page is None or args.page in p.name][: args.limit]
    if not chosen:
        parser.error("no pages chosen")
    lines = sum(len(p.suites) for p in chosen)
    children = {s: Child(chosen[0].path) for s in SYSTEMS} if args.timeout else {}
    if not children:
        for system in SYSTEMS:  # warm: trafilatura's import and newsfuse's first page, untimed
            read(system, chosen[0].path)
    records: dict[str, list[Record]] = {s: [] for s in SYSTEMS}
    try:
        for page in chosen:
            for system in SYSTEMS:
                if children:
                    result = children[system].read(system, page.path, args.timeout or 0)
                else:
                    result = read(system, page.path)
                records[system].append(record(page, system, result))
    finally:
        for child in children.values():
            child.close()

    print(f"{args.folder}: {len(chosen)} pages, {lines} expectation lines")
    mode = f"each page in a worker process, timeout {args.timeout:g} s" if args.timeout else "in-process"
    print(f"warm, one core, {mode}\n")
    header = ["system", "pages", "accepted", "refused", "must-contain", "must-not-contain",
              "of which on refused pages", "pages passing all", "total wall s", "total CPU s",
              "slowest page (s)"]  # fmt: skip
    print(markdown_table(header, [summary_row(s, records[s]) for s in SYSTEMS]))

    ours = records["newsfuse"]
    reasons = Counter(r.reason for r in ours if not r.accepted)
    if reasons:
        print("\nnewsfuse refusals\n")
        rows = [[reason, str(n)] for reason, n in reasons.most_common()]
        print(markdown_table(["reason", "pages"], rows))
    plain = Counter(r.reason for r in records["trafilatura"] if not r.accepted)
    if plain:
        print(f"\ntrafilatura refusals: {', '.join(f'{reason} ({n})' for reason, n in plain.most_common())}")
    bugs = [r for s in SYSTEMS for r in records[s] if r.traceback]
    print(f"\ntracebacks (bugs): {len(bugs)}")
    for r in bugs:
        print(f"  {r.system} {r.page}: {r.traceback}")
    warned = [r for r in ours if r.warnings]
    if warned:
        print(f"\nnewsfuse pages accepted with warnings: {len(warned)}")
        for r in warned:
            print(f"  {r.page}: {'; '.join(r.warnings)}")

    slow = sorted((r for s in SYSTEMS for r in records[s] if r.seconds > SLOW), key=lambda r: -r.seconds)
    print(f"\npages over {SLOW:g} s: {len(slow)} (target 0)")
    if slow:
        rows = [[r.page, r.system, f"{r.seconds:.2f}", cpu(r), r.reason or "accepted"] for r in slow]
        print(markdown_table(["page", "system", "wall s", "CPU s", "result"], rows))

    if args.failures:
        print_failures(ours)
    if args.json:
        everything: list[dict[str, Any]] = [asdict(r) for s in SYSTEMS for r in records[s]]
        args.json.write_text(json.dumps(everything, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nper-page records: {args.json}")
    print(f"\nbench wall time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
