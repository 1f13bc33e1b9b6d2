"""The outputs of the Wirtschaftlichkeitsvergleich: ``cashflows.csv``, the money columns of
``ranking.csv``, the annex sheets of ``ranking.xlsx`` and the report's section.

The central check recomputes every ranked option's Kapitalwert from ``cashflows.csv`` alone,
with the discount rate ``provenance.json`` records: the files a Kämmerer is handed must agree
with each other to the cent, without the package's own code.
"""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from potential.cli import main
from potential.economics import COMPONENTS
from potential.options import STAND_ALONE, participants

COLUMNS = ["body", "option", "year", "component", "amount_eur"]
MONEY = ["npv", "annuity", "payback_year", "max_burden", "npv_with_grant"]
GERMAN = {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"}
CENT = 0.005


class Tables(HTMLParser):
    """The tables of an HTML page by class (rows of cell texts, header included), its h2
    headings and its text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.h2: list[str] = []
        self.text: list[str] = []
        self._table = self._cell = self._h2 = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("class", ""), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "h2":
            self._h2 = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._table[-1].append("".join(self._cell))
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "h2":
            self.h2.append("".join(self._h2))
            self._h2 = None

    def handle_data(self, data):
        self.text.append(data)
        for part in (self._cell, self._h2):
            if part is not None:
                part.append(data)


def de_euro(value: float) -> str:
    """Whole euros as the German report writes them: ``1.234 €``."""
    return f"{value:,.0f}".replace(",", ".") + " €"


def analyse(out, *args):
    result = CliRunner().invoke(main, ["analyse", *map(str, args), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """``potential analyse`` with the defaults."""
    return analyse(tmp_path_factory.mktemp("run"))


@pytest.fixture(scope="module")
def rerun(tmp_path_factory):
    """The same run a second time, into another folder."""
    return analyse(tmp_path_factory.mktemp("rerun"))


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A run with another rate, horizon, ramp-up and the grant counted.

    With the issue-14 data no option of the embedded dataset is eligible for the grant
    (method.md 5.3), so the run uses a copy without the 15 % savings condition
    (parameters.csv grant_min_savings_share 0): options of partners new to the field, such as
    the eVergabe mandate of Bergkamen and Kamen, then receive it.
    """
    import shutil

    from potential.resources import data_dir

    data = tmp_path_factory.mktemp("changed-data") / "kreis-unna"
    shutil.copytree(data_dir() / "kreis-unna", data)
    path = data / "parameters.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count("grant_min_savings_share,0.15,") == 1
    path.write_text(
        text.replace("grant_min_savings_share,0.15,", "grant_min_savings_share,0,"),
        encoding="utf-8",
    )
    return analyse(
        tmp_path_factory.mktemp("changed"), "--data", data,
        "--discount-rate", "0.03", "--horizon", "7", "--ramp-up", "0.5,1", "--grant",
    )  # fmt: skip


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    return analyse(tmp_path_factory.mktemp("german"), "--csv-dialect", "de")


@pytest.fixture(scope="module")
def workbook(run):
    return load_workbook(run / "ranking.xlsx")


def record(folder) -> dict:
    return json.loads((folder / "provenance.json").read_text(encoding="utf-8"))


def recomputed_npv(folder) -> pd.DataFrame:
    """Each ranked (body, option) with its npv from ranking.csv and from cashflows.csv."""
    rate = record(folder)["economics"]["discount_rate"]
    flows = pd.read_csv(folder / "cashflows.csv")
    flows["present"] = flows["amount_eur"] * (1.0 + rate) ** -flows["year"].astype(float)
    npv = flows.groupby(["body", "option"])["present"].sum().rename("from_cashflows")
    ranking = pd.read_csv(folder / "ranking.csv")
    out = ranking.join(npv, on=["body", "option"])
    out["from_cashflows"] = out["from_cashflows"].fillna(0.0)  # no rows: no difference
    return out


# --- cashflows.csv ----------------------------------------------------------------------------


def test_cashflows_csv_has_exactly_the_columns(run):
    flows = pd.read_csv(run / "cashflows.csv")
    assert list(flows.columns) == COLUMNS
    assert len(flows) > 1000
    assert set(flows["component"]) <= set(COMPONENTS)
    horizon = record(run)["economics"]["horizon_years"]
    assert flows["year"].between(0, horizon).all()
    assert (flows["amount_eur"] != 0).all()
    assert (flows["amount_eur"].round(2) == flows["amount_eur"]).all()  # cents
    assert not (flows["option"] == STAND_ALONE).any()  # the status quo is the reference


def test_cashflows_cover_every_ranked_cooperation_option(run):
    flows = pd.read_csv(run / "cashflows.csv")
    ranking = pd.read_csv(run / "ranking.csv")
    coop = ranking[ranking["option"] != STAND_ALONE]
    keys = set(zip(flows["body"], flows["option"], strict=True))
    assert keys == set(zip(coop["body"], coop["option"], strict=True))
    # rows by body (in the ranking's order), then option as ranked
    order = list(dict.fromkeys(zip(flows["body"], flows["option"], strict=True)))
    ranked = [k for k in zip(coop["body"], coop["option"], strict=True) if k in keys]
    assert order == ranked


def test_ranking_csv_has_the_money_columns(run):
    ranking = pd.read_csv(run / "ranking.csv")
    for column in [*MONEY, "clipped"]:
        assert column in ranking.columns, column
    alone = ranking[ranking["option"] == STAND_ALONE]
    assert (alone[["npv", "annuity", "max_burden"]] == 0).all().all()
    payback = ranking["payback_year"].dropna()
    assert (payback == payback.round()).all()  # whole years
    assert (ranking["max_burden"] >= 0).all()


@pytest.mark.parametrize("name", ["run", "changed"])
def test_npv_equals_the_discounted_cashflows_to_the_cent(name, request):
    """Recomputed independently: sum of amount × (1 + i)^-year, i from provenance.json."""
    folder = request.getfixturevalue(name)
    both = recomputed_npv(folder)
    assert len(both) > 1000
    gap = (both["npv"] - both["from_cashflows"]).abs()
    worst = both.loc[gap.idxmax(), ["body", "option", "npv", "from_cashflows"]].tolist()
    assert gap.max() < CENT, worst


def test_the_changed_settings_reach_the_outputs(changed, run):
    economics = record(changed)["economics"]
    assert economics["discount_rate"] == 0.03
    assert economics["horizon_years"] == 7
    assert economics["ramp_up"] == [0.5, 1.0]
    assert economics["grant"] is True
    flows = pd.read_csv(changed / "cashflows.csv")
    assert flows["year"].max() == 7
    assert "grant" in set(flows["component"])
    grant = flows[flows["component"] == "grant"]
    assert ("bergkamen", "evergabe/oerv_mandat/bergkamen+kamen") in set(
        zip(grant["body"], grant["option"], strict=True)
    )
    ranking = pd.read_csv(changed / "ranking.csv")
    # with the grant counted, the Kapitalwert is the one with the grant
    assert ranking["npv"].tolist() == pytest.approx(ranking["npv_with_grant"].tolist())
    default = pd.read_csv(run / "cashflows.csv")
    assert "grant" not in set(default["component"])  # not counted by default


def test_annuity_and_payback_follow_from_the_cashflows(run):
    """Annuity = npv × annuity factor; payback = first year from which the cumulative
    present value stays ≥ 0; largest burden = largest yearly outflow (all recomputed)."""
    economics = record(run)["economics"]
    i, n = economics["discount_rate"], economics["horizon_years"]
    factor = i * (1 + i) ** n / ((1 + i) ** n - 1)
    ranking = pd.read_csv(run / "ranking.csv").set_index(["body", "option"])
    flows = pd.read_csv(run / "cashflows.csv")
    yearly = flows.pivot_table(
        index=["body", "option"], columns="year", values="amount_eur", aggfunc="sum"
    )
    yearly = yearly.reindex(columns=range(n + 1), fill_value=0.0).fillna(0.0)
    sample = yearly.iloc[:: max(1, len(yearly) // 200)]
    for key, row in sample.iterrows():
        got = ranking.loc[key]
        z = row.to_numpy()
        cumulative = np.cumsum(z * (1 + i) ** -np.arange(n + 1.0))
        negative = np.nonzero(cumulative < -1e-9)[0]
        payback = 0 if not len(negative) else negative[-1] + 1
        expected = np.nan if payback > n else payback
        assert got["annuity"] == pytest.approx(got["npv"] * factor, abs=CENT), key
        assert got["max_burden"] == pytest.approx(max(0.0, -z.min()), abs=CENT), key
        if np.isnan(expected):
            assert pd.isna(got["payback_year"]), key
        else:
            assert got["payback_year"] == expected, key


# --- provenance and determinism ---------------------------------------------------------------


def test_provenance_hashes_cashflows_csv(run):
    outputs = record(run)["outputs"]
    assert "cashflows.csv" in outputs
    data = (run / "cashflows.csv").read_bytes()
    assert outputs["cashflows.csv"] == {
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def test_a_second_run_gives_the_same_bytes(run, rerun):
    for name in ("cashflows.csv", "ranking.xlsx", "ranking.csv"):
        assert (run / name).read_bytes() == (rerun / name).read_bytes(), name


def test_german_dialect_of_cashflows_csv(run, german):
    raw = (german / "cashflows.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfbody;option;year;component;amount_eur\r\n")
    assert b"," in raw.split(b"\r\n")[1]  # a decimal comma
    back = pd.read_csv(german / "cashflows.csv", **GERMAN)
    standard = pd.read_csv(run / "cashflows.csv")
    pd.testing.assert_frame_equal(back, standard)
    assert record(german)["outputs"]["cashflows.csv"]["sha256"] == hashlib.sha256(raw).hexdigest()


# --- the workbook -------------------------------------------------------------------------------


def annex_blocks(ws) -> list[dict]:
    """The blocks of an annex sheet: header text and the values at their foot."""
    blocks = []
    for row in ws.iter_rows(values_only=True):
        first = row[0]
        if isinstance(first, str) and first.startswith("Variante "):
            blocks.append({"head": first})
        elif blocks and first in ("Kapitalwert", "Annuität", "Amortisation (dynamisch)",
                                  "Größte Jahresbelastung"):  # fmt: skip
            blocks[-1][first] = row[-1]
        elif blocks and first == "Summe (Differenz zum Status quo)":
            blocks[-1]["total"] = [v for v in row[1:-1]]
    return blocks


def test_an_annex_sheet_per_body(workbook, default_analysis):
    names = workbook.sheetnames
    bodies = participants(default_analysis.dataset)
    annexes = [n for n in names if n.startswith("WV ")]
    assert len(annexes) == len(bodies) == 11
    assert "WV Fröndenberg-Ruhr" in annexes  # no '/' in a sheet name
    assert all(len(n) <= 31 for n in annexes)
    assert names.index("Wirtschaftlichkeit") < names.index(annexes[0])


def test_annex_foot_equals_the_ranking(workbook, default_analysis):
    a = default_analysis
    for body in participants(a.dataset):
        ws = workbook[f"WV {body.name.replace('/', '-')}"]
        blocks = annex_blocks(ws)
        assert blocks[0]["head"].startswith("Variante 0: Status quo")
        assert blocks[0]["Kapitalwert"] == 0
        rows = a.ranking[(a.ranking["body"] == body.id) & (a.ranking["option"] != STAND_ALONE)]
        top = rows.sort_values("rank", kind="stable").head(3)
        assert len(blocks) == 1 + len(top)
        for block, r in zip(blocks[1:], top.to_dict("records"), strict=True):
            assert f"(Rang {r['rank']} von " in block["head"], body.id
            assert block["Kapitalwert"] == pytest.approx(r["npv"], abs=CENT), body.id
            assert block["Annuität"] == pytest.approx(r["annuity"], abs=CENT)
            assert block["Größte Jahresbelastung"] == pytest.approx(r["max_burden"], abs=CENT)
            if pd.isna(r["payback_year"]):
                assert block["Amortisation (dynamisch)"].startswith("nicht innerhalb")
            else:
                assert block["Amortisation (dynamisch)"].startswith(
                    f"Jahr {int(r['payback_year'])} "
                )


def test_annex_layout_for_the_council(workbook, default_analysis):
    ws = workbook["WV Kamen"]
    s = default_analysis.economics
    rows = list(ws.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Position")
    assert header[1].startswith("Jahr 0 (Beginn)\n25.11.2026")
    assert header[2] == "Jahr 1\nbis 25.11.2027"
    assert len(header) == s.horizon_years + 3 and header[-1] == "Summe"
    labels = [r[0] for r in rows]
    for component, (german, _) in COMPONENTS.items():
        assert german in labels, component
    for line in ("Summe (Differenz zum Status quo)", "Abzinsungsfaktor", "Barwert",
                 "Kapitalwert", "Annuität", "Amortisation (dynamisch)",
                 "Größte Jahresbelastung"):  # fmt: skip
        assert line in labels, line
    notes = [v for v in labels if isinstance(v, str) and v.startswith("nachrichtlich:")]
    assert any("Kosten im Status quo" in v for v in notes)
    assert any("Entgelt oder Umlage an den Pool" in v for v in notes)
    factors = next(r for r in rows if r[0] == "Abzinsungsfaktor")[1:-1]
    assert list(factors) == pytest.approx((1 + s.discount_rate) ** -np.arange(s.horizon_years + 1))
    # printing and viewing
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth left out means 1 (ECMA-376 Part 1, 18.3.1.63): one page wide
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    row = labels.index("Position") + 1
    assert ws.print_title_rows == f"${row}:${row}"
    assert ws.freeze_panes == f"B{row + 1}"
    # German number formats: whole euros, a dash for zero
    savings = next(r for r in ws.iter_rows() if r[0].value == COMPONENTS["setup"][0])
    assert savings[1].number_format == '#,##0 "€";-#,##0 "€";"–"'
    foot = next(r for r in ws.iter_rows() if r[0].value == "Kapitalwert")
    assert foot[-1].number_format == '#,##0 "€"'


def test_status_quo_cost_path_is_the_annual_cost_times_the_price_index(workbook, default_analysis):
    a = default_analysis
    s = a.economics
    ws = workbook["WV Kamen"]
    line = next(r for r in ws.iter_rows(values_only=True)
                if str(r[0]).startswith("nachrichtlich: Kosten im Status quo"))  # fmt: skip
    best = a.top(50, "kamen")
    best = best[best["option"] != STAND_ALONE].iloc[0]
    ind = a.indicators.set_index(["body", "option"])
    cost = ind.loc[("kamen", best["option"]), "annual_cost"]
    t = np.arange(1, s.horizon_years + 1)
    assert line[1] is None  # running cost falls in the years 1..H
    assert list(line[2:-1]) == pytest.approx(cost * (1 + s.price_change_rate) ** t, abs=CENT)


def test_economics_overview_sheet(workbook, default_analysis):
    a = default_analysis
    ws = workbook["Wirtschaftlichkeit"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [
        "Körperschaft", "Kooperationsoption", "Rang", "Kapitalwert", "Annuität",
        "Amortisationsjahr (dynamisch)", "Größte Jahresbelastung", "Kapitalwert mit Förderung",
    ]  # fmt: skip
    coop = a.ranking[a.ranking["option"] != STAND_ALONE]
    top = coop.sort_values(["rank"], kind="stable").groupby("body", sort=False).head(3)
    order = {b.id: i for i, b in enumerate(a.dataset.bodies)}
    top = top.sort_values("body", key=lambda b: b.map(order), kind="stable")
    table = rows[1 : 1 + len(top)]
    assert [r[0] for r in table] == top["body_name"].tolist()
    assert [r[2] for r in table] == top["rank"].tolist()
    assert [r[3] for r in table] == pytest.approx(top["npv"].tolist(), abs=CENT)
    assert [r[7] for r in table] == pytest.approx(top["npv_with_grant"].tolist(), abs=CENT)
    payback = [None if pd.isna(v) else int(v) for v in top["payback_year"]]
    assert [r[5] for r in table] == payback
    assert ws.auto_filter.ref == f"A1:H{1 + len(top)}"
    settings = {r[0]: r[1] for r in rows[1 + len(top) :] if r and r[0]}
    assert settings["Zinssatz (nominal)"].startswith("0,9 % p. a. – Quelle: [S] BMF")
    assert settings["Betrachtungszeitraum (Horizont)"].startswith("10 Jahre – Annahme: ")
    assert settings["Preissteigerung"].startswith("2,0 % p. a.")
    assert settings["Hochlauf der Einsparungen"].startswith("33 % / 67 % / 100 %")
    # parameters.csv grant_assumed now rests on the source ikz-richtlinie-2021 (Nr. 1.3)
    assert settings["IKZ-Förderung des Landes NRW"].startswith(
        "nicht angesetzt – Quelle: [V] Förderrichtlinie IKZ NRW"
    )


def test_settings_given_for_a_run_are_marked_so(changed):
    ws = load_workbook(changed / "ranking.xlsx")["Wirtschaftlichkeit"]
    settings = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert settings["Zinssatz (nominal)"] == "3,0 % p. a. – für diesen Lauf vorgegeben"
    assert settings["Betrachtungszeitraum (Horizont)"] == "7 Jahre – für diesen Lauf vorgegeben"
    assert settings["IKZ-Förderung des Landes NRW"].startswith("angesetzt, wo förderfähig – für")
    # unchanged: parameters.csv price_change_rate now rests on the source ecb-strategy-2021
    assert settings["Preissteigerung"].startswith(
        "2,0 % p. a. – Quelle: [S] Geldpolitische Strategie des Eurosystems"
    )


def test_english_annex(default_analysis):
    from potential.exports import economics_sheets

    sheets = economics_sheets(default_analysis, "en")
    assert list(sheets)[0] == "Economics"
    assert "Economics Kamen" in sheets
    text = [row[0][0] for row in sheets["Economics Kamen"].rows if row]
    for line in ("Net present value", "Annuity", "Payback (discounted)",
                 "Largest yearly burden", "Discount factor", "Present value"):  # fmt: skip
        assert line in text, line


# --- the report -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(default_analysis):
    from potential.report import build_report

    return build_report(default_analysis, figures=False)


def test_report_has_the_economics_section(report, default_analysis):
    a = default_analysis
    page = Tables(report.html)
    assert "4. Wirtschaftlichkeitsvergleich" in page.h2
    assert "## 4. Wirtschaftlichkeitsvergleich" in report.markdown
    text = " ".join(page.text)
    assert "Zinssatz (nominal): 0,9 % p. a. (Quelle: bmf-zins-2023, bmf-zins-2011)" in text
    assert "Betrachtungszeitraum (Horizont): 10 Jahre" in text
    assert "Hochlauf der Einsparungen: 33 % / 67 % / 100 %" in text
    assert "IKZ-Förderung des Landes NRW: nicht angesetzt" in text
    coop = a.ranking[a.ranking["option"] != STAND_ALONE]
    negative = int((coop["npv"] < 0).sum())
    assert 0 < negative < len(coop)
    # both counts with the German thousands separator (1.064 of 1.770 with the issue-14 data)
    assert f"Bei {negative:,} von {len(coop):,} bewerteten".replace(",", ".") in text
    assert "Umsatzsteuer auf das Entgelt (§ 2b UStG) aus einem Vorteil einen Nachteil" in text


def test_report_economics_table_equals_the_ranking(report, default_analysis):
    a = default_analysis
    rows = Tables(report.html).tables["economics"]
    assert rows[0] == ["Körperschaft", "Kooperationsoption", "Kapitalwert", "Annuität (je Jahr)",
                       "Amortisation (dynamisch)", "Größte Jahresbelastung"]  # fmt: skip
    bodies = participants(a.dataset)
    assert [r[0] for r in rows[1:]] == [b.name for b in bodies]
    for body, row in zip(bodies, rows[1:], strict=True):
        best = a.ranking[(a.ranking["body"] == body.id) & (a.ranking["option"] != STAND_ALONE)]
        best = best.sort_values("rank", kind="stable").iloc[0]
        assert row[2] == de_euro(best["npv"]), body.id
        assert row[3] == de_euro(best["annuity"])
        assert row[5] == de_euro(best["max_burden"])
        if pd.isna(best["payback_year"]):
            # no payback within the horizon (e.g. the ePayment options whose Kapitalwert is
            # negative and which rank first for their qualitative points, method.md 5.6)
            assert best["npv"] < 0, body.id
            assert row[4].startswith("nicht innerhalb von 10 Jahren"), body.id
        else:
            assert row[4].startswith(f"Jahr {int(best['payback_year'])} (")


def test_report_vat_losses_are_counted_right(report, default_analysis):
    from potential.report.annex import vat_losses

    a = default_analysis
    ind = a.indicators.merge(a.ranking[["body", "option"]], on=["body", "option"])
    expected = ind[(ind["npv"] < 0) & (ind["npv"] - ind["vat_npv"] >= 0) & (ind["vat_npv"] < 0)]
    assert len(vat_losses(a)) == len(expected) > 0
    assert f"Bei {len(expected)} davon macht erst die Umsatzsteuer" in report.markdown


def test_report_annex_example(report, default_analysis):
    a = default_analysis
    rows = Tables(report.html).tables["annex"]
    s = a.economics
    assert rows[0] == ["Position (€)", *(f"Jahr {t}" for t in range(s.horizon_years + 1))]
    names = [r[0] for r in rows[1:]]
    assert names[-3:] == ["Summe (Differenz zum Status quo)", "Abzinsungsfaktor", "Barwert"]
    first = participants(a.dataset)[0]
    best = a.ranking[(a.ranking["body"] == first.id) & (a.ranking["option"] != STAND_ALONE)]
    best = best.sort_values("rank", kind="stable").iloc[0]
    assert f"Kapitalwert {de_euro(best['npv'])}, Annuität {de_euro(best['annuity'])}" in (
        report.markdown
    )


def test_report_in_english(default_analysis):
    from potential.report import build_report

    md = build_report(default_analysis, lang="en", figures=False).markdown
    assert "## 4. Economic comparison" in md
    assert "Discount rate (nominal): 0.9% a year (Source: bmf-zins-2023, bmf-zins-2011)" in md
    assert "Kapitalwert" not in md.split("## 4. Economic comparison")[1].split("## 5.")[0]
