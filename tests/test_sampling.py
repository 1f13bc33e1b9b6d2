"""Samplers of :mod:`potential.uncertainty.sampling` and the seed helper :mod:`potential.random`.

Distributions are checked against closed forms with scipy's Kolmogorov–Smirnov test (fixed
seeds, p > 0.01), means against closed forms within 4 standard errors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from potential import random as prandom
from potential.criteria import load_criteria
from potential.errors import InputError
from potential.uncertainty.sampling import (
    FixedWeights,
    HierarchicalWeights,
    IntervalWeights,
    Normal,
    OrdinalWeights,
    Triangular,
    Uniform,
    UniformWeights,
    sample_values,
    sample_weights,
    uniform_simplex,
    value_spec,
    weight_spec,
)

CRITERIA = ["a", "b", "c", "d", "e"]


def _ks(sample, cdf) -> float:
    return stats.kstest(sample, cdf).pvalue


# ---------------------------------------------------------------------------------------------
# potential.random
# ---------------------------------------------------------------------------------------------


def test_generator_normalises_seeds():
    g = np.random.default_rng(3)
    assert prandom.generator(g) is g
    assert prandom.generator(5).random() == np.random.default_rng(5).random()
    assert isinstance(prandom.generator(None), np.random.Generator)
    for bad in (-1, 1.5, "1", True, [1]):
        with pytest.raises(InputError, match="seed"):
            prandom.generator(bad)


def test_entropy_from_int_generator_and_none():
    assert prandom.entropy(42) == 42
    assert prandom.entropy(np.int64(7)) == 7
    # a Generator gives one 128-bit draw: the same state gives the same entropy
    e1 = prandom.entropy(np.random.default_rng(9))
    e2 = prandom.entropy(np.random.default_rng(9))
    assert e1 == e2 and 0 <= e1 < 2**128
    assert prandom.entropy(None) != prandom.entropy(None)


def test_blocks_cover_a_range():
    B = prandom.BLOCK
    assert list(prandom.blocks(0, 10)) == [(0, 0, 10)]
    assert list(prandom.blocks(B - 3, B + 2)) == [(0, B - 3, B), (1, 0, 2)]
    assert list(prandom.blocks(5, 5)) == []


def test_block_stream_is_independent_of_the_chunks():
    stream = prandom.BlockStream(123, lambda n, rng: rng.standard_normal((n, 2)))
    full = stream.take(0, 3 * prandom.BLOCK + 17)
    for step in (1, 7, 1000, prandom.BLOCK, 5000):
        fresh = prandom.BlockStream(123, lambda n, rng: rng.standard_normal((n, 2)))
        parts = [fresh.take(s, min(s + step, len(full))) for s in range(0, len(full), step)]
        assert np.array_equal(np.concatenate(parts), full)
    # block b is drawn from SeedSequence(entropy, spawn_key=(b,)), as documented
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(123, spawn_key=(2,))))
    assert np.array_equal(
        full[2 * prandom.BLOCK : 3 * prandom.BLOCK], rng.standard_normal((prandom.BLOCK, 2))
    )


# ---------------------------------------------------------------------------------------------
# Weights
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("m", [2, 3, 5, 8])
def test_uniform_weights_have_dirichlet_1_marginals(m):
    w = sample_weights(UniformWeights(m), 20_000, seed=2026)
    assert w.shape == (20_000, m)
    assert np.all(w >= 0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    for j in range(m):  # one weight of a uniform m-simplex is Beta(1, m - 1)
        assert _ks(w[:, j], stats.beta(1, m - 1).cdf) > 0.01


def test_the_marginal_test_rejects_normalised_uniform_draws():
    """The check above has power: normalising uniform draws is not uniform on the simplex."""
    u = np.random.default_rng(2026).random((20_000, 5))
    w = u / u.sum(axis=1, keepdims=True)
    assert _ks(w[:, 0], stats.beta(1, 4).cdf) < 1e-6


def test_uniform_simplex_joint_law_m3():
    # Dirichlet(1,1,1): P(w1 > x, w2 > y) = (1 - x - y)^2 for x + y < 1
    w = uniform_simplex(40_000, 3, np.random.default_rng(1))
    p = np.mean((w[:, 0] > 0.2) & (w[:, 1] > 0.3))
    expected = 0.5**2
    assert abs(p - expected) < 4 * np.sqrt(expected * (1 - expected) / 40_000)


def test_ordinal_weights_respect_the_order_and_match_rank_order_centroid():
    order = ["c", "a", "e", "b", "d"]
    spec = weight_spec(order, CRITERIA)
    assert isinstance(spec, OrdinalWeights)
    w = sample_weights(spec, 20_000, seed=7)
    ordered = w[:, [CRITERIA.index(c) for c in order]]
    assert np.all(np.diff(ordered, axis=1) <= 0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    # uniform on the ordered region: E[k-th largest] = (1/m) sum_{i=k}^m 1/i (ROC weights)
    m = len(order)
    roc = np.array([sum(1 / i for i in range(k, m + 1)) / m for k in range(1, m + 1)])
    se = ordered.std(axis=0) / np.sqrt(len(w))
    assert np.all(np.abs(ordered.mean(axis=0) - roc) < 4 * se)


def test_interval_weights_stay_inside_and_are_uniform_there():
    spec = weight_spec({"a": (0.0, 0.5)}, CRITERIA[:3])
    w = sample_weights(spec, 20_000, seed=11)
    assert np.all(w[:, 0] <= 0.5) and np.all(w >= 0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    # uniform on the 3-simplex restricted to w1 <= 0.5: density of w1 ∝ (1 - x) on [0, 0.5]
    assert _ks(w[:, 0], lambda x: (1 - (1 - np.clip(x, 0, 0.5)) ** 2) / 0.75) > 0.01


def test_interval_lower_bounds_shift_the_simplex():
    spec = weight_spec({"a": (0.2, 1.0), "b": (0.1, 1.0)}, CRITERIA[:3])
    w = sample_weights(spec, 20_000, seed=12)
    assert np.all(w[:, 0] >= 0.2) and np.all(w[:, 1] >= 0.1)
    # w = low + 0.7 u with u uniform on the simplex: (w1 - 0.2) / 0.7 ~ Beta(1, 2)
    assert _ks((w[:, 0] - 0.2) / 0.7, stats.beta(1, 2).cdf) > 0.01


@pytest.mark.parametrize(
    "intervals, match",
    [
        ({"a": (0.6, 1.0), "b": (0.5, 1.0)}, "^weights: die Intervalle sind nicht erfüllbar"),
        ({c: (0.0, 0.2) for c in CRITERIA[:3]}, "nicht erfüllbar"),
        ({"a": (0.5, 0.2)}, "Intervall von 'a' ist \\(0.5, 0.2\\); erwartet: 0 ≤ untere ≤ obere"),
        ({"a": (-0.1, 0.2)}, "erwartet: 0 ≤ untere"),
        ({"a": (0.1, float("nan"))}, "^weights: Intervall von 'a': erwartet: endliche Zahlen"),
        ({"a": (0.1,)}, "erwartet: ein Intervall"),
        ({"zzz": (0.1, 0.2)}, "die Kriterien \\['zzz'\\] sind keine Spalten"),
    ],
)
def test_bad_intervals(intervals, match):
    with pytest.raises(InputError, match=match):
        weight_spec(intervals, CRITERIA[:3])


def test_intervals_that_leave_almost_no_room_stop_with_an_error():
    spec = weight_spec({f"c{j}": (0.0, 0.13) for j in range(8)}, [f"c{j}" for j in range(8)])
    with pytest.raises(InputError, match="sie lassen kaum Spielraum"):
        sample_weights(spec, 10, seed=1)


def test_hierarchical_weights_from_a_criteria_model():
    model = load_criteria("ikz-egov-nrw")
    ids = [c.id for c in model.criteria]
    columns = ids[::-1]  # the matrix may order its columns differently
    spec = weight_spec(model, columns)
    assert isinstance(spec, HierarchicalWeights)
    w = pd.DataFrame(sample_weights(spec, 20_000, seed=5), columns=columns)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    k = len(model.groups)
    for g in model.groups:
        members = [c.id for c in g.criteria]
        share = w[members].sum(axis=1)
        # group weights uniform on the group simplex: Beta(1, k - 1)
        assert _ks(share, stats.beta(1, k - 1).cdf) > 0.01
        if len(members) > 1:
            within = w[members[0]] / share
            assert _ks(within, stats.beta(1, len(members) - 1).cdf) > 0.01
        else:
            np.testing.assert_allclose(w[members[0]], share)
    # product structure: a group's share is independent of the split inside another group
    g0 = [c.id for c in model.groups[0].criteria]
    g1 = [c.id for c in model.groups[1].criteria]
    r = stats.spearmanr(w[g0].sum(axis=1), w[g1[0]] / w[g1].sum(axis=1)).statistic
    assert abs(r) < 4 / np.sqrt(len(w))


def test_hierarchy_leaves_out_zero_weights():
    model = load_criteria("ikz-egov-nrw")
    groups = list(model.groups)
    groups[3] = groups[3].model_copy(update={"weight": 0.0})
    first = groups[0]
    crits = list(first.criteria)
    crits[1] = crits[1].model_copy(update={"weight": 0.0})
    groups[0] = first.model_copy(update={"criteria": tuple(crits)})
    model = model.model_copy(update={"groups": tuple(groups)})
    ids = [c.id for c in model.criteria]
    w = pd.DataFrame(sample_weights(model, 500, seed=1, criteria=ids), columns=ids)
    assert (w[crits[1].id] == 0).all()
    assert (w[groups[3].criteria[0].id] == 0).all()
    np.testing.assert_allclose(w[crits[0].id], w[[c.id for c in crits]].sum(axis=1))


def test_hierarchy_must_match_the_matrix():
    model = load_criteria("ikz-egov-nrw")
    ids = [c.id for c in model.criteria]
    with pytest.raises(InputError, match="und die Matrix passen nicht zusammen"):
        weight_spec(model, ids[:-1])
    with pytest.raises(InputError, match="nicht im Modell \\['extra'\\]"):
        weight_spec(model, [*ids, "extra"])


def test_fixed_weights_shorthands():
    for obj in (
        [1, 2, 3],
        np.array([1.0, 2, 3]),
        {"b": 2, "a": 1, "c": 3},
        pd.Series([1, 2, 3], index=["a", "b", "c"]),
    ):
        spec = weight_spec(obj, ["a", "b", "c"])
        assert isinstance(spec, FixedWeights)
        np.testing.assert_allclose(spec.weights, [1 / 6, 2 / 6, 3 / 6])
    w = sample_weights([1, 1, 2], 5, seed=0, criteria=["a", "b", "c"])
    np.testing.assert_allclose(w, np.tile([0.25, 0.25, 0.5], (5, 1)))


def test_uniform_shorthand_and_spec_passthrough():
    assert weight_spec(None, CRITERIA) == UniformWeights(5)
    spec = IntervalWeights((0, 0), (1, 1))
    assert weight_spec(spec, ["x", "y"]) is spec


@pytest.mark.parametrize(
    "obj, match",
    [
        ("uniform", "^weights: 'uniform' ist keine Gewichtsangabe; erwartet: feste Gewichte"),
        (["a", "b"], "jedes Kriterium genau einmal nennen; es fehlen \\['c', 'd', 'e'\\]$"),
        (["a", "a", "b", "c", "d"], "es fehlen \\['e'\\], andere sind mehrfach genannt"),
        (["a", "b", "c", "d", "zz"], "\\['zz'\\] sind keine Kriterien"),
        ([1, 2], "2 Gewichte angegeben; erwartet: 5"),
        ([1, -1, 1, 1, 1], "erwartet: endliche Zahlen ≥ 0 mit einer Summe größer als 0"),
        ({"a": 1, "b": 2}, "kein Gewicht für die Kriterien \\['c', 'd', 'e'\\]"),
        ({"a": "x"}, "'a' hat 'x'; erwartet: ein Intervall"),
        (UniformWeights(3), "die Gewichtsangabe hat 3 Kriterien, die Matrix 5"),
        (3.0, "ein Objekt vom Typ float ist keine Gewichtsangabe"),
    ],
)
def test_bad_weight_specifications(obj, match):
    with pytest.raises(InputError, match=match):
        weight_spec(obj, CRITERIA)


def test_sample_weights_same_seed_same_samples():
    a = sample_weights(None, 5000, seed=3, criteria=CRITERIA)
    b = sample_weights(None, 5000, seed=3, criteria=CRITERIA)
    c = sample_weights(None, 5000, seed=4, criteria=CRITERIA)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    # the first samples do not depend on how many are drawn
    assert np.array_equal(sample_weights(None, 10, seed=3, criteria=CRITERIA), a[:10])
    with pytest.raises(InputError, match="^n: erwartet: eine ganze Zahl ≥ 1, erhalten: 0$"):
        sample_weights(None, 0, seed=3, criteria=CRITERIA)
    with pytest.raises(InputError, match="^sample_weights: .* braucht `criteria`"):
        sample_weights(None, 3, seed=3)


def test_sampling_errors_in_english():
    from potential.messages import use_lang

    with use_lang("en"):
        with pytest.raises(InputError) as info:
            sample_weights(None, 0, seed=3, criteria=CRITERIA)
        assert str(info.value) == "n: expected an integer >= 1, got 0"
        with pytest.raises(InputError) as info:
            prandom.generator(-1)
        assert str(info.value) == "seed: expected an int >= 0, got -1"


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

MATRIX = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [10.0, 20.0, 30.0]}, index=["p", "q", "r"])


@pytest.mark.parametrize(
    "make, match",
    [
        (
            lambda: Uniform(1, 1),
            "^Uniform: erwartet: untere < obere Grenze, erhalten: \\(1, 1\\)$",
        ),
        (lambda: Uniform(0, float("inf")), "^Uniform: erwartet: endliche Zahlen, erhalten: inf$"),
        (lambda: Uniform(0, 1, scale="percent"), "^scale: 'percent'; erwartet: eines von"),
        (lambda: Triangular(0, 2, 1), "untere Grenze ≤ Modus ≤ obere Grenze"),
        (lambda: Triangular(1, 1, 1), "untere < obere Grenze, erhalten: \\(1, 1, 1\\)"),
        (lambda: Normal(0), "^Normal: erwartet: eine Standardabweichung sd größer als 0"),
        (lambda: Normal(-1), "sd größer als 0, erhalten: -1"),
        (lambda: Normal(1, low=2, high=1), "untere < obere Grenze, erhalten: \\(2, 1\\)"),
        (lambda: Normal("1"), "^Normal: erwartet: Zahlen, erhalten: '1'$"),
    ],
)
def test_bad_distribution_parameters(make, match):
    with pytest.raises(InputError, match=match):
        make()


def test_value_spec_errors():
    with pytest.raises(InputError, match="^value_uncertainty: 'z' ist weder ein Kriterium"):
        value_spec({"z": Uniform(0, 1)}, MATRIX)
    with pytest.raises(InputError, match="weder ein Kriterium noch ein Paar"):
        value_spec({("s", "x"): Uniform(0, 1)}, MATRIX)
    with pytest.raises(InputError, match="erwartet: Uniform, Triangular oder Normal"):
        value_spec({"x": (0, 1)}, MATRIX)
    with pytest.raises(InputError, match="erwartet: eine Zuordnung .*, erhalten: list"):
        value_spec([Uniform(0, 1)], MATRIX)
    with pytest.raises(InputError, match="außerhalb der Grenzen \\(1.5, inf\\)"):
        value_spec({"x": Normal(1, low=1.5)}, MATRIX)
    assert value_spec({}, MATRIX) is None and value_spec(None, MATRIX) is None


def test_uniform_and_triangular_values_follow_their_laws():
    vu = {"x": Uniform(0, 4), ("q", "y"): Triangular(15, 18, 30)}
    v = sample_values(MATRIX, vu, 20_000, seed=8)
    assert v.shape == (20_000, 3, 2)
    for i in range(3):
        assert _ks(v[:, i, 0], stats.uniform(0, 4).cdf) > 0.01
    assert _ks(v[:, 1, 1], stats.triang((18 - 15) / 15, loc=15, scale=15).cdf) > 0.01
    # cells without uncertainty keep their value; alternatives are drawn independently
    assert np.all(v[:, 0, 1] == 10) and np.all(v[:, 2, 1] == 30)
    assert abs(stats.spearmanr(v[:, 0, 0], v[:, 1, 0]).statistic) < 4 / np.sqrt(20_000)


def test_offset_and_factor_scales_and_cell_overrides():
    vu = {
        "x": Uniform(-0.5, 0.5, scale="offset"),
        "y": Triangular(0.9, 1.0, 1.2, scale="factor"),
        ("r", "x"): Uniform(100, 101),
    }
    v = sample_values(MATRIX, vu, 4000, seed=9)
    for i, x in enumerate([1.0, 2.0]):
        assert v[:, i, 0].min() >= x - 0.5 and v[:, i, 0].max() <= x + 0.5
        assert _ks(v[:, i, 0], stats.uniform(x - 0.5, 1).cdf) > 0.01
    assert v[:, 2, 0].min() >= 100 and v[:, 2, 0].max() <= 101  # the cell entry wins
    for i, y in enumerate([10.0, 20.0, 30.0]):
        law = stats.triang(0.1 / 0.3, loc=0.9 * y, scale=0.3 * y)
        assert _ks(v[:, i, 1], law.cdf) > 0.01


def test_normal_values_centred_on_the_matrix_and_clipped():
    vu = {"x": Normal(0.5), ("r", "y"): Normal(0.1, relative=True), ("p", "x"): Normal(1, low=0.0)}
    v = sample_values(MATRIX, vu, 20_000, seed=10)
    assert _ks(v[:, 1, 0], stats.norm(2.0, 0.5).cdf) > 0.01
    assert _ks(v[:, 2, 1], stats.norm(30.0, 3.0).cdf) > 0.01
    # clipped, not truncated: P(value == low) = P(N(1, 1) < 0) = Phi(-1)
    at_low = np.mean(v[:, 0, 0] == 0.0)
    p = stats.norm.cdf(-1)
    assert v[:, 0, 0].min() == 0.0
    assert abs(at_low - p) < 4 * np.sqrt(p * (1 - p) / 20_000)


def test_value_samples_do_not_depend_on_the_range_drawn():
    vu = {"x": Normal(0.5), ("q", "y"): Triangular(15, 18, 30), "y": Uniform(0, 50)}
    spec = value_spec(vu, MATRIX)
    full = spec.sample(77, 0, 2 * prandom.BLOCK + 100)
    for start, stop in [(0, 1), (5, 12), (prandom.BLOCK - 3, prandom.BLOCK + 4), (9000, 8292)]:
        if start < stop:
            assert np.array_equal(spec.sample(77, start, stop), full[start:stop])
    assert np.array_equal(sample_values(MATRIX, vu, 100, seed=77), full[:100])
