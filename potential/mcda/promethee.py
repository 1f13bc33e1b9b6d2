"""PROMETHEE II: net outranking flows from pairwise preference functions (our own code)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message

#: preference function name → the thresholds it needs (Brans & Vincke 1985, types I–VI)
PREFERENCE_FUNCTIONS = {
    "usual": (),
    "u-shape": ("q",),
    "v-shape": ("p",),
    "level": ("q", "p"),
    "linear": ("q", "p"),
    "gaussian": ("s",),
}


def promethee2(matrix, objectives, weights, *, preference="usual", q=None, p=None, s=None):
    r"""PROMETHEE II net outranking flow (Brans & Vincke 1985).

    Every pair of alternatives :math:`(a, b)` is compared on every criterion :math:`j`. The
    difference :math:`d_j(a, b)` is taken in the criterion's preferred direction,
    :math:`g_j(a) - g_j(b)` for a ``max`` criterion and :math:`g_j(b) - g_j(a)` for a
    ``min`` criterion, and a preference function turns it into a degree of preference
    :math:`P_j(a, b) \in [0, 1]` (0 whenever :math:`d \le 0`). Then

    .. math::

        \pi(a, b) = \sum_j w_j P_j(a, b), \qquad
        \phi^+(a) = \frac{1}{n - 1} \sum_{b} \pi(a, b), \qquad
        \phi^-(a) = \frac{1}{n - 1} \sum_{b} \pi(b, a),

    and the score is the net flow :math:`\phi(a) = \phi^+(a) - \phi^-(a)` in [−1, 1]; the net
    flows of all alternatives sum to 0.

    **Normalisation:** none. The preference functions act on raw differences, so the
    thresholds ``q``, ``p`` and ``s`` are in the criterion's own units (euros, hours, …), and
    a criterion's scale matters only through them. **Cost criteria** (``min``) are handled
    by the direction of the difference above; a ``min`` criterion gives exactly the same
    flows as a ``max`` criterion on the negated column. **Constant criteria** give
    :math:`d = 0` for every pair and so add nothing. **One alternative:** with
    :math:`n = 1` there is no pair to compare; :math:`\phi^+ = \phi^- = \phi = 0`.
    **Ties:** the shared rule of :mod:`potential.mcda` (scores equal to 12 significant
    digits keep the order of the matrix rows).

    Preference functions (:math:`P = 0` for :math:`d \le 0` in every case):

    * ``"usual"`` (type I, usual criterion): :math:`P = 1` for :math:`d > 0`.
    * ``"u-shape"`` (type II, quasi-criterion): :math:`P = 0` for :math:`d \le q`,
      1 for :math:`d > q`.
    * ``"v-shape"`` (type III, linear preference without indifference): :math:`P = d / p`
      for :math:`0 < d \le p`, 1 for :math:`d > p`.
    * ``"level"`` (type IV): :math:`P = 0` for :math:`d \le q`, 1/2 for
      :math:`q < d \le p`, 1 for :math:`d > p`.
    * ``"linear"`` (type V, V-shape with indifference): :math:`P = 0` for :math:`d \le q`,
      :math:`(d - q) / (p - q)` for :math:`q < d \le p`, 1 for :math:`d > p`.
    * ``"gaussian"`` (type VI): :math:`P = 1 - \exp(-d^2 / (2 s^2))` for :math:`d > 0`.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers (checked by :func:`potential.mcda.rank`).
    objectives : list of {"max", "min"}
        Direction of each column.
    weights : numpy.ndarray
        One weight per column, summing to 1.
    preference : str, sequence of str or mapping, default "usual"
        The preference function: one name for all criteria, one name per criterion, or a
        mapping criterion → name that names every criterion. Names: ``"usual"``,
        ``"u-shape"``, ``"v-shape"``, ``"level"``, ``"linear"``, ``"gaussian"``.
    q : float, sequence or mapping, optional
        Indifference threshold (≥ 0), needed by ``u-shape``, ``level`` and ``linear``.
    p : float, sequence or mapping, optional
        Strict preference threshold (≥ 0), needed by ``v-shape``, ``level`` (:math:`p > q`)
        and ``linear`` (:math:`p \ge q`).
    s : float, sequence or mapping, optional
        Gaussian parameter (> 0), the difference at which :math:`P = 1 - e^{-1/2}`; needed by
        ``gaussian``.

    Each threshold is one value for all criteria, one value per criterion (``None`` where
    not needed) or a mapping criterion → value (criteria left out have none). A threshold
    that a criterion's preference function does not use is ignored.

    Returns
    -------
    dict
        ``score`` (net flow :math:`\phi`), ``phi_plus`` (:math:`\phi^+`, leaving flow) and
        ``phi_minus`` (:math:`\phi^-`, entering flow), one value per alternative.

    Raises
    ------
    InputError
        On an unknown preference function, a threshold that a criterion's function needs but
        lacks, a threshold that is not a finite number ≥ 0, ``s`` = 0, ``q`` > ``p`` (or
        ``q`` = ``p`` for ``level``), a sequence of the wrong length, or a mapping with
        unknown criteria. The message names the parameter and the criterion.

    References
    ----------
    Brans, J.-P., Vincke, Ph. (1985). A preference ranking organisation method (the
    PROMETHEE method for multiple criteria decision-making). *Management Science* 31(6),
    647–656.
    Brans, J.-P., Mareschal, B. (2005). PROMETHEE methods. In Figueira, J., Greco, S.,
    Ehrgott, M. (eds.), *Multiple Criteria Decision Analysis: State of the Art Surveys*.
    Springer, ch. 5, pp. 163–195.

    Examples
    --------
    >>> import numpy as np
    >>> import pandas as pd
    >>> m = pd.DataFrame({"cost": [10.0, 20.0, 15.0], "quality": [1.0, 3.0, 2.0]})
    >>> out = promethee2(m, ["min", "max"], np.array([0.5, 0.5]))
    >>> out["score"].tolist()  # each row wins one criterion against each other row
    [0.0, 0.0, 0.0]
    >>> out = promethee2(m, ["min", "max"], np.array([0.5, 0.5]), preference="linear",
    ...                  q=[2.0, 0.0], p=[10.0, 2.0])
    >>> out["score"].tolist()  # cost: P(0,1) = 1, P(0,2) = P(2,1) = 3/8; quality: 1, 1/2, 1/2
    [-0.03125, 0.03125, 0.0]
    """
    columns = matrix.columns
    m = len(columns)
    names = _preference_names(preference, columns)
    thresholds = {
        key: _thresholds(value, key, columns) for key, value in (("q", q), ("p", p), ("s", s))
    }
    _check_thresholds(names, thresholds, columns)
    qv, pv, sv = (
        np.array([np.nan if v is None else v for v in thresholds[k]], dtype=float)
        for k in ("q", "p", "s")
    )

    values = matrix.to_numpy(dtype=float)
    n = values.shape[0]
    sign = np.where(np.asarray(objectives) == "max", 1.0, -1.0)
    # d[a, b, j]: how much a beats b on criterion j, in the criterion's preferred direction
    d = sign * (values[:, None, :] - values[None, :, :])
    pref = np.zeros_like(d)
    for name in set(names):
        cols = [j for j in range(m) if names[j] == name]
        pref[:, :, cols] = _preference(name, d[:, :, cols], qv[cols], pv[cols], sv[cols])

    pi = pref @ np.asarray(weights, dtype=float)  # π(a, b) = Σ_j w_j P_j(a, b)
    if n > 1:
        phi_plus = pi.sum(axis=1) / (n - 1)
        phi_minus = pi.sum(axis=0) / (n - 1)
    else:
        phi_plus = np.zeros(n)
        phi_minus = np.zeros(n)
    return {"score": phi_plus - phi_minus, "phi_plus": phi_plus, "phi_minus": phi_minus}


def _preference(name, d, q, p, s):
    """P(d) of one preference function; ``q``, ``p``, ``s`` broadcast over the last axis."""
    if name == "usual":
        return (d > 0).astype(float)
    if name == "u-shape":
        return (d > q).astype(float)
    if name == "v-shape":
        # p = 0 leaves no linear part: P = 1 for every d > 0
        ramp = d / np.where(p > 0, p, 1.0)
        return np.where(d > p, 1.0, np.where(d > 0, ramp, 0.0))
    if name == "level":
        return np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
    if name == "linear":
        # q = p leaves no linear part: P = 1 for every d > q
        ramp = (d - q) / np.where(p > q, p - q, 1.0)
        return np.where(d > p, 1.0, np.where(d > q, ramp, 0.0))
    # gaussian: 1 - exp(-d²/(2s²)) computed as -expm1 for accuracy at small d
    return np.where(d > 0, -np.expm1(-(d**2) / (2.0 * s**2)), 0.0)


def _per_criterion(value, param, columns):
    """One entry per criterion from a single value, a sequence or a mapping (None if absent)."""
    if isinstance(value, pd.Series):
        value = dict(value.items())
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in columns]
        if unknown:
            raise InputError(
                message("mcda.unknown_criteria", unknown=unknown, known=list(columns)), param
            )
        return [value.get(c) for c in columns], True
    if value is None or isinstance(value, str | Real):
        return [value] * len(columns), False
    try:
        seq = list(value)
    except TypeError:
        raise InputError(
            message("mcda.per_criterion_type", got=type(value).__name__), param
        ) from None
    if len(seq) != len(columns):
        raise InputError(
            message("mcda.per_criterion_count", given=len(seq), m=len(columns)), param
        )
    return seq, False


def _preference_names(preference, columns):
    names, is_mapping = _per_criterion(preference, "preference", columns)
    if is_mapping:
        missing = [c for c, v in zip(columns, names, strict=True) if v is None]
        if missing:
            raise InputError(message("mcda.no_preference", missing=missing), "preference")
    for col, name in zip(columns, names, strict=True):
        if name not in PREFERENCE_FUNCTIONS:
            raise InputError(
                message(
                    "mcda.bad_preference",
                    col=col,
                    value=name,
                    known=", ".join(PREFERENCE_FUNCTIONS),
                ),
                "preference",
            )
    return names


def _thresholds(value, param, columns):
    values, _ = _per_criterion(value, param, columns)
    out = []
    for col, v in zip(columns, values, strict=True):
        if v is not None:
            if isinstance(v, bool) or not isinstance(v, Real) or not math.isfinite(v) or v < 0:
                raise InputError(message("mcda.bad_threshold", col=col, value=v), param)
            v = float(v)
        out.append(v)
    return out


def _check_thresholds(names, thresholds, columns):
    for j, (col, name) in enumerate(zip(columns, names, strict=True)):
        for param in PREFERENCE_FUNCTIONS[name]:
            if thresholds[param][j] is None:
                raise InputError(
                    message("mcda.threshold_missing", col=col, name=name, param=param), param
                )
        q, p = thresholds["q"][j], thresholds["p"][j]
        if name == "linear" and q > p:
            raise InputError(message("mcda.linear_q_above_p", col=col, q=q, p=p), "q")
        if name == "level" and q >= p:
            raise InputError(message("mcda.level_q_not_below_p", col=col, q=q, p=p), "q")
        if name == "gaussian" and thresholds["s"][j] == 0:
            raise InputError(message("mcda.gaussian_s_zero", col=col), "s")
