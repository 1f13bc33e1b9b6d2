"""The questionnaire workbook a body fills in (``potential survey template``).

One workbook per body is the normal case: the county sends each town its own file. A
workbook for all bodies (``body=None``) holds one block of rows per body in every sheet,
for staff who collect the answers centrally. The layout is defined in
:mod:`potential.survey.layout` and described in ``docs/survey.md``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from potential import files, labels
from potential.errors import InputError
from potential.survey import layout as L

#: Colours (ARGB): locked cells grey, input cells light yellow, headers light blue.
LOCKED_FILL, INPUT_FILL, HEADER_FILL = "FFF2F2F2", "FFFFF2CC", "FFDDEBF7"
#: Excel number formats; Excel shows them with its locale's separators (a German Excel
#: shows ``1.070.680 €`` and ``8,03``).
EUR, FTE, PERCENT, COUNT, POINTS = '#,##0 "€"', "0.00", "0.0", "#,##0", "0"
DATE = "DD.MM.YYYY"
#: Dates a date cell accepts (Excel formulas for the data validation).
FIRST_DATE, LAST_DATE = "DATE(1950,1,1)", "DATE(2100,12,31)"


def _dataset(dataset):
    from potential.datasets import load_dataset
    from potential.models import Dataset

    return dataset if isinstance(dataset, Dataset) else load_dataset(dataset)


def _criteria(criteria):
    from potential.criteria import CriteriaModel, load_criteria

    return criteria if isinstance(criteria, CriteriaModel) else load_criteria(criteria)


def find_body(dataset, body: str):
    """The body with this id or name (case-insensitive); :class:`InputError` otherwise."""
    wanted = str(body).strip().casefold()
    for b in dataset.bodies:
        if wanted in (b.id.casefold(), b.name.casefold()):
            return b
    known = ", ".join(f"{b.id} ({b.name})" for b in dataset.bodies)
    raise InputError(f"unknown body {body!r}; expected one of {known}", "--body")


def _county(dataset):
    return next((b for b in dataset.bodies if b.kind == "kreis"), None)


def template(
    dataset=None,
    body: str | None = None,
    lang: str = "de",
    criteria="ikz-egov-nrw",
    return_to: str | None = None,
):
    """The questionnaire workbook for one body, or for all bodies.

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder or loaded dataset; default ``kreis-unna``.
        Its estimates (:func:`potential.indicators.body_field_inputs`), reported figures,
        duties and cooperations are pre-filled.
    body : str, optional
        Id or name of the body (``"boenen"`` or ``"Bönen"``). ``None``: one workbook with a
        block of rows per body.
    lang : {"de", "en"}
        Language of the texts; the import reads both.
    criteria : str, Path or CriteriaModel
        The criteria model whose groups the body weights (sheet *Gewichtung*).
    return_to : str, optional
        To whom the workbook goes back (instructions); default the county's working group.

    Returns
    -------
    openpyxl.Workbook
        Sheets *Anleitung*, *Stammdaten*, *Handlungsfelder*, *Pflichten*, *Kooperationen*,
        *Gewichtung*, the hidden *Listen* (choices of the drop-down lists) and the very
        hidden :data:`~potential.survey.layout.META_SHEET`.

    Raises
    ------
    InputError
        An unknown body or language.
    """
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    from potential.workbook import FIXED_TIMESTAMP

    if lang not in L.LANGS:
        raise InputError(f"unknown language {lang!r}; expected one of de, en", "--lang")
    ds = _dataset(dataset)
    model = _criteria(criteria)
    bodies = [find_body(ds, body)] if body is not None else list(ds.bodies)
    wb = Workbook()
    wb.remove(wb.active)
    book = _Book(wb, ds, model, bodies, lang)
    book.instructions(return_to)
    book.master()
    book.fields()
    book.duties()
    book.cooperations()
    book.weights()
    book.lists()
    book.meta()
    wb.active = 0
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "potential"
    wb.properties.title = L.pick(_T["title"], lang)
    wb.custom_doc_props.append(StringProperty(name=L.VERSION_PROPERTY, value=L.VERSION))
    return wb


def write_template(
    path: str | Path,
    dataset=None,
    body: str | None = None,
    lang: str = "de",
    criteria="ikz-egov-nrw",
    return_to: str | None = None,
) -> Path:
    """Write :func:`template` to ``path`` (``.xlsx``); the same inputs give the same bytes.

    The file appears complete or not at all (:func:`potential.files.write_outputs`).
    Parameters as :func:`template`; returns the path written.
    """
    from potential.workbook import _repack

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("expected a file name ending in .xlsx", str(path))
    wb = template(dataset, body=body, lang=lang, criteria=criteria, return_to=return_to)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    files.write_outputs(path.parent, {path.name: lambda target: _repack(data, target)})
    return path


#: Fixed texts: key → (German, English).
_T = {
    "title": (
        "Fragebogen interkommunale Zusammenarbeit (IKZ) – E-Government-Potenzialanalyse",
        "Questionnaire on inter-municipal cooperation (IKZ) – eGovernment potential analysis",
    ),
    "version": ("Vorlagenversion", "Template version"),
    "dataset": ("Datensatz", "Dataset"),
    "bodies": ("Körperschaft", "Body"),
    "all_bodies": (
        "alle Körperschaften (ein Block je Körperschaft)",
        "all bodies (one block per body)",
    ),
    "reference_date": ("Stichtag der Analyse", "Reference date of the analysis"),
    "return_default": (
        "an die Geschäftsstelle der Arbeitsgruppe E-Government / IKZ beim {county}",
        "to the office of the eGovernment / IKZ working group at {county}",
    ),
    "master_hint": (
        "Bitte Ansprechperson und Datum der Angaben eintragen (Datum: TT.MM.JJJJ).",
        "Please enter the contact person and the date of the answers (date: DD.MM.YYYY).",
    ),
    "fields_hint": (
        "Gelb: bitte prüfen und überschreiben. Zahlen ohne Text (kein „ca.“, keine Einheit). "
        "Herkunft auf „eigene Angabe“ setzen, wenn der Wert von Ihnen stammt.",
        "Yellow: please check and overwrite. Numbers without text (no 'approx.', no unit). "
        "Set the origin to 'own figure' where the value is yours.",
    ),
    "duties_hint": (
        "Erfüllungsstand aus der Liste wählen: nicht erfüllt (0 %), teilweise (33 %), "
        "weitgehend (67 %), vollständig (100 %). Leer lassen, wenn unbekannt.",
        "Choose the fulfilment from the list: not met (0 %), partly (33 %), largely (67 %), "
        "fully (100 %). Leave blank if unknown.",
    ),
    "coops_hint": (
        "Bestehende Kooperationen prüfen; neue in die freien Zeilen. Partner mit „x“ "
        "markieren; Ihre Körperschaft gehört bei neuen Zeilen immer dazu.",
        "Check the existing cooperations; add new ones in the empty rows. Mark partners "
        "with 'x'; your body always takes part in a new row.",
    ),
    "weights_hint": (
        "Wie wichtig ist Ihnen jede Kriteriengruppe? 0–100 Punkte je Gruppe; die Punkte "
        "werden ins Verhältnis gesetzt. Alle Gruppen oder keine ausfüllen.",
        "How important is each criteria group to you? 0–100 points per group; the points "
        "are taken relative to each other. Fill in all groups or none.",
    ),
    "known_none": (
        "unbekannt – gezählt als {share} (Standard)",
        "unknown – counted as {share} (default)",
    ),
    "known_from": ("bekannt aus: {source}", "known from: {source}"),
    "number_error": (
        "Bitte eine Zahl ≥ 0 eingeben, ohne Text oder Einheit.",
        "Please enter a number ≥ 0, without text or unit.",
    ),
    "percent_error": (
        "Bitte einen Anteil von 0 bis 100 (%) eingeben.",
        "Please enter a share from 0 to 100 (%).",
    ),
    "whole_error": (
        "Bitte eine ganze Zahl ≥ 0 eingeben.",
        "Please enter a whole number ≥ 0.",
    ),
    "date_error": (
        "Bitte ein Datum eingeben (TT.MM.JJJJ).",
        "Please enter a date (DD.MM.YYYY).",
    ),
    "list_error": (
        "Bitte einen Eintrag aus der Liste wählen.",
        "Please choose an entry from the list.",
    ),
    "points_error": (
        "Bitte Punkte von 0 bis 100 eingeben.",
        "Please enter points from 0 to 100.",
    ),
    "error_title": ("Ungültige Eingabe", "Invalid entry"),
}

#: The instructions, one paragraph per row; ``{return_to}`` and ``{version}`` are filled in.
_INSTRUCTIONS = {
    "de": [
        ("Worum es geht", True),
        (
            "Der Kreis und seine Städte und Gemeinden haben eine schriftliche Abfrage "
            "vereinbart. Ihre Angaben ersetzen in der Potenzialanalyse die Schätzungen, mit "
            "denen bisher gerechnet wird.",
            False,
        ),
        ("Was auszufüllen ist", True),
        (
            "Stammdaten: Ansprechperson für Rückfragen, Kontakt und das Datum der Angaben "
            "(Pflicht, TT.MM.JJJJ). Name und Kontakt werden nicht in den Datensatz übernommen.",
            False,
        ),
        (
            "Handlungsfelder: je Feld die jährlichen Kosten in Euro pro Jahr, das Personal in "
            "Vollzeitäquivalenten (VZÄ, z. B. 2,5), den Anteil des Personals, der in den "
            "nächsten 10 Jahren ausscheidet, in Prozent (0 bis 100), die Fallzahl pro Jahr "
            "und den derzeitigen Anbieter oder Dienstleister.",
            False,
        ),
        (
            "Pflichten: je gesetzlicher Pflicht der Erfüllungsstand aus der Liste: nicht "
            "erfüllt (0 %), teilweise (33 %), weitgehend (67 %), vollständig (100 %).",
            False,
        ),
        (
            "Kooperationen: die bekannten Kooperationen prüfen und berichtigen; neue "
            "Kooperationen in die freien Zeilen eintragen (Bezeichnung, Handlungsfeld, "
            "Rechtsform, Umfang, Partner mit „x“, Federführung, seit).",
            False,
        ),
        (
            "Gewichtung: wie wichtig Ihnen jede Kriteriengruppe ist, mit 0 bis 100 Punkten. "
            "Die Punkte müssen nicht 100 ergeben. Alle Gruppen oder keine ausfüllen.",
            False,
        ),
        ("Vorbelegte Werte", True),
        (
            "„Schätzung (pro Kopf)“: aus der Einwohnerzahl geschätzt. „Schätzung "
            "(Durchschnitt)“: ein Durchschnittswert für alle Kommunen. „gemeldet“: bereits "
            "bekannt (z. B. aus einer früheren Abfrage).",
            False,
        ),
        (
            "Bitte überschreiben Sie jeden Wert, den Sie kennen, und setzen Sie die Herkunft "
            "auf „eigene Angabe“. Stimmt eine Schätzung, setzen Sie nur die Herkunft auf "
            "„eigene Angabe“. Ein geänderter Wert gilt auch dann als Ihre Angabe, wenn die "
            "Herkunft nicht umgestellt wurde. Unveränderte Schätzungen werden nicht als Ihre "
            "Angabe übernommen. Unbekanntes bitte leer lassen.",
            False,
        ),
        ("Formate", True),
        (
            "Zahlen als Zahlen eingeben: keine Einheiten, kein „ca.“, Dezimalkomma wie gewohnt. "
            "Datum als TT.MM.JJJJ. Gelbe Zellen sind Eingabefelder, graue sind geschützt. "
            "Bitte keine Blätter kopieren, umbenennen oder löschen und die Datei als .xlsx "
            "speichern (nicht als PDF oder CSV).",
            False,
        ),
        ("Rückgabe", True),
        ("Bitte die ausgefüllte Datei {return_to} zurücksenden.", False),
        ("Vorlage {version}; bitte nicht ändern (die Einlesung prüft die Version).", False),
    ],
    "en": [
        ("What this is about", True),
        (
            "The county and its towns agreed on a written survey. Your answers replace the "
            "estimates the potential analysis has used so far.",
            False,
        ),
        ("What to fill in", True),
        (
            "Master data: a contact person for questions, contact details and the date of "
            "the answers (required, DD.MM.YYYY). Name and contact are not copied into the "
            "dataset.",
            False,
        ),
        (
            "Fields: per field the annual cost in euros per year, the staff in full-time "
            "equivalents (FTE, e.g. 2.5), the share of the staff leaving within the next 10 "
            "years in per cent (0 to 100), the cases per year and the current provider.",
            False,
        ),
        (
            "Duties: per statutory duty the fulfilment from the list: not met (0 %), partly "
            "(33 %), largely (67 %), fully (100 %).",
            False,
        ),
        (
            "Cooperations: check and correct the known cooperations; add new ones in the empty "
            "rows (name, field, legal form, scope, partners marked 'x', lead body, since).",
            False,
        ),
        (
            "Weights: how important each criteria group is to you, 0 to 100 points. The "
            "points need not add up to 100. Fill in all groups or none.",
            False,
        ),
        ("Pre-filled values", True),
        (
            "'estimate (per capita)': estimated from the population. 'estimate (average)': an "
            "average for all municipalities. 'reported': already known (e.g. from an earlier "
            "survey).",
            False,
        ),
        (
            "Please overwrite every value you know and set its origin to 'own figure'. If an "
            "estimate is right, only set its origin to 'own figure'. A changed value counts "
            "as yours even if the origin was not changed. Unchanged estimates are not taken "
            "as your answer. Leave unknown values blank.",
            False,
        ),
        ("Formats", True),
        (
            "Enter numbers as numbers: no units, no 'approx.'. Dates as DD.MM.YYYY. Yellow "
            "cells are for input, grey cells are protected. Please do not copy, rename or "
            "delete sheets, and save the file as .xlsx (not as PDF or CSV).",
            False,
        ),
        ("Return", True),
        ("Please send the completed file back {return_to}.", False),
        ("Template {version}; please do not change it (the import checks the version).", False),
    ],
}


def _percent_text(share: float) -> str:
    return f"{share * 100:.0f} %"


class _Book:
    """Builds the sheets of one questionnaire workbook."""

    def __init__(self, wb, dataset, model, bodies, lang):
        self.wb, self.ds, self.model, self.bodies, self.lang = wb, dataset, model, bodies, lang
        self.single = len(bodies) == 1 and len(dataset.bodies) > 1
        self.prefill: list[tuple[str, str, str, object]] = []
        self.list_ranges: dict[str, str] = {}
        self._lists_content()

    # -- helpers --------------------------------------------------------------------------
    def t(self, key: str, **kw) -> str:
        return L.pick(_T[key], self.lang).format(**kw)

    def name(self, key: str) -> str:
        return L.sheet_name(key, self.lang)

    def _style(self, cell, *, locked: bool, fmt: str | None = None, italic=False, bold=False):
        from openpyxl.styles import Alignment, Font, PatternFill, Protection

        cell.fill = PatternFill("solid", fgColor=LOCKED_FILL if locked else INPUT_FILL)
        cell.protection = Protection(locked=locked)
        if fmt:
            cell.number_format = fmt
        if italic or bold:
            cell.font = Font(italic=italic, bold=bold)
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))

    def _sheet(self, key: str, title: str, hint: str, headers: list[str], widths: list[int]):
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(self.name(key))
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = hint
        ws["A2"].font = Font(italic=True)
        for j, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
            cell = ws.cell(L.HEADER_ROW, j, header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.row_dimensions[L.HEADER_ROW].height = 45
        return ws

    def _protect(self, ws, insert_rows: bool = False):
        ws.protection.sheet = True
        ws.protection.insertRows = not insert_rows  # True forbids
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.autoFilter = False
        ws.protection.sort = True

    def _validate(self, ws, ref: str, kind: str, *, low=None, high=None, options=None):
        """Add a data validation to the cells in ``ref``."""
        from openpyxl.worksheet.datavalidation import DataValidation

        title = self.t("error_title")
        if kind == "list":
            dv = DataValidation(type="list", formula1=self.list_ranges[options], allow_blank=True)
            message = self.t("list_error")
        elif kind == "date":
            dv = DataValidation(
                type="date",
                operator="between",
                formula1=FIRST_DATE,
                formula2=LAST_DATE,
                allow_blank=True,
            )
            message = self.t("date_error")
        elif high is not None:
            dv = DataValidation(
                type="whole" if kind == "whole" else "decimal",
                operator="between",
                formula1=str(low),
                formula2=str(high),
                allow_blank=True,
            )
            message = self.t("points_error" if kind == "points" else "percent_error")
        else:
            dv = DataValidation(
                type="whole" if kind == "whole" else "decimal",
                operator="greaterThanOrEqual",
                formula1=str(low),
                allow_blank=True,
            )
            message = self.t("whole_error" if kind == "whole" else "number_error")
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.errorTitle = title
        dv.error = message
        dv.prompt = message
        ws.add_data_validation(dv)
        for part in ref.split():
            dv.add(part)
        return dv

    def _list_items(self) -> dict[str, list[str]]:
        lang = self.lang
        return {
            "origin": [L.pick(v, lang) for v in L.ORIGINS.values()],
            "status": [L.pick(v[0], lang) for v in L.STATUS.values()],
            "field": [labels.field_label(self.ds, f.id, lang) for f in self.ds.fields]
            + [L.pick(L.OTHER_FIELD, lang)],
            "legal_form": [labels.form_label(self.ds, f.id, lang) for f in self.ds.legal_forms],
            "body_name": [b.name for b in self.ds.bodies],
            "scope": [L.pick(v, lang) for v in L.SCOPES.values()],
            "mark": [L.PARTNER_MARK],
            "body_id": [b.id for b in self.bodies],
        }

    def _lists_content(self):
        from openpyxl.utils import get_column_letter

        self.list_items = self._list_items()
        sheet = self.name("lists")
        for j, (key, items) in enumerate(self.list_items.items(), start=1):
            letter = get_column_letter(j)
            self.list_ranges[key] = f"{sheet}!${letter}$2:${letter}${len(items) + 1}"

    # -- sheets ---------------------------------------------------------------------------
    def instructions(self, return_to):
        from openpyxl.styles import Alignment, Font

        ws = self.wb.create_sheet(self.name("instructions"))
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
            source = sources.get(coop.source)
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
                    source=f"{source.title} ({source.id})" if source else coop.source,
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
