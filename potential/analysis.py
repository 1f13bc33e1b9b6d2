"""The potential analysis: options → indicators → per-body rankings → joint view.

:func:`analyse` runs the whole flow of ``docs/method.md`` and returns an :class:`Analysis`
whose tables are plain pandas DataFrames with documented columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from potential import mcda
from potential.criteria import CriteriaModel, load_body_weights, load_criteria
from potential.datasets import load_dataset
from potential.economics.flows import CashFlows, long_table
from potential.economics.settings import EconomicSettings, economic_settings
from potential.errors import InputError
from potential.indicators import indicator_parts
from potential.messages import message
from potential.models import Dataset
from potential.options import STAND_ALONE, participants, screen_options

if TYPE_CHECKING:
    from potential.group import GroupView

#: WPM needs strictly positive values; indicators such as net savings are interval scales
#: (zero for stand-alone, possibly negative), so the analysis maps every criterion onto
#: [0.1, 1] with its linear value function first. 0.1 keeps the worst value from vetoing an
#: option (a zero would make the whole product zero). An assumption, listed as such.
WPM_VALUE_FLOOR = 0.1

#: Parameters the analysis gives a method unless the caller does (WASPAS has a WPM part).
METHOD_DEFAULTS = {
    "wpm": {"value_floor": WPM_VALUE_FLOOR},
    "waspas": {"value_floor": WPM_VALUE_FLOOR},
}

OPTION_COLUMNS = ["option", "field", "legal_form", "partners", "lead", "n_partners"]

#: results of the Wirtschaftlichkeitsvergleich copied into the ranking (EUR, years)
MONEY_COLUMNS = ["npv", "annuity", "payback_year", "max_burden", "npv_with_grant"]

#: the verdict of an option for a body (``verdict`` in the ranking): the decision rule that
#: puts money and points side by side
VERDICTS = ("status_quo", "economic", "qualitative_only", "not_better")

#: methods that score on the anchored scales when ``scales="fixed"`` (they take ``bounds``)
FIXED_SCALE_METHODS = ("wsm", "wpm")

#: how criteria are mapped onto [0, 1]: the criteria model's anchored scales (default), or
#: each body's own min-max range (the old behaviour, for comparison)
SCALES = ("fixed", "minmax")


@dataclass(frozen=True)
class Analysis:
    """Result of :func:`analyse`.

    Attributes
    ----------
    ranking : pandas.DataFrame
        One row per (body, option) for every body that takes part
        (:func:`potential.options.participants`), stand-alone included: ``body``, ``body_name``,
        ``option``, ``field``, ``legal_form``, ``partners`` (ids joined by ``;``), ``lead``,
        ``n_partners``, ``score``, ``rank`` (1 = best, 1..n per body), ``benefit`` (score
        minus the body's stand-alone score), the method's own quantities (e.g. ``S``, ``R``,
        ``Q`` for vikor) and one column per criterion with its raw value.
        Sorted by body (dataset order) and rank.
    contributions : pandas.DataFrame
        One row per (body, option, criterion): ``group``, ``weight`` (the body's effective
        weight: its own where the criteria model has weights for it), ``value`` (raw),
        ``normalised`` (linear value function, 0–1), ``contribution`` (weight ×
        normalised) and ``share`` (contribution ÷ sum of contributions). For ``wsm`` the
        contributions add up to the score exactly.
    joint : pandas.DataFrame
        One row per cooperation option: ``members``, ``members_gaining``, ``all_gain`` (every
        member scores above its stand-alone), ``summed_benefit``, ``min_benefit``,
        ``pool_npv`` (the members' Kapitalwerte summed, EUR), ``min_npv`` (the smallest
        member's as modelled), ``members_npv_positive``, ``key_min_npv`` (the smallest member
        Kapitalwert when the pool's cost is split by the full-cost key ``kosten`` of
        :mod:`potential.sharing.ikz`: its share of the status-quo cost times ``pool_npv``),
        ``all_better_off`` (``key_min_npv`` > 0.005 EUR: every member gains in money under
        that key), ``mean_rank`` and ``consensus_rank`` (1 = best; ordered by the smallest
        member benefit, then the summed benefit). ``potential sharing`` splits an option by
        the other keys and tests the core.
    indicators : pandas.DataFrame
        The full indicator table with the inputs used
        (:func:`potential.indicators.indicator_table`).
    criteria : CriteriaModel
        The criteria model used, with any per-body weights merged in
        (:attr:`~potential.criteria.CriteriaModel.body_weights`).
    cashflows : pandas.DataFrame
        The Wirtschaftlichkeitsvergleich of every cooperation option: one row per (body,
        option, year, component) with ``amount_eur`` ≠ 0, the difference to the status quo
        (positive = better for the body), rounded to the cent
        (:func:`potential.economics.long_table`). An option's ``npv`` in :attr:`ranking` is
        exactly the discounted sum of its rows.
    flows : potential.economics.CashFlows
        The same as arrays (one row per row of :attr:`flow_keys`), with the payment to the
        pool.
    flow_keys : pandas.DataFrame
        ``body`` and ``option`` of each row of :attr:`flows`.
    economics : potential.economics.EconomicSettings
        Horizon, discount rate, ramp-up, grant switch ... used.
    excluded : pandas.DataFrame
        The options the knock-out stage removed before scoring, one row per (option, rule):
        ``option``, ``field``, ``legal_form``, ``partners``, ``body`` (the members the rule
        concerns; blank: all), ``rule``, ``reason_de``, ``reason_en``, ``law``, ``source``
        (:func:`potential.knockout.screen`).
    scales : str
        ``"fixed"`` (the criteria model's anchored scales) or ``"minmax"`` (each body's
        range).
    body_weights_file : Path or None
        The per-body weights file the run used (given, or the dataset folder's
        ``body_weights.csv`` from the survey); ``None``: none
        (:mod:`potential.weight_sources` says per body whose weights ranked it).
    """

    ranking: pd.DataFrame
    contributions: pd.DataFrame
    joint: pd.DataFrame
    indicators: pd.DataFrame
    dataset: Dataset
    criteria: CriteriaModel
    method: str
    reference_date: dt.date
    params: dict = field(default_factory=dict)
    cashflows: pd.DataFrame | None = None
    flows: CashFlows | None = None
    flow_keys: pd.DataFrame | None = None
    economics: EconomicSettings | None = None
    scales: str = "fixed"
    excluded: pd.DataFrame | None = None
    body_weights_file: Path | None = None

    def top(self, n: int = 3, body: str | None = None) -> pd.DataFrame:
        """The ``n`` best options of every body, or of one body (rows of :attr:`ranking`).

        Raises
        ------
        InputError
            ``body`` is not a body that is ranked.
        """
        rows = self.ranking[self.ranking["rank"] <= n]
        if body is None:
            return rows
        if body not in set(self.ranking["body"]):
            known = ", ".join(dict.fromkeys(self.ranking["body"]))
            raise InputError(message("analysis.not_ranked", body=body, known=known))
        return rows[rows["body"] == body]

    def explain(self, body: str, option: str | None = None) -> pd.DataFrame:
        """Why an option scores as it does for a body: its criteria, largest share first.

        Parameters
        ----------
        body : str
            Body id.
        option : str, optional
            Option id; default the body's top-ranked option.

        Returns
        -------
        pandas.DataFrame
            Rows of :attr:`contributions` for that (body, option), sorted by contribution.
        """
        if body not in set(self.ranking["body"]):
            if body in {b.id for b in self.dataset.bodies}:
                raise InputError(message("analysis.takes_no_part", body=body))
            raise InputError(message("analysis.unknown_body", body=body))
        if option is None:
            rows = self.ranking[(self.ranking["body"] == body) & (self.ranking["rank"] == 1)]
            option = rows["option"].iloc[0]
        c = self.contributions
        out = c[(c["body"] == body) & (c["option"] == option)]
        if out.empty:
            raise InputError(message("analysis.not_in_option", body=body, option=option))
        return out.sort_values("contribution", ascending=False, kind="stable")

    def why(self, body: str, lang: str = "de") -> str:
        """Why the body's top option leads, in a few sentences (German by default).

        Names the criteria that separate it from the runner-up and from going on alone;
        options less than half a point (of 100) apart are called equally good
        (:func:`potential.explaining.why`). If going on alone ranks first, says so.

        Raises
        ------
        InputError
            ``body`` is not ranked.
        """
        from potential.explaining import why

        self.top(1, body)  # checks the body
        return why(self, body, lang)

    def tradeoffs(self, body: str | None = None, lang: str = "de") -> pd.DataFrame:
        """What each criterion's span is worth in Kapitalwert under the (body's) weights.

        :func:`potential.tradeoffs.implied_tradeoffs` with the body's population.
        """
        from potential.tradeoffs import implied_tradeoffs

        population = self.dataset.body(body).population if body is not None else None
        return implied_tradeoffs(self.criteria, body, population, lang)

    def group_view(self) -> GroupView:
        """The group's view: a group ranking of the joint options and consensus on weights.

        Ranks the cooperation options by Borda and Copeland over their members' rankings,
        aggregates the bodies' weights, measures their agreement (Kendall's W) and lists the
        bodies whose weights depart most. Computed on demand by
        :func:`potential.group.group_view`, which documents the result.

        Returns
        -------
        potential.group.GroupView
        """
        from potential.group import group_view

        return group_view(self)


def parse_date(value, what: str | None = None) -> dt.date:
    """A date from a ``date`` or an ISO string (YYYY-MM-DD)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from potential.dates import parse_date as read_date  # also TT.MM.JJJJ

    try:
        return read_date(str(value))
    except ValueError:
        what = what or message("analysis.what.reference_date")
        raise InputError(message("analysis.bad_date", what=what, value=value)) from None


def analyse(
    dataset: str | Path | Dataset | None = None,
    criteria: str | Path | CriteriaModel = "ikz-egov-nrw",
    method: str = "wsm",
    reference_date: str | dt.date | None = None,
    body_weights: str | Path | Mapping | None = None,
    economics: EconomicSettings | Mapping | None = None,
    scales: str = "fixed",
    **params,
) -> Analysis:
    """Run the potential analysis and rank every body's cooperation options.

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder, or a loaded dataset; default ``kreis-unna``.
    criteria : str, Path or CriteriaModel
        Shipped criteria model name, YAML file, or a model; default ``ikz-egov-nrw``.
    method : str
        Ranking method of :func:`potential.mcda.rank`: ``wsm`` (default), ``wpm``,
        ``waspas``, ``topsis``, ``vikor``, ``promethee2`` or ``electre1``.
    reference_date : str or datetime.date, optional
        Date at which duties and tax rules are judged; default the dataset's
        ``reference_date`` (so the same inputs always give the same result).
    body_weights : str, Path, mapping or False, optional
        Per-body weights merged into the criteria model: a CSV file
        (:func:`potential.criteria.load_body_weights`) or a mapping of body id to weights
        (:meth:`potential.criteria.CriteriaModel.with_body_weights`). A body with weights,
        here or in the model, is ranked with its own weights; the others with the model's.
        Default: the dataset folder's ``body_weights.csv`` (the survey's weights,
        :func:`dataset_body_weights`) if it has one; ``False``: the model's weights only.
    economics : EconomicSettings or mapping, optional
        Overrides of the Wirtschaftlichkeitsvergleich's settings: ``horizon_years``,
        ``discount_rate``, ``ramp_up`` (a profile such as ``(0.5, 0.8, 1)``) and ``grant``
        (count the NRW IKZ grant where its conditions hold); default the dataset's.
    scales : {"fixed", "minmax"}
        ``"fixed"`` (default): every criterion on the criteria model's anchored scale, the
        same for every body, so an option's score depends on its own values only (for the
        value-function methods :data:`FIXED_SCALE_METHODS`, ``wsm`` and ``wpm``; the other
        methods see the clipped values and keep their published normalisation).
        ``"minmax"``: each body's own range, the former behaviour.
    **params
        Parameters of the ranking method.

    Returns
    -------
    Analysis
        Rankings per body, criterion contributions and the joint view.

    Raises
    ------
    InputError
        Among others: per-body weights for a body the dataset does not have.

    Examples
    --------
    >>> result = analyse()                                   # doctest: +SKIP
    >>> result.top(1)[["body_name", "option", "score"]]      # doctest: +SKIP
    """
    mcda.check_method(method, params)
    check_scales(scales)
    ds, model, date, options, excluded = _load(dataset, criteria, reference_date, body_weights)
    settings = economic_settings(ds, date, economics)
    if scales == "fixed":
        missing_scales(model)
    table, flows, keys = indicator_parts(ds, options, date, settings)
    params = {**METHOD_DEFAULTS.get(method, {}), **params}
    ranking, contributions = rank_bodies(ds, table, model, method, params, scales)
    return Analysis(
        ranking=ranking,
        contributions=contributions,
        joint=joint_view(ranking, table),
        indicators=table,
        dataset=ds,
        criteria=model,
        method=method,
        reference_date=date,
        params=params,
        cashflows=long_table(flows, keys),
        flows=flows,
        flow_keys=keys,
        economics=settings,
        scales=scales,
        excluded=excluded,
        body_weights_file=_weights_file(ds, body_weights),
    )


def check_scales(scales: str) -> None:
    """Raise :class:`InputError` unless ``scales`` is one of :data:`SCALES`."""
    if scales not in SCALES:
        raise InputError(message("analysis.scales", scales=scales, known=", ".join(SCALES)))


def missing_scales(model: CriteriaModel) -> None:
    """Raise :class:`InputError` if a weighted criterion has no anchored scale."""
    missing = [c.id for c in model.criteria if c.scale is None]
    if missing:
        raise InputError(
            message("analysis.missing_scales", model=model.id, criteria=", ".join(missing))
        )


def with_body_weights(
    model: CriteriaModel, dataset: Dataset, body_weights: str | Path | Mapping | None = None
) -> CriteriaModel:
    """The criteria model with per-body weights merged in, checked against the dataset.

    Parameters
    ----------
    model : CriteriaModel
        The criteria model (it may carry per-body weights of its own).
    dataset : Dataset
        Gives the known bodies.
    body_weights : str, Path or mapping, optional
        A CSV file (:func:`potential.criteria.load_body_weights`) or a mapping of body id to
        weights; a body's entry replaces the model's entry for that body.

    Returns
    -------
    CriteriaModel

    Raises
    ------
    InputError
        Weights for bodies the dataset does not have (naming them), or bad weights.
    """
    known = [b.id for b in dataset.bodies]
    if isinstance(body_weights, str | Path):
        model = model.with_body_weights(
            load_body_weights(body_weights, model, known), where=str(body_weights)
        )
    elif body_weights is not None:
        if not isinstance(body_weights, Mapping):
            raise InputError(
                message("analysis.body_weights_type", type=type(body_weights).__name__)
            )
        model = model.with_body_weights(body_weights)
    unknown = [b for b in model.body_weights if b not in known]
    if unknown:
        raise InputError(
            message(
                f"analysis.body_weights_unknown.{'many' if len(unknown) > 1 else 'one'}",
                unknown=", ".join(map(repr, unknown)),
                known=", ".join(known),
            )
        )
    return model


def prepare(dataset=None, criteria="ikz-egov-nrw", reference_date=None, body_weights=None):
    """Load and compute what every analysis run starts from.

    Parameters
    ----------
    dataset, criteria, reference_date, body_weights
        As for :func:`analyse`.

    Returns
    -------
    tuple
        ``(dataset, criteria model, reference date, options, indicator table)``.
    """
    ds, model, date, options, _ = _load(dataset, criteria, reference_date, body_weights)
    return ds, model, date, options, indicator_parts(ds, options, date)[0]


#: the survey's weights in a dataset folder (``potential survey import`` writes them)
BODY_WEIGHTS_FILE = "body_weights.csv"


def dataset_body_weights(dataset: Dataset) -> Path | None:
    """The per-body weights file of a dataset folder, if the folder has one.

    A survey merged with ``potential survey import`` writes the bodies' weights there, so
    that they travel with the data: :func:`analyse` uses them unless told otherwise.
    """
    path = Path(dataset.path) / BODY_WEIGHTS_FILE if dataset.path else None
    return path if path is not None and path.is_file() else None


def _weights_file(ds: Dataset, body_weights) -> Path | None:
    """The per-body weights file a run uses: given, else the folder's (``None``: none)."""
    if body_weights is None:
        return dataset_body_weights(ds)
    return Path(body_weights) if isinstance(body_weights, str | Path) else None


def _load(dataset, criteria, reference_date, body_weights):
    ds = dataset if isinstance(dataset, Dataset) else load_dataset(dataset)
    if body_weights is None:
        body_weights = dataset_body_weights(ds)
    elif body_weights is False:
        body_weights = None  # the criteria model's weights only
    model = with_body_weights(load_criteria(criteria), ds, body_weights)
    date = parse_date(reference_date if reference_date is not None else ds.meta.reference_date)
    return ds, model, date, *screen_options(ds, date)


def decision_matrices(
    dataset: Dataset, table: pd.DataFrame, model: CriteriaModel
) -> dict[str, pd.DataFrame]:
    """Each body's decision matrix: its options (rows) × the model's criteria (columns).

    Parameters
    ----------
    dataset : Dataset
        Gives the bodies and their order.
    table : pandas.DataFrame
        :func:`potential.indicators.indicator_table`.
    model : CriteriaModel
        Which indicator each criterion reads.

    Returns
    -------
    dict of str to pandas.DataFrame
        Body id → matrix indexed by option id, stand-alone first; one per body that takes
        part (:func:`potential.options.participants`).
    """
    return {
        b.id: decision_matrices_for(dataset, table, model, b.id) for b in participants(dataset)
    }


def anchored(matrix: pd.DataFrame, model: CriteriaModel):
    """The matrix clipped to the criteria's anchored scales, the bounds, and what was clipped.

    Returns
    -------
    clipped_matrix : pandas.DataFrame
    bounds : dict of str to (float, float)
    flags : pandas.Series
        Per row: the ids of the criteria whose value lay beyond the anchors, joined by
        ``;`` (empty if none).
    """
    bounds = {c.id: c.bounds for c in model.criteria}
    low = pd.Series({k: b[0] for k, b in bounds.items()})[matrix.columns]
    high = pd.Series({k: b[1] for k, b in bounds.items()})[matrix.columns]
    outside = matrix.lt(low, axis=1) | matrix.gt(high, axis=1)
    names = np.asarray(matrix.columns)
    flags = pd.Series(
        [";".join(names[row]) for row in outside.to_numpy()], index=matrix.index, dtype=object
    )
    return matrix.clip(low, high, axis=1), bounds, flags


def _contributions(matrix, objectives, weights, model, body_id, bounds=None):
    values = mcda.value_scores(matrix, objectives, bounds)
    w = pd.Series(weights, index=matrix.columns)
    contrib = values * w
    total = contrib.sum(axis=1)
    long = contrib.stack().rename("contribution").reset_index()
    long.columns = ["option", "criterion", "contribution"]
    long["body"] = body_id
    long["group"] = long["criterion"].map(model.group_of())
    long["weight"] = long["criterion"].map(w)
    long["value"] = matrix.stack().to_numpy()
    long["normalised"] = values.stack().to_numpy()
    denom = long["option"].map(total)
    long["share"] = np.where(denom > 0, long["contribution"] / denom.where(denom > 0, 1), 0.0)
    return long[
        ["body", "option", "criterion", "group", "weight", "value", "normalised",
         "contribution", "share"]
    ]  # fmt: skip


def _quality_points(contributions: pd.DataFrame, model: CriteriaModel, weights) -> pd.Series:
    """Points (0–100) of each option on the criteria that are not money, weights renormalised.

    The qualitative part of the Nutzwertanalyse, shown beside the Kapitalwert as WiBe does.
    """
    from potential.tradeoffs import MONEY_INDICATORS

    money = {c.id for c in model.criteria if c.indicator in MONEY_INDICATORS}
    w = dict(zip([c.id for c in model.criteria], weights, strict=True))
    total = sum(v for k, v in w.items() if k not in money)
    rest = contributions[~contributions["criterion"].isin(money)]
    points = rest.groupby("option", sort=False)["contribution"].sum()
    return 100 * points / total if total > 0 else points * 0.0


def _verdicts(ranked: pd.DataFrame) -> list[str]:
    """The decision rule: better than the status quo in points, and does it pay?"""
    out = []
    for option, benefit, npv in zip(
        ranked["option"], ranked["benefit"], ranked.get("npv", 0.0), strict=True
    ):
        if option == STAND_ALONE:
            out.append("status_quo")
        elif benefit <= 0:
            out.append("not_better")
        elif npv > 0:
            out.append("economic")
        else:
            out.append("qualitative_only")
    return out


def rank_bodies(
    dataset: Dataset,
    table: pd.DataFrame,
    model: CriteriaModel,
    method: str,
    params: dict,
    scales: str = "minmax",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rank every body's options by one method (the core of :func:`analyse`).

    Every body that takes part (:func:`potential.options.participants`) is ranked with its
    own effective weights
    (:meth:`potential.criteria.CriteriaModel.weights` with the body's id). With
    ``scales="fixed"`` the values are clipped to the criteria's anchored scales first
    (:func:`anchored`); ``wsm``, ``wpm`` (:data:`FIXED_SCALE_METHODS`) and the contributions
    then use those scales.

    Returns
    -------
    ranking, contributions : pandas.DataFrame
        As described in :class:`Analysis`; the ranking has a column ``clipped`` (criteria
        beyond their anchors), the money columns :data:`MONEY_COLUMNS`,
        ``quality_points`` (0–100 on the criteria that are not money) and ``verdict``
        (:data:`VERDICTS`: ``economic`` = above the status quo and a positive Kapitalwert,
        ``qualitative_only`` = above it in points although the Kapitalwert is not positive,
        ``not_better`` = not above the status quo, ``status_quo``).
    """
    objectives = [c.direction for c in model.criteria]
    rankings, contributions = [], []
    for body in participants(dataset):
        w = body_weight_vector(model, body.id)
        matrix = decision_matrices_for(dataset, table, model, body.id)
        raw = matrix
        bounds, flags = None, pd.Series("", index=matrix.index)
        run_params = params
        if scales == "fixed":
            matrix, bounds, flags = anchored(matrix, model)
            if method in FIXED_SCALE_METHODS:
                run_params = {"bounds": bounds, **params}
        result = mcda.rank(matrix, objectives, w, method, **run_params)
        contributions.append(_contributions(matrix, objectives, w, model, body.id, bounds))
        rows = table[table["body"] == body.id]
        ranked = rows[["body", *OPTION_COLUMNS]].reset_index(drop=True)
        ranked.insert(1, "body_name", body.name)
        ranked["score"] = result["score"].to_numpy()
        ranked["rank"] = result["rank"].to_numpy()
        alone = ranked.loc[ranked["option"] == STAND_ALONE, "score"].iloc[0]
        ranked["benefit"] = ranked["score"] - alone
        for extra in result.columns.difference(["score", "rank"]):
            ranked[extra] = result[extra].to_numpy()
        rows = table[table["body"] == body.id]
        for column in MONEY_COLUMNS:
            if column in rows:
                ranked[column] = rows[column].to_numpy()
        for c in model.criteria:
            ranked[c.id] = raw[c.id].to_numpy()
        ranked["clipped"] = flags.to_numpy()
        ranked["quality_points"] = (
            _quality_points(contributions[-1], model, w).reindex(ranked["option"]).to_numpy()
        )
        ranked["verdict"] = _verdicts(ranked)
        rankings.append(ranked.sort_values("rank", kind="stable"))
    return (
        pd.concat(rankings, ignore_index=True),
        pd.concat(contributions, ignore_index=True),
    )


def _method_matrix(matrix, model, method, scales):
    """The matrix and parameters a method ranks with, as :func:`rank_bodies` does."""
    params = dict(METHOD_DEFAULTS.get(method, {}))
    if scales == "fixed":
        matrix, bounds, _ = anchored(matrix, model)
        if method in FIXED_SCALE_METHODS:
            params["bounds"] = bounds
    return matrix, params


def _ranked(matrix, model, method, scales, objectives, w) -> pd.DataFrame:
    """:func:`potential.mcda.rank` of a body's matrix as :func:`rank_bodies` ranks it."""
    m, params = _method_matrix(matrix, model, method, scales)
    return mcda.rank(m, objectives, w, method, **params)


def compare_methods(
    dataset: str | Path | Dataset | None = None,
    criteria: str | Path | CriteriaModel = "ikz-egov-nrw",
    methods: list[str] | None = None,
    reference_date: str | dt.date | None = None,
    scales: str = "fixed",
    body_weights: str | Path | Mapping | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rank every body's options by several methods and correlate the rankings.

    Parameters
    ----------
    dataset, criteria, reference_date
        As for :func:`analyse`.
    methods : list of str, optional
        Methods to compare (default: all of :data:`potential.mcda.METHODS`), each with its
        default parameters (and the analysis' ``value_floor`` for ``wpm`` and ``waspas``).
        A body with its own weights in the criteria model is ranked with them.
    scales : {"fixed", "minmax"}
        As for :func:`analyse`: the matrix is clipped to the anchored scales, and ``wsm``
        and ``wpm`` score on them; the other methods keep their own normalisation.
    body_weights : str, Path, mapping or False, optional
        As for :func:`analyse` (default: the dataset folder's survey weights, if any).

    Returns
    -------
    ranks : pandas.DataFrame
        One row per (body, option): ``body``, ``option`` and one rank column per method.
    agreement : pandas.DataFrame
        One row per (body, method pair): ``body``, ``method_a``, ``method_b``,
        ``kendall_tau`` (Kendall's tau-b between the two rankings of the body's options) and
        ``same_top`` (both methods put the same option first).
    """
    from potential.mcda.compare import kendall_tau

    methods = list(methods) if methods else list(mcda.METHODS)
    for m in methods:
        mcda.check_method(m)
    check_scales(scales)
    ds, model, date, _, table = prepare(dataset, criteria, reference_date, body_weights)
    if scales == "fixed":
        missing_scales(model)
    objectives = [c.direction for c in model.criteria]
    ranks, agreement = [], []
    for body in participants(ds):
        w = body_weight_vector(model, body.id)
        matrix = decision_matrices_for(ds, table, model, body.id)
        body_ranks = pd.DataFrame(
            {m: _ranked(matrix, model, m, scales, objectives, w)["rank"] for m in methods}
        )
        for i, a in enumerate(methods):
            for b in methods[i + 1 :]:
                agreement.append(
                    {
                        "body": body.id,
                        "method_a": a,
                        "method_b": b,
                        "kendall_tau": kendall_tau(body_ranks[a], body_ranks[b]),
                        "same_top": body_ranks[a].idxmin() == body_ranks[b].idxmin(),
                    }
                )
        ranks.append(body_ranks.reset_index().assign(body=body.id))
    ranks = pd.concat(ranks, ignore_index=True)[["body", "option", *methods]]
    return ranks, pd.DataFrame(agreement)


def rank_reversal_checks(
    dataset: str | Path | Dataset | None = None,
    criteria: str | Path | CriteriaModel = "ikz-egov-nrw",
    methods: list[str] | None = None,
    reference_date: str | dt.date | None = None,
    repeat: int = 1,
    seed: int = 0,
    body_weights: str | Path | Mapping | None = None,
    engine: str = "numpy",
    bodies: list[str] | None = None,
) -> pd.DataFrame:
    """Rank-invariance check (:func:`potential.mcda.compare.rank_reversal`) for every body.

    Parameters
    ----------
    dataset, criteria, reference_date
        As for :func:`analyse`.
    methods : list of str, optional
        Methods to check (default ``["wsm"]``). A body with its own weights in the criteria
        model is checked with them.
    repeat, seed
        Worsenings per suboptimal option, and the seed of the random worsening.
    body_weights : str, Path, mapping or False, optional
        As for :func:`analyse` (default: the dataset folder's survey weights, if any).
    engine : {"numpy", "skcriteria"}
        As for :func:`~potential.mcda.compare.rank_reversal`: the vectorised path, or
        scikit-criteria's checker (the reference of the tests and the benchmark).
    bodies : list of str, optional
        Ids of the bodies to check (default: every body that takes part).

    Returns
    -------
    pandas.DataFrame
        One row per (body, method): ``optimal_preservation_rate`` (share of experiments in
        which the top option stays first), ``rank_displacement`` (mean places it drops),
        ``experiments``, ``top_changed`` (experiments in which it lost first place),
        ``min_kendall_tau_others`` (the most the order of the untouched options changed) and
        ``duplicates`` (options identical to another, checked once).
    """
    from potential.mcda.compare import rank_reversal

    methods = list(methods) if methods else ["wsm"]
    for m in methods:
        mcda.check_method(m)
    ds, model, date, _, table = prepare(dataset, criteria, reference_date, body_weights)
    objectives = [c.direction for c in model.criteria]
    rows = []
    for body in participants(ds):
        if bodies is not None and body.id not in bodies:
            continue
        w = body_weight_vector(model, body.id)
        matrix = decision_matrices_for(ds, table, model, body.id)
        for m in methods:
            params = METHOD_DEFAULTS.get(m, {})
            check = rank_reversal(
                matrix, objectives, w, m, repeat=repeat, seed=seed, engine=engine, **params
            )
            rows.append(
                {
                    "body": body.id,
                    "method": m,
                    "optimal_preservation_rate": check.optimal_preservation_rate,
                    "rank_displacement": check.rank_displacement,
                    "experiments": len(check.reversals),
                    "top_changed": int((~check.reversals["best_stays_first"]).sum()),
                    "min_kendall_tau_others": check.reversals["kendall_tau_others"].min(),
                    "duplicates": len(check.duplicates),
                }
            )
    return pd.DataFrame(rows)


def body_weight_vector(model: CriteriaModel, body_id: str) -> list[float]:
    """A body's effective weights in model order (its own, or else the model's)."""
    weights = model.weights(body_id)
    return [weights[c.id] for c in model.criteria]


def decision_matrices_for(dataset, table, model, body_id) -> pd.DataFrame:
    """The decision matrix of one body (see :func:`decision_matrices`)."""
    rows = table[table["body"] == body_id]
    return pd.DataFrame(
        {c.id: rows[c.indicator].to_numpy(dtype=float) for c in model.criteria},
        index=pd.Index(rows["option"].to_numpy(), name="option"),
    )


#: a member result of at most this (EUR) under a key counts as no gain
KEY_TOLERANCE = 0.005


def joint_view(ranking: pd.DataFrame, indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per cooperation option: do all members gain, and by how much together.

    Parameters
    ----------
    ranking : pandas.DataFrame
        :attr:`Analysis.ranking` (needs ``benefit``, ``rank`` and ``net_savings`` if present).
    indicators : pandas.DataFrame, optional
        :attr:`Analysis.indicators`; its ``annual_cost`` gives the full-cost key
        (``kosten``, :mod:`potential.sharing.ikz`) by which ``key_min_npv`` and
        ``all_better_off`` judge whether every member is better off in money.

    Returns
    -------
    pandas.DataFrame
        Columns as described in :class:`Analysis`, sorted by ``consensus_rank``.
    """
    coop = ranking[ranking["option"] != STAND_ALONE]
    zero = pd.Series(0.0, coop.index)
    if indicators is not None and "npv" in coop:
        cost = indicators.set_index(["body", "option"])["annual_cost"]
        weight = cost.reindex(pd.MultiIndex.from_frame(coop[["body", "option"]])).to_numpy()
        pool_cost = pd.Series(weight, coop.index).groupby(coop["option"]).transform("sum")
        pool = coop["npv"].groupby(coop["option"]).transform("sum")
        keyed = pd.Series(weight, coop.index) / pool_cost.where(pool_cost > 0) * pool
    else:
        keyed = pd.Series(np.nan, coop.index)
    grouped = coop.assign(
        _gain=coop["benefit"] > 0,
        _npv=coop["npv"] if "npv" in coop else zero,
        _npv_gain=(coop["npv"] > 0) if "npv" in coop else zero.astype(bool),
        _keyed=keyed,
    ).groupby(OPTION_COLUMNS, sort=False)
    joint = grouped.agg(
        members=("body", "size"),
        members_gaining=("_gain", "sum"),
        summed_benefit=("benefit", "sum"),
        min_benefit=("benefit", "min"),
        pool_npv=("_npv", "sum"),
        min_npv=("_npv", "min"),
        members_npv_positive=("_npv_gain", "sum"),
        key_min_npv=("_keyed", "min"),
        mean_rank=("rank", "mean"),
    ).reset_index()
    joint["all_better_off"] = joint["key_min_npv"] > KEY_TOLERANCE
    joint["all_gain"] = joint["members_gaining"] == joint["members"]
    joint = joint.sort_values(
        ["min_benefit", "summed_benefit", "option"], ascending=[False, False, True], kind="stable"
    )
    joint["consensus_rank"] = np.arange(1, len(joint) + 1)
    order = [
        *OPTION_COLUMNS, "members", "members_gaining", "all_gain", "summed_benefit",
        "min_benefit", "pool_npv", "min_npv", "members_npv_positive", "key_min_npv",
        "all_better_off", "mean_rank", "consensus_rank",
    ]  # fmt: skip
    return joint[order].reset_index(drop=True)
