"""``potential analyse --body-weights``: each body's own weights and the group view."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from potential.cli import main

DATA = Path(__file__).parent / "data" / "body_weights"


def test_body_weights_write_the_group_view(tmp_path):
    import potential

    out = tmp_path / "out"
    survey = DATA / "survey.csv"
    result = CliRunner().invoke(
        main, ["analyse", "--body-weights", str(survey), "--top", "1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    expected = potential.analyse(body_weights=survey).group_view()
    assert f"(Kendall's W): {expected.kendall_w:.3f}" in result.output
    assert {"group_options.csv", "group_weights.csv"} <= {p.name for p in out.iterdir()}
    options = pd.read_csv(out / "group_options.csv", keep_default_na=False)
    assert options["option"].tolist() == expected.options["option"].tolist()
    weights = pd.read_csv(out / "group_weights.csv")
    assert weights["body"].tolist() == list(expected.weights.index)


def test_bad_body_weights_file_is_one_line_and_exit_2(tmp_path):
    bad = DATA / "bad-unknown-body.csv"
    result = CliRunner().invoke(
        main, ["analyse", "--body-weights", str(bad), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Fehler: {bad}")
    assert not (tmp_path / "out").exists()


def test_without_body_weights_no_group_files(tmp_path, default_analysis):
    from potential.exports import export_analysis

    written = export_analysis(default_analysis, tmp_path)
    assert {p.name for p in written} == {
        "ranking.csv", "joint.csv", "contributions.csv", "cashflows.csv", "excluded.csv",
        "ranking.xlsx",
    }  # fmt: skip
