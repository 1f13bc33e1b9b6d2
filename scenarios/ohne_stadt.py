"""Was, wenn eine Stadt nicht mitmacht? Variante von „heute“ ohne eine Körperschaft.

Leitet aus „heute“ eine Variante ab, in der eine Körperschaft außen vor bleibt
(``options.stay_out``), rechnet beide und zeigt für jede andere Körperschaft, ob sich ihre
beste Option ändert (mit dem Kapitalwert der besten Option vorher und nachher) und welche
ihrer bisherigen drei besten Optionen wegfallen. Standard ist
Lünen, die größte Stadt: Sie scheint ihre IT selbst zu betreiben (research.md §4), ein
Ausscheren ist also denkbar. Jede andere Körperschaft lässt sich als zweites Argument angeben.

Aufruf::

    python scenarios/ohne_stadt.py [AUSGABEORDNER] [KÖRPERSCHAFT]

Standard: ``out/ohne_stadt`` und ``luenen``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import potential.scenarios as ps


def euro(value: float) -> str:
    """Ein Betrag in ganzen Euro mit deutschem Tausenderpunkt, z. B. ``-12.345 €``."""
    return f"{value:,.0f} €".replace(",", ".").replace("-", "−")


def main(out: Path, body: str) -> None:
    heute = ps.load("heute")
    ohne = heute.with_changes(
        name=f"heute-ohne-{body}".replace("_", "-"),
        title=f"Heute ohne {body}",
        description=f"Wie „heute“, aber {body} nimmt an keiner Kooperation teil.",
        options={"stay_out": [body]},
    )
    runs = [ps.run(heute), ps.run(ohne)]
    vergleich = ps.compare(runs)
    for run in runs:
        ps.export(run, out / run.scenario.name, lang="de")
    ps.export(vergleich, out / "vergleich", lang="de")

    basis, variante = (f"rank_{run.scenario.name}" for run in runs)
    # Kapitalwert je (Körperschaft, Option) in beiden Läufen
    kapitalwert = [run.analysis.ranking.set_index(["body", "option"])["npv"] for run in runs]
    # Namen der Optionen (Handlungsfeld – Rechtsform – Partner) statt ihrer Kennungen
    namen = {**runs[1].option_labels(), **runs[0].option_labels()}
    moves = vergleich.moves
    print(f"Ohne {body}: was ändert sich für die anderen? (Kapitalwert der besten Option)")
    for (key, name), group in moves.groupby(["body", "body_name"], sort=False):
        before = group.loc[group[basis] == 1, "option"].tolist()
        after = group.loc[group[variante] == 1, "option"].tolist()
        if not after:  # die ausgeschiedene Körperschaft selbst wird nicht mehr gerechnet
            continue
        lost = group.loc[(group[basis] <= 3) & group[variante].isna(), "option"].tolist()
        if before == after:
            same = f"unverändert ({euro(kapitalwert[1][(key, after[0])])})"
        else:
            same = (
                f"{', '.join(namen[o] for o in before)} "
                f"({euro(kapitalwert[0][(key, before[0])])}) → "
                f"{', '.join(namen[o] for o in after)} ({euro(kapitalwert[1][(key, after[0])])})"
            )
        print(f"  {name}: beste Option {same}")
        for option in lost:
            print(f"    entfällt aus den besten drei: {namen[option]}")
    print(f"\nAusgabe: {out}")


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "ohne_stadt"
    main(out, sys.argv[2] if len(sys.argv) > 2 else "luenen")
