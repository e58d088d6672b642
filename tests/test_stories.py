"""The store and the story stage through the Python functions, on both back ends: real SQLite files in a
temporary folder and a real PostgreSQL server (each test that stores runs on both)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

import newsfuse.ingest
import newsfuse.stories
from newsfuse.browse import listing, show_story
from newsfuse.cluster import text_hash
from newsfuse.errors import InputError
from newsfuse.sqlite_db import sqlite_path
from newsfuse.store import Store
from newsfuse.stories import ingest, units
from tests.conftest import EXAMPLE, StoreUrl
from tests.stream import article, write_mixed_stream, write_stream


def partition(store: Store) -> set[frozenset[str]]:
    """The stories as sets of the articles' external ids (ids of stories aside)."""
    groups: dict[int, set[str]] = {}
    for external, story in store.db.execute("SELECT external_id, story FROM articles"):
        groups.setdefault(story, set()).add(external)
    return {frozenset(g) for g in groups.values()}


# What the store held after the stream of ``test_assignment_is_what_it_was`` when the writer was made faster (issue
# 18): the code before that change stored exactly this. A change that means to assign articles differently
# updates it, and says so.
ASSIGNED = "f976b95e292557dddd1362313d57ffe2969e44a3c7974c6f6b95cc5753c11c44"


def decided(store: Store) -> str:
    """A digest of everything ingest decides (timestamps aside): stories with their profiles, dates and merges,
    each article's story, the LSH index and the term counts; sorted here, whatever the back end's collation."""
    queries = (
        "SELECT id, merged_into, first_seen, last_seen, centroid FROM stories",
        "SELECT id, story, external_id, text_hash, published FROM articles",
        "SELECT bucket, story FROM buckets",
        "SELECT term, df FROM terms",
    )
    rows = [row for sql in queries for row in sorted(map(tuple, store.db.execute(sql)))]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_database_urls() -> None:
    assert sqlite_path("sqlite:///tmp/news.db") == "tmp/news.db"
    assert sqlite_path("sqlite:////tmp/news.db") == "/tmp/news.db"
    assert sqlite_path("news.db") == "news.db"
    with pytest.raises(InputError, match="unsupported database 'mysql'"):
        sqlite_path("mysql://localhost/news")


def test_the_example_is_one_story_and_reingesting_changes_nothing(tmp_path: Path, store_url: StoreUrl) -> None:
    store = Store(store_url("news"))
    first = ingest(store, units([str(EXAMPLE)], "auto"))
    assert (first.added, len(first.created)) == (3, 1)
    again = ingest(store, units([str(EXAMPLE)], "auto"))
    assert (again.added, again.duplicates, len(again.created)) == (0, 3, 0)
    [row] = listing(store, None, 10)
    assert row["articles"] == 3 and len(row["outlets"]) == 3 and "Marlow Creek" in row["brief"]
    assert row["first_seen"] == "2026-11-03" and row["last_seen"] == "2026-11-04"
    for wrong in (lambda: listing(store, "yesterday", 10), lambda: show_story(store, row["id"], "last week", 60)):
        with pytest.raises(InputError, match="since: expected a date such as 2026-11-03"):
            wrong()  # a program's wrong date is refused, as the CLI's is, not an empty answer


def test_a_store_is_opened_from_a_path_object_and_refuses_what_is_no_place(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        assert store.created
    with Store(tmp_path / "news.db", read_only=True) as store:
        assert not store.created
    for wrong in (5, "", None):
        with pytest.raises(InputError, match="expected a path or a database URL"):
            Store(wrong)  # type: ignore[arg-type]


def test_same_text_under_another_url_or_id_is_a_duplicate(tmp_path: Path, store_url: StoreUrl) -> None:
    store = Store(store_url("news"))
    record = article(1, 0)
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    copy = {**record, "id": "other", "url": "https://elsewhere.example/x", "text": record["text"].upper()}
    same_url = {**article(2, 0), "url": record["url"].upper() + "/"}
    (tmp_path / "b.jsonl").write_text(json.dumps(copy) + "\n" + json.dumps(same_url) + "\n")
    ingest(store, units([str(tmp_path / "a.jsonl")], "auto"))
    tally = ingest(store, units([str(tmp_path / "b.jsonl")], "auto"))
    assert (tally.added, tally.duplicates) == (0, 2)


def test_stories_are_found_and_do_not_depend_on_the_order(tmp_path: Path, store_url: StoreUrl) -> None:
    found = []
    for seed in (1, 2):
        write_stream(tmp_path / f"stream{seed}.jsonl", events=12, copies=3, seed=seed)
        store = Store(store_url(f"news{seed}"))
        ingest(store, units([str(tmp_path / f"stream{seed}.jsonl")], "auto"))
        found.append(partition(store))
    truth = {frozenset(f"e{e}-{c}" for c in range(3)) for e in range(12)}
    assert found[0] == found[1] == truth


def test_same_input_order_gives_the_same_story_ids(tmp_path: Path, store_url: StoreUrl) -> None:
    write_stream(tmp_path / "s.jsonl", events=6, seed=3)
    ids = []
    for run in range(2):
        store = Store(store_url(f"n{run}"))
        ingest(store, units([str(tmp_path / "s.jsonl")], "auto"))
        ids.append(sorted(store.db.execute("SELECT external_id, story FROM articles")))
    assert ids[0] == ids[1]


def test_an_old_story_does_not_swallow_a_new_event_with_the_same_words(tmp_path: Path, store_url: StoreUrl) -> None:
    old = [article(5, c, "2026-01-10") for c in range(2)]
    new = [{**article(5, 2, "2026-06-01"), "id": "later"}]
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r) + "\n" for r in old + new))
    store = Store(store_url("n"))
    tally = ingest(store, units([str(tmp_path / "s.jsonl")], "auto"))
    assert len(tally.created) == 2 and frozenset({"later"}) in partition(store)


def test_a_bridging_article_merges_two_stories_and_old_ids_lead_to_the_survivor(
    tmp_path: Path, store_url: StoreUrl
) -> None:
    left, right = article(9, 0), article(9, 1)
    facts_a = left["text"].split(". ")
    facts_b = right["text"].split(". ")
    first = {**left, "text": ". ".join(facts_a[:2]) + "."}
    second = {**right, "text": ". ".join(facts_b[2:]), "id": "second"}
    bridge = {**article(9, 2), "id": "bridge"}
    store = Store(store_url("n"))
    for n, record in enumerate((first, second, bridge)):
        (tmp_path / f"{n}.jsonl").write_text(json.dumps(record) + "\n")
        ingest(store, units([str(tmp_path / f"{n}.jsonl")], "auto"))
    stories = {s for (s,) in store.db.execute("SELECT DISTINCT story FROM articles")}
    assert len(stories) == 1
    made = [s for (s,) in store.db.execute("SELECT id FROM stories ORDER BY id")]
    assert all(store.resolve(s) == min(stories) for s in made)
    if len(made) > 1:
        result, _ = show_story(store, max(made), None, 100)
        assert any("merged into" in w for w in result.warnings)


def test_update_brief_tells_only_what_is_new(tmp_path: Path, store_url: StoreUrl) -> None:
    store = Store(store_url("n"))
    early = {**article(4, 0, "2026-03-01")}
    later = {**article(4, 1, "2026-03-02")}
    later["text"] += " The Authority said on Thursday that a second inspection had found cracks in the foundations."
    (tmp_path / "s.jsonl").write_text(json.dumps(early) + "\n" + json.dumps(later) + "\n")
    ingest(store, units([str(tmp_path / "s.jsonl")], "auto"))
    [row] = listing(store, None, 5)
    update, _ = show_story(store, row["id"], "2026-03-02", 100)
    assert "cracks in the foundations" in update.summary
    early_sentences = {s.strip() for s in early["text"].split(". ")}
    assert not any(s.text.rstrip(".") in early_sentences for s in update.sentences)
    nothing, _ = show_story(store, row["id"], "2026-04-01", 100)
    assert nothing.sentences == () and "no articles since 2026-04-01" in nothing.warnings[0]
    with pytest.raises(InputError, match="no such story"):
        show_story(store, 999, None, 100)


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path, store_url: StoreUrl) -> None:
    store = Store(store_url("n"))
    with pytest.raises(RuntimeError), store.transaction():
        store.new_story("2026-01-01T00:00:00")
        raise RuntimeError("killed")
    assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 0


def test_the_lsh_index_never_points_at_a_merged_story(tmp_path: Path, store_url: StoreUrl) -> None:
    texts = [
        "Engineers closed the Varnholt footbridge over the Quessel canal on Monday after finding rust in its "
        "cables. The Varnholt footbridge carried cyclists across the Quessel canal every morning.",
        "The Dorrimar ferry service added extra boats at the Brask terminal on Monday. Ferry operator Ilsabet "
        "Krone said the Brask terminal expected long queues on the Dorrimar boats all week.",
        "Engineers closed the Varnholt footbridge over the Quessel canal after finding rust in its cables, so the "
        "cyclists took the Dorrimar ferry: ferry operator Ilsabet Krone added extra boats at the Brask terminal "
        "and said the Brask terminal expected long queues on the Dorrimar boats all week.",
    ]
    (tmp_path / "s.jsonl").write_text(
        "".join(json.dumps({"id": f"t{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    )
    store = Store(store_url("n"))
    assert ingest(store, units([str(tmp_path / "s.jsonl")], "auto")).merged == 1  # one batch: two stories, then one
    live = {s for (s,) in store.db.execute("SELECT id FROM stories WHERE merged_into IS NULL")}
    indexed = {s for (s,) in store.db.execute("SELECT DISTINCT story FROM buckets")}
    assert live == indexed == {1}


def test_one_bad_line_costs_only_itself_in_a_large_stream_and_reruns_go_on(tmp_path: Path, store_url: StoreUrl) -> None:
    """Lines spread over several units (a JSONL file is prepared 1,000 lines at a time): a truncated line and
    one with bytes that are not UTF-8 are skipped alone, named file:line; an escaped lone surrogate is kept."""
    path = tmp_path / "s.jsonl"
    records = write_stream(path, events=1000, copies=3, seed=4)
    lines = path.read_bytes().split(b"\n")
    lines[1500] = lines[1500][:40]  # line 1501, in the second unit
    lines[2499] = lines[2499].replace(b'"title": "', b'"title": "\xff', 1)  # line 2500
    lines[2699] = lines[2699].replace(b'"title": "', b'"title": "\\udc00', 1)  # line 2700: kept, as U+FFFD
    path.write_bytes(b"\n".join(lines))
    store = Store(store_url("n"))
    tally = ingest(store, units([str(path)], "auto"))
    assert [p.origin for p in tally.problems] == [f"{path}:1501", f"{path}:2500"]
    assert "malformed JSON" in tally.problems[0].reason and "not UTF-8" in tally.problems[1].reason
    good = {text_hash(r["text"]) for n, r in enumerate(records, 1) if n not in (1501, 2500)}
    assert tally.added == len(good) == store.article_count()
    again = ingest(store, units([str(path)], "auto"))
    assert (again.added, len(again.problems)) == (0, 2)


def test_a_failure_on_one_article_skips_it_alone_and_reruns_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_url: StoreUrl
) -> None:
    """Whatever fails on one article (here a stand-in for a bug, met by one text only) skips that article,
    named: a crash would stop every re-run at the same article, and nothing after it would ever be stored."""
    real = newsfuse.stories.term_counts

    def fragile(text: str, language: object = None) -> Counter[str]:
        if "Zorblax" in text:
            raise RuntimeError("cannot count Zorblax")
        return real(text, language)

    monkeypatch.setattr(newsfuse.stories, "term_counts", fragile)
    texts = [article(1, 0), {**article(2, 0), "text": article(2, 0)["text"] + " Zorblax said so."}, article(3, 0)]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in texts))
    store = Store(store_url("n"))
    for added in (2, 0):
        tally = ingest(store, units([str(path)], "auto"))
        assert tally.added == added and [str(p) for p in tally.problems] == [
            f"{path}:2: not stored (RuntimeError: cannot count Zorblax)"
        ]


def test_title_search_folds_case_beyond_ascii_on_both_back_ends(tmp_path: Path, store_url: StoreUrl) -> None:
    store = Store(store_url("search"))
    records = [
        {"id": "a", "title": "ÉLECTION à Lyon: the count", "text": "Voters in Lyon chose a new mayor on Sunday after a "
         "long campaign about trams, rents and the river banks, officials said."},
        {"id": "b", "title": "100% of_it", "text": "A freighter ran aground off the northern cape overnight, and "
         "the coast guard said its crew of twelve had been lifted to safety by helicopter."},
    ]  # fmt: skip
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    ingest(store, units([str(tmp_path / "a.jsonl")], "auto"))
    with store.snapshot():
        assert store.story_count() == 2 and [s["articles"] for s in store.stories(text="élection")] == [1]
        assert store.story_count(text="Élection") == 1
        assert store.story_count(text="%") == 1 and store.story_count(text="f_i") == 1  # wildcards are literal
        assert store.story_count(text="o_i") == 0


def test_assignment_is_what_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_url: StoreUrl) -> None:
    """Speed-ups of the writer change nothing it decides: a few hundred articles (joins, merges, time windows,
    duplicates) in two runs of small batches are stored exactly as before them, on both back ends."""
    write_mixed_stream(tmp_path / "s.jsonl")
    lines = (tmp_path / "s.jsonl").read_text().splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_text("".join(lines[:150]))
    (tmp_path / "b.jsonl").write_text("".join(lines[150:]))
    monkeypatch.setattr(newsfuse.stories, "BATCH", 40)  # several batches: profiles read back, merges across them
    store = Store(store_url("n"))
    tallies = [ingest(store, units([str(tmp_path / name)], "auto")) for name in ("a.jsonl", "b.jsonl")]
    # (150, 0, 81, 1), (173, 5, 39, 3) before undated copies were kept from merging an event with its repeat months
    # later (``cluster.decide``): the stream's four merges were all of that kind
    assert [(t.added, t.duplicates, len(t.created), t.merged) for t in tallies] == [(150, 0, 81, 0), (173, 5, 40, 0)]
    assert decided(store) == ASSIGNED


def test_a_run_over_the_ingest_limit_is_refused_before_anything_is_stored(tmp_path: Path) -> None:
    records = [article(n, 0) for n in range(12)]
    for name, part in (("a.jsonl", records[:6]), ("b.jsonl", records[6:]), ("c.jsonl", records[:10])):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in part))
    (tmp_path / "all.json").write_text(json.dumps(records))
    store = Store(str(tmp_path / "n.db"))
    with pytest.raises(InputError, match=r"all.json: 12 articles: over the limit of 10 articles per ingest run; split"):
        ingest(store, units([str(tmp_path / "all.json")], "auto", limit=10))
    with pytest.raises(InputError, match=r"b.jsonl: 6 articles \(12 articles with the inputs before it\): over"):
        ingest(store, units([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], "auto", limit=10))
    assert store.article_count() == 0  # refused before the first batch, not after a part
    assert ingest(store, units([str(tmp_path / "c.jsonl")], "auto", limit=10)).added == 10  # the limit is allowed


FLOOD = {
    "en": "The Alder river burst its banks on 12 March 2026 and flooded 1,250 homes in the valley. Rescuers said 37 "
    "people were taken to hospital and 4,800 residents left their houses. The regional council set aside 14.5 million "
    "euros for repairs, and engineers will inspect the 1987 levee next week.",
    "fr": "La rivière Alder est sortie de son lit le 12 mars 2026 et a inondé 1\u202f250 maisons de la vallée. Selon "
    "les secouristes, 37 personnes ont été hospitalisées et 4\u202f800 habitants ont quitté leur logement. Le conseil "
    "régional a débloqué 14,5 millions d'euros pour les réparations, et des ingénieurs inspecteront la digue de 1987.",
    "de": "Der Fluss Alder trat am 12. März 2026 über die Ufer und überflutete 1.250 Häuser im Tal. Nach Angaben der "
    "Retter kamen 37 Menschen ins Krankenhaus, 4.800 Bewohner verließen ihre Häuser. Der Regionalrat stellte 14,5 "
    "Millionen Euro für Reparaturen bereit; Ingenieure prüfen nächste Woche den Deich von 1987.",
}
MATCH = (
    "Alder Rovers beat the visitors 2-1 on 12 March 2026, with a goal in the 37th minute and another late in the "
    "second half. The home side stays third in the league table, and its coach praised the defence after a hard "
    "game on a muddy pitch in front of a full stadium."
)
ELECTION = (
    "Les électeurs de la région ont choisi dimanche un nouveau conseil municipal. La liste du maire sortant a obtenu "
    "52 % des voix en 2026, contre 48 % pour l'opposition, et la participation a progressé par rapport au dernier "
    "scrutin, selon la préfecture qui a publié les résultats dans la soirée."
)


def test_one_event_told_in_three_languages_is_one_story(tmp_path: Path, store_url: StoreUrl) -> None:
    """Words differ between languages; the figures (a date, tolls, a sum, a year, written each language's way)
    do not. Other events stay apart: one in French sharing a year, one in English on the same day sharing the
    date and small numbers."""
    others = [{"id": "vote", "text": ELECTION}, {"id": "match", "text": MATCH}]
    records = [{"id": code, "text": text} for code, text in FLOOD.items()] + others
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    store = Store(store_url("n"))
    ingest(store, units([str(tmp_path / "s.jsonl")], "auto"))
    assert partition(store) == {frozenset({"en", "fr", "de"}), frozenset({"vote"}), frozenset({"match"})}


def test_a_stored_storys_anatomy_is_held_to_the_analysis_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A story grows past what one analysis may read; its brief still works, its anatomy is refused, named."""
    import importlib

    from newsfuse.pipeline import default
    from newsfuse.service.work import Resources, story_analysis

    url = str(tmp_path / "news.db")
    with Store(url) as store:
        ingest(store, units([str(EXAMPLE)], "auto"))
    [row] = listing(Store(url, read_only=True), None, 10)
    monkeypatch.setattr(importlib.import_module("newsfuse.anatomy.analyze"), "MAX_ANALYSIS_WORDS", 100)
    with pytest.raises(InputError, match="words: over the 100 words one analysis reads; its brief works"):
        story_analysis(Resources(default()), url, row["id"])


def test_stored_articles_keep_the_ids_given_unless_two_share_one() -> None:
    from newsfuse.browse import as_articles
    from newsfuse.store import StoredArticle

    def stored(number: int, given: str) -> StoredArticle:
        return StoredArticle(number, 1, given, "", "The dam failed on Tuesday.", "", None, None, None, "2026-11-03")

    ids = [a.id for a in as_articles([stored(1, "wire"), stored(2, "doc-1"), stored(3, "doc-1"), stored(4, "a9")])]
    assert ids == ["wire", "a2", "a3", "a4"]  # shared, or of the fallback's own form: the store's number
