"""German and English messages of the data models, their validation and the survey.

The expected texts are written out by hand from the catalogue's templates
(``potential/messages/models.py``, ``survey.py``): what a clerk reads for a bad cell.
"""

from __future__ import annotations

import pytest

from potential.errors import InputError
from potential.messages import catalogue, fields, use_lang
from potential.models import Body, BodyField, Cooperation, Parameter, Source, parse
from potential.survey.numbers import read_number
from potential.survey.problems import Problem, format_problem

BODY = {
    "id": "boenen",
    "ags": "05978008",
    "ags_status": "amtlich",
    "name": "Bönen",
    "kind": "gemeinde",
    "status": "aktiv",
    "population": 18000,
    "population_date": "2024-12-31",
    "population_source": "it-nrw",
    "area_km2": 38.0,
    "area_source": "it-nrw",
}
WHERE = "bodies.csv, line 4"


def _problem(model, data, key_word="column"):
    with pytest.raises(InputError) as err:
        parse(model, data, WHERE, key_word)
    assert err.value.where == WHERE
    return err.value.problem


def test_the_areas_keys_have_the_same_placeholders_in_both_languages():
    mine = ("models.", "pydantic.", "validation.", "economics.", "analysis.", "interactive.",
            "options.", "survey.", "report.", "labels.")  # fmt: skip
    keys = [k for k in catalogue() if k.startswith(mine)]
    assert len(keys) > 150
    for key in keys:
        de, en = catalogue()[key]
        assert fields(de) == fields(en), key


@pytest.mark.parametrize(
    ("change", "german", "english"),
    [
        (
            {"population": 0},
            "Spalte 'population': 0 gefunden; erwartet: eine Zahl größer als 0",
            "column 'population': got 0; expected: input should be greater than 0",
        ),
        (
            {"population": "viele"},
            "Spalte 'population': 'viele' gefunden; erwartet: eine ganze Zahl",
            "column 'population': got 'viele'; expected: input should be a valid integer, "
            "unable to parse string as an integer",
        ),
        (
            {"kind": "dorf"},
            "Spalte 'kind': 'dorf' gefunden; erwartet: einer der Werte 'kreis', 'stadt' oder "
            "'gemeinde'",
            "column 'kind': got 'dorf'; expected: input should be 'kreis', 'stadt' or 'gemeinde'",
        ),
        (
            {"lat": 91, "lon": 7.7, "coords_source": "x"},
            "Spalte 'lat': 91 gefunden; erwartet: eine Zahl kleiner oder gleich 90",
            "column 'lat': got 91; expected: input should be less than or equal to 90",
        ),
        (
            {"area_km2": "38,0"},
            "Spalte 'area_km2': '38,0' gefunden; erwartet: eine Zahl (Dezimalpunkt, z. B. 2.5)",
            "column 'area_km2': got '38,0'; expected: input should be a valid number, unable "
            "to parse string as a number",
        ),
        (
            {"id": "Bönen"},
            "Spalte 'id': 'Bönen' gefunden; erwartet: eine ID aus Kleinbuchstaben, Ziffern, '_' "
            "und '-' (am Anfang ein Buchstabe oder eine Ziffer, höchstens 64 Zeichen)",
            "column 'id': got 'Bönen'; expected: string should match pattern "
            "'^[a-z0-9][a-z0-9_\\-]*$'",
        ),
        (
            {"einwohner": 5},
            "unbekannte Spalte 'einwohner' (ein Tippfehler?)",
            "unknown column 'einwohner' (a typo?)",
        ),
    ],
)
def test_pydantic_errors_in_german_and_english(change, german, english):
    data = {**BODY, **change}
    assert _problem(Body, data) == german
    with use_lang("en"):
        assert _problem(Body, data) == english


def test_a_typo_names_the_missing_key_and_counts_the_other_problems():
    data = {k: v for k, v in BODY.items() if k != "population"} | {"populaton": 5, "kind": "x"}
    assert _problem(Body, data, "key") == (
        "unbekannter Schlüssel 'populaton' (meinten Sie 'population'?) (und 2 weitere Probleme)"
    )
    with use_lang("en"):
        assert _problem(Body, data, "key") == (
            "unknown key 'populaton' (did you mean 'population'?) (and 2 more problems)"
        )
    missing = {k: v for k, v in BODY.items() if k != "name"}
    assert _problem(Body, missing) == "Spalte 'name' fehlt"
    with use_lang("en"):
        assert _problem(Body, missing) == "column 'name' is missing"


def test_share_and_bool_and_not_a_mapping():
    row = {"body": "boenen", "field": "it", "source": "Umfrage", "leaving_share": 1.5}
    assert _problem(BodyField, row) == (
        "Spalte 'leaving_share': 1.5 gefunden; erwartet: eine Zahl kleiner oder gleich 1"
    )
    coop = {"id": "c", "label": "x", "legal_form": "oerv", "members": "a;b", "scope": "full",
            "source": "s", "verified": "vielleicht"}  # fmt: skip
    assert _problem(Cooperation, coop) == (
        "Spalte 'verified': 'vielleicht' gefunden; erwartet: ein Wahrheitswert (true/false, "
        "yes/no, 1/0)"
    )
    with pytest.raises(InputError, match="erwartet: eine Zuordnung von Schlüsseln zu Werten, "):
        parse(Body, ["a"], "x.yaml")
    with use_lang("en"), pytest.raises(InputError, match="expected a mapping of keys to values"):
        parse(Body, ["a"], "x.yaml")


def test_custom_validators_speak_the_current_language():
    param = {"parameter": "rate", "value": "0.01", "unit": "share", "source": "a",
             "assumption": "b"}  # fmt: skip
    assert _problem(Parameter, param) == (
        "erwartet: genau eines von 'source' (eine Quellen-ID) oder 'assumption' (die "
        "Begründung der Annahme)"
    )
    with use_lang("en"):
        assert _problem(Parameter, param) == (
            "give exactly one of 'source' (a source id) or 'assumption' (its rationale)"
        )
    ranged = {"parameter": "rate", "value": "5", "unit": "x", "assumption": "b", "low": "6",
              "high": "7"}  # fmt: skip
    assert _problem(Parameter, ranged) == (
        "erwartet: low <= value <= high, gefunden: low 6, value 5, high 7"
    )
    coop = {"id": "c", "label": "x", "legal_form": "oerv", "members": "a;b", "lead": "z",
            "scope": "full", "source": "s"}  # fmt: skip
    assert _problem(Cooperation, coop) == (
        "die federführende Körperschaft 'lead' 'z' gehört nicht zu den Mitgliedern"
    )
    with use_lang("en"):
        assert _problem(Cooperation, coop) == "lead 'z' is not among the members"


def test_a_bad_number_or_date_in_a_value_cell():
    param = {"parameter": "rate", "value": "abc", "unit": "share", "source": "a"}
    assert _problem(Parameter, param) == (
        "Spalte 'value': erwartet: eine Zahl oder ein Datum (TT.MM.JJJJ oder JJJJ-MM-TT), "
        "gefunden: 'abc'"
    )
    with use_lang("en"):
        assert _problem(Parameter, param) == (
            "column 'value': expected a number or a date (DD.MM.YYYY or YYYY-MM-DD), got 'abc'"
        )
    source = {"id": "a", "grade": "X", "title": "t", "url": "u"}
    assert _problem(Source, source) == (
        "Spalte 'grade': 'X' gefunden; erwartet: einer der Werte 'V', 'S' oder 'U'"
    )


def test_dataset_lookups(default_analysis):
    ds = default_analysis.dataset
    with pytest.raises(InputError, match="^unbekanntes Handlungsfeld 'x'; erwartet: eines von "):
        ds.field("x")
    with pytest.raises(InputError, match="^unbekannte Rechtsform 'x'; erwartet: eine von "):
        ds.legal_form("x")
    with pytest.raises(InputError, match="Parameter 'nope' fehlt"):
        ds.parameter("nope")
    with use_lang("en"), pytest.raises(InputError, match="^unknown body 'x'; expected one of "):
        ds.body("x")


def test_an_unknown_language_is_named_in_the_message():
    from potential.labels import text
    from potential.survey import template

    with pytest.raises(ValueError, match="^unbekannte Sprache 'fr'; erwartet: eine von de, en$"):
        text("economics_sheet", "fr", body="x")
    with use_lang("en"), pytest.raises(ValueError, match="^unknown language 'fr'; expected"):
        text("economics_sheet", "fr", body="x")
    with pytest.raises(InputError, match="^--lang: unbekannte Sprache 'fr'; erwartet: de oder en"):
        template(body="boenen", lang="fr")


def test_survey_texts_keep_both_languages_whatever_the_current_one():
    with use_lang("en"):  # the reading keeps German and English, the language picks one
        reading = read_number("ca. 45.000", "eur")
    assert reading.value == 45000
    assert reading.note_de == "gelesen als 45000 (Schätzwert; Punkt als Tausendertrennzeichen)"
    assert reading.note_en == "read as 45000 (an estimate; dot as thousands separator)"
    p = Problem("boenen.xlsx", "Handlungsfelder", "D7", "viel", "eine Zahl", "a number")
    assert (
        format_problem(p)
        == "boenen.xlsx, Handlungsfelder!D7: Fehler: 'viel' – erwartet: eine Zahl"
    )
    assert format_problem(p, "en") == (
        "boenen.xlsx, Handlungsfelder!D7: error: 'viel' – expected: a number"
    )
