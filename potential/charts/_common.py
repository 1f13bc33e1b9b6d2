"""What every chart shares: texts in two languages, colours, number format, new Axes."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.ticker import ScalarFormatter

from potential.errors import InputError
from potential.labels import LANGS
from potential.messages import message

#: Okabe & Ito (2008), "Color Universal Design": eight colours told apart with every common
#: colour-vision deficiency, ordered so that neighbours contrast; their black is softened to
#: dark grey so that it does not outweigh the others in stacked bars.
OKABE_ITO = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#4D4D4D",
)  # fmt: skip

#: Sequential colour map for values (perceptually uniform, colour-blind safe).
VALUE_CMAP = "cividis"

#: Grey for "no value" and for context (existing ties, remainders).
GREY = "#BBBBBB"

#: Chart texts: key → (German, English).
TEXT = {
    "heatmap_title": (
        "Bester Punktwert je Körperschaft und Handlungsfeld",
        "Best score per body and field",
    ),
    "heatmap_bar": (
        "Farbe: Punktwert im Vergleich innerhalb der Körperschaft",
        "Colour: score compared within the body",
    ),
    "heatmap_low": ("ihr niedrigster", "its lowest"),
    "heatmap_high": ("ihr höchster", "its highest"),
    "contrib_title": ("Beiträge der Kriterien zum Punktwert", "What the score is made of"),
    "contrib_x": (
        "Beitrag zum Punktwert (Gewicht × normierter Wert, 0–1)",
        "Contribution to the score (weight × normalised value, 0–1)",
    ),
    "contrib_x_other": (
        "Gewicht × normierter Wert (0–1); die Methode {method} bildet den Punktwert anders",
        "Weight × normalised value (0–1); the method {method} forms the score otherwise",
    ),
    "accept_title": ("Rangwahrscheinlichkeit (SMAA)", "Rank acceptability (SMAA)"),
    "accept_x": ("Anteil der Stichproben (%)", "Share of samples (%)"),
    "rank_n": ("Rang {rank}", "Rank {rank}"),
    "worse": ("schlechter", "worse"),
    "tornado_title": (
        "Empfindlichkeit des Punktwerts gegenüber den Gewichten",
        "Sensitivity of the score to the weights",
    ),
    "tornado_x": ("Punktwert (0–1)", "Score (0–1)"),
    "weight_down": ("Gewicht gesenkt", "Weight lowered"),
    "weight_up": ("Gewicht erhöht", "Weight raised"),
    "by_percent": (" um {percent} %", " by {percent} %"),
    "base": ("Ausgangsgewichte", "Base weights"),
    "slope_title": ("Rang der Optionen je Szenario", "Rank of the options per scenario"),
    "slope_x": ("Szenario", "Scenario"),
    "slope_y": ("Rang (1 = beste Option)", "Rank (1 = best option)"),
    "map_title": (
        "Kooperationen zwischen Kreis und Kommunen",
        "Cooperations between the county and its towns",
    ),
    "map_title_rec": (
        "Bestehende und empfohlene Kooperationen",
        "Existing and recommended cooperations",
    ),
    "map_note": ("Lage nach Koordinaten", "Positions from coordinates"),
    "existing": ("Bestehende Kooperation", "Existing cooperation"),
    "existing_n": ("{n} gemeinsame Kooperationen", "{n} shared cooperations"),
    "recommended": ("Empfohlen: {field}", "Recommended: {field}"),
    "county": ("Kreis (Sitz)", "County (seat)"),
}


def text(key: str, lang: str = "de", **values) -> str:
    """A chart text in the chosen language, with ``{placeholders}`` filled in."""
    check_lang(lang)
    return TEXT[key][LANGS.index(lang)].format(**values)


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`potential.labels.LANGS`, else InputError."""
    if lang not in LANGS:
        raise InputError(message("charts.lang", value=lang, known=", ".join(LANGS)), "lang")
    return lang


#: Matplotlib settings under which every chart is drawn and saved: no mathtext, so that a
#: label from data (``$\\frac{1}{0}$``, ``$x``) is shown as the text it is.
LITERAL_TEXT = {"text.parse_math": False}


def literal_text(chart):
    """Decorator: draw ``chart`` with :data:`LITERAL_TEXT` (labels shown literally).

    Matplotlib reads ``$…$`` as mathtext; a body or option name from data is text, and a
    broken formula in it would stop the drawing with a traceback. Every text made while the
    chart is drawn keeps the setting, also when the figure is saved later.
    """
    import functools

    @functools.wraps(chart)
    def draw(*args, **kwargs):
        with mpl.rc_context(LITERAL_TEXT):
            return chart(*args, **kwargs)

    return draw


def new_axes(ax, figsize: tuple[float, float]):
    """``ax`` itself, or the Axes of a new figure (pyplot, constrained layout)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def palette(n: int) -> list:
    """``n`` categorical colours: Okabe–Ito up to eight, else evenly spaced viridis."""
    if n <= len(OKABE_ITO):
        return list(OKABE_ITO[:n])
    return [mpl.colormaps["viridis"](x) for x in np.linspace(0, 1, n)]


def number(value: float, lang: str = "de", digits: int = 3) -> str:
    """A number with ``digits`` decimals: decimal comma in German, "–" for NaN."""
    if value is None or not np.isfinite(value):
        return "–"
    out = f"{value:.{digits}f}"
    return out.replace(".", ",") if lang == "de" else out


class DecimalCommaFormatter(ScalarFormatter):
    """Matplotlib's default tick format, with a decimal comma (German)."""

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", ",")


def number_axis(axis, lang: str) -> None:
    """Decimal comma on a numeric axis (``ax.xaxis`` / ``ax.yaxis``) for German."""
    if lang == "de":
        axis.set_major_formatter(DecimalCommaFormatter())


def wrap(label: str, width: int = 40) -> str:
    """A long label broken into lines of at most ``width`` characters."""
    return textwrap.fill(str(label), width=width, break_long_words=False, break_on_hyphens=False)


def unclutter(ax) -> None:
    """No chart junk: no top and right frame lines."""
    ax.spines[["top", "right"]].set_visible(False)


def body_name(frame: pd.DataFrame, body: str) -> str:
    """The body's name from a table with ``body`` and ``body_name`` (else the id)."""
    if "body_name" in frame.columns:
        names = frame.loc[frame["body"] == body, "body_name"]
        if len(names):
            return str(names.iloc[0])
    return body


def check_columns(frame, columns, what: str) -> None:
    """InputError if ``frame`` is not a DataFrame with ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        raise InputError(message("charts.not_frame", got=type(frame).__name__), what)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            message(
                "charts.missing_columns", missing=", ".join(missing), expected=", ".join(columns)
            ),
            what,
        )


def check_body(frame: pd.DataFrame, body: str, what: str) -> pd.DataFrame:
    """The rows of ``frame`` for ``body``; InputError naming the known bodies if none."""
    rows = frame[frame["body"] == body]
    if rows.empty:
        known = ", ".join(dict.fromkeys(frame["body"].astype(str)))
        raise InputError(message("charts.no_body_rows", body=body, known=known), what)
    return rows


def option_names(ranking: pd.DataFrame, dataset, lang: str = "de") -> dict[str, str]:
    """Option id → readable label (:func:`potential.labels.option_label`).

    Parameters
    ----------
    ranking : pandas.DataFrame
        Rows with ``option``, ``field``, ``legal_form`` and ``partners``, such as
        :attr:`potential.analysis.Analysis.ranking` or ``joint``.
    dataset : potential.models.Dataset
        Gives the names of fields, legal forms and bodies.
    lang : {"de", "en"}

    Returns
    -------
    dict of str to str
        One entry per option, in order of first appearance.
    """
    from potential.labels import option_label

    check_lang(lang)
    check_columns(ranking, ["option", "field", "legal_form", "partners"], "ranking")
    rows = ranking.drop_duplicates("option")
    return {
        row["option"]: option_label(dataset, row, lang)
        for row in rows[["option", "field", "legal_form", "partners"]].to_dict("records")
    }


def lookup_names(names: Mapping[str, str] | None, keys) -> list[str]:
    """``names[key]`` for each key, the key itself where ``names`` has none."""
    names = names or {}
    return [str(names.get(k, k)) for k in keys]


def side_legend(ax, title: str | None = None, handles=None):
    """A frameless legend to the right of the Axes, top-aligned (the charts' common place)."""
    kwargs = {"handles": handles} if handles is not None else {}
    return ax.legend(
        title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8,
        **kwargs,
    )  # fmt: skip
