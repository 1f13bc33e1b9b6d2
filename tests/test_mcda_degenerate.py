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


@pytest.mark.parametrize("method", [m for m in METHODS if m != "electre1"])
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
    with pytest.raises(
        InputError, match=r"^matrix: Zeile 'y', Spalte 'b' ist .*; erwartet: eine endliche"
    ):
        rank(broken, OBJECTIVES, WEIGHTS, method)


def test_missing_value_error_in_english():
    from potential.messages import use_lang

    broken = MATRIX.copy()
    broken.loc["y", "b"] = np.nan
    with use_lang("en"), pytest.raises(InputError) as info:
        rank(broken, OBJECTIVES, WEIGHTS, "wsm")
    assert str(info.value) == "matrix: row 'y', column 'b' is nan; expected a finite number"


def test_constant_column_counts_as_agreement_in_electre1():
    # Roy's concordance C(a, b) sums the weights of criteria on which a is at least as good
    # as b; a constant criterion is such a criterion for every pair. Here C(a, b) = 0.6 is
    # below p = 0.65 without it, and 0.48 + 0.2 = 0.68 with it (weights 0.6/0.4/0.25 → sum
    # 1.25), so a comes to outrank b (q = 1: no veto).
    two = pd.DataFrame({"x": [0.0, 1.0], "y": [1.0, 0.0]}, index=["b", "a"])
    plain = rank(two, ["max", "max"], [0.6, 0.4], "electre1", p=0.65, q=1.0)
    assert plain["rank"].tolist() == [1, 2]  # nobody outranks: tie, row order
    with_constant = rank(
        two.assign(z=3.0), ["max", "max", "max"], [0.6, 0.4, 0.25], "electre1", p=0.65, q=1.0
    )
    assert with_constant["rank"].tolist() == [2, 1]


def test_topsis_with_weight_only_on_constant_columns_scores_one_half():
    data = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [5.0, 5.0, 5.0]}, index=list("abc"))
    result = rank(data, ["max", "max"], [0.0, 1.0], "topsis")
    assert result["score"].tolist() == [0.5, 0.5, 0.5]
    assert result["rank"].tolist() == [1, 2, 3]


def test_unknown_or_misplaced_parameters_are_errors():
    with pytest.raises(InputError, match="metric: 'manhatan'"):
        rank(MATRIX, OBJECTIVES, WEIGHTS, "topsis", metric="manhatan")
    with pytest.raises(InputError, match=r"bounds: die Kriterien \['q'\] sind keine Spalten"):
        rank(MATRIX, OBJECTIVES, WEIGHTS, "wsm", bounds={"q": (0, 1)})
    with pytest.raises(InputError, match="nur für value_function 'minmax', nicht für 'ratio'"):
        rank(MATRIX, OBJECTIVES, WEIGHTS, "wsm", value_function="ratio", bounds={"a": (0, 9)})
    with pytest.raises(InputError, match=r"breakpoints: die Kriterien \['q'\]"):
        rank(MATRIX, OBJECTIVES, WEIGHTS, "wsm", breakpoints={"q": [(0, 0), (1, 1)]})
    with pytest.raises(InputError, match=r"weights: die Kriterien \['q'\]"):
        rank(MATRIX, OBJECTIVES, {"a": 1, "b": 1, "c": 1, "q": 1}, "wsm")
    negative = MATRIX.assign(a=[-1.0, 1.0, 2.0, 3.0])
    with pytest.raises(
        InputError, match=r"Zeile 'w', Spalte 'a' ist -1.0; die Normierung 'vector'"
    ):
        rank(negative, OBJECTIVES, WEIGHTS, "wsm", value_function="vector")
