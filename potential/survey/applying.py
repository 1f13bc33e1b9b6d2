"""Applying valid answers to a dataset's tables: which value is added, changed, or held
back as a diff (old → new) until the merge is told to accept it.

:class:`_State` holds the tables of one dataset folder (``body_fields.csv``,
``fulfilment.csv``, ``cooperations.csv``, ``sources.csv``, ``body_weights.csv``) and records
every :class:`~potential.survey.report.Change` in the report.
"""

from __future__ import annotations

from pathlib import Path

from potential.messages import both
from potential.survey import layout as L
from potential.survey.answers import Answers
from potential.survey.problems import Problem
from potential.survey.report import Change, MergeReport
from potential.survey.tables import _fmt, _parse, _same, _Table

#: Columns of ``body_fields.csv`` that hold a body's figures.
FIGURES = ("annual_cost_eur", "fte", "leaving_share", "cases_per_year", "provider")
COOP_ATTRS = ("label", "field", "legal_form", "members", "lead", "since", "scope")


class _State:
    def __init__(self, folder: Path, dataset):
        from potential.criteria import BODY_WEIGHT_COLUMNS

        self.ds = dataset
        self.tables = {
            "body_fields.csv": _Table(folder, "body_fields.csv"),
            "fulfilment.csv": _Table(folder, "fulfilment.csv"),
            "cooperations.csv": _Table(folder, "cooperations.csv"),
            "sources.csv": _Table(folder, "sources.csv"),
            "body_weights.csv": _Table(folder, "body_weights.csv", BODY_WEIGHT_COLUMNS),
        }
        self.known = {
            "body": {b.id for b in dataset.bodies},
            "field": {f.id for f in dataset.fields},
            "obligation": {o.id for o in dataset.obligations},
            "legal_form": {f.id for f in dataset.legal_forms},
        }

    def outputs(self) -> dict[str, bytes]:
        return {name: t.data() for name, t in self.tables.items() if t.changed}

    def _unknown(self, a: Answers, report, cell, **refs) -> bool:
        """Report references the target dataset does not have (answers read elsewhere)."""
        for kind, value in refs.items():
            if value is not None and value not in self.known[kind]:
                report.problems.append(
                    Problem(
                        a.file,
                        cell.split("!")[0],
                        cell.split("!")[-1],
                        value,
                        *both(f"survey.apply.unknown.{kind}"),
                    )
                )
                return True
        return False

    def apply(self, a: Answers, accept: bool, report: MergeReport):
        self._values(a, accept, report)
        self._fulfilment(a, accept, report)
        self._cooperations(a, accept, report)
        self._weights(a, accept, report)

    # -- body_fields.csv -------------------------------------------------------------------
    def _values(self, a, accept, report):
        table = self.tables["body_fields.csv"]
        groups: dict[tuple[str, str], list] = {}
        for v in a.values:
            if not self._unknown(a, report, v.cell, body=v.body, field=v.field):
                groups.setdefault((v.body, v.field), []).append(v)
        for (body, field_id), answers in groups.items():
            source = _with_remark(a.source(body), answers[0].remark)
            row = table.find(body=body, field=field_id)
            new_row = row is None
            if new_row:
                row = {"body": body, "field": field_id}
            written = []
            for v in answers:
                table.need(v.column)
                old = _parse(row.get(v.column, ""), v.column)
                new = v.value
                if old is not None and _same(old, new):
                    continue
                status = "added" if old is None else ("changed" if accept else "pending")
                report.changes.append(
                    Change(
                        "body_fields.csv",
                        f"{body}/{field_id}",
                        v.column,
                        old,
                        new,
                        source,
                        status,
                        f"{a.file}, {v.cell}",
                    )
                )
                if status != "pending":
                    row[v.column] = _fmt(new) if isinstance(new, float) else new
                    written.append(v.column)
            if not written:
                continue
            if new_row:
                row["source"] = source
                table.add(row)
                continue
            table.touch(row)
            old_source = row.get("source", "")
            others = [c for c in FIGURES if row.get(c) and c not in written]
            if old_source == source:
                pass
            elif not others or not old_source:
                row["source"] = source
            else:
                row["source"] = f"{old_source}; {source} ({', '.join(written)})"

    # -- fulfilment.csv --------------------------------------------------------------------
    def _fulfilment(self, a, accept, report):
        table = self.tables["fulfilment.csv"]
        for d in a.fulfilment:
            if self._unknown(a, report, d.cell, body=d.body, obligation=d.obligation):
                continue
            source = _with_remark(a.source(d.body), d.remark)
            row = table.find(body=d.body, obligation=d.obligation)
            old = _parse(row.get("fulfilment", ""), "fulfilment") if row else None
            if old is not None and _same(old, d.fulfilment):
                continue
            status = "added" if old is None else ("changed" if accept else "pending")
            report.changes.append(
                Change(
                    "fulfilment.csv",
                    f"{d.body}/{d.obligation}",
                    "fulfilment",
                    old,
                    d.fulfilment,
                    source,
                    status,
                    f"{a.file}, {d.cell}",
                )
            )
            if status == "pending":
                continue
            values = {"fulfilment": _fmt(d.fulfilment), "source": source}
            if row is None:
                table.add({"body": d.body, "obligation": d.obligation, **values})
            else:
                row.update(values)
                table.touch(row)

    # -- cooperations.csv and sources.csv --------------------------------------------------
    def _cooperations(self, a, accept, report):
        table = self.tables["cooperations.csv"]
        order = [b.id for b in self.ds.bodies]
        for c in a.cooperations:
            if self._unknown(
                a, report, c.cell, body=c.respondent, field=c.field, legal_form=c.legal_form
            ) or any(self._unknown(a, report, c.cell, body=m) for m in c.members):
                continue
            source_id = a.source_id(c.respondent)
            values = {
                "label": c.label,
                "field": c.field or "",
                "legal_form": c.legal_form,
                "members": ";".join(sorted(c.members, key=order.index)),
                "lead": c.lead or "",
                "since": c.since.isoformat() if c.since else "",
                "scope": c.scope,
            }
            row = table.find(id=c.id) if c.id else None
            if row is None:
                row = self._same_cooperation(table, values)
            origin = f"{a.file}, {c.cell}"
            if row is None:
                cid = c.id if c.id and table.find(id=c.id) is None else self._new_id(c.respondent)
                report.changes.append(
                    Change(
                        "cooperations.csv",
                        cid,
                        "*",
                        None,
                        f"{values['label']} ({values['members']})",
                        source_id,
                        "added",
                        origin,
                    )
                )
                table.add({"id": cid, **values, "source": source_id})
                self._source(a, c.respondent)
                continue
            diffs = [k for k in COOP_ATTRS if not _same_attr(k, row.get(k, ""), values[k])]
            if not diffs:
                continue
            status = "changed" if accept else "pending"
            for k in diffs:
                report.changes.append(
                    Change(
                        "cooperations.csv",
                        row["id"],
                        k,
                        row.get(k) or None,
                        values[k] or None,
                        source_id,
                        status,
                        origin,
                    )
                )
            if accept:
                row.update({k: values[k] for k in diffs})
                # the survey answer is added to the row's sources; the earlier ones stay
                sources = [i for i in row.get("source", "").split(";") if i]
                row["source"] = ";".join([*(i for i in sources if i != source_id), source_id])
                table.touch(row)
                self._source(a, c.respondent)

    def _same_cooperation(self, table, values) -> dict | None:
        members = set(values["members"].split(";"))
        for row in table.rows:
            if (
                row.get("field", "") == values["field"]
                and row.get("legal_form") == values["legal_form"]
                and set(filter(None, row.get("members", "").split(";"))) == members
            ):
                return row
        return None

    def _new_id(self, body: str) -> str:
        ids = {r.get("id") for r in self.tables["cooperations.csv"].rows}
        k = 1
        while f"survey_{body}_{k}" in ids:
            k += 1
        return f"survey_{body}_{k}"

    def _source(self, a: Answers, body: str):
        table = self.tables["sources.csv"]
        sid = a.source_id(body)
        if table.find(id=sid) is not None:
            return
        r = a.respondents[body]
        table.add(
            {
                "id": sid,
                "grade": "V",
                "title": f"{a.source(body)}: Antworten im Fragebogen {L.VERSION}",
                "url": f"Fragebogen {L.VERSION}, ausgefüllt von {r.name}, Datum der Angaben "
                f"{r.date.isoformat()}",
            }
        )

    # -- body_weights.csv ------------------------------------------------------------------
    def _weights(self, a, accept, report):
        table = self.tables["body_weights.csv"]
        for w in a.weights:
            if self._unknown(a, report, w.cell, body=w.body):
                continue
            source = a.source(w.body)
            total = sum(w.points.values())
            new = {g: round(p / total, 6) for g, p in w.points.items()}
            rows = {g: table.find(body=w.body, level="group", id=g) for g in new}
            old = {
                g: _parse(r.get("weight", ""), "weight") if r else None for g, r in rows.items()
            }
            if all(o is not None and _same(o, new[g]) for g, o in old.items()):
                continue
            differs = any(o is not None and not _same(o, new[g]) for g, o in old.items())
            held = differs and not accept  # a body's weights are one answer: all or none
            for g in new:
                if old[g] is not None and _same(old[g], new[g]):
                    continue
                status = "pending" if held else ("added" if old[g] is None else "changed")
                report.changes.append(
                    Change(
                        "body_weights.csv",
                        f"{w.body}/group/{g}",
                        "weight",
                        old[g],
                        new[g],
                        source,
                        status,
                        f"{a.file}, {w.cells.get(g, w.cell)}",
                    )
                )
            if held:
                continue
            for g, weight in new.items():
                values = {"weight": _fmt(weight), "source": source}
                if "assumption" in table.header:
                    values["assumption"] = ""
                if rows[g] is None:
                    table.add({"body": w.body, "level": "group", "id": g, **values})
                else:
                    rows[g].update(values)
                    table.touch(rows[g])


def _same_attr(key: str, old: str, new: str) -> bool:
    if key == "members":
        return set(filter(None, old.split(";"))) == set(filter(None, new.split(";")))
    return (old or "").strip() == (new or "").strip()


def _with_remark(source: str, remark: str | None) -> str:
    return f"{source}: {remark}" if remark else source
