"""Degenerate data, for every method: a documented result or a clear error, never NaN.

The cases are those the issue names: a constant criterion, a zero weight, a single
alternative, NaN or infinite values, and all-equal rows (all-equal scores).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import METHODS, rank

# wpm and waspas need positive data; all values below are positive.
MATRIX = pd.DataFrame(
    {"a": [3.0, 1.0, 2.0, 5.0], "b": [2.0, 4.0, 1.0, 3.0], "c": [7.0, 7.5, 9.0, 6.0]},
    index=["w", "x", "y", "z"],
)
OBJECTIVES = ["max", "min", "max"]
WEIGHTS = [0.5, 0.3, 0.2]


def check_complete(result, index):
    assert list(result.index) == list(index)
    assert sorted(result["rank"]) == list(range(1, len(index) + 1))
    numeric = result.select_dtypes("number")
    assert np.isfinite(numeric.to_numpy(dtype=float)).all()


@pytest.mark.parametrize("method", list(METHODS))
def test_constant_column_changes_no_rank(method):
    plain = rank(MATRIX, OBJECTIVES, WEIGHTS, method)
    with_constant = MATRIX.assign(d=4.0)
    result = rank(with_constant, [*OBJECTIVES, "max"], [*WEIGHTS, 0.25], method)
    check_complete(result, MATRIX.index)
    assert result["rank"].tolist() == plain["rank"].tolist()


@pytest.mark.parametrize("method", list(METHODS))
def test_zero_weight_column_is_ignored(method):
    plain = rank(MATRIX, OBJECTIVES, WEIGHTS, method)
    rng = np.random.default_rng(5)
    noisy = MATRIX.assign(d=rng.uniform(1, 10, len(MATRIX)))
    result = rank(noisy, [*OBJECTIVES, "max"], [*WEIGHTS, 0.0], method)
    check_complete(result, MATRIX.index)
    assert result["rank"].tolist() == plain["rank"].tolist()
    np.testing.assert_allclose(result["score"], plain["score"], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("method", list(METHODS))
def test_single_alternative_ranks_first(method):
    result = rank(MATRIX.iloc[:1], OBJECTIVES, WEIGHTS, method)
    check_complete(result, MATRIX.index[:1])


@pytest.mark.parametrize("method", list(METHODS))
def test_all_equal_rows_keep_row_order(method):
    equal = pd.DataFrame([[2.0, 3.0, 4.0]] * 4, index=list("pqrs"), columns=list("abc"))
    result = rank(equal, OBJECTIVES, WEIGHTS, method)
    check_complete(result, equal.index)
    assert result["rank"].tolist() == [1, 2, 3, 4]
    assert result["score"].nunique() == 1


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_missing_or_infinite_value_is_an_error(method, bad):
    broken = MATRIX.copy()
    broken.loc["y", "b"] = bad
    with pytest.raises(InputError, match=r"row 'y', column 'b'"):
        rank(broken, OBJECTIVES, WEIGHTS, method)
