r"""The IKZ game of a cooperation option, and who pays what under each cost key.

For an option with field :math:`f`, legal form :math:`F` and partner set :math:`P`, the
*IKZ game* gives every subset :math:`S \subseteq P` the best Kapitalwert (net present value
of the difference to the status quo, EUR, :mod:`potential.economics`) that :math:`S` can
reach on its own:

* :math:`d(S)` = the largest pool Kapitalwert of :math:`S` cooperating in field :math:`f`
  (the sum of its members' Kapitalwerte), over the legal forms of the field offered by the
  dataset's option rules (``subset_forms="best"``, the default) or with :math:`F` only
  (``"same"``); a subset that the knock-out stage excludes, or an existing full-scope
  cooperation blocks, has no :math:`d(S)`;
* :math:`v(\{i\}) = 0`: going on alone is the status quo;
* :math:`v(S) = \max\big(d(S), \max_{T \subset S} v(T) + v(S \setminus T)\big)` for
  :math:`S \neq P`: a subset can also split into smaller groups (the superadditive cover);
* :math:`v(P) = d_F(P)`, the pool Kapitalwert of the option itself, with its own form.

The *cost game* is the same game in money paid: :math:`Q_i` is the present value of
member :math:`i`'s running cost in the field under the status quo (the years
:math:`1..H`, price change and discount rate of the Wirtschaftlichkeitsvergleich) and
:math:`c(S) = \sum_{i \in S} Q_i - v(S)`.

**Keys.** A cost key (Umlageschlüssel, § 19 GkG NRW; the "angemessene Entschädigung" of
§ 23 Abs. 4 GkG NRW) splits the pool's cost :math:`c(P)` in proportion to a quantity
:math:`k_i`; member :math:`i` then pays :math:`p_i = c(P)\,k_i / \sum_j k_j` and its result
against the status quo is :math:`x_i = Q_i - p_i`:

``einwohner``
    inhabitants (the county: the field's ``kreis_share`` of its population, the volume the
    model uses for its own administration);
``fallzahlen``
    cases per year (``body_fields.csv``, column ``cases_per_year``; no default);
``vzae``
    full-time equivalents in the field (reported or estimated);
``kosten``
    the status-quo running cost (full-cost key): then :math:`x_i` is the member's cost share
    of :math:`v(P)`, the proportional key of the coalition finder.

The game-theoretic keys divide :math:`v(P)` itself (:mod:`potential.sharing.games`):
``shapley``, ``nucleolus`` (in the core whenever the core is not empty) and ``scrb``
(separable costs, remaining benefits, on the cost game). ``modell`` is the split the
Wirtschaftlichkeitsvergleich models (each member's own savings, its cost share of the
one-off cost, its own VAT and exit cost), shown for reference.

``docs/sharing.md`` explains each key and solution concept and what a council can do when the
core is empty.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential.economics import EconomicSettings, economic_settings
from potential.economics.finance import annuity, discount_factors
from potential.errors import InputError
from potential.indicators import body_field_inputs, indicator_table
from potential.knockout import screen
from potential.messages import get_lang, message
from potential.models import PARTNER_SEP, Dataset
from potential.options import (
    SET_SEP,
    STAND_ALONE,
    _offered_forms,
    coalition_options,
    participants,
    screen_options,
)
from potential.sharing import games

__all__ = [
    "GAME_KEYS",
    "KEYS",
    "NPV_TOLERANCE",
    "PROPORTIONAL_KEYS",
    "REFERENCE_KEY",
    "SUBSET_FORMS",
    "IkzGame",
    "allocation",
    "allocation_table",
    "best_joint_options",
    "best_split",
    "core_statement",
    "ikz_games",
    "key_quantities",
    "key_summary",
    "status_quo_pv",
    "superadditive_cover",
]

#: keys that split the pool's cost in proportion to a quantity, with their labels
PROPORTIONAL_KEYS = {
    "einwohner": ("Einwohner", "inhabitants"),
    "fallzahlen": ("Fallzahlen", "cases"),
    "vzae": ("Vollzeitäquivalente (VZÄ)", "full-time equivalents"),
    "kosten": ("Kosten des Status quo (Vollkosten)", "status-quo cost (full cost)"),
}
#: keys from cooperative game theory (:mod:`potential.sharing.games`)
GAME_KEYS = {
    "shapley": ("Shapley-Wert", "Shapley value"),
    "nucleolus": ("Nukleolus", "nucleolus"),
    "scrb": (
        "SCRB (separierbare Kosten, Restnutzen)",
        "SCRB (separable costs, remaining benefits)",
    ),
}
#: the split the Wirtschaftlichkeitsvergleich models, for reference
REFERENCE_KEY = "modell"
KEYS = {
    **PROPORTIONAL_KEYS,
    **GAME_KEYS,
    REFERENCE_KEY: ("wie im Wirtschaftlichkeitsvergleich modelliert", "as modelled"),
}
#: ``subset_forms``: subsets may choose any offered form, or only the option's
SUBSET_FORMS = ("best", "same")
#: a result of at most this (EUR) counts as no gain: the status quo wins ties
NPV_TOLERANCE = 0.005
#: players above which the LP concepts (nucleolus, core) are not computed
MAX_PLAYERS = games.LP_LIMIT

ALLOCATION_COLUMNS = [
    "option", "field", "legal_form", "key", "member", "key_quantity", "status_quo_pv",
    "payment_pv", "cost_share", "npv", "npv_share", "annuity", "gains", "vs_shapley",
    "in_core",
]  # fmt: skip
SUMMARY_COLUMNS = [
    "option", "field", "legal_form", "key", "available", "all_gain", "min_npv", "in_core",
    "blocking", "shortfall", "note",
]  # fmt: skip


@dataclass(frozen=True)
class IkzGame:
    """The IKZ game of one option.

    Attributes
    ----------
    option, field, legal_form : str
        The option the game splits.
    players : tuple of str
        Its members, in dataset order.
    savings : dict of frozenset to float
        :math:`v(S)` for every non-empty subset (EUR, Kapitalwert).
    cost : dict of frozenset to float
        :math:`c(S) = \\sum_{i \\in S} Q_i - v(S)` (EUR, present value).
    status_quo : pandas.Series
        :math:`Q_i`, the present value of each member's status-quo running cost.
    modelled : pandas.Series
        Each member's Kapitalwert as the Wirtschaftlichkeitsvergleich models it.
    subsets : pandas.DataFrame
        One row per subset with two or more members and fewer than all: ``members``
        (``;``-joined), ``size``, ``direct`` (its best pool Kapitalwert cooperating, NaN if
        no option is admissible), ``legal_form`` (the form reaching it), ``value``
        (:math:`v(S)`, with splits) and ``split`` (True where splitting beats cooperating as
        one group).
    quantities : pandas.DataFrame
        The proportional keys' quantities per member (:func:`key_quantities`).
    settings : EconomicSettings
        The settings of the Wirtschaftlichkeitsvergleich.
    subset_forms : str
        ``"best"`` or ``"same"``.
    split_npv : float
        The most the members reach by splitting into two or more smaller groups (each
        cooperating or staying alone); above :attr:`pool_npv`, the core is empty.
    """

    option: str
    field: str
    legal_form: str
    players: tuple[str, ...]
    savings: dict
    cost: dict
    status_quo: pd.Series
    modelled: pd.Series
    subsets: pd.DataFrame
    quantities: pd.DataFrame
    settings: EconomicSettings
    subset_forms: str
    split_npv: float

    @property
    def pool_npv(self) -> float:
        """:math:`v(P)`, the option's pool Kapitalwert."""
        return float(self.savings[frozenset(self.players)])


# --- the game ------------------------------------------------------------------------------


def superadditive_cover(direct: np.ndarray) -> np.ndarray:
    r"""The value of every coalition when it may also split into smaller groups.

    Parameters
    ----------
    direct : numpy.ndarray
        Length :math:`2^n`, indexed by bit mask: what each coalition reaches as one group
        (``-inf`` where it cannot); entry 0 (the empty set) is ignored.

    Returns
    -------
    numpy.ndarray
        :math:`w(S) = \max\big(d(S), \max_{\emptyset \ne T \subsetneq S} w(T) + w(S
        \setminus T)\big)`, by dynamic programming over the subsets (:math:`3^n` steps; the
        splits are enumerated as the sub-masks that contain the lowest member, so each
        split is seen once). ``w[0] = 0``.
    """
    w = np.asarray(direct, dtype=float).copy()
    size = len(w)
    if size & (size - 1):
        raise ValueError(message("sharing.direct_length", size=size))
    w[0] = 0.0
    values = w.tolist()
    for mask in range(1, size):
        low = mask & -mask
        rest = mask ^ low
        best = values[mask]
        sub = rest
        while True:  # T = low | sub: every proper sub-mask that holds the lowest member
            part = low | sub
            if part != mask:
                total = values[part] + values[mask ^ part]
                if total > best:
                    best = total
            if not sub:
                break
            sub = (sub - 1) & rest
        values[mask] = best
    return np.asarray(values)


def key_quantities(dataset: Dataset, field: str, members: Iterable[str]) -> pd.DataFrame:
    """The quantities of the proportional keys for some members in a field.

    Returns
    -------
    pandas.DataFrame
        Index: member; columns ``einwohner`` (the county: the field's ``kreis_share`` of its
        population), ``fallzahlen`` (``cases_per_year`` of ``body_fields.csv``, NaN where not
        reported), ``vzae`` and ``kosten`` (annual cost, EUR/a; :func:`potential.indicators
        .body_field_inputs`).
    """
    members = list(members)
    inputs = body_field_inputs(dataset)
    inputs = inputs[inputs["field"] == field].set_index("body")
    share = float(dataset.field_parameter(field, "kreis_share"))
    cases = {r.body: r.cases_per_year for r in dataset.body_fields if r.field == field}
    rows = []
    for m in members:
        body = dataset.body(m)
        rows.append(
            {
                "member": m,
                "einwohner": body.population * (share if body.kind == "kreis" else 1.0),
                "fallzahlen": np.nan if cases.get(m) is None else float(cases[m]),
                "vzae": float(inputs.loc[m, "fte"]),
                "kosten": float(inputs.loc[m, "annual_cost"]),
            }
        )
    return pd.DataFrame(rows).set_index("member")


def status_quo_pv(annual_cost: pd.Series, settings: EconomicSettings) -> pd.Series:
    """:math:`Q_i = C_i \\sum_{t=1}^{H} (1+g)^t (1+r)^{-t}`."""
    years = np.arange(settings.horizon_years + 1)
    factors = discount_factors(settings.discount_rate, settings.horizon_years)
    price = (1 + settings.price_change_rate) ** years
    weight = float((price * factors)[1:].sum())
    return (annual_cost.astype(float) * weight).rename("status_quo_pv")


def _check_forms(subset_forms: str) -> None:
    if subset_forms not in SUBSET_FORMS:
        raise InputError(message("sharing.subset_forms_unknown", value=subset_forms))


def _proper_subsets(members: tuple[str, ...]) -> list[tuple[str, ...]]:
    n = len(members)
    return [c for size in range(2, n) for c in itertools.combinations(members, size)]


def ikz_games(
    dataset: Dataset,
    options: pd.DataFrame,
    reference_date: dt.date,
    economics: EconomicSettings | Mapping | None = None,
    subset_forms: str = "best",
) -> dict[str, IkzGame]:
    """The IKZ game of every option in ``options`` (module notes).

    The subsets' values are computed once per (field, partner set) and shared between the
    options that differ only in their legal form; all cash flows come from one call of
    :func:`potential.indicators.indicator_table`.

    Parameters
    ----------
    dataset : Dataset
    options : pandas.DataFrame
        Option rows with the columns of :data:`potential.options.OPTION_TABLE_COLUMNS`.
    reference_date : datetime.date
    economics : EconomicSettings or mapping, optional
        Settings or overrides of the Wirtschaftlichkeitsvergleich.
    subset_forms : {"best", "same"}
        The legal forms a subset may choose (module notes).

    Returns
    -------
    dict of str to IkzGame
        Option id → its game, in the order of ``options``.

    Raises
    ------
    InputError
        A partner set with more than :data:`MAX_PLAYERS` members; unknown ``subset_forms``.
    """
    _check_forms(subset_forms)
    settings = (
        economics
        if isinstance(economics, EconomicSettings)
        else economic_settings(dataset, reference_date, economics)
    )
    rules = dataset.meta.options
    offered = _offered_forms(dataset, rules)
    order = {b.id: i for i, b in enumerate(dataset.bodies)}
    grand = options.reset_index(drop=True)
    pairs: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for row in grand.itertuples(index=False):
        members = tuple(sorted(row.partners.split(PARTNER_SEP), key=order.__getitem__))
        if len(members) > MAX_PLAYERS:
            raise InputError(
                message(
                    "sharing.too_many_members",
                    option=row.option,
                    n=len(members),
                    limit=MAX_PLAYERS,
                )
            )
        forms = list(offered.get(row.field, [])) if subset_forms == "best" else [row.legal_form]
        key = (row.field, members)
        pairs.setdefault(key, [])
        for form in forms:
            if form not in pairs[key]:
                pairs[key].append(form)
    frames = [grand]
    for (field, members), forms in pairs.items():
        subsets = _proper_subsets(members)
        if not subsets or not forms:
            continue
        with_lead = [s for s in subsets if rules.lead in s] if rules.lead else []
        without = [s for s in subsets if not (rules.lead and rules.lead in s)]
        for sets, lead in ((with_lead, rules.lead), (without, None)):
            if sets:
                frames.append(
                    coalition_options(dataset, {field: forms}, sets, reference_date, lead)
                )
    candidates = pd.concat(frames, ignore_index=True)
    subset_rows = candidates.iloc[len(grand) :]
    kept, _ = screen(dataset, subset_rows.drop_duplicates("option"), reference_date)
    every = pd.concat([grand, kept], ignore_index=True).drop_duplicates("option")
    table = indicator_table(dataset, every, reference_date, settings)
    table = table[table["option"] != STAND_ALONE]
    pool = table.groupby("option", sort=False)["npv"].sum()
    info = every.set_index("option")
    member_set = {o: frozenset(p.split(PARTNER_SEP)) for o, p in info["partners"].items()}

    # best direct value per (field, member set) over the offered forms
    direct: dict[tuple[str, frozenset], tuple[float, str]] = {}
    for option, value in pool.items():
        key = (info.at[option, "field"], member_set[option])
        form = info.at[option, "legal_form"]
        if key not in direct or value > direct[key][0] + 1e-9:
            direct[key] = (float(value), form)

    out = {}
    for row in grand.itertuples(index=False):
        members = tuple(sorted(row.partners.split(PARTNER_SEP), key=order.__getitem__))
        allowed = set(pairs[(row.field, members)])
        out[row.option] = _game(
            dataset, row, members, pool, table, direct, allowed, settings, subset_forms, info
        )
    return out


def _game(dataset, row, members, pool, table, direct, allowed, settings, subset_forms, info):
    n = len(members)
    full = (1 << n) - 1
    values = np.full(1 << n, -np.inf)
    forms = [""] * (1 << n)
    for i in range(n):
        values[1 << i] = 0.0
    for mask in range(1, full):
        if mask & (mask - 1) == 0:
            continue
        subset = frozenset(m for i, m in enumerate(members) if mask >> i & 1)
        hit = direct.get((row.field, subset))
        if hit is not None and hit[1] in allowed:
            values[mask], forms[mask] = hit
    directs = values.copy()
    values = superadditive_cover(values)
    split = best_split(values, full)
    values[full] = float(pool[row.option])
    rows = table[table["option"] == row.option].set_index("body")
    cost = rows["annual_cost"].reindex(list(members)).astype(float)
    status_quo = status_quo_pv(cost, settings)
    savings, costs, subset_rows = {}, {}, []
    q = status_quo.to_numpy()
    for mask in range(1, full + 1):
        coalition = frozenset(m for i, m in enumerate(members) if mask >> i & 1)
        v = float(values[mask])
        savings[coalition] = v
        costs[coalition] = float(sum(q[i] for i in range(n) if mask >> i & 1)) - v
        size = bin(mask).count("1")
        if 2 <= size < n:
            d = directs[mask]
            subset_rows.append(
                {
                    "members": PARTNER_SEP.join(m for i, m in enumerate(members) if mask >> i & 1),
                    "size": size,
                    "direct": d if np.isfinite(d) else np.nan,
                    "legal_form": forms[mask],
                    "value": v,
                    "split": bool(v > (d if np.isfinite(d) else -np.inf) + NPV_TOLERANCE),
                }
            )
    subsets = pd.DataFrame(
        subset_rows, columns=["members", "size", "direct", "legal_form", "value", "split"]
    )
    subsets = subsets.sort_values(["size", "value"], ascending=[True, False], kind="stable")
    return IkzGame(
        option=row.option,
        field=row.field,
        legal_form=row.legal_form,
        players=members,
        savings=savings,
        cost=costs,
        status_quo=status_quo,
        modelled=rows["npv"].reindex(list(members)).astype(float).rename("npv"),
        subsets=subsets.reset_index(drop=True),
        quantities=key_quantities(dataset, row.field, members),
        settings=settings,
        subset_forms=subset_forms,
        split_npv=split,
    )


def best_split(values: np.ndarray, mask: int) -> float:
    r"""The best sum :math:`w(T) + w(S \setminus T)` over the proper splits of ``mask``."""
    low = mask & -mask
    rest = mask ^ low
    best = -np.inf
    sub = rest
    while True:
        part = low | sub
        if part != mask:
            best = max(best, float(values[part] + values[mask ^ part]))
        if not sub:
            break
        sub = (sub - 1) & rest
    return best


def _euro(value: float, lang: str = "de") -> str:
    """``-4.178.475 €`` (de) or ``-4,178,475 €`` (en)."""
    text = f"{round(float(value)) + 0:,}"
    return (text.replace(",", ".") if lang == "de" else text) + " €"


# --- allocations ---------------------------------------------------------------------------


def _check_key(key: str) -> None:
    if key not in KEYS:
        raise InputError(message("sharing.key_unknown", key=key, known=", ".join(KEYS)))


def allocation(game: IkzGame, key: str) -> pd.Series:
    """Each member's result against the status quo (Kapitalwert, EUR) under ``key``.

    Parameters
    ----------
    game : IkzGame
    key : str
        One of :data:`KEYS` (module notes).

    Returns
    -------
    pandas.Series
        Indexed by member (dataset order); the results sum to :attr:`IkzGame.pool_npv`.

    Raises
    ------
    InputError
        An unknown key; a proportional key without a quantity for some member (e.g.
        ``fallzahlen`` without ``cases_per_year``); ``nucleolus`` for a pool whose
        Kapitalwert is negative (no split leaves every member at its status quo).
    """
    _check_key(key)
    players = list(game.players)
    if key == REFERENCE_KEY:
        return game.modelled.rename(key)
    if key in PROPORTIONAL_KEYS:
        quantity = game.quantities[key]
        missing = [m for m in players if not np.isfinite(quantity.get(m, np.nan))]
        if missing:
            where = (
                message("sharing.where.cases_column") if key == "fallzahlen" else "body_fields.csv"
            )
            which = (
                "sharing.key_no_member_figure"
                if len(missing) == len(players)
                else "sharing.key_missing_figure"
            )
            raise InputError(
                message(which, key=key, field=game.field, members=", ".join(missing), where=where)
            )
        if float(quantity.sum()) <= 0:
            raise InputError(message("sharing.key_members_sum_zero", key=key))
        pays = games.proportional(game.cost, quantity, kind="cost", players=players)
        return (game.status_quo - pays).rename(key)
    if key == "shapley":
        return games.shapley(game.savings, players=players).rename(key)
    if key == "nucleolus":
        if game.pool_npv < 0:
            raise InputError(
                message(
                    "sharing.nucleolus_negative_pool",
                    option=game.option,
                    npv=_euro(game.pool_npv, get_lang()),
                )
            )
        return games.nucleolus(game.savings, players=players).rename(key)
    pays = games.scrb(game.cost, kind="cost", players=players)
    return (game.status_quo - pays).rename(key)


def allocation_table(game: IkzGame, keys: Iterable[str] | None = None) -> pd.DataFrame:
    """Who pays what under each key: one row per (key, member).

    Parameters
    ----------
    game : IkzGame
    keys : iterable of str, optional
        Default every key of :data:`KEYS`; keys that cannot be computed for this game
        (a proportional key without data, the nucleolus of a pool with a negative
        Kapitalwert) are then left out, and :func:`key_summary` says why. Keys named
        explicitly raise instead.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ALLOCATION_COLUMNS`: ``key_quantity`` (the key's quantity, NaN for
        the game keys), ``status_quo_pv`` (:math:`Q_i`), ``payment_pv`` (the present value of
        what the member pays, :math:`Q_i - x_i`), ``cost_share`` (its share of the pool's
        cost :math:`c(P)`), ``npv`` (:math:`x_i`, its Kapitalwert against the status quo,
        EUR), ``npv_share`` (its share of :math:`v(P)`), ``annuity`` (:math:`x_i` as EUR per
        year over the horizon), ``gains`` (:math:`x_i >` :data:`NPV_TOLERANCE`),
        ``vs_shapley`` (:math:`x_i - \\phi_i`: more than its Shapley value, positive, means
        the others subsidise it) and ``in_core`` (the key's split as a whole leaves no
        subgroup better off alone). EUR rounded to the cent, shares to 6 decimals.
    """
    explicit = keys is not None
    keys = list(KEYS) if keys is None else list(dict.fromkeys(keys))
    for key in keys:
        _check_key(key)
    s = game.settings
    phi = allocation(game, "shapley")
    total = game.pool_npv
    cost_total = float(game.cost[frozenset(game.players)])
    frames = []
    for key in keys:
        try:
            x = allocation(game, key)
        except InputError:
            if explicit:
                raise
            continue
        pays = game.status_quo - x
        stable = _in_core(game, x)
        frames.append(
            pd.DataFrame(
                {
                    "option": game.option,
                    "field": game.field,
                    "legal_form": game.legal_form,
                    "key": key,
                    "member": list(game.players),
                    "key_quantity": (
                        game.quantities[key].to_numpy() if key in PROPORTIONAL_KEYS else np.nan
                    ),
                    "status_quo_pv": game.status_quo.to_numpy(),
                    "payment_pv": pays.to_numpy(),
                    "cost_share": pays.to_numpy() / cost_total if cost_total else np.nan,
                    "npv": x.to_numpy(),
                    "npv_share": x.to_numpy() / total if total else np.nan,
                    "annuity": annuity(x.to_numpy(), s.discount_rate, s.horizon_years),
                    "gains": x.to_numpy() > NPV_TOLERANCE,
                    "vs_shapley": (x - phi).to_numpy(),
                    "in_core": stable,
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=ALLOCATION_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    money = ["status_quo_pv", "payment_pv", "npv", "annuity", "vs_shapley"]
    out[money] = out[money].round(2) + 0.0
    out[["cost_share", "npv_share"]] = out[["cost_share", "npv_share"]].round(6) + 0.0
    return out[ALLOCATION_COLUMNS]


def _in_core(game: IkzGame, x: pd.Series) -> bool | None:
    if len(game.players) > MAX_PLAYERS:
        return None
    return bool(games.in_core(game.savings, x, players=list(game.players)))


def key_summary(game: IkzGame, keys: Iterable[str] | None = None, lang: str = "de"):
    """Per key: can it be computed, does every member gain, is the split in the core.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SUMMARY_COLUMNS`: ``available`` (False with a ``note`` where the key
        cannot be computed), ``all_gain``, ``min_npv`` (EUR), ``in_core``, ``blocking`` (the
        subgroup that loses most by staying, ``;``-joined, empty if none) and ``shortfall``
        (what it loses, EUR).
    """
    keys = list(KEYS) if keys is None else list(dict.fromkeys(keys))
    rows = []
    for key in keys:
        _check_key(key)
        base = {"option": game.option, "field": game.field, "legal_form": game.legal_form}
        try:
            x = allocation(game, key)
        except InputError as exc:
            rows.append(
                {**base, "key": key, "available": False, "all_gain": None, "min_npv": np.nan,
                 "in_core": None, "blocking": "", "shortfall": np.nan, "note": exc.problem}
            )  # fmt: skip
            continue
        blocking, shortfall = "", 0.0
        violations = games.core_violations(game.savings, x, players=list(game.players))
        if len(violations):
            first = violations.iloc[0]
            blocking = PARTNER_SEP.join(first["coalition"])
            shortfall = float(first["shortfall"])
        rows.append(
            {
                **base,
                "key": key,
                "available": True,
                "all_gain": bool((x > NPV_TOLERANCE).all()),
                "min_npv": round(float(x.min()), 2),
                "in_core": not len(violations),
                "blocking": blocking,
                "shortfall": round(shortfall, 2),
                "note": "",
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def core_statement(game: IkzGame, lang: str = "de") -> str:
    """One sentence on the core of the game, in words for the council."""
    de = lang == "de"
    players = list(game.players)
    if game.pool_npv <= NPV_TOLERANCE:
        return (
            "Der Pool hat keinen positiven Kapitalwert: keine Aufteilung stellt alle Mitglieder "
            "besser als den Status quo."
            if de
            else "The pool has no positive net present value: no split leaves every member "
            "better off than the status quo."
        )
    epsilon, _ = games.least_core(game.savings, players=players)
    if games.core_is_empty(game.savings, players=players):
        amount = _euro(epsilon, lang)[:-2]
        return (
            "Der Kern ist leer: Es gibt keine Aufteilung, bei der keine Teilgruppe lieber allein "
            "kooperieren würde. Bei jeder Aufteilung erhält mindestens eine Teilgruppe "
            f"mindestens {amount} € weniger, als sie allein erreichen könnte (kleinster Kern)."
            if de
            else "The core is empty: there is no split under which no subgroup would rather go "
            f"alone. Every split leaves some subgroup at least €{amount} short of what it "
            "could reach on its own (least core)."
        )
    return (
        "Der Kern ist nicht leer: Es gibt Aufteilungen, bei denen keine Teilgruppe allein "
        "besser fährt; der Nukleolus ist eine davon."
        if de
        else "The core is not empty: some splits leave no subgroup better off alone; the "
        "nucleolus is one of them."
    )


# --- choosing options ----------------------------------------------------------------------


def best_joint_options(
    dataset: Dataset,
    reference_date: dt.date,
    economics: EconomicSettings | Mapping | None = None,
    field: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The admissible joint option with the largest pool Kapitalwert in each field.

    Returns
    -------
    best : pandas.DataFrame
        One option row per field (dataset order) whose best pool Kapitalwert is positive,
        with the option columns and ``pool_npv``.
    options : pandas.DataFrame
        Every admissible option with ``pool_npv`` (for naming an option not among the best).
    """
    options, _ = screen_options(dataset, reference_date)
    if field is not None:
        known = [f.id for f in dataset.fields]
        if field not in known:
            raise InputError(message("sharing.field_unknown", field=field, known=", ".join(known)))
        options = options[options["field"] == field].reset_index(drop=True)
    table = indicator_table(dataset, options, reference_date, economics)
    table = table[table["option"] != STAND_ALONE]
    pool = table.groupby("option", sort=False)["npv"].sum().round(2)
    options = options.assign(pool_npv=options["option"].map(pool).to_numpy())
    ranked = options.assign(_key=-options["pool_npv"]).sort_values(
        ["_key", "option"], kind="stable"
    )
    best = ranked[ranked["pool_npv"] > NPV_TOLERANCE].drop_duplicates("field")
    order = {f.id: i for i, f in enumerate(dataset.fields)}
    best = best.assign(_f=best["field"].map(order)).sort_values("_f", kind="stable")
    return best.drop(columns=["_key", "_f"]).reset_index(drop=True), options


def parse_option(dataset: Dataset, option: str, options: pd.DataFrame, reference_date):
    """The option row of an option id: one of the admissible options, or a coalition id
    ``field/form/a+b+c`` such as the coalition finder prints."""
    hit = options[options["option"] == option]
    if len(hit):
        return hit.iloc[[0]].drop(columns=["pool_npv"], errors="ignore")
    parts = option.split("/")
    if len(parts) != 3:
        raise InputError(message("sharing.option_unknown", option=option))
    field, form, set_id = parts
    known_fields = [f.id for f in dataset.fields]
    if field not in known_fields:
        raise InputError(
            message(
                "sharing.option_field_unknown",
                option=option,
                field=field,
                known=", ".join(known_fields),
            )
        )
    if form not in dataset.field(field).legal_forms:
        raise InputError(
            message(
                "sharing.option_form_mismatch",
                option=option,
                form=form,
                field=field,
                known=", ".join(dataset.field(field).legal_forms),
            )
        )
    members = set_id.split(SET_SEP)
    taking = [b.id for b in participants(dataset)]
    known = [b.id for b in dataset.bodies]
    unknown = [m for m in members if m not in known]
    if unknown:
        raise InputError(
            message(
                "sharing.option_body_unknown",
                option=option,
                bodies=", ".join(unknown),
                known=", ".join(known),
            )
        )
    outside = [m for m in members if m not in taking]
    if outside:
        raise InputError(
            message(
                "sharing.option_body_outside",
                option=option,
                bodies=", ".join(outside),
                taking=", ".join(taking),
            )
        )
    if len(set(members)) < 2:
        raise InputError(message("sharing.option_one_partner", option=option))
    order = {b: i for i, b in enumerate(taking)}
    members = tuple(sorted(set(members), key=order.__getitem__))
    rules = dataset.meta.options
    lead = rules.lead if rules.lead in members else None
    row = coalition_options(dataset, {field: [form]}, [members], reference_date, lead)
    if row.empty:
        raise InputError(message("sharing.option_tie_excludes", option=option, field=field))
    kept, excluded = screen(dataset, row, reference_date)
    if kept.empty:
        reasons = excluded["reason_en" if get_lang() == "en" else "reason_de"].astype(str)
        raise InputError(
            message("sharing.option_excluded", option=option, reasons="; ".join(reasons))
        )
    return kept
