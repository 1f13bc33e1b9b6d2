"""Labels in German (default) and English for what users hand on.

Column headers of exported tables, names of fields, legal forms and partner sets. The data
stays keyed by stable ids; labels are applied only when a table is exported or printed.
"""

from __future__ import annotations

from potential.messages import message
from potential.models import Dataset
from potential.options import STAND_ALONE

LANGS = ("de", "en")

#: column id → (German, English)
COLUMNS = {
    "body": ("Körperschaft (ID)", "Body (id)"),
    "body_name": ("Körperschaft", "Body"),
    "option": ("Option (ID)", "Option (id)"),
    "option_label": ("Kooperationsoption", "Cooperation option"),
    "field": ("Handlungsfeld", "Field"),
    "legal_form": ("Rechtsform", "Legal form"),
    "partners": ("Partner", "Partners"),
    "lead": ("Federführung", "Lead body"),
    "n_partners": ("Anzahl Partner", "Number of partners"),
    "score": ("Punktwert", "Score"),
    "rank": ("Rang", "Rank"),
    "benefit": ("Vorteil gegenüber Alleingang", "Benefit over stand-alone"),
    "members": ("Mitglieder", "Members"),
    "members_gaining": ("Mitglieder mit Vorteil", "Members better off"),
    "all_gain": ("Alle besser gestellt", "Every member better off"),
    "summed_benefit": ("Summe der Vorteile", "Summed benefit"),
    "min_benefit": ("Kleinster Vorteil", "Smallest benefit"),
    "summed_net_savings": ("Summe Nettoeinsparung (EUR/a)", "Summed net savings (EUR/a)"),
    "mean_rank": ("Mittlerer Rang", "Mean rank"),
    "consensus_rank": ("Konsensrang", "Consensus rank"),
    "criterion": ("Kriterium", "Criterion"),
    "group": ("Kriteriengruppe", "Criteria group"),
    "weight": ("Gewicht", "Weight"),
    "value": ("Wert", "Value"),
    "normalised": ("Normierter Wert", "Normalised value"),
    "contribution": ("Beitrag", "Contribution"),
    "share": ("Anteil am Punktwert", "Share of score"),
    "estimated": ("Geschätzt", "Estimated"),
    "first_rank_acceptability": ("Anteil Rang 1", "First-rank acceptability"),
    "expected_rank": ("Erwarteter Rang", "Expected rank"),
    "confidence": ("Konfidenzfaktor", "Confidence factor"),
    "model_rank": ("Rang mit Modellgewichten", "Rank with model weights"),
    # the Wirtschaftlichkeitsvergleich (ranking columns, cashflows.csv, joint view)
    "npv": ("Kapitalwert", "Net present value"),
    "annuity": ("Annuität", "Annuity"),
    "payback_year": ("Amortisationsjahr (dynamisch)", "Payback year (discounted)"),
    "max_burden": ("Größte Jahresbelastung", "Largest yearly burden"),
    "npv_with_grant": ("Kapitalwert mit Förderung", "Net present value with grant"),
    "npv_without_grant": ("Kapitalwert ohne Förderung", "Net present value without grant"),
    "vat_npv": ("Barwert der Umsatzsteuer", "Present value of the VAT"),
    "one_off_npv": ("Barwert der Einmalkosten", "Present value of the one-off cost"),
    "grant_npv": ("Barwert der Förderung (wo förderfähig)", "Present value of the grant"),
    "grant_eligible": ("Förderfähig (IKZ NRW)", "Eligible for the grant (IKZ NRW)"),
    "vat_taxable": ("Umsatzsteuerpflichtig (§ 2b UStG)", "Subject to VAT (§ 2b UStG)"),
    "clipped": ("Außerhalb der Skala", "Beyond the scale"),
    "quality_points": ("Qualitative Punkte (0–100)", "Qualitative points (0–100)"),
    "verdict": ("Bewertung", "Verdict"),
    "rule": ("Regel", "Rule"),
    "reason": ("Grund", "Reason"),
    "law": ("Rechtsgrundlage", "Legal basis"),
    "source": ("Quelle", "Source"),
    "concerns": ("Betrifft", "Concerns"),
    "pool_npv": ("Summe der Kapitalwerte", "Summed net present value"),
    "min_npv": ("Kleinster Kapitalwert eines Mitglieds", "Smallest member's net present value"),
    "members_npv_positive": (
        "Mitglieder mit positivem Kapitalwert",
        "Members with a positive net present value",
    ),
    "key_min_npv": (
        "Kleinster Kapitalwert eines Mitglieds nach Vollkostenschlüssel",
        "Smallest member's net present value under the full-cost key",
    ),
    "all_better_off": (
        "Alle im Geld besser gestellt (Vollkostenschlüssel)",
        "Every member better off in money (full-cost key)",
    ),
    "year": ("Jahr", "Year"),
    "component": ("Position", "Component"),
    "amount_eur": ("Betrag (EUR)", "Amount (EUR)"),
}

#: indicator id → (German, English) header with the unit, for indicator columns that are not
#: criteria of the model in use (a criterion's header comes from the criteria model). The
#: money indicators ``npv``, ``annuity`` and ``max_burden`` are in :data:`COLUMNS`.
INDICATOR_COLUMNS = {
    "npv_per_capita": ("Kapitalwert je Einwohner (EUR/Einw.)", "NPV per inhabitant (EUR/inh.)"),
    "burden_per_capita": (
        "Größte Jahresbelastung je Einwohner (EUR/Einw.)",
        "Largest yearly burden per inhabitant (EUR/inh.)",
    ),
    "net_savings": ("Nettoeinsparung im Regelbetrieb (EUR/a)", "Net savings (EUR/a)"),
    "one_off_cost": ("Einmalkosten (EUR)", "One-off cost (EUR)"),
    "staffing_relief": ("Personalentlastung (VZÄ)", "Staffing relief (FTE)"),
    "resilience": ("Resilienzgewinn (0–1)", "Resilience gain (0–1)"),
    "time_to_implement": ("Umsetzungsdauer (Monate)", "Time to implement (months)"),
    "control_kept": ("Steuerung behalten (0–1)", "Control kept (0–1)"),
    "procurement_risk": ("Vergaberisiko (0–1)", "Procurement risk (0–1)"),
    "obligation_pressure": ("Pflichtendruck (0–1)", "Obligation pressure (0–1)"),
    "service_quality": (
        "Pflichterfüllung gemeinsam statt allein (0–1)",
        "Duties met together rather than alone (0–1)",
    ),
}

#: column id → kind of value, which decides how the workbook shows it (number format and
#: colour scale, see :data:`potential.exports.FORMATS`). Ids not listed are shown as they are.
KINDS = {
    "score": "score",
    "benefit": "benefit",
    "summed_benefit": "benefit",
    "min_benefit": "benefit",
    "summed_net_savings": "eur",
    "rank": "integer",
    "consensus_rank": "integer",
    "model_rank": "integer",
    "n_partners": "integer",
    "members": "integer",
    "members_gaining": "integer",
    "mean_rank": "rank",
    "expected_rank": "rank",
    "share": "share",
    "confidence": "share",
    "first_rank_acceptability": "acceptability",
    "npv": "eur",
    "annuity": "eur",
    "max_burden": "eur",
    "npv_with_grant": "eur",
    "npv_without_grant": "eur",
    "vat_npv": "eur",
    "one_off_npv": "eur",
    "grant_npv": "eur",
    "pool_npv": "eur",
    "min_npv": "eur",
    "members_npv_positive": "integer",
    "key_min_npv": "eur",
    "amount_eur": "eur_cent",
    "payback_year": "integer",
    "year": "integer",
    "npv_per_capita": "eur_cent",
    "burden_per_capita": "eur_cent",
    "net_savings": "eur",
    "one_off_cost": "eur",
    "staffing_relief": "fte",
    "time_to_implement": "months",
}

#: unit of a criterion → kind of value (units not listed: plain numbers).
UNIT_KINDS = {
    "EUR": "eur",
    "EUR/a": "eur",
    "€": "eur",
    "€/a": "eur",
    "EUR/Einw.": "eur_cent",
    "EUR/inh.": "eur_cent",
    "€/Einw.": "eur_cent",
    "VZÄ": "fte",
    "FTE": "fte",
    "Monate": "months",
    "months": "months",
}

TEXT = {
    "stand_alone": ("Alleingang (keine Kooperation)", "Stand-alone (no cooperation)"),
    "county_wide": ("kreisweit", "county-wide"),
    "all_towns": ("alle Städte und Gemeinden", "all towns"),
    "overview": ("Übersicht", "Overview"),
    "joint": ("Gemeinsame Sicht", "Joint view"),
    "best_per_field": ("Beste je Handlungsfeld", "Best per field"),
    "field_scores": ("Punktwerte je Feld", "Scores by field"),
    "criteria_model": ("Kriterienmodell", "Criteria model"),
    "acceptability": ("Akzeptanz", "Acceptability"),
    "rank_acceptability": ("Rangakzeptanz", "Rank acceptability"),
    "sources": ("Quellen", "Sources"),
    "metadata": ("Metadaten", "Metadata"),
    "rank_n": ("Rang {n}", "Rank {n}"),
    "central_weight": ("Zentralgewicht: {criterion}", "Central weight: {criterion}"),
    "yes": ("ja", "yes"),
    "excluded": ("Ausgeschlossen", "Excluded"),
    "verdict_status_quo": ("Status quo (Alleingang)", "Status quo (going on alone)"),
    "verdict_economic": (
        "wirtschaftlich: besser als der Status quo, Kapitalwert positiv",
        "economic: better than the status quo, positive NPV",
    ),
    "verdict_qualitative_only": (
        "nur qualitativ begründet: besser in Punkten, Kapitalwert nicht positiv",
        "qualitative only: better in points, NPV not positive",
    ),
    "verdict_not_better": ("nicht besser als der Status quo", "not better than the status quo"),
    "no": ("nein", "no"),
    "economics": ("Wirtschaftlichkeit", "Economics"),
    "economics_title": (
        "Wirtschaftlichkeitsvergleich: die besten Kooperationsoptionen je Körperschaft",
        "Economic comparison: the best cooperation options of each body",
    ),
    "economics_settings": (
        "Einstellungen des Wirtschaftlichkeitsvergleichs",
        "Settings of the economic comparison",
    ),
    "setting": ("Einstellung", "Setting"),
    "setting_basis": ("Wert und Quelle oder Annahme", "Value and source or assumption"),
    "payback_empty": (
        "Alle Beträge: Differenz zum Status quo (Alleingang) der Körperschaft, positiv = "
        "besser als allein. Amortisationsjahr leer: keine Amortisation innerhalb von "
        "{horizon}.",
        "All amounts: difference to the body's status quo (going it alone), positive = better "
        "than alone. Payback year empty: no payback within {horizon}.",
    ),
    "economics_sheet": ("WV {body}", "Economics {body}"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(message("labels.unknown_lang", language=lang, known=", ".join(LANGS)))
    return pair[LANGS.index(lang)]


def text(key: str, lang: str = "de", **values) -> str:
    """A fixed text in the chosen language, with ``values`` filled in (``str.format``)."""
    out = _pick(TEXT[key], lang)
    return out.format(**values) if values else out


def column(name: str, lang: str = "de", criteria=None) -> str:
    """Header for a column id.

    Fixed columns (:data:`COLUMNS`) first; then the criteria of ``criteria`` (label and unit
    from the criteria model); then the indicators (:data:`INDICATOR_COLUMNS`); else the id.
    """
    if name in COLUMNS:
        return _pick(COLUMNS[name], lang)
    if criteria is not None:
        for c in criteria.criteria:
            if c.id == name:
                return f"{getattr(c.label, lang)} ({c.unit})"
    if name in INDICATOR_COLUMNS:
        return _pick(INDICATOR_COLUMNS[name], lang)
    return name


def column_kind(name: str, criteria=None) -> str | None:
    """Kind of value in a column (:data:`KINDS`), from its id or its header in either language.

    Criteria columns (id, or a header ending in ``(unit)``) take the kind of their unit
    (:data:`UNIT_KINDS`). ``None``: no known kind.

    Examples
    --------
    >>> column_kind("score"), column_kind("Punktwert"), column_kind("Nettoeinsparung (EUR/a)")
    ('score', 'score', 'eur')
    """
    if name in KINDS:
        return KINDS[name]
    for key, pair in (*COLUMNS.items(), *INDICATOR_COLUMNS.items()):
        if name in pair:
            return KINDS.get(key)
    if criteria is not None:
        for c in criteria.criteria:
            if c.id == name:
                return UNIT_KINDS.get(c.unit)
    if name.endswith(")") and " (" in name:
        return UNIT_KINDS.get(name.rsplit(" (", 1)[1][:-1])
    return None


def field_label(dataset: Dataset, field_id: str, lang: str = "de") -> str:
    """Name of a field."""
    if not field_id:
        return ""
    f = dataset.field(field_id)
    return f.label_de if lang == "de" else f.label_en


def form_label(dataset: Dataset, form_id: str, lang: str = "de") -> str:
    """Name of a legal form."""
    if not form_id:
        return ""
    f = dataset.legal_form(form_id)
    return f.label_de if lang == "de" else f.label_en


def partners_label(dataset: Dataset, partners: str, lang: str = "de") -> str:
    """Names of the partners, or ``kreisweit`` / ``alle Städte und Gemeinden``."""
    ids = partners.split(";") if partners else []
    everyone = [b.id for b in dataset.bodies]
    towns = [b.id for b in dataset.bodies if b.kind != "kreis"]
    if len(ids) > 2 and sorted(ids) == sorted(everyone):
        return text("county_wide", lang)
    if len(ids) > 2 and sorted(ids) == sorted(towns):
        return text("all_towns", lang)
    return ", ".join(dataset.body(i).name for i in ids)


def option_label(dataset: Dataset, row, lang: str = "de") -> str:
    """One-line name of an option: field – legal form – partners."""
    if row["option"] == STAND_ALONE:
        return text("stand_alone", lang)
    return " – ".join(
        (
            field_label(dataset, row["field"], lang),
            form_label(dataset, row["legal_form"], lang),
            partners_label(dataset, row["partners"], lang),
        )
    )
