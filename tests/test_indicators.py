"""Indicators checked against hand calculations.

Every expected value below is worked out from the formula in the docstring of
``potential/indicators.py`` (repeated in ``docs/method.md`` section 4) and the raw numbers of
the CSV tables, never from the package's own helpers. The arithmetic is written next to each
expected value. A month is 365.25/12 = 30.4375 days (method.md 4.5; the docstrings round it to
30.44).

Rules taken from the docstrings of ``indicators.py`` (they are newer than method.md 4.2/4.4/4.7):
* § 2b UStG is judged at the option's start, the reference date plus its time to implement;
* the eligible migration cost is scaled by the pooling factor, E = phi * o_f * C_P + F_L;
* a member of an existing full-scope pool in the field measures savings and resilience against
  that pool (its baseline), not against itself.
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
    "boenen": 18171,
    "froendenberg": 20450,
    "holzwickede": 17587,
    "kamen": 43001,
    "luenen": 87266,
    "schwerte": 46571,
    "selm": 26767,
    "unna": 58816,
    "werne": 29751,
}
TOWNS_POP = 397855  # sum of the ten towns (also stated in method.md 2.2)
# field_parameters.csv
IT = {"cpc": 40.0, "fte10k": 3.0, "cap": 0.13, "beta": 0.2, "one_off": 0.5, "kreis": 0.2}
EPAY = {"cpc": 2.0, "fte10k": 0.2, "cap": 0.4, "beta": 0.2, "one_off": 0.3, "kreis": 0.2}
# legal_form_parameters.csv
MANDAT = {
    "pool": 1.0, "gov": 0.01, "setup": 10000, "months": 6, "weeks": 4,
    "ctl_member": 0.75, "ctl_lead": 1.0, "vat": 0.25, "vat_trans": 0.0, "proc": 0.25,
}  # fmt: skip
ARGE = {
    "pool": 0.25, "gov": 0.005, "setup": 0, "months": 3, "weeks": 0,
    "ctl_member": 1.0, "vat": 0.0, "vat_trans": 0.0, "proc": 0.5,
}  # fmt: skip
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
    }
    for field, values in (("it", IT), ("epayment", EPAY)):
        for key, value in values.items():
            assert fp[(field, names[key])] == value, (field, key)
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
        "vat": "vat_exposure",
        "vat_trans": "vat_exposure_transition",
        "proc": "procurement_risk",
    }
    for form, values in (("oerv_mandat", MANDAT), ("arbeitsgemeinschaft", ARGE)):
        for key, value in values.items():
            assert lp[(form, names[key])] == value, (form, key)
    assert ("arbeitsgemeinschaft", "control_lead") not in lp
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
        # Holzwickede IT: 703,480 * (0.13 - 0.01) = 84,417.6
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
    def test_member_handing_over(self):
        # Holzwickede IT: 5.2761 FTE * 0.297 * 1 = 1.5670017
        assert ind.staffing_relief(5.2761, 0.297, 1.0) == pytest.approx(1.5670017, rel=EXACT)

    def test_partial_coverage(self):
        # 10 * 0.3 * 0.5 = 1.5
        assert ind.staffing_relief(10, 0.3, 0.5) == pytest.approx(1.5, rel=EXACT)

    def test_no_coverage(self):
        assert ind.staffing_relief(10, 0.3, 0.0) == 0.0


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


class TestControlKept:
    def test_lead_and_member(self):
        got = ind.control_kept([True, False, False], 1.0, [0.75, 0.75, 0.25])
        assert list(got) == [1.0, 0.75, 0.25]


class TestTaxProcurementRisk:
    AFTER = dt.date(2027, 6, 1)

    def _risk(self, date, form, turnover):
        vat, trans, public, proc = form
        return float(
            ind.tax_procurement_risk(date, VAT_BINDS, vat, trans, public, turnover, 17500, proc)
        )

    MANDAT = (0.25, 0.0, True, 0.25)
    GMBH = (1.0, 1.0, False, 0.25)
    ZWECKVERBAND = (0.25, 0.0, True, 0.1)
    ARGE = (0.0, 0.0, True, 0.5)

    def test_public_law_at_deminimis_limit_owes_no_vat(self):
        # turnover exactly 17,500 <= 17,500: v = 0 -> 1 - (1 - 0)(1 - 0.25) = 0.25
        assert self._risk(self.AFTER, self.MANDAT, 17500) == pytest.approx(0.25, rel=EXACT)

    def test_public_law_above_deminimis_limit(self):
        # v = 0.25 -> 1 - 0.75 * 0.75 = 0.4375
        assert self._risk(self.AFTER, self.MANDAT, 17500.01) == pytest.approx(0.4375, rel=EXACT)

    def test_gmbh_owes_vat_even_below_the_limit(self):
        # a GmbH is no public-law body: v = 1 -> 1 - 0 * 0.75 = 1
        assert self._risk(self.AFTER, self.GMBH, 17500) == pytest.approx(1.0, rel=EXACT)
        assert self._risk(self.AFTER, self.GMBH, 100) == pytest.approx(1.0, rel=EXACT)

    def test_gmbh_owes_vat_before_the_binding_date(self):
        # transitional exposure of the GmbH is 1 -> risk 1
        before = dt.date(2026, 12, 31)
        assert self._risk(before, self.GMBH, 1e6) == pytest.approx(1.0, rel=EXACT)

    def test_public_law_before_binding_date_uses_transition(self):
        # 2026-12-31 < 2027-01-01: v = 0 -> 0.25, however large the turnover
        before = dt.date(2026, 12, 31)
        assert self._risk(before, self.MANDAT, 1e6) == pytest.approx(0.25, rel=EXACT)

    def test_binding_from_the_binding_date_itself(self):
        # 2027-01-01 >= 2027-01-01: v = 0.25 -> 0.4375
        assert self._risk(VAT_BINDS, self.MANDAT, 1e6) == pytest.approx(0.4375, rel=EXACT)

    def test_zweckverband_and_arbeitsgemeinschaft(self):
        # Zweckverband after binding: 1 - 0.75 * 0.9 = 0.325; before: 0.1
        assert self._risk(self.AFTER, self.ZWECKVERBAND, 1e6) == pytest.approx(0.325, rel=EXACT)
        assert self._risk(REF, self.ZWECKVERBAND, 1e6) == pytest.approx(0.1, rel=EXACT)
        # Arbeitsgemeinschaft: v = 0 -> 1 - 1 * 0.5 = 0.5
        assert self._risk(self.AFTER, self.ARGE, 1e6) == pytest.approx(0.5, rel=EXACT)

    def test_arrays(self):
        got = ind.tax_procurement_risk(
            self.AFTER,
            VAT_BINDS,
            np.array([0.25, 0.25, 1.0]),
            np.array([0.0, 0.0, 1.0]),
            np.array([True, True, False]),
            np.array([17500.0, 17501.0, 17500.0]),
            17500,
            np.array([0.25, 0.25, 0.25]),
        )
        assert got == pytest.approx([0.25, 0.4375, 1.0], rel=EXACT)


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


# ================= indicator_table on the embedded dataset, recomputed =================


@pytest.fixture(scope="module")
def table(dataset):
    return ind.indicator_table(dataset, generate_options(dataset, REF), REF)


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


# it/oerv_mandat/froendenberg+holzwickede, by hand:
#   C_h = 40 * 17,587 = 703,480        FTE_h = 3.0 * 1.7587 = 5.2761
#   C_f = 40 * 20,450 = 818,000        FTE_f = 3.0 * 2.0450 = 6.135
#   C_P = 1,521,480                    FTE_P = 11.4111
#   Holzwickede: (17,587/38,037)^0.2 = 0.857032 -> raw 0.142968 -> capped at 0.13
#   Fröndenberg: (20,450/38,037)^0.2 = 0.883278 -> raw 0.116722 (cap does not bind)
#   lead = Fröndenberg (larger population, no county among the partners)
#   E = 0.5 * 1,521,480 + 10,000 = 770,740; G = min(0.9 * 770,740 = 693,666, 175,000) = 175,000
#   E - G = 595,740
#   turnover = Holzwickede's charge 703,480 * (1 - 0.13) = 612,027.6 (lead charges nothing)
#   start = 2026-11-25 + 6.919918 months (210.6 days) = about 2027-06-23 >= 2027-01-01:
#   § 2b binds, turnover > 17,500 -> v = 0.25 -> risk 1 - 0.75 * 0.75 = 0.4375
#   ties (cooperations.csv): both are members of sparkasse_unnakamen, a Zweckverband without
#   a lead, so the one pair is tied: tau = 1 -> governance cost share
#   kappa = 0.01 * (1 - 0.25 * 1) = 0.0075; n = 2, so no negotiation term to shorten
KAPPA_IT = MANDAT["gov"] * (1 - THETA_G * 1.0)  # 0.0075
C_H, C_F = IT["cpc"] * POP["holzwickede"], IT["cpc"] * POP["froendenberg"]
FTE_H = IT["fte10k"] * POP["holzwickede"] / 10_000
FTE_F = IT["fte10k"] * POP["froendenberg"] / 10_000
S_F = 1 - (20450 / 38037) ** 0.2  # 0.116722
IT_REMAINDER = 0.5 * (C_H + C_F) + 10000 - 175000  # 595,740
IT_OPTION = "it/oerv_mandat/froendenberg+holzwickede"


def test_hand_numbers_for_the_it_option():
    assert C_H == 703480 and C_F == 818000
    assert FTE_H == pytest.approx(5.2761) and FTE_F == pytest.approx(6.135)
    assert S_F == pytest.approx(0.116722, abs=1e-6)
    assert 1 - (17587 / 38037) ** 0.2 > 0.13  # the cap binds for Holzwickede
    assert IT_REMAINDER == pytest.approx(595740)


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
            "annual_cost": 703480.0,
            "fte": 5.2761,
            "savings_share": 0.13,
            "tie_share": 1.0,
            # 703,480 * (0.13 - 0.0075) = 86,176.3 (84,417.6 with kappa 0.01, without ties)
            "net_savings": 86176.3,
            # 595,740 * 17,587/38,037 = 275,449.68
            "one_off_cost": 595740 * 17587 / 38037,
            # 5.2761 * 0.297 * 1 (member: coverage = pooling factor 1) = 1.5670017
            "staffing_relief": 1.5670017,
            # min(1, 11.4111/2) - min(1, 5.2761/2) = 1 - 1 = 0
            "resilience": 0.0,
            # 6 + 4 * 7/30.4375 + 1 * 0 = 6.919918
            "time_to_implement": 6 + 28 / MONTH,
            "control_kept": 0.75,
            "turnover": 703480 * 0.87,
            # starts mid-2027, after § 2b binds: 1 - (1 - 0.25)(1 - 0.25) = 0.4375
            "tax_procurement_risk": 0.4375,
            # egovg_3 (2018) and ozg (2022) in force: u = 1, fulfilment 0 -> P = 1; x pooling 1
            "obligation_pressure": 1.0,
        },
    )
    assert row["one_off_cost"] == pytest.approx(275449.68, abs=0.01)


def test_lead_row_froendenberg_it(table):
    row = _row(table, "froendenberg", IT_OPTION)
    _check(
        row,
        {
            "lead": "froendenberg",
            "is_lead": True,
            "annual_cost": 818000.0,
            "fte": 6.135,
            "savings_share": S_F,
            "tie_share": 1.0,
            # 818,000 * (0.116722 - 0.0075) = 89,343.6 (tied pair, kappa 0.0075)
            "net_savings": 818000 * (S_F - KAPPA_IT),
            # 595,740 * 20,450/38,037 = 320,290.32
            "one_off_cost": 595740 * 20450 / 38037,
            # the lead performs the task: coverage = its savings share; 6.135 * 0.297 * 0.116722
            "staffing_relief": 6.135 * 0.297 * S_F,
            "resilience": 0.0,
            "time_to_implement": 6 + 28 / MONTH,
            "control_kept": 1.0,
            "turnover": 703480 * 0.87,
            "tax_procurement_risk": 0.4375,
            "obligation_pressure": 1.0,
        },
    )
    assert row["net_savings"] == pytest.approx(89343.6, abs=0.1)
    assert row["staffing_relief"] == pytest.approx(0.212679, abs=1e-6)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        # start = reference + 210.6 days: 2026-06-02 -> 2026-12-29, before § 2b binds: v = 0
        # -> 1 - 1 * 0.75 = 0.25
        (dt.date(2026, 6, 2), 0.25),
        # 2026-06-06 -> 2027-01-02, § 2b binds: v = 0.25 -> 1 - 0.75 * 0.75 = 0.4375
        (dt.date(2026, 6, 6), 0.4375),
        # a start long before the binding date
        (dt.date(2016, 4, 1), 0.25),
    ],
)
def test_it_option_vat_judged_at_the_start(dataset, reference, expected):
    t = ind.indicator_table(dataset, generate_options(dataset, reference), reference)
    for body in ("holzwickede", "froendenberg"):
        assert _row(t, body, IT_OPTION)["tax_procurement_risk"] == pytest.approx(
            expected, rel=EXACT
        )


def test_it_option_obligation_pressure_in_2016(dataset):
    # at 2016-04-01: u(egovg_3) = 1 - (640/30.4375)/36 = 0.415925, u(ozg, 2022-12-31) = 0
    # -> P = (0.415925 + 0) / 2 = 0.207963; x pooling factor 1
    date = dt.date(2016, 4, 1)
    t = ind.indicator_table(dataset, generate_options(dataset, date), date)
    row = _row(t, "holzwickede", IT_OPTION)
    assert row["obligation_pressure"] == pytest.approx((1 - 640 / MONTH / 36) / 2, rel=EXACT)
    assert row["obligation_pressure"] == pytest.approx(0.207963, abs=1e-6)
    # epayment duties at 2016-04-01: egovg_7 (w 0.5, 2019-01-01, 1005 days ahead) and ozg (0)
    # u = 1 - (1005/30.4375)/36 = 0.082820 -> P = 0.5 * 0.082820 / 1.5 = 0.027607;
    # Arbeitsgemeinschaft relieves a quarter of it: 0.006902
    row = _row(t, "boenen", "epayment/arbeitsgemeinschaft/boenen+unna")
    u7 = 1 - 1005 / MONTH / 36
    assert row["obligation_pressure"] == pytest.approx(0.25 * 0.5 * u7 / 1.5, rel=EXACT)


# epayment/arbeitsgemeinschaft/boenen+unna, by hand:
#   C_b = 2 * 18,171 = 36,342   FTE_b = 0.2 * 1.8171 = 0.36342
#   C_u = 2 * 58,816 = 117,632  C_P = 153,974
#   Bönen: 1 - (18,171/76,987)^0.2 = 1 - 0.749191 = 0.250809 < cap 0.4; x 0.25 = 0.062702
#   Unna:  1 - (58,816/76,987)^0.2 = 0.052421; x 0.25 = 0.013105
#   E = 0.25 * 0.3 * 153,974 + 0 = 11,548.05 (only the pooled quarter migrates)
#   G = min(0.9 * 11,548.05 = 10,393.245, 175,000) -> the 90 % share binds; E - G = 1,154.805
#   ties: Unna is the lead of dsb_gemeinsam and Bönen a member -> the pair is tied, tau = 1;
#   kappa = 0.005 * (1 - 0.25) = 0.00375
S_B = 0.25 * (1 - (18171 / 76987) ** 0.2)
S_U = 0.25 * (1 - (58816 / 76987) ** 0.2)


def test_member_row_boenen_epayment_arbeitsgemeinschaft(table):
    row = _row(table, "boenen", "epayment/arbeitsgemeinschaft/boenen+unna")
    _check(
        row,
        {
            "partners": "boenen;unna",
            "lead": "",
            "n_partners": 2,
            "is_lead": False,
            "annual_cost": 36342.0,
            "fte": 0.36342,
            "savings_share": S_B,
            "tie_share": 1.0,
            # 36,342 * (0.062702 - 0.00375) = 2,142.45 (2,097.02 with kappa 0.005, untied)
            "net_savings": 36342 * (S_B - 0.00375),
            # 1,154.805 * 18,171/76,987 = 272.565
            "one_off_cost": 1154.805 * 18171 / 76987,
            # no lead: coverage = pooling factor 0.25 -> 0.36342 * 0.297 * 0.25 = 0.026984
            "staffing_relief": 0.36342 * 0.297 * 0.25,
            # no transfer of execution: team = own staff -> gain 0
            "resilience": 0.0,
            # 3 + 0 + 0
            "time_to_implement": 3.0,
            "control_kept": 1.0,
            # no lead: both members pay: 36,342 * (1 - 0.062702) + 117,632 * (1 - 0.013105)
            "turnover": 36342 * (1 - S_B) + 117632 * (1 - S_U),
            # v = 0 (before and after § 2b binds) -> 1 - 1 * (1 - 0.5) = 0.5
            "tax_procurement_risk": 0.5,
            # egovg_7 and ozg in force, nothing met: P = 1; x 0.25
            "obligation_pressure": 0.25,
        },
    )
    assert row["savings_share"] == pytest.approx(0.062702, abs=1e-6)
    assert row["net_savings"] == pytest.approx(2142.45, abs=0.01)
    assert row["one_off_cost"] == pytest.approx(272.565, abs=0.001)


# epayment/oerv_mandat/kreisweit, county as lead, by hand:
#   county volume = 0.2 * 399,447 = 79,889.4;  pool volume = 397,855 + 79,889.4 = 477,744.4
#   C_k = 2 * 79,889.4 = 159,778.8; FTE_k = 0.2 * 7.98894 = 1.597788; FTE_P = 9.554888
#   s_k = 1 - (79,889.4/477,744.4)^0.2 = 0.300708 (< 0.4)
#   E = 0.3 * 955,488.8 + 10,000 = 296,646.64; G = min(266,981.976, 175,000 + 9 * 35,000)
#     = 266,981.976 (90 % binds) -> E - G = 29,664.664
#   ties: 22 of the C(11, 2) = 55 pairs are tied (the county with all ten towns through
#   foerderschulen_kreis; Unna, the lead of dsb_gemeinsam, with Bönen, Fröndenberg,
#   Holzwickede, Kamen, Selm, Werne; sparkasse_unnakamen adds Fröndenberg-Holzwickede,
#   Fröndenberg-Kamen, Holzwickede-Kamen; gsw adds Bergkamen-Bönen, Bergkamen-Kamen,
#   Bönen-Kamen): tau = 22/55 = 0.4
#   kappa = 0.01 * (1 - 0.25 * 0.4) = 0.009; negotiation 1 * 9 * (1 - 0.5 * 0.4) = 7.2 months
#   start = 2026-11-25 + 14.12 months (429.8 days) = January 2028: § 2b binds -> 0.4375
KREIS_VOL = 0.2 * POP["kreis_unna"]
POOL_VOL = TOWNS_POP + KREIS_VOL


def test_lead_row_county_epayment_kreisweit(table):
    s_k = 1 - (KREIS_VOL / POOL_VOL) ** 0.2
    town_shares = {t: min(0.4, 1 - (POP[t] / POOL_VOL) ** 0.2) for t in POP if t != "kreis_unna"}
    row = _row(table, "kreis_unna", "epayment/oerv_mandat/kreisweit")
    _check(
        row,
        {
            "lead": "kreis_unna",
            "is_lead": True,
            "n_partners": 11,
            "annual_cost": 159778.8,
            "fte": 1.597788,
            "savings_share": s_k,
            "tie_share": 0.4,
            "net_savings": 159778.8 * (s_k - 0.009),
            "one_off_cost": 29664.664 * KREIS_VOL / POOL_VOL,
            "staffing_relief": 1.597788 * 0.297 * s_k,
            # min(1, 9.554888/2) - min(1, 1.597788/2) = 1 - 0.798894 = 0.201106
            "resilience": 1 - 1.597788 / 2,
            # 6 + 0.919918 + 9 * (1 - 0.5 * 0.4) = 14.119918 (15.919918 without ties)
            "time_to_implement": 6 + 28 / MONTH + 7.2,
            "control_kept": 1.0,
            # the ten towns pay for their part; the lead county does not
            "turnover": sum(2 * POP[t] * (1 - s) for t, s in town_shares.items()),
            "tax_procurement_risk": 0.4375,
            "obligation_pressure": 1.0,
        },
    )
    assert s_k == pytest.approx(0.300708, abs=1e-6)
    assert row["resilience"] == pytest.approx(0.201106, abs=1e-6)
    # the cap binds for the small towns but not for Lünen
    assert town_shares["holzwickede"] == 0.4 and town_shares["luenen"] < 0.4


# it/oerv_mandat/wie_gwa_sammlung (county, Bönen, Holzwickede, Kamen), by hand. Bönen's IT has
# been run by the county since 2013 (cooperations.csv it_boenen_zdv, scope full), so Bönen and
# the county start from their existing pool, C_base = C_k + C_b:
#   C_k = 40 * 0.2 * 399,447 = 3,195,576   C_b = 40 * 18,171 = 726,840
#   C_h = 40 * 17,587 = 703,480            C_kamen = 40 * 43,001 = 1,720,040
#   C_P = 6,345,936; C_base = 3,922,416
#   Bönen: 1 - (3,922,416/6,345,936)^0.2 = 1 - 0.908263 = 0.091737 (< 0.13)
#     (against its own cost it would be 1 - (726,840/6,345,936)^0.2 = 0.352 -> capped 0.13)
#   Holzwickede 703,480/6,345,936 and Kamen 1,720,040/6,345,936 -> raw 0.356, 0.230 -> 0.13
#   E = 1 * 0.5 * 6,345,936 + 10,000 = 3,182,968; G = min(2,864,671.2, 175,000 + 2 * 35,000)
#     = 245,000 -> E - G = 2,937,968
#   ties: of the 6 pairs, 5 are tied: the county with Bönen, Holzwickede and Kamen
#   (foerderschulen_kreis, gwa_sammlung ...), Bönen-Kamen (vhs_kamen_boenen, gsw),
#   Holzwickede-Kamen (sparkasse_unnakamen); Bönen-Holzwickede only share cooperations led by
#   a third body (gwa_sammlung, dsb_gemeinsam): tau = 5/6
#   kappa = 0.01 * (1 - 0.25 * 5/6) = 0.0079167; negotiation 1 * 2 * (1 - 0.5 * 5/6) = 1.1667
#   start = 2026-11-25 + 8.09 months: 2027 -> v = 0.25 -> 0.4375
TAU_GWA = 5 / 6
C_GWA = {"kreis_unna": 3195576, "boenen": 726840, "holzwickede": 703480, "kamen": 1720040}


def test_existing_pool_is_the_baseline(table):
    pool = sum(C_GWA.values())
    base = C_GWA["kreis_unna"] + C_GWA["boenen"]
    assert pool == 6345936 and base == 3922416
    s_b = 1 - (base / pool) ** 0.2
    assert s_b == pytest.approx(0.091737, abs=1e-6)
    option = "it/oerv_mandat/wie_gwa_sammlung"
    row = _row(table, "boenen", option)
    _check(
        row,
        {
            "lead": "kreis_unna",
            "is_lead": False,
            "annual_cost": 726840.0,
            "savings_share": s_b,
            "tie_share": TAU_GWA,
            # net savings stay on the body's own cost: 726,840 * (0.091737 - 0.0079167)
            "net_savings": 726840 * (s_b - 0.01 * (1 - 0.25 * TAU_GWA)),
            "one_off_cost": 2937968 * 726840 / pool,
            # member: 5.4513 * 0.297 * 1
            "staffing_relief": 3.0 * 1.8171 * 0.297,
            # pool 3.0 * (7.98894 + 1.8171 + 1.7587 + 4.3001) = 47.6 FTE and baseline 29.4 FTE:
            # both resilient -> 1 - 1 = 0
            "resilience": 0.0,
            # 6 + 0.919918 + 2 * (1 - 0.5 * 5/6) = 8.086585 (8.919918 without ties)
            "time_to_implement": 6 + 28 / MONTH + 2 * (1 - 0.5 * TAU_GWA),
            "control_kept": 0.75,
            # non-lead members pay: Bönen (1 - 0.091737), Holzwickede and Kamen (1 - 0.13)
            "turnover": 726840 * (1 - s_b) + (703480 + 1720040) * 0.87,
            "tax_procurement_risk": 0.4375,
            "obligation_pressure": 1.0,
        },
    )
    # the lead county shares the same baseline
    lead = _row(table, "kreis_unna", option)
    assert lead["is_lead"]
    assert lead["savings_share"] == pytest.approx(s_b, rel=EXACT)
    assert lead["staffing_relief"] == pytest.approx(3.0 * 7.98894 * 0.297 * s_b, rel=EXACT)
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
    #     > 17,500 and § 2b binds -> 1 - 0.75 * 0.75 = 0.4375 (it was 0.25 at 17,500)
    t = _small_with_cooperation(
        tmp_path, "pool_kb,Pool K+B,epay,oerv_mandat,kreis_x;stadt_b,kreis_x,,full,test"
    )
    s_b = 1 - 0.8**0.5
    b = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert b["savings_share"] == pytest.approx(s_b, rel=EXACT)
    assert b["net_savings"] == pytest.approx(14000 * (s_b - 0.01), rel=EXACT)
    assert b["resilience"] == pytest.approx(0.0, abs=1e-12)
    assert b["turnover"] == pytest.approx(10500 + 14000 * (1 - s_b), rel=EXACT)
    assert b["tax_procurement_risk"] == pytest.approx(0.4375, rel=EXACT)
    k = _row(t, "kreis_x", "epay/oerv_mandat/kreisweit")
    assert k["savings_share"] == pytest.approx(s_b, rel=EXACT)
    a = _row(t, "stadt_a", "epay/oerv_mandat/kreisweit")
    assert a["savings_share"] == pytest.approx(0.5, rel=EXACT)
    assert a["resilience"] == pytest.approx(0.4, rel=EXACT)
    # the existing pair and the sets that would split it are no options any more
    assert set(t["option"]) == {"alleingang", "epay/oerv_mandat/kreisweit", "epay/gmbh/kreisweit"}


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
        "tax_procurement_risk",
        "obligation_pressure",
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


# ================= small fixture dataset (tests/data/indicators/small) =================
# kreis_x 40,000 inh. (volume 0.5 * 40,000 = 20,000), stadt_a 6,000, stadt_b 4,000
# field epay: 3.5 EUR/inh., 2 FTE per 10,000, cap 0.5, beta 0.5, one-off 0.3, kreis_share 0.5
#   C: kreis 70,000, a 21,000, b 14,000; FTE: kreis 4.0, a 1.2, b 0.8
# reference date 2027-06-01 (§ 2b binds); duty_now (w 0.5, 2020) and duty_soon (w 1, 2028-06-01)
# default_fulfilment 0.2; stadt_a meets duty_now to 0.5; leaving share 0.3


@pytest.fixture(scope="module")
def small():
    d = load_dataset(SMALL)
    return ind.indicator_table(
        d, generate_options(d, d.meta.reference_date), d.meta.reference_date
    )


U_SOON = 1 - 366 / MONTH / 36  # 2027-06-01 -> 2028-06-01 = 366 days (leap day) -> 0.665982


def test_small_inputs():
    inputs = ind.body_field_inputs(load_dataset(SMALL)).set_index("body")
    assert inputs.loc["kreis_x", "annual_cost"] == pytest.approx(70000, rel=EXACT)  # 3.5*20,000
    assert inputs.loc["kreis_x", "fte"] == pytest.approx(4.0, rel=EXACT)  # 2 * 20,000/10,000
    assert inputs.loc["stadt_a", "annual_cost"] == pytest.approx(21000, rel=EXACT)
    assert inputs.loc["stadt_b", "fte"] == pytest.approx(0.8, rel=EXACT)
    assert (inputs["leaving_share"] == 0.3).all()


def test_small_deminimis_exactly_at_the_limit(small):
    # kreisweit, oerv_mandat, lead kreis_x: pool C = 105,000
    #   a: 1 - sqrt(21,000/105,000) = 1 - 0.447214 = 0.552786 -> cap 0.5
    #   b: 1 - sqrt(14,000/105,000) = 1 - 0.365148 = 0.634852 -> cap 0.5
    #   turnover = 21,000 * 0.5 + 14,000 * 0.5 = 17,500 = limit -> public law owes no VAT
    #   risk = 1 - (1 - 0)(1 - 0.25) = 0.25 although § 2b binds (2027-06-01)
    for body in ("kreis_x", "stadt_a", "stadt_b"):
        row = _row(small, body, "epay/oerv_mandat/kreisweit")
        assert row["turnover"] == pytest.approx(17500, rel=EXACT)
        assert row["tax_procurement_risk"] == pytest.approx(0.25, rel=EXACT)
        # the GmbH is no public-law body: v = 1 -> risk 1
        assert _row(small, body, "epay/gmbh/kreisweit")["tax_procurement_risk"] == 1.0


def test_small_deminimis_just_below_turnover(tmp_path):
    # lower the limit to 17,499.99: turnover 17,500 is above it -> 1 - 0.75 * 0.75 = 0.4375
    folder = tmp_path / "small"
    shutil.copytree(SMALL, folder)
    path = folder / "parameters.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("vat_deminimis_eur,17500,", "vat_deminimis_eur,17499.99,"))
    d = load_dataset(folder)
    t = ind.indicator_table(d, generate_options(d, d.meta.reference_date), d.meta.reference_date)
    row = _row(t, "stadt_b", "epay/oerv_mandat/kreisweit")
    assert row["tax_procurement_risk"] == pytest.approx(0.4375, rel=EXACT)


def test_small_member_row(small):
    row = _row(small, "stadt_b", "epay/oerv_mandat/kreisweit")
    _check(
        row,
        {
            "lead": "kreis_x",
            "is_lead": False,
            "savings_share": 0.5,
            # 14,000 * (0.5 - 0.01) = 6,860
            "net_savings": 6860.0,
            # E = 0.3 * 105,000 + 10,000 = 41,500; G = min(37,350, 175,000 + 35,000) = 37,350
            # 4,150 * 14,000/105,000 = 553.33
            "one_off_cost": 4150 * 14000 / 105000,
            # 0.8 * 0.3 * 1 = 0.24
            "staffing_relief": 0.24,
            # team = pool FTE 6.0 -> 1; own 0.8/2 = 0.4 -> gain 0.6
            "resilience": 0.6,
            # 6 + 0.919918 + 1 * (3 - 2)
            "time_to_implement": 7 + 28 / MONTH,
            "control_kept": 0.75,
            # (0.5 * 1 * (1 - 0.2) + 1 * 0.665982 * (1 - 0.2)) / 1.5 = 0.621857
            "obligation_pressure": (0.5 * 0.8 + U_SOON * 0.8) / 1.5,
        },
    )
    assert row["obligation_pressure"] == pytest.approx(0.621857, abs=1e-6)


def test_small_lead_row(small):
    # county leads: s = 1 - sqrt(70,000/105,000) = 1 - 0.816497 = 0.183503
    s = 1 - (2 / 3) ** 0.5
    row = _row(small, "kreis_x", "epay/oerv_mandat/kreisweit")
    _check(
        row,
        {
            "is_lead": True,
            "savings_share": s,
            "net_savings": 70000 * (s - 0.01),
            "one_off_cost": 4150 * 70000 / 105000,
            "staffing_relief": 4.0 * 0.3 * s,
            # own 4.0 FTE is already resilient: 1 - 1 = 0
            "resilience": 0.0,
            "control_kept": 1.0,
            "obligation_pressure": (0.5 * 0.8 + U_SOON * 0.8) / 1.5,
        },
    )
    assert row["net_savings"] == pytest.approx(12145.24, abs=0.01)


def test_small_fulfilment_reduces_pressure(small):
    # stadt_a meets duty_now to 0.5 (fulfilment.csv), duty_soon to the default 0.2:
    # (0.5 * 1 * 0.5 + 1 * 0.665982 * 0.8) / 1.5 = (0.25 + 0.532786) / 1.5 = 0.521857
    row = _row(small, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    assert row["obligation_pressure"] == pytest.approx((0.5 * 0.5 + U_SOON * 0.8) / 1.5, rel=EXACT)
    assert row["obligation_pressure"] == pytest.approx(0.521857, abs=1e-6)


def test_small_town_pair(small):
    # stadt_a+stadt_b, oerv_mandat, lead stadt_a (6,000 > 4,000), pool C = 35,000, FTE 2.0
    #   a: 1 - sqrt(0.6) = 0.225403; b: 1 - sqrt(0.4) = 0.367544 (cap 0.5 binds for neither)
    #   turnover = 14,000 * sqrt(0.4) = 8,854.38 <= 17,500 -> 0.25
    #   E = 0.3 * 35,000 + 10,000 = 20,500; G = min(18,450, 175,000) -> E - G = 2,050
    a = _row(small, "stadt_a", "epay/oerv_mandat/stadt_a+stadt_b")
    b = _row(small, "stadt_b", "epay/oerv_mandat/stadt_a+stadt_b")
    _check(
        a,
        {
            "lead": "stadt_a",
            "is_lead": True,
            "savings_share": 1 - 0.6**0.5,
            "one_off_cost": 2050 * 0.6,
            "staffing_relief": 1.2 * 0.3 * (1 - 0.6**0.5),
            # team 2.0 -> 1; own 1.2/2 = 0.6 -> 0.4
            "resilience": 0.4,
            "time_to_implement": 6 + 28 / MONTH,
            "turnover": 14000 * 0.4**0.5,
            "tax_procurement_risk": 0.25,
        },
    )
    _check(
        b,
        {
            "is_lead": False,
            "savings_share": 1 - 0.4**0.5,
            "net_savings": 14000 * (1 - 0.4**0.5 - 0.01),
            "one_off_cost": 2050 * 0.4,
            "staffing_relief": 0.8 * 0.3,
            "resilience": 0.6,
            "control_kept": 0.75,
        },
    )


# ====================== body_field_inputs: reported figures win ======================


def test_body_field_inputs_estimates(dataset):
    inputs = ind.body_field_inputs(dataset).set_index(["body", "field"])
    assert len(inputs) == 11 * 6
    assert inputs["estimated"].all()
    # Selm IT: 40 * 26,767 = 1,070,680 EUR, 3.0 * 2.6767 = 8.0301 FTE (method.md 2.2)
    assert inputs.loc[("selm", "it"), "annual_cost"] == pytest.approx(1070680, rel=EXACT)
    assert inputs.loc[("selm", "it"), "fte"] == pytest.approx(8.0301, rel=EXACT)
    # county: 40 * 0.2 * 399,447 = 3,195,576 EUR; 3.0 * 0.2 * 39.9447 = 23.96682 FTE
    assert inputs.loc[("kreis_unna", "it"), "annual_cost"] == pytest.approx(3195576, rel=EXACT)
    assert inputs.loc[("kreis_unna", "it"), "fte"] == pytest.approx(23.96682, rel=EXACT)
    # Förderschulen: kreis_share 0 -> the county has no cost of its own
    assert inputs.loc[("kreis_unna", "foerderschulen"), "annual_cost"] == 0.0
    # 8.04 * 49,475 = 397,779 for Bergkamen
    assert inputs.loc[("bergkamen", "foerderschulen"), "annual_cost"] == pytest.approx(
        397779, rel=EXACT
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
    assert part["fte"] == pytest.approx(0.36342, rel=EXACT)  # 0.2 * 1.8171
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
    # pool C = 500,000 + 818,000 = 1,318,000
    #   Holzwickede: 1 - (500,000/1,318,000)^0.2 = 1 - 0.823779 = 0.176221 -> cap 0.13
    #   Fröndenberg: 1 - (818,000/1,318,000)^0.2 = 0.090992
    row = _row(t, "holzwickede", IT_OPTION)
    assert not row["estimated"]
    # tied pair (sparkasse_unnakamen): kappa 0.0075 -> 500,000 * (0.13 - 0.0075) = 61,250
    assert row["net_savings"] == pytest.approx(500000 * 0.1225, rel=EXACT)
    assert row["staffing_relief"] == pytest.approx(4.0 * 0.4 * 1.0, rel=EXACT)  # 1.6
    # E = 0.5 * 1,318,000 + 10,000 = 669,000; G = 175,000 -> 494,000 * 500,000/1,318,000
    assert row["one_off_cost"] == pytest.approx(494000 * 500000 / 1318000, rel=EXACT)
    lead = _row(t, "froendenberg", IT_OPTION)
    s_f = 1 - (818000 / 1318000) ** 0.2
    assert lead["savings_share"] == pytest.approx(s_f, rel=EXACT)
    assert lead["estimated"]
    assert lead["turnover"] == pytest.approx(500000 * 0.87, rel=EXACT)
