"""Tests of :func:`potential.analyse` and :func:`potential.analysis.joint_view`.

The rankings are recalculated independently from the raw indicator values with the weights
worked out by hand from ``criteria/ikz-egov-nrw.yaml``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import potential
from potential.errors import InputError
from potential.messages import use_lang

STAND_ALONE = "alleingang"

BODIES = [
    "kreis_unna", "bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen",
    "schwerte", "selm", "unna", "werne",
]  # fmt: skip

# Effective weights of criteria/ikz-egov-nrw.yaml, by hand. Group weights 0.35 + 0.25 + 0.2 +
# 0.2 = 1; within-group weights already sum to 1 in every group:
#   wirtschaftlichkeit 0.35: npv_per_capita 0.35·0.8 = 0.28, liquidity_burden 0.35·0.2 = 0.07
#   personal 0.25:           staffing_relief 0.25·0.6 = 0.15, resilience 0.25·0.4 = 0.10
#   rechtsform_steuerung 0.2: time_to_implement 0.2·0.3 = 0.06, control_kept 0.2·0.4 = 0.08,
#                             procurement_risk 0.2·0.3 = 0.06
#   egov_pflichten 0.2:      service_quality 0.2·1.0 = 0.20
# Sum: 0.28 + 0.07 + 0.15 + 0.10 + 0.06 + 0.08 + 0.06 + 0.20 = 1.00
# The anchored scales (worst, best) are those of the YAML file.
# (criterion id, indicator, direction, weight, worst, best)
CRITERIA = [
    ("npv_per_capita", "npv_per_capita", "max", 0.28, -30.0, 30.0),
    ("liquidity_burden", "burden_per_capita", "min", 0.07, 20.0, 0.0),
    ("staffing_relief", "staffing_relief", "max", 0.15, 0.0, 2.0),
    ("resilience", "resilience", "max", 0.10, 0.0, 1.0),
    ("time_to_implement", "time_to_implement", "min", 0.06, 48.0, 0.0),
    ("control_kept", "control_kept", "max", 0.08, 0.0, 1.0),
    ("procurement_risk", "procurement_risk", "min", 0.06, 1.0, 0.0),
    ("service_quality", "service_quality", "max", 0.20, 0.0, 1.0),
]
CRITERION_IDS = [c[0] for c in CRITERIA]
WEIGHTS = np.array([c[3] for c in CRITERIA])


def fixed_values(rows: pd.DataFrame) -> np.ndarray:
    """Anchored linear value functions: worst 0, best 1, clipped beyond the anchors."""
    out = np.zeros((len(rows), len(CRITERIA)))
    for j, (_, indicator, _, _, worst, best) in enumerate(CRITERIA):
        x = rows[indicator].to_numpy(dtype=float)
        out[:, j] = np.clip((x - worst) / (best - worst), 0, 1)
    return out


def clipped_matrix(rows: pd.DataFrame) -> np.ndarray:
    """The raw values clipped to the anchors (what every method sees with fixed scales)."""
    return np.column_stack(
        [
            np.clip(rows[c[1]].to_numpy(dtype=float), min(c[4], c[5]), max(c[4], c[5]))
            for c in CRITERIA
        ]
    )


def own_values(x: np.ndarray) -> np.ndarray:
    """Min-max linear value functions of one body's options, 1 = best, constant column 0."""
    out = np.zeros(x.shape)
    for j, c in enumerate(CRITERIA):
        lo, hi = x[:, j].min(), x[:, j].max()
        if hi > lo:
            out[:, j] = (x[:, j] - lo) / (hi - lo) if c[2] == "max" else (hi - x[:, j]) / (hi - lo)
    return out


def own_ranks(scores: np.ndarray) -> np.ndarray:
    """Descending score; scores equal to 1e-12 tie and keep row order (1 = best)."""
    key = np.round(scores, 12)
    order = sorted(range(len(scores)), key=lambda i: (-key[i], i))
    ranks = np.empty(len(scores), dtype=int)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def body_rows(analysis, body: str) -> pd.DataFrame:
    ind = analysis.indicators
    return ind[ind["body"] == body].reset_index(drop=True)


# --- structure of the default analysis -------------------------------------------------------


def test_every_body_has_a_complete_ranking(default_analysis):
    r = default_analysis.ranking
    assert list(dict.fromkeys(r["body"])) == BODIES
    for body, group in r.groupby("body", sort=False):
        assert sorted(group["rank"]) == list(range(1, len(group) + 1)), body
        assert group["option"].is_unique, body
        # sorted by rank within the body
        assert group["rank"].tolist() == list(range(1, len(group) + 1)), body


def test_every_body_has_one_stand_alone_row(default_analysis):
    r = default_analysis.ranking
    alone = r[r["option"] == STAND_ALONE]
    assert sorted(alone["body"]) == sorted(BODIES)
    assert (alone["partners"] == alone["body"]).all()
    assert (alone["benefit"] == 0).all()


def test_ranking_columns(default_analysis):
    cols = set(default_analysis.ranking.columns)
    needed = {"body", "option", "field", "legal_form", "partners", "score", "rank", "benefit"}
    assert needed <= cols
    assert set(CRITERION_IDS) <= cols
    assert [c.id for c in default_analysis.criteria.criteria] == CRITERION_IDS
    # the money of the Wirtschaftlichkeitsvergleich, copied from the indicator table
    money = ["npv", "annuity", "payback_year", "max_burden", "npv_with_grant"]
    assert {*money, "clipped"} <= cols
    ind = default_analysis.indicators.set_index(["body", "option"])
    r = default_analysis.ranking.set_index(["body", "option"])
    for column in money:
        np.testing.assert_array_equal(
            r[column].to_numpy(), ind.loc[r.index, column].to_numpy(dtype=float)
        )


def test_every_option_ranked_by_each_of_its_partners(default_analysis):
    r = default_analysis.ranking
    coop = r[r["option"] != STAND_ALONE]
    for (option, partners), group in coop.groupby(["option", "partners"]):
        assert sorted(group["body"]) == sorted(partners.split(";")), option


def test_default_analysis_metadata(default_analysis):
    a = default_analysis
    assert a.method == "wsm"
    assert a.reference_date == a.dataset.meta.reference_date
    assert a.params == {}


# --- independent recalculation ---------------------------------------------------------------


@pytest.mark.parametrize("body", ["boenen", "kreis_unna", "schwerte"])
def test_wsm_scores_and_ranks_recalculated(default_analysis, body):
    rows = body_rows(default_analysis, body)
    scores = fixed_values(rows) @ WEIGHTS
    ranks = own_ranks(scores)
    r = default_analysis.ranking
    got = r[r["body"] == body].set_index("option").loc[rows["option"]]
    assert len(got) == len(rows)
    np.testing.assert_allclose(got["score"].to_numpy(), scores, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(got["rank"].to_numpy(), ranks)
    # the complete order, best first
    assert (
        r[r["body"] == body]["option"].tolist() == rows["option"].iloc[np.argsort(ranks)].tolist()
    )
    # benefit = score minus the body's stand-alone score
    alone = scores[(rows["option"] == STAND_ALONE).to_numpy()][0]
    np.testing.assert_allclose(got["benefit"].to_numpy(), scores - alone, atol=1e-12)


def test_stand_alone_score_by_hand(default_analysis):
    # The stand-alone option is the status quo: Kapitalwert 0, the middle of the anchored
    # scale -30..30 (value 0.5); no yearly burden (best, 1), no implementation time (best, 1),
    # full control (1) and no procurement risk (best, 1); no staffing relief, resilience gain
    # or obligation coverage (worst, 0):
    # 0.28 * 0.5 + 0.07 + 0.06 + 0.08 + 0.06 = 0.41. On fixed scales it is the same for every
    # body, whatever its other options.
    r = default_analysis.ranking
    alone = r[r["option"] == STAND_ALONE]
    assert len(alone) == len(BODIES)
    np.testing.assert_allclose(alone["score"].to_numpy(), 0.41, rtol=0, atol=1e-12)


def test_raw_criterion_values_in_ranking_are_the_indicators(default_analysis):
    rows = body_rows(default_analysis, "unna").set_index("option")
    r = default_analysis.ranking
    got = r[r["body"] == "unna"].set_index("option")
    for cid, indicator, *_ in CRITERIA:
        np.testing.assert_array_equal(
            got[cid].to_numpy(), rows.loc[got.index, indicator].to_numpy(dtype=float)
        )


# --- contributions ---------------------------------------------------------------------------


def test_contributions_add_up_to_the_score(default_analysis):
    c = default_analysis.contributions
    r = default_analysis.ranking.set_index(["body", "option"])
    total = c.groupby(["body", "option"])["contribution"].sum()
    assert len(total) == len(r)
    np.testing.assert_allclose(
        total.to_numpy(), r.loc[total.index, "score"].to_numpy(), rtol=0, atol=1e-12
    )


def test_contribution_is_weight_times_normalised(default_analysis):
    c = default_analysis.contributions
    expected_w = dict(zip(CRITERION_IDS, WEIGHTS, strict=True))
    np.testing.assert_allclose(c["weight"].to_numpy(), c["criterion"].map(expected_w), atol=1e-15)
    np.testing.assert_allclose(
        c["contribution"].to_numpy(), (c["weight"] * c["normalised"]).to_numpy(), atol=1e-15
    )
    assert c["normalised"].between(0, 1).all()
    assert c.groupby(["body", "option"]).size().eq(len(CRITERIA)).all()


def test_contribution_normalised_values_recalculated(default_analysis):
    rows = body_rows(default_analysis, "kamen")
    v = pd.DataFrame(fixed_values(rows), index=rows["option"], columns=CRITERION_IDS)
    c = default_analysis.contributions
    c = c[c["body"] == "kamen"]
    expected = [v.loc[o, k] for o, k in zip(c["option"], c["criterion"], strict=True)]
    np.testing.assert_allclose(c["normalised"].to_numpy(), expected, atol=1e-12)


def test_shares_sum_to_one_where_score_positive(default_analysis):
    c = default_analysis.contributions
    r = default_analysis.ranking.set_index(["body", "option"])["score"]
    shares = c.groupby(["body", "option"])["share"].sum()
    positive = r.loc[shares.index] > 0
    assert positive.any()
    np.testing.assert_allclose(shares[positive.to_numpy()].to_numpy(), 1.0, atol=1e-12)
    assert (shares[~positive.to_numpy()] == 0).all()


def test_explain_returns_top_option_sorted(default_analysis):
    r = default_analysis.ranking
    for body in ["kreis_unna", "werne"]:
        top = r[(r["body"] == body) & (r["rank"] == 1)]["option"].iloc[0]
        e = default_analysis.explain(body)
        assert set(e["option"]) == {top}
        assert set(e["body"]) == {body}
        assert sorted(e["criterion"]) == sorted(CRITERION_IDS)
        assert e["contribution"].is_monotonic_decreasing
        # a named option
        e2 = default_analysis.explain(body, STAND_ALONE)
        assert set(e2["option"]) == {STAND_ALONE}
        assert e2["contribution"].sum() == pytest.approx(
            r[(r["body"] == body) & (r["option"] == STAND_ALONE)]["score"].iloc[0], abs=1e-12
        )


def test_explain_errors(default_analysis):
    with pytest.raises(InputError, match="nowhere"):
        default_analysis.explain("nowhere")
    r = default_analysis.ranking
    not_boenen = r[(r["body"] == "selm") & ~r["partners"].str.contains("boenen")]["option"]
    with pytest.raises(InputError, match="boenen"):
        default_analysis.explain("boenen", not_boenen.iloc[0])


def test_top(default_analysis):
    top = default_analysis.top(2)
    assert len(top) == 2 * len(BODIES)
    assert set(top["rank"]) == {1, 2}


# --- joint view ------------------------------------------------------------------------------


def own_joint(ranking: pd.DataFrame) -> dict[str, dict]:
    """Per option, recomputed from scores: benefit = score - the member's stand-alone score."""
    alone = {
        b: s
        for b, o, s in zip(ranking["body"], ranking["option"], ranking["score"], strict=True)
        if o == STAND_ALONE
    }
    out: dict[str, dict] = {}
    for b, o, s in zip(ranking["body"], ranking["option"], ranking["score"], strict=True):
        if o == STAND_ALONE:
            continue
        out.setdefault(o, []).append(s - alone[b])
    return {
        o: {
            "members": len(bs),
            "members_gaining": sum(x > 0 for x in bs),
            "all_gain": all(x > 0 for x in bs),
            "summed_benefit": sum(bs),
            "min_benefit": min(bs),
        }
        for o, bs in out.items()
    }


def test_joint_view_recalculated(default_analysis):
    joint = default_analysis.joint.set_index("option")
    mine = own_joint(default_analysis.ranking)
    assert set(joint.index) == set(mine)
    assert joint.index.is_unique
    # spot checks on the best, the worst and a few in between ...
    picks = [*joint.index[:3], joint.index[len(joint) // 2], *joint.index[-2:]]
    # ... and on options with a known member count
    # (it/gku/kreisweit was the 11-member pick; IT's kreisweit holds Schwerte and is excluded
    # now (austritt_unbekannt), so shared_services/gku/kreisweit takes its place, and IT's
    # largest ranked set, wie_kreistierheim = all 11 bodies but Schwerte, is added)
    picks += [
        "shared_services/gku/kreisweit",
        "it/gku/wie_kreistierheim",
        "epayment/oerv_mandat/kreis_unna+boenen",
    ]
    for option in picks:
        got, exp = joint.loc[option], mine[option]
        assert got["members"] == exp["members"], option
        assert got["members_gaining"] == exp["members_gaining"], option
        assert bool(got["all_gain"]) == exp["all_gain"], option
        assert got["summed_benefit"] == pytest.approx(exp["summed_benefit"], abs=1e-12)
        assert got["min_benefit"] == pytest.approx(exp["min_benefit"], abs=1e-12)
    assert joint.loc["shared_services/gku/kreisweit", "members"] == 11
    assert joint.loc["it/gku/wie_kreistierheim", "members"] == 11 - 1
    assert "it/gku/kreisweit" not in joint.index
    assert joint.loc["epayment/oerv_mandat/kreis_unna+boenen", "members"] == 2
    # and all of them at once
    for option, exp in mine.items():
        got = joint.loc[option]
        assert (got["members"], got["members_gaining"], bool(got["all_gain"])) == (
            exp["members"],
            exp["members_gaining"],
            exp["all_gain"],
        ), option
        assert abs(got["min_benefit"] - exp["min_benefit"]) < 1e-12, option
        assert abs(got["summed_benefit"] - exp["summed_benefit"]) < 1e-12, option


def test_joint_members_match_partners(default_analysis):
    j = default_analysis.joint
    assert (j["members"] == j["partners"].str.split(";").str.len()).all()
    assert (j["members"] == j["n_partners"]).all()
    assert STAND_ALONE not in set(j["option"])


def test_consensus_rank_order(default_analysis):
    j = default_analysis.joint
    assert j["consensus_rank"].tolist() == list(range(1, len(j) + 1))
    key = list(zip(j["min_benefit"], j["summed_benefit"], strict=True))
    for (m1, s1), (m2, s2) in zip(key, key[1:], strict=False):
        assert m1 > m2 or (m1 == m2 and s1 >= s2)
    # all-gain options come first, because their smallest benefit is positive
    gain = j["all_gain"].to_numpy()
    assert not (~gain[:-1] & gain[1:]).any()


def test_joint_view_of_hand_made_ranking():
    # Two bodies x, y; options o1 (x+y), o2 (x+y), o3 (y only with z). Stand-alone scores:
    # x 0.3, y 0.5, z 0.2.
    #   o1: x 0.6 (+0.3), y 0.4 (-0.1) -> members 2, gaining 1, sum 0.2, min -0.1
    #   o2: x 0.4 (+0.1), y 0.6 (+0.1) -> members 2, gaining 2, sum 0.2, min 0.1
    #   o3: y 0.7 (+0.2), z 0.1 (-0.1) -> members 2, gaining 1, sum 0.1, min -0.1
    #   o4: x 0.3 (0),    z 0.3 (+0.1) -> members 2, gaining 1 (0 is no gain), sum 0.1, min 0
    # consensus: o2 (min 0.1), o4 (min 0), o1 (min -0.1, sum 0.2), o3 (min -0.1, sum 0.1)
    from potential.analysis import joint_view

    rows = [
        ("x", STAND_ALONE, "x", 0.3),
        ("x", "o1", "x;y", 0.6),
        ("x", "o2", "x;y", 0.4),
        ("x", "o4", "x;z", 0.3),
        ("y", STAND_ALONE, "y", 0.5),
        ("y", "o1", "x;y", 0.4),
        ("y", "o2", "x;y", 0.6),
        ("y", "o3", "y;z", 0.7),
        ("z", STAND_ALONE, "z", 0.2),
        ("z", "o3", "y;z", 0.1),
        ("z", "o4", "x;z", 0.3),
    ]
    df = pd.DataFrame(rows, columns=["body", "option", "partners", "score"])
    alone = df[df["option"] == STAND_ALONE].set_index("body")["score"]
    df["benefit"] = df["score"] - df["body"].map(alone)
    df["rank"] = 1
    df["field"] = "f"
    df["legal_form"] = "lf"
    df["lead"] = ""
    df["n_partners"] = 2
    j = joint_view(df)
    assert j["option"].tolist() == ["o2", "o4", "o1", "o3"]
    assert j["consensus_rank"].tolist() == [1, 2, 3, 4]
    assert j["members"].tolist() == [2, 2, 2, 2]
    assert j["members_gaining"].tolist() == [2, 1, 1, 1]
    assert j["all_gain"].tolist() == [True, False, False, False]
    np.testing.assert_allclose(j["summed_benefit"], [0.2, 0.1, 0.2, 0.1], atol=1e-12)
    np.testing.assert_allclose(j["min_benefit"], [0.1, 0.0, -0.1, -0.1], atol=1e-12)


# --- other methods, dates, determinism ------------------------------------------------------


@pytest.fixture(scope="module")
def topsis_analysis(default_analysis):
    return potential.analyse(default_analysis.dataset, method="topsis")


@pytest.fixture(scope="module")
def wpm_analysis(default_analysis):
    return potential.analyse(default_analysis.dataset, method="wpm")


def assert_complete(analysis, reference):
    r = analysis.ranking
    for body, group in r.groupby("body", sort=False):
        assert sorted(group["rank"]) == list(range(1, len(group) + 1)), body
    assert np.isfinite(r["score"]).all()
    key = ["body", "option"]
    assert sorted(map(tuple, r[key].to_numpy())) == sorted(
        map(tuple, reference.ranking[key].to_numpy())
    )


def test_topsis_analysis(default_analysis, topsis_analysis):
    assert topsis_analysis.method == "topsis"
    assert_complete(topsis_analysis, default_analysis)
    # closeness recomputed for one body: the values clipped to the anchors, then vector
    # normalisation (TOPSIS keeps its own normalisation), weights above
    rows = body_rows(default_analysis, "boenen")
    x = clipped_matrix(rows)
    varies = x.max(axis=0) > x.min(axis=0)
    x, w = x[:, varies], WEIGHTS[varies] / WEIGHTS[varies].sum()
    is_max = np.array([c[2] == "max" for c in CRITERIA])[varies]
    v = x / np.sqrt((x**2).sum(axis=0)) * w
    ideal = np.where(is_max, v.max(axis=0), v.min(axis=0))
    anti = np.where(is_max, v.min(axis=0), v.max(axis=0))
    dp = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((v - anti) ** 2).sum(axis=1))
    closeness = dm / (dp + dm)
    r = topsis_analysis.ranking
    got = r[r["body"] == "boenen"].set_index("option").loc[rows["option"]]
    np.testing.assert_allclose(got["score"].to_numpy(), closeness, rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(got["rank"].to_numpy(), own_ranks(closeness))


def test_wpm_analysis(default_analysis, wpm_analysis):
    assert wpm_analysis.method == "wpm"
    assert wpm_analysis.params == {"value_floor": 0.1}
    assert_complete(wpm_analysis, default_analysis)
    assert "log10_score" in wpm_analysis.ranking.columns
    # documented: every criterion mapped onto 0.1 + 0.9·v with its value function on the
    # anchored scale (worst 0, best 1, clipped beyond), as the weighted sum scores, then the
    # weighted product; not the min-max range of the body's options
    rows = body_rows(default_analysis, "boenen")
    u = 0.1 + 0.9 * fixed_values(rows)
    product = np.prod(u**WEIGHTS, axis=1)
    r = wpm_analysis.ranking
    got = r[r["body"] == "boenen"].set_index("option").loc[rows["option"]]
    np.testing.assert_allclose(got["score"].to_numpy(), product, rtol=1e-9)
    np.testing.assert_array_equal(got["rank"].to_numpy(), own_ranks(product))


def test_wpm_on_the_body_s_own_range_with_minmax_scales(default_analysis):
    # scales="minmax": the raw values (not clipped), every criterion mapped onto 0.1 + 0.9·v
    # with its min-max value function over the body's options, then the weighted product
    minmax = potential.analyse(default_analysis.dataset, method="wpm", scales="minmax")
    rows = body_rows(default_analysis, "boenen")
    x = np.column_stack([rows[c[1]].to_numpy(dtype=float) for c in CRITERIA])
    product = np.prod((0.1 + 0.9 * own_values(x)) ** WEIGHTS, axis=1)
    r = minmax.ranking
    got = r[r["body"] == "boenen"].set_index("option").loc[rows["option"]]
    np.testing.assert_allclose(got["score"].to_numpy(), product, rtol=1e-9)
    np.testing.assert_array_equal(got["rank"].to_numpy(), own_ranks(product))


def test_reference_date_before_foerderschulen_transfer(default_analysis):
    # The Kreis took over the Förderschulen on 2016-08-01 (cooperations.csv, scope full); on
    # 2016-04-01 that field is still open for cooperation options, by default it is not.
    early = potential.analyse(default_analysis.dataset, reference_date="2016-04-01")
    assert early.reference_date.isoformat() == "2016-04-01"
    assert "foerderschulen" in set(early.ranking["field"])
    assert "foerderschulen" not in set(default_analysis.ranking["field"])
    for body, group in early.ranking.groupby("body", sort=False):
        assert sorted(group["rank"]) == list(range(1, len(group) + 1)), body


@pytest.mark.parametrize("bad", ["not-a-date", "2016-13-01", "01/04/2016", ""])
def test_reference_date_not_a_date(default_analysis, bad):
    with pytest.raises(InputError, match="Stichtag: .* gefunden; erwartet: ein Datum"):
        potential.analyse(default_analysis.dataset, reference_date=bad)
    with use_lang("en"), pytest.raises(InputError, match="reference date: got"):
        potential.analyse(default_analysis.dataset, reference_date=bad)


def test_unknown_method(default_analysis):
    with pytest.raises(InputError, match="ahp"):
        potential.analyse(default_analysis.dataset, method="ahp")


def test_analyse_is_deterministic(default_analysis):
    again = potential.analyse()
    pd.testing.assert_frame_equal(again.ranking, default_analysis.ranking)
    pd.testing.assert_frame_equal(again.joint, default_analysis.joint)
    pd.testing.assert_frame_equal(again.contributions, default_analysis.contributions)
