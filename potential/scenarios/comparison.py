"""Comparison of scenario runs: who moves, how far the rankings agree, what stays on top.

``potential scenario compare A B ...`` runs several scenarios and hands their rankings
(:attr:`potential.analysis.Analysis.ranking`) to :func:`compare`. The first scenario is the
baseline. The result shows, per body,

* which options move up or down against the baseline (``moves``),
* how well every two scenarios agree: Kendall's :math:`\\tau_b` over the options both rank
  (``correlation``, averaged over the bodies in ``summary``),
* which options stay in the top ``top`` (default 3) of every scenario: the robust choices
  (``robust``).

Scenarios may rank different option sets (a scenario may drop fields, bodies or partner
sets). A rank is always the position within the scenario's own ranking, so when a scenario
drops an option, the options below it move up by one place without anything else changing;
Kendall's tau looks at the order of the common options only and is not affected by this.

Everything here is a pure function on DataFrames; :func:`comparison_tables` and
:func:`comparison_sheets` shape the result for CSV files and for the Excel workbook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.mcda.compare import kendall_tau
from potential.messages import message

#: Columns every ranking must have.
REQUIRED_COLUMNS = ("body", "option", "rank")

#: Columns that describe an option; filled in when a ranking lacks them (``body_name`` with
#: the body id, the others with an empty string).
DESCRIPTIVE_COLUMNS = ("body_name", "field", "legal_form", "partners")

#: Values of ``Comparison.moves["movement"]``.
MOVEMENTS = ("up", "down", "same", "new", "gone", "mixed")

_KEY = ["body", "option"]
_OPTION = ["body", "body_name", "option", "field", "legal_form", "partners"]


@dataclass(frozen=True)
class Comparison:
    """Result of :func:`compare`: several scenario rankings side by side.

    Attributes
    ----------
    scenarios : tuple of str
        Scenario names in the order given; the first is the baseline.
    ranks : pandas.DataFrame
        Long table, one row per (body, option, scenario) that the scenario ranks: ``body``,
        ``body_name``, ``option``, ``field``, ``legal_form``, ``partners``, ``scenario``,
        ``rank`` and ``score`` (NaN when the ranking has no score). Sorted by body (see
        ``moves``), scenario order and rank.
    moves : pandas.DataFrame
        Wide table, one row per (body, option) ranked by any scenario: ``body``,
        ``body_name``, ``option``, ``field``, ``legal_form``, ``partners`` (from the first
        scenario that ranks the option), ``rank_<scenario>`` for every scenario (NaN where
        the scenario does not rank the option), then for every scenario after the baseline
        ``change_<scenario>`` = baseline rank − scenario rank (positive: moved up; NaN when
        either does not rank the option), and ``movement``, see :func:`compare`. Sorted by
        body (order of first appearance in the baseline, then bodies only later scenarios
        rank, in order of appearance), then by baseline rank (options the baseline does not
        rank last), the ranks in the later scenarios and the option id.
    correlation : pandas.DataFrame
        One row per (body, scenario pair), pairs in scenario order (``scenario_a`` before
        ``scenario_b``): ``body``, ``body_name``, ``scenario_a``, ``scenario_b``,
        ``kendall_tau`` (Kendall's :math:`\\tau_b` between the two rankings of the options
        both scenarios rank; NaN with fewer than two common options or when one side ranks
        them all equal), ``n_common`` (number of common options) and ``same_top`` (True when
        both scenarios rank the body and put the same option(s) on their best rank).
    robust : pandas.DataFrame
        Options within the top ``top`` ranks (rank ≤ ``top``) of every scenario: ``body``,
        ``body_name``, ``option``, ``field``, ``legal_form``, ``partners``, ``worst_rank``,
        ``mean_rank`` and ``rank_<scenario>`` for every scenario. An option some scenario
        does not rank is never robust. Sorted by body (as ``moves``), ``worst_rank``,
        ``mean_rank``, baseline rank and option id.
    summary : pandas.DataFrame
        One row per scenario pair: ``scenario_a``, ``scenario_b``, ``mean_tau`` and
        ``min_tau`` (mean and smallest Kendall's tau over the bodies where it is defined;
        NaN when it is defined for none), ``bodies_same_top`` (bodies with ``same_top``) and
        ``bodies`` (bodies both scenarios rank).
    top : int
        How many of the best ranks count as "top" for ``robust``.
    runs : tuple
        The scenario runs compared, when :func:`potential.scenarios.compare` made the
        comparison from runs (empty otherwise); their provenance goes into the export.
    """

    scenarios: tuple[str, ...]
    ranks: pd.DataFrame
    moves: pd.DataFrame
    correlation: pd.DataFrame
    robust: pd.DataFrame
    summary: pd.DataFrame
    top: int
    runs: tuple = ()

    @property
    def baseline(self) -> str:
        """Name of the baseline scenario (the first one)."""
        return self.scenarios[0]


def compare(
    runs: Mapping[str, pd.DataFrame | Any] | Iterable[tuple[str, pd.DataFrame | Any]],
    top: int = 3,
) -> Comparison:
    """Compare the rankings of several scenario runs against the first (the baseline).

    Parameters
    ----------
    runs : mapping of str to DataFrame or Analysis, or sequence of (name, ranking) pairs
        Scenario name → its ranking, in order; the first scenario is the baseline. A
        ranking is :attr:`potential.analysis.Analysis.ranking` or any DataFrame with at
        least the columns ``body``, ``option`` and ``rank`` (1 = best within the body) and
        one row per (body, option); ``body_name``, ``field``, ``legal_form``,
        ``partners`` and ``score`` are used when present. An object with a ``ranking``
        attribute (an :class:`~potential.analysis.Analysis`) stands for its ranking.
        Stand-alone is an option like any other.
    top : int
        An option is robust when every scenario ranks it within the ``top`` best ranks.

    Returns
    -------
    Comparison
        The tables are described in :class:`Comparison`. ``moves["movement"]`` sums up
        how an option fares in the scenarios after the baseline, where ``change`` is
        baseline rank − scenario rank:

        ``"new"``
            the baseline does not rank the option (some later scenario does);
        ``"gone"``
            the baseline ranks it and no later scenario does;
        ``"same"``
            every later scenario ranks it, with change 0 in each;
        ``"up"``
            every later scenario ranks it, with change ≥ 0 in each and > 0 in at least one;
        ``"down"``
            every later scenario ranks it, with change ≤ 0 in each and < 0 in at least one;
        ``"mixed"``
            anything else: it moves up in one scenario and down in another, or some later
            scenarios drop it while others keep it.

        With two scenarios the movement is always one of the first five.

    Raises
    ------
    InputError
        Fewer than two scenarios, a scenario name that is empty or given twice, a ranking
        that is not a DataFrame, lacks a required column, has a missing or non-numeric
        rank, a rank below 1 or an option twice for one body, or ``top`` < 1.
    """
    top = _check_top(top)
    named = _check_runs(runs)
    scenarios = tuple(name for name, _ in named)
    rankings = {name: _ranking(name, obj) for name, obj in named}

    body_order = _body_order(rankings, scenarios)
    ranks = _long(rankings, scenarios, body_order)
    wide = _wide(rankings, scenarios, body_order)
    moves = _moves(wide, scenarios)
    correlation = _correlation(rankings, scenarios, body_order, wide)
    summary = _summary(correlation, scenarios)
    robust = _robust(wide, scenarios, top)
    return Comparison(
        scenarios=scenarios,
        ranks=ranks,
        moves=moves,
        correlation=correlation.drop(columns="_both"),
        robust=robust,
        summary=summary,
        top=top,
    )


# --- input -------------------------------------------------------------------------------


def _check_top(top) -> int:
    if isinstance(top, bool) or not isinstance(top, int | np.integer):
        raise InputError(message("scenarios.top_not_whole", value=top))
    if top < 1:
        raise InputError(message("scenarios.top_small", value=top))
    return int(top)


def _check_runs(runs) -> list[tuple[str, Any]]:
    if isinstance(runs, Mapping):
        items = list(runs.items())
    elif isinstance(runs, str | bytes | pd.DataFrame) or not isinstance(runs, Iterable):
        raise InputError(message("scenarios.runs_type", type=type(runs).__name__))
    else:
        items = []
        for item in runs:
            if not (isinstance(item, tuple) and len(item) == 2):
                raise InputError(message("scenarios.runs_pair", type=type(item).__name__))
            items.append(item)
    if len(items) < 2:
        first = f" ({items[0][0]})" if items else ""
        raise InputError(message("scenarios.runs_too_few", count=len(items), first=first))
    seen: set[str] = set()
    for name, _ in items:
        if not isinstance(name, str) or not name.strip():
            raise InputError(message("scenarios.name_empty", name=name))
        if name in seen:
            raise InputError(message("scenarios.name_twice", name=name))
        seen.add(name)
    return items


def _ranking(name: str, obj) -> pd.DataFrame:
    """The columns used here, checked: ``_OPTION``, ``rank`` (float), ``score``, ``_pos``."""
    frame = obj.ranking if hasattr(obj, "ranking") else obj
    if not isinstance(frame, pd.DataFrame):
        raise InputError(message("scenarios.ranking_type", name=name, type=type(frame).__name__))
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            message(
                "scenarios.ranking_columns",
                name=name,
                missing=", ".join(missing),
                required=", ".join(REQUIRED_COLUMNS),
            )
        )
    out = pd.DataFrame(index=range(len(frame)))
    for col in _KEY:
        values = frame[col].reset_index(drop=True)
        if values.isna().any():
            row = int(np.flatnonzero(values.isna().to_numpy())[0])
            raise InputError(message("scenarios.ranking_missing", name=name, row=row, column=col))
        out[col] = values.astype(str)
    rank = pd.to_numeric(frame["rank"].reset_index(drop=True), errors="coerce").astype(float)
    bad = ~np.isfinite(rank.to_numpy()) | (rank.to_numpy() < 1)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputError(
            message(
                "scenarios.ranking_rank",
                name=name,
                row=row,
                body=out.at[row, "body"],
                option=out.at[row, "option"],
                rank=frame["rank"].iloc[row],
            )
        )
    duplicated = out.duplicated(_KEY)
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError(
            message(
                "scenarios.ranking_duplicate",
                name=name,
                option=out.at[row, "option"],
                body=out.at[row, "body"],
            )
        )
    for col in DESCRIPTIVE_COLUMNS:
        if col in frame.columns:
            values = frame[col].reset_index(drop=True)
            out[col] = values.where(values.notna(), "").astype(str)
        else:
            out[col] = out["body"] if col == "body_name" else ""
    out["body_name"] = out["body_name"].where(out["body_name"] != "", out["body"])
    out["rank"] = rank
    if "score" in frame.columns:
        score = frame["score"].reset_index(drop=True)
        out["score"] = pd.to_numeric(score, errors="coerce").astype(float)
    else:
        out["score"] = np.nan
    out["_pos"] = np.arange(len(out))
    return out[[*_OPTION, "rank", "score", "_pos"]]


def _body_order(rankings: dict[str, pd.DataFrame], scenarios) -> dict[str, int]:
    order: dict[str, int] = {}
    for s in scenarios:
        for body in rankings[s]["body"]:
            order.setdefault(body, len(order))
    return order


def _rank_col(scenario: str) -> str:
    return f"rank_{scenario}"


def _change_col(scenario: str) -> str:
    return f"change_{scenario}"


# --- tables ------------------------------------------------------------------------------


def _long(rankings, scenarios, body_order) -> pd.DataFrame:
    parts = []
    for i, s in enumerate(scenarios):
        part = rankings[s].copy()
        part["scenario"] = s
        part["_scenario"] = i
        parts.append(part)
    long = pd.concat(parts, ignore_index=True)
    long["_body"] = long["body"].map(body_order)
    long = long.sort_values(["_body", "_scenario", "rank", "_pos"], kind="stable")
    return long[[*_OPTION, "scenario", "rank", "score"]].reset_index(drop=True)


def _wide(rankings, scenarios, body_order) -> pd.DataFrame:
    """One row per (body, option): descriptive columns, rank columns, sorted, ``_body``."""
    options = pd.concat([rankings[s][_OPTION] for s in scenarios], ignore_index=True)
    options = options.drop_duplicates(_KEY, keep="first").reset_index(drop=True)
    key = pd.MultiIndex.from_frame(options[_KEY])
    for s in scenarios:
        ranked = rankings[s].set_index(_KEY)["rank"]
        options[_rank_col(s)] = ranked.reindex(key).to_numpy(dtype=float)
    options["_body"] = options["body"].map(body_order)
    rank_cols = [_rank_col(s) for s in scenarios]
    options = options.sort_values(
        ["_body", *rank_cols, "option"], kind="stable", na_position="last"
    )
    return options.reset_index(drop=True)


def _movement(base: float, others: np.ndarray) -> str:
    """Movement of one option: baseline rank and the later scenarios' ranks (NaN: absent)."""
    present = ~np.isnan(others)
    if np.isnan(base):
        return "new"
    if not present.any():
        return "gone"
    if not present.all():
        return "mixed"
    change = base - others
    if (change == 0).all():
        return "same"
    if (change >= 0).all():
        return "up"
    if (change <= 0).all():
        return "down"
    return "mixed"


def _moves(wide: pd.DataFrame, scenarios) -> pd.DataFrame:
    base, later = _rank_col(scenarios[0]), [_rank_col(s) for s in scenarios[1:]]
    moves = wide[[*_OPTION, *(_rank_col(s) for s in scenarios)]].copy()
    for s in scenarios[1:]:
        moves[_change_col(s)] = moves[base] - moves[_rank_col(s)]
    base_ranks, later_ranks = moves[base].to_numpy(), moves[later].to_numpy(dtype=float)
    moves["movement"] = [_movement(b, row) for b, row in zip(base_ranks, later_ranks, strict=True)]
    return moves


def _best(ranked: pd.Series) -> frozenset:
    return frozenset(ranked.index[ranked == ranked.min()]) if len(ranked) else frozenset()


def _correlation(rankings, scenarios, body_order, wide) -> pd.DataFrame:
    names = wide.drop_duplicates("body").set_index("body")["body_name"]
    by_body = {
        s: {b: g.set_index("option")["rank"] for b, g in rankings[s].groupby("body", sort=False)}
        for s in scenarios
    }
    rows = []
    for body in body_order:
        for i, a in enumerate(scenarios):
            for b in scenarios[i + 1 :]:
                ra, rb = by_body[a].get(body), by_body[b].get(body)
                both = ra is not None and rb is not None
                if both:
                    common = ra.index[ra.index.isin(rb.index)]
                    tau = kendall_tau(ra[common].to_numpy(), rb[common].to_numpy())
                    same_top = bool(_best(ra)) and _best(ra) == _best(rb)
                else:
                    common, tau, same_top = [], float("nan"), False
                rows.append(
                    {
                        "body": body,
                        "body_name": names[body],
                        "scenario_a": a,
                        "scenario_b": b,
                        "kendall_tau": tau,
                        "n_common": len(common),
                        "same_top": same_top,
                        "_both": both,
                    }
                )
    out = pd.DataFrame(rows)
    out["kendall_tau"] = out["kendall_tau"].astype(float)
    out["n_common"] = out["n_common"].astype(int)
    out["same_top"] = out["same_top"].astype(bool)
    return out


def _summary(correlation: pd.DataFrame, scenarios) -> pd.DataFrame:
    rows = []
    for i, a in enumerate(scenarios):
        for b in scenarios[i + 1 :]:
            pair = correlation[(correlation["scenario_a"] == a) & (correlation["scenario_b"] == b)]
            taus = pair["kendall_tau"].dropna()
            rows.append(
                {
                    "scenario_a": a,
                    "scenario_b": b,
                    "mean_tau": float(taus.mean()) if len(taus) else float("nan"),
                    "min_tau": float(taus.min()) if len(taus) else float("nan"),
                    "bodies_same_top": int(pair["same_top"].sum()),
                    "bodies": int(pair["_both"].sum()),
                }
            )
    return pd.DataFrame(rows)


def _robust(wide: pd.DataFrame, scenarios, top: int) -> pd.DataFrame:
    rank_cols = [_rank_col(s) for s in scenarios]
    values = wide[rank_cols].to_numpy(dtype=float)
    keep = (~np.isnan(values) & (values <= top)).all(axis=1)
    robust = wide.loc[keep, [*_OPTION, "_body", *rank_cols]].copy()
    robust.insert(len(_OPTION), "worst_rank", robust[rank_cols].max(axis=1).astype(float))
    robust.insert(len(_OPTION) + 1, "mean_rank", robust[rank_cols].mean(axis=1).astype(float))
    robust = robust.sort_values(
        ["_body", "worst_rank", "mean_rank", rank_cols[0], "option"], kind="stable"
    )
    return robust.drop(columns="_body").reset_index(drop=True)


# --- output ------------------------------------------------------------------------------


def _integral(values: pd.Series) -> bool:
    present = values.dropna().to_numpy(dtype=float)
    return bool(np.all(present == np.round(present)))


def _rank_like(comparison: Comparison) -> set[str]:
    cols = {"worst_rank", "rank"}
    for s in comparison.scenarios:
        cols |= {_rank_col(s), _change_col(s)}
    return cols


def comparison_tables(comparison: Comparison) -> dict[str, pd.DataFrame]:
    """Tables for CSV files, with stable column ids.

    Rank and change columns whose values are all whole numbers become nullable integers
    (``Int64``), so a file shows ``2`` rather than ``2.0`` and an empty cell where a
    scenario does not rank an option.

    Parameters
    ----------
    comparison : Comparison
        Result of :func:`compare`.

    Returns
    -------
    dict of str to pandas.DataFrame
        File name → table: ``compare_moves.csv`` (:attr:`Comparison.moves`),
        ``compare_correlation.csv``, ``compare_robust.csv`` and ``compare_summary.csv``.
    """
    integer = _rank_like(comparison)

    def clean(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        for col in out.columns:
            if col in integer and _integral(out[col]):
                out[col] = out[col].astype("Int64")
        return out

    return {
        "compare_moves.csv": clean(comparison.moves),
        "compare_correlation.csv": clean(comparison.correlation),
        "compare_robust.csv": clean(comparison.robust),
        "compare_summary.csv": clean(comparison.summary),
    }


#: column id → (German, English) for the columns this module adds.
HEADERS = {
    "scenario": ("Szenario", "Scenario"),
    "scenario_a": ("Szenario A", "Scenario A"),
    "scenario_b": ("Szenario B", "Scenario B"),
    "kendall_tau": ("Kendalls Tau", "Kendall's tau"),
    "n_common": ("Gemeinsame Optionen", "Common options"),
    "same_top": ("Gleiche beste Option", "Same best option"),
    "mean_tau": ("Mittleres Tau", "Mean tau"),
    "min_tau": ("Kleinstes Tau", "Smallest tau"),
    "bodies_same_top": (
        "Körperschaften mit gleicher bester Option",
        "Bodies with the same best option",
    ),
    "bodies": ("Körperschaften in beiden Szenarien", "Bodies in both scenarios"),
    "worst_rank": ("Schlechtester Rang", "Worst rank"),
    "movement": ("Bewegung", "Movement"),
}

#: Prefix of the per-scenario columns: (German, English).
_PREFIXES = {"rank_": ("Rang", "Rank"), "change_": ("Veränderung", "Change")}

#: movement → (German, English)
MOVEMENT_LABELS = {
    "up": ("aufgestiegen", "moved up"),
    "down": ("abgestiegen", "moved down"),
    "same": ("unverändert", "unchanged"),
    "new": ("neu", "new"),
    "gone": ("entfallen", "dropped"),
    "mixed": ("gemischt", "mixed"),
}

#: Sheet names: (German, English).
SHEETS = {
    "summary": ("Übersicht", "Overview"),
    "robust": ("Robuste Optionen", "Robust options"),
    "moves": ("Bewegungen", "Moves"),
    "correlation": ("Korrelation", "Correlation"),
}


def _safe_label(label, fallback: str, *args) -> str:
    """``label(*args)``, or ``fallback`` when the dataset does not know an id."""
    try:
        return label(*args)
    except (InputError, LookupError):
        return fallback


def _readable(
    frame: pd.DataFrame, comparison: Comparison, lang: str, dataset, integer: set[str]
) -> pd.DataFrame:
    from potential import labels

    i = labels.LANGS.index(lang)
    out = frame.copy()
    if dataset is not None and "option" in out:
        names = [
            _safe_label(labels.option_label, row["option"], dataset, row, lang)
            for _, row in out.iterrows()
        ]
        out.insert(out.columns.get_loc("option") + 1, "option_label", names)
        out = out.drop(columns="option")
        for col, label in (
            ("field", labels.field_label),
            ("legal_form", labels.form_label),
            ("partners", labels.partners_label),
        ):
            out[col] = [_safe_label(label, v, dataset, v, lang) for v in out[col]]
    if "body_name" in out and "body" in out:
        out = out.drop(columns="body")
    if "movement" in out:
        out["movement"] = out["movement"].map(lambda m: MOVEMENT_LABELS[m][i])
    if "same_top" in out:
        yes, no = labels.text("yes", lang), labels.text("no", lang)
        out["same_top"] = out["same_top"].map({True: yes, False: no})
    for col in out.columns:
        if col in integer and _integral(out[col]):
            out[col] = pd.Series(
                [np.nan if pd.isna(v) else int(v) for v in out[col]], index=out.index, dtype=object
            )

    headers = {}
    for s in comparison.scenarios:
        for prefix, pair in _PREFIXES.items():
            headers[f"{prefix}{s}"] = f"{pair[i]} {s}"

    def header(col: str) -> str:
        if col in headers:
            return headers[col]
        if col in HEADERS:
            return HEADERS[col][i]
        return labels.column(col, lang)

    return out.rename(columns=header)


def comparison_sheets(
    comparison: Comparison, lang: str = "de", dataset=None
) -> dict[str, pd.DataFrame]:
    """Sheets for the Excel workbook, with readable headers.

    Headers are German by default (``Körperschaft``, ``Rang heute``,
    ``Veränderung personal-2030``, ``Kendalls Tau`` ...), English with ``lang="en"``.
    Body ids are dropped in favour of body names, movements are words (aufgestiegen,
    abgestiegen, unverändert, neu, entfallen, gemischt), ``same_top`` is ja/nein, and ranks
    are whole numbers where they are. Scenario names stay as given.

    Parameters
    ----------
    comparison : Comparison
        Result of :func:`compare`.
    lang : {"de", "en"}
        Language of headers and words.
    dataset : potential.models.Dataset, optional
        With a dataset, fields, legal forms and partner sets are named
        (:mod:`potential.labels`) and the option id is replaced by a one-line name
        (``Kooperationsoption``); an id the dataset does not know is kept as it is.
        Without, ids are shown.

    Returns
    -------
    dict of str to pandas.DataFrame
        Sheet name → table, in this order: ``Übersicht`` (:attr:`Comparison.summary`),
        ``Robuste Optionen``, ``Bewegungen``, ``Korrelation`` (English: ``Overview``,
        ``Robust options``, ``Moves``, ``Correlation``).

    Raises
    ------
    InputError
        An unknown language.
    """
    from potential import labels

    if lang not in labels.LANGS:
        raise InputError(
            message("labels.unknown_lang", language=lang, known=", ".join(labels.LANGS))
        )
    i = labels.LANGS.index(lang)
    integer = _rank_like(comparison)
    tables = {
        "summary": comparison.summary,
        "robust": comparison.robust,
        "moves": comparison.moves,
        "correlation": comparison.correlation,
    }
    return {
        SHEETS[key][i]: _readable(frame, comparison, lang, dataset, integer)
        for key, frame in tables.items()
    }
