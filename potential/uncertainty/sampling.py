r"""What is uncertain in SMAA, and how it is sampled: weights and input values.

Weight specifications
---------------------
Each is a small frozen dataclass with ``m`` (number of criteria) and ``sample(n, rng)``
returning an ``(n, m)`` array of non-negative weights with rows summing to 1.
:func:`weight_spec` turns the user's shorthand into one:

========================================  ===============================================
shorthand                                 specification
========================================  ===============================================
``None``                                  :class:`UniformWeights`: uniform on the simplex
mapping criterion → ``(low, high)``       :class:`IntervalWeights`: uniform on the simplex
                                          inside the intervals (missing criteria: (0, 1))
list of criterion names, most important   :class:`OrdinalWeights`: uniform on the weights
first                                     that respect the order
a :class:`~potential.criteria.Criteria    :class:`HierarchicalWeights`: group weights and
Model`                                    weights within each group uniform on their simplices
numbers (sequence, array, mapping,        :class:`FixedWeights`: no weight uncertainty
Series)
========================================  ===============================================

Value uncertainty
-----------------
``value_uncertainty`` maps a criterion (every alternative's value of that criterion) or an
``(alternative, criterion)`` pair (one cell; it overrides the criterion's entry) to a
distribution: :class:`Uniform`, :class:`Triangular` or :class:`Normal`. ``Uniform`` and
``Triangular`` give the bounds (and mode) of the value itself by default
(``scale="absolute"``); ``scale="offset"`` adds them to the matrix value and
``scale="factor"`` multiplies the matrix value by them (``Uniform(0.9, 1.1,
scale="factor")`` is ±10 %). ``Normal(sd)`` is centred on the matrix value (``relative=True``:
``sd`` is a fraction of the value's magnitude) and clipped to the absolute bounds ``low`` and
``high`` if given (values beyond a bound are set to the bound: clipped, not truncated).
Under a criterion-wide ``scale="absolute"`` entry every alternative's value is drawn
independently from the same distribution. Cells without an entry keep their value.

Sampling is chunk-invariant (:mod:`potential.random`): weights are drawn per block of
:data:`~potential.random.BLOCK` samples from the block's generator; the uncertain cells of
sample ``i`` are transformed from uniforms at fixed positions of the block's first child
stream, so any range of samples can be drawn without drawing the others.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from potential import random as prandom
from potential.errors import InputError
from potential.messages import message

__all__ = [
    "FixedWeights",
    "HierarchicalWeights",
    "IntervalWeights",
    "Normal",
    "OrdinalWeights",
    "Triangular",
    "Uniform",
    "UniformWeights",
    "ValueUncertainty",
    "sample_values",
    "sample_weights",
    "uniform_simplex",
    "value_spec",
    "weight_spec",
]

#: Interval weights: give up when fewer than this share of uniform proposals is accepted.
MIN_ACCEPTANCE = 1e-3
_PILOT = 20_000  # proposals drawn before the acceptance rate is judged


def _finite(name: str, *values) -> None:
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating):
            raise InputError(message("uncertainty.not_numbers", value=v), name)
        if not math.isfinite(v):
            raise InputError(message("uncertainty.not_finite", value=v), name)


def uniform_simplex(n: int, m: int, rng: np.random.Generator) -> np.ndarray:
    r"""``n`` weight vectors uniform on the unit simplex in :math:`\mathbb{R}^m`.

    Normalised standard exponentials: if :math:`E_j \sim \text{Exp}(1)` are independent, then
    :math:`E / \sum_j E_j \sim \text{Dirichlet}(1, \dots, 1)`, the uniform distribution on the
    simplex (Rubinstein 1982; Smith & Tromble 2004). Normalising *uniform* draws instead
    would not be uniform. The marginal of one weight is :math:`\text{Beta}(1, m - 1)`.

    References
    ----------
    Rubinstein, R. Y. (1982). Generating random vectors uniformly distributed inside and on
    the surface of different regions. *European Journal of Operational Research* 10(2),
    205–209.
    Smith, N. A., Tromble, R. W. (2004). Sampling uniformly from the unit simplex. Technical
    report, Johns Hopkins University.
    Tervonen, T., Figueira, J. R. (2008). A survey on stochastic multicriteria acceptability
    analysis methods. *Journal of Multi-Criteria Decision Analysis* 15(1–2), 1–14.
    """
    e = rng.standard_exponential((n, m))
    return e / e.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------------------------------------
# Weight specifications
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UniformWeights:
    """Every weight vector on the simplex equally likely (no preference information)."""

    m: int

    def __post_init__(self):
        if isinstance(self.m, bool) or not isinstance(self.m, int | np.integer) or self.m < 1:
            raise InputError(message("uncertainty.no_criteria", m=self.m), "weights")

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``(n, m)`` weights, Dirichlet(1, ..., 1) (:func:`uniform_simplex`)."""
        return uniform_simplex(n, self.m, rng)


@dataclass(frozen=True)
class IntervalWeights:
    r"""Uniform on the simplex inside intervals :math:`l_j \le w_j \le h_j`.

    Sampled by rejection: :math:`w = l + (1 - \sum_j l_j)\,u` with :math:`u` uniform on the
    simplex is uniform on the part of the simplex above the lower bounds (an affine map keeps
    uniformity); samples with some :math:`w_j > h_j` are rejected.

    Raises
    ------
    InputError
        If a bound is outside [0, 1] or ``low > high``, if the intervals are infeasible
        (:math:`\sum l > 1` or :math:`\sum h < 1`), or, when sampling, if fewer than
        :data:`MIN_ACCEPTANCE` of the proposals fall inside the intervals.
    """

    low: tuple[float, ...]
    high: tuple[float, ...]
    criteria: tuple = field(default=(), compare=False)

    def __post_init__(self):
        low = tuple(float(x) for x in self.low)
        high = tuple(float(x) for x in self.high)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        if len(low) != len(high) or not low:
            raise InputError(message("uncertainty.interval_pairs"), "weights")
        names = self.criteria or tuple(range(len(low)))
        for name, lo, hi in zip(names, low, high, strict=True):
            _finite("weights: " + message("uncertainty.interval_of", name=name), lo, hi)
            if not 0 <= lo <= hi <= 1:
                raise InputError(
                    message("uncertainty.interval_bounds", name=name, low=lo, high=hi), "weights"
                )
        if sum(low) > 1 + 1e-12 or sum(high) < 1 - 1e-12:
            raise InputError(
                message(
                    "uncertainty.interval_infeasible", low=f"{sum(low):g}", high=f"{sum(high):g}"
                ),
                "weights",
            )

    @property
    def m(self) -> int:
        return len(self.low)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``(n, m)`` weights uniform inside the intervals (rejection sampling)."""
        low, high = np.array(self.low), np.array(self.high)
        free = max(0.0, 1.0 - low.sum())
        out, got, tried, accepted = [], 0, 0, 0
        while got < n:
            rate = max(accepted / tried if tried else 1.0, MIN_ACCEPTANCE)
            batch = int(min(max((n - got) / rate * 1.2 + 64, 1024), 2**17))
            w = low + free * uniform_simplex(batch, self.m, rng)
            ok = np.all(w <= high, axis=1)
            tried += batch
            accepted += int(ok.sum())
            if tried >= _PILOT and accepted < MIN_ACCEPTANCE * tried:
                raise InputError(
                    message("uncertainty.interval_no_room", accepted=accepted, tried=tried),
                    "weights",
                )
            out.append(w[ok])
            got += int(ok.sum())
        return np.concatenate(out)[:n]


@dataclass(frozen=True)
class OrdinalWeights:
    r"""Uniform on the weights that respect a ranking of the criteria.

    ``order`` lists criterion positions, most important first. A uniform simplex sample sorted
    in descending order and assigned in that order is uniform on
    :math:`\{w: w_{o_1} \ge w_{o_2} \ge \dots \ge w_{o_m}\}` (the sorting map sends each of
    the :math:`m!` congruent regions onto this one).
    """

    order: tuple[int, ...]
    criteria: tuple = field(default=(), compare=False)

    def __post_init__(self):
        order = tuple(int(i) for i in self.order)
        object.__setattr__(self, "order", order)
        if sorted(order) != list(range(len(order))) or not order:
            raise InputError(message("uncertainty.ordinal_order", order=order), "weights")

    @property
    def m(self) -> int:
        return len(self.order)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``(n, m)`` weights with ``w[:, order]`` descending."""
        u = np.sort(uniform_simplex(n, self.m, rng), axis=1)[:, ::-1]
        out = np.empty_like(u)
        out[:, list(self.order)] = u
        return out


@dataclass(frozen=True)
class HierarchicalWeights:
    r"""A value tree: group weights uniform on the group simplex, weights within each group
    uniform on that group's simplex.

    The weight of criterion :math:`j` in group :math:`g` is :math:`w_j = G_g\,u_{j}` with
    :math:`G \sim \text{Dirichlet}(1, \dots, 1)` over the groups and, independently for each
    group, :math:`u_{\cdot g} \sim \text{Dirichlet}(1, \dots, 1)` over its criteria. This is
    *not* uniform on the criteria simplex: a criterion alone in its group tends to get more
    weight than one of many. Criteria in no group get weight 0.

    ``groups`` holds the criterion positions of each group. :func:`weight_spec` builds it from
    a :class:`~potential.criteria.CriteriaModel`; groups and criteria with weight 0 in the
    model are left out (weight 0), as they take no part in the model's score.
    """

    groups: tuple[tuple[int, ...], ...]
    m: int

    def __post_init__(self):
        groups = tuple(tuple(int(i) for i in g) for g in self.groups)
        object.__setattr__(self, "groups", groups)
        flat = [i for g in groups for i in g]
        if not groups or any(not g for g in groups):
            raise InputError(message("uncertainty.hierarchy_empty"), "weights")
        if len(set(flat)) != len(flat) or min(flat) < 0 or max(flat) >= self.m:
            raise InputError(
                message("uncertainty.hierarchy_groups", last=self.m - 1, groups=groups),
                "weights",
            )

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``(n, m)`` weights: group shares times shares within the group."""
        out = np.zeros((n, self.m))
        g = uniform_simplex(n, len(self.groups), rng)
        for k, members in enumerate(self.groups):
            out[:, list(members)] = g[:, k, None] * uniform_simplex(n, len(members), rng)
        return out


@dataclass(frozen=True)
class FixedWeights:
    """Known weights (divided by their sum): no weight uncertainty."""

    weights: tuple[float, ...]

    def __post_init__(self):
        w = np.asarray(self.weights, dtype=float).ravel()
        if w.size == 0 or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
            raise InputError(message("uncertainty.fixed_weights", weights=w.tolist()), "weights")
        object.__setattr__(self, "weights", tuple((w / w.sum()).tolist()))

    @property
    def m(self) -> int:
        return len(self.weights)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` copies of the weights."""
        return np.tile(np.asarray(self.weights), (n, 1))


WeightSpec = UniformWeights | IntervalWeights | OrdinalWeights | HierarchicalWeights | FixedWeights
_SPECS = (UniformWeights, IntervalWeights, OrdinalWeights, HierarchicalWeights, FixedWeights)


def _is_number(x) -> bool:
    return not isinstance(x, bool) and isinstance(x, int | float | np.integer | np.floating)


def weight_spec(obj, criteria: Sequence) -> WeightSpec:
    """Turn the shorthand of ``smaa(weights=...)`` into a weight specification.

    Parameters
    ----------
    obj : None, mapping, Series, sequence, ndarray, CriteriaModel or a specification
        See the module notes. A mapping or Series of ``(low, high)`` pairs gives intervals
        (criteria left out get (0, 1)); of numbers, fixed weights. A list of criterion names
        gives an ordinal ranking (most important first); a list or array of numbers, fixed
        weights (so with integer column labels, build :class:`OrdinalWeights` directly).
    criteria : sequence
        The criteria (matrix columns), in order.

    Returns
    -------
    UniformWeights, IntervalWeights, OrdinalWeights, HierarchicalWeights or FixedWeights

    Raises
    ------
    InputError
        On unknown or missing criteria, bad numbers, infeasible intervals, or a specification
        for another number of criteria.
    """
    criteria = list(criteria)
    m = len(criteria)
    if obj is None:
        return UniformWeights(m)
    if isinstance(obj, _SPECS):
        if obj.m != m:
            raise InputError(message("uncertainty.spec_size", given=obj.m, m=m), "weights")
        return obj
    from potential.criteria import CriteriaModel

    if isinstance(obj, CriteriaModel):
        return _hierarchy(obj, criteria)
    if isinstance(obj, pd.Series):
        obj = obj.to_dict()
    if isinstance(obj, Mapping):
        unknown = [c for c in obj if c not in criteria]
        if unknown:
            raise InputError(
                message("mcda.not_columns", criteria=unknown, columns=criteria), "weights"
            )
        values = list(obj.values())
        if values and all(_is_number(v) for v in values):
            missing = [c for c in criteria if c not in obj]
            if missing:
                raise InputError(message("mcda.no_weight_for", missing=missing), "weights")
            return FixedWeights(tuple(float(obj[c]) for c in criteria))
        pairs = {}
        for c, v in obj.items():
            if isinstance(v, str) or not isinstance(v, Sequence | np.ndarray) or len(v) != 2:
                raise InputError(message("uncertainty.not_interval", name=c, value=v), "weights")
            pairs[c] = v
        low = tuple(pairs[c][0] if c in pairs else 0.0 for c in criteria)
        high = tuple(pairs[c][1] if c in pairs else 1.0 for c in criteria)
        for c, lo, hi in zip(criteria, low, high, strict=True):
            _finite("weights: " + message("uncertainty.interval_of", name=c), lo, hi)
        return IntervalWeights(low, high, tuple(criteria))
    if isinstance(obj, str):
        raise InputError(message("uncertainty.not_spec", value=obj), "weights")
    if isinstance(obj, Sequence | np.ndarray):
        items = list(np.asarray(obj).ravel()) if isinstance(obj, np.ndarray) else list(obj)
        if items and all(_is_number(x) for x in items):
            if len(items) != m:
                raise InputError(message("mcda.weights_count", given=len(items), m=m), "weights")
            return FixedWeights(tuple(float(x) for x in items))
        unknown = [c for c in items if c not in criteria]
        if unknown:
            raise InputError(message("uncertainty.ordinal_unknown", unknown=unknown), "weights")
        if len(items) != m or len(set(items)) != m:
            missing = [c for c in criteria if c not in items]
            repeated = len(set(items)) != len(items)
            key = (
                "uncertainty.ordinal_missing_repeated"
                if repeated
                else "uncertainty.ordinal_missing"
            )
            raise InputError(message(key, missing=missing), "weights")
        return OrdinalWeights(tuple(criteria.index(c) for c in items), tuple(items))
    raise InputError(message("uncertainty.spec_type", got=type(obj).__name__), "weights")


def _hierarchy(model, criteria: list) -> HierarchicalWeights:
    ids = [c.id for c in model.criteria]
    missing = [c for c in ids if c not in criteria]
    extra = [c for c in criteria if c not in ids]
    if missing or extra:
        raise InputError(
            message("uncertainty.model_differs", model=model.id, missing=missing, extra=extra),
            "weights",
        )
    groups = []
    for g in model.groups:
        members = tuple(criteria.index(c.id) for c in g.criteria if c.weight > 0)
        if g.weight > 0 and members:
            groups.append(members)
    return HierarchicalWeights(tuple(groups), len(criteria))


def sample_weights(spec, n: int, seed: int | np.random.Generator | None = None, criteria=None):
    """The first ``n`` weight samples of a run with this seed: exactly those SMAA uses.

    Parameters
    ----------
    spec : weight specification or shorthand
        A shorthand needs ``criteria`` (see :func:`weight_spec`).
    n : int
        Number of samples.
    seed : int, numpy.random.Generator or None
        As for :func:`~potential.uncertainty.smaa.smaa`; pass its ``seed_used`` to repeat a
        run whose seed was None or a Generator.
    criteria : sequence, optional
        The criteria, for a shorthand ``spec``.

    Returns
    -------
    numpy.ndarray
        ``(n, m)`` weights, rows summing to 1.
    """
    if not isinstance(spec, _SPECS):
        if criteria is None:
            raise InputError(message("uncertainty.shorthand_criteria"), "sample_weights")
        spec = weight_spec(spec, criteria)
    n = _check_n(n)
    return prandom.BlockStream(prandom.entropy(seed), spec.sample).take(0, n)


#: Most draws of one SMAA or Monte Carlo run (``--smaa``, ``smaa --n``, ``--risk``, a
#: scenario's ``uncertainty.n``): at a million draws a share (rank acceptability, chance of a
#: positive Kapitalwert) has a standard error below 0.0005 (√(0.25 / 10⁶)); more draws only
#: cost time (10⁹ would run for days).
MAX_DRAWS = 1_000_000


def _check_n(n, option: str = "n") -> int:
    """``n`` as an int in 1 … :data:`MAX_DRAWS`, else :class:`InputError` naming ``option``."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise InputError(message("uncertainty.int_at_least", least=1, value=n), option)
    if n > MAX_DRAWS:
        raise InputError(
            message("numbers.too_large", option=option, value=n, limit=MAX_DRAWS), option
        )
    return int(n)


# ---------------------------------------------------------------------------------------------
# Value uncertainty
# ---------------------------------------------------------------------------------------------

_SCALES = ("absolute", "offset", "factor")


def _check_scale(scale):
    if scale not in _SCALES:
        raise InputError(message("mcda.one_of", value=scale, choices=", ".join(_SCALES)), "scale")


@dataclass(frozen=True)
class Uniform:
    """A value uniform between ``low`` and ``high`` (see the module notes for ``scale``)."""

    low: float
    high: float
    scale: Literal["absolute", "offset", "factor"] = "absolute"

    def __post_init__(self):
        _finite("Uniform", self.low, self.high)
        _check_scale(self.scale)
        if not self.low < self.high:
            raise InputError(
                message("uncertainty.uniform_bounds", low=self.low, high=self.high), "Uniform"
            )

    def bounds(self, x: float) -> tuple[float, float]:
        """Absolute (low, high) around the matrix value ``x``."""
        return _place((self.low, self.high), x, self.scale)


@dataclass(frozen=True)
class Triangular:
    """A triangular value on [``low``, ``high``] with mode ``mode`` (see ``scale``)."""

    low: float
    mode: float
    high: float
    scale: Literal["absolute", "offset", "factor"] = "absolute"

    def __post_init__(self):
        _finite("Triangular", self.low, self.mode, self.high)
        _check_scale(self.scale)
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise InputError(
                message(
                    "uncertainty.triangular_bounds", low=self.low, mode=self.mode, high=self.high
                ),
                "Triangular",
            )

    def bounds(self, x: float) -> tuple[float, float, float]:
        """Absolute (low, mode, high) around the matrix value ``x``."""
        return _place((self.low, self.mode, self.high), x, self.scale)


@dataclass(frozen=True)
class Normal:
    """A normal value centred on the matrix value, clipped to absolute [``low``, ``high``].

    ``sd`` is the standard deviation (``relative=True``: as a fraction of the value's
    magnitude). Draws beyond a bound are set to the bound (clipping, not truncation).
    """

    sd: float
    low: float | None = None
    high: float | None = None
    relative: bool = False

    def __post_init__(self):
        _finite("Normal", self.sd)
        for b in (self.low, self.high):
            if b is not None:
                _finite("Normal", b)
        if not self.sd > 0:
            raise InputError(message("uncertainty.normal_sd", sd=self.sd), "Normal")
        if self.low is not None and self.high is not None and not self.low < self.high:
            raise InputError(
                message("uncertainty.uniform_bounds", low=self.low, high=self.high), "Normal"
            )


def _place(params, x, scale):
    if scale == "absolute":
        return tuple(float(p) for p in params)
    if scale == "offset":
        return tuple(x + p for p in params)
    placed = [x * p for p in params]
    return tuple(sorted(placed)) if len(placed) == 2 else _sorted_triangle(placed)


def _sorted_triangle(p):
    return (min(p[0], p[2]), p[1], max(p[0], p[2]))


Distribution = Uniform | Triangular | Normal


@dataclass(frozen=True, eq=False)
class ValueUncertainty:
    """The uncertain cells of a decision matrix, resolved to absolute parameters.

    Built by :func:`value_spec`. ``cells`` are flat positions (row-major) of the uncertain
    cells; ``uniform``, ``triangular`` and ``normal`` hold, per kind, the cells' positions in
    ``cells`` and their parameters. Each sample uses one uniform number per uncertain cell,
    transformed by the inverse distribution function.
    """

    nominal: np.ndarray  # (a, m)
    cells: np.ndarray  # (k,)
    uniform: tuple  # (positions, low, high)
    triangular: tuple  # (positions, low, mode, high)
    normal: tuple  # (positions, mean, sd, low, high)
    min_support: np.ndarray  # (a, m) lowest possible value of each cell

    @property
    def k(self) -> int:
        return len(self.cells)

    def transform(self, u: np.ndarray) -> np.ndarray:
        """Values ``(c, a, m)`` from uniforms ``u`` of shape ``(c, k)``."""
        from scipy.special import ndtri

        c = u.shape[0]
        a, m = self.nominal.shape
        out = np.empty((c, a * m))
        out[:] = self.nominal.ravel()
        pos, lo, hi = self.uniform
        if len(pos):
            out[:, self.cells[pos]] = lo + (hi - lo) * u[:, pos]
        pos, lo, mode, hi = self.triangular
        if len(pos):
            p = u[:, pos]
            width = hi - lo
            left = p * width < (mode - lo)
            with np.errstate(invalid="ignore"):
                x_left = lo + np.sqrt(p * width * (mode - lo))
                x_right = hi - np.sqrt((1 - p) * width * (hi - mode))
            out[:, self.cells[pos]] = np.where(left, x_left, x_right)
        pos, mean, sd, lo, hi = self.normal
        if len(pos):
            p = np.clip(u[:, pos], 2.0**-53, 1 - 2.0**-53)
            out[:, self.cells[pos]] = np.clip(mean + sd * ndtri(p), lo, hi)
        return out.reshape(c, a, m)

    def uniforms(self, root: int, start: int, stop: int) -> np.ndarray:
        """The uniforms ``(stop - start, k)`` of samples ``start`` to ``stop - 1``.

        Sample ``i`` of block ``b`` uses outputs ``i·k`` to ``i·k + k - 1`` of the PCG64 stream
        of ``SeedSequence(root, spawn_key=(b, 0))``; ``Generator.random`` turns each 64-bit
        output into one double, so the stream is advanced to the first sample of the range.
        """
        parts = []
        for b, lo, hi in prandom.blocks(start, stop):
            bits = np.random.PCG64(prandom.block_sequence(root, b, 0))
            bits.advance(lo * self.k)
            parts.append(np.random.Generator(bits).random((hi - lo, self.k)))
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def sample(self, root: int, start: int, stop: int) -> np.ndarray:
        """Values ``(stop - start, a, m)`` of samples ``start`` to ``stop - 1``."""
        return self.transform(self.uniforms(root, start, stop))


def value_spec(obj, matrix: pd.DataFrame) -> ValueUncertainty | None:
    """Resolve ``smaa(value_uncertainty=...)`` against a decision matrix.

    Parameters
    ----------
    obj : mapping or None
        Criterion → distribution, and/or ``(alternative, criterion)`` → distribution (a cell's
        entry overrides its criterion's).
    matrix : pandas.DataFrame
        The decision matrix (checked).

    Returns
    -------
    ValueUncertainty or None
        None when ``obj`` is None or empty.

    Raises
    ------
    InputError
        On unknown alternatives or criteria, entries that are not distributions, or a
        ``Normal`` whose bounds exclude the matrix value.
    """
    if obj is None:
        return None
    if not isinstance(obj, Mapping):
        raise InputError(
            message("uncertainty.values_not_mapping", got=type(obj).__name__), "value_uncertainty"
        )
    columns, index = list(matrix.columns), list(matrix.index)
    values = matrix.to_numpy(dtype=float)
    a, m = values.shape
    per_cell: dict[tuple[int, int], Distribution] = {}
    cell_keys = []
    for key, dist in obj.items():
        if not isinstance(dist, Uniform | Triangular | Normal):
            raise InputError(
                message("uncertainty.not_distribution", key=key, value=dist), "value_uncertainty"
            )
        if _hashable_in(key, columns):
            j = columns.index(key)
            for i in range(a):
                per_cell.setdefault((i, j), dist)
            continue
        if isinstance(key, tuple) and len(key) == 2:
            alt, crit = key
            if _hashable_in(alt, index) and _hashable_in(crit, columns):
                cell_keys.append(((index.index(alt), columns.index(crit)), dist))
                continue
        raise InputError(message("uncertainty.unknown_cell", key=key), "value_uncertainty")
    for cell, dist in cell_keys:
        per_cell[cell] = dist
    if not per_cell:
        return None
    kinds: dict[str, list] = {"uniform": [], "triangular": [], "normal": []}
    cells = []
    min_support = values.copy()
    for pos, ((i, j), dist) in enumerate(sorted(per_cell.items())):
        cells.append(i * m + j)
        x = values[i, j]
        if isinstance(dist, Uniform):
            lo, hi = dist.bounds(x)
            kinds["uniform"].append((pos, lo, hi))
        elif isinstance(dist, Triangular):
            lo, mode, hi = dist.bounds(x)
            kinds["triangular"].append((pos, lo, mode, hi))
        else:
            lo = -np.inf if dist.low is None else dist.low
            hi = np.inf if dist.high is None else dist.high
            if not lo <= x <= hi:
                raise InputError(
                    message(
                        "uncertainty.normal_outside",
                        alternative=index[i],
                        criterion=columns[j],
                        value=x,
                        low=lo,
                        high=hi,
                    ),
                    "value_uncertainty",
                )
            sd = dist.sd * abs(x) if dist.relative else dist.sd
            kinds["normal"].append((pos, x, sd, lo, hi))
        min_support[i, j] = lo
    return ValueUncertainty(
        nominal=values,
        cells=np.array(cells, dtype=np.intp),
        uniform=_columns(kinds["uniform"], 3),
        triangular=_columns(kinds["triangular"], 4),
        normal=_columns(kinds["normal"], 5),
        min_support=min_support,
    )


def _hashable_in(key, labels) -> bool:
    try:
        return key in labels
    except TypeError:
        return False


def _columns(rows, width):
    if not rows:
        return (np.array([], dtype=np.intp),) + tuple(np.array([]) for _ in range(width - 1))
    cols = list(zip(*rows, strict=True))
    return (np.array(cols[0], dtype=np.intp),) + tuple(np.array(c, dtype=float) for c in cols[1:])


def sample_values(
    matrix: pd.DataFrame,
    value_uncertainty,
    n: int,
    seed: int | np.random.Generator | None = None,
) -> np.ndarray:
    """The first ``n`` value samples of a run with this seed: exactly those SMAA uses.

    Returns
    -------
    numpy.ndarray
        ``(n, alternatives, criteria)``; cells without uncertainty keep their value.
    """
    from potential.mcda._base import check_inputs

    check_inputs(matrix, ["max"] * matrix.shape[1], np.ones(matrix.shape[1]))
    spec = value_spec(value_uncertainty, matrix)
    n = _check_n(n)
    if spec is None:
        return np.broadcast_to(matrix.to_numpy(dtype=float), (n, *matrix.shape)).copy()
    return spec.sample(prandom.entropy(seed), 0, n)
