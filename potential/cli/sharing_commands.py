"""``potential sharing``: wer zahlt was — Kostenschlüssel und faire Aufteilung."""

from __future__ import annotations

import click

from potential.cli._common import (
    CONTEXT,
    csv_dialect_option,
    data_option,
    main,
    reference_date_option,
    reports_input_errors,
)

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


def _economics(horizon, discount_rate, ramp_up, grant) -> dict:
    given = {
        "horizon_years": horizon,
        "discount_rate": discount_rate,
        "ramp_up": ramp_up,
        "grant": grant,
    }
    return {k: v for k, v in given.items() if v is not None}


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
@click.option("--horizon", default=None, metavar="JAHRE", help="Betrachtungszeitraum in Jahren.")
@click.option(
    "--discount-rate", default=None, metavar="ZINS", help="Kalkulationszins, z. B. 0.009."
)
@click.option(
    "--ramp-up", default=None, metavar="S1,S2,...", help="Anlaufprofil, z. B. 0.5,0.8,1."
)
@click.option("--grant/--no-grant", default=None, help="IKZ-Förderung NRW mitrechnen.")
@click.option(
    "--out", default=None, metavar="ORDNER", help="Tabellen und sharing.xlsx hierhin schreiben."
)
@csv_dialect_option
@click.option(
    "--lang",
    default="de",
    show_default=True,
    type=click.Choice(["de", "en"]),
    help="Sprache der Ausgabe.",
)
@reports_input_errors
def sharing(data, reference_date, field, options, keys, subset_forms, horizon, discount_rate,
            ramp_up, grant, out, csv_dialect, lang):  # fmt: skip
    """Wer zahlt was? Teilt den Kapitalwert einer Kooperation nach Schlüsseln auf
    (Einwohner, Fallzahlen, VZÄ, Kosten, Shapley-Wert, Nukleolus, SCRB) und prüft für jeden
    Schlüssel, ob jedes Mitglied besser fährt als allein und ob keine Teilgruppe lieber allein
    kooperieren würde (Kern). Ohne --option: die beste gemeinsame Option je Handlungsfeld."""
    from potential.sharing.tables import share
    from potential.sharing.text import print_lines

    result = share(
        dataset=data,
        option=list(options) or None,
        field=field,
        key=list(keys) or None,
        reference_date=reference_date,
        economics=_economics(horizon, discount_rate, ramp_up, grant),
        subset_forms=subset_forms,
    )
    for line in print_lines(result, lang):
        click.echo(line)
    if out:
        from potential.sharing.export import export_sharing

        written = export_sharing(result, out, lang, csv_dialect)
        click.echo("")
        for path in written:
            click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")
