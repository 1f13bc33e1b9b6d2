"""Charts of a cost sharing: each member's Kapitalwert under each cost-sharing key."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from potential.charts._common import (
    check_lang,
    literal_text,
    lookup_names,
    new_axes,
    palette,
    side_legend,
    unclutter,
    wrap,
)
from potential.errors import InputError
from potential.labels import LANGS
from potential.messages import message

__all__ = ["allocation_chart"]

#: Chart texts of this module: key → (German, English).
TEXT = {
    "title": (
        "Kapitalwert je Mitglied nach Kostenschlüssel",
        "Net present value per member by cost-sharing key",
    ),
    "x": (
        "Kapitalwert gegenüber dem Status quo (€)",
        "Net present value against the status quo (€)",
    ),
    "key": ("Schlüssel", "Key"),
}


def _text(key: str, lang: str) -> str:
    return TEXT[key][LANGS.index(check_lang(lang))]


def _key_label(key: str, lang: str) -> str:
    from potential.sharing.ikz import KEYS

    pair = KEYS.get(key)
    label = str(key) if pair is None else pair[LANGS.index(lang)]
    return label[:1].upper() + label[1:]  # a legend entry starts with a capital


def _key_colours(keys) -> list:
    """One colour per key, fixed by its place in :data:`potential.sharing.ikz.KEYS`, so
    that a key keeps its colour whether or not the other keys could be computed."""
    from potential.sharing.ikz import KEYS

    known = list(KEYS)
    colours = palette(max(len(known), 1))
    extra = iter(palette(len(known) + len(keys))[len(known) :])
    return [colours[known.index(k)] if k in known else next(extra) for k in keys]


def euro_formatter(lang: str = "de") -> FuncFormatter:
    """Tick labels in whole euros with thousands separators: ``-20.000`` (de), ``-20,000``
    (en); the unit stands in the axis label."""
    check_lang(lang)

    def fmt(x, pos=None):
        text = f"{round(float(x)) + 0:,d}"
        return text.replace(",", ".") if lang == "de" else text

    return FuncFormatter(fmt)


@literal_text
def allocation_chart(
    matrix: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    lang: str = "de",
    ax=None,
    title: str | None = None,
):
    """Each member's Kapitalwert against the status quo under each cost-sharing key.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Members × keys of one option, in euros: index member ids, columns key ids of
        :data:`potential.sharing.ikz.KEYS` (:func:`potential.sharing.export.member_matrix`).
        The rows and columns are shown in the order given.
    names : mapping of str to str, optional
        Member id → name; default the id.
    lang : {"de", "en"}
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    title : str, optional
        Title, e.g. naming the option; default a general one.

    Returns
    -------
    matplotlib.axes.Axes
        Grouped horizontal bars: one group per member (first member on top), one bar per
        key within the group (one ``ax.containers`` entry per key, in the columns' order,
        labelled with the key's name, first letter capitalised; patch ``i`` of a container
        is member ``i``, its width the member's Kapitalwert). A vertical line marks zero: a
        bar left of it is a member worse off than in the status quo. A missing value (NaN)
        draws a bar of width 0.

    Notes
    -----
    Bars rather than a heatmap of annotated euros: the report prints the exact euros beside
    the chart, so the chart has to show sign and size at a glance. Lengths from a common
    zero line are read more accurately than colours (Cleveland & McGill 1984), a loss shows
    as a bar on the wrong side of the line, and a key that moves money between members (the
    SCRB against the proportional keys, say) shows as one bar of a group sticking out.
    With one colour scale for every cell, a heatmap of 11 members would mostly show how
    large each member is, not how the keys differ. Each key keeps its colour (Okabe–Ito,
    by its place in :data:`~potential.sharing.ikz.KEYS`) whichever keys are shown.

    References
    ----------
    Cleveland, W. S. & McGill, R. (1984). Graphical perception. *Journal of the American
    Statistical Association* 79(387), 531–554.
    """
    check_lang(lang)
    if not isinstance(matrix, pd.DataFrame):
        raise InputError(message("charts.not_frame", got=type(matrix).__name__), "matrix")
    if matrix.empty:
        raise InputError(message("charts.sharing_empty"), "matrix")
    values = matrix.to_numpy(dtype=float)
    n_members, n_keys = values.shape
    keys = [str(k) for k in matrix.columns]
    member_labels = [wrap(name, 28) for name in lookup_names(names, matrix.index)]
    ax = new_axes(ax, figsize=(10, 1.4 + n_members * (0.09 * n_keys + 0.25)))

    height = 0.8 / n_keys
    y = np.arange(n_members)
    for j, (key, colour) in enumerate(zip(keys, _key_colours(keys), strict=True)):
        width = np.nan_to_num(values[:, j], nan=0.0)
        ax.barh(
            y - 0.4 + (j + 0.5) * height,
            width,
            height=height,
            color=colour,
            edgecolor="white",
            linewidth=0.3,
            label=_key_label(key, lang),
        )
    ax.axvline(0, color="black", linewidth=1)
    ax.set_yticks(y, member_labels, fontsize=8)
    ax.set_ylim(n_members - 0.5, -0.5)  # first member on top
    ax.tick_params(axis="y", length=0)
    finite = values[np.isfinite(values)]
    lo, hi = (min(finite.min(), 0.0), max(finite.max(), 0.0)) if finite.size else (0.0, 1.0)
    span = max(hi - lo, 1.0)
    ax.set_xlim(lo - 0.04 * span if lo < 0 else 0.0, hi + 0.04 * span)
    ax.xaxis.set_major_formatter(euro_formatter(lang))
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(_text("x", lang))
    ax.set_title(title or _text("title", lang), loc="left", fontweight="bold")
    unclutter(ax)
    side_legend(ax, _text("key", lang))
    return ax
