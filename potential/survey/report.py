"""What a merge did: every value added, changed or held back (:class:`Change`), and the
:class:`MergeReport` with the problems, the files merged and skipped, and the files written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
        de = lang == "de"
        out = [format_problem(p, lang) for p in self.problems]
        if self.created:
            out.append(
                f"{self.into}: neu angelegt als Kopie des Datensatzes"
                if de
                else f"{self.into}: created as a copy of the dataset"
            )
        for name in self.skipped:
            out.append(
                f"{name}: nicht übernommen, die Datei hat Fehler (mit --partial werden die "
                "gültigen Zellen übernommen)"
                if de
                else f"{name}: not merged, the file has errors (--partial merges its valid cells)"
            )
        for c in self.changes:
            old, new = _show(c.old, lang), _show(c.new, lang)
            what = f"{c.file} {c.key} {c.column}: {old} → {new} [{c.source}] ({c.origin})"
            if c.status == "pending":
                out.append(
                    f"Abweichung, nicht geschrieben: {what} – mit --accept übernehmen"
                    if de
                    else f"diff, not written: {what} – use --accept to take it over"
                )
            else:
                kind = {"added": ("neu", "added"), "changed": ("geändert", "changed")}[c.status]
                out.append(f"{kind[0] if de else kind[1]}: {what}")
        if self.written:
            folder = str(self.into)
            out.append(
                (f"geschrieben in {folder}: " if de else f"written to {folder}: ")
                + ", ".join(self.written)
            )
            if self.history is not None:
                out.append(
                    f"vorherige Fassung: {self.history}"
                    if de
                    else f"previous version: {self.history}"
                )
        elif not self.answered:
            out.append(
                "keine Antworten gefunden: die Dateien enthalten nur die Vorgaben der Vorlage; "
                f"{self.into} wurde nicht angelegt oder geändert"
                if de
                else "no answers found: the files hold only the template's defaults; "
                f"{self.into} was not created or changed"
            )
        else:
            out.append(f"{self.into}: keine Änderung" if de else f"{self.into}: nothing changed")
        return out


def _show(value, lang):
    if value is None or value == "":
        return "(leer)" if lang == "de" else "(empty)"
    if isinstance(value, float):
        return _fmt(value)
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)
