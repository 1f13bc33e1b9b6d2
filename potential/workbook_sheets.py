"""The sheets of a workbook written with XlsxWriter: a table or a laid-out sheet.

:func:`table_sheet` writes a DataFrame with a bold, wrapped and frozen header row, a filter,
column widths that fit, a number format by the kind of each column and colour scales;
:func:`layout_sheet` writes a :class:`~potential.workbook.Layout` cell by cell with its
named styles. Both set the sheet up for printing (:func:`page_setup`). What a sheet shows
is decided in :mod:`potential.workbook`; XlsxWriter writes the XML and the archive.

Every text is written with ``write_string`` (never as a formula, a number or a link),
every number with ``write_number``, every date with ``write_datetime``: the type of the
value, not its text, decides the kind of cell.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import numbers

import numpy as np
import pandas as pd

from potential.workbook import (
    FORMATS,
    MAX_WIDTH,
    PAGE,
    SCALES,
    STYLES,
    Layout,
    _cell,
    _data_width,
    _scale_ranges,
    _width,
    column_kinds,
)

#: Excel's built-in number formats of dates and times, by id (ECMA-376 Part 1, §18.8.30):
#: a built-in short date (14) and date-time (22) are shown in the reader's locale
#: (``25.11.2026`` in a German Excel); a custom ``"mm-dd-yy"`` would not be.
DATE_ID, DATETIME_ID, TIME_ID = 14, 22, 21
#: Format of a duration (hours past 24 kept), as openpyxl gave it.
DURATION_FORMAT = "[hh]:mm:ss"
#: Pixels of a character of the default font (Calibri 11): Excel's unit of column width.
DIGIT_PIXELS = 7
#: Page margins (inches) as the openpyxl writer before issue 17 set them.
MARGINS = {"left": 0.4, "right": 0.4, "top": 1.0, "bottom": 1.0}
HEADER_MARGIN = 0.5
#: Excel's limit of a page header or footer (characters, codes included).
HEADER_LIMIT = 255
#: The header row of a table: bold, wrapped, at the top of the cell.
HEAD = {"bold": True, "text_wrap": True, "valign": "top"}


class Formats:
    """The workbook's cell formats, one XlsxWriter ``Format`` per set of properties.

    Parameters
    ----------
    book : xlsxwriter.Workbook
    """

    def __init__(self, book):
        self._book = book
        self._made: dict[tuple, object] = {}

    def __call__(self, props: dict | None):
        """The format with ``props`` (XlsxWriter's names), or ``None`` for no properties."""
        if not props:
            return None
        key = tuple(sorted(props.items()))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._book.add_format(dict(props))
        return made


def _colour(argb: str) -> str:
    """``"FF91BFDB"`` (ARGB, as openpyxl reads it back) → ``"#91BFDB"`` (XlsxWriter's)."""
    return "#" + argb[-6:]


def _time_format(value) -> int | str | None:
    """The number format a date or time value gets unless its cell sets one."""
    if isinstance(value, dt.datetime):
        return DATETIME_ID
    if isinstance(value, dt.date):
        return DATE_ID
    if isinstance(value, dt.time):
        return TIME_ID
    if isinstance(value, dt.timedelta):
        return DURATION_FORMAT
    return None


def write_value(
    ws, row: int, col: int, value, props: dict | None, formats: Formats, empty: bool = True
) -> None:
    """Write one value to a cell by its type (rows and columns from 0).

    Text with ``write_string`` (an empty one as an empty cell); numbers (but NaN and
    infinities: an empty cell) with ``write_number``; booleans with ``write_boolean``; dates
    and times with ``write_datetime`` in Excel's built-in date or time format unless
    ``props`` holds a number format; missing values (``None``, NaN, ``NA``, ``NaT``) as an
    empty cell, kept only if it has a format and ``empty`` is true (a table's empty cells
    are left out: a number format or an alignment shows nothing in an empty cell).

    Raises
    ------
    ValueError
        A value of another type (a list, a dict): openpyxl refused them too.
    """
    value = _cell(value)
    kind = type(value)
    fmt = formats(props)
    blank = empty and fmt is not None  # whether an empty cell is written
    if isinstance(value, str) and value:
        ws.write_string(row, col, value, fmt)
    elif kind is bool or isinstance(value, np.bool_):
        ws.write_boolean(row, col, bool(value), fmt)
    elif isinstance(value, numbers.Real | decimal.Decimal) and math.isfinite(value):
        ws.write_number(row, col, float(value), fmt)
    elif value is None or isinstance(value, str | numbers.Real | decimal.Decimal):
        if blank:  # missing, an empty text (as openpyxl wrote it), NaN or infinite
            ws.write_blank(row, col, None, fmt)
    elif (code := _time_format(value)) is not None:
        if not (props and "num_format" in props):
            fmt = formats({**(props or {}), "num_format": code})
        ws.write_datetime(row, col, value, fmt)
    else:
        raise ValueError(f"cannot write {value!r} ({kind.__name__}) to a workbook cell")


def _header_footer(left: str | None, right: str) -> str:
    """A page header or footer ``&L…&R…``, the left text cut to Excel's limit.

    ``&`` in the left text is doubled (a single one starts one of Excel's codes); the text
    is cut before doubling, so that no ``&`` is left alone.
    """
    if left is None:
        return f"&R{right}"

    def size(text: str) -> int:  # Excel counts UTF-16 code units
        return len(text.encode("utf-16-le")) // 2

    room = HEADER_LIMIT - size(f"&L&R{right}")
    text = str(left)
    if size(text.replace("&", "&&")) > room:
        while size(text.replace("&", "&&")) > room - 1:
            text = text[:-1]
        text += "…"
    return f"&L{text.replace('&', '&&')}&R{right}"


def page_setup(ws, title: str, title_rows: str | None, book: str | None, lang: str) -> None:
    """Set a sheet up to print as :func:`potential.workbook.print_setup` sets up an openpyxl
    sheet: A4 landscape, all columns on one page width, centred, the header rows on every
    page, the title and print date (``&D``) in the page header, the workbook's title and the
    page number (:data:`~potential.workbook.PAGE`) in the footer."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages high as it takes
    ws.center_horizontally()
    ws.set_margins(**MARGINS)
    if title_rows:
        first, _, last = title_rows.replace("$", "").partition(":")
        ws.repeat_rows(int(first) - 1, int(last or first) - 1)
    ws.set_header(_header_footer(title, "&D"), {"margin": HEADER_MARGIN})
    ws.set_footer(_header_footer(book, PAGE[lang]), {"margin": HEADER_MARGIN})


def _set_width(ws, col: int, width: float) -> None:
    """Column ``col`` (from 0) ``width`` characters wide as Excel stores widths (the 5 pixels
    of padding included, ECMA-376 Part 1, §18.3.1.13), to the pixel: the widths the openpyxl
    writer stored. (XlsxWriter's ``set_column`` would add the padding.)"""
    ws.set_column_pixels(col, col, round(width * DIGIT_PIXELS))


def _column_props(fmt: str | None, alignment: dict | None) -> dict | None:
    props = dict(alignment or {})
    if fmt is not None:
        props["num_format"] = fmt
    return props or None


def table_sheet(
    ws, name: str, frame: pd.DataFrame, formats: Formats, book: str | None, lang: str
) -> None:
    """Write a table to a worksheet (see :func:`potential.workbook.write_workbook`).

    Parameters
    ----------
    ws : xlsxwriter worksheet
    name : str
        The sheet's name (printed in the page header without ``attrs["title"]``).
    frame : DataFrame
        The table; ``attrs["title"]`` and ``attrs["scale_by"]`` as for ``write_workbook``.
    formats : Formats
        The workbook's formats.
    book : str, optional
        The workbook's title, for the page footer.
    lang : {"de", "en"}
    """
    n_rows, n_cols = frame.shape
    for j, col in enumerate(frame.columns):
        write_value(ws, 0, j, str(col), HEAD, formats)
    kinds = column_kinds(frame)
    plain = frame.copy(deep=False)  # without attrs: pandas copies them to every column
    plain.attrs = {}
    columns = [plain.iloc[:, j].tolist() for j in range(n_cols)]
    wrapped, scaled = set(), []
    for j, col in enumerate(frame.columns):
        data = _data_width(columns[j], kinds[col])
        _set_width(ws, j, _width(str(col), data))
        if data > MAX_WIDTH:
            wrapped.add(j)
        if kinds[col] in SCALES and n_rows:
            scaled.append((j + 1, kinds[col]))
    # rows with wrapped text grow; everything else in them then stays at the top
    top, wrap = {"valign": "top"}, {"valign": "top", "text_wrap": True}
    for j, col in enumerate(frame.columns):
        alignment = wrap if j in wrapped else (top if wrapped else None)
        props = _column_props(FORMATS.get(kinds[col]), alignment)
        _write_column(ws, j, columns[j], props, formats)

    ws.freeze_panes("A2")
    if n_rows and n_cols:
        ws.autofilter(0, 0, n_rows, n_cols - 1)
    for ranges, kind in _scale_ranges(frame, scaled):
        ws.conditional_format(ranges.split()[0], {**_scale(kind), "multi_range": ranges})
    page_setup(ws, frame.attrs.get("title") or name, "1:1", book, lang)


def _write_column(ws, j: int, values: list, props: dict | None, formats: Formats) -> None:
    """The data cells of one column (from row 2): text, floats and ints directly, anything
    else through :func:`write_value`; a missing value or an empty text leaves no cell."""
    fmt = formats(props)
    write_string, write_number, isfinite = ws.write_string, ws.write_number, math.isfinite
    for i, value in enumerate(values, start=1):
        kind = type(value)
        if kind is str and value:
            write_string(i, j, value, fmt)
        elif kind is float and isfinite(value) or kind is int:
            write_number(i, j, value, fmt)
        elif props and isinstance(value, dt.date | pd.Timestamp):
            # a date gets the date format whatever its column's, in the column's alignment
            own = {k: v for k, v in props.items() if k != "num_format"}
            write_value(ws, i, j, value, own, formats, empty=False)
        elif value is not None and kind is not str:  # (a missing value, an empty text: no cell)
            write_value(ws, i, j, value, props, formats, empty=False)


def _scale(kind: str) -> dict:
    """:data:`~potential.workbook.SCALES` of ``kind`` as XlsxWriter's colour-scale options."""
    spec = SCALES[kind]
    out = {"type": "3_color_scale" if "mid_type" in spec else "2_color_scale"}
    for ours, theirs in (("start", "min"), ("mid", "mid"), ("end", "max")):
        if f"{ours}_type" not in spec:
            continue
        out[f"{theirs}_type"] = spec[f"{ours}_type"]
        out[f"{theirs}_color"] = _colour(spec[f"{ours}_color"])
        if f"{ours}_value" in spec:
            out[f"{theirs}_value"] = spec[f"{ours}_value"]
    return out


def _style_props(style: str) -> dict:
    """A :data:`~potential.workbook.STYLES` style as XlsxWriter format properties."""
    spec = STYLES[style]
    props: dict = {"valign": "top"}
    if spec.get("bold"):
        props["bold"] = True
    if spec.get("italic"):
        props["italic"] = True
    if "size" in spec:
        props["font_size"] = spec["size"]
    if "color" in spec:
        props["font_color"] = _colour(spec["color"])
    if "fill" in spec:
        props["pattern"], props["bg_color"] = 1, _colour(spec["fill"])  # solid
    if "border" in spec:
        props[spec["border"]] = 1  # thin
    if spec.get("wrap"):
        props["text_wrap"] = True
    if "align" in spec:
        props["align"] = spec["align"]
    if "format" in spec:
        props["num_format"] = FORMATS[spec["format"]]
    return props


_LAYOUT_PROPS = {name: _style_props(name) for name in STYLES}


def layout_sheet(
    ws, name: str, layout: Layout, formats: Formats, book: str | None, lang: str
) -> None:
    """Write a :class:`~potential.workbook.Layout` to a worksheet: cells, styles, widths,
    panes, filter, page breaks, printing (parameters as :func:`table_sheet`)."""
    made = {"": None}  # style → its format
    write_string, write_number, isfinite = ws.write_string, ws.write_number, math.isfinite
    for i, row in enumerate(layout.rows):
        for j, item in enumerate(row):
            value, style = item if isinstance(item, tuple) else (item, "")
            if value is None and not style:
                continue
            if style not in made:
                made[style] = formats(_LAYOUT_PROPS[style])
            kind = type(value)
            if kind is str and value:
                write_string(i, j, value, made[style])
            elif kind is float and isfinite(value) or kind is int:
                write_number(i, j, value, made[style])
            else:  # a styled empty cell is kept; a date without a format gets the date one
                write_value(ws, i, j, value, _LAYOUT_PROPS[style] if style else None, formats)
    for j, width in enumerate(layout.widths):
        _set_width(ws, j, width)
    if layout.freeze:
        ws.freeze_panes(layout.freeze)
    if layout.filter:
        ws.autofilter(layout.filter)
    if layout.breaks:
        ws.set_h_pagebreaks(list(layout.breaks))
    page_setup(ws, layout.title or name, layout.print_rows, book, lang)
