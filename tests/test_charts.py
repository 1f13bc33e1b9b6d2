"""The charts: what they show equals the data, labels in both languages, given Axes used,
deterministic files, and matplotlib stays out of ``import potential``."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from potential import charts, labels
from potential.errors import InputError
from potential.summaries import best_score_matrix


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def smaa():
    from potential.uncertainty.bodies import smaa_by_body

    return smaa_by_body(n=200, seed=0)


@pytest.fixture(scope="module")
def comparison():
    import potential.scenarios as ps

    return ps.compare([ps.run("heute"), ps.run("personal-2030")])


def _flat(label: str) -> str:
    """A wrapped tick label as one line."""
    return " ".join(label.split())


def _ticks(axis) -> list[str]:
    return [_flat(t.get_text()) for t in axis.get_ticklabels()]


def _uses_given_axes(draw) -> None:
    """``draw(ax)`` returns the Axes it is given and makes no figure."""
    _, ax = plt.subplots()
    figures = plt.get_fignums()
    assert draw(ax) is ax
    assert plt.get_fignums() == figures


def _bars(container) -> list[tuple[float, float]]:
    return [(p.get_x(), p.get_width()) for p in container.patches]


# --- import ------------------------------------------------------------------------------


def test_importing_potential_does_not_import_matplotlib():
    code = (
        "import potential, potential.analysis, potential.exports, potential.scenarios, "
        "potential.cli, sys; assert 'matplotlib' not in sys.modules; "
        "import potential.charts; assert 'matplotlib' not in sys.modules; "
        "potential.charts.score_heatmap; assert 'matplotlib' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- heatmap -----------------------------------------------------------------------------


def test_score_heatmap_shows_the_best_score_matrix(default_analysis):
    a = default_analysis
    ax = charts.score_heatmap(a.ranking, a.dataset)
    expected = best_score_matrix(a.ranking, [f.id for f in a.dataset.fields])
    # the colours run per body: each row from its lowest (0) to its highest score (1)
    matrix = expected.to_numpy(dtype=float)
    low, high = np.nanmin(matrix, axis=1, keepdims=True), np.nanmax(matrix, axis=1, keepdims=True)
    shown = np.ma.filled(ax.images[0].get_array().astype(float), np.nan)
    np.testing.assert_allclose(shown, (matrix - low) / (high - low), rtol=0, atol=1e-12)
    for i, body in enumerate(expected.index):  # each body's best field has the top colour
        assert shown[i, np.nanargmax(matrix[i])] == 1.0, body
    names = a.ranking.drop_duplicates("body").set_index("body")["body_name"]
    assert _ticks(ax.yaxis) == list(names[expected.index])
    assert _ticks(ax.xaxis) == [labels.field_label(a.dataset, f) for f in expected.columns]
    assert [t.get_text() for t in ax.texts] == [
        "–" if np.isnan(v) else f"{v:.3f}".replace(".", ",") for v in expected.to_numpy().ravel()
    ]
    # Förderschulen: the county runs them for every town already, so no body has an option
    assert expected["foerderschulen"].isna().all()
    assert ax.get_title(loc="left") == "Bester Punktwert je Körperschaft und Handlungsfeld"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Handlungsfeld", "Körperschaft")
    bar = ax.images[0].colorbar.ax
    assert bar.get_ylabel() == "Farbe: Punktwert im Vergleich innerhalb der Körperschaft"
    assert [t.get_text() for t in bar.get_yticklabels()] == ["ihr niedrigster", "ihr höchster"]


def test_row_scaled_runs_each_row_from_its_lowest_to_its_highest_value():
    from potential.charts.rankings import row_scaled

    values = np.array([[0.40, 0.45, 0.50], [0.2, np.nan, 0.3], [0.7, 0.7, np.nan]])
    # by hand: (0.45 - 0.40) / (0.50 - 0.40) = 0.5; one value or all equal: the top colour
    expected = [[0.0, 0.5, 1.0], [0.0, np.nan, 1.0], [1.0, 1.0, np.nan]]
    np.testing.assert_allclose(row_scaled(values), expected, rtol=0, atol=1e-12)
    assert np.isnan(row_scaled(np.array([[np.nan, np.nan]]))).all()


def test_score_heatmap_leaves_missing_cells_grey_with_a_dash(default_analysis):
    r = default_analysis.ranking
    r = r[~((r["body"] == "selm") & (r["field"] == "it"))]
    ax = charts.score_heatmap(r, lang="en")  # no dataset: ids, order of first appearance
    matrix = best_score_matrix(r)
    i, j = list(matrix.index).index("selm"), list(matrix.columns).index("it")
    image = ax.images[0].get_array()
    # two cells are missing: Selm's IT (removed here) and Schwerte's IT, which the data leave
    # empty: every IT set with Schwerte (kreisweit, alle_staedte, kreis_unna+schwerte,
    # holzwickede+schwerte) is excluded by austritt_unbekannt (it_schwerte_sit with SIT)
    k = list(matrix.index).index("schwerte")
    assert image.mask[i, j] and image.mask[k, j] and image.mask.sum() == 2
    assert ax.texts[i * matrix.shape[1] + j].get_text() == "–"
    assert ax.texts[k * matrix.shape[1] + j].get_text() == "–"
    assert "." in ax.texts[0].get_text()  # decimal point in English
    assert _ticks(ax.xaxis) == list(matrix.columns)
    assert ax.get_xlabel() == "Field"
    assert ax.images[0].colorbar.ax.get_ylabel() == "Colour: score compared within the body"
    _uses_given_axes(lambda ax: charts.score_heatmap(r, ax=ax))


# --- contributions -----------------------------------------------------------------------


def test_contribution_bars_add_up_to_the_score(default_analysis):
    a = default_analysis
    ax = charts.contribution_bars(a, "selm", n=5)
    top = a.ranking[a.ranking["body"] == "selm"].sort_values("rank").head(5)
    criteria = [c.id for c in a.criteria.criteria]
    assert len(ax.containers) == len(criteria)
    assert len(ax.patches) == 5 * len(criteria)
    c = a.contributions[a.contributions["body"] == "selm"].set_index(["option", "criterion"])
    left = np.zeros(5)
    for container, criterion in zip(ax.containers, criteria, strict=True):
        expected = [c.at[(o, criterion), "contribution"] for o in top["option"]]
        bars = np.array(_bars(container))
        np.testing.assert_allclose(bars[:, 1], expected, rtol=0, atol=1e-15)
        np.testing.assert_allclose(bars[:, 0], left, rtol=0, atol=1e-15)
        left += bars[:, 1]
    np.testing.assert_allclose(left, top["score"], rtol=0, atol=1e-12)  # wsm
    assert [p.get_y() + p.get_height() / 2 for p in ax.containers[0].patches] == [0, 1, 2, 3, 4]
    assert ax.yaxis_inverted()  # best on top
    assert _ticks(ax.yaxis) == [
        labels.option_label(a.dataset, row) for row in top.to_dict("records")
    ]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        labels.column(k, "de", a.criteria) for k in criteria
    ]
    assert ax.get_title(loc="left") == "Beiträge der Kriterien zum Punktwert – Selm"
    assert ax.get_xlabel().startswith("Beitrag zum Punktwert")
    assert [t.get_text() for t in ax.texts] == [f"{s:.3f}".replace(".", ",") for s in top["score"]]


def test_contribution_bars_in_english_and_for_other_methods(default_analysis):
    ax = charts.contribution_bars(default_analysis, "kreis_unna", n=3, lang="en")
    assert len(ax.patches) == 3 * len(default_analysis.criteria.criteria)
    assert ax.get_title(loc="left") == "What the score is made of – Kreis Unna"
    assert ax.get_legend().get_title().get_text() == "Criterion"
    assert "Stand-alone" not in " ".join(_ticks(ax.yaxis))
    topsis = dataclasses.replace(default_analysis, method="topsis")
    ax = charts.contribution_bars(topsis, "selm", n=2)
    assert "topsis" in ax.get_xlabel() and not ax.texts  # no score: the sum is not it
    _uses_given_axes(lambda ax: charts.contribution_bars(default_analysis, "selm", ax=ax))
    with pytest.raises(InputError, match="nowhere"):
        charts.contribution_bars(default_analysis, "nowhere")


# --- SMAA --------------------------------------------------------------------------------


def test_acceptability_bars_show_the_shares(default_analysis, smaa):
    names = charts.option_names(default_analysis.ranking, default_analysis.dataset)
    ax = charts.acceptability_bars(smaa, "selm", n=8, max_rank=5, names=names)
    rows = smaa.acceptability[smaa.acceptability["body"] == "selm"]
    wide = rows.pivot(index="option", columns="rank", values="share").fillna(0.0)
    wide = wide.reindex(columns=range(1, 6), fill_value=0.0)
    key = pd.DataFrame({"first": wide[1], "top": wide.sum(axis=1)})
    order = key.sort_values(["first", "top"], ascending=False, kind="stable").index[:8]
    assert _ticks(ax.yaxis) == [names[o] for o in order]
    assert len(ax.containers) == 6 and len(ax.patches) == 6 * 8
    total = np.zeros(8)
    for rank, container in enumerate(ax.containers[:5], start=1):
        widths = np.array(_bars(container))[:, 1]
        np.testing.assert_allclose(widths, 100 * wide.loc[order, rank], atol=1e-12)
        total += widths
    rest = np.array(_bars(ax.containers[5]))[:, 1]
    np.testing.assert_allclose(rest, 100 - total, atol=1e-9)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Rang 1", "Rang 2", "Rang 3", "Rang 4", "Rang 5", "schlechter"
    ]  # fmt: skip
    assert ax.get_title(loc="left") == "Rangwahrscheinlichkeit (SMAA) – Selm"
    assert ax.get_xlabel() == "Anteil der Stichproben (%)"
    assert ax.get_xlim() == (0, 100)


def test_acceptability_bars_from_a_table_in_english(smaa):
    ax = charts.acceptability_bars(smaa.acceptability, "werne", n=3, max_rank=2, lang="en")
    assert len(ax.patches) == 3 * 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Rank 1", "Rank 2", "worse"]
    assert ax.get_title(loc="left") == "Rank acceptability (SMAA) – werne"  # no names: id
    assert all("/" in t or t == "alleingang" for t in _ticks(ax.yaxis))  # option ids
    _uses_given_axes(lambda ax: charts.acceptability_bars(smaa, "werne", ax=ax))


# --- tornado -----------------------------------------------------------------------------


def test_tornado_bars_span_low_to_high(default_analysis):
    from potential.uncertainty import body_tornado

    table = body_tornado(default_analysis, "selm")
    shuffled = table.sample(frac=1, random_state=1)  # the chart sorts by swing itself
    ax = charts.tornado(shuffled, criteria=default_analysis.criteria)
    assert len(ax.patches) == 2 * len(table)
    down, up = ax.containers
    for i, criterion in enumerate(table.index):  # table: largest swing first
        spans = [(p.get_x(), p.get_x() + p.get_width()) for p in (down[i], up[i])]
        assert min(s[0] for s in spans) == pytest.approx(table.at[criterion, "low"], abs=1e-15)
        assert max(s[1] for s in spans) == pytest.approx(table.at[criterion, "high"], abs=1e-15)
        assert down[i].get_x() + down[i].get_width() in (
            pytest.approx(table.at[criterion, "minus"]),
            pytest.approx(table.at[criterion, "base"]),
        )
    assert _ticks(ax.yaxis) == [
        labels.column(c, "de", default_analysis.criteria) for c in table.index
    ]
    assert ax.yaxis_inverted()  # largest swing on top
    (base,) = ax.lines
    assert base.get_xdata()[0] == table["base"].iloc[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Ausgangsgewichte", "Gewicht gesenkt um 10 %", "Gewicht erhöht um 10 %"
    ]  # fmt: skip
    assert ax.get_xlabel() == "Punktwert (0–1)"


def test_tornado_in_english_without_criteria(default_analysis):
    from potential.uncertainty import body_tornado

    table = body_tornado(default_analysis, "unna").copy()
    table.attrs = {}
    ax = charts.tornado(table, lang="en", title="Unna")
    # without the criteria model a criterion named like an indicator gets the indicator's
    # header (potential.labels.column); any other keeps its id
    expected = {
        "npv_per_capita": "NPV per inhabitant (EUR/inh.)",
        "liquidity_burden": "liquidity_burden",
        "staffing_relief": "Staffing relief (FTE)",
        "resilience": "Resilience gain (0–1)",
        "time_to_implement": "Time to implement (months)",
        "control_kept": "Control kept (0–1)",
        "procurement_risk": "Procurement risk (0–1)",
        "service_quality": "Duties met together rather than alone (0–1)",
    }
    assert _ticks(ax.yaxis) == [expected[c] for c in table.index]
    assert ax.get_title(loc="left") == "Unna"
    assert [t.get_text() for t in ax.get_legend().get_texts()][1:] == [
        "Weight lowered", "Weight raised"
    ]  # fmt: skip
    _uses_given_axes(lambda ax: charts.tornado(table, ax=ax))


# --- scenarios ---------------------------------------------------------------------------


def test_rank_slope_draws_the_ranks(comparison, default_analysis):
    ax = charts.rank_slope(comparison, "selm", n=6, dataset=default_analysis.dataset)
    ranks = comparison.ranks[comparison.ranks["body"] == "selm"]
    wide = ranks.pivot(index="option", columns="scenario", values="rank")
    wide = wide[list(comparison.scenarios)]
    expected = wide[(wide <= 6).any(axis=1)]
    assert len(ax.lines) == len(expected)
    for line in ax.lines:
        np.testing.assert_array_equal(line.get_xdata(), [0, 1])
        np.testing.assert_array_equal(line.get_ydata(), expected.loc[line.get_label()])
    assert ax.yaxis_inverted()
    titles = [run.scenario.label for run in comparison.runs]
    assert _ticks(ax.xaxis) == [_flat(t) for t in titles]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Szenario", "Rang (1 = beste Option)")
    assert ax.get_title(loc="left") == "Rang der Optionen je Szenario – Selm"
    first = ax.lines[0].get_label()
    row = ranks[ranks["option"] == first].iloc[0]
    assert _flat(labels.option_label(default_analysis.dataset, row)) in [
        _flat(t.get_text()) for t in ax.texts
    ]


def test_rank_slope_leaves_a_gap_where_a_scenario_lacks_an_option():
    ranks = pd.DataFrame(
        {
            "body": "b",
            "option": ["x", "y", "z", "x", "z", "y", "x", "z"],
            "scenario": ["s1"] * 3 + ["s2"] * 2 + ["s3"] * 3,
            "rank": [1, 2, 3, 1, 2, 1, 2, 3],
        }
    )
    ranks["scenario"] = pd.Categorical(ranks["scenario"], ["s1", "s2", "s3"])
    ax = charts.rank_slope(ranks, "b", n=2, lang="en", titles={"s2": "Second"})
    lines = {line.get_label(): line.get_ydata() for line in ax.lines}
    assert sorted(lines) == ["x", "y", "z"]
    np.testing.assert_array_equal(lines["y"], [2, np.nan, 1])
    np.testing.assert_array_equal(lines["x"], [1, 1, 2])
    assert _ticks(ax.xaxis) == ["s1", "Second", "s3"]
    assert ax.get_ylabel() == "Rank (1 = best option)"
    assert {t.get_text() for t in ax.texts} == {"x", "y", "z"}
    _uses_given_axes(lambda ax: charts.rank_slope(ranks, "b", ax=ax))
    with pytest.raises(InputError, match="^ranks: keine Zeilen für die Körperschaft 'c'"):
        charts.rank_slope(ranks, "c")


# --- map ---------------------------------------------------------------------------------

BODIES = pd.DataFrame(
    {
        "body": ["k", "a", "b", "c"],
        "name": ["Kreis K", "Aberg", "Bstadt", "Cdorf"],
        "kind": ["kreis", "stadt", "stadt", "gemeinde"],
        "lon": [7.70, 7.60, 7.70, 7.55],
        "lat": [51.50, 51.60, 51.50, 51.45],
        "population": [100_000, 60_000, 30_000, 10_000],
    }
)
COOPERATIONS = pd.DataFrame(
    {
        "id": ["c1", "c2"],
        "label": ["Eins", "Zwei"],
        "members": ["k;a;b", "b;a"],
        "field": ["it", ""],
        "legal_form": ["zweckverband", "gmbh"],
    }
)
RECOMMENDED = pd.DataFrame(
    {
        "option": ["it/x/b+c", "epayment/x/a+c", "epayment/y/b+c"],
        "members": ["b;c", "a;c", "b;c"],
        "field": ["it", "epayment", "epayment"],
        "field_label": ["IT", "ePayment", "ePayment"],
    }
)


def _projected(frame):
    lat0, lon0 = frame["lat"].mean(), frame["lon"].mean()
    k = 6371.0088 * math.pi / 180
    return np.column_stack(
        [k * (frame["lon"] - lon0) * math.cos(math.radians(lat0)), k * (frame["lat"] - lat0)]
    )


def _gid(ax, gid):
    return [c for c in ax.collections if c.get_gid() == gid]


def test_cooperation_map_places_bodies_by_coordinates():
    ax = charts.cooperation_map(BODIES, COOPERATIONS, RECOMMENDED)
    xy = _projected(BODIES)
    (towns,) = _gid(ax, "towns")
    (county,) = _gid(ax, "county")
    np.testing.assert_allclose(towns.get_offsets(), xy[1:], atol=1e-9)
    np.testing.assert_allclose(county.get_offsets(), xy[:1], atol=1e-9)
    # true distances: a to c by the haversine formula
    lat1, lat2, dlon = map(math.radians, (51.60, 51.45, 7.55 - 7.60))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    true = 2 * 6371.0088 * math.asin(math.sqrt(h))
    assert np.hypot(*(xy[1] - xy[3])) == pytest.approx(true, rel=2e-3)
    sizes = towns.get_sizes()
    assert sizes[0] > sizes[1] > sizes[2]  # by population
    # existing: pairs k-a, k-b, a-b; a-b shares two cooperations
    (existing,) = _gid(ax, "existing")
    assert len(existing.get_segments()) == 3
    widths = dict(zip(["a-k", "b-k", "a-b"], existing.get_linewidths(), strict=True))
    assert widths["a-b"] > widths["a-k"] == widths["b-k"]
    recommended = _gid(ax, "recommended")
    assert len(recommended) == 2  # one per field
    assert sum(len(c.get_segments()) for c in recommended) == 3  # one per pair and option
    assert ax.get_aspect() == 1.0
    assert not ax.get_xticks().size and not ax.get_yticks().size
    texts = [t.get_text() for t in ax.texts]
    assert "Lage nach Koordinaten" in texts and set(BODIES["name"]) <= set(texts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "Bestehende Kooperation",
        "2 gemeinsame Kooperationen",
        "Empfohlen: IT",
        "Empfohlen: ePayment",
        "Kreis (Sitz)",
    ]
    assert ax.get_title(loc="left") == "Bestehende und empfohlene Kooperationen"


def test_cooperation_map_in_english_and_bad_input():
    ax = charts.cooperation_map(BODIES.drop(columns="population"), COOPERATIONS, lang="en")
    assert not _gid(ax, "recommended")
    assert "Positions from coordinates" in [t.get_text() for t in ax.texts]
    assert ax.get_title(loc="left") == "Cooperations between the county and its towns"
    _uses_given_axes(lambda ax: charts.cooperation_map(BODIES, COOPERATIONS, ax=ax))
    with pytest.raises(InputError, match="lat"):
        charts.cooperation_map(BODIES.drop(columns="lat"), COOPERATIONS)
    with pytest.raises(InputError, match="Mitglied\\(er\\) x gehören nicht zu den Körperschaften"):
        charts.cooperation_map(BODIES, COOPERATIONS.assign(members=["k;x", "a;b"]))
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="member\\(s\\) x not among the bodies"):
        charts.cooperation_map(BODIES, COOPERATIONS.assign(members=["k;x", "a;b"]))


def test_cooperation_frames_from_the_dataset(default_analysis):
    ds = default_analysis.dataset
    bodies, cooperations, recommended = charts.cooperation_frames(ds, default_analysis)
    assert list(bodies["body"]) == [b.id for b in ds.bodies]
    assert np.isfinite(bodies[["lon", "lat"]].to_numpy(dtype=float)).all()
    # the map draws ties: the kind=aufgabe rows of cooperations.csv with two or more members
    # of the dataset (not the 8 beteiligung rows, nor it_schwerte_sit and epr_unna_dortmund
    # with one member and an external partner), in file order: 23 - 8 - 2 = 13
    assert list(cooperations["id"]) == [
        "foerderschulen_kreis", "it_boenen_zdv", "dsb_gemeinsam", "rpa_schwerte",
        "vhs_kamen_boenen", "gwa_sammlung", "it_sicherheitsbeauftragter", "vergabestelle_unna",
        "beitraege_unna_froendenberg", "ausgleichsflaechen_kreis", "kreistierheim",
        "vhs_unna_froendenberg_holzwickede", "but_asylblg_bergkamen",
    ]  # fmt: skip
    assert len(ds.cooperations) == 23 and len(cooperations) == 23 - 8 - 2
    joint = default_analysis.joint
    best = joint[joint["all_gain"]].sort_values("consensus_rank").drop_duplicates("field")
    assert sorted(recommended["option"]) == sorted(best["option"])
    assert recommended["field"].is_unique
    order = [f.id for f in ds.fields]
    assert list(recommended["field"]) == sorted(recommended["field"], key=order.index)
    assert set(recommended["members"]) <= set(joint["partners"])
    _, _, two = charts.cooperation_frames(ds, default_analysis, top=2, lang="en")
    assert two.groupby("field").size().max() == 2
    assert two["field_label"].iloc[0] == labels.field_label(ds, two["field"].iloc[0], "en")
    ax = charts.cooperation_map(bodies, cooperations, recommended)
    assert len(_gid(ax, "towns")[0].get_offsets()) == len(ds.bodies) - 1
    _, _, none = charts.cooperation_frames(ds)
    assert none.empty

    first = ds.bodies[0].model_copy(update={"lat": None, "lon": None})
    without = ds.model_copy(update={"bodies": (first, *ds.bodies[1:])})
    with pytest.raises(InputError, match="keine Koordinaten für kreis_unna; bodies.csv"):
        charts.cooperation_frames(without)


# --- cost sharing ------------------------------------------------------------------------

#: members × keys in EUR, as potential.sharing.export.member_matrix gives them
ALLOCATION = pd.DataFrame(
    {"einwohner": [120_000.0, -8_500.0, 40_250.0], "kosten": [90_000.0, 12_000.0, 50_000.0],
     "shapley": [100_000.0, 2_000.0, 50_000.0]},
    index=pd.Index(["kreis_unna", "selm", "werne"], name="member"),
)  # fmt: skip
MEMBER_NAMES = {"kreis_unna": "Kreis Unna", "selm": "Selm", "werne": "Werne"}


def test_allocation_chart_draws_one_bar_per_member_and_key():
    from potential.sharing.ikz import KEYS

    ax = charts.allocation_chart(ALLOCATION, MEMBER_NAMES)
    # one container per key (columns' order), one bar per member (rows' order)
    assert len(ax.containers) == ALLOCATION.shape[1]
    for container, key in zip(ax.containers, ALLOCATION.columns, strict=True):
        assert container.get_label() == KEYS[key][0]  # German names start with a capital
        assert [p.get_width() for p in container.patches] == ALLOCATION[key].tolist()
        assert all(p.get_x() == 0 for p in container.patches)  # from the zero line
    # member i's bars sit around y = i, first member on top, keys in order within a group
    centres = np.array([[p.get_y() + p.get_height() / 2 for p in c] for c in ax.containers])
    assert np.allclose(centres.mean(axis=0), range(len(ALLOCATION)))
    assert (np.diff(centres, axis=0) > 0).all()
    assert ax.get_ylim()[0] > ax.get_ylim()[1]
    assert _ticks(ax.yaxis) == ["Kreis Unna", "Selm", "Werne"]
    # the zero line, German labels, thousands separators
    assert any(list(line.get_xdata()) == [0, 0] for line in ax.get_lines())
    assert ax.get_xlim()[0] < -8_500 < 120_000 < ax.get_xlim()[1]
    assert ax.get_xlabel() == "Kapitalwert gegenüber dem Status quo (€)"
    assert ax.get_title(loc="left") == "Kapitalwert je Mitglied nach Kostenschlüssel"
    assert ax.get_legend().get_title().get_text() == "Schlüssel"
    assert ax.xaxis.get_major_formatter()(-120_000) == "-120.000"


def test_allocation_chart_in_english_keeps_the_colour_of_each_key():
    ax = charts.allocation_chart(ALLOCATION, lang="en", title="IT – county-wide")
    assert ax.get_xlabel() == "Net present value against the status quo (€)"
    assert ax.get_title(loc="left") == "IT – county-wide"
    assert [c.get_label() for c in ax.containers] == [
        "Inhabitants", "Status-quo cost (full cost)", "Shapley value",
    ]  # fmt: skip
    assert _ticks(ax.yaxis) == list(ALLOCATION.index)  # no names: the ids
    assert ax.xaxis.get_major_formatter()(1_234_567) == "1,234,567"
    # a key keeps its colour whichever other keys are shown
    colour = ax.containers[1].patches[0].get_facecolor()
    alone = charts.allocation_chart(ALLOCATION[["kosten"]], lang="en")
    assert alone.containers[0].patches[0].get_facecolor() == colour
    assert ax.get_xlim()[0] < 0  # a loss shows left of zero
    assert charts.allocation_chart(ALLOCATION.abs()).get_xlim()[0] == 0


def test_allocation_chart_uses_given_axes_and_refuses_bad_input():
    _uses_given_axes(lambda ax: charts.allocation_chart(ALLOCATION, ax=ax))
    with pytest.raises(InputError, match="DataFrame"):
        charts.allocation_chart(ALLOCATION.to_numpy())
    with pytest.raises(InputError, match="^matrix: keine Mitglieder oder keine Schlüssel"):
        charts.allocation_chart(ALLOCATION.iloc[:0])
    with pytest.raises(InputError, match="^lang: 'fr'; erwartet: eines von de, en$"):
        charts.allocation_chart(ALLOCATION, lang="fr")


# --- files -------------------------------------------------------------------------------


def test_save_figure_gives_the_same_bytes_twice(default_analysis, tmp_path):
    def draw():
        return charts.contribution_bars(default_analysis, "boenen", n=3).figure

    fig = draw()
    first = charts.save_figure(fig, tmp_path / "one" / "beitraege", ("png", "svg", "pdf"))
    for _ in range(3):  # as when shown: every draw may move the layout by a rounding error
        fig.canvas.draw()
    again = charts.save_figure(fig, tmp_path / "two" / "beitraege", ("png", "svg", "pdf"))
    fresh = charts.save_figure(draw(), tmp_path / "three" / "beitraege", ("png", "svg", "pdf"))
    assert [p.name for p in first] == ["beitraege.png", "beitraege.svg", "beitraege.pdf"]
    for a, b, c in zip(first, again, fresh, strict=True):
        assert a.read_bytes() == b.read_bytes() == c.read_bytes(), a.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "<dc:title>potential</dc:title>" in svg
    assert b"Software" not in first[0].read_bytes()
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(p.name for p in first)
    assert charts.save_figure(fig.axes[0], tmp_path / "ax", "png")[0].name == "ax.png"
    with pytest.raises(InputError, match="^formats: 'jpg'; erwartet: eines oder mehrere von"):
        charts.save_figure(fig, tmp_path / "x", ("jpg",))


def test_cooperation_map_draws_a_led_cooperation_as_a_star():
    """A lead performs the task for each member: 4 members with a lead give 3 edges, all
    touching the lead; without a lead, every two members are joined (6 edges)."""
    members = "k;a;b;c"
    led = pd.DataFrame(
        {"id": ["c1"], "label": ["L"], "members": [members], "field": ["it"],
         "legal_form": ["oerv_mandat"], "lead": ["k"]}
    )  # fmt: skip
    (edges,) = _gid(charts.cooperation_map(BODIES, led), "existing")
    xy = dict(zip(BODIES["body"], _projected(BODIES), strict=True))
    segments = edges.get_segments()
    assert len(segments) == 3
    assert all(np.allclose(s[0], xy["k"]) or np.allclose(s[1], xy["k"]) for s in segments)
    (edges,) = _gid(charts.cooperation_map(BODIES, led.drop(columns="lead")), "existing")
    assert len(edges.get_segments()) == 6
