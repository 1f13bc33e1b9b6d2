"""Where every number comes from: the table behind ``potential data sources``.

Each default value of a dataset, of a criteria model and of the analysis itself is listed
with either a source (id, grade, title, URL) or the word *assumption* and its rationale.
"""

from __future__ import annotations

import pandas as pd

from potential.criteria import CriteriaModel
from potential.models import Dataset

COLUMNS = ["table", "item", "parameter", "value", "unit", "status", "source", "reference"]
#: extra columns with ``ranges=True``: the recorded uncertainty range of a parameter
RANGE_COLUMNS = ["low", "high"]


def sources_table(
    dataset: Dataset, criteria: CriteriaModel | None = None, *, ranges: bool = False
) -> pd.DataFrame:
    """Every number with its source or assumption.

    Parameters
    ----------
    dataset : Dataset
        The dataset whose figures are listed.
    criteria : CriteriaModel, optional
        A criteria model whose weights are listed too.
    ranges : bool
        Add the columns ``low`` and ``high``: the range a parameter table records for a
        value (blank where none is recorded). Its basis is in ``reference`` (the note or the
        assumption's rationale). Off by default so that the eight columns stay as before.

    Returns
    -------
    pandas.DataFrame
        Columns ``table``, ``item``, ``parameter``, ``value``, ``unit``, ``status``
        (``source`` or ``assumption``), ``source`` (source ids) and ``reference`` (source
        titles and URLs, or the assumption's rationale); with ``ranges``, also ``low`` and
        ``high``.
    """
    src = {s.id: s for s in dataset.sources}

    def cite(ids) -> str:
        ids = [ids] if isinstance(ids, str) else list(ids)
        return " | ".join(f"[{src[i].grade}] {src[i].title} <{src[i].url}>" for i in ids)

    rows = []
    bounds: dict[int, tuple[float, float]] = {}

    def add(table, item, parameter, value, unit, source=(), assumption=None, note=None):
        if assumption:
            status, ref = "assumption", assumption
        else:
            status, ref = "source", cite(source)
        if note:
            ref = f"{ref} ({note})"
        ids = ";".join([source] if isinstance(source, str) else source)
        rows.append([table, item, parameter, value, unit, status, ids, ref])

    for b in dataset.bodies:
        add(
            "bodies.csv",
            b.id,
            "population",
            b.population,
            f"inhabitants at {b.population_date}",
            b.population_source,
        )
        add("bodies.csv", b.id, "area_km2", b.area_km2, "km²", b.area_source)
    for table, params in (
        ("parameters.csv", dataset.parameters),
        ("field_parameters.csv", dataset.field_parameters),
        ("legal_form_parameters.csv", dataset.legal_form_parameters),
    ):
        for p in params:
            value = p.value.isoformat() if hasattr(p.value, "isoformat") else p.value
            if p.low is not None:
                bounds[len(rows)] = (p.low, p.high)
            add(table, p.owner, p.parameter, value, p.unit, p.source, p.assumption, p.note)
    for o in dataset.obligations:
        add("obligations.csv", o.id, "in_force", o.in_force.isoformat(), "date", o.source)
        add("obligations.csv", o.id, "weight", o.weight, "weight", o.source, o.assumption)
    for bf in dataset.body_fields:
        for name in ("annual_cost_eur", "fte", "leaving_share"):
            value = getattr(bf, name)
            if value is not None:
                rows.append(
                    [
                        "body_fields.csv",
                        f"{bf.body}/{bf.field}",
                        name,
                        value,
                        "",
                        "reported",
                        "",
                        bf.source,
                    ]
                )
    for fu in dataset.fulfilment:
        rows.append(
            [
                "fulfilment.csv",
                f"{fu.body}/{fu.obligation}",
                "fulfilment",
                fu.fulfilment,
                "share",
                "reported",
                "",
                fu.source,
            ]
        )
    if criteria is not None:
        table = f"criteria:{criteria.id}"
        status = "assumption" if criteria.assumption else "source"
        ref = criteria.assumption or criteria.source
        for g in criteria.groups:
            rows.append([table, g.id, "group_weight", g.weight, "weight", status, "", ref])
            for c in g.criteria:
                rows.append([table, c.id, "weight", c.weight, "weight in group", status, "", ref])
    from potential.analysis import METHOD_DEFAULTS

    for method, params in METHOD_DEFAULTS.items():
        add(
            "analysis",
            method,
            "value_floor",
            params["value_floor"],
            "0–1",
            (),
            "the weighted product needs positive values; the worst value maps to 0.1 so that "
            "it does not veto an option (docs/method.md)",
        )
    table = pd.DataFrame(rows, columns=COLUMNS)
    if ranges:
        table["low"] = [bounds.get(i, (None, None))[0] for i in range(len(rows))]
        table["high"] = [bounds.get(i, (None, None))[1] for i in range(len(rows))]
        table[RANGE_COLUMNS] = table[RANGE_COLUMNS].astype(float)
    return table
