"""Indicators checked against hand calculations.

Every expected value below is worked out from the formula in the docstring of
``potential/indicators.py`` (repeated in ``docs/method.md`` section 4) and the raw numbers of
the CSV tables, never from the package's own helpers. The arithmetic is written next to each
expected value. A month is 365.25/12 = 30.4375 days (method.md 4.5; the docstrings round it to
30.44).

Rules taken from the docstrings of ``indicators.py`` (they are newer than method.md 4.2/4.4/4.7):
* the eligible migration cost is scaled by the pooling factor, E = phi * o_f * C_P + F_L;
* a member of an existing full-scope pool in the field measures savings and resilience against
  that pool (its baseline), not against itself;
* staffing relief is counted once per pool, R_m = w_m * min(sum_k FTE_k r_k, s_P * FTE_P) with
  w_m = C_m / C_P and s_P = sum_k s_k C_k / C_P, so the members' reliefs add up to the pool's;
* VAT is money (method.md 5.2): net_savings is the steady-state yearly difference
  C (s - kappa) - rho (1 - iota) (phi - s) C for a taxable payer (the field x form rule of
  vat_rules.csv, a member that is not the lead, a provider above the de-minimis limit);
* one_off_cost subtracts the grant only where it is counted (grant_assumed) and eligible;
* procurement_risk is the legal form's § 108 GWB parameter.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pytest

from potential import indicators as ind
from potential.datasets import load_dataset
from potential.options import generate_options

EXACT = 1e-9
MONTH = 365.25 / 12  # days
REF = dt.date(2026, 11, 25)  # dataset.yaml reference_date of kreis-unna
VAT_BINDS = dt.date(2027, 1, 1)  # parameters.csv vat_binding_date
SMALL = Path(__file__).parent / "data" / "indicators" / "small"

# --- raw inputs of the embedded dataset, copied by hand from potential/data/kreis-unna ----
# bodies.csv, column population
POP = {
    "kreis_unna": 399447,
    "bergkamen": 49475,
    "boenen": 18239,
    "froendenberg": 20450,
    "holzwickede": 17587,
    "kamen": 43001,
    "luenen": 87266,
    "schwerte": 46571,
    "selm": 26767,
    "unna": 60223,
    "werne": 29868,
}
TOWNS_POP = 399447  # sum of the ten towns (also stated in method.md 2.2)
# field_parameters.csv
IT = {
    "cpc": 24.0, "fte10k": 1.65, "cap": 0.13, "beta": 0.2, "one_off": 0.5, "kreis": 0.2,
    "migration": 12.0,
}  # fmt: skip
EPAY = {
    "cpc": 2.0, "fte10k": 0.14, "cap": 0.1, "beta": 0.2, "one_off": 0.3, "kreis": 0.2,
    "migration": 3.0,
}  # fmt: skip
# legal_form_parameters.csv
MANDAT = {
    "pool": 1.0, "gov": 0.01, "setup": 10000, "months": 6, "weeks": 4,
    "ctl_member": 0.75, "ctl_lead": 1.0, "proc": 0.25,
}  # fmt: skip
ARGE = {
    "pool": 0.25, "gov": 0.005, "setup": 0, "months": 3, "weeks": 0,
    "ctl_member": 1.0, "proc": 0.0,
}  # fmt: skip
# the forms that vote in bodies of their own: control follows the vote share (cost share)
ZWECKVERBAND = {
    "pool": 1.0, "gov": 0.03, "setup": 50000, "months": 18, "weeks": 4,
    "ctl_member": 0.5, "proc": 0.05, "votes": 1.0,
}  # fmt: skip
# field_parameters.csv: personnel share and input-tax share
IT_TAX = {"personnel": 0.58, "input_tax": 0.4}
EPAY_TAX = {"personnel": 0.5, "input_tax": 0.4}
# vat_rules.csv: it x oerv_mandat and epayment x oerv_mandat are taxable, epayment x
# arbeitsgemeinschaft is not
VAT_RULES = {("it", "oerv_mandat"): True, ("epayment", "oerv_mandat"): True}
VAT_RULES[("epayment", "arbeitsgemeinschaft")] = False
VAT = 0.19  # vat_rate
# parameters.csv
LEAVING = 0.297
MIN_TEAM = 2.0
G0, G1, GMAX = 175000.0, 35000.0, 0.9
NU = 1.0  # negotiation_months_per_partner
THETA_T = 0.5  # tie_negotiation_reduction
THETA_G = 0.25  # tie_governance_reduction


def _csv(name):
    path = Path(__file__).parent.parent / "potential" / "data" / "kreis-unna" / name
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_hand_copied_inputs_match_the_csv_files():
    """Guard: the numbers hard-coded above are still those of the embedded CSV tables."""
    pops = {r["id"]: int(r["population"]) for r in _csv("bodies.csv")}
    assert pops == POP
    assert sum(v for k, v in pops.items() if k != "kreis_unna") == TOWNS_POP
    fp = {(r["field"], r["parameter"]): float(r["value"]) for r in _csv("field_parameters.csv")}
    names = {
        "cpc": "cost_per_capita",
        "fte10k": "fte_per_10k",
        "cap": "savings_cap",
        "beta": "scale_exponent",
        "one_off": "one_off_share",
        "kreis": "kreis_share",
        "migration": "migration_months",
    }
    for field, values in (("it", IT), ("epayment", EPAY)):
        for key, value in values.items():
            assert fp[(field, names[key])] == value, (field, key)
    # every field's migration time (months; IT calibrated on Bönen)
    migration = {f: v for (f, p), v in fp.items() if p == "migration_months"}
    assert migration == {
        "epayment": 3.0, "evergabe": 3.0, "shared_services": 3.0, "it": 12.0, "abfall": 6.0,
        "foerderschulen": 12.0,
    }  # fmt: skip
    lp = {
        (r["legal_form"], r["parameter"]): float(r["value"])
        for r in _csv("legal_form_parameters.csv")
    }
    names = {
        "pool": "pooling_factor",
        "gov": "governance_cost_share",
        "setup": "setup_cost_eur",
        "months": "setup_months",
        "weeks": "approval_weeks",
        "ctl_member": "control_member",
        "ctl_lead": "control_lead",
        "proc": "procurement_risk",
        "votes": "control_by_votes",
    }
    forms = (("oerv_mandat", MANDAT), ("arbeitsgemeinschaft", ARGE))
    for form, values in (*forms, ("zweckverband", ZWECKVERBAND)):
        for key, value in values.items():
            assert lp[(form, names[key])] == value, (form, key)
    assert ("arbeitsgemeinschaft", "control_lead") not in lp
    # § 108 GWB risk by form: no award (Arbeitsgemeinschaft, Amtshilfe), a genuine transfer of
    # the task (Remondis: delegating agreement, Zweckverband, gKU) or an exempt contract
    # (mandating agreement, GmbH)
    procurement = {f: v for (f, p), v in lp.items() if p == "procurement_risk"}
    assert procurement == {
        "arbeitsgemeinschaft": 0.0, "oerv_mandat": 0.25, "oerv_deleg": 0.05,
        "zweckverband": 0.05, "gku": 0.05, "gmbh": 0.25, "amtshilfe": 0.0,
    }  # fmt: skip
    # only the forms with bodies of their own vote
    voting = {f for f, p in lp if p == "control_by_votes" and lp[(f, p)] == 1}
    assert voting == {"zweckverband", "gku", "gmbh"}
    # the VAT index per form is gone: VAT is money by the field x form rule
    assert not any(p.startswith("vat_exposure") for _, p in lp)
    for field, values in (("it", IT_TAX), ("epayment", EPAY_TAX)):
        assert fp[(field, "personnel_share")] == values["personnel"], field
        assert fp[(field, "input_tax_share")] == values["input_tax"], field
    rules = {(r["field"], r["legal_form"]): r["taxable"] == "true" for r in _csv("vat_rules.csv")}
    for key, taxable in VAT_RULES.items():
        assert rules[key] is taxable, key
    gp = {r["parameter"]: r["value"] for r in _csv("parameters.csv")}
    assert float(gp["leaving_share_10y"]) == LEAVING
    assert float(gp["min_team_fte"]) == MIN_TEAM
    assert float(gp["grant_base_eur"]) == G0
    assert float(gp["grant_per_partner_eur"]) == G1
    assert float(gp["grant_max_share"]) == GMAX
    assert float(gp["negotiation_months_per_partner"]) == NU
    assert float(gp["tie_negotiation_reduction"]) == THETA_T
    assert float(gp["tie_governance_reduction"]) == THETA_G
    assert float(gp["urgency_horizon_months"]) == 36
    assert float(gp["default_fulfilment"]) == 0
    assert float(gp["vat_deminimis_eur"]) == 17500
    assert gp["vat_binding_date"] == "2027-01-01"
    assert float(gp["vat_rate"]) == VAT
    # the grant is not counted by default, so one_off_cost is w * E (no grant subtracted)
    assert float(gp["grant_assumed"]) == 0
    assert float(gp["horizon_years"]) == 10 and float(gp["ramp_up_years"]) == 3
    assert float(gp["discount_rate"]) == 0.009 and float(gp["price_change_rate"]) == 0.02
    assert _csv("body_fields.csv") == [] and _csv("fulfilment.csv") == []


# ============================ pure formula functions ============================


class TestSavingsShare:
    def test_cap_not_binding(self):
        # 0.6^0.2 = exp(0.2 * ln 0.6) = exp(-0.102165) = 0.902880 -> 1 - 0.902880 = 0.097120 < 0.13
        got = ind.savings_share(60, 100, 0.2, 0.13, 1.0)
        assert got == pytest.approx(0.0971195486, rel=1e-8)

    def test_cap_binding(self):
        # (17587/399447)^0.2 = 0.5355 -> 1 - 0.5355 = 0.4645, capped at 0.13
        assert ind.savings_share(17587, 399447, 0.2, 0.13, 1.0) == pytest.approx(0.13, rel=EXACT)

    def test_round_numbers(self):
        # (1/4)^0.5 = 0.5 -> 1 - 0.5 = 0.5 < cap 0.6
        assert ind.savings_share(1, 4, 0.5, 0.6, 1.0) == pytest.approx(0.5, rel=EXACT)

    def test_pooling_factor_applies_after_the_cap(self):
        # raw 0.5, capped at 0.3, then 0.25 * 0.3 = 0.075 (not min(0.3, 0.25 * 0.5) = 0.125)
        assert ind.savings_share(1, 4, 0.5, 0.3, 0.25) == pytest.approx(0.075, rel=EXACT)

    def test_pool_without_cost_gives_zero(self):
        assert ind.savings_share(0, 0, 0.2, 0.13, 1.0) == 0.0

    def test_member_that_is_the_whole_pool_saves_nothing(self):
        # (100/100)^0.2 = 1 -> 0
        assert ind.savings_share(100, 100, 0.2, 0.4, 1.0) == pytest.approx(0.0, abs=1e-15)

    def test_member_without_cost_in_a_pool_gets_the_cap(self):
        # (0/100)^0.2 = 0 -> raw 1, capped at 0.25
        assert ind.savings_share(0, 100, 0.2, 0.25, 1.0) == pytest.approx(0.25, rel=EXACT)

    def test_arrays(self):
        # element-wise: [0.5 (raw 0.5 < 0.6), 0.6 (raw 1 - 1/3 = 0.667 capped), 0 (empty pool)]
        got = ind.savings_share([1, 1, 0], [4, 9, 0], 0.5, 0.6, 1.0)
        assert got == pytest.approx([0.5, 0.6, 0.0], rel=EXACT)


class TestNetSavings:
    def test_positive(self):
        # 703,480 (Holzwickede IT at the former 40 EUR/inh.) * (0.13 - 0.01) = 84,417.6
        assert ind.net_savings(703480, 0.13, 0.01) == pytest.approx(84417.6, rel=EXACT)

    def test_governance_cost_above_savings_is_a_loss(self):
        # 36,342 * (0 - 0.03) = -1,090.26
        assert ind.net_savings(36342, 0.0, 0.03) == pytest.approx(-1090.26, rel=EXACT)

    def test_arrays(self):
        # [1000 * (0.2 - 0.05), 2000 * (0.1 - 0.05)] = [150, 100]
        got = ind.net_savings([1000, 2000], [0.2, 0.1], 0.05)
        assert got == pytest.approx([150.0, 100.0], rel=EXACT)


class TestIkzGrant:
    def test_share_cap_binds_for_small_projects(self):
        # min(0.9 * 100,000 = 90,000, 175,000) = 90,000
        assert ind.ikz_grant(100000, 2, G0, G1, GMAX) == pytest.approx(90000, rel=EXACT)

    def test_amount_cap_binds_for_large_projects(self):
        # min(0.9 * 1,000,000 = 900,000, 175,000) = 175,000
        assert ind.ikz_grant(1_000_000, 2, G0, G1, GMAX) == pytest.approx(175000, rel=EXACT)

    def test_each_further_partner_adds(self):
        # 3 partners: 175,000 + 35,000 = 210,000; 11 partners: 175,000 + 9 * 35,000 = 490,000
        assert ind.ikz_grant(1_000_000, 3, G0, G1, GMAX) == pytest.approx(210000, rel=EXACT)
        assert ind.ikz_grant(1_000_000, 11, G0, G1, GMAX) == pytest.approx(490000, rel=EXACT)

    def test_both_caps_equal(self):
        # 0.9 * E = 175,000 <=> E = 194,444.44
        assert ind.ikz_grant(175000 / 0.9, 2, G0, G1, GMAX) == pytest.approx(175000, rel=EXACT)

    def test_arrays(self):
        # [min(45,000, 175,000), min(900,000, 210,000)]
        got = ind.ikz_grant([50000, 1_000_000], [2, 3], G0, G1, GMAX)
        assert got == pytest.approx([45000, 210000], rel=EXACT)


class TestOneOffCost:
    def test_share_of_remainder(self):
        # 0.25 * max(0, 100,000 - 90,000) = 2,500
        assert ind.one_off_cost(0.25, 100000, 90000) == pytest.approx(2500, rel=EXACT)

    def test_grant_above_cost_gives_zero_not_negative(self):
        # 0.5 * max(0, 1,000 - 2,000) = 0
        assert ind.one_off_cost(0.5, 1000, 2000) == 0.0

    def test_members_share_the_remainder(self):
        # weights 0.2 + 0.3 + 0.5 = 1 -> shares add up to E - G = 60,000
        got = ind.one_off_cost(np.array([0.2, 0.3, 0.5]), 100000, 40000)
        assert got == pytest.approx([12000, 18000, 30000], rel=EXACT)


class TestStaffingRelief:
    # R_m = w_m * min(sum_k FTE_k r_k, s_P * FTE_P)

    def test_savings_share_binds(self):
        # pool of 11.4111 FTE losing 0.297 of them: 3.3890967 FTE; it needs s_P = 0.13 fewer
        # posts: 0.13 * 11.4111 = 1.483443 < 3.389 -> member with w = 0.25: 0.37086075
        got = ind.staffing_relief(0.25, 0.297 * 11.4111, 0.13, 11.4111)
        assert got == pytest.approx(0.25 * 1.483443, rel=EXACT)
        assert got == pytest.approx(0.37086075, rel=EXACT)

    def test_departures_bind(self):
        # 10 FTE, 1 FTE leaves, but the pool could do without 0.3 * 10 = 3 posts:
        # only the 1 departure can stay empty -> w = 0.5: 0.5
        assert ind.staffing_relief(0.5, 1.0, 0.3, 10.0) == pytest.approx(0.5, rel=EXACT)

    def test_members_add_up_to_the_pool(self):
        # weights 0.2 + 0.3 + 0.5 = 1: the reliefs add up to min(2.4, 0.25 * 8) = 2.0
        got = ind.staffing_relief(np.array([0.2, 0.3, 0.5]), 2.4, 0.25, 8.0)
        assert got == pytest.approx([0.4, 0.6, 1.0], rel=EXACT)
        assert got.sum() == pytest.approx(2.0, rel=EXACT)

    def test_no_saving_no_relief(self):
        # a pool that saves nothing needs every post: min(3, 0 * 10) = 0
        assert ind.staffing_relief(1.0, 3.0, 0.0, 10.0) == 0.0

    def test_no_departures_no_relief(self):
        assert ind.staffing_relief(1.0, 0.0, 0.5, 10.0) == 0.0


class TestResilience:
    @pytest.mark.parametrize(
        ("team", "expected"),
        [(0.0, 0.0), (1.0, 0.5), (0.36342, 0.18171), (2.0, 1.0), (11.4111, 1.0)],
    )
    def test_values(self, team, expected):
        # min(1, T / 2)
        assert ind.resilience(team, 2.0) == pytest.approx(expected, rel=EXACT, abs=1e-15)


class TestTimeToImplement:
    def test_two_partners(self):
        # 6 + 4 * 7 / 30.4375 = 6 + 0.919918 = 6.919918 (no extra partner)
        assert ind.time_to_implement(6, 4, 2, 1.0) == pytest.approx(6.919917864, rel=EXACT)

    def test_docstring_rounding_of_a_month(self):
        # the docstring writes 7 / 30.44: 6 + 28/30.44 = 6.919842; same to 1e-4 months
        assert ind.time_to_implement(6, 4, 2, 1.0) == pytest.approx(6.919842, abs=1e-4)

    def test_eleven_partners(self):
        # 6 + 0.919918 + 1 * (11 - 2) = 15.919918
        assert ind.time_to_implement(6, 4, 11, 1.0) == pytest.approx(15.919917864, rel=EXACT)

    def test_no_approval(self):
        # Arbeitsgemeinschaft: 3 + 0 + 0; with 3 partners and 2 months each: 3 + 2 = 5
        assert ind.time_to_implement(3, 0, 2, 1.0) == pytest.approx(3.0, rel=EXACT)
        assert ind.time_to_implement(3, 0, 3, 2.0) == pytest.approx(5.0, rel=EXACT)

    def test_fewer_than_two_partners_adds_no_negative_time(self):
        # max(1 - 2, 0) = 0 -> 3 months, not 2
        assert ind.time_to_implement(3, 0, 1, 1.0) == pytest.approx(3.0, rel=EXACT)

    def test_migration_months_are_added(self):
        # IT under a mandate: 6 + 0.919918 + 0 + 12 = 18.919918
        got = ind.time_to_implement(6, 4, 2, 1.0, migration_months=12)
        assert got == pytest.approx(18.919917864, rel=EXACT)
        # the migration time is not shortened by ties: 3 partners, tau 1, theta 0.5:
        # 3 + 0 + 1 * 1 * (1 - 0.5) + 6 = 9.5
        got = ind.time_to_implement(3, 0, 3, 1.0, 1.0, 0.5, migration_months=6)
        assert got == pytest.approx(9.5, rel=EXACT)

    def test_migration_months_per_row(self):
        # [3 + 0 + 3, 3 + 0 + 12]
        got = ind.time_to_implement(3, 0, 2, 1.0, migration_months=[3, 12])
        assert got == pytest.approx([6.0, 15.0], rel=EXACT)


class TestControlKept:
    def test_lead_and_member(self):
        got = ind.control_kept([True, False, False], 1.0, [0.75, 0.75, 0.25])
        assert list(got) == [1.0, 0.75, 0.25]

    def test_by_votes_follows_the_vote_share(self):
        # min(1, v / 0.5): 0.1 -> 0.2, 0.25 -> 0.5, 0.5 -> 1, 0.8 -> 1 (capped)
        got = ind.control_kept(False, 1.0, 0.5, [0.1, 0.25, 0.5, 0.8], True)
        assert got == pytest.approx([0.2, 0.5, 1.0, 1.0], rel=EXACT)

    def test_forms_without_votes_keep_their_value(self):
        # by_votes False: the form's member value 0.75 whatever the share; the lead keeps 1
        got = ind.control_kept(
            [False, True, False], 1.0, 0.75, [0.1, 0.1, 0.4], [False, False, True]
        )
        assert got == pytest.approx([0.75, 1.0, 0.8], rel=EXACT)

    def test_without_vote_shares_the_old_rule(self):
        got = ind.control_kept([False, True], 1.0, 0.5, None, True)
        assert list(got) == [0.5, 1.0]


class TestUrgency:
    def test_overdue(self):
        # OZG was due 2022-12-31, long before 2026-11-25
        assert ind.urgency(dt.date(2022, 12, 31), REF, 36) == 1.0

    def test_at_in_force_date(self):
        assert ind.urgency(REF, REF, 36) == 1.0

    def test_one_day_before(self):
        # 1 - (1 / 30.4375) / 36 = 1 - 0.000913 = 0.999087
        got = ind.urgency(dt.date(2026, 11, 26), REF, 36)
        assert got == pytest.approx(1 - 1 / MONTH / 36, rel=EXACT)
        assert got == pytest.approx(0.999087, abs=1e-6)

    def test_one_year_before(self):
        # 365 days = 11.991786 months -> 1 - 11.991786/36 = 0.666895
        got = ind.urgency(dt.date(2027, 1, 1), dt.date(2026, 1, 1), 36)
        assert got == pytest.approx(0.6668948209, rel=EXACT)

    def test_egovg_3_seen_from_2016(self):
        # 2016-04-01 -> 2018-01-01 = 365 + 275 = 640 days = 21.026694 months
        # -> 1 - 21.026694/36 = 0.415925
        got = ind.urgency(dt.date(2018, 1, 1), dt.date(2016, 4, 1), 36)
        assert got == pytest.approx(0.4159251654, rel=EXACT)

    def test_exactly_at_the_horizon(self):
        # 2026-01-01 -> 2030-01-01 = 1461 days = 48.0 months; H = 48 -> 1 - 1 = 0
        assert ind.urgency(dt.date(2030, 1, 1), dt.date(2026, 1, 1), 48) == pytest.approx(
            0.0, abs=1e-12
        )
        # half the horizon: H = 96 -> 1 - 48/96 = 0.5
        assert ind.urgency(dt.date(2030, 1, 1), dt.date(2026, 1, 1), 96) == pytest.approx(
            0.5, rel=EXACT
        )

    def test_beyond_the_horizon_is_zero_not_negative(self):
        # 48 months ahead, H = 36 -> 1 - 48/36 < 0 -> clipped to 0
        assert ind.urgency(dt.date(2030, 1, 1), dt.date(2026, 1, 1), 36) == 0.0


class TestObligationPressure:
    def test_no_duties(self):
        assert ind.obligation_pressure([], [], []) == 0.0

    def test_all_weights_zero(self):
        assert ind.obligation_pressure([0, 0], [1, 1], [0, 0]) == 0.0

    def test_all_urgent_nothing_met(self):
        # (1*1*1 + 0.5*1*1) / 1.5 = 1
        assert ind.obligation_pressure([1, 0.5], [1, 1], [0, 0]) == pytest.approx(1, rel=EXACT)

    def test_fulfilment_reduces_pressure(self):
        # (1*1*(1-0.5) + 0.5*1*(1-0)) / 1.5 = 1/1.5 = 0.666667
        got = ind.obligation_pressure([1, 0.5], [1, 1], [0.5, 0])
        assert got == pytest.approx(2 / 3, rel=EXACT)
        # fully met: 0
        assert ind.obligation_pressure([1, 0.5], [1, 1], [1, 1]) == pytest.approx(0, abs=1e-15)

    def test_urgency_weighs_in(self):
        # (1*1 + 0.5*0.5) / 1.5 = 1.25/1.5 = 0.833333
        got = ind.obligation_pressure([1, 0.5], [1, 0.5], [0, 0])
        assert got == pytest.approx(1.25 / 1.5, rel=EXACT)

    def test_it_duties_seen_from_2016(self):
        # egovg_3 u = 0.415925 (see TestUrgency), ozg u = 0: (0.415925 + 0) / 2 = 0.207963
        got = ind.obligation_pressure([1, 1], [0.4159251654, 0.0], [0, 0])
        assert got == pytest.approx(0.2079625827, rel=EXACT)


class TestServiceQuality:
    # Q = phi * sum_d w_d u_d max(0, F_P,d - f_m,d) / sum_d w_d

    def test_no_duties(self):
        assert ind.service_quality([], [], [], [], 1.0) == 0.0

    def test_all_weights_zero(self):
        assert ind.service_quality([0, 0], [1, 1], [0, 0], [1, 1], 1.0) == 0.0

    def test_equal_fulfilment_gains_nothing(self):
        # nobody meets the duties (all 0, as on the embedded data): F_P = f_m -> 0
        assert ind.service_quality([1, 0.5], [1, 1], [0, 0], [0, 0], 1.0) == 0.0
        # all meet them half: still 0
        assert ind.service_quality([1, 0.5], [1, 1], [0.5, 0.5], [0.5, 0.5], 1.0) == 0.0

    def test_from_nothing_to_everything_is_one(self):
        # (1 * 1 * 1 + 0.5 * 1 * 1) / 1.5 = 1
        got = ind.service_quality([1, 0.5], [1, 1], [0, 0], [1, 1], 1.0)
        assert got == pytest.approx(1.0, rel=EXACT)

    def test_gain_per_duty(self):
        # (1 * 1 * (0.8 - 0.2) + 0.5 * 1 * (0.5 - 0.5)) / 1.5 = 0.6 / 1.5 = 0.4
        got = ind.service_quality([1, 0.5], [1, 1], [0.2, 0.5], [0.8, 0.5], 1.0)
        assert got == pytest.approx(0.4, rel=EXACT)

    def test_a_member_above_the_pool_loses_nothing(self):
        # max(0, 0.5 - 0.8) = 0: a better member is not scored down
        assert ind.service_quality([1], [1], [0.8], [0.5], 1.0) == 0.0

    def test_urgency_and_pooling_factor_weigh_in(self):
        # 0.25 * (1 * 0.5 * (1 - 0) + 1 * 1 * (0.4 - 0)) / 2 = 0.25 * 0.9 / 2 = 0.1125
        got = ind.service_quality([1, 1], [0.5, 1], [0, 0], [1, 0.4], 0.25)
        assert got == pytest.approx(0.1125, rel=EXACT)


# ================= indicator_table on the embedded dataset, recomputed =================


@pytest.fixture(scope="module")
def parts(dataset):
    return ind.indicator_parts(dataset, generate_options(dataset, REF), REF)


@pytest.fixture(scope="module")
def table(parts):
    return parts[0]


def _row(table, body, option):
    rows = table[(table["body"] == body) & (table["option"] == option)]
    assert len(rows) == 1, (body, option, len(rows))
    return rows.iloc[0]


def _check(row, expected):
    for column, value in expected.items():
        if isinstance(value, float):
            assert row[column] == pytest.approx(value, rel=EXACT, abs=1e-12), column
        else:
            assert row[column] == value, column


# it/oerv_mandat/froendenberg+holzwickede, by hand (field_parameters.csv it: 24 EUR/inh.,
# 1.65 FTE per 10,000, cap 0.13, personnel share 0.58, input-tax share 0.4):
#   C_h = 24 * 17,587 = 422,088        FTE_h = 1.65 * 1.7587 = 2.901855
#   C_f = 24 * 20,450 = 490,800        FTE_f = 1.65 * 2.0450 = 3.374250
#   C_P = 912,888                      FTE_P = 6.276105
#   Holzwickede: (17,587/38,037)^0.2 = 0.857032 -> raw 0.142968 -> capped at 0.13
#   Fröndenberg: (20,450/38,037)^0.2 = 0.883278 -> raw 0.116722 (cap does not bind)
#   lead = Fröndenberg (larger population, no county among the partners)
#   E = 0.5 * 912,888 + 10,000 = 466,444; G = min(0.9 * 466,444 = 419,799.6, 175,000) = 175,000
#   but the grant is not counted (grant_assumed 0; nor eligible: s_P = 0.1229 < 0.15), so the
#   one-off cost is w * E
#   turnover = Holzwickede's charge 422,088 * (1 - 0.13) = 367,216.56 (lead charges nothing)
#   VAT: it x oerv_mandat is taxable (vat_rules.csv), Holzwickede pays the lead and the
#   turnover is above 17,500: 0.19 * (1 - 0.4) * 367,216.56 = 41,862.688 a year in the steady
#   state; the lead Fröndenberg pays nothing
#   staffing relief, pool level: s_P = (0.13 * 422,088 + 0.116722 * 490,800) / 912,888
#     = (54,871.44 + 57,286.36) / 912,888 = 0.122861; the pool needs s_P * 6.276105 = 0.771090
#     posts fewer, fewer than the 0.297 * 6.276105 = 1.864003 who leave -> 0.771090 FTE,
#     shared by cost: Holzwickede 422,088/912,888, Fröndenberg 490,800/912,888
#   ties (cooperations.csv, only kind = aufgabe ties): the two are no longer tied, since
#   sparkasse_unnakamen is a shareholding (kind = beteiligung) and the VHS of Unna,
#   Fröndenberg and Holzwickede has the lead Unna, which ties Unna with each of them but not
#   the two with each other: tau = 0 -> kappa = 0.01; n = 2, so no negotiation term
KAPPA_IT = MANDAT["gov"] * (1 - THETA_G * 0.0)  # 0.01
C_H, C_F = IT["cpc"] * POP["holzwickede"], IT["cpc"] * POP["froendenberg"]
FTE_H = IT["fte10k"] * POP["holzwickede"] / 10_000
FTE_F = IT["fte10k"] * POP["froendenberg"] / 10_000
S_F = 1 - (20450 / 38037) ** 0.2  # 0.116722
IT_ELIGIBLE = 0.5 * (C_H + C_F) + 10000  # 466,444
S_P_IT = (0.13 * C_H + S_F * C_F) / (C_H + C_F)  # 0.122861
IT_POOL_RELIEF = min(LEAVING * (FTE_H + FTE_F), S_P_IT * (FTE_H + FTE_F))  # 0.771090
IT_VAT_H = VAT * (1 - IT_TAX["input_tax"]) * C_H * (1 - 0.13)  # 41,862.688
IT_OPTION = "it/oerv_mandat/froendenberg+holzwickede"


def test_hand_numbers_for_the_it_option():
    assert C_H == 422088 and C_F == 490800
    assert FTE_H == pytest.approx(2.901855) and FTE_F == pytest.approx(3.37425)
    assert S_F == pytest.approx(0.116722, abs=1e-6)
    assert 1 - (17587 / 38037) ** 0.2 > 0.13  # the cap binds for Holzwickede
    assert IT_ELIGIBLE == pytest.approx(466444)
    assert S_P_IT == pytest.approx(0.122861, abs=1e-6)
    # the saving share binds, not the departures
    assert IT_POOL_RELIEF == pytest.approx(0.771090, abs=1e-6)
    assert IT_POOL_RELIEF < LEAVING * 6.276105
    assert IT_VAT_H == pytest.approx(41862.688, abs=1e-3)


def test_member_row_holzwickede_it(table):
    row = _row(table, "holzwickede", IT_OPTION)
    _check(
        row,
        {
            "field": "it",
            "legal_form": "oerv_mandat",
            "partner_set": "froendenberg+holzwickede",
            "partners": "froendenberg;holzwickede",
            "lead": "froendenberg",
            "n_partners": 2,
            "is_lead": False,
            "estimated": True,
            "annual_cost": 422088.0,
            "fte": 2.901855,
            "savings_share": 0.13,
            "tie_share": 0.0,
            # 422,088 * (0.13 - 0.01) - 41,862.688 = 50,650.56 - 41,862.688 = 8,787.872
            "net_savings": 50650.56 - IT_VAT_H,
            # grant not counted: 466,444 * 17,587/38,037 = 215,667.66
            "one_off_cost": IT_ELIGIBLE * 17587 / 38037,
            # 422,088/912,888 * 0.771090 = 0.356526
            "staffing_relief": C_H / (C_H + C_F) * IT_POOL_RELIEF,
            # min(1, 6.276105/2) - min(1, 2.901855/2) = 1 - 1 = 0
            "resilience": 0.0,
            # 6 + 4 * 7/30.4375 + 1 * 0 + 12 months of IT migration = 18.919918
            "time_to_implement": 6 + 28 / MONTH + IT["migration"],
            "control_kept": 0.75,
            "turnover": 422088 * 0.87,
            # the form's § 108 GWB parameter
            "procurement_risk": MANDAT["proc"],
            # egovg_3 (2018) and ozg (2022) in force: u = 1, fulfilment 0 -> P = 1; x pooling 1
            "obligation_pressure": 1.0,
            # nobody has reported fulfilment (fulfilment.csv empty, default 0): F_P = f_m = 0
            "service_quality": 0.0,
            "vat_taxable": True,
            "grant_eligible": False,
        },
    )
    assert row["net_savings"] == pytest.approx(8787.872, abs=1e-3)
    assert row["one_off_cost"] == pytest.approx(215667.66, abs=0.01)
    assert row["staffing_relief"] == pytest.approx(0.356526, abs=1e-6)


def test_lead_row_froendenberg_it(table, parts):
    row = _row(table, "froendenberg", IT_OPTION)
    _check(
        row,
        {
            "lead": "froendenberg",
            "is_lead": True,
            "annual_cost": 490800.0,
            "fte": 3.37425,
            "savings_share": S_F,
            "tie_share": 0.0,
            # the lead is paid, pays no VAT: 490,800 * (0.116722 - 0.01) = 52,379.16
            "net_savings": 490800 * (S_F - KAPPA_IT),
            # 466,444 * 20,450/38,037 = 250,776.34
            "one_off_cost": IT_ELIGIBLE * 20450 / 38037,
            # 490,800/912,888 * 0.771090 = 0.414565
            "staffing_relief": C_F / (C_H + C_F) * IT_POOL_RELIEF,
            "resilience": 0.0,
            "time_to_implement": 6 + 28 / MONTH + IT["migration"],
            "control_kept": 1.0,
            "turnover": 422088 * 0.87,
            "procurement_risk": MANDAT["proc"],
            "obligation_pressure": 1.0,
            "service_quality": 0.0,
        },
    )
    assert row["net_savings"] == pytest.approx(52379.16, abs=0.1)
    assert row["staffing_relief"] == pytest.approx(0.414565, abs=1e-6)
    # the lead pays no VAT in any year
    flows, _ = _flows(parts, "froendenberg", IT_OPTION)
    assert not flows["vat"].any()


def test_it_option_reliefs_add_up_to_the_pool(table):
    got = sum(
        _row(table, b, IT_OPTION)["staffing_relief"] for b in ("holzwickede", "froendenberg")
    )
    assert got == pytest.approx(IT_POOL_RELIEF, rel=EXACT)


def _flows(parts, body, option):
    """The component arrays (years 0..H) of one (body, option) of indicator_parts."""
    _, flows, keys = parts
    rows = keys.index[(keys["body"] == body) & (keys["option"] == option)]
    assert len(rows) == 1, (body, option)
    return {name: values[rows[0]] for name, values in flows.components.items()}, flows


def test_it_option_vat_in_the_steady_state(parts):
    # from year 4 on the option is in its steady state: operating all year (T = 18.92 months,
    # so from 1.58 years on), ramp-up complete (year 4 is operating year ceil(4 - 1.58) = 3)
    # and departures have freed every unneeded post
    # (1 - 0.703^(t/10) >= 0.122861 from t = 10 * ln(0.877139)/ln(0.703) = 3.72). Holzwickede
    # then pays the lead phi C - s C = 367,216.56 * 1.02^t and owes 0.19 * (1 - 0.4) of it
    flows, _ = _flows(parts, "holzwickede", IT_OPTION)
    for year in (4, 5, 10):
        assert flows["vat"][year] == pytest.approx(-IT_VAT_H * 1.02**year, abs=0.01), year
        # and saves 0.13 * 422,088 = 54,871.44, 58 % of it on staff (it personnel_share)
        assert flows["savings_material"][year] == pytest.approx(
            0.42 * 0.13 * C_H * 1.02**year, abs=0.01
        )
        assert flows["savings_personnel"][year] == pytest.approx(
            0.58 * 0.13 * C_H * 1.02**year, abs=0.01
        )
        assert flows["governance"][year] == pytest.approx(-KAPPA_IT * C_H * 1.02**year, abs=0.01)
    # nothing is paid before operation starts (1.58 years in: years 0 and 1)
    for year in (0, 1):
        assert flows["vat"][year] == 0.0 and flows["savings_material"][year] == 0.0
    assert flows["savings_material"][2] > 0


def test_it_option_vat_only_from_the_binding_date(dataset):
    # reference 2016-04-01: the horizon of 10 years ends on 2026-04-01, before § 2b UStG binds
    # on 2027-01-01 -> no VAT in any year (although the rule makes it taxable)
    date = dt.date(2016, 4, 1)
    parts = ind.indicator_parts(dataset, generate_options(dataset, date), date)
    flows, _ = _flows(parts, "holzwickede", IT_OPTION)
    assert not flows["vat"].any()
    assert flows["savings_material"][5] > 0
    assert _row(parts[0], "holzwickede", IT_OPTION)["vat_npv"] == 0.0
    # reference 2025-06-02: operation starts 18.919918/12 = 1.576660 years in, § 2b binds
    # 213 + 365 = 578 days = 578/365.25 = 1.582478 years in. Of year 2's operating share
    # 2 - 1.576660 = 0.423340, the part 2 - 1.582478 = 0.417522 is taxed:
    # 0.417522/0.423340 = 0.986257 of the payment; from year 3 the whole payment
    date = dt.date(2025, 6, 2)
    parts = ind.indicator_parts(dataset, generate_options(dataset, date), date)
    flows, cash = _flows(parts, "holzwickede", IT_OPTION)
    row = parts[2].index[(parts[2]["body"] == "holzwickede") & (parts[2]["option"] == IT_OPTION)][
        0
    ]
    payment = cash.payment[row]
    assert (dt.date(2027, 1, 1) - date).days == 578
    taxed = (2 - 578 / 365.25) / (2 - (6 + 28 / MONTH + 12) / 12)
    assert taxed == pytest.approx(0.986257, abs=1e-6)
    # not operating in year 1: nothing paid, nothing taxed
    assert payment[1] == 0.0 and flows["vat"][1] == 0.0
    assert payment[2] > 0
    # VAT rate x (1 - it input_tax_share) = 0.19 * (1 - 0.4) = 0.114 of the payment
    assert flows["vat"][2] == pytest.approx(-0.114 * taxed * payment[2], abs=0.01)
    assert flows["vat"][3] == pytest.approx(-0.114 * payment[3], abs=0.01)
    # in the steady state the payment is phi C - s C at the year's prices
    assert payment[5] == pytest.approx(C_H * 0.87 * 1.02**5, abs=0.01)


def test_it_option_obligation_pressure_in_2016(dataset):
    # at 2016-04-01: u(egovg_3) = 1 - (640/30.4375)/36 = 0.415925, u(ozg, 2022-12-31) = 0
    # -> P = (0.415925 + 0) / 2 = 0.207963; x pooling factor 1
    date = dt.date(2016, 4, 1)
    t = ind.indicator_table(dataset, generate_options(dataset, date), date)
    row = _row(t, "holzwickede", IT_OPTION)
    assert row["obligation_pressure"] == pytest.approx((1 - 640 / MONTH / 36) / 2, rel=EXACT)
    assert row["obligation_pressure"] == pytest.approx(0.207963, abs=1e-6)
    # epayment duties at 2016-04-01 (fields.csv: egovg_bund_4;egovg_7;ozg; obligations.csv):
    # egovg_bund_4 (w 1, in force since 2013-08-01: u = 1), egovg_7 (w 0, 2019-01-01, 1005
    # days ahead: u = 1 - (1005/30.4375)/36 = 0.082820, but weight 0) and ozg (w 1, u = 0)
    # -> P = (1 * 1 + 0 * 0.082820 + 1 * 0) / (1 + 0 + 1) = 0.5;
    # Arbeitsgemeinschaft relieves a quarter of it: 0.125
    row = _row(t, "boenen", "epayment/arbeitsgemeinschaft/boenen+unna")
    u7 = 1 - 1005 / MONTH / 36
    assert row["obligation_pressure"] == pytest.approx(
        0.25 * (1 * 1 + 0 * u7 + 1 * 0) / (1 + 0 + 1), rel=EXACT
    )
    assert row["obligation_pressure"] == pytest.approx(0.125, rel=EXACT)


# epayment/arbeitsgemeinschaft/boenen+unna, by hand (field_parameters.csv epayment: 2 EUR/inh.,
# 0.14 FTE per 10,000, cap 0.10):
#   C_b = 2 * 18,239 = 36,478   FTE_b = 0.14 * 1.8239 = 0.255346
#   C_u = 2 * 60,223 = 120,446  C_P = 156,924
#   Bönen: 1 - (18,239/78,462)^0.2 = 1 - 0.746910 = 0.253090 -> cap 0.1; x 0.25 = 0.025
#   Unna:  1 - (60,223/78,462)^0.2 = 0.051537 < cap 0.1; x 0.25 = 0.012884
#   E = 0.25 * 0.3 * 156,924 + 0 = 11,769.30 (only the pooled quarter migrates)
#   the grant is not counted (grant_assumed 0): one-off cost w * E
#   ties: Unna is the lead of dsb_gemeinsam and Bönen a member -> the pair is tied, tau = 1;
#   kappa = 0.005 * (1 - 0.25) = 0.00375
#   no VAT: epayment x arbeitsgemeinschaft is not taxable (vat_rules.csv), and the form does
#   not transfer execution, so nobody pays anybody
#   staffing relief: FTE_P = 0.14 * (1.8239 + 6.0223) = 1.098468; s_P = (36,478 * 0.025 +
#   120,446 * 0.012884) / 156,924 = (911.95 + 1,551.84) / 156,924 = 0.015701; the pool
#   needs 0.015701 * 1.098468 = 0.017247 posts fewer (< 0.297 * 1.098468 = 0.326245 leaving);
#   Bönen's share 18,239/78,462 -> 0.004009
S_B = 0.25 * min(EPAY["cap"], 1 - (18239 / 78462) ** 0.2)
S_U = 0.25 * min(EPAY["cap"], 1 - (60223 / 78462) ** 0.2)
S_P_BU = (36478 * S_B + 120446 * S_U) / 156924


def test_member_row_boenen_epayment_arbeitsgemeinschaft(table):
    row = _row(table, "boenen", "epayment/arbeitsgemeinschaft/boenen+unna")
    _check(
        row,
        {
            "partners": "boenen;unna",
            "lead": "",
            "n_partners": 2,
            "is_lead": False,
            "annual_cost": 36478.0,
            "fte": 0.255346,
            "savings_share": S_B,
            "tie_share": 1.0,
            # 36,478 * (0.025 - 0.00375) = 775.16 (729.56 with kappa 0.005, untied)
            "net_savings": 36478 * (S_B - 0.00375),
            # 11,769.30 * 18,239/78,462 = 2,735.85
            "one_off_cost": 11769.3 * 18239 / 78462,
            # 18,239/78,462 * min(0.297, 0.015701) * 1.098468 = 0.004009
            "staffing_relief": 18239 / 78462 * min(0.297, S_P_BU) * 1.098468,
            # no transfer of execution: team = own staff -> gain 0
            "resilience": 0.0,
            # 3 + 0 + 0 + 3 months of ePayment migration
            "time_to_implement": 3.0 + EPAY["migration"],
            # the Arbeitsgemeinschaft has no bodies that vote: the form's value 1
            "control_kept": 1.0,
            # no lead: both members pay: 36,478 * (1 - 0.025) + 120,446 * (1 - 0.012884)
            "turnover": 36478 * (1 - S_B) + 120446 * (1 - S_U),
            # the form's § 108 GWB parameter: no award between the members, 0
            "procurement_risk": ARGE["proc"],
            "vat_taxable": False,
            "vat_npv": 0.0,
            # egovg_bund_4 and ozg in force (weight 1 each; egovg_7 weight 0), nothing met:
            # P = 1; x 0.25
            "obligation_pressure": 0.25,
            "service_quality": 0.0,
        },
    )
    assert row["savings_share"] == pytest.approx(0.025, abs=1e-12)
    assert row["net_savings"] == pytest.approx(775.16, abs=0.01)
    assert row["one_off_cost"] == pytest.approx(2735.85, abs=0.01)
    assert S_P_BU == pytest.approx(0.015701, abs=1e-6)
    assert row["staffing_relief"] == pytest.approx(0.004009, abs=1e-6)


# epayment/oerv_mandat/kreisweit, county as lead, by hand:
#   county volume = 0.2 * 399,447 = 79,889.4;  pool volume = 399,447 + 79,889.4 = 479,336.4
#   C_k = 2 * 79,889.4 = 159,778.8; FTE_k = 0.14 * 7.98894 = 1.118452; FTE_P = 6.710710
#   s_k = 1 - (79,889.4/479,336.4)^0.2 = 0.301173 -> cap 0.1 (epayment savings_cap)
#   E = 0.3 * 958,672.8 + 10,000 = 297,601.84 (the grant is not counted)
#   the lead county is paid and pays no VAT
#   staffing relief: the pool loses 0.297 * 6.710710 = 1.993081 staff and needs
#   s_P * 6.710710 posts fewer, s_P = sum_k s_k C_k / C_P over the county and the ten towns
#   ties (only kind = aufgabe cooperations tie): 20 of the C(11, 2) = 55 pairs are tied: the
#   county with all ten towns (foerderschulen_kreis), Unna, the lead of dsb_gemeinsam and
#   it_sicherheitsbeauftragter, with the other nine towns, and Kamen-Bönen
#   (vhs_kamen_boenen); the Sparkasse and GSW are shareholdings and tie nobody: tau = 20/55
#   kappa = 0.01 * (1 - 0.25 * 20/55) = 0.0090909; negotiation 1 * 9 * (1 - 0.5 * 20/55)
#   = 7.363636 months
TAU_ALL = 20 / 55
NEGOTIATION_ALL = 9 * (1 - THETA_T * TAU_ALL)  # 7.363636
KREIS_VOL = 0.2 * POP["kreis_unna"]
POOL_VOL = TOWNS_POP + KREIS_VOL


def test_lead_row_county_epayment_kreisweit(table):
    s_k = 1 - (KREIS_VOL / POOL_VOL) ** 0.2
    s_k = min(EPAY["cap"], s_k)
    town_shares = {t: min(0.1, 1 - (POP[t] / POOL_VOL) ** 0.2) for t in POP if t != "kreis_unna"}
    # costs are 2 EUR per unit of volume, so s_P = sum_k s_k V_k / V_P
    s_p = (s_k * KREIS_VOL + sum(s * POP[t] for t, s in town_shares.items())) / POOL_VOL
    pool_relief = min(0.297 * 6.7107096, s_p * 6.7107096)  # FTE_P = 0.14 * 47.93364
    row = _row(table, "kreis_unna", "epayment/oerv_mandat/kreisweit")
    _check(
        row,
        {
            "lead": "kreis_unna",
            "is_lead": True,
            "n_partners": 11,
            "annual_cost": 159778.8,
            "fte": 1.1184516,
            "savings_share": s_k,
            "tie_share": TAU_ALL,
            # 159,778.8 * (0.1 - 0.0090909) = 14,525.35
            "net_savings": 159778.8 * (s_k - 0.01 * (1 - THETA_G * TAU_ALL)),
            "one_off_cost": 297601.84 * KREIS_VOL / POOL_VOL,
            "staffing_relief": KREIS_VOL / POOL_VOL * pool_relief,
            # min(1, 6.710710/2) - min(1, 1.118452/2) = 1 - 0.559226 = 0.440774
            "resilience": 1 - 1.1184516 / 2,
            # 6 + 0.919918 + 9 * (1 - 0.5 * 20/55) + 3 = 17.283554 (18.919918 without ties)
            "time_to_implement": 6 + 28 / MONTH + NEGOTIATION_ALL + EPAY["migration"],
            "control_kept": 1.0,
            # the ten towns pay for their part; the lead county does not:
            # 2 * 399,447 * (1 - 0.1) = 719,004.6
            "turnover": sum(2 * POP[t] * (1 - s) for t, s in town_shares.items()),
            "procurement_risk": MANDAT["proc"],
            "obligation_pressure": 1.0,
            "vat_npv": 0.0,
        },
    )
    assert 1 - (KREIS_VOL / POOL_VOL) ** 0.2 == pytest.approx(0.301173, abs=1e-6)
    # with the cap of 0.1 every member saves 0.1, so s_P = 0.1 < 0.297: the saving share
    # binds for this pool, 0.1 * 6.710710 = 0.671071 (with the former cap 0.4 the towns
    # saved more than the departures freed and the departures bound)
    assert s_p == pytest.approx(0.1, rel=EXACT)
    assert s_p < 0.297 and pool_relief == pytest.approx(0.671071, abs=1e-6)
    assert row["turnover"] == pytest.approx(719004.6, abs=1e-6)
    assert row["net_savings"] == pytest.approx(14525.35, abs=0.01)
    assert row["resilience"] == pytest.approx(0.440774, abs=1e-6)
    assert row["time_to_implement"] == pytest.approx(17.283554, abs=1e-6)
    # the cap binds for every town, Lünen too: 1 - (87,266/479,336.4)^0.2 = 0.288719 > 0.1
    assert town_shares["holzwickede"] == 0.1 and town_shares["luenen"] == 0.1
    assert 1 - (POP["luenen"] / POOL_VOL) ** 0.2 == pytest.approx(0.288719, abs=1e-6)


# epayment/zweckverband/boenen+unna, by hand: the Verband decides by votes in its assembly
# (control_by_votes 1), weighed by the cost key:
#   w_b = 36,478/156,924 = 18,239/78,462 = 0.232456 -> min(1, 0.232456/0.5) = 0.464913
#   w_u = 60,223/78,462 = 0.767544 -> min(1, 1.535087) = 1
#   time: 18 + 4 * 7/30.4375 + 0 (two partners) + 3 = 21.919918
#   procurement risk 0.05 (a genuine transfer of the task, Remondis)
def test_zweckverband_control_by_votes(table):
    option = "epayment/zweckverband/boenen+unna"
    w_b = 18239 / 78462
    assert w_b == pytest.approx(0.232456, abs=1e-6)
    b, u = _row(table, "boenen", option), _row(table, "unna", option)
    for row in (b, u):
        assert row["lead"] == "" and not row["is_lead"]
        assert row["procurement_risk"] == ZWECKVERBAND["proc"]
        assert row["time_to_implement"] == pytest.approx(
            ZWECKVERBAND["months"] + 28 / MONTH + EPAY["migration"], rel=EXACT
        )
    assert b["control_kept"] == pytest.approx(w_b / 0.5, rel=EXACT)
    assert b["control_kept"] == pytest.approx(0.464913, abs=1e-6)
    assert u["control_kept"] == 1.0
    # not the form's fixed member value 0.5 any more
    assert b["control_kept"] != ZWECKVERBAND["ctl_member"]


def test_zweckverband_control_by_votes_county_wide(table):
    # kreisweit: nobody holds half of the votes, so c_m = 2 w_m and the members' control adds
    # up to 2; the county 2 * 79,889.4/479,336.4 = 1/3 (0.2 * P / 1.2 P), Holzwickede
    # 2 * 17,587/479,336.4 = 0.073381; time 18 + 0.919918 + 9 * (1 - 0.5 * 20/55) + 3
    # = 29.283554 (20 of 55 pairs tied, see the mandate above)
    rows = table[table["option"] == "epayment/zweckverband/kreisweit"].set_index("body")
    assert len(rows) == 11
    assert rows.loc["kreis_unna", "control_kept"] == pytest.approx(
        2 * KREIS_VOL / POOL_VOL, rel=EXACT
    )
    assert rows.loc["kreis_unna", "control_kept"] == pytest.approx(0.333333, abs=1e-6)
    assert rows.loc["holzwickede", "control_kept"] == pytest.approx(0.073381, abs=1e-6)
    assert rows["control_kept"].sum() == pytest.approx(2.0, rel=EXACT)
    np.testing.assert_allclose(
        rows["time_to_implement"], 18 + 28 / MONTH + NEGOTIATION_ALL + 3, rtol=EXACT
    )
    assert rows["time_to_implement"].iloc[0] == pytest.approx(29.283554, abs=1e-6)


# it/oerv_mandat/wie_gwa_sammlung (county, Bönen, Holzwickede, Kamen), by hand. Bönen's IT has
# been run by the county since 2013 (cooperations.csv it_boenen_zdv, scope full), so Bönen and
# the county start from their existing pool, C_base = C_k + C_b:
#   C_k = 24 * 0.2 * 399,447 = 1,917,345.6   C_b = 24 * 18,239 = 437,736
#   C_h = 24 * 17,587 = 422,088              C_kamen = 24 * 43,001 = 1,032,024
#   C_P = 3,809,193.6; C_base = 2,355,081.6 (the same ratios as before: cost is 24 EUR per
#   unit of volume for every member)
#   Bönen: 1 - (2,355,081.6/3,809,193.6)^0.2 = 1 - 0.908311 = 0.091689 (< 0.13)
#     (against its own cost it would be 1 - (437,736/3,809,193.6)^0.2 = 0.352 -> capped 0.13)
#   Holzwickede 422,088/3,809,193.6 and Kamen 1,032,024/3,809,193.6 -> raw 0.356, 0.230 -> 0.13
#   E = 1 * 0.5 * 3,809,193.6 + 10,000 = 1,914,596.8 (no grant: not counted, and not eligible
#     because the county and Bönen already cooperate in IT)
#   VAT on Bönen's payment: 0.19 * (1 - 0.4) * 437,736 * (1 - 0.091689) a year
#   staffing relief: FTE_P = 1.65 * (7.98894 + 1.8239 + 1.7587 + 4.3001) = 26.188206;
#   s_P = (0.091689 * 2,355,081.6 + 0.13 * 1,454,112) / 3,809,193.6 = 0.106314; the pool
#   needs s_P * FTE_P posts fewer (< 0.297 * FTE_P leaving); Bönen's share 437,736/3,809,193.6
#   ties (only kind = aufgabe cooperations tie): of the 6 pairs, 4 are tied: the county with
#   Bönen, Holzwickede and Kamen (foerderschulen_kreis, gwa_sammlung ...) and Bönen-Kamen
#   (vhs_kamen_boenen); Holzwickede-Kamen is no longer tied (sparkasse_unnakamen is a
#   shareholding), and Bönen-Holzwickede only share cooperations led by a third body
#   (gwa_sammlung, dsb_gemeinsam): tau = 4/6
#   kappa = 0.01 * (1 - 0.25 * 4/6) = 0.0083333; negotiation 1 * 2 * (1 - 0.5 * 4/6) = 1.3333
TAU_GWA = 4 / 6
C_GWA = {
    "kreis_unna": 24 * 0.2 * 399447,  # it cost_per_capita x kreis_share x county population
    "boenen": 437736,
    "holzwickede": 422088,
    "kamen": 1032024,
}


def test_existing_pool_is_the_baseline(table):
    pool = sum(C_GWA.values())
    base = C_GWA["kreis_unna"] + C_GWA["boenen"]
    assert pool == pytest.approx(3809193.6) and base == pytest.approx(2355081.6)
    s_b = 1 - (base / pool) ** 0.2
    assert s_b == pytest.approx(0.091689, abs=1e-6)
    fte_p = 1.65 * (7.98894 + 1.8239 + 1.7587 + 4.3001)
    assert fte_p == pytest.approx(26.188206, abs=1e-6)
    s_p = (s_b * base + 0.13 * (C_GWA["holzwickede"] + C_GWA["kamen"])) / pool
    assert s_p == pytest.approx(0.106314, abs=1e-6)
    assert s_p < 0.297
    option = "it/oerv_mandat/wie_gwa_sammlung"
    row = _row(table, "boenen", option)
    _check(
        row,
        {
            "lead": "kreis_unna",
            "is_lead": False,
            "annual_cost": 437736.0,
            "savings_share": s_b,
            "tie_share": TAU_GWA,
            # net savings stay on the body's own cost: 437,736 * (0.091689 - 0.0083333),
            # less the VAT on its payment 0.19 * 0.6 * 437,736 * (1 - 0.091689):
            # 36,487.61 - 45,326.29 = -8,838.68
            "net_savings": 437736 * (s_b - 0.01 * (1 - 0.25 * TAU_GWA))
            - VAT * (1 - IT_TAX["input_tax"]) * 437736 * (1 - s_b),
            "one_off_cost": 1914596.8 * 437736 / pool,
            "staffing_relief": 437736 / pool * s_p * fte_p,
            # pool 26.2 FTE and baseline 1.65 * (7.98894 + 1.8239) = 16.2 FTE:
            # both resilient -> 1 - 1 = 0
            "resilience": 0.0,
            # 6 + 0.919918 + 2 * (1 - 0.5 * 4/6) + 12 = 20.253251 (20.919918 without ties)
            "time_to_implement": 6 + 28 / MONTH + 2 * (1 - 0.5 * TAU_GWA) + IT["migration"],
            "control_kept": 0.75,
            # non-lead members pay: Bönen (1 - 0.091689), Holzwickede and Kamen (1 - 0.13)
            "turnover": 437736 * (1 - s_b) + (422088 + 1032024) * 0.87,
            "procurement_risk": MANDAT["proc"],
            "obligation_pressure": 1.0,
            "grant_eligible": False,
        },
    )
    # the lead county shares the same baseline
    assert row["net_savings"] == pytest.approx(-8838.68, abs=0.01)
    assert row["time_to_implement"] == pytest.approx(20.253251, abs=1e-6)
    lead = _row(table, "kreis_unna", option)
    assert lead["is_lead"]
    assert lead["savings_share"] == pytest.approx(s_b, rel=EXACT)
    k = C_GWA["kreis_unna"]
    assert lead["staffing_relief"] == pytest.approx(k / pool * s_p * fte_p, rel=EXACT)
    # the lead performs the task: no VAT, its own savings share less the governance share
    assert lead["net_savings"] == pytest.approx(k * (s_b - 0.01 * (1 - 0.25 * TAU_GWA)), rel=EXACT)
    # Holzwickede has no existing IT pool: its own cost is its baseline -> cap 0.13
    assert _row(table, "holzwickede", option)["savings_share"] == pytest.approx(0.13, rel=EXACT)


def _small_with_cooperation(tmp_path, line):
    folder = tmp_path / "small"
    shutil.copytree(SMALL, folder)
    with (folder / "cooperations.csv").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    d = load_dataset(folder)
    return ind.indicator_table(
        d, generate_options(d, d.meta.reference_date), d.meta.reference_date
    )


def test_existing_pool_baseline_in_the_small_dataset(tmp_path):
    # kreis_x and stadt_b already pool ePayment (full scope, no start date):
    #   baseline of both: C = 70,000 + 14,000 = 84,000, FTE = 4.0 + 0.8 = 4.8
    #   kreisweit oerv_mandat: C_P = 105,000, FTE_P = 6.0
    #   stadt_b: s = 1 - sqrt(84,000/105,000) = 1 - 0.894427 = 0.105573 (not the cap 0.5)
    #            resilience = rho(max(6.0, 4.8)) - rho(4.8) = 1 - 1 = 0 (not 0.6)
    #   stadt_a: unchanged, s = 0.5 (cap), resilience 1 - 1.2/2 = 0.4
    #   turnover = 21,000 * 0.5 + 14,000 * (1 - 0.105573) = 10,500 + 12,521.98 = 23,021.98
    #     > 17,500 (it was 17,500, at the limit): the taxable mandate now costs stadt_b VAT,
    #     0.19 * (1 - 0.25) * 12,521.98 = 1,784.38 a year
    #   the grant is not eligible: kreis_x and stadt_b already cooperate in the field
    t = _small_with_cooperation(
        tmp_path, "pool_kb,Pool K+B,epay,oerv_mandat,kreis_x;stadt_b,kreis_x,,full,test"
    )
    s_b = 1 - 0.8**0.5
    b = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["savings_share"] == pytest.approx(s_b, rel=EXACT)
    vat = 0.19 * (1 - 0.25) * 14000 * (1 - s_b)
    assert vat == pytest.approx(1784.38, abs=0.01)
    assert b["net_savings"] == pytest.approx(14000 * (s_b - 0.01) - vat, rel=EXACT)
    assert b["resilience"] == pytest.approx(0.0, abs=1e-12)
    assert b["turnover"] == pytest.approx(10500 + 14000 * (1 - s_b), rel=EXACT)
    assert b["vat_npv"] < 0
    assert not b["grant_eligible"]
    k = _row(t, "kreis_x", "epay/oerv_mandat/kreisweit")
    assert k["savings_share"] == pytest.approx(s_b, rel=EXACT)
    a = _row(t, "stadt_a", "epay/oerv_mandat/kreisweit")
    assert a["savings_share"] == pytest.approx(0.5, rel=EXACT)
    assert a["resilience"] == pytest.approx(0.4, rel=EXACT)
    # the existing pair (kreis_x+stadt_b: bereits_verwirklicht) and the set that would take
    # stadt_b from its lead (stadt_a+stadt_b: bestehende_kooperation_teilen) are no options;
    # the lead kreis_x itself may pool the field with stadt_a (lead-aware rule of
    # potential/knockout.py: "The lead itself may pool the field with other bodies")
    assert set(t["option"]) == {
        "alleingang",
        "epay/oerv_mandat/kreisweit",
        "epay/gmbh/kreisweit",
        "epay/oerv_mandat/kreis_x+stadt_a",
        "epay/gmbh/kreis_x+stadt_a",
    }


def test_existing_pool_not_yet_in_force_is_no_baseline(tmp_path):
    # same pool, but it starts after the reference date 2027-06-01: no effect, stadt_b keeps
    # the cap 0.5 and the resilience gain 1 - 0.8/2 = 0.6 in kreisweit
    t = _small_with_cooperation(
        tmp_path, "pool_kb,Pool K+B,epay,oerv_mandat,kreis_x;stadt_b,kreis_x,2027-06-02,full,test"
    )
    b = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["savings_share"] == pytest.approx(0.5, rel=EXACT)
    assert b["resilience"] == pytest.approx(0.6, rel=EXACT)
    assert "epay/oerv_mandat/stadt_a+stadt_b" in set(t["option"])


def test_stand_alone_rows(table, dataset):
    alone = table[table["option"] == "alleingang"]
    assert list(alone["body"]) == list(POP)
    assert (alone["field"] == "").all() and (alone["legal_form"] == "").all()
    assert (alone["lead"] == "").all()
    assert list(alone["partners"]) == list(POP)
    assert (alone["n_partners"] == 1).all()
    assert not alone["is_lead"].any()
    for column in (
        "net_savings",
        "one_off_cost",
        "staffing_relief",
        "resilience",
        "time_to_implement",
        "procurement_risk",
        "obligation_pressure",
        "service_quality",
        "npv",
        "npv_per_capita",
        "annuity",
        "max_burden",
        "burden_per_capita",
        "vat_npv",
    ):
        assert (alone[column] == 0.0).all(), column
    assert (alone["control_kept"] == 1.0).all()


def test_table_layout(table, dataset):
    options = generate_options(dataset, REF)
    # one stand-alone row per body plus one row per member of each option
    assert len(table) == 11 + options["n_partners"].sum()
    assert set(ind.INDICATORS) <= set(table.columns)
    # bodies in dataset order, each block opening with its stand-alone row
    order = list(POP)
    firsts = table.groupby("body", sort=False).head(1)
    assert list(firsts["body"]) == order
    assert (firsts["option"] == "alleingang").all()
    positions = table["body"].map(order.index)
    assert positions.is_monotonic_increasing
    # every row of an option shares its turnover; exactly one lead per option with a lead
    opt_rows = table[table["option"] != "alleingang"]
    assert (opt_rows.groupby("option")["turnover"].nunique() == 1).all()
    leads = opt_rows[opt_rows["lead"] != ""].groupby("option")["is_lead"].sum()
    assert (leads == 1).all()
    assert not opt_rows[opt_rows["lead"] == ""]["is_lead"].any()


def test_staffing_relief_adds_up_to_the_pool_in_every_option(table):
    # recomputed per option from the members' columns: sum_k R_k = min(0.297 * FTE_P,
    # s_P * FTE_P) with s_P = sum_k s_k C_k / C_P (every leaving share is 0.297: no
    # body_fields.csv); the ten-year departures bind where s_P > 0.297
    rows = table[table["option"] != "alleingang"]
    for option, members in rows.groupby("option"):
        fte = members["fte"].sum()
        s_p = (members["savings_share"] * members["annual_cost"]).sum() / members[
            "annual_cost"
        ].sum()
        expected = min(LEAVING * fte, s_p * fte)
        assert members["staffing_relief"].sum() == pytest.approx(expected, rel=1e-9), option
        # and each member gets its cost share of it
        weights = members["annual_cost"] / members["annual_cost"].sum()
        assert members["staffing_relief"].to_numpy() == pytest.approx(
            (weights * expected).to_numpy(), rel=1e-9, abs=1e-12
        ), option


def test_county_wide_it_pool_relief_as_the_review_expects(table):
    # Retargeted: it/oerv_mandat/kreisweit no longer exists (every IT option with Schwerte is
    # excluded by austritt_unbekannt: Schwerte's IT is with Südwestfalen-IT, it_schwerte_sit).
    # The largest IT pool is now the ten bodies without Schwerte, it/oerv_mandat/
    # wie_kreistierheim (cooperations.csv kreistierheim: the county and the nine other towns):
    # volume 0.2 * 399,447 + 399,447 - 46,571 = 432,765.4, so
    # FTE_P = 1.65 * 432,765.4 / 10,000 = 71.406291 (method.md 4.3: 71.41 VZÄ).
    #   Counted member by member (the former model) the departures were
    #   0.297 * 71.406291 = 21.208 FTE, more than the pool can leave empty.
    #   Every member saves the cap 0.13: the largest baseline share is that of the county and
    #   Bönen, who start from their IT pool, (79,889.4 + 18,239)/432,765.4 = 0.226746 ->
    #   1 - 0.226746^0.2 = 0.2434 > 0.13 (Lünen, the largest town, 87,266/432,765.4 ->
    #   0.2735 > 0.13), so s_P = 0.13 and the pool needs 0.13 * 71.406291 = 9.283 posts fewer
    #   (method.md 4.3: 9.28 VZÄ).
    option = "it/oerv_mandat/wie_kreistierheim"
    rows = table[table["option"] == option]
    assert len(rows) == 10
    assert "schwerte" not in set(rows["body"])
    vol = TOWNS_POP - POP["schwerte"] + 0.2 * POP["kreis_unna"]
    assert vol == pytest.approx(432765.4, rel=EXACT)
    fte_p = 1.65 * vol / 10_000
    assert fte_p == pytest.approx(71.406291, rel=EXACT)
    assert rows["fte"].sum() == pytest.approx(fte_p, rel=EXACT)
    assert 1 - ((0.2 * POP["kreis_unna"] + POP["boenen"]) / vol) ** 0.2 > 0.13
    np.testing.assert_allclose(rows["savings_share"], 0.13, rtol=EXACT)
    assert LEAVING * fte_p == pytest.approx(21.208, abs=1e-3)
    assert rows["staffing_relief"].sum() == pytest.approx(0.13 * fte_p, rel=EXACT)
    assert round(rows["staffing_relief"].sum(), 2) == 9.28
    # each member its cost share: Lünen 24 * 87,266 / (24 * 432,765.4)
    luenen = rows[rows["body"] == "luenen"].iloc[0]
    assert luenen["staffing_relief"] == pytest.approx(87266 / vol * 0.13 * fte_p, rel=EXACT)


def test_per_capita_indicators(table):
    pop = table["body"].map(POP)
    assert table["npv_per_capita"].to_numpy() == pytest.approx((table["npv"] / pop).to_numpy())
    assert table["burden_per_capita"].to_numpy() == pytest.approx(
        (table["max_burden"] / pop).to_numpy()
    )
    assert (table["max_burden"] >= 0).all()


# ================= small fixture dataset (tests/data/indicators/small) =================
# kreis_x 40,000 inh. (volume 0.5 * 40,000 = 20,000), stadt_a 6,000, stadt_b 4,000
# field epay: 3.5 EUR/inh., 2 FTE per 10,000, cap 0.5, beta 0.5, one-off 0.3, kreis_share 0.5,
#   personnel share 0.5, input-tax share 0.25
#   C: kreis 70,000, a 21,000, b 14,000; FTE: kreis 4.0, a 1.2, b 0.8
# reference date 2027-06-01 (§ 2b binds); duty_now (w 0.5, 2020) and duty_soon (w 1, 2028-06-01)
# default_fulfilment 0.2; stadt_a meets duty_now to 0.5; leaving share 0.3
# economics (parameters.csv): horizon 10, rate 0.05, prices constant, full savings from the
#   first operating year, 3 months of double running, VAT 19 %, grant counted (at least
#   5 years and 15 % savings); vat_rules.csv: epay x oerv_mandat taxable; the GmbH (no rule,
#   not public law) is taxable too
# kreisweit: pool C = 105,000, FTE 6.0
#   kreis_x (lead): s = 1 - sqrt(70,000/105,000) = 1 - 0.816497 = 0.183503
#   a: 1 - sqrt(21,000/105,000) = 1 - 0.447214 = 0.552786 -> cap 0.5
#   b: 1 - sqrt(14,000/105,000) = 1 - 0.365148 = 0.634852 -> cap 0.5
#   s_P = (70,000 * 0.183503 + 21,000 * 0.5 + 14,000 * 0.5) / 105,000 = 30,345.24 / 105,000
#       = 0.289002 (>= 0.15: the grant's savings condition holds)
#   staffing: 6.0 * 0.3 = 1.8 leave, the pool needs 0.289002 * 6.0 = 1.734014 posts fewer
#   E = 0.3 * 105,000 + 10,000 = 41,500; G = min(37,350, 175,000 + 35,000) = 37,350 (G/E 0.9)


@pytest.fixture(scope="module")
def small_parts():
    d = load_dataset(SMALL)
    return ind.indicator_parts(
        d, generate_options(d, d.meta.reference_date), d.meta.reference_date
    )


@pytest.fixture(scope="module")
def small(small_parts):
    return small_parts[0]


U_SOON = 1 - 366 / MONTH / 36  # 2027-06-01 -> 2028-06-01 = 366 days (leap day) -> 0.665982
S_K = 1 - (2 / 3) ** 0.5  # 0.183503
S_P_SMALL = (70000 * S_K + 21000 * 0.5 + 14000 * 0.5) / 105000  # 0.289002
KREISWEIT = "epay/oerv_mandat/kreisweit"


def _small_copy(tmp_path, replace=None, body_fields=()):
    """The small fixture in ``tmp_path`` with parameters.csv edited, its indicator parts."""
    folder = tmp_path / "small"
    shutil.copytree(SMALL, folder)
    path = folder / "parameters.csv"
    text = path.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    if body_fields:
        lines = ["body,field,annual_cost_eur,fte,leaving_share,source", *body_fields]
        (folder / "body_fields.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    d = load_dataset(folder)
    return ind.indicator_parts(
        d, generate_options(d, d.meta.reference_date), d.meta.reference_date
    )


def test_small_inputs():
    inputs = ind.body_field_inputs(load_dataset(SMALL)).set_index("body")
    assert inputs.loc["kreis_x", "annual_cost"] == pytest.approx(70000, rel=EXACT)  # 3.5*20,000
    assert inputs.loc["kreis_x", "fte"] == pytest.approx(4.0, rel=EXACT)  # 2 * 20,000/10,000
    assert inputs.loc["stadt_a", "annual_cost"] == pytest.approx(21000, rel=EXACT)
    assert inputs.loc["stadt_b", "fte"] == pytest.approx(0.8, rel=EXACT)
    assert (inputs["leaving_share"] == 0.3).all()
    assert S_P_SMALL == pytest.approx(0.289002, abs=1e-6)


def test_small_deminimis_exactly_at_the_limit(small, small_parts):
    # kreisweit mandate: turnover = 21,000 * 0.5 + 14,000 * 0.5 = 17,500 = the limit, so the
    # public-law provider owes no VAT although the rule makes the mandate taxable and § 2b
    # binds (2027-06-01); stadt_b keeps 14,000 * (0.5 - 0.01) = 6,860
    for body in ("kreis_x", "stadt_a", "stadt_b"):
        row = _row(small, body, KREISWEIT)
        assert row["turnover"] == pytest.approx(17500, rel=EXACT)
        assert row["vat_taxable"]
        assert row["vat_npv"] == 0.0
        flows, _ = _flows(small_parts, body, KREISWEIT)
        assert not flows["vat"].any()
        assert row["procurement_risk"] == 0.25
        # the GmbH is no public-law body: the limit does not help
        gmbh = _row(small, body, "epay/gmbh/kreisweit")
        assert gmbh["vat_taxable"] and gmbh["vat_npv"] < 0
        assert gmbh["procurement_risk"] == 0.25
    assert _row(small, "stadt_b", KREISWEIT)["net_savings"] == pytest.approx(6860, rel=EXACT)


def test_small_gmbh_pays_vat(small, small_parts):
    # GmbH kreisweit: no lead, every member pays phi C - s C; stadt_b pays 14,000 - 7,000 =
    # 7,000 a year in the steady state and owes 0.19 * (1 - 0.25) * 7,000 = 997.5 of VAT:
    # net savings 14,000 * (0.5 - 0.04) - 997.5 = 6,440 - 997.5 = 5,442.5
    row = _row(small, "stadt_b", "epay/gmbh/kreisweit")
    assert row["net_savings"] == pytest.approx(5442.5, rel=EXACT)
    # the county pays too: 70,000 * (0.183503 - 0.04) - 0.1425 * 70,000 * (1 - 0.183503)
    k = _row(small, "kreis_x", "epay/gmbh/kreisweit")
    assert k["net_savings"] == pytest.approx(
        70000 * (S_K - 0.04) - 0.1425 * 70000 * (1 - S_K), rel=EXACT
    )
    # year by year: the GmbH takes 18 + 0 + 1 = 19 months, so year 2 is the first operating
    # year. In year 10 departures have freed all unneeded posts (1 - 0.7 = 0.3 >= 0.289002),
    # so the payment is 7,000 and the VAT 997.5; in year 5 only L_5 = (1 - 0.7^0.5)/0.289002
    # of the personnel saving 3,500 is realised, the payment is 14,000 - 3,500 - 3,500 L_5
    flows, _ = _flows(small_parts, "stadt_b", "epay/gmbh/kreisweit")
    assert flows["vat"][10] == pytest.approx(-997.5, abs=0.005)
    l5 = (1 - 0.7**0.5) / S_P_SMALL
    assert l5 == pytest.approx(0.565186, abs=1e-6)
    assert flows["vat"][5] == pytest.approx(-0.1425 * (14000 - 3500 - 3500 * l5), abs=0.005)
    assert flows["vat"][1] == 0.0  # not operating yet


def test_small_deminimis_just_below_turnover(tmp_path):
    # lower the limit to 17,499.99: turnover 17,500 is above it, the mandate's payers owe VAT:
    # stadt_b 0.19 * (1 - 0.25) * (14,000 - 7,000) = 997.5 a year -> 6,860 - 997.5 = 5,862.5
    table, _, _ = _small_copy(
        tmp_path, {"vat_deminimis_eur,17500,": "vat_deminimis_eur,17499.99,"}
    )
    row = _row(table, "stadt_b", KREISWEIT)
    assert row["net_savings"] == pytest.approx(5862.5, rel=EXACT)
    assert row["vat_npv"] < 0
    # the lead is paid and pays nothing
    lead = _row(table, "kreis_x", KREISWEIT)
    assert lead["net_savings"] == pytest.approx(70000 * (S_K - 0.01), rel=EXACT)
    assert lead["vat_npv"] == 0.0


def _small_member_flows():
    """stadt_b in the kreisweit mandate, year by year (years 0..10), worked out by hand.

    T = 7.919918 months = 0.659993 years: operating share f_1 = 1 - 0.659993 = 0.340007,
    f_t = 1 from year 2. Full savings from the first operating year; the personnel half
    only as staff leave: L_t = min(1, (1 - 0.7^(t/10)) / 0.289002). w = 14,000/105,000 = 2/15.
    """
    impl = (7 + 28 / MONTH) / 12
    f = [0.0, 1 - impl] + [1.0] * 9
    leave = [min(1.0, (1 - 0.7 ** (t / 10)) / S_P_SMALL) for t in range(11)]
    w = 14000 / 105000
    z = []
    for t in range(11):
        material = 0.5 * 0.5 * 14000 * f[t]  # (1 - pi) s C f_t
        personnel = 0.5 * 0.5 * 14000 * leave[t] * f[t]  # pi s C min(1, L_t) f_t
        governance = -0.01 * 14000 * f[t]
        setup = -w * 10000 if t == 0 else 0.0  # -1,333.33
        migration = -w * 0.3 * 105000 if t == 1 else 0.0  # -4,200, all 7.92 months in year 1
        double = -3 / 12 * 14000 if t == 1 else 0.0  # -3,500 in the first operating year
        grant = -0.9 * (setup + migration)  # G/E = 37,350/41,500 = 0.9, in step
        z.append(material + personnel + governance + setup + migration + double + grant)
    return z


def test_small_member_row(small):
    z = _small_member_flows()
    npv = sum(z_t / 1.05**t for t, z_t in enumerate(z))
    row = _row(small, "stadt_b", KREISWEIT)
    _check(
        row,
        {
            "lead": "kreis_x",
            "is_lead": False,
            "savings_share": 0.5,
            # 14,000 * (0.5 - 0.01) = 6,860 (no VAT at the de-minimis limit)
            "net_savings": 6860.0,
            # E = 41,500, G = 37,350: 4,150 * 14,000/105,000 = 553.33
            "one_off_cost": 4150 * 14000 / 105000,
            # 14,000/105,000 * min(1.8, 1.734014) = 0.231202
            "staffing_relief": 14000 / 105000 * min(1.8, S_P_SMALL * 6.0),
            # team = pool FTE 6.0 -> 1; own 0.8/2 = 0.4 -> gain 0.6
            "resilience": 0.6,
            # 6 + 0.919918 + 1 * (3 - 2)
            "time_to_implement": 7 + 28 / MONTH,
            "control_kept": 0.75,
            "procurement_risk": 0.25,
            # (0.5 * 1 * (1 - 0.2) + 1 * 0.665982 * (1 - 0.2)) / 1.5 = 0.621857
            "obligation_pressure": (0.5 * 0.8 + U_SOON * 0.8) / 1.5,
            "grant_eligible": True,
        },
    )
    assert row["obligation_pressure"] == pytest.approx(0.621857, abs=1e-6)
    assert row["staffing_relief"] == pytest.approx(0.231202, abs=1e-6)
    # the Kapitalwert at 5 %: the amounts are rounded to the cent, so allow a few cents
    assert row["npv"] == pytest.approx(npv, abs=0.05)
    assert row["npv_per_capita"] == pytest.approx(npv / 4000, abs=1e-5)
    # annuity factor 0.05 * 1.05^10 / (1.05^10 - 1) = 0.129505
    assert row["annuity"] == pytest.approx(npv * 0.05 * 1.05**10 / (1.05**10 - 1), abs=0.01)
    # the worst year is year 1 (migration and double running), net of the grant
    assert row["max_burden"] == pytest.approx(-min(z), abs=0.02)
    assert min(z) == z[1]
    assert row["burden_per_capita"] == pytest.approx(-z[1] / 4000, abs=1e-5)
    # dynamic payback: the first year from which the cumulative present value stays >= 0
    cumulative = np.cumsum([z_t / 1.05**t for t, z_t in enumerate(z)])
    negative = [t for t in range(11) if cumulative[t] < 0]
    assert row["payback_year"] == negative[-1] + 1
    # the grant is counted (grant_assumed 1), so with and without it coincide
    assert row["npv_with_grant"] == pytest.approx(row["npv"], abs=1e-9)


def test_small_member_row_without_the_grant(tmp_path):
    # grant switched off by the dataset: one-off cost w * E = 41,500 * 2/15 = 5,533.33 and the
    # Kapitalwert loses the grant's present value 0.9 * (1,333.33 + 4,200 / 1.05)
    table, _, _ = _small_copy(tmp_path, {"grant_assumed,1,": "grant_assumed,0,"})
    row = _row(table, "stadt_b", KREISWEIT)
    assert row["one_off_cost"] == pytest.approx(41500 * 14000 / 105000, rel=EXACT)
    z = _small_member_flows()
    npv = sum(z_t / 1.05**t for t, z_t in enumerate(z))
    grant_pv = 0.9 * (14000 / 105000 * 10000 + 4200 / 1.05)
    assert row["npv"] == pytest.approx(npv - grant_pv, abs=0.05)
    # still eligible: npv_with_grant shows what counting it would give
    assert row["grant_eligible"]
    assert row["npv_with_grant"] == pytest.approx(npv, abs=0.05)


def test_small_lead_row(small):
    row = _row(small, "kreis_x", KREISWEIT)
    _check(
        row,
        {
            "is_lead": True,
            "savings_share": S_K,
            "net_savings": 70000 * (S_K - 0.01),
            "one_off_cost": 4150 * 70000 / 105000,
            # 70,000/105,000 * 1.734014 = 1.156009
            "staffing_relief": 70000 / 105000 * S_P_SMALL * 6.0,
            # own 4.0 FTE is already resilient: 1 - 1 = 0
            "resilience": 0.0,
            "control_kept": 1.0,
            "obligation_pressure": (0.5 * 0.8 + U_SOON * 0.8) / 1.5,
        },
    )
    assert row["net_savings"] == pytest.approx(12145.24, abs=0.01)


def test_small_reliefs_add_up_to_the_pool(small):
    # w = 2/3 + 1/5 + 2/15 = 1: the members' reliefs add up to the pool's 1.734014
    got = sum(
        _row(small, b, KREISWEIT)["staffing_relief"] for b in ("kreis_x", "stadt_a", "stadt_b")
    )
    assert got == pytest.approx(S_P_SMALL * 6.0, rel=EXACT)
    assert got == pytest.approx(1.734014, abs=1e-6)


def test_small_fulfilment_reduces_pressure(small):
    # stadt_a meets duty_now to 0.5 (fulfilment.csv), duty_soon to the default 0.2:
    # (0.5 * 1 * 0.5 + 1 * 0.665982 * 0.8) / 1.5 = (0.25 + 0.532786) / 1.5 = 0.521857
    row = _row(small, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    assert row["obligation_pressure"] == pytest.approx((0.5 * 0.5 + U_SOON * 0.8) / 1.5, rel=EXACT)
    assert row["obligation_pressure"] == pytest.approx(0.521857, abs=1e-6)


def test_small_service_quality(small):
    # fulfilment: stadt_a meets duty_now to 0.5, every other (body, duty) to the default 0.2.
    # In kreisweit the pool meets duty_now as stadt_a does, F_P = (0.5, 0.2) for (duty_now,
    # duty_soon); u(duty_now) = 1 (in force since 2020), u(duty_soon) = 0.665982; phi = 1:
    #   kreis_x, stadt_b: (0.5 * 1 * (0.5 - 0.2) + 1 * 0.665982 * (0.2 - 0.2)) / 1.5 = 0.1
    #   stadt_a: nothing to gain, 0
    for option in (KREISWEIT, "epay/gmbh/kreisweit"):
        assert _row(small, "kreis_x", option)["service_quality"] == pytest.approx(0.1, rel=EXACT)
        assert _row(small, "stadt_b", option)["service_quality"] == pytest.approx(0.1, rel=EXACT)
        assert _row(small, "stadt_a", option)["service_quality"] == 0.0
    # the town pair: stadt_b gains 0.1 as well, its partner stadt_a nothing
    pair = "epay/oerv_mandat/stadt_a+stadt_b"
    assert _row(small, "stadt_b", pair)["service_quality"] == pytest.approx(0.1, rel=EXACT)
    assert _row(small, "stadt_a", pair)["service_quality"] == 0.0
    # kreis_x with stadt_b: both meet the duties to 0.2, so neither gains
    pair = "epay/oerv_mandat/kreis_x+stadt_b"
    for body in ("kreis_x", "stadt_b"):
        assert _row(small, body, pair)["service_quality"] == 0.0
    # going on alone scores 0 (not "in breach")
    assert (small.loc[small["option"] == "alleingang", "service_quality"] == 0.0).all()


# stadt_a+stadt_b, oerv_mandat, lead stadt_a (6,000 > 4,000), pool C = 35,000, FTE 2.0
#   a: 1 - sqrt(0.6) = 0.225403; b: 1 - sqrt(0.4) = 0.367544 (cap 0.5 binds for neither)
#   turnover = 14,000 * sqrt(0.4) = 8,854.38 <= 17,500: no VAT
#   E = 0.3 * 35,000 + 10,000 = 20,500; G = min(18,450, 175,000) -> E - G = 2,050
#   s_P = (21,000 * 0.225403 + 14,000 * 0.367544) / 35,000 = (4,733.47 + 5,145.61) / 35,000
#       = 0.282259; the pool needs 0.282259 * 2.0 = 0.564518 posts fewer, fewer than the
#       2.0 * 0.3 = 0.6 who leave
S_A2, S_B2 = 1 - 0.6**0.5, 1 - 0.4**0.5
S_P_PAIR = 0.6 * S_A2 + 0.4 * S_B2


def test_small_town_pair(small):
    assert S_P_PAIR == pytest.approx(0.282259, abs=1e-6)
    a = _row(small, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    b = _row(small, "stadt_b", "epay/oerv_mandat/stadt_a+stadt_b")
    _check(
        a,
        {
            "lead": "stadt_a",
            "is_lead": True,
            "savings_share": S_A2,
            "one_off_cost": 2050 * 0.6,
            # 0.6 * 0.564518 = 0.338711
            "staffing_relief": 0.6 * min(0.6, S_P_PAIR * 2.0),
            # team 2.0 -> 1; own 1.2/2 = 0.6 -> 0.4
            "resilience": 0.4,
            "time_to_implement": 6 + 28 / MONTH,
            "turnover": 14000 * 0.4**0.5,
            "procurement_risk": 0.25,
            "vat_npv": 0.0,
        },
    )
    _check(
        b,
        {
            "is_lead": False,
            "savings_share": S_B2,
            # no VAT below the limit: 14,000 * (0.367544 - 0.01) = 5,005.62
            "net_savings": 14000 * (S_B2 - 0.01),
            "one_off_cost": 2050 * 0.4,
            # 0.4 * 0.564518 = 0.225807
            "staffing_relief": 0.4 * min(0.6, S_P_PAIR * 2.0),
            "resilience": 0.6,
            "control_kept": 0.75,
            "vat_npv": 0.0,
        },
    )


def test_small_town_pair_departures_bind(tmp_path):
    # stadt_b reports a leaving share of 0.05: the pair loses 1.2 * 0.3 + 0.8 * 0.05 = 0.40
    # staff in ten years, fewer than the 0.564518 posts it could do without -> 0.40 FTE,
    # a 0.6 * 0.40 = 0.24, b 0.4 * 0.40 = 0.16 (cost, FTE and savings shares unchanged)
    table, _, _ = _small_copy(tmp_path, body_fields=["stadt_b,epay,14000,0.8,0.05,test"])
    a = _row(table, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    b = _row(table, "stadt_b", "epay/oerv_mandat/stadt_a+stadt_b")
    assert b["savings_share"] == pytest.approx(S_B2, rel=EXACT)
    assert a["staffing_relief"] == pytest.approx(0.24, rel=EXACT)
    assert b["staffing_relief"] == pytest.approx(0.16, rel=EXACT)


# ====================== body_field_inputs: reported figures win ======================


def test_body_field_inputs_estimates(dataset):
    inputs = ind.body_field_inputs(dataset).set_index(["body", "field"])
    assert len(inputs) == 11 * 6
    assert inputs["estimated"].all()
    # Selm IT: 24 * 26,767 = 642,408 EUR, 1.65 * 2.6767 = 4.416555 FTE (method.md 2.2)
    assert inputs.loc[("selm", "it"), "annual_cost"] == pytest.approx(642408, rel=EXACT)
    assert inputs.loc[("selm", "it"), "fte"] == pytest.approx(4.416555, rel=EXACT)
    # county: 24 * 0.2 * 399,447 = 1,917,345.6 EUR; 1.65 * 0.2 * 39.9447 = 13.181751 FTE
    assert inputs.loc[("kreis_unna", "it"), "annual_cost"] == pytest.approx(1917345.6, rel=EXACT)
    assert inputs.loc[("kreis_unna", "it"), "fte"] == pytest.approx(13.181751, rel=EXACT)
    # Förderschulen: kreis_share 0 -> the county has no cost of its own
    assert inputs.loc[("kreis_unna", "foerderschulen"), "annual_cost"] == 0.0
    # 8.01 * 49,475 = 396,294.75 for Bergkamen
    assert inputs.loc[("bergkamen", "foerderschulen"), "annual_cost"] == pytest.approx(
        396294.75, rel=EXACT
    )
    assert (inputs["leaving_share"] == LEAVING).all()


def _add_body_fields(folder, lines):
    path = folder / "body_fields.csv"
    with path.open("a", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
    return load_dataset(folder)


def test_reported_figures_override_the_estimate(dataset_copy):
    d = _add_body_fields(
        dataset_copy,
        [
            "holzwickede,it,500000,4.0,0.4,survey 2026 (test)",
            "boenen,epayment,30000,,,survey 2026 (test)",
        ],
    )
    inputs = ind.body_field_inputs(d).set_index(["body", "field"])
    full = inputs.loc[("holzwickede", "it")]
    assert full["annual_cost"] == 500000 and full["fte"] == 4.0
    assert full["leaving_share"] == 0.4
    assert not full["estimated"]
    # only the cost reported: FTE and leaving share stay estimates, the row stays estimated
    part = inputs.loc[("boenen", "epayment")]
    assert part["annual_cost"] == 30000
    assert part["fte"] == pytest.approx(0.255346, rel=EXACT)  # 0.14 * 1.8239
    assert part["leaving_share"] == LEAVING
    assert part["estimated"]
    # other rows keep their estimate: Holzwickede ePayment 2 * 17,587 = 35,174
    other = inputs.loc[("holzwickede", "epayment")]
    assert other["annual_cost"] == pytest.approx(35174, rel=EXACT)
    assert other["estimated"]
    assert inputs["estimated"].sum() == 11 * 6 - 1


def test_reported_figures_flow_into_the_indicators(dataset_copy):
    d = _add_body_fields(dataset_copy, ["holzwickede,it,500000,4.0,0.4,survey 2026 (test)"])
    t = ind.indicator_table(d, generate_options(d, REF), REF)
    # pool C = 500,000 + 24 * 20,450 = 500,000 + 490,800 = 990,800
    #   Holzwickede: 1 - (500,000/990,800)^0.2 = 1 - 0.872161 = 0.127839 (< cap 0.13)
    #   Fröndenberg: 1 - (490,800/990,800)^0.2 = 0.131072 -> cap 0.13
    s_h = 1 - (500000 / 990800) ** 0.2
    assert s_h == pytest.approx(0.127839, abs=1e-6)
    assert 1 - (490800 / 990800) ** 0.2 == pytest.approx(0.131072, abs=1e-6)
    row = _row(t, "holzwickede", IT_OPTION)
    assert not row["estimated"]
    assert row["savings_share"] == pytest.approx(s_h, rel=EXACT)
    # untied pair (tau = 0): kappa 0.01 -> 500,000 * (0.127839 - 0.01) = 58,919.36,
    # less VAT on the payment 500,000 * (1 - 0.127839) = 436,080.64:
    # 0.19 * (1 - 0.4) * 436,080.64 = 49,713.19 -> 9,206.17
    assert row["net_savings"] == pytest.approx(
        500000 * (s_h - 0.01) - 0.19 * 0.6 * 500000 * (1 - s_h), rel=EXACT
    )
    assert row["net_savings"] == pytest.approx(9206.17, abs=0.01)
    # the reported leaving share counts at pool level: 4.0 * 0.4 + 3.37425 * 0.297 = 2.602152
    # leave (Fröndenberg 1.65 * 2.045 = 3.37425 FTE); s_P = (0.127839 * 500,000 + 0.13 *
    # 490,800) / 990,800 = 0.128909, so the pool needs 0.128909 * 7.37425 = 0.950610 posts
    # fewer -> Holzwickede's share 500/990.8
    s_p = (s_h * 500000 + 0.13 * 490800) / 990800
    assert s_p == pytest.approx(0.128909, abs=1e-6)
    pool_relief = min(4.0 * 0.4 + 3.37425 * 0.297, s_p * 7.37425)
    assert pool_relief == pytest.approx(0.950610, abs=1e-6)
    assert row["staffing_relief"] == pytest.approx(500000 / 990800 * pool_relief, rel=EXACT)
    # E = 0.5 * 990,800 + 10,000 = 505,400; the grant is not counted -> 505,400 * 500/990.8
    assert row["one_off_cost"] == pytest.approx(505400 * 500000 / 990800, rel=EXACT)
    lead = _row(t, "froendenberg", IT_OPTION)
    assert lead["savings_share"] == pytest.approx(0.13, rel=EXACT)
    assert lead["estimated"]
    assert lead["turnover"] == pytest.approx(500000 * (1 - s_h), rel=EXACT)


def test_a_lead_brings_the_bodies_it_serves_into_a_new_pool(dataset):
    # it_boenen_zdv: the county (lead) runs Bönen's IT. In an IT pool of the county and
    # Holzwickede the county still serves Bönen, so the pooled volume counts Bönen too:
    # county 24 × 0.2 × 399,447, Bönen 24 × 18,239, Holzwickede 24 × 17,587 (€/a)
    from potential.options import coalition_options

    county, boenen, holzwickede = 24 * 0.2 * 399_447, 24 * 18_239, 24 * 17_587
    base = county + boenen  # the county's baseline: its existing pool
    share = min(0.13, 1 - (base / (base + holzwickede)) ** 0.2)  # cap of IT 0.13, beta 0.2
    assert share == pytest.approx(0.032434, abs=1e-6)
    date = dataset.meta.reference_date
    sets = [("kreis_unna", "holzwickede"), ("kreis_unna", "boenen", "holzwickede")]
    rows = coalition_options(dataset, {"it": ["oerv_mandat"]}, sets, date)
    table = ind.indicator_table(dataset, rows, date).set_index(["body", "option"])
    got = table["savings_share"]
    assert got["kreis_unna", "it/oerv_mandat/kreis_unna+holzwickede"] == pytest.approx(share)
    # the same as in the pool that names Bönen: the lead's volume does not depend on it
    assert got["kreis_unna", "it/oerv_mandat/kreis_unna+boenen+holzwickede"] == pytest.approx(
        share
    )
    assert got["holzwickede", "it/oerv_mandat/kreis_unna+holzwickede"] == pytest.approx(0.13)
