"""The one place that reads input files and writes output files.

Readers return plain Python data together with line numbers so that validation errors can
say where a bad value sits. Writers never leave a half-written file: every output goes to a
temporary file in the target folder first and is moved into place with :func:`os.replace`.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from potential.errors import InputError

Row = tuple[int, dict[str, str]]
_DECIMAL_COMMA = re.compile(r"^(-?\d+),(\d+)$")


def _read_text(path: Path) -> str:
    path = Path(path)
    if not path.exists():
        raise InputError("file not found", str(path))
    if path.is_dir():
        raise InputError("is a folder; expected a file", str(path))
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", str(path)
        ) from None


def read_csv_rows(path: Path, required: tuple[str, ...] = ()) -> list[Row]:
    """Read a comma-separated table with a header row.

    Parameters
    ----------
    path : Path
        The CSV file (UTF-8, optionally with a byte-order mark).
    required : tuple of str
        Columns that must be present in the header.

    Notes
    -----
    A file saved by a German Excel (``;`` between fields, decimal comma) is read as well:
    the separator is taken from the header line, and cells such as ``8,04`` become ``8.04``.

    Returns
    -------
    list of (int, dict)
        For every data row its line number in the file (the header is line 1) and a mapping
        from column name to the raw string. Blank lines are skipped.

    Raises
    ------
    InputError
        If the file is missing, empty, lacks a required column, or a row has more or fewer
        fields than the header.
    """
    text = _read_text(path)
    first_line = text.split("\n", 1)[0]
    german_excel = first_line.count(";") > first_line.count(",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if german_excel else ",")
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file; expected a header row", str(path)) from None
    except csv.Error as exc:
        raise InputError(f"line 1: malformed CSV ({exc})", str(path)) from None
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            f"line 1: missing column(s) {', '.join(missing)}; the header has {', '.join(header)}",
            str(path),
        )
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(f"line 1: column(s) {', '.join(dupes)} appear twice", str(path))
    rows: list[Row] = []
    try:
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                raise InputError(
                    f"line {line}: {len(fields)} fields, but the header has {len(header)} "
                    f"(a {'semicolon' if german_excel else 'comma'} inside a value needs "
                    "double quotes)",
                    str(path),
                )
            cells = [f.strip() for f in fields]
            if german_excel:
                cells = [_DECIMAL_COMMA.sub(r"\1.\2", c) for c in cells]
            rows.append((line, dict(zip(header, cells, strict=True))))
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: malformed CSV ({exc})", str(path)) from None
    return rows


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that leaves dates as text, so validation can name a bad date's key."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> object:
    """Read a YAML file safely.

    Parameters
    ----------
    path : Path
        The YAML file.

    Returns
    -------
    object
        The parsed document (usually a dict).

    Raises
    ------
    InputError
        If the file is missing, empty or not valid YAML (with line and column).
    """
    text = _read_text(path)
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{where}malformed YAML ({problem})", str(path)) from None
    if data is None:
        raise InputError("empty file; expected a YAML mapping", str(path))
    return data


Writer = Callable[[Path], None]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Name of the provenance sidecar written by :func:`write_outputs`.
PROVENANCE_FILE = "provenance.json"


def write_outputs(
    out_dir: Path, outputs: Mapping[str, Writer], protect=(), provenance: dict | None = None
) -> list[Path]:
    """Write several output files so that each appears complete or not at all.

    Each writer writes into a temporary file inside ``out_dir``; only when all writers have
    succeeded are the temporary files moved onto their final names (``os.replace``, atomic on
    one file system). If any writer fails, the temporary files are removed and no output is
    touched.

    Parameters
    ----------
    out_dir : Path
        Target folder, created if missing.
    outputs : mapping of str to callable
        File name → function that writes the content to the path it is given.
    protect : iterable of Path
        Input files that must never be overwritten (an output with the same path is refused).
    provenance : dict, optional
        A provenance record (:func:`potential.provenance.run_record`). If given, it is
        written as :data:`PROVENANCE_FILE` beside the outputs, with ``outputs``: the SHA-256
        and size of every other file written, so a table handed on can be checked against
        its run.

    Returns
    -------
    list of Path
        The paths written.
    """
    out_dir = Path(out_dir)
    if provenance is not None:
        if PROVENANCE_FILE in outputs:
            raise ValueError(f"{PROVENANCE_FILE} is written from 'provenance', not as an output")
        outputs = {**outputs, PROVENANCE_FILE: None}
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("exists and is not a folder; expected an output folder", str(out_dir))
    protected = {Path(p).resolve() for p in protect}
    targets = {name: out_dir / name for name in outputs}
    for path in targets.values():
        if path.resolve() in protected:
            raise InputError("is an input file; choose another output folder", str(path))
        if path.exists() and not path.is_file():
            raise InputError("exists and is not a file; cannot write output here", str(path))
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    backups: dict[Path, Path] = {}
    try:
        for name, writer in outputs.items():
            temps[name] = _temp_file(out_dir, name)
            if writer is None:
                _write_sidecar(temps[name], provenance, temps)
            else:
                writer(temps[name])
        for path in targets.values():
            if path.exists():  # keep the old file until every new one is in place
                backups[path] = _temp_file(out_dir, path.name + ".old")
                os.replace(path, backups[path])
        done = []
        try:
            for name, tmp in temps.items():
                os.replace(tmp, targets[name])
                done.append(targets[name])
        except BaseException:
            for path in done:
                path.unlink()
            for path, old in backups.items():
                os.replace(old, path)
            raise
    finally:
        for tmp in [*temps.values(), *backups.values()]:
            if tmp.exists():
                tmp.unlink()
    return list(targets.values())


#: CSV dialects of the output tables (:func:`write_csv`).
CSV_DIALECTS = ("standard", "de")


def check_csv_dialect(dialect: str) -> str:
    """``dialect`` if it is one of :data:`CSV_DIALECTS`, else a ``ValueError``."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(
            f"unknown CSV dialect {dialect!r}; expected one of {', '.join(CSV_DIALECTS)}"
        )
    return dialect


def write_csv(frame, path: Path, dialect: str = "standard") -> None:
    """Write a table (no index) as CSV in one of two dialects.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its column names are the header.
    path : Path
        Target file.
    dialect : {"standard", "de"}
        ``"standard"`` (for scripts): ``,`` between fields, decimal point, UTF-8 without
        byte-order mark, LF line ends. ``"de"`` (for a German Excel, which opens the file
        as it is, with a double click): ``;`` between fields, decimal comma, UTF-8 with a
        byte-order mark (so Excel reads umlauts right), CRLF line ends (what Excel itself
        writes, and RFC 4180's). In both, dates are ISO (``2026-11-25``), missing values
        empty, booleans ``True``/``False``. In ``"de"`` every float is written in full
        positional notation (``0,00001``, never ``1e-05``) with the shortest digits that
        give the same float back.

    Notes
    -----
    :func:`read_csv_rows` reads both dialects; pandas reads ``"de"`` with
    ``read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")``.
    """
    check_csv_dialect(dialect)
    if dialect == "standard":
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        return
    out = frame.copy()
    for col in range(out.shape[1]):
        values = out.iloc[:, col]
        if values.dtype.kind == "f" or values.dtype == object:
            out.isetitem(col, values.map(_decimal_comma).astype(object))
    out.to_csv(path, index=False, sep=";", lineterminator="\r\n", encoding="utf-8-sig")


def _decimal_comma(value):
    """A float as text with a decimal comma (positional, shortest round-trip digits)."""
    import numbers

    import numpy as np

    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return value
    if isinstance(value, numbers.Integral):
        return value
    if value != value:  # NaN: an empty cell
        return None
    return np.format_float_positional(float(value), unique=True, trim="0").replace(".", ",")


def csv_writer(frame, dialect: str = "standard") -> Writer:
    """A writer for :func:`write_outputs` that writes ``frame`` with :func:`write_csv`."""
    check_csv_dialect(dialect)

    def write(path: Path) -> None:
        write_csv(frame, path, dialect)

    return write


def _write_sidecar(path: Path, record: dict, temps: Mapping[str, Path]) -> None:
    """The provenance record plus the SHA-256 and size of every output written before it."""
    import hashlib
    import json

    written = {}
    for name, tmp in temps.items():
        if tmp == path:
            continue
        data = tmp.read_bytes()
        written[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    text = json.dumps({**record, "outputs": written}, indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def _temp_file(folder: Path, name: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    return Path(tmp)
