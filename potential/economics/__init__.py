"""The monetary core: a Wirtschaftlichkeitsvergleich per body and option.

Yearly cash flows as differences to the status quo (:mod:`potential.economics.flows`),
discounted to a Kapitalwert with an annuity, a dynamic payback year and the largest yearly
burden (:mod:`potential.economics.finance`), under settings taken from the dataset or given
by a run (:mod:`potential.economics.settings`). ``docs/method.md`` section 5 states every
formula, parameter and source.
"""

from potential.economics.finance import (
    annuity,
    annuity_factor,
    discount_factors,
    largest_burden,
    npv,
    payback_year,
)
from potential.economics.flows import COMPONENTS, CashFlows, component_flows, long_table, summary
from potential.economics.settings import (
    EconomicSettings,
    apply_overrides,
    check_ramp_up,
    economic_settings,
)

__all__ = [
    "COMPONENTS",
    "CashFlows",
    "EconomicSettings",
    "annuity",
    "annuity_factor",
    "apply_overrides",
    "check_ramp_up",
    "component_flows",
    "discount_factors",
    "economic_settings",
    "largest_burden",
    "long_table",
    "npv",
    "payback_year",
    "summary",
]
