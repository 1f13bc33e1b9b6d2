"""Reading the sheet *Stammdaten*: the bodies of the workbook and the date of their answers."""

from __future__ import annotations

from potential.messages import both, message
from potential.survey import layout as L
from potential.survey.answers import Respondent
from potential.survey.reading_cells import _BAD, _text


class _MasterSheet:
    """The sheet *Stammdaten* (master data)."""

    def _master(self):
        ws = self._sheet("master")
        if ws is None:
            known = str(self.meta.get("bodies") or "").split(";")
            self.workbook_bodies = [b for b in known if b in self.bodies]
            return
        rows = {key: row for key, (row, _) in L.MASTER_ROWS.items()}
        label_row, label_pair = L.MASTER_ROWS["body"]
        label = ws.cell(label_row, 1).value
        if str(label or "").strip() not in label_pair:
            self.problem(
                ws.title,
                f"A{label_row}",
                label,
                message(
                    "survey.master.label",
                    lang="de",
                    label=L.pick(label_pair, self.answers.lang),
                    row=label_row,
                ),
                message("survey.master.label", lang="en", label=label_pair[1], row=label_row),
            )
            return
        for col in range(2, max(ws.max_column, 2) + 1):
            coord, value = self._cell(ws, rows["body"], col)
            if value is None:
                continue
            body = self._body(ws, coord, value, master=True)
            if body is None:
                continue
            if body in self.answers.respondents:
                self.problem(
                    ws.title,
                    coord,
                    value,
                    *both("survey.master.twice"),
                )
                continue
            contact = _text(self._cell(ws, rows["contact"], col)[1])
            details = _text(self._cell(ws, rows["contact_details"], col)[1])
            date_coord, date = self._date(ws, rows["date"], col)
            self.date_cells[body] = date_coord
            self.workbook_bodies.append(body)
            self.answers.respondents[body] = Respondent(
                body,
                self.bodies[body].name,
                contact,
                details,
                None if date is _BAD else date,
            )
            if date is _BAD:
                self.date_cells[body] = None  # reported already
        if not self.answers.respondents:
            self.problem(
                ws.title,
                f"B{rows['body']}",
                None,
                *both("survey.master.none"),
            )
