"""The web page in real headless Chromium (Debian's chromium, driven by Playwright), against a real server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import EXAMPLE, ROOT

ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
XSS = (
    'Residents shared <img src=x onerror="window.__xss = 1"> and <script>window.__xss = 2</script> photos of the '
    "flooded Marlow Creek dam on Tuesday, officials said."
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def fill(page: object, texts: list[str]) -> None:
    boxes = page.locator(".article .text")
    for n, text in enumerate(texts):
        if n >= boxes.count():
            page.click("#add")
        boxes.nth(n).fill(text)


def test_paste_three_articles_get_a_brief_and_check_a_citation(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(server)
    fill(page, [(EXAMPLE / name).read_text() for name in ("wire.txt", "newspaper.html", "blog.html")])
    page.select_option("#words", "150")
    page.click("#summarize")
    page.wait_for_selector("#brief .sentence")
    sentences = page.locator("#brief .sentence")
    assert sentences.count() >= 2
    assert "outlets" in page.locator("#brief .count").first.inner_text()
    first = sentences.first
    cited_text = first.evaluate("node => node.firstChild.textContent")
    first.locator(".cite").first.click()
    page.wait_for_selector("#source-text mark")
    assert page.locator("#source-text mark").inner_text() == cited_text
    assert page.locator("#source-title").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "page.png"), full_page=True)
    page.close()


def test_the_focus_goes_with_the_request_and_its_notes_are_shown(server: str, browser: object) -> None:
    from tests.test_focus import ARTICLES

    page = browser.new_page()
    page.goto(server)
    fill(page, ARTICLES)
    page.fill("#focus", "  What did the inspections find?  ")
    with page.expect_request("**/v1/briefs") as sent:
        page.click("#summarize")
    assert sent.value.post_data_json["focus"] == "What did the inspections find?"
    page.wait_for_selector("#brief .sentence")
    assert "inspection" in page.locator("#brief").inner_text()
    page.fill("#focus", "the Olympic games")
    page.click("#summarize")
    expect(page.locator("#meta")).to_contain_text("focus ignored: none of its words occur in the articles")
    page.close()


def test_opinion_in_a_source_is_marked(server: str, browser: object) -> None:
    page = browser.new_page()
    page.goto(server)
    fill(page, [(EXAMPLE / "blog.html").read_text(), (EXAMPLE / "wire.txt").read_text()])
    page.click("#summarize")
    page.wait_for_selector("#brief .cite")
    for n in range(page.locator("#brief .cite").count()):
        page.locator("#brief .cite").nth(n).click()
        if "drown" in page.locator("#source-title").inner_text():
            break
    else:
        pytest.fail("no brief sentence cites the blog")
    marked = page.locator("#source-text .opinion").all_inner_texts()
    assert any(text.startswith("It is tempting") for text in marked)
    page.close()


def test_markup_inside_an_article_stays_inert_text(server: str, browser: object) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server)
    fill(page, [XSS, f"Officials said the Marlow Creek dam failed on Tuesday. {XSS}"])
    page.click("#summarize")
    page.wait_for_selector("#brief .cite")
    page.locator("#brief .cite").first.click()
    page.wait_for_selector("#source-text mark")
    assert "<img src=x onerror=" in page.locator("#brief").inner_text() + page.locator("#source-text").inner_text()
    assert page.locator("#brief img, #source-text img, #brief script, #source-text script").count() == 0
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    page.close()


def test_uploading_several_files_fills_the_articles(server: str, browser: object) -> None:
    page = browser.new_page()
    page.goto(server)
    files = [EXAMPLE / "wire.txt", EXAMPLE / "newspaper.html", EXAMPLE / "blog.html"]
    page.set_input_files("#files", [str(f) for f in files])
    expect(page.locator(".article .text").nth(2)).not_to_have_value("")  # (no string eval: the page's CSP forbids it)
    titles = page.locator(".article .title").evaluate_all("nodes => nodes.map(n => n.value)")
    assert titles[:3] == ["", "", ""]  # each keeps its own title, as in the CLI: a page's, a text's headline
    page.click("#summarize")
    page.wait_for_selector("#brief .sentence")
    assert "from 3 articles" in page.locator("#meta").inner_text()
    page.locator("#brief .cite").first.click()  # the sources are named as the CLI names them
    page.wait_for_selector("#source-text mark")
    cited = [
        page.locator("#brief .cite").nth(n).get_attribute("title") for n in range(page.locator("#brief .cite").count())
    ]
    assert {c.rsplit(" ", 1)[-1] for c in cited} <= {"wire", "newspaper", "blog"}
    page.close()


def test_an_uploaded_file_that_is_not_text_is_named_not_summarized(server: str, browser: object, tmp_path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 owners in Montr\u00e9al said the dam failed.".encode("latin-1"))
    page = browser.new_page()
    page.goto(server)
    page.set_input_files("#files", [str(tmp_path / "photo.png"), str(tmp_path / "latin.txt")])
    expect(page.locator("#status")).to_have_text("photo.png: a binary file, not text; latin.txt: not UTF-8 text")
    assert page.locator(".article .text").evaluate_all("nodes => nodes.map(n => n.value)") == ["", "", ""]
    page.close()


def test_a_citation_after_emoji_marks_exactly_its_sentence(server: str, browser: object) -> None:
    """Offsets count characters as Python does; JavaScript's strings count an emoji as two units."""
    page = browser.new_page()
    page.goto(server)
    first = "🌊🌊🌊 Flood alert 🚨. An earthen dam on Marlow Creek gave way on Tuesday, state officials said."
    fill(page, [first, "The Marlow Creek dam failed on Tuesday and about 2,000 residents left, officials said."])
    page.click("#summarize")
    page.wait_for_selector("#brief .sentence")
    for n in range(page.locator("#brief .sentence").count()):
        sentence = page.locator("#brief .sentence").nth(n)
        cited_text = sentence.evaluate("node => node.firstChild.textContent")
        sentence.locator(".cite").first.click()
        page.wait_for_selector("#source-text mark")
        assert page.locator("#source-text mark").inner_text() == cited_text
    page.close()
