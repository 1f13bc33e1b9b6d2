"""The numpy rank-reversal check against scikit-criteria's ``RankInvariantChecker``."""

from __future__ import annotations

import signal

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.mcda import METHODS
from potential.mcda._base import ranks_from_scores
from potential.mcda.compare import kendall_tau, rank_reversal, taus_without
from potential.mcda.reversal import guarded_ranks, noise_bounds, unique_names

#: the parameters compare-methods uses (potential.analysis.METHOD_DEFAULTS)
PARAMS = {"wpm": {"value_floor": 0.1}, "waspas": {"value_floor": 0.1}}


def assert_same_check(fast, reference):
    pd.testing.assert_frame_equal(fast.ranks, reference.ranks)
    assert fast.optimal_preservation_rate == reference.optimal_preservation_rate
    assert fast.rank_displacement == reference.rank_displacement
    pd.testing.assert_frame_equal(fast.reversals, reference.reversals)
    assert fast.duplicates == reference.duplicates


@pytest.fixture(scope="module")
def default_problems():
    from potential import analysis

    ds, model, _, _, table = analysis.prepare(None, "ikz-egov-nrw", None, None)
    objectives = [c.direction for c in model.criteria]
    out = {}
    for body in ("schwerte", "bergkamen"):
        w = analysis.body_weight_vector(model, body)
        out[body] = (analysis.decision_matrices_for(ds, table, model, body), objectives, w)
    return out


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("body", ["schwerte", "bergkamen"])
def test_default_data_equals_scikit_criteria(default_problems, body, method):
    """Exactly the checker's rankings (same seed), for two bodies of the default data."""
    matrix, objectives, w = default_problems[body]
    params = PARAMS.get(method, {})
    fast = rank_reversal(matrix, objectives, w, method, seed=0, **params)
    reference = rank_reversal(matrix, objectives, w, method, seed=0, engine="skcriteria", **params)
    assert_same_check(fast, reference)
    assert len(fast.reversals) == len(matrix) - len(fast.duplicates) - 1


@pytest.fixture
def random_problem():
    """Negative, zero and positive values, cost and benefit criteria, a constant column."""
    rng = np.random.default_rng(2024)
    values = rng.normal(0, 3, (12, 5))
    values[:, 3] = np.round(values[:, 3])  # ties within a column
    values[:, 4] = 2.0
    matrix = pd.DataFrame(values, index=[f"o{i}" for i in range(12)], columns=list("abcde"))
    return matrix, ["max", "min", "max", "min", "max"], [0.3, 0.2, 0.2, 0.2, 0.1]


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("seed", [0, 7])
def test_random_matrix_equals_scikit_criteria(random_problem, method, seed):
    matrix, objectives, weights = random_problem
    params = PARAMS.get(method, {})
    if method == "promethee2":
        params = {"preference": "linear", "q": 0.5, "p": 2.0}
    fast = rank_reversal(matrix, objectives, weights, method, repeat=2, seed=seed, **params)
    reference = rank_reversal(
        matrix, objectives, weights, method, repeat=2, seed=seed, engine="skcriteria", **params
    )
    assert_same_check(fast, reference)
    assert fast.ranks.shape[1] == 1 + 2 * (len(matrix) - len(fast.duplicates) - 1)
    # the checker's own optimal preservation rate and rank displacement
    from potential.mcda._base import check_inputs
    from potential.mcda.reversal import skcriteria_experiment_ranks

    _, _, w, _ = check_inputs(matrix, objectives, weights)
    *_, opr, rd = skcriteria_experiment_ranks(
        matrix, objectives, w, method, params, repeat=2, seed=seed
    )
    assert (fast.optimal_preservation_rate, fast.rank_displacement) == (opr, rd)


def test_kendall_tau_of_the_others_is_scipys():
    rng = np.random.default_rng(3)
    reference = rng.permutation(9) + 1
    rankings = np.array([rng.permutation(9) + 1 for _ in range(6)])
    left_out = rng.integers(0, 9, 6)
    fast = taus_without(reference, rankings, left_out)
    for tau, ranking, r in zip(fast, rankings, left_out, strict=True):
        keep = np.arange(9) != r
        assert tau == kendall_tau(reference[keep], ranking[keep])  # bit for bit


def test_unique_names_like_scikit_criteria():
    from skcriteria.utils import unique_names as skc_unique

    names = ["Reference", "M.a", "M.b", "M.a", "M.c", "M.b", "M.a"]
    expected = [n for n, _ in skc_unique(names=names, elements=list(range(len(names))))]
    assert unique_names(names) == expected


def test_guarded_ranks_flags_a_tie_at_a_rounding_boundary():
    # keys are rounded to 12 significant digits; 0.5 + 5e-13 sits on a boundary
    scores = np.array([[0.9, 0.5 + 5e-13, 0.5 + 5e-13, 0.1], [0.9, 0.5, 0.4, 0.1]])
    ranks, unsure = guarded_ranks(scores)
    assert unsure.tolist() == [True, False]
    for row, r in zip(scores, ranks, strict=True):
        assert r.tolist() == ranks_from_scores(row).tolist()


def test_guarded_ranks_match_ranks_from_scores():
    rng = np.random.default_rng(5)
    scores = np.round(rng.random((50, 20)), 2)  # many exact ties
    ranks, unsure = guarded_ranks(scores)
    assert not unsure.any()
    for row, r in zip(scores, ranks, strict=True):
        assert r.tolist() == ranks_from_scores(row).tolist()


def test_rows_equal_only_after_the_shift_are_checked_once():
    """Two rows that differ in the last bit become equal once the checker shifts a column;
    scikit-criteria then drew noise for ever (kreis_unna, electre1, default data)."""
    matrix = pd.DataFrame(
        {
            "x": [0.02796129, 0.027961290000000003, -1.0, 0.5],
            "y": [1.0, 1.0, 0.0, 2.0],
        },
        index=["a", "a_twin", "b", "c"],
    )

    def fail(*_):
        raise TimeoutError("rank_reversal did not finish")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(30)
    try:
        for engine in ("numpy", "skcriteria"):
            check = rank_reversal(matrix, ["max", "max"], [0.5, 0.5], "wsm", engine=engine)
            assert check.duplicates == ["a_twin"]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_noise_bounds_by_hand_and_zero_room():
    shifted = np.array([[5.0, 1.0], [4.0, 3.0], [1.0, 2.0], [2.0, 2.5]])
    ranks = np.array([1, 3, 2, 4])
    order, bounds = noise_bounds(shifted, ranks)
    assert order.tolist() == [2, 1, 3]
    # |row2 - row1|, |row1 - row3|, then the median of those two
    assert bounds.tolist() == [[3.0, 1.0], [2.0, 0.5], [2.5, 0.75]]
    # the last row's room is the median of the others': zero on every criterion here
    # (each criterion differs between one pair of neighbours only)
    stuck = np.array([[9, 9, 9, 9], [1, 1, 1, 1], [2, 1, 1, 1], [2, 2, 1, 1], [2, 2, 2, 1]])
    stuck = np.vstack([stuck, [2, 2, 2, 2]]).astype(float)
    with pytest.raises(InputError, match="'f' nicht verschlechtern"):
        noise_bounds(stuck, np.arange(1, 7), labels=list("abcdef"))


def test_unknown_engine(random_problem):
    with pytest.raises(InputError, match="Rechenweise 'fortran'"):
        rank_reversal(*random_problem, engine="fortran")


def test_command_writes_the_rows_of_one_call(tmp_path):
    """compare-methods runs one call per method (for the progress bar) and puts the rows
    back in the order of a single call of rank_reversal_checks."""
    from pathlib import Path

    from click.testing import CliRunner

    from potential.analysis import rank_reversal_checks
    from potential.cli import main
    from potential.files import write_csv

    small = Path(__file__).parent / "data" / "indicators" / "small"
    out = tmp_path / "o"
    args = ["compare-methods", "--data", str(small), "--methods", "topsis,wsm,electre1"]
    result = CliRunner().invoke(main, [*args, "--rank-reversal", "--seed", "4", "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = rank_reversal_checks(dataset=small, methods=["topsis", "wsm", "electre1"], seed=4)
    assert list(expected["method"][:3]) == ["topsis", "wsm", "electre1"]
    write_csv(expected, tmp_path / "expected.csv", "standard", True)
    assert (out / "rank_reversal.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()
