"""Tests of ELECTRE I (:mod:`potential.mcda.electre`) against a published concordance matrix,
hand calculations and a plain numpy transcription of the method."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import rank

COLUMNS = ["score", "rank", "kernel", "outranks", "outranked_by"]

# ---------------------------------------------------------------------------------------------
# Reference implementation (plain numpy/python, no scikit-criteria)
# ---------------------------------------------------------------------------------------------


def ref_outranking(x, objectives, w, p, q):
    """The documented relation: min-max values, zero-weight criteria dropped, a S b iff
    c(a, b) >= p and d(a, b) <= q (tolerance 1e-12); d relative to the largest range (1)."""
    w = np.asarray(w, float) / np.sum(w)
    keep = w > 0
    x, w = x[:, keep], w[keep]
    objectives = [o for o, k in zip(objectives, keep, strict=True) if k]
    v = np.zeros_like(x)
    for j, obj in enumerate(objectives):
        lo, hi = x[:, j].min(), x[:, j].max()
        if hi > lo:
            v[:, j] = (x[:, j] - lo) / (hi - lo) if obj == "max" else (hi - x[:, j]) / (hi - lo)
    delta = max((v.max(axis=0) - v.min(axis=0)).max(), 0.0) or 1.0
    n = len(x)
    s = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(n):
            if a != b:
                c = w[v[a] >= v[b]].sum()
                d = max(0.0, (v[b] - v[a]).max()) / delta
                s[a, b] = c >= p - 1e-12 and d <= q + 1e-12
    return s


def classes(s):
    """same[i, j]: i and j lie on a common circuit (or i == j); by Floyd-Warshall."""
    n = len(s)
    reach = s | np.eye(n, dtype=bool)
    for k in range(n):
        reach = reach | np.outer(reach[:, k], reach[k, :])
    return reach, reach & reach.T


def ref_kernel(s):
    """Kernel after merging circuits, decided class by class in topological order."""
    n = len(s)
    reach, same = classes(s)
    # along an edge between classes the number of strict ancestors grows
    ancestors = [(reach[:, j] & ~same[:, j]).sum() for j in range(n)]
    kernel = np.zeros(n, dtype=bool)
    for j in sorted(range(n), key=lambda j: ancestors[j]):
        beaten = any(kernel[i] and not same[i, j] and s[i, same[j]].any() for i in range(n))
        kernel[j] = not beaten
    return kernel


def assert_is_kernel(s, kernel):
    """The defining properties, checked directly."""
    _, same = classes(s)
    n = len(s)
    for i in range(n):
        assert all(kernel[j] == kernel[i] for j in np.flatnonzero(same[i]))  # whole classes
        for j in range(n):
            if kernel[i] and kernel[j] and not same[i, j]:
                assert not s[i, j]  # internally stable
        if not kernel[i]:
            assert any(s[k, same[i]].any() for k in np.flatnonzero(kernel))  # externally


def ref_ranks(scores) -> list[int]:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    out = [0] * len(scores)
    for position, i in enumerate(order, start=1):
        out[i] = position
    return out


def check_against(r, s):
    outranks, outranked_by = s.sum(axis=1), s.sum(axis=0)
    assert r["outranks"].tolist() == outranks.tolist()
    assert r["outranked_by"].tolist() == outranked_by.tolist()
    np.testing.assert_array_equal(r["score"], outranks - outranked_by)
    assert r["kernel"].tolist() == ref_kernel(s).tolist()
    assert_is_kernel(s, r["kernel"].to_numpy())
    assert r["rank"].tolist() == ref_ranks(list(outranks - outranked_by))


# ---------------------------------------------------------------------------------------------
# 1. Published example: the concordance matrix of Cebrián & Porcar (2009)
# ---------------------------------------------------------------------------------------------

# Cebrián, L. I. G., Porcar, A. M. (2009). Localización empresarial en Aragón: una aplicación
# empírica de la ayuda a la decisión multicriterio tipo ELECTRE I y III. Revista de Métodos
# Cuantitativos para la Economía y la Empresa 7, 31-56; six locations, five criteria (the
# third a cost), the concordance matrix printed to four decimals. Data and matrix as
# transcribed in scikit-criteria's tests/agg/test_electre.py
# (test_concordance_cebrian2009localizacion; the table number could not be checked here).
#
# The concordance index depends only on the order of the values on each criterion, so it is
# the same on our min-max value scale as on the paper's sum-normalised scale. The paper's
# discordance matrix is not: it divides by the largest range of the sum-normalised columns,
# we by the largest range of the min-max values (1). With q = 1 the discordance test never
# fails on our scale (d <= 1), so a S b iff c(a, b) >= p, which the printed matrix decides.
CEBRIAN = pd.DataFrame(
    [
        [6, 5, 28, 5, 5],
        [4, 2, 25, 10, 9],
        [5, 7, 35, 9, 6],
        [6, 1, 27, 6, 7],
        [6, 8, 30, 7, 9],
        [5, 6, 26, 4, 8],
    ],
    index=["A1", "A2", "A3", "A4", "A5", "A6"],
    columns=["g1", "g2", "g3", "g4", "g5"],
    dtype=float,
)
CEBRIAN_OBJ = ["max", "max", "min", "max", "max"]
CEBRIAN_W = [0.25, 0.25, 0.1, 0.2, 0.2]
CEBRIAN_C = np.array(
    [
        [np.nan, 0.5000, 0.3500, 0.5000, 0.3500, 0.4500],
        [0.5000, np.nan, 0.5000, 0.7500, 0.5000, 0.5000],
        [0.6500, 0.5000, np.nan, 0.4500, 0.2000, 0.7000],
        [0.7500, 0.2500, 0.5500, np.nan, 0.3500, 0.4500],
        [0.9000, 0.7000, 0.8000, 0.9000, np.nan, 0.9000],
        [0.5500, 0.5000, 0.5500, 0.5500, 0.1000, np.nan],
    ]
)


@pytest.mark.parametrize("p", [0.35, 0.5, 0.55, 0.65, 0.7, 0.75, 0.9])
def test_cebrian_porcar_2009_concordance(p):
    r = rank(CEBRIAN, CEBRIAN_OBJ, CEBRIAN_W, "electre1", p=p, q=1.0)
    with np.errstate(invalid="ignore"):
        s = CEBRIAN_C >= p  # NaN on the diagonal compares False
    check_against(r, s)


def test_cebrian_porcar_2009_at_p_065_by_hand():
    # From the printed matrix, c >= 0.65: A2 S A4 (0.75); A3 S A1 (0.65, exactly the
    # threshold: 0.25 + 0.2 + 0.2), A3 S A6 (0.70); A4 S A1 (0.75); A5 S everyone.
    r = rank(CEBRIAN, CEBRIAN_OBJ, CEBRIAN_W, "electre1", p=0.65, q=1.0)
    assert r["outranks"].tolist() == [0, 1, 2, 1, 5, 0]
    assert r["outranked_by"].tolist() == [3, 1, 1, 2, 0, 2]
    assert r["score"].tolist() == [-3.0, 0.0, 1.0, -1.0, 5.0, -2.0]
    assert r["rank"].tolist() == [6, 3, 2, 4, 1, 5]
    assert r.index[r["kernel"]].tolist() == ["A5"]  # the paper's choice, A5


# ---------------------------------------------------------------------------------------------
# 2. Hand-worked examples with discordance
# ---------------------------------------------------------------------------------------------

# Four alternatives, weights 2 : 1 : 1 -> 0.5, 0.25, 0.25. Min-max values:
#            cost (min)         quality (max)      speed (max)
#   a   100 -> (300-100)/200 = 1    2 -> 0           10 -> 0
#   b   200 -> 0.5                  6 -> 1           30 -> 0.5
#   c   150 -> 0.75                 3 -> 0.25        50 -> 1
#   d   300 -> 0                    4 -> 0.5         20 -> 0.25
# Concordance (weights of the criteria on which the first is at least as good):
#   c(a,b) = c(a,c) = c(a,d) = 0.5      c(b,a) = 0.5, c(b,c) = 0.25, c(b,d) = 1
#   c(c,a) = 0.5, c(c,b) = 0.75, c(c,d) = 0.75      c(d,a) = 0.5, c(d,b) = 0, c(d,c) = 0.25
# Discordance (largest shortfall, the ranges are 1) for the pairs with c >= 0.65:
#   d(b,d) = 0;  d(c,b) = quality 1 - 0.25 = 0.75;  d(c,d) = quality 0.5 - 0.25 = 0.25
HAND = pd.DataFrame(
    {
        "cost": [100.0, 200.0, 150.0, 300.0],
        "quality": [2.0, 6.0, 3.0, 4.0],
        "speed": [10.0, 30.0, 50.0, 20.0],
    },
    index=list("abcd"),
)
HAND_OBJ = ["min", "max", "max"]
HAND_W = [2, 1, 1]


def test_hand_example_default_thresholds():
    # p = 0.65, q = 0.35: b S d and c S d (c S b fails on discordance 0.75)
    r = rank(HAND, HAND_OBJ, HAND_W, "electre1")
    assert r.columns.tolist() == COLUMNS
    assert r["outranks"].tolist() == [0, 1, 1, 0]
    assert r["outranked_by"].tolist() == [0, 0, 0, 2]
    assert r["score"].tolist() == [0.0, 1.0, 1.0, -2.0]
    assert r["rank"].tolist() == [3, 1, 2, 4]  # b and c tie: row order
    assert r["kernel"].tolist() == [True, True, True, False]


def test_hand_example_weaker_veto():
    # q = 0.8 admits c S b as well: c outranks b and d, b outranks d.
    # Scores a 0, b 1 - 1 = 0, c 2, d -2; the kernel is {a, c} (b and d are outranked by c)
    r = rank(HAND, HAND_OBJ, HAND_W, "electre1", q=0.8)
    assert r["outranks"].tolist() == [0, 1, 2, 0]
    assert r["outranked_by"].tolist() == [0, 1, 0, 2]
    assert r["score"].tolist() == [0.0, 0.0, 2.0, -2.0]
    assert r["rank"].tolist() == [2, 3, 1, 4]
    assert r["kernel"].tolist() == [True, False, True, False]


def test_kernel_of_a_chain_keeps_its_end():
    # Min-max values (all max, weights 1/3 each):
    #   a = (1, 1, 0), b = (0.6, 0.6, 0.5), c = (0, 0, 1)
    # c(a,b) = c(b,c) = c(a,c) = 2/3 >= 0.6; every reverse pair 1/3.
    # d(a,b) = 0.5 <= 0.6, d(b,c) = 1 - 0.5 = 0.5 <= 0.6, d(a,c) = 1 > 0.6.
    # So a S b S c without a S c: the kernel is {a, c} (c is outranked only by b, which the
    # kernel excludes). scikit-criteria's kernel_ (never outranked) would be {a} alone.
    m = pd.DataFrame({"x": [10.0, 6.0, 0.0], "y": [5.0, 3.0, 0.0], "z": [0.0, 5.0, 10.0]})
    r = rank(m, ["max"] * 3, [1, 1, 1], "electre1", p=0.6, q=0.6)
    assert r["outranks"].tolist() == [1, 1, 0]
    assert r["outranked_by"].tolist() == [0, 1, 1]
    assert r["kernel"].tolist() == [True, False, True]
    assert r["score"].tolist() == [1.0, 0.0, -1.0]


def test_kernel_of_a_circuit_is_the_whole_circuit():
    # Condorcet triple a = (1, 2, 3), b = (2, 3, 1), c = (3, 1, 2), weights 1/3 each:
    # c(b,a) = c(c,b) = c(a,c) = 2/3, the reverse pairs 1/3. With q = 1 (no veto):
    # b S a, c S b, a S c -- one circuit: all three are indifferent, all in the kernel.
    m = pd.DataFrame({"g1": [1.0, 2.0, 3.0], "g2": [2.0, 3.0, 1.0], "g3": [3.0, 1.0, 2.0]})
    r = rank(m, ["max"] * 3, [1, 1, 1], "electre1", p=0.6, q=1.0)
    assert r["outranks"].tolist() == [1, 1, 1]
    assert r["outranked_by"].tolist() == [1, 1, 1]
    assert r["kernel"].all()
    assert r["rank"].tolist() == [1, 2, 3]
    # with the default veto q = 0.35 every comparison fails on a shortfall of 1 (values
    # (x - 1)/2, so e.g. d(b,a) = 1 - 0 on g3): nobody outranks anybody, all in the kernel
    r = rank(m, ["max"] * 3, [1, 1, 1], "electre1", p=0.6)
    assert r["outranks"].sum() == 0 and r["kernel"].all()


def test_identical_alternatives_share_the_kernel():
    # x and y are identical and better than z on both criteria: x S y, y S x, both S z.
    # They form a circuit and share the kernel (scikit-criteria's kernel_ would be empty).
    m = pd.DataFrame({"g1": [1.0, 1.0, 0.0], "g2": [1.0, 1.0, 0.0]}, index=list("xyz"))
    r = rank(m, ["max", "max"], [1, 1], "electre1")
    assert r["outranks"].tolist() == [2, 2, 0]
    assert r["outranked_by"].tolist() == [1, 1, 2]
    assert r["score"].tolist() == [1.0, 1.0, -2.0]
    assert r["kernel"].tolist() == [True, True, False]
    assert r["rank"].tolist() == [1, 2, 3]


# ---------------------------------------------------------------------------------------------
# 3. Second implementation on seeded random matrices
# ---------------------------------------------------------------------------------------------


def random_problem(seed, shape):
    rng = np.random.default_rng(seed)
    n, k = shape
    x = rng.normal(0.0, 10.0, size=shape) * rng.uniform(0.1, 100.0, size=k)
    objectives = list(rng.choice(["max", "min"], size=k))
    weights = rng.uniform(0.05, 3.0, size=k)
    index = [f"alt{i}" for i in rng.permutation(n)]
    return pd.DataFrame(x, index=index, columns=[f"c{j}" for j in range(k)]), objectives, weights


SHAPES = [(2, 1), (3, 2), (5, 3), (8, 4), (12, 6), (30, 9)]
SEEDS = [1, 7, 42]
THRESHOLDS = [(0.65, 0.35), (0.5, 0.6), (0.6, 1.0), (0.35, 0.5)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("p", "q"), THRESHOLDS)
def test_random_matrices_match_plain_numpy(seed, shape, p, q):
    m, objectives, weights = random_problem(seed, shape)
    r = rank(m, objectives, weights, "electre1", p=p, q=q)
    check_against(r, ref_outranking(m.to_numpy(), objectives, weights, p, q))
    assert list(r.index) == list(m.index)


def test_random_problems_have_circuits_and_chains():
    # Guards the test above: the seeds produce circuits (merged in the kernel) and kernels
    # larger than the set of never-outranked alternatives.
    circuits = chains = 0
    for seed in SEEDS:
        for shape in SHAPES:
            for p, q in THRESHOLDS:
                m, objectives, weights = random_problem(seed, shape)
                s = ref_outranking(m.to_numpy(), objectives, weights, p, q)
                _, same = classes(s)
                circuits += same.sum() > len(s)
                chains += ref_kernel(s).sum() > (~s.any(axis=0)).sum()
    assert circuits > 0 and chains > 0


# ---------------------------------------------------------------------------------------------
# 4. Degenerate data
# ---------------------------------------------------------------------------------------------


def test_constant_column_raises_every_concordance():
    # A constant column (weight 2 of 6) is concordant in every comparison:
    # c' = (4·c + 2)/6 with c the concordance of the hand example. With q = 0.5:
    #   without it: b S d (c 1, d 0), c S d (c 0.75, d 0.25)
    #   with it, also c' = 4/6 >= 0.65 for the pairs with c = 0.5, of which the veto
    #   (d <= 0.5) passes a S d (d = 0.5), b S a (d = 1 - 0.5) and c S a (d = 1 - 0.75)
    base = rank(HAND, HAND_OBJ, HAND_W, "electre1", q=0.5)
    assert base["outranks"].tolist() == [0, 1, 1, 0]
    flat = rank(HAND.assign(flat=5.0), [*HAND_OBJ, "min"], [*HAND_W, 2], "electre1", q=0.5)
    assert flat["outranks"].tolist() == [1, 2, 2, 0]
    assert flat["outranked_by"].tolist() == [2, 0, 0, 3]
    assert flat["score"].tolist() == [-1.0, 2.0, 2.0, -3.0]
    assert flat["kernel"].tolist() == [False, True, True, False]


def test_zero_weight_column_is_left_out():
    # "noise" would veto every comparison won against d (d = 1 on it) if it took part in
    # the discordance; with weight 0 it is left out and nothing changes
    base = rank(HAND, HAND_OBJ, HAND_W, "electre1")
    noisy = HAND.assign(noise=[0.0, 0.0, 0.0, 9.0])
    r = rank(noisy, [*HAND_OBJ, "max"], [*HAND_W, 0], "electre1")
    pd.testing.assert_frame_equal(r, base)
    # with a positive weight it does take part
    w = rank(noisy, [*HAND_OBJ, "max"], [*HAND_W, 0.01], "electre1")
    assert w["outranks"].tolist() == [0, 0, 0, 0]


def test_single_alternative():
    r = rank(HAND.iloc[[2]], HAND_OBJ, HAND_W, "electre1")
    assert r.columns.tolist() == COLUMNS
    assert r.iloc[0].tolist() == [0.0, 1, True, 0, 0]


def test_all_equal_rows():
    # nothing varies: c = 1 and d = 0 for every pair, so everybody outranks everybody, all
    # lie on one circuit (the kernel) and every score is 0; ranks keep row order
    m = pd.DataFrame([[2.0, 5.0, 1.0]] * 4, index=["d", "b", "c", "a"], columns=list("pqr"))
    r = rank(m, ["max", "min", "max"], [0.5, 0.3, 0.2], "electre1")
    assert r["outranks"].tolist() == [3] * 4
    assert r["outranked_by"].tolist() == [3] * 4
    assert r["score"].tolist() == [0.0] * 4
    assert r["kernel"].all()
    assert r["rank"].tolist() == [1, 2, 3, 4]


def test_only_zero_weight_columns_vary():
    m = pd.DataFrame({"flat": [1.0, 1.0, 1.0], "noise": [3.0, 1.0, 2.0]})
    r = rank(m, ["max", "max"], [1, 0], "electre1")
    assert r["outranks"].tolist() == [2, 2, 2]
    assert r["kernel"].all()
    assert not r.isna().any().any()


# ---------------------------------------------------------------------------------------------
# 5. Through rank(): shape of the result and bad parameters
# ---------------------------------------------------------------------------------------------


def test_result_is_indexed_like_the_matrix():
    m, objectives, weights = random_problem(11, (9, 3))
    m.index = pd.Index([f"opt/{i}" for i in [5, 2, 8, 1, 0, 7, 3, 6, 4]])
    r = rank(m, objectives, weights, "electre1")
    assert r.index.equals(m.index)
    assert sorted(r["rank"]) == list(range(1, 10))
    assert r.columns.tolist() == COLUMNS
    assert r["kernel"].dtype == bool
    assert not r.isna().any().any()


@pytest.mark.parametrize("name", ["p", "q"])
@pytest.mark.parametrize("bad", [-0.1, 1.5, np.nan, "high", None])
def test_thresholds_outside_unit_interval_raise(name, bad):
    with pytest.raises(InputError, match=f"{name}:"):
        rank(HAND, HAND_OBJ, HAND_W, "electre1", **{name: bad})


@pytest.mark.parametrize("params", [{"v": 0.5}, {"c": 0.7}, {"lambda_": 0.5}])
def test_unknown_parameter_raises(params):
    (name,) = params
    with pytest.raises(InputError, match=name):
        rank(HAND, HAND_OBJ, HAND_W, "electre1", **params)
