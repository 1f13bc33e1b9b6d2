"""Every number a user gives is checked where it is read (issue 16, "one validation layer").

Each case breaks one number of a writable copy of the embedded dataset (or of a criteria or
scenario file), runs ``potential analyse`` (or ``scenario run``) through the CLI and checks:
exit code 2, one line on stderr starting ``Fehler: `` that names the file and the line or
key, no traceback; and that ``potential validate`` on the same input fails with the same
problem. Direct tests of the bounds follow: a value at the bound is accepted, one just past
it refused.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential.cli import main
from potential.errors import InputError

SCENARIOS = Path(__file__).parent.parent / "scenarios"
CRITERIA = Path(__file__).parent.parent / "criteria" / "ikz-egov-nrw.yaml"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails(args, *, where: str, needle: str) -> str:
    """Run the CLI; assert exit 2 and one ``Fehler: `` line with ``where`` and ``needle``."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Fehler: ")]
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert where in line and needle in line, line
    return line[len("Fehler: ") :]


def _validate_fails_alike(path, problem: str) -> None:
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert problem in result.stderr, (problem, result.stderr)
    assert "Traceback" not in result.output


# (file, old text, new text, where in the line, a word of the problem)
DATASET_CASES = {
    "population_1e300": ("bodies.csv", ",49475,", ",1e300,", "bodies.csv, Zeile 3", "population"),
    "population_overflow": (
        "bodies.csv",
        ",49475,",
        "," + "9" * 400 + ",",
        "bodies.csv, Zeile 3",
        "20000000",
    ),
    "population_above_bound": (
        "bodies.csv",
        ",49475,",
        ",20000001,",
        "bodies.csv, Zeile 3",
        "20000000",
    ),
    "area_inf": ("bodies.csv", ",44.90,", ",inf,", "bodies.csv, Zeile 3", "area_km2"),
    "area_overflow": ("bodies.csv", ",44.90,", ",1e400,", "bodies.csv, Zeile 3", "endliche"),
    "area_above_bound": (
        "bodies.csv",
        ",44.90,",
        ",100001,",
        "bodies.csv, Zeile 3",
        "area_km2",
    ),
    "negative_eur_parameter": (
        "parameters.csv",
        "grant_base_eur,175000",
        "grant_base_eur,-175000",
        "parameters.csv, Zeile",
        "'EUR'",
    ),
    "share_above_1": (
        "parameters.csv",
        "grant_max_share,0.9",
        "grant_max_share,1.5",
        "parameters.csv, Zeile",
        "von 0 bis 1",
    ),
    "nan_parameter": (
        "parameters.csv",
        "grant_max_share,0.9",
        "grant_max_share,nan",
        "parameters.csv, Zeile",
        "endliche Zahl",
    ),
    "inf_field_parameter": (
        "field_parameters.csv",
        ",69081,",
        ",inf,",
        "field_parameters.csv, Zeile",
        "endliche Zahl",
    ),
    "overflow_field_parameter": (
        "field_parameters.csv",
        ",69081,",
        ",1e999,",
        "field_parameters.csv, Zeile",
        "endliche Zahl",
    ),
    "form_share_above_1": (
        "legal_form_parameters.csv",
        ",0.25,",
        ",1.5,",
        "legal_form_parameters.csv, Zeile 2",
        "von 0 bis 1",
    ),
    "switch_not_0_or_1": (
        "parameters.csv",
        "grant_assumed,0",
        "grant_assumed,0.5",
        "parameters.csv, Zeile",
        "0 oder 1",
    ),
    "negative_months": (
        "parameters.csv",
        "urgency_horizon_months,36",
        "urgency_horizon_months,-36",
        "parameters.csv, Zeile",
        "months",
    ),
}


@pytest.mark.parametrize("case", sorted(DATASET_CASES))
def test_dataset_number_refused_at_reading(dataset_copy, tmp_path, case):
    file, old, new, where, needle = DATASET_CASES[case]
    _replace(dataset_copy / file, old, new)
    problem = _fails(
        ["analyse", "--data", dataset_copy, "--out", tmp_path / "out"], where=where, needle=needle
    )
    assert "matrix" not in problem  # caught at reading, not later in the decision matrix
    assert not (tmp_path / "out").exists()
    _validate_fails_alike(dataset_copy, problem)


def test_header_only_bodies_blamed_on_bodies(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    problem = _fails(
        ["analyse", "--data", dataset_copy, "--out", tmp_path / "out"],
        where="bodies.csv",
        needle="Kopfzeile",
    )
    assert "cooperations.csv" not in problem
    _validate_fails_alike(dataset_copy, problem)


def test_body_weights_file_of_the_dataset_is_validated(dataset_copy, tmp_path):
    (dataset_copy / "body_weights.csv").write_text(
        "body,level,id,weight,source\nboenen,group,wirtschaftlichkeit,1e308,Umfrage\n",
        encoding="utf-8",
    )
    problem = _fails(
        ["analyse", "--data", dataset_copy, "--out", tmp_path / "out"],
        where="body_weights.csv, Zeile 2",
        needle="1000000",
    )
    _validate_fails_alike(dataset_copy, problem)


@pytest.mark.parametrize("value", ["1.0e308", ".inf", ".nan"])
def test_criteria_weight_refused(tmp_path, value):
    path = tmp_path / "model.yaml"
    shutil.copy(CRITERIA, path)
    _replace(path, "weight: 0.35", f"weight: {value}")
    problem = _fails(
        ["analyse", "--criteria", path, "--out", tmp_path / "out"],
        where="model.yaml",
        needle="weight",
    )
    _validate_fails_alike(path, problem)


def _scenario(tmp_path, body: str) -> Path:
    path = tmp_path / "szenario.yaml"
    path.write_text(f"name: test\nextends: {SCENARIOS / 'heute.yaml'}\n{body}", encoding="utf-8")
    return path


def test_scenario_weight_override_bound(tmp_path):
    path = _scenario(
        tmp_path,
        "weights:\n  - {group: wirtschaftlichkeit, value: 1.0e7, assumption: test}\n",
    )
    problem = _fails(
        ["scenario", "run", path, "--out", tmp_path / "out"],
        where="szenario.yaml",
        needle="weights[1].value",
    )
    _validate_fails_alike(path, problem)


def test_validate_runs_the_method_parameter_checks(tmp_path):
    path = _scenario(tmp_path, "method: vikor\nmethod_params:\n  v: 2\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "szenario.yaml" in result.stderr and "method_params.v" in result.stderr
    assert "Traceback" not in result.output


def test_scenario_uncertainty_n_bounded(tmp_path):
    path = _scenario(tmp_path, "uncertainty: {n: 1000001}\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "uncertainty.n" in result.stderr and "1000000" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["smaa", "--n", str(10**9)],
        ["analyse", "--smaa", str(10**9)],
        ["analyse", "--risk", str(10**9)],
    ],
)
def test_draws_bounded_on_the_command_line(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    option = args[1]
    assert f"'{option}'" in result.stderr and "1000000" in result.stderr


# --- the bounds themselves -------------------------------------------------------------------


def _body(**changes):
    from potential.models import Body

    row = {
        "id": "x",
        "ags": "05978004",
        "ags_status": "verified",
        "name": "X",
        "kind": "stadt",
        "status": "Stadt",
        "population": 1000,
        "population_date": "2023-12-31",
        "population_source": "s",
        "area_km2": 10.0,
        "area_source": "s",
        **changes,
    }
    return Body.model_validate(row)


def test_population_bounds():
    from pydantic import ValidationError

    from potential.models import MAX_POPULATION

    assert MAX_POPULATION == 20_000_000
    assert _body(population=1).population == 1
    assert _body(population=20_000_000).population == 20_000_000
    for bad in (0, 20_000_001, 10**400):
        with pytest.raises(ValidationError):
            _body(population=bad)


def test_area_bounds():
    from pydantic import ValidationError

    assert _body(area_km2=100_000).area_km2 == 100_000
    for bad in (0.0, math.nextafter(100_000, math.inf), math.inf, math.nan):
        with pytest.raises(ValidationError):
            _body(area_km2=bad)


def _parameter(unit, value, **more):
    from potential.models import Parameter

    return Parameter.model_validate(
        {"parameter": "p", "value": value, "unit": unit, "assumption": "test", **more}
    )


@pytest.mark.parametrize(
    ("unit", "good", "bad"),
    [
        ("share of annual cost", (0, 1), (-1e-9, 1 + 1e-9)),
        ("0-1", (0, 1), (-0.1, 1.1)),
        ("share per year", (-1, 1), (-1.01, 1.01)),
        ("EUR", (0, 1e10), (-1, 1.0000001e10)),
        ("EUR per FTE and year", (0, 1e10), (-0.01, 2e10)),
        ("months", (0, 1e6), (-1, 1e6 + 1)),
        ("FTE", (0, 1e6), (-0.5, 1e7)),
        ("switch", (0, 1), (0.5, 2)),
    ],
)
def test_parameter_unit_ranges(unit, good, bad):
    from pydantic import ValidationError

    for value in good:
        assert _parameter(unit, str(value)).value == value
    for value in bad:
        with pytest.raises(ValidationError):
            _parameter(unit, str(value))


def test_parameter_range_ends_checked_too():
    from pydantic import ValidationError

    assert _parameter("share", "0.5", low="0", high="1").high == 1
    with pytest.raises(ValidationError):
        _parameter("share", "0.5", low="0", high="1.2")


def test_parameter_without_range_unit_must_be_finite():
    from pydantic import ValidationError

    assert _parameter("exponent", "-3").value == -3
    for bad in ("nan", "inf", "-inf", "1e400"):
        with pytest.raises(ValidationError):
            _parameter("exponent", bad)


def test_weight_bound():
    from pydantic import ValidationError

    from potential.criteria import BodyWeightRow
    from potential.models import MAX_WEIGHT

    row = {"body": "b", "level": "group", "id": "g", "source": "s"}
    assert BodyWeightRow.model_validate({**row, "weight": MAX_WEIGHT}).weight == 1e6
    for bad in (math.nextafter(1e6, math.inf), -1e-9, math.inf, math.nan):
        with pytest.raises(ValidationError):
            BodyWeightRow.model_validate({**row, "weight": bad})


def test_draws_bound_in_the_library():
    from potential.uncertainty.sampling import MAX_DRAWS, _check_n

    assert _check_n(MAX_DRAWS) == 1_000_000
    with pytest.raises(InputError) as info:
        _check_n(MAX_DRAWS + 1, "--n")
    assert info.value.where == "--n"


def test_memory_plan_refuses_what_will_not_fit():
    from potential.uncertainty.npv_risk import BYTES_PER_VALUE, check_memory

    free = 10_000 * 100 * BYTES_PER_VALUE * 2  # exactly room for 10 000 samples of 100
    check_memory(10_000, 100, "--risk", free=free)
    with pytest.raises(InputError) as info:
        check_memory(10_001, 100, "--risk", free=free)
    assert info.value.where == "--risk"
    assert "10000)" in str(info.value)  # the largest n that fits
