"""No live formula from data or user text in any file the tool writes (issue 16).

A hostile dataset names bodies and sources like spreadsheet formulas and matplotlib
mathtext; every CSV, XLSX, Markdown and HTML output, the survey template and the survey
round trip must show those texts as text.
"""

from __future__ import annotations

import csv
import html
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from potential.cli import main
from potential.errors import InputError
from potential.neutralise import csv_text, neutralise_frame, text_cell, would_start_formula

#: Hostile names: a formula, a DDE-style command, a '+' and '@' formula, HTML, mathtext.
HOSTILE = {
    "boenen": '=HYPERLINK("http://x.example/?a=1","klick")',
    "selm": "+cmd|' /C calc'!A0",
    "werne": "@SUM(1+1)*cmd|'/C calc'!A0",
    "kamen": "<script>alert(1)</script>",
    "unna": r"$\frac{1}$",
    "schwerte": "$x",
    "holzwickede": "-2+3+cmd|' /C calc'!A0",
}
SOURCE_TITLE = '=HYPERLINK("http://evil.example","Quelle")'


def _hostile(folder: Path) -> Path:
    bodies = pd.read_csv(folder / "bodies.csv", dtype=str, keep_default_na=False)
    bodies["name"] = bodies["id"].map(HOSTILE).fillna(bodies["name"])
    bodies.to_csv(folder / "bodies.csv", index=False)
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[0, "title"] = SOURCE_TITLE
    sources.loc[0, "title_en"] = SOURCE_TITLE
    sources.to_csv(folder / "sources.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The analyse, smaa, sharing and report outputs of the hostile dataset."""
    import shutil

    from potential.resources import data_dir

    root = tmp_path_factory.mktemp("formulas")
    data = _hostile(Path(shutil.copytree(data_dir() / "kreis-unna", root / "data")))
    runs = {
        "analyse": ["analyse", "--data", str(data), "--quiet", "--csv-dialect", "de"],
        "smaa": ["smaa", "--data", str(data), "--n", "50", "--quiet"],
        "sharing": ["sharing", "--data", str(data), "--field", "it"],
        "report": ["report", "--data", str(data), "--quiet"],
    }
    for name, args in runs.items():
        result = CliRunner().invoke(main, [*args, "--out", str(root / name)])
        assert result.exit_code == 0, (name, result.output)
    return root, data


def _all(root: Path, pattern: str) -> list[Path]:
    found = sorted(p for p in root.rglob(pattern) if "data" not in p.relative_to(root).parts)
    return found


def _formula_cells(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [
        f"{ws.title}!{c.coordinate}: {c.value!r}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def _xml_formulas(path: Path) -> list[str]:
    """``<f>`` elements in the sheets' XML: what Excel would evaluate (checked unparsed)."""
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]


def test_every_xlsx_output_holds_the_hostile_texts_as_text(outputs):
    root, _ = outputs
    books = _all(root, "*.xlsx")
    assert {p.name for p in books} >= {"ranking.xlsx", "smaa.xlsx", "sharing.xlsx"}
    for path in books:
        assert _formula_cells(path) == [], path
        assert _xml_formulas(path) == [], path
    ranking = load_workbook(root / "analyse" / "ranking.xlsx")
    texts = {c.value for ws in ranking.worksheets for row in ws.iter_rows() for c in row}
    assert HOSTILE["boenen"] in texts  # written, as the very text
    assert any(isinstance(v, str) and SOURCE_TITLE in v for v in texts)


def test_no_csv_cell_starts_a_formula(outputs):
    root, _ = outputs
    tables = _all(root, "*.csv")
    assert {p.name for p in tables} >= {"ranking.csv", "smaa_summary.csv", "sharing.csv"}
    seen = set()
    for path in tables:
        text = path.read_text(encoding="utf-8-sig")
        delimiter = ";" if path.parent.name == "analyse" else ","
        for row in csv.reader(text.splitlines(), delimiter=delimiter):
            for cell in row:
                assert not would_start_formula(cell), (path.name, cell)
                seen.add(cell)
    assert "'" + HOSTILE["boenen"] in seen  # prefixed, not dropped
    assert "'" + HOSTILE["selm"] in seen


def test_negative_numbers_keep_their_sign_in_csv(outputs):
    root, _ = outputs
    ranking = pd.read_csv(root / "smaa" / "smaa_summary.csv")
    cash = (root / "analyse" / "cashflows.csv").read_text(encoding="utf-8-sig")
    assert ";-" in cash  # negative amounts (costs) are numbers, written as such
    assert "'-" not in cash.replace("'" + HOSTILE["holzwickede"], "")
    assert len(ranking) > 0


def test_csv_text_rule():
    # independent of the implementation: OWASP's first characters, numbers excepted
    assert csv_text("=1+1") == "'=1+1"
    assert csv_text("@x") == "'@x"
    assert csv_text("+x") == "'+x"
    assert csv_text("-x") == "'-x"
    assert csv_text("\tx") == "'\tx"
    assert csv_text("\rx") == "'\rx"
    assert [csv_text(s) for s in ("-3", "+1,5", "-2.5e-3", "Bönen", "a=b")] == [
        "-3", "+1,5", "-2.5e-3", "Bönen", "a=b",
    ]  # fmt: skip
    assert csv_text(-1.5) == -1.5
    frame = pd.DataFrame({"=name": ["=x", "ok"], "value": [-1.0, 2.0]})
    out = neutralise_frame(frame)
    assert list(out.columns) == ["'=name", "value"]
    assert out["=name" if "=name" in out else "'=name"].tolist() == ["'=x", "ok"]
    assert out["value"].tolist() == [-1.0, 2.0]
    assert frame.iloc[0, 0] == "=x"  # the caller's table is not changed


def test_write_csv_can_write_text_as_it_is(tmp_path):
    from potential.files import write_csv

    frame = pd.DataFrame({"name": ["=x"]})
    write_csv(frame, tmp_path / "a.csv")
    write_csv(frame, tmp_path / "b.csv", neutralise=False)
    assert (tmp_path / "a.csv").read_text() == "name\n'=x\n"
    assert (tmp_path / "b.csv").read_text() == "name\n=x\n"


def test_text_cell_is_a_string_cell(tmp_path):
    wb = Workbook()
    ws = wb.active
    text_cell(ws, 1, 1, "=1+1")
    text_cell(ws, 2, 1, "#N/A")
    ws.cell(3, 1, "=1+1")  # openpyxl alone: a formula
    wb.save(tmp_path / "t.xlsx")
    back = load_workbook(tmp_path / "t.xlsx").active
    assert [back.cell(r, 1).data_type for r in (1, 2, 3)] == ["s", "s", "f"]
    assert back["A1"].value == "=1+1"


def test_survey_template_of_a_hostile_dataset_has_no_formula(dataset_copy, tmp_path):
    from potential.survey import write_template

    data = _hostile(dataset_copy)
    path = write_template(tmp_path / "alle.xlsx", dataset=data)
    assert _formula_cells(path) == []
    assert _xml_formulas(path) == []
    wb = load_workbook(path)
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert HOSTILE["boenen"] in texts


def test_survey_round_trip_keeps_a_formula_like_label_as_text(tmp_path):
    import potential
    from potential.survey import import_files, write_template

    label = '=HYPERLINK("http://x.example","IT")'
    blank = write_template(tmp_path / "boenen.xlsx", body="boenen")
    wb = load_workbook(blank)
    assert wb["Kooperationen"]["B5"].value == "it_boenen_zdv"
    wb["Stammdaten"]["B6"] = "Erika Muster"
    wb["Stammdaten"]["B8"] = pd.Timestamp("2026-12-01").date()
    text_cell(wb["Kooperationen"], 5, 3, label)  # what Excel stores for '=… typed as text
    wb.save(tmp_path / "answer.xlsx")
    into = tmp_path / "umfrage"
    import_files([tmp_path / "answer.xlsx"], into, accept=True)
    (coop,) = [c for c in potential.load_dataset(into).cooperations if c.id == "it_boenen_zdv"]
    assert coop.label == label  # the text, stored as it was typed
    again = write_template(tmp_path / "next.xlsx", dataset=into, body="boenen")
    assert _formula_cells(again) == []
    assert load_workbook(again)["Kooperationen"]["C5"].value == label


def test_markdown_and_html_show_the_hostile_names_as_text(outputs):
    root, _ = outputs
    page = (root / "report" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert html.escape(HOSTILE["kamen"]) in page
    assert html.escape(HOSTILE["boenen"]) in page
    md = (root / "report" / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert r"\<script\>alert(1)\</script\>" in md


def test_markdown_escapes_a_formula_at_line_start():
    from potential.report.markdown import escape

    assert escape("=HYPERLINK(x)", line_start=True) == r"\=HYPERLINK(x)"
    assert escape("- x", line_start=True) == r"\- x"
    assert escape("a | b_c", line_start=False) == r"a \| b\_c"


def test_chart_with_mathtext_labels_draws(outputs, tmp_path):
    root, data = outputs
    result = CliRunner().invoke(
        main, ["plot", "heatmap", "--data", str(data), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    svg = next(tmp_path.rglob("*.svg")).read_text(encoding="utf-8")
    assert "frac" in svg or "$" in svg  # the label, as text (SVG keeps text as paths/ids)


def test_chart_functions_show_dollar_labels_literally():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from potential.charts._common import literal_text

    @literal_text
    def chart():
        fig, ax = plt.subplots()
        ax.set_yticks([0, 1], [r"$\frac{1}$", "$x"])
        ax.set_title(r"$\frac{1}{0}$")
        return ax

    ax = chart()
    ax.figure.canvas.draw()  # no mathtext error
    assert ax.get_title() == r"$\frac{1}{0}$"
    assert all(not t.get_parse_math() for t in ax.get_yticklabels())
    plt.close(ax.figure)


def _zip_with(path: Path, extra: dict[str, bytes]) -> Path:
    from potential.survey import write_template

    write_template(path.with_name("base.xlsx"), body="boenen")
    with zipfile.ZipFile(path.with_name("base.xlsx")) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        for name, data in extra.items():
            dst.writestr(name, data)
    return path


def test_macro_workbooks_are_refused(tmp_path):
    from potential.survey.macros import refuse_macros

    plain = _zip_with(tmp_path / "plain.xlsx", {})
    refuse_macros(plain)  # no macros: accepted
    vba = _zip_with(tmp_path / "vba.xlsx", {"xl/vbaProject.bin": b"\0" * 16})
    with pytest.raises(InputError, match="enthält Makros") as info:
        refuse_macros(vba)
    assert info.value.where == str(vba)
    xlsm = tmp_path / "renamed.xlsm"
    xlsm.write_bytes(plain.read_bytes())
    with pytest.raises(InputError, match=r"erwartet: eine Arbeitsmappe ohne Makros \(\.xlsx\)"):
        refuse_macros(xlsm)
    with zipfile.ZipFile(plain) as z:
        types = z.read("[Content_Types].xml").replace(
            b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
        )
    typed = tmp_path / "typed.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(typed, "w") as dst:
        for info in src.infolist():
            body = types if info.filename == "[Content_Types].xml" else src.read(info.filename)
            dst.writestr(info, body)
    with pytest.raises(InputError, match="enthält Makros"):
        refuse_macros(typed)


def test_survey_import_refuses_a_macro_workbook(tmp_path):
    from potential.survey import import_files

    vba = _zip_with(tmp_path / "vba.xlsx", {"xl/vbaProject.bin": b"\0" * 16})
    into = tmp_path / "umfrage"
    try:
        report = import_files([vba], into)
    except InputError as exc:
        assert "Makros" in str(exc)
    else:
        assert not report.complete
        assert any("Makros" in str(p) for p in report.problems)
    assert not into.exists()
