"""One body's tornado table, checked against the weighted sum worked out from contributions."""

from __future__ import annotations

import numpy as np
import pytest

from potential.errors import InputError
from potential.uncertainty import body_tornado


def test_tornado_of_the_top_option_by_hand(default_analysis):
    a = default_analysis
    table = body_tornado(a, "boenen", step=0.2)
    top = a.ranking[(a.ranking["body"] == "boenen") & (a.ranking["rank"] == 1)].iloc[0]
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


def test_tornado_bad_input(default_analysis):
    with pytest.raises(InputError, match="not ranked"):
        body_tornado(default_analysis, "nirgends")
    with pytest.raises(InputError, match="takes no part"):
        body_tornado(default_analysis, "boenen", "it/gmbh/luenen+selm")
