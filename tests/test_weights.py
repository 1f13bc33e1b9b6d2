"""Tests of :mod:`potential.weights` against published examples, hand calculations and second
(plain numpy) implementations of the formulas in the docstrings."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from potential import weights as W
from potential.criteria import load_criteria
from potential.errors import InputError

SAATY_SCALE = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]


@pytest.fixture
def no_warnings():
    """Turn every warning into an error inside the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _series_equal(s: pd.Series, expected: dict, atol: float) -> None:
    assert list(s.index) == list(expected)
    np.testing.assert_allclose(s.to_numpy(), list(expected.values()), rtol=0, atol=atol)
    assert s.index.name == "criterion"
    assert s.name == "weight"


# ---------------------------------------------------------------------------------------------
# direct
# ---------------------------------------------------------------------------------------------


def test_direct_divides_by_sum():
    # 30 + 50 + 20 = 100 -> 0.3, 0.5, 0.2 (hand)
    _series_equal(
        W.direct({"cost": 30, "quality": 50, "speed": 20}),
        {"cost": 0.3, "quality": 0.5, "speed": 0.2},
        1e-15,
    )


def test_direct_series_keeps_order_and_zero():
    # 1 : 0 : 3 -> 0.25, 0, 0.75 (hand)
    s = pd.Series([1.0, 0.0, 3.0], index=["z", "y", "x"])
    _series_equal(W.direct(s), {"z": 0.25, "y": 0.0, "x": 0.75}, 1e-15)


@pytest.mark.parametrize(
    "bad, match",
    [
        ({}, "^weights: keine Kriterien angegeben; erwartet: mindestens ein Kriterium$"),
        ({"a": -1, "b": 2}, "'a' ist -1.0; erwartet: eine Zahl ≥ 0"),
        ({"a": float("nan"), "b": 2}, "'a' ist nan; erwartet: eine endliche Zahl"),
        ({"a": float("inf")}, "'a' ist inf"),
        (
            {"a": 0, "b": 0.0},
            "^weights: alle Gewichte sind 0; erwartet: mindestens ein Gewicht größer als 0$",
        ),
        ({"a": "much"}, "'a' ist 'much'; erwartet: eine Zahl"),
        ({"a": True}, "'a' ist True; erwartet: eine Zahl"),
        (pd.Series([1.0, 2.0], index=["a", "a"]), "mehrfach genannt: \\['a'\\]"),
        ([0.5, 0.5], "erwartet: eine Zuordnung \\(dict oder pandas-Series\\)"),
    ],
)
def test_direct_rejects(bad, match):
    with pytest.raises(InputError, match=match):
        W.direct(bad)


def test_direct_rejects_in_english():
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError) as info:
        W.direct({"a": -1, "b": 2})
    assert str(info.value) == "weights: 'a' is -1.0; expected a number ≥ 0"
    with use_lang("en"), pytest.raises(InputError) as info:
        W.direct({"a": 0})
    assert str(info.value) == (
        "weights: all weights are zero; expected at least one weight greater than 0"
    )


# ---------------------------------------------------------------------------------------------
# rank order centroid and rank sum
# ---------------------------------------------------------------------------------------------


def test_roc_n4_published():
    # Barron & Barrett (1996), Management Science 42(11), 1515-1523: ROC weights for four
    # attributes 0.5208, 0.2708, 0.1458, 0.0625 (printed to four decimals) ...
    roc = W.rank_order_centroid(["a", "b", "c", "d"])
    _series_equal(roc, {"a": 0.5208, "b": 0.2708, "c": 0.1458, "d": 0.0625}, 5e-5)
    # ... and exactly, by hand: (1/4)(1 + 1/2 + 1/3 + 1/4) = 25/48, (1/4)(13/12) = 13/48,
    # (1/4)(7/12) = 7/48, (1/4)(1/4) = 3/48.
    np.testing.assert_allclose(roc.to_numpy(), np.array([25, 13, 7, 3]) / 48, rtol=0, atol=1e-15)


def test_rank_sum_n4_hand():
    # 2(n + 1 - k) / (n(n + 1)) with n = 4: 8/20, 6/20, 4/20, 2/20
    _series_equal(
        W.rank_sum(["a", "b", "c", "d"]), {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}, 1e-15
    )


def test_ties_share_the_mean_of_their_positions():
    # b and c tied in positions 2 and 3:
    #   ROC: (13/48 + 7/48) / 2 = 10/48 each; a = 25/48, d = 3/48
    #   rank sum: (0.3 + 0.2) / 2 = 0.25 each; a = 0.4, d = 0.1
    ranking = ["a", ["b", "c"], "d"]
    _series_equal(
        W.rank_order_centroid(ranking),
        {"a": 25 / 48, "b": 10 / 48, "c": 10 / 48, "d": 3 / 48},
        1e-15,
    )
    _series_equal(W.rank_sum(ranking), {"a": 0.4, "b": 0.25, "c": 0.25, "d": 0.1}, 1e-15)


def test_all_tied_gives_equal_weights():
    for func in (W.rank_order_centroid, W.rank_sum):
        _series_equal(func([("a", "b", "c")]), {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}, 1e-15)


def test_single_criterion_gets_everything():
    for func in (W.rank_order_centroid, W.rank_sum):
        _series_equal(func(["only"]), {"only": 1.0}, 0)


@pytest.mark.parametrize(
    "bad, match",
    [
        (["a", "b", "a"], "^ranking: Kriterium 'a' ist mehrfach genannt"),
        (["a", ["b", "a"]], "Kriterium 'a' ist mehrfach genannt"),
        ([], "^ranking: keine Kriterien angegeben"),
        (["a", []], "Rang 2 ist eine leere Gruppe"),
        (["a", 3], "Rang 2 ist 3; erwartet: ein Kriterium oder eine Liste"),
        (["a", ["b", 3]], "Rang 2 enthält 3; erwartet: den Namen eines Kriteriums"),
        ("abc", "erwartet: eine Liste von Kriterien, das wichtigste zuerst .*, erhalten: str"),
        (None, "erwartet: eine Liste von Kriterien, .*, erhalten: NoneType"),
    ],
)
def test_ranking_rejects(bad, match):
    for func in (W.rank_order_centroid, W.rank_sum):
        with pytest.raises(InputError, match=match):
            func(bad)


# ---------------------------------------------------------------------------------------------
# swing
# ---------------------------------------------------------------------------------------------


def test_swing_hand():
    # 100 + 60 + 40 = 200 -> 0.5, 0.3, 0.2; a swing with 0 points gets 0
    _series_equal(
        W.swing({"cost": 100, "quality": 60, "speed": 40, "looks": 0}),
        {"cost": 0.5, "quality": 0.3, "speed": 0.2, "looks": 0.0},
        1e-15,
    )


@pytest.mark.parametrize(
    "bad, match",
    [
        (
            {"a": 80, "b": 40},
            "^points: die höchste Punktzahl ist 80.0; erwartet: genau 100 Punkte für den "
            "wichtigsten Swing",
        ),
        ({"a": 100, "b": 120}, "'b' hat 120.0 Punkte; erwartet: Punkte zwischen 0 und 100"),
        ({"a": 100, "b": -5}, "^points: 'b' ist -5.0; erwartet: eine Zahl ≥ 0"),
        ({"a": 0}, "die höchste Punktzahl ist 0.0"),
        ({}, "keine Kriterien angegeben"),
    ],
)
def test_swing_rejects(bad, match):
    with pytest.raises(InputError, match=match):
        W.swing(bad)


# ---------------------------------------------------------------------------------------------
# AHP
# ---------------------------------------------------------------------------------------------


def test_random_index_is_saatys_table():
    # Saaty (1980), random consistency index for n = 1..10
    assert W.SAATY_1980_RANDOM_INDEX == dict(
        enumerate([0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49], start=1)
    )


# Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
# Sciences 1(1), 83-98, Table 2 "Which drink is consumed more in the US?": the judgement
# matrix, the derived scale (.177, .019, .042, .116, .190, .129, .327) and C.R. = .022.
# Matrix and printed values as transcribed in the test suite of AHPy (PhilipGriffith/AHPy,
# tests/test_ahp.py), which cites this paper.
DRINKS = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
DRINKS_MATRIX = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]
DRINKS_PRINTED = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]


def test_ahp_saaty_2008_drinks(no_warnings):
    r = W.ahp(DRINKS_MATRIX, DRINKS)
    assert list(r.weights.index) == DRINKS
    assert r.weights.round(3).tolist() == DRINKS_PRINTED
    assert round(r.cr, 3) == 0.022
    assert r.random_index == 1.32
    assert r.consistent


def test_ahp_consistent_matrix_recovers_weights(no_warnings):
    # a_ij = w_i / w_j with w = (0.5, 0.3, 0.2): A w = 3 w (each row i sums w_i/w_j · w_j = w_i
    # over three columns), so w is the eigenvector, lambda_max = 3, CI = CR = 0.
    w = np.array([0.5, 0.3, 0.2])
    a = w[:, None] / w[None, :]
    r = W.ahp(pd.DataFrame(a, index=list("xyz"), columns=list("xyz")))
    _series_equal(r.weights, {"x": 0.5, "y": 0.3, "z": 0.2}, 1e-12)
    assert abs(r.lambda_max - 3) < 1e-12
    assert r.ci < 1e-12 and r.cr < 1e-12
    assert r.random_index == 0.58 and r.consistent


@pytest.mark.parametrize("n", range(3, 11))
def test_ahp_consistent_random_weights(n, no_warnings):
    w = np.random.default_rng(n).uniform(1, 3, n)  # ratios stay within Saaty's 1/9..9
    w /= w.sum()
    names = [f"c{i}" for i in range(n)]
    r = W.ahp(w[:, None] / w[None, :], names)
    np.testing.assert_allclose(r.weights.to_numpy(), w, rtol=0, atol=1e-12)
    assert abs(r.cr) < 1e-12 and r.consistent


def test_ahp_inconsistent_cycle_hand():
    # a > b (9), b > c (9), c > a (9): a circulant matrix with rows (1, 9, 1/9) shifted.
    # Every row sums to 1 + 9 + 1/9 = 91/9, so (1, 1, 1) is the Perron vector, w = 1/3 each
    # and lambda_max = 91/9; CI = (91/9 - 3)/2 = 32/9; CR = (32/9)/0.58.
    m = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    with pytest.warns(UserWarning, match="Konsistenzverhältnis \\(AHP\\) 6.130 liegt über 0.1"):
        r = W.ahp(m, ["a", "b", "c"])
    from potential.messages import use_lang

    with use_lang("en"), pytest.warns(UserWarning, match="consistency ratio 6.130 exceeds 0.1"):
        W.ahp(m, ["a", "b", "c"])
    _series_equal(r.weights, {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}, 1e-12)
    assert r.lambda_max == pytest.approx(91 / 9, abs=1e-12)
    assert r.ci == pytest.approx(32 / 9, abs=1e-12)
    assert r.cr == pytest.approx(32 / 9 / 0.58, abs=1e-12)
    assert not r.consistent


def test_ahp_mild_cycle_warns():
    # a = 2b, b = 2c but c = 2a: circulant, rows sum to 3.5 = lambda_max, CI = 0.25,
    # CR = 0.25 / 0.58 = 0.431 > 0.1
    with pytest.warns(UserWarning):
        r = W.ahp([[1, 2, 1 / 2], [1 / 2, 1, 2], [2, 1 / 2, 1]], ["a", "b", "c"])
    assert r.cr == pytest.approx(0.25 / 0.58, abs=1e-12)


def _power_iteration(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Second implementation: principal eigenvector by power iteration (Saaty 1977)."""
    w = np.full(len(a), 1 / len(a))
    for _ in range(100_000):
        v = a @ w
        v /= v.sum()
        if np.max(np.abs(v - w)) < 1e-15:
            break
        w = v
    return v, float(np.mean((a @ v) / v))


@pytest.mark.parametrize("seed", range(12))
def test_ahp_agrees_with_power_iteration(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 11))
    a = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j] = rng.choice(SAATY_SCALE)
            a[j, i] = 1 / a[i, j]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # random judgements are inconsistent
        r = W.ahp(a, [f"c{i}" for i in range(n)])
    w, lam = _power_iteration(a)
    np.testing.assert_allclose(r.weights.to_numpy(), w, rtol=0, atol=1e-9)
    assert abs(r.lambda_max - lam) < 1e-9
    ci = (lam - n) / (n - 1)
    assert abs(r.cr - ci / W.SAATY_1980_RANDOM_INDEX[n]) < 1e-9


def test_ahp_two_and_one_criteria(no_warnings):
    # n = 2: w = (3, 1)/4; every 2x2 reciprocal matrix is consistent; RI = 0, CR reported 0
    r = W.ahp([[1, 3], [1 / 3, 1]], ["x", "y"])
    _series_equal(r.weights, {"x": 0.75, "y": 0.25}, 1e-12)
    assert (r.ci, r.cr, r.random_index, r.consistent) == (0.0, 0.0, 0.0, True)
    assert r.lambda_max == pytest.approx(2, abs=1e-12)
    r1 = W.ahp([[1]], ["only"])
    assert r1.weights.tolist() == [1.0] and r1.cr == 0.0


def test_ahp_dataframe_rows_aligned_to_columns(no_warnings):
    w = np.array([0.5, 0.3, 0.2])
    a = pd.DataFrame(w[:, None] / w[None, :], index=list("xyz"), columns=list("xyz"))
    shuffled = a.loc[["z", "x", "y"]]
    _series_equal(W.ahp(shuffled).weights, {"x": 0.5, "y": 0.3, "z": 0.2}, 1e-12)


def test_ahp_accepts_rounded_reciprocals(no_warnings):
    # 0.333, 0.143 typed for 1/3, 1/7: products 0.999 and 1.001 are within the 1 % tolerance
    r = W.ahp([[1, 3, 7], [0.333, 1, 3], [0.143, 0.333, 1]], ["a", "b", "c"])
    assert r.weights.is_monotonic_decreasing


@pytest.mark.parametrize(
    "matrix, criteria, match",
    [
        (
            [[1, 2, 3], [1 / 2, 1, 2]],
            list("abc"),
            "^matrix: erwartet: eine nicht leere quadratische Matrix, erhalten: Form \\(2, 3\\)$",
        ),
        ([], [], "nicht leere quadratische Matrix"),
        ([[1, "x"], [1, 1]], list("ab"), "quadratische Matrix aus Zahlen"),
        (
            [[1, 3], [1 / 2, 1]],
            list("ab"),
            "^matrix\\['b', 'a'\\] ist 0.5; erwartet: den Kehrwert von matrix\\['a', 'b'\\] = "
            "3.0, also 0.333333 \\(a_ji = 1/a_ij bis auf 1%\\)$",
        ),
        ([[2, 3], [1 / 3, 1]], list("ab"), "matrix\\['a', 'a'\\] ist 2.0; erwartet: 1 auf der"),
        (
            [[1, -3], [-1 / 3, 1]],
            list("ab"),
            "matrix\\['a', 'b'\\] ist -3.0; erwartet: eine endliche Zahl größer als 0",
        ),
        ([[1, 0], [0, 1]], list("ab"), "matrix\\['a', 'b'\\] ist 0.0"),
        ([[1, np.nan], [1, 1]], list("ab"), "matrix\\['a', 'b'\\] ist nan"),
        ([[1, 12], [1 / 12, 1]], list("ab"), "ist 12.0; erwartet: einen Wert auf Saatys Skala"),
        ([[1, 3], [1 / 3, 1]], None, "^criteria: erwartet: die Namen der Kriterien"),
        ([[1, 3], [1 / 3, 1]], ["a"], "1 Namen angegeben für eine 2×2-Matrix; erwartet: 2"),
        ([[1, 3], [1 / 3, 1]], ["a", "a"], "mehrfach genannt"),
        (np.ones((11, 11)), [f"c{i}" for i in range(11)], "11 Kriterien; .* höchstens 10"),
    ],
)
def test_ahp_rejects(matrix, criteria, match):
    with pytest.raises(InputError, match=match):
        W.ahp(matrix, criteria)


def test_ahp_rejects_dataframe_problems():
    df = pd.DataFrame([[1, 3], [1 / 3, 1]], index=["a", "b"], columns=["a", "c"])
    with pytest.raises(InputError, match="dieselben eindeutigen Kriterien als Zeilen und Spalten"):
        W.ahp(df)
    df = pd.DataFrame([[1, 3], [1 / 3, 1]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(InputError, match="erwartet: keine Kriterien"):
        W.ahp(df, ["b", "a"])
    with pytest.raises(InputError, match="^tol: -1; erwartet: eine Zahl von 0 bis unter 1$"):
        W.ahp(df, tol=-1)


def test_ahp_result_is_frozen():
    r = W.ahp([[1, 3], [1 / 3, 1]], ["x", "y"])
    with pytest.raises(AttributeError):
        r.cr = 1.0


# ---------------------------------------------------------------------------------------------
# entropy and CRITIC: plain numpy transcriptions of the textbook formulas
# ---------------------------------------------------------------------------------------------


def _entropy_numpy(x: np.ndarray) -> np.ndarray:
    """p_ij = x_ij / sum_i x_ij, E_j = -sum_i p ln p / ln m (0 ln 0 = 0), w = (1-E)/sum(1-E)."""
    m = x.shape[0]
    p = x / x.sum(axis=0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / np.log(m)
    return (1 - e) / (1 - e).sum()


def _critic_numpy(x: np.ndarray, objectives) -> np.ndarray:
    """Diakoulaki, Mavrotas & Papayannakis (1995): scale each column to (x - worst) /
    (best - worst), C_j = sigma_j sum_k (1 - r_jk) with the sample standard deviation,
    w = C / sum C."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    best = np.where(np.array(objectives) == "max", hi, lo)
    worst = np.where(np.array(objectives) == "max", lo, hi)
    v = (x - worst) / (best - worst)
    sigma = v.std(axis=0, ddof=1)
    r = np.corrcoef(v, rowvar=False)
    c = sigma * (1 - r).sum(axis=0)
    return c / c.sum()


def _random_matrix(seed: int, rows: int = 9, cols: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 100, (rows, cols)) * rng.uniform(0.1, 10, cols)
    return pd.DataFrame(
        x, index=[f"o{i}" for i in range(rows)], columns=[f"k{j}" for j in range(cols)]
    )


@pytest.mark.parametrize("seed", range(8))
def test_entropy_matches_numpy(seed, no_warnings):
    x = _random_matrix(seed)
    x.iloc[seed % 9, seed % 5] = 0.0  # a zero entry: 0 ln 0 = 0
    w = W.entropy(x)
    assert list(w.index) == list(x.columns)
    np.testing.assert_allclose(w.to_numpy(), _entropy_numpy(x.to_numpy()), rtol=0, atol=1e-9)
    assert w.sum() == pytest.approx(1, abs=1e-12)


def test_entropy_hand_two_alternatives():
    # m = 2. Column a = (1, 0): p = (1, 0), E = 0. Column b = (1, 1): constant, E = 1.
    # Column c = (1, 3): p = (1/4, 3/4), E = -(1/4 ln 1/4 + 3/4 ln 3/4) / ln 2.
    e_c = -(0.25 * np.log(0.25) + 0.75 * np.log(0.75)) / np.log(2)
    d = np.array([1.0, 0.0, 1 - e_c])
    x = pd.DataFrame({"a": [1.0, 0.0], "b": [1.0, 1.0], "c": [1.0, 3.0]})
    _series_equal(W.entropy(x), dict(zip("abc", d / d.sum(), strict=True)), 1e-12)


def test_entropy_constant_column_gets_exactly_zero():
    x = _random_matrix(1)
    with_const = x.assign(const=7.0, zero=0.0)
    w = W.entropy(with_const)
    assert w["const"] == 0.0 and w["zero"] == 0.0
    np.testing.assert_allclose(w[x.columns].to_numpy(), W.entropy(x).to_numpy(), atol=1e-15)


def test_entropy_ignores_objectives():
    x = _random_matrix(2)
    a = W.entropy(x, ["max"] * 5)
    b = W.entropy(x, ["min", "max", "min", "min", "max"])
    pd.testing.assert_series_equal(a, b)


@pytest.mark.parametrize(
    "matrix, objectives, match",
    [
        (
            pd.DataFrame({"a": [1.0, -2.0], "b": [1.0, 2.0]}),
            None,
            "^matrix: Zeile 1, Spalte 'a' ist -2.0; erwartet: Werte ≥ 0",
        ),
        (pd.DataFrame({"a": [1.0, 1.0], "b": [2.0, 2.0]}), None, "kein Kriterium unterscheidet"),
        (pd.DataFrame({"a": [1.0], "b": [2.0]}), None, "kein Kriterium unterscheidet"),
        (pd.DataFrame({"a": [1.0, np.nan]}), None, "ist nan; erwartet: eine endliche Zahl"),
        (pd.DataFrame({"a": [1.0, 2.0]}), ["up"], "^objectives: 'a' hat 'up'"),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            ["max", "min"],
            "2 Zielrichtungen angegeben; erwartet: 1",
        ),
        ([[1.0, 2.0]], None, "erwartet: eine pandas-Tabelle \\(DataFrame\\), erhalten: list"),
    ],
)
def test_entropy_rejects(matrix, objectives, match):
    with pytest.raises(InputError, match=match):
        W.entropy(matrix, objectives)


CRITIC_OBJECTIVES = ["max", "min", "max", "min", "max"]


@pytest.mark.parametrize("seed", range(8))
def test_critic_matches_numpy(seed, no_warnings):
    # no_warnings also checks that scikit-criteria's warning about 'min' objectives is silenced
    x = _random_matrix(seed)
    w = W.critic(x, CRITIC_OBJECTIVES)
    assert list(w.index) == list(x.columns)
    np.testing.assert_allclose(
        w.to_numpy(), _critic_numpy(x.to_numpy(), CRITIC_OBJECTIVES), rtol=0, atol=1e-9
    )


def test_critic_min_equals_negated_max():
    # scaling a min column to best = 1 is the same as negating it and maximising
    x = _random_matrix(3)
    flipped = x.copy()
    flipped["k1"] = -flipped["k1"]
    a = W.critic(x, ["max", "min", "max", "max", "max"])
    b = W.critic(flipped, ["max"] * 5)
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=0, atol=1e-12)


def test_critic_direction_matters():
    # the difference from direction-blind min-max normalisation, documented in critic()
    x = _random_matrix(4)
    blind = _critic_numpy(x.to_numpy(), ["max"] * 5)
    assert np.max(np.abs(W.critic(x, CRITIC_OBJECTIVES).to_numpy() - blind)) > 1e-3


def test_critic_hand_two_criteria():
    # Two criteria, three alternatives. a = (0, 1, 2) max -> v = (0, 0.5, 1);
    # b = (0, 2, 1) max -> v = (0, 1, 0.5). sigma equal (same values permuted);
    # r_ab is the same for both, so C_a = C_b and w = (0.5, 0.5).
    x = pd.DataFrame({"a": [0.0, 1.0, 2.0], "b": [0.0, 2.0, 1.0]})
    _series_equal(W.critic(x, ["max", "max"]), {"a": 0.5, "b": 0.5}, 1e-12)


def test_critic_constant_column_gets_zero_and_is_left_out():
    x = _random_matrix(5)
    w = W.critic(x.assign(const=3.0), [*CRITIC_OBJECTIVES, "max"])
    assert w["const"] == 0.0
    np.testing.assert_allclose(
        w[x.columns].to_numpy(), W.critic(x, CRITIC_OBJECTIVES).to_numpy(), atol=1e-15
    )
    assert np.isfinite(w).all()


@pytest.mark.parametrize(
    "matrix, objectives, match",
    [
        (
            pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 3.0]}),
            ["max", "max"],
            "nur 1 von 2 Kriterien unterscheiden",
        ),
        (pd.DataFrame({"a": [1.0, 2.0]}), ["max"], "erwartet: mindestens zwei"),
        (
            pd.DataFrame({"a": [1.0, 2.0, 4.0], "b": [10.0, 20.0, 40.0]}),
            ["max", "max"],
            "ordnen die Alternativen gleich",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0, 4.0], "b": [-10.0, -20.0, -40.0]}),
            ["max", "min"],
            "ordnen die Alternativen gleich",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0]}),
            None,
            "^objectives: CRITIC braucht für jede Spalte 'max' oder 'min'",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0]}),
            ["max"],
            "1 Zielrichtungen angegeben; erwartet: 2",
        ),
        (
            pd.DataFrame({"a": ["x", "y"], "b": [2.0, 1.0]}),
            ["max", "max"],
            "Spalte\\(n\\) \\['a'\\] sind nicht numerisch",
        ),
    ],
)
def test_critic_rejects(matrix, objectives, match):
    with pytest.raises(InputError, match=match):
        W.critic(matrix, objectives)


# ---------------------------------------------------------------------------------------------
# value tree
# ---------------------------------------------------------------------------------------------

# criteria/ikz-egov-nrw.yaml: groups 0.35 / 0.25 / 0.2 / 0.2 (sum 1), criteria shares within
# groups 0.8/0.2, 0.6/0.4, 0.3/0.4/0.3, 1.0. By hand:
#   0.35·0.8 = 0.28, 0.35·0.2 = 0.07, 0.25·0.6 = 0.15, 0.25·0.4 = 0.10,
#   0.2·0.3 = 0.06, 0.2·0.4 = 0.08, 0.2·0.3 = 0.06, 0.2·1.0 = 0.20
SHIPPED = {
    "npv_per_capita": 0.28,
    "liquidity_burden": 0.07,
    "staffing_relief": 0.15,
    "resilience": 0.10,
    "time_to_implement": 0.06,
    "control_kept": 0.08,
    "procurement_risk": 0.06,
    "service_quality": 0.20,
}


def test_value_tree_shipped_model():
    _series_equal(W.value_tree(load_criteria("ikz-egov-nrw")), SHIPPED, 1e-12)
    _series_equal(W.value_tree("ikz-egov-nrw"), SHIPPED, 1e-12)


def test_value_tree_table_shipped_model():
    t = W.value_tree_table(load_criteria("ikz-egov-nrw"))
    assert list(t.columns) == ["group", "criterion", "group_weight", "criterion_weight", "weight"]
    assert t["criterion"].tolist() == list(SHIPPED)
    np.testing.assert_allclose(t["weight"], list(SHIPPED.values()), rtol=0, atol=1e-12)
    np.testing.assert_allclose(
        t["group_weight"], [0.35, 0.35, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2], rtol=0, atol=1e-12
    )
    np.testing.assert_allclose(
        t["criterion_weight"], [0.8, 0.2, 0.6, 0.4, 0.3, 0.4, 0.3, 1.0], rtol=0, atol=1e-12
    )
    assert t["group"].tolist()[:2] == ["wirtschaftlichkeit", "wirtschaftlichkeit"]


def test_value_tree_normalises_unnormalised_weights():
    # groups 2 and 6 -> shares 0.25, 0.75; criteria 1, 3 in group g -> 0.25, 0.75
    model = load_criteria("ikz-egov-nrw").model_copy(deep=True)
    raw = model.model_dump()
    raw["groups"] = raw["groups"][:2]
    raw["groups"][0]["weight"] = 2
    raw["groups"][1]["weight"] = 6
    raw["groups"][0]["criteria"][0]["weight"] = 1
    raw["groups"][0]["criteria"][1]["weight"] = 3
    raw["groups"][1]["criteria"][0]["weight"] = 5
    raw["groups"][1]["criteria"][1]["weight"] = 5
    m = type(model).model_validate(raw)
    _series_equal(
        W.value_tree(m),
        {
            "npv_per_capita": 0.25 * 0.25,
            "liquidity_burden": 0.25 * 0.75,
            "staffing_relief": 0.75 * 0.5,
            "resilience": 0.75 * 0.5,
        },
        1e-15,
    )


# ---------------------------------------------------------------------------------------------
# import weight
# ---------------------------------------------------------------------------------------------


def test_import_does_not_load_scikit_criteria():
    code = "import potential.weights, sys; print('skcriteria' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
