"""Commands for scenarios: ``scenario run``, ``scenario compare``, ``schema``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    announce,
    csv_dialect_option,
    lang_option,
    lang_switch,
    main,
    model_weights_option,
    out_option,
    quiet_option,
    reports_input_errors,
    smaa_progress,
)
from potential.messages import message


def _with_weights(files, model_weights: bool) -> list:
    """The scenarios to run, loaded (so a bad file is reported before any progress line);
    with ``--model-weights`` each with ``body_weights: model``."""
    import potential.scenarios as ps

    loaded = [ps.load(f) for f in files]
    if not model_weights:
        return loaded
    return [sc.with_changes(body_weights="model") for sc in loaded]


def analysis_line(analysis, lang) -> str:
    """The line ``Gewichte: …`` of a scenario's analysis (:mod:`potential.weight_sources`)."""
    from potential.weight_sources import analysis_line as line

    return line(analysis, lang)


@main.group(context_settings=CONTEXT)
@lang_switch
def scenario():
    """Szenarien rechnen und vergleichen (YAML-Dateien; siehe scenarios/README.md)."""


@scenario.command("run", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="DATEI...")
@out_option
@model_weights_option
@lang_option
@csv_dialect_option
@quiet_option
@reports_input_errors
def scenario_run(files, out, model_weights, lang, csv_dialect, quiet):
    """Rechnet ein oder mehrere Szenarien (Dateien oder mitgelieferte Namen wie heute).

    Die Tabellen jedes Szenarios kommen nach OUT/NAME/: ranking.csv, cashflows.csv,
    excluded.csv, joint.csv, contributions.csv, changes.csv (jeder Wert, den das Szenario
    geändert hat), ranking.xlsx und provenance.json.
    """
    import potential.scenarios as ps
    from potential.report.text import date, number
    from potential.scenarios.exporting import export_run

    scenarios = _with_weights(files, model_weights)
    announce("cli.progress.scenarios", quiet, n=len(files))
    runs = ps.run_many(scenarios, progress=smaa_progress(quiet))
    for run in runs:
        written = export_run(run, Path(out) / run.name, lang=lang, csv_dialect=csv_dialect)
        a = run.analysis
        click.echo(
            message(
                "cli.scenario.header",
                lang=lang,
                label=run.scenario.label,
                name=run.name,
                date=date(a.reference_date, lang),
                method=a.method,
                n=len(run.changes),
            )
        )
        names = run.option_labels(lang)  # "IT – Rechtsform – Partner" instead of the option id
        for _, row in a.top(1).iterrows():
            money = (
                ""
                if row["option"] == "alleingang"
                else message("cli.scenario.npv", lang=lang, npv=number(row["npv"], 0, lang))
            )
            click.echo(
                message(
                    "cli.scenario.best",
                    lang=lang,
                    body=row["body_name"],
                    option=names.get(row["option"], row["option"]),
                    score=number(row["score"], 3, lang),
                    money=money,
                )
            )
        click.echo("  " + analysis_line(a, lang))
        click.echo("  " + message("cli.written", lang=lang, path=f"{written[0].parent}/"))


@scenario.command("compare", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="A B [C...]")
@out_option
@click.option(
    "--top",
    default=3,
    show_default=True,
    type=click.IntRange(1),
    help="Eine Option ist für eine Körperschaft robust, wenn sie in jedem Szenario unter "
    "ihren ersten N ist.",
)
@model_weights_option
@lang_option
@csv_dialect_option
@quiet_option
@reports_input_errors
def scenario_compare(files, out, top, model_weights, lang, csv_dialect, quiet):
    """Vergleicht Szenarien: welche Optionen für jede Körperschaft steigen oder fallen,
    Kendalls Tau zwischen den Rangfolgen der Szenarien und die Optionen, die in jedem
    Szenario unter den ersten 3 sind.

    Das erste Szenario ist die Basis. Schreibt compare_moves.csv, compare_correlation.csv,
    compare_robust.csv, compare_summary.csv, comparison.xlsx und provenance.json.
    """
    import potential.scenarios as ps
    from potential.errors import InputError
    from potential.scenarios.exporting import export_comparison

    if len(files) < 2:
        raise InputError(message("cli.scenario.compare_needs_two", n=len(files)))
    scenarios = _with_weights(files, model_weights)
    announce("cli.progress.scenarios", quiet, n=len(files))
    runs = ps.run_many(scenarios, progress=smaa_progress(quiet))
    comparison = ps.compare(runs, top=top)
    written = export_comparison(comparison, runs, Path(out), lang=lang, csv_dialect=csv_dialect)
    base = runs[0].name
    click.echo(message("cli.scenario.correlation", lang=lang))
    for row in comparison.summary.itertuples(index=False):
        click.echo(
            message(
                "cli.scenario.pair",
                lang=lang,
                a=row.scenario_a,
                b=row.scenario_b,
                tau=f"{row.mean_tau:+.3f}",
                min=f"{row.min_tau:+.3f}",
                same=row.bodies_same_top,
                n=row.bodies,
            )
        )
    click.echo("\n" + message("cli.scenario.robust", lang=lang, top=top, base=base))
    from potential import labels

    dataset = runs[0].analysis.dataset
    moves = comparison.moves
    change_cols = [c for c in moves.columns if c.startswith("change_")]
    for body, rows in moves.groupby("body", sort=False):
        robust = comparison.robust[comparison.robust["body"] == body]
        up = int((rows[change_cols] > 0).any(axis=1).sum())
        down = int((rows[change_cols] < 0).any(axis=1).sum())
        click.echo(
            message(
                "cli.scenario.moves",
                lang=lang,
                body=rows["body_name"].iloc[0],
                robust=len(robust),
                up=up,
                down=down,
            )
        )
        for _, row in robust.iterrows():
            click.echo(f"      {labels.option_label(dataset, row, lang)}")
    click.echo("")
    for run in runs:
        click.echo(f"{run.name}: {analysis_line(run.analysis, lang)}")
    click.echo("")
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


@main.command(context_settings=CONTEXT)
@click.argument("kind", type=click.Choice(["scenario", "criteria"]))
@click.option(
    "--out",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="Das Schema in diese Datei schreiben, statt es anzuzeigen.",
)
@lang_switch
@reports_input_errors
def schema(kind, out):
    """Zeigt das JSON-Schema einer Szenariodatei oder eines Kriterienmodells, für Editoren.

    Speichern Sie es und verweisen Sie Ihren Editor darauf, z. B. mit der ersten Zeile
    `# yaml-language-server: $schema=scenario.schema.json` in einer Szenariodatei.
    """
    import json

    from potential.files import write_outputs

    if kind == "scenario":
        from potential.scenarios.model import Scenario as model
    else:
        from potential.criteria import CriteriaModel as model
    document = model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    out = Path(out)
    write_outputs(
        out.parent if str(out.parent) else Path("."),
        {out.name: lambda p: p.write_text(text, encoding="utf-8")},
    )
    click.echo(message("cli.written", path=out))
