"""``potential plot`` and ``potential report`` through click's CliRunner."""

from __future__ import annotations

import json

import matplotlib
import pytest
from click.testing import CliRunner

from potential.cli import main
from potential.messages import both

matplotlib.use("Agg")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize(
    ("args", "stems"),
    [
        (["heatmap"], ["heatmap"]),
        (["map"], ["map"]),
        (["contributions", "--body", "boenen", "--body", "selm"],
         ["contributions-boenen", "contributions-selm"]),
        (["tornado", "--body", "unna"], ["tornado-unna"]),
        (["acceptability", "--body", "werne", "--samples", "200"], ["acceptability-werne"]),
        (["slope", "--scenario", "heute", "--scenario", "ust-2027", "--body", "kamen"],
         ["slope-kamen"]),
    ],
)  # fmt: skip
def test_plot_writes_png_and_svg(tmp_path, args, stems):
    result = invoke("plot", *args, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    expected = {f"{s}.{ext}" for s in stems for ext in ("png", "svg")}
    assert {p.name for p in tmp_path.iterdir()} == expected | {"provenance.json"}
    record = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert set(record["outputs"]) == expected and record["command"] == "plot"
    assert record["settings"]["kind"] == args[0]
    for stem in stems:
        assert (tmp_path / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in (tmp_path / f"{stem}.svg").read_bytes()[:1000]


def test_plot_every_body_by_default(tmp_path):
    result = invoke("plot", "contributions", "--format", "svg", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("contributions-*.svg"))) == 11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["contributions", "--body", "atlantis"], "'atlantis'"),
        (["slope", "--scenario", "heute"], both("cli.plot.slope_needs_two", n=1)[0]),
        (["heatmap", "--scenario", "gibt-es-nicht"], "gibt-es-nicht"),
    ],
)
def test_plot_bad_input(tmp_path, args, message):
    out = tmp_path / "out"
    result = invoke("plot", *args, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.startswith("Fehler: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists()


def test_report_writes_a_self_contained_page(tmp_path):
    result = invoke("report", "--scenario", "heute", "--smaa", "200", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    assert {"report.html", "report.md", "provenance.json", "report_files"} <= names
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Heute" in page and "data:image/svg+xml;base64," in page
    record = json.loads((tmp_path / "provenance.json").read_text(encoding="utf-8"))
    assert record["scenario"]["name"] == "heute" and record["seed"] == 0
    charts = {f"report_files/{p.name}" for p in (tmp_path / "report_files").iterdir()}
    assert charts and set(record["outputs"]) == {"report.html", "report.md"} | charts
