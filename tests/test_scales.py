"""Anchored value scales: an option's score depends only on its own values."""

from __future__ import annotations

import pandas as pd
import pytest

import potential
from potential.criteria import load_criteria
from potential.datasets import load_dataset
from potential.errors import InputError


def _with_rules(**rules):
    ds = load_dataset()
    options = ds.meta.options.model_copy(update=rules)
    return ds.model_copy(update={"meta": ds.meta.model_copy(update={"options": options})})


def _scores(result):
    return result.ranking.set_index(["body", "option"])["score"]


@pytest.mark.parametrize("removed", ["gmbh", "gku", "arbeitsgemeinschaft", "oerv_mandat"])
def test_removing_a_legal_form_leaves_every_other_score_unchanged(default_analysis, removed):
    forms = [f.id for f in load_dataset().legal_forms if f.id != removed]
    reduced = potential.analyse(_with_rules(legal_forms=tuple(forms)))
    full, less = _scores(default_analysis), _scores(reduced)
    assert len(less) < len(full)
    common = full.loc[less.index]
    assert (common - less).abs().max() < 1e-9


def test_wpm_on_the_anchors_does_not_move_when_a_legal_form_goes():
    # the weighted product scores on the anchored scales too (0.1 + 0.9 v), so an option's
    # score depends on its own values only, as with the weighted sum
    forms = [f.id for f in load_dataset().legal_forms if f.id != "gmbh"]
    full = _scores(potential.analyse(method="wpm"))
    less = _scores(potential.analyse(_with_rules(legal_forms=tuple(forms)), method="wpm"))
    assert len(less) < len(full)
    assert (full.loc[less.index] - less).abs().max() < 1e-9


def test_removing_a_field_leaves_every_other_score_unchanged(default_analysis):
    fields = [f.id for f in load_dataset().fields if f.id != "it"]
    reduced = potential.analyse(_with_rules(fields=tuple(fields)))
    full, less = _scores(default_analysis), _scores(reduced)
    assert (full.loc[less.index] - less).abs().max() < 1e-9


def test_minmax_scales_are_still_available_and_do_move(default_analysis):
    forms = [f.id for f in load_dataset().legal_forms if f.id != "gmbh"]
    full = _scores(potential.analyse(scales="minmax"))
    less = _scores(potential.analyse(_with_rules(legal_forms=tuple(forms)), scales="minmax"))
    assert (full.loc[less.index] - less).abs().max() > 1e-3  # the known rank-reversal effect


def test_score_is_the_weighted_sum_on_the_anchors_by_hand(default_analysis):
    model = default_analysis.criteria
    weights = model.weights()
    row = default_analysis.ranking.iloc[0]
    total = 0.0
    for c in model.criteria:
        worst, best = c.scale.worst, c.scale.best
        x = min(max(row[c.id], min(worst, best)), max(worst, best))
        total += weights[c.id] * (x - worst) / (best - worst)
    assert row["score"] == pytest.approx(total, abs=1e-12)


def test_status_quo_scores_the_same_for_every_body(default_analysis):
    alone = default_analysis.ranking.query("option == 'alleingang'")["score"]
    # Kapitalwert 0 is half the scale (0.28 / 2), no burden (0.07), no time (0.06),
    # full control (0.08), no procurement risk (0.06)
    assert alone.to_numpy() == pytest.approx([0.14 + 0.07 + 0.06 + 0.08 + 0.06] * len(alone))


def test_clipped_values_are_flagged(default_analysis):
    r = default_analysis.ranking
    flagged = r[r["clipped"].str.contains("npv_per_capita")]
    assert len(flagged) and (flagged["npv_per_capita"].abs() > 30).all()
    assert (r.loc[r["clipped"] == "", "npv_per_capita"].abs() <= 30).all()


def test_a_model_without_scales_needs_minmax(tmp_path):
    text = load_criteria("ikz-egov-nrw").model_dump(mode="json", exclude_none=True)
    for g in text["groups"]:
        for c in g["criteria"]:
            c.pop("scale", None)
    import yaml

    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(text, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="haben keine Skala 'scale'"):
        potential.analyse(criteria=path)
    assert isinstance(potential.analyse(criteria=path, scales="minmax").ranking, pd.DataFrame)


def test_scale_must_point_the_criterion_s_way(tmp_path):
    text = load_criteria("ikz-egov-nrw").model_dump(mode="json", exclude_none=True)
    text["groups"][0]["criteria"][0]["scale"] = {"worst": 30, "best": -30, "rationale": "x"}
    import yaml

    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(text, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="muss 'worst' unter 'best' liegen"):
        load_criteria(path)
