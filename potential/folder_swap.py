"""Replacing a whole output folder at once, and cleaning up after a run that was killed.

:func:`swap_in` writes a run's files into a staging folder beside the target
(``.<name>.<random>.potential.tmp``), carries every other entry of the old folder over (hard
links, so nothing is copied and the user's own files stay the very same files) and then
exchanges the two folders in one step: ``renameat2(RENAME_EXCHANGE)`` on Linux, so that at
every moment the folder's path leads either to the complete old set or to the complete new
set. Where the exchange is not available (another system, a file system without it), the old
folder is first renamed to ``.<name>.<random>.potential.old`` and the new one put in its
place; a run killed between the two renames leaves the old folder under that name, and
:func:`clean_leftovers` (called by the next run, holding the folder's lock) puts it back.

:func:`clean_leftovers` also removes staging folders and temporary files of runs that were
killed, recognised by their names, and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

STAGE_SUFFIX = ".potential.tmp"
OLD_SUFFIX = ".potential.old"

# temporary files of potential.files._temp_file: ".<name>.<8 random>.tmp" (mkstemp's random
# part is 8 characters of [a-z0-9_]); earlier versions wrote them without "potential."
_TEMP_FILE = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}(\.potential)?\.tmp$")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def stage_folder(target: Path) -> Path:
    """A new, empty staging folder beside ``target`` (mode as the target's, else the umask)."""
    target = Path(target)
    stage = Path(
        tempfile.mkdtemp(prefix=f".{target.name}.", suffix=STAGE_SUFFIX, dir=target.parent)
    )
    if target.is_dir():
        shutil.copymode(target, stage)
    else:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(stage, 0o777 & ~mask)
    return stage


def carry_over(old: Path, new: Path, skip: Iterable[str]) -> None:
    """Hard-link every entry of ``old`` into ``new`` except the relative paths in ``skip``.

    Entries already in ``new`` are left as they are. A file that cannot be linked (another
    file system) is copied with its metadata; a symbolic link is copied as a link. A folder
    of ``old`` whose entries were all skipped (outputs removed as stale) is not carried.
    Temporary files of killed runs (:data:`_TEMP_FILE`) are not carried.
    """
    skip = {Path(s).as_posix() for s in skip}
    _carry(Path(old), Path(new), Path(), skip)


def _carry(old: Path, new: Path, rel: Path, skip: set[str]) -> None:
    for entry in sorted(os.scandir(old / rel), key=lambda e: e.name):
        path = rel / entry.name
        if path.as_posix() in skip or _TEMP_FILE.match(entry.name):
            continue
        source, target = old / path, new / path
        if entry.is_symlink():
            if not os.path.lexists(target):
                os.symlink(os.readlink(source), target)
        elif entry.is_dir():
            made = not target.exists()
            if made:
                target.mkdir()
            _carry(old, new, path, skip)
            if made:
                shutil.copystat(source, target)
                if not any(target.iterdir()) and any(source.iterdir()):
                    target.rmdir()  # held only outputs that are gone now
        elif not target.exists():
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; ``False`` where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # an old C library
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    import errno

    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(stage: Path, target: Path, before_swap: Callable[[], None] | None = None) -> None:
    """Put the finished staging folder in the place of ``target`` (made or replaced).

    Afterwards ``stage`` holds the old folder (or is gone); the caller removes it.
    ``before_swap`` is called just before the folder changes (tests kill the run there).
    """
    if before_swap is not None:
        before_swap()
    if not target.exists():
        os.rename(stage, target)
        return
    if exchange(stage, target):
        return
    old = target.parent / f".{target.name}.{secrets.token_hex(4)}{OLD_SUFFIX}"
    os.rename(target, old)
    try:
        os.rename(stage, target)
    except BaseException:
        os.rename(old, target)
        raise
    os.rename(old, stage)


def clean_leftovers(target: Path, names: Iterable[str] = ()) -> list[Path]:
    """Remove what killed runs into ``target`` left behind; return what was removed.

    * A folder ``.<name>.*.potential.old`` beside ``target`` while ``target`` is missing is
      the old folder of a run killed in the middle of a swap: it is put back.
    * Staging folders ``.<name>.*.potential.tmp`` (and old folders beside an existing
      ``target``) are removed.
    * In ``target`` and in the folders of ``names`` (its outputs), temporary files
      ``.<file>.<8 characters>.tmp`` are removed.

    Call it only while holding the folder's lock (:func:`potential.locking.locked`), so that
    no running run's files are taken for leftovers.
    """
    target = Path(target)
    removed: list[Path] = []
    parent = target.parent
    if not parent.is_dir():
        return removed
    prefix = f".{target.name}."
    mine = [
        p
        for p in parent.iterdir()
        if p.name.startswith(prefix)
        and p.name.endswith((STAGE_SUFFIX, OLD_SUFFIX))
        and p.is_dir()
        and not p.is_symlink()
    ]
    for path in sorted(mine):
        if path.name.endswith(OLD_SUFFIX) and not target.exists():
            os.rename(path, target)
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    if target.is_dir():
        folders = {target, *((target / n).parent for n in names)}
        for folder in sorted(folders):
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if _TEMP_FILE.match(path.name) and path.is_file():
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
    return removed


def cwd_inside(folder: Path) -> bool:
    """Whether the working folder is ``folder`` or lies in it (then it is not swapped)."""
    try:
        here = Path.cwd().resolve()
    except OSError:
        return False
    folder = Path(folder).resolve()
    return here == folder or folder in here.parents
