"""Running a scenario: apply its changes, analyse, optionally SMAA, record provenance.

:func:`run` is the library's counterpart of ``potential scenario run``. The flow is the
analysis flow of ``docs/method.md`` with the scenario's changes applied first:

1. load the dataset, add the scenario's ``sources``, apply ``overrides`` in order;
2. replace the dataset's option rules by the scenario's ``options`` (key by key);
3. load the criteria model and apply ``weights`` in order;
4. :func:`potential.analyse` with the scenario's method, parameters and reference date;
5. with an ``uncertainty`` block, SMAA with its settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from potential.criteria import CriteriaModel, load_criteria
from potential.datasets import load_dataset
from potential.errors import InputError
from potential.messages import message
from potential.models import Dataset, OptionRules, parse
from potential.options import check_option_rules, named_option_rules, with_option_rules
from potential.scenarios.loading import load
from potential.scenarios.model import MODEL_WEIGHTS, Scenario
from potential.scenarios.overrides import (
    CHANGE_COLUMNS,
    apply_overrides,
    apply_weights,
    scenario_sources,
)

if TYPE_CHECKING:
    from potential.analysis import Analysis
    from potential.uncertainty.bodies import BodySMAA


@dataclass(frozen=True)
class Prepared:
    """A scenario's inputs with its changes applied (see :func:`prepare`).

    Attributes
    ----------
    scenario : Scenario
    dataset : Dataset
        With the scenario's sources, overrides and option rules.
    criteria : CriteriaModel
        With the scenario's weight changes.
    changes : pandas.DataFrame
        Every value the scenario changed (:data:`~potential.scenarios.overrides.CHANGE_COLUMNS`),
        weight changes first.
    """

    scenario: Scenario
    dataset: Dataset
    criteria: CriteriaModel
    changes: pd.DataFrame


@dataclass(frozen=True)
class ScenarioRun:
    """Result of :func:`run`.

    Attributes
    ----------
    scenario : Scenario
        The scenario as run (``extends`` resolved).
    analysis : potential.analysis.Analysis
        Rankings, contributions and the joint view under the scenario.
    changes : pandas.DataFrame
        Every value the scenario changed, with old and new value and its source or
        assumption.
    provenance : dict
        What is needed to reproduce the run: hashes of the scenario, data and criteria
        files, the package version, method, seed and reference date
        (:func:`potential.provenance.run_record`).
    smaa : potential.uncertainty.bodies.BodySMAA or None
        Rank acceptability, if the scenario has an ``uncertainty`` block.
    """

    scenario: Scenario
    analysis: Analysis
    changes: pd.DataFrame
    provenance: dict = field(default_factory=dict)
    smaa: BodySMAA | None = None

    @property
    def name(self) -> str:
        """The scenario's name."""
        return self.scenario.name

    def option_labels(self, lang: str = "de") -> dict[str, str]:
        """Every option the run ranks → its name for people, German by default.

        ``it/oerv_mandat/kreis_unna+luenen`` becomes ``Informationstechnik – Öffentlich-rechtliche
        Vereinbarung (mandatierend) – Kreis Unna, Lünen``
        (:func:`potential.labels.option_label`).
        """
        from potential import labels

        ranking = self.analysis.ranking.drop_duplicates("option")
        ds = self.analysis.dataset
        return {
            row["option"]: labels.option_label(ds, row, lang)
            for row in ranking[["option", "field", "legal_form", "partners"]].to_dict("records")
        }


def _where(scenario: Scenario) -> str:
    if scenario.files:
        return str(scenario.files[-1])
    return message("scenarios.where.scenario", name=scenario.name)


def prepare(scenario: str | Path | Scenario) -> Prepared:
    """Load a scenario's data and criteria model and apply its changes (no analysis).

    Parameters
    ----------
    scenario : str, Path or Scenario
        A scenario file, a shipped scenario's name, or a loaded scenario.

    Returns
    -------
    Prepared

    Raises
    ------
    InputError
        Naming the scenario file and the key path of the first problem.
    """
    sc = load(scenario)
    where = _where(sc)
    try:
        ds = load_dataset(sc.data)
    except InputError as exc:
        raise InputError(message("scenarios.key", path="data", problem=exc), where) from None
    try:
        model = load_criteria(sc.criteria)
    except InputError as exc:
        raise InputError(message("scenarios.key", path="criteria", problem=exc), where) from None
    ds = scenario_sources(ds, sc.sources, where)
    ds, data_changes = apply_overrides(ds, sc.overrides, where, sc.name)
    if sc.options is not None:
        rules = parse(
            OptionRules,
            {
                **ds.meta.options.model_dump(exclude_unset=True),
                **sc.options.model_dump(exclude_unset=True),
            },
            where,
        )
        rules = named_option_rules(ds, rules)
        check_option_rules(ds, rules, where, key="options")
        ds = with_option_rules(ds, rules)
    known = {s.id for s in ds.sources}
    model, weight_changes = apply_weights(model, sc.weights, where, sc.name, sources=known)
    frames = [f for f in (weight_changes, data_changes) if len(f)]
    changes = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CHANGE_COLUMNS)
    )
    return Prepared(sc, ds, model, changes)


def run(scenario: str | Path | Scenario, progress=None) -> ScenarioRun:
    """Run a scenario: its changes, the analysis, and SMAA if it asks for it.

    Parameters
    ----------
    scenario : str, Path or Scenario
        A scenario file, a shipped scenario's name (``"heute"``), or a loaded scenario.
    progress : callable, optional
        Wraps the iteration over bodies in SMAA (e.g. a tqdm progress bar).

    Returns
    -------
    ScenarioRun

    Raises
    ------
    InputError
        Naming the scenario file and the key path of the first problem.

    Examples
    --------
    >>> import potential.scenarios as ps
    >>> result = ps.run("heute")                          # doctest: +SKIP
    >>> result.analysis.top(1)[["body", "option"]]        # doctest: +SKIP
    """
    from potential.analysis import analyse
    from potential.mcda import check_method
    from potential.provenance import run_record

    prep = prepare(scenario)
    sc = prep.scenario
    where = _where(sc)
    try:
        check_method(sc.method, sc.method_params)
    except InputError as exc:
        raise InputError(message("scenarios.key", path="method", problem=exc), where) from None
    body_weights = sc.body_weights
    if body_weights == MODEL_WEIGHTS:
        body_weights = False  # the criteria model's weights for every body
    elif body_weights is not None and not Path(body_weights).is_file():
        problem = message("scenarios.body_weights_missing", file=body_weights)
        raise InputError(message("scenarios.key", path="body_weights", problem=problem), where)
    result = analyse(
        prep.dataset,
        prep.criteria,
        sc.method,
        sc.reference_date,
        body_weights,
        sc.economics.overrides() if sc.economics is not None else None,
        **sc.method_params,
    )
    smaa = None
    if sc.uncertainty is not None:
        from potential.uncertainty.bodies import smaa_by_body

        u = sc.uncertainty
        smaa = smaa_by_body(
            prep.dataset,
            result.criteria,
            u.method,
            result.reference_date,
            n=u.n,
            seed=u.seed,
            weights=u.weights,
            values=u.values,
            progress=progress,
            economics=result.economics,
            body_weights=False,  # result.criteria carries the weights the analysis used
        )
    record = run_record(
        result,
        scenario=sc,
        criteria=sc.criteria,
        body_weights=body_weights or None,
        seed=sc.uncertainty.seed if sc.uncertainty is not None else None,
        settings=sc.uncertainty.model_dump() if sc.uncertainty is not None else None,
    )
    return ScenarioRun(sc, result, prep.changes, record, smaa)


def run_many(scenarios, progress=None) -> list[ScenarioRun]:
    """Run several scenarios; their names must differ (they name the output folders).

    Raises
    ------
    InputError
        Two scenarios with the same name.
    """
    loaded = [load(s) for s in scenarios]
    seen: dict[str, Scenario] = {}
    for sc in loaded:
        if sc.name in seen:
            raise InputError(
                message(
                    "scenarios.same_name",
                    name=sc.name,
                    first=_where(seen[sc.name]),
                    second=_where(sc),
                )
            )
        seen[sc.name] = sc
    return [run(sc, progress=progress) for sc in loaded]
