"""``provenance.json`` and the metadata sheet: every hash checked against hashlib here.

The commands run through click's CliRunner; runs shared by several tests are made once per
module. Every expected hash is computed in the test from the files' bytes, never by
:mod:`potential.provenance`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential.cli import main
from potential.resources import criteria_dir, data_dir, scenarios_dir

EMBEDDED = data_dir() / "kreis-unna"
CRITERIA_FILE = criteria_dir() / "ikz-egov-nrw.yaml"
HEUTE_FILE = scenarios_dir() / "heute.yaml"
ANALYSE_OUTPUTS = {
    "ranking.csv", "joint.csv", "contributions.csv", "cashflows.csv", "excluded.csv",
    "ranking.xlsx",
}  # fmt: skip
DATASET_FILES = [
    "dataset.yaml",
    "sources.csv",
    "bodies.csv",
    "fields.csv",
    "legal_forms.csv",
    "obligations.csv",
    "cooperations.csv",
    "parameters.csv",
    "field_parameters.csv",
    "legal_form_parameters.csv",
    "body_fields.csv",
    "fulfilment.csv",
    "vat_rules.csv",
    "knockout_rules.csv",
]


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def invoke(*args, ok: bool = True):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def record(folder: Path) -> dict:
    return json.loads((folder / "provenance.json").read_text(encoding="utf-8"))


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative posix path → bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def check_outputs(folder: Path, expected: set[str] | None = None) -> dict:
    """``outputs`` of the folder's provenance.json lists every other file, rightly hashed."""
    rec = record(folder)
    others = {p.name for p in folder.iterdir() if p.name != "provenance.json"}
    assert set(rec["outputs"]) == others
    if expected is not None:
        assert others == expected
    for name, entry in rec["outputs"].items():
        data = (folder / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    return rec


def dataset_digests(folder: Path) -> dict[str, str]:
    return {n: sha(folder / n) for n in DATASET_FILES if (folder / n).is_file()}


def combined_digest(digests: dict[str, str]) -> str:
    """The dataset digest as documented: SHA-256 over ``name:digest`` lines in table order."""
    text = "".join(f"{n}:{d}\n" for n, d in digests.items())
    return hashlib.sha256(text.encode()).hexdigest()


def flatten(value, prefix: str = "") -> list[tuple[str, str]]:
    """A record as key/value rows (dotted keys, ``[i]`` for list items from 1)."""
    if isinstance(value, dict):
        return [r for k, v in value.items() for r in flatten(v, f"{prefix}.{k}" if prefix else k)]
    if isinstance(value, list):
        return [r for i, v in enumerate(value, 1) for r in flatten(v, f"{prefix}[{i}]")]
    return [(prefix, "" if value is None else str(value))]


def last_sheet(path: Path) -> tuple[str, list[tuple]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        ws = wb[wb.sheetnames[-1]]
        rows = [
            tuple("" if c is None else c for c in row) for row in ws.iter_rows(values_only=True)
        ]
        return ws.title, rows
    finally:
        wb.close()


# --- shared runs -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """``potential analyse`` twice in German and once in English."""
    base = tmp_path_factory.mktemp("analyse")
    invoke("analyse", "--out", base / "a")
    invoke("analyse", "--out", base / "b")
    invoke("analyse", "--lang", "en", "--out", base / "en")
    return base


@pytest.fixture(scope="module")
def smaa_runs(tmp_path_factory):
    """``potential smaa --n 200`` twice with seed 3 and once with seed 4."""
    base = tmp_path_factory.mktemp("smaa")
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        invoke("smaa", "--n", 200, "--seed", seed, "--out", base / name)
    return base


# --- 1. analyse: outputs, data, criteria -----------------------------------------------------


def test_analyse_provenance_lists_every_output_with_its_hash(analysed):
    check_outputs(analysed / "a", ANALYSE_OUTPUTS)
    check_outputs(analysed / "en", ANALYSE_OUTPUTS)


def test_analyse_provenance_records_embedded_data_and_shipped_criteria(analysed):
    rec = record(analysed / "a")
    digests = dataset_digests(EMBEDDED)
    assert set(digests) == set(DATASET_FILES)  # the embedded dataset has every table
    assert rec["data"]["id"] == "kreis-unna"
    assert rec["data"]["path"] == "embedded:kreis-unna"
    assert rec["data"]["files"] == digests
    assert list(rec["data"]["files"]) == list(digests)  # dataset.yaml, then table order
    assert rec["data"]["sha256"] == combined_digest(digests)
    assert rec["criteria"]["id"] == "ikz-egov-nrw"
    assert rec["criteria"]["file"] == {
        "path": "shipped:criteria/ikz-egov-nrw.yaml",
        "sha256": sha(CRITERIA_FILE),
    }
    assert rec["method"] == "wsm"
    assert rec["method_params"] == {}
    assert rec["reference_date"] == "2026-11-25"
    assert rec["seed"] is None
    assert rec["scenario"] is None
    assert rec["body_weights"] is None
    assert rec["format"] == "potential-provenance/1"
    # the Wirtschaftlichkeitsvergleich's settings: the dataset's parameters.csv, by hand
    # (ramp_up_years 3 -> the linear profile 1/3, 2/3, 1; grant_assumed 0 -> not counted)
    assert rec["scales"] == "fixed"
    assert rec["economics"] == {
        "horizon_years": 10, "discount_rate": 0.009, "price_change_rate": 0.02,
        "ramp_up": [1 / 3, 2 / 3, 1.0], "double_running_months": 3.0, "vat_rate": 0.19,
        "vat_deminimis_eur": 17500.0, "vat_binding_date": "2027-01-01", "grant": False,
        "grant_min_years": 5.0, "grant_min_savings_share": 0.15,
        "reference_date": "2026-11-25",
    }  # fmt: skip


def test_analyse_provenance_records_the_economics_overrides(tmp_path):
    invoke(
        "analyse", "--horizon", 15, "--discount-rate", 0.033, "--ramp-up", "0.5,0.8,1",
        "--grant", "--out", tmp_path / "out",
    )  # fmt: skip
    economics = record(tmp_path / "out")["economics"]
    assert economics["horizon_years"] == 15 and economics["discount_rate"] == 0.033
    assert economics["ramp_up"] == [0.5, 0.8, 1.0] and economics["grant"] is True
    assert economics["price_change_rate"] == 0.02  # not overridden


def test_analyse_provenance_holds_no_machine_paths_or_clock(analysed):
    text = (analysed / "a" / "provenance.json").read_text(encoding="utf-8")
    for local in {str(Path.cwd()), str(EMBEDDED.parent), str(CRITERIA_FILE.parent)}:
        assert local not in text
    assert str(analysed) not in text  # nor the output folder
    from potential import __version__

    rec = json.loads(text)
    assert rec["potential_version"] == __version__
    assert rec["environment"]["python"]


# --- 2. the metadata sheet -------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "title", "header"), [
    ("a", "Metadaten", ("Schlüssel", "Wert")),
    ("en", "Metadata", ("Key", "Value")),
])  # fmt: skip
def test_workbook_ends_with_the_provenance_record(analysed, lang, title, header):
    folder = analysed / lang
    rec = record(folder)
    name, rows = last_sheet(folder / "ranking.xlsx")
    assert name == title
    assert rows[0] == header
    table = dict(rows[1:])
    assert table["method"] == rec["method"] == "wsm"
    assert table["reference_date"] == rec["reference_date"] == "2026-11-25"
    assert table["data.sha256"] == rec["data"]["sha256"]
    assert table["data.files.parameters.csv"] == sha(EMBEDDED / "parameters.csv")
    assert table["criteria.file.sha256"] == sha(CRITERIA_FILE)
    # the sheet is the whole record except what write_outputs adds: the command, the output
    # hashes (the workbook is one of the outputs) and the files the user changed
    added = {"command", "outputs", "user_changed"}
    expected = flatten({k: v for k, v in rec.items() if k not in added})
    assert rows[1:] == expected
    assert not any(key.startswith("outputs") for key, _ in rows[1:])


# --- 3. determinism --------------------------------------------------------------------------


def test_analyse_twice_gives_identical_bytes(analysed):
    a, b = folder_bytes(analysed / "a"), folder_bytes(analysed / "b")
    assert set(a) == ANALYSE_OUTPUTS | {"provenance.json"}
    assert a == b


def test_scenario_run_twice_gives_identical_bytes(tmp_path):
    invoke("scenario", "run", "heute", "--out", tmp_path / "A")
    invoke("scenario", "run", "heute", "--out", tmp_path / "B")
    a, b = folder_bytes(tmp_path / "A"), folder_bytes(tmp_path / "B")
    expected = ANALYSE_OUTPUTS | {"changes.csv", "provenance.json"}
    assert set(a) == {f"heute/{n}" for n in expected}
    assert a == b
    rec = check_outputs(tmp_path / "A" / "heute", expected - {"provenance.json"})
    assert rec["scenario"]["name"] == "heute"
    assert rec["scenario"]["files"] == [
        {"path": "shipped:scenarios/heute.yaml", "sha256": sha(HEUTE_FILE)}
    ]
    assert rec["data"]["files"] == dataset_digests(EMBEDDED)
    assert rec["criteria"]["file"]["sha256"] == sha(CRITERIA_FILE)
    assert (rec["method"], rec["reference_date"], rec["seed"]) == ("wsm", "2026-11-25", None)
    name, rows = last_sheet(tmp_path / "A" / "heute" / "ranking.xlsx")
    assert name == "Metadaten"
    assert dict(rows[1:])["scenario.files[1].sha256"] == sha(HEUTE_FILE)


def test_smaa_same_seed_gives_identical_bytes(smaa_runs):
    a, b = folder_bytes(smaa_runs / "a"), folder_bytes(smaa_runs / "b")
    assert set(a) == {"smaa_acceptability.csv", "smaa_summary.csv", "smaa.xlsx", "provenance.json"}
    assert a == b
    rec = check_outputs(smaa_runs / "a")
    assert rec["seed"] == 3
    assert rec["settings"] == {"n": 200, "weights": "uniform", "values": "none"}
    assert rec["data"]["files"] == dataset_digests(EMBEDDED)
    assert rec["criteria"]["file"]["sha256"] == sha(CRITERIA_FILE)
    assert rec["reference_date"] == "2026-11-25"
    name, rows = last_sheet(smaa_runs / "a" / "smaa.xlsx")
    assert name == "Metadaten"
    assert dict(rows[1:])["seed"] == "3"


def test_smaa_another_seed_gives_another_record_and_tables(smaa_runs):
    a, c = record(smaa_runs / "a"), record(smaa_runs / "c")
    assert (a["seed"], c["seed"]) == (3, 4)
    for name in ("smaa_acceptability.csv", "smaa_summary.csv"):
        assert sha(smaa_runs / "a" / name) != sha(smaa_runs / "c" / name)
        assert a["outputs"][name]["sha256"] != c["outputs"][name]["sha256"]
    same = {k: v for k, v in a.items() if k not in ("seed", "outputs")}
    assert same == {k: v for k, v in c.items() if k not in ("seed", "outputs")}


# --- 4. a changed input changes the record ---------------------------------------------------


def test_changed_parameter_changes_the_data_hashes(analysed, dataset_copy, tmp_path, monkeypatch):
    params = dataset_copy / "parameters.csv"
    text = params.read_text(encoding="utf-8")
    assert "\ngrant_base_eur,175000," in text
    params.write_text(text.replace("\ngrant_base_eur,175000,", "\ngrant_base_eur,180000,"))
    monkeypatch.chdir(tmp_path)
    invoke("analyse", "--data", dataset_copy, "--out", tmp_path / "out")
    rec = check_outputs(tmp_path / "out", ANALYSE_OUTPUTS)
    embedded = record(analysed / "a")["data"]
    data = rec["data"]
    assert data["path"] == "kreis-unna"  # relative to the working directory
    assert data["files"] == dataset_digests(dataset_copy)
    assert data["files"]["parameters.csv"] == sha(params)
    assert data["files"]["parameters.csv"] != embedded["files"]["parameters.csv"]
    assert {k: v for k, v in data["files"].items() if k != "parameters.csv"} == {
        k: v for k, v in embedded["files"].items() if k != "parameters.csv"
    }
    assert data["sha256"] == combined_digest(dataset_digests(dataset_copy))
    assert data["sha256"] != embedded["sha256"]
    assert data["effective_sha256"] != embedded["effective_sha256"]
    assert rec["criteria"] == record(analysed / "a")["criteria"]


def test_dataset_outside_the_working_directory_is_shown_absolute(
    dataset_copy, tmp_path, monkeypatch
):
    from potential.datasets import load_dataset
    from potential.provenance import dataset_record

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    data = dataset_record(load_dataset(dataset_copy))
    assert data["path"] == dataset_copy.resolve().as_posix()
    assert data["files"] == dataset_digests(dataset_copy)  # an unchanged copy: same hashes
    assert data["sha256"] == combined_digest(dataset_digests(EMBEDDED))


# --- 5. scenario files -----------------------------------------------------------------------


def variant(folder: Path, grant: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "variante.yaml"
    path.write_text(
        "name: variante\n"
        "extends: heute\n"
        "overrides:\n"
        f"  - {{parameter: grant_base_eur, value: {grant}, assumption: a test value}}\n",
        encoding="utf-8",
    )
    return path


def test_scenario_records_its_extends_chain_and_effective_hash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one, two = variant(tmp_path / "a", 200_000), variant(tmp_path / "b", 250_000)
    invoke("scenario", "run", "a/variante.yaml", "--out", "out-a")
    invoke("scenario", "run", "b/variante.yaml", "--out", "out-b")
    ra = check_outputs(tmp_path / "out-a" / "variante")
    rb = check_outputs(tmp_path / "out-b" / "variante")
    assert ra["scenario"]["files"] == [
        {"path": "shipped:scenarios/heute.yaml", "sha256": sha(HEUTE_FILE)},
        {"path": "a/variante.yaml", "sha256": sha(one)},
    ]
    assert rb["scenario"]["files"][1] == {"path": "b/variante.yaml", "sha256": sha(two)}
    assert ra["scenario"]["name"] == rb["scenario"]["name"] == "variante"
    assert ra["scenario"]["effective_sha256"] != rb["scenario"]["effective_sha256"]
    # the files on disk are the same; the data as used differ
    assert ra["data"]["files"] == rb["data"]["files"] == dataset_digests(EMBEDDED)
    assert ra["data"]["path"] == "embedded:kreis-unna"
    assert ra["data"]["effective_sha256"] != rb["data"]["effective_sha256"]
    assert ra["criteria"] == rb["criteria"]
    changes = (tmp_path / "out-a" / "variante" / "changes.csv").read_text(encoding="utf-8")
    assert "grant_base_eur" in changes


def test_same_scenario_in_two_folders_has_the_same_effective_hash(tmp_path):
    """The effective hash is of the scenario as used, not of where its file sits."""
    import potential.scenarios as ps
    from potential.provenance import run_record

    one, two = variant(tmp_path / "a", 200_000), variant(tmp_path / "b", 200_000)
    prep = ps.prepare(one)
    records = [
        run_record(
            dataset=prep.dataset,
            model=prep.criteria,
            method="wsm",
            reference_date="2026-11-25",
            scenario=ps.load(p),
        )
        for p in (one, two)
    ]
    assert records[0]["scenario"]["effective_sha256"] == records[1]["scenario"]["effective_sha256"]
    assert records[0]["scenario"]["files"][1]["sha256"] == sha(one) == sha(two)


def test_effective_hash_does_not_depend_on_where_the_project_sits(tmp_path):
    import potential.scenarios as ps
    from potential.provenance import run_record

    hashes = []
    for name in ("here", "there"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "kriterien.yaml").write_bytes(CRITERIA_FILE.read_bytes())
        path = folder / "mine.yaml"
        path.write_text("name: mine\nextends: heute\ncriteria: kriterien.yaml\n", "utf-8")
        prep = ps.prepare(path)
        rec = run_record(
            dataset=prep.dataset,
            model=prep.criteria,
            method="wsm",
            reference_date="2026-11-25",
            scenario=prep.scenario,
            criteria=prep.scenario.criteria,
        )
        assert rec["criteria"]["file"]["sha256"] == sha(CRITERIA_FILE)
        hashes.append(rec["scenario"]["effective_sha256"])
    assert hashes[0] == hashes[1]


def test_analyse_with_a_scenario_and_a_changed_method_records_both(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one = variant(tmp_path / "a", 200_000)
    invoke("analyse", "--scenario", "a/variante.yaml", "--method", "topsis", "--out", "out")
    rec = check_outputs(tmp_path / "out")
    assert "changes.csv" in rec["outputs"]
    assert rec["method"] == "topsis"
    assert rec["scenario"]["files"] == [
        {"path": "shipped:scenarios/heute.yaml", "sha256": sha(HEUTE_FILE)},
        {"path": "a/variante.yaml", "sha256": sha(one)},
    ]


def test_compare_methods_writes_provenance(tmp_path):
    invoke("compare-methods", "--methods", "wsm,topsis", "--out", tmp_path)
    rec = check_outputs(tmp_path, {"methods_ranks.csv", "methods_agreement.csv"})
    assert rec["method"] == "wsm,topsis"
    assert rec["settings"] == {"methods": ["wsm", "topsis"], "rank_reversal": False}
    assert rec["seed"] is None
    assert rec["reference_date"] == "2026-11-25"
    assert rec["data"]["path"] == "embedded:kreis-unna"
    assert rec["data"]["files"] == dataset_digests(EMBEDDED)
    assert rec["criteria"]["file"]["sha256"] == sha(CRITERIA_FILE)


# --- 6. comparison ---------------------------------------------------------------------------


def test_scenario_compare_records_every_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = HEUTE_FILE.read_text(encoding="utf-8")
    assert "\nname: heute\n" in text
    heute2 = tmp_path / "heute2.yaml"
    heute2.write_text(text.replace("\nname: heute\n", "\nname: heute2\n"), encoding="utf-8")
    invoke("scenario", "compare", "heute", "heute2.yaml", "--out", "C")
    rec = check_outputs(tmp_path / "C")
    assert "comparison.xlsx" in rec["outputs"]
    assert rec["comparison"]["scenarios"] == ["heute", "heute2"]
    runs = rec["runs"]
    assert [r["scenario"]["name"] for r in runs] == ["heute", "heute2"]
    assert runs[0]["scenario"]["files"] == [
        {"path": "shipped:scenarios/heute.yaml", "sha256": sha(HEUTE_FILE)}
    ]
    assert runs[1]["scenario"]["files"] == [{"path": "heute2.yaml", "sha256": sha(heute2)}]
    for r in runs:
        assert r["data"]["files"] == dataset_digests(EMBEDDED)
        assert r["criteria"]["file"]["sha256"] == sha(CRITERIA_FILE)
        assert (r["method"], r["reference_date"]) == ("wsm", "2026-11-25")
        assert "outputs" not in r
    name, rows = last_sheet(tmp_path / "C" / "comparison.xlsx")
    assert name == "Metadaten"
    table = dict(rows[1:])
    assert table["runs[2].scenario.files[1].sha256"] == sha(heute2)


# --- 7. nothing is written from bad input ----------------------------------------------------


def typo_scenario(tmp_path: Path) -> Path:
    path = tmp_path / "typo.yaml"
    path.write_text("name: typo\nextends: heute\nmethdo: topsis\n", encoding="utf-8")
    return path


def test_scenario_with_a_typo_key_writes_nothing(tmp_path):
    bad = typo_scenario(tmp_path)
    out = tmp_path / "out"
    result = invoke("scenario", "run", bad, "--out", out, ok=False)
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message
    assert str(bad) in message and "methdo" in message
    assert not out.exists()


def test_failed_run_leaves_an_existing_out_folder_untouched(tmp_path):
    bad = typo_scenario(tmp_path)
    out = tmp_path / "out"
    (out / "typo").mkdir(parents=True)
    (out / "typo" / "ranking.csv").write_text("old ranking\n", encoding="utf-8")
    (out / "typo" / "provenance.json").write_text('{"old": true}\n', encoding="utf-8")
    before = folder_bytes(out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    result = invoke("scenario", "run", bad, "--out", out, ok=False)
    assert result.exit_code == 2
    assert folder_bytes(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamps


def test_bad_dataset_leaves_an_existing_out_folder_untouched(dataset_copy, tmp_path):
    params = dataset_copy / "parameters.csv"
    text = params.read_text(encoding="utf-8")
    params.write_text(text.replace("\ngrant_base_eur,175000,", "\ngrant_base_eur,lots,"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "provenance.json").write_text('{"old": true}\n', encoding="utf-8")
    (out / "ranking.csv").write_text("old ranking\n", encoding="utf-8")
    before = folder_bytes(out)
    result = invoke("analyse", "--data", dataset_copy, "--out", out, ok=False)
    assert result.exit_code == 2
    assert "parameters.csv" in result.stderr
    assert folder_bytes(out) == before


def test_second_scenario_failing_after_the_first_ran_writes_nothing(tmp_path):
    """``scenario run heute BAD``: heute runs, BAD fails in its overrides; no folder at all."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: bad\nextends: heute\noverrides:\n"
        "  - {parameter: no_such_parameter, value: 1, assumption: a test value}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = invoke("scenario", "run", "heute", bad, "--out", out, ok=False)
    assert result.exit_code == 2
    assert "no_such_parameter" in result.stderr
    assert not out.exists()


# --- 8. write_outputs with a provenance record -----------------------------------------------


def test_write_outputs_refuses_an_output_named_provenance_json(tmp_path):
    from potential.files import write_outputs

    out = tmp_path / "out"
    with pytest.raises(ValueError, match="provenance.json"):
        write_outputs(
            out,
            {"provenance.json": lambda p: p.write_text("{}")},
            provenance={"format": "x"},
        )
    assert not out.exists()


def test_write_outputs_without_provenance_writes_no_sidecar(tmp_path):
    from potential.files import write_outputs

    written = write_outputs(tmp_path, {"a.txt": lambda p: p.write_text("a\n")})
    assert [p.name for p in written] == ["a.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_write_outputs_records_exactly_the_files_of_its_call(tmp_path):
    from potential.files import write_outputs

    (tmp_path / "older.csv").write_text("from another run\n", encoding="utf-8")
    written = write_outputs(
        tmp_path,
        {"a.csv": lambda p: p.write_bytes(b"x,y\n1,2\n"), "b.txt": lambda p: p.write_bytes(b"")},
        provenance={"format": "test", "seed": 7},
    )
    assert [p.name for p in written] == ["a.csv", "b.txt", "provenance.json"]
    rec = record(tmp_path)
    assert rec["format"] == "test" and rec["seed"] == 7
    assert rec["outputs"] == {
        "a.csv": {"sha256": hashlib.sha256(b"x,y\n1,2\n").hexdigest(), "bytes": 8},
        "b.txt": {"sha256": hashlib.sha256(b"").hexdigest(), "bytes": 0},
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.csv",
        "b.txt",
        "older.csv",
        "provenance.json",
    ]


def test_failing_writer_leaves_no_provenance_behind(tmp_path):
    from potential.files import write_outputs

    def broken(path):
        path.write_text("half")
        raise RuntimeError("disk full")

    out = tmp_path / "new"
    with pytest.raises(RuntimeError, match="disk full"):
        write_outputs(
            out,
            {"a.csv": lambda p: p.write_text("a\n"), "b.csv": broken},
            provenance={"format": "test"},
        )
    assert not out.exists()  # a fresh folder appears only complete: no output, no sidecar
    assert [p.name for p in tmp_path.iterdir()] == []  # and no staging folder is left

    old = tmp_path / "old"
    old.mkdir()
    (old / "a.csv").write_text("old a\n", encoding="utf-8")
    listed = {"a.csv": {"sha256": sha(old / "a.csv"), "bytes": 6}}
    sidecar = {"format": "test", "outputs": listed}
    (old / "provenance.json").write_text(json.dumps(sidecar), encoding="utf-8")
    before = folder_bytes(old)
    with pytest.raises(RuntimeError, match="disk full"):
        write_outputs(
            old,
            {"a.csv": lambda p: p.write_text("a\n"), "b.csv": broken},
            provenance={"format": "test"},
        )
    assert folder_bytes(old) == before
    assert sorted(p.name for p in old.iterdir()) == ["a.csv", "provenance.json"]


def test_failing_sidecar_leaves_no_output_behind(tmp_path):
    """A record that cannot be written as JSON fails the whole call."""
    from potential.files import write_outputs

    out = tmp_path / "out"
    with pytest.raises(TypeError):
        write_outputs(out, {"a.csv": lambda p: p.write_text("a\n")}, provenance={"x": object()})
    assert not out.exists() and list(tmp_path.iterdir()) == []
