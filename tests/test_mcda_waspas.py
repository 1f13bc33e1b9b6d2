"""Tests of WASPAS (:mod:`potential.mcda.waspas`) against a published example (Chakraborty,
Zavadskas & Antucheviciene 2015), hand calculations and a plain numpy transcription."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import rank

# ---------------------------------------------------------------------------------------------
# 1. Published example
# ---------------------------------------------------------------------------------------------

# Chakraborty, S., Zavadskas, E. K., Antucheviciene, J. (2015). Applications of WASPAS method
# as a multi-criteria decision-making tool. Economic Computation and Economic Cybernetics
# Studies and Research 49(1), 5-22, Example 2: ten alternatives, three cost criteria and one
# benefit criterion, linear ratio normalisation (min/x, x/max), Q for λ = 0, 0.1, ..., 1
# printed to four decimals; data and results as transcribed in scikit-criteria's
# tests/agg/test_waspas.py (test_WASPAS_chakraborty2015applications; the table number could
# not be checked here). The printed Q agree with exact arithmetic to within one unit of the
# fourth decimal (largest difference 5.8e-5: the paper rounds intermediate values), so the
# tolerance is 1e-4. The ranking is the same for every λ.
CHAKRABORTY = pd.DataFrame(
    [
        [581818, 54.49, 3, 5500],
        [595454, 49.73, 3, 4500],
        [586060, 51.24, 3, 5000],
        [522727, 45.71, 3, 5800],
        [561818, 52.66, 3, 5200],
        [543030, 74.46, 4, 5600],
        [522727, 75.42, 4, 5800],
        [486970, 62.62, 4, 5600],
        [509394, 65.87, 4, 6400],
        [513333, 70.67, 4, 6000],
    ],
    index=[f"A{i}" for i in range(1, 11)],
    columns=["PC", "FS", "MN", "P"],
    dtype=float,
)
CHAKRABORTY_OBJ = ["min", "min", "min", "max"]
CHAKRABORTY_W = [0.467, 0.160, 0.095, 0.278]
CHAKRABORTY_RANK = [6, 10, 8, 1, 5, 9, 7, 3, 2, 4]
# fmt: off
CHAKRABORTY_Q = {
    0.0: [0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915, 0.8987, 0.8697],
    0.1: [0.8580, 0.8149, 0.8410, 0.9414, 0.8633, 0.8249, 0.8464, 0.8922, 0.8995, 0.8706],
    0.2: [0.8581, 0.8154, 0.8412, 0.9415, 0.8634, 0.8256, 0.8474, 0.8929, 0.9003, 0.8714],
    0.3: [0.8582, 0.8159, 0.8414, 0.9415, 0.8636, 0.8263, 0.8484, 0.8936, 0.9011, 0.8723],
    0.4: [0.8583, 0.8164, 0.8417, 0.9416, 0.8637, 0.8271, 0.8493, 0.8942, 0.9019, 0.8732],
    0.5: [0.8584, 0.8169, 0.8419, 0.9417, 0.8638, 0.8278, 0.8503, 0.8949, 0.9027, 0.8740],
    0.6: [0.8585, 0.8174, 0.8421, 0.9417, 0.8640, 0.8286, 0.8513, 0.8956, 0.9035, 0.8749],
    0.7: [0.8586, 0.8179, 0.8423, 0.9418, 0.8641, 0.8293, 0.8523, 0.8963, 0.9043, 0.8758],
    0.8: [0.8588, 0.8184, 0.8425, 0.9419, 0.8643, 0.8300, 0.8532, 0.8969, 0.9051, 0.8766],
    0.9: [0.8589, 0.8189, 0.8427, 0.9419, 0.8644, 0.8308, 0.8542, 0.8976, 0.9059, 0.8775],
    1.0: [0.8590, 0.8194, 0.8430, 0.9420, 0.8645, 0.8315, 0.8552, 0.8983, 0.9067, 0.8784],
}
# fmt: on


@pytest.mark.parametrize("lam", list(CHAKRABORTY_Q))
def test_chakraborty_2015_example_2(lam):
    r = rank(CHAKRABORTY, CHAKRABORTY_OBJ, CHAKRABORTY_W, "waspas", lambda_=lam)
    np.testing.assert_allclose(r["score"], CHAKRABORTY_Q[lam], rtol=0, atol=1e-4)
    assert r["rank"].tolist() == CHAKRABORTY_RANK
    # Q = λ·WSM + (1 - λ)·WPM, and the λ = 1 / λ = 0 rows of the table are WSM / WPM
    np.testing.assert_allclose(
        r["score"], lam * r["wsm_score"] + (1 - lam) * r["wpm_score"], rtol=1e-14
    )
    np.testing.assert_allclose(r["wsm_score"], CHAKRABORTY_Q[1.0], rtol=0, atol=1e-4)
    np.testing.assert_allclose(r["wpm_score"], CHAKRABORTY_Q[0.0], rtol=0, atol=1e-4)


# ---------------------------------------------------------------------------------------------
# 2. Hand-worked examples
# ---------------------------------------------------------------------------------------------

# cost (min) r = min/x, quality (max) r = x/max; weights 3 : 1 -> 0.75, 0.25
#   a: cost 2 -> 1/2, quality 4  -> 1/4
#   b: cost 4 -> 1/4, quality 16 -> 1
#   c: cost 1 -> 1,   quality 1  -> 1/16
# WSM: a = 0.375 + 0.0625 = 0.4375;  b = 0.1875 + 0.25 = 0.4375;  c = 0.75 + 0.015625 = 0.765625
# WPM: a = 2^-0.75 · 2^-0.5 = 2^-1.25;  b = 2^-1.5 · 1 = 2^-1.5;  c = 1 · (1/16)^0.25 = 0.5
HAND = pd.DataFrame({"cost": [2.0, 4.0, 1.0], "quality": [4.0, 16.0, 1.0]}, index=list("abc"))
HAND_WSM = [0.4375, 0.4375, 0.765625]
HAND_WPM = [2**-1.25, 2**-1.5, 0.5]


@pytest.mark.parametrize("lam", [0.0, 0.25, 0.5, 1.0])
def test_hand_example(lam):
    r = rank(HAND, ["min", "max"], [3, 1], "waspas", lambda_=lam)
    np.testing.assert_allclose(r["wsm_score"], HAND_WSM, rtol=1e-14)
    np.testing.assert_allclose(r["wpm_score"], HAND_WPM, rtol=1e-14)
    expected = [lam * s + (1 - lam) * p for s, p in zip(HAND_WSM, HAND_WPM, strict=True)]
    np.testing.assert_allclose(r["score"], expected, rtol=1e-14)
    # c is best; a beats b unless λ = 1, where they tie (0.4375) and keep row order
    assert r["rank"].tolist() == [2, 3, 1]


def test_default_lambda_is_one_half():
    r = rank(HAND, ["min", "max"], [3, 1], "waspas")
    # (0.4375 + 2^-1.25)/2 = 0.428974, (0.4375 + 2^-1.5)/2 = 0.395527, 0.6328125
    np.testing.assert_allclose(r["score"], [0.428974, 0.395527, 0.6328125], atol=1e-6)


# value_floor f = 0.2 on three criteria (cost min, quality max, speed max), weights 2 : 1 : 1:
#   min-max values v: a (1, 0, 0), b (0, 1, 1/3), c (0.5, 0.5, 1)
#   u = 0.2 + 0.8·v:  a (1, 0.2, 0.2), b (0.2, 1, 7/15), c (0.6, 0.6, 1)
#   every column has maximum 1, so the ratio normalisation leaves u unchanged
#   WSM: a = 0.5 + 0.05 + 0.05 = 0.6;  b = 0.1 + 0.25 + 0.25·7/15 = 0.35 + 7/60;
#        c = 0.3 + 0.15 + 0.25 = 0.7
#   WPM: a = 0.2^0.5;  b = 0.2^0.5 · (7/15)^0.25;  c = 0.6^0.5 · 0.6^0.25 = 0.6^0.75
FLOOR = pd.DataFrame(
    {"cost": [100.0, 200.0, 150.0], "quality": [3.0, 9.0, 6.0], "speed": [10.0, 20.0, 40.0]},
    index=list("abc"),
)


def test_value_floor_hand_example():
    r = rank(FLOOR, ["min", "max", "max"], [2, 1, 1], "waspas", value_floor=0.2)
    np.testing.assert_allclose(r["wsm_score"], [0.6, 0.35 + 7 / 60, 0.7], rtol=1e-14)
    wpm = [0.2**0.5, 0.2**0.5 * (7 / 15) ** 0.25, 0.6**0.75]
    np.testing.assert_allclose(r["wpm_score"], wpm, rtol=1e-14)
    np.testing.assert_allclose(
        r["score"], [(0.6 + wpm[0]) / 2, (0.35 + 7 / 60 + wpm[1]) / 2, (0.7 + wpm[2]) / 2]
    )
    assert r["rank"].tolist() == [2, 3, 1]


def test_value_floor_admits_zero_and_negative_values():
    # gain v = (0, 0.5, 1), risk (min) v = (1, 0.5, 0); f = 0.5 -> u = 0.5 + 0.5·v:
    #   x (0.5, 1), y (0.75, 0.75), z (1, 0.5); weights 0.5, 0.5
    #   WSM = 0.75 for all three; WPM x = z = 0.5^0.5, y = 0.75
    m = pd.DataFrame({"gain": [-5.0, 0.0, 5.0], "risk": [0.0, 0.5, 1.0]}, index=list("xyz"))
    r = rank(m, ["max", "min"], [1, 1], "waspas", value_floor=0.5)
    np.testing.assert_allclose(r["wsm_score"], [0.75] * 3, rtol=1e-14)
    np.testing.assert_allclose(r["wpm_score"], [0.5**0.5, 0.75, 0.5**0.5], rtol=1e-14)
    np.testing.assert_allclose(r["score"], [(0.75 + 0.5**0.5) / 2, 0.75, (0.75 + 0.5**0.5) / 2])
    assert r["rank"].tolist() == [2, 1, 3]


def test_extreme_lambdas_agree_with_the_other_methods():
    # λ = 1 is the weighted sum of the linear ratio values (wsm with value_function="ratio");
    # λ = 0 is the weighted product of those values, i.e. wpm of the raw values divided by
    # the same constant for every alternative
    wsm = rank(CHAKRABORTY, CHAKRABORTY_OBJ, CHAKRABORTY_W, "wsm", value_function="ratio")
    w1 = rank(CHAKRABORTY, CHAKRABORTY_OBJ, CHAKRABORTY_W, "waspas", lambda_=1)
    np.testing.assert_allclose(w1["score"], wsm["score"], rtol=1e-12)
    wpm = rank(CHAKRABORTY, CHAKRABORTY_OBJ, CHAKRABORTY_W, "wpm")
    w0 = rank(CHAKRABORTY, CHAKRABORTY_OBJ, CHAKRABORTY_W, "waspas", lambda_=0)
    ratio = w0["score"] / wpm["score"]
    np.testing.assert_allclose(ratio, ratio.iloc[0], rtol=1e-12)
    assert w0["rank"].tolist() == wpm["rank"].tolist()


# ---------------------------------------------------------------------------------------------
# 3. Second implementation on seeded random matrices
# ---------------------------------------------------------------------------------------------


def ref_ranks(scores) -> list[int]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    out = [0] * len(scores)
    for position, i in enumerate(order, start=1):
        out[i] = position
    return out


def ref_waspas(x, objectives, w, lam, floor=None):
    """Zavadskas et al. (2012), eqs. (1)-(4), in plain numpy."""
    w = np.asarray(w, float) / np.sum(w)
    x = np.array(x, dtype=float)
    if floor is not None:
        for j, obj in enumerate(objectives):
            lo, hi = x[:, j].min(), x[:, j].max()
            v = np.zeros(len(x))
            if hi > lo:
                v = (x[:, j] - lo) / (hi - lo) if obj == "max" else (hi - x[:, j]) / (hi - lo)
            x[:, j] = floor + (1 - floor) * v
        objectives = ["max"] * x.shape[1]
    r = np.empty_like(x)
    for j, obj in enumerate(objectives):
        r[:, j] = x[:, j] / x[:, j].max() if obj == "max" else x[:, j].min() / x[:, j]
    wsm = (r * w).sum(axis=1)
    wpm = np.prod(r**w, axis=1)
    return lam * wsm + (1 - lam) * wpm, wsm, wpm


def random_problem(seed, shape, positive):
    rng = np.random.default_rng(seed)
    n, k = shape
    if positive:
        x = rng.uniform(0.5, 50.0, size=shape) * rng.uniform(0.1, 100.0, size=k)
    else:
        x = rng.normal(0.0, 10.0, size=shape) * rng.uniform(0.1, 100.0, size=k)
    objectives = list(rng.choice(["max", "min"], size=k))
    weights = rng.uniform(0.05, 3.0, size=k)
    index = [f"alt{i}" for i in rng.permutation(n)]
    return pd.DataFrame(x, index=index, columns=[f"c{j}" for j in range(k)]), objectives, weights


SHAPES = [(2, 1), (3, 2), (5, 3), (8, 4), (12, 6), (30, 9)]
SEEDS = [1, 7, 42]
PARAMS = [(0.5, None), (0.0, None), (1.0, None), (0.3, None), (0.5, 0.1), (0.8, 0.5)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("lam", "floor"), PARAMS)
def test_random_matrices_match_plain_numpy(seed, shape, lam, floor):
    m, objectives, weights = random_problem(seed, shape, positive=floor is None)
    params = {"lambda_": lam} if floor is None else {"lambda_": lam, "value_floor": floor}
    r = rank(m, objectives, weights, "waspas", **params)
    q, wsm, wpm = ref_waspas(m.to_numpy(), objectives, weights, lam, floor)
    np.testing.assert_allclose(r["score"], q, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r["wsm_score"], wsm, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r["wpm_score"], wpm, rtol=1e-9, atol=1e-12)
    assert r["rank"].tolist() == ref_ranks(list(q))
    assert list(r.index) == list(m.index)


def test_random_problems_have_mixed_objectives_and_non_positive_values():
    # Guards the test above: both directions occur, and the value-floor cases really hold
    # zero or negative values.
    found = {o for seed in SEEDS for s in SHAPES for o in random_problem(seed, s, True)[1]}
    assert found == {"max", "min"}
    assert all((random_problem(seed, (30, 9), False)[0] < 0).any().any() for seed in SEEDS)


# ---------------------------------------------------------------------------------------------
# 4. Degenerate data
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0.0, -2.0])
def test_non_positive_values_without_floor_raise_naming_row_and_column(bad):
    m = FLOOR.copy()
    m.loc["b", "speed"] = bad
    with pytest.raises(InputError, match=r"'b'.*'speed'.*value_floor"):
        rank(m, ["min", "max", "max"], [2, 1, 1], "waspas")
    r = rank(m, ["min", "max", "max"], [2, 1, 1], "waspas", value_floor=0.1)
    assert sorted(r["rank"]) == [1, 2, 3]
    assert np.isfinite(r[["score", "wsm_score", "wpm_score"]].to_numpy()).all()


@pytest.mark.parametrize("floor", [None, 0.3])
def test_constant_column_does_not_change_the_ranking(floor):
    # A constant column has r = 1 for everyone. With share t of the weight it turns
    # WSM into (1 - t)·WSM + t and WPM into WPM^(1 - t): here t = 2/6.
    params = {} if floor is None else {"value_floor": floor}
    base = rank(FLOOR, ["min", "max", "max"], [2, 1, 1], "waspas", **params)
    flat = rank(
        FLOOR.assign(flat=3.0), ["min", "max", "max", "min"], [2, 1, 1, 2], "waspas", **params
    )
    t = 2 / 6
    np.testing.assert_allclose(flat["wsm_score"], (1 - t) * base["wsm_score"] + t, rtol=1e-14)
    np.testing.assert_allclose(flat["wpm_score"], base["wpm_score"] ** (1 - t), rtol=1e-14)
    assert flat["rank"].tolist() == base["rank"].tolist()


def test_zero_weight_column_is_ignored():
    base = rank(FLOOR, ["min", "max", "max"], [2, 1, 0], "waspas")
    changed = FLOOR.assign(speed=[90.0, 1.0, 5.0])
    other = rank(changed, ["min", "max", "max"], [2, 1, 0], "waspas")
    pd.testing.assert_frame_equal(base, other)
    assert not np.allclose(
        rank(changed, ["min", "max", "max"], [2, 1, 1], "waspas")["score"],
        rank(FLOOR, ["min", "max", "max"], [2, 1, 1], "waspas")["score"],
    )


@pytest.mark.parametrize("floor", [None, 0.3])
def test_single_alternative(floor):
    params = {} if floor is None else {"value_floor": floor}
    r = rank(FLOOR.iloc[[1]], ["min", "max", "max"], [2, 1, 1], "waspas", **params)
    # every ratio is x/x = 1
    assert r.iloc[0].tolist() == [1.0, 1, 1.0, 1.0]


@pytest.mark.parametrize("floor", [None, 0.3])
def test_all_equal_rows(floor):
    params = {} if floor is None else {"value_floor": floor}
    m = pd.DataFrame([[2.0, 5.0, 1.0]] * 4, index=["d", "b", "c", "a"], columns=list("pqr"))
    r = rank(m, ["max", "min", "max"], [0.5, 0.3, 0.2], "waspas", **params)
    np.testing.assert_allclose(r[["score", "wsm_score", "wpm_score"]], 1.0, rtol=1e-14)
    assert r["rank"].tolist() == [1, 2, 3, 4]


# ---------------------------------------------------------------------------------------------
# 5. Through rank(): shape of the result and bad parameters
# ---------------------------------------------------------------------------------------------


def test_result_is_indexed_like_the_matrix():
    m, objectives, weights = random_problem(11, (9, 3), positive=True)
    m.index = pd.Index([f"opt/{i}" for i in [5, 2, 8, 1, 0, 7, 3, 6, 4]])
    r = rank(m, objectives, weights, "waspas")
    assert r.index.equals(m.index)
    assert sorted(r["rank"]) == list(range(1, 10))
    assert r.columns.tolist() == ["score", "rank", "wsm_score", "wpm_score"]


@pytest.mark.parametrize("lam", [-0.1, 1.5, np.nan, "half", None])
def test_lambda_outside_unit_interval_raises(lam):
    with pytest.raises(InputError, match="lambda_"):
        rank(HAND, ["min", "max"], [3, 1], "waspas", lambda_=lam)


@pytest.mark.parametrize("floor", [0.0, 1.0, -0.1, 1.5])
def test_value_floor_outside_unit_interval_raises(floor):
    with pytest.raises(InputError, match="value_floor"):
        rank(HAND, ["min", "max"], [3, 1], "waspas", value_floor=floor)


@pytest.mark.parametrize("params", [{"lambda_value": 0.5}, {"l": 0.5}, {"v": 0.5}])
def test_unknown_parameter_raises(params):
    (name,) = params
    with pytest.raises(InputError, match=name):
        rank(HAND, ["min", "max"], [3, 1], "waspas", **params)
