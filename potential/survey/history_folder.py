"""The ``.history`` folder of a dataset: the previous files of every merge, and restoring.

Each merge that changes files keeps their previous version in ``.history/NNNN/`` with a
``manifest.json``; :func:`history` lists the manifests and :func:`restore` puts an entry
back (keeping the files as they are now as a new entry).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from potential import files
from potential.errors import InputError
from potential.messages import message
from potential.survey import layout as L
from potential.survey.tables import _bytes_writer

HISTORY = ".history"
MANIFEST = "manifest.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _next_entry(folder: Path) -> Path:
    root = folder / HISTORY
    numbers = (
        [int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit()]
        if (root.is_dir())
        else []
    )
    return root / f"{max(numbers, default=0) + 1:04d}"


def _keep_history(work, outputs, report, answers, accept, partial) -> Path:
    """Copy the files about to change into ``.history/NNNN/`` with a manifest."""
    entry = _next_entry(work)
    previous = {}
    before = {}
    for name in sorted(outputs):
        path = work / name
        if path.exists():
            data = path.read_bytes()
            previous[name] = data
            before[name] = _sha(data)
        else:
            before[name] = None
    inputs = []
    for a in answers:
        path = Path(a.file)
        sha = _sha(path.read_bytes()) if path.is_file() else None
        inputs.append({"file": a.file, "sha256": sha, "merged": a.file in report.merged})
    manifest = {
        "entry": int(entry.name),
        "made_by": "potential.survey.merge",
        "template": L.VERSION,
        "accept": accept,
        "partial": partial,
        "answers": inputs,
        "files": {
            name: {"before": before[name], "after": _sha(outputs[name])}
            for name in sorted(outputs)
        },
        "restore": (
            "copy the files of this folder back into the dataset folder and delete the files "
            "whose 'before' is null; or call potential.survey.restore(folder, entry)"
        ),
        "changes": [asdict(c) for c in report.changes if c.status != "pending"],
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n"
    writers = {name: _bytes_writer(data) for name, data in previous.items()}
    writers[MANIFEST] = _bytes_writer(text.encode("utf-8"))
    files.write_outputs(entry, writers)
    return entry


def history(into) -> list[dict]:
    """The manifests of a folder's history entries, oldest first."""
    root = Path(into) / HISTORY
    if not root.is_dir():
        return []
    entries = sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    return [json.loads((p / MANIFEST).read_text(encoding="utf-8")) for p in entries]


def restore(into, entry: int | None = None) -> Path:
    """Put the files of a history entry back as they were before that merge.

    The files as they are now are kept as a new history entry first, so a restore can be
    undone the same way.

    Parameters
    ----------
    into : str or Path
        The dataset folder.
    entry : int, optional
        The entry number (``.history/0003`` is 3); default the latest.

    Returns
    -------
    Path
        The new history entry that keeps the state before the restore.
    """
    from potential.locking import locked

    into = Path(into)
    with locked(into):
        return _restore_locked(into, entry)


def _restore_locked(into: Path, entry) -> Path:
    """:func:`restore` while holding the folder's lock."""
    root = into / HISTORY
    entries = (
        sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
        if (root.is_dir())
        else []
    )
    if not entries:
        raise InputError(message("survey.no_history"), str(into))
    folder = entries[-1] if entry is None else root / f"{int(entry):04d}"
    if not (folder / MANIFEST).is_file():
        names = ", ".join(str(int(p.name)) for p in entries)
        raise InputError(message("survey.no_history_entry", entry=entry, names=names), str(into))
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    back = {name: (folder / name).read_bytes() for name, f in manifest["files"].items()
            if f["before"] is not None}  # fmt: skip
    remove = [name for name, f in manifest["files"].items() if f["before"] is None]
    now = {
        name: (into / name).read_bytes() for name in manifest["files"] if (into / name).exists()
    }
    keep = _next_entry(into)
    record = {
        "entry": int(keep.name),
        "made_by": "potential.survey.restore",
        "restores": int(folder.name),
        "files": {
            name: {
                "before": _sha(now[name]) if name in now else None,
                "after": _sha(back[name]) if name in back else None,
            }
            for name in sorted(manifest["files"])
        },
    }
    writers = {name: _bytes_writer(data) for name, data in now.items()}
    writers[MANIFEST] = _bytes_writer(
        (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    )
    files.write_outputs(keep, writers)
    if back:
        files.write_outputs(into, {name: _bytes_writer(data) for name, data in back.items()})
    for name in remove:
        if (into / name).exists():
            (into / name).unlink()
    return keep
