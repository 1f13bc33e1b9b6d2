"""The shipped scenario files and scripts: they load, run, cite their sources, are documented.

Every ``scenarios/*.yaml`` must load (``extends`` resolved) and run; every data override
must carry a source the run knows (the dataset's or the scenario's own) or an assumption;
every ``scenarios/*.py`` script must run and write only into the folder it is given.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

import numpy as np
import pytest

import potential.scenarios as ps
from potential import files
from potential.datasets import load_dataset
from potential.models import OptionRules, Source
from potential.scenarios.model import DataOverride, EconomicsChoice, Scenario, UncertaintySettings

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
FILES = sorted(SCENARIOS.glob("*.yaml"))
SCRIPTS = sorted(SCENARIOS.glob("*.py"))
NAMES = [p.stem for p in FILES]

EXPECTED = {
    "heute",
    "basis-2016",
    "personal-2030",
    "ust-2027",
    "pflichten-zuerst",
    "kostendruck",
    "kreis-fuehrt",
    "mit-foerderung",
    "zins-hoch",
}
#: ids of criteria and parameters the model no longer has (a scenario naming them is stale)
REMOVED = (
    "tax_procurement_risk",
    "net_savings",
    "one_off_cost",
    "vat_exposure",
    "vat_exposure_transition",
    "ustg",
    "ustg-2027",
    "obligation_pressure",
)


def _source_ids(sc: Scenario) -> set[str]:
    return {s if isinstance(s, str) else s.id for s in sc.sources}


@pytest.fixture(scope="module")
def dataset_sources():
    return {s.id for s in load_dataset("kreis-unna").sources}


def test_the_expected_scenarios_are_shipped():
    assert EXPECTED <= set(NAMES)
    assert len(SCRIPTS) >= 2


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_scenario_file_loads_and_is_documented(path):
    sc = ps.load(path)
    assert sc.name == path.stem
    assert sc.title, "every shipped scenario has a title"
    description = sc.description.strip()
    assert len(description.split()) >= 30, "the description states question, changes, sources"
    assert "\n\n" not in description, "the description is one paragraph"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "every shipped scenario starts with a comment header"
    # loading by shipped name gives the same scenario
    assert ps.load(path.stem) == sc


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_every_source_and_override_is_backed(path, dataset_sources):
    sc = ps.load(path)
    own = {s.id for s in sc.sources if isinstance(s, Source)}
    for entry in sc.sources:
        if isinstance(entry, str):
            assert entry in dataset_sources, f"{path.name}: unknown source {entry!r}"
        else:
            assert entry.url.startswith(("http://", "https://")), entry.id
            assert entry.id not in dataset_sources, f"{entry.id!r} shadows a dataset source"
    known = dataset_sources | own
    for i, override in enumerate(sc.overrides, start=1):
        if override.source is not None:
            assert override.source in known, f"{path.name}: overrides[{i}].source"
        else:
            assert override.assumption and override.assumption.strip()
    for i, change in enumerate(sc.weights, start=1):  # a weight is a value judgement: why?
        if change.source is not None:
            assert change.source in known, f"{path.name}: weights[{i}].source"
        else:
            assert change.assumption and change.assumption.strip(), f"{path.name}: weights[{i}]"
    # the description names every source the file lists, and names no unknown source
    description = sc.description
    for entry in files.read_yaml(path).get("sources", []):
        sid = entry if isinstance(entry, str) else entry["id"]
        assert re.search(rf"(?<![\w-]){re.escape(sid)}(?![\w-])", description), (path.name, sid)
    other_ids = {*NAMES, "ikz-egov-nrw", "kreis-unna"}
    for token in re.findall(r"(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])", description):
        assert token in known | other_ids, f"{path.name}: description cites unknown {token!r}"


def test_heute_is_the_plain_reference():
    sc = ps.load("heute")
    assert sc.extends is None
    assert not sc.weights and not sc.overrides and sc.options is None
    assert sc.uncertainty is None


def test_variants_build_on_heute():
    for name in (
        "personal-2030",
        "ust-2027",
        "pflichten-zuerst",
        "kostendruck",
        "kreis-fuehrt",
        "mit-foerderung",
        "zins-hoch",
    ):
        sc = ps.load(name)
        assert sc.files[0].name == "heute.yaml", name
    assert [f.name for f in ps.load("basis-2016").files] == ["basis-2016.yaml"]


def test_dates_and_main_changes():
    assert str(ps.load("basis-2016").reference_date) == "2016-04-01"
    assert str(ps.load("personal-2030").reference_date) == "2030-01-01"
    assert str(ps.load("ust-2027").reference_date) == "2027-01-01"
    rules = ps.load("kreis-fuehrt").options
    assert rules.partner_sets == ("county_led",) and rules.lead == "kreis_unna"
    weights = {w.group or w.criterion for w in ps.load("pflichten-zuerst").weights}
    assert "egov_pflichten" in weights
    weights = {w.group or w.criterion for w in ps.load("kostendruck").weights}
    assert "wirtschaftlichkeit" in weights


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_scenario_runs(path):
    run = ps.run(path)
    ranking = run.analysis.ranking
    assert len(ranking) > 0
    assert set(run.analysis.top(1)["body"]) == set(ranking["body"])
    assert (run.smaa is not None) == (run.scenario.uncertainty is not None)
    # every changed data value carries its override's source or assumption
    changed = {o.parameter for o in run.scenario.overrides}
    for row in run.changes[run.changes["parameter"].isin(changed)].itertuples():
        assert row.source or row.assumption


def test_weights_change_what_the_scenario_says():
    weights = ps.prepare("personal-2030").criteria.weights()
    assert weights["staffing_relief"] == pytest.approx(0.55 / 1.30 * 0.6)
    weights = ps.prepare("kostendruck").criteria.weights()
    assert weights["npv_per_capita"] + weights["liquidity_burden"] == pytest.approx(0.5)
    assert weights["npv_per_capita"] == pytest.approx(0.4)
    weights = ps.prepare("pflichten-zuerst").criteria.weights()
    assert max(weights, key=weights.get) == "service_quality"
    assert weights["service_quality"] == pytest.approx(0.5 / 1.3)
    weights = ps.prepare("heute").criteria.weights()
    assert max(weights, key=weights.get) == "npv_per_capita"
    assert weights["npv_per_capita"] == pytest.approx(0.28)


def test_duties_first_changes_no_order_while_fulfilment_is_unknown():
    # what pflichten-zuerst.yaml says: on the embedded data nobody has reported fulfilment,
    # so "duties met together rather than alone" is 0 for every option and the scenario
    # only scales every score by 1/1.3 (the other groups weigh 0.8 of 1.3 instead of 0.8
    # of 1.0); the order stays that of heute
    sc = ps.load("pflichten-zuerst")
    assert "1/1,3" in sc.description and "0,8 von 1,3" in sc.description
    heute = ps.run("heute").analysis.ranking.set_index(["body", "option"])
    duties = ps.run(sc).analysis.ranking.set_index(["body", "option"]).loc[heute.index]
    assert (duties["service_quality"] == 0).all()
    assert duties["rank"].equals(heute["rank"])
    np.testing.assert_allclose(duties["score"] * 1.3, heute["score"], rtol=0, atol=1e-12)


def test_no_scenario_names_a_removed_criterion_or_parameter():
    for path in [*FILES, *SCRIPTS]:
        text = path.read_text(encoding="utf-8")
        for name in REMOVED:
            assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text), (
                path.name,
                name,
            )


def test_ust_2027_takes_the_low_end_of_every_input_tax_range(dataset_sources):
    sc = ps.load("ust-2027")
    assert not sc.weights
    low = {
        p.owner: p.low
        for p in load_dataset("kreis-unna").field_parameters
        if p.parameter == "input_tax_share"
    }
    changed = {o.fields[0]: o.value for o in sc.overrides if o.parameter == "input_tax_share"}
    # every field with a taxable option in "heute" (Förderschulen has none: the county runs it)
    assert set(changed) == {"it", "epayment", "evergabe", "shared_services", "abfall"}
    assert changed == {field: low[field] for field in changed}
    # more VAT than in "heute" for a taxable mandate, none for a delegation
    heute, ust = (ps.run(name).analysis.indicators for name in ("heute", "ust-2027"))
    key = ["body", "option"]
    both = heute.merge(ust, on=key, suffixes=("_h", "_u"))
    mandate = both[(both["legal_form_h"] == "oerv_mandat") & (both["vat_npv_h"] < 0)]
    assert len(mandate) > 0 and (mandate["vat_npv_u"] < mandate["vat_npv_h"]).all()
    assert (both.loc[both["legal_form_h"] == "oerv_deleg", "vat_npv_u"] == 0).all()


def test_basis_2016_binds_2b_from_2021():
    sc = ps.load("basis-2016")
    (override,) = sc.overrides
    assert override.parameter == "vat_binding_date"
    assert str(override.value) == "2021-01-01"
    run = ps.run(sc)
    assert str(run.analysis.economics.vat_binding_date) == "2021-01-01"
    assert (run.analysis.indicators["vat_npv"] < 0).any()


def test_economics_scenarios():
    grant = ps.run("mit-foerderung")
    assert grant.scenario.economics == EconomicsChoice(grant=True)
    assert grant.analysis.economics.grant is True
    ranking = grant.analysis.ranking
    assert ranking["npv"].to_numpy() == pytest.approx(ranking["npv_with_grant"].to_numpy())
    # with the issue-14 data no option meets the grant's conditions (method.md 5.3: every
    # cap but Förderschulen's is at most 0.15, and the pools that reach 0.15 have two
    # partners who cooperate in the field already), so "mit-foerderung" counts no grant
    assert not grant.analysis.indicators["grant_eligible"].any()
    heute = ps.run("heute").analysis
    assert heute.economics.grant is False
    # "heute" does not count the grant, but shows it beside the Kapitalwert where it is
    # eligible: retargeted to "heute" without the 15 % savings condition (parameters.csv
    # grant_min_savings_share 0, the documented way to assume a substantial improvement),
    # where e.g. the eVergabe mandate of Bergkamen and Kamen is eligible (new partners in
    # the field, horizon 10 >= 5 years)
    open_grant = ps.run(
        ps.load("heute").with_changes(
            name="ohne-einsparbedingung",
            overrides=[{"parameter": "grant_min_savings_share", "value": 0, "assumption": "test"}],
        )
    ).analysis
    assert open_grant.economics.grant is False
    ranking = open_grant.ranking
    assert (ranking["npv_with_grant"] > ranking["npv"]).any()
    pair = ranking[ranking["option"] == "evergabe/oerv_mandat/bergkamen+kamen"]
    assert len(pair) == 2 and (pair["npv_with_grant"] > pair["npv"]).all()

    high = ps.run("zins-hoch")
    rate = next(p for p in load_dataset("kreis-unna").parameters if p.parameter == "discount_rate")
    assert high.scenario.economics.discount_rate == rate.high == 0.033
    assert high.analysis.economics.discount_rate == 0.033
    assert heute.economics.discount_rate == rate.value == 0.009


def test_basis_2016_leaves_foerderschulen_open():
    # the county took the Förderschulen over on 2016-08-01, after the reference date
    fields = set(ps.run("basis-2016").analysis.ranking["field"].dropna())
    assert "foerderschulen" in fields
    assert "foerderschulen" not in set(ps.run("heute").analysis.ranking["field"].dropna())


def test_kreis_fuehrt_has_the_county_in_every_option():
    ranking = ps.run("kreis-fuehrt").analysis.ranking
    options = ranking[ranking["option"] != "alleingang"]
    assert len(options) > 0
    assert (options["lead"] == "kreis_unna").all()
    assert options["partners"].str.contains("kreis_unna").all()


# --- scripts ------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, float]:
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_scripts_use_only_the_public_api():
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        assert "import potential.scenarios as ps" in text, script.name
        imports = re.findall(r"^\s*(?:from|import)\s+(potential[\w.]*)", text, re.M)
        assert set(imports) == {"potential.scenarios"}, (script.name, imports)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_runs_and_writes_only_into_its_folder(script, tmp_path):
    out = tmp_path / "out"
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    before = {d: _snapshot(ROOT / d) for d in ("scenarios", "out")}
    proc = subprocess.run(
        [sys.executable, str(script), str(out)],
        check=True,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.stdout.strip(), "the script prints its findings"
    assert any(out.rglob("provenance.json")), "the script exports its runs"
    assert not any(cwd.iterdir()), "nothing is written relative to the working directory"
    assert {d: _snapshot(ROOT / d) for d in ("scenarios", "out")} == before


# --- documentation ------------------------------------------------------------------------


def test_readme_lists_every_shipped_scenario_and_script():
    readme = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    for path in [*FILES, *SCRIPTS]:
        assert f"`{path.name}`" in readme, path.name


def test_reference_names_every_key():
    doc = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    for model in (Scenario, DataOverride, OptionRules, UncertaintySettings, EconomicsChoice):
        for key in model.model_fields:
            assert f"`{key}`" in doc, f"{model.__name__}.{key}"
    family_type = get_args(OptionRules.model_fields["partner_sets"].annotation)[0]
    for family in get_args(family_type):
        assert f"`{family}`" in doc, family
