"""Per-body weights: the criteria model, the CSV file and the analysis.

The fixtures in ``tests/data/body_weights/`` hold illustrative weights (not any body's view).
The rankings are recalculated independently: the anchored value functions of
``criteria/ikz-egov-nrw.yaml`` (worst 0, best 1, clipped) × the body's effective weights worked
out by hand.
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

CRITERIA = [  # (criterion, indicator, worst, best), model order and anchors of the YAML file
    ("npv_per_capita", "npv_per_capita", -30.0, 30.0),
    ("liquidity_burden", "burden_per_capita", 20.0, 0.0),
    ("staffing_relief", "staffing_relief", 0.0, 2.0),
    ("resilience", "resilience", 0.0, 1.0),
    ("time_to_implement", "time_to_implement", 48.0, 0.0),
    ("control_kept", "control_kept", 0.0, 1.0),
    ("procurement_risk", "procurement_risk", 1.0, 0.0),
    ("service_quality", "service_quality", 0.0, 1.0),
]
IDS = [c[0] for c in CRITERIA]

# The model's effective weights (see tests/test_criteria.py for the arithmetic).
MODEL = [0.28, 0.07, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]

# Bönen in survey.csv: groups egov_pflichten 0.4 and personal 0.05 (wirtschaftlichkeit 0.35
# and rechtsform_steuerung 0.2 kept): group sum 0.35 + 0.05 + 0.2 + 0.4 = 1.0.
# Criterion npv_per_capita 0.6 (liquidity_burden 0.2 kept): shares 0.6/0.8 = 3/4 and 1/4.
#   npv_per_capita 0.35·3/4 = 0.2625, liquidity_burden 0.35/4 = 0.0875, staffing_relief
#   0.05·0.6 = 0.03, resilience 0.05·0.4 = 0.02, time_to_implement 0.2·0.3 = 0.06,
#   control_kept 0.2·0.4 = 0.08, procurement_risk 0.06, service_quality 0.4·1 = 0.4.
#   Sum 0.35 + 0.05 + 0.2 + 0.4 = 1.
BOENEN = [0.2625, 0.0875, 0.03, 0.02, 0.06, 0.08, 0.06, 0.4]
# Selm in survey.csv: criterion control_kept 0.9 in rechtsform_steuerung (0.3, 0.9, 0.3; sum
# 1.5): shares 0.2, 0.6, 0.2 × group 0.2 -> 0.04, 0.12, 0.04; the other groups as the model.
SELM = [0.28, 0.07, 0.15, 0.10, 0.04, 0.12, 0.04, 0.20]
OWN = {"boenen": BOENEN, "selm": SELM}


def own_values(rows: pd.DataFrame) -> np.ndarray:
    """Anchored linear value functions: worst 0, best 1, clipped beyond the anchors."""
    out = np.zeros((len(rows), len(CRITERIA)))
    for j, (_, indicator, worst, best) in enumerate(CRITERIA):
        x = rows[indicator].to_numpy(dtype=float)
        out[:, j] = np.clip((x - worst) / (best - worst), 0, 1)
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
    assert bw["boenen"].criteria == {"npv_per_capita": 0.6}
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
        {"boenen": BodyWeights(criteria={"npv_per_capita": 0.6}, source="survey 2025, Bönen")}
    )
    # Bönen's group overrides are gone; only npv_per_capita 0.6 (shares 3/4, 1/4 of 0.35)
    expected = [0.2625, 0.0875, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]
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
    criteria: {npv_per_capita: 0.6}
    assumption: illustrative test fixture; not Bönen's view
"""


def test_body_weights_in_the_criteria_yaml(tmp_path):
    model = load_criteria(yaml_with_body_weights(tmp_path, BOENEN_YAML))
    np.testing.assert_allclose(list(model.weights("boenen").values()), BOENEN, atol=1e-15)
    np.testing.assert_allclose(list(model.weights("selm").values()), MODEL, atol=1e-15)


@pytest.mark.parametrize(
    ("block", "key"),
    [
        (BOENEN_YAML.replace("npv_per_capita: 0.6", "npv_capita: 0.6"), "npv_capita"),
        (BOENEN_YAML.replace("egov_pflichten: 0.4", "egov: 0.4"), "egov"),
        (BOENEN_YAML.replace("npv_per_capita: 0.6", "npv_per_capita: -0.6"), "npv_per_capita"),
        (
            "  boenen:\n    groups: {wirtschaftlichkeit: 0, personal: 0, "
            "rechtsform_steuerung: 0, egov_pflichten: 0}\n    assumption: x\n",
            "alle Gruppengewichte sind null",
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
        ("bad-unknown-body.csv", "Zeile 3", "dortmund"),
        ("bad-unknown-criterion.csv", "Zeile 3", "npv_per_capita_"),
        ("bad-unknown-group.csv", "Zeile 2", "staff"),
        ("bad-negative-weight.csv", "Zeile 3", "weight"),
        ("bad-all-zero.csv", "Zeilen 3, 4, 5, 6", "alle Gruppengewichte sind null"),
        ("bad-missing-column.csv", "1", "weight"),  # the line: files.py's wording
        ("bad-level.csv", "Zeile 2", "gruppe"),
        ("bad-no-provenance.csv", "Zeile 2", "assumption"),
        ("bad-twice.csv", "Zeile 4", "personal"),
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
    with pytest.raises(InputError, match="nope.csv"):  # files.py's wording
        load_body_weights(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("body,level,id,weight,source\n", encoding="utf-8")
    with pytest.raises(InputError, match="keine Zeilen") as info:
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
            "criteria": {"npv_per_capita": 0.6},
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
    # a criterion the model no longer has (net savings became the Kapitalwert)
    with pytest.raises(InputError, match="net_savings"):
        potential.analyse(
            default_analysis.dataset,
            body_weights={"boenen": {"criteria": {"net_savings": 1}, "assumption": "x"}},
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
    #   npv_per_capita 2.52 + 0.2625 + 0.28 = 3.0625
    #   liquidity_burden 0.63 + 0.0875 + 0.07 = 0.7875
    #   staffing_relief 1.35 + 0.03 + 0.15 = 1.53      resilience 0.9 + 0.02 + 0.10 = 1.02
    #   time_to_implement 0.54 + 0.06 + 0.04 = 0.64    control_kept 0.72 + 0.08 + 0.12 = 0.92
    #   procurement_risk 0.64                          service_quality 1.8 + 0.4 + 0.2 = 2.4
    # Orders, heaviest first (N npv, B burden, S staffing, R resilience, C control, O duties,
    # T = P time and procurement, tied in every ranking below):
    #   group  N O S R C B T=P       model  N O S R C B T=P (the same order)
    #   Bönen  O N B C T=P S R       Selm   N O S C R B T=P
    # Kendall's tau-b against the group: 28 pairs, one tied in both -> denominator 27.
    #   model: no discordant pair -> 27/27 = 1
    #   Bönen: discordant N–O, S–C, S–B, S–T, S–P, R–C, R–B, R–T, R–P, C–B -> (17 − 10)/27
    #   Selm:  discordant R–C -> (26 − 1)/27 = 25/27
    # Weight distance ½ Σ |w − group| (× 11 inside):
    #   model 0.0175 + 0.0175 + 0.12 + 0.08 + 0.02 + 0.04 + 0.02 + 0.2 = 0.515 -> 0.515/22
    #   Bönen 0.175 + 0.175 + 1.2 + 0.8 + 0.02 + 0.04 + 0.02 + 2.0 = 4.43 -> 4.43/22
    #   Selm 0.0175 + 0.0175 + 0.12 + 0.08 + 0.2 + 0.4 + 0.2 + 0.2 = 1.235 -> 1.235/22
    g = survey_analysis.group_view()
    assert g.own_weights == ("boenen", "selm")
    np.testing.assert_allclose(g.weights.loc["boenen"].to_numpy(), BOENEN, atol=1e-15)
    group = np.array(
        [3.0625, 0.7875, 1.53, 1.02, 0.64, 0.92, 0.64, 2.4]
    ) / 11  # fmt: skip
    np.testing.assert_allclose(g.group_weights["arithmetic"].to_numpy(), group, atol=1e-12)
    d = g.departures
    models = ["kreis_unna", "bergkamen", "froendenberg", "holzwickede", "kamen", "luenen",
              "schwerte", "unna", "werne"]  # fmt: skip
    assert d["body"].tolist() == ["boenen", "selm", *models]
    np.testing.assert_allclose(d["kendall_tau"], [7 / 27, 25 / 27, *[1] * 9], rtol=0, atol=1e-12)
    np.testing.assert_allclose(
        d["weight_distance"], [4.43 / 22, 1.235 / 22, *[0.515 / 22] * 9], rtol=0, atol=1e-12
    )
    # the model's bodies order the criteria as the group does
    assert d["departs"].tolist() == [True, True, *[False] * 9]
    # Kendall's W, ranks 1 = heaviest (ties averaged). Rank sums over the 11 bodies:
    #   N 9·1 + 2 + 1 = 12, O 9·2 + 1 + 2 = 21, S 9·3 + 7 + 3 = 37, R 9·4 + 8 + 5 = 49,
    #   C 9·5 + 4 + 4 = 53, B 9·6 + 3 + 6 = 63, T = P 9·7.5 + 5.5 + 7.5 = 80.5 (sum 396).
    #   Mean 11 · 9 / 2 = 49.5; S = 37.5² + 28.5² + 12.5² + 0.5² + 3.5² + 13.5² + 2 · 31²
    #   = 4491.5. Ties: one pair per body, 2³ − 2 = 6 each, 66 in all.
    #   W = 12 · 4491.5 / (11² · (8³ − 8) − 11 · 66) = 53898 / 60258
    assert g.kendall_w == pytest.approx(53898 / 60258, abs=1e-12)
