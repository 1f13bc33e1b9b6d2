"""Scenario files: loading, ``extends``, overrides and weight changes checked by hand."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import pytest

import potential.scenarios as ps
from potential.errors import InputError
from potential.indicators import body_field_inputs
from potential.messages import use_lang


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def heute():
    return ps.run("heute")


def with_overrides(*overrides, **keys):
    return ps.load("heute").with_changes(name="test", overrides=list(overrides), **keys)


# --- loading and extends ------------------------------------------------------------------


def test_shipped_names_include_the_reference():
    assert "heute" in ps.shipped_names()


def test_option_labels_name_options_for_people(heute):
    # fields.csv: it = Informationstechnik; legal_forms.csv: oerv_mandat = Öffentlich-rechtliche
    # Vereinbarung (mandatierend); bodies.csv: kreis_unna, luenen = Kreis Unna, Lünen
    names = heute.option_labels()
    assert set(names) == set(heute.analysis.ranking["option"])
    assert names["it/oerv_mandat/kreis_unna+luenen"] == (
        "Informationstechnik – Öffentlich-rechtliche Vereinbarung (mandatierend) – "
        "Kreis Unna, Lünen"
    )
    assert heute.option_labels("en")["it/oerv_mandat/kreis_unna+luenen"] == (
        "Information technology – Public-law agreement (mandating) – Kreis Unna, Lünen"
    )


def test_extends_merges_as_documented(tmp_path):
    write(
        tmp_path,
        "eltern.yaml",
        """
        name: eltern
        description: Eltern
        method: waspas
        method_params: {lam: 0.3}
        options: {fields: [it, evergabe]}
        weights: [{group: personal, factor: 2}]
        overrides:
          - {parameter: leaving_share_10y, factor: 1.1, assumption: erster Schritt}
        """,
    )
    child = write(
        tmp_path,
        "kind.yaml",
        """
        name: kind
        extends: eltern
        options: {max_size: 3, partner_sets: [all]}
        weights: [{criterion: npv_per_capita, value: 1}]
        overrides:
          - {parameter: leaving_share_10y, add: 0.01, assumption: zweiter Schritt}
        """,
    )
    sc = ps.load(child)
    assert sc.name == "kind" and sc.description == "" and sc.extends is None
    assert sc.method == "waspas" and sc.method_params == {"lam": 0.3}
    assert sc.options.fields == ("it", "evergabe") and sc.options.max_size == 3
    assert [w.group or w.criterion for w in sc.weights] == ["personal", "npv_per_capita"]
    assert [o.assumption for o in sc.overrides] == ["erster Schritt", "zweiter Schritt"]
    assert [p.name for p in sc.files] == ["eltern.yaml", "kind.yaml"]
    # applied in order: (0.297 × 1.1) + 0.01
    prep = ps.prepare(sc)
    assert prep.dataset.parameter("leaving_share_10y") == pytest.approx(0.297 * 1.1 + 0.01)


def test_extends_a_shipped_scenario_and_relative_paths(tmp_path, dataset_copy):
    sub = tmp_path / "sub"
    sub.mkdir()
    path = write(sub, "x.yaml", "name: x\nextends: heute\ndata: ../kreis-unna\n")
    sc = ps.load(path)
    assert sc.files[0].name == "heute.yaml"
    assert ps.prepare(sc).dataset.path == str(dataset_copy.resolve())


def test_with_changes_validates_and_keeps_files():
    base = ps.load("heute")
    changed = base.with_changes(name="anders", method="topsis")
    assert changed.method == "topsis" and changed.files == base.files
    with pytest.raises(InputError, match="'options.stay_outt'|stay_outt"):
        base.with_changes(name="x", options={"stay_outt": ["selm"]})


# --- overrides, each checked against a hand calculation -----------------------------------


def test_global_factor_scales_staffing_relief():
    # With the issue-14 data every savings cap (at most 0.25, Förderschulen) is below the
    # leaving share 0.297, so in the reference scenario the departures bind for no pool. To
    # keep both cases under test, both runs give ePayment its former cap 0.4 back
    # (savings_cap override); the county-wide ePayment pools then save more than 0.297.
    cap = {"parameter": "savings_cap", "fields": ["epayment"], "value": 0.4, "assumption": "t"}
    base = ps.run(with_overrides(cap))
    run = ps.run(
        with_overrides(
            {"parameter": "leaving_share_10y", "factor": 1.2, "assumption": "test"}, cap
        )
    )
    assert run.analysis.dataset.parameter("leaving_share_10y") == pytest.approx(0.297 * 1.2)
    # staffing relief = w × min(r × FTE_P, s_P × FTE_P), counted once per pool: it grows
    # with the leaving share r only where the departures bind
    table = base.analysis.indicators
    rows = table[table["option"] != "alleingang"]
    cost = rows.groupby("option")["annual_cost"].transform("sum")
    fte = rows.groupby("option")["fte"].transform("sum")
    s_p = (rows["savings_share"] * rows["annual_cost"]).groupby(rows["option"]).transform("sum")
    s_p = s_p / cost
    w = rows["annual_cost"] / cost
    index = pd.MultiIndex.from_frame(rows[["body", "option"]])
    before = pd.Series((w * np.minimum(0.297 * fte, s_p * fte)).to_numpy(), index=index)
    expected = pd.Series((w * np.minimum(0.3564 * fte, s_p * fte)).to_numpy(), index=index)
    old = table.set_index(["body", "option"])["staffing_relief"]
    new = run.analysis.indicators.set_index(["body", "option"])["staffing_relief"]
    np.testing.assert_allclose(old.loc[index], before, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(new.loc[index], expected, rtol=1e-12, atol=1e-15)
    grows = (0.297 < s_p).to_numpy()
    assert grows.any() and (~grows).any()  # both cases occur
    row = run.changes.iloc[0]
    assert (row["old"], row["rule"]) == (0.297, "× 1.2")
    assert row["new"] == pytest.approx(0.3564)


def test_field_value_and_body_scope(dataset):
    sc = with_overrides(
        {"parameter": "cost_per_capita", "fields": ["it"], "value": 50, "assumption": "t"},
        {
            "parameter": "leaving_share",
            "bodies": ["selm"],
            "fields": ["it"],
            "value": 0.5,
            "assumption": "t",
        },
    )
    prep = ps.prepare(sc)
    before = body_field_inputs(dataset).set_index(["body", "field"])
    after = body_field_inputs(prep.dataset).set_index(["body", "field"])
    it = after.index.get_level_values("field") == "it"
    # field_parameters.csv it cost_per_capita 24.0 -> 50
    np.testing.assert_allclose(after[it]["annual_cost"], before[it]["annual_cost"] * 50 / 24)
    np.testing.assert_allclose(after[~it]["annual_cost"], before[~it]["annual_cost"])
    assert after.loc[("selm", "it"), "leaving_share"] == 0.5
    others = after.drop(index=("selm", "it"))["leaving_share"]
    assert (others == 0.297).all()
    # the selm/it figure is recorded with the scenario as its source
    (entry,) = prep.dataset.body_fields
    assert (entry.body, entry.field, entry.leaving_share) == ("selm", "it", 0.5)
    assert "scenario 'test'" in entry.source


def test_bounds_and_add(dataset):
    sc = with_overrides(
        {"parameter": "leaving_share_10y", "factor": 10, "at_most": 0.6, "assumption": "t"},
        {"parameter": "min_team_fte", "add": -0.5, "assumption": "t"},
        {"parameter": "vat_binding_date", "value": "2029-01-01", "assumption": "t"},
    )
    ds = ps.prepare(sc).dataset
    assert ds.parameter("leaving_share_10y") == 0.6
    assert ds.parameter("min_team_fte") == 1.5
    assert ds.parameter("vat_binding_date").isoformat() == "2029-01-01"


def test_population_doubles_estimated_cost(dataset):
    sc = with_overrides(
        {"parameter": "population", "bodies": ["selm"], "factor": 2, "assumption": "t"}
    )
    ds = ps.prepare(sc).dataset
    assert ds.body("selm").population == round(dataset.body("selm").population * 2)
    before = body_field_inputs(dataset).set_index(["body", "field"])
    after = body_field_inputs(ds).set_index(["body", "field"])
    np.testing.assert_allclose(
        after.loc["selm", "annual_cost"], before.loc["selm", "annual_cost"] * 2, rtol=1e-6
    )


def test_full_fulfilment_removes_obligation_pressure():
    run = ps.run(with_overrides({"parameter": "fulfilment", "value": 1, "assumption": "t"}))
    assert (run.analysis.indicators["obligation_pressure"] == 0).all()
    # one row per body and duty of obligations.csv (egovg_3, egovg_7, egovg_bund_4, egovg_7a,
    # ozg, vgv_evergabe): 11 × 6
    assert len(run.changes) == 66


def test_obligation_weight_and_date(dataset):
    sc = with_overrides(
        {"parameter": "obligation_weight", "obligations": ["egovg_7"], "value": 1,
         "source": "egovg-7"},
        {"parameter": "in_force", "obligations": ["ozg"], "value": "2030-01-01",
         "assumption": "t"},
    )  # fmt: skip
    ds = ps.prepare(sc).dataset
    ob = {o.id: o for o in ds.obligations}
    assert ob["egovg_7"].weight == 1 and ob["ozg"].in_force.isoformat() == "2030-01-01"


def test_weight_changes_by_hand():
    sc = ps.load("heute").with_changes(
        name="w",
        weights=[
            {"group": "egov_pflichten", "factor": 2},
            {"criterion": "npv_per_capita", "value": 0.4},
        ],
    )
    prep = ps.prepare(sc)
    w = prep.criteria.weights()
    # groups 0.35, 0.25, 0.2, 0.4 (= 0.2 × 2): sum 1.2
    assert w["service_quality"] == pytest.approx(0.4 / 1.2)
    # the Kapitalwert 0.4 of (0.4 + 0.2) within the economy group
    assert w["npv_per_capita"] == pytest.approx(0.35 / 1.2 * 0.4 / 0.6)
    assert w["liquidity_burden"] == pytest.approx(0.35 / 1.2 * 0.2 / 0.6)
    assert sum(w.values()) == pytest.approx(1)
    assert "Changed by scenario 'w'" in prep.criteria.assumption
    assert list(prep.changes["item"]) == ["egov_pflichten", "npv_per_capita"]


def test_scenario_sources_are_citable():
    sc = with_overrides(
        {"parameter": "leaving_share_10y", "value": 0.35, "source": "neu"},
        sources=[{"id": "neu", "grade": "S", "title": "Eine Quelle", "url": "https://x.example"}],
    )
    ds = ps.prepare(sc).dataset
    assert "neu" in {s.id for s in ds.sources}
    (p,) = [p for p in ds.parameters if p.parameter == "leaving_share_10y"]
    assert p.source == ("neu",) and p.value == 0.35


# --- option rules from a scenario -----------------------------------------------------------


def test_option_rules_from_scenario():
    sc = ps.load("heute").with_changes(
        name="o", options={"fields": ["epayment"], "stay_out": ["selm"]}
    )
    ranking = ps.run(sc).analysis.ranking
    assert "selm" not in set(ranking["body"])
    coop = ranking[ranking["option"] != "alleingang"]
    assert set(coop["field"]) == {"epayment"}
    assert not coop["partners"].str.contains("selm").any()


def test_compare_two_scenarios_with_a_known_difference(heute):
    """Only the Kapitalwert per inhabitant weighs in the second scenario, so its ranking is
    the order of that value on its anchored scale, clipped to -30..30 € (ties, such as two
    values beyond an anchor, in the order the options were generated): the moves and
    Kendall's tau follow from that order, worked out here with pandas and scipy."""
    from scipy.stats import kendalltau

    zero = [
        {"group": g, "value": 0} for g in ("personal", "rechtsform_steuerung", "egov_pflichten")
    ]
    only = ps.load("heute").with_changes(
        name="nur-kapitalwert", weights=[*zero, {"criterion": "liquidity_burden", "value": 0}]
    )
    other = ps.run(only)
    cmp = ps.compare([heute, other])
    table = heute.analysis.indicators
    base = heute.analysis.ranking.set_index(["body", "option"])["rank"]
    for body, rows in table.groupby("body", sort=False):
        value = (rows.set_index("option")["npv_per_capita"].clip(-30, 30) + 30) / 60
        expected = value.round(12).rank(method="first", ascending=False).astype(int)
        moves = cmp.moves[cmp.moves["body"] == body].set_index("option")
        np.testing.assert_array_equal(moves.loc[expected.index, "rank_nur-kapitalwert"], expected)
        before = base.loc[body].loc[expected.index]
        np.testing.assert_array_equal(
            moves.loc[expected.index, "change_nur-kapitalwert"], before - expected
        )
        tau = kendalltau(before, expected).statistic
        got = cmp.correlation.set_index("body").loc[body, "kendall_tau"]
        assert got == pytest.approx(tau)
    assert (cmp.moves["movement"] != "gone").all()


def test_run_twice_gives_equal_tables(heute):
    again = ps.run("heute")
    pd.testing.assert_frame_equal(heute.analysis.ranking, again.analysis.ranking)
    assert heute.provenance == again.provenance


# --- bad input: one clear message naming the file and the key path -------------------------

BAD = [
    # (the texts of other areas are matched on their stable part, the key path)
    ("overides: []\n", "'overides'"),
    ("reference_date: 2016-13-01\n", "Schlüssel 'reference_date'"),
    ("reference_date: 2016\n", "Schlüssel 'reference_date'"),
    ("reference_date: Frühjahr\n", "Schlüssel 'reference_date'"),
    (
        "overrides: [{parameter: leaving_share, bodies: [selma], value: 0.4, assumption: x}]\n",
        "Schlüssel 'overrides[1].bodies[1]': unbekannte Körperschaft 'selma' (meinten Sie "
        "'selm'?); erwartet: eine von kreis_unna, bergkamen,",
    ),
    (
        "overrides: [{parameter: cost_per_capita, fields: [IT2], factor: 2, assumption: x}]\n",
        "Schlüssel 'overrides[1].fields[1]': unbekanntes Handlungsfeld 'IT2'",
    ),
    (
        # cost_per_capita of epayment is 2 EUR: × −1 gives −2
        "overrides: [{parameter: cost_per_capita, factor: -1, assumption: x}]\n",
        "Schlüssel 'overrides[1].factor': factor -1 macht cost_per_capita von 'epayment' "
        "negativ (-2, vorher 2); erwartet: ein Ergebnis ≥ 0",
    ),
    (
        # leaving_share_10y is 0.297: × 4 gives 1.188
        "overrides: [{parameter: leaving_share_10y, factor: 4, assumption: x}]\n",
        "macht leaving_share_10y zu 1,188 (vorher 0,297); erwartet: einen Anteil zwischen 0 und 1",
    ),
    (
        "overrides: [{parameter: leaving_share_10y, bodies: [selm], value: 0.4, assumption: x}]\n",
        "Schlüssel 'overrides[1].bodies': 'leaving_share_10y' (parameters) nimmt keinen "
        "Bereichsschlüssel, nicht 'bodies'",
    ),
    (
        "overrides: [{parameter: kosten, value: 1, assumption: x}]\n",
        "unbekannter Parameter 'kosten'; erwartet: einer von annual_cost,",
    ),
    (
        "overrides: [{parameter: min_team_fte, value: 1, source: erfunden}]\n",
        "Schlüssel 'overrides[1].source': unbekannte Quelle 'erfunden'",
    ),
    (
        "overrides: [{parameter: min_team_fte, value: 1}]\n",
        "erwartet: genau eines von 'source' (eine Quellen-ID) oder 'assumption'",
    ),
    (
        "overrides: [{parameter: vat_binding_date, factor: 2, assumption: x}]\n",
        "vat_binding_date ist ein Datum; erwartet: 'value' mit einem Datum",
    ),
    (
        "weights: [{group: personl, factor: 2}]\n",
        "Schlüssel 'weights[1].group': unbekannte Kriteriengruppe 'personl' (meinten Sie "
        "'personal'?)",
    ),
    (
        "weights: [{criterion: kosten, value: 1}]\n",
        "Schlüssel 'weights[1].criterion': unbekanntes Kriterium 'kosten'",
    ),
    ("options: {join: [selm, nirgendwo]}\n", "'options.join[2]'"),
    ("sources: [nicht-da]\n", "Schlüssel 'sources[1]': unbekannte Quelle 'nicht-da'"),
    ("extends: gibt-es-nicht\n", "'extends'"),
    ("method: magic\n", "Schlüssel 'method'"),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[b[1][:40] for b in BAD])
def test_bad_scenarios(tmp_path, text, expected):
    path = write(tmp_path, "bad.yaml", "name: bad\n" + text)
    with pytest.raises(InputError) as info:
        ps.run(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_extends_cycle(tmp_path):
    write(tmp_path, "a.yaml", "name: a\nextends: b\n")
    write(tmp_path, "b.yaml", "name: b\nextends: a\n")
    with pytest.raises(InputError, match=r"\(a.yaml → b.yaml → a.yaml\)"):
        ps.load(tmp_path / "a.yaml")


def test_bad_scenario_on_the_command_line_writes_nothing(tmp_path):
    from click.testing import CliRunner

    from potential.cli import main

    path = write(
        tmp_path,
        "bad.yaml",
        "name: bad\noverrides: [{parameter: cost_per_capita, factor: -2, assumption: x}]\n",
    )
    out = tmp_path / "out"
    for args in (["scenario", "run", str(path)], ["analyse", "--scenario", str(path)]):
        result = CliRunner().invoke(main, [*args, "--out", str(out)])
        assert result.exit_code == 2, result.output
        # one line of error (a progress line may come before it); × −2 turns 2 EUR into −4
        lines = result.output.strip().splitlines()
        assert "Traceback" not in result.output
        assert [line for line in lines if line.startswith("Fehler:")] == lines[-1:]
        assert "macht cost_per_capita von 'epayment' negativ (-4, vorher 2)" in lines[-1]
        assert not out.exists()
    result = CliRunner().invoke(main, ["scenario", "compare", "heute", "--out", str(out)])
    assert result.exit_code == 2 and "mindestens zwei" in result.output


def test_duplicate_scenario_names(tmp_path):
    write(tmp_path, "h.yaml", "name: heute\n")
    with pytest.raises(InputError, match="zwei Szenarien heißen 'heute'"):
        ps.run_many(["heute", tmp_path / "h.yaml"])
    with use_lang("en"), pytest.raises(InputError, match="two scenarios are named 'heute'"):
        ps.run_many(["heute", tmp_path / "h.yaml"])


def test_bad_scenario_in_english_on_request(tmp_path):
    # the same file as in BAD: cost_per_capita of epayment is 2 EUR, × −1 gives −2
    path = write(
        tmp_path,
        "bad.yaml",
        "name: bad\noverrides: [{parameter: cost_per_capita, factor: -1, assumption: x}]\n",
    )
    with use_lang("en"), pytest.raises(InputError) as info:
        ps.run(path)
    assert str(info.value) == (
        f"{path}: key 'overrides[1].factor': factor -1 makes cost_per_capita of 'epayment' "
        "negative (-2, was 2); expected a result ≥ 0"
    )
    path = write(tmp_path, "bad.yaml", "name: bad\nweights: [{group: personl, factor: 2}]\n")
    with use_lang("en"), pytest.raises(InputError) as info:
        ps.run(path)
    assert info.value.problem == (
        "key 'weights[1].group': unknown group 'personl' (did you mean 'personal'?); expected "
        "one of wirtschaftlichkeit, personal, rechtsform_steuerung, egov_pflichten"
    )


def test_schema_lists_every_key():
    from click.testing import CliRunner

    from potential.cli import main

    result = CliRunner().invoke(main, ["schema", "scenario"])
    assert result.exit_code == 0
    import json

    schema = json.loads(result.output)
    assert set(schema["properties"]) == set(ps.Scenario.model_fields)
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["DataOverride"]["additionalProperties"] is False


def test_sources_listing_of_a_scenario_shows_its_changes(tmp_path):
    from click.testing import CliRunner

    from potential.cli import main

    path = write(
        tmp_path,
        "s.yaml",
        """
        name: s
        overrides:
          - {parameter: cost_per_capita, fields: [it], value: 55, assumption: Umfrage fehlt}
        """,
    )
    out = tmp_path / "quellen.csv"
    result = CliRunner().invoke(
        main, ["data", "sources", "--scenario", str(path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    row = table[(table["item"] == "it") & (table["parameter"] == "cost_per_capita")].iloc[0]
    assert float(row["value"]) == 55 and row["status"] == "assumption"
    # field_parameters.csv it cost_per_capita is 24.0
    assert "scenario 's': Umfrage fehlt" in row["reference"] and "was 24" in row["reference"]


def test_validate_checks_a_scenario_s_overrides(tmp_path):
    from click.testing import CliRunner

    from potential.cli import main

    path = write(
        tmp_path,
        "s.yaml",
        "name: s\noverrides: [{parameter: fte, bodies: [nirgends], factor: 2, assumption: x}]\n",
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "overrides[1].bodies[1]" in result.output


def test_scenario_methods_are_the_registered_ones():
    from potential import mcda
    from potential.scenarios.model import METHOD_NAMES

    assert tuple(METHOD_NAMES) == tuple(mcda.METHODS)
