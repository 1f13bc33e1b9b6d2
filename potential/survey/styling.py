"""How the questionnaire looks: cell colours, number formats, sheet headers, protection.

:class:`_Styling` holds the helpers of :class:`~potential.survey.template_sheets._Book`
that style cells, start a sheet and protect it.
"""

from __future__ import annotations

from potential.survey import layout as L
from potential.survey.texts import _T

#: Colours (ARGB): locked cells grey, input cells light yellow, headers light blue.
LOCKED_FILL, INPUT_FILL, HEADER_FILL = "FFF2F2F2", "FFFFF2CC", "FFDDEBF7"
#: Excel number formats; Excel shows them with its locale's separators (a German Excel
#: shows ``1.070.680 €`` and ``8,03``).
EUR, FTE, PERCENT, COUNT, POINTS = '#,##0 "€"', "0.00", "0.0", "#,##0", "0"
DATE = "DD.MM.YYYY"


class _Styling:
    """Texts, cell styles, sheet headers and protection of the workbook builder."""

    # -- helpers --------------------------------------------------------------------------
    def t(self, key: str, **kw) -> str:
        return L.pick(_T[key], self.lang).format(**kw)

    def name(self, key: str) -> str:
        return L.sheet_name(key, self.lang)

    def _style(self, cell, *, locked: bool, fmt: str | None = None, italic=False, bold=False):
        from openpyxl.styles import Alignment, Font, PatternFill, Protection

        cell.fill = PatternFill("solid", fgColor=LOCKED_FILL if locked else INPUT_FILL)
        cell.protection = Protection(locked=locked)
        if fmt:
            cell.number_format = fmt
        if italic or bold:
            cell.font = Font(italic=italic, bold=bold)
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))

    def _sheet(self, key: str, title: str, hint: str, headers: list[str], widths: list[int]):
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(self.name(key))
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = hint
        ws["A2"].font = Font(italic=True)
        for j, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
            cell = ws.cell(L.HEADER_ROW, j, header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.row_dimensions[L.HEADER_ROW].height = 45
        from potential.workbook import print_setup

        rows = f"{L.HEADER_ROW}:{L.HEADER_ROW}"
        print_setup(ws, title, rows, L.pick(_T["title"], self.lang), self.lang)
        return ws

    def _protect(self, ws, insert_rows: bool = False):
        ws.protection.sheet = True
        ws.protection.insertRows = not insert_rows  # True forbids
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.autoFilter = False
        ws.protection.sort = True
