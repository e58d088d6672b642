"""``newsfuse analyze`` exactly as a user runs it: a fresh process per command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_cli import BAD_CASES, write_bad_inputs


def test_json_report_of_the_example(example: Path) -> None:
    done = run_cli("analyze", str(example), "--output", "json", "--include-text")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert {a["id"]: a["opinion_share"] > 0 for a in data["articles"]} == {
        "blog": True, "newspaper": False, "wire": False,
    }  # fmt: skip
    assert any(e["name"] == "Dana Whitfield" and e["type"] == "person" for e in data["entities"])
    for quote in data["quotes"]:
        where = quote["where"]
        assert texts[where["article"]][where["start"] : where["end"]] == quote["text"]
    assert {c["quantity"] for c in data["conflicts"]} == {"people killed", "people injured"}
    assert any(e["expression"] == "on Wednesday" and e["start"] == "2026-11-04" for e in data["timeline"])
    assert any(f["single_source"] for f in data["facts"]) and any(not f["single_source"] for f in data["facts"])
    assert all(j["score"] >= 0 for j in data["opinion"])


def test_markdown_report_is_the_default(example: Path) -> None:
    done = run_cli("analyze", str(example))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Anatomy of ") and "## Who said what" in done.stdout


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_alone_is_a_one_line_error_with_exit_2(tmp_path: Path, case: str) -> None:
    path, reason = write_bad_inputs(tmp_path)[case]
    done = run_cli("analyze", str(path))
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0], done.stderr


def test_bad_input_among_good_ones_is_skipped_with_a_warning(tmp_path: Path, example: Path) -> None:
    path, reason = write_bad_inputs(tmp_path)["binary"]
    done = run_cli("analyze", str(example / "wire.txt"), str(path), "--output", "json")
    assert done.returncode == 0, done.stderr
    assert f"warning: skipped {path}" in done.stderr and reason in done.stderr
    assert [a["id"] for a in json.loads(done.stdout)["articles"]] == ["wire"]
    strict = run_cli("analyze", str(example / "wire.txt"), str(path), "--strict")
    assert strict.returncode == 2 and "Traceback" not in strict.stderr


@pytest.mark.parametrize("extra", [["--output", "pdf"], ["--format", "doc"]])
def test_usage_errors_exit_2_without_traceback(example: Path, extra: list[str]) -> None:
    done = run_cli("analyze", str(example), *extra)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "error" in done.stderr


def test_a_french_story_through_the_cli_has_names_quotes_and_a_date(tmp_path: Path) -> None:
    text = (
        "Le barrage de Valfleuri cède\nMardi 3 mars 2026\n"
        "« Nous avons fait tout ce que l'État nous demandait », a déclaré le maire de Valfleuri, Jeanne Morel. "
        "La digue avait été inspectée en 2024 par la préfecture de l'Isère, selon Paul Garnier.\n"
    )
    (tmp_path / "a.txt").write_text(text)
    done = run_cli("analyze", str(tmp_path / "a.txt"), "--output", "json", "--include-text")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    article = data["articles"][0]
    assert data["language"] == "fr" and "entities" not in data["skipped"] and article["published"] == "2026-03-03"
    assert any(e["name"] == "Jeanne Morel" and e["type"] == "person" for e in data["entities"])
    [quote] = data["quotes"]
    assert quote["speaker"] == "Jeanne Morel"
    assert article["text"][quote["where"]["start"] : quote["where"]["end"]] == quote["text"]
    assert any(e["start"] == "2024-01-01" for e in data["timeline"])
