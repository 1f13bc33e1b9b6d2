"""Monte Carlo over the inputs of the economic comparison (``analyse --risk N``); see
bench/README.md.

Run as ``python bench/bench_montecarlo.py``. On the embedded data (all eleven bodies, the
default analysis), in this process:

1. **Monte Carlo**: :func:`potential.uncertainty.npv_risk_of` of the default analysis with
   10,000 draws (``--quick``: 500; ``--draws N``), seed 0: what ``potential analyse --risk
   10000`` computes after the analysis. Timed once; the analysis itself is not timed.
2. **Baseline, the scalar model in a loop**: for the first 20 draws (``--baseline N``) of
   the same seed, the drawn inputs applied to the dataset one draw at a time and the
   deterministic Wirtschaftlichkeitsvergleich recomputed as :func:`potential.analyse` does
   it (:func:`potential.indicators.indicator_parts`, then
   :func:`potential.economics.flows.summary` for the Kapitalwert). The draws are the
   uniforms of the chunk-invariant block scheme (:class:`potential.random.BlockStream`, one
   row per draw: the ranged parameters of
   :func:`potential.uncertainty.ranges.uncertain_parameters`, then one per VAT rule, then
   the grant), each ranged parameter uniform in ``[low, high]`` (whole years rounded half
   up); VAT rules as given and the grant as the analysis counts it (the defaults of
   ``--risk``). Timed before and after the Monte Carlo run, the better of the two counts.
   The baseline's Kapitalwerte are compared with the first rows of
   :func:`potential.uncertainty.npv_samples` for the same seed (for information).

Prints the time per draw of both, the ratio (baseline per draw / Monte Carlo per draw) and
whether 10,000 draws take under 30 s (with fewer draws, judged on the time per draw times
10,000). The exit status is 0 either way.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time

import numpy as np
import pandas as pd

TARGET_DRAWS, TARGET_SECONDS = 10_000, 30.0
SEED = 0
#: global parameters that count whole years (as potential.uncertainty.npv_risk.WHOLE_YEARS)
WHOLE_YEARS = ("horizon_years", "ramp_up_years")
ATTRS = {
    "parameters.csv": "parameters",
    "field_parameters.csv": "field_parameters",
    "legal_form_parameters.csv": "legal_form_parameters",
}


class ScalarModel:
    """The deterministic cash-flow model of one analysis, re-run once per draw.

    Parameters
    ----------
    result : potential.analysis.Analysis
        The nominal analysis (its dataset, reference date, settings and options).
    """

    def __init__(self, result):
        from potential.indicators import vat_rule_table
        from potential.options import generate_options
        from potential.uncertainty.ranges import uncertain_parameters

        self.dataset, self.date = result.dataset, result.reference_date
        self.grant_probability = 1.0 if result.economics.grant else 0.0
        self.options = generate_options(self.dataset, self.date)
        ranged = uncertain_parameters(self.dataset)
        self.low = ranged["low"].to_numpy(float)
        self.span = ranged["high"].to_numpy(float) - self.low
        years = (ranged["table"] == "parameters.csv") & ranged["parameter"].isin(WHOLE_YEARS)
        self.whole = years.to_numpy(bool)
        self.where = []
        for table, owner, name in ranged[["table", "owner", "parameter"]].itertuples(index=False):
            attr = ATTRS[table]
            rows = getattr(self.dataset, attr)
            position = next(
                i for i, p in enumerate(rows) if p.owner == owner and p.parameter == name
            )
            self.where.append((attr, position))
        self.width = len(ranged) + len(vat_rule_table(self.dataset)) + 1

    def draws(self, n: int, seed: int) -> np.ndarray:
        """The uniforms of draws 0 … n-1 (one row per draw)."""
        from potential import random as prandom

        def draw(k, rng):
            return rng.random((k, self.width))

        stream = prandom.BlockStream(prandom.entropy(seed), draw)
        return stream.take(0, n)

    def npv(self, u: np.ndarray) -> np.ndarray:
        """The Kapitalwert of every cooperation (body, option) for one draw's uniforms."""
        from potential.economics.flows import summary
        from potential.economics.settings import economic_settings
        from potential.indicators import indicator_parts

        k = len(self.low)
        values = self.low + u[:k] * self.span
        values = np.where(self.whole, np.floor(values + 0.5), values)
        tables: dict[str, list] = {}
        for (attr, position), value in zip(self.where, values, strict=True):
            rows = tables.setdefault(attr, list(getattr(self.dataset, attr)))
            rows[position] = rows[position].model_copy(update={"value": float(value)})
        varied = self.dataset.model_copy(update={a: tuple(r) for a, r in tables.items()})
        settings = dataclasses.replace(economic_settings(varied, self.date), grant=False)
        _, flows, _ = indicator_parts(varied, self.options, self.date, settings)
        grant = bool(u[-1] < self.grant_probability)
        return summary(flows)["npv_with_grant" if grant else "npv"].to_numpy(float)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 draws instead of 10,000")
    parser.add_argument("--draws", type=int, default=None, help="Monte Carlo draws")
    parser.add_argument("--baseline", type=int, default=20, help="draws of the scalar loop")
    args = parser.parse_args(argv)
    draws = args.draws or (500 if args.quick else TARGET_DRAWS)

    from potential.analysis import analyse
    from potential.uncertainty import npv_risk_of
    from potential.uncertainty.npv_risk import npv_samples

    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__},"
        f" {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}"
    )
    result = analyse()  # the default analysis, as `potential analyse`; not timed
    model = ScalarModel(result)
    npv_risk_of(result, n=2, seed=SEED)  # untimed: lazy imports and first-call costs

    u = model.draws(args.baseline, SEED)

    def scalar_loop():
        start = time.perf_counter()
        out = np.vstack([model.npv(row) for row in u])
        return time.perf_counter() - start, out

    before, loop = scalar_loop()
    start = time.perf_counter()
    risk = npv_risk_of(result, n=draws, seed=SEED)
    risk_s = time.perf_counter() - start
    loop_s = min(before, scalar_loop()[0])  # the loop before and after: the better of two

    same = npv_samples(
        result.dataset, result.reference_date, args.baseline, SEED, result.economics
    ).to_numpy()
    diff = float(np.max(np.abs(same - loop))) if same.shape == loop.shape else float("nan")

    per_loop, per_risk = loop_s / args.baseline, risk_s / draws
    projected = per_risk * TARGET_DRAWS
    bodies = result.flow_keys["body"].nunique()
    print(
        f"[montecarlo] Kapitalwert risk, embedded data: {bodies} bodies,"
        f" {len(risk):,} (body, option) rows, {model.width} uniforms per draw, seed {SEED}"
    )
    loop_label = f"scalar model in a loop ({args.baseline} draws, {loop_s:.1f} s, best of 2):"
    risk_label = f"npv_risk_of ({draws:,} draws, {risk_s:.1f} s):"
    print(f"    {loop_label:<54}{1e3 * per_loop:9.2f} ms/draw")
    print(
        f"    {risk_label:<54}{1e3 * per_risk:9.2f} ms/draw"
        f"  (speed-up over the loop: {per_loop / per_risk:.2f}x)"
    )
    print(
        f"    baseline against npv_samples, first {args.baseline} draws:"
        f" largest |NPV difference| {diff:.2g} EUR"
    )
    verdict = "OK" if projected < TARGET_SECONDS else "NOT YET"
    how = "measured" if draws == TARGET_DRAWS else f"extrapolated from {draws:,} draws"
    print(
        f"    {TARGET_DRAWS:,} draws: {projected:.1f} s ({how})"
        f"  (target < {TARGET_SECONDS:.0f} s)  {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
