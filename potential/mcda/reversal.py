"""The rank-invariance test (rank reversal) in numpy, and scikit-criteria's as a reference.

:func:`experiment_ranks` reproduces what scikit-criteria's ``RankInvariantChecker``
(``skcriteria.ranksrev.rank_invariant_check``, version 0.10) does for a method of
:mod:`potential.mcda`: the same worsened matrices, drawn from the same random generator in
the same order, ranked with the same method. It does not build a scikit-criteria decision
matrix per experiment; it scores all experiments of one problem at once (a stack of
matrices that differ from the reference in one row) and recomputes only what the worsened
row changes.

A fast score may differ from the method's own in the last bits (another order of summation).
Ranks count scores equal to 12 significant digits as tied (:func:`ranks_from_scores`), so a
last-bit difference can change a rank only if a score lies next to a rounding boundary and
another score next to it. Every such experiment (and every one the fast path does not
cover) is ranked again by the method itself, so the ranks are those of the method.
:func:`skcriteria_experiment_ranks` runs scikit-criteria's checker itself; the tests compare
the two.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from potential.mcda import method_function
from potential.mcda._base import check_inputs, ranks_from_scores

#: A fast score is trusted to lie within this share of the largest absolute score of the
#: method's own (on the default data they differ by at most 5e-16, two units in the last
#: place).
SCORE_TOLERANCE = 1e-13
#: Outranking tests of ELECTRE I closer than this to their threshold are redone exactly.
THRESHOLD_TOLERANCE = 1e-13


def problem_shift(values: np.ndarray) -> np.ndarray:
    """Per column: what :func:`~potential.mcda.compare.rank_reversal` adds while the checker
    works (0 for a strictly positive column, else its range minus its minimum, plus 1 if
    it is constant), so every value the checker sees is positive."""
    low, high = values.min(axis=0), values.max(axis=0)
    return np.where(low > 0, 0.0, (high - low) - low + (high == low))


def unique_names(names: Sequence[str]) -> list[str]:
    """scikit-criteria's ``unique_names``: repeated names get ``_1``, ``_2``, … in order."""
    count = {k: v for k, v in Counter(names).items() if v > 1}
    out = []
    for name in reversed(names):
        c = count.get(name, 0)
        if c:
            count[name] = c - 1
            name = f"{name}_{c}"
        out.append(name)
    return out[::-1]


def noise_bounds(shifted, reference_ranks, labels=None):
    """scikit-criteria's ``maximum_abs_noises``: the suboptimal rows in rank order, and per
    row and criterion the absolute difference to the next row in that order (the last row:
    the median of the others' differences).

    Raises
    ------
    InputError
        If a row's bound is zero on every criterion (scikit-criteria would draw for ever).
    """
    from potential.errors import InputError
    from potential.messages import message

    order = np.argsort(reference_ranks, kind="stable")
    not_best = order[1:]
    a = shifted[not_best]
    bounds = np.empty_like(a)
    bounds[:-1] = np.abs(a[:-1] - a[1:])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bounds[-1] = np.median(bounds[:-1], axis=0)
    stuck = np.flatnonzero(np.all(np.minimum(bounds, np.abs(a)) == 0, axis=1))
    if stuck.size:
        row = int(not_best[stuck[0]])
        name = labels[row] if labels is not None else row
        raise InputError(message("reversal.no_noise", alternative=name))
    return not_best, bounds


def worsenings(shifted, maximise, reference_ranks, repeat: int, rng, labels=None):
    """The worsened rows of scikit-criteria's ``RankInvariantChecker``.

    Parameters
    ----------
    shifted : numpy.ndarray
        Alternatives × criteria, as the checker sees them (all values > 0).
    maximise : numpy.ndarray of bool
        ``max`` criteria.
    reference_ranks : numpy.ndarray
        Ranks 1..n of the reference ranking (no ties).
    repeat : int
        Worsenings per suboptimal alternative.
    rng : numpy.random.Generator
        Drawn from exactly as scikit-criteria does (one uniform number per criterion).
    labels : sequence, optional
        Row labels, for the error message of :func:`noise_bounds`.

    Returns
    -------
    rows : numpy.ndarray of int
        Per experiment, the row worsened (rank order 2..n, ``repeat`` times over).
    new_rows : numpy.ndarray
        Per experiment, the worsened row (in the checker's shifted values).

    Notes
    -----
    The bound of each suboptimal alternative is its absolute difference, per criterion, to
    the next alternative in the reference ranking (the last one gets the median of the
    others' bounds), capped at the absolute value; the noise is uniform on [0, bound],
    drawn again while it is zero on every criterion, and subtracted on ``max`` criteria,
    added on ``min`` criteria (``maximum_abs_noises`` and ``mutate_dm``).
    """
    not_best, bounds = noise_bounds(shifted, reference_ranks, labels)
    rows, new_rows = [], []
    for _ in range(int(repeat)):
        for i, r in enumerate(not_best):
            b = np.minimum(bounds[i], np.abs(shifted[r]))
            noise = rng.uniform(0.0, b)
            while np.all(noise == 0):
                noise = rng.uniform(0.0, b)
            noise[maximise] *= -1
            rows.append(r)
            new_rows.append(shifted[r] + noise)
    m = shifted.shape[1]
    return np.asarray(rows, dtype=int), np.asarray(new_rows, dtype=float).reshape(-1, m)


# -- ranks with a guard against last-bit differences ---------------------------------------


def _digits(top):
    """Decimals the tie rule of :func:`ranks_from_scores` keeps, for a largest |score|."""
    return 11 - np.floor(np.log10(np.where(top > 0, top, 1.0))).astype(int)


def _ranks_at(scores, tol, digits):
    """Ranks of ``scores`` with keys rounded to ``digits`` decimals, and whether a change of
    a score by at most ``tol`` could change them."""
    n = scores.size
    key = np.round(scores, digits)
    ranks = np.empty(n, dtype=int)
    ranks[np.lexsort((np.arange(n), -key))] = np.arange(1, n + 1)
    lo, hi = np.round(scores - tol, digits), np.round(scores + tol, digits)
    moves = lo != hi
    if not moves.any():
        return ranks, False
    # a key that may move matters only if another key is equal to it or one step away
    step = 1.5 * 10.0 ** (-digits)
    sorted_lo = np.sort(lo)
    first = np.searchsorted(sorted_lo, lo[moves], side="left")
    last = np.searchsorted(sorted_lo, lo[moves], side="right")
    before = sorted_lo[np.maximum(first - 1, 0)]
    after = sorted_lo[np.minimum(last, n - 1)]
    near = (
        (last - first > 1)
        | ((first > 0) & (lo[moves] - before <= step))
        | ((last < n) & (after - lo[moves] <= step))
    )
    return ranks, bool(near.any())


def guarded_ranks(scores: np.ndarray, tolerance: float = SCORE_TOLERANCE):
    """Ranks of each row of ``scores`` (:func:`ranks_from_scores`), and whether they could
    differ for scores that differ by at most ``tolerance`` × the row's largest |score|.

    Returns
    -------
    ranks : numpy.ndarray of int
        Experiments × alternatives.
    unsure : numpy.ndarray of bool
        Per row: the ranks might not be those of the exact scores.
    """
    scores = np.asarray(scores, dtype=float)
    top = np.abs(scores).max(axis=1)
    tol = tolerance * np.maximum(top, np.finfo(float).tiny)
    candidates = np.stack([_digits(top - tol), _digits(top), _digits(top + tol)], axis=1)
    ranks = np.empty(scores.shape, dtype=int)
    unsure = np.zeros(len(scores), dtype=bool)
    for e in range(len(scores)):
        # the number of digits of the tie rule depends on the largest score, which may sit
        # next to a power of ten: the ranks must agree for every number it could be
        ranks[e], unsure[e] = _ranks_at(scores[e], tol[e], int(candidates[e, 1]))
        for d in set(candidates[e].tolist()) - {int(candidates[e, 1])}:
            other, doubt = _ranks_at(scores[e], tol[e], d)
            unsure[e] |= doubt or not np.array_equal(other, ranks[e])
    return ranks, unsure


# -- fast scores: all experiments of one problem at once -----------------------------------


def _minmax(stack, maximise):
    """:func:`~potential.mcda.value.value_scores` (min-max) along the alternatives axis."""
    lo, hi = stack.min(axis=-2, keepdims=True), stack.max(axis=-2, keepdims=True)
    span = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.where(maximise, stack - lo, hi - stack) / span
    return np.where(span > 0, v, 0.0)


def _wsm(stack, maximise, w, value_function="minmax", bounds=None, breakpoints=None):
    if value_function != "minmax" or bounds is not None or breakpoints is not None:
        return None
    return _minmax(stack, maximise) @ w


def _positive_or_floor(stack, maximise, value_floor, bounds=None):
    """Values a product method sees: the floored min-max values, or the raw values with cost
    columns inverted (``None`` where the method itself would raise)."""
    if bounds is not None:
        return None
    if value_floor is not None:
        if not 0 < value_floor < 1:
            return None
        return value_floor + (1 - value_floor) * _minmax(stack, maximise)
    if np.any(stack <= 0):
        return None
    return np.where(maximise, stack, 1.0 / stack)


def _wpm(stack, maximise, w, value_floor=None, bounds=None):
    x = _positive_or_floor(stack, maximise, value_floor, bounds)
    if x is None:
        return None
    return 10.0 ** np.sum(np.log10(x) * w, axis=-1)


def _waspas(stack, maximise, w, lambda_=0.5, value_floor=None):
    try:
        lam = float(lambda_)
    except (TypeError, ValueError):
        return None
    x = _positive_or_floor(stack, maximise, value_floor)
    if x is None or not 0 <= lam <= 1:
        return None
    scale = np.abs(x).max(axis=-2, keepdims=True)
    r = x / np.where(scale == 0, 1.0, scale)
    wsm_part = r @ w
    wpm_part = np.power(10, np.sum(np.log10(r) * w, axis=-1))
    return lam * wsm_part + (1 - lam) * wpm_part


def _topsis(stack, maximise, w, normalization="vector", metric="euclidean"):
    if normalization != "vector" or metric != "euclidean":
        return None
    varies = (stack.max(axis=-2) > stack.min(axis=-2)) & (w > 0)
    if not (varies == varies[:1]).all():
        return None  # a column that varies in some experiments only: left to the method
    if not varies.any():
        return np.full(stack.shape[:2], 0.5)
    keep = np.flatnonzero(varies[0])
    x = stack[..., keep]
    norm = np.sqrt(np.add.reduce(x * x, axis=-2, keepdims=True))
    weighted = (x / norm) * w[keep]
    mx, mn = weighted.max(axis=-2, keepdims=True), weighted.min(axis=-2, keepdims=True)
    ideal = np.where(maximise[keep], mx, mn)
    anti = np.where(maximise[keep], mn, mx)
    d_plus = np.sqrt(np.sum((weighted - ideal) ** 2, axis=-1))
    d_minus = np.sqrt(np.sum((weighted - anti) ** 2, axis=-1))
    return d_minus / (d_plus + d_minus)


def _scale_to_best(x, best_is_max):
    """scikit-criteria VIKOR's ``_scale``: 0 at the best value, 1 at the worst, 0 if constant."""
    mx, mn = x.max(axis=-2, keepdims=True), x.min(axis=-2, keepdims=True)
    cenit = np.where(best_is_max, mn, mx)
    nadir = np.where(best_is_max, mx, mn)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num((x - nadir) / (cenit - nadir))


def _vikor(stack, maximise, w, v=0.5):
    try:
        v = float(v)
    except (TypeError, ValueError):
        return None
    if not 0 <= v <= 1 or stack.shape[1] < 2:
        return None
    scaled = _scale_to_best(stack, maximise) * w
    sr = np.stack((scaled.sum(axis=-1), scaled.max(axis=-1)), axis=-1)
    q = _scale_to_best(sr, np.array([False, False])) @ np.array([v, 1 - v])
    return 1.0 - q


_STACKED = {"wsm": _wsm, "wpm": _wpm, "waspas": _waspas, "topsis": _topsis, "vikor": _vikor}


def _promethee(base, rows, new_rows, objectives, w, columns, params):
    """PROMETHEE II net flows of every experiment: the reference's preference matrix with
    the worsened row and column recomputed (:func:`~potential.mcda.promethee.promethee2`)."""
    from potential.mcda import promethee as pm

    names = pm._preference_names(params.get("preference", "usual"), columns)
    thresholds = {k: pm._thresholds(params.get(k), k, columns) for k in ("q", "p", "s")}
    pm._check_thresholds(names, thresholds, columns)
    qv, pv, sv = (
        np.array([np.nan if x is None else x for x in thresholds[k]], dtype=float)
        for k in ("q", "p", "s")
    )
    sign = np.where(np.asarray(objectives) == "max", 1.0, -1.0)
    groups = [(np.array([j for j, x in enumerate(names) if x == n]), n) for n in set(names)]

    def pi_of(d):
        pref = np.zeros_like(d)
        for cols, name in groups:
            pref[..., cols] = pm._preference(name, d[..., cols], qv[cols], pv[cols], sv[cols])
        return pref @ w

    n = len(base)
    pi = pi_of(sign * (base[:, None, :] - base[None, :, :]))
    out = np.empty((len(rows), n))
    for e, (r, x) in enumerate(zip(rows, new_rows, strict=True)):
        current = base.copy()
        current[r] = x
        new = pi.copy()
        new[r, :] = pi_of(sign * (x[None, :] - current))
        new[:, r] = pi_of(sign * (current - x[None, :]))
        out[e] = new.sum(axis=1) / (n - 1) - new.sum(axis=0) / (n - 1)
    return out


def _electre(base, rows, new_rows, objectives, w, p=0.65, q=0.35):
    """ELECTRE I net outranking counts of every experiment (exact integers), and which
    experiments to redo (a changed column range, or a test next to its threshold)."""
    from potential.mcda.electre import _TOL, _unit_interval

    p, q = _unit_interval("p", p), _unit_interval("q", q)
    p, q = max(p - _TOL, 0.0), min(q + _TOL, 1.0)
    keep = w > 0
    maximise = np.asarray(objectives) == "max"
    lo, hi = base.min(axis=0), base.max(axis=0)
    v = _minmax(base, maximise)[:, keep]
    wk = w[keep]
    n, e_count = len(base), len(rows)
    redo = np.zeros(e_count, dtype=bool)
    if not np.any(v.max(axis=0) > v.min(axis=0)):
        return None, redo
    delta = (v.max(axis=0) - v.min(axis=0)).max()

    def outranks(a, b):
        """a S b for rows ``a`` against rows ``b`` (broadcast), and how close to a threshold.

        The concordance is summed in another order than scikit-criteria's; a test within
        :data:`THRESHOLD_TOLERANCE` of its threshold is reported as close."""
        diff = a - b
        c = (diff >= 0) @ wk
        d = np.maximum(-diff, 0.0).max(axis=-1) / delta
        close = (np.abs(c - p) < THRESHOLD_TOLERANCE) | (np.abs(d - q) < THRESHOLD_TOLERANCE)
        return (c >= p) & (d <= q), close

    def net(values):
        s, close = outranks(values[:, None, :], values[None, :, :])
        np.fill_diagonal(s, False)
        np.fill_diagonal(close, False)
        return s, close

    base_s, base_close = net(v)
    if base_close.any():
        return None, redo  # the unchanged pairs themselves are in doubt: all by the method
    row_sum, col_sum = base_s.sum(axis=1), base_s.sum(axis=0)
    scores = np.zeros((e_count, n))
    span = hi - lo
    for e, (r, x) in enumerate(zip(rows, new_rows, strict=True)):
        current = base.copy()
        current[r] = x
        if np.any(current.min(axis=0) != lo) or np.any(current.max(axis=0) != hi):
            # the worsened row changes a column's range: every value moves
            vals = _minmax(current, maximise)[:, keep]
            if not np.any(vals.max(axis=0) > vals.min(axis=0)):
                redo[e] = True
                continue
            s, close = net(vals)
            if close.any():
                redo[e] = True
                continue
            scores[e] = (s.sum(axis=1) - s.sum(axis=0)).astype(float)
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            vr = np.where(maximise, x - lo, hi - x) / span
        vr = np.where(span > 0, vr, 0.0)[keep]
        out_r, close_r = outranks(vr[None, :], v)  # r S b
        in_r, close_c = outranks(v, vr[None, :])  # a S r
        out_r[r] = in_r[r] = False
        close_r[r] = close_c[r] = False
        if close_r.any() or close_c.any():
            redo[e] = True
            continue
        rows_new = row_sum - base_s[:, r] + in_r
        rows_new[r] = out_r.sum()
        cols_new = col_sum - base_s[r, :] + out_r
        cols_new[r] = in_r.sum()
        scores[e] = (rows_new - cols_new).astype(float)
    return scores, redo


# -- the experiments -----------------------------------------------------------------------


def _own_scores(method, params, matrix, objectives, w):
    """Scores of one matrix by the method itself, as the checker's decision maker sees it."""
    _, _, w2, _ = check_inputs(matrix, objectives, w)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(method_function(method)(matrix, objectives, w2, **params)["score"])


def _fast_scores(method, params, base, rows, new_rows, objectives, w, columns):
    """Scores of every experiment by the fast path (``None``: not covered), the experiments
    the method itself must rank, and whether the scores are exact (ELECTRE I's counts)."""
    e_count = len(rows)
    everything = np.ones(e_count, dtype=bool)
    if method == "electre1":
        scores, redo = _electre(base, rows, new_rows, objectives, w, **params)
        return scores, (everything if scores is None else redo), True
    nothing = np.zeros(e_count, dtype=bool)
    if method == "promethee2":
        return _promethee(base, rows, new_rows, objectives, w, columns, params), nothing, False
    func = _STACKED.get(method)
    if func is None:
        return None, everything, False
    stack = np.broadcast_to(base, (e_count, *base.shape)).copy()
    stack[np.arange(e_count), rows] = new_rows
    with np.errstate(all="ignore"):
        scores = func(stack, np.asarray(objectives) == "max", w, **params)
    if scores is None or not np.all(np.isfinite(scores)):
        return None, everything, False
    return scores, nothing, False


def experiment_ranks(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: np.ndarray,
    method: str,
    params: Mapping | None = None,
    *,
    repeat: int = 1,
    seed: int = 0,
):
    """The rankings of scikit-criteria's ``RankInvariantChecker``, computed in numpy.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria without repeated rows (checked inputs).
    objectives : sequence of {"max", "min"}
    weights : numpy.ndarray
        Weights summing to 1.
    method : str
        A method of :data:`potential.mcda.METHODS`, with ``params``.
    repeat, seed
        As for :func:`~potential.mcda.compare.rank_reversal`.

    Returns
    -------
    names : list of str
        ``Reference`` and one name per experiment (``M.<alternative>``, unique).
    ranks : numpy.ndarray of int
        (1 + experiments) × alternatives: the reference ranking, then each experiment's.
    worsened : numpy.ndarray of int
        Per experiment, the row worsened.
    redone : int
        Experiments ranked by the method itself rather than the fast path.
    """
    params = dict(params or {})
    objectives = list(objectives)
    values = matrix.to_numpy(dtype=float)
    shift = problem_shift(values)
    shifted = values + shift
    base = shifted - shift
    columns = matrix.columns

    def frame(x):
        return pd.DataFrame(x, index=matrix.index, columns=columns)

    reference = ranks_from_scores(_own_scores(method, params, frame(base), objectives, weights))
    maximise = np.asarray(objectives) == "max"
    rng = np.random.default_rng(seed)
    rows, new_rows = worsenings(shifted, maximise, reference, repeat, rng, list(matrix.index))
    seen = new_rows - shift
    _, _, w2, _ = check_inputs(frame(base), objectives, weights)
    scores, redo, exact = _fast_scores(method, params, base, rows, seen, objectives, w2, columns)
    ranks = np.empty((len(rows), len(base)), dtype=int)
    if scores is not None:
        if exact:
            for e in np.flatnonzero(~redo):
                ranks[e] = ranks_from_scores(scores[e])
        else:
            fast, unsure = guarded_ranks(scores)
            redo = redo | unsure
            ranks[~redo] = fast[~redo]
    for e in np.flatnonzero(redo):
        current = base.copy()
        current[rows[e]] = seen[e]
        ranks[e] = ranks_from_scores(
            _own_scores(method, params, frame(current), objectives, weights)
        )
    names = unique_names(["Reference"] + [f"M.{matrix.index[r]}" for r in rows])
    return names, np.vstack([reference[None, :], ranks]), rows, int(redo.sum())


# -- the reference: scikit-criteria's checker ------------------------------------------------


class _DecisionMaker:
    """Adapter that lets scikit-criteria's checker call one of our methods.

    ``shift`` is subtracted from every matrix before our method sees it.
    """

    def __init__(self, method: str, params: Mapping, shift: np.ndarray):
        self.method, self.params, self.shift = method, dict(params), shift

    def evaluate(self, dm):
        from skcriteria.agg import RankResult

        matrix = pd.DataFrame(
            dm.matrix.to_numpy() - self.shift,
            index=list(dm.alternatives),
            columns=list(dm.criteria),
        )
        objectives = ["max" if o > 0 else "min" for o in dm.iobjectives.to_numpy()]
        scores = _own_scores(self.method, self.params, matrix, objectives, dm.weights.to_numpy())
        ranks = ranks_from_scores(scores)
        return RankResult(self.method, alternatives=dm.alternatives, values=ranks, extra={})


def skcriteria_experiment_ranks(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: np.ndarray,
    method: str,
    params: Mapping | None = None,
    *,
    repeat: int = 1,
    seed: int = 0,
):
    """:func:`experiment_ranks` by scikit-criteria's ``RankInvariantChecker`` itself (slow;
    the reference for tests and benchmarks).

    Returns
    -------
    names, ranks, worsened
        As for :func:`experiment_ranks`.
    opr, rd : float
        The checker's optimal preservation rate and rank displacement.
    """
    from skcriteria.ranksrev import RankInvariantChecker

    from potential.mcda._base import decision_matrix

    values = matrix.to_numpy(dtype=float)
    shift = problem_shift(values)
    base = pd.DataFrame((values + shift) - shift, index=matrix.index, columns=matrix.columns)
    reference = ranks_from_scores(_own_scores(method, params or {}, base, objectives, weights))
    noise_bounds(values + shift, reference, list(matrix.index))  # raises where it would hang
    dm = decision_matrix(values + shift, list(objectives), weights, matrix.index, matrix.columns)
    checker = RankInvariantChecker(
        _DecisionMaker(method, params or {}, shift), repeat=int(repeat), random_state=seed
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = checker.evaluate(dm)
    named = dict(result.named_ranks)
    labels = [str(i) for i in matrix.index]
    worsened = [
        labels.index(str(r.e_.rank_inv_check["mutated"])) for r in list(named.values())[1:]
    ]
    ranks = np.vstack([np.asarray(r.values) for r in named.values()])
    return (
        list(named),
        ranks,
        np.asarray(worsened, dtype=int),
        float(result.extra_.opr),
        float(result.extra_.rd),
    )
