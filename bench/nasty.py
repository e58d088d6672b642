"""Nasty inputs through the CLI as users run it: exit code, message, time and peak memory of every run.

    python bench/nasty.py [--commands summarize analyze ingest] [--only NAME...] [--timeout 60]

Every input is written here (in a temporary folder) by this script: broken encodings, huge and deep files,
devices and pipes, hostile HTML, JSON that attacks the parser, figures and quotes that attack the finders.
Each is given to ``newsfuse summarize``, ``newsfuse analyze`` and ``newsfuse ingest`` (a fresh store each time)
in a fresh process, with a time limit; the table shows the exit code, the last line of stderr, the wall time
and the child's peak resident memory. Targets: no traceback, no run over 10 s or 1 GB, and every input over a
documented limit refused in under a second.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsfuse.render import markdown_table

SCRIPT = Path(sys.executable).parent / "newsfuse"
NEWSFUSE = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "newsfuse.cli"]
STORY = (
    "The earthen dam on Marlow Creek gave way before dawn on Tuesday, flooding the town of Alder Falls, and "
    "county officials said four people died. Engineers had rated the dam in poor condition in 2024."
)
SENTENCE = "Engineers said the spillway near mill {} held back the water of the creek on Tuesday. "


def text(body: str | bytes, name: str = "input.txt") -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        return path

    return write


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Dam fails</title></head><body>{body}</body></html>"


def fifo(folder: Path) -> Path:
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def files(count: int) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        inside = folder / "many"
        inside.mkdir()
        for n in range(count):
            (inside / f"a{n:05}.txt").write_text(f"Report {n}. {STORY}")
        return inside

    return write


def feed(entries: int) -> str:
    items = "".join(
        f"<item><title>Dam {n}</title><link>https://example.com/{n}</link><description>{STORY} ({n})</description>"
        "</item>"
        for n in range(entries)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Courier</title>{items}</channel></rss>"


def articles(count: int, words: int) -> str:
    sentences = "".join(SENTENCE.format(n) for n in range(words // 15))
    return json.dumps([{"id": f"a{n}", "text": sentences} for n in range(count)])


INPUTS: dict[str, Callable[[Path], Path]] = {
    # encodings and bytes
    "empty file": text(""),
    "whitespace only": text("  \n\n\t "),
    "PNG bytes": text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10),
    "Latin-1 bytes": text("Café: the dam failed on Tuesday, officials said.".encode("latin-1")),
    "UTF-16 with BOM": text(STORY.encode("utf-16")),
    "NUL in the middle": text(STORY.encode() + b"\x00" + STORY.encode()),
    "control characters": text(STORY + "".join(chr(c) for c in range(1, 32) if c != 10) * 50),
    "zero-width characters": text("\u200b".join(STORY)),
    "CRLF and CR line ends": text(STORY.replace(". ", ".\r\n") + "\r" + STORY),
    # size and shape
    "12 MB on one line": text(repeated("word ", 12_000_000)),
    "1,000,000 short lines": text("a\n" * 1_000_000),
    "900,000 characters on one line": text(repeated("water ", 900_000)),
    "45,000 lines": text("\n".join(SENTENCE.format(n) for n in range(45_000)) + "\n" + STORY),
    "one 900,000-character word": text("x" * 900_000),
    "one long word repeated": text(repeated("Pneumonoultramicroscopicsilicovolcanoconiosis ", 200_000)),
    "100,000 words of 'said'": text(repeated("said ", 500_000)),
    "a pipe (FIFO)": fifo,
    "/dev/zero": lambda _: Path("/dev/zero"),
    "an empty directory": lambda folder: (folder / "empty").mkdir() or folder / "empty",
    "a directory of 2,000 small files": files(2000),
    "a missing file": lambda folder: folder / "missing.txt",
    "a file name with spaces and a newline": text(STORY, "a b\nc.txt"),
    # JSON
    "JSON nested 5,000 deep (arrays)": text("[" * 5000 + "]" * 5000, "deep.json"),
    "JSON nested 5,000 deep (objects)": text('{"a":' * 5000 + "1" + "}" * 5000, "deep.json"),
    "JSON deep inside a field": text('{"text": "x", "title": ' + "[" * 5000 + "]" * 5000 + "}", "deep.json"),
    "JSON id of 5,000 digits": text('{"id": ' + "9" * 5000 + f', "text": "{STORY}"}}', "bigint.json"),
    "JSON lone surrogates": text('{"id": "a\\ud800", "title": "\\udc00", "text": "' + STORY + '\\ud800"}', "s.json"),
    "JSON text not a string": text('{"text": 5}', "t.json"),
    "JSON text null": text('{"text": null}', "t.json"),
    "JSON a bare number": text("42", "n.json"),
    "JSON truncated": text('{"text": "The dam', "t.json"),
    "JSON 10,000 tiny articles": text(json.dumps([{"text": f"Report {n}. {STORY}"} for n in range(10_000)]), "m.json"),
    "JSON 40 articles of 20,000 words": text(articles(40, 20_000), "big.json"),
    "JSONL with one bad line": text(f'{{"text": "{STORY}"}}\n{{oops\n{{"text": "{STORY}"}}\n', "l.jsonl"),
    "JSONL of 100,000 tiny lines": text("".join(f'{{"text": "Report {n}."}}\n' for n in range(100_000)), "l.jsonl"),
    "published 9999-12-31": text(json.dumps([{"text": STORY, "published": "9999-12-31"}]), "d.json"),
    "published 0001-01-01": text(json.dumps([{"text": STORY, "published": "0001-01-01"}]), "d.json"),
    "published 'yesterday'": text(json.dumps([{"text": STORY, "published": "yesterday"}]), "d.json"),
    # HTML and feeds
    "HTML opening with 10,000 comments": text("<!-- x -->\n" * 10_000 + page(f"<p>{STORY}</p>"), "page"),
    "HTML with the Multi-News separator in a script": text(
        page(f"<script>var s='a|||||b';</script><p>{STORY}</p>"), "page"
    ),
    "HTML of 12 MB": text(page("<p>" + repeated("flood ", 12_000_000) + "</p>"), "big.html"),
    "HTML navigation only": text(page("<nav><a href='/'>Home</a> | <a href='/n'>News</a></nav>"), "nav.html"),
    "HTML paywall only": text(page("<article><p>Subscribe now to read the full story.</p></article>"), "p.html"),
    "HTML entity flood": text(page("<p>" + "&amp;" * 200_000 + "</p>"), "e.html"),
    "HTML 20,000 nested divs": text(page("<div>" * 20_000 + STORY + "</div>" * 20_000), "nest.html"),
    "RSS of 10,000 entries": text(feed(10_000), "f.rss"),
    "malformed RSS": text("<?xml version='1.0'?><rss><channel><item><title>x", "f.rss"),
    "SVG with .xml extension": text("<svg xmlns='http://www.w3.org/2000/svg'><text>hi</text></svg>", "s.xml"),
    "Multi-News with 1,000 separators": text(" ||||| ".join(f"Report {n}. {STORY}" for n in range(1000)), "c.src"),
    # the finders
    "a 400-digit figure": text(f"The dam cost {'9' * 400} dollars to build. {STORY}"),
    "500 words that are all numbers": text(" ".join(str(n * 7919 % 100_000) for n in range(500))),
    "200 KB of '1.5 '": text(repeated("1.5 ", 200_000)),
    "200 KB of unclosed curly quotes": text(repeated("“He said, ", 200_000)),
    "200 KB of straight quotes": text(repeated('"a ', 200_000)),
    "200 KB of '$1 million '": text(repeated("$1 million ", 200_000)),
    "200 KB of dates": text(repeated("On Jan. 1, 2020, ", 200_000)),
    "200 KB of 'Mr. Smith said '": text(repeated("Mr. Smith said ", 200_000)),
    "200 KB of capitals": text(repeated("AB CD EF ", 200_000)),
    # languages and scripts
    "French article": text("Le barrage a cédé mardi avant l'aube et l'eau a envahi la ville, selon les autorités."),
    "Chinese article": text("周二黎明前，马洛溪上的土坝决堤，洪水淹没了奥尔德福尔斯镇，县官员说有四人死亡。" * 5),
    "Arabic article": text("انهار السد الترابي على نهر مارلو قبل فجر الثلاثاء وغمرت المياه البلدة. " * 5),
    "emoji only": text("🌊🏚️😱" * 2000),
    "base64 blob": text("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 2000),
    "minified JavaScript as .txt": text("function(a){return a&&a.b?c(a):d}var e=1;" * 5000),
    "a Markdown table": text("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 20_000),
    # the twenty-second session's hang hunt
    "a byline of many names": text(
        "Dam fails\n\nBy Sandra Anderson, Alexander Fernandez, Brandon Rolando, Miranda Candler and Amanda "
        f"Orlando-Sandoval; edited by Randall Candace.\n\n{STORY}"
    ),
    "RSS entry of 160,000 '<'": text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Dam</title><description>"
        + "&lt;" * 160_000
        + f" {STORY}</description></item></channel></rss>",
        "lt.rss",
    ),
    "4,000 'she said' with no woman named": text(
        "".join(f'Tom Baines spoke at gate {n}. "We lost it all at {n}," she said.\n' for n in range(4000))
    ),
    "JSON 6,000 one-quote articles": text(
        json.dumps([{"id": f"a{n}", "text": f'"We lost it all at {n}," Baines said.'} for n in range(6000)]),
        "q.json",
    ),
    "a tracking link of 5,000 characters": text(
        f"{STORY} Records show (report: https://x.example/?u=" + "b" * 5000 + ")."
    ),
    "a page that asks for JavaScript": text(page("<p>Please enable JavaScript to view this page.</p>"), "js.html"),
}


def run(command: list[str], timeout: float) -> tuple[int | str, str, float, float]:
    """Exit code (or "timeout"), the last stderr line, wall seconds and the child's peak resident MB."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                return "timeout", "", time.perf_counter() - started, usage.ru_maxrss / 1024
            time.sleep(0.02)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    traceback = any(line.startswith("Traceback") for line in lines)
    message = "TRACEBACK: " + lines[-1] if traceback else (lines[-1] if lines else "")
    return code, message, time.perf_counter() - started, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commands", nargs="+", default=["summarize", "analyze", "ingest"])
    parser.add_argument("--only", nargs="+", default=None, help="inputs whose name contains one of these")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is killed (default 60)")
    args = parser.parse_args(argv)
    chosen = {n: w for n, w in INPUTS.items() if not args.only or any(o in n for o in args.only)}
    rows, tracebacks, slow, large = [], 0, 0, 0
    with tempfile.TemporaryDirectory() as scratch:
        for number, (name, write) in enumerate(chosen.items()):
            folder = Path(scratch) / str(number)
            folder.mkdir()
            path = str(write(folder))
            for command in args.commands:
                extra = ["--db", str(folder / "store.db")] if command == "ingest" else ["--output", "json"]
                code, message, seconds, peak = run([*NEWSFUSE, command, path, *extra], args.timeout)
                tracebacks += message.startswith("TRACEBACK")
                slow += code == "timeout" or seconds > 10
                large += peak > 1024
                rows.append(
                    [name, command, str(code), message[:110].replace("|", "/"), f"{seconds:.2f}", f"{peak:.0f}"]
                )
                print(f"{name} / {command}: {code} {seconds:.2f} s", file=sys.stderr, flush=True)
    print(markdown_table(["input", "command", "exit", "last line of stderr", "seconds", "peak MB"], rows))
    print(f"\n{len(chosen)} inputs × {len(args.commands)} commands: {tracebacks} tracebacks, {slow} runs over 10 s, "
          f"{large} over 1 GB")  # fmt: skip
    return 1 if tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
