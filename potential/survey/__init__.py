"""The written survey of the bodies: questionnaire workbooks and importing the answers.

The county and its towns agreed on a written survey (Kreis Unna, Sachbericht IKZ 2016).
This package makes the questionnaire and brings the answers into a dataset:

- :func:`template` / :func:`write_template`: the workbook for one body (or all), with the
  current estimates pre-filled and marked as such;
- :func:`read_answers`: check a filled workbook cell by cell, report every
  :class:`Problem` at once (:func:`format_problem`);
- :func:`merge` / :func:`import_files`: write the valid answers into a dataset folder, with
  diffs instead of silent overwrites and the previous files kept in ``.history``
  (:func:`restore`).

The workflow for the county's staff is described in ``docs/survey.md``.
"""

from potential.survey.answers import (
    Answers,
    CooperationAnswer,
    DutyAnswer,
    FieldAnswer,
    Respondent,
    WeightAnswer,
    read_answers,
)
from potential.survey.history_folder import history, restore
from potential.survey.layout import VERSION
from potential.survey.merging import import_files, merge
from potential.survey.problems import Problem, format_problem
from potential.survey.report import Change, MergeReport
from potential.survey.template import template, write_template

__all__ = [
    "VERSION",
    "Answers",
    "Change",
    "CooperationAnswer",
    "DutyAnswer",
    "FieldAnswer",
    "MergeReport",
    "Problem",
    "Respondent",
    "WeightAnswer",
    "format_problem",
    "history",
    "import_files",
    "merge",
    "read_answers",
    "restore",
    "template",
    "write_template",
]
