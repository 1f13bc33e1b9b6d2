r"""Objective weights from the data: scikit-criteria's entropy and CRITIC weighters.

Thin wrappers used by :mod:`potential.weights`, which checks the inputs, documents the
conventions and handles constant columns; here scikit-criteria is only called and its result
turned into a pandas Series indexed by criterion.

What scikit-criteria 0.10 computes (``skcriteria/preprocessing/weighters.py``):

* ``EntropyWeighter`` → ``entropy_weights(matrix)``: ``scipy.stats.entropy(matrix,
  base=m, axis=0)`` with ``m`` the number of alternatives. scipy divides each column by its
  sum first, so :math:`p_{ij} = x_{ij} / \sum_i x_{ij}` and
  :math:`E_j = -\sum_i p_{ij} \ln p_{ij} / \ln m` (with :math:`0 \ln 0 = 0`); the weights
  are :math:`(1 - E_j) / \sum_k (1 - E_k)`. The objectives are not used and the raw values
  are not normalised otherwise.
* ``CRITIC`` → ``critic_weights(matrix, objectives)``: each column is scaled by
  ``matrix_scale_by_cenit_distance`` to :math:`(x - x^{worst}) / (x^{best} - x^{worst})`
  (best = maximum for ``max`` columns, minimum for ``min`` columns), then
  :math:`C_j = \sigma_j \sum_k (1 - r_{jk})` with the population standard deviation
  (``numpy.std``, ``ddof=0``) and Pearson's :math:`r` (``pandas.DataFrame.corr``), and
  :math:`w_j = C_j / \sum_k C_k`. It warns (``UserWarning``) whenever an objective is
  ``min``; the scaling above is exactly the paper's eq. (2) for cost criteria, so the
  warning is silenced here.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from potential.mcda._base import decision_matrix

_CRITIC_MIN_WARNING = "Although CRITIC can operate with minimization objectives"


def _as_series(weights, columns) -> pd.Series:
    values = np.asarray(weights, dtype=float)
    return pd.Series(values, index=pd.Index(columns, name="criterion"), name="weight")


def entropy_weights(matrix: pd.DataFrame) -> pd.Series:
    """scikit-criteria ``EntropyWeighter`` on a checked matrix (values ≥ 0, columns vary).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite and non-negative, every column with a positive sum.

    Returns
    -------
    pandas.Series
        One weight per column (``name="weight"``), summing to 1.
    """
    from skcriteria.preprocessing.weighters import EntropyWeighter

    n = matrix.shape[1]
    dm = decision_matrix(
        matrix.to_numpy(dtype=float), ["max"] * n, np.ones(n), matrix.index, matrix.columns
    )
    out = EntropyWeighter().transform(dm).weights
    return _as_series(out.to_numpy(), matrix.columns)


def critic_weights(matrix: pd.DataFrame, objectives: Sequence[str]) -> pd.Series:
    """scikit-criteria ``CRITIC`` (Pearson correlation, scaled) on a checked matrix.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite, every column varying.
    objectives : sequence of {"max", "min"}
        One per column.

    Returns
    -------
    pandas.Series
        One weight per column (``name="weight"``), summing to 1.
    """
    from skcriteria.preprocessing.weighters import CRITIC

    n = matrix.shape[1]
    dm = decision_matrix(
        matrix.to_numpy(dtype=float), list(objectives), np.ones(n), matrix.index, matrix.columns
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_CRITIC_MIN_WARNING, category=UserWarning)
        out = CRITIC(correlation="pearson", scale=True).transform(dm).weights
    return _as_series(out.to_numpy(), matrix.columns)
