"""Reading scenario files: validation, relative paths and ``extends``.

A scenario may build on another with ``extends: NAME``: a file next to it (``NAME`` or
``NAME.yaml``) or a shipped scenario. The parent is loaded first (it may extend another in
turn; a cycle is an error) and the child's keys are merged over it:

- ``options``, ``method_params`` and ``uncertainty`` merge key by key (the child's win);
- ``weights``, ``overrides`` and ``sources`` are concatenated, the parent's first, so a
  child adds changes to its parent's (a source both list is kept once);
- ``name``, ``title`` and ``description`` are the child's own; every other key the child
  gives replaces the parent's.

Each file is validated on its own first, so a problem is reported with the file it is in.
Relative paths (``data``, ``criteria``, ``body_weights``) are taken from the folder of the
file that names them; the name of an embedded dataset or a shipped criteria model means that
one, as on the command line.
"""

from __future__ import annotations

from pathlib import Path

from potential import files, workspace
from potential.criteria import shipped_criteria
from potential.errors import InputError
from potential.messages import message
from potential.models import parse
from potential.resources import embedded_datasets, scenarios_dir
from potential.scenarios.model import Scenario

MERGED = ("options", "method_params", "uncertainty")
CONCATENATED = ("weights", "overrides", "sources")
OWN = ("name", "title", "description", "extends")
PATH_KEYS = ("data", "criteria", "body_weights")


def shipped_scenarios() -> list[Path]:
    """The scenario files shipped in ``scenarios/``."""
    return sorted(scenarios_dir().glob("*.yaml"))


def shipped_names() -> list[str]:
    """Names of the shipped scenarios (file names without ``.yaml``)."""
    return [p.stem for p in shipped_scenarios()]


def _names() -> str:
    """The scenario names a user may give: the workspace's, then the shipped ones."""
    return ", ".join(dict.fromkeys([*workspace.local_scenario_names(), *shipped_names()]))


def resolve_path(ref: str | Path, base: Path | None = None) -> Path:
    """The file of a scenario given as a path, a name next to ``base``, or a shipped name.

    Parameters
    ----------
    ref : str or Path
        ``path/to/file.yaml``, ``NAME`` (``NAME.yaml`` in ``base``) or a shipped name.
    base : Path, optional
        Folder to look in first (the folder of the file that extends); default the
        working directory.

    Raises
    ------
    InputError
        If no such file exists (naming the shipped scenarios).
    """
    ref = Path(ref)
    base = Path(".") if base is None else base
    for candidate in (base / ref, base / f"{ref}.yaml"):
        if candidate.is_file():
            return candidate
    local = workspace.local_scenario(str(ref)) if ref.parent == Path(".") else None
    if local is not None:  # the workspace's ./scenarios/NAME.yaml before the shipped one
        return local
    shipped = scenarios_dir() / f"{ref.name}.yaml"
    if ref.parent == Path(".") and shipped.is_file():
        return shipped
    if ref.is_absolute() and ref.is_file():
        return ref
    raise InputError(message("scenarios_loading.no_file", ref=str(ref), names=_names()))


def _read(path: Path) -> tuple[Scenario, dict]:
    """Validate one file alone; return it and its keys (relative paths made absolute)."""
    doc = files.read_yaml(path)
    workspace.note("scenario", path)
    scenario = parse(Scenario, doc, str(path))
    raw = scenario.model_dump(exclude_unset=True)
    names = {
        "data": embedded_datasets(),
        "criteria": shipped_criteria(),
        "body_weights": ("model",),
    }
    for key in PATH_KEYS:
        value = raw.get(key)
        if value is None or value in names[key]:
            continue  # an embedded dataset or shipped model's name wins, as on the command line
        if (path.parent / value).exists():
            raw[key] = str((path.parent / value).resolve())
    return scenario, raw


def _merge(parent: dict, child: dict) -> dict:
    merged = {k: v for k, v in parent.items() if k not in OWN}
    for key, value in child.items():
        if key in MERGED and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        elif key == "sources":  # a source both list is listed once
            merged[key] = [*merged.get(key, ())]
            merged[key] += [s for s in value if s not in merged[key]]
        elif key in CONCATENATED:
            merged[key] = [*merged.get(key, ()), *value]
        else:
            merged[key] = value
    return merged


def chain(path: Path) -> list[tuple[Path, dict]]:
    """A scenario file and its ancestors, the root first, each as (path, its keys)."""
    seen: list[Path] = []
    out: list[tuple[Path, dict]] = []
    current = path
    while True:
        key = current.resolve()
        if key in seen:
            names = " → ".join(p.name for p in [*seen, key])
            raise InputError(
                message("scenarios_loading.cycle", names=names),
                str(out[-1][0] if out else path),
            )
        seen.append(key)
        scenario, raw = _read(current)
        out.append((current, raw))
        if scenario.extends is None:
            break
        try:
            current = resolve_path(scenario.extends, current.parent)
        except InputError as exc:
            raise InputError(
                message("scenarios_loading.extends", problem=exc), str(current)
            ) from None
    return out[::-1]


def load(scenario: str | Path | Scenario) -> Scenario:
    """Load a scenario file, resolving ``extends``.

    Parameters
    ----------
    scenario : str, Path or Scenario
        A scenario file, the name of a shipped scenario (``"heute"``), or a scenario (returned
        unchanged).

    Returns
    -------
    Scenario
        The merged scenario, ``extends`` resolved (``None``); :attr:`Scenario.files` lists
        the files it was read from, the root first.

    Raises
    ------
    InputError
        Naming the file and the key path: an unknown key, a bad value, an ``extends`` that
        does not exist or that closes a cycle.

    Examples
    --------
    >>> import potential.scenarios as ps
    >>> ps.load("heute").name
    'heute'
    """
    if isinstance(scenario, Scenario):
        return scenario
    path = Path(scenario)
    local = workspace.local_scenario(scenario) if isinstance(scenario, str) else None
    if not path.is_file() and local is not None:  # ./scenarios/NAME.yaml of the workspace
        path = local
    if not path.is_file():
        if isinstance(scenario, str) and scenario in shipped_names():
            path = scenarios_dir() / f"{scenario}.yaml"
        elif path.exists():
            raise InputError(message("scenarios_loading.not_a_file"), str(path))
        else:
            raise InputError(message("scenarios_loading.not_found", names=_names()), str(path))
    links = chain(path)
    merged: dict = {}
    for _, raw in links:
        merged = _merge(merged, raw)
    merged["extends"] = None
    result = parse(Scenario, merged, str(path))
    result._files = tuple(p for p, _ in links)
    return result
