"""Numbers as clerks type them: potential.survey.numbers and the survey import.

The readings below are the ones a German reader gives the text; each case says why.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

import potential
from potential.survey import format_problem, import_files, read_answers, write_template
from potential.survey.numbers import read_number

OWN = "eigene Angabe"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("4,5", "fte", 4.5),  # German decimal comma
        ("45.000", "eur", 45_000),  # German thousands dot
        ("1.234,56", "eur", 1_234.56),  # both: the last separator is the decimal one
        ("1.234.567", "eur", 1_234_567),
        ("175000", "eur", 175_000),  # a number typed as text
        ("175 000", "eur", 175_000),  # a space as thousands separator
        ("35 %", "percent", 35),
        ("35%", "percent", 35),
        ("0,35", "percent", 35),  # a share where percent is asked
        ("50000 €", "eur", 50_000),
        ("ca. 50.000 €", "eur", 50_000),  # an estimate
        ("4.5", "fte", 4.5),  # a dot before one digit can only be a decimal point
        ("1,234.56", "eur", 1_234.56),  # English notation
        ("12", "whole", 12),
    ],
)
def test_readable_numbers(text, kind, value):
    assert read_number(text, kind).value == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "kind", "note"),
    [
        ("4,5", "fte", None),  # the obvious reading needs no note
        ("45.000", "eur", "gelesen als 45000 (Punkt als Tausendertrennzeichen)"),
        ("0,35", "percent", "gelesen als 35 % (als Anteil, nicht als Prozentzahl; bitte prüfen)"),
        ("ca. 50.000 €", "eur", "gelesen als 50000 (Schätzwert; Punkt als Tausendertrennzeichen)"),
        ("1,234.56", "eur", "gelesen als 1234,56 (englische Schreibweise)"),
        ("k. A.", "eur", "als „keine Angabe“ gelesen"),
    ],
)
def test_each_reading_that_needs_a_check_says_which(text, kind, note):
    assert read_number(text, kind).note_de == note


@pytest.mark.parametrize(
    ("text", "kind", "why"),
    [
        ("45,000", "eur", "eine eindeutige Zahl"),  # 45 (German) or 45,000 (English)
        ("12.5OO", "eur", "eine Zahl"),  # letter O for zero
        ("50000 €", "fte", "ohne die Einheit „€“"),  # euros in a staff cell
        ("35 %", "eur", "ohne die Einheit „%“"),
        ("1.23.4", "eur", "eine eindeutige Zahl"),
    ],
)
def test_only_what_stays_ambiguous_is_refused(text, kind, why):
    reading = read_number(text, kind)
    assert reading.value is None and why in reading.error_de
    assert reading.error_en


def test_no_answer_is_blank():
    for text in ("k. A.", "k.A.", "keine Angabe", "-", "–"):
        assert read_number(text, "eur").value is None
        assert read_number(text, "eur").error_de is None


def _filled(tmp_path, body, cells):
    """The body's questionnaire, filled the way a clerk types: text in number cells."""
    path = tmp_path / f"{body}.xlsx"
    write_template(path, body=body)
    wb = load_workbook(path)
    wb["Stammdaten"]["B6"] = "Sachbearbeitung"
    wb["Stammdaten"]["B8"] = dt.date(2026, 12, 1)
    for ref, value in cells.items():
        wb["Handlungsfelder"][ref] = value
    wb.save(path)
    return path


# Handlungsfelder: one row per field from row 4 (epayment 4, evergabe 5, shared_services 6,
# it 7); D cost, F staff, H leaving share (%), E/G/I their origin
BOENEN = {"D7": "175000", "E7": OWN, "F7": "4,5", "G7": OWN, "H7": "35 %", "I7": OWN}
KAMEN = {"D4": "45.000", "E4": OWN, "F4": None, "H4": "0,3", "I4": OWN}
SELM = {
    "D5": "12.5OO",
    "E5": OWN,
    "D6": "k. A.",
    "D7": "1.234.567,89",
    "E7": OWN,
    "H7": "35%",
    "I7": OWN,
}


def test_three_workbooks_as_clerks_type_them(tmp_path):
    dataset = potential.load_dataset()
    files = {b: _filled(tmp_path, b, c) for b, c in (("boenen", BOENEN), ("kamen", KAMEN),
                                                     ("selm", SELM))}  # fmt: skip

    answers, problems = read_answers(files["boenen"], dataset)
    assert {(v.field, v.column): v.value for v in answers.values} == {
        ("it", "annual_cost_eur"): 175_000,
        ("it", "fte"): 4.5,
        ("it", "leaving_share"): 0.35,  # 35 % stored as a share
    }
    assert problems == []  # every reading was the obvious one

    answers, problems = read_answers(files["kamen"], dataset)
    # the emptied staff cell is no answer: the estimate stays out of the answers
    assert {(v.field, v.column): v.value for v in answers.values} == {
        ("epayment", "annual_cost_eur"): 45_000,
        ("epayment", "leaving_share"): 0.3,
    }
    assert [format_problem(p) for p in problems] == [
        f"{files['kamen']}, Handlungsfelder!D4: Hinweis: '45.000' – gelesen als 45000 "
        "(Punkt als Tausendertrennzeichen)",
        f"{files['kamen']}, Handlungsfelder!H4: Hinweis: '0,3' – gelesen als 30 % (als Anteil, "
        "nicht als Prozentzahl; bitte prüfen)",
    ]

    answers, problems = read_answers(files["selm"], dataset)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.sheet, p.cell, p.value) for p in errors] == [("Handlungsfelder", "D5", "12.5OO")]
    notes = [(p.cell, p.expected) for p in problems if p.severity == "note"]
    assert notes == [("D6", "als „keine Angabe“ gelesen")]
    values = {(v.field, v.column): v.value for v in answers.values}
    assert values[("it", "annual_cost_eur")] == pytest.approx(1_234_567.89)
    assert values[("it", "leaving_share")] == pytest.approx(0.35)
    assert ("shared_services", "annual_cost_eur") not in values

    # the import merges the two clean files and refuses Selm's, naming the cell
    report = import_files(list(files.values()), tmp_path / "umfrage")
    assert report.merged == [str(files["boenen"]), str(files["kamen"])]
    assert report.skipped == [str(files["selm"])]
    assert any("Handlungsfelder!D5" in line and "12.5OO" in line for line in report.lines())


def test_folders_and_patterns_name_the_answer_files(tmp_path):
    from potential.errors import InputError
    from potential.survey.merging import answer_paths

    folder = tmp_path / "rücklauf"
    folder.mkdir()
    for name in ("umfrage-selm.xlsx", "umfrage-boenen.xlsx", "~$umfrage-boenen.xlsx", "x.csv"):
        (folder / name).write_bytes(b"")
    expected = [folder / "umfrage-boenen.xlsx", folder / "umfrage-selm.xlsx"]  # sorted
    assert answer_paths([folder]) == expected  # the lock file and the CSV are left out
    assert answer_paths([str(folder / "umfrage-*.xlsx")]) == expected  # as on Windows
    assert answer_paths([folder, expected[0]]) == expected  # each file once
    with pytest.raises(InputError, match="passt auf keine Datei"):
        answer_paths([str(folder / "antwort-*.xlsx")])
    (tmp_path / "leer").mkdir()
    with pytest.raises(InputError, match="enthält keine Antwort-Arbeitsmappe"):
        answer_paths([tmp_path / "leer"])
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="holds no answer workbook"):
        answer_paths([tmp_path / "leer"])
