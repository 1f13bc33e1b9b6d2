"""Tests of PROMETHEE II (:mod:`potential.mcda.promethee`) against published examples, hand
calculations, a second implementation written plainly below (a double loop over pairs and
criteria) and, where it is installed, pymcdm."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest

import potential.mcda.promethee as promethee_module
from potential.errors import InputError
from potential.mcda import rank
from potential.mcda.promethee import PREFERENCE_FUNCTIONS, promethee2

# ---------------------------------------------------------------------------------------------
# A second implementation: the definitions of Brans & Vincke (1985), one pair at a time
# ---------------------------------------------------------------------------------------------


def reference_preference(name, d, q, p, s):
    """P(d) of one preference function, written from the definitions case by case."""
    if d <= 0:
        return 0.0
    if name == "usual":
        return 1.0
    if name == "u-shape":
        return 0.0 if d <= q else 1.0
    if name == "v-shape":
        return d / p if d <= p else 1.0
    if name == "level":
        if d <= q:
            return 0.0
        return 0.5 if d <= p else 1.0
    if name == "linear":
        if d <= q:
            return 0.0
        return (d - q) / (p - q) if d <= p else 1.0
    if name == "gaussian":
        return 1.0 - math.exp(-(d * d) / (2.0 * s * s))
    raise AssertionError(name)


def reference_flows(x, objectives, weights, prefs, q, p, s):
    """φ⁺, φ⁻, φ by explicit loops over pairs (a, b) and criteria j."""
    n, m = len(x), len(x[0])
    pi = [[0.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(n):
            if a == b:
                continue
            total = 0.0
            for j in range(m):
                if objectives[j] == "max":
                    d = x[a][j] - x[b][j]
                else:
                    d = x[b][j] - x[a][j]
                total += weights[j] * reference_preference(prefs[j], d, q[j], p[j], s[j])
            pi[a][b] = total
    if n == 1:
        return [0.0], [0.0], [0.0]
    plus = [sum(pi[a][b] for b in range(n)) / (n - 1) for a in range(n)]
    minus = [sum(pi[b][a] for b in range(n)) / (n - 1) for a in range(n)]
    return plus, minus, [pl - mi for pl, mi in zip(plus, minus, strict=True)]


# ---------------------------------------------------------------------------------------------
# 1. Published examples
# ---------------------------------------------------------------------------------------------


def test_zhao_peng_li_2013_usual_criterion():
    # Zhao, H., Peng, Y., Li, W. (2013). Revised PROMETHEE II for improving efficiency in
    # emergency response. Procedia Computer Science 17, 181-188: three alternatives, three max
    # criteria, usual criterion, weights 0.5 / 0.3 / 0.2; net flows 0.1, -0.3, 0.2 (the example
    # pymcdm's tests and docstring reproduce). Worked again by hand:
    #         c1  c2  c3
    #   a1     4   3   2
    #   a2     3   2   4
    #   a3     5   1   3
    #   π(a1,a2) = .5 + .3 = .8     π(a2,a1) = .2
    #   π(a1,a3) = .3               π(a3,a1) = .5 + .2 = .7
    #   π(a2,a3) = .3 + .2 = .5     π(a3,a2) = .5
    #   φ⁺ = (.8+.3)/2, (.2+.5)/2, (.7+.5)/2 = .55, .35, .60
    #   φ⁻ = (.2+.7)/2, (.8+.5)/2, (.3+.5)/2 = .45, .65, .40
    #   φ  = .10, -.30, .20
    m = pd.DataFrame([[4, 3, 2], [3, 2, 4], [5, 1, 3]], index=["a1", "a2", "a3"], dtype=float)
    out = promethee2(m, ["max"] * 3, np.array([0.5, 0.3, 0.2]))
    np.testing.assert_allclose(out["score"], [0.1, -0.3, 0.2], rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["phi_plus"], [0.55, 0.35, 0.6], rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["phi_minus"], [0.45, 0.65, 0.4], rtol=0, atol=1e-12)
    r = rank(m, ["max"] * 3, [0.5, 0.3, 0.2], "promethee2")
    assert r["rank"].to_dict() == {"a1": 2, "a2": 3, "a3": 1}


def test_papathanasiou_ploskas_2018_linear_criterion():
    # Papathanasiou, J., Ploskas, N. (2018). Multiple Criteria Decision Aid: Methods, Examples
    # and Python Implementations. Springer, ch. 3 "PROMETHEE", numerical example: six actions,
    # four max criteria, linear preference function (V-shape with indifference) with q = 1 and
    # p = 2 on every criterion, weights 0.4 / 0.3 / 0.1 / 0.2. Net flows printed to two
    # decimals: -0.26, -0.52, -0.22, 0.36, 0.70, -0.06 (the book's data and result as used in
    # the book's own PROMETHEE_II.py and in pyrepo-mcda's tests, which cite this chapter).
    # The data are integers, so P = 0 for d <= 1 and P = 1 for d >= 2: every flow is a multiple
    # of 0.02 (weights / 5) and the printed values are exact.
    m = pd.DataFrame(
        [[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]],
        index=[f"a{i}" for i in range(1, 7)],
        columns=["g1", "g2", "g3", "g4"],
        dtype=float,
    )
    w = [0.4, 0.3, 0.1, 0.2]
    out = promethee2(m, ["max"] * 4, np.array(w), preference="linear", q=1, p=2)
    expected = [-0.26, -0.52, -0.22, 0.36, 0.70, -0.06]
    np.testing.assert_allclose(out["score"], expected, rtol=0, atol=1e-12)
    # By hand for a5 = (11, 10, 3, 7), P = 1 where the difference is >= 2:
    #   π(a5, ·): a1 .4+.3+.2, a2 .4+.3+.2, a3 .4+.3+.2, a4 .4+.2, a6 .4+.2 -> φ⁺ = 3.9/5 = .78
    #   π(·, a5): only g3 (.1), for a2, a3, a4 and a6 (7, 6, 7, 5 vs 3) -> φ⁻ = .4/5 = .08
    #   φ(a5) = .70
    np.testing.assert_allclose(out["phi_plus"][4], 0.78, rtol=0, atol=1e-12)
    np.testing.assert_allclose(out["phi_minus"][4], 0.08, rtol=0, atol=1e-12)
    r = rank(m, ["max"] * 4, w, "promethee2", preference="linear", q=1, p=2)
    assert r["rank"].tolist() == [5, 6, 4, 2, 1, 3]


# Brans & Vincke (1985), the numerical example of the paper: six actions, six criteria, one of
# each preference function, equal weights. Data, parameters and the printed table of
# preference indices π(a, b) (three decimals) as reproduced in the tests of
# WAndraszyk/Construct-your-own-PROMETHEE-with-Python-for-MCDA
# (unit_tests/preference/test_PrometheePreference.py); we could not check the paper itself.
BV85 = pd.DataFrame(
    [
        [80, 90, 6, 5.4, 8, 5],
        [65, 58, 2, 9.7, 1, 1],
        [83, 60, 4, 7.2, 4, 7],
        [40, 80, 10, 7.5, 7, 10],
        [52, 72, 6, 2.0, 3, 8],
        [94, 96, 7, 3.6, 5, 6],
    ],
    index=[f"a{i}" for i in range(1, 7)],
    columns=[f"f{j}" for j in range(1, 7)],
    dtype=float,
)
BV85_OBJ = ["min", "max", "min", "min", "min", "max"]
BV85_PARAMS = {
    "preference": ["u-shape", "v-shape", "linear", "level", "usual", "gaussian"],
    "q": [10, None, 0.5, 1, None, None],
    "p": [None, 30, 5, 6, None, None],
    "s": [None, None, None, None, None, 5],
}
BV85_PI = np.array(
    [
        [0.000, 0.296, 0.250, 0.268, 0.100, 0.185],
        [0.462, 0.000, 0.389, 0.333, 0.296, 0.500],
        [0.236, 0.180, 0.000, 0.333, 0.056, 0.429],
        [0.399, 0.505, 0.305, 0.000, 0.223, 0.212],
        [0.444, 0.515, 0.487, 0.380, 0.000, 0.448],
        [0.286, 0.399, 0.250, 0.432, 0.133, 0.000],
    ]
)


def test_brans_vincke_1985_preference_indices():
    # With two alternatives, φ⁺(a) = π(a, b): each printed cell is checked through the public
    # function on the pair alone. The printed table differs from exact arithmetic by at most
    # one unit in the third decimal (13 of 30 cells), e.g. π(a1, a4) = (1/3 + 7/9 + 1/2) / 6
    # = 0.26852 printed as 0.268; so the tolerance is 0.001, not half of it.
    w = np.full(6, 1 / 6)
    for a in range(6):
        for b in range(6):
            if a == b:
                continue
            pair = BV85.iloc[[a, b]]
            out = promethee2(pair, BV85_OBJ, w, **BV85_PARAMS)
            assert out["phi_plus"][0] == pytest.approx(BV85_PI[a, b], abs=1.0005e-3), (a, b)
            assert out["phi_minus"][0] == pytest.approx(BV85_PI[b, a], abs=1.0005e-3), (a, b)
    # a few cells worked by hand exactly (P per criterion f1..f6):
    #   π(a5, a2): f1 65-52 = 13 > 10 -> 1; f2 72-58 = 14 -> 14/30; f3 2-6 < 0 -> 0;
    #              f4 9.7-2 = 7.7 > 6 -> 1; f5 1-3 < 0 -> 0; f6 8-1 = 7 -> 1-exp(-49/50)
    #              sum / 6 = (2 + 14/30 + 1 - exp(-0.98)) / 6 = 0.515232...
    pair = BV85.iloc[[4, 1]]
    exact = (2 + 14 / 30 + 1 - 0.37531109885139957) / 6
    assert promethee2(pair, BV85_OBJ, w, **BV85_PARAMS)["phi_plus"][0] == pytest.approx(
        exact, abs=1e-15
    )


def test_brans_vincke_1985_flows_from_printed_table():
    # φ⁺ and φ⁻ of the six actions: row and column means of the printed table (n - 1 = 5).
    out = promethee2(BV85, BV85_OBJ, np.full(6, 1 / 6), **BV85_PARAMS)
    np.testing.assert_allclose(out["phi_plus"], BV85_PI.sum(axis=1) / 5, rtol=0, atol=1e-3)
    np.testing.assert_allclose(out["phi_minus"], BV85_PI.sum(axis=0) / 5, rtol=0, atol=1e-3)
    # the ranking the printed table gives: a5 > a2 > a4 > a6 > a3 > a1
    printed = BV85_PI.sum(axis=1) / 5 - BV85_PI.sum(axis=0) / 5
    r = rank(BV85, BV85_OBJ, [1] * 6, "promethee2", **BV85_PARAMS)
    assert r["rank"].tolist() == (len(printed) - np.argsort(np.argsort(printed))).tolist()
    assert r["rank"].tolist() == [6, 2, 5, 3, 1, 4]


# ---------------------------------------------------------------------------------------------
# 2. Each preference function by hand: two alternatives, one criterion, weight 1
# ---------------------------------------------------------------------------------------------


def preference_at(d, objective="max", **params):
    """P(a, b) for a difference d (two alternatives: φ⁺(a) = π(a, b) = P(d))."""
    x = [d, 0.0] if objective == "max" else [-d, 0.0]
    m = pd.DataFrame({"c": x})
    out = promethee2(m, [objective], np.array([1.0]), **params)
    # and b is never preferred to a when d >= 0
    if d >= 0:
        assert out["phi_minus"][0] == 0.0
    return out["phi_plus"][0]


@pytest.mark.parametrize("objective", ["max", "min"])
@pytest.mark.parametrize(
    ("params", "points"),
    [
        # usual: 0 for d <= 0, 1 for d > 0
        ({"preference": "usual"}, [(-1, 0), (0, 0), (1e-9, 1), (5, 1)]),
        # u-shape, q = 1: 0 up to and at q, 1 above
        ({"preference": "u-shape", "q": 1}, [(-2, 0), (0, 0), (0.5, 0), (1, 0), (1.5, 1)]),
        # u-shape with q = 0 is the usual criterion
        ({"preference": "u-shape", "q": 0}, [(0, 0), (1e-9, 1)]),
        # v-shape, p = 4: d / p up to and at p, then 1
        ({"preference": "v-shape", "p": 4}, [(-2, 0), (0, 0), (1, 0.25), (2, 0.5), (4, 1)]),
        ({"preference": "v-shape", "p": 4}, [(5, 1), (100, 1)]),
        # v-shape with p = 0 is the usual criterion
        ({"preference": "v-shape", "p": 0}, [(0, 0), (1e-9, 1), (3, 1)]),
        # level, q = 1, p = 3: 0 up to q, 1/2 in (q, p], 1 above p
        ({"preference": "level", "q": 1, "p": 3}, [(0.5, 0), (1, 0), (2, 0.5), (3, 0.5)]),
        ({"preference": "level", "q": 1, "p": 3}, [(3.5, 1), (-2, 0)]),
        # linear, q = 1, p = 3: (d - q) / (p - q) in (q, p]
        ({"preference": "linear", "q": 1, "p": 3}, [(0.5, 0), (1, 0), (2, 0.5), (2.5, 0.75)]),
        ({"preference": "linear", "q": 1, "p": 3}, [(3, 1), (4, 1), (-2, 0)]),
        # linear with q = p is the quasi-criterion (u-shape)
        ({"preference": "linear", "q": 2, "p": 2}, [(2, 0), (2.5, 1)]),
        # gaussian, s = 2: 1 - exp(-d²/8)
        #   d = 1: 1 - e^(-1/8) = 0.11750309741540459
        #   d = 2: 1 - e^(-1/2) = 0.39346934028736658  (d = s)
        #   d = 4: 1 - e^(-2)   = 0.86466471676338730
        ({"preference": "gaussian", "s": 2}, [(-2, 0), (0, 0), (1, 0.11750309741540459)]),
        ({"preference": "gaussian", "s": 2}, [(2, 0.39346934028736658), (4, 0.8646647167633873)]),
    ],
)
def test_preference_function_by_hand(params, points, objective):
    for d, expected in points:
        assert preference_at(d, objective, **params) == pytest.approx(expected, abs=1e-15), d


def test_preference_functions_in_one_problem():
    # three alternatives, three criteria with different functions (weights 1/2, 1/4, 1/4):
    #          cost (min, linear q=5 p=15)  time (min, level q=1 p=3)  score (max, gaussian s=1)
    #   a          100                          4                          2
    #   b          110                          2                          3
    #   c          104                          3                          2
    # cost: d(a,b) = 10 -> (10-5)/10 = .5;  d(a,c) = 4 -> 0;  d(c,b) = 6 -> .1
    # time: d(b,a) = 2 -> .5;  d(b,c) = 1 -> 0;  d(c,a) = 1 -> 0
    # score: d(b,a) = d(b,c) = 1 -> g = 1 - e^(-1/2) = 0.39346934028736658; a vs c tie -> 0
    # π(a,b) = .5·.5 = .25               π(b,a) = .25·.5 + .25·g
    # π(a,c) = 0                         π(c,a) = 0
    # π(b,c) = .25·g                     π(c,b) = .5·.1 = .05
    g = 0.39346934028736658
    m = pd.DataFrame(
        {"cost": [100.0, 110.0, 104.0], "time": [4.0, 2.0, 3.0], "score": [2.0, 3.0, 2.0]},
        index=["a", "b", "c"],
    )
    out = promethee2(
        m,
        ["min", "min", "max"],
        np.array([0.5, 0.25, 0.25]),
        preference={"cost": "linear", "time": "level", "score": "gaussian"},
        q={"cost": 5, "time": 1},
        p={"cost": 15, "time": 3},
        s={"score": 1},
    )
    plus = [(0.25 + 0) / 2, (0.125 + 0.25 * g + 0.25 * g) / 2, (0 + 0.05) / 2]
    minus = [(0.125 + 0.25 * g + 0) / 2, (0.25 + 0.05) / 2, (0 + 0.25 * g) / 2]
    np.testing.assert_allclose(out["phi_plus"], plus, rtol=0, atol=1e-15)
    np.testing.assert_allclose(out["phi_minus"], minus, rtol=0, atol=1e-15)
    np.testing.assert_allclose(out["score"], np.subtract(plus, minus), rtol=0, atol=1e-15)


# ---------------------------------------------------------------------------------------------
# 3. Seeded random problems against the double loop (and pymcdm where installed)
# ---------------------------------------------------------------------------------------------

SHAPES = [(2, 1), (3, 2), (4, 3), (6, 4), (9, 5), (15, 3), (25, 7)]


def random_problem(seed, n, m, pref, integer=False):
    """Matrix, objectives, weights and per-criterion parameters, all drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    if integer:  # many ties and differences exactly at integer thresholds
        x = rng.integers(0, 6, size=(n, m)).astype(float)
        q = rng.integers(0, 3, size=m).astype(float)
        p = q + rng.integers(1, 3, size=m)
        s = rng.integers(1, 4, size=m).astype(float)
    else:
        scale = 10.0 ** rng.uniform(-2, 4, size=m)  # criteria in very different units
        x = rng.normal(size=(n, m)) * scale
        q = rng.uniform(0, 1, size=m) * scale
        p = q + rng.uniform(0.01, 2, size=m) * scale
        s = rng.uniform(0.05, 2, size=m) * scale
    objectives = list(rng.choice(["max", "min"], size=m))
    w = rng.uniform(0, 1, size=m)
    w[rng.integers(m)] += 0.1  # never all zero
    w = w / w.sum()
    names = list(rng.choice(list(PREFERENCE_FUNCTIONS), size=m)) if pref == "mixed" else [pref] * m
    return x, objectives, w, names, q.tolist(), p.tolist(), s.tolist()


@pytest.mark.parametrize("integer", [False, True])
@pytest.mark.parametrize("pref", [*PREFERENCE_FUNCTIONS, "mixed"])
@pytest.mark.parametrize("shape", SHAPES)
def test_random_problems_match_double_loop(shape, pref, integer):
    n, m = shape
    seed = 1000 * n + 10 * m + [*PREFERENCE_FUNCTIONS, "mixed"].index(pref) + 100_000 * integer
    x, objectives, w, names, q, p, s = random_problem(seed, n, m, pref, integer)
    frame = pd.DataFrame(x, columns=[f"c{j}" for j in range(m)])
    out = promethee2(frame, objectives, w, preference=names, q=q, p=p, s=s)
    plus, minus, net = reference_flows(x.tolist(), objectives, w.tolist(), names, q, p, s)
    np.testing.assert_allclose(out["phi_plus"], plus, rtol=0, atol=1e-9)
    np.testing.assert_allclose(out["phi_minus"], minus, rtol=0, atol=1e-9)
    np.testing.assert_allclose(out["score"], net, rtol=0, atol=1e-9)
    assert out["score"].shape == out["phi_plus"].shape == out["phi_minus"].shape == (n,)


# our name → pymcdm's name (pymcdm has no gaussian function)
PYMCDM_NAMES = {
    "usual": "usual",
    "u-shape": "ushape",
    "v-shape": "vshape",
    "level": "level",
    "linear": "vshape_2",
}


@pytest.mark.filterwarnings("ignore:Alternatives with indices:UserWarning")
@pytest.mark.parametrize("pref", list(PYMCDM_NAMES))
@pytest.mark.parametrize("shape", [(3, 2), (6, 4), (12, 5)])
@pytest.mark.parametrize("integer", [False, True])
def test_random_problems_match_pymcdm(shape, pref, integer):
    pymcdm_methods = pytest.importorskip("pymcdm.methods")
    n, m = shape
    x, objectives, w, names, q, p, _ = random_problem(7 * n + m, n, m, pref, integer)
    types = np.array([1 if o == "max" else -1 for o in objectives])
    body = pymcdm_methods.PROMETHEE_II(PYMCDM_NAMES[pref], p=p, q=q)
    theirs = body(x, w, types)
    frame = pd.DataFrame(x, columns=[f"c{j}" for j in range(m)])
    ours = promethee2(frame, objectives, w, preference=pref, q=q, p=p)
    np.testing.assert_allclose(ours["score"], theirs, rtol=0, atol=1e-9)


# ---------------------------------------------------------------------------------------------
# 4. Properties
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_flows_sum_to_zero_and_stay_in_range(seed):
    rng = np.random.default_rng(seed)
    n, m = rng.integers(2, 20), rng.integers(1, 8)
    x, objectives, w, names, q, p, s = random_problem(seed, n, m, "mixed", bool(seed % 2))
    out = promethee2(pd.DataFrame(x), objectives, w, preference=names, q=q, p=p, s=s)
    assert abs(out["score"].sum()) < 1e-12
    assert abs(out["phi_plus"].sum() - out["phi_minus"].sum()) < 1e-12
    assert np.all((out["score"] >= -1) & (out["score"] <= 1))
    for flow in (out["phi_plus"], out["phi_minus"]):
        assert np.all((flow >= 0) & (flow <= 1))


def test_dominating_alternative_gets_flow_one_under_usual():
    # a beats every other row on every criterion: φ⁺(a) = 1, φ⁻(a) = 0
    m = pd.DataFrame({"x": [5.0, 1.0, 2.0, 3.0], "y": [0.0, 4.0, 3.0, 1.0]})
    out = promethee2(m, ["max", "min"], np.array([0.3, 0.7]))
    assert out["phi_plus"][0] == 1.0
    assert out["phi_minus"][0] == 0.0
    assert out["score"][0] == 1.0


@pytest.mark.parametrize("pref", list(PREFERENCE_FUNCTIONS))
def test_all_equal_rows(pref):
    m = pd.DataFrame([[3.0, 7.0, -1.0]] * 4, index=["w", "x", "y", "z"])
    params = {"q": 1.0, "p": 2.0, "s": 1.0}
    r = rank(m, ["max", "min", "max"], [1, 2, 3], "promethee2", preference=pref, **params)
    assert r["score"].tolist() == [0.0] * 4
    assert r["phi_plus"].tolist() == [0.0] * 4
    assert r["phi_minus"].tolist() == [0.0] * 4
    assert r["rank"].tolist() == [1, 2, 3, 4]  # ties keep row order


@pytest.mark.parametrize("seed", range(5))
def test_zero_weight_criterion_has_no_effect(seed):
    x, objectives, w, names, q, p, s = random_problem(50 + seed, 7, 4, "mixed")
    base = promethee2(pd.DataFrame(x), objectives, w, preference=names, q=q, p=p, s=s)
    rng = np.random.default_rng(seed)
    extra = np.column_stack([x, rng.normal(size=7) * 100])
    out = promethee2(
        pd.DataFrame(extra),
        [*objectives, "max"],
        np.append(w, 0.0),
        preference=[*names, "usual"],
        q=[*q, None],
        p=[*p, None],
        s=[*s, None],
    )
    for key in ("score", "phi_plus", "phi_minus"):
        np.testing.assert_allclose(out[key], base[key], rtol=0, atol=1e-15)


@pytest.mark.parametrize("pref", list(PREFERENCE_FUNCTIONS))
def test_constant_column_contributes_nothing(pref):
    x, objectives, w, _, q, p, s = random_problem(77, 6, 3, "usual")
    base = promethee2(pd.DataFrame(x), objectives, w)
    # same weights for the varying columns, plus weight 0.4 on a constant column
    extra = np.column_stack([x, np.full(6, 12.5)])
    out = promethee2(
        pd.DataFrame(extra),
        [*objectives, "min"],
        np.append(w, 0.4),
        preference=["usual"] * 3 + [pref],
        q=[None] * 3 + [1.0],
        p=[None] * 3 + [2.0],
        s=[None] * 3 + [1.0],
    )
    for key in ("score", "phi_plus", "phi_minus"):
        np.testing.assert_allclose(out[key], base[key], rtol=0, atol=1e-15)
    # through rank(), weights are divided by their sum: the flows shrink by (1 - share)
    cols = {f"c{j}": x[:, j] for j in range(3)}
    r = rank(
        pd.DataFrame({**cols, "const": 12.5}),
        [*objectives, "max"],
        [*w, 0.25],
        "promethee2",
    )
    np.testing.assert_allclose(r["score"], base["score"] / 1.25, rtol=0, atol=1e-15)


def test_single_alternative():
    m = pd.DataFrame({"cost": [10.0], "quality": [3.0]}, index=["only"])
    r = rank(m, ["min", "max"], [1, 1], "promethee2", preference="linear", q=1, p=2)
    assert r.loc["only"].to_dict() == {"score": 0.0, "rank": 1, "phi_plus": 0.0, "phi_minus": 0.0}


@pytest.mark.parametrize("pref", [*PREFERENCE_FUNCTIONS, "mixed"])
def test_min_criterion_equals_max_on_negated_column(pref):
    x, objectives, w, names, q, p, s = random_problem(99, 8, 4, pref)
    flipped = x * np.where(np.asarray(objectives) == "min", -1.0, 1.0)
    a = promethee2(pd.DataFrame(x), objectives, w, preference=names, q=q, p=p, s=s)
    b = promethee2(pd.DataFrame(flipped), ["max"] * 4, w, preference=names, q=q, p=p, s=s)
    for key in ("score", "phi_plus", "phi_minus"):
        np.testing.assert_array_equal(a[key], b[key])


def test_row_order_does_not_change_flows():
    x, objectives, w, names, q, p, s = random_problem(123, 9, 5, "mixed")
    order = np.random.default_rng(5).permutation(9)
    a = promethee2(pd.DataFrame(x), objectives, w, preference=names, q=q, p=p, s=s)
    b = promethee2(pd.DataFrame(x[order]), objectives, w, preference=names, q=q, p=p, s=s)
    np.testing.assert_allclose(b["score"], a["score"][order], rtol=0, atol=1e-15)


def test_thresholds_as_scalar_sequence_mapping_and_series_agree():
    x, objectives, _, _, _, _, _ = random_problem(11, 6, 3, "linear")
    frame = pd.DataFrame(x, columns=["a", "b", "c"])
    w = np.array([0.2, 0.3, 0.5])
    forms = [
        {"preference": "linear", "q": 0.5, "p": 2.0},
        {"preference": ["linear"] * 3, "q": [0.5] * 3, "p": (2.0, 2.0, 2.0)},
        {"preference": dict.fromkeys("abc", "linear"), "q": dict.fromkeys("abc", 0.5), "p": 2},
        {"preference": "linear", "q": pd.Series(0.5, index=list("cba")), "p": np.full(3, 2.0)},
    ]
    results = [promethee2(frame, objectives, w, **f)["score"] for f in forms]
    for other in results[1:]:
        np.testing.assert_array_equal(other, results[0])


def test_unused_thresholds_are_ignored():
    m = pd.DataFrame({"x": [1.0, 2.0, 4.0]})
    a = promethee2(m, ["max"], np.array([1.0]))
    b = promethee2(m, ["max"], np.array([1.0]), q=100, p=200, s=300)
    np.testing.assert_array_equal(a["score"], b["score"])


def test_docstring_examples():
    result = doctest.testmod(promethee_module)
    assert result.attempted > 0
    assert result.failed == 0


# ---------------------------------------------------------------------------------------------
# 5. Through potential.mcda.rank
# ---------------------------------------------------------------------------------------------

HAND = pd.DataFrame(
    {"cost": [100.0, 110.0, 104.0], "time": [4.0, 2.0, 3.0], "score": [2.0, 3.0, 2.0]},
    index=["a", "b", "c"],
)
HAND_OBJ = ["min", "min", "max"]


def test_rank_result_frame():
    r = rank(HAND, HAND_OBJ, {"cost": 2, "time": 1, "score": 1}, "promethee2")
    assert list(r.columns) == ["score", "rank", "phi_plus", "phi_minus"]
    assert r.index.equals(HAND.index)
    assert sorted(r["rank"]) == [1, 2, 3]
    # usual criterion, weights 1/2, 1/4, 1/4:
    #   π(a,b) = .5 (cost)   π(b,a) = .25 + .25 = .5
    #   π(a,c) = .5 (cost)   π(c,a) = .25 (time)
    #   π(b,c) = .25 + .25   π(c,b) = .5 (cost)
    #   φ⁺ = (.5+.5)/2, (.5+.5)/2, (.25+.5)/2 = .5, .5, .375
    #   φ⁻ = (.5+.25)/2, (.5+.5)/2, (.5+.5)/2 = .375, .5, .5
    np.testing.assert_allclose(r["score"], [0.125, 0.0, -0.125], rtol=0, atol=1e-15)
    np.testing.assert_allclose(r["phi_plus"], [0.5, 0.5, 0.375], rtol=0, atol=1e-15)
    np.testing.assert_allclose(r["phi_minus"], [0.375, 0.5, 0.5], rtol=0, atol=1e-15)
    assert r["rank"].tolist() == [1, 2, 3]


def test_rank_with_integer_matrix():
    m = pd.DataFrame([[4, 3, 2], [3, 2, 4], [5, 1, 3]], index=["x", "y", "z"])
    r = rank(m, ["max"] * 3, [5, 3, 2], "promethee2", preference="v-shape", p=[2, 2, 2])
    # v-shape p = 2: P = d/2 for d = 1, 1 for d >= 2
    #   π(x,y) = .5·.5 + .3·.5 = .4          π(y,x) = .2·1 = .2
    #   π(x,z) = .3·1 = .3                   π(z,x) = .5·.5 + .2·.5 = .35
    #   π(y,z) = .3·.5 + .2·.5 = .25         π(z,y) = .5·1 = .5
    #   φ = (.7 - .55)/2, (.45 - .9)/2, (.85 - .55)/2 = .075, -.225, .15
    np.testing.assert_allclose(r["score"], [0.075, -0.225, 0.15], rtol=0, atol=1e-15)
    assert r["rank"].to_dict() == {"x": 2, "y": 3, "z": 1}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"preference": "triangle"}, r"preference: Kriterium 'cost' hat 'triangle'; erwartet"),
        ({"preference": ["usual", "vshape", "usual"]}, r"Kriterium 'time' hat 'vshape'"),
        (
            {"preference": {"cost": "usual", "time": "usual"}},
            r"preference: keine Präferenzfunktion für die Kriterien \['score'\]",
        ),
        (
            {"preference": {"cost": "usual", "time": "usual", "score": "usual", "x": "usual"}},
            r"preference: unbekannte Kriterien \['x'\]",
        ),
        ({"preference": ["usual", "usual"]}, r"preference: 2 Werte angegeben; erwartet: 3"),
        (
            {"preference": "u-shape"},
            r"q: Kriterium 'cost' verwendet die Präferenzfunktion 'u-shape', die q braucht",
        ),
        (
            {"preference": "v-shape", "q": 1},
            r"p: Kriterium 'cost' verwendet die Präferenzfunktion 'v-shape', die p braucht",
        ),
        ({"preference": "level", "p": 2}, r"q: Kriterium 'cost' .* 'level'"),
        ({"preference": "linear", "q": 1}, r"p: Kriterium 'cost' .* 'linear'"),
        (
            {"preference": "gaussian"},
            r"s: Kriterium 'cost' verwendet die Präferenzfunktion 'gaussian', die s braucht",
        ),
        ({"preference": "gaussian", "s": 0}, r"s: Kriterium 'cost' hat s = 0"),
        ({"preference": "gaussian", "s": [1, -2, 1]}, r"s: Kriterium 'time' hat -2; erwartet"),
        ({"preference": "u-shape", "q": -1}, r"q: Kriterium 'cost' hat -1"),
        (
            {"preference": "v-shape", "p": {"cost": 1, "time": 1, "score": -0.5}},
            r"p: Kriterium 'score' hat -0.5",
        ),
        ({"preference": "linear", "q": 1, "p": float("nan")}, r"p: Kriterium 'cost' hat nan"),
        ({"preference": "linear", "q": 1, "p": float("inf")}, r"p: Kriterium 'cost' hat inf"),
        ({"preference": "linear", "q": [1, 1, "2"], "p": 3}, r"q: Kriterium 'score' hat '2'"),
        ({"preference": "linear", "q": [1, 5, 1], "p": 3}, r"q: Kriterium 'time' hat q = 5.0 > p"),
        ({"preference": "level", "q": 2, "p": 2}, r"q: Kriterium 'cost' hat q = 2.0 ≥ p = 2.0"),
        (
            {"preference": "linear", "q": {"cost": 1, "speed": 1}, "p": 3},
            r"q: unbekannte Kriterien \['speed'\]",
        ),
        (
            {"preference": ["linear", "usual", "usual"], "q": {"time": 1}, "p": 3},
            r"q: Kriterium 'cost' verwendet die Präferenzfunktion 'linear'",
        ),
        ({"preference": "linear", "q": [1, 1], "p": 3}, r"q: 2 Werte angegeben; erwartet: 3"),
        ({"preference": 3}, r"preference: Kriterium 'cost' hat 3"),
        ({"r": 1}, r"das Verfahren 'promethee2' hat keinen Parameter 'r'"),
    ],
)
def test_bad_parameters(params, message):
    with pytest.raises(InputError, match=message):
        rank(HAND, HAND_OBJ, [1, 1, 1], "promethee2", **params)


def test_bad_parameter_in_english():
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError) as info:
        rank(HAND, HAND_OBJ, [1, 1, 1], "promethee2", preference="level", q=2, p=2)
    assert str(info.value) == (
        "q: criterion 'cost' has q = 2.0 ≥ p = 2.0; the 'level' function needs q < p"
    )
