"""Charts of one analysis: best scores per body and field, and what a score is made of."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize

from potential import labels
from potential.charts._common import (
    GREY,
    VALUE_CMAP,
    body_name,
    check_body,
    check_columns,
    check_lang,
    literal_text,
    new_axes,
    number,
    number_axis,
    palette,
    side_legend,
    text,
    unclutter,
    wrap,
)
from potential.errors import InputError
from potential.messages import message

__all__ = ["contribution_bars", "score_heatmap"]


@literal_text
def score_heatmap(ranking: pd.DataFrame, dataset=None, ax=None, lang: str = "de"):
    """Bodies × fields: the score of each body's best option in each field.

    Parameters
    ----------
    ranking : pandas.DataFrame
        :attr:`potential.analysis.Analysis.ranking` (``body``, ``body_name``, ``option``,
        ``field``, ``score``, ``rank`` ...).
    dataset : potential.models.Dataset, optional
        Gives the field order and the field names; without it the fields keep the order of
        first appearance and are shown by id.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Each cell is annotated with the score of :func:`potential.summaries.best_score_matrix`
    (3 decimals). Scores compare the options of one body, so the colours run per body: each
    row from its lowest to its highest score (:func:`row_scaled`; the body's best field has
    the top colour, a row with one score too). A field in which a body has no option is grey
    with "–". The image is the Axes' only image, so ``ax.images[0].get_array()`` is the
    matrix scaled per row.
    """
    from potential.summaries import best_score_matrix

    check_lang(lang)
    check_columns(ranking, ["body", "option", "field", "score", "rank"], "ranking")
    fields = [f.id for f in dataset.fields] if dataset is not None else None
    matrix = best_score_matrix(ranking, fields)
    if matrix.empty:
        raise InputError(message("charts.no_options"), "ranking")
    values = matrix.to_numpy(dtype=float)
    n_bodies, n_fields = values.shape
    ax = new_axes(ax, figsize=(2.6 + 1.55 * n_fields, 1.6 + 0.42 * n_bodies))

    cmap = mpl.colormaps[VALUE_CMAP].with_extremes(bad=GREY)
    scaled = row_scaled(values)
    norm = Normalize(vmin=0.0, vmax=1.0)
    image = ax.imshow(np.ma.masked_invalid(scaled), cmap=cmap, norm=norm, aspect="auto")
    for i in range(n_bodies):
        for j in range(n_fields):
            v = values[i, j]
            r, g, b, _ = cmap(scaled[i, j]) if np.isfinite(v) else mpl.colors.to_rgba(GREY)
            dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
            ax.text(
                j,
                i,
                number(v, lang),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if dark else "black",
            )

    names = ranking.drop_duplicates("body").set_index("body")
    body_labels = [
        names.at[b, "body_name"] if "body_name" in names.columns else b for b in matrix.index
    ]
    field_labels = [
        labels.field_label(dataset, f, lang) if dataset is not None else f for f in matrix.columns
    ]
    ax.set_xticks(range(n_fields), [wrap(f, 22) for f in field_labels], fontsize=8)
    ax.set_yticks(range(n_bodies), body_labels)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel(labels.column("field", lang))
    ax.set_ylabel(labels.column("body_name", lang))
    ax.set_title(text("heatmap_title", lang), loc="left", fontweight="bold")
    ax.spines[:].set_visible(False)
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, ticks=[0.0, 1.0])
    bar.set_label(text("heatmap_bar", lang))
    bar.ax.set_yticklabels([text("heatmap_low", lang), text("heatmap_high", lang)])
    bar.outline.set_visible(False)
    return ax


def row_scaled(values: np.ndarray) -> np.ndarray:
    """Each row of a matrix scaled to 0 (its lowest value) … 1 (its highest); a row whose
    values are all equal (or only one) is 1, missing values stay NaN.

    >>> row_scaled(np.array([[0.2, 0.4, np.nan], [0.5, 0.5, 0.5]])).tolist()
    [[0.0, 1.0, nan], [1.0, 1.0, 1.0]]
    """
    values = np.asarray(values, dtype=float)
    out = np.full(values.shape, np.nan)
    for i, row in enumerate(values):
        finite = np.isfinite(row)
        if not finite.any():
            continue
        low, high = row[finite].min(), row[finite].max()
        out[i, finite] = (row[finite] - low) / (high - low) if high > low else 1.0
    return out


@literal_text
def contribution_bars(analysis, body: str, n: int = 5, ax=None, lang: str = "de"):
    """Why a body's best options score as they do: the criteria's contributions, stacked.

    Parameters
    ----------
    analysis : potential.analysis.Analysis
        Gives ``ranking``, ``contributions``, ``criteria``, ``dataset`` and ``method``.
    body : str
        Body id.
    n : int
        How many of the body's best options (rank order, best on top).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}

    Returns
    -------
    matplotlib.axes.Axes
        One bar per option, one segment per criterion (in the criteria model's order, one
        ``ax.containers`` entry per criterion): the width of a segment is the criterion's
        ``contribution`` (weight × normalised value). For ``wsm`` the segments add up to the
        score, which is written at the end of the bar; for other methods the x label says
        that the method forms the score otherwise.
    """
    check_lang(lang)
    if int(n) < 1:
        raise InputError(message("charts.n_options", n=n), "n")
    ranking = check_body(analysis.ranking, body, "ranking")
    top = ranking.sort_values("rank", kind="stable").head(int(n))
    criteria = [c.id for c in analysis.criteria.criteria]
    rows = analysis.contributions[analysis.contributions["body"] == body]
    wide = rows.pivot(index="option", columns="criterion", values="contribution")
    wide = wide.reindex(index=top["option"], columns=criteria).fillna(0.0)

    option_labels = [
        wrap(labels.option_label(analysis.dataset, row, lang), 44)
        for row in top.to_dict("records")
    ]
    lines = sum(label.count("\n") + 1 for label in option_labels)
    ax = new_axes(ax, figsize=(12, 1.6 + 0.16 * lines + 0.3 * len(top)))
    y = np.arange(len(top))
    left = np.zeros(len(top))
    for criterion, colour in zip(criteria, palette(len(criteria)), strict=True):
        width = wide[criterion].to_numpy(dtype=float)
        ax.barh(
            y,
            width,
            left=left,
            height=0.7,
            color=colour,
            edgecolor="white",
            linewidth=0.5,
            label=labels.column(criterion, lang, analysis.criteria),
        )
        left = left + width
    wsm = analysis.method == "wsm"
    if wsm:
        for yi, total in zip(y, top["score"], strict=True):
            ax.annotate(
                number(total, lang),
                (total, yi),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
    ax.set_yticks(y, option_labels, fontsize=8)
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, max(left.max(), 1e-9) * 1.12)
    number_axis(ax.xaxis, lang)
    ax.set_xlabel(
        text("contrib_x", lang) if wsm else text("contrib_x_other", lang, method=analysis.method)
    )
    ax.set_title(
        f"{text('contrib_title', lang)} – {body_name(ranking, body)}",
        loc="left",
        fontweight="bold",
    )
    unclutter(ax)
    side_legend(ax, labels.column("criterion", lang))
    return ax
