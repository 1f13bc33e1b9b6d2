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
    by_rule = excluded.set_index(["option", "rule"])
    by_option = excluded.groupby("option")["rule"].apply(set)
    # the county and Bönen already share IT (it_boenen_zdv, full scope, since 2013)
    assert by_option["it/oerv_mandat/kreis_unna+boenen"] == {"bereits_verwirklicht"}
    # all towns without the county would split it: Bönen without the county (its lead);
    # alle_staedte also holds Schwerte, whose IT is with SIT (it_schwerte_sit): two rules
    assert by_option["it/oerv_mandat/alle_staedte"] == {
        "bestehende_kooperation_teilen",
        "austritt_unbekannt",
    }
    row = by_rule.loc[("it/oerv_mandat/alle_staedte", "bestehende_kooperation_teilen")]
    assert row["body"] == "boenen"
    assert "Bönen" in row["reason_de"] and "Kreis Unna" in row["reason_de"]
    assert row["source"] == "boenen-it;boenen-it-2012"  # cooperations.csv, it_boenen_zdv
    # the county is Schulträger of all Förderschulen: no option is left in that field
    assert set(excluded.query("field == 'foerderschulen'")["rule"]) == {
        "bereits_verwirklicht",
        "bestehende_kooperation_teilen",
    }
    # a superset of the existing pool stays: kreisweit was the example, but it holds Schwerte
    # now (austritt_unbekannt only, not an existing-pool rule); wie_kreistierheim (all but
    # Schwerte) has the county and Bönen and is ranked in IT
    assert by_option["it/oerv_mandat/kreisweit"] == {"austritt_unbekannt"}
    assert "it/oerv_mandat/wie_kreistierheim" not in set(excluded["option"])
    # the lead pools with other bodies: the county with Lünen stays in IT
    assert "it/oerv_mandat/kreis_unna+luenen" not in set(excluded["option"])


# IT partner sets with Schwerte among the 31 default sets (bodies.csv, cooperations.csv):
# kreisweit, alle_staedte (all towns), kreis_unna+schwerte (county pair) and
# holzwickede+schwerte (Holzwickede lists Schwerte as neighbour); no wie_ set holds Schwerte
# (dsb_gemeinsam, gwa_sammlung, vergabestelle_unna, kreistierheim and
# vhs_unna_froendenberg_holzwickede list it not).
SCHWERTE_IT_SETS = {"kreisweit", "alle_staedte", "kreis_unna+schwerte", "holzwickede+schwerte"}
IT_FORMS = ["arbeitsgemeinschaft", "oerv_mandat", "zweckverband", "gku", "gmbh"]  # fields.csv


def test_schwerte_it_with_an_external_provider_needs_an_exit(dataset):
    # it_schwerte_sit: Schwerte alone, field it, scope full, since 2017-01-01, external
    # partner "Südwestfalen-IT (SIT)", sources schwerte-citkomm-2017;sit-fusion-2017
    kept, excluded = screen_options(dataset, dataset.meta.reference_date)
    hits = excluded[excluded["rule"] == "austritt_unbekannt"]
    expected = {f"it/{form}/{s}" for s in SCHWERTE_IT_SETS for form in IT_FORMS}
    assert set(hits["option"]) == expected
    assert len(hits) == 4 * 5  # one row per option: Schwerte is the only member concerned
    assert set(hits["body"]) == {"schwerte"}
    assert set(hits["source"]) == {"schwerte-citkomm-2017;sit-fusion-2017"}
    assert hits["reason_de"].str.contains("Südwestfalen-IT (SIT)", regex=False).all()
    assert hits["reason_en"].str.contains("Schwerte").all()
    # every IT option that is kept has no Schwerte
    it = kept[kept["field"] == "it"]
    assert not it["partners"].str.split(";").map(lambda m: "schwerte" in m).any()
    # Schwerte is free in the other fields (the rule is per field)
    assert (kept["partner_set"] == "kreis_unna+schwerte").sum() == 3 + 4 + 4 + 4
    # table size: 62 Förderschulen options (31 sets x 2 forms) and 8 IT sets x 5 forms = 40
    # options excluded; alle_staedte has two rules in IT -> 5 more rows
    assert excluded["option"].nunique() == 62 + 40 == 102
    assert len(excluded) == 102 + 5 == 107
    # before it_schwerte_sit began (2017-01-01) the rule does not apply
    _, before = screen_options(dataset, __import__("datetime").date(2016, 12, 31))
    assert not (before["rule"] == "austritt_unbekannt").any()


def _exit_cost(folder, field, cost):
    header = "body,field,annual_cost_eur,fte,leaving_share,source,cases_per_year,provider,"
    row = f"schwerte,{field},,,,Umfrage Schwerte 2026-12-01,,,{cost}\n"
    (folder / "body_fields.csv").write_text(header + "exit_cost_eur\n" + row, encoding="utf-8")


def test_a_reported_exit_cost_lifts_the_exit_rule(dataset_copy):
    # knockout._exit_rules: an exit_cost_eur of the member for the field in body_fields.csv
    # makes the terms of leaving known, so the external provider no longer excludes
    _exit_cost(dataset_copy, "it", 120000)
    ds = load_dataset(dataset_copy)
    kept, excluded = screen_options(ds, ds.meta.reference_date)
    assert not (excluded["rule"] == "austritt_unbekannt").any()
    it_sets = set(kept.loc[kept["field"] == "it", "partner_set"])
    # kreisweit, kreis_unna+schwerte and holzwickede+schwerte come back; alle_staedte still
    # splits it_boenen_zdv (Bönen without the county)
    assert SCHWERTE_IT_SETS - {"alle_staedte"} <= it_sets
    assert "alle_staedte" not in it_sets
    assert len(it_sets) == 23 + 3
    assert len(excluded) == 107 - 20
    # an exit cost in another field does not lift the IT exit
    _exit_cost(dataset_copy, "epayment", 120000)
    ds = load_dataset(dataset_copy)
    _, excluded = screen_options(ds, ds.meta.reference_date)
    hits = excluded[excluded["rule"] == "austritt_unbekannt"]
    assert len(hits) == 4 * 5 and set(hits["field"]) == {"it"}


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
    with pytest.raises(
        InputError, match=r"knockout_rules\.csv, Zeile 4.*Handlungsfeld 'nofield' unbekannt"
    ):
        load_dataset(dataset_copy)


def test_analysis_carries_the_excluded_options(default_analysis):
    assert len(default_analysis.excluded) > 0
    ranked = set(default_analysis.ranking["option"])
    assert not ranked & set(default_analysis.excluded["option"])
