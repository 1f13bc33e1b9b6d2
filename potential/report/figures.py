"""The report's charts: the one place that calls :mod:`potential.charts`.

Each function draws one chart and returns it as SVG bytes. The bytes carry no date and no
software version, and matplotlib's SVG ids are hashed with a fixed salt, so the same
inputs give the same bytes (the settings of :func:`potential.charts.save_figure`). Text
stays text (``svg.fonttype`` ``none``): a chart is a fifth of the size with glyphs drawn as
paths, its words can be searched and copied, and the viewer draws them in DejaVu Sans or,
where that is missing, in another sans-serif font of the system (never a web font).
"""

from __future__ import annotations

import io

#: Fixed salt for the ids matplotlib writes into SVG (otherwise random per run).
SVG_HASHSALT = "potential"
#: SVG metadata: no date, no version (``None`` leaves an entry out).
SVG_METADATA = {"Date": None, "Creator": "potential"}
#: matplotlib settings while a chart is written.
SVG_RC = {"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "none"}


def svg_bytes(ax) -> bytes:
    """The figure of ``ax`` as SVG, then closed (so many charts do not pile up)."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    fig = ax.figure
    buffer = io.BytesIO()
    try:
        with mpl.rc_context(SVG_RC):
            fig.savefig(buffer, format="svg", metadata=SVG_METADATA, backend="svg")
    finally:
        plt.close(fig)
    return buffer.getvalue()


def heatmap(analysis, lang: str) -> bytes:
    """Bodies × fields: the score of each body's best option per field."""
    from potential.charts import score_heatmap

    return svg_bytes(score_heatmap(analysis.ranking, analysis.dataset, lang=lang))


def contributions(analysis, body: str, n: int, lang: str) -> bytes:
    """What carries a body's ``n`` best options: each criterion's contribution."""
    from potential.charts import contribution_bars

    return svg_bytes(contribution_bars(analysis, body, n=n, lang=lang))


def acceptability(smaa, body: str, names: dict, lang: str, n: int = 5) -> bytes:
    """How often a body's options take ranks 1 to 5 over the SMAA draws."""
    from potential.charts import acceptability_bars

    return svg_bytes(acceptability_bars(smaa, body, n=n, names=names, lang=lang))


def has_coordinates(dataset) -> bool:
    """Whether every body of the dataset has a position (``lat``, ``lon``) for the map."""
    return all(
        getattr(b, "lat", None) is not None and getattr(b, "lon", None) is not None
        for b in dataset.bodies
    )


def cooperation_map(analysis, lang: str) -> bytes | None:
    """Existing cooperations and, per field, the best option where every member gains, on
    a map; ``None`` if the dataset has no coordinates."""
    from potential import charts

    if not has_coordinates(analysis.dataset):
        return None
    frames = charts.cooperation_frames(analysis.dataset, analysis, top=1, lang=lang)
    return svg_bytes(charts.cooperation_map(*frames, lang=lang))


def sharing(matrix, names: dict, lang: str) -> bytes:
    """Cost sharing: each member's Kapitalwert under each key (members × keys, €)."""
    from potential.charts import allocation_chart

    return svg_bytes(allocation_chart(matrix, names=names, lang=lang))
