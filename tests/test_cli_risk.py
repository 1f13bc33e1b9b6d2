"""potential analyse --risk N: Monte Carlo on the Kapitalwert, written and recorded."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from potential.cli import main


def test_risk_table_is_written_seeded_and_recorded(tmp_path):
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        res = CliRunner().invoke(
            main, ["analyse", "--risk", "20", "--seed", "3", "--out", str(out)]
        )
        assert res.exit_code == 0, res.output
        runs.append(out)
    first, second = ((r / "npv_risk.csv").read_bytes() for r in runs)
    assert first == second
    risk = pd.read_csv(runs[0] / "npv_risk.csv")
    assert {"p_npv_positive", "npv_p05", "npv_median", "npv_p95"} <= set(risk.columns)
    assert risk["p_npv_positive"].between(0, 1).all()
    assert (risk["npv_p05"] <= risk["npv_p95"]).all()
    record = json.loads((runs[0] / "provenance.json").read_text(encoding="utf-8"))
    assert record["seed"] == 3
    assert record["settings"]["risk_samples"] == 20
    ranking = pd.read_csv(runs[0] / "ranking.csv")
    merged = risk.merge(ranking[["body", "option", "npv"]], on=["body", "option"])
    assert len(merged) == len(risk)
    assert (merged["npv_x"] - merged["npv_y"]).abs().max() < 1e-6
