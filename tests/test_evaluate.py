"""The evaluation harness reproduces hand-computed ROUGE on a fixed example."""

import json
from pathlib import Path

import numpy as np
import pytest

from newsfuse.datasets import Cluster, read_clusters
from newsfuse.errors import InputError
from newsfuse.evaluate import (
    Settings,
    confidence_interval,
    evaluate,
    paired_p_value,
    reader_figures,
    rouge,
    sentence_lines,
)
from tests.conftest import run_cli

# Hand-computed: candidate "the cat sat on the mat" vs reference "the cat lay on the mat".
# Unigrams: 5 of 6 match (the, cat, on, the, mat) → P = R = F = 5/6 = 83.33.
# Bigrams: "the cat", "on the", "the mat" match, 3 of 5 → 60.00. LCS "the cat on the mat" = 5 → 83.33.
# Against "a dog ran in the park": only "the" matches → 1/6 = 16.67 for ROUGE-1, 0 for ROUGE-2.
CANDIDATE = "The cat sat on the mat."
NEAR = "The cat lay on the mat."
FAR = "A dog ran in the park."


def test_rouge_matches_the_hand_computed_values() -> None:
    scores = rouge(CANDIDATE, [NEAR, FAR])
    assert scores["rouge1"] == pytest.approx((500 / 6, (500 / 6 + 100 / 6) / 2))
    assert scores["rouge2"] == pytest.approx((60.0, 30.0))
    assert scores["rougeL"][0] == pytest.approx(500 / 6)
    assert scores["rougeLsum"][0] == pytest.approx(500 / 6)


def test_recall_differs_from_f1_when_lengths_differ() -> None:
    f1 = rouge("The cat sat.", [NEAR])["rouge1"][0]
    recall = rouge("The cat sat.", [NEAR], metric="recall")["rouge1"][0]
    assert recall == pytest.approx(200 / 6)  # "the", "cat" of six reference words
    assert f1 == pytest.approx(2 * (2 / 3) * (2 / 6) / (2 / 3 + 2 / 6) * 100)


def test_rougelsum_uses_one_sentence_a_line() -> None:
    assert sentence_lines("The dam failed. Three died.\nRain fell.") == "The dam failed.\nThree died.\nRain fell."


def test_bootstrap_interval_and_p_value() -> None:
    indices = np.random.default_rng(0).integers(0, 4, size=(1000, 4))
    assert confidence_interval(np.array([5.0, 5.0, 5.0, 5.0]), indices) == (5.0, 5.0)
    better = np.array([2.0, 3.0, 4.0, 5.0])
    assert paired_p_value(better, better - 1, indices) == 0.0
    assert paired_p_value(better - 1, better, indices) == 1.0


def test_evaluate_on_a_fixed_cluster() -> None:
    cluster = Cluster("c1", (CANDIDATE,), (NEAR, FAR))
    report = evaluate([cluster], Settings(("lead", "newsfuse"), 260), jobs=1, show=False)
    lead = report["scores"]["lead"]
    assert lead["rouge1"]["max"]["mean"] == pytest.approx(500 / 6)
    assert lead["rouge2"]["avg"]["mean"] == pytest.approx(30.0)
    assert report["per_cluster"][0]["id"] == "c1"
    assert "p_vs_lead" in report["scores"]["newsfuse"]["rouge1"]["max"]


def test_truncation_cuts_the_output_to_the_budget() -> None:
    cluster = Cluster("c1", ("The cat sat on the mat today.",), (NEAR,))
    report = evaluate([cluster], Settings(("lead",), 3, "recall", truncate=True), jobs=1, show=False)
    assert report["scores"]["lead"]["rouge1"]["max"]["mean"] == pytest.approx(200 / 6)  # "the cat sat"


def test_read_clusters_handles_gzip_multinews_lines_and_errors(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "data.jsonl.gz"
    with gzip.open(path, "wt") as out:
        out.write(json.dumps({"id": "a", "documents": ["one NEWLINE_CHAR two", " "], "summary": "s"}) + "\n")
        out.write(json.dumps({"id": "b", "documents": ["x"], "summaries": ["r1", "r2"]}) + "\n")
    clusters = list(read_clusters(path))
    assert clusters[0].documents == ("one \n two",)
    assert clusters[1].references == ("r1", "r2")
    assert len(list(read_clusters(path, limit=1))) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        list(read_clusters(bad))
    bad.write_text('{"id": "a", "documents": "one article", "summary": "s"}\n')  # a text, not a list of them
    with pytest.raises(InputError, match=r"bad\.jsonl:1: .*must be lists of texts"):
        list(read_clusters(bad))


def test_eval_command_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    data = tmp_path / "data.jsonl"
    rows = [{"id": f"c{n}", "documents": [CANDIDATE, "The mat was red and the cat was happy."], "summary": NEAR}
            for n in range(3)]  # fmt: skip
    data.write_text("\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "report.json"
    done = run_cli("eval", str(data), "--methods", "lead,newsfuse", "--jobs", "2", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert "| lead " in done.stdout and "| newsfuse " in done.stdout and "R-Lsum" in done.stdout
    report = json.loads(out.read_text())
    assert report["clusters"] == 3 and len(report["per_cluster"]) == 3
    assert "3/3" in done.stderr  # the progress bar


@pytest.mark.parametrize(
    ("args", "message"),
    [(["missing.jsonl"], "no such data file"), (["DATA", "--methods", "lead,gpt"], "unknown method 'gpt'")],
)
def test_eval_errors(tmp_path: Path, args: list[str], message: str) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "a", "documents": [CANDIDATE], "summary": NEAR}))
    args = [str(data) if a == "DATA" else str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]
    done = run_cli("eval", *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_eval_reports_a_corrupt_data_file_and_an_unwritable_report(tmp_path: Path) -> None:
    corrupt = tmp_path / "bad.jsonl.gz"
    corrupt.write_bytes(b"not gzip at all")
    done = run_cli("eval", str(corrupt))
    assert done.returncode == 2 and "cannot read the data file" in done.stderr and "Traceback" not in done.stderr
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "a", "documents": [CANDIDATE], "summary": NEAR}))
    done = run_cli("eval", str(data), "--methods", "lead", "--json", str(tmp_path / "no" / "dir" / "r.json"))
    assert done.returncode == 2 and "cannot write the report" in done.stderr and "Traceback" not in done.stderr


DANGLING = [
    "Carl Dempsey runs the Marlow Irrigation District and spoke on Wednesday about the dam.\n"
    '"We did everything the state asked of us and more," he said outside the district office.\n'
    "But the spillway had not been repaired since inspectors flagged it in their 2024 report.",
    "The Marlow Creek dam failed before dawn on Tuesday and flooded the town of Alder Falls.\n"
    "The Marlow Creek dam failed before dawn on Tuesday, flooding the town of Alder Falls, officials said.",
]


def test_reader_figures_count_unresolved_openers_and_repeated_facts() -> None:
    from newsfuse.model import Brief, BriefSentence, Citation
    from newsfuse.pipeline import Pipeline

    def placed(text: str, article: str, index: int) -> BriefSentence:
        return BriefSentence(text, (Citation(article, index, 0, len(text)),), (article,))

    brief = Brief(
        (
            placed("The Marlow Creek dam failed before dawn on Tuesday, flooding Alder Falls.", "b", 0),
            placed("But the spillway had not been repaired since the 2024 report.", "a", 2),  # its predecessor: no
            placed("The Marlow Creek dam failed before dawn on Tuesday, officials said.", "b", 1),  # the same fact
        ),
        (),
        "test",
        100,
    )
    assert reader_figures(brief, Pipeline()) == {"sentences": 3, "unresolved": 1, "repeated": 1}
    cluster = Cluster("c", tuple(DANGLING), ("The dam failed.",))
    report = evaluate([cluster], Settings(("lead", "newsfuse"), 200), jobs=1, show=False)
    assert report["reader"]["newsfuse"]["unresolved_share"] == 0.0
    assert report["reader"]["newsfuse"]["repeated_per_brief"] == 0.0
    assert report["per_cluster"][0]["reader"]["lead"]["sentences"] > 0


def test_duc_convention_and_titles(tmp_path: Path) -> None:
    data = tmp_path / "data.jsonl"
    row = {"id": "c", "documents": DANGLING, "titles": ["Dam manager speaks", "Dam fails"], "summaries": [NEAR, FAR]}
    data.write_text(json.dumps(row) + "\n")
    [cluster] = read_clusters(data)
    assert cluster.titles == ("Dam manager speaks", "Dam fails")
    done = run_cli("eval", str(data), "--methods", "lead,newsfuse", "--jobs", "1", "--duc", "--words", "20")
    assert done.returncode == 0, done.stderr
    assert "recall" in done.stdout and "first N words" in done.stdout
    assert done.stdout.index("Average over references") < done.stdout.index("Best over references")
    assert "unresolved openers" in done.stdout and "repeated-fact pairs per brief" in done.stdout


@pytest.mark.parametrize(
    "row",
    [{"id": "y", "documents": [], "summary": "A reference."}, {"id": "y", "documents": ["  "], "summary": "A ref."},
     {"id": "y", "documents": ["The dam failed on Tuesday."], "summary": ""},
     {"id": "y", "documents": ["The dam failed on Tuesday."], "summaries": ["", " "]}],
)  # fmt: skip
def test_a_cluster_that_would_score_zero_unread_is_refused(tmp_path: Path, row: dict) -> None:
    """A cluster with no text or no reference would count 0 in every average, in silence."""
    (tmp_path / "c.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(InputError, match="a cluster needs a document and a reference with text"):
        list(read_clusters(tmp_path / "c.jsonl"))


def test_training_on_nothing_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    done = run_cli("train", str(tmp_path / "empty.jsonl"), "--out", str(tmp_path / "m.json"))
    assert done.returncode == 2 and "too few to train on" in done.stderr and "Traceback" not in done.stderr
