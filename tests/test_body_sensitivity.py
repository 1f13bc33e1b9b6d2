"""One body's tornado table, checked against the weighted sum worked out from contributions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.uncertainty import body_tornado


def test_tornado_of_the_top_option_by_hand(default_analysis):
    a = default_analysis
    table = body_tornado(a, "boenen", step=0.2)
    top = a.ranking[(a.ranking["body"] == "boenen") & (a.ranking["rank"] == 1)].iloc[0]
    # the weighted sum on the analysis' anchored scales (its contributions), not on Bönen's
    # own min-max range
    assert a.scales == "fixed"
    assert table.attrs["option"] == top["option"]
    c = a.contributions
    rows = c[(c["body"] == "boenen") & (c["option"] == top["option"])].set_index("criterion")
    w, v = rows["weight"], rows["normalised"]
    assert table["base"].iloc[0] == pytest.approx(top["score"])
    for criterion in w.index:
        for column, factor in (("minus", 0.8), ("plus", 1.2)):
            new = w * (1 - w[criterion] * factor) / (1 - w[criterion])
            new[criterion] = w[criterion] * factor
            assert table.loc[criterion, column] == pytest.approx(float((new * v).sum()))
    assert np.all(np.diff(table["swing"].to_numpy()) <= 0)


@pytest.mark.parametrize("scales", ["minmax", "fixed"])
@pytest.mark.parametrize("method", ["wsm", "wpm", "topsis"])
def test_tornado_base_is_the_ranking_score(default_analysis, method, scales):
    # the table re-ranks exactly the problem the analysis ranked, on its scales
    import potential

    a = potential.analyse(default_analysis.dataset, method=method, scales=scales)
    table = body_tornado(a, "selm")
    top = a.ranking[(a.ranking["body"] == "selm") & (a.ranking["rank"] == 1)].iloc[0]
    assert table.attrs["option"] == top["option"]
    assert table["base"].iloc[0] == pytest.approx(top["score"], abs=1e-12)


def test_tornado_bad_input(default_analysis):
    with pytest.raises(InputError, match="^Körperschaft 'nirgends' hat keine Rangfolge"):
        body_tornado(default_analysis, "nirgends")
    with pytest.raises(
        InputError, match="nimmt an der Kooperationsoption 'it/gmbh/luenen\\+selm' nicht teil"
    ):
        body_tornado(default_analysis, "boenen", "it/gmbh/luenen+selm")
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="^body 'nirgends' is not ranked"):
        body_tornado(default_analysis, "nirgends")


def test_stability_intervals_of_a_body_equal_the_direct_call(default_analysis):
    from potential.analysis import body_weight_vector, decision_matrices_for
    from potential.uncertainty import body_stability_intervals, stability_intervals

    a = default_analysis
    # the analysis ranks on the anchored scales: values clipped to them, wsm on their bounds
    bounds = {c.id: (min(c.scale.worst, c.scale.best), max(c.scale.worst, c.scale.best))
              for c in a.criteria.criteria}  # fmt: skip
    matrix = decision_matrices_for(a.dataset, a.indicators, a.criteria, "selm")
    matrix = matrix.apply(lambda col: col.clip(*bounds[col.name]))
    direct = stability_intervals(
        matrix,
        [c.direction for c in a.criteria.criteria],
        body_weight_vector(a.criteria, "selm"),
        bounds=bounds,
    )
    pd.testing.assert_frame_equal(body_stability_intervals(a, "selm"), direct)
    # the current weight lies inside its own interval
    got = body_stability_intervals(a, "selm")
    assert ((got["low"] <= got["weight"]) & (got["weight"] <= got["high"])).all()
    with pytest.raises(InputError, match="'nirgends' hat keine Rangfolge"):
        body_stability_intervals(a, "nirgends")


def test_stability_intervals_of_a_wpm_analysis_keep_its_top(default_analysis):
    # the weighted product ranks on the anchored scales: the intervals start from the
    # analysis' top option, and at the current weight that option is first
    import potential
    from potential.uncertainty import body_stability_intervals

    a = potential.analyse(default_analysis.dataset, method="wpm")
    top = a.ranking[(a.ranking["body"] == "selm") & (a.ranking["rank"] == 1)].iloc[0]
    got = body_stability_intervals(a, "selm")
    assert (got["top"] == top["option"]).all()
    assert ((got["low"] <= got["weight"]) & (got["weight"] <= got["high"])).all()


def test_top_of_one_body(default_analysis):
    a = default_analysis
    rows = a.top(2, "werne")
    assert list(rows["rank"]) == [1, 2] and set(rows["body"]) == {"werne"}
    with pytest.raises(InputError, match="^Körperschaft 'nirgends' hat keine Rangfolge"):
        a.top(2, "nirgends")


def test_dataset_table(dataset):
    from potential.datasets import table
    from potential.models import Cooperation

    frame = table(dataset, "cooperations")
    assert list(frame.columns) == list(Cooperation.model_fields)
    assert len(frame) == len(dataset.cooperations)
    first = dataset.cooperations[0]
    assert frame.loc[0, "members"] == ";".join(first.members)
    # potential.datasets' own wording: match the stable parts (the name and the known tables)
    with pytest.raises(InputError, match="'tische'.*bodies, fields"):
        table(dataset, "tische")
