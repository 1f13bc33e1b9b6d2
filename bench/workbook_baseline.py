"""The workbook writer as it was before issue 17 (openpyxl cell objects): the baseline of
bench/bench_workbook.py, kept here and not in the package. A copy of the old
``potential/workbook.py``; what the package still has unchanged (:class:`Layout`,
:func:`print_setup`, the formats and styles …) is imported from it.

Writing Excel workbooks: number formats, colour scales, widths, and the same bytes for the
same data.

:func:`write_workbook` takes sheet name → DataFrame and writes an ``.xlsx`` file with bold,
wrapped and frozen header rows, filters, column widths that fit, a number format by the kind
of value in each column (:func:`column_kinds`; Excel shows its own locale's separators), and
colour scales on scores, benefits and acceptabilities (per body where a sheet compares the
options of each body: :func:`_scale_ranges`). A sheet may instead be a :class:`Layout`, laid
out cell by cell with named styles (the annexes of the Wirtschaftlichkeitsvergleich). Every
sheet is set up for printing (:func:`print_setup`: A4 landscape on the page width, header
rows on every page, title, date and page number). File metadata and the zip members'
timestamps are fixed, so equal sheets give equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from potential import labels

# the parts the package's writer still has unchanged, shared rather than copied
from potential.workbook import (  # noqa: F401
    _ISO_STAMP,
    BOOKS,
    FIXED_TIMESTAMP,
    FORMATS,
    MAX_WIDTH,
    PAGE,
    SCALES,
    STYLES,
    Layout,
    _header_text,
    _is_number,
    _runs,
    _valid_sheet_name,
    _width,
    print_setup,
)

#: Excel's built-in short date and date-time formats (ids 14 and 22): shown in the reader's
#: locale (``25.11.2026`` in a German Excel).
DATE_FORMAT = "mm-dd-yy"
DATETIME_FORMAT = "m/d/yy h:mm"

#: Colours of the scales (ARGB), from ColorBrewer's RdYlBu, which stays readable with
#: red-green colour blindness: orange-red for low, pale yellow for the middle, blue for high.
LOW, MID, HIGH, WHITE = "FFFC8D59", "FFFFFFBF", "FF91BFDB", "FFFFFFFF"


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
    if kind == "eur_cent":
        return f"{value:,.2f} €"
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


def _format_sheet(ws, frame: pd.DataFrame, book: str | None = None, lang: str = "de") -> None:
    """Header bold and wrapped, header row frozen and printed on every page, filter, widths,
    number formats, colour scales on scores, benefits and acceptabilities, long text
    wrapped."""
    from copy import copy

    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    n_rows, n_cols = frame.shape
    ws.freeze_panes = "A2"
    print_setup(ws, frame.attrs.get("title"), "1:1", book, lang)
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
    for ranges, kind in _scale_ranges(frame, scaled):
        ws.conditional_formatting.add(ranges, ColorScaleRule(**SCALES[kind]))


def _scale_ranges(frame: pd.DataFrame, scaled: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """The cells of each colour scale of a sheet: (ranges, kind of value) per scale.

    By ``frame.attrs["scale_by"]``: ``"row"``, each row's scaled cells one scale (a body's
    scores by field); the header of a column, one scale per column and value of that
    column (``"Körperschaft"``: each body's options on their own scale, so that each body's
    best option has the top colour however it compares with other bodies' options); else
    one scale per column. Excel takes min, median and max of a scale over all its ranges.
    """
    from openpyxl.utils import get_column_letter

    n_rows = len(frame)
    by = frame.attrs.get("scale_by")
    if not scaled or not n_rows:
        return []
    if by == "row":
        first, last = get_column_letter(scaled[0][0]), get_column_letter(scaled[-1][0])
        return [(f"{first}{i}:{last}{i}", scaled[0][1]) for i in range(2, n_rows + 2)]
    if by is None:
        return [
            (f"{get_column_letter(j)}2:{get_column_letter(j)}{n_rows + 1}", kind)
            for j, kind in scaled
        ]
    if by not in frame.columns:
        raise KeyError(f"scale_by: no column {by!r} in the sheet")
    groups = pd.Series(range(2, n_rows + 2)).groupby(frame[by].to_numpy(), sort=False)
    out = []
    for j, kind in scaled:
        letter = get_column_letter(j)
        for _, rows in groups:
            out.append((" ".join(f"{letter}{a}:{letter}{b}" for a, b in _runs(rows)), kind))
    return out


def _styles() -> dict:
    """:data:`STYLES` as openpyxl objects (built once per workbook)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    out = {}
    thin = Side(style="thin")
    for name, spec in STYLES.items():
        font = Font(
            bold=spec.get("bold", False),
            italic=spec.get("italic", False),
            size=spec.get("size", 11),
            color=spec.get("color"),
        )
        fill = PatternFill("solid", fgColor=spec["fill"]) if "fill" in spec else None
        border = Border(**{spec["border"]: thin}) if "border" in spec else None
        alignment = Alignment(
            wrap_text=spec.get("wrap", False), horizontal=spec.get("align"), vertical="top"
        )
        out[name] = (font, fill, FORMATS.get(spec.get("format")), border, alignment)
    return out


def _write_layout(
    ws, layout: Layout, styles: dict, book: str | None = None, lang: str = "de"
) -> None:
    """Fill a worksheet from a :class:`Layout`: cells, styles, widths, panes, printing."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    for i, row in enumerate(layout.rows, start=1):
        for j, item in enumerate(row, start=1):
            value, style = item if isinstance(item, tuple) else (item, "")
            if value is None and not style:
                continue
            cell = ws.cell(row=i, column=j, value=_cell(value))
            if style:
                font, fill, fmt, border, alignment = styles[style]
                cell.font, cell.alignment = font, alignment
                if fill is not None:
                    cell.fill = fill
                if fmt is not None:
                    cell.number_format = fmt
                if border is not None:
                    cell.border = border
            if isinstance(cell.value, dt.date) and not _has_format(style):
                is_datetime = isinstance(cell.value, dt.datetime)
                cell.number_format = DATETIME_FORMAT if is_datetime else DATE_FORMAT
    for j, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    if layout.freeze:
        ws.freeze_panes = layout.freeze
    if layout.filter:
        ws.auto_filter.ref = layout.filter
    print_setup(ws, layout.title, layout.print_rows, book, lang)
    for r in layout.breaks:
        ws.row_breaks.append(Break(id=r))


def _has_format(style: str) -> bool:
    """Whether a :data:`STYLES` style sets a number format."""
    return bool(style) and "format" in STYLES[style]


def write_workbook(
    sheets: dict[str, pd.DataFrame | Layout],
    path: Path,
    book: str | None = None,
    lang: str = "de",
) -> None:
    """Write sheets to an .xlsx file with fixed metadata, so equal data give equal bytes.

    A table (DataFrame) is formatted by :func:`_format_sheet`: number formats and colour
    scales by the kind of each column (:func:`column_kinds`). A :class:`Layout` is written
    cell by cell with its styles. Every sheet prints landscape on the page width
    (:func:`print_setup`) with its header rows on every page. Every string is written as
    a string, never as a formula (:func:`potential.neutralise.neutralise_workbook`): a
    body name ``=HYPERLINK(…)`` is shown as that text.

    Parameters
    ----------
    sheets : dict of str to DataFrame or Layout
        Sheet name → content. A table's ``attrs["title"]`` is printed in the page header
        (default the sheet name); ``attrs["scale_by"]`` sets how colour scales run
        (:func:`_scale_ranges`).
    path : Path
    book : str, optional
        Which workbook (a key of :data:`BOOKS`): its title is printed in the footer and
        stored as the file's title.
    lang : {"de", "en"}
        Language of the workbook's title and the page numbers.
    """
    from openpyxl import Workbook

    from potential.neutralise import neutralise_workbook

    if lang not in PAGE:
        raise ValueError(f"unknown language {lang!r}; expected one of de, en")
    title = BOOKS[book][0 if lang == "de" else 1] if book else None

    wb = Workbook()
    wb.remove(wb.active)
    styles = None
    taken: set[str] = set()
    for name, frame in sheets.items():
        ws = wb.create_sheet(_valid_sheet_name(name, taken))
        if isinstance(frame, Layout):
            styles = styles or _styles()
            _write_layout(ws, frame, styles, title, lang)
            continue
        ws.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        _format_sheet(ws, frame, title, lang)
    neutralise_workbook(wb)  # text from data stays text: no live formula (issue 16)
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    if title:
        wb.properties.title = title
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
