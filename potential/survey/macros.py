"""Refuse macro-enabled workbooks in the survey import (issue 16).

The import reads values only and never runs a macro, but a workbook with macros passed on
from one office to the next is a risk the working group does not need: the questionnaire
is a plain ``.xlsx``. A file is refused if it is named ``.xlsm``, if its zip holds a VBA
project (``vbaProject.bin``, anywhere), or if its ``[Content_Types].xml`` declares the
macro-enabled main part (what Excel writes for ``.xlsm``, kept when the file is renamed
``.xlsx``).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from potential.errors import InputError
from potential.messages import message

#: Content type of a macro-enabled workbook's main part (``.xlsm``, ``.xltm``).
MACRO_CONTENT_TYPE = b"macroenabled"

#: At most this many bytes of ``[Content_Types].xml`` are read: Excel's is about 2 kB, so
#: 1 MB is ample and keeps a crafted archive from making the check itself costly.
MAX_CONTENT_TYPES_BYTES = 1_000_000


def macro_part(path: str | Path, data: bytes | None = None) -> str | None:
    """What marks ``path`` as macro-enabled (a file or part name), or ``None``.

    ``data`` are the file's bytes if they are read already (the archive is then not opened
    again). A file that is not a readable zip archive gives ``None``: that is reported as a
    damaged workbook by the reader, not here.
    """
    path = Path(path)
    if path.suffix.casefold() in (".xlsm", ".xltm"):
        return path.name
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as z:
            names = z.namelist()
            for name in names:
                if name.rsplit("/", 1)[-1].casefold() == "vbaproject.bin":
                    return name
            if "[Content_Types].xml" in names:
                with z.open("[Content_Types].xml") as f:
                    types = f.read(MAX_CONTENT_TYPES_BYTES)
                if MACRO_CONTENT_TYPE in types.lower():
                    return "[Content_Types].xml"
    except (
        OSError,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        KeyError,
        ValueError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ):
        return None
    return None


def refuse_macros(path: str | Path) -> None:
    """:class:`InputError` naming ``path`` if the workbook is macro-enabled (:func:`macro_part`).

    Raises
    ------
    InputError
        ``<path>: enthält Makros (…); erwartet: eine Arbeitsmappe ohne Makros (.xlsx) …``.
    """
    part = macro_part(path)
    if part is not None:
        raise InputError(message("neutralise.macros", part=part), str(path))
