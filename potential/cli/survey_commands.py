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
    main,
    reports_input_errors,
)


@main.group(context_settings=CONTEXT)
def survey():
    """The questionnaire workbook for the bodies and the import of their answers."""


@survey.command("template", context_settings=CONTEXT)
@data_option
@criteria_option
@click.option(
    "--body",
    default=None,
    metavar="ID|NAME",
    help="The body the workbook is for (id or name) [default: all bodies in one workbook].",
)
@click.option(
    "--return-to",
    default=None,
    metavar="TEXT",
    help="Whom to send the filled workbook to (printed in the instructions).",
)
@lang_option
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="Workbook to write (.xlsx)."
)
@reports_input_errors
def survey_template(data, criteria, body, return_to, lang, out):
    """Write the questionnaire workbook: master data, one row per field (cost, staff,
    leaving share, cases, provider), the status of each duty, existing cooperations and
    the body's weighting of the criteria groups; pre-filled with what is known, marked as
    estimate or reported."""
    from potential.survey import write_template

    path = write_template(
        Path(out),
        dataset=data,
        body=body,
        lang=lang,
        criteria=criteria or "ikz-egov-nrw",
        return_to=return_to,
    )
    click.echo(f"{'geschrieben' if lang == 'de' else 'written'}: {path}")


@survey.command("import", context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--into",
    required=True,
    type=click.Path(file_okay=False),
    help="Dataset folder to merge into (created as a copy of --data if missing).",
)
@data_option
@criteria_option
@click.option(
    "--accept", is_flag=True, help="Write values that differ from those already in the folder."
)
@click.option("--partial", is_flag=True, help="Merge the valid answers of files that have errors.")
@lang_option
@reports_input_errors
def survey_import(files, into, data, criteria, accept, partial, lang):
    """Read returned workbooks, check every cell and merge the valid answers into a dataset
    folder. FILES may be workbooks, folders (every *.xlsx in them) or patterns such as
    'umfrage-*.xlsx', which the tool expands itself. Every problem is listed with file,
    sheet, cell, value and what was expected.
    A changed value is shown as a diff and written only with --accept; the previous files
    stay recoverable in the folder's .history. Exit code 1 if anything was held back."""
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
