"""Method comparison, Kendall's tau and the rank-reversal check."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from potential.cli import METHOD_NAMES, main
from potential.errors import InputError
from potential.mcda import METHODS, rank
from potential.mcda.compare import compare_methods, kendall_tau, rank_reversal


def tau_by_hand(a, b):
    """Kendall's tau-a by counting pairs (no ties in the test data, so tau-a = tau-b)."""
    concordant = discordant = 0
    for i, j in itertools.combinations(range(len(a)), 2):
        s = np.sign(a[i] - a[j]) * np.sign(b[i] - b[j])
        concordant += s > 0
        discordant += s < 0
    return (concordant - discordant) / (len(a) * (len(a) - 1) / 2)


def test_kendall_tau_hand_examples():
    # one swapped neighbour pair out of 6 pairs: (5 - 1) / 6
    assert kendall_tau([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(4 / 6)
    assert kendall_tau([1, 2, 3], [1, 2, 3]) == 1.0
    assert kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert np.isnan(kendall_tau([1], [1]))
    assert np.isnan(kendall_tau([1, 1, 1], [1, 2, 3]))
    with pytest.raises(InputError):
        kendall_tau([1, 2], [1, 2, 3])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kendall_tau_agrees_with_pair_counting(seed):
    rng = np.random.default_rng(seed)
    a, b = rng.permutation(12) + 1, rng.permutation(12) + 1
    assert kendall_tau(a, b) == pytest.approx(tau_by_hand(a, b), abs=1e-12)


@pytest.fixture
def problem():
    rng = np.random.default_rng(7)
    matrix = pd.DataFrame(
        rng.uniform(1, 10, (7, 4)), index=list("abcdefg"), columns=["w", "x", "y", "z"]
    )
    return matrix, ["max", "min", "max", "min"], [0.4, 0.3, 0.2, 0.1]


def test_compare_methods_matches_single_rankings(problem):
    matrix, objectives, weights = problem
    methods = ["wsm", "wpm", "topsis"]
    result = compare_methods(matrix, objectives, weights, methods)
    for m in methods:
        single = rank(matrix, objectives, weights, m)
        assert result.ranks[m].tolist() == single["rank"].tolist()
        assert result.top[m] == single["rank"].idxmin()
    tau = result.kendall_tau
    assert (np.diag(tau) == 1).all()
    assert tau.equals(tau.T)
    assert tau.loc["wsm", "topsis"] == pytest.approx(
        tau_by_hand(result.ranks["wsm"].to_numpy(), result.ranks["topsis"].to_numpy())
    )


def test_compare_methods_rejects_unknown_method(problem):
    with pytest.raises(InputError, match="unbekanntes Verfahren 'saw'; erwartet: eines von"):
        compare_methods(*problem, methods=["wsm", "saw"])


def test_rank_reversal_is_reproducible_and_complete(problem):
    matrix, objectives, weights = problem
    first = rank_reversal(matrix, objectives, weights, "topsis", repeat=2, seed=11)
    again = rank_reversal(matrix, objectives, weights, "topsis", repeat=2, seed=11)
    pd.testing.assert_frame_equal(first.ranks, again.ranks)
    # every suboptimal alternative is worsened `repeat` times
    assert first.ranks.shape[1] == 1 + (len(matrix) - 1) * 2
    assert (
        first.ranks["Reference"].tolist()
        == rank(matrix, objectives, weights, "topsis")["rank"].tolist()
    )
    best = first.ranks["Reference"].idxmin()
    stays = (first.ranks.iloc[:, 1:].loc[best] == 1).mean()
    assert first.optimal_preservation_rate == pytest.approx(stays)
    assert first.reversals["best_stays_first"].mean() == pytest.approx(stays)
    displacement = (first.ranks.iloc[:, 1:].loc[best] - 1).mean()
    assert first.rank_displacement == pytest.approx(displacement)
    for col in first.ranks:
        assert sorted(first.ranks[col]) == list(range(1, len(matrix) + 1))


def test_rank_reversal_needs_two_alternatives(problem):
    matrix, objectives, weights = problem
    with pytest.raises(InputError, match="mindestens zwei verschiedene Alternativen"):
        rank_reversal(matrix.iloc[:1], objectives, weights)


def test_cli_method_names_are_the_registry():
    assert METHOD_NAMES == tuple(METHODS)


def test_analysis_comparison_agrees_with_analyse(default_analysis):
    import potential
    from potential.analysis import compare_methods as compare_bodies

    ranks, agreement = compare_bodies(methods=["wsm", "topsis"])
    topsis = potential.analyse(method="topsis").ranking
    for method, ranking in (("wsm", default_analysis.ranking), ("topsis", topsis)):
        merged = ranks.merge(ranking[["body", "option", "rank"]], on=["body", "option"])
        assert len(merged) == len(ranking)
        assert (merged[method] == merged["rank"]).all()
    assert len(agreement) == 11  # one method pair per body
    for _, row in agreement.iterrows():
        body = ranks[ranks["body"] == row["body"]]
        expected = tau_by_hand(body["wsm"].to_numpy(), body["topsis"].to_numpy())
        assert row["kendall_tau"] == pytest.approx(expected, abs=1e-12)
        top_wsm = body.loc[body["wsm"].idxmin(), "option"]
        top_topsis = body.loc[body["topsis"].idxmin(), "option"]
        assert row["same_top"] == (top_wsm == top_topsis)


@pytest.mark.parametrize("scales", ["fixed", "minmax"])
def test_analysis_comparison_ranks_wpm_as_analyse(scales):
    # wsm and wpm score on the anchored scales with scales="fixed" (FIXED_SCALE_METHODS),
    # on each body's own range with "minmax", in the comparison as in analyse
    import potential
    from potential.analysis import compare_methods as compare_bodies

    ranks, _ = compare_bodies(methods=["wsm", "wpm"], scales=scales)
    for method in ("wsm", "wpm"):
        ranking = potential.analyse(method=method, scales=scales).ranking
        merged = ranks.merge(ranking[["body", "option", "rank"]], on=["body", "option"])
        assert len(merged) == len(ranking)
        assert (merged[method] == merged["rank"]).all(), method


def test_compare_methods_command(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["compare-methods", "--methods", "wsm,wpm", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "wsm ~ wpm" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "methods_agreement.csv",
        "methods_ranks.csv",
        "provenance.json",
    ]
    ranks = pd.read_csv(out / "methods_ranks.csv")
    assert list(ranks.columns) == ["body", "option", "wsm", "wpm"]
    assert ranks["body"].nunique() == 11


def test_compare_methods_command_unknown_method(tmp_path):
    result = CliRunner().invoke(
        main, ["compare-methods", "--methods", "wsm,nope", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    # the last line is the error (a progress line may come before it)
    last = result.output.strip().splitlines()[-1]
    assert last.endswith(
        ": unbekanntes Verfahren 'nope'; erwartet: eines von " + ", ".join(METHODS)
    )
    assert not (tmp_path / "o").exists()
    result = CliRunner().invoke(
        main,
        ["compare-methods", "--methods", "wsm,nope", "--out", str(tmp_path / "o"), "--lang", "en"],
    )
    assert result.exit_code == 2
    last = result.output.strip().splitlines()[-1]
    assert last == "Error: unknown method 'nope'; expected one of " + ", ".join(METHODS)
    assert not (tmp_path / "o").exists()


def test_rank_reversal_handles_zero_rows_and_duplicates():
    """scikit-criteria caps the noise at |value|; an all-zero row used to loop for ever."""
    import signal

    matrix = pd.DataFrame(
        {
            "savings": [0.0, 5.0, 3.0, 3.0, 1.0],
            "risk": [0.0, 0.5, 0.25, 0.25, 0.1],
            "control": [1.0, 0.5, 0.75, 0.75, 1.0],
        },
        index=["alone", "a", "b", "b_twin", "c"],
    )

    def fail(*_):
        raise TimeoutError("rank_reversal did not finish")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(30)
    try:
        check = rank_reversal(matrix, ["max", "min", "max"], [0.5, 0.3, 0.2], "wsm", seed=1)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert check.duplicates == ["b_twin"]
    assert list(check.ranks.index) == ["alone", "a", "b", "c"]
    assert check.ranks.shape[1] == 1 + 3
    expected = rank(matrix.drop(index="b_twin"), ["max", "min", "max"], [0.5, 0.3, 0.2])
    assert check.ranks["Reference"].tolist() == expected["rank"].tolist()


def test_rank_reversal_checks_per_body():
    from pathlib import Path

    from potential.analysis import rank_reversal_checks

    small = Path(__file__).parent / "data" / "indicators" / "small"
    table = rank_reversal_checks(dataset=small, methods=["wsm", "topsis"], seed=3)
    again = rank_reversal_checks(dataset=small, methods=["wsm", "topsis"], seed=3)
    pd.testing.assert_frame_equal(table, again)
    assert set(table["method"]) == {"wsm", "topsis"}
    assert table["optimal_preservation_rate"].between(0, 1).all()
    kept = 1 - table["top_changed"] / table["experiments"]
    assert np.allclose(kept, table["optimal_preservation_rate"])
