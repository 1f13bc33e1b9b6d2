"""Tests of :mod:`potential.criteria`: effective weights by hand and bad model files."""

from __future__ import annotations

import textwrap

import pytest

from potential.criteria import CriteriaModel, load_criteria, shipped_criteria
from potential.errors import InputError

# Effective weights of criteria/ikz-egov-nrw.yaml, by hand (group share × share in the group):
#   group weights 0.35, 0.25, 0.2, 0.2 (sum 1.0)
#   wirtschaftlichkeit:   npv_per_capita 0.8/1.0 · 0.35 = 0.28, liquidity_burden 0.2 · 0.35 = 0.07
#   personal:             staffing_relief 0.6 · 0.25 = 0.15,  resilience 0.4 · 0.25 = 0.10
#   rechtsform_steuerung: time_to_implement 0.3 · 0.2 = 0.06, control_kept 0.4 · 0.2 = 0.08,
#                         procurement_risk 0.3 · 0.2 = 0.06
#   egov_pflichten:       service_quality 1.0 · 0.2 = 0.20
SHIPPED_WEIGHTS = {
    "npv_per_capita": 0.28,
    "liquidity_burden": 0.07,
    "staffing_relief": 0.15,
    "resilience": 0.10,
    "time_to_implement": 0.06,
    "control_kept": 0.08,
    "procurement_risk": 0.06,
    "service_quality": 0.20,
}
# the anchored scales (worst, best) of criteria/ikz-egov-nrw.yaml
SHIPPED_SCALES = {
    "npv_per_capita": (-30, 30),
    "liquidity_burden": (20, 0),
    "staffing_relief": (0, 2),
    "resilience": (0, 1),
    "time_to_implement": (48, 0),
    "control_kept": (0, 1),
    "procurement_risk": (1, 0),
    "service_quality": (0, 1),
}


def test_shipped_model_effective_weights():
    model = load_criteria()
    w = model.weights()
    assert list(w) == list(SHIPPED_WEIGHTS)
    for key, expected in SHIPPED_WEIGHTS.items():
        assert w[key] == pytest.approx(expected, abs=1e-12), key
    assert sum(w.values()) == pytest.approx(1.0, abs=1e-12)


def test_shipped_model_structure():
    model = load_criteria("ikz-egov-nrw")
    assert "ikz-egov-nrw" in shipped_criteria()
    assert model.id == "ikz-egov-nrw"
    assert [g.id for g in model.groups] == [
        "wirtschaftlichkeit", "personal", "rechtsform_steuerung", "egov_pflichten",
    ]  # fmt: skip
    directions = {c.id: c.direction for c in model.criteria}
    assert [k for k, d in directions.items() if d == "min"] == [
        "liquidity_burden", "time_to_implement", "procurement_risk",
    ]  # fmt: skip
    # the money sits in the Kapitalwert and the yearly burden, per inhabitant
    indicators = {c.id: c.indicator for c in model.criteria}
    assert indicators["npv_per_capita"] == "npv_per_capita"
    assert indicators["liquidity_burden"] == "burden_per_capita"
    assert not {"net_savings", "one_off_cost"} & set(indicators.values())
    # the duties count as what the cooperation adds, not as pressure on going on alone
    assert indicators["service_quality"] == "service_quality"
    assert "obligation_pressure" not in indicators.values()
    for c in model.criteria:
        assert (c.scale.worst, c.scale.best) == SHIPPED_SCALES[c.id], c.id
        assert c.scale.rationale.strip(), c.id
        assert c.bounds == (min(SHIPPED_SCALES[c.id]), max(SHIPPED_SCALES[c.id])), c.id
    assert model.group_of()["control_kept"] == "rechtsform_steuerung"
    assert model.assumption  # the weights are an assumption, not a source
    assert load_criteria(model) is model


# --- small models written to tmp_path --------------------------------------------------------

TEMPLATE = """\
id: small
label: {{de: Klein, en: Small}}
assumption: for testing
groups:
  - id: money
    label: {{de: Geld, en: Money}}
    weight: {g1}
    criteria:
      - id: {c1}
        label: {{de: Einsparung, en: Savings}}
        direction: max
        unit: EUR/a
        indicator: {ind1}
        weight: {w1}
      - id: one_off_cost
        label: {{de: Einmalkosten, en: One-off cost}}
        direction: min
        unit: EUR
        indicator: one_off_cost
        weight: {w2}
  - id: duties
    label: {{de: Pflichten, en: Duties}}
    weight: {g2}
    criteria:
      - id: {c3}
        label: {{de: Pflichtendruck, en: Obligation pressure}}
        direction: max
        unit: 0-1
        indicator: obligation_pressure
        weight: 2
        {extra}
"""
DEFAULTS = dict(
    g1=3,
    g2=1,
    c1="net_savings",
    ind1="net_savings",
    w1=1,
    w2=3,
    c3="obligation_pressure",
    extra="",
)


def write(tmp_path, name="model.yaml", **changes):
    path = tmp_path / name
    path.write_text(TEMPLATE.format(**{**DEFAULTS, **changes}), encoding="utf-8")
    return path


def test_small_model_weights_by_hand(tmp_path):
    # groups 3 : 1 -> 0.75, 0.25; money criteria 1 : 3 -> 0.25, 0.75; duties one criterion
    #   net_savings 0.75 · 0.25 = 0.1875, one_off_cost 0.75 · 0.75 = 0.5625,
    #   obligation_pressure 0.25 · 1 = 0.25
    model = load_criteria(write(tmp_path))
    assert isinstance(model, CriteriaModel)
    w = model.weights()
    assert w == pytest.approx(
        {"net_savings": 0.1875, "one_off_cost": 0.5625, "obligation_pressure": 0.25}, abs=1e-15
    )


def test_zero_weight_group_takes_no_part(tmp_path):
    # duties weight 0 -> money 1.0; obligation_pressure 0
    w = load_criteria(write(tmp_path, g2=0)).weights()
    assert w == pytest.approx(
        {"net_savings": 0.25, "one_off_cost": 0.75, "obligation_pressure": 0.0}, abs=1e-15
    )


def test_zero_weight_criterion_takes_no_part(tmp_path):
    w = load_criteria(write(tmp_path, w1=0)).weights()
    assert w == pytest.approx(
        {"net_savings": 0.0, "one_off_cost": 0.75, "obligation_pressure": 0.25}, abs=1e-15
    )


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"g1": 0, "g2": 0}, "alle Gruppengewichte sind null"),
        ({"g2": -1}, "groups[2].weight"),
        ({"w1": -0.5}, "groups[1].criteria[1].weight"),
        ({"ind1": "net_saving"}, "net_saving"),
        ({"extra": "weigth: 1"}, "groups[2].criteria[1].weigth"),
        ({"c3": "net_savings"}, "net_savings"),
        ({"w1": 0, "w2": 0}, "money"),
    ],
    ids=[
        "all-zero-group-weights",
        "negative-group-weight",
        "negative-criterion-weight",
        "unknown-indicator",
        "unknown-key",
        "duplicate-criterion-id",
        "group-with-all-zero-criteria",
    ],
)
def test_bad_model_raises_naming_file_and_key(tmp_path, changes, key):
    path = write(tmp_path, "bad-model.yaml", **changes)
    with pytest.raises(InputError) as info:
        load_criteria(path)
    message = str(info.value)
    assert str(path) in message
    assert key in message


def test_unknown_indicator_message_lists_the_known_ones(tmp_path):
    path = write(tmp_path, ind1="net_saving")
    with pytest.raises(InputError, match="indicator") as info:
        load_criteria(path)
    assert "net_savings" in str(info.value)  # the expected indicator is offered


def test_unknown_top_level_key(tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text(write(tmp_path).read_text() + "asumption: typo\n", encoding="utf-8")
    with pytest.raises(InputError, match="asumption") as info:
        load_criteria(path)
    assert str(path) in str(info.value)


def test_bad_direction(tmp_path):
    text = write(tmp_path).read_text().replace("direction: min", "direction: minimum")
    path = tmp_path / "dir.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"groups\[1\]\.criteria\[2\]\.direction") as info:
        load_criteria(path)
    assert str(path) in str(info.value)


def test_missing_provenance_of_weights(tmp_path):
    text = write(tmp_path).read_text().replace("assumption: for testing\n", "")
    path = tmp_path / "noprov.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="assumption") as info:
        load_criteria(path)
    assert str(path) in str(info.value)


def test_unknown_model_name():
    with pytest.raises(InputError, match="no-such-model"):
        load_criteria("no-such-model")


def test_malformed_yaml_names_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(textwrap.dedent("id: x\ngroups: [\n"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_criteria(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("scale", "key"),
    [
        ("scale: {worst: 1, best: 1, rationale: x}", "'worst' und 'best' sind gleich"),
        ("scale: {worst: 0, best: 1}", "rationale"),
        ("scale: {worst: 1, best: 0, rationale: x}", "muss 'worst' unter 'best' liegen"),
        ("scale: {worst: 0, best: 1, rationale: x, midpoint: 0.5}", "midpoint"),
    ],
    ids=["equal-anchors", "no-rationale", "wrong-way-round", "unknown-key"],
)
def test_bad_scale_raises_naming_file_and_key(tmp_path, scale, key):
    # obligation_pressure is a max criterion: worst below best
    path = write(tmp_path, "bad-scale.yaml", extra=scale)
    with pytest.raises(InputError) as info:
        load_criteria(path)
    message = str(info.value)
    assert str(path) in message
    assert key in message


def test_scale_of_a_min_criterion_runs_from_high_to_low(tmp_path):
    # a min criterion takes worst above best; bounds are (low, high) either way
    text = (
        write(tmp_path)
        .read_text()
        .replace(
            "        indicator: one_off_cost\n",
            "        indicator: one_off_cost\n"
            "        scale: {worst: 1000, best: 0, rationale: x}\n",
        )
    )
    path = tmp_path / "min.yaml"
    path.write_text(text, encoding="utf-8")
    model = load_criteria(path)
    cost = next(c for c in model.criteria if c.id == "one_off_cost")
    assert cost.bounds == (0.0, 1000.0)
    assert next(c for c in model.criteria if c.id == "obligation_pressure").bounds is None


def test_shipped_scales_span_the_embedded_options(default_analysis):
    # what the rationales of criteria/ikz-egov-nrw.yaml claim, as properties of the data
    rows = default_analysis.ranking.query("option != 'alleingang'")
    within = lambda c, lo, hi: rows[c].between(lo, hi).mean()  # noqa: E731
    # ±30 €/inhabitant, 20 €/inhabitant and 2 VZÄ each span at least 95 % of the options
    assert within("npv_per_capita", -30, 30) >= 0.95
    assert within("liquidity_burden", 0, 20) >= 0.95
    assert within("staffing_relief", 0, 2) >= 0.95
    # four years are longer than every option. The former longest, an IT gKU of all eleven
    # bodies, no longer exists (every IT option with Schwerte is excluded: austritt_unbekannt,
    # Schwerte's IT is with Südwestfalen-IT). The longest is now the IT gKU of the ten bodies
    # without Schwerte (wie_kreistierheim): 24 (gku setup_months) + 6 · 7/30.4375 (gku
    # approval_weeks, notice of § 115 GO NRW) + 1 · (10 − 2) · (1 − 0.5 · 18/45)
    # (negotiation_months_per_partner, tie_negotiation_reduction; of its 45 pairs 18 are
    # tied: the county with the nine towns, Unna with the eight others, Kamen–Bönen)
    # + 12 (it migration_months) = 43.779877 months. Next come the IT gKU of the
    # data-protection group (8 bodies, 14 of 28 pairs tied: 24 + 1.38 + 6 · 0.75 + 12 =
    # 41.88) and the Abfall gKU of all eleven (24 + 1.38 + 9 · (1 − 0.5 · 20/55) + 6 = 38.74).
    longest = 24 + 42 / (365.25 / 12) + 8 * (1 - 0.5 * 18 / 45) + 12
    assert longest == pytest.approx(43.779877, abs=1e-6)
    assert rows["time_to_implement"].max() == pytest.approx(longest, rel=1e-12)
    top = rows.loc[rows["time_to_implement"].idxmax()]
    assert top["option"] == "it/gku/wie_kreistierheim"
    # all ten members' rows, and only those, take that long
    at_max = rows[rows["time_to_implement"] == rows["time_to_implement"].max()]
    assert set(at_max["option"]) == {"it/gku/wie_kreistierheim"} and len(at_max) == 10
    assert rows["time_to_implement"].max() < 48
