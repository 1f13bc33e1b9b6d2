"""Command line: ``potential analyse | compare-methods | smaa | scenario run|compare | schema |
validate | data show|sources``.

Each command parses its options, makes one library call, writes or prints the result, and
turns a user's mistake (:class:`potential.errors.InputError`) into one line on stderr and
exit code 2. The heavy libraries are imported inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: The ranking methods of :data:`potential.mcda.METHODS` (kept here so --help stays light;
#: a test checks that both lists agree).
METHOD_NAMES = ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee2", "electre1")


class InputProblem(click.ClickException):
    """A user's mistake: printed as one line, exit code 2."""

    exit_code = 2


def reports_input_errors(func):
    """Turn :class:`InputError` (and missing files) into :class:`InputProblem`."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from potential.errors import InputError

        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise InputProblem(str(exc)) from None

    return wrapper


def _version() -> str:
    from potential import __version__

    return __version__


_criteria_option = click.option(
    "--criteria",
    default=None,
    metavar="NAME|PATH",
    help="Criteria model: shipped name or YAML file [default: ikz-egov-nrw].",
)
_reference_date_option = click.option(
    "--reference-date",
    default=None,
    metavar="YYYY-MM-DD",
    help="Date at which duties and tax rules are judged [default: the dataset's].",
)
_out_option = click.option("--out", default="out", show_default=True, help="Output folder.")
_lang_option = click.option(
    "--lang",
    default="de",
    show_default=True,
    type=click.Choice(["de", "en"]),
    help="Language of the printed lines and the workbook headers.",
)


@click.group(context_settings=CONTEXT)
@click.version_option(_version(), "-V", "--version", prog_name="potential")
def main():
    """Potenzialanalyse interkommunaler Zusammenarbeit (IKZ) im E-Government.

    Rank the cooperation options of every body (county and towns) on the embedded Kreis
    Unna data or your own, and export the tables for the mayors' conference.
    """


def _data_option(func):
    return click.option(
        "--data",
        "data",
        default=None,
        metavar="NAME|PATH",
        help="Dataset: embedded name or folder with dataset.yaml [default: kreis-unna].",
    )(func)


@main.command(context_settings=CONTEXT)
@_data_option
@_criteria_option
@click.option(
    "--method",
    default=None,
    metavar="NAME",
    help=f"Ranking method: {', '.join(METHOD_NAMES)} [default: wsm].",
)
@_reference_date_option
@click.option(
    "--scenario",
    default=None,
    type=click.Path(dir_okay=False),
    help="Scenario file; its settings apply unless given here.",
)
@click.option(
    "--body-weights",
    default=None,
    type=click.Path(dir_okay=False),
    help="CSV of each body's own weights (body,level,id,weight,source); each body is then "
    "ranked with its own weights and a group view is written.",
)
@_out_option
@_lang_option
@click.option(
    "--top", default=3, show_default=True, type=click.IntRange(1), help="Options shown per body."
)
@reports_input_errors
def analyse(data, criteria, method, reference_date, scenario, body_weights, out, lang, top):
    """Rank every body's cooperation options and write ranking.csv, joint.csv,
    contributions.csv and ranking.xlsx to the output folder (with body weights, from
    --body-weights or the criteria model, also
    group_options.csv and group_weights.csv)."""
    from potential import analysis, datasets, exports
    from potential.criteria import resolve_criteria_path

    given = {
        "data": data,
        "criteria": criteria,
        "method": method,
        "reference_date": reference_date,
        "body_weights": body_weights,
    }
    if scenario:
        import potential.scenarios as ps
        from potential.scenarios.exporting import export_run

        sc = ps.load(scenario)
        changes = {k: v for k, v in given.items() if v is not None}
        if changes:
            sc = sc.with_changes(**changes)
        run = ps.run(sc)
        result = run.analysis
        written = export_run(run, Path(out), lang=lang, protect=_protected(body_weights))
    else:
        from potential.provenance import run_record

        result = analysis.analyse(
            dataset=data,
            criteria=criteria or "ikz-egov-nrw",
            method=method or "wsm",
            reference_date=reference_date,
            body_weights=body_weights,
        )
        protect = [Path(result.dataset.path) / name for name in datasets.TABLES]
        protect.append(resolve_criteria_path(criteria or "ikz-egov-nrw"))
        protect += _protected(body_weights)
        record = run_record(result, criteria=criteria or "ikz-egov-nrw", body_weights=body_weights)
        written = exports.export_analysis(
            result, Path(out), lang=lang, protect=protect, provenance=record
        )
    _print_top(result, lang, top)
    click.echo("")
    for path in written:
        click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")


def _protected(*paths) -> list[Path]:
    return [Path(p) for p in paths if p]


def _print_top(result, lang: str, top: int) -> None:
    """Print each body's best options with the two criteria that carry them most."""
    from potential import labels
    from potential.options import participants

    de = lang == "de"
    click.echo(
        (
            f"Stichtag {result.reference_date}, Methode {result.method}, "
            f"Kriterienmodell {result.criteria.id}"
        )
        if de
        else (
            f"Reference date {result.reference_date}, method {result.method}, "
            f"criteria model {result.criteria.id}"
        )
    )
    for body in participants(result.dataset):
        click.echo(f"\n{body.name}")
        rows = result.ranking[
            (result.ranking["body"] == body.id) & (result.ranking["rank"] <= top)
        ]
        for _, row in rows.iterrows():
            why = result.explain(body.id, row["option"]).head(2)
            reasons = ", ".join(
                labels.column(c, lang, result.criteria).split(" (")[0] for c in why["criterion"]
            )
            click.echo(
                f"  {row['rank']}. {labels.option_label(result.dataset, row, lang)}"
                f"  [{row['score']:.3f}; {'vor allem' if de else 'mainly'}: {reasons}]"
            )
    if result.criteria.body_weights:
        group = result.group_view()
        departing = group.departures[group.departures["departs"]]
        click.echo(
            f"\n{'Übereinstimmung der Gewichte' if de else 'Agreement of weights'} "
            f"(Kendall's W): {group.kendall_w:.3f}"
        )
        if len(departing):
            names = ", ".join(departing["body_name"].head(3))
            click.echo(f"{'Weichen am stärksten ab' if de else 'Depart most'}: {names}")


@main.command("compare-methods", context_settings=CONTEXT)
@_data_option
@_criteria_option
@click.option(
    "--methods",
    default=",".join(METHOD_NAMES),
    show_default=True,
    metavar="A,B,...",
    help="Methods to compare, separated by commas.",
)
@_reference_date_option
@_out_option
@click.option(
    "--rank-reversal",
    is_flag=True,
    help="Also run the rank-invariance check (worsen each non-top option) for every method "
    "and body; writes rank_reversal.csv. Takes a minute or two.",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Seed of the random worsening in the rank-reversal check.",
)
@reports_input_errors
def compare_methods(data, criteria, methods, reference_date, out, rank_reversal, seed):
    """Would another method agree? Rank every body by several methods and compare.

    Writes methods_ranks.csv (each option's rank by each method) and methods_agreement.csv
    (Kendall's tau between every two methods, per body) and prints the agreement. With
    --rank-reversal also rank_reversal.csv.
    """
    from potential import analysis, files

    names = [m.strip() for m in methods.split(",") if m.strip()]
    common = {
        "dataset": data,
        "criteria": criteria or "ikz-egov-nrw",
        "methods": names,
        "reference_date": reference_date,
    }
    ranks, agreement = analysis.compare_methods(**common)
    outputs = {
        "methods_ranks.csv": lambda p: ranks.to_csv(p, index=False, lineterminator="\n"),
        "methods_agreement.csv": lambda p: agreement.to_csv(p, index=False, lineterminator="\n"),
    }
    if rank_reversal:
        checks = analysis.rank_reversal_checks(**common, seed=seed)
        outputs["rank_reversal.csv"] = lambda p: checks.to_csv(p, index=False, lineterminator="\n")
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.provenance import run_record

    record = run_record(
        dataset=load_dataset(data),
        model=load_criteria(common["criteria"]),
        method=",".join(names),
        reference_date=reference_date or load_dataset(data).meta.reference_date,
        criteria=common["criteria"],
        seed=seed if rank_reversal else None,
        settings={"methods": names, "rank_reversal": rank_reversal},
    )
    written = files.write_outputs(Path(out), outputs, provenance=record)
    summary = agreement.groupby(["method_a", "method_b"], sort=False).agg(
        tau=("kendall_tau", "mean"), same_top=("same_top", "sum")
    )
    n = agreement["body"].nunique()
    click.echo(f"Kendall's tau (mean over {n} bodies) and bodies with the same top option:")
    for (a, b), row in summary.iterrows():
        click.echo(
            f"  {a:>10} ~ {b:<10}  tau {row['tau']:+.3f}   same top {int(row['same_top'])}/{n}"
        )
    if rank_reversal:
        click.echo("\nRank invariance: top option kept when another option is made worse")
        for m, rows in checks.groupby("method", sort=False):
            kept = rows["optimal_preservation_rate"].mean()
            click.echo(f"  {m:>10}  kept in {kept:.0%} of the experiments (mean over bodies)")
    click.echo("")
    for path in written:
        click.echo(f"written: {path}")


@main.command(context_settings=CONTEXT)
@_data_option
@_criteria_option
@click.option(
    "--method",
    default="wsm",
    show_default=True,
    type=click.Choice(["wsm", "wpm", "topsis"]),
    help="Ranking method (vectorised in SMAA).",
)
@click.option(
    "--n",
    "n",
    default=10_000,
    show_default=True,
    type=click.IntRange(1),
    help="Weight samples per body.",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Seed: the same seed gives the same tables.",
)
@click.option(
    "--weights",
    default="uniform",
    show_default=True,
    type=click.Choice(["uniform", "groups", "ordinal", "model"]),
    help="Weights sampled: uniform on the simplex, the criteria model's groups, the model's "
    "order of criteria, or the model's weights fixed.",
)
@click.option(
    "--values",
    default="none",
    show_default=True,
    type=click.Choice(["none", "dataset"]),
    help="Indicator values: fixed (none), or each cell drawn uniformly within the range "
    "that the dataset's uncertain parameters (low/high columns) give it, one at a time "
    "(dataset).",
)
@_reference_date_option
@_out_option
@_lang_option
@reports_input_errors
def smaa(data, criteria, method, n, seed, weights, values, reference_date, out, lang):
    """Chance of each rank for every option over all plausible weights (SMAA).

    Writes smaa_acceptability.csv (body, option, rank, share), smaa_summary.csv
    (first-rank acceptability, expected rank, confidence, central weights) and smaa.xlsx.
    """
    from tqdm import tqdm

    from potential.uncertainty.bodies import smaa_by_body, write_smaa

    def progress(items):
        unit = "Körperschaft" if lang == "de" else "body"
        return tqdm(items, desc="SMAA", unit=unit, delay=1.5, leave=False)

    result = smaa_by_body(
        dataset=data,
        criteria=criteria or "ikz-egov-nrw",
        method=method,
        reference_date=reference_date,
        n=n,
        seed=seed,
        weights=weights,
        values=values,
        progress=progress,
    )
    written = write_smaa(result, Path(out), lang, provenance=_smaa_record(result, data, criteria))
    de = lang == "de"
    click.echo(
        f"SMAA: {n} {'Gewichtsstichproben je Körperschaft' if de else 'weight samples per body'}"
        f", {'Methode' if de else 'method'} {method}, seed {seed}, weights {weights}"
        + (f", values {values}" if values != "none" else "")
    )
    summary = result.summary
    for body, name in result.bodies.items():
        rows = summary[summary["body"] == body]
        best = rows.loc[rows["first_rank_acceptability"].idxmax()]
        click.echo(
            f"  {name}: {best['option']}  "
            f"{'Rang 1 in' if de else 'first in'} {best['first_rank_acceptability']:.0%}"
            f" {'der Stichproben' if de else 'of the samples'}"
        )
    click.echo("")
    for path in written:
        click.echo(f"{'geschrieben' if de else 'written'}: {path}")


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
@_out_option
@_lang_option
@reports_input_errors
def scenario_run(files, out, lang):
    """Run one or more scenarios (files or shipped names such as heute).

    Each scenario's tables go to OUT/NAME/: ranking.csv, joint.csv, contributions.csv,
    changes.csv (every value the scenario changed), ranking.xlsx and provenance.json.
    """
    import potential.scenarios as ps
    from potential.scenarios.exporting import export_run

    de = lang == "de"
    runs = ps.run_many(files, progress=_smaa_progress(lang))
    for run in runs:
        written = export_run(run, Path(out) / run.name, lang=lang)
        a = run.analysis
        click.echo(
            f"{run.scenario.label} ({run.name}): {'Stichtag' if de else 'reference date'} "
            f"{a.reference_date}, {'Methode' if de else 'method'} {a.method}, "
            f"{len(run.changes)} {'geänderte Werte' if de else 'values changed'}"
        )
        for _, row in a.top(1).iterrows():
            click.echo(f"  {row['body_name']}: {row['option']}  [{row['score']:.3f}]")
        click.echo(f"  {'geschrieben' if de else 'written'}: {written[0].parent}/")


@scenario.command("compare", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="A B [C...]")
@_out_option
@click.option(
    "--top",
    default=3,
    show_default=True,
    type=click.IntRange(1),
    help="An option is robust for a body if it is in the body's top N in every scenario.",
)
@_lang_option
@reports_input_errors
def scenario_compare(files, out, top, lang):
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
    written = export_comparison(comparison, runs, Path(out), lang=lang)
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


def _smaa_record(result, data, criteria) -> dict:
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.provenance import run_record

    return run_record(
        dataset=load_dataset(data),
        model=load_criteria(criteria or "ikz-egov-nrw"),
        method=result.method,
        reference_date=result.reference_date,
        criteria=criteria or "ikz-egov-nrw",
        seed=result.seed,
        settings={"n": result.n, "weights": result.weights, "values": result.values},
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


TABLE_CHOICES = ["bodies", "fields", "legal_forms", "obligations", "cooperations", "parameters"]


@data.command(context_settings=CONTEXT)
@_data_option
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

    ds = load_dataset(data)
    items = getattr(ds, table)
    frame = pd.DataFrame([i.model_dump() for i in items])
    if table == "bodies":
        frame = frame[
            [
                "id",
                "ags",
                "name",
                "kind",
                "population",
                "population_date",
                "area_km2",
                "neighbours",
            ]
        ]
    with pd.option_context(
        "display.width", 200, "display.max_columns", 20, "display.max_colwidth", 60
    ):
        click.echo(frame.to_string(index=False))


@data.command(context_settings=CONTEXT)
@_data_option
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
@reports_input_errors
def sources(data, criteria, out, scenario):
    """List every number of the data and the criteria model with its source or assumption."""
    import pandas as pd

    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.files import write_outputs
    from potential.provenance import sources_table

    if scenario:
        from potential.scenarios.running import prepare

        prep = prepare(scenario)
        table = sources_table(prep.dataset, prep.criteria, ranges=True)
    else:
        table = sources_table(load_dataset(data), load_criteria(criteria), ranges=True)
    if out:
        out = Path(out)
        write_outputs(
            out.parent if str(out.parent) else Path("."),
            {out.name: lambda p: table.to_csv(p, index=False, lineterminator="\n")},
        )
        click.echo(f"{len(table)} Werte mit Herkunft geschrieben: {out}")
        return
    counts = table["status"].value_counts()
    for _, row in table.iterrows():
        span = "" if pd.isna(row["low"]) else f" (range {row['low']}–{row['high']})"
        click.echo(
            f"{row['table']}:{row['item']}:{row['parameter']} = {row['value']} {row['unit']}"
            f"{span}\n    {row['status']}: {row['reference']}"
        )
    click.echo("\n" + ", ".join(f"{n} {status}" for status, n in counts.sort_index().items()))
