"""A game from a CSV file, for ``potential sharing --game``: split any joint gain or cost.

The file has one row per coalition: ``coalition`` (the members joined by ``+`` or ``;``, e.g.
``kamen+unna``) and ``value`` (EUR). Every non-empty subset of the players must have a row,
singletons included. With ``kind="cost"`` the values are what each coalition pays together;
with ``"savings"`` what it gains together. A German Excel's ``;`` and decimal comma are read
as well (:func:`potential.files.read_csv_rows`).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from potential.errors import InputError
from potential.files import read_csv_rows
from potential.messages import message
from potential.sharing import games

__all__ = ["GAME_COLUMNS", "game_table", "read_game"]

GAME_COLUMNS = ("coalition", "value")


def read_game(path: str | Path) -> tuple[dict[frozenset, float], tuple[str, ...]]:
    """The game in a CSV file and its players in the order they first appear.

    Raises
    ------
    InputError
        Naming the file and line: an empty coalition, a value that is not a finite number, a
        coalition given twice; and the checks of :mod:`potential.sharing.games` (missing
        coalitions, too many players).
    """
    path = Path(path)
    values: dict[frozenset, float] = {}
    players: list[str] = []
    seen: dict[frozenset, int] = {}
    for line, row in read_csv_rows(path, GAME_COLUMNS):
        raw = row["coalition"].replace(";", "+")
        members = [m.strip() for m in raw.split("+") if m.strip()]
        if not members:
            raise InputError(message("sharing.file.empty_coalition", line=line), str(path))
        coalition = frozenset(members)
        if coalition in seen:
            raise InputError(
                message(
                    "sharing.file.coalition_twice",
                    line=line,
                    coalition=row["coalition"],
                    first=seen[coalition],
                ),
                str(path),
            )
        try:
            value = float(row["value"])
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise InputError(
                message("sharing.file.bad_value", line=line, value=row["value"]), str(path)
            )
        seen[coalition] = line
        values[coalition] = value
        players.extend(m for m in members if m not in players)
    if not values:
        raise InputError(message("sharing.file.no_coalitions"), str(path))
    try:
        games.in_core(values, dict.fromkeys(players, 0.0), players=players)
    except InputError as exc:
        raise InputError(exc.problem, str(path)) from None
    return values, tuple(players)


def game_table(values, players, kind: str = "savings") -> tuple[pd.DataFrame, dict]:
    """Shapley value, nucleolus and SCRB of a game, and its core.

    Returns
    -------
    table : pandas.DataFrame
        One row per player: ``player``, ``shapley``, ``nucleolus`` (NaN where the game has no
        imputation), ``scrb``; allocations of the game's value (for a cost game: what each
        pays).
    core : dict
        ``core_empty`` and ``least_core`` (ε).
    """
    players = list(players)
    table = pd.DataFrame({"player": players})
    table["shapley"] = games.shapley(values, kind, players=players).to_numpy()
    try:
        table["nucleolus"] = games.nucleolus(values, kind, players=players).to_numpy()
    except InputError:
        table["nucleolus"] = math.nan
    table["scrb"] = games.scrb(values, kind, players=players).to_numpy()
    epsilon, _ = games.least_core(values, kind, players=players)
    core = {
        "core_empty": bool(games.core_is_empty(values, kind, players=players)),
        "least_core": float(epsilon),
    }
    return table, core
