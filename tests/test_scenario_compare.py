"""Comparison of scenario rankings (potential.scenarios.comparison).

The small rankings below are made by hand so that every expected value can be worked out on
paper; the comments show the working.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from potential.errors import InputError
from potential.messages import use_lang
from potential.scenarios.comparison import (
    Comparison,
    compare,
    comparison_sheets,
    comparison_tables,
)


def body_ranking(order: str, body: str, name: str) -> pd.DataFrame:
    """One body's ranking: the options (one letter each) in ``order`` get ranks 1, 2, ..."""
    n = len(order)
    return pd.DataFrame(
        {
            "body": body,
            "body_name": name,
            "option": list(order),
            "field": [f"field_{o}" for o in order],
            "legal_form": "oerv",
            "partners": f"{body};nachbar",
            "rank": range(1, n + 1),
            "score": [1.0 - i / 10 for i in range(n)],
        }
    )


def ranking(x: str, y: str) -> pd.DataFrame:
    """Rankings of two bodies: ``x`` (Ort X) and ``y`` (Ort Y)."""
    return pd.concat(
        [body_ranking(x, "x", "Ort X"), body_ranking(y, "y", "Ort Y")], ignore_index=True
    )


# baseline: x ranks a b c d, y ranks p q r s
HEUTE = ranking("abcd", "pqrs")
# s2: x swaps a and b; y drops s and ranks the new option t second
S2 = ranking("bacd", "ptqr")


@pytest.fixture
def two() -> Comparison:
    return compare({"heute": HEUTE, "s2": S2}, top=2)


def keys(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(body, option) of every row, in order."""
    return list(frame[["body", "option"]].itertuples(index=False, name=None))


def row(frame: pd.DataFrame, body: str, option: str) -> pd.Series:
    rows = frame[(frame["body"] == body) & (frame["option"] == option)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_moves_changes_and_movement(two):
    moves = two.moves
    assert two.scenarios == ("heute", "s2")
    assert list(moves.columns) == [
        "body", "body_name", "option", "field", "legal_form", "partners",
        "rank_heute", "rank_s2", "change_s2", "movement",
    ]  # fmt: skip
    # x: a 1 → 2 (change 1 − 2 = −1), b 2 → 1 (+1), c and d stay
    assert row(moves, "x", "a")["change_s2"] == -1
    assert row(moves, "x", "b")["change_s2"] == 1
    assert row(moves, "x", "c")["change_s2"] == 0
    expected = {
        ("x", "a"): "down", ("x", "b"): "up", ("x", "c"): "same", ("x", "d"): "same",
        # y: p 1 → 1; q 2 → 3 and r 3 → 4 (t pushed in at 2); s gone; t new
        ("y", "p"): "same", ("y", "q"): "down", ("y", "r"): "down",
        ("y", "s"): "gone", ("y", "t"): "new",
    }  # fmt: skip
    assert dict(zip(keys(moves), moves["movement"], strict=True)) == expected
    s, t = row(moves, "y", "s"), row(moves, "y", "t")
    assert s["rank_heute"] == 4 and math.isnan(s["rank_s2"]) and math.isnan(s["change_s2"])
    assert math.isnan(t["rank_heute"]) and t["rank_s2"] == 2 and math.isnan(t["change_s2"])
    assert row(moves, "y", "q")["change_s2"] == -1
    # sorted by body (baseline order), then baseline rank; t (not in baseline) last in y
    assert list(moves["option"]) == list("abcdpqrst")
    assert row(moves, "x", "a")["body_name"] == "Ort X"
    assert row(moves, "y", "t")["field"] == "field_t"


def test_kendall_tau_and_top(two):
    corr = two.correlation
    assert list(corr.columns) == [
        "body", "body_name", "scenario_a", "scenario_b", "kendall_tau", "n_common", "same_top",
    ]  # fmt: skip
    x = corr[corr["body"] == "x"].iloc[0]
    # a b c d vs b a c d: of the 6 pairs only (a, b) is discordant → (5 − 1) / 6
    assert x["kendall_tau"] == pytest.approx(2 / 3)
    assert x["n_common"] == 4
    assert not x["same_top"]  # a vs b
    y = corr[corr["body"] == "y"].iloc[0]
    # common options p q r: ranks (1, 2, 3) and (1, 3, 4), the same order
    assert y["kendall_tau"] == pytest.approx(1.0)
    assert y["n_common"] == 3
    assert y["same_top"]


def test_summary(two):
    summary = two.summary
    assert len(summary) == 1
    s = summary.iloc[0]
    assert (s["scenario_a"], s["scenario_b"]) == ("heute", "s2")
    assert s["mean_tau"] == pytest.approx((2 / 3 + 1) / 2)
    assert s["min_tau"] == pytest.approx(2 / 3)
    assert s["bodies_same_top"] == 1
    assert s["bodies"] == 2


def test_robust_top_two(two):
    robust = two.robust
    assert list(robust.columns) == [
        "body", "body_name", "option", "field", "legal_form", "partners",
        "worst_rank", "mean_rank", "rank_heute", "rank_s2",
    ]  # fmt: skip
    # x: a (1, 2) and b (2, 1) are in the top 2 of both; y: only p (1, 1), q is 3rd in s2
    assert keys(robust) == [
        ("x", "a"),
        ("x", "b"),
        ("y", "p"),
    ]
    assert list(robust["worst_rank"]) == [2, 2, 1]
    assert list(robust["mean_rank"]) == [1.5, 1.5, 1.0]


def test_robust_default_top_three(two):
    # top 3: x keeps a, b, c (c is 3rd in both); y keeps p (1, 1) and q (2, 3), not r (3, 4)
    robust = compare({"heute": HEUTE, "s2": S2}).robust
    assert compare({"heute": HEUTE, "s2": S2}).top == 3
    assert keys(robust) == [
        ("x", "a"), ("x", "b"), ("x", "c"), ("y", "p"), ("y", "q"),
    ]  # fmt: skip
    # y/q: worst 3, mean 2.5
    assert row(robust, "y", "q")[["worst_rank", "mean_rank"]].tolist() == [3, 2.5]


def test_identical_scenarios():
    c = compare({"heute": HEUTE, "kopie": HEUTE.copy()}, top=2)
    assert (c.moves["movement"] == "same").all()
    assert (c.moves["change_kopie"] == 0).all()
    assert c.correlation["kendall_tau"].tolist() == pytest.approx([1.0, 1.0])
    assert c.correlation["same_top"].all()
    top2 = HEUTE[HEUTE["rank"] <= 2]
    assert keys(c.robust) == keys(top2)
    assert c.summary.iloc[0][["mean_tau", "min_tau", "bodies_same_top", "bodies"]].tolist() == [
        pytest.approx(1.0),
        pytest.approx(1.0),
        2,
        2,
    ]


def test_reversed_order():
    c = compare({"heute": HEUTE, "umgekehrt": ranking("dcba", "srqp")})
    assert c.correlation["kendall_tau"].tolist() == pytest.approx([-1.0, -1.0])
    assert not c.correlation["same_top"].any()
    moves = c.moves[c.moves["body"] == "x"]
    # a 1 → 4, b 2 → 3, c 3 → 2, d 4 → 1
    assert moves["change_umgekehrt"].tolist() == [-3, -1, 1, 3]
    assert moves["movement"].tolist() == ["down", "down", "up", "up"]
    # top 3 of 4 in both orders: b and c (ranks 2/3 and 3/2); a and d are 4th once
    assert keys(c.robust) == [
        ("x", "b"), ("x", "c"), ("y", "q"), ("y", "r"),
    ]  # fmt: skip


def test_tau_b_with_ties():
    tied = HEUTE.copy()
    tied.loc[(tied["body"] == "x") & (tied["option"] == "b"), "rank"] = 1  # a and b tie
    c = compare({"heute": HEUTE, "gleichstand": tied})
    tau = c.correlation.set_index("body")["kendall_tau"]
    # 6 pairs; (a, b) tied in one ranking only, the other 5 concordant:
    # tau_b = (5 − 0) / sqrt((6 − 0) × (6 − 1))
    assert tau["x"] == pytest.approx(5 / math.sqrt(30))
    assert tau["y"] == pytest.approx(1.0)
    # best rank of x: {a} in heute, {a, b} tied in gleichstand → not the same top
    assert c.correlation.set_index("body")["same_top"].tolist() == [False, True]


def test_three_scenarios_mixed():
    # s3: x ranks c a b d; y as the baseline
    s3 = ranking("cabd", "pqrs")
    c = compare({"heute": HEUTE, "s2": S2, "s3": s3})
    moves = c.moves.set_index(["body", "option"])
    # a: 1 → 2, 1 → 2: down in both
    assert moves.loc[("x", "a"), "movement"] == "down"
    # b: 2 → 1 (+1), 2 → 3 (−1): mixed
    assert moves.loc[("x", "b"), "movement"] == "mixed"
    # c: 3 → 3 (0), 3 → 1 (+2): up
    assert moves.loc[("x", "c"), ["change_s2", "change_s3", "movement"]].tolist() == [
        0,
        2,
        "up",
    ]
    # s: dropped by s2, kept by s3: mixed; t only in s2: new; q: −1, 0: down
    assert moves.loc[("y", "s"), "movement"] == "mixed"
    assert moves.loc[("y", "t"), "movement"] == "new"
    assert moves.loc[("y", "q"), "movement"] == "down"
    # every pair, for every body, in scenario order
    pairs = list(zip(c.correlation["scenario_a"], c.correlation["scenario_b"], strict=True))
    assert pairs == [("heute", "s2"), ("heute", "s3"), ("s2", "s3")] * 2
    corr = c.correlation
    x = corr[(corr["body"] == "x") & (corr["scenario_a"] == "heute")].set_index("scenario_b")
    # heute vs s3: a b c d vs c a b d: (a, c) and (b, c) discordant → (4 − 2) / 6
    assert x.loc["s3", "kendall_tau"] == pytest.approx(1 / 3)
    assert list(c.summary["scenario_a"]) == ["heute", "heute", "s2"]
    assert list(c.summary["scenario_b"]) == ["s2", "s3", "s3"]


def test_body_only_in_one_scenario():
    extra = pd.concat([S2, body_ranking("uv", "z", "Ort Z")], ignore_index=True)
    c = compare({"heute": HEUTE, "s2": extra})
    z = c.moves[c.moves["body"] == "z"]
    assert z["option"].tolist() == ["u", "v"]
    assert (z["movement"] == "new").all()
    assert c.moves["body"].tolist()[-2:] == ["z", "z"]  # bodies new in later scenarios last
    zc = c.correlation[c.correlation["body"] == "z"].iloc[0]
    assert zc["n_common"] == 0 and math.isnan(zc["kendall_tau"]) and not zc["same_top"]
    assert c.summary.iloc[0]["bodies"] == 2  # z is ranked by s2 only
    assert "z" not in set(c.robust["body"])


def test_ranks_long(two):
    ranks = two.ranks
    assert list(ranks.columns) == [
        "body", "body_name", "option", "field", "legal_form", "partners",
        "scenario", "rank", "score",
    ]  # fmt: skip
    assert len(ranks) == len(HEUTE) + len(S2)
    x_s2 = ranks[(ranks["body"] == "x") & (ranks["scenario"] == "s2")]
    assert x_s2["option"].tolist() == list("bacd")
    assert x_s2["score"].tolist() == pytest.approx([1.0, 0.9, 0.8, 0.7])


def test_sequence_of_pairs_and_minimal_columns():
    minimal = HEUTE[["body", "option", "rank"]]
    c = compare([("heute", minimal), ("s2", S2[["body", "option", "rank"]])], top=2)
    assert c.correlation["kendall_tau"].tolist() == pytest.approx([2 / 3, 1.0])
    a = row(c.moves, "x", "a")
    assert a["body_name"] == "x" and a["field"] == ""  # filled in
    assert c.ranks["score"].isna().all()


def test_deterministic_and_input_untouched(two):
    before = HEUTE.copy()
    again = compare({"heute": HEUTE, "s2": S2}, top=2)
    for name in ("ranks", "moves", "correlation", "robust", "summary"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(again, name))
    pd.testing.assert_frame_equal(HEUTE, before)
    # the order of the input rows within a body does not matter
    shuffled = S2.iloc[[3, 1, 0, 2, 7, 5, 4, 6]]
    pd.testing.assert_frame_equal(
        compare({"heute": HEUTE, "s2": shuffled}, top=2).moves, two.moves
    )


@pytest.mark.parametrize(
    ("runs", "message"),
    [
        ({"heute": HEUTE}, "mindestens 2 Szenario-Läufe, gegeben: 1 (heute)"),
        ({}, "mindestens 2 Szenario-Läufe, gegeben: 0"),
        ([("heute", HEUTE), ("heute", S2)], "Szenario 'heute' ist doppelt angegeben"),
        ({"heute": HEUTE, "": S2}, "Szenarioname ''; erwartet: ein nichtleerer Text"),
        ({"heute": HEUTE, "s2": S2.drop(columns="rank")}, "'s2': Spalte(n) rank fehlen"),
        ({"heute": HEUTE, "s2": S2.drop(columns=["body", "option"])}, "body, option fehlen"),
        ({"heute": HEUTE, "s2": "not a table"}, "'s2': str; erwartet: eine Rangfolge"),
        ({"heute": HEUTE, "s2": pd.concat([S2, S2.iloc[:1]])}, "mehrfach vor"),
        ({"heute": HEUTE, "s2": S2.assign(rank=0)}, "Rang 0; erwartet: eine Zahl ≥ 1"),
        ({"heute": HEUTE, "s2": S2.assign(rank="erster")}, "Rang erster; erwartet: eine Zahl"),
        (HEUTE, "Szenario-Läufe: DataFrame; erwartet: eine Zuordnung"),
    ],
)
def test_bad_input(runs, message):
    with pytest.raises(InputError) as err:
        compare(runs)
    assert message in str(err.value)


@pytest.mark.parametrize("top", [0, -1, 1.5, True])
def test_bad_top(top):
    with pytest.raises(InputError, match=r"^top: .*; erwartet: (eine ganze Zahl|mindestens 1)"):
        compare({"heute": HEUTE, "s2": S2}, top=top)


def test_bad_input_in_english_on_request():
    with use_lang("en"), pytest.raises(InputError) as err:
        compare({"heute": HEUTE})
    assert str(err.value) == "comparing scenarios needs at least 2 runs, got 1 (heute)"
    with use_lang("en"), pytest.raises(InputError) as err:
        compare({"heute": HEUTE, "s2": S2}, top=0)
    assert str(err.value) == "top must be at least 1, got 0"


def test_tables(two):
    tables = comparison_tables(two)
    assert list(tables) == [
        "compare_moves.csv",
        "compare_correlation.csv",
        "compare_robust.csv",
        "compare_summary.csv",
    ]
    moves = tables["compare_moves.csv"]
    assert list(moves.columns) == list(two.moves.columns)  # ids kept
    csv = moves.to_csv(index=False, lineterminator="\n").splitlines()
    assert csv[1] == "x,Ort X,a,field_a,oerv,x;nachbar,1,2,-1,down"
    assert csv[-1] == "y,Ort Y,t,field_t,oerv,y;nachbar,,2,,new"


def test_sheets_german_by_default(two):
    sheets = comparison_sheets(two)
    assert list(sheets) == ["Übersicht", "Robuste Optionen", "Bewegungen", "Korrelation"]
    moves = sheets["Bewegungen"]
    for header in ("Körperschaft", "Rang heute", "Rang s2", "Veränderung s2", "Bewegung"):
        assert header in moves.columns
    assert "body" not in moves.columns and "movement" not in moves.columns
    assert moves["Bewegung"].tolist() == [
        "abgestiegen", "aufgestiegen", "unverändert", "unverändert",
        "unverändert", "abgestiegen", "abgestiegen", "entfallen", "neu",
    ]  # fmt: skip
    assert moves["Rang heute"].tolist()[0] == 1 and isinstance(moves["Rang heute"][0], int)
    corr = sheets["Korrelation"]
    assert "Kendalls Tau" in corr.columns and "Szenario A" in corr.columns
    assert corr["Gleiche beste Option"].tolist() == ["nein", "ja"]
    assert "Schlechtester Rang" in sheets["Robuste Optionen"].columns
    assert "Mittleres Tau" in sheets["Übersicht"].columns


def test_sheets_english(two):
    sheets = comparison_sheets(two, lang="en")
    assert list(sheets) == ["Overview", "Robust options", "Moves", "Correlation"]
    moves = sheets["Moves"]
    for header in ("Body", "Rank heute", "Change s2", "Movement"):
        assert header in moves.columns
    assert set(moves["Movement"]) == {"moved up", "moved down", "unchanged", "new", "dropped"}
    assert "Kendall's tau" in sheets["Correlation"].columns
    with pytest.raises(InputError, match="unbekannte Sprache 'fr'; erwartet: eine von de, en"):
        comparison_sheets(two, lang="fr")


# --- real data ---------------------------------------------------------------------------


def test_self_comparison_on_real_data(default_analysis):
    ranking = default_analysis.ranking
    c = compare({"heute": default_analysis, "kopie": default_analysis})
    bodies = list(dict.fromkeys(ranking["body"]))
    assert c.correlation["body"].tolist() == bodies
    assert c.correlation["kendall_tau"].tolist() == pytest.approx([1.0] * len(bodies))
    assert (c.correlation["n_common"] == ranking.groupby("body").size()[bodies].to_numpy()).all()
    assert c.correlation["same_top"].all()
    assert (c.moves["movement"] == "same").all()
    assert len(c.moves) == len(ranking)
    top3 = ranking[ranking["rank"] <= 3]
    assert keys(c.robust) == keys(top3)
    s = c.summary.iloc[0]
    assert s["bodies"] == s["bodies_same_top"] == len(bodies)


def test_dropped_field_on_real_data(default_analysis):
    """A scenario without ePayment: the other options keep their order and move up."""
    ranking = default_analysis.ranking
    kept = ranking[ranking["field"] != "epayment"].copy()
    kept["rank"] = kept.groupby("body")["rank"].rank(method="first").astype(int)
    c = compare({"heute": ranking, "ohne-epayment": kept})
    moves = c.moves.set_index(["body", "option"])
    gone = moves[moves["field"] == "epayment"]
    assert len(gone) == (ranking["field"] == "epayment").sum() > 0
    assert (gone["movement"] == "gone").all()
    # each remaining option moves up by the number of ePayment options ranked above it
    for body, rows in ranking.groupby("body", sort=False):
        epayment_ranks = np.sort(rows.loc[rows["field"] == "epayment", "rank"].to_numpy())
        for option, r in rows.loc[rows["field"] != "epayment", ["option", "rank"]].head(5).values:
            above = int(np.searchsorted(epayment_ranks, r))
            assert moves.loc[(body, option), "change_ohne-epayment"] == above
    assert c.correlation["kendall_tau"].tolist() == pytest.approx([1.0] * 11)
    assert (
        c.correlation["n_common"] == kept.groupby("body").size()[c.correlation["body"]].to_numpy()
    ).all()


def test_sheets_with_dataset(default_analysis):
    c = compare({"heute": default_analysis, "kopie": default_analysis})
    sheets = comparison_sheets(c, dataset=default_analysis.dataset)
    robust = sheets["Robuste Optionen"]
    assert "Kooperationsoption" in robust.columns and "Option (ID)" not in robust.columns
    first = default_analysis.ranking.iloc[0]
    from potential import labels

    assert robust["Kooperationsoption"].iloc[0] == labels.option_label(
        default_analysis.dataset, first
    )
    assert robust["Körperschaft"].iloc[0] == first["body_name"]
