"""Reading a filled questionnaire: every cell checked, every problem reported at once.

:func:`read_answers` never raises for a bad file. It returns the valid answers together
with a list of :class:`Problem` (sheet, cell, value, what was expected), so the county's
staff can send one complete list of corrections back to a town.

This module holds the answers (one dataclass per kind) and :func:`read_answers`; the
reader that checks the workbook sheet by sheet is :mod:`potential.survey.reading`, the
problems are :mod:`potential.survey.problems`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from potential.survey.problems import Problem


@dataclass(frozen=True)
class Respondent:
    """A body's master data: contact (not merged) and the date of its answers."""

    body: str
    name: str
    contact: str | None
    contact_details: str | None
    date: dt.date | None


@dataclass(frozen=True)
class FieldAnswer:
    """A figure a body reported for a field (``column`` of ``body_fields.csv``).

    ``value`` is in the dataset's unit (``leaving_share`` as 0–1); ``cell`` is
    ``Handlungsfelder!D7``.
    """

    body: str
    field: str
    column: str
    value: float | str
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class DutyAnswer:
    """How far a body meets a duty (0–1) as it answered."""

    body: str
    obligation: str
    fulfilment: float
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class CooperationAnswer:
    """A cooperation a body reported: a correction of a known one (``id``) or a new one."""

    respondent: str
    id: str | None
    label: str
    field: str | None
    legal_form: str
    members: tuple[str, ...]
    lead: str | None
    since: dt.date | None
    scope: str
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class WeightAnswer:
    """A body's points per criteria group (relative importance)."""

    body: str
    points: dict
    cell: str
    #: group id → where its points were typed (``Gewichtung!F5``); default: ``cell``
    cells: dict = field(default_factory=dict)


@dataclass
class Answers:
    """The valid answers of one file, and every problem found in it.

    Attributes
    ----------
    file : str
    version, lang, dataset_id, criteria_id : str or None
        From the workbook (template version, its language, the dataset and criteria model
        it was made for).
    respondents : dict of str to Respondent
        The bodies of the workbook (sheet *Stammdaten*).
    values, fulfilment, cooperations, weights : list
        The valid answers (:class:`FieldAnswer`, :class:`DutyAnswer`,
        :class:`CooperationAnswer`, :class:`WeightAnswer`). Estimates left unchanged are not
        answers; neither are known cooperations left unchanged.
    problems : list of Problem
    readable : bool
        False if the file could not be read as a survey workbook at all (missing, empty,
        not Excel, damaged, macro-enabled, over a limit, or from another template version);
        its one problem says why.
    """

    file: str
    version: str | None = None
    lang: str = "de"
    dataset_id: str | None = None
    criteria_id: str | None = None
    respondents: dict = field(default_factory=dict)
    values: list = field(default_factory=list)
    fulfilment: list = field(default_factory=list)
    cooperations: list = field(default_factory=list)
    weights: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    readable: bool = True

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        """True if the file has no errors."""
        return not self.errors

    def source(self, body: str) -> str:
        """Source text of a body's answers: ``Umfrage Bönen 2026-12-01``."""
        r = self.respondents[body]
        return f"Umfrage {r.name} {r.date.isoformat()}"

    def source_id(self, body: str) -> str:
        """Id of the row in ``sources.csv`` for a body's answers: ``survey-boenen-2026-12-01``."""
        return f"survey-{body}-{self.respondents[body].date.isoformat()}"

    def count(self) -> int:
        """Number of answers (values, duties, cooperations, weight sets)."""
        return len(self.values) + len(self.fulfilment) + len(self.cooperations) + len(self.weights)


def read_answers(path, dataset=None, criteria="ikz-egov-nrw") -> tuple[Answers, list[Problem]]:
    """Read and check a filled questionnaire.

    Parameters
    ----------
    path : str or Path
        The workbook (``.xlsx``) a body sent back.
    dataset : str, Path or Dataset, optional
        The dataset whose bodies, fields, duties and legal forms the answers must name;
        default ``kreis-unna``.
    criteria : str, Path or CriteriaModel
        The criteria model whose groups the weights must name.

    Returns
    -------
    (Answers, list of Problem)
        The valid answers, and every problem found (also in ``Answers.problems``). A missing,
        empty or unreadable file, or one from another template version, gives empty answers
        and one problem.
    """
    from potential.survey.reading import _Reader
    from potential.survey.template import _criteria, _dataset

    reader = _Reader(Path(path), str(path), _dataset(dataset), _criteria(criteria))
    reader.run()
    return reader.answers, reader.answers.problems
