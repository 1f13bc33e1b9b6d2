"""Tests of :mod:`potential.group`: Borda, Copeland, Kendall's W, departures, group view.

Every expected value is worked out by hand in the comments or taken from a published
example; none is what the code printed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import potential
from potential.errors import InputError
from potential.group import (
    aggregate_weights,
    borda,
    copeland,
    departures,
    group_view,
    kendall_w,
    weight_rankings,
)
from potential.messages import use_lang

DATA = Path(__file__).parent / "data" / "body_weights"
STAND_ALONE = "alleingang"
NAN = np.nan


def profile(columns: dict[str, list], items: str) -> pd.DataFrame:
    """Rankings table: items (rows, one letter each) × voters."""
    return pd.DataFrame(columns, index=list(items), dtype=float)


# --- Kendall's W -----------------------------------------------------------------------------


def test_kendall_w_published_strawberry_example():
    # influentialpoints.com, "Kendall coefficient of concordance", worked example I: four
    # raters rank the strawberries of eight farms (1 = best). Printed there: rank sums
    # 31 12 12 15 22 5 22 25, mean 18, sum of squares 500, W = 500 / (504 × 16 / 12) = 0.744.
    # By hand: W = 12 S / (m² (n³ − n)) = 12 · 500 / (16 · 504) = 6000 / 8064.
    raters = {
        "A": [8, 4, 2, 3, 5, 1, 6, 7],
        "B": [7, 3, 1, 4, 5, 2, 6, 8],
        "C": [8, 2, 5, 6, 7, 1, 4, 3],
        "D": [8, 3, 4, 2, 5, 1, 6, 7],
    }
    ranks = profile(raters, "12345678")
    assert ranks.sum(axis=1).tolist() == [31, 12, 12, 15, 22, 5, 22, 25]  # the printed sums
    assert kendall_w(ranks) == pytest.approx(6000 / 8064, abs=1e-12)
    assert round(kendall_w(ranks), 3) == 0.744


def test_kendall_w_published_proofwiki_example():
    # ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1": four
    # judges rank three competitors X, Y, Z; rank sums 7, 9, 8; mean 8; S = 1 + 1 + 0 = 2;
    # W = 12 · 2 / (4² · 3 · (3² − 1)) = 1/16.
    ranks = profile({"A": [1, 3, 2], "B": [1, 2, 3], "C": [2, 3, 1], "D": [3, 1, 2]}, "XYZ")
    assert kendall_w(ranks) == pytest.approx(1 / 16, abs=1e-15)


def test_kendall_w_with_ties_published_example():
    # stats.stackexchange.com question 261206 (formula of Sheskin's Handbook, = Siegel &
    # Castellan eq. 9.16): x = [12, 2, 1, 12, 2], y = [1, 4, 7, 1, 0] ranked (ties averaged)
    # to [4.5, 2.5, 1, 4.5, 2.5] and [2.5, 4, 5, 2.5, 1]; m = 2, n = 5; ties: x two pairs
    # (2³ − 2) · 2 = 12, y one pair 6, together 18;
    # W = (12 · 188.5 − 3 · 2² · 5 · 6²) / (2² · 5 · 24 − 2 · 18) = 102 / 444 = 0.22973.
    # Raw values: larger means a higher rank number, as in the example.
    ranks = profile({"x": [12, 2, 1, 12, 2], "y": [1, 4, 7, 1, 0]}, "abcde")
    assert kendall_w(ranks) == pytest.approx(102 / 444, abs=1e-12)
    assert round(kendall_w(ranks), 5) == 0.22973


def test_kendall_w_three_judges_four_items_by_hand():
    # v1: a b c d, v2: a c b d, v3: b a d c (ranks below). Rank sums a 1+1+2 = 4,
    # b 2+3+1 = 6, c 3+2+4 = 9, d 4+4+3 = 11; mean m(n+1)/2 = 3 · 5 / 2 = 7.5;
    # S = 3.5² + 1.5² + 1.5² + 3.5² = 12.25 + 2.25 + 2.25 + 12.25 = 29;
    # W = 12 · 29 / (3² · (4³ − 4)) = 348 / 540 = 29/45.
    ranks = profile({"v1": [1, 2, 3, 4], "v2": [1, 3, 2, 4], "v3": [2, 1, 4, 3]}, "abcd")
    assert kendall_w(ranks) == pytest.approx(29 / 45, abs=1e-15)


def test_kendall_w_identical_and_latin_square():
    same = profile({"v1": [1, 2, 3], "v2": [1, 2, 3], "v3": [1, 2, 3]}, "abc")
    assert kendall_w(same) == pytest.approx(1.0, abs=1e-15)
    # Latin square: every item once at every rank -> rank sums 6, 6, 6, S = 0, W = 0.
    latin = profile({"v1": [1, 2, 3], "v2": [2, 3, 1], "v3": [3, 1, 2]}, "abc")
    assert kendall_w(latin) == pytest.approx(0.0, abs=1e-15)
    # identical rankings with a tie: the tie correction keeps W = 1. Ranks 1, 2.5, 2.5 per
    # voter; rank sums 2, 5, 5; mean m(n+1)/2 = 4; S = 4 + 1 + 1 = 6; T per voter
    # 2³ − 2 = 6; W = 12 · 6 / (2² · 24 − 2 · (6 + 6)) = 72 / 72 = 1
    tied = profile({"v1": [1, 2, 2], "v2": [1, 2, 2]}, "abc")
    assert kendall_w(tied) == pytest.approx(1.0, abs=1e-15)


def test_kendall_w_only_uses_the_order_within_a_voter():
    ranks = profile({"v1": [10, 20, 30, 40], "v2": [1, 30, 2, 40], "v3": [5, 1, 9, 7]}, "abcd")
    # same orders as the 3 × 4 hand example above
    assert kendall_w(ranks) == pytest.approx(29 / 45, abs=1e-15)


def test_kendall_w_undefined_and_bad_input():
    assert np.isnan(kendall_w(profile({"v1": [1], "v2": [1]}, "a")))
    assert np.isnan(kendall_w(profile({"v1": [1, 1], "v2": [2, 2]}, "ab")))  # all tied
    with pytest.raises(InputError, match="Ränge fehlen bei v2"):
        kendall_w(profile({"v1": [1, 2], "v2": [1, NAN]}, "ab"))
    with pytest.raises(InputError, match="list; erwartet: eine pandas-Tabelle"):
        kendall_w([[1, 2], [2, 1]])
    with pytest.raises(InputError, match=r"leere Tabelle \(0 Zeilen, 0 Spalten\)"):
        kendall_w(pd.DataFrame())


def test_bad_input_in_english_on_request():
    with use_lang("en"), pytest.raises(InputError) as info:
        kendall_w(profile({"v1": [1, 2], "v2": [1, NAN]}, "ab"))
    assert (
        str(info.value) == "rankings: Kendall's W needs complete rankings; missing ranks from v2"
    )
    with use_lang("en"), pytest.raises(InputError) as info:
        aggregate_weights(pd.DataFrame([[1.0, -0.1]], index=["a"]))
    assert str(info.value) == "weights: negative weight(s) for a; expected weights >= 0"
    with pytest.raises(InputError) as info:
        aggregate_weights(pd.DataFrame([[1.0, -0.1]], index=["a"]))
    assert str(info.value) == "Gewichte (weights): negative Gewichte bei a; erwartet: Gewichte ≥ 0"


# --- Borda and Copeland ----------------------------------------------------------------------

# Five items a–e, three voters; a voter ranks only some items (NaN = not ranked):
#   v1: a b c d   (k = 4)
#   v2: b a c     (k = 3)
#   v3: d c e     (k = 3)
MISSING = profile(
    {
        "v1": [1, 2, 3, 4, NAN],
        "v2": [2, 1, 3, NAN, NAN],
        "v3": [NAN, NAN, 2, 1, 3],
    },
    "abcde",
)


def test_borda_with_missing_ranks_by_hand():
    # Classic points k − r:  v1 a3 b2 c1 d0;  v2 b2 a1 c0;  v3 d2 c1 e0
    #   points a 4, b 4, c 2, d 2, e 0           (a/b and c/d tie on the classic sum)
    # Scaled (k − r)/(k − 1): v1 a1 b2/3 c1/3 d0; v2 b1 a1/2 c0; v3 d1 c1/2 e0
    #   score = mean over the voters that rank the item:
    #   a (1 + 1/2)/2 = 3/4, b (2/3 + 1)/2 = 5/6, c (1/3 + 0 + 1/2)/3 = 5/18,
    #   d (0 + 1)/2 = 1/2, e 0/1 = 0
    # Group ranking by score: b 1, a 2, d 3, c 4, e 5.
    out = borda(MISSING)
    assert list(out.index) == list("abcde")
    np.testing.assert_allclose(out["points"], [4, 4, 2, 2, 0], atol=1e-15)
    assert out["voters"].tolist() == [2, 2, 3, 2, 1]
    np.testing.assert_allclose(out["score"], [3 / 4, 5 / 6, 5 / 18, 1 / 2, 0], atol=1e-15)
    assert out["rank"].tolist() == [2, 1, 4, 3, 5]


def test_borda_uses_only_the_order_within_a_voter():
    # A body's rank of an option among all its options: gaps between the ranks (other options
    # in between) do not matter, only the order of the items in the table.
    gappy = MISSING.copy()
    gappy["v1"] = [2, 5, 9, 10, NAN]
    gappy["v3"] = [NAN, NAN, 40, 3, 77]
    pd.testing.assert_frame_equal(borda(gappy), borda(MISSING))


def test_borda_complete_profile_and_ties_by_item_order():
    # Condorcet cycle: v1 x y z, v2 y z x, v3 z x y. Points (n − r): x 2+0+1 = 3,
    # y 1+2+0 = 3, z 0+1+2 = 3: all tie -> ranks in item order x 1, y 2, z 3.
    cycle = profile({"v1": [1, 2, 3], "v2": [3, 1, 2], "v3": [2, 3, 1]}, "xyz")
    out = borda(cycle)
    np.testing.assert_allclose(out["points"], [3, 3, 3])
    assert out["rank"].tolist() == [1, 2, 3]
    # the same profile with items listed in another order: ties follow that order
    assert borda(cycle.loc[["z", "x", "y"]])["rank"].tolist() == [1, 2, 3]
    # complete rankings: score = points / (m (n − 1)) = 3 / 6
    np.testing.assert_allclose(out["score"], 0.5, atol=1e-15)


def test_borda_tied_ranks_share_points():
    # v1 ranks a and b equal (1.5 each), c third: points a 1.5, b 1.5, c 0;
    # v2: c a b -> a 1, b 0, c 2. Sums a 2.5, b 1.5, c 2 -> a 1, c 2, b 3.
    out = borda(profile({"v1": [1, 1, 3], "v2": [2, 3, 1]}, "abc"))
    np.testing.assert_allclose(out["points"], [2.5, 1.5, 2.0], atol=1e-15)
    assert out["rank"].tolist() == [1, 3, 2]


def test_copeland_with_missing_ranks_by_hand():
    # Pairs, asking only the voters that rank both items (see MISSING):
    #   a–b: v1 a, v2 b -> tie     a–c: v1 a, v2 a -> a     a–d: v1 a -> a
    #   a–e: nobody ranks both -> incomparable
    #   b–c: v1 b, v2 b -> b       b–d: v1 b -> b           b–e: incomparable
    #   c–d: v1 c, v3 d -> tie     c–e: v3 c -> c           d–e: v3 d -> d
    # a: wins c d, tie b, incomparable e -> 2 − 0 = 2;  b: the same -> 2
    # c: win e, tie d, losses a b -> −1;  d: win e, tie c, losses a b -> −1
    # e: losses c d, incomparable a b -> −2
    # ranks: a 1, b 2 (tie with a, item order), c 3, d 4 (tie with c), e 5
    out = copeland(MISSING)
    assert out["wins"].tolist() == [2, 2, 1, 1, 0]
    assert out["ties"].tolist() == [1, 1, 1, 1, 0]
    assert out["losses"].tolist() == [0, 0, 2, 2, 2]
    assert out["incomparable"].tolist() == [1, 1, 0, 0, 2]
    assert out["score"].tolist() == [2, 2, -1, -1, -2]
    assert out["rank"].tolist() == [1, 2, 3, 4, 5]


def test_copeland_cycle_all_tie():
    # x beats y (v1, v3), y beats z (v1, v2), z beats x (v2, v3): each 1 win, 1 loss.
    cycle = profile({"v1": [1, 2, 3], "v2": [3, 1, 2], "v3": [2, 3, 1]}, "xyz")
    out = copeland(cycle)
    assert out["score"].tolist() == [0, 0, 0]
    assert out["wins"].tolist() == [1, 1, 1]
    assert out["rank"].tolist() == [1, 2, 3]


def test_copeland_condorcet_winner_first():
    # v1 a b c, v2 a c b, v3 b a c: a beats b (2:1) and c (3:0); b beats c (2:1).
    out = copeland(profile({"v1": [1, 2, 3], "v2": [1, 3, 2], "v3": [2, 1, 3]}, "abc"))
    assert out["score"].tolist() == [2, 0, -2]
    assert out["rank"].tolist() == [1, 2, 3]


def test_rankings_bad_input():
    with pytest.raises(InputError, match="nicht jede Zelle ist eine Zahl"):
        borda(pd.DataFrame({"v1": ["x", "y"]}))
    with pytest.raises(InputError, match=r"unendliche Werte in Spalte\(n\) v1"):
        copeland(profile({"v1": [1, np.inf]}, "ab"))
    with pytest.raises(InputError, match=r"Zeilenbezeichnung\(en\) a kommen mehrfach vor"):
        borda(pd.DataFrame([[1, 2], [2, 1]], index=["a", "a"]))


# --- departures ------------------------------------------------------------------------------


def test_departures_by_hand():
    # v1 a b c d, v2 b a c d, v3 a b d c, v4 d c b a.
    # Borda points (n − r): a 3+2+3+0 = 8, b 2+3+2+1 = 8, c 1+1+0+2 = 4, d 0+0+1+3 = 4
    #   -> ties by item order: consensus a 1, b 2, c 3, d 4 (= v1).
    # Kendall's tau with the consensus (6 pairs): v1 1; v2 one discordant pair (a–b)
    #   (5 − 1)/6 = 2/3; v3 one (c–d) 2/3; v4 reversed −1.
    # Mean tau with the others: tau(v2, v3) = two discordant pairs (a–b, c–d) = 2/6 = 1/3;
    #   v4 is v1 reversed, so tau(x, v4) = −tau(x, v1).
    #   v1 (2/3 + 2/3 − 1)/3 = 1/9; v2 (2/3 + 1/3 − 2/3)/3 = 1/9;
    #   v3 (2/3 + 1/3 − 2/3)/3 = 1/9; v4 (−1 − 2/3 − 2/3)/3 = −7/9.
    # Most departing first: v4 (−1), v2 (2/3), v3 (2/3, voter order), v1 (1).
    ranks = profile(
        {"v1": [1, 2, 3, 4], "v2": [2, 1, 3, 4], "v3": [1, 2, 4, 3], "v4": [4, 3, 2, 1]}, "abcd"
    )
    out = departures(ranks)
    assert list(out.index) == ["v4", "v2", "v3", "v1"]
    np.testing.assert_allclose(out["kendall_tau"], [-1, 2 / 3, 2 / 3, 1], atol=1e-12)
    np.testing.assert_allclose(out["mean_tau_others"], [-7 / 9, 1 / 9, 1 / 9, 1 / 9], atol=1e-12)
    assert out["items"].tolist() == [4, 4, 4, 4]
    # Kendall's W of the same profile: rank sums a 8, b 8, c 12, d 12, mean 10, S = 16,
    # W = 12 · 16 / (4² · 60) = 0.2
    assert kendall_w(ranks) == pytest.approx(0.2, abs=1e-15)


def test_departures_against_a_given_consensus_and_missing_ranks():
    # consensus d c b a: v1 (a b c d) is reversed -> −1; v2 ranks only c, d with c first,
    # the consensus puts d before c: one discordant pair -> −1; v3 ranks b c d as the
    # consensus: d c b -> 1.
    ranks = profile({"v1": [1, 2, 3, 4], "v2": [NAN, NAN, 1, 2], "v3": [NAN, 3, 2, 1]}, "abcd")
    consensus = pd.Series([4, 3, 2, 1], index=list("abcd"))
    out = departures(ranks, consensus)
    assert list(out.index) == ["v1", "v2", "v3"]
    np.testing.assert_allclose(out["kendall_tau"], [-1, -1, 1], atol=1e-12)
    assert out["items"].tolist() == [4, 2, 3]
    with pytest.raises(InputError, match="consensus: kein Rang für d;"):
        departures(ranks, consensus.drop("d"))


# --- aggregate weights -----------------------------------------------------------------------


def test_aggregate_weights_by_hand():
    # a: 0.9 0.1 0, b: 0.1 0.4 0.5
    #   arithmetic: (0.9 + 0.1)/2 = 0.5, (0.1 + 0.4)/2 = 0.25, (0 + 0.5)/2 = 0.25
    #   geometric: √(0.9·0.1) = 0.3, √(0.1·0.4) = 0.2, √(0·0.5) = 0; sum 0.5
    #              -> 0.6, 0.4, 0 (a zero from one body is a veto)
    w = pd.DataFrame([[0.9, 0.1, 0.0], [0.1, 0.4, 0.5]], index=["a", "b"], columns=list("xyz"))
    ari = aggregate_weights(w)
    np.testing.assert_allclose(ari.to_numpy(), [0.5, 0.25, 0.25], atol=1e-15)
    assert list(ari.index) == ["x", "y", "z"]
    assert ari.name == "weight" and ari.index.name == "criterion"
    geo = aggregate_weights(w, "geometric")
    np.testing.assert_allclose(geo.to_numpy(), [0.6, 0.4, 0.0], atol=1e-15)
    # rows are normalised first: points 9:1:0 and 2:8:10 give the same
    points = pd.DataFrame([[9, 1, 0], [2, 8, 10]], index=["a", "b"], columns=list("xyz"))
    np.testing.assert_allclose(aggregate_weights(points).to_numpy(), [0.5, 0.25, 0.25])
    np.testing.assert_allclose(aggregate_weights(points, "geometric").to_numpy(), [0.6, 0.4, 0])


def test_aggregate_weights_errors():
    veto = pd.DataFrame([[1.0, 0.0], [0.0, 1.0]], index=["a", "b"], columns=["x", "y"])
    np.testing.assert_allclose(aggregate_weights(veto).to_numpy(), [0.5, 0.5])
    with pytest.raises(InputError, match="das geometrische Mittel ist für jedes Kriterium 0"):
        aggregate_weights(veto, "geometric")
    with pytest.raises(InputError, match="alle Gewichte sind 0 bei b;"):
        aggregate_weights(pd.DataFrame([[1.0, 0.0], [0.0, 0.0]], index=["a", "b"]))
    with pytest.raises(InputError, match="negative Gewichte bei a"):
        aggregate_weights(pd.DataFrame([[1.0, -0.1]], index=["a"]))
    with pytest.raises(InputError, match="how: 'harmonic'; erwartet: 'arithmetic' oder"):
        aggregate_weights(veto, "harmonic")
    with pytest.raises(InputError, match="fehlende Werte"):
        aggregate_weights(pd.DataFrame([[1.0, NAN]], index=["a"]))


def test_weight_rankings_heaviest_first_ties_averaged():
    w = pd.DataFrame([[0.5, 0.2, 0.3], [0.4, 0.3, 0.3]], index=["a", "b"], columns=list("xyz"))
    ranks = weight_rankings(w)
    assert ranks["a"].tolist() == [1, 3, 2]
    assert ranks["b"].tolist() == [1, 2.5, 2.5]


# --- group view of an analysis ---------------------------------------------------------------


def test_group_view_default_analysis_has_full_consensus(default_analysis):
    g = default_analysis.group_view()
    assert g.own_weights == ()
    assert g.kendall_w == 1.0
    d = g.departures
    assert len(d) == 11
    assert not d["departs"].any()
    np.testing.assert_allclose(d["kendall_tau"], 1.0, atol=1e-12)
    assert (d["weight_distance"] == 0).all()
    assert d["body"].tolist() == [b.id for b in default_analysis.dataset.bodies]
    # the group weights are the model's (every body has them)
    model = default_analysis.criteria.weights()
    for how in ("arithmetic", "geometric"):
        np.testing.assert_allclose(
            g.group_weights[how].to_numpy(), list(model.values()), atol=1e-12
        )
    assert (g.weights.to_numpy() == np.array(list(model.values()))).all()


def test_group_view_options_structure(default_analysis):
    g = group_view(default_analysis)
    o = g.options
    joint = default_analysis.joint
    assert sorted(o["option"]) == sorted(joint["option"])
    assert sorted(o["borda_rank"]) == list(range(1, len(o) + 1))
    assert sorted(o["copeland_rank"]) == list(range(1, len(o) + 1))
    assert o["borda_rank"].tolist() == list(range(1, len(o) + 1))  # sorted by Borda
    assert (o["members"] >= 2).all()
    assert o["borda_score"].between(0, 1).all()
    assert STAND_ALONE not in set(o["option"])
    assert sorted(g.option_departures["body"]) == sorted(
        b.id for b in default_analysis.dataset.bodies
    )


def test_group_view_option_scores_recalculated(default_analysis):
    # Independently from the ranking table: each body lists its joint options best first;
    # an option at position r of k gets (k − r)/(k − 1); its score is the mean over members.
    r = default_analysis.ranking
    coop = r[r["option"] != STAND_ALONE].sort_values(["body", "rank"])
    order = {b: list(grp["option"]) for b, grp in coop.groupby("body")}
    g = default_analysis.group_view().options.set_index("option")
    # it/gku/kreisweit was the 11-member example; it holds Schwerte, whose IT with SIT
    # excludes it (austritt_unbekannt): shared_services/gku/kreisweit keeps an 11-member case,
    # it/gku/wie_kreistierheim (all but Schwerte) an IT one
    picks = [
        "shared_services/gku/kreisweit",
        "it/gku/wie_kreistierheim",
        "epayment/oerv_mandat/kreis_unna+boenen",
    ]
    assert "it/gku/kreisweit" not in g.index
    for option in picks:
        members = [b for b, opts in order.items() if option in opts]
        expected = np.mean(
            [(len(order[b]) - 1 - order[b].index(option)) / (len(order[b]) - 1) for b in members]
        )
        assert g.loc[option, "borda_score"] == pytest.approx(expected, abs=1e-12), option
        # Copeland: against every other option, ask the bodies that rank both
        wins = losses = 0
        for other in g.index:
            if other == option:
                continue
            both = [b for b in members if other in order[b]]
            ahead = sum(order[b].index(option) < order[b].index(other) for b in both)
            behind = len(both) - ahead
            wins += bool(both) and ahead > behind
            losses += bool(both) and ahead < behind
        assert g.loc[option, "copeland_wins"] == wins, option
        assert g.loc[option, "copeland_losses"] == losses, option
        assert g.loc[option, "copeland_score"] == wins - losses, option


@pytest.fixture(scope="module")
def small_group():
    return potential.analyse(criteria=DATA / "small-model.yaml").group_view()


def test_group_view_with_body_weights_by_hand(small_group):
    # small-model.yaml: one criterion per group, model weights 0.5 / 0.3 / 0.2
    # (npv_per_capita, staffing_relief, obligation_pressure), so effective = group weights.
    # Bönen 0.2 / 0.3 / 0.5 (the reverse order); Selm 0.3 / 0.5 / 0.2 (duties kept).
    # Arithmetic group weights over 11 bodies (9 with the model's):
    #   npv_per_capita (9·0.5 + 0.2 + 0.3)/11 = 5/11, staffing_relief (9·0.3 + 0.3 + 0.5)/11 =
    #   3.5/11, obligation_pressure (9·0.2 + 0.5 + 0.2)/11 = 2.5/11 -> group order N S O.
    g = small_group
    assert g.own_weights == ("boenen", "selm")
    np.testing.assert_allclose(
        g.group_weights["arithmetic"].to_numpy(), [5 / 11, 3.5 / 11, 2.5 / 11], atol=1e-12
    )
    # Kendall's W of the weight rankings (1 = heaviest): 9 × (1, 2, 3), Bönen (3, 2, 1),
    # Selm (2, 1, 3). Rank sums N 9+3+2 = 14, S 18+2+1 = 21, O 27+1+3 = 31; mean
    # 11 · 4 / 2 = 22; S = 64 + 1 + 81 = 146; W = 12 · 146 / (11² · 24) = 1752/2904 = 73/121.
    assert g.kendall_w == pytest.approx(73 / 121, abs=1e-12)
    # Departures from the group order N S O: Bönen reversed, tau −1; Selm swaps N and S:
    # pairs N–S discordant, N–O and S–O concordant, tau (2 − 1)/3 = 1/3; the others 1.
    # Weight distance ½·Σ|w − group|: Bönen (2.8 + 0.2 + 3.0)/11/2 = 3/11,
    # Selm (1.7 + 2.0 + 0.3)/11/2 = 2/11, the model's bodies (0.5 + 0.2 + 0.3)/11/2 = 0.5/11.
    d = g.departures
    assert d["body"].tolist()[:2] == ["boenen", "selm"]
    others = d["body"].tolist()[2:]
    assert others == [
        "kreis_unna", "bergkamen", "froendenberg", "holzwickede", "kamen", "luenen",
        "schwerte", "unna", "werne",
    ]  # fmt: skip
    np.testing.assert_allclose(d["kendall_tau"], [-1, 1 / 3, *[1] * 9], atol=1e-12)
    np.testing.assert_allclose(d["weight_distance"], [3 / 11, 2 / 11, *[0.5 / 11] * 9], atol=1e-12)
    assert d["departs"].tolist() == [True, True, *[False] * 9]
    assert d["own_weights"].tolist() == [True, True, *[False] * 9]
    assert d.loc[0, "body_name"] == "Bönen"


def test_group_view_weights_table(small_group):
    w = small_group.weights
    assert w.index.name == "body" and w.columns.name == "criterion"
    np.testing.assert_allclose(w.loc["boenen"].to_numpy(), [0.2, 0.3, 0.5], atol=1e-15)
    np.testing.assert_allclose(w.loc["selm"].to_numpy(), [0.3, 0.5, 0.2], atol=1e-15)
    np.testing.assert_allclose(w.loc["unna"].to_numpy(), [0.5, 0.3, 0.2], atol=1e-15)
