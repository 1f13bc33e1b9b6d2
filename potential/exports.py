"""Tables for the working group: CSV files and an Excel workbook.

The CSV files keep stable column ids (``body``, ``option``, ``score`` ...) so scripts can
read them; the workbook carries German headers by default (``lang="en"`` for English),
frozen header rows, filters and fitted column widths. Everything is written through
:func:`potential.files.write_outputs`, so a run leaves either all outputs or none, and the
same analysis gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from potential import labels
from potential.analysis import Analysis
from potential.files import write_outputs
from potential.options import participants

#: Timestamp stored in workbooks so that identical results give identical files.
FIXED_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
_ISO_STAMP = "2000-01-01T00:00:00Z"


def ranking_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The ranking with readable labels added (column ids unchanged).

    Returns
    -------
    pandas.DataFrame
        :attr:`Analysis.ranking` with ``option_label`` inserted after ``option``.
    """
    out = analysis.ranking.copy()
    position = out.columns.get_loc("option") + 1
    out.insert(position, "option_label", _option_labels(analysis, out, lang))
    return out


def _option_labels(analysis: Analysis, frame: pd.DataFrame, lang: str) -> list[str]:
    """The label of each row's option, built once per option (rankings repeat options)."""
    ds = analysis.dataset
    first = frame.drop_duplicates("option").set_index("option")
    shown = {
        option: labels.option_label(ds, {"option": option, **row}, lang)
        for option, row in first[["field", "legal_form", "partners"]].iterrows()
    }
    return [shown[o] for o in frame["option"]]


def joint_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The joint view with ``option_label`` inserted after ``option``."""
    out = analysis.joint.copy()
    out.insert(1, "option_label", _option_labels(analysis, out, lang))
    return out


def _readable(frame: pd.DataFrame, analysis: Analysis, lang: str) -> pd.DataFrame:
    """Replace ids by names and headers by labels, for the workbook."""
    ds = analysis.dataset
    out = frame.copy()
    names = {b.id: b.name for b in ds.bodies}
    if "field" in out:
        out["field"] = [labels.field_label(ds, f, lang) for f in out["field"]]
    if "legal_form" in out:
        out["legal_form"] = [labels.form_label(ds, f, lang) for f in out["legal_form"]]
    if "partners" in out:
        out["partners"] = [labels.partners_label(ds, p, lang) for p in out["partners"]]
    if "lead" in out:
        out["lead"] = out["lead"].map(lambda b: names.get(b, ""))
    for col in ("all_gain",):
        if col in out:
            out[col] = out[col].map(
                {True: labels.text("yes", lang), False: labels.text("no", lang)}
            )
    drop = [c for c in ("body", "option") if c in out and "option_label" in out]
    out = out.drop(columns=drop)
    return out.rename(columns=lambda c: labels.column(c, lang, analysis.criteria))


def criteria_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The criteria model as a table: group, criterion, direction, unit, weights."""
    model = analysis.criteria
    eff = model.weights()
    de = lang == "de"
    rows = []
    for g in model.groups:
        for c in g.criteria:
            rows.append(
                {
                    ("Gruppe" if de else "Group"): getattr(g.label, lang),
                    ("Gruppengewicht" if de else "Group weight"): g.weight,
                    ("Kriterium" if de else "Criterion"): getattr(c.label, lang),
                    ("Richtung" if de else "Direction"): {
                        "max": "mehr ist besser" if de else "more is better",
                        "min": "weniger ist besser" if de else "less is better",
                    }[c.direction],
                    ("Einheit" if de else "Unit"): c.unit,
                    ("Gewicht in der Gruppe" if de else "Weight in group"): c.weight,
                    ("Wirksames Gewicht" if de else "Effective weight"): eff[c.id],
                }
            )
    return pd.DataFrame(rows)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    candidate, i = base, 2
    while candidate in taken:
        suffix = f" ({i})"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    taken.add(candidate)
    return candidate


def workbook_sheets(analysis: Analysis, lang: str = "de") -> dict[str, pd.DataFrame]:
    """Sheets of ``ranking.xlsx``: overview, joint view, criteria model, one per body, sources."""
    ranking = ranking_frame(analysis, lang)
    taken: set[str] = set()
    sheets = {
        _sheet_name(labels.text("overview", lang), taken): _readable(
            ranking[ranking["rank"] <= 3], analysis, lang
        ),
        _sheet_name(labels.text("joint", lang), taken): _readable(
            joint_frame(analysis, lang), analysis, lang
        ),
        _sheet_name("Kriterienmodell" if lang == "de" else "Criteria model", taken): (
            criteria_frame(analysis, lang)
        ),
    }
    for body in participants(analysis.dataset):
        rows = ranking[ranking["body"] == body.id].drop(columns=["body_name"])
        sheets[_sheet_name(body.name, taken)] = _readable(rows, analysis, lang)
    sheets[_sheet_name("Quellen" if lang == "de" else "Sources", taken)] = sources_frame(
        analysis, lang
    )
    return sheets


def sources_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Every number of the data and the criteria model with its source or assumption."""
    from potential.provenance import sources_table

    table = sources_table(analysis.dataset, analysis.criteria, ranges=True)
    if lang == "de":
        table["status"] = table["status"].map(
            {"source": "Quelle", "assumption": "Annahme", "reported": "gemeldet"}
        )
        table.columns = [
            "Tabelle", "Eintrag", "Parameter", "Wert", "Einheit", "Herkunft", "Quellen-ID",
            "Beleg oder Begründung", "Untergrenze", "Obergrenze",
        ]  # fmt: skip
    return table


def _format_sheet(ws, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    if frame.shape[0] and frame.shape[1]:
        ws.auto_filter.ref = ws.dimensions
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for j, col in enumerate(frame.columns, start=1):
        values = [str(col)] + [_shown(v) for v in frame.iloc[:, j - 1].tolist()[:500]]
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(len(v) for v in values) + 2)
        if pd.api.types.is_float_dtype(frame.iloc[:, j - 1]):
            fmt = "#,##0" if ("EUR" in str(col) or "€" in str(col)) else "0.000"
            for row in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                row[0].number_format = fmt


def _shown(value) -> str:
    return f"{value:,.3f}" if isinstance(value, float) else str(value)


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    """Write sheets to an .xlsx file with fixed metadata, so equal data give equal bytes."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            ws.append([None if (isinstance(v, float) and v != v) else v for v in row])
        _format_sheet(ws, frame)
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "potential"
    buffer = io.BytesIO()
    wb.save(buffer)
    _repack(buffer.getvalue(), Path(path))


def _repack(data: bytes, path: Path) -> None:
    """Rewrite a zip archive with fixed member timestamps (openpyxl stamps the clock)."""
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' on save
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(<)",
                    rb"\g<1>" + _ISO_STAMP.encode() + rb"\g<2>",
                    content,
                )
            dst.writestr(fixed, content)


def _csv_writer(frame: pd.DataFrame):
    def write(path: Path) -> None:
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")

    return write


def export_analysis(
    analysis: Analysis,
    out_dir: Path,
    lang: str = "de",
    protect=(),
    provenance: dict | None = None,
    extra_sheets: dict[str, pd.DataFrame] | None = None,
    extra_tables: dict[str, pd.DataFrame] | None = None,
) -> list[Path]:
    """Write ``ranking.csv``, ``joint.csv``, ``contributions.csv``, ``ranking.xlsx`` and,
    with a provenance record, ``provenance.json``.

    With per-body weights in the criteria model also ``group_options.csv`` (the joint
    options by Borda and Copeland over their members) and ``group_weights.csv`` (each body's
    weights and how far its view departs from the group's).

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`potential.analyse`.
    out_dir : Path
        Output folder (created if missing).
    lang : {"de", "en"}
        Language of labels and workbook headers.
    protect : iterable of Path
        Input files that must not be overwritten.
    provenance : dict, optional
        The run's provenance record (:func:`potential.provenance.run_record`): written as
        ``provenance.json`` (with the SHA-256 of every output) and as the workbook's last
        sheet, *Metadaten* (*Metadata*).
    extra_sheets : dict of str to DataFrame, optional
        Further workbook sheets, placed after the criteria model (e.g. a scenario's
        settings and changes).
    extra_tables : dict of str to DataFrame, optional
        Further CSV files (file name → table).

    Returns
    -------
    list of Path
        The files written (all or none).
    """
    sheets = workbook_sheets(analysis, lang)
    if extra_sheets:
        names = list(sheets)
        cut = 3  # after overview, joint view and criteria model
        taken = set(names)
        extra = {_sheet_name(k, taken): v for k, v in extra_sheets.items()}
        sheets = {
            **{k: sheets[k] for k in names[:cut]},
            **extra,
            **{k: sheets[k] for k in names[cut:]},
        }
    if provenance is not None:
        from potential.provenance import record_rows

        sheets[_sheet_name("Metadaten" if lang == "de" else "Metadata", set(sheets))] = (
            record_rows(provenance, lang)
        )
    outputs = {
        "ranking.csv": _csv_writer(ranking_frame(analysis, lang)),
        "joint.csv": _csv_writer(joint_frame(analysis, lang)),
        "contributions.csv": _csv_writer(analysis.contributions),
        "ranking.xlsx": lambda path: write_workbook(sheets, path),
    }
    if analysis.criteria.body_weights:
        group = analysis.group_view()
        outputs["group_options.csv"] = _csv_writer(group.options)
        weights = group.weights.join(group.departures.set_index("body"), how="left")
        outputs["group_weights.csv"] = _csv_writer(weights.reset_index())
    for name, frame in (extra_tables or {}).items():
        outputs[name] = _csv_writer(frame)
    return write_outputs(Path(out_dir), outputs, protect=protect, provenance=provenance)
