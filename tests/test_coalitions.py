"""Coalition finder (potential.coalitions) against brute force and independent checks.

The brute force builds each partner set's options one set at a time with
``generate_options`` (family ``county`` over ``join`` = the set), computes the indicators
with ``indicator_table`` for that set alone, scores them on the anchored scales of
``criteria/ikz-egov-nrw.yaml`` (copied below by hand) with
``potential.mcda.value_scores(..., bounds=...)`` and effective weights worked out by hand, and
adds up the members' Kapitalwerte to the pool's. Connectivity is checked with networkx,
counts and blocked sets by hand.
"""

from __future__ import annotations

import itertools
import math
import time

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from potential.coalitions import (
    GAIN_TOLERANCE,
    NPV_TOLERANCE,
    coalition_options,
    find,
    member_sets,
)
from potential.errors import InputError
from potential.indicators import indicator_table
from potential.mcda import value_scores
from potential.messages import use_lang
from potential.models import OptionRules
from potential.options import generate_options, with_option_rules

STAND_ALONE = "alleingang"
# (criterion, indicator, direction, worst, best), model order; anchors of the YAML file
CRITERIA = [
    ("npv_per_capita", "npv_per_capita", "max", -30.0, 30.0),
    ("liquidity_burden", "burden_per_capita", "min", 20.0, 0.0),
    ("staffing_relief", "staffing_relief", "max", 0.0, 2.0),
    ("resilience", "resilience", "max", 0.0, 1.0),
    ("time_to_implement", "time_to_implement", "min", 48.0, 0.0),
    ("control_kept", "control_kept", "max", 0.0, 1.0),
    ("procurement_risk", "procurement_risk", "min", 1.0, 0.0),
    ("service_quality", "service_quality", "max", 0.0, 1.0),
]
IDS = [c[0] for c in CRITERIA]
INDICATORS = [c[1] for c in CRITERIA]
DIRECTIONS = [c[2] for c in CRITERIA]
BOUNDS = {c[0]: (min(c[3], c[4]), max(c[3], c[4])) for c in CRITERIA}
# The model's effective weights: group × criterion share (docs/method.md section 6).
MODEL = [0.28, 0.07, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]
# Kamen weighs steering most (illustrative, not Kamen's view): groups 0.1, 0.1, 0.7, 0.1
# (sum 1) × the model's criterion shares 0.8/0.2, 0.6/0.4, 0.3/0.4/0.3, 1.
KAMEN = [0.08, 0.02, 0.06, 0.04, 0.21, 0.28, 0.21, 0.10]
KAMEN_WEIGHTS = {
    "kamen": {
        "groups": {
            "wirtschaftlichkeit": 0.1,
            "personal": 0.1,
            "rechtsform_steuerung": 0.7,
            "egov_pflichten": 0.1,
        },
        "assumption": "illustrative test weights, not Kamen's view",
    }
}
FIVE = ("kreis_unna", "boenen", "holzwickede", "kamen", "unna")  # dataset order
# IT forms (fields.csv); Bönen's IT has been run by the county since 2013 (full scope, the
# county as lead), Schwerte's by Südwestfalen-IT since 2017 (full scope, external partner).
IT_FORMS = ["arbeitsgemeinschaft", "oerv_mandat", "zweckverband", "gku", "gmbh"]


def with_rules(dataset, **update):
    return with_option_rules(dataset, dataset.meta.options.model_copy(update=update))


def key(frame, member=None):
    cols = ["field", "legal_form", "members"] + ([member] if member else [])
    return list(zip(*(frame[c] for c in cols), strict=True))


@pytest.fixture(scope="module")
def five(dataset):
    return with_rules(dataset, join=FIVE)


@pytest.fixture(scope="module")
def found_five(five):
    return find(five, field=["it", "abfall"], body_weights=KAMEN_WEIGHTS)


@pytest.fixture(scope="module")
def found_kamen(dataset):
    return find(dataset, max_size=3, body_weights=KAMEN_WEIGHTS)


def brute_force(dataset, fields, weights):
    """Every subset's members, one subset at a time (module notes).

    Returns (field, form, members, body) → (gain in points, Kapitalwert, annual cost).
    """
    date = dataset.meta.reference_date
    bodies = [b.id for b in dataset.bodies if b.id in FIVE]
    lo = pd.Series({c: BOUNDS[c][0] for c in IDS})
    hi = pd.Series({c: BOUNDS[c][1] for c in IDS})
    out = {}
    for size in range(2, len(bodies) + 1):
        for members in itertools.combinations(bodies, size):
            sub = with_option_rules(
                dataset, OptionRules(partner_sets=("county",), join=members, fields=fields)
            )
            options = generate_options(sub, date)
            if options.empty:
                continue
            table = indicator_table(sub, options, date)
            for body, rows in table.groupby("body"):
                rows = rows.set_index("option")
                matrix = rows[INDICATORS].astype(float)
                matrix.columns = IDS
                clipped = matrix.clip(lower=lo, upper=hi, axis=1)
                values = value_scores(clipped, DIRECTIONS, bounds=BOUNDS)
                score = values.to_numpy() @ np.array(weights.get(body, MODEL))
                alone = score[list(matrix.index).index(STAND_ALONE)]
                for option, s in zip(matrix.index, score, strict=True):
                    if option == STAND_ALONE:
                        continue
                    row = options.set_index("option").loc[option]
                    out[(row["field"], row["legal_form"], row["partners"], body)] = (
                        s - alone,
                        rows.loc[option, "npv"],
                        rows.loc[option, "annual_cost"],
                    )
    return out


def test_kamen_weights_by_hand(found_five):
    weights = found_five.scales.pivot(index="body", columns="criterion", values="weight")
    np.testing.assert_allclose(weights.loc["kamen", IDS], KAMEN, atol=1e-12)
    np.testing.assert_allclose(weights.loc["unna", IDS], MODEL, atol=1e-12)
    # every body is scored on the same anchored scales
    for body, rows in found_five.scales.groupby("body"):
        rows = rows.set_index("criterion")
        for c in IDS:
            assert (rows.loc[c, "low"], rows.loc[c, "high"]) == BOUNDS[c], (body, c)


def test_brute_force_five_bodies(five, found_five):
    expected = brute_force(five, ("it", "abfall"), {"kamen": KAMEN})
    # every candidate's members, and the same set of candidates
    cand = found_five.candidates
    by_option = {}
    for (field, form, members, body), value in expected.items():
        by_option.setdefault((field, form, members), {})[body] = value
    assert sorted(key(cand)) == sorted(by_option)
    for row in cand.itertuples():
        members = by_option[(row.field, row.legal_form, row.members)]
        gains = [g for g, _, _ in members.values()]
        npvs = [k for _, k, _ in members.values()]
        cost = sum(c for _, _, c in members.values())
        pool = sum(npvs)
        assert row.n_members == len(members)
        assert row.pool_npv == pytest.approx(pool, abs=1e-6)
        assert row.min_npv == pytest.approx(min(npvs), abs=1e-9)
        assert row.members_npv_positive == sum(k > NPV_TOLERANCE for k in npvs)
        # the proportional key: each member's cost share of the pool's Kapitalwert
        shares = [c / cost * pool for _, _, c in members.values()]
        assert row.min_share_npv == pytest.approx(min(shares), abs=1e-6)
        assert row.min_gain == pytest.approx(min(gains), abs=1e-12)
        assert row.mean_gain == pytest.approx(sum(gains) / len(gains), abs=1e-12)
        assert row.all_gain == (min(gains) > GAIN_TOLERANCE)
        assert row.pays == (pool > NPV_TOLERANCE)
    # the kept coalitions are those whose pool Kapitalwert is positive, with their members
    winners = {k for k, m in by_option.items() if sum(v[1] for v in m.values()) > NPV_TOLERANCE}
    assert 0 < len(winners) < len(by_option)  # the condition bites
    assert sorted(key(found_five.coalitions)) == sorted(winners)
    got = found_five.gains.set_index(["field", "legal_form", "members", "member"])
    assert sorted(got.index) == sorted(k for k in expected if k[:3] in winners)
    for k, row in got.iterrows():
        assert row["gain"] == pytest.approx(expected[k][0], abs=1e-12)
        assert row["npv"] == pytest.approx(expected[k][1], abs=1e-9)


def test_it_blocks_sets_that_split_county_and_boenen(found_five):
    # 26 subsets of five bodies (no Schwerte among them); IT drops {county, Bönen} (realised)
    # and every set with Bönen but without the county, its lead (split): Bönen with a
    # non-empty subset of Holzwickede, Kamen, Unna: 2³ − 1 = 7. The county as lead may pool IT
    # with the others (lead-aware rule), so 26 − 1 − 7 = 18 stay: 7 with the county and
    # others but not Bönen, 7 with both and others, 4 with neither.
    it = found_five.candidates.query("field == 'it'")
    sets = {m for m in it["members"]}
    assert len(sets) == 26 - 1 - 7 == 7 + 7 + 4 == 18
    for m in sets:
        members = set(m.split(";"))
        assert "boenen" not in members or "kreis_unna" in members
        assert members != {"kreis_unna", "boenen"}
    assert "kreis_unna;kamen" in sets and "boenen;kamen" not in sets
    assert len(it) == 18 * len(IT_FORMS)


def test_gains_equal_the_standard_benefit(dataset, default_analysis):
    # on the anchored scales a member's points and Kapitalwert in a coalition that is also a
    # standard option are its benefit and Kapitalwert in the standard analysis
    found = find(dataset)
    ranking = default_analysis.ranking.query("option != @STAND_ALONE")
    keys = key(ranking.rename(columns={"partners": "members"}), "body")
    benefit = dict(zip(keys, ranking["benefit"], strict=True))
    npv = dict(zip(keys, ranking["npv"], strict=True))
    # the enumeration: 2036 sets x forms in 5 fields (Förderschulen: none left); ePayment 3,
    # eVergabe 4, shared services 4, Abfall 4 forms take every set; IT (5 forms) keeps 757
    # sets (see test_full_enumeration_of_one_field)
    assert len(found.candidates) == (3 + 4 + 4 + 4) * 2036 + 5 * 757 == 34325
    # kept: exactly the candidates whose pool Kapitalwert is positive
    pays = found.candidates[found.candidates["pool_npv"] > NPV_TOLERANCE]
    assert sorted(found.coalitions["option"]) == sorted(pays["option"])
    assert found.candidates["pays"].eq(found.candidates["pool_npv"] > NPV_TOLERANCE).all()
    gains = found.gains
    got = dict(zip(key(gains, "member"), gains["gain"], strict=True))
    got_npv = dict(zip(key(gains, "member"), gains["npv"], strict=True))
    cand = set(key(found.candidates))
    assert {k[:3] for k in benefit} <= cand  # every standard option is among the candidates
    common = [k for k in benefit if k in got]
    assert len(common) > 100
    for k in common:
        assert got[k] == pytest.approx(benefit[k], abs=1e-12)
        assert got_npv[k] == pytest.approx(npv[k], abs=1e-9)
    # the pool Kapitalwert of a standard option is the joint view's pool_npv
    joint = default_analysis.joint.set_index(["field", "legal_form", "partners"])["pool_npv"]
    cands = found.candidates.set_index(["field", "legal_form", "members"])["pool_npv"]
    np.testing.assert_allclose(cands.loc[joint.index].to_numpy(), joint.to_numpy(), atol=1e-6)


def test_wpm_gains_on_the_anchored_scales(dataset, default_analysis):
    # wpm in the finder: S = prod_j (0.1 + 0.9 v_j)^w_j with v_j on the anchored scales,
    # recomputed here from the standard indicator table for the county pairs of ePayment
    found = find(dataset, field="epayment", method="wpm", max_size=2)
    table = default_analysis.indicators.set_index(["body", "option"])
    matrix = table[INDICATORS].astype(float)
    matrix.columns = IDS
    lo = pd.Series({c: BOUNDS[c][0] for c in IDS})
    hi = pd.Series({c: BOUNDS[c][1] for c in IDS})
    values = value_scores(matrix.clip(lower=lo, upper=hi, axis=1), DIRECTIONS, bounds=BOUNDS)
    score = pd.Series(np.prod((0.1 + 0.9 * values.to_numpy()) ** np.array(MODEL), axis=1),
                      index=matrix.index)  # fmt: skip
    gains = found.gains.set_index(["member", "option"])
    common = [i for i in gains.index if i in score.index]
    assert len(common) >= 2 * 10  # county pairs that pay, for several forms
    for body, option in common:
        expected = score.loc[(body, option)] - score.loc[(body, STAND_ALONE)]
        assert gains.loc[(body, option), "gain"] == pytest.approx(expected, abs=1e-12)


def test_wpm_gains_agree_with_the_wpm_analysis(dataset):
    # analyse(method="wpm") scores on the same anchored scales, so a standard option's gain in
    # the finder is its benefit over going on alone in the analysis
    import potential

    found = find(dataset, field="epayment", method="wpm", max_size=2)
    ranking = potential.analyse(dataset, method="wpm").ranking.set_index(["body", "option"])
    gains = found.gains.set_index(["member", "option"])
    common = [i for i in gains.index if i in ranking.index]
    assert len(common) >= 2 * 10
    for i in common:
        assert gains.loc[i, "gain"] == pytest.approx(ranking.loc[i, "benefit"], abs=1e-12)


def test_options_as_generate_options_with_family_all(dataset):
    date = dataset.meta.reference_date
    rules = dict(partner_sets=("all",), max_size=11, fields=("it",))
    expected = generate_options(with_rules(dataset, **rules), date)
    sets = member_sets(dataset, [b.id for b in dataset.bodies], 11)
    got = coalition_options(dataset, {"it": IT_FORMS}, sets, date)
    pd.testing.assert_frame_equal(got, expected)


def test_every_kept_coalition_pays(found_kamen):
    gains, coalitions, cand = found_kamen.gains, found_kamen.coalitions, found_kamen.candidates
    assert (coalitions["pool_npv"] > NPV_TOLERANCE).all() and coalitions["pays"].all()
    # the proportional key leaves every member at or above its status quo
    assert (coalitions["min_share_npv"] >= 0).all()
    assert (gains["share_npv"] >= 0).all()
    # without a settlement some members would lose: the key matters
    assert (coalitions["min_npv"] < 0).any()
    losers = cand[~cand["pays"]]
    assert len(losers) > 0
    assert not set(losers["option"]) & set(coalitions["option"])
    assert (losers["pool_npv"] <= NPV_TOLERANCE).all()
    # points beside the money: gain = score - stand-alone score, all_gain from min_gain
    assert (gains["gain"] == gains["score"] - gains["alone_score"]).all()
    assert (coalitions["all_gain"] == (coalitions["min_gain"] > GAIN_TOLERANCE)).all()
    # Kamen's own weights change Kamen's points, not its money
    plain = find(found_kamen.dataset, max_size=3).gains.set_index(["option", "member"])
    mine = gains.set_index(["option", "member"])
    kamen = [i for i in mine.index if i[1] == "kamen" and i in plain.index]
    assert kamen
    assert not np.allclose(mine.loc[kamen, "gain"], plain.loc[kamen, "gain"])
    np.testing.assert_array_equal(mine.loc[kamen, "npv"], plain.loc[kamen, "npv"])


def test_pool_npv_is_the_sum_of_the_members(found_kamen):
    by = found_kamen.gains.groupby("option")
    c = found_kamen.coalitions.set_index("option")
    np.testing.assert_allclose(c["pool_npv"], by["npv"].sum().loc[c.index], atol=1e-6)
    np.testing.assert_allclose(c["pool_npv"], by["share_npv"].sum().loc[c.index], atol=1e-6)
    np.testing.assert_allclose(c["min_npv"], by["npv"].min().loc[c.index], atol=1e-9)
    np.testing.assert_allclose(c["min_gain"], by["gain"].min().loc[c.index], atol=1e-15)
    np.testing.assert_allclose(c["mean_gain"], by["gain"].mean().loc[c.index], atol=1e-12)
    positive = by["npv"].apply(lambda x: int((x > NPV_TOLERANCE).sum())).loc[c.index]
    assert (c["members_npv_positive"] == positive).all()
    assert (c["n_members"] == by.size().loc[c.index]).all()
    assert (c["members"].str.split(";").str.len() == c["n_members"]).all()
    members = by["member"].agg(";".join).loc[c.index]
    assert (members == c["members"]).all()  # members in dataset order


def test_ranking_order(found_kamen, dataset):
    c = found_kamen.coalitions
    fields = [f.id for f in dataset.fields]
    assert list(dict.fromkeys(c["field"])) == [f for f in fields if f in set(c["field"])]
    for _, rows in c.groupby("field", sort=False):
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))
        k, m = rows["pool_npv"].round(2).to_numpy(), rows["min_gain"].to_numpy()
        assert (np.diff(k) <= 0).all()
        tied = np.diff(k) == 0
        assert (np.diff(m)[tied] <= 1e-12).all()
    top = find(dataset, max_size=3, body_weights=KAMEN_WEIGHTS, top=5)
    expected = c[c["rank"] <= 5].reset_index(drop=True)
    pd.testing.assert_frame_equal(top.coalitions, expected)
    assert set(top.gains["option"]) == set(expected["option"])
    assert top.gains.groupby("field")["rank"].max().le(5).all()


def test_gain_does_not_depend_on_the_enumeration(dataset):
    wide = find(dataset, field="abfall", max_size=4)
    narrow = find(dataset, field="abfall", max_size=3, must_include="selm", connected=True)
    g = wide.gains.set_index(["option", "member"])["gain"]
    h = narrow.gains.set_index(["option", "member"])["gain"]
    assert len(h) > 0 and h.index.isin(g.index).all()
    np.testing.assert_array_equal(h.to_numpy(), g.loc[h.index].to_numpy())


def town_graph(dataset):
    """bodies.csv neighbours among the towns, symmetric (networkx graphs are undirected)."""
    graph = nx.Graph()
    towns = [b for b in dataset.bodies if b.kind != "kreis"]
    graph.add_nodes_from(b.id for b in towns)
    graph.add_edges_from((b.id, nb) for b in towns for nb in b.neighbours)
    return graph


def test_connected_sets_only(dataset):
    found = find(dataset, field="epayment", max_size=5, connected=True)
    graph = town_graph(dataset)
    ids = [b.id for b in dataset.bodies]
    expected = set()
    for size in range(2, 6):
        for members in itertools.combinations(ids, size):
            towns = [m for m in members if m != "kreis_unna"]
            if len(towns) <= 1 or nx.is_connected(graph.subgraph(towns)):
                expected.add(";".join(members))
    got = set(found.candidates["members"])  # no full-scope cooperation in ePayment
    assert got == expected
    assert found.n_sets == len(expected)
    assert len(found.candidates) == 3 * len(expected)
    assert "kreis_unna;selm" in got and "selm;werne" in got
    assert "schwerte;selm" not in got and "kreis_unna;schwerte;selm" not in got


def test_must_include(dataset):
    found = find(dataset, field="epayment", max_size=4, must_include=["werne", "selm"])
    assert found.must_include == ("selm", "werne")  # dataset order
    # the other 9 bodies fill 0 to 2 places: 1 + 9 + 36 sets, three forms each
    assert len(found.candidates) == 3 * (1 + 9 + math.comb(9, 2))
    for members in found.candidates["members"]:
        assert {"selm", "werne"} <= set(members.split(";"))
    assert found.gains.groupby("option")["member"].apply(set).map({"selm", "werne"}.issubset).all()


def test_full_enumeration_of_one_field(dataset):
    # IT blocks: every set with Schwerte (austritt_unbekannt, it_schwerte_sit), the pair
    # county+Bönen (realised) and every set with Bönen but not the county (split)
    ids = [b.id for b in dataset.bodies]
    blocked = 0
    for size in range(2, 12):
        for members in itertools.combinations(ids, size):
            s = set(members)
            if (
                "schwerte" in s
                or s == {"kreis_unna", "boenen"}
                or ("boenen" in s and "kreis_unna" not in s)
            ):
                blocked += 1
    # with Schwerte: 2¹⁰ − 1 = 1023; without Schwerte, Bönen without the county:
    # 2⁸ − 1 = 255 (Bönen with a non-empty subset of the 8 others); the pair: 1
    assert 2**11 - 12 == 2036 and blocked == 1023 + 255 + 1 == 1279
    start = time.perf_counter()
    found = find(dataset, field="it")
    seconds = time.perf_counter() - start
    assert found.n_sets == 2036
    assert len(found.candidates) == (2036 - blocked) * len(IT_FORMS) == 757 * 5 == 3785
    # kept: the coalitions whose pool Kapitalwert is positive
    pays = found.candidates["pool_npv"] > NPV_TOLERANCE
    assert 0 < pays.sum() < 3785
    assert len(found.coalitions) == pays.sum()
    assert seconds < 10


def test_field_with_every_set_blocked(dataset):
    # the county runs the Förderschulen for all eleven bodies as lead: every set with the
    # county is a part of it with its lead (realised), every set without it splits it
    found = find(dataset, field="foerderschulen", max_size=3)
    assert found.candidates.empty and found.coalitions.empty and found.gains.empty
    assert "rank" in found.coalitions and "gain" in found.gains


def test_legal_forms(dataset):
    found = find(dataset, field="it", max_size=2, legal_forms=["gku", "oerv_deleg"])
    assert set(found.candidates["legal_form"]) == {"gku"}  # oerv_deleg does not fit IT
    assert (found.candidates["lead"] == "").all()
    mandat = find(dataset, field="epayment", max_size=2, legal_forms="oerv_mandat")
    leads = dict(zip(mandat.candidates["members"], mandat.candidates["lead"], strict=True))
    assert leads["selm;werne"] == "werne"  # the larger population
    assert leads["kreis_unna;selm"] == "kreis_unna"


def test_dataset_rules_with_a_required_lead(dataset):
    led = with_rules(dataset, lead="unna")
    found = find(led, field="shared_services", max_size=3)
    assert set(found.candidates["legal_form"]) == {"oerv_mandat", "oerv_deleg"}
    assert (found.candidates["lead"] == "unna").all()
    assert found.candidates["members"].str.split(";").map(lambda m: "unna" in m).all()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"field": "xyz"}, "unbekanntes Handlungsfeld 'xyz'; erwartet: eines von epayment"),
        ({"must_include": "xyz"}, "must_include: unbekannte Körperschaft 'xyz'"),
        ({"max_size": 1}, "max_size: 1; erwartet: eine ganze Zahl von 2 bis 11"),
        ({"max_size": 12}, "max_size: 12; erwartet: eine ganze Zahl von 2 bis 11"),
        ({"max_size": 2.5}, "max_size: 2.5; erwartet: eine ganze Zahl"),
        ({"method": "topsis"}, "so dass der Gewinn einer Koalition davon abhinge"),
        ({"method": "xyz"}, "unbekannte Methode 'xyz'; erwartet: wsm und wpm"),
        ({"top": 0}, "top: 0; erwartet: eine ganze Zahl ≥ 1"),
        ({"legal_forms": "xyz"}, "unbekannte Rechtsform 'xyz'"),
        ({"field": "it", "legal_forms": "oerv_deleg"}, "keine Rechtsform unter oerv_deleg passt"),
        (
            {"max_size": 2, "must_include": ["selm", "werne", "unna"]},
            "jede Koalition muss 3 Körperschaften enthalten",
        ),
    ],
)
def test_bad_input(dataset, kwargs, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        find(dataset, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"field": "xyz"}, "unknown field 'xyz'; expected one of epayment"),
        ({"max_size": 1}, "max_size: got 1; expected a whole number from 2 to 11"),
        ({"method": "topsis"}, "so a coalition's gain would depend on which coalitions"),
        ({"field": "it", "legal_forms": "oerv_deleg"}, "no legal form among oerv_deleg fits"),
        ({"key": "shapley"}, "key: 'shapley' is not a cost key the coalition finder applies"),
    ],
)
def test_bad_input_in_english_on_request(dataset, kwargs, message):
    with use_lang("en"), pytest.raises(InputError, match=message):
        find(dataset, **kwargs)


def test_body_that_takes_no_part(dataset):
    out = with_rules(dataset, stay_out=("selm",))
    with pytest.raises(InputError, match="'selm' nimmt nach den Optionsregeln"):
        find(out, must_include="selm")
    with pytest.raises(InputError, match="von 2 bis 10"):
        find(out, max_size=11)


def test_a_form_excluded_by_a_data_rule_is_not_enumerated(dataset_copy):
    # knockout_rules.csv: a rule without min_approval_weeks makes a form inadmissible in a
    # field; the finder must leave it out as screen_options does. ePayment offers three forms
    # (fields.csv) and no ePayment cooperation is full scope, so 55 pairs × 3 = 165
    # candidates, and 55 × 2 = 110 once the Zweckverband is excluded.
    assert len(find(dataset_copy, field="epayment", max_size=2).candidates) == 55 * 3
    with open(dataset_copy / "knockout_rules.csv", "a", encoding="utf-8") as f:
        f.write("kein_zv,epayment,zweckverband,,Nicht zulässig.,Not admissible.,–,gkg-nrw\n")
    found = find(dataset_copy, field="epayment", max_size=2)
    assert len(found.candidates) == 55 * 2
    assert not found.coalitions["legal_form"].eq("zweckverband").any()
