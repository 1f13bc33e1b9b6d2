"""The scenario file format: pydantic models, unknown keys forbidden.

A scenario file (YAML) says which data, criteria model and method an analysis run uses and
what it changes: weights (``weights``, :class:`WeightOverride`), figures of the dataset
(``overrides``, :class:`DataOverride`), how cooperation options are generated
(:class:`~potential.models.OptionRules`) and the uncertainty analysis
(:class:`UncertaintySettings`). ``extends`` builds on another scenario file
(:mod:`potential.scenarios.loading`). ``potential schema scenario`` prints the JSON Schema
of :class:`Scenario` for editors.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from potential.dates import coerce_date, parse_date
from potential.errors import InputError
from potential.messages import message
from potential.models import (
    MAX_HORIZON_YEARS,
    MAX_WEIGHT,
    Id,
    IdList,
    Model,
    OptionRules,
    Source,
    parse,
)

#: The ranking methods of :data:`potential.mcda.METHODS` (listed here so that the JSON Schema
#: offers them to editors; a test checks that both lists agree).
METHOD_NAMES = ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee2", "electre1")
MethodName = Literal[METHOD_NAMES]
#: ``body_weights: model``: every body with the criteria model's weights, even where the
#: dataset folder holds the survey's ``body_weights.csv``
MODEL_WEIGHTS = "model"

#: ids or names of bodies, fields, legal forms (``Bönen``); mapped to ids against the dataset
#: (:func:`potential.names.match`)
NameList = tuple[Annotated[str, Field(min_length=1, max_length=200)], ...]

#: a finite number (no NaN or infinity)
Number = Annotated[float, Field(allow_inf_nan=False)]


def _strict_date(value):
    """Accept a date, ``TT.MM.JJJJ`` or ISO; refuse numbers (pydantic would read them as
    seconds) and ambiguous ``01/02/2027`` (:func:`potential.dates.coerce_date`)."""
    return coerce_date(value)


class WeightOverride(Model):
    """A change of one group or criterion weight of the criteria model.

    Give exactly one of ``group`` or ``criterion`` and exactly one of ``value`` (the new
    weight) or ``factor`` (the weight is multiplied by it). Weights are read as in the
    criteria model: a group's relative to the other groups, a criterion's relative to the
    other criteria of its group.

    Examples
    --------
    ``{group: egov_pflichten, factor: 2}`` doubles the weight of the duties group;
    ``{criterion: net_savings, value: 0.8}`` sets the criterion's weight within its group.

    A weight is a value judgement: say why in ``assumption`` (or name a ``source``). It is
    listed in the scenario's ``changes.csv``; a YAML comment is not read, so a change without
    either is listed as having no stated reason.
    """

    group: Id | None = Field(default=None, description="Id of a group of the criteria model.")
    criterion: Id | None = Field(default=None, description="Id of a criterion.")
    value: Number | None = Field(
        default=None, ge=0, le=MAX_WEIGHT, description="The new weight (0 … 1e6)."
    )
    factor: Number | None = Field(
        default=None, ge=0, le=MAX_WEIGHT, description="Multiply the weight by it (0 … 1e6)."
    )
    source: Id | None = Field(
        default=None,
        description="Source id (of the dataset or the scenario's sources) behind the change.",
    )
    assumption: str | None = Field(
        default=None,
        min_length=1,
        description="Why the weight changes: the value judgement and its rationale.",
    )

    @model_validator(mode="after")
    def _one_each(self):
        if (self.group is None) == (self.criterion is None):
            raise ValueError(message("scenarios.weight_target"))
        if (self.value is None) == (self.factor is None):
            raise ValueError(message("scenarios.weight_rule"))
        if self.source is not None and self.assumption is not None:
            raise ValueError(message("scenarios.weight_reason"))
        return self


class DataOverride(Model):
    """A change of figures in the dataset, for named bodies, fields, legal forms or duties.

    ``parameter`` names what is changed:

    - a global parameter of ``parameters.csv`` (e.g. ``leaving_share_10y``,
      ``vat_binding_date``); no scope keys;
    - a field parameter of ``field_parameters.csv`` (e.g. ``cost_per_capita``); scope
      ``fields``;
    - a legal-form parameter of ``legal_form_parameters.csv`` (e.g. ``vat_exposure``);
      scope ``legal_forms``;
    - a body's figure in a field: ``annual_cost``, ``fte`` or ``leaving_share`` (share of
      staff leaving within ten years); scopes ``bodies`` and ``fields``;
    - a body's ``population``; scope ``bodies``;
    - how far a body meets a duty, ``fulfilment``; scopes ``bodies`` and ``obligations``;
    - a duty's ``obligation_weight`` or ``in_force`` date; scope ``obligations``.

    A scope key left out means all of its kind. The rule is exactly one of ``value`` (the new
    value; a date for date parameters), ``factor`` (multiply), ``add`` (add, may be
    negative), optionally bounded by ``at_least`` and ``at_most`` (applied after it); or
    bounds alone. Every change carries a ``source`` (a source id of the dataset or of the
    scenario's ``sources``) or an ``assumption`` with its rationale.
    """

    parameter: Id = Field(
        description="What is changed: a parameter of parameters.csv, field_parameters.csv or "
        "legal_form_parameters.csv, or annual_cost, fte, leaving_share, population, "
        "fulfilment, obligation_weight, in_force."
    )
    bodies: NameList | None = Field(
        default=None, description="Only these bodies (ids or names: boenen, Bönen)."
    )
    fields: NameList | None = Field(
        default=None, description="Only these fields (ids or names: it, IT, Abfall)."
    )
    legal_forms: NameList | None = Field(
        default=None, description="Only these legal forms (ids or names)."
    )
    obligations: IdList | None = Field(default=None, description="Only these duties (ids).")
    value: Number | dt.date | None = Field(
        default=None, description="The new value (a date as YYYY-MM-DD for dates)."
    )
    factor: Number | None = Field(default=None, description="Multiply the value by it.")
    add: Number | None = Field(default=None, description="Add it to the value (may be < 0).")
    at_least: Number | None = Field(default=None, description="Lower bound after the rule.")
    at_most: Number | None = Field(default=None, description="Upper bound after the rule.")
    source: Id | None = Field(
        default=None, description="Source id (of the dataset or the scenario's sources)."
    )
    assumption: str | None = Field(
        default=None, min_length=1, description="The assumption and its rationale."
    )

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value):
        if isinstance(value, str):
            return parse_date(value)  # TT.MM.JJJJ or ISO; a number is not a text here
        return value

    @model_validator(mode="after")
    def _rule(self):
        rules = [k for k in ("value", "factor", "add") if getattr(self, k) is not None]
        if len(rules) > 1:
            raise ValueError(message("scenarios.override_one_rule", rules=", ".join(rules)))
        if not rules and self.at_least is None and self.at_most is None:
            raise ValueError(message("scenarios.override_no_rule"))
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(message("scenarios.override_bounds"))
        if isinstance(self.value, dt.date) and (
            self.at_least is not None or self.at_most is not None
        ):
            raise ValueError(message("scenarios.override_date_bounds"))
        if (self.source is None) == (self.assumption is None):
            raise ValueError(message("models.parameter.provenance"))
        return self

    @property
    def rule(self) -> str:
        """The rule in words, e.g. ``"× 1.2"``, ``"= 0.4"``, ``"+ 0.05, ≥ 0.3"``."""
        parts = []
        if self.value is not None:
            value = self.value
            parts.append(f"= {value.isoformat() if isinstance(value, dt.date) else f'{value:g}'}")
        if self.factor is not None:
            parts.append(f"× {self.factor:g}")
        if self.add is not None:
            parts.append(f"{'+' if self.add >= 0 else '−'} {abs(self.add):g}")
        if self.at_least is not None:
            parts.append(f"≥ {self.at_least:g}")
        if self.at_most is not None:
            parts.append(f"≤ {self.at_most:g}")
        return ", ".join(parts)


class UncertaintySettings(Model):
    """SMAA settings of a scenario run (:func:`potential.uncertainty.bodies.smaa_by_body`).

    A scenario with an ``uncertainty`` block runs SMAA after the analysis and adds the rank
    acceptability tables to its outputs.
    """

    method: Literal["wsm", "wpm", "topsis"] = "wsm"
    n: int = Field(default=10_000, ge=1, le=1_000_000)
    seed: int = Field(default=0, ge=0)
    weights: Literal["uniform", "groups", "ordinal", "model"] = "uniform"
    values: Literal["none", "dataset"] = "none"


class EconomicsChoice(Model):
    """Settings of the Wirtschaftlichkeitsvergleich a scenario chooses (``economics:``)."""

    horizon_years: int | None = Field(
        default=None,
        ge=1,
        le=MAX_HORIZON_YEARS,
        description="Years after the start of the measure (year 0), at most 100.",
    )
    discount_rate: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, description="Nominal discount rate per year."
    )
    ramp_up: tuple[float, ...] | None = Field(
        default=None,
        min_length=1,
        description="Share of the full saving in the 1st, 2nd, ... year of operation; "
        "non-decreasing, ending in 1.",
    )
    grant: bool | None = Field(
        default=None, description="Count the NRW IKZ grant where its conditions hold."
    )

    @field_validator("ramp_up")
    @classmethod
    def _ramp(cls, value):
        if value is None:
            return value
        from potential.economics.settings import check_ramp_up

        try:
            return check_ramp_up(value)
        except InputError as exc:
            raise ValueError(str(exc)) from None

    def overrides(self) -> dict:
        """The chosen settings, for :func:`potential.economics.apply_overrides`."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


class Scenario(Model):
    """A scenario file.

    Attributes
    ----------
    name : str
        Id of the scenario (lower case, digits, ``-`` and ``_``); names its output folder.
    title : str
        A short title for tables and charts (default: the name).
    description : str
        One paragraph: what question the scenario answers and why its changes are what
        they are.
    sources : list
        Sources of the changes: ids of the dataset's sources, or new sources given in full
        (``id``, ``grade``, ``title``, ``url``) that changes may cite.
    extends : str, optional
        Another scenario (file relative to this one, or a shipped scenario's name) this one
        builds on; see :mod:`potential.scenarios.loading` for how the two are merged.
    reference_date : date, optional
        Date at which duties and tax rules are judged (default: the dataset's).
    data, criteria : str
        Dataset (embedded name or folder) and criteria model (shipped name or YAML file);
        relative paths are taken from the scenario file's folder.
    body_weights : str, optional
        CSV file of per-body weights (``potential analyse --body-weights``), or ``model``:
        every body with the criteria model's weights. Default: the dataset folder's
        ``body_weights.csv`` (the survey's weights) if it has one.
    weights : list of WeightOverride
        Changes of the criteria model's weights, applied in order.
    overrides : list of DataOverride
        Changes of the dataset's figures, applied in order.
    options : OptionRules, optional
        How options are generated; keys given replace the dataset's ``options`` keys.
    method : str
        Ranking method of :func:`potential.mcda.rank`.
    method_params : dict
        Its parameters.
    uncertainty : UncertaintySettings, optional
        Run SMAA with these settings.
    """

    name: Id = Field(description="Id of the scenario (a-z, 0-9, - and _); names its folder.")
    title: str | None = Field(default=None, description="Short title for tables and charts.")
    description: str = Field(
        default="", description="One paragraph: the question, why the changes, the sources."
    )
    sources: tuple[Id | Source, ...] = Field(
        default=(), description="Source ids of the dataset or new sources (id, grade, title, url)."
    )
    extends: str | None = Field(
        default=None, min_length=1, description="Scenario this one builds on (file or name)."
    )
    reference_date: dt.date | None = Field(
        default=None, description="Date at which duties and tax rules are judged (YYYY-MM-DD)."
    )
    data: str = Field(default="kreis-unna", description="Embedded dataset name or folder.")
    criteria: str = Field(
        default="ikz-egov-nrw", description="Shipped criteria model name or YAML file."
    )
    body_weights: str | None = Field(
        default=None,
        description="CSV file of per-body weights, or 'model' (the criteria model's weights "
        "for every body); default: the data folder's body_weights.csv, if any.",
    )
    weights: tuple[WeightOverride, ...] = Field(
        default=(), description="Weight changes, applied in order."
    )
    overrides: tuple[DataOverride, ...] = Field(
        default=(), description="Changes of the data, applied in order."
    )
    options: OptionRules | None = Field(
        default=None, description="How cooperation options are generated."
    )
    method: MethodName = Field(default="wsm", description="Ranking method.")
    method_params: dict[str, float | str] = Field(
        default_factory=dict, description="Parameters of the ranking method."
    )
    uncertainty: UncertaintySettings | None = Field(
        default=None, description="Run SMAA with these settings."
    )
    economics: EconomicsChoice | None = Field(
        default=None,
        description="Settings of the Wirtschaftlichkeitsvergleich (horizon, rate, ramp-up, "
        "grant); default the dataset's.",
    )

    _files: tuple[Path, ...] = PrivateAttr(default=())

    _date = field_validator("reference_date", mode="before")(_strict_date)

    @model_validator(mode="after")
    def _unique_sources(self):
        ids = [s if isinstance(s, str) else s.id for s in self.sources]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(message("scenarios.sources_twice", ids=", ".join(dupes)))
        return self

    @property
    def label(self) -> str:
        """The title, or the name if there is none."""
        return self.title or self.name

    @property
    def files(self) -> tuple[Path, ...]:
        """The files the scenario was read from, the root of ``extends`` first (may be empty)."""
        return self._files

    def with_changes(self, **changes) -> Scenario:
        """A validated copy with some keys replaced (scenarios are immutable).

        Parameters
        ----------
        **changes
            Keys of the scenario file and their new values, e.g. ``name="ohne-selm",
            options={"stay_out": ["selm"]}``. A list given here replaces the list (use
            ``overrides=[*scenario.overrides, new]`` to add to it).

        Returns
        -------
        Scenario
            Remembers the files of this scenario (for provenance).

        Raises
        ------
        InputError
            If the result is not a valid scenario (naming the key).
        """
        data = self.model_dump(exclude_unset=True)
        data.update(changes)
        data["extends"] = None
        where = message("scenarios.where.scenario", name=data.get("name", self.name))
        result = parse(Scenario, data, where)
        result._files = self._files
        return result
