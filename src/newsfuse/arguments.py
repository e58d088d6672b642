"""The command line's grammar: its commands, their options, and the types that check each value as it is typed.

A value out of range is refused by argparse with one line naming the option (exit 2), before any work starts.
"""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

from newsfuse import model
from newsfuse.escape import terminal
from newsfuse.formats import FORMATS
from newsfuse.pipeline import DEFAULT_WORDS
from newsfuse.render import OUTPUTS
from newsfuse.summarizers import METHODS
from newsfuse.summarizers.newsfuse import MODELS

ANALYSIS_OUTPUTS = ("markdown", "json")  # newsfuse.anatomy.report.OUTPUTS, which a brief should not import
DB_HELP = "database URL or SQLite file (default: newsfuse.db in the current folder)"


def positive(value: str, largest: int = 2**63 - 1) -> int:
    """A whole number from 1 to ``largest`` (by default the largest a database integer holds)."""
    if not value.strip().isascii() or not value.strip().isdigit():  # int() also takes "1_0", "+1" and "١"
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value[:40]!r}")
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value[:40]}")
    if number > largest:
        raise argparse.ArgumentTypeError(f"must be from 1 to {largest}, got {value[:40]}")
    return number


def megabytes(value: str) -> int:
    """A worker memory budget: under 100 MB a worker could not even load, and would be replaced for ever."""
    number = positive(value, largest=2**40)
    if number < 100:
        raise argparse.ArgumentTypeError(f"must be at least 100 MB, got {value[:40]}")
    return number


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value[:40]!r}") from None
    if not 0.01 <= number <= 3600:
        raise argparse.ArgumentTypeError(f"must be from 0.01 to 3600 seconds, got {value[:40]}")
    return number


def language(value: str) -> str:
    from newsfuse.languages import SUPPORTED, code_of

    if (code := code_of(value)) is None:
        names = ", ".join(f"{code} ({name})" for code, (name, _, _) in SUPPORTED.items())
        raise argparse.ArgumentTypeError(f"not a language newsfuse reads: {value[:40]!r} (it reads {names})")
    return code


def port(value: str) -> int:
    return positive(value, 65535)


MAX_WORKERS = 256  # processes one command may start: far past any machine's cores, short of exhausting it


def workers(value: str) -> int:
    return positive(value, MAX_WORKERS)


SCHEDULER = re.compile(r"(?:(?:tcp|tls|inproc|ucx|ws|wss)://)?[\w.\-\[\]:]+:\d{1,5}")


def scheduler(value: str) -> str:
    """A Dask scheduler's address, checked before any store is opened: "tcp://10.0.0.5:8786", "10.0.0.5:8786"."""
    if not SCHEDULER.fullmatch(value.strip()):
        raise argparse.ArgumentTypeError(f"expected a scheduler address such as tcp://10.0.0.5:8786, got {value!r}")
    return value.strip()


def iso_date(value: str) -> str:
    try:
        return model.iso_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{model.EXPECTED_DATE}, got {value!r}") from None


class Parser(argparse.ArgumentParser):
    """argparse, with its errors (which quote what was typed) escaped like every other message."""

    def error(self, message: str) -> NoReturn:
        super().error(terminal(message))


def parser() -> argparse.ArgumentParser:
    top = Parser(prog="newsfuse", description="Many news reports in, one attributed brief out.")
    commands = top.add_subparsers(dest="command", required=True)
    s = commands.add_parser("summarize", help="write one brief of the articles given")
    s.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories, or - for stdin")
    s.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: auto-detect)")
    s.add_argument("--words", type=positive, default=DEFAULT_WORDS, help="length budget in words (default 250)")
    s.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default text)")
    s.add_argument("--method", choices=tuple(METHODS), default="newsfuse", help="summarizer (default newsfuse)")
    s.add_argument("--include-text", action="store_true", help="JSON: add each article's cleaned text")
    s.add_argument("--strict", action="store_true", help="stop at the first bad input instead of skipping it")
    s.add_argument("--language", type=language, default=None, help="the articles' language (default: found each)")
    s.add_argument(
        "--brief-language", type=language, default=None,
        help="write the brief from the articles in this language (default: the one most articles are in)",
    )  # fmt: skip
    s.add_argument(
        "--meaning", action="store_true", help="corroboration and repeats by meaning (same fact, other words; slower)"
    )
    s.add_argument("--focus", default="", metavar="TEXT", help="a question or topic the brief should answer first")

    a = commands.add_parser("analyze", help="the story's anatomy: entities, quotes, timeline, figures, opinion")
    a.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories, or - for stdin")
    a.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: auto-detect)")
    a.add_argument("--output", choices=ANALYSIS_OUTPUTS, default="markdown", help="report format (default markdown)")
    a.add_argument("--include-text", action="store_true", help="JSON: add each article's cleaned text")
    a.add_argument("--strict", action="store_true", help="stop at the first bad input instead of skipping it")
    a.add_argument("--language", type=language, default=None, help="the articles' language (default: found each)")
    a.add_argument("--no-meaning", action="store_true", help="corroboration by shared words only (no semantic model)")

    i = commands.add_parser("ingest", help="add articles to the store and group them into stories")
    i.add_argument("paths", nargs="+", metavar="PATH", help="article files (any format, RSS/Atom feeds), directories")
    i.add_argument("--db", default=None, help=DB_HELP)
    i.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: auto-detect)")
    i.add_argument("--strict", action="store_true", help="stop at the first bad input instead of skipping it")
    i.add_argument("--language", type=language, default=None, help="the articles' language (default: found each)")
    i.add_argument(
        "--batch", action="store_true", help="batch work: prepare on a Dask LocalCluster, no limit on articles per run"
    )
    i.add_argument("--workers", type=workers, default=None, help="--batch: worker processes (default: cores - 1)")
    i.add_argument(
        "--scheduler", type=scheduler, default=None, help="prepare on this Dask cluster (e.g. tcp://10.0.0.5:8786)"
    )

    w = commands.add_parser("watch", help="poll RSS/Atom feeds, fetch each new entry's page once, ingest it")
    w.add_argument("feeds", nargs="+", metavar="FEED_URL_OR_FILE", help="feed URLs, or files listing them (or OPML)")
    w.add_argument("--db", default=None, help=DB_HELP)
    w.add_argument("--every", default=None, help="time between polls: 30s, 10m, 1h (default 10m, at least 10s)")
    w.add_argument("--once", action="store_true", help="poll once and exit (for cron)")
    w.add_argument("--delay", type=seconds, default=1.0, help="seconds between two requests to one host (default 1)")
    w.add_argument("--timeout", type=seconds, default=10.0, help="seconds to connect and for data (default 10)")
    w.add_argument("--max-page", default="5MB", help="largest page or feed downloaded (default 5MB)")
    w.add_argument("--retries", type=int, default=2, help="tries again after a 5xx or timeout, 0-5 (default 2)")

    ls = commands.add_parser("stories", help="list the stories in the store")
    ls.add_argument("--db", default=None, help=DB_HELP)
    ls.add_argument(
        "--since", type=iso_date, default=None, help="only stories updated since DATE (2026-11-05, or 2026-11-05T06:00)"
    )
    ls.add_argument("--limit", type=positive, default=20, help="at most N stories, most recent first (default 20)")
    ls.add_argument("--output", choices=("text", "json"), default="text", help="output format (default text)")

    one = commands.add_parser("story", help="one story: its brief and its articles")
    one.add_argument("id", type=positive, metavar="ID", help="story id (as listed by `newsfuse stories`)")
    one.add_argument("--db", default=None, help=DB_HELP)
    one.add_argument("--since", type=iso_date, default=None, help="update brief: only what is new since DATE")
    one.add_argument("--words", type=positive, default=DEFAULT_WORDS, help="length budget in words (default 250)")
    one.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default text)")
    one.add_argument("--include-text", action="store_true", help="JSON: add each article's cleaned text")
    one.add_argument("--focus", default="", metavar="TEXT", help="a question or topic the brief should answer first")

    e = commands.add_parser("eval", help="ROUGE of every method against human reference summaries")
    e.add_argument("data", metavar="DATA", help="cluster file (.jsonl or .jsonl.gz) with reference summaries")
    e.add_argument("--methods", default="newsfuse,lead,lexrank,textrank", help="comma-separated methods")
    e.add_argument("--words", type=positive, default=DEFAULT_WORDS, help="length budget in words (default 250)")
    e.add_argument("--limit", type=positive, default=None, help="first N clusters only")
    e.add_argument("--metric", choices=("f1", "recall"), default="f1", help="ROUGE F1 (default) or recall")
    e.add_argument("--truncate", action="store_true", help="cut each output to its first --words words (DUC)")
    e.add_argument("--duc", action="store_true", help="the DUC convention: recall, --truncate, average over references")
    e.add_argument("--jobs", type=positive, default=None, help="worker processes (default: all cores)")
    e.add_argument("--json", metavar="OUT", default=None, help="write all numbers and per-cluster scores here")
    e.add_argument(
        "--tokenizer", choices=("auto", "default", "unicode"), default="auto",
        help="ROUGE's words: rouge-score's (English only) or unicode (any script); auto: unicode unless English",
    )  # fmt: skip
    e.add_argument("--peers", metavar="FILE", default=None, help="other systems' summaries to score too (JSONL)")
    e.add_argument("--focus", action="store_true", help="give newsfuse each cluster's topic as its focus (DUC 2006/7)")

    t = commands.add_parser("train", help="train one of the default summarizer's models (needs scikit-learn)")
    t.add_argument(
        "data", nargs="+", metavar="DATA", help="training clusters (.jsonl[.gz]; the README's Data section says which)"
    )
    t.add_argument("--model", choices=tuple(MODELS), default="scorer", help="sentence scorer or concept weights")
    t.add_argument("--limit", type=positive, default=None, help="first N clusters of each file only")
    t.add_argument("--words", type=positive, default=260, help="oracle budget in words (default 260)")
    t.add_argument("--jobs", type=positive, default=None, help="worker processes (default: all cores)")
    t.add_argument("--out", default=None, help="where to write it (default: src/newsfuse/models/, as shipped)")

    v = commands.add_parser("serve", help="serve the HTTP API and the web page")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    v.add_argument("--port", type=port, default=8000, help="port (default 8000)")
    v.add_argument("--workers", type=workers, default=None, help="processes computing briefs (default: all cores)")
    v.add_argument("--deadline", type=seconds, default=5.0, help="seconds a request may take (default 5): then 504")
    v.add_argument("--queue", type=positive, default=4, help="requests admitted per worker (default 4): then 503")
    v.add_argument(
        "--worker-memory", type=megabytes, default=2048, metavar="MB",
        help="resident memory a worker may use (default 2048): past it, it is replaced and its request gets 503",
    )  # fmt: skip
    v.add_argument("--db", default=None, help="a store to serve the workspace from (stories, briefs, anatomy)")
    v.add_argument("--header-timeout", type=seconds, default=10.0, help="seconds for request headers (default 10)")
    v.add_argument("--body-timeout", type=seconds, default=30.0, help="seconds for a request body (default 30)")
    return top
