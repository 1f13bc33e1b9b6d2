"""Commands for the written survey of the bodies: ``survey template`` and ``survey import``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from potential.cli._common import (
    CONTEXT,
    criteria_option,
    data_option,
    lang_option,
    lang_switch,
    main,
    reports_input_errors,
)
from potential.messages import message


@main.group(context_settings=CONTEXT)
@lang_switch
def survey():
    """Die Fragebogen-Arbeitsmappe für die Körperschaften und der Import ihrer Antworten."""


@survey.command("template", context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--body",
    default=None,
    metavar="ID|NAME",
    help="Die Körperschaft, für die die Arbeitsmappe ist (Kennung oder Name) [Vorgabe: alle "
    "Körperschaften in einer Arbeitsmappe].",
)
@click.option(
    "--return-to",
    default=None,
    metavar="TEXT",
    help="An wen die ausgefüllte Arbeitsmappe geht (steht in der Anleitung).",
)
@lang_option
@click.option(
    "--out",
    required=True,
    metavar="DATEI",
    type=click.Path(dir_okay=False),
    help="Zu schreibende Arbeitsmappe (.xlsx).",
)
@reports_input_errors
def survey_template(data, criteria, body, return_to, lang, out):
    """Schreibt die Fragebogen-Arbeitsmappe: Stammdaten, eine Zeile je Handlungsfeld (Kosten,
    Personal, Anteil der Abgänge, Fallzahlen, Anbieter), der Stand jeder Pflichtaufgabe,
    bestehende Kooperationen und die Gewichtung der Kriteriengruppen durch die Körperschaft;
    vorausgefüllt mit dem Bekannten, gekennzeichnet als Schätzung oder gemeldet."""
    from potential.datasets import load_dataset
    from potential.names import resolve
    from potential.survey import write_template

    data = load_dataset(data)
    body = None if body is None else resolve(data, "body", body, "--body")  # Boenen, BÖNEN
    path = write_template(
        Path(out),
        dataset=data,
        body=body,
        lang=lang,
        criteria=criteria or "ikz-egov-nrw",
        return_to=return_to,
    )
    click.echo(message("cli.written", lang=lang, path=path))


@survey.command("import", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="DATEIEN...")
@click.option(
    "--into",
    required=True,
    metavar="ORDNER",
    type=click.Path(file_okay=False),
    help="Datensatzordner, in den übernommen wird (als Kopie von --data angelegt, falls er "
    "fehlt).",
)
@data_option
@criteria_option
@click.option(
    "--accept",
    is_flag=True,
    help="Werte schreiben, die von den schon im Ordner stehenden abweichen.",
)
@click.option(
    "--partial",
    is_flag=True,
    help="Die gültigen Antworten auch aus Dateien mit Fehlern übernehmen.",
)
@lang_option
@reports_input_errors
def survey_import(files, into, data, criteria, accept, partial, lang):
    """Liest zurückgesandte Arbeitsmappen, prüft jede Zelle und übernimmt die gültigen
    Antworten in einen Datensatzordner. DATEIEN können Arbeitsmappen sein, Ordner (jede
    *.xlsx darin) oder Muster wie 'umfrage-*.xlsx', die das Werkzeug selbst auflöst. Jedes
    Problem steht mit Datei, Blatt, Zelle, Wert und dem Erwarteten in der Liste.
    Ein geänderter Wert wird als Gegenüberstellung gezeigt und nur mit --accept geschrieben;
    die vorigen Dateien bleiben im Unterordner .history des Ordners wiederherstellbar.
    Exit-Code 1, wenn etwas zurückgehalten wurde."""
    from potential.survey import import_files

    report = import_files(
        [Path(f) for f in files],
        Path(into),
        dataset=data,
        accept=accept,
        partial=partial,
        criteria=criteria or "ikz-egov-nrw",
    )
    click.echo("\n".join(report.lines(lang)))
    if not report.complete:
        sys.exit(1)
