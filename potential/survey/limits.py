"""Limits on an answer file, checked before openpyxl reads it.

A filled questionnaire is small: the template for all 11 bodies of Kreis Unna has about
40 kB, 17 zip members (250 kB unpacked), 8 sheets, at most 206 rows and 21 columns. The
limits below are far above that and far below what makes an import hang or run out of
memory (a single cell at ``XFD1048576`` makes openpyxl walk 17 billion empty cells).

The workbook is looked at with :mod:`zipfile` and a streaming parse
(:func:`xml.etree.ElementTree.iterparse`) of its sheets: nothing is expanded into objects,
and the parse stops at the first element over a limit. :func:`workbook_problem` returns the
first limit broken, as a message key and its values, or ``None``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import ParseError, iterparse

#: Largest answer file, in bytes (20 MB): 500 times the filled template for all bodies.
MAX_FILE_BYTES = 20_000_000

#: Most members of the zip archive: the template has 17; images or comments add a few.
MAX_MEMBERS = 1_000

#: Largest sum of the unpacked sizes of the members (100 MB): 5 000 rows × 200 columns of
#: 100-byte cells; the template unpacks to 250 kB.
MAX_UNPACKED_BYTES = 100_000_000

#: Highest compression ratio of a member larger than :data:`RATIO_FROM_BYTES`: sheet XML
#: packs 5–20 : 1 (the template at most 9 : 1); a zip bomb packs 1 000 : 1 and more.
MAX_RATIO = 200

#: Members below this unpacked size (1 MB) are not checked for their ratio: they cannot
#: hurt, however well they pack.
RATIO_FROM_BYTES = 1_000_000

#: Most sheets: the template has 8; a few copies or notes sheets stay far below.
MAX_SHEETS = 50

#: Most rows of a sheet, declared or filled: the template has at most 206 (the hidden
#: metadata sheet); a county with 400 bodies and 10 fields stays below 5 000.
MAX_ROWS = 5_000

#: Most columns of a sheet, declared or filled: the template has at most 21.
MAX_COLUMNS = 200

#: Most shared strings (distinct texts of the workbook): the template has a few hundred.
MAX_SHARED_STRINGS = 100_000

#: Longest text of a cell, in characters: a remark is a few hundred; Excel itself allows
#: 32 767.
MAX_CELL_CHARS = 10_000

#: what reading a damaged archive raises: a bad header or CRC, bad deflate data, an
#: unknown compression or an encrypted member, broken XML, a member cut short
DAMAGED_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    ParseError,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    KeyError,
    UnicodeDecodeError,
)


def workbook_problem(data: bytes) -> tuple[str, dict] | None:
    """The first limit an answer file breaks, or ``None``.

    Parameters
    ----------
    data : bytes
        The file's content (a zip archive that is an .xlsx workbook; other kinds of file are
        told apart before, by :func:`potential.survey.reading_file._sniff`).

    Returns
    -------
    (str, dict) or None
        A message key of :mod:`potential.messages.survey_limits` and its values, e.g.
        ``("survey.limits.rows", {"sheet": "Handlungsfelder", "found": "1048576",
        "limit": "5000"})``.
    """
    if len(data) > MAX_FILE_BYTES:
        return "survey.limits.file_size", {
            "found": megabytes(len(data)),
            "limit": megabytes(MAX_FILE_BYTES),
        }
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return _archive_problem(z)
    except DAMAGED_ERRORS as exc:
        return "survey.limits.damaged", {"error": type(exc).__name__}


def _archive_problem(z: zipfile.ZipFile) -> tuple[str, dict] | None:
    infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        return "survey.limits.members", {"found": _n(len(infos)), "limit": _n(MAX_MEMBERS)}
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        return "survey.limits.unpacked", {
            "found": megabytes(total),
            "limit": megabytes(MAX_UNPACKED_BYTES),
        }
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            return "survey.limits.ratio", {
                "member": info.filename,
                "found": _n(round(ratio)),
                "limit": _n(MAX_RATIO),
            }
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with z.open(info) as f:
                head = f.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                return "survey.limits.doctype", {"member": info.filename}
    names = {i.filename for i in infos}
    sheets = _sheet_names(z) if "xl/workbook.xml" in names else []
    if len(sheets) > MAX_SHEETS:
        return "survey.limits.sheets", {"found": _n(len(sheets)), "limit": _n(MAX_SHEETS)}
    if "xl/sharedStrings.xml" in names:
        count = _count(z, "xl/sharedStrings.xml", "si", MAX_SHARED_STRINGS)
        if count > MAX_SHARED_STRINGS:
            return "survey.limits.shared_strings", {
                "found": _n(MAX_SHARED_STRINGS + 1),
                "limit": _n(MAX_SHARED_STRINGS),
            }
    members = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    titles = _sheet_titles(z, sheets)
    for member in members:
        found = _sheet_extent(z, member)
        if found is not None:
            what, value, declared = found
            limit = MAX_ROWS if what == "rows" else MAX_COLUMNS
            key = f"survey.limits.{what}{'_declared' if declared else ''}"
            return key, {
                "sheet": titles.get(member, member),
                "found": _n(value),
                "limit": _n(limit),
            }
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_names(z) -> list[tuple[str, str]]:
    """(name, relationship id) of each sheet listed in ``xl/workbook.xml``."""
    sheets = []
    with z.open("xl/workbook.xml") as f:
        for _, elem in iterparse(f, events=("end",)):
            if _local(elem.tag) == "sheet":
                rid = next((v for k, v in elem.attrib.items() if _local(k) == "id"), "")
                sheets.append((elem.get("name", ""), rid))
                if len(sheets) > MAX_SHEETS:
                    break
            elif _local(elem.tag) == "sheets":
                break
    return sheets


def _sheet_titles(z, sheets) -> dict[str, str]:
    """Member name (``xl/worksheets/sheet3.xml``) → sheet title, as far as it is known."""
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in z.namelist():
        return {}
    targets = {}
    with z.open(rels) as f:
        for _, elem in iterparse(f, events=("end",)):
            if _local(elem.tag) == "Relationship":
                target = elem.get("Target", "").lstrip("/")
                if not target.startswith("xl/"):
                    target = "xl/" + target
                targets[elem.get("Id")] = target
                if len(targets) > MAX_MEMBERS:
                    break
    return {targets[rid]: name for name, rid in sheets if rid in targets}


def _count(z, member: str, tag: str, limit: int) -> int:
    """How many ``tag`` elements ``member`` has, counting no further than ``limit + 1``."""
    count = 0
    with z.open(member) as f:
        for _, elem in iterparse(f, events=("end",)):
            if _local(elem.tag) == tag:
                count += 1
                elem.clear()
                if count > limit:
                    break
    return count


def _sheet_extent(z, member: str) -> tuple[str, int, bool] | None:
    """The first bound a sheet breaks: ``("rows" | "columns", value, declared)``, or ``None``.

    The declared size is the ``<dimension ref="A1:M69"/>`` element; the filled size the
    ``r`` attributes of its rows and cells (or, where they are left out, their count).
    """
    row = col = 0
    with z.open(member) as f:
        for event, elem in iterparse(f, events=("start", "end")):
            tag = _local(elem.tag)
            if event == "start":
                if tag == "dimension":
                    last = elem.get("ref", "").split(":")[-1]
                    rows, cols = _cell_ref(last)
                    if rows > MAX_ROWS:
                        return "rows", rows, True
                    if cols > MAX_COLUMNS:
                        return "columns", cols, True
                elif tag == "row":
                    r = elem.get("r")
                    row = int(r) if r and r.isdigit() else row + 1
                    if row > MAX_ROWS:
                        return "rows", row, False
                    col = 0
                elif tag == "c":
                    ref = elem.get("r")
                    col = _cell_ref(ref)[1] if ref else col + 1
                    if col > MAX_COLUMNS:
                        return "columns", col, False
            elif tag in ("row", "sheetPr", "cols"):
                elem.clear()
    return None


def _cell_ref(ref: str) -> tuple[int, int]:
    """(row, column) of ``XFD1048576``; ``(0, 0)`` for what is not a cell reference."""
    letters = "".join(ch for ch in ref if ch.isascii() and ch.isalpha()).upper()
    digits = "".join(ch for ch in ref if ch.isdigit())
    col = 0
    for ch in letters[:4]:
        col = col * 26 + ord(ch) - ord("A") + 1
    return (int(digits[:9]) if digits else 0), col


def _n(value: int) -> str:
    """A count as it is shown in both languages: ``1048576``."""
    return str(value)


def megabytes(size: int) -> str:
    """A size as users read it: ``20,0 MB``."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
