r"""Discounting: present value (Kapitalwert), annuity, dynamic payback, largest yearly burden.

Conventions (BMF *Arbeitsanleitung Einführung in Wirtschaftlichkeitsuntersuchungen*, the
VV-LHO convention, and WiBe 5.0): year 0 is the start of the measure and is not discounted;
every later payment falls at the end of its year :math:`t` and is discounted by
:math:`(1 + i)^{-t}`. All functions are pure and work on numbers or numpy arrays; the last
axis of ``flows`` is the year.
"""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.messages import message


def check_rate(rate, what: str | None = None) -> float:
    """A discount rate as a float; an :class:`InputError` if it is negative or not finite.

    ``what`` names the value in the message (default: "Zinssatz", "discount rate").
    """
    what = what or message("economics.what.discount_rate")
    if isinstance(rate, bool):
        raise InputError(message("economics.rate_number", what=what, rate=rate))
    try:
        value = float(rate)
    except (TypeError, ValueError):
        raise InputError(message("economics.rate_number", what=what, rate=rate)) from None
    if not np.isfinite(value) or value < 0:
        raise InputError(message("economics.rate_range", what=what, rate=rate))
    return value


def check_years(years, what: str | None = None, least: int = 1, most: int | None = None) -> int:
    """A whole number of years in ``least`` … ``most``; an :class:`InputError` otherwise.

    ``what`` names the value in the message (default: "Betrachtungszeitraum", "horizon");
    ``most`` is no bound if ``None``.
    """
    try:
        ok = not isinstance(years, bool) and float(years).is_integer() and int(years) >= least
        ok = ok and (most is None or int(years) <= most)
    except (TypeError, ValueError, OverflowError):
        ok = False
    if not ok:
        what = what or message("economics.what.horizon")
        if most is not None:
            raise InputError(
                message("economics.years_range", what=what, least=least, most=most, years=years)
            )
        raise InputError(message("economics.years", what=what, least=least, years=years))
    return int(years)


def _flows() -> str:
    return message("economics.what.flows")


def check_flows(flows) -> np.ndarray:
    """Flows of years 0..T as a float array (1-D or one row per alternative), all finite."""
    try:
        z = np.asarray(flows, dtype=float)
    except (TypeError, ValueError):
        raise InputError(message("economics.flows_numbers", what=_flows())) from None
    if z.ndim == 0 or z.shape[-1] == 0:
        raise InputError(message("economics.flows_empty", what=_flows()))
    if not np.all(np.isfinite(z)):
        raise InputError(message("economics.flows_finite", what=_flows()))
    return z


def discount_factors(rate, years) -> np.ndarray:
    r"""Discount factors :math:`(1 + i)^{-t}` for :math:`t = 0, \dots, T`.

    Parameters
    ----------
    rate : float
        Discount rate :math:`i \ge 0` per year (0.009 = 0.9 % p.a.).
    years : int
        The last year :math:`T \ge 0`.

    Returns
    -------
    numpy.ndarray
        ``T + 1`` factors, the first 1.
    """
    i = check_rate(rate)
    return (1.0 + i) ** -np.arange(
        check_years(years, message("economics.what.years"), least=0) + 1, dtype=float
    )


def npv(flows, rate) -> float | np.ndarray:
    r"""Present value (Kapitalwert) of yearly flows for years :math:`0, \dots, T`.

    .. math:: K = \sum_{t=0}^{T} \frac{z_t}{(1 + i)^t}

    Parameters
    ----------
    flows : array_like
        :math:`z_0, \dots, z_T` (EUR; year 0 first, undiscounted). A 2-D array holds one row
        of flows per alternative.
    rate : float
        Discount rate :math:`i \ge 0` per year.

    Returns
    -------
    float or numpy.ndarray
        The present value (one per row for 2-D input).

    Raises
    ------
    InputError
        A negative or non-finite rate, or flows that are not finite numbers.

    Examples
    --------
    >>> round(npv([-1000, 600, 600], 0.05), 2)
    115.65
    """
    z = check_flows(flows)
    value = z @ discount_factors(rate, z.shape[-1] - 1)
    return float(value) if np.ndim(value) == 0 else value


def annuity_factor(rate, years) -> float:
    r"""Annuity factor (Kapitalwiedergewinnungsfaktor) :math:`\frac{i (1+i)^n}{(1+i)^n - 1}`.

    :math:`1/n` for :math:`i = 0`.
    """
    i = check_rate(rate)
    n = check_years(years, message("economics.what.years"))
    if i == 0:
        return 1.0 / n
    q = (1.0 + i) ** n
    return i * q / (q - 1.0)


def annuity(value, rate, years) -> float | np.ndarray:
    r"""The constant yearly amount over ``years`` years with the same present value.

    .. math:: A = K \cdot \frac{i (1+i)^n}{(1+i)^n - 1}

    Payments at the ends of years :math:`1, \dots, n` (so :math:`\sum_{t=1}^n A (1+i)^{-t}
    = K`); :math:`A = K / n` at :math:`i = 0`.

    Parameters
    ----------
    value : float or array_like
        Present value :math:`K` (EUR).
    rate : float
        Discount rate :math:`i \ge 0` per year.
    years : int
        :math:`n \ge 1`.

    Examples
    --------
    >>> round(annuity(1000, 0.05, 10), 2)
    129.5
    """
    result = np.asarray(value, dtype=float) * annuity_factor(rate, years)
    return float(result) if result.ndim == 0 else result


def payback_year(flows, rate) -> float | np.ndarray:
    r"""Dynamic payback year: the first year from which the cumulative present value stays ≥ 0.

    .. math:: t^* = \min\{t : \textstyle\sum_{s \le u} z_s (1+i)^{-s} \ge 0 \ \forall u \ge t\}

    0 if the cumulative value is never negative; ``nan`` if it is still negative at the
    horizon (the option does not pay back within it).

    Parameters
    ----------
    flows : array_like
        Flows of years :math:`0, \dots, T` (1-D, or one row per alternative).
    rate : float
        Discount rate.
    """
    z = np.atleast_2d(check_flows(flows))
    cumulative = np.cumsum(z * discount_factors(rate, z.shape[-1] - 1), axis=-1)
    negative = cumulative < -1e-9
    any_negative = negative.any(axis=-1)
    last_negative = z.shape[-1] - 1 - np.argmax(negative[:, ::-1], axis=-1)
    year = np.where(any_negative, last_negative + 1.0, 0.0)
    year = np.where(year > z.shape[-1] - 1, np.nan, year)
    return float(year[0]) if np.ndim(flows) <= 1 else year


def largest_burden(flows) -> float | np.ndarray:
    """The largest net outflow of any single year (EUR ≥ 0; 0 if no year is negative)."""
    z = np.atleast_2d(check_flows(flows))
    burden = np.maximum(0.0, -z.min(axis=-1))
    return float(burden[0]) if np.ndim(flows) <= 1 else burden
