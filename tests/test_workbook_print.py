"""Every workbook the tool writes prints as it is: landscape, fit to width, header rows,
title, date and page in the page header and footer; colour scales per body where the scores
of one body are compared."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from potential.cli import main
from potential.survey import write_template
from potential.workbook import HIGH, Layout, write_workbook


def _fit_to_width(ps) -> int:
    """Pages across: ECMA-376 Part 1, 18.3.1.63 makes 1 the default of ``fitToWidth``, which
    XlsxWriter therefore leaves out (openpyxl reads ``None``)."""
    return 1 if ps.fitToWidth is None else ps.fitToWidth


def _assert_prints(ws, title_rows):
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4 in the OOXML paper-size list
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (_fit_to_width(ws.page_setup), ws.page_setup.fitToHeight) == (1, 0)  # any height
    assert ws.print_title_rows.replace("$", "") == title_rows
    assert ws.oddHeader.right.text == "&D" and ws.oddFooter.right.text == "Seite &P von &N"


def test_tables_and_layouts_print_with_their_header_rows(tmp_path):
    path = tmp_path / "w.xlsx"
    table = pd.DataFrame({"Körperschaft": ["Bönen", "Selm"], "Punktwert": [0.41, 0.43]})
    table.attrs["title"] = "Rangfolge"
    layout = Layout(rows=(("Übersicht",), ("a", "b")), widths=(10, 10), title="Übersicht",
                    print_rows="1:1")  # fmt: skip
    untitled = pd.DataFrame(table.to_dict("list"))  # no attrs
    write_workbook({"Rangfolge": table, "Übersicht": layout, "Ohne Titel": untitled}, path)
    wb = load_workbook(path)
    _assert_prints(wb["Rangfolge"], "1:1")
    assert wb["Rangfolge"].oddHeader.left.text == "Rangfolge"
    _assert_prints(wb["Übersicht"], "1:1")
    # without a title in attrs the sheet name is printed
    assert wb["Ohne Titel"].oddHeader.left.text == "Ohne Titel"


def test_the_survey_template_prints_with_its_header_row(tmp_path):
    path = tmp_path / "boenen.xlsx"
    write_template(path, body="boenen")
    wb = load_workbook(path)
    _assert_prints(wb["Handlungsfelder"], "3:3")  # title, hint, then the header in row 3
    first = wb.worksheets[0]
    assert first.page_setup.orientation == "landscape" and _fit_to_width(first.page_setup) == 1


def test_the_workbook_title_and_the_page_number_are_in_the_footer(tmp_path):
    table = pd.DataFrame({"Körperschaft": ["Bönen"], "Punktwert": [0.41]})
    write_workbook({"Rangfolge": table}, tmp_path / "de.xlsx", book="ranking")
    write_workbook({"Ranking": table}, tmp_path / "en.xlsx", book="sharing", lang="en")
    de = load_workbook(tmp_path / "de.xlsx")
    ws = de["Rangfolge"]
    assert ws.oddFooter.left.text == "Potenzialanalyse IKZ: Rangfolge der Kooperationsoptionen"
    assert de.properties.title == ws.oddFooter.left.text
    ws = load_workbook(tmp_path / "en.xlsx")["Ranking"]
    assert ws.oddFooter.left.text.startswith("IKZ potential analysis: sharing")
    assert ws.oddFooter.right.text == "Page &P of &N"


def test_an_ampersand_in_a_title_is_printed_as_it_is(tmp_path):
    table = pd.DataFrame({"a": [1]})
    table.attrs["title"] = "Bau & Vergabe"
    write_workbook({"x": table}, tmp_path / "w.xlsx")
    # a single & starts a code in Excel's header language; && prints one &
    assert load_workbook(tmp_path / "w.xlsx")["x"].oddHeader.left.text == "Bau && Vergabe"


# --- every workbook the command line writes ------------------------------------------------

#: Command → the workbooks it writes (relative to the folder it runs in), the first sheet's
#: header rows.
COMMANDS = {
    "analyse": (["analyse", "--out", "a", "--smaa", "20"], ["a/ranking.xlsx"]),
    "smaa": (["smaa", "--n", "20", "--out", "s"], ["s/smaa.xlsx"]),
    "sharing": (["sharing", "--field", "it", "--out", "t"], ["t/sharing.xlsx"]),
    "scenario run": (["scenario", "run", "heute", "--out", "r"], ["r/heute/ranking.xlsx"]),
    "scenario compare": (
        ["scenario", "compare", "heute", "zins-hoch", "--out", "c"],
        ["c/comparison.xlsx"],
    ),
    "survey template": (
        ["survey", "template", "--out", "u/alle.xlsx"],
        ["u/alle.xlsx"],
    ),
    "survey template (one body, English)": (
        ["survey", "template", "--body", "boenen", "--lang", "en", "--out", "u/boenen.xlsx"],
        ["u/boenen.xlsx"],
    ),
}


def _run(command: str, where) -> dict:
    """Run a command of :data:`COMMANDS` in a new folder under ``where``; its workbooks."""
    args, written = COMMANDS[command]
    runner = CliRunner()
    folder = Path(tempfile.mkdtemp(dir=where))
    with contextlib.chdir(folder):
        result = runner.invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return {p: load_workbook(p) for p in written}


@pytest.fixture(scope="module")
def ranking_xlsx(tmp_path_factory):
    """ranking.xlsx of ``potential analyse --smaa 20`` on the embedded data."""
    return _run("analyse", tmp_path_factory.mktemp("analyse"))["a/ranking.xlsx"]


def _header_row(ws, rows: str) -> list:
    """The values of the first row of ``rows`` (``"$3:$3"``)."""
    first = int(rows.replace("$", "").split(":")[0])
    return [c.value for c in ws[first]]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_sheet_of_every_workbook_prints_with_its_header_rows(command, tmp_path):
    books = _run(command, tmp_path)
    assert books
    for path, wb in books.items():
        sheets = [ws for ws in wb.worksheets if ws.sheet_state != "veryHidden"]
        assert sheets, path
        for ws in sheets:
            where = f"{path}, sheet {ws.title!r}"
            ps = ws.page_setup
            assert ps.orientation == "landscape", where
            assert int(ps.paperSize) == 9, where  # A4
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert (_fit_to_width(ps), ps.fitToHeight) == (1, 0), where
            assert ws.print_title_rows, where
            # the rows repeated on every page hold text (the table's header or the title)
            assert any(isinstance(v, str) and v for v in _header_row(ws, ws.print_title_rows))
            assert ws.oddHeader.left.text and ws.oddHeader.right.text == "&D", where
            assert ws.oddFooter.left.text, where  # the workbook's title
            assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, where
        first = wb.worksheets[0]  # Done when: the first sheet has print titles, fit to width
        assert first.print_title_rows and _fit_to_width(first.page_setup) == 1
        english = "--lang" in COMMANDS[command][0]
        assert first.oddFooter.right.text == ("Page &P of &N" if english else "Seite &P von &N")


def test_the_tables_of_ranking_xlsx_repeat_their_header_row(ranking_xlsx):
    wb = ranking_xlsx
    overview = wb["Übersicht"]
    assert overview.print_title_rows == "$1:$1"
    assert overview["A1"].value == "Körperschaft"
    annex = wb["WV Bönen"]  # title and notes above, the years' header in row 5
    assert annex.print_title_rows == "$5:$5" and annex["A5"].value == "Position"
    assert annex.oddHeader.left.text == "Wirtschaftlichkeitsvergleich: Bönen"
    assert overview.oddFooter.left.text == (
        "Potenzialanalyse IKZ: Rangfolge der Kooperationsoptionen"
    )


# --- colour scales per body ------------------------------------------------------------------


def _scales(ws) -> list[tuple[set[str], object]]:
    """The colour scales of a sheet: (cells, rule) per scale."""
    from openpyxl.utils.cell import range_boundaries

    out = []
    for cf in ws.conditional_formatting:
        cells = set()
        for r in cf.sqref.ranges:
            c1, r1, c2, r2 = range_boundaries(str(r))
            cells |= {ws.cell(i, j).coordinate for i in range(r1, r2 + 1)
                      for j in range(c1, c2 + 1)}  # fmt: skip
        for rule in cf.rules:
            if rule.type == "colorScale":
                out.append((cells, rule))
    return out


def _top_colour(rule) -> str:
    scale = rule.colorScale
    assert scale.cfvo[-1].type == "max"
    return scale.color[-1].rgb


def _column(ws, header: str) -> str:
    return next(c.column_letter for c in ws[1] if c.value == header)


@pytest.mark.parametrize("sheet", ["Übersicht", "Beste je Handlungsfeld"])
def test_each_body_has_its_own_colour_scale_so_its_best_option_is_on_top(sheet, ranking_xlsx):
    ws = ranking_xlsx[sheet]
    body_col, score_col = _column(ws, "Körperschaft"), _column(ws, "Punktwert")
    rows: dict[str, list[int]] = {}
    for (cell,) in ws.iter_rows(min_row=2, min_col=1, max_col=1):
        body = ws[f"{body_col}{cell.row}"].value
        rows.setdefault(body, []).append(cell.row)
    assert len(rows) == 11  # the county and its ten towns
    scales = [(cells, rule) for cells, rule in _scales(ws)
              if all(c.startswith(score_col) for c in cells)]  # fmt: skip
    for body, body_rows in rows.items():
        cells = {f"{score_col}{r}" for r in body_rows}
        # exactly one scale covers the body's scores, and nothing but them
        mine = [rule for scale_cells, rule in scales if scale_cells & cells]
        assert len(mine) == 1, body
        assert [c for c, rule in scales if rule is mine[0]][0] == cells, body
        # the top colour goes to the maximum of the body's own scores: its best option
        assert _top_colour(mine[0]) == HIGH
        values = {r: ws[f"{score_col}{r}"].value for r in body_rows}
        best = max(values, key=values.get)
        if sheet == "Übersicht":
            assert ws[f"{_column(ws, 'Rang')}{best}"].value == 1, body
    # the scales of two bodies are different rules: Excel takes min and max per scale
    assert len(scales) == len(rows)


def test_the_scores_by_field_run_one_scale_per_body_row(ranking_xlsx):
    ws = ranking_xlsx["Punktwerte je Feld"]
    scales = _scales(ws)
    assert len(scales) == 11
    for cells, rule in scales:
        assert len({c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for c in cells}) == 1  # one row
        assert _top_colour(rule) == HIGH
