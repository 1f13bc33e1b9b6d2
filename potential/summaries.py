"""Summaries of an analysis for the people it is handed to: best options per body and field.

Pure functions on the tables of :class:`potential.analysis.Analysis`; the workbook's overview
sheet, the charts and the report are built from them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from potential.options import STAND_ALONE

#: Columns of :func:`best_per_field`.
BEST_COLUMNS = [
    "body", "body_name", "field", "option", "legal_form", "partners", "lead", "score", "rank",
    "benefit",
]  # fmt: skip


def best_per_field(ranking: pd.DataFrame, fields: Sequence[str] | None = None) -> pd.DataFrame:
    """Each body's best-ranked cooperation option in each field.

    Parameters
    ----------
    ranking : pandas.DataFrame
        :attr:`potential.analysis.Analysis.ranking` (needs ``body``, ``body_name``,
        ``option``, ``field``, ``legal_form``, ``partners``, ``lead``, ``score``, ``rank``,
        ``benefit``).
    fields : sequence of str, optional
        Order of the fields (e.g. the dataset's); default the order of first appearance.

    Returns
    -------
    pandas.DataFrame
        One row per (body, field) in which the body has an option, columns
        :data:`BEST_COLUMNS`: the option with the smallest rank (ties: the first in the
        ranking's order). Bodies keep the ranking's order, fields the order ``fields``
        gives (fields not in it last, in order of first appearance). Stand-alone is not a
        field and is left out.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"body": ["a"] * 3, "body_name": ["A"] * 3,
    ...     "option": ["it/x", "it/y", "alleingang"], "field": ["it", "it", ""],
    ...     "legal_form": ["x", "y", ""], "partners": ["a;b"] * 2 + ["a"], "lead": [""] * 3,
    ...     "score": [0.5, 0.7, 0.1], "rank": [2, 1, 3], "benefit": [0.4, 0.6, 0.0]})
    >>> best_per_field(r)["option"].tolist()
    ['it/y']
    """
    coop = ranking[ranking["option"] != STAND_ALONE]
    field_order = list(dict.fromkeys([*(fields or ()), *coop["field"]]))
    body_order = list(dict.fromkeys(ranking["body"]))
    best = coop.sort_values("rank", kind="stable").drop_duplicates(["body", "field"])
    best = best.assign(
        _b=best["body"].map({b: i for i, b in enumerate(body_order)}),
        _f=best["field"].map({f: i for i, f in enumerate(field_order)}),
    ).sort_values(["_b", "_f"], kind="stable")
    return best[BEST_COLUMNS].reset_index(drop=True)


def best_score_matrix(ranking: pd.DataFrame, fields: Sequence[str] | None = None) -> pd.DataFrame:
    """Bodies × fields: the score of each body's best option in the field (NaN: none).

    Parameters
    ----------
    ranking : pandas.DataFrame
        :attr:`potential.analysis.Analysis.ranking`.
    fields : sequence of str, optional
        The columns, in this order (e.g. the dataset's fields); a field without any option
        (e.g. one an existing cooperation already covers for everyone) is an all-NaN column.
        Fields with options that are not listed follow.

    Returns
    -------
    pandas.DataFrame
        Indexed by body id (ranking order), one column per field id.
    """
    best = best_per_field(ranking, fields)
    matrix = best.pivot(index="body", columns="field", values="score")
    bodies = list(dict.fromkeys(best["body"]))
    columns = list(dict.fromkeys([*(fields or ()), *best["field"]]))
    return matrix.reindex(index=bodies, columns=columns)


def best_per_body(ranking: pd.DataFrame, n: int = 1) -> pd.DataFrame:
    """The ``n`` best options of every body (rows of the ranking, rank order).

    Parameters
    ----------
    ranking : pandas.DataFrame
        :attr:`potential.analysis.Analysis.ranking`.
    n : int
        How many per body.

    Returns
    -------
    pandas.DataFrame
        The ranking's rows with ``rank <= n``, in the ranking's order.
    """
    return ranking[ranking["rank"] <= n].reset_index(drop=True)
