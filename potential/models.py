"""Validated domain models (pydantic v2, unknown keys forbidden).

Terms follow ``docs/method.md``: a *body* (Körperschaft) ranks cooperation *options*; an
option is a *field* (Handlungsfeld) × *legal form* (Kooperationsform) × *partner set*. Every
number in a dataset carries a *source* id or an *assumption* with its rationale.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from potential.dates import Date, maybe_date
from potential.errors import InputError
from potential.messages import catalogue, get_lang, message

#: the pattern of an id (lower-case letters, digits, ``_`` and ``-``)
ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
IdList = tuple[Id, ...]
#: an id or a name as a user types it (``Bönen``, ``IT``), resolved against the dataset later
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
NameList = tuple[Name, ...]
Share = Annotated[float, Field(ge=0, le=1)]

#: Physical bounds of the numbers a user gives (checked where a file is read).
#:
#: ============================ ================ ==============================================
#: quantity                     bound            rationale
#: ============================ ================ ==============================================
#: population                   1 … 20 000 000   larger than any German municipality (Berlin
#:                                               3.9 M) or Kreis (Region Hannover 1.2 M) with
#:                                               room to spare
#: area (km²)                   > 0 … 100 000    assumption bound: about three times NRW
#:                                               (34 110 km²); the Kreis Unna has 543 km²
#: money (EUR)                  0 … 1e10         assumption bound: ten billion euros, far above
#:                                               any municipal budget line of a single field
#: share                        0 … 1            a share of a whole
#: rate per year (share)        -1 … 1           a price change may be negative; beyond ±100 %
#:                                               a year is no rate
#: counts (FTE, months, years)  0 … 1e6          assumption bound: no staff count or duration
#:                                               of a municipality comes near a million
#: switch                       0 or 1           off or on
#: weight (before normalising)  0 … 1e6          assumption bound: ratios of weights above a
#:                                               million carry no meaning and risk overflow
#: ============================ ================ ==============================================
#:
#: Every float of every model is finite (``allow_inf_nan=False`` on :class:`Model`).
MAX_POPULATION = 20_000_000
#: largest area of a body in km² (see the table above)
MAX_AREA_KM2 = 100_000.0
#: largest amount of money in EUR (see the table above)
MAX_EUR = 1e10
#: largest count of FTE, months, years, weeks, cases (see the table above)
MAX_COUNT = 1e6
#: largest case volume of a field per year: assumption bound, a thousand million cases (a
#: few thousand per inhabitant of the largest body allowed)
MAX_CASES = 1e9
#: longest horizon of the Wirtschaftlichkeitsvergleich in years: assumption bound, a
#: century, longer than any planning horizon of a municipal measure (the yearly cash flows
#: are held in memory, so a horizon of millions of years would not fit)
MAX_HORIZON_YEARS = 100
#: parameters with a bound of their own, beyond that of their unit (:func:`unit_range`)
PARAMETER_BOUNDS = {"horizon_years": (1.0, float(MAX_HORIZON_YEARS))}
#: largest weight before normalisation (see the table above)
MAX_WEIGHT = 1e6
#: an amount of money in EUR: finite, 0 … :data:`MAX_EUR`
Money = Annotated[float, Field(ge=0, le=MAX_EUR)]
#: a count (FTE, months, cases): finite, 0 … :data:`MAX_COUNT`
Count = Annotated[float, Field(ge=0, le=MAX_COUNT)]
#: a weight before normalisation: finite, 0 … :data:`MAX_WEIGHT`
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT)]

#: separates the member ids of a partner set in tables (``a;b;c``), as in list cells
PARTNER_SEP = ";"


class Model(BaseModel):
    """Base of all models: unknown keys are errors, values are immutable, floats finite."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


def _g(number: float) -> str:
    """A number as shown in a message: ``1e+10``, ``0.5``, ``-2``."""
    return f"{number:g}"


def _split_list(value):
    """Accept ``"a;b"`` (CSV cells) as well as lists; blank means empty."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return value


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


#: grades of a source, weakest first: U unverified, S secondary, V primary (read by us)
GRADES = ("U", "S", "V")


class Source(Model):
    """A citable source. ``grade``: V primary, S secondary, U unverified.

    ``title`` is German (outputs are German first); ``title_en`` (optional) is its English
    version, shown with ``lang="en"`` (:meth:`label` falls back to ``title``). ``checked``
    (optional) is the date as of which a legal text was checked: the version of the copy
    read ("Stand", "zuletzt geändert"). Blank cells mean not given.
    """

    id: Id
    grade: Literal["V", "S", "U"]
    title: str = Field(min_length=1)
    url: str = Field(min_length=1)
    title_en: str | None = Field(None, min_length=1)
    checked: Date | None = None

    _blank = field_validator("title_en", "checked", mode="before")(_blank_to_none)

    def label(self, lang: str = "de") -> str:
        """The title in a language: ``title_en`` for ``"en"`` where given, else ``title``."""
        return self.title_en if lang == "en" and self.title_en else self.title


class Body(Model):
    """A body (Körperschaft): the county or one of its towns.

    ``lat`` and ``lon`` (optional, both or neither) place the body on a map: decimal degrees
    (WGS84) of the town centre or the seat of the administration, with ``coords_source``.
    ``vat_2b_from`` (optional) is the date from which § 2b UStG binds the body as a provider,
    if it differs from the dataset's ``vat_binding_date`` (the opt-out of § 27 Abs. 22 UStG
    was declared, and could be revoked, by each body on its own).
    """

    id: Id
    ags: Annotated[str, StringConstraints(pattern=r"^\d{5}(\d{3})?$")]
    ags_status: str
    name: str = Field(min_length=1)
    kind: Literal["kreis", "stadt", "gemeinde"]
    status: str
    population: int = Field(gt=0, le=MAX_POPULATION)
    population_date: Date
    population_source: Id
    area_km2: float = Field(gt=0, le=MAX_AREA_KM2)
    area_source: Id
    neighbours: IdList = ()
    neighbours_source: Id | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    coords_source: Id | None = None
    vat_2b_from: Date | None = None

    _lists = field_validator("neighbours", mode="before")(_split_list)
    _blank = field_validator(
        "neighbours_source", "lat", "lon", "coords_source", "vat_2b_from", mode="before"
    )(_blank_to_none)

    @model_validator(mode="after")
    def _coordinates(self):
        """``lat`` and ``lon`` (decimal degrees, WGS84) come together, with their source."""
        if (self.lat is None) != (self.lon is None):
            raise ValueError(message("models.body.lat_lon"))
        if self.lat is not None and self.coords_source is None:
            raise ValueError(message("models.body.coords_source"))
        return self


class LegalForm(Model):
    """A legal form of cooperation (GkG NRW, GmbH, Amtshilfe) and its attributes."""

    id: Id
    label_de: str
    label_en: str
    law: str
    has_lead: bool
    transfers_execution: bool
    approval: bool
    public_law: bool
    source: Id


class FieldOfAction(Model):
    """A field of action (Handlungsfeld) with its fitting legal forms and duties."""

    id: Id
    label_de: str
    label_en: str
    legal_forms: IdList = Field(min_length=1)
    obligations: IdList = ()
    source: IdList = Field(min_length=1)

    _lists = field_validator("legal_forms", "obligations", "source", mode="before")(_split_list)


class Obligation(Model):
    """A statutory duty that bears on one or more fields."""

    id: Id
    label_de: str
    label_en: str
    law: str
    in_force: Date
    binding: Literal["duty", "unverified", "option"]
    weight: Weight
    source: IdList = Field(min_length=1)
    assumption: str | None = None

    _lists = field_validator("source", mode="before")(_split_list)
    _blank = field_validator("assumption", mode="before")(_blank_to_none)


def unit_range(unit: str) -> tuple[float, float, bool] | None:
    """The range a parameter's value must lie in, by its ``unit`` column.

    Parameters
    ----------
    unit : str
        The unit as written in the table, e.g. ``"share of annual cost"``.

    Returns
    -------
    (low, high, whole) or None
        The inclusive bounds and whether only whole values 0 and 1 are allowed (a
        switch); ``None`` for a unit without a stated range (``date``, ``exponent`` and
        units not listed), whose values need only be finite.

    Notes
    -----
    ``share per year…`` (a rate per year) → −1 … 1, as a price change may be negative;
    ``share…`` and ``0-1`` → 0 … 1; ``switch…`` → 0 or 1; ``EUR…`` → 0 …
    :data:`MAX_EUR`; ``FTE…``, ``months``, ``weeks``, ``years…`` → 0 … :data:`MAX_COUNT`
    (see the table of bounds at the top of this module).
    """
    text = unit.strip().lower()
    if text.startswith("share per year"):
        return (-1.0, 1.0, False)
    if text.startswith("share") or text == "0-1":
        return (0.0, 1.0, False)
    if text.startswith("switch"):
        return (0.0, 1.0, True)
    if text.startswith("eur"):
        return (0.0, MAX_EUR, False)
    if text.startswith(("fte", "month", "week", "year", "day")):
        return (0.0, MAX_COUNT, False)
    return None


class Parameter(Model):
    """One number with its provenance: a source id or an assumption with rationale.

    ``low`` and ``high`` (optional, both or neither) record the range in which the value is
    uncertain. The range is covered by the same provenance as the value: a sourced range
    states its basis in ``note``, an assumed range in the assumption's rationale.

    Value, ``low`` and ``high`` are finite and lie in the range of the ``unit``
    (:func:`unit_range`): a share in 0 … 1, an amount in EUR ≥ 0 and so on.
    """

    owner: str = ""
    parameter: Id
    value: float | dt.date
    unit: str
    source: IdList = ()
    assumption: str | None = None
    note: str | None = None
    low: float | None = Field(default=None, allow_inf_nan=False)
    high: float | None = Field(default=None, allow_inf_nan=False)

    _lists = field_validator("source", mode="before")(_split_list)
    _blank = field_validator("assumption", "note", "low", "high", mode="before")(_blank_to_none)

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value):
        if isinstance(value, str):
            text = value.strip()
            try:
                value = float(text)
            except ValueError:
                day = maybe_date(text)
            else:
                if not math.isfinite(value):
                    raise ValueError(message("numbers.not_finite", value=text))
                return value
            if day is None:
                raise ValueError(message("models.parameter.value", text=text))
            return day
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(message("numbers.not_finite", value=value))
        return value

    @model_validator(mode="after")
    def _in_unit_range(self):
        """Value, ``low`` and ``high`` lie in the range of the unit (:func:`unit_range`)."""
        bounds = unit_range(self.unit)
        if self.parameter in PARAMETER_BOUNDS:
            bounds = (*PARAMETER_BOUNDS[self.parameter], False)
        if bounds is None or isinstance(self.value, dt.date):
            return self
        low, high, whole = bounds
        for name in ("value", "low", "high"):
            number = getattr(self, name)
            if number is None:
                continue
            if whole and number not in (0, 1):
                raise ValueError(
                    message("numbers.switch", name=name, value=_g(number), unit=self.unit)
                )
            if not low <= number <= high:
                raise ValueError(
                    message(
                        "numbers.unit_range",
                        name=name,
                        value=_g(number),
                        unit=self.unit,
                        low=_g(low),
                        high=_g(high),
                    )
                )
        return self

    @model_validator(mode="after")
    def _provenance(self):
        if bool(self.source) == bool(self.assumption):
            raise ValueError(message("models.parameter.provenance"))
        if (self.low is None) != (self.high is None):
            raise ValueError(message("models.parameter.low_high"))
        if self.low is not None:
            if isinstance(self.value, dt.date):
                raise ValueError(message("models.parameter.date_range"))
            if not self.low <= self.value <= self.high:
                raise ValueError(
                    message(
                        "models.parameter.order", low=self.low, value=self.value, high=self.high
                    )
                )
            if self.source and not self.note:
                raise ValueError(message("models.parameter.range_note"))
        return self

    @property
    def has_range(self) -> bool:
        """True if the row records a range with ``low < high``."""
        return self.low is not None and self.low < self.high


class Cooperation(Model):
    """An existing cooperation between bodies (a row of ``cooperations.csv``).

    ``members`` are the dataset's bodies in it; ``external_partners`` names partners outside
    the dataset (e.g. ``Südwestfalen-IT``), so one member suffices when there are any.
    ``kind`` says what the tie is: ``aufgabe`` (a task performed jointly or for others:
    public-law agreement, Zweckverband, a company that performs a task for its owners) or
    ``beteiligung`` (joint ownership of a company or a Sparkasse, with no common task of
    the administrations). Only ``aufgabe`` ties pairs of members and offers their set as a
    partner set (:mod:`potential.inventory`, :mod:`potential.options`). ``verified`` is
    ``no`` where a source describes the tie but not all of members, form or dates; ``note``
    says what is open. ``source`` may list several ids (``a;b``).
    """

    id: Id
    label: str
    field: Id | None = None
    legal_form: Id
    members: IdList = Field(min_length=1)
    lead: Id | None = None
    since: Date | None = None
    scope: Literal["full", "partial"]
    source: IdList = Field(min_length=1)
    kind: Literal["aufgabe", "beteiligung"] = "aufgabe"
    external_partners: tuple[str, ...] = ()
    verified: bool = True
    note: str | None = None

    _lists = field_validator("members", "source", "external_partners", mode="before")(_split_list)
    _blank = field_validator("field", "lead", "since", "note", mode="before")(_blank_to_none)

    @field_validator("kind", "verified", mode="before")
    @classmethod
    def _blank_default(cls, value, info):
        if isinstance(value, str) and not value.strip():
            return "aufgabe" if info.field_name == "kind" else True
        return value

    @model_validator(mode="after")
    def _lead_is_member(self):
        if self.lead is not None and self.lead not in self.members:
            raise ValueError(message("models.cooperation.lead", lead=self.lead))
        if len(self.members) < 2 and not self.external_partners:
            raise ValueError(message("models.cooperation.members"))
        return self


class CooperationOption(Model):
    """A cooperation option: field × legal form × partner set (× lead body)."""

    id: str
    field: Id
    legal_form: Id
    partner_set: str
    partners: IdList = Field(min_length=2)
    lead: Id | None = None

    _lists = field_validator("partners", mode="before")(_split_list)

    @model_validator(mode="after")
    def _lead_is_partner(self):
        if self.lead is not None and self.lead not in self.partners:
            raise ValueError(message("models.option.lead", lead=self.lead))
        if len(set(self.partners)) != len(self.partners):
            raise ValueError(message("models.option.twice"))
        return self


class BodyField(Model):
    """Figures a body reported for one field; blanks fall back to per-capita estimates.

    ``annual_cost_eur``, ``fte`` and ``leaving_share`` (0–1) feed the indicators
    (:func:`potential.indicators.body_field_inputs`). ``cases_per_year`` (the field's case
    volume) and ``provider`` (who does the task today) are optional facts from the survey
    (:mod:`potential.survey`); the indicators do not use them yet. ``exit_cost_eur``
    (optional) is what leaving the current provider costs the body once (e.g. the
    Auseinandersetzung of a Zweckverband); the Wirtschaftlichkeitsvergleich charges it in
    year 0 of every cooperation option of the field. ``source`` says who reported the row,
    e.g. ``Umfrage Bönen 2026-12-01``.
    """

    body: Id
    field: Id
    annual_cost_eur: Money | None = None
    fte: Count | None = None
    leaving_share: Share | None = None
    source: str = Field(min_length=1)
    cases_per_year: float | None = Field(default=None, ge=0, le=MAX_CASES)
    provider: str | None = None
    exit_cost_eur: Money | None = None

    _blank = field_validator(
        "annual_cost_eur",
        "fte",
        "leaving_share",
        "cases_per_year",
        "provider",
        "exit_cost_eur",
        mode="before",
    )(_blank_to_none)


class VatRule(Model):
    """Whether VAT (§ 2b UStG) falls on what a member pays for a field under a legal form.

    ``taxable`` is true where § 2b Abs. 3 UStG does not exempt the service (e.g. supporting
    IT services in competition with private providers, BMF 14.11.2019) or the provider is
    an ordinary Unternehmer (a GmbH); ``basis`` states the reasoning and ``source`` the
    source ids.
    """

    field: Id
    legal_form: Id
    taxable: bool
    basis: str = Field(min_length=1)
    source: IdList = Field(min_length=1)

    _lists = field_validator("source", mode="before")(_split_list)


class KnockoutRule(Model):
    """A knock-out rule of the data (``knockout_rules.csv``, see :mod:`potential.knockout`).

    ``field`` and ``legal_form`` (blank = any) say where it applies. Without
    ``min_approval_weeks`` the form is not admissible for the field; with it, an option is
    excluded if the dataset plans fewer weeks for the form's supervisory procedure.
    """

    id: Id
    field: Id | None = None
    legal_form: Id | None = None
    min_approval_weeks: Count | None = None
    reason_de: str = Field(min_length=1)
    reason_en: str = Field(min_length=1)
    law: str = Field(min_length=1)
    source: IdList = Field(min_length=1)

    _lists = field_validator("source", mode="before")(_split_list)
    _blank = field_validator("field", "legal_form", "min_approval_weeks", mode="before")(
        _blank_to_none
    )


class Fulfilment(Model):
    """How far a body already meets a duty (0 = not at all, 1 = fully)."""

    body: Id
    obligation: Id
    fulfilment: Share
    source: str = Field(min_length=1)


PartnerSetFamily = Literal[
    "county", "towns", "county_pairs", "neighbour_pairs", "existing", "county_led", "all"
]


class OptionRules(Model):
    """Rules for generating cooperation options: the ``options:`` block of ``dataset.yaml``.

    Scenario files use the same block. All restrictions apply together; the semantics, ids
    and order of the partner sets are documented in :mod:`potential.options` and
    ``docs/method.md`` (section 3, "Options"). :func:`potential.options.check_option_rules`
    checks the rules against a dataset (unknown ids, a lead that stays out ...).

    Attributes
    ----------
    partner_sets : tuple of str
        Families the partner sets are built from, in this order; a member set reached by
        several families keeps the id of the first. ``county`` (all participants),
        ``towns`` (the participating towns), ``county_pairs`` (the county with one town),
        ``neighbour_pairs`` (two neighbours), ``existing`` (the members of a known
        cooperation), ``county_led`` (every set that includes the county) and ``all`` (every
        set of 2 to ``max_size`` participants; needs ``max_size``).
    fields : tuple of str, optional
        Only options in these fields (ids of ``fields.csv``); default all fields.
    legal_forms : tuple of str, optional
        Only these legal forms (ids of ``legal_forms.csv``), each still only in the fields
        it fits; default every form that fits a field.
    max_size : int, optional
        The largest partner set, counting all members (at least 2). Filters every family;
        required if ``all`` is among ``partner_sets``.
    join : tuple of str, optional
        Only these bodies take part (ids of ``bodies.csv``); default all bodies.
    stay_out : tuple of str
        These bodies take no part: they are in no partner set and are not ranked.
    lead : str, optional
        A required lead body: only partner sets that contain it, and only legal forms with
        a lead (``has_lead``), with this body as the lead.
    """

    partner_sets: tuple[PartnerSetFamily, ...] = (
        "county",
        "towns",
        "county_pairs",
        "neighbour_pairs",
        "existing",
    )
    fields: NameList | None = Field(
        default=None, description="Only these fields (ids or names); default all of the dataset."
    )
    legal_forms: NameList | None = Field(
        default=None,
        description="Only these legal forms (ids or names); default all that fit a field.",
    )
    max_size: int | None = Field(
        default=None,
        ge=2,
        description="Largest partner set (all members counted); required by the family 'all'.",
    )
    join: NameList | None = Field(
        default=None, description="Only these bodies take part (ids or names); default all."
    )
    stay_out: NameList = Field(default=(), description="These bodies take no part (ids, names).")
    lead: Name | None = Field(
        default=None,
        description="A required lead body: only partner sets with it, only forms with a lead.",
    )


class Label(Model):
    """A text in German and English."""

    de: str
    en: str


class DatasetMeta(Model):
    """The ``dataset.yaml`` of a dataset folder."""

    id: Id
    title: Label
    description: str = ""
    reference_date: Date
    options: OptionRules = OptionRules()


class Dataset(Model):
    """A complete, cross-checked dataset (see :func:`potential.datasets.load_dataset`)."""

    meta: DatasetMeta
    path: str
    sources: tuple[Source, ...]
    bodies: tuple[Body, ...]
    fields: tuple[FieldOfAction, ...]
    legal_forms: tuple[LegalForm, ...]
    obligations: tuple[Obligation, ...]
    cooperations: tuple[Cooperation, ...]
    parameters: tuple[Parameter, ...]
    field_parameters: tuple[Parameter, ...]
    legal_form_parameters: tuple[Parameter, ...]
    body_fields: tuple[BodyField, ...] = ()
    fulfilment: tuple[Fulfilment, ...] = ()
    vat_rules: tuple[VatRule, ...] = ()
    knockout_rules: tuple[KnockoutRule, ...] = ()

    def body(self, body_id: str) -> Body:
        """Return the body with this id."""
        return _by_id(self.bodies, body_id, "body")

    def field(self, field_id: str) -> FieldOfAction:
        """Return the field with this id."""
        return _by_id(self.fields, field_id, "field")

    def legal_form(self, form_id: str) -> LegalForm:
        """Return the legal form with this id."""
        return _by_id(self.legal_forms, form_id, "legal_form")

    def parameter(self, name: str):
        """Return the value of a global parameter (``parameters.csv``)."""
        for p in self.parameters:
            if p.parameter == name:
                return p.value
        raise InputError(
            message("models.parameter_missing", name=name), f"{self.path}/parameters.csv"
        )

    def field_parameter(self, field_id: str, name: str) -> float:
        """Return a parameter of a field (``field_parameters.csv``)."""
        return _owned(self.field_parameters, field_id, name, f"{self.path}/field_parameters.csv")

    def form_parameter(self, form_id: str, name: str, default: float | None = None) -> float:
        """Return a parameter of a legal form (``legal_form_parameters.csv``)."""
        return _owned(
            self.legal_form_parameters,
            form_id,
            name,
            f"{self.path}/legal_form_parameters.csv",
            default,
        )


def _by_id(items, key, what):
    for item in items:
        if item.id == key:
            return item
    known = ", ".join(i.id for i in items)
    if what == "field":  # German: "unbekanntes Handlungsfeld"
        raise InputError(message("models.unknown_id.field", key=key, known=known))
    what = message(f"models.what.{what}")
    raise InputError(message("models.unknown_id", what=what, key=key, known=known))


def _owned(params, owner, name, where, default=None):
    for p in params:
        if p.owner == owner and p.parameter == name:
            return p.value
    if default is not None:
        return default
    raise InputError(message("models.owned_missing", name=name, owner=owner), where)


def _key_path(loc) -> str:
    """``('groups', 3, 'weight')`` → ``groups[4].weight`` (list items counted from 1)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _ctx_value(value, lang: str) -> str:
    """A value of a pydantic error's ``ctx`` as shown in a message (``1.0`` as ``1``)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text.replace(" or ", " oder ") if lang == "de" else text


def expected_text(error: dict, lang: str | None = None) -> str:
    """What a pydantic error expected, in words: German from the catalogue, else pydantic's.

    Parameters
    ----------
    error : dict
        One entry of ``ValidationError.errors()``.
    lang : {"de", "en"}, optional
        The language; by default the current one (:func:`potential.messages.get_lang`).

    Returns
    -------
    str
        E.g. ``"eine Zahl größer als 0"`` (German) or ``"input should be greater than 0"``
        (English, pydantic's message with a lower-case first letter). The text of a
        ``ValueError`` raised in a validator (type ``value_error``) is given as it is: the
        validators take it from the catalogue already.
    """
    lang = lang or get_lang()
    msg = error["msg"]
    if error["type"] in ("value_error", "assertion_error"):
        cause = (error.get("ctx") or {}).get("error")
        text = str(cause) if cause is not None else msg.split(", ", 1)[-1]
        return text
    if lang == "en":
        return msg[0].lower() + msg[1:] if msg else msg
    ctx = dict(error.get("ctx") or {})
    if error["type"] == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return message("pydantic.id_pattern")
    if "error" in ctx and error["type"].startswith(("date", "datetime")):
        detail = str(ctx["error"])
        key = f"pydantic.date_error.{detail}"
        ctx["error"] = message(key) if key in catalogue() else detail
    key = f"pydantic.{error['type']}"
    if key in catalogue():
        try:
            return message(key, **{k: _ctx_value(v, lang) for k, v in ctx.items()})
        except (KeyError, IndexError, ValueError):
            pass  # a ctx without the values the template needs: say it generally
    return message("pydantic.other", msg=msg)


def describe_validation_error(exc: ValidationError, key_word: str = "key") -> str:
    """Turn a pydantic error into one line: key, bad value, what was expected.

    The line is German by default, English on request (:mod:`potential.messages`).

    Parameters
    ----------
    exc : pydantic.ValidationError
        The error to describe.
    key_word : str
        How to call a location: ``"key"`` for YAML (German "Schlüssel"), ``"column"`` for
        CSV rows ("Spalte").

    Returns
    -------
    str
        ``"Schlüssel 'a.b': 'x' gefunden; erwartet: ..."`` (``"key 'a.b': got 'x'; expected:
        ..."``) for the first problem, with a count of the others.
    """
    errors = exc.errors(include_url=False)
    # A misspelt key shows up twice: as unknown and as missing. Report the typo first.
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = _key_path(first["loc"])
    kind = key_word if key_word in ("key", "column") else "key"
    word = message(f"models.word.{kind}")
    if first["type"] == "extra_forbidden":
        missing = [
            str(e["loc"][-1])
            for e in errors
            if e["type"] == "missing" and e["loc"][:-1] == first["loc"][:-1]
        ]
        close = difflib.get_close_matches(str(first["loc"][-1]), missing, n=1)
        hint = (
            message("models.did_you_mean", name=repr(close[0]))
            if close
            else message("models.typo")
        )
        text = message(f"models.unknown.{kind}", loc=repr(loc), hint=hint)
    elif first["type"] == "missing":
        text = message("models.missing", word=word, loc=repr(loc))
    elif first["loc"] and first["type"] in ("value_error", "assertion_error"):
        # the validator's own text says what was expected, often with the value
        reason, got = expected_text(first), first["input"]
        if not isinstance(got, str | int | float) or str(got) in reason:
            # the text names the value itself, or the value is a whole mapping or list (a
            # check of several keys together): the text alone says it
            key = "models.reason"
        elif reason.startswith(("erwartet", "expected")):
            key = "models.bad_value_reason"  # "'x' gefunden; erwartet: ..."
        else:
            key = "models.bad_value"  # "'x' gefunden; erwartet: <the text>"
        text = message(
            key, word=word, loc=repr(loc), got=repr(got), reason=reason, expected=reason
        )
    elif first["loc"]:
        text = message(
            "models.bad_value",
            word=word,
            loc=repr(loc),
            got=repr(first["input"]),
            expected=expected_text(first),
        )
    else:
        text = expected_text(first)
    if len(errors) == 2:
        text += " " + message("models.more_one")
    elif len(errors) > 2:
        text += " " + message("models.more_many", n=len(errors) - 1)
    return text


def parse(model: type[Model], data, where: str, key_word: str = "key"):
    """Validate ``data`` against ``model``; raise :class:`InputError` naming ``where``.

    Parameters
    ----------
    model : type
        The pydantic model.
    data : object
        Raw data (mapping from a CSV row or a YAML document).
    where : str
        Location for the message, e.g. ``"bodies.csv, line 4"``.
    key_word : str
        ``"key"`` or ``"column"``, see :func:`describe_validation_error`.
    """
    if not isinstance(data, dict):
        raise InputError(message("models.not_mapping", type=type(data).__name__), where)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc, key_word), where) from None
