"""Benchmark of vectorised SMAA (potential.uncertainty.smaa); see bench/README.md.

Run as ``python bench/bench_smaa.py``. Prints three figures, each a ratio or amount measured
in this run, and exits with status 1 if one does not hold:

1. wsm, 100 alternatives × 8 criteria × 10,000 samples, full rank acceptability: time per
   sample of ``smaa`` against a loop over scikit-criteria's weighted-sum pipeline, one sample
   at a time (300 samples); must be at least 1,000× faster.
2. wsm, 1,000 × 8 × 100,000, full rank acceptability: time of ``smaa`` against one
   ``numpy.argsort`` of the 100,000 × 1,000 score array (each sample's 1,000 scores); must be
   no slower.
3. wsm, 1,000 × 8 × 1,000,000: peak resident memory of a child process running ``smaa``;
   must stay under 1 GiB.

``--quick`` runs smaller sizes (a smoke test; the figures are then not the ones above).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

GIB = 2**30


def matrix(a: int, m: int = 8, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        rng.random((a, m)) * 100,
        index=[f"alt{i}" for i in range(a)],
        columns=[f"c{j}" for j in range(m)],
    )


def best_of(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def skcriteria_per_sample(mat: pd.DataFrame, objectives, n: int) -> float:
    """Seconds per sample of scikit-criteria's weighted sum, one weight vector at a time.

    The decision matrix (of the min-max value scores, as ``potential.mcda.rank`` builds it)
    is made once; each sample replaces its weights and evaluates ``WeightedSumModel``, which
    ranks the alternatives.
    """
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel

    from potential.mcda.value import value_scores
    from potential.uncertainty.sampling import sample_weights

    v = value_scores(mat, objectives)
    m = v.shape[1]
    dm = skc.mkdm(v.to_numpy(), objectives=[max] * m, weights=np.full(m, 1 / m))
    model = WeightedSumModel()
    weights = sample_weights(None, n, seed=1, criteria=list(mat.columns))
    model.evaluate(dm.replace(weights=weights[0]))  # warm-up
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        for w in weights:
            model.evaluate(dm.replace(weights=w)).rank_  # noqa: B018
        return (time.perf_counter() - start) / n


def figure_1(quick: bool) -> tuple[bool, str]:
    from potential.uncertainty.smaa import smaa

    a, n, loop_n = (100, 2_000, 50) if quick else (100, 10_000, 300)
    mat = matrix(a)
    objectives = ["max", "min"] * 4
    loop = skcriteria_per_sample(mat, objectives, loop_n)
    smaa(mat, objectives, n=100, seed=1, pairwise=False)  # warm-up (imports)
    ours = best_of(lambda: smaa(mat, objectives, n=n, seed=1, pairwise=False), 5) / n
    with_pairwise = best_of(lambda: smaa(mat, objectives, n=n, seed=1), 3) / n
    ratio = loop / ours
    ok = ratio >= 1000
    return ok, (
        f"[1] wsm {a} x 8 x {n:,}, full rank acceptability\n"
        f"    scikit-criteria loop ({loop_n} samples): {loop * 1e6:10.1f} us/sample\n"
        f"    smaa (best of 5):                  {ours * 1e6:10.3f} us/sample\n"
        f"    speed-up: {ratio:,.0f}x  (required >= 1,000x)  {'OK' if ok else 'FAILED'}\n"
        f"    (for information: with pairwise winning {with_pairwise * 1e6:.3f} us/sample, "
        f"{loop / with_pairwise:,.0f}x)"
    )


def figure_2(quick: bool) -> tuple[bool, str]:
    from potential.uncertainty.sampling import sample_weights
    from potential.uncertainty.smaa import sample_scores, smaa

    a, n = (1_000, 10_000) if quick else (1_000, 100_000)
    mat = matrix(a)
    objectives = ["max", "min"] * 4
    weights = sample_weights(None, n, seed=1, criteria=list(mat.columns))
    holder = [sample_scores(mat, objectives, weights)]  # (n, a), C-contiguous
    del weights
    sort_time = best_of(lambda: np.argsort(holder[0], axis=1), 2)
    holder.clear()  # free the score array before smaa runs
    smaa_time = best_of(lambda: smaa(mat, objectives, n=n, seed=1, pairwise=False), 2)
    one_worker = best_of(lambda: smaa(mat, objectives, n=n, seed=1, pairwise=False, workers=1), 1)
    ratio = smaa_time / sort_time
    ok = ratio <= 1.0
    workers = min(os.cpu_count() or 1, 4)
    return ok, (
        f"[2] wsm {a:,} x 8 x {n:,}, full rank acceptability\n"
        f"    numpy.argsort of the {n:,} x {a:,} score array (best of 2): {sort_time:8.3f} s\n"
        f"    smaa, {workers} worker thread(s) (best of 2):              {smaa_time:8.3f} s\n"
        f"    smaa / argsort: {ratio:.2f}  (required <= 1)  {'OK' if ok else 'FAILED'}\n"
        f"    (for information: smaa with workers=1 {one_worker:.3f} s, "
        f"{one_worker / sort_time:.2f} x argsort)"
    )


CHILD = """
import json, resource, sys, time
import numpy as np
sys.path.insert(0, {bench!r})
from bench_smaa import matrix
from potential.uncertainty.smaa import smaa
mat = matrix({a})
objectives = ["max", "min"] * 4
smaa(mat, objectives, n=10, seed=1, pairwise=False)  # imports done before the baseline
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
start = time.perf_counter()
r = smaa(mat, objectives, n={n}, seed=1, pairwise=False)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
rows = float(np.abs(r.rank_acceptability.sum(axis=1) - 1).max())
print(json.dumps(dict(before=before, peak=peak, seconds=seconds, rows=rows)))
"""


def figure_3(quick: bool) -> tuple[bool, str]:
    a, n = (1_000, 50_000) if quick else (1_000, 1_000_000)
    code = CHILD.format(bench=os.path.dirname(os.path.abspath(__file__)), a=a, n=n)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    child = json.loads(out.strip().splitlines()[-1])
    # ru_maxrss of the waited-for children: the largest peak of any child (only this one)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    ok = peak < GIB and child["rows"] < 1e-9
    return ok, (
        f"[3] wsm {a:,} x 8 x {n:,} in a child process ({child['seconds']:.1f} s)\n"
        f"    resident memory after imports, before smaa: {child['before'] / 2**20:7.0f} MiB\n"
        f"    peak resident memory (RUSAGE_CHILDREN):     {peak / 2**20:7.0f} MiB  "
        f"(required < 1,024 MiB)  {'OK' if ok else 'FAILED'}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (smoke test)")
    args = parser.parse_args(argv)
    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"{os.cpu_count()} CPU(s)"
        + (" -- QUICK sizes, not the required figures" if args.quick else "")
    )
    results = []
    for figure in (figure_3, figure_1, figure_2):  # the child first: RUSAGE_CHILDREN is its own
        ok, text = figure(args.quick)
        print(text, flush=True)
        results.append(ok)
    print("all figures hold" if all(results) else "SOME FIGURES DO NOT HOLD")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
