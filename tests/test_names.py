"""Input the way people type it: names for ids, any case, umlauts written out; German dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from potential.cli import main
from potential.dates import parse_date
from potential.errors import InputError
from potential.names import normalise, resolve, resolve_option

# --- names → ids ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("body", "boenen", "boenen"),
        ("body", "Bönen", "boenen"),
        ("body", "BÖNEN", "boenen"),
        ("body", "Boenen", "boenen"),
        ("body", "  bönen ", "boenen"),
        ("body", "Kreis Unna", "kreis_unna"),
        ("body", "kreis_unna", "kreis_unna"),
        ("body", "KREIS-UNNA", "kreis_unna"),
        ("body", "Unna", "unna"),
        ("body", "Fröndenberg/Ruhr", "froendenberg"),
        ("body", "Fröndenberg", "froendenberg"),  # the start of exactly one name
        ("body", "Luenen", "luenen"),
        ("field", "it", "it"),
        ("field", "IT", "it"),
        ("field", "Informationstechnik", "it"),
        ("field", "Information technology", "it"),
        ("field", "Abfall", "abfall"),  # the start of "Abfallwirtschaft"
        ("field", "Waste management", "abfall"),
        ("field", "ePayment", "epayment"),  # the part before the brackets
        ("field", "Bezahlverfahren", "epayment"),  # the part inside them
        ("field", "Förderschulen", "foerderschulen"),
        ("legal_form", "GmbH", "gmbh"),
        ("legal_form", "Zweckverband", "zweckverband"),
        ("legal_form", "OERV_MANDAT", "oerv_mandat"),
        ("option", "RPA_SCHWERTE", "rpa_schwerte"),
    ],
)
def test_each_spelling_resolves_to_the_id(dataset, kind, typed, expected):
    assert resolve(dataset, kind, typed) == expected


def test_normalise_by_hand():
    assert normalise("Fröndenberg/Ruhr") == "froendenberg ruhr"
    assert normalise("KREIS_unna") == "kreis unna"
    assert normalise("Straße") == "strasse"


def test_unknown_name_lists_the_valid_ones_in_german(dataset):
    with pytest.raises(InputError) as info:
        resolve(dataset, "body", "Dortmund", "--body")
    text = str(info.value)
    assert text.startswith("--body: Körperschaft 'Dortmund' unbekannt; erwartet: eine von ")
    for name in ("Kreis Unna", "Bönen", "Fröndenberg/Ruhr (froendenberg)", "Werne"):
        assert name in text


def test_unknown_name_in_english(dataset):
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="unknown field 'Schwimmbad'"):
        resolve(dataset, "field", "Schwimmbad")


def test_a_name_that_fits_two_is_refused(dataset):
    # "K" starts "Kreis Unna" and "Kamen" (and nothing matches exactly)
    with pytest.raises(InputError) as info:
        resolve(dataset, "body", "K")
    assert "nicht eindeutig" in str(info.value)
    assert "kreis_unna" in str(info.value) and "kamen" in str(info.value)


def test_option_given_as_field_form_members(dataset):
    assert resolve_option(dataset, "IT/GmbH/Kamen+Bönen") == "it/gmbh/kamen+boenen"
    assert resolve_option(dataset, "SOME_OPTION") == "some_option"


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01.01.2027", dt.date(2027, 1, 1)),
        ("1.1.2027", dt.date(2027, 1, 1)),
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("1.02.2027", dt.date(2027, 2, 1)),
        ("2027-02-01", dt.date(2027, 2, 1)),
        (" 29.02.2028 ", dt.date(2028, 2, 29)),
    ],
)
def test_german_and_iso_dates(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["01/02/2027", "2027/02/01", "1/2/27"])
def test_slash_dates_are_refused_as_ambiguous(typed):
    with pytest.raises(ValueError, match="mehrdeutig"):
        parse_date(typed)


@pytest.mark.parametrize(
    ("typed", "why"), [("31.02.2027", "gibt es nicht"), ("morgen", "kein Datum")]
)
def test_bad_dates(typed, why):
    with pytest.raises(ValueError, match=why):
        parse_date(typed)


def test_german_dates_in_the_dataset(dataset_copy):
    from potential.datasets import load_dataset

    bodies = dataset_copy / "bodies.csv"
    text = bodies.read_text(encoding="utf-8")
    assert text.count("2023-12-31") >= 1
    bodies.write_text(text.replace("2023-12-31", "31.12.2023"), encoding="utf-8")
    meta = dataset_copy / "dataset.yaml"
    text = meta.read_text(encoding="utf-8")
    assert text.count("reference_date: 2026-11-25") == 1
    meta.write_text(text.replace("reference_date: 2026-11-25", "reference_date: 25.11.2026"))
    params = dataset_copy / "parameters.csv"
    text = params.read_text(encoding="utf-8")
    assert text.count("vat_binding_date,2027-01-01,") == 1
    params.write_text(text.replace("vat_binding_date,2027-01-01,", "vat_binding_date,1.1.2027,"))
    ds = load_dataset(dataset_copy)
    assert ds.meta.reference_date == dt.date(2026, 11, 25)
    assert {b.population_date for b in ds.bodies} == {dt.date(2023, 12, 31)}
    assert {p.parameter: p.value for p in ds.parameters}["vat_binding_date"] == dt.date(2027, 1, 1)


def test_ambiguous_date_in_the_dataset_names_file_and_line(dataset_copy):
    from potential.datasets import load_dataset

    bodies = dataset_copy / "bodies.csv"
    lines = bodies.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "2023-12-31" in lines[2]
    lines[2] = lines[2].replace("2023-12-31", "12/31/2023")
    bodies.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_dataset(dataset_copy)
    assert f"{bodies}, Zeile 3" in str(info.value)
    assert "mehrdeutig" in str(info.value)


SCENARIO = """\
name: namen
title: Namen statt Kennungen
extends: heute
reference_date: 01.01.2027
overrides:
  - parameter: population
    bodies: [Bönen, Kreis Unna]
    value: 12345
    assumption: Test
  - parameter: annual_cost
    bodies: [BÖNEN]
    fields: [IT]
    value: 1000
    assumption: Test
  - parameter: vat_binding_date
    value: 1.7.2027
    assumption: Test
"""


def test_names_and_german_dates_in_a_scenario(tmp_path, dataset):
    from potential.scenarios.running import prepare

    path = tmp_path / "namen.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    prep = prepare(path)
    assert prep.scenario.reference_date == dt.date(2027, 1, 1)
    population = {b.id: b.population for b in prep.dataset.bodies}
    before = {b.id: b.population for b in dataset.bodies}
    assert population["boenen"] == population["kreis_unna"] == 12345
    assert {k: v for k, v in population.items() if k not in ("boenen", "kreis_unna")} == {
        k: v for k, v in before.items() if k not in ("boenen", "kreis_unna")
    }
    cost = {(r.body, r.field): r.annual_cost_eur for r in prep.dataset.body_fields}
    assert cost[("boenen", "it")] == 1000
    params = {p.parameter: p.value for p in prep.dataset.parameters}
    assert params["vat_binding_date"] == dt.date(2027, 7, 1)


def test_unknown_name_in_a_scenario_names_the_key(tmp_path):
    from potential.scenarios.running import prepare

    path = tmp_path / "falsch.yaml"
    path.write_text(SCENARIO.replace("[Bönen, Kreis Unna]", "[Bönen, Dortmund]"), "utf-8")
    with pytest.raises(InputError) as info:
        prepare(path)
    assert "overrides[1].bodies[2]" in str(info.value)
    assert "dortmund" in str(info.value).lower()


OPTION_RULES = """name: {name}
title: Optionen
options:
  join: [{join}]
  lead: {lead}
  fields: [{fields}]
"""


def _options(tmp_path, name, **rules):
    from potential.options import generate_options
    from potential.scenarios.running import prepare

    path = tmp_path / f"{name}.yaml"
    path.write_text(OPTION_RULES.format(name=name, **rules), encoding="utf-8")
    prep = prepare(path)
    options = generate_options(prep.dataset, dt.date(2026, 11, 25))
    return prep.dataset.meta.options, options


def test_names_in_a_scenario_s_option_rules_mean_the_ids(tmp_path):
    """``join``, ``lead`` and ``fields`` typed as names give the options of the ids."""
    typed, typed_options = _options(
        tmp_path,
        "namen",
        join='Bönen, "Kreis Unna", KAMEN, Holzwickede',
        lead="kreis unna",
        fields="IT, Abfallwirtschaft",
    )
    ids, id_options = _options(
        tmp_path,
        "ids",
        join="boenen, kreis_unna, kamen, holzwickede",
        lead="kreis_unna",
        fields="it, abfall",
    )
    assert typed.join == ("boenen", "kreis_unna", "kamen", "holzwickede")
    assert (typed.lead, typed.fields) == ("kreis_unna", ("it", "abfall"))
    assert typed_options.equals(id_options) and len(id_options)  # the same, and not empty
    assert set(id_options["field"]) == {"it", "abfall"}
    members = [set(m.split(";")) for m in id_options["partners"]]
    assert all(
        "kreis_unna" in m and m <= {"boenen", "kreis_unna", "kamen", "holzwickede"}
        for m in members
    )


def test_an_unknown_name_in_the_option_rules_names_its_key(tmp_path):
    with pytest.raises(InputError) as info:
        _options(tmp_path, "falsch", join="Bönen, Dortmund", lead="boenen", fields="it")
    assert "options.join[2]" in str(info.value)
    assert "Dortmund" in str(info.value)


# --- the command line -----------------------------------------------------------------------


def test_cli_reference_date_in_german(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["analyse", "--reference-date", "1.2.2027", "--out", "o"])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "o" / "provenance.json").read_text(encoding="utf-8"))
    assert record["reference_date"] == "2027-02-01"


def test_cli_ambiguous_reference_date_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["analyse", "--reference-date", "01/02/2027"])
    assert result.exit_code == 2
    assert "'01/02/2027' ist mehrdeutig" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_coalitions_take_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main,
        [
            "coalitions",
            "--field",
            "IT",
            "--must-include",
            "Bönen",
            "--max-size",
            "2",
            "--top",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    same = CliRunner().invoke(
        main,
        [
            "coalitions",
            "--field",
            "it",
            "--must-include",
            "boenen",
            "--max-size",
            "2",
            "--top",
            "1",
        ],
    )
    assert result.stdout == same.stdout


def test_cli_unknown_body_lists_the_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["coalitions", "--field", "IT", "--must-include", "Dortmund"]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "--must-include: Körperschaft 'Dortmund' unbekannt" in lines[0]
    assert "Bönen" in lines[0]
