"""The command group, the shared options and the rule that turns input errors into exit code 2.

Each command parses its options, makes one library call, writes or prints the result, and
turns a user's mistake (:class:`potential.errors.InputError`) into one line on stderr and
exit code 2. The heavy libraries are imported inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import functools

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: The ranking methods of :data:`potential.mcda.METHODS` (kept here so --help stays light;
#: a test checks that both lists agree).
METHOD_NAMES = ("wsm", "wpm", "waspas", "topsis", "vikor", "promethee2", "electre1")


class InputProblem(click.ClickException):
    """A user's mistake: printed as one line, exit code 2."""

    exit_code = 2


def reports_input_errors(func):
    """Turn :class:`InputError` (and missing files) into :class:`InputProblem`."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from potential.errors import InputError

        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise InputProblem(str(exc)) from None

    return wrapper


def _version() -> str:
    from potential import __version__

    return __version__


criteria_option = click.option(
    "--criteria",
    default=None,
    metavar="NAME|PATH",
    help="Criteria model: shipped name or YAML file [default: ikz-egov-nrw].",
)
reference_date_option = click.option(
    "--reference-date",
    default=None,
    metavar="YYYY-MM-DD",
    help="Date at which duties and tax rules are judged [default: the dataset's].",
)
out_option = click.option("--out", default="out", show_default=True, help="Output folder.")
lang_option = click.option(
    "--lang",
    default="de",
    show_default=True,
    type=click.Choice(["de", "en"]),
    help="Sprache der Ausgabe und der Tabellenköpfe: de (deutsch) oder en (englisch).",
)


@click.group(context_settings=CONTEXT)
@click.version_option(_version(), "-V", "--version", prog_name="potential")
def main():
    """Potenzialanalyse interkommunaler Zusammenarbeit (IKZ) im E-Government.

    Rank the cooperation options of every body (county and towns) on the embedded Kreis
    Unna data or your own, and export the tables for the mayors' conference.
    """


def data_option(func):
    return click.option(
        "--data",
        "data",
        default=None,
        metavar="NAME|PATH",
        help="Dataset: embedded name or folder with dataset.yaml [default: kreis-unna].",
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
            help="Seed of the random draws (SMAA, --risk).",
        )(func)
        return click.option(
            "--smaa",
            "samples",
            default=None,
            type=click.IntRange(1),
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
