"""The workspace: the story API of ``newsfuse serve --db`` and the page in real headless Chromium, against a
real server over a store of 210 stories (fictional articles written by tests/stream.py, three outlets each,
published over three days)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import request_json, run_cli, serving_process
from tests.stream import article
from tests.test_page import ARTIFACTS, browser  # noqa: F401  (the Chromium fixture)

HOSTILE = 'Dam <img src=x onerror="window.__xss = 1"> report <script>window.__xss = 2</script>'


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("workspace")
    records = [article(e, c, f"2026-11-{3 + c:02d}") for e in range(210) for c in range(3)]
    records[0]["title"] = HOSTILE  # event 0's first article
    records[:0] = [  # one story on which two outlets disagree about a figure (ingested first: listed last)
        {"id": f"quake-{n}", "title": "Earthquake shakes Tarvo Bay", "source": outlet, "published": "2026-11-06",
         "text": f"An earthquake shook Tarvo Bay on Friday, and {dead} people were killed when the old harbour "
         f"wall collapsed, the Tarvo Bay coast guard said. Rescuers from Morrow Point searched the harbour wall "
         f"rubble on Friday night."}
        for n, (outlet, dead) in enumerate((("Bay Herald", 14), ("Coast Wire", 41)))
    ]  # fmt: skip
    (folder / "stream.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    done = run_cli("ingest", str(folder / "stream.jsonl"), "--db", str(folder / "news.db"))
    assert done.returncode == 0, done.stderr
    for base, _ in serving_process("--workers", "2", "--db", str(folder / "news.db")):
        yield base


def test_stories_are_paged_filtered_and_counted(workspace: str) -> None:
    status, first = request_json(f"{workspace}/v1/stories?limit=20")
    assert status == 200 and len(first["stories"]) == 20 and first["total"] >= 200
    _, second = request_json(f"{workspace}/v1/stories?limit=20&offset=20")
    assert {s["id"] for s in first["stories"]}.isdisjoint(s["id"] for s in second["stories"])
    row = first["stories"][0]
    assert row["articles"] == 3 and len(row["outlets"]) == 3 and row["days"] and row["brief"]
    word = row["headline"].split()[0].lower()
    _, found = request_json(f"{workspace}/v1/stories?q={word}")
    assert 1 <= found["total"] < first["total"] and all(word in s["headline"].lower() for s in found["stories"])
    _, later = request_json(f"{workspace}/v1/stories?since=2999-01-01")
    assert later == {"stories": [], "total": 0, "limit": 20, "offset": 0}


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/v1/stories?limit=0", 422, "limit"),
        ("/v1/stories?limit=101", 422, "limit"),
        ("/v1/stories?limit=00000000000000000001000000", 422, "limit"),
        ("/v1/stories?limit=%C2%B2", 422, "limit"),
        ("/v1/stories?offset=" + "9" * 30, 422, "offset"),
        ("/v1/stories?offset=-1", 422, "offset"),
        ("/v1/stories?since=yesterday", 422, "since"),
        ("/v1/stories?since=0001-01-01T00:00%2B05:00", 422, "since"),  # before the first moment UTC can write
        ("/v1/stories?q=%00", 422, "q"),
        ("/v1/stories?limt=1", 422, "limt"),  # a misspelt parameter, as a misspelt field of a POST body
        ("/v1/stories/1?since=2026-11-04", 422, "since"),  # the update brief is /brief: not the whole story
        ("/v1/stories/1?word=30", 422, "word"),
        ("/v1/stories?q=" + "x" * 201, 422, "q"),
        ("/v1/stories/abc", 422, "id"),
        ("/v1/stories/" + "9" * 40, 422, "id"),
        ("/v1/stories/999999", 404, "id"),
        ("/v1/stories/1/brief", 422, "since"),
        ("/v1/stories/1?focus=" + "why%20" * 600, 422, "focus"),
        ("/v1/stories/1/brief?since=2026-11-05&focus=" + "why%20" * 600, 422, "focus"),
    ],
)
def test_bad_queries_are_422_or_404_naming_the_field(workspace: str, path: str, status: int, field: str) -> None:
    got, answer = request_json(f"{workspace}{path}")
    assert got == status and answer["error"]["field"] == field


def test_a_story_its_update_and_its_anatomy(workspace: str) -> None:
    _, page = request_json(f"{workspace}/v1/stories?limit=1")
    number = page["stories"][0]["id"]
    status, story = request_json(f"{workspace}/v1/stories/{number}")
    assert status == 200 and story["story"]["id"] == number and story["sentences"]
    assert all("text" in a for a in story["articles"])  # for showing citations
    _, update = request_json(f"{workspace}/v1/stories/{number}/brief?since=2026-11-05")
    cited = {c["article"] for s in update["sentences"] for c in s["sources"]}
    late = {a["id"] for a in update["articles"] if a["published"] >= "2026-11-05"}
    assert cited <= late and any("new since 2026-11-05" in w for w in update["warnings"])
    _, focused = request_json(f"{workspace}/v1/stories/{number}?focus=Olympic%20medals%20in%20curling")
    assert any(w.startswith("focus ignored") for w in focused["warnings"])
    _, update = request_json(f"{workspace}/v1/stories/{number}/brief?since=2026-11-05&focus=Olympic%20curling")
    assert any(w.startswith("focus ignored") for w in update["warnings"])
    status, anatomy = request_json(f"{workspace}/v1/stories/{number}/analysis")
    assert status == 200 and anatomy["entities"] and any(e["start"] for e in anatomy["timeline"])


def test_the_workspace_page_in_chromium(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    page.goto(workspace)
    page.wait_for_selector("#stories li")
    assert page.locator("#stories li").count() == 20 and page.locator("#stories li svg").count() == 20
    assert "211 stories" in page.locator("#list-status").inner_text()
    page.click("#more")
    expect(page.locator("#stories li")).to_have_count(40)
    headline = page.locator("#stories .open").first.inner_text()
    page.fill("#q", headline.split()[0])
    page.click("#filter button")
    expect(page.locator("#list-status")).to_have_text(re.compile(r"^(?!211 )\d+ stories; showing"))
    assert 1 <= page.locator("#stories li").count() < 40
    page.locator("#stories .open").first.click()
    page.wait_for_selector("#brief .sentence")
    assert page.locator("#story-title").inner_text() and page.locator("#brief .cite").count() >= 1
    page.wait_for_selector("#timeline-chart circle")
    assert page.locator("#coverage-chart circle").count() == 3
    page.locator("#timeline-chart circle").first.click()  # a dated event leads to its sentence
    page.wait_for_selector("#source-text mark")
    assert page.locator("#source-text mark").inner_text()
    page.click("#source-title")  # out of the chart
    page.locator("#brief .cite").first.click()  # a citation opens its sentence in its article
    expect(page.locator("#source-text mark")).to_have_text(
        page.locator("#brief .sentence").first.evaluate("node => node.firstChild.textContent")
    )
    page.fill("#update-since", "2026-11-05")
    page.click("#update-form button[type=submit]")
    expect(page.locator("#story-meta")).to_contain_text("new since 2026-11-05")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "workspace-story.png"), full_page=True)
    page.click("#tab-paste")
    assert page.locator("#summarize").is_visible() and not page.locator("#workspace").is_visible()
    assert not page.locator("#result").is_visible()  # the story's brief is not the paste tab's result
    page.close()


def test_new_marks_hostile_titles_and_a_phone_width(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(workspace)
    page.evaluate("localStorage.setItem('newsfuse.lastVisit', '2000-01-01T00:00:00')")
    page.reload()
    page.wait_for_selector("#stories li")
    assert page.locator("#stories .new").count() == 20  # every story was updated after that visit
    page.fill("#q", "Dam <img")
    page.click("#filter button")
    expect(page.locator("#stories li")).to_have_count(1)
    assert page.locator("#stories .open").first.inner_text() == HOSTILE  # shown as text, never run
    assert page.evaluate("window.__xss") is None
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing wider than the phone
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "workspace-phone.png"), full_page=True)
    page.close()


def test_the_conflict_between_outlets_is_shown(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    page.goto(workspace)
    page.fill("#q", "earthquake")  # while the first page of the list may still be on its way
    page.click("#filter button")
    expect(page.locator("#stories li")).to_have_count(1)
    page.locator("#stories .open").first.click()
    expect(page.locator("#conflicts li").first).to_contain_text("14")
    conflict = page.locator("#conflicts li").first.inner_text()
    assert "41" in conflict and "Bay Herald" in conflict and "Coast Wire" in conflict
    page.close()


def test_a_story_left_before_its_brief_arrives_does_not_show_it_elsewhere(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(workspace)
    page.wait_for_selector("#stories li")

    held: list = []
    page.route(re.compile(r".*/v1/stories/\d+$"), lambda route: held.append(route))  # held until let go
    page.locator("#stories .open").first.click()
    page.wait_for_timeout(300)
    page.click("#tab-paste")  # the user moved on before the story's brief came
    held[0].continue_()
    page.wait_for_timeout(1500)
    assert not page.locator("#result").is_visible() and page.locator("#brief .sentence").count() == 0
    page.close()


def test_more_stories_pages_the_list_on_screen(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    page.goto(workspace)
    page.wait_for_selector("#stories li")
    page.fill("#q", "nothing-that-matches")  # typed, not applied
    page.click("#more")
    expect(page.locator("#stories li")).to_have_count(40)
    assert page.locator("#list-status").inner_text() == "211 stories; showing 40."
    ids = page.locator("#stories li").evaluate_all("nodes => nodes.map(n => n.dataset.id)")
    assert len(set(ids)) == 40
    page.close()


def test_new_marks_stay_through_a_reload_within_a_visit(workspace: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(workspace)
    page.evaluate("localStorage.setItem('newsfuse.lastVisit', '2000-01-01T00:00:00')")
    for _ in range(2):  # each load of the page was a new visit: the second showed no marks
        page.reload()
        page.wait_for_selector("#stories li")
        assert page.locator("#stories .new").count() == 20
    assert page.locator("#list-status").inner_text().startswith("211 stories; showing 20.")
    page.close()


def test_a_store_replaced_under_a_running_server_is_read_again(tmp_path: Path) -> None:
    """Rebuilding a store, or restoring one from a backup with mv, is what the server answers from next: not the
    file it first opened (which a worker kept open, and answered from, until it was restarted)."""
    db, rebuilt = tmp_path / "news.db", tmp_path / "rebuilt.db"
    first = [{"id": "dam", "title": "Dam fails above Alder Falls", "text": "The Marlow Creek dam failed on Tuesday."}]
    second = [{"id": "port", "title": "Port strike halts Tarvo Bay", "text": "Dock workers at Tarvo Bay struck."}]
    for path, records in ((db, first), (rebuilt, second)):
        (tmp_path / "in.json").write_text(json.dumps(records))
        assert run_cli("ingest", str(tmp_path / "in.json"), "--db", str(path)).returncode == 0
    for base, _ in serving_process("--workers", "1", "--db", str(db)):
        _, before = request_json(f"{base}/v1/stories")
        assert [s["headline"] for s in before["stories"]] == ["Dam fails above Alder Falls"]
        os.replace(rebuilt, db)
        _, after = request_json(f"{base}/v1/stories")
        assert [s["headline"] for s in after["stories"]] == ["Port strike halts Tarvo Bay"]


def test_a_failure_of_the_stores_database_is_an_outage_not_a_bug(tmp_path: Path) -> None:
    """The database's own failure under a worker (a PostgreSQL server restarting under its connection, a damaged
    file) is answered 503 with Retry-After, as an outage; any other failure is a bug, a 500."""
    import sqlite3

    from newsfuse.service.work import Resources

    db = tmp_path / "news.db"
    (tmp_path / "in.json").write_text(json.dumps([{"id": "a", "text": "The Marlow Creek dam failed on Tuesday."}]))
    assert run_cli("ingest", str(tmp_path / "in.json"), "--db", str(db)).returncode == 0
    resources = Resources(pipeline=None)  # type: ignore[arg-type]  # no brief is made here
    assert not resources.failed_storage(sqlite3.OperationalError("terminating connection"))  # no store open yet
    resources.store(str(db))
    assert resources.failed_storage(sqlite3.DatabaseError("database disk image is malformed"))
    assert not resources.failed_storage(ValueError("a bug"))
    resources.close_stores()
