"""Weight stability intervals and one-at-a-time sensitivity (potential.uncertainty.stability).

Expected values are worked out by hand in the comments or by brute force with
``potential.mcda.rank`` on a fine grid of weights, never copied from the code's output.

Moving criterion j to weight t rescales the others: w_k(t) = w_k (1 - t) / (1 - w_j).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import METHODS, rank
from potential.uncertainty import sensitivity, stability_intervals
from potential.uncertainty.stability import tornado_table

# Hand-worked example. Min-max value scores v (1 = best):
#   c1 (max) 100, 75, 50  -> 1, 0.5, 0
#   c2 (min)  30, 10, 20  -> 0, 1, 0.5
#   c3 (max)   0,  2,  4  -> 0, 0.5, 1
# Weights 2:1:1 -> w = (0.5, 0.25, 0.25); scores A 0.5, B 0.625, C 0.375 -> B is on top.
HAND = pd.DataFrame(
    {"c1": [100.0, 75.0, 50.0], "c2": [30.0, 10.0, 20.0], "c3": [0.0, 2.0, 4.0]},
    index=["A", "B", "C"],
)
HAND_OBJ = ["max", "min", "max"]
HAND_W = [2, 1, 1]
COLUMNS = ["weight", "low", "high", "top", "challenger_low", "challenger_high"]


def moved(weights, j, t):
    """Normalised weights with criterion j at t and the others rescaled (test's own code)."""
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    out = w * (1 - t) / (1 - w[j])
    out[j] = t
    return out


def top_of(matrix, objectives, weights, method="wsm", **params):
    r = rank(matrix, objectives, weights, method, **params)
    return r.index[r["rank"].to_numpy() == 1][0]


# --------------------------------------------------------------------------------------
# 1. Hand-worked wsm intervals
# --------------------------------------------------------------------------------------
#
# s_i(t) = t v_ij + (1 - t) c_i with c_i the others' weighted mean of v.
#
# c1 (w = 0.5): others c2, c3 at 0.5 each; c = A 0, B 0.75, C 0.75.
#   A = t, B = 0.5t + 0.75(1 - t) = 0.75 - 0.25t, C = 0.75(1 - t).
#   B > A (A is listed first, so strictly)  <=> t < 0.6.
#   B >= C <=> 0.5t >= 0, always (tie at t = 0, which B wins as the earlier row).
#   -> [0, 0.6]; above 0.6 A leads; at 0.6 A ties B and takes first place.
# c2 (w = 0.25): others c1 2/3, c3 1/3; c = A 2/3, B 1/2, C 1/3.
#   A = 2/3 (1 - t), B = 1/2 + t/2, C = 1/3 + t/6.
#   B > A <=> 7t/6 > 1/6 <=> t > 1/7;  B >= C always.  -> [1/7, 1], challenger below: A.
# c3 (w = 0.25): others c1 2/3, c2 1/3; c = A 2/3, B 2/3, C 1/6.
#   A = 2/3 (1 - t), B = 2/3 - t/6, C = 1/6 + 5t/6.
#   B > A <=> t/2 > 0 <=> t > 0: at t = 0 A ties B and wins (earlier row).
#   B >= C <=> 1/2 >= t (tie at 0.5 won by B).  -> [0, 0.5]; above 0.5 C leads.
#   At the bound 0 nothing lies beyond, but A takes first place there by the tie.
HAND_EXPECTED = {
    "c1": (0.5, 0.0, 0.6, None, "A"),
    "c2": (0.25, 1 / 7, 1.0, "A", None),
    "c3": (0.25, 0.0, 0.5, "A", "C"),
}


def test_hand_worked_wsm_intervals():
    result = stability_intervals(HAND, HAND_OBJ, HAND_W)
    assert list(result.columns) == COLUMNS
    assert list(result.index) == ["c1", "c2", "c3"]
    assert result.index.name == "criterion"
    for crit, (weight, low, high, c_low, c_high) in HAND_EXPECTED.items():
        row = result.loc[crit]
        assert row["weight"] == pytest.approx(weight, abs=1e-12)
        assert row["low"] == pytest.approx(low, abs=1e-12)
        assert row["high"] == pytest.approx(high, abs=1e-12)
        assert row["top"] == "B"
        assert row["challenger_low"] == c_low
        assert row["challenger_high"] == c_high


def test_hand_worked_bounds_follow_the_tie_rule():
    # At a bound set by an earlier row, that row ties and wins; at one set by a later
    # row, the top still wins.
    assert top_of(HAND, HAND_OBJ, moved(HAND_W, 0, 0.6)) == "A"  # A = B = 0.6
    assert top_of(HAND, HAND_OBJ, moved(HAND_W, 0, 0.0)) == "B"  # B = C = 0.75
    assert top_of(HAND, HAND_OBJ, moved(HAND_W, 1, 1 / 7)) == "A"  # A = B = 4/7
    assert top_of(HAND, HAND_OBJ, moved(HAND_W, 2, 0.0)) == "A"  # A = B = 2/3
    assert top_of(HAND, HAND_OBJ, moved(HAND_W, 2, 0.5)) == "B"  # B = C = 7/12


def test_weights_as_mapping_give_the_same_intervals():
    a = stability_intervals(HAND, HAND_OBJ, HAND_W)
    b = stability_intervals(HAND, HAND_OBJ, {"c3": 1, "c1": 2, "c2": 1})
    pd.testing.assert_frame_equal(a, b)


def test_docstring_example():
    m = pd.DataFrame({"x": [1.0, 0.0], "y": [0.0, 1.0]}, index=["a", "b"])
    # x (w = 3/4): a = t, b = 1 - t, a >= b <=> t >= 1/2 (b is later, may tie)
    # y (w = 1/4): a = 1 - t, b = t, a >= b <=> t <= 1/2
    result = stability_intervals(m, ["max", "max"], [3, 1])
    assert result[["low", "high"]].to_numpy().tolist() == [[0.5, 1.0], [0.0, 0.5]]
    assert result["challenger_low"].tolist() == ["b", None]
    assert result["challenger_high"].tolist() == [None, "b"]


# --------------------------------------------------------------------------------------
# 2. Brute force: rank() on a fine grid of t
# --------------------------------------------------------------------------------------

GRID = np.linspace(0.0, 1.0, 1001)
EDGE = 1e-9  # grid points this close to a bound are not checked
NEAR = 1e-6  # besides the grid, points this far inside and outside each bound are checked


def random_problem(seed, n, m, *, zero_weight=False, positive=False):
    rng = np.random.default_rng(seed)
    lo = 1.0 if positive else -5.0
    matrix = pd.DataFrame(
        rng.uniform(lo, 10.0, (n, m)).round(3),
        index=[f"alt{i}" for i in range(n)],
        columns=[f"k{j}" for j in range(m)],
    )
    objectives = list(rng.choice(["max", "min"], m))
    weights = rng.uniform(0.05, 1.0, m)
    if zero_weight:
        weights[rng.integers(m)] = 0.0
    return matrix, objectives, weights


def brute_force_check(matrix, objectives, weights, method, params, *, interval_set, grid):
    """Compare stability_intervals with rank() on ``grid``.

    ``interval_set``: the set where the top stays first is an interval (scores linear in
    the weights), so every grid point outside the bounds must have another top. Otherwise
    only the first grid point beyond each bound is checked.
    """
    result = stability_intervals(matrix, objectives, weights, method, **params)
    top = top_of(matrix, objectives, weights, method, **params)
    for j, crit in enumerate(matrix.columns):
        row = result.loc[crit]
        low, high = row["low"], row["high"]
        assert row["top"] == top
        assert 0.0 <= low <= row["weight"] <= high <= 1.0
        tops = np.array(
            [top_of(matrix, objectives, moved(weights, j, t), method, **params) for t in grid]
        )
        inside = (grid >= low + EDGE) & (grid <= high - EDGE)
        below, above = grid < low - EDGE, grid > high + EDGE
        assert (tops[inside] == top).all(), (crit, grid[inside][tops[inside] != top])
        if interval_set:
            assert (tops[below | above] != top).all(), crit
        else:
            if above.any():
                assert tops[np.argmax(above)] != top, crit
            if below.any():
                assert tops[np.flatnonzero(below)[-1]] != top, crit
        # just inside a bound the top is first; just beyond one inside (0, 1) the
        # challenger is
        for bound, sign, challenger in ((high, 1, "challenger_high"), (low, -1, "challenger_low")):
            if 0.0 < bound < 1.0:
                near = [bound - sign * NEAR, bound + sign * NEAR]
                ins, out = (
                    top_of(matrix, objectives, moved(weights, j, t), method, **params)
                    for t in near
                )
                assert ins == top, (crit, bound)
                assert row[challenger] == out, (crit, bound)


WSM_CASES = [
    (1, 3, 2, {}, {}),
    (2, 5, 3, {}, {"zero_weight": True}),
    (3, 6, 4, {}, {}),
    (4, 4, 3, {"value_function": "ratio"}, {"positive": True}),
]


@pytest.mark.parametrize(("seed", "n", "m", "params", "options"), WSM_CASES)
def test_wsm_intervals_match_brute_force(seed, n, m, params, options):
    matrix, objectives, weights = random_problem(seed, n, m, **options)
    brute_force_check(matrix, objectives, weights, "wsm", params, interval_set=True, grid=GRID)


def test_wsm_bounds_are_nontrivial_in_the_brute_force_cases():
    # guard: the brute-force cases must exercise interior bounds, not only [0, 1]
    interior = 0
    for seed, n, m, params, options in WSM_CASES:
        matrix, objectives, weights = random_problem(seed, n, m, **options)
        r = stability_intervals(matrix, objectives, weights, **params)
        interior += int(((r["low"] > 0) | (r["high"] < 1)).sum())
    assert interior >= 5


@pytest.mark.parametrize(
    ("method", "seed", "n", "m", "interval_set"),
    [
        # PROMETHEE II net flows are linear in the weights: the stable set is an interval
        ("promethee2", 11, 5, 3, True),
        ("promethee2", 12, 6, 4, True),
        ("topsis", 13, 4, 3, False),
        ("topsis", 14, 5, 2, False),
    ],
)
def test_numerical_intervals_match_brute_force(method, seed, n, m, interval_set):
    matrix, objectives, weights = random_problem(seed, n, m)
    brute_force_check(
        matrix, objectives, weights, method, {}, interval_set=interval_set, grid=GRID[::2]
    )


@pytest.mark.parametrize("method", [m for m in METHODS if m != "wsm"])
def test_numerical_bounds_keep_the_top(method):
    # low and high are the last points where the top was found first (the top changes
    # within tol beyond a bound inside (0, 1)).
    matrix, objectives, weights = random_problem(21, 4, 3, positive=True)
    result = stability_intervals(matrix, objectives, weights, method)
    assert result.attrs == {"method": method, "exact": False}
    top = top_of(matrix, objectives, weights, method)
    for j, crit in enumerate(matrix.columns):
        row = result.loc[crit]
        assert row["low"] <= row["weight"] <= row["high"]
        for bound, challenger, sign in (
            (row["low"], row["challenger_low"], -1),
            (row["high"], row["challenger_high"], 1),
        ):
            assert top_of(matrix, objectives, moved(weights, j, bound), method) == top
            if 0.0 < bound < 1.0:
                beyond = min(1.0, max(0.0, bound + sign * 2e-9))
                assert top_of(matrix, objectives, moved(weights, j, beyond), method) != top
                assert challenger is not None and challenger != top
            else:
                assert challenger is None


# --------------------------------------------------------------------------------------
# 3. Degenerate cases
# --------------------------------------------------------------------------------------


def test_zero_weight_criterion():
    # w = (0.5, 0.5, 0); scores A 0.5, B 0.75, C 0.25 -> B.
    # c3 (w = 0): others c1, c2 at 0.5; c = A 0.5, B 0.75, C 0.25.
    #   A = 0.5(1 - t), B = 0.75 - 0.25t, C = 0.25 + 0.75t.
    #   B > A always; B >= C <=> t <= 0.5.  -> [0, 0.5], C above.
    # c1 (w = 0.5): others: c2 alone; c = v2 = A 0, B 1, C 0.5.
    #   A = t, B = 1 - 0.5t, C = 0.5 - 0.5t.  B > A <=> t < 2/3.  -> [0, 2/3], A above.
    # c2 (w = 0.5): others: c1 alone; c = v1 = A 1, B 0.5, C 0.
    #   A = 1 - t, B = 0.5 + 0.5t, C = 0.5t.  B > A <=> t > 1/3.  -> [1/3, 1], A below.
    result = stability_intervals(HAND, HAND_OBJ, [1, 1, 0])
    expected = [[0.5, 0.0, 2 / 3], [0.5, 1 / 3, 1.0], [0.0, 0.0, 0.5]]
    np.testing.assert_allclose(
        result[["weight", "low", "high"]].to_numpy(float), expected, rtol=0, atol=1e-12
    )
    assert result["top"].tolist() == ["B"] * 3
    assert result["challenger_low"].tolist() == [None, "A", None]
    assert result["challenger_high"].tolist() == ["A", None, "C"]


def test_weight_one_criterion():
    # w = (0, 0, 1); scores = v3: A 0, B 0.5, C 1 -> C.
    # c3 (w = 1): the others share 1 - t equally, c = (v1 + v2)/2 = A 0.5, B 0.75, C 0.25.
    #   A = 0.5(1 - t), B = 0.75 - 0.25t, C = 0.25 + 0.75t.
    #   C > A <=> 1.25t > 0.25 <=> t > 0.2; C > B (B is earlier) <=> t > 0.5.
    #   -> [0.5, 1], B below (at 0.5 B ties C and wins).
    # c1 (w = 0): others: c3 alone; c = v3 = A 0, B 0.5, C 1.
    #   A = t, B = 0.5, C = 1 - t.  C > A and C > B <=> t < 0.5: both cross at 0.5,
    #   beyond it A (slope 1) beats B (slope 0).  -> [0, 0.5], A above.
    # c2 (w = 0): c = v3; A = 0, B = 0.5 + 0.5t, C = 1 - 0.5t.  C > B <=> t < 0.5.
    #   -> [0, 0.5], B above.
    result = stability_intervals(HAND, HAND_OBJ, [0, 0, 1])
    expected = [[0.0, 0.0, 0.5], [0.0, 0.0, 0.5], [1.0, 0.5, 1.0]]
    np.testing.assert_allclose(
        result[["weight", "low", "high"]].to_numpy(float), expected, rtol=0, atol=1e-12
    )
    assert result["top"].tolist() == ["C"] * 3
    assert result["challenger_low"].tolist() == [None, None, "B"]
    assert result["challenger_high"].tolist() == ["A", "B", None]
    # the equal sharing, by rank(): t = 0.5 and 0.6 on c3
    assert top_of(HAND, HAND_OBJ, [0.25, 0.25, 0.5]) == "B"  # B = C = 0.625, B wins
    assert top_of(HAND, HAND_OBJ, [0.2, 0.2, 0.6]) == "C"  # B 0.6, C 0.7
    # t = 0.5 on c1: A = B = C = 0.5, A wins; just above, A leads
    assert top_of(HAND, HAND_OBJ, [0.5001, 0.0, 0.4999]) == "A"


@pytest.mark.parametrize("method", list(METHODS))
def test_single_alternative_is_stable_everywhere(method):
    one = pd.DataFrame({"a": [3.0], "b": [2.0], "c": [5.0]}, index=["only"])
    result = stability_intervals(one, ["max", "min", "max"], [1, 2, 3], method)
    assert result["low"].tolist() == [0.0] * 3
    assert result["high"].tolist() == [1.0] * 3
    assert result["top"].tolist() == ["only"] * 3
    assert result["challenger_low"].isna().all() and result["challenger_high"].isna().all()


@pytest.mark.parametrize("method", list(METHODS))
def test_all_equal_rows_first_row_stays_on_top(method):
    equal = pd.DataFrame([[2.0, 3.0, 4.0]] * 4, index=list("pqrs"), columns=list("abc"))
    result = stability_intervals(equal, ["max", "min", "max"], [0.2, 0.3, 0.5], method)
    assert result["low"].tolist() == [0.0] * 3
    assert result["high"].tolist() == [1.0] * 3
    assert result["top"].tolist() == ["p"] * 3
    assert result["challenger_low"].isna().all() and result["challenger_high"].isna().all()


def test_single_criterion_is_stable_everywhere():
    m = pd.DataFrame({"a": [1.0, 3.0, 2.0]}, index=list("xyz"))
    result = stability_intervals(m, ["max"], [5])
    assert result.loc["a", ["weight", "low", "high"]].tolist() == [1.0, 0.0, 1.0]
    assert result.loc["a", "top"] == "y"


# --------------------------------------------------------------------------------------
# 4. Sensitivity
# --------------------------------------------------------------------------------------
#
# HAND with step 0.2; base w = (0.5, 0.25, 0.25), scores A 1/2, B 5/8, C 3/8, ranks 2 1 3.
# c1 -: w1 = 0.4, others 0.25 * 0.6/0.5 = 0.3 -> (0.4, 0.3, 0.3):
#       A 0.4, B 0.2 + 0.3 + 0.15 = 0.65, C 0.15 + 0.3 = 0.45  -> ranks 3 1 2
# c1 +: w1 = 0.6, others 0.2 -> A 0.6, B 0.3 + 0.2 + 0.1 = 0.6 (tie: A first), C 0.3
#       -> ranks 1 2 3
# c2 -: w2 = 0.2, others * 0.8/0.75 -> (8, 3, 4)/15: A 8/15, B (4 + 3 + 2)/15 = 9/15,
#       C (1.5 + 4)/15 = 5.5/15 -> ranks 2 1 3
# c2 +: w2 = 0.3 -> (7, 4.5, 3.5)/15: A 7/15, B (3.5 + 4.5 + 1.75)/15 = 9.75/15,
#       C (2.25 + 3.5)/15 = 5.75/15 -> ranks 2 1 3
# c3 -: w3 = 0.2 -> (8, 4, 3)/15: A 8/15, B (4 + 4 + 1.5)/15 = 9.5/15, C (2 + 3)/15
# c3 +: w3 = 0.3 -> (7, 3.5, 4.5)/15: A 7/15, B (3.5 + 3.5 + 2.25)/15 = 9.25/15,
#       C (1.75 + 4.5)/15 = 6.25/15 -> ranks 2 1 3 in both
SENS_EXPECTED = {
    ("c1", "-"): (0.4, [0.4, 0.65, 0.45], [3, 1, 2]),
    ("c1", "+"): (0.6, [0.6, 0.6, 0.3], [1, 2, 3]),
    ("c2", "-"): (0.2, [8 / 15, 9 / 15, 5.5 / 15], [2, 1, 3]),
    ("c2", "+"): (0.3, [7 / 15, 9.75 / 15, 5.75 / 15], [2, 1, 3]),
    ("c3", "-"): (0.2, [8 / 15, 9.5 / 15, 5 / 15], [2, 1, 3]),
    ("c3", "+"): (0.3, [7 / 15, 9.25 / 15, 6.25 / 15], [2, 1, 3]),
}
BASE_SCORE = np.array([0.5, 0.625, 0.375])
BASE_RANK = np.array([2, 1, 3])
SENS_COLUMNS = [
    "criterion",
    "change",
    "weight",
    "alternative",
    "score",
    "score_change",
    "rank",
    "rank_change",
]


def test_sensitivity_by_hand():
    result = sensitivity(HAND, HAND_OBJ, HAND_W, step=0.2)
    assert list(result.columns) == SENS_COLUMNS
    assert len(result) == 3 * 2 * 3
    for (crit, change), (weight, scores, ranks) in SENS_EXPECTED.items():
        rows = result[(result["criterion"] == crit) & (result["change"] == change)]
        assert rows["alternative"].tolist() == ["A", "B", "C"]
        np.testing.assert_allclose(rows["weight"], weight, rtol=0, atol=1e-12)
        np.testing.assert_allclose(rows["score"], scores, rtol=0, atol=1e-12)
        np.testing.assert_allclose(
            rows["score_change"], np.array(scores) - BASE_SCORE, rtol=0, atol=1e-12
        )
        assert rows["rank"].tolist() == ranks
        assert rows["rank_change"].tolist() == (np.array(ranks) - BASE_RANK).tolist()


@pytest.mark.parametrize("method", list(METHODS))
def test_sensitivity_rows_are_complete(method):
    matrix, objectives, weights = random_problem(31, 5, 4, positive=True)
    result = sensitivity(matrix, objectives, weights, method, step=0.15)
    assert list(result.columns) == SENS_COLUMNS
    assert len(result) == 4 * 2 * 5
    keys = list(zip(result["criterion"], result["change"], result["alternative"], strict=True))
    expected = [(c, d, a) for c in matrix.columns for d in "-+" for a in matrix.index]
    assert keys == expected
    assert np.isfinite(result[["weight", "score", "score_change"]].to_numpy(float)).all()
    w = np.asarray(weights) / np.sum(weights)
    for j, crit in enumerate(matrix.columns):
        for change, factor in (("-", 0.85), ("+", 1.15)):
            rows = result[(result["criterion"] == crit) & (result["change"] == change)]
            np.testing.assert_allclose(rows["weight"], w[j] * factor, rtol=1e-12)
            new = rank(matrix, objectives, moved(weights, j, w[j] * factor), method)
            assert rows["rank"].tolist() == new["rank"].tolist()
        for _, rows in result[result["criterion"] == crit].groupby("change"):
            assert sorted(rows["rank"]) == list(range(1, 6))


def test_sensitivity_clips_and_degenerate_weights():
    # w = (0, 0.1, 0.9), step 0.5: c1 stays 0 both ways; c3 + would be 1.35 -> clipped to 1
    result = sensitivity(HAND, HAND_OBJ, [0, 1, 9], step=0.5)
    weight = result.groupby(["criterion", "change"], sort=False)["weight"].first()
    np.testing.assert_allclose(weight.to_numpy(), [0, 0, 0.05, 0.15, 0.45, 1.0], atol=1e-12)
    c1 = result[result["criterion"] == "c1"]
    np.testing.assert_allclose(c1["score_change"], 0.0, atol=1e-12)
    assert (c1["rank_change"] == 0).all()
    # c3 at weight 1: scores are v3 = A 0, B 0.5, C 1
    c3 = result[(result["criterion"] == "c3") & (result["change"] == "+")]
    np.testing.assert_allclose(c3["score"], [0.0, 0.5, 1.0], atol=1e-12)
    # c3 - from weight 0.45: others (0, 0.1) rescaled to 0.55 -> (0, 0.55, 0.45):
    #   A 0, B 0.55 + 0.225 = 0.775, C 0.275 + 0.45 = 0.725
    c3 = result[(result["criterion"] == "c3") & (result["change"] == "-")]
    np.testing.assert_allclose(c3["score"], [0.0, 0.775, 0.725], atol=1e-12)
    # a weight of 1 lowered: the others share the rest equally
    # w = (0, 0, 1), c3 - with step 0.2: (0.1, 0.1, 0.8): A 0.1, B 0.05 + 0.1 + 0.4 = 0.55,
    #   C 0 + 0.05 + 0.8 = 0.85
    result = sensitivity(HAND, HAND_OBJ, [0, 0, 1], step=0.2)
    c3 = result[(result["criterion"] == "c3") & (result["change"] == "-")]
    np.testing.assert_allclose(c3["score"], [0.1, 0.55, 0.85], atol=1e-12)


def test_sensitivity_single_criterion_keeps_weight_one():
    m = pd.DataFrame({"a": [1.0, 3.0, 2.0]}, index=list("xyz"))
    result = sensitivity(m, ["max"], [2])
    assert result["weight"].tolist() == [1.0] * 6
    assert (result["score_change"] == 0).all() and (result["rank_change"] == 0).all()


def test_tornado_table_sorted_by_swing():
    # alternative C (step 0.2, see above): c1 0.45 / 0.3 -> swing 0.15;
    # c2 5.5/15 / 5.75/15 -> 1/60; c3 5/15 / 6.25/15 -> 1/12.
    table = tornado_table(sensitivity(HAND, HAND_OBJ, HAND_W, step=0.2), "C")
    assert list(table.index) == ["c1", "c3", "c2"]
    assert list(table.columns) == ["base", "minus", "plus", "low", "high", "swing"]
    expected = [
        [0.375, 0.45, 0.3, 0.3, 0.45, 0.15],
        [0.375, 5 / 15, 6.25 / 15, 5 / 15, 6.25 / 15, 1 / 12],
        [0.375, 5.5 / 15, 5.75 / 15, 5.5 / 15, 5.75 / 15, 1 / 60],
    ]
    np.testing.assert_allclose(table.to_numpy(float), expected, rtol=0, atol=1e-12)
    assert (np.diff(table["swing"].to_numpy()) <= 0).all()


def test_tornado_table_errors():
    frame = sensitivity(HAND, HAND_OBJ, HAND_W)
    with pytest.raises(InputError, match="^alternative: 'D'; erwartet: eine von \\['A'"):
        tornado_table(frame, "D")
    with pytest.raises(InputError, match="es fehlen die Spalte\\(n\\) \\['score_change'\\]"):
        tornado_table(frame.drop(columns="score_change"), "A")
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError) as info:
        tornado_table(frame.drop(columns="score_change"), "A")
    assert str(info.value) == (
        "sensitivity_frame: missing column(s) ['score_change']; use sensitivity()"
    )


# --------------------------------------------------------------------------------------
# 5. Validation
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("step", [0, 1, -0.1, 1.5, float("nan"), float("inf"), "x", None])
def test_bad_step(step):
    with pytest.raises(InputError, match="step"):
        sensitivity(HAND, HAND_OBJ, HAND_W, step=step)


@pytest.mark.parametrize("tol", [0, -1e-9, 1, float("nan"), "x"])
def test_bad_tol(tol):
    with pytest.raises(InputError, match="tol"):
        stability_intervals(HAND, HAND_OBJ, HAND_W, "topsis", tol=tol)


@pytest.mark.parametrize("func", [stability_intervals, sensitivity])
def test_unknown_method_or_parameter(func):
    with pytest.raises(InputError, match="unbekanntes Verfahren 'ahp'"):
        func(HAND, HAND_OBJ, HAND_W, "ahp")
    with pytest.raises(InputError, match="hat keinen Parameter 'v'"):
        func(HAND, HAND_OBJ, HAND_W, "wsm", v=0.5)


@pytest.mark.parametrize("func", [stability_intervals, sensitivity])
def test_bad_inputs(func):
    with pytest.raises(InputError, match="weights"):
        func(HAND, HAND_OBJ, [1, 1])
    with pytest.raises(InputError, match="alle Gewichte sind 0"):
        func(HAND, HAND_OBJ, [0, 0, 0])
    with pytest.raises(InputError, match="objectives"):
        func(HAND, ["max", "up", "max"], HAND_W)
    with pytest.raises(InputError, match="endliche Zahl"):
        func(HAND.assign(c1=[1.0, np.nan, 2.0]), HAND_OBJ, HAND_W)
    with pytest.raises(InputError, match="DataFrame"):
        func(HAND.to_numpy(), HAND_OBJ, HAND_W)
