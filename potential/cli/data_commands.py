"""Commands that check and show inputs: ``validate``, ``data show``, ``data sources``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    csv_dialect_option,
    data_option,
    lang_option,
    lang_switch,
    main,
    reports_input_errors,
)
from potential.messages import both, message


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="PFAD...")
@lang_switch
def validate(paths):
    """Prüft Datensatzordner, Kriterienmodelle und Szenariodateien.

    Jeder Pfad wird geprüft; jedes Problem steht in einer Zeile. Exit-Code 2, wenn eine
    Prüfung fehlschlägt.
    """
    from potential.validation import validate_path

    failed = 0
    for path in paths:
        kind, problem = validate_path(Path(path))
        if problem:
            failed += 1
            click.echo(message("cli.validate.failed", problem=problem), err=True)
        else:
            kind = message(f"cli.validate.kind_{kind}")
            click.echo(message("cli.validate.ok", path=path, kind=kind))
    if failed:
        sys.exit(2)


@main.group(context_settings=CONTEXT)
@lang_switch
def data():
    """Einen Datensatz ansehen: seine Tabellen und die Quellen seiner Zahlen."""


TABLE_CHOICES = [
    "bodies", "fields", "legal_forms", "obligations", "cooperations", "parameters",
    "vat_rules", "knockout_rules",
]  # fmt: skip


@data.command(context_settings=CONTEXT)
@data_option
@click.option(
    "--table",
    default="bodies",
    show_default=True,
    type=click.Choice(TABLE_CHOICES),
    help="Welche Tabelle angezeigt wird.",
)
@lang_switch
@reports_input_errors
def show(data, table):
    """Zeigt eine Tabelle des Datensatzes."""
    import pandas as pd

    from potential.datasets import load_dataset
    from potential.datasets import table as dataset_table

    frame = dataset_table(load_dataset(data), table)
    if table == "bodies":
        columns = ["id", "ags", "name", "kind", "population", "population_date", "area_km2"]
        frame = frame[[*columns, "neighbours"]]
    with pd.option_context(
        "display.width", 200, "display.max_columns", 20, "display.max_colwidth", 60
    ):
        click.echo(frame.to_string(index=False))


#: first line of ``potential data sources``: what the grade marks mean (by language)
LEGEND = dict(zip(("de", "en"), both("cli.sources.legend"), strict=True))


@data.command(context_settings=CONTEXT)
@data_option
@click.option(
    "--criteria",
    default="ikz-egov-nrw",
    show_default=True,
    metavar="NAME|PFAD",
    help="Kriterienmodell, dessen Gewichte ebenfalls aufgeführt werden.",
)
@click.option(
    "--out",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="Die Liste als CSV in diese Datei schreiben, statt sie anzuzeigen.",
)
@click.option(
    "--scenario",
    default=None,
    metavar="DATEI|NAME",
    help="Die Zahlen so aufführen, wie ein Szenario sie verwendet (seine Änderungen tragen "
    "ihre eigene Quelle oder Annahme); --data und --criteria kommen dann aus dem Szenario.",
)
@csv_dialect_option
@lang_option
@reports_input_errors
def sources(data, criteria, out, scenario, csv_dialect, lang):
    """Führt jede Zahl der Daten und des Kriterienmodells mit ihrer Quelle oder Annahme auf.

    Jede Quelle steht mit ihrer Güte da: [V] Primärtext, [S] Sekundärquelle, [U] ungeprüft.
    Ein Wert, der auf einer [S]- oder [U]-Quelle beruht, trägt dieses Zeichen am Ende seiner
    Zeile (die schwächste Güte seiner Quellen); Werte auf Primärtexten bleiben ohne Zeichen.
    """
    import pandas as pd

    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.files import csv_writer, write_outputs
    from potential.provenance import sources_table

    options = {"ranges": True, "grades": True, "lang": lang}
    if scenario:
        from potential.scenarios.running import prepare

        prep = prepare(scenario)
        table = sources_table(prep.dataset, prep.criteria, **options)
    else:
        table = sources_table(load_dataset(data), load_criteria(criteria), **options)
    if out:
        out = Path(out)
        write_outputs(
            out.parent if str(out.parent) else Path("."),
            {out.name: csv_writer(table, csv_dialect)},
        )
        click.echo(message("cli.sources.written", lang=lang, n=len(table), path=out))
        return
    counts = table["status"].value_counts()
    click.echo(LEGEND[lang] + "\n")
    for _, row in table.iterrows():
        span = (
            ""
            if pd.isna(row["low"])
            else message("cli.sources.range", lang=lang, low=row["low"], high=row["high"])
        )
        mark = f" [{row['grade']}]" if row["grade"] in ("S", "U") else ""
        click.echo(
            f"{row['table']}:{row['item']}:{row['parameter']} = {row['value']} {row['unit']}"
            f"{span}{mark}\n    {row['status']}: {row['reference']}"
        )
    click.echo("\n" + ", ".join(f"{n} {status}" for status, n in counts.sort_index().items()))
