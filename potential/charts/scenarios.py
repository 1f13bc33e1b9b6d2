"""Charts of a scenario comparison: how a body's options move between scenarios."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation

from potential import labels
from potential.charts._common import (
    GREY,
    OKABE_ITO,
    body_name,
    check_body,
    check_columns,
    check_lang,
    literal_text,
    new_axes,
    text,
    unclutter,
    wrap,
)
from potential.errors import InputError
from potential.messages import message

__all__ = ["rank_slope"]

#: Movement from the first to the last scenario that ranks the option → (colour, de, en).
MOVEMENT_STYLE = {
    "up": (OKABE_ITO[0], "aufgestiegen", "moved up"),
    "down": (OKABE_ITO[5], "abgestiegen", "moved down"),
    "same": ("#666666", "gleich", "unchanged"),
    "gap": (OKABE_ITO[3], "nicht in jedem Szenario", "not in every scenario"),
}

_LABEL_SIZE = 7.5


@literal_text
def rank_slope(
    ranks,
    body: str,
    n: int = 10,
    ax=None,
    lang: str = "de",
    dataset=None,
    titles: Mapping[str, str] | None = None,
):
    """Slope chart: a body's option ranks, scenario by scenario.

    Parameters
    ----------
    ranks : pandas.DataFrame or potential.scenarios.comparison.Comparison
        :attr:`Comparison.ranks <potential.scenarios.comparison.Comparison>`: ``body``,
        ``option``, ``scenario``, ``rank`` (``body_name``, ``field``, ``legal_form``,
        ``partners`` used when present), one row per (body, option, scenario). The
        scenarios are shown in the order of their categories if ``scenario`` is categorical,
        else in order of first appearance. A ``Comparison`` stands for its ``ranks``, with
        its scenario order and, where it remembers its runs, their titles.
    body : str
        Body id.
    n : int
        Options in the top ``n`` (rank ≤ ``n``) of any scenario get a line.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}
    dataset : potential.models.Dataset, optional
        Gives readable option labels (:func:`potential.labels.option_label`); default the
        option ids.
    titles : mapping of str to str, optional
        Scenario name → label on the x axis; default the names (or the runs' titles).

    Returns
    -------
    matplotlib.axes.Axes
        One line per option in ``ax.lines`` (x = scenario position 0, 1, ..., y = rank, NaN
        where the scenario does not rank the option, which leaves a gap), in the order of
        the first scenario's ranks, with the option id as the line's label; the y axis is
        inverted (rank 1 on top). Each line is labelled at its last point; its colour says
        whether the option moved up or down from its first to its last scenario.
    """
    check_lang(lang)
    if int(n) < 1:
        raise InputError(message("charts.at_least", least=1, value=n), "n")
    scenarios, titles = _scenarios(ranks, titles)
    if hasattr(ranks, "ranks"):
        ranks = ranks.ranks
    check_columns(ranks, ["body", "option", "scenario", "rank"], "ranks")
    if scenarios is None:
        col = ranks["scenario"]
        scenarios = (
            list(col.cat.categories)
            if isinstance(col.dtype, pd.CategoricalDtype)
            else list(dict.fromkeys(col))
        )
    rows = check_body(ranks, body, "ranks")
    if rows.duplicated(["option", "scenario"]).any():
        raise InputError(message("charts.rank_twice"), "ranks")
    wide = rows.pivot(index="option", columns="scenario", values="rank")
    wide = wide.reindex(columns=scenarios).astype(float)
    keep = (wide <= int(n)).any(axis=1)
    wide = wide[keep].sort_values(list(wide.columns), kind="stable", na_position="last")

    names = _option_labels(rows, wide.index, dataset, lang)
    x = np.arange(len(scenarios), dtype=float)
    max_rank = float(np.nanmax(wide.to_numpy())) if len(wide) else float(n)
    lines = [name.count("\n") + 1 for name in names.values()] or [1]
    # room for the labels: every rank tall enough for the longest label (inches)
    per_rank = max(0.18, max(lines) * _LABEL_SIZE * 1.25 / 72.0)
    height = min(14.0, max(4.5, 1.9 + 0.16 * sum(lines), 1.9 + per_rank * min(max_rank, 2 * n)))
    ax = new_axes(ax, figsize=(3.0 + 1.9 * len(scenarios) + 3.2, height))
    ax.set_ylim(max_rank + 0.5, 0.5)  # inverted: rank 1 on top
    ax.set_xlim(-0.2, x[-1] + 0.2 if len(x) > 1 else 0.2)

    ends = []
    for option, y in wide.iterrows():
        y = y.to_numpy(dtype=float)
        colour = MOVEMENT_STYLE[_movement(y)][0]
        ax.plot(x, y, color=colour, marker="o", markersize=4, linewidth=1.6, label=option)
        last = int(np.flatnonzero(np.isfinite(y))[-1])
        ends.append((x[last], y[last], names[option], colour))
    _label_ends(ax, ends)

    tick_labels = [wrap((titles or {}).get(s, s), 16) for s in scenarios]
    ax.set_xticks(x, tick_labels)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(text("slope_x", lang))
    ax.set_ylabel(text("slope_y", lang))
    ax.set_title(
        f"{text('slope_title', lang)} – {body_name(rows, body)}", loc="left", fontweight="bold"
    )
    ax.grid(axis="x", color=GREY, linewidth=0.6)
    unclutter(ax)
    i = 1 if lang == "de" else 2
    shown = {_movement(y.to_numpy(dtype=float)) for _, y in wide.iterrows()}
    handles = [
        Line2D([], [], color=style[0], marker="o", markersize=4, label=style[i])
        for key, style in MOVEMENT_STYLE.items()
        if key in shown
    ]
    # below the tick labels and the x label: their height in points, as a figure offset
    below = 12.0 * max(t.count("\n") + 1 for t in tick_labels) + 30.0
    shift = ScaledTranslation(0, -below / 72.0, ax.figure.dpi_scale_trans)
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        bbox_transform=ax.transAxes + shift,
        ncols=max(len(handles), 1),
        frameon=False,
        fontsize=8,
    )
    return ax


def _scenarios(ranks, titles):
    """Scenario order and titles a Comparison knows (else None and the titles given)."""
    if not hasattr(ranks, "ranks"):
        return None, titles
    known = {}
    for run in getattr(ranks, "runs", ()):
        scenario = getattr(run, "scenario", None)
        if scenario is not None:
            known[run.name] = scenario.label
    return list(ranks.scenarios), {**known, **(titles or {})}


def _movement(y: np.ndarray) -> str:
    """``up``/``down``/``same`` from the first to the last rank, ``gap`` if any is missing."""
    if not np.isfinite(y).all():
        return "gap"
    change = y[0] - y[-1]
    return "up" if change > 0 else "down" if change < 0 else "same"


def _option_labels(rows: pd.DataFrame, options, dataset, lang: str) -> dict[str, str]:
    if dataset is None or not {"field", "legal_form", "partners"} <= set(rows.columns):
        return {o: str(o) for o in options}
    first = rows.drop_duplicates("option").set_index("option")
    out = {}
    for option in options:
        row = {"option": option, **first.loc[option, ["field", "legal_form", "partners"]]}
        out[option] = wrap(labels.option_label(dataset, row, lang), 56)
    return out


def _label_ends(ax, ends) -> None:
    """Write each line's label right of its last point, pushed apart so they do not overlap.

    Labels ending at the same x are spread vertically with at least their own height
    between them (estimated from the Axes' current height); a label that had to move is
    joined to its point by a thin leader line.
    """
    fig = ax.figure
    height_pt = ax.get_position().height * fig.get_figheight() * 72.0
    low, high = ax.get_ylim()
    pt_per_rank = height_pt / abs(low - high)
    by_x: dict[float, list] = {}
    for end in ends:
        by_x.setdefault(end[0], []).append(end)
    for group in by_x.values():
        group.sort(key=lambda e: e[1])
        previous = None  # (position in points below the top, half height)
        for xe, ye, label, colour in group:
            half = 0.5 * _LABEL_SIZE * 1.25 * (label.count("\n") + 1)
            want = (ye - min(low, high)) * pt_per_rank
            pos = want if previous is None else max(want, previous[0] + previous[1] + half)
            previous = (pos, half)
            moved = pos - want > 0.5
            ax.annotate(
                label,
                (xe, ye),
                xytext=(10, -(pos - want)),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=_LABEL_SIZE,
                color="black",
                annotation_clip=False,
                arrowprops={
                    "arrowstyle": "-",
                    "color": colour,
                    "linewidth": 0.6,
                    "shrinkA": 0,
                    "shrinkB": 2,
                }
                if moved
                else None,
            )
