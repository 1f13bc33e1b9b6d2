"""Criteria models: a value tree of weighted groups and criteria, stored as YAML.

The effective weight of a criterion is its group's weight times its own weight, each
normalised to sum to 1 (within the model and within the group). A group or criterion with
weight 0 takes no part in the score; a model whose weights are all zero is an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from potential import files
from potential.errors import InputError
from potential.indicators import INDICATORS
from potential.models import Id, Label, Model, parse
from potential.resources import criteria_dir


class Criterion(Model):
    """One criterion: what it measures (indicator), which way is better, its weight."""

    id: Id
    label: Label
    direction: Literal["max", "min"]
    unit: str
    indicator: str
    weight: float = Field(ge=0)
    description: str | None = None

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value):
        if value not in INDICATORS:
            raise ValueError(f"one of {', '.join(INDICATORS)}")
        return value


class CriteriaGroup(Model):
    """A group of criteria (e.g. Wirtschaftlichkeit) with its weight."""

    id: Id
    label: Label
    weight: float = Field(ge=0)
    criteria: tuple[Criterion, ...] = Field(min_length=1)


class CriteriaModel(Model):
    """A criteria model (value tree).

    Attributes
    ----------
    groups : tuple of CriteriaGroup
        Groups with weights; each holds criteria with weights.
    assumption : str, optional
        Why the weights are what they are (they are listed among the assumptions).
    """

    id: Id
    label: Label
    description: str = ""
    assumption: str | None = None
    source: str | None = None
    groups: tuple[CriteriaGroup, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self):
        ids = [c.id for g in self.groups for c in g.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion id(s) {', '.join(dupes)} appear more than once")
        gids = [g.id for g in self.groups]
        if len(set(gids)) != len(gids):
            raise ValueError("group ids must be unique")
        if sum(g.weight for g in self.groups) <= 0:
            raise ValueError("all group weights are zero; at least one must be positive")
        for g in self.groups:
            if g.weight > 0 and sum(c.weight for c in g.criteria) <= 0:
                raise ValueError(
                    f"group {g.id!r} has weight {g.weight} but all its criteria weigh zero"
                )
        if (self.assumption is None) == (self.source is None):
            raise ValueError("give exactly one of 'source' or 'assumption' for the weights")
        return self

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """All criteria in model order."""
        return tuple(c for g in self.groups for c in g.criteria)

    def weights(self) -> dict[str, float]:
        """Effective weight of every criterion (sums to 1).

        Returns
        -------
        dict of str to float
            Criterion id → group weight share × criterion weight share within its group.
        """
        total = sum(g.weight for g in self.groups)
        out = {}
        for g in self.groups:
            inner = sum(c.weight for c in g.criteria)
            for c in g.criteria:
                out[c.id] = 0.0 if inner == 0 else g.weight / total * c.weight / inner
        return out

    def group_of(self) -> dict[str, str]:
        """Criterion id → group id."""
        return {c.id: g.id for g in self.groups for c in g.criteria}


def shipped_criteria() -> list[str]:
    """Names of the criteria models shipped in ``criteria/``."""
    return sorted(p.stem for p in criteria_dir().glob("*.yaml"))


def resolve_criteria_path(criteria: str | Path) -> Path:
    """Path of a criteria model given by shipped name or file path."""
    if isinstance(criteria, str) and criteria in shipped_criteria():
        return criteria_dir() / f"{criteria}.yaml"
    path = Path(criteria)
    if not path.exists() and path.suffix not in (".yaml", ".yml"):
        names = ", ".join(shipped_criteria())
        raise InputError(
            f"unknown criteria model {str(criteria)!r}; expected a YAML file or one of: {names}"
        )
    return path


def load_criteria(criteria: str | Path | CriteriaModel = "ikz-egov-nrw") -> CriteriaModel:
    """Load and validate a criteria model.

    Parameters
    ----------
    criteria : str, Path or CriteriaModel
        A shipped model's name (``"ikz-egov-nrw"``), a YAML file, or a model (returned as is).

    Returns
    -------
    CriteriaModel
    """
    if isinstance(criteria, CriteriaModel):
        return criteria
    path = resolve_criteria_path(criteria)
    return parse(CriteriaModel, files.read_yaml(path), str(path))
