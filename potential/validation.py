"""Checking user files: which kind a path is, and whether it validates.

Users' own CI can call :func:`assert_valid` on their data, criteria and scenario files.
"""

from __future__ import annotations

from pathlib import Path

from potential.errors import InputError
from potential.messages import message


def detect_kind(path: Path) -> str:
    """``"dataset"``, ``"criteria"`` or ``"scenario"`` for a path (by content)."""
    from potential import files

    if path.is_dir() or path.name == "dataset.yaml":
        return "dataset"
    if path.suffix not in (".yaml", ".yml"):
        raise InputError(message("validation.not_dataset"), str(path))
    doc = files.read_yaml(path)
    if isinstance(doc, dict) and "groups" in doc:
        return "criteria"
    if isinstance(doc, dict) and "name" in doc:
        return "scenario"
    raise InputError(message("validation.unknown_kind"), str(path))


def assert_valid(path: str | Path) -> str:
    """Validate a dataset folder, criteria model or scenario file.

    Returns
    -------
    str
        The kind of file found.

    Raises
    ------
    InputError
        Describing the first problem.
    """
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset

    path = Path(path)
    if not path.exists():
        raise InputError(message("files.not_found"), str(path))
    kind = detect_kind(path)
    if kind == "dataset":
        load_dataset(path)
    elif kind == "criteria":
        load_criteria(path)
    else:
        from potential.mcda import check_method
        from potential.scenarios.running import prepare

        scenario = prepare(path).scenario
        try:
            check_method(scenario.method, scenario.method_params)
        except InputError as exc:
            raise InputError(message("validation.method", problem=exc), str(path)) from None
    return kind


def validate_path(path: Path) -> tuple[str | None, str | None]:
    """(kind, None) if ``path`` is valid, else (None, the problem as one line)."""
    try:
        return assert_valid(path), None
    except InputError as exc:
        return None, str(exc)
