"""Scenarios: named, dated sets of changes to data, weights and option generation.

The working group asks many questions (what if the staff shortage bites harder, what if
VAT is due from 2027, what if only some towns join); each is a scenario file in YAML
(:class:`Scenario`, format in ``docs/scenarios.md``) or a few lines of Python:

>>> import potential.scenarios as ps
>>> base = ps.load("heute")
>>> variant = base.with_changes(name="ohne-selm", options={"stay_out": ["selm"]})
>>> runs = [ps.run(base), ps.run(variant)]                 # doctest: +SKIP
>>> comparison = ps.compare(runs)                          # doctest: +SKIP
>>> ps.export(comparison, "out/vergleich")                 # doctest: +SKIP

Modules: :mod:`~potential.scenarios.model` (the file format),
:mod:`~potential.scenarios.loading` (files and ``extends``),
:mod:`~potential.scenarios.overrides` (applying changes), :mod:`~potential.scenarios.running`,
:mod:`~potential.scenarios.comparison` and :mod:`~potential.scenarios.exporting`.
"""

from __future__ import annotations

from potential.scenarios.loading import load, shipped_names, shipped_scenarios
from potential.scenarios.model import DataOverride, Scenario, UncertaintySettings, WeightOverride

__all__ = [
    "DataOverride",
    "Scenario",
    "ScenarioRun",
    "UncertaintySettings",
    "WeightOverride",
    "compare",
    "export",
    "load",
    "prepare",
    "run",
    "run_many",
    "shipped_names",
    "shipped_scenarios",
]

_LAZY = {
    "ScenarioRun": "potential.scenarios.running",
    "prepare": "potential.scenarios.running",
    "run": "potential.scenarios.running",
    "run_many": "potential.scenarios.running",
    "export": "potential.scenarios.exporting",
}


def __getattr__(name):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'potential.scenarios' has no attribute {name!r}")


def compare(runs, top: int = 3):
    """Compare scenario runs: moves per body, Kendall's tau, options robust in the top.

    Parameters
    ----------
    runs : sequence of ScenarioRun, or mapping of name to Analysis or ranking DataFrame
        The first is the baseline the moves are measured against.
    top : int
        An option is *robust* for a body if it is among the body's ``top`` options in every
        scenario.

    Returns
    -------
    potential.scenarios.comparison.Comparison
        See :func:`potential.scenarios.comparison.compare`; made from runs, it remembers
        them (``runs``) for :func:`export`.
    """
    import dataclasses

    from potential.errors import InputError
    from potential.messages import message
    from potential.scenarios import comparison
    from potential.scenarios.running import ScenarioRun

    if isinstance(runs, dict):
        return comparison.compare(runs, top=top)
    runs = list(runs)
    bad = [r for r in runs if not isinstance(r, ScenarioRun)]
    if bad:
        raise InputError(message("scenarios.not_runs", type=type(bad[0]).__name__))
    result = comparison.compare({r.name: r.analysis for r in runs}, top=top)
    return dataclasses.replace(result, runs=tuple(runs))
