"""Command line: ``newsfuse summarize|analyze|ingest PATH...``, ``stories``, ``story ID``, ``eval DATA``,
``train DATA``, ``watch FEED...`` and ``serve``.

User errors print one line naming the input and the reason and exit with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import newsfuse.threads  # noqa: F401  (first: it must run before NumPy is imported)
from newsfuse.arguments import parser
from newsfuse.datasets import read_clusters, read_peers
from newsfuse.errors import InputError
from newsfuse.escape import terminal
from newsfuse.ingest import load
from newsfuse.model import Story
from newsfuse.pipeline import MAX_BRIEF_WORDS, default, story_of, usable
from newsfuse.progress import Bar
from newsfuse.render import render
from newsfuse.summarizers import check_method
from newsfuse.summarizers.newsfuse import MODELS
from newsfuse.text import counted, noun

USAGE_ERROR = 2
STORAGE_ADVICE = (
    "{error}: free some disk space, or check that the database and its folder are writable and not locked by "
    "another program, then run the command again (what was reported done is stored)"
)
SERVER_ADVICE = (
    "{error}: check that the database server is running and reachable, then run the command again (what was "
    "reported done is stored)"
)
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES}
DAMAGED_ADVICE = "{error}: the store is damaged: restore it from a backup, or ingest into a new file"
DAMAGED = ("malformed", "not a database", "corrupt")  # what SQLite says of a file it cannot read as one


def open_store(db: str | None, read_only: bool = False) -> Any:
    """The store ``--db`` names (sqlite3 is imported only by the commands that use a store); one created now
    is said on stderr, so that a mistyped name does not pass unnoticed."""
    from newsfuse.postgres_db import is_postgres, masked
    from newsfuse.sqlite_db import sqlite_path
    from newsfuse.store import DEFAULT_DB, Store

    url = db or DEFAULT_DB
    path = "" if is_postgres(url) else sqlite_path(url)
    if path == ":memory:" or (path.startswith("file:") and (":memory:" in path or "mode=memory" in path)):
        raise InputError("--db", f"{url}: a database in memory keeps nothing once the command ends: name a file")
    if is_postgres(url):  # what fails is said in one line; psycopg's note on closing a lost connection is a second
        import logging

        logging.getLogger("psycopg").addHandler(logging.NullHandler())
    store = Store(url, read_only=read_only)
    if store.created:
        say(f"created store {masked(url) if is_postgres(url) else url}")  # a password is never shown
    return store


def say(message: str) -> None:
    """One line on stderr. Every error and warning goes through here: what it quotes from input (file names,
    titles) is escaped, so it stays one line and cannot drive the terminal."""
    print(f"newsfuse: {terminal(message)}", file=sys.stderr)


def warn(problem: InputError) -> None:
    say(f"warning: skipped {problem}")


def read_story(args: argparse.Namespace, max_words: int = MAX_BRIEF_WORDS) -> tuple[Story, list[str]]:
    """The story of the command's input files, and the warnings on what was read: the inputs skipped and the
    article ids met twice (each also said on stderr)."""
    loaded = load(args.paths, args.format, strict=args.strict, language=args.language)
    articles, problems = usable(loaded, args.strict, " ".join(args.paths), max_words)
    for problem in problems:
        warn(problem)
    for note in loaded.notes:
        say(f"warning: {note}")
    return story_of(articles), [*(f"skipped {p}" for p in problems), *loaded.notes]


def summarize_command(args: argparse.Namespace) -> int:
    story, read = read_story(args)
    if args.meaning:
        from newsfuse.pipeline import Pipeline
        from newsfuse.samefact import load_same_fact

        pipeline = Pipeline(same=load_same_fact())
    else:
        pipeline = default()
    try:
        result = pipeline.brief(story, args.words, args.method, language=args.brief_language, focus=args.focus)
    except InputError as problem:  # the option as the user typed it, not the API's field
        raise InputError("--brief-language", problem.reason) if problem.origin == "language" else problem from None
    result = replace(result, warnings=(*read, *result.warnings))
    if not result.sentences:  # never a silent success
        for warning in result.warnings:
            if warning.startswith("empty brief"):
                say(f"warning: {warning}")
    print(render(result, args.output, args.include_text))
    return 0


def analyze_command(args: argparse.Namespace) -> int:
    from newsfuse.anatomy import Recognisers, analyze_story
    from newsfuse.anatomy.analyze import MAX_ANALYSIS_WORDS
    from newsfuse.anatomy.report import render_analysis
    from newsfuse.samefact import load_same_fact

    story, _ = read_story(args, MAX_ANALYSIS_WORDS)
    same = None if args.no_meaning else load_same_fact()
    print(render_analysis(analyze_story(story, Recognisers(), same), args.output, args.include_text))
    return 0


def ingest_command(args: argparse.Namespace) -> int:
    from newsfuse.ingest import MAX_INGEST_ARTICLES, path_list
    from newsfuse.scale import engine
    from newsfuse.stories import ingest, input_bytes, units

    if all(path != "-" and not os.path.lexists(path) for path in path_list(args.paths)):  # no store for a typo
        raise InputError(args.paths[0], "No such file or directory")
    if args.workers and not args.batch:
        say("warning: --workers counts only with --batch (worker processes of a local cluster): ignored")
    limit = None if args.batch or args.scheduler else MAX_INGEST_ARTICLES  # batch work is the user's choice
    work = units(args.paths, args.format, args.language, limit)  # over the limit: refused here, no store yet
    bar = Bar("ingest", input_bytes(args.paths))
    workers = (args.workers or max(1, (os.cpu_count() or 1) - 1)) if args.batch else None
    done = [0]  # articles done so far, for the line a Ctrl-C leaves

    def report(count: int, read: int) -> None:
        done[0] = count
        bar.update(read, f"{counted(count, 'article')} done")

    try:
        with engine(args.scheduler, workers) as mapper, open_store(args.db) as store:  # no store for nothing
            tally = ingest(store, work, mapper, args.strict, report=report, warn=lambda m: say(f"warning: {m}"))
    except KeyboardInterrupt:
        bar.close()
        say(f"interrupted: {done[0]:,} articles were done and are stored (all but the batch in flight); run the "
            "same command again to go on: what is stored is skipped as a duplicate")  # fmt: skip
        raise
    except InputError as error:
        if not (args.strict and done[0]):
            raise
        stored = f"{done[0]:,} {noun(done[0], 'article')} before it are stored"  # never unsaid
        raise InputError(error.origin, f"{error.reason} (--strict stops here; {stored})") from None
    finally:
        bar.close()
    print(tally.summary())
    if not tally.added and not tally.duplicates and tally.problems:
        return USAGE_ERROR
    return 0


def watch_command(args: argparse.Namespace) -> int:
    from newsfuse.watch import feed_urls, settings, watch

    every = "10m" if args.every is None else args.every
    chosen = settings(every, args.once, args.delay, args.timeout, args.max_page, args.retries)
    feeds = feed_urls(args.feeds)  # both checked before a store is opened (or created)
    if args.once and args.every is not None:
        say("warning: --every has no effect with --once (one poll, then exit)")
    with open_store(args.db) as store:
        return watch(store, feeds, chosen, say)


def stories_command(args: argparse.Namespace) -> int:
    from newsfuse.browse import listing

    with open_store(args.db, read_only=True) as store:
        rows = listing(store, args.since, args.limit)
    if args.output == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no stories" + (f" updated since {args.since}" if args.since else ""))
    for row in rows:  # headlines, outlets and briefs come from input: escaped for the terminal
        outlets = terminal(", ".join(row["outlets"]))
        dates = terminal(f"{row['first_seen'] or 'undated'} – {row['last_seen'] or 'undated'}")
        print(f"[{row['id']}] {terminal(row['headline'])}")
        count = row["articles"]
        print(f"    {counted(count, 'article')} from {outlets}; {dates}")
        print(f"    {terminal(row['brief'])}\n")
    return 0


def story_command(args: argparse.Namespace) -> int:
    from newsfuse.browse import show_story

    with open_store(args.db, read_only=True) as store:
        result, articles = show_story(store, args.id, args.since, args.words, args.focus)
    print(render(result, args.output, args.include_text))
    if args.output == "text":
        print("\nArticles:")
        for a in articles:
            when = a.published or f"undated, added {a.added[:10]}"  # the day it was stored is no publication date
            line = f"{a.id}: {a.title or '(untitled)'} — {a.source or 'unknown outlet'}, {when}"
            print(f"  {terminal(line)}")
    return 0


def needs(module: str, command: str) -> None:
    """A clear error, not a traceback, when an optional dependency of a command is missing."""
    try:
        __import__(module)
    except ImportError:
        raise InputError(command, f"needs {module}: pip install 'newsfuse[eval]'") from None


def eval_command(args: argparse.Namespace) -> int:
    needs("rouge_score", "newsfuse eval")
    from newsfuse.evaluate import Settings, evaluate, format_reader_table, format_table
    from newsfuse.languages import code_of

    methods = tuple(check_method(m.strip(), "--methods") for m in args.methods.split(","))
    metric, truncate = ("recall", True) if args.duc else (args.metric, args.truncate)
    clusters = list(read_clusters(args.data, args.limit))
    tokenizer = args.tokenizer
    if tokenizer == "auto":
        english = all(code_of(c.language or "en") == "en" for c in clusters)
        tokenizer = "default" if english else "unicode"
    peers = read_peers(args.peers) if args.peers else None
    if args.focus and not any(c.topic for c in clusters):
        raise InputError(args.data, "--focus: the data gives no cluster a topic")
    settings = Settings(methods, args.words, metric, truncate, tokenizer, peers, args.focus)
    report = evaluate(clusters, settings, args.jobs)
    report["data"] = args.data
    kind = "F1" if metric == "f1" else "recall"
    cut = ", first N words" if truncate else ""
    done = f"{report['clusters']} clusters, {args.words} words{cut}, {report['seconds']} s"
    print(f"ROUGE {kind} (%), {terminal(args.data)}: {done}")
    tables = [("Best over references (max)", "max")]
    if any(len(c.references) > 1 for c in clusters):
        tables.insert(0 if args.duc else 1, ("Average over references", "avg"))
    for title, kind in tables:
        print(f"\n{title}, mean [95% bootstrap CI]:\n")
        print(format_table(report, kind))
    print("\nWhat readers see (definitions in the README):\n")
    print(format_reader_table(report))
    if args.json:
        try:
            Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
        except OSError as exc:
            raise InputError(args.json, f"cannot write the report ({exc.strerror or exc})") from None
    return 0


def train_command(args: argparse.Namespace) -> int:
    needs("sklearn", "newsfuse train")
    from newsfuse.train import train

    out = args.out or f"src/newsfuse/models/{args.model}.{MODELS[args.model]}"
    if Path(out).is_dir():  # found now, not after minutes of training
        raise InputError(out, "is a directory: --out names the model file to write")
    try:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).touch()
    except OSError as exc:
        raise InputError(out, f"cannot write the model ({exc.strerror or exc})") from None
    model = train(args.data, args.limit, out, args.model, args.words, args.jobs or os.cpu_count() or 1)
    about = model["about"]
    print(terminal(f"wrote {out}: {about['model']}; {about['rows']} rows from {about['data']}, {about['seconds']} s"))
    return 0


def can_listen(host: str, port: int) -> None:
    """A port another program holds (or a host this machine does not have) is one line, not a server that starts
    its workers and then fails to bind."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # as uvicorn binds it
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise InputError(f"{host}:{port}", f"cannot listen there ({exc.strerror or exc})") from None


def serve_command(args: argparse.Namespace) -> int:
    import uvicorn

    from newsfuse.service import Limits, create_app
    from newsfuse.service.admission import Budget
    from newsfuse.service.connection import timely_headers

    can_listen(args.host, args.port)  # before any worker starts
    limits = Limits(header_seconds=args.header_timeout, body_seconds=args.body_timeout)
    budget = Budget(args.deadline, args.queue)
    if args.db:  # a missing or foreign store is one line now, not an error in every request
        open_store(args.db, read_only=True).close()
    app = create_app(limits, args.workers, budget, worker_memory=args.worker_memory * 2**20, store=args.db)
    http = timely_headers(limits.header_seconds)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", http=http)
    return 0


COMMANDS = {
    "summarize": summarize_command,
    "analyze": analyze_command,
    "ingest": ingest_command,
    "watch": watch_command,
    "stories": stories_command,
    "story": story_command,
    "eval": eval_command,
    "train": train_command,
    "serve": serve_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as error:
        say(f"error: {error}")
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except machine_errors() as error:  # the store, the disk or the network, not the input
        say(f"error: {failure(error)}")
        return 1
    except MemoryError:
        say("error: out of memory: give fewer or smaller inputs")
        return 1


def machine_errors() -> tuple[type[Exception], ...]:
    """OSError, and the databases' errors once a command has imported their drivers (only the store commands
    do: start-up stays without them)."""
    drivers = (sys.modules.get(name) for name in ("sqlite3", "psycopg"))
    return (OSError, *(driver.Error for driver in drivers if driver is not None))


def failure(error: Exception) -> str:
    """One line for a failure of the machine rather than of the input, with what to do about storage."""
    line = (str(error).splitlines() or [type(error).__name__])[0]
    if type(error).__module__.startswith("psycopg") and type(error).__name__ == "OperationalError":
        return SERVER_ADVICE.format(error=line)  # the connection, not the disk
    if not isinstance(error, OSError) and any(word in line for word in DAMAGED):
        return DAMAGED_ADVICE.format(error=line)  # no disk space or lock would help
    storage = not isinstance(error, OSError) or error.errno in STORAGE_ERRNOS
    return STORAGE_ADVICE.format(error=line) if storage else line


if __name__ == "__main__":
    sys.exit(main())
