"""Writing scenario runs and comparisons: CSV tables, a workbook, ``provenance.json``.

A run's folder holds what ``potential analyse`` writes (``ranking.csv``, ``joint.csv``,
``contributions.csv``, ``cashflows.csv``, ``ranking.xlsx``) plus ``changes.csv`` (every value
the scenario changed), the SMAA tables if the scenario asked for them, and
``provenance.json``. The workbook gains the sheets *Szenario* (settings), *Änderungen*
(changes), *Akzeptanz* and *Rangakzeptanz* (if the scenario asked for SMAA) and *Metadaten*
(provenance); like every analysis workbook it has the Wirtschaftlichkeitsvergleich
(*Wirtschaftlichkeit* and one *WV <body>* annex per body). CSV files are
written in the dialect asked for (``csv_dialect``, :func:`potential.files.write_csv`).
A comparison's folder holds the comparison tables, ``comparison.xlsx`` and a
``provenance.json`` that lists the record of every scenario compared.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from potential.errors import InputError
from potential.messages import message
from potential.scenarios.running import ScenarioRun

_CHANGE_HEADERS = {
    "override": ("Nr.", "No."),
    "parameter": ("Parameter", "Parameter"),
    "table": ("Tabelle", "Table"),
    "item": ("Eintrag", "Item"),
    "old": ("Bisher", "Before"),
    "new": ("Neu", "After"),
    "rule": ("Regel", "Rule"),
    "source": ("Quellen-ID", "Source id"),
    "assumption": ("Annahme und Begründung", "Assumption and rationale"),
}


def scenario_frame(run: ScenarioRun, lang: str = "de") -> pd.DataFrame:
    """The scenario's settings and changes as one readable sheet (key, value rows)."""
    sc = run.scenario
    a = run.analysis
    de = lang == "de"
    rules = a.dataset.meta.options
    rows = [
        ("Szenario" if de else "Scenario", sc.name),
        ("Titel" if de else "Title", sc.label),
        ("Beschreibung" if de else "Description", sc.description.strip()),
        ("Stichtag" if de else "Reference date", a.reference_date),
        ("Daten" if de else "Data", a.dataset.meta.id),
        ("Kriterienmodell" if de else "Criteria model", a.criteria.id),
        ("Methode" if de else "Method", a.method),
        ("Methodenparameter" if de else "Method parameters", _params(a.params)),
        ("Partnerkreise" if de else "Partner sets", ", ".join(rules.partner_sets)),
    ]
    for key, label in (
        ("fields", ("Handlungsfelder", "Fields")),
        ("legal_forms", ("Rechtsformen", "Legal forms")),
        ("max_size", ("Höchstens Partner", "At most partners")),
        ("join", ("Nur diese Körperschaften", "Only these bodies")),
        ("stay_out", ("Nicht beteiligt", "Staying out")),
        ("lead", ("Federführung", "Lead")),
    ):
        value = getattr(rules, key)
        if value:
            shown = ", ".join(value) if isinstance(value, tuple) else str(value)
            rows.append((label[0 if de else 1], shown))
    if sc.uncertainty is not None:
        rows.append(
            (
                "Unsicherheit (SMAA)" if de else "Uncertainty (SMAA)",
                _params(sc.uncertainty.model_dump()),
            )
        )
    for s in sc.sources:
        sid = s if isinstance(s, str) else s.id
        src = next((x for x in a.dataset.sources if x.id == sid), None)
        text = f"[{src.grade}] {src.label('de' if de else 'en')} <{src.url}>" if src else sid
        rows.append(("Quelle" if de else "Source", f"{sid}: {text}"))
    header = ["Angabe", "Wert"] if de else ["Item", "Value"]
    return pd.DataFrame(rows, columns=header)


def _params(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(params.items())) or "-"


def changes_frame(run: ScenarioRun, lang: str = "de") -> pd.DataFrame:
    """The table of changed values with readable headers."""
    i = 0 if lang == "de" else 1
    return run.changes.rename(columns={k: v[i] for k, v in _CHANGE_HEADERS.items()})


def export_run(
    run: ScenarioRun,
    out_dir: str | Path,
    lang: str = "de",
    protect=(),
    csv_dialect: str = "standard",
) -> list[Path]:
    """Write one scenario run's tables, workbook and ``provenance.json`` to a folder.

    The tables and the workbook are those of :func:`potential.exports.export_analysis`
    (``cashflows.csv`` included, hashed in ``provenance.json`` like every output), plus
    ``changes.csv``.

    With SMAA results in the run, the workbook gains the sheets *Akzeptanz* and
    *Rangakzeptanz* and the folder ``smaa_acceptability.csv`` and ``smaa_summary.csv``
    (:func:`potential.exports.export_analysis` with ``smaa``).

    Parameters
    ----------
    run : ScenarioRun
    out_dir : str or Path
        Output folder (created if missing).
    lang : {"de", "en"}
        Language of the workbook's labels and headers.
    protect : iterable of Path
        Input files that must not be overwritten.
    csv_dialect : {"standard", "de"}
        How the CSV files are written (:func:`potential.files.write_csv`).

    Returns
    -------
    list of Path
        The files written (all or none).
    """
    from potential.datasets import TABLES
    from potential.exports import export_analysis

    de = lang == "de"
    sheets = {
        ("Szenario" if de else "Scenario"): scenario_frame(run, lang),
        ("Änderungen" if de else "Changes"): changes_frame(run, lang),
    }
    tables = {"changes.csv": run.changes}
    protect = [*protect, *run.scenario.files]
    folder = Path(run.analysis.dataset.path)
    protect += [folder / name for name in TABLES]
    return export_analysis(
        run.analysis,
        Path(out_dir),
        lang=lang,
        protect=protect,
        provenance=run.provenance,
        extra_sheets=sheets,
        extra_tables=tables,
        smaa=run.smaa,
        csv_dialect=csv_dialect,
    )


def export_comparison(
    comparison, runs, out_dir: str | Path, lang: str = "de", csv_dialect: str = "standard"
) -> list[Path]:
    """Write a comparison's tables, ``comparison.xlsx`` and ``provenance.json``.

    The workbook's sheet *Gewichte* says per body whose weights ranked it in each scenario
    (:func:`potential.weight_sources.weights_sheet`).

    Parameters
    ----------
    comparison : potential.scenarios.comparison.Comparison
    runs : sequence of ScenarioRun
        The runs compared (their provenance records go into ``provenance.json``).
    out_dir : str or Path
    lang : {"de", "en"}
    csv_dialect : {"standard", "de"}
        How the CSV files are written (:func:`potential.files.write_csv`).

    Returns
    -------
    list of Path
    """
    from potential import __version__, labels
    from potential.files import check_csv_dialect, csv_writer, write_outputs
    from potential.provenance import RECORD_FORMAT, record_rows
    from potential.scenarios.comparison import comparison_sheets, comparison_tables
    from potential.workbook import write_workbook

    check_csv_dialect(csv_dialect)
    record = {
        "format": RECORD_FORMAT,
        "potential_version": __version__,
        "comparison": {"scenarios": list(comparison.scenarios), "top": comparison.top},
        "runs": [r.provenance for r in runs],
        "csv_dialect": csv_dialect,
    }
    dataset = runs[0].analysis.dataset if runs else None
    sheets = dict(comparison_sheets(comparison, lang, dataset=dataset))
    if runs:  # whose weights ranked each body in each scenario
        from potential.messages import message
        from potential.weight_sources import weights_sheet

        sheets[message("weights_source.column", lang=lang)] = weights_sheet(runs, lang)
    sheets[labels.text("metadata", lang)] = record_rows(record, lang)
    outputs = {
        name: csv_writer(frame, csv_dialect)
        for name, frame in comparison_tables(comparison).items()
    }
    outputs["comparison.xlsx"] = lambda p: write_workbook(sheets, p, "comparison", lang)
    protect = [f for r in runs for f in r.scenario.files]
    return write_outputs(Path(out_dir), outputs, protect=protect, provenance=record)


def export(
    result, out_dir: str | Path, lang: str = "de", csv_dialect: str = "standard"
) -> list[Path]:
    """Write a scenario run or a comparison (see :func:`export_run`, :func:`export_comparison`).

    Parameters
    ----------
    result : ScenarioRun or Comparison
        A comparison made by :func:`potential.scenarios.compare` remembers its runs.
    out_dir : str or Path
        Output folder.
    lang : {"de", "en"}
    csv_dialect : {"standard", "de"}
        How the CSV files are written (:func:`potential.files.write_csv`).

    Returns
    -------
    list of Path
        The files written.
    """
    if isinstance(result, ScenarioRun):
        return export_run(result, out_dir, lang, csv_dialect=csv_dialect)
    if hasattr(result, "moves"):
        return export_comparison(
            result, getattr(result, "runs", ()), out_dir, lang, csv_dialect=csv_dialect
        )
    raise InputError(message("scenarios.export_type", type=type(result).__name__))
