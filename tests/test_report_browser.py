"""The report in a real browser: headless Chromium lays it out, screenshots it and prints it.

Run when Chromium is installed (Debian's ``chromium``; ``.ci/run`` installs it where it can),
skipped with the reason otherwise. Only the command line of the browser is used (no driver,
no Python package): a copy of the page with a small script that writes its measurements into
the page, read back with ``--dump-dom``; ``--screenshot`` and ``--print-to-pdf`` for the
images. ``--virtual-time-budget`` lets the page finish loading before the browser dumps it.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential.cli import main

pytestmark = pytest.mark.browser

#: Width of the browser window (CSS pixels).
WIDTH = 1280
#: Printable width of an A4 page with the report's margins (``@page``), portrait
#: (210 mm - 2 × 12 mm) and landscape (297 mm - 2 × 14 mm), in CSS pixels (96 per inch).
PRINT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)
LANDSCAPE_WIDTH = round((297 - 2 * 14) / 25.4 * 96)


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM = _chromium()
if CHROMIUM is None:
    pytest.skip(
        "Chromium is not installed (/usr/bin/chromium or chromium on PATH; on Debian: "
        "apt-get install chromium, as .ci/run does)",
        allow_module_level=True,
    )

#: Written into the page after it has loaded: the page's width, the window's, the elements
#: that reach beyond the window (outside boxes that scroll on their own) and the width each
#: table needs (``.table-wrap``: its class, whether it is marked wide, its width).
PROBE = """<script>
window.addEventListener("load", function () {
  var root = document.documentElement, wide = [];
  document.querySelectorAll("body *").forEach(function (e) {
    if (e.closest(".table-wrap") && !e.classList.contains("table-wrap")) return;
    var right = e.getBoundingClientRect().right;
    if (right > window.innerWidth + 0.5) {
      wide.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + ": "
                + Math.round(right));
    }
  });
  var tables = [];
  document.querySelectorAll(".table-wrap").forEach(function (w) {
    tables.push([w.firstElementChild.className, w.classList.contains("wide"), w.scrollWidth]);
  });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({scrollWidth: root.scrollWidth, innerWidth: window.innerWidth,
                                    wide: wide.slice(0, 10), tables: tables});
  document.body.appendChild(out);
});
</script>"""


def _browser(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile, nothing loaded from the network."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """report.html of the embedded data, written by ``potential report``."""
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(main, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "report.html"


def _measure(
    report: Path, tmp_path: Path, width: int, media_print: bool = False, hide_wide: bool = False
) -> dict:
    """The probe's measurements of the page at ``width`` CSS pixels (with the print style
    sheet applied on screen if ``media_print``; without the wide tables if ``hide_wide``)."""
    html = report.read_text(encoding="utf-8")
    if media_print:
        assert html.count("@media print") == 1
        html = html.replace("@media print", "@media all")
    if hide_wide:
        html = html.replace("</style>", ".table-wrap.wide { display: none; }\n</style>", 1)
    page = tmp_path / f"probe-{width}.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = _browser(
        tmp_path / "profile",
        f"--window-size={width},2000",
        "--virtual-time-budget=10000",
        "--dump-dom",
        page.as_uri(),
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"no measurement in the page; browser said: {done.stderr[-2000:]}"
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_the_report_is_not_wider_than_the_window(report, tmp_path):
    seen = _measure(report, tmp_path, WIDTH)
    assert seen["innerWidth"] == WIDTH
    assert seen["scrollWidth"] <= seen["innerWidth"], seen["wide"]
    assert seen["wide"] == []


def test_the_print_layout_fits_an_a4_page(report, tmp_path):
    # the print style sheet applied in a window as wide as the printable part of A4 portrait:
    # everything fits but the tables marked wide, which get landscape pages of their own
    seen = _measure(report, tmp_path, PRINT_WIDTH, media_print=True)
    tables = seen["tables"]
    assert len(tables) >= 10
    portrait = [(name, width) for name, wide, width in tables if not wide]
    assert portrait and all(width <= PRINT_WIDTH for _, width in portrait), portrait
    # the bodies × fields overview and the example annex (11 years) need the landscape page
    landscape = [(name, width) for name, wide, width in tables if wide]
    assert {"overview", "annex"} <= {name for name, _ in landscape}
    assert any(width > PRINT_WIDTH for _, width in landscape)  # they would not fit portrait
    seen = _measure(report, tmp_path, PRINT_WIDTH, media_print=True, hide_wide=True)
    assert seen["innerWidth"] == PRINT_WIDTH
    assert seen["scrollWidth"] <= seen["innerWidth"], seen["wide"]
    assert seen["wide"] == []
    # on a landscape page the wide tables fit
    seen = _measure(report, tmp_path, LANDSCAPE_WIDTH, media_print=True)
    assert seen["scrollWidth"] <= LANDSCAPE_WIDTH
    assert all(width <= LANDSCAPE_WIDTH for _, _, width in seen["tables"]), seen["tables"]


def test_the_screenshot_is_as_wide_as_the_window(report, tmp_path):
    shot = tmp_path / "report.png"
    _browser(
        tmp_path / "profile",
        f"--window-size={WIDTH},2000",
        "--virtual-time-budget=10000",
        f"--screenshot={shot}",
        report.as_uri(),
    )
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    assert 0 < width <= WIDTH and height > 0
    # nothing drawn in the window's right margin: no table or chart runs off the page
    from matplotlib.image import imread

    pixels = imread(shot)
    assert pixels.shape[1] == width
    margin = pixels[:, -16:, :3]
    assert (margin > 0.97).all(), "something reaches into the right margin of the window"


def test_the_report_prints_to_pdf(report, tmp_path):
    pdf = tmp_path / "report.pdf"
    _browser(
        tmp_path / "profile",
        "--virtual-time-budget=10000",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        report.as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages >= 2  # the sections start on a new page
    # A4 (595 × 842 points) portrait, as the style sheet's @page asks, and landscape for the
    # wide tables
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    sizes = [(round(float(w)), round(float(h))) for w, h in boxes]
    assert len(sizes) == pages and set(sizes) == {(595, 842), (842, 595)}, sizes[:5]
    assert sizes.count((595, 842)) > sizes.count((842, 595))
