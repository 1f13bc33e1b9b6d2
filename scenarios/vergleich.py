"""Vergleich dreier Szenarien: heute, Personaldruck 2030 und Umsatzsteuer ab 2027.

Rechnet die drei mitgelieferten Szenarien, vergleicht sie mit „heute“ als Basis und gibt je
Körperschaft die robusten Optionen aus: die, die in jedem der drei Szenarien unter den
besten drei liegen, jede mit ihrem Kapitalwert (Wirtschaftlichkeitsvergleich über zehn
Jahre, Differenz zum Alleingang) in jedem Szenario. Ergebnisse (Rangfolgen,
Vergleichstabellen, Excel, provenance.json) landen im Ausgabeordner.

Aufruf::

    python scenarios/vergleich.py [AUSGABEORDNER]     # Standard: out/vergleich
"""

from __future__ import annotations

import sys
from pathlib import Path

import potential.scenarios as ps

SZENARIEN = ["heute", "personal-2030", "ust-2027"]  # das erste ist die Basis


def euro(value: float) -> str:
    """Ein Betrag in ganzen Euro mit deutschem Tausenderpunkt, z. B. ``-12.345 €``."""
    return f"{value:,.0f} €".replace(",", ".").replace("-", "−")


def main(out: Path) -> None:
    runs = [ps.run(ps.load(name)) for name in SZENARIEN]
    vergleich = ps.compare(runs)

    # Jeder Lauf und der Vergleich in einen eigenen Unterordner.
    for run in runs:
        ps.export(run, out / run.scenario.name, lang="de")
    ps.export(vergleich, out / "vergleich", lang="de")

    # Kapitalwert je (Körperschaft, Option) in jedem Szenario
    kapitalwert = {
        run.scenario.name: run.analysis.ranking.set_index(["body", "option"])["npv"]
        for run in runs
    }
    # Namen der Optionen (Handlungsfeld – Rechtsform – Partner) statt ihrer Kennungen
    namen = {option: name for run in runs[::-1] for option, name in run.option_labels().items()}

    print("Übereinstimmung mit der Basis (Kendalls Tau, Mittel über die Körperschaften):")
    for row in vergleich.summary.itertuples():
        tau = f"{row.mean_tau:.2f}".replace(".", ",")  # deutsches Komma
        print(
            f"  {row.scenario_a} ↔ {row.scenario_b}: Tau {tau}, "
            f"gleiche beste Option bei {row.bodies_same_top} von {row.bodies} Körperschaften"
        )

    print(
        f"\nRobuste Optionen (in jedem Szenario unter den besten {vergleich.top}), "
        f"Kapitalwert in {', '.join(SZENARIEN)}:"
    )
    robust = vergleich.robust
    for body, name in (
        vergleich.ranks[["body", "body_name"]].drop_duplicates().itertuples(index=False)
    ):
        mine = robust[robust["body"] == body]
        print(f"  {name}:")
        if mine.empty:
            print("    keine – die Spitze hängt vom Szenario ab")
        for row in mine.itertuples():
            werte = " / ".join(euro(kapitalwert[s][(body, row.option)]) for s in SZENARIEN)
            print(f"    {namen[row.option]}  (schlechtester Rang {row.worst_rank:.0f}; {werte})")
    print(f"\nAusgabe: {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "vergleich")
