"""``potential init`` and the workspace: copies to edit, picked up from the working directory.

A workspace holds ``criteria/``, ``scenarios/`` and ``daten/``; run from it, the commands use
these files instead of the shipped ones and say which they used (path and SHA-256).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import potential
from potential import workspace
from potential.cli import main
from potential.errors import InputError
from potential.resources import criteria_dir, data_dir, scenarios_dir

ROOT = Path(__file__).resolve().parents[1]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    """Every file under a folder (relative path) with its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def ws(tmp_path):
    """A fresh workspace in ``tmp_path / "ws"``."""
    workspace.init(tmp_path / "ws")
    return tmp_path / "ws"


# --- init -----------------------------------------------------------------------------------


def test_init_copies_the_shipped_files_unchanged(ws):
    assert sha(ws / "criteria" / "ikz-egov-nrw.yaml") == sha(criteria_dir() / "ikz-egov-nrw.yaml")
    assert sha(ws / "scenarios" / "heute.yaml") == sha(scenarios_dir() / "heute.yaml")
    shipped = data_dir() / "kreis-unna"
    for name in ("dataset.yaml", "bodies.csv", "fields.csv", "parameters.csv"):
        assert sha(ws / "daten" / name) == sha(shipped / name)
    # every shipped scenario and every table of the dataset is there
    assert {p.name for p in scenarios_dir().glob("*.yaml")} <= set(
        p.name for p in (ws / "scenarios").iterdir()
    )
    assert {p.name for p in shipped.iterdir() if p.is_file()} == {
        p.name for p in (ws / "daten").iterdir()
    }
    guide = (ws / "LIESMICH.md").read_text(encoding="utf-8")
    assert "Arbeitsordner" in guide and "potential analyse" in guide and "daten/" in guide
    # nothing but the workspace in the parent: no temporary folder left
    assert [p.name for p in ws.parent.iterdir()] == ["ws"]


def test_init_returns_the_files_it_wrote(tmp_path):
    written = workspace.init(tmp_path / "neu")
    assert all(p.is_file() for p in written)
    assert tmp_path / "neu" / "criteria" / "ikz-egov-nrw.yaml" in written
    assert tmp_path / "neu" / "LIESMICH.md" in written
    assert len(written) == len([p for p in (tmp_path / "neu").rglob("*") if p.is_file()])


def test_init_into_an_existing_folder_keeps_its_other_files(tmp_path):
    (tmp_path / "notizen.txt").write_text("meins", encoding="utf-8")
    workspace.init(tmp_path)
    assert (tmp_path / "notizen.txt").read_text(encoding="utf-8") == "meins"
    assert (tmp_path / "daten" / "dataset.yaml").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".potential-init")]


def test_second_init_refuses_and_changes_nothing(ws):
    (ws / "criteria" / "ikz-egov-nrw.yaml").write_text("# meine Fassung\n", encoding="utf-8")
    before = tree(ws)
    with pytest.raises(InputError) as info:
        workspace.init(ws)
    assert str(ws / "criteria") in str(info.value)
    assert "Nichts geschrieben" in str(info.value)
    assert tree(ws) == before
    assert not [p for p in ws.iterdir() if p.name.startswith(".potential-init")]


def test_init_refuses_if_only_one_target_exists(tmp_path):
    (tmp_path / "LIESMICH.md").write_text("eigene Notizen", encoding="utf-8")
    with pytest.raises(InputError, match="LIESMICH.md"):
        workspace.init(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["LIESMICH.md"]  # no criteria/ ... written
    assert (tmp_path / "LIESMICH.md").read_text(encoding="utf-8") == "eigene Notizen"


def test_init_into_a_file_is_refused(tmp_path):
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="ist eine Datei"):
        workspace.init(tmp_path / "datei")


# --- pickup ---------------------------------------------------------------------------------


def test_source_checkout_is_not_a_workspace():
    # in the checkout ./criteria and ./scenarios are the shipped folders themselves
    assert not workspace.is_workspace(ROOT)
    assert workspace.local_criteria("ikz-egov-nrw", ROOT) is None


def test_edited_weight_in_the_workspace_changes_the_ranking(ws, monkeypatch):
    shipped = potential.analyse()
    path = ws / "criteria" / "ikz-egov-nrw.yaml"
    text = path.read_text(encoding="utf-8")
    # group wirtschaftlichkeit: weight 0.35 → 0; the other groups 0.25, 0.2, 0.2 remain
    old = "  - id: wirtschaftlichkeit\n    label:"
    assert text.count(old) == 1 and text.count("    weight: 0.35\n") == 1
    path.write_text(text.replace("    weight: 0.35\n", "    weight: 0\n"), encoding="utf-8")
    monkeypatch.chdir(ws)
    with workspace.recording() as used:
        edited = potential.analyse()
    weights = edited.criteria.weights()
    group = edited.criteria.group_of()
    # hand calculation: 0.2 / (0.25 + 0.2 + 0.2) for the single criterion of egov_pflichten
    (duty,) = [c for c, g in group.items() if g == "egov_pflichten"]
    assert weights[duty] == pytest.approx(0.2 / 0.65, abs=1e-12)
    assert all(weights[c] == 0 for c, g in group.items() if g == "wirtschaftlichkeit")
    assert shipped.criteria.weights()[duty] == pytest.approx(0.2, abs=1e-12)

    # the ranking changes: some body's first option is another one
    def firsts(result):
        r = result.ranking
        return r[r["rank"] == 1].set_index("body")["option"].to_dict()

    assert firsts(edited) != firsts(shipped)
    kinds = {u.kind: u for u in used}
    assert kinds["criteria"].path.resolve() == path.resolve()
    assert not kinds["criteria"].shipped
    assert kinds["criteria"].sha256 == sha(path)


def test_daten_is_used_without_data_option(ws, monkeypatch):
    bodies = ws / "daten" / "bodies.csv"
    text = bodies.read_text(encoding="utf-8")
    assert text.count(",Bönen,") == 1
    bodies.write_text(text.replace(",Bönen,", ",Bönen (Arbeitsordner),"), encoding="utf-8")
    monkeypatch.chdir(ws)
    from potential.datasets import load_dataset, resolve_dataset_path

    dataset = load_dataset()
    assert Path(dataset.path).resolve() == (ws / "daten").resolve()
    assert {b.id: b.name for b in dataset.bodies}["boenen"] == "Bönen (Arbeitsordner)"
    # the embedded dataset's name means the workspace's copy too (as scenarios name it)
    assert resolve_dataset_path("kreis-unna").resolve() == (ws / "daten").resolve()


def test_scenario_names_resolve_in_the_workspace_first(ws, monkeypatch):
    from potential import scenarios

    path = ws / "scenarios" / "heute.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Heute (Referenz)", "title: Heute (meins)"), "utf-8")
    monkeypatch.chdir(ws)
    assert scenarios.load("heute").label == "Heute (meins)"
    # extends: heute in the workspace's kostendruck.yaml finds the workspace's heute.yaml
    child = scenarios.load("kostendruck")
    assert [p.resolve() for p in child.files] == [
        path.resolve(),
        (ws / "scenarios" / "kostendruck.yaml").resolve(),
    ]


def test_dataset_digest_is_the_one_provenance_records(ws):
    # by hand: SHA-256 over "name:sha256\n" of dataset.yaml and each table, in TABLES order
    from potential.datasets import TABLES, load_dataset
    from potential.provenance import dataset_record

    folder = ws / "daten"
    names = ["dataset.yaml", *(n for n in TABLES if (folder / n).is_file())]
    text = "".join(f"{n}:{sha(folder / n)}\n" for n in names)
    expected = hashlib.sha256(text.encode()).hexdigest()
    assert workspace.dataset_digest(folder) == expected
    assert dataset_record(load_dataset(folder))["sha256"] == expected


# --- the command line -----------------------------------------------------------------------


def test_cli_init_then_refuse(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["init", "ws"])
    assert result.exit_code == 0, result.output
    assert "Arbeitsordner angelegt: ws" in result.stderr
    assert (tmp_path / "ws" / "criteria" / "ikz-egov-nrw.yaml").is_file()
    before = tree(tmp_path / "ws")
    again = runner.invoke(main, ["init", "ws"])
    assert again.exit_code == 2
    lines = again.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: ws/criteria")
    assert tree(tmp_path / "ws") == before


def test_cli_init_default_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "daten" / "dataset.yaml").is_file()


def test_cli_init_help_in_english(tmp_path, monkeypatch):
    result = CliRunner().invoke(main, ["--lang", "en", "init", "--help"])
    assert result.exit_code == 0
    assert "Create a workspace" in result.output
    german = CliRunner().invoke(main, ["init", "--help"])
    assert "Einen Arbeitsordner anlegen" in german.output


def test_cli_prints_the_files_used_with_their_hash(ws, monkeypatch):
    path = ws / "criteria" / "ikz-egov-nrw.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    weight: 0.35\n", "    weight: 0.5\n"),
        "utf-8",
    )
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(main, ["analyse", "--out", "out"])
    assert result.exit_code == 0, result.output
    digest = sha(path)
    assert f"Kriterienmodell: ./criteria/ikz-egov-nrw.yaml (sha256 {digest[:8]}…)" in result.stderr
    assert f"Datensatz: ./daten (sha256 {workspace.dataset_digest(ws / 'daten')[:8]}…)" in (
        result.stderr
    )
    assert digest[:8] != sha(criteria_dir() / "ikz-egov-nrw.yaml")[:8]
    assert "Kriterienmodell: ./criteria" not in result.stdout  # the list is on stderr
    record = json.loads((ws / "out" / "provenance.json").read_text(encoding="utf-8"))
    assert record["criteria"]["file"] == {"path": "criteria/ikz-egov-nrw.yaml", "sha256": digest}
    assert record["data"]["path"] == "daten"


def test_cli_says_when_the_shipped_copy_is_used(ws, monkeypatch):
    import shutil

    shutil.rmtree(ws / "criteria")  # a workspace with data and scenarios only
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(main, ["--lang", "en", "analyse", "--out", "out"])
    assert result.exit_code == 0, result.output
    shipped = sha(criteria_dir() / "ikz-egov-nrw.yaml")[:8]
    line = next(x for x in result.stderr.splitlines() if x.startswith("Criteria model: "))
    assert line.endswith(f"(sha256 {shipped}…, shipped copy)")
    assert "Dataset: ./daten" in result.stderr


def test_cli_outside_a_workspace_prints_no_list(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["analyse", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert "Kriterienmodell:" not in result.output
