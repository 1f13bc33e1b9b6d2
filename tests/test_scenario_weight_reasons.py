"""A scenario's weight change says why: its ``assumption`` or ``source`` reaches changes.csv.

A YAML comment is not read, so before this a weight change with its rationale in a comment
showed empty source and assumption columns (issue 15). Now the columns carry what the file
states, and a change that states nothing is listed as such instead of silently blank.
"""

from __future__ import annotations

import pytest

import potential.scenarios as ps
from potential.errors import InputError
from potential.messages import both, use_lang


def _write(tmp_path, weight_line: str, extra: str = ""):
    path = tmp_path / "gewichte.yaml"
    path.write_text(
        f"name: gewichte\ntitle: Gewichte mit Begründung\n{extra}weights:\n  - {weight_line}\n",
        encoding="utf-8",
    )
    return path


def _row(path):
    changes = ps.prepare(path).changes
    assert list(changes["parameter"]) == ["group_weight"]
    return changes.iloc[0]


def test_the_assumption_of_a_weight_change_is_listed(tmp_path):
    path = _write(tmp_path, '{group: personal, factor: 2, assumption: "Fachkräfte fehlen"}')
    row = _row(path)
    # 0.25 × 2 = 0.5 (the model's group weight of 'personal' is 0.25)
    assert (row["item"], row["old"], row["new"], row["rule"]) == ("personal", 0.25, 0.5, "× 2")
    assert row["assumption"] == "Fachkräfte fehlen"
    assert row["source"] == ""


def test_a_known_source_is_listed_and_an_unknown_one_refused(tmp_path):
    row = _row(_write(tmp_path, "{group: personal, value: 0.4, source: dbb-2022}", ""))
    assert row["source"] == "dbb-2022"
    assert row["assumption"] == ""
    bad = _write(tmp_path, "{group: personal, value: 0.4, source: pwc-2222}")
    with pytest.raises(InputError, match=r"weights\[1\]\.source.*pwc-2222"):
        ps.prepare(bad)


def test_a_change_without_a_reason_says_so_in_the_language_asked(tmp_path):
    path = _write(tmp_path, "{group: personal, value: 0.4}  # Begründung nur im Kommentar")
    german, english = both("scenario_weights.no_reason")
    assert _row(path)["assumption"] == german
    assert "YAML-Kommentar" in german
    with use_lang("en"):
        assert _row(path)["assumption"] == english


def test_source_and_assumption_together_are_refused(tmp_path):
    path = _write(tmp_path, '{group: personal, value: 0.4, source: dbb-2022, assumption: "x"}')
    with pytest.raises(InputError, match="source"):
        ps.prepare(path)
