"""Explanations in words and the trade-off rates the weights imply."""

from __future__ import annotations

import pytest

from potential.explaining import NEAR_TIE, separating


def test_why_names_the_separating_criteria_by_hand(default_analysis):
    a = default_analysis
    r = a.ranking[a.ranking["body"] == "luenen"]
    top, second = r.iloc[0], r.iloc[1]
    c = a.contributions[a.contributions["body"] == "luenen"]
    first = c[c["option"] == top["option"]].set_index("criterion")["contribution"]
    other = c[c["option"] == second["option"]].set_index("criterion")["contribution"]
    expected = (first - other).abs().sort_values(ascending=False).index[:3].tolist()
    assert [k for k, _ in separating(a, "luenen", top["option"], second["option"])] == expected
    text = a.why("luenen")
    assert text.startswith("Für Lünen")
    assert "Alleingang" in text


def test_near_ties_are_called_equally_good(default_analysis):
    a = default_analysis
    r = a.ranking[a.ranking["body"] == "selm"]
    gap = r.iloc[0]["score"] - r.iloc[1]["score"]
    text = a.why("selm")
    if gap < NEAR_TIE:
        assert "gleichwertig" in text and "vorn" not in text
    else:
        assert "vorn" in text


def test_status_quo_first_is_said_in_words():
    import potential

    # only money counts for Selm, over one year: every option's one-off cost makes its
    # Kapitalwert negative, so going on alone ranks first
    only_money = {
        "selm": {
            "groups": {"personal": 0, "rechtsform_steuerung": 0, "egov_pflichten": 0},
            "assumption": "test: money only",
        }
    }
    a = potential.analyse(body_weights=only_money, economics={"horizon_years": 1})
    selm = a.ranking[a.ranking["body"] == "selm"]
    assert (selm[selm["option"] != "alleingang"]["npv"] < 0).all()
    assert selm.iloc[0]["option"] == "alleingang"
    text = a.why("selm")
    assert text.startswith("Für Selm lohnt sich keine der geprüften Kooperationen")
    assert a.why("selm", lang="en").startswith("For Selm, none of the cooperations")


def test_tradeoffs_by_hand(default_analysis):
    t = default_analysis.tradeoffs("selm").set_index("criterion")
    w = default_analysis.criteria.weights()
    # Kapitalwert scale −30 … +30 €/inhabitant: 60 € span over weight 0.28
    assert t.loc["control_kept", "eur_per_capita"] == pytest.approx(0.08 / 0.28 * 60)
    assert t.loc["control_kept", "eur"] == pytest.approx(0.08 / 0.28 * 60 * 26_767)
    assert t.loc["liquidity_burden", "eur_per_capita"] == pytest.approx(
        w["liquidity_burden"] / w["npv_per_capita"] * 60
    )
    assert "Steuerung behalten" in t.loc["control_kept", "statement"]
    assert t.attrs["eur_per_point_per_capita"] == pytest.approx(60 / 28)


def _without_npv_scale(model):
    groups = []
    for g in model.groups:
        kept = tuple(
            c.model_copy(update={"scale": None}) if c.indicator == "npv_per_capita" else c
            for c in g.criteria
        )
        groups.append(g.model_copy(update={"criteria": kept}))
    return model.model_copy(update={"groups": tuple(groups)})


def test_tradeoffs_refuse_a_model_without_a_kapitalwert_scale_and_a_bad_language():
    from potential.criteria import load_criteria
    from potential.errors import InputError
    from potential.messages import use_lang
    from potential.tradeoffs import implied_tradeoffs

    model = load_criteria("ikz-egov-nrw")
    with pytest.raises(InputError) as info:
        implied_tradeoffs(_without_npv_scale(model))
    assert str(info.value) == (
        "Kriterienmodell 'ikz-egov-nrw': Austauschraten brauchen ein gewichtetes "
        "Kapitalwert-Kriterium (npv_per_capita, npv) mit einer Skala"
    )
    with use_lang("en"), pytest.raises(InputError) as info:
        implied_tradeoffs(_without_npv_scale(model))
    assert str(info.value) == (
        "criteria model 'ikz-egov-nrw': trade-off rates need a weighted Kapitalwert "
        "criterion (npv_per_capita, npv) with a scale"
    )
    with pytest.raises(InputError, match="^lang: 'fr'; erwartet: eines von de, en$"):
        implied_tradeoffs(model, lang="fr")
