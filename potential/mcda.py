"""Ranking alternatives with scikit-criteria, with explicit conventions.

This is the only module that touches scikit-criteria; everything it returns is a plain
pandas object. :func:`rank` checks its inputs, applies the method's normalisation, lets
scikit-criteria aggregate, and ranks the scores with one documented tie rule.

Conventions shared by all methods
---------------------------------
* **Weights** must be finite and non-negative with a positive sum; they are divided by their
  sum before use.
* **Objectives** are ``"max"`` (more is better) or ``"min"`` (less is better).
* **Ranks** run 1..n with 1 the best (highest score). Scores equal to 12 significant digits
  count as a tie, and tied alternatives keep the order of the matrix rows (the earlier row
  gets the better rank), so a ranking is complete and reproducible.
* A **constant criterion** (the same value for every alternative) cannot tell alternatives
  apart: its normalised value is 0 for all of them, so it adds nothing to a ``wsm`` score and
  is left out of ``topsis``; under ``wpm`` with a ``value_floor`` it multiplies every score by
  the same factor, so ranks do not change.
* Missing or infinite values are an error, never a silent NaN.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from potential.errors import InputError

OBJECTIVES = ("max", "min")


def _check(matrix, objectives, weights):
    if not isinstance(matrix, pd.DataFrame):
        raise InputError(f"matrix: expected a pandas DataFrame, got {type(matrix).__name__}")
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise InputError(f"matrix: expected at least one row and one column, got {matrix.shape}")
    if not matrix.index.is_unique:
        dupes = matrix.index[matrix.index.duplicated()].unique().tolist()
        raise InputError(f"matrix: row labels must be unique; repeated: {dupes}")
    try:
        values = matrix.to_numpy(dtype=float)
    except (TypeError, ValueError):
        bad = [c for c in matrix.columns if not pd.api.types.is_numeric_dtype(matrix[c])]
        raise InputError(f"matrix: column(s) {bad} are not numeric") from None
    bad = ~np.isfinite(values)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise InputError(
            f"matrix: row {matrix.index[i]!r}, column {matrix.columns[j]!r} is "
            f"{values[i, j]}; expected a finite number"
        )
    objectives = list(objectives)
    if len(objectives) != matrix.shape[1]:
        raise InputError(f"objectives: {len(objectives)} given for {matrix.shape[1]} criteria")
    for col, obj in zip(matrix.columns, objectives, strict=True):
        if obj not in OBJECTIVES:
            raise InputError(f"objectives: {col!r} has {obj!r}; expected 'max' or 'min'")
    if isinstance(weights, Mapping):
        missing = [c for c in matrix.columns if c not in weights]
        if missing:
            raise InputError(f"weights: no weight for criteria {missing}")
        weights = [weights[c] for c in matrix.columns]
    w = np.asarray(weights, dtype=float).ravel()
    if w.size != matrix.shape[1]:
        raise InputError(f"weights: {w.size} given for {matrix.shape[1]} criteria")
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise InputError(f"weights: expected finite non-negative numbers, got {w.tolist()}")
    if w.sum() <= 0:
        raise InputError("weights: all weights are zero; at least one must be positive")
    sign = np.where(np.asarray(objectives) == "max", 1.0, -1.0)
    return matrix, values, w / w.sum(), sign


def value_scores(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    bounds: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    r"""Linear value functions: every criterion mapped onto [0, 1], 1 = best.

    .. math::
        v_{ij} = \frac{x_{ij} - l_j}{h_j - l_j} \ (\text{max}), \qquad
        v_{ij} = \frac{h_j - x_{ij}}{h_j - l_j} \ (\text{min})

    with :math:`l_j, h_j` the column's minimum and maximum (or the given ``bounds``). A
    constant column (:math:`h_j = l_j`) gets value 0.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    bounds : mapping of str to (float, float), optional
        Fixed (low, high) per criterion instead of the column's range; the column's values
        must lie inside.

    Returns
    -------
    pandas.DataFrame
        Same shape and labels as ``matrix``.
    """
    _, values, _, sign = _check(matrix, objectives, np.ones(matrix.shape[1]))
    low, high = values.min(axis=0), values.max(axis=0)
    if bounds is not None:
        for j, col in enumerate(matrix.columns):
            if col in bounds:
                lo, hi = bounds[col]
                if lo > low[j] or hi < high[j]:
                    raise InputError(
                        f"bounds: {col!r} is ({lo}, {hi}) but the values span "
                        f"({low[j]}, {high[j]})"
                    )
                low[j], high[j] = lo, hi
    span = high - low
    safe = np.where(span > 0, span, 1.0)
    v = np.where(sign > 0, (values - low) / safe, (high - values) / safe)
    v = np.where(span > 0, v, 0.0)
    return pd.DataFrame(v, index=matrix.index, columns=matrix.columns)


def _ranks(scores: np.ndarray) -> np.ndarray:
    digits = 11 - int(np.floor(np.log10(np.abs(scores).max() or 1.0)))  # 12 significant
    key = np.round(scores, digits)
    order = np.lexsort((np.arange(len(scores)), -key))
    ranks = np.empty(len(scores), dtype=int)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def _decision_matrix(values, objectives, weights, index, columns):
    import skcriteria as skc

    return skc.mkdm(
        values,
        objectives=[max if o == "max" else min for o in objectives],
        weights=weights,
        alternatives=[str(i) for i in index],
        criteria=[str(c) for c in columns],
    )


def _wsm(matrix, objectives, weights, *, bounds=None):
    """Weighted sum of linear value functions (scikit-criteria ``WeightedSumModel``).

    Normalisation: :func:`value_scores` (min-max per column, or fixed ``bounds``), so cost
    criteria are turned into benefits by :math:`(h - x)/(h - l)`. Score = Σ w·v in [0, 1].
    Reference: Keeney & Raiffa (1976), *Decisions with Multiple Objectives*, ch. 3.
    """
    from skcriteria.agg.simple import WeightedSumModel

    v = value_scores(matrix, objectives, bounds)
    dm = _decision_matrix(v.to_numpy(), ["max"] * v.shape[1], weights, v.index, v.columns)
    result = WeightedSumModel().evaluate(dm)
    return {"score": np.asarray(result.e_.score, dtype=float)}


def _wpm(matrix, objectives, weights, *, value_floor=None):
    r"""Weighted product (scikit-criteria ``WeightedProductModel``).

    Without ``value_floor`` the raw values must be strictly positive (ratio scales); cost
    criteria enter as :math:`1/x` (scikit-criteria ``InvertMinimize``). With ``value_floor``
    ``f`` in (0, 1) every column is first mapped by :func:`value_scores` onto
    :math:`f + (1 - f)\,v`, which admits zero and negative raw values. Score
    :math:`= \prod_j x_j^{w_j}`; ``log10_score`` is its base-10 logarithm.
    Reference: Bridgman (1922); Triantaphyllou (2000), *MCDM Methods*, ch. 2.
    """
    from skcriteria.agg.simple import WeightedProductModel
    from skcriteria.preprocessing.invert_objectives import InvertMinimize

    if value_floor is not None:
        if not 0 < value_floor < 1:
            raise InputError(f"value_floor: expected a number in (0, 1), got {value_floor}")
        v = value_floor + (1 - value_floor) * value_scores(matrix, objectives)
        values, objectives = v.to_numpy(), ["max"] * v.shape[1]
    else:
        values = matrix.to_numpy(dtype=float)
        if np.any(values <= 0):
            i, j = np.argwhere(values <= 0)[0]
            raise InputError(
                f"matrix: row {matrix.index[i]!r}, column {matrix.columns[j]!r} is "
                f"{values[i, j]}; the weighted product needs values > 0 (or a value_floor)"
            )
    dm = _decision_matrix(values, objectives, weights, matrix.index, matrix.columns)
    result = WeightedProductModel().evaluate(InvertMinimize().transform(dm))
    log_score = np.asarray(result.e_.score, dtype=float)
    return {"score": 10.0**log_score, "log10_score": log_score}


def _topsis(matrix, objectives, weights, *, normalization="vector", metric="euclidean"):
    r"""TOPSIS (scikit-criteria ``TOPSIS``), closeness to the ideal point.

    Normalisation: ``"vector"`` (default; :math:`x / \lVert x \rVert_2` per column, Hwang &
    Yoon 1981) or ``"minmax"``. Cost criteria are handled inside TOPSIS: their ideal is the
    column minimum. Score = :math:`d^- / (d^+ + d^-)` in [0, 1]; if every alternative sits
    on both the ideal and the anti-ideal point (no criterion differs) the score is 0.5.
    Reference: Hwang & Yoon (1981), *Multiple Attribute Decision Making*, pp. 128–134.
    """
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.preprocessing.scalers import MinMaxScaler, VectorScaler

    scalers = {"vector": VectorScaler, "minmax": MinMaxScaler}
    if normalization not in scalers:
        raise InputError(f"normalization: {normalization!r}; expected one of {', '.join(scalers)}")
    values = matrix.to_numpy(dtype=float)
    varies = values.max(axis=0) > values.min(axis=0)
    if not varies.any():
        return {"score": np.full(len(matrix), 0.5)}
    keep = np.flatnonzero(varies)
    dm = _decision_matrix(
        values[:, keep],
        [objectives[j] for j in keep],
        weights[keep],
        matrix.index,
        matrix.columns[keep],
    )
    dm = scalers[normalization](target="matrix").transform(dm)
    result = TOPSIS(metric=metric).evaluate(dm)
    return {"score": np.asarray(result.e_.similarity, dtype=float)}


METHODS = {"wsm": _wsm, "wpm": _wpm, "topsis": _topsis}
_POSITIONAL = ("matrix", "objectives", "weights")


def check_method(method: str, params: Mapping | None = None) -> None:
    """Raise :class:`InputError` unless ``method`` exists and takes every key of ``params``."""
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    allowed = [p for p in inspect.signature(METHODS[method]).parameters if p not in _POSITIONAL]
    unknown = sorted(set(params or {}) - set(allowed))
    if unknown:
        raise InputError(
            f"method {method!r} has no parameter {', '.join(map(repr, unknown))}; "
            f"its parameters: {', '.join(allowed) or 'none'}"
        )


def rank(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights: Sequence[float] | Mapping[str, float],
    method: str = "wsm",
    **params,
) -> pd.DataFrame:
    """Score and rank alternatives by a multi-criteria method.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns), finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    weights : sequence of float or mapping
        One non-negative weight per column (or criterion → weight); divided by their sum.
    method : {"wsm", "wpm", "topsis"}
        ``wsm`` weighted sum of linear value functions (parameter ``bounds``), ``wpm``
        weighted product (parameter ``value_floor``), ``topsis`` (parameters
        ``normalization`` = ``"vector"`` | ``"minmax"``, ``metric``). See the module notes
        for the conventions every method shares.
    **params
        Method parameters as above.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``matrix``, with ``score`` (higher is better), ``rank`` (1 = best, 1..n
        without gaps) and the method's own quantities (``log10_score`` for wpm).

    Raises
    ------
    InputError
        On an unknown method or parameter, NaN or infinite values, a wrong number of
        objectives or weights, negative weights, or weights that are all zero.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"cost": [10.0, 20.0], "benefit": [1.0, 3.0]}, index=["a", "b"])
    >>> rank(m, ["min", "max"], [1, 2])["rank"].tolist()  # a: 1/3, b: 2/3
    [2, 1]
    """
    check_method(method, params)
    matrix, _, w, _ = _check(matrix, objectives, weights)
    objectives = list(objectives)
    func = METHODS[method]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = func(matrix, objectives, w, **params)
    result = pd.DataFrame(out, index=matrix.index)
    result.insert(1, "rank", _ranks(result["score"].to_numpy()))
    return result
