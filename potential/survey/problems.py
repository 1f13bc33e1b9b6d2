"""Problems found in an answer file: where, the value found, and what was expected.

:class:`Problem` locates one problem (file, sheet, cell); :func:`format_problem` writes it
as one line in German or English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from potential.messages import message


@dataclass(frozen=True)
class Problem:
    """One problem in an answer file.

    Attributes
    ----------
    file : str
        The file as given.
    sheet, cell : str or None
        Where: ``"Handlungsfelder"`` and ``"D7"``; ``None`` for the whole file or sheet.
    value : object
        The value found (``None``: empty).
    expected : str
        What was expected, in German; ``expected_en`` in English.
    severity : {"error", "note"}
        An error keeps the file from being merged (unless ``partial=True``, and then only
        the cell or row is left out); a note only informs.
    """

    file: str
    sheet: str | None
    cell: str | None
    value: object
    expected: str
    expected_en: str
    severity: str = "error"

    @property
    def location(self) -> str:
        """``Handlungsfelder!D7``, the sheet alone, or ``""``."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""


def _shown(value, lang: str) -> str:
    if value is None:
        return message("survey.problem.empty", lang=lang)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, str) else str(value)


def format_problem(problem: Problem, lang: str = "de") -> str:
    """One line: file, location, value and what was expected.

    Examples
    --------
    ``boenen.xlsx, Handlungsfelder!D7: 'ca. 50.000' – erwartet: eine Zahl ≥ 0 in EUR/Jahr
    ...``; notes start with ``Hinweis:`` (``note:``).
    """
    lang = "de" if lang == "de" else "en"
    where = ", ".join(p for p in (problem.file, problem.location) if p)
    text = problem.expected if lang == "de" else (problem.expected_en or problem.expected)
    kind = message(
        f"survey.problem.{'note' if problem.severity == 'note' else 'error'}", lang=lang
    )
    value = ""
    if problem.cell is not None:
        value = f"{_shown(problem.value, lang)} – "
        if problem.severity == "error":
            text = message("survey.problem.expected", lang=lang, text=text)
    return f"{where}: {kind}: {value}{text}"
