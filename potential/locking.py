"""Locks on folders, so that two runs never write into one folder at the same time.

A run that writes an output folder, or imports survey answers into a dataset folder, holds
the folder's lock while it reads what is there and writes its files. The lock is a file
beside the folder, ``.<folder>.potential.lock``, holding the process id, the host and the
time it was taken; the operating system's file lock on it (``fcntl.flock`` on Linux and
macOS, ``msvcrt.locking`` on Windows) is what actually excludes the other run, so a lock of a
run that was killed is free at once, whatever the file says.

A second run waits for the lock (:data:`WAIT_SECONDS`, or the environment variable
``POTENTIAL_LOCK_WAIT``) and then goes on with what the first one wrote; if the lock is still
held after that, it stops with an :class:`~potential.errors.InputError` that names the lock
file, the process holding it and since when.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from potential.errors import InputError
from potential.messages import message

#: Seconds a run waits for a lock held by another run before it gives up. A run of the tool
#: writes its files in well under a minute (``analyse`` about 3 s, a survey import about
#: 2 s), so a minute is enough for another run to finish; a lock held longer than that is a
#: run that hangs, and the user is told which one.
WAIT_SECONDS = 60.0

#: Environment variable that sets the wait in seconds (``0``: do not wait).
ENV_WAIT = "POTENTIAL_LOCK_WAIT"

_POLL = 0.05


def lock_path(folder: Path) -> Path:
    """The lock file of a folder: ``.<name>.potential.lock`` beside it."""
    folder = Path(os.path.abspath(folder))
    return folder.parent / f".{folder.name}.potential.lock"


def _wait_seconds(wait: float | None) -> float:
    if wait is not None:
        return float(wait)
    text = os.environ.get(ENV_WAIT, "").strip()
    try:
        value = float(text) if text else WAIT_SECONDS
    except ValueError:
        value = WAIT_SECONDS
    return value if value >= 0 and value == value else WAIT_SECONDS


def _try_lock(fd: int) -> bool:
    """Take the operating system's exclusive lock on ``fd`` without waiting."""
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(path: Path) -> str:
    """What the lock file says of the run holding it (``PID 123 auf host seit …``)."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    fields = dict(part.split("=", 1) for part in text.split() if "=" in part)
    if "pid" not in fields:
        return message("locking.holder_unknown")
    return message(
        "locking.holder",
        pid=fields.get("pid", "?"),
        host=fields.get("host", "?"),
        since=fields.get("since", "?"),
    )


@contextlib.contextmanager
def locked(folder: Path, wait: float | None = None) -> Iterator[Path]:
    """Hold the lock of ``folder`` inside the ``with`` block.

    Parameters
    ----------
    folder : Path
        The folder to lock; it need not exist (its parent is made if missing).
    wait : float, optional
        Seconds to wait for a lock another run holds; default :data:`WAIT_SECONDS` or
        ``POTENTIAL_LOCK_WAIT``.

    Yields
    ------
    Path
        The lock file.

    Raises
    ------
    InputError
        The lock is still held by another run after ``wait`` seconds (the message names the
        lock file, and the process id, host and time the lock file records).

    Notes
    -----
    The lock file is removed when the lock is released. A run that opened the file just
    before it was removed finds, once it has the lock, that the path no longer leads to the
    file it holds, and tries again; so two runs never hold two different files at once.
    Locks are not re-entrant: a run must not lock the same folder twice.
    """
    path = lock_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + _wait_seconds(wait)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        if _try_lock(fd):
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                break
            _unlock(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise InputError(message("locking.held", holder=_holder(path)), str(path))
        time.sleep(_POLL)
    try:
        since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        record = f"pid={os.getpid()} host={socket.gethostname()} since={since}\n"
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, record.encode("utf-8"))
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
