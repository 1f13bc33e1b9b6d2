"""Reading single cells of an answer file: numbers, dates, bodies, columns by header.

Every helper reports what is wrong with a cell as a problem and returns :data:`_BAD` for
it, so that a row can go on being checked.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import warnings

from potential.messages import both, message
from potential.survey import layout as L
from potential.survey.limits import MAX_CELL_CHARS
from potential.survey.numbers import english, german, read_number

_BAD = object()  # a cell whose value was reported as a problem


def _expect(kind: str) -> tuple[str, str]:
    """(German, English) of what a number cell of ``kind`` expects (``eur``, ``fte`` ...)."""
    return both(f"survey.expect.{kind}")


_KIND = {"annual_cost_eur": "eur", "fte": "fte", "leaving_share": "percent",
         "cases_per_year": "whole"}  # fmt: skip


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()[:10]
    text = " ".join(str(value).split())
    return text or None


class _CellReading:
    """Cell helpers of :class:`~potential.survey.reading._Reader`."""

    def _cell(self, ws, row: int, col: int):
        """(coordinate, value) of a cell; formulas give their saved result; blank → None."""
        cell = ws.cell(row, col)
        value = cell.value
        if cell.data_type == "f":
            value = self._cached(ws.title, cell.coordinate)
            if value is None:
                self.problem(
                    ws.title,
                    cell.coordinate,
                    cell.value,
                    *both("survey.cell.formula"),
                )
                return cell.coordinate, _BAD
        if isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                self.problem(
                    ws.title,
                    cell.coordinate,
                    value[:40] + "…",
                    *both("survey.limits.cell_text", found=len(value), limit=MAX_CELL_CHARS),
                )
                return cell.coordinate, _BAD
            value = value.strip() or None
        return cell.coordinate, value

    def _cached(self, sheet, coordinate):
        if self._values_wb is None:
            from openpyxl import load_workbook

            with warnings.catch_warnings():  # openpyxl's notes on parts it drops are no use
                warnings.simplefilter("ignore")
                self._values_wb = load_workbook(io.BytesIO(self.data), data_only=True)
        return self._values_wb[sheet][coordinate].value

    def _number(self, ws, row, col, kind):
        """A number cell: the value (percent cells as 0–100), ``None`` or ``_BAD``."""
        coord, value = self._cell(ws, row, col)
        if value is None or value is _BAD:
            return coord, value
        de, en = _expect(kind)
        if isinstance(value, str):
            reading = read_number(value, kind)
            if reading.error_de:
                why_de = message(
                    "survey.cell.reason", lang="de", why=reading.error_de, expected=de
                )
                why_en = message(
                    "survey.cell.reason", lang="en", why=reading.error_en, expected=en
                )
                self.problem(ws.title, coord, value, why_de, why_en)
                return coord, _BAD
            if reading.note_de:
                self.problem(
                    ws.title, coord, value, reading.note_de, reading.note_en, severity="note"
                )
            if reading.value is None:
                return coord, None
            value, typed_as_text = reading.value, True
        else:
            typed_as_text = False
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and not math.isfinite(value):
            ok = False
        if ok:
            number = float(value)
            percent_cell = "%" in (ws.cell(row, col).number_format or "")
            if kind in ("percent", "points") and percent_cell and not typed_as_text:
                number = round(number * 100, 10)  # typed as '30 %' in a percent-formatted cell
            elif kind == "percent" and not typed_as_text and 0 < number < 1:
                number = round(number * 100, 10)
                self.problem(
                    ws.title,
                    coord,
                    value,
                    message("survey.cell.share", lang="de", value=german(number)),
                    message("survey.cell.share", lang="en", value=english(number)),
                    severity="note",
                )
            if number < 0 or (kind in ("percent", "points") and number > 100):
                ok = False
            elif kind == "whole" and not number.is_integer():
                ok = False
        if not ok:
            self.problem(ws.title, coord, value, de, en)
            return coord, _BAD
        return coord, number

    def _date(self, ws, row, col):
        coord, value = self._cell(ws, row, col)
        if value is None or value is _BAD:
            return coord, value
        date = None
        if isinstance(value, dt.datetime):
            date = value.date()
        elif isinstance(value, dt.date):
            date = value
        elif isinstance(value, str):
            for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
                try:
                    date = dt.datetime.strptime(value, fmt).date()
                    break
                except ValueError:
                    continue
        if date is None or not dt.date(1950, 1, 1) <= date <= dt.date(2100, 12, 31):
            self.problem(
                ws.title,
                coord,
                value,
                *both("survey.cell.date"),
            )
            return coord, _BAD
        return coord, date

    def _columns(self, ws, spec: dict, extra: dict | None = None) -> dict | None:
        """Column index of every key of ``spec`` (by its header in either language)."""
        headers = {}
        for cell in ws[L.HEADER_ROW]:
            if cell.value is not None:
                headers.setdefault(" ".join(str(cell.value).split()).casefold(), cell.column)
        cols, missing = {}, []
        for key, pair in {**spec, **(extra or {})}.items():
            pairs = pair if isinstance(pair, tuple) else (pair,)
            found = next((headers[p.casefold()] for p in pairs if p.casefold() in headers), None)
            if found is None:
                missing.append(L.pick(pair, self.answers.lang) if key in spec else pairs[0])
            cols[key] = found
        if missing:
            self.problem(
                ws.title,
                f"A{L.HEADER_ROW}",
                None,
                *both(
                    "survey.cell.columns",
                    columns=", ".join(repr(m) for m in missing),
                    row=L.HEADER_ROW,
                ),
            )
            return None
        return cols

    def _outside(self, ws, row, used: set[int]):
        for cell in ws[row]:
            if cell.column not in used and cell.value is not None and str(cell.value).strip():
                self.problem(
                    ws.title,
                    cell.coordinate,
                    cell.value,
                    *both("survey.cell.outside"),
                    "note",
                )

    def _body(self, ws, coord, value, master: bool = False) -> str | None:
        """A body id of the workbook, or ``None`` after reporting the problem."""
        if value is _BAD:
            return None
        if value is None:
            self.problem(ws.title, coord, None, *both("survey.cell.body"))
            return None
        body = str(value).strip()
        if body not in self.bodies:
            known = ", ".join(self.bodies)
            self.problem(
                ws.title,
                coord,
                value,
                *both("survey.cell.known_body", known=known),
            )
            return None
        if not master and body not in self.workbook_bodies:
            self.problem(
                ws.title,
                coord,
                value,
                *both("survey.cell.workbook_body", known=", ".join(self.workbook_bodies)),
            )
            return None
        return body

    def _sheet(self, key):
        name = self.names[key]
        return self.wb[name] if name in self.wb.sheetnames else None

    def _peek(self, ws, row, col):
        value = ws.cell(row, col).value
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def _lookup(self, value, table: dict, label) -> str | None:
        """An id of ``table`` from an id or a label in either language."""
        text = str(value).strip()
        if text in table:
            return text
        for key in table:
            if text.casefold() in (label(key, lg).casefold() for lg in L.LANGS):
                return key
        return None
