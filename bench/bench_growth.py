"""How the analysis grows with the number of bodies; see bench/README.md.

Run as ``python bench/bench_growth.py``. Builds the synthetic datasets of 11, 44, 176 and
427 bodies (``bench/make_synthetic.py``, seed 17) in a temporary folder, or uses those in
``--data FOLDER``, and times for each, in this process:

* ``load``: :func:`potential.datasets.load_dataset` of the folder (every table validated);
* ``analyse``: :func:`potential.analysis.analyse` of the loaded dataset (options, knock-out,
  indicators and cash flows, rankings of every body, the joint view; default criteria
  model, ``wsm``, fixed scales).

Times are the best of ``--repeat`` runs (default 3) after one untimed run on the 11-body
dataset (so lazy imports are not timed). The baseline is the 11-body run of the same
process: the table gives each size's time as a multiple of it, and the growth exponent
``b`` of ``time ≈ a · bodies^b`` fitted by least squares on the logs
(``numpy.polyfit(log bodies, log time, 1)``), for load + analyse and for analyse alone;
for information also against the (body, option) rows of the indicator table.
No figure is required; the exit status is 0.

``--quick`` runs 11 and 44 bodies once (a smoke test only).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_synthetic  # the script beside this one
from timing import best_of


def measure(folder: Path, repeat: int) -> dict:
    """Load and analysis time of one dataset folder, with its size."""
    from potential.analysis import analyse
    from potential.datasets import load_dataset

    load_s, ds = best_of(lambda: load_dataset(folder), repeat)
    analyse_s, result = best_of(lambda: analyse(ds), repeat)
    table = result.indicators
    return {
        "bodies": len(ds.bodies),
        "options": int(table["option"].nunique()),
        "rows": len(table),
        "load": load_s,
        "analyse": analyse_s,
        "total": load_s + analyse_s,
    }


def exponent(x, y) -> float:
    """Slope of ``log y`` against ``log x`` (least squares)."""
    return float(np.polyfit(np.log(x), np.log(y), 1)[0])


def report(rows: list[dict]) -> list[str]:
    base = rows[0]
    lines = [
        f"    baseline: the {base['bodies']}-body run of this process",
        "    bodies   options     rows   load (s)  analyse (s)  total (s)  x baseline  us/row",
    ]
    for r in rows:
        lines.append(
            f"    {r['bodies']:6d}  {r['options']:8,d}  {r['rows']:7,d}  {r['load']:9.3f}"
            f"  {r['analyse']:11.3f}  {r['total']:9.3f}  {r['total'] / base['total']:10.1f}"
            f"  {1e6 * r['total'] / r['rows']:6.0f}"
        )
    bodies, n_rows = [r["bodies"] for r in rows], [r["rows"] for r in rows]
    total, alone = [r["total"] for r in rows], [r["analyse"] for r in rows]
    lines += [
        f"    growth exponent, total against bodies:    {exponent(bodies, total):.2f}",
        f"    growth exponent, analyse against bodies:  {exponent(bodies, alone):.2f}",
        f"    (for information: rows against bodies {exponent(bodies, n_rows):.2f},"
        f" total against rows {exponent(n_rows, total):.2f})",
    ]
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="11 and 44 bodies, once")
    parser.add_argument("--data", help="folder with synthetic-<n>/ (default: build them)")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, metavar="N")
    parser.add_argument("--repeat", type=int, default=None, help="runs per size (best of)")
    parser.add_argument("--seed", type=int, default=make_synthetic.SEED)
    args = parser.parse_args(argv)
    sizes = args.sizes or ([11, 44] if args.quick else list(make_synthetic.SIZES))
    repeat = args.repeat or (1 if args.quick else 3)

    import pandas as pd

    import potential.analysis  # noqa: F401  (imports are not timed)

    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__},"
        f" {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="synthetic-") as tmp:
        if args.data:
            folder = Path(args.data)
            missing = [n for n in sizes if not (folder / f"synthetic-{n}").is_dir()]
            make_synthetic.build_all(folder, missing, args.seed)
        else:
            folder = Path(tmp)
            make_synthetic.build_all(folder, sizes, args.seed)
        measure(folder / f"synthetic-{sizes[0]}", 1)  # untimed: lazy imports
        rows = []
        for n in sizes:
            rows.append(measure(folder / f"synthetic-{n}", repeat))
            print(f"    ... {n} bodies: {rows[-1]['total']:.3f} s", flush=True)
    print(
        f"[growth] potential.analysis.analyse on synthetic datasets (seed {args.seed}),"
        f" best of {repeat}"
    )
    print("\n".join(report(rows)))
    if args.quick:
        print("    (quick: 11 and 44 bodies only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
