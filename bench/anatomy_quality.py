"""Quality of ``analyze`` against our own annotated stories: precision and recall per kind of item.

    python bench/anatomy_quality.py [eval/anatomy] [--json OUT]

Each story file holds a few fictional articles (with web noise) and hand labels: opinion sentences per
article (every other sentence is reporting), each quotation with its speaker, each dated expression with its
date, and each person, organisation and place with the spellings that name it. Labels point into the text by
substrings, so they survive cleaning. Files marked "dev" were used while writing the rules; "held-out" ones
were written and labelled before the system was first run on them.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from newsfuse.anatomy import Analysis, analyze, load_ner
from newsfuse.render import markdown_table

KINDS = ("quotes with speaker", "entities", "timeline", "opinion sentences")


def _find(text: str, needle: str, occurrence: int, where: str) -> int:
    """Offset of the occurrence-th ``needle`` in ``text``; a label that does not match is an annotation error."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise SystemExit(f"{where}: label {needle!r} not found in the cleaned article text")
    return start


def _speaker(name: str | None) -> str:
    words = (name or "").casefold().split()
    return " ".join(w for w in words if w not in {"a", "an", "the"})


def same_speaker(said: str, wanted: str, quote: Any) -> bool:
    """The labelled speaker, or the same person named shorter or longer ("Hall", "James Hall" for "James E.
    Hall": the same last name, one name's words within the other's), or a description that names the same
    kind of person ("the ranger" for "a park ranger")."""
    if said == wanted:
        return True
    a, b = said.split(), wanted.split()
    if not a or a[-1:] != b[-1:]:
        return False
    return not quote.speaker_is_entity or set(a) <= set(b) or set(b) <= set(a)


def score_story(labels: dict[str, Any], analysis: Analysis) -> Counter[str]:
    """Counts of true positives, predictions and gold items per kind, for one story."""
    name = labels["story"]
    texts = {a.id: a.text for a in analysis.articles}
    counts: Counter[str] = Counter()

    opinion_labels = labels.get("opinion", {})
    for article, needles in opinion_labels.items():
        for needle in needles:
            _find(texts[article], needle, 0, f"{name}/{article} opinion")
    for judged in analysis.opinion:
        sentence = texts[judged.where.article][judged.where.start : judged.where.end]
        gold = any(n in sentence for n in opinion_labels.get(judged.where.article, ()))
        counts["opinion sentences/gold"] += gold
        counts["opinion sentences/predicted"] += judged.opinion
        counts["opinion sentences/correct"] += gold and judged.opinion
        counts["opinion sentences/items"] += 1

    matched: set[int] = set()
    for label in labels["quotes"]:
        offset = label.get("offset")  # real sets give it (bench/anatomy_real.py)
        if offset is None:
            offset = _find(texts[label["article"]], label["quote"], 0, f"{name}/{label['article']} quote")
        counts["quotes with speaker/gold"] += label["speaker"] is not None  # null: the text names no one
        for n, quote in enumerate(analysis.quotes):
            if quote.where.article == label["article"] and quote.where.start <= offset < quote.where.end:
                said, wanted = _speaker(quote.speaker), _speaker(label["speaker"])
                # one quotation is right for one label at most: a quotation read whole where the annotator
                # labelled a quotation nested in it too counts once, so that precision never passes 1
                right = n not in matched and bool(wanted) and same_speaker(said, wanted, quote)
                counts["quotes with speaker/correct"] += right
                matched.add(n)
    counts["quotes with speaker/predicted"] += sum(1 for q in analysis.quotes if q.speaker)
    counts["quotes with speaker/items"] += len(labels["quotes"])

    used: set[int] = set()
    for entity in analysis.entities:
        spellings = {entity.name.casefold(), *(v.casefold() for v in entity.variants)}
        counts["entities/predicted"] += 1
        for n, gold in enumerate(labels["entities"]):
            if gold["type"] == entity.type and spellings & {v.casefold() for v in gold["variants"]}:
                if n not in used:  # a second entity for the same gold one is a failed merge: not correct
                    used.add(n)
                    counts["entities/correct"] += 1
                break
    counts["entities/gold"] += len(labels["entities"])
    counts["entities/items"] += len(labels["entities"])

    seen: Counter[tuple[str, str]] = Counter()
    found: set[int] = set()
    for label in labels["events"]:
        key = (label["article"], label["expression"])
        offset = label.get("offset")
        if offset is None:
            where = f"{name}/{label['article']} event"
            offset = _find(texts[label["article"]], label["expression"], seen[key], where)
        seen[key] += 1
        counts["timeline/gold"] += 1
        for n, event in enumerate(analysis.timeline):
            where = event.where
            if n in found or where.article != label["article"] or not where.start <= offset < where.end:
                continue
            said, wanted = event.expression.casefold(), label["expression"].casefold()
            if said in wanted or wanted in said:
                found.add(n)
                dates_right = event.start == label["start"] and event.end == label.get("end", label["start"])
                counts["timeline/correct"] += dates_right
                break
    counts["timeline/predicted"] += len(analysis.timeline)
    counts["timeline/items"] += len(labels["events"])
    return counts


def rates(counts: Counter[str], kind: str) -> tuple[float, float, float]:
    p = counts[f"{kind}/correct"] / counts[f"{kind}/predicted"] if counts[f"{kind}/predicted"] else 0.0
    r = counts[f"{kind}/correct"] / counts[f"{kind}/gold"] if counts[f"{kind}/gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(counts: Counter[str], kinds: tuple[str, ...] = KINDS) -> str:
    rows = []
    for kind in kinds:
        p, r, f = rates(counts, kind)
        rows.append(
            [kind, str(counts[f"{kind}/items"]), str(counts[f"{kind}/gold"]), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"]
        )
    return markdown_table(["kind", "labelled items", "gold positives", "precision", "recall", "F1"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="eval/anatomy", help="annotated story files (*.json)")
    parser.add_argument("--json", default=None, help="write the counts here")
    args = parser.parse_args()
    ner = load_ner()
    by_split: dict[str, Counter[str]] = {"all": Counter()}
    stories = sorted(Path(args.folder).glob("*.json"))
    for path in stories:
        labels = json.loads(path.read_text(encoding="utf-8"))
        counts = score_story(labels, analyze(labels["articles"], strict=True, ner=ner))
        by_split["all"] += counts
        by_split.setdefault(labels["split"], Counter())
        by_split[labels["split"]] += counts
    total = sum(by_split["all"][f"{kind}/items"] for kind in KINDS)
    print(f"{len(stories)} stories in {args.folder}, {total} labelled items\n")
    for split, counts in by_split.items():
        print(f"{split}:\n\n{table(counts)}\n")
    if args.json:
        Path(args.json).write_text(json.dumps({k: dict(v) for k, v in by_split.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
