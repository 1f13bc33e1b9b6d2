"""Wie stark hängt die beste Option am Gewicht der E-Government-Pflichten?

Rechnet „heute“ mit dem Gewicht der Gruppe ``egov_pflichten`` mal 0, 0,5, 1, 2 und 4 und
zeigt je Körperschaft die beste Option bei jedem Faktor. Wechselt sie, hängt die Empfehlung
an dieser Gewichtung; bleibt sie, ist sie in dieser Richtung robust. Die Läufe und ihr
Vergleich (Basis: Faktor 1 = „heute“) landen im Ausgabeordner.

Aufruf::

    python scenarios/gewichte_variieren.py [AUSGABEORDNER]   # Standard: out/gewichte_variieren
"""

from __future__ import annotations

import sys
from pathlib import Path

import potential.scenarios as ps

GRUPPE = "egov_pflichten"
FAKTOREN = [1, 0, 0.5, 2, 4]  # der erste ist die Basis des Vergleichs


def main(out: Path) -> None:
    heute = ps.load("heute")
    runs = []
    for factor in FAKTOREN:
        variant = heute.with_changes(
            name=f"pflichten-{round(factor * 100)}",  # Namen ohne Punkt: pflichten-50 = × 0,5
            title=f"Heute, Pflichten-Gewicht × {factor:g}",
            description=f"Wie „heute“, das Gewicht der Gruppe {GRUPPE} mal {factor:g}.",
            weights=[{"group": GRUPPE, "factor": factor}],
        )
        runs.append(ps.run(variant))
    vergleich = ps.compare(runs)
    for run in runs:
        ps.export(run, out / run.scenario.name, lang="de")
    ps.export(vergleich, out / "vergleich", lang="de")

    # Beste Option je Körperschaft und Faktor, in aufsteigender Reihenfolge der Faktoren.
    order = sorted(range(len(FAKTOREN)), key=FAKTOREN.__getitem__)
    print(f"Beste Option je Körperschaft, Gewicht der Gruppe {GRUPPE} mal …")
    for name, group in vergleich.ranks.groupby("body_name", sort=False):
        best = group[group["rank"] == 1].set_index("scenario")["option"]
        tops = [best[runs[i].scenario.name] for i in order]
        if len(set(tops)) == 1:
            print(f"  {name}: {tops[0]} (bei jedem Faktor)")
            continue
        print(f"  {name}:")
        for i, top in zip(order, tops, strict=True):
            print(f"    × {FAKTOREN[i]:<4g} {top}")
    print(f"\nAusgabe: {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "gewichte_variieren")
