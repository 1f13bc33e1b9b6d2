"""Reading the sheet *Pflichten*: how far a body meets each statutory duty."""

from __future__ import annotations

from potential.messages import both
from potential.survey import layout as L
from potential.survey.answers import DutyAnswer
from potential.survey.reading_cells import _BAD, _text


class _DutiesSheet:
    """The sheet *Pflichten* (duties)."""

    def _duties(self):
        ws = self._sheet("duties")
        if ws is None:
            return
        cols = self._columns(ws, L.DUTY_COLUMNS)
        if cols is None:
            return
        lang = self.answers.lang
        seen: dict[tuple[str, str], int] = {}
        for row in range(L.FIRST_ROW, ws.max_row + 1):
            raw = {k: self._peek(ws, row, c) for k, c in cols.items()}
            self._outside(ws, row, set(cols.values()))
            if all(v is None for v in raw.values()):
                continue
            body = self._body(ws, *self._cell(ws, row, cols["body"]))
            ocoord, ovalue = self._cell(ws, row, cols["obligation"])
            duty = None if ovalue in (None, _BAD) else str(ovalue).strip()
            if duty not in self.obligations:
                if ovalue is not _BAD:
                    known = ", ".join(self.obligations)
                    self.problem(
                        ws.title,
                        ocoord,
                        ovalue,
                        *both("survey.duties.unknown", known=known),
                    )
                duty = None
            elif body is not None and (body, duty) in seen:
                self.problem(
                    ws.title,
                    ocoord,
                    ovalue,
                    *both("survey.duties.twice", row=seen[(body, duty)]),
                )
                duty = None
            elif body is not None:
                seen[(body, duty)] = row
            scoord, status = self._cell(ws, row, cols["status"])
            remark = _text(self._cell(ws, row, cols["remark"])[1])
            if status is None or status is _BAD:
                continue
            share = L.status_share(status)
            if share is None:
                choices = ", ".join(L.pick(v[0], lang) for v in L.STATUS.values())
                self.problem(
                    ws.title,
                    scoord,
                    status,
                    *both("survey.duties.status", choices=choices),
                )
                continue
            if body is not None and duty is not None:
                self.answers.fulfilment.append(
                    DutyAnswer(body, duty, share, f"{ws.title}!{scoord}", remark)
                )
