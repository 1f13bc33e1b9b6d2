"""One body's weight sensitivity: the tornado table of its best option, from an analysis."""

from __future__ import annotations

import pandas as pd

from potential.errors import InputError


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
    from potential.analysis import body_weight_vector, decision_matrices_for
    from potential.uncertainty.stability import sensitivity, tornado_table

    ranking = analysis.ranking
    rows = ranking[ranking["body"] == body]
    if rows.empty:
        known = ", ".join(dict.fromkeys(ranking["body"]))
        raise InputError(f"body {body!r} is not ranked; expected one of {known}")
    if option is None:
        option = rows.sort_values("rank", kind="stable")["option"].iloc[0]
    elif option not in set(rows["option"]):
        raise InputError(f"body {body!r} takes no part in option {option!r}")
    model = analysis.criteria
    matrix = decision_matrices_for(analysis.dataset, analysis.indicators, model, body)
    objectives = [c.direction for c in model.criteria]
    weights = body_weight_vector(model, body)
    frame = sensitivity(matrix, objectives, weights, analysis.method, step=step, **analysis.params)
    table: pd.DataFrame = tornado_table(frame, option)
    table.attrs.update(body=body, option=option, step=step)
    return table
