"""Bad input through the command line: one clear line, exit code 2, nothing written or touched.

Every case breaks a copy of the embedded dataset (or of the shipped criteria model) in
``tmp_path`` and runs ``potential analyse`` on it with click's CliRunner. The run must end
with exit code 2 and a single line ``Error: <file>, line N: ...`` naming the bad value, no
traceback, no output file (an existing ``ranking.csv`` keeps its old content) and every input
file byte-identical.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from csv_edits import append_row, edit_row, replace_once

from potential.cli import main

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ikz-egov-nrw.yaml"
OLD = "OLD\n"


# --- helpers ------------------------------------------------------------------------------


def hashes(*paths: Path) -> dict[str, str]:
    """SHA-256 of every file under the given files and folders."""
    out = {}
    for path in paths:
        files = (
            sorted(p for p in Path(path).rglob("*") if p.is_file()) if path.is_dir() else [path]
        )
        for f in files:
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def criteria_copy(tmp_path: Path, old: str | None = None, new: str = "") -> Path:
    """A copy of the shipped criteria model, with ``old`` replaced once by ``new``."""
    path = tmp_path / "mein-modell.yaml"
    path.write_text(CRITERIA.read_text(encoding="utf-8"), encoding="utf-8")
    if old is not None:
        replace_once(path, old, new)
    return path


def run_analyse(args, out: Path):
    return CliRunner().invoke(main, ["analyse", *[str(a) for a in args], "--out", str(out)])


def assert_clean_failure(tmp_path: Path, args, inputs) -> str:
    """Run ``analyse`` twice (fresh and existing out folder); check a clean failure.

    Returns the error line.
    """
    inputs = [Path(p) for p in inputs if Path(p).exists()]
    before = hashes(*inputs)

    # 1. the output folder does not exist yet: it must not appear (or stay empty)
    fresh = tmp_path / "fresh-out"
    result = run_analyse(args, fresh)
    _check_result(result)
    assert not fresh.exists() or not any(fresh.iterdir()), "partial output left behind"

    # 2. an output folder with an earlier result: it must stay as it was
    old = tmp_path / "old-out"
    old.mkdir()
    (old / "ranking.csv").write_text(OLD)
    result2 = run_analyse(args, old)
    _check_result(result2)
    assert [p.name for p in old.iterdir()] == ["ranking.csv"], "partial output left behind"
    assert (old / "ranking.csv").read_text() == OLD

    assert hashes(*inputs) == before, "an input file was touched"
    assert result2.output == result.output.replace(str(fresh), str(old))
    return result.output.strip()


def _check_result(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got:\n{result.output}"
    assert lines[0].startswith("Fehler: ")  # German by default
    assert result.stdout == "", "the error belongs on stderr"


# --- missing files ------------------------------------------------------------------------


def test_missing_data_folder(tmp_path):
    missing = tmp_path / "nirgendwo"
    line = assert_clean_failure(tmp_path, ["--data", missing], [])
    assert str(missing) in line
    assert "Datensatz-Ordner nicht gefunden" in line


def test_folder_without_dataset_yaml(dataset_copy, tmp_path):
    (dataset_copy / "dataset.yaml").unlink()
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == f"Fehler: {dataset_copy}: dataset.yaml fehlt; erwartet: ein Datensatz-Ordner"


def test_missing_bodies_csv(dataset_copy, tmp_path):
    (dataset_copy / "bodies.csv").unlink()
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == f"Fehler: {dataset_copy / 'bodies.csv'}: Datei nicht gefunden"


def test_missing_criteria_file(tmp_path):
    missing = tmp_path / "fehlt.yaml"
    line = assert_clean_failure(tmp_path, ["--criteria", missing], [])
    assert line == f"Fehler: {missing}: Datei nicht gefunden"


def test_missing_scenario_file(tmp_path):
    missing = tmp_path / "fehlt.yaml"
    line = assert_clean_failure(tmp_path, ["--scenario", missing], [])
    assert line.startswith(
        f"Fehler: {missing}: Datei nicht gefunden; erwartet: eine Szenario-Datei"
    )


# --- malformed files ----------------------------------------------------------------------


def test_csv_row_with_an_extra_unquoted_comma(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = replace_once(path, ",Lünen,", ",Lü,nen,")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile {n}: ")
    assert "Felder, die Kopfzeile hat aber" in line


def to_german_excel(path: Path) -> None:
    """Rewrite a CSV file as a German Excel saves it: ``;`` separator, decimal comma."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for row in rows:
            writer.writerow([re.sub(r"^(\d+)\.(\d+)$", r"\1,\2", c) for c in row])


def test_german_excel_csv_with_non_numeric_population(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population": "viele"})
    to_german_excel(path)
    assert ";viele;" in path.read_text(encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == (
        f"Fehler: {path}, Zeile {n}: Spalte 'population': 'viele' gefunden; erwartet: eine "
        "ganze Zahl"
    )


def test_german_excel_csv_with_an_extra_semicolon(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    to_german_excel(path)
    n = replace_once(path, ";Lünen;", ";Lü;nen;")
    header = path.read_text(encoding="utf-8").splitlines()[0].count(";") + 1
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    expected = f"{header + 1} Felder, die Kopfzeile hat aber {header}"
    assert line.startswith(f"Fehler: {path}, Zeile {n}: {expected}")


def test_german_excel_csv_extra_semicolon_hint(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    to_german_excel(path)
    replace_once(path, ";Lünen;", ";Lü;nen;")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert "Komma" not in line
    assert "ein Semikolon in einem Wert" in line


def test_csv_missing_column(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    replace_once(path, ",population,", ",populaton,")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile 1: Spalte(n) populat")
    assert "population" in line


def test_csv_not_utf8(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}: kein UTF-8-Text")
    assert "UTF-8" in line


def test_dataset_yaml_bad_indentation(dataset_copy, tmp_path):
    path = dataset_copy / "dataset.yaml"
    n = replace_once(path, "\n  de: ", "\n de: ") + 1  # the line now indented by one
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert re.match(
        rf"Fehler: {re.escape(str(path))}, Zeile \d+, Spalte \d+: fehlerhaftes YAML", line
    )
    reported = int(re.search(r"Zeile (\d+)", line).group(1))
    assert n <= reported <= n + 1


def test_dataset_yaml_unclosed_bracket(dataset_copy, tmp_path):
    path = dataset_copy / "dataset.yaml"
    text = path.read_text(encoding="utf-8")
    assert "partner_sets: [" in text
    path.write_text(text.replace("partner_sets: [", "partner_sets: [[", 1), encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert re.match(
        rf"Fehler: {re.escape(str(path))}, Zeile \d+, Spalte \d+: fehlerhaftes YAML", line
    )


def test_criteria_yaml_bad_indentation(tmp_path):
    path = criteria_copy(tmp_path, "    weight: 0.25\n", "      weight: 0.25\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert re.match(
        rf"Fehler: {re.escape(str(path))}, Zeile \d+, Spalte \d+: fehlerhaftes YAML", line
    )


def test_criteria_yaml_unclosed_bracket(tmp_path):
    old = "label: {de: Personal, en: Staffing}"
    path = criteria_copy(tmp_path, old, old[:-1])
    n = CRITERIA.read_text(encoding="utf-8").splitlines().index(f"    {old}") + 1
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert re.match(
        rf"Fehler: {re.escape(str(path))}, Zeile \d+, Spalte \d+: fehlerhaftes YAML", line
    )
    reported = int(re.search(r"Zeile (\d+)", line).group(1))
    assert n <= reported <= n + 2


def test_empty_criteria_yaml(tmp_path):
    path = tmp_path / "leer.yaml"
    path.write_text("# nothing here\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line == f"Fehler: {path}: leere Datei; erwartet: eine YAML-Zuordnung (Schlüssel: Wert)"


# --- criteria model -----------------------------------------------------------------------


def test_unknown_indicator(tmp_path):
    path = criteria_copy(tmp_path, "indicator: resilience", "indicator: resilienz")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(f"Fehler: {path}: Schlüssel 'groups[2].criteria[2]")
    assert "criteria[2].indicator': 'resilienz' gefunden; erwartet: " in line
    assert "resilience" in line  # the expected values are listed


def test_unknown_key_typo(tmp_path):
    path = criteria_copy(tmp_path, "\ndescription: >", "\ndescripton: >")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line == f"Fehler: {path}: unbekannter Schlüssel 'descripton' (ein Tippfehler?)"


def test_unknown_key_typo_in_a_criterion(tmp_path):
    path = criteria_copy(
        tmp_path, "        unit: VZÄ\n", "        unit: VZÄ\n        richtung: max\n"
    )
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(f"Fehler: {path}: ")
    assert "unbekannter Schlüssel 'groups[2].criteria[1].richtung'" in line


def test_unknown_key_typo_of_a_required_key(tmp_path):
    path = criteria_copy(tmp_path, "    weight: 0.25\n", "    wieght: 0.25\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(
        f"Fehler: {path}: unbekannter Schlüssel 'groups[2].wieght' (meinten Sie 'weight'?)"
    )


def test_negative_weight(tmp_path):
    path = criteria_copy(tmp_path, "    weight: 0.25\n", "    weight: -0.25\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line == (
        f"Fehler: {path}: Schlüssel 'groups[2].weight': -0.25 gefunden; erwartet: eine Zahl "
        "größer oder gleich 0"
    )


def test_negative_criterion_weight(tmp_path):
    path = criteria_copy(tmp_path, "        weight: 1.0\n", "        weight: -1\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(
        f"Fehler: {path}: Schlüssel 'groups[4].criteria[1].weight': -1 gefunden; erwartet: "
    )


def test_all_weights_zero(tmp_path):
    path = criteria_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"(\n\s+weight:) [0-9.]+", r"\1 0", text)
    assert n >= 8
    path.write_text(text, encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(f"Fehler: {path}: ")
    assert "alle Gruppengewichte sind null" in line


def test_all_criterion_weights_of_a_group_zero(tmp_path):
    path = criteria_copy(tmp_path, "        weight: 1.0\n", "        weight: 0\n")
    line = assert_clean_failure(tmp_path, ["--criteria", path], [path])
    assert line.startswith(f"Fehler: {path}: ")
    assert "Gruppe 'egov_pflichten' hat Gewicht" in line and "wiegen null" in line


def test_unknown_criteria_name(tmp_path):
    line = assert_clean_failure(tmp_path, ["--criteria", "ikz-egov-nrv"], [])
    assert "'ikz-egov-nrv'" in line and "ikz-egov-nrw" in line


# --- bodies -------------------------------------------------------------------------------


def test_negative_population(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population": "-87266"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == (
        f"Fehler: {path}, Zeile {n}: Spalte 'population': '-87266' gefunden; erwartet: eine "
        "Zahl größer als 0"
    )


def test_non_numeric_population(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population": "viele"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == (
        f"Fehler: {path}, Zeile {n}: Spalte 'population': 'viele' gefunden; erwartet: eine "
        "ganze Zahl"
    )


def test_bad_population_date(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population_date": "2023-02-30"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile {n}: Spalte 'population_date': '2023-02-30'")


def test_unknown_neighbour(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"neighbours": "selm;werne;dortmund"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'neighbours': Körperschaft 'dortmund' unbekannt"
    )


def test_unknown_body_in_cooperations(dataset_copy, tmp_path):
    path = dataset_copy / "cooperations.csv"
    n = edit_row(path, {"id": "vhs_kamen_boenen"}, {"members": "kamen;boenen;dortmund"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'members': Körperschaft 'dortmund' unbekannt"
    )


def test_unknown_body_in_body_fields(dataset_copy, tmp_path):
    path = dataset_copy / "body_fields.csv"
    n = append_row(path, "dortmund,it,100000,1,,Umfrage 2025")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'body': Körperschaft 'dortmund' unbekannt"
    )


def test_unknown_body_in_fulfilment(dataset_copy, tmp_path):
    path = dataset_copy / "fulfilment.csv"
    n = append_row(path, "dortmund,ozg,0.5,Umfrage 2025")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'body': Körperschaft 'dortmund' unbekannt"
    )


# --- fields, legal forms, sources ---------------------------------------------------------


def test_unknown_field_in_body_fields(dataset_copy, tmp_path):
    path = dataset_copy / "body_fields.csv"
    n = append_row(path, "kamen,schwimmbad,100000,1,,Umfrage 2025")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'field': Handlungsfeld 'schwimmbad' unbekannt"
    )


def test_unknown_field_in_cooperations(dataset_copy, tmp_path):
    path = dataset_copy / "cooperations.csv"
    n = edit_row(path, {"id": "rpa_schwerte"}, {"field": "schwimmbad"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'field': Handlungsfeld 'schwimmbad' unbekannt"
    )


def test_unknown_legal_form_in_fields(dataset_copy, tmp_path):
    path = dataset_copy / "fields.csv"
    n = edit_row(path, {"id": "epayment"}, {"legal_forms": "arbeitsgemeinschaft;anstalt"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'legal_forms': Rechtsform 'anstalt' unbekannt"
    )


def test_number_without_source_or_assumption(dataset_copy, tmp_path):
    path = dataset_copy / "field_parameters.csv"
    n = edit_row(
        path,
        {"field": "shared_services", "parameter": "cost_per_capita"},
        {"source": "", "assumption": ""},
    )
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile {n}: ")
    assert "'source'" in line and "'assumption'" in line


def test_number_with_both_source_and_assumption(dataset_copy, tmp_path):
    path = dataset_copy / "parameters.csv"
    n = edit_row(path, {"parameter": "leaving_share_10y"}, {"assumption": "geschätzt"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile {n}: ")
    assert "erwartet: genau eines von 'source'" in line


def test_non_numeric_parameter_value(dataset_copy, tmp_path):
    path = dataset_copy / "parameters.csv"
    n = edit_row(path, {"parameter": "leaving_share_10y"}, {"value": "ein Drittel"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line == (
        f"Fehler: {path}, Zeile {n}: Spalte 'value': erwartet: eine Zahl oder ein Datum "
        "(TT.MM.JJJJ oder JJJJ-MM-TT), gefunden: 'ein Drittel'"
    )


def test_unknown_source_id(dataset_copy, tmp_path):
    path = dataset_copy / "parameters.csv"
    n = edit_row(path, {"parameter": "leaving_share_10y"}, {"source": "dbb-2099"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'source': Quelle 'dbb-2099' unbekannt"
    )


def test_unknown_population_source(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population_source": "wiki-lunen"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(
        f"Fehler: {path}, Zeile {n}: Spalte 'population_source': Quelle 'wiki-lunen' unbekannt"
    )


def test_duplicate_body_id(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "werne"}, {"id": "unna"})
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}, Zeile {n}: Kennung 'unna' kommt zweimal vor")


# --- dates --------------------------------------------------------------------------------


def test_bad_reference_date_option(tmp_path):
    line = assert_clean_failure(tmp_path, ["--reference-date", "2026-02-30"], [])
    assert "--reference-date: '2026-02-30': diesen Tag gibt es nicht" in line


def test_reference_date_not_a_date(tmp_path):
    line = assert_clean_failure(tmp_path, ["--reference-date", "morgen"], [])
    assert "--reference-date: 'morgen' ist kein Datum" in line


def test_bad_reference_date_in_dataset_yaml(dataset_copy, tmp_path):
    path = dataset_copy / "dataset.yaml"
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^reference_date: .*$", "reference_date: 2026-02-30", text)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--data", dataset_copy], [dataset_copy])
    assert line.startswith(f"Fehler: {path}: Schlüssel 'reference_date': ")
    assert "2026-02-30" in line


def test_bad_reference_date_in_scenario(tmp_path):
    path = tmp_path / "szenario.yaml"
    path.write_text("name: test\nreference_date: 2026-02-30\n", encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--scenario", path], [path])
    assert line.startswith(f"Fehler: {path}: Schlüssel 'reference_date': ")
    assert "2026-02-30" in line


def test_unknown_key_in_scenario(tmp_path):
    path = tmp_path / "szenario.yaml"
    path.write_text("name: test\nmethode: wsm\n", encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--scenario", path], [path])
    assert line == f"Fehler: {path}: unbekannter Schlüssel 'methode' (ein Tippfehler?)"


def test_unknown_method_in_scenario(tmp_path):
    path = tmp_path / "szenario.yaml"
    path.write_text("name: test\nmethod: ahp\n", encoding="utf-8")
    line = assert_clean_failure(tmp_path, ["--scenario", path], [path])
    assert "Schlüssel 'method': 'ahp' gefunden; erwartet: einer der Werte 'wsm'" in line


# --- other commands on broken data --------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["data", "show"], ["data", "sources"]], ids=["show", "sources"]
)
def test_data_commands_on_broken_data(command, dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = edit_row(path, {"id": "luenen"}, {"population": "viele"})
    before = hashes(dataset_copy)
    result = CliRunner().invoke(main, [*command, "--data", str(dataset_copy)])
    _check_result(result)
    assert result.output.startswith(f"Fehler: {path}, Zeile {n}: Spalte 'population'")
    assert hashes(dataset_copy) == before


# --- the output folder --------------------------------------------------------------------


def test_out_is_an_existing_file(tmp_path):
    target = tmp_path / "ranking.csv"
    target.write_text(OLD)
    result = run_analyse([], target)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Fehler: {target}: existiert und ist kein")
    assert target.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.csv"]


def test_output_name_taken_by_a_folder(tmp_path):
    out = tmp_path / "out"
    (out / "joint.csv").mkdir(parents=True)
    (out / "ranking.csv").write_text(OLD)
    result = run_analyse([], out)
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    assert (
        result.output.strip()
        .splitlines()[-1]
        .startswith(f"Fehler: {out / 'joint.csv'}: existiert und ist keine Datei")
    )
    assert (out / "ranking.csv").read_text() == OLD
    assert sorted(p.name for p in out.iterdir()) == ["joint.csv", "ranking.csv"]


# --- atomic writing -----------------------------------------------------------------------


def _writer(text):
    def write(path):
        Path(path).write_text(text)

    return write


def _failing(path):
    Path(path).write_text("half a fi")
    raise RuntimeError("disk full")


def test_write_outputs_writes_all(tmp_path):
    from potential.files import write_outputs

    out = tmp_path / "new" / "folder"
    written = write_outputs(out, {"a.csv": _writer("a\n"), "b.csv": _writer("b\n")})
    assert written == [out / "a.csv", out / "b.csv"]
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "b.csv"]
    assert (out / "a.csv").read_text() == "a\n"


def test_write_outputs_failing_writer_leaves_nothing(tmp_path):
    from potential.files import write_outputs

    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="disk full"):
        write_outputs(out, {"a.csv": _writer("a\n"), "b.csv": _failing, "c.csv": _writer("c\n")})
    assert list(out.iterdir()) == []


def test_write_outputs_failing_writer_keeps_old_files(tmp_path):
    from potential.files import write_outputs

    out = tmp_path / "out"
    out.mkdir()
    (out / "a.csv").write_text(OLD)
    (out / "b.csv").write_text(OLD)
    with pytest.raises(RuntimeError):
        write_outputs(out, {"a.csv": _writer("new\n"), "b.csv": _failing})
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "b.csv"]
    assert (out / "a.csv").read_text() == OLD
    assert (out / "b.csv").read_text() == OLD


def test_write_outputs_uses_temporary_files_in_the_target_folder(tmp_path):
    from potential.files import write_outputs

    out = tmp_path / "out"
    seen = []

    def spy(path):
        path = Path(path)
        seen.append(path)
        assert path.parent == out
        assert path.name != "a.csv"
        assert not (out / "a.csv").exists()  # nothing at the final name while writing
        path.write_text("a\n")

    write_outputs(out, {"a.csv": spy})
    assert (out / "a.csv").read_text() == "a\n"
    assert not seen[0].exists()
    assert [p.name for p in out.iterdir()] == ["a.csv"]


def test_write_outputs_refuses_to_overwrite_an_input(tmp_path):
    from potential.errors import InputError
    from potential.files import write_outputs

    source = tmp_path / "bodies.csv"
    source.write_text(OLD)
    with pytest.raises(InputError, match="ist eine Eingabedatei"):
        write_outputs(tmp_path, {"bodies.csv": _writer("new\n")}, protect=[source])
    assert source.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["bodies.csv"]


def test_write_outputs_out_is_a_file(tmp_path):
    from potential.errors import InputError
    from potential.files import write_outputs

    target = tmp_path / "out"
    target.write_text(OLD)
    with pytest.raises(InputError, match="ist kein Ordner"):
        write_outputs(target, {"a.csv": _writer("a\n")})
    assert target.read_text() == OLD


def test_write_outputs_file_mode_follows_umask(tmp_path):
    from potential.files import write_outputs

    old = os.umask(0o022)
    try:
        write_outputs(tmp_path, {"a.csv": _writer("a\n")})
    finally:
        os.umask(old)
    assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o644


def test_validate_reports_an_unknown_method_parameter(tmp_path):
    scenario = tmp_path / "szenario.yaml"
    scenario.write_text("name: test\nmethod: topsis\nmethod_params: {normalisation: minmax}\n")
    result = CliRunner().invoke(main, ["validate", str(scenario)])
    assert result.exit_code == 2
    assert f"{scenario}: Schlüssel 'method'" in result.output
    assert "'normalisation'" in result.output and "normalization" in result.output
    result = CliRunner().invoke(main, ["validate", str(scenario), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{scenario}: key 'method'" in result.output
