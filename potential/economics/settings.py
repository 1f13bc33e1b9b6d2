"""Settings of the Wirtschaftlichkeitsvergleich: horizon, rate, ramp-up, grant switch.

The defaults come from the dataset's ``parameters.csv`` (each with a source or an assumption,
listed by ``potential data sources``); a run may override them (``analyse(economics=...)``,
``potential analyse --discount-rate/--horizon/--ramp-up/--grant``). Every setting is checked
here, so a bad value is one clear :class:`~potential.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from potential.economics.finance import check_rate, check_years
from potential.errors import InputError
from potential.messages import message
from potential.models import MAX_HORIZON_YEARS

#: settings a run may override, with what each is
OVERRIDABLE = ("horizon_years", "discount_rate", "ramp_up", "grant")


@dataclass(frozen=True)
class EconomicSettings:
    """What the cash flows of every option are computed with.

    Attributes
    ----------
    horizon_years : int
        :math:`H`: the years after the start of the measure (year 0) that are counted.
    discount_rate : float
        :math:`i`, nominal, per year.
    price_change_rate : float
        :math:`g`: yearly change of every running cost and payment (nominal flows).
    ramp_up : tuple of float
        Share of the steady-state saving reached in the 1st, 2nd, ... year of operation;
        non-decreasing, the last 1 (later years: 1).
    double_running_months : float
        Months in which the old solution keeps running beside the new one at the switch.
    vat_rate : float
        Standard VAT rate (§ 12 Abs. 1 UStG).
    vat_deminimis_eur : float
        § 2b Abs. 2 Nr. 1 UStG: a public-law provider whose turnover from similar activities
        stays at or below this per year owes no VAT.
    vat_binding_date : datetime.date
        Date from which § 2b UStG binds a provider that has no date of its own.
    grant : bool
        Whether the NRW IKZ grant is counted (where its conditions hold). It is
        discretionary, so results are shown with and without it.
    grant_min_years, grant_min_savings_share : float
        Grant conditions: planned duration (the horizon must reach it) and the pool's
        savings share.
    reference_date : datetime.date
        Start of the measure (year 0).
    """

    horizon_years: int
    discount_rate: float
    price_change_rate: float
    ramp_up: tuple[float, ...]
    double_running_months: float
    vat_rate: float
    vat_deminimis_eur: float
    vat_binding_date: dt.date
    grant: bool
    grant_min_years: float
    grant_min_savings_share: float
    reference_date: dt.date

    def record(self) -> dict:
        """The settings as plain JSON-ready values (for ``provenance.json``)."""
        out = asdict(self)
        out["ramp_up"] = list(self.ramp_up)
        for key in ("vat_binding_date", "reference_date"):
            out[key] = out[key].isoformat()
        return out


def check_ramp_up(profile, what: str | None = None) -> tuple[float, ...]:
    """A ramp-up profile: shares in [0, 1], non-decreasing, the last exactly 1.

    Accepts a sequence of numbers or a text such as ``"0.5,0.8,1"``. ``what`` names the
    value in the message (default: "Anlaufprofil", "ramp-up").
    """
    what = what or message("economics.what.ramp_up")
    if isinstance(profile, str):
        parts = [p.strip() for p in profile.replace(";", ",").split(",") if p.strip()]
    else:
        try:
            parts = list(profile)
        except TypeError:
            parts = [profile]
    try:
        values = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        raise InputError(
            message("economics.ramp_up_numbers", what=what, profile=profile)
        ) from None
    if not values:
        raise InputError(message("economics.ramp_up_empty", what=what))
    if any(not math.isfinite(v) or v < 0 or v > 1 for v in values):
        raise InputError(message("economics.ramp_up_range", what=what, profile=profile))
    if any(b < a for a, b in zip(values, values[1:], strict=False)):
        raise InputError(message("economics.ramp_up_decreasing", what=what, profile=profile))
    if values[-1] != 1:
        raise InputError(message("economics.ramp_up_end", what=what, profile=profile))
    return values


def linear_ramp_up(years) -> tuple[float, ...]:
    """The linear profile over ``years`` years: :math:`k / R` for :math:`k = 1, \\dots, R`."""
    n = check_years(years, "ramp_up_years")
    return tuple((k + 1) / n for k in range(n))


def _param(name: str) -> str:
    return message("economics.what.parameter", name=name)


def _share(value, what):
    value = float(value)
    if not 0 <= value <= 1:
        raise InputError(message("economics.share", what=what, value=value))
    return value


def economic_settings(
    dataset, reference_date: dt.date, overrides: Mapping | EconomicSettings | None = None
):
    """The settings for a dataset at a reference date, with a run's overrides.

    Parameters
    ----------
    dataset : potential.models.Dataset
        Gives the defaults (``parameters.csv``).
    reference_date : datetime.date
        Year 0.
    overrides : mapping or EconomicSettings, optional
        Any of ``horizon_years``, ``discount_rate``, ``ramp_up`` (a profile) and ``grant``
        (bool); ``None`` values are ignored. A whole :class:`EconomicSettings` (e.g. an
        analysis' ``economics``) is used as it is.

    Raises
    ------
    InputError
        An unknown key or a bad value, naming it.
    """
    if isinstance(overrides, EconomicSettings):
        return overrides
    p = dataset.parameter
    where = f"{dataset.path}/parameters.csv"
    try:
        settings = EconomicSettings(
            horizon_years=check_years(p("horizon_years"), _param("horizon_years")),
            discount_rate=check_rate(p("discount_rate"), _param("discount_rate")),
            price_change_rate=float(p("price_change_rate")),
            ramp_up=linear_ramp_up(p("ramp_up_years")),
            double_running_months=float(p("double_running_months")),
            vat_rate=_share(p("vat_rate"), _param("vat_rate")),
            vat_deminimis_eur=float(p("vat_deminimis_eur")),
            vat_binding_date=p("vat_binding_date"),
            grant=bool(p("grant_assumed")),
            grant_min_years=float(p("grant_min_years")),
            grant_min_savings_share=_share(
                p("grant_min_savings_share"), _param("grant_min_savings_share")
            ),
            reference_date=reference_date,
        )
    except InputError as exc:
        raise InputError(exc.problem, exc.where or where) from None
    if not isinstance(settings.vat_binding_date, dt.date):
        raise InputError(message("economics.vat_binding_date"), where)
    if settings.double_running_months < 0 or settings.price_change_rate <= -1:
        raise InputError(message("economics.out_of_range"), where)
    return apply_overrides(settings, overrides)


def apply_overrides(settings: EconomicSettings, overrides: Mapping | None) -> EconomicSettings:
    """``settings`` with a run's overrides (:data:`OVERRIDABLE`), each checked."""
    if not overrides:
        return settings
    unknown = sorted(set(overrides) - set(OVERRIDABLE))
    if unknown:
        raise InputError(
            message(
                "economics.unknown_setting",
                unknown=", ".join(unknown),
                known=", ".join(OVERRIDABLE),
            )
        )
    changes = {}
    for key, value in overrides.items():
        if value is None:
            continue
        if key == "horizon_years":
            changes[key] = check_years(value, most=MAX_HORIZON_YEARS)
        elif key == "discount_rate":
            changes[key] = check_rate(value)
        elif key == "ramp_up":
            changes[key] = check_ramp_up(value)
        elif key == "grant":
            if not isinstance(value, bool):
                raise InputError(message("economics.grant", value=value))
            changes[key] = value
    return replace(settings, **changes)
