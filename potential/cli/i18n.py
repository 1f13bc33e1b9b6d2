"""German first, English on request, for everything click prints.

* click's own messages (``Usage:``, ``Error: …``, ``No such option``) go through gettext;
  :func:`install` points the ``_``/``ngettext`` of click's modules at
  :data:`potential.messages.cli.CLICK_DE` while the language is German.
* help texts are written in German in the commands; :class:`Command` and :class:`Group` show
  them in English (:data:`potential.messages.cli.HELP_EN`) when the language is English.
* the language of one invocation comes from ``--lang`` anywhere on the command line, else
  ``POTENTIAL_LANG``, else German (:func:`lang_in`); :meth:`Group.main` sets it before click
  parses anything, so parse errors come out in that language too, and restores it afterwards.
"""

from __future__ import annotations

import contextlib
import inspect
import re
import sys

import click

from potential import messages
from potential.messages.cli import CLICK_DE, HELP_EN, METAVAR_DE, METAVAR_EN, USAGE_DE

_CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "termui",
    "types",
    "utils",
    "shell_completion",
    "_termui_impl",
    "_winconsole",
)


def _gettext(text: str) -> str:
    if messages.get_lang() == "de":
        return CLICK_DE.get(text, text)
    return text


def click_text(text: str) -> str:
    """One of click's messages (its English msgid) in the language of the invocation."""
    return _gettext(text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if messages.get_lang() == "de" and (singular, plural) in CLICK_DE:
        singular, plural = CLICK_DE[singular, plural]
    return singular if n == 1 else plural


def install() -> None:
    """Route click's gettext calls through the catalogue (idempotent)."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", inspect.cleandoc(text)).strip()


_HELP_EN = {_key(de): en for de, en in HELP_EN.items()}


def english(text: str | None) -> str | None:
    """The English help text for a German one (the German text itself if none is listed)."""
    if not text:
        return text
    head, sep, tail = inspect.cleandoc(text).partition("\f")
    found = _HELP_EN.get(_key(head))
    return text if found is None else found + sep + tail


def lang_in(args) -> str | None:
    """The value of ``--lang`` in a command line (the last one wins), if any."""
    found = None
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in messages.LANGS else None


@contextlib.contextmanager
def _in_english(command: click.Command):
    """Swap the help texts of a command, its parameters and its subcommands to English."""
    saved = []

    def swap(obj, attr):
        value = getattr(obj, attr, None)
        if value:
            saved.append((obj, attr, value))
            setattr(obj, attr, english(value))

    swap(command, "help")
    swap(command, "short_help")
    swap(command, "epilog")
    for param in command.params:
        swap(param, "help")
    for sub in getattr(command, "commands", {}).values():
        swap(sub, "help")
        swap(sub, "short_help")
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


@contextlib.contextmanager
def _metavars(command: click.Command, ctx: click.Context):
    """Metavars in the language of the invocation: German words (``ORDNER``, ``ZAHL``) for
    click's type names in German, the English words for the German metavars in English."""
    german = messages.get_lang() == "de"
    saved = []
    for param in command.params:
        metavar = param.metavar
        if german and metavar is None and isinstance(param, click.Option):
            if param.is_flag or param.type.get_metavar(param=param, ctx=ctx):
                continue
            found = METAVAR_DE.get(param.type.name.upper())
        elif not german and metavar is not None:
            found = METAVAR_EN.get(metavar)
        else:
            continue
        if found is not None:
            saved.append((param, metavar))
            param.metavar = found
    try:
        yield
    finally:
        for param, metavar in reversed(saved):
            param.metavar = metavar


class _Translated:
    def format_help(self, ctx, formatter):
        with _metavars(self, ctx):
            if messages.get_lang() == "en":
                with _in_english(self):
                    return super().format_help(ctx, formatter)
            return super().format_help(ctx, formatter)

    def get_help_option(self, ctx):
        # click caches the option (with its text in the language of the first call)
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _gettext("Show this message and exit.")
        return option

    def parse_args(self, ctx, args):
        """Parse as click does; a bad option value is one line, ``Fehler: …``.

        Click prints the usage and a hint before the message of a :class:`click.BadParameter`
        (a value out of range, not a number, a missing option). The value and the option are
        named in the message itself, so it is shown alone, as every other input error is.
        """
        try:
            return super().parse_args(ctx, args)
        except click.BadParameter as exc:
            raise click.UsageError(exc.format_message()) from None

    def collect_usage_pieces(self, ctx):
        with _metavars(self, ctx):
            pieces = super().collect_usage_pieces(ctx)
        if messages.get_lang() == "de":
            pieces = [USAGE_DE.get(piece, piece) for piece in pieces]
        return pieces


class Command(_Translated, click.Command):
    """A click command whose help shows in the language of the invocation."""


#: help of ``--lang`` on a command that does not use the value itself
LANG_SWITCH_HELP = (
    "Sprache der Hilfe und der Meldungen: de (deutsch, Vorgabe) oder en (englisch); auch über "
    "die Umgebungsvariable POTENTIAL_LANG."
)


def lang_switch_option() -> click.Option:
    """``--lang de|en``, accepted and not passed on: :meth:`Group.main` has read it already."""
    return click.Option(
        ["--lang"],
        default=None,
        expose_value=False,
        type=click.Choice(messages.LANGS),
        help=LANG_SWITCH_HELP,
    )


class Group(_Translated, click.Group):
    """A click group whose help, and whose subcommands' help, show in that language.

    :meth:`main` sets the language from ``--lang`` (or ``POTENTIAL_LANG``) for the whole
    invocation and restores the previous setting afterwards.
    """

    command_class = Command

    def add_command(self, cmd, name=None):
        """Register ``cmd``, giving it ``--lang`` if it has none (every command takes it)."""
        if not any("--lang" in getattr(p, "opts", ()) for p in cmd.params):
            cmd.params.append(lang_switch_option())
        super().add_command(cmd, name)

    def main(self, args=None, *rest, **kwargs):
        install()
        if args is None:
            args = sys.argv[1:]
        args = list(args)
        with messages.use_lang(lang_in(args) or messages.get_lang()), _cleanup_on_sigterm():
            return super().main(args, *rest, **kwargs)


@contextlib.contextmanager
def _cleanup_on_sigterm():
    """Let SIGTERM unwind like Ctrl-C, so that temporary files are removed on the way out.

    Python's default for SIGTERM ends the process at once, leaving a half-written staging
    folder behind; raising :class:`SystemExit` (exit code 143, as the shell reports a
    terminated process) runs every ``finally`` first. Only in the main thread, where signal
    handlers can be set; the previous handler is restored afterwards.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    before = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


Group.group_class = Group

# before any command is defined: a text that click translates at definition time is then
# German, and HELP_EN gives it back in English (``--help`` is re-translated on every call,
# :meth:`_Translated.get_help_option`; ``--version`` is our own option, see ``_common``)
install()
