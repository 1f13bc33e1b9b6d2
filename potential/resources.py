"""Where the shipped data lives, installed or in a source checkout.

An installed package carries the top-level ``criteria/`` and ``scenarios/`` folders as
``potential/_criteria`` and ``potential/_scenarios`` (see ``pyproject.toml``); in a source
checkout (or an editable install) they sit beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(installed: str, checkout: str) -> Path:
    path = _PACKAGE / installed
    return path if path.is_dir() else _PACKAGE.parent / checkout


def data_dir() -> Path:
    """Folder holding the embedded datasets, one sub-folder each."""
    return _PACKAGE / "data"


def criteria_dir() -> Path:
    """Folder holding the shipped criteria models (``*.yaml``)."""
    return _shipped("_criteria", "criteria")


def scenarios_dir() -> Path:
    """Folder holding the shipped scenarios (``*.yaml``) and scenario scripts."""
    return _shipped("_scenarios", "scenarios")


def embedded_datasets() -> list[str]:
    """Names of the embedded datasets."""
    return sorted(p.name for p in data_dir().iterdir() if (p / "dataset.yaml").is_file())
