"""One body's weight sensitivity, from an analysis: tornado table and stability intervals."""

from __future__ import annotations

import pandas as pd

from potential.errors import InputError
from potential.messages import message


def body_tornado(analysis, body: str, option: str | None = None, step: float = 0.1):
    """How much one option's score moves for a body when each weight moves by ``step``.

    Parameters
    ----------
    analysis : potential.analysis.Analysis
        The analysis (its dataset, indicator table, criteria model, method and parameters
        are used again, so the table matches its ranking).
    body : str
        Body id.
    option : str, optional
        Option id; default the body's top-ranked option.
    step : float
        Relative change of each weight, in (0, 1) (:func:`~potential.uncertainty.sensitivity`).

    Returns
    -------
    pandas.DataFrame
        :func:`~potential.uncertainty.tornado_table` for the option, indexed by criterion
        (``base``, ``minus``, ``plus``, ``low``, ``high``, ``swing``); ``attrs`` holds
        ``body``, ``option`` and ``step``.

    Raises
    ------
    InputError
        An unknown body, a body that is not ranked, or an option the body takes no part in.
    """
    from potential.uncertainty.stability import sensitivity, tornado_table

    ranking = analysis.ranking
    rows = ranking[ranking["body"] == body]
    if rows.empty:
        known = ", ".join(dict.fromkeys(ranking["body"]))
        raise InputError(message("analysis.not_ranked", body=body, known=known))
    if option is None:
        option = rows.sort_values("rank", kind="stable")["option"].iloc[0]
    elif option not in set(rows["option"]):
        known = ", ".join(dict.fromkeys(rows["option"]))
        raise InputError(
            message("uncertainty.body_not_in_option", body=body, option=option, known=known)
        )
    matrix, objectives, weights, params = body_problem(analysis, body)
    frame = sensitivity(matrix, objectives, weights, analysis.method, step=step, **params)
    table: pd.DataFrame = tornado_table(frame, option)
    table.attrs.update(body=body, option=option, step=step)
    return table


def body_stability_intervals(analysis, body: str, tol: float = 1e-9):
    """How far each weight may move before a body's top option changes.

    :func:`~potential.uncertainty.stability_intervals` on the body's decision matrix, with
    the analysis' weights for the body, method and parameters.

    Parameters
    ----------
    analysis : potential.analysis.Analysis
    body : str
        Body id.
    tol : float
        Tolerance of the interval ends (numerical methods).

    Returns
    -------
    pandas.DataFrame
        As :func:`~potential.uncertainty.stability_intervals` returns it.

    Raises
    ------
    InputError
        A body that is not ranked.
    """
    from potential.uncertainty.stability import stability_intervals

    if body not in set(analysis.ranking["body"]):
        known = ", ".join(dict.fromkeys(analysis.ranking["body"]))
        raise InputError(message("analysis.not_ranked", body=body, known=known))
    matrix, objectives, weights, params = body_problem(analysis, body)
    return stability_intervals(matrix, objectives, weights, analysis.method, tol=tol, **params)


def body_problem(analysis, body: str):
    """One body's decision problem exactly as the analysis ranked it.

    The body's decision matrix, the criteria's directions, the body's weights and the
    method's parameters. With the analysis' ``scales="fixed"`` the matrix is clipped to the
    criteria's anchored scales and ``wsm`` and ``wpm`` get their bounds, as in
    :func:`potential.analysis.rank_bodies`, so results computed from it match the ranking.

    Returns
    -------
    tuple
        ``(matrix, objectives, weights, params)``.
    """
    from potential.analysis import (
        FIXED_SCALE_METHODS,
        anchored,
        body_weight_vector,
        decision_matrices_for,
    )

    model = analysis.criteria
    matrix = decision_matrices_for(analysis.dataset, analysis.indicators, model, body)
    params = dict(analysis.params)
    if getattr(analysis, "scales", "minmax") == "fixed":
        matrix, bounds, _ = anchored(matrix, model)
        if analysis.method in FIXED_SCALE_METHODS:
            params = {"bounds": bounds, **params}
    return matrix, [c.direction for c in model.criteria], body_weight_vector(model, body), params
