"""Commands about partners: ``cooperations list|plot`` and ``coalitions``."""

from __future__ import annotations

from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    criteria_option,
    csv_dialect_option,
    data_option,
    lang_option,
    main,
    reference_date_option,
    reports_input_errors,
)


@main.group(context_settings=CONTEXT)
def cooperations():
    """The existing cooperations between the bodies (the inventory)."""


@cooperations.command("list", context_settings=CONTEXT)
@data_option
@reference_date_option
@click.option(
    "--out",
    default=None,
    type=click.Path(dir_okay=False),
    help="Write the inventory as CSV to this file instead of printing it.",
)
@csv_dialect_option
@lang_option
@reports_input_errors
def cooperations_list(data, reference_date, out, csv_dialect, lang):
    """List the existing cooperations: members, field, legal form, since, source, and
    whether each is in force at the reference date."""
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
        click.echo(f"{len(table)} {'Kooperationen' if lang == 'de' else 'cooperations'}: {out}")
        return
    de = lang == "de"
    for row in table.to_dict("records"):
        since = row["since"].isoformat() if row["since"] else ("unbekannt" if de else "unknown")
        state = (
            ("in Kraft" if de else "in force")
            if row["in_force"]
            else ("später" if de else "later")
        )
        click.echo(f"{row['label']} [{row['id']}]")
        click.echo(
            f"    {row['field_label'] or ('kein Handlungsfeld' if de else 'no field')}; "
            f"{row['legal_form_label']}; {'seit' if de else 'since'} {since} ({state}); "
            f"{row['scope']}"
        )
        lead = f" ({'Federführung' if de else 'lead'}: {row['lead_name']})" if row["lead"] else ""
        click.echo(f"    {row['member_names']}{lead}")
        click.echo(f"    {'Quelle' if de else 'source'}: {row['source']}")


@cooperations.command("plot", context_settings=CONTEXT)
@data_option
@criteria_option
@reference_date_option
@click.option(
    "--recommended/--no-recommended",
    default=True,
    show_default=True,
    help="Also draw the best option per field that leaves every member better off.",
)
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
@click.option("--out", default="out", show_default=True, help="Output folder.")
@reports_input_errors
def cooperations_plot(data, criteria, reference_date, recommended, formats, lang, out):
    """Draw the map of cooperations (map.png, map.svg): the bodies at their positions,
    existing cooperations in grey and, by default, the recommended ones dashed."""
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
    written = charts.save_figure(ax.figure, Path(out) / "map", formats=formats)
    plt.close(ax.figure)
    for path in written:
        click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")


@main.command(context_settings=CONTEXT)
@data_option
@criteria_option
@reference_date_option
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="ID",
    help="Field to search (repeat it) [default: every field].",
)
@click.option(
    "--max-size",
    default=None,
    type=click.IntRange(2),
    help="Largest partner set [default: all bodies].",
)
@click.option(
    "--must-include",
    "must_include",
    multiple=True,
    metavar="BODY",
    help="Only partner sets with this body (repeat it).",
)
@click.option(
    "--connected",
    is_flag=True,
    help="Only partner sets whose members are linked through neighbours.",
)
@click.option(
    "--legal-form",
    "legal_forms",
    multiple=True,
    metavar="ID",
    help="Only this legal form (repeat it) [default: every form of the field].",
)
@click.option(
    "--method",
    default="wsm",
    show_default=True,
    type=click.Choice(["wsm", "wpm"]),
    help="Scoring (methods that score an option on its own).",
)
@click.option(
    "--body-weights",
    default=None,
    type=click.Path(dir_okay=False),
    help="CSV of each body's own weights (as for analyse).",
)
@click.option(
    "--top", default=5, show_default=True, type=click.IntRange(1), help="Coalitions per field."
)
@click.option(
    "--key",
    default="kosten",
    show_default=True,
    type=click.Choice(["kosten", "einwohner", "vzae", "fallzahlen"]),
    help="Kostenschlüssel, nach dem die Kosten jedes Pools geteilt werden (kosten = Anteil an "
    "den Kosten des Status quo). Shapley-Wert, Nukleolus, SCRB: potential sharing.",
)
@click.option("--out", default=None, help="Also write coalitions.csv and coalition_gains.csv.")
@csv_dialect_option
@lang_option
@reports_input_errors
def coalitions(data, criteria, reference_date, fields, max_size, must_include, connected,
               legal_forms, method, body_weights, top, key, out, csv_dialect, lang):  # fmt: skip
    """With whom? For each field, the partner sets (with legal form and lead) whose pool
    Kapitalwert is positive, so that the cost key (--key) leaves every member at or above
    its status quo, ranked by the pool's Kapitalwert, with each member's points beside it and
    whether the split is in the core. Every subset of the bodies is tried."""
    import pandas as pd

    from potential import coalitions as finder
    from potential import labels
    from potential.report.text import number

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
    de = lang == "de"
    ds = found.dataset
    names = {b.id: b.name for b in ds.bodies}
    click.echo(
        f"{found.n_sets} {'Partnerkreise geprüft' if de else 'partner sets tried'}"
        f" ({'bis' if de else 'up to'} {found.max_size} "
        f"{'Mitglieder' if de else 'members'}"
        + (", " + ("nur verbundene" if de else "connected only") if connected else "")
        + ")"
    )
    for field in found.fields:
        rows = found.coalitions[found.coalitions["field"] == field]
        click.echo(f"\n{labels.field_label(ds, field, lang)}")
        if rows.empty:
            click.echo(
                "  kein Partnerkreis mit positivem Kapitalwert des Pools"
                if de
                else "  no partner set whose pool has a positive net present value"
            )
        for row in rows.to_dict("records"):
            members = ", ".join(names[m] for m in row["members"].split(";"))
            lead = (
                f"; {'Federführung' if de else 'lead'} {names[row['lead']]}" if row["lead"] else ""
            )
            points = "alle gewinnen auch in Punkten" if de else "every member gains in points"
            if not row["all_gain"]:
                points = (
                    "nicht alle gewinnen in Punkten" if de else "not every member gains in points"
                )
            stable = row["stable"]
            core = (
                ""
                if pd.isna(stable)
                else ("; im Kern" if de else "; in the core")
                if stable
                else ("; eine Teilgruppe fährt allein besser" if de else "; a subgroup does "
                      "better alone")
            )  # fmt: skip
            click.echo(
                f"  {row['rank']}. {labels.form_label(ds, row['legal_form'], lang)}: {members}"
                f"{lead}  [{'Kapitalwert des Pools' if de else 'pool NPV'} "
                f"{number(row['pool_npv'], 0, lang)} €, "
                f"{'kleinster Anteil (Schlüssel ' if de else 'smallest share (key '}{key}) "
                f"{number(row['min_share_npv'], 0, lang)} €{core}; {points}]"
            )
    if out:
        from potential.files import csv_writer, write_outputs

        written = write_outputs(
            Path(out),
            {
                "coalitions.csv": csv_writer(found.coalitions, csv_dialect),
                "coalition_gains.csv": csv_writer(found.gains, csv_dialect),
            },
        )
        click.echo("")
        for path in written:
            click.echo(f"{'geschrieben' if de else 'written'}: {path}")
