"""The tables of ``potential sharing``: who pays what, for the best joint options or one named.

:func:`share` chooses the options (the best joint option of each field, by pool Kapitalwert,
or the options named), builds their IKZ games (:func:`potential.sharing.ikz.ikz_games`) and
returns the allocation table, the per-key summary, the core of each game in words and the
subsets' values behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from potential.economics import EconomicSettings, economic_settings
from potential.errors import InputError
from potential.messages import message
from potential.models import PARTNER_SEP, Dataset
from potential.sharing import games
from potential.sharing.ikz import (
    ALLOCATION_COLUMNS,
    KEYS,
    SUMMARY_COLUMNS,
    IkzGame,
    allocation_table,
    best_joint_options,
    core_statement,
    ikz_games,
    key_summary,
    parse_option,
)

__all__ = ["CORE_COLUMNS", "Sharing", "share"]

CORE_COLUMNS = [
    "option", "field", "legal_form", "members", "n_members", "pool_npv", "best_split_npv",
    "core_empty", "least_core", "statement_de", "statement_en",
]  # fmt: skip


@dataclass(frozen=True)
class Sharing:
    """Result of :func:`share`.

    Attributes
    ----------
    allocations : pandas.DataFrame
        :func:`potential.sharing.ikz.allocation_table` of every option, stacked.
    summary : pandas.DataFrame
        :func:`potential.sharing.ikz.key_summary` of every option, stacked.
    cores : pandas.DataFrame
        One row per option (:data:`CORE_COLUMNS`): ``pool_npv`` (:math:`v(P)`),
        ``best_split_npv`` (the best its members reach by splitting into smaller groups),
        ``core_empty``, ``least_core`` (the least-core ε, EUR; ≤ 0 when the core is not
        empty) and the core in words.
    subsets : pandas.DataFrame
        :attr:`potential.sharing.ikz.IkzGame.subsets` of every option, with ``option``.
    games : dict of str to IkzGame
    dataset : Dataset
    reference_date : datetime.date
    economics : EconomicSettings
    keys : tuple of str
    subset_forms : str
    """

    allocations: pd.DataFrame
    summary: pd.DataFrame
    cores: pd.DataFrame
    subsets: pd.DataFrame
    games: dict[str, IkzGame]
    dataset: Dataset
    reference_date: dt.date
    economics: EconomicSettings
    keys: tuple[str, ...]
    subset_forms: str


def _ids(values, what):
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    out = list(values)
    for v in out:
        if not isinstance(v, str):
            raise InputError(message("sharing.id_not_text", what=what, value=v))
    return list(dict.fromkeys(out)) or None


def share(
    dataset: str | Path | Dataset | None = None,
    option: str | Iterable[str] | None = None,
    field: str | None = None,
    key: str | Iterable[str] | None = None,
    reference_date: str | dt.date | None = None,
    economics: EconomicSettings | Mapping | None = None,
    subset_forms: str = "best",
) -> Sharing:
    """Who pays what, for the best joint option of each field or for the options named.

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder or a loaded dataset; default ``kreis-unna``.
    option : str or iterable of str, optional
        Option id(s): one of the analysis' admissible options, or a coalition id
        ``field/form/a+b+c``. Default: the admissible joint option with the largest pool
        Kapitalwert in each field (only ``field`` with ``field``), where that is positive.
    field : str, optional
        Only this field (when no option is named).
    key : str or iterable of str, optional
        Key(s) of :data:`potential.sharing.ikz.KEYS`; default all that can be computed.
    reference_date : str or datetime.date, optional
        As for :func:`potential.analyse`; default the dataset's.
    economics : EconomicSettings or mapping, optional
        Overrides of the Wirtschaftlichkeitsvergleich (``horizon_years``,
        ``discount_rate``, ``ramp_up``, ``grant``).
    subset_forms : {"best", "same"}
        The legal forms a subgroup may choose when it goes on alone.

    Returns
    -------
    Sharing

    Raises
    ------
    InputError
        An unknown option, field or key; an option the knock-out stage excludes; a key
        without data for a member (e.g. ``fallzahlen`` without ``cases_per_year``); the
        nucleolus of a pool with a negative Kapitalwert.

    Examples
    --------
    >>> from potential.sharing.tables import share
    >>> result = share(field="it")                              # doctest: +SKIP
    >>> result.allocations.query("key == 'shapley'")            # doctest: +SKIP
    """
    from potential.analysis import parse_date
    from potential.datasets import load_dataset

    ds = dataset if isinstance(dataset, Dataset) else load_dataset(dataset)
    date = parse_date(reference_date if reference_date is not None else ds.meta.reference_date)
    settings = economic_settings(ds, date, economics)
    keys = _ids(key, message("sharing.where.key"))
    if keys is not None:
        for k in keys:
            if k not in KEYS:
                raise InputError(message("sharing.key_unknown", key=k, known=", ".join(KEYS)))
    names = _ids(option, message("sharing.where.option"))
    best, admissible = best_joint_options(ds, date, settings, None if names else field)
    if names:
        chosen = pd.concat(
            [parse_option(ds, name, admissible, date) for name in names], ignore_index=True
        )
    else:
        chosen = best.drop(columns=["pool_npv"])
    found = ikz_games(ds, chosen, date, settings, subset_forms) if len(chosen) else {}
    allocations, summaries, cores, subsets = [], [], [], []
    for game in found.values():
        allocations.append(allocation_table(game, keys))
        summaries.append(key_summary(game, keys))
        players = list(game.players)
        epsilon, _ = games.least_core(game.savings, players=players)
        cores.append(
            {
                "option": game.option,
                "field": game.field,
                "legal_form": game.legal_form,
                "members": PARTNER_SEP.join(players),
                "n_members": len(players),
                "pool_npv": round(game.pool_npv, 2),
                "best_split_npv": round(game.split_npv, 2),
                "core_empty": bool(games.core_is_empty(game.savings, players=players)),
                "least_core": round(float(epsilon), 2) + 0.0,
                "statement_de": core_statement(game, "de"),
                "statement_en": core_statement(game, "en"),
            }
        )
        subsets.append(game.subsets.assign(option=game.option))
    return Sharing(
        allocations=_stack(allocations, ALLOCATION_COLUMNS),
        summary=_stack(summaries, SUMMARY_COLUMNS),
        cores=pd.DataFrame(cores, columns=CORE_COLUMNS),
        subsets=_stack(subsets, ["option", *(subsets[0].columns[:-1] if subsets else [])]),
        games=found,
        dataset=ds,
        reference_date=date,
        economics=settings,
        keys=tuple(keys or KEYS),
        subset_forms=subset_forms,
    )


def _stack(frames, columns) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[list(columns)]
