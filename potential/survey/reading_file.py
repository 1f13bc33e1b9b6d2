"""Opening an answer file: what kind of file it is, its template version, its sheets.

Also the values the template was pre-filled with (the hidden metadata sheet), against
which changed values are told apart from estimates left as they were.
"""

from __future__ import annotations

import io
import zipfile

from potential.survey import layout as L


class _FileChecks:
    """Opening and checking the workbook as a whole (part of
    :class:`~potential.survey.reading._Reader`)."""

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
