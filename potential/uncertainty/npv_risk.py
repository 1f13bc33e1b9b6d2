r"""Risk of the Kapitalwert: Monte Carlo over the uncertain inputs of the economic comparison.

:func:`npv_risk` answers, for every (body, option) of the standard option set: how likely is
a positive Kapitalwert (NPV) when the uncertain inputs take any value in their recorded
ranges, and how wide is the NPV's spread? :func:`npv_samples` gives the samples themselves.

What varies, jointly in every sample :math:`s = 0, \dots, n-1`
------------------------------------------------------------------
* **Every parameter with a recorded range** (``low < high`` in ``parameters.csv``,
  ``field_parameters.csv`` or ``legal_form_parameters.csv``;
  :func:`potential.uncertainty.ranges.uncertain_parameters`), independently and uniformly in
  ``[low, high]``: cost per capita, FTE density, savings cap, scale exponent, personnel and
  input-tax shares, discount rate, price change, double-running months, tie reductions ...
  The parameters that count whole years (:data:`WHOLE_YEARS`: ``horizon_years``,
  ``ramp_up_years``, the linear ramp-up profile's length) are drawn the same way and
  rounded half up, so the two ends of their range carry half the weight of the inner years.
* **The VAT regime** (``vat_flip`` :math:`q`): each (field, legal form) rule of
  :func:`potential.indicators.vat_rule_table` whose form is in ``vat_flip_forms`` is, with
  probability :math:`q` and independently of the others, read the other way (taxable ↔ not
  taxable). :math:`q = 0` (the default) takes the rules as given: they state their legal
  basis and sources, so a different reading is a scenario the user asks for, not a
  default. :math:`q = 1` with ``vat_flip_forms=("oerv_mandat", "zweckverband", "gku")``
  is the scenario in which the competition test of § 2b Abs. 3 Nr. 2 UStG comes out the
  other way for every mandate, Zweckverband and gKU rule.
* **The NRW IKZ grant** (``grant_probability`` :math:`p`): with probability :math:`p` a
  sample counts the grant for every option whose conditions hold in that sample
  (:func:`potential.indicators.grant_eligible`; the conditions depend on the sampled
  savings share and horizon). One draw per sample; the share of samples with the grant is
  the same for every option, so a row's results are as if each application were decided
  on its own. The default follows the run's settings: 0 (never) unless the grant is
  counted (``grant_assumed`` in the dataset, ``economics={"grant": True}``), since it is
  discretionary.
* **Ramp-up** through ``ramp_up_years`` above (the profile :math:`k / R`).

Each sample builds a modified :class:`~potential.models.Dataset` (``model_copy``, as
:func:`potential.uncertainty.ranges.with_parameter` does for one parameter) and recomputes
the Wirtschaftlichkeitsvergleich with :func:`potential.indicators.indicator_parts`, so
every formula is the one of the analysis. The option set is the nominal run's
(:func:`potential.options.generate_options`), kept fixed: it depends on the bodies,
cooperations and option rules, none of which is varied, and the knock-out stage
(:mod:`potential.knockout`) reads one parameter, a form's ``approval_weeks``, which the
embedded data give without a range. Were it given one, an option would stay in or out as
at its nominal value.

Settings a run overrides (``economics``) are held fixed in every sample; the others vary
with their parameters.

Reproducibility: the uniforms of sample :math:`s` come from the chunk-invariant block
scheme of :mod:`potential.random` (one row of uniforms per sample: the ranged parameters,
then the VAT rules, then the grant), so the samples — and the frame — for a seed are the
same whatever ``chunk`` is. The same uniforms drive every setting of ``vat_flip`` and
``grant_probability`` (common random numbers): two runs with the same seed that differ only
in the grant probability differ only in the grant.

Limits: the ranges are taken as independent and uniform (no correlation between, e.g.,
the cost per capita of two fields); each sample is one Python call of the full
indicator pipeline (about 0.05 s on the embedded data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from potential import random as prandom
from potential.datasets import load_dataset
from potential.economics.flows import summary
from potential.economics.settings import EconomicSettings, apply_overrides, economic_settings
from potential.errors import InputError
from potential.indicators import indicator_parts, vat_rule_table
from potential.messages import message
from potential.models import Dataset, VatRule
from potential.options import generate_options
from potential.uncertainty.ranges import uncertain_parameters
from potential.uncertainty.sampling import MAX_DRAWS, _check_n

if TYPE_CHECKING:  # pragma: no cover
    from potential.analysis import Analysis

#: global parameters that count whole years; their samples are rounded half up
WHOLE_YEARS = ("horizon_years", "ramp_up_years")

#: columns of :func:`npv_risk`, after ``body``, ``option``, ``field`` and ``legal_form``
RISK_COLUMNS = ("npv", "p_npv_positive", "npv_p05", "npv_median", "npv_p95", "npv_mean")

#: default samples per chunk (the result does not depend on it)
CHUNK = 256

_ATTRS = {
    "parameters.csv": "parameters",
    "field_parameters.csv": "field_parameters",
    "legal_form_parameters.csv": "legal_form_parameters",
}


def _check_int(value, what: str, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < least:
        raise InputError(message("uncertainty.int_at_least", least=least, value=value), what)
    return int(value)


def _check_probability(value, what: str) -> float:
    ok = not isinstance(value, bool) and isinstance(value, int | float | np.number)
    if not ok or not 0 <= float(value) <= 1:
        raise InputError(message("uncertainty.probability", value=value), what)
    return float(value)


def _fixed_settings(dataset, date, economics) -> dict:
    """The settings a run holds fixed: a mapping's keys, or where settings differ."""
    base = economic_settings(dataset, date)
    if economics is None:
        return {}
    if isinstance(economics, EconomicSettings):
        return {
            f.name: getattr(economics, f.name)
            for f in dataclasses.fields(EconomicSettings)
            if getattr(economics, f.name) != getattr(base, f.name)
        }
    if not isinstance(economics, Mapping):
        raise InputError(
            message("uncertainty.economics_not_mapping", got=type(economics).__name__),
            "economics",
        )
    given = apply_overrides(base, economics)
    return {k: getattr(given, k) for k, v in economics.items() if v is not None}


@dataclasses.dataclass(frozen=True)
class _Plan:
    """What a run varies, and how the uniforms of a sample map onto it."""

    dataset: Dataset
    date: dt.date
    options: pd.DataFrame
    ranged: pd.DataFrame  # uncertain_parameters(...) plus attr, position and whole
    vat_pairs: pd.DataFrame  # vat_rule_table(...) plus flippable
    fixed: dict
    vat_flip: float
    grant_probability: float

    @property
    def width(self) -> int:
        return len(self.ranged) + len(self.vat_pairs) + 1

    def draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        return rng.random((n, self.width))

    def varied(self, u: np.ndarray) -> tuple[Dataset, bool]:
        """The dataset of one sample's uniforms ``u``, and whether it counts the grant."""
        r = self.ranged
        k = len(r)
        values = r["low"].to_numpy(float) + u[:k] * (r["high"] - r["low"]).to_numpy(float)
        values = np.where(r["whole"].to_numpy(bool), np.floor(values + 0.5), values)
        tables: dict[str, list] = {}
        for attr, position, value in zip(r["attr"], r["position"], values, strict=True):
            rows = tables.setdefault(attr, list(getattr(self.dataset, attr)))
            rows[position] = rows[position].model_copy(update={"value": float(value)})
        update: dict = {attr: tuple(rows) for attr, rows in tables.items()}
        pairs = self.vat_pairs
        flip = (u[k : k + len(pairs)] < self.vat_flip) & pairs["flippable"].to_numpy(bool)
        if flip.any():
            update["vat_rules"] = _flipped_rules(self.dataset, pairs[flip])
        grant = bool(u[k + len(pairs)] < self.grant_probability)
        return (self.dataset.model_copy(update=update) if update else self.dataset), grant


def _flipped_rules(dataset: Dataset, pairs: pd.DataFrame) -> tuple[VatRule, ...]:
    """The dataset's VAT rules with the (field, legal form) ``pairs`` read the other way."""
    flip = {
        (field, form): taxable
        for field, form, taxable in pairs[["field", "legal_form", "vat_taxable"]].itertuples(
            index=False
        )
    }
    rules = []
    for rule in dataset.vat_rules:
        key = (rule.field, rule.legal_form)
        if key in flip:
            rules.append(rule.model_copy(update={"taxable": not flip.pop(key)}))
        else:
            rules.append(rule)
    for (field, form), taxable in flip.items():  # pairs without a rule (read by the form)
        rules.append(
            VatRule(
                field=field,
                legal_form=form,
                taxable=not taxable,
                basis="npv_risk: the fallback by the legal form read the other way",
                source=("npv-risk",),
            )
        )
    return tuple(rules)


def _plan(
    dataset, reference_date, economics, vat_flip, vat_flip_forms, grant_probability
) -> tuple[_Plan, EconomicSettings]:
    from potential.analysis import parse_date  # the one date parser (heavy module: lazy)

    ds = dataset if isinstance(dataset, Dataset) else load_dataset(dataset)
    date = parse_date(reference_date if reference_date is not None else ds.meta.reference_date)
    fixed = _fixed_settings(ds, date, economics)
    nominal = (
        economics
        if isinstance(economics, EconomicSettings)
        else economic_settings(ds, date, economics)
    )
    fixed.pop("grant", None)  # the grant follows grant_probability
    vat_flip = _check_probability(vat_flip, "vat_flip")
    if grant_probability is None:
        grant_probability = 1.0 if nominal.grant else 0.0
    grant_probability = _check_probability(grant_probability, "grant_probability")
    forms = {f.id: f for f in ds.legal_forms}
    if vat_flip_forms is None:
        flippable = {i for i, f in forms.items() if f.public_law}
    else:
        if isinstance(vat_flip_forms, str):
            vat_flip_forms = [vat_flip_forms]
        flippable = set(vat_flip_forms)
        unknown = sorted(flippable - set(forms))
        if unknown:
            raise InputError(
                message(
                    "uncertainty.unknown_legal_forms",
                    unknown=", ".join(map(repr, unknown)),
                    known=", ".join(forms),
                ),
                "vat_flip_forms",
            )
    ranged = uncertain_parameters(ds)
    ranged["attr"] = ranged["table"].map(_ATTRS)
    ranged["position"] = [
        next(
            i for i, p in enumerate(getattr(ds, attr)) if p.owner == owner and p.parameter == name
        )
        for attr, owner, name in zip(
            ranged["attr"], ranged["owner"], ranged["parameter"], strict=True
        )
    ]
    ranged["whole"] = (ranged["table"] == "parameters.csv") & ranged["parameter"].isin(WHOLE_YEARS)
    pairs = vat_rule_table(ds)
    pairs["flippable"] = pairs["legal_form"].isin(flippable)
    plan = _Plan(
        dataset=ds,
        date=date,
        options=generate_options(ds, date),
        ranged=ranged,
        vat_pairs=pairs,
        fixed=fixed,
        vat_flip=vat_flip,
        grant_probability=grant_probability,
    )
    return plan, nominal


def _sample_npv(plan: _Plan, u: np.ndarray, keys: pd.DataFrame) -> np.ndarray:
    """The Kapitalwert of every cooperation row for one sample's uniforms."""
    varied, grant = plan.varied(u)
    settings = economic_settings(varied, plan.date)
    settings = dataclasses.replace(settings, **plan.fixed, grant=False)
    _, flows, sample_keys = indicator_parts(varied, plan.options, plan.date, settings)
    if not sample_keys.equals(keys):  # pragma: no cover - the rows follow the options
        raise RuntimeError("npv_risk: the rows of the cash flows changed between samples")
    results = summary(flows)
    return results["npv_with_grant" if grant else "npv"].to_numpy(float)


def npv_samples(
    dataset: str | Path | Dataset | None = None,
    reference_date: str | dt.date | None = None,
    n: int = 1000,
    seed: int | np.random.Generator | None = 0,
    economics: EconomicSettings | Mapping | None = None,
    *,
    vat_flip: float = 0.0,
    vat_flip_forms: Sequence[str] | None = None,
    grant_probability: float | None = None,
    chunk: int = CHUNK,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> pd.DataFrame:
    """The Kapitalwert of every cooperation (body, option) in every sample.

    Parameters as for :func:`npv_risk`.

    Returns
    -------
    pandas.DataFrame
        One row per sample (index ``sample``, 0..n-1), one column per (body, option) of the
        nominal run's cooperation rows (a two-level column index ``body``, ``option``, in
        the order of :attr:`potential.analysis.Analysis.flow_keys`): the NPV in EUR.
        ``attrs["seed_used"]`` is the root entropy (pass it as ``seed`` to repeat a run
        with ``seed=None``).
    """
    n = _check_n(n)
    chunk = _check_int(chunk, "chunk", 1)
    root = prandom.entropy(seed)
    plan, nominal = _plan(
        dataset, reference_date, economics, vat_flip, vat_flip_forms, grant_probability
    )
    keys = indicator_parts(plan.dataset, plan.options, plan.date, nominal)[2]
    return _samples(plan, keys, root, n, chunk, progress)


#: bytes a run holds per sample and option: the samples table (float64) and up to three
#: copies while the quantiles and the DataFrame are made
BYTES_PER_VALUE = 4 * 8


def available_memory() -> int | None:
    """Bytes of memory available now (``MemAvailable`` of Linux), ``None`` if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        import os

        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def check_memory(n: int, columns: int, option: str = "n", free: int | None = None) -> None:
    """Raise :class:`InputError` naming ``option`` if ``n`` samples will not fit in memory.

    Parameters
    ----------
    n : int
        Samples asked for.
    columns : int
        Values per sample (one Kapitalwert per body and option).
    option : str
        The name of the setting, as the message gives it.
    free : int, optional
        Bytes available; by default :func:`available_memory` (no check if unknown).

    Notes
    -----
    A run needs about ``n × columns ×`` :data:`BYTES_PER_VALUE` bytes; it may use at most
    half of the memory available, leaving the rest to the system and the analysis.
    """
    free = available_memory() if free is None else free
    need = n * columns * BYTES_PER_VALUE
    if free is None or need <= free // 2:
        return
    fit = max(int(free // 2 // max(columns * BYTES_PER_VALUE, 1)), 0)
    raise InputError(
        message(
            "numbers.memory",
            option=option,
            value=n,
            need=_size(need),
            free=_size(free),
            fit=min(fit, MAX_DRAWS),
        ),
        option,
    )


def _size(nbytes: float) -> str:
    """``1.5 GB``, ``20 MB``: a size in bytes for a message."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if nbytes >= factor:
            return f"{nbytes / factor:.1f} {unit}"
    return f"{int(nbytes)} B"


def _samples(plan, keys, root, n, chunk, progress) -> pd.DataFrame:
    check_memory(n, len(keys))
    stream = prandom.BlockStream(root, plan.draw)
    out = np.empty((n, len(keys)))
    starts = range(0, n, chunk)
    for start in progress(starts) if progress else starts:
        stop = min(start + chunk, n)
        for i, u in enumerate(stream.take(start, stop), start):
            out[i] = _sample_npv(plan, u, keys)
    columns = pd.MultiIndex.from_frame(keys)
    frame = pd.DataFrame(out, index=pd.RangeIndex(n, name="sample"), columns=columns)
    frame.attrs["seed_used"] = root
    return frame


def npv_risk(
    dataset: str | Path | Dataset | None = None,
    reference_date: str | dt.date | None = None,
    n: int = 1000,
    seed: int | np.random.Generator | None = 0,
    economics: EconomicSettings | Mapping | None = None,
    *,
    vat_flip: float = 0.0,
    vat_flip_forms: Sequence[str] | None = None,
    grant_probability: float | None = None,
    chunk: int = CHUNK,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> pd.DataFrame:
    r"""Chance of a positive Kapitalwert and its spread, per (body, option), by Monte Carlo.

    Draws ``n`` joint samples of the uncertain inputs (see the module notes: every ranged
    parameter uniform in its range, the VAT rules, the grant) and recomputes the
    Wirtschaftlichkeitsvergleich of the nominal option set for each.

    .. math::
        p_m = \frac{1}{n} \sum_{s=0}^{n-1} [K_{m,s} > 0]

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder, or a loaded dataset; default ``kreis-unna``.
    reference_date : str or datetime.date, optional
        Year 0 and the date existing cooperations are judged at; default the dataset's.
    n : int
        Number of samples (≥ 1).
    seed : int, numpy.random.Generator or None
        Seed (:mod:`potential.random`); the same seed gives the same frame.
    economics : EconomicSettings or mapping, optional
        The run's settings. A mapping of overrides (as for :func:`potential.analyse`)
        holds its settings fixed in every sample (``{"discount_rate": 0.02}`` stops the
        discount rate from varying). An :class:`~potential.economics.EconomicSettings`
        (e.g. ``analysis.economics``) holds fixed the settings in which it differs from
        the dataset's. ``grant`` sets only the default of ``grant_probability``.
    vat_flip : float
        Probability :math:`q \in [0, 1]` that a VAT rule of ``vat_flip_forms`` is read the
        other way in a sample, each rule on its own. Default 0: the rules as given.
    vat_flip_forms : sequence of str, optional
        Legal forms (ids) whose rules may flip; default every public-law form (a GmbH is
        taxable by law, not by the contested competition test).
    grant_probability : float, optional
        Probability :math:`p \in [0, 1]` that a sample counts the NRW IKZ grant where its
        conditions hold. Default: 1 if the run counts the grant, else 0 (the dataset's
        default: never, as the grant is discretionary).
    chunk : int
        Samples drawn at a time (≥ 1); the result does not depend on it.
    progress : callable, optional
        Wraps the iterable of chunks (e.g. ``tqdm``) to show progress.

    Returns
    -------
    pandas.DataFrame
        One row per cooperation (body, option) of the nominal run, in the order of
        :attr:`potential.analysis.Analysis.flow_keys` (stand-alone, the reference with
        NPV 0, has no row): ``body``, ``option``, ``field``, ``legal_form``, then ``npv``
        (the nominal run's Kapitalwert, EUR: nominal values, the VAT rules as given, the
        run's grant setting),
        ``p_npv_positive`` (share of samples with NPV > 0), ``npv_p05``, ``npv_median``
        and ``npv_p95`` (the sample quantiles, linear interpolation) and ``npv_mean``
        (EUR). ``attrs`` holds ``n``, ``seed_used`` (the root entropy), ``vat_flip`` and
        ``grant_probability``.

    Raises
    ------
    InputError
        ``n`` outside 1 … :data:`~potential.uncertainty.sampling.MAX_DRAWS` or too large
        for the memory (:func:`check_memory`), a negative or non-integer seed, a
        probability outside [0, 1], ``chunk < 1``, an unknown legal form in
        ``vat_flip_forms``, or a bad dataset or setting.

    See Also
    --------
    npv_samples : the samples behind the frame.
    potential.uncertainty.ranges.indicator_ranges : one-at-a-time ranges of every indicator.

    Notes
    -----
    The standard error of ``p_npv_positive`` is at most :math:`0.5 / \sqrt{n}` (0.016 for
    :math:`n = 1000`). Runtime grows linearly with ``n``: one run of the indicator pipeline
    per sample.

    Examples
    --------
    >>> risk = npv_risk(n=5, seed=1)
    >>> list(risk.columns[4:])
    ['npv', 'p_npv_positive', 'npv_p05', 'npv_median', 'npv_p95', 'npv_mean']
    >>> bool(risk["p_npv_positive"].between(0, 1).all())
    True
    """
    n = _check_n(n)
    chunk = _check_int(chunk, "chunk", 1)
    root = prandom.entropy(seed)
    plan, nominal = _plan(
        dataset, reference_date, economics, vat_flip, vat_flip_forms, grant_probability
    )
    table, _, keys = indicator_parts(plan.dataset, plan.options, plan.date, nominal)
    samples = _samples(plan, keys, root, n, chunk, progress)
    rows = keys.merge(table[["body", "option", "field", "legal_form", "npv"]], how="left")
    values = samples.to_numpy()
    p05, median, p95 = np.quantile(values, [0.05, 0.5, 0.95], axis=0)
    out = rows.assign(
        p_npv_positive=(values > 0).mean(axis=0),
        npv_p05=p05,
        npv_median=median,
        npv_p95=p95,
        npv_mean=values.mean(axis=0),
    )
    out.attrs.update(
        n=n, seed_used=root, vat_flip=plan.vat_flip, grant_probability=plan.grant_probability
    )
    return out


def npv_risk_of(
    analysis: Analysis, n: int = 1000, seed: int | np.random.Generator | None = 0, **kwargs
) -> pd.DataFrame:
    """:func:`npv_risk` for an analysis: its dataset, reference date and settings.

    ``analysis.economics`` holds fixed what the run overrode (the settings in which it
    differs from the dataset's) and sets the default of ``grant_probability``; ``kwargs``
    are the other arguments of :func:`npv_risk`.
    """
    return npv_risk(
        analysis.dataset, analysis.reference_date, n, seed, analysis.economics, **kwargs
    )
