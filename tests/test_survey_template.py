"""The questionnaire workbook: sheets, pre-filled estimates, validations, version, bytes."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from potential.errors import InputError
from potential.survey import VERSION, read_answers, template, write_template
from potential.survey import layout as L


@pytest.fixture(scope="module")
def boenen(tmp_path_factory):
    path = tmp_path_factory.mktemp("survey") / "boenen.xlsx"
    write_template(path, body="boenen")
    return path


@pytest.fixture(scope="module")
def wb(boenen):
    return load_workbook(boenen)


def _validations(ws) -> dict[str, tuple]:
    """sqref → (type, operator, formula1, formula2) of every data validation of a sheet."""
    return {
        str(dv.sqref): (dv.type, dv.operator, dv.formula1, dv.formula2)
        for dv in ws.data_validations.dataValidation
    }


def test_template_has_the_sheets_and_the_version_marker(wb):
    assert wb.sheetnames == [
        "Anleitung", "Stammdaten", "Handlungsfelder", "Pflichten", "Kooperationen",
        "Gewichtung", "Listen", "_potential",
    ]  # fmt: skip
    assert wb["Listen"].sheet_state == "hidden"
    assert wb["_potential"].sheet_state == "veryHidden"
    assert wb["Anleitung"][L.VERSION_CELL].value == VERSION == "potential-survey/1"
    assert wb["_potential"]["A1"].value == "template"
    assert wb["_potential"]["B1"].value == VERSION
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props[L.VERSION_PROPERTY] == VERSION
    master = wb["Stammdaten"]
    assert (master["A4"].value, master["B4"].value, master["B5"].value) == (
        "Körperschaft (ID)",
        "boenen",
        "Bönen",
    )
    assert master["B4"].protection.locked and not master["B8"].protection.locked


def test_prefilled_estimates_equal_body_field_inputs(wb, dataset):
    from potential.indicators import body_field_inputs

    inputs = body_field_inputs(dataset).query("body == 'boenen'").set_index("field")
    ws = wb["Handlungsfelder"]
    rows = list(ws.iter_rows(min_row=L.FIRST_ROW, values_only=True))
    assert [r[1] for r in rows] == [f.id for f in dataset.fields]
    for row, cells in zip(rows, ws.iter_rows(min_row=L.FIRST_ROW), strict=True):
        body, field, _, cost, cost_origin, fte, fte_origin, share, share_origin = row[:9]
        assert body == "boenen"
        assert cost == pytest.approx(inputs.loc[field, "annual_cost"], rel=1e-12)
        assert fte == pytest.approx(inputs.loc[field, "fte"], rel=1e-12)
        assert share == pytest.approx(inputs.loc[field, "leaving_share"] * 100, rel=1e-12)
        assert (cost_origin, fte_origin, share_origin) == (
            "Schätzung (pro Kopf)",
            "Schätzung (pro Kopf)",
            "Schätzung (Durchschnitt)",
        )
        assert cells[3].font.italic  # estimates are shown in italics
        assert cells[3].number_format == '#,##0 "€"'
        assert cells[0].protection.locked and not cells[3].protection.locked
    assert ws["D7"].value == pytest.approx(40 * 18239)  # Bönen's IT: 40 €/inh. × 18,239


def test_reported_values_are_prefilled_as_reported(dataset_copy):
    (dataset_copy / "body_fields.csv").write_text(
        "body,field,annual_cost_eur,fte,leaving_share,source\n"
        "boenen,it,1000000,,0.4,Haushalt 2025\n",
        encoding="utf-8",
    )
    ws = template(dataset_copy, body="boenen")["Handlungsfelder"]
    row = next(r for r in ws.iter_rows(min_row=L.FIRST_ROW, values_only=True) if r[1] == "it")
    assert row[3:9] == (1000000, "gemeldet", pytest.approx(5.4717), "Schätzung (pro Kopf)",
                        40, "gemeldet")  # fmt: skip


def test_validations_sit_on_the_intended_cells(wb):
    fields = _validations(wb["Handlungsfelder"])
    assert fields["D4:D9"] == ("decimal", "greaterThanOrEqual", "0", None)  # cost
    assert fields["F4:F9"] == ("decimal", "greaterThanOrEqual", "0", None)  # FTE
    assert fields["H4:H9"] == ("decimal", "between", "0", "100")  # leaving share (%)
    assert fields["J4:J9"] == ("whole", "greaterThanOrEqual", "0", None)  # cases
    assert fields["E4:E9 G4:G9 I4:I9 K4:K9"] == ("list", None, "Listen!$A$2:$A$5", None)
    lists = wb["Listen"]
    assert [lists[f"A{i}"].value for i in range(2, 6)] == [
        "Schätzung (pro Kopf)", "Schätzung (Durchschnitt)", "gemeldet", "eigene Angabe",
    ]  # fmt: skip
    duties = _validations(wb["Pflichten"])
    assert duties["H4:H7"] == ("list", None, "Listen!$B$2:$B$5", None)
    assert [lists[f"B{i}"].value for i in range(2, 6)] == [
        "nicht erfüllt", "teilweise", "weitgehend", "vollständig",
    ]  # fmt: skip
    coops = _validations(wb["Kooperationen"])
    assert coops["D4:D19"] == ("list", None, "Listen!$C$2:$C$8", None)  # six fields + other
    assert coops["E4:E19"] == ("list", None, "Listen!$D$2:$D$8", None)  # seven legal forms
    assert coops["F4:F19"] == ("list", None, "Listen!$E$2:$E$12", None)  # eleven bodies
    assert coops["G4:G19"] == ("date", "between", "DATE(1950,1,1)", "DATE(2100,12,31)")
    assert coops["I4:S19"] == ("list", None, "Listen!$G$2:$G$2", None)  # 'x' per partner
    assert _validations(wb["Stammdaten"])["B8"][0] == "date"
    assert _validations(wb["Gewichtung"])["F4:F7"] == ("decimal", "between", "0", "100")
    for ws in wb:
        assert ws.protection.sheet, ws.title


def test_known_cooperations_are_prefilled_with_their_source(wb):
    ws = wb["Kooperationen"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=L.FIRST_ROW, values_only=True) if r[1]}
    assert set(rows) == {
        "foerderschulen_kreis", "it_boenen_zdv", "dsb_gemeinsam", "vhs_kamen_boenen", "gsw",
        "gwa_sammlung",
    }  # fmt: skip
    it = rows["it_boenen_zdv"]
    assert it[3:8] == (
        "Informationstechnik",
        "Öffentlich-rechtliche Vereinbarung (mandatierend)",
        "Kreis Unna",
        it[6],
        "ganzes Feld",
    )
    assert it[6].date().isoformat() == "2013-01-01"
    assert it[8] == "x" and it[10] == "x"  # Kreis Unna and Bönen
    assert it[19].startswith("bekannt aus: ") and it[19].endswith("(boenen-it)")


def test_same_inputs_give_the_same_bytes(tmp_path, boenen):
    again = tmp_path / "again.xlsx"
    write_template(again, body="Bönen")  # by name
    assert again.read_bytes() == boenen.read_bytes()
    other = tmp_path / "selm.xlsx"
    write_template(other, body="selm")
    assert other.read_bytes() != boenen.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.xlsx", "selm.xlsx"]


def test_bad_arguments(tmp_path):
    with pytest.raises(InputError, match="unknown body 'atlantis'"):
        template(body="atlantis")
    with pytest.raises(InputError, match=r"\.xlsx"):
        write_template(tmp_path / "x.csv", body="boenen")
    with pytest.raises(InputError, match="unknown language"):
        template(body="boenen", lang="fr")


def test_all_bodies_and_english_templates_read_back_without_answers(tmp_path, dataset):
    everyone = tmp_path / "alle.xlsx"
    write_template(everyone)
    wb = load_workbook(everyone)
    n = len(dataset.bodies)
    assert wb["Handlungsfelder"].max_row == L.FIRST_ROW - 1 + n * len(dataset.fields)
    assert [c.value for c in wb["Stammdaten"][4]][1:] == [b.id for b in dataset.bodies]
    english = tmp_path / "boenen-en.xlsx"
    write_template(english, body="boenen", lang="en")
    assert load_workbook(english).sheetnames[:3] == ["Instructions", "Master data", "Fields"]
    for path in (everyone, english):
        answers, problems = read_answers(path, dataset)
        assert problems == [] and answers.count() == 0, path
