"""Survey weights travel with the data: every command that ranks uses them and says so.

The dataset folder is a copy of the embedded one into which ``potential survey import``
merged two filled questionnaires (sheet *Gewichtung*, points F4–F7 for the groups
wirtschaftlichkeit, personal, rechtsform_steuerung, egov_pflichten):

- Bönen 100/0/0/0: everything on *Wirtschaftlichkeit*, so within it the model's criterion
  weights npv_per_capita 0.8 and liquidity_burden 0.2 (``criteria/ikz-egov-nrw.yaml``);
- Selm 40/30/10/20.

Every other body keeps the model's weights. The expected rankings are worked out here by
hand from the ranking's raw criterion values and the model's anchored scales.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import potential
from potential.cli import main

POINTS = {"boenen": (100, 0, 0, 0), "selm": (40, 30, 10, 20)}
DAYS = {"boenen": dt.date(2026, 12, 1), "selm": dt.date(2026, 12, 2)}

#: anchored scales of ikz-egov-nrw (worst, best) of each criterion
SCALES = {
    "npv_per_capita": (-30, 30), "liquidity_burden": (20, 0), "staffing_relief": (0, 2),
    "resilience": (0, 1), "time_to_implement": (48, 0), "control_kept": (0, 1),
    "procurement_risk": (1, 0), "service_quality": (0, 1),
}  # fmt: skip
#: effective weights: the body's group weight × the model's weight within the group
BOENEN = {"npv_per_capita": 1.0 * 0.8, "liquidity_burden": 1.0 * 0.2}
SELM = {
    "npv_per_capita": 0.4 * 0.8, "liquidity_burden": 0.4 * 0.2,
    "staffing_relief": 0.3 * 0.6, "resilience": 0.3 * 0.4,
    "time_to_implement": 0.1 * 0.3, "control_kept": 0.1 * 0.4, "procurement_risk": 0.1 * 0.3,
    "service_quality": 0.2 * 1.0,
}  # fmt: skip


def hand_scores(rows: pd.DataFrame, weights: dict) -> pd.Series:
    """Σ weight × (value − worst) / (best − worst), each term clipped to 0…1."""
    total = 0
    for criterion, w in weights.items():
        worst, best = SCALES[criterion]
        total = total + w * np.clip((rows[criterion] - worst) / (best - worst), 0, 1)
    return pd.Series(np.asarray(total, dtype=float), index=rows["option"].to_numpy())


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A dataset folder with Bönen's and Selm's survey weights, imported as the county does."""
    from potential.resources import data_dir
    from potential.survey import import_files, write_template

    root = tmp_path_factory.mktemp("weights")
    target = root / "kreis-unna"
    shutil.copytree(data_dir() / "kreis-unna", target)
    answers = []
    for body, points in POINTS.items():
        path = root / f"{body}.xlsx"
        write_template(path, body=body)
        wb = load_workbook(path)
        wb["Stammdaten"]["B6"] = "Erika Muster"
        wb["Stammdaten"]["B8"] = DAYS[body]
        for row, value in zip(range(4, 8), points, strict=True):
            wb["Gewichtung"][f"F{row}"] = value
        wb.save(path)
        answers.append(path)
    assert import_files(answers, target).complete
    return target


@pytest.fixture(scope="module")
def own(folder):
    return potential.analyse(folder)


@pytest.fixture(scope="module")
def model(folder):
    return potential.analyse(folder, body_weights=False)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def overview_weights(path) -> dict[str, set[str]]:
    """Body name → the texts of the column *Gewichte* of the sheet *Übersicht*."""
    ws = load_workbook(path, read_only=True)["Übersicht"]
    rows = list(ws.iter_rows(values_only=True))
    body, weights = rows[0].index("Körperschaft"), rows[0].index("Gewichte")
    out: dict[str, set[str]] = {}
    for row in rows[1:]:
        out.setdefault(row[body], set()).add(row[weights])
    return out


# --- the library ranks with the folder's weights -------------------------------------------


def test_boenen_ranks_by_its_own_weights_worked_out_by_hand(own, model):
    rows = own.ranking[own.ranking["body"] == "boenen"]
    hand = hand_scores(rows, BOENEN)
    assert rows["score"].to_numpy() == pytest.approx(hand.to_numpy(), abs=1e-12)
    top = own.top(1, "boenen").iloc[0]
    assert top["option"] == hand.idxmax() == "abfall/oerv_deleg/kreis_unna+boenen"
    assert top["score"] == pytest.approx(hand.max(), abs=1e-12)
    # the model's weights put another option first
    assert model.top(1, "boenen").iloc[0]["option"] != top["option"]


def test_selm_and_a_body_without_survey_weights(own, model):
    rows = own.ranking[own.ranking["body"] == "selm"]
    hand = hand_scores(rows, SELM)
    assert rows["score"].to_numpy() == pytest.approx(hand.to_numpy(), abs=1e-12)
    assert own.top(1, "selm").iloc[0]["option"] == hand.idxmax()
    # Kamen gave no weights: the same ranking with and without the folder's weights
    kamen = lambda a: a.ranking.query("body == 'kamen'")[["option", "score"]]  # noqa: E731
    pd.testing.assert_frame_equal(kamen(own), kamen(model))


def test_the_table_says_whose_weights_per_body(own, model, folder):
    from potential.weight_sources import weights_line, weights_table

    table = weights_table(own).set_index("body")
    assert table.loc["boenen", "weights"] == "own" and table.loc["kamen", "weights"] == "model"
    assert table.loc["boenen", "source"] == "Umfrage Bönen 2026-12-01"
    assert table.loc["selm", "sha256"] == sha(folder / "body_weights.csv")
    line = weights_line(weights_table(own), "de")
    assert line.startswith("Gewichte: eigene für Bönen, Selm (")
    assert "übrige: die des Kriterienmodells ikz-egov-nrw" in line
    assert (weights_table(model)["weights"] == "model").all()


# --- the commands --------------------------------------------------------------------------


def test_analyse_says_whose_weights_and_the_workbook_and_provenance_name_them(
    folder, own, tmp_path
):
    file = folder / "body_weights.csv"
    out = run("analyse", "--data", folder, "--out", tmp_path / "o")
    assert f"Gewichte: eigene für Bönen, Selm ({file})" in out
    cells = overview_weights(tmp_path / "o" / "ranking.xlsx")
    assert len(cells["Bönen"]) == 1 and len(cells["Kamen"]) == 1
    (boenen,) = cells["Bönen"]
    assert boenen.startswith("eigene (Umfrage Bönen 2026-12-01; ")
    assert boenen.endswith("body_weights.csv)")
    assert cells["Selm"] == {boenen.replace("Bönen 2026-12-01", "Selm 2026-12-02")}
    assert cells["Kamen"] == {"Kriterienmodell ikz-egov-nrw"}
    rec = json.loads((tmp_path / "o" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["body_weights"]["sha256"] == sha(file)
    bodies = rec["weights"]["bodies"]
    assert bodies["boenen"]["weights"] == "own" and bodies["boenen"]["sha256"] == sha(file)
    assert bodies["boenen"]["source"] == "Umfrage Bönen 2026-12-01"
    assert bodies["kamen"] == {"weights": "model"}
    assert rec["weights"]["model"] == "ikz-egov-nrw"
    ranking = pd.read_csv(tmp_path / "o" / "ranking.csv")
    top = ranking[(ranking["body"] == "boenen") & (ranking["rank"] == 1)]["option"]
    assert top.tolist() == [own.top(1, "boenen").iloc[0]["option"]]


def test_analyse_with_model_weights(folder, model, tmp_path):
    out = run("analyse", "--data", folder, "--model-weights", "--out", tmp_path / "m")
    assert "Gewichte: die des Kriterienmodells für alle Körperschaften (ikz-egov-nrw; " in out
    assert f"die eigenen Gewichte in {folder / 'body_weights.csv'} bleiben außer Betracht" in out
    cells = overview_weights(tmp_path / "m" / "ranking.xlsx")
    assert set().union(*cells.values()) == {"Kriterienmodell ikz-egov-nrw"}
    rec = json.loads((tmp_path / "m" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["body_weights"] is None
    assert {v["weights"] for v in rec["weights"]["bodies"].values()} == {"model"}
    ranking = pd.read_csv(tmp_path / "m" / "ranking.csv")
    top = ranking[(ranking["body"] == "boenen") & (ranking["rank"] == 1)]["option"]
    assert top.tolist() == [model.top(1, "boenen").iloc[0]["option"]]


def test_the_line_in_english(folder, tmp_path):
    out = run("analyse", "--data", folder, "--lang", "en", "--out", tmp_path / "e")
    assert f"Weights: own for Bönen, Selm ({folder / 'body_weights.csv'}); others: " in out


def test_model_weights_and_a_weights_file_do_not_go_together(folder, tmp_path):
    result = CliRunner().invoke(
        main,
        ["analyse", "--data", str(folder), "--model-weights", "--body-weights",
         str(folder / "body_weights.csv"), "--out", str(tmp_path / "x")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--model-weights passt nicht zu --body-weights" in result.output


def test_report_names_whose_weights_ranked_each_body(folder, tmp_path):
    out = run("report", "--data", folder, "--out", tmp_path / "r")
    assert "Gewichte: eigene für Bönen, Selm (" in out
    text = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    own = (
        "Die Optionen von Bönen sind mit den eigenen Gewichten der Körperschaft bewertet "
        "(Umfrage Bönen 2026-12-01; Datei "
    )
    kamen = "Die Optionen von Kamen sind mit den Gewichten des Kriterienmodells ikz-egov-nrw"
    assert own in text and own in html
    assert kamen in text
    rec = json.loads((tmp_path / "r" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["weights"]["bodies"]["selm"]["weights"] == "own"


def test_report_with_model_weights(folder, model):
    from potential.report import build_report

    built = build_report(model, lang="de", figures=False)
    assert (
        "Die Optionen von Bönen sind mit den Gewichten des Kriterienmodells ikz-egov-nrw "
        "bewertet." in built.markdown
    )
    assert "eigenen Gewichten" not in built.markdown


def test_smaa_with_fixed_weights_uses_each_bodys_own(folder, own, model, tmp_path):
    # --weights model: every sample has the same weights, so the analysis' top option is
    # first in every sample (its first-rank acceptability is 1)
    out = run("smaa", "--data", folder, "--weights", "model", "--n", 20, "--out", tmp_path / "s")
    assert "SMAA mit --weights model: jede Körperschaft mit ihren Gewichten, fest" in out
    assert "Gewichte: eigene für Bönen, Selm (" in out

    def firsts(path):
        summary = pd.read_csv(path / "smaa_summary.csv")
        return summary[summary["first_rank_acceptability"] == 1].set_index("body")["option"]

    assert firsts(tmp_path / "s")["boenen"] == own.top(1, "boenen").iloc[0]["option"]
    rec = json.loads((tmp_path / "s" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["weights"]["bodies"]["boenen"]["weights"] == "own"
    run("smaa", "--data", folder, "--weights", "model", "--n", 20, "--model-weights",
        "--out", tmp_path / "sm")  # fmt: skip
    assert firsts(tmp_path / "sm")["boenen"] == model.top(1, "boenen").iloc[0]["option"]


def test_smaa_with_uniform_weights_says_it_uses_none(folder, tmp_path):
    out = run("smaa", "--data", folder, "--n", 5, "--out", tmp_path / "u")
    assert "Gewichte: keine festen – SMAA zieht die Gewichte gleichverteilt" in out
    rec = json.loads((tmp_path / "u" / "provenance.json").read_text(encoding="utf-8"))
    assert {v["weights"] for v in rec["weights"]["bodies"].values()} == {"none"}
    assert rec["body_weights"] is None


def test_a_scenario_on_the_folder_uses_its_weights_unless_told(folder, own, model, tmp_path):
    for name, extra in (("umfrage", ""), ("modell", "body_weights: model\n")):
        (tmp_path / f"{name}.yaml").write_text(
            f"name: {name}\ndata: {folder.as_posix()}\n{extra}", encoding="utf-8"
        )
    out = run("scenario", "run", tmp_path / "umfrage.yaml", tmp_path / "modell.yaml",
              "--out", tmp_path / "sc")  # fmt: skip
    assert "Gewichte: eigene für Bönen, Selm (" in out
    assert "Gewichte: die des Kriterienmodells für alle Körperschaften" in out
    expected = {"umfrage": own, "modell": model}
    for name, analysis in expected.items():
        ranking = pd.read_csv(tmp_path / "sc" / name / "ranking.csv")
        top = ranking[(ranking["body"] == "boenen") & (ranking["rank"] == 1)]["option"]
        assert top.tolist() == [analysis.top(1, "boenen").iloc[0]["option"]], name
    cells = overview_weights(tmp_path / "sc" / "umfrage" / "ranking.xlsx")
    assert next(iter(cells["Bönen"])).startswith("eigene (Umfrage Bönen 2026-12-01; ")
    rec = json.loads((tmp_path / "sc" / "umfrage" / "provenance.json").read_text("utf-8"))
    assert rec["weights"]["bodies"]["boenen"]["sha256"] == sha(folder / "body_weights.csv")
    cells = overview_weights(tmp_path / "sc" / "modell" / "ranking.xlsx")
    assert cells["Bönen"] == {"Kriterienmodell ikz-egov-nrw"}
    # --model-weights on the command line overrides the scenario's default
    out = run("scenario", "run", tmp_path / "umfrage.yaml", "--model-weights",
              "--out", tmp_path / "sc2")  # fmt: skip
    ranking = pd.read_csv(tmp_path / "sc2" / "umfrage" / "ranking.csv")
    top = ranking[(ranking["body"] == "boenen") & (ranking["rank"] == 1)]["option"]
    assert top.tolist() == [model.top(1, "boenen").iloc[0]["option"]]


def test_scenario_compare_names_the_weights_per_scenario(folder, tmp_path):
    for name, extra in (("umfrage", ""), ("modell", "body_weights: model\n")):
        (tmp_path / f"{name}.yaml").write_text(
            f"name: {name}\ndata: {folder.as_posix()}\n{extra}", encoding="utf-8"
        )
    out = run("scenario", "compare", tmp_path / "umfrage.yaml", tmp_path / "modell.yaml",
              "--out", tmp_path / "c")  # fmt: skip
    assert "umfrage: Gewichte: eigene für Bönen, Selm (" in out
    assert "modell: Gewichte: die des Kriterienmodells für alle Körperschaften" in out
    ws = load_workbook(tmp_path / "c" / "comparison.xlsx", read_only=True)["Gewichte"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(values_only=True)}
    assert rows["Körperschaft"] == ("umfrage", "modell")
    assert rows["Bönen"][0].startswith("eigene (Umfrage Bönen 2026-12-01; ")
    assert rows["Bönen"][1] == rows["Kamen"][0] == "Kriterienmodell ikz-egov-nrw"
    rec = json.loads((tmp_path / "c" / "provenance.json").read_text(encoding="utf-8"))
    assert [r["weights"]["bodies"]["boenen"]["weights"] for r in rec["runs"]] == ["own", "model"]


def test_compare_methods_ranks_with_the_folders_weights(folder, own, model, tmp_path):
    for flag, analysis, name in (((), own, "c"), (("--model-weights",), model, "cm")):
        out = run("compare-methods", "--data", folder, "--methods", "wsm,topsis", *flag,
                  "--out", tmp_path / name, "--quiet")  # fmt: skip
        ranks = pd.read_csv(tmp_path / name / "methods_ranks.csv")
        top = ranks[(ranks["body"] == "boenen") & (ranks["wsm"] == 1)]["option"]
        assert top.tolist() == [analysis.top(1, "boenen").iloc[0]["option"]], flag
        rec = json.loads((tmp_path / name / "provenance.json").read_text(encoding="utf-8"))
        expected = "model" if flag else "own"
        assert rec["weights"]["bodies"]["boenen"]["weights"] == expected
        assert ("Gewichte: eigene für Bönen, Selm (" in out) != bool(flag)


def test_coalitions_say_whose_weights_gave_the_points(folder, tmp_path):
    out = run("coalitions", "--data", folder, "--field", "it", "--max-size", 2, "--top", 1,
              "--out", tmp_path / "k", "--quiet")  # fmt: skip
    assert "Gewichte: eigene für Bönen, Selm (" in out
    rec = json.loads((tmp_path / "k" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["weights"]["bodies"]["selm"]["source"] == "Umfrage Selm 2026-12-02"
    out = run("coalitions", "--data", folder, "--field", "it", "--max-size", 2, "--top", 1,
              "--model-weights", "--quiet")  # fmt: skip
    assert "Gewichte: die des Kriterienmodells für alle Körperschaften" in out


def test_plot_draws_with_the_folders_weights_unless_told(folder, own, model, tmp_path):
    """The heatmap shows each body's best score per field: Bönen's with its own weights."""
    out = run("plot", "heatmap", "--data", folder, "--format", "png", "--out", tmp_path / "p")
    assert "Gewichte: eigene für Bönen, Selm (" in out
    rec = json.loads((tmp_path / "p" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["weights"]["bodies"]["boenen"]["weights"] == "own"
    out = run(
        "plot", "heatmap", "--data", folder, "--format", "png", "--model-weights",
        "--out", tmp_path / "m",
    )  # fmt: skip
    assert "Gewichte: eigene" not in out
    rec = json.loads((tmp_path / "m" / "provenance.json").read_text(encoding="utf-8"))
    assert rec["weights"]["bodies"]["boenen"]["weights"] == "model"
