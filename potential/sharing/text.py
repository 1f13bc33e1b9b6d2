"""What ``potential sharing`` prints: per option the pool, the core in words and the members
× keys table of Kapitalwerte, German by default."""

from __future__ import annotations

from potential import labels
from potential.models import PARTNER_SEP
from potential.report.text import number, percent
from potential.sharing.export import member_matrix
from potential.sharing.tables import Sharing

__all__ = ["SHORT_KEYS", "print_lines"]

#: short column headers of the keys (German, English)
SHORT_KEYS = {
    "einwohner": ("Einwohner", "Inhabit."),
    "fallzahlen": ("Fallzahlen", "Cases"),
    "vzae": ("VZÄ", "FTE"),
    "kosten": ("Kosten", "Cost"),
    "shapley": ("Shapley", "Shapley"),
    "nucleolus": ("Nukleolus", "Nucleolus"),
    "scrb": ("SCRB", "SCRB"),
    "modell": ("modelliert", "modelled"),
}
_WIDTH = 11


def _cell(text: str, width: int = _WIDTH) -> str:
    return text.rjust(width)


def print_lines(result: Sharing, lang: str = "de") -> list[str]:
    """The lines ``potential sharing`` prints for ``result``."""
    de = lang == "de"
    ds = result.dataset
    names = {b.id: b.name for b in ds.bodies}
    s = result.economics
    lines = [
        (
            f"Kostenverteilung: Kapitalwert über {s.horizon_years} Jahre, Zins "
            f"{percent(s.discount_rate, 1, lang)}; Teilgruppen dürfen "
            + ("jede angebotene Rechtsform" if result.subset_forms == "best" else "nur die "
               "Rechtsform der Option")
            + " wählen."
        )
        if de
        else (
            f"Cost sharing: net present value over {s.horizon_years} years, rate "
            f"{percent(s.discount_rate, 1, lang)}; subgroups may choose "
            + ("any offered legal form" if result.subset_forms == "best" else "only the "
               "option's legal form")
            + "."
        )
    ]  # fmt: skip
    if result.cores.empty:
        lines.append(
            "Keine gemeinsame Option mit positivem Kapitalwert des Pools."
            if de
            else "No joint option whose pool has a positive net present value."
        )
        return lines
    idx = 0 if de else 1
    for core in result.cores.to_dict("records"):
        members = core["members"].split(PARTNER_SEP)
        lines += [
            "",
            f"{labels.field_label(ds, core['field'], lang)} — "
            f"{labels.form_label(ds, core['legal_form'], lang)}: "
            f"{', '.join(names[m] for m in members)}",
            f"  {'Option' if de else 'option'} {core['option']}",
            f"  {'Kapitalwert des Pools' if de else 'pool NPV'}: "
            f"{number(core['pool_npv'], 0, lang)} €; "
            f"{'bestes Ergebnis bei Aufteilung in Teilgruppen' if de else 'best when split'}: "
            f"{number(core['best_split_npv'], 0, lang)} €",
            f"  {core['statement_de'] if de else core['statement_en']}",
        ]
        matrix = member_matrix(result, core["option"])
        keys = list(matrix.columns)
        head = ("Kapitalwert je Mitglied (€)" if de else "NPV per member (EUR)").ljust(28)
        lines.append("  " + head + "".join(_cell(SHORT_KEYS[k][idx]) for k in keys))
        for member, row in matrix.iterrows():
            lines.append(
                "  "
                + names[member][:27].ljust(28)
                + "".join(_cell(number(row[k], 0, lang)) for k in keys)
            )
        summary = result.summary[result.summary["option"] == core["option"]].set_index("key")
        yes, no = labels.text("yes", lang), labels.text("no", lang)
        for label, column in (
            ("alle besser als allein" if de else "every member better off", "all_gain"),
            ("im Kern" if de else "in the core", "in_core"),
        ):
            lines.append(
                "  "
                + label.ljust(28)
                + "".join(_cell(yes if summary.at[k, column] else no) for k in keys)
            )
        for key, row in summary.iterrows():
            label = SHORT_KEYS[key][idx]
            if not row["available"]:
                lines.append(
                    f"  {label}: {'nicht berechenbar' if de else 'not available'} — {row['note']}"
                )
            elif row["blocking"] and key in keys:
                group = ", ".join(names[m] for m in row["blocking"].split(PARTNER_SEP))
                lines.append(
                    f"  {label}: "
                    + (
                        f"{group} erreichten allein {number(row['shortfall'], 0, lang)} € mehr"
                        if de
                        else f"{group} would get {number(row['shortfall'], 0, lang)} EUR more "
                        "on their own"
                    )
                )
    return lines
