"""Writing figures: atomically, and the same figure always gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl

from potential.errors import InputError
from potential.files import write_outputs
from potential.messages import message

#: Format → (backend that renders it, metadata that keeps the file free of dates and versions).
FORMATS = {
    "png": ("agg", {"Software": None}),
    "svg": ("svg", {"Date": None, "Creator": "potential"}),
    "pdf": ("pdf", {"Creator": "potential", "Producer": None, "CreationDate": None}),
}

#: Fixed salt for the ids matplotlib writes into SVG files (otherwise random per run).
SVG_HASHSALT = "potential"


def _checked_formats(formats) -> tuple[str, ...]:
    """``formats`` as a tuple, each one of :data:`FORMATS` (an InputError otherwise)."""
    if isinstance(formats, str):
        formats = (formats,)
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        given = ", ".join(map(repr, unknown)) or message("charts.no_formats")
        raise InputError(
            message("charts.formats", given=given, known=", ".join(FORMATS)), "formats"
        )
    return formats


def save_figure(
    fig, stem: str | Path, formats: Sequence[str] = ("png", "svg"), dpi: int = 150
) -> list[Path]:
    """Write a figure as ``<stem>.png``, ``<stem>.svg`` ... , byte-identical for the same figure.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure (an Axes stands for its figure).
    stem : str or Path
        Path without suffix, e.g. ``out/bestwerte``; its folder is created if missing.
    formats : sequence of {"png", "svg", "pdf"}
        The files to write.
    dpi : int
        Resolution of the PNG (and of raster parts of vector files).

    Returns
    -------
    list of Path
        The files written.

    Notes
    -----
    The files are written by :func:`potential.files.write_outputs`: all appear complete or
    none does. They carry no date and no software version (PNG ``Software``, SVG ``Date``,
    PDF ``CreationDate`` and ``Producer`` left out) and SVG ids are hashed with a fixed salt
    (``svg.hashsalt``), so saving the same figure again gives the same bytes. A figure with
    a layout engine (constrained layout) is laid out until its Axes stop moving, and that
    layout is kept for all formats. PNG is rendered
    with Agg whatever backend shows the figure (e.g. Jupyter's inline backend); the figure's
    own canvas is not changed.
    """
    if not hasattr(fig, "savefig"):
        fig = getattr(fig, "figure", fig)
    if not hasattr(fig, "savefig"):
        raise InputError(message("charts.not_figure", got=type(fig).__name__), "fig")
    formats = _checked_formats(formats)
    stem = Path(stem)
    if not stem.name:
        raise InputError(message("charts.stem", stem=str(stem)), "stem")
    outputs = _writers(fig, stem.name, formats, dpi)
    engine = fig.get_layout_engine()
    if engine is None:
        return write_outputs(stem.parent, outputs)
    _settle_layout(fig)
    fig.set_layout_engine("none")  # keep the settled layout for every format
    try:
        return write_outputs(stem.parent, outputs)
    finally:
        fig.set_layout_engine(engine)


def _writers(fig, name: str, formats: Sequence[str], dpi: int) -> dict:
    def writer(fmt):
        backend, metadata = FORMATS[fmt]

        def write(path: Path) -> None:
            with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT, "text.parse_math": False}):
                fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata, backend=backend)

        return write

    return {f"{name}.{fmt}": writer(fmt) for fmt in dict.fromkeys(formats)}


def figure_outputs(
    fig, name: str, formats: Sequence[str] = ("png", "svg"), dpi: int = 150
) -> dict:
    """Writers of a figure as ``<name>.png``, ``<name>.svg`` ... for
    :func:`potential.files.write_outputs`, so that several figures (and a provenance record)
    are written as one set.

    The files are the bytes :func:`save_figure` writes. The figure's layout is settled now
    and its layout engine switched off (so every format gets the same layout): meant for a
    figure that is closed after it is written.
    """
    if not hasattr(fig, "savefig"):
        fig = getattr(fig, "figure", fig)
    formats = _checked_formats(formats)
    if fig.get_layout_engine() is not None:
        _settle_layout(fig)
        fig.set_layout_engine("none")
    return _writers(fig, name, formats, dpi)


#: Most layout passes :func:`_settle_layout` runs.
LAYOUT_PASSES = 10
#: Decimals (of the figure's width and height) to which the settled Axes positions are
#: rounded: 1e-7 of a 12-inch figure is far below a pixel.
POSITION_DIGITS = 7


def _settle_layout(fig) -> None:
    """Run the figure's layout engine until the Axes stop moving.

    Constrained layout starts from the Axes' current positions, so each draw may move them
    by a rounding error (1e-16 of the figure), and an SVG file writes every digit. Settling
    and rounding the positions makes the files independent of how often the figure was
    drawn before (e.g. shown in Jupyter).
    """

    def positions():
        return [a.get_position(original=False).bounds for a in fig.axes]

    for _ in range(LAYOUT_PASSES):
        before = positions()
        fig.draw_without_rendering()
        if positions() == before:
            break
    # the layout may swing by a rounding error from pass to pass: round it off
    for ax in fig.axes:
        in_layout = ax.get_in_layout()
        for which in ("original", "active"):
            bounds = ax.get_position(original=which == "original").bounds
            ax.set_position([round(float(v), POSITION_DIGITS) for v in bounds], which=which)
        ax.set_in_layout(in_layout)  # set_position takes the Axes out of the layout
