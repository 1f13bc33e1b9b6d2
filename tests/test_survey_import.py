"""Importing filled questionnaires: every problem located, merging without silent overwrites,
history, and the analysis moving the way the answers say."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

import potential
from potential.errors import InputError
from potential.survey import (
    format_problem,
    import_files,
    merge,
    read_answers,
    restore,
    write_template,
)

DATE = dt.date(2026, 12, 1)
SOURCE = "Umfrage Bönen 2026-12-01"
# Bönen's IT cost per capita (docs/method.md 2.2): it cost_per_capita 24 €/inh.
# (field_parameters.csv) × Bönen's population 18,239 (bodies.csv) = 437,736 €/yr
IT_ESTIMATE = 24.0 * 18_239


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    """Bönen's questionnaire as the county sends it."""
    path = tmp_path_factory.mktemp("survey") / "boenen.xlsx"
    write_template(path, body="boenen")
    return path


def fill(blank, path, cells: dict, date=DATE):
    """Fill a copy of the questionnaire the way a town would: type into cells, save."""
    wb = load_workbook(blank)
    if date is not None:
        wb["Stammdaten"]["B6"] = "Erika Muster"
        wb["Stammdaten"]["B8"] = date
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        wb[sheet][cell] = value
    wb.save(path)
    return path


#: Bönen's answers, with the mistakes towns make.
WITH_MISTAKES = {
    "Handlungsfelder!D4": "45,000",  # ePayment cost: 45 (German) or 45000 (English)?
    "Handlungsfelder!H5": 120,  # 120 % leaving in eVergabe
    "Handlungsfelder!D7": 2_500_000,  # IT cost, marked as own figure
    "Handlungsfelder!E7": "eigene Angabe",
    "Handlungsfelder!F7": 9.5,  # IT staff changed, origin left at "Schätzung"
    "Handlungsfelder!L7": "Kreis Unna, ZDV",
    "Handlungsfelder!A10": "boenen",  # a pasted row for a field that does not exist
    "Handlungsfelder!B10": "breitband",
    "Handlungsfelder!D10": 10_000,
    # Pflichten: one row per duty in the order of obligations.csv from row 4: egovg_3 (4),
    # egovg_7 (5), egovg_bund_4 (6), egovg_7a (7), ozg (8), vgv_evergabe (9)
    "Pflichten!H4": "vollständig",  # § 3 EGovG NRW
    "Pflichten!H5": "erledigt",  # not in the list
    "Pflichten!H8": "teilweise",  # OZG
    # Kooperationen: Bönen's 14 known cooperations fill rows 4–17 (cooperations.csv rows
    # with boenen among the members), so the first empty row is 4 + 14 = 18
    "Kooperationen!C18": "Gemeinsame eVergabe mit Kamen",
    "Kooperationen!D18": "eVergabe (zentrale Vergabestelle)",
    "Kooperationen!E18": "Öffentlich-rechtliche Vereinbarung (mandatierend)",
    "Kooperationen!F18": "Kamen",
    "Kooperationen!G18": dt.date(2025, 1, 1),
    "Kooperationen!H18": "teilweise",
    "Kooperationen!N18": "x",  # Kamen (Bönen is pre-marked)
    "Gewichtung!F4": 40,
    "Gewichtung!F5": 30,
    "Gewichtung!F6": 10,
    "Gewichtung!F7": 20,
}


def _errors(problems):
    return {(p.sheet, p.cell, p.value) for p in problems if p.severity == "error"}


def test_every_mistake_is_reported_with_sheet_cell_and_value(blank, tmp_path, dataset):
    path = fill(blank, tmp_path / "boenen-filled.xlsx", WITH_MISTAKES)
    answers, problems = read_answers(path, dataset)
    assert _errors(problems) == {
        ("Handlungsfelder", "D4", "45,000"),
        ("Handlungsfelder", "H5", 120),
        ("Handlungsfelder", "B10", "breitband"),
        ("Pflichten", "H5", "erledigt"),
    }
    notes = {(p.sheet, p.cell) for p in problems if p.severity == "note"}
    assert notes == {("Handlungsfelder", "F7")}  # changed value counted as own figure
    text = format_problem(next(p for p in problems if p.cell == "D4"))
    assert text == (
        f"{path}, Handlungsfelder!D4: Fehler: '45,000' – erwartet: eine eindeutige Zahl: bei "
        "einem Komma vor genau drei Ziffern ist unklar, ob es das Dezimalzeichen (deutsch) oder "
        "das Tausendertrennzeichen (englisch) ist; bitte ohne Tausendertrennzeichen schreiben "
        "(z. B. 45000 oder 45,5); eine Zahl ≥ 0 in EUR/Jahr (z. B. 50000 oder 50.000 €)"
    )
    english = format_problem(next(p for p in problems if p.cell == "H5"), "en")
    assert english.endswith("Handlungsfelder!H5: error: 120 – expected: a share from 0 to 100 "
                            "% (e.g. 30 or 30 %)")  # fmt: skip
    assert "breitband" in format_problem(next(p for p in problems if p.cell == "B10"))
    # the valid cells are there; the bad ones and unchanged estimates are not
    values = {(v.field, v.column): v.value for v in answers.values}
    assert values == {
        ("it", "annual_cost_eur"): 2_500_000,
        ("it", "fte"): 9.5,
        ("it", "provider"): "Kreis Unna, ZDV",
    }
    assert {(d.obligation, d.fulfilment) for d in answers.fulfilment} == {
        ("egovg_3", 1.0),
        ("ozg", 0.33),
    }
    (coop,) = answers.cooperations
    assert (coop.members, coop.lead, coop.field, coop.scope) == (
        ("boenen", "kamen"),
        "kamen",
        "evergabe",
        "partial",
    )


def test_a_file_with_errors_is_merged_only_with_partial(blank, tmp_path, dataset):
    path = fill(blank, tmp_path / "boenen-filled.xlsx", WITH_MISTAKES)
    into = tmp_path / "umfrage"
    report = import_files([path], into)
    assert report.skipped == [str(path)] and report.written == [] and not report.complete
    assert not into.exists() and not report.created  # nothing imported: no folder made
    assert list(tmp_path.glob(".umfrage.*")) == []  # and no scratch copy left behind
    report = import_files([path], into, partial=True)
    assert report.merged == [str(path)]
    assert report.written == [
        "body_fields.csv", "body_weights.csv", "cooperations.csv", "fulfilment.csv",
        "sources.csv",
    ]  # fmt: skip
    merged = potential.load_dataset(into)
    (row,) = merged.body_fields  # only the reported IT figures; estimates are not written
    assert (row.body, row.field, row.annual_cost_eur, row.fte, row.leaving_share) == (
        "boenen",
        "it",
        2_500_000,
        9.5,
        None,
    )
    assert (row.provider, row.source) == ("Kreis Unna, ZDV", SOURCE)
    assert {(f.obligation, f.fulfilment, f.source) for f in merged.fulfilment} == {
        ("egovg_3", 1.0, SOURCE),
        ("ozg", 0.33, SOURCE),
    }
    new = merged.cooperations[-1]
    # a cooperation's source is now a list of ids (cooperations.csv "a;b"); the survey's one
    assert (new.id, new.members, new.source) == (
        "survey_boenen_1",
        ("boenen", "kamen"),
        ("survey-boenen-2026-12-01",),
    )
    assert any(s.id == "survey-boenen-2026-12-01" for s in merged.sources)
    from potential.criteria import load_body_weights, load_criteria

    weights = load_body_weights(into / "body_weights.csv", load_criteria("ikz-egov-nrw"))
    assert weights["boenen"].groups == {
        "wirtschaftlichkeit": 0.4, "personal": 0.3, "rechtsform_steuerung": 0.1,
        "egov_pflichten": 0.2,
    }  # fmt: skip
    assert weights["boenen"].source == SOURCE
    result = potential.analyse(into, body_weights=into / "body_weights.csv")
    assert result.criteria.weights("boenen")["npv_per_capita"] == pytest.approx(0.4 * 0.8)
    # the rest of each table is byte for byte as before
    before = (Path(potential.load_dataset().path) / "cooperations.csv").read_text("utf-8")
    assert (into / "cooperations.csv").read_text(encoding="utf-8").startswith(before)


def _rows(analysis, body="boenen"):
    return analysis.ranking.query("body == @body").set_index("option")


def test_higher_it_cost_raises_boenens_it_savings(blank, tmp_path, default_analysis):
    """Bönen reports 3,000,000 €/yr for IT, 6.85 times the per-capita estimate (437,736).

    Steady-state net savings N = C·(s − κ) − ρ(1 − ι)(φ − s)·C: where Bönen's savings share
    sits at the evidence cap (13 %) in both runs, N grows by exactly C_new/C_old (its VAT
    status does not change: the payment only grows). On the anchored scales no other option
    of Bönen changes its score: its values outside IT are the same, and the scales do not
    depend on the other options.
    """
    cells = {"Handlungsfelder!D7": 3_000_000, "Handlungsfelder!E7": "eigene Angabe"}
    path = fill(blank, tmp_path / "boenen-it.xlsx", cells)
    into = tmp_path / "it"
    report = import_files([path], into)
    assert report.complete and [c.new for c in report.applied] == [3_000_000]
    after = potential.analyse(into)
    ind = lambda r, body="boenen": r.indicators.query("body == @body").set_index("option")  # noqa: E731
    b, a = ind(default_analysis), ind(after)
    assert a.index.equals(b.index)
    it = b.index[b["field"] == "it"]
    assert (a.loc[it, "annual_cost"] == 3_000_000).all()
    capped = [o for o in it if a.loc[o, "savings_share"] == pytest.approx(0.13)
              and b.loc[o, "savings_share"] == pytest.approx(0.13)]  # fmt: skip
    # By hand (docs/method.md 2.2, indicators.savings_share): s = phi · min(0.13, 1 − r^0.2)
    # with r = C_m / C_P; it savings_cap 0.13, scale_exponent 0.2 (field_parameters.csv).
    # The cap binds when r <= 0.87^5 = 0.498 and phi = 1 (every form but the
    # arbeitsgemeinschaft, phi 0.25: s = 0.0325). Bönen's baseline C_m is its full-scope
    # pool it_boenen_zdv with the county: 24 × 0.2 × 399,447 = 1,917,345.6 (it
    # cost_per_capita × kreis_share × county population) plus Bönen's own cost. Bönen's IT
    # options (Schwerte's IT options are knocked out, rule austritt_unbekannt) use three sets:
    county = 24.0 * 0.2 * 399_447
    others = {  # the other members' population (bodies.csv), each at 24 €/inh.
        "wie_dsb_gemeinsam": 20_450 + 17_587 + 43_001 + 26_767 + 60_223 + 29_868,  # frö–wer
        "wie_gwa_sammlung": 17_587 + 43_001,  # holzwickede, kamen
        # bergkamen, froendenberg, holzwickede, kamen, luenen, selm, unna, werne
        "wie_kreistierheim": 49_475 + 20_450 + 17_587 + 43_001 + 87_266 + 26_767 + 60_223
        + 29_868,
    }  # fmt: skip
    ratio = {
        (k, c): (county + c) / (county + c + 24.0 * n)
        for k, n in others.items()
        for c in (IT_ESTIMATE, 3_000_000)
    }
    assert {o.split("/")[2] for o in it} == set(others)
    # before: 0.331 (dsb), 0.618 (gwa), 0.227 (tierheim); after: 0.509, 0.772, 0.380
    # so only wie_kreistierheim stays at the cap in both runs, in its four forms with phi 1
    assert {k for k in others if all(ratio[k, c] <= 0.87**5 for c in (IT_ESTIMATE, 3e6))} == {
        "wie_kreistierheim"
    }
    assert capped == [f"it/{form}/wie_kreistierheim" for form in ("oerv_mandat", "zweckverband",
                                                                   "gku", "gmbh")]  # fmt: skip
    assert (a.loc[capped, "vat_taxable"] == b.loc[capped, "vat_taxable"]).all()
    ratio = a.loc[capped, "net_savings"] / b.loc[capped, "net_savings"]
    assert ratio.to_numpy() == pytest.approx(3_000_000 / IT_ESTIMATE)
    # Bönen's options outside IT keep their values and their scores exactly
    others = b.index[(b["field"] != "it") & (b.index != "alleingang")]
    pd.testing.assert_frame_equal(
        a.loc[others, ["npv", "net_savings"]], b.loc[others, ["npv", "net_savings"]]
    )
    sa, sb = _rows(after), _rows(default_analysis)
    assert (sa.loc[others, "score"] == sb.loc[others, "score"]).all()
    assert sa.loc["alleingang", "score"] == sb.loc["alleingang", "score"]
    # the IT options move: their Kapitalwert changes with the larger cost
    assert (a.loc[it, "npv"] != b.loc[it, "npv"]).all()
    # pools without Bönen are untouched
    selm_b, selm_a = ind(default_analysis, "selm"), ind(after, "selm")
    apart = selm_b.index[~selm_b["partners"].str.contains("boenen")]
    assert selm_a.loc[apart, "net_savings"].equals(selm_b.loc[apart, "net_savings"])
    assert selm_a.loc[apart, "npv"].equals(selm_b.loc[apart, "npv"])


def test_duties_fully_met_by_boenen_lift_its_partners(blank, tmp_path, default_analysis):
    """All duties 'vollständig' → Bönen's fulfilment 1 in every duty (the others 0, the
    default). Duties met together rather than alone: Q = phi Σ w u max(0, F_P − f) / Σ w with
    F_P the best member's fulfilment. Every duty is in force at the reference date
    (u = 1), so
    * Bönen gains nothing (F_P − 1 = 0) and its scores stay exactly as they were;
    * each partner of Bönen gains Q = phi Σ w (1 − 0) / Σ w = phi, the form's pooling factor,
      and its score rises by the criterion's weight 0.20 × phi (fixed scales: worst 0,
      best 1);
    * options without Bönen do not move."""
    # all six duties of obligations.csv: rows 4 to 9 of Pflichten
    cells = {f"Pflichten!H{row}": "vollständig" for row in range(4, 10)}
    path = fill(blank, tmp_path / "boenen-duties.xlsx", cells)
    into = tmp_path / "duties"
    import_files([path], into)
    after = potential.analyse(into)
    b, a = _rows(default_analysis), _rows(after)
    assert (a["service_quality"] == 0).all() and (b["service_quality"] == 0).all()
    assert a["score"].equals(b["score"])
    assert a["rank"].equals(b["rank"])
    forms = {f.id: f for f in after.dataset.legal_forms}
    phi = {f: float(after.dataset.form_parameter(f, "pooling_factor")) for f in forms}
    key = ["body", "option"]
    before = default_analysis.ranking.set_index(key)
    now = after.ranking.set_index(key).loc[before.index]
    with_boenen = before["partners"].str.split(";").map(lambda p: "boenen" in p)
    partners = with_boenen & (before.index.get_level_values("body") != "boenen")
    assert partners.sum() > 100
    expected_q = before.loc[partners, "legal_form"].map(phi)
    assert now.loc[partners, "service_quality"].to_numpy() == pytest.approx(expected_q.to_numpy())
    assert (
        now.loc[partners, "score"] - before.loc[partners, "score"]
    ).to_numpy() == pytest.approx((0.20 * expected_q).to_numpy(), abs=1e-12)
    # the Arbeitsgemeinschaft pools a quarter, the other forms all
    assert set(expected_q) == {0.25, 1.0}
    apart = ~with_boenen
    assert now.loc[apart, "score"].equals(before.loc[apart, "score"])
    assert (now.loc[apart, "service_quality"] == 0).all()


def test_a_changed_value_is_a_diff_until_accepted_and_the_old_file_is_kept(blank, tmp_path):
    into = tmp_path / "umfrage"
    first = fill(blank, tmp_path / "first.xlsx", {"Handlungsfelder!D7": 2_500_000})
    assert import_files([first], into).written == ["body_fields.csv"]
    before = (into / "body_fields.csv").read_bytes()
    later = dt.date(2027, 1, 15)
    second = fill(blank, tmp_path / "second.xlsx", {"Handlungsfelder!D7": 3_000_000}, later)
    report = import_files([second], into)
    (diff,) = report.pending
    assert (diff.key, diff.column, diff.old, diff.new) == (
        "boenen/it",
        "annual_cost_eur",
        2_500_000,
        3_000_000,
    )
    assert diff.origin == f"{second}, Handlungsfelder!D7"
    assert report.written == [] and not report.complete
    assert (into / "body_fields.csv").read_bytes() == before
    assert any("mit --accept übernehmen" in line for line in report.lines())
    report = import_files([second], into, accept=True)
    assert [c.status for c in report.changes] == ["changed"]
    assert report.history == into / ".history" / "0002"
    assert (report.history / "body_fields.csv").read_bytes() == before
    manifest = json.loads((report.history / "manifest.json").read_text(encoding="utf-8"))
    assert (
        manifest["files"]["body_fields.csv"]["after"]
        != manifest["files"]["body_fields.csv"]["before"]
    )
    (row,) = potential.load_dataset(into).body_fields
    assert row.annual_cost_eur == 3_000_000
    assert row.source == "Umfrage Bönen 2027-01-15"  # the row's only figure is the later one
    # the same answers again change nothing
    after = (into / "body_fields.csv").read_bytes()
    report = import_files([second], into, accept=True)
    assert report.changes == [] and report.written == [] and report.history is None
    assert (into / "body_fields.csv").read_bytes() == after
    assert sorted(p.name for p in (into / ".history").iterdir()) == ["0001", "0002"]
    # and the previous version comes back
    restore(into)
    assert (into / "body_fields.csv").read_bytes() == before


def test_bad_files_are_reported_not_raised(blank, tmp_path, dataset):
    csv = tmp_path / "antworten.xlsx"
    csv.write_text("body;field;annual_cost_eur\nboenen;it;50000\n", encoding="utf-8")
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    empty = tmp_path / "leer.xlsx"
    empty.write_bytes(b"")
    expected = {
        tmp_path / "fehlt.xlsx": "Datei nicht gefunden",
        empty: "leere Datei (0 Byte)",
        csv: "keine Excel-Arbeitsmappe, sondern eine Textdatei (z. B. CSV)",
        pdf: "keine Excel-Arbeitsmappe, sondern eine PDF-Datei",
    }
    for path, start in expected.items():
        answers, problems = read_answers(path, dataset)
        (problem,) = problems
        assert problem.expected.startswith(start), problem
        assert (problem.sheet, problem.cell, answers.count()) == (None, None, 0)
        assert format_problem(problem).startswith(f"{path}: Fehler: {start}")
    # not one of them readable: a clean error naming the first and counting the others
    into = tmp_path / "umfrage"
    with pytest.raises(InputError, match=r"fehlt\.xlsx: Datei nicht gefunden.*3 weitere") as e:
        import_files(list(expected), into, partial=True)
    assert e.value.where == str(tmp_path / "fehlt.xlsx") and not into.exists()


def test_another_template_version_is_refused(blank, tmp_path, dataset):
    wb = load_workbook(blank)
    wb["Anleitung"]["B2"] = "potential-survey/0"
    wb["_potential"]["B1"] = "potential-survey/0"
    wb.custom_doc_props.props.clear()
    wb["Handlungsfelder"]["D7"] = 1
    wb.save(tmp_path / "alt.xlsx")
    answers, problems = read_answers(tmp_path / "alt.xlsx", dataset)
    (problem,) = problems
    assert (problem.sheet, problem.cell, problem.value) == (
        "_potential",
        "B1",
        "potential-survey/0",
    )
    assert "potential-survey/1" in problem.expected and answers.count() == 0
    plain = tmp_path / "fremd.xlsx"
    from openpyxl import Workbook

    Workbook().save(plain)
    (problem,) = read_answers(plain, dataset)[1]
    assert (problem.sheet, problem.cell, problem.value) == ("Anleitung", "B2", None)


def test_duplicated_sheet_and_unknown_body(blank, tmp_path, dataset):
    wb = load_workbook(blank)
    wb["Stammdaten"]["B8"] = DATE
    copy = wb.copy_worksheet(wb["Handlungsfelder"])
    copy.title = "Handlungsfelder (2)"
    copy["D7"] = 2_000_000
    wb["Handlungsfelder"]["F7"] = 7.0
    wb.save(tmp_path / "kopie.xlsx")
    answers, problems = read_answers(tmp_path / "kopie.xlsx", dataset)
    (problem,) = [p for p in problems if p.severity == "error"]
    assert (problem.sheet, problem.cell) == ("Handlungsfelder (2)", None)
    assert "doppeltes Blatt" in problem.expected and "„Handlungsfelder“" in problem.expected
    assert [(v.column, v.value) for v in answers.values] == [("fte", 7.0)]  # from the original

    wb = load_workbook(blank)
    wb["Stammdaten"]["B4"] = "atlantis"
    wb["Stammdaten"]["B8"] = DATE
    wb["Handlungsfelder"]["D7"] = 2_000_000
    wb.save(tmp_path / "atlantis.xlsx")
    answers, problems = read_answers(tmp_path / "atlantis.xlsx", dataset)
    errors = _errors(problems)
    assert ("Stammdaten", "B4", "atlantis") in errors
    assert ("Handlungsfelder", "A7", "boenen") in errors  # not a body of this file any more
    assert answers.count() == 0


def test_percent_cells_dates_as_text_and_formulas(blank, tmp_path, dataset):
    wb = load_workbook(blank)
    wb["Stammdaten"]["B8"] = "01.12.2026"  # a date typed as text
    wb["Handlungsfelder"]["H7"] = 0.35  # '35 %' typed into a cell Excel made a percent cell
    wb["Handlungsfelder"]["H7"].number_format = "0%"
    wb["Handlungsfelder"]["D6"] = "=2*50000"  # a formula without a saved result
    wb.save(tmp_path / "formate.xlsx")
    answers, problems = read_answers(tmp_path / "formate.xlsx", dataset)
    assert _errors(problems) == {("Handlungsfelder", "D6", "=2*50000")}
    (value,) = answers.values
    assert (value.column, value.value) == ("leaving_share", 0.35)
    assert answers.respondents["boenen"].date == DATE


def test_missing_date_keeps_the_answers_out(blank, tmp_path, dataset):
    path = fill(blank, tmp_path / "ohne-datum.xlsx", {"Handlungsfelder!D7": 1}, date=None)
    answers, problems = read_answers(path, dataset)
    assert _errors(problems) == {("Stammdaten", "B8", None)}
    assert answers.count() == 0


def test_merge_refuses_folders_that_are_no_dataset(tmp_path, blank, dataset):
    answers = read_answers(blank, dataset)
    (tmp_path / "leer").mkdir()
    with pytest.raises(InputError, match="dataset.yaml"):
        merge([answers], tmp_path / "leer")
    (tmp_path / "datei").write_text("x")
    with pytest.raises(InputError, match="kein Ordner"):
        merge([answers], tmp_path / "datei")
    with pytest.raises(InputError, match="mitgelieferter Datensatz"):
        merge([answers], dataset.path)


def test_a_workbook_for_all_bodies_sources_each_body(tmp_path, dataset):
    path = tmp_path / "alle.xlsx"
    write_template(path)
    wb = load_workbook(path)
    ws = wb["Handlungsfelder"]
    rows = {(r[0].value, r[1].value): r[0].row for r in ws.iter_rows(min_row=4)}
    ws[f"D{rows[('selm', 'it')]}"] = 1_500_000
    ws[f"D{rows[('werne', 'it')]}"] = 1_600_000
    master = wb["Stammdaten"]
    columns = {c.value: c.column_letter for c in master[4]}
    master[f"{columns['selm']}8"] = dt.date(2026, 12, 2)
    master[f"{columns['werne']}8"] = dt.date(2026, 12, 3)
    wb.save(path)
    report = import_files([path], tmp_path / "umfrage")
    assert report.complete
    merged = potential.load_dataset(tmp_path / "umfrage")
    assert {(r.body, r.annual_cost_eur, r.source) for r in merged.body_fields} == {
        ("selm", 1_500_000, "Umfrage Selm 2026-12-02"),
        ("werne", 1_600_000, "Umfrage Werne 2026-12-03"),
    }


def test_an_accepted_correction_keeps_the_earlier_sources(blank, tmp_path):
    # Bönen's template lists its known cooperations from row 4 in cooperations.csv order:
    # foerderschulen_kreis (row 4), it_boenen_zdv (row 5); column G is "seit"
    wb = load_workbook(blank)
    assert wb["Kooperationen"]["B5"].value == "it_boenen_zdv"
    into = tmp_path / "umfrage"
    answer = fill(blank, tmp_path / "b.xlsx", {"Kooperationen!G5": dt.date(2013, 2, 1)})
    report = import_files([answer], into, accept=True)
    assert [(c.key, c.column, c.status) for c in report.changes] == [
        ("it_boenen_zdv", "since", "changed")
    ]
    (coop,) = [c for c in potential.load_dataset(into).cooperations if c.id == "it_boenen_zdv"]
    assert coop.since == dt.date(2013, 2, 1)
    # cooperations.csv cites boenen-it;boenen-it-2012; the survey is added, nothing dropped
    assert coop.source == ("boenen-it", "boenen-it-2012", "survey-boenen-2026-12-01")


def test_each_weight_change_names_its_own_cell(blank, tmp_path):
    # Gewichtung: one row per criteria group of the model from row 4, points in column F:
    # wirtschaftlichkeit F4, personal F5, rechtsform_steuerung F6, egov_pflichten F7
    cells = {f"Gewichtung!F{r}": p for r, p in zip(range(4, 8), (40, 30, 10, 20), strict=True)}
    path = fill(blank, tmp_path / "weights.xlsx", cells)
    report = import_files([path], tmp_path / "umfrage")
    origins = {c.key: c.origin for c in report.changes if c.file == "body_weights.csv"}
    assert origins == {
        "boenen/group/wirtschaftlichkeit": f"{path}, Gewichtung!F4",
        "boenen/group/personal": f"{path}, Gewichtung!F5",
        "boenen/group/rechtsform_steuerung": f"{path}, Gewichtung!F6",
        "boenen/group/egov_pflichten": f"{path}, Gewichtung!F7",
    }


def test_a_template_returned_unchanged_says_no_answers_and_makes_nothing(blank, tmp_path):
    path = fill(blank, tmp_path / "unchanged.xlsx", {})  # contact and date only
    into = tmp_path / "umfrage"
    report = import_files([path], into)
    assert report.merged == [str(path)] and report.written == [] and not report.answered
    assert report.lines()[-1].startswith("keine Antworten gefunden")
    assert not into.exists()


def test_survey_weights_travel_with_the_data(blank, tmp_path):
    from click.testing import CliRunner

    from potential.cli import main

    cells = {f"Gewichtung!F{r}": p for r, p in zip(range(4, 8), (40, 30, 10, 20), strict=True)}
    into = tmp_path / "umfrage"
    import_files([fill(blank, tmp_path / "w.xlsx", cells)], into)
    assert (into / "body_weights.csv").is_file()
    by_default = potential.analyse(into)
    assert set(by_default.criteria.body_weights) == {"boenen"}  # taken from the folder
    # 40/30/10/20 points are the group weights of Bönen (method.md 6, survey.md)
    assert by_default.criteria.body_weights["boenen"].groups == {
        "wirtschaftlichkeit": 0.4, "personal": 0.3, "rechtsform_steuerung": 0.1,
        "egov_pflichten": 0.2,
    }  # fmt: skip
    model_only = potential.analyse(into, body_weights=False)
    assert model_only.criteria.body_weights == {}
    boenen = lambda a: a.ranking.query("body == 'boenen'")["score"].to_numpy()  # noqa: E731
    assert not np.allclose(boenen(by_default), boenen(model_only))
    out = CliRunner().invoke(main, ["analyse", "--data", str(into), "--out", str(tmp_path / "o")])
    assert out.exit_code == 0, out.output
    assert f"Gewichte: eigene für Bönen ({into / 'body_weights.csv'})" in out.output
    out = CliRunner().invoke(
        main, ["analyse", "--data", str(into), "--model-weights", "--out", str(tmp_path / "m")]
    )
    assert "Gewichte: die des Kriterienmodells für alle Körperschaften" in out.output
