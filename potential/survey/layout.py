"""The layout of the survey workbook: version, sheet names, columns and fixed texts.

:mod:`potential.survey.template` writes this layout and :mod:`potential.survey.answers`
reads it, so both sides agree on one definition. Every text comes in German (``de``, the
default) and English (``en``); the import accepts both.
"""

from __future__ import annotations

from potential.messages import message

#: Version of the workbook layout. It sits in a fixed cell (:data:`VERSION_CELL` of the
#: instructions sheet), in the custom document property :data:`VERSION_PROPERTY` and in the
#: hidden sheet :data:`META_SHEET`; the import refuses other versions.
VERSION = "potential-survey/1"
VERSION_PROPERTY = "potential-survey"
VERSION_CELL = "B2"
#: The hidden sheet with the version, the dataset, the bodies and the pre-filled values.
META_SHEET = "_potential"

LANGS = ("de", "en")

#: sheet key → (German, English) name
SHEETS = {
    "instructions": ("Anleitung", "Instructions"),
    "master": ("Stammdaten", "Master data"),
    "fields": ("Handlungsfelder", "Fields"),
    "duties": ("Pflichten", "Duties"),
    "coops": ("Kooperationen", "Cooperations"),
    "weights": ("Gewichtung", "Weights"),
    "lists": ("Listen", "Lists"),
}
#: Sheets the import reads (the instructions and lists are only read for the version).
DATA_SHEETS = ("master", "fields", "duties", "coops", "weights")

#: Row of the column headers in the table sheets; data start on the next row.
HEADER_ROW = 3
FIRST_ROW = 4

#: Rows of the master-data sheet (label in column A, one column per body from B).
MASTER_ROWS = {
    "body": (4, ("Körperschaft (ID)", "Body (id)")),
    "name": (5, ("Name", "Name")),
    "contact": (6, ("Ansprechperson", "Contact person")),
    "contact_details": (7, ("E-Mail / Telefon", "E-mail / phone")),
    "date": (8, ("Datum der Angaben", "Date of the answers")),
}

#: Columns of the fields sheet, in order: key → (German, English) header.
FIELD_COLUMNS = {
    "body": ("Körperschaft (ID)", "Body (id)"),
    "field": ("Handlungsfeld (ID)", "Field (id)"),
    "field_label": ("Handlungsfeld", "Field"),
    "annual_cost_eur": ("Jährliche Kosten (EUR/Jahr)", "Annual cost (EUR/year)"),
    "annual_cost_eur_origin": ("Herkunft Kosten", "Origin of cost"),
    "fte": ("Personal (VZÄ)", "Staff (FTE)"),
    "fte_origin": ("Herkunft Personal", "Origin of staff"),
    "leaving_share": ("Abgänge in 10 Jahren (%)", "Leaving within 10 years (%)"),
    "leaving_share_origin": ("Herkunft Abgänge", "Origin of leaving share"),
    "cases_per_year": ("Fallzahl pro Jahr", "Cases per year"),
    "cases_per_year_origin": ("Herkunft Fallzahl", "Origin of cases"),
    "provider": ("Derzeitiger Anbieter / Dienstleister", "Current provider"),
    "remark": ("Quelle / Bemerkung", "Source / remark"),
}
#: The value columns of the fields sheet (each followed by its origin column) and the
#: ``body_fields.csv`` column each fills.
FIELD_VALUES = ("annual_cost_eur", "fte", "leaving_share", "cases_per_year")

DUTY_COLUMNS = {
    "body": ("Körperschaft (ID)", "Body (id)"),
    "obligation": ("Pflicht (ID)", "Duty (id)"),
    "label": ("Pflicht", "Duty"),
    "law": ("Rechtsgrundlage", "Law"),
    "in_force": ("In Kraft seit", "In force since"),
    "fields": ("Betrifft Handlungsfelder", "Fields concerned"),
    "known": ("Bisher erfasst", "Known so far"),
    "status": ("Erfüllungsstand", "Fulfilment"),
    "remark": ("Quelle / Bemerkung", "Source / remark"),
}

#: Columns of the cooperations sheet before the partner columns (one per body, headed by
#: the body's name) and after them.
COOP_COLUMNS = {
    "respondent": ("Gemeldet von (ID)", "Reported by (id)"),
    "id": ("Kooperation (ID)", "Cooperation (id)"),
    "label": ("Bezeichnung", "Name"),
    "field": ("Handlungsfeld", "Field"),
    "legal_form": ("Rechtsform", "Legal form"),
    "lead": ("Federführung", "Lead body"),
    "since": ("Seit (Datum)", "Since (date)"),
    "scope": ("Umfang", "Scope"),
}
COOP_TAIL = {
    "source": ("Quelle", "Source"),
    "remark": ("Bemerkung", "Remark"),
}
#: Empty rows for new cooperations: for one body, and for a workbook of all bodies.
NEW_COOP_ROWS = (10, 30)

WEIGHT_COLUMNS = {
    "body": ("Körperschaft (ID)", "Body (id)"),
    "group": ("Kriteriengruppe (ID)", "Criteria group (id)"),
    "label": ("Kriteriengruppe", "Criteria group"),
    "criteria": ("Enthaltene Kriterien", "Criteria in the group"),
    "model": ("Gewicht im Modell (%)", "Weight in the model (%)"),
    "points": ("Ihre Punkte (0–100)", "Your points (0–100)"),
}

#: Origin of a value in the fields sheet: key → (German, English).
ORIGINS = {
    "estimate": ("Schätzung (pro Kopf)", "estimate (per capita)"),
    "average": ("Schätzung (Durchschnitt)", "estimate (average)"),
    "reported": ("gemeldet", "reported"),
    "own": ("eigene Angabe", "own figure"),
}
#: Fulfilment of a duty: key → ((German, English), share 0–1).
STATUS = {
    "none": (("nicht erfüllt", "not met"), 0.0),
    "partly": (("teilweise", "partly"), 0.33),
    "largely": (("weitgehend", "largely"), 0.67),
    "fully": (("vollständig", "fully"), 1.0),
}
#: Scope of a cooperation: ``cooperations.csv`` value → (German, English).
SCOPES = {
    "full": ("ganzes Feld", "whole field"),
    "partial": ("teilweise", "partial"),
}
#: Marks a partner in the cooperations sheet.
PARTNER_MARK = "x"
OTHER_FIELD = ("anderes Feld", "other field")


def pick(pair: tuple[str, str], lang: str) -> str:
    """The German or English text of a pair."""
    if lang not in LANGS:
        raise ValueError(message("labels.unknown_lang", language=lang, known=", ".join(LANGS)))
    return pair[LANGS.index(lang)]


def sheet_name(key: str, lang: str) -> str:
    """Name of a sheet in the workbook's language."""
    return pick(SHEETS[key], lang)


def status_share(text) -> float | None:
    """Share 0–1 of a fulfilment label in either language; ``None`` if it is no label."""
    if not isinstance(text, str):
        return None
    wanted = text.strip().casefold()
    for labels, share in STATUS.values():
        if wanted in (label.casefold() for label in labels):
            return share
    return None


def origin_key(text) -> str | None:
    """Key of :data:`ORIGINS` for an origin label in either language; ``None`` if unknown."""
    if not isinstance(text, str):
        return None
    wanted = text.strip().casefold()
    for key, labels in ORIGINS.items():
        if wanted in (label.casefold() for label in labels):
            return key
    return None


def scope_key(text) -> str | None:
    """``full`` or ``partial`` for a scope label (either language, or the id itself)."""
    if not isinstance(text, str):
        return None
    wanted = text.strip().casefold()
    for key, labels in SCOPES.items():
        if wanted == key or wanted in (label.casefold() for label in labels):
            return key
    return None
