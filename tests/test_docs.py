"""The documentation keeps its promises: commands documented, quick start as CI runs it."""

from __future__ import annotations

import re
from pathlib import Path

from potential.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}"
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")


def test_every_command_is_in_the_readme():
    for command in _commands(main):
        assert f"potential {command}" in README, command


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", README, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "potential analyse" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].strip() in ci


def test_method_doc_names_every_indicator():
    from potential.indicators import INDICATORS

    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    for name in INDICATORS:
        assert f"`{name}`" in method, name


def test_readme_images_exist():
    for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        data = (ROOT / path).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", path
