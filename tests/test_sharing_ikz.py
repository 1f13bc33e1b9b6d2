"""The IKZ game of an option and the allocation table (potential.sharing.ikz / tables).

Each value is checked against a second computation: a brute force over set partitions for
the superadditive cover, a separate Wirtschaftlichkeitsvergleich of each subset for the game,
hand formulas for the keys, and the coalition finder for the full-cost key.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from potential.coalitions import find
from potential.datasets import load_dataset
from potential.errors import InputError
from potential.indicators import indicator_table
from potential.knockout import screen
from potential.messages import use_lang
from potential.options import coalition_options
from potential.sharing import games
from potential.sharing.ikz import (
    KEYS,
    allocation,
    allocation_table,
    ikz_games,
    key_quantities,
    key_summary,
    superadditive_cover,
)
from potential.sharing.tables import share

DATA = Path(__file__).resolve().parents[1] / "potential" / "data" / "kreis-unna"
OPTION = "evergabe/oerv_deleg/kamen+schwerte+unna"
MEMBERS = ("kamen", "schwerte", "unna")


def _partitions(items):
    """Every partition of ``items`` into non-empty blocks (recursive, independent of bits)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for i in range(len(part)):
            yield part[:i] + [[first, *part[i]]] + part[i + 1 :]
        yield [[first], *part]


@pytest.mark.parametrize("seed", range(6))
def test_cover_is_the_best_partition(seed):
    rng = np.random.default_rng(seed)
    n = 5
    direct = rng.normal(0, 10, 1 << n)
    direct[rng.random(1 << n) < 0.2] = -np.inf  # some groups cannot form
    for i in range(n):
        direct[1 << i] = 0.0
    got = superadditive_cover(direct)
    for mask in range(1, 1 << n):
        items = [i for i in range(n) if mask >> i & 1]
        best = max(
            sum(direct[sum(1 << i for i in block)] for block in part)
            for part in _partitions(items)
        )
        assert got[mask] == pytest.approx(best)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def game(dataset):
    date = dataset.meta.reference_date
    row = coalition_options(dataset, {"evergabe": ["oerv_deleg"]}, [MEMBERS], date)
    assert row["option"].tolist() == [OPTION]
    return ikz_games(dataset, row, date)[OPTION]


def _pool_npv(dataset, field, form, members):
    date = dataset.meta.reference_date
    row = coalition_options(dataset, {field: [form]}, [tuple(members)], date)
    table = indicator_table(dataset, row, date)
    return float(table.loc[table["option"] == row["option"].iloc[0], "npv"].sum())


def test_game_values_are_the_subsets_own_npv(dataset, game):
    date = dataset.meta.reference_date
    forms = dataset.field("evergabe").legal_forms
    # one-member sets are the status quo
    for m in MEMBERS:
        assert game.savings[frozenset([m])] == 0.0
    # pairs: the best of their own Wirtschaftlichkeitsvergleich over the admissible forms
    for pair in itertools.combinations(MEMBERS, 2):
        rows = coalition_options(dataset, {"evergabe": forms}, [pair], date)
        admissible = screen(dataset, rows, date)[0]["legal_form"]
        best = max(_pool_npv(dataset, "evergabe", f, pair) for f in admissible)
        assert game.savings[frozenset(pair)] == pytest.approx(max(best, 0.0), abs=0.01)
    # the whole set: the option's own pool Kapitalwert, with its form
    assert game.pool_npv == pytest.approx(
        _pool_npv(dataset, "evergabe", "oerv_deleg", MEMBERS), abs=0.01
    )
    assert game.pool_npv > 0


def test_cost_game_is_status_quo_minus_savings(game):
    s = game.settings
    # Q_i = C_i * sum_{t=1..H} (1+g)^t / (1+r)^t, worked out here from the settings
    weight = sum(
        (1 + s.price_change_rate) ** t / (1 + s.discount_rate) ** t
        for t in range(1, s.horizon_years + 1)
    )
    cost = game.quantities["kosten"]
    np.testing.assert_allclose(game.status_quo, cost * weight)
    for coalition, value in game.savings.items():
        q = sum(game.status_quo[m] for m in coalition)
        assert game.cost[coalition] == pytest.approx(q - value)


def test_every_key_splits_the_pool_npv(game):
    table = allocation_table(game)
    assert set(table["key"]) == set(KEYS) - {"fallzahlen"}  # no case numbers shipped
    sums = table.groupby("key")["npv"].sum()
    np.testing.assert_allclose(sums, game.pool_npv, atol=0.05)
    np.testing.assert_allclose(table.groupby("key")["cost_share"].sum(), 1.0, atol=1e-5)


def test_cost_keys_by_hand(game):
    c_total = sum(game.status_quo) - game.pool_npv
    for key in ("einwohner", "vzae", "kosten"):
        k = game.quantities[key]
        expected = game.status_quo - k / k.sum() * c_total
        np.testing.assert_allclose(allocation(game, key), expected, rtol=1e-12)
    # the full-cost key gives each member its cost share of the pool's Kapitalwert
    cost = game.quantities["kosten"]
    np.testing.assert_allclose(allocation(game, "kosten"), cost / cost.sum() * game.pool_npv)


def test_inhabitants_key_counts_the_county_by_its_own_share(dataset):
    q = key_quantities(dataset, "evergabe", ["kreis_unna", "kamen"])
    county = dataset.body("kreis_unna")
    share = float(dataset.field_parameter("evergabe", "kreis_share"))
    assert q.at["kreis_unna", "einwohner"] == pytest.approx(county.population * share)
    assert q.at["kamen", "einwohner"] == dataset.body("kamen").population


def test_game_keys_match_the_game_module(game):
    players = list(game.players)
    np.testing.assert_allclose(
        allocation(game, "shapley"), games.shapley(game.savings, players=players)
    )
    np.testing.assert_allclose(
        allocation(game, "nucleolus"), games.nucleolus(game.savings, players=players)
    )
    pays = games.scrb(game.cost, kind="cost", players=players)
    np.testing.assert_allclose(allocation(game, "scrb"), game.status_quo - pays)
    np.testing.assert_allclose(allocation(game, "modell"), game.modelled)


def test_core_columns_agree_with_the_violations(game):
    table = allocation_table(game)
    summary = key_summary(game).set_index("key")
    for key, rows in table.groupby("key"):
        x = rows.set_index("member")["npv"]
        stable = games.in_core(game.savings, x, players=list(game.players))
        assert rows["in_core"].eq(stable).all()
        assert summary.at[key, "in_core"] == stable
        assert summary.at[key, "all_gain"] == bool((x > 0.005).all())
    phi = allocation(game, "shapley")
    kosten = table[table["key"] == "kosten"].set_index("member")
    np.testing.assert_allclose(kosten["vs_shapley"], (kosten["npv"] - phi).round(2), atol=0.011)


def test_fallzahlen_need_cases(game):
    with pytest.raises(InputError, match="cases_per_year"):
        allocation(game, "fallzahlen")
    with pytest.raises(InputError, match="cases_per_year"):
        allocation_table(game, ["fallzahlen"])
    summary = key_summary(game, ["fallzahlen"])
    assert not summary["available"].iloc[0]
    with pytest.raises(InputError, match="Kostenschlüssel: unbekannt 'mondphase'"):
        allocation(game, "mondphase")


def test_fallzahlen_with_reported_cases(tmp_path):
    folder = tmp_path / "ds"
    shutil.copytree(DATA, folder)
    lines = ["body,field,annual_cost_eur,fte,leaving_share,source,cases_per_year"]
    for body, cases in zip(MEMBERS, (100, 300, 600), strict=True):
        lines.append(f"{body},evergabe,,,,Test,{cases}")
    (folder / "body_fields.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = load_dataset(folder)
    date = ds.meta.reference_date
    row = coalition_options(ds, {"evergabe": ["oerv_deleg"]}, [MEMBERS], date)
    g = ikz_games(ds, row, date)[OPTION]
    c_total = sum(g.status_quo) - g.pool_npv
    expected = g.status_quo - np.array([0.1, 0.3, 0.6]) * c_total
    np.testing.assert_allclose(allocation(g, "fallzahlen"), expected)


def test_share_names_options_and_is_deterministic(dataset):
    a = share(dataset=dataset, option=[OPTION], key=["kosten", "shapley"])
    b = share(dataset=dataset, option=[OPTION], key=["kosten", "shapley"])
    pd.testing.assert_frame_equal(a.allocations, b.allocations)
    assert a.cores["option"].tolist() == [OPTION]
    assert set(a.allocations["key"]) == {"kosten", "shapley"}
    with pytest.raises(InputError, match="unbekannt"):
        share(dataset=dataset, option=["it/zweckverband/kamen+atlantis"])
    with pytest.raises(InputError, match="Kostenschlüssel: unbekannt 'mondphase'"):
        share(dataset=dataset, option=[OPTION], key=["mondphase"])


def test_share_errors_in_english_on_request(dataset):
    with use_lang("en"), pytest.raises(InputError) as info:
        share(dataset=dataset, option=[OPTION], key=["mondphase"])
    assert str(info.value) == (
        "cost key: unknown 'mondphase'; expected: einwohner, fallzahlen, vzae, kosten, "
        "shapley, nucleolus, scrb, modell"
    )
    with use_lang("en"), pytest.raises(InputError) as info:
        share(dataset=dataset, option=["it/zweckverband/kamen"])
    assert str(info.value) == (
        "cooperation option 'it/zweckverband/kamen': only one partner; expected: at least two, "
        "joined by +"
    )
    with pytest.raises(InputError) as info:
        share(dataset=dataset, option=["it/zweckverband/kamen"])
    assert str(info.value) == (
        "Kooperationsoption 'it/zweckverband/kamen': nur ein Partner; erwartet: mindestens "
        "zwei, verbunden mit +"
    )


def test_best_joint_option_is_the_largest_pool(dataset):
    result = share(dataset=dataset, field="evergabe", key=["kosten"])
    import potential

    joint = potential.analyse(dataset=dataset).joint
    best = joint[joint["field"] == "evergabe"].sort_values("pool_npv").iloc[-1]
    assert result.cores["option"].tolist() == [best["option"]]
    assert result.cores["pool_npv"].iloc[0] == pytest.approx(best["pool_npv"], abs=0.01)


def test_finder_key_and_stability_against_the_game_module(dataset):
    found = find(dataset=dataset, field="it", max_size=3, top=4)
    assert found.key == "kosten"
    cand = found.candidates
    best = cand.groupby("members")["pool_npv"].max()
    for row in found.coalitions.itertuples(index=False):
        members = row.members.split(";")
        values = {frozenset([m]): 0.0 for m in members}
        for size in range(2, len(members)):
            for combo in itertools.combinations(members, size):
                values[frozenset(combo)] = max(0.0, best.get(";".join(combo), 0.0))
        values[frozenset(members)] = row.pool_npv
        gains = found.gains[found.gains["option"] == row.option].set_index("member")
        x = gains["share_npv"]
        assert bool(row.stable) == games.in_core(values, x, players=members)
        date = dataset.meta.reference_date
        rows = coalition_options(dataset, {"it": [row.legal_form]}, [tuple(members)], date)
        table = indicator_table(dataset, rows, date)
        cost = table[table["option"] == rows["option"].iloc[0]].set_index("body")["annual_cost"]
        expected = cost[members] / cost[members].sum() * row.pool_npv
        np.testing.assert_allclose(x[members], expected, rtol=1e-9)
    with pytest.raises(InputError, match="ist kein Kostenschlüssel"):
        find(dataset=dataset, field="it", max_size=2, key="shapley")


def _doc_number(text: str) -> float:
    return float(text.replace(",", "").replace("**", "").strip())


def test_docs_worked_example_is_current(game):
    """docs/sharing.md section 5 shows this game; its table must match the model."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "sharing.md").read_text("utf-8")
    section = doc.split("## 5. Worked example")[1].split("## 6.")[0]
    names = {"Kamen": "kamen", "Schwerte": "schwerte", "Unna": "unna"}
    rows = [
        line for line in section.splitlines() if line.startswith("| ") and "*v(S)*" not in line
    ]
    seen = 0
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("", "separable cost *SC*", "remaining benefit *RB*"):
            continue
        members = frozenset(
            names[p.strip()] for p in cells[0].replace("all three", "Kamen + Schwerte + Unna")
            .split("+")
        )  # fmt: skip
        assert game.savings[members] == pytest.approx(_doc_number(cells[1]), abs=0.01)
        assert game.cost[members] == pytest.approx(_doc_number(cells[2]), abs=0.01)
        seen += 1
    assert seen == 7
    x = allocation(game, "shapley")
    assert f"{x['kamen']:,.2f}" in section
    x = allocation(game, "nucleolus")
    assert f"{x['kamen']:,.2f}" in section and f"{x['unna']:,.2f}" in section
    x = allocation(game, "scrb")
    assert f"{x['kamen']:,.2f}" in section


def test_docs_default_run_is_current():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "sharing.md").read_text("utf-8")
    section = doc.split("## 6. The default run")[1].split("## References")[0]
    result = share(key=["kosten"])
    for row in result.cores.itertuples(index=False):
        assert f"{round(row.pool_npv):,}" in section, row.option
        assert f"{round(row.best_split_npv):,}" in section, row.option
        assert f"{round(row.least_core):,}".replace("-", "−") in section, row.option
