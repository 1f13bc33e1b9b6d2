"""Editing a CSV file of a dataset copy in tests: one cell, one appended row, one text.

Shared by ``tests/test_bad_input.py`` and ``tests/test_bad_input_catalogue.py``; each
function returns the line number it changed, for the expected error message.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path


def edit_row(path: Path, match: dict[str, str], changes: dict[str, str]) -> int:
    """Change cells of the one CSV row matching ``match``; return its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    hits = []
    for i, line in enumerate(lines[1:], start=1):
        fields = next(csv.reader([line]), [])
        row = dict(zip(header, fields, strict=False))
        if all(row.get(k) == v for k, v in match.items()):
            hits.append((i, fields))
    assert len(hits) == 1, f"{path.name}: {len(hits)} rows match {match}"
    i, fields = hits[0]
    for column, value in changes.items():
        fields[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    lines[i] = buffer.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    return i + 1


def append_row(path: Path, line: str) -> int:
    """Append a raw line to a CSV file; return its line number."""
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    text += line + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of ``old``; return the line it starts on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} found {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
