"""The vectorised indicator columns against their scalar definitions (issue 17).

``_service_quality_column`` works on a rows × duties array per field and
``_scale_cost`` sums with :func:`math.fsum`; the references here are the row-by-row loops
over the documented scalar formulas (:func:`potential.indicators.service_quality`), on a
dataset whose bodies report different fulfilment, so that the column is not all zeros.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from potential.datasets import load_dataset
from potential.indicators import (
    _form_table,
    _scale_cost,
    _service_quality_column,
    body_field_inputs,
    service_quality,
    urgency,
)
from potential.options import generate_options, memberships

DATE = dt.date(2026, 11, 25)


def _with_fulfilment(folder):
    """Give every (body, duty) of the copy a fulfilment drawn with a fixed seed."""
    ds = load_dataset(folder)
    rng = np.random.default_rng(7)
    lines = ["body,obligation,fulfilment,source"]
    for body in ds.bodies:
        for duty in ds.obligations:
            lines.append(f"{body.id},{duty.id},{rng.uniform():.3f},Test")
    (folder / "fulfilment.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_dataset(folder)


def _pool(ds):
    options = generate_options(ds, DATE)
    return memberships(options).merge(_form_table(ds), on="legal_form")


def _reference_service_quality(ds, pool):
    """The former loop: one call of the scalar formula per member row."""
    horizon = float(ds.parameter("urgency_horizon_months"))
    default = float(ds.parameter("default_fulfilment"))
    done = {(f.body, f.obligation): f.fulfilment for f in ds.fulfilment}
    obligations = {o.id: o for o in ds.obligations}
    duties = {f.id: [obligations[o] for o in f.obligations] for f in ds.fields}
    best = {}
    for option, body, field in zip(pool["option"], pool["body"], pool["field"], strict=True):
        for d in duties[field]:
            f = done.get((body, d.id), default)
            best[(option, d.id)] = max(best.get((option, d.id), 0.0), f)
    out = []
    rows = zip(pool["option"], pool["body"], pool["field"], pool["pooling_factor"], strict=True)
    for option, body, field, phi in rows:
        ds_ = duties[field]
        out.append(
            service_quality(
                [d.weight for d in ds_],
                [urgency(d.in_force, DATE, horizon) for d in ds_],
                [done.get((body, d.id), default) for d in ds_],
                [best[(option, d.id)] for d in ds_],
                phi,
            )
        )
    return np.array(out)


def test_service_quality_column_equals_the_scalar_formula(dataset_copy):
    ds = _with_fulfilment(dataset_copy)
    pool = _pool(ds)
    ours = _service_quality_column(ds, pool, DATE)
    reference = _reference_service_quality(ds, pool)
    assert (reference > 0).sum() > 100  # the check is not on zeros only
    np.testing.assert_allclose(ours, reference, rtol=1e-15, atol=0)


def test_scale_cost_is_the_exact_sum_of_the_members_cost(dataset_copy):
    ds = load_dataset(dataset_copy)
    pool = _pool(ds)
    inputs = body_field_inputs(ds)
    ours = _scale_cost(ds, pool, inputs, DATE)
    cost = {
        (b, f): c for b, f, c in inputs[["body", "field", "annual_cost"]].itertuples(index=False)
    }
    served = {}
    for coop in ds.cooperations:
        if coop.field is None or coop.scope != "full" or (coop.since and coop.since > DATE):
            continue
        for m in coop.members:
            served.setdefault((m, coop.field), set()).update(coop.members)
    for i, (option, field) in enumerate(zip(pool["option"], pool["field"], strict=True)):
        members = set(pool.loc[pool["option"] == option, "body"])
        for m in list(members):
            members |= served.get((m, field), set())
        # sorted, then summed exactly: independent of the order the members come in
        assert ours[i] == math.fsum(sorted(cost[(m, field)] for m in members))
