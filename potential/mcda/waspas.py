"""WASPAS: weighted aggregated sum product assessment."""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.mcda._base import decision_matrix, require_positive
from potential.mcda.simple import floor_values
from potential.messages import message


def waspas(matrix, objectives, weights, *, lambda_=0.5, value_floor=None):
    r"""WASPAS (scikit-criteria ``WASPAS``, whose λ is called ``lambda_value``).

    **Normalisation:** linear ratio, :math:`r_{ij} = x_{ij} / \max_i x_{ij}` for ``max``
    criteria and :math:`r_{ij} = \min_i x_{ij} / x_{ij}` for ``min`` criteria (scikit-criteria
    ``InvertMinimize``, i.e. :math:`1/x`, followed by ``MaxAbsScaler``), as in Zavadskas et
    al. (2012). It needs strictly positive ratio-scale values. **Cost criteria** enter
    through :math:`\min x / x`. With ``value_floor`` :math:`f` in (0, 1) every column is
    first mapped by the min-max value function onto :math:`f + (1 - f)\,v` (all criteria
    become ``max``; see :func:`~potential.mcda.simple.floor_values`), which admits zero and
    negative raw values; the ratio normalisation then leaves those columns unchanged (their
    maximum is 1), except that a constant column (all :math:`f`) becomes 1.

    **Score** :math:`Q_i = \lambda\,\sum_j w_j r_{ij} + (1 - \lambda)\,\prod_j r_{ij}^{w_j}`
    (``wsm_score`` and ``wpm_score`` are the two parts), in (0, 1] with 1 best. A constant
    column has :math:`r_{ij} = 1` for every alternative: it adds its weight to every WSM
    part and leaves the WPM part unchanged, so it does not change the ranking. **Ties:** the
    shared rule of :mod:`potential.mcda` (scores equal to 12 significant digits keep row
    order).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers (> 0 unless ``value_floor`` is given).
    objectives : list of {"max", "min"}
        Direction of each column.
    weights : numpy.ndarray
        Weights summing to 1.
    lambda_ : float, default 0.5
        λ in [0, 1]: 1 gives the weighted sum, 0 the weighted product.
    value_floor : float, optional
        Floor :math:`f` in (0, 1) of the min-max value scale used instead of the raw values.

    Returns
    -------
    dict
        ``score`` (Q), ``wsm_score`` and ``wpm_score``, one value per alternative.

    Raises
    ------
    InputError
        If ``lambda_`` is not a number in [0, 1], ``value_floor`` not in (0, 1), or, without
        ``value_floor``, a value is ≤ 0 (naming its row and column).

    References
    ----------
    Zavadskas, E. K., Turskis, Z., Antucheviciene, J., Zakarevicius, A. (2012). Optimization
    of weighted aggregated sum product assessment. *Elektronika ir Elektrotechnika* 122(6),
    3–6.
    """
    from skcriteria.agg.waspas import WASPAS
    from skcriteria.preprocessing.invert_objectives import InvertMinimize
    from skcriteria.preprocessing.scalers import MaxAbsScaler

    try:
        lam = float(lambda_)
    except (TypeError, ValueError):
        raise InputError(message("mcda.closed_unit", value=lambda_), "lambda_") from None
    if not 0 <= lam <= 1:
        raise InputError(message("mcda.closed_unit", value=lam), "lambda_")
    if value_floor is not None:
        v, objectives = floor_values(matrix, objectives, value_floor)
        values = v.to_numpy()
    else:
        values = require_positive(matrix, "WASPAS")
    dm = decision_matrix(values, objectives, weights, matrix.index, matrix.columns)
    dm = MaxAbsScaler(target="matrix").transform(InvertMinimize().transform(dm))
    extra = WASPAS(lambda_value=lam).evaluate(dm).e_
    return {
        "score": np.asarray(extra.score, dtype=float),
        "wsm_score": np.asarray(extra.wsm_scores, dtype=float),
        "wpm_score": 10.0 ** np.asarray(extra.log10_wpm_scores, dtype=float),
    }
