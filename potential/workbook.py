"""Writing Excel workbooks: number formats, colour scales, widths, and the same bytes for the
same data.

:func:`write_workbook` takes sheet name → DataFrame and writes an ``.xlsx`` file with bold,
wrapped and frozen header rows, filters, column widths that fit, a number format by the kind
of value in each column (:func:`column_kinds`; Excel shows its own locale's separators), and
colour scales on scores, benefits and acceptabilities (per body where a sheet compares the
options of each body: :func:`_scale_ranges`). A sheet may instead be a :class:`Layout`, laid
out cell by cell with named styles (the annexes of the Wirtschaftlichkeitsvergleich). Every
sheet is set up for printing (A4 landscape on the page width, header rows on every page,
title, date and page number; :func:`print_setup` does the same to an openpyxl worksheet,
for the survey template). File metadata and the zip members' timestamps are fixed, so
equal sheets give equal bytes.

What a sheet shows is decided here; :mod:`potential.workbook_sheets` writes each sheet with
XlsxWriter, several times faster than openpyxl's cell objects (issue 17;
``bench/bench_workbook.py``).
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
#: Dates get Excel's built-in short date and date-time formats (ids 14 and 22), shown in the
#: reader's locale (``25.11.2026`` in a German Excel): :mod:`potential.workbook_sheets`.

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
        if kind is None and pd.api.types.is_float_dtype(frame.dtypes.iloc[j]):
            kind = "number"
        kinds[col] = kind
    return kinds


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _shown(value, kind: str | None) -> str:
    """Roughly the text Excel shows for a value (for the column width)."""
    kind_of = type(value)
    if kind_of is str:  # the common cases first
        return value
    if kind_of is not float and kind_of is not int:
        value = _cell(value)
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return "00.00.0000 00:00" if isinstance(value, dt.datetime) else "00.00.0000"
        if not _is_number(value):
            return str(value)
    elif value != value:  # NaN: an empty cell
        return ""
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


def _data_width(values: list, kind: str | None) -> int:
    """Length of the longest text Excel shows for the first 500 of ``values`` (:func:`_shown`).

    A column of plain numbers is not formatted value by value: with every format of
    :data:`FORMATS` but ``"general"`` the text gets no shorter as the magnitude grows, so
    the longest is that of the largest or the smallest value (or ``-0``, or a non-finite
    value, shown on its own).
    """
    head = values[:500]
    plain = kind != "general" and all(type(v) is float or type(v) is int for v in head)
    if not plain:
        return max((len(_shown(v, kind)) for v in head), default=0)
    finite = [v for v in head if v - v == 0]  # not NaN, not infinite
    picks = [v for v in head if v - v != 0]  # NaN (shown empty) and infinities
    if finite:
        picks += [max(finite), min(finite)]
        if any(v == 0 and math.copysign(1.0, v) < 0 for v in finite):
            picks.append(-0.0)
    return max((len(_shown(v, kind)) for v in picks), default=0)


def _width(header: str, data: int) -> int:
    """Column width: the data's, and the bold header's in at most about two lines, with
    room for the filter button."""
    words = max((len(w) for w in header.split()), default=0)
    if len(header) <= max(data, 10):
        head = len(header)
    else:  # the header wraps
        head = max(words, math.ceil(len(header) / 2) + 2)
    return min(MAX_WIDTH + 3, max(data + 2, math.ceil(head * 1.1) + 3))


def _scale_ranges(frame: pd.DataFrame, scaled: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """The cells of each colour scale of a sheet: (ranges, kind of value) per scale.

    By ``frame.attrs["scale_by"]``: ``"row"``, each row's scaled cells one scale (a body's
    scores by field); the header of a column, one scale per column and value of that
    column (``"Körperschaft"``: each body's options on their own scale, so that each body's
    best option has the top colour however it compares with other bodies' options); else
    one scale per column. Excel takes min, median and max of a scale over all its ranges.
    """
    from xlsxwriter.utility import xl_col_to_name

    def get_column_letter(j: int) -> str:  # from 1, as openpyxl's
        return xl_col_to_name(j - 1)

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


def write_workbook(
    sheets: dict[str, pd.DataFrame | Layout],
    path: Path,
    book: str | None = None,
    lang: str = "de",
) -> None:
    """Write sheets to an .xlsx file with fixed metadata, so equal data give equal bytes.

    A table (DataFrame) gets a bold, wrapped and frozen header row, a filter, column widths
    that fit, number formats and colour scales by the kind of each column
    (:func:`column_kinds`, :func:`potential.workbook_sheets.table_sheet`). A :class:`Layout`
    is written cell by cell with its styles. Every sheet prints landscape on the page width
    (as :func:`print_setup` sets up a sheet) with its header rows on every page. Every
    string is written as a string, never as a formula, number or link: a body name
    ``=HYPERLINK(…)`` is shown as that text. XlsxWriter writes the file, in memory, with
    its fixed member timestamps (:data:`ZIP_TIMESTAMP`) and the creation date
    :data:`FIXED_TIMESTAMP`.

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

    Raises
    ------
    OSError
        The file cannot be written.
    """
    import xlsxwriter

    from potential.workbook_sheets import Formats, layout_sheet, table_sheet

    if lang not in PAGE:
        raise ValueError(f"unknown language {lang!r}; expected one of de, en")
    title = BOOKS[book][0 if lang == "de" else 1] if book else None

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    properties = {"author": "potential", "created": dt.datetime(*FIXED_TIMESTAMP)}
    wb.set_properties({**properties, "title": title} if title else properties)
    formats = Formats(wb)
    taken: set[str] = set()
    for name, frame in sheets.items():
        sheet_name = _valid_sheet_name(name, taken)
        ws = wb.add_worksheet(sheet_name)
        write = layout_sheet if isinstance(frame, Layout) else table_sheet
        write(ws, sheet_name, frame, formats, title, lang)
    wb.close()
    Path(path).write_bytes(buffer.getvalue())


#: XlsxWriter's options: the whole file built in memory (no temporary files), and text is
#: text: no string is taken for a formula, a number or a link.
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": False,
}
#: Timestamp of every member of a workbook's zip archive: XlsxWriter's fixed one (1 January
#: 1980, the first date of the zip format) when it writes in memory.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


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
    kind = type(value)
    if kind is str or kind is int or kind is bool:  # the common cases first
        return value
    if kind is float:
        return None if value != value else value
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _repack(data: bytes, path: Path) -> None:
    """Rewrite a zip archive with fixed member timestamps (openpyxl stamps the clock); for
    the survey template, which openpyxl writes."""
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
