"""Every command's help and errors: German by default, English with ``--lang en`` or
``POTENTIAL_LANG=en``.

The commands are found by walking :data:`potential.cli.main` (no list here), so a new
command is checked as soon as it is registered.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from potential import messages
from potential.cli import main
from potential.cli.i18n import _HELP_EN, _key
from potential.messages.cli import CLICK_DE, CLICK_PROGRAMMER_ONLY, HELP_EN

CLI_SOURCES = sorted((Path(__file__).parents[1] / "potential" / "cli").glob("*.py"))


def walk(command: click.Command, path: tuple[str, ...] = ()):
    """(path, command) for the group and every command and subcommand below it."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


COMMANDS = dict(walk(main))
IDS = [" ".join(path) or "potential" for path in COMMANDS]


def helps(command: click.Command) -> list[str]:
    """The help texts of a command: its own and those of its parameters."""
    texts = [command.help] + [getattr(p, "help", None) for p in command.params]
    return [inspect.cleandoc(t).partition("\f")[0] for t in texts if t]


def flat(text: str) -> str:
    """Without any whitespace: help is wrapped (and split at hyphens) to the terminal."""
    return "".join(text.split())


def invoke(args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def test_the_walk_finds_the_commands():
    # a few known ones, nested ones included; the walk itself is what the tests use
    assert {
        (),
        ("analyse",),
        ("data", "sources"),
        ("scenario", "run"),
        ("survey", "import"),
    } <= set(COMMANDS)
    assert len(COMMANDS) >= 20


# --- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_command_takes_lang(path):
    command = COMMANDS[path]
    langs = [p for p in command.params if "--lang" in getattr(p, "opts", ())]
    assert langs, f"{' '.join(path)}: no --lang"
    assert set(langs[0].type.choices) == {"de", "en"}


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_help_text_has_an_english_one(path):
    missing = [t for t in helps(COMMANDS[path]) if _key(t) not in _HELP_EN]
    assert not missing, missing


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_help_is_german_by_default(path):
    result = invoke([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Aufruf: ")
    assert "\nOptionen:\n" in result.output
    assert "-h, --help" in result.output and "Diese Hilfe anzeigen und beenden." in result.output
    for english in ("Usage:", "Options:", "Show this message", "[default:"):
        assert english not in result.output
    # every German help text of the command is shown (the command's own first paragraph)
    command = COMMANDS[path]
    for param in command.params:
        if getattr(param, "help", None) and not getattr(param, "hidden", False):
            assert flat(param.help) in flat(result.output), param.name


@pytest.mark.parametrize("how", ["option", "env"])
@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_help_in_english_on_request(path, how):
    if how == "option":
        result = invoke([*path, "--help", "--lang", "en"])
    else:
        result = invoke([*path, "--help"], env={messages.ENV_VAR: "en"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    assert "\nOptions:\n" in result.output and "Show this message and exit." in result.output
    assert "Aufruf:" not in result.output
    command = COMMANDS[path]
    # the English text of one option (the first other than --lang, which every command has)
    options = [p for p in command.params if getattr(p, "help", None) and "--lang" not in p.opts]
    option = (options or [p for p in command.params if "--lang" in p.opts])[0]
    english = HELP_EN_BY_KEY[_key(option.help)]
    assert flat(english) in flat(result.output)
    assert flat(option.help) not in flat(result.output)
    if command.help:
        first = english_help(command).split("\n\n")[0]
        assert flat(first) in flat(result.output)


HELP_EN_BY_KEY = {_key(de): en for de, en in HELP_EN.items()}


def english_help(command):
    return HELP_EN_BY_KEY[_key(inspect.cleandoc(command.help))].replace("\b\n", "")


def test_english_help_restores_the_german_texts():
    invoke(["analyse", "--help", "--lang", "en"])
    result = invoke(["analyse", "--help"])
    assert "Angezeigte Optionen je Körperschaft." in result.output
    assert "Options shown per body." not in result.output


def test_metavars_german_and_english():
    german = invoke(["smaa", "--help"]).output
    assert "[OPTIONEN]" in german and "--n ZAHL" in german and "--out ORDNER" in german
    english = invoke(["smaa", "--help", "--lang", "en"]).output
    assert "[OPTIONS]" in english and "--out FOLDER" in english and "ZAHL" not in english
    assert "BEFEHL [ARGUMENTE]..." in invoke(["--help"]).output


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_unknown_option_in_both_languages(path):
    german = invoke([*path, "--no-such-option"])
    assert german.exit_code == 2
    assert "Fehler: Unbekannte Option '--no-such-option'." in german.stderr
    assert "Aufruf: " in german.stderr and "Error:" not in german.stderr
    english = invoke([*path, "--no-such-option", "--lang", "en"])
    assert english.exit_code == 2
    assert "Error: No such option '--no-such-option'." in english.stderr
    assert "Usage: " in english.stderr and "Fehler:" not in english.stderr
    by_env = invoke([*path, "--no-such-option"], env={messages.ENV_VAR: "en"})
    assert "Error: No such option" in by_env.stderr


def _filled(command: click.Command, tmp_path: Path) -> list[str]:
    """Values for the required arguments and options of a command (so it reaches --data)."""
    args = []
    for param in command.params:
        if not param.required or param.name == "data":
            continue
        value = (
            param.type.choices[0]
            if isinstance(param.type, click.Choice)
            else str(tmp_path / f"{param.name}-given.xlsx")
        )
        args += [value] if isinstance(param, click.Argument) else [param.opts[0], value]
    return args


WITH_DATA = [path for path, c in COMMANDS.items() if any(p.name == "data" for p in c.params)]


def test_the_data_commands_are_found():
    names = {" ".join(p) for p in WITH_DATA}
    assert {"analyse", "smaa", "report", "data show", "coalitions", "sharing"} <= names


@pytest.mark.parametrize("path", WITH_DATA, ids=[" ".join(p) for p in WITH_DATA])
def test_missing_dataset_folder_is_one_german_line(path, tmp_path):
    missing = tmp_path / "kein-datensatz"
    args = [*path, "--data", missing, *_filled(COMMANDS[path], tmp_path)]
    result = invoke(args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fehler: ") and str(missing) in lines[0]
    assert "Traceback" not in result.output and "Error:" not in result.output
    english = invoke([*args, "--lang", "en"])
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: ") and str(missing) in english.stderr


def test_an_input_error_of_scenario_compare_in_both_languages():
    de, en = messages.both("cli.scenario.compare_needs_two", n=1)
    german = invoke(["scenario", "compare", "heute", "--quiet"])
    assert german.exit_code == 2 and german.stderr.strip() == f"Fehler: {de}"
    english = invoke(["scenario", "compare", "heute", "--quiet", "--lang", "en"])
    assert english.exit_code == 2 and english.stderr.strip() == f"Error: {en}"


def test_an_input_error_raised_in_the_cli_in_both_languages():
    de, en = messages.both("cli.plot.slope_needs_two", n=1)
    german = invoke(["plot", "slope", "--scenario", "heute"])
    assert german.exit_code == 2 and german.stderr.strip() == f"Fehler: {de}"
    english = invoke(["plot", "slope", "--scenario", "heute", "--lang", "en"])
    assert english.stderr.strip() == f"Error: {en}"


# --- the tables behind it -----------------------------------------------------------------


def test_no_dead_help_en_entries():
    used = {_key(t) for c in COMMANDS.values() for t in helps(c)}
    dead = [de for de in HELP_EN if _key(de) not in used]
    assert not dead, dead


def _cli_keys():
    """Message keys written in the cli modules: whole keys and f-string prefixes."""
    keys, prefixes = set(), set()
    for source in CLI_SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if id(node) in parts:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.fullmatch(r"cli\.[\w.]+", node.value):
                    keys.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and re.fullmatch(r"cli\.[\w.]+", head.value):
                    prefixes.add(head.value)
    return keys, prefixes


def test_every_cli_message_key_used_exists():
    catalogue = messages.catalogue()
    keys, prefixes = _cli_keys()
    assert {"cli.written", "cli.analyse.header", "cli.coalitions.row"} <= keys
    assert not keys - set(catalogue), keys - set(catalogue)
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in catalogue), prefix


def test_every_cli_message_is_used():
    keys, prefixes = _cli_keys()
    cli = [k for k in messages.catalogue() if k.startswith("cli.")]
    unused = [k for k in cli if k not in keys and not any(k.startswith(p) for p in prefixes)]
    assert not unused, unused


def test_german_and_english_templates_have_the_same_placeholders():
    catalogue = messages.catalogue()
    assert sum(k.startswith("cli.") for k in catalogue) > 50
    for key, (de, en) in catalogue.items():
        assert messages.fields(de) == messages.fields(en), key


def _click_msgids():
    """Every gettext msgid in click's sources: strings, and (singular, plural) pairs."""
    found = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and args:
                found.add(args[0])
            elif node.func.id == "ngettext" and len(args) >= 2:
                found.add((args[0], args[1]))
    return found


def test_click_de_covers_what_users_of_click_see():
    msgids = _click_msgids()
    assert "Usage:" in msgids and "Error: {message}" in msgids  # the parse found them
    missing = msgids - set(CLICK_DE) - set(CLICK_PROGRAMMER_ONLY)
    assert not missing, missing
    # ``_(extra["required"])`` in click's help: the one msgid not written literally;
    # "Positional arguments" is new in click 8.5 (the section of arguments with a help text)
    stale = set(CLICK_DE) - msgids - {"required", "Positional arguments"}
    assert not stale, stale


def test_click_de_keeps_the_placeholders():
    for en, de in CLICK_DE.items():
        pairs = zip(en, de, strict=True) if isinstance(en, tuple) else [(en, de)]
        for a, b in pairs:
            assert messages.fields(a) == messages.fields(b), a
            assert re.findall(r"%\(\w+\)s", a) == re.findall(r"%\(\w+\)s", b), a


# --- progress -----------------------------------------------------------------------------

SLOW = {("smaa",), ("compare-methods",), ("coalitions",), ("report",), ("scenario", "run")}
SLOW |= {("scenario", "compare")}


@pytest.mark.parametrize("path", sorted(SLOW), ids=[" ".join(p) for p in sorted(SLOW)])
def test_slow_commands_take_quiet(path):
    quiet = [p for p in COMMANDS[path].params if "--quiet" in getattr(p, "opts", ())]
    assert quiet and quiet[0].is_flag and quiet[0].help == "Keine Fortschrittsanzeige."


def test_progress_line_on_stderr_in_german_and_none_with_quiet(tmp_path):
    args = ["coalitions", "--field", "it", "--max-size", "2", "--top", "1"]
    loud = invoke(args)
    assert loud.exit_code == 0, loud.output
    line = messages.message("cli.progress.coalitions", n=11)
    assert loud.stderr.strip() == line and line.startswith("Jede Teilmenge der 11 Körperschaften")
    assert line not in loud.stdout
    quiet = invoke([*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout
    english = invoke([*args, "--lang", "en"])
    assert english.stderr.strip() == messages.message("cli.progress.coalitions", "en", n=11)


def test_a_command_registered_without_lang_gets_one():
    from potential.cli.i18n import Group

    group = Group("probe")

    @group.command()
    def plain():
        """Nichts."""
        click.echo(messages.get_lang())

    assert [p.opts for p in plain.params] == [["--lang"]]
    assert CliRunner().invoke(group, ["plain", "--lang", "en"]).output == "en\n"
    assert CliRunner().invoke(group, ["plain"]).output == "de\n"
