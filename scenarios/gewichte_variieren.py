"""Wie stark hängt die beste Option am Gewicht der Wirtschaftlichkeit?

Rechnet „heute“ mit dem Gewicht einer Kriteriengruppe mal 0, 0,5, 1, 2 und 4 – Standard ist
``wirtschaftlichkeit`` (Kapitalwert je Einwohner und größte Jahresbelastung) – und zeigt je
Körperschaft die beste Option bei jedem Faktor, mit ihrem Kapitalwert. Wechselt sie, hängt
die Empfehlung an dieser Gewichtung; bleibt sie, ist sie in dieser Richtung robust. Gewichte
ändern keinen Kapitalwert: Liegt bei kleinem Faktor eine Option mit kleinerem Kapitalwert
vorn, erkauft die Körperschaft Personalentlastung, Steuerung oder Pflichterfüllung mit Geld.
Die Läufe und ihr Vergleich (Basis: Faktor 1 = „heute“) landen im Ausgabeordner.

Aufruf::

    python scenarios/gewichte_variieren.py [AUSGABEORDNER] [GRUPPE]

Standard: ``out/gewichte_variieren`` und ``wirtschaftlichkeit``; andere Gruppen des
Kriterienmodells ikz-egov-nrw: ``personal``, ``rechtsform_steuerung``, ``egov_pflichten``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import potential.scenarios as ps

FAKTOREN = [1, 0, 0.5, 2, 4]  # der erste ist die Basis des Vergleichs


def euro(value: float) -> str:
    """Ein Betrag in ganzen Euro mit deutschem Tausenderpunkt, z. B. ``-12.345 €``."""
    return f"{value:,.0f} €".replace(",", ".").replace("-", "−")


def main(out: Path, gruppe: str) -> None:
    heute = ps.load("heute")
    runs = []
    for factor in FAKTOREN:
        variant = heute.with_changes(
            name=f"{gruppe}-{round(factor * 100)}".replace("_", "-"),  # ohne Punkt: -50 = × 0,5
            title=f"Heute, Gewicht {gruppe} × {factor:g}",
            description=f"Wie „heute“, das Gewicht der Gruppe {gruppe} mal {factor:g}.",
            weights=[{"group": gruppe, "factor": factor}],
        )
        runs.append(ps.run(variant))
    vergleich = ps.compare(runs)
    for run in runs:
        ps.export(run, out / run.scenario.name, lang="de")
    ps.export(vergleich, out / "vergleich", lang="de")

    # Der Kapitalwert hängt nicht an den Gewichten: einer für alle Läufe; ebenso die Namen
    # der Optionen (Handlungsfeld – Rechtsform – Partner statt der Kennung).
    kapitalwert = runs[0].analysis.ranking.set_index(["body", "option"])["npv"]
    namen = runs[0].option_labels()

    # Beste Option je Körperschaft und Faktor, in aufsteigender Reihenfolge der Faktoren.
    order = sorted(range(len(FAKTOREN)), key=FAKTOREN.__getitem__)
    print(f"Beste Option je Körperschaft (Kapitalwert), Gewicht der Gruppe {gruppe} mal …")
    for (body, name), group in vergleich.ranks.groupby(["body", "body_name"], sort=False):
        best = group[group["rank"] == 1].set_index("scenario")["option"]
        tops = [best[runs[i].scenario.name] for i in order]
        if len(set(tops)) == 1:
            print(
                f"  {name}: {namen[tops[0]]} ({euro(kapitalwert[(body, tops[0])])}, "
                "bei jedem Faktor)"
            )
            continue
        print(f"  {name}:")
        for i, top in zip(order, tops, strict=True):
            print(f"    × {FAKTOREN[i]:<4g} {namen[top]} ({euro(kapitalwert[(body, top)])})")
    print(f"\nAusgabe: {out}")


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "gewichte_variieren"
    main(out, sys.argv[2] if len(sys.argv) > 2 else "wirtschaftlichkeit")
