"""Benchmark of the coalition finder (potential.coalitions.find); see bench/README.md.

Run as ``python bench/bench_coalitions.py``. Prints two figures, each measured in this run,
and exits with status 1 if one does not hold:

1. Exact enumeration on the embedded data (11 bodies), ``field="abfall"`` (four legal forms,
   no set blocked), ``max_size`` 2 to 11: sets, options, the time of ``find`` (best of 3)
   and of the standard analysis inside it (``prepare``, a fixed cost), and options per
   second of the rest (enumeration, options table, indicators, scoring). Then every field at
   ``max_size`` 11. Required: one field at ``max_size`` 11 in under 10 s.
2. The same coalitions scored one at a time through the pipeline (``max_size`` 2, 220
   options): for each option a one-row options table, ``indicator_table``, and for each
   member ``value_scores`` with the fixed bounds and the weights. Time per option against
   ``find``'s at ``max_size`` 2 and 11; the gains must agree to 1e-12. Required: ``find`` at
   least 100× faster per option at ``max_size`` 11.

``--quick`` runs ``max_size`` 2 to 5 and a 40-option baseline (a smoke test only).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import pandas as pd
from timing import best_of  # bench/timing.py (the script's folder is on sys.path)

FIELD = "abfall"


def figure_1(ds, quick: bool) -> tuple[bool, str, dict]:
    from potential.analysis import prepare
    from potential.coalitions import find

    fixed, _ = best_of(lambda: prepare(ds), 3)
    lines = [
        f"[1] exact enumeration, 11 bodies, field {FIELD!r} (4 legal forms, none blocked)",
        f"    standard analysis (prepare, fixed part of every call, best of 3): {fixed:.3f} s",
        "    max_size      sets   options    find (s)   options/s (without prepare)",
    ]
    per_option = {}
    sizes = range(2, 6) if quick else range(2, 12)
    seconds = None
    for k in sizes:
        seconds, found = best_of(lambda k=k: find(ds, field=FIELD, max_size=k), 3)
        n = len(found.candidates)
        rate = n / max(seconds - fixed, 1e-9)
        per_option[k] = seconds / n
        lines.append(f"    {k:8d}  {found.n_sets:8,d}  {n:8,d}  {seconds:10.3f}   {rate:12,.0f}")
    all_seconds, everything = best_of(lambda: find(ds, max_size=max(sizes)), 2)
    n_all = len(everything.candidates)
    lines.append(
        f"    every field, max_size {max(sizes)}: {n_all:,} options in {all_seconds:.3f} s "
        f"({n_all / (all_seconds - fixed):,.0f} options/s without prepare)"
    )
    ok = quick or seconds < 10
    if quick:
        lines.append("    (quick: requirement not checked)")
    else:
        verdict = "OK" if ok else "FAILED"
        lines.append(
            f"    one field at max_size 11: {seconds:.3f} s  (required < 10 s)  {verdict}"
        )
    return ok, "\n".join(lines), per_option


def brute_force(ds, options, bounds, weights, objectives):
    """Gains of every option, one option at a time through the pipeline."""
    from potential.criteria import load_criteria
    from potential.indicators import indicator_table
    from potential.mcda import value_scores

    date = ds.meta.reference_date
    ids = list(bounds[next(iter(bounds))])
    indicator = {c.id: c.indicator for c in load_criteria("ikz-egov-nrw").criteria}
    gains = {}
    for i in range(len(options)):
        one = options.iloc[[i]]
        table = indicator_table(ds, one, date)
        option = one["option"].iloc[0]
        for body in one["partners"].iloc[0].split(";"):
            rows = table[table["body"] == body].set_index("option")
            rows = rows[[indicator[c] for c in ids]].astype(float).set_axis(ids, axis=1)
            lo = pd.Series({c: bounds[body][c][0] for c in ids})
            hi = pd.Series({c: bounds[body][c][1] for c in ids})
            v = value_scores(rows.clip(lower=lo, upper=hi, axis=1), objectives, bounds[body])
            score = v.to_numpy() @ weights[body]
            gains[(option, body)] = score[1] - score[0]  # stand-alone is the first row
    return gains


def figure_2(ds, quick: bool, per_option: dict) -> tuple[bool, str]:
    from potential.coalitions import find

    found = find(ds, field=FIELD, max_size=2)
    options = found.candidates.rename(columns={"members": "partners"})
    options = options.assign(
        partner_set=options["option"].str.split("/").str[2],
        n_partners=options["n_members"],
    )[["option", "field", "legal_form", "partner_set", "partners", "lead", "n_partners"]]
    if quick:
        options = options.head(40)
    scales = found.scales
    bounds = {
        b: {r.criterion: (r.low, r.high) for r in rows.itertuples()}
        for b, rows in scales.groupby("body", sort=False)
    }
    weights = {b: rows["weight"].to_numpy() for b, rows in scales.groupby("body", sort=False)}
    objectives = scales.drop_duplicates("criterion")["direction"].tolist()
    brute_force(ds, options.head(2), bounds, weights, objectives)  # warm-up
    start = time.perf_counter()
    gains = brute_force(ds, options, bounds, weights, objectives)
    loop = (time.perf_counter() - start) / len(options)
    ours = found.gains.set_index(["option", "member"])["gain"]
    diff = max(abs(ours.loc[k] - g) for k, g in gains.items() if k in ours.index)
    largest = max(per_option)
    ratio_2, ratio_k = loop / per_option[2], loop / per_option[largest]
    ok = diff <= 1e-12 and (quick or ratio_k >= 100)
    label = f"find, max_size {largest}:"
    need = "" if quick else ", required >= 100x"
    return ok, (
        f"[2] one option at a time through the pipeline, max_size 2 ({len(options)} options)\n"
        f"    {'indicator_table + value_scores per option:':44s}{loop * 1e3:9.3f} ms/option\n"
        f"    {'find, max_size 2:':44s}{per_option[2] * 1e3:9.3f} ms/option  ({ratio_2:,.0f}x)\n"
        f"    {label:44s}{per_option[largest] * 1e3:9.3f} ms/option  ({ratio_k:,.0f}x{need})\n"
        f"    largest gain difference: {diff:.1e}  (required <= 1e-12)  "
        + ("OK" if ok else "FAILED")
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (smoke test)")
    args = parser.parse_args(argv)
    from potential.datasets import load_dataset

    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"{os.cpu_count()} CPU(s)"
        + (" -- QUICK sizes, not the required figures" if args.quick else "")
    )
    ds = load_dataset("kreis-unna")
    ok_1, text, per_option = figure_1(ds, args.quick)
    print(text, flush=True)
    ok_2, text = figure_2(ds, args.quick, per_option)
    print(text, flush=True)
    ok = ok_1 and ok_2
    print("all figures hold" if ok else "SOME FIGURES DO NOT HOLD")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
