"""SMAA for every body of an analysis: rank acceptability of each body's options.

Each body's decision matrix (its options × the criteria) is analysed with
:func:`potential.uncertainty.smaa.smaa`. Every body gets its own seed derived from the run's
seed and the body's position in the dataset, so the same seed and dataset always give the
same tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message

#: Weight specifications the analysis offers (see :func:`body_weight_spec`).
WEIGHT_SPECS = ("uniform", "groups", "ordinal", "model")
#: Value uncertainty the analysis offers (see :func:`smaa_by_body`).
VALUE_SPECS = ("none", "dataset")


@dataclass(frozen=True)
class BodySMAA:
    """SMAA results of all bodies.

    Attributes
    ----------
    acceptability : pandas.DataFrame
        Tidy: ``body``, ``option``, ``rank``, ``share`` (only ranks with a positive share).
    summary : pandas.DataFrame
        One row per (body, option): ``first_rank_acceptability`` (share of samples in which
        the option ranks first), ``expected_rank``, ``confidence`` and the central weights
        (one column per criterion), sorted by body and expected rank.
    bodies : dict of str to str
        Body id → name, in dataset order: the bodies that take part
        (:func:`potential.options.participants`); only these are ranked.
    n, seed, method, weights, reference_date, values, scales : object
        The run's settings.
    """

    acceptability: pd.DataFrame
    summary: pd.DataFrame
    bodies: dict
    n: int
    seed: int
    method: str
    weights: str
    reference_date: dt.date
    values: str = "none"
    scales: str = "fixed"


def body_weight_spec(model, kind: str, body: str | None = None):
    """The weight specification for SMAA in the analysis.

    ``uniform``: every weight vector on the simplex equally likely (no preference
    information, so no body's weights are used). ``groups``: the value tree of the criteria
    model, group weights and weights within each group uniform on their simplices (the
    model's structure, none of its weights). ``ordinal``: the criteria ranked by the
    effective weights of ``body`` (its own where the model has weights for it, e.g. from the
    survey; else the model's), all weight vectors respecting that order equally likely.
    ``model``: the weights of ``body`` (its own, else the model's), fixed (useful with
    ``values="dataset"``).
    """
    weights = model.weights(body)
    if kind == "uniform":
        return None
    if kind == "groups":
        return model
    if kind == "ordinal":
        return sorted(weights, key=lambda c: -weights[c])
    if kind == "model":
        return np.array([weights[c.id] for c in model.criteria])
    raise InputError(
        message("mcda.one_of", value=kind, choices=", ".join(WEIGHT_SPECS)), "weights"
    )


def body_seed(seed: int, position: int) -> int:
    """A body's own seed, derived from the run's seed and the body's position."""
    return int(np.random.SeedSequence([int(seed), int(position)]).generate_state(1)[0])


def smaa_by_body(
    dataset=None,
    criteria="ikz-egov-nrw",
    method: str = "wsm",
    reference_date=None,
    *,
    n: int = 10_000,
    seed: int = 0,
    weights: str = "uniform",
    values: str = "none",
    progress: Callable | None = None,
    scales: str = "fixed",
    economics=None,
    body_weights=None,
) -> BodySMAA:
    """Rank acceptability of every body's options (SMAA over weights, optionally values).

    Parameters
    ----------
    dataset, criteria, reference_date
        As for :func:`potential.analyse`.
    method : {"wsm", "wpm", "topsis"}
        Ranking method (vectorised in SMAA).
    n : int
        Weight samples per body.
    seed : int
        Seed of the run; each body's seed is derived from it (:func:`body_seed`).
    weights : {"uniform", "groups", "ordinal", "model"}
        Weight specification (:func:`body_weight_spec`).
    values : {"none", "dataset"}
        ``"none"``: the indicator values are fixed. ``"dataset"``: every cell (option,
        criterion) whose indicator has a range under the dataset's uncertain parameters
        (:func:`potential.uncertainty.ranges.indicator_ranges`, a one-at-a-time envelope) is
        drawn uniformly between its low and high, independently of the other cells.
    progress : callable, optional
        Wraps the iterable of bodies (e.g. ``tqdm``) to show progress.
    scales : {"fixed", "minmax"}
        As for :func:`potential.analyse`: ``"fixed"`` (default) clips every body's matrix to
        the criteria model's anchored scales, and ``wsm`` and ``wpm`` score on them (each
        sampled value clipped to them, with ``values="dataset"``); for ``topsis``, which
        keeps its own normalisation, a cell's sampling range is cut to the anchors. With
        ``weights="model"`` and no value uncertainty every option then keeps its rank in
        :func:`potential.analyse`.
    economics : EconomicSettings or mapping, optional
        Settings of the Wirtschaftlichkeitsvergleich, as for :func:`potential.analyse`;
        default the dataset's.
    body_weights : str, Path, mapping or False, optional
        Per-body weights, as for :func:`potential.analyse` (default: the dataset folder's
        survey weights, if any). They count with ``weights="ordinal"`` (each body's own
        order) and ``weights="model"`` (each body's own weights, fixed); ``uniform`` and
        ``groups`` use no weights.

    Returns
    -------
    BodySMAA
    """
    from potential.analysis import (
        FIXED_SCALE_METHODS,
        anchored,
        check_scales,
        decision_matrices,
        missing_scales,
        prepare,
    )
    from potential.economics.settings import EconomicSettings, economic_settings
    from potential.indicators import indicator_parts
    from potential.options import participants
    from potential.uncertainty.sampling import _check_n
    from potential.uncertainty.smaa import smaa

    if int(n) < 1:
        raise InputError(message("uncertainty.samples_at_least", n=n), "n")
    _check_n(n)
    if values not in VALUE_SPECS:
        raise InputError(
            message("mcda.one_of", value=values, choices=", ".join(VALUE_SPECS)), "values"
        )
    check_scales(scales)
    ds, model, date, options, table = prepare(dataset, criteria, reference_date, body_weights)
    if scales == "fixed":
        missing_scales(model)
    if economics is not None:
        if not isinstance(economics, EconomicSettings):
            economics = economic_settings(ds, date, economics)
        table = indicator_parts(ds, options, date, economics)[0]
    body_weight_spec(model, weights)  # checks the kind before any work
    matrices = decision_matrices(ds, table, model)
    cells = _value_cells(ds, options, date, model, economics) if values == "dataset" else {}
    params = {}
    if scales == "fixed":
        bounds = {c.id: c.bounds for c in model.criteria}
        matrices = {b: anchored(m, model)[0] for b, m in matrices.items()}
        if method in FIXED_SCALE_METHODS:
            params = {"bounds": bounds}
        else:
            cells = {b: _within(body_cells, bounds) for b, body_cells in cells.items()}
    objectives = [c.direction for c in model.criteria]
    # a body keeps its position in the dataset (and so its seed) when others stay out
    taking_part = {b.id for b in participants(ds)}
    bodies = [(i, b) for i, b in enumerate(ds.bodies) if b.id in taking_part]
    acceptability, summary = [], []
    for position, body in progress(bodies) if progress else bodies:
        result = smaa(
            matrices[body.id],
            objectives,
            weights=body_weight_spec(model, weights, body.id),
            method=method,
            n=int(n),
            seed=body_seed(seed, position),
            pairwise=False,
            value_uncertainty=cells.get(body.id) or None,
            **params,
        )
        ra = result.rank_acceptability
        long = ra.stack().rename("share").reset_index()
        long.columns = ["option", "rank", "share"]
        long = long[long["share"] > 0]
        long.insert(0, "body", body.id)
        acceptability.append(long)
        ranks = np.asarray(ra.columns, dtype=float)
        rows = pd.DataFrame(
            {
                "body": body.id,
                "option": ra.index,
                "first_rank_acceptability": ra.iloc[:, 0].to_numpy(),
                "expected_rank": ra.to_numpy() @ ranks,
                "confidence": result.confidence.reindex(ra.index).to_numpy(),
            }
        )
        central = result.central_weights.reindex(ra.index)
        for c in central.columns:
            rows[f"central_weight_{c}"] = central[c].to_numpy()
        summary.append(rows.sort_values("expected_rank", kind="stable"))
    return BodySMAA(
        acceptability=pd.concat(acceptability, ignore_index=True),
        summary=pd.concat(summary, ignore_index=True),
        bodies={b.id: b.name for _, b in bodies},
        n=int(n),
        seed=int(seed),
        method=method,
        weights=weights,
        reference_date=date,
        values=values,
        scales=scales,
    )


def _within(cells: dict, bounds: dict) -> dict:
    """Cells' ``Uniform`` ranges cut to the anchored scales (cells fixed by the cut go)."""
    from potential.uncertainty.sampling import Uniform

    out = {}
    for (option, criterion), dist in cells.items():
        lo, hi = bounds[criterion]
        low, high = max(dist.low, lo), min(dist.high, hi)
        if low < high:
            out[(option, criterion)] = Uniform(low, high)
    return out


def smaa_of(analysis, n: int = 10_000, seed: int = 0, **settings) -> BodySMAA:
    """SMAA for an analysis: its dataset, criteria model (with per-body weights), date,
    economic settings and scales.

    Parameters
    ----------
    analysis : potential.analysis.Analysis
    n, seed
        Weight samples per body and the seed.
    **settings
        ``weights`` and ``values`` as for :func:`smaa_by_body`; ``method`` defaults to the
        analysis' method where SMAA has it (wsm, wpm, topsis), else wsm.

    Returns
    -------
    BodySMAA
    """
    method = settings.pop("method", None) or (
        analysis.method if analysis.method in ("wsm", "wpm", "topsis") else "wsm"
    )
    settings.setdefault("scales", getattr(analysis, "scales", "fixed"))
    settings.setdefault("economics", getattr(analysis, "economics", None))
    # the analysis' model already carries the weights it ranked with (none: --model-weights)
    settings.setdefault("body_weights", False)
    return smaa_by_body(
        analysis.dataset, analysis.criteria, method, analysis.reference_date, n=n, seed=seed,
        **settings,
    )  # fmt: skip


def _value_cells(ds, options, date, model, economics=None) -> dict:
    """Body → ``{(option, criterion): Uniform(low, high)}`` for cells with ``low < high``.

    The ranges are computed once for all bodies; bounds are absolute (the ``Uniform``
    default).
    """
    from potential.uncertainty.ranges import indicator_ranges
    from potential.uncertainty.sampling import Uniform

    ranges = indicator_ranges(ds, options, date, economics)
    ranges = ranges[ranges["low"] < ranges["high"]]
    by_indicator: dict[str, list[str]] = {}
    for c in model.criteria:
        by_indicator.setdefault(c.indicator, []).append(c.id)
    cells: dict[str, dict] = {}
    for body, option, indicator, low, high in ranges[
        ["body", "option", "indicator", "low", "high"]
    ].itertuples(index=False):
        for criterion in by_indicator.get(indicator, ()):
            cells.setdefault(body, {})[(option, criterion)] = Uniform(float(low), float(high))
    return cells


def smaa_sheets(result: BodySMAA, lang: str = "de", per_body: bool = True) -> dict:
    """Workbook sheets of a SMAA run: an overview (each body's three options of best expected
    rank, the summary's order) and, with ``per_body``, one sheet per body with the share of
    samples in which each option takes ranks 1 to 10.

    The tables carry ``attrs["kinds"]`` so that :func:`potential.workbook.write_workbook`
    shows shares as percentages (acceptabilities with a colour scale).
    """
    from potential import labels

    names = result.bodies
    sheets = {}
    overview = result.summary.groupby("body", sort=False).head(3).copy()
    overview.insert(1, "body_name", overview["body"].map(names))
    overview = _headers(overview, lang)
    overview.attrs["kinds"] = {
        c: "share" for c in overview.columns if c.startswith(_CENTRAL[labels.LANGS.index(lang)])
    }
    sheets[labels.text("overview", lang)] = overview
    if not per_body:
        return sheets
    for body_id, body_name in names.items():
        rows = result.acceptability[result.acceptability["body"] == body_id]
        wide = rows.pivot(index="option", columns="rank", values="share").fillna(0.0)
        order = result.summary.loc[result.summary["body"] == body_id, "option"]
        wide = wide.reindex(order).fillna(0.0)
        shown = [c for c in wide.columns if c <= 10]
        table = wide[shown].copy()
        table.columns = [labels.text("rank_n", lang).format(n=c) for c in shown]
        table.insert(0, labels.column("option", lang), table.index)
        table = table.reset_index(drop=True)
        table.attrs["kinds"] = dict.fromkeys(table.columns[1:], "acceptability")
        sheets[body_name.replace("/", "-")[:31]] = table
    return sheets


def write_smaa(
    result: BodySMAA,
    out_dir: Path,
    lang: str = "de",
    provenance: dict | None = None,
    csv_dialect: str = "standard",
) -> list[Path]:
    """Write ``smaa_acceptability.csv``, ``smaa_summary.csv`` and ``smaa.xlsx`` (and, with a
    provenance record, ``provenance.json`` and a metadata sheet).

    ``csv_dialect``: ``"standard"`` or ``"de"`` (:func:`potential.files.write_csv`).
    """
    from potential import labels
    from potential.files import check_csv_dialect, csv_writer, write_outputs
    from potential.workbook import write_workbook

    check_csv_dialect(csv_dialect)
    sheets = smaa_sheets(result, lang)
    if provenance is not None:
        from potential.provenance import record_rows

        provenance = {**provenance, "csv_dialect": csv_dialect}
        sheets[labels.text("metadata", lang)] = record_rows(provenance, lang)
    return write_outputs(
        Path(out_dir),
        {
            "smaa_acceptability.csv": csv_writer(result.acceptability, csv_dialect),
            "smaa_summary.csv": csv_writer(result.summary, csv_dialect),
            "smaa.xlsx": lambda p: write_workbook(sheets, p, "smaa", lang),
        },
        provenance=provenance,
    )


_HEADERS = {
    "first_rank_acceptability": ("Anteil Rang 1", "First-rank acceptability"),
    "expected_rank": ("Erwarteter Rang", "Expected rank"),
    "confidence": ("Konfidenzfaktor", "Confidence factor"),
}
_CENTRAL = ("Zentralgewicht", "Central weight")


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    from potential import labels

    i = 0 if lang == "de" else 1

    def header(c):
        if c in _HEADERS:
            return _HEADERS[c][i]
        if c.startswith("central_weight_"):
            return f"{_CENTRAL[i]}: {c.removeprefix('central_weight_')}"
        return labels.column(c, lang)

    return frame.rename(columns=header)
