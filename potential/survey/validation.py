"""The data validations of the questionnaire: number ranges, dates and drop-down lists.

The drop-down lists' choices live in the hidden sheet *Listen*; :class:`_Validation` knows
their ranges and adds a validation (with its error message) to a range of cells.
"""

from __future__ import annotations

from potential import labels
from potential.survey import layout as L

#: Dates a date cell accepts (Excel formulas for the data validation).
FIRST_DATE, LAST_DATE = "DATE(1950,1,1)", "DATE(2100,12,31)"


class _Validation:
    """Data validations and drop-down lists of the workbook builder."""

    def _validate(self, ws, ref: str, kind: str, *, low=None, high=None, options=None):
        """Add a data validation to the cells in ``ref``."""
        from openpyxl.worksheet.datavalidation import DataValidation

        title = self.t("error_title")
        if kind == "list":
            dv = DataValidation(type="list", formula1=self.list_ranges[options], allow_blank=True)
            message = self.t("list_error")
        elif kind == "date":
            dv = DataValidation(
                type="date",
                operator="between",
                formula1=FIRST_DATE,
                formula2=LAST_DATE,
                allow_blank=True,
            )
            message = self.t("date_error")
        elif high is not None:
            dv = DataValidation(
                type="whole" if kind == "whole" else "decimal",
                operator="between",
                formula1=str(low),
                formula2=str(high),
                allow_blank=True,
            )
            message = self.t("points_error" if kind == "points" else "percent_error")
        else:
            dv = DataValidation(
                type="whole" if kind == "whole" else "decimal",
                operator="greaterThanOrEqual",
                formula1=str(low),
                allow_blank=True,
            )
            message = self.t("whole_error" if kind == "whole" else "number_error")
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.errorTitle = title
        dv.error = message
        dv.prompt = message
        ws.add_data_validation(dv)
        for part in ref.split():
            dv.add(part)
        return dv

    def _list_items(self) -> dict[str, list[str]]:
        lang = self.lang
        return {
            "origin": [L.pick(v, lang) for v in L.ORIGINS.values()],
            "status": [L.pick(v[0], lang) for v in L.STATUS.values()],
            "field": [labels.field_label(self.ds, f.id, lang) for f in self.ds.fields]
            + [L.pick(L.OTHER_FIELD, lang)],
            "legal_form": [labels.form_label(self.ds, f.id, lang) for f in self.ds.legal_forms],
            "body_name": [b.name for b in self.ds.bodies],
            "scope": [L.pick(v, lang) for v in L.SCOPES.values()],
            "mark": [L.PARTNER_MARK],
            "body_id": [b.id for b in self.bodies],
        }

    def _lists_content(self):
        from openpyxl.utils import get_column_letter

        self.list_items = self._list_items()
        sheet = self.name("lists")
        for j, (key, items) in enumerate(self.list_items.items(), start=1):
            letter = get_column_letter(j)
            self.list_ranges[key] = f"{sheet}!${letter}$2:${letter}${len(items) + 1}"
