"""Output folders: one per command, ``provenance.json`` describes exactly the files beside it.

Several commands run in one working directory (their default folders ``out/analyse``,
``out/smaa`` ...) and into one folder given with ``--out``. After every run, every
``provenance.json`` below ``out/`` is checked against the files themselves: each listed file
exists with the SHA-256 (computed here with :mod:`hashlib`) and size listed, and each file
in the folder is listed, except the user's own files, which are never removed or changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential.errors import InputError
from potential.files import write_outputs
from potential.messages import use_lang

ANALYSE_OUTPUTS = {
    "ranking.csv", "joint.csv", "contributions.csv", "cashflows.csv", "excluded.csv",
    "ranking.xlsx",
}  # fmt: skip
SMAA_TABLES = {"smaa_acceptability.csv", "smaa_summary.csv"}
SHARED = "evergabe/oerv_deleg/kamen+schwerte+unna"


def invoke(*args, code: int = 0):
    from potential.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == code, (result.output, result.stderr, result.exception)
    return result


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative posix path → bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def files_of(folder: Path) -> set[str]:
    """The files below ``folder`` that its ``provenance.json`` must describe: subfolders with
    a ``provenance.json`` of their own are described by that one."""
    found = set()
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        inner = path.parent
        while inner != folder and not (inner / "provenance.json").is_file():
            inner = inner.parent
        if inner == folder:
            found.add(path.relative_to(folder).as_posix())
    return found


def check_every_folder(root: Path, user_files: dict[str, bytes]) -> dict[str, dict]:
    """Check every ``provenance.json`` below ``root``; return folder → record.

    ``user_files`` maps a path below ``root`` to the bytes the user put there: each must
    still be there, unchanged, and must not be listed as an output.
    """
    for name, data in user_files.items():
        assert (root / name).read_bytes() == data, f"user file {name} was changed"
    records = {}
    for sidecar in sorted(root.rglob("provenance.json")):
        folder = sidecar.parent
        rec = json.loads(sidecar.read_text(encoding="utf-8"))
        assert rec["format"] == "potential-provenance/1"
        for name, entry in rec["outputs"].items():
            path = folder / name
            assert path.is_file(), f"{path} listed but missing"
            data = path.read_bytes()
            assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        mine = {
            Path(name).relative_to(folder.relative_to(root)).as_posix()
            for name in user_files
            if (root / name).parent.is_relative_to(folder)
        }
        assert not mine & set(rec["outputs"]), "a user file is listed as an output"
        beside = files_of(folder) - {"provenance.json"} - mine - set(rec["user_changed"])
        assert beside == set(rec["outputs"]), folder
        records[folder.relative_to(root).as_posix()] = rec
    return records


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_several_commands_each_folder_matches_its_provenance(workdir):
    out = workdir / "out"
    (out / "analyse").mkdir(parents=True)
    notes = b"Notizen zur Sitzung am 3. Dezember\n"
    (out / "analyse" / "notizen.txt").write_bytes(notes)
    user = {"analyse/notizen.txt": notes}

    invoke("analyse", "--smaa", 200)
    records = check_every_folder(out, user)
    assert set(records) == {"analyse"}
    assert records["analyse"]["command"] == "analyse"
    assert set(records["analyse"]["outputs"]) == ANALYSE_OUTPUTS | SMAA_TABLES

    # the user keeps an edited copy of an output, and edits one output in place
    ranking = (out / "analyse" / "ranking.csv").read_bytes()
    copy = ranking + b"# Anmerkung Kamen\n"
    (out / "analyse" / "ranking_bearbeitet.csv").write_bytes(copy)
    user["analyse/ranking_bearbeitet.csv"] = copy

    invoke("smaa", "--n", 200)
    records = check_every_folder(out, user)
    assert set(records) == {"analyse", "smaa"}
    assert set(records["smaa"]["outputs"]) == {*SMAA_TABLES, "smaa.xlsx"}

    invoke("report")
    records = check_every_folder(out, user)
    report = records["report"]["outputs"]
    assert {"report.html", "report.md"} <= set(report)
    charts = {n for n in report if n.startswith("report_files/")}
    assert charts and all(n.endswith(".svg") for n in charts)

    invoke("scenario", "run", "heute")
    records = check_every_folder(out, user)
    assert records["scenario-run/heute"]["command"] == "scenario run"
    assert "changes.csv" in records["scenario-run/heute"]["outputs"]

    invoke("sharing", "--option", SHARED, "--out", out / "sharing")
    records = check_every_folder(out, user)
    assert records["sharing"]["command"] == "sharing"

    # analyse again without SMAA: its SMAA tables are stale. The unchanged one is removed,
    # the one the user edited (now) is kept and listed as changed by the user; user files stay.
    listed_summary = records["analyse"]["outputs"]["smaa_summary.csv"]
    edited = (out / "analyse" / "smaa_summary.csv").read_bytes() + b"# geprueft\n"
    (out / "analyse" / "smaa_summary.csv").write_bytes(edited)
    invoke("analyse")
    records = check_every_folder(out, user)
    assert set(records["analyse"]["outputs"]) == ANALYSE_OUTPUTS
    assert not (out / "analyse" / "smaa_acceptability.csv").exists()
    assert (out / "analyse" / "smaa_summary.csv").read_bytes() == edited
    assert records["analyse"]["user_changed"] == {"smaa_summary.csv": listed_summary}
    # the other folders are as they were
    assert set(records) == {"analyse", "smaa", "report", "scenario-run/heute", "sharing"}


def test_a_different_command_into_a_folder_of_another_is_refused(workdir):
    out = workdir / "out"
    invoke("analyse", "--out", "gemeinsam")
    before = snapshot(workdir / "gemeinsam")
    result = invoke("smaa", "--n", 200, "--out", "gemeinsam", code=2)
    line = result.stderr.strip()
    assert "\n" not in line
    assert "gemeinsam" in line and "»potential analyse«" in line and "out/smaa" in line
    assert snapshot(workdir / "gemeinsam") == before
    assert not out.exists()
    # the same command again is fine, and so is the other command in its own folder
    invoke("analyse", "--out", "gemeinsam")
    invoke("smaa", "--n", 200)
    check_every_folder(workdir / "gemeinsam", {})
    check_every_folder(out, {})


def test_a_plain_run_removes_the_changes_of_an_earlier_scenario_run(workdir):
    """Issue 15: "A stale changes.csv survives a plain run"."""
    out = workdir / "out"
    invoke("analyse", "--scenario", "kostendruck")
    assert (out / "analyse" / "changes.csv").is_file()
    check_every_folder(out, {})
    invoke("analyse")
    assert not (out / "analyse" / "changes.csv").exists()
    records = check_every_folder(out, {})
    assert set(records["analyse"]["outputs"]) == ANALYSE_OUTPUTS
    assert records["analyse"]["scenario"] is None


def test_plot_of_another_kind_leaves_only_its_own_charts(workdir):
    out = workdir / "out"
    invoke("plot", "contributions", "--body", "selm", "--body", "kamen")
    assert set(check_every_folder(out, {})["plot"]["outputs"]) == {
        "contributions-selm.png", "contributions-selm.svg",
        "contributions-kamen.png", "contributions-kamen.svg",
    }  # fmt: skip
    invoke("plot", "heatmap")
    assert set(check_every_folder(out, {})["plot"]["outputs"]) == {"heatmap.png", "heatmap.svg"}
    assert sorted(p.name for p in (out / "plot").iterdir()) == [
        "heatmap.png", "heatmap.svg", "provenance.json",
    ]  # fmt: skip


# --- write_outputs on its own ----------------------------------------------------------------


def _text(text: str):
    return lambda path: Path(path).write_text(text, encoding="utf-8")


def test_a_file_of_the_users_by_an_output_name_is_refused_and_kept(tmp_path):
    (tmp_path / "a.csv").write_text("meine Tabelle\n", encoding="utf-8")
    with pytest.raises(InputError, match="stammt aber nicht von potential") as caught:
        write_outputs(tmp_path, {"a.csv": _text("x\n")}, provenance={"format": "t"})
    assert caught.value.where == str(tmp_path / "a.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "meine Tabelle\n"


def test_an_output_changed_by_the_user_is_not_overwritten(tmp_path):
    write_outputs(tmp_path, {"a.csv": _text("1\n")}, provenance={"format": "t"}, command="x")
    (tmp_path / "a.csv").write_text("2\n", encoding="utf-8")
    sidecar = (tmp_path / "provenance.json").read_bytes()
    with pytest.raises(InputError, match="verändert"):
        write_outputs(tmp_path, {"a.csv": _text("3\n")}, provenance={"format": "t"}, command="x")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "2\n"
    assert (tmp_path / "provenance.json").read_bytes() == sidecar


def test_a_provenance_json_of_the_users_is_never_overwritten(tmp_path):
    (tmp_path / "provenance.json").write_text('{"meins": true}\n', encoding="utf-8")
    with pytest.raises(InputError, match="stammt nicht von potential"):
        write_outputs(tmp_path, {"a.csv": _text("1\n")}, provenance={"format": "t"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["provenance.json"]


def test_stale_outputs_in_a_subfolder_go_with_their_empty_folder(tmp_path):
    record = {"format": "t"}
    write_outputs(
        tmp_path, {"r.md": _text("r\n"), "bilder/a.svg": _text("<svg/>")}, provenance=record
    )
    rec = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert rec["outputs"]["bilder/a.svg"] == {"sha256": sha(tmp_path / "bilder/a.svg"), "bytes": 6}
    write_outputs(tmp_path, {"r.md": _text("r2\n")}, provenance=record)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["provenance.json", "r.md"]


def test_without_a_record_nothing_is_removed_or_checked(tmp_path):
    """Data folders and survey workbooks: plain atomic writes, as before."""
    (tmp_path / "a.csv").write_text("alt\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("fremd\n", encoding="utf-8")
    write_outputs(tmp_path, {"a.csv": _text("neu\n")})
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "neu\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_messages_in_english_on_request(tmp_path):
    write_outputs(tmp_path, {"a.csv": _text("1\n")}, provenance={"format": "t"}, command="analyse")
    with use_lang("en"), pytest.raises(InputError) as caught:
        write_outputs(
            tmp_path, {"b.csv": _text("1\n")}, provenance={"format": "t"}, command="smaa"
        )
    assert str(caught.value) == (
        f"{tmp_path}: holds the results of 'potential analyse'; expected a folder of its own "
        "for 'potential smaa', e.g. the default out/smaa (leave out --out) or a new folder. "
        "The results of two commands in one folder would contradict each other"
    )


def test_reading_messages_german_by_default_english_on_request(tmp_path):
    from potential.files import read_csv_rows

    path = tmp_path / "bodies.csv"
    path.write_text("id,name\nselm,Selm,extra\n", encoding="utf-8")
    with pytest.raises(InputError) as german:
        read_csv_rows(path)
    assert str(german.value) == (
        f"{path}, Zeile 2: 3 Felder, die Kopfzeile hat aber 2 (ein Komma in einem Wert "
        "braucht doppelte Anführungszeichen)"
    )
    with use_lang("en"), pytest.raises(InputError) as english:
        read_csv_rows(path, required=("population",))
    assert str(english.value) == (
        f"{path}, line 1: missing column(s) population; the header has id, name"
    )
