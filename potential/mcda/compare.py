"""Would another method agree? Method comparison (Kendall's tau) and rank-reversal checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential.errors import InputError
from potential.mcda import METHODS, check_method, method_function, rank
from potential.mcda._base import check_inputs, ranks_from_scores
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


class _DecisionMaker:
    """Adapter that lets scikit-criteria's rank-reversal checkers call our methods.

    ``shift`` is subtracted from every matrix before our method sees it (see
    :func:`rank_reversal`).
    """

    def __init__(self, method: str, params: Mapping, shift: np.ndarray):
        self.method, self.params, self.shift = method, dict(params), shift

    def evaluate(self, dm):
        import warnings

        from skcriteria.agg import RankResult

        matrix = pd.DataFrame(
            dm.matrix.to_numpy() - self.shift,
            index=list(dm.alternatives),
            columns=list(dm.criteria),
        )
        objectives = ["max" if o > 0 else "min" for o in dm.iobjectives.to_numpy()]
        _, _, w, _ = check_inputs(matrix, objectives, dm.weights.to_numpy())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = method_function(self.method)(matrix, objectives, w, **self.params)
        ranks = ranks_from_scores(out["score"])
        return RankResult(self.method, alternatives=dm.alternatives, values=ranks, extra={})


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
    **params,
) -> RankReversalCheck:
    """Rank-invariance check: does worsening a non-optimal alternative change the winner?

    Each suboptimal alternative is worsened ``repeat`` times (scikit-criteria
    ``RankInvariantChecker``: on each criterion by at most its distance to the next
    alternative below it in the reference ranking) and the problem is ranked again. A sound
    method keeps the best alternative and the order of the untouched alternatives (Wang &
    Triantaphyllou 2008, test criterion 1).

    Two preparations keep scikit-criteria's random worsening well defined (its noise is
    capped so a value never crosses zero, and it draws until some noise is positive):
    alternatives identical to an earlier row on every criterion are checked once (listed in
    ``duplicates``), and a column that is not strictly positive is shifted by its range minus
    its minimum while the checker works on it; the method always sees the original values
    (plus the noise).

    Parameters
    ----------
    matrix, objectives, weights, method, **params
        As for :func:`potential.mcda.rank`.
    repeat : int
        Mutations per suboptimal alternative.
    seed : int
        Seed of the random worsening (the same seed gives the same result).

    Returns
    -------
    RankReversalCheck

    References
    ----------
    Wang, X., Triantaphyllou, E. (2008). Ranking irregularities when evaluating alternatives
    by using some ELECTRE methods. *Omega* 36(1), 45–63.
    """
    import warnings

    from skcriteria.ranksrev import RankInvariantChecker

    from potential.mcda._base import decision_matrix

    check_method(method, params)
    matrix, _, w, _ = check_inputs(matrix, objectives, weights)
    duplicated = matrix.duplicated(keep="first")
    duplicates = matrix.index[duplicated].tolist()
    matrix = matrix[~duplicated]
    if len(matrix) < 2:
        raise InputError(message("mcda.rank_reversal_too_few"))
    values = matrix.to_numpy(dtype=float)
    low, high = values.min(axis=0), values.max(axis=0)
    shift = np.where(low > 0, 0.0, (high - low) - low + (high == low))
    dm = decision_matrix(values + shift, list(objectives), w, matrix.index, matrix.columns)
    checker = RankInvariantChecker(
        _DecisionMaker(method, params, shift), repeat=int(repeat), random_state=seed
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = checker.evaluate(dm)
    named = dict(result.named_ranks)
    ranks = pd.DataFrame({name: r.values for name, r in named.items()}, index=matrix.index)
    reference = ranks["Reference"]
    best = reference.idxmin()
    rows = []
    for name in ranks.columns[1:]:
        mutated = named[name].e_.rank_inv_check["mutated"]
        keep = [i for i in matrix.index if str(i) != str(mutated)]
        rows.append(
            {
                "experiment": name,
                "worsened": mutated,
                "best_stays_first": bool(ranks.loc[best, name] == 1),
                "kendall_tau_others": kendall_tau(reference[keep], ranks.loc[keep, name]),
            }
        )
    return RankReversalCheck(
        ranks=ranks,
        optimal_preservation_rate=float(result.extra_.opr),
        rank_displacement=float(result.extra_.rd),
        reversals=pd.DataFrame(rows),
        duplicates=duplicates,
    )
