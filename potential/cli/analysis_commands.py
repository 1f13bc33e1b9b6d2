"""Commands that rank: ``analyse``, ``compare-methods``, ``smaa``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    METHOD_NAMES,
    criteria_option,
    csv_dialect_option,
    data_option,
    economics_options,
    lang_option,
    main,
    out_option,
    reference_date_option,
    reports_input_errors,
    smaa_options,
)


@main.command(context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--method",
    default=None,
    metavar="NAME",
    help=f"Ranking method: {', '.join(METHOD_NAMES)} [default: wsm].",
)
@reference_date_option
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
    "ranked with its own weights and a group view is written. Default: the data folder's "
    "body_weights.csv (the survey's weights) if there is one.",
)
@click.option(
    "--model-weights",
    is_flag=True,
    help="Rank every body with the criteria model's weights, even where the data folder "
    "holds the survey's body_weights.csv.",
)
@out_option
@lang_option
@click.option(
    "--top", default=3, show_default=True, type=click.IntRange(1), help="Options shown per body."
)
@smaa_options(
    "Also compute SMAA rank acceptability with N weight samples (sheets Akzeptanz and "
    "Rangakzeptanz, smaa_*.csv)."
)
@click.option(
    "--risk",
    "risk_samples",
    default=None,
    type=click.IntRange(1),
    metavar="N",
    help="Also run a Monte Carlo with N samples over the uncertain inputs of the "
    "Wirtschaftlichkeitsvergleich (ranges of the data, seeded with --seed): writes "
    "npv_risk.csv with the chance that each option's Kapitalwert is positive.",
)
@csv_dialect_option
@economics_options
@reports_input_errors
def analyse(
    data, criteria, method, reference_date, scenario, body_weights, model_weights, out, lang,
    top, samples, seed, risk_samples, csv_dialect, economics, scales,
):  # fmt: skip
    """Rank every body's cooperation options and write ranking.csv, cashflows.csv (the
    Wirtschaftlichkeitsvergleich), excluded.csv (options the knock-out stage removed, with
    reasons), joint.csv, contributions.csv and ranking.xlsx to the output folder (with body
    weights, from --body-weights or the criteria model, also group_options.csv and
    group_weights.csv)."""
    from potential import analysis, datasets, exports
    from potential.criteria import resolve_criteria_path

    economics = _checked_economics(economics)
    if model_weights and (body_weights or scenario):
        raise click.UsageError(
            "--model-weights passt nicht zu --body-weights oder --scenario (im Szenario: "
            "Schlüssel body_weights)"
            if lang == "de"
            else "--model-weights does not go with --body-weights or --scenario (in a "
            "scenario: key body_weights)"
        )

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
        if samples:
            changes["uncertainty"] = {"n": samples, "seed": seed}
        if economics:
            chosen = sc.economics.overrides() if sc.economics is not None else {}
            chosen.update(economics)
            changes["economics"] = _checked_economics(chosen)
        if changes:
            sc = sc.with_changes(**changes)
        run = ps.run(sc)
        result = run.analysis
        written = export_run(
            run, Path(out), lang=lang, protect=_protected(body_weights), csv_dialect=csv_dialect
        )
    else:
        from potential.provenance import run_record

        result = analysis.analyse(
            dataset=data,
            criteria=criteria or "ikz-egov-nrw",
            method=method or "wsm",
            reference_date=reference_date,
            body_weights=False if model_weights else body_weights,
            economics=economics,
            scales=scales,
        )
        protect = [Path(result.dataset.path) / name for name in datasets.TABLES]
        protect.append(resolve_criteria_path(criteria or "ikz-egov-nrw"))
        protect += _protected(body_weights)
        smaa = None
        if samples:
            from potential.uncertainty.bodies import smaa_of

            smaa = smaa_of(result, n=samples, seed=seed)
        record = run_record(
            result,
            criteria=criteria or "ikz-egov-nrw",
            body_weights=body_weights,
            seed=seed if samples else None,
            settings={"smaa_method": smaa.method, "n": samples} if smaa is not None else None,
        )
        tables = {}
        if risk_samples:
            from potential.uncertainty import npv_risk_of

            tables["npv_risk.csv"] = npv_risk_of(result, n=risk_samples, seed=seed)
            record["settings"] = {**(record["settings"] or {}), "risk_samples": risk_samples}
            record["seed"] = seed
        written = exports.export_analysis(
            result,
            Path(out),
            lang=lang,
            protect=protect,
            provenance=record,
            smaa=smaa,
            csv_dialect=csv_dialect,
            extra_tables=tables,
        )
    if scenario:
        weights_from = run.scenario.body_weights if hasattr(run, "scenario") else None
    else:
        weights_from = body_weights or (
            None if model_weights else analysis.dataset_body_weights(result.dataset)
        )
    _print_top(result, lang, top, weights_from)
    click.echo("")
    for path in written:
        click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")


def _checked_economics(chosen: dict) -> dict:
    """The economics settings a user typed, checked (so errors name the option)."""
    from potential.economics.finance import check_rate, check_years
    from potential.economics.settings import check_ramp_up

    out = dict(chosen)
    if "horizon_years" in out:
        out["horizon_years"] = check_years(out["horizon_years"], "--horizon")
    if "discount_rate" in out:
        out["discount_rate"] = check_rate(out["discount_rate"], "--discount-rate")
    if "ramp_up" in out:
        out["ramp_up"] = list(check_ramp_up(out["ramp_up"], "--ramp-up"))
    return out


def _protected(*paths) -> list[Path]:
    return [Path(p) for p in paths if p]


def _print_weights(result, lang: str, source=None) -> None:
    """Say whose weights ranked each body: its own (and from where) or the model's."""
    from potential.options import participants

    de = lang == "de"
    own = [b for b in participants(result.dataset) if b.id in result.criteria.body_weights]
    if not own:
        click.echo(
            "\nGewichte: die des Kriterienmodells für alle Körperschaften"
            if de
            else "\nWeights: the criteria model's for every body"
        )
        return
    where = str(source) if source else ""
    names = ", ".join(b.name for b in own)
    click.echo(
        f"\nGewichte: eigene für {names}{' (' + where + ')' if where else ''}; übrige: die "
        "des Kriterienmodells (--model-weights: alle mit denen des Modells)"
        if de
        else f"\nWeights: own for {names}{' (' + where + ')' if where else ''}; others: the "
        "criteria model's (--model-weights: all with the model's)"
    )


def _print_top(result, lang: str, top: int, weights_from=None) -> None:
    """Print each body's best options with the two criteria that carry them most."""
    from potential import labels
    from potential.options import STAND_ALONE, participants
    from potential.report.text import number

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
            if row["option"] == STAND_ALONE:
                click.echo(
                    f"  {row['rank']}. {labels.option_label(result.dataset, row, lang)}"
                    f"  [{'Punkte' if de else 'score'} {number(row['score'], 3, lang)}]"
                )
                continue
            why = result.explain(body.id, row["option"]).head(2)
            reasons = ", ".join(
                labels.column(c, lang, result.criteria).split(" (")[0] for c in why["criterion"]
            )
            click.echo(
                f"  {row['rank']}. {labels.option_label(result.dataset, row, lang)}"
                f"  [{'Kapitalwert' if de else 'NPV'} {number(row['npv'], 0, lang)} €; "
                f"{'Punkte' if de else 'score'} {number(row['score'], 3, lang)}; "
                f"{'vor allem' if de else 'mainly'}: {reasons}]"
            )
        if rows["option"].iloc[0] == STAND_ALONE:
            click.echo(
                f"  → Für {body.name} lohnt sich keine der geprüften Kooperationen."
                if de
                else f"  → For {body.name}, none of the cooperations examined pays."
            )
    _print_weights(result, lang, weights_from)
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
@data_option
@criteria_option
@click.option(
    "--methods",
    default=",".join(METHOD_NAMES),
    show_default=True,
    metavar="A,B,...",
    help="Methods to compare, separated by commas.",
)
@reference_date_option
@out_option
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
@csv_dialect_option
@reports_input_errors
def compare_methods(
    data, criteria, methods, reference_date, out, rank_reversal, seed, csv_dialect
):
    """Would another method agree? Rank every body by several methods and compare.

    Writes methods_ranks.csv (each option's rank by each method) and methods_agreement.csv
    (Kendall's tau between every two methods, per body) and prints the agreement. With
    --rank-reversal also rank_reversal.csv.
    """
    from potential import analysis, files
    from potential.files import csv_writer

    names = [m.strip() for m in methods.split(",") if m.strip()]
    common = {
        "dataset": data,
        "criteria": criteria or "ikz-egov-nrw",
        "methods": names,
        "reference_date": reference_date,
    }
    ranks, agreement = analysis.compare_methods(**common)
    outputs = {
        "methods_ranks.csv": csv_writer(ranks, csv_dialect),
        "methods_agreement.csv": csv_writer(agreement, csv_dialect),
    }
    if rank_reversal:
        checks = analysis.rank_reversal_checks(**common, seed=seed)
        outputs["rank_reversal.csv"] = csv_writer(checks, csv_dialect)
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
@data_option
@criteria_option
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
@reference_date_option
@out_option
@lang_option
@csv_dialect_option
@reports_input_errors
def smaa(data, criteria, method, n, seed, weights, values, reference_date, out, lang, csv_dialect):
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
    record = _smaa_record(result, data, criteria)
    written = write_smaa(result, Path(out), lang, provenance=record, csv_dialect=csv_dialect)
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
