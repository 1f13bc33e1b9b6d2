"""Reading the sheet *Kooperationen*: corrections of known cooperations and new ones."""

from __future__ import annotations

from potential import labels
from potential.messages import both, message
from potential.survey import layout as L
from potential.survey.answers import CooperationAnswer
from potential.survey.reading_cells import _BAD, _text


def _scopes() -> tuple[str, str]:
    """(German, English) of a scope cell's problem: the scopes of the list."""
    return tuple(
        message("survey.coops.scope", lang=lg, choices=", ".join(v[i] for v in L.SCOPES.values()))
        for i, lg in enumerate(L.LANGS)
    )


class _CooperationsSheet:
    """The sheet *Kooperationen* (cooperations)."""

    def _cooperations(self):
        ws = self._sheet("coops")
        if ws is None:
            return
        body_cols = {b.id: (b.name, b.id) for b in self.ds.bodies}
        cols = self._columns(ws, {**L.COOP_COLUMNS, **L.COOP_TAIL}, body_cols)
        if cols is None:
            return
        lang = self.answers.lang
        single = len(self.workbook_bodies) == 1 and len(self.bodies) > 1
        for row in range(L.FIRST_ROW, ws.max_row + 1):
            self._outside(ws, row, set(cols.values()))
            raw = {k: self._peek(ws, row, c) for k, c in cols.items()}
            respondent_id = str(raw["respondent"]).strip() if raw["respondent"] else None
            ignore = {"respondent", "source"}
            if single and raw["id"] is None and respondent_id in body_cols:
                if str(raw[respondent_id] or "").strip().lower() == L.PARTNER_MARK:
                    ignore.add(respondent_id)  # the pre-marked own column of an empty row
            if all(v is None for k, v in raw.items() if k not in ignore):
                continue
            self._cooperation_row(ws, row, cols, body_cols, lang)

    def _cooperation_row(self, ws, row, cols, body_cols, lang):
        title = ws.title
        before = len(self.answers.errors)
        respondent = self._body(ws, *self._cell(ws, row, cols["respondent"]))
        icoord, cid = self._cell(ws, row, cols["id"])
        known = None
        if cid is not None and cid is not _BAD:
            known = self.coops.get(str(cid).strip())
            if known is None:
                self.problem(
                    title,
                    icoord,
                    cid,
                    *both("survey.coops.unknown"),
                )
        new = cid is None
        lcoord, label = self._cell(ws, row, cols["label"])
        label = _text(label) if label is not _BAD else None
        if label is None and new:
            self.problem(title, lcoord, None, *both("survey.coops.name"))
        fcoord, fvalue = self._cell(ws, row, cols["field"])
        field_id = known.field if known is not None else None  # blank keeps a known value
        if fvalue is None:
            if new:
                self.problem(
                    title,
                    fcoord,
                    None,
                    *both("survey.coops.field_empty"),
                )
        elif fvalue is not _BAD:
            if str(fvalue).strip().casefold() in (t.casefold() for t in L.OTHER_FIELD):
                field_id = None
            else:
                field_id = self._lookup(
                    fvalue, self.fields, lambda k, lg: labels.field_label(self.ds, k, lg)
                )
                if field_id is None:
                    choices = ", ".join(labels.field_label(self.ds, f, lang) for f in self.fields)
                    self.problem(
                        title,
                        fcoord,
                        fvalue,
                        message(
                            "survey.coops.field",
                            lang="de",
                            choices=choices,
                            other=L.pick(L.OTHER_FIELD, lang),
                        ),
                        message(
                            "survey.coops.field",
                            lang="en",
                            choices=choices,
                            other=L.OTHER_FIELD[1],
                        ),
                    )
        gcoord, gvalue = self._cell(ws, row, cols["legal_form"])
        form = known.legal_form if known is not None else None
        if gvalue is None and form is None:
            self.problem(title, gcoord, None, *both("survey.coops.form_empty"))
        elif gvalue is not _BAD:
            form = self._lookup(
                gvalue, self.forms, lambda k, lg: labels.form_label(self.ds, k, lg)
            )
            if form is None:
                choices = ", ".join(labels.form_label(self.ds, f, lang) for f in self.forms)
                self.problem(
                    title,
                    gcoord,
                    gvalue,
                    *both("survey.coops.form", choices=choices),
                )
        members = []
        for body, col in ((b, cols[b]) for b in body_cols):
            mcoord, mark = self._cell(ws, row, col)
            if mark is None or mark is _BAD:
                continue
            if str(mark).strip().lower() == L.PARTNER_MARK:
                members.append(body)
            else:
                self.problem(
                    title,
                    mcoord,
                    mark,
                    *both("survey.coops.mark", mark=L.PARTNER_MARK),
                )
        if new and respondent is not None and respondent not in members:
            members.append(respondent)  # the reporting body takes part in a new cooperation
        order = list(self.bodies)
        members.sort(key=order.index)
        first_partner = ws.cell(row, cols[next(iter(body_cols))]).coordinate
        # a known cooperation with partners outside the dataset needs one marked member only
        outside = known is not None and bool(known.external_partners)
        if len(members) < (1 if outside else 2):
            self.problem(
                title,
                first_partner,
                None,
                *both(f"survey.coops.partners.{'one' if outside else 'two'}", mark=L.PARTNER_MARK),
            )
        dcoord, dvalue = self._cell(ws, row, cols["lead"])
        lead = known.lead if known is not None and known.lead in members else None
        if dvalue is not None and dvalue is not _BAD:
            lead = self._lookup(dvalue, self.bodies, lambda k, lg: self.bodies[k].name)
            if lead is None:
                self.problem(
                    title,
                    dcoord,
                    dvalue,
                    *both("survey.coops.lead"),
                )
            elif lead not in members:
                self.problem(
                    title,
                    dcoord,
                    dvalue,
                    *both("survey.coops.lead_partner"),
                )
                lead = None
        scoord, since = self._date(ws, row, cols["since"])
        if since is None and known is not None:
            since = known.since
        ucoord, uvalue = self._cell(ws, row, cols["scope"])
        scope = None
        if uvalue is None:
            if new:
                self.problem(
                    title,
                    ucoord,
                    None,
                    *_scopes(),
                )
        elif uvalue is not _BAD:
            scope = L.scope_key(uvalue)
            if scope is None:
                self.problem(
                    title,
                    ucoord,
                    uvalue,
                    *_scopes(),
                )
        remark = _text(self._cell(ws, row, cols["remark"])[1])
        if len(self.answers.errors) > before or respondent is None:
            return
        if known is not None:
            label = label or known.label
            scope = scope or known.scope
            if (
                label == known.label
                and field_id == known.field
                and form == known.legal_form
                and set(members) == set(known.members)
                and lead == known.lead
                and since == known.since
                and scope == known.scope
            ):
                return  # a known cooperation left as it was
        self.answers.cooperations.append(
            CooperationAnswer(
                respondent,
                known.id if known is not None else None,
                label,
                field_id,
                form,
                tuple(members),
                lead,
                None if since is _BAD else since,
                scope,
                f"{title}!{ws.cell(row, cols['label']).coordinate}",
                remark,
            )
        )
