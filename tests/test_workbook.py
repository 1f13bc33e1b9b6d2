"""ranking.xlsx as the working group opens it: sheets, headers, values against the analysis,
number formats, frozen headers, filters, colour scales, the acceptability sheets of a SMAA
run, scenario workbooks and byte-for-byte determinism."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from potential import summaries
from potential.exports import export_analysis, ranking_frame, workbook_sheets
from potential.workbook import (
    FIXED_TIMESTAMP,
    FORMATS,
    HIGH,
    LOW,
    MAX_WIDTH,
    MID,
    column_kinds,
    write_workbook,
)

FRONT = ["Übersicht", "Beste je Handlungsfeld", "Punktwerte je Feld", "Gemeinsame Sicht",
         "Kriterienmodell", "Ausgeschlossen", "Akzeptanz", "Rangakzeptanz"]  # fmt: skip
FRONT_EN = ["Overview", "Best per field", "Scores by field", "Joint view", "Criteria model",
            "Excluded", "Acceptability", "Rank acceptability"]  # fmt: skip
SCORE, BENEFIT, EUR, SHARE = FORMATS["score"], FORMATS["benefit"], FORMATS["eur"], "0.0%"


@pytest.fixture(scope="module")
def smaa():
    from potential.uncertainty.bodies import smaa_by_body

    return smaa_by_body(n=200, seed=0)


@pytest.fixture(scope="module")
def exported(default_analysis, smaa, tmp_path_factory):
    """Output folder of ``export_analysis`` with SMAA results (German)."""
    out = tmp_path_factory.mktemp("workbook")
    export_analysis(default_analysis, out, smaa=smaa)
    return out


@pytest.fixture(scope="module")
def wb(exported):
    return load_workbook(exported / "ranking.xlsx")


@pytest.fixture(scope="module")
def sheets_en(default_analysis, smaa):
    """The English sheets (layout is the same in both languages; test_exports writes them)."""
    return workbook_sheets(default_analysis, "en", smaa=smaa)


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def letter(ws, name: str) -> str:
    return get_column_letter(header(ws).index(name) + 1)


def cells(ws, name: str) -> list:
    """The data cells of a column (by header)."""
    j = header(ws).index(name) + 1
    return [row[0] for row in ws.iter_rows(min_row=2, min_col=j, max_col=j)]


def values(ws, name: str) -> list:
    return [c.value for c in cells(ws, name)]


def width(ws, j: int) -> float | None:
    """The stored width of column ``j`` (from 1). A writer may store adjacent columns of one
    width as one ``<col min max>`` (XlsxWriter does), which openpyxl keys by its first
    column."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= j <= dim.max and dim.customWidth:
            return dim.width
    return None


def scales(ws) -> dict[str, list]:
    """Range → colour-scale rules of a sheet's conditional formatting."""
    out = {}
    for cf in ws.conditional_formatting:
        rules = [r for r in cf.rules if r.type == "colorScale"]
        if rules:
            out[str(cf.sqref)] = rules
    return out


def option_labels(analysis) -> dict[str, str]:
    frame = ranking_frame(analysis)
    return dict(zip(frame["option"], frame["option_label"], strict=True))


def body_sheets(wb, dataset):
    names = wb.sheetnames[len(FRONT) : len(FRONT) + len(dataset.bodies)]
    return list(zip(dataset.bodies, names, strict=True))


def is_table(sheet) -> bool:
    """A table sheet (not a laid-out annex of the Wirtschaftlichkeitsvergleich)."""
    title = sheet if isinstance(sheet, str) else sheet.title
    return not title.startswith(("WV ", "Economics "))


# --- sheets and headers ----------------------------------------------------------------------


def test_sheet_names_with_acceptability(wb, sheets_en, dataset):
    assert wb.sheetnames[: len(FRONT)] == FRONT
    assert wb.sheetnames[-1] == "Quellen"
    bodies = [b.name.replace("/", "-") for b in dataset.bodies]
    assert wb.sheetnames[len(FRONT) : -1] == [
        *bodies,
        "Wirtschaftlichkeit",
        *(f"WV {b}" for b in bodies),
    ]
    names_en = list(sheets_en)
    assert names_en[: len(FRONT_EN)] == FRONT_EN
    assert names_en[-1] == "Sources"
    for name in wb.sheetnames + names_en:
        assert len(name) <= 31


def test_german_headers_by_default(wb):
    assert header(wb["Übersicht"])[:5] == [
        "Körperschaft", "Rang", "Kooperationsoption", "Punktwert", "Vorteil gegenüber Alleingang",
    ]  # fmt: skip
    assert header(wb["Beste je Handlungsfeld"])[:6] == [
        "Körperschaft", "Handlungsfeld", "Kooperationsoption", "Punktwert", "Rang",
        "Vorteil gegenüber Alleingang",
    ]  # fmt: skip
    assert header(wb["Gemeinsame Sicht"])[:3] == [
        "Konsensrang", "Kooperationsoption", "Alle besser gestellt",
    ]  # fmt: skip
    assert header(wb["Akzeptanz"])[:6] == [
        "Körperschaft", "Kooperationsoption", "Anteil Rang 1", "Erwarteter Rang",
        "Konfidenzfaktor", "Rang mit Modellgewichten",
    ]  # fmt: skip
    assert "Zentralgewicht: Kapitalwert je Einwohner" in header(wb["Akzeptanz"])
    ranks = [f"Rang {r}" for r in range(1, 11)]
    assert header(wb["Rangakzeptanz"]) == [
        "Körperschaft", "Kooperationsoption", "Erwarteter Rang", *ranks,
    ]  # fmt: skip
    assert header(wb["Kamen"])[:4] == ["Rang", "Kooperationsoption", "Punktwert",
                                       "Vorteil gegenüber Alleingang"]  # fmt: skip


def test_english_headers(sheets_en, dataset):
    def head(name):
        return list(sheets_en[name].columns)

    assert head("Overview")[:5] == [
        "Body", "Rank", "Cooperation option", "Score", "Benefit over stand-alone",
    ]  # fmt: skip
    assert head("Best per field")[:4] == ["Body", "Field", "Cooperation option", "Score"]
    fields = head("Scores by field")
    assert fields[0] == "Body" and set(fields[1:]) <= {f.label_en for f in dataset.fields}
    assert head("Acceptability")[2:5] == [
        "First-rank acceptability", "Expected rank", "Confidence factor",
    ]  # fmt: skip
    assert head("Rank acceptability")[3] == "Rank 1"
    assert head("Criteria model")[-1] == "Effective weight"
    for name, frame in sheets_en.items():
        if isinstance(frame, pd.DataFrame):
            assert not {"Punktwert", "Rang", "Körperschaft"} & set(frame.columns), name
        else:  # a laid-out sheet: no German text in it
            text = " ".join(str(v) for row in frame.rows for v in row)
            assert not {"Kapitalwert", "Jahr 0", "Barwert"} & set(text.split()), name


def test_english_sheets_have_the_same_kinds_of_values(sheets_en):
    assert column_kinds(sheets_en["Overview"])["Score"] == "score"
    overview = column_kinds(sheets_en["Overview"])
    assert overview["Net present value per inhabitant (EUR/Einw.)"] == "eur_cent"
    for name in (
        "Net present value",
        "Annuity",
        "Largest yearly burden",
        "Net present value with grant",
    ):
        assert overview[name] == "eur", name  # fmt: skip
    assert overview["Payback year (discounted)"] == "integer"
    assert column_kinds(sheets_en["Acceptability"])["First-rank acceptability"] == "acceptability"
    assert column_kinds(sheets_en["Rank acceptability"])["Rank 10"] == "acceptability"
    assert column_kinds(sheets_en["Criteria model"])["Effective weight"] == "share"


# --- values against the analysis -------------------------------------------------------------


def test_overview_rows_are_the_top_three(wb, default_analysis):
    ws = wb["Übersicht"]
    top = ranking_frame(default_analysis)
    top = top[top["rank"] <= 3]
    assert len(top) == len(default_analysis.top(3))
    assert values(ws, "Körperschaft") == top["body_name"].tolist()
    assert values(ws, "Rang") == top["rank"].tolist()
    assert values(ws, "Kooperationsoption") == top["option_label"].tolist()
    assert values(ws, "Punktwert") == pytest.approx(top["score"].tolist(), rel=1e-12)
    assert values(ws, "Vorteil gegenüber Alleingang") == pytest.approx(top["benefit"].tolist())


def test_best_per_field_sheet_equals_the_summary(wb, default_analysis):
    ws = wb["Beste je Handlungsfeld"]
    ds = default_analysis.dataset
    best = summaries.best_per_field(default_analysis.ranking, [f.id for f in ds.fields])
    field_names = {f.id: f.label_de for f in ds.fields}
    labels = option_labels(default_analysis)
    assert ws.max_row - 1 == len(best)
    assert values(ws, "Körperschaft") == best["body_name"].tolist()
    assert values(ws, "Handlungsfeld") == [field_names[f] for f in best["field"]]
    assert values(ws, "Kooperationsoption") == [labels[o] for o in best["option"]]
    assert values(ws, "Punktwert") == pytest.approx(best["score"].tolist(), rel=1e-12)
    assert values(ws, "Rang") == best["rank"].tolist()
    # fields in the dataset's order within each body
    order = [f.label_de for f in ds.fields]
    first_body = [f for b, f in zip(values(ws, "Körperschaft"), values(ws, "Handlungsfeld"),
                                    strict=True) if b == "Kreis Unna"]  # fmt: skip
    assert first_body == sorted(first_body, key=order.index)


def test_field_scores_sheet_is_the_best_score_matrix(wb, default_analysis):
    ws = wb["Punktwerte je Feld"]
    ds = default_analysis.dataset
    matrix = summaries.best_score_matrix(default_analysis.ranking, [f.id for f in ds.fields])
    names = {f.id: f.label_de for f in ds.fields}
    assert header(ws) == ["Körperschaft", *[names[f] for f in matrix.columns]]
    assert values(ws, "Körperschaft") == [ds.body(b).name for b in matrix.index]
    rows = [list(r)[1:] for r in ws.iter_rows(min_row=2, values_only=True)]
    expected = matrix.to_numpy().tolist()
    for got, want in zip(rows, expected, strict=True):
        assert [None if pd.isna(v) else pytest.approx(v, rel=1e-12) for v in want] == got


def test_body_sheets_equal_the_ranking(wb, default_analysis, dataset):
    ranking = default_analysis.ranking
    for body, name in body_sheets(wb, dataset):
        ws = wb[name]
        rows = ranking[ranking["body"] == body.id]
        assert values(ws, "Rang") == rows["rank"].tolist()
        assert values(ws, "Punktwert") == pytest.approx(rows["score"].tolist(), rel=1e-12)
        assert values(ws, "Kapitalwert") == pytest.approx(rows["npv"].tolist(), rel=1e-12)
        assert values(ws, "Kapitalwert je Einwohner (EUR/Einw.)") == pytest.approx(
            rows["npv_per_capita"].tolist(), rel=1e-12
        )


def test_criteria_sheet_shows_normalised_weights(wb, default_analysis):
    ws = wb["Kriterienmodell"]
    eff = default_analysis.criteria.weights()
    assert values(ws, "Wirksames Gewicht") == pytest.approx(
        [eff[c.id] for c in default_analysis.criteria.criteria]
    )
    group = dict(zip(values(ws, "Gruppe"), values(ws, "Gruppengewicht"), strict=True))
    assert sum(group.values()) == pytest.approx(1.0)


def test_acceptability_overview_equals_the_smaa_summary(wb, smaa, default_analysis):
    ws = wb["Akzeptanz"]
    top = smaa.summary.groupby("body", sort=False).head(3)
    assert ws.max_row - 1 == len(top) == 3 * len(smaa.bodies)
    assert values(ws, "Körperschaft") == [smaa.bodies[b] for b in top["body"]]
    assert values(ws, "Anteil Rang 1") == pytest.approx(top["first_rank_acceptability"].tolist())
    assert values(ws, "Erwarteter Rang") == pytest.approx(top["expected_rank"].tolist())
    assert values(ws, "Konfidenzfaktor") == pytest.approx(top["confidence"].tolist())
    assert values(ws, "Zentralgewicht: Kapitalwert je Einwohner") == pytest.approx(
        top["central_weight_npv_per_capita"].tolist()
    )
    rank = default_analysis.ranking.set_index(["body", "option"])["rank"]
    assert values(ws, "Rang mit Modellgewichten") == [
        rank[(b, o)] for b, o in zip(top["body"], top["option"], strict=True)
    ]
    labels = option_labels(default_analysis)
    assert values(ws, "Kooperationsoption") == [labels[o] for o in top["option"]]


def test_rank_acceptability_equals_the_smaa_table(wb, smaa):
    ws = wb["Rangakzeptanz"]
    acc = smaa.acceptability[smaa.acceptability["rank"] <= 10]
    shares = acc.set_index(["body", "option", "rank"])["share"]
    keys = list(dict.fromkeys(zip(acc["body"], acc["option"], strict=True)))
    order = [k for k in zip(smaa.summary["body"], smaa.summary["option"], strict=True)
             if k in set(keys)]  # fmt: skip
    assert ws.max_row - 1 == len(order)
    names = values(ws, "Körperschaft")
    assert names == [smaa.bodies[b] for b, _ in order]
    expected = smaa.summary.set_index(["body", "option"])["expected_rank"]
    assert values(ws, "Erwarteter Rang") == pytest.approx([expected[k] for k in order])
    for r in (1, 2, 10):
        want = [float(shares.get((b, o, r), 0.0)) for b, o in order]
        assert values(ws, f"Rang {r}") == pytest.approx(want), r
    total = sum(v for r in range(1, 11) for v in values(ws, f"Rang {r}"))
    assert total == pytest.approx(acc["share"].sum())


# --- layout: formats, frozen headers, filters, widths, colour scales ------------------------


def test_number_formats(wb):
    def formats(ws, name):
        return {c.number_format for c in cells(ws, name) if c.value is not None}

    for name in ("Übersicht", "Beste je Handlungsfeld", "Kamen"):
        ws = wb[name]
        assert formats(ws, "Punktwert") == {SCORE}, name
        assert formats(ws, "Vorteil gegenüber Alleingang") == {BENEFIT}, name
        assert formats(ws, "Rang") == {"0"}, name
    assert EUR == '#,##0 "€"'
    for name in ("Kapitalwert", "Annuität", "Größte Jahresbelastung", "Kapitalwert mit Förderung"):
        assert formats(wb["Kamen"], name) == {EUR}
    assert formats(wb["Kamen"], "Kapitalwert je Einwohner (EUR/Einw.)") == {FORMATS["eur_cent"]}
    assert formats(wb["Kamen"], "Amortisationsjahr (dynamisch)") == {"0"}
    assert formats(wb["Gemeinsame Sicht"], "Summe der Kapitalwerte") == {EUR}
    assert formats(wb["Kamen"], "Umsetzungsdauer (Monate)") == {"0.0"}
    assert formats(wb["Punktwerte je Feld"], "Informationstechnik") == {SCORE}
    for name in ("Gruppengewicht", "Gewicht in der Gruppe", "Wirksames Gewicht"):
        assert formats(wb["Kriterienmodell"], name) == {SHARE}
    for name in ("Anteil Rang 1", "Konfidenzfaktor", "Zentralgewicht: Kapitalwert je Einwohner"):
        assert formats(wb["Akzeptanz"], name) == {SHARE}
    assert formats(wb["Rangakzeptanz"], "Rang 1") == {SHARE}
    assert formats(wb["Rangakzeptanz"], "Erwarteter Rang") == {"0.0"}
    assert formats(wb["Übersicht"], "Kooperationsoption") == {"General"}


def test_frozen_header_filter_and_bold_wrapped_headers(wb):
    for ws in filter(is_table, wb.worksheets):
        if ws.title == "Wirtschaftlichkeit":  # the table is followed by the settings
            assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:H")
            continue
        assert ws.freeze_panes == "A2", ws.title
        last = get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", ws.title
        for cell in ws[1]:
            assert cell.font.bold and cell.alignment.wrap_text, (ws.title, cell.value)


def test_column_widths_fit(wb):
    for ws in filter(is_table, wb.worksheets):
        for j, head in enumerate(header(ws), start=1):
            got = width(ws, j)
            assert got <= MAX_WIDTH + 3, (ws.title, head)
            longest_word = max(len(w) for w in head.split())
            assert got >= longest_word + 3, (ws.title, head)  # headers break between words
    ws = wb["Übersicht"]

    def column(name):
        return header(ws).index(name) + 1

    assert width(ws, column("Punktwert")) >= len("Punktwert") + 3
    assert width(ws, column("Körperschaft")) >= len("Fröndenberg/Ruhr")
    assert width(ws, column("Kooperationsoption")) == MAX_WIDTH + 3
    assert all(c.alignment.wrap_text for c in cells(ws, "Kooperationsoption"))
    assert not any(c.alignment.wrap_text for c in cells(ws, "Punktwert"))
    quellen = wb["Quellen"]
    assert all(c.alignment.wrap_text for c in cells(quellen, "Beleg oder Begründung"))


def _colours(rule) -> list[str]:
    return [c.rgb for c in rule.colorScale.color]


def test_colour_scales_on_scores_and_benefits(wb, dataset, default_analysis):
    for name in ("Übersicht", "Beste je Handlungsfeld"):
        ws = wb[name]
        got = scales(ws)
        # one scale per body (its block of rows), so that each body's best option is on top
        # (tests/test_workbook_print.py checks the rows of each body)
        first = cells(ws, "Körperschaft")[0].value
        n = 1 + sum(c.value == first for c in cells(ws, "Körperschaft"))
        score = got[f"{letter(ws, 'Punktwert')}2:{letter(ws, 'Punktwert')}{n}"][0]
        assert [v.type for v in score.colorScale.cfvo] == ["min", "percentile", "max"]
        assert _colours(score) == [LOW, MID, HIGH]
        col = letter(ws, "Vorteil gegenüber Alleingang")
        benefit = got[f"{col}2:{col}{n}"][0]
        assert [(v.type, v.val) for v in benefit.colorScale.cfvo][1] == ("num", 0)
        assert sum(k.startswith(letter(ws, "Punktwert")) for k in got) == 11  # bodies
    ranking = default_analysis.ranking
    for body, name in body_sheets(wb, dataset):
        ws = wb[name]
        n = int((ranking["body"] == body.id).sum()) + 1
        assert f"C2:C{n}" in scales(ws), name  # Punktwert is the third column
        assert letter(ws, "Punktwert") == "C"
        assert f"D2:D{n}" in scales(ws), name  # Vorteil gegenüber Alleingang
        assert len(scales(ws)) == 2, name  # criteria values are not coloured
    joint = wb["Gemeinsame Sicht"]
    col = letter(joint, "Summe der Vorteile")
    assert f"{col}2:{col}{joint.max_row}" in scales(joint)


def test_field_scores_are_coloured_per_body(wb):
    ws = wb["Punktwerte je Feld"]
    last = get_column_letter(ws.max_column)
    assert sorted(scales(ws)) == sorted(f"B{i}:{last}{i}" for i in range(2, ws.max_row + 1))


def test_acceptabilities_are_coloured_from_0_to_100_percent(wb):
    ws = wb["Rangakzeptanz"]
    n = ws.max_row
    got = scales(ws)
    assert set(got) == {f"{get_column_letter(j)}2:{get_column_letter(j)}{n}" for j in range(4, 14)}
    rule = got[f"D2:D{n}"][0]
    assert [(v.type, float(v.val)) for v in rule.colorScale.cfvo] == [("num", 0.0), ("num", 1.0)]
    akz = wb["Akzeptanz"]
    col = letter(akz, "Anteil Rang 1")
    assert set(scales(akz)) == {f"{col}2:{col}{akz.max_row}"}


def test_kinds_from_headers_without_attrs():
    frame = pd.DataFrame(
        {"Punktwert": [0.5], "Benefit over stand-alone": [0.1], "Kosten (EUR)": [1.0],
         "Anteil Rang 1": [0.2], "x": [0.3], "Rang heute": [1], "Text": ["a"]}
    )  # fmt: skip
    assert column_kinds(frame) == {
        "Punktwert": "score", "Benefit over stand-alone": "benefit", "Kosten (EUR)": "eur",
        "Anteil Rang 1": "acceptability", "x": "number", "Rang heute": None, "Text": None,
    }  # fmt: skip


# --- smaa.xlsx and scenario workbooks --------------------------------------------------------


def test_smaa_workbook_shows_percentages(smaa, tmp_path):
    from potential.uncertainty.bodies import smaa_sheets

    sheets = smaa_sheets(smaa)  # as write_smaa writes them to smaa.xlsx
    write_workbook({k: sheets[k] for k in ("Übersicht", "Kamen")}, tmp_path / "smaa.xlsx")
    book = load_workbook(tmp_path / "smaa.xlsx")
    ws = book["Kamen"]
    assert header(ws)[1] == "Rang 1"
    assert {c.number_format for c in cells(ws, "Rang 1")} == {SHARE}
    assert f"B2:B{ws.max_row}" in scales(ws)
    overview = book["Übersicht"]
    assert {c.number_format for c in cells(overview, "Anteil Rang 1")} == {SHARE}
    assert {c.number_format for c in cells(overview, header(overview)[-1])} == {SHARE}


def test_scenario_workbook_with_smaa_and_a_date(tmp_path, monkeypatch):
    import potential.exports
    import potential.scenarios as ps
    from potential.scenarios.exporting import export_run

    sc = ps.load("heute").with_changes(name="heute-smaa", uncertainty={"n": 50, "seed": 0})
    run = ps.run(sc)
    books = []  # the sheets export_run hands over (writing all of them is tested above)

    def keep(sheets, path, *args):  # an empty file: the set is hashed into provenance.json
        books.append(sheets)
        Path(path).write_bytes(b"")

    monkeypatch.setattr(potential.exports, "write_workbook", keep)
    written = {p.name for p in export_run(run, tmp_path)}
    assert {"smaa_acceptability.csv", "smaa_summary.csv", "changes.csv"} <= written
    (sheets,) = books
    names = list(sheets)
    assert names[: len(FRONT)] == FRONT
    assert names[len(FRONT) : len(FRONT) + 2] == ["Szenario", "Änderungen"]
    assert not [n for n in names if n.startswith("SMAA")]
    assert names[-2:] == ["Quellen", "Metadaten"]
    write_workbook({"Szenario": sheets["Szenario"]}, tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")["Szenario"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Stichtag")
    assert row[1].value == dt.datetime.combine(run.analysis.reference_date, dt.time())
    assert row[1].is_date and row[1].number_format == "mm-dd-yy"  # Excel's short date (id 14)


# --- determinism -----------------------------------------------------------------------------


def test_workbook_is_byte_identical_on_re_export(default_analysis, smaa, exported, tmp_path):
    export_analysis(default_analysis, tmp_path, smaa=smaa)
    for name in ("ranking.xlsx", "ranking.csv", "smaa_summary.csv"):
        assert (tmp_path / name).read_bytes() == (exported / name).read_bytes(), name
    with zipfile.ZipFile(io.BytesIO((tmp_path / "ranking.xlsx").read_bytes())) as z:
        # XlsxWriter stamps every member with 1 January 1980, not the clock
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert FIXED_TIMESTAMP == (2000, 1, 1, 0, 0, 0)
    assert "<dcterms:created" in core and core.count("2000-01-01T00:00:00Z") == 2  # + modified


def test_analyse_with_smaa_puts_the_acceptability_into_the_workbook(tmp_path):
    """``potential analyse --smaa N`` equals smaa_by_body with the same n and seed."""
    from click.testing import CliRunner

    from potential.cli import main
    from potential.uncertainty.bodies import smaa_by_body

    args = ["analyse", "--smaa", "100", "--seed", "4", "--out", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    expected = smaa_by_body(n=100, seed=4)
    got = pd.read_csv(tmp_path / "smaa_summary.csv")
    pd.testing.assert_series_equal(
        got["first_rank_acceptability"], expected.summary["first_rank_acceptability"]
    )
    wb = load_workbook(tmp_path / "ranking.xlsx")
    assert {"Akzeptanz", "Rangakzeptanz"} <= set(wb.sheetnames)


# --- values, styles and layout as written (XlsxWriter) ---------------------------------------


def test_values_of_every_kind_read_back_as_written(tmp_path):
    import numpy as np

    table = pd.DataFrame(
        {
            "Text": ["=1+1", "#N/A", " padded ", "", None],
            "Zahl": [1.5, float("nan"), float("inf"), -0.0, 1e20],
            "Ganz": pd.array([3, None, 2**40, -7, 0], dtype="Int64"),
            "Ja": [True, False, True, False, True],
            "Objekt": [np.float64(0.25), np.int64(4), np.True_, "x", None],
        }
    )
    write_workbook({"Werte": table}, tmp_path / "w.xlsx")
    ws = load_workbook(tmp_path / "w.xlsx")["Werte"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["=1+1", "#N/A", " padded ", None, None]
    assert [ws.cell(i, 1).data_type for i in (2, 3, 4)] == ["s", "s", "s"]  # not formulas
    assert [r[1] for r in rows] == [1.5, None, None, 0, 1e20]  # NaN and inf: empty cells
    assert [r[2] for r in rows] == [3, None, 2**40, -7, 0]
    assert [r[3] for r in rows] == [True, False, True, False, True]
    assert [r[4] for r in rows] == [0.25, 4, True, "x", None]
    assert [ws.cell(i, 5).data_type for i in (2, 3, 4, 5)] == ["n", "n", "b", "s"]


def test_dates_times_and_durations_get_their_formats(tmp_path):
    table = pd.DataFrame(
        {
            "Tag": [dt.date(2020, 1, 2), dt.date(1900, 1, 15)],
            "Zeitpunkt": [dt.datetime(2020, 1, 2, 3, 4, 5), pd.Timestamp("1900-03-01")],
            "Uhrzeit": [dt.time(6, 0), dt.time(18, 30)],
            "Dauer": [dt.timedelta(days=1, hours=12), dt.timedelta(minutes=90)],
        }
    )
    write_workbook({"Zeiten": table}, tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    # Excel's serial days from 30 December 1899 (with its 29 February 1900): by hand
    assert re.search(r'<c r="A2" s="\d+"><v>43832</v></c>', xml)  # 2020-01-02
    assert re.search(r'<c r="A3" s="\d+"><v>15</v></c>', xml)  # 16 days, less 29 Feb 1900
    seconds = (3 * 3600 + 4 * 60 + 5) / 86400
    assert re.search(rf'<c r="B2" s="\d+"><v>{43832 + seconds:.16g}</v></c>', xml)
    assert re.search(r'<c r="B3" s="\d+"><v>61</v></c>', xml)  # 1 March 1900
    assert "<v>0.25</v>" in xml and "<v>1.5</v>" in xml and "<v>0.0625</v>" in xml
    ws = load_workbook(tmp_path / "t.xlsx")["Zeiten"]
    assert ws["A2"].value == dt.datetime(2020, 1, 2) and ws["A2"].number_format == "mm-dd-yy"
    assert ws["B2"].value == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert ws["B2"].number_format == "m/d/yy h:mm"  # Excel's date and time (id 22)
    assert ws["C3"].value == dt.time(18, 30) and ws["C3"].number_format == "h:mm:ss"
    assert ws["D2"].number_format == "[hh]:mm:ss"
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        styles = z.read("xl/styles.xml").decode()
    # Excel's built-in short date and date-time (ids 14 and 22), shown in the reader's locale
    assert 'numFmtId="14"' in styles and 'numFmtId="22"' in styles
    assert 'formatCode="mm-dd-yy"' not in styles


def test_a_layout_keeps_its_styles_panes_and_page_breaks(tmp_path):
    from potential.workbook import STYLES, Layout

    rows = (
        (("Titel", "title"),),
        (("Hinweis", "note"), None, ("", "sum")),
        (("Position", "head_left"), ("Jahr 0", "head"), (dt.date(2026, 11, 25), "")),
        (("Summe", "sum"), (1234.5, "eur_sum"), (0.25, "share"), (None, "eur")),
    )
    layout = Layout(rows=rows, widths=(30, 12.5), title="A & B", freeze="B4",
                    print_rows="3:3", breaks=(2,))  # fmt: skip
    write_workbook({"L": layout}, tmp_path / "l.xlsx", book="ranking")
    ws = load_workbook(tmp_path / "l.xlsx")["L"]
    assert ws.freeze_panes == "B4" and ws.print_title_rows == "$3:$3"
    assert [b.id for b in ws.row_breaks.brk] == [2]
    # widths are stored to the pixel: 1/7 of a character of Calibri 11
    assert width(ws, 1) == 30 and width(ws, 2) == pytest.approx(12.5, abs=1 / 7)
    assert ws.oddHeader.left.text == "A && B"
    assert ws["A1"].font.bold and ws["A1"].font.size == STYLES["title"]["size"]
    assert ws["A2"].font.italic and ws["A2"].font.color.rgb == STYLES["note"]["color"]
    assert ws["B3"].fill.fgColor.rgb == STYLES["head"]["fill"]
    assert ws["B3"].alignment.horizontal == "center" and ws["B3"].alignment.wrap_text
    assert ws["A3"].border.bottom.style == "thin" and ws["B4"].border.top.style == "thin"
    assert ws["B4"].number_format == FORMATS["eur_dash"] and ws["B4"].value == 1234.5
    assert ws["C4"].number_format == FORMATS["share"]
    assert ws["C3"].number_format == "mm-dd-yy"  # a date without a format: the short date
    assert ws["D4"].value is None and ws["D4"].number_format == FORMATS["eur"]  # styled, empty
    assert ws.dimensions == "A1:D4"


def test_empty_tables_are_written(tmp_path):
    no_rows = pd.DataFrame({"Punktwert": pd.Series([], dtype=float), "Name": []})
    no_columns = pd.DataFrame(index=range(3))
    write_workbook({"Leer": no_rows, "Ohne Spalten": no_columns}, tmp_path / "e.xlsx")
    wb = load_workbook(tmp_path / "e.xlsx")
    assert header(wb["Leer"]) == ["Punktwert", "Name"] and wb["Leer"].max_row == 1
    assert wb["Leer"].auto_filter.ref is None and not scales(wb["Leer"])
    assert wb["Ohne Spalten"]["A1"].value is None


def test_control_characters_and_escapes_in_text_are_kept(tmp_path):
    # XML cannot hold U+0007: it is stored as _x0007_ (ECMA-376 Part 1, 22.9.2.19), and a
    # text that looks like such an escape has its underscore escaped (_x005F_), so that
    # Excel reads both back as written
    texts = ["bell \x07", "_x0041_", "tab\tand\nline"]
    write_workbook({"x": pd.DataFrame({"a": texts})}, tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        xml = z.read("xl/sharedStrings.xml").decode()
    stored = re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", xml)[1:]  # after the header
    assert stored == ["bell _x0007_", "_x005F_x0041_", "tab\tand\nline"]

    def decoded(text):  # the standard's rule, as Excel reads the text
        return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), text)

    assert [decoded(t) for t in stored] == texts


def test_colour_scales_run_over_the_rows_of_each_body_wherever_they_are(tmp_path):
    from openpyxl.utils.cell import range_boundaries

    table = pd.DataFrame(
        {
            "Körperschaft": ["Selm", "Bönen", "Selm", "Selm", "Holzwickede"],
            "Punktwert": [0.1, 0.2, 0.3, 0.4, 0.5],
        }
    )
    table.attrs["scale_by"] = "Körperschaft"
    write_workbook({"s": table}, tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")["s"]
    got = []
    for cf in ws.conditional_formatting:
        rows = set()
        for r in cf.sqref.ranges:
            c1, r1, c2, r2 = range_boundaries(str(r))
            assert c1 == c2 == 2  # Punktwert
            rows |= set(range(r1, r2 + 1))
        got.append(sorted(rows))
    # Selm in rows 2, 4 and 5 (one scale over two runs), Bönen in 3, Holzwickede in 6
    assert sorted(got) == [[2, 4, 5], [3], [6]]


def test_a_long_title_is_cut_to_fit_excels_header_limit(tmp_path):
    import warnings

    table = pd.DataFrame({"a": [1]})
    table.attrs["title"] = "Bau & Vergabe " * 30  # 420 characters, 450 with each & doubled
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # XlsxWriter warns and drops a header that is too long
        write_workbook({"x": table}, tmp_path / "w.xlsx", book="ranking")
    ws = load_workbook(tmp_path / "w.xlsx")["x"]
    left = ws.oddHeader.left.text
    assert len(f"&L{left}&R&D") <= 255  # Excel's limit, codes included
    assert left.endswith("…") and left.startswith("Bau && Vergabe Bau && Vergabe")
    assert "&&" in left and left.replace("&&", "").count("&") == 0  # no & left alone
    assert ws.oddHeader.right.text == "&D"


@pytest.mark.parametrize("kind", [None, *sorted(FORMATS)])
def test_the_width_of_a_number_column_is_that_of_its_longest_text(kind):
    import numpy as np

    from potential.workbook import _data_width, _shown

    rng = np.random.default_rng(17)
    specials = [float("nan"), float("inf"), -float("inf"), -0.0, 0.0, 999.9996, -999.9996]
    for _ in range(200):
        n = int(rng.integers(1, 40))
        scale = 10.0 ** rng.integers(-4, 9)
        column = (rng.normal(size=n) * scale).tolist()
        column += [int(v) for v in rng.integers(-(10**6), 10**6, size=3)]
        column += rng.choice(specials, size=int(rng.integers(0, 3))).tolist()
        column = rng.permutation(np.array(column, dtype=object)).tolist()
        # the longest text, value by value (as _shown shows each)
        expected = max(len(_shown(v, kind)) for v in column[:500])
        assert _data_width(column, kind) == expected, column
    assert _data_width([], kind) == 0
    assert _data_width([-0.0, 0.0, 1.0], kind) == _data_width([0.0, -0.0, 1.0], kind)
