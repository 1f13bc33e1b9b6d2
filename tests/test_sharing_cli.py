"""``potential sharing`` through CliRunner: German output, files, and bad input (exit 2)."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner
from openpyxl import load_workbook

from potential.cli import main

OPTION = "evergabe/oerv_deleg/kamen+schwerte+unna"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_sharing_prints_german_and_writes_tables(tmp_path):
    result = invoke("sharing", "--option", OPTION, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Kapitalwert des Pools" in out and "Kapitalwert je Mitglied (€)" in out
    for name in ("Kamen", "Schwerte", "Unna"):
        assert name in out
    assert "Fallzahlen: nicht berechenbar" in out and "cases_per_year" in out
    assert {p.name for p in tmp_path.iterdir()} == {
        "sharing.csv", "sharing_summary.csv", "sharing_cores.csv", "sharing_subsets.csv",
        "sharing.xlsx",
    }  # fmt: skip
    table = pd.read_csv(tmp_path / "sharing.csv")
    assert set(table["member"]) == {"kamen", "schwerte", "unna"}
    sums = table.groupby("key")["npv"].sum()
    cores = pd.read_csv(tmp_path / "sharing_cores.csv")
    assert (abs(sums - cores["pool_npv"].iloc[0]) < 0.05).all()
    book = load_workbook(tmp_path / "sharing.xlsx")
    assert book.sheetnames == ["Übersicht", "Kostenverteilung", "Schlüssel im Vergleich",
                               "Teilgruppen"]  # fmt: skip
    headers = [c.value for c in book["Kostenverteilung"][1]]
    assert "Kapitalwert ggü. Status quo (€)" in headers and "Mitglied" in headers


def test_sharing_same_bytes_twice(tmp_path):
    for name in ("a", "b"):
        result = invoke("sharing", "--option", OPTION, "--key", "kosten", "--out",
                        tmp_path / name)  # fmt: skip
        assert result.exit_code == 0, result.output
    for file in ("sharing.csv", "sharing.xlsx", "sharing_cores.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_sharing_in_english():
    result = invoke("sharing", "--option", OPTION, "--key", "shapley", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "NPV per member (EUR)" in result.output


def test_sharing_help_is_german():
    result = invoke("sharing", "--help")
    assert result.exit_code == 0
    assert "Wer zahlt was?" in result.output and "Schlüssel" in result.output


def test_bad_input_exits_2_with_one_line(tmp_path):
    cases = [
        (("--option", "evergabe/oerv_deleg/kamen+atlantis"), "atlantis"),
        (("--option", "nirgendwo"), "unbekannt"),
        (("--option", OPTION, "--key", "fallzahlen"), "cases_per_year"),
        (("--field", "mondfahrt"), "mondfahrt"),
        (("--option", OPTION, "--key", "lotterie"), "lotterie"),
        (("--option", OPTION, "--discount-rate", "-1"), "rate"),
    ]
    for args, word in cases:
        result = invoke("sharing", *args, "--out", tmp_path / "x")
        assert result.exit_code == 2, (args, result.output)
        assert word in result.output, (args, result.output)
        assert "Traceback" not in result.output
        assert not (tmp_path / "x").exists()
