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
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from potential.errors import InputError
from potential.messages import message

Row = tuple[int, dict[str, str]]
_DECIMAL_COMMA = re.compile(r"^(-?\d+),(\d+)$")


def _read_text(path: Path, limit: int | None = None) -> str:
    from potential import input_limits

    path = Path(path)
    if not path.exists():
        raise InputError(message("files.not_found"), str(path))
    if path.is_dir():
        raise InputError(message("files.is_folder"), str(path))
    try:
        if limit is not None:
            input_limits.check_size(path, path.stat().st_size, limit)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(message("files.cannot_read", reason=os_reason(exc)), str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(message("files.not_utf8", byte=exc.start), str(path)) from None


def os_reason(exc: OSError) -> str:
    """Why an operating system call failed, in the user's language (disk full, no rights ...).

    Examples
    --------
    >>> import errno
    >>> os_reason(OSError(errno.ENOSPC, "No space left on device"))
    'kein Speicherplatz mehr auf dem Datenträger'
    """
    import errno

    keys = {
        errno.ENOSPC: "files.os.no_space",
        errno.EDQUOT: "files.os.no_space",
        errno.EACCES: "files.os.no_permission",
        errno.EPERM: "files.os.no_permission",
        errno.EROFS: "files.os.read_only",
        errno.ENOTDIR: "files.os.not_a_folder",
        errno.EEXIST: "files.os.exists",
        errno.EISDIR: "files.os.is_folder",
        errno.ENAMETOOLONG: "files.os.name_too_long",
        errno.ENOENT: "files.os.missing",
    }
    key = keys.get(exc.errno)
    if key is None:
        return message("files.os.other", problem=exc.strerror or exc)
    return message(key)


def where_line(path, line: int, column: int | None = None) -> str:
    """The ``where`` of an :class:`InputError` at a line (and column) of a file.

    Examples
    --------
    >>> where_line("bodies.csv", 3)
    'bodies.csv, Zeile 3'
    >>> from potential.messages import use_lang
    >>> with use_lang("en"):
    ...     where_line("criteria.yaml", 4, 7)
    'criteria.yaml, line 4, column 7'
    """
    if column is None:
        return message("datasets.where_line", path=path, line=line)
    return message("files.where_line_column", path=path, line=line, column=column)


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
        If the file is missing, empty, larger than
        :data:`~potential.input_limits.MAX_CSV_BYTES`, lacks a required column, a row has
        more or fewer fields than the header, or a cell holds a control character (NUL,
        ESC ...; tab is allowed) or more than :data:`~potential.input_limits.MAX_CSV_CELL`
        characters.
    """
    from potential import input_limits

    text = _read_text(path, input_limits.MAX_CSV_BYTES)
    first_line = text.split("\n", 1)[0]
    german_excel = first_line.count(";") > first_line.count(",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if german_excel else ",")
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(message("files.csv_empty"), str(path)) from None
    except csv.Error as exc:
        raise InputError(
            message("files.csv_malformed", problem=exc), where_line(path, 1)
        ) from None
    header = [h.strip() for h in header]
    for name in header:
        at = input_limits.control_character(name)
        if at is not None:
            char = input_limits.describe_character(name[at])
            raise InputError(message("limits.csv_header_control", char=char), where_line(path, 1))
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            message(
                "files.csv_missing_columns", missing=", ".join(missing), header=", ".join(header)
            ),
            where_line(path, 1),
        )
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(
            message("files.csv_duplicate_columns", columns=", ".join(dupes)), where_line(path, 1)
        )
    rows: list[Row] = []
    try:
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                separator = message("files.semicolon" if german_excel else "files.comma")
                raise InputError(
                    message(
                        "files.csv_field_count",
                        fields=len(fields),
                        header=len(header),
                        separator=separator,
                    ),
                    where_line(path, line),
                )
            cells = [f.strip() for f in fields]
            for column, cell in zip(header, cells, strict=True):
                _check_cell(path, line, column, cell)
            if german_excel:
                cells = [_DECIMAL_COMMA.sub(r"\1.\2", c) for c in cells]
            rows.append((line, dict(zip(header, cells, strict=True))))
    except csv.Error as exc:
        raise InputError(
            message("files.csv_malformed", problem=exc), where_line(path, reader.line_num)
        ) from None
    return rows


def _check_cell(path, line: int, column: str, cell: str) -> None:
    """Refuse a CSV cell with a control character or over the length limit."""
    from potential import input_limits

    if len(cell) > input_limits.MAX_CSV_CELL:
        raise InputError(
            message(
                "limits.csv_cell", column=column, length=len(cell), limit=input_limits.MAX_CSV_CELL
            ),
            where_line(path, line),
        )
    at = input_limits.control_character(cell)
    if at is not None:
        char = input_limits.describe_character(cell[at])
        raise InputError(
            message("limits.csv_control", char=char, column=column), where_line(path, line)
        )


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
        If the file is missing, empty or not valid YAML (with line and column), or over a
        limit of :mod:`potential.input_limits` (size, nesting depth, nodes after aliases are
        expanded), checked before any object is built.
    """
    from potential import input_limits

    text = _read_text(path, input_limits.MAX_YAML_BYTES)
    try:
        input_limits.check_yaml_events(text, lambda line, col: where_line(path, line, col))
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except RecursionError:  # below the depth limit, but more than Python's stack allows
        raise InputError(
            message("limits.yaml_depth", limit=input_limits.MAX_YAML_DEPTH), str(path)
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, ESC …)
        before = text[: exc.position]
        where = where_line(path, before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1)
        char = exc.character
        char = input_limits.describe_character(chr(char) if isinstance(char, int) else char)
        raise InputError(message("limits.yaml_control", char=char), where) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = where_line(path, mark.line + 1, mark.column + 1) if mark else str(path)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())  # one line
        raise InputError(message("files.yaml_malformed", problem=problem), where) from None
    if data is None:
        raise InputError(message("files.yaml_empty"), str(path))
    return data


Writer = Callable[[Path], None]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Name of the provenance sidecar written by :func:`write_outputs`.
PROVENANCE_FILE = "provenance.json"

#: Parent of the commands' default output folders (``out/analyse``, ``out/scenario-run`` ...;
#: the command line's ``--out`` default follows the same rule).
OUT_ROOT = "out"


def default_folder(command: str) -> str:
    """The default output folder of a command: ``out/analyse``, ``out/scenario-run`` ..."""
    return f"{OUT_ROOT}/{command.replace(' ', '-')}"


def running_command() -> str | None:
    """The command line command now running (``"analyse"``, ``"scenario run"``), else ``None``.

    Read from click's current context, so library calls from a script or notebook give
    ``None``.
    """
    import sys

    if "click" not in sys.modules:
        return None
    import click

    return command_path(click.get_current_context(silent=True))


def command_path(ctx) -> str | None:
    """The command of a click context without the program name (``"scenario run"``)."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(reversed(names)) or None


def read_own_provenance(out_dir: Path) -> dict | None:
    """The ``provenance.json`` of an output folder if potential wrote it, else ``None``.

    Returns ``None`` when there is none. A ``provenance.json`` that is not one of ours (not
    JSON, or without a ``format`` and an ``outputs`` mapping) is a user's file: an
    :class:`InputError`, so that nothing is written over it.
    """
    import json

    path = Path(out_dir) / PROVENANCE_FILE
    if not path.is_file():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        record = None
    if not (
        isinstance(record, dict)
        and isinstance(record.get("format"), str)
        and isinstance(record.get("outputs"), dict)
    ):
        raise InputError(message("files.foreign_provenance"), str(path))
    return record


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unchanged(path: Path, entry) -> bool:
    return isinstance(entry, dict) and entry.get("sha256") == _digest(path)


def _plan(out_dir: Path, names, command: str | None) -> tuple[list[Path], dict]:
    """Check an output folder against its ``provenance.json`` before anything is written.

    Returns the earlier outputs to remove after the new ones are in place (listed, not
    rewritten now, unchanged since) and the files to list as ``user_changed`` (earlier
    outputs changed after their run, kept). Raises :class:`InputError` for a folder of
    another command, for a file of the user's by the name of an output, and for an output
    changed by the user that this run would overwrite.
    """
    old = read_own_provenance(out_dir)
    if old is None:
        old = {"outputs": {}}
    # a folder of one command's; a subfolder of another command's folder is in that folder
    parent = out_dir.parent
    try:
        above = read_own_provenance(parent) if parent != out_dir else None
    except InputError:  # a provenance.json of the user's above: not a folder of ours
        above = None
    for folder, record in ((out_dir, old), (parent, above)):
        other = (record or {}).get("command")
        if command and other and other != command:
            raise InputError(
                message(
                    "files.other_command",
                    other=other,
                    command=command,
                    folder=default_folder(command),
                ),
                str(folder),
            )
    listed = old["outputs"]
    earlier_kept = old.get("user_changed") or {}
    for name in names:
        path = out_dir / name
        if name == PROVENANCE_FILE or not path.is_file():
            continue
        if name in earlier_kept or (name in listed and not _unchanged(path, listed[name])):
            raise InputError(message("files.changed_by_user"), str(path))
        if name not in listed:
            raise InputError(message("files.not_written_by_tool"), str(path))
    stale, kept = [], {}
    for name, entry in [*listed.items(), *earlier_kept.items()]:
        path = out_dir / name
        if name in names or name in kept or not path.is_file():
            continue
        if name in listed and _unchanged(path, entry):
            stale.append(path)
        else:
            kept[name] = entry
    return stale, kept


def _check_name(name: str) -> None:
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or ".." in parts:
        raise ValueError(f"output name {name!r}: expected a path inside the output folder")


def write_outputs(
    out_dir: Path,
    outputs: Mapping[str, Writer],
    protect=(),
    provenance: dict | None = None,
    command: str | None = None,
    swap: bool | None = None,
) -> list[Path]:
    """Write several output files so that the set appears complete or not at all.

    With ``swap`` (the default for an output folder of its own, i.e. with ``provenance``),
    the writers write into a staging folder beside ``out_dir``, every other entry of the old
    folder is carried over by hard link, and the staging folder takes the place of
    ``out_dir`` in one step (:mod:`potential.folder_swap`): at every moment the folder holds
    either the complete old set or the complete new one, even if the run is killed. The
    folder is locked meanwhile (:func:`potential.locking.locked`): a second run into it
    waits, and a run killed earlier is cleaned up after (its staging folder and temporary
    files removed). Where the working folder lies inside ``out_dir`` (which a swap would
    pull away from under the shell), the files are written in place as below.

    Without ``swap``, each writer writes into a temporary file beside its target; only when
    all writers have succeeded are the temporary files moved onto their final names
    (``os.replace``, atomic on one file system). If any writer fails, the temporary files are
    removed and no output is touched.

    Parameters
    ----------
    out_dir : Path
        Target folder, created if missing.
    outputs : mapping of str to callable
        File name → function that writes the content to the path it is given. A name may
        lie in a subfolder (``report_files/heatmap.svg``).
    protect : iterable of Path
        Input files that must never be overwritten (an output with the same path is refused).
    provenance : dict, optional
        A provenance record (:func:`potential.provenance.run_record`). If given, ``out_dir``
        is an output folder of its own, and the set is written as one run of one command
        (see Notes): :data:`PROVENANCE_FILE` is written beside the outputs, with ``command``,
        ``outputs`` (the SHA-256 and size of every other file written) and ``user_changed``.
    command : str, optional
        The command writing the set (``"analyse"``, ``"scenario run"``); by default the
        command line command now running (:func:`running_command`), ``None`` in a script.
    swap : bool, optional
        Replace the folder as a whole (see above); default: with ``provenance``. A caller
        that passes ``swap=True`` without ``provenance`` (the survey import into a dataset
        folder) holds the folder's lock itself.

    Returns
    -------
    list of Path
        The paths written.

    Raises
    ------
    InputError
        A problem of the folder (see Notes), the lock held by another run for longer than
        :data:`potential.locking.WAIT_SECONDS`, or an error of the operating system while
        writing (disk full, no permission, a part of the path is a file): then nothing
        was changed.

    Notes
    -----
    With a provenance record, the folder's ``provenance.json`` describes exactly the files
    of the tool's own in it:

    * Outputs listed in the earlier ``provenance.json`` that this run does not write (a
      ``changes.csv`` of an earlier scenario run, the SMAA tables of an earlier
      ``analyse --smaa``) are removed after the new files are in place, but only if their
      SHA-256 is still the listed one. One changed since is the user's now: it is kept and
      listed under ``user_changed`` (name → the SHA-256 and size potential wrote).
    * Files the tool never wrote are never touched. If one has the name of an output (or an
      output was changed since its run and would be overwritten), nothing is written and an
      :class:`InputError` says which file to rename.
    * A folder holds the outputs of one command: another command into it is refused
      (:class:`InputError` naming the command's default folder); running the same command
      again replaces its outputs. A ``provenance.json`` not written by potential is never
      overwritten.

    Without a record, files are written or replaced and nothing else happens (data folders,
    survey workbooks).
    """
    out_dir = Path(out_dir)
    for name in outputs:
        _check_name(name)
    if provenance is not None:
        if PROVENANCE_FILE in outputs:
            raise ValueError(f"{PROVENANCE_FILE} is written from 'provenance', not as an output")
        outputs = {**outputs, PROVENANCE_FILE: None}
        command = command or running_command()
    if swap is None:
        swap = provenance is not None
    _check_parents(out_dir)
    try:
        if provenance is None:
            return _write_set(out_dir, outputs, protect, None, command, swap)
        from potential.locking import locked

        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(message("files.out_not_folder"), str(out_dir))
        with locked(out_dir):
            return _write_set(out_dir, outputs, protect, provenance, command, swap)
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else str(out_dir)
        raise InputError(message("files.cannot_write", reason=os_reason(exc)), where) from None


def _check_parents(out_dir: Path) -> None:
    """Refuse an output folder below a file (``bericht.pdf/out``) before anything is made."""
    for folder in Path(os.path.abspath(out_dir)).parents:
        if folder.exists():
            if not folder.is_dir():
                raise InputError(message("files.parent_is_file", folder=out_dir), str(folder))
            return


#: Called just before the folder is swapped (tests set it to kill the run at that step).
_before_swap = None


def _write_set(out_dir, outputs, protect, provenance, command, swap) -> list[Path]:
    """:func:`write_outputs` once the names are checked (and the folder locked, if own)."""
    from potential import folder_swap

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(message("files.out_not_folder"), str(out_dir))
    protected = {Path(p).resolve() for p in protect}
    targets = {name: out_dir / name for name in outputs}
    for path in targets.values():
        if path.resolve() in protected:
            raise InputError(message("files.is_input"), str(path))
        if path.exists() and not path.is_file():
            raise InputError(message("files.target_not_file"), str(path))
    if swap:
        folder_swap.clean_leftovers(out_dir, outputs)
    stale: list[Path] = []
    sidecar: dict = {}
    if provenance is not None:
        stale, kept = _plan(out_dir, set(outputs), command)
        sidecar = {**provenance, "command": command, "user_changed": kept}
    if swap and out_dir.is_symlink():
        out_dir = out_dir.resolve()
    if swap and not folder_swap.cwd_inside(out_dir):
        return _write_staged(out_dir, outputs, sidecar, stale)
    return _write_in_place(out_dir, outputs, targets, sidecar, stale)


def _write_staged(out_dir, outputs, sidecar, stale) -> list[Path]:
    """Write the set into a staging folder beside ``out_dir`` and swap it in whole
    (:mod:`potential.folder_swap`); the other entries of the old folder are carried over."""
    from potential import folder_swap

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = folder_swap.stage_folder(out_dir)
    try:
        written: dict[str, Path] = {}
        for name, writer in outputs.items():
            path = stage / name
            path.parent.mkdir(parents=True, exist_ok=True)
            written[name] = path
            if writer is None:
                _write_sidecar(path, sidecar, written)
            else:
                writer(path)
        if out_dir.is_dir():
            skip = [*outputs, *(p.relative_to(out_dir).as_posix() for p in stale)]
            folder_swap.carry_over(out_dir, stage, skip)
        folder_swap.swap_in(stage, out_dir, _before_swap)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
    return [out_dir / name for name in outputs]


def _write_in_place(out_dir, outputs, targets, sidecar, stale) -> list[Path]:
    """Write each file beside its target, then move all of them onto their names."""
    folders = sorted({path.parent for path in targets.values()})
    made = [f for f in folders if not f.exists()]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    backups: dict[Path, Path] = {}
    try:
        for name, writer in outputs.items():
            temps[name] = _temp_file(targets[name].parent, targets[name].name)
            if writer is None:
                _write_sidecar(temps[name], sidecar, temps)
            else:
                writer(temps[name])
        for path in targets.values():
            if path.exists():  # keep the old file until every new one is in place
                backups[path] = _temp_file(path.parent, path.name + ".old")
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
    except BaseException:
        for folder in reversed(made):  # subfolders made for this set (out_dir stays)
            _remove_if_empty(folder, out_dir)
        raise
    finally:
        for tmp in [*temps.values(), *backups.values()]:
            if tmp.exists():
                tmp.unlink()
    for path in stale:
        path.unlink(missing_ok=True)
        _remove_if_empty(path.parent, out_dir)
    return list(targets.values())


def _remove_if_empty(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``stop`` while they are empty."""
    folder, stop = Path(folder), Path(stop)
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): leave it
            return
        folder = folder.parent


#: CSV dialects of the output tables (:func:`write_csv`).
CSV_DIALECTS = ("standard", "de")


def check_csv_dialect(dialect: str) -> str:
    """``dialect`` if it is one of :data:`CSV_DIALECTS`, else a ``ValueError``."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(
            f"unknown CSV dialect {dialect!r}; expected one of {', '.join(CSV_DIALECTS)}"
        )
    return dialect


def write_csv(frame, path: Path, dialect: str = "standard", neutralise: bool = True) -> None:
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
    neutralise : bool
        On by default: text that a spreadsheet would evaluate as a formula (a cell or
        column name starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
        unless it is a plain number such as ``-3``) is written with a leading ``'``, so
        that Excel shows it as text (OWASP "CSV injection";
        :func:`potential.neutralise.csv_text`). Numbers keep their sign. ``False`` writes
        the text as it is, for scripts that read the file back.

    Notes
    -----
    :func:`read_csv_rows` reads both dialects; pandas reads ``"de"`` with
    ``read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")``.
    """
    check_csv_dialect(dialect)
    if neutralise:
        from potential.neutralise import neutralise_frame

        frame = neutralise_frame(frame)
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


def csv_writer(frame, dialect: str = "standard", neutralise: bool = True) -> Writer:
    """A writer for :func:`write_outputs` that writes ``frame`` with :func:`write_csv`
    (``neutralise`` as there: formula-like text prefixed with ``'``, on by default)."""
    check_csv_dialect(dialect)

    def write(path: Path) -> None:
        write_csv(frame, path, dialect, neutralise)

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
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".potential.tmp", dir=folder)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    return Path(tmp)
