"""Monte Carlo risk of the Kapitalwert (potential.uncertainty.npv_risk)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import potential.random as prandom
from potential.economics import economic_settings
from potential.errors import InputError
from potential.indicators import indicator_table
from potential.options import generate_options
from potential.uncertainty.npv_risk import RISK_COLUMNS, npv_risk, npv_risk_of, npv_samples

TABLES = ("parameters", "field_parameters", "legal_form_parameters")


def _collapsed(dataset, keep=()):
    """A copy of ``dataset`` whose ranges are all collapsed (low = high = value) but ``keep``."""
    update = {
        attr: tuple(
            p
            if not p.has_range or p.parameter in keep
            else p.model_copy(update={"low": p.value, "high": p.value})
            for p in getattr(dataset, attr)
        )
        for attr in TABLES
    }
    return dataset.model_copy(update=update)


def _at_bound(dataset, bound):
    """A copy of ``dataset`` with every ranged parameter at its ``low`` or ``high``."""
    update = {
        attr: tuple(
            p.model_copy(update={"value": getattr(p, bound)}) if p.has_range else p
            for p in getattr(dataset, attr)
        )
        for attr in TABLES
    }
    return dataset.model_copy(update=update)


@pytest.fixture(scope="module")
def risk(dataset):
    return npv_risk(dataset, n=12, seed=3)


def test_columns_and_rows_are_the_cooperation_rows(risk, dataset):
    assert list(risk.columns) == ["body", "option", "field", "legal_form", *RISK_COLUMNS]
    date = dataset.meta.reference_date
    table = indicator_table(dataset, generate_options(dataset, date), date)
    cooperation = table[table["option"] != "alleingang"]
    assert len(risk) == len(cooperation)
    merged = risk.merge(cooperation[["body", "option", "npv"]], on=["body", "option"])
    np.testing.assert_array_equal(merged["npv_x"], merged["npv_y"])
    assert risk.attrs["n"] == 12 and risk.attrs["seed_used"] == 3


def test_shares_are_probabilities_and_quantiles_are_ordered(risk):
    p = risk["p_npv_positive"]
    assert p.between(0, 1).all()
    assert (risk["npv_p05"] <= risk["npv_median"]).all()
    assert (risk["npv_median"] <= risk["npv_p95"]).all()
    assert (risk["npv_p05"] <= risk["npv_mean"]).all() and (
        risk["npv_mean"] <= risk["npv_p95"]
    ).all()
    assert 0 < p.mean() < 1  # the ranges matter


def test_same_seed_gives_the_same_frame(risk, dataset):
    pd.testing.assert_frame_equal(npv_risk(dataset, n=12, seed=3), risk)
    other = npv_risk(dataset, n=12, seed=4)
    assert not np.array_equal(other["npv_mean"], risk["npv_mean"])


def test_chunks_do_not_change_the_samples(dataset, monkeypatch):
    monkeypatch.setattr(prandom, "BLOCK", 4)  # so that chunks cross blocks
    whole = npv_samples(dataset, n=7, seed=5, chunk=7)
    for chunk in (1, 3):
        pd.testing.assert_frame_equal(npv_samples(dataset, n=7, seed=5, chunk=chunk), whole)
    # a shorter run repeats the first samples
    pd.testing.assert_frame_equal(npv_samples(dataset, n=3, seed=5, chunk=2), whole.iloc[:3])


def test_collapsed_ranges_give_the_nominal_sign(dataset):
    flat = _collapsed(dataset)
    date = flat.meta.reference_date
    result = npv_risk(flat, n=3, seed=1)
    table = indicator_table(flat, generate_options(flat, date), date)
    nominal = result[["body", "option"]].merge(table[["body", "option", "npv"]], how="left")
    expected = (nominal["npv"] > 0).astype(float)
    np.testing.assert_array_equal(result["p_npv_positive"], expected)
    assert set(result["p_npv_positive"]) == {0.0, 1.0}
    for column in ("npv_p05", "npv_median", "npv_p95", "npv_mean"):
        np.testing.assert_allclose(result[column], nominal["npv"], rtol=1e-12, atol=1e-6)


def test_a_strongly_negative_option_is_rarely_positive(risk):
    it_gmbh = risk[(risk["field"] == "it") & (risk["legal_form"] == "gmbh")]
    assert len(it_gmbh) and (it_gmbh["npv"] < -100_000).all()
    assert (it_gmbh["p_npv_positive"] <= 0.1).all()


def test_the_grant_only_adds(dataset):
    without = npv_samples(dataset, n=4, seed=2, grant_probability=0.0)
    granted = npv_samples(dataset, n=4, seed=2, grant_probability=1.0)
    assert (granted.to_numpy() >= without.to_numpy()).all()
    assert (granted.to_numpy() > without.to_numpy()).any()


def test_vat_flip_reads_the_chosen_rules_the_other_way(dataset):
    forms = ("oerv_mandat", "zweckverband", "gku")
    given = npv_samples(dataset, n=4, seed=6)
    flipped = npv_samples(dataset, n=4, seed=6, vat_flip=1.0, vat_flip_forms=forms)
    keys = given.columns.to_frame(index=False)
    option = keys["option"].str.split("/", expand=True)
    diff = flipped.to_numpy() - given.to_numpy()
    # IT under a mandate is taxable as given: not taxable when flipped
    it_mandate = ((option[0] == "it") & (option[1] == "oerv_mandat")).to_numpy()
    assert (diff[:, it_mandate] >= 0).all() and (diff[:, it_mandate] > 0).any()
    # waste in a Zweckverband is not taxable as given: taxable when flipped
    waste_zv = ((option[0] == "abfall") & (option[1] == "zweckverband")).to_numpy()
    assert (diff[:, waste_zv] <= 0).all() and (diff[:, waste_zv] < 0).any()
    untouched = ~option[1].isin(forms).to_numpy()
    assert (diff[:, untouched] == 0).all()


def test_vat_flip_of_a_pair_without_a_rule_reads_the_form_the_other_way(dataset):
    rules = tuple(
        r for r in dataset.vat_rules if (r.field, r.legal_form) != ("it", "zweckverband")
    )
    no_rule = dataset.model_copy(update={"vat_rules": rules})  # falls back: not taxable
    taxable = npv_samples(dataset, n=2, seed=8)  # the rule: taxable
    flipped = npv_samples(no_rule, n=2, seed=8, vat_flip=1.0, vat_flip_forms="zweckverband")
    options = taxable.columns.get_level_values("option")
    it_zv = options.str.startswith("it/zweckverband/")
    assert it_zv.any()
    pd.testing.assert_frame_equal(flipped.loc[:, it_zv], taxable.loc[:, it_zv])


def test_options_do_not_depend_on_the_varied_parameters(dataset):
    date = dataset.meta.reference_date
    nominal = generate_options(dataset, date)
    for bound in ("low", "high"):
        pd.testing.assert_frame_equal(generate_options(_at_bound(dataset, bound), date), nominal)


def test_overridden_settings_stay_fixed(dataset):
    only_rate = _collapsed(dataset, keep=("discount_rate",))
    varied = npv_risk(only_rate, n=3, seed=1)
    assert (varied["npv_p05"] < varied["npv_p95"]).any()  # the rate alone varies
    date = dataset.meta.reference_date
    for economics in (
        {"discount_rate": 0.02},
        economic_settings(only_rate, date, {"discount_rate": 0.02}),
    ):
        fixed = npv_risk(only_rate, n=3, seed=1, economics=economics)
        np.testing.assert_allclose(fixed["npv_p05"], fixed["npv"], rtol=1e-12, atol=1e-6)
        np.testing.assert_allclose(fixed["npv_p95"], fixed["npv"], rtol=1e-12, atol=1e-6)


def test_analysis_gives_the_same_run(default_analysis):
    direct = npv_risk(default_analysis.dataset, default_analysis.reference_date, n=2, seed=7)
    pd.testing.assert_frame_equal(npv_risk_of(default_analysis, n=2, seed=7), direct)


def test_progress_wraps_the_chunks(dataset):
    seen = []

    def progress(chunks):
        seen.extend(chunks)
        return seen

    npv_samples(dataset, n=3, seed=0, chunk=2, progress=progress)
    assert seen == [0, 2]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "n: erwartet: eine ganze Zahl ≥ 1, erhalten: 0"),
        ({"n": 2.5}, "n: erwartet: eine ganze Zahl ≥ 1, erhalten: 2.5"),
        ({"seed": -1}, "seed: erwartet: eine ganze Zahl ≥ 0, erhalten: -1"),
        ({"seed": 1.5}, "seed: erwartet: eine ganze Zahl ≥ 0, einen numpy-Generator oder None"),
        (
            {"grant_probability": 1.5},
            "grant_probability: erwartet: eine Wahrscheinlichkeit von 0 bis 1, erhalten: 1.5",
        ),
        ({"vat_flip": -0.1}, "vat_flip: erwartet: eine Wahrscheinlichkeit von 0 bis 1"),
        ({"chunk": 0}, "chunk: erwartet: eine ganze Zahl ≥ 1"),
        (
            {"vat_flip_forms": ["verein"]},
            "vat_flip_forms: unbekannte Rechtsform(en) 'verein'; erwartet: Kennungen aus "
            "legal_forms.csv",
        ),
        # economics' own wording (another module's message): match its stable part, the keys
        ({"economics": {"horizon": 5}}, "horizon_years, discount_rate"),
    ],
)
def test_bad_input_is_an_input_error(dataset, kwargs, message):
    with pytest.raises(InputError) as info:
        npv_risk(dataset, **kwargs)
    assert message in str(info.value)


def test_docstring_examples_run():
    import doctest
    import importlib

    # the package exports the function under the module's name, so import by path
    module = importlib.import_module("potential.uncertainty.npv_risk")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_bad_input_in_english(dataset):
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError) as info:
        npv_risk(dataset, grant_probability=1.5)
    assert str(info.value) == "grant_probability: expected a probability between 0 and 1, got 1.5"
