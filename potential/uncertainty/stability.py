r"""Weight stability intervals and one-at-a-time weight sensitivity.

Both functions move **one weight at a time** and rescale the others proportionally, so the
weights keep summing to 1 and keep their ratios to each other. With the normalised weights
:math:`w` and criterion :math:`j` moved to :math:`t \in [0, 1]`,

.. math::

    w_j(t) = t, \qquad w_k(t) = (1 - t)\,u_k \quad (k \ne j), \qquad
    u_k = \frac{w_k}{1 - w_j},

so :math:`w(w_j) = w`. If :math:`w_j = 1` the other weights are all 0 and have no ratios to
keep; they then share :math:`1 - t` equally, :math:`u_k = 1 / (m - 1)`. With a single
criterion there is nothing to move: its weight is 1 whatever happens.

:func:`stability_intervals` gives, for every criterion, the interval of :math:`t` in which
the current top alternative stays first (Mareschal 1988; Wolters & Mareschal 1995). It is
exact for ``wsm`` and numerical (a scan refined by bisection) for the other methods.
:func:`sensitivity` changes every weight by a relative step down and up and re-ranks
(Triantaphyllou & Sánchez 1997); :func:`tornado_table` condenses it for a tornado chart.

Ranking and ties follow :func:`potential.mcda.rank`: scores equal to 12 significant digits
are a tie and the earlier matrix row wins it.

References
----------
Mareschal, B. (1988). Weight stability intervals in multicriteria decision aid. *European
Journal of Operational Research* 33(1), 54–64.
Wolters, W. T. M., Mareschal, B. (1995). Novel types of sensitivity analysis for additive
MCDM methods. *European Journal of Operational Research* 81(2), 281–290.
Triantaphyllou, E., Sánchez, A. (1997). A sensitivity analysis approach for some
deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1), 151–194.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.mcda import check_method, rank
from potential.mcda._base import check_inputs
from potential.mcda.value import value_scores
from potential.messages import message

__all__ = ["sensitivity", "stability_intervals", "tornado_table"]

#: Points of the grid on [0, 1] scanned by the numerical stability intervals (step 0.005).
SCAN_POINTS = 201

#: Relative size of a score difference treated as a tie by the exact ``wsm`` intervals
#: (relative to the largest absolute value score), matching the 12-significant-digit rule.
TIE_RTOL = 1e-12

_COLUMNS = ["weight", "low", "high", "top", "challenger_low", "challenger_high"]


def moved_weights(weights: np.ndarray, j: int, t: float) -> np.ndarray:
    r"""The weights with criterion ``j`` set to ``t`` and the others rescaled.

    :math:`w_j(t) = t`, :math:`w_k(t) = (1 - t)\, w_k / (1 - w_j)` for :math:`k \ne j`; if
    :math:`w_j = 1` the others share :math:`1 - t` equally. ``weights`` must be normalised.
    With a single criterion the result is ``[1.0]``.
    """
    w = np.asarray(weights, dtype=float)
    if w.size == 1:
        return np.ones(1)
    return t * _unit(w.size, j) + (1.0 - t) * _others_share(w, j)


def _unit(m: int, j: int) -> np.ndarray:
    e = np.zeros(m)
    e[j] = 1.0
    return e


def _others_share(w: np.ndarray, j: int) -> np.ndarray:
    """:math:`u`: the other criteria's weights rescaled to sum 1, 0 at ``j``."""
    if w[j] < 1.0:
        u = w * (1.0 / (1.0 - w[j]))
    else:
        u = np.full(w.size, 1.0 / (w.size - 1))
    u[j] = 0.0
    return u


def _check_tol(name: str, value) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(message("mcda.open_unit", value=value), name) from None
    if not (math.isfinite(value) and 0.0 < value < 1.0):
        raise InputError(message("mcda.open_unit", value=value), name)
    return value


def stability_intervals(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: Sequence[float] | Mapping[str, float],
    method: str = "wsm",
    *,
    tol: float = 1e-9,
    **params,
) -> pd.DataFrame:
    r"""Weight stability intervals: how far each weight may move before the top changes.

    For every criterion :math:`j` the weight is moved to :math:`t \in [0, 1]` and the other
    weights are rescaled proportionally, :math:`w_k(t) = (1 - t)\, w_k / (1 - w_j)` (if
    :math:`w_j = 1` they share :math:`1 - t` equally; see the module notes). The interval
    :math:`[\text{low}, \text{high}]` is the range of :math:`t` around the current weight in
    which the current top alternative :math:`i^*` (rank 1 under ``weights``) stays first.

    **wsm (exact).** With the value scores :math:`v` (:func:`potential.mcda.value_scores`,
    with the same ``value_function``, ``bounds`` and ``breakpoints`` as ``wsm``) every score
    is linear in :math:`t`,

    .. math::

        s_i(t) = t\, v_{ij} + (1 - t)\, c_i, \qquad
        c_i = \sum_{k \ne j} \frac{w_k}{1 - w_j}\, v_{ik},

    so the lead of :math:`i^*` over :math:`i`,
    :math:`d_i(t) = (1 - t)\, d_i(0) + t\, d_i(1)`, is linear too, with
    :math:`d_i(0) = c_{i^*} - c_i` and :math:`d_i(1) = v_{i^*j} - v_{ij}`. Where it changes
    sign it crosses zero at

    .. math::

        t_i = \frac{d_i(0)}{d_i(0) - d_i(1)},

    which bounds :math:`t` from above if :math:`d_i(1) < 0` and from below if
    :math:`d_i(0) < 0`. The interval is the intersection of these half-lines, hence an
    interval, and it contains the current weight. **Tie rule and bounds:** an alternative
    listed after :math:`i^*` may tie with it (:math:`d_i \ge 0`), one listed before must stay
    strictly below (:math:`d_i > 0`), since the earlier row wins a tie. ``low`` and ``high``
    are the closure of the set where :math:`i^*` is first: at a bound set by an alternative
    listed after :math:`i^*` the top still wins (the tie); at one set by an alternative
    listed before, that alternative ties and takes first place at the bound itself. A lead
    smaller than ``TIE_RTOL`` times the largest absolute value score counts as a tie, as in
    :func:`potential.mcda.rank`. ``tol`` is not used.

    **Other methods (numerical).** ``wpm``, ``waspas``, ``topsis``, ``vikor``,
    ``promethee2`` and ``electre1`` are ranked with :func:`potential.mcda.rank` on a grid of
    ``SCAN_POINTS`` values of :math:`t` (plus the current weight), walking outwards from
    the current weight until the top changes; each boundary is then refined by bisection to
    ``tol``. ``low`` and ``high`` are the last points at which :math:`i^*` was found first,
    so the top changes within ``tol`` beyond them. For a method whose scores are not linear
    in the weights the set where :math:`i^*` is first need not be an interval: the result
    is the interval around the current weight, and an excursion narrower than the grid step
    (0.005) can be missed.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns), finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    weights : sequence of float or mapping
        One non-negative weight per column (or criterion → weight); divided by their sum.
    method : str
        One of :data:`potential.mcda.METHODS`.
    tol : float
        Bisection tolerance of the numerical intervals, in (0, 1).
    **params
        Parameters of the method, as for :func:`potential.mcda.rank`.

    Returns
    -------
    pandas.DataFrame
        Indexed by criterion (index name ``criterion``), with ``weight`` (the current
        normalised weight), ``low`` and ``high`` (the interval, ``low <= weight <= high``),
        ``top`` (the current top alternative), ``challenger_low`` and ``challenger_high``:
        the alternative that is first just below ``low`` / just above ``high``. At a bound
        of 0 or 1 there is nothing beyond; the challenger is then the alternative that takes
        first place at the bound itself by winning a tie (only possible for ``wsm``), and
        otherwise ``None``. ``attrs`` records ``method`` and ``exact``.
        With one alternative or one criterion every interval is [0, 1].

    Raises
    ------
    InputError
        On an unknown method or parameter, a ``tol`` outside (0, 1), or the errors of
        :func:`potential.mcda.rank` (NaN or infinite values, wrong numbers of objectives or
        weights, negative or all-zero weights).

    References
    ----------
    Mareschal, B. (1988). Weight stability intervals in multicriteria decision aid.
    *European Journal of Operational Research* 33(1), 54–64.
    Wolters, W. T. M., Mareschal, B. (1995). Novel types of sensitivity analysis for
    additive MCDM methods. *European Journal of Operational Research* 81(2), 281–290.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"x": [1.0, 0.0], "y": [0.0, 1.0]}, index=["a", "b"])
    >>> r = stability_intervals(m, ["max", "max"], [3, 1])  # x: a = t >= b = 1 - t
    >>> r[["low", "high"]].to_numpy().tolist()
    [[0.5, 1.0], [0.0, 0.5]]
    >>> r["top"].tolist(), r["challenger_low"].tolist(), r["challenger_high"].tolist()
    (['a', 'a'], ['b', None], [None, 'b'])
    """
    check_method(method, params)
    tol = _check_tol("tol", tol)
    matrix, _, w, _ = check_inputs(matrix, objectives, weights)
    objectives = list(objectives)
    base = rank(matrix, objectives, w, method, **params)
    top = int(np.argmin(base["rank"].to_numpy()))
    n, m = matrix.shape
    if method == "wsm":
        v = value_scores(
            matrix,
            objectives,
            params.get("bounds"),
            params.get("value_function", "minmax"),
            params.get("breakpoints"),
        ).to_numpy()
    rows = []
    for j in range(m):
        if n == 1 or m == 1:
            low, high, c_low, c_high = 0.0, 1.0, None, None
        elif method == "wsm":
            low, high, c_low, c_high = _exact_wsm(v, w, j, top)
        else:

            def first(t, j=j):
                r = rank(matrix, objectives, moved_weights(w, j, t), method, **params)
                return int(np.argmin(r["rank"].to_numpy()))

            low, high, c_low, c_high = _numerical(first, w[j], top, tol)
        label = [None if c is None else matrix.index[c] for c in (c_low, c_high)]
        rows.append([float(w[j]), float(low), float(high), matrix.index[top], *label])
    out = pd.DataFrame(
        {
            name: pd.Series(col, dtype=float if k < 3 else object)
            for k, (name, col) in enumerate(zip(_COLUMNS, zip(*rows, strict=True), strict=True))
        }
    )
    out.index = pd.Index(matrix.columns, name="criterion")
    out.attrs.update(method=method, exact=method == "wsm" or n == 1 or m == 1)
    return out


def _exact_wsm(v: np.ndarray, w: np.ndarray, j: int, top: int):
    """Exact interval of ``top`` for criterion ``j`` under the weighted sum (row indices)."""
    n = v.shape[0]
    c = v @ _others_share(w, j)
    atol = TIE_RTOL * float(np.abs(v).max())

    def snap(x):
        return np.where(np.abs(x) <= atol, 0.0, x)

    d0 = snap(c[top] - c)  # lead of top at t = 0
    d1 = snap(v[top, j] - v[:, j])  # lead of top at t = 1
    earlier = np.arange(n) < top
    lows, highs = np.zeros(n), np.ones(n)
    for i in range(n):
        if i == top:
            continue
        # allowed: d > 0 for earlier rows, d >= 0 for later rows
        bad0 = d0[i] <= 0 if earlier[i] else d0[i] < 0
        bad1 = d1[i] <= 0 if earlier[i] else d1[i] < 0
        if bad0 and bad1:
            continue  # never ahead: a rounding disagreement with rank(); w_j is kept below
        if bad1:
            highs[i] = d0[i] / (d0[i] - d1[i])
        elif bad0:
            lows[i] = d0[i] / (d0[i] - d1[i])
    low, high = min(lows.max(), w[j]), max(highs.min(), w[j])
    # the challenger beyond a bound: of the alternatives crossing there, the one whose score
    # grows fastest beyond it (ties: the earlier row); at 0 or 1, an earlier row that ties.
    slope = v[:, j] - c  # ds_i/dt
    c_high = c_low = None
    if high < 1.0:
        at = np.flatnonzero(np.abs(highs - high) <= 1e-12 * max(high, 1.0))
        at = at[at != top]
        if at.size:
            c_high = int(at[np.argmax(slope[at])])
    else:
        tied = np.flatnonzero(earlier & (d1 == 0))
        c_high = int(tied[0]) if tied.size else None
    if low > 0.0:
        at = np.flatnonzero(np.abs(lows - low) <= 1e-12)
        at = at[at != top]
        if at.size:
            c_low = int(at[np.argmin(slope[at])])
    else:
        tied = np.flatnonzero(earlier & (d0 == 0))
        c_low = int(tied[0]) if tied.size else None
    return low, high, c_low, c_high


def _numerical(first, w_j: float, top: int, tol: float):
    """Interval around ``w_j`` in which ``first(t) == top``: grid scan, then bisection."""
    grid = np.linspace(0.0, 1.0, SCAN_POINTS)

    def bound(points, end):
        good = w_j
        for t in points:
            winner = first(float(t))
            if winner != top:
                bad = float(t)
                while abs(bad - good) > tol:
                    mid = 0.5 * (good + bad)
                    if mid in (good, bad):
                        break
                    w_mid = first(mid)
                    if w_mid == top:
                        good = mid
                    else:
                        bad, winner = mid, w_mid
                return good, winner
            good = float(t)
        return end, None

    high, c_high = bound(grid[grid > w_j], 1.0)
    low, c_low = bound(grid[grid < w_j][::-1], 0.0)
    return low, high, c_low, c_high


def sensitivity(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: Sequence[float] | Mapping[str, float],
    method: str = "wsm",
    *,
    step: float = 0.1,
    **params,
) -> pd.DataFrame:
    r"""One-at-a-time sensitivity of every score and rank to every weight.

    For every criterion :math:`j` and direction, the normalised weight is changed by the
    relative ``step`` :math:`\delta`,

    .. math::

        w_j' = \min\bigl(1, \max(0, w_j (1 \mp \delta))\bigr), \qquad
        w_k' = w_k \frac{1 - w_j'}{1 - w_j} \quad (k \ne j),

    so the weights still sum to 1 and the others keep their ratios (if :math:`w_j = 1` the
    others share :math:`1 - w_j'` equally). The alternatives are re-ranked with
    :func:`potential.mcda.rank` and compared with the ranking under ``weights``. A zero
    weight stays 0 (a relative change of nothing), a weight of 1 cannot grow, and with a
    single criterion the weight stays 1; those rows repeat the base ranking.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns), finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    weights : sequence of float or mapping
        One non-negative weight per column (or criterion → weight); divided by their sum.
    method : str
        One of :data:`potential.mcda.METHODS`.
    step : float
        The relative change :math:`\delta` of a weight, in (0, 1).
    **params
        Parameters of the method, as for :func:`potential.mcda.rank`.

    Returns
    -------
    pandas.DataFrame
        Tidy, one row per criterion × direction × alternative, in column order, ``"-"``
        before ``"+"``, alternatives in row order: ``criterion``, ``change`` (``"-"`` or
        ``"+"``), ``weight`` (the criterion's new weight :math:`w_j'`), ``alternative``,
        ``score``, ``score_change`` (new minus base score), ``rank`` and ``rank_change``
        (new minus base rank; negative = moved up).

    Raises
    ------
    InputError
        On a ``step`` outside (0, 1), an unknown method or parameter, or the errors of
        :func:`potential.mcda.rank`.

    References
    ----------
    Triantaphyllou, E., Sánchez, A. (1997). A sensitivity analysis approach for some
    deterministic multi-criteria decision-making methods. *Decision Sciences* 28(1),
    151–194.
    """
    check_method(method, params)
    step = _check_tol("step", step)
    matrix, _, w, _ = check_inputs(matrix, objectives, weights)
    objectives = list(objectives)
    base = rank(matrix, objectives, w, method, **params)
    base_score = base["score"].to_numpy(dtype=float)
    base_rank = base["rank"].to_numpy()
    frames = []
    for j, criterion in enumerate(matrix.columns):
        for change, factor in (("-", 1.0 - step), ("+", 1.0 + step)):
            new_wj = 1.0 if w.size == 1 else min(1.0, max(0.0, w[j] * factor))
            new = rank(matrix, objectives, moved_weights(w, j, new_wj), method, **params)
            score = new["score"].to_numpy(dtype=float)
            ranks = new["rank"].to_numpy()
            frames.append(
                pd.DataFrame(
                    {
                        "criterion": criterion,
                        "change": change,
                        "weight": new_wj,
                        "alternative": matrix.index,
                        "score": score,
                        "score_change": score - base_score,
                        "rank": ranks,
                        "rank_change": ranks - base_rank,
                    }
                )
            )
    out = pd.concat(frames, ignore_index=True)
    out.attrs.update(method=method, step=step)
    return out


def tornado_table(sensitivity_frame: pd.DataFrame, alternative) -> pd.DataFrame:
    """Per criterion, the range of one alternative's score under :func:`sensitivity`.

    Parameters
    ----------
    sensitivity_frame : pandas.DataFrame
        The result of :func:`sensitivity`.
    alternative : object
        A label of the alternatives (a row label of the matrix).

    Returns
    -------
    pandas.DataFrame
        Indexed by criterion, with ``base`` (the score under the original weights),
        ``minus`` and ``plus`` (the score with the weight lowered / raised), ``low`` and
        ``high`` (the smaller and larger of the two) and ``swing`` = ``high − low``; sorted
        by ``swing``, largest first (ties keep the criterion order), ready for a tornado
        chart.

    Raises
    ------
    InputError
        If the frame lacks a column of :func:`sensitivity` or has no row for
        ``alternative``.
    """
    needed = ["criterion", "change", "alternative", "score", "score_change"]
    missing = [c for c in needed if c not in sensitivity_frame.columns]
    if missing:
        raise InputError(
            message("uncertainty.sensitivity_columns", missing=missing), "sensitivity_frame"
        )
    rows = sensitivity_frame[sensitivity_frame["alternative"] == alternative]
    if rows.empty:
        known = list(dict.fromkeys(sensitivity_frame["alternative"]))
        raise InputError(
            message("uncertainty.unknown_alternative", alternative=alternative, known=known),
            "alternative",
        )
    wide = rows.pivot(index="criterion", columns="change", values="score")
    order = list(dict.fromkeys(rows["criterion"]))
    wide = wide.reindex(order)
    base = (rows["score"] - rows["score_change"]).groupby(rows["criterion"]).first()
    out = pd.DataFrame(
        {"base": base.reindex(order), "minus": wide["-"], "plus": wide["+"]},
        index=pd.Index(order, name="criterion"),
    )
    out["low"] = out[["minus", "plus"]].min(axis=1)
    out["high"] = out[["minus", "plus"]].max(axis=1)
    out["swing"] = out["high"] - out["low"]
    return out.sort_values("swing", ascending=False, kind="stable")
