"""Benchmark of the rank-reversal check (``compare-methods --rank-reversal``); see bench/README.md.

Run as ``python bench/bench_rank_reversal.py``. On the default data, every body and every
method of :data:`potential.mcda.METHODS` (with the command's parameters), it times

1. the numpy path, :func:`potential.analysis.rank_reversal_checks` (what the command runs),
2. scikit-criteria's ``RankInvariantChecker`` on the same problems
   (``rank_reversal(..., engine="skcriteria")``), measured in the same run,

checks that both give the same table, prints both times and their ratio, and exits with
status 1 if the numpy path takes more than 20 s or the tables differ.

``--quick`` checks three bodies only (a smoke test; the figures are then not the ones above).
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

LIMIT = 20.0  # seconds, for the numpy path on all bodies
QUICK_BODIES = 3


def table(engine: str, bodies=None, seed: int = 0) -> pd.DataFrame:
    """The rows of :func:`potential.analysis.rank_reversal_checks`, by one engine."""
    from potential import analysis, mcda

    return analysis.rank_reversal_checks(
        methods=list(mcda.METHODS), seed=seed, engine=engine, bodies=bodies
    )


def timed(func):
    start = time.perf_counter()
    out = func()
    return out, time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three bodies only")
    args = parser.parse_args(argv)

    from potential import analysis, mcda

    ds = analysis.prepare(None, "ikz-egov-nrw", None, None)[0]
    ids = [b.id for b in analysis.participants(ds)]
    bodies = ids[-QUICK_BODIES:] if args.quick else None
    table("numpy", ids[-1:])  # warm-up: imports (scikit-criteria is used by some methods)
    if args.quick:
        fast, fast_time = timed(lambda: table("numpy", bodies))
    else:
        methods = list(mcda.METHODS)
        fast, fast_time = timed(lambda: analysis.rank_reversal_checks(methods=methods))
    reference, ref_time = timed(lambda: table("skcriteria", bodies))
    same = fast.equals(reference)
    ok = fast_time <= LIMIT and same
    n = len(bodies) if bodies else len(ids)
    print(
        f"rank reversal, default data: {n} bodies x {len(mcda.METHODS)} methods, "
        f"{int(fast['experiments'].sum()):,} experiments\n"
        f"    scikit-criteria RankInvariantChecker: {ref_time:8.2f} s\n"
        f"    numpy path:                          {fast_time:8.2f} s  (limit {LIMIT:.0f} s)\n"
        f"    speed-up: {ref_time / fast_time:.1f}x\n"
        f"    same table: {same}\n"
        f"    {'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
