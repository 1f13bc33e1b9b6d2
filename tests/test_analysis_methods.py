"""Every ranking method runs through the whole analysis and the command line."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

import potential
from potential.cli import main
from potential.mcda import METHODS


@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_gives_complete_rankings(method, dataset):
    result = potential.analyse(dataset=dataset, method=method)
    ranking = result.ranking
    assert np.isfinite(ranking["score"]).all()
    for body in dataset.bodies:
        ranks = sorted(ranking.loc[ranking["body"] == body.id, "rank"])
        assert ranks == list(range(1, len(ranks) + 1)), (method, body.id)
    assert result.method == method
    assert len(result.joint) > 0


def test_positive_data_methods_get_the_value_floor(dataset):
    from potential.analysis import WPM_VALUE_FLOOR

    for method in ("wpm", "waspas"):
        assert potential.analyse(dataset=dataset, method=method).params == {
            "value_floor": WPM_VALUE_FLOOR
        }


def test_analyse_command_accepts_promethee2(tmp_path):
    result = CliRunner().invoke(
        main, ["analyse", "--method", "promethee2", "--top", "1", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "Methode promethee2" in result.output
