"""Benchmark of writing ranking.xlsx (potential.workbook.write_workbook); see bench/README.md.

Run as ``python bench/bench_workbook.py``. Builds the sheets of ``ranking.xlsx`` for the
default analysis once, as ``potential analyse`` does (``workbook_sheets`` and the
*Metadaten* sheet of the run's provenance record), then writes them, alternately, with

- the baseline: the writer before issue 17, which builds openpyxl cell objects
  (``bench/workbook_baseline.py``, a copy of the old ``potential/workbook.py``), and
- the package's writer, which writes them with XlsxWriter (``potential.workbook``).

Prints the best time of each, the ratio, whether the two files hold the same content as
openpyxl reads it back (:func:`different_content`: the two writers write different XML for
it), and whether two writes of the same sheets give the same bytes. Exits with status 1 if
the ratio is below 3, if the content differs, or if two writes differ.

Each writer writes once untimed first (imports, first-call set-up). ``--quick`` then writes
each file once more (a smoke test: the times are then too noisy for the ratio to count, and
only the content and the repeated bytes decide the exit status).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workbook_baseline  # the old writer, beside this file

#: The writer must be at least this many times faster than the baseline.
MIN_RATIO = 3.0


def ranking_sheets(lang: str = "de") -> dict:
    """The sheets ``potential analyse`` writes to ranking.xlsx (default data and model)."""
    import potential
    from potential import labels
    from potential.exports import _sheet_name, workbook_sheets
    from potential.provenance import record_rows, run_record

    analysis = potential.analyse()
    sheets = workbook_sheets(analysis, lang)
    record = {**run_record(analysis, criteria="ikz-egov-nrw"), "csv_dialect": "standard"}
    name = _sheet_name(labels.text("metadata", lang), set(sheets))
    sheets[name] = record_rows(record, lang)
    return sheets


def _cell_look(c) -> tuple:
    """What a cell shows besides its value: number format, font, fill, borders, alignment."""
    font, fill, border, align = c.font, c.fill, c.border, c.alignment
    colour = font.color.rgb if font.color is not None and font.color.type == "rgb" else None
    return (
        c.number_format, bool(font.b), bool(font.i), font.sz or 11.0, colour,
        fill.fill_type, fill.fgColor.rgb if fill.fill_type else None,
        getattr(border.top, "style", None), getattr(border.bottom, "style", None),
        bool(align.wrap_text), align.horizontal, align.vertical,
    )  # fmt: skip


def _value(c):
    """A cell's value, an empty text as ``None`` (both show an empty cell)."""
    return None if isinstance(c.value, str) and not c.value else c.value


def _seen(c, d) -> bool:
    """Whether the look of two cells shows: one holds a value, or has a fill or a border
    (a number format or an alignment shows nothing in an empty cell)."""
    return any(
        x.value not in (None, "")
        or x.fill.fill_type
        or getattr(x.border.top, "style", None)
        or getattr(x.border.bottom, "style", None)
        for x in (c, d)
    )


def _sheet_look(ws) -> dict:
    """A sheet's widths (pixels, per column), panes, filter, printing and colour scales."""
    from openpyxl.utils.cell import range_boundaries

    widths = {}
    for dim in ws.column_dimensions.values():  # a <col> may span several columns
        if dim.customWidth:
            widths |= dict.fromkeys(range(dim.min, dim.max + 1), round(dim.width * 7))
    scales = set()
    for cf in ws.conditional_formatting:
        cells = frozenset(
            (i, j)
            for r in cf.sqref.ranges
            for c1, r1, c2, r2 in [range_boundaries(str(r))]
            for i in range(r1, r2 + 1)
            for j in range(c1, c2 + 1)
        )
        for rule in cf.rules:
            points = tuple(
                (v.type, None if v.type in ("min", "max") else float(v.val))
                for v in rule.colorScale.cfvo
            )
            scales.add((cells, points, tuple(c.rgb for c in rule.colorScale.color)))
    ps, margins = ws.page_setup, ws.page_margins
    return {
        "size": (ws.max_row, ws.max_column),
        "widths": widths,
        "panes": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "print titles": ws.print_title_rows,
        "header": [getattr(ws.oddHeader, p).text for p in ("left", "center", "right")],
        "footer": [getattr(ws.oddFooter, p).text for p in ("left", "center", "right")],
        "page": (ps.orientation, ps.paperSize, ps.fitToWidth or 1, ps.fitToHeight),
        "fit to page": ws.sheet_properties.pageSetUpPr.fitToPage,
        "centred": ws.print_options.horizontalCentered,
        "margins": [getattr(margins, k) for k in ("left", "right", "top", "bottom")],
        "breaks": [b.id for b in ws.row_breaks.brk],
        "colour scales": scales,
    }


def different_content(a: Path, b: Path) -> list[str]:
    """Where two workbooks differ as openpyxl reads them: sheet names, title, every cell's
    value, type and look (:func:`_cell_look`, where it shows: :func:`_seen`), and each
    sheet's widths (to the pixel), panes, filter, printing and colour scales
    (:func:`_sheet_look`). An empty text and an empty cell count as the same;
    ``fitToWidth`` left out is its default 1 (ECMA-376)."""
    from openpyxl import load_workbook

    wa, wb = load_workbook(a), load_workbook(b)
    if wa.sheetnames != wb.sheetnames:
        return ["sheet names"]
    out = [] if wa.properties.title == wb.properties.title else ["title"]
    for name in wa.sheetnames:
        x, y = wa[name], wb[name]
        look_x, look_y = _sheet_look(x), _sheet_look(y)
        out += [f"{name}: {k}" for k in look_x if look_x[k] != look_y[k]]
        for row in x.iter_rows():
            for c in row:
                d = y[c.coordinate]
                if _value(c) != _value(d):
                    out.append(f"{name}!{c.coordinate}: value")
                elif c.value is not None and c.data_type != d.data_type:
                    out.append(f"{name}!{c.coordinate}: type")
                elif _seen(c, d) and _cell_look(c) != _cell_look(d):
                    out.append(f"{name}!{c.coordinate}: look")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="write each file once (smoke test)")
    parser.add_argument("--repeat", type=int, default=5, help="writes of each (best taken)")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else max(1, args.repeat)

    from potential.workbook import write_workbook

    sheets = ranking_sheets()
    cells = sum(
        frame.size + len(frame.columns) if hasattr(frame, "columns") else sum(map(len, frame.rows))
        for frame in sheets.values()
    )
    print(f"ranking.xlsx of the default analysis: {len(sheets)} sheets, {cells:,} cells")

    times = {"baseline (openpyxl cells)": [], "potential.workbook": []}
    with tempfile.TemporaryDirectory() as tmp:
        old, new, again = Path(tmp, "old.xlsx"), Path(tmp, "new.xlsx"), Path(tmp, "again.xlsx")
        writers = [
            ("baseline (openpyxl cells)", workbook_baseline.write_workbook, old),
            ("potential.workbook", write_workbook, new),
        ]
        for _, write, path in writers:  # once untimed: imports and first-call set-up
            write(sheets, path, "ranking", "de")
        for _ in range(repeat):  # alternately, so that a busy machine slows both alike
            for label, write, path in writers:
                start = time.perf_counter()
                write(sheets, path, "ranking", "de")
                times[label].append(time.perf_counter() - start)
        write_workbook(sheets, again, "ranking", "de")
        repeatable = new.read_bytes() == again.read_bytes()
        differ = different_content(old, new)

    best = {label: min(t) for label, t in times.items()}
    base, ours = best["baseline (openpyxl cells)"], best["potential.workbook"]
    ratio = base / ours
    for label, seconds in best.items():
        print(f"{label:28s} {seconds * 1000:8.1f} ms  (best of {repeat})")
    print(f"ratio                        {ratio:8.2f}x  (must be >= {MIN_RATIO:g}x)")
    shown = ", ".join(differ[:5]) + (" …" if len(differ) > 5 else "")
    print(f"same content as the baseline {'yes' if not differ else 'NO: ' + shown}")
    print(f"same bytes when written again {'yes' if repeatable else 'NO'}")
    fast = ratio >= MIN_RATIO or args.quick  # one write each is too noisy to judge by
    if args.quick and ratio < MIN_RATIO:
        print("(quick: one write each; the ratio is judged in a full run)")
    ok = fast and repeatable and not differ
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
