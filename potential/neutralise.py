"""Text from data written as text: no live formulas in the CSV and XLSX files the tool writes.

A body name or source title such as ``=HYPERLINK("http://…")`` is data, not a formula. A
spreadsheet evaluates a cell that starts with ``=`` (and, in CSV files, ``+``, ``-``, ``@``,
a tab or a carriage return) — *CSV* or *formula injection* (OWASP). This module holds the
two defences, one per file kind:

=============================== ===========================================================
:func:`csv_text`                one CSV cell: prefixed with ``'`` if it would start a formula
:func:`neutralise_frame`        a table's text cells and column names through :func:`csv_text`
:func:`text_cell`               one XLSX cell written as a string, never a formula
:func:`neutralise_workbook`     every string cell of a workbook as a string, never a formula
=============================== ===========================================================

The tool itself writes no formulas. Should one ever be needed, write it as an
:class:`openpyxl.worksheet.formula.ArrayFormula` (or after :func:`neutralise_workbook`): the
sweep turns only *plain strings* that openpyxl took for formulas back into text.
"""

from __future__ import annotations

import re

#: First characters that make a spreadsheet evaluate a CSV cell (OWASP "CSV Injection"):
#: ``=``, ``+``, ``-``, ``@``, tab and carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: The prefix that makes a spreadsheet show the cell as text (OWASP's recommendation).
PREFIX = "'"

#: A plain number as text (``-3``, ``+1.5``, ``-1,5``, ``-2e-3``): a spreadsheet reads it as
#: that number, which is harmless, so it keeps its sign and is not prefixed.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def would_start_formula(text: str) -> bool:
    """Whether a spreadsheet would evaluate ``text`` in a CSV cell.

    ``True`` when it starts with one of :data:`FORMULA_START` and is not a plain number
    (``"-3"``, ``"+1,5"``: read as numbers, harmless).
    """
    return (
        isinstance(text, str)
        and text.startswith(FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(text)
    )


def csv_text(value):
    """A CSV cell value made safe: text that would start a formula gets a leading ``'``.

    Anything that is not a ``str`` (numbers, dates, missing values) is returned as it is:
    a float ``-1.5`` is a number, not text, and keeps its sign.

    Examples
    --------
    >>> csv_text('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> csv_text("-3"), csv_text("-x"), csv_text(-1.5)
    ('-3', "'-x", -1.5)
    """
    if would_start_formula(value):
        return PREFIX + value
    return value


def neutralise_frame(frame):
    """A copy of ``frame`` whose text cells and column names pass :func:`csv_text`.

    Only cells holding a ``str`` change (object and string columns); number, boolean and
    date columns are kept as they are. ``frame`` itself is not changed.
    """
    import pandas as pd

    out = frame.copy()
    for col in range(out.shape[1]):
        values = out.iloc[:, col]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            if values.map(would_start_formula).any():
                out.isetitem(col, values.map(csv_text).astype(object))
    if any(would_start_formula(c) for c in out.columns):
        out.columns = [csv_text(c) for c in out.columns]
    return out


def text_cell(ws, row: int, column: int, value):
    """Write ``value`` to a worksheet cell; a string is stored as a string, never a formula.

    openpyxl stores any ``str`` that starts with ``=`` as a formula and one such as
    ``"#N/A"`` as an error value; here both stay the text they are. Returns the cell.
    """
    cell = ws.cell(row=row, column=column, value=value)
    _as_text(cell)
    return cell


def _as_text(cell) -> None:
    if cell.data_type in ("f", "e") and isinstance(cell.value, str):
        cell.data_type = "s"


def neutralise_workbook(wb) -> int:
    """Every string cell of ``wb`` stored as a string: none is a formula or error value.

    Cells whose value is a plain ``str`` that openpyxl took for a formula (``=…``) or an
    error (``#N/A``) become text cells; formula objects (``ArrayFormula``) are kept.

    Returns
    -------
    int
        How many cells were turned into text.
    """
    changed = 0
    for ws in wb.worksheets:
        for cell in ws._cells.values():
            if cell.data_type in ("f", "e") and isinstance(cell.value, str):
                cell.data_type = "s"
                changed += 1
    return changed
