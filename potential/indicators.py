"""Indicators: one pure function per criterion, and the table that applies them.

Every function takes scalars or aligned pandas Series / numpy arrays and returns the same
shape; none reads files or global state. The formulas, parameters and sources are stated in
``docs/method.md``; the docstrings repeat the formula.

All benefit indicators measure the change against doing nothing (stand-alone, *Alleingang*),
so the stand-alone row of every body has zero savings, relief, resilience gain and obligation
coverage, no one-off cost, no implementation time, full control and no tax risk.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential.datasets import optional_parameter
from potential.economics.flows import CashFlows, component_flows, summary
from potential.economics.settings import EconomicSettings, economic_settings
from potential.inventory import ties
from potential.models import Dataset
from potential.options import PARTNER_SEP, STAND_ALONE, memberships, participants

DAYS_PER_MONTH = 365.25 / 12


def savings_share(cost_member, cost_pool, scale_exponent, cap, pooling_factor):
    r"""Share of a member's annual cost saved by pooling.

    .. math:: s = \varphi_L \cdot \min\left(c_f,\ 1 - (C_m / C_P)^{\beta_f}\right)

    Unit cost falls with the pooled volume as :math:`V^{-\beta}`; annual cost stands for
    volume. :math:`C_m` is the member's baseline: its own cost, or the cost of the existing
    pool it already belongs to in this field (:func:`existing_pools`); :math:`C_P` counts the
    bodies such a pool already serves as well. The published evidence
    for the field caps the share (:math:`c_f`), and the legal form realises the part
    :math:`\varphi_L` of it.

    Parameters
    ----------
    cost_member, cost_pool : float or array_like
        Annual cost of the member's baseline and of all partners together (EUR/year).
    scale_exponent : float or array_like
        :math:`\beta_f`.
    cap : float or array_like
        :math:`c_f`, the largest share the field's evidence supports.
    pooling_factor : float or array_like
        :math:`\varphi_L`, the part of the scale savings the legal form realises.

    Returns
    -------
    float or array_like
        Savings share in [0, 1]; 0 where the pool has no cost.
    """
    cost_member = np.asarray(cost_member, dtype=float)
    cost_pool = np.asarray(cost_pool, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(cost_pool > 0, cost_member / np.where(cost_pool > 0, cost_pool, 1), 1)
    raw = 1 - np.power(ratio, scale_exponent)
    return np.asarray(pooling_factor) * np.minimum(cap, np.clip(raw, 0, 1))


def net_savings(annual_cost, share_saved, governance_cost_share):
    r"""Net annual savings of a member (EUR/year, maximise).

    .. math:: N_m = C_m \cdot (s - \kappa_L)

    Parameters
    ----------
    annual_cost : float or array_like
        :math:`C_m`, the member's annual cost in the field.
    share_saved : float or array_like
        :math:`s` from :func:`savings_share`.
    governance_cost_share : float or array_like
        :math:`\kappa_L`, running cost of the legal form's bodies and settlements as a share
        of the member's annual cost.
    """
    return np.asarray(annual_cost, dtype=float) * (
        np.asarray(share_saved) - np.asarray(governance_cost_share)
    )


def governance_share(governance_cost_share, tie_share=0.0, reduction=0.0):
    r"""Running coordination cost of an option as a share of the member's annual cost.

    .. math:: \kappa = \kappa_L \cdot (1 - \theta_g\,\tau)

    :math:`\kappa_L` is the legal form's governance cost share; partners who already work
    together reuse their cost keys, contract management and meeting routines, so the share
    shrinks by :math:`\theta_g` times the share :math:`\tau` of member pairs already tied
    (:func:`tie_share`). With :math:`\theta_g = 0` (the default) ties have no effect. The
    result is the :math:`\kappa` of :func:`net_savings`.

    Parameters
    ----------
    governance_cost_share : float or array_like
        :math:`\kappa_L`.
    tie_share : float or array_like
        :math:`\tau \in [0, 1]`.
    reduction : float
        :math:`\theta_g \in [0, 1]` (``tie_governance_reduction``).
    """
    return np.asarray(governance_cost_share, dtype=float) * (
        1 - reduction * np.asarray(tie_share, dtype=float)
    )


def tie_share(members, tied) -> float:
    r"""Share of an option's member pairs that are already tied by an existing cooperation.

    .. math:: \tau_P = \frac{\left|\{\{a, b\} \subseteq P : a \sim b\}\right|}{\binom{n}{2}}

    :math:`a \sim b` means that a cooperation in force at the reference date ties the two
    (:func:`potential.inventory.ties`: the lead with each member, or every two members of a
    cooperation without a lead). 1 if every two members already work together, 0 if none do
    (and for fewer than two members).

    Parameters
    ----------
    members : iterable of str
        Body ids of the partner set (repeats count once).
    tied : collection of frozenset
        The tied pairs, each a ``frozenset`` of two body ids (e.g. the keys of
        :func:`potential.inventory.ties`).

    Examples
    --------
    >>> tie_share(["a", "b", "c"], {frozenset("ab")})
    0.3333333333333333
    """
    members = list(dict.fromkeys(members))
    pairs = list(itertools.combinations(members, 2))
    if not pairs:
        return 0.0
    return sum(frozenset(p) in tied for p in pairs) / len(pairs)


def ikz_grant(eligible_cost, n_partners, base, per_partner, max_share):
    r"""NRW IKZ grant for a cooperation (EUR, whole pool).

    .. math:: G = \min\left(g_{max} \cdot E,\ g_0 + g_1 \cdot (n - 2)\right)

    Parameters
    ----------
    eligible_cost : float or array_like
        :math:`E`, the pool's one-off cost before the grant.
    n_partners : int or array_like
        Number of partners (at least 2).
    base, per_partner, max_share : float
        :math:`g_0` (two partners), :math:`g_1` (each further partner), :math:`g_{max}`.
    """
    cap = base + per_partner * (np.asarray(n_partners) - 2)
    return np.minimum(max_share * np.asarray(eligible_cost, dtype=float), cap)


def one_off_cost(cost_weight, eligible_cost, grant):
    r"""A member's one-off cost after the grant (EUR, minimise).

    .. math:: O_m = w_m \cdot \max(0, E - G), \quad w_m = C_m / C_P

    where :math:`E = \varphi_L \sum_{k \in P} o_f C_k + F_L` is the pool's migration cost
    (the field's one-off share :math:`o_f` of annual cost, for the part :math:`\varphi_L`
    the form pools) plus the legal form's setup cost.

    Parameters
    ----------
    cost_weight : float or array_like
        :math:`w_m`, the member's share of the pool's annual cost.
    eligible_cost, grant : float or array_like
        :math:`E` and :math:`G` (:func:`ikz_grant`).
    """
    return np.asarray(cost_weight) * np.maximum(
        0.0, np.asarray(eligible_cost, dtype=float) - grant
    )


def staffing_relief(cost_weight, pool_departures, pool_savings_share, pool_fte):
    r"""Posts a member need not fill because it works in the pool (FTE, maximise).

    .. math:: R_m = w_m \cdot \min\left(\sum_{k \in P} \mathit{FTE}_k r_k,\ s_P \cdot
        \mathit{FTE}_P\right)

    Counted once, at pool level: within ten years the pool's staff lose
    :math:`\sum_k \mathit{FTE}_k r_k` to departures, and of these posts the pool can leave
    empty at most the saving share :math:`s_P = \sum_k s_k C_k / C_P` of its staff; the rest
    it must refill. Each member is credited its cost share :math:`w_m = C_m / C_P`, so the
    members' relief adds up to the pool's. The money these posts save is in the
    Kapitalwert (personnel savings through departures); this criterion measures the
    recruiting the member is spared under the staff shortage.

    Parameters
    ----------
    cost_weight : float or array_like
        :math:`w_m`.
    pool_departures : float or array_like
        :math:`\sum_k \mathit{FTE}_k r_k` (FTE leaving the pool's staff within ten years).
    pool_savings_share : float or array_like
        :math:`s_P`.
    pool_fte : float or array_like
        :math:`\mathit{FTE}_P`.
    """
    return np.asarray(cost_weight, dtype=float) * np.minimum(
        np.asarray(pool_departures, dtype=float),
        np.asarray(pool_savings_share) * np.asarray(pool_fte),
    )


def resilience(team_fte, min_team_fte):
    r"""Resilience of a team: how close it is to the smallest resilient size (0–1).

    .. math:: \rho = \min(1,\ T / T_{min})

    A single-person post (:math:`T < T_{min}`) scores below 1. The indicator of an option
    is the gain :math:`\rho(T_{pooled}) - \rho(T_{baseline})`, where the pooled team is the
    partners' staff in the field for forms that transfer execution (else the body's own) and
    the baseline is the body's own staff or its existing pool's.
    """
    return np.minimum(1.0, np.asarray(team_fte, dtype=float) / min_team_fte)


def time_to_implement(
    setup_months,
    approval_weeks,
    n_partners,
    months_per_partner,
    tie_share=0.0,
    reduction=0.0,
    migration_months=0.0,
):
    r"""Months until the cooperation works (minimise).

    .. math:: T = t_L + a_L \cdot 7 / 30.4375 + \nu \cdot \max(0, n - 2) \cdot (1 - \theta_t\,\tau)
        + \mu_f

    the form's setup time, its supervisory approval period (GkG NRW: 4 weeks; § 115 GO NRW:
    6 weeks), negotiation time for every partner beyond the second, and the field's migration
    time :math:`\mu_f` (moving systems, processes and staff; calibrated on Bönen's IT, which
    took one to two years). Partners who already work together negotiate faster: the
    negotiation term shrinks by :math:`\theta_t` times the share :math:`\tau` of member
    pairs already tied (:func:`tie_share`).

    Parameters
    ----------
    setup_months, approval_weeks : float or array_like
        :math:`t_L` and :math:`a_L` of the legal form.
    n_partners : int or array_like
        :math:`n`, the number of members.
    months_per_partner : float
        :math:`\nu`, negotiation months per partner beyond the second.
    tie_share : float or array_like
        :math:`\tau \in [0, 1]`.
    reduction : float
        :math:`\theta_t \in [0, 1]` (``tie_negotiation_reduction``).
    migration_months : float or array_like
        :math:`\mu_f` of the field (``migration_months``).
    """
    extra = np.maximum(np.asarray(n_partners) - 2, 0)
    negotiation = months_per_partner * extra * (1 - reduction * np.asarray(tie_share, dtype=float))
    return (
        np.asarray(setup_months, dtype=float)
        + np.asarray(approval_weeks) * 7 / DAYS_PER_MONTH
        + negotiation
        + np.asarray(migration_months, dtype=float)
    )


def control_kept(is_lead, control_lead, control_member, vote_share=None, by_votes=False):
    r"""Control a member keeps over the task (0–1, maximise).

    The lead's value if the member leads, else the member's value of the form. Where the form
    decides by votes in bodies of its own (``by_votes``: Verbandsversammlung, Verwaltungsrat,
    Gesellschafterversammlung), control follows the member's vote share :math:`v_m`:

    .. math:: c_m = \min(1,\ v_m / 0.5)

    a member that holds half of the votes can block or carry every decision and keeps full
    control; one with a tenth keeps 0.2.
    """
    base = np.where(np.asarray(is_lead, dtype=bool), control_lead, control_member)
    if vote_share is None:
        return base
    votes = np.minimum(1.0, np.asarray(vote_share, dtype=float) / 0.5)
    return np.where(np.asarray(by_votes, dtype=bool), votes, base)


def urgency(in_force, reference_date, horizon_months):
    r"""How pressing a duty is at the reference date (0–1).

    .. math:: u = \mathrm{clip}\left(1 - \frac{\text{months until in force}}{H}, 0, 1\right)

    1 once the duty binds (and while overdue), rising linearly over the ``H`` months before.
    """
    months = (in_force - reference_date).days / DAYS_PER_MONTH
    return float(np.clip(1 - months / horizon_months, 0, 1))


def obligation_pressure(weights, urgencies, fulfilment):
    r"""Pressure from the duties of a field on a body (0–1).

    .. math:: P = \frac{\sum_d w_d\, u_d\, (1 - f_d)}{\sum_d w_d}

    0 if the field has no duties (or all weights are 0).
    """
    w = np.asarray(weights, dtype=float)
    if w.sum() == 0:
        return 0.0
    return float(np.sum(w * np.asarray(urgencies) * (1 - np.asarray(fulfilment))) / w.sum())


def service_quality(weights, urgencies, fulfilment_member, fulfilment_pool, pooling_factor):
    r"""How much better the duties of a field are met together than alone (0–1, maximise).

    .. math:: Q_{m,o} = \varphi_L\,\frac{\sum_d w_d\, u_d\, \max(0, F_{P,d} - f_{m,d})}{\sum_d w_d}

    A duty binds a body alone as well, so going on alone is not "breaking the law": what a
    cooperation adds is that every member can meet the duty as well as the best partner
    already does (:math:`F_{P,d} = \max_{k \in P} f_{k,d}`), for the part
    :math:`\varphi_L` the form pools. 0 where the members meet the duties equally (e.g. while
    nobody has reported fulfilment), and for the status quo.

    Parameters
    ----------
    weights, urgencies : array_like
        :math:`w_d` and :math:`u_d` of the field's duties (:func:`urgency`).
    fulfilment_member, fulfilment_pool : array_like
        :math:`f_{m,d}` and :math:`F_{P,d}` (0–1).
    pooling_factor : float
        :math:`\varphi_L`.
    """
    w = np.asarray(weights, dtype=float)
    if w.sum() == 0:
        return 0.0
    gain = np.maximum(0.0, np.asarray(fulfilment_pool) - np.asarray(fulfilment_member))
    return float(pooling_factor * np.sum(w * np.asarray(urgencies) * gain) / w.sum())


@dataclass(frozen=True)
class Indicator:
    """Description of an indicator a criterion can use."""

    unit: str
    label_de: str
    label_en: str


#: Indicators a criteria model may name (``indicator:`` key); columns of :func:`indicator_table`.
INDICATORS = {
    "npv": Indicator("EUR", "Kapitalwert", "Net present value"),
    "npv_per_capita": Indicator("EUR/Einw.", "Kapitalwert je Einwohner", "NPV per inhabitant"),
    "annuity": Indicator("EUR/a", "Annuität", "Annuity"),
    "max_burden": Indicator("EUR", "Größte Jahresbelastung", "Largest yearly burden"),
    "burden_per_capita": Indicator(
        "EUR/Einw.", "Größte Jahresbelastung je Einwohner", "Largest yearly burden per inhabitant"
    ),
    "net_savings": Indicator("EUR/a", "Nettoeinsparung im Regelbetrieb", "Net savings"),
    "one_off_cost": Indicator("EUR", "Einmalkosten", "One-off cost"),
    "staffing_relief": Indicator("VZÄ", "Personalentlastung", "Staffing relief"),
    "resilience": Indicator("0–1", "Resilienzgewinn", "Resilience gain"),
    "time_to_implement": Indicator("Monate", "Umsetzungsdauer", "Time to implement"),
    "control_kept": Indicator("0–1", "Steuerung behalten", "Control kept"),
    "procurement_risk": Indicator("0–1", "Vergaberisiko", "Procurement risk"),
    "obligation_pressure": Indicator("0–1", "Pflichtendruck", "Obligation pressure"),
    "service_quality": Indicator(
        "0–1", "Pflichterfüllung gemeinsam statt allein", "Duties met together rather than alone"
    ),
}

#: results of the Wirtschaftlichkeitsvergleich carried in the indicator table (not criteria)
ECONOMIC_COLUMNS = (
    "payback_year", "npv_without_grant", "npv_with_grant", "vat_npv", "one_off_npv",
    "grant_npv", "grant_eligible", "vat_taxable",
)  # fmt: skip


def body_field_inputs(dataset: Dataset) -> pd.DataFrame:
    """Annual cost, staff and leaving share per (body, field), reported or estimated.

    A figure a body reported (``body_fields.csv``) wins; otherwise it is estimated from the
    body's population with the field's per-capita benchmark. The county's own volume is the
    field's ``kreis_share`` of the county population.

    Returns
    -------
    pandas.DataFrame
        Columns ``body``, ``field``, ``annual_cost``, ``fte``, ``leaving_share`` and
        ``estimated`` (True where any of the three is an estimate).
    """
    reported = {(r.body, r.field): r for r in dataset.body_fields}
    leaving = float(dataset.parameter("leaving_share_10y"))
    rows = []
    for body in dataset.bodies:
        for field in dataset.fields:
            fp = lambda name, f=field.id: float(dataset.field_parameter(f, name))  # noqa: E731
            volume = body.population * (fp("kreis_share") if body.kind == "kreis" else 1.0)
            rep = reported.get((body.id, field.id))
            cost = rep.annual_cost_eur if rep and rep.annual_cost_eur is not None else None
            fte = rep.fte if rep and rep.fte is not None else None
            share = rep.leaving_share if rep and rep.leaving_share is not None else None
            rows.append(
                {
                    "body": body.id,
                    "field": field.id,
                    "annual_cost": fp("cost_per_capita") * volume if cost is None else cost,
                    "fte": fp("fte_per_10k") * volume / 10_000 if fte is None else fte,
                    "leaving_share": leaving if share is None else share,
                    "estimated": cost is None or fte is None or share is None,
                }
            )
    return pd.DataFrame(rows)


def pressure_table(dataset: Dataset, reference_date: dt.date) -> pd.DataFrame:
    """Obligation pressure per (body, field) at the reference date (:func:`obligation_pressure`).

    Returns
    -------
    pandas.DataFrame
        Columns ``body``, ``field``, ``pressure``.
    """
    horizon = float(dataset.parameter("urgency_horizon_months"))
    default = float(dataset.parameter("default_fulfilment"))
    done = {(f.body, f.obligation): f.fulfilment for f in dataset.fulfilment}
    obligations = {o.id: o for o in dataset.obligations}
    rows = []
    for body in dataset.bodies:
        for field in dataset.fields:
            duties = [obligations[o] for o in field.obligations]
            rows.append(
                {
                    "body": body.id,
                    "field": field.id,
                    "pressure": obligation_pressure(
                        [d.weight for d in duties],
                        [urgency(d.in_force, reference_date, horizon) for d in duties],
                        [done.get((body.id, d.id), default) for d in duties],
                    ),
                }
            )
    return pd.DataFrame(rows, columns=["body", "field", "pressure"])


def _service_quality_column(dataset: Dataset, pool: pd.DataFrame, reference_date) -> np.ndarray:
    """:func:`service_quality` for every member row of ``pool`` (body, option, field).

    Vectorised per field (the rows of a field share its duties): a rows × duties array of
    the members' fulfilment, its maximum per option (the pool's :math:`F_{P,d}`), and the
    formula of :func:`service_quality` along the duties axis, in the same order of
    operations, so the values are those of the scalar function (tests compare the two).
    """
    horizon = float(dataset.parameter("urgency_horizon_months"))
    default = float(dataset.parameter("default_fulfilment"))
    done = {(f.body, f.obligation): f.fulfilment for f in dataset.fulfilment}
    obligations = {o.id: o for o in dataset.obligations}
    out = np.zeros(len(pool))
    fields = pool["field"].to_numpy()
    bodies = pool["body"].to_numpy()
    options = pool["option"].to_numpy()
    phi = pool["pooling_factor"].to_numpy(float)
    for field in dataset.fields:
        rows = np.flatnonzero(fields == field.id)
        duties = [obligations[o] for o in field.obligations]
        if not len(rows) or not duties:
            continue
        w = np.array([d.weight for d in duties], dtype=float)
        if w.sum() == 0:
            continue
        u = np.array([urgency(d.in_force, reference_date, horizon) for d in duties])
        member = np.array(
            [[done.get((b, d.id), default) for d in duties] for b in bodies[rows]], dtype=float
        )
        best = (
            pd.DataFrame(member)
            .groupby(options[rows], sort=False)
            .transform("max")
            .to_numpy(float)
        )
        gain = np.maximum(0.0, best - member)
        out[rows] = phi[rows] * np.sum(w * u * gain, axis=1) / w.sum()
    return out


def existing_pools(dataset: Dataset, reference_date: dt.date) -> pd.DataFrame:
    """Who already pools a whole field: the cost and staff of each body's existing pool.

    A body that is a member of an existing cooperation covering a field completely
    (``scope = full``, in force at the reference date) already works at that pool's scale, so
    its baseline for further pooling is the pool, not itself.

    Returns
    -------
    pandas.DataFrame
        Columns ``body``, ``field``, ``base_cost`` and ``base_fte``: the body's own annual cost
        and staff, or the sums over its existing pool.
    """
    inputs = body_field_inputs(dataset)
    base = inputs.set_index(["body", "field"])[["annual_cost", "fte"]].copy()
    own = base.copy()
    for coop in dataset.cooperations:
        if coop.field is None or coop.scope != "full":
            continue
        if coop.since is not None and coop.since > reference_date:
            continue
        keys = [(m, coop.field) for m in coop.members]
        base.loc[keys, ["annual_cost", "fte"]] = own.loc[keys].sum().to_numpy()
    base.columns = ["base_cost", "base_fte"]
    return base.reset_index()


def _scale_cost(dataset: Dataset, pool: pd.DataFrame, inputs, reference_date) -> np.ndarray:
    """The volume an option pools, per member row: the annual cost of its members and of every
    body their existing full-scope pools in the field already serve.

    A lead that already performs a field's task for other bodies (the county for Bönen's IT)
    brings that volume into any new pool it joins; without it the new pool could be smaller
    than the lead's baseline. Where the option contains the existing pool, this is the
    option's own cost.
    """
    served: dict[tuple[str, str], set[str]] = {}
    for coop in dataset.cooperations:
        if coop.field is None or coop.scope != "full":
            continue
        if coop.since is not None and coop.since > reference_date:
            continue
        for m in coop.members:
            served.setdefault((m, coop.field), set()).update(coop.members)
    cost = dict(
        zip(
            zip(inputs["body"], inputs["field"], strict=True),
            inputs["annual_cost"].to_numpy(float),
            strict=True,
        )
    )
    groups: dict[tuple[str, str], list[str]] = {}  # (option, field) → its member rows
    for option, field, body in zip(
        pool["option"].to_numpy(), pool["field"].to_numpy(), pool["body"].to_numpy(), strict=True
    ):
        groups.setdefault((option, field), []).append(body)
    volume = {}
    for (option, field), rows in groups.items():
        members = set(rows)
        for m in rows:
            members |= served.get((m, field), set())
        # fsum: exact, so the volume does not depend on the order of the set (which varies
        # with Python's string hashing from one run to the next)
        volume[option] = math.fsum(cost[(m, field)] for m in members)
    return pool["option"].map(volume).to_numpy(float)


def _form_table(dataset: Dataset) -> pd.DataFrame:
    rows = []
    for form in dataset.legal_forms:
        p = lambda name, d=None, f=form.id: float(dataset.form_parameter(f, name, d))  # noqa: E731
        member = p("control_member")
        rows.append(
            {
                "legal_form": form.id,
                "pooling_factor": p("pooling_factor"),
                "governance_cost_share": p("governance_cost_share"),
                "setup_cost": p("setup_cost_eur"),
                "setup_months": p("setup_months"),
                "approval_weeks": p("approval_weeks"),
                "control_member": member,
                "control_lead": p("control_lead", member),
                "control_by_votes": p("control_by_votes", 0.0) > 0,
                "procurement_risk": p("procurement_risk"),
                "public_law": form.public_law,
                "has_lead": form.has_lead,
                "transfers_execution": form.transfers_execution,
            }
        )
    return pd.DataFrame(rows)


def _field_table(dataset: Dataset) -> pd.DataFrame:
    names = (
        "savings_cap", "scale_exponent", "one_off_share", "personnel_share", "input_tax_share",
        "migration_months",
    )  # fmt: skip
    return pd.DataFrame(
        [
            {"field": f.id, **{n: float(dataset.field_parameter(f.id, n)) for n in names}}
            for f in dataset.fields
        ]
    )


def vat_rule_table(dataset: Dataset) -> pd.DataFrame:
    """Whether VAT falls on the payment, per (field, legal form) (``vat_rules.csv``).

    A pair without a rule falls back on the legal form: a provider that is not a public-law
    body (a GmbH) is an ordinary Unternehmer and charges VAT; for a public-law provider
    § 2b Abs. 3 UStG is taken to apply.

    Returns
    -------
    pandas.DataFrame
        Columns ``field``, ``legal_form``, ``vat_taxable``, ``vat_basis``.
    """
    rules = {(r.field, r.legal_form): r for r in dataset.vat_rules}
    rows = []
    for field in dataset.fields:
        for form_id in field.legal_forms:
            form = dataset.legal_form(form_id)
            rule = rules.get((field.id, form_id))
            rows.append(
                {
                    "field": field.id,
                    "legal_form": form_id,
                    "vat_taxable": rule.taxable if rule else not form.public_law,
                    "vat_basis": rule.basis if rule else "no rule: by the legal form",
                }
            )
    return pd.DataFrame(rows, columns=["field", "legal_form", "vat_taxable", "vat_basis"])


def _existing_ties_in_field(dataset: Dataset, reference_date: dt.date) -> dict[str, list]:
    """Field → member sets of the cooperations in force in that field (any scope)."""
    out: dict[str, list] = {}
    for coop in dataset.cooperations:
        if coop.field is None or (coop.since is not None and coop.since > reference_date):
            continue
        out.setdefault(coop.field, []).append(frozenset(coop.members))
    return out


def grant_eligible(partners, field, pool_savings_share, settings, existing) -> tuple[bool, str]:
    """Whether an option meets the NRW IKZ grant's conditions, and why not.

    The conditions (``docs/method.md`` section 5.6): no two of the partners cooperate in the
    field yet; the planned duration (the horizon) reaches ``grant_min_years``; the pool saves
    at least ``grant_min_savings_share`` of its cost.
    """
    members = set(partners)
    for group in existing.get(field, []):
        if len(members & group) >= 2:
            return False, "existing"
    if settings.horizon_years < settings.grant_min_years:
        return False, "duration"
    if pool_savings_share + 1e-12 < settings.grant_min_savings_share:
        return False, "savings"
    return True, ""


def indicator_table(
    dataset: Dataset,
    options: pd.DataFrame,
    reference_date: dt.date,
    economics: EconomicSettings | dict | None = None,
) -> pd.DataFrame:
    """Indicator values of every (body, option), stand-alone rows included.

    The table of :func:`indicator_parts`; see there.
    """
    return indicator_parts(dataset, options, reference_date, economics)[0]


def indicator_parts(
    dataset: Dataset,
    options: pd.DataFrame,
    reference_date: dt.date,
    economics: EconomicSettings | dict | None = None,
) -> tuple[pd.DataFrame, CashFlows, pd.DataFrame]:
    """Indicator values of every (body, option) and the cash flows behind them.

    Parameters
    ----------
    dataset : Dataset
        The dataset.
    options : pandas.DataFrame
        Options from :func:`potential.options.generate_options`.
    reference_date : datetime.date
        Date at which existing cooperations (pools and ties) and duties are judged, and
        year 0 of the Wirtschaftlichkeitsvergleich.
    economics : EconomicSettings or dict, optional
        Settings of the Wirtschaftlichkeitsvergleich, or overrides of the dataset's
        (:func:`potential.economics.economic_settings`).

    Returns
    -------
    table : pandas.DataFrame
        One row per (body, option) with the option columns, ``is_lead``, the inputs used
        (``annual_cost``, ``fte``, ``savings_share``, ``turnover``, ``tie_share`` ...), the
        results of the Wirtschaftlichkeitsvergleich (:data:`ECONOMIC_COLUMNS`) and one
        column per indicator in :data:`INDICATORS`. ``tie_share`` is the share of the
        option's member pairs already tied at the reference date (:func:`tie_share`; 0 for
        stand-alone); it shortens the negotiation term of :func:`time_to_implement` and
        lowers the governance cost share (:func:`governance_share`) by the global parameters
        ``tie_negotiation_reduction`` and ``tie_governance_reduction`` (0, no effect, if the
        dataset leaves them out). Rows are ordered by body (dataset order), stand-alone
        first, then options in generation order. Only bodies that take part
        (:func:`potential.options.participants`) have rows; the baselines of existing pools
        still count every member's cost and staff.
    flows : potential.economics.CashFlows
        The yearly cash flows of the cooperation rows (stand-alone has none).
    keys : pandas.DataFrame
        ``body`` and ``option`` of each row of ``flows``.
    """
    if not isinstance(economics, EconomicSettings):
        economics = economic_settings(dataset, reference_date, economics)
    settings = economics
    inputs = body_field_inputs(dataset)
    pool = memberships(options).merge(inputs, on=["body", "field"], how="left")
    pool = pool.merge(_form_table(dataset), on="legal_form").merge(
        _field_table(dataset), on="field"
    )
    pool = pool.merge(pressure_table(dataset, reference_date), on=["body", "field"])
    pool = pool.merge(existing_pools(dataset, reference_date), on=["body", "field"])
    pool = pool.merge(vat_rule_table(dataset), on=["field", "legal_form"], how="left")
    pool["vat_taxable"] = pool["vat_taxable"].fillna(~pool["public_law"]).astype(bool)
    by_option = pool.groupby("option", sort=False)
    pool["pool_cost"] = by_option["annual_cost"].transform("sum")
    pool["pool_fte"] = by_option["fte"].transform("sum")

    pool["savings_share"] = savings_share(
        pool["base_cost"],
        _scale_cost(dataset, pool, inputs, reference_date),
        pool["scale_exponent"],
        pool["savings_cap"],
        pool["pooling_factor"],
    )
    n = pool["n_partners"].to_numpy()
    weight = np.where(
        pool["pool_cost"] > 0,
        pool["annual_cost"] / pool["pool_cost"].where(pool["pool_cost"] > 0, 1),
        1 / n,
    )
    pool["eligible_cost"] = (
        pool["pooling_factor"] * pool["one_off_share"] * pool["pool_cost"] + pool["setup_cost"]
    )
    grant = ikz_grant(
        pool["eligible_cost"],
        n,
        float(dataset.parameter("grant_base_eur")),
        float(dataset.parameter("grant_per_partner_eur")),
        float(dataset.parameter("grant_max_share")),
    )
    lead_role = (pool["has_lead"] & pool["is_lead"]).to_numpy(bool)
    pool["payer"] = pool["transfers_execution"].to_numpy(bool) & ~lead_role
    saved = pool["savings_share"] * pool["annual_cost"]
    pool_saved = saved.groupby(pool["option"]).transform("sum")
    pool["pool_savings_share"] = np.where(
        pool["pool_cost"] > 0, pool_saved / pool["pool_cost"].where(pool["pool_cost"] > 0, 1), 0
    )
    departures = (pool["fte"] * pool["leaving_share"]).groupby(pool["option"]).transform("sum")
    min_team = float(dataset.parameter("min_team_fte"))
    team = np.maximum(
        np.where(pool["transfers_execution"], pool["pool_fte"], pool["fte"]), pool["base_fte"]
    )
    charged = np.where(lead_role, 0.0, pool["annual_cost"] * (1 - pool["savings_share"]))
    pool["turnover"] = (
        pd.Series(charged, index=pool.index).groupby(pool["option"]).transform("sum")
    )

    tied = ties(dataset, reference_date)
    shares = {
        option: tie_share(partners.split(PARTNER_SEP), tied)
        for option, partners in zip(options["option"], options["partners"], strict=True)
    }
    pool["tie_share"] = pool["option"].map(shares).astype(float)

    theta_t = optional_parameter(dataset, "tie_negotiation_reduction")
    theta_g = optional_parameter(dataset, "tie_governance_reduction")
    pool["governance_share"] = governance_share(
        pool["governance_cost_share"], pool["tie_share"], theta_g
    )
    pool["time_to_implement"] = time_to_implement(
        pool["setup_months"],
        pool["approval_weeks"],
        n,
        float(dataset.parameter("negotiation_months_per_partner")),
        pool["tie_share"],
        theta_t,
        pool["migration_months"],
    )

    # the Wirtschaftlichkeitsvergleich (potential.economics)
    # § 2b binds a public-law provider from its date; a company is taxable from the start
    own_date = {b.id: b.vat_2b_from for b in dataset.bodies}
    lead_date = pool["lead"].map(lambda b: own_date.get(b) if b else None)
    pool["vat_from"] = [
        dt.date.min
        if not public
        else (d if (has and d is not None) else settings.vat_binding_date)
        for d, has, public in zip(lead_date, pool["has_lead"], pool["public_law"], strict=True)
    ]
    exits = {(r.body, r.field): r.exit_cost_eur or 0.0 for r in dataset.body_fields}
    pool["exit_cost"] = [
        exits.get((b, f), 0.0) for b, f in zip(pool["body"], pool["field"], strict=True)
    ]
    existing = _existing_ties_in_field(dataset, reference_date)
    partner_sets = dict(zip(options["option"], options["partners"], strict=True))
    checks = {
        option: grant_eligible(
            partner_sets[option].split(PARTNER_SEP), field, share, settings, existing
        )
        for option, field, share in pool[["option", "field", "pool_savings_share"]]
        .drop_duplicates("option")
        .itertuples(index=False)
    }
    pool["grant_eligible"] = pool["option"].map(lambda o: checks[o][0]).astype(bool)
    pool["grant_total"] = np.where(pool["grant_eligible"], grant, 0.0)
    flows = component_flows(pool, settings)
    results = summary(flows)
    for column in results.columns:
        pool[column] = results[column].to_numpy()

    vat_steady = (
        pool["vat_taxable"]
        & pool["payer"]
        & ~(pool["public_law"] & (pool["turnover"] <= settings.vat_deminimis_eur))
    ).to_numpy(bool)
    pooled_payment = pool["pooling_factor"] * pool["annual_cost"] - saved
    pool["net_savings"] = net_savings(
        pool["annual_cost"], pool["savings_share"], pool["governance_share"]
    ) - np.where(
        vat_steady, settings.vat_rate * (1 - pool["input_tax_share"]) * pooled_payment, 0.0
    )
    counted = np.where(settings.grant, pool["grant_total"], 0.0)
    pool["one_off_cost"] = one_off_cost(weight, pool["eligible_cost"], counted)
    pool["staffing_relief"] = staffing_relief(
        weight, departures, pool["pool_savings_share"], pool["pool_fte"]
    )
    pool["resilience"] = resilience(team, min_team) - resilience(pool["base_fte"], min_team)
    pool["control_kept"] = control_kept(
        lead_role, pool["control_lead"], pool["control_member"], weight, pool["control_by_votes"]
    )
    pool["procurement_risk"] = pool["procurement_risk"].astype(float)
    pool["obligation_pressure"] = pool["pressure"] * pool["pooling_factor"]
    pool["service_quality"] = _service_quality_column(dataset, pool, reference_date)
    pool["is_lead"] = lead_role
    population = pool["body"].map({b.id: b.population for b in dataset.bodies}).astype(float)
    pool["npv_per_capita"] = pool["npv"] / population
    pool["burden_per_capita"] = pool["max_burden"] / population

    taking_part = [b.id for b in participants(dataset)]
    zero = dict.fromkeys(
        [
            "npv", "npv_per_capita", "annuity", "max_burden", "burden_per_capita",
            "net_savings", "one_off_cost", "staffing_relief", "resilience",
            "time_to_implement", "procurement_risk", "obligation_pressure", "service_quality",
            "payback_year",
            "npv_without_grant", "npv_with_grant", "vat_npv", "one_off_npv", "grant_npv",
        ],
        0.0,
    )  # fmt: skip
    alone = pd.DataFrame(
        {
            "body": taking_part,
            "option": STAND_ALONE,
            "field": "",
            "legal_form": "",
            "partner_set": "",
            "partners": taking_part,
            "lead": "",
            "n_partners": 1,
            "is_lead": False,
            "tie_share": 0.0,
            **zero,
            "control_kept": 1.0,
            "grant_eligible": False,
            "vat_taxable": False,
        }
    )
    keep = [
        "body", "option", "field", "legal_form", "partner_set", "partners", "lead",
        "n_partners", "is_lead", "annual_cost", "fte", "estimated", "savings_share",
        "turnover", "tie_share", *ECONOMIC_COLUMNS, *INDICATORS,
    ]  # fmt: skip
    table = pd.concat([alone, pool[keep]], ignore_index=True)
    order = {b.id: i for i, b in enumerate(dataset.bodies)}
    table["_body"] = table["body"].map(order)
    table["_alone"] = table["option"] != STAND_ALONE
    table = table.sort_values(["_body", "_alone"], kind="stable").drop(columns=["_body", "_alone"])
    return table.reset_index(drop=True), flows, pool[["body", "option"]].reset_index(drop=True)
