"""Value functions and normalisations: every criterion mapped onto a common scale.

``value_scores`` maps each criterion onto [0, 1] with 1 the best. The default is the linear
interval (min-max) value function; ``ratio``, ``vector`` and ``sum`` normalisations and
piecewise-linear value functions given by breakpoints are the alternatives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.mcda._base import check_inputs
from potential.messages import message

VALUE_FUNCTIONS = ("minmax", "ratio", "vector", "sum")


def value_scores(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    bounds: Mapping[str, tuple[float, float]] | None = None,
    value_function: str = "minmax",
    breakpoints: Mapping[str, Sequence[tuple[float, float]]] | None = None,
) -> pd.DataFrame:
    r"""Map every criterion onto [0, 1], 1 = best.

    ``minmax`` (default, linear interval value function):

    .. math::
        v_{ij} = \frac{x_{ij} - l_j}{h_j - l_j} \ (\text{max}), \qquad
        v_{ij} = \frac{h_j - x_{ij}}{h_j - l_j} \ (\text{min})

    with :math:`l_j, h_j` the column's minimum and maximum (or the given ``bounds``). A
    constant column (:math:`h_j = l_j`) gets value 0.

    ``ratio`` (linear ratio, needs values > 0): :math:`x/\max x` for max criteria,
    :math:`\min x / x` for min criteria. ``vector``: :math:`x / \lVert x \rVert_2` for max
    criteria and :math:`1 - x / \lVert x \rVert_2` for min criteria (values ≥ 0). ``sum``:
    :math:`x / \sum x` for max and :math:`(1/x) / \sum (1/x)` for min (needs values > 0).
    A zero column stays 0 under ``vector``.

    ``breakpoints`` gives a piecewise-linear value function per criterion as ``(x, v)``
    points with increasing ``x`` and ``v`` in [0, 1]; values outside the first and last
    point are an error. It overrides ``value_function`` and the objective for that criterion.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column.
    bounds : mapping of str to (float, float), optional
        ``minmax`` only: fixed (low, high) per criterion instead of the column's range; the
        column's values must lie inside.
    value_function : {"minmax", "ratio", "vector", "sum"}
        The normalisation for criteria without breakpoints.
    breakpoints : mapping of str to sequence of (float, float), optional
        Piecewise-linear value functions.

    Returns
    -------
    pandas.DataFrame
        Same shape and labels as ``matrix``.
    """
    _, values, _, sign = check_inputs(matrix, objectives, np.ones(matrix.shape[1]))
    if value_function not in VALUE_FUNCTIONS:
        raise InputError(
            message("mcda.one_of", value=value_function, choices=", ".join(VALUE_FUNCTIONS)),
            "value_function",
        )
    for name, given in (("bounds", bounds), ("breakpoints", breakpoints)):
        unknown = [c for c in (given or {}) if c not in matrix.columns]
        if unknown:
            raise InputError(
                message("mcda.not_columns", criteria=unknown, columns=list(matrix.columns)), name
            )
    if bounds and value_function != "minmax":
        raise InputError(
            message("mcda.bounds_not_minmax", value_function=value_function), "bounds"
        )
    out = np.empty_like(values)
    for j, col in enumerate(matrix.columns):
        x = values[:, j]
        if breakpoints is not None and col in breakpoints:
            out[:, j] = _piecewise(x, breakpoints[col], col)
        elif value_function == "minmax":
            lo, hi = x.min(), x.max()
            if bounds is not None and col in bounds:
                blo, bhi = bounds[col]
                if blo > lo or bhi < hi:
                    raise InputError(
                        message(
                            "mcda.bounds_too_narrow", col=col, low=blo, high=bhi, lo=lo, hi=hi
                        ),
                        "bounds",
                    )
                lo, hi = blo, bhi
            span = hi - lo
            out[:, j] = 0.0 if span <= 0 else ((x - lo) if sign[j] > 0 else (hi - x)) / span
        elif value_function == "vector":
            if np.any(x < 0):
                i = int(np.argmax(x < 0))
                raise InputError(
                    message("mcda.vector_negative", row=matrix.index[i], col=col, value=x[i]),
                    "matrix",
                )
            norm = np.sqrt(np.sum(x**2))
            r = x / norm if norm > 0 else np.zeros_like(x)
            out[:, j] = r if sign[j] > 0 else (1 - r if norm > 0 else r)
        else:
            if np.any(x <= 0):
                i = int(np.argmax(x <= 0))
                raise InputError(
                    message(
                        "mcda.normalisation_not_positive",
                        row=matrix.index[i],
                        col=col,
                        value=x[i],
                        name=value_function,
                    ),
                    "matrix",
                )
            if value_function == "ratio":
                out[:, j] = x / x.max() if sign[j] > 0 else x.min() / x
            else:
                y = x if sign[j] > 0 else 1 / x
                out[:, j] = y / y.sum()
    return pd.DataFrame(out, index=matrix.index, columns=matrix.columns)


def _piecewise(x, points, col):
    pts = np.asarray(points, dtype=float)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) < 2:
        raise InputError(message("mcda.breakpoints_too_few", col=col), "breakpoints")
    xs, vs = pts[:, 0], pts[:, 1]
    if np.any(np.diff(xs) <= 0):
        raise InputError(
            message("mcda.breakpoints_not_increasing", col=col, xs=xs.tolist()), "breakpoints"
        )
    if np.any((vs < 0) | (vs > 1)):
        raise InputError(
            message("mcda.breakpoints_values", col=col, vs=vs.tolist()), "breakpoints"
        )
    if x.min() < xs[0] or x.max() > xs[-1]:
        raise InputError(
            message(
                "mcda.breakpoints_cover",
                col=col,
                first=xs[0],
                last=xs[-1],
                lo=x.min(),
                hi=x.max(),
            ),
            "breakpoints",
        )
    return np.interp(x, xs, vs)
