"""Existing cooperations as ties: tie share, its effect on two indicators, the inventory tables.

The rule (docs/method.md section 4.9): a cooperation in force at the reference date (``since``
blank or on or before it) ties its lead with every other member, or every two members when it
has no lead. ``tau`` is the share of an option's member pairs that are tied. The negotiation
term of the time to implement becomes nu * (n - 2) * (1 - theta_t * tau), the governance cost
share kappa_L * (1 - theta_g * tau). Expected values are worked out by hand from
``potential/data/kreis-unna/cooperations.csv`` and ``parameters.csv``.

cooperations.csv (members; lead; since; kind). Only kind = aufgabe ties (docs/method.md 4.9):
  foerderschulen_kreis  all 11 bodies; lead kreis_unna; 2016-08-01
  it_boenen_zdv         kreis_unna, boenen; lead kreis_unna; 2013-01-01
  dsb_gemeinsam         unna, kreis_unna, boenen, froendenberg, holzwickede, kamen, selm, werne;
                        lead unna; 2013-03-01
  rpa_schwerte          kreis_unna, schwerte; lead kreis_unna; 2003-01-01
  sparkasse_unnakamen   kind beteiligung: no ties
  vhs_kamen_boenen      kamen, boenen; no lead; blank
  gsw                   kind beteiligung: no ties
  gwa_sammlung          kreis_unna, boenen, holzwickede, kamen; lead kreis_unna; blank
  it_sicherheitsbeauftragter  all 11 bodies; lead unna; 2019-12-11
  vergabestelle_unna    unna, boenen, froendenberg; lead unna; 2015-04-21
  beitraege_unna_froendenberg  unna, froendenberg; lead unna; 2014-03-14
  ausgleichsflaechen_kreis  kreis_unna, boenen, froendenberg, holzwickede, kamen, selm, unna,
                        werne; lead kreis_unna; 2003-01-01
  kreistierheim         all but schwerte; lead kreis_unna; 1981-02-16
  vhs_unna_froendenberg_holzwickede  unna, froendenberg, holzwickede; lead unna; blank
  but_asylblg_bergkamen kreis_unna, bergkamen; lead kreis_unna; blank
  it_schwerte_sit       schwerte only (+ Südwestfalen-IT): no pair; 2017-01-01
  epr_unna_dortmund     unna only (+ Stadt Dortmund): no pair; 2011-01-09
  sparkasse_an_der_lippe, sparkasse_bergkamen_boenen, wfg_kreis_unna, vku, ukbs,
  stadtwerke_froendenberg_wickede: kind beteiligung, no ties

So at the reference date the county (foerderschulen_kreis alone ties it to all ten towns) and
Unna (it_sicherheitsbeauftragter alone ties it to all other ten bodies) are the two hubs; beyond
them only Bönen-Kamen (vhs_kamen_boenen) is tied: 10 + 9 + 1 = 20 pairs.
"""

from __future__ import annotations

import datetime as dt
import shutil
from itertools import combinations
from math import comb
from pathlib import Path

import pandas as pd
import pytest

from potential import indicators as ind
from potential import inventory
from potential.datasets import GLOBAL_PARAMETERS, OPTIONAL_PARAMETERS, load_dataset
from potential.errors import InputError
from potential.options import generate_options

EXACT = 1e-9
MONTH = 365.25 / 12
REF = dt.date(2026, 11, 25)
SMALL = Path(__file__).parent / "data" / "indicators" / "small"
THETA_T, THETA_G = 0.5, 0.25  # parameters.csv of kreis-unna

DSB = ("kreis_unna", "boenen", "froendenberg", "holzwickede", "kamen", "selm", "unna", "werne")
BODIES = (
    "kreis_unna", "bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen",
    "schwerte", "selm", "unna", "werne",
)  # fmt: skip


def _pair(a, b):
    return frozenset((a, b))


@pytest.fixture(scope="module")
def tied(dataset):
    return inventory.ties(dataset, REF)


@pytest.fixture(scope="module")
def table(dataset):
    return ind.indicator_table(dataset, generate_options(dataset, REF), REF)


def _without_reductions(dataset, theta_t=0.0, theta_g=0.0):
    params = tuple(
        p.model_copy(
            update={
                "value": {
                    "tie_negotiation_reduction": theta_t,
                    "tie_governance_reduction": theta_g,
                }[p.parameter]
            }
        )
        if p.parameter in OPTIONAL_PARAMETERS
        else p
        for p in dataset.parameters
    )
    return dataset.model_copy(update={"parameters": params})


def _row(table, body, option):
    rows = table[(table["body"] == body) & (table["option"] == option)]
    assert len(rows) == 1, (body, option, len(rows))
    return rows.iloc[0]


# ================================ the pure function ================================


class TestTieShare:
    def test_by_hand(self):
        ties = {_pair("a", "b"), _pair("b", "c")}
        assert ind.tie_share(["a", "b"], ties) == 1.0
        assert ind.tie_share(["a", "c"], ties) == 0.0
        # pairs ab (tied), ac, bc (tied) -> 2/3
        assert ind.tie_share(["a", "b", "c"], ties) == pytest.approx(2 / 3, rel=EXACT)
        # 6 pairs, 2 tied -> 1/3
        assert ind.tie_share(["a", "b", "c", "d"], ties) == pytest.approx(1 / 3, rel=EXACT)

    def test_no_pairs_and_repeats(self):
        assert ind.tie_share([], set()) == 0.0
        assert ind.tie_share(["a"], {_pair("a", "b")}) == 0.0
        assert ind.tie_share(["a", "b", "a"], {_pair("a", "b")}) == 1.0

    def test_mapping_of_ties_works(self):
        assert ind.tie_share(("a", "b"), {_pair("a", "b"): ("x",)}) == 1.0


def test_time_to_implement_formula():
    # 6 + 4 * 7/30.4375 + 1 * 3 * (1 - 0.5 * 0.6) = 6.919918 + 2.1
    got = ind.time_to_implement(6, 4, 5, 1.0, 0.6, 0.5)
    assert got == pytest.approx(6 + 28 / MONTH + 2.1, rel=EXACT)
    # defaults: no ties, the old formula
    assert ind.time_to_implement(6, 4, 5, 1.0) == pytest.approx(6 + 28 / MONTH + 3, rel=EXACT)
    # two partners: nothing to negotiate, whatever the ties
    assert ind.time_to_implement(3, 0, 2, 1.0, 1.0, 1.0) == 3.0


def test_governance_share_formula():
    # 0.03 * (1 - 0.25 * 0.4) = 0.027
    assert ind.governance_share(0.03, 0.4, 0.25) == pytest.approx(0.027, rel=EXACT)
    assert ind.governance_share(0.03) == pytest.approx(0.03, rel=EXACT)
    assert ind.governance_share(0.01, 1.0, 1.0) == 0.0


# ============================== ties of the embedded data ==============================


def test_kamen_and_boenen_are_tied_by_the_vhs_only(dataset, tied):
    # vhs_kamen_boenen (no lead) ties them; gsw (Kamen, Bönen, Bergkamen) is kind=beteiligung
    # now and ties nobody. Both also share dsb_gemeinsam, it_sicherheitsbeauftragter (lead
    # Unna) and gwa_sammlung, ausgleichsflaechen_kreis, kreistierheim (lead the county):
    # those tie each of them to the lead, not to each other
    assert tied[_pair("kamen", "boenen")] == ("vhs_kamen_boenen",)
    # gsw's other pairs stay untied
    assert _pair("bergkamen", "boenen") not in tied
    assert _pair("bergkamen", "kamen") not in tied
    options = generate_options(dataset, REF)
    members = options.loc[options["partner_set"] == "boenen+kamen", "partners"].iloc[0]
    assert ind.tie_share(members.split(";"), tied) == 1.0


def test_luenen_and_selm_are_not_tied(tied):
    # both are only in cooperations with a lead: foerderschulen_kreis, kreistierheim (lead the
    # county), it_sicherheitsbeauftragter (lead Unna), and Selm also in dsb_gemeinsam (lead
    # Unna) and ausgleichsflaechen_kreis (lead the county); the Sparkasse an der Lippe
    # (Lünen, Selm, Werne) is kind=beteiligung: each is tied to the leads, not to the other
    assert _pair("luenen", "selm") not in tied
    assert ind.tie_share(["luenen", "selm"], tied) == 0.0
    assert tied[_pair("kreis_unna", "luenen")] == ("foerderschulen_kreis", "kreistierheim")
    assert tied[_pair("unna", "selm")] == ("dsb_gemeinsam", "it_sicherheitsbeauftragter")
    assert tied[_pair("unna", "luenen")] == ("it_sicherheitsbeauftragter",)


def test_bodies_that_share_only_a_third_party_lead_are_not_tied(tied):
    # Bönen and Holzwickede: dsb_gemeinsam (lead Unna), gwa_sammlung and foerderschulen_kreis
    # (lead the county)
    assert _pair("boenen", "holzwickede") not in tied


def test_county_with_the_dsb_group(tied):
    # wie_dsb_gemeinsam: 8 members, C(8, 2) = 28 pairs. Tied:
    #   the county with the 7 others (foerderschulen_kreis; with Unna also dsb and more)    7
    #   Unna (lead of dsb, it_sicherheitsbeauftragter) with Bönen, Fröndenberg,
    #     Holzwickede, Kamen, Selm, Werne                                                   6
    #   vhs_kamen_boenen: Bönen-Kamen                                                       1
    #   (sparkasse_unnakamen, which tied Fröndenberg, Holzwickede and Kamen before, is
    #   kind=beteiligung now)
    #   -> 14 of 28
    expected = {_pair("kreis_unna", m) for m in DSB if m != "kreis_unna"}
    expected |= {_pair("unna", m) for m in DSB if m not in ("unna", "kreis_unna")}
    expected |= {_pair("boenen", "kamen")}
    assert len(expected) == 7 + 6 + 1 == 14
    got = {frozenset(p) for p in combinations(DSB, 2) if frozenset(p) in tied}
    assert got == expected
    assert ind.tie_share(DSB, tied) == pytest.approx(14 / 28, rel=EXACT)


def test_county_wide_and_all_towns(tied):
    # 20 tied pairs: the county with the ten towns (10), Unna with the nine other towns
    # (it_sicherheitsbeauftragter, 9), Bönen-Kamen (vhs_kamen_boenen, 1)
    expected = {_pair("kreis_unna", t) for t in BODIES[1:]}
    expected |= {_pair("unna", t) for t in BODIES[1:] if t != "unna"}
    expected |= {_pair("boenen", "kamen")}
    assert len(expected) == 10 + 9 + 1 == 20
    assert set(tied) == expected
    assert ind.tie_share(BODIES, tied) == pytest.approx(20 / 55, rel=EXACT)
    # the ten towns: 20 - 10 = 10 of 45 pairs
    assert ind.tie_share(BODIES[1:], tied) == pytest.approx(10 / 45, rel=EXACT)
    # the ten bodies without Schwerte (wie_kreistierheim): 55 - 10 = 45 pairs, of which
    # 20 - 2 (county-Schwerte, Unna-Schwerte) = 18 tied
    tierheim = [b for b in BODIES if b != "schwerte"]
    assert ind.tie_share(tierheim, tied) == pytest.approx(18 / 45, rel=EXACT)


def test_a_cooperation_that_starts_after_the_reference_date_does_not_count(dataset):
    # 2016-01-01: the shared information-security officer (it_sicherheitsbeauftragter,
    # 2019-12-11) is not yet in force, so Unna loses its only ties with Bergkamen, Lünen and
    # Schwerte. The county keeps all ten towns without the Förderschulen (2016-08-01):
    # kreistierheim (1981) ties it to nine, rpa_schwerte (2003) to Schwerte.
    early = inventory.ties(dataset, dt.date(2016, 1, 1))
    assert len(early) == 20 - 3
    for town in ("bergkamen", "luenen", "schwerte"):
        assert _pair("unna", town) not in early
    assert early[_pair("kreis_unna", "luenen")] == ("kreistierheim",)
    assert early[_pair("kreis_unna", "boenen")] == (
        "it_boenen_zdv", "gwa_sammlung", "ausgleichsflaechen_kreis", "kreistierheim",
    )  # fmt: skip
    # 2012-12-31: the DPO (2013-03-01), Bönen's IT (2013-01-01) and the Vergabestelle are not
    # yet in force; Unna and Selm had no other aufgabe cooperation with a lead of either
    before_dsb = inventory.ties(dataset, dt.date(2012, 12, 31))
    assert _pair("unna", "selm") not in before_dsb
    assert before_dsb[_pair("kreis_unna", "boenen")] == (
        "gwa_sammlung", "ausgleichsflaechen_kreis", "kreistierheim",
    )  # fmt: skip
    # the day it starts, it counts, not the day before
    assert _pair("unna", "selm") not in inventory.ties(dataset, dt.date(2013, 2, 28))
    assert inventory.ties(dataset, dt.date(2013, 3, 1))[_pair("unna", "selm")] == (
        "dsb_gemeinsam",
    )


def test_the_indicator_table_has_the_tie_share(table, tied):
    assert "tie_share" in table.columns
    alone = table[table["option"] == "alleingang"]
    assert (alone["tie_share"] == 0.0).all()
    options = table[table["option"] != "alleingang"]
    # the same share for every member of an option
    assert (options.groupby("option")["tie_share"].nunique() == 1).all()
    first = options.drop_duplicates("option")
    for partners, share in zip(first["partners"], first["tie_share"], strict=True):
        assert share == pytest.approx(ind.tie_share(partners.split(";"), tied), rel=EXACT)
    kreisweit = options[options["partner_set"] == "kreisweit"]["tie_share"]
    # 15 county-wide options (epayment 3 + evergabe 4 + shared_services 4 + abfall 4 forms;
    # IT's kreisweit holds Schwerte, Förderschulen is realised), 11 members each
    assert len(kreisweit) == 11 * (3 + 4 + 4 + 4)
    assert ((kreisweit - 20 / 55).abs() < 1e-12).all()


# ============================ effect on the two indicators ============================

# epayment/oerv_mandat/wie_dsb_gemeinsam, Selm, by hand:
#   county volume 0.2 * 399,447 = 79,889.4; the seven DSB towns 216,135 inhabitants
#   (Unna 60,223, Bönen 18,239, Fröndenberg 20,450, Holzwickede 17,587, Kamen 43,001,
#   Selm 26,767, Werne 29,868); pool volume 296,024.4; ePayment 2 EUR per head
#   C_selm = 53,534; scale term 1 - (26,767/296,024.4)^0.2 = 1 - 0.618 = 0.382, above the
#   ePayment savings_cap 0.10 (field_parameters.csv), so s = 0.10 (pooling factor 1)
#   tau = 14/28: kappa = 0.01 * (1 - 0.25 * 14/28) = 0.00875
#   T = 6 + 4 * 7/30.4375 + 1 * 6 * (1 - 0.5 * 14/28) + 3 = 6.919918 + 4.5 + 3
#     = 14.419918 (the 3 months of ePayment migration, field_parameters.csv, are not
#     shortened by ties)
#   without ties: kappa 0.01, T = 15.919918
#   VAT, the same with or without ties: epayment x oerv_mandat is taxable (vat_rules.csv),
#   Selm pays the lead Unna 53,534 * (1 - 0.10) a year, of which 0.19 * (1 - 0.4) is VAT
#   (epayment input_tax_share 0.4)
DSB_OPTION = "epayment/oerv_mandat/wie_dsb_gemeinsam"
SCALE_SELM = 1 - (26767 / (216135 + 0.2 * 399447)) ** 0.2
CAP_EPAY = 0.10  # field_parameters.csv: epayment savings_cap
S_SELM = min(CAP_EPAY, SCALE_SELM)
TAU_DSB = 14 / 28
MIGRATION_EPAY = 3.0  # field_parameters.csv: epayment migration_months
VAT_SELM = 0.19 * (1 - 0.4) * 53534 * (1 - S_SELM)


def test_dsb_option_with_ties_by_hand(table):
    row = _row(table, "selm", DSB_OPTION)
    assert SCALE_SELM == pytest.approx(0.382, abs=1e-3)
    assert S_SELM == 0.10  # the cap binds
    assert row["savings_share"] == pytest.approx(S_SELM, rel=EXACT)
    assert row["tie_share"] == pytest.approx(TAU_DSB, rel=EXACT)
    kappa = 0.01 * (1 - THETA_G * TAU_DSB)
    assert kappa == pytest.approx(0.00875, abs=1e-12)
    assert row["net_savings"] == pytest.approx(53534 * (S_SELM - kappa) - VAT_SELM, rel=EXACT)
    months = 6 + 28 / MONTH + 6 * (1 - THETA_T * TAU_DSB) + MIGRATION_EPAY
    assert months == pytest.approx(14.419918, abs=1e-6)
    assert row["time_to_implement"] == pytest.approx(months, rel=EXACT)


def test_dsb_option_without_ties_by_hand(dataset):
    zero = _without_reductions(dataset)
    t = ind.indicator_table(zero, generate_options(zero, REF), REF)
    row = _row(t, "selm", DSB_OPTION)
    assert row["tie_share"] == pytest.approx(TAU_DSB, rel=EXACT)  # recorded, but no effect
    assert row["net_savings"] == pytest.approx(53534 * (S_SELM - 0.01) - VAT_SELM, rel=EXACT)
    assert row["time_to_implement"] == pytest.approx(12 + 28 / MONTH + MIGRATION_EPAY, rel=EXACT)


def test_only_one_reduction_at_a_time(dataset):
    only_t = _without_reductions(dataset, theta_t=0.5)
    t = ind.indicator_table(only_t, generate_options(only_t, REF), REF)
    row = _row(t, "selm", DSB_OPTION)
    assert row["net_savings"] == pytest.approx(53534 * (S_SELM - 0.01) - VAT_SELM, rel=EXACT)
    assert row["time_to_implement"] == pytest.approx(
        6 + 28 / MONTH + 6 * (1 - 0.5 * TAU_DSB) + MIGRATION_EPAY, rel=EXACT
    )


def _small_with(tmp_path, cooperation: str, parameters: bool = True):
    folder = tmp_path / "small"
    shutil.copytree(SMALL, folder)
    with (folder / "cooperations.csv").open("a", encoding="utf-8") as fh:
        fh.write(cooperation + "\n")
    if parameters:
        with (folder / "parameters.csv").open("a", encoding="utf-8") as fh:
            fh.write("tie_negotiation_reduction,0.5,share,test,,\n")
            fh.write("tie_governance_reduction,0.25,share,test,,\n")
    d = load_dataset(folder)
    return ind.indicator_table(
        d, generate_options(d, d.meta.reference_date), d.meta.reference_date
    )


def test_small_dataset_with_a_tie(tmp_path):
    # stadt_a and stadt_b run a company together (no lead): the pair a-b is tied.
    # kreisweit (kreis_x, stadt_a, stadt_b): 3 pairs, 1 tied -> tau = 1/3
    #   oerv_mandat, stadt_b (cap 0.5): kappa = 0.01 * (1 - 0.25/3) = 0.0091667
    #     net = 14,000 * (0.5 - 0.0091667) = 6,871.67 (6,860 without the tie)
    #     T = 6 + 4 * 7/30.4375 + 1 * 1 * (1 - 0.5/3) = 7.753251 (7.919918 without)
    #   gmbh, stadt_b: kappa = 0.04 * (1 - 0.25/3) = 0.0366667 -> 14,000 * 0.4633333 = 6,486.67
    #     less the VAT the GmbH charges, 0.19 * (1 - 0.25) * 7,000 = 997.5 (not changed by
    #     the tie) -> 5,489.17
    #     T = 18 + 0 + 0.833333 = 18.833333
    # stadt_a+stadt_b (oerv_mandat, lead stadt_a): tau = 1, kappa = 0.0075, n = 2: T unchanged
    #   stadt_a: s = 1 - sqrt(21,000/35,000) = 0.225403 -> net = 21,000 * (0.225403 - 0.0075)
    # kreis_x+stadt_a: tau = 0, unchanged (stadt_a's turnover 10,500 is below the limit)
    t = _small_with(tmp_path, "firma_ab,Firma A+B,,gmbh,stadt_a;stadt_b,,,partial,test")
    b = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["tie_share"] == pytest.approx(1 / 3, rel=EXACT)
    assert b["net_savings"] == pytest.approx(6871.6667, abs=1e-4)
    assert b["time_to_implement"] == pytest.approx(6 + 28 / MONTH + 1 - 0.5 / 3, rel=EXACT)
    assert b["time_to_implement"] == pytest.approx(7.753251, abs=1e-6)
    # the turnover is unchanged at the de-minimis limit: still no VAT
    assert b["vat_npv"] == 0.0
    g = _row(t, "stadt_b", "epay/gmbh/kreisweit")
    assert g["net_savings"] == pytest.approx(
        14000 * (0.5 - 0.04 * (1 - 0.25 / 3)) - 997.5, rel=EXACT
    )
    assert g["net_savings"] == pytest.approx(5489.1667, abs=1e-4)
    assert g["time_to_implement"] == pytest.approx(18 + 1 - 0.5 / 3, rel=EXACT)
    a = _row(t, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    s_a = 1 - (21000 / 35000) ** 0.5
    assert a["tie_share"] == 1.0
    assert a["net_savings"] == pytest.approx(21000 * (s_a - 0.0075), rel=EXACT)
    assert a["time_to_implement"] == pytest.approx(6 + 28 / MONTH, rel=EXACT)
    k = _row(t, "stadt_a", "epay/oerv_mandat/kreis_x+stadt_a")
    assert k["tie_share"] == 0.0
    assert k["net_savings"] == pytest.approx(21000 * (0.5 - 0.01), rel=EXACT)


def test_small_dataset_tie_in_the_future_does_not_count(tmp_path):
    # the company starts the day after the reference date 2027-06-01: no tie
    t = _small_with(tmp_path, "firma_ab,Firma A+B,,gmbh,stadt_a;stadt_b,,2027-06-02,partial,test")
    b = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["tie_share"] == 0.0
    assert b["net_savings"] == pytest.approx(6860.0, rel=EXACT)
    assert b["time_to_implement"] == pytest.approx(7 + 28 / MONTH, rel=EXACT)


# ============================ no reductions: as before ============================


def test_with_zero_reductions_the_indicators_are_the_old_formulas(dataset, table):
    zero = _without_reductions(dataset)
    t0 = ind.indicator_table(zero, generate_options(zero, REF), REF)
    assert list(t0.columns) == list(table.columns)
    pd.testing.assert_series_equal(t0["tie_share"], table["tie_share"])
    opt = t0["option"] != "alleingang"
    # net savings = C * (s - kappa_L), the form's own kappa, less the steady-state VAT
    # rho * (1 - iota_f) * (phi - s) * C of a taxable payer above the de-minimis limit
    rows = t0.loc[opt]
    form = rows["legal_form"]
    kappa = form.map(lambda f: float(dataset.form_parameter(f, "governance_cost_share")))
    phi = form.map(lambda f: float(dataset.form_parameter(f, "pooling_factor")))
    iota = rows["field"].map(lambda f: float(dataset.field_parameter(f, "input_tax_share")))
    forms = {f.id: f for f in dataset.legal_forms}
    payer = form.map(lambda f: forms[f].transfers_execution) & ~rows["is_lead"]
    small = form.map(lambda f: forms[f].public_law) & (rows["turnover"] <= 17500)
    vat = (
        (rows["vat_taxable"] & payer & ~small)
        * 0.19
        * (1 - iota)
        * (phi - rows["savings_share"])
        * rows["annual_cost"]
    )
    expected = rows["annual_cost"] * (rows["savings_share"] - kappa) - vat
    assert (vat > 0).any()
    pd.testing.assert_series_equal(
        t0.loc[opt, "net_savings"], expected, check_names=False, rtol=1e-12
    )
    # T = t_L + a_L * 7/30.4375 + nu * max(0, n - 2) + mu_f (the field's migration months)
    form = t0.loc[opt, "legal_form"]
    setup = form.map(lambda f: float(dataset.form_parameter(f, "setup_months")))
    weeks = form.map(lambda f: float(dataset.form_parameter(f, "approval_weeks")))
    migration = t0.loc[opt, "field"].map(
        lambda f: float(dataset.field_parameter(f, "migration_months"))
    )
    months = setup + weeks * 7 / MONTH + (t0.loc[opt, "n_partners"] - 2).clip(lower=0) + migration
    pd.testing.assert_series_equal(
        t0.loc[opt, "time_to_implement"], months, check_names=False, rtol=1e-12
    )
    # the ties change only the governance cost and the time to implement, and through them
    # net savings and the Wirtschaftlichkeitsvergleich (when operation, VAT, migration and
    # double running fall); everything else is the same
    through = [
        "net_savings", "time_to_implement", "npv", "npv_per_capita", "annuity", "max_burden",
        "burden_per_capita", "payback_year", "npv_without_grant", "npv_with_grant", "vat_npv",
        "one_off_npv", "grant_npv",
    ]  # fmt: skip
    same = [c for c in table.columns if c not in through]
    pd.testing.assert_frame_equal(t0[same], table[same])
    tied = table["tie_share"] > 0
    assert (t0.loc[tied & opt, "net_savings"] < table.loc[tied & opt, "net_savings"]).all()
    # with two partners the time is the same, so only the lower governance cost counts and
    # the Kapitalwert rises; with more, the faster start also brings the one-off cost
    # forward (less discounted), so the Kapitalwert can fall
    pair = tied & (table["n_partners"] == 2)
    assert pair.any()
    assert (t0.loc[pair, "npv"] < table.loc[pair, "npv"]).all()
    pd.testing.assert_frame_equal(t0.loc[~tied], table.loc[~tied])
    faster = tied & (table["n_partners"] > 2)
    assert (t0.loc[faster, "time_to_implement"] > table.loc[faster, "time_to_implement"]).all()
    assert (t0.loc[~faster, "time_to_implement"] == table.loc[~faster, "time_to_implement"]).all()


def _drop_tie_rows(folder: Path):
    path = folder / "parameters.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("tie_")]
    assert len(kept) == len(lines) - 2
    path.write_text("".join(kept), encoding="utf-8")


def test_a_dataset_without_the_parameters_loads_and_behaves_as_before(dataset, dataset_copy):
    assert not set(OPTIONAL_PARAMETERS) & set(GLOBAL_PARAMETERS)
    assert OPTIONAL_PARAMETERS == {
        "tie_negotiation_reduction": 0.0,
        "tie_governance_reduction": 0.0,
    }
    _drop_tie_rows(dataset_copy)
    old = load_dataset(dataset_copy)
    assert not any(p.parameter.startswith("tie_") for p in old.parameters)
    t_old = ind.indicator_table(old, generate_options(old, REF), REF)
    zero = _without_reductions(dataset)
    t_zero = ind.indicator_table(zero, generate_options(zero, REF), REF)
    pd.testing.assert_frame_equal(t_old, t_zero)


def test_the_small_fixture_has_no_tie_parameters_and_no_change(tmp_path):
    # the small fixture predates the rule: a tie without the parameters changes nothing
    with_tie = _small_with(
        tmp_path, "firma_ab,Firma A+B,,gmbh,stadt_a;stadt_b,,,partial,test", parameters=False
    )
    b = _row(with_tie, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["tie_share"] == pytest.approx(1 / 3, rel=EXACT)
    assert b["net_savings"] == pytest.approx(6860.0, rel=EXACT)
    assert b["time_to_implement"] == pytest.approx(7 + 28 / MONTH, rel=EXACT)


@pytest.mark.parametrize(
    ("value", "column"),
    [("1.5", "value"), ("-0.1", "value"), ("2027-01-01", "value")],
)
def test_a_reduction_outside_zero_one_is_rejected(dataset_copy, value, column):
    path = dataset_copy / "parameters.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("tie_governance"))
    lines[line - 1] = f"tie_governance_reduction,{value},share,,a test,,,\n"
    path.write_text("".join(lines), encoding="utf-8")
    # a number out of range by its unit 'share' where it is read; a date by the rule itself
    expected = "Anteil zwischen 0 und 1|erwartet für die Einheit 'share': eine Zahl von 0 bis 1"
    with pytest.raises(InputError, match=expected) as err:
        load_dataset(dataset_copy)
    assert f"parameters.csv, Zeile {line}" in str(err.value)
    assert f"Spalte {column!r}" in str(err.value)


def test_a_range_outside_zero_one_is_rejected(dataset_copy):
    path = dataset_copy / "parameters.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("do not shorten negotiation,0,1", "do not shorten negotiation,0,2")
    )
    with pytest.raises(InputError, match="Spalte 'high'"):
        load_dataset(dataset_copy)


def test_the_reductions_are_assumptions_with_ranges(dataset):
    params = {p.parameter: p for p in dataset.parameters}
    t, g = params["tie_negotiation_reduction"], params["tie_governance_reduction"]
    assert (t.value, t.low, t.high) == (0.5, 0.0, 1.0)
    assert (g.value, g.low, g.high) == (0.25, 0.0, 0.5)
    for p in (t, g):
        assert not p.source and p.assumption and "range" in p.assumption


# ================================ inventory tables ================================


COOPERATION_IDS = [
    "foerderschulen_kreis",
    "it_boenen_zdv",
    "dsb_gemeinsam",
    "rpa_schwerte",
    "sparkasse_unnakamen",
    "vhs_kamen_boenen",
    "gsw",
    "gwa_sammlung",
    "it_sicherheitsbeauftragter",
    "vergabestelle_unna",
    "beitraege_unna_froendenberg",
    "ausgleichsflaechen_kreis",
    "kreistierheim",
    "vhs_unna_froendenberg_holzwickede",
    "but_asylblg_bergkamen",
    "it_schwerte_sit",
    "epr_unna_dortmund",
    "sparkasse_an_der_lippe",
    "sparkasse_bergkamen_boenen",
    "wfg_kreis_unna",
    "vku",
    "ukbs",
    "stadtwerke_froendenberg_wickede",
]  # fmt: skip  cooperations.csv, row order
BETEILIGUNG = {
    "sparkasse_unnakamen",
    "gsw",
    "sparkasse_an_der_lippe",
    "sparkasse_bergkamen_boenen",
    "wfg_kreis_unna",
    "vku",
    "ukbs",
    "stadtwerke_froendenberg_wickede",
}  # fmt: skip  cooperations.csv rows with kind = beteiligung
CSV = Path(__file__).parents[1] / "potential" / "data" / "kreis-unna" / "cooperations.csv"


def _csv_rows():
    import csv

    with CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cooperation_table(dataset):
    coops = inventory.cooperation_table(dataset)
    assert list(coops.columns) == inventory.COOPERATION_COLUMNS
    for column in ("kind", "external_partners", "verified", "note"):
        assert column in coops.columns
    assert list(coops["id"]) == COOPERATION_IDS
    assert len(coops) == 23
    # every since in cooperations.csv is on or before 2026-11-25 (latest: stadtwerke 2020)
    assert coops["in_force"].all()
    by_id = coops.set_index("id")
    dsb = by_id.loc["dsb_gemeinsam"]
    assert dsb["field"] == "shared_services"
    assert dsb["field_label"] == "Shared Services (Querschnittsdienste)"
    assert dsb["legal_form"] == "oerv_mandat"
    assert dsb["legal_form_label"] == "Öffentlich-rechtliche Vereinbarung (mandatierend)"
    assert dsb["members"] == "unna;kreis_unna;boenen;froendenberg;holzwickede;kamen;selm;werne"
    assert dsb["member_names"].startswith("Unna, Kreis Unna, Bönen, Fröndenberg/Ruhr")
    assert dsb["n_members"] == 8
    assert (dsb["lead"], dsb["lead_name"]) == ("unna", "Unna")
    assert dsb["since"] == dt.date(2013, 3, 1)
    assert dsb["scope"] == "partial"
    assert (dsb["kind"], dsb["external_partners"], dsb["verified"]) == ("aufgabe", "", True)
    assert dsb["note"].startswith("in Kraft seit März 2013")
    # two sources, both grade V in sources.csv: the weakest is V; titles joined with " | ",
    # URLs with a space
    assert (dsb["source"], dsb["source_grade"]) == ("dsb-unna;dsb-kamen-2019", "V")
    assert dsb["source_url"] == (
        "http://presse-service.de/data.aspx/static/842218.html "
        "https://ratsportal.kamen.de/bi/vo0050.asp?__kvonr=3912&voselect=2792"
    )
    first, second = dsb["source_title"].split(" | ")
    assert first.startswith("Pressemitteilung des Kreises Unna: gemeinsamer Datenschutzb")
    assert second.startswith("Stadt Kamen, Beschlussvorlage 096/2019")
    gsw = by_id.loc["gsw"]
    assert (gsw["field"], gsw["field_label"], gsw["lead"], gsw["lead_name"]) == ("", "", "", "")
    assert gsw["since"] is None
    assert gsw["kind"] == "beteiligung"
    # Schwerte's IT: one member of the dataset and an external partner, unverified; sources
    # schwerte-citkomm-2017 (S) and sit-fusion-2017 (V): the weakest is S
    sit = by_id.loc["it_schwerte_sit"]
    assert (sit["members"], sit["n_members"], sit["lead"]) == ("schwerte", 1, "")
    assert (sit["scope"], sit["since"]) == ("full", dt.date(2017, 1, 1))
    assert sit["external_partners"] == "Südwestfalen-IT (SIT)"
    assert bool(sit["verified"]) is False
    assert (sit["source"], sit["source_grade"]) == ("schwerte-citkomm-2017;sit-fusion-2017", "S")
    assert sit["note"].endswith("Kündigungsfrist und Austrittskosten unbekannt")
    ukbs = by_id.loc["ukbs"]
    assert (ukbs["kind"], ukbs["external_partners"]) == ("beteiligung", "Stadt Hamm")
    # kinds: 15 aufgabe, 8 beteiligung
    assert coops["kind"].value_counts().to_dict() == {"aufgabe": 15, "beteiligung": 8}
    assert set(coops.loc[coops["kind"] == "beteiligung", "id"]) == BETEILIGUNG


def test_the_new_columns_match_the_csv(dataset):
    # read cooperations.csv directly (csv module, not the loader) and compare column by
    # column: verified yes/no -> True/False, blank external_partners/note -> ""
    rows = _csv_rows()
    coops = inventory.cooperation_table(dataset).set_index("id")
    assert [r["id"] for r in rows] == list(coops.index)
    for r in rows:
        got = coops.loc[r["id"]]
        assert got["kind"] == r["kind"], r["id"]
        assert got["external_partners"] == "; ".join(
            x for x in r["external_partners"].split(";") if x
        ), r["id"]
        assert bool(got["verified"]) == {"yes": True, "no": False}[r["verified"]], r["id"]
        assert got["note"] == r["note"], r["id"]
        assert got["source"] == r["source"], r["id"]
    # counted by hand in the file: unverified rows
    unverified = {
        "vergabestelle_unna", "beitraege_unna_froendenberg", "ausgleichsflaechen_kreis",
        "vhs_unna_froendenberg_holzwickede", "it_schwerte_sit", "epr_unna_dortmund",
        "sparkasse_bergkamen_boenen", "vku",
    }  # fmt: skip
    assert set(coops.index[~coops["verified"].astype(bool)]) == unverified
    external = {"it_schwerte_sit", "epr_unna_dortmund", "ukbs", "stadtwerke_froendenberg_wickede"}
    assert set(coops.index[coops["external_partners"] != ""]) == external


def test_beteiligung_rows_give_no_ties(dataset, tied):
    # no beteiligung id appears among the cooperations of any tie
    tt = inventory.tie_table(dataset, REF)
    used = {c for cs in tt["cooperations"] for c in cs.split(";")}
    assert not used & BETEILIGUNG
    # pairs that only a beteiligung joins are untied (cooperations.csv by hand):
    #   Lünen-Werne, Selm-Werne (sparkasse_an_der_lippe), Bergkamen-Bönen
    #   (sparkasse_bergkamen_boenen, gsw), Bergkamen-Kamen (gsw), Fröndenberg-Holzwickede,
    #   Holzwickede-Kamen (sparkasse_unnakamen), Schwerte-Selm (wfg, vku)
    for a, b in (
        ("luenen", "werne"), ("selm", "werne"), ("bergkamen", "boenen"),
        ("bergkamen", "kamen"), ("froendenberg", "holzwickede"), ("holzwickede", "kamen"),
        ("schwerte", "selm"),
    ):  # fmt: skip
        assert _pair(a, b) not in tied, (a, b)
    # the kind is the cause: the same rows as aufgabe would tie them (wfg and vku have no
    # lead: every two of the 11 bodies)
    as_task = tuple(
        c.model_copy(update={"kind": "aufgabe"}) if c.id in BETEILIGUNG else c
        for c in dataset.cooperations
    )
    all_tasks = inventory.ties(dataset.model_copy(update={"cooperations": as_task}), REF)
    assert len(all_tasks) == comb(11, 2)
    assert all_tasks[_pair("bergkamen", "boenen")] == (
        "gsw", "sparkasse_bergkamen_boenen", "wfg_kreis_unna", "vku", "ukbs",
    )  # fmt: skip
    # one-member rows (an external partner only) tie nobody
    assert not any("it_schwerte_sit" in ids or "epr_unna_dortmund" in ids for ids in tied.values())


def test_cooperation_table_at_an_earlier_date_and_in_english(dataset):
    coops = inventory.cooperation_table(dataset, "2016-01-01", lang="en").set_index("id")
    # since after 2016-01-01: foerderschulen_kreis 2016-08-01, it_sicherheitsbeauftragter
    # 2019-12-11, it_schwerte_sit 2017-01-01, stadtwerke_froendenberg_wickede 2020-01-01;
    # sparkasse_an_der_lippe starts on that very day and counts
    later = [
        "foerderschulen_kreis", "it_sicherheitsbeauftragter", "it_schwerte_sit",
        "stadtwerke_froendenberg_wickede",
    ]  # fmt: skip
    assert not coops.loc[later, "in_force"].any()
    assert coops.drop(index=later)["in_force"].all()
    assert coops.loc["sparkasse_an_der_lippe", "in_force"]
    assert coops.loc["it_boenen_zdv", "field_label"] == dataset.field("it").label_en
    assert coops.loc["gsw", "legal_form_label"] == dataset.legal_form("gmbh").label_en
    assert "data-protection officer" in coops.loc["dsb_gemeinsam", "source_title"]
    # both English titles (sources.csv title_en), joined with " | "
    assert (
        coops.loc["dsb_gemeinsam", "source_title"]
        .split(" | ")[1]
        .startswith("Kamen council paper 096/2019")
    )


def test_tie_table(dataset):
    tt = inventory.tie_table(dataset, REF)
    assert list(tt.columns) == inventory.TIE_COLUMNS
    assert len(tt) == 10 + 9 + 1 == 20  # county hub, Unna hub, Bönen-Kamen
    # a before b in dataset order, rows sorted that way
    order = {b: i for i, b in enumerate(BODIES)}
    assert (tt["a"].map(order) < tt["b"].map(order)).all()
    keys = list(zip(tt["a"].map(order), tt["b"].map(order), strict=True))
    assert keys == sorted(keys)
    row = tt[(tt["a"] == "boenen") & (tt["b"] == "kamen")].iloc[0]
    assert row["cooperations"] == "vhs_kamen_boenen"  # gsw is a beteiligung
    assert row["n_cooperations"] == 1
    assert (row["a_name"], row["b_name"]) == ("Bönen", "Kamen")
    county = tt[tt["a"] == "kreis_unna"].set_index("b")["cooperations"]
    assert len(county) == 10
    # county-Unna, in cooperations.csv order: foerderschulen_kreis (county lead),
    # dsb_gemeinsam and it_sicherheitsbeauftragter (Unna lead), ausgleichsflaechen_kreis and
    # kreistierheim (county lead); sparkasse_unnakamen is a beteiligung
    assert county["unna"] == (
        "foerderschulen_kreis;dsb_gemeinsam;it_sicherheitsbeauftragter;"
        "ausgleichsflaechen_kreis;kreistierheim"
    )
    assert county["luenen"] == "foerderschulen_kreis;kreistierheim"
    # Lünen's ties are the two hubs: the county and Unna (information-security officer)
    luenen = tt[(tt["a"] == "luenen") | (tt["b"] == "luenen")]
    assert list(zip(luenen["a"], luenen["b"], strict=True)) == [
        ("kreis_unna", "luenen"),
        ("luenen", "unna"),
    ]
    assert luenen["cooperations"].iloc[1] == "it_sicherheitsbeauftragter"
    # default date: the dataset's reference date
    pd.testing.assert_frame_equal(inventory.tie_table(dataset), tt)
    # earlier: fewer ties (Unna without Bergkamen, Lünen, Schwerte before 2019-12-11)
    assert len(inventory.tie_table(dataset, dt.date(2016, 1, 1))) == 20 - 3


def test_cooperation_pairs_follow_the_lead():
    from potential.models import Cooperation

    led = Cooperation(
        id="x", label="X", legal_form="oerv_mandat", members="a;b;c", lead="b",
        scope="partial", source="s",
    )  # fmt: skip
    assert inventory.cooperation_pairs(led) == [("a", "b"), ("b", "c")]
    free = led.model_copy(update={"lead": None})
    assert inventory.cooperation_pairs(free) == [("a", "b"), ("a", "c"), ("b", "c")]
