"""The fast paths of :mod:`potential.mcda` against scikit-criteria, the reference (issue 17).

The default method (``wsm``) runs without scikit-criteria; these tests run scikit-criteria's
own pipeline on the same value scores and weights and require the same scores, bit for bit,
on random matrices and on every body of the embedded dataset.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.mcda import rank
from potential.mcda.value import value_scores


def skcriteria_wsm(matrix: pd.DataFrame, objectives, weights, bounds=None) -> np.ndarray:
    """Scores of scikit-criteria's ``WeightedSumModel`` on the min-max value scores."""
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel

    v = value_scores(matrix, objectives, bounds)
    w = np.asarray(weights, dtype=float)
    dm = skc.mkdm(
        v.to_numpy(),
        objectives=[max] * v.shape[1],
        weights=w / w.sum(),
        alternatives=[str(i) for i in v.index],
        criteria=[str(c) for c in v.columns],
    )
    return np.asarray(WeightedSumModel().evaluate(dm).e_.score, dtype=float)


@pytest.mark.parametrize("seed", range(8))
def test_wsm_equals_scikit_criteria_on_random_matrices(seed):
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(2, 60)), int(rng.integers(1, 12))
    matrix = pd.DataFrame(
        rng.normal(size=(rows, cols)) * 10.0 ** rng.integers(-3, 7, size=cols),
        index=[f"a{i}" for i in range(rows)],
        columns=[f"c{j}" for j in range(cols)],
    )
    objectives = list(rng.choice(["max", "min"], size=cols))
    weights = rng.uniform(0.0, 5.0, size=cols) + 1e-3
    ours = rank(matrix, objectives, weights, "wsm")["score"].to_numpy()
    np.testing.assert_array_equal(ours, skcriteria_wsm(matrix, objectives, weights))


def test_every_body_of_the_embedded_dataset_scores_as_with_scikit_criteria():
    """The analysis itself (fixed scales, each body's weights) against scikit-criteria."""
    import potential
    from potential.analysis import anchored, body_weight_vector, decision_matrices_for
    from potential.options import participants

    result = potential.analyse()
    model = result.criteria
    objectives = [c.direction for c in model.criteria]
    checked = 0
    for body in participants(result.dataset):
        matrix = decision_matrices_for(result.dataset, result.indicators, model, body.id)
        matrix, bounds, _ = anchored(matrix, model)
        reference = skcriteria_wsm(matrix, objectives, body_weight_vector(model, body.id), bounds)
        rows = result.ranking[result.ranking["body"] == body.id].set_index("option")
        ours = rows.loc[[str(o) for o in matrix.index], "score"].to_numpy()
        np.testing.assert_array_equal(ours, reference)
        checked += 1
    assert checked == 11
