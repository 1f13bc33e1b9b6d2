r"""The group's view: aggregate the bodies' weights and rankings, measure their consensus.

The bodies (Körperschaften) are the *voters*. The *items* they rank are either the criteria
(a body ranks them by its weights: the heaviest first) or the cooperation options it takes
part in (by its rank of them in :attr:`potential.analysis.Analysis.ranking`).

Every function takes and returns plain pandas objects. A *rankings* table has one row per
item and one column per voter; a cell is the voter's rank of the item (smaller is better;
only the order within a column matters, ties allowed) or NaN where the voter does not rank
the item — a body ranks only the options it takes part in.

Weights
    :func:`aggregate_weights` (arithmetic or normalised geometric mean),
    :func:`weight_rankings` (criteria ranked by each body's weights).
Group rankings
    :func:`borda` (Borda count, with a rule for missing ranks) and :func:`copeland`
    (pairwise majority).
Consensus
    :func:`kendall_w` (Kendall's coefficient of concordance) and :func:`departures` (which
    voter departs most from the group's ranking).
All of it for an analysis
    :func:`group_view` → :class:`GroupView` (also :meth:`potential.analysis.Analysis.group_view`).

Every bad input raises :class:`~potential.errors.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.messages import message

if TYPE_CHECKING:
    from potential.analysis import Analysis

__all__ = [
    "GroupView",
    "aggregate_weights",
    "borda",
    "copeland",
    "departures",
    "group_view",
    "kendall_w",
    "weight_rankings",
]

#: Scores closer than this count as equal when ranking (float noise must not decide a tie).
_DECIMALS = 12


# --- checks and helpers ----------------------------------------------------------------------


def _check_table(table, what: str) -> pd.DataFrame:
    """The table as floats; ``what`` is ``"weights"`` or ``"rankings"`` (``group.what.*``)."""
    what = message(f"group.what.{what}")
    if not isinstance(table, pd.DataFrame):
        raise InputError(message("group.not_a_frame", what=what, type=type(table).__name__))
    if table.shape[0] == 0 or table.shape[1] == 0:
        raise InputError(
            message("group.empty", what=what, rows=table.shape[0], columns=table.shape[1])
        )
    for axis, labels in (("rows", table.index), ("columns", table.columns)):
        if not labels.is_unique:
            dupes = sorted({str(x) for x in labels[labels.duplicated()]})
            raise InputError(
                message(f"group.duplicate_{axis}", what=what, labels=", ".join(dupes))
            )
    try:
        values = table.astype(float)
    except (TypeError, ValueError):
        raise InputError(message("group.not_numbers", what=what)) from None
    if np.isinf(values.to_numpy()).any():
        bad = values.columns[np.isinf(values.to_numpy()).any(axis=0)]
        raise InputError(message("group.infinite", what=what, columns=", ".join(map(str, bad))))
    return values


def _check_rankings(rankings) -> pd.DataFrame:
    """Items × voters as floats, re-ranked within each voter (average ranks for ties)."""
    values = _check_table(rankings, "rankings")
    return values.rank(method="average", na_option="keep")


def _positions(score: pd.Series, ascending: bool) -> pd.Series:
    """1..n by score (best first); equal scores, and NaN (last), keep the index order."""
    s = np.round(score.to_numpy(dtype=float), _DECIMALS)
    key = np.where(np.isnan(s), np.inf, s if ascending else -s)
    order = np.lexsort((np.arange(len(s)), key))
    out = np.empty(len(s), dtype=int)
    out[order] = np.arange(1, len(s) + 1)
    return pd.Series(out, index=score.index, name="rank")


# --- weights ---------------------------------------------------------------------------------


def aggregate_weights(
    weights: pd.DataFrame, how: Literal["arithmetic", "geometric"] = "arithmetic"
) -> pd.Series:
    r"""The group's weights: the mean of the bodies' weight vectors.

    Parameters
    ----------
    weights : pandas.DataFrame
        One row per body, one column per criterion; non-negative, finite, every row with a
        positive sum. Each row is divided by its sum first.
    how : {"arithmetic", "geometric"}
        ``arithmetic``: the mean weight of each criterion. ``geometric``: the geometric mean
        of each criterion's weights, divided by the sum of these means (the normalised
        geometric mean, as used to aggregate individual judgements in group AHP).

    Returns
    -------
    pandas.Series
        Weights indexed by criterion (``index.name == "criterion"``, ``name == "weight"``),
        summing to 1.

    Raises
    ------
    InputError
        For a bad table, an unknown ``how``, a body whose weights are all zero, or when the
        geometric means of all criteria are zero.

    Notes
    -----
    With :math:`w_{bj}` the weight body :math:`b` (of :math:`m`) gives criterion :math:`j`:

    .. math::

        \bar w_j = \frac1m \sum_b w_{bj}, \qquad
        \tilde w_j = \frac{\left(\prod_b w_{bj}\right)^{1/m}}
                         {\sum_k \left(\prod_b w_{bk}\right)^{1/m}}.

    A zero weight from any one body makes a criterion's geometric mean zero: the geometric
    mean gives every body a veto over including a criterion. The remaining criteria are
    renormalised to sum to 1; if every criterion is zeroed by some body there is no group
    weight vector and an :class:`InputError` is raised.
    """
    w = _check_table(weights, "weights")
    if w.isna().any().any():
        raise InputError(message("group.weights_missing"))
    if (w < 0).any().any():
        bodies = w.index[(w < 0).any(axis=1)]
        raise InputError(message("group.weights_negative", bodies=", ".join(map(str, bodies))))
    totals = w.sum(axis=1)
    if (totals <= 0).any():
        bodies = totals.index[totals <= 0]
        raise InputError(message("group.weights_zero", bodies=", ".join(map(str, bodies))))
    w = w.div(totals, axis=0)
    if how == "arithmetic":
        group = w.mean(axis=0)
    elif how == "geometric":
        positive = w.where(w > 0)
        group = np.exp(np.log(positive).mean(axis=0, skipna=False)).fillna(0.0)
        if group.sum() <= 0:
            raise InputError(message("group.geometric_zero"))
    else:
        raise InputError(message("group.how", how=how))
    group = group / group.sum()
    return pd.Series(
        group.to_numpy(dtype=float),
        index=pd.Index(list(w.columns), name="criterion"),
        name="weight",
    )


def weight_rankings(weights: pd.DataFrame) -> pd.DataFrame:
    """The criteria ranked by each body's weights: the rankings table of the weights.

    Parameters
    ----------
    weights : pandas.DataFrame
        One row per body, one column per criterion.

    Returns
    -------
    pandas.DataFrame
        Criteria × bodies (transposed); rank 1 is the body's heaviest criterion; equal
        weights share the average of their ranks.
    """
    w = _check_table(weights, "weights")
    return (-w.T).rank(method="average", na_option="keep")


# --- group rankings --------------------------------------------------------------------------


def borda(rankings: pd.DataFrame) -> pd.DataFrame:
    r"""Borda count: the group ranking from the voters' rankings.

    Each voter ranks its :math:`k_v` items (missing ranks are items it does not rank); an
    item at rank :math:`r` gets :math:`k_v - r` points from that voter (ties: the average
    of the tied ranks, so tied items share the points).

    Parameters
    ----------
    rankings : pandas.DataFrame
        Items × voters, ranks (smaller is better) or NaN.

    Returns
    -------
    pandas.DataFrame
        One row per item, in the input order: ``points`` (the classic Borda count: the sum
        of :math:`k_v - r` over the voters that rank the item), ``voters`` (how many rank
        it), ``score`` and ``rank`` (1 = best, by ``score``).

    Notes
    -----
    **Missing ranks.** A voter that ranks more items hands out more points, and an item that
    more voters rank collects more; summed points would favour items with many voters (in
    the analysis: options with many members). So each voter's points are scaled to
    :math:`[0, 1]` by the number of items it ranks,
    :math:`p_{iv} = (k_v - r_{iv}) / (k_v - 1)` (its best item 1, its worst 0), and an
    item's ``score`` is the mean of :math:`p_{iv}` over the voters that rank it. A voter
    that ranks a single item expresses no preference and is left out of the ``score``; an
    item no voter ranks gets ``score`` NaN and comes last.

    With complete rankings (every voter ranks all :math:`n` items),
    ``score`` = ``points`` / (:math:`m (n - 1)`), so the order is that of the classic
    Borda count.

    **Ties** in ``score`` (to 12 decimals) are broken by the order of the items in the
    input: every item gets its own rank.

    References
    ----------
    de Borda, J.-C. (1781). Mémoire sur les élections au scrutin. *Histoire de l'Académie
    Royale des Sciences*, Paris.
    """
    ranks = _check_rankings(rankings)
    ranked = ranks.notna()
    k = ranked.sum(axis=0)
    points = ranks.rsub(k, axis=1)
    scaled = points.div((k - 1).where(k > 1), axis=1)
    out = pd.DataFrame(
        {
            "points": points.sum(axis=1, min_count=1).fillna(0.0),
            "voters": ranked.sum(axis=1).astype(int),
            "score": scaled.mean(axis=1, skipna=True),
        },
        index=ranks.index,
    )
    out["rank"] = _positions(out["score"], ascending=False)
    return out


def copeland(rankings: pd.DataFrame) -> pd.DataFrame:
    """Copeland's method: the group ranking from pairwise majorities.

    For every pair of items, only the voters that rank both are asked; the item more of them
    put ahead wins the pair (+1), the other loses (−1); as many for each is a tie (0). An
    item's score is its wins minus its losses.

    Parameters
    ----------
    rankings : pandas.DataFrame
        Items × voters, ranks (smaller is better) or NaN.

    Returns
    -------
    pandas.DataFrame
        One row per item, in the input order: ``wins``, ``ties``, ``losses``,
        ``incomparable`` (other items that no voter ranks together with this one; they count
        as neither win nor loss), ``score`` (wins − losses) and ``rank`` (1 = best; equal
        scores are broken by the order of the items in the input).

    References
    ----------
    Copeland, A. H. (1951). A reasonable social welfare function. Seminar on applications of
    mathematics to social sciences, University of Michigan.
    """
    ranks = _check_rankings(rankings)
    r = ranks.to_numpy(dtype=float)
    valid = ~np.isnan(r)
    both = valid[:, None, :] & valid[None, :, :]
    with np.errstate(invalid="ignore"):
        ahead = ((r[:, None, :] < r[None, :, :]) & both).sum(axis=2)
    behind = ahead.T
    off_diagonal = ~np.eye(len(r), dtype=bool)
    compared = both.any(axis=2) & off_diagonal
    wins = ((ahead > behind) & compared).sum(axis=1)
    losses = ((ahead < behind) & compared).sum(axis=1)
    ties = ((ahead == behind) & compared).sum(axis=1)
    out = pd.DataFrame(
        {
            "wins": wins,
            "ties": ties,
            "losses": losses,
            "incomparable": (~compared & off_diagonal).sum(axis=1),
            "score": wins - losses,
        },
        index=ranks.index,
    )
    out["rank"] = _positions(out["score"].astype(float), ascending=False)
    return out


# --- consensus -------------------------------------------------------------------------------


def kendall_w(rankings: pd.DataFrame) -> float:
    r"""Kendall's coefficient of concordance :math:`W` of complete rankings.

    1 means every voter ranks the items alike, 0 that the rank sums of all items are equal
    (no common order at all).

    Parameters
    ----------
    rankings : pandas.DataFrame
        Items × voters, ranks (smaller is better); every voter must rank every item.

    Returns
    -------
    float
        :math:`W` in [0, 1]; NaN with fewer than two items or when every voter ties all
        items (the denominator is zero).

    Raises
    ------
    InputError
        For a bad table or a missing rank (naming the voters).

    Notes
    -----
    With :math:`m` voters, :math:`n` items and :math:`R_i` the sum of the ranks of item
    :math:`i` (ties get the average of their ranks),

    .. math::

        S = \sum_i \left(R_i - \frac{m (n + 1)}{2}\right)^2, \qquad
        W = \frac{12 S}{m^2 (n^3 - n) - m \sum_v T_v}, \qquad
        T_v = \sum_g (t_g^3 - t_g),

    where :math:`t_g` is the size of the :math:`g`-th group of tied ranks of voter
    :math:`v`. Without ties :math:`T_v = 0` and this is Kendall & Babington Smith's
    :math:`W = 12 S / (m^2 (n^3 - n))`; the correction for ties is that of Kendall (1948)
    and Siegel & Castellan (1988), eq. 9.16.

    References
    ----------
    Kendall, M. G., Babington Smith, B. (1939). The problem of m rankings. *The Annals of
    Mathematical Statistics* 10(3), 275–287.

    Siegel, S., Castellan, N. J. (1988). *Nonparametric Statistics for the Behavioral
    Sciences*, 2nd ed., ch. 9.3. McGraw-Hill.
    """
    ranks = _check_rankings(rankings)
    missing = ranks.columns[ranks.isna().any(axis=0)]
    if len(missing):
        raise InputError(message("group.kendall_incomplete", voters=", ".join(map(str, missing))))
    n, m = ranks.shape
    if n < 2:
        return float("nan")
    sums = ranks.sum(axis=1).to_numpy()
    s = float(((sums - m * (n + 1) / 2) ** 2).sum())
    t = sum(float((c**3 - c).sum()) for c in (ranks[v].value_counts() for v in ranks))
    denominator = m**2 * (n**3 - n) - m * t
    if denominator <= 0:
        return float("nan")
    return 12 * s / denominator


def departures(rankings: pd.DataFrame, consensus: pd.Series | None = None) -> pd.DataFrame:
    """How far each voter's ranking departs from the group's, most departing first.

    Parameters
    ----------
    rankings : pandas.DataFrame
        Items × voters, ranks (smaller is better) or NaN.
    consensus : pandas.Series, optional
        The group's ranks of the items (indexed like ``rankings``); default the Borda
        ranking (:func:`borda`).

    Returns
    -------
    pandas.DataFrame
        One row per voter (index ``voter``): ``kendall_tau`` (Kendall's :math:`\\tau_b`
        between the voter's ranking and the consensus on the items the voter ranks; 1 = the
        same order, −1 the reverse), ``mean_tau_others`` (the mean :math:`\\tau_b` with each
        other voter on the items both rank) and ``items`` (how many items the voter ranks).
        Sorted by ``kendall_tau``, lowest first; equal values keep the voters' order, and
        NaN (fewer than two items, or all of them tied) comes last.

    See Also
    --------
    potential.mcda.compare.kendall_tau
    """
    from potential.mcda.compare import kendall_tau

    ranks = _check_rankings(rankings)
    if consensus is None:
        consensus = borda(ranks)["rank"]
    if not isinstance(consensus, pd.Series):
        raise InputError(message("group.consensus_type", type=type(consensus).__name__))
    absent = [str(i) for i in ranks.index if i not in consensus.index]
    if absent:
        raise InputError(message("group.consensus_missing", items=", ".join(absent)))
    group = consensus.reindex(ranks.index).astype(float)
    rows = []
    for voter in ranks.columns:
        own = ranks[voter]
        mask = own.notna() & group.notna()
        others = []
        for other in ranks.columns:
            common = own.notna() & ranks[other].notna()
            if other != voter and common.sum() >= 2:
                others.append(kendall_tau(own[common], ranks.loc[common, other]))
        others = [x for x in others if not np.isnan(x)]
        rows.append(
            {
                "voter": voter,
                "kendall_tau": kendall_tau(own[mask], group[mask]),
                "mean_tau_others": float(np.mean(others)) if others else float("nan"),
                "items": int(own.notna().sum()),
            }
        )
    out = pd.DataFrame(rows).set_index("voter")
    order = _positions(out["kendall_tau"], ascending=True).sort_values().index
    return out.loc[order]


# --- the group view of an analysis -----------------------------------------------------------


@dataclass(frozen=True)
class GroupView:
    """The group's view of an analysis (:func:`group_view`).

    Attributes
    ----------
    weights : pandas.DataFrame
        Bodies that take part (:func:`potential.options.participants`; index ``body``,
        dataset order) × criteria (model order): each body's
        effective weights — its own where the criteria model has them, else the model's.
    own_weights : tuple of str
        The bodies with their own weights.
    group_weights : pandas.DataFrame
        Criteria × ``arithmetic``, ``geometric``: the group's weights
        (:func:`aggregate_weights`); ``geometric`` is NaN when it is zero for every
        criterion.
    kendall_w : float
        Kendall's W of the bodies' rankings of the criteria by weight
        (:func:`weight_rankings`, :func:`kendall_w`). When no body has its own weights, all
        bodies share the model's weights and W is 1.
    departures : pandas.DataFrame
        One row per body, the most departing first: ``body``, ``body_name``,
        ``own_weights``, ``kendall_tau`` (between the body's ranking of the criteria by
        weight and the ranking by the arithmetic group weights), ``mean_tau_others``,
        ``weight_distance`` (half the sum of the absolute differences between the body's
        weights and the group's: 0 = the same weights, 1 = no weight in common; below
        1e-12 it is 0) and
        ``departs`` (the body orders the criteria otherwise than the group: ``kendall_tau``
        below 1, or undefined because the body weighs all criteria equally). Sorted by
        ``kendall_tau`` (lowest first, NaN last), then ``weight_distance`` (largest
        first), then dataset order.
    options : pandas.DataFrame
        One row per joint option (two or more members): the option columns of
        :attr:`potential.analysis.Analysis.joint`, ``members``, ``borda_score``,
        ``borda_points``, ``borda_rank``, ``copeland_score``, ``copeland_wins``,
        ``copeland_losses``, ``copeland_rank``; sorted by ``borda_rank``. Each body ranks
        the joint options it takes part in, in the order of its own ranking; only those
        members are asked about an option (:func:`borda`, :func:`copeland`). Ties are
        broken by the order of :attr:`~potential.analysis.Analysis.joint`.
    option_departures : pandas.DataFrame
        :func:`departures` of the bodies' rankings of their joint options from the Borda
        ranking, with ``body`` and ``body_name`` columns.
    """

    weights: pd.DataFrame
    own_weights: tuple[str, ...]
    group_weights: pd.DataFrame
    kendall_w: float
    departures: pd.DataFrame
    options: pd.DataFrame
    option_departures: pd.DataFrame


def group_view(analysis: Analysis) -> GroupView:
    """The group's view of an analysis: consensus on the weights, group ranking of options.

    Parameters
    ----------
    analysis : potential.analysis.Analysis
        A result of :func:`potential.analyse` (its criteria model may carry per-body
        weights).

    Returns
    -------
    GroupView
    """
    from potential.analysis import OPTION_COLUMNS
    from potential.options import STAND_ALONE, participants

    model = analysis.criteria
    taking_part = participants(analysis.dataset)
    bodies = [b.id for b in taking_part]
    names = {b.id: b.name for b in taking_part}
    criteria = [c.id for c in model.criteria]
    weights = pd.DataFrame(
        [[model.weights(b)[c] for c in criteria] for b in bodies],
        index=pd.Index(bodies, name="body"),
        columns=pd.Index(criteria, name="criterion"),
    )
    own = tuple(b for b in bodies if b in model.body_weights)

    arithmetic = aggregate_weights(weights, "arithmetic")
    try:
        geometric = aggregate_weights(weights, "geometric")
    except InputError:
        geometric = pd.Series(np.nan, index=arithmetic.index)
    group_weights = pd.DataFrame({"arithmetic": arithmetic, "geometric": geometric})

    ranks = weight_rankings(weights)
    w = kendall_w(ranks) if own else 1.0
    dep = departures(ranks, consensus=weight_rankings(arithmetic.to_frame().T).iloc[:, 0])
    dep = dep.reindex(bodies)
    dep.insert(0, "body", bodies)
    dep.insert(1, "body_name", [names[b] for b in bodies])
    dep.insert(2, "own_weights", [b in own for b in bodies])
    distance = 0.5 * (weights - arithmetic).abs().sum(axis=1)
    dep["weight_distance"] = distance.where(distance > 1e-12, 0.0).to_numpy()
    dep["departs"] = ~(dep["kendall_tau"] >= 1 - 1e-12)
    tau = np.round(dep["kendall_tau"].to_numpy(dtype=float), _DECIMALS)
    distance = np.round(dep["weight_distance"].to_numpy(dtype=float), _DECIMALS)
    order = np.lexsort((np.arange(len(dep)), -distance, np.where(np.isnan(tau), np.inf, tau)))
    dep = dep.iloc[order].reset_index(drop=True)

    coop = analysis.ranking[analysis.ranking["option"] != STAND_ALONE]
    joint = analysis.joint[analysis.joint["members"] >= 2]
    voters = [b for b in bodies if b in set(coop["body"])]
    matrix = coop.pivot(index="option", columns="body", values="rank").reindex(
        index=joint["option"], columns=voters
    )
    b, c = borda(matrix), copeland(matrix)
    options = joint[[*OPTION_COLUMNS, "members"]].reset_index(drop=True)
    options["borda_score"] = b["score"].to_numpy()
    options["borda_points"] = b["points"].to_numpy()
    options["borda_rank"] = b["rank"].to_numpy()
    options["copeland_score"] = c["score"].to_numpy()
    options["copeland_wins"] = c["wins"].to_numpy()
    options["copeland_losses"] = c["losses"].to_numpy()
    options["copeland_rank"] = c["rank"].to_numpy()
    options = options.sort_values("borda_rank", kind="stable").reset_index(drop=True)

    option_dep = departures(matrix, consensus=b["rank"]).reset_index(names="body")
    option_dep.insert(1, "body_name", option_dep["body"].map(names))

    return GroupView(
        weights=weights,
        own_weights=own,
        group_weights=group_weights,
        kendall_w=float(w),
        departures=dep,
        options=options,
        option_departures=option_dep,
    )
