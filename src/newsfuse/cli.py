"""Command line: ``newsfuse summarize PATH...``.

User errors print one line naming the input and the reason and exit with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsfuse.errors import InputError
from newsfuse.formats import FORMATS
from newsfuse.ingest import load
from newsfuse.pipeline import DEFAULT_WORDS, brief, clean_all, story_of
from newsfuse.render import OUTPUTS, render
from newsfuse.summarizers import METHODS

USAGE_ERROR = 2


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="newsfuse", description="Many news reports in, one attributed brief out.")
    commands = top.add_subparsers(dest="command", required=True)
    s = commands.add_parser("summarize", help="write one brief of the articles given")
    s.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories, or - for stdin")
    s.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: auto-detect)")
    s.add_argument("--words", type=positive, default=DEFAULT_WORDS, help="length budget in words (default 250)")
    s.add_argument("--output", choices=OUTPUTS, default="text", help="output format (default text)")
    s.add_argument("--method", choices=tuple(METHODS), default="newsfuse", help="summarizer (default newsfuse)")
    s.add_argument("--include-text", action="store_true", help="JSON: add each article's cleaned text")
    s.add_argument("--strict", action="store_true", help="stop at the first bad input instead of skipping it")
    return top


def warn(problem: InputError) -> None:
    print(f"newsfuse: warning: skipped {problem}", file=sys.stderr)


def summarize_command(args: argparse.Namespace) -> int:
    loaded = load(args.paths, args.format, strict=args.strict)
    articles, empty = clean_all(loaded.articles, strict=args.strict)
    problems = [*loaded.problems, *empty]
    if not articles:
        if len(problems) == 1:
            raise problems[0]
        for problem in problems:
            warn(problem)
        raise InputError(" ".join(args.paths), "no usable articles in the input")
    for problem in problems:
        warn(problem)
    result = brief(story_of(articles), args.words, args.method)
    print(render(result, args.output, args.include_text))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return summarize_command(args)
    except InputError as error:
        print(f"newsfuse: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
