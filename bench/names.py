"""Names across languages: the people ``analyze`` finds in French against those it finds in the English originals.

    python bench/names.py [--data ../shared/data/multiling2011] [--languages french]

The MultiLing 2011 articles are one set of WikiNews articles translated, article by article, so a person named
in an English article is named, spelt the same way, in its French translation (places and organisations are
not: London is Londres). With no hand labels in French, the English analysis stands in for them: per article
pair, a person found in the French article agrees when the English one names a person with the same name or
surname (accents ignored). Reported: the share of French persons that agree (a proxy of precision: English NER
errs too) and the share of English persons found in French (a proxy of recall), summed over all article pairs;
then the entities per type, the skipped judgements, and CPU time per article of each language's analysis
(models loaded once, before timing).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from newsfuse.anatomy import Analysis, analyze, load_ner

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multiling2011"


def plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()


def persons(analysis: Analysis, article: str) -> set[str]:
    """The canonical names of the persons mentioned in one article, without accents."""
    return {plain(e.name) for e in analysis.entities if e.type == "person" and article in e.mentions}


def agree(name: str, others: set[str]) -> bool:
    """The same person: the same name, or one name is the other's surname ("Egeland", "Jan Egeland")."""
    return any(name == o or name.split()[-1] == o.split()[-1] for o in others)


def analyses(path: Path, ner: object) -> tuple[list[tuple[list[str], Analysis]], float]:
    """Each cluster's article ids and analysis (no same-fact judge: names only), and the CPU seconds it took."""
    found, cpu = [], 0.0
    for line in path.read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        ids = [f"{cluster['id']}-{i}" for i in range(len(cluster["documents"]))]
        records = [{"id": i, "text": text} for i, text in zip(ids, cluster["documents"], strict=True)]
        start = time.process_time()
        found.append((ids, analyze(records, ner=ner, same=None)))  # type: ignore[arg-type]
        cpu += time.process_time() - start
    return found, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--languages", nargs="+", default=["french"])
    args = parser.parse_args(argv)
    ner = load_ner("en", "fr")
    english, english_cpu = analyses(args.data / "english.jsonl", ner)
    articles = sum(len(ids) for ids, _ in english)
    print(f"english: {english_cpu / articles * 1000:.1f} ms CPU per article")
    for language in args.languages:
        other, cpu = analyses(args.data / f"{language}.jsonl", ner)
        agreed = found = recalled = total = 0
        kinds: Counter[str] = Counter()
        for (en_ids, en), (ids, analysis) in zip(english, other, strict=True):
            kinds.update(e.type for e in analysis.entities)
            for en_id, own_id in zip(en_ids, ids, strict=True):
                theirs, ours = persons(en, en_id), persons(analysis, own_id)
                found += len(ours)
                agreed += sum(agree(n, theirs) for n in ours)
                total += len(theirs)
                recalled += sum(agree(n, ours) for n in theirs)
        print(
            f"{language}: {found} persons named in {articles} articles, {agreed / max(found, 1):.1%} of them named in "
            f"the English original; {recalled / max(total, 1):.1%} of the {total} English ones found"
        )
        print(f"  entities by type: {dict(kinds)}; skipped: {other[0][1].skipped}")
        print(f"  {cpu / articles * 1000:.1f} ms CPU per article ({cpu / english_cpu:.2f}x English)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
