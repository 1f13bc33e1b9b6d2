"""The Wirtschaftlichkeitsvergleich's cash flows, against a second, plain implementation.

The worked example of ``docs/method.md`` section 5 (Selm in an IT agreement with Werne) is
recomputed here year by year with plain Python from the dataset's figures; the package's
vectorised :func:`potential.economics.component_flows` must give the same amounts.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import potential
from potential.cli import main
from potential.economics import EconomicSettings, component_flows, npv, summary
from potential.errors import InputError

OPTION = "it/oerv_mandat/selm+werne"


@pytest.fixture(scope="module")
def result():
    return potential.analyse()


def _row(result, body, option=OPTION):
    r = result.ranking
    return r[(r["body"] == body) & (r["option"] == option)].iloc[0]


def _plain_selm_flows(ds):
    """Selm's yearly components in the IT mandate with Werne, computed by hand."""
    p = {x.parameter: x.value for x in ds.parameters}
    fp = {(x.owner, x.parameter): x.value for x in ds.field_parameters}
    lp = {(x.owner, x.parameter): x.value for x in ds.legal_form_parameters}
    pop = {b.id: b.population for b in ds.bodies}
    cpc, fte10k = fp[("it", "cost_per_capita")], fp[("it", "fte_per_10k")]
    cost = {b: cpc * pop[b] for b in ("selm", "werne")}
    fte = {b: fte10k * pop[b] / 10_000 for b in ("selm", "werne")}
    pool_cost = sum(cost.values())
    cap, beta = fp[("it", "savings_cap")], fp[("it", "scale_exponent")]
    share = {b: min(cap, 1 - (cost[b] / pool_cost) ** beta) for b in cost}
    kappa = lp[("oerv_mandat", "governance_cost_share")]  # Selm and Werne are not tied
    months = (
        lp[("oerv_mandat", "setup_months")]
        + lp[("oerv_mandat", "approval_weeks")] * 7 / (365.25 / 12)
        + fp[("it", "migration_months")]
    )
    horizon, g = int(p["horizon_years"]), p["price_change_rate"]
    ramp_years = int(p["ramp_up_years"])
    pers, itax = fp[("it", "personnel_share")], fp[("it", "input_tax_share")]
    leave10 = p["leaving_share_10y"]
    q = 1 - (1 - leave10) ** 0.1
    pool_fte = sum(fte.values())
    posts = sum(share[b] * cost[b] for b in cost) / pool_cost * pool_fte
    c, s = cost["selm"], share["selm"]
    w = c / pool_cost
    rows = {k: [0.0] * (horizon + 1) for k in ("material", "personnel", "gov", "vat", "setup")}
    rows["migration"] = [0.0] * (horizon + 1)
    rows["double"] = [0.0] * (horizon + 1)
    rows["setup"][0] = -w * lp[("oerv_mandat", "setup_cost_eur")]
    first = None
    for t in range(1, horizon + 1):
        price = (1 + g) ** t
        f = min(1.0, max(0.0, t - months / 12))
        if f > 0 and first is None:
            first = t
        op_year = math.ceil(t - months / 12)
        ramp = min(1.0, op_year / ramp_years) if f > 0 else 0.0
        freed = min(1.0, pool_fte * (1 - (1 - q) ** t) / posts)
        rows["material"][t] = s * c * (1 - pers) * ramp * f * price
        rows["personnel"][t] = s * c * pers * min(ramp, freed) * f * price
        rows["gov"][t] = -kappa * c * f * price
        payment = c * f * price - rows["material"][t] - rows["personnel"][t]
        rows["vat"][t] = -p["vat_rate"] * (1 - itax) * payment  # all years after 2027-01-01
        in_impl = max(0.0, min(t, months / 12) - (t - 1))
        rows["migration"][t] = (
            -w * fp[("it", "one_off_share")] * pool_cost * in_impl / (months / 12) * price
        )
    rows["double"][first] = -p["double_running_months"] / 12 * c * (1 + g) ** first
    return rows


def test_selm_flows_equal_a_plain_second_implementation(result):
    rows = _plain_selm_flows(result.dataset)
    keys = result.flow_keys
    i = keys.index[(keys["body"] == "selm") & (keys["option"] == OPTION)][0]
    c = result.flows.components
    pairs = {
        "savings_material": "material",
        "savings_personnel": "personnel",
        "governance": "gov",
        "vat": "vat",
        "setup": "setup",
        "migration": "migration",
        "double_running": "double",
    }
    for ours, plain in pairs.items():
        np.testing.assert_allclose(c[ours][i], rows[plain], atol=0.006, err_msg=ours)
    assert not c["grant"][i].any()  # not counted by default
    assert not c["exit"][i].any()
    total = sum(np.round(rows[k], 2) for k in rows)
    rate = result.economics.discount_rate
    expected = sum(v / (1 + rate) ** t for t, v in enumerate(total))
    assert _row(result, "selm")["npv"] == pytest.approx(expected, abs=0.06)


def test_npv_of_every_option_is_its_discounted_cashflow_rows_to_the_cent(result):
    flows = result.cashflows
    rate = result.economics.discount_rate
    flows = flows.assign(pv=flows["amount_eur"] / (1 + rate) ** flows["year"])
    pv = flows.groupby(["body", "option"])["pv"].sum()
    ranked = result.ranking[result.ranking["option"] != "alleingang"].set_index(
        ["body", "option"]
    )["npv"]
    joined = pd.concat([ranked, pv], axis=1, keys=["npv", "pv"]).fillna(0.0)
    assert len(joined) == len(ranked)
    assert (joined["npv"] - joined["pv"]).abs().max() < 0.005


def test_vat_is_money_in_it_mandates_and_in_every_gmbh_option(result):
    r = result.indicators
    coop = r[r["option"] != "alleingang"]
    it_mandate_payers = coop[
        (coop["field"] == "it") & (coop["legal_form"] == "oerv_mandat") & ~coop["is_lead"]
    ]
    assert len(it_mandate_payers) > 0
    assert (it_mandate_payers["vat_npv"] < 0).all()
    gmbh = coop[coop["legal_form"] == "gmbh"]
    assert len(gmbh) > 0 and (gmbh["vat_npv"] < 0).all()
    # the lead of a mandate receives the VAT and passes it on: no VAT cost of its own
    leads = coop[coop["is_lead"]]
    assert (leads["vat_npv"] == 0).all()
    # an Arbeitsgemeinschaft exchanges no services for consideration
    assert (coop[coop["legal_form"] == "arbeitsgemeinschaft"]["vat_npv"] == 0).all()
    # Selm's steady year with Werne (method.md 5.6): C = 24 * 26,767 = 642,408 €/a (it
    # cost_per_capita x Selm population), s = 0.13 (cap), kappa = 0.01 (not tied), payment
    # 642,408 * (1 - 0.13) = 558,894.96, VAT 0.19 * (1 - 0.4 it input_tax_share) of it:
    # 77,088.96 - 63,714.03 = 13,374.93 €/a
    selm = r[(r["body"] == "selm") & (r["option"] == OPTION)].iloc[0]
    assert selm["net_savings"] == pytest.approx(642_408 * 0.12 - 0.19 * 0.6 * 558_894.96)
    assert selm["net_savings"] == pytest.approx(13_374.93, abs=0.01)


def test_some_options_lose_money_and_the_status_quo_is_not_last_for_most(result):
    r = result.ranking
    coop = r[r["option"] != "alleingang"]
    assert (coop["npv"] < 0).mean() > 0.2
    last = r.groupby("body")["rank"].transform("max")
    alone = r[r["option"] == "alleingang"]
    not_last = (alone["rank"] < last[alone.index]).sum()
    assert not_last > len(alone) / 2


def _members(**changes):
    base = {
        "option": "x",
        "annual_cost": 100_000.0,
        "fte": 1.0,
        "leaving_share": 0.297,
        "savings_share": 0.1,
        "pool_cost": 200_000.0,
        "pooling_factor": 1.0,
        "governance_share": 0.0,
        "time_to_implement": 12.0,
        "setup_cost": 0.0,
        "one_off_share": 0.0,
        "personnel_share": 0.0,
        "input_tax_share": 0.0,
        "payer": True,
        "vat_taxable": True,
        "public_law": True,
        "vat_from": dt.date(2027, 1, 1),
        "exit_cost": 0.0,
        "grant_total": 0.0,
        "eligible_cost": 0.0,
    }
    base.update(changes)
    return pd.DataFrame([base])


def _settings(**changes):
    base = dict(
        horizon_years=4,
        discount_rate=0.0,
        price_change_rate=0.0,
        ramp_up=(1.0,),
        double_running_months=0.0,
        vat_rate=0.19,
        vat_deminimis_eur=17_500.0,
        vat_binding_date=dt.date(2027, 1, 1),
        grant=False,
        grant_min_years=5,
        grant_min_savings_share=0.15,
        reference_date=dt.date(2027, 1, 1),
    )
    base.update(changes)
    return EconomicSettings(**base)


def test_vat_by_hand_and_the_de_minimis_rule():
    # operation from year 2 (12 months to implement); payment 100,000 − 10,000 = 90,000 €/a
    f = component_flows(_members(), _settings())
    assert f.components["vat"][0].tolist() == [0, 0, -17_100, -17_100, -17_100]
    assert f.components["savings_material"][0].tolist() == [0, 0, 10_000, 10_000, 10_000]
    # a public-law provider with at most 17,500 €/a turnover owes no VAT ...
    small = _members(annual_cost=15_000.0, pool_cost=30_000.0)
    assert not component_flows(small, _settings()).components["vat"].any()
    # ... a GmbH (not public law) does
    gmbh = _members(annual_cost=15_000.0, pool_cost=30_000.0, public_law=False)
    assert component_flows(gmbh, _settings()).components["vat"][0][2] == pytest.approx(
        -0.19 * 13_500
    )


def test_vat_starts_when_section_2b_binds_the_provider():
    # the provider's own date 2029-07-01: years 1-2 free, half of year 3, then full
    f = component_flows(_members(time_to_implement=0.0, vat_from=dt.date(2029, 7, 1)), _settings())
    vat = f.components["vat"][0]
    assert vat[1] == 0 and vat[2] == 0
    # 2027-01-01 → 2029-07-01 is 912 days = 2.4969 years: year 3 is taxed from then on
    assert vat[3] == pytest.approx(-17_100 * (3 - 912 / 365.25), abs=0.01)
    assert vat[4] == pytest.approx(-17_100)


def test_ramp_up_and_departures_limit_the_savings():
    # ramp 0.5, 1: the first operating year saves half
    f = component_flows(_members(time_to_implement=0.0), _settings(ramp_up=(0.5, 1.0)))
    assert f.components["savings_material"][0][1:3].tolist() == [5_000, 10_000]
    # all personnel: the pool needs 0.1 × 2 FTE fewer posts ... only as staff leave:
    # departures by year t are FTE_P (1 − (1 − q)^t), q = 1 − 0.703^0.1
    members = pd.concat([_members(personnel_share=1.0, time_to_implement=0.0)] * 2)
    f = component_flows(members, _settings(horizon_years=10))
    q = 1 - 0.703**0.1
    freed_1 = 2 * (1 - (1 - q)) / (0.1 * 2)
    assert f.components["savings_personnel"][0][1] == pytest.approx(10_000 * freed_1, abs=0.01)
    assert f.components["savings_personnel"][0][10] == 10_000


def test_grant_flows_in_step_with_the_one_off_cost():
    m = _members(setup_cost=20_000.0, grant_total=9_000.0, eligible_cost=20_000.0)
    off = component_flows(m, _settings())
    on = component_flows(m, _settings(grant=True))
    assert not off.components["grant"].any()
    assert off.grant_available[0][0] == pytest.approx(0.5 * 20_000 * 0.45)
    assert on.components["grant"][0][0] == pytest.approx(4_500)
    s_off, s_on = summary(off).iloc[0], summary(on).iloc[0]
    assert s_on["npv"] == pytest.approx(s_off["npv_with_grant"])
    assert s_on["npv_without_grant"] == pytest.approx(s_off["npv"])


def _without_savings_condition():
    """The embedded dataset with grant_min_savings_share 0 (parameters.csv): the scenario's
    way to assume the alternative condition, a substantial improvement of the service."""
    from potential.datasets import load_dataset

    ds = load_dataset("kreis-unna")
    params = tuple(
        p.model_copy(update={"value": 0.0}) if p.parameter == "grant_min_savings_share" else p
        for p in ds.parameters
    )
    return ds.model_copy(update={"parameters": params})


@pytest.fixture(scope="module")
def with_grant():
    """The grant counted, on the dataset without the 15 % savings condition."""
    return potential.analyse(_without_savings_condition(), economics={"grant": True})


def test_grant_conditions(result, with_grant):
    t = result.indicators
    coop = t[t["option"] != "alleingang"]
    # the county and Bönen already share IT: no grant for IT options with both
    both = coop[
        (coop["field"] == "it")
        & coop["partners"].str.contains("kreis_unna")
        & coop["partners"].str.contains("boenen")
    ]
    assert len(both) and not both["grant_eligible"].any()
    # IT saves at most 13 %, below the 15 % target
    assert not coop[coop["field"] == "it"]["grant_eligible"].any()
    # With the issue-14 data no option is eligible (method.md 5.3): the caps of ePayment
    # (0.10), IT and Abfall (0.13) are below 0.15; in eVergabe (cap 0.15) s_P reaches 0.15
    # only if every member is capped, i.e. each has at most 0.85^5 = 44.4 % of the pool's
    # cost, and every such pool holds two members of the Vergabestelle of Unna; every
    # shared-services set holds two members of it_sicherheitsbeauftragter (all eleven).
    # Example: the eVergabe mandate with the county, Bönen, Holzwickede and Kamen
    # (wie_gwa_sammlung): the county has 79,889.4/158,716.4 = 50.3 % of the pool's cost
    # (volumes; 5.2 €/inh. for all), so it saves 1 - 0.5033^0.2 = 0.128 < 0.15
    assert not coop["grant_eligible"].any()
    gwa = coop[coop["option"] == "evergabe/oerv_mandat/wie_gwa_sammlung"]
    assert len(gwa) == 4
    s_p = (gwa["savings_share"] * gwa["annual_cost"]).sum() / gwa["annual_cost"].sum()
    assert s_p < 0.15
    county = 0.2 * 399_447 / (0.2 * 399_447 + 18_239 + 17_587 + 43_001)
    assert county == pytest.approx(0.5033, abs=1e-4)
    assert gwa.set_index("body").loc["kreis_unna", "savings_share"] == pytest.approx(
        1 - county**0.2, rel=1e-9
    )
    # Without the savings condition (grant_min_savings_share 0), the other two conditions
    # decide: Bergkamen and Kamen do not cooperate in eVergabe yet and the horizon (10 years)
    # reaches 5, so their mandate is eligible; Unna, Bönen and Fröndenberg already do
    # (vergabestelle_unna, in force since 2015-04-21, scope partial), so theirs is not
    t2 = with_grant.indicators
    pair = t2[t2["option"] == "evergabe/oerv_mandat/bergkamen+kamen"]
    assert len(pair) == 2 and pair["grant_eligible"].all()
    stelle = t2[t2["option"] == "evergabe/oerv_mandat/wie_vergabestelle_unna"]
    assert len(stelle) == 3 and not stelle["grant_eligible"].any()


def test_grant_switch_changes_the_ranking_money_and_is_recorded(tmp_path, result, with_grant):
    # evergabe/oerv_mandat/bergkamen+kamen (eligible without the savings condition, above):
    #   C_P = 5.2 * (49,475 + 43,001) = 480,875.2; E = 1 * 0.3 * 480,875.2 + 10,000
    #   = 154,262.56; G = min(0.9 * 154,262.56 = 138,836.30, 175,000) = 138,836.30, so G/E =
    #   0.9 and each member's grant is 0.9 of its setup and migration flows, in step
    option = "evergabe/oerv_mandat/bergkamen+kamen"
    e = 0.3 * 5.2 * (49_475 + 43_001) + 10_000
    assert e == pytest.approx(154_262.56)
    assert min(0.9 * e, 175_000) / e == pytest.approx(0.9)
    r = with_grant.ranking
    row = r[(r["option"] == option) & (r["body"] == "bergkamen")]
    assert len(row) == 1
    assert row["npv"].iloc[0] == pytest.approx(row["npv_with_grant"].iloc[0])
    keys = with_grant.flow_keys
    i = keys.index[(keys["body"] == "bergkamen") & (keys["option"] == option)][0]
    c = with_grant.flows.components
    np.testing.assert_allclose(
        c["grant"][i], -0.9 * (c["setup"][i] + c["migration"][i]), atol=0.006
    )
    assert c["grant"][i].sum() > 0
    # the default run (grant not counted, embedded data) has no grant anywhere
    assert not result.flows.components["grant"].any()
    out = tmp_path / "o"
    res = CliRunner().invoke(
        main, ["analyse", "--grant", "--discount-rate", "0.02", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    import json

    record = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert record["economics"]["grant"] is True
    assert record["economics"]["discount_rate"] == 0.02
    assert record["economics"]["horizon_years"] == 10


@pytest.mark.parametrize(
    "args, message",
    [
        (["--discount-rate", "-0.01"], "--discount-rate: erwartet: ein Zinssatz von 0 oder mehr"),
        (["--horizon", "0"], "--horizon: erwartet: eine ganze Zahl von Jahren, 1 bis 100"),
        (["--ramp-up", "0.5,0.8"], "--ramp-up: das Profil muss im letzten Jahr 1 erreichen"),
        (["--ramp-up", "0.8,0.5,1"], "--ramp-up: die Anteile dürfen nicht abnehmen"),
    ],
)
def test_bad_economics_input_exits_2_and_writes_nothing(tmp_path, args, message):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["analyse", *args, "--out", str(out)])
    assert res.exit_code == 2
    assert message in res.output
    assert not out.exists()


def test_bad_economics_input_in_the_library():
    with pytest.raises(InputError, match="Betrachtungszeitraum: erwartet"):
        potential.analyse(economics={"horizon_years": 0})
    with pytest.raises(InputError, match="unbekannte Einstellung"):
        potential.analyse(economics={"rate": 0.01})
    with pytest.raises(InputError, match="Zinssatz"):
        npv([1, 2], -0.5)
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="economics: unknown setting.*rate"):
        potential.analyse(economics={"rate": 0.01})
    with use_lang("en"), pytest.raises(InputError, match="ramp-up: the shares must not decrease"):
        potential.analyse(economics={"ramp_up": "0.8,0.5,1"})


def test_a_company_charges_vat_from_the_start_a_public_body_from_2027():
    a = potential.analyse(reference_date="2023-01-01")
    cf = a.cashflows
    vat = cf[cf["component"] == "vat"]
    gmbh = vat[vat["option"].str.contains("/gmbh/")]
    mandate = vat[vat["option"].str.contains("/oerv_mandat/")]
    # 2023-01-01 + t years: a mandate's VAT starts in year 5 (2027-01-01 .. 2028-01-01)
    assert mandate["year"].min() == 5
    assert mandate.groupby(["body", "option"])["year"].min().eq(5).all()
    # a GmbH is taxed from its first year of operation (18 months + 6 weeks: year 2)
    assert gmbh["year"].min() == 2
