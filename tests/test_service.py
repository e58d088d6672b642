"""The HTTP API against a real server on a loopback port, started by the tests."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

STORY = "The dam on Marlow Creek failed on Tuesday, and three people died in the flood that followed it."


def call(url: str, body: bytes | None = None, content_type: str = "application/json") -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type} if body else {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read())


def post(server: str, payload: object) -> tuple[int, dict]:
    return call(f"{server}/v1/briefs", json.dumps(payload).encode())


def example_articles() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text()} for p in sorted(EXAMPLE.iterdir())]


def test_healthz_and_version(server: str) -> None:
    status, health = call(f"{server}/healthz")
    assert status == 200 and health["status"] == "ok" and health["workers"]["ready"] == 2
    status, version = call(f"{server}/v1/version")
    assert status == 200 and version["version"] and "newsfuse" in version["methods"]
    assert version["models"]["scorer"]["rows"] > 0 and version["models"]["concepts"]["rows"] > 0


def test_openapi_and_docs(server: str) -> None:
    status, schema = call(f"{server}/openapi.json")
    assert status == 200
    body = schema["paths"]["/v1/briefs"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "articles" in body["properties"]
    with urllib.request.urlopen(f"{server}/docs") as response:
        assert response.status == 200 and b"/static/docs.js" in response.read()


def test_brief_is_the_same_json_as_the_cli(server: str, tmp_path: Path) -> None:
    payload = {"articles": example_articles(), "words": 120, "focus": "What did the inspections find?"}
    status, data = post(server, payload)
    assert status == 200
    (tmp_path / "articles.json").write_text(json.dumps(payload["articles"]))
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", "summarize", str(tmp_path / "articles.json"), "--words", "120",
         "--output", "json", "--focus", "What did the inspections find?"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert data == json.loads(done.stdout)


def test_include_text_gives_sources_and_opinion_spans(server: str) -> None:
    status, data = post(server, {"articles": example_articles(), "include_text": True})
    assert status == 200
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for sentence in data["sentences"]:
        for s in sentence["sources"]:
            assert texts[s["article"]][s["start"] : s["end"]] == sentence["text"]
    assert any(texts["blog"][o["start"] : o["end"]].startswith("It is tempting") for o in data["opinion"])


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"articles": []}, "articles"),
        ({"nothing": 1}, "nothing"),  # unknown: the error lists the fields a request has
        ({"words": 60}, "articles"),
        ([1, 2], "body"),
        ({"articles": [{"title": "no text"}]}, "articles[0].text"),
        ({"articles": [{"text": "   "}]}, "articles[0].text"),
        ({"articles": ["just a string"]}, "articles[0]"),
        ({"articles": [{"text": STORY}], "words": 0}, "words"),
        ({"articles": [{"text": STORY}], "words": "many"}, "words"),
        ({"articles": [{"text": STORY}], "method": "gpt"}, "method"),
        ({"articles": [{"text": STORY}], "include_text": "yes"}, "include_text"),
        ({"articles": [{"text": STORY}], "strict": 1}, "strict"),
        ({"articles": [{"text": STORY}], "focus": ["dam"]}, "focus"),
        ({"articles": [{"text": STORY}], "word": 60}, "word"),  # misspelt: not a 250-word brief in silence
        ({"articles": [{"text": STORY}], "focus": "why " * 600}, "focus"),
        ({"articles": [{"text": STORY}] * 51}, "articles"),
        ({"articles": [{"text": "x" * 1_000_001}]}, "articles[0].text"),
        ({"articles": [{"text": "Serikali ya kaunti imetangaza leo kwamba bwawa lilipasuka Jumanne asubuhi na maji "
                                "yakafika mjini ndani ya saa moja."}]}, "articles[0]"),
    ],
)  # fmt: skip
def test_bad_requests_are_422_naming_the_field(server: str, payload: object, field: str) -> None:
    status, data = post(server, payload)
    assert status == 422
    assert data["error"]["field"] == field
    assert "Traceback" not in json.dumps(data)


def test_an_unusable_article_is_skipped_with_a_warning_unless_strict(server: str) -> None:
    swahili = "Serikali ya kaunti imetangaza leo kwamba bwawa lilipasuka Jumanne asubuhi na maji yakafika mjini."
    articles = [{"id": "en", "text": STORY}, {"id": "sw", "text": swahili}]
    status, data = post(server, {"articles": articles})
    assert status == 200 and [a["id"] for a in data["articles"]] == ["en"]
    assert any("articles[1]" in w and "in Swahili, which newsfuse does not read" in w for w in data["warnings"])
    status, data = post(server, {"articles": articles, "strict": True})
    assert status == 422 and data["error"]["field"] == "articles[1]"


def test_malformed_json_is_422(server: str) -> None:
    status, data = call(f"{server}/v1/briefs", b'{"articles": [')
    assert status == 422 and data["error"]["field"] == "body" and "malformed JSON" in data["error"]["message"]


def test_wrong_content_type_is_415(server: str) -> None:
    status, data = call(f"{server}/v1/briefs", b"articles=1", content_type="application/x-www-form-urlencoded")
    assert status == 415 and data["error"]["field"] == "content-type"


def test_body_over_5_mb_is_413(server: str) -> None:
    status, data = call(f"{server}/v1/briefs", b'{"articles": "' + b"x" * (5 * 1024 * 1024 + 10) + b'"}')
    assert status == 413 and data["error"]["field"] == "body"


def test_a_slow_brief_does_not_stall_healthz(server: str) -> None:
    sentence = "Engineers said the spillway near the old mill held {} tonnes of water on Tuesday. "
    big = {
        "articles": [{"text": "".join(sentence.format(n) for n in range(k * 9000, k * 9000 + 9000))} for k in range(4)]
    }
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(post(server, big)[0]))
    worker.start()
    time.sleep(0.5)
    slowest = 0.0
    while worker.is_alive():
        started = time.perf_counter()
        assert call(f"{server}/healthz")[0] == 200
        slowest = max(slowest, time.perf_counter() - started)
        time.sleep(0.1)
    worker.join()
    assert result in ([200], [504])  # 504: past the default 5 s deadline on a slow machine
    assert slowest < 0.5


def big_request(words: int) -> bytes:
    """Articles of 100,000 words each (under the 1,000,000-character limit per article) up to ``words``."""
    sentence = "Engineers said the spillway near mill {} held back the water of the creek on Tuesday. "
    articles = [
        {"text": "".join(sentence.format(n) for n in range(start, start + 100_000 // 15))}
        for start in range(0, words // 15, 100_000 // 15)
    ]
    return json.dumps({"articles": [*articles, {"text": STORY}]}).encode()


def call_with_headers(url: str, body: bytes) -> tuple[int, dict, Message]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read()), failure.headers


def test_work_past_the_deadline_is_stopped_with_504_and_the_worker_is_free_again(tight_server: str) -> None:
    started = time.perf_counter()
    status, data, _ = call_with_headers(f"{tight_server}/v1/briefs", big_request(500_000))
    assert status == 504 and data["error"]["field"] == "deadline"
    assert time.perf_counter() - started < 4  # the 1 s deadline, not the minutes the work would take
    started = time.perf_counter()
    assert post(tight_server, {"articles": [{"text": STORY}]})[0] == 200
    assert time.perf_counter() - started < 2  # the one worker was not left busy with the abandoned work


def test_overload_is_refused_at_once_with_503_and_retry_after(tight_server: str) -> None:
    body = big_request(150_000)
    outcomes: list[tuple[int, dict, Message]] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(call_with_headers(f"{tight_server}/v1/briefs", body)))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = [o for o in outcomes if o[0] == 503]
    assert len(refused) >= 3  # one worker, two places: at most two of the six get in
    assert all(o[2].get("Retry-After") == "1" and o[1]["error"]["field"] == "server" for o in refused)
    assert {o[0] for o in outcomes} <= {200, 503, 504}
    assert call(f"{tight_server}/healthz")[0] == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"articles": ' + b"[" * 5000 + b"]" * 5000 + b"}", "body"),
        (b'{"articles": [{"text": "The dam failed."}], "words": ' + b"9" * 5000 + b"}", "body"),
        (b'{"articles": [{"text": "The dam failed."}], "words": ' + b"9" * 40 + b"}", "words"),
    ],
)
def test_nasty_json_is_422_not_500(server: str, body: bytes, field: str) -> None:
    status, data = call(f"{server}/v1/briefs", body)
    assert status == 422 and data["error"]["field"] == field
    assert "sys.set_int_max_str_digits" not in data["error"]["message"]  # Python's advice is for programmers


def test_lone_surrogates_are_replaced_not_a_500(server: str) -> None:
    body = b'{"articles": [{"id": "a\\ud800", "title": "T\\udc00", "text": "' + STORY.encode() + b'\\ud800"}]}'
    status, data = call(f"{server}/v1/briefs", body)
    assert status == 200 and data["articles"][0]["id"] == "a\ufffd"


def test_urls_in_articles_are_never_fetched(server: str) -> None:
    hits: list[str] = []

    class Trap(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    trap = http.server.HTTPServer(("127.0.0.1", 0), Trap)
    threading.Thread(target=trap.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{trap.server_address[1]}/article"
    page = (
        f'<html><head><link rel="canonical" href="{url}"></head><body><article><p>{STORY}</p></article></body></html>'
    )
    status, data = post(server, {"articles": [{"text": STORY, "url": url}, {"text": page}]})
    trap.shutdown()
    assert status == 200 and data["articles"][0]["url"] == url
    assert hits == []


def test_page_and_assets_are_served_without_any_cdn(server: str) -> None:
    with urllib.request.urlopen(f"{server}/") as response:
        html = response.read().decode()
    assert "/static/app.js" in html and "https://" not in html
    for asset in ("app.js", "style.css"):
        with urllib.request.urlopen(f"{server}/static/{asset}") as response:
            assert response.status == 200 and b"https://" not in response.read()


def test_serve_help_exits_cleanly() -> None:
    done = subprocess.run([sys.executable, "-m", "newsfuse", "serve", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--workers" in done.stdout
    assert Path(ROOT / "src/newsfuse/service/static/index.html").exists()


def test_analysis_is_the_same_json_as_the_cli(server: str, tmp_path: Path) -> None:
    status, data = call(f"{server}/v1/analysis", json.dumps({"articles": example_articles()}).encode())
    assert status == 200 and data["conflicts"]
    (tmp_path / "articles.json").write_text(json.dumps(example_articles()))
    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", "analyze", str(tmp_path / "articles.json"), "--output", "json"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert data == json.loads(done.stdout)


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"articles": []}, "articles"), ({"articles": [{"text": " "}]}, "articles[0].text"),
     ({"articles": [{"text": STORY}], "strict": "no"}, "strict"), ([], "body"),
     ({"articles": [{"text": STORY}], "words": 60}, "words"),
     ({"articles": [{"text": STORY}], "language": "xx"}, "language")],
)  # fmt: skip
def test_bad_analysis_requests_are_422_naming_the_field(server: str, payload: object, field: str) -> None:
    status, data = call(f"{server}/v1/analysis", json.dumps(payload).encode())
    assert status == 422 and data["error"]["field"] == field


def test_analysis_refuses_what_briefs_refuse(server: str) -> None:
    status, data = call(f"{server}/v1/analysis", b"articles=1", content_type="text/plain")
    assert status == 415
    status, data = call(f"{server}/v1/analysis", b'{"articles": [')
    assert status == 422 and "malformed JSON" in data["error"]["message"]


def test_routes_and_methods_that_are_not_there_answer_in_the_apis_error_shape(server: str) -> None:
    status, data = call(f"{server}/v1/nothing-here")
    assert status == 404 and data["error"] == {"field": "path", "message": "no such resource: /v1/nothing-here"}
    status, data = call(f"{server}/v1/stories")  # this server has no store
    assert status == 404 and "newsfuse serve --db" in data["error"]["message"]
    request = urllib.request.Request(f"{server}/v1/briefs", method="PUT", data=b"{}")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405 and refused.value.headers["Allow"] == "POST"
    assert json.loads(refused.value.read())["error"]["field"] == "method"
    with urllib.request.urlopen(urllib.request.Request(f"{server}/healthz", method="HEAD"), timeout=30) as response:
        assert response.status == 200  # what load balancers send


def test_analysis_reads_every_article_in_the_language_given(server: str) -> None:
    payload = {"articles": [{"text": STORY}, {"text": STORY.replace("three", "four")}], "language": "English"}
    status, data = call(f"{server}/v1/analysis", json.dumps(payload).encode())
    assert status == 200 and {a["language"] for a in data["articles"]} == {"en"}


def test_a_saved_page_over_a_million_characters_is_read_as_the_cli_reads_it(server: str) -> None:
    """Its markup (a site's state script) is not its text: the text found in it is what the limit counts."""
    state = "<script>window.__STATE__ = " + json.dumps({"x": "y" * 1_100_000}) + ";</script>"
    head = f"<!DOCTYPE html><html><head><title>Dam fails</title>{state}</head>"
    page = f"{head}<body><article><p>{STORY}</p></article></body></html>"
    status, data = post(server, {"articles": [{"text": page}], "words": 60})
    assert status == 200 and data["sentences"], data
