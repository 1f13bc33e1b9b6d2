"""Tests of :mod:`potential.economics.finance`: Kapitalwert, annuity, payback, burden.

Two published German examples are reproduced at their printed precision:

1. VV-LHO, Schema 4 "Kapitalwertberechnung ergänzt um die Berechnung der Jahreszahlung bei
   unterschiedlichen Nutzungsdauern der Alternativen" (Kauf vs. Leasing, 4 % real), with the
   short Barwert example of its Nr. 2.2.1. Read in the copy "VV-LHO - TU Clausthal" on
   yumpu, https://www.yumpu.com/de/document/view/15501156/vv-lho-tu-clausthal/13 (Schema 4)
   and .../vv-lho-tu-clausthal/11 (Nr. 2.2, 2.2.1). The page footer names the file
   ``F:\\USER\\PRESSE\\Internet\\Arbeit\\MF_VV-LHO.doc``; the stored page does not name the
   Land (TU Clausthal is a Lower Saxon university). Primary source not seen otherwise.
   The source rounds its Abzinsungs-/Barwertfaktoren to two decimals; the tests show both
   that the source's own arithmetic follows from our factors rounded that way, and that our
   exact values lie within the error that rounding allows.

2. BMF, *Arbeitsanleitung Einführung in Wirtschaftlichkeitsuntersuchungen*, RdSchr. d. BMF
   v. 12.01.2011, II A 3 - H 1012-10/08/10004: the Kapitalwert table discounted with the
   Zinsstrukturkurve (a rate per year), years 8 to 15, with the printed "Barwert je Jahr".
   Read in the copy "Arbeitsanleitung für Wirtschaftlichkeitsuntersuchungen des BMF" on
   yumpu, https://www.yumpu.com/de/document/view/24941823/arbeitsanleitung-fa-1-4-r-wirtschaftlichkeitsuntersuchungen-des-bmf/20
   (upload page 20; the table is the last item before "b) Nutzwertanalyse als nicht monetäre
   Methode"). The same Arbeitsanleitung is printed as Anlage zu den VV zu Art. 7 BayHO,
   https://www.gesetze-bayern.de/Content/Document/VVBayHO-NN118 (only its opening was
   available to read). The columns for years 0 to 7 (upload page 19) were NOT in the
   material available, so the printed total "Kapitalwert -380.272" is not reproduced; the
   eight yearly Barwerte that were available are.

The remaining tests are hand calculations, written out in the comments.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from potential.economics.finance import (
    annuity,
    annuity_factor,
    check_rate,
    check_years,
    discount_factors,
    largest_burden,
    npv,
    payback_year,
)
from potential.errors import InputError

# ---------------------------------------------------------------------------------------------
# 1. VV-LHO, Schema 4 (Kauf vs. Leasing) and Nr. 2.2.1
# ---------------------------------------------------------------------------------------------

# Schema 4, quoted from the page (DM; "Auszahlungen sind positiv notiert; alle Zahlungen sind
# Ende des Jahres fällig, ...; Kalkulationszinssatz [real] 4 v. H."):
#
#   Alternative 1 (Kauf Nutzungsdauer 8 Jahre)
#     1. einmalige Ausgaben  Kauf     1994          Abzinsungsjahre 0   40 000   1,00   40 000
#     2. laufende Ausgaben   Wartung  1995 bis 2002                 8    4 800   6,73   32 304
#     Kapitalwert Alternative 1 (Summe der Barwerte)                                    72 304
#     Jahreszahlung (Annuität) 72 304 DM/6,73 = 10 743 DM
#   Alternative 2 (Leasing ohne Ankauf, mit Anzahlung, Laufzeit 4 Jahre)
#     1. einmalige Ausgaben  Sonderzahlung  1994                    0    5 000   1,00    5 000
#     2. laufende Ausgaben   Leasingrate    1995 bis 1998           4  je 7 200  3,63   26 136
#                            Wartung        1995 bis 1998           4  je 4 800  3,63   17 424
#     Kapitalwert Alternative 2 (Summe der Barwerte)                                    48 560
#     (Annuität) 48 560 DM/3,63 13 377 D[M]
#   Differenz Jahreszahlung zugunsten Alternative 1: 2 634 DM
#
# 1994 is year 0 (not discounted), 1995 is year 1, ...: our convention exactly. 6,73 and 3,63
# are the Barwertfaktoren (sums of the discount factors of years 1..n) rounded to 2 decimals;
# exactly, sum_{t=1}^{8} 1.04^-t = 6.732745 and sum_{t=1}^{4} 1.04^-t = 3.629895.
VV_LHO_RATE = 0.04
KAUF = [40_000.0] + [4_800.0] * 8  # years 0..8 (1994..2002)
LEASING = [5_000.0] + [7_200.0 + 4_800.0] * 4  # years 0..4 (1994..1998)
KAUF_KAPITALWERT = 72_304
LEASING_KAPITALWERT = 48_560
KAUF_ANNUITAET = 10_743
LEASING_ANNUITAET = 13_377
DIFFERENZ_JAHRESZAHLUNG = 2_634
KAUF_BWF, LEASING_BWF = 6.73, 3.63  # printed Barwertfaktoren (2 decimals)
HALF_STEP = 0.005  # half a unit in the factors' last printed decimal


def test_vv_lho_barwertfaktoren_are_our_discount_factors_rounded():
    # the printed Barwertfaktoren are sum_{t=1}^{n} (1+i)^-t = 1 / annuity factor, rounded
    assert round(discount_factors(VV_LHO_RATE, 8)[1:].sum(), 2) == KAUF_BWF
    assert round(discount_factors(VV_LHO_RATE, 4)[1:].sum(), 2) == LEASING_BWF
    assert round(1 / annuity_factor(VV_LHO_RATE, 8), 2) == KAUF_BWF
    assert round(1 / annuity_factor(VV_LHO_RATE, 4), 2) == LEASING_BWF


def test_vv_lho_schema_4_with_the_sources_rounded_factors_exactly():
    # The source's own path: Barwert = Betrag x factor rounded to 2 decimals, whole DM.
    bwf8 = round(discount_factors(VV_LHO_RATE, 8)[1:].sum(), 2)  # 6,73
    bwf4 = round(discount_factors(VV_LHO_RATE, 4)[1:].sum(), 2)  # 3,63
    assert round(4_800 * bwf8) == 32_304
    assert round(7_200 * bwf4) == 26_136
    assert round(4_800 * bwf4) == 17_424
    kauf = 40_000 + round(4_800 * bwf8)
    leasing = 5_000 + round(7_200 * bwf4) + round(4_800 * bwf4)
    assert (kauf, leasing) == (KAUF_KAPITALWERT, LEASING_KAPITALWERT)
    # "72 304 DM/6,73 = 10 743 DM" (10 743.54, printed without the decimals) and
    # "48 560 DM/3,63 13 377" (13 377.41)
    assert math.floor(kauf / bwf8) == KAUF_ANNUITAET
    assert math.floor(leasing / bwf4) == LEASING_ANNUITAET
    assert LEASING_ANNUITAET - KAUF_ANNUITAET == DIFFERENZ_JAHRESZAHLUNG


def test_vv_lho_schema_4_kapitalwert_with_exact_factors():
    """npv reproduces the published Kapitalwerte 72 304 and 48 560 DM (VV-LHO Schema 4).

    Source: VV-LHO, Schema 4, read at
    https://www.yumpu.com/de/document/view/15501156/vv-lho-tu-clausthal/13 .
    Exactly: 40 000 + 4 800 x 6.732745 = 72 317.18 and 5 000 + 12 000 x 3.629895 = 48 558.74.
    The printed factors are rounded to 2 decimals (error <= 0.005 each) and the Barwerte to
    whole DM (<= 0.5 each), so the printed value may differ from the exact one by at most
    (yearly amount) x 0.005 + 0.5 per rounded line.
    """
    kauf = npv(KAUF, VV_LHO_RATE)
    leasing = npv(LEASING, VV_LHO_RATE)
    assert kauf == pytest.approx(72_317.18, abs=0.01)
    assert leasing == pytest.approx(48_558.74, abs=0.01)
    assert abs(kauf - KAUF_KAPITALWERT) <= 4_800 * HALF_STEP + 0.5  # 13.18 <= 24.5
    assert (
        abs(leasing - LEASING_KAPITALWERT) <= (7_200 + 4_800) * HALF_STEP + 2 * 0.5
    )  # 1.26 <= 61
    # both alternatives as rows of one 2-D array (Leasing padded with zeros to year 8)
    both = npv([KAUF, [*LEASING, 0.0, 0.0, 0.0, 0.0]], VV_LHO_RATE)
    np.testing.assert_allclose(both, [kauf, leasing], rtol=0, atol=1e-9)


def test_vv_lho_schema_4_annuitaet_with_exact_factors():
    """annuity reproduces the published Jahreszahlungen 10 743 and 13 377 DM (Schema 4).

    The source divides the Kapitalwert by the Barwertfaktor rounded to 2 decimals
    (6,73; 3,63) and prints whole DM. The true factor F lies in [F_printed - 0.005,
    F_printed + 0.005], so K / F differs from K / F_printed by at most
    K x 0.005 / (F_printed x (F_printed - 0.005)), plus 1 DM for the dropped decimals.
    Exactly: 72 317.18 x 0.148528 = 10 741.11 and 48 558.74 x 0.275490 = 13 377.45.
    """
    kauf = annuity(npv(KAUF, VV_LHO_RATE), VV_LHO_RATE, 8)
    leasing = annuity(npv(LEASING, VV_LHO_RATE), VV_LHO_RATE, 4)
    assert kauf == pytest.approx(10_741.11, abs=0.01)
    assert leasing == pytest.approx(13_377.45, abs=0.01)

    def tolerance(value, factor):
        return value * HALF_STEP / (factor * (factor - HALF_STEP)) + 1.0

    kauf_tol = tolerance(KAUF_KAPITALWERT, KAUF_BWF)  # 9.0 DM
    leasing_tol = tolerance(LEASING_KAPITALWERT, LEASING_BWF)  # 19.5 DM
    assert abs(kauf - KAUF_ANNUITAET) <= kauf_tol  # 1.9
    assert abs(leasing - LEASING_ANNUITAET) <= leasing_tol  # 0.45
    # the same from the printed Kapitalwerte
    assert abs(annuity(KAUF_KAPITALWERT, VV_LHO_RATE, 8) - KAUF_ANNUITAET) <= kauf_tol
    assert abs(annuity(LEASING_KAPITALWERT, VV_LHO_RATE, 4) - LEASING_ANNUITAET) <= leasing_tol
    # "Differenz Jahreszahlung zugunsten Alternative 1: 2 634 DM" (exactly 2 636.34)
    assert abs((leasing - kauf) - DIFFERENZ_JAHRESZAHLUNG) <= kauf_tol + leasing_tol
    assert leasing > kauf  # the purchase is the cheaper alternative per year


def test_vv_lho_nr_2_2_1_single_payment():
    # Nr. 2.2.1, quoted: "Eine Zahlung über 100 000 DM, fällig in zwei Jahren, hat bei 7 v. H.
    # Kalkulationszinssatz einen Barwert von 87 000 DM (100 000 DM x Abzinsungsfaktor 0,87)."
    # Exactly 100 000 / 1.07^2 = 87 343.87; the factor is printed to 2 decimals (0.873439).
    assert round(discount_factors(0.07, 2)[2], 2) == 0.87
    barwert = npv([0.0, 0.0, 100_000.0], 0.07)
    assert barwert == pytest.approx(87_343.87, abs=0.01)
    assert abs(barwert - 87_000) <= 100_000 * HALF_STEP  # 343.87 <= 500


# ---------------------------------------------------------------------------------------------
# 2. BMF Arbeitsanleitung 2011: Barwert je Jahr with the Zinsstrukturkurve, years 8..15
# ---------------------------------------------------------------------------------------------

# Quoted from the table (EUR; Einzahlungen positive, Auszahlungen negative):
#
#   Nr. Ein-/Auszahlungen        Jahr 8  Jahr 9  Jahr 10 Jahr 11 Jahr 12 Jahr 13 Jahr 14 Jahr 15
#   1 Investitionsausgaben       (none in these years)
#   2 laufende Personalausgaben 1 / 3 laufende Personalausgaben 2 (two lines of figures):
#                                -15.000 -15.000 -15.000 -15.000 -15.000 -15.000 -15.000 -15.000
#                                 -4.000  -4.000  -5.000  -4.000  -2.500  -5.000  -4.000  -4.000
#   4 laufende Sachausgaben 1     -9.000  -4.000 -10.000  -9.000 -10.000 -10.000  -9.000  -9.000
#   5 Einnahmen aus Verkäufen (Restwert)                                           35.000  50.000
#   Zinssatz lt. Zinsstrukturkurve  3,11   3,31    3,49    3,65    3,78    3,89    3,98    4,05
#   Formel: Barwert je Jahr = Summe der Zahlungen je Jahr / (1 + Zinssatz/100)^Jahr
#   Barwert je Jahr              -21.916 -17.157 -21.288 -18.875 -17.618 -18.267   4.053  12.128
#   Kapitalwert -380.272   (includes years 0..7, not available; see the module docstring)
#
# The Restwert line has two figures and the page does not show their columns; only years 14
# and 15 have positive Barwerte, so they belong there (and the Barwerte then match).
BMF_YEARS = list(range(8, 16))
BMF_LINES = [
    [-15_000] * 8,
    [-4_000, -4_000, -5_000, -4_000, -2_500, -5_000, -4_000, -4_000],
    [-9_000, -4_000, -10_000, -9_000, -10_000, -10_000, -9_000, -9_000],
    [0, 0, 0, 0, 0, 0, 35_000, 50_000],
]
BMF_RATES_PERCENT = [3.11, 3.31, 3.49, 3.65, 3.78, 3.89, 3.98, 4.05]
BMF_BARWERT = [-21_916, -17_157, -21_288, -18_875, -17_618, -18_267, 4_053, 12_128]


def test_bmf_2011_barwert_je_jahr_with_zinsstrukturkurve():
    """npv reproduces the BMF Arbeitsanleitung's eight published "Barwert je Jahr" (years 8-15).

    Source: Arbeitsanleitung Einführung in Wirtschaftlichkeitsuntersuchungen, RdSchr. BMF
    12.01.2011, II A 3 - H 1012-10/08/10004, read at
    https://www.yumpu.com/de/document/view/24941823/arbeitsanleitung-fa-1-4-r-wirtschaftlichkeitsuntersuchungen-des-bmf/20
    Each year has its own rate (Zinsstrukturkurve), so each year's sum of payments is placed
    at its year in an otherwise empty flow row and discounted at that year's rate; npv then
    gives z_t / (1 + p_t/100)^t, the source's formula. Printed to whole EUR: compared rounded.
    E.g. year 8: (-15 000 - 4 000 - 9 000) / 1.0311^8 = -28 000 / 1.27762 = -21 915.52.
    """
    sums = np.sum(BMF_LINES, axis=0)
    assert sums.tolist() == [-28_000, -23_000, -30_000, -28_000, -27_500, -30_000, 7_000, 22_000]
    for year, total, percent, printed in zip(
        BMF_YEARS, sums, BMF_RATES_PERCENT, BMF_BARWERT, strict=True
    ):
        flows = np.zeros(year + 1)
        flows[year] = total
        assert round(npv(flows, percent / 100)) == printed, year
    # the sum of the eight printed Barwerte, and ours to within 8 x 0.5 EUR of print rounding
    ours = sum(
        npv(np.r_[np.zeros(year), total], percent / 100)
        for year, total, percent in zip(BMF_YEARS, sums, BMF_RATES_PERCENT, strict=True)
    )
    assert sum(BMF_BARWERT) == -98_940
    assert abs(ours - sum(BMF_BARWERT)) <= 8 * 0.5


# ---------------------------------------------------------------------------------------------
# 3. npv and discount_factors: hand calculations
# ---------------------------------------------------------------------------------------------


def test_discount_factors_hand_values():
    # (1.05)^-t for t = 0..3: 1, 1/1.05 = 0.952381, 1/1.1025 = 0.907029, 1/1.157625 = 0.863838
    np.testing.assert_allclose(
        discount_factors(0.05, 3), [1.0, 0.952381, 0.907029, 0.863838], atol=1e-6
    )
    assert discount_factors(0.05, 0).tolist() == [1.0]
    assert discount_factors(0.0, 4).tolist() == [1.0] * 5


def test_npv_year_zero_is_not_discounted_and_years_are_year_ends():
    # -1000 + 600/1.05 + 600/1.05^2 = -1000 + 571.4286 + 544.2177 = 115.6463
    assert npv([-1000, 600, 600], 0.05) == pytest.approx(115.6463, abs=1e-4)
    assert npv([250.0], 0.08) == 250.0  # a year-0 flow alone is its own present value
    assert npv([0, 0, 0, 121], 0.10) == pytest.approx(121 / 1.331)  # = 90.909


def test_npv_at_rate_zero_is_the_plain_sum():
    # -100 + 30 + 40 + 50 = 20
    assert npv([-100, 30, 40, 50], 0.0) == 20.0
    flows = [-12.5, 3.25, 0.0, -7.0, 41.0]
    assert npv(flows, 0) == pytest.approx(sum(flows))  # 24.75


def test_npv_two_dimensional_gives_one_value_per_row():
    rows = np.array([[-100.0, 30.0, 40.0, 50.0], [10.0, -5.0, 0.0, 20.0], [0.0, 0.0, 0.0, 0.0]])
    result = npv(rows, 0.05)
    assert isinstance(result, np.ndarray)
    assert result.shape == (3,)
    np.testing.assert_allclose(result, [npv(r, 0.05) for r in rows], rtol=0, atol=1e-12)
    # row 2 by hand: 10 - 5/1.05 + 0 + 20/1.157625 = 10 - 4.761905 + 17.276752 = 22.514847
    assert result[1] == pytest.approx(22.514847, abs=1e-6)
    assert result[2] == 0.0
    assert isinstance(npv(rows[0], 0.05), float)


# ---------------------------------------------------------------------------------------------
# 4. annuity and annuity_factor
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rate", "years"),
    [(1000, 0.05, 10), (72_304, 0.04, 8), (-500, 0.009, 20), (1.0, 0.25, 1)],
)
def test_annuity_times_sum_of_discount_factors_is_the_value(value, rate, years):
    # A x sum_{t=1}^{n} (1+i)^-t = K, i.e. the annuity paid at the ends of years 1..n has
    # present value K; e.g. 1000 at 5 % over 10 years: A = 129.5046, sum = 7.721735.
    a = annuity(value, rate, years)
    assert a * discount_factors(rate, years)[1:].sum() == pytest.approx(value, rel=1e-12)
    assert npv([0.0] + [a] * years, rate) == pytest.approx(value, rel=1e-12)


def test_annuity_hand_values():
    # 1000 x 0.05 x 1.05^10 / (1.05^10 - 1) = 1000 x 0.05 x 1.628895 / 0.628895 = 129.5046
    assert annuity(1000, 0.05, 10) == pytest.approx(129.5046, abs=1e-4)
    # one year: A = K (1 + i): 100 x 1.1 = 110
    assert annuity(100, 0.10, 1) == pytest.approx(110.0)
    assert annuity_factor(0.10, 1) == pytest.approx(1.1)


def test_annuity_at_rate_zero_is_value_over_years():
    # 1200 / 12 = 100
    assert annuity(1200, 0.0, 12) == 100.0
    assert annuity_factor(0, 4) == 0.25
    # continuous at i -> 0: the factor is 1/n + i (n + 1) / (2n) + O(i^2), at n = 4 and
    # i = 1e-6: 0.25 + 0.625e-6 = 0.250000625 (the O(i^2) term is 1e-12 small)
    assert annuity_factor(1e-6, 4) == pytest.approx(0.250000625, abs=1e-10)


def test_annuity_of_an_array_is_elementwise():
    result = annuity([100.0, 200.0, -50.0], 0.05, 2)
    # factor 0.05 x 1.1025 / 0.1025 = 0.537805
    np.testing.assert_allclose(result, [53.780488, 107.560976, -26.890244], atol=1e-6)
    assert isinstance(annuity(100.0, 0.05, 2), float)


# ---------------------------------------------------------------------------------------------
# 5. payback_year
# ---------------------------------------------------------------------------------------------


def test_payback_year_is_zero_when_never_negative():
    assert payback_year([0, 10, 20], 0.05) == 0.0
    assert payback_year([5, -3, 1], 0.0) == 0.0  # cumulative 5, 2, 3: never negative
    assert payback_year([0.0], 0.0) == 0.0


def test_payback_year_hand_example_at_zero_percent():
    # cumulative: -100, -70, -30, +20 -> from year 3 on never negative
    assert payback_year([-100, 30, 40, 50], 0.0) == 3.0


def test_payback_year_hand_example_at_ten_percent():
    # factors 1, 0.909091, 0.826446, 0.751315
    # present values -100, 27.2727, 33.0579, 37.5657
    # cumulative -100, -72.7273, -39.6694, -2.1037: still negative at the horizon -> nan
    assert math.isnan(payback_year([-100, 30, 40, 50], 0.10))
    assert npv([-100, 30, 40, 50], 0.10) == pytest.approx(-2.1037, abs=1e-4)
    # with 60 in year 3: 60 x 0.751315 = 45.0789; cumulative -39.6694 + 45.0789 = +5.4095 -> 3
    assert payback_year([-100, 30, 40, 60], 0.10) == 3.0
    # [-100, 60, 60]: -100, -45.4545, +4.1322 -> 2
    assert payback_year([-100, 60, 60], 0.10) == 2.0


def test_payback_year_must_stay_non_negative():
    # cumulative -100, +50, -30, +20: positive in year 1, negative again in year 2 -> 3
    assert payback_year([-100, 150, -80, 50], 0.0) == 3.0
    # cumulative -100, -70, -30, +20, -40: negative at the horizon -> nan
    assert math.isnan(payback_year([-100, 30, 40, 50, -60], 0.0))
    # cumulative ..., +20, +10 -> 3
    assert payback_year([-100, 30, 40, 50, -10], 0.0) == 3.0


def test_payback_year_two_dimensional():
    result = payback_year([[-100, 30, 40, 50], [1, 2, 3, 4], [-100, 0, 0, 0]], 0.0)
    assert isinstance(result, np.ndarray)
    np.testing.assert_array_equal(result, [3.0, 0.0, np.nan])


# ---------------------------------------------------------------------------------------------
# 6. largest_burden
# ---------------------------------------------------------------------------------------------


def test_largest_burden():
    assert largest_burden([-100, 30, -120, 50]) == 120.0  # the deepest single year
    assert largest_burden([10, 20]) == 0.0
    assert largest_burden([0, 0, 0]) == 0.0
    assert largest_burden([-0.5]) == 0.5
    result = largest_burden([[-5, 3], [2, 4], [-1, -7]])
    np.testing.assert_array_equal(result, [5.0, 0.0, 7.0])


# ---------------------------------------------------------------------------------------------
# 7. Bad input: InputError whose message says what was expected
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [-0.01, -1, float("nan"), float("inf"), float("-inf")])
def test_rate_negative_or_not_finite(rate):
    with pytest.raises(InputError, match=r"erwartet: ein Zinssatz von 0 oder mehr"):
        check_rate(rate)
    with pytest.raises(InputError, match=r"Zinssatz: erwartet: ein Zinssatz von 0 oder mehr"):
        npv([-100, 50, 60], rate)
    with pytest.raises(InputError, match=r"erwartet: ein Zinssatz von 0 oder mehr"):
        annuity(100, rate, 5)
    with pytest.raises(InputError, match=r"erwartet: ein Zinssatz von 0 oder mehr"):
        payback_year([-100, 50, 60], rate)


@pytest.mark.parametrize("rate", ["abc", "", None, [0.05]])
def test_rate_not_a_number(rate):
    with pytest.raises(InputError, match=r"Zinssatz: erwartet: eine Zahl wie 0\.009"):
        npv([-100, 50], rate)
    with pytest.raises(InputError, match=r"erwartet: eine Zahl"):
        annuity(100, rate, 5)


def test_rate_names_the_quantity():
    with pytest.raises(InputError, match=r"^interest: erwartet: eine Zahl"):
        check_rate("x", "interest")


@pytest.mark.parametrize("years", [0, -3, 1.5, 0.5, True, float("nan"), float("inf")])
def test_horizon_not_a_whole_number_of_at_least_one(years):
    with pytest.raises(InputError, match=r"erwartet: eine ganze Zahl von Jahren, mindestens 1"):
        check_years(years)
    with pytest.raises(InputError, match=r"^Jahre: erwartet: eine ganze Zahl von Jahren"):
        annuity(100, 0.05, years)
    with pytest.raises(InputError, match=r"erwartet: eine ganze Zahl von Jahren, mindestens 1"):
        annuity_factor(0.0, years)


def test_horizon_accepts_whole_floats():
    assert check_years(2.0) == 2
    assert check_years(np.int64(3)) == 3
    assert annuity(100, 0.0, 4.0) == 25.0


@pytest.mark.parametrize(
    "flows", [[1.0, float("nan")], [float("inf"), 2.0], [[1.0, 2.0], [3.0, float("-inf")]]]
)
def test_npv_flows_not_finite(flows):
    with pytest.raises(InputError, match=r"Zahlungsströme: erwartet: endliche Zahlen"):
        npv(flows, 0.05)


@pytest.mark.parametrize("flows", [[], 5.0, np.zeros((2, 0))])
def test_npv_flows_without_year_zero(flows):
    with pytest.raises(
        InputError, match=r"Zahlungsströme: erwartet: die Zahlungsströme der Jahre 0\.\.T"
    ):
        npv(flows, 0.05)


# --- Bad input that once slipped through: each must be an InputError.


@pytest.mark.parametrize("years", ["abc", None])
def test_horizon_text_or_none(years):
    with pytest.raises(InputError, match=r"erwartet: eine ganze Zahl von Jahren"):
        annuity(100, 0.05, years)


def test_npv_text_flows():
    with pytest.raises(InputError, match=r"Zahlungsströme: erwartet"):
        npv(["a", 1.0], 0.05)


@pytest.mark.parametrize("flows", [[float("nan"), 1.0], [-1.0, float("nan")]])
def test_payback_year_flows_not_finite(flows):
    with pytest.raises(InputError, match=r"Zahlungsströme: erwartet: endliche Zahlen"):
        payback_year(flows, 0.0)


def test_largest_burden_flows_not_finite():
    with pytest.raises(InputError, match=r"Zahlungsströme: erwartet: endliche Zahlen"):
        largest_burden([float("nan"), -5.0])


def test_messages_in_english_on_request():
    from potential.messages import use_lang

    with use_lang("en"):
        with pytest.raises(InputError, match=r"^discount rate: expected a rate of 0 or more"):
            npv([-100, 50, 60], -0.01)
        with pytest.raises(InputError, match=r"^years: expected a whole number of years"):
            annuity(100, 0.05, 0)
        with pytest.raises(InputError, match=r"^flows: expected finite numbers"):
            npv([1.0, float("nan")], 0.05)
