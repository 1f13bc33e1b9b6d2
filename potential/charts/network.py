"""The map of cooperations: bodies placed by their coordinates, ties drawn between them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

from potential import labels
from potential.charts._common import (
    check_columns,
    check_lang,
    literal_text,
    new_axes,
    palette,
    side_legend,
    text,
)
from potential.errors import InputError
from potential.messages import message

__all__ = ["cooperation_frames", "cooperation_map", "project"]

#: Mean Earth radius in km (IUGG), for :func:`project`.
EARTH_RADIUS_KM = 6371.0088

BODY_COLUMNS = ["body", "name", "kind", "lon", "lat"]
COOPERATION_COLUMNS = ["id", "label", "members", "field", "legal_form"]
RECOMMENDED_COLUMNS = ["option", "members", "field"]

#: Marker area (pt²) of the smallest and the largest town, and of the county's square.
TOWN_SIZE = (40.0, 500.0)
COUNTY_SIZE = 750.0
TOWN_COLOUR = "#F2F2F2"
EXISTING_COLOUR = "#A6A6A6"


def project(lon, lat, lat0: float | None = None, lon0: float | None = None):
    r"""Equirectangular projection of degrees to km, true to scale around ``lat0``.

    .. math::

        x = R\,\frac{\pi}{180}(\lambda - \lambda_0)\cos\varphi_0, \qquad
        y = R\,\frac{\pi}{180}(\varphi - \varphi_0)

    with :math:`R` = :data:`EARTH_RADIUS_KM`. Over a county (some 40 km) the distances are
    true to well under 1 %.

    Parameters
    ----------
    lon, lat : array-like
        Longitude and latitude in degrees.
    lat0, lon0 : float, optional
        The centre; default the mean of ``lat`` and ``lon``.

    Returns
    -------
    x, y : numpy.ndarray
        East and north of the centre, in km.
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    lat0 = float(np.mean(lat)) if lat0 is None else float(lat0)
    lon0 = float(np.mean(lon)) if lon0 is None else float(lon0)
    k = EARTH_RADIUS_KM * math.pi / 180.0
    return k * (lon - lon0) * math.cos(math.radians(lat0)), k * (lat - lat0)


def _members(value, known: set, what: str) -> list[str]:
    ids = [m.strip() for m in str(value).split(";") if m.strip()] if pd.notna(value) else []
    unknown = [m for m in ids if m not in known]
    if unknown:
        raise InputError(message("charts.unknown_members", unknown=", ".join(unknown)), what)
    return ids


def _pairs(members: list[str], lead=None) -> list[tuple[str, str]]:
    """The edges of a cooperation, by the tie rule of
    :func:`potential.inventory.member_pairs` (the lead to every other member, or every two
    members), each as a sorted pair."""
    from potential.inventory import member_pairs

    return [tuple(sorted(p)) for p in member_pairs(members, lead)]


def _lead(row) -> str | None:
    lead = getattr(row, "lead", None)
    return lead if isinstance(lead, str) and lead else None


@literal_text
def cooperation_map(
    bodies: pd.DataFrame,
    cooperations: pd.DataFrame,
    recommended: pd.DataFrame | None = None,
    ax=None,
    lang: str = "de",
):
    """Map of the cooperations between the bodies, laid out by their coordinates.

    Parameters
    ----------
    bodies : pandas.DataFrame
        ``body``, ``name``, ``kind`` (``kreis``, ``stadt``, ``gemeinde``), ``lon``, ``lat``
        (degrees); optional ``population``. Projected with :func:`project` (centre: the
        mean position), so distances on the map are true.
    cooperations : pandas.DataFrame
        Existing cooperations: ``id``, ``label``, ``members`` (body ids joined by ``;``),
        ``field``, ``legal_form``; optional ``lead``. A cooperation with a lead is drawn as
        edges from the lead to each member (the lead performs the task for them), one
        without as an edge between every two members; an edge's width grows with the
        number of cooperations that draw it.
    recommended : pandas.DataFrame, optional
        Recommended cooperations: ``option``, ``members`` (``;``-joined), ``field``;
        optional ``field_label`` for the legend and ``lead``. Edges as for
        ``cooperations``, dashed and coloured by field (pairs recommended in several fields
        are drawn side by side).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default a new figure.
    lang : {"de", "en"}

    Returns
    -------
    matplotlib.axes.Axes
        Artists by ``gid``: ``"towns"`` and ``"county"`` (scatter of the projected
        positions in km; a town's marker area grows with its population when ``bodies``
        has ``population``, the county is a hollow square of fixed size so that it frames
        a town at the same place), ``"existing"`` (LineCollection, one segment per pair)
        and ``"recommended"`` (one LineCollection per field, one segment per pair and
        option).

    Raises
    ------
    InputError
        A missing column, a position that is not a number, or a member that is not a body.
    """
    check_lang(lang)
    check_columns(bodies, BODY_COLUMNS, "bodies")
    check_columns(cooperations, COOPERATION_COLUMNS, "cooperations")
    if recommended is not None:
        check_columns(recommended, RECOMMENDED_COLUMNS, "recommended")
    lon = pd.to_numeric(bodies["lon"], errors="coerce").to_numpy(dtype=float)
    lat = pd.to_numeric(bodies["lat"], errors="coerce").to_numpy(dtype=float)
    bad = ~(np.isfinite(lon) & np.isfinite(lat))
    if bad.any():
        missing = ", ".join(bodies.loc[bad, "body"].astype(str))
        raise InputError(message("charts.no_coordinates", missing=missing), "bodies")
    x, y = project(lon, lat)
    ids = bodies["body"].astype(str).tolist()
    pos = {b: (xi, yi) for b, xi, yi in zip(ids, x, y, strict=True)}
    known = set(ids)

    ax = new_axes(ax, figsize=(10, 7.5))
    legend = []
    legend += _existing_edges(ax, cooperations, pos, known, lang)
    if recommended is not None and len(recommended):
        legend += _recommended_edges(ax, recommended, pos, known, lang)
    legend += _nodes(ax, bodies, x, y, lang)

    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.12)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    span = float(max(np.ptp(x), np.ptp(y), 1.0))
    length = _nice(span / 5)
    ax.add_artist(
        AnchoredSizeBar(
            ax.transData,
            length,
            f"{length:g} km",
            loc="lower left",
            frameon=False,
            size_vertical=0,
            pad=0.4,
        )
    )
    ax.text(
        0.99,
        0.01,
        text("map_note", lang),
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=7,
        color="#555555",
    )
    has_rec = recommended is not None and len(recommended) > 0
    ax.set_title(
        text("map_title_rec" if has_rec else "map_title", lang), loc="left", fontweight="bold"
    )
    side_legend(ax, handles=legend)
    return ax


def _nice(value: float) -> float:
    """The largest 1, 2 or 5 × 10^k not above ``value``."""
    exp = 10.0 ** math.floor(math.log10(value))
    return max(m * exp for m in (1, 2, 5) if m * exp <= value)


def _width(count: int) -> float:
    return 0.8 + 1.2 * (count - 1)


def _existing_edges(ax, cooperations, pos, known, lang) -> list:
    counts: dict[tuple[str, str], int] = {}
    columns = ["id", "members", *(["lead"] if "lead" in cooperations.columns else [])]
    for row in cooperations[columns].itertuples(index=False):
        members = _members(row.members, known, f"cooperation {row.id!r}")
        for pair in _pairs(members, _lead(row)):
            counts[pair] = counts.get(pair, 0) + 1
    if not counts:
        return []
    segments = [[pos[a], pos[b]] for a, b in counts]
    widths = [_width(c) for c in counts.values()]
    ax.add_collection(
        LineCollection(
            segments,
            linewidths=widths,
            colors=EXISTING_COLOUR,
            zorder=1,
            gid="existing",
            capstyle="round",
        )
    )
    handles = []
    for c in sorted(set(counts.values())):
        label = text("existing", lang) if c == 1 else text("existing_n", lang, n=c)
        handles.append(Line2D([], [], color=EXISTING_COLOUR, linewidth=_width(c), label=label))
    return handles


def _recommended_edges(ax, recommended, pos, known, lang) -> list:
    fields = list(dict.fromkeys(recommended["field"].astype(str)))
    colours = dict(zip(fields, palette(len(fields)), strict=True))
    names = (
        dict(zip(recommended["field"].astype(str), recommended["field_label"], strict=True))
        if "field_label" in recommended.columns
        else {}
    )
    columns = ["option", "members", "field", *(["lead"] if "lead" in recommended.columns else [])]
    rows = [
        (str(r.field), pair)
        for r in recommended[columns].itertuples(index=False)
        for pair in _pairs(
            _members(r.members, known, f"recommended option {r.option!r}"), _lead(r)
        )
    ]
    per_pair: dict[tuple[str, str], int] = {}
    for _, pair in rows:
        per_pair[pair] = per_pair.get(pair, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    by_field: dict[str, list] = {f: [] for f in fields}
    for field, pair in rows:
        k, m = seen.get(pair, 0), per_pair[pair]
        seen[pair] = k + 1
        by_field[field].append(_offset(pos[pair[0]], pos[pair[1]], (k - (m - 1) / 2) * 0.6))
    handles = []
    for field in fields:
        ax.add_collection(
            LineCollection(
                by_field[field],
                colors=colours[field],
                linewidths=2.2,
                linestyles=(0, (4, 2)),
                zorder=2,
                gid="recommended",
            )
        )
        label = text("recommended", lang, field=names.get(field) or field)
        handles.append(
            Line2D([], [], color=colours[field], linewidth=2.2, linestyle=(0, (4, 2)), label=label)
        )
    return handles


def _offset(a, b, distance: float):
    """The segment a–b moved sideways by ``distance`` (km), to show parallel edges."""
    (ax_, ay), (bx, by) = a, b
    dx, dy = bx - ax_, by - ay
    norm = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / norm * distance, dx / norm * distance
    return [(ax_ + ox, ay + oy), (bx + ox, by + oy)]


def _nodes(ax, bodies, x, y, lang) -> list:
    county = (bodies["kind"] == "kreis").to_numpy()
    towns = ~county
    if "population" in bodies.columns and towns.any():
        pop = pd.to_numeric(bodies["population"], errors="coerce").to_numpy(dtype=float)
        top = np.nanmax(pop[towns]) if np.isfinite(pop[towns]).any() else 1.0
        share = np.nan_to_num(pop / top, nan=0.5)
        # area ∝ population, i.e. diameter ∝ sqrt(population)
        sizes = TOWN_SIZE[0] + (TOWN_SIZE[1] - TOWN_SIZE[0]) * share
    else:
        sizes = np.full(len(bodies), 200.0)
    names = bodies["name"].astype(str).to_numpy()
    ax.scatter(
        x[towns],
        y[towns],
        s=sizes[towns],
        color=TOWN_COLOUR,
        edgecolors="black",
        linewidths=0.6,
        zorder=3,
        gid="towns",
    )
    county_xy = np.column_stack([x[county], y[county]])
    for xi, yi, si, name in zip(x[towns], y[towns], sizes[towns], names[towns], strict=True):
        # a town at the county's place: its label clears the county's square
        near = len(county_xy) and np.hypot(*(county_xy - (xi, yi)).T).min() < 0.5
        si = max(si, COUNTY_SIZE) if near else si
        ax.annotate(
            name,
            (xi, yi),
            xytext=(math.sqrt(si) / 2 + 3, 2),
            textcoords="offset points",
            fontsize=8,
            va="bottom",
            zorder=5,
        )
    handles = []
    if county.any():
        ax.scatter(
            x[county],
            y[county],
            s=COUNTY_SIZE,
            marker="s",
            facecolors="none",
            edgecolors="black",
            linewidths=1.8,
            zorder=4,
            gid="county",
        )
        for xi, yi, name in zip(x[county], y[county], names[county], strict=True):
            ax.annotate(
                name,
                (xi, yi),
                xytext=(0, -(math.sqrt(COUNTY_SIZE) / 2 + 3)),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=8,
                fontweight="bold",
                zorder=5,
            )
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                linestyle="",
                markerfacecolor="none",
                markeredgecolor="black",
                markeredgewidth=1.8,
                markersize=10,
                label=text("county", lang),
            )
        )
    return handles


def cooperation_frames(dataset, analysis=None, top: int = 1, lang: str = "de"):
    """The tables :func:`cooperation_map` takes, from a dataset and an analysis.

    Parameters
    ----------
    dataset : potential.models.Dataset
        Its bodies need coordinates (``lat``, ``lon`` in degrees).
    analysis : potential.analysis.Analysis, optional
        Gives the recommended cooperations; without it none are recommended.
    top : int
        Recommended options per field.
    lang : {"de", "en"}
        Language of ``field_label`` and ``label`` in the recommended table.

    Returns
    -------
    bodies : pandas.DataFrame
        ``body``, ``name``, ``kind``, ``lon``, ``lat``, ``population``, in dataset order.
    cooperations : pandas.DataFrame
        Every existing cooperation that ties bodies (``dataset.cooperations`` of kind
        ``aufgabe`` with two or more members, partial ones included):
        ``id``, ``label``, ``members`` (``;``-joined), ``field`` (empty outside the six
        fields), ``legal_form``, ``scope``.
    recommended : pandas.DataFrame
        ``option``, ``members`` (``;``-joined), ``field``, ``field_label``, ``label``
        (:func:`potential.labels.option_label`), ``consensus_rank``, ``min_benefit``: per
        field, the ``top`` options with the best consensus rank among those that leave every
        member better off than going it alone (``analysis.joint`` with ``all_gain``), fields
        in dataset order. A field without such an option has no row. Empty without an
        analysis.

    Raises
    ------
    InputError
        If a body has no coordinates (naming the bodies), or ``top`` < 1.
    """
    check_lang(lang)
    if int(top) < 1:
        raise InputError(message("charts.top", top=top), "top")
    rows, missing = [], []
    for b in dataset.bodies:
        lat, lon = getattr(b, "lat", None), getattr(b, "lon", None)
        if lat is None or lon is None:
            missing.append(b.id)
        rows.append(
            {
                "body": b.id,
                "name": b.name,
                "kind": b.kind,
                "lon": lon,
                "lat": lat,
                "population": b.population,
            }
        )
    if missing:
        raise InputError(message("charts.dataset_no_coordinates", missing=", ".join(missing)))
    bodies = pd.DataFrame(rows, columns=[*BODY_COLUMNS, "population"])
    from potential.inventory import cooperation_table

    table = cooperation_table(dataset, lang=lang)
    # the map draws ties: task cooperations of two or more bodies, not joint shareholdings
    table = table[(table["kind"] == "aufgabe") & (table["n_members"] >= 2)]
    cooperations = table[[*COOPERATION_COLUMNS, "scope", "lead"]].reset_index(drop=True)
    columns = [
        *RECOMMENDED_COLUMNS, "field_label", "label", "consensus_rank", "min_benefit", "lead",
    ]  # fmt: skip
    if analysis is None:
        return bodies, cooperations, pd.DataFrame(columns=columns)
    joint = analysis.joint[analysis.joint["all_gain"]]
    best = joint.sort_values("consensus_rank", kind="stable").groupby("field").head(int(top))
    order = {f.id: i for i, f in enumerate(dataset.fields)}
    best = best.assign(_f=best["field"].map(order)).sort_values(
        ["_f", "consensus_rank"], kind="stable"
    )
    recommended = pd.DataFrame(
        {
            "option": best["option"].to_numpy(),
            "members": best["partners"].to_numpy(),
            "field": best["field"].to_numpy(),
            "field_label": [labels.field_label(dataset, f, lang) for f in best["field"]],
            "label": [labels.option_label(dataset, r, lang) for r in best.to_dict("records")],
            "consensus_rank": best["consensus_rank"].to_numpy(),
            "min_benefit": best["min_benefit"].to_numpy(),
            "lead": best["lead"].fillna("").to_numpy(),
        },
        columns=columns,
    )
    return bodies, cooperations, recommended
