"""The notebooks in ``notebooks/``: they run, are stored clean, hold no logic of their own.

Each notebook is executed with nbclient in a kernel of the running interpreter (so it sees
the same installation as the tests), in a temporary working directory, with
``POTENTIAL_OUT`` pointing there. The kernel spec is the one ipykernel ships
(``jupyter_client``'s native ``python3`` kernel: ``sys.executable -m ipykernel_launcher``),
so no ``ipykernel install`` is needed, and a ``python3`` kernel registered elsewhere for the
user (say, another Python) is not picked up by mistake.

The weight sliders of :mod:`potential.interactive` are tested without a browser: the widget
is built, a slider moved programmatically, and the table it shows compared with
:func:`potential.analyse` run independently with effective weights computed by hand.
"""

from __future__ import annotations

import ast
import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 120
#: Top-level modules a notebook may import (besides ``potential`` and its submodules).
ALLOWED_IMPORTS = {"os", "pathlib"}


def _ids(paths):
    return [p.name for p in paths]


def _code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3, NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}, cell {i}: has outputs"
            assert cell["execution_count"] is None, f"{path.name}, cell {i}: execution count"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_code_only_calls_the_library(path):
    """Imports of ``potential``, ``pathlib`` and ``os`` only; no ``def``, ``class``, loops."""
    for i, source in enumerate(_code_cells(path)):
        tree = ast.parse(source)
        for node in ast.walk(tree):
            where = f"{path.name}, code cell {i} line {getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{where}: relative import"
                modules = [node.module]
            else:
                modules = []
            for module in modules:
                top = module.split(".")[0]
                assert top == "potential" or top in ALLOWED_IMPORTS, f"{where}: imports {module}"
            forbidden = (
                ast.FunctionDef,
                ast.AsyncFunctionDef,
                ast.ClassDef,
                ast.Lambda,
                ast.For,
                ast.AsyncFor,
                ast.While,
            )
            assert not isinstance(node, forbidden), (
                f"{where}: {type(node).__name__} (logic belongs in the library)"
            )


def _kernel_manager_class():
    """A kernel manager class for the running interpreter, whatever kernels are registered.

    Its kernel spec manager searches no kernel folders, so ``python3`` is the native kernel
    that ipykernel provides (``sys.executable -m ipykernel_launcher``). Passed to nbclient as
    a class, nbclient owns the manager and shuts the kernel down after the run.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class RunningInterpreterKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return KernelSpecManager(kernel_dirs=[])

    return RunningInterpreterKernelManager


def test_kernel_is_the_running_interpreter():
    pytest.importorskip("ipykernel")
    km = _kernel_manager_class()(kernel_name="python3")
    assert km.kernel_spec.argv[0] == sys.executable


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_runs(path, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    out = tmp_path / "out"
    monkeypatch.setenv("POTENTIAL_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        kernel_manager_class=_kernel_manager_class(),
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError naming the cell on any error
    elapsed = time.perf_counter() - start
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors, errors
    assert elapsed < 60, f"{path.name} took {elapsed:.1f} s"
    if path.name.startswith("02_"):
        assert (out / "vergleich" / "comparison.xlsx").is_file()


# ----------------------------------------------------------------------------- weight sliders


def _by_hand(model, groups: dict[str, float]) -> dict[str, float]:
    """Effective weights: group weight share × criterion weight share within its group."""
    total = sum(groups.values())
    out = {}
    for g in model.groups:
        inner = sum(c.weight for c in g.criteria)
        for c in g.criteria:
            out[c.id] = groups[g.id] / total * c.weight / inner
    return out


@pytest.fixture(scope="module")
def sliders():
    pytest.importorskip("ipywidgets")
    import potential
    from potential.interactive import weight_sliders

    return weight_sliders(potential.analyse(), body="boenen", lang="de")


def test_weight_sliders_start_at_the_model_weights(sliders, default_analysis):
    import ipywidgets

    assert isinstance(sliders, ipywidgets.VBox)
    c = sliders.controller
    model = default_analysis.criteria
    assert list(c.sliders) == [g.id for g in model.groups]
    assert c.weights() == {g.id: g.weight for g in model.groups}
    assert all(s.min == 0 and s.max == 1 for s in c.sliders.values())
    assert all(s in sliders.children for s in c.sliders.values())
    expected = default_analysis.ranking.query("body == 'boenen' and rank <= 5")
    assert c.ranking["option"].tolist() == expected["option"].tolist()
    assert c.ranking["score"].tolist() == pytest.approx(expected["score"].tolist())


def test_moving_a_slider_reranks_like_analyse(sliders, default_analysis):
    import potential
    from potential.criteria import CriteriaModel
    from potential.models import parse

    c = sliders.controller
    c.sliders["wirtschaftlichkeit"].value = 0.0
    c.sliders["rechtsform_steuerung"].value = 1.0
    groups = {
        "wirtschaftlichkeit": 0.0,
        "personal": 0.25,
        "rechtsform_steuerung": 1.0,
        "egov_pflichten": 0.2,
    }
    assert c.weights() == pytest.approx(groups)
    assert c.error is None
    # effective weights by hand, and the body's weights in the analysis behind the table
    model = default_analysis.criteria
    hand = _by_hand(model, groups)
    assert c.result.criteria.weights("boenen") == pytest.approx(hand)
    assert hand["npv_per_capita"] == hand["liquidity_burden"] == 0
    assert hand["control_kept"] == pytest.approx(0.4 / 1.45)
    # an independent run: the model's group weights changed in its YAML form
    data = model.model_dump()
    for g in data["groups"]:
        g["weight"] = groups[g["id"]]
    changed = parse(CriteriaModel, data, "test")
    assert changed.weights() == pytest.approx(hand)
    expected = potential.analyse(criteria=changed).ranking.query("body == 'boenen'")
    expected = expected[expected["rank"] <= 5]
    assert c.ranking["option"].tolist() == expected["option"].tolist()
    assert c.ranking["score"].to_numpy() == pytest.approx(expected["score"].to_numpy())
    # the order changed against the model's weights, and the table shows the new one
    assert c.ranking["option"].tolist() != (
        default_analysis.ranking.query("body == 'boenen' and rank <= 5")["option"].tolist()
    )
    (shown,) = c.output.outputs
    table = c.table()
    assert shown["data"]["text/plain"] == table.to_string()
    assert list(table.index) == [1, 2, 3, 4, 5]
    assert list(table.columns) == [
        "Kooperationsoption",
        "Punktwert",
        "Vorteil gegenüber Alleingang",
        "Rang mit Modellgewichten",
    ]
    assert table["Punktwert"].to_numpy() == pytest.approx(expected["score"].to_numpy(), abs=1e-4)
    before = default_analysis.ranking.query("body == 'boenen'").set_index("option")["rank"]
    assert table["Rang mit Modellgewichten"].tolist() == [before[o] for o in expected["option"]]


def test_all_zero_weights_show_a_message_and_reset_restores(sliders, default_analysis):
    c = sliders.controller
    for slider in c.sliders.values():
        slider.value = 0.0
    assert c.ranking is None and c.result is None
    assert c.error.startswith("Gewichtsregler: body_weights.boenen: ")
    assert "alle Gruppengewichte sind null" in c.error  # the weights' own message
    (shown,) = c.output.outputs
    assert shown["output_type"] == "stream" and "Keine Rangfolge" in shown["text"]
    c.reset()
    assert c.error is None
    assert c.weights() == {g.id: g.weight for g in default_analysis.criteria.groups}
    expected = default_analysis.ranking.query("body == 'boenen' and rank <= 5")
    assert c.ranking["option"].tolist() == expected["option"].tolist()


def test_weight_sliders_accept_analyse_arguments_and_english():
    pytest.importorskip("ipywidgets")
    import potential
    from potential.interactive import weight_sliders

    widget = weight_sliders({"method": "topsis"}, body="selm", lang="en", n=3)
    c = widget.controller
    expected = potential.analyse(method="topsis").ranking.query("body == 'selm' and rank <= 3")
    assert c.ranking["option"].tolist() == expected["option"].tolist()
    assert list(c.table().columns)[0] == "Cooperation option"
    assert c.sliders["personal"].description == "Staffing"


def test_weight_sliders_act_on_a_body_with_its_own_weights(default_analysis):
    pytest.importorskip("ipywidgets")
    import potential
    from potential.interactive import weight_sliders

    own = {"boenen": {"groups": {"personal": 0.8}, "assumption": "test"}}
    base = potential.analyse(body_weights=own)
    c = weight_sliders(base, body="boenen").controller
    assert c.weights()["personal"] == 0.8  # starts at the body's own weights
    assert c.ranking["option"].tolist() == (
        base.ranking.query("body == 'boenen' and rank <= 5")["option"].tolist()
    )
    c.sliders["personal"].value = 0.25  # back to the model's: same as the plain analysis
    expected = default_analysis.ranking.query("body == 'boenen' and rank <= 5")
    assert c.ranking["option"].tolist() == expected["option"].tolist()


def test_weight_sliders_bad_input():
    pytest.importorskip("ipywidgets")
    import potential
    from potential.interactive import weight_sliders

    a = potential.analyse()
    with pytest.raises(potential.InputError, match="Körperschaft 'atlantis' hat keine Rangfolge"):
        weight_sliders(a, body="atlantis")
    with pytest.raises(potential.InputError, match="erwartet: ein Ergebnis von potential.analyse"):
        weight_sliders(42)
    with pytest.raises(potential.InputError, match="lang"):
        weight_sliders(a, lang="fr")


def test_weight_sliders_without_ipywidgets(monkeypatch):
    import potential
    from potential.interactive import weight_sliders

    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import fails
    with pytest.raises(potential.InputError, match="pip install ipywidgets"):
        weight_sliders()


def test_library_imports_without_ipywidgets():
    import subprocess

    code = (
        "import sys; sys.modules['ipywidgets'] = None\n"
        "import potential.interactive, potential.analysis\n"
        "assert 'ipywidgets' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
