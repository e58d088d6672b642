"""The real anatomy sets keep positions, not text (bench/anatomy_real.py): labels survive a cleaner that moves
the text, and a label whose text changed is refused, never silently scored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.append(str(Path(__file__).resolve().parent.parent / "bench"))  # the scripts there are not a package

from anatomy_real import agreement, decode, encode

TEXT = "The ferry left at dawn.\n``We saw the wave too late,'' said Captain Ivo Marsh on Tuesday."


def labels() -> dict:
    return {
        "set": "ferry",
        "quotes": [{"article": "a", "quote": "We saw the wave", "speaker": "Ivo Marsh"}],
        "events": [{"article": "a", "context": "Ivo Marsh on Tuesday", "expression": "on Tuesday",
                    "start": "2026-03-03"}],
        "facts": [{"article": "a", "sentence": "The ferry left at dawn", "reported_by": ["b", "a"]}],
    }  # fmt: skip


def test_labels_become_positions_without_the_text_and_come_back() -> None:
    encoded = encode(labels(), {"a": TEXT, "b": "Another article."})
    assert "We saw" not in str(encoded) and "ferry left" not in str(encoded)
    assert encoded["facts"][0]["reported_by"] == ["b"]  # an article does not corroborate itself
    decoded = decode(encoded, {"a": TEXT}, "dev")
    assert decoded["quotes"][0]["quote"] == "We saw the wave"
    assert decoded["events"][0]["expression"] == "on Tuesday"
    assert TEXT[decoded["events"][0]["offset"] :].startswith("on Tuesday")


def test_a_moved_text_is_found_again_and_a_changed_one_refused() -> None:
    encoded = encode(labels(), {"a": TEXT, "b": ""})
    moved = "Updated 09:40.\n" + TEXT
    assert moved[decode(encoded, {"a": moved}, "dev")["quotes"][0]["offset"] :].startswith("We saw the wave")
    with pytest.raises(SystemExit, match="no longer there"):
        decode(encoded, {"a": TEXT.replace("wave", "flood")}, "dev")


def test_a_piece_that_is_not_in_the_text_is_an_annotation_error() -> None:
    wrong = labels()
    wrong["quotes"][0]["quote"] = "We saw the storm"
    with pytest.raises(SystemExit, match="not in the cleaned article text"):
        encode(wrong, {"a": TEXT, "b": ""})


def test_two_annotators_agree_as_the_pairs_they_both_marked(tmp_path: Path) -> None:
    import json

    text = "The ferry left at dawn. Two crew were hurt. The port closed at noon."
    first = {"set": "ferry", "facts": [
        {"article": "a", "sentence": "The ferry left at dawn", "reported_by": ["b", "c"]},
        {"article": "a", "sentence": "Two crew were hurt", "reported_by": ["b"]},
        {"article": "a", "sentence": "The port closed at noon", "reported_by": []},
    ]}  # fmt: skip
    second = json.loads(json.dumps(first))
    second["facts"][1]["reported_by"] = []  # one pair the second annotator did not mark
    second["facts"][2]["reported_by"] = ["c"]  # and one the first did not
    texts = {"a": text, "b": "", "c": ""}
    (tmp_path / "second").mkdir()
    (tmp_path / "ferry.json").write_text(json.dumps(encode(first, texts)))
    (tmp_path / "second" / "ferry.json").write_text(json.dumps(encode(second, texts)))
    rows = [line.split("|")[1:-1] for line in agreement(tmp_path).splitlines()[2:]]
    assert [cell.strip() for cell in rows[0]] == ["ferry", "3", "3", "3", "2", "0.67"]  # 2 both of 3 and 3 marked
    (tmp_path / "second" / "ferry.json").write_text(json.dumps(encode({**second, "facts": second["facts"][:2]}, texts)))
    with pytest.raises(SystemExit, match="different sentences"):
        agreement(tmp_path)
