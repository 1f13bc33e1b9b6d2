"""Commands about partners: ``cooperations list|plot`` and ``coalitions``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    announce,
    criteria_option,
    csv_dialect_option,
    data_option,
    lang_option,
    lang_switch,
    main,
    model_weights_option,
    out_option,
    quiet_option,
    reference_date_option,
    reports_input_errors,
)
from potential.messages import message


@main.group(context_settings=CONTEXT)
@lang_switch
def cooperations():
    """Die bestehenden Kooperationen zwischen den Körperschaften (der Bestand)."""


@cooperations.command("list", context_settings=CONTEXT)
@data_option
@reference_date_option
@click.option(
    "--out",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="Den Bestand als CSV in diese Datei schreiben, statt ihn anzuzeigen.",
)
@csv_dialect_option
@lang_option
@reports_input_errors
def cooperations_list(data, reference_date, out, csv_dialect, lang):
    """Führt die bestehenden Kooperationen auf: Mitglieder, Handlungsfeld, Rechtsform, seit
    wann, Quelle und ob jede am Stichtag in Kraft ist."""
    from potential.datasets import load_dataset
    from potential.files import csv_writer, write_outputs
    from potential.inventory import cooperation_table

    ds = load_dataset(data)
    table = cooperation_table(ds, reference_date, lang=lang)
    if out:
        out = Path(out)
        write_outputs(
            out.parent if str(out.parent) else Path("."),
            {out.name: csv_writer(table, csv_dialect)},
        )
        click.echo(message("cli.cooperations.written", lang=lang, n=len(table), path=out))
        return
    for row in table.to_dict("records"):
        since = row["since"].isoformat() if row["since"] else message("cli.unknown", lang=lang)
        state = message(
            "cli.cooperations.in_force" if row["in_force"] else "cli.cooperations.later",
            lang=lang,
        )
        click.echo(f"{row['label']} [{row['id']}]")
        click.echo(
            message(
                "cli.cooperations.line",
                lang=lang,
                field=row["field_label"] or message("cli.cooperations.no_field", lang=lang),
                form=row["legal_form_label"],
                since=since,
                state=state,
                scope=row["scope"],
            )
        )
        lead = (
            message("cli.cooperations.lead", lang=lang, name=row["lead_name"])
            if row["lead"]
            else ""
        )
        click.echo(f"    {row['member_names']}{lead}")
        click.echo(message("cli.cooperations.source", lang=lang, source=row["source"]))


@cooperations.command("plot", context_settings=CONTEXT)
@data_option
@criteria_option
@reference_date_option
@click.option(
    "--recommended/--no-recommended",
    default=True,
    show_default=True,
    help="Auch die beste Option je Handlungsfeld zeichnen, bei der jedes Mitglied besser fährt.",
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
@lang_option
@out_option
@reports_input_errors
def cooperations_plot(data, criteria, reference_date, recommended, formats, lang, out):
    """Zeichnet die Karte der Kooperationen (map.png, map.svg): die Körperschaften an ihren
    Orten, bestehende Kooperationen grau und, in der Vorgabe, die empfohlenen gestrichelt."""
    import matplotlib.pyplot as plt

    from potential import analysis, charts
    from potential.datasets import load_dataset

    ds = load_dataset(data)
    result = None
    if recommended:
        result = analysis.analyse(
            ds, criteria=criteria or "ikz-egov-nrw", reference_date=reference_date
        )
    ax = charts.cooperation_map(*charts.cooperation_frames(ds, result, lang=lang), lang=lang)
    from potential.files import write_outputs
    from potential.provenance import run_record, tool_record

    if result is None:
        record = tool_record(ds, reference_date=reference_date, settings={"recommended": False})
    else:
        record = run_record(result, criteria=criteria or "ikz-egov-nrw")
        record["settings"] = {"recommended": True}
    try:
        outputs = charts.figure_outputs(ax.figure, "map", formats=formats)
        written = write_outputs(Path(out), outputs, provenance=record)
    finally:
        plt.close(ax.figure)
    for path in written:
        click.echo(message("cli.written", lang=lang, path=path))


@main.command(context_settings=CONTEXT)
@data_option
@criteria_option
@reference_date_option
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="ID",
    help="Zu durchsuchendes Handlungsfeld (wiederholbar) [Vorgabe: jedes Handlungsfeld].",
)
@click.option(
    "--max-size",
    default=None,
    metavar="N",
    type=click.IntRange(2),
    help="Größter Partnerkreis [Vorgabe: alle Körperschaften].",
)
@click.option(
    "--must-include",
    "must_include",
    multiple=True,
    metavar="KÖRPERSCHAFT",
    help="Nur Partnerkreise mit dieser Körperschaft (wiederholbar).",
)
@click.option(
    "--connected",
    is_flag=True,
    help="Nur Partnerkreise, deren Mitglieder über Nachbarschaften verbunden sind.",
)
@click.option(
    "--legal-form",
    "legal_forms",
    multiple=True,
    metavar="ID",
    help="Nur diese Rechtsform (wiederholbar) [Vorgabe: jede Rechtsform des Handlungsfelds].",
)
@click.option(
    "--method",
    default="wsm",
    show_default=True,
    type=click.Choice(["wsm", "wpm"]),
    help="Bewertung (Verfahren, die eine Option für sich allein bewerten).",
)
@click.option(
    "--body-weights",
    default=None,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="CSV mit den eigenen Gewichten jeder Körperschaft (wie bei analyse).",
)
@click.option(
    "--top",
    default=5,
    show_default=True,
    type=click.IntRange(1),
    help="Partnerkreise je Handlungsfeld.",
)
@click.option(
    "--key",
    default="kosten",
    show_default=True,
    type=click.Choice(["kosten", "einwohner", "vzae", "fallzahlen"]),
    help="Kostenschlüssel, nach dem die Kosten jedes Pools geteilt werden (kosten = Anteil an "
    "den Kosten des Status quo). Shapley-Wert, Nukleolus, SCRB: potential sharing.",
)
@click.option(
    "--out",
    default=None,
    metavar="ORDNER",
    help="Zusätzlich coalitions.csv und coalition_gains.csv in diesen Ordner schreiben.",
)
@model_weights_option
@csv_dialect_option
@lang_option
@quiet_option
@reports_input_errors
def coalitions(data, criteria, reference_date, fields, max_size, must_include, connected,
               legal_forms, method, body_weights, top, key, out, model_weights, csv_dialect,
               lang, quiet):  # fmt: skip
    """Mit wem? Für jedes Handlungsfeld die Partnerkreise (mit Rechtsform und Federführung),
    deren Pool einen positiven Kapitalwert hat, sodass der Kostenschlüssel (--key) jedes
    Mitglied mindestens so gut stellt wie im Status quo, geordnet nach dem Kapitalwert des
    Pools, daneben die Punkte jedes Mitglieds und ob die Aufteilung im Kern liegt. Jede
    Teilmenge der Körperschaften wird geprüft."""
    import pandas as pd

    from potential import coalitions as finder
    from potential import labels
    from potential.datasets import load_dataset
    from potential.names import resolve_all
    from potential.report.text import number

    if model_weights and body_weights:
        raise click.UsageError(message("weights_source.model_and_file", lang=lang))
    if model_weights:
        body_weights = False  # the criteria model's weights for every body
    data = load_dataset(data)  # names typed for ids: Bönen, IT, GmbH
    fields = resolve_all(data, "field", fields, "--field")
    must_include = resolve_all(data, "body", must_include, "--must-include")
    legal_forms = resolve_all(data, "legal_form", legal_forms, "--legal-form")
    announce("cli.progress.coalitions", quiet, n=len(data.bodies))
    found = finder.find(
        dataset=data,
        criteria=criteria or "ikz-egov-nrw",
        field=list(fields) or None,
        max_size=max_size,
        must_include=list(must_include),
        connected=connected,
        method=method,
        reference_date=reference_date,
        legal_forms=list(legal_forms) or None,
        top=top,
        body_weights=body_weights,
        key=key,
    )
    ds = found.dataset
    names = {b.id: b.name for b in ds.bodies}
    click.echo(
        message(
            "cli.coalitions.tried_connected" if connected else "cli.coalitions.tried",
            lang=lang,
            n=found.n_sets,
            size=found.max_size,
        )
    )
    for field in found.fields:
        rows = found.coalitions[found.coalitions["field"] == field]
        click.echo(f"\n{labels.field_label(ds, field, lang)}")
        if rows.empty:
            click.echo(message("cli.coalitions.none", lang=lang))
        for row in rows.to_dict("records"):
            members = ", ".join(names[m] for m in row["members"].split(";"))
            lead = (
                message("cli.coalitions.lead", lang=lang, name=names[row["lead"]])
                if row["lead"]
                else ""
            )
            points = message(
                "cli.coalitions.all_gain" if row["all_gain"] else "cli.coalitions.not_all_gain",
                lang=lang,
            )
            stable = row["stable"]
            core = (
                ""
                if pd.isna(stable)
                else message(
                    "cli.coalitions.in_core" if stable else "cli.coalitions.not_in_core",
                    lang=lang,
                )
            )
            click.echo(
                message(
                    "cli.coalitions.row",
                    lang=lang,
                    rank=row["rank"],
                    form=labels.form_label(ds, row["legal_form"], lang),
                    members=members,
                    lead=lead,
                    npv=number(row["pool_npv"], 0, lang),
                    key=key,
                    share=number(row["min_share_npv"], 0, lang),
                    core=core,
                    points=points,
                )
            )
    from potential.weight_sources import line_for, resolved_file, weights_record, weights_table

    used_file = resolved_file(ds, body_weights)
    used = weights_table(dataset=ds, model=found.criteria, file=used_file)
    click.echo("\n" + line_for(used, ds, lang))
    if out:
        from potential.files import csv_writer, write_outputs
        from potential.provenance import tool_record

        record = tool_record(
            ds,
            criteria=criteria or "ikz-egov-nrw",
            files=[used_file] if used_file else (),
            reference_date=reference_date,
            settings={
                "fields": list(fields) or None,
                "max_size": found.max_size,
                "must_include": list(must_include),
                "connected": connected,
                "legal_forms": list(legal_forms) or None,
                "method": method,
                "top": top,
                "key": key,
            },
        )
        record["weights"] = weights_record(used)  # whose weights gave each member's points
        written = write_outputs(
            Path(out),
            {
                "coalitions.csv": csv_writer(found.coalitions, csv_dialect),
                "coalition_gains.csv": csv_writer(found.gains, csv_dialect),
            },
            provenance=record,
        )
        click.echo("")
        for path in written:
            click.echo(message("cli.written", lang=lang, path=path))
