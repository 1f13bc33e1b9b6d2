r"""Coalition finder: which partner sets pay for the pool, and how do the members fare?

For one field (or several), :func:`find` enumerates **every** set of 2 to ``max_size``
participating bodies, combines each set with each legal form of the field and computes, for
every such *coalition*, the Wirtschaftlichkeitsvergleich of every member
(:mod:`potential.economics`). ``docs/coalitions.md`` describes the method, the design
decisions and how it scales.

**Money first.** A coalition is kept if the pool's Kapitalwert, the sum of its members'
Kapitalwerte (``pool_npv``, EUR, transferable between the members through the cost key), is
positive: then a proportional key (each member gets its cost share of the pool's Kapitalwert,
``share_npv``) leaves every member at or above its status quo. Kept coalitions are ranked per
field by ``pool_npv``. The key is a parameter (``key``: ``kosten``, the full-cost key, by
default; or ``einwohner``, ``vzae``, ``fallzahlen``, :mod:`potential.sharing.ikz`), and
``stable`` says whether its split leaves no subset better off on its own (the core of the
coalition's game, from the enumerated values). Shapley value, nucleolus and SCRB of one
option: :func:`potential.sharing.tables.share`. Each
member's own Kapitalwert under the cash flows as modelled (``npv``, its own savings share and
its cost share of the one-off cost) is shown beside it, with ``min_npv`` and
``members_npv_positive``.

**Points beside the money.** Each member's qualitative score is reported, not summed across
bodies: ``gain`` = the member's score minus its stand-alone score, on the criteria model's
anchored scales (the same for every body, so a coalition's gains do not depend on what else is
enumerated; for a model without scales, each body's range over its options in the standard
analysis, clipped). ``all_gain`` says whether every member also gains in points.

.. math:: g_{m,c} = S_m(c) - S_m(\text{alone}),\qquad S_m = \sum_j w_j v_j \ (\texttt{wsm}),
    \qquad S_m = \prod_j \big(f + (1-f) v_j\big)^{w_j} \ (\texttt{wpm},\ f = 0.1)

Only ``wsm`` and ``wpm`` score an option on its own; the other methods score an option
relative to the others and raise :class:`~potential.errors.InputError`.

**Options.** The coalitions are built like :func:`potential.options.generate_options` with
the partner-set family ``all``: id ``field/form/a+b+c``, partners joined by ``;``, a lead
(:func:`potential.options.choose_lead`, or the dataset's required ``lead``) for forms with
one, and sets that an existing full-scope cooperation blocks are dropped
(:func:`potential.knockout.blocked`). The dataset's option rules still say who takes part
(``join``, ``stay_out``), which legal forms are offered (``legal_forms``, ``lead``) and
whether a lead is required (then every coalition contains it); ``partner_sets`` and
``max_size`` are replaced by the enumeration. Indicators come from
:func:`potential.indicators.indicator_table`; the scoring is vectorised with numpy.

**Connected sets.** With ``connected=True`` only sets whose towns form a connected subgraph
of the neighbour graph (``bodies.csv``, made symmetric) are kept. The county (kind
``kreis``) covers the whole district and lists no neighbours; it is left out of the test, so
it may join any connected set of towns (and a county–town pair is connected).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from potential import mcda
from potential.analysis import (
    WPM_VALUE_FLOOR,
    body_weight_vector,
    decision_matrices_for,
    prepare,
)
from potential.criteria import CriteriaModel
from potential.economics import economic_settings
from potential.errors import InputError
from potential.indicators import indicator_table
from potential.messages import message
from potential.models import PARTNER_SEP, Dataset
from potential.options import (
    STAND_ALONE,
    _offered_forms,
    coalition_options,
    participants,
)
from potential.sharing.ikz import (
    PROPORTIONAL_KEYS,
    key_quantities,
    status_quo_pv,
    superadditive_cover,
)

__all__ = [
    "GAIN_TOLERANCE",
    "METHODS",
    "Coalitions",
    "coalition_options",
    "find",
    "member_sets",
    "neighbour_masks",
]

#: Methods that score an option on its own (fixed scales); the others are relative.
METHODS = ("wsm", "wpm")

#: A gain of at most this counts as none: stand-alone wins ties (scores lie in [0, 1]).
GAIN_TOLERANCE = 1e-12

#: Decimals to which sort keys are rounded, so that float noise does not order coalitions.
_KEY_DECIMALS = 12

COALITION_COLUMNS = [
    "option", "field", "legal_form", "members", "n_members", "lead", "pool_npv", "min_npv",
    "min_share_npv", "all_better_off", "stable", "members_npv_positive", "pays", "mean_gain",
    "min_gain", "all_gain",
]  # fmt: skip
GAIN_COLUMNS = [
    "option", "field", "legal_form", "members", "rank", "member", "is_lead", "npv",
    "share_npv", "gain", "score", "alone_score", "net_savings", "clipped",
]  # fmt: skip

#: a pool Kapitalwert of at most this (EUR) counts as none: the status quo wins ties
NPV_TOLERANCE = 0.005


@dataclass(frozen=True)
class Coalitions:
    """Result of :func:`find`.

    Attributes
    ----------
    coalitions : pandas.DataFrame
        One row per (partner set, legal form) whose pool Kapitalwert is positive, ranked per
        field: ``option`` (``field/form/a+b+c``), ``field``, ``legal_form``, ``members``
        (body ids in dataset order, joined by ``;``), ``n_members``, ``lead`` (empty for
        forms without a lead), ``pool_npv`` (sum of the members' Kapitalwerte, EUR),
        ``min_npv`` (the smallest member Kapitalwert as modelled), ``min_share_npv`` (the
        smallest member Kapitalwert when the pool's cost is split by ``key``),
        ``all_better_off`` (``min_share_npv`` > 0.005 EUR), ``stable`` (the key's split is in
        the core: no proper subset gets less than its best pool Kapitalwert over the
        enumerated forms, splits included; NA with ``connected``, ``must_include`` or a
        required lead, where not every subset is enumerated),
        ``members_npv_positive``, ``pays`` (always true here), ``mean_gain`` and
        ``min_gain`` (qualitative score gains), ``all_gain`` (every member also gains in
        points) and ``rank`` (1 = best within the field: ``pool_npv`` descending, then
        ``min_gain`` descending, then option id). Sorted by field (dataset order) and rank;
        at most ``top`` rows per field.
    gains : pandas.DataFrame
        One row per (coalition in :attr:`coalitions`, member): ``option``, ``field``,
        ``legal_form``, ``members``, ``rank``, ``member``, ``is_lead``, ``npv`` (the
        member's Kapitalwert as modelled, EUR), ``share_npv`` (its Kapitalwert when the
        pool's cost is split by ``key``), ``gain`` (score − stand-alone score), ``score``,
        ``alone_score``, ``net_savings`` (the member's steady-state yearly difference, EUR/a)
        and ``clipped`` (how many criteria lay outside the scale).
        Sorted like :attr:`coalitions`, members in dataset order.
    candidates : pandas.DataFrame
        Every enumerated coalition, whether or not it pays, with the columns of
        :attr:`coalitions` except ``rank``, in enumeration order (field, set size, set,
        legal form).
    scales : pandas.DataFrame
        The fixed value scales: one row per (body, criterion) with ``direction``, ``low``
        and ``high`` (the criteria model's anchors; for a model without them, the range over
        the body's options in the standard analysis, stand-alone included) and ``weight``
        (the body's effective weight).
    key : str
        The cost key.
    n_sets : int
        Member sets enumerated (after ``must_include`` and ``connected``, before existing
        full-scope cooperations, which depend on the field).
    """

    coalitions: pd.DataFrame
    gains: pd.DataFrame
    candidates: pd.DataFrame
    scales: pd.DataFrame
    key: str
    dataset: Dataset
    criteria: CriteriaModel
    fields: tuple[str, ...]
    legal_forms: dict[str, tuple[str, ...]]
    max_size: int
    must_include: tuple[str, ...]
    connected: bool
    method: str
    reference_date: dt.date
    top: int | None
    n_sets: int


# --- enumeration ---------------------------------------------------------------------------


def neighbour_masks(dataset: Dataset, bodies: Iterable[str]) -> dict[str, int]:
    """The neighbour relation among some bodies as bit masks (bit ``i`` = ``bodies[i]``).

    Neighbours come from ``bodies.csv`` and the relation is made symmetric (a pair counts
    if either side lists the other); bodies outside ``bodies`` are left out.

    Returns
    -------
    dict of str to int
        Body id → mask of its neighbours among ``bodies``.
    """
    ids = list(bodies)
    bit = {b: 1 << i for i, b in enumerate(ids)}
    masks = dict.fromkeys(ids, 0)
    for b in ids:
        for nb in dataset.body(b).neighbours:
            if nb in bit and nb != b:
                masks[b] |= bit[nb]
                masks[nb] |= bit[b]
    return masks


def _connected(mask: int, adjacency: list[int]) -> bool:
    """Whether the bodies in ``mask`` form a connected subgraph (breadth-first on bits)."""
    if mask & (mask - 1) == 0:  # zero or one body
        return True
    reach = mask & -mask
    while True:
        grown = reach
        rest = reach
        while rest:
            low = rest & -rest
            grown |= adjacency[low.bit_length() - 1]
            rest ^= low
        grown &= mask
        if grown == reach:
            return reach == mask
        reach = grown


def member_sets(
    dataset: Dataset,
    bodies: Iterable[str],
    max_size: int,
    must_include: Iterable[str] = (),
    connected: bool = False,
) -> list[tuple[str, ...]]:
    """Every set of 2 to ``max_size`` of ``bodies`` that meets the conditions.

    Parameters
    ----------
    dataset : Dataset
        Gives the neighbours and the kind of each body.
    bodies : iterable of str
        The bodies to choose from, in dataset order.
    max_size : int
        The largest set.
    must_include : iterable of str
        Bodies every set contains.
    connected : bool
        Keep only sets whose towns are connected in the neighbour graph
        (:func:`neighbour_masks`); a county (kind ``kreis``) is left out of the test.

    Returns
    -------
    list of tuple of str
        Members in the order of ``bodies``; smaller sets first, then in the order of
        :func:`itertools.combinations` (as the partner-set family ``all``).
    """
    ids = list(bodies)
    bit = {b: 1 << i for i, b in enumerate(ids)}
    must = 0
    for b in must_include:
        must |= bit[b]
    county = 0
    for b in ids:
        if dataset.body(b).kind == "kreis":
            county |= bit[b]
    masks = neighbour_masks(dataset, ids) if connected else {}
    adjacency = [masks.get(b, 0) & ~county for b in ids]
    out = []
    for size in range(2, min(max_size, len(ids)) + 1):
        for combo in itertools.combinations(range(len(ids)), size):
            mask = 0
            for i in combo:
                mask |= 1 << i
            if mask & must != must:
                continue
            if connected and not _connected(mask & ~county, adjacency):
                continue
            out.append(tuple(ids[i] for i in combo))
    return out


# --- checks --------------------------------------------------------------------------------


def _ids(values, what: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    try:
        out = tuple(values)
    except TypeError:
        raise InputError(message("coalitions.not_ids", what=what, value=values)) from None
    for v in out:
        if not isinstance(v, str):
            raise InputError(message("coalitions.id_not_text", what=what, value=v))
    return tuple(dict.fromkeys(out))


def _check_method(method: str) -> None:
    if method in METHODS:
        return
    if method in mcda.METHODS:
        raise InputError(
            message(
                "coalitions.method_relative",
                method=method,
                methods=message("coalitions.and").join(METHODS),
            )
        )
    raise InputError(
        message(
            "coalitions.method_unknown",
            method=method,
            methods=message("coalitions.and").join(METHODS),
        )
    )


def _check_int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InputError(message("coalitions.not_whole", what=what, value=value))
    return int(value)


def _field_forms(ds: Dataset, fields, legal_forms) -> dict[str, tuple[str, ...]]:
    rules = ds.meta.options
    known_fields = [f.id for f in ds.fields]
    if fields is None:
        chosen = [f for f, forms in _offered_forms(ds, rules).items() if forms]
    else:
        chosen = list(_ids(fields, "field"))
        if not chosen:
            raise InputError(message("coalitions.field_empty"))
        for f in chosen:
            if f not in known_fields:
                raise InputError(
                    message("coalitions.field_unknown", field=f, known=", ".join(known_fields))
                )
    if legal_forms is not None:
        wanted = _ids(legal_forms, "legal_forms")
        known = [f.id for f in ds.legal_forms]
        for form in wanted:
            if form not in known:
                raise InputError(
                    message("coalitions.form_unknown", form=form, known=", ".join(known))
                )
        rules = rules.model_copy(update={"legal_forms": wanted})
    offered = _offered_forms(ds, rules.model_copy(update={"fields": tuple(chosen)}))
    forms = {f: tuple(offered[f]) for f in chosen}
    if not any(forms.values()):
        fits = "; ".join(f"{f}: {', '.join(ds.field(f).legal_forms)}" for f in chosen)
        need = message("coalitions.no_form_lead") if rules.lead is not None else ""
        given = (
            message("coalitions.no_form_among", forms=", ".join(rules.legal_forms))
            if legal_forms is not None
            else ""
        )
        raise InputError(message("coalitions.no_form", need=need, given=given, fits=fits))
    return forms


# --- scoring -------------------------------------------------------------------------------


def _scales(ds, table, model, body_ids):
    """Fixed (low, high) per body and criterion: the model's anchored scales, the same for
    every body; for a model without them, each body's range over the standard options."""
    low = np.empty((len(body_ids), len(model.criteria)))
    high = np.empty_like(low)
    weights = np.empty_like(low)
    anchored = all(c.scale is not None for c in model.criteria)
    for i, b in enumerate(body_ids):
        if anchored:
            low[i] = [c.bounds[0] for c in model.criteria]
            high[i] = [c.bounds[1] for c in model.criteria]
        else:
            matrix = decision_matrices_for(ds, table, model, b).to_numpy(dtype=float)
            low[i], high[i] = matrix.min(axis=0), matrix.max(axis=0)
        w = np.asarray(body_weight_vector(model, b), dtype=float)
        weights[i] = w / w.sum()
    return low, high, weights


def _scores(x, body, low, high, weights, sign, method):
    """Scores of rows ``x`` (rows × criteria) of bodies ``body`` on the fixed scales."""
    lo, hi = low[body], high[body]
    span = hi - lo
    raw = np.where(sign > 0, x - lo, hi - x)
    v = np.divide(raw, span, out=np.zeros_like(raw), where=span > 0)
    clipped = ((v < 0) | (v > 1)).sum(axis=1)
    v = np.clip(v, 0.0, 1.0)
    w = weights[body]
    if method == "wsm":
        score = np.einsum("ij,ij->i", v, w)
    else:
        f = WPM_VALUE_FLOOR
        score = 10.0 ** np.einsum("ij,ij->i", np.log10(f + (1 - f) * v), w)
    return score, clipped


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def find(
    dataset: str | Path | Dataset | None = None,
    criteria: str | Path | CriteriaModel = "ikz-egov-nrw",
    field: str | Iterable[str] | None = None,
    max_size: int | None = None,
    must_include: str | Iterable[str] = (),
    connected: bool = False,
    method: str = "wsm",
    reference_date: str | dt.date | None = None,
    legal_forms: str | Iterable[str] | None = None,
    top: int | None = None,
    body_weights: str | Path | Mapping | None = None,
    key: str = "kosten",
) -> Coalitions:
    """Find the coalitions of a field whose pool Kapitalwert is positive.

    Enumerates every set of 2 to ``max_size`` participating bodies × every legal form of the
    field, computes every member's Kapitalwert and qualitative score (module notes) and keeps
    the coalitions whose pool Kapitalwert is positive, ranked by it.

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder or a loaded dataset; default ``kreis-unna``.
    criteria : str, Path or CriteriaModel
        Criteria model name, YAML file or model; default ``ikz-egov-nrw``.
    field : str or iterable of str, optional
        Field id(s); default every field the dataset's option rules offer. Ranks are per
        field.
    max_size : int, optional
        The largest coalition (2 to the number of participating bodies); default all of
        them.
    must_include : str or iterable of str
        Bodies every coalition contains.
    connected : bool
        Only sets whose towns are connected in the neighbour graph (the county may join
        any).
    method : {"wsm", "wpm"}
        How members score an option (module notes); other methods raise.
    reference_date : str or datetime.date, optional
        As for :func:`potential.analyse`; default the dataset's.
    legal_forms : str or iterable of str, optional
        Only these legal forms (each where it fits the field); default the forms the
        dataset's option rules offer.
    top : int, optional
        Keep the ``top`` best coalitions per field in :attr:`Coalitions.coalitions` and
        :attr:`Coalitions.gains`; default all.
    body_weights : str, Path or mapping, optional
        Per-body weights, as for :func:`potential.analyse`.
    key : {"kosten", "einwohner", "vzae", "fallzahlen"}
        The cost key that splits each pool's cost (module notes); default the full-cost key
        ``kosten``. The game-theoretic keys (Shapley value, nucleolus, SCRB) are computed
        per option by :func:`potential.sharing.tables.share` (``potential sharing``).

    Returns
    -------
    Coalitions

    Raises
    ------
    InputError
        An unknown field, legal form or body; a body in ``must_include`` that takes no part;
        ``max_size`` below 2, above the number of participating bodies or below the number
        of bodies that must be included; a method other than ``wsm``/``wpm``; ``top``
        below 1.

    Examples
    --------
    >>> from potential.coalitions import find
    >>> found = find(field="it", max_size=3)                          # doctest: +SKIP
    >>> found.coalitions.head()                                       # doctest: +SKIP
    >>> found.gains.query("rank == 1")                                # doctest: +SKIP
    """
    _check_method(method)
    if key not in PROPORTIONAL_KEYS:
        raise InputError(
            message("coalitions.key_not_proportional", key=key, known=", ".join(PROPORTIONAL_KEYS))
        )
    if not isinstance(connected, bool | np.bool_):
        raise InputError(message("coalitions.connected", value=connected))
    if top is not None and _check_int(top, "top") < 1:
        raise InputError(message("coalitions.top", value=top))
    ds, model, date, _, standard = prepare(dataset, criteria, reference_date, body_weights)
    rules = ds.meta.options
    bodies = [b.id for b in participants(ds)]
    known = [b.id for b in ds.bodies]
    must = _ids(must_include, "must_include")
    for b in must:
        if b not in known:
            raise InputError(message("coalitions.body_unknown", body=b, known=", ".join(known)))
        if b not in bodies:
            raise InputError(message("coalitions.body_outside", body=b, taking=", ".join(bodies)))
    n = len(bodies)
    size = n if max_size is None else _check_int(max_size, "max_size")
    if not 2 <= size <= n:
        raise InputError(message("coalitions.max_size_range", size=size, n=n))
    required = tuple(dict.fromkeys((*must, *((rules.lead,) if rules.lead else ()))))
    if len(required) > size:
        raise InputError(
            message(
                "coalitions.max_size_required",
                size=size,
                count=len(required),
                bodies=", ".join(required),
            )
        )
    forms = _field_forms(ds, field, legal_forms)
    order = {b: i for i, b in enumerate(bodies)}
    required = tuple(sorted(required, key=order.__getitem__))

    low, high, weights = _scales(ds, standard, model, bodies)
    sign = np.array([1.0 if c.direction == "max" else -1.0 for c in model.criteria])
    scales = pd.DataFrame(
        {
            "body": np.repeat(bodies, len(model.criteria)),
            "criterion": [c.id for c in model.criteria] * n,
            "direction": [c.direction for c in model.criteria] * n,
            "low": low.ravel(),
            "high": high.ravel(),
            "weight": weights.ravel(),
        }
    )

    sets = member_sets(ds, bodies, size, required, connected)
    options = coalition_options(ds, forms, sets, date, rules.lead)
    settings = dict(
        key=key,
        scales=scales,
        dataset=ds,
        criteria=model,
        fields=tuple(forms),
        legal_forms=forms,
        max_size=size,
        must_include=required,
        connected=bool(connected),
        method=method,
        reference_date=date,
        top=top,
        n_sets=len(sets),
    )
    if options.empty:
        return Coalitions(
            coalitions=_empty([*COALITION_COLUMNS, "rank"]),
            gains=_empty(GAIN_COLUMNS),
            candidates=_empty(COALITION_COLUMNS),
            **settings,
        )

    table = indicator_table(ds, options, date)
    indicators = [c.indicator for c in model.criteria]
    body = table["body"].map(order).to_numpy()
    score, clipped = _scores(
        table[indicators].to_numpy(dtype=float), body, low, high, weights, sign, method
    )
    is_alone = (table["option"] == STAND_ALONE).to_numpy()
    alone = np.empty(n)
    alone[body[is_alone]] = score[is_alone]

    rows = table.loc[~is_alone, ["option", "body", "is_lead", "net_savings", "npv", "annual_cost"]]
    rows = rows.reset_index(drop=True)
    rows["score"] = score[~is_alone]
    rows["alone_score"] = alone[body[~is_alone]]
    rows["gain"] = rows["score"] - rows["alone_score"]
    rows["clipped"] = clipped[~is_alone]

    code = pd.Categorical(rows["option"], categories=options["option"]).codes
    k = len(options)
    joint = np.bincount(code, weights=rows["gain"].to_numpy(), minlength=k)
    pool_npv = np.bincount(code, weights=rows["npv"].to_numpy(), minlength=k)
    rows["share_npv"] = _key_npv(ds, rows, options, key, date, code, pool_npv)
    positive = np.bincount(code, weights=(rows["npv"] > NPV_TOLERANCE).to_numpy(), minlength=k)
    by_code = np.argsort(code, kind="stable")
    starts = np.searchsorted(code[by_code], np.arange(k))
    min_gain = np.minimum.reduceat(rows["gain"].to_numpy()[by_code], starts)
    min_npv = np.minimum.reduceat(rows["npv"].to_numpy()[by_code], starts)
    min_share = np.minimum.reduceat(rows["share_npv"].to_numpy()[by_code], starts)

    candidates = pd.DataFrame(
        {
            "option": options["option"],
            "field": options["field"],
            "legal_form": options["legal_form"],
            "members": options["partners"],
            "n_members": options["n_partners"],
            "lead": options["lead"],
            "pool_npv": pool_npv,
            "min_npv": min_npv,
            "min_share_npv": min_share,
            "all_better_off": min_share > NPV_TOLERANCE,
            "stable": pd.array([pd.NA] * k, dtype="boolean"),
            "members_npv_positive": positive.astype(int),
            "pays": pool_npv > NPV_TOLERANCE,
            "mean_gain": joint / options["n_partners"].to_numpy(),
            "min_gain": min_gain,
            "all_gain": min_gain > GAIN_TOLERANCE,
        }
    )

    field_order = {f.id: i for i, f in enumerate(ds.fields)}
    kept = candidates[candidates["pays"]].assign(
        _field=lambda d: d["field"].map(field_order),
        _npv=lambda d: -d["pool_npv"].round(2),
        _min=lambda d: -d["min_gain"].round(_KEY_DECIMALS),
    )
    kept = kept.sort_values(["_field", "_npv", "_min", "option"], kind="stable")
    kept["rank"] = kept.groupby("field", sort=False).cumcount() + 1
    if top is not None:
        kept = kept[kept["rank"] <= top]
    coalitions = kept.drop(columns=["_field", "_npv", "_min"]).reset_index(drop=True)
    complete = not connected and not required
    if complete and len(coalitions):
        coalitions["stable"] = _stability(coalitions, candidates, rows, bodies)

    info = coalitions.set_index("option")
    gains = rows[rows["option"].isin(info.index)].rename(columns={"body": "member"})
    gains = gains.join(info[["field", "legal_form", "members", "rank"]], on="option")
    gains["_field"] = gains["field"].map(field_order)
    gains["_member"] = gains["member"].map(order)
    gains = gains.sort_values(["_field", "rank", "_member"], kind="stable")
    gains = gains[GAIN_COLUMNS].reset_index(drop=True)

    return Coalitions(coalitions=coalitions, gains=gains, candidates=candidates, **settings)


# --- the cost key and stability ------------------------------------------------------------


def _key_npv(ds, rows, options, key, date, code, pool_npv) -> np.ndarray:
    """Each member's Kapitalwert when the pool's cost is split by ``key``.

    The pool's cost is :math:`c(S) = \\sum_i Q_i - v(S)` (:mod:`potential.sharing.ikz`);
    member :math:`i` pays :math:`c(S)\\,k_i/\\sum_j k_j` and gains :math:`Q_i` minus that.
    """
    settings = economic_settings(ds, date)
    status_quo = status_quo_pv(rows["annual_cost"], settings).to_numpy()
    field = options.set_index("option")["field"]
    fields = rows["option"].map(field)
    quantity = np.empty(len(rows))
    for f in fields.unique():
        mask = (fields == f).to_numpy()
        members = rows.loc[mask, "body"]
        table = key_quantities(ds, f, members.unique())[key]
        missing = [b for b in table.index if not np.isfinite(table[b])]
        if missing:
            raise InputError(
                message(
                    "coalitions.key_missing_figure", key=key, field=f, bodies=", ".join(missing)
                )
            )
        quantity[mask] = members.map(table).to_numpy(float)
    k = code.max() + 1 if len(code) else 0
    total_q = np.bincount(code, weights=quantity, minlength=k)
    total_sq = np.bincount(code, weights=status_quo, minlength=k)
    share = np.divide(quantity, total_q[code], out=np.full(len(rows), np.nan),
                      where=total_q[code] > 0)  # fmt: skip
    return status_quo - share * (total_sq - pool_npv)[code]


def _stability(coalitions, candidates, rows, bodies, chunk: int = 2048) -> np.ndarray:
    """Whether each coalition's split under the key is in the core of its game.

    The game: every subset's best pool Kapitalwert over the enumerated forms, with splits
    (:func:`potential.sharing.ikz.superadditive_cover`); singletons 0. A split is stable if no
    proper subset gets less than its value. Vectorised: the members' shares of a chunk of
    coalitions times the bit-incidence matrix give every subset's share at once.
    """
    n = len(bodies)
    bit = {b: 1 << i for i, b in enumerate(bodies)}

    def mask_of(members: str) -> int:
        m = 0
        for b in members.split(PARTNER_SEP):
            m |= bit[b]
        return m

    all_masks = np.arange(1 << n)
    incidence = ((all_masks[None, :] >> np.arange(n)[:, None]) & 1).astype(float)
    covers = {}
    for field, group in candidates.groupby("field", sort=False):
        direct = np.full(1 << n, -np.inf)
        direct[1 << np.arange(n)] = 0.0
        best = group.groupby("members")["pool_npv"].max()
        for members, value in best.items():
            m = mask_of(members)
            direct[m] = max(direct[m], value)
        covers[field] = superadditive_cover(direct)
    index = {b: i for i, b in enumerate(bodies)}
    shares = np.zeros((len(coalitions), n))
    position = {o: j for j, o in enumerate(coalitions["option"])}
    picked = rows[rows["option"].isin(position)]
    shares[picked["option"].map(position).to_numpy(), picked["body"].map(index).to_numpy()] = (
        picked["share_npv"].to_numpy()
    )
    own = np.array([mask_of(m) for m in coalitions["members"]])
    size = coalitions["n_members"].to_numpy()
    stable = np.ones(len(coalitions), dtype=bool)
    fields = coalitions["field"].to_numpy()
    for start in range(0, len(coalitions), chunk):
        part = slice(start, start + chunk)
        sums = shares[part] @ incidence
        inside = ((all_masks[None, :] & ~own[part, None]) == 0) & (
            all_masks[None, :] != own[part, None]
        )
        inside[:, 0] = False
        value = np.stack([covers[f] for f in fields[part]])
        short = inside & (sums < value - NPV_TOLERANCE * size[part, None])
        stable[part] = ~short.any(axis=1)
    return stable
