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
        "sharing.xlsx", "provenance.json",
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
        (("--option", OPTION, "--discount-rate", "-1"), "'-1'"),  # (the economics' text)
    ]
    for args, word in cases:
        result = invoke("sharing", *args, "--out", tmp_path / "x")
        assert result.exit_code == 2, (args, result.output)
        assert word in result.output, (args, result.output)
        assert "Traceback" not in result.output
        assert not (tmp_path / "x").exists()


def test_own_game_from_a_file(tmp_path):
    # the three-player majority game: v(S) = 1 for |S| >= 2; its core is empty, the least
    # core is 1/3 and every concept gives 1/3 each (symmetry)
    game = tmp_path / "spiel.csv"
    game.write_text(
        "coalition,value\nA,0\nB,0\nC,0\nA+B,1\nA+C,1\nB+C,1\nA+B+C,1\n", encoding="utf-8"
    )
    result = invoke("sharing", "--game", game, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Der Kern ist leer" in result.output and "0,33 €" in result.output
    table = pd.read_csv(tmp_path / "out" / "sharing_game.csv")
    assert table[["shapley", "nucleolus", "scrb"]].sum().round(9).tolist() == [1.0, 1.0, 1.0]
    # a German Excel file: semicolons and decimal commas
    game.write_text("coalition;value\nA;0\nB;0\nA+B;2,5\n", encoding="utf-8")
    result = invoke("sharing", "--game", game)
    assert result.exit_code == 0, result.output
    assert "1,25" in result.output


def test_own_game_errors_name_the_file_and_line(tmp_path):
    game = tmp_path / "spiel.csv"
    cases = [
        ("coalition,value\nA,0\nB,0\nA+C,1\n", "fehlen"),
        ("coalition,value\nA,0\nB,0\nA+B,viel\n", "Zeile 4"),
        ("coalition,value\nA,0\nB,0\nA+B,nan\n", "endliche Zahl"),
        ("coalition,value\nA,0\nA,1\n", "schon in Zeile 2"),
        ("koalition,wert\nA,0\n", "coalition"),
    ]
    for text, word in cases:
        game.write_text(text, encoding="utf-8")
        result = invoke("sharing", "--game", game)
        assert result.exit_code == 2, (text, result.output)
        assert word in result.output and "spiel.csv" in result.output, result.output


def test_own_game_errors_in_english_on_request(tmp_path):
    game = tmp_path / "spiel.csv"
    game.write_text("coalition,value\nA,0\nA,1\n", encoding="utf-8")
    result = invoke("sharing", "--game", game, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert (
        f"{game}: line 3: coalition 'A' is already in line 2; expected: every coalition in "
        "one line" in result.output
    )
    result = invoke("sharing", "--game", game)
    assert (
        f"{game}: Zeile 3: Koalition 'A' steht schon in Zeile 2; erwartet: jede Koalition "
        "in einer Zeile" in result.output
    )
