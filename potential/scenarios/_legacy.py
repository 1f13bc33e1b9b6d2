"""Scenario files: a named, dated set of choices for an analysis run (YAML).

A scenario names the dataset, the criteria model, the ranking method with its parameters and
the reference date. Relative paths in a scenario are taken from the scenario file's folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field

from potential import files
from potential.models import Id, Model, parse
from potential.resources import scenarios_dir


class Scenario(Model):
    """A scenario file (unknown keys are errors)."""

    name: Id
    description: str = ""
    data: str = "kreis-unna"
    criteria: str = "ikz-egov-nrw"
    method: str = "wsm"
    method_params: dict[str, float | str] = Field(default_factory=dict)
    reference_date: dt.date | None = None


def shipped_scenarios() -> list[Path]:
    """The scenario files shipped in ``scenarios/``."""
    return sorted(scenarios_dir().glob("*.yaml"))


def load_scenario(path: str | Path) -> Scenario:
    """Load and validate a scenario file (a shipped scenario's name also works)."""
    path = Path(path)
    if not path.exists() and (scenarios_dir() / f"{path.name}.yaml").is_file():
        path = scenarios_dir() / f"{path.name}.yaml"
    return parse(Scenario, files.read_yaml(path), str(path))


def _relative(value: str, base: Path) -> str:
    candidate = base / value
    return str(candidate) if candidate.exists() else value


def scenario_arguments(path: str | Path) -> dict:
    """Keyword arguments for :func:`potential.analyse` from a scenario file."""
    path = Path(path)
    sc = load_scenario(path)
    base = path.parent
    return {
        "dataset": _relative(sc.data, base),
        "criteria": _relative(sc.criteria, base),
        "method": sc.method,
        "reference_date": sc.reference_date,
        **sc.method_params,
    }
