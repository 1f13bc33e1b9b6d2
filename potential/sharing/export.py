"""The files of ``potential sharing``: ``sharing.csv`` and the other tables, and ``sharing.xlsx``.

The CSV files keep ids and the column names of :mod:`potential.sharing.ikz` (for scripts);
the workbook shows names, German (or English) headers and number formats.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from potential import labels
from potential.models import PARTNER_SEP
from potential.sharing.ikz import KEYS
from potential.sharing.tables import Sharing

__all__ = ["COLUMN_LABELS", "export_sharing", "member_matrix", "sharing_sheets"]

#: column id → (German header, English header, kind of value for the workbook)
COLUMN_LABELS = {
    "option": ("Option", "option", None),
    "field": ("Handlungsfeld", "field", None),
    "legal_form": ("Rechtsform", "legal form", None),
    "key": ("Schlüssel", "key", None),
    "member": ("Mitglied", "member", None),
    "members": ("Mitglieder", "members", None),
    "n_members": ("Zahl der Mitglieder", "number of members", "integer"),
    "key_quantity": ("Schlüsselgröße", "key quantity", "number"),
    "status_quo_pv": ("Barwert Kosten Status quo (€)", "present value of status-quo cost (EUR)",
                      "eur"),
    "payment_pv": ("Barwert des Kostenanteils (€)", "present value of the cost share (EUR)",
                   "eur"),
    "cost_share": ("Anteil an den Kosten des Pools", "share of the pool's cost", "share"),
    "npv": ("Kapitalwert ggü. Status quo (€)", "net present value vs status quo (EUR)", "eur"),
    "npv_share": ("Anteil am Kapitalwert des Pools", "share of the pool's NPV", "share"),
    "annuity": ("Jahresbetrag (Annuität, €/a)", "annuity (EUR/a)", "eur"),
    "gains": ("besser als allein", "better off than alone", None),
    "vs_shapley": ("Abweichung vom Shapley-Wert (€)", "difference to the Shapley value (EUR)",
                   "eur"),
    "in_core": ("im Kern (keine Teilgruppe fährt allein besser)",
                "in the core (no subgroup does better alone)", None),
    "available": ("berechenbar", "available", None),
    "all_gain": ("alle besser als allein", "every member better off", None),
    "min_npv": ("kleinster Kapitalwert eines Mitglieds (€)", "smallest member NPV (EUR)", "eur"),
    "blocking": ("Teilgruppe, die allein besser fährt", "subgroup better off alone", None),
    "shortfall": ("ihr Nachteil im Pool (€)", "its loss in the pool (EUR)", "eur"),
    "note": ("Hinweis", "note", None),
    "pool_npv": ("Kapitalwert des Pools (€)", "pool NPV (EUR)", "eur"),
    "best_split_npv": ("bestes Ergebnis bei Aufteilung in Teilgruppen (€)",
                       "best result when split into subgroups (EUR)", "eur"),
    "core_empty": ("Kern leer", "core empty", None),
    "least_core": ("kleinster Kern: ε (€)", "least core: epsilon (EUR)", "eur"),
    "statement": ("Bewertung", "assessment", None),
    "size": ("Größe", "size", "integer"),
    "direct": ("Kapitalwert als eine Gruppe (€)", "NPV as one group (EUR)", "eur"),
    "value": ("Wert der Teilgruppe v(S) (€)", "value of the subgroup v(S) (EUR)", "eur"),
    "split": ("Aufteilung besser als eine Gruppe", "splitting beats one group", None),
}  # fmt: skip


def _header(column: str, lang: str) -> str:
    de, en, _ = COLUMN_LABELS.get(column, (column, column, None))
    return de if lang == "de" else en


def _yes_no(value, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return labels.text("yes", lang) if bool(value) else labels.text("no", lang)


def _readable(frame: pd.DataFrame, result: Sharing, lang: str) -> pd.DataFrame:
    ds = result.dataset
    names = {b.id: b.name for b in ds.bodies}
    out = frame.copy()
    if "field" in out:
        out["field"] = [labels.field_label(ds, f, lang) for f in out["field"]]
    if "legal_form" in out:
        out["legal_form"] = [
            labels.form_label(ds, f, lang) if f else "" for f in out["legal_form"]
        ]
    if "key" in out:
        out["key"] = [KEYS[k][0 if lang == "de" else 1] for k in out["key"]]
    for col in ("member",):
        if col in out:
            out[col] = out[col].map(names)
    for col in ("members", "blocking"):
        if col in out:
            out[col] = [
                ", ".join(names.get(m, m) for m in str(v).split(PARTNER_SEP)) if v else ""
                for v in out[col]
            ]
    for col in ("gains", "in_core", "available", "all_gain", "core_empty", "split"):
        if col in out:
            out[col] = [_yes_no(v, lang) for v in out[col]]
    kinds = {_header(c, lang): COLUMN_LABELS.get(c, (c, c, None))[2] for c in out.columns}
    out = out.rename(columns=lambda c: _header(c, lang))
    out.attrs["kinds"] = {k: v for k, v in kinds.items() if v is not None}
    return out


def member_matrix(result: Sharing, option: str, value: str = "npv") -> pd.DataFrame:
    """Members × keys of one option: each member's ``value`` (default its Kapitalwert).

    Returns
    -------
    pandas.DataFrame
        Index: member ids (dataset order); columns: the keys computed, in :data:`KEYS` order.
    """
    rows = result.allocations[result.allocations["option"] == option]
    table = rows.pivot(index="member", columns="key", values=value)
    members = list(dict.fromkeys(rows["member"]))
    keys = [k for k in KEYS if k in table.columns]
    return table.loc[members, keys]


def sharing_sheets(result: Sharing, lang: str = "de") -> dict[str, pd.DataFrame]:
    """Sheets of ``sharing.xlsx``: overview, allocation per key and member, subgroups."""
    de = lang == "de"
    cores = result.cores.drop(columns=["statement_en" if de else "statement_de"])
    cores = cores.rename(columns={"statement_de": "statement", "statement_en": "statement"})
    summary = result.summary.drop(columns=["field", "legal_form"])
    subsets = result.subsets
    return {
        "Übersicht" if de else "Overview": _readable(cores, result, lang),
        "Kostenverteilung" if de else "Allocation": _readable(result.allocations, result, lang),
        "Schlüssel im Vergleich" if de else "Keys compared": _readable(summary, result, lang),
        "Teilgruppen" if de else "Subgroups": _readable(subsets, result, lang),
    }


def export_sharing(
    result: Sharing,
    out_dir: str | Path,
    lang: str = "de",
    csv_dialect: str = "standard",
    provenance: dict | None = None,
) -> list[Path]:
    """Write ``sharing.csv``, ``sharing_summary.csv``, ``sharing_cores.csv``,
    ``sharing_subsets.csv`` and ``sharing.xlsx`` atomically into ``out_dir`` (and, given a
    provenance record, ``provenance.json``: see :func:`potential.files.write_outputs`).

    Returns
    -------
    list of Path
        The files written.
    """
    from potential.files import csv_writer, write_outputs
    from potential.workbook import write_workbook

    sheets = sharing_sheets(result, lang)
    return write_outputs(
        Path(out_dir),
        {
            "sharing.csv": csv_writer(result.allocations, csv_dialect),
            "sharing_summary.csv": csv_writer(result.summary, csv_dialect),
            "sharing_cores.csv": csv_writer(result.cores, csv_dialect),
            "sharing_subsets.csv": csv_writer(result.subsets, csv_dialect),
            "sharing.xlsx": lambda path: write_workbook(sheets, path, "sharing", lang),
        },
        provenance=provenance,
    )
