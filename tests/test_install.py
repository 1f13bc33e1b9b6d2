"""The installed package (non-editable) in a fresh virtual environment.

The venv sees the system site-packages, so the dependencies need no download; the project is
installed with ``pip install --no-deps`` from a clean copy of the source tree (so the build
leaves nothing in the checkout). The venv's own site-packages comes first on ``sys.path``, so
its copy wins over an editable install of the system Python; the test checks this via
``potential.__file__``. Then ``potential analyse`` runs from a folder outside the checkout.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300
IGNORE = shutil.ignore_patterns(
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".venv",
    "venv",
    "out",
    "tests",
    "notebooks",
    "bench",
)

PROBE = """
import json, potential, potential.resources as r
from potential.datasets import load_dataset
print(json.dumps({
    "file": potential.__file__,
    "version": potential.__version__,
    "criteria_dir": str(r.criteria_dir()),
    "scenarios_dir": str(r.scenarios_dir()),
    "data_dir": str(r.data_dir()),
    "bodies": len(load_dataset().bodies),
}))
"""


def _setuptools_at_least(major: int) -> bool:
    try:
        return int(version("setuptools").split(".")[0]) >= major
    except Exception:
        return False


def run(cmd, cwd, env):
    proc = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    """A fresh venv with the project installed non-editable; returns (bin, site-packages)."""
    base = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=IGNORE)
    venv_dir = base / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv_dir], base, env)
    python = venv_dir / "bin" / "python"
    _see_outer_environment(python, base, env)
    cmd = [python, "-m", "pip", "install", "--no-deps", "--no-input"]
    if _setuptools_at_least(68):
        # build with the system's setuptools: no network needed
        cmd += ["--no-build-isolation"]
    # else pip fetches setuptools>=68 (pyproject.toml) for an isolated build
    run([*cmd, source], base, env)
    site = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, env
    )
    return venv_dir / "bin", Path(site.stdout.strip()).resolve(), env


def _see_outer_environment(python, base, env) -> None:
    """When the tests run inside a virtual environment, let the new venv see its packages.

    ``--system-site-packages`` links the *base* interpreter's site-packages, not those of the
    venv the tests run in (where ``pip install ".[test]"`` put pandas & co.). A ``.pth`` file
    appends the running interpreter's site-packages after the new venv's own, so the venv's
    copy of ``potential`` still comes first.
    """
    if sys.prefix == sys.base_prefix:
        return
    import site as site_module

    outer = [p for p in site_module.getsitepackages() if Path(p).is_dir()]
    purelib = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, env
    ).stdout.strip()
    Path(purelib, "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")


pytestmark = pytest.mark.slow


def test_installed_package_is_the_venv_copy(venv, tmp_path):
    bindir, site, env = venv
    proc = run([bindir / "python", "-c", PROBE], tmp_path, env)
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    package = Path(info["file"]).resolve().parent
    assert package == site / "potential"
    assert not package.is_relative_to(ROOT)
    assert info["version"] == version("potential")
    assert info["bodies"] == 11
    assert Path(info["data_dir"]).resolve() == site / "potential" / "data"


def test_shipped_criteria_and_scenarios_are_installed(venv, tmp_path):
    bindir, site, env = venv
    proc = run([bindir / "python", "-c", PROBE], tmp_path, env)
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    criteria = Path(info["criteria_dir"]).resolve()
    scenarios = Path(info["scenarios_dir"]).resolve()
    assert criteria.is_relative_to(site) and not criteria.is_relative_to(ROOT)
    assert scenarios.is_relative_to(site) and not scenarios.is_relative_to(ROOT)
    assert (criteria / "ikz-egov-nrw.yaml").is_file()
    assert (scenarios / "heute.yaml").is_file()
    data = site / "potential" / "data" / "kreis-unna"
    for name in ("dataset.yaml", "bodies.csv", "sources.csv", "parameters.csv"):
        assert (data / name).is_file(), name


def test_installed_cli_analyse(venv, tmp_path):
    bindir, _, env = venv
    script = bindir / "potential"
    assert script.is_file()
    proc = run([script, "analyse", "--out", "out"], tmp_path, env)
    assert "Lünen" in proc.stdout and "Fröndenberg/Ruhr" in proc.stdout
    ranking = tmp_path / "out" / "ranking.csv"
    assert ranking.is_file()
    with ranking.open(encoding="utf-8", newline="") as f:
        bodies = {row["body"] for row in csv.DictReader(f)}
    assert len(bodies) == 11
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cashflows.csv",
        "contributions.csv",
        "excluded.csv",
        "joint.csv",
        "provenance.json",
        "ranking.csv",
        "ranking.xlsx",
    ]


def test_installed_scenarios_run_and_compare(venv, tmp_path):
    """The shipped scenarios (and their extends) resolve inside the installed package."""
    import json

    bindir, _, env = venv
    script = bindir / "potential"
    run([script, "scenario", "compare", "heute", "personal-2030", "--out", "cmp"], tmp_path, env)
    record = json.loads((tmp_path / "cmp" / "provenance.json").read_text(encoding="utf-8"))
    files = [f["path"] for f in record["runs"][1]["scenario"]["files"]]
    assert files == ["shipped:scenarios/heute.yaml", "shipped:scenarios/personal-2030.yaml"]
    assert record["runs"][0]["data"]["path"] == "embedded:kreis-unna"


def test_installed_python_m_version(venv, tmp_path):
    bindir, _, env = venv
    proc = run([bindir / "python", "-m", "potential", "--version"], tmp_path, env)
    assert proc.stdout.strip() == f"potential, Version {version('potential')}"


def test_installed_cli_uses_shipped_scenario_and_criteria(venv, tmp_path):
    bindir, site, env = venv
    scenario = site / "potential" / "_scenarios" / "heute.yaml"
    criteria = site / "potential" / "_criteria" / "ikz-egov-nrw.yaml"
    proc = run([bindir / "potential", "validate", scenario, criteria], tmp_path, env)
    assert "(Szenario)" in proc.stdout and "(Kriterienmodell)" in proc.stdout
    proc = run(
        [bindir / "potential", "analyse", "--scenario", "heute", "--out", "o"], tmp_path, env
    )
    assert (tmp_path / "o" / "ranking.xlsx").is_file()


def test_installed_cli_bad_input_exits_2(venv, tmp_path):
    bindir, _, env = venv
    proc = subprocess.run(
        [str(bindir / "potential"), "analyse", "--data", "nirgendwo", "--out", "out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("Fehler: nirgendwo: ")
    assert not (tmp_path / "out").exists()
