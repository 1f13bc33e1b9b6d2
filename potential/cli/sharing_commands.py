"""``potential sharing``: wer zahlt was — Kostenschlüssel und faire Aufteilung."""

from __future__ import annotations

import click

from potential.cli._common import (
    CONTEXT,
    csv_dialect_option,
    data_option,
    lang_option,
    main,
    money_options,
    reference_date_option,
    reports_input_errors,
)
from potential.messages import message

KEY_CHOICES = (
    "einwohner",
    "fallzahlen",
    "vzae",
    "kosten",
    "shapley",
    "nucleolus",
    "scrb",
    "modell",
)


@main.command("sharing", context_settings=CONTEXT)
@data_option
@reference_date_option
@click.option("--field", default=None, metavar="FELD", help="Nur dieses Handlungsfeld (z. B. it).")
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="ID",
    help="Diese Option (wiederholbar): eine Option der Analyse oder feld/rechtsform/a+b+c "
    "wie beim Koalitionsfinder [Standard: die beste gemeinsame Option je Feld].",
)
@click.option(
    "--key",
    "keys",
    multiple=True,
    type=click.Choice(KEY_CHOICES),
    help="Nur dieser Schlüssel (wiederholbar) [Standard: alle berechenbaren].",
)
@click.option(
    "--subset-forms",
    default="best",
    show_default=True,
    type=click.Choice(["best", "same"]),
    help="Welche Rechtsform eine Teilgruppe allein wählen darf: best = jede angebotene, "
    "same = nur die der Option.",
)
@click.option(
    "--game",
    "game_file",
    default=None,
    type=click.Path(dir_okay=False),
    metavar="DATEI.csv",
    help="Statt einer Option ein eigenes Spiel teilen: CSV mit den Spalten coalition (z. B. "
    "kamen+unna) und value (EUR), eine Zeile je Koalition.",
)
@click.option(
    "--kind",
    default="savings",
    show_default=True,
    type=click.Choice(["savings", "cost"]),
    help="Mit --game: value ist der gemeinsame Vorteil (savings) oder die gemeinsamen Kosten "
    "(cost) der Koalition.",
)
@money_options
@click.option(
    "--out", default=None, metavar="ORDNER", help="Tabellen und sharing.xlsx hierhin schreiben."
)
@csv_dialect_option
@lang_option
@reports_input_errors
def sharing(data, reference_date, field, options, keys, subset_forms, game_file, kind,
            economics, out, csv_dialect, lang):  # fmt: skip
    """Wer zahlt was? Teilt den Kapitalwert einer Kooperation nach Schlüsseln auf
    (Einwohner, Fallzahlen, VZÄ, Kosten, Shapley-Wert, Nukleolus, SCRB) und prüft für jeden
    Schlüssel, ob jedes Mitglied besser fährt als allein und ob keine Teilgruppe lieber allein
    kooperieren würde (Kern). Ohne --option: die beste gemeinsame Option je Handlungsfeld."""
    if game_file:
        _game(game_file, kind, out, csv_dialect, lang)
        return
    from potential.datasets import load_dataset
    from potential.names import resolve, resolve_option
    from potential.sharing.tables import share
    from potential.sharing.text import print_lines

    data = load_dataset(data)  # names typed for ids: IT, Kamen, GmbH
    field = None if field is None else resolve(data, "field", field, "--field")
    options = [resolve_option(data, o, "--option") for o in options]
    result = share(
        dataset=data,
        option=list(options) or None,
        field=field,
        key=list(keys) or None,
        reference_date=reference_date,
        economics=economics,
        subset_forms=subset_forms,
    )
    for line in print_lines(result, lang):
        click.echo(line)
    click.echo("\n" + message("weights_source.no_ranking", lang=lang, command="sharing"))
    if out:
        from potential.provenance import tool_record
        from potential.sharing.export import export_sharing

        record = tool_record(
            result.dataset,
            reference_date=result.reference_date,
            settings={
                "economics": result.economics.record(),
                "field": field,
                "options": list(options) or None,
                "keys": list(keys) or None,
                "subset_forms": subset_forms,
            },
        )
        written = export_sharing(result, out, lang, csv_dialect, provenance=record)
        click.echo("")
        for path in written:
            click.echo(message("cli.written", lang=lang, path=path))


def _game(path, kind, out, csv_dialect, lang) -> None:
    from pathlib import Path

    from potential.report.text import number
    from potential.sharing.gamefile import game_table, read_game

    values, players = read_game(path)
    table, core = game_table(values, players, kind)
    what = message("cli.game.cost_share" if kind == "cost" else "cli.game.gain_share", lang=lang)
    click.echo(message("cli.game.header", lang=lang, n=len(players), what=what))
    nucleolus = message("cli.game.nucleolus", lang=lang)
    click.echo(f"  {'':<24}{'Shapley':>14}{nucleolus:>14}{'SCRB':>14}")
    for row in table.itertuples(index=False):
        click.echo(
            f"  {str(row.player)[:23]:<24}{number(row.shapley, 2, lang):>14}"
            f"{number(row.nucleolus, 2, lang):>14}{number(row.scrb, 2, lang):>14}"
        )
    if core["core_empty"]:
        click.echo(
            message("cli.game.core_empty", lang=lang, epsilon=number(core["least_core"], 2, lang))
        )
    else:
        click.echo(message("cli.game.core_not_empty", lang=lang))
    if out:
        from potential.files import csv_writer, write_outputs
        from potential.provenance import tool_record

        written = write_outputs(
            Path(out),
            {"sharing_game.csv": csv_writer(table, csv_dialect)},
            provenance=tool_record(files=[path], settings={"kind": kind}),
        )
        for p in written:
            click.echo(message("cli.written", lang=lang, path=p))
