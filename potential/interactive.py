"""Interactive helpers for Jupyter notebooks: weight sliders that re-rank a body live.

:func:`weight_sliders` builds an ipywidgets box with one slider per criteria group; moving a
slider runs :func:`potential.analyse` again with the new group weights and shows the body's
best options. ipywidgets is imported only when the function is called, so ``import
potential`` works without it (``python -m pip install ".[notebooks]"`` installs it).

Examples
--------
>>> import potential, potential.interactive                        # doctest: +SKIP
>>> potential.interactive.weight_sliders(potential.analyse(), body="boenen")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from potential.errors import InputError
from potential.messages import message

#: The assumption recorded with the slider weights (per-body weights need a source or one).
SLIDER_ASSUMPTION = "Gewichte aus den Schiebereglern (potential.interactive.weight_sliders)"

_TEXT = {
    "title": (
        "Gewichte der Kriteriengruppen für {body}",
        "Weights of the criteria groups for {body}",
    ),
    "hint": (
        "Die Gewichte zählen im Verhältnis zueinander (sie werden auf 1 normiert). "
        "Anteile jetzt: {shares}.",
        "The weights count relative to each other (they are normalised to 1). "
        "Shares now: {shares}.",
    ),
    "reset": ("Zurücksetzen", "Reset"),
    "error": ("Keine Rangfolge: {problem}", "No ranking: {problem}"),
}


def _text(key: str, lang: str, **values) -> str:
    return _TEXT[key][0 if lang == "de" else 1].format(**values)


class WeightSliders:
    """Controller of :func:`weight_sliders`: the widgets and the result of the last run.

    Attributes
    ----------
    base : potential.analysis.Analysis
        The analysis the sliders start from (dataset, criteria model, method, date).
    body : str
        Body id whose options are re-ranked.
    n : int
        How many of the body's best options are shown.
    lang : {"de", "en"}
    sliders : dict of str to ipywidgets.FloatSlider
        Criteria group id → its slider (0–1).
    output : ipywidgets.Output
        Shows the table (or the reason why there is none).
    widget : ipywidgets.VBox
        Title, sliders, reset button and output; what the notebook displays.
    result : potential.analysis.Analysis or None
        The analysis of the last run (``None`` if its weights were invalid).
    ranking : pandas.DataFrame or None
        The body's ``n`` best rows of ``result.ranking`` (rank order), i.e. what the table
        shows; ``None`` if the last weights were invalid.
    error : str or None
        Why the last weights gave no ranking (e.g. all zero), else ``None``.
    """

    def __init__(self, base, body: str, n: int, lang: str, widgets):
        from potential.labels import LANGS

        if lang not in LANGS:
            raise InputError(message("interactive.lang", language=lang, known=", ".join(LANGS)))
        if int(n) < 1:
            raise InputError(message("interactive.n", n=n))
        if body not in set(base.ranking["body"]):
            known = ", ".join(dict.fromkeys(base.ranking["body"]))
            raise InputError(message("analysis.not_ranked", body=body, known=known))
        self.base, self.body, self.n, self.lang = base, body, int(n), lang
        self.result = None
        self.ranking = None
        self.error = None
        model = base.criteria
        own = model.body_weights.get(body)
        start = {g.id: (own.groups.get(g.id, g.weight) if own else g.weight) for g in model.groups}
        if max(start.values()) > 1:  # weights count relative to each other: keep the ratios
            total = sum(start.values())
            start = {gid: w / total for gid, w in start.items()}
        self.sliders = {
            g.id: widgets.FloatSlider(
                value=start[g.id],
                min=0.0,
                max=1.0,
                step=0.05,
                description=getattr(g.label, lang),
                continuous_update=False,
                readout_format=".2f",
                style={"description_width": "16em"},
                layout=widgets.Layout(width="36em"),
            )
            for g in model.groups
        }
        self._start = {gid: s.value for gid, s in self.sliders.items()}
        self.hint = widgets.HTML()
        self.output = widgets.Output()
        reset = widgets.Button(description=_text("reset", lang), icon="undo")
        reset.on_click(lambda _: self.reset())
        name = base.ranking.loc[base.ranking["body"] == body, "body_name"].iloc[0]
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<b>{_text('title', lang, body=name)}</b>"),
                *self.sliders.values(),
                self.hint,
                reset,
                self.output,
            ]
        )
        self.widget.controller = self
        self._muted = False
        for slider in self.sliders.values():
            slider.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change) -> None:
        if not self._muted:
            self.update()

    def weights(self) -> dict[str, float]:
        """The sliders' group weights now: group id → weight (not normalised)."""
        return {gid: float(s.value) for gid, s in self.sliders.items()}

    def model(self):
        """The criteria model with the sliders' group weights as the body's own weights.

        The body's own criterion weights, if the model has any, are kept.

        Raises
        ------
        InputError
            If the weights are invalid (all zero, say).
        """
        model = self.base.criteria
        own = model.body_weights.get(self.body)
        entry = {
            "groups": self.weights(),
            "criteria": dict(own.criteria) if own else {},
            "assumption": SLIDER_ASSUMPTION,
        }
        return model.with_body_weights({self.body: entry}, where=message("interactive.where"))

    def update(self) -> None:
        """Re-run the analysis with the sliders' weights and show the body's best options."""
        from potential.analysis import analyse

        weights = self.weights()
        total = sum(weights.values())
        shares = ", ".join(
            f"{getattr(g.label, self.lang)} {100 * weights[g.id] / total:.0f} %"
            if total > 0
            else f"{getattr(g.label, self.lang)} –"
            for g in self.base.criteria.groups
        )
        self.hint.value = f"<small>{_text('hint', self.lang, shares=shares)}</small>"
        try:
            base = self.base
            self.result = analyse(
                base.dataset, self.model(), base.method, base.reference_date, **base.params
            )
        except InputError as exc:
            self.result, self.ranking, self.error = None, None, str(exc)
            self.output.outputs = (
                {
                    "output_type": "stream",
                    "name": "stdout",
                    "text": _text("error", self.lang, problem=exc) + "\n",
                },
            )
            return
        ranking = self.result.ranking
        rows = ranking[(ranking["body"] == self.body) & (ranking["rank"] <= self.n)]
        self.ranking = rows.reset_index(drop=True)
        self.error = None
        table = self.table()
        self.output.outputs = (
            {
                "output_type": "display_data",
                "data": {"text/plain": table.to_string(), "text/html": table.to_html()},
                "metadata": {},
            },
        )

    def table(self) -> pd.DataFrame:
        """The table shown: the body's best options with labels, score and earlier rank.

        Columns (in ``lang``): rank, cooperation option, score, benefit over stand-alone and
        the rank under the starting weights; indexed by rank.
        """
        from potential.labels import column, option_label

        if self.ranking is None:
            return pd.DataFrame()
        base = self.base.ranking
        before = base[base["body"] == self.body].set_index("option")["rank"]
        rows = self.ranking
        frame = pd.DataFrame(
            {
                "rank": rows["rank"].to_numpy(),
                "option_label": [
                    option_label(self.base.dataset, row, self.lang) for _, row in rows.iterrows()
                ],
                "score": rows["score"].round(4).to_numpy(),
                "benefit": rows["benefit"].round(4).to_numpy(),
                "model_rank": rows["option"].map(before).to_numpy(),
            }
        )
        frame.columns = [column(c, self.lang) for c in frame.columns]
        return frame.set_index(frame.columns[0])

    def reset(self) -> None:
        """Put every slider back to its starting weight (one re-run at the end)."""
        self._muted = True
        try:
            for gid, slider in self.sliders.items():
                slider.value = self._start[gid]
        finally:
            self._muted = False
        self.update()


def weight_sliders(analysis=None, body: str = "boenen", lang: str = "de", n: int = 5):
    """Sliders for the criteria groups' weights that re-rank one body's options live.

    One slider (0–1) per group of the criteria model, starting at the body's group weights
    (its own, where the model has per-body weights, else the model's). Whenever a slider
    moves, :func:`potential.analyse` runs again on the same dataset, method, reference date
    and parameters, with the slider values as the body's own group weights (read like the
    model's: relative to each other, and the criteria within each group keep their
    weights), and the body's ``n`` best options are shown with their score, their benefit
    over stand-alone and their rank under the starting weights.

    Parameters
    ----------
    analysis : potential.analysis.Analysis or mapping, optional
        The analysis to start from, or the keyword arguments of :func:`potential.analyse`
        (e.g. ``{"method": "topsis"}``); default ``potential.analyse()``.
    body : str
        Body id whose options are re-ranked.
    lang : {"de", "en"}
        Language of the labels and the table.
    n : int
        How many of the body's best options are shown.

    Returns
    -------
    ipywidgets.VBox
        The widget; Jupyter displays it. Its attribute ``controller`` is the
        :class:`WeightSliders` behind it, with the sliders and the last result
        (``controller.ranking``: the rows shown).

    Raises
    ------
    InputError
        ipywidgets is not installed, ``analysis`` is neither an analysis nor a mapping, the
        body is not ranked, ``n`` < 1 or an unknown ``lang``.
    """
    try:
        import ipywidgets as widgets
    except ImportError:
        raise InputError(message("interactive.no_widgets")) from None
    from potential.analysis import Analysis, analyse

    if analysis is None:
        analysis = analyse()
    elif isinstance(analysis, Mapping):
        analysis = analyse(**analysis)
    elif not isinstance(analysis, Analysis):
        raise InputError(message("interactive.analysis_type", type=type(analysis).__name__))
    return WeightSliders(analysis, body, n, lang, widgets).widget
