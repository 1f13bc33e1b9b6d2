"""Reading a filled questionnaire: every cell checked, every problem reported at once.

:func:`read_answers` never raises for a bad file. It returns the valid answers together
with a list of :class:`Problem` (sheet, cell, value, what was expected), so the county's
staff can send one complete list of corrections back to a town.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from potential import labels
from potential.survey import layout as L

_BAD = object()  # a cell whose value was reported as a problem


@dataclass(frozen=True)
class Problem:
    """One problem in an answer file.

    Attributes
    ----------
    file : str
        The file as given.
    sheet, cell : str or None
        Where: ``"Handlungsfelder"`` and ``"D7"``; ``None`` for the whole file or sheet.
    value : object
        The value found (``None``: empty).
    expected : str
        What was expected, in German; ``expected_en`` in English.
    severity : {"error", "note"}
        An error keeps the file from being merged (unless ``partial=True``, and then only
        the cell or row is left out); a note only informs.
    """

    file: str
    sheet: str | None
    cell: str | None
    value: object
    expected: str
    expected_en: str
    severity: str = "error"

    @property
    def location(self) -> str:
        """``Handlungsfelder!D7``, the sheet alone, or ``""``."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""


def _shown(value, lang: str) -> str:
    if value is None:
        return "(leer)" if lang == "de" else "(empty)"
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, str) else str(value)


def format_problem(problem: Problem, lang: str = "de") -> str:
    """One line: file, location, value and what was expected.

    Examples
    --------
    ``boenen.xlsx, Handlungsfelder!D7: 'ca. 50.000' – erwartet: eine Zahl ≥ 0 in EUR/Jahr
    ...``; notes start with ``Hinweis:`` (``note:``).
    """
    where = ", ".join(p for p in (problem.file, problem.location) if p)
    text = problem.expected if lang == "de" else (problem.expected_en or problem.expected)
    if problem.severity == "note":
        kind = "Hinweis" if lang == "de" else "note"
    else:
        kind = "Fehler" if lang == "de" else "error"
    value = ""
    if problem.cell is not None:
        value = f"{_shown(problem.value, lang)} – "
        if problem.severity == "error":
            text = ("erwartet: " if lang == "de" else "expected: ") + text
    return f"{where}: {kind}: {value}{text}"


@dataclass(frozen=True)
class Respondent:
    """A body's master data: contact (not merged) and the date of its answers."""

    body: str
    name: str
    contact: str | None
    contact_details: str | None
    date: dt.date | None


@dataclass(frozen=True)
class FieldAnswer:
    """A figure a body reported for a field (``column`` of ``body_fields.csv``).

    ``value`` is in the dataset's unit (``leaving_share`` as 0–1); ``cell`` is
    ``Handlungsfelder!D7``.
    """

    body: str
    field: str
    column: str
    value: float | str
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class DutyAnswer:
    """How far a body meets a duty (0–1) as it answered."""

    body: str
    obligation: str
    fulfilment: float
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class CooperationAnswer:
    """A cooperation a body reported: a correction of a known one (``id``) or a new one."""

    respondent: str
    id: str | None
    label: str
    field: str | None
    legal_form: str
    members: tuple[str, ...]
    lead: str | None
    since: dt.date | None
    scope: str
    cell: str
    remark: str | None = None


@dataclass(frozen=True)
class WeightAnswer:
    """A body's points per criteria group (relative importance)."""

    body: str
    points: dict
    cell: str


@dataclass
class Answers:
    """The valid answers of one file, and every problem found in it.

    Attributes
    ----------
    file : str
    version, lang, dataset_id, criteria_id : str or None
        From the workbook (template version, its language, the dataset and criteria model
        it was made for).
    respondents : dict of str to Respondent
        The bodies of the workbook (sheet *Stammdaten*).
    values, fulfilment, cooperations, weights : list
        The valid answers (:class:`FieldAnswer`, :class:`DutyAnswer`,
        :class:`CooperationAnswer`, :class:`WeightAnswer`). Estimates left unchanged are not
        answers; neither are known cooperations left unchanged.
    problems : list of Problem
    """

    file: str
    version: str | None = None
    lang: str = "de"
    dataset_id: str | None = None
    criteria_id: str | None = None
    respondents: dict = field(default_factory=dict)
    values: list = field(default_factory=list)
    fulfilment: list = field(default_factory=list)
    cooperations: list = field(default_factory=list)
    weights: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity ``error``."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        """True if the file has no errors."""
        return not self.errors

    def source(self, body: str) -> str:
        """Source text of a body's answers: ``Umfrage Bönen 2026-12-01``."""
        r = self.respondents[body]
        return f"Umfrage {r.name} {r.date.isoformat()}"

    def source_id(self, body: str) -> str:
        """Id of the row in ``sources.csv`` for a body's answers: ``survey-boenen-2026-12-01``."""
        return f"survey-{body}-{self.respondents[body].date.isoformat()}"

    def count(self) -> int:
        """Number of answers (values, duties, cooperations, weight sets)."""
        return len(self.values) + len(self.fulfilment) + len(self.cooperations) + len(self.weights)


def read_answers(path, dataset=None, criteria="ikz-egov-nrw") -> tuple[Answers, list[Problem]]:
    """Read and check a filled questionnaire.

    Parameters
    ----------
    path : str or Path
        The workbook (``.xlsx``) a body sent back.
    dataset : str, Path or Dataset, optional
        The dataset whose bodies, fields, duties and legal forms the answers must name;
        default ``kreis-unna``.
    criteria : str, Path or CriteriaModel
        The criteria model whose groups the weights must name.

    Returns
    -------
    (Answers, list of Problem)
        The valid answers, and every problem found (also in ``Answers.problems``). A missing,
        empty or unreadable file, or one from another template version, gives empty answers
        and one problem.
    """
    from potential.survey.template import _criteria, _dataset

    reader = _Reader(Path(path), str(path), _dataset(dataset), _criteria(criteria))
    reader.run()
    return reader.answers, reader.answers.problems


#: (German, English) of what a number cell expects, by kind.
_EXPECT = {
    "eur": (
        "eine Zahl ≥ 0 in EUR/Jahr, ohne Text oder Einheit (z. B. 50000)",
        "a number ≥ 0 in EUR/year, without text or unit (e.g. 50000)",
    ),
    "fte": (
        "eine Zahl ≥ 0 in VZÄ, ohne Text (z. B. 2,5)",
        "a number ≥ 0 in FTE, without text (e.g. 2.5)",
    ),
    "percent": (
        "einen Anteil von 0 bis 100 (%), ohne Text",
        "a share from 0 to 100 (%), without text",
    ),
    "whole": ("eine ganze Zahl ≥ 0, ohne Text", "a whole number ≥ 0, without text"),
    "points": ("Punkte von 0 bis 100, ohne Text", "points from 0 to 100, without text"),
}
_KIND = {"annual_cost_eur": "eur", "fte": "fte", "leaving_share": "percent",
         "cases_per_year": "whole"}  # fmt: skip


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()[:10]
    text = " ".join(str(value).split())
    return text or None


class _Reader:
    def __init__(self, path: Path, file: str, dataset, model):
        self.path, self.ds, self.model = path, dataset, model
        self.answers = Answers(file=file)
        self.bodies = {b.id: b for b in dataset.bodies}
        self.fields = {f.id: f for f in dataset.fields}
        self.obligations = {o.id: o for o in dataset.obligations}
        self.forms = {f.id: f for f in dataset.legal_forms}
        self.coops = {c.id: c for c in dataset.cooperations}
        self.wb = None
        self._values_wb = None
        self.data = b""
        self.prefill: dict[tuple[str, str, str], object] = {}
        self.workbook_bodies: list[str] = []
        self.date_cells: dict[str, str] = {}

    # -- problems -------------------------------------------------------------------------
    def problem(self, sheet, cell, value, de, en, severity="error"):
        self.answers.problems.append(
            Problem(self.answers.file, sheet, cell, value, de, en, severity)
        )

    def file_problem(self, de, en):
        self.problem(None, None, None, de, en)

    # -- opening --------------------------------------------------------------------------
    def run(self):
        if not self._open():
            return
        if not self._version():
            return
        lang = self.answers.lang
        self.names = {key: L.sheet_name(key, lang) for key in L.SHEETS}
        self._sheets()
        self._prefill()
        self._master()
        self._fields()
        self._duties()
        self._cooperations()
        self._weights()
        self._finish()

    def _open(self) -> bool:
        path = self.path
        if not path.exists():
            self.file_problem(
                "Datei nicht gefunden; erwartet: eine ausgefüllte Vorlage (.xlsx)",
                "file not found; expected a filled template (.xlsx)",
            )
            return False
        if path.is_dir():
            self.file_problem(
                "ist ein Ordner; erwartet: eine Datei (.xlsx)",
                "is a folder; expected a file (.xlsx)",
            )
            return False
        self.data = path.read_bytes()
        if not self.data:
            self.file_problem(
                "leere Datei (0 Byte); erwartet: eine ausgefüllte Vorlage (.xlsx)",
                "empty file (0 bytes); expected a filled template (.xlsx)",
            )
            return False
        what = _sniff(self.data)
        if what is not None:
            de, en = what
            self.file_problem(
                f"keine Excel-Arbeitsmappe, sondern {de}; erwartet: die ausgefüllte Vorlage, "
                "in Excel als .xlsx gespeichert",
                f"not an Excel workbook but {en}; expected the filled template, saved from "
                "Excel as .xlsx",
            )
            return False
        from openpyxl import load_workbook

        try:
            self.wb = load_workbook(io.BytesIO(self.data))
        except Exception as exc:
            self.file_problem(
                f"beschädigte Arbeitsmappe ({type(exc).__name__}); erwartet: eine .xlsx-Datei, "
                "die Excel öffnen kann",
                f"damaged workbook ({type(exc).__name__}); expected an .xlsx file Excel can open",
            )
            return False
        return True

    def _version(self) -> bool:
        wb = self.wb
        found: list[tuple[str, str | None, object]] = []
        meta = {}
        if L.META_SHEET in wb.sheetnames:
            ws = wb[L.META_SHEET]
            for row in ws.iter_rows(min_row=1, max_row=8, max_col=2, values_only=True):
                if row[0] is not None:
                    meta[str(row[0])] = row[1]
            if "template" in meta:
                found.append((L.META_SHEET, "B1", meta["template"]))
        for prop in getattr(wb.custom_doc_props, "props", []):
            if prop.name == L.VERSION_PROPERTY:
                found.append(("(Dokumenteigenschaft)", None, prop.value))
        for lang in L.LANGS:
            name = L.sheet_name("instructions", lang)
            if name in wb.sheetnames:
                value = wb[name][L.VERSION_CELL].value
                found.append((name, L.VERSION_CELL, value))
        versions = [(s, c, v) for s, c, v in found if v not in (None, "")]
        other = [(s, c, v) for s, c, v in versions if str(v).strip() != L.VERSION]
        if other:
            sheet, cell, value = other[0]
            self.problem(
                sheet if cell else None,
                cell,
                value,
                f"Vorlagenversion {L.VERSION}; diese Datei stammt aus einer anderen Vorlage – "
                "bitte die Angaben in eine neue Vorlage übertragen",
                f"template version {L.VERSION}; this file comes from another template – please "
                "copy the answers into a new template",
            )
            return False
        if not versions:
            sheet = next((s for s, c, _ in found if c == L.VERSION_CELL), None)
            self.problem(
                sheet or L.sheet_name("instructions", "de"),
                L.VERSION_CELL,
                None,
                f"die Vorlagenversion {L.VERSION}; die Datei ist keine Vorlage von "
                "'potential survey template'",
                f"the template version {L.VERSION}; the file is no template of "
                "'potential survey template'",
            )
            return False
        self.answers.version = L.VERSION
        self.meta = meta
        lang = meta.get("lang")
        if lang not in L.LANGS:
            lang = "en" if L.sheet_name("fields", "en") in wb.sheetnames else "de"
        self.answers.lang = lang
        self.answers.dataset_id = meta.get("dataset")
        self.answers.criteria_id = meta.get("criteria")
        if self.answers.dataset_id and self.answers.dataset_id != self.ds.meta.id:
            self.problem(
                L.META_SHEET,
                None,
                self.answers.dataset_id,
                f"die Vorlage wurde für den Datensatz {self.answers.dataset_id!r} erstellt, "
                f"gelesen wird gegen {self.ds.meta.id!r}",
                f"the template was made for dataset {self.answers.dataset_id!r}, it is read "
                f"against {self.ds.meta.id!r}",
                "note",
            )
        return True

    def _sheets(self):
        known = {self.names[k] for k in L.SHEETS} | {L.META_SHEET}
        for name in self.wb.sheetnames:
            if name in known:
                continue
            ws = self.wb[name]
            filled = sum(
                1
                for row in ws.iter_rows(values_only=True)
                for v in row
                if v is not None and str(v).strip()
            )
            base = next(
                (
                    self.names[k]
                    for k in L.DATA_SHEETS
                    if self.names[k].casefold() in name.casefold()
                ),
                None,
            )
            if base is not None:
                self.problem(
                    name,
                    None,
                    None,
                    f"doppeltes Blatt (Kopie von „{base}“, {filled} ausgefüllte Zellen); gelesen "
                    f"wird nur „{base}“ – bitte die Angaben dort zusammenführen und die Kopie "
                    "löschen",
                    f"duplicated sheet (copy of '{base}', {filled} filled cells); only "
                    f"'{base}' is read – please merge the answers there and delete the copy",
                )
            elif filled:
                self.problem(
                    name,
                    None,
                    None,
                    f"unbekanntes Blatt mit {filled} ausgefüllten Zellen wird nicht gelesen",
                    f"unknown sheet with {filled} filled cells is not read",
                    "note",
                )
        for key in L.DATA_SHEETS:
            if self.names[key] not in self.wb.sheetnames:
                self.problem(
                    self.names[key],
                    None,
                    None,
                    "das Blatt fehlt; bitte die Vorlage unverändert verwenden",
                    "the sheet is missing; please use the template as it is",
                )

    def _prefill(self):
        if L.META_SHEET in self.wb.sheetnames:
            ws = self.wb[L.META_SHEET]
            rows = list(ws.iter_rows(values_only=True))
            start = next(
                (
                    i
                    for i, r in enumerate(rows)
                    if r and tuple(r[:4]) == ("body", "field", "column", "value")
                ),
                None,
            )
            if start is not None:
                for r in rows[start + 1 :]:
                    if r and r[0] is not None:
                        self.prefill[(str(r[0]), str(r[1]), str(r[2]))] = r[3]
                return
        from potential.indicators import body_field_inputs

        self.problem(
            L.META_SHEET,
            None,
            None,
            "das versteckte Blatt mit den vorbelegten Werten fehlt (Blätter in eine neue Datei "
            "kopiert?); als Schätzung gilt, was der Datensatz heute schätzt",
            "the hidden sheet with the pre-filled values is missing (sheets copied into a new "
            "file?); the dataset's current estimates count as the pre-filled values",
            "note",
        )
        inputs = body_field_inputs(self.ds)
        names = {"annual_cost": "annual_cost_eur", "fte": "fte", "leaving_share": "leaving_share"}
        for row in inputs.itertuples(index=False):
            for src, column in names.items():
                value = float(getattr(row, src))
                if column == "leaving_share":
                    value = round(value * 100, 10)
                self.prefill[(row.body, row.field, column)] = value

    # -- cells ----------------------------------------------------------------------------
    def _cell(self, ws, row: int, col: int):
        """(coordinate, value) of a cell; formulas give their saved result; blank → None."""
        cell = ws.cell(row, col)
        value = cell.value
        if cell.data_type == "f":
            value = self._cached(ws.title, cell.coordinate)
            if value is None:
                self.problem(
                    ws.title,
                    cell.coordinate,
                    cell.value,
                    "einen Wert statt einer Formel ohne gespeichertes Ergebnis",
                    "a value instead of a formula without a saved result",
                )
                return cell.coordinate, _BAD
        if isinstance(value, str):
            value = value.strip() or None
        return cell.coordinate, value

    def _cached(self, sheet, coordinate):
        if self._values_wb is None:
            from openpyxl import load_workbook

            self._values_wb = load_workbook(io.BytesIO(self.data), data_only=True)
        return self._values_wb[sheet][coordinate].value

    def _number(self, ws, row, col, kind):
        """A number cell: the value (percent cells as 0–100), ``None`` or ``_BAD``."""
        coord, value = self._cell(ws, row, col)
        if value is None or value is _BAD:
            return coord, value
        de, en = _EXPECT[kind]
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and not math.isfinite(value):
            ok = False
        if ok:
            number = float(value)
            if kind in ("percent", "points") and "%" in (ws.cell(row, col).number_format or ""):
                number = round(number * 100, 10)  # typed as '30 %' in a percent-formatted cell
            if number < 0 or (kind in ("percent", "points") and number > 100):
                ok = False
            elif kind == "whole" and not number.is_integer():
                ok = False
        if not ok:
            self.problem(ws.title, coord, value, de, en)
            return coord, _BAD
        return coord, number

    def _date(self, ws, row, col):
        coord, value = self._cell(ws, row, col)
        if value is None or value is _BAD:
            return coord, value
        date = None
        if isinstance(value, dt.datetime):
            date = value.date()
        elif isinstance(value, dt.date):
            date = value
        elif isinstance(value, str):
            for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
                try:
                    date = dt.datetime.strptime(value, fmt).date()
                    break
                except ValueError:
                    continue
        if date is None or not dt.date(1950, 1, 1) <= date <= dt.date(2100, 12, 31):
            self.problem(
                ws.title,
                coord,
                value,
                "ein Datum (TT.MM.JJJJ) zwischen 1950 und 2100",
                "a date (DD.MM.YYYY) between 1950 and 2100",
            )
            return coord, _BAD
        return coord, date

    def _columns(self, ws, spec: dict, extra: dict | None = None) -> dict | None:
        """Column index of every key of ``spec`` (by its header in either language)."""
        headers = {}
        for cell in ws[L.HEADER_ROW]:
            if cell.value is not None:
                headers.setdefault(" ".join(str(cell.value).split()).casefold(), cell.column)
        cols, missing = {}, []
        for key, pair in {**spec, **(extra or {})}.items():
            pairs = pair if isinstance(pair, tuple) else (pair,)
            found = next((headers[p.casefold()] for p in pairs if p.casefold() in headers), None)
            if found is None:
                missing.append(L.pick(pair, self.answers.lang) if key in spec else pairs[0])
            cols[key] = found
        if missing:
            self.problem(
                ws.title,
                f"A{L.HEADER_ROW}",
                None,
                f"die Spalte(n) {', '.join(repr(m) for m in missing)} in Zeile {L.HEADER_ROW}; "
                "das Blatt wird nicht gelesen – bitte die Vorlage unverändert verwenden",
                f"the column(s) {', '.join(repr(m) for m in missing)} in row {L.HEADER_ROW}; the "
                "sheet is not read – please use the template as it is",
            )
            return None
        return cols

    def _outside(self, ws, row, used: set[int]):
        for cell in ws[row]:
            if cell.column not in used and cell.value is not None and str(cell.value).strip():
                self.problem(
                    ws.title,
                    cell.coordinate,
                    cell.value,
                    "Inhalt außerhalb der Tabelle wird nicht gelesen; bitte in die Spalte "
                    "„Bemerkung“ schreiben",
                    "content outside the table is not read; please use the remark column",
                    "note",
                )

    def _body(self, ws, coord, value, master: bool = False) -> str | None:
        """A body id of the workbook, or ``None`` after reporting the problem."""
        if value is _BAD:
            return None
        if value is None:
            self.problem(ws.title, coord, None, "eine Körperschaft (ID)", "a body (id)")
            return None
        body = str(value).strip()
        if body not in self.bodies:
            known = ", ".join(self.bodies)
            self.problem(
                ws.title,
                coord,
                value,
                f"eine bekannte Körperschaft (ID): {known}",
                f"a known body (id): {known}",
            )
            return None
        if not master and body not in self.workbook_bodies:
            self.problem(
                ws.title,
                coord,
                value,
                "eine Körperschaft aus den Stammdaten dieser Datei: "
                + ", ".join(self.workbook_bodies),
                "a body from this file's master data: " + ", ".join(self.workbook_bodies),
            )
            return None
        return body

    def _sheet(self, key):
        name = self.names[key]
        return self.wb[name] if name in self.wb.sheetnames else None

    # -- sheets ---------------------------------------------------------------------------
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
                f"„{L.pick(label_pair, self.answers.lang)}“ in Zeile {label_row}; bitte die "
                "Vorlage unverändert verwenden",
                f"'{label_pair[1]}' in row {label_row}; please use the template as it is",
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
                    "jede Körperschaft nur einmal",
                    "each body only once",
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
                "mindestens eine bekannte Körperschaft (ID)",
                "at least one known body (id)",
            )

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

    def _peek(self, ws, row, col):
        value = ws.cell(row, col).value
        if isinstance(value, str) and not value.strip():
            return None
        return value

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
                        f"eine bekannte Pflicht (ID): {known}; die Zeile wird nicht übernommen",
                        f"a known duty (id): {known}; the row is not taken over",
                    )
                duty = None
            elif body is not None and (body, duty) in seen:
                self.problem(
                    ws.title,
                    ocoord,
                    ovalue,
                    f"jede Pflicht einmal je Körperschaft (schon in Zeile {seen[(body, duty)]})",
                    f"each duty once per body (already in row {seen[(body, duty)]})",
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
                    f"einen Erfüllungsstand aus der Liste: {choices}",
                    f"a fulfilment from the list: {choices}",
                )
                continue
            if body is not None and duty is not None:
                self.answers.fulfilment.append(
                    DutyAnswer(body, duty, share, f"{ws.title}!{scoord}", remark)
                )

    def _lookup(self, value, table: dict, label) -> str | None:
        """An id of ``table`` from an id or a label in either language."""
        text = str(value).strip()
        if text in table:
            return text
        for key in table:
            if text.casefold() in (label(key, lg).casefold() for lg in L.LANGS):
                return key
        return None

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
                    "eine bekannte Kooperation (ID); für eine neue Kooperation die ID leer lassen",
                    "a known cooperation (id); leave the id blank for a new cooperation",
                )
        new = cid is None
        lcoord, label = self._cell(ws, row, cols["label"])
        label = _text(label) if label is not _BAD else None
        if label is None and new:
            self.problem(title, lcoord, None, "eine Bezeichnung", "a name")
        fcoord, fvalue = self._cell(ws, row, cols["field"])
        field_id = known.field if known is not None else None  # blank keeps a known value
        if fvalue is None:
            if new:
                self.problem(
                    title,
                    fcoord,
                    None,
                    "ein Handlungsfeld aus der Liste (oder „anderes Feld“)",
                    "a field from the list (or 'other field')",
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
                        f"ein Handlungsfeld aus der Liste: {choices} oder "
                        f"{L.pick(L.OTHER_FIELD, lang)}",
                        f"a field from the list: {choices} or {L.OTHER_FIELD[1]}",
                    )
        gcoord, gvalue = self._cell(ws, row, cols["legal_form"])
        form = known.legal_form if known is not None else None
        if gvalue is None and form is None:
            self.problem(title, gcoord, None, "eine Rechtsform aus der Liste",
                         "a legal form from the list")  # fmt: skip
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
                    f"eine Rechtsform aus der Liste: {choices}",
                    f"a legal form from the list: {choices}",
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
                    f"„{L.PARTNER_MARK}“ für einen Partner oder leer",
                    f"'{L.PARTNER_MARK}' for a partner, or blank",
                )
        if new and respondent is not None and respondent not in members:
            members.append(respondent)  # the reporting body takes part in a new cooperation
        order = list(self.bodies)
        members.sort(key=order.index)
        first_partner = ws.cell(row, cols[next(iter(body_cols))]).coordinate
        if len(members) < 2:
            self.problem(
                title,
                first_partner,
                None,
                f"mindestens zwei Partner (mit „{L.PARTNER_MARK}“ markiert)",
                f"at least two partners (marked '{L.PARTNER_MARK}')",
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
                    "eine Körperschaft aus der Liste",
                    "a body from the list",
                )
            elif lead not in members:
                self.problem(
                    title,
                    dcoord,
                    dvalue,
                    "eine Federführung, die als Partner markiert ist",
                    "a lead body that is marked as a partner",
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
                    "einen Umfang aus der Liste: " + ", ".join(v[0] for v in L.SCOPES.values()),
                    "a scope from the list: " + ", ".join(v[1] for v in L.SCOPES.values()),
                )
        elif uvalue is not _BAD:
            scope = L.scope_key(uvalue)
            if scope is None:
                self.problem(
                    title,
                    ucoord,
                    uvalue,
                    "einen Umfang aus der Liste: " + ", ".join(v[0] for v in L.SCOPES.values()),
                    "a scope from the list: " + ", ".join(v[1] for v in L.SCOPES.values()),
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
                    f"eine Kriteriengruppe (ID) des Modells: {', '.join(groups)}",
                    f"a criteria group (id) of the model: {', '.join(groups)}",
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
                    "jede Kriteriengruppe einmal je Körperschaft",
                    "each criteria group once per body",
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
                    "Punkte für jede Kriteriengruppe (alle Gruppen oder keine ausfüllen)",
                    "points for every criteria group (fill in all groups or none)",
                )
            if missing:
                continue
            if sum(given.values()) <= 0:
                first = mine[groups[0]][0]
                self.problem(
                    ws.title,
                    first,
                    0,
                    "mindestens eine Gruppe mit mehr als 0 Punkten",
                    "at least one group with more than 0 points",
                )
                continue
            first = mine[groups[0]][0]
            self.answers.weights.append(
                WeightAnswer(body, {g: given[g] for g in groups}, f"{ws.title}!{first}")
            )

    def _finish(self):
        """Answers need their body's date (the source); drop those without one."""
        a = self.answers
        with_answers = (
            {v.body for v in a.values}
            | {d.body for d in a.fulfilment}
            | {c.respondent for c in a.cooperations}
            | {w.body for w in a.weights}
        )
        dropped = set()
        for body in sorted(with_answers, key=list(self.bodies).index):
            r = a.respondents.get(body)
            if r is not None and r.date is not None:
                continue
            dropped.add(body)
            cell = self.date_cells.get(body, "")
            if cell is None:
                continue  # a bad date, reported already
            self.problem(
                self.names["master"],
                cell or f"B{L.MASTER_ROWS['date'][0]}",
                None,
                "das Datum der Angaben (TT.MM.JJJJ); ohne Datum werden die Angaben nicht "
                "übernommen",
                "the date of the answers (DD.MM.YYYY); without it the answers are not taken over",
            )
        if dropped:
            a.values = [v for v in a.values if v.body not in dropped]
            a.fulfilment = [d for d in a.fulfilment if d.body not in dropped]
            a.cooperations = [c for c in a.cooperations if c.respondent not in dropped]
            a.weights = [w for w in a.weights if w.body not in dropped]


def _sniff(data: bytes) -> tuple[str, str] | None:
    """What a file that is not an .xlsx workbook is, or ``None`` if it is one."""
    if data[:4] == b"%PDF":
        return "eine PDF-Datei", "a PDF file"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return (
            "eine alte Excel-Datei (.xls) oder eine verschlüsselte Arbeitsmappe",
            "an old Excel file (.xls) or an encrypted workbook",
        )
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names:
                return None
            if "mimetype" in names and b"opendocument" in z.read("mimetype"):
                return "eine OpenDocument-Datei (.ods)", "an OpenDocument file (.ods)"
        return "ein anderes ZIP-Archiv", "another zip archive"
    sample = data[:4096]
    try:
        sample.decode("utf-8")
        text = True
    except UnicodeDecodeError:
        text = sum(32 <= b < 127 or b in (9, 10, 13) for b in sample) > 0.9 * len(sample)
    if text:
        return "eine Textdatei (z. B. CSV)", "a text file (e.g. CSV)"
    return "eine Datei unbekannten Formats", "a file of unknown format"
