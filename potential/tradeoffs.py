r"""Trade-off rates the weights imply, in euros (what a point is worth).

With anchored scales (``docs/method.md`` section 6) a criterion :math:`j` with weight
:math:`w_j` gives :math:`w_j` of the score over its whole span, from its worst to its best
anchor. The Kapitalwert criterion gives :math:`w_K` over a span of :math:`\Delta_K` euros per
inhabitant, so one euro per inhabitant is worth :math:`w_K / \Delta_K` of the score and the
whole span of criterion :math:`j` is worth

.. math:: e_j = \frac{w_j}{w_K} \, \Delta_K \ \text{EUR per inhabitant},

or :math:`e_j \cdot \text{population}` euros for a body. A point is a hundredth of the score;
it is worth :math:`\Delta_K / (100\, w_K)` euros per inhabitant. These are the exchange rates
the weights set; the working group sees them before it accepts the weights.
"""

from __future__ import annotations

import pandas as pd

from potential.criteria import CriteriaModel
from potential.errors import InputError
from potential.messages import message

#: indicators that carry the Kapitalwert (per inhabitant or in EUR)
NPV_INDICATORS = ("npv_per_capita", "npv")

#: indicators that are money (the rest is the qualitative part)
MONEY_INDICATORS = (
    "npv", "npv_per_capita", "annuity", "max_burden", "burden_per_capita", "net_savings",
    "one_off_cost",
)  # fmt: skip


def _number(value: float, digits: int, lang: str) -> str:
    from potential.report.text import number

    return number(value, digits, lang)


def implied_tradeoffs(
    model: CriteriaModel,
    body: str | None = None,
    population: float | None = None,
    lang: str = "de",
) -> pd.DataFrame:
    """What each criterion's span is worth in Kapitalwert, by the (body's) weights.

    Parameters
    ----------
    model : CriteriaModel
        A model with anchored scales and a Kapitalwert criterion (:data:`NPV_INDICATORS`).
    body : str, optional
        A body id: its own weights where the model has some.
    population : float, optional
        The body's population, for the amounts in euros (the Kapitalwert criterion is per
        inhabitant; for a model whose criterion is the Kapitalwert in euros, leave it out).
    lang : {"de", "en"}
        Language of ``statement``.

    Returns
    -------
    pandas.DataFrame
        One row per weighted criterion other than the Kapitalwert: ``criterion``,
        ``weight``, ``worst``, ``best``, ``unit``, ``eur_per_capita`` (the Kapitalwert per
        inhabitant its whole span is worth; EUR, for a model in euros the amount),
        ``eur`` (times ``population``; NaN without it) and ``statement`` (one sentence).

    Raises
    ------
    InputError
        The model has no weighted Kapitalwert criterion with a scale.
    """
    if lang not in ("de", "en"):
        raise InputError(message("charts.lang", value=lang, known="de, en"), "lang")
    weights = model.weights(body)
    money = [c for c in model.criteria if c.indicator in NPV_INDICATORS and weights[c.id] > 0]
    if not money or money[0].scale is None:
        raise InputError(
            message(
                "weights.tradeoff_no_npv", model=model.id, indicators=", ".join(NPV_INDICATORS)
            )
        )
    k = money[0]
    per_capita = k.indicator == "npv_per_capita"
    span = abs(k.scale.best - k.scale.worst)
    point = span / (100 * weights[k.id])
    rows = []
    for c in model.criteria:
        if c.id == k.id or weights[c.id] == 0 or c.scale is None:
            continue
        value = weights[c.id] / weights[k.id] * span
        eur = value * population if (per_capita and population is not None) else float("nan")
        label = getattr(c.label, lang)
        amount = (
            f"{_number(value, 2, lang)} € {'je Einwohner' if lang == 'de' else 'per inhabitant'}"
        )
        if not per_capita:
            amount = f"{_number(value, 0, lang)} €"
        extra = "" if eur != eur else f" ({_number(eur, 0, lang)} €)"
        unit = "" if c.unit in ("0–1", "0-1") else f" {c.unit}"
        worst, best = _number(c.scale.worst, 2, lang), _number(c.scale.best, 2, lang)
        if lang == "de":
            statement = (
                f"„{label}“ von {worst} auf {best}{unit} wiegt bei diesen Gewichten so viel "
                f"wie {amount}{extra} Kapitalwert."
            )
        else:
            statement = (
                f"'{label}' from {worst} to {best}{unit} weighs as much as {amount}{extra} "
                "of net present value with these weights."
            )
        rows.append(
            {
                "criterion": c.id,
                "weight": weights[c.id],
                "worst": c.scale.worst,
                "best": c.scale.best,
                "unit": c.unit,
                "eur_per_capita": value,
                "eur": eur,
                "statement": statement,
            }
        )
    out = pd.DataFrame(
        rows,
        columns=["criterion", "weight", "worst", "best", "unit", "eur_per_capita", "eur",
                 "statement"],
    )  # fmt: skip
    out.attrs["eur_per_point_per_capita"] = point
    return out
