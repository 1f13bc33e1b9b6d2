"""Command line: ``potential init [ORDNER]``, a workspace to edit (:mod:`potential.workspace`)."""

from __future__ import annotations

import click

from potential.cli._common import CONTEXT, main, reports_input_errors


@main.command("init", context_settings=CONTEXT)
@click.argument("folder", default=".", required=False, metavar="[ORDNER]")
@reports_input_errors
def init(folder):
    """Einen Arbeitsordner anlegen: Kriterienmodell, Szenarien und Datensatz zum Bearbeiten.

    Kopiert die mitgelieferten Kriterienmodelle nach ORDNER/criteria, die Szenarien nach
    ORDNER/scenarios und den eingebetteten Datensatz nach ORDNER/daten, dazu LIESMICH.md
    [Vorgabe: der aktuelle Ordner]. In diesem Ordner aufgerufen, nehmen die Befehle dann diese
    Dateien und nennen sie mit Pfad und Prüfsumme. Überschreibt nie etwas: Gibt es eine der
    Dateien schon, bricht der Befehl ab, ohne etwas zu schreiben (Exit-Code 2).
    """
    from potential import workspace
    from potential.messages import message

    written = workspace.init(folder)
    for path in written:
        click.echo(path)
    click.echo(message("workspace.written", path=folder), err=True)
    click.echo(message("workspace.next", path=folder), err=True)
