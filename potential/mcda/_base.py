"""Shared machinery of the ranking methods: input checks, the tie rule, scikit-criteria glue.

Every method is a function ``method(matrix, objectives, weights, **params) -> dict`` that
receives checked inputs (a DataFrame of finite numbers, a list of ``"max"``/``"min"`` and
weights that sum to 1) and returns arrays, one value per alternative: at least ``score``
(higher is better), plus the method's own quantities.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message

OBJECTIVES = ("max", "min")


def check_inputs(matrix, objectives, weights):
    """Validate a decision problem.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria.
    objectives : sequence of {"max", "min"}
        One per column.
    weights : sequence of float or mapping
        One non-negative weight per column (or criterion → weight).

    Returns
    -------
    matrix : pandas.DataFrame
        The matrix, unchanged.
    values : numpy.ndarray
        Its values as floats.
    weights : numpy.ndarray
        The weights divided by their sum.
    sign : numpy.ndarray
        +1 for ``max`` columns, −1 for ``min`` columns.

    Raises
    ------
    InputError
        On an empty matrix, repeated row labels, non-numeric, NaN or infinite values, a wrong
        number of objectives or weights, unknown objectives, negative, non-finite or all-zero
        weights.
    """
    if not isinstance(matrix, pd.DataFrame):
        raise InputError(message("mcda.not_frame", got=type(matrix).__name__), "matrix")
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise InputError(message("mcda.empty_matrix", shape=matrix.shape), "matrix")
    if not matrix.index.is_unique:
        dupes = matrix.index[matrix.index.duplicated()].unique().tolist()
        raise InputError(message("mcda.repeated_rows", dupes=dupes), "matrix")
    try:
        values = matrix.to_numpy(dtype=float)
    except (TypeError, ValueError):
        bad = [c for c in matrix.columns if not pd.api.types.is_numeric_dtype(matrix[c])]
        raise InputError(message("mcda.not_numeric", columns=bad), "matrix") from None
    bad = ~np.isfinite(values)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise InputError(
            message(
                "mcda.not_finite", row=matrix.index[i], col=matrix.columns[j], value=values[i, j]
            ),
            "matrix",
        )
    objectives = list(objectives)
    if len(objectives) != matrix.shape[1]:
        raise InputError(
            message("mcda.objectives_count", given=len(objectives), m=matrix.shape[1]),
            "objectives",
        )
    for col, obj in zip(matrix.columns, objectives, strict=True):
        if obj not in OBJECTIVES:
            raise InputError(message("mcda.bad_objective", col=col, value=obj), "objectives")
    if isinstance(weights, Mapping):
        missing = [c for c in matrix.columns if c not in weights]
        if missing:
            raise InputError(message("mcda.no_weight_for", missing=missing), "weights")
        extra = [c for c in weights if c not in matrix.columns]
        if extra:
            raise InputError(
                message("mcda.not_columns", criteria=extra, columns=list(matrix.columns)),
                "weights",
            )
        weights = [weights[c] for c in matrix.columns]
    w = np.asarray(weights, dtype=float).ravel()
    if w.size != matrix.shape[1]:
        raise InputError(message("mcda.weights_count", given=w.size, m=matrix.shape[1]), "weights")
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise InputError(message("mcda.weights_not_finite", weights=w.tolist()), "weights")
    if w.sum() <= 0:
        raise InputError(message("mcda.weights_all_zero"), "weights")
    sign = np.where(np.asarray(objectives) == "max", 1.0, -1.0)
    return matrix, values, w / w.sum(), sign


def ranks_from_scores(scores) -> np.ndarray:
    """Ranks 1..n, 1 for the highest score; ties keep the order of the rows.

    Scores equal to 12 significant digits (relative to the largest absolute score) count as
    tied; the earlier row gets the better rank, so a ranking is always complete and
    reproducible.
    """
    scores = np.asarray(scores, dtype=float)
    digits = 11 - int(np.floor(np.log10(np.abs(scores).max() or 1.0)))  # 12 significant
    key = np.round(scores, digits)
    order = np.lexsort((np.arange(len(scores)), -key))
    ranks = np.empty(len(scores), dtype=int)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def decision_matrix(values, objectives, weights, index, columns):
    """A scikit-criteria ``DecisionMatrix`` (used only inside :mod:`potential.mcda`)."""
    import skcriteria as skc

    return skc.mkdm(
        np.asarray(values, dtype=float),
        objectives=[max if o == "max" else min for o in objectives],
        weights=np.asarray(weights, dtype=float),
        alternatives=[str(i) for i in index],
        criteria=[str(c) for c in columns],
    )


def require_positive(matrix: pd.DataFrame, method: str) -> np.ndarray:
    """The matrix values, or an :class:`InputError` naming the first value ≤ 0."""
    values = matrix.to_numpy(dtype=float)
    if np.any(values <= 0):
        i, j = np.argwhere(values <= 0)[0]
        raise InputError(
            message(
                "mcda.not_positive",
                row=matrix.index[i],
                col=matrix.columns[j],
                value=values[i, j],
                method=method,
            ),
            "matrix",
        )
    return values
