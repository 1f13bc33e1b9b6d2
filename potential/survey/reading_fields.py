"""Reading the sheet *Handlungsfelder*: the figures a body reports per field.

Estimates left unchanged are not answers; a changed value counts as the body's own figure.
"""

from __future__ import annotations

from potential import labels
from potential.messages import both, message
from potential.survey import layout as L
from potential.survey.answers import FieldAnswer
from potential.survey.reading_cells import _BAD, _KIND, _close, _expect, _text


class _FieldsSheet:
    """The sheet *Handlungsfelder* (fields)."""

    def _fields(self):
        ws = self._sheet("fields")
        if ws is None:
            return
        cols = self._columns(ws, L.FIELD_COLUMNS)
        if cols is None:
            return
        lang = self.answers.lang
        by_label = {labels.field_label(self.ds, f, lg).casefold(): f for f in self.fields
                    for lg in L.LANGS}  # fmt: skip
        seen: dict[tuple[str, str], int] = {}
        for row in range(L.FIRST_ROW, ws.max_row + 1):
            raw = {k: self._peek(ws, row, c) for k, c in cols.items()}
            self._outside(ws, row, set(cols.values()))
            if all(v is None for v in raw.values()):
                continue
            body = self._body(ws, *self._cell(ws, row, cols["body"]))
            fcoord, fvalue = self._cell(ws, row, cols["field"])
            field_id = None
            if fvalue is None and raw["field_label"] is not None:
                field_id = by_label.get(str(raw["field_label"]).strip().casefold())
            elif fvalue is not _BAD and fvalue is not None:
                field_id = str(fvalue).strip()
            if field_id not in self.fields:
                known = ", ".join(self.fields)
                if fvalue is not _BAD:
                    self.problem(
                        ws.title,
                        fcoord,
                        fvalue,
                        *both("survey.fields.unknown", known=known),
                    )
                field_id = None
            elif body is not None:
                if (body, field_id) in seen:
                    self.problem(
                        ws.title,
                        fcoord,
                        fvalue,
                        *both("survey.fields.twice", row=seen[(body, field_id)]),
                    )
                    field_id = None
                else:
                    seen[(body, field_id)] = row
            usable = body is not None and field_id is not None
            remark = _text(self._cell(ws, row, cols["remark"])[1])
            for key in L.FIELD_VALUES:
                coord, value = self._number(ws, row, cols[key], _KIND[key])
                ocoord, origin_text = self._cell(ws, row, cols[f"{key}_origin"])
                origin = L.origin_key(origin_text)
                if origin_text is not None and origin_text is not _BAD and origin is None:
                    choices = ", ".join(L.pick(v, lang) for v in L.ORIGINS.values())
                    self.problem(
                        ws.title,
                        ocoord,
                        origin_text,
                        *both("survey.fields.origin", choices=choices),
                    )
                if value is _BAD:
                    continue
                if value is None:
                    if origin == "own":
                        self.problem(
                            ws.title,
                            coord,
                            None,
                            *(
                                message("survey.fields.own_empty", lang=lg, expected=text)
                                for lg, text in zip(L.LANGS, _expect(_KIND[key]), strict=True)
                            ),
                        )
                    continue
                if not usable:
                    continue
                before = self.prefill.get((body, field_id, key))
                changed = before is None or not _close(value, float(before))
                if origin != "own" and not changed:
                    continue  # an estimate or a known figure left as it was
                if changed and origin in ("estimate", "average", "reported"):
                    self.problem(
                        ws.title,
                        coord,
                        value,
                        *both("survey.fields.changed"),
                        "note",
                    )
                if key == "leaving_share" and 0 < value <= 1:
                    self.problem(
                        ws.title,
                        coord,
                        value,
                        *both("survey.fields.percent", value=value, percent=value * 100),
                        "note",
                    )
                stored = round(value / 100, 10) if key == "leaving_share" else value
                self.answers.values.append(
                    FieldAnswer(body, field_id, key, stored, f"{ws.title}!{coord}", remark)
                )
            pcoord, provider = self._cell(ws, row, cols["provider"])
            provider = _text(provider) if provider is not _BAD else None
            if usable and provider is not None:
                if provider != self.prefill.get((body, field_id, "provider")):
                    self.answers.values.append(
                        FieldAnswer(
                            body, field_id, "provider", provider, f"{ws.title}!{pcoord}", remark
                        )
                    )
