"""Stories at scale: ingest + clustering throughput, memory, cost against store size; and clustering quality.

    python bench/stories.py ../shared/data/multi_news/train.jsonl.gz --sizes 10000 100000
    python bench/stories.py ../shared/data/multi_news/val.jsonl --quality --clusters 1000 --seeds 1 2
    python bench/stories.py ../shared/data/multi_news/val.jsonl --ceiling --clusters 1000
    python bench/stories.py DUC2003.jsonl DUC2006.jsonl ... --quality --ceiling --meaning   # a mixed stream

Throughput: the documents of the cluster file, shuffled, as a JSONL stream of articles, ingested into a new
SQLite store in one run by the same code as ``newsfuse ingest --batch`` (``--workers N``: preparation on a
LocalCluster of N; batch work has no limit on the articles of one run).
Quality: the documents of the first N clusters, shuffled with each seed, ingested in that order; the stories
found are scored against the true clusters (adjusted Rand index, homogeneity, completeness).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from functools import partial
from pathlib import Path

from newsfuse.cluster import text_hash
from newsfuse.datasets import read_clusters
from newsfuse.render import markdown_table
from newsfuse.scale import engine
from newsfuse.store import Store
from newsfuse.stories import ingest, units

CHECKPOINT = 10_000  # articles between two readings of the per-article cost


def documents(paths: list[str], limit: int | None, by_name: bool = False) -> list[tuple[int, str]]:
    """(cluster number, document text) for the first ``limit`` clusters of each file, numbered across files;
    ``by_name``: clusters of different files whose ids end alike (``…-english-M000``, ``…-french-M000``: one
    story told in several languages) have one number."""
    clusters = [cluster for path in paths for cluster in read_clusters(path, limit)]
    names: dict[str, int] = {}
    numbers = [
        names.setdefault(c.id.rsplit("-", 1)[-1] if by_name else str(n), len(names)) for n, c in enumerate(clusters)
    ]
    return [(number, doc) for number, cluster in zip(numbers, clusters, strict=True) for doc in cluster.documents]


def write_jsonl(docs: list[tuple[int, str]], folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, (label, text) in enumerate(docs):
            out.write(json.dumps({"id": f"c{label}-{n}", "text": text}) + "\n")
    return path


def quality(paths: list[str], clusters: int, seeds: list[int], by_name: bool = False) -> None:
    from sklearn.metrics import adjusted_rand_score, completeness_score, homogeneity_score

    docs = documents(paths, clusters, by_name)
    places = (
        [n for path in paths for c in read_clusters(path, clusters) for n in range(len(c.documents))] if by_name else []
    )
    rows, twins = [], []
    for seed in seeds:
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        shuffled = [docs[k] for k in order]
        with tempfile.TemporaryDirectory() as folder:
            source = write_jsonl(shuffled, Path(folder))
            store = Store(str(Path(folder) / "stories.db"))
            started = time.perf_counter()
            tally = ingest(store, units([str(source)], "jsonl", limit=None))
            seconds = time.perf_counter() - started
            found = store.db.execute("SELECT external_id, story FROM articles").fetchall()
            store.close()
        truth = [int(external.split("-")[0][1:]) for external, _ in found]
        predicted = [story for _, story in found]
        if by_name:
            twins.append(f"{_together(docs, places, order, found):.3f}")
        rows.append(
            [
                str(seed), str(len(found)), str(len(set(truth))), str(len(set(predicted))),
                f"{adjusted_rand_score(truth, predicted):.3f}", f"{homogeneity_score(truth, predicted):.3f}",
                f"{completeness_score(truth, predicted):.3f}", f"{seconds:.1f}", str(tally.duplicates),
            ]
        )  # fmt: skip
    print(
        f"{' '.join(paths)}: documents of the first {clusters} clusters of each, shuffled, ingested one by one "
        "in that order\n"
    )
    header = ["seed", "articles", "true clusters", "stories", "ARI", "homogeneity", "completeness", "s", "duplicates"]
    print(markdown_table(header, rows))
    if by_name:
        print(f"\ntranslations in one story (seeds {' / '.join(map(str, seeds))}): {' / '.join(twins)}")


def _together(docs: list[tuple[int, str]], places: list[int], order: list[int], found: list[tuple[str, int]]) -> float:
    """Of the pairs of translations of one article (the n-th document of same-named clusters in two files), the
    share that ended in one story (a document left out as a duplicate counts as apart). ``places``: each
    document's n in its cluster; ``order``: the documents as ingested (an article's id ends with its place there)."""
    story = {int(external.rsplit("-", 1)[1]): s for external, s in found}
    twins: dict[tuple[int, int], list[int | None]] = {}
    for position, k in enumerate(order):
        twins.setdefault((docs[k][0], places[k]), []).append(story.get(position))
    pairs = joined = 0
    for stories in twins.values():
        for i in range(len(stories)):
            for j in range(i + 1, len(stories)):
                pairs += 1
                joined += stories[i] is not None and stories[i] == stories[j]
    return joined / max(pairs, 1)


def ceiling(paths: list[str], clusters: int, meaning: bool) -> None:
    """How well a batch method that sees every document at once, with the best threshold chosen on the very
    data it is scored on, can do: an upper bound for any incremental method on these bag-of-words vectors.
    ``meaning``: also on the semantic layer's document vectors (WordLlama), alone and blended with tf-idf."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score

    seen, texts, truth = set(), [], []
    for label, text in documents(paths, clusters):
        if text.strip() and text_hash(text) not in seen:
            seen.add(text_hash(text))
            texts.append(text)
            truth.append(label)
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    kinds = {"full tf-idf (sublinear, English stop words)": (vectors @ vectors.T).toarray()}
    if meaning:
        from newsfuse.meaning import load_meaning

        dense = load_meaning().sentences([text[:4000] for text in texts])  # the model reads 512 tokens at most
        kinds["WordLlama document vectors"] = dense @ dense.T
        for share in (0.5, 0.7):
            kinds[f"{share} tf-idf + {1 - share:.1f} WordLlama"] = share * kinds[next(iter(kinds))] + (1 - share) * (
                dense @ dense.T
            )
    labels = np.array(truth)
    shared = np.array([(labels == label).sum() > 1 for label in labels])
    print(f"{len(texts):,} distinct documents of {len(set(truth)):,} clusters")
    for kind, similar in kinds.items():
        np.fill_diagonal(similar, -1.0)
        own = (labels[similar.argmax(axis=1)] == labels)[shared].mean()
        print(f"{kind}: nearest neighbour in its own cluster (documents of multi-document clusters): {own:.1%}")
        distance = 1.0 - np.clip(similar, 0.0, 1.0)
        np.fill_diagonal(distance, 0.0)
        for linkage in ("single", "average", "complete"):
            best = max(
                (adjusted_rand_score(truth, AgglomerativeClustering(
                    n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=cut
                ).fit_predict(distance)), cut)
                for cut in np.arange(0.1, 0.99, 0.03)
            )  # fmt: skip
            print(f"  {linkage}-linkage agglomerative, best threshold: ARI {best[0]:.3f} (distance {best[1]:.2f})")


def mark(marks: list[tuple[int, float]], done: int, _read: int) -> None:
    marks.append((done, time.perf_counter()))


def throughput(path: str, sizes: list[int], workers: int | None) -> None:
    needed = max(sizes)
    clusters = []
    for cluster in read_clusters(path, None):
        clusters.append(cluster)
        if sum(len(c.documents) for c in clusters) >= needed * 1.05:
            break
    docs = [(n, doc) for n, c in enumerate(clusters) for doc in c.documents]
    random.Random(1).shuffle(docs)
    rows, growth = [], []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            source = write_jsonl(docs[:size], Path(folder))
            store = Store(str(Path(folder) / "stories.db"))
            marks: list[tuple[int, float]] = []
            started = time.perf_counter()
            with engine(None, workers) as mapper:
                tally = ingest(store, units([str(source)], "jsonl", limit=None), mapper, report=partial(mark, marks))
            seconds = time.perf_counter() - started
            stories = store.db.execute("SELECT count(*) FROM stories WHERE merged_into IS NULL").fetchone()[0]
            store.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append([f"{size:,}", f"{tally.added:,}", f"{tally.duplicates:,}", f"{len(tally.problems):,}",
                     f"{stories:,}", f"{seconds:.1f}", f"{size / seconds:.0f}", f"{tally.added / seconds:.0f}",
                     f"{peak:.0f}"])  # fmt: skip
        if size == max(sizes):
            last_done, last_time = 0, started
            for done, at in marks:
                if done - last_done >= CHECKPOINT or done == marks[-1][0]:
                    growth.append([f"{last_done:,}–{done:,}", f"{(at - last_time) * 1000 / (done - last_done):.2f}"])
                    last_done, last_time = done, at
    print(
        f"{path}: shuffled documents as one JSONL stream; "
        + (f"{workers} LocalCluster workers prepare, 1 writer\n" if workers else "prepared and written in-process\n")
    )
    header = ["input articles", "added", "duplicates", "unusable", "stories", "seconds", "input/s", "added/s",
              "peak MB (process)"]  # fmt: skip
    print(markdown_table(header, rows))
    print(f"\nCost per article as the store grows ({max(sizes):,} run, wall time incl. preparation):\n")
    print(markdown_table(["store size", "ms per article"], growth))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", help="cluster files (.jsonl or .jsonl.gz); quality: their documents mixed")
    parser.add_argument("--quality", action="store_true", help="score the stories against the true clusters")
    parser.add_argument("--ceiling", action="store_true", help="quality: the best ARI of batch clustering")
    parser.add_argument("--meaning", action="store_true", help="ceiling: also on WordLlama document vectors")
    parser.add_argument("--clusters", type=int, default=1000, help="quality: first N clusters (default 1000)")
    parser.add_argument(
        "--by-name", action="store_true", help="quality: clusters whose ids end alike are one story (translations)"
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2], help="quality: shuffle seeds")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="throughput: articles")
    parser.add_argument(
        "--workers", type=int, default=0, help="throughput: LocalCluster workers (default 0: in-process)"
    )
    args = parser.parse_args()
    if args.ceiling:
        ceiling(args.data, args.clusters, args.meaning)
    elif args.quality:
        quality(args.data, args.clusters, args.seeds, args.by_name)
    else:
        throughput(args.data[0], args.sizes, args.workers)


if __name__ == "__main__":
    main()
