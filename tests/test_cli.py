"""The command line (``potential.cli.main``) through click's CliRunner: output and exit codes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential.cli import main

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = [
    "cashflows.csv", "contributions.csv", "excluded.csv", "joint.csv", "provenance.json",
    "ranking.csv", "ranking.xlsx",
]  # fmt: skip


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def body_blocks(output: str) -> dict[str, list[str]]:
    """Body name → the option lines printed under it (``  1. ...``)."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in output.splitlines():
        if not line.strip():
            current = None
        elif current is None and not line.startswith(" "):
            current = line
            blocks[current] = []
        elif current is not None and line.startswith("  "):
            blocks[current].append(line)
    return blocks


# --- help and version ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ([], "Aufruf: main [OPTIONEN] BEFEHL [ARGUMENTE]..."),
        (["analyse"], "Aufruf: main analyse [OPTIONEN]"),
        (["validate"], "Aufruf: main validate [OPTIONEN] PFAD..."),
        (["data"], "Aufruf: main data [OPTIONEN] BEFEHL"),
        (["data", "show"], "Aufruf: main data show [OPTIONEN]"),
        (["data", "sources"], "Aufruf: main data sources [OPTIONEN]"),
    ],
    ids=["main", "analyse", "validate", "data", "data-show", "data-sources"],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_of_every_command(command, usage, flag):
    result = invoke(*command, flag)
    assert result.exit_code == 0, result.output
    assert usage in result.output
    assert "Optionen:" in result.output


def test_group_help_lists_the_commands():
    result = invoke("--help")
    for name in ("analyse", "validate", "data"):
        assert name in result.output
    sub = invoke("data", "--help")
    assert "show" in sub.output and "sources" in sub.output


def test_analyse_help_names_its_options():
    result = invoke("analyse", "--help")
    for option in ("--data", "--criteria", "--method", "--reference-date", "--out", "--lang"):
        assert option in result.output


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.output.strip() == f"potential, Version {version('potential')}"
    english = invoke(flag, "--lang", "en")
    assert english.output.strip() == f"potential, version {version('potential')}"


def test_unknown_command_is_a_usage_error():
    result = invoke("analyze")
    assert result.exit_code == 2
    assert "Fehler: Unbekannter Befehl 'analyze'." in result.output


# --- analyse ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analyse_run(tmp_path_factory):
    """One ``analyse --out DIR`` run with the defaults."""
    out = tmp_path_factory.mktemp("cli") / "out"
    return invoke("analyse", "--out", out), out


def test_analyse_writes_the_four_tables(analyse_run):
    result, out = analyse_run
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == OUTPUTS
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0
        assert f"geschrieben: {out / name}" in result.output


def test_analyse_prints_every_body_and_its_top_options(analyse_run, dataset):
    result, _ = analyse_run
    assert result.output.startswith("Stichtag ")
    assert "Methode wsm" in result.output
    assert "Kriterienmodell ikz-egov-nrw" in result.output
    blocks = body_blocks(result.output)
    for body in dataset.bodies:
        assert body.name in blocks, body.name
        lines = blocks[body.name]
        assert [line.split(".")[0].strip() for line in lines] == ["1", "2", "3"], lines
        assert lines[0].startswith("  1. ")
        assert "gegenüber dem Alleingang:" in lines[0] or "[Punkte " in lines[0]


def _de(value: float, digits: int) -> str:
    """German number format: 1.234,5 (thousands with points, decimals with a comma)."""
    text = f"{round(value, digits) + 0.0:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def test_analyse_prints_the_top_option_of_the_ranking(analyse_run, default_analysis):
    """The line "1." of every body is the option ranked first, with its NPV and score."""
    from potential import labels

    assert _de(610980.6, 0) == "610.981" and _de(0.7384, 3) == "0,738"
    result, _ = analyse_run
    blocks = body_blocks(result.output)
    ranking = default_analysis.ranking
    for body in default_analysis.dataset.bodies:
        best = ranking[(ranking["body"] == body.id) & (ranking["rank"] == 1)].iloc[0]
        label = labels.option_label(default_analysis.dataset, best, "de")
        if best["option"] == "alleingang":
            assert blocks[body.name][0] == f"  1. {label}  [Punkte {_de(best['score'], 3)}]"
            continue
        assert blocks[body.name][0].startswith(
            f"  1. {label}  [Kapitalwert {_de(best['npv'], 0)} €; "
            f"Punkte {_de(best['score'], 3)}; gegenüber dem Alleingang: "
        )
        # the two criteria named are those whose contributions differ most from going alone
        c = default_analysis.contributions
        c = c[c["body"] == body.id].pivot(
            index="criterion", columns="option", values="contribution"
        )
        diff = c[best["option"]] - c["alleingang"]
        first, second = diff.abs().sort_values(ascending=False, kind="stable").index[:2]
        names = [
            labels.column(k, "de", default_analysis.criteria).split(" (")[0]
            for k in (first, second)
        ]
        signs = ["+" if diff[k] >= 0 else "−" for k in (first, second)]
        assert blocks[body.name][0].endswith(
            f"{names[0]} ({signs[0]}{_de(abs(diff[first]), 3)}) und "
            f"{names[1]} ({signs[1]}{_de(abs(diff[second]), 3)})]"
        ), blocks[body.name][0]


def test_analyse_in_english(tmp_path, dataset):
    result = invoke("analyse", "--out", tmp_path / "out", "--lang", "en", "--top", "1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Reference date ")
    assert "criteria model ikz-egov-nrw" in result.output
    assert "Stichtag" not in result.output
    assert "against going alone:" in result.output and "Alleingang" not in result.output
    assert f"written: {tmp_path / 'out' / 'ranking.xlsx'}" in result.output
    blocks = body_blocks(result.output)
    assert {b.name for b in dataset.bodies} <= set(blocks)
    assert all(blocks[b.name] for b in dataset.bodies)


def test_analyse_top_1_prints_one_option_per_body(tmp_path, dataset):
    result = invoke("analyse", "--out", tmp_path / "out", "--top", "1")
    assert result.exit_code == 0, result.output
    blocks = body_blocks(result.output)
    for body in dataset.bodies:
        assert len(blocks[body.name]) == 1
        assert blocks[body.name][0].startswith("  1. ")
    assert "  2. " not in result.output


def test_analyse_with_topsis(tmp_path, dataset):
    result = invoke("analyse", "--out", tmp_path / "out", "--method", "topsis", "--top", "2")
    assert result.exit_code == 0, result.output
    assert "Methode topsis" in result.output
    blocks = body_blocks(result.output)
    for body in dataset.bodies:
        assert blocks[body.name][0].startswith("  1. ")
    assert (tmp_path / "out" / "ranking.csv").is_file()


def test_analyse_reference_date_is_printed(tmp_path):
    result = invoke("analyse", "--out", tmp_path / "out", "--reference-date", "2027-06-30")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Stichtag 30.06.2027")


@pytest.mark.parametrize(
    "args",
    [["--top", "0"], ["--lang", "fr"]],
    ids=["top-0", "lang"],
)
def test_analyse_rejects_bad_options(tmp_path, args):
    result = invoke("analyse", "--out", tmp_path / "out", *args)
    assert result.exit_code == 2
    assert "Fehler: Ungültiger Wert für" in result.output
    assert not (tmp_path / "out").exists()


def test_analyse_rejects_an_unknown_method_in_one_line(tmp_path):
    result = invoke("analyse", "--out", tmp_path / "out", "--method", "ahp", "--lang", "en")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: unknown method 'ahp'; expected one of "
        "wsm, wpm, waspas, topsis, vikor, promethee2, electre1"
    ]
    assert not (tmp_path / "out").exists()


# --- validate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (ROOT / "scenarios" / "heute.yaml", "Szenario"),
        (ROOT / "criteria" / "ikz-egov-nrw.yaml", "Kriterienmodell"),
        (ROOT / "potential" / "data" / "kreis-unna", "Datensatz"),
        (ROOT / "potential" / "data" / "kreis-unna" / "dataset.yaml", "Datensatz"),
    ],
    ids=["scenario", "criteria", "dataset-folder", "dataset-yaml"],
)
def test_validate_shipped_files(path, kind):
    result = invoke("validate", path)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"OK     {path} ({kind})"


def test_validate_several_paths():
    paths = [ROOT / "scenarios" / "heute.yaml", ROOT / "criteria" / "ikz-egov-nrw.yaml"]
    result = invoke("validate", *paths)
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == 2


def test_validate_in_english(tmp_path):
    good = ROOT / "criteria" / "ikz-egov-nrw.yaml"
    bad = tmp_path / "broken.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("weight: 0.35", "weight: -1"))
    result = invoke("validate", good, bad, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.strip() == f"OK     {good} (criteria model)"
    assert result.stderr.startswith(f"ERROR  {bad}: ")


def test_validate_broken_file_exits_2(tmp_path):
    good = ROOT / "criteria" / "ikz-egov-nrw.yaml"
    bad = tmp_path / "broken.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("weight: 0.35", "weight: -1"))
    result = invoke("validate", good, bad)
    assert result.exit_code == 2
    assert f"OK     {good} (Kriterienmodell)" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"FEHLER {bad}: ")
    assert "-1" in errors[0]


def test_validate_broken_dataset_exits_2(dataset_copy):
    (dataset_copy / "sources.csv").unlink()
    result = invoke("validate", dataset_copy)
    assert result.exit_code == 2
    assert "FEHLER" in result.output and "sources.csv" in result.output


def test_validate_missing_path_exits_2(tmp_path):
    result = invoke("validate", tmp_path / "nothing.yaml")
    assert result.exit_code == 2
    assert "nothing.yaml" in result.output


def test_validate_impossible_date_exits_2(tmp_path):
    bad = tmp_path / "szenario.yaml"
    bad.write_text("name: test\nreference_date: 2026-02-30\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    assert result.output.startswith(f"FEHLER {bad}: ")


def test_validate_needs_a_path():
    result = invoke("validate")
    assert result.exit_code == 2
    assert "Fehler: Fehlendes Argument 'PFAD...'." in result.output


# --- data show / data sources -------------------------------------------------------------


def test_data_show_bodies(dataset):
    result = invoke("data", "show", "--table", "bodies")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(dataset.bodies) == 11
    assert len(lines) == 1 + 11  # header and one line per body
    assert lines[0].split()[:3] == ["id", "ags", "name"]
    for body in dataset.bodies:
        assert any(line.split()[0] == body.id and body.name in line for line in lines[1:])
    assert "87266" in result.output


@pytest.mark.parametrize(
    "table", ["fields", "legal_forms", "obligations", "cooperations", "parameters"]
)
def test_data_show_other_tables(table, dataset):
    result = invoke("data", "show", "--table", table)
    assert result.exit_code == 0, result.output
    for item in getattr(dataset, table):
        assert (item.parameter if table == "parameters" else item.id) in result.output


def test_data_show_own_dataset(dataset_copy):
    result = invoke("data", "show", "--data", dataset_copy)
    assert result.exit_code == 0
    assert "Lünen" in result.output


def test_data_sources_prints_every_entry_and_a_count(dataset):
    from potential.criteria import load_criteria
    from potential.provenance import sources_table

    table = sources_table(dataset, load_criteria("ikz-egov-nrw"))
    result = invoke("data", "sources")
    assert result.exit_code == 0, result.output
    lines = result.output.rstrip("\n").splitlines()
    entries = [line for line in lines if line and not line.startswith(" ") and " = " in line]
    assert len(entries) == len(table)
    assert "bodies.csv:luenen:population = 87266 Einwohner am 2023-12-31" in result.output
    assert "parameters.csv::leaving_share_10y = 0.297 share of staff" in result.output
    counts = dict(reversed(part.split(" ", 1)) for part in lines[-1].split(", "))
    assert set(counts) <= {"source", "assumption", "reported"}
    assert sum(int(n) for n in counts.values()) == len(table)
    assert int(counts["source"]) > 0 and int(counts["assumption"]) > 0


def test_data_sources_to_csv(tmp_path, dataset):
    import pandas as pd

    out = tmp_path / "sources.csv"
    result = invoke("data", "sources", "--out", out)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert result.output.strip() == f"{len(table)} Werte mit Herkunft geschrieben: {out}"
    assert set(table["status"]) <= {"source", "assumption"}


def test_every_number_has_a_source_or_an_assumption(dataset):
    from potential.criteria import load_criteria
    from potential.provenance import sources_table

    table = sources_table(dataset, load_criteria("ikz-egov-nrw"))
    assert len(table) > 0
    assert set(table["status"]) <= {"source", "assumption"}
    assert table["reference"].fillna("").str.strip().ne("").all()
    # a number marked "source" names known source ids (criteria weights cite in 'reference')
    cited = table[(table["status"] == "source") & ~table["table"].str.startswith("criteria:")]
    assert len(cited) > 0
    known = {s.id for s in dataset.sources}
    for ids in cited["source"]:
        assert ids and set(ids.split(";")) <= known, ids


def test_sources_table_lists_luenen_population_and_dbb_share(dataset):
    from potential.provenance import sources_table

    table = sources_table(dataset)
    luenen = table[(table["item"] == "luenen") & (table["parameter"] == "population")]
    assert len(luenen) == 1
    row = luenen.iloc[0]
    assert row["value"] == 87266
    assert row["status"] == "source"
    assert row["source"] == "gv-isys-2023"
    assert "GV-ISys" in row["reference"] and "http" in row["reference"]

    dbb = table[table["parameter"] == "leaving_share_10y"]
    assert len(dbb) == 1
    row = dbb.iloc[0]
    assert row["value"] == pytest.approx(0.297)
    assert row["status"] == "source"
    assert row["source"] == "dbb-2022"
    assert "dbb" in row["reference"] and "http" in row["reference"]


# --- light import -------------------------------------------------------------------------


def test_importing_the_cli_is_light(tmp_path):
    code = "import potential.cli, sys; print('pandas' in sys.modules, 'skcriteria' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=True,
    )
    assert proc.stdout.strip() == "False False"


def test_help_is_light(tmp_path):
    code = (
        "import sys\n"
        "from potential.cli import main\n"
        "try:\n"
        "    main(['analyse', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pandas' in sys.modules, 'skcriteria' in sys.modules, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.stderr.strip().splitlines()[-1] == "False False"
