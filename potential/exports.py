"""Tables for the working group: CSV files and an Excel workbook.

The CSV files keep stable column ids (``body``, ``option``, ``score`` ...) so scripts can
read them; ``csv_dialect="de"`` writes them the way a German Excel opens them as they are
(:func:`potential.files.write_csv`). The workbook carries German headers by default
(``lang="en"`` for English), number formats by the kind of value (scores ``0.000``, euros
``#,##0 €``, shares ``0.0 %``, dates as dates; Excel shows its own locale's separators),
colour scales on scores and benefits, bold wrapped headers, frozen header rows, filters and
fitted column widths. Everything is written through :func:`potential.files.write_outputs`,
so a run leaves either all outputs or none, and the same analysis gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from potential import labels
from potential.analysis import Analysis
from potential.files import check_csv_dialect, csv_writer, write_outputs
from potential.options import participants
from potential.summaries import best_per_field, best_score_matrix

#: Timestamp stored in workbooks so that identical results give identical files.
FIXED_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
_ISO_STAMP = "2000-01-01T00:00:00Z"

#: Kind of value (:data:`potential.labels.KINDS`) → Excel number format. The codes are
#: Excel's own (``,`` thousands, ``.`` decimals); Excel shows them with the separators of
#: its locale (``20.335 €`` and ``0,614`` in a German Excel).
FORMATS = {
    "score": "0.000",
    "benefit": "+0.000;-0.000;0.000",
    "number": "0.000",
    "eur": '#,##0 "€"',
    "fte": "0.00",
    "months": "0.0",
    "rank": "0.0",
    "integer": "0",
    "share": "0.0%",
    "acceptability": "0.0%",
    "general": "General",
}
#: Excel's built-in short date and date-time formats (ids 14 and 22): shown in the reader's
#: locale (``25.11.2026`` in a German Excel).
DATE_FORMAT = "mm-dd-yy"
DATETIME_FORMAT = "m/d/yy h:mm"

#: Colours of the scales (ARGB), from ColorBrewer's RdYlBu, which stays readable with
#: red-green colour blindness: orange-red for low, pale yellow for the middle, blue for high.
LOW, MID, HIGH, WHITE = "FFFC8D59", "FFFFFFBF", "FF91BFDB", "FFFFFFFF"
#: Kind of value → colour scale: ``score`` min → median → max; ``benefit`` min → 0 → max
#: (yellow: as good as going it alone); ``acceptability`` 0 % white → 100 % blue.
SCALES = {
    "score": {
        "start_type": "min", "start_color": LOW,
        "mid_type": "percentile", "mid_value": 50, "mid_color": MID,
        "end_type": "max", "end_color": HIGH,
    },
    "benefit": {
        "start_type": "min", "start_color": LOW,
        "mid_type": "num", "mid_value": 0, "mid_color": MID,
        "end_type": "max", "end_color": HIGH,
    },
    "acceptability": {
        "start_type": "num", "start_value": 0, "start_color": WHITE,
        "end_type": "num", "end_value": 1, "end_color": HIGH,
    },
}  # fmt: skip
#: Widest column (characters); longer text wraps.
MAX_WIDTH = 60

_BODY_FIRST = ("body_name", "rank", "option_label", "score", "benefit")
_JOINT_FIRST = ("consensus_rank", "option_label", "all_gain", "members_gaining", "members")


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


def _readable(
    frame: pd.DataFrame, analysis: Analysis, lang: str, first: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Replace ids by names and headers by labels, for the workbook.

    The columns ``first`` (those present) come first, in that order. The result's
    ``attrs["kinds"]`` maps each header to its kind of value (:func:`labels.column_kind`).
    """
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
    front = [c for c in first if c in out]
    out = out[front + [c for c in out.columns if c not in front]]
    return _with_kinds(
        out.rename(columns=lambda c: labels.column(c, lang, analysis.criteria)),
        {labels.column(c, lang, analysis.criteria): labels.column_kind(c, analysis.criteria)
         for c in out.columns},
    )  # fmt: skip


def _with_kinds(frame: pd.DataFrame, kinds: dict) -> pd.DataFrame:
    """``frame`` with ``attrs["kinds"]`` (header → kind of value) for the workbook."""
    frame.attrs["kinds"] = {k: v for k, v in kinds.items() if v is not None}
    return frame


def criteria_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The criteria model as a table: group, criterion, direction, unit, weights.

    Group weights and weights in a group are shown as shares (normalised to sum to 1, as the
    model uses them); the effective weight is their product.
    """
    model = analysis.criteria
    eff = model.weights()
    de = lang == "de"
    group_weight = "Gruppengewicht" if de else "Group weight"
    inner_weight = "Gewicht in der Gruppe" if de else "Weight in group"
    effective = "Wirksames Gewicht" if de else "Effective weight"
    group_total = sum(g.weight for g in model.groups) or 1.0
    rows = []
    for g in model.groups:
        inner_total = sum(c.weight for c in g.criteria) or 1.0
        for c in g.criteria:
            rows.append(
                {
                    ("Gruppe" if de else "Group"): getattr(g.label, lang),
                    group_weight: g.weight / group_total,
                    ("Kriterium" if de else "Criterion"): getattr(c.label, lang),
                    ("Richtung" if de else "Direction"): {
                        "max": "mehr ist besser" if de else "more is better",
                        "min": "weniger ist besser" if de else "less is better",
                    }[c.direction],
                    ("Einheit" if de else "Unit"): c.unit,
                    inner_weight: c.weight / inner_total,
                    effective: eff[c.id],
                }
            )
    frame = pd.DataFrame(rows)
    return _with_kinds(frame, dict.fromkeys((group_weight, inner_weight, effective), "share"))


def best_per_field_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Each body's best option in each field (:func:`potential.summaries.best_per_field`,
    fields in the dataset's order), readable: body, field, option, score, rank, benefit,
    legal form, partners, lead."""
    fields = [f.id for f in analysis.dataset.fields]
    best = best_per_field(analysis.ranking, fields)
    best.insert(best.columns.get_loc("option") + 1, "option_label",
                _option_labels(analysis, best, lang))  # fmt: skip
    first = ("body_name", "field", "option_label", "score", "rank", "benefit")
    return _readable(best, analysis, lang, first)


def field_scores_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Bodies × fields: the score of each body's best option in the field
    (:func:`potential.summaries.best_score_matrix`; empty: no option in the field).

    Scores compare options of one body (each body's options are scored among themselves),
    so the workbook colours each row on its own scale.
    """
    ds = analysis.dataset
    fields = [f.id for f in ds.fields]
    matrix = best_score_matrix(analysis.ranking, fields)
    names = {b.id: b.name for b in ds.bodies}
    out = pd.DataFrame({labels.column("body_name", lang): [names[b] for b in matrix.index]})
    for f in matrix.columns:
        out[labels.field_label(ds, f, lang)] = matrix[f].to_numpy()
    out = _with_kinds(out, dict.fromkeys(out.columns[1:], "score"))
    out.attrs["scale_by"] = "row"
    return out


def acceptability_frames(
    analysis: Analysis, smaa, lang: str = "de", top: int = 3, max_rank: int = 10
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The SMAA results of all bodies as two readable tables.

    Parameters
    ----------
    analysis : Analysis
        The analysis, for option labels and each option's rank with the model's weights.
    smaa : potential.uncertainty.bodies.BodySMAA
        Result of :func:`potential.uncertainty.bodies.smaa_by_body` on the same data and
        criteria (options the analysis does not know keep their id and get no model rank).
    lang : {"de", "en"}
    top : int
        Options per body in the overview.
    max_rank : int
        Ranks shown in the acceptability table.

    Returns
    -------
    overview, acceptability : pandas.DataFrame
        ``overview``: each body's ``top`` options of best expected rank (the summary's
        order), with first-rank acceptability, expected rank, confidence factor, rank with
        the model's weights and central weights. ``acceptability``: one row per body and
        option that takes one of the ranks 1 to ``max_rank`` in some sample (the summary's
        order), with the expected rank and the share of samples for each of these ranks.
    """
    names = dict(smaa.bodies)
    ranking = ranking_frame(analysis, lang)
    label = dict(zip(ranking["option"], ranking["option_label"], strict=True))
    model_rank = ranking.set_index(["body", "option"])["rank"]

    overview = smaa.summary.groupby("body", sort=False).head(top).reset_index(drop=True)
    keys = pd.MultiIndex.from_frame(overview[["body", "option"]])
    central = [c for c in overview.columns if c.startswith("central_weight_")]
    criteria = {c.id: getattr(c.label, lang) for c in analysis.criteria.criteria}
    shown = {
        "body_name": overview["body"].map(names),
        "option_label": overview["option"].map(lambda o: label.get(o, o)),
        "first_rank_acceptability": overview["first_rank_acceptability"],
        "expected_rank": overview["expected_rank"],
        "confidence": overview["confidence"],
        "model_rank": pd.array(model_rank.reindex(keys).to_numpy(), dtype="Int64"),
    }
    table = pd.DataFrame({labels.column(k, lang): v for k, v in shown.items()})
    table = _with_kinds(table, {labels.column(k, lang): labels.column_kind(k) for k in shown})
    for c in central:
        cid = c.removeprefix("central_weight_")
        head = labels.text("central_weight", lang).format(criterion=criteria.get(cid, cid))
        table[head] = overview[c].to_numpy()
        table.attrs["kinds"][head] = "share"

    acc = smaa.acceptability[smaa.acceptability["rank"] <= max_rank]
    wide = acc.pivot_table(index=["body", "option"], columns="rank", values="share",
                           aggfunc="sum", fill_value=0.0)  # fmt: skip
    order = pd.MultiIndex.from_frame(smaa.summary[["body", "option"]])
    wide = wide.reindex(order[order.isin(wide.index)]).fillna(0.0)
    ranks = list(range(1, max(wide.columns, default=0) + 1))
    wide = wide.reindex(columns=ranks, fill_value=0.0)
    expected = smaa.summary.set_index(["body", "option"])["expected_rank"]
    bodies = wide.index.get_level_values("body")
    options = wide.index.get_level_values("option")
    long = pd.DataFrame(
        {
            labels.column("body_name", lang): [names[b] for b in bodies],
            labels.column("option_label", lang): [label.get(o, o) for o in options],
            labels.column("expected_rank", lang): expected.reindex(wide.index).to_numpy(),
        }
    )
    kinds = {labels.column("expected_rank", lang): "rank"}
    for r in ranks:
        head = labels.text("rank_n", lang).format(n=r)
        long[head] = wide[r].to_numpy()
        kinds[head] = "acceptability"
    return table, _with_kinds(long, kinds)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    candidate, i = base, 2
    while candidate in taken:
        suffix = f" ({i})"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    taken.add(candidate)
    return candidate


def workbook_sheets(
    analysis: Analysis,
    lang: str = "de",
    smaa=None,
    extra_sheets: dict[str, pd.DataFrame] | None = None,
) -> dict[str, pd.DataFrame]:
    """Sheets of ``ranking.xlsx``, in this order.

    ``Übersicht`` (each body's three best options), ``Beste je Handlungsfeld`` (each body's
    best option in each field), ``Punktwerte je Feld`` (bodies × fields, the best option's
    score), ``Gemeinsame Sicht`` (the joint view, by consensus rank), ``Kriterienmodell``
    (criteria and weights); with ``smaa`` ``Akzeptanz`` and ``Rangakzeptanz``
    (:func:`acceptability_frames`); then ``extra_sheets``, one sheet per body (all its
    options, best first) and ``Quellen`` (every number with its source or assumption).
    English names with ``lang="en"``: ``Overview``, ``Best per field``, ``Scores by field``,
    ``Joint view``, ``Criteria model``, ``Acceptability``, ``Rank acceptability``,
    ``Sources``.

    Parameters
    ----------
    analysis : Analysis
    lang : {"de", "en"}
    smaa : potential.uncertainty.bodies.BodySMAA, optional
        SMAA results of the same data and criteria.
    extra_sheets : dict of str to DataFrame, optional
        Further sheets, placed before the body sheets (names made valid and unique).

    Returns
    -------
    dict of str to pandas.DataFrame
        Sheet name (at most 31 characters) → table with readable headers.
    """
    ranking = ranking_frame(analysis, lang)
    taken: set[str] = set()

    def name(key: str) -> str:
        return _sheet_name(labels.text(key, lang), taken)

    sheets = {
        name("overview"): _readable(ranking[ranking["rank"] <= 3], analysis, lang, _BODY_FIRST),
        name("best_per_field"): best_per_field_frame(analysis, lang),
        name("field_scores"): field_scores_frame(analysis, lang),
        name("joint"): _readable(joint_frame(analysis, lang), analysis, lang, _JOINT_FIRST),
        name("criteria_model"): criteria_frame(analysis, lang),
    }
    if smaa is not None:
        overview, acceptability = acceptability_frames(analysis, smaa, lang)
        sheets[name("acceptability")] = overview
        sheets[name("rank_acceptability")] = acceptability
    for key, frame in (extra_sheets or {}).items():
        sheets[_sheet_name(key, taken)] = frame
    for body in participants(analysis.dataset):
        rows = ranking[ranking["body"] == body.id].drop(columns=["body_name"])
        sheets[_sheet_name(body.name, taken)] = _readable(rows, analysis, lang, _BODY_FIRST)
    sheets[name("sources")] = sources_frame(analysis, lang)
    return sheets


def sources_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Every number of the data and the criteria model with its source or assumption."""
    from potential.provenance import sources_table

    table = sources_table(analysis.dataset, analysis.criteria, ranges=True)
    if lang == "de":
        table["status"] = table["status"].map(
            {"source": "Quelle", "assumption": "Annahme", "reported": "gemeldet"}
        )
    names = dict.fromkeys(table.columns)  # the ids (English)
    if lang == "de":
        names.update(
            table="Tabelle", item="Eintrag", parameter="Parameter", value="Wert",
            unit="Einheit", status="Herkunft", source="Quellen-ID",
            reference="Beleg oder Begründung", low="Untergrenze", high="Obergrenze",
        )  # fmt: skip
    table = table.rename(columns={k: v for k, v in names.items() if v})
    # values of every size (shares, euros, inhabitants): shown as Excel's "General" shows them
    general = [names.get(c) or c for c in ("value", "low", "high")]
    return _with_kinds(table, dict.fromkeys(general, "general"))


def column_kinds(frame: pd.DataFrame) -> dict:
    """Header → kind of value (:data:`FORMATS`) of every column of a sheet, or ``None``.

    From ``frame.attrs["kinds"]`` where given, else from the header
    (:func:`potential.labels.column_kind`: known headers in either language, a unit in
    brackets), else ``"number"`` for float columns.
    """
    given = frame.attrs.get("kinds", {})
    kinds = {}
    for j, col in enumerate(frame.columns):
        kind = given.get(col) or labels.column_kind(str(col))
        if kind is None and "€" in str(col):
            kind = "eur"
        if kind is None and pd.api.types.is_float_dtype(frame.iloc[:, j]):
            kind = "number"
        kinds[col] = kind
    return kinds


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _shown(value, kind: str | None) -> str:
    """Roughly the text Excel shows for a value (for the column width)."""
    value = _cell(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "00.00.0000 00:00" if isinstance(value, dt.datetime) else "00.00.0000"
    if not _is_number(value):
        return str(value)
    value = float(value)
    if kind == "eur":
        return f"{value:,.0f} €"
    if kind in ("share", "acceptability"):
        return f"{value:.1%}"
    if kind == "integer":
        return f"{value:.0f}"
    if kind in ("rank", "months"):
        return f"{value:.1f}"
    if kind == "fte":
        return f"{value:.2f}"
    if kind == "benefit":
        return f"{value:+.3f}"
    if kind == "general":
        return f"{value:.10g}"
    return f"{value:,.3f}" if kind is None and abs(value) >= 1000 else f"{value:.3f}"


def _width(header: str, data: int) -> int:
    """Column width: the data's, and the bold header's in at most about two lines, with
    room for the filter button."""
    words = max((len(w) for w in header.split()), default=0)
    if len(header) <= max(data, 10):
        head = len(header)
    else:  # the header wraps
        head = max(words, math.ceil(len(header) / 2) + 2)
    return min(MAX_WIDTH + 3, max(data + 2, math.ceil(head * 1.1) + 3))


def _format_sheet(ws, frame: pd.DataFrame) -> None:
    """Header bold and wrapped, header row frozen, filter, widths, number formats, colour
    scales on scores, benefits and acceptabilities, long text wrapped."""
    from copy import copy

    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    n_rows, n_cols = frame.shape
    ws.freeze_panes = "A2"
    if n_rows and n_cols:
        ws.auto_filter.ref = ws.dimensions
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    kinds = column_kinds(frame)
    wrapped, scaled, dated = set(), [], []
    for j, col in enumerate(frame.columns, start=1):
        values = frame.iloc[:, j - 1].tolist()
        data = max((len(_shown(v, kinds[col])) for v in values[:500]), default=0)
        ws.column_dimensions[get_column_letter(j)].width = _width(str(col), data)
        if data > MAX_WIDTH:
            wrapped.add(j)
        if kinds[col] in SCALES and n_rows:
            scaled.append((j, kinds[col]))
        if any(isinstance(v, dt.date) for v in values):
            dated.append(j)
    # rows with wrapped text grow; everything else in them then stays at the top
    top, wrap = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for j, col in enumerate(frame.columns, start=1):
        fmt = FORMATS.get(kinds[col])
        alignment = wrap if j in wrapped else (top if wrapped else None)
        if not n_rows or (fmt is None and alignment is None):
            continue
        column = [r[0] for r in ws.iter_rows(min_row=2, max_row=n_rows + 1, min_col=j, max_col=j)]
        if fmt:
            column[0].number_format = fmt
        if alignment:
            column[0].alignment = alignment
        for cell in column[1:]:  # one style for the column: copied, not rebuilt per cell
            cell._style = copy(column[0]._style)
    for j in dated:
        for (cell,) in ws.iter_rows(min_row=2, max_row=n_rows + 1, min_col=j, max_col=j):
            if isinstance(cell.value, dt.date):
                is_datetime = isinstance(cell.value, dt.datetime)
                cell.number_format = DATETIME_FORMAT if is_datetime else DATE_FORMAT
    if frame.attrs.get("scale_by") == "row" and scaled:
        first, last = get_column_letter(scaled[0][0]), get_column_letter(scaled[-1][0])
        for i in range(2, n_rows + 2):
            ws.conditional_formatting.add(
                f"{first}{i}:{last}{i}", ColorScaleRule(**SCALES[scaled[0][1]])
            )
    else:
        for j, kind in scaled:
            letter = get_column_letter(j)
            ws.conditional_formatting.add(
                f"{letter}2:{letter}{n_rows + 1}", ColorScaleRule(**SCALES[kind])
            )


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    """Write sheets to an .xlsx file with fixed metadata, so equal data give equal bytes.

    Each sheet is formatted by :func:`_format_sheet`: number formats and colour scales by
    the kind of each column (:func:`column_kinds`).
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        _format_sheet(ws, frame)
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "potential"
    buffer = io.BytesIO()
    wb.save(buffer)
    _repack(buffer.getvalue(), Path(path))


def _cell(value):
    """A table value as openpyxl stores it: missing values (NaN, NA, NaT) as empty cells."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


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


def export_analysis(
    analysis: Analysis,
    out_dir: Path,
    lang: str = "de",
    protect=(),
    provenance: dict | None = None,
    extra_sheets: dict[str, pd.DataFrame] | None = None,
    extra_tables: dict[str, pd.DataFrame] | None = None,
    smaa=None,
    csv_dialect: str = "standard",
) -> list[Path]:
    """Write ``ranking.csv``, ``joint.csv``, ``contributions.csv``, ``ranking.xlsx`` and,
    with a provenance record, ``provenance.json``.

    With per-body weights in the criteria model also ``group_options.csv`` (the joint
    options by Borda and Copeland over their members) and ``group_weights.csv`` (each body's
    weights and how far its view departs from the group's). With SMAA results also
    ``smaa_acceptability.csv`` and ``smaa_summary.csv``.

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
        Further workbook sheets, placed after the criteria model and the acceptability
        sheets, before the body sheets (e.g. a scenario's settings and changes).
    extra_tables : dict of str to DataFrame, optional
        Further CSV files (file name → table).
    smaa : potential.uncertainty.bodies.BodySMAA, optional
        SMAA results on the same data and criteria: the workbook gains the sheets
        *Akzeptanz* and *Rangakzeptanz* (:func:`acceptability_frames`), and their tables
        are written as CSV.
    csv_dialect : {"standard", "de"}
        How the CSV files are written (:func:`potential.files.write_csv`): ``"standard"``
        (``,``, decimal point, UTF-8; for scripts) or ``"de"`` (``;``, decimal comma, UTF-8
        with byte-order mark; opens as it is in a German Excel). Column ids are the same.

    Returns
    -------
    list of Path
        The files written (all or none).
    """
    check_csv_dialect(csv_dialect)
    sheets = workbook_sheets(analysis, lang, smaa=smaa, extra_sheets=extra_sheets)
    if provenance is not None:
        from potential.provenance import record_rows

        provenance = {**provenance, "csv_dialect": csv_dialect}

        sheets[_sheet_name(labels.text("metadata", lang), set(sheets))] = record_rows(
            provenance, lang
        )

    def csv(frame: pd.DataFrame):
        return csv_writer(frame, csv_dialect)

    outputs = {
        "ranking.csv": csv(ranking_frame(analysis, lang)),
        "joint.csv": csv(joint_frame(analysis, lang)),
        "contributions.csv": csv(analysis.contributions),
        "ranking.xlsx": lambda path: write_workbook(sheets, path),
    }
    if analysis.criteria.body_weights:
        group = analysis.group_view()
        outputs["group_options.csv"] = csv(group.options)
        weights = group.weights.join(group.departures.set_index("body"), how="left")
        outputs["group_weights.csv"] = csv(weights.reset_index())
    if smaa is not None:
        outputs["smaa_acceptability.csv"] = csv(smaa.acceptability)
        outputs["smaa_summary.csv"] = csv(smaa.summary)
    for name, frame in (extra_tables or {}).items():
        outputs[name] = csv(frame)
    return write_outputs(Path(out_dir), outputs, protect=protect, provenance=provenance)
