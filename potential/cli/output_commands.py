"""Commands that make what is handed on: ``plot`` (charts) and ``report`` (HTML, Markdown)."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    METHOD_NAMES,
    announce,
    criteria_option,
    data_option,
    lang_option,
    main,
    model_weights_option,
    out_option,
    quiet_option,
    reference_date_option,
    reports_input_errors,
    smaa_options,
    smaa_progress,
)
from potential.messages import message

#: Chart kinds of ``potential plot`` → (what it shows, drawn once per body?)
PLOTS = {
    "heatmap": ("Körperschaften × Handlungsfelder: Punkte der besten Option je Feld", False),
    "contributions": ("die besten Optionen einer Körperschaft nach Kriterienbeiträgen", True),
    "acceptability": ("SMAA-Rangakzeptanz der Optionen einer Körperschaft (gestapelt)", True),
    "tornado": ("Punkte der besten Option, wenn sich jedes Gewicht um 10 % ändert", True),
    "slope": ("Ränge der Optionen einer Körperschaft in zwei oder mehr Szenarien", True),
    "map": ("bestehende und empfohlene Kooperationen an den Orten der Körperschaften", False),
}


def _run_inputs(scenarios, data, criteria, method, reference_date, quiet=False,
                model_weights=False):  # fmt: skip
    """The analysis (and SMAA, scenario runs) a chart or report is drawn from; with
    ``model_weights`` every body is ranked with the criteria model's weights."""
    import potential.scenarios as ps
    from potential import analysis

    if scenarios:
        if model_weights:
            scenarios = [ps.load(s).with_changes(body_weights="model") for s in scenarios]
        runs = ps.run_many(scenarios, progress=smaa_progress(quiet))
        return runs[0].analysis, runs
    result = analysis.analyse(
        dataset=data,
        criteria=criteria or "ikz-egov-nrw",
        method=method or "wsm",
        reference_date=reference_date,
        body_weights=False if model_weights else None,
    )
    return result, []


def _smaa(result, runs, samples, seed, quiet=False):
    """SMAA results: a scenario's own, else a run with ``samples`` weight samples."""
    if runs and runs[0].smaa is not None:
        return runs[0].smaa
    if not samples:
        return None
    from potential.uncertainty.bodies import smaa_of

    return smaa_of(result, n=samples, seed=seed, progress=smaa_progress(quiet))


@main.command(context_settings=CONTEXT)
@click.argument("kind", type=click.Choice(list(PLOTS)))
@click.option(
    "--scenario",
    "scenarios",
    multiple=True,
    metavar="DATEI|NAME",
    help="Zu zeichnendes Szenario (wiederholbar: 'slope' vergleicht zwei oder mehr, das "
    "erste ist die Basis).",
)
@data_option
@criteria_option
@click.option(
    "--method", default=None, type=click.Choice(METHOD_NAMES), help="Rangfolgeverfahren."
)
@reference_date_option
@click.option(
    "--body",
    "bodies",
    multiple=True,
    metavar="ID",
    help="Zu zeichnende Körperschaft (wiederholbar) [Vorgabe: jede teilnehmende Körperschaft].",
)
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1),
    help="Optionen je Diagramm.",
)
@click.option(
    "--samples",
    default=2000,
    show_default=True,
    type=click.IntRange(1),
    help="SMAA-Gewichtsstichproben für 'acceptability' (sofern das Szenario keine eigenen hat).",
)
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=click.IntRange(0),
    help="Startwert der SMAA-Ziehungen.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("png", "svg"),
    show_default=True,
    type=click.Choice(["png", "svg", "pdf"]),
    help="Dateiformate (wiederholbar).",
)
@model_weights_option
@lang_option
@out_option
@reports_input_errors
def plot(kind, scenarios, data, criteria, method, reference_date, bodies, top, samples, seed,
         formats, model_weights, lang, out):  # fmt: skip
    """Zeichnet ein Diagramm und schreibt es als PNG und SVG in den Ausgabeordner.

    \b
    heatmap        Körperschaften × Handlungsfelder: Punkte der besten Option je Feld
    contributions  die besten Optionen einer Körperschaft, zerlegt in Kriterienbeiträge
    acceptability  SMAA: wie oft jede Option Rang 1, 2, ... belegt (gestapelte Balken)
    tornado        Punkte der besten Option, wenn sich jedes Gewicht um 10 % ändert
    slope          Ränge der Optionen einer Körperschaft über Szenarien (--scenario A
                   --scenario B ...)
    map            bestehende und empfohlene Kooperationen an den Orten der Körperschaften
    """
    import matplotlib.pyplot as plt

    from potential import charts
    from potential.errors import InputError
    from potential.options import participants

    if kind == "slope" and len(scenarios) < 2:
        raise InputError(message("cli.plot.slope_needs_two", n=len(scenarios)))
    result, runs = _run_inputs(
        scenarios, data, criteria, method, reference_date, model_weights=model_weights
    )
    if kind != "map":  # the map shows cooperations, not a ranking
        from potential.weight_sources import analysis_line

        click.echo(analysis_line(result, lang))
    taking_part = [b.id for b in participants(result.dataset)]
    from potential.names import resolve_all

    bodies = resolve_all(result.dataset, "body", bodies, "--body")  # Bönen, BÖNEN, boenen
    for body in bodies:
        if body not in taking_part:
            raise InputError(
                message("cli.plot.body_not_ranked", body=body, ids=", ".join(taking_part))
            )
    chosen = list(bodies) or taking_part
    out = Path(out)
    drawn = []
    if kind == "heatmap":
        drawn.append(("heatmap", charts.score_heatmap(result.ranking, result.dataset, lang=lang)))
    elif kind == "map":
        frames = charts.cooperation_frames(result.dataset, result, lang=lang)
        drawn.append(("map", charts.cooperation_map(*frames, lang=lang)))
    elif kind == "contributions":
        for body in chosen:
            ax = charts.contribution_bars(result, body, n=top, lang=lang)
            drawn.append((f"contributions-{body}", ax))
    elif kind == "acceptability":
        smaa = _smaa(result, runs, samples, seed)
        names = charts.option_names(result.ranking, result.dataset, lang)
        for body in chosen:
            ax = charts.acceptability_bars(smaa, body, n=top, names=names, lang=lang)
            drawn.append((f"acceptability-{body}", ax))
    elif kind == "tornado":
        from potential.uncertainty import body_tornado

        for body in chosen:
            ax = charts.tornado(body_tornado(result, body), lang=lang, criteria=result.criteria)
            drawn.append((f"tornado-{body}", ax))
    else:
        import potential.scenarios as ps

        comparison = ps.compare(runs)
        for body in chosen:
            ax = charts.rank_slope(comparison, body, n=top, lang=lang, dataset=result.dataset)
            drawn.append((f"slope-{body}", ax))
    from potential.files import write_outputs
    from potential.provenance import run_record

    outputs = {}
    for stem, ax in drawn:  # all charts of the run as one set, with one provenance.json
        outputs.update(charts.figure_outputs(ax.figure, stem, formats=formats))
    settings = {"kind": kind, "scenarios": [run.name for run in runs] or None}
    if runs:  # the first scenario's record (the charts are drawn from its analysis)
        record = {**runs[0].provenance, "settings": settings}
    else:
        record = run_record(result, criteria=criteria or "ikz-egov-nrw", settings=settings)
    if kind == "acceptability" and not (runs and runs[0].smaa is not None):
        record["seed"] = seed
    try:
        written = write_outputs(out, outputs, provenance=record)
    finally:
        for _, ax in drawn:
            plt.close(ax.figure)
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


@main.command(context_settings=CONTEXT)
@click.option(
    "--scenario",
    default=None,
    metavar="DATEI|NAME",
    help="Szenario, über das berichtet wird [Vorgabe: keines].",
)
@data_option
@criteria_option
@click.option(
    "--method", default=None, type=click.Choice(METHOD_NAMES), help="Rangfolgeverfahren."
)
@reference_date_option
@smaa_options(
    "SMAA-Rangakzeptanz mit N Gewichtsstichproben ergänzen (hat ein Szenario einen eigenen "
    "Unsicherheitsblock, wird dieser verwendet)."
)
@model_weights_option
@lang_option
@out_option
@quiet_option
@reports_input_errors
def report(scenario, data, criteria, method, reference_date, samples, seed, model_weights, lang,
           out, quiet):  # fmt: skip
    """Schreibt report.html (eine in sich geschlossene Seite mit den Diagrammen) und
    report.md: was untersucht wurde, Verfahren und Gewichte in einfachen Worten, die
    Ergebnisse je Körperschaft und gemeinsam, wer in der besten gemeinsamen Option was zahlt
    (Kostenschlüssel und Kern), die Unsicherheit und die Quellen."""
    from potential.report import build_report, write_report

    result, runs = _run_inputs([scenario] if scenario else [], data, criteria, method,
                               reference_date, quiet, model_weights)  # fmt: skip
    announce("cli.progress.report", quiet)
    smaa = _smaa(result, runs, samples, seed, quiet)
    record = None
    if not runs:
        from potential.provenance import run_record

        record = run_record(result, criteria=criteria or "ikz-egov-nrw")
    built = build_report(
        result, scenario_run=runs[0] if runs else None, smaa=smaa, provenance=record, lang=lang
    )
    protect = list(runs[0].scenario.files) if runs else []
    from potential.weight_sources import analysis_line

    click.echo(analysis_line(result, lang))
    for path in write_report(built, Path(out), protect=protect):
        if path.suffix != ".svg":
            click.echo(message("cli.written", lang=lang, path=path))
