"""Every workbook the tool writes prints as it is: landscape, fit to width, header rows."""

from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook

from potential.survey import write_template
from potential.workbook import Layout, write_workbook


def _assert_prints(ws, title_rows):
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4 in the OOXML paper-size list
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)  # width, any height
    assert ws.print_title_rows.replace("$", "") == title_rows
    assert ws.oddHeader.right.text == "&D" and ws.oddFooter.right.text == "&P / &N"


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
    assert first.page_setup.orientation == "landscape" and first.page_setup.fitToWidth == 1
