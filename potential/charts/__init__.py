"""Charts of the potential analysis for the people it is handed to (matplotlib).

Every chart is a function that takes the analysis' DataFrames, draws on the Axes ``ax`` it
is given (or on a new figure when ``ax`` is None) and returns the Axes, in the manner of
pyam's plotting functions. Labels are German by default (``lang="de"``) and English with
``lang="en"``; colours are colour-blind safe (Okabe–Ito for categories, cividis and viridis
for values).

=========================== ===============================================================
:func:`score_heatmap`       bodies × fields: the score of each body's best option per field
:func:`contribution_bars`   why a body's top options score as they do: criterion shares
:func:`acceptability_bars`  SMAA: how often an option takes ranks 1, 2, ... (in %)
:func:`tornado`             the score under one-at-a-time weight changes
:func:`rank_slope`          a body's ranks across scenarios
:func:`cooperation_map`     existing and recommended cooperations, laid out by coordinates
:func:`cooperation_frames`  the tables :func:`cooperation_map` takes, from a dataset
:func:`allocation_chart`    cost sharing: each member's Kapitalwert under each key (€)
:func:`save_figure`         writes PNG/SVG/PDF files, byte-identical for the same figure
:func:`figure_outputs`      the same files as writers, to write several figures as one set
:func:`option_names`        option id → readable label, for :func:`acceptability_bars`
=========================== ===============================================================

Only this package imports matplotlib, and only when one of its functions is first used, so
``import potential`` stays light. It never selects a backend: in Jupyter the charts show
inline; :func:`save_figure` renders with Agg (PNG) and the vector backends.

Examples
--------
>>> import potential, potential.charts as charts            # doctest: +SKIP
>>> a = potential.analyse()                                   # doctest: +SKIP
>>> ax = charts.score_heatmap(a.ranking, a.dataset)           # doctest: +SKIP
>>> charts.save_figure(ax.figure, "out/bestwerte")            # doctest: +SKIP
"""

from importlib import import_module

_LAZY = {
    "score_heatmap": "potential.charts.rankings",
    "contribution_bars": "potential.charts.rankings",
    "acceptability_bars": "potential.charts.uncertainty",
    "tornado": "potential.charts.uncertainty",
    "rank_slope": "potential.charts.scenarios",
    "cooperation_map": "potential.charts.network",
    "cooperation_frames": "potential.charts.network",
    "allocation_chart": "potential.charts.sharing",
    "save_figure": "potential.charts._save",
    "figure_outputs": "potential.charts._save",
    "option_names": "potential.charts._common",
}

__all__ = list(_LAZY)


def __getattr__(name):
    """Import the chart functions lazily (PEP 562): matplotlib loads on first use."""
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'potential.charts' has no attribute {name!r}") from None
    return getattr(import_module(module), name)


def __dir__():
    return sorted([*globals(), *_LAZY])
