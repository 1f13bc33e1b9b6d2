"""The reader of a filled questionnaire: checks the workbook sheet by sheet.

:class:`_Reader` holds the state of one reading (the dataset's ids, the pre-filled values,
the bodies of the workbook) and collects the answers and problems. Its parts live in
modules named for what they read: :mod:`~potential.survey.reading_file` (opening, version,
sheets), :mod:`~potential.survey.reading_cells` (single cells),
:mod:`~potential.survey.reading_master`, :mod:`~potential.survey.reading_fields`,
:mod:`~potential.survey.reading_duties`, :mod:`~potential.survey.reading_cooperations` and
:mod:`~potential.survey.reading_weights` (one sheet each).
"""

from __future__ import annotations

from pathlib import Path

from potential.messages import both
from potential.survey import layout as L
from potential.survey.answers import Answers
from potential.survey.problems import Problem
from potential.survey.reading_cells import _CellReading
from potential.survey.reading_cooperations import _CooperationsSheet
from potential.survey.reading_duties import _DutiesSheet
from potential.survey.reading_fields import _FieldsSheet
from potential.survey.reading_file import _FileChecks
from potential.survey.reading_master import _MasterSheet
from potential.survey.reading_weights import _WeightsSheet


class _Reader(
    _FileChecks,
    _MasterSheet,
    _FieldsSheet,
    _DutiesSheet,
    _CooperationsSheet,
    _WeightsSheet,
    _CellReading,
):
    """Reads one answer file: :meth:`run` fills ``answers`` and its problems."""

    def __init__(self, path: Path, file: str, dataset, model):
        self.path, self.ds, self.model = path, dataset, model
        self.answers = Answers(file=file)
        self.bodies = {b.id: b for b in dataset.bodies}
        self.fields = {f.id: f for f in dataset.fields}
        self.obligations = {o.id: o for o in dataset.obligations}
        self.forms = {f.id: f for f in dataset.legal_forms}
        self.coops = {c.id: c for c in dataset.cooperations}
        self.wb = None
        self._values_wb = None
        self.data = b""
        self.prefill: dict[tuple[str, str, str], object] = {}
        self.workbook_bodies: list[str] = []
        self.date_cells: dict[str, str] = {}

    # -- problems -------------------------------------------------------------------------
    def problem(self, sheet, cell, value, de, en, severity="error"):
        self.answers.problems.append(
            Problem(self.answers.file, sheet, cell, value, de, en, severity)
        )

    def file_problem(self, de, en):
        self.problem(None, None, None, de, en)

    # -- opening --------------------------------------------------------------------------
    def run(self):
        if not self._open() or not self._version():
            self.answers.readable = False
            return
        lang = self.answers.lang
        self.names = {key: L.sheet_name(key, lang) for key in L.SHEETS}
        self._sheets()
        self._prefill()
        self._master()
        self._fields()
        self._duties()
        self._cooperations()
        self._weights()
        self._finish()

    def _finish(self):
        """Answers need their body's date (the source); drop those without one."""
        a = self.answers
        with_answers = (
            {v.body for v in a.values}
            | {d.body for d in a.fulfilment}
            | {c.respondent for c in a.cooperations}
            | {w.body for w in a.weights}
        )
        dropped = set()
        for body in sorted(with_answers, key=list(self.bodies).index):
            r = a.respondents.get(body)
            if r is not None and r.date is not None:
                continue
            dropped.add(body)
            cell = self.date_cells.get(body, "")
            if cell is None:
                continue  # a bad date, reported already
            self.problem(
                self.names["master"],
                cell or f"B{L.MASTER_ROWS['date'][0]}",
                None,
                *both("survey.master.no_date"),
            )
        if dropped:
            a.values = [v for v in a.values if v.body not in dropped]
            a.fulfilment = [d for d in a.fulfilment if d.body not in dropped]
            a.cooperations = [c for c in a.cooperations if c.respondent not in dropped]
            a.weights = [w for w in a.weights if w.body not in dropped]
