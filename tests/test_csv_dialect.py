"""CSV dialects of the outputs: ``standard`` (for scripts, unchanged) and ``de`` (opens as it
is in a German Excel): bytes, round trips through pandas and our own reader, and every
exporter passing the dialect on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from potential.exports import cashflows_frame, export_analysis, joint_frame, ranking_frame
from potential.files import CSV_DIALECTS, csv_writer, read_csv_rows, write_csv

BOM = b"\xef\xbb\xbf"
GERMAN = {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"}


def read_de(path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(path, **GERMAN, **kwargs)


def is_german(data: bytes) -> bool:
    head = data.split(b"\r\n", 1)[0]
    return data.startswith(BOM) and b";" in head and b"," not in head and b"\r\n" in data


def is_standard(data: bytes) -> bool:
    head = data.split(b"\n", 1)[0]
    return not data.startswith(BOM) and b"," in head and b"\r" not in data


@pytest.fixture
def no_workbooks(monkeypatch):
    """Workbooks are not written (tests/test_workbook.py covers them; this keeps it fast)."""
    import potential.exports

    def empty(sheets, path, *args):  # a writer must still leave its file (hashed in provenance)
        Path(path).write_bytes(b"")

    monkeypatch.setattr(potential.exports, "write_workbook", empty)


@pytest.fixture
def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "body": ["kreis_unna", "boenen", "selm"],
            "partners": ["kreis_unna;luenen", "boenen", "selm;werne"],  # ';' inside a value
            "label": ["Kreis Unna, Lünen", "Bönen", 'Selm "Nord"'],
            "score": [0.6136029905391363, 1e-05, np.nan],
            "big": [1234567.5, -0.0, 1e20],
            "rank": [1, 2, 3],
            "all_gain": [True, False, True],
            "date": [dt.date(2026, 11, 25), dt.date(2027, 1, 1), dt.date(2016, 6, 30)],
        }
    )


def test_dialects():
    assert CSV_DIALECTS == ("standard", "de")


def test_standard_is_what_it_was(sample, tmp_path):
    write_csv(sample, tmp_path / "a.csv")
    expected = sample.to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert (tmp_path / "a.csv").read_bytes() == expected
    assert is_standard(expected)


def test_german_bytes(sample, tmp_path):
    write_csv(sample, tmp_path / "a.csv", "de")
    data = (tmp_path / "a.csv").read_bytes()
    assert is_german(data)
    lines = data.removeprefix(BOM).decode("utf-8").split("\r\n")
    assert lines[0] == "body;partners;label;score;big;rank;all_gain;date"
    assert lines[1] == (
        'kreis_unna;"kreis_unna;luenen";Kreis Unna, Lünen;0,6136029905391363;1234567,5;1;True;'
        "2026-11-25"
    )
    assert lines[2] == "boenen;boenen;Bönen;0,00001;-0,0;2;False;2027-01-01"  # no 1e-05
    assert (
        lines[3] == 'selm;"selm;werne";"Selm ""Nord""";;100000000000000000000,0;3;True;2016-06-30'
    )
    assert lines[4] == ""  # the file ends with a line end


def test_german_round_trip_through_pandas(sample, tmp_path):
    write_csv(sample, tmp_path / "a.csv", "de")
    back = read_de(tmp_path / "a.csv")
    expected = sample.assign(date=[d.isoformat() for d in sample["date"]])
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert back["score"].tolist()[:2] == sample["score"].tolist()[:2]  # exact


def test_german_round_trip_of_the_ranking(default_analysis, tmp_path):
    for name, frame in (
        ("ranking.csv", ranking_frame(default_analysis)),
        ("joint.csv", joint_frame(default_analysis)),
        ("contributions.csv", default_analysis.contributions),
        ("cashflows.csv", cashflows_frame(default_analysis)),
    ):
        write_csv(frame, tmp_path / name, "de")
        back = read_de(tmp_path / name, keep_default_na=False)
        numbers = read_de(tmp_path / name)  # empty cells as missing values
        assert list(back.columns) == list(frame.columns), name
        for col in frame.columns:
            if pd.api.types.is_numeric_dtype(frame[col]) and frame[col].dtype != bool:
                if frame[col].isna().any():  # e.g. payback_year: empty = not within H
                    got, want = numbers[col], frame[col].astype(float)
                    assert got.isna().tolist() == want.isna().tolist(), (name, col)
                    assert got.dropna().tolist() == want.dropna().tolist(), (name, col)
                else:
                    assert back[col].tolist() == frame[col].tolist(), (name, col)  # exact
            else:
                assert back[col].astype(str).tolist() == frame[col].astype(str).tolist()


@pytest.mark.parametrize("dialect", CSV_DIALECTS)
def test_our_reader_reads_both_dialects(default_analysis, tmp_path, dialect):
    frame = ranking_frame(default_analysis)
    write_csv(frame, tmp_path / "r.csv", dialect)
    rows = read_csv_rows(tmp_path / "r.csv", required=("body", "score", "partners"))
    assert len(rows) == len(frame)
    assert rows[0][0] == 2  # line numbers: the header is line 1
    got = [float(r["score"]) for _, r in rows]
    assert got == frame["score"].tolist()
    assert [r["partners"] for _, r in rows] == frame["partners"].tolist()
    assert [r["option_label"] for _, r in rows] == frame["option_label"].tolist()
    assert [int(r["rank"]) for _, r in rows] == frame["rank"].tolist()


def test_unknown_dialect_is_refused_before_anything_is_written(default_analysis, tmp_path):
    with pytest.raises(ValueError, match="unknown CSV dialect 'excel'"):
        export_analysis(default_analysis, tmp_path / "out", csv_dialect="excel")
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="standard, de"):
        csv_writer(pd.DataFrame(), "DE")


def test_export_analysis_in_german_dialect(default_analysis, tmp_path, no_workbooks):
    from potential.uncertainty.bodies import smaa_by_body

    smaa = smaa_by_body(n=20, seed=0)
    std = export_analysis(default_analysis, tmp_path / "std", smaa=smaa)
    de = export_analysis(default_analysis, tmp_path / "de", smaa=smaa, csv_dialect="de")
    assert [p.name for p in std] == [p.name for p in de]
    csvs = [p.name for p in de if p.suffix == ".csv"]
    assert set(csvs) == {"ranking.csv", "joint.csv", "contributions.csv", "cashflows.csv",
                         "excluded.csv", "smaa_acceptability.csv", "smaa_summary.csv"}  # fmt: skip
    for name in csvs:
        assert is_german((tmp_path / "de" / name).read_bytes()), name
        assert is_standard((tmp_path / "std" / name).read_bytes()), name
        a = pd.read_csv(tmp_path / "std" / name, keep_default_na=False)
        b = read_de(tmp_path / "de" / name, keep_default_na=False)
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-15)


def test_scenario_exports_and_smaa_pass_the_dialect_on(tmp_path, no_workbooks):
    import potential.scenarios as ps
    from potential.scenarios.exporting import export_comparison, export_run
    from potential.uncertainty.bodies import smaa_by_body, write_smaa

    a = ps.run("heute")
    b = ps.run(ps.load("heute").with_changes(name="heute-topsis", method="topsis"))
    written = export_run(a, tmp_path / "run", csv_dialect="de")
    run_csvs = [p for p in written if p.suffix == ".csv"]
    assert {"changes.csv", "cashflows.csv"} <= {p.name for p in run_csvs}
    written += export_comparison(ps.compare([a, b]), [a, b], tmp_path / "cmp", csv_dialect="de")
    written += write_smaa(smaa_by_body(n=20, seed=0), tmp_path / "smaa", csv_dialect="de")
    csvs = [p for p in written if p.suffix == ".csv"]
    assert len(csvs) >= len(run_csvs) + 4 + 2
    for path in csvs:
        assert is_german(path.read_bytes()), path.name
    moves = read_de(tmp_path / "cmp" / "compare_moves.csv")
    assert len(moves) > 0


def test_cli_writes_the_german_dialect_and_records_it(tmp_path):
    import json

    from click.testing import CliRunner

    from potential.cli import main

    result = CliRunner().invoke(main, ["analyse", "--csv-dialect", "de", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "ranking.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfbody;body_name;")
    record = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert record["csv_dialect"] == "de"
    frame = pd.read_csv(tmp_path / "ranking.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert frame["score"].between(0, 1).all() and len(frame) > 1000
