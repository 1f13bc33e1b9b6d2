"""The command group, the shared options and the rule that turns input errors into exit code 2.

Each command parses its options, makes one library call, writes or prints the result, and
turns a user's mistake (:class:`potential.errors.InputError`) into one line on stderr and
exit code 2. The heavy libraries are imported inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import functools

import click

from potential.cli.i18n import LANG_SWITCH_HELP, Group

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: The ranking methods of :data:`potential.mcda.METHODS` (kept here so --help stays light;
#: a test checks that both lists agree).
METHOD_NAMES = ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee2", "electre1")


class InputProblem(click.ClickException):
    """A user's mistake: printed as one line, exit code 2."""

    exit_code = 2


def reports_input_errors(func):
    """Turn :class:`InputError` (and missing files) into :class:`InputProblem`.

    In a workspace (:mod:`potential.workspace`) the command then says on stderr which
    criteria model, scenarios and dataset it used, with path and short SHA-256.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from potential import workspace
        from potential.errors import InputError

        try:
            with workspace.recording() as used:
                result = func(*args, **kwargs)
        except InputError as exc:
            raise InputProblem(str(exc)) from None
        except BrokenPipeError:  # the reader went away (``potential analyse | head``)
            _quiet_after_broken_pipe()
        except OSError as exc:  # disk full, no permission ... while reading or writing
            from potential.files import os_reason
            from potential.messages import message

            where = exc.filename if isinstance(exc.filename, str) else None
            text = message("files.os_failed", reason=os_reason(exc))
            raise InputProblem(f"{where}: {text}" if where else text) from None
        if used and workspace.is_workspace():
            for line in workspace.used_lines(used):
                click.echo(line, err=True)
        return result

    return wrapper


def _quiet_after_broken_pipe():
    """End as a shell tool does when its reader closes the pipe: silently, exit code 141.

    The files are written before anything is printed, so nothing is lost; standard output
    is pointed at the null device so that Python's flush at exit does not fail again.
    """
    import os
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(128 + 13)  # 128 + SIGPIPE


def _version() -> str:
    from potential import __version__

    return __version__


criteria_option = click.option(
    "--criteria",
    default=None,
    metavar="NAME|PFAD",
    help="Kriterienmodell: Name eines mitgelieferten Modells oder YAML-Datei "
    "[Vorgabe: ikz-egov-nrw].",
)


class DateType(click.ParamType):
    """A date as ``TT.MM.JJJJ`` (also ``T.M.JJJJ``) or ``JJJJ-MM-TT``; ``01/02/2027`` is
    refused as ambiguous (:func:`potential.dates.parse_date`)."""

    name = "date"

    def convert(self, value, param, ctx):
        import datetime as dt

        from potential.dates import parse_date

        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except ValueError as exc:  # one line and exit code 2, like every input error
            name = param.opts[0] if param is not None and param.opts else "date"
            raise InputProblem(f"{name}: {exc}") from None


reference_date_option = click.option(
    "--reference-date",
    default=None,
    type=DateType(),
    metavar="TT.MM.JJJJ",
    help="Stichtag, an dem Pflichten und Steuerregeln beurteilt werden "
    "[Vorgabe: der Stichtag des Datensatzes].",
)


def command_folder(ctx: click.Context) -> str:
    """The default output folder of the running command: ``out/<command path>``
    (:func:`potential.files.default_folder`; imported here only when a command runs)."""
    from potential.files import command_path, default_folder

    return default_folder(command_path(ctx) or "potential")


def _default_out(ctx, param, value):
    return command_folder(ctx) if value is None else value


out_option = click.option(
    "--out",
    default=None,
    callback=_default_out,
    metavar="ORDNER",
    help="Ausgabeordner [Vorgabe: out/<Befehl>, z. B. out/analyse].",
)


def _lang_value(ctx, param, value):
    from potential.messages import get_lang

    return value or get_lang()


lang_option = click.option(
    "--lang",
    default=None,
    callback=_lang_value,
    type=click.Choice(["de", "en"]),
    help="Sprache der Ausgabe, der Tabellenköpfe und der Meldungen: de (deutsch, Vorgabe) "
    "oder en (englisch); auch über die Umgebungsvariable POTENTIAL_LANG.",
)

#: ``--lang`` of a command that does not need the value itself: accepted everywhere, the
#: group sets the language of the whole invocation from it (:meth:`potential.cli.i18n.Group.main`).
#: A command registered without any ``--lang`` gets this one (:meth:`Group.add_command`).
lang_switch = click.option(
    "--lang",
    default=None,
    expose_value=False,
    type=click.Choice(["de", "en"]),
    help=LANG_SWITCH_HELP,
)

quiet_option = click.option("--quiet", is_flag=True, help="Keine Fortschrittsanzeige.")

#: ``--model-weights``: every body with the criteria model's weights (potential.weight_sources)
model_weights_option = click.option(
    "--model-weights",
    is_flag=True,
    help="Jede Körperschaft mit den Gewichten des Kriterienmodells bewerten, auch wenn der "
    "Datenordner die body_weights.csv der Umfrage enthält.",
)


def progress_bar(items, *, desc: str, unit: str, quiet: bool = False, total=None):
    """``items`` with a progress bar on stderr (tqdm; shown after 1.5 s; none if ``quiet``)."""
    if quiet:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit=unit, total=total, delay=1.5, leave=False)


def smaa_progress(quiet: bool = False):
    """The ``progress`` argument of the SMAA functions: a bar over the bodies (or ``None``)."""
    if quiet:
        return None
    from potential.messages import message

    unit = message("cli.unit_body")
    return lambda items: progress_bar(items, desc="SMAA", unit=unit)


def announce(key: str, quiet: bool = False, **values) -> None:
    """Say on stderr what is being done and roughly how long it takes (message ``key``)."""
    if not quiet:
        from potential.messages import message

        click.echo(message(key, **values), err=True)


def _show_version(ctx, param, value):
    """``--version``: click's own option fixes its text when defined; this one asks then."""
    if not value or ctx.resilient_parsing:
        return
    from potential.cli.i18n import click_text

    text = click_text("%(prog)s, version %(version)s")
    click.echo(text % {"prog": "potential", "version": _version()})
    ctx.exit()


@click.group(cls=Group, context_settings=CONTEXT)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Die Version anzeigen und beenden.",
)
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    expose_value=False,
    help="Sprache aller Texte: de (deutsch, Vorgabe) oder en (englisch); auch über die "
    "Umgebungsvariable POTENTIAL_LANG.",
)
def main():
    """Potenzialanalyse interkommunaler Zusammenarbeit (IKZ) im E-Government.

    Ordnet die Kooperationsoptionen jeder Körperschaft (Kreis, Städte und Gemeinden) nach
    den eingebetteten Daten des Kreises Unna oder eigenen Daten und exportiert die Tabellen
    für die Bürgermeisterkonferenz.
    """


def data_option(func):
    return click.option(
        "--data",
        "data",
        default=None,
        metavar="NAME|PFAD",
        help="Datensatz: Name eines eingebetteten Datensatzes oder Ordner mit dataset.yaml "
        "[Vorgabe: kreis-unna].",
    )(func)


csv_dialect_option = click.option(
    "--csv-dialect",
    default="standard",
    show_default=True,
    type=click.Choice(["standard", "de"]),
    help="CSV-Dateien: 'standard' (Komma, Dezimalpunkt, für Skripte) oder 'de' (Semikolon, "
    "Dezimalkomma, UTF-8 mit BOM: öffnet so in einem deutschen Excel).",
)


def smaa_options(help_text: str):
    """``--smaa N`` (weight samples; none by default) and ``--seed``."""

    def decorate(func):
        func = click.option(
            "--seed",
            default=0,
            show_default=True,
            type=click.IntRange(0),
            help="Startwert der Zufallsziehungen (SMAA, --risk).",
        )(func)
        return click.option(
            "--smaa",
            "samples",
            default=None,
            type=click.IntRange(1, 1_000_000),  # potential.uncertainty.sampling.MAX_DRAWS
            metavar="N",
            help=help_text,
        )(func)

    return decorate


def _money_options(func, scales: bool):
    """``--horizon``, ``--discount-rate``, ``--ramp-up``, ``--grant/--no-grant`` (and
    ``--scales`` if ``scales``); the command receives one ``economics`` dict."""

    @functools.wraps(func)
    def wrapper(*args, horizon, discount_rate, ramp_up, grant, **kwargs):
        given = {
            "horizon_years": horizon,
            "discount_rate": discount_rate,
            "ramp_up": ramp_up,
            "grant": grant,
        }
        return func(*args, economics={k: v for k, v in given.items() if v is not None}, **kwargs)

    options = [
        click.option(
            "--horizon",
            default=None,
            metavar="JAHRE",
            help="Jahre des Wirtschaftlichkeitsvergleichs nach dem Start (Jahr 0) "
            "[Standard: horizon_years des Datensatzes, 10].",
        ),
        click.option(
            "--discount-rate",
            default=None,
            metavar="ZINS",
            help="Nominaler Kalkulationszins je Jahr als Anteil, z. B. 0.009 für 0,9 % "
            "[Standard: discount_rate des Datensatzes, BMF 2023].",
        ),
        click.option(
            "--ramp-up",
            default=None,
            metavar="S1,S2,...",
            help="Anteil der vollen Einsparung im 1., 2., ... Betriebsjahr, am Ende 1, z. B. "
            "0.5,0.8,1 [Standard: linear über ramp_up_years des Datensatzes].",
        ),
        click.option(
            "--grant/--no-grant",
            default=None,
            help="IKZ-Förderung des Landes NRW mitrechnen, wo ihre Bedingungen erfüllt sind "
            "[Standard: grant_assumed des Datensatzes, nicht gerechnet].",
        ),
    ]
    if scales:
        options.append(
            click.option(
                "--scales",
                type=click.Choice(["fixed", "minmax"]),
                default="fixed",
                show_default=True,
                help="fixed: die festen Skalen des Kriterienmodells, für alle Körperschaften "
                "gleich; minmax: die Spannweite jeder Körperschaft (früheres Verhalten, zum "
                "Vergleich).",
            )
        )
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def economics_options(func):
    """``--horizon``, ``--discount-rate``, ``--ramp-up``, ``--grant/--no-grant``, ``--scales``.

    The command receives them as one ``economics`` dict of the settings given (for
    :func:`potential.economics.apply_overrides`) and ``scales``.
    """
    return _money_options(func, scales=True)


def money_options(func):
    """The settings of the Wirtschaftlichkeitsvergleich of :func:`economics_options`, without
    ``--scales``: one ``economics`` dict."""
    return _money_options(func, scales=False)
