"""Would another method agree? Method comparison (Kendall's tau) and rank-reversal checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.mcda import METHODS, check_method, rank
from potential.mcda._base import check_inputs
from potential.messages import message


def kendall_tau(ranks_a, ranks_b) -> float:
    r"""Kendall's rank correlation :math:`\tau_b` between two rankings of the same items.

    1 means the same order, −1 the reverse order, 0 no association. Ties are accounted for
    as in :math:`\tau_b` (Kendall 1945); with fewer than two items, or when one ranking
    puts everything on one rank, the correlation is undefined and reported as NaN.

    References
    ----------
    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239–251. Computed by :func:`scipy.stats.kendalltau` (variant ``"b"``).
    """
    from scipy.stats import kendalltau

    a, b = np.asarray(ranks_a, dtype=float), np.asarray(ranks_b, dtype=float)
    if a.shape != b.shape:
        raise InputError(message("mcda.rankings_length", a=a.size, b=b.size))
    if a.size < 2 or np.all(a == a[0]) or np.all(b == b[0]):
        return float("nan")
    return float(kendalltau(a, b, variant="b").statistic)


@dataclass(frozen=True)
class MethodComparison:
    """Rankings of one decision problem by several methods.

    Attributes
    ----------
    scores, ranks : pandas.DataFrame
        Alternatives × methods.
    kendall_tau : pandas.DataFrame
        Methods × methods, Kendall's :math:`\\tau_b` between the rankings (1 on the diagonal).
    top : pandas.Series
        Method → its top-ranked alternative.
    """

    scores: pd.DataFrame
    ranks: pd.DataFrame
    kendall_tau: pd.DataFrame
    top: pd.Series


def tau_matrix(ranks: pd.DataFrame) -> pd.DataFrame:
    """Kendall's tau between every pair of columns of a ranks table."""
    names = list(ranks.columns)
    out = pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            out.loc[a, b] = out.loc[b, a] = kendall_tau(ranks[a], ranks[b])
    return out


def compare_methods(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights,
    methods: Sequence[str] | None = None,
    params: Mapping[str, Mapping] | None = None,
) -> MethodComparison:
    """Rank one decision problem by several methods and correlate the rankings.

    Parameters
    ----------
    matrix, objectives, weights
        As for :func:`potential.mcda.rank`.
    methods : sequence of str, optional
        Methods to compare; default all of :data:`potential.mcda.METHODS` (``wpm`` and
        ``waspas`` then need positive values, or a ``value_floor`` in ``params``).
    params : mapping of str to mapping, optional
        Method → its parameters.

    Returns
    -------
    MethodComparison
    """
    params = dict(params or {})
    methods = list(methods) if methods is not None else list(METHODS)
    for m in methods:
        check_method(m, params.get(m))
    scores, ranks = {}, {}
    for m in methods:
        result = rank(matrix, objectives, weights, m, **params.get(m, {}))
        scores[m], ranks[m] = result["score"], result["rank"]
    ranks = pd.DataFrame(ranks)
    top = pd.Series({m: ranks[m].idxmin() for m in methods}, name="top")
    return MethodComparison(pd.DataFrame(scores), ranks, tau_matrix(ranks), top)


@dataclass(frozen=True)
class RankReversalCheck:
    """Result of :func:`rank_reversal`.

    Attributes
    ----------
    ranks : pandas.DataFrame
        Alternatives × experiments: ``Reference`` and one column per worsened alternative
        (``M.<alternative>``, with a suffix when repeated).
    optimal_preservation_rate : float
        Share of experiments in which the reference's best alternative stays first.
    rank_displacement : float
        Mean number of places the reference's best alternative drops.
    reversals : pandas.DataFrame
        For each experiment: the worsened alternative, whether the best stayed first, and
        Kendall's tau between its ranking and the reference on the untouched alternatives.
    duplicates : list
        Alternatives left out because an earlier row has the same values on every criterion.
    """

    ranks: pd.DataFrame
    optimal_preservation_rate: float
    rank_displacement: float
    reversals: pd.DataFrame
    duplicates: list


def rank_reversal(
    matrix: pd.DataFrame,
    objectives: Sequence[str],
    weights,
    method: str = "wsm",
    *,
    repeat: int = 1,
    seed: int = 0,
    engine: str = "numpy",
    **params,
) -> RankReversalCheck:
    """Rank-invariance check: does worsening a non-optimal alternative change the winner?

    Each suboptimal alternative is worsened ``repeat`` times (scikit-criteria
    ``RankInvariantChecker``: on each criterion by at most its distance to the next
    alternative below it in the reference ranking) and the problem is ranked again. A sound
    method keeps the best alternative and the order of the untouched alternatives (Wang &
    Triantaphyllou 2008, test criterion 1).

    Two preparations keep scikit-criteria's random worsening well defined (its noise is
    capped so a value never crosses zero, and it draws until some noise is positive): a
    column that is not strictly positive is shifted by its range minus its minimum while the
    checker works on it (the method always sees the original values, plus the noise), and
    alternatives identical to an earlier row on every criterion, as the checker sees them
    (after the shift), are checked once (listed in ``duplicates``).

    Parameters
    ----------
    matrix, objectives, weights, method, **params
        As for :func:`potential.mcda.rank`.
    repeat : int
        Mutations per suboptimal alternative.
    seed : int
        Seed of the random worsening (the same seed gives the same result).
    engine : {"numpy", "skcriteria"}
        ``"numpy"`` (default): :func:`potential.mcda.reversal.experiment_ranks`, which
        reproduces the checker's experiments; ``"skcriteria"``: scikit-criteria's
        ``RankInvariantChecker`` itself (much slower; the reference of the tests). Both give
        the same result for the same seed.

    Returns
    -------
    RankReversalCheck

    Raises
    ------
    InputError
        On fewer than two different alternatives, an unknown ``engine``, or an alternative
        that cannot be worsened (zero room on every criterion).

    References
    ----------
    Wang, X., Triantaphyllou, E. (2008). Ranking irregularities when evaluating alternatives
    by using some ELECTRE methods. *Omega* 36(1), 45–63.
    """
    from potential.mcda import reversal

    engines = {
        "numpy": reversal.experiment_ranks,
        "skcriteria": reversal.skcriteria_experiment_ranks,
    }
    if engine not in engines:
        raise InputError(
            message("reversal.unknown_engine", engine=engine, known=", ".join(engines))
        )
    check_method(method, params)
    matrix, values, w, _ = check_inputs(matrix, objectives, weights)
    duplicated = pd.DataFrame(values + reversal.problem_shift(values)).duplicated().to_numpy()
    duplicates = matrix.index[duplicated].tolist()
    matrix = matrix[~duplicated]
    if len(matrix) < 2:
        raise InputError(message("mcda.rank_reversal_too_few"))
    names, all_ranks, worsened = engines[engine](
        matrix, objectives, w, method, params, repeat=repeat, seed=seed
    )[:3]
    return summarise_reversal(matrix.index, names, all_ranks, worsened, duplicates)


def summarise_reversal(index, names, all_ranks, worsened, duplicates) -> RankReversalCheck:
    """:class:`RankReversalCheck` from the rankings of the experiments.

    Parameters
    ----------
    index : pandas.Index
        The alternatives checked.
    names : list of str
        ``Reference`` and one unique name per experiment.
    all_ranks : numpy.ndarray of int
        (1 + experiments) × alternatives.
    worsened : numpy.ndarray of int
        Per experiment, the position of the worsened alternative.
    duplicates : list
        Alternatives left out.
    """
    ranks = pd.DataFrame(dict(zip(names, all_ranks, strict=True)), index=index)
    reference = all_ranks[0]
    mutations = all_ranks[1:]
    best = int(np.flatnonzero(reference == 1)[0])
    stays = mutations[:, best] == 1
    rows = [
        {
            "experiment": name,
            "worsened": str(index[r]),
            "best_stays_first": bool(stay),
            "kendall_tau_others": tau,
        }
        for name, r, stay, tau in zip(
            names[1:], worsened, stays, taus_without(reference, mutations, worsened), strict=True
        )
    ]
    return RankReversalCheck(
        ranks=ranks,
        optimal_preservation_rate=int(stays.sum()) / len(mutations),
        rank_displacement=float(np.mean(mutations[:, best] - 1)),
        reversals=pd.DataFrame(rows),
        duplicates=list(duplicates),
    )


def taus_without(reference, rankings, left_out) -> list[float]:
    r"""Kendall's :math:`\tau_b` between ``reference`` and each row of ``rankings``, each
    without its alternative ``left_out`` (rankings without ties, as :func:`kendall_tau`
    computes it: :math:`(C - D) / \sqrt{T} / \sqrt{T}` with :math:`T` the number of pairs).
    """
    reference = np.asarray(reference)
    n = reference.size - 1
    if n < 2:
        return [float("nan")] * len(rankings)
    total = n * (n - 1) // 2
    root = np.sqrt(total)
    out = []
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for ranking, r in zip(np.asarray(rankings), left_out, strict=True):
        keep = np.arange(n + 1) != r
        a, b = reference[keep], ranking[keep]
        b = b[np.argsort(a)]
        discordant = int(np.count_nonzero((b[:, None] > b[None, :]) & upper))
        tau = (total - 2 * discordant) / root / root
        out.append(float(np.minimum(1.0, max(-1.0, tau))))
    return out
