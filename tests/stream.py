"""A synthetic stream of news articles about many distinct fictional events, for the store and scale tests.

Each event has its own made-up place, person and organisation names, so that articles of one event share
distinctive words and articles of different events do not; the wording varies between outlets.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

SYLLABLES = "ka lo ve ri san tor mel quin dra bo fen gal hu ix jor nat pel ros tiv ul war yen zo bar cud".split()
TEMPLATES = (
    "Officials in {place} said on {day} that {person} of the {org} had ordered an inquiry into the {thing} at {site}.",
    "The {org} confirmed that the {thing} near {place} and {other} had been closed while {expert} examined it.",
    "{person} told reporters in {place} that the {site} {thing} would stay shut until {expert} finished a review.",
    "Residents of {place} and {other} gathered outside the {org} offices to ask {person} about the {site} {thing}.",
    "According to {expert} of the {org}, repairs to the {thing} at {site} in {place} could take several weeks.",
    "{person} said the {org} had warned {other} about the {site} {thing} in {place} last year.",
)
THINGS = (
    "grain silo", "river bridge", "water tower", "rail depot", "ferry pier", "power plant", "dam", "mine",
    "stadium roof", "school gym", "gas pipeline", "ski lift", "harbour crane", "parking garage", "sewage works",
    "lighthouse",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OUTLETS = ("Wire Service", "Daily Ledger", "Evening Post", "Radio News", "Valley Blog")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def event(number: int) -> dict[str, str]:
    rng = random.Random(number)
    return {
        "place": _name(rng, 3),
        "person": f"{_name(rng, 2)} {_name(rng, 3)}",
        "org": f"{_name(rng, 3)} Authority",
        "thing": f"{_name(rng, 2).lower()} {THINGS[number % len(THINGS)]}",
        "day": DAYS[number % len(DAYS)],
        "site": _name(rng, 3),
        "other": _name(rng, 3),
        "expert": f"{_name(rng, 2)} {_name(rng, 2)}",
    }


def article(number: int, copy: int, published: str | None = None) -> dict[str, str]:
    """Outlet ``copy``'s report of event ``number``: four of the templates, in its own order."""
    rng = random.Random(number * 1000 + copy)
    facts = event(number)
    sentences = rng.sample(TEMPLATES, 4)
    outlet = OUTLETS[copy % len(OUTLETS)]
    record = {
        "id": f"e{number}-{copy}",
        "title": f"{facts['thing'].capitalize()} closed in {facts['place']}",
        "text": " ".join(s.format(**facts) for s in sentences),
        "source": outlet,
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{number}/{copy}",
    }
    if published:
        record["published"] = published
    return record


def write_stream(path: Path, events: int, copies: int = 3, seed: int = 0, first: int = 0) -> list[dict[str, str]]:
    """A JSONL file of ``events × copies`` articles (events ``first``, ``first + 1``, …) in a shuffled order;
    returns the records in that order."""
    records = [article(e, c) for e in range(first, first + events) for c in range(copies)]
    random.Random(seed).shuffle(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def ingest_killed_after(
    stream: Path, db: str, reported: int, stop: signal.Signals = signal.SIGKILL
) -> tuple[int, bytes]:
    """``newsfuse ingest STREAM --db DB`` stopped with ``stop`` (SIGKILL, or a Ctrl-C's SIGINT) once its progress
    bar has reported ``reported`` articles done: how many it had reported, and all it printed on stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "ingest", str(stream), "--db", db],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal's Ctrl-C reaches it
    )  # fmt: skip
    done, seen = 0, b""
    deadline = time.monotonic() + 300
    while done < reported and time.monotonic() < deadline:
        chunk = os.read(process.stderr.fileno(), 4096)  # type: ignore[union-attr]
        if not chunk:
            break
        seen += chunk
        counts = re.findall(rb"(\d+) articles done", seen)
        done = int(counts[-1]) if counts else 0
    process.send_signal(stop)
    seen += process.stderr.read()  # type: ignore[union-attr]  # what it says as it stops
    process.wait(timeout=30)
    return done, seen


def write_mixed_stream(path: Path, events: int = 120, seed: int = 7) -> list[dict[str, str]]:
    """A JSONL file of a few hundred articles that takes every path of story assignment: events told by one to
    four outlets, dated or not, some told in part only (two of the four sentences: the full reports of the
    same event then bridge stories, which merge), a repeat of an event months later (a new story: the time
    window), and exact duplicates; shuffled. Returns the records in file order."""
    rng = random.Random(seed)
    records = []
    for number in range(events):
        for copy in range(rng.choice([1, 2, 3, 4])):
            day = f"2026-0{1 + number % 9}-{10 + copy:02d}" if rng.random() < 0.6 else None
            record = article(number, copy, day)
            if rng.random() < 0.2:
                record = {**record, "id": record["id"] + "p", "text": ". ".join(record["text"].split(". ")[:2]) + "."}
            records.append(record)
        if number % 10 == 0:
            records.append({**article(number, 5, "2026-12-01"), "id": f"late{number}"})
        if number % 25 == 0:
            records.append({**records[-1], "id": f"again{number}"})
    rng.shuffle(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records
