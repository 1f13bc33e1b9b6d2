"""The shipped data: every file validates, every number has a source or an assumption."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from potential.criteria import load_criteria, shipped_criteria
from potential.provenance import sources_table
from potential.resources import criteria_dir, data_dir, scenarios_dir
from potential.scenarios import load, shipped_scenarios
from potential.validation import assert_valid

ROOT = Path(__file__).resolve().parents[1]


def test_every_shipped_criteria_model_validates():
    names = shipped_criteria()
    assert "ikz-egov-nrw" in names
    for name in names:
        assert assert_valid(criteria_dir() / f"{name}.yaml") == "criteria"


def test_every_shipped_scenario_validates():
    paths = shipped_scenarios()
    assert paths, "no scenario shipped"
    for path in paths:
        assert assert_valid(path) == "scenario"
        assert load(path).name == path.stem


def test_shipped_folders_are_the_top_level_ones_in_a_checkout():
    # In a source checkout the resources resolve to the repository's own folders.
    assert criteria_dir() == ROOT / "criteria"
    assert scenarios_dir() == ROOT / "scenarios"


def test_eleven_bodies_with_official_keys(dataset):
    assert len(dataset.bodies) == 11
    kreis = [b for b in dataset.bodies if b.kind == "kreis"]
    assert [b.ags for b in kreis] == ["05978"]
    towns = [b for b in dataset.bodies if b.kind != "kreis"]
    # every town key extends the county key 05978 (research.md §8)
    assert all(b.ags.startswith("05978") and len(b.ags) == 8 for b in towns)


def test_town_populations_add_up_to_the_county(dataset):
    # one table (Destatis GV-ISys, 31.12.2023) and one Stichtag: the county is the sum of its
    # ten towns, 399,447 (the IT.NRW figure for 31.12.2023, 2011-census basis)
    kreis = next(b for b in dataset.bodies if b.kind == "kreis")
    towns = [b for b in dataset.bodies if b.kind != "kreis"]
    assert sum(b.population for b in towns) == kreis.population == 399_447
    assert {b.population_date for b in dataset.bodies} == {kreis.population_date}


def test_town_areas_match_the_county(dataset):
    # GV-ISys has no area on the Kreis row: the county's area is the sum of its ten towns
    # (kreis-unna.de gives "543 km²")
    kreis = next(b for b in dataset.bodies if b.kind == "kreis")
    towns = sum(b.area_km2 for b in dataset.bodies if b.kind != "kreis")
    assert towns == pytest.approx(kreis.area_km2, abs=0.005)
    assert round(towns) == 543


def test_six_fields_of_the_county_report(dataset):
    assert {f.id for f in dataset.fields} == {
        "epayment", "evergabe", "shared_services", "it", "abfall", "foerderschulen",
    }  # fmt: skip


def test_legal_forms_of_the_gkg_plus_gmbh_and_amtshilfe(dataset):
    assert {f.id for f in dataset.legal_forms} == {
        "arbeitsgemeinschaft", "oerv_mandat", "oerv_deleg", "zweckverband", "gku", "gmbh",
        "amtshilfe",
    }  # fmt: skip


def test_every_number_has_a_source_or_an_assumption(dataset):
    table = sources_table(dataset, load_criteria())
    assert set(table["status"]) <= {"source", "assumption", "reported"}
    assert (table["reference"].str.strip().str.len() > 0).all()
    sourced = table[table["status"] == "source"]
    assert (sourced["source"] != "").all()


def test_every_number_in_the_csv_files_is_listed(dataset):
    """Count numeric cells in the parameter tables by reading the files directly."""
    folder = data_dir() / "kreis-unna"
    table = sources_table(dataset)
    for name in ("parameters.csv", "field_parameters.csv", "legal_form_parameters.csv"):
        with open(folder / name, encoding="utf-8") as fh:
            n_rows = sum(1 for _ in csv.DictReader(fh))
        assert (table["table"] == name).sum() == n_rows


def test_known_figures_with_their_sources(dataset):
    table = sources_table(dataset).set_index(["table", "item", "parameter"])
    luenen = table.loc[("bodies.csv", "luenen", "population")]
    assert luenen["value"] == 87266 and luenen["source"] == "gv-isys-2023"
    leaving = table.loc[("parameters.csv", "", "leaving_share_10y")]
    assert leaving["value"] == 0.297 and "dbb" in leaving["reference"]
    cap = table.loc[("field_parameters.csv", "foerderschulen", "savings_cap")]
    assert cap["value"] == 0.25 and cap["status"] == "source"
