"""Option rules (``options:`` in dataset.yaml): families, participants, restrictions, checks.

Every expected count and id is worked out by hand from ``potential/data/kreis-unna``
(``bodies.csv``: 11 bodies, the county first; ``fields.csv``: legal forms per field;
``legal_forms.csv``: ``has_lead``; ``cooperations.csv``: three full-scope cooperations in force
at the reference date, ``foerderschulen_kreis`` with all 11 bodies and the county as lead,
``it_boenen_zdv`` with the county (lead) and Bönen, and ``it_schwerte_sit`` with Schwerte and
an external partner; only ``kind = aufgabe`` rows give ``wie_`` sets), not from the package.

Knock-out rules by hand (docs/method.md section 3, potential/knockout.py): a set that is a
lead-led pool or a part of it with the lead is realised; a set with served members but not the
lead splits it; a set with a member whose full-scope provider is outside the dataset
(Schwerte's IT) needs an exit on unknown terms.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations
from math import comb

import pytest
from click.testing import CliRunner

import potential
from potential.datasets import load_dataset
from potential.errors import InputError
from potential.indicators import existing_pools, indicator_table
from potential.messages import use_lang
from potential.models import OptionRules
from potential.options import (
    PARTNER_SEP,
    check_option_rules,
    generate_options,
    participants,
    partner_sets,
    with_option_rules,
)

REF = dt.date(2026, 11, 25)  # dataset.yaml reference_date
TOWNS = [
    "bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen", "schwerte",
    "selm", "unna", "werne",
]  # fmt: skip
BODIES = ["kreis_unna", *TOWNS]  # bodies.csv order
FIELDS = ["epayment", "evergabe", "shared_services", "it", "abfall", "foerderschulen"]
# fields.csv: legal forms per field; legal_forms.csv: only oerv_mandat, oerv_deleg and
# amtshilfe have a lead
FORMS = {
    "epayment": ["arbeitsgemeinschaft", "oerv_mandat", "zweckverband"],
    "evergabe": ["arbeitsgemeinschaft", "oerv_mandat", "oerv_deleg", "gmbh"],
    "shared_services": ["oerv_mandat", "oerv_deleg", "zweckverband", "gku"],
    "it": ["arbeitsgemeinschaft", "oerv_mandat", "zweckverband", "gku", "gmbh"],
    "abfall": ["oerv_deleg", "zweckverband", "gku", "gmbh"],
    "foerderschulen": ["oerv_deleg", "zweckverband"],
}
WITH_LEAD = {"oerv_mandat", "oerv_deleg", "amtshilfe"}
LEGAL_FORMS = [
    "arbeitsgemeinschaft", "oerv_mandat", "oerv_deleg", "zweckverband", "gku", "gmbh",
    "amtshilfe",
]  # fmt: skip


def _rules(dataset, **rules):
    return with_option_rules(dataset, OptionRules(**rules))


def _members(options):
    return options["partners"].str.split(PARTNER_SEP)


def _it_kept(member_sets):
    """Sets an IT option survives with, by the rules above: not the county-Bönen pair itself
    (realised), not Bönen without the county (the lead of it_boenen_zdv: split), not
    Schwerte (it_schwerte_sit with an external partner: exit on unknown terms)."""
    kept = []
    for m in member_sets:
        m = set(m)
        if m == {"kreis_unna", "boenen"} or "schwerte" in m:
            continue
        if "boenen" in m and "kreis_unna" not in m:
            continue
        kept.append(m)
    return [tuple(b for b in BODIES if b in m) for m in kept]


# ================================ the family 'all' ================================


def test_all_up_to_three_gives_every_pair_and_triple(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("all",), max_size=3))
    assert len(sets) == comb(11, 2) + comb(11, 3) == 55 + 165 == 220
    # ids a+b(+c) in dataset order, pairs first, members in dataset order
    assert list(sets)[0] == "kreis_unna+bergkamen"
    assert list(sets)[54] == "unna+werne"
    assert list(sets)[55] == "kreis_unna+bergkamen+boenen"
    assert list(sets)[-1] == "selm+unna+werne"
    for set_id, members in sets.items():
        assert set_id == "+".join(members)
        assert sorted(members, key=BODIES.index) == list(members)
    assert set(sets.values()) == {
        c for k in (2, 3) for c in combinations(BODIES, k)
    }  # itertools keeps dataset order


def test_all_up_to_three_options_after_blocking(dataset):
    opts = generate_options(_rules(dataset, partner_sets=("all",), max_size=3), REF)
    # Förderschulen: every set of up to 3 with the county is a part of the 11-body pool with
    # its lead (realised), every set without the county splits it -> 0.
    # IT: sets without Schwerte from the other 10 bodies: C(10,2) + C(10,3) = 45 + 120 = 165;
    # less Bönen without the county (Bönen with 1 or 2 of the 8 others):
    # 8 + C(8,2) = 8 + 28 = 36; less the pair county+Bönen itself: 1 -> 128 of 220 (92 blocked).
    counts = opts.groupby("field").size().to_dict()
    assert counts == {
        "epayment": 3 * 220,
        "evergabe": 4 * 220,
        "shared_services": 4 * 220,
        "it": 5 * 128,
        "abfall": 4 * 220,
    }
    assert 165 - 36 - 1 == 128
    assert len(opts) == 660 + 880 + 880 + 640 + 880 == 3940
    it_sets = set(opts.loc[opts["field"] == "it", "partners"])
    expected = _it_kept(c for k in (2, 3) for c in combinations(BODIES, k))
    assert len(expected) == 128
    assert it_sets == {PARTNER_SEP.join(m) for m in expected}


def test_all_up_to_eleven(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("all",), max_size=11))
    assert len(sets) == 2**11 - 1 - 11 == 2036
    assert list(sets)[-1] == "+".join(BODIES)  # 'all' names even the whole group a+b+...


def test_join_three_bodies_with_all(dataset):
    ds = _rules(dataset, partner_sets=("all",), max_size=3, join=("luenen", "bergkamen", "kamen"))
    assert [b.id for b in participants(ds)] == ["bergkamen", "kamen", "luenen"]  # dataset order
    assert partner_sets(ds) == {
        "bergkamen+kamen": ("bergkamen", "kamen"),
        "bergkamen+luenen": ("bergkamen", "luenen"),
        "kamen+luenen": ("kamen", "luenen"),
        "bergkamen+kamen+luenen": ("bergkamen", "kamen", "luenen"),
    }
    # no set holds the county or Bönen, so only Förderschulen is blocked: 4 sets x 20 forms
    opts = generate_options(ds, REF)
    assert len(opts) == 4 * (3 + 4 + 4 + 5 + 4) == 80
    result = potential.analyse(ds)
    assert list(dict.fromkeys(result.ranking["body"])) == ["bergkamen", "kamen", "luenen"]
    assert set(result.contributions["body"]) == {"bergkamen", "kamen", "luenen"}


# ================================ the family 'county_led' ================================


def test_county_led_without_max_size(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("county_led",)))
    # the county with all towns (= everyone: kreisweit) and with each of the 10 towns
    assert list(sets) == ["kreisweit", *(f"kreis_unna+{t}" for t in TOWNS)]
    assert sets["kreisweit"] == tuple(BODIES)


def test_county_led_up_to_three(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("county_led",), max_size=3))
    # kreisweit (11 > 3) is gone; 10 pairs + C(10,2) = 45 triples
    assert len(sets) == 10 + 45
    assert "kreisweit" not in sets
    assert sets["kreis_unna+boenen+kamen"] == ("kreis_unna", "boenen", "kamen")
    assert all(members[0] == "kreis_unna" for members in sets.values())
    assert list(sets)[:10] == [f"kreis_unna+{t}" for t in TOWNS]


def test_county_led_up_to_eleven(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("county_led",), max_size=11))
    assert len(sets) == 2**10 - 1 == 1023  # every non-empty set of towns, with the county
    assert "kreisweit" in sets  # the whole group keeps its name
    assert "+".join(BODIES) not in sets


def test_county_led_without_one_town(dataset):
    sets = partner_sets(_rules(dataset, partner_sets=("county_led",), stay_out=("selm",)))
    others = [t for t in TOWNS if t != "selm"]
    assert list(sets) == ["alle_beteiligten", *(f"kreis_unna+{t}" for t in others)]
    assert sets["alle_beteiligten"] == ("kreis_unna", *others)


def test_first_family_keeps_its_id(dataset):
    first_all = partner_sets(_rules(dataset, partner_sets=("all", "county"), max_size=11))
    assert "kreisweit" not in first_all and "+".join(BODIES) in first_all
    first_county = partner_sets(_rules(dataset, partner_sets=("county", "all"), max_size=11))
    assert "kreisweit" in first_county and "+".join(BODIES) not in first_county
    assert len(first_all) == len(first_county) == 2036
    assert list(first_county)[0] == "kreisweit"


# ============================ max_size on the default families ============================


def test_max_size_two_keeps_only_pairs(dataset):
    sets = partner_sets(_rules(dataset, max_size=2))
    # 10 county pairs + 14 neighbour pairs; the two-member aufgabe cooperations
    # (it_boenen_zdv, rpa_schwerte, vhs_kamen_boenen, beitraege_unna_froendenberg,
    # but_asylblg_bergkamen) repeat pairs already there
    assert len(sets) == 10 + 14
    assert all(len(m) == 2 for m in sets.values())
    assert not any(s.startswith("wie_") for s in sets)


def test_max_size_five_keeps_small_existing_sets(dataset):
    sets = partner_sets(_rules(dataset, max_size=5))
    # kreisweit (11), alle_staedte (10), wie_dsb_gemeinsam (8) and wie_kreistierheim (10) go;
    # wie_gwa_sammlung (4), wie_vergabestelle_unna (3) and
    # wie_vhs_unna_froendenberg_holzwickede (3) stay (wie_gsw and wie_sparkasse_unnakamen of
    # the old test are kind=beteiligung now and give no set)
    assert len(sets) == 10 + 14 + 3
    small = {"wie_gwa_sammlung", "wie_vergabestelle_unna", "wie_vhs_unna_froendenberg_holzwickede"}
    assert small <= set(sets)
    assert not {"wie_dsb_gemeinsam", "wie_kreistierheim", "wie_gsw"} & set(sets)


# ================================ participants ================================


def test_stay_out(dataset):
    ds = _rules(dataset, stay_out=("selm",))
    assert [b.id for b in participants(ds)] == [b for b in BODIES if b != "selm"]
    sets = partner_sets(ds)
    # of the 31 default sets 5 hold Selm: kreis_unna+selm, luenen+selm, selm+werne,
    # wie_dsb_gemeinsam and wie_kreistierheim; kreisweit and alle_staedte become the sets of
    # the participants
    assert len(sets) == 31 - 5
    assert list(sets)[:2] == ["alle_beteiligten", "alle_beteiligten_staedte"]
    assert sets["alle_beteiligten_staedte"] == tuple(t for t in TOWNS if t != "selm")
    assert "wie_dsb_gemeinsam" not in sets and "wie_kreistierheim" not in sets
    opts = generate_options(ds, REF)
    assert not _members(opts).map(lambda m: "selm" in m).any()

    result = potential.analyse(ds)
    assert "selm" not in set(result.ranking["body"])
    assert "selm" not in set(result.contributions["body"])
    assert "selm" not in set(result.indicators["body"])
    assert list(dict.fromkeys(result.ranking["body"])) == [b for b in BODIES if b != "selm"]
    assert (result.indicators["option"] == "alleingang").sum() == 10
    with pytest.raises(InputError, match="nimmt nach den Optionsregeln .* nicht teil"):
        result.explain("selm")


WEIGHTS = {
    body: {"criteria": {"npv_per_capita": w}, "assumption": "test"}
    for body, w in (("kamen", 0.5), ("selm", 0.9))  # Selm's weights are not used
}


def test_stay_out_everywhere_downstream(dataset, default_analysis):
    from potential.exports import workbook_sheets
    from potential.uncertainty.bodies import smaa_by_body

    ds = _rules(dataset, stay_out=("selm", "werne"))
    result = potential.analyse(ds, body_weights=WEIGHTS)
    sheets = workbook_sheets(result, "de")
    assert "Selm" not in sheets and "Werne" not in sheets and "Kamen" in sheets
    # the same sheets as with everyone, less the two bodies' own ones (their ranking and
    # their Wirtschaftlichkeitsvergleich)
    everyone = list(workbook_sheets(default_analysis, "de"))
    gone = {"Selm", "Werne", "WV Selm", "WV Werne"}
    assert gone <= set(everyone)
    assert list(sheets) == [s for s in everyone if s not in gone]
    group = result.group_view()
    assert "selm" not in group.weights.index and len(group.weights) == 9
    assert "selm" not in set(group.departures["body"])
    assert "selm" not in set(group.option_departures["body"])
    smaa = smaa_by_body(ds, n=50, seed=1)
    assert "selm" not in smaa.bodies and len(smaa.bodies) == 9
    assert set(smaa.summary["body"]) == set(smaa.bodies)


def test_join_and_stay_out_together(dataset):
    ds = _rules(dataset, join=("kreis_unna", "luenen", "selm", "werne"), stay_out=("werne",))
    assert [b.id for b in participants(ds)] == ["kreis_unna", "luenen", "selm"]
    assert partner_sets(ds) == {
        "alle_beteiligten": ("kreis_unna", "luenen", "selm"),
        "alle_beteiligten_staedte": ("luenen", "selm"),
        "kreis_unna+luenen": ("kreis_unna", "luenen"),
        "kreis_unna+selm": ("kreis_unna", "selm"),
    }  # luenen+selm is both the towns set and a neighbour pair: the towns id comes first


def test_a_body_that_stays_out_keeps_its_existing_pool(dataset):
    # Bönen stays out, but its IT is still run by the county (it_boenen_zdv, full scope):
    # the pool's baseline is unchanged. The county is the pool's lead, so it may pool IT with
    # other towns (the lead-aware rule of knockout.py; before it, every such set counted as a
    # split and the county had no IT option). Its IT sets are the 9 county pairs of the
    # participants less kreis_unna+schwerte (Schwerte's IT with SIT: austritt_unbekannt);
    # alle_beteiligten holds Schwerte too, and every wie_ set with the county holds Bönen.
    ds = _rules(dataset, stay_out=("boenen",))
    assert existing_pools(ds, REF).equals(existing_pools(dataset, REF))
    opts = generate_options(ds, REF)
    it = opts[opts["field"] == "it"]
    assert len(it) > 0
    assert not _members(it).map(lambda m: "boenen" in m).any()
    with_county = it[_members(it).map(lambda m: "kreis_unna" in m)]
    towns = [t for t in TOWNS if t not in ("boenen", "schwerte")]
    assert set(with_county["partner_set"]) == {f"kreis_unna+{t}" for t in towns}
    assert len(with_county) == 8 * 5
    table = indicator_table(ds, opts, REF)
    assert "boenen" not in set(table["body"])


def test_default_rules_are_unchanged(dataset, default_analysis):
    assert participants(dataset) == dataset.bodies
    explicit = _rules(
        dataset,
        partner_sets=("county", "towns", "county_pairs", "neighbour_pairs", "existing"),
        join=tuple(BODIES),
        stay_out=(),
    )
    assert generate_options(explicit, REF).equals(generate_options(dataset, REF))
    # 31 sets x 22 forms = 682 candidates; 62 Förderschulen and 8 x 5 = 40 IT options go
    assert len(generate_options(dataset, REF)) == 31 * (3 + 4 + 4 + 5 + 4 + 2) - 62 - 40 == 580
    assert list(dict.fromkeys(default_analysis.ranking["body"])) == BODIES


# ================================ lead, fields, legal forms ================================


def test_lead_county(dataset):
    opts = generate_options(_rules(dataset, lead="kreis_unna"), REF)
    assert (opts["lead"] == "kreis_unna").all()
    assert set(opts["legal_form"]) <= WITH_LEAD
    assert _members(opts).map(lambda m: "kreis_unna" in m).all()
    # sets with the county: kreisweit, 10 county pairs, wie_dsb_gemeinsam, wie_gwa_sammlung,
    # wie_kreistierheim = 14. Forms with a lead per field:
    # epayment 1, evergabe 2, shared_services 2, it 1, abfall 1 (foerderschulen blocked).
    # IT drops kreisweit and kreis_unna+schwerte (Schwerte: austritt_unbekannt) and
    # kreis_unna+boenen (realised); the county as lead of it_boenen_zdv may pool with the
    # others: 14 - 3 = 11.
    assert opts.groupby("field").size().to_dict() == {
        "epayment": 14,
        "evergabe": 28,
        "shared_services": 28,
        "it": 14 - 3,
        "abfall": 14,
    }
    assert len(opts) == 14 + 28 + 28 + 11 + 14 == 95


def test_lead_town_that_is_not_the_largest(dataset):
    # without a required lead Lünen (87,266) leads luenen+selm; with lead: selm, Selm does
    opts = generate_options(_rules(dataset, lead="selm"), REF)
    assert (opts["lead"] == "selm").all()
    assert "epayment/oerv_mandat/luenen+selm" in set(opts["option"])
    assert set(opts["partner_set"]) == {
        "kreisweit", "alle_staedte", "kreis_unna+selm", "luenen+selm", "selm+werne",
        "wie_dsb_gemeinsam", "wie_kreistierheim",
    }  # fmt: skip


def test_fields(dataset):
    opts = generate_options(_rules(dataset, fields=("epayment",)), REF)
    assert set(opts["field"]) == {"epayment"}
    assert len(opts) == 31 * 3  # 31 partner sets x 3 forms (fields.csv), nothing blocked


def test_legal_forms(dataset):
    opts = generate_options(_rules(dataset, legal_forms=("zweckverband", "gmbh")), REF)
    # zweckverband: epayment, shared_services, it, abfall (foerderschulen blocked);
    # gmbh: evergabe, it, abfall; IT has 23 sets, the others 31
    assert opts.groupby("field").size().to_dict() == {
        "epayment": 31,
        "evergabe": 31,
        "shared_services": 31,
        "it": 2 * 23,
        "abfall": 2 * 31,
    }
    assert set(opts["legal_form"]) == {"zweckverband", "gmbh"}


def test_all_restrictions_together(dataset):
    ds = _rules(
        dataset,
        partner_sets=("all",),
        max_size=3,
        join=("kreis_unna", "luenen", "selm", "werne"),
        lead="luenen",
        fields=("evergabe", "it"),
        legal_forms=("oerv_mandat", "gmbh"),
    )
    opts = generate_options(ds, REF)
    # sets with Lünen among 4 participants, size 2-3: 3 pairs + 3 triples = 6
    # evergabe: oerv_mandat (gmbh has no lead); it: oerv_mandat. In IT no set holds Bönen or
    # Schwerte, and the county is the lead of it_boenen_zdv, so it may pool IT with others
    # (lead-aware rule; before, every set with the county split it): all 6 sets stay
    six = (
        "kreis_unna+luenen", "luenen+selm", "luenen+werne", "kreis_unna+luenen+selm",
        "kreis_unna+luenen+werne", "luenen+selm+werne",
    )  # fmt: skip
    assert sorted(opts["option"]) == sorted(
        [f"evergabe/oerv_mandat/{s}" for s in six] + [f"it/oerv_mandat/{s}" for s in six]
    )
    assert (opts["lead"] == "luenen").all()


# ================================ checks ================================

OPTIONS_LINE = "  partner_sets: [county, towns, county_pairs, neighbour_pairs, existing]\n"


def _write_options(folder, block: str):
    path = folder / "dataset.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(OPTIONS_LINE) == 1
    path.write_text(text.replace(OPTIONS_LINE, block), encoding="utf-8")
    return path


EXPECTED_BODIES = "erwartet: eine von " + ", ".join(BODIES)

BAD = [
    (
        "  fields: [epayment, efahrt]\n",
        "Schlüssel 'options.fields[2]': unbekanntes Handlungsfeld 'efahrt'; erwartet: eines von "
        + ", ".join(FIELDS),
    ),
    (
        "  legal_forms: [gku, verein]\n",
        "Schlüssel 'options.legal_forms[2]': unbekannte Rechtsform 'verein'; erwartet: eine von "
        + ", ".join(LEGAL_FORMS),
    ),
    (
        "  join: [kreis_unna, bergkamen, xyz]\n",
        f"Schlüssel 'options.join[3]': unbekannte Körperschaft 'xyz'; {EXPECTED_BODIES}",
    ),
    (
        "  stay_out: [dortmund]\n",
        f"Schlüssel 'options.stay_out[1]': unbekannte Körperschaft 'dortmund'; {EXPECTED_BODIES}",
    ),
    (
        "  lead: hamm\n",
        f"Schlüssel 'options.lead': unbekannte Körperschaft 'hamm'; {EXPECTED_BODIES}",
    ),
    (
        "  stay_out: [selm, werne, selm]\n",
        "Schlüssel 'options.stay_out[3]': Körperschaft 'selm' kommt zweimal vor",
    ),
    (
        "  stay_out: [selm]\n  lead: selm\n",
        "Schlüssel 'options.lead': Körperschaft 'selm' nimmt nicht teil (sie steht in "
        "options.stay_out[1]); eine federführende Körperschaft muss teilnehmen",
    ),
    (
        "  join: [kamen, unna]\n  lead: selm\n",
        "Schlüssel 'options.lead': Körperschaft 'selm' nimmt nicht teil (sie steht nicht in "
        "options.join); eine federführende Körperschaft muss teilnehmen",
    ),
    (
        "  join: [kamen]\n",
        "Schlüssel 'options.join': 1 Körperschaft nimmt teil (kamen); erwartet: mindestens 2",
    ),
    (
        "  stay_out: [" + ", ".join(BODIES[1:]) + "]\n",
        "Schlüssel 'options.stay_out': 1 Körperschaft nimmt teil (kreis_unna); erwartet: "
        "mindestens 2",
    ),
    (
        "  join: [kamen, unna]\n  stay_out: [unna, kamen]\n",
        "Schlüssel 'options.join': keine Körperschaft nimmt teil; erwartet: mindestens 2",
    ),
    (
        "  partner_sets: [county, all]\n",
        "Schlüssel 'options.max_size' fehlt; die Partnermengen-Familie 'all' "
        "(options.partner_sets[2]) braucht die größte Partnermenge, z. B. max_size: 3",
    ),
    (
        "  legal_forms: [gku, gmbh]\n  lead: kreis_unna\n",
        "Schlüssel 'options.lead': in den Handlungsfeldern (epayment, evergabe, "
        "shared_services, it, abfall, foerderschulen) bleibt keine Rechtsform mit "
        "Federführung; eine geforderte federführende Körperschaft braucht eine Rechtsform, in "
        "der eine Körperschaft die Aufgabe wahrnimmt (has_lead)",
    ),
    (
        "  fields: [epayment]\n  legal_forms: [gku]\n",
        "Schlüssel 'options.legal_forms': keine von gku passt zu den Handlungsfeldern "
        "(epayment); erwartet: mindestens eine Rechtsform dieser Handlungsfelder",
    ),
    (
        "  fields: []\n",
        "Schlüssel 'options.fields': leere Liste; erwartet: mindestens eine Handlungsfeld-ID",
    ),
    (
        "  partner_sets: [county_led]\n  stay_out: [kreis_unna]\n",
        "Schlüssel 'options.partner_sets': die Regeln lassen keine Partnermenge übrig",
    ),
    # the model itself (pydantic): a size below 2, an unknown family, an unknown key
    (
        "  max_size: 1\n",
        "Schlüssel 'options.max_size': 1 gefunden; erwartet: eine Zahl größer oder gleich 2",
    ),
    (
        "  partner_sets: [county, everything]\n",
        "Schlüssel 'options.partner_sets[2]': 'everything' gefunden; erwartet: einer der Werte "
        "'county', 'towns'",
    ),
    ("  joins: [kamen, unna]\n", "unbekannter Schlüssel 'options.joins'"),
]

#: the same problems in English (``--lang en``): the texts as they were before the catalogue
BAD_EN = [
    (
        "  fields: [epayment, efahrt]\n",
        "key 'options.fields[2]': unknown field 'efahrt'; expected one of " + ", ".join(FIELDS),
    ),
    (
        "  stay_out: [selm]\n  lead: selm\n",
        "key 'options.lead': body 'selm' takes no part (it is in options.stay_out[1]); "
        "a lead must take part",
    ),
    (
        "  join: [kamen, unna]\n  stay_out: [unna, kamen]\n",
        "key 'options.join': 0 bodies take part; expected at least 2",
    ),
    ("  max_size: 1\n", "key 'options.max_size': got 1; expected: input should be greater"),
    ("  joins: [kamen, unna]\n", "unknown key 'options.joins'"),
]


@pytest.mark.parametrize(("block", "message"), BAD_EN, ids=[m.split(":")[0] for _, m in BAD_EN])
def test_bad_rules_in_english(dataset_copy, block, message):
    path = _write_options(dataset_copy, block)
    with use_lang("en"), pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert err.value.where == str(path)
    assert err.value.problem.startswith(message), err.value.problem


@pytest.mark.parametrize(("block", "message"), BAD, ids=[m.split(":")[0] for _, m in BAD])
def test_bad_rules_name_the_file_and_the_key(dataset_copy, block, message):
    path = _write_options(dataset_copy, block)
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert err.value.where == str(path)
    assert err.value.problem.startswith(message), err.value.problem


def test_good_rules_load(dataset_copy):
    _write_options(
        dataset_copy,
        "  partner_sets: [county_led, all]\n  max_size: 3\n  join: [kreis_unna, selm, werne]\n"
        "  stay_out: [werne]\n  lead: kreis_unna\n  fields: [evergabe]\n",
    )
    ds = load_dataset(dataset_copy)
    assert ds.meta.options.max_size == 3
    assert partner_sets(ds) == {"alle_beteiligten": ("kreis_unna", "selm")}


def test_check_option_rules_names_a_scenario_file_and_key(dataset):
    rules = OptionRules(join=("kreis_unna", "unna", "xyz"))
    with pytest.raises(InputError) as err:
        check_option_rules(dataset, rules, "szenarien/test.yaml", key="options")
    assert str(err.value) == (
        f"szenarien/test.yaml: Schlüssel 'options.join[3]': unbekannte Körperschaft 'xyz'; "
        f"{EXPECTED_BODIES}"
    )
    with pytest.raises(InputError, match=r"^x.yaml: Schlüssel 'variants\[2\].options.lead'"):
        check_option_rules(dataset, OptionRules(lead="xyz"), "x.yaml", "variants[2].options")
    check_option_rules(dataset, OptionRules(), "dataset.yaml")  # the defaults are fine


def test_all_without_max_size_fails_in_generation_too(dataset):
    with pytest.raises(InputError, match="'all' braucht 'max_size'"):
        partner_sets(_rules(dataset, partner_sets=("all",)))


def test_bad_rules_through_the_command_line(dataset_copy, tmp_path):
    from potential.cli import main

    path = _write_options(dataset_copy, "  join: [kreis_unna, bergkamen, xyz]\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyse", "--data", str(dataset_copy), "--out", str(out)])
    assert result.exit_code == 2, result.output
    line = result.output.strip()
    assert re.fullmatch(
        re.escape(f"Fehler: {path}: Schlüssel 'options.join[3]': unbekannte Körperschaft 'xyz'; ")
        + "erwartet: eine von .*",
        line,
    )
    assert not out.exists()
    args = ["analyse", "--data", str(dataset_copy), "--out", str(out), "--lang", "en"]
    line = CliRunner().invoke(main, args).output.strip()
    assert re.fullmatch(
        re.escape(f"Error: {path}: key 'options.join[3]': unknown body 'xyz'; ")
        + "expected one of .*",
        line,
    )
