"""Commands that make what is handed on: ``plot`` (charts) and ``report`` (HTML, Markdown)."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    METHOD_NAMES,
    criteria_option,
    data_option,
    lang_option,
    main,
    out_option,
    reference_date_option,
    reports_input_errors,
    smaa_options,
)

#: Chart kinds of ``potential plot`` → (what it shows, drawn once per body?)
PLOTS = {
    "heatmap": ("bodies × fields: the score of each body's best option per field", False),
    "contributions": ("a body's top options split into criterion contributions", True),
    "acceptability": ("SMAA rank acceptability of a body's options (stacked bars)", True),
    "tornado": ("score of a body's top option when each weight moves by 10 %", True),
    "slope": ("a body's option ranks across two or more scenarios", True),
    "map": ("existing and recommended cooperations on the bodies' positions", False),
}


def _run_inputs(scenarios, data, criteria, method, reference_date):
    """The analysis (and SMAA, scenario runs) a chart or report is drawn from."""
    import potential.scenarios as ps
    from potential import analysis

    if scenarios:
        runs = ps.run_many(scenarios)
        return runs[0].analysis, runs
    result = analysis.analyse(
        dataset=data,
        criteria=criteria or "ikz-egov-nrw",
        method=method or "wsm",
        reference_date=reference_date,
    )
    return result, []


def _smaa(result, runs, samples, seed):
    """SMAA results: a scenario's own, else a run with ``samples`` weight samples."""
    if runs and runs[0].smaa is not None:
        return runs[0].smaa
    if not samples:
        return None
    from potential.uncertainty.bodies import smaa_of

    return smaa_of(result, n=samples, seed=seed)


@main.command(context_settings=CONTEXT)
@click.argument("kind", type=click.Choice(list(PLOTS)))
@click.option(
    "--scenario",
    "scenarios",
    multiple=True,
    metavar="FILE|NAME",
    help="Scenario to draw (repeat it: 'slope' compares two or more, the first is the baseline).",
)
@data_option
@criteria_option
@click.option("--method", default=None, type=click.Choice(METHOD_NAMES), help="Ranking method.")
@reference_date_option
@click.option(
    "--body",
    "bodies",
    multiple=True,
    metavar="ID",
    help="Body to draw (repeat it) [default: every body that takes part].",
)
@click.option(
    "--top", default=5, show_default=True, type=click.IntRange(1), help="Options per chart."
)
@click.option(
    "--samples",
    default=2000,
    show_default=True,
    type=click.IntRange(1),
    help="SMAA weight samples for 'acceptability' (unless the scenario has its own).",
)
@click.option("--seed", default=0, show_default=True, type=click.IntRange(0), help="SMAA seed.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("png", "svg"),
    show_default=True,
    type=click.Choice(["png", "svg", "pdf"]),
    help="File formats (repeat it).",
)
@lang_option
@out_option
@reports_input_errors
def plot(kind, scenarios, data, criteria, method, reference_date, bodies, top, samples, seed,
         formats, lang, out):  # fmt: skip
    """Draw a chart and write it as PNG and SVG to the output folder.

    \b
    heatmap        bodies × fields: the score of each body's best option per field
    contributions  a body's top options split into criterion contributions
    acceptability  SMAA: how often each option takes rank 1, 2, ... (stacked bars)
    tornado        the score of a body's top option when each weight moves by 10 %
    slope          a body's option ranks across scenarios (--scenario A --scenario B ...)
    map            existing and recommended cooperations, laid out by the bodies' positions
    """
    import matplotlib.pyplot as plt

    from potential import charts
    from potential.errors import InputError
    from potential.options import participants

    if kind == "slope" and len(scenarios) < 2:
        raise InputError(
            f"'slope' compares scenarios: got {len(scenarios)} --scenario; expected at least two"
        )
    result, runs = _run_inputs(scenarios, data, criteria, method, reference_date)
    taking_part = [b.id for b in participants(result.dataset)]
    for body in bodies:
        if body not in taking_part:
            raise InputError(
                f"--body {body!r}: not a body that is ranked; expected one of "
                f"{', '.join(taking_part)}"
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
    written = []
    for stem, ax in drawn:
        written += charts.save_figure(ax.figure, out / stem, formats=formats)
        plt.close(ax.figure)
    for path in written:
        click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")


@main.command(context_settings=CONTEXT)
@click.option(
    "--scenario", default=None, metavar="FILE|NAME", help="Scenario to report [default: none]."
)
@data_option
@criteria_option
@click.option("--method", default=None, type=click.Choice(METHOD_NAMES), help="Ranking method.")
@reference_date_option
@smaa_options(
    "Add SMAA rank acceptability with N weight samples (a scenario's own uncertainty block "
    "is used if it has one)."
)
@lang_option
@out_option
@reports_input_errors
def report(scenario, data, criteria, method, reference_date, samples, seed, lang, out):
    """Write report.html (one self-contained page, charts inside) and report.md: what was
    analysed, the method and weights in plain words, the results per body and jointly, who
    pays what in the best joint option (cost keys and the core), the uncertainty and the
    sources."""
    from potential.report import build_report, write_report

    result, runs = _run_inputs([scenario] if scenario else [], data, criteria, method,
                               reference_date)  # fmt: skip
    smaa = _smaa(result, runs, samples, seed)
    record = None
    if not runs:
        from potential.provenance import run_record

        record = run_record(result, criteria=criteria or "ikz-egov-nrw")
    built = build_report(
        result, scenario_run=runs[0] if runs else None, smaa=smaa, provenance=record, lang=lang
    )
    protect = list(runs[0].scenario.files) if runs else []
    for path in write_report(built, Path(out), protect=protect):
        if path.suffix != ".svg":
            click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")
