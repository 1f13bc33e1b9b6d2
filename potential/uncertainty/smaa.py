r"""Stochastic Multicriteria Acceptability Analysis (SMAA-2), vectorised over samples.

:func:`smaa` draws weight vectors (and, optionally, uncertain input values), ranks the
alternatives for every sample and reports how often each alternative takes each rank. Samples
are processed in blocks as array operations (no Python loop per sample), in chunks so that
memory does not grow with ``n``; the result for a seed does not depend on the chunk size or
the number of worker threads.

Ranks and ties
--------------
In every sample the alternatives are ranked by descending score, rank 1 the best. **Exactly
equal scores keep the order of the matrix rows** (the earlier row gets the better rank).
Unlike :func:`potential.mcda.rank`, which treats scores equal to 12 significant digits as
tied, SMAA compares scores exactly: with continuous weights or values, scores that differ
only by rounding are tied with probability zero.

Implementation notes
--------------------
A sample's scores are the weighted sums added criterion by criterion in a fixed order
(:func:`sample_scores`), so they are bitwise the same whatever else is in its chunk (a BLAS
product may change the last bit with the matrix shape). Each sample's scores are sorted as
64-bit keys (the score's bits with the alternative's position in the lowest bits); samples
in which two keys share their score bits (exact or near ties) are sorted again exactly with a
stable sort. Without value uncertainty, ``wsm`` and ``wpm`` sort a BLAS product instead and
check it against the proven bound on its distance from the fixed-order sums: a sample in
which two alternatives are closer than that bound is ranked by its fixed-order sums, every
other sample's order is theirs already. So ranks are those of the fixed-order sums in every
case. Counts are integers; the central weights are summed per fixed block of
:data:`~potential.random.BLOCK` samples in sample order, then over blocks in block order.
Work arrays of up to 64 MB are kept between runs (fresh pages are slow to touch).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential import random as prandom
from potential.errors import InputError
from potential.mcda._base import check_inputs
from potential.messages import message
from potential.uncertainty.sampling import (
    ValueUncertainty,
    _check_n,
    value_spec,
    weight_spec,
)

__all__ = ["METHODS", "SMAAResult", "sample_ranks", "sample_scores", "smaa"]

#: Methods vectorised for SMAA, with the parameters each accepts.
METHODS = {
    "wsm": ("value_function", "bounds", "breakpoints"),
    "wpm": ("value_floor", "bounds"),
    "topsis": ("normalization", "metric"),
}
#: Default ``value_floor`` of ``wpm`` (as in the analysis).
WPM_VALUE_FLOOR = 0.1
#: Default chunk: about this many float64 per chunk array (32 MB).
CHUNK_ELEMENTS = 2**22
#: Samples are scored and sorted in tiles of about this many float64 (1 MB; larger tiles
#: let threads overlap better, smaller ones stay in cache).
TILE_ELEMENTS = 2**17

_MAXPOS = np.int64(np.iinfo(np.int64).max)
_BLAS_ONE_THREAD = 4 * 65536


@dataclass(frozen=True, eq=False)
class SMAAResult:
    """Result of :func:`smaa`.

    Attributes
    ----------
    rank_acceptability : pandas.DataFrame
        Alternatives × ranks 1..a: :math:`b_i^r`, the share of samples in which alternative
        :math:`i` takes rank :math:`r`; rows (and columns) sum to 1.
    central_weights : pandas.DataFrame
        Alternatives × criteria: :math:`w_i^c`, the mean weight vector of the samples in
        which :math:`i` ranks first. An alternative that never ranks first gets a row of
        zeros (not a weight vector; its first-rank acceptability is 0).
    confidence : pandas.Series
        :math:`p_i^c`, the share of value samples in which :math:`i` ranks first when the
        weights are fixed at its central weights; without value uncertainty 1.0 or 0.0 (one
        evaluation); 0.0 for an alternative that never ranks first.
    pairwise_winning : pandas.DataFrame or None
        Alternatives × alternatives: share of samples in which the row ranks better than the
        column (0 on the diagonal); None when ``smaa(pairwise=False)``.
    acceptability_index : pandas.Series
        Holistic acceptability :math:`a_i^h = \\sum_r \\alpha_r b_i^r` with centroid
        meta-weights :math:`\\alpha_r = \\sum_{k=r}^{a} 1/k \\,/\\, \\sum_{k=1}^{a} 1/k`.
    n : int
        Number of samples.
    seed_used : int
        Root entropy of the run: ``smaa(..., seed=seed_used)`` repeats it.
    method : str
        Ranking method.
    weights : object
        The weight specification used (:mod:`potential.uncertainty.sampling`).
    """

    rank_acceptability: pd.DataFrame
    central_weights: pd.DataFrame
    confidence: pd.Series
    pairwise_winning: pd.DataFrame | None
    acceptability_index: pd.Series
    n: int
    seed_used: int
    method: str
    weights: object


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------


class _Buffers:
    """Work arrays of one thread: ``(rows, a)`` scores, keys and (optionally) rank indices."""

    def __init__(self, rows: int, a: int, index_rows: int = 0):
        self.rows, self.a = rows, a
        self._float = [np.empty((rows, a)) for _ in range(3)]
        self.keys = np.empty((rows, a), dtype=np.int64)
        self.gaps = np.empty((rows, max(a - 1, 0)), dtype=np.int64)
        self.index = np.empty((index_rows, a), dtype=np.int64)

    @property
    def nbytes(self) -> int:
        arrays = [*self._float, self.keys, self.gaps, self.index]
        return sum(x.nbytes for x in arrays)

    def float(self, k: int, t: int) -> np.ndarray:
        return self._float[k][:t]


def _buffers(ws: _Buffers | None, t: int, a: int) -> _Buffers:
    return ws if ws is not None and ws.rows >= t and ws.a == a else _Buffers(t, a)


class _Spare:
    """Work arrays kept between runs, at most ``limit`` bytes in all (thread-safe).

    Fresh arrays of this size come straight from the operating system, and touching their
    pages for the first time costs more than a run of 10,000 samples spends sorting.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self._free: list[_Buffers] = []
        self._lock = threading.Lock()

    def take(self, rows: int, a: int, index_rows: int) -> _Buffers:
        with self._lock:
            for i, ws in enumerate(self._free):
                if ws.a == a and ws.rows >= rows and len(ws.index) >= index_rows:
                    return self._free.pop(i)
        return _Buffers(rows, a, index_rows)

    def give(self, buffers) -> None:
        """Keep ``buffers`` (the most recent first), dropping the oldest beyond the limit."""
        with self._lock:
            self._free[:0] = [ws for ws in buffers if ws.nbytes <= self.limit]
            while sum(x.nbytes for x in self._free) > self.limit:
                self._free.pop()


#: Work arrays kept between runs (at most 64 MB).
_SPARE = _Spare(64 * 2**20)


def _wsum(w: np.ndarray, x: np.ndarray, out: np.ndarray, tmp: np.ndarray) -> np.ndarray:
    """``sum_j w[:, j] * x_j`` added in criterion order: ``x`` is ``(m, a)`` or ``(t, m, a)``.

    Each element is ``((w_0 x_0 + w_1 x_1) + w_2 x_2) + ...`` whatever the number of rows, so
    a sample's scores do not depend on the samples beside it (a BLAS product could change the
    last bit with the shape). Writes into ``out`` (``(t, a)``), using ``tmp``.
    """
    m = w.shape[1]
    if x.ndim == 2:
        np.multiply.outer(w[:, 0], x[0], out=out)
        for j in range(1, m):
            np.multiply.outer(w[:, j], x[j], out=tmp)
            out += tmp
    else:
        np.multiply(w[:, 0, None], x[:, 0], out=out)
        for j in range(1, m):
            np.multiply(w[:, j, None], x[:, j], out=tmp)
            out += tmp
    return out


def _minmax(x: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """Min-max value functions of sampled matrices: ``(t, a, m)`` → ``(t, m, a)``.

    As :func:`potential.mcda.value.value_scores`: :math:`(x - l)/(h - l)` for max criteria,
    :math:`(h - x)/(h - l)` for min criteria, 0 for a constant column.
    """
    xt = x.transpose(0, 2, 1)
    lo = xt.min(axis=2, keepdims=True)
    hi = xt.max(axis=2, keepdims=True)
    span = hi - lo
    s = sign[None, :, None]
    ref = np.where(s > 0, lo, hi)
    denom = np.where(span > 0, s * span, np.inf)  # (x - h) / -(h - l) == (h - x) / (h - l)
    out = np.empty(xt.shape)
    np.subtract(xt, ref, out=out)
    out /= denom
    return out


def _with_tolerance(kernel, x: np.ndarray) -> tuple[np.ndarray]:
    r"""Record on ``kernel`` how far a BLAS product ``w @ x`` may be from :func:`_wsum`.

    Both compute :math:`\sum_j w_j x_{ij}` with an error of at most
    :math:`\gamma_m \sum_j |w_j x_{ij}| \le \gamma_m \max|x|` (weights summing to 1;
    :math:`\gamma_m = m u / (1 - m u)`, :math:`u = 2^{-53}`; Higham 2002, eq. 3.5), whatever
    the order of the additions, so they differ by at most :math:`2\gamma_m \max|x|`. Two
    alternatives whose products differ by more than twice that (the tolerance below, with
    another factor 2 to spare) are in the same order under the exact sums.
    """
    m = x.shape[0]
    kernel.tol = 8.0 * (m + 2) * 2.0**-53 * max(float(np.abs(x).max()), 2.0**-1000)
    return (x,)


def _sample_bounds(matrix, bounds):
    """``bounds`` (criterion → (low, high)) as two arrays over the matrix' columns, NaN
    where a criterion has none (for :func:`_fixed_scale`); None without bounds."""
    if not bounds:
        return None
    unknown = [c for c in bounds if c not in matrix.columns]
    if unknown:
        raise InputError(
            message("mcda.not_columns", criteria=unknown, columns=list(matrix.columns)),
            "bounds",
        )
    lo = np.array([bounds[c][0] if c in bounds else np.nan for c in matrix.columns])
    hi = np.array([bounds[c][1] if c in bounds else np.nan for c in matrix.columns])
    return lo, hi


class _WSM:
    """Weighted sum of value functions (:func:`potential.mcda.simple.wsm`)."""

    def __init__(self, matrix, objectives, sign, params, uncertain):
        self.sign = sign
        if uncertain and (
            params.get("value_function", "minmax") != "minmax" or params.get("breakpoints")
        ):
            raise InputError(message("uncertainty.wsm_value_function"), "value_uncertainty")
        self.params = params
        self.bounds = _sample_bounds(matrix, params.get("bounds")) if uncertain else None

    def nominal(self, matrix, objectives):
        from potential.mcda.value import value_scores

        v = value_scores(
            matrix,
            objectives,
            self.params.get("bounds"),
            self.params.get("value_function", "minmax"),
            self.params.get("breakpoints"),
        )
        return _with_tolerance(self, np.ascontiguousarray(v.to_numpy().T))

    def prepare(self, x):
        if self.bounds is None:
            return (_minmax(x, self.sign),)
        return (_fixed_scale(x, self.sign, *self.bounds),)

    def score(self, prepared, w, ws=None):
        ws = _buffers(ws, len(w), prepared[0].shape[-1])
        return _wsum(w, prepared[0], ws.float(0, len(w)), ws.float(1, len(w)))


def _fixed_scale(x: np.ndarray, sign: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Value functions of sampled matrices on fixed bounds: ``(t, a, m)`` → ``(t, m, a)``.

    Each sampled value is clipped to its criterion's ``(lo, hi)`` and mapped linearly,
    :math:`(x - l)/(h - l)` for max criteria and :math:`(h - x)/(h - l)` for min criteria, as
    :func:`potential.mcda.value.value_scores` with ``bounds`` does for a matrix inside them.
    Criteria without bounds (NaN) keep the sample's own min-max value function.
    """
    out = _minmax(x, sign)
    given = ~np.isnan(lo)
    if given.any():
        xt = x.transpose(0, 2, 1)[:, given, :]
        low, high, s = lo[given][None, :, None], hi[given][None, :, None], sign[given]
        clipped = np.clip(xt, low, high)
        span = high - low
        v = np.where(s[None, :, None] > 0, clipped - low, high - clipped)
        out[:, given, :] = np.divide(v, span, out=np.zeros_like(v), where=span > 0)
    return out


class _WPM:
    r"""Weighted product :math:`\prod_j v_{ij}^{w_j}`, ranked by :math:`\sum_j w_j \ln v_{ij}`.

    With ``bounds`` (and a ``value_floor``) the value function runs over the fixed bounds
    instead of each matrix' range, as in :func:`potential.mcda.simple.wpm`.
    """

    def __init__(self, matrix, objectives, sign, params, uncertain):
        self.sign = sign
        self.floor = params.get("value_floor", WPM_VALUE_FLOOR)
        number = isinstance(self.floor, int | float | np.floating) and not isinstance(
            self.floor, bool
        )
        if self.floor is not None and not (number and 0 < self.floor < 1):
            raise InputError(message("mcda.open_unit", value=self.floor), "value_floor")
        if params.get("bounds") is not None and self.floor is None:
            raise InputError(message("mcda.bounds_without_floor"), "bounds")
        self.params = params
        self.bounds = _sample_bounds(matrix, params.get("bounds")) if uncertain else None

    def nominal(self, matrix, objectives):
        from potential.mcda._base import require_positive
        from potential.mcda.simple import floor_values

        if self.floor is None:
            x = require_positive(matrix, "the weighted product")
            return _with_tolerance(self, np.ascontiguousarray((self.sign * np.log(x)).T))
        v, _ = floor_values(matrix, objectives, self.floor, self.params.get("bounds"))
        return _with_tolerance(self, np.ascontiguousarray(np.log(v.to_numpy()).T))

    def prepare(self, x):
        if self.floor is None:
            logs = np.log(x.transpose(0, 2, 1))
            logs *= self.sign[None, :, None]
            return (np.ascontiguousarray(logs),)
        if self.bounds is None:
            v = _minmax(x, self.sign)
        else:
            v = _fixed_scale(x, self.sign, *self.bounds)
        v *= 1 - self.floor
        v += self.floor
        return (np.log(v, out=v),)

    def score(self, prepared, w, ws=None):
        ws = _buffers(ws, len(w), prepared[0].shape[-1])
        return _wsum(w, prepared[0], ws.float(0, len(w)), ws.float(1, len(w)))


class _TOPSIS:
    r"""TOPSIS closeness :math:`d^- / (d^+ + d^-)` (:func:`potential.mcda.topsis.topsis`).

    With normalised values :math:`n_{ij}` and ideal (anti-ideal) :math:`n^{+}_j`
    (:math:`n^{-}_j`): :math:`(d^{\pm}_i)^2 = \sum_j w_j^2 (n_{ij} - n^{\pm}_j)^2`, a
    weighted sum with weights :math:`w_j^2` (the weighted ideal is :math:`w_j n^{+}_j` as
    :math:`w_j \ge 0`). Both distances zero (no weighted column varies): 0.5.
    """

    def __init__(self, matrix, objectives, sign, params, uncertain):
        self.sign = sign
        self.normalization = params.get("normalization", "vector")
        if self.normalization not in ("vector", "minmax"):
            raise InputError(
                message("mcda.one_of", value=self.normalization, choices="vector, minmax"),
                "normalization",
            )
        if params.get("metric", "euclidean") != "euclidean":
            raise InputError(
                message("uncertainty.topsis_metric", metric=params["metric"]), "metric"
            )

    def _distances(self, x):
        # x: (..., m, a)
        if self.normalization == "vector":
            norm = np.sqrt(np.sum(x * x, axis=-1, keepdims=True))
            n = x / np.where(norm > 0, norm, np.inf)
        else:
            lo = x.min(axis=-1, keepdims=True)
            span = x.max(axis=-1, keepdims=True) - lo
            n = (x - lo) / np.where(span > 0, span, np.inf)
        hi = n.max(axis=-1, keepdims=True)
        lo = n.min(axis=-1, keepdims=True)
        s = self.sign.reshape((-1, 1))
        ideal, anti = np.where(s > 0, hi, lo), np.where(s > 0, lo, hi)
        p = n - ideal
        q = n - anti
        return (np.square(p, out=p), np.square(q, out=q))

    def nominal(self, matrix, objectives):
        return self._distances(np.ascontiguousarray(matrix.to_numpy(dtype=float).T))

    def prepare(self, x):
        return self._distances(np.ascontiguousarray(x.transpose(0, 2, 1)))

    def score(self, prepared, w, ws=None):
        t = len(w)
        ws = _buffers(ws, t, prepared[0].shape[-1])
        w2 = w * w
        dp = np.sqrt(_wsum(w2, prepared[0], ws.float(0, t), ws.float(2, t)), out=ws.float(0, t))
        dm = np.sqrt(_wsum(w2, prepared[1], ws.float(1, t), ws.float(2, t)), out=ws.float(1, t))
        total = np.add(dp, dm, out=ws.float(2, t))
        out = np.divide(dm, total, out=dp, where=total > 0)
        out[total == 0] = 0.5
        return out


_KERNELS = {"wsm": _WSM, "wpm": _WPM, "topsis": _TOPSIS}


def _check_matrix(matrix, objectives):
    if not isinstance(matrix, pd.DataFrame):
        raise InputError(message("mcda.not_frame", got=type(matrix).__name__), "matrix")
    return check_inputs(matrix, objectives, np.ones(matrix.shape[1]))


def _kernel(matrix, objectives, method, params, uncertain):
    if method not in METHODS:
        raise InputError(
            message("uncertainty.smaa_method", method=method, methods=", ".join(METHODS)),
            "method",
        )
    unknown = sorted(set(params) - set(METHODS[method]))
    if unknown:
        raise InputError(
            message(
                "mcda.unknown_params",
                method=method,
                unknown=", ".join(map(repr, unknown)),
                known=", ".join(METHODS[method]),
            )
        )
    _, _, _, sign = _check_matrix(matrix, objectives)
    return _KERNELS[method](matrix, list(objectives), sign, params, uncertain)


def _needs_positive(kernel) -> bool:
    return isinstance(kernel, _WPM) and kernel.floor is None


def sample_scores(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: np.ndarray,
    *,
    method: str = "wsm",
    values: np.ndarray | None = None,
    **params,
) -> np.ndarray:
    """Scores of every sample, as :func:`smaa` computes them.

    Parameters
    ----------
    matrix, objectives, method, **params
        As for :func:`smaa`.
    weights : numpy.ndarray
        ``(n, m)`` weight samples (e.g. from
        :func:`~potential.uncertainty.sampling.sample_weights`), rows summing to 1.
    values : numpy.ndarray, optional
        ``(n, a, m)`` sampled matrices (:func:`~potential.uncertainty.sampling.
        sample_values`); without it every sample uses ``matrix``.

    Returns
    -------
    numpy.ndarray
        ``(n, a)`` scores, higher is better. ``wsm`` and ``topsis`` give the score of
        :func:`potential.mcda.rank`; ``wpm`` gives its natural logarithm
        :math:`\\sum_j w_j \\ln v_{ij}`.
    """
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    if w.ndim != 2 or w.shape[1] != matrix.shape[1]:
        raise InputError(
            message("uncertainty.weights_shape", m=matrix.shape[1], shape=w.shape), "weights"
        )
    if method == "wpm":
        params = {"value_floor": WPM_VALUE_FLOOR, **params}
    kernel = _kernel(matrix, objectives, method, params, values is not None)
    if values is None:
        return kernel.score(kernel.nominal(matrix, list(objectives)), w)
    x = np.asarray(values, dtype=float)
    if x.shape != (len(w), *matrix.shape):
        raise InputError(
            message("uncertainty.values_shape", expected=(len(w), *matrix.shape), shape=x.shape),
            "values",
        )
    if not np.all(np.isfinite(x)) or (_needs_positive(kernel) and np.any(x <= 0)):
        raise InputError(message("uncertainty.values_finite"), "values")
    return kernel.score(kernel.prepare(x), w)


# ---------------------------------------------------------------------------------------------
# Ranking
# ---------------------------------------------------------------------------------------------


def _order(s: np.ndarray, ws: _Buffers | None = None, tol=None, exact=None) -> np.ndarray:
    """The alternative at each position of every row, by descending score (ties: row order).

    ``s`` (``(t, a)``, finite) has its negative zeros made positive in place. Returns
    ``(t, a)`` int64 (a view of ``ws.keys`` when work buffers are given).

    With ``tol``, ``s`` holds approximations of the exact scores, each within ``tol / 2``;
    a row whose sorted approximations do not all differ by more than ``tol`` (plus the
    rounding of the keys) is ranked by its exact scores, ``exact(rows)``. Every other row's
    order is the order of its exact scores.
    """
    t, a = s.shape
    if a == 1:
        return np.zeros((t, 1), dtype=np.int64)
    bits = (a - 1).bit_length()
    low = np.int64((1 << bits) - 1)
    np.add(s, 0.0, out=s)  # -0.0 → +0.0: equal scores get equal bits
    b = s.view(np.int64)
    ws = _buffers(ws, t, a)
    keys = ws.keys[:t]
    negative = s.min() < 0
    if negative:  # bits → signed integers in the order of the floats
        np.right_shift(b, 63, out=keys)
        keys &= _MAXPOS
        keys ^= b
        keys |= low
    else:
        np.bitwise_or(b, low, out=keys)
    # ~(k | low) | i == (k | low) ^ ~i: descending score, then ascending position i
    keys ^= ~np.arange(a, dtype=np.int64)
    keys.sort(axis=1)
    if tol is not None:
        # the sorted scores, rounded up to their key's bucket (< 2**bits units in the last
        # place, so each within 2**(bits - 52) * max|s| of the score)
        rebuilt = ws.float(1, t).view(np.int64)
        np.invert(keys, out=rebuilt)
        rebuilt |= low
        if negative:
            flip = ws.float(2, t).view(np.int64)
            np.right_shift(rebuilt, 63, out=flip)
            flip &= _MAXPOS
            rebuilt ^= flip
        values = rebuilt.view(np.float64)
        gaps = np.subtract(values[:, :-1], values[:, 1:], out=ws.float(2, t)[:, : a - 1])
        margin = tol + 2.0 ** (bits - 51) * float(np.abs(values).max())
        keys &= low
        rows = np.flatnonzero(gaps.min(axis=1) <= margin)  # also catches misordered keys
        if rows.size:
            keys[rows] = np.argsort(-exact(rows), axis=1, kind="stable")
        return keys
    gaps = np.subtract(keys[:, 1:], keys[:, :-1], out=ws.gaps[:t])
    near = gaps.min(axis=1) <= low  # two keys share their score bits (or nearly)
    keys &= low
    if near.any():
        rows = np.flatnonzero(near)
        sc = np.take_along_axis(s[rows], keys[rows], axis=1)
        inexact = np.any((gaps[rows] <= low) & (sc[:, 1:] != sc[:, :-1]), axis=1)
        bad = rows[inexact]
        if bad.size:
            keys[bad] = np.argsort(-s[bad], axis=1, kind="stable")
    return keys


def sample_ranks(scores: np.ndarray) -> np.ndarray:
    """Ranks 1..a in every row of ``scores`` (``(n, a)``), as :func:`smaa` ranks samples.

    Descending score; exactly equal scores keep the column order (the earlier alternative
    gets the better rank).
    """
    s = np.array(scores, dtype=float, ndmin=2)
    if not np.all(np.isfinite(s)):
        raise InputError(message("uncertainty.scores_finite"), "scores")
    order = _order(s)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, s.shape[1] + 1)[None, :], axis=1)
    return ranks


def _pairwise(order: np.ndarray) -> np.ndarray:
    """Flat ``(a * a)`` counts of samples in which row beats column."""
    t, a = order.shape
    pos = np.empty_like(order)
    np.put_along_axis(pos, order, np.arange(a)[None, :], axis=1)
    wins = np.zeros(a * a, dtype=np.int64)
    step = max(1, min(255, 2**22 // (a * a)))
    for r in range(0, t, step):
        p = pos[r : r + step]
        wins += np.less(p[:, :, None], p[:, None, :]).sum(axis=0, dtype=np.uint8).ravel()
    return wins


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


class _Run:
    """One SMAA run: sampling, scoring, counting (see :func:`smaa`)."""

    def __init__(self, kernel, nominal, uncertainty, spec, root, n, a, m, pairwise, workers):
        self.kernel, self.nominal, self.uncertainty = kernel, nominal, uncertainty
        self.root, self.n, self.a, self.m = root, n, a, m
        self.pairwise, self.workers = pairwise, workers
        self.weights = prandom.BlockStream(root, spec.sample)
        per_sample = a * m if uncertainty is not None else a
        self.tile = max(1, TILE_ELEMENTS // per_sample)
        self.offsets = (np.arange(a, dtype=np.int64) * a)[None, :]
        self._ws: dict[int, _Buffers] = {}
        self.part_rows = 0

    def _values(self, start, stop):
        if self.uncertainty is None:
            return self.nominal
        return self.kernel.prepare(self.uncertainty.sample(self.root, start, stop))

    def _buffers(self, k: int, rows: int) -> _Buffers:
        """Work arrays of part ``k``, kept for the run (and given back by :meth:`close`)."""
        ws = self._ws.get(k)
        if ws is None or ws.rows < rows:
            # rank-count indices are counted when full: at least 4·a² entries per count
            index_rows = max(rows, min(self.part_rows, 4 * self.a))
            ws = self._ws[k] = _SPARE.take(rows, self.a, index_rows)
        return ws

    def close(self) -> None:
        _SPARE.give(self._ws.values())
        self._ws = {}

    def _ranked(self, w, ws):
        """The order of alternatives in each sample of a tile with weights ``w``."""
        if self.uncertainty is None and getattr(self.kernel, "tol", None) is not None:
            # a BLAS product, certified against the exact criterion-by-criterion sums
            x = self.nominal[0]
            s = ws.float(0, len(w))
            # blocks small enough for OpenBLAS to stay on one thread (m·n·k <= 4·65536): its
            # threads would only compete with ours
            step = max(1, _BLAS_ONE_THREAD // x.size)
            for r in range(0, len(w), step):
                np.matmul(w[r : r + step], x, out=s[r : r + step])
            return _order(
                s, ws, self.kernel.tol, lambda rows: self.kernel.score(self.nominal, w[rows])
            )
        return _order(self.kernel.score(self.nominal, w, ws), ws)

    def _rank_part(self, k, start, w, lo, hi):
        """Samples ``start + lo`` to ``start + hi - 1`` of a chunk with weights ``w``."""
        a = self.a
        counts = np.zeros(a * a, dtype=np.int64)
        first = np.empty(hi - lo, dtype=np.int64)
        wins = np.zeros(a * a, dtype=np.int64) if self.pairwise else None
        ws = self._buffers(k, min(self.tile, hi - lo))
        index, filled = ws.index, 0
        for t0 in range(lo, hi, self.tile):
            t1 = min(t0 + self.tile, hi)
            if self.uncertainty is None:
                order = self._ranked(w[t0:t1], ws)
            else:
                values = self._values(start + t0, start + t1)
                order = _order(self.kernel.score(values, w[t0:t1], ws), ws)
            first[t0 - lo : t1 - lo] = order[:, 0]
            if wins is not None:
                wins += _pairwise(order)
            if filled + (t1 - t0) > len(index):
                counts += np.bincount(index[:filled].ravel(), minlength=a * a)
                filled = 0
            np.add(order, self.offsets, out=index[filled : filled + t1 - t0])
            filled += t1 - t0
        counts += np.bincount(index[:filled].ravel(), minlength=a * a)
        return counts, first, wins

    def _parts(self, c):
        """Split ``c`` samples into one tile-aligned part per worker."""
        per = -(-c // self.workers)
        per = -(-per // self.tile) * self.tile
        return [(lo, min(lo + per, c)) for lo in range(0, c, per)]

    def _map(self, pool, func, jobs):
        if pool is None or len(jobs) == 1:
            return [func(*job) for job in jobs]
        return list(pool.map(lambda job: func(*job), jobs))

    def rank(self, chunk, pool):
        a, m, n = self.a, self.m, self.n
        self.part_rows = max(hi - lo for lo, hi in self._parts(chunk))
        counts = np.zeros(a * a, dtype=np.int64)
        wins = np.zeros(a * a, dtype=np.int64) if self.pairwise else None
        central = np.zeros((a, m))
        pending: list[tuple[np.ndarray, np.ndarray]] = []
        for start in range(0, n, chunk):
            stop = min(start + chunk, n)
            w = self.weights.take(start, stop)
            parts = self._parts(stop - start)
            jobs = [(k, start, w, lo, hi) for k, (lo, hi) in enumerate(parts)]
            results = self._map(pool, self._rank_part, jobs)
            first = np.concatenate([r[1] for r in results])
            for part_counts, _, part_wins in results:
                counts += part_counts
                if wins is not None:
                    wins += part_wins
            # central weights: summed per fixed block in sample order, then block by block
            for b, lo, hi in prandom.blocks(start, stop):
                off = b * prandom.BLOCK + lo - start
                pending.append((first[off : off + hi - lo], w[off : off + hi - lo]))
                if hi == prandom.BLOCK or b * prandom.BLOCK + hi == n:
                    f = np.concatenate([p[0] for p in pending])
                    ws = np.concatenate([p[1] for p in pending])
                    for j in range(m):
                        central[:, j] += np.bincount(f, weights=ws[:, j], minlength=a)
                    pending = []
        return counts.reshape(a, a).T, central, wins

    def _confidence_part(self, k, start, stop, central, who):
        hits = np.zeros(len(who), dtype=np.int64)
        ws = self._buffers(k, min(self.tile, stop - start))
        for t0 in range(start, stop, self.tile):
            t1 = min(t0 + self.tile, stop)
            prepared = self._values(t0, t1)
            for h, i in enumerate(who):
                w = np.broadcast_to(central[i], (t1 - t0, self.m))
                s = self.kernel.score(prepared, w, ws)
                # argmax takes the first of equal maxima: the tie rule
                hits[h] += int(np.count_nonzero(np.argmax(s, axis=1) == i))
        return hits

    def confidence(self, central, first_counts, chunk, pool):
        who = np.flatnonzero(first_counts > 0)
        out = np.zeros(self.a)
        if who.size == 0:
            return out
        if self.uncertainty is None:
            for i in who:
                s = self.kernel.score(self.nominal, central[i][None, :])
                out[i] = float(np.argmax(s[0]) == i)
            return out
        hits = np.zeros(len(who), dtype=np.int64)
        for start in range(0, self.n, chunk):
            stop = min(start + chunk, self.n)
            jobs = [
                (k, start + lo, start + hi, central, who)
                for k, (lo, hi) in enumerate(self._parts(stop - start))
            ]
            for part in self._map(pool, self._confidence_part, jobs):
                hits += part
        out[who] = hits / self.n
        return out


def _centroid_metaweights(a: int) -> np.ndarray:
    inv = 1.0 / np.arange(1, a + 1)
    tail = np.cumsum(inv[::-1])[::-1]
    return tail / tail[0]


def smaa(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    *,
    weights=None,
    value_uncertainty: Mapping | None = None,
    method: str = "wsm",
    n: int = 10_000,
    seed: int | np.random.Generator | None = None,
    chunk_size: int | None = None,
    pairwise: bool = True,
    workers: int | None = None,
    **params,
) -> SMAAResult:
    r"""Stochastic Multicriteria Acceptability Analysis (SMAA-2).

    For samples :math:`s = 1..n` of weights :math:`w_s` (and of the input values
    :math:`\xi_s`, if uncertain) the alternatives are ranked by ``method``. With
    :math:`r_s(i)` the rank of alternative :math:`i` in sample :math:`s`:

    .. math::
        b_i^r = \frac{1}{n} \sum_s [r_s(i) = r], \qquad
        w_i^c = \frac{\sum_s [r_s(i) = 1]\, w_s}{\sum_s [r_s(i) = 1]}, \qquad
        c_{ik} = \frac{1}{n} \sum_s [r_s(i) < r_s(k)],

    the rank acceptabilities, central weights and pairwise winning shares, and the
    confidence factor :math:`p_i^c = \frac{1}{n} \sum_s [r(i; \xi_s, w_i^c) = 1]`.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns), finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    weights : optional
        Weight specification (:func:`~potential.uncertainty.sampling.weight_spec`): None
        (uniform on the simplex), a mapping criterion → (low, high) (intervals), a list of
        criteria most important first (ordinal), a
        :class:`~potential.criteria.CriteriaModel` (hierarchical), or fixed numbers.
    value_uncertainty : mapping, optional
        Criterion or (alternative, criterion) → :class:`~potential.uncertainty.sampling.
        Uniform`, ``Triangular`` or ``Normal`` (see :mod:`potential.uncertainty.sampling`).
    method : {"wsm", "wpm", "topsis"}
        Ranking method, as in :func:`potential.mcda.rank`: ``wsm`` (parameters
        ``value_function``, ``bounds``, ``breakpoints``; with value uncertainty the min-max
        value function of each sampled matrix, or with ``bounds`` the fixed scales, each
        sampled value clipped to them), ``wpm`` (``value_floor``, default
        0.1 as in the analysis; None for raw positive data; ``bounds`` with a
        ``value_floor``, as for ``wsm``), ``topsis``
        (``normalization`` "vector" or "minmax"; ``metric`` "euclidean" only).
    n : int
        Number of samples.
    seed : int, numpy.random.Generator or None
        Seed (:mod:`potential.random`); the result records ``seed_used``.
    chunk_size : int, optional
        Samples per chunk; by default about 32 MB per chunk array
        (:data:`CHUNK_ELEMENTS`). Results do not depend on it.
    pairwise : bool
        Count pairwise winning shares (costs :math:`a^2` per sample; large runs pass False,
        and ``pairwise_winning`` is then None).
    workers : int, optional
        Threads (default: the number of CPUs, at most 4). Results do not depend on it.
    **params
        Method parameters.

    Returns
    -------
    SMAAResult

    Raises
    ------
    InputError
        On a bad matrix, objectives, method, parameter, weight or value specification,
        ``n`` outside 1 … :data:`~potential.uncertainty.sampling.MAX_DRAWS`,
        ``chunk_size < 1`` or ``workers < 1``.

    Notes
    -----
    Ties: exactly equal scores keep the row order (see the module notes). Memory is
    bounded by the chunk size, not by ``n``.

    References
    ----------
    Lahdelma, R., Hokkanen, J., Salminen, P. (1998). SMAA – Stochastic multiobjective
    acceptability analysis. *European Journal of Operational Research* 106(1), 137–143.
    Lahdelma, R., Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
    analysis for group decision making. *Operations Research* 49(3), 444–454.
    Tervonen, T., Figueira, J. R. (2008). A survey on stochastic multicriteria acceptability
    analysis methods. *Journal of Multi-Criteria Decision Analysis* 15(1–2), 1–14.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"x": [1.0, 0.0], "y": [0.0, 1.0]}, index=["a", "b"])
    >>> r = smaa(m, ["max", "max"], n=1000, seed=1)
    >>> r.rank_acceptability.sum(axis=1).tolist()
    [1.0, 1.0]
    """
    n = _check_n(n)
    if chunk_size is not None and (
        isinstance(chunk_size, bool) or not isinstance(chunk_size, int | np.integer)
    ):
        raise InputError(
            message("uncertainty.int_at_least", least=1, value=chunk_size), "chunk_size"
        )
    if chunk_size is not None and chunk_size < 1:
        raise InputError(
            message("uncertainty.int_at_least", least=1, value=chunk_size), "chunk_size"
        )
    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    if isinstance(workers, bool) or not isinstance(workers, int | np.integer) or workers < 1:
        raise InputError(message("uncertainty.int_at_least", least=1, value=workers), "workers")
    _check_matrix(matrix, objectives)
    a, m = matrix.shape
    spec = weight_spec(weights, list(matrix.columns))
    uncertainty: ValueUncertainty | None = value_spec(value_uncertainty, matrix)
    if method == "wpm":
        params = {"value_floor": WPM_VALUE_FLOOR, **params}
    kernel = _kernel(matrix, objectives, method, params, uncertainty is not None)
    if uncertainty is not None and _needs_positive(kernel):
        bad = uncertainty.min_support <= 0
        if bad.any():
            i, j = np.argwhere(bad)[0]
            raise InputError(
                message(
                    "uncertainty.values_not_positive",
                    alternative=matrix.index[i],
                    criterion=matrix.columns[j],
                    low=uncertainty.min_support[i, j],
                ),
                "value_uncertainty",
            )
    nominal = kernel.nominal(matrix, list(objectives)) if uncertainty is None else None
    root = prandom.entropy(seed)
    run = _Run(kernel, nominal, uncertainty, spec, root, n, a, m, bool(pairwise), int(workers))
    if chunk_size is None:
        per_sample = max(a, m)
        chunk = max(run.tile, CHUNK_ELEMENTS // per_sample // run.tile * run.tile)
    else:
        chunk = int(chunk_size)
    chunk = min(chunk, n)
    pool = ThreadPoolExecutor(workers) if workers > 1 else None
    try:
        counts, central_sum, wins = run.rank(chunk, pool)
        first = counts[:, 0]
        central = np.zeros((a, m))
        ranked_first = first > 0
        central[ranked_first] = central_sum[ranked_first] / first[ranked_first, None]
        confidence = run.confidence(central, first, chunk, pool)
    finally:
        if pool is not None:
            pool.shutdown()
        run.close()
    alternatives = matrix.index
    ranks = pd.RangeIndex(1, a + 1, name="rank")
    acceptability = pd.DataFrame(counts / n, index=alternatives, columns=ranks)
    pairwise_winning = None
    if wins is not None:
        pairwise_winning = pd.DataFrame(
            wins.reshape(a, a) / n, index=alternatives, columns=alternatives.copy()
        )
    return SMAAResult(
        rank_acceptability=acceptability,
        central_weights=pd.DataFrame(central, index=alternatives, columns=matrix.columns),
        confidence=pd.Series(confidence, index=alternatives, name="confidence"),
        pairwise_winning=pairwise_winning,
        acceptability_index=pd.Series(
            acceptability.to_numpy() @ _centroid_metaweights(a),
            index=alternatives,
            name="acceptability_index",
        ),
        n=n,
        seed_used=root,
        method=method,
        weights=spec,
    )
