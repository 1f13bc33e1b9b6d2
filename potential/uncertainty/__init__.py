"""Uncertainty and disagreement: SMAA, weight stability and sensitivity.

``smaa`` gives, for every alternative, its chance of each rank over all plausible weights and
inputs (rank acceptability), the weights that favour it (central weights), a confidence factor
and the pairwise winning shares. ``stability_intervals`` says how far one weight may move
before the top alternative changes; ``sensitivity`` moves one weight at a time, and
``body_tornado`` does so for one body of an analysis.
"""

from potential.uncertainty.body_sensitivity import body_stability_intervals, body_tornado
from potential.uncertainty.npv_risk import npv_risk, npv_risk_of
from potential.uncertainty.smaa import SMAAResult, smaa
from potential.uncertainty.stability import sensitivity, stability_intervals, tornado_table

__all__ = [
    "SMAAResult",
    "body_stability_intervals",
    "body_tornado",
    "npv_risk",
    "npv_risk_of",
    "sensitivity",
    "smaa",
    "stability_intervals",
    "tornado_table",
]
