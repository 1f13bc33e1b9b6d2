"""Tests of :mod:`potential.mcda` against hand calculations, a published TOPSIS example and a
second (plain numpy) implementation of every formula in the module docstrings."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import rank, value_scores

# ---------------------------------------------------------------------------------------------
# 1. WSM, worked by hand
# ---------------------------------------------------------------------------------------------

# Three alternatives, three criteria; "cost" is a min criterion.
#
#            cost (min)  quality (max)  speed (max)
#   a          100            3             10
#   b          200            9             20
#   c          150            6             40
#
# Linear value functions (min-max per column):
#   cost:    l = 100, h = 200, v = (200 - x) / 100  ->  a = 1,   b = 0,   c = 0.5
#   quality: l = 3,   h = 9,   v = (x - 3) / 6      ->  a = 0,   b = 1,   c = 0.5
#   speed:   l = 10,  h = 40,  v = (x - 10) / 30    ->  a = 0,   b = 1/3, c = 1
# Weights 2 : 1 : 1  ->  0.5, 0.25, 0.25
#   a = 0.5·1   + 0.25·0   + 0.25·0   = 0.5
#   b = 0.5·0   + 0.25·1   + 0.25·1/3 = 1/3
#   c = 0.5·0.5 + 0.25·0.5 + 0.25·1   = 0.625
# Ranks: c = 1, a = 2, b = 3.
HAND = pd.DataFrame(
    {"cost": [100.0, 200.0, 150.0], "quality": [3.0, 9.0, 6.0], "speed": [10.0, 20.0, 40.0]},
    index=["a", "b", "c"],
)
HAND_OBJ = ["min", "max", "max"]
HAND_W = [2, 1, 1]


def test_value_scores_hand_example():
    v = value_scores(HAND, HAND_OBJ)
    expected = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1 / 3], [0.5, 0.5, 1.0]])
    np.testing.assert_allclose(v.to_numpy(), expected, rtol=0, atol=1e-15)
    assert list(v.index) == ["a", "b", "c"]
    assert list(v.columns) == ["cost", "quality", "speed"]


def test_wsm_hand_example():
    r = rank(HAND, HAND_OBJ, HAND_W, "wsm")
    np.testing.assert_allclose(r["score"].to_numpy(), [0.5, 1 / 3, 0.625], rtol=0, atol=1e-15)
    assert r["rank"].to_dict() == {"a": 2, "b": 3, "c": 1}


def test_wsm_hand_example_with_bounds():
    # cost with fixed bounds (0, 400): v = (400 - x) / 400 -> a = 0.75, b = 0.5, c = 0.625
    #   a = 0.5·0.75  + 0            + 0          = 0.375
    #   b = 0.5·0.5   + 0.25         + 0.25/3     = 0.25 + 1/3 = 0.58333...
    #   c = 0.5·0.625 + 0.125        + 0.25       = 0.6875
    r = rank(HAND, HAND_OBJ, HAND_W, "wsm", bounds={"cost": (0.0, 400.0)})
    np.testing.assert_allclose(
        r["score"].to_numpy(), [0.375, 0.25 + 1 / 3, 0.6875], rtol=0, atol=1e-15
    )
    assert r["rank"].tolist() == [3, 2, 1]


def test_bounds_must_contain_the_values():
    with pytest.raises(InputError, match="cost"):
        value_scores(HAND, HAND_OBJ, bounds={"cost": (120.0, 400.0)})


# ---------------------------------------------------------------------------------------------
# 2. TOPSIS, published example
# ---------------------------------------------------------------------------------------------

# Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 131-133: choosing a fighter
# aircraft. Qualitative ratings are on the 1-9 interval scale of the book (low = 3,
# average = 5, high = 7, very high = 9). Acquisition cost is the one cost criterion.
#
#        speed  range  payload  cost  reliability  manoeuvrability
#   A1   2.0    1500   20000    5.5   5            9
#   A2   2.5    2700   18000    6.5   3            5
#   A3   1.8    2000   21000    4.5   7            7
#   A4   2.2    1800   20000    5.0   5            5
#   w    0.2    0.1    0.1      0.1   0.2          0.3
#
# Column norms sqrt(Σx²):  sqrt(18.33) = 4.28135,  sqrt(16,780,000) = 4096.34,
#   sqrt(1.565e9) = 39560.08,  sqrt(117.75) = 10.85127,  sqrt(108) = 10.39230,
#   sqrt(180) = 13.41641
# Normalised r = x / norm:
#   A1  0.46714  0.36618  0.50556  0.50685  0.48113  0.67082
#   A2  0.58393  0.65913  0.45500  0.59901  0.28868  0.37268
#   A3  0.42043  0.48824  0.53084  0.41470  0.67358  0.52175
#   A4  0.51386  0.43942  0.50556  0.46078  0.48113  0.37268
# Weighted v = w·r:
#   A1  0.093428  0.036618  0.050556  0.050685  0.096225  0.201246
#   A2  0.116785  0.065913  0.045500  0.059901  0.057735  0.111803
#   A3  0.084086  0.048824  0.053084  0.041470  0.134715  0.156525
#   A4  0.102771  0.043942  0.050556  0.046078  0.096225  0.111803
# Ideal  A+ (max, cost min): 0.116785 0.065913 0.053084 0.041470 0.134715 0.201246
# Anti-ideal A-:             0.084086 0.036618 0.045500 0.059901 0.057735 0.111803
# Distances  d+ = 0.0545575, 0.1196793, 0.0579767, 0.1009367
#            d- = 0.0983832, 0.0439027, 0.0920441, 0.0458357
# Closeness C = d- / (d+ + d-) = 0.64327700, 0.26838357, 0.61354229, 0.31229107
# Order A1 > A3 > A4 > A2 (the book's preference order).
AIRCRAFT = pd.DataFrame(
    {
        "speed": [2.0, 2.5, 1.8, 2.2],
        "range": [1500.0, 2700.0, 2000.0, 1800.0],
        "payload": [20000.0, 18000.0, 21000.0, 20000.0],
        "cost": [5.5, 6.5, 4.5, 5.0],
        "reliability": [5.0, 3.0, 7.0, 5.0],
        "manoeuvrability": [9.0, 5.0, 7.0, 5.0],
    },
    index=["A1", "A2", "A3", "A4"],
)
AIRCRAFT_OBJ = ["max", "max", "max", "min", "max", "max"]
AIRCRAFT_W = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
AIRCRAFT_C = [0.64327700, 0.26838357, 0.61354229, 0.31229107]


def test_topsis_hwang_yoon_aircraft():
    r = rank(AIRCRAFT, AIRCRAFT_OBJ, AIRCRAFT_W, "topsis")
    np.testing.assert_allclose(r["score"].to_numpy(), AIRCRAFT_C, rtol=0, atol=1e-6)
    assert r["rank"].to_dict() == {"A1": 1, "A2": 4, "A3": 2, "A4": 3}


def test_topsis_vector_is_the_default_normalisation():
    default = rank(AIRCRAFT, AIRCRAFT_OBJ, AIRCRAFT_W, "topsis")
    vector = rank(AIRCRAFT, AIRCRAFT_OBJ, AIRCRAFT_W, "topsis", normalization="vector")
    minmax = rank(AIRCRAFT, AIRCRAFT_OBJ, AIRCRAFT_W, "topsis", normalization="minmax")
    np.testing.assert_array_equal(default["score"], vector["score"])
    assert not np.allclose(default["score"], minmax["score"])


# ---------------------------------------------------------------------------------------------
# 3. WPM, worked by hand
# ---------------------------------------------------------------------------------------------


# Cost (min) enters as 1/x; weights 3 : 1 -> 0.75, 0.25. Powers of two keep it exact:
#   a: cost 2, quality 4   -> (1/2)^0.75 · 4^0.25  = 2^-0.75 · 2^0.5 = 2^-0.25 = 0.840896...
#   b: cost 4, quality 16  -> (1/4)^0.75 · 16^0.25 = 2^-1.5  · 2^1   = 2^-0.5  = 0.707107...
#   c: cost 1, quality 1   -> 1
# log10 scores: -0.25·log10 2, -0.5·log10 2, 0. Ranks: c = 1, a = 2, b = 3.
def test_wpm_hand_example():
    m = pd.DataFrame({"cost": [2.0, 4.0, 1.0], "quality": [4.0, 16.0, 1.0]}, index=list("abc"))
    r = rank(m, ["min", "max"], [3, 1], "wpm")
    np.testing.assert_allclose(r["score"].to_numpy(), [2**-0.25, 2**-0.5, 1.0], rtol=1e-12)
    lg2 = math.log10(2)
    np.testing.assert_allclose(
        r["log10_score"].to_numpy(), [-0.25 * lg2, -0.5 * lg2, 0.0], rtol=0, atol=1e-12
    )
    assert r["rank"].to_dict() == {"a": 2, "b": 3, "c": 1}


# value_floor f = 0.2 on the WSM example: u = 0.2 + 0.8·v with v from the hand table above
#   a: v = (1, 0, 0)        -> u = (1, 0.2, 0.2)
#   b: v = (0, 1, 1/3)      -> u = (0.2, 1, 0.2 + 0.8/3 = 7/15)
#   c: v = (0.5, 0.5, 1)    -> u = (0.6, 0.6, 1)
# weights 0.5, 0.25, 0.25:
#   a = 1^0.5 · 0.2^0.25 · 0.2^0.25       = 0.2^0.5               = 0.447214
#   b = 0.2^0.5 · 1^0.25 · (7/15)^0.25     = 0.447214 · 0.826517   = 0.369630
#   c = 0.6^0.5 · 0.6^0.25 · 1^0.25        = 0.6^0.75              = 0.681731
# Ranks: c = 1, a = 2, b = 3.
def test_wpm_value_floor_hand_example():
    r = rank(HAND, HAND_OBJ, HAND_W, "wpm", value_floor=0.2)
    expected = [0.2**0.5, 0.2**0.5 * (7 / 15) ** 0.25, 0.6**0.75]
    np.testing.assert_allclose(r["score"].to_numpy(), expected, rtol=1e-12)
    np.testing.assert_allclose(r["score"].to_numpy(), [0.447214, 0.369630, 0.681731], atol=1e-6)
    assert r["rank"].to_dict() == {"a": 2, "b": 3, "c": 1}


def test_wpm_value_floor_admits_zero_and_negative_values():
    m = pd.DataFrame({"gain": [-5.0, 0.0, 5.0], "risk": [0.0, 0.5, 1.0]}, index=list("xyz"))
    # gain v = (0, 0.5, 1), risk (min) v = (1, 0.5, 0); f = 0.5 -> u = 0.5 + 0.5·v
    #   x = 0.5^0.5 · 1^0.5 = 0.70711;  y = 0.75^0.5 · 0.75^0.5 = 0.75;  z = 1 · 0.5^0.5
    r = rank(m, ["max", "min"], [1, 1], "wpm", value_floor=0.5)
    np.testing.assert_allclose(r["score"].to_numpy(), [0.5**0.5, 0.75, 0.5**0.5], rtol=1e-12)
    assert r["rank"].tolist() == [2, 1, 3]


@pytest.mark.parametrize("floor", [0.0, 1.0, -0.1, 1.5])
def test_wpm_value_floor_outside_unit_interval(floor):
    with pytest.raises(InputError, match="value_floor"):
        rank(HAND, HAND_OBJ, HAND_W, "wpm", value_floor=floor)


# ---------------------------------------------------------------------------------------------
# 4. Second implementation on seeded random matrices
# ---------------------------------------------------------------------------------------------


def ref_ranks(scores) -> list[int]:
    """Documented tie rule: descending score, ties keep row order (1 = best)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    out = [0] * len(scores)
    for position, i in enumerate(order, start=1):
        out[i] = position
    return out


def ref_wsm(x, objectives, w):
    w = np.asarray(w, float) / np.sum(w)
    lo, hi = x.min(axis=0), x.max(axis=0)
    v = np.empty_like(x)
    for j, obj in enumerate(objectives):
        if hi[j] == lo[j]:
            v[:, j] = 0.0
        elif obj == "max":
            v[:, j] = (x[:, j] - lo[j]) / (hi[j] - lo[j])
        else:
            v[:, j] = (hi[j] - x[:, j]) / (hi[j] - lo[j])
    return v @ w


def ref_wpm(x, objectives, w):
    w = np.asarray(w, float) / np.sum(w)
    score = np.ones(x.shape[0])
    for j, obj in enumerate(objectives):
        col = x[:, j] if obj == "max" else 1.0 / x[:, j]
        score *= col ** w[j]
    return score


def ref_topsis(x, objectives, w, normalization="vector"):
    w = np.asarray(w, float) / np.sum(w)
    if normalization == "vector":
        r = x / np.sqrt((x**2).sum(axis=0))
    else:
        r = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0))
    v = r * w
    is_max = np.array([o == "max" for o in objectives])
    ideal = np.where(is_max, v.max(axis=0), v.min(axis=0))
    anti = np.where(is_max, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


SHAPES = [(2, 1), (3, 2), (5, 3), (8, 4), (12, 6), (30, 9)]
SEEDS = [1, 7, 42]


def random_problem(seed, shape, positive=False):
    rng = np.random.default_rng(seed)
    n, k = shape
    if positive:
        x = rng.uniform(0.5, 50.0, size=shape)
    else:
        x = rng.normal(0.0, 10.0, size=shape) * rng.uniform(0.1, 100.0, size=k)
    objectives = list(rng.choice(["max", "min"], size=k))
    weights = rng.uniform(0.05, 3.0, size=k)
    index = [f"alt{i}" for i in rng.permutation(n)]
    columns = [f"c{j}" for j in range(k)]
    return pd.DataFrame(x, index=index, columns=columns), objectives, weights


CASES = [
    ("wsm", {}, ref_wsm, False),
    ("wpm", {}, ref_wpm, True),
    ("topsis", {}, ref_topsis, False),
    ("topsis", {"normalization": "vector"}, ref_topsis, False),
    (
        "topsis",
        {"normalization": "minmax"},
        lambda x, o, w: ref_topsis(x, o, w, "minmax"),
        False,
    ),
]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("method", "params", "ref", "positive"),
    CASES,
    ids=["wsm", "wpm", "topsis", "topsis-vector", "topsis-minmax"],
)
def test_random_matrices_match_plain_numpy(seed, shape, method, params, ref, positive):
    m, objectives, weights = random_problem(seed, shape, positive)
    r = rank(m, objectives, weights, method, **params)
    expected = ref(m.to_numpy(), objectives, weights)
    np.testing.assert_allclose(r["score"].to_numpy(), expected, rtol=1e-9, atol=1e-12)
    assert r["rank"].tolist() == ref_ranks(list(expected))
    assert list(r.index) == list(m.index)


def test_random_problem_has_mixed_objectives():
    # Guards the test above: the seeds really exercise both directions.
    found = {o for seed in SEEDS for s in SHAPES for o in random_problem(seed, s)[1]}
    assert found == {"max", "min"}


def test_weights_as_mapping_equal_weights_as_sequence():
    m, objectives, weights = random_problem(3, (6, 4))
    as_map = dict(zip(reversed(m.columns), reversed(weights), strict=True))
    a = rank(m, objectives, weights, "wsm")
    b = rank(m, objectives, as_map, "wsm")
    pd.testing.assert_frame_equal(a, b)


# ---------------------------------------------------------------------------------------------
# 5. Conventions and degenerate data
# ---------------------------------------------------------------------------------------------

POSITIVE = pd.DataFrame(
    {
        "p": [3.0, 1.0, 4.0, 1.5, 5.0],
        "q": [9.0, 2.0, 6.0, 5.0, 3.0],
        "r": [5.0, 8.0, 9.0, 7.0, 9.5],
    },
    index=["v", "w", "x", "y", "z"],
)
POS_OBJ = ["max", "min", "max"]
POS_W = [0.5, 0.3, 0.2]
METHOD_PARAMS = [
    ("wsm", {}),
    ("wpm", {}),
    ("wpm", {"value_floor": 0.1}),
    ("topsis", {}),
    ("topsis", {"normalization": "minmax"}),
]
METHOD_IDS = ["wsm", "wpm", "wpm-floor", "topsis", "topsis-minmax"]


@pytest.mark.parametrize(("method", "params"), METHOD_PARAMS, ids=METHOD_IDS)
def test_scaling_all_weights_gives_identical_scores(method, params):
    a = rank(POSITIVE, POS_OBJ, POS_W, method, **params)
    b = rank(POSITIVE, POS_OBJ, [7 * w for w in POS_W], method, **params)
    np.testing.assert_allclose(a["score"], b["score"], rtol=1e-12)
    assert a["rank"].tolist() == b["rank"].tolist()


def test_constant_column_adds_nothing_to_wsm():
    with_const = HAND.assign(flat=42.0)
    # value of the constant column is 0 for everyone
    assert (value_scores(with_const, [*HAND_OBJ, "max"])["flat"] == 0).all()
    # weights 2:1:1 (+ 4 on the constant column): every other weight is halved, the constant
    # column contributes 0, so every score is half the hand result 0.5, 1/3, 0.625
    r = rank(with_const, [*HAND_OBJ, "max"], [*HAND_W, 4], "wsm")
    np.testing.assert_allclose(r["score"].to_numpy(), [0.25, 1 / 6, 0.3125], rtol=0, atol=1e-15)
    assert r["rank"].tolist() == [2, 3, 1]
    # with weight 0 on the constant column the scores are exactly those without it
    z = rank(with_const, [*HAND_OBJ, "min"], [*HAND_W, 0], "wsm")
    np.testing.assert_allclose(z["score"].to_numpy(), [0.5, 1 / 3, 0.625], rtol=0, atol=1e-15)


def test_constant_column_does_not_change_topsis():
    # A constant column has ideal == anti-ideal, so it adds nothing to either distance; the
    # weight renormalisation scales d+ and d- alike, so the closeness does not change.
    base = rank(AIRCRAFT, AIRCRAFT_OBJ, AIRCRAFT_W, "topsis")
    more = rank(AIRCRAFT.assign(flat=3.0), [*AIRCRAFT_OBJ, "min"], [*AIRCRAFT_W, 0.5], "topsis")
    np.testing.assert_allclose(more["score"], base["score"], rtol=1e-12)
    np.testing.assert_allclose(more["score"].to_numpy(), AIRCRAFT_C, atol=1e-6)


@pytest.mark.parametrize(("method", "params"), METHOD_PARAMS, ids=METHOD_IDS)
def test_zero_weight_column_is_ignored(method, params):
    base = rank(POSITIVE, POS_OBJ, [0.5, 0.3, 0.0], method, **params)
    changed = POSITIVE.assign(r=[100.0, 0.5, 2.0, 60.0, 1.0])  # reverses the old order of r
    other = rank(changed, POS_OBJ, [0.5, 0.3, 0.0], method, **params)
    assert base["rank"].tolist() == other["rank"].tolist()
    np.testing.assert_allclose(base["score"], other["score"], rtol=1e-12)
    # ... while with a positive weight the same change does matter
    w = rank(POSITIVE, POS_OBJ, [0.5, 0.3, 0.2], method, **params)
    w2 = rank(changed, POS_OBJ, [0.5, 0.3, 0.2], method, **params)
    assert not np.allclose(w["score"], w2["score"])


@pytest.mark.parametrize(("method", "params"), METHOD_PARAMS, ids=METHOD_IDS)
def test_single_alternative_gets_rank_one(method, params):
    m = POSITIVE.iloc[[2]]
    r = rank(m, POS_OBJ, POS_W, method, **params)
    assert list(r.index) == ["x"]
    assert r["rank"].tolist() == [1]
    assert np.isfinite(r["score"]).all()


@pytest.mark.parametrize(("method", "params"), METHOD_PARAMS, ids=METHOD_IDS)
def test_all_equal_rows_rank_in_row_order(method, params):
    m = pd.DataFrame([[2.0, 5.0, 1.0]] * 4, index=["d", "b", "c", "a"], columns=list("pqr"))
    r = rank(m, POS_OBJ, POS_W, method, **params)
    assert r["rank"].tolist() == [1, 2, 3, 4]
    assert list(r.index) == ["d", "b", "c", "a"]
    assert r["score"].nunique() == 1


def test_all_equal_rows_scores():
    m = pd.DataFrame([[2.0, 5.0, 1.0]] * 4, index=list("abcd"), columns=list("pqr"))
    assert rank(m, POS_OBJ, POS_W, "wsm")["score"].tolist() == [0.0] * 4
    assert rank(m, POS_OBJ, POS_W, "topsis")["score"].tolist() == [0.5] * 4
    mm = rank(m, POS_OBJ, POS_W, "topsis", normalization="minmax")
    assert mm["score"].tolist() == [0.5] * 4
    # wpm: 2^0.5 · (1/5)^0.3 · 1^0.2
    np.testing.assert_allclose(
        rank(m, POS_OBJ, POS_W, "wpm")["score"], [2**0.5 * 0.2**0.3] * 4, rtol=1e-12
    )


@pytest.mark.parametrize("method", ["wsm", "topsis"])
def test_exact_ties_keep_row_order(method):
    # a, b, c, d are tied; e is worse. Weights 1:1, both max.
    m = pd.DataFrame(
        {"p": [1.0, 0.0, 1.0, 0.0, 0.4], "q": [0.0, 1.0, 0.0, 1.0, 0.4]}, index=list("abcde")
    )
    # wsm: v = x (the columns span 0..1), a = b = c = d = 0.5·1 + 0.5·0 = 0.5, e = 0.4
    # topsis: both columns have the same norm k = sqrt(2.16), so v = 0.5·x/k. For a..d:
    #   d+ = d- = 0.5/k -> C = 0.5; for e: d+ = sqrt(2)·0.6·0.5/k, d- = sqrt(2)·0.4·0.5/k
    #   -> C = 0.4
    r = rank(m, ["max", "max"], [1, 1], method)
    np.testing.assert_allclose(r["score"], [0.5, 0.5, 0.5, 0.5, 0.4], atol=1e-12)
    assert r["rank"].tolist() == [1, 2, 3, 4, 5]
    # reversing the rows reverses which of the tied rows comes first
    rev = rank(m.iloc[::-1], ["max", "max"], [1, 1], method)
    assert rev["rank"].to_dict() == {"e": 5, "d": 1, "c": 2, "b": 3, "a": 4}


def test_ties_within_rounding_noise_keep_row_order():
    # Rows a and b hold the same three values in another order; with equal weights their
    # scores are equal in exact arithmetic (0.846 + 0.176 + 0.09) / 3 = 0.370666..., but
    # summing in another order can differ in the last bit. Equal to 12 significant digits
    # counts as a tie, so a (the earlier row) must rank before b.
    m = pd.DataFrame(
        [[0.846, 0.176, 0.09], [0.176, 0.09, 0.846], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]],
        index=list("abcd"),
        columns=list("pqr"),
    )
    r = rank(m, ["max"] * 3, [1, 1, 1], "wsm")
    np.testing.assert_allclose(r["score"], [1.112 / 3, 1.112 / 3, 0.0, 1.0], rtol=1e-14)
    assert r["rank"].tolist() == [2, 3, 4, 1]


def test_result_is_indexed_like_the_matrix():
    m, objectives, weights = random_problem(11, (9, 3))
    m.index = pd.Index([f"opt/{i}" for i in [5, 2, 8, 1, 0, 7, 3, 6, 4]])
    for method in ("wsm", "topsis"):
        r = rank(m, objectives, weights, method)
        assert r.index.equals(m.index)
        assert sorted(r["rank"]) == list(range(1, 10))
        assert r.columns[:2].tolist() == ["score", "rank"]
    r = rank(m.abs() + 1, objectives, weights, "wpm")
    assert r.index.equals(m.index)
    assert sorted(r["rank"]) == list(range(1, 10))
    assert "log10_score" in r.columns


def test_docstring_example_is_a_tie():
    # rank()'s docstring example. By hand: cost (min) v = (20 - x)/10 -> a = 1, b = 0;
    # benefit v = (x - 1)/2 -> a = 0, b = 1; weights 0.5, 0.5 -> a = 0.5, b = 0.5: a tie,
    # so by the documented tie rule the earlier row a ranks first.
    m = pd.DataFrame({"cost": [10.0, 20.0], "benefit": [1.0, 3.0]}, index=["a", "b"])
    r = rank(m, ["min", "max"], [1, 1])
    np.testing.assert_allclose(r["score"], [0.5, 0.5], atol=1e-15)
    assert r["rank"].tolist() == [1, 2]


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("method", ["wsm", "wpm", "topsis"])
def test_non_finite_values_raise_naming_row_and_column(bad, method):
    m = POSITIVE.copy()
    m.loc["y", "q"] = bad
    with pytest.raises(InputError, match=r"'y'.*'q'"):
        rank(m, POS_OBJ, POS_W, method)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_value_scores_rejects_non_finite(bad):
    m = POSITIVE.copy()
    m.loc["w", "r"] = bad
    with pytest.raises(InputError, match=r"'w'.*'r'"):
        value_scores(m, POS_OBJ)


@pytest.mark.parametrize(
    ("objectives", "weights", "message"),
    [
        (POS_OBJ, [0.5, -0.3, 0.2], "weights"),
        (POS_OBJ, [0, 0, 0], "weights"),
        (POS_OBJ, [0.5, np.nan, 0.2], "weights"),
        (POS_OBJ, [0.5, np.inf, 0.2], "weights"),
        (POS_OBJ, [0.5, 0.5], "weights"),
        (POS_OBJ, [0.5, 0.5, 0.5, 0.5], "weights"),
        (POS_OBJ, {"p": 1.0, "q": 1.0}, "weights"),
        (["max", "min"], POS_W, "objectives"),
        (["max", "min", "max", "max"], POS_W, "objectives"),
        (["max", "minimum", "max"], POS_W, "objectives"),
        (["max", "MIN", "max"], POS_W, "objectives"),
        ([max, min, max], POS_W, "objectives"),
    ],
    ids=[
        "negative-weight",
        "all-zero-weights",
        "nan-weight",
        "inf-weight",
        "too-few-weights",
        "too-many-weights",
        "weight-mapping-missing-key",
        "too-few-objectives",
        "too-many-objectives",
        "objective-typo",
        "objective-upper-case",
        "objective-builtin",
    ],
)
@pytest.mark.parametrize("method", ["wsm", "wpm", "topsis"])
def test_bad_weights_or_objectives_raise(objectives, weights, message, method):
    with pytest.raises(InputError, match=message):
        rank(POSITIVE, objectives, weights, method)


def test_unknown_method_raises():
    with pytest.raises(InputError, match="ahp"):
        rank(POSITIVE, POS_OBJ, POS_W, "ahp")


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("wsm", {"value_floor": 0.1}),
        ("wsm", {"normalisation": "vector"}),
        ("wpm", {"bounds": {}}),
        ("topsis", {"normalisation": "vector"}),
        ("topsis", {"value_floor": 0.1}),
    ],
)
def test_unknown_method_parameter_raises(method, params):
    (name,) = params
    with pytest.raises(InputError, match=name):
        rank(POSITIVE, POS_OBJ, POS_W, method, **params)


def test_unknown_topsis_normalisation_raises():
    with pytest.raises(InputError, match="normalization"):
        rank(POSITIVE, POS_OBJ, POS_W, "topsis", normalization="sum")


@pytest.mark.parametrize("bad", [0.0, -2.0])
def test_wpm_needs_positive_values_without_floor(bad):
    m = POSITIVE.copy()
    m.loc["x", "r"] = bad
    with pytest.raises(InputError, match=r"'x'.*'r'"):
        rank(m, POS_OBJ, POS_W, "wpm")
    # with a value floor the same matrix is fine
    r = rank(m, POS_OBJ, POS_W, "wpm", value_floor=0.1)
    assert sorted(r["rank"]) == [1, 2, 3, 4, 5]


def test_matrix_must_be_a_non_empty_unique_numeric_dataframe():
    with pytest.raises(InputError):
        rank(POSITIVE.to_numpy(), POS_OBJ, POS_W)
    with pytest.raises(InputError):
        rank(POSITIVE.iloc[:0], POS_OBJ, POS_W)
    with pytest.raises(InputError, match="Zeilenbeschriftungen müssen eindeutig sein"):
        rank(POSITIVE.rename(index={"w": "v"}), POS_OBJ, POS_W)
    with pytest.raises(InputError, match="q"):
        rank(POSITIVE.assign(q=["a", "b", "c", "d", "e"]), POS_OBJ, POS_W)
