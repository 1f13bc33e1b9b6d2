"""The dataset's CSV tables as the merge edits them.

:class:`_Table` reads a table as rows and writes unchanged rows back exactly as they were
read (delimiter, decimal comma, quoting); the helpers compare and format values the way
the CSV files hold them.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from potential import files

#: Header of each table the merge writes, if the folder does not have the file yet.
HEADERS = {
    "body_fields.csv": ["body", "field", "annual_cost_eur", "fte", "leaving_share", "source"],
    "fulfilment.csv": ["body", "obligation", "fulfilment", "source"],
    "cooperations.csv": [
        "id", "label", "field", "legal_form", "members", "lead", "since", "scope", "source",
    ],
    "sources.csv": ["id", "grade", "title", "url"],
    "body_weights.csv": ["body", "level", "id", "weight", "source"],
}  # fmt: skip
#: Numeric columns of ``body_fields.csv`` (the others are text).
NUMERIC = ("annual_cost_eur", "fte", "leaving_share", "cases_per_year", "fulfilment")


def _fmt(value) -> str:
    """A number as the CSV files write it: ``2000000``, ``0.35``."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def _parse(value: str, column: str):
    if value is None or value == "":
        return None
    if column in NUMERIC or column == "weight":
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _bytes_writer(data: bytes):
    def write(path: Path) -> None:
        Path(path).write_bytes(data)

    return write


class _Table:
    """A CSV table as rows; unchanged rows are written back exactly as they were read."""

    def __init__(self, folder: Path, name: str, required=()):
        self.name = name
        self.path = folder / name
        self.exists = self.path.exists()
        self.rows: list[dict] = []
        self.clean: dict[int, str] = {}  # id(row) → its text in the file, while unchanged
        self.delimiter = ","
        self.changed = False
        if not self.exists:
            self.header = list(HEADERS[name])
            self.head_text = None
            return
        files.read_csv_rows(self.path, tuple(required))  # the file's own checks
        text = self.path.read_text(encoding="utf-8-sig")
        lines = io.StringIO(text, newline="").readlines()
        first = lines[0] if lines else ""
        german = first.count(";") > first.count(",")
        self.delimiter = ";" if german else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        self.header = [h.strip() for h in next(reader)]
        self.head_text = "".join(lines[: reader.line_num])
        before = reader.line_num
        for fields in reader:
            raw = "".join(lines[before : reader.line_num])
            before = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            cells = [f.strip() for f in fields]
            if german:
                cells = [files._DECIMAL_COMMA.sub(r"\1.\2", c) for c in cells]
            row = dict(zip(self.header, cells, strict=False))
            self.rows.append(row)
            self.clean[id(row)] = raw if raw.endswith(("\n", "\r")) else raw + "\n"

    def need(self, column: str):
        if column not in self.header:
            self.header.append(column)
            self.head_text = None
            for row in self.rows:
                row.setdefault(column, "")
            self.clean.clear()

    def find(self, **key) -> dict | None:
        for row in self.rows:
            if all(row.get(k, "") == v for k, v in key.items()):
                return row
        return None

    def add(self, row: dict):
        for column in row:
            self.need(column)
        self.rows.append({c: row.get(c, "") for c in self.header})
        self.changed = True

    def touch(self, row: dict):
        """Mark a row as changed (it is written anew)."""
        self.clean.pop(id(row), None)
        self.changed = True

    def data(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator="\n")
        if self.head_text is not None:
            buffer.write(self.head_text)
        else:
            writer.writerow(self.header)
        for row in self.rows:
            if id(row) in self.clean:
                buffer.write(self.clean[id(row)])
            else:
                writer.writerow([row.get(c, "") for c in self.header])
        return buffer.getvalue().encode("utf-8")
