"""ELECTRE I: an outranking relation, its kernel and a net outranking count."""

from __future__ import annotations

import numpy as np

from potential.errors import InputError
from potential.mcda._base import decision_matrix
from potential.mcda.value import value_scores
from potential.messages import message

#: Tolerance of the threshold tests (concordance ≥ p, discordance ≤ q).
_TOL = 1e-12


def electre1(matrix, objectives, weights, *, p=0.65, q=0.35):
    r"""ELECTRE I (scikit-criteria ``ELECTRE1``), with a kernel and a derived score.

    **Normalisation:** the min-max value function of
    :func:`~potential.mcda.value.value_scores`: every criterion is mapped onto [0, 1], 1 the
    best, so each criterion that varies spans exactly [0, 1]. **Cost criteria** are
    inverted by that value function, :math:`v = (h - x)/(h - l)` (neither :math:`1/x` nor
    negation), so scikit-criteria sees only ``max`` criteria.

    On the values :math:`v_j` scikit-criteria computes the concordance index
    :math:`c(a, b) = \sum_{j:\, v_j(a) \ge v_j(b)} w_j` (a tie counts for both
    alternatives) and the discordance index
    :math:`d(a, b) = \max_j \max(0,\, v_j(b) - v_j(a)) / \delta` with :math:`\delta` the
    largest range of any criterion (the classic ELECTRE I form, which assumes all criteria
    on one common scale). scikit-criteria applies :math:`\delta` to whatever it is given,
    so on raw data the discordance would depend on the units of the columns; on the value
    scale :math:`\delta = 1` and :math:`d(a, b)` is the largest shortfall of ``a`` behind
    ``b`` on any criterion, as a share of that criterion's observed range. ``a`` outranks
    ``b`` (:math:`a\,S\,b`) if :math:`c(a, b) \ge p` and :math:`d(a, b) \le q`; both tests
    allow a rounding tolerance of :math:`10^{-12}`, so a concordance that equals ``p`` in
    exact arithmetic (say 0.25 + 0.2 + 0.2 = 0.65) passes.

    **Kernel** (``kernel``): alternatives on a circuit of the outranking graph are treated
    as indifferent and merged (the usual reduction of circuits in ELECTRE I, see Figueira
    et al. 2005); the resulting graph is acyclic and has exactly one kernel — the set in
    which no member outranks another and every alternative outside is outranked by a
    member. This is *not* scikit-criteria's ``kernel_``, which is the set of alternatives
    that no other alternative outranks: for a chain a S b S c that set is {a} (c, outranked
    only by the eliminated b, is dropped), and two identical alternatives that outrank each
    other both drop out of it.

    **Score:** ELECTRE I gives no ranking. The score is the net outranking count
    ``outranks - outranked_by`` (how many alternatives ``a`` outranks minus how many
    outrank ``a``), an integer between :math:`-(m - 1)` and :math:`m - 1`. **Ties:** the
    shared rule of :mod:`potential.mcda` (equal scores keep row order), which is common
    here because the score is an integer.

    **Degenerate data:** a constant criterion has value 0 for every alternative: it is
    concordant in every comparison (each alternative is at least as good as the other),
    so it raises every concordance index by its weight, and it is never discordant.
    Criteria with weight 0 are left out entirely (otherwise they would still act in the
    discordance). If no criterion with positive weight varies (all rows equal, or a single
    alternative), every alternative outranks every other: all are on one circuit, all are
    in the kernel and all score 0.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives × criteria, finite numbers.
    objectives : list of {"max", "min"}
        Direction of each column.
    weights : numpy.ndarray
        Weights summing to 1.
    p : float, default 0.65
        Concordance threshold in [0, 1] (scikit-criteria's name and default).
    q : float, default 0.35
        Discordance threshold in [0, 1] (scikit-criteria's name and default); 1 switches
        the discordance test off.

    Returns
    -------
    dict
        ``score`` (net outranking count), ``kernel`` (bool), ``outranks`` and
        ``outranked_by`` (counts), one value per alternative.

    Raises
    ------
    InputError
        If ``p`` or ``q`` is not a number in [0, 1].

    References
    ----------
    Roy, B. (1968). Classement et choix en présence de points de vue multiples (la méthode
    ELECTRE). *Revue française d'informatique et de recherche opérationnelle* 2(8), 57–75.
    Figueira, J., Mousseau, V., Roy, B. (2005). ELECTRE methods. In Figueira, J., Greco,
    S., Ehrgott, M. (eds.), *Multiple Criteria Decision Analysis: State of the Art
    Surveys*. Springer, pp. 133–162.
    """
    from skcriteria.agg.electre import ELECTRE1

    p, q = _unit_interval("p", p), _unit_interval("q", q)
    keep = np.asarray(weights) > 0
    v = value_scores(matrix, objectives).to_numpy()[:, keep]
    m = len(matrix)
    if not np.any(v.max(axis=0) > v.min(axis=0)):
        outrank = ~np.eye(m, dtype=bool)
    else:
        dm = decision_matrix(
            v, ["max"] * v.shape[1], weights[keep], matrix.index, matrix.columns[keep]
        )
        model = ELECTRE1(p=max(p - _TOL, 0.0), q=min(q + _TOL, 1.0))
        outrank = np.asarray(model.evaluate(dm).e_.outrank, dtype=bool)
    outranks = outrank.sum(axis=1)
    outranked_by = outrank.sum(axis=0)
    return {
        "score": (outranks - outranked_by).astype(float),
        "kernel": _kernel(outrank),
        "outranks": outranks,
        "outranked_by": outranked_by,
    }


def _unit_interval(name, value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InputError(message("mcda.closed_unit", value=value), name) from None
    if not 0 <= value <= 1:
        raise InputError(message("mcda.closed_unit", value=value), name)
    return value


def _kernel(outrank):
    """Kernel of the outranking graph after merging each circuit into one vertex."""
    from scipy.sparse.csgraph import connected_components

    _, label = connected_components(outrank.astype(int), directed=True, connection="strong")
    k = label.max() + 1
    graph = np.zeros((k, k), dtype=bool)  # class → class, acyclic
    rows, cols = np.nonzero(outrank)
    graph[label[rows], label[cols]] = True
    np.fill_diagonal(graph, False)
    inside = np.zeros(k, dtype=bool)
    left = np.ones(k, dtype=bool)
    while left.any():
        # classes not outranked by any class still in play join the kernel; what they
        # outrank leaves (an acyclic graph always has such a class)
        top = left & ~graph[left].any(axis=0)
        inside |= top
        left &= ~top & ~graph[top].any(axis=0)
    return inside[label]
