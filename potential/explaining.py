"""Explanations in words: why an option leads, against the runner-up and the status quo.

:func:`why` compares a body's top option with its runner-up and with going on alone,
criterion by criterion (the contributions of ``Analysis.contributions``), and names the two
or three criteria that separate them most. Options whose scores differ by less than
:data:`NEAR_TIE` points count as equally good ("gleichwertig"), not as "best option".
"""

from __future__ import annotations

import math

from potential.options import STAND_ALONE

#: scores closer than this (on the 0–1 scale; 0.5 points of 100) are called equally good
NEAR_TIE = 0.005


def _n(value, digits, lang):
    from potential.report.text import number

    return number(value, digits, lang)


def _label(analysis, row, lang):
    from potential.labels import option_label

    return option_label(analysis.dataset, row, lang)


def separating(analysis, body: str, first: str, second: str, n: int = 3):
    """The ``n`` criteria whose contributions differ most between two options of a body.

    Returns
    -------
    list of (criterion id, difference of contributions first − second)
    """
    c = analysis.contributions
    c = c[c["body"] == body]
    a = c[c["option"] == first].set_index("criterion")["contribution"]
    b = c[c["option"] == second].set_index("criterion")["contribution"]
    diff = (a - b).reindex(a.index)
    order = diff.abs().sort_values(ascending=False, kind="stable").index[:n]
    return [(k, float(diff[k])) for k in order if abs(diff[k]) > 1e-12]


def _reasons(analysis, items, lang):
    from potential.labels import column

    parts = []
    for criterion, d in items:
        name = column(criterion, lang, analysis.criteria).split(" (")[0]
        parts.append(f"{name} ({'+' if d >= 0 else '−'}{_n(abs(d), 3, lang)})")
    if not parts:
        return "–"
    glue = " und " if lang == "de" else " and "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + glue + parts[-1]


def versus_alone(analysis, body: str, option: str, lang: str = "de", n: int = 2) -> str:
    """The ``n`` criteria that separate an option most from going on alone, in words.

    Each with the difference of its contribution in points (option − stand-alone), e.g.
    ``"Vertretbarkeit (+0,087) und Steuerung behalten (−0,020)"``: what puts the option
    ahead of (or behind) the status quo, not what makes up its score.
    """
    return _reasons(analysis, separating(analysis, body, option, STAND_ALONE, n=n), lang)


def _money(row, lang):
    value = row.get("npv", float("nan"))
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    word = "Kapitalwert" if lang == "de" else "NPV"
    return f", {word} {_n(value, 0, lang)} €"


def why(analysis, body: str, lang: str = "de", threshold: float = NEAR_TIE) -> str:
    """A few sentences on why the body's top option leads (German by default).

    Parameters
    ----------
    analysis : potential.analysis.Analysis
    body : str
        Body id (ranked).
    lang : {"de", "en"}
    threshold : float
        Score differences below this count as a near-tie ("gleichwertig").

    Returns
    -------
    str
    """
    de = lang == "de"
    r = analysis.ranking[analysis.ranking["body"] == body].sort_values("rank")
    name = r["body_name"].iloc[0]
    top, second = r.iloc[0], r.iloc[1] if len(r) > 1 else None
    alone = r[r["option"] == STAND_ALONE].iloc[0]
    pts = "Punkte" if de else "points"
    lines = []
    if top["option"] == STAND_ALONE:
        best = r[r["option"] != STAND_ALONE].iloc[0] if len(r) > 1 else None
        if de:
            lines.append(
                f"Für {name} lohnt sich keine der geprüften Kooperationen: der Alleingang hat "
                f"die höchste Punktzahl ({_n(top['score'], 3, lang)} {pts})."
            )
        else:
            lines.append(
                f"For {name}, none of the cooperations examined pays: going on alone scores "
                f"highest ({_n(top['score'], 3, lang)} {pts})."
            )
        if best is not None:
            items = separating(analysis, body, STAND_ALONE, best["option"])
            lines.append(
                (
                    f"Die beste Kooperation, {_label(analysis, best, lang)} "
                    f"({_n(best['score'], 3, lang)} {pts}{_money(best, lang)}), liegt vor allem "
                    f"zurück bei: {_reasons(analysis, items, lang)}."
                )
                if de
                else (
                    f"The best cooperation, {_label(analysis, best, lang)} "
                    f"({_n(best['score'], 3, lang)} {pts}{_money(best, lang)}), falls behind "
                    f"mainly on: {_reasons(analysis, items, lang)}."
                )
            )
        return " ".join(lines)
    tied = (
        second is not None
        and second["option"] != STAND_ALONE
        and top["score"] - second["score"] < threshold
    )
    head = _label(analysis, top, lang)
    if tied:
        lines.append(
            (
                f"Für {name} sind {head} ({_n(top['score'], 3, lang)} {pts}{_money(top, lang)}) "
                f"und {_label(analysis, second, lang)} ({_n(second['score'], 3, lang)} {pts}"
                f"{_money(second, lang)}) gleichwertig: sie liegen weniger als "
                f"{_n(threshold * 100, 1, lang)} von 100 Punkten auseinander."
            )
            if de
            else (
                f"For {name}, {head} ({_n(top['score'], 3, lang)} {pts}{_money(top, lang)}) "
                f"and {_label(analysis, second, lang)} ({_n(second['score'], 3, lang)} {pts}"
                f"{_money(second, lang)}) are equally good: less than "
                f"{_n(threshold * 100, 1, lang)} of 100 points apart."
            )
        )
    else:
        lines.append(
            (
                f"Für {name} liegt {head} vorn ({_n(top['score'], 3, lang)} {pts}"
                f"{_money(top, lang)})."
            )
            if de
            else (
                f"For {name}, {head} leads ({_n(top['score'], 3, lang)} {pts}{_money(top, lang)})."
            )
        )
        if second is not None and second["option"] != STAND_ALONE:
            items = separating(analysis, body, top["option"], second["option"])
            lines.append(
                (
                    f"Vor {_label(analysis, second, lang)} ({_n(second['score'], 3, lang)} "
                    f"{pts}) liegt sie vor allem wegen: {_reasons(analysis, items, lang)}."
                )
                if de
                else (
                    f"Ahead of {_label(analysis, second, lang)} ({_n(second['score'], 3, lang)} "
                    f"{pts}) mainly because of: {_reasons(analysis, items, lang)}."
                )
            )
    items = separating(analysis, body, top["option"], STAND_ALONE)
    lines.append(
        (
            f"Gegenüber dem Alleingang ({_n(alone['score'], 3, lang)} {pts}) geben den "
            f"Ausschlag: {_reasons(analysis, items, lang)}."
        )
        if de
        else (
            f"Against going on alone ({_n(alone['score'], 3, lang)} {pts}) the difference is "
            f"made by: {_reasons(analysis, items, lang)}."
        )
    )
    if top.get("npv", 0) < 0:
        lines.append(
            "Ihr Kapitalwert ist negativ: sie ist nur qualitativ begründet, der Rat müsste "
            "den Verlust bewusst in Kauf nehmen."
            if de
            else "Its net present value is negative: it rests on the qualitative criteria "
            "alone, and the council would have to accept the loss knowingly."
        )
    return " ".join(lines)
