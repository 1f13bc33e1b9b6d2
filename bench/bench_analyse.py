"""Wall time of ``python -m potential analyse`` end to end; see bench/README.md.

Run as ``python bench/bench_analyse.py``. Each command runs in a subprocess (the same
Python, a new empty working folder, so no workspace is found and the embedded data are
used), timed with ``time.perf_counter`` around the whole process, best of ``--repeat`` runs
(default 5; ``--quick``: 1):

1. ``python -m potential analyse --out <new folder>``: the default analysis, its six tables,
   the workbook and provenance written, the top options printed;
2. baselines of the same run: ``python -c pass`` (the bare interpreter start) and ``python
   -m potential --version`` (the start of the command line: the floor every command pays);
3. the import of ``potential.cli`` alone, timed inside a child process
   (``time.perf_counter`` around ``import potential.cli``, after the interpreter start).

Prints the figures, ``analyse`` as a multiple of each baseline and what it costs above
``--version``, and whether ``analyse`` is under the 1.5 s target (OK / NOT YET). For
information, the largest imports of one ``analyse`` run (``-X importtime``). The exit status
is 0 either way.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.5
IMPORT_CLI = (
    "import time; t = time.perf_counter(); import potential.cli; print(time.perf_counter() - t)"
)


def _env() -> dict:
    env = dict(os.environ)
    env.pop("POTENTIAL_LANG", None)  # German, the default
    return env


def run(args: list[str], cwd: Path) -> tuple[float, str, str]:
    """Wall time of one child process, with its output; raises if it fails."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=_env(), capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stdout, done.stderr


def best_of(args_of, repeat: int, cwd: Path) -> float:
    """The shortest wall time of ``repeat`` runs; ``args_of(i)`` gives run i's arguments."""
    return min(run(args_of(i), cwd)[0] for i in range(repeat))


def largest_imports(cwd: Path, count: int = 6) -> list[str]:
    """The slowest imports of one ``analyse`` run that no other import triggered.

    From ``-X importtime``: the entries at the top of the import stack (the imports of the
    command line and those a command makes when it runs), by cumulative time.
    """
    _, _, err = run(["-X", "importtime", "-m", "potential", "analyse", "--out", "imp"], cwd)
    top = []
    for line in err.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3:
            continue
        cumulative, name = parts[1].strip(), parts[2]
        if cumulative.isdigit() and not name[1:].startswith(" "):
            top.append((int(cumulative), name.strip()))
    top.sort(reverse=True)
    return [f"{name} {us / 1e6:.2f} s" for us, name in top[:count]]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each")
    parser.add_argument("--repeat", type=int, default=None, help="runs of each (best of)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)

    import numpy as np
    import pandas as pd

    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__},"
        f" {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-analyse-") as tmp:
        cwd = Path(tmp)
        run(["-m", "potential", "--version"], cwd)  # untimed: a warm file cache
        bare = best_of(lambda i: ["-c", "pass"], repeat, cwd)
        version = best_of(lambda i: ["-m", "potential", "--version"], repeat, cwd)
        cli = min(float(run(["-c", IMPORT_CLI], cwd)[1]) for _ in range(repeat))
        analyse = best_of(
            lambda i: ["-m", "potential", "analyse", "--out", f"out{i}"], repeat, cwd
        )
        written = sorted(p.name for p in (cwd / "out0").iterdir())
        imports = largest_imports(cwd)
    verdict = "OK" if analyse < TARGET_SECONDS else "NOT YET"
    print(f"[analyse] python -m potential analyse, embedded data, best of {repeat}")
    print(f"    python -c pass (interpreter start):        {bare:7.3f} s")
    print(f"    python -m potential --version (CLI floor):  {version:7.3f} s")
    print(f"    import potential.cli alone (in a child):    {cli:7.3f} s")
    print(f"    python -m potential analyse:                {analyse:7.3f} s")
    print(
        f"    analyse = {analyse / bare:.1f}x the interpreter start,"
        f" {analyse / version:.1f}x --version,"
        f" {analyse - version:.3f} s above --version"
    )
    print(f"    files written: {len(written)} ({', '.join(written)})")
    print(f"    (for information: largest imports of one analyse run: {', '.join(imports)})")
    print(f"    analyse: {analyse:.3f} s  (target < {TARGET_SECONDS} s)  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
