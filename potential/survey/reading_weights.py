"""Reading the sheet *Gewichtung*: a body's points per criteria group."""

from __future__ import annotations

from potential.messages import both
from potential.survey import layout as L
from potential.survey.answers import WeightAnswer
from potential.survey.reading_cells import _BAD


class _WeightsSheet:
    """The sheet *Gewichtung* (weights)."""

    def _weights(self):
        ws = self._sheet("weights")
        if ws is None:
            return
        cols = self._columns(ws, L.WEIGHT_COLUMNS)
        if cols is None:
            return
        groups = [g.id for g in self.model.groups]
        cells: dict[str, dict[str, tuple[str, object]]] = {}
        for row in range(L.FIRST_ROW, ws.max_row + 1):
            raw = {k: self._peek(ws, row, c) for k, c in cols.items()}
            self._outside(ws, row, set(cols.values()))
            if all(v is None for v in raw.values()):
                continue
            body = self._body(ws, *self._cell(ws, row, cols["body"]))
            gcoord, group = self._cell(ws, row, cols["group"])
            group = None if group in (None, _BAD) else str(group).strip()
            coord, points = self._number(ws, row, cols["points"], "points")
            if group not in groups:
                self.problem(
                    ws.title,
                    gcoord,
                    group,
                    *both("survey.weights.group", groups=", ".join(groups)),
                )
                continue
            if body is None:
                continue
            mine = cells.setdefault(body, {})
            if group in mine:
                self.problem(
                    ws.title,
                    gcoord,
                    group,
                    *both("survey.weights.twice"),
                )
                continue
            mine[group] = (coord, points)
        for body, mine in cells.items():
            given = {g: v for g, (_, v) in mine.items() if v is not None}
            if not given:
                continue
            if any(v is _BAD for v in given.values()):
                continue
            missing = [g for g in groups if mine.get(g, (None, None))[1] is None]
            for g in missing:
                coord = mine[g][0] if g in mine else None
                self.problem(
                    ws.title,
                    coord,
                    None,
                    *both("survey.weights.missing"),
                )
            if missing:
                continue
            if sum(given.values()) <= 0:
                first = mine[groups[0]][0]
                self.problem(
                    ws.title,
                    first,
                    0,
                    *both("survey.weights.zero"),
                )
                continue
            first = mine[groups[0]][0]
            self.answers.weights.append(
                WeightAnswer(
                    body,
                    {g: given[g] for g in groups},
                    f"{ws.title}!{first}",
                    {g: f"{ws.title}!{mine[g][0]}" for g in groups},
                )
            )
