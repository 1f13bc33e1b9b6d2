"""``potential survey template`` and ``potential survey import`` through CliRunner."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from click.testing import CliRunner
from openpyxl import load_workbook

from potential.cli import main


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_template_then_import_then_accept(tmp_path):
    blank = tmp_path / "boenen.xlsx"
    result = invoke("survey", "template", "--body", "Bönen", "--out", blank)
    assert result.exit_code == 0, result.output
    wb = load_workbook(blank)
    wb["Stammdaten"]["B6"] = "Erika Muster"
    wb["Stammdaten"]["B8"] = dt.date(2026, 12, 1)
    wb["Handlungsfelder"]["D7"] = 900_000  # IT cost per year
    wb["Handlungsfelder"]["E7"] = "eigene Angabe"
    wb.save(tmp_path / "filled.xlsx")
    into = tmp_path / "daten"
    result = invoke("survey", "import", tmp_path / "filled.xlsx", "--into", into)
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(into / "body_fields.csv")
    (row,) = rows.to_dict("records")
    assert (row["body"], row["field"], row["annual_cost_eur"]) == ("boenen", "it", 900_000)
    # the same cell with another value: a diff, held back (exit 1) until --accept
    wb["Handlungsfelder"]["D7"] = 950_000
    wb.save(tmp_path / "again.xlsx")
    result = invoke("survey", "import", tmp_path / "again.xlsx", "--into", into)
    assert result.exit_code == 1
    assert pd.read_csv(into / "body_fields.csv")["annual_cost_eur"].tolist() == [900_000]
    result = invoke("survey", "import", tmp_path / "again.xlsx", "--into", into, "--accept")
    assert result.exit_code == 0, result.output
    assert pd.read_csv(into / "body_fields.csv")["annual_cost_eur"].tolist() == [950_000]
    assert (into / ".history").is_dir()


def test_bad_template_arguments(tmp_path):
    result = invoke("survey", "template", "--body", "atlantis", "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 2 and "atlantis" in result.output
    assert not (tmp_path / "x.xlsx").exists()
    result = invoke("survey", "import", tmp_path / "fehlt.xlsx", "--into", tmp_path / "d")
    assert result.exit_code == 2 and "fehlt.xlsx" in result.output  # nothing readable
