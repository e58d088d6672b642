"""What ``analyze`` finds in other languages, checked against the English originals of the same articles.

    python bench/translations.py [--data ../shared/data/multiling2011] [--languages french arabic greek hebrew]

The MultiLing 2011 articles are one set of WikiNews articles translated, article by article, so the English
analysis of an article stands in for hand labels of its translation (it errs too: these are proxies):

* **persons** (languages with a NER model): a person found in the translation agrees when the English article
  names a person with the same name or surname, accents ignored (a person's name is spelt alike in both; places
  and organisations are not: London is Londres);
* **speakers** (languages with quote rules, written in Latin script): a quotation's speaker agrees when the
  English article has a quotation said by the same person (a set per article: quotations are not aligned);
* **absolute dates** (every language): a dated event of the translation agrees when the English article has an
  event of the same period; the English events counted for recall are the absolute ones (a year or a month name
  in the expression), since the other languages read no weekdays or "last week".

Reported per language: the share of its findings that agree (a proxy of precision) and the share of the English
ones it finds (a proxy of recall), summed over all article pairs, and CPU time per article of each language's
analysis (models loaded once, before timing; no same-fact judge).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Collection
from pathlib import Path

from newsfuse.anatomy import Analysis, analyze, load_ner

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multiling2011"
LATIN = {"french"}  # of MultiLing's languages, those that write names as English does
ABSOLUTE = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)


def plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()


def persons(analysis: Analysis, article: str, absolute: bool = False) -> set[str]:
    """The canonical names of the persons mentioned in one article, without accents (``absolute``: unused, as
    for every finding but dates)."""
    return {plain(e.name) for e in analysis.entities if e.type == "person" and article in e.mentions}


def periods(analysis: Analysis, article: str, absolute: bool = False) -> set[tuple[str, str | None]]:
    """The periods of the dated events of one article (only those written with a year or month: ``absolute``)."""
    return {
        (e.start, e.end)
        for e in analysis.timeline
        if e.start and article in (e.where.article, *e.sources) and (not absolute or ABSOLUTE.search(e.expression))
    }


def speakers(analysis: Analysis, article: str, absolute: bool = False) -> list[str]:
    """The speaker of each quotation of one article that has one, without accents."""
    return [plain(q.speaker) for q in analysis.quotes if q.speaker and q.where.article == article]


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname(name: str) -> str:
    """The last word of a name that is no suffix ("Martin Luther King Jr" → "king"); "" for none."""
    words = [w for w in name.replace(".", " ").split() if w not in SUFFIXES]
    return words[-1] if words else ""


def same_person(name: str, others: set[str]) -> bool:
    """The same person: the same name, or one name is the other's surname ("Egeland", "Jan Egeland")."""
    return bool(name) and any(name == o or surname(name) == surname(o) != "" for o in others)


def same_period(period: tuple[str, str | None], others: set[tuple[str, str | None]]) -> bool:
    return period in others


def analyses(path: Path, ner: object) -> tuple[list[tuple[list[str], Analysis]], float]:
    """Each cluster's article ids and analysis (no same-fact judge), and the CPU seconds it took."""
    found, cpu = [], 0.0
    for line in path.open(encoding="utf-8"):  # not splitlines(): U+2028 may sit inside a JSON string
        cluster = json.loads(line)
        ids = [f"{cluster['id']}-{i}" for i in range(len(cluster["documents"]))]
        records = [{"id": i, "text": text} for i, text in zip(ids, cluster["documents"], strict=True)]
        start = time.process_time()
        found.append((ids, analyze(records, ner=ner, same=None)))  # type: ignore[arg-type]
        cpu += time.process_time() - start
    return found, cpu


def agreement(
    english: list[tuple[list[str], Analysis]],
    other: list[tuple[list[str], Analysis]],
    items: Callable[..., Collection],
    same: Callable[..., bool],
) -> str:
    """Findings of the translation, the share that agree with the English; the share of the English findings
    it has, of how many (as three table cells)."""
    found = agreed = total = recalled = 0
    for (en_ids, en), (ids, analysis) in zip(english, other, strict=True):
        for en_id, own_id in zip(en_ids, ids, strict=True):
            ours, theirs = items(analysis, own_id), items(en, en_id, absolute=True)
            found += len(ours)
            agreed += sum(same(x, set(items(en, en_id))) for x in ours)
            total += len(theirs)
            recalled += sum(same(x, set(ours)) for x in theirs)
    return f"{found} | {agreed / max(found, 1):.1%} | {recalled / max(total, 1):.1%} of {total}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--languages", nargs="+", default=["french", "arabic", "greek", "hebrew"])
    args = parser.parse_args(argv)
    ner = load_ner("en", "fr")
    english, english_cpu = analyses(args.data / "english.jsonl", ner)
    articles = sum(len(ids) for ids, _ in english)
    print(f"{articles} articles per language; english: {english_cpu / articles * 1000:.1f} ms CPU per article\n")
    print(
        "| language | persons found | named in the English (P proxy) | English persons found (R proxy) "
        "| quotes with a speaker | said by a speaker of the English (P proxy) | English speakers found (R proxy) "
        "| dated events | dated alike in the English (P proxy) | English absolute dates found (R proxy) "
        "| CPU ms per article (÷ English) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for language in args.languages:
        other, cpu = analyses(args.data / f"{language}.jsonl", ner)
        skipped = other[0][1].skipped
        latin = language in LATIN  # names in other scripts cannot be compared with the English ones
        names = "– | – | –" if "entities" in skipped else agreement(english, other, persons, same_person)
        said = "– | – | –" if "quotes" in skipped or not latin else agreement(english, other, speakers, same_person)
        dates = agreement(english, other, periods, same_period)
        print(f"| {language} | {names} | {said} | {dates} | {cpu / articles * 1000:.1f} ({cpu / english_cpu:.2f}×) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
