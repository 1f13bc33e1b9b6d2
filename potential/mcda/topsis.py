"""TOPSIS: closeness to the ideal point."""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.mcda._base import decision_matrix
from potential.messages import message

_METRICS = {
    "braycurtis", "canberra", "chebyshev", "cityblock", "cosine", "euclidean", "minkowski",
    "sqeuclidean",
}  # fmt: skip


def topsis(matrix, objectives, weights, *, normalization="vector", metric="euclidean"):
    r"""TOPSIS (scikit-criteria ``TOPSIS``).

    **Normalisation:** ``"vector"`` (default; :math:`x / \lVert x \rVert_2` per column, as
    in Hwang & Yoon 1981) or ``"minmax"``. The normalised values are multiplied by the
    weights. **Cost criteria** are handled inside TOPSIS: their ideal is the column minimum,
    their anti-ideal the maximum. **Score** :math:`d^- / (d^+ + d^-)` in [0, 1]
    (``d_plus``, ``d_minus``: distances to the ideal and anti-ideal points). Columns that do
    not vary, or weigh nothing, are left out (they add nothing to any distance); if no
    weighted column varies, every score is 0.5. ``metric``: a distance of
    :func:`scipy.spatial.distance.cdist` (default ``"euclidean"``, as in Hwang & Yoon).
    **Ties:** the shared rule of :mod:`potential.mcda`.

    References
    ----------
    Hwang, C.-L., Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
    Applications*. Springer, pp. 128–134.
    """
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.preprocessing.scalers import MinMaxScaler, VectorScaler

    scalers = {"vector": VectorScaler, "minmax": MinMaxScaler}
    if normalization not in scalers:
        raise InputError(
            message("mcda.one_of", value=normalization, choices=", ".join(scalers)),
            "normalization",
        )
    values = matrix.to_numpy(dtype=float)
    if metric not in _METRICS:
        raise InputError(
            message("mcda.one_of", value=metric, choices=", ".join(sorted(_METRICS))), "metric"
        )
    varies = (values.max(axis=0) > values.min(axis=0)) & (weights > 0)
    if not varies.any():
        half = np.full(len(matrix), 0.5)
        return {"score": half, "d_plus": np.zeros(len(matrix)), "d_minus": np.zeros(len(matrix))}
    keep = np.flatnonzero(varies)
    dm = decision_matrix(
        values[:, keep],
        [objectives[j] for j in keep],
        weights[keep],
        matrix.index,
        matrix.columns[keep],
    )
    dm = scalers[normalization](target="matrix").transform(dm)
    result = TOPSIS(metric=metric).evaluate(dm)
    similarity = np.asarray(result.e_.similarity, dtype=float)
    weighted = dm.matrix.to_numpy() * dm.weights.to_numpy()
    ideal = np.asarray(result.e_.ideal, dtype=float)
    anti = np.asarray(result.e_.anti_ideal, dtype=float)
    from scipy.spatial.distance import cdist

    d_plus = cdist(weighted, ideal[None, :], metric=metric).ravel()
    d_minus = cdist(weighted, anti[None, :], metric=metric).ravel()
    return {"score": similarity, "d_plus": d_plus, "d_minus": d_minus}
