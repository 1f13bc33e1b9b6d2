"""Commands for scenarios: ``scenario run``, ``scenario compare``, ``schema``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    csv_dialect_option,
    lang_option,
    main,
    out_option,
    reports_input_errors,
)


@main.group(context_settings=CONTEXT)
def scenario():
    """Run and compare scenarios (YAML files; see scenarios/README.md)."""


def _smaa_progress(lang):
    from tqdm import tqdm

    def progress(items):
        unit = "Körperschaft" if lang == "de" else "body"
        return tqdm(items, desc="SMAA", unit=unit, delay=1.5, leave=False)

    return progress


@scenario.command("run", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@out_option
@lang_option
@csv_dialect_option
@reports_input_errors
def scenario_run(files, out, lang, csv_dialect):
    """Run one or more scenarios (files or shipped names such as heute).

    Each scenario's tables go to OUT/NAME/: ranking.csv, cashflows.csv, excluded.csv,
    joint.csv, contributions.csv,
    changes.csv (every value the scenario changed), ranking.xlsx and provenance.json.
    """
    import potential.scenarios as ps
    from potential.report.text import number
    from potential.scenarios.exporting import export_run

    de = lang == "de"
    runs = ps.run_many(files, progress=_smaa_progress(lang))
    for run in runs:
        written = export_run(run, Path(out) / run.name, lang=lang, csv_dialect=csv_dialect)
        a = run.analysis
        click.echo(
            f"{run.scenario.label} ({run.name}): {'Stichtag' if de else 'reference date'} "
            f"{a.reference_date}, {'Methode' if de else 'method'} {a.method}, "
            f"{len(run.changes)} {'geänderte Werte' if de else 'values changed'}"
        )
        for _, row in a.top(1).iterrows():
            money = (
                ""
                if row["option"] == "alleingang"
                else f"; {'Kapitalwert' if de else 'NPV'} {number(row['npv'], 0, lang)} €"
            )
            click.echo(
                f"  {row['body_name']}: {row['option']}  "
                f"[{'Punkte' if de else 'score'} {number(row['score'], 3, lang)}{money}]"
            )
        click.echo(f"  {'geschrieben' if de else 'written'}: {written[0].parent}/")


@scenario.command("compare", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="A B [C...]")
@out_option
@click.option(
    "--top",
    default=3,
    show_default=True,
    type=click.IntRange(1),
    help="An option is robust for a body if it is in the body's top N in every scenario.",
)
@lang_option
@csv_dialect_option
@reports_input_errors
def scenario_compare(files, out, top, lang, csv_dialect):
    """Compare scenarios: which options move up or down for each body, Kendall's tau
    between the scenarios' rankings, and the options in the top 3 of every scenario.

    The first scenario is the baseline. Writes compare_moves.csv, compare_correlation.csv,
    compare_robust.csv, compare_summary.csv, comparison.xlsx and provenance.json.
    """
    import potential.scenarios as ps
    from potential.errors import InputError
    from potential.scenarios.exporting import export_comparison

    if len(files) < 2:
        raise InputError(f"got {len(files)} scenario; expected at least two to compare")
    de = lang == "de"
    runs = ps.run_many(files, progress=_smaa_progress(lang))
    comparison = ps.compare(runs, top=top)
    written = export_comparison(comparison, runs, Path(out), lang=lang, csv_dialect=csv_dialect)
    base = runs[0].name
    click.echo(
        "Rangkorrelation (Kendalls Tau, Mittel über die Körperschaften):"
        if de
        else "Rank correlation (Kendall's tau, mean over the bodies):"
    )
    for row in comparison.summary.itertuples(index=False):
        click.echo(
            f"  {row.scenario_a} ~ {row.scenario_b}: tau {row.mean_tau:+.3f} "
            f"(min {row.min_tau:+.3f}); {'gleiche beste Option' if de else 'same top option'} "
            f"{row.bodies_same_top}/{row.bodies}"
        )
    click.echo(
        f"\n{'Robust (in jedem Szenario unter den ersten' if de else 'Robust (in the top'} "
        f"{top}{')' if de else ' of every scenario)'}, "
        f"{'Bewegungen gegenüber' if de else 'moves against'} {base}:"
    )
    from potential import labels

    dataset = runs[0].analysis.dataset
    moves = comparison.moves
    change_cols = [c for c in moves.columns if c.startswith("change_")]
    for body, rows in moves.groupby("body", sort=False):
        robust = comparison.robust[comparison.robust["body"] == body]
        up = int((rows[change_cols] > 0).any(axis=1).sum())
        down = int((rows[change_cols] < 0).any(axis=1).sum())
        click.echo(
            f"  {rows['body_name'].iloc[0]}: {len(robust)} robust, {up} "
            f"{'Optionen steigen' if de else 'options move up'}, {down} "
            f"{'fallen' if de else 'down'}"
        )
        for _, row in robust.iterrows():
            click.echo(f"      {labels.option_label(dataset, row, lang)}")
    click.echo("")
    for path in written:
        click.echo(f"{'geschrieben' if de else 'written'}: {path}")


@main.command(context_settings=CONTEXT)
@click.argument("kind", type=click.Choice(["scenario", "criteria"]))
@click.option(
    "--out",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write the schema to this file instead of printing it.",
)
@reports_input_errors
def schema(kind, out):
    """Print the JSON Schema of a scenario file or criteria model, for editors.

    Save it and point your editor at it, e.g. with the first line
    `# yaml-language-server: $schema=scenario.schema.json` in a scenario file.
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
    click.echo(f"written: {out}")
