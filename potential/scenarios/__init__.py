"""Scenarios: named, dated sets of changes to data, weights and option generation.

(Being rebuilt for issue 5; see the modules of this package.)
"""

from potential.scenarios._legacy import (  # noqa: F401
    Scenario,
    load_scenario,
    scenario_arguments,
    shipped_scenarios,
)
