"""Charts of the uncertainty analysis: SMAA rank acceptability and weight sensitivity."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib as mpl
import numpy as np
import pandas as pd

from potential import labels
from potential.charts._common import (
    GREY,
    OKABE_ITO,
    check_body,
    check_columns,
    check_lang,
    literal_text,
    lookup_names,
    new_axes,
    number,
    number_axis,
    side_legend,
    text,
    unclutter,
    wrap,
)
from potential.errors import InputError
from potential.messages import message

__all__ = ["acceptability_bars", "tornado"]


@literal_text
def acceptability_bars(
    acceptability,
    body: str,
    n: int = 8,
    max_rank: int = 5,
    names: Mapping[str, str] | None = None,
    ax=None,
    lang: str = "de",
):
    """How often each of a body's options takes rank 1, 2, ... over the SMAA samples.

    Parameters
    ----------
    acceptability : pandas.DataFrame or potential.uncertainty.bodies.BodySMAA
        Tidy rank acceptability: ``body``, ``option``, ``rank``, ``share``
        (:attr:`BodySMAA.acceptability <potential.uncertainty.bodies.BodySMAA>`). A
        ``BodySMAA`` stands for its table and gives the body's name for the title.
    body : str
        Body id.
    n : int
        How many options: those with the highest share of rank 1 (ties: the higher share of
        ranks 1 to ``max_rank``, then the table's order), highest on top.
    max_rank : int
        Ranks 1 to ``max_rank`` get a segment each; the rest of the samples is one segment
        "schlechter" (worse).
    names : mapping of str to str, optional
        Option id → label (e.g. :func:`potential.charts.option_names`); default the id.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}

    Returns
    -------
    matplotlib.axes.Axes
        One bar per option, ``max_rank + 1`` segments (one ``ax.containers`` entry per
        segment kind, rank 1 first); widths are shares in percent and add up to 100.
    """
    check_lang(lang)
    for what, value, least in (("n", n, 1), ("max_rank", max_rank, 1)):
        if int(value) < least:
            raise InputError(message("charts.at_least", least=least, value=value), what)
    title_name = body
    if hasattr(acceptability, "acceptability"):
        title_name = getattr(acceptability, "bodies", {}).get(body, body)
        acceptability = acceptability.acceptability
    check_columns(acceptability, ["body", "option", "rank", "share"], "acceptability")
    rows = check_body(acceptability, body, "acceptability")
    wide = rows.pivot_table(
        index="option", columns="rank", values="share", aggfunc="sum", sort=False
    ).fillna(0.0)
    shown = wide.reindex(columns=range(1, int(max_rank) + 1), fill_value=0.0)
    key = pd.DataFrame({"first": shown[1], "top": shown.sum(axis=1)})
    order = key.sort_values(["first", "top"], ascending=False, kind="stable").index[: int(n)]
    shares = shown.loc[order]
    rest = (1.0 - shares.sum(axis=1)).clip(lower=0.0)

    option_labels = [wrap(label, 44) for label in lookup_names(names, order)]
    lines = sum(label.count("\n") + 1 for label in option_labels)
    ax = new_axes(ax, figsize=(11, 1.6 + 0.16 * lines + 0.3 * len(order)))
    y = np.arange(len(order))
    left = np.zeros(len(order))
    colours = [mpl.colormaps["viridis"](x) for x in np.linspace(0.0, 0.9, int(max_rank))]
    segments = [(text("rank_n", lang, rank=r), shares[r], colours[r - 1]) for r in shares]
    segments.append((text("worse", lang), rest, GREY))
    for label, share, colour in segments:
        width = 100.0 * share.to_numpy(dtype=float)
        ax.barh(
            y,
            width,
            left=left,
            height=0.7,
            color=colour,
            edgecolor="white",
            linewidth=0.5,
            label=label,
        )
        left = left + width
    ax.set_yticks(y, option_labels, fontsize=8)
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, 100)
    ax.set_xlabel(text("accept_x", lang))
    ax.set_title(f"{text('accept_title', lang)} – {title_name}", loc="left", fontweight="bold")
    unclutter(ax)
    side_legend(ax, labels.column("rank", lang))
    return ax


@literal_text
def tornado(table: pd.DataFrame, ax=None, lang: str = "de", criteria=None, title=None):
    """Tornado chart: an option's score when one weight at a time is lowered or raised.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`potential.uncertainty.stability.tornado_table`: indexed by criterion, with
        ``base``, ``minus``, ``plus``, ``low``, ``high`` and ``swing``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}
    criteria : potential.criteria.CriteriaModel, optional
        Gives the criteria's names (:func:`potential.labels.column`); default the ids.
    title : str, optional
        Title, e.g. naming the body and option; default a general one.

    Notes
    -----
    A table from :func:`potential.uncertainty.body_tornado` carries the step in ``attrs``;
    the legend then says by how much each weight was changed.

    Returns
    -------
    matplotlib.axes.Axes
        Per criterion (largest ``swing`` on top) two bars from the base score: one to the
        score with the weight lowered (``minus``), one to the score with it raised
        (``plus``), so each criterion's bars span ``low`` to ``high`` whenever the base lies
        between them (always for ``wsm``). A vertical line marks the base score.
    """
    check_lang(lang)
    check_columns(table, ["base", "minus", "plus", "low", "high", "swing"], "table")
    if table.empty:
        raise InputError(message("charts.no_criteria"), "table")
    table = table.sort_values("swing", ascending=False, kind="stable")
    names = [labels.column(str(c), lang, criteria) for c in table.index]
    ax = new_axes(ax, figsize=(9, 1.6 + 0.42 * len(table)))
    y = np.arange(len(table))
    base = table["base"].to_numpy(dtype=float)
    step = table.attrs.get("step")
    for column, colour, key in (
        ("minus", OKABE_ITO[5], "weight_down"),
        ("plus", OKABE_ITO[0], "weight_up"),
    ):
        end = table[column].to_numpy(dtype=float)
        label = text(key, lang)
        if step is not None:
            label += text("by_percent", lang, percent=number(100 * float(step), lang, 0))
        ax.barh(
            y, np.abs(end - base), left=np.minimum(base, end), height=0.6, color=colour,
            label=label,
        )  # fmt: skip
    ax.axvline(base[0], color="black", linewidth=1, label=text("base", lang))
    ax.set_yticks(y, [wrap(name, 36) for name in names], fontsize=8)
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    lo = min(float(table["low"].min()), float(base.min()))
    hi = max(float(table["high"].max()), float(base.max()))
    span = max(hi - lo, 1e-9)
    ax.set_xlim(lo - 0.08 * span, hi + 0.08 * span)
    number_axis(ax.xaxis, lang)
    ax.set_xlabel(text("tornado_x", lang))
    ax.set_title(title or text("tornado_title", lang), loc="left", fontweight="bold")
    unclutter(ax)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return ax
