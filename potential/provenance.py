"""Where every number comes from, and how to reproduce a run.

:func:`sources_table` is the table behind ``potential data sources``; :func:`run_record` is
the record written as ``provenance.json`` beside every set of output tables and as the
metadata sheet of the workbooks.

Each default value of a dataset, of a criteria model and of the analysis itself is listed
with either a source (id, grade, title, URL) or the word *assumption* and its rationale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from potential.criteria import CriteriaModel
from potential.digests import dataset_digests, file_digest
from potential.messages import message
from potential.models import Dataset

COLUMNS = ["table", "item", "parameter", "value", "unit", "status", "source", "reference"]
#: extra columns with ``ranges=True``: the recorded uncertainty range of a parameter
RANGE_COLUMNS = ["low", "high"]


def sources_table(
    dataset: Dataset,
    criteria: CriteriaModel | None = None,
    *,
    ranges: bool = False,
    grades: bool = False,
    lang: str = "de",
) -> pd.DataFrame:
    """Every number with its source or assumption.

    Parameters
    ----------
    dataset : Dataset
        The dataset whose figures are listed.
    criteria : CriteriaModel, optional
        A criteria model whose weights are listed too.
    ranges : bool
        Add the columns ``low`` and ``high``: the range a parameter table records for a
        value (blank where none is recorded). Its basis is in ``reference`` (the note or the
        assumption's rationale). Off by default so that the eight columns stay as before.
    grades : bool
        Add the column ``grade``: the weakest grade of the sources a value rests on (``U``
        unverified, then ``S`` secondary, then ``V`` primary; :func:`weakest_grade`), blank
        for assumptions and reported values.
    lang : {"de", "en"}
        Language of the source titles in ``reference`` (:meth:`Source.label`).

    Returns
    -------
    pandas.DataFrame
        Columns ``table``, ``item``, ``parameter``, ``value``, ``unit``, ``status``
        (``source`` or ``assumption``), ``source`` (source ids) and ``reference`` (source
        grades, titles and URLs, or the assumption's rationale); with ``ranges``, also
        ``low`` and ``high``; with ``grades``, also ``grade``.
    """
    src = {s.id: s for s in dataset.sources}

    def cite(ids) -> str:
        ids = [ids] if isinstance(ids, str) else list(ids)
        return " | ".join(f"[{src[i].grade}] {src[i].label(lang)} <{src[i].url}>" for i in ids)

    rows = []
    bounds: dict[int, tuple[float, float]] = {}

    def add(table, item, parameter, value, unit, source=(), assumption=None, note=None):
        if assumption:
            status, ref = "assumption", assumption
        else:
            status, ref = "source", cite(source)
        if note:
            ref = f"{ref} ({note})"
        ids = ";".join([source] if isinstance(source, str) else source)
        rows.append([table, item, parameter, value, unit, status, ids, ref])

    for b in dataset.bodies:
        add(
            "bodies.csv",
            b.id,
            "population",
            b.population,
            message("provenance.population_unit", lang=lang, date=b.population_date),
            b.population_source,
        )
        add("bodies.csv", b.id, "area_km2", b.area_km2, "km²", b.area_source)
        if b.lat is not None:
            add("bodies.csv", b.id, "lat", b.lat, "° (WGS84)", b.coords_source)
            add("bodies.csv", b.id, "lon", b.lon, "° (WGS84)", b.coords_source)
    for table, params in (
        ("parameters.csv", dataset.parameters),
        ("field_parameters.csv", dataset.field_parameters),
        ("legal_form_parameters.csv", dataset.legal_form_parameters),
    ):
        for p in params:
            value = p.value.isoformat() if hasattr(p.value, "isoformat") else p.value
            if p.low is not None:
                bounds[len(rows)] = (p.low, p.high)
            add(table, p.owner, p.parameter, value, p.unit, p.source, p.assumption, p.note)
    for o in dataset.obligations:
        add("obligations.csv", o.id, "in_force", o.in_force.isoformat(), "date", o.source)
        add("obligations.csv", o.id, "weight", o.weight, "weight", o.source, o.assumption)
    for bf in dataset.body_fields:
        for name in ("annual_cost_eur", "fte", "leaving_share"):
            value = getattr(bf, name)
            if value is not None:
                rows.append(
                    [
                        "body_fields.csv",
                        f"{bf.body}/{bf.field}",
                        name,
                        value,
                        "",
                        "reported",
                        "",
                        bf.source,
                    ]
                )
    for fu in dataset.fulfilment:
        rows.append(
            [
                "fulfilment.csv",
                f"{fu.body}/{fu.obligation}",
                "fulfilment",
                fu.fulfilment,
                "share",
                "reported",
                "",
                fu.source,
            ]
        )
    if criteria is not None:
        table = f"criteria:{criteria.id}"
        status = "assumption" if criteria.assumption else "source"
        ref = criteria.assumption or criteria.source
        for g in criteria.groups:
            rows.append([table, g.id, "group_weight", g.weight, "weight", status, "", ref])
            for c in g.criteria:
                rows.append([table, c.id, "weight", c.weight, "weight in group", status, "", ref])
    from potential.analysis import METHOD_DEFAULTS

    for method, params in METHOD_DEFAULTS.items():
        add(
            "analysis",
            method,
            "value_floor",
            params["value_floor"],
            "0–1",
            (),
            "the weighted product needs positive values; the worst value maps to 0.1 so that "
            "it does not veto an option (docs/method.md)",
        )
    table = pd.DataFrame(rows, columns=COLUMNS)
    if ranges:
        table["low"] = [bounds.get(i, (None, None))[0] for i in range(len(rows))]
        table["high"] = [bounds.get(i, (None, None))[1] for i in range(len(rows))]
        table[RANGE_COLUMNS] = table[RANGE_COLUMNS].astype(float)
    if grades:
        table["grade"] = [
            weakest_grade(dataset, ids) if status == "source" else ""
            for status, ids in zip(table["status"], table["source"], strict=True)
        ]
    return table


def weakest_grade(dataset: Dataset, ids) -> str:
    """The weakest grade of some sources: ``U`` before ``S`` before ``V``.

    Parameters
    ----------
    dataset : Dataset
        The dataset whose ``sources`` define the ids.
    ids : str or iterable of str
        Source ids, as a list or joined by ``;`` (the ``source`` column of
        :func:`sources_table`).

    Returns
    -------
    str
        ``"U"``, ``"S"`` or ``"V"``; ``""`` for no ids (a criteria weight cites in its
        reference, not by id).
    """
    from potential.models import GRADES

    if isinstance(ids, str):
        ids = [i for i in ids.split(";") if i]
    known = {s.id: s.grade for s in dataset.sources}
    found = [known[i] for i in ids]
    return min(found, key=GRADES.index) if found else ""


# --- Reproducing a run: file hashes, versions, settings -------------------------------------

#: Version of the provenance record's layout (``provenance.json``).
RECORD_FORMAT = "potential-provenance/1"


def shown_path(path: str | Path) -> str:
    """A path as recorded: ``shipped:...`` for shipped files, else relative to the working
    directory where possible (so records do not depend on where the project sits)."""
    from potential.resources import criteria_dir, data_dir, scenarios_dir

    path = Path(path).resolve()
    for prefix, folder in (
        ("embedded:", data_dir()),
        ("shipped:criteria/", criteria_dir()),
        ("shipped:scenarios/", scenarios_dir()),
    ):
        if path.is_relative_to(folder.resolve()):
            return prefix + path.relative_to(folder.resolve()).as_posix()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _model_digest(model) -> str:
    text = model.model_dump_json(exclude={"path"} if hasattr(model, "path") else None)
    return hashlib.sha256(text.encode()).hexdigest()


def _scenario_digest(scenario) -> str:
    """Digest of a scenario as run. A path to a file or folder is left out (its content is
    hashed in the record's ``data``, ``criteria`` and ``body_weights``), so the digest does not
    depend on where the project sits."""
    import json

    data = scenario.model_dump(mode="json")
    for key in ("data", "criteria", "body_weights"):
        if data.get(key) and Path(data[key]).exists():
            data[key] = "(file)"
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def dataset_record(dataset: Dataset) -> dict:
    """The files of a dataset folder with their SHA-256, and a digest of all of them.

    ``effective_sha256`` fingerprints the dataset as used (after a scenario's overrides),
    ``sha256`` the files on disk.
    """
    folder = Path(dataset.path)
    combined, digests = dataset_digests(folder)
    return {
        "id": dataset.meta.id,
        "path": shown_path(folder),
        "sha256": combined,
        "files": digests,
        "effective_sha256": _model_digest(dataset),
    }


def _versions() -> dict:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in ("numpy", "pandas", "scipy", "scikit-criteria", "pydantic", "openpyxl"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            out[name] = None
    return out


def _weights_entry(weights) -> dict:
    from potential.weight_sources import weights_record

    return weights_record(weights)


def _file_entry(path) -> dict | None:
    if path is None or not Path(path).is_file():
        return None
    return {"path": shown_path(path), "sha256": file_digest(path)}


def run_record(
    analysis=None,
    *,
    dataset: Dataset | None = None,
    model: CriteriaModel | None = None,
    method: str | None = None,
    params: dict | None = None,
    reference_date=None,
    scenario=None,
    criteria=None,
    body_weights=None,
    seed: int | None = None,
    settings: dict | None = None,
    weights=None,
) -> dict:
    """What it takes to reproduce a run exactly (written as ``provenance.json``).

    Parameters
    ----------
    analysis : potential.analysis.Analysis, optional
        The run's result: gives the dataset and criteria model as used, the method, its
        parameters and the reference date. Without it, give ``dataset``, ``model``,
        ``method`` and ``reference_date`` (and ``params``) directly.
    dataset, model, method, params, reference_date
        As used by the run, when there is no ``analysis``.
    scenario : potential.scenarios.Scenario, optional
        The scenario run; its files (``extends`` chain, root first) are hashed.
    criteria : str or Path, optional
        The criteria model as given (shipped name or file), hashed if it is a file.
    body_weights : str or Path, optional
        A per-body weights file, hashed; default the one the ``analysis`` used (given, or
        the dataset folder's survey weights).
    seed : int, optional
        The seed of any random draw (SMAA, rank-reversal checks).
    settings : dict, optional
        Further settings of the run (e.g. the SMAA settings).
    weights : pandas.DataFrame, optional
        Whose weights ranked each body (:func:`potential.weight_sources.weights_table`);
        default: worked out from the ``analysis`` (or ``dataset``, ``model`` and
        ``body_weights``).

    Returns
    -------
    dict
        JSON-serialisable; no clock time, so equal inputs give equal records. Keys:
        ``format``, ``potential_version``, ``scenario``, ``data`` (:func:`dataset_record`),
        ``criteria``, ``body_weights``, ``weights`` (per body: its own weights with their
        file and SHA-256, or the criteria model's, :func:`potential.weight_sources.
        weights_record`), ``method``, ``method_params``, ``reference_date``,
        ``economics`` (the Wirtschaftlichkeitsvergleich's settings: ``discount_rate``,
        ``horizon_years``, ``ramp_up``, ``grant`` ...), ``scales``, ``seed``, ``settings``
        and ``environment`` (Python and library versions).
    """
    from potential import __version__
    from potential.criteria import resolve_criteria_path

    economics = scales = None
    if analysis is not None:
        dataset, model = analysis.dataset, analysis.criteria
        method, params = analysis.method, analysis.params
        reference_date = analysis.reference_date
        if getattr(analysis, "economics", None) is not None:
            economics = analysis.economics.record()
        scales = getattr(analysis, "scales", None)
    criteria_file = None
    if criteria is not None and not hasattr(criteria, "groups"):
        criteria_file = resolve_criteria_path(criteria)
    if body_weights is None and analysis is not None:
        body_weights = getattr(analysis, "body_weights_file", None)
    if weights is None and model is not None and dataset is not None:
        from potential.weight_sources import weights_table

        weights = weights_table(
            dataset=dataset, model=model, file=body_weights, criteria_file=criteria_file
        )
    scenario_entry = None
    if scenario is not None:
        scenario_entry = {
            "name": scenario.name,
            "title": scenario.label,
            "files": [_file_entry(p) for p in scenario.files],
            "effective_sha256": _scenario_digest(scenario),
        }
    if reference_date is not None and hasattr(reference_date, "isoformat"):
        reference_date = reference_date.isoformat()
    return {
        "format": RECORD_FORMAT,
        "potential_version": __version__,
        "scenario": scenario_entry,
        "data": dataset_record(dataset),
        "criteria": {
            "id": model.id,
            "file": _file_entry(criteria_file),
            "effective_sha256": _model_digest(model),
        },
        "body_weights": _file_entry(body_weights),
        "weights": None if weights is None else _weights_entry(weights),
        "method": method,
        "method_params": dict(sorted((params or {}).items())),
        "reference_date": reference_date,
        "economics": economics,
        "scales": scales,
        "seed": seed,
        "settings": settings,
        "environment": _versions(),
    }


def tool_record(
    dataset: Dataset | None = None,
    *,
    criteria=None,
    files=(),
    reference_date=None,
    seed: int | None = None,
    settings: dict | None = None,
) -> dict:
    """The provenance record of a run that ranks nothing (cost sharing, partner sets, a
    game file, a map of the dataset): the keys of :func:`run_record` that apply.

    Parameters
    ----------
    dataset : potential.models.Dataset, optional
        The dataset used (:func:`dataset_record`).
    criteria : str or Path, optional
        The criteria model as given (shipped name or file), hashed if it is a file.
    files : iterable of path
        Further input files (a game file), each with its SHA-256 under ``inputs``.
    reference_date, seed, settings
        As used by the run.

    Returns
    -------
    dict
        ``format``, ``potential_version``, ``data``, ``criteria``, ``inputs``,
        ``reference_date``, ``seed``, ``settings`` and ``environment``; no clock time.
    """
    from potential import __version__

    criteria_entry = None
    if criteria is not None:
        from potential.criteria import resolve_criteria_path

        file = _file_entry(resolve_criteria_path(criteria))
        criteria_entry = {"given": str(criteria), "file": file}
    if reference_date is not None and hasattr(reference_date, "isoformat"):
        reference_date = reference_date.isoformat()
    return {
        "format": RECORD_FORMAT,
        "potential_version": __version__,
        "data": None if dataset is None else dataset_record(dataset),
        "criteria": criteria_entry,
        "inputs": [_file_entry(p) for p in files],
        "reference_date": reference_date,
        "seed": seed,
        "settings": settings,
        "environment": _versions(),
    }


def record_rows(record: dict, lang: str = "de") -> pd.DataFrame:
    """A provenance record as a two-column table (key, value) for a workbook sheet."""
    rows = []

    def walk(prefix, value):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(value, list):
            for i, v in enumerate(value, start=1):
                walk(f"{prefix}[{i}]", v)
        else:
            rows.append((prefix, "" if value is None else str(value)))

    walk("", record)
    header = ["Schlüssel", "Wert"] if lang == "de" else ["Key", "Value"]
    return pd.DataFrame(rows, columns=header)
