r"""Criteria weights: elicited from people or derived from the data.

Every function is pure and returns a :class:`pandas.Series` of weights indexed by criterion
(``index.name == "criterion"``, ``name == "weight"``) that are non-negative and sum to 1 —
except :func:`ahp`, which returns an :class:`AHPResult` holding such a Series, and
:func:`value_tree_table`, a DataFrame for display.

Subjective (elicited) weights
    :func:`direct` (points or percentages), :func:`rank_order_centroid` and :func:`rank_sum`
    (from a ranking), :func:`swing` (swing weighting), :func:`ahp` (pairwise comparisons).
Objective (data-derived) weights
    :func:`entropy` and :func:`critic`, computed by scikit-criteria through
    :mod:`potential.mcda.objective_weights` (imported only when called).
The criteria model
    :func:`value_tree` and :func:`value_tree_table` (group share × criterion share).

Every bad input raises :class:`~potential.errors.InputError` naming the criterion or cell.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message

if TYPE_CHECKING:
    from potential.criteria import CriteriaModel

__all__ = [
    "SAATY_1980_RANDOM_INDEX",
    "AHPResult",
    "ahp",
    "critic",
    "direct",
    "entropy",
    "rank_order_centroid",
    "rank_sum",
    "swing",
    "value_tree",
    "value_tree_table",
]

#: Saaty's random consistency index RI(n) for n = 1..10: the mean consistency index of
#: randomly generated reciprocal matrices on the 1/9..9 scale (Saaty 1980).
SAATY_1980_RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}

#: Saaty's rule: judgements with a consistency ratio above 10 % should be revised.
CR_THRESHOLD = 0.1


def _series(values, names) -> pd.Series:
    """Weights as the module's Series (index ``criterion``, name ``weight``)."""
    index = pd.Index(list(names), name="criterion")
    return pd.Series(np.asarray(values, dtype=float), index=index, name="weight")


def _check_scores(scores, what: str) -> pd.Series:
    """A Mapping or Series of finite non-negative numbers with unique names, as floats."""
    if isinstance(scores, pd.Series):
        series = scores
    elif isinstance(scores, Mapping):
        series = pd.Series(dict(scores), dtype=object)
    else:
        raise InputError(message("weights.not_mapping", got=type(scores).__name__), what)
    if series.empty:
        raise InputError(message("weights.no_criteria"), what)
    if not series.index.is_unique:
        dupes = series.index[series.index.duplicated()].unique().tolist()
        raise InputError(message("weights.criteria_repeated", dupes=dupes), what)
    values = []
    for name, value in series.items():
        if isinstance(value, bool):
            raise InputError(message("weights.not_number", name=name, value=value), what)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError(message("weights.not_number", name=name, value=value), what) from None
        if not math.isfinite(number):
            raise InputError(message("weights.not_finite", name=name, value=number), what)
        if number < 0:
            raise InputError(message("weights.negative", name=name, value=number), what)
        values.append(number)
    return pd.Series(values, index=series.index, dtype=float)


def direct(weights: Mapping[str, float] | pd.Series) -> pd.Series:
    r"""Weights given directly (points, percentages, any scale), divided by their sum.

    .. math::
        w_j = \frac{s_j}{\sum_k s_k}

    Parameters
    ----------
    weights : mapping or pandas.Series
        Criterion → score :math:`s_j`: finite and ≥ 0, not all zero. A criterion with 0
        takes no part.

    Returns
    -------
    pandas.Series
        Weights indexed by criterion (in the given order), summing to 1.

    Raises
    ------
    InputError
        On no criteria, a repeated criterion, a value that is not a finite number ≥ 0, or
        all values zero.

    Examples
    --------
    >>> direct({"cost": 30, "quality": 50, "speed": 20}).tolist()
    [0.3, 0.5, 0.2]
    """
    scores = _check_scores(weights, "weights")
    total = scores.sum()
    if total <= 0:
        raise InputError(message("mcda.weights_all_zero"), "weights")
    return _series(scores.to_numpy() / total, scores.index)


def _ranking_groups(ranking) -> list[list[str]]:
    """Parse a ranking into tie groups (most important first); checks names."""
    if isinstance(ranking, str) or not isinstance(ranking, Sequence):
        raise InputError(
            message("weights.ranking_not_list", got=type(ranking).__name__), "ranking"
        )
    if len(ranking) == 0:
        raise InputError(message("weights.no_criteria"), "ranking")
    groups, seen = [], set()
    for pos, item in enumerate(ranking, start=1):
        if isinstance(item, str):
            group = [item]
        elif isinstance(item, Sequence | set | frozenset):
            group = list(item)
            if not group:
                raise InputError(message("weights.ranking_empty_group", pos=pos), "ranking")
        else:
            raise InputError(message("weights.ranking_bad_item", pos=pos, item=item), "ranking")
        for name in group:
            if not isinstance(name, str):
                raise InputError(
                    message("weights.ranking_bad_name", pos=pos, name=name), "ranking"
                )
            if name in seen:
                raise InputError(message("weights.ranking_repeated", name=name), "ranking")
            seen.add(name)
        groups.append(group)
    return groups


def _weights_from_positions(groups: list[list[str]], position_weight) -> pd.Series:
    """Spread per-position weights over tie groups: each tied criterion gets the mean."""
    n = sum(len(g) for g in groups)
    per_position = np.array([position_weight(k, n) for k in range(1, n + 1)])
    names, values, start = [], [], 0
    for group in groups:
        share = per_position[start : start + len(group)].mean()
        names.extend(group)
        values.extend([share] * len(group))
        start += len(group)
    return _series(values, names)


def rank_order_centroid(ranking: Sequence[str] | Sequence[Sequence[str]]) -> pd.Series:
    r"""Rank-order-centroid (ROC) weights from a ranking of the criteria.

    For :math:`n` criteria ranked :math:`k = 1` (most important) to :math:`n`:

    .. math::
        w_k = \frac{1}{n} \sum_{i=k}^{n} \frac{1}{i}

    the centroid of the set of weight vectors :math:`w_1 \ge w_2 \ge \dots \ge w_n \ge 0`,
    :math:`\sum w = 1` (Barron & Barrett 1996). For :math:`n = 4`: 0.5208, 0.2708, 0.1458,
    0.0625.

    Parameters
    ----------
    ranking : sequence
        Criterion names, most important first. A position may hold a list of names that
        are tied.

    Returns
    -------
    pandas.Series
        Weights indexed by criterion in ranking order, summing to 1.

    Raises
    ------
    InputError
        On an empty ranking or group, a name that is not a string, or a criterion named
        more than once.

    Notes
    -----
    **Ties.** Tied criteria occupy consecutive positions (a group of :math:`t` tied at
    position :math:`k` takes positions :math:`k .. k + t - 1`, and the next criterion is at
    :math:`k + t`) and each gets the mean of those positions' weights, so the weights
    still sum to 1 and the criteria after the group are unaffected by the tie.

    References
    ----------
    Barron, F. H., Barrett, B. E. (1996). Decision quality using ranked attribute weights.
    *Management Science* 42(11), 1515–1523.

    Examples
    --------
    >>> rank_order_centroid(["a", "b", "c", "d"]).round(4).tolist()
    [0.5208, 0.2708, 0.1458, 0.0625]
    """
    groups = _ranking_groups(ranking)
    return _weights_from_positions(groups, lambda k, n: sum(1 / i for i in range(k, n + 1)) / n)


def rank_sum(ranking: Sequence[str] | Sequence[Sequence[str]]) -> pd.Series:
    r"""Rank-sum weights from a ranking of the criteria.

    For :math:`n` criteria ranked :math:`k = 1` (most important) to :math:`n`:

    .. math::
        w_k = \frac{2 (n + 1 - k)}{n (n + 1)}

    i.e. the reversed ranks :math:`n + 1 - k` divided by their sum (Stillwell, Seaver &
    Edwards 1981). For :math:`n = 4`: 0.4, 0.3, 0.2, 0.1.

    Parameters
    ----------
    ranking : sequence
        Criterion names, most important first. A position may hold a list of names that
        are tied.

    Returns
    -------
    pandas.Series
        Weights indexed by criterion in ranking order, summing to 1.

    Raises
    ------
    InputError
        On an empty ranking or group, a name that is not a string, or a criterion named
        more than once.

    Notes
    -----
    **Ties** as in :func:`rank_order_centroid`: tied criteria share the mean of the
    weights of the positions they occupy (for rank sum, the weight of their mean position).

    References
    ----------
    Stillwell, W. G., Seaver, D. A., Edwards, W. (1981). A comparison of weight
    approximation techniques in multiattribute utility decision making. *Organizational
    Behavior and Human Performance* 28(1), 62–77.

    Examples
    --------
    >>> rank_sum(["a", ["b", "c"], "d"]).tolist()  # b, c share (0.3 + 0.2) / 2
    [0.4, 0.25, 0.25, 0.1]
    """
    groups = _ranking_groups(ranking)
    return _weights_from_positions(groups, lambda k, n: 2 * (n + 1 - k) / (n * (n + 1)))


def swing(points: Mapping[str, float] | pd.Series) -> pd.Series:
    r"""Swing weights (von Winterfeldt & Edwards 1986).

    The decision maker imagines every criterion at its worst level, chooses the criterion
    whose swing from worst to best matters most and gives it 100 points, then gives each
    other swing points in [0, 100] relative to it. The weights are

    .. math::
        w_j = \frac{p_j}{\sum_k p_k}

    Parameters
    ----------
    points : mapping or pandas.Series
        Criterion → points in [0, 100]; the largest must be exactly 100 (the reference
        swing).

    Returns
    -------
    pandas.Series
        Weights indexed by criterion, summing to 1.

    Raises
    ------
    InputError
        On no criteria, a repeated criterion, points that are not finite, below 0 or above
        100, or no criterion with 100 points. Points are not rescaled silently: for scores on
        another scale use :func:`direct`.

    References
    ----------
    von Winterfeldt, D., Edwards, W. (1986). *Decision Analysis and Behavioral Research*.
    Cambridge University Press, ch. 8.

    Examples
    --------
    >>> swing({"cost": 100, "quality": 60, "speed": 40}).tolist()
    [0.5, 0.3, 0.2]
    """
    scores = _check_scores(points, "points")
    above = scores[scores > 100]
    if not above.empty:
        name = above.index[0]
        raise InputError(
            message("weights.points_above_100", name=name, value=above.iloc[0]), "points"
        )
    if scores.max() != 100:
        raise InputError(message("weights.points_max_not_100", top=scores.max()), "points")
    return _series(scores.to_numpy() / scores.sum(), scores.index)


@dataclass(frozen=True, eq=False)
class AHPResult:
    r"""Result of :func:`ahp`.

    Attributes
    ----------
    weights : pandas.Series
        Priority vector indexed by criterion (principal right eigenvector, sums to 1).
    lambda_max : float
        Principal eigenvalue :math:`\lambda_{max}` (≥ n; n for a consistent matrix).
    ci : float
        Consistency index :math:`(\lambda_{max} - n)/(n - 1)`; 0 for n ≤ 2.
    cr : float
        Consistency ratio CI / RI(n); 0 for n ≤ 2.
    random_index : float
        RI(n) from :data:`SAATY_1980_RANDOM_INDEX`.
    consistent : bool
        ``cr <= 0.1`` (Saaty's 10 % rule).
    """

    weights: pd.Series
    lambda_max: float
    ci: float
    cr: float
    random_index: float
    consistent: bool


def _pairwise_matrix(matrix, criteria) -> tuple[np.ndarray, list]:
    """The comparison matrix as floats and the criterion names (checked shape and names)."""
    if isinstance(matrix, pd.DataFrame):
        cols = list(matrix.columns)
        same = len(matrix.index) == len(cols) and set(matrix.index) == set(cols)
        if not (matrix.columns.is_unique and same):
            raise InputError(
                message("weights.pairwise_labels", rows=list(matrix.index), cols=cols), "matrix"
            )
        if criteria is not None and list(criteria) != cols:
            raise InputError(
                message("weights.pairwise_criteria_given", criteria=list(criteria), cols=cols),
                "criteria",
            )
        names = cols
        raw = matrix.loc[cols, cols]
    else:
        if criteria is None:
            raise InputError(message("weights.pairwise_criteria_missing"), "criteria")
        names = list(criteria)
        raw = matrix
    try:
        values = np.asarray(raw, dtype=float)
    except (TypeError, ValueError):
        raise InputError(message("weights.pairwise_not_numbers"), "matrix") from None
    if values.ndim != 2 or values.shape[0] != values.shape[1] or values.shape[0] == 0:
        raise InputError(message("weights.pairwise_not_square", shape=values.shape), "matrix")
    n = values.shape[0]
    if len(names) != n:
        raise InputError(
            message("weights.pairwise_names_count", count=len(names), n=n), "criteria"
        )
    if len(set(names)) != n:
        dupes = sorted({str(c) for c in names if names.count(c) > 1})
        raise InputError(message("weights.criteria_repeated", dupes=dupes), "criteria")
    if n > max(SAATY_1980_RANDOM_INDEX):
        raise InputError(
            message("weights.pairwise_too_large", n=n, most=max(SAATY_1980_RANDOM_INDEX)),
            "matrix",
        )
    return values, names


def _check_pairwise(values: np.ndarray, names: list, tol: float) -> None:
    """Finite, on Saaty's scale, diagonal 1 and reciprocal within ``tol``."""
    n = len(names)

    def cell(i, j):
        return f"matrix[{names[i]!r}, {names[j]!r}]"

    low, high = (1 / 9) * (1 - tol), 9 * (1 + tol)
    for i in range(n):
        for j in range(n):
            v = values[i, j]
            if not math.isfinite(v) or v <= 0:
                raise InputError(
                    message("weights.pairwise_not_positive", cell=cell(i, j), value=v)
                )
            if not low <= v <= high:
                raise InputError(message("weights.pairwise_off_scale", cell=cell(i, j), value=v))
    for i in range(n):
        if abs(values[i, i] - 1) > tol:
            raise InputError(
                message("weights.pairwise_diagonal", cell=cell(i, i), value=values[i, i])
            )
    for i in range(n):
        for j in range(i + 1, n):
            a, b = values[i, j], values[j, i]
            if abs(a * b - 1) > tol:
                raise InputError(
                    message(
                        "weights.pairwise_reciprocal",
                        cell=cell(j, i),
                        value=b,
                        other=cell(i, j),
                        a=a,
                        inverse=f"{1 / a:.6g}",
                        tol=f"{tol:.0%}",
                    )
                )


def ahp(
    matrix: pd.DataFrame | Sequence[Sequence[float]] | np.ndarray,
    criteria: Sequence[str] | None = None,
    *,
    tol: float = 0.01,
) -> AHPResult:
    r"""Weights from a pairwise comparison matrix (Saaty's analytic hierarchy process).

    :math:`a_{ij}` says how many times more important criterion :math:`i` is than
    :math:`j` on Saaty's scale 1/9..9 (1 equal, 3 moderate, 5 strong, 7 very strong, 9
    extreme; 2, 4, 6, 8 in between), with :math:`a_{ji} = 1/a_{ij}` and :math:`a_{ii} = 1`.

    The weights are the principal right eigenvector of :math:`A` (Saaty 1977),

    .. math::
        A w = \lambda_{max} w, \qquad \sum_j w_j = 1,

    computed with :func:`numpy.linalg.eig` (the eigenvalue with the largest real part; by
    Perron–Frobenius it is real and its eigenvector positive). Consistency:

    .. math::
        CI = \frac{\lambda_{max} - n}{n - 1}, \qquad CR = \frac{CI}{RI(n)}

    with :math:`RI(n)` Saaty's random index, :data:`SAATY_1980_RANDOM_INDEX` (n = 1..10:
    0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49). A consistent matrix
    (:math:`a_{ij} a_{jk} = a_{ik}`, i.e. :math:`a_{ij} = w_i / w_j`) has
    :math:`\lambda_{max} = n` and :math:`CR = 0`; Saaty asks to revise judgements with
    :math:`CR > 0.1`, and this function then warns.

    Parameters
    ----------
    matrix : pandas.DataFrame or nested sequence or numpy.ndarray
        The :math:`n \times n` comparison matrix. A DataFrame's labels name the criteria
        (rows and columns must carry the same labels; rows are aligned to the columns).
    criteria : sequence of str, optional
        Criterion names, required for a matrix without labels.
    tol : float
        Tolerance of the checks: :math:`|a_{ii} - 1| \le tol`,
        :math:`|a_{ij} a_{ji} - 1| \le tol` (the default 0.01 accepts reciprocals rounded to
        three decimals, e.g. 0.333 or 0.143), values within :math:`[1/9, 9]` widened by
        ``tol``. The matrix is used as given, not symmetrised.

    Returns
    -------
    AHPResult
        ``weights``, ``lambda_max``, ``ci``, ``cr``, ``random_index`` and ``consistent``.

    Raises
    ------
    InputError
        On a matrix that is not square, empty or larger than 10×10 (the random index table
        ends there), a value that is not a positive finite number within 1/9..9, a diagonal
        cell ≠ 1, a pair that is not reciprocal (the message names the cells), or missing,
        repeated or mismatched criterion names.

    Warns
    -----
    UserWarning
        When :math:`CR > 0.1`.

    Notes
    -----
    * For :math:`n \le 2` every reciprocal matrix is consistent (:math:`\lambda_{max} = n`),
      and :math:`RI = 0`; CI and CR are reported as 0.
    * :math:`\lambda_{max} \ge n` for every positive reciprocal matrix; a CI below 0 can
      only come from rounding (or from the tolerance on reciprocity) and is reported as 0.
    * Saaty (1994) suggests stricter limits for small matrices (CR ≤ 0.05 for n = 3,
      0.08 for n = 4); ``cr`` is returned so a caller can apply them.

    References
    ----------
    Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures.
    *Journal of Mathematical Psychology* 15(3), 234–281.

    Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York (random
    index table).

    Saaty, T. L. (1994). How to make a decision: the analytic hierarchy process.
    *Interfaces* 24(6), 19–43.

    Examples
    --------
    >>> r = ahp([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]], ["a", "b", "c"])
    >>> r.weights.round(4).tolist(), round(r.cr, 12)
    ([0.5714, 0.2857, 0.1429], 0.0)
    """
    if not (isinstance(tol, int | float) and 0 <= tol < 1):
        raise InputError(message("weights.tol", tol=tol), "tol")
    values, names = _pairwise_matrix(matrix, criteria)
    _check_pairwise(values, names, tol)
    n = len(names)
    eigenvalues, eigenvectors = np.linalg.eig(values)
    k = int(np.argmax(eigenvalues.real))
    vector = eigenvectors[:, k].real
    w = vector / vector.sum()
    lambda_max = float(eigenvalues[k].real)
    ri = SAATY_1980_RANDOM_INDEX[n]
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = max((lambda_max - n) / (n - 1), 0.0)
        cr = ci / ri
    if cr > CR_THRESHOLD:
        warnings.warn(
            message(
                "weights.ahp_inconsistent",
                cr=f"{cr:.3f}",
                threshold=CR_THRESHOLD,
                lambda_max=f"{lambda_max:.4f}",
                n=n,
            ),
            UserWarning,
            stacklevel=2,
        )
    return AHPResult(
        weights=_series(w, names),
        lambda_max=lambda_max,
        ci=float(ci),
        cr=float(cr),
        random_index=ri,
        consistent=bool(cr <= CR_THRESHOLD),
    )


def _check_data(matrix, objectives) -> tuple[pd.DataFrame, list[str]]:
    """A checked decision matrix (via the mcda checks) and its objectives."""
    from potential.mcda._base import check_inputs

    if not isinstance(matrix, pd.DataFrame):
        raise InputError(message("mcda.not_frame", got=type(matrix).__name__), "matrix")
    if objectives is None:
        objectives = ["max"] * matrix.shape[1]
    matrix, _, _, _ = check_inputs(matrix, objectives, np.ones(matrix.shape[1]))
    return matrix, list(objectives)


def _varying(values: np.ndarray) -> np.ndarray:
    """Columns whose values are not all equal."""
    return values.max(axis=0) > values.min(axis=0)


def entropy(matrix: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.Series:
    r"""Entropy weights from the data (scikit-criteria ``EntropyWeighter``).

    A criterion whose values differ more across the alternatives carries more information
    and gets more weight. For :math:`m` alternatives and the raw values
    :math:`x_{ij} \ge 0`:

    .. math::
        p_{ij} = \frac{x_{ij}}{\sum_i x_{ij}}, \qquad
        E_j = -\frac{1}{\ln m} \sum_i p_{ij} \ln p_{ij}, \qquad
        w_j = \frac{1 - E_j}{\sum_k (1 - E_k)}

    with :math:`0 \ln 0 = 0`. This is exactly what scikit-criteria computes
    (``scipy.stats.entropy`` with base :math:`m`, which divides each column by its sum).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns): finite values ≥ 0 on a ratio scale (the
        sum normalisation above assumes a natural zero).
    objectives : sequence of {"max", "min"}, optional
        Checked if given (one per column) but not used: the entropy of a column does not
        depend on which direction is better, and scikit-criteria does not transform cost
        columns. Accepted so that :func:`entropy` and :func:`critic` share a signature.

    Returns
    -------
    pandas.Series
        Weights indexed by the matrix columns, summing to 1.

    Raises
    ------
    InputError
        On the checks of :func:`potential.mcda.rank` (non-numeric, NaN or infinite values,
        wrong objectives), a negative value (the entropy is undefined; scikit-criteria
        would silently return nonsense), or no column that varies (every weight would be
        0/0 — always so with a single alternative).

    Notes
    -----
    **Constant columns** (the same value for every alternative, including all zeros) have
    :math:`E_j = 1` and get weight exactly 0; they are left out before scikit-criteria is
    called, so rounding cannot give them a tiny weight, and the other weights are the same
    as without them.

    Entropy weights depend on the unit's origin (adding a constant to a column changes
    them), so they suit ratio-scale data such as costs or head counts, not scores on an
    interval scale.

    References
    ----------
    Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical
    Journal* 27(3), 379–423.

    Zeleny, M. (1982). *Multiple Criteria Decision Making*. McGraw-Hill, New York, ch. 7.

    Hwang, C.-L., Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
    Applications*. Springer, Berlin (entropy method for attribute weights).
    """
    from potential.mcda.objective_weights import entropy_weights

    matrix, objectives = _check_data(matrix, objectives)
    values = matrix.to_numpy(dtype=float)
    if np.any(values < 0):
        i, j = np.argwhere(values < 0)[0]
        raise InputError(
            message(
                "weights.entropy_negative",
                row=matrix.index[i],
                col=matrix.columns[j],
                value=values[i, j],
            ),
            "matrix",
        )
    varies = _varying(values)
    if not varies.any():
        raise InputError(message("weights.entropy_constant"), "matrix")
    w = pd.Series(0.0, index=pd.Index(matrix.columns, name="criterion"), name="weight")
    w[matrix.columns[varies]] = entropy_weights(matrix.loc[:, varies]).to_numpy()
    return w


def critic(matrix: pd.DataFrame, objectives: Sequence[str]) -> pd.Series:
    r"""CRITIC weights from the data (scikit-criteria ``CRITIC``; Diakoulaki et al. 1995).

    A criterion gets more weight when it varies more (contrast) and when it disagrees
    with the other criteria (conflict). Each column is first scaled to [0, 1] with 1 the
    best value (the paper's eq. 2):

    .. math::
        v_{ij} = \frac{x_{ij} - x_j^{worst}}{x_j^{best} - x_j^{worst}}

    (best = maximum for ``max``, minimum for ``min`` criteria), then

    .. math::
        C_j = \sigma_j \sum_k (1 - r_{jk}), \qquad w_j = \frac{C_j}{\sum_k C_k}

    with :math:`\sigma_j` the standard deviation of column :math:`j` of :math:`v` and
    :math:`r_{jk}` Pearson's correlation between columns :math:`j` and :math:`k` of
    :math:`v`.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives (rows) × criteria (columns), finite numbers.
    objectives : sequence of {"max", "min"}
        Direction of each column. It matters: scaling a ``min`` column so that its best
        value is 1 reverses the sign of its correlations with the other columns.

    Returns
    -------
    pandas.Series
        Weights indexed by the matrix columns, summing to 1.

    Raises
    ------
    InputError
        On the checks of :func:`potential.mcda.rank`, fewer than two columns that vary
        (then every :math:`C_j = 0`), or varying columns that all rank the alternatives
        identically (every :math:`r_{jk} = 1`, so again every :math:`C_j = 0`).

    Notes
    -----
    Differences from textbook statements and how scikit-criteria resolves them:

    * **Standard deviation**: scikit-criteria uses the population form (``ddof=0``); the
      sample form (``ddof=1``) multiplies every :math:`\sigma_j` by the same factor
      :math:`\sqrt{m/(m-1)}`, so the weights are identical either way.
    * **Cost criteria**: scaled by the best/worst formula above, as in the paper.
      Statements of CRITIC that min-max normalise every column as :math:`(x - \min)/(\max
      - \min)` regardless of direction give different weights when there are ``min``
      criteria. scikit-criteria warns about ``min`` objectives; the warning is silenced
      because the scaling follows the paper.
    * **Constant columns**: :math:`\sigma_j = 0` and :math:`r_{jk}` is undefined
      (scikit-criteria returns NaN for every weight). Here such a column gets weight 0 and
      is left out before scikit-criteria is called, so the other weights are those of the
      problem without it (a constant column contributes no conflict term).

    References
    ----------
    Diakoulaki, D., Mavrotas, G., Papayannakis, L. (1995). Determining objective weights in
    multiple criteria problems: the CRITIC method. *Computers & Operations Research*
    22(7), 763–770.
    """
    from potential.mcda.objective_weights import critic_weights

    if objectives is None:
        raise InputError(message("weights.critic_objectives"), "objectives")
    matrix, objectives = _check_data(matrix, objectives)
    values = matrix.to_numpy(dtype=float)
    varies = _varying(values)
    if varies.sum() < 2:
        raise InputError(
            message("weights.critic_too_few", varying=int(varies.sum()), total=len(varies)),
            "matrix",
        )
    v = values[:, varies]
    lo, hi = v.min(axis=0), v.max(axis=0)
    is_max = np.array([o == "max" for o, keep in zip(objectives, varies, strict=True) if keep])
    scaled = np.where(is_max, (v - lo) / (hi - lo), (hi - v) / (hi - lo))
    if np.allclose(scaled, scaled[:, :1], rtol=0, atol=1e-12):
        raise InputError(message("weights.critic_identical"), "matrix")
    kept = [o for o, keep in zip(objectives, varies, strict=True) if keep]
    w = pd.Series(0.0, index=pd.Index(matrix.columns, name="criterion"), name="weight")
    w[matrix.columns[varies]] = critic_weights(matrix.loc[:, varies], kept).to_numpy()
    return w


def value_tree(model: CriteriaModel | str | Path) -> pd.Series:
    r"""Effective weights of a criteria model (value tree).

    .. math::
        w_j = \frac{G_{g(j)}}{\sum_h G_h} \cdot \frac{c_j}{\sum_{k \in g(j)} c_k}

    with :math:`G` the group weights and :math:`c` the criterion weights within a group
    (:meth:`~potential.criteria.CriteriaModel.weights`).

    Parameters
    ----------
    model : CriteriaModel, str or Path
        A model, or a shipped model's name or a YAML file (read by
        :func:`~potential.criteria.load_criteria`).

    Returns
    -------
    pandas.Series
        Weights indexed by criterion id in model order, summing to 1.
    """
    from potential.criteria import load_criteria

    model = load_criteria(model)
    weights = model.weights()
    return _series(list(weights.values()), weights)


def value_tree_table(model: CriteriaModel | str | Path) -> pd.DataFrame:
    """The value tree as a table for display.

    Parameters
    ----------
    model : CriteriaModel, str or Path
        As for :func:`value_tree`.

    Returns
    -------
    pandas.DataFrame
        One row per criterion in model order with columns ``group`` (group id),
        ``criterion`` (criterion id), ``group_weight`` (the group's share of all group
        weights), ``criterion_weight`` (the criterion's share within its group; 0 when all
        criteria of a zero-weight group weigh 0) and ``weight`` (effective weight =
        ``group_weight × criterion_weight``, as :func:`value_tree`).
    """
    from potential.criteria import load_criteria

    model = load_criteria(model)
    effective = model.weights()
    total = sum(g.weight for g in model.groups)
    rows = []
    for g in model.groups:
        inner = sum(c.weight for c in g.criteria)
        for c in g.criteria:
            rows.append(
                {
                    "group": g.id,
                    "criterion": c.id,
                    "group_weight": g.weight / total,
                    "criterion_weight": 0.0 if inner == 0 else c.weight / inner,
                    "weight": effective[c.id],
                }
            )
    return pd.DataFrame(
        rows, columns=["group", "criterion", "group_weight", "criterion_weight", "weight"]
    )
