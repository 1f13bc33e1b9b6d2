"""Criteria models: a value tree of weighted groups and criteria, stored as YAML.

The effective weight of a criterion is its group's weight times its own weight, each
normalised to sum to 1 (within the model and within the group). A group or criterion with
weight 0 takes no part in the score; a model whose weights are all zero is an error.

A model may carry *per-body weights* (``body_weights``): for a body (Körperschaft), weights
that replace some of the model's group or criterion weights, with their source (e.g. the
body's survey answers) or an assumption. :meth:`CriteriaModel.weights` with a body id gives
that body's effective weights. Per-body weights can also come from a CSV file
(:func:`load_body_weights`) and be merged into a model (:meth:`CriteriaModel.with_body_weights`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from potential import files, workspace
from potential.errors import InputError
from potential.indicators import INDICATORS
from potential.messages import message
from potential.models import Id, Label, Model, Weight, _blank_to_none, parse
from potential.resources import criteria_dir


class Scale(Model):
    """A fixed, anchored value scale: the worst value scores 0, the best 1, linear between.

    The same for every body and independent of which options are listed, so an option's
    score depends only on its own values and scores compare across bodies. Values beyond
    the anchors are clipped to them (and flagged in the ranking).
    """

    worst: float = Field(allow_inf_nan=False)
    best: float = Field(allow_inf_nan=False)
    rationale: str = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self):
        if self.worst == self.best:
            raise ValueError(message("criteria.scale_equal"))
        return self


class Criterion(Model):
    """One criterion: what it measures (indicator), which way is better, its weight.

    ``scale`` (optional) anchors the criterion's value function (:class:`Scale`); its
    ``worst`` must lie below ``best`` for a ``max`` criterion and above it for ``min``.
    """

    id: Id
    label: Label
    direction: Literal["max", "min"]
    unit: str
    indicator: str
    weight: Weight
    description: str | None = None
    scale: Scale | None = None

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value):
        if value not in INDICATORS:
            raise ValueError(message("criteria.indicator", names=", ".join(INDICATORS)))
        return value

    @model_validator(mode="after")
    def _scale_direction(self):
        s = self.scale
        if s is not None and (s.worst < s.best) != (self.direction == "max"):
            side = message("criteria.below" if self.direction == "max" else "criteria.above")
            raise ValueError(
                message(
                    "criteria.scale_direction",
                    direction=self.direction,
                    side=side,
                    worst=s.worst,
                    best=s.best,
                )
            )
        return self

    @property
    def bounds(self) -> tuple[float, float] | None:
        """``(low, high)`` of the anchored scale, or ``None`` without one."""
        if self.scale is None:
            return None
        return (min(self.scale.worst, self.scale.best), max(self.scale.worst, self.scale.best))


class CriteriaGroup(Model):
    """A group of criteria (e.g. Wirtschaftlichkeit) with its weight."""

    id: Id
    label: Label
    weight: Weight
    criteria: tuple[Criterion, ...] = Field(min_length=1)


#: Every weight (model, group, per-body) is :data:`potential.models.Weight`: finite,
#: 0 … :data:`potential.models.MAX_WEIGHT` (10⁶) before normalisation; ratios of weights
#: beyond a million carry no meaning and sums of such weights risk overflow.


class BodyWeights(Model):
    """One body's own weights: overrides of the model's group and criterion weights.

    Entries left out keep the model's weight; the weights are read exactly like the model's
    (a group's weight relative to the other groups, a criterion's relative to the other
    criteria of its group).

    Attributes
    ----------
    groups : dict of str to float
        Group id → the body's group weight.
    criteria : dict of str to float
        Criterion id → the body's weight of the criterion within its group.
    source, assumption : str, optional
        Where the body's numbers come from (e.g. its survey answers), or the assumption and
        its rationale; at least one is required (a body whose numbers are partly sourced and
        partly assumed gives both).
    """

    groups: dict[Id, Weight] = {}
    criteria: dict[Id, Weight] = {}
    source: str | None = None
    assumption: str | None = None

    _blank = field_validator("source", "assumption", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _provenance(self):
        if self.source is None and self.assumption is None:
            raise ValueError(message("criteria.body_provenance"))
        return self


class CriteriaModel(Model):
    """A criteria model (value tree).

    Attributes
    ----------
    groups : tuple of CriteriaGroup
        Groups with weights; each holds criteria with weights.
    assumption : str, optional
        Why the weights are what they are (they are listed among the assumptions).
    body_weights : dict of str to BodyWeights
        Body id → that body's own weights (see :class:`BodyWeights`); bodies not listed use
        the model's weights. Body ids are checked against a dataset by
        :func:`potential.analyse`, not here.
    """

    id: Id
    label: Label
    description: str = ""
    assumption: str | None = None
    source: str | None = None
    groups: tuple[CriteriaGroup, ...] = Field(min_length=1)
    body_weights: dict[Id, BodyWeights] = {}

    @model_validator(mode="after")
    def _consistent(self):
        ids = [c.id for g in self.groups for c in g.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(message("criteria.duplicate_criteria", ids=", ".join(dupes)))
        gids = [g.id for g in self.groups]
        if len(set(gids)) != len(gids):
            raise ValueError(message("criteria.duplicate_groups"))
        if sum(g.weight for g in self.groups) <= 0:
            raise ValueError(message("criteria.all_zero"))
        for g in self.groups:
            if g.weight > 0 and sum(c.weight for c in g.criteria) <= 0:
                raise ValueError(message("criteria.group_zero", group=g.id, weight=g.weight))
        if (self.assumption is None) == (self.source is None):
            raise ValueError(message("criteria.model_provenance"))
        for body, override in self.body_weights.items():
            problem = body_weights_problem(self, body, override)
            if problem:
                raise ValueError(problem)
        return self

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """All criteria in model order."""
        return tuple(c for g in self.groups for c in g.criteria)

    def weights(self, body: str | None = None) -> dict[str, float]:
        """Effective weight of every criterion (sums to 1), of the model or of one body.

        Parameters
        ----------
        body : str, optional
            A body id. A body with its own weights (:attr:`body_weights`) gets them, merged
            with the model's weights for the entries it leaves out; any other body, and
            ``None``, get the model's weights.

        Returns
        -------
        dict of str to float
            Criterion id → group weight share × criterion weight share within its group,
            in model order.
        """
        override = self.body_weights.get(body) if body is not None else None
        return _effective(*_raw_weights(self, override))

    def with_body_weights(
        self, mapping: Mapping[str, BodyWeights | Mapping], where: str = "body weights"
    ) -> CriteriaModel:
        """A copy of the model with these per-body weights (models are immutable).

        Parameters
        ----------
        mapping : mapping of str to BodyWeights or mapping
            Body id → its weights (a :class:`BodyWeights` or a mapping with the same keys,
            as :func:`load_body_weights` returns). A body's entry replaces the model's entry
            for that body as a whole; the model's other bodies keep theirs.
        where : str
            Named in error messages.

        Returns
        -------
        CriteriaModel

        Raises
        ------
        InputError
            Naming the body and key: an unknown group or criterion, a negative weight, a
            body whose weights are all zero, a missing source or assumption.
        """
        if not isinstance(mapping, Mapping):
            raise InputError(message("criteria.not_a_mapping", type=type(mapping).__name__), where)
        merged = {b: w.model_dump() for b, w in self.body_weights.items()}
        for body, entry in mapping.items():
            merged[body] = entry.model_dump() if isinstance(entry, BodyWeights) else entry
        return parse(CriteriaModel, {**self.model_dump(), "body_weights": merged}, where)

    def group_of(self) -> dict[str, str]:
        """Criterion id → group id."""
        return {c.id: g.id for g in self.groups for c in g.criteria}


def _raw_weights(model: CriteriaModel, override: BodyWeights | None):
    """Group weights and criterion weights of a model, with a body's overrides applied."""
    groups = override.groups if override is not None else {}
    criteria = override.criteria if override is not None else {}
    return (
        {g.id: groups.get(g.id, g.weight) for g in model.groups},
        {g.id: {c.id: criteria.get(c.id, c.weight) for c in g.criteria} for g in model.groups},
    )


def _effective(groups: dict, criteria: dict) -> dict[str, float]:
    total = sum(groups.values())
    out = {}
    for gid, inner_weights in criteria.items():
        inner = sum(inner_weights.values())
        for cid, w in inner_weights.items():
            out[cid] = 0.0 if inner == 0 else groups[gid] / total * w / inner
    return out


def body_weights_problem(model: CriteriaModel, body: str, override: BodyWeights) -> str | None:
    """What is wrong with a body's weights for this model (``None`` if nothing).

    Unknown group or criterion ids; all group weights zero once merged with the model's; a
    group that keeps a positive weight while all its criteria weigh zero.
    """
    gids = [g.id for g in model.groups]
    cids = [c.id for c in model.criteria]
    for key in override.groups:
        if key not in gids:
            return message(
                "criteria.body_unknown_group", body=body, key=key, known=", ".join(gids)
            )
    for key in override.criteria:
        if key not in cids:
            return message(
                "criteria.body_unknown_criterion", body=body, key=key, known=", ".join(cids)
            )
    groups, criteria = _raw_weights(model, override)
    if sum(groups.values()) <= 0:
        return message("criteria.body_all_zero", body=body)
    for gid, weight in groups.items():
        if weight > 0 and sum(criteria[gid].values()) <= 0:
            return message("criteria.body_group_zero", body=body, group=gid, weight=weight)
    return None


class BodyWeightRow(Model):
    """One row of a per-body weights file (see :func:`load_body_weights`)."""

    body: Id
    level: Literal["group", "criterion"]
    id: Id
    weight: Weight
    source: str | None = None
    assumption: str | None = None

    _blank = field_validator("source", "assumption", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _provenance(self):
        if (self.source is None) == (self.assumption is None):
            raise ValueError(message("criteria.row_provenance"))
        return self


#: Columns a per-body weights file must have (``assumption`` is optional).
BODY_WEIGHT_COLUMNS = ("body", "level", "id", "weight", "source")


def load_body_weights(
    path: str | Path,
    model: CriteriaModel | None = None,
    bodies: list[str] | tuple[str, ...] | None = None,
) -> dict[str, BodyWeights]:
    """Read per-body weights from a CSV file.

    The file has the columns ``body,level,id,weight,source`` and optionally ``assumption``;
    one row per weight, ``level`` is ``group`` or ``criterion`` and ``id`` the group's or
    criterion's id in the criteria model. Every row gives exactly one of ``source`` or
    ``assumption``. Weights the file leaves out keep the model's weight.

    Parameters
    ----------
    path : str or Path
        The CSV file.
    model : CriteriaModel, optional
        If given, group and criterion ids are checked against it, and every body's weights
        merged with the model's must not be all zero.
    bodies : sequence of str, optional
        If given, the known body ids (e.g. of the dataset); other bodies are errors.

    Returns
    -------
    dict of str to BodyWeights
        Body id → its weights, in file order; a body's ``source`` (and ``assumption``) join
        its rows' distinct entries with ``"; "``.

    Raises
    ------
    InputError
        Naming the file and line: a missing column, a bad level or weight, a row without
        source or assumption, a weight given twice, an unknown body, group or criterion, a
        body whose weights are all zero.
    """
    path = Path(path)
    rows = files.read_csv_rows(path, BODY_WEIGHT_COLUMNS)
    if not rows:
        raise InputError(message("criteria.no_rows"), str(path))
    gids = [g.id for g in model.groups] if model is not None else None
    cids = [c.id for c in model.criteria] if model is not None else None
    entries: dict[str, dict] = {}
    lines: dict[str, list[int]] = {}
    first_line: dict[tuple, int] = {}
    for line, raw in rows:
        where = message("datasets.where_line", path=path, line=line)
        row = parse(BodyWeightRow, raw, where, "column")
        if bodies is not None and row.body not in bodies:
            raise InputError(
                message("criteria.row_unknown_body", body=row.body, known=", ".join(bodies)),
                where,
            )
        known = gids if row.level == "group" else cids
        if known is not None and row.id not in known:
            raise InputError(
                message(
                    "criteria.row_unknown_id",
                    level=message(f"criteria.level.{row.level}"),
                    id=row.id,
                    body=row.body,
                    known=", ".join(known),
                ),
                where,
            )
        entry = entries.setdefault(
            row.body, {"groups": {}, "criteria": {}, "source": [], "assumption": []}
        )
        part = entry["groups" if row.level == "group" else "criteria"]
        key = (row.body, row.level, row.id)
        if key in first_line:
            raise InputError(
                message(
                    "criteria.row_twice",
                    body=row.body,
                    level=message(f"criteria.level.{row.level}"),
                    id=row.id,
                    first=first_line[key],
                ),
                where,
            )
        first_line[key] = line
        part[row.id] = row.weight
        for column in ("source", "assumption"):
            value = getattr(row, column)
            if value is not None and value not in entry[column]:
                entry[column].append(value)
        lines.setdefault(row.body, []).append(line)
    out = {}
    for body, entry in entries.items():
        entry = {
            **entry,
            "source": "; ".join(entry["source"]) or None,
            "assumption": "; ".join(entry["assumption"]) or None,
        }
        numbers = ", ".join(str(n) for n in lines[body])
        key = "datasets.where_lines" if len(lines[body]) > 1 else "datasets.where_line"
        where = message(key, path=path, line=numbers, lines=numbers)
        weights = parse(BodyWeights, entry, where)
        if model is not None:
            problem = body_weights_problem(model, body, weights)
            if problem:
                raise InputError(problem, where)
        out[body] = weights
    return out


def shipped_criteria() -> list[str]:
    """Names of the criteria models shipped in ``criteria/``."""
    return sorted(p.stem for p in criteria_dir().glob("*.yaml"))


def resolve_criteria_path(criteria: str | Path) -> Path:
    """Path of a criteria model given by name or file path.

    A name is looked up in the workspace first (``./criteria/NAME.yaml``, see
    :mod:`potential.workspace`), then among the shipped models. The file found is noted as
    used (:func:`potential.workspace.note`).
    """
    path = _find_criteria(criteria)
    if path.is_file():
        workspace.note("criteria", path)
    return path


def _find_criteria(criteria: str | Path) -> Path:
    local = workspace.local_criteria(criteria) if isinstance(criteria, str) else None
    if local is not None:
        return local
    if isinstance(criteria, str) and criteria in shipped_criteria():
        return criteria_dir() / f"{criteria}.yaml"
    path = Path(criteria)
    if not path.exists() and path.suffix not in (".yaml", ".yml"):
        names = ", ".join(dict.fromkeys([*workspace.local_criteria_names(), *shipped_criteria()]))
        raise InputError(message("criteria.unknown_model", name=str(criteria), names=names))
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
