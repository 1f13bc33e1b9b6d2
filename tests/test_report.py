"""The HTML and Markdown report: sections, table values against the analysis, no external
resource, German and English, scenario content, SMAA, files written, byte-for-byte
determinism."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import matplotlib
import pytest

matplotlib.use("Agg")

from potential import labels
from potential.messages import use_lang
from potential.options import participants
from potential.report import FIGURE_DIR, build_report, write_report

H2_DE = [
    "Auf einen Blick",
    "1. Was untersucht wurde",
    "2. Methode und Gewichte",
    "3. Ergebnisse je Körperschaft",
    "4. Wirtschaftlichkeitsvergleich",
    "5. Gemeinsame Sicht",
    "6. Kostenverteilung",
    "7. Unsicherheit",
    "8. Quellen und Nachvollziehbarkeit",
]
H2_EN = [
    "At a glance",
    "1. What was analysed",
    "2. Method and weights",
    "3. Results per body",
    "4. Economic comparison",
    "5. Joint view",
    "6. Cost sharing",
    "7. Uncertainty",
    "8. Sources and reproducibility",
]
#: Elements that load what their src/href/data names.
LOADING = {"img", "script", "link", "iframe", "source", "video", "audio", "embed", "object",
           "track", "input"}  # fmt: skip
VOID = {"meta", "img", "br", "hr", "link", "input", "source", "col", "wbr", "area", "base"}


class Page(HTMLParser):
    """What the tests look at: headings, tables (with their class), tags and attributes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []  # (tag, text)
        self.tables: list[tuple[str, list[list[str]]]] = []  # (class, rows incl. header)
        self.elements: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.links: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self._heading = None
        self._cell = None
        self._style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID:
            self.open.append(tag)
        if tag in {"h1", "h2", "h3"}:
            self._heading = (tag, [])
        elif tag == "table":
            self.tables.append((attrs.get("class", ""), []))
        elif tag == "tr":
            self.tables[-1][1].append([])
        elif tag in {"td", "th"}:
            self._cell = []
        elif tag == "style":
            self._style = True
        elif tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()
        if tag in {"h1", "h2", "h3"}:
            self.headings.append((tag, "".join(self._heading[1])))
            self._heading = None
        elif tag in {"td", "th"}:
            self.tables[-1][1][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "style":
            self._style = False

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading[1].append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._style:
            self.styles.append(data)

    def h(self, tag: str) -> list[str]:
        return [text for t, text in self.headings if t == tag]

    def tables_named(self, name: str) -> list[list[list[str]]]:
        return [rows for cls, rows in self.tables if cls == name]


def de_number(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def de_euro(value: float) -> str:
    return f"{de_number(value, 0)} €"


@pytest.fixture(scope="module")
def smaa(default_analysis):
    from potential.uncertainty.bodies import smaa_by_body

    a = default_analysis
    return smaa_by_body(a.dataset, a.criteria, a.method, a.reference_date, n=200, seed=1)


@pytest.fixture(scope="module")
def sharing(default_analysis):
    """The cost sharing the report computes itself: the joint option with the largest pool
    Kapitalwert, with the analysis' settings (passed to the other builds, to save time)."""
    from potential.economics.settings import OVERRIDABLE
    from potential.sharing.tables import share

    a = default_analysis
    best = a.joint.sort_values("pool_npv", ascending=False, kind="stable")["option"].iloc[0]
    settings = {k: getattr(a.economics, k) for k in OVERRIDABLE}
    return share(a.dataset, [best], economics=settings, reference_date=a.reference_date)


@pytest.fixture(scope="module")
def report(default_analysis, smaa):
    """The German report with charts and SMAA (the one handed to the mayors)."""
    return build_report(default_analysis, smaa=smaa)


@pytest.fixture(scope="module")
def page(report):
    return Page(report.html)


@pytest.fixture(scope="module")
def scenario_run():
    """``kostendruck`` (one weight change, SMAA over values) with 200 draws."""
    import potential.scenarios as ps

    sc = ps.load("kostendruck")
    u = sc.uncertainty.model_dump()
    return ps.run(sc.with_changes(uncertainty={**u, "n": 200}))


@pytest.fixture(scope="module")
def scenario_report(scenario_run):
    return build_report(scenario_run=scenario_run, figures=False)


# --- structure and language ---------------------------------------------------------------


def test_sections_in_german_by_default(report, page, default_analysis):
    assert report.lang == "de"
    assert ("html", {"lang": "de"}) in page.elements
    assert page.h("h1") == ["Potenzialanalyse interkommunaler Zusammenarbeit im E-Government"]
    assert page.h("h2") == H2_DE
    bodies = [b.name for b in participants(default_analysis.dataset)]
    h3 = page.h("h3")
    assert all(name in h3 for name in bodies)
    assert h3.index(bodies[0]) < h3.index(bodies[-1])
    assert not page.open  # every element closed


def test_sections_in_english(default_analysis, sharing):
    report = build_report(default_analysis, lang="en", figures=False, sharing=sharing)
    page = Page(report.html)
    assert ("html", {"lang": "en"}) in page.elements
    assert page.h("h2") == H2_EN
    top = page.tables_named("top-options")[0]
    assert top[0] == [
        "Rank", "Cooperation option", "Net present value", "Qualitative points", "Score",
        "Benefit over stand-alone", "Verdict",
    ]  # fmt: skip
    best = default_analysis.ranking.query("rank == 1").iloc[0]
    assert top[1][4] == f"{best['score']:.3f}"
    assert top[1][6] == labels.text(f"verdict_{best['verdict']}", "en")
    assert "## 1. What was analysed" in report.markdown


def test_unknown_language_and_mismatched_inputs(default_analysis, scenario_run):
    with pytest.raises(ValueError, match="unbekannte Sprache 'fr'"):
        build_report(default_analysis, lang="fr", figures=False)
    with use_lang("en"), pytest.raises(ValueError, match="unknown language 'fr'"):
        build_report(default_analysis, lang="fr", figures=False)
    with pytest.raises(ValueError, match="Szenariolauf"):
        build_report(default_analysis, scenario_run=scenario_run, figures=False)
    with pytest.raises(ValueError, match="eine Analyse oder einen Szenariolauf angeben"):
        build_report()
    with use_lang("en"), pytest.raises(ValueError, match="analysis or a scenario run"):
        build_report()


# --- content against the analysis ---------------------------------------------------------


def test_top_options_per_body_match_the_analysis(page, default_analysis):
    a = default_analysis
    tables = page.tables_named("top-options")
    bodies = participants(a.dataset)
    assert len(tables) == len(bodies)
    for body, rows in zip(bodies, tables, strict=True):
        # money and points side by side, then the verdict
        assert rows[0] == [
            "Rang", "Kooperationsoption", "Kapitalwert", "Qualitative Punkte", "Punktwert",
            "Vorteil gegenüber Alleingang", "Bewertung",
        ]  # fmt: skip
        top = a.ranking[a.ranking["body"] == body.id].head(3)
        expected = [
            [
                str(r["rank"]),
                labels.option_label(a.dataset, r, "de"),
                de_euro(r["npv"]),
                de_number(r["quality_points"], 1),
                de_number(r["score"], 3),
                ("+" if r["benefit"] >= 0 else "−") + de_number(abs(r["benefit"]), 3),
                labels.text(f"verdict_{r['verdict']}", "de"),
            ]
            for r in top.to_dict("records")
        ]
        assert rows[1:] == expected


def test_best_option_sentence_names_the_criteria(page, default_analysis):
    a = default_analysis
    text = " ".join(page.text)
    row = a.ranking.query("body == 'selm' and rank == 1").iloc[0]
    explained = a.explain("selm")
    first, second = explained["criterion"].iloc[:2]
    names = {c.id: c.label.de for c in a.criteria.criteria}
    share = round(100 * explained["share"].iloc[0])
    assert (
        f"Beste Option: {labels.option_label(a.dataset, row, 'de')} "
        f"(Punktwert {de_number(row['score'], 3)}" in text
    )
    assert f"{names[first]} ({share} % des Punktwerts) und {names[second]}" in text


def test_excluded_options_by_rule(page, default_analysis):
    # the knock-out stage's table: one row per rule, with the number of options it excludes
    ex = default_analysis.excluded
    (rows,) = page.tables_named("excluded")
    assert rows[0] == ["Regel", "Optionen", "Grund (Beispiel)", "Rechtsgrundlage"]
    words = {
        "bestehende_kooperation_teilen": "teilt eine bestehende Kooperation",
        "bereits_verwirklicht": "bereits verwirklicht",
        "austritt_unbekannt": "Austritt zu unbekannten Bedingungen",
    }
    assert [r[0] for r in rows[1:]] == [words[k] for k in dict.fromkeys(ex["rule"])]
    ids = {v: k for k, v in words.items()}
    # options per rule by hand (cooperations.csv, 31 partner sets; docs/method.md section 3):
    #   bereits_verwirklicht: IT kreis_unna+boenen (5 forms) + Förderschulen, the 14 sets with
    #     the county (kreisweit, 10 county pairs, wie_dsb_gemeinsam, wie_gwa_sammlung,
    #     wie_kreistierheim) x 2 forms = 5 + 28
    #   bestehende_kooperation_teilen: IT alle_staedte, boenen+kamen, boenen+unna,
    #     wie_vergabestelle_unna (4 x 5) + Förderschulen, the 31 - 14 = 17 sets without the
    #     county x 2 = 20 + 34
    #   austritt_unbekannt: IT kreisweit, alle_staedte, kreis_unna+schwerte,
    #     holzwickede+schwerte (4 x 5) = 20
    counts = {
        "bereits_verwirklicht": 5 + 14 * 2,
        "bestehende_kooperation_teilen": 4 * 5 + 17 * 2,
        "austritt_unbekannt": 4 * 5,
    }
    assert {ids[r[0]]: int(r[1]) for r in rows[1:]} == counts
    for name, count, reason, law in rows[1:]:
        mine = ex[ex["rule"] == ids[name]]
        assert int(count) == mine["option"].nunique()
        assert reason in set(mine["reason_de"]) and law in set(mine["law"])
    # 33 + 54 + 20 = 107 rows, but alle_staedte's 5 IT options have two rules: 102 options
    assert ex["option"].nunique() == 33 + 54 + 20 - 5 == 102
    n = de_number(102, 0)
    assert f"K.-o.-Stufe {n} Optionen aus" in " ".join(page.text)


def test_decision_rule_is_stated(page, default_analysis):
    text = " ".join(page.text)
    assert "Entscheidungsregel: Eine Option ist „wirtschaftlich“" in text
    # every top option's verdict is shown in words, as the ranking has it
    r = default_analysis.ranking
    for body, table in zip(
        participants(default_analysis.dataset), page.tables_named("top-options"), strict=True
    ):
        verdicts = r[r["body"] == body.id].head(3)["verdict"]
        assert [row[6] for row in table[1:]] == [
            labels.text(f"verdict_{v}", "de") for v in verdicts
        ]


def test_wpm_report_says_the_scales_are_fixed(default_analysis, sharing):
    # the weighted product scores on the anchored scales too: scores of different bodies
    # are comparable, so the report must not say they are not
    import potential

    wpm = potential.analyse(default_analysis.dataset, method="wpm")
    text = build_report(wpm, lang="en", figures=False, sharing=sharing).markdown
    assert "measured on a fixed scale, the same for every body" in text
    assert "Scores of different bodies cannot be compared" not in text
    minmax = potential.analyse(default_analysis.dataset, method="wpm", scales="minmax")
    assert (
        "Scores of different bodies cannot be compared"
        in build_report(minmax, lang="en", figures=False, sharing=sharing).markdown
    )


def test_weights_table_equals_the_models_weights(page, default_analysis):
    model = default_analysis.criteria
    (rows,) = page.tables_named("weights")
    assert rows[0][2] == "Kriterium" and rows[0][5] == "Gewicht"
    weights = model.weights()
    assert [r[2] for r in rows[1:]] == [c.label.de for c in model.criteria]
    assert [r[5] for r in rows[1:]] == [
        de_number(100 * weights[c.id], 1) + " %" for c in model.criteria
    ]
    assert rows[1][2] == "Kapitalwert je Einwohner"
    assert rows[1][5] == "28,0 %"  # 0.35 × 0.8, criteria/ikz-egov-nrw.yaml
    labels_shown = " ".join(r[2] for r in rows[1:])
    for gone in ("Nettoeinsparung", "Einmalkosten", "Steuerrisiko", "Steuer- und"):  # gone
        assert gone not in labels_shown


def test_overview_and_joint_tables(page, default_analysis):
    a = default_analysis
    (overview,) = page.tables_named("overview")
    assert [r[0] for r in overview[1:]] == [b.name for b in participants(a.dataset)]
    best_it = a.ranking.query("body == 'selm' and field == 'it'")["score"].max()
    selm = next(r for r in overview if r[0] == "Selm")
    assert de_number(best_it, 3) in selm
    (joint,) = page.tables_named("joint")
    first = a.joint[a.joint["all_gain"]].iloc[0]
    assert joint[1][:2] == ["1", labels.option_label(a.dataset, first, "de")]
    assert joint[1][3] == "+" + de_number(first["min_benefit"], 3)
    assert joint[0][5] == "Kapitalwerte zusammen (€)"
    assert joint[1][5] == de_number(first["pool_npv"], 0)  # the members' Kapitalwerte


def test_dataset_bodies_fields_and_legal_forms(page, default_analysis):
    ds = default_analysis.dataset
    (bodies,) = page.tables_named("bodies")
    assert [r[0] for r in bodies[1:]] == [b.name for b in ds.bodies]
    assert bodies[1][2] == de_number(ds.bodies[0].population, 0)
    (fields,) = page.tables_named("fields")
    assert [r[0] for r in fields[1:]] == [f.label_de for f in ds.fields]
    (forms,) = page.tables_named("legal-forms")
    assert [r[0] for r in forms[1:]] == [f.label_de for f in ds.legal_forms]
    text = " ".join(page.text)
    assert ds.meta.title.de in text and "25.11.2026" in text
    assert "Kein Szenario" in text


def test_smaa_section(page, smaa):
    (rows,) = page.tables_named("smaa")
    assert rows[0][:3] == ["Körperschaft", "Kooperationsoption", "Anteil Rang 1"]
    assert len(rows) - 1 == 3 * len(smaa.bodies)
    for name in smaa.bodies.values():
        assert sum(r[0] == name for r in rows[1:]) == 3
    best = smaa.summary[smaa.summary["body"] == "selm"]["first_rank_acceptability"].max()
    selm = next(r for r in rows[1:] if r[0] == "Selm")
    assert selm[2] == f"{round(100 * best)} %"
    assert "200 Ziehungen je Körperschaft, Startwert 1" in " ".join(page.text)


# --- cost sharing -------------------------------------------------------------------------


def test_cost_sharing_section(report, page, default_analysis, sharing):
    """The report computes the sharing of the joint option with the largest pool Kapitalwert
    itself: one row per member, one column per key, the euros of member_matrix."""
    from potential.sharing.export import member_matrix
    from potential.sharing.ikz import KEYS

    a = default_analysis
    core = sharing.cores.iloc[0]
    option = core["option"]
    assert option == a.joint.loc[a.joint["pool_npv"].idxmax(), "option"]
    matrix = member_matrix(sharing, option)
    (rows,) = page.tables_named("sharing")
    names = {b.id: b.name for b in a.dataset.bodies}
    assert rows[0] == ["Mitglied", "Einwohner", "VZÄ", "Kosten", "Shapley", "Nukleolus",
                       "SCRB", "modelliert"]  # fmt: skip
    assert len(rows) - 1 == len(matrix) == core["n_members"] == 11
    assert [r[0] for r in rows[1:]] == [names[m] for m in matrix.index]
    for row, (_, values) in zip(rows[1:], matrix.iterrows(), strict=True):
        assert row[1:] == [de_euro(v) for v in values]
    (keys,) = page.tables_named("sharing-keys")
    assert (
        [r[0] for r in keys[1:]]
        == [  # first letter capitalised, as in every table
            KEYS[k][0][:1].upper() + KEYS[k][0][1:] for k in matrix.columns
        ]
    )
    summary = sharing.summary.set_index("key")
    assert [r[1] for r in keys[1:]] == [
        "ja" if summary.at[k, "all_gain"] else "nein" for k in matrix.columns
    ]
    assert [r[2] for r in keys[1:]] == [
        "ja" if summary.at[k, "in_core"] else "nein" for k in matrix.columns
    ]
    text = " ".join(page.text)
    label = labels.option_label(a.dataset, a.joint[a.joint["option"] == option].iloc[0], "de")
    assert f"mit dem größten Kapitalwert des Pools, {label}." in text
    pool = de_euro(core["pool_npv"])
    assert f"über 10 Jahre bei einem Zinssatz von 0,9 % p. a.: {pool}, so viel" in text
    assert core["statement_de"] in text  # verbatim
    assert "Nicht berechenbar: Fallzahlen (" in text  # no cases_per_year in this field
    kosten = summary.loc["kosten"]
    assert f"{de_euro(kosten['shortfall'])} mehr, als ihr im Pool zufällt" in text
    diff = sharing.allocations.query("key == 'kosten'").set_index("member")["vs_shapley"]
    assert (
        f"begünstigt der Vollkostenschlüssel {names[diff.idxmax()]} am stärksten "
        f"({de_euro(diff.max())} über dem Shapley-Wert); {names[diff.idxmin()]} gibt am "
        f"meisten ab ({de_euro(-diff.min())} darunter)"
    ) in text
    assert core["core_empty"] and "Ist der Kern leer, bleiben dem Rat drei Wege" in text
    assert "docs/sharing.md" in text
    # the chart, after the map and before the SMAA charts
    names_in_order = list(report.figures)
    assert names_in_order.index("map.svg") + 1 == names_in_order.index("sharing.svg")
    assert names_in_order.index("sharing.svg") < names_in_order.index("acceptability-selm.svg")
    assert b"Kapitalwert je Mitglied nach Kostenschl" in report.figures["sharing.svg"]
    assert f"]({FIGURE_DIR}/sharing.svg)" in report.markdown


def test_cost_sharing_section_in_english(default_analysis, sharing):
    report = build_report(default_analysis, lang="en", sharing=sharing, figures=False)
    page = Page(report.html)
    assert "6. Cost sharing" in page.h("h2")
    (rows,) = page.tables_named("sharing")
    assert rows[0][:4] == ["Member", "Inhabit.", "FTE", "Cost"]
    assert len(rows) - 1 == sharing.cores.iloc[0]["n_members"]
    (keys,) = page.tables_named("sharing-keys")
    assert keys[1][:3] == ["Inhabitants", "yes", "no"]
    text = " ".join(page.text)
    assert sharing.cores.iloc[0]["statement_en"] in text
    assert "Could not be computed: Cases (the dataset lacks its quantity" in text
    assert "When the core is empty, the council has three ways" in text
    section = report.markdown.split("## 6. Cost sharing")[1].split("## 7.")[0]
    assert "Kapitalwert" not in section and "sharing.svg" not in section  # no figures


def test_cost_sharing_without_a_gain_to_share(default_analysis):
    """No joint option with a positive pool: nothing is computed, the section says why."""
    joint = default_analysis.joint.assign(pool_npv=-1.0)
    analysis = dataclasses.replace(default_analysis, joint=joint)
    report = build_report(analysis, figures=False)
    page = Page(report.html)
    assert page.h("h2") == H2_DE
    assert not page.tables_named("sharing")
    assert "es gibt keinen Gewinn zu verteilen" in report.markdown
    no_money = dataclasses.replace(default_analysis, economics=None)
    assert (
        "Wirtschaftlichkeitsvergleich (Abschnitt 4)"
        in build_report(no_money, figures=False).markdown.split("## 6.")[1]
    )


def test_without_smaa_the_report_says_how_to_compute_it(default_analysis, sharing):
    report = build_report(default_analysis, figures=False, sharing=sharing)
    page = Page(report.html)
    assert not page.tables_named("smaa")
    text = " ".join(page.text)
    assert "nicht berechnet" in text and "potential smaa" in text and "uncertainty" in text


def test_sources_and_provenance(page, report, default_analysis):
    ds = default_analysis.dataset
    (sources,) = page.tables_named("sources")
    assert [r[0] for r in sources[1:]] == [s.id for s in ds.sources]
    for s in ds.sources:
        if s.url.startswith("http"):
            assert s.url in page.links
    (prov,) = page.tables_named("provenance")
    values = [r[1] for r in prov[1:]]
    record = report.provenance
    assert record["data"]["sha256"] in values
    assert record["potential_version"] in values
    assert record["reference_date"] in values and "wsm" in values
    assert record["seed"] == 1 and record["settings"]["n"] == 200


# --- self-contained -----------------------------------------------------------------------


def test_no_external_resource(page, report):
    assert not [e for e in page.elements if e[0] in {"script", "link", "iframe"}]
    for tag, attrs in page.elements:
        if tag in LOADING:
            for key in ("src", "href", "data", "srcset", "poster"):
                value = (attrs.get(key) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//")), (tag, key, value)
    css = "\n".join(page.styles).lower()
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert not re.search(r"style=\"[^\"]*url\(", report.html)


def test_every_image_is_an_embedded_svg(page, report):
    images = [attrs for tag, attrs in page.elements if tag == "img"]
    assert len(images) == len(report.figures) >= 1 + 11 + 11  # heatmap, bodies, SMAA
    for attrs in images:
        assert attrs["src"].startswith("data:image/svg+xml;base64,")
        assert attrs["alt"]
        svg = base64.b64decode(attrs["src"].split(",", 1)[1])
        assert b"<svg" in svg
        assert svg.count(b"<image") == len(re.findall(rb"<image[^>]*href=\"data:", svg))
        assert not re.search(rb"href=\"(https?:)?//", svg)
    assert set(report.figures) >= {"heatmap.svg", "contributions-selm.svg", "map.svg"}


def test_map_is_left_out_with_a_note_without_coordinates(default_analysis, sharing, monkeypatch):
    from potential.report import figures

    for name in ("heatmap", "contributions", "sharing"):
        monkeypatch.setattr(figures, name, lambda *args, **kwargs: b"<svg/>")
    ds = default_analysis.dataset
    bodies = tuple(b.model_copy(update={"lat": None, "lon": None}) for b in ds.bodies)
    analysis = dataclasses.replace(
        default_analysis, dataset=ds.model_copy(update={"bodies": bodies})
    )
    report = build_report(analysis, sharing=sharing)
    assert "map.svg" not in report.figures
    assert "keine Koordinaten" in report.html and "keine Koordinaten" in report.markdown


# --- scenario -----------------------------------------------------------------------------


def test_scenario_title_description_and_changes(scenario_report, scenario_run):
    page = Page(scenario_report.html)
    sc = scenario_run.scenario
    text = " ".join(page.text)
    assert sc.title in page.h("h1")[0] + text
    assert "Kostendruck (Kreisumlage)" in text
    assert " ".join(sc.description.split())[:60] in text
    (changes,) = page.tables_named("changes")
    assert len(changes) - 1 == len(scenario_run.changes) == 1
    assert changes[1][:4] == ["Gewicht der Gruppe", "Wirtschaftlichkeit", "0,35", "0,65"]
    # the weights table shows the scenario's weights: economy 0.65 / 1.30 = 50 %
    (weights,) = page.tables_named("weights")
    assert weights[1][1] == "50,0 %"
    # SMAA comes from the scenario run
    assert page.tables_named("smaa")
    assert scenario_report.provenance["scenario"]["name"] == "kostendruck"
    assert "Kostendruck (Kreisumlage)" in scenario_report.markdown


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_has_the_same_top_options(report, default_analysis):
    md = report.markdown
    a = default_analysis
    for line in ("## " + h for h in H2_DE):
        assert line in md
    for r in a.ranking[a.ranking["rank"] <= 3].to_dict("records"):
        label = labels.option_label(a.dataset, r, "de").replace("_", "\\_")
        row = (
            f"| {r['rank']} | {label} | {de_euro(r['npv'])} | {de_number(r['quality_points'], 1)}"
            f" | {de_number(r['score'], 3)} |"
        )
        assert row in md
    for name in report.figures:
        assert f"]({FIGURE_DIR}/{name})" in md
    for line in md.splitlines():  # pipe tables: no raw pipe inside a cell
        if line.startswith("| "):
            assert line.endswith(" |")


def test_markdown_tables_are_rectangular(report):
    widths = []
    for line in report.markdown.splitlines() + [""]:
        if line.startswith("|"):
            widths.append(len(re.findall(r"(?<!\\)\|", line)))
        elif widths:
            assert len(set(widths)) == 1, widths
            widths = []


# --- files and determinism ----------------------------------------------------------------


def test_write_report(report, tmp_path):
    written = write_report(report, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"report.html", "report.md", "provenance.json"} <= names
    assert {f"{FIGURE_DIR}/{n}" for n in report.figures} <= names
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == report.html
    for name in report.figures:  # the Markdown's images are beside it
        assert (tmp_path / FIGURE_DIR / name).read_bytes() == report.figures[name]
    sidecar = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    charts = {f"{FIGURE_DIR}/{n}" for n in report.figures}
    assert set(sidecar["outputs"]) == {"report.html", "report.md"} | charts
    for name, entry in sidecar["outputs"].items():  # the charts are hashed like the pages
        data = (tmp_path / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    assert sidecar["data"] == report.provenance["data"]


def test_same_inputs_give_identical_bytes(report, default_analysis, smaa, tmp_path):
    again = build_report(default_analysis, smaa=smaa)
    assert again.html == report.html
    assert again.markdown == report.markdown
    assert again.figures == report.figures
    assert "sharing.svg" in again.figures  # the cost sharing, computed again, is the same
    first, second = tmp_path / "a", tmp_path / "b"
    write_report(report, first)
    write_report(again, second)
    for path in sorted(first.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_importing_the_report_does_not_import_matplotlib():
    code = (
        "import sys, potential.report, potential.report.build; "
        "assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
