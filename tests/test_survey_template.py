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
    # Bönen's IT: it cost_per_capita 24 €/inh. (field_parameters.csv) × Bönen's population
    # 18,239 (bodies.csv) = 437,736 €/yr
    assert ws["D7"].value == pytest.approx(24.0 * 18_239)


def test_reported_values_are_prefilled_as_reported(dataset_copy):
    (dataset_copy / "body_fields.csv").write_text(
        "body,field,annual_cost_eur,fte,leaving_share,source\n"
        "boenen,it,1000000,,0.4,Haushalt 2025\n",
        encoding="utf-8",
    )
    ws = template(dataset_copy, body="boenen")["Handlungsfelder"]
    row = next(r for r in ws.iter_rows(min_row=L.FIRST_ROW, values_only=True) if r[1] == "it")
    # the FTE is not reported, so it stays the estimate: it fte_per_10k 1.65
    # (field_parameters.csv) × Bönen's population 18,239 (bodies.csv) / 10,000 = 3.009435
    assert row[3:9] == (1000000, "gemeldet", pytest.approx(1.65 * 18_239 / 10_000),
                        "Schätzung (pro Kopf)", 40, "gemeldet")  # fmt: skip


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
    # one row per duty of obligations.csv (egovg_3, egovg_7, egovg_bund_4, egovg_7a, ozg,
    # vgv_evergabe): six rows from row 4, so rows 4 to 4 + 6 - 1 = 9
    assert duties["H4:H9"] == ("list", None, "Listen!$B$2:$B$5", None)
    assert [lists[f"B{i}"].value for i in range(2, 6)] == [
        "nicht erfüllt", "teilweise", "weitgehend", "vollständig",
    ]  # fmt: skip
    coops = _validations(wb["Kooperationen"])
    # rows from 4: Bönen's 14 known cooperations (cooperations.csv rows whose members contain
    # boenen: foerderschulen_kreis, it_boenen_zdv, dsb_gemeinsam, vhs_kamen_boenen, gsw,
    # gwa_sammlung, it_sicherheitsbeauftragter, vergabestelle_unna, ausgleichsflaechen_kreis,
    # kreistierheim, sparkasse_bergkamen_boenen, wfg_kreis_unna, vku, ukbs) plus the 10 empty
    # rows of a one-body workbook (layout.NEW_COOP_ROWS): the last row is 4 + 14 + 10 - 1 = 27
    last = L.FIRST_ROW + 14 + L.NEW_COOP_ROWS[0] - 1
    assert last == 27
    assert coops["D4:D27"] == ("list", None, "Listen!$C$2:$C$8", None)  # six fields + other
    assert coops["E4:E27"] == ("list", None, "Listen!$D$2:$D$8", None)  # seven legal forms
    assert coops["F4:F27"] == ("list", None, "Listen!$E$2:$E$12", None)  # eleven bodies
    assert coops["G4:G27"] == ("date", "between", "DATE(1950,1,1)", "DATE(2100,12,31)")
    # 'x' per partner: 8 head columns A–H, then the 11 bodies in I–S
    assert coops["I4:S27"] == ("list", None, "Listen!$G$2:$G$2", None)
    assert _validations(wb["Stammdaten"])["B8"][0] == "date"
    assert _validations(wb["Gewichtung"])["F4:F7"] == ("decimal", "between", "0", "100")
    for ws in wb:
        assert ws.protection.sheet, ws.title


def test_known_cooperations_are_prefilled_with_their_source(wb, dataset):
    ws = wb["Kooperationen"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=L.FIRST_ROW, values_only=True) if r[1]}
    # every row of cooperations.csv whose members include boenen, aufgabe and beteiligung
    assert set(rows) == {
        "foerderschulen_kreis", "it_boenen_zdv", "dsb_gemeinsam", "vhs_kamen_boenen", "gsw",
        "gwa_sammlung", "it_sicherheitsbeauftragter", "vergabestelle_unna",
        "ausgleichsflaechen_kreis", "kreistierheim", "sparkasse_bergkamen_boenen",
        "wfg_kreis_unna", "vku", "ukbs",
    }  # fmt: skip
    # in the order of cooperations.csv, from row 4, then the empty rows: Bönen pre-marked (K)
    ids = [ws.cell(r, 2).value for r in range(L.FIRST_ROW, L.FIRST_ROW + 14)]
    assert ids[:3] == ["foerderschulen_kreis", "it_boenen_zdv", "dsb_gemeinsam"]
    assert ids[-1] == "ukbs"
    assert ws["B18"].value is None and ws["A18"].value == "boenen" and ws["K18"].value == "x"
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
    assert [j for j in range(8, 19) if it[j]] == [8, 10]  # and no one else
    # cooperations.csv: source "boenen-it;boenen-it-2012": both titles (sources.csv), each
    # followed by its id, joined with " | " (as in the inventory; titles may hold "; ")
    title = {s.id: s.title for s in dataset.sources}
    assert it[19] == (
        f"bekannt aus: {title['boenen-it']} (boenen-it) | {title['boenen-it-2012']} "
        "(boenen-it-2012)"
    )
    assert title["boenen-it"].startswith("Pressemitteilung des Kreises Unna vom 08.04.2014")
    assert title["boenen-it-2012"].startswith("WAZ (2012): Rat Bönen")
    # dsb_gemeinsam: lead unna, since 2013-03-01, partial; members unna, kreis_unna, boenen,
    # froendenberg, holzwickede, kamen, selm, werne → columns I, K, L, M, N, Q, R, S
    dsb = rows["dsb_gemeinsam"]
    assert (dsb[5], dsb[6].date().isoformat(), dsb[7]) == ("Unna", "2013-03-01", "teilweise")
    assert [j for j in range(8, 19) if dsb[j]] == [8, 10, 11, 12, 13, 16, 17, 18]
    assert dsb[19].endswith("(dsb-unna) | " + title["dsb-kamen-2019"] + " (dsb-kamen-2019)")
    # a beteiligung without field or lead: ukbs (gmbh, partial); its members kreis_unna,
    # bergkamen, boenen, froendenberg, holzwickede, kamen, selm, unna → I–N, Q, R; the
    # external partner Stadt Hamm (cooperations.csv, external_partners) has no column and is
    # named after the sources
    ukbs = rows["ukbs"]
    assert ukbs[3:8] == ("anderes Feld", "GmbH", None, None, "teilweise")
    assert [j for j in range(8, 19) if ukbs[j]] == [8, 9, 10, 11, 12, 13, 16, 17]
    assert ukbs[19] == (
        f"bekannt aus: {title['ukbs-gesellschafter']} (ukbs-gesellschafter); "
        "weitere Partner außerhalb des Kreises: Stadt Hamm"
    )


def test_same_inputs_give_the_same_bytes(tmp_path, boenen):
    again = tmp_path / "again.xlsx"
    write_template(again, body="Bönen")  # by name
    assert again.read_bytes() == boenen.read_bytes()
    other = tmp_path / "selm.xlsx"
    write_template(other, body="selm")
    assert other.read_bytes() != boenen.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.xlsx", "selm.xlsx"]


def test_bad_arguments(tmp_path):
    with pytest.raises(InputError, match="^--body: unbekannte Körperschaft 'atlantis'"):
        template(body="atlantis")
    with pytest.raises(InputError, match=r"erwartet: ein Dateiname mit der Endung \.xlsx"):
        write_template(tmp_path / "x.csv", body="boenen")
    with pytest.raises(InputError, match="unbekannte Sprache 'fr'"):
        template(body="boenen", lang="fr")
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="^--body: unknown body 'atlantis'"):
        template(body="atlantis")


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
