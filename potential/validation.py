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
    if not isinstance(doc, dict):  # what loading it as a model or a scenario says
        raise InputError(message("models.not_mapping", type=type(doc).__name__), str(path))
    if "groups" in doc:
        return "criteria"
    if "name" in doc:
        return "scenario"
    raise InputError(message("validation.unknown_kind"), str(path))


def assert_valid(path: str | Path) -> str:
    """Validate a dataset folder, criteria model or scenario file as a run would.

    Runs exactly the checks of a run that reads the file: a dataset folder is loaded
    (every table, every number in its range) and so is its ``body_weights.csv`` if it has
    one (checked against the default criteria model, as ``potential analyse --data`` does);
    a criteria model is loaded; a scenario is prepared and analysed as ``potential scenario
    run`` does (its changes, method and method parameters, body weights), without its SMAA
    and without writing anything; its ``uncertainty.n`` is checked against the bound.

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
        _check_dataset(load_dataset(path))
    elif kind == "criteria":
        load_criteria(path)
    else:
        _check_scenario(path)
    return kind


def _check_dataset(dataset) -> None:
    """The checks of a run on a dataset beyond loading it: its ``body_weights.csv``."""
    from potential.analysis import dataset_body_weights, with_body_weights
    from potential.criteria import load_criteria

    file = dataset_body_weights(dataset)
    if file is not None:
        with_body_weights(load_criteria(), dataset, file)


def _check_scenario(path: Path) -> None:
    """Prepare and analyse a scenario as :func:`potential.scenarios.running.run` does."""
    from potential.scenarios.loading import load
    from potential.scenarios.running import run

    scenario = load(path)
    if scenario.uncertainty is not None:
        from potential.uncertainty.sampling import _check_n

        _check_n(scenario.uncertainty.n, "uncertainty.n")
    from potential.mcda import check_method

    try:
        check_method(scenario.method, scenario.method_params)
    except InputError as exc:  # worded as the run words it
        raise InputError(message("validation.method", problem=exc), str(path)) from None
    try:
        run(scenario.model_copy(update={"uncertainty": None}))
    except InputError as exc:
        raise method_param_error(exc, scenario) from None


def method_param_error(exc: InputError, scenario) -> InputError:
    """``exc`` with the scenario file and key, if a method's check named only a parameter.

    A ranking method checks its own parameters (VIKOR's ``v`` in [0, 1] ...) and names the
    parameter alone; for a scenario that becomes ``<file>: Schlüssel 'method_params.v':
    …``. Any other error is returned unchanged.
    """
    if exc.where not in (scenario.method_params or {}) or not scenario.files:
        return exc
    key = f"method_params.{exc.where}"
    return InputError(
        message("scenarios.key", path=key, problem=exc.problem), str(scenario.files[-1])
    )


def validate_path(path: Path) -> tuple[str | None, str | None]:
    """(kind, None) if ``path`` is valid, else (None, the problem as one line)."""
    try:
        return assert_valid(path), None
    except InputError as exc:
        return None, str(exc)
