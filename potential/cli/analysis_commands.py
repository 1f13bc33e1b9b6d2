"""Commands that rank: ``analyse``, ``compare-methods``, ``smaa``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    METHOD_NAMES,
    announce,
    criteria_option,
    csv_dialect_option,
    data_option,
    economics_options,
    lang_option,
    main,
    model_weights_option,
    out_option,
    progress_bar,
    quiet_option,
    reference_date_option,
    reports_input_errors,
    smaa_options,
    smaa_progress,
)
from potential.messages import message


@main.command(context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--method",
    default=None,
    metavar="NAME",
    help=f"Rangfolgeverfahren: {', '.join(METHOD_NAMES)} [Vorgabe: wsm].",
)
@reference_date_option
@click.option(
    "--scenario",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="Szenariodatei; ihre Einstellungen gelten, soweit hier nichts anderes angegeben ist.",
)
@click.option(
    "--body-weights",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="CSV mit den eigenen Gewichten jeder Körperschaft (body,level,id,weight,source); "
    "jede Körperschaft wird dann mit ihren eigenen Gewichten bewertet und eine Gesamtsicht "
    "geschrieben. Vorgabe: body_weights.csv im Datenordner (die Gewichte aus der Umfrage), "
    "falls vorhanden.",
)
@click.option(
    "--model-weights",
    is_flag=True,
    help="Jede Körperschaft mit den Gewichten des Kriterienmodells bewerten, auch wenn der "
    "Datenordner die body_weights.csv der Umfrage enthält.",
)
@out_option
@lang_option
@click.option(
    "--top",
    default=3,
    show_default=True,
    type=click.IntRange(1),
    help="Angezeigte Optionen je Körperschaft.",
)
@smaa_options(
    "Zusätzlich die SMAA-Rangakzeptanz mit N Gewichtsstichproben berechnen (Blätter "
    "Akzeptanz und Rangakzeptanz, smaa_*.csv)."
)
@click.option(
    "--risk",
    "risk_samples",
    default=None,
    type=click.IntRange(1, 1_000_000),  # potential.uncertainty.sampling.MAX_DRAWS
    metavar="N",
    help="Zusätzlich eine Monte-Carlo-Simulation mit N Stichproben über die unsicheren "
    "Eingaben des Wirtschaftlichkeitsvergleichs (Spannweiten der Daten, Startwert --seed): "
    "schreibt npv_risk.csv mit der Wahrscheinlichkeit, dass der Kapitalwert jeder Option "
    "positiv ist.",
)
@quiet_option
@csv_dialect_option
@economics_options
@reports_input_errors
def analyse(
    data, criteria, method, reference_date, scenario, body_weights, model_weights, out, lang,
    top, samples, seed, risk_samples, quiet, csv_dialect, economics, scales,
):  # fmt: skip
    """Ordnet die Kooperationsoptionen jeder Körperschaft und schreibt ranking.csv,
    cashflows.csv (den Wirtschaftlichkeitsvergleich), excluded.csv (die Optionen, die die
    Ausschlussstufe entfernt hat, mit Gründen), joint.csv, contributions.csv und ranking.xlsx
    in den Ausgabeordner (mit eigenen Gewichten der Körperschaften, aus --body-weights oder
    dem Kriterienmodell, auch group_options.csv und group_weights.csv)."""
    from potential import analysis, datasets, exports
    from potential.criteria import resolve_criteria_path

    economics = _checked_economics(economics)
    if model_weights and body_weights:
        raise click.UsageError(message("weights_source.model_and_file", lang=lang))

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
        if model_weights:
            changes["body_weights"] = "model"  # the criteria model's weights for every body
        if samples:
            changes["uncertainty"] = {"n": samples, "seed": seed}
        if economics:
            chosen = sc.economics.overrides() if sc.economics is not None else {}
            chosen.update(economics)
            changes["economics"] = _checked_economics(chosen)
        if changes:
            sc = sc.with_changes(**changes)
        run = ps.run(sc, progress=smaa_progress(quiet))
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

            smaa = smaa_of(result, n=samples, seed=seed, progress=smaa_progress(quiet))
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

            risk_bar = None
            if not quiet:
                unit = message("cli.unit_chunk")

                def risk_bar(items):
                    return progress_bar(items, desc="Monte Carlo", unit=unit)

            tables["npv_risk.csv"] = npv_risk_of(
                result, n=risk_samples, seed=seed, progress=risk_bar
            )
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
    _print_top(result, lang, top)
    click.echo("")
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


def _checked_economics(chosen: dict) -> dict:
    """The economics settings a user typed, checked (so errors name the option)."""
    from potential.economics.finance import check_rate, check_years
    from potential.economics.settings import check_ramp_up
    from potential.models import MAX_HORIZON_YEARS

    out = dict(chosen)
    if "horizon_years" in out:
        out["horizon_years"] = check_years(
            out["horizon_years"], "--horizon", most=MAX_HORIZON_YEARS
        )
    if "discount_rate" in out:
        out["discount_rate"] = check_rate(out["discount_rate"], "--discount-rate")
    if "ramp_up" in out:
        out["ramp_up"] = list(check_ramp_up(out["ramp_up"], "--ramp-up"))
    return out


def _protected(*paths) -> list[Path]:
    return [Path(p) for p in paths if p]


def _print_weights(result, lang: str) -> None:
    """Say whose weights ranked each body: its own (and from where) or the model's."""
    from potential.weight_sources import analysis_line

    click.echo("\n" + analysis_line(result, lang))


def _print_top(result, lang: str, top: int) -> None:
    """Print each body's best options with the two criteria that set them apart from going
    on alone most (:func:`potential.explaining.versus_alone`)."""
    from potential import labels
    from potential.explaining import versus_alone
    from potential.options import STAND_ALONE, participants
    from potential.report.text import date, number

    click.echo(
        message(
            "cli.analyse.header",
            lang=lang,
            date=date(result.reference_date, lang),
            method=result.method,
            model=result.criteria.id,
        )
    )
    for body in participants(result.dataset):
        click.echo(f"\n{body.name}")
        rows = result.ranking[
            (result.ranking["body"] == body.id) & (result.ranking["rank"] <= top)
        ]
        for _, row in rows.iterrows():
            label = labels.option_label(result.dataset, row, lang)
            score = number(row["score"], 3, lang)
            if row["option"] == STAND_ALONE:
                click.echo(
                    message(
                        "cli.analyse.row_alone",
                        lang=lang,
                        rank=row["rank"],
                        option=label,
                        score=score,
                    )
                )
                continue
            reasons = versus_alone(result, body.id, row["option"], lang)
            click.echo(
                message(
                    "cli.analyse.row",
                    lang=lang,
                    rank=row["rank"],
                    option=label,
                    score=score,
                    npv=number(row["npv"], 0, lang),
                    reasons=reasons,
                )
            )
        if rows["option"].iloc[0] == STAND_ALONE:
            click.echo(message("cli.analyse.none_pays", lang=lang, body=body.name))
    _print_weights(result, lang)
    if result.criteria.body_weights:
        group = result.group_view()
        departing = group.departures[group.departures["departs"]]
        click.echo("\n" + message("cli.analyse.agreement", lang=lang, w=f"{group.kendall_w:.3f}"))
        if len(departing):
            names = ", ".join(departing["body_name"].head(3))
            click.echo(message("cli.analyse.departing", lang=lang, names=names))


@main.command("compare-methods", context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--methods",
    default=",".join(METHOD_NAMES),
    show_default=True,
    metavar="A,B,...",
    help="Zu vergleichende Verfahren, durch Kommas getrennt.",
)
@reference_date_option
@out_option
@click.option(
    "--rank-reversal",
    is_flag=True,
    help="Zusätzlich die Prüfung auf Rangumkehr (jede nicht erstplatzierte Option wird "
    "verschlechtert) für jedes Verfahren und jede Körperschaft; schreibt rank_reversal.csv. "
    "Dauert einige Sekunden.",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Startwert der zufälligen Verschlechterung bei der Prüfung auf Rangumkehr.",
)
@model_weights_option
@csv_dialect_option
@lang_option
@quiet_option
@reports_input_errors
def compare_methods(
    data, criteria, methods, reference_date, out, rank_reversal, seed, model_weights,
    csv_dialect, lang, quiet,
):  # fmt: skip
    """Käme ein anderes Verfahren zum selben Ergebnis? Ordnet jede Körperschaft nach
    mehreren Verfahren und vergleicht die Rangfolgen.

    Schreibt methods_ranks.csv (der Rang jeder Option nach jedem Verfahren) und
    methods_agreement.csv (Kendalls Tau zwischen je zwei Verfahren, je Körperschaft) und
    zeigt die Übereinstimmung an. Mit --rank-reversal auch rank_reversal.csv.
    """
    import numpy as np
    import pandas as pd

    from potential import analysis, files
    from potential.datasets import load_dataset
    from potential.files import csv_writer

    names = [m.strip() for m in methods.split(",") if m.strip()]
    common = {
        "dataset": load_dataset(data),  # a bad --data is reported before the progress line
        "criteria": criteria or "ikz-egov-nrw",
        "methods": names,
        "reference_date": reference_date,
        "body_weights": False if model_weights else None,
    }
    announce("cli.progress.compare", quiet, n=len(names))
    ranks, agreement = analysis.compare_methods(**common)
    outputs = {
        "methods_ranks.csv": csv_writer(ranks, csv_dialect),
        "methods_agreement.csv": csv_writer(agreement, csv_dialect),
    }
    if rank_reversal:
        announce("cli.progress.rank_reversal", quiet, n=len(names))
        # one call per method, so that the bar moves; the rows are put back in the order
        # of a single call (body by body, the methods in the order given)
        per_method = [
            analysis.rank_reversal_checks(**{**common, "methods": [m]}, seed=seed)
            for m in progress_bar(
                names,
                desc=message("reversal.bar", lang=lang),
                unit=message("reversal.unit_method", lang=lang),
                quiet=quiet,
            )
        ]
        checks = pd.concat(per_method, ignore_index=True)
        bodies = {b: i for i, b in enumerate(per_method[0]["body"].unique())}
        position = checks["body"].map(bodies) * len(names) + checks["method"].map(
            {m: i for i, m in enumerate(names)}
        )
        checks = checks.iloc[np.argsort(position.to_numpy(), kind="stable")]
        checks = checks.reset_index(drop=True)
        outputs["rank_reversal.csv"] = csv_writer(checks, csv_dialect)
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.provenance import run_record
    from potential.weight_sources import line_for, resolved_file, table_for

    used = table_for(common["dataset"], common["criteria"], common["body_weights"])
    record = run_record(
        dataset=load_dataset(data),
        model=load_criteria(common["criteria"]),
        method=",".join(names),
        reference_date=reference_date or load_dataset(data).meta.reference_date,
        criteria=common["criteria"],
        body_weights=resolved_file(common["dataset"], common["body_weights"]),
        seed=seed if rank_reversal else None,
        settings={"methods": names, "rank_reversal": rank_reversal},
        weights=used,
    )
    written = files.write_outputs(Path(out), outputs, provenance=record)
    summary = agreement.groupby(["method_a", "method_b"], sort=False).agg(
        tau=("kendall_tau", "mean"), same_top=("same_top", "sum")
    )
    n = agreement["body"].nunique()
    click.echo(message("cli.compare.heading", lang=lang, n=n))
    for (a, b), row in summary.iterrows():
        click.echo(
            message(
                "cli.compare.pair",
                lang=lang,
                a=f"{a:>10}",
                b=f"{b:<10}",
                tau=f"{row['tau']:+.3f}",
                same=int(row["same_top"]),
                n=n,
            )
        )
    if rank_reversal:
        click.echo("\n" + message("cli.compare.reversal_heading", lang=lang))
        for m, rows in checks.groupby("method", sort=False):
            kept = rows["optimal_preservation_rate"].mean()
            click.echo(
                message("cli.compare.reversal_row", lang=lang, method=f"{m:>10}", kept=kept)
            )
    click.echo("\n" + line_for(used, common["dataset"], lang))
    click.echo("")
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


def _option_names(data, reference_date, lang: str) -> dict[str, str]:
    """Option id → its name for people ("Informationstechnik – … – Kreis Unna, Lünen")."""
    from potential import labels
    from potential.datasets import load_dataset
    from potential.options import STAND_ALONE, generate_options

    ds = load_dataset(data)
    options = generate_options(ds, reference_date)
    names = {row["option"]: labels.option_label(ds, row, lang) for _, row in options.iterrows()}
    names[STAND_ALONE] = labels.option_label(ds, {"option": STAND_ALONE}, lang)
    return names


@main.command(context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--method",
    default="wsm",
    show_default=True,
    type=click.Choice(["wsm", "wpm", "topsis"]),
    help="Rangfolgeverfahren (in SMAA vektorisiert).",
)
@click.option(
    "--n",
    "n",
    default=10_000,
    show_default=True,
    type=click.IntRange(1, 1_000_000),  # potential.uncertainty.sampling.MAX_DRAWS
    help="Gewichtsstichproben je Körperschaft (höchstens 1 000 000).",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Startwert: derselbe Startwert ergibt dieselben Tabellen.",
)
@click.option(
    "--weights",
    default="uniform",
    show_default=True,
    type=click.Choice(["uniform", "groups", "ordinal", "model"]),
    help="Gezogene Gewichte: gleichverteilt auf dem Simplex (uniform), nach den Gruppen des "
    "Kriterienmodells (groups), nach der Reihenfolge der Kriterien im Modell (ordinal) oder "
    "die Gewichte des Modells fest (model).",
)
@click.option(
    "--values",
    default="none",
    show_default=True,
    type=click.Choice(["none", "dataset"]),
    help="Indikatorwerte: fest (none) oder jede Zelle gleichverteilt innerhalb der Spannweite "
    "gezogen, die ihr die unsicheren Parameter des Datensatzes (Spalten low/high) geben, "
    "jeweils einzeln (dataset).",
)
@click.option(
    "--model-weights",
    is_flag=True,
    help="Gewichte der Körperschaften: Vorgabe sind bei --weights ordinal (Reihenfolge) und "
    "model (fest) die eigenen Gewichte jeder Körperschaft aus der body_weights.csv der "
    "Umfrage im Datenordner, sonst die des Kriterienmodells; mit --model-weights für alle die "
    "des Kriterienmodells. uniform und groups ziehen die Gewichte und nutzen keine.",
)
@reference_date_option
@out_option
@lang_option
@csv_dialect_option
@quiet_option
@reports_input_errors
def smaa(
    data, criteria, method, n, seed, weights, values, model_weights, reference_date, out, lang,
    csv_dialect, quiet,
):  # fmt: skip
    """Wahrscheinlichkeit jedes Rangs für jede Option über alle plausiblen Gewichte (SMAA).

    Schreibt smaa_acceptability.csv (Körperschaft, Option, Rang, Anteil), smaa_summary.csv
    (Akzeptanz für Rang 1, erwarteter Rang, Konfidenz, zentrale Gewichte) und smaa.xlsx.
    """
    from potential.uncertainty.bodies import smaa_by_body, write_smaa

    progress = smaa_progress(quiet)
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
        body_weights=False if model_weights else None,
    )
    from potential.weight_sources import smaa_line, smaa_table, table_for

    used = table_for(data, criteria or "ikz-egov-nrw", False if model_weights else None)
    used = smaa_table(used, weights)
    record = _smaa_record(result, data, criteria, used, model_weights)
    written = write_smaa(result, Path(out), lang, provenance=record, csv_dialect=csv_dialect)
    click.echo(
        message("cli.smaa.header", lang=lang, n=n, method=method, seed=seed, weights=weights)
        + (message("cli.smaa.values", lang=lang, values=values) if values != "none" else "")
    )
    summary = result.summary
    names = _option_names(data, result.reference_date, lang)
    for body, name in result.bodies.items():
        rows = summary[summary["body"] == body]
        best = rows.loc[rows["first_rank_acceptability"].idxmax()]
        click.echo(
            message(
                "cli.smaa.best",
                lang=lang,
                body=name,
                option=names.get(best["option"], best["option"]),
                share=best["first_rank_acceptability"],
            )
        )
    click.echo("\n" + smaa_line(used, weights, data, lang))
    click.echo("")
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


def _smaa_record(result, data, criteria, used, model_weights) -> dict:
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.provenance import run_record
    from potential.weight_sources import SMAA_UNWEIGHTED, resolved_file

    file = None
    if result.weights not in SMAA_UNWEIGHTED:
        file = resolved_file(data, False if model_weights else None)
    return run_record(
        dataset=load_dataset(data),
        model=load_criteria(criteria or "ikz-egov-nrw"),
        method=result.method,
        reference_date=result.reference_date,
        criteria=criteria or "ikz-egov-nrw",
        body_weights=file,
        seed=result.seed,
        settings={"n": result.n, "weights": result.weights, "values": result.values},
        weights=used,
    )
