"""Per-body weights: the criteria model, the CSV file and the analysis.

The fixtures in ``tests/data/body_weights/`` hold illustrative weights (not any body's view).
The rankings are recalculated independently: min-max value functions × the body's
effective weights worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import potential
from potential.criteria import BodyWeights, load_body_weights, load_criteria
from potential.errors import InputError

DATA = Path(__file__).parent / "data" / "body_weights"
SURVEY = DATA / "survey.csv"
SHIPPED = Path(__file__).resolve().parents[1] / "criteria" / "ikz-egov-nrw.yaml"
STAND_ALONE = "alleingang"

CRITERIA = [  # (criterion = indicator, direction), model order
    ("net_savings", "max"),
    ("one_off_cost", "min"),
    ("staffing_relief", "max"),
    ("resilience", "max"),
    ("time_to_implement", "min"),
    ("control_kept", "max"),
    ("tax_procurement_risk", "min"),
    ("obligation_pressure", "max"),
]
IDS = [c for c, _ in CRITERIA]

# The model's effective weights (see tests/test_criteria.py for the arithmetic).
MODEL = [0.21, 0.14, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]

# Bönen in survey.csv: groups egov_pflichten 0.4 and personal 0.05 (wirtschaftlichkeit 0.35
# and rechtsform_steuerung 0.2 kept): group sum 0.35 + 0.05 + 0.2 + 0.4 = 1.0.
# Criterion net_savings 0.2 (one_off_cost 0.4 kept): shares 0.2/0.6 = 1/3 and 2/3.
#   net_savings 0.35/3, one_off_cost 0.35·2/3 = 0.7/3, staffing_relief 0.05·0.6 = 0.03,
#   resilience 0.05·0.4 = 0.02, time_to_implement 0.2·0.3 = 0.06, control_kept 0.2·0.4 = 0.08,
#   tax_procurement_risk 0.06, obligation_pressure 0.4·1 = 0.4. Sum 0.35 + 0.05 + 0.2 + 0.4 = 1.
BOENEN = [0.35 / 3, 0.7 / 3, 0.03, 0.02, 0.06, 0.08, 0.06, 0.4]
# Selm in survey.csv: criterion control_kept 0.9 in rechtsform_steuerung (0.3, 0.9, 0.3; sum
# 1.5): shares 0.2, 0.6, 0.2 × group 0.2 -> 0.04, 0.12, 0.04; the other groups as the model.
SELM = [0.21, 0.14, 0.15, 0.10, 0.04, 0.12, 0.04, 0.20]
OWN = {"boenen": BOENEN, "selm": SELM}


def own_values(rows: pd.DataFrame) -> np.ndarray:
    """Min-max linear value functions of one body's options, 1 = best, constant column 0."""
    out = np.zeros((len(rows), len(CRITERIA)))
    for j, (indicator, direction) in enumerate(CRITERIA):
        x = rows[indicator].to_numpy(dtype=float)
        lo, hi = x.min(), x.max()
        if hi > lo:
            out[:, j] = (x - lo) / (hi - lo) if direction == "max" else (hi - x) / (hi - lo)
    return out


def own_ranks(scores: np.ndarray) -> np.ndarray:
    """Descending score; scores equal to 1e-12 tie and keep row order (1 = best)."""
    key = np.round(scores, 12)
    order = sorted(range(len(scores)), key=lambda i: (-key[i], i))
    ranks = np.empty(len(scores), dtype=int)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


@pytest.fixture(scope="module")
def survey_analysis():
    return potential.analyse(body_weights=SURVEY)


# --- the criteria model ----------------------------------------------------------------------


def test_load_body_weights_file():
    bw = load_body_weights(SURVEY)
    assert list(bw) == ["boenen", "selm"]
    assert bw["boenen"].groups == {"egov_pflichten": 0.4, "personal": 0.05}
    assert bw["boenen"].criteria == {"net_savings": 0.2}
    assert bw["boenen"].source is None
    assert bw["boenen"].assumption.startswith("illustrative")
    assert bw["selm"].groups == {}
    assert bw["selm"].criteria == {"control_kept": 0.9}


def test_effective_weights_of_a_body_by_hand():
    base = load_criteria()
    model = base.with_body_weights(load_body_weights(SURVEY, base))
    for body, expected in OWN.items():
        w = model.weights(body)
        assert list(w) == IDS
        np.testing.assert_allclose(list(w.values()), expected, atol=1e-15, err_msg=body)
    # bodies without weights of their own, and no body, get the model's
    for body in (None, "unna", "nowhere"):
        np.testing.assert_allclose(list(model.weights(body).values()), MODEL, atol=1e-15)
    # the original model is untouched (models are immutable)
    assert base.body_weights == {}
    assert model is not base


def test_with_body_weights_replaces_a_body_entry_as_a_whole():
    model = load_criteria().with_body_weights(load_body_weights(SURVEY))
    again = model.with_body_weights(
        {"boenen": BodyWeights(criteria={"net_savings": 0.2}, source="survey 2025, Bönen")}
    )
    # Bönen's group overrides are gone; only net_savings 0.2 (shares 1/3, 2/3 of 0.35)
    expected = [0.35 / 3, 0.7 / 3, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]
    np.testing.assert_allclose(list(again.weights("boenen").values()), expected, atol=1e-15)
    np.testing.assert_allclose(list(again.weights("selm").values()), SELM, atol=1e-15)
    assert again.body_weights["boenen"].source == "survey 2025, Bönen"


def yaml_with_body_weights(tmp_path, block: str, name="bodies.yaml") -> Path:
    path = tmp_path / name
    text = SHIPPED.read_text(encoding="utf-8")
    path.write_text(text + "body_weights:\n" + block, encoding="utf-8")
    return path


BOENEN_YAML = """\
  boenen:
    groups: {egov_pflichten: 0.4, personal: 0.05}
    criteria: {net_savings: 0.2}
    assumption: illustrative test fixture; not Bönen's view
"""


def test_body_weights_in_the_criteria_yaml(tmp_path):
    model = load_criteria(yaml_with_body_weights(tmp_path, BOENEN_YAML))
    np.testing.assert_allclose(list(model.weights("boenen").values()), BOENEN, atol=1e-15)
    np.testing.assert_allclose(list(model.weights("selm").values()), MODEL, atol=1e-15)


@pytest.mark.parametrize(
    ("block", "key"),
    [
        (BOENEN_YAML.replace("net_savings: 0.2", "net_saving: 0.2"), "net_saving"),
        (BOENEN_YAML.replace("egov_pflichten: 0.4", "egov: 0.4"), "egov"),
        (BOENEN_YAML.replace("net_savings: 0.2", "net_savings: -0.2"), "net_savings"),
        (
            "  boenen:\n    groups: {wirtschaftlichkeit: 0, personal: 0, "
            "rechtsform_steuerung: 0, egov_pflichten: 0}\n    assumption: x\n",
            "all group weights are zero",
        ),
        (
            "  boenen:\n    criteria: {staffing_relief: 0, resilience: 0}\n    assumption: x\n",
            "personal",
        ),
        (BOENEN_YAML.replace("    assumption: illustrative test fixture; not Bönen's view\n", ""),
         "assumption"),
        (BOENEN_YAML.replace("criteria:", "criterias:"), "criterias"),
    ],
    ids=[
        "unknown-criterion",
        "unknown-group",
        "negative-weight",
        "all-zero",
        "group-with-zero-criteria",
        "no-provenance",
        "unknown-key",
    ],
)  # fmt: skip
def test_bad_body_weights_in_yaml_name_file_body_and_key(tmp_path, block, key):
    path = yaml_with_body_weights(tmp_path, block, "bad.yaml")
    with pytest.raises(InputError) as info:
        load_criteria(path)
    message = str(info.value)
    assert str(path) in message
    assert "boenen" in message
    assert key in message


# --- the CSV file ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "where", "key"),
    [
        ("bad-unknown-body.csv", "line 3", "dortmund"),
        ("bad-unknown-criterion.csv", "line 3", "net_saving"),
        ("bad-unknown-group.csv", "line 2", "staff"),
        ("bad-negative-weight.csv", "line 3", "weight"),
        ("bad-all-zero.csv", "lines 3, 4, 5, 6", "all group weights are zero"),
        ("bad-missing-column.csv", "line 1", "weight"),
        ("bad-level.csv", "line 2", "gruppe"),
        ("bad-no-provenance.csv", "line 2", "assumption"),
        ("bad-twice.csv", "line 4", "personal"),
    ],
)
def test_bad_body_weights_file_names_file_line_and_key(name, where, key):
    path = DATA / name
    with pytest.raises(InputError) as info:
        potential.analyse(body_weights=path)
    message = str(info.value)
    assert str(path) in message
    assert where in message
    assert key in message


def test_bad_file_body_named_in_all_zero_error():
    with pytest.raises(InputError, match="boenen"):
        potential.analyse(body_weights=DATA / "bad-all-zero.csv")


def test_missing_and_empty_body_weights_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_body_weights(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("body,level,id,weight,source\n", encoding="utf-8")
    with pytest.raises(InputError, match="no rows") as info:
        load_body_weights(empty)
    assert str(empty) in str(info.value)


# --- the analysis ----------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["boenen", "selm"])
def test_body_ranked_with_its_own_weights(survey_analysis, body):
    ind = survey_analysis.indicators
    rows = ind[ind["body"] == body].reset_index(drop=True)
    scores = own_values(rows) @ np.array(OWN[body])
    ranks = own_ranks(scores)
    r = survey_analysis.ranking
    got = r[r["body"] == body].set_index("option").loc[rows["option"]]
    np.testing.assert_allclose(got["score"].to_numpy(), scores, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(got["rank"].to_numpy(), ranks)
    alone = scores[(rows["option"] == STAND_ALONE).to_numpy()][0]
    np.testing.assert_allclose(got["benefit"].to_numpy(), scores - alone, atol=1e-12)


def test_own_weights_change_the_ranking(survey_analysis, default_analysis):
    r, d = survey_analysis.ranking, default_analysis.ranking
    own = r[r["body"] == "boenen"].set_index("option")["rank"]
    default = d[d["body"] == "boenen"].set_index("option")["rank"]
    assert not own.equals(default.loc[own.index])


def test_other_bodies_unchanged(survey_analysis, default_analysis):
    r, d = survey_analysis.ranking, default_analysis.ranking
    keep_r = r[~r["body"].isin(list(OWN))].reset_index(drop=True)
    keep_d = d[~d["body"].isin(list(OWN))].reset_index(drop=True)
    assert len(keep_r) > 0
    pd.testing.assert_frame_equal(keep_r, keep_d)
    c, dc = survey_analysis.contributions, default_analysis.contributions
    pd.testing.assert_frame_equal(
        c[~c["body"].isin(list(OWN))].reset_index(drop=True),
        dc[~dc["body"].isin(list(OWN))].reset_index(drop=True),
    )


@pytest.mark.parametrize("body", ["boenen", "selm"])
def test_contributions_use_the_body_weights(survey_analysis, body):
    c = survey_analysis.contributions
    c = c[c["body"] == body]
    expected = dict(zip(IDS, OWN[body], strict=True))
    np.testing.assert_allclose(c["weight"].to_numpy(), c["criterion"].map(expected), atol=1e-15)
    r = survey_analysis.ranking.set_index(["body", "option"])["score"]
    total = c.groupby("option")["contribution"].sum()
    np.testing.assert_allclose(
        total.to_numpy(), r.loc[body].loc[total.index].to_numpy(), rtol=0, atol=1e-12
    )
    top = survey_analysis.explain(body)
    assert set(top["weight"].round(12)) <= {round(x, 12) for x in OWN[body]}


def test_analysis_carries_the_merged_model(survey_analysis):
    model = survey_analysis.criteria
    assert sorted(model.body_weights) == ["boenen", "selm"]
    assert model.id == "ikz-egov-nrw"


def test_mapping_and_yaml_give_the_same_result(survey_analysis, tmp_path):
    mapping = {
        "boenen": {
            "groups": {"egov_pflichten": 0.4, "personal": 0.05},
            "criteria": {"net_savings": 0.2},
            "assumption": "illustrative",
        },
        "selm": {"criteria": {"control_kept": 0.9}, "assumption": "illustrative"},
    }
    by_mapping = potential.analyse(survey_analysis.dataset, body_weights=mapping)
    pd.testing.assert_frame_equal(by_mapping.ranking, survey_analysis.ranking)
    block = BOENEN_YAML + (
        "  selm:\n    criteria: {control_kept: 0.9}\n    assumption: illustrative\n"
    )
    by_yaml = potential.analyse(
        survey_analysis.dataset, criteria=yaml_with_body_weights(tmp_path, block)
    )
    pd.testing.assert_frame_equal(by_yaml.ranking, survey_analysis.ranking)
    pd.testing.assert_frame_equal(by_yaml.contributions, survey_analysis.contributions)


def test_unknown_bodies_are_named(default_analysis, tmp_path):
    ds = default_analysis.dataset
    bad = {"dortmund": {"groups": {"personal": 1}, "assumption": "x"}}
    with pytest.raises(InputError, match="dortmund"):
        potential.analyse(ds, body_weights=bad)
    block = BOENEN_YAML.replace("  boenen:", "  hamm:") + BOENEN_YAML.replace("boenen", "essen")
    path = yaml_with_body_weights(tmp_path, block)
    with pytest.raises(InputError, match="'hamm', 'essen'"):
        potential.analyse(ds, criteria=path)


def test_bad_body_weights_argument(default_analysis):
    with pytest.raises(InputError, match="body_weights"):
        potential.analyse(default_analysis.dataset, body_weights=[("boenen", 1)])
    with pytest.raises(InputError, match="net_saving"):
        potential.analyse(
            default_analysis.dataset,
            body_weights={"boenen": {"criteria": {"net_saving": 1}, "assumption": "x"}},
        )


def test_other_methods_use_the_body_weights(survey_analysis):
    from potential.analysis import compare_methods

    ranks, _ = compare_methods(
        survey_analysis.dataset, survey_analysis.criteria, methods=["wsm", "topsis"]
    )
    r = survey_analysis.ranking
    for body in ["boenen", "unna"]:
        mine = ranks[ranks["body"] == body].set_index("option")["wsm"]
        theirs = r[r["body"] == body].set_index("option")["rank"]
        np.testing.assert_array_equal(mine.to_numpy(), theirs.loc[mine.index].to_numpy())
    topsis = potential.analyse(survey_analysis.dataset, method="topsis", body_weights=SURVEY)
    t = topsis.ranking[topsis.ranking["body"] == "boenen"].set_index("option")["rank"]
    mine = ranks[ranks["body"] == "boenen"].set_index("option")["topsis"]
    np.testing.assert_array_equal(mine.to_numpy(), t.loc[mine.index].to_numpy())


def test_group_view_of_survey_by_hand(survey_analysis):
    # Group weights (arithmetic) × 11 = 9 × model + Bönen + Selm:
    #   net_savings 1.89 + 0.35/3 + 0.21 = 2.2167   one_off_cost 1.26 + 0.7/3 + 0.14 = 1.6333
    #   staffing_relief 1.35 + 0.03 + 0.15 = 1.53   resilience 0.9 + 0.02 + 0.10 = 1.02
    #   time_to_implement 0.54 + 0.06 + 0.04 = 0.64 control_kept 0.72 + 0.08 + 0.12 = 0.92
    #   tax_procurement_risk 0.64                    obligation_pressure 1.8 + 0.4 + 0.2 = 2.4
    # Orders, heaviest first (T = time, X = tax; tied in every ranking below):
    #   group  O N 1 S R C T=X       model  N O S 1 R C T=X
    #   Bönen  O 1 N C T=X S R       Selm   N O S 1 C R T=X
    # Kendall's tau-b against the group: 28 pairs, one tied in both -> denominator 27.
    #   model: discordant N–O, S–1 -> (25 − 2)/27 = 23/27
    #   Bönen: discordant N–1, S–C, S–T, S–X, R–C, R–T, R–X -> (20 − 7)/27 = 13/27
    #   Selm:  discordant N–O, S–1, R–C -> (24 − 3)/27 = 21/27
    # Weight distance ½ Σ |w − group| (× 11 inside): model 2·0.28/3 + 0.12 + 0.08 + 0.02
    #   + 0.04 + 0.02 + 0.2 = 2/3 -> 1/33; Bönen 2·2.8/3 + 1.2 + 0.8 + 0.02 + 0.04 + 0.02 + 2.0
    #   = 17.84/3 -> 17.84/66; Selm 2·0.28/3 + 0.12 + 0.08 + 0.2 + 0.4 + 0.2 + 0.2 = 4.16/3
    #   -> 4.16/66.
    g = survey_analysis.group_view()
    assert g.own_weights == ("boenen", "selm")
    np.testing.assert_allclose(g.weights.loc["boenen"].to_numpy(), BOENEN, atol=1e-15)
    group = np.array(
        [1.89 + 0.35 / 3 + 0.21, 1.26 + 0.7 / 3 + 0.14, 1.53, 1.02, 0.64, 0.92, 0.64, 2.4]
    ) / 11  # fmt: skip
    np.testing.assert_allclose(g.group_weights["arithmetic"].to_numpy(), group, atol=1e-12)
    d = g.departures
    models = ["kreis_unna", "bergkamen", "froendenberg", "holzwickede", "kamen", "luenen",
              "schwerte", "unna", "werne"]  # fmt: skip
    assert d["body"].tolist() == ["boenen", "selm", *models]
    np.testing.assert_allclose(
        d["kendall_tau"], [13 / 27, 21 / 27, *[23 / 27] * 9], rtol=0, atol=1e-12
    )
    np.testing.assert_allclose(
        d["weight_distance"], [17.84 / 66, 4.16 / 66, *[1 / 33] * 9], rtol=0, atol=1e-12
    )
    assert d["departs"].all()  # even the model's bodies: the group puts obligation_pressure first
    # Kendall's W, ranks 1 = heaviest (ties averaged). Rank sums over the 11 bodies:
    #   N 9·1 + 3 + 1 = 13, O 9·2 + 1 + 2 = 21, S 9·3 + 7 + 3 = 37, 1 9·4 + 2 + 4 = 42,
    #   R 9·5 + 8 + 6 = 59, C 9·6 + 4 + 5 = 63, T = X 9·7.5 + 5.5 + 7.5 = 80.5 (sum 396).
    #   Mean 11 · 9 / 2 = 49.5; S = 36.5² + 28.5² + 12.5² + 7.5² + 9.5² + 13.5² + 2 · 31²
    #   = 4551.5. Ties: one pair per body, 2³ − 2 = 6 each, 66 in all.
    #   W = 12 · 4551.5 / (11² · (8³ − 8) − 11 · 66) = 54618 / 60258
    assert g.kendall_w == pytest.approx(54618 / 60258, abs=1e-12)
