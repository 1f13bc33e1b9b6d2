"""Additive and multiplicative aggregation: weighted sum (WSM) and weighted product (WPM)."""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.mcda._base import decision_matrix, require_positive
from potential.mcda.value import value_scores
from potential.messages import message


def wsm(matrix, objectives, weights, *, value_function="minmax", bounds=None, breakpoints=None):
    r"""Weighted sum of value functions (as scikit-criteria's ``WeightedSumModel``).

    **Normalisation:** :func:`~potential.mcda.value.value_scores`, by default the linear
    interval value function (min-max per column, or fixed ``bounds``); ``value_function``
    chooses ``ratio``, ``vector`` or ``sum`` instead, and ``breakpoints`` gives
    piecewise-linear value functions. **Cost criteria** enter through their value function
    (:math:`(h - x)/(h - l)` for min-max). **Score** :math:`\sum_j w_j v_{ij}`, in [0, 1]
    for min-max. **Ties:** the shared rule of :mod:`potential.mcda`.

    References
    ----------
    Keeney, R. L., Raiffa, H. (1976). *Decisions with Multiple Objectives*. Wiley, ch. 3.
    Fishburn, P. C. (1967). Additive utilities with incomplete product sets. *Operations
    Research* 15(3), 537–542.
    """
    v = value_scores(matrix, objectives, bounds, value_function, breakpoints)
    # scikit-criteria's WeightedSumModel computes np.inner(matrix, weights) on the same
    # values; done here directly, so that the default method needs no scikit-criteria
    # import or pipeline (tests/test_mcda_reference.py compares the two bit for bit)
    return {"score": np.inner(v.to_numpy(dtype=float), np.asarray(weights, dtype=float))}


def floor_values(matrix, objectives, value_floor, bounds=None):
    """Min-max value scores (over fixed ``bounds`` if given) mapped onto [floor, 1] (all
    criteria become ``max``)."""
    if not 0 < value_floor < 1:
        raise InputError(message("mcda.open_unit", value=value_floor), "value_floor")
    v = value_floor + (1 - value_floor) * value_scores(matrix, objectives, bounds)
    return v, ["max"] * v.shape[1]


def wpm(matrix, objectives, weights, *, value_floor=None, bounds=None):
    r"""Weighted product (scikit-criteria ``WeightedProductModel``).

    **Normalisation:** none; the raw values must be strictly positive ratio-scale numbers.
    A change of a column's unit multiplies every score by the same factor, so the ranking
    does not depend on units. With ``value_floor`` :math:`f` in
    (0, 1) every column is first mapped by the min-max value function onto
    :math:`f + (1 - f)\,v`, which admits zero and negative raw values; ``bounds`` (with
    ``value_floor`` only) fixes the value function's (low, high) per criterion instead of the
    column's range. **Cost criteria**
    enter as :math:`1/x` (scikit-criteria ``InvertMinimize``). **Score**
    :math:`\prod_j x_{ij}^{w_j}`; ``log10_score`` is its base-10 logarithm. **Ties:** the
    shared rule of :mod:`potential.mcda`.

    References
    ----------
    Bridgman, P. W. (1922). *Dimensional Analysis*. Yale University Press.
    Triantaphyllou, E. (2000). *Multi-Criteria Decision Making Methods: A Comparative
    Study*. Kluwer, ch. 2.
    """
    from skcriteria.agg.simple import WeightedProductModel
    from skcriteria.preprocessing.invert_objectives import InvertMinimize

    if bounds is not None and value_floor is None:
        raise InputError(message("mcda.bounds_without_floor"), "bounds")
    if value_floor is not None:
        v, objectives = floor_values(matrix, objectives, value_floor, bounds)
        values = v.to_numpy()
    else:
        values = require_positive(matrix, "the weighted product")
    dm = decision_matrix(values, objectives, weights, matrix.index, matrix.columns)
    result = WeightedProductModel().evaluate(InvertMinimize().transform(dm))
    log_score = np.asarray(result.e_.score, dtype=float)
    return {"score": 10.0**log_score, "log10_score": log_score}
