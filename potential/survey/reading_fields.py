"""Reading the sheet *Handlungsfelder*: the figures a body reports per field.

Estimates left unchanged are not answers; a changed value counts as the body's own figure.
"""

from __future__ import annotations

from potential import labels
from potential.survey import layout as L
from potential.survey.answers import FieldAnswer
from potential.survey.reading_cells import _BAD, _EXPECT, _KIND, _close, _text


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
                        f"ein bekanntes Handlungsfeld (ID): {known}; die Zeile wird nicht "
                        "übernommen",
                        f"a known field (id): {known}; the row is not taken over",
                    )
                field_id = None
            elif body is not None:
                if (body, field_id) in seen:
                    self.problem(
                        ws.title,
                        fcoord,
                        fvalue,
                        f"jedes Handlungsfeld einmal je Körperschaft (schon in Zeile "
                        f"{seen[(body, field_id)]}); die Zeile wird nicht übernommen",
                        f"each field once per body (already in row {seen[(body, field_id)]}); "
                        "the row is not taken over",
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
                        f"eine Herkunft aus der Liste: {choices}",
                        f"an origin from the list: {choices}",
                    )
                if value is _BAD:
                    continue
                if value is None:
                    if origin == "own":
                        self.problem(
                            ws.title,
                            coord,
                            None,
                            f"{_EXPECT[_KIND[key]][0]} – die Herkunft sagt „eigene Angabe“",
                            f"{_EXPECT[_KIND[key]][1]} – the origin says 'own figure'",
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
                        "Wert geändert, Herkunft nicht auf „eigene Angabe“ gesetzt – als eigene "
                        "Angabe gewertet",
                        "value changed but origin not set to 'own figure' – counted as an own "
                        "figure",
                        "note",
                    )
                if key == "leaving_share" and 0 < value <= 1:
                    self.problem(
                        ws.title,
                        coord,
                        value,
                        f"Anteil in Prozent: {value:g} bedeutet {value:g} % – gemeint "
                        f"{value * 100:g} %?",
                        f"share in per cent: {value:g} means {value:g} % – did you mean "
                        f"{value * 100:g} %?",
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
