"""Indicator ranges from the parameter ranges a dataset records as uncertain.

A parameter row may carry ``low`` and ``high`` (see :class:`potential.models.Parameter`).
:func:`indicator_ranges` turns these into a range of every indicator of every (body, option):

* **One at a time.** Each uncertain parameter is set to its ``low`` and then to its ``high``
  while every other parameter keeps its nominal value; the indicators are recomputed with
  :func:`potential.indicators.indicator_table` on the modified dataset.
* **Envelope.** An indicator's range is the minimum and maximum over the nominal run and
  all these runs.

This is a one-at-a-time envelope: it ignores interactions (two parameters at their bounds
together may push an indicator further, e.g. cost per capita × savings cap) and correlations
between parameters and between cells. :func:`potential.uncertainty.bodies.smaa_by_body`
with ``values="dataset"`` then samples each cell independently and uniformly in its
envelope, so it treats the cells as unrelated.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from potential.indicators import INDICATORS, indicator_table
from potential.models import Dataset

#: (dataset attribute, table file) of the parameter tables that may carry ranges
_TABLES = (
    ("parameters", "parameters.csv"),
    ("field_parameters", "field_parameters.csv"),
    ("legal_form_parameters", "legal_form_parameters.csv"),
)


def uncertain_parameters(dataset: Dataset) -> pd.DataFrame:
    """The parameters with a recorded range ``low < high``.

    Returns
    -------
    pandas.DataFrame
        Columns ``table``, ``owner``, ``parameter``, ``value``, ``low``, ``high``.
    """
    rows = [
        {
            "table": name,
            "owner": p.owner,
            "parameter": p.parameter,
            "value": p.value,
            "low": p.low,
            "high": p.high,
        }
        for attr, name in _TABLES
        for p in getattr(dataset, attr)
        if p.has_range
    ]
    return pd.DataFrame(rows, columns=["table", "owner", "parameter", "value", "low", "high"])


def with_parameter(dataset: Dataset, attr: str, owner: str, name: str, value: float) -> Dataset:
    """A copy of ``dataset`` with one parameter of table ``attr`` set to ``value``."""
    params = tuple(
        p.model_copy(update={"value": float(value)})
        if p.owner == owner and p.parameter == name
        else p
        for p in getattr(dataset, attr)
    )
    return dataset.model_copy(update={attr: params})


def indicator_ranges(
    dataset: Dataset, options: pd.DataFrame, reference_date: dt.date, economics=None
) -> pd.DataFrame:
    """Low and high of every indicator over the dataset's uncertain parameters.

    One-at-a-time envelope (see the module notes): each parameter with a range goes to its
    ``low`` and its ``high`` with the others nominal; the envelope includes the nominal value.

    Parameters
    ----------
    dataset : Dataset
        The dataset (its parameter tables' ``low`` and ``high``).
    options : pandas.DataFrame
        Options from :func:`potential.options.generate_options` (kept fixed).
    reference_date : datetime.date
        As for :func:`potential.indicators.indicator_table`.
    economics : mapping, optional
        Overrides of the Wirtschaftlichkeitsvergleich's settings for every run (as for
        :func:`potential.indicators.indicator_table`); a setting it fixes does not vary with
        the dataset parameter behind it. An ``EconomicSettings`` object fixes them all.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per (body, option, indicator) with ``nominal``, ``low`` and ``high``,
        in the order of :func:`~potential.indicators.indicator_table` and
        :data:`~potential.indicators.INDICATORS`.
    """
    nominal = indicator_table(dataset, options, reference_date, economics)
    values = nominal[list(INDICATORS)].to_numpy(dtype=float)
    low, high = values.copy(), values.copy()
    attrs = dict((name, attr) for attr, name in _TABLES)
    for row in uncertain_parameters(dataset).itertuples(index=False):
        for bound in (row.low, row.high):
            varied = with_parameter(dataset, attrs[row.table], row.owner, row.parameter, bound)
            table = indicator_table(varied, options, reference_date, economics)
            if not (
                table["body"].equals(nominal["body"]) and table["option"].equals(nominal["option"])
            ):  # pragma: no cover - indicator_table keeps its row order
                raise RuntimeError("indicator rows changed order between runs")
            other = table[list(INDICATORS)].to_numpy(dtype=float)
            np.minimum(low, other, out=low)
            np.maximum(high, other, out=high)
    n = len(nominal)
    k = len(INDICATORS)
    return pd.DataFrame(
        {
            "body": np.repeat(nominal["body"].to_numpy(), k),
            "option": np.repeat(nominal["option"].to_numpy(), k),
            "indicator": np.tile(np.array(list(INDICATORS), dtype=object), n),
            "nominal": values.ravel(),
            "low": low.ravel(),
            "high": high.ravel(),
        }
    )
