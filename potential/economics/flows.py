r"""Yearly cash flows of every (body, option) as differences to the status quo.

One row of ``members`` is a body in an option (:func:`potential.indicators.member_table`).
:func:`component_flows` turns the rows into one array per component, shape
``(rows, H + 1)`` for the years :math:`t = 0, \dots, H`; positive amounts are better for the
body than going on alone (the status quo). ``docs/method.md`` (section 5) states every
formula; in short, for a member with annual cost :math:`C`, savings share :math:`s`
(:func:`potential.indicators.savings_share`), pooled part :math:`\varphi`, governance share
:math:`\kappa` and time to implement :math:`T` months:

* operating fraction of year :math:`t \ge 1`: :math:`f_t = \mathrm{clip}(t - T/12, 0, 1)`;
  ramp-up :math:`r_t` = the profile's share for the operating year that year :math:`t` is;
  price index :math:`p_t = (1 + g)^t`;
* savings on material cost :math:`(1-\pi) s C r_t f_t p_t` and on personnel cost
  :math:`\pi s C \min(r_t, L_t) f_t p_t`, where :math:`L_t` is the share of the pool's
  unneeded posts that staff departures have freed by year :math:`t` (no dismissals);
* governance :math:`-\kappa C f_t p_t`;
* VAT :math:`-\mathrm{rate}\,(1 - \iota)\,E_t` on the payment :math:`E_t` to the pool where
  the field × form rule makes it taxable, from the date § 2b UStG binds the provider;
* one-off cost: setup (year 0) and migration (over the implementation years), the member's
  share :math:`w = C / C_P`; an exit cost in year 0; double running at the switch;
* the NRW IKZ grant, where counted and eligible, in step with the one-off cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential.economics.finance import (
    annuity,
    discount_factors,
    largest_burden,
    payback_year,
)
from potential.economics.settings import EconomicSettings

#: components in the order of the council annex, with their German and English labels
COMPONENTS = {
    "savings_material": ("Einsparung Sach- und Betriebskosten", "Savings on material cost"),
    "savings_personnel": (
        "Einsparung Personalkosten (nur durch Abgänge)",
        "Savings on personnel cost (through departures only)",
    ),
    "governance": ("Laufende Kosten der Kooperationsform", "Running cost of the legal form"),
    "vat": ("Umsatzsteuer auf das Entgelt (§ 2b UStG)", "VAT on the payment (§ 2b UStG)"),
    "setup": ("Einmalkosten Gründung und Vertrag", "One-off cost: setup and contract"),
    "migration": ("Einmalkosten Migration", "One-off cost: migration"),
    "exit": ("Austritt beim bisherigen Dienstleister", "Exit from the current provider"),
    "double_running": ("Doppelbetrieb in der Umstellung", "Double running at the switch"),
    "grant": ("IKZ-Förderung des Landes NRW", "NRW IKZ grant"),
}

#: columns ``members`` must have (see :func:`component_flows`)
MEMBER_COLUMNS = (
    "option", "annual_cost", "fte", "leaving_share", "savings_share", "pool_cost",
    "pooling_factor", "governance_share", "time_to_implement", "setup_cost", "one_off_share",
    "personnel_share", "input_tax_share", "payer", "vat_taxable", "public_law", "vat_from",
    "exit_cost", "grant_total", "eligible_cost",
)  # fmt: skip


@dataclass(frozen=True)
class CashFlows:
    """The cash flows of many (body, option) rows.

    Attributes
    ----------
    components : dict of str to numpy.ndarray
        Component id (:data:`COMPONENTS`) → amounts, shape ``(rows, H + 1)``, EUR.
    payment : numpy.ndarray
        The payment (Entgelt, Umlage) each row pays the pool per year, net of VAT (0 for a
        lead and where execution stays with the member); for the annex, not part of the
        difference.
    grant_available : numpy.ndarray
        The grant flows where the grant's conditions hold, whether or not it is counted
        (``settings.grant``); ``components["grant"]`` holds them only if it is.
    settings : EconomicSettings

    All amounts are rounded to the cent, so the Kapitalwert of a row is exactly the
    discounted sum of its amounts in ``cashflows.csv``.
    """

    components: dict[str, np.ndarray]
    payment: np.ndarray
    grant_available: np.ndarray
    settings: EconomicSettings

    @property
    def total(self) -> np.ndarray:
        """The yearly difference to the status quo, summed over the components."""
        return sum(self.components.values())


def _yearly_leave_factor(members, years):
    """:math:`L_t`: the share of the pool's unneeded posts freed by departures by year t."""
    codes, _ = pd.factorize(members["option"])
    fte = members["fte"].to_numpy(float)
    leave10 = members["leaving_share"].to_numpy(float)
    yearly = 1 - (1 - leave10) ** 0.1
    departed = fte[:, None] * (1 - (1 - yearly[:, None]) ** years[None, :])
    n_opt = codes.max() + 1 if len(codes) else 0
    pool_departed = np.zeros((n_opt, len(years)))
    np.add.at(pool_departed, codes, departed)
    cost = members["annual_cost"].to_numpy(float)
    saved = members["savings_share"].to_numpy(float) * cost
    pool_saved, pool_cost, pool_fte = (np.zeros(n_opt) for _ in range(3))
    np.add.at(pool_saved, codes, saved)
    np.add.at(pool_cost, codes, cost)
    np.add.at(pool_fte, codes, fte)
    share = np.divide(pool_saved, pool_cost, out=np.zeros(n_opt), where=pool_cost > 0)
    posts = share * pool_fte
    factor = np.divide(
        pool_departed, posts[:, None], out=np.ones_like(pool_departed), where=posts[:, None] > 0
    )
    return np.minimum(1.0, factor)[codes]


def _year_fraction_after(date, settings, years):
    """Share of each year (t-1, t] that lies on or after ``date`` (0 for year 0)."""
    start = np.datetime64(settings.reference_date, "D")
    days = (np.asarray(date, dtype="datetime64[D]") - start).astype(float) / 365.25
    frac = np.clip(years[None, :] - days[:, None], 0, 1)
    frac[:, 0] = 0.0
    return frac


def component_flows(members: pd.DataFrame, settings: EconomicSettings) -> CashFlows:
    """Every component's yearly amount for every row of ``members``.

    Parameters
    ----------
    members : pandas.DataFrame
        One row per (body, option) with the columns :data:`MEMBER_COLUMNS`: the member's
        annual cost ``annual_cost`` (EUR/a), ``fte``, ``leaving_share`` (within 10 years),
        ``savings_share`` :math:`s`, ``pool_cost`` :math:`C_P`, ``pooling_factor``
        :math:`\varphi`, ``governance_share`` :math:`\\kappa`, ``time_to_implement``
        :math:`T` (months), the form's ``setup_cost`` :math:`F_L`, the field's
        ``one_off_share`` :math:`o_f`, ``personnel_share`` :math:`\\pi_f` and
        ``input_tax_share`` :math:`\\iota_f`, ``payer`` (the member pays the pool),
        ``vat_taxable`` (the field × form rule), ``public_law`` (the provider),
        ``vat_from`` (date § 2b binds the provider), ``exit_cost`` (EUR),
        ``grant_total`` (the pool's grant, 0 if not counted or not eligible) and
        ``eligible_cost`` :math:`E` (the pool's one-off cost before the grant).
    settings : EconomicSettings

    Returns
    -------
    CashFlows
    """
    H = settings.horizon_years
    years = np.arange(H + 1, dtype=float)
    n = len(members)
    col = lambda c: members[c].to_numpy(float)  # noqa: E731
    cost, share, phi = col("annual_cost"), col("savings_share"), col("pooling_factor")
    months = col("time_to_implement")
    impl_years = months / 12.0
    price = (1 + settings.price_change_rate) ** years
    operating = np.clip(years[None, :] - impl_years[:, None], 0, 1)
    operating[:, 0] = 0.0

    # ramp-up by operating year: year t is operating year ceil(t - T/12)
    op_year = np.ceil(years[None, :] - impl_years[:, None] - 1e-12).astype(int)
    profile = np.asarray(settings.ramp_up, dtype=float)
    ramp = np.where(op_year >= 1, profile[np.clip(op_year - 1, 0, len(profile) - 1)], 0.0)
    leave = _yearly_leave_factor(members, years)

    steady = share * cost
    personnel = col("personnel_share")
    material = (steady * (1 - personnel))[:, None] * ramp * operating * price
    staff = (steady * personnel)[:, None] * np.minimum(ramp, leave) * operating * price
    governance = -(col("governance_share") * cost)[:, None] * operating * price

    payer = members["payer"].to_numpy(bool)
    pooled = (phi * cost)[:, None] * operating * price
    payment = np.where(payer[:, None], pooled - material - staff, 0.0)
    # de minimis: the provider's yearly turnover from the partners (steady state)
    steady_turnover = np.where(payer, phi * cost - steady, 0.0)
    turnover = pd.Series(steady_turnover).groupby(members["option"].to_numpy()).transform("sum")
    small = members["public_law"].to_numpy(bool) & (
        turnover.to_numpy() <= settings.vat_deminimis_eur
    )
    taxable = members["vat_taxable"].to_numpy(bool) & payer & ~small
    after = _year_fraction_after(members["vat_from"].to_numpy(), settings, years)
    taxed_share = np.divide(
        np.minimum(after, operating), operating, out=np.zeros_like(operating), where=operating > 0
    )
    vat = -(
        settings.vat_rate
        * (1 - col("input_tax_share"))[:, None]
        * np.where(taxable[:, None], payment * taxed_share, 0.0)
    )

    weight = np.divide(cost, col("pool_cost"), out=np.zeros(n), where=col("pool_cost") > 0)
    setup = np.zeros((n, H + 1))
    setup[:, 0] = -weight * col("setup_cost")
    # migration over the implementation years 1..ceil(T/12), by the time in each year
    in_impl = np.clip(np.minimum(years[None, :], impl_years[:, None]) - (years[None, :] - 1), 0, 1)
    in_impl[:, 0] = 0.0
    spread = np.divide(
        in_impl, impl_years[:, None], out=np.zeros_like(in_impl), where=impl_years[:, None] > 0
    )
    no_time = impl_years <= 0
    spread[no_time, 0] = 1.0
    migration_total = weight * phi * col("one_off_share") * col("pool_cost")
    migration = -migration_total[:, None] * spread * np.where(years == 0, 1.0, price)
    exit_cost = np.zeros((n, H + 1))
    exit_cost[:, 0] = -col("exit_cost")
    first_op = (operating > 0) & (np.cumsum(operating > 0, axis=1) == 1)
    double = -(settings.double_running_months / 12 * phi * cost)[:, None] * first_op * price
    eligible = col("eligible_cost")
    grant_ratio = np.divide(col("grant_total"), eligible, out=np.zeros(n), where=eligible > 0)
    available = np.round(-grant_ratio[:, None] * (setup + migration), 2)
    grant = available if settings.grant else np.zeros_like(available)
    cents = lambda a: np.round(a, 2) + 0.0  # noqa: E731  (+0.0 turns -0.0 into 0.0)
    return CashFlows(
        components={
            "savings_material": cents(material),
            "savings_personnel": cents(staff),
            "governance": cents(governance),
            "vat": cents(vat),
            "setup": cents(setup),
            "migration": cents(migration),
            "exit": cents(exit_cost),
            "double_running": cents(double),
            "grant": grant,
        },
        payment=np.round(payment, 2),
        grant_available=available,
        settings=settings,
    )


def summary(flows: CashFlows) -> pd.DataFrame:
    """Kapitalwert and the other results of every row.

    Returns
    -------
    pandas.DataFrame
        One row per input row (same order): ``npv`` (Kapitalwert of the difference to the
        status quo, EUR), ``annuity`` (EUR/a over the horizon), ``payback_year`` (dynamic;
        NaN if not within the horizon), ``max_burden`` (the largest net outflow of a year,
        EUR ≥ 0), ``vat_npv`` (present value of the VAT, EUR ≤ 0), ``one_off_npv`` (present
        value of setup, migration, exit and double running, EUR ≤ 0), ``grant_npv`` (the
        present value of the grant where it is eligible, counted or not), ``npv_without_grant``
        and ``npv_with_grant``.
    """
    s = flows.settings
    factors = discount_factors(s.discount_rate, s.horizon_years)
    total = flows.total
    npv = total @ factors
    c = flows.components
    one_off = c["setup"] + c["migration"] + c["exit"] + c["double_running"]
    grant = flows.grant_available @ factors
    return pd.DataFrame(
        {
            "npv": npv,
            "annuity": annuity(npv, s.discount_rate, s.horizon_years),
            "payback_year": payback_year(total, s.discount_rate) if len(total) else [],
            "max_burden": largest_burden(total) if len(total) else [],
            "vat_npv": c["vat"] @ factors,
            "one_off_npv": one_off @ factors,
            "grant_npv": grant,
            "npv_without_grant": npv - c["grant"] @ factors,
            "npv_with_grant": npv - c["grant"] @ factors + grant,
        }
    )


def long_table(flows: CashFlows, keys: pd.DataFrame) -> pd.DataFrame:
    """The flows as a long table: one row per (key row, year, component) with amount ≠ 0.

    Parameters
    ----------
    flows : CashFlows
    keys : pandas.DataFrame
        One row per input row, e.g. ``body`` and ``option``; its columns lead the table.

    Returns
    -------
    pandas.DataFrame
        The columns of ``keys``, then ``year``, ``component`` and ``amount_eur`` (rounded
        to the cent), ordered by key row, year and component order.
    """
    frames = []
    for order, (name, values) in enumerate(flows.components.items()):
        rows, years = np.nonzero(np.round(values, 2))
        frame = keys.iloc[rows].reset_index(drop=True)
        frame["year"] = years
        frame["component"] = name
        frame["amount_eur"] = np.round(values[rows, years], 2)
        frame["_row"], frame["_order"] = rows, order
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if out.empty:
        return pd.DataFrame(columns=[*keys.columns, "year", "component", "amount_eur"])
    out = out.sort_values(["_row", "year", "_order"], kind="stable")
    return out.drop(columns=["_row", "_order"]).reset_index(drop=True)
