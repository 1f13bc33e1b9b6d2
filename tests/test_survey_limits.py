"""Limits on answer files, checked before openpyxl reads them (issue 16).

Each test builds a hostile workbook by rewriting one part of a real template and checks that
:func:`read_answers` returns quickly with exactly one problem that names the limit and the
value found.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest

from potential.messages import both
from potential.survey import format_problem, limits, read_answers, write_template

#: xl/worksheets/sheet3.xml is the sheet "Handlungsfelder" (third sheet of the template)
FIELDS = "xl/worksheets/sheet3.xml"


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    path = tmp_path_factory.mktemp("limits") / "boenen.xlsx"
    write_template(path, body="boenen")
    return path


def rewrite(blank, path, change: dict, add: dict | None = None):
    """Copy ``blank`` to ``path``, passing member ``name`` through ``change[name]``."""
    with zipfile.ZipFile(blank) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in change:
                data = change[info.filename](data)
            zout.writestr(info, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return path


def only_problem(path):
    start = time.perf_counter()
    answers, problems = read_answers(path)
    assert time.perf_counter() - start < 5
    assert len(problems) == 1, [format_problem(p) for p in problems]
    assert answers.count() == 0
    return problems[0]


def test_template_within_limits(blank):
    assert limits.workbook_problem(blank.read_bytes()) is None


def test_declared_dimension_refused(blank, tmp_path):
    def huge(data):
        return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data)

    p = only_problem(rewrite(blank, tmp_path / "dim.xlsx", {FIELDS: huge}))
    de, en = both("survey.limits.rows_declared", sheet="Handlungsfelder", found="1048576",
                  limit="5000")  # fmt: skip
    assert (p.expected, p.expected_en) == (de, en)
    assert p.file.endswith("dim.xlsx")


def test_far_cell_refused_even_with_small_dimension(blank, tmp_path):
    """One cell at XFD1048576 made the import hang (openpyxl walks every empty cell)."""
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'

    def add_cell(data):
        return data.replace(b"</sheetData>", far + b"</sheetData>")

    p = only_problem(rewrite(blank, tmp_path / "far.xlsx", {FIELDS: add_cell}))
    assert p.expected == both("survey.limits.rows", sheet="Handlungsfelder", found="1048576",
                              limit="5000")[0]  # fmt: skip


def test_far_column_refused(blank, tmp_path):
    # column 201 is "GS" (7 × 26 + 19 = 201), one past the limit of 200
    far = b'<row r="1"><c r="GS1" t="inlineStr"><is><t>x</t></is></c></row>'

    def add(data):
        data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b"", data)
        return data.replace(b"<sheetData>", b"<sheetData>" + far, 1)

    p = only_problem(rewrite(blank, tmp_path / "col.xlsx", {"xl/worksheets/sheet1.xml": add}))
    assert p.expected == both("survey.limits.columns", sheet="Anleitung", found="201",
                              limit="200")[0]  # fmt: skip


def test_zip_bomb_refused(blank, tmp_path):
    # 30 MB of one byte packs about 1000 : 1
    path = rewrite(blank, tmp_path / "bomb.xlsx", {}, add={"xl/media/pad.bin": b"0" * 30_000_000})
    p = only_problem(path)
    assert p.expected.startswith("der Teil xl/media/pad.bin ist ")
    assert "ZIP-Bombe" in p.expected


def test_file_size_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK" + b"\0" * 2000)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    p = only_problem(path)
    assert p.expected == both("survey.limits.file_size", found="0,0 MB", limit="0,0 MB")[0]


def test_macro_enabled_content_type_refused(blank, tmp_path):
    def xlsm(data):
        return data.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )

    p = only_problem(rewrite(blank, tmp_path / "renamed.xlsx", {"[Content_Types].xml": xlsm}))
    assert "Makros" in p.expected and "[Content_Types].xml" in p.expected


def test_vba_project_refused(blank, tmp_path):
    path = rewrite(blank, tmp_path / "vba.xlsx", {}, add={"xl/vbaProject.bin": b"\xd0\xcf\x11"})
    p = only_problem(path)
    assert "Makros" in p.expected and "xl/vbaProject.bin" in p.expected


def test_doctype_refused(blank, tmp_path):
    def doctype(data):
        return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + data.split(b"?>", 1)[-1]

    p = only_problem(rewrite(blank, tmp_path / "dtd.xlsx", {FIELDS: doctype}))
    assert p.expected == both("survey.limits.doctype", member=FIELDS)[0]


def test_too_many_sheets(blank, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHEETS", 7)  # the template has 8
    p = only_problem(blank)
    assert p.expected == both("survey.limits.sheets", found="8", limit="7")[0]


def test_long_cell_text_reported_at_its_cell(blank, tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(blank)
    wb["Stammdaten"]["B6"] = "x" * (limits.MAX_CELL_CHARS + 1)
    path = tmp_path / "long.xlsx"
    wb.save(path)
    _, problems = read_answers(path)
    long = [p for p in problems if p.cell == "B6"]
    assert len(long) == 1
    assert long[0].expected == both("survey.limits.cell_text", found=10_001, limit=10_000)[0]


def test_cell_ref():
    assert limits._cell_ref("XFD1048576") == (1_048_576, 16_384)
    assert limits._cell_ref("A1") == (1, 1)
    assert limits._cell_ref("") == (0, 0)


def test_damaged_zip_is_a_problem_not_an_exception():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("xl/workbook.xml", b"<workbook><sheets><sheet")
    assert limits.workbook_problem(data.getvalue())[0] == "survey.limits.damaged"


def test_xlsm_name_refused_in_both_languages(blank, tmp_path):
    path = tmp_path / "boenen.xlsm"
    path.write_bytes(blank.read_bytes())
    p = only_problem(path)
    assert (p.expected, p.expected_en) == both("neutralise.macros", part="boenen.xlsm")


def test_macros_checked_before_the_limits(blank, tmp_path):
    """A macro workbook that also declares a huge sheet is refused for its macros."""

    def huge(data):
        return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:A99999"/>', data)

    path = rewrite(blank, tmp_path / "both.xlsx", {FIELDS: huge}, add={"xl/vbaProject.bin": b"x"})
    p = only_problem(path)
    assert p.expected == both("neutralise.macros", part="xl/vbaProject.bin")[0]
