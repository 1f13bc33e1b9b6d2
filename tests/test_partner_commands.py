"""``potential cooperations list|plot`` and ``potential coalitions`` through CliRunner."""

from __future__ import annotations

import json

import matplotlib
import pandas as pd
from click.testing import CliRunner

from potential.cli import main

matplotlib.use("Agg")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cooperations_list_prints_every_cooperation(dataset):
    result = invoke("cooperations", "list")
    assert result.exit_code == 0, result.output
    for coop in dataset.cooperations:
        assert f"[{coop.id}]" in result.output
    # the Förderschulen are in force since 2016-08-01, so not yet in spring 2016
    early = invoke("cooperations", "list", "--reference-date", "2016-04-01")
    block = early.output.split("[foerderschulen_kreis]")[1].split("\n")[1]
    assert "später" in block


def test_cooperations_list_as_german_csv(tmp_path, dataset):
    out = tmp_path / "inventar.csv"
    result = invoke("cooperations", "list", "--out", out, "--csv-dialect", "de")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, sep=";", encoding="utf-8-sig")
    assert list(table["id"]) == [c.id for c in dataset.cooperations]


def test_cooperations_plot_writes_the_map(tmp_path):
    result = invoke("cooperations", "plot", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"map.png", "map.svg", "provenance.json"}
    record = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert set(record["outputs"]) == {"map.png", "map.svg"}
    assert record["command"] == "cooperations plot"


def test_coalitions_command_matches_the_library(tmp_path):
    from potential.coalitions import find

    args = ["--field", "epayment", "--max-size", "3", "--must-include", "selm", "--top", "2"]
    result = invoke("coalitions", *args, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    expected = find(field="epayment", max_size=3, must_include=["selm"], top=2)
    written = pd.read_csv(tmp_path / "coalitions.csv")
    assert list(written["option"]) == list(expected.coalitions["option"])
    assert len(written) == 2
    # kept only if the pool's Kapitalwert is positive; the proportional key leaves every
    # member at or above its status quo
    assert (written["pool_npv"] > 0).all() and (written["min_share_npv"] >= 0).all()
    gains = pd.read_csv(tmp_path / "coalition_gains.csv")
    assert set(gains["option"]) == set(written["option"])
    # the printed pool Kapitalwert of the best, in German format (1.234 €)
    best = round(float(expected.coalitions["pool_npv"].iloc[0]))
    assert f"Kapitalwert des Pools {best:,} €".replace(",", ".") in result.output


def test_coalitions_bad_input(tmp_path):
    result = invoke("coalitions", "--field", "raumfahrt")
    assert result.exit_code == 2 and "raumfahrt" in result.output
    assert "Traceback" not in result.output
    result = invoke("coalitions", "--must-include", "atlantis")
    assert result.exit_code == 2 and "atlantis" in result.output
