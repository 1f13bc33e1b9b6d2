"""Opening an answer file: what kind of file it is, its template version, its sheets.

Also the values the template was pre-filled with (the hidden metadata sheet), against
which changed values are told apart from estimates left as they were.
"""

from __future__ import annotations

import io
import warnings
import zipfile

from potential.messages import both, message
from potential.survey import layout as L
from potential.survey import limits


class _FileChecks:
    """Opening and checking the workbook as a whole (part of
    :class:`~potential.survey.reading._Reader`)."""

    def _open(self) -> bool:
        path = self.path
        if not path.exists():
            self.file_problem(*both("survey.file.not_found"))
            return False
        if path.is_dir():
            self.file_problem(*both("survey.file.is_folder"))
            return False
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            self.file_problem(
                *both(
                    "survey.limits.file_size",
                    found=limits.megabytes(size),
                    limit=limits.megabytes(limits.MAX_FILE_BYTES),
                )
            )
            return False
        self.data = path.read_bytes()
        if not self.data:
            self.file_problem(*both("survey.file.empty"))
            return False
        what = _sniff(self.data)
        if what is not None:
            key = "survey.file.not_excel"
            self.file_problem(
                message(key, lang="de", what=message(what, lang="de")),
                message(key, lang="en", what=message(what, lang="en")),
            )
            return False
        if not self._macros():
            return False
        found = limits.workbook_problem(self.data)
        if found is not None:
            key, values = found
            self.file_problem(*both(key, **values))
            return False
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():  # openpyxl's notes on parts it drops are no use
                warnings.simplefilter("ignore")
                self.wb = load_workbook(io.BytesIO(self.data))
        except Exception as exc:
            self.file_problem(*both("survey.file.damaged", error=type(exc).__name__))
            return False
        return True

    def _macros(self) -> bool:
        """Refuse a macro-enabled workbook (also one renamed ``.xlsx``); False if refused.

        The check is :func:`potential.survey.macros.macro_part` on the bytes already read. A
        damaged archive is left to :func:`limits.workbook_problem`.
        """
        from potential.survey.macros import macro_part

        part = macro_part(self.path, self.data)
        if part is None:
            return True
        self.file_problem(*both("neutralise.macros", part=part))
        return False

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
                *both("survey.file.other_version", version=L.VERSION),
            )
            return False
        if not versions:
            sheet = next((s for s, c, _ in found if c == L.VERSION_CELL), None)
            self.problem(
                sheet or L.sheet_name("instructions", "de"),
                L.VERSION_CELL,
                None,
                *both("survey.file.no_version", version=L.VERSION),
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
                *both(
                    "survey.file.other_dataset", made=self.answers.dataset_id, read=self.ds.meta.id
                ),
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
                    *both("survey.file.duplicate_sheet", base=base, filled=filled),
                )
            elif filled:
                self.problem(
                    name,
                    None,
                    None,
                    *both("survey.file.unknown_sheet", filled=filled),
                    "note",
                )
        for key in L.DATA_SHEETS:
            if self.names[key] not in self.wb.sheetnames:
                self.problem(
                    self.names[key],
                    None,
                    None,
                    *both("survey.file.sheet_missing"),
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
            *both("survey.file.no_prefill"),
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


def _sniff(data: bytes) -> str | None:
    """What a file that is not an .xlsx workbook is (a message key), or ``None`` if it is one."""
    if data[:4] == b"%PDF":
        return "survey.file.kind.pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "survey.file.kind.xls"
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "xl/workbook.xml" in names:
                    return None
                if "mimetype" in names and b"opendocument" in z.read("mimetype")[:200]:
                    return "survey.file.kind.ods"
        except limits.DAMAGED_ERRORS:
            return None  # a damaged workbook: reported by the limits or by openpyxl
        return "survey.file.kind.zip"
    sample = data[:4096]
    try:
        sample.decode("utf-8")
        text = True
    except UnicodeDecodeError:
        text = sum(32 <= b < 127 or b in (9, 10, 13) for b in sample) > 0.9 * len(sample)
    if text:
        return "survey.file.kind.text"
    return "survey.file.kind.unknown"
