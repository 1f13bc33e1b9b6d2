"""Coalition finder (potential.coalitions) against brute force and independent checks.

The brute force builds each partner set's options one set at a time with
``generate_options`` (family ``county`` over ``join`` = the set), computes the indicators
with ``indicator_table`` for that set alone, takes the fixed scales from the standard
analysis' ranking table (min and max of each criterion per body) and scores with
``potential.mcda.value_scores(..., bounds=...)`` and effective weights worked out by hand.
Connectivity is checked with networkx, counts and blocked sets by hand.
"""

from __future__ import annotations

import itertools
import math
import time

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import potential
from potential.coalitions import GAIN_TOLERANCE, coalition_options, find, member_sets
from potential.errors import InputError
from potential.indicators import indicator_table
from potential.mcda import value_scores
from potential.models import OptionRules
from potential.options import generate_options, with_option_rules

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
DIRECTIONS = [d for _, d in CRITERIA]
# The model's effective weights: group × criterion share (docs/method.md section 5).
MODEL = [0.21, 0.14, 0.15, 0.10, 0.06, 0.08, 0.06, 0.20]
# Kamen weighs steering most (illustrative, not Kamen's view): groups 0.1, 0.1, 0.7, 0.1
# (sum 1) × the model's criterion shares 0.6/0.4, 0.6/0.4, 0.3/0.4/0.3, 1.
KAMEN = [0.06, 0.04, 0.06, 0.04, 0.21, 0.28, 0.21, 0.10]
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
# IT forms (fields.csv); Bönen's IT has been run by the county since 2013 (full scope).
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
    """Every subset's member gains, one subset at a time (module notes)."""
    date = dataset.meta.reference_date
    standard = potential.analyse(dataset, body_weights=KAMEN_WEIGHTS).ranking
    bounds = {
        b: {c: (rows[c].min(), rows[c].max()) for c in IDS} for b, rows in standard.groupby("body")
    }
    bodies = [b.id for b in dataset.bodies if b.id in FIVE]
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
                matrix = rows.set_index("option")[IDS].astype(float)
                lo = pd.Series({c: bounds[body][c][0] for c in IDS})
                hi = pd.Series({c: bounds[body][c][1] for c in IDS})
                clipped = matrix.clip(lower=lo, upper=hi, axis=1)
                values = value_scores(clipped, DIRECTIONS, bounds=bounds[body])
                score = values.to_numpy() @ np.array(weights.get(body, MODEL))
                alone = score[list(matrix.index).index(STAND_ALONE)]
                for option, s in zip(matrix.index, score, strict=True):
                    if option == STAND_ALONE:
                        continue
                    row = options.set_index("option").loc[option]
                    out[(row["field"], row["legal_form"], row["partners"], body)] = s - alone
    return out


def test_kamen_weights_by_hand(found_five):
    weights = found_five.scales.pivot(index="body", columns="criterion", values="weight")
    np.testing.assert_allclose(weights.loc["kamen", IDS], KAMEN, atol=1e-12)
    np.testing.assert_allclose(weights.loc["unna", IDS], MODEL, atol=1e-12)


def test_brute_force_five_bodies(five, found_five):
    expected = brute_force(five, ("it", "abfall"), {"kamen": KAMEN})
    # every candidate's member gains, and the same set of candidates
    cand = found_five.candidates
    by_option = {}
    for (field, form, members, body), gain in expected.items():
        by_option.setdefault((field, form, members), {})[body] = gain
    assert sorted(key(cand)) == sorted(by_option)
    for row in cand.itertuples():
        gains = by_option[(row.field, row.legal_form, row.members)]
        assert row.n_members == len(gains)
        assert row.joint_benefit == pytest.approx(sum(gains.values()), abs=1e-12)
        assert row.min_gain == pytest.approx(min(gains.values()), abs=1e-12)
    # the same coalitions (every member gains), with the same gains
    winners = {k for k, g in by_option.items() if min(g.values()) > GAIN_TOLERANCE}
    assert 0 < len(winners) < len(by_option)  # the condition bites
    assert sorted(key(found_five.coalitions)) == sorted(winners)
    got = dict(zip(key(found_five.gains, "member"), found_five.gains["gain"], strict=True))
    assert sorted(got) == sorted(k for k in expected if k[:3] in winners)
    for k, gain in got.items():
        assert gain == pytest.approx(expected[k], abs=1e-12)


def test_it_blocks_sets_that_split_county_and_boenen(found_five):
    # 26 subsets of five bodies; IT drops {county, Bönen} and every set with one of them:
    # 1 + 2 × (2³ − 1) = 15, leaving 11 (the three others' 4 sets and 7 with both).
    it = found_five.candidates.query("field == 'it'")
    sets = {m for m in it["members"]}
    assert len(sets) == 26 - 15 == 11
    for m in sets:
        members = set(m.split(";"))
        assert ("kreis_unna" in members) == ("boenen" in members)
        assert members != {"kreis_unna", "boenen"}
    assert len(it) == 11 * len(IT_FORMS)


def test_gains_equal_the_standard_benefit(dataset, default_analysis):
    found = find(dataset)
    ranking = default_analysis.ranking.query("option != @STAND_ALONE")
    keys = key(ranking.rename(columns={"partners": "members"}), "body")
    benefit = dict(zip(keys, ranking["benefit"], strict=True))
    gains = found.gains  # every candidate gains under the default weights
    assert len(found.coalitions) == len(found.candidates) == 35605
    got = dict(zip(key(gains, "member"), gains["gain"], strict=True))
    assert len(benefit) == 1530
    assert set(benefit) <= set(got)  # every standard option is among the coalitions
    for k, b in benefit.items():
        assert got[k] == pytest.approx(b, abs=1e-12)
    # the standard options lie on their own scales: nothing clipped for them
    std = gains[[k in benefit for k in key(gains, "member")]]
    assert std["clipped"].eq(0).all()


def test_wpm_gains_equal_the_standard_benefit(dataset):
    found = find(dataset, field="epayment", method="wpm", max_size=2)
    ranking = potential.analyse(dataset, method="wpm").ranking.query("field == 'epayment'")
    benefit = ranking.set_index(["field", "legal_form", "partners", "body"])["benefit"]
    got = found.gains.set_index(["field", "legal_form", "members", "member"])["gain"]
    common = benefit.index.intersection(got.index)
    assert len(common) >= 2 * 3 * 10  # the county pairs, for three forms
    np.testing.assert_allclose(got.loc[common], benefit.loc[common], atol=1e-12)


def test_options_as_generate_options_with_family_all(dataset):
    date = dataset.meta.reference_date
    rules = dict(partner_sets=("all",), max_size=11, fields=("it",))
    expected = generate_options(with_rules(dataset, **rules), date)
    sets = member_sets(dataset, [b.id for b in dataset.bodies], 11)
    got = coalition_options(dataset, {"it": IT_FORMS}, sets, date)
    pd.testing.assert_frame_equal(got, expected)


def test_every_member_gains_in_every_result(found_kamen):
    gains, coalitions, cand = found_kamen.gains, found_kamen.coalitions, found_kamen.candidates
    assert (gains["gain"] > 0).all()
    assert (gains["gain"] == gains["score"] - gains["alone_score"]).all()
    assert coalitions["all_gain"].all()
    assert (coalitions["min_gain"] > 0).all()
    losers = cand[~cand["all_gain"]]
    assert len(losers) > 0
    assert not set(losers["option"]) & set(coalitions["option"])
    assert (losers["min_gain"] <= GAIN_TOLERANCE).all()
    # Kamen, weighing steering most, loses in every coalition
    with_kamen = cand["members"].str.split(";").map(lambda m: "kamen" in m)
    assert with_kamen.any() and not cand.loc[with_kamen, "all_gain"].any()
    assert not coalitions["members"].str.split(";").map(lambda m: "kamen" in m).any()


def test_joint_benefit_is_the_sum_of_gains(found_kamen):
    by = found_kamen.gains.groupby("option")
    c = found_kamen.coalitions.set_index("option")
    np.testing.assert_allclose(c["joint_benefit"], by["gain"].sum().loc[c.index], atol=1e-12)
    np.testing.assert_allclose(c["min_gain"], by["gain"].min().loc[c.index], atol=1e-15)
    assert (c["n_members"] == by.size().loc[c.index]).all()
    assert (c["members"].str.split(";").str.len() == c["n_members"]).all()
    members = by["member"].agg(";".join).loc[c.index]
    assert (members == c["members"]).all()  # members in dataset order
    np.testing.assert_allclose(c["mean_gain"], c["joint_benefit"] / c["n_members"])


def test_ranking_order(found_kamen, dataset):
    c = found_kamen.coalitions
    fields = [f.id for f in dataset.fields]
    assert list(dict.fromkeys(c["field"])) == [f for f in fields if f in set(c["field"])]
    for _, rows in c.groupby("field", sort=False):
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))
        j, m = rows["joint_benefit"].round(12).to_numpy(), rows["min_gain"].to_numpy()
        assert (np.diff(j) <= 0).all()
        tied = np.diff(j) == 0
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
    ids = [b.id for b in dataset.bodies]
    blocked = 0
    for size in range(2, 12):
        for members in itertools.combinations(ids, size):
            s = set(members)
            if s == {"kreis_unna", "boenen"} or len(s & {"kreis_unna", "boenen"}) == 1:
                blocked += 1
    assert 2**11 - 12 == 2036 and blocked == 1023
    start = time.perf_counter()
    found = find(dataset, field="it")
    seconds = time.perf_counter() - start
    assert found.n_sets == 2036
    assert len(found.candidates) == (2036 - blocked) * len(IT_FORMS) == 5065
    assert len(found.coalitions) == 5065  # every member gains under the default weights
    assert seconds < 10


def test_field_with_every_set_blocked(dataset):
    # the county runs the Förderschulen for all eleven bodies: every set equals or splits it
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
        ({"field": "xyz"}, "unknown field 'xyz'; expected one of epayment"),
        ({"must_include": "xyz"}, "must_include: unknown body 'xyz'"),
        ({"max_size": 1}, "max_size: got 1; expected a whole number from 2 to 11"),
        ({"max_size": 12}, "max_size: got 12; expected a whole number from 2 to 11"),
        ({"max_size": 2.5}, "max_size: expected a whole number"),
        ({"method": "topsis"}, "so a coalition's gain would depend on which coalitions"),
        ({"method": "xyz"}, "unknown method 'xyz'"),
        ({"top": 0}, "top: expected a whole number >= 1"),
        ({"legal_forms": "xyz"}, "unknown legal form 'xyz'"),
        ({"field": "it", "legal_forms": "oerv_deleg"}, "no legal form among oerv_deleg fits"),
        (
            {"max_size": 2, "must_include": ["selm", "werne", "unna"]},
            "every coalition must include 3 bodies",
        ),
    ],
)
def test_bad_input(dataset, kwargs, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        find(dataset, **kwargs)


def test_body_that_takes_no_part(dataset):
    out = with_rules(dataset, stay_out=("selm",))
    with pytest.raises(InputError, match="'selm' takes no part"):
        find(out, must_include="selm")
    with pytest.raises(InputError, match="from 2 to 10"):
        find(out, max_size=11)
