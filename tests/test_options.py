"""Cooperation options checked against sets and counts worked out by hand from the CSV tables.

Neighbour pairs, county pairs, lead bodies and the effect of existing full-scope cooperations
are derived from ``potential/data/kreis-unna/bodies.csv`` and ``cooperations.csv`` by hand
(docs/method.md section 3), not from the package.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from potential.datasets import load_dataset
from potential.models import Cooperation, OptionRules
from potential.options import PARTNER_SEP, choose_lead, generate_options, memberships, partner_sets

REF = dt.date(2026, 11, 25)  # dataset.yaml reference_date
SMALL = Path(__file__).parent / "data" / "indicators" / "small"

TOWNS = [
    "bergkamen",
    "boenen",
    "froendenberg",
    "holzwickede",
    "kamen",
    "luenen",
    "schwerte",
    "selm",
    "unna",
    "werne",
]  # bodies.csv order
BODIES = ["kreis_unna", *TOWNS]

# bodies.csv neighbours, made symmetric by hand (a pair counts if either side lists it):
#   bergkamen: kamen, luenen, werne           -> 3 pairs
#   boenen: kamen, unna                       -> 2
#   froendenberg: holzwickede, unna           -> 2
#   holzwickede: schwerte, unna (froendenberg already counted)      -> 2
#   kamen: luenen, unna (bergkamen, boenen already counted)         -> 2
#   luenen: selm, werne (bergkamen, kamen already counted)          -> 2
#   selm: werne (luenen already counted)                            -> 1
#   schwerte, unna, werne: all already counted; the county lists none -> 0
#   total 14 (the DVG2 borders; Kamen-Unna was missing before issue 14)
NEIGHBOUR_PAIRS = [
    ("bergkamen", "kamen"),
    ("bergkamen", "luenen"),
    ("bergkamen", "werne"),
    ("boenen", "kamen"),
    ("boenen", "unna"),
    ("froendenberg", "holzwickede"),
    ("froendenberg", "unna"),
    ("holzwickede", "schwerte"),
    ("holzwickede", "unna"),
    ("kamen", "luenen"),
    ("kamen", "unna"),
    ("luenen", "selm"),
    ("luenen", "werne"),
    ("selm", "werne"),
]
# cooperations.csv member sets of kind=aufgabe (rows with kind=beteiligung give no set: the
# Sparkassen, gsw, wfg, vku, ukbs, stadtwerke) not already produced by an earlier family:
#   foerderschulen_kreis and it_sicherheitsbeauftragter = all 11 -> kreisweit;
#   it_boenen_zdv -> kreis_unna+boenen; rpa_schwerte -> kreis_unna+schwerte;
#   but_asylblg_bergkamen -> kreis_unna+bergkamen; vhs_kamen_boenen -> boenen+kamen;
#   beitraege_unna_froendenberg -> froendenberg+unna;
#   ausgleichsflaechen_kreis has the same 8 members as dsb_gemeinsam (the earlier row);
#   it_schwerte_sit and epr_unna_dortmund have one member of the dataset only -> no set.
# New ones in cooperations.csv row order, members in bodies.csv order:
EXISTING_NEW = {
    "wie_dsb_gemeinsam": (
        "kreis_unna", "boenen", "froendenberg", "holzwickede", "kamen", "selm", "unna", "werne",
    ),
    "wie_gwa_sammlung": ("kreis_unna", "boenen", "holzwickede", "kamen"),
    "wie_vergabestelle_unna": ("boenen", "froendenberg", "unna"),
    "wie_kreistierheim": (
        "kreis_unna", "bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen",
        "selm", "unna", "werne",
    ),  # all 11 but Schwerte
    "wie_vhs_unna_froendenberg_holzwickede": ("froendenberg", "holzwickede", "unna"),
}  # fmt: skip
# 1 county + 1 towns + 10 county pairs + 14 neighbour pairs + 5 existing
N_SETS = 1 + 1 + 10 + 14 + 5  # = 31
# fields.csv: legal forms per field
FORMS = {
    "epayment": 3,
    "evergabe": 4,
    "shared_services": 4,
    "it": 5,
    "abfall": 4,
    "foerderschulen": 2,
}


def _expected_sets():
    sets = {"kreisweit": tuple(BODIES), "alle_staedte": tuple(TOWNS)}
    sets.update({f"kreis_unna+{t}": ("kreis_unna", t) for t in TOWNS})
    sets.update({f"{a}+{b}": (a, b) for a, b in NEIGHBOUR_PAIRS})
    sets.update(EXISTING_NEW)
    return sets


def _with_families(dataset, *families):
    meta = dataset.meta.model_copy(update={"options": OptionRules(partner_sets=families)})
    return dataset.model_copy(update={"meta": meta})


@pytest.fixture(scope="module")
def options(dataset):
    return generate_options(dataset, REF)


# ================================ partner sets ================================


def test_partner_sets_are_exactly_the_hand_derived_ones(dataset):
    sets = partner_sets(dataset)
    expected = _expected_sets()
    assert len(expected) == N_SETS == 31
    assert sets == expected
    # order: county, towns, county pairs, neighbour pairs, existing
    assert list(sets) == list(expected)


def test_county_and_towns_families(dataset):
    sets = partner_sets(dataset)
    assert len(sets["kreisweit"]) == 11
    assert len(sets["alle_staedte"]) == 10 and "kreis_unna" not in sets["alle_staedte"]
    county_pairs = [k for k in sets if k.startswith("kreis_unna+")]
    assert len(county_pairs) == 10


def test_neighbour_family_alone(dataset):
    sets = partner_sets(_with_families(dataset, "neighbour_pairs"))
    assert len(sets) == 14
    assert set(sets.values()) == set(NEIGHBOUR_PAIRS)


def test_one_sided_neighbour_listing_makes_a_pair():
    # tests/data/indicators/small: stadt_a lists stadt_b, stadt_b lists nobody
    small = load_dataset(SMALL)
    assert small.body("stadt_b").neighbours == ()
    sets = partner_sets(small)
    assert sets == {
        "kreisweit": ("kreis_x", "stadt_a", "stadt_b"),
        "kreis_x+stadt_a": ("kreis_x", "stadt_a"),
        "kreis_x+stadt_b": ("kreis_x", "stadt_b"),
        "stadt_a+stadt_b": ("stadt_a", "stadt_b"),
    }


def test_duplicate_member_sets_keep_the_first_family_id(dataset):
    sets = partner_sets(dataset)
    for dropped in (
        "wie_foerderschulen_kreis",
        "wie_it_boenen_zdv",
        "wie_rpa_schwerte",
        "wie_vhs_kamen_boenen",
        "wie_it_sicherheitsbeauftragter",
        "wie_beitraege_unna_froendenberg",
        "wie_ausgleichsflaechen_kreis",
        "wie_but_asylblg_bergkamen",
    ):
        assert dropped not in sets
    # beteiligung rows and cooperations with one member of the dataset give no set at all
    for none in (
        "wie_gsw",
        "wie_sparkasse_unnakamen",
        "wie_it_schwerte_sit",
        "wie_wfg_kreis_unna",
    ):
        assert none not in sets
    # with the existing family alone the duplicates of other families carry the wie_ id;
    # 13 aufgabe rows with two or more members, of which it_sicherheitsbeauftragter repeats
    # foerderschulen_kreis (all 11) and ausgleichsflaechen_kreis repeats dsb_gemeinsam
    only = partner_sets(_with_families(dataset, "existing"))
    assert len(only) == 13 - 2
    assert only["wie_it_boenen_zdv"] == ("kreis_unna", "boenen")
    assert only["wie_foerderschulen_kreis"] == tuple(BODIES)
    assert "wie_it_sicherheitsbeauftragter" not in only
    assert "wie_ausgleichsflaechen_kreis" not in only


# ================================= lead rule =================================


@pytest.mark.parametrize(
    ("partner_set", "lead"),
    [
        ("froendenberg+holzwickede", "froendenberg"),  # 20,450 > 17,587
        ("holzwickede+schwerte", "schwerte"),  # 46,571 > 17,587
        ("boenen+kamen", "kamen"),  # 43,001 > 18,239
        ("alle_staedte", "luenen"),  # 87,266 is the largest town
        # was wie_gsw (now kind=beteiligung, no set); a three-town set without the county:
        ("wie_vhs_unna_froendenberg_holzwickede", "unna"),  # 60,223 > 20,450 > 17,587
        ("kreis_unna+luenen", "kreis_unna"),
        ("kreisweit", "kreis_unna"),
    ],
)
def test_lead_of_forms_with_a_lead(options, partner_set, lead):
    rows = options[options["partner_set"] == partner_set]
    with_lead = rows[rows["legal_form"].isin(["oerv_mandat", "oerv_deleg"])]
    without = rows[rows["legal_form"].isin(["arbeitsgemeinschaft", "zweckverband", "gku", "gmbh"])]
    assert len(with_lead) > 0 and len(without) > 0
    assert (with_lead["lead"] == lead).all()
    assert (without["lead"] == "").all()


def test_county_leads_even_when_it_is_not_the_most_populous(dataset):
    # the rule is "county if member", not "largest population": shrink the county to 1 inhabitant
    bodies = tuple(
        b.model_copy(update={"population": 1}) if b.id == "kreis_unna" else b
        for b in dataset.bodies
    )
    small_county = dataset.model_copy(update={"bodies": bodies})
    assert choose_lead(small_county, ("kreis_unna", "luenen")) == "kreis_unna"
    assert choose_lead(small_county, ("luenen", "kreis_unna")) == "kreis_unna"
    assert choose_lead(small_county, ("selm", "luenen", "werne")) == "luenen"


def test_lead_tie_goes_to_the_larger_id(dataset):
    # method.md section 3: ties broken by the larger id
    bodies = tuple(
        b.model_copy(update={"population": 30000}) if b.id in ("selm", "werne") else b
        for b in dataset.bodies
    )
    tied = dataset.model_copy(update={"bodies": bodies})
    assert choose_lead(tied, ("selm", "werne")) == "werne"
    assert choose_lead(tied, ("werne", "selm")) == "werne"


# ============================ existing full-scope rule ============================


def test_no_foerderschulen_options_at_the_reference_date(options):
    # foerderschulen_kreis: the county is Träger for all 11 bodies since 2016-08-01 (full):
    # every partner set equals or splits that group
    assert not (options["field"] == "foerderschulen").any()


@pytest.mark.parametrize(
    ("date", "count"),
    [
        # before the county took over: 31 sets x 2 forms = 62
        (dt.date(2016, 4, 1), 31 * 2),
        (dt.date(2016, 7, 31), 31 * 2),
        # in force from its start date on
        (dt.date(2016, 8, 1), 0),
    ],
)
def test_foerderschulen_options_around_the_takeover(dataset, date, count):
    opts = generate_options(dataset, date)
    assert (opts["field"] == "foerderschulen").sum() == count


def test_boenen_appears_in_it_only_together_with_the_county(options):
    it = options[options["field"] == "it"]
    members = it["partners"].str.split(PARTNER_SEP)
    with_boenen = members.map(lambda m: "boenen" in m)
    with_county = members.map(lambda m: "kreis_unna" in m)
    assert with_boenen.any()
    # it_boenen_zdv has the county as lead: a set with Bönen but without the county would
    # split it, so every IT set with Bönen has the county
    assert (~with_boenen | with_county).all()
    # the lead may pool IT with other bodies (knockout.py, lead-aware rule): county pairs
    # without Bönen stay, e.g. the county with Lünen
    assert "it/oerv_mandat/kreis_unna+luenen" in set(it["option"])
    # the existing pair itself is already realised
    assert not (it["partner_set"] == "kreis_unna+boenen").any()
    # but Bönen is free in other fields
    epay = options[(options["field"] == "epayment") & (options["partner_set"] == "boenen+unna")]
    assert len(epay) == 3


# IT at the reference date, by hand from cooperations.csv (two full-scope IT rows):
#   it_boenen_zdv (kreis_unna lead, boenen; since 2013-01-01):
#     kreis_unna+boenen is the group itself -> bereits_verwirklicht;
#     sets with Bönen but not the county split it: alle_staedte, boenen+kamen, boenen+unna,
#     wie_vergabestelle_unna -> bestehende_kooperation_teilen;
#     sets with the county (the lead) and others are kept (the lead pools with others).
#   it_schwerte_sit (schwerte with external partner SIT; since 2017-01-01):
#     every set with Schwerte -> austritt_unbekannt: kreisweit, alle_staedte,
#     kreis_unna+schwerte, holzwickede+schwerte.
IT_DROPPED = {
    "kreisweit",
    "alle_staedte",
    "kreis_unna+boenen",
    "kreis_unna+schwerte",
    "boenen+kamen",
    "boenen+unna",
    "holzwickede+schwerte",
    "wie_vergabestelle_unna",
}


def test_it_partner_sets_by_hand(options):
    # kept: 8 county pairs (not Bönen, not Schwerte), 11 neighbour pairs (14 less boenen+kamen,
    # boenen+unna, holzwickede+schwerte), wie_dsb_gemeinsam, wie_gwa_sammlung,
    # wie_kreistierheim (county with Bönen, no Schwerte) and
    # wie_vhs_unna_froendenberg_holzwickede (neither Bönen nor Schwerte) -> 23 sets x 5 forms
    it_sets = set(options.loc[options["field"] == "it", "partner_set"])
    expected = set(_expected_sets()) - IT_DROPPED
    assert it_sets == expected
    assert len(IT_DROPPED) == 8
    assert len(expected) == 8 + 11 + 4 == 31 - 8 == 23
    assert (options["field"] == "it").sum() == 23 * 5


def test_it_options_before_boenen_joined(dataset):
    # it_boenen_zdv starts 2013-01-01 and it_schwerte_sit 2017-01-01; on 2012-12-31 all
    # 31 sets x 5 forms are open
    opts = generate_options(dataset, dt.date(2012, 12, 31))
    assert (opts["field"] == "it").sum() == 31 * 5
    assert "it/oerv_mandat/kreis_unna+boenen" in set(opts["option"])
    assert "it/oerv_mandat/kreis_unna+schwerte" in set(opts["option"])


def test_partial_cooperations_do_not_block(options):
    # dsb_gemeinsam and it_sicherheitsbeauftragter (shared_services), gwa_sammlung (abfall),
    # vergabestelle_unna (evergabe) are partial: all 31 sets stay
    assert (options["field"] == "shared_services").sum() == N_SETS * 4
    assert (options["field"] == "abfall").sum() == N_SETS * 4
    assert (options["field"] == "evergabe").sum() == N_SETS * 4
    assert "shared_services/oerv_mandat/wie_dsb_gemeinsam" in set(options["option"])
    assert "evergabe/oerv_mandat/wie_vergabestelle_unna" in set(options["option"])


def test_option_counts(options):
    # 31 sets for every field but IT (23) and Förderschulen (0)
    expected = {f: N_SETS * n for f, n in FORMS.items()}
    expected["it"] = 23 * 5
    expected["foerderschulen"] = 0
    counts = options["field"].value_counts().to_dict()
    assert {f: counts.get(f, 0) for f in FORMS} == expected
    assert len(options) == 93 + 124 + 124 + 115 + 124 == 580


def test_full_cooperation_without_start_date_blocks(tmp_path):
    # a full-scope pool of stadt_a and stadt_b (no 'since') in the small dataset, with
    # stadt_a as lead: the equal set (stadt_a+stadt_b) is realised, kreis_x+stadt_b takes the
    # served member without the lead (split); kreis_x+stadt_a has the lead pooling with
    # another body and the superset kreisweit extends the pool, so both stay
    small = load_dataset(SMALL)
    coop = Cooperation(
        id="pool_ab",
        label="Pool A+B",
        field="epay",
        legal_form="oerv_mandat",
        members=("stadt_a", "stadt_b"),
        lead="stadt_a",
        scope="full",
        source="test",
    )
    blocked = small.model_copy(update={"cooperations": (coop,)})
    opts = generate_options(blocked, dt.date(2027, 6, 1))
    assert set(opts["option"]) == {
        "epay/oerv_mandat/kreisweit",
        "epay/gmbh/kreisweit",
        "epay/oerv_mandat/kreis_x+stadt_a",
        "epay/gmbh/kreis_x+stadt_a",
    }
    # without a lead every set that takes some members but not all splits it: both county
    # pairs go, only the superset kreisweit stays
    no_lead = small.model_copy(update={"cooperations": (coop.model_copy(update={"lead": None}),)})
    opts = generate_options(no_lead, dt.date(2027, 6, 1))
    assert set(opts["option"]) == {"epay/oerv_mandat/kreisweit", "epay/gmbh/kreisweit"}
    # partial scope: nothing is blocked (4 sets x 2 forms)
    partial = small.model_copy(
        update={"cooperations": (coop.model_copy(update={"scope": "partial"}),)}
    )
    assert len(generate_options(partial, dt.date(2027, 6, 1))) == 8
    # a full cooperation in another field blocks nothing here
    other = small.model_copy(update={"cooperations": (coop.model_copy(update={"field": None}),)})
    assert len(generate_options(other, dt.date(2027, 6, 1))) == 8


# ============================== option rows ==============================


def test_option_rows(options, dataset):
    row = options.set_index("option").loc["it/oerv_mandat/froendenberg+holzwickede"]
    assert row["field"] == "it" and row["legal_form"] == "oerv_mandat"
    assert row["partner_set"] == "froendenberg+holzwickede"
    assert row["partners"] == "froendenberg;holzwickede"
    assert row["lead"] == "froendenberg" and row["n_partners"] == 2
    assert options["option"].is_unique
    ids = options["field"] + "/" + options["legal_form"] + "/" + options["partner_set"]
    assert (ids == options["option"]).all()
    sizes = options["partners"].str.split(PARTNER_SEP).map(len)
    assert (sizes == options["n_partners"]).all()
    kw = options[options["partner_set"] == "kreisweit"]
    assert (kw["n_partners"] == 11).all()
    assert (kw["partners"] == PARTNER_SEP.join(BODIES)).all()


def test_memberships(options):
    rows = memberships(options)
    assert len(rows) == options["n_partners"].sum()
    one = rows[rows["option"] == "it/oerv_mandat/froendenberg+holzwickede"]
    assert list(one["body"]) == ["froendenberg", "holzwickede"]
    assert list(one["is_lead"]) == [True, False]
    arge = rows[rows["option"] == "epayment/arbeitsgemeinschaft/boenen+unna"]
    assert list(arge["body"]) == ["boenen", "unna"]
    assert not arge["is_lead"].any()
