"""A workspace: a folder the user owns with the criteria models, scenarios and dataset to edit.

The installed package carries its criteria models, scenarios and the embedded dataset as a
copy that is not meant to be edited. :func:`init` copies them into a folder of the user's:

* ``criteria/`` the criteria models (``ikz-egov-nrw.yaml``),
* ``scenarios/`` the scenarios (``heute.yaml`` ...),
* ``daten/`` the embedded dataset (``dataset.yaml`` and its tables),
* ``LIESMICH.md`` what is where and how to run.

Run from that folder (the working directory), the commands use these files first: a criteria
model's name resolves to ``./criteria/NAME.yaml``, no ``--data`` (or the embedded dataset's
name) to ``./daten``, a scenario's name to ``./scenarios/NAME.yaml``
(:func:`local_criteria`, :func:`local_dataset`, :func:`local_scenario`; used by
:func:`potential.criteria.resolve_criteria_path`, :func:`potential.datasets.resolve_dataset_path`
and :mod:`potential.scenarios.loading`). What a command used is recorded (:func:`recording`,
:func:`note`) so the command line can say which files, with their SHA-256, it read.

A workspace never loses a user's edits: :func:`init` refuses to write into a folder that holds
any of these files already, and writes atomically (all or nothing).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from potential.digests import dataset_digests, file_digest
from potential.errors import InputError
from potential.messages import message
from potential.resources import criteria_dir, data_dir, scenarios_dir

#: the folders of a workspace: criteria models, scenarios, the dataset
CRITERIA, SCENARIOS, DATA = "criteria", "scenarios", "daten"
#: the short German guide :func:`init` writes
README = "LIESMICH.md"
#: the embedded dataset :func:`init` copies
DATASET = "kreis-unna"
#: how many hex digits of a SHA-256 are shown
SHORT = 8

_SHIPPED = {CRITERIA: criteria_dir, SCENARIOS: scenarios_dir}


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:  # pragma: no cover - unreadable link
        return False


def folder(kind: str, cwd: str | Path | None = None) -> Path | None:
    """The workspace folder of a kind (``criteria``, ``scenarios``, ``daten``) in ``cwd``.

    ``None`` if there is none, or if it is the shipped folder itself (in a source checkout
    ``./criteria`` is the shipped copy, not a workspace).
    """
    path = Path.cwd() if cwd is None else Path(cwd)
    path = path / kind
    if not path.is_dir():
        return None
    shipped = _SHIPPED.get(kind)
    if shipped is not None and _same(path, shipped()):
        return None
    if kind == DATA and _same(path, data_dir()):
        return None
    return path


def is_workspace(cwd: str | Path | None = None) -> bool:
    """True if ``cwd`` (default: the working directory) has a workspace folder."""
    return any(folder(kind, cwd) is not None for kind in (CRITERIA, SCENARIOS, DATA))


def _plain_name(name) -> bool:
    return isinstance(name, str) and name and "/" not in name and "\\" not in name


def _yaml_in(base: Path | None, name: str) -> Path | None:
    if base is None:
        return None
    for candidate in (base / f"{name}.yaml", base / f"{name}.yml"):
        if candidate.is_file():
            return candidate
    return None


def local_criteria(name: str, cwd: str | Path | None = None) -> Path | None:
    """``./criteria/NAME.yaml`` of the workspace, if there is one (a plain name only)."""
    if not _plain_name(name) or name.endswith((".yaml", ".yml")):
        return None
    return _yaml_in(folder(CRITERIA, cwd), name)


def local_criteria_names(cwd: str | Path | None = None) -> list[str]:
    """Names of the criteria models in ``./criteria`` of the workspace."""
    base = folder(CRITERIA, cwd)
    return [] if base is None else sorted(p.stem for p in base.glob("*.y*ml"))


def local_scenario(name: str, cwd: str | Path | None = None) -> Path | None:
    """``./scenarios/NAME.yaml`` of the workspace, if there is one (a plain name only)."""
    if not _plain_name(name):
        return None
    base = folder(SCENARIOS, cwd)
    if base is not None and name.endswith((".yaml", ".yml")) and (base / name).is_file():
        return base / name
    return _yaml_in(base, name)


def local_scenario_names(cwd: str | Path | None = None) -> list[str]:
    """Names of the scenarios in ``./scenarios`` of the workspace."""
    base = folder(SCENARIOS, cwd)
    return [] if base is None else sorted(p.stem for p in base.glob("*.yaml"))


def _dataset_id(path: Path) -> str | None:
    from potential import files

    try:
        doc = files.read_yaml(path / "dataset.yaml")
    except InputError:
        return None
    return doc.get("id") if isinstance(doc, dict) else None


def local_dataset(name: str | None = None, cwd: str | Path | None = None) -> Path | None:
    """The dataset folder of the workspace for ``name``, if there is one.

    ``None`` (no ``--data``): ``./daten`` if it holds ``dataset.yaml``. A name:
    ``./daten/NAME`` if it holds a dataset, else ``./daten`` if its ``dataset.yaml`` has that
    id (so ``data: kreis-unna`` in a scenario means the workspace's copy).
    """
    base = folder(DATA, cwd)
    if base is None:
        return None
    if name is None:
        return base if (base / "dataset.yaml").is_file() else None
    if not _plain_name(name):
        return None
    if (base / name / "dataset.yaml").is_file():
        return base / name
    if (base / "dataset.yaml").is_file() and _dataset_id(base) == name:
        return base
    return None


# --- what a command used -------------------------------------------------------------------


def dataset_digest(path: str | Path) -> str:
    """SHA-256 of a dataset folder, as ``provenance.json`` records it (``data.sha256``)."""
    return dataset_digests(path)[0]


@dataclass(frozen=True)
class Used:
    """A file (or dataset folder) a command read.

    Attributes
    ----------
    kind : {"criteria", "scenario", "data"}
    path : Path
    shipped : bool
        True for the copy that comes with the package (not the workspace's, not the user's).
    """

    kind: str
    path: Path
    shipped: bool

    @property
    def sha256(self) -> str:
        """SHA-256 of the file, or of the dataset folder (:func:`dataset_digest`)."""
        return dataset_digest(self.path) if self.path.is_dir() else file_digest(self.path)

    def shown_path(self) -> str:
        """The path as printed: ``./criteria/x.yaml`` inside the working directory."""
        path = self.path.resolve()
        try:
            return "./" + path.relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def line(self, lang: str | None = None) -> str:
        """``Kriterienmodell: ./criteria/ikz-egov-nrw.yaml (sha256 1a2b3c4d…)``."""
        key = "workspace.used_shipped" if self.shipped else "workspace.used"
        return message(
            key,
            lang=lang,
            kind=message(f"workspace.kind.{self.kind}", lang=lang),
            path=self.shown_path(),
            digest=self.sha256[:SHORT],
        )


_log: list[Used] | None = None


@contextlib.contextmanager
def recording():
    """Record the files resolved inside the ``with`` block; yields the list of :class:`Used`."""
    global _log
    before, _log = _log, []
    try:
        yield _log
    finally:
        _log = before


def _is_shipped(path: Path) -> bool:
    path = path.resolve()
    return any(path.is_relative_to(d().resolve()) for d in (criteria_dir, scenarios_dir, data_dir))


def note(kind: str, path: str | Path) -> None:
    """Record that a file (or dataset folder) of a kind was used (if :func:`recording`)."""
    if _log is None:
        return
    path = Path(path)
    if not path.exists():
        return
    if any(u.kind == kind and _same(u.path, path) for u in _log):
        return
    _log.append(Used(kind, path, _is_shipped(path)))


def used_lines(used, lang: str | None = None) -> list[str]:
    """One line per file used (:meth:`Used.line`): criteria model, scenarios, dataset."""
    order = {"criteria": 0, "scenario": 1, "data": 2}
    return [u.line(lang) for u in sorted(used, key=lambda u: order.get(u.kind, 3))]


# --- init -----------------------------------------------------------------------------------

LIESMICH = """\
# Arbeitsordner für die Potenzialanalyse (IKZ im E-Government)

Dieser Ordner gehört Ihnen: Hier können Sie das Kriterienmodell, die Szenarien und den
Datensatz ändern. Die Befehle von `potential`, in diesem Ordner aufgerufen, nehmen diese
Dateien statt der mitgelieferten Fassungen.

| Ordner | Inhalt |
|---|---|
| `criteria/` | Kriterienmodell(e), z. B. `ikz-egov-nrw.yaml`: Kriterien und ihre Gewichte |
| `scenarios/` | Szenarien, z. B. `heute.yaml`: Fragen an die Analyse mit ihren Änderungen |
| `daten/` | der Datensatz: `dataset.yaml` und die Tabellen (CSV) mit Quellen |

So rechnen Sie (in diesem Ordner):

    potential analyse                # criteria/ikz-egov-nrw.yaml mit den Daten in daten/
    potential scenario run heute     # das Szenario scenarios/heute.yaml
    potential --lang en analyse      # dasselbe auf Englisch

Jeder Befehl nennt auf der Konsole, welche Dateien er benutzt hat, mit Pfad und
SHA-256-Prüfsumme, z. B. `Kriterienmodell: ./criteria/ikz-egov-nrw.yaml (sha256 1a2b3c4d…)`;
`provenance.json` im Ausgabeordner hält dasselbe fest. Wird eine mitgelieferte Fassung
benutzt (etwa weil `criteria/` hier fehlt), steht das dabei.

Daten ändern: Die Tabellen in `daten/` lassen sich mit Excel oder einem Texteditor
bearbeiten; jede Zahl braucht eine Quelle (`sources.csv`) oder eine Annahme mit Begründung.
`potential validate daten` prüft den Datensatz. Datumsangaben dürfen als TT.MM.JJJJ
(01.01.2027) oder JJJJ-MM-TT (2027-01-01) geschrieben werden.

`potential init` überschreibt nie etwas: Ein zweiter Aufruf in diesem Ordner bricht ab,
ohne etwas zu ändern.
"""


def _sources() -> dict[str, list[Path]]:
    """Shipped files to copy: target folder → files."""

    def files_in(folder_path: Path) -> list[Path]:
        return sorted(
            p for p in folder_path.iterdir() if p.is_file() and not p.name.startswith((".", "~"))
        )

    return {
        CRITERIA: sorted(criteria_dir().glob("*.yaml")),
        SCENARIOS: [p for p in files_in(scenarios_dir()) if p.suffix in (".yaml", ".md", ".py")],
        DATA: files_in(data_dir() / DATASET),
    }


def planned(target: str | Path) -> list[Path]:
    """The files :func:`init` would write into ``target``, in order."""
    target = Path(target)
    out = [target / kind / p.name for kind, paths in _sources().items() for p in paths]
    return [*out, target / README]


def init(target: str | Path = ".") -> list[Path]:
    """Copy the shipped criteria models, scenarios and the embedded dataset into ``target``.

    Parameters
    ----------
    target : str or Path
        The workspace folder; created if missing (default: the working directory).

    Returns
    -------
    list of Path
        The files written: ``criteria/*.yaml``, ``scenarios/*``, ``daten/*`` and
        ``LIESMICH.md``.

    Raises
    ------
    InputError
        If ``target`` is a file, or already holds ``criteria``, ``scenarios``, ``daten`` or
        ``LIESMICH.md`` (naming them): nothing is written, so a user's edits are never lost.

    Notes
    -----
    Everything is written into a temporary folder inside ``target`` first and then moved into
    place by renaming; a new ``target`` is itself renamed into place in one step, so an
    interrupted run leaves no half workspace. A failure while moving takes back what was moved.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise InputError(message("workspace.not_a_folder"), str(target))
    tops = [CRITERIA, SCENARIOS, DATA, README]
    taken = [target / t for t in tops if (target / t).exists() or (target / t).is_symlink()]
    if taken:
        raise InputError(
            message("workspace.exists", names=", ".join(tops)),
            ", ".join(str(p) for p in taken),
        )
    new = not target.exists()
    parent = target.resolve().parent if new else target
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".potential-init-", dir=parent))
    try:
        for kind, paths in _sources().items():
            (work / kind).mkdir()
            for path in paths:
                shutil.copy2(path, work / kind / path.name)
        (work / README).write_text(LIESMICH, encoding="utf-8")
        if new:
            os.replace(work, target)  # one rename: the whole workspace or nothing
        else:
            moved = []
            try:
                for name in tops:
                    os.rename(work / name, target / name)
                    moved.append(target / name)
            except OSError:
                for path in reversed(moved):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return planned(target)
