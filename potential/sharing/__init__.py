"""Who pays what: cost-sharing keys and fair allocation between the partners of an option.

* :mod:`potential.sharing.games`: cooperative games on plain data (Shapley value, nucleolus,
  least core, core tests, SCRB, proportional keys); pure functions, pandas out.
* :mod:`potential.sharing.ikz`: the IKZ game of a cooperation option (what every subset of
  its partners can reach on its own, from the Wirtschaftlichkeitsvergleich) and the
  allocation table per key.
* :mod:`potential.sharing.tables`: :func:`share`, the one call behind ``potential sharing``.

``docs/sharing.md`` describes the keys, the solution concepts and a worked example.
"""

from potential.sharing.games import (
    core_is_empty,
    core_violations,
    in_core,
    least_core,
    nucleolus,
    proportional,
    scrb,
    shapley,
)

__all__ = [
    "core_is_empty",
    "core_violations",
    "in_core",
    "least_core",
    "nucleolus",
    "proportional",
    "scrb",
    "shapley",
]
