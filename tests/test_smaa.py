"""SMAA (:mod:`potential.uncertainty.smaa`) against closed forms and a second implementation.

The second implementation is :func:`potential.mcda.rank` (scikit-criteria for wsm, wpm and
topsis) called one sample at a time on exactly the samples SMAA uses
(:func:`~potential.uncertainty.sampling.sample_weights`, ``sample_values``). Statistical
checks use a fixed seed and a tolerance of 4 binomial standard errors.
"""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from potential import mcda
from potential.criteria import load_criteria
from potential.errors import InputError
from potential.uncertainty.sampling import (
    FixedWeights,
    Normal,
    Triangular,
    Uniform,
    sample_values,
    sample_weights,
)
from potential.uncertainty.smaa import (
    METHODS,
    SMAAResult,
    sample_ranks,
    sample_scores,
    smaa,
)

# 3 alternatives × 2 criteria (values already on [0, 1]); with w = (t, 1 - t):
# score(a) = t, score(b) = 1 - t, score(c) = 0.4.
CLOSED = pd.DataFrame({"x": [1.0, 0.0, 0.4], "y": [0.0, 1.0, 0.4]}, index=["a", "b", "c"])
# Orders by t:  t < 0.4: b c a | 0.4 < t < 0.5: b a c | 0.5 < t < 0.6: a b c | t > 0.6: a c b
CLOSED_ACCEPTABILITY = np.array(
    [
        [0.5, 0.1, 0.4],  # a: first for t > .5, second for .4 < t < .5, last for t < .4
        [0.5, 0.1, 0.4],
        [0.0, 0.8, 0.2],  # c: second for t < .4 or t > .6, last for .4 < t < .6
    ]
)


def _se(p, n):
    return np.sqrt(np.asarray(p) * (1 - np.asarray(p)) / n)


# ---------------------------------------------------------------------------------------------
# Closed forms
# ---------------------------------------------------------------------------------------------


def test_closed_form_rank_acceptability():
    n = 40_000
    r = smaa(CLOSED, ["max", "max"], n=n, seed=2026)
    assert isinstance(r, SMAAResult)
    ra = r.rank_acceptability
    assert list(ra.index) == ["a", "b", "c"] and list(ra.columns) == [1, 2, 3]
    np.testing.assert_allclose(ra.sum(axis=1), 1.0, atol=1e-12)
    tol = 4 * _se(CLOSED_ACCEPTABILITY, n) + 1e-12
    assert np.all(np.abs(ra.to_numpy() - CLOSED_ACCEPTABILITY) <= tol)


def test_closed_form_on_a_grid_of_weights_is_exact():
    """The vectorised ranking on t = (k + 1/2)/1000 reproduces the intervals exactly."""
    t = (np.arange(1000) + 0.5) / 1000
    w = np.column_stack([t, 1 - t])
    ranks = sample_ranks(sample_scores(CLOSED, ["max", "max"], w))
    shares = np.array([[np.mean(ranks[:, i] == r) for r in (1, 2, 3)] for i in range(3)])
    np.testing.assert_array_equal(shares, CLOSED_ACCEPTABILITY)


def test_closed_form_central_weights_pairwise_confidence():
    n = 40_000
    r = smaa(CLOSED, ["max", "max"], n=n, seed=7)
    # a ranks first for t > 1/2: E[t | t > 1/2] = 3/4, sd of U(1/2, 1) = 0.5/sqrt(12)
    se = 0.5 / np.sqrt(12) / np.sqrt(n / 2)
    cw = r.central_weights
    assert abs(cw.loc["a", "x"] - 0.75) < 4 * se and abs(cw.loc["b", "y"] - 0.75) < 4 * se
    np.testing.assert_allclose(cw.sum(axis=1)[["a", "b"]], 1.0, atol=1e-12)
    assert (cw.loc["c"] == 0).all()  # never first: a row of zeros, not NaN
    # pairwise: P(a beats b) = 1/2, P(a beats c) = P(t > .4) = .6, P(b beats c) = .6
    pw = r.pairwise_winning
    expected = pd.DataFrame(
        [[0, 0.5, 0.6], [0.5, 0, 0.6], [0.4, 0.4, 0]], index=list("abc"), columns=list("abc")
    )
    assert np.all(np.abs(pw - expected).to_numpy() <= 4 * _se(expected.to_numpy(), n) + 1e-12)
    np.testing.assert_allclose((pw + pw.T).to_numpy()[~np.eye(3, dtype=bool)], 1.0)
    # confidence without value uncertainty: a at (3/4, 1/4) scores .75 > .4 > .25 → 1
    assert r.confidence.tolist() == [1.0, 1.0, 0.0]
    # holistic acceptability with centroid meta-weights (1, 5/11, 2/11)
    meta = np.array([1, 5 / 11, 2 / 11])
    np.testing.assert_allclose(
        r.acceptability_index.to_numpy(), r.rank_acceptability.to_numpy() @ meta, atol=1e-12
    )
    assert abs(r.acceptability_index["c"] - (0.8 * 5 / 11 + 0.2 * 2 / 11)) < 4 * _se(0.2, n)


def test_value_uncertainty_known_answers():
    n = 20_000
    m = pd.DataFrame({"v": [0.5, 1.0]}, index=["a", "b"])
    # A ~ U(0, 1), B ~ U(.5, 1.5): P(A > B) = ∫_{.5}^{1} (1 - b) db = 1/8
    vu = {("a", "v"): Uniform(0, 1), ("b", "v"): Uniform(0.5, 1.5)}
    r = smaa(m, ["max"], value_uncertainty=vu, n=n, seed=3)
    assert abs(r.rank_acceptability.loc["a", 1] - 0.125) < 4 * _se(0.125, n)
    # one criterion: the central weight is 1, so the confidence counts the same samples
    assert r.confidence["a"] == r.rank_acceptability.loc["a", 1]
    # A ~ N(0, 1), B ~ N(1, 1): P(A > B) = Phi(-1 / sqrt 2)
    m2 = pd.DataFrame({"v": [0.0, 1.0]}, index=["a", "b"])
    r = smaa(m2, ["max"], value_uncertainty={"v": Normal(1.0)}, n=n, seed=4, method="topsis")
    p = stats.norm.cdf(-1 / np.sqrt(2))
    assert abs(r.rank_acceptability.loc["a", 1] - p) < 4 * _se(p, n)
    # A ~ Tri(0, .5, 1), B = .7 fixed: P(A > .7) = .3² / .5 = .18; cost criterion flips it
    vu = {("a", "v"): Triangular(0, 0.5, 1)}
    m3 = pd.DataFrame({"v": [0.5, 0.7]}, index=["a", "b"])
    r = smaa(m3, ["max"], value_uncertainty=vu, n=n, seed=5)
    assert abs(r.rank_acceptability.loc["a", 1] - 0.18) < 4 * _se(0.18, n)
    r = smaa(m3, ["min"], value_uncertainty=vu, n=n, seed=5)
    assert abs(r.rank_acceptability.loc["a", 1] - 0.82) < 4 * _se(0.82, n)


# ---------------------------------------------------------------------------------------------
# Agreement with potential.mcda.rank (scikit-criteria) one sample at a time
# ---------------------------------------------------------------------------------------------

MATRIX = pd.DataFrame(
    {
        "cost": [120.0, 95.0, 140.0, 95.0, 110.0, 130.0, 101.0],
        "savings": [30.0, 22.0, 41.0, 22.0, 35.0, 28.0, 25.0],
        "risk": [0.3, 0.5, 0.2, 0.5, 0.4, 0.1, 0.45],
        "time": [12.0, 6.0, 18.0, 6.0, 9.0, 15.0, 7.0],
    },
    index=["o1", "o2", "o3", "o4", "o5", "o6", "o7"],  # o2 and o4 are identical: ties
)
OBJECTIVES = ["min", "max", "min", "min"]
CASES = [
    ("wsm", {}),
    ("wsm", {"value_function": "ratio"}),
    ("wsm", {"bounds": {"cost": (50.0, 200.0)}}),
    ("wpm", {}),
    ("wpm", {"value_floor": None}),
    ("wpm", {"bounds": {"cost": (50.0, 200.0), "time": (0.0, 24.0)}}),
    ("topsis", {}),
    ("topsis", {"normalization": "minmax"}),
]


def _rank_params(method, params):
    return {"value_floor": 0.1, **params} if method == "wpm" else params


@pytest.mark.parametrize("method, params", CASES)
def test_scores_agree_with_potential_mcda_rank(method, params):
    for w in ([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.0, 1.0, 0.0, 0.0]):
        w = np.array(w)
        ours = sample_scores(MATRIX, OBJECTIVES, w[None, :], method=method, **params)[0]
        if method == "wpm":
            ours = np.exp(ours)
        ref = mcda.rank(MATRIX, OBJECTIVES, w, method, **_rank_params(method, params))
        np.testing.assert_allclose(ours, ref["score"].to_numpy(), rtol=0, atol=1e-12)


@pytest.mark.parametrize("method, params", CASES)
def test_ranks_agree_exactly_with_per_sample_ranking(method, params):
    n, seed = 200, 99
    w = sample_weights(None, n, seed=seed, criteria=list(MATRIX.columns))
    ranks = sample_ranks(sample_scores(MATRIX, OBJECTIVES, w, method=method, **params))
    reference = np.array(
        [
            mcda.rank(MATRIX, OBJECTIVES, wi, method, **_rank_params(method, params))["rank"]
            for wi in w
        ]
    )
    np.testing.assert_array_equal(ranks, reference)
    assert np.all(ranks[:, 1] < ranks[:, 3])  # the tie rule: o2 before its twin o4
    # the whole run on the same samples: counts, central weights and pairwise shares
    r = smaa(MATRIX, OBJECTIVES, method=method, n=n, seed=seed, **params)
    a = len(MATRIX)
    counts = np.array([[np.sum(reference[:, i] == k) for k in range(1, a + 1)] for i in range(a)])
    np.testing.assert_array_equal(np.rint(r.rank_acceptability.to_numpy() * n), counts)
    for i in range(a):
        first = reference[:, i] == 1
        expected = w[first].mean(axis=0) if first.any() else np.zeros(4)
        np.testing.assert_allclose(r.central_weights.iloc[i], expected, rtol=0, atol=1e-12)
    beats = (reference[:, :, None] < reference[:, None, :]).mean(axis=0)
    np.testing.assert_array_equal(r.pairwise_winning.to_numpy(), beats)


def test_confidence_agrees_with_per_sample_ranking():
    n, seed = 150, 21
    vu = {"savings": Normal(4.0, low=0.0), ("o6", "risk"): Uniform(0.05, 0.5)}
    r = smaa(MATRIX, OBJECTIVES, value_uncertainty=vu, n=n, seed=seed)
    values = sample_values(MATRIX, vu, n, seed=seed)
    w = sample_weights(None, n, seed=seed, criteria=list(MATRIX.columns))
    frames = [pd.DataFrame(v, index=MATRIX.index, columns=MATRIX.columns) for v in values]
    first = np.array(
        [
            mcda.rank(f, OBJECTIVES, wi)["rank"].to_numpy() == 1
            for f, wi in zip(frames, w, strict=True)
        ]
    )
    np.testing.assert_array_equal(
        np.rint(r.rank_acceptability[1].to_numpy() * n), first.sum(axis=0)
    )
    for i, alt in enumerate(MATRIX.index):
        wc = r.central_weights.loc[alt].to_numpy()
        if not first[:, i].any():
            assert r.confidence[alt] == 0
            continue
        hits = sum(mcda.rank(f, OBJECTIVES, wc)["rank"].iloc[i] == 1 for f in frames)
        assert r.confidence[alt] == hits / n


# ---------------------------------------------------------------------------------------------
# Reproducibility
# ---------------------------------------------------------------------------------------------


def _arrays(r):
    out = [r.rank_acceptability, r.central_weights, r.confidence, r.acceptability_index]
    if r.pairwise_winning is not None:
        out.append(r.pairwise_winning)
    return [x.to_numpy() for x in out]


def _same(r1, r2):
    return all(np.array_equal(x, y) for x, y in zip(_arrays(r1), _arrays(r2), strict=True))


RANDOM = pd.DataFrame(
    np.random.default_rng(0).random((6, 4)),
    columns=list("wxyz"),
    index=[f"A{i}" for i in range(6)],
)


@pytest.mark.parametrize("method", list(METHODS))
def test_chunk_size_and_workers_do_not_change_the_result(method):
    kw = dict(method=method, n=9000, seed=5)
    base = smaa(RANDOM, ["max", "min", "max", "max"], chunk_size=None, workers=1, **kw)
    for chunk_size, workers in [(1, 1), (7, 2), (4096, 2), (10_000, 1), (None, 2)]:
        r = smaa(
            RANDOM, ["max", "min", "max", "max"], chunk_size=chunk_size, workers=workers, **kw
        )
        assert _same(base, r), (chunk_size, workers)


@pytest.mark.parametrize("method", list(METHODS))
def test_chunk_size_invariance_with_value_uncertainty(method):
    vu = {
        "w": Normal(0.2),
        ("A1", "y"): Uniform(0.8, 1.2, scale="factor"),
        "x": Triangular(-0.1, 0, 0.3, scale="offset"),
    }
    kw = dict(method=method, n=4500, seed=6, value_uncertainty=vu, weights={"w": (0.1, 0.6)})
    base = smaa(RANDOM + 1, ["max", "min", "max", "max"], workers=1, **kw)
    sizes = [(7, 2), (4096, 1), (10_000, 2)] + ([(1, 1)] if method == "wsm" else [])
    for chunk_size, workers in sizes:
        r = smaa(
            RANDOM + 1, ["max", "min", "max", "max"], chunk_size=chunk_size, workers=workers, **kw
        )
        assert _same(base, r), (chunk_size, workers)


def test_seeds():
    kw = dict(n=3000, pairwise=False)
    r1 = smaa(RANDOM, ["max"] * 4, seed=1, **kw)
    assert r1.seed_used == 1 and r1.n == 3000 and r1.method == "wsm"
    assert _same(r1, smaa(RANDOM, ["max"] * 4, seed=1, **kw))
    assert not _same(r1, smaa(RANDOM, ["max"] * 4, seed=2, **kw))
    assert r1.pairwise_winning is None
    fresh = smaa(RANDOM, ["max"] * 4, seed=None, **kw)
    assert _same(fresh, smaa(RANDOM, ["max"] * 4, seed=fresh.seed_used, **kw))
    drawn = smaa(RANDOM, ["max"] * 4, seed=np.random.default_rng(8), **kw)
    assert _same(drawn, smaa(RANDOM, ["max"] * 4, seed=drawn.seed_used, **kw))
    assert _same(drawn, smaa(RANDOM, ["max"] * 4, seed=np.random.default_rng(8), **kw))


# ---------------------------------------------------------------------------------------------
# Weight specifications, ties, degenerate cases
# ---------------------------------------------------------------------------------------------


def test_weight_specifications_reach_the_run():
    r = smaa(RANDOM, ["max"] * 4, weights=[1, 1, 1, 1], n=50, seed=1)
    # fixed weights: every sample ranks the same way as potential.mcda.rank
    ranks = mcda.rank(RANDOM, ["max"] * 4, [1, 1, 1, 1])["rank"]
    for alt, rk in ranks.items():
        assert r.rank_acceptability.loc[alt, rk] == 1.0
    assert isinstance(r.weights, FixedWeights)
    r = smaa(RANDOM, ["max"] * 4, weights=["z", "y", "x", "w"], n=2000, seed=1)
    cw = r.central_weights[r.rank_acceptability[1] > 0]
    assert np.all(np.diff(cw[["z", "y", "x", "w"]].to_numpy(), axis=1) <= 1e-12)
    r = smaa(RANDOM, ["max"] * 4, weights={"w": (0.5, 0.7)}, n=2000, seed=1)
    cw = r.central_weights[r.rank_acceptability[1] > 0]
    assert cw["w"].between(0.5, 0.7).all()


def test_hierarchical_weights_from_the_criteria_model():
    model = load_criteria("ikz-egov-nrw")
    ids = [c.id for c in model.criteria]
    m = pd.DataFrame(np.random.default_rng(3).random((5, len(ids))), columns=ids)
    objectives = [c.direction for c in model.criteria]
    r = smaa(m, objectives, weights=model, n=500, seed=1)
    w = sample_weights(model, 500, seed=1, criteria=ids)
    reference = np.array([mcda.rank(m, objectives, wi)["rank"] for wi in w])
    counts = np.array([[np.sum(reference[:, i] == k) for k in range(1, 6)] for i in range(5)])
    np.testing.assert_array_equal(np.rint(r.rank_acceptability.to_numpy() * 500), counts)


def test_identical_alternatives_keep_the_row_order():
    m = pd.DataFrame({"x": [0.3, 0.7, 0.3], "y": [0.9, 0.2, 0.9]}, index=["p", "q", "r"])
    r = smaa(m, ["max", "max"], n=1000, seed=1)
    assert r.pairwise_winning.loc["p", "r"] == 1.0
    assert r.rank_acceptability.loc["r", 1] == 0.0
    scores = np.array([[1.0, 2.0, 2.0, -0.0, 0.0, 1.0]])
    assert sample_ranks(scores).tolist() == [[3, 1, 2, 5, 6, 4]]
    assert sample_ranks([[-1.0, -3.0, -1.0, 5.0]]).tolist() == [[2, 4, 3, 1]]


def test_near_ties_are_ranked_exactly():
    base = 0.5
    s = np.array([[base, np.nextafter(base, 1), base, np.nextafter(base, 0), 0.1]])
    assert sample_ranks(s).tolist() == [[2, 1, 3, 4, 5]]
    big = np.random.default_rng(0).random((50, 1500))
    big[:, 700] = big[:, 3]
    big[:, 9] = np.nextafter(big[:, 100], 2)
    expected = np.argsort(np.argsort(-big, axis=1, kind="stable"), axis=1, kind="stable") + 1
    np.testing.assert_array_equal(sample_ranks(big), expected)


def test_one_alternative_and_one_criterion():
    r = smaa(pd.DataFrame({"x": [1.0]}, index=["only"]), ["max"], n=10, seed=1)
    assert r.rank_acceptability.to_numpy().tolist() == [[1.0]]
    assert r.central_weights.to_numpy().tolist() == [[1.0]]
    assert r.confidence.tolist() == [1.0]


def test_results_are_plain_pandas():
    r = smaa(CLOSED, ["max", "max"], n=100, seed=1)
    assert isinstance(r.rank_acceptability, pd.DataFrame)
    assert isinstance(r.central_weights, pd.DataFrame)
    assert list(r.central_weights.columns) == ["x", "y"]
    assert isinstance(r.confidence, pd.Series) and isinstance(r.acceptability_index, pd.Series)
    assert isinstance(r.pairwise_winning, pd.DataFrame)


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"method": "vikor"}, "wsm, wpm, topsis"),
        ({"n": 0}, "n:"),
        ({"n": 2.5}, "n:"),
        ({"chunk_size": 0}, "chunk_size"),
        ({"workers": 0}, "workers"),
        ({"seed": -1}, "seed"),
        ({"weights": {"x": (0.7, 1.0), "y": (0.6, 1.0)}}, "nicht erfüllbar"),
        ({"weights": ["x"]}, "jedes Kriterium genau einmal"),
        ({"value_uncertainty": {"zz": Uniform(0, 1)}}, "weder ein Kriterium"),
        ({"method": "topsis", "metric": "cityblock"}, "kennt nur 'euclidean'"),
        ({"method": "wsm", "value_floor": 0.1}, "hat keinen Parameter 'value_floor'"),
        (
            {"method": "wpm", "value_floor": 1.5},
            r"^value_floor: erwartet: eine Zahl größer als 0 und kleiner als 1, erhalten: 1.5$",
        ),
        ({"method": "wpm", "value_floor": None, "bounds": {"x": (0, 2)}}, "nur mit value_floor"),
        (
            {"value_uncertainty": {"x": Uniform(0, 1)}, "breakpoints": {"x": [(0, 0), (3, 1)]}},
            "sind damit nicht möglich",
        ),
        (
            {"value_uncertainty": {"x": Uniform(0, 1)}, "value_function": "vector"},
            "sind damit nicht möglich",
        ),
        (
            {"value_uncertainty": {"x": Uniform(0, 1)}, "bounds": {"zz": (0, 2)}},
            r"^bounds: die Kriterien \['zz'\] sind keine Spalten",
        ),
        (
            {"method": "wpm", "value_floor": None, "value_uncertainty": {"x": Normal(1)}},
            "braucht Werte > 0",
        ),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(InputError, match=match):
        smaa(CLOSED + 1, ["max", "max"], **{"n": 10, "seed": 1, **kwargs})


def test_fixed_bounds_with_uncertain_values():
    # weights 0.5/0.5 fixed. a = (0.5, 0.5); b = (U(0.55, 0.6), 0.45); c = (U(1.5, 2), 0).
    # On the fixed scales 0..1 (c's x clipped to 1): a 0.5, b 0.5 * (0.55..0.6) + 0.225 =
    # 0.5..0.525, c 0.5 -> b is first in every sample (a tie with a has probability 0), and
    # a ties c and comes before it (row order): ranks b, a, c, always.
    # With each sample's own min-max (no bounds) a is worst on x (0) and best on y (1), c
    # best on x and worst on y: both score 0.5, a first by row order; b scores
    # 0.5 * v_b(x) + 0.5 * 0.9 < 0.5, as v_b(x) = (x_b - 0.5) / (x_c - 0.5) <= 0.1 / 1 < 0.1:
    # ranks a, c, b, always.
    matrix = pd.DataFrame({"x": [0.5, 0.575, 1.75], "y": [0.5, 0.45, 0.0]}, index=list("abc"))
    cells = {("b", "x"): Uniform(0.55, 0.6), ("c", "x"): Uniform(1.5, 2.0)}
    common = dict(weights=np.array([0.5, 0.5]), value_uncertainty=cells, n=200, seed=3)
    fixed = smaa(matrix, ["max", "max"], bounds={"x": (0, 1), "y": (0, 1)}, **common)
    ranks = fixed.rank_acceptability
    assert ranks.loc["b", 1] == 1.0 and ranks.loc["a", 2] == 1.0 and ranks.loc["c", 3] == 1.0
    own = smaa(matrix, ["max", "max"], **common).rank_acceptability
    assert own.loc["a", 1] == 1.0 and own.loc["c", 2] == 1.0 and own.loc["b", 3] == 1.0


def test_wpm_on_fixed_bounds_with_sampled_values():
    # sampled matrices on fixed bounds: v = clip((x - lo) / (hi - lo), 0, 1) for max,
    # (hi - x) / (hi - lo) for min, then S = sum_j w_j ln(0.1 + 0.9 v_j), by hand in numpy
    rng = np.random.default_rng(7)
    bounds = {"cost": (50.0, 200.0), "savings": (0.0, 50.0)}
    x = MATRIX.to_numpy()[None, :, :] * rng.uniform(0.5, 1.6, size=(5, *MATRIX.shape))
    w = sample_weights(None, 5, seed=8, criteria=list(MATRIX.columns))
    got = sample_scores(MATRIX, OBJECTIVES, w, method="wpm", values=x, bounds=bounds)
    v = np.empty_like(x)
    for j, (name, direction) in enumerate(zip(MATRIX.columns, OBJECTIVES, strict=True)):
        col = x[:, :, j]
        if name in bounds:
            lo, hi = bounds[name]
            col = np.clip(col, lo, hi)
        else:  # each sample's own range
            lo, hi = col.min(axis=1, keepdims=True), col.max(axis=1, keepdims=True)
        v[:, :, j] = (col - lo) / (hi - lo) if direction == "max" else (hi - col) / (hi - lo)
    expected = np.einsum("tj,taj->ta", w, np.log(0.1 + 0.9 * v))
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    # values beyond the bounds were drawn, so the clip matters
    assert (x[:, :, 0] > 200).any() or (x[:, :, 0] < 50).any()


def test_bad_matrices():
    with pytest.raises(InputError, match="DataFrame"):
        smaa(np.ones((2, 2)), ["max", "max"], n=10)
    with pytest.raises(InputError, match="erwartet: eine endliche Zahl"):
        smaa(pd.DataFrame({"x": [1.0, np.nan]}), ["max"], n=10)
    with pytest.raises(InputError, match="objectives"):
        smaa(CLOSED, ["max"], n=10)
    with pytest.raises(InputError, match="braucht Werte > 0"):
        smaa(CLOSED, ["max", "max"], method="wpm", value_floor=None, n=10)


def test_bad_arguments_in_english():
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError) as info:
        smaa(CLOSED + 1, ["max", "max"], n=10, seed=1, method="vikor")
    assert str(info.value) == (
        "method: 'vikor'; SMAA is vectorised for wsm, wpm, topsis (use potential.mcda.rank "
        "for the others)"
    )


def _near_ties():
    rng = np.random.default_rng(4)
    base = rng.integers(0, 4, size=(30, 4)).astype(float)  # many identical rows
    near = base[:10] + np.array([1e-15, 0, 0, 0]) * base[:10].max()  # scores ~1 ulp apart
    m = pd.DataFrame(np.vstack([base, near, base[:5] * (1 + 1e-13)]), columns=list("wxyz"))
    m.index = [f"r{i}" for i in range(len(m))]
    return m


@pytest.mark.parametrize("method", ["wsm", "wpm"])
def test_blas_shortcut_gives_the_exact_ranks(method, monkeypatch):
    """Without value uncertainty wsm and wpm sort a BLAS product, certified against the exact
    criterion-by-criterion sums; rows with near ties are ranked by the exact sums."""
    module = importlib.import_module("potential.uncertainty.smaa")

    m, objectives = _near_ties(), ["max", "min", "max", "max"]
    kw = dict(method=method, n=3000, seed=12)
    fast = smaa(m, objectives, **kw)
    # the exact ranks: numpy's stable sort of the exact (fixed-order) scores
    w = sample_weights(None, 3000, seed=12, criteria=list(m.columns))
    scores = sample_scores(m, objectives, w, method=method)
    order = np.argsort(-scores, axis=1, kind="stable")
    counts = np.zeros((len(m), len(m)), dtype=int)
    np.add.at(counts, (order, np.arange(len(m))[None, :]), 1)
    np.testing.assert_array_equal(np.rint(fast.rank_acceptability.to_numpy() * 3000), counts)

    def exact_only(kernel, x):
        kernel.tol = None
        return (x,)

    monkeypatch.setattr(module, "_with_tolerance", exact_only)
    assert _same(fast, smaa(m, objectives, **kw))
