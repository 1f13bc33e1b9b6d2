"""VIKOR: the compromise solution closest to the ideal (Opricovic & Tzeng 2004)."""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.mcda._base import decision_matrix, ranks_from_scores
from potential.messages import message

#: Q, S and R lie in [0, 1]; differences below this count as zero (see :func:`vikor`).
_TOL = 1e-12


def vikor(matrix, objectives, weights, *, v=0.5):
    r"""VIKOR (scikit-criteria ``VIKOR``) with the compromise conditions of the paper.

    **Normalisation:** VIKOR's own linear distance to the best value of each criterion,
    :math:`d_{ij} = (f_j^* - x_{ij}) / (f_j^* - f_j^-)` in [0, 1] (0 = best), with
    :math:`f_j^*` the best and :math:`f_j^-` the worst value in the column. **Cost
    criteria** are handled by the ideal: for a ``min`` column :math:`f_j^*` is the column
    minimum and :math:`f_j^-` the maximum. A constant column (:math:`f_j^* = f_j^-`) has
    :math:`d_{ij} = 0` for every alternative, so it adds nothing to S or R.

    The group utility :math:`S_i = \sum_j w_j d_{ij}` (column ``S``), the individual regret
    :math:`R_i = \max_j w_j d_{ij}` (``R``) and

    .. math::
        Q_i = v\,\frac{S_i - S^*}{S^- - S^*} + (1 - v)\,\frac{R_i - R^*}{R^- - R^*}

    (``Q``; :math:`S^* = \min S`, :math:`S^- = \max S`, likewise for R) are scikit-criteria's.
    If :math:`S^* = S^-` (or :math:`R^* = R^-`) the corresponding term is 0 for every
    alternative (scikit-criteria's convention), never NaN. Lower Q is better; the **score**
    is :math:`1 - Q`, in [0, 1] with 1 best. **Ties:** the shared rule of
    :mod:`potential.mcda` (scores equal to 12 significant digits keep row order), which also
    decides which alternative is :math:`a'` (rank 1) and :math:`a''` (rank 2) below.

    **Compromise conditions** (Opricovic & Tzeng 2004, sec. 3, step 5), with
    :math:`DQ = 1/(m - 1)` for :math:`m` alternatives:

    * C1, acceptable advantage (``acceptable_advantage``):
      :math:`Q(a'') - Q(a') \ge DQ`;
    * C2, acceptable stability (``acceptable_stability``): :math:`a'` is also best (or tied
      best) by S or by R.

    Both are properties of the whole problem and are repeated on every row. ``compromise``
    marks the compromise solution: :math:`a'` alone if C1 and C2 hold; :math:`a'` and
    :math:`a''` if only C2 fails; if C1 fails, :math:`a', a'', \ldots, a^{(M)}` with
    :math:`M` the largest position such that :math:`Q(a^{(M)}) - Q(a') < DQ`. Since Q, S and
    R lie in [0, 1], differences are compared with an absolute tolerance of
    :math:`10^{-12}`. Unlike scikit-criteria (which treats alternatives tied with
    :math:`a'` on Q as one winner), a tie for the best Q fails C1, as the paper's formula
    says; all-equal rows therefore give C1 false, C2 true and every alternative in the
    compromise set. With a single alternative DQ is undefined: it gets S = R = Q = 0,
    score 1, both conditions true and is the compromise solution.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers.
    objectives : list of {"max", "min"}
        Direction of each column.
    weights : numpy.ndarray
        Weights summing to 1.
    v : float, default 0.5
        Weight of the group-utility strategy in Q, in [0, 1] (1: S only, 0: R only).

    Returns
    -------
    dict
        ``score`` (:math:`1 - Q`), ``S``, ``R``, ``Q``, ``acceptable_advantage``,
        ``acceptable_stability`` and ``compromise``, one value per alternative.

    Raises
    ------
    InputError
        If ``v`` is not a number in [0, 1].

    References
    ----------
    Opricovic, S., Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a comparative
    analysis of VIKOR and TOPSIS. *European Journal of Operational Research* 156(2),
    445–455.
    """
    from skcriteria.agg.vikor import VIKOR

    try:
        v = float(v)
    except (TypeError, ValueError):
        raise InputError(message("mcda.closed_unit", value=v), "v") from None
    if not 0 <= v <= 1:
        raise InputError(message("mcda.closed_unit", value=v), "v")
    m = len(matrix)
    if m == 1:
        zero = np.zeros(1)
        yes = np.ones(1, dtype=bool)
        return {
            "score": np.ones(1),
            "S": zero,
            "R": zero,
            "Q": zero,
            "acceptable_advantage": yes,
            "acceptable_stability": yes,
            "compromise": yes,
        }
    dm = decision_matrix(
        matrix.to_numpy(dtype=float), objectives, weights, matrix.index, matrix.columns
    )
    extra = VIKOR(v=v).evaluate(dm).e_
    s = np.asarray(extra.s_k, dtype=float)
    r = np.asarray(extra.r_k, dtype=float)
    q = np.asarray(extra.q_k, dtype=float)
    score = 1.0 - q
    order = np.argsort(ranks_from_scores(score))  # order[0] = a', order[1] = a''
    first = order[0]
    dq = 1.0 / (m - 1)
    advantage = bool(q[order[1]] - q[first] >= dq - _TOL)
    stability = bool(s[first] <= s.min() + _TOL or r[first] <= r.min() + _TOL)
    compromise = np.zeros(m, dtype=bool)
    if not advantage:
        compromise[q - q[first] < dq - _TOL] = True
    elif not stability:
        compromise[order[:2]] = True
    else:
        compromise[first] = True
    return {
        "score": score,
        "S": s,
        "R": r,
        "Q": q,
        "acceptable_advantage": np.full(m, advantage),
        "acceptable_stability": np.full(m, stability),
        "compromise": compromise,
    }
