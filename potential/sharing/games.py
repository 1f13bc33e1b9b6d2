r"""Cooperative games with transferable utility: who gets what of a joint gain or cost.

A *game* on a finite set of players :math:`N` (:math:`n = |N|`) gives every coalition
:math:`S \subseteq N` a number. ``kind`` says what the number means:

``"savings"``
    :math:`v(S)`, what the members of :math:`S` gain together (the worth). An allocation
    :math:`x` gives each player a share of :math:`v(N)`; :math:`x(S) = \sum_{i \in S} x_i`.
``"cost"``
    :math:`c(S)`, what the members of :math:`S` pay together. An allocation gives each
    player its cost share of :math:`c(N)`, i.e. what it pays.

A game is given as a mapping coalition → value. A coalition is a ``frozenset`` (a ``set``,
``tuple`` or ``list`` is accepted too) of player ids; a ``str`` is refused, since ``"ab"``
would silently be the two players ``"a"`` and ``"b"``. Every non-empty subset of the players
must have a value; the empty coalition may be given and must then be 0. The players are
``players`` in the order given, else ``sorted`` over all players in the keys (never the
iteration order of a ``frozenset``: string hashing changes from process to process, the
results of this module do not). :func:`coalitions` and :func:`game_from_function` build
games; every function also takes a callable ``f(frozenset) -> float`` with ``players``
(it is evaluated on every non-empty subset). Bad input raises
:class:`~potential.errors.InputError` with a German message. Allocations are returned as
:class:`pandas.Series` (float, indexed by player in player order). The functions are pure:
no I/O, no global state; random numbers only from the ``seed`` of the sampled Shapley value.

Concepts
--------
Shapley value (Shapley 1953)
    .. math:: \phi_i(v) = \sum_{S \subseteq N \setminus \{i\}}
              \frac{|S|!\,(n - |S| - 1)!}{n!}\,\big(v(S \cup \{i\}) - v(S)\big)

    Linear in the game, so the Shapley value of a cost game is its cost share. For large
    games it is estimated by the mean marginal contribution over random orders of the
    players (Castro, Gómez & Tejada 2009).
Core
    The efficient allocations, :math:`x(N) = v(N)`, that no coalition can beat on its own:
    :math:`x(S) \ge v(S)` (cost: :math:`x(S) \le c(S)`) for every :math:`S`.
Least core (Maschler, Peleg & Shapley 1979)
    The smallest :math:`\varepsilon` such that some :math:`x` with :math:`x(N) = v(N)` has
    :math:`x(S) \ge v(S) - \varepsilon` (cost: :math:`x(S) \le c(S) + \varepsilon`) for
    every :math:`S \ne N, \emptyset`. :math:`\varepsilon \le 0` iff the core is not empty.
Nucleolus (Schmeidler 1969)
    With the excess :math:`e(S, x) = x(S) - v(S)`, the imputation (:math:`x(N) = v(N)`,
    :math:`x_i \ge v(\{i\})`) whose vector of excesses, sorted ascending, is
    lexicographically largest: the worst-off coalition is as well off as possible, then the
    second worst, and so on. It is unique, lies in the core whenever the core is not empty
    and is computed by a sequence of linear programs (Guajardo & Jörnsten 2015). For a cost
    game, :math:`\mathrm{nucleolus}(c)_i = c(\{i\}) - \mathrm{nucleolus}(v)_i` with the
    savings game :math:`v(S) = \sum_{i \in S} c(\{i\}) - c(S)`: the nucleolus is covariant
    under strategic equivalence, and this is the same as taking the lexicographically
    smallest vector of the cost game's excesses :math:`x(S) - c(S)`, sorted descending.
Separable costs remaining benefits, SCRB (Young, Okada & Hashimoto 1982)
    .. math:: SC_i = c(N) - c(N \setminus \{i\}),\quad RB_i = \max\big(0, c(\{i\}) -
              SC_i\big),\quad x_i = SC_i + \Big(c(N) - \sum_j SC_j\Big)
              \frac{RB_i}{\sum_j RB_j}

Proportional key
    :math:`x_i = k_i / \sum_j k_j \cdot v(N)` (cost: :math:`\cdot\, c(N)`).

Limits
------
A game has :math:`2^n - 1` coalitions. The exact Shapley value, the core test of an
allocation, SCRB and the proportional key handle up to :data:`EXACT_LIMIT` = 20 players
(:math:`2^{20} \approx` 1 million values, a few MB per array); beyond that the Shapley value
is sampled. The nucleolus, the least core and :func:`core_is_empty` solve linear programs
with one row per coalition and handle up to :data:`LP_LIMIT` = 16 players
(:math:`2^{16} = 65\,536` rows per LP, up to :math:`n` LPs for the nucleolus).

References
----------
.. [1] L. S. Shapley (1953), "A value for n-person games", in H. W. Kuhn, A. W. Tucker
   (eds.), Contributions to the Theory of Games II, Princeton University Press, 307–317.
.. [2] D. Schmeidler (1969), "The nucleolus of a characteristic function game", SIAM
   Journal on Applied Mathematics 17(6):1163–1170.
.. [3] M. Maschler, B. Peleg, L. S. Shapley (1979), "Geometric properties of the kernel,
   nucleolus and related solution concepts", Mathematics of Operations Research
   4(4):303–338.
.. [4] H. P. Young, N. Okada, T. Hashimoto (1982), "Cost allocation in water resources
   development", Water Resources Research 18(3):463–475.
.. [5] J. Castro, D. Gómez, J. Tejada (2009), "Polynomial calculation of the Shapley value
   based on sampling", Computers & Operations Research 36(5):1726–1730.
.. [6] M. Guajardo, K. Jörnsten (2015), "Common mistakes in computing the nucleolus",
   European Journal of Operational Research 241(3):931–935.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message
from potential.random import generator

__all__ = [
    "EXACT_LIMIT",
    "KINDS",
    "LP_LIMIT",
    "TOLERANCE",
    "coalitions",
    "core_is_empty",
    "core_violations",
    "game_from_function",
    "in_core",
    "least_core",
    "nucleolus",
    "proportional",
    "scrb",
    "shapley",
    "shapley_sampled",
]

#: What a game's values mean: the joint gain (worth) or the joint cost of a coalition.
KINDS = ("savings", "cost")
#: Most players for the exact Shapley value and the mask-based functions (2^20 values).
EXACT_LIMIT = 20
#: Most players for the LP-based concepts: nucleolus, least core, core_is_empty.
LP_LIMIT = 16
#: Relative tolerance of the core tests: ``TOLERANCE * max(1, max_S |v(S)|)``.
TOLERANCE = 1e-7

#: A dual value above this (the duals of a stage sum to 1) fixes a coalition.
_DUAL_TOL = 1e-9
#: A 0/1 vector whose residual against a span is below this lies in the span.
_SPAN_TOL = 1e-9

_VIOLATION_COLUMNS = ["coalition", "size", "value", "allocated", "shortfall"]


class _Game(NamedTuple):
    """A validated game: players in order, and the value of every mask (bit i = players[i]).

    ``value`` is None for a game too large for an array (the sampled Shapley value); then
    ``lookup(frozenset) -> float`` gives single values.
    """

    players: tuple
    kind: str
    value: np.ndarray | None
    lookup: Callable[[frozenset], float] | None = None


# --------------------------------------------------------------------------- public API


def coalitions(players: Iterable[Hashable]) -> list[frozenset]:
    """Every non-empty subset of ``players``: by size, then in the order of the players.

    Parameters
    ----------
    players : iterable of hashable
        The players; a ``set`` is sorted first.

    Returns
    -------
    list of frozenset
        :math:`2^n - 1` coalitions.
    """
    order = _player_order(players)
    return [
        frozenset(combo)
        for size in range(1, len(order) + 1)
        for combo in itertools.combinations(order, size)
    ]


def game_from_function(
    players: Iterable[Hashable], function: Callable[[frozenset], float]
) -> dict[frozenset, float]:
    """The game ``{S: function(S)}`` over every non-empty coalition of ``players``.

    Parameters
    ----------
    players : iterable of hashable
        The players.
    function : callable
        ``function(frozenset) -> float``.

    Returns
    -------
    dict of frozenset to float

    Raises
    ------
    InputError
        If ``function`` returns something that is not a finite number.
    """
    return {s: _number(function(s), s) for s in coalitions(players)}


def shapley(
    values,
    kind: str = "savings",
    *,
    players: Sequence[Hashable] | None = None,
    samples: int = 10_000,
    seed: int | np.random.Generator | None = 0,
) -> pd.Series:
    r"""The Shapley value: each player's average marginal contribution over all orders.

    Parameters
    ----------
    values : mapping or callable
        The game: coalition → value, or ``f(frozenset) -> float`` (then ``players`` is
        required).
    kind : {"savings", "cost"}
        For a cost game the result is each player's cost share.
    players : sequence, optional
        The players and their order (default: sorted).
    samples : int
        Random orders drawn when there are more than :data:`EXACT_LIMIT` players.
    seed : int, numpy.random.Generator or None
        Seed of those orders (:func:`potential.random.generator`).

    Returns
    -------
    pandas.Series
        Name ``"shapley"``. ``attrs["method"]`` is ``"exact"`` or ``"sampled"``; when
        sampled, ``attrs["stderr"]`` (a dict player → standard error) holds the standard error
        of each estimate and ``attrs["samples"]`` the number of orders.

    Notes
    -----
    Exact for up to :data:`EXACT_LIMIT` players, vectorised over the coalition masks:

    .. math:: \phi_i = \sum_{S \not\ni i} \frac{1}{n \binom{n-1}{|S|}}
              \big(v(S \cup \{i\}) - v(S)\big)

    Beyond, :func:`shapley_sampled` (which also gives the standard errors as a column).
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="shapley", large=True)
    if game.value is None:
        table = _sampled(game, samples, seed)
        result = table["value"].rename("shapley")
        result.attrs = {
            "method": "sampled",
            "stderr": table["stderr"].to_dict(),
            "samples": samples,
        }
        return result
    result = _series(game.players, _exact_shapley(game.value, len(game.players)), "shapley")
    result.attrs = {"method": "exact"}
    return result


def shapley_sampled(
    values,
    samples: int,
    seed: int | np.random.Generator | None = 0,
    kind: str = "savings",
    players: Sequence[Hashable] | None = None,
) -> pd.DataFrame:
    """The Shapley value estimated from random orders of the players (Castro et al. 2009).

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`); any number of players.
    samples : int
        Number of random orders, at least 2.
    seed : int, numpy.random.Generator or None
        Seed (:func:`potential.random.generator`); the same seed gives the same result.
    kind : {"savings", "cost"}
        What the values mean.
    players : sequence, optional
        The players and their order.

    Returns
    -------
    pandas.DataFrame
        Indexed by player; columns ``value`` (the estimate) and ``stderr`` (its standard
        error, the standard deviation of the marginal contributions / sqrt(samples)).

    Notes
    -----
    Each order :math:`\\pi` (uniform, ``Generator.permuted``) gives every player its
    marginal contribution :math:`v(P_i^\\pi \\cup \\{i\\}) - v(P_i^\\pi)` to the players before
    it; the estimate is the mean over the orders. Since all players share the orders, the
    estimates add up to :math:`v(N)` exactly (up to rounding). A callable is evaluated at
    most once per coalition.
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="shapley", large=True)
    return _sampled(game, samples, seed)


def nucleolus(
    values, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> pd.Series:
    """The nucleolus (Schmeidler 1969) over the imputations.

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`LP_LIMIT` players.
    kind : {"savings", "cost"}
        For a cost game the result is each player's cost share, computed from the
        strategically equivalent savings game (module docstring).
    players : sequence, optional
        The players and their order.

    Returns
    -------
    pandas.Series
        Name ``"nucleolus"``.

    Raises
    ------
    InputError
        If there is no imputation: :math:`v(N) < \\sum_i v(\\{i\\})` (cost:
        :math:`c(N) > \\sum_i c(\\{i\\})`), beyond the tolerance.

    Notes
    -----
    Stage :math:`k` solves (``scipy.optimize.linprog``, HiGHS)

    .. math:: \\max \\varepsilon \\ \\text{s.t.}\\ x(S) - v(S) \\ge \\varepsilon \\ (S
              \\text{ free}),\\ x(S) - v(S) = \\varepsilon_j \\ (S \\text{ fixed at stage }
              j),\\ x(N) = v(N),\\ x_i \\ge v(\\{i\\})

    and fixes the free coalitions with a positive dual value (they have excess
    :math:`\\varepsilon_k` at every optimum), then every free coalition whose incidence
    vector lies in the span of the fixed ones and :math:`N` (its excess is determined).
    It does *not* fix every constraint that happens to be tight at the solution found
    (the mistake described by Guajardo & Jörnsten 2015). It stops when the fixed vectors
    and :math:`N` span :math:`\\mathbb{R}^n` and solves that linear system for :math:`x`.
    The values are scaled by :math:`\\max |v|` for the LPs. If :math:`v(N)` equals
    :math:`\\sum_i v(\\{i\\})` within the tolerance, the only imputation is returned.
    """
    game = _game(values, kind, players, limit=LP_LIMIT, purpose="nucleolus")
    v, singles = _savings(game)
    n = len(game.players)
    tol = _tolerance(game.value)
    gap = v[-1] - v[_singletons(n)].sum()
    if gap < -tol:
        raise InputError(_no_imputation(game, gap), where=message("sharing.where.game"))
    if gap <= tol or n == 1:
        y = v[_singletons(n)] + gap / n
    else:
        y, _ = _sequential_lp(v, n, individual=True)
    return _series(game.players, _from_savings(game, y, singles), "nucleolus")


def least_core(
    values, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> tuple[float, pd.Series]:
    """The least core: its :math:`\\varepsilon` and one allocation in it.

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`LP_LIMIT` players.
    kind : {"savings", "cost"}
        For a cost game the condition is :math:`x(S) \\le c(S) + \\varepsilon`.
    players : sequence, optional
        The players and their order.

    Returns
    -------
    epsilon : float
        The smallest :math:`\\varepsilon` such that some :math:`x` with :math:`x(N) = v(N)`
        has :math:`x(S) \\ge v(S) - \\varepsilon` for every :math:`S \\ne N`;
        :math:`\\varepsilon \\le 0` iff the core is not empty. With one player there is no
        such :math:`S`; reported as 0.0.
    allocation : pandas.Series
        Name ``"least_core"``: the *prenucleolus* (the nucleolus over all efficient
        allocations, not only the imputations), so the point is unique and deterministic.
        It lies in the least core by construction, and it equals :func:`nucleolus`
        whenever the core is not empty or the game is superadditive (0-monotonic).

    Notes
    -----
    The nucleolus over the imputations is not always in the least core: with
    :math:`v(\\{1\\}) = v(\\{2, 3\\}) = v(N) = 1` and 0 else the only imputation is
    :math:`(1, 0, 0)` (excess of :math:`\\{2, 3\\}` is :math:`-1`), while the least core
    has :math:`\\varepsilon = 1/2` at :math:`(1/2, 1/4, 1/4)`. Hence the prenucleolus.
    """
    game = _game(values, kind, players, limit=LP_LIMIT, purpose="least_core")
    v, singles = _savings(game)
    n = len(game.players)
    if n == 1:
        return 0.0, _series(game.players, np.array([game.value[-1]]), "least_core")
    y, best = _sequential_lp(v, n, individual=False)
    return float(-best), _series(game.players, _from_savings(game, y, singles), "least_core")


def core_is_empty(
    values, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> bool:
    """Whether the core is empty: the least-core :math:`\\varepsilon` exceeds the tolerance.

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`LP_LIMIT` players.
    kind : {"savings", "cost"}
        What the values mean.
    players : sequence, optional
        The players.

    Returns
    -------
    bool
        ``epsilon > TOLERANCE * max(1, max_S |v(S)|)``.
    """
    game = _game(values, kind, players, limit=LP_LIMIT, purpose="core_test")
    if len(game.players) == 1:
        return False
    v, _ = _savings(game)
    _, best = _sequential_lp(v, len(game.players), individual=False, stages=1)
    return bool(-best > _tolerance(game.value))


def in_core(
    values, allocation, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> bool:
    """Whether ``allocation`` is in the core (within the tolerance).

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`EXACT_LIMIT` players.
    allocation : pandas.Series or mapping
        Player → share (cost: what the player pays); every player, no others.
    kind : {"savings", "cost"}
        What the values mean.
    players : sequence, optional
        The players.

    Returns
    -------
    bool
        :math:`|x(N) - v(N)| \\le tol` and, for every coalition, :math:`x(S) \\ge v(S) - tol`
        (cost: :math:`x(S) \\le c(S) + tol`), with ``tol = TOLERANCE * max(1, max |v|)``.
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="core_test")
    x = _per_player(allocation, game.players, "Aufteilung")
    tol = _tolerance(game.value)
    sums = _subset_sums(x)
    if abs(sums[-1] - game.value[-1]) > tol:
        return False
    return bool(np.all(_shortfall(game, sums)[1:-1] <= tol))


def core_violations(
    values, allocation, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> pd.DataFrame:
    """The coalitions that would rather go alone under ``allocation``.

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`EXACT_LIMIT` players.
    allocation : pandas.Series or mapping
        Player → share (cost: what the player pays).
    kind : {"savings", "cost"}
        What the values mean.
    players : sequence, optional
        The players.

    Returns
    -------
    pandas.DataFrame
        One row per coalition :math:`S \\ne N` with a shortfall above the tolerance:
        ``coalition`` (tuple of players in player order), ``size``, ``value`` (:math:`v(S)`
        or :math:`c(S)`), ``allocated`` (:math:`x(S)`) and ``shortfall`` (what :math:`S`
        loses by staying: :math:`v(S) - x(S)`, cost: :math:`x(S) - c(S)`); sorted by
        shortfall (descending), size, then coalition. Empty (same columns) if there are
        none. Efficiency (:math:`x(N) = v(N)`) is not checked here; see :func:`in_core`.
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="core_test")
    x = _per_player(allocation, game.players, "Aufteilung")
    sums = _subset_sums(x)
    short = _shortfall(game, sums)
    short[0] = short[-1] = -np.inf
    masks = np.flatnonzero(short > _tolerance(game.value))
    n = len(game.players)
    rows = []
    for mask in masks.tolist():
        members = tuple(i for i in range(n) if mask >> i & 1)
        rows.append((-short[mask], len(members), members, mask))
    rows.sort()
    frame = pd.DataFrame(
        {
            "coalition": [tuple(game.players[i] for i in r[2]) for r in rows],
            "size": np.array([r[1] for r in rows], dtype=int),
            "value": np.array([game.value[r[3]] for r in rows], dtype=float),
            "allocated": np.array([sums[r[3]] for r in rows], dtype=float),
            "shortfall": np.array([-r[0] for r in rows], dtype=float),
        },
        columns=_VIOLATION_COLUMNS,
    )
    return frame


def scrb(values, kind: str = "cost", *, players: Sequence[Hashable] | None = None) -> pd.Series:
    """Separable costs remaining benefits (Young, Okada & Hashimoto 1982).

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`EXACT_LIMIT` players.
    kind : {"cost", "savings"}
        Default ``"cost"``: the method is defined for cost games.
    players : sequence, optional
        The players.

    Returns
    -------
    pandas.Series
        Name ``"scrb"``; cost shares (cost game) or shares of :math:`v(N)` (savings game).

    Notes
    -----
    Separable cost :math:`SC_i = c(N) - c(N \\setminus \\{i\\})`, remaining benefit
    :math:`RB_i = \\max(0, c(\\{i\\}) - SC_i)` (the max keeps a player whose separable
    cost exceeds its stand-alone cost from taking a negative weight), non-separable cost
    :math:`NSC = c(N) - \\sum_j SC_j` and :math:`x_i = SC_i + NSC\\, RB_i / \\sum_j RB_j`.
    If :math:`\\sum_j RB_j = 0`, NSC is split equally. A savings game is treated as the cost
    game :math:`c = -v` and the result negated back; SCRB is covariant under adding a
    constant per player (:math:`SC` shifts by it, :math:`RB` and :math:`NSC` do not), so
    this equals :math:`c(\\{i\\}) - \\mathrm{SCRB}(c)_i` for any cost game :math:`c` with
    :math:`v(S) = \\sum_{i \\in S} c(\\{i\\}) - c(S)`.
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="scrb")
    c = game.value if game.kind == "cost" else -game.value
    n = len(game.players)
    full = (1 << n) - 1
    separable = c[full] - c[full ^ (1 << np.arange(n))]
    remaining = np.maximum(0.0, c[_singletons(n)] - separable)
    nonseparable = c[full] - separable.sum()
    total = remaining.sum()
    weights = remaining / total if total > 0 else np.full(n, 1.0 / n)
    x = separable + nonseparable * weights
    return _series(game.players, x if game.kind == "cost" else -x, "scrb")


def proportional(
    values, key, kind: str = "savings", *, players: Sequence[Hashable] | None = None
) -> pd.Series:
    """Shares of the grand coalition's value in proportion to a key.

    Parameters
    ----------
    values : mapping or callable
        The game (see :func:`shapley`), at most :data:`EXACT_LIMIT` players.
    key : pandas.Series or mapping
        Player → non-negative finite number (inhabitants, cases, ...); every player, no
        others, not all 0.
    kind : {"savings", "cost"}
        Savings: shares of :math:`v(N)`; cost: cost shares of :math:`c(N)`.
    players : sequence, optional
        The players.

    Returns
    -------
    pandas.Series
        Name ``"proportional"``: :math:`x_i = k_i / \\sum_j k_j \\cdot v(N)`.
    """
    game = _game(values, kind, players, limit=EXACT_LIMIT, purpose="key")
    k = _per_player(key, game.players, message("sharing.where.key"))
    negative = [p for p, q in zip(game.players, k, strict=True) if q < 0]
    if negative:
        raise InputError(
            message("sharing.key_negative", players=_names(negative)),
            where=message("sharing.where.key"),
        )
    if k.sum() <= 0:
        raise InputError(message("sharing.key_sum_zero"), where=message("sharing.where.key"))
    return _series(game.players, k / k.sum() * game.value[-1], "proportional")


# --------------------------------------------------------------------------- validation


def _game(
    values,
    kind: str,
    players,
    *,
    limit: int,
    purpose: str,
    large: bool = False,
) -> _Game:
    """Validate a game and return it as an array over masks (the one validation function).

    ``limit`` is the most players ``purpose`` (a key of ``sharing.purpose.*``) handles; with
    ``large=True`` a larger game is returned with ``value=None`` and a checked ``lookup``
    instead (for sampling).
    """
    if kind not in KINDS:
        raise InputError(message("sharing.unknown_kind", kind=kind), where="kind")
    order, source = _source(values, players)
    n = len(order)
    if n > limit and not large:
        raise InputError(
            message(
                "sharing.too_many_players",
                n=n,
                purpose=message(f"sharing.purpose.{purpose}"),
                limit=limit,
                coalitions=2**n - 1,
            ),
            where=message("sharing.where.game"),
        )
    if isinstance(source, dict):
        _check_complete(order, source)
    if n > limit:
        return _Game(order, kind, None, _lookup(source))
    value = np.zeros(1 << n)
    if isinstance(source, dict):
        bit = {p: 1 << i for i, p in enumerate(order)}
        for coalition, raw in source.items():
            value[sum(bit[p] for p in coalition)] = _number(raw, coalition)
    else:
        for size in range(1, n + 1):
            for combo in itertools.combinations(range(n), size):
                coalition = frozenset(order[i] for i in combo)
                value[sum(1 << i for i in combo)] = _number(source(coalition), coalition)
    return _Game(order, kind, value)


def _source(values, players) -> tuple[tuple, dict | Callable]:
    """The player order and the coalitions (normalised keys) or the callable."""
    order = None if players is None else _player_order(players, "players")
    if callable(values) and not isinstance(values, Mapping | pd.Series):
        if order is None:
            raise InputError(message("sharing.players_needed"), where="players")
        if not order:
            raise InputError(message("sharing.no_players"), where=message("sharing.where.game"))
        return order, values
    if not isinstance(values, Mapping | pd.Series):
        raise InputError(
            message("sharing.not_a_game", type=type(values).__name__),
            where=message("sharing.where.game"),
        )
    items: dict[frozenset, object] = {}
    for key, raw in values.items():
        coalition = _coalition(key)
        if coalition in items:
            raise InputError(
                message("sharing.coalition_twice", coalition=_label(coalition)),
                where=message("sharing.where.game"),
            )
        items[coalition] = raw
    if frozenset() in items:
        empty = _number(items.pop(frozenset()), frozenset())
        if empty != 0:
            raise InputError(
                message("sharing.empty_coalition_value", value=empty),
                where=message("sharing.where.game"),
            )
    if order is None:
        known = set().union(*items) if items else set()
        try:
            order = tuple(sorted(known))
        except TypeError as error:
            raise InputError(
                message("sharing.players_unsortable"), where=message("sharing.where.game")
            ) from error
    else:
        allowed = set(order)
        for coalition in items:
            unknown = coalition - allowed
            if unknown:
                raise InputError(
                    message(
                        "sharing.unknown_players_in_coalition",
                        coalition=_label(coalition),
                        unknown=_names(unknown),
                        players=_names(order),
                    ),
                    where=message("sharing.where.game"),
                )
    if not order:
        raise InputError(
            message("sharing.no_nonempty_coalition"), where=message("sharing.where.game")
        )
    return order, items


def _check_complete(order: tuple, items: dict) -> None:
    """Raise if a non-empty coalition has no value: how many, and the first by size."""
    missing = 2 ** len(order) - 1 - len(items)
    if not missing:
        return
    for size in range(1, len(order) + 1):
        for combo in itertools.combinations(order, size):
            coalition = frozenset(combo)
            if coalition not in items:
                key = "sharing.coalition_missing" if missing == 1 else "sharing.coalitions_missing"
                raise InputError(
                    message(key, missing=missing, coalition=_label(coalition)),
                    where=message("sharing.where.game"),
                )


def _lookup(source: dict | Callable) -> Callable[[frozenset], float]:
    """A checked, caching value function for a game too large for an array."""
    cache: dict[frozenset, float] = {frozenset(): 0.0}

    def value(coalition: frozenset) -> float:
        if coalition not in cache:
            raw = source[coalition] if isinstance(source, dict) else source(coalition)
            cache[coalition] = _number(raw, coalition)
        return cache[coalition]

    return value


def _player_order(players, where: str = "players") -> tuple:
    """The players as a tuple: a sequence keeps its order, a set is sorted."""
    if isinstance(players, str | bytes) or not isinstance(players, Iterable):
        raise InputError(message("sharing.not_player_sequence", players=players), where=where)
    if isinstance(players, set | frozenset):
        try:
            players = sorted(players)
        except TypeError as error:
            raise InputError(message("sharing.player_set_unsortable"), where=where) from error
    order = tuple(players)
    try:
        seen = set()
        for p in order:
            if p in seen:
                raise InputError(message("sharing.player_twice", player=p), where=where)
            seen.add(p)
    except TypeError as error:
        raise InputError(message("sharing.player_unhashable"), where=where) from error
    return order


def _coalition(key) -> frozenset:
    """A coalition key as a frozenset; a str (or any non-collection) is refused."""
    if isinstance(key, str | bytes):
        raise InputError(
            message("sharing.coalition_is_text", key=key), where=message("sharing.where.game")
        )
    if not isinstance(key, frozenset | set | tuple | list):
        raise InputError(
            message("sharing.coalition_not_set", key=key), where=message("sharing.where.game")
        )
    try:
        return frozenset(key)
    except TypeError as error:
        raise InputError(
            message("sharing.coalition_unhashable", key=key), where=message("sharing.where.game")
        ) from error


def _number(raw, coalition, where: str | None = None) -> float:
    """A finite float; bools, strings and None are not numbers.

    ``coalition`` is a frozenset (named as its value) or the text naming the number;
    ``where`` defaults to the game.
    """
    if isinstance(coalition, frozenset):
        what = message("sharing.value_of", coalition=_label(coalition))
    else:
        what = coalition
    where = message("sharing.where.game") if where is None else where
    if isinstance(raw, bool | np.bool_) or not isinstance(raw, numbers.Real):
        raise InputError(message("sharing.not_a_number", what=what, raw=raw), where=where)
    number = float(raw)
    if not math.isfinite(number):
        raise InputError(message("sharing.not_finite", what=what, number=number), where=where)
    return number


def _per_player(mapping, players: tuple, where: str) -> np.ndarray:
    """One finite number per player, in player order, from a Series or mapping."""
    if not isinstance(mapping, Mapping | pd.Series):
        raise InputError(
            message("sharing.not_a_mapping", type=type(mapping).__name__), where=where
        )
    keys = list(mapping.keys())
    if len(set(keys)) != len(keys):
        raise InputError(message("sharing.player_repeated"), where=where)
    given, known = set(keys), set(players)
    missing = [p for p in players if p not in given]
    if missing:
        key = "sharing.player_missing" if len(missing) == 1 else "sharing.players_missing"
        raise InputError(message(key, count=len(missing), players=_names(missing)), where=where)
    extra = [k for k in keys if k not in known]
    if extra:
        raise InputError(
            message("sharing.unknown_players", players=_names(extra), known=_names(players)),
            where=where,
        )
    return np.array(
        [
            _number(mapping[p], message("sharing.value_of", coalition=repr(p)), where)
            for p in players
        ]
    )


def _check_samples(samples) -> int:
    if isinstance(samples, bool) or not isinstance(samples, numbers.Integral) or samples < 2:
        raise InputError(message("sharing.samples", samples=samples), where="samples")
    return int(samples)


def _label(coalition) -> str:
    """A coalition for messages: ``{Selm, Werne}`` (players sorted as text)."""
    return "{" + ", ".join(sorted(map(str, coalition))) + "}"


def _names(players) -> str:
    """Players for messages, sorted as text, at most five."""
    names = sorted(map(str, players))
    shown = ", ".join(names[:5])
    return shown + (message("sharing.names_more", count=len(names)) if len(names) > 5 else "")


def _no_imputation(game: _Game, gap: float) -> str:
    key = "sharing.no_imputation_cost" if game.kind == "cost" else "sharing.no_imputation_savings"
    return message(key, gap=f"{-gap:g}")


# --------------------------------------------------------------------------- masks


def _series(players: tuple, x: np.ndarray, name: str) -> pd.Series:
    index = pd.Index(list(players), name="player")
    # + 0.0 turns -0.0 into 0.0
    return pd.Series(np.asarray(x, dtype=float) + 0.0, index=index, name=name, dtype=float)


def _tolerance(value: np.ndarray) -> float:
    return TOLERANCE * max(1.0, float(np.abs(value).max()))


def _singletons(n: int) -> np.ndarray:
    return 1 << np.arange(n)


def _sizes(n: int) -> np.ndarray:
    """Number of players in each mask 0 .. 2^n - 1."""
    size = np.zeros(1 << n, dtype=np.int64)
    for i in range(n):
        size[1 << i : 2 << i] = size[: 1 << i] + 1
    return size


def _subset_sums(x: np.ndarray) -> np.ndarray:
    """x(S) for every mask S (doubling: masks with top bit i are those below plus x_i)."""
    sums = np.zeros(1 << len(x))
    for i, xi in enumerate(x):
        sums[1 << i : 2 << i] = sums[: 1 << i] + xi
    return sums


def _bits(n: int) -> np.ndarray:
    """Incidence vectors of all masks: row m, column i is bit i of m."""
    return ((np.arange(1 << n)[:, None] >> np.arange(n)) & 1).astype(float)


def _shortfall(game: _Game, sums: np.ndarray) -> np.ndarray:
    """What each coalition loses by staying: v(S) - x(S), or x(S) - c(S) for costs."""
    return game.value - sums if game.kind == "savings" else sums - game.value


def _savings(game: _Game) -> tuple[np.ndarray, np.ndarray | None]:
    """The savings game (for a cost game: v(S) = Σ c({i}) - c(S)) and the c({i})."""
    if game.kind == "savings":
        return game.value, None
    singles = game.value[_singletons(len(game.players))]
    return _subset_sums(singles) - game.value, singles


def _from_savings(game: _Game, y: np.ndarray, singles: np.ndarray | None) -> np.ndarray:
    return y if singles is None else singles - y


# --------------------------------------------------------------------------- Shapley


def _exact_shapley(v: np.ndarray, n: int) -> np.ndarray:
    masks = np.arange(1 << n)
    size = _sizes(n)
    weight = np.array([1.0 / (n * math.comb(n - 1, s)) for s in range(n)])
    phi = np.empty(n)
    for i in range(n):
        without = masks[(masks >> i) & 1 == 0]
        phi[i] = weight[size[without]] @ (v[without | (1 << i)] - v[without])
    return phi


def _sampled(game: _Game, samples, seed) -> pd.DataFrame:
    samples = _check_samples(samples)
    n = len(game.players)
    rng = generator(seed)
    orders = rng.permuted(np.tile(np.arange(n), (samples, 1)), axis=1)
    if game.value is not None:
        bit = 1 << orders
        after = np.cumsum(bit, axis=1)
        margins = game.value[after] - game.value[after - bit]
    else:
        margins = np.empty((samples, n))
        for row, order in enumerate(orders):
            before, worth = frozenset(), 0.0
            for col, i in enumerate(order.tolist()):
                before = before | {game.players[i]}
                new = game.lookup(before)
                margins[row, col] = new - worth
                worth = new
    contributions = np.empty_like(margins)
    np.put_along_axis(contributions, orders, margins, axis=1)
    index = pd.Index(list(game.players), name="player")
    return pd.DataFrame(
        {
            "value": contributions.mean(axis=0),
            "stderr": contributions.std(axis=0, ddof=1) / math.sqrt(samples),
        },
        index=index,
    )


# --------------------------------------------------------------------------- nucleolus


def _sequential_lp(
    v: np.ndarray, n: int, *, individual: bool, stages: int | None = None
) -> tuple[np.ndarray, float]:
    """Nucleolus (``individual``) or prenucleolus of the savings game ``v``, n >= 2.

    Returns the allocation and the first stage's :math:`\\varepsilon_1` (the largest
    minimal excess; minus the least-core epsilon when not ``individual``). With
    ``stages=1`` only the first stage is solved (the allocation is then the LP's).
    """
    from scipy.optimize import linprog
    from scipy.sparse import csr_array

    full = (1 << n) - 1
    scale = float(np.abs(v).max()) or 1.0
    w = v / scale
    bits = _bits(n)
    free = np.ones(1 << n, dtype=bool)
    free[0] = free[full] = False
    rows, rhs = [np.ones(n)], [w[full]]
    basis = _orthonormal(rows)
    objective = np.zeros(n + 1)
    objective[-1] = -1.0
    lower = w[_singletons(n)] if individual else [None] * n
    bounds = [(lo, None) for lo in lower] + [(None, None)]
    first = None
    for stage in range(1, n + 2):
        free_masks = np.flatnonzero(free)
        a_ub = csr_array(np.hstack([-bits[free_masks], np.ones((free_masks.size, 1))]))
        a_eq = np.hstack([np.array(rows), np.zeros((len(rows), 1))])
        res = linprog(
            objective,
            A_ub=a_ub,
            b_ub=-w[free_masks],
            A_eq=a_eq,
            b_eq=np.array(rhs),
            bounds=bounds,
            method="highs",
        )
        if res.status != 0:
            raise RuntimeError(f"nucleolus: LP of stage {stage} failed: {res.message}")
        epsilon = float(res.x[-1])
        if first is None:
            first = epsilon * scale
            if stages == 1:
                return res.x[:n] * scale, first
        dual = -np.asarray(res.ineqlin.marginals)
        fixed = free_masks[dual > _DUAL_TOL]
        if not fixed.size:
            raise RuntimeError(f"nucleolus: no coalition fixed at stage {stage} (a bug)")
        for mask in fixed[np.argsort(-dual[dual > _DUAL_TOL], kind="stable")]:
            if _outside(bits[mask][None, :], basis)[0]:
                rows.append(bits[mask])
                rhs.append(w[mask] + epsilon)
                basis = _orthonormal(rows)
        free[fixed] = False
        rest = np.flatnonzero(free)
        free[rest[~_outside(bits[rest], basis)]] = False
        if len(rows) == n:
            return np.linalg.solve(np.array(rows), np.array(rhs)) * scale, first
    raise RuntimeError(f"nucleolus: no unique solution after {n + 1} stages (a bug)")


def _orthonormal(rows: list[np.ndarray]) -> np.ndarray:
    """An orthonormal basis (columns) of the span of linearly independent ``rows``."""
    q, _ = np.linalg.qr(np.array(rows).T)
    return q


def _outside(vectors: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """Which row vectors are not in the span of ``basis``."""
    residual = vectors - (vectors @ basis) @ basis.T
    return np.abs(residual).max(axis=1) > _SPAN_TOL
