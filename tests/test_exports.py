"""The exported tables: ranking.xlsx (sheets, headers, values, layout), the CSV files,
byte-for-byte determinism and file permissions."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from potential.analysis import VERDICTS
from potential.exports import export_analysis
from potential.knockout import EXCLUDED_COLUMNS
from potential.options import STAND_ALONE

OUTPUTS = ["cashflows.csv", "contributions.csv", "excluded.csv", "joint.csv", "ranking.csv",
           "ranking.xlsx"]  # fmt: skip
FRONT = ["Übersicht", "Beste je Handlungsfeld", "Punktwerte je Feld", "Gemeinsame Sicht",
         "Kriterienmodell", "Ausgeschlossen"]  # fmt: skip
FRONT_EN = ["Overview", "Best per field", "Scores by field", "Joint view", "Criteria model",
            "Excluded"]  # fmt: skip
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
N_BODIES = 11


def body_sheet_names(wb) -> list[str]:
    """The names of the per-body ranking sheets (after the front sheets)."""
    return wb.sheetnames[len(FRONT) : len(FRONT) + N_BODIES]


def is_annex(name: str) -> bool:
    """A laid-out annex of the Wirtschaftlichkeitsvergleich (not a table)."""
    return name.startswith(("WV ", "Economics "))


@pytest.fixture(scope="module")
def exported(default_analysis, tmp_path_factory):
    """lang → output folder of ``export_analysis``."""
    folders = {}
    for lang in ("de", "en"):
        out = tmp_path_factory.mktemp(f"export-{lang}")
        written = export_analysis(default_analysis, out, lang=lang)
        assert sorted(p.name for p in written) == OUTPUTS
        folders[lang] = out
    return folders


@pytest.fixture(scope="module")
def workbook(exported):
    return load_workbook(exported["de"] / "ranking.xlsx")


@pytest.fixture(scope="module")
def workbook_en(exported):
    return load_workbook(exported["en"] / "ranking.xlsx")


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def column_values(ws, name: str) -> list:
    j = header(ws).index(name)
    return [row[j] for row in ws.iter_rows(min_row=2, values_only=True)]


def test_export_writes_exactly_the_output_files(exported):
    for out in exported.values():
        assert sorted(p.name for p in out.iterdir()) == OUTPUTS


def test_sheet_names_and_order(workbook, dataset):
    names = workbook.sheetnames
    assert names[: len(FRONT)] == FRONT
    assert len(dataset.bodies) == N_BODIES
    # front, one ranking per body, the overview and one annex per body, sources
    assert len(names) == len(FRONT) + N_BODIES + 1 + N_BODIES + 1
    assert names[-1] == "Quellen"
    for body, name in zip(dataset.bodies, body_sheet_names(workbook), strict=True):
        assert name == INVALID_SHEET_CHARS.sub("-", body.name)[:31]
    economics = names[len(FRONT) + N_BODIES : -1]
    assert economics[0] == "Wirtschaftlichkeit"
    for body, name in zip(dataset.bodies, economics[1:], strict=True):
        assert name == INVALID_SHEET_CHARS.sub("-", f"WV {body.name}")[:31]


def test_sheet_names_are_valid(workbook, workbook_en):
    for wb in (workbook, workbook_en):
        assert len(set(wb.sheetnames)) == len(wb.sheetnames)
        for name in wb.sheetnames:
            assert 0 < len(name) <= 31
            assert not INVALID_SHEET_CHARS.search(name), name


def test_froendenberg_sheet_has_no_slash(workbook):
    matches = [n for n in workbook.sheetnames if n.startswith("Fröndenberg")]
    assert matches == ["Fröndenberg-Ruhr"]


def test_english_sheet_names(workbook_en, dataset):
    names = workbook_en.sheetnames
    assert names[: len(FRONT_EN)] == FRONT_EN
    assert len(names) == len(FRONT_EN) + 2 * len(dataset.bodies) + 2
    assert names[-1] == "Sources"
    assert "Economics" in names and "Economics Kamen" in names


def test_german_headers(workbook):
    overview = header(workbook["Übersicht"])
    for name in ("Körperschaft", "Kooperationsoption", "Rang", "Punktwert", "Handlungsfeld"):
        assert name in overview
    assert "rank" not in overview and "score" not in overview
    assert "Konsensrang" in header(workbook["Gemeinsame Sicht"])
    assert header(workbook["Kriterienmodell"])[:3] == ["Gruppe", "Gruppengewicht", "Kriterium"]
    assert "Kapitalwert je Einwohner (EUR/Einw.)" in overview  # criteria: label and unit
    for name in (
        "Kapitalwert",
        "Annuität",
        "Amortisationsjahr (dynamisch)",
        "Größte Jahresbelastung",
        "Kapitalwert mit Förderung",
        "Außerhalb der Skala",
    ):
        assert name in overview, name  # fmt: skip


def test_english_headers(workbook_en):
    overview = header(workbook_en["Overview"])
    for name in ("Body", "Cooperation option", "Rank", "Score", "Field"):
        assert name in overview
    assert "Rang" not in overview and "Punktwert" not in overview
    assert "Consensus rank" in header(workbook_en["Joint view"])
    assert header(workbook_en["Criteria model"])[:3] == ["Group", "Group weight", "Criterion"]
    for name in (
        "Net present value",
        "Annuity",
        "Payback year (discounted)",
        "Largest yearly burden",
        "Net present value with grant",
        "Beyond the scale",
    ):
        assert name in overview, name  # fmt: skip


def test_body_sheets_have_one_row_per_ranked_option(workbook, default_analysis):
    ranking = default_analysis.ranking
    for body, name in zip(
        default_analysis.dataset.bodies, body_sheet_names(workbook), strict=True
    ):
        ws = workbook[name]
        n = int((ranking["body"] == body.id).sum())
        assert n > 1
        assert ws.max_row - 1 == n, name


def test_body_sheet_scores_equal_the_ranking(workbook, default_analysis):
    ranking = default_analysis.ranking
    for body, name in zip(
        default_analysis.dataset.bodies, body_sheet_names(workbook), strict=True
    ):
        ws = workbook[name]
        rows = ranking[ranking["body"] == body.id]
        assert column_values(ws, "Punktwert") == pytest.approx(rows["score"].tolist(), rel=1e-12)
        assert column_values(ws, "Rang") == rows["rank"].tolist()
        assert column_values(ws, "Kapitalwert") == pytest.approx(rows["npv"].tolist(), rel=1e-12)
        payback = [None if pd.isna(v) else int(v) for v in rows["payback_year"]]
        assert column_values(ws, "Amortisationsjahr (dynamisch)") == payback


def test_body_sheet_shows_names_not_ids(workbook, default_analysis):
    ws = workbook["Fröndenberg-Ruhr"]
    head = header(ws)
    assert "Körperschaft (ID)" not in head and "Option (ID)" not in head
    labels = column_values(ws, "Kooperationsoption")
    assert "Alleingang (keine Kooperation)" in labels
    assert any("Fröndenberg/Ruhr" in str(v) for v in column_values(ws, "Partner"))


def test_overview_holds_the_top_three_of_every_body(workbook, default_analysis):
    ws = workbook["Übersicht"]
    top = default_analysis.top(3)
    assert ws.max_row - 1 == len(top)
    assert column_values(ws, "Punktwert") == pytest.approx(top["score"].tolist(), rel=1e-12)


def test_criteria_sheet_weights_sum_to_one(workbook, default_analysis):
    ws = workbook["Kriterienmodell"]
    weights = column_values(ws, "Wirksames Gewicht")
    assert len(weights) == len(default_analysis.criteria.criteria)
    assert sum(weights) == pytest.approx(1.0)


def test_every_sheet_has_a_frozen_header_and_a_filter(workbook, workbook_en):
    for wb in (workbook, workbook_en):
        for ws in wb.worksheets:
            if is_annex(ws.title):  # laid out for print; see tests/test_economics_outputs.py
                continue
            assert ws.freeze_panes == "A2", ws.title
            assert ws.auto_filter.ref, ws.title
            assert ws.auto_filter.ref.startswith("A1:"), ws.title
            assert all(cell.font.bold for cell in ws[1]), ws.title


def test_ranking_csv_ranks_every_body_from_one(exported, dataset):
    for out in exported.values():
        ranking = pd.read_csv(out / "ranking.csv")
        assert list(ranking["body"].unique()) == [b.id for b in dataset.bodies]
        for body, rows in ranking.groupby("body"):
            assert sorted(rows["rank"]) == list(range(1, len(rows) + 1)), body


def test_ranking_csv_keeps_column_ids(exported, default_analysis):
    de = pd.read_csv(exported["de"] / "ranking.csv")
    en = pd.read_csv(exported["en"] / "ranking.csv")
    assert list(de.columns) == list(en.columns)
    for col in (
        "body",
        "body_name",
        "option",
        "option_label",
        "score",
        "rank",
        "benefit",
        "npv",
        "annuity",
        "payback_year",
        "max_burden",
        "npv_with_grant",
        "clipped",
        "quality_points",
        "verdict",
    ):
        assert col in de.columns, col  # fmt: skip
    assert de["score"].tolist() == pytest.approx(default_analysis.ranking["score"].tolist())
    # the CSV keeps the verdict's id in both languages; points 0–100
    assert set(de["verdict"]) <= set(VERDICTS) and de["verdict"].tolist() == en["verdict"].tolist()
    assert de["quality_points"].between(0, 100).all()
    assert "Alleingang (keine Kooperation)" in set(de["option_label"])
    assert "Stand-alone (no cooperation)" in set(en["option_label"])


def test_joint_and_contributions_csv(exported, default_analysis):
    joint = pd.read_csv(exported["de"] / "joint.csv")
    assert len(joint) == len(default_analysis.joint)
    assert list(joint["consensus_rank"]) == list(range(1, len(joint) + 1))
    # the members' Kapitalwerte added up (net savings are no longer a criterion)
    assert "summed_net_savings" not in joint.columns
    ranking = default_analysis.ranking
    members = ranking[ranking["option"] != STAND_ALONE].groupby("option")["npv"]
    assert joint["pool_npv"].tolist() == pytest.approx(members.sum()[joint["option"]].tolist())
    assert joint["min_npv"].tolist() == pytest.approx(members.min()[joint["option"]].tolist())
    contributions = pd.read_csv(exported["de"] / "contributions.csv")
    assert len(contributions) == len(default_analysis.contributions)
    assert list(contributions.columns) == list(default_analysis.contributions.columns)


def test_excluded_csv_lists_the_knocked_out_options(exported, default_analysis):
    for out in exported.values():
        excluded = pd.read_csv(out / "excluded.csv", keep_default_na=False)
        assert list(excluded.columns) == EXCLUDED_COLUMNS
        assert len(excluded) == len(default_analysis.excluded) > 0
        assert excluded["option"].tolist() == default_analysis.excluded["option"].tolist()
        # reasons in both languages side by side, each with its rule
        assert (excluded["reason_de"] != "").all() and (excluded["reason_en"] != "").all()
        assert (excluded["rule"] != "").all()
    # no excluded option is ranked
    ranked = set(default_analysis.ranking["option"])
    assert not ranked & set(default_analysis.excluded["option"])


def test_excluded_sheet_after_the_criteria_model(workbook, workbook_en, default_analysis):
    n = len(default_analysis.excluded)
    for wb, sheet, before, reason in (
        (workbook, "Ausgeschlossen", "Kriterienmodell", "reason_de"),
        (workbook_en, "Excluded", "Criteria model", "reason_en"),
    ):
        names = wb.sheetnames
        assert names.index(sheet) == names.index(before) + 1
        ws = wb[sheet]
        assert ws.max_row - 1 == n
        # the reason in the workbook's language, one row per (option, rule), in order
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        shown = {v for row in rows for v in row}
        assert set(default_analysis.excluded[reason]) <= shown
        assert (
            not set(
                default_analysis.excluded["reason_de" if reason == "reason_en" else "reason_en"]
            )
            & shown
        )


def test_export_is_deterministic(default_analysis, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    export_analysis(default_analysis, first)
    time.sleep(2.1)  # cross a zip timestamp boundary (2 s resolution)
    export_analysis(default_analysis, second)
    for name in OUTPUTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_export_overwrites_an_earlier_result(default_analysis, tmp_path):
    (tmp_path / "ranking.csv").write_text("OLD\n")
    export_analysis(default_analysis, tmp_path)
    assert (tmp_path / "ranking.csv").read_text(encoding="utf-8").startswith("body,")
    assert sorted(p.name for p in tmp_path.iterdir()) == OUTPUTS


def test_outputs_are_readable_by_others(default_analysis, tmp_path):
    old = os.umask(0o022)
    try:
        written = export_analysis(default_analysis, tmp_path / "out")
    finally:
        os.umask(old)
    for path in written:
        mode = Path(path).stat().st_mode
        assert mode & 0o044 != 0, f"{path.name}: {oct(mode)}"
        assert mode & 0o777 == 0o644, f"{path.name}: {oct(mode)}"


def test_sources_sheet_lists_every_number(workbook, default_analysis):
    from potential.provenance import sources_table

    ws = workbook["Quellen"]
    assert header(ws)[:3] == ["Tabelle", "Eintrag", "Parameter"]
    expected = sources_table(default_analysis.dataset, default_analysis.criteria)
    assert ws.max_row - 1 == len(expected)
    statuses = {row[5] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert statuses == {"Quelle", "Annahme"}


def test_every_indicator_has_a_header_in_both_languages():
    # an indicator column that is not a criterion of the model in use keeps a readable
    # header (labels.INDICATOR_COLUMNS; the money columns are in labels.COLUMNS)
    from potential import labels
    from potential.indicators import INDICATORS

    for name in INDICATORS:
        for lang in ("de", "en"):
            assert labels.column(name, lang) != name, (name, lang)
    assert labels.column("service_quality", "en") == "Duties met together rather than alone (0–1)"
