"""Writing Excel workbooks: number formats, colour scales, widths, and the same bytes for the
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
import math
import numbers
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from potential import labels

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
    "eur_cent": '#,##0.00 "€"',
    "eur_dash": '#,##0 "€";-#,##0 "€";"–"',
    "factor": "0.0000",
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


def _width(header: str, data: int) -> int:
    """Column width: the data's, and the bold header's in at most about two lines, with
    room for the filter button."""
    words = max((len(w) for w in header.split()), default=0)
    if len(header) <= max(data, 10):
        head = len(header)
    else:  # the header wraps
        head = max(words, math.ceil(len(header) / 2) + 2)
    return min(MAX_WIDTH + 3, max(data + 2, math.ceil(head * 1.1) + 3))


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


def _runs(rows) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last): ``[2, 3, 4, 7]`` → ``[(2, 4),
    (7, 7)]``."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return [(a, b) for a, b in runs]


@dataclass(frozen=True)
class Layout:
    """A sheet laid out cell by cell, set up to print as it is (landscape, fit to width).

    Attributes
    ----------
    rows : tuple of tuple
        The rows from row 1; each cell a value, or a pair ``(value, style)`` with a style of
        :data:`STYLES`. ``None`` leaves a cell empty.
    widths : tuple of float
        Column widths (characters), from column A.
    title : str
        Printed in the page header.
    freeze : str, optional
        The top-left cell of the scrolling part (``"B5"``: rows 1–4 and column A stay).
    print_rows : str, optional
        Rows repeated at the top of every printed page (``"4:4"``).
    filter : str, optional
        Range with a filter (``"A1:H34"``).
    breaks : tuple of int
        Rows after which a printed page ends.
    """

    rows: tuple
    widths: tuple = ()
    title: str = ""
    freeze: str | None = None
    print_rows: str | None = None
    filter: str | None = None
    breaks: tuple = ()

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) of the cells laid out."""
        return len(self.rows), max((len(r) for r in self.rows), default=0)


#: Styles of :class:`Layout` cells: font (bold, italic, size, colour), fill, number format
#: (a kind of :data:`FORMATS`), border (``top`` or ``bottom``), alignment.
STYLES = {
    "title": {"bold": True, "size": 14},
    "note": {"italic": True, "color": "FF595959"},
    "head": {"bold": True, "fill": "FFD9D9D9", "border": "bottom", "wrap": True,
             "align": "center"},
    "head_left": {"bold": True, "fill": "FFD9D9D9", "border": "bottom", "wrap": True},
    "block": {"bold": True, "fill": "FFDDEBF7"},
    "bold": {"bold": True},
    "wrap": {"wrap": True},
    "eur": {"format": "eur"},
    "eur_dash": {"format": "eur_dash"},
    "eur_cent": {"format": "eur_cent"},
    "eur_sum": {"format": "eur_dash", "bold": True, "border": "top"},
    "sum": {"bold": True, "border": "top"},
    "eur_bold": {"format": "eur", "bold": True},
    "factor": {"format": "factor"},
    "info": {"format": "eur_dash", "italic": True, "color": "FF595959"},
    "info_text": {"italic": True, "color": "FF595959"},
    "integer": {"format": "integer", "align": "right"},
    "share": {"format": "share"},
    "right": {"align": "right"},
}  # fmt: skip


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


def print_setup(
    ws,
    title: str | None = None,
    title_rows: str | None = None,
    book: str | None = None,
    lang: str = "de",
) -> None:
    """Set a worksheet up to print as it is: A4 landscape, all columns on one page width,
    the header rows repeated on every page, the title and print date in the page header,
    the workbook's title and the page number in the footer.

    Parameters
    ----------
    ws : openpyxl worksheet
    title : str, optional
        Printed at the top left of every page; default the sheet's name.
    title_rows : str, optional
        Rows repeated on every page (``"1:1"``).
    book : str, optional
        The workbook's title, printed at the bottom left of every page.
    lang : {"de", "en"}
        Language of the page number (``Seite 2 von 5``).
    """
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = _header_text(title or ws.title)
    ws.oddHeader.right.text = "&D"  # the date it is printed, filled in by Excel
    if book:
        ws.oddFooter.left.text = _header_text(book)
    ws.oddFooter.right.text = PAGE[lang]


#: Page number in the footer (``&P`` the page, ``&N`` the number of pages; Excel's codes).
PAGE = {"de": "Seite &P von &N", "en": "Page &P of &N"}

#: Titles of the workbooks the tool writes (:func:`write_workbook`'s ``book``), printed in
#: the footer of every page: German, English.
BOOKS = {
    "ranking": (
        "Potenzialanalyse IKZ: Rangfolge der Kooperationsoptionen",
        "IKZ potential analysis: ranking of the cooperation options",
    ),
    "smaa": (
        "Potenzialanalyse IKZ: Rangakzeptanz über alle plausiblen Gewichte (SMAA)",
        "IKZ potential analysis: rank acceptability over all plausible weights (SMAA)",
    ),
    "sharing": (
        "Potenzialanalyse IKZ: Aufteilung des Kapitalwerts (wer zahlt was)",
        "IKZ potential analysis: sharing the net present value (who pays what)",
    ),
    "comparison": (
        "Potenzialanalyse IKZ: Vergleich der Szenarien",
        "IKZ potential analysis: comparison of scenarios",
    ),
}


def _header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` doubled (a single one starts a code), at
    most 250 characters (Excel refuses longer headers)."""
    text = str(text).replace("&", "&&")
    return text if len(text) <= 250 else text[:249] + "…"


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


def _valid_sheet_name(name: str, taken: set[str]) -> str:
    """``name`` as Excel allows a sheet name: ``[]:*?/\\`` as ``-``, at most 31 characters,
    unique (case-insensitive, `` (2)`` appended); a valid name is kept as it is.

    Sheet names come from data too (a body named ``=HYPERLINK("http://…")``).
    """
    base = re.sub(r"[\[\]:*?/\\]", "-", str(name)).strip("'")[:31] or "-"
    candidate, i = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({i})"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    taken.add(candidate.casefold())
    return candidate


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
