"""Uncertainty and disagreement: SMAA, weight stability and sensitivity.

``smaa`` gives, for every alternative, its chance of each rank over all plausible weights and
inputs (rank acceptability), the weights that favour it (central weights), a confidence factor
and the pairwise winning shares. ``stability_intervals`` says how far one weight may move
before the top alternative changes; ``sensitivity`` moves one weight at a time.

The public names are imported lazily, so ``import potential.uncertainty`` stays light.
"""

from importlib import import_module

_LAZY = {
    "smaa": "potential.uncertainty.smaa",
    "SMAAResult": "potential.uncertainty.smaa",
    "stability_intervals": "potential.uncertainty.stability",
    "sensitivity": "potential.uncertainty.stability",
    "tornado_table": "potential.uncertainty.stability",
}

__all__ = list(_LAZY)


def __getattr__(name):
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'potential.uncertainty' has no attribute {name!r}") from None
    return getattr(import_module(module), name)
