"""What a merge did: every value added, changed or held back (:class:`Change`), and the
:class:`MergeReport` with the problems, the files merged and skipped, and the files written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from potential.messages import message
from potential.survey.problems import format_problem
from potential.survey.tables import _fmt


@dataclass(frozen=True)
class Change:
    """One value the merge added, changed, or holds back as a diff.

    Attributes
    ----------
    file : str
        ``body_fields.csv``, ``fulfilment.csv``, ``cooperations.csv`` or ``body_weights.csv``.
    key : str
        The row: ``boenen/it``, ``boenen/ozg``, a cooperation id, ``boenen/group/personal``.
    column : str
    old, new : object
        ``old`` is ``None`` where the folder had no value.
    source : str
        Where the new value comes from: ``Umfrage Bönen 2026-12-01``.
    status : {"added", "changed", "pending"}
        ``added``: there was no value; ``changed``: a different value was replaced
        (``accept=True``); ``pending``: a different value was kept and the new one not
        written (a diff).
    origin : str
        The answer file and cell.
    """

    file: str
    key: str
    column: str
    old: object
    new: object
    source: str
    status: str
    origin: str


@dataclass
class MergeReport:
    """What :func:`merge` did.

    Attributes
    ----------
    into : Path
    created : bool
        The folder did not exist and was made from a copy of the dataset. Nothing is made
        when nothing is written.
    changes : list of Change
        Every value added or changed, and every diff held back (``status == "pending"``).
    problems : list of Problem
        The problems of every answer file (errors and notes).
    merged, skipped : list of str
        Answer files merged (wholly, or their valid cells with ``partial=True``) and files
        not merged because they have errors.
    written : list of str
        The dataset files written.
    history : Path or None
        The folder with the previous versions of the files written.
    answered : bool
        Whether any file held an answer (a value, a duty, a cooperation or weights); a
        template returned as it was sent holds none.
    """

    into: Path
    created: bool = False
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    merged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    written: list = field(default_factory=list)
    history: Path | None = None
    answered: bool = True

    @property
    def pending(self) -> list[Change]:
        """Diffs not written (values that differ from the folder's; need ``accept=True``)."""
        return [c for c in self.changes if c.status == "pending"]

    @property
    def applied(self) -> list[Change]:
        """Values written."""
        return [c for c in self.changes if c.status != "pending"]

    @property
    def complete(self) -> bool:
        """Every answer file merged without errors, and no diff held back."""
        return (
            not self.pending
            and not self.skipped
            and not any(p.severity == "error" for p in self.problems)
        )

    def lines(self, lang: str = "de") -> list[str]:
        """The report as lines of text (German or English), for the command line."""
        lang = "de" if lang == "de" else "en"
        out = [format_problem(p, lang) for p in self.problems]
        if self.created:
            out.append(message("survey.report.created", lang=lang, into=self.into))
        for name in self.skipped:
            out.append(message("survey.report.skipped", lang=lang, name=name))
        for c in self.changes:
            old, new = _show(c.old, lang), _show(c.new, lang)
            what = f"{c.file} {c.key} {c.column}: {old} → {new} [{c.source}] ({c.origin})"
            # pending: a diff held back; added, changed: written
            out.append(message(f"survey.report.{c.status}", lang=lang, what=what))
        if self.written:
            out.append(
                message(
                    "survey.report.written",
                    lang=lang,
                    folder=self.into,
                    files=", ".join(self.written),
                )
            )
            if self.history is not None:
                out.append(message("survey.report.history", lang=lang, history=self.history))
        elif self.skipped:  # not "only the template's defaults": those files were not read
            out.append(message("survey.report.none_merged", lang=lang, into=self.into))
        elif not self.answered:
            out.append(message("survey.report.no_answers", lang=lang, into=self.into))
        else:
            out.append(message("survey.report.unchanged", lang=lang, into=self.into))
        return out


def _show(value, lang):
    if value is None or value == "":
        return message("survey.problem.empty", lang=lang)
    if isinstance(value, float):
        return _fmt(value)
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)
