"""Tests of VIKOR (:mod:`potential.mcda.vikor`) against two published examples of Opricovic &
Tzeng, hand calculations and a plain numpy transcription of the formulas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import rank

FLAGS = ["acceptable_advantage", "acceptable_stability"]

# ---------------------------------------------------------------------------------------------
# 1. Published examples
# ---------------------------------------------------------------------------------------------

# Opricovic, S., Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a comparative
# analysis of VIKOR and TOPSIS. EJOR 156(2), 445-455, the numerical example with three
# alternatives and two criteria (risk: min, altitude: max, equal weights); the data as
# transcribed in scikit-criteria's tests/agg/test_vikor.py (test_VIKOR_opricovic2004compromise;
# the table number could not be checked here). The paper's result S = (0.5, 0.375, 0.5),
# R = (0.5, 0.25, 0.5), Q = (1, 0, 1) also follows by hand:
#   f* = (1, 4500), f- = (5, 3000)
#   A1: d = (0, 1500/1500 = 1)      S = 0.5,             R = 0.5
#   A2: d = (1/4, 750/1500 = 0.5)   S = 0.125 + 0.25,    R = 0.25
#   A3: d = (4/4 = 1, 0)            S = 0.5,             R = 0.5
#   S* = 0.375, S- = 0.5, R* = 0.25, R- = 0.5 -> Q = (1, 0, 1) with v = 0.5
# DQ = 1/(3-1) = 0.5; Q(a'') - Q(a') = 1 >= 0.5 (C1); A2 is best by S and R (C2), so A2 alone
# is the compromise solution. A1 and A3 tie (score 0) and keep row order.
OT2004 = pd.DataFrame(
    {"risk": [1.0, 2.0, 5.0], "altitude": [3000.0, 3750.0, 4500.0]}, index=["A1", "A2", "A3"]
)


def test_opricovic_tzeng_2004_example():
    r = rank(OT2004, ["min", "max"], [0.5, 0.5], "vikor")
    np.testing.assert_allclose(r["S"], [0.5, 0.375, 0.5], rtol=0, atol=1e-15)
    np.testing.assert_allclose(r["R"], [0.5, 0.25, 0.5], rtol=0, atol=1e-15)
    np.testing.assert_allclose(r["Q"], [1.0, 0.0, 1.0], rtol=0, atol=1e-15)
    np.testing.assert_allclose(r["score"], [0.0, 1.0, 0.0], rtol=0, atol=1e-15)
    assert r["rank"].to_dict() == {"A1": 2, "A2": 1, "A3": 3}
    assert r["acceptable_advantage"].all() and r["acceptable_stability"].all()
    assert r["compromise"].tolist() == [False, True, False]


# Opricovic, S., Tzeng, G.-H. (2007). Extended VIKOR method in comparison with outranking
# methods. EJOR 178(2), 514-529: the hydropower-system example (six alternatives, eight
# criteria) under four weight sets W1-W4, S, R and Q printed to three decimals; data and
# results as transcribed in scikit-criteria's tests/agg/test_vikor.py
# (test_VIKOR_opricovic2007extended; the table numbers could not be checked here).
OT2007 = pd.DataFrame(
    [
        [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
        [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
        [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
        [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
        [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
        [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
    ],
    index=["A1", "A2", "A3", "A4", "A5", "A6"],
    columns=["profit", "cost", "energy", "peak", "homes", "area", "villages", "environment"],
    dtype=float,
)
OT2007_OBJ = ["max", "min", "max", "max", "min", "min", "min", "max"]
# weights, S, R, Q as printed, and the compromise set derived from the printed values
# (DQ = 1/5 = 0.2):
#   W1, W2: Q(A5) = 0 and the next Q is 0.473 resp. 0.533 -> C1 holds; A5 has the smallest
#           S and R -> C2 holds -> {A5}
#   W3: a' = A5 (0.041), a'' = A3 (0.147): 0.106 < 0.2 -> C1 fails; Q - 0.041 < 0.2 for
#       A5, A3 (0.106) and A6 (0.150), not A4 (0.513) -> {A3, A5, A6}; A5 has the smallest
#       R (0.044) -> C2 holds
#   W4: a' = A3 (0.051), a'' = A5 (0.058) -> C1 fails; A3, A5, A6 (0.027) -> {A3, A5, A6};
#       A3 has the smallest S (0.138) -> C2 holds
OT2007_CASES = {
    "W1": (
        [1, 1, 1, 1, 1, 1, 1, 1],
        [0.692, 0.700, 0.290, 0.423, 0.280, 0.346],
        [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
        [0.991, 1.000, 0.473, 0.670, 0.000, 0.578],
        ["A5"],
        True,
    ),
    "W2": (
        [2, 2, 2, 2, 1, 1, 1, 1],
        [0.701, 0.600, 0.386, 0.365, 0.317, 0.459],
        [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
        [1.000, 0.533, 0.552, 0.563, 0.000, 0.686],
        ["A5"],
        True,
    ),
    "W3": (
        [1, 1, 1, 1, 2, 2, 2, 2],
        [0.683, 0.800, 0.193, 0.480, 0.243, 0.232],
        [0.113, 0.167, 0.080, 0.122, 0.044, 0.083],
        [0.684, 1.000, 0.147, 0.554, 0.041, 0.191],
        ["A3", "A5", "A6"],
        False,
    ),
    "W4": (
        [1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2],
        [0.678, 0.857, 0.138, 0.513, 0.222, 0.167],
        [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
        [0.668, 1.000, 0.051, 0.588, 0.058, 0.078],
        ["A3", "A5", "A6"],
        False,
    ),
}


@pytest.mark.parametrize("case", list(OT2007_CASES))
def test_opricovic_tzeng_2007_example(case):
    weights, s, r_, q, compromise, advantage = OT2007_CASES[case]
    r = rank(OT2007, OT2007_OBJ, weights, "vikor")
    # three printed decimals: within half a unit of the last digit
    for column, printed in (("S", s), ("R", r_), ("Q", q)):
        np.testing.assert_allclose(r[column], printed, rtol=0, atol=5e-4 + 1e-12)
    assert r.index[r["compromise"]].tolist() == compromise
    assert r["acceptable_advantage"].tolist() == [advantage] * 6
    assert r["acceptable_stability"].all()
    # ranks follow the printed Q (no two printed Q are closer than 0.007)
    assert r["rank"].tolist() == ref_ranks(-np.array(q))


# ---------------------------------------------------------------------------------------------
# 2. Hand-worked: acceptable advantage without acceptable stability
# ---------------------------------------------------------------------------------------------

# Data of scikit-criteria's test_VIKOR_acceptable_advantage_but_not_stability (not a published
# example), worked by hand. Five min criteria, each spanning 1..101, equal weights 0.2, so
# d = (x - 1)/100 and w·d = 0.2·d:
#   A1 d = (0, 1, 0, 1, 0)              S = 0.4,  R = 0.2
#   A2 d = (1, 0, 1, 0, 1)              S = 0.6,  R = 0.2
#   A3 d = (0, 0, 0, 0, 1)              S = 0.2,  R = 0.2
#   A4 d = (.1, .1, .1, .15, .6)        S = 0.21, R = 0.12
#   A5 d = (.55, .55, .55, .55, .55)    S = 0.55, R = 0.11
# S* = 0.2, S- = 0.6, R* = 0.11, R- = 0.2; v = 0.5:
#   Q = (0.25 + 0.5, 0.5 + 0.5, 0 + 0.5, 0.0125 + 1/18, 0.4375 + 0) = (0.75, 1, 0.5, 0.068056,
#   0.4375)
# a' = A4, a'' = A5: 0.4375 - 0.068056 = 0.369 >= DQ = 1/4 (C1 holds); A4 is best neither by
# S (A3) nor by R (A5), so C2 fails and the compromise set is {a', a''} = {A4, A5}.
SK_STABILITY = pd.DataFrame(
    [
        [1.0, 101.0, 1.0, 101.0, 1.00],
        [101.0, 1.0, 101.0, 1.0, 101.0],
        [1.0, 1.0, 1.0, 1.0, 101.0],
        [11.0, 11.0, 11.0, 16.0, 61.0],
        [56.0, 56.0, 56.0, 56.0, 56.0],
    ],
    index=["A1", "A2", "A3", "A4", "A5"],
    columns=["C1", "C2", "C3", "C4", "C5"],
)


def test_acceptable_advantage_without_stability_by_hand():
    r = rank(SK_STABILITY, ["min"] * 5, [1] * 5, "vikor")
    np.testing.assert_allclose(r["S"], [0.4, 0.6, 0.2, 0.21, 0.55], rtol=0, atol=1e-14)
    np.testing.assert_allclose(r["R"], [0.2, 0.2, 0.2, 0.12, 0.11], rtol=0, atol=1e-14)
    np.testing.assert_allclose(
        r["Q"], [0.75, 1.0, 0.5, 0.0125 + 1 / 18, 0.4375], rtol=0, atol=1e-14
    )
    assert r["rank"].tolist() == [4, 5, 3, 1, 2]
    assert r["acceptable_advantage"].all()
    assert not r["acceptable_stability"].any()
    assert r.index[r["compromise"]].tolist() == ["A4", "A5"]


def test_v_weights_group_utility_against_regret():
    # v = 1: Q is the normalised S alone, (S - 0.2)/0.4; v = 0: the normalised R alone,
    # (R - 0.11)/0.09 (numbers from the hand example above)
    s1 = rank(SK_STABILITY, ["min"] * 5, [1] * 5, "vikor", v=1.0)
    np.testing.assert_allclose(s1["Q"], [0.5, 1.0, 0.0, 0.025, 0.875], rtol=0, atol=1e-14)
    r0 = rank(SK_STABILITY, ["min"] * 5, [1] * 5, "vikor", v=0.0)
    np.testing.assert_allclose(r0["Q"], [1.0, 1.0, 1.0, 1 / 9, 0.0], rtol=0, atol=1e-14)
    assert r0["rank"].tolist() == [3, 4, 5, 2, 1]  # A1, A2, A3 tie at 1 and keep row order


# ---------------------------------------------------------------------------------------------
# 3. Second implementation on seeded random matrices
# ---------------------------------------------------------------------------------------------


def ref_ranks(scores) -> list[int]:
    """Documented tie rule: descending score, ties keep row order (1 = best)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    out = [0] * len(scores)
    for position, i in enumerate(order, start=1):
        out[i] = position
    return out


def ref_vikor(x, objectives, w, v):
    """Opricovic & Tzeng (2004), eqs. (1)-(4) and step 5, in plain numpy."""
    w = np.asarray(w, float) / np.sum(w)
    is_max = np.array([o == "max" for o in objectives])
    best = np.where(is_max, x.max(axis=0), x.min(axis=0))
    worst = np.where(is_max, x.min(axis=0), x.max(axis=0))
    d = np.zeros_like(x)
    for j in range(x.shape[1]):
        if best[j] != worst[j]:
            d[:, j] = (best[j] - x[:, j]) / (best[j] - worst[j])
    s = (w * d).sum(axis=1)
    r = (w * d).max(axis=1)

    def part(y):
        return (y - y.min()) / (y.max() - y.min()) if y.max() > y.min() else np.zeros_like(y)

    q = v * part(s) + (1 - v) * part(r)
    order = sorted(range(len(q)), key=lambda i: (q[i], i))
    dq = 1 / (len(q) - 1)
    c1 = q[order[1]] - q[order[0]] >= dq
    c2 = s[order[0]] == s.min() or r[order[0]] == r.min()
    if not c1:
        compromise = [i for i in order if q[i] - q[order[0]] < dq]
    elif not c2:
        compromise = order[:2]
    else:
        compromise = order[:1]
    return s, r, q, c1, c2, sorted(compromise)


def random_problem(seed, shape):
    rng = np.random.default_rng(seed)
    n, k = shape
    x = rng.normal(0.0, 10.0, size=shape) * rng.uniform(0.1, 100.0, size=k)
    objectives = list(rng.choice(["max", "min"], size=k))
    weights = rng.uniform(0.05, 3.0, size=k)
    index = [f"alt{i}" for i in rng.permutation(n)]
    return pd.DataFrame(x, index=index, columns=[f"c{j}" for j in range(k)]), objectives, weights


SHAPES = [(2, 1), (3, 2), (5, 3), (8, 4), (12, 6), (30, 9)]
SEEDS = [1, 7, 25, 42]  # 25: C1 holds but C2 fails at 30×9, v = 0.5 (rare in random data)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("v", [0.5, 0.2, 1.0])
def test_random_matrices_match_plain_numpy(seed, shape, v):
    m, objectives, weights = random_problem(seed, shape)
    r = rank(m, objectives, weights, "vikor", v=v)
    s, r_, q, c1, c2, compromise = ref_vikor(m.to_numpy(), objectives, weights, v)
    np.testing.assert_allclose(r["S"], s, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r["R"], r_, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r["Q"], q, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r["score"], 1 - q, rtol=1e-9, atol=1e-12)
    assert r["rank"].tolist() == ref_ranks(list(1 - q))
    assert r["acceptable_advantage"].tolist() == [c1] * shape[0]
    assert r["acceptable_stability"].tolist() == [c2] * shape[0]
    assert np.flatnonzero(r["compromise"]).tolist() == compromise
    assert list(r.index) == list(m.index)


def test_random_problems_exercise_every_compromise_rule():
    # Guards the test above: the seeds reach all three branches of step 5.
    seen = set()
    for seed in SEEDS:
        for shape in SHAPES[1:]:
            for v in (0.5, 0.2, 1.0):
                m, objectives, weights = random_problem(seed, shape)
                _, _, _, c1, c2, _ = ref_vikor(m.to_numpy(), objectives, weights, v)
                seen.add((c1, c2 if c1 else None))
    assert seen == {(True, True), (True, False), (False, None)}


# ---------------------------------------------------------------------------------------------
# 4. Degenerate data
# ---------------------------------------------------------------------------------------------


def assert_no_nan(r):
    assert not r.isna().any().any()
    assert np.isfinite(r[["score", "S", "R", "Q"]].to_numpy()).all()


def test_constant_column_adds_nothing():
    # a constant column has d = 0 for everyone: S and R lose nothing but the weights are
    # renormalised, so S and R scale by 1/(1 + 1) and Q (a ratio of differences) is unchanged
    base = rank(OT2004, ["min", "max"], [0.5, 0.5], "vikor")
    more = rank(OT2004.assign(flat=7.0), ["min", "max", "max"], [0.5, 0.5, 1.0], "vikor")
    assert_no_nan(more)
    np.testing.assert_allclose(more["S"], base["S"] / 2, rtol=1e-14)
    np.testing.assert_allclose(more["R"], base["R"] / 2, rtol=1e-14)
    np.testing.assert_allclose(more["Q"], base["Q"], rtol=1e-14)
    assert more["compromise"].tolist() == base["compromise"].tolist()


def test_zero_weight_column_is_ignored():
    base = rank(SK_STABILITY, ["min"] * 5, [1, 1, 1, 1, 0], "vikor")
    changed = SK_STABILITY.assign(C5=[3.0, 1.0, 50.0, 2.0, 7.0])
    other = rank(changed, ["min"] * 5, [1, 1, 1, 1, 0], "vikor")
    pd.testing.assert_frame_equal(base, other)
    with_weight = rank(changed, ["min"] * 5, [1, 1, 1, 1, 1], "vikor")
    assert not np.allclose(with_weight["Q"], base["Q"])


def test_equal_s_gives_a_zero_s_term():
    # A1 = (1, 0), A2 = (0, 1), both max, weights 1:1: d = (0, 1) and (1, 0), so S = 0.5 for
    # both (S* = S-, the S term is 0) and R = 0.5 for both (R* = R-, the R term is 0): Q = 0.
    # DQ = 1: Q(a'') - Q(a') = 0 -> C1 fails; both are in the compromise set; A1 is best by S
    # (tied) -> C2 holds.
    m = pd.DataFrame({"p": [1.0, 0.0], "q": [0.0, 1.0]}, index=["A1", "A2"])
    r = rank(m, ["max", "max"], [1, 1], "vikor")
    assert_no_nan(r)
    np.testing.assert_allclose(r[["S", "R", "Q"]].to_numpy(), [[0.5, 0.5, 0], [0.5, 0.5, 0]])
    assert r["rank"].tolist() == [1, 2]
    assert not r["acceptable_advantage"].any()
    assert r["acceptable_stability"].all()
    assert r["compromise"].all()


def test_equal_r_gives_a_zero_r_term():
    # Three max criteria, weights 1:1:1 (1/3 each). Every alternative is worst on exactly
    # one criterion (d = 1 there), so R = 1/3 for all and the R term is 0:
    #   A1 d = (1, 0, 0)      S = 1/3
    #   A2 d = (0.5, 1, 0)    S = 0.5
    #   A3 d = (0, 0.5, 1)    S = 0.5
    # Q = 0.5·(S - 1/3)/(1/6) = (0, 0.5, 0.5)
    m = pd.DataFrame({"p": [0.0, 1.0, 2.0], "q": [2.0, 0.0, 1.0], "r": [4.0, 4.0, 0.0]})
    r = rank(m, ["max"] * 3, [1, 1, 1], "vikor")
    assert_no_nan(r)
    np.testing.assert_allclose(r["S"], [1 / 3, 0.5, 0.5], rtol=1e-14)
    np.testing.assert_allclose(r["R"], [1 / 3] * 3, rtol=1e-14)
    np.testing.assert_allclose(r["Q"], [0.0, 0.5, 0.5], atol=1e-14)
    # DQ = 0.5 and Q(a'') - Q(a') = 0.5 -> C1 holds (equal counts as reaching DQ)
    assert r["acceptable_advantage"].all() and r["acceptable_stability"].all()
    assert r["compromise"].tolist() == [True, False, False]


def test_single_alternative():
    r = rank(OT2004.iloc[[1]], ["min", "max"], [1, 1], "vikor")
    assert_no_nan(r)
    assert r[["score", "rank", "S", "R", "Q"]].iloc[0].tolist() == [1.0, 1, 0.0, 0.0, 0.0]
    assert r[[*FLAGS, "compromise"]].iloc[0].tolist() == [True, True, True]


def test_all_equal_rows():
    # S = R = 0 for all -> both terms 0, Q = 0, score 1; a tie for the best Q fails C1
    # (Q(a'') - Q(a') = 0 < DQ) and every alternative is in the compromise set
    m = pd.DataFrame([[2.0, 5.0, 1.0]] * 4, index=["d", "b", "c", "a"], columns=list("pqr"))
    r = rank(m, ["max", "min", "max"], [0.5, 0.3, 0.2], "vikor")
    assert_no_nan(r)
    assert r["score"].tolist() == [1.0] * 4
    assert r["rank"].tolist() == [1, 2, 3, 4]
    assert not r["acceptable_advantage"].any()
    assert r["acceptable_stability"].all()
    assert r["compromise"].all()


# ---------------------------------------------------------------------------------------------
# 5. Through rank(): shape of the result and bad parameters
# ---------------------------------------------------------------------------------------------


def test_result_is_indexed_like_the_matrix():
    m, objectives, weights = random_problem(11, (9, 3))
    m.index = pd.Index([f"opt/{i}" for i in [5, 2, 8, 1, 0, 7, 3, 6, 4]])
    r = rank(m, objectives, weights, "vikor")
    assert r.index.equals(m.index)
    assert sorted(r["rank"]) == list(range(1, 10))
    assert r.columns.tolist() == ["score", "rank", "S", "R", "Q", *FLAGS, "compromise"]
    assert r[[*FLAGS, "compromise"]].dtypes.eq(bool).all()


@pytest.mark.parametrize("v", [-0.1, 1.5, np.nan, "half", None])
def test_v_outside_unit_interval_raises(v):
    with pytest.raises(InputError, match="v"):
        rank(OT2004, ["min", "max"], [1, 1], "vikor", v=v)


@pytest.mark.parametrize("params", [{"lambda_": 0.5}, {"V": 0.5}, {"use_compromise_set": True}])
def test_unknown_parameter_raises(params):
    (name,) = params
    with pytest.raises(InputError, match=name):
        rank(OT2004, ["min", "max"], [1, 1], "vikor", **params)
