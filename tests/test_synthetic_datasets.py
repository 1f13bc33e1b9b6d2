"""bench/make_synthetic.py: a 44-body dataset that loads, validates and repeats its bytes."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "make_synthetic.py"


@pytest.fixture(scope="module")
def make_synthetic():
    spec = importlib.util.spec_from_file_location("make_synthetic", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_44_bodies_load_validate_and_repeat(make_synthetic, tmp_path):
    from click.testing import CliRunner

    from potential.cli import main
    from potential.datasets import load_dataset, table

    folder = make_synthetic.build(44, tmp_path / "a")
    ds = load_dataset(folder)

    bodies = table(ds, "bodies")
    assert len(bodies) == 44 and bodies["id"].is_unique and bodies["ags"].is_unique
    county = bodies[bodies["kind"] == "kreis"]
    towns = bodies[bodies["kind"] != "kreis"]
    assert len(county) == 1
    # the county's population and area are its towns' sums, as in the real data
    assert county["population"].iloc[0] == towns["population"].sum()
    assert county["area_km2"].iloc[0] == pytest.approx(towns["area_km2"].sum(), abs=0.01)
    # 43 towns: four full copies of the ten real towns and three of the fifth copy
    assert towns["id"].tolist()[:3] == ["bergkamen_1", "boenen_1", "froendenberg_1"]
    assert towns["id"].tolist()[-3:] == ["bergkamen_5", "boenen_5", "froendenberg_5"]
    # every town has a neighbour, and the relation is symmetric
    pairs = {(b.id, nb) for b in ds.bodies for nb in b.neighbours}
    assert all(b.neighbours for b in ds.bodies if b.kind != "kreis")
    assert all((nb, b) in pairs for b, nb in pairs)
    # the county-wide cooperations have every body as a member, the others one copy's towns
    real = load_dataset("kreis-unna")
    coops = {c.id: c for c in ds.cooperations}
    assert set(coops["foerderschulen_kreis"].members) == {b.id for b in ds.bodies}
    assert coops["it_boenen_zdv_4"].members == ("kreis_synthetisch", "boenen_4")
    # every other cooperation once in each of the four full copies
    per_copy = [c.id for c in real.cooperations if len(c.members) < len(real.bodies)]
    assert all(f"{c}_{k}" in coops for c in per_copy for k in range(1, 5))

    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK")

    again = make_synthetic.build(44, tmp_path / "b")
    assert _bytes(again) == _bytes(folder)
    shutil.rmtree(tmp_path / "b")
