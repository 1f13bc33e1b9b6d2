"""Merging survey answers into a dataset folder, never overwriting anything silently.

:func:`merge` writes the bodies' answers into ``body_fields.csv``, ``fulfilment.csv``,
``cooperations.csv`` (with a row in ``sources.csv`` per body and date) and
``body_weights.csv``. A value that differs from the one already in the folder is a *diff*
(old → new) and is written only with ``accept=True``. The previous version of every file
that changes is kept in ``.history/NNNN/`` with a ``manifest.json``; :func:`restore` puts
it back.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from potential import files
from potential.errors import InputError
from potential.survey import layout as L
from potential.survey.answers import Answers, Problem, format_problem, read_answers

HISTORY = ".history"
MANIFEST = "manifest.json"

#: Header of each table the merge writes, if the folder does not have the file yet.
HEADERS = {
    "body_fields.csv": ["body", "field", "annual_cost_eur", "fte", "leaving_share", "source"],
    "fulfilment.csv": ["body", "obligation", "fulfilment", "source"],
    "cooperations.csv": [
        "id", "label", "field", "legal_form", "members", "lead", "since", "scope", "source",
    ],
    "sources.csv": ["id", "grade", "title", "url"],
    "body_weights.csv": ["body", "level", "id", "weight", "source"],
}  # fmt: skip
#: Numeric columns of ``body_fields.csv`` (the others are text).
NUMERIC = ("annual_cost_eur", "fte", "leaving_share", "cases_per_year", "fulfilment")
#: Columns of ``body_fields.csv`` that hold a body's figures.
FIGURES = ("annual_cost_eur", "fte", "leaving_share", "cases_per_year", "provider")
COOP_ATTRS = ("label", "field", "legal_form", "members", "lead", "since", "scope")


@dataclass(frozen=True)
class Change:
    """One value the merge added, changed, or holds back as a diff.

    Attributes
    ----------
    file : str
        ``body_fields.csv``, ``fulfilment.csv``, ``cooperations.csv`` or ``body_weights.csv``.
    key : str
        The row: ``boenen/it``, ``boenen/ozg``, a cooperation id, ``boenen/group/personal``.
    column : str
    old, new : object
        ``old`` is ``None`` where the folder had no value.
    source : str
        Where the new value comes from: ``Umfrage Bönen 2026-12-01``.
    status : {"added", "changed", "pending"}
        ``added``: there was no value; ``changed``: a different value was replaced
        (``accept=True``); ``pending``: a different value was kept and the new one not
        written (a diff).
    origin : str
        The answer file and cell.
    """

    file: str
    key: str
    column: str
    old: object
    new: object
    source: str
    status: str
    origin: str


@dataclass
class MergeReport:
    """What :func:`merge` did.

    Attributes
    ----------
    into : Path
    created : bool
        The folder did not exist and was made from a copy of the dataset.
    changes : list of Change
        Every value added or changed, and every diff held back (``status == "pending"``).
    problems : list of Problem
        The problems of every answer file (errors and notes).
    merged, skipped : list of str
        Answer files merged (wholly, or their valid cells with ``partial=True``) and files
        not merged because they have errors.
    written : list of str
        The dataset files written.
    history : Path or None
        The folder with the previous versions of the files written.
    """

    into: Path
    created: bool = False
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    merged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    written: list = field(default_factory=list)
    history: Path | None = None

    @property
    def pending(self) -> list[Change]:
        """Diffs not written (values that differ from the folder's; need ``accept=True``)."""
        return [c for c in self.changes if c.status == "pending"]

    @property
    def applied(self) -> list[Change]:
        """Values written."""
        return [c for c in self.changes if c.status != "pending"]

    @property
    def complete(self) -> bool:
        """Every answer file merged without errors, and no diff held back."""
        return (
            not self.pending
            and not self.skipped
            and not any(p.severity == "error" for p in self.problems)
        )

    def lines(self, lang: str = "de") -> list[str]:
        """The report as lines of text (German or English), for the command line."""
        de = lang == "de"
        out = [format_problem(p, lang) for p in self.problems]
        if self.created:
            out.append(
                f"{self.into}: neu angelegt als Kopie des Datensatzes"
                if de
                else f"{self.into}: created as a copy of the dataset"
            )
        for name in self.skipped:
            out.append(
                f"{name}: nicht übernommen, die Datei hat Fehler (mit --partial werden die "
                "gültigen Zellen übernommen)"
                if de
                else f"{name}: not merged, the file has errors (--partial merges its valid cells)"
            )
        for c in self.changes:
            old, new = _show(c.old, lang), _show(c.new, lang)
            what = f"{c.file} {c.key} {c.column}: {old} → {new} [{c.source}] ({c.origin})"
            if c.status == "pending":
                out.append(
                    f"Abweichung, nicht geschrieben: {what} – mit --accept übernehmen"
                    if de
                    else f"diff, not written: {what} – use --accept to take it over"
                )
            else:
                kind = {"added": ("neu", "added"), "changed": ("geändert", "changed")}[c.status]
                out.append(f"{kind[0] if de else kind[1]}: {what}")
        if self.written:
            folder = str(self.into)
            out.append(
                (f"geschrieben in {folder}: " if de else f"written to {folder}: ")
                + ", ".join(self.written)
            )
            if self.history is not None:
                out.append(
                    f"vorherige Fassung: {self.history}"
                    if de
                    else f"previous version: {self.history}"
                )
        else:
            out.append(f"{self.into}: keine Änderung" if de else f"{self.into}: nothing changed")
        return out


def _show(value, lang):
    if value is None or value == "":
        return "(leer)" if lang == "de" else "(empty)"
    if isinstance(value, float):
        return _fmt(value)
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)


def _fmt(value) -> str:
    """A number as the CSV files write it: ``2000000``, ``0.35``."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def _parse(value: str, column: str):
    if value is None or value == "":
        return None
    if column in NUMERIC or column == "weight":
        try:
            return float(value)
        except ValueError:
            return value
    return value


def import_files(
    paths,
    into,
    dataset=None,
    accept: bool = False,
    partial: bool = False,
    criteria="ikz-egov-nrw",
) -> MergeReport:
    """Read answer files and merge them into a dataset folder (the command line's import).

    Parameters
    ----------
    paths : iterable of str or Path
        The filled workbooks, merged in this order.
    into : str or Path
        The dataset folder to merge into; made from a copy of ``dataset`` if it does not
        exist. The answers are checked against ``into``'s data if it exists, else against
        ``dataset``'s.
    dataset, accept, partial, criteria
        As :func:`merge`.

    Returns
    -------
    MergeReport
    """
    from potential.datasets import load_dataset

    into = Path(into)
    target = into if (into / "dataset.yaml").is_file() else dataset
    ds = load_dataset(target) if not _is_dataset(target) else target
    answers = [read_answers(p, ds, criteria)[0] for p in paths]
    return merge(answers, into, dataset, accept=accept, partial=partial, criteria=criteria)


def _is_dataset(obj) -> bool:
    from potential.models import Dataset

    return isinstance(obj, Dataset)


def merge(
    answers_list,
    into,
    dataset=None,
    accept: bool = False,
    partial: bool = False,
    criteria="ikz-egov-nrw",
) -> MergeReport:
    """Merge valid answers into a dataset folder.

    Parameters
    ----------
    answers_list : iterable of Answers (or of the pairs :func:`read_answers` returns)
        Merged in order; a later file's different value is a diff against the earlier one.
    into : str or Path
        A dataset folder. If it does not exist, it is made from a copy of ``dataset``'s
        folder (the copy appears only when everything is in place).
    dataset : str, Path or Dataset, optional
        The dataset copied when ``into`` does not exist; default ``kreis-unna``.
    accept : bool
        Write values that differ from those in ``into`` (the old file is kept in
        ``.history``). Without it they are reported as diffs and not written.
    partial : bool
        Merge the valid cells of files that have errors. Without it such a file is not
        merged at all.
    criteria : str, Path or CriteriaModel
        The model the body weights are checked against.

    Returns
    -------
    MergeReport

    Raises
    ------
    InputError
        ``into`` exists but is not a dataset folder (or does not load), or is the embedded
        dataset, or the merged data would not load (nothing is written then).
    """
    from potential.datasets import load_dataset, resolve_dataset_path
    from potential.resources import data_dir
    from potential.survey.template import _criteria

    into = Path(into)
    model = _criteria(criteria)
    answers = [a[0] if isinstance(a, tuple) else a for a in answers_list]
    created = not into.exists()
    if created:
        base = Path(dataset.path) if _is_dataset(dataset) else resolve_dataset_path(dataset)
        into.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{into.name}.", suffix=".tmp", dir=into.parent))
        os.chmod(work, 0o777 & ~files._umask())  # mkdtemp makes 0700; a dataset is shared
        for item in sorted(base.iterdir()):
            if item.is_file() and not item.name.startswith("."):
                shutil.copy2(item, work / item.name)
    else:
        if not into.is_dir():
            raise InputError("exists and is not a folder; expected a dataset folder", str(into))
        resolve_dataset_path(into)  # dataset.yaml must be there
        if into.resolve().is_relative_to(data_dir().resolve()):
            raise InputError(
                "is an embedded dataset of the package; merge into a folder of your own "
                "(it is made from a copy if it does not exist)",
                str(into),
            )
        work = into
    try:
        current = load_dataset(work)
        state = _State(work, current)
        report = MergeReport(into=into, created=created)
        for a in answers:
            report.problems.extend(a.problems)
            if a.errors and not partial:
                report.skipped.append(a.file)
                continue
            state.apply(a, accept, report)
            report.merged.append(a.file)
        outputs = state.outputs()
        if outputs:
            _check(work, outputs, model, current)
            report.history = _keep_history(work, outputs, report, answers, accept, partial)
            files.write_outputs(
                work, {name: _bytes_writer(data) for name, data in outputs.items()}
            )
            report.written = sorted(outputs)
            if created:
                report.history = into / report.history.relative_to(work)
        if created:
            os.replace(work, into)
    except BaseException:
        if created and work.exists():
            shutil.rmtree(work)
        raise
    return report


def _bytes_writer(data: bytes):
    def write(path: Path) -> None:
        Path(path).write_bytes(data)

    return write


class _Table:
    """A CSV table as rows; unchanged rows are written back exactly as they were read."""

    def __init__(self, folder: Path, name: str, required=()):
        self.name = name
        self.path = folder / name
        self.exists = self.path.exists()
        self.rows: list[dict] = []
        self.clean: dict[int, str] = {}  # id(row) → its text in the file, while unchanged
        self.delimiter = ","
        self.changed = False
        if not self.exists:
            self.header = list(HEADERS[name])
            self.head_text = None
            return
        files.read_csv_rows(self.path, tuple(required))  # the file's own checks
        text = self.path.read_text(encoding="utf-8-sig")
        lines = io.StringIO(text, newline="").readlines()
        first = lines[0] if lines else ""
        german = first.count(";") > first.count(",")
        self.delimiter = ";" if german else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        self.header = [h.strip() for h in next(reader)]
        self.head_text = "".join(lines[: reader.line_num])
        before = reader.line_num
        for fields in reader:
            raw = "".join(lines[before : reader.line_num])
            before = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            cells = [f.strip() for f in fields]
            if german:
                cells = [files._DECIMAL_COMMA.sub(r"\1.\2", c) for c in cells]
            row = dict(zip(self.header, cells, strict=False))
            self.rows.append(row)
            self.clean[id(row)] = raw if raw.endswith(("\n", "\r")) else raw + "\n"

    def need(self, column: str):
        if column not in self.header:
            self.header.append(column)
            self.head_text = None
            for row in self.rows:
                row.setdefault(column, "")
            self.clean.clear()

    def find(self, **key) -> dict | None:
        for row in self.rows:
            if all(row.get(k, "") == v for k, v in key.items()):
                return row
        return None

    def add(self, row: dict):
        for column in row:
            self.need(column)
        self.rows.append({c: row.get(c, "") for c in self.header})
        self.changed = True

    def touch(self, row: dict):
        """Mark a row as changed (it is written anew)."""
        self.clean.pop(id(row), None)
        self.changed = True

    def data(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator="\n")
        if self.head_text is not None:
            buffer.write(self.head_text)
        else:
            writer.writerow(self.header)
        for row in self.rows:
            if id(row) in self.clean:
                buffer.write(self.clean[id(row)])
            else:
                writer.writerow([row.get(c, "") for c in self.header])
        return buffer.getvalue().encode("utf-8")


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
                        f"eine {kind} des Zieldatensatzes; nicht übernommen",
                        f"a {kind} of the target dataset; not merged",
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
                row["source"] = source_id
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
                        f"{a.file}, {w.cell}",
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


def _check(work: Path, outputs: dict[str, bytes], model, current):
    """Load the merged folder in a scratch copy; nothing is written if it fails."""
    from potential.criteria import load_body_weights
    from potential.datasets import load_dataset

    scratch = Path(tempfile.mkdtemp(prefix=".potential-check.", dir=work.parent))
    try:
        for item in work.iterdir():
            if item.is_file() and not item.name.startswith("."):
                shutil.copy2(item, scratch / item.name)
        for name, data in outputs.items():
            (scratch / name).write_bytes(data)
        try:
            load_dataset(scratch)
            if "body_weights.csv" in outputs:
                load_body_weights(
                    scratch / "body_weights.csv", model, [b.id for b in current.bodies]
                )
        except InputError as exc:
            raise InputError(
                f"the merged data would not load ({exc.problem}, in "
                f"{Path(exc.where or '').name}); nothing was written",
                str(work),
            ) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _next_entry(folder: Path) -> Path:
    root = folder / HISTORY
    numbers = (
        [int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit()]
        if (root.is_dir())
        else []
    )
    return root / f"{max(numbers, default=0) + 1:04d}"


def _keep_history(work, outputs, report, answers, accept, partial) -> Path:
    """Copy the files about to change into ``.history/NNNN/`` with a manifest."""
    entry = _next_entry(work)
    previous = {}
    before = {}
    for name in sorted(outputs):
        path = work / name
        if path.exists():
            data = path.read_bytes()
            previous[name] = data
            before[name] = _sha(data)
        else:
            before[name] = None
    inputs = []
    for a in answers:
        path = Path(a.file)
        sha = _sha(path.read_bytes()) if path.is_file() else None
        inputs.append({"file": a.file, "sha256": sha, "merged": a.file in report.merged})
    manifest = {
        "entry": int(entry.name),
        "made_by": "potential.survey.merge",
        "template": L.VERSION,
        "accept": accept,
        "partial": partial,
        "answers": inputs,
        "files": {
            name: {"before": before[name], "after": _sha(outputs[name])}
            for name in sorted(outputs)
        },
        "restore": (
            "copy the files of this folder back into the dataset folder and delete the files "
            "whose 'before' is null; or call potential.survey.restore(folder, entry)"
        ),
        "changes": [asdict(c) for c in report.changes if c.status != "pending"],
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n"
    writers = {name: _bytes_writer(data) for name, data in previous.items()}
    writers[MANIFEST] = _bytes_writer(text.encode("utf-8"))
    files.write_outputs(entry, writers)
    return entry


def history(into) -> list[dict]:
    """The manifests of a folder's history entries, oldest first."""
    root = Path(into) / HISTORY
    if not root.is_dir():
        return []
    entries = sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    return [json.loads((p / MANIFEST).read_text(encoding="utf-8")) for p in entries]


def restore(into, entry: int | None = None) -> Path:
    """Put the files of a history entry back as they were before that merge.

    The files as they are now are kept as a new history entry first, so a restore can be
    undone the same way.

    Parameters
    ----------
    into : str or Path
        The dataset folder.
    entry : int, optional
        The entry number (``.history/0003`` is 3); default the latest.

    Returns
    -------
    Path
        The new history entry that keeps the state before the restore.
    """
    into = Path(into)
    root = into / HISTORY
    entries = (
        sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
        if (root.is_dir())
        else []
    )
    if not entries:
        raise InputError("has no history (.history); nothing to restore", str(into))
    folder = entries[-1] if entry is None else root / f"{int(entry):04d}"
    if not (folder / MANIFEST).is_file():
        names = ", ".join(str(int(p.name)) for p in entries)
        raise InputError(f"no history entry {entry}; expected one of {names}", str(into))
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    back = {name: (folder / name).read_bytes() for name, f in manifest["files"].items()
            if f["before"] is not None}  # fmt: skip
    remove = [name for name, f in manifest["files"].items() if f["before"] is None]
    now = {
        name: (into / name).read_bytes() for name in manifest["files"] if (into / name).exists()
    }
    keep = _next_entry(into)
    record = {
        "entry": int(keep.name),
        "made_by": "potential.survey.restore",
        "restores": int(folder.name),
        "files": {
            name: {
                "before": _sha(now[name]) if name in now else None,
                "after": _sha(back[name]) if name in back else None,
            }
            for name in sorted(manifest["files"])
        },
    }
    writers = {name: _bytes_writer(data) for name, data in now.items()}
    writers[MANIFEST] = _bytes_writer(
        (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    )
    files.write_outputs(keep, writers)
    if back:
        files.write_outputs(into, {name: _bytes_writer(data) for name, data in back.items()})
    for name in remove:
        if (into / name).exists():
            (into / name).unlink()
    return keep
