"""The sheets of the questionnaire workbook, one builder method per sheet.

:class:`_Book` writes the instructions, the master data, the fields with their pre-filled
estimates, the duties, the cooperations, the weights, the hidden lists and the very hidden
metadata sheet. Styles are in :mod:`~potential.survey.styling`, data validations in
:mod:`~potential.survey.validation`, texts in :mod:`~potential.survey.texts`.
"""

from __future__ import annotations

from potential import labels
from potential.survey import layout as L
from potential.survey.styling import COUNT, DATE, EUR, FTE, PERCENT, POINTS, _Styling
from potential.survey.texts import _INSTRUCTIONS
from potential.survey.validation import _Validation


def _county(dataset):
    return next((b for b in dataset.bodies if b.kind == "kreis"), None)


def _percent_text(share: float) -> str:
    return f"{share * 100:.0f} %"


class _Book(_Validation, _Styling):
    """Builds the sheets of one questionnaire workbook."""

    def __init__(self, wb, dataset, model, bodies, lang):
        self.wb, self.ds, self.model, self.bodies, self.lang = wb, dataset, model, bodies, lang
        self.single = len(bodies) == 1 and len(dataset.bodies) > 1
        self.prefill: list[tuple[str, str, str, object]] = []
        self.list_ranges: dict[str, str] = {}
        self._lists_content()

    # -- sheets ---------------------------------------------------------------------------
    def instructions(self, return_to):
        from openpyxl.styles import Alignment, Font

        ws = self.wb.create_sheet(self.name("instructions"))
        from potential.workbook import print_setup

        print_setup(ws, self.name("instructions"), "1:1", self.t("title"), self.lang)
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 100
        ws["A1"] = self.t("title")
        ws["A1"].font = Font(bold=True, size=14)
        county = _county(self.ds)
        if return_to is None:
            return_to = self.t("return_default", county=county.name if county else "Kreis")
        names = self.bodies[0].name if len(self.bodies) == 1 else self.t("all_bodies")
        rows = [
            (self.t("version"), L.VERSION),
            (self.t("dataset"), getattr(self.ds.meta.title, self.lang)),
            (self.t("bodies"), names),
            (self.t("reference_date"), self.ds.meta.reference_date),
        ]
        for i, (key, value) in enumerate(rows, start=2):
            ws.cell(i, 1, key).font = Font(bold=True)
            cell = ws.cell(i, 2, value)
            if i == 5:
                cell.number_format = DATE
                cell.alignment = Alignment(horizontal="left")
        row = 7
        for text, heading in _INSTRUCTIONS[self.lang]:
            cell = ws.cell(
                row, 1 if heading else 2, text.format(return_to=return_to, version=L.VERSION)
            )
            if heading:
                cell.font = Font(bold=True)
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                ws.row_dimensions[row].height = 15 * (1 + len(text) // 95)
            row += 1
        self._protect(ws)

    def master(self):
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        headers = ["", *(b.name for b in self.bodies)]
        ws = self._sheet(
            "master", self.name("master"), self.t("master_hint"), headers,
            [26, *([22] * len(self.bodies))],
        )  # fmt: skip
        ws.cell(L.HEADER_ROW, 1, "")
        for key, (row, pair) in L.MASTER_ROWS.items():
            ws.cell(row, 1, L.pick(pair, self.lang)).font = Font(bold=True)
            for j, b in enumerate(self.bodies, start=2):
                value = {"body": b.id, "name": b.name}.get(key)
                cell = ws.cell(row, j, value)
                self._style(
                    cell, locked=key in ("body", "name"), fmt=DATE if key == "date" else None
                )
        last = get_column_letter(len(self.bodies) + 1)
        self._validate(ws, f"B{L.MASTER_ROWS['date'][0]}:{last}{L.MASTER_ROWS['date'][0]}", "date")
        ws.freeze_panes = "B4"
        self._protect(ws)

    def fields(self):
        from potential.indicators import body_field_inputs

        cols = list(L.FIELD_COLUMNS)
        widths = {"body": 14, "field": 16, "field_label": 30, "provider": 30, "remark": 30}
        ws = self._sheet(
            "fields",
            self.name("fields"),
            self.t("fields_hint"),
            [L.pick(v, self.lang) for v in L.FIELD_COLUMNS.values()],
            [widths.get(c, 13 if c.endswith("_origin") else 15) for c in cols],
        )
        inputs = body_field_inputs(self.ds).set_index(["body", "field"])
        reported = {(r.body, r.field): r for r in self.ds.body_fields}
        origin = {k: L.pick(v, self.lang) for k, v in L.ORIGINS.items()}
        formats = {"annual_cost_eur": EUR, "fte": FTE, "leaving_share": PERCENT,
                   "cases_per_year": COUNT}  # fmt: skip
        source_column = {"annual_cost_eur": "annual_cost", "fte": "fte",
                         "leaving_share": "leaving_share"}  # fmt: skip
        row = L.FIRST_ROW
        for b in self.bodies:
            for f in self.ds.fields:
                rep = reported.get((b.id, f.id))
                values = {
                    "body": b.id,
                    "field": f.id,
                    "field_label": labels.field_label(self.ds, f.id, self.lang),
                    "provider": rep.provider if rep else None,
                }
                for key in L.FIELD_VALUES:
                    known = getattr(rep, key) if rep else None
                    if known is not None:
                        value, how = known, origin["reported"]
                    elif key in source_column:
                        value = float(inputs.loc[(b.id, f.id), source_column[key]])
                        how = origin["average" if key == "leaving_share" else "estimate"]
                    else:
                        value, how = None, None
                    if key == "leaving_share" and value is not None:
                        value = round(value * 100, 10)
                    values[key], values[f"{key}_origin"] = value, how
                    if value is not None:
                        self.prefill.append((b.id, f.id, key, value))
                if values["provider"]:
                    self.prefill.append((b.id, f.id, "provider", values["provider"]))
                for j, key in enumerate(cols, start=1):
                    cell = ws.cell(row, j, values.get(key))
                    estimate = key in L.FIELD_VALUES and values[f"{key}_origin"] in (
                        origin["estimate"],
                        origin["average"],
                    )
                    self._style(
                        cell,
                        locked=key in ("body", "field", "field_label"),
                        fmt=formats.get(key),
                        italic=estimate,
                    )
                row += 1
        last = row - 1
        letter = {key: _letter(j) for j, key in enumerate(cols, start=1)}
        first = L.FIRST_ROW
        self._validate(ws, _col(letter["annual_cost_eur"], first, last), "decimal", low=0)
        self._validate(ws, _col(letter["fte"], first, last), "decimal", low=0)
        self._validate(ws, _col(letter["leaving_share"], first, last), "decimal", low=0, high=100)
        self._validate(ws, _col(letter["cases_per_year"], first, last), "whole", low=0)
        origins = " ".join(_col(letter[f"{k}_origin"], first, last) for k in L.FIELD_VALUES)
        self._validate(ws, origins, "list", options="origin")
        ws.freeze_panes = "D4"
        self._protect(ws)

    def duties(self):
        cols = list(L.DUTY_COLUMNS)
        widths = {"body": 14, "obligation": 12, "label": 34, "law": 20, "in_force": 12,
                  "fields": 30, "known": 34, "status": 16, "remark": 34}  # fmt: skip
        ws = self._sheet(
            "duties",
            self.name("duties"),
            self.t("duties_hint"),
            [L.pick(v, self.lang) for v in L.DUTY_COLUMNS.values()],
            [widths[c] for c in cols],
        )
        done = {(f.body, f.obligation): f for f in self.ds.fulfilment}
        default = float(self.ds.parameter("default_fulfilment"))
        row = L.FIRST_ROW
        for b in self.bodies:
            for o in self.ds.obligations:
                fields = [
                    labels.field_label(self.ds, f.id, self.lang)
                    for f in self.ds.fields
                    if o.id in f.obligations
                ]
                entry = done.get((b.id, o.id))
                if entry is None:
                    known = self.t("known_none", share=_percent_text(default))
                else:
                    known = f"{_percent_text(entry.fulfilment)} ({entry.source})"
                values = {
                    "body": b.id,
                    "obligation": o.id,
                    "label": o.label_de if self.lang == "de" else o.label_en,
                    "law": o.law,
                    "in_force": o.in_force,
                    "fields": ", ".join(fields),
                    "known": known,
                }
                for j, key in enumerate(cols, start=1):
                    cell = ws.cell(row, j, values.get(key))
                    self._style(
                        cell,
                        locked=key not in ("status", "remark"),
                        fmt=DATE if key == "in_force" else None,
                    )
                row += 1
        status = _letter(cols.index("status") + 1)
        self._validate(ws, _col(status, L.FIRST_ROW, row - 1), "list", options="status")
        ws.freeze_panes = "D4"
        self._protect(ws)

    def cooperations(self):
        head = list(L.COOP_COLUMNS)
        tail = list(L.COOP_TAIL)
        headers = (
            [L.pick(v, self.lang) for v in L.COOP_COLUMNS.values()]
            + [b.name for b in self.ds.bodies]
            + [L.pick(v, self.lang) for v in L.COOP_TAIL.values()]
        )
        widths = [14, 18, 34, 24, 30, 16, 12, 12, *([6] * len(self.ds.bodies)), 36, 30]
        ws = self._sheet("coops", self.name("coops"), self.t("coops_hint"), headers, widths)
        for j in range(len(head) + 1, len(head) + len(self.ds.bodies) + 1):
            from openpyxl.styles import Alignment

            ws.cell(L.HEADER_ROW, j).alignment = Alignment(text_rotation=90, vertical="bottom")
        ws.row_dimensions[L.HEADER_ROW].height = 90
        ids = {b.id for b in self.bodies}
        sources = {s.id: s for s in self.ds.sources}
        existing = [c for c in self.ds.cooperations if ids & set(c.members)]
        row = L.FIRST_ROW
        body_col = {b.id: len(head) + 1 + i for i, b in enumerate(self.ds.bodies)}
        for coop in existing:
            respondent = self.bodies[0].id if self.single else (coop.lead or coop.members[0])
            known = [sources[i] for i in coop.source if i in sources]
            values = {
                "respondent": respondent,
                "id": coop.id,
                "label": coop.label,
                "field": labels.field_label(self.ds, coop.field, self.lang)
                if coop.field
                else L.pick(L.OTHER_FIELD, self.lang),
                "legal_form": labels.form_label(self.ds, coop.legal_form, self.lang),
                "lead": self.ds.body(coop.lead).name if coop.lead else None,
                "since": coop.since,
                "scope": L.pick(L.SCOPES[coop.scope], self.lang),
                "source": self.t(
                    "known_from",
                    source=" | ".join(f"{src.label(self.lang)} ({src.id})" for src in known)
                    or ";".join(coop.source),
                )
                + (
                    self.t("outside_partners", partners=", ".join(coop.external_partners))
                    if coop.external_partners
                    else ""
                ),
            }
            self._coop_row(ws, row, head, tail, values, coop.members, body_col, existing=True)
            row += 1
        n_new = L.NEW_COOP_ROWS[0 if self.single else 1]
        for _ in range(n_new):
            values = {"respondent": self.bodies[0].id if self.single else None}
            members = (self.bodies[0].id,) if self.single else ()
            self._coop_row(ws, row, head, tail, values, members, body_col, existing=False)
            row += 1
        last = row - 1
        first = L.FIRST_ROW
        letter = {key: _letter(head.index(key) + 1) for key in head}
        self._validate(ws, _col(letter["field"], first, last), "list", options="field")
        self._validate(ws, _col(letter["legal_form"], first, last), "list", options="legal_form")
        self._validate(ws, _col(letter["lead"], first, last), "list", options="body_name")
        self._validate(ws, _col(letter["since"], first, last), "date")
        self._validate(ws, _col(letter["scope"], first, last), "list", options="scope")
        if not self.single:
            self._validate(ws, _col(letter["respondent"], first, last), "list", options="body_id")
        lo, hi = _letter(len(head) + 1), _letter(len(head) + len(self.ds.bodies))
        self._validate(ws, f"{lo}{first}:{hi}{last}", "list", options="mark")
        ws.freeze_panes = "D4"
        self._protect(ws, insert_rows=True)

    def _coop_row(self, ws, row, head, tail, values, members, body_col, existing):
        for j, key in enumerate(head, start=1):
            cell = ws.cell(row, j, values.get(key))
            locked = key == "id" or (key == "respondent" and (self.single or existing))
            self._style(cell, locked=locked, fmt=DATE if key == "since" else None)
        for body, j in body_col.items():
            cell = ws.cell(row, j, L.PARTNER_MARK if body in members else None)
            self._style(cell, locked=False)
        for i, key in enumerate(tail):
            cell = ws.cell(row, len(head) + len(body_col) + 1 + i, values.get(key))
            self._style(cell, locked=key == "source")

    def weights(self):
        cols = list(L.WEIGHT_COLUMNS)
        ws = self._sheet(
            "weights",
            self.name("weights"),
            self.t("weights_hint"),
            [L.pick(v, self.lang) for v in L.WEIGHT_COLUMNS.values()],
            [14, 22, 28, 60, 14, 14],
        )
        total = sum(g.weight for g in self.model.groups)
        row = L.FIRST_ROW
        for b in self.bodies:
            for g in self.model.groups:
                values = {
                    "body": b.id,
                    "group": g.id,
                    "label": getattr(g.label, self.lang),
                    "criteria": ", ".join(getattr(c.label, self.lang) for c in g.criteria),
                    "model": round(g.weight / total * 100, 10) if total else 0.0,
                }
                for j, key in enumerate(cols, start=1):
                    cell = ws.cell(row, j, values.get(key))
                    self._style(
                        cell,
                        locked=key != "points",
                        fmt={"model": PERCENT, "points": POINTS}.get(key),
                    )
                row += 1
        points = _letter(cols.index("points") + 1)
        self._validate(ws, _col(points, L.FIRST_ROW, row - 1), "points", low=0, high=100)
        ws.freeze_panes = "D4"
        self._protect(ws)

    def lists(self):
        ws = self.wb.create_sheet(self.name("lists"))
        for j, (key, items) in enumerate(self.list_items.items(), start=1):
            ws.cell(1, j, key)
            for i, item in enumerate(items, start=2):
                ws.cell(i, j, item)
        from potential.workbook import print_setup

        print_setup(ws, self.name("lists"), "1:1", self.t("title"), self.lang)
        ws.sheet_state = "hidden"
        self._protect(ws)

    def meta(self):
        ws = self.wb.create_sheet(L.META_SHEET)
        rows = [
            ("template", L.VERSION),
            ("dataset", self.ds.meta.id),
            ("lang", self.lang),
            ("bodies", ";".join(b.id for b in self.bodies)),
            ("criteria", self.model.id),
            ("groups", ";".join(g.id for g in self.model.groups)),
        ]
        for i, (key, value) in enumerate(rows, start=1):
            ws.cell(i, 1, key)
            ws.cell(i, 2, value)
        start = len(rows) + 2
        for j, header in enumerate(("body", "field", "column", "value"), start=1):
            ws.cell(start, j, header)
        for i, entry in enumerate(self.prefill, start=start + 1):
            for j, value in enumerate(entry, start=1):
                ws.cell(i, j, value)
        ws.sheet_state = "veryHidden"
        self._protect(ws)


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j)


def _col(letter: str, first: int, last: int) -> str:
    return f"{letter}{first}:{letter}{max(first, last)}"
