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
    main,
    reports_input_errors,
)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def validate(paths):
    """Check dataset folders, criteria models and scenario files.

    Every path is checked; each problem is printed on one line. Exit code 2 if any fails.
    """
    from potential.validation import validate_path

    failed = 0
    for path in paths:
        kind, problem = validate_path(Path(path))
        if problem:
            failed += 1
            click.echo(f"FEHLER {problem}", err=True)
        else:
            click.echo(f"OK     {path} ({kind})")
    if failed:
        sys.exit(2)


@main.group(context_settings=CONTEXT)
def data():
    """Look at a dataset: its tables and the sources of its figures."""


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
    help="Which table to show.",
)
@reports_input_errors
def show(data, table):
    """Print a table of the dataset."""
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


#: first line of ``potential data sources``: what the grade marks mean
LEGEND = {
    "de": "Güte der Quellen: [V] Primärtext, [S] Sekundärquelle, [U] ungeprüft. Werte, die "
    "auf einer [S]- oder [U]-Quelle beruhen, tragen das Zeichen am Zeilenende.",
    "en": "Source grades: [V] primary text, [S] secondary source, [U] unverified. Values "
    "that rest on an [S] or [U] source carry the mark at the end of their line.",
}


@data.command(context_settings=CONTEXT)
@data_option
@click.option(
    "--criteria",
    default="ikz-egov-nrw",
    show_default=True,
    metavar="NAME|PATH",
    help="Criteria model whose weights are listed too.",
)
@click.option(
    "--out",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write the list as CSV to this file instead of printing it.",
)
@click.option(
    "--scenario",
    default=None,
    metavar="FILE|NAME",
    help="List the figures as a scenario uses them (its changes carry their own source or "
    "assumption); --data and --criteria are then taken from the scenario.",
)
@csv_dialect_option
@lang_option
@reports_input_errors
def sources(data, criteria, out, scenario, csv_dialect, lang):
    """List every number of the data and the criteria model with its source or assumption.

    Each source is cited with its grade: [V] primary text, [S] secondary source, [U]
    unverified. A value that rests on an [S] or [U] source carries that mark at the end of
    its line (the weakest grade of its sources); values on primary texts stay unmarked.
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
        click.echo(f"{len(table)} Werte mit Herkunft geschrieben: {out}")
        return
    counts = table["status"].value_counts()
    click.echo(LEGEND[lang] + "\n")
    for _, row in table.iterrows():
        span = "" if pd.isna(row["low"]) else f" (range {row['low']}–{row['high']})"
        mark = f" [{row['grade']}]" if row["grade"] in ("S", "U") else ""
        click.echo(
            f"{row['table']}:{row['item']}:{row['parameter']} = {row['value']} {row['unit']}"
            f"{span}{mark}\n    {row['status']}: {row['reference']}"
        )
    click.echo("\n" + ", ".join(f"{n} {status}" for status, n in counts.sort_index().items()))
