"""Ranking alternatives by multi-criteria methods, with explicit conventions.

This package is the only place that touches scikit-criteria; everything it returns is a
plain pandas object. :func:`rank` checks its inputs, applies the method's normalisation, lets
scikit-criteria (or our own code, for PROMETHEE II) aggregate, and ranks the scores with one
documented tie rule. Each method's docstring states its normalisation, how cost criteria are
handled, and its source.

Conventions shared by all methods
---------------------------------
* **Weights** must be finite and non-negative with a positive sum; they are divided by their
  sum before use.
* **Objectives** are ``"max"`` (more is better) or ``"min"`` (less is better).
* **Score**: higher is better for every method (VIKOR reports ``1 - Q``).
* **Ranks** run 1..n with 1 the best (highest score). Scores equal to 12 significant digits
  count as a tie, and tied alternatives keep the order of the matrix rows (the earlier row
  gets the better rank), so a ranking is complete and reproducible.
* A **constant criterion** (the same value for every alternative) cannot tell alternatives
  apart. It adds the same amount to every ``wsm`` score (0 under min-max), multiplies every
  ``wpm``/``waspas`` score by the same factor, is left out of ``topsis`` and adds nothing to
  ``promethee2`` flows or ``vikor``'s S and R, so ranks do not change. Under ``electre1`` it
  counts as agreement for every pair, raising every concordance index by its weight, which
  can change which alternatives pass the concordance threshold (Roy's definition).
* Missing or infinite values are an error, never a silent NaN.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Mapping, Sequence
from importlib import import_module

import pandas as pd

from potential.errors import InputError
from potential.mcda._base import check_inputs, ranks_from_scores
from potential.mcda.value import value_scores
from potential.messages import message

#: method name → (module in this package, function)
METHODS = {
    "wsm": ("simple", "wsm"),
    "wpm": ("simple", "wpm"),
    "waspas": ("waspas", "waspas"),
    "topsis": ("topsis", "topsis"),
    "vikor": ("vikor", "vikor"),
    "promethee2": ("promethee", "promethee2"),
    "electre1": ("electre", "electre1"),
}
_POSITIONAL = ("matrix", "objectives", "weights")

__all__ = ["METHODS", "check_method", "method_function", "rank", "value_scores"]


def method_function(method: str):
    """The function implementing a method (see :data:`METHODS`)."""
    if method not in METHODS:
        raise InputError(message("mcda.unknown_method", method=method, known=", ".join(METHODS)))
    module, name = METHODS[method]
    return getattr(import_module(f"potential.mcda.{module}"), name)


def check_method(method: str, params: Mapping | None = None) -> None:
    """Raise :class:`InputError` unless ``method`` exists and takes every key of ``params``."""
    func = method_function(method)
    allowed = [p for p in inspect.signature(func).parameters if p not in _POSITIONAL]
    unknown = sorted(set(params or {}) - set(allowed))
    if unknown:
        raise InputError(
            message(
                "mcda.unknown_params",
                method=method,
                unknown=", ".join(map(repr, unknown)),
                known=", ".join(allowed) or message("options.none"),
            )
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
    method : str
        One of :data:`METHODS`, with parameters: ``wsm`` (``value_function``, ``bounds``,
        ``breakpoints``), ``wpm`` (``value_floor``), ``waspas`` (``lambda_``,
        ``value_floor``), ``topsis`` (``normalization``, ``metric``), ``vikor`` (``v``),
        ``promethee2`` (``preference``, ``q``, ``p``, ``s``), ``electre1`` (``p``, ``q``).
        Each method's function documents its parameters and conventions; ``docs/methods.md``
        compares them; the package notes give the conventions all methods share.
    **params
        Method parameters.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``matrix``, with ``score`` (higher is better), ``rank`` (1 = best, 1..n
        without gaps) and the method's own quantities as further columns.

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
    matrix, _, w, _ = check_inputs(matrix, objectives, weights)
    func = method_function(method)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = func(matrix, list(objectives), w, **params)
    result = pd.DataFrame(out, index=matrix.index)
    result.insert(1, "rank", ranks_from_scores(result["score"].to_numpy()))
    return result
