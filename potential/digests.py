"""SHA-256 fingerprints of files and dataset folders (light: no pandas, for the CLI too)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_digests(path: str | Path) -> tuple[str, dict[str, str]]:
    """The digest of a dataset folder and the SHA-256 of each of its files.

    The files are ``dataset.yaml`` and the tables of :data:`potential.datasets.TABLES` that
    exist; the folder's digest is the SHA-256 of the lines ``name:sha256``, in that order
    (what ``provenance.json`` records as ``data.sha256``).
    """
    from potential.datasets import TABLES

    folder = Path(path)
    names = ["dataset.yaml", *(n for n in TABLES if (folder / n).is_file())]
    digests = {n: file_digest(folder / n) for n in names}
    combined = hashlib.sha256("".join(f"{n}:{d}\n" for n, d in digests.items()).encode())
    return combined.hexdigest(), digests
