"""SMAA for every body (``potential smaa``)."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from potential.cli import main
from potential.errors import InputError
from potential.uncertainty.bodies import body_seed, smaa_by_body, smaa_of


@pytest.fixture(scope="module")
def uniform_run():
    return smaa_by_body(n=600, seed=5)


def test_acceptabilities_are_distributions(uniform_run):
    acc = uniform_run.acceptability
    by_option = acc.groupby(["body", "option"])["share"].sum()
    assert np.allclose(by_option, 1.0)
    by_rank = acc.groupby(["body", "rank"])["share"].sum()
    assert np.allclose(by_rank, 1.0)
    summary = uniform_run.summary
    assert list(uniform_run.bodies) == list(summary["body"].unique())
    for _, rows in summary.groupby("body"):
        assert rows["first_rank_acceptability"].sum() == pytest.approx(1.0)
        assert rows["expected_rank"].is_monotonic_increasing


def test_each_body_is_the_plain_smaa_of_its_matrix(uniform_run, dataset, default_analysis):
    from potential.analysis import decision_matrices
    from potential.uncertainty.smaa import smaa

    model = default_analysis.criteria
    matrices = decision_matrices(dataset, default_analysis.indicators, model)
    objectives = [c.direction for c in model.criteria]
    position, body = 2, dataset.bodies[2]
    # on the anchored scales, as the analysis: the values clipped to them, wsm on them
    bounds = {c.id: (min(c.scale.worst, c.scale.best), max(c.scale.worst, c.scale.best))
              for c in model.criteria}  # fmt: skip
    matrix = matrices[body.id].apply(lambda col: col.clip(*bounds[col.name]))
    direct = smaa(matrix, objectives, n=600, seed=body_seed(5, position), bounds=bounds)
    mine = uniform_run.summary[uniform_run.summary["body"] == body.id].set_index("option")
    first = direct.rank_acceptability.iloc[:, 0]
    assert np.array_equal(mine.loc[first.index, "first_rank_acceptability"], first.to_numpy())


def test_fixed_model_weights_reproduce_the_analysis_ranking(default_analysis):
    # No uncertainty at all: every option has rank acceptability 1 at its analysis rank.
    fixed = smaa_by_body(n=3, seed=1, weights="model")
    acc = fixed.acceptability
    assert (acc["share"] == 1.0).all()
    merged = acc.merge(default_analysis.ranking[["body", "option", "rank"]], on=["body", "option"])
    assert len(merged) == len(default_analysis.ranking)
    assert (merged["rank_x"] == merged["rank_y"]).all()


def test_fixed_model_weights_reproduce_the_wpm_analysis_ranking():
    # the weighted product scores on the anchored scales in SMAA as in the analysis
    import potential

    fixed = smaa_by_body(n=3, seed=1, weights="model", method="wpm")
    ranking = potential.analyse(method="wpm").ranking
    acc = fixed.acceptability
    assert (acc["share"] == 1.0).all()
    merged = acc.merge(ranking[["body", "option", "rank"]], on=["body", "option"])
    assert len(merged) == len(ranking)
    assert (merged["rank_x"] == merged["rank_y"]).all()


def test_minmax_scales_reproduce_the_minmax_analysis():
    # the former behaviour: each body's own range, for comparison
    import potential

    fixed = smaa_by_body(n=3, seed=1, weights="model", scales="minmax")
    assert fixed.scales == "minmax"
    ranking = potential.analyse(scales="minmax").ranking
    merged = fixed.acceptability.merge(ranking[["body", "option", "rank"]], on=["body", "option"])
    assert len(merged) == len(ranking)
    assert (merged["rank_x"] == merged["rank_y"]).all()


def test_smaa_of_an_analysis_uses_its_economics():
    # an analysis with its own horizon: SMAA ranks the same Kapitalwerte
    import potential

    short = potential.analyse(economics={"horizon_years": 5})
    fixed = smaa_of(short, n=3, seed=1, weights="model")
    merged = fixed.acceptability.merge(
        short.ranking[["body", "option", "rank"]], on=["body", "option"]
    )
    assert (fixed.acceptability["share"] == 1.0).all()
    assert len(merged) == len(short.ranking)
    assert (merged["rank_x"] == merged["rank_y"]).all()


def test_uncertain_values_on_fixed_scales(default_analysis):
    run = smaa_by_body(n=200, seed=2, values="dataset")
    assert run.scales == "fixed" and run.values == "dataset"
    by_option = run.acceptability.groupby(["body", "option"])["share"].sum()
    assert np.allclose(by_option, 1.0)
    with pytest.raises(InputError, match="scales"):
        smaa_by_body(n=10, scales="own")


def test_same_seed_same_tables_other_seed_other_tables(uniform_run):
    again = smaa_by_body(n=600, seed=5)
    pd.testing.assert_frame_equal(uniform_run.summary, again.summary)
    other = smaa_by_body(n=600, seed=6)
    assert not uniform_run.summary["first_rank_acceptability"].equals(
        other.summary["first_rank_acceptability"]
    )


def test_body_seeds_differ_and_are_stable():
    seeds = [body_seed(0, i) for i in range(11)]
    assert len(set(seeds)) == 11
    assert seeds == [body_seed(0, i) for i in range(11)]


def test_bad_settings():
    with pytest.raises(InputError, match="^weights: 'random'; erwartet: eines von uniform"):
        smaa_by_body(n=10, weights="random")
    with pytest.raises(InputError, match="^n: erwartet: mindestens 1 Stichprobe, erhalten: 0$"):
        smaa_by_body(n=0)


def test_smaa_command(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["smaa", "--n", "300", "--seed", "2", "--weights", "groups", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Bönen:" in result.output and "Rang 1 in" in result.output
    # each line names the option for people (field – legal form – partners), not by its id
    import pandas as pd

    from potential import labels
    from potential.datasets import load_dataset
    from potential.options import generate_options

    ds = load_dataset("kreis-unna")
    options = generate_options(ds, ds.meta.reference_date).set_index("option")
    summary = pd.read_csv(out / "smaa_summary.csv")
    for body in ("boenen", "selm"):
        rows = summary[summary["body"] == body]
        best = rows.loc[rows["first_rank_acceptability"].idxmax(), "option"]
        row = {"option": best, **(options.loc[best] if best in options.index else {})}
        name = next(b.name for b in ds.bodies if b.id == body)
        assert f"  {name}: {labels.option_label(ds, row, 'de')}  Rang 1 in" in result.output
        assert f"  {name}: {best}  " not in result.output
    names = {p.name for p in out.iterdir()}
    assert names == {"smaa_acceptability.csv", "smaa_summary.csv", "smaa.xlsx", "provenance.json"}
    wb = openpyxl.load_workbook(out / "smaa.xlsx")
    assert wb.sheetnames[0] == "Übersicht" and "Fröndenberg-Ruhr" in wb.sheetnames
    assert len(wb.sheetnames) == 13 and wb.sheetnames[-1] == "Metadaten"
    summary = pd.read_csv(out / "smaa_summary.csv")
    assert summary["body"].nunique() == 11


def test_smaa_command_rejects_a_bad_method(tmp_path):
    result = CliRunner().invoke(main, ["smaa", "--method", "vikor", "--out", str(tmp_path)])
    assert result.exit_code == 2
