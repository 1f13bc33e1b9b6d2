"""Knock-out stage: every rule on a small fixture, and nothing dropped silently."""

from __future__ import annotations

import csv

import pytest

import potential
from potential.datasets import load_dataset
from potential.errors import InputError
from potential.knockout import EXCLUDED_COLUMNS
from potential.options import candidate_options, screen_options


def _append(path, row):
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(row)


def _set_parameter(folder, owner, name, value):
    path = folder / "legal_form_parameters.csv"
    rows = list(csv.reader(open(path, encoding="utf-8")))
    for r in rows[1:]:
        if r[0] == owner and r[1] == name:
            r[2] = str(value)
            r[4], r[5] = "", "test: changed on purpose"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_nothing_is_dropped_silently(dataset):
    date = dataset.meta.reference_date
    candidates = candidate_options(dataset, date)
    kept, excluded = screen_options(dataset, date)
    assert list(excluded.columns) == EXCLUDED_COLUMNS
    dropped = set(candidates["option"]) - set(kept["option"])
    assert dropped == set(excluded["option"])
    assert len(kept) + excluded["option"].nunique() == len(candidates)
    assert excluded["reason_de"].str.len().min() > 20
    assert excluded["reason_en"].str.len().min() > 20
    assert excluded["source"].str.len().min() > 0


def test_existing_full_cooperations_realised_and_split(dataset):
    _, excluded = screen_options(dataset, dataset.meta.reference_date)
    by_option = excluded.set_index("option")
    # the county and Bönen already share IT (it_boenen_zdv, full scope, since 2013)
    assert by_option.loc["it/oerv_mandat/kreis_unna+boenen", "rule"] == "bereits_verwirklicht"
    # all towns without the county would split it: Bönen without the county
    row = by_option.loc["it/oerv_mandat/alle_staedte"]
    assert row["rule"] == "bestehende_kooperation_teilen"
    assert row["body"] == "boenen"
    assert "Bönen" in row["reason_de"]
    # the county is Schulträger of all Förderschulen: no option is left in that field
    assert set(excluded.query("field == 'foerderschulen'")["rule"]) == {
        "bereits_verwirklicht",
        "bestehende_kooperation_teilen",
    }
    # a superset of the existing pool stays: the county-wide IT options are ranked
    assert "it/oerv_mandat/kreisweit" not in set(excluded["option"])


def test_before_the_cooperation_began_nothing_is_excluded_for_it(dataset):
    _, excluded = screen_options(dataset, __import__("datetime").date(2012, 1, 1))
    assert not excluded["reason_de"].str.contains("Bönen durch die Zentrale").any()


def _body_fields(folder, exit_cost=""):
    header = "body,field,annual_cost_eur,fte,leaving_share,source,cases_per_year,provider,"
    row = f"schwerte,it,,,,Umfrage Schwerte 2026-12-01,,SIT (Zweckverband),{exit_cost}\n"
    (folder / "body_fields.csv").write_text(header + "exit_cost_eur\n" + row, encoding="utf-8")


def test_exit_without_known_terms(dataset_copy):
    _body_fields(dataset_copy)
    ds = load_dataset(dataset_copy)
    _, excluded = screen_options(ds, ds.meta.reference_date)
    hits = excluded[excluded["rule"] == "austritt_unbekannt"]
    assert len(hits) > 0
    assert set(hits["field"]) == {"it"}
    assert set(hits["body"]) == {"schwerte"}
    assert all("schwerte" in p.split(";") for p in hits["partners"])
    assert hits["reason_de"].str.contains("SIT").all()
    # with a known exit cost the options stay, and the cost enters the cash flows in year 0
    _body_fields(dataset_copy, exit_cost="250000")
    ds = load_dataset(dataset_copy)
    _, excluded = screen_options(ds, ds.meta.reference_date)
    assert not (excluded["rule"] == "austritt_unbekannt").any()
    cf = potential.analyse(ds).cashflows
    exits = cf[(cf["body"] == "schwerte") & (cf["component"] == "exit")]
    assert len(exits) > 0 and (exits["amount_eur"] == -250_000).all()
    assert (exits["year"] == 0).all()


def test_notice_period_rule_of_the_data(dataset_copy):
    # a plan that skips the six weeks of § 115 GO NRW for the GmbH is excluded
    _set_parameter(dataset_copy, "gmbh", "approval_weeks", 0)
    ds = load_dataset(dataset_copy)
    kept, excluded = screen_options(ds, ds.meta.reference_date)
    hits = excluded[excluded["rule"] == "anzeigefrist_gmbh"]
    assert len(hits) > 0 and set(hits["legal_form"]) == {"gmbh"}
    assert not (kept["legal_form"] == "gmbh").any()
    assert hits["law"].str.contains("§ 115").all()


def test_form_not_admissible_for_a_field(dataset_copy):
    _append(
        dataset_copy / "knockout_rules.csv",
        [
            "kein_zweckverband_epayment",
            "epayment",
            "zweckverband",
            "",
            "Für ePayment kommt kein Zweckverband in Betracht (Test).",
            "No Zweckverband for ePayment (test).",
            "§ 4 GkG NRW",
            "gkg-nrw",
        ],
    )
    ds = load_dataset(dataset_copy)
    kept, excluded = screen_options(ds, ds.meta.reference_date)
    hits = excluded[excluded["rule"] == "kein_zweckverband_epayment"]
    assert len(hits) == ((kept["field"] == "epayment").sum() / 2)  # AG and mandate remain
    assert not ((kept["field"] == "epayment") & (kept["legal_form"] == "zweckverband")).any()


def test_bad_rule_is_reported_with_file_and_line(dataset_copy):
    _append(
        dataset_copy / "knockout_rules.csv",
        ["x", "nofield", "", "", "Grund", "reason", "law", "gkg-nrw"],
    )
    with pytest.raises(InputError, match=r"knockout_rules\.csv, line 4.*unknown field"):
        load_dataset(dataset_copy)


def test_analysis_carries_the_excluded_options(default_analysis):
    assert len(default_analysis.excluded) > 0
    ranked = set(default_analysis.ranking["option"])
    assert not ranked & set(default_analysis.excluded["option"])
