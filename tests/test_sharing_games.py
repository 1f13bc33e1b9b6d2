"""TU games (potential.sharing.games) against published values and independent computations.

Every expected value is worked out here on its own: published tables (Talmud), closed forms
(Talmud rule, random arrival rule, Littlechild–Owen airport formula, Shapley–Shubik index),
brute force over all orders of the players, and a second nucleolus implementation
(:func:`maschler_nucleolus`, Maschler's sequential LPs that test each tight coalition with an
extra LP instead of reading dual values).
"""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from potential.errors import InputError
from potential.messages import use_lang
from potential.sharing.games import (
    EXACT_LIMIT,
    KINDS,
    LP_LIMIT,
    TOLERANCE,
    coalitions,
    core_is_empty,
    core_violations,
    game_from_function,
    in_core,
    least_core,
    nucleolus,
    proportional,
    scrb,
    shapley,
    shapley_sampled,
)

ABS = 1e-6
PROPS = settings(max_examples=50, deadline=None)


# --------------------------------------------------------------------------- helpers


def brute_shapley(game, players):
    """Shapley value as the mean marginal contribution over all n! orders."""
    total = dict.fromkeys(players, 0.0)
    orders = list(itertools.permutations(players))
    for order in orders:
        before = frozenset()
        for p in order:
            after = before | {p}
            total[p] += game.get(after, 0.0) - game.get(before, 0.0)
            before = after
    return np.array([total[p] / len(orders) for p in players])


def bankruptcy(claims, estate):
    """v(S) = max(0, E - sum of the claims of the others) (O'Neill 1982)."""
    total = sum(claims.values())
    return game_from_function(
        list(claims),
        lambda s: max(0.0, estate - (total - sum(claims[i] for i in s))),
    )


def cea(amount, claims):
    """Constrained equal awards by bisection: x_i = min(c_i, lam), sum x = amount."""
    lo, hi = 0.0, max(claims)
    for _ in range(200):
        mid = (lo + hi) / 2
        if sum(min(c, mid) for c in claims) < amount:
            lo = mid
        else:
            hi = mid
    return np.array([min(c, hi) for c in claims])


def cel(amount, claims):
    """Constrained equal losses by bisection: x_i = max(0, c_i - lam), sum x = amount."""
    lo, hi = 0.0, max(claims)
    for _ in range(200):
        mid = (lo + hi) / 2
        if sum(max(0.0, c - mid) for c in claims) > amount:
            lo = mid
        else:
            hi = mid
    return np.array([max(0.0, c - hi) for c in claims])


def talmud(claims, estate):
    """Aumann & Maschler (1985): CEA on half-claims up to D/2, then d/2 + CEL on half-claims."""
    half = [c / 2 for c in claims]
    if estate <= sum(claims) / 2:
        return cea(estate, half)
    return np.array(half) + cel(estate - sum(claims) / 2, half)


def random_arrival(claims, estate):
    """O'Neill (1982): claimants arrive in random order, each gets min(claim, what is left)."""
    names = list(claims)
    total = dict.fromkeys(names, 0.0)
    orders = list(itertools.permutations(names))
    for order in orders:
        left = estate
        for p in order:
            paid = min(claims[p], left)
            total[p] += paid
            left -= paid
    return np.array([total[p] / len(orders) for p in names])


def airport(costs):
    """Airport cost game c(S) = max cost of the members (Littlechild & Owen 1973)."""
    return game_from_function(list(costs), lambda s: max(costs[i] for i in s))


def littlechild_owen(costs):
    """Each runway segment is shared equally by the players that need it."""
    levels = sorted(set(costs.values()))
    share = dict.fromkeys(costs, 0.0)
    previous = 0.0
    for level in levels:
        users = [p for p, c in costs.items() if c >= level]
        for p in users:
            share[p] += (level - previous) / len(users)
        previous = level
    return np.array([share[p] for p in costs])


def maschler_nucleolus(game, players, individual=True):
    """Second nucleolus (or prenucleolus) of a savings game, independent of dual values.

    Maschler's sequential LPs: stage k maximises the smallest excess of the free coalitions;
    then every free coalition tight at the solution gets one more LP, "can its excess be
    raised above eps_k without lowering the others below eps_k?", and is fixed at eps_k if
    not. Stops when the fixed coalitions and N span R^n.
    """
    n = len(players)
    grand = frozenset(players)

    def row(s):
        return [1.0 if p in s else 0.0 for p in players]

    order = sorted((s for s in game if s and s != grand), key=lambda s: (len(s), sorted(s)))
    free, fixed = list(order), {}
    lower = [game[frozenset([p])] if individual else None for p in players]
    scale = max(1.0, max(abs(x) for x in game.values()))
    for _ in range(2**n):
        eq = [row(grand)] + [row(s) for s in fixed]
        beq = [game[grand]] + [game[s] + e for s, e in fixed.items()]
        res = linprog(
            [0.0] * n + [-1.0],
            A_ub=[[-a for a in row(s)] + [1.0] for s in free],
            b_ub=[-game[s] for s in free],
            A_eq=[r + [0.0] for r in eq],
            b_eq=beq,
            bounds=[(lo, None) for lo in lower] + [(None, None)],
            method="highs",
        )
        assert res.status == 0
        eps, x = res.x[-1], res.x[:n]
        newly = []
        for s in free:
            if abs(np.dot(row(s), x) - game[s] - eps) > 1e-9 * scale:
                continue  # not tight here, so its excess can exceed eps
            others = [t for t in free if t != s]
            probe = linprog(
                [-a for a in row(s)],
                A_ub=[[-a for a in row(t)] for t in others] or None,
                b_ub=[-(game[t] + eps) for t in others] or None,
                A_eq=eq,
                b_eq=beq,
                bounds=[(lo, None) for lo in lower],
                method="highs",
            )
            assert probe.status == 0
            if -probe.fun - game[s] <= eps + 1e-9 * scale:
                newly.append(s)
        assert newly, "no coalition fixed"
        for s in newly:
            fixed[s] = eps
            free.remove(s)
        rows = np.array([row(grand)] + [row(s) for s in fixed])
        if np.linalg.matrix_rank(rows) == n:
            rhs = np.array([game[grand]] + [game[s] + e for s, e in fixed.items()])
            return np.linalg.lstsq(rows, rhs, rcond=None)[0]
    raise AssertionError("no convergence")


def as_savings(cost, players):
    """v(S) = sum of c({i}) over S minus c(S)."""
    single = {p: cost[frozenset([p])] for p in players}
    return {s: sum(single[p] for p in s) - c for s, c in cost.items()}


def superadditive_cover(game, players):
    """v(S) = max(v(S), max over splits v(T) + v(S minus T)), by size."""
    out = dict(game)
    for s in sorted(coalitions(players), key=len):
        members = sorted(s)
        for k in range(1, len(members)):
            for t in itertools.combinations(members, k):
                t = frozenset(t)
                out[s] = max(out[s], out[t] + out[s - t])
    return out


def random_game(rng, players, kind="any"):
    """A random integer-valued savings game with at least one imputation."""
    game = {s: float(rng.integers(-5, 30)) for s in coalitions(players)}
    if kind == "superadditive":
        game = superadditive_cover(game, players)
    grand = frozenset(players)
    singles = sum(game[frozenset([p])] for p in players)
    game[grand] = max(game[grand], singles + float(rng.integers(0, 10)))
    return game


def excesses(game, players, x):
    grand = frozenset(players)
    share = dict(zip(players, x, strict=True))
    return sorted(sum(share[p] for p in s) - v for s, v in game.items() if s and s != grand)


def least_core_ok(game, players, x, eps, tol=1e-6):
    """x(N) = v(N) and x(S) >= v(S) - eps for every S != N."""
    grand = frozenset(players)
    share = dict(zip(players, x, strict=True))
    return abs(sum(x) - game[grand]) < tol and all(
        sum(share[p] for p in s) >= v - eps - tol for s, v in game.items() if s != grand
    )


# --------------------------------------------------------------------------- 1. Talmud


@pytest.mark.parametrize(
    ("estate", "expected"),
    [(100, [100 / 3] * 3), (200, [50, 75, 75]), (300, [50, 100, 150])],
)
def test_talmud_table(estate, expected):
    # Aumann & Maschler (1985), J. Econ. Theory 36:195-213, the Talmud's table for the
    # claims 100, 200, 300 (Kethubot 93a): estates 100, 200, 300.
    game = bankruptcy({"a": 100, "b": 200, "c": 300}, estate)
    result = nucleolus(game)
    np.testing.assert_allclose(result.to_numpy(), expected, atol=ABS)
    assert list(result.index) == ["a", "b", "c"]
    assert result.name == "nucleolus"


@pytest.mark.parametrize(
    ("claims", "estates"),
    [
        ([100, 200, 300, 400], [50, 250, 400, 500, 650, 900, 1000]),
        ([40, 90, 150, 210, 300], [60, 200, 395, 500, 700, 790]),
        ([50, 50, 120, 300], [100, 260, 400]),
    ],
)
def test_nucleolus_is_talmud_rule(claims, estates):
    # Aumann & Maschler (1985), Theorem: the nucleolus of the bankruptcy game is the
    # Talmud rule (computed above by its own formula, CEA/CEL by bisection).
    names = [f"k{i}" for i in range(len(claims))]
    for estate in estates:
        game = bankruptcy(dict(zip(names, claims, strict=True)), estate)
        np.testing.assert_allclose(
            nucleolus(game).to_numpy(), talmud(claims, estate), atol=ABS, err_msg=str(estate)
        )


# --------------------------------------------------------------------------- 2. random arrival


@pytest.mark.parametrize(
    "claims",
    [[100, 200, 300], [30, 60, 90, 140], [10, 25, 40, 70, 120]],
)
def test_shapley_of_bankruptcy_is_random_arrival(claims):
    # O'Neill (1982), Math. Social Sciences 2(4):345-371: the Shapley value of the
    # bankruptcy game is the random arrival rule (brute force over all n! orders).
    names = [f"k{i}" for i in range(len(claims))]
    for estate in [0.3 * sum(claims), 0.5 * sum(claims), 0.8 * sum(claims)]:
        game = bankruptcy(dict(zip(names, claims, strict=True)), estate)
        expected = random_arrival(dict(zip(names, claims, strict=True)), estate)
        np.testing.assert_allclose(shapley(game).to_numpy(), expected, atol=1e-9)


# --------------------------------------------------------------------------- 3. airport


@pytest.mark.parametrize("seed", range(5))
def test_airport_shapley_littlechild_owen(seed):
    # Littlechild & Owen (1973), Management Science 20(3):370-372: each segment's cost is
    # shared equally by the players needing it. Costs with ties (few distinct levels).
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 8))
    costs = {f"a{i}": float(rng.integers(1, 5) * 10) for i in range(n)}
    result = shapley(airport(costs), kind="cost")
    np.testing.assert_allclose(result.to_numpy(), littlechild_owen(costs), atol=1e-9)
    assert result.sum() == pytest.approx(max(costs.values()))


@pytest.mark.parametrize("seed", range(4))
def test_airport_nucleolus_matches_maschler(seed):
    # Second implementation: maschler_nucleolus (extra LP per tight coalition, no duals),
    # on the strategically equivalent savings game; cost share = c({i}) - savings share.
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(3, 6))
    costs = {f"a{i}": float(rng.integers(1, 6) * 10) for i in range(n)}
    game = airport(costs)
    players = list(costs)
    expected = np.array(list(costs.values())) - maschler_nucleolus(
        as_savings(game, players), players
    )
    np.testing.assert_allclose(nucleolus(game, kind="cost").to_numpy(), expected, atol=ABS)
    assert in_core(game, nucleolus(game, kind="cost"), kind="cost")


# --------------------------------------------------------------------------- 4. glove game


def glove():
    # Glove game: one left glove L, two right gloves R1, R2; v(S) = 1 if S holds a pair.
    # Maschler, Solan & Zamir (2013), Game Theory, Cambridge University Press.
    return {s: float("L" in s and ("R1" in s or "R2" in s)) for s in coalitions(["L", "R1", "R2"])}


def test_glove_game():
    game = glove()
    players = ["L", "R1", "R2"]
    result = shapley(game)
    # L is pivotal in 4 of the 6 orders (all but L first), so 2/3; R1 in 1 (L, R1, R2).
    np.testing.assert_allclose(result.to_numpy(), [2 / 3, 1 / 6, 1 / 6], atol=1e-12)
    np.testing.assert_allclose(result.to_numpy(), brute_shapley(game, players), atol=1e-12)
    # The core is the single point (1, 0, 0): x_L + x_Ri >= 1 and x(N) = 1 give x_Rj <= 0.
    np.testing.assert_allclose(nucleolus(game).to_numpy(), [1, 0, 0], atol=ABS)
    assert not core_is_empty(game)
    assert in_core(game, {"L": 1.0, "R1": 0.0, "R2": 0.0})
    assert not in_core(game, result)
    eps, point = least_core(game)
    assert eps == pytest.approx(0.0, abs=ABS)
    np.testing.assert_allclose(point.to_numpy(), [1, 0, 0], atol=ABS)
    violations = core_violations(game, result)
    assert violations["coalition"].tolist() == [("L", "R1"), ("L", "R2")]
    np.testing.assert_allclose(violations["shortfall"], [1 / 6, 1 / 6])
    np.testing.assert_allclose(violations["allocated"], [5 / 6, 5 / 6])


# --------------------------------------------------------------------------- 5. empty core


def test_majority_game_empty_core():
    # v(S) = 1 if |S| >= 2. The pairs with weights 1/2 are a balanced collection and
    # sum lambda_S v(S) = 3/2 > v(N) = 1, so the core is empty (Bondareva-Shapley).
    # Least core: the game v(S) - eps (S != N) needs 3/2 - (3/2) eps <= 1, so
    # eps >= (3/2 - 1) / (3 * 1/2) = 1/3; at (1/3, 1/3, 1/3) every pair has
    # x(S) = 2/3 = 1 - 1/3 and every singleton 1/3 >= 0 - 1/3, so eps = 1/3.
    game = {s: float(len(s) >= 2) for s in coalitions(["a", "b", "c"])}
    assert core_is_empty(game)
    eps, point = least_core(game)
    assert eps == pytest.approx(1 / 3, abs=ABS)
    np.testing.assert_allclose(point.to_numpy(), [1 / 3] * 3, atol=ABS)
    np.testing.assert_allclose(nucleolus(game).to_numpy(), [1 / 3] * 3, atol=ABS)
    assert not in_core(game, point)
    assert len(core_violations(game, point)) == 3


def test_least_core_point_is_prenucleolus():
    # v({1}) = v({2,3}) = v(N) = 1: the only imputation is (1, 0, 0) with excess -1 for
    # {2,3}; the least core has eps = 1/2 ({1} and {2,3} add to N: 2 eps >= 1) and its
    # prenucleolus is (1/2, 1/4, 1/4) (then x2 = x3 by symmetry). Worked out by hand.
    game = {s: 0.0 for s in coalitions([1, 2, 3])}
    game[frozenset([1])] = game[frozenset([2, 3])] = game[frozenset([1, 2, 3])] = 1.0
    np.testing.assert_allclose(nucleolus(game).to_numpy(), [1, 0, 0], atol=ABS)
    eps, point = least_core(game)
    assert eps == pytest.approx(0.5, abs=ABS)
    np.testing.assert_allclose(point.to_numpy(), [0.5, 0.25, 0.25], atol=ABS)


# ----------------------------------------------------------------- 6. UN Security Council


def security_council():
    permanent = [f"P{i}" for i in range(1, 6)]
    elected = [f"E{i:02d}" for i in range(1, 11)]
    players = permanent + elected

    def passes(s):
        return float(all(p in s for p in permanent) and len(s) >= 9)

    return players, passes


def test_security_council_shapley_shubik():
    # Shapley & Shubik (1954), APSR 48(3):787-792, the council after 1965: 9 votes incl.
    # all 5 permanent. An elected member is pivotal when the 8 before it are the 5
    # permanent and 3 of the other 9 elected: C(9,3) 8! 6! / 15!.
    players, passes = security_council()
    elected = math.comb(9, 3) * math.factorial(8) * math.factorial(6) / math.factorial(15)
    permanent = (1 - 10 * elected) / 5
    assert elected == pytest.approx(0.001865, abs=1e-6)
    assert permanent == pytest.approx(0.1963, abs=1e-4)
    result = shapley(game_from_function(players, passes), players=players)
    assert result.attrs["method"] == "exact"
    np.testing.assert_allclose(result.to_numpy(), [permanent] * 5 + [elected] * 10, atol=1e-12)
    from_callable = shapley(passes, players=players)
    np.testing.assert_allclose(from_callable.to_numpy(), result.to_numpy(), atol=1e-15)


def weighted_voting(weights, quota):
    return game_from_function(list(weights), lambda s: float(sum(weights[p] for p in s) >= quota))


def test_sampled_shapley_within_four_standard_errors():
    weights = dict(zip("abcdefgh", [1, 2, 2, 3, 4, 5, 6, 7], strict=True))
    game = {s: v + 0.5 * len(s) for s, v in weighted_voting(weights, 16).items()}
    exact = shapley(game)
    table = shapley_sampled(game, 4000, seed=7)
    assert list(table.columns) == ["value", "stderr"]
    assert list(table.index) == list("abcdefgh")
    assert (table["stderr"] > 0).all()
    assert np.all(np.abs(table["value"] - exact) <= 4 * table["stderr"])
    assert table["value"].sum() == pytest.approx(game[frozenset("abcdefgh")])
    pd.testing.assert_frame_equal(table, shapley_sampled(game, 4000, seed=7))
    assert not table.equals(shapley_sampled(game, 4000, seed=8))


def test_shapley_beyond_exact_limit_is_sampled():
    # 25 airport players: Littlechild-Owen gives the exact value to compare with.
    rng = np.random.default_rng(5)
    costs = {f"a{i:02d}": float(rng.integers(1, 9) * 10) for i in range(EXACT_LIMIT + 5)}
    players = list(costs)

    def cost(s):
        return max(costs[p] for p in s)

    result = shapley(cost, kind="cost", players=players, samples=3000, seed=1)
    assert result.attrs["method"] == "sampled"
    stderr = pd.Series(result.attrs["stderr"])
    assert list(stderr.index) == players
    assert np.all(np.abs(result.to_numpy() - littlechild_owen(costs)) <= 4 * stderr + 1e-12)
    assert result.sum() == pytest.approx(max(costs.values()))
    again = shapley(cost, kind="cost", players=players, samples=3000, seed=1)
    pd.testing.assert_series_equal(result, again)
    # the same orders as shapley_sampled on the same seed
    table = shapley_sampled(cost, 3000, seed=1, kind="cost", players=players)
    np.testing.assert_array_equal(table["value"].to_numpy(), result.to_numpy())


# --------------------------------------------------------------------------- 7. SCRB


def cost_game(values):
    return {frozenset(k): v for k, v in values.items()}


def test_scrb_worked_example():
    # c(A)=120, c(B)=100, c(C)=80, c(AB)=180, c(AC)=170, c(BC)=150, c(ABC)=220.
    # SC_A = 220-150 = 70, SC_B = 220-170 = 50, SC_C = 220-180 = 40; sum SC = 160.
    # RB = 120-70 = 50, 100-50 = 50, 80-40 = 40; sum RB = 140; NSC = 220-160 = 60.
    # x = 70 + 60*50/140, 50 + 60*50/140, 40 + 60*40/140 = 91.4286, 71.4286, 57.1429.
    game = cost_game({"A": 120, "B": 100, "C": 80, "AB": 180, "AC": 170, "BC": 150, "ABC": 220})
    result = scrb(game)
    np.testing.assert_allclose(
        result.to_numpy(), [70 + 60 * 50 / 140, 50 + 60 * 50 / 140, 40 + 60 * 40 / 140]
    )
    assert result.sum() == pytest.approx(220)
    assert result.name == "scrb"


def test_scrb_remaining_benefit_clipped_at_zero():
    # c(A)=50, c(B)=60, c(C)=70, c(AB)=100, c(AC)=110, c(BC)=90, c(ABC)=160.
    # SC = 160-90 = 70, 160-110 = 50, 160-100 = 60; sum 180; NSC = -20.
    # RB_A = max(0, 50-70) = 0, RB_B = 60-50 = 10, RB_C = 70-60 = 10.
    # x = 70, 50 - 10, 60 - 10 = 70, 40, 50.
    game = cost_game({"A": 50, "B": 60, "C": 70, "AB": 100, "AC": 110, "BC": 90, "ABC": 160})
    np.testing.assert_allclose(scrb(game).to_numpy(), [70, 40, 50])


def test_scrb_no_remaining_benefit_splits_equally():
    # c(1)=10, c(2)=20, c(12)=40: SC = 40-20 = 20, 40-10 = 30, NSC = 40-50 = -10,
    # RB = max(0, 10-20) = 0 and max(0, 20-30) = 0: NSC split equally, x = 15, 25.
    game = cost_game({"1": 10, "2": 20, "12": 40})
    np.testing.assert_allclose(scrb(game).to_numpy(), [15, 25])


# --------------------------------------------------------------------------- 8. duality


def random_cost_game(rng, players):
    """Subadditive-ish: c(S) = sum of stand-alone costs times a factor in [0.6, 1]."""
    alone = {p: float(rng.integers(10, 100)) for p in players}
    game = {}
    for s in coalitions(players):
        factor = 1.0 if len(s) == 1 else rng.uniform(0.6, 1.0)
        game[s] = round(sum(alone[p] for p in s) * factor, 2)
    return game


@pytest.mark.parametrize("seed", range(5))
def test_cost_savings_duality(seed):
    rng = np.random.default_rng(200 + seed)
    players = ["w", "x", "y", "z"][: int(rng.integers(3, 5))]
    cost = random_cost_game(rng, players)
    savings = as_savings(cost, players)
    alone = np.array([cost[frozenset([p])] for p in players])
    for concept in (nucleolus, shapley, scrb):
        np.testing.assert_allclose(
            concept(cost, kind="cost").to_numpy(),
            alone - concept(savings, kind="savings").to_numpy(),
            atol=ABS,
            err_msg=concept.__name__,
        )
    eps_c, point_c = least_core(cost, kind="cost")
    eps_v, point_v = least_core(savings)
    assert eps_c == pytest.approx(eps_v, abs=ABS)
    np.testing.assert_allclose(point_c.to_numpy(), alone - point_v.to_numpy(), atol=ABS)
    assert core_is_empty(cost, kind="cost") == core_is_empty(savings)
    for x in (nucleolus(cost, kind="cost"), shapley(cost, kind="cost"), scrb(cost)):
        assert in_core(cost, x, kind="cost") == in_core(savings, alone - x)
    # the least-core point meets x(S) <= c(S) + eps for S != N, and x(N) = c(N)
    grand = frozenset(players)
    sums = {s: sum(point_c[p] for p in s) for s in cost}
    assert sums[grand] == pytest.approx(cost[grand])
    assert all(sums[s] <= cost[s] + eps_c + ABS for s in cost if s != grand)


# --------------------------------------------------------------------------- 9. second nucleolus


@pytest.mark.parametrize("seed", range(12))
def test_nucleolus_matches_second_implementation(seed):
    rng = np.random.default_rng(seed)
    players = ["a", "b", "c", "d", "e"][: int(rng.integers(3, 6))]
    game = random_game(rng, players, "superadditive" if seed % 2 else "any")
    x = nucleolus(game)
    np.testing.assert_allclose(x.to_numpy(), maschler_nucleolus(game, players), atol=ABS)
    eps, point = least_core(game)
    np.testing.assert_allclose(
        point.to_numpy(), maschler_nucleolus(game, players, individual=False), atol=ABS
    )
    assert least_core_ok(game, players, point.to_numpy(), eps)
    if not core_is_empty(game):
        assert eps <= ABS
        assert in_core(game, x)
    if seed % 2:  # superadditive: nucleolus = prenucleolus, in the least core
        assert least_core_ok(game, players, x.to_numpy(), eps)
    # lexicographic optimality against random imputations
    base = np.array([game[frozenset([p])] for p in players])
    surplus = game[frozenset(players)] - base.sum()
    best = excesses(game, players, x.to_numpy())
    for weights in rng.dirichlet(np.ones(len(players)), size=200):
        other = excesses(game, players, base + surplus * weights)
        assert [round(e, 6) for e in other] <= [round(e, 6) for e in best]


def test_nucleolus_twelve_players_symmetric_convex():
    # v(S) = |S|^2 is convex and symmetric: the nucleolus is v(N)/n each, in the core.
    players = [f"p{i:02d}" for i in range(12)]
    game = game_from_function(players, lambda s: float(len(s) ** 2))
    x = nucleolus(game)
    np.testing.assert_allclose(x.to_numpy(), [12.0] * 12, atol=ABS)
    assert in_core(game, x)


def test_nucleolus_at_lp_limit():
    # LP_LIMIT players, convex game v(S) = w(S)^1.3 (a convex function of an additive one):
    # the core is not empty, so the nucleolus is in it and the least-core eps is <= 0.
    rng = np.random.default_rng(16)
    names = [f"p{i:02d}" for i in range(LP_LIMIT)]
    weights = dict(zip(names, rng.uniform(1, 10, LP_LIMIT), strict=True))
    game = game_from_function(list(weights), lambda s: sum(weights[p] for p in s) ** 1.3)
    x = nucleolus(game)
    assert x.sum() == pytest.approx(game[frozenset(weights)])
    assert in_core(game, x)
    assert not core_is_empty(game)


# --------------------------------------------------------------------------- 10. properties


def named(n):
    return [chr(ord("a") + i) for i in range(n)]


@st.composite
def games(draw, min_players=2, max_players=4, imputations=False):
    n = draw(st.integers(min_players, max_players))
    players = named(n)
    values = draw(st.lists(st.integers(-20, 20), min_size=2**n - 1, max_size=2**n - 1))
    game = dict(zip(coalitions(players), map(float, values), strict=True))
    if imputations:
        grand = frozenset(players)
        singles = sum(game[frozenset([p])] for p in players)
        game[grand] = max(game[grand], singles + draw(st.integers(0, 10)))
    return players, game


@PROPS
@given(games(imputations=True), st.sampled_from(KINDS))
def test_efficiency(drawn, kind):
    players, game = drawn
    grand = frozenset(players)
    if kind == "cost":  # c(N) <= sum c({i}) for the nucleolus's imputations
        game = {s: -v for s, v in game.items()}
    for result in (shapley(game, kind), scrb(game, kind), nucleolus(game, kind)):
        assert result.sum() == pytest.approx(game[grand], abs=1e-6)
    key = {p: float(i + 1) for i, p in enumerate(players)}
    assert proportional(game, key, kind).sum() == pytest.approx(game[grand])


@st.composite
def symmetric_games(draw):
    """Players a and b symmetric: v(S) depends on |S & {a, b}| and the rest of S."""
    n = draw(st.integers(3, 4))
    players = named(n)
    rest = players[2:]
    table = {}
    for k in range(3):
        for size in range(len(rest) + 1):
            for r in itertools.combinations(rest, size):
                if k or r:
                    table[k, frozenset(r)] = float(draw(st.integers(-20, 20)))
    game = {s: table[len(s & {"a", "b"}), s - {"a", "b"}] for s in coalitions(players)}
    grand = frozenset(players)
    game[grand] = max(game[grand], sum(game[frozenset([p])] for p in players))
    return players, game


@PROPS
@given(symmetric_games())
def test_symmetry(drawn):
    _, game = drawn
    for result in (shapley(game), nucleolus(game)):
        assert result["a"] == pytest.approx(result["b"], abs=1e-6)


@PROPS
@given(games(max_players=3), st.integers(-10, 10))
def test_dummy_player_gets_its_value(drawn, alone):
    _, base = drawn
    # z adds exactly v({z}) = alone to every coalition
    game = base | {s | {"z"}: v + alone for s, v in base.items()}
    game[frozenset(["z"])] = float(alone)
    result = shapley(game)
    assert result["z"] == pytest.approx(alone, abs=1e-9)


@PROPS
@given(games(imputations=True), st.randoms(use_true_random=False))
def test_relabelling_permutes_the_result(drawn, random):
    players, game = drawn
    names = [f"T{i}" for i in range(len(players))]
    random.shuffle(names)
    rename = dict(zip(players, names, strict=True))
    relabelled = {frozenset(rename[p] for p in s): v for s, v in game.items()}
    for concept in (shapley, nucleolus, scrb):
        original = concept(game)
        moved = concept(relabelled, players=names)
        assert list(moved.index) == names
        np.testing.assert_allclose(
            moved.to_numpy(), original[players].to_numpy(), atol=1e-6, err_msg=str(concept)
        )


# --------------------------------------------------------------------------- 11. bad input

GOOD = {s: float(len(s)) for s in coalitions(["a", "b"])}


def missing_three():
    game = {s: 1.0 for s in coalitions(["Selm", "Werne", "Unna"]) if len(s) != 2}
    return nucleolus(game)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (missing_three, r"3 Koalitionen fehlen, z\. B\. \{Selm, Unna\}; erwartet"),
        (lambda: shapley({frozenset("a"): 1.0, frozenset("b"): 1.0}), "1 Koalition fehlt"),
        (lambda: shapley(GOOD | {frozenset("a"): math.nan}), "nan; erwartet: eine endliche"),
        (lambda: shapley(GOOD | {frozenset("a"): math.inf}), "inf; erwartet: eine endliche"),
        (lambda: shapley(GOOD | {frozenset("a"): "3"}), "keine Zahl"),
        (lambda: shapley(GOOD | {frozenset("a"): True}), "keine Zahl"),
        (lambda: shapley(GOOD | {frozenset("a"): None}), "keine Zahl"),
        (lambda: shapley(GOOD | {("a", "c"): 1.0}, players=["a", "b"]), "unbekannte Spieler c"),
        (lambda: shapley(GOOD | {frozenset(): 1.0}), "leere Koalition"),
        (lambda: shapley(GOOD, kind="gain"), "unbekannte Art 'gain'"),
        (lambda: shapley({"ab": 1.0}), "Zeichenkette"),
        (lambda: shapley({1: 1.0}), "keine Menge"),
        (lambda: shapley(GOOD | {("b", "a"): 2.0}), "doppelt"),
        (lambda: shapley([1, 2, 3]), "kein Spiel"),
        (lambda: shapley(lambda s: 1.0), "players"),
        (lambda: shapley(GOOD, players=["a", "b", "a"]), "doppelt"),
        (lambda: shapley(GOOD, players="ab"), "keine Folge"),
        (lambda: shapley({}), "keine Spieler"),
        (lambda: shapley(lambda s: "x", players=["a"]), "keine Zahl"),
        (
            lambda: nucleolus(lambda s: 1.0, players=range(LP_LIMIT + 1)),
            f"17 Spieler sind zu viele für den Nukleolus; erwartet: höchstens {LP_LIMIT}",
        ),
        (lambda: least_core(lambda s: 1.0, players=range(LP_LIMIT + 1)), "höchstens 16"),
        (lambda: core_is_empty(lambda s: 1.0, players=range(LP_LIMIT + 1)), "höchstens 16"),
        (lambda: in_core(lambda s: 1.0, {}, players=range(EXACT_LIMIT + 1)), "höchstens 20"),
        (lambda: in_core(GOOD, {"a": 1.0}), "1 Spieler fehlt: b"),
        (lambda: in_core(GOOD, {"a": 1.0, "b": 1.0, "c": 0.0}), "unbekannte Spieler c"),
        (lambda: in_core(GOOD, {"a": 1.0, "b": math.nan}), "endliche Zahl"),
        (lambda: in_core(GOOD, [1.0, 1.0]), "keine Zuordnung"),
        (lambda: proportional(GOOD, {"a": 1.0}), "Kostenschlüssel: 1 Spieler fehlt"),
        (lambda: proportional(GOOD, {"a": 1.0, "b": -1.0}), "negativer Wert für b"),
        (lambda: proportional(GOOD, {"a": 1.0, "b": math.nan}), "endliche Zahl"),
        (lambda: proportional(GOOD, {"a": 0, "b": 0}), "Summe ist 0"),
        (lambda: proportional(GOOD, {"a": 1, "b": 1, "x": 1}), "unbekannte Spieler x"),
        (
            lambda: nucleolus(GOOD | {frozenset("ab"): 1.0}),
            r"keine Imputation: v\(N\) ist um 1 kleiner",
        ),
        (
            lambda: nucleolus({s: -v for s, v in GOOD.items()} | {frozenset("ab"): -1.0}, "cost"),
            r"keine Imputation: c\(N\) ist um 1 größer",
        ),
        (lambda: shapley_sampled(GOOD, 1), "samples: 1; erwartet: eine ganze Zahl"),
        (lambda: shapley_sampled(GOOD, 10, seed=-1), "seed"),
    ],
)
def test_bad_input(call, match):
    with pytest.raises(InputError, match=match):
        call()


def test_error_names_where_and_problem():
    with pytest.raises(InputError) as info:
        missing_three()
    assert info.value.where == "Spiel"
    assert info.value.problem.startswith("3 Koalitionen fehlen")


def test_errors_in_english_on_request():
    # the same three coalitions are missing: {Selm, Unna} is the first pair by size
    with use_lang("en"), pytest.raises(InputError) as info:
        missing_three()
    assert info.value.where == "game"
    assert info.value.problem == (
        "3 coalitions are missing, e.g. {Selm, Unna}; expected: a value for every non-empty "
        "subset of the players"
    )
    # v(N) = 1 < v(a) + v(b) = 2: one short; the literal braces of Σ v({i}) survive
    with use_lang("en"), pytest.raises(InputError) as info:
        nucleolus(GOOD | {frozenset("ab"): 1.0})
    assert info.value.problem.startswith(
        "no imputation: v(N) falls short of the sum of the single values Σ v({i}) by 1;"
    )
    with use_lang("en"), pytest.raises(InputError, match="cost key: 1 player is missing: b"):
        proportional(GOOD, {"a": 1.0})


def test_single_imputation_needs_no_lp():
    # a tiny imputation set is handled without LPs: the only imputation is returned
    game = {frozenset("a"): 1.0, frozenset("b"): 2.0, frozenset("ab"): 3.0 + 1e-9}
    np.testing.assert_allclose(nucleolus(game).to_numpy(), [1.0, 2.0], atol=1e-8)


# --------------------------------------------------------------------------- 12. determinism


def test_same_call_same_result_and_players_order():
    rng = np.random.default_rng(3)
    players = ["Werne", "Selm", "Unna", "Bönen"]
    game = random_game(rng, players)
    for concept in (shapley, nucleolus, scrb):
        first, second = concept(game), concept(game)
        pd.testing.assert_series_equal(first, second)
        assert first.to_numpy().tobytes() == second.to_numpy().tobytes()
        assert list(first.index) == sorted(players)
        ordered = concept(game, players=players)
        assert list(ordered.index) == players
        np.testing.assert_allclose(ordered.to_numpy(), first[players].to_numpy(), atol=1e-9)
        assert ordered.dtype == float
    assert least_core(game, players=players)[1].index.tolist() == players


SCRIPT = """
import numpy as np
from potential.sharing import games
players = {"Werne", "Selm", "Unna", "Bönen", "Kamen"}
rng = np.random.default_rng(0)
game = {}
for s in sorted(games.coalitions(sorted(players)), key=sorted):
    game[frozenset(set(s))] = float(rng.integers(0, 9)) + len(s) ** 3
for s in list(set(game)):  # insertion order now follows the hash seed
    game[s] = game.pop(s)
x = games.nucleolus(game)
print(x.to_numpy().tobytes().hex(), list(x.index))
print(games.shapley(game).to_numpy().tobytes().hex())
print(games.least_core(game)[1].to_numpy().tobytes().hex())
print(games.core_violations(game, games.shapley(game)).to_json())
"""


def test_results_do_not_depend_on_hash_seed():
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env=env,
            cwd=Path(__file__).parents[1],  # the source tree, not an installed copy
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1


# --------------------------------------------------------------------------- building blocks


def test_coalitions_and_game_from_function():
    assert coalitions(["b", "a"]) == [frozenset("b"), frozenset("a"), frozenset("ab")]
    assert coalitions({"b", "a"})[0] == frozenset("a")
    assert len(coalitions(range(6))) == 63
    game = game_from_function(["a", "b"], len)
    assert game == {frozenset("a"): 1.0, frozenset("b"): 1.0, frozenset("ab"): 2.0}
    with pytest.raises(InputError, match="keine Zahl"):
        game_from_function(["a"], lambda s: "1")


def test_keys_may_be_sets_tuples_lists_and_empty_zero():
    game = {("a",): 1, frozenset("b"): 2, ("a", "b"): 5, (): 0}
    game_list = {frozenset(["a"]): 1, frozenset(["b"]): 2, frozenset(["a", "b"]): 5}
    np.testing.assert_allclose(shapley(game).to_numpy(), shapley(game_list).to_numpy())
    np.testing.assert_allclose(shapley(game).to_numpy(), [2, 3])


def test_core_violations_order_and_columns():
    # 4-player game: triples worth 1, {c, d} worth 0.75, else 0; x = (1/2, 1/4, 1/8, 1/8)
    # (binary fractions, so ties are exact). Shortfalls by hand: cd 0.75 - 0.25 = 0.5,
    # bcd 1 - 0.5 = 0.5, acd 1 - 0.75 = 0.25, abc 1 - 0.875 = 0.125, abd 0.125.
    players = ["a", "b", "c", "d"]
    game = {s: float(len(s) == 3) for s in coalitions(players)}
    game[frozenset("abcd")] = 1.0
    game[frozenset("cd")] = 0.75
    x = pd.Series([0.5, 0.25, 0.125, 0.125], index=players)
    frame = core_violations(game, x)
    assert list(frame.columns) == ["coalition", "size", "value", "allocated", "shortfall"]
    assert frame["coalition"].tolist() == [
        ("c", "d"),
        ("b", "c", "d"),
        ("a", "c", "d"),
        ("a", "b", "c"),
        ("a", "b", "d"),
    ]
    np.testing.assert_array_equal(frame["shortfall"], [0.5, 0.5, 0.25, 0.125, 0.125])
    np.testing.assert_array_equal(frame["value"], [0.75, 1, 1, 1, 1])
    np.testing.assert_array_equal(frame["allocated"], [0.25, 0.5, 0.75, 0.875, 0.875])
    assert frame["size"].tolist() == [2, 3, 3, 3, 3]
    # x = (1, 0, 0, 0): bcd 1 - 0 = 1, cd 0.75 - 0 = 0.75; the other triples hold a.
    second = core_violations(game, {"a": 1.0, "b": 0.0, "c": 0.0, "d": 0.0})
    assert second["coalition"].tolist() == [("b", "c", "d"), ("c", "d")]
    empty = core_violations(glove(), {"L": 1.0, "R1": 0.0, "R2": 0.0})
    assert empty.empty
    assert list(empty.columns) == ["coalition", "size", "value", "allocated", "shortfall"]


def test_in_core_tolerance_and_cost_direction():
    game = glove()
    scale = TOLERANCE * 0.5
    assert in_core(game, {"L": 1 - scale, "R1": scale, "R2": 0.0})
    assert not in_core(game, {"L": 1.0, "R1": 0.0, "R2": 0.0 + 1e-3})  # not efficient
    cost = cost_game({"1": 10, "2": 20, "12": 25})
    assert in_core(cost, {"1": 5, "2": 20}, kind="cost")
    assert not in_core(cost, {"1": 11, "2": 14}, kind="cost")
    frame = core_violations(cost, {"1": 11, "2": 14}, kind="cost")
    assert frame["coalition"].tolist() == [("1",)]
    assert frame["shortfall"].tolist() == pytest.approx([1.0])


def test_proportional():
    game = cost_game({"A": 120, "B": 100, "C": 80, "AB": 180, "AC": 170, "BC": 150, "ABC": 220})
    result = proportional(game, pd.Series({"C": 1, "A": 2, "B": 1}), kind="cost")
    np.testing.assert_allclose(result.to_numpy(), [110, 55, 55])
    assert result.name == "proportional"
