"""Fuzzing the readers of user files: only :class:`InputError` ever escapes (issue 16).

Each test feeds random or mutated input to one reader and accepts exactly two outcomes: a
result, or :class:`potential.errors.InputError`. Any other exception is a bug. The survey
reader never raises for a bad file; it returns problems, so there any exception is a bug.

The runs are bounded (``max_examples``) and derandomized, so CI is fast and deterministic;
a per-example time bound catches hangs.
"""

from __future__ import annotations

import csv
import io
import math
import shutil
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from potential.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "potential" / "data" / "kreis-unna"
CRITERIA = ROOT / "criteria" / "ikz-egov-nrw.yaml"

#: slowest a single example may take, in seconds (a hang shows as a failed example)
EXAMPLE_SECONDS = 5

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def only_input_error(call, *args, **kwargs):
    """Run ``call``; return its result or the :class:`InputError` it raised, within time."""
    start = time.perf_counter()
    try:
        result = call(*args, **kwargs)
    except InputError as exc:
        result = exc
    assert time.perf_counter() - start < EXAMPLE_SECONDS, "reader took too long"
    return result


# --- text that looks like a table, with the characters that break readers --------------------
_CHARS = st.sampled_from(
    list("abc019,;\"'\t\n\r .-+=%€äöüß") + ["\x00", "\x1b", "\x7f", "\ufeff", "\u2028", "\x85"]
)
_TEXT = st.text(_CHARS, max_size=300) | st.text(max_size=200)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(data=st.binary(max_size=400) | _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_csv_reader(work, data):
    from potential.files import read_csv_rows

    path = work / "table.csv"
    path.write_bytes(data)
    only_input_error(read_csv_rows, path, ("id",))


_YAML_TEXT = st.text(
    st.sampled_from(list("ab01:-[]{}&*!|>'\"#?, \n\t") + ["\x00", "\x1b", "\ufeff", "<"]),
    max_size=200,
)


@FUZZ
@given(text=_YAML_TEXT | st.text(max_size=200))
def test_yaml_reader(work, text):
    from potential.files import read_yaml

    path = work / "file.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    only_input_error(read_yaml, path)


# --- the dataset loader on one fuzzed CSV ----------------------------------------------------
_CELL = (
    st.text(_CHARS, max_size=12)
    | st.sampled_from(["nan", "inf", "-inf", "1e308", "1e309", "-1", "0", "", "1e-320", "١٢"])
    | st.integers(-(10**30), 10**30).map(str)
    | st.floats().map(repr)
)


@pytest.fixture(scope="module")
def dataset_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-dataset") / "kreis-unna"
    shutil.copytree(DATASET, folder)
    return folder


def _table(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@settings(FUZZ, max_examples=60)
@given(
    name=st.sampled_from(
        [
            "bodies.csv",
            "body_fields.csv",
            "field_parameters.csv",
            "parameters.csv",
            "cooperations.csv",
            "fulfilment.csv",
        ]
    ),  # fmt: skip
    changes=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30), _CELL), max_size=4),
    drop=st.integers(0, 3),
)
def test_dataset_loader_on_one_fuzzed_csv(dataset_folder, name, changes, drop):
    """A copy of the embedded dataset with cells of one table replaced (and rows dropped)."""
    from potential.datasets import load_dataset

    original = DATASET / name
    rows = _table(original)
    for row, col, value in changes:
        r = rows[row % len(rows)]
        r[col % len(r)] = value
    rows = rows[: max(1, len(rows) - drop)] if drop < 3 else rows[:1]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target = dataset_folder / name
    target.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
    try:
        only_input_error(load_dataset, dataset_folder)
    finally:
        shutil.copyfile(original, target)


# --- the criteria loader on fuzzed YAML -------------------------------------------------------
_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from([".nan", ".inf", "1e309", "benefit", "cost", ""])
)
_TREE = st.recursive(
    _LEAF,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3)
    ),  # fmt: skip
    max_leaves=8,
)


def _paths(node, prefix=()):
    """Every path to a node of a parsed YAML document."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


_CRITERIA_DOC = yaml.safe_load(CRITERIA.read_text(encoding="utf-8"))
_CRITERIA_PATHS = [p for p in _paths(_CRITERIA_DOC) if p]


def _replace(doc, path, value):
    import copy

    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


@FUZZ
@given(
    changes=st.lists(st.tuples(st.sampled_from(_CRITERIA_PATHS), _TREE), min_size=1, max_size=3),
    raw=st.none() | _YAML_TEXT,
)
def test_criteria_loader_on_fuzzed_yaml(work, changes, raw):
    """The shipped criteria model with random values put at random places, or raw text."""
    from potential.criteria import load_criteria

    path = work / "criteria.yaml"
    if raw is None:
        doc = _CRITERIA_DOC
        for where, value in changes:
            try:
                doc = _replace(doc, where, value)
            except (KeyError, IndexError, TypeError):
                continue  # the path went away with an earlier change
        text = yaml.safe_dump(doc, allow_unicode=True)
    else:
        text = raw
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    only_input_error(load_criteria, path)


# --- the survey workbook reader ---------------------------------------------------------------
@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    """Bönen's blank questionnaire, the dataset and the criteria model (loaded once)."""
    from potential.criteria import load_criteria
    from potential.datasets import load_dataset
    from potential.survey import write_template

    folder = tmp_path_factory.mktemp("fuzz-survey")
    blank = folder / "boenen.xlsx"
    write_template(blank, body="boenen")
    return _Short((blank, load_dataset(), load_criteria()))


class _Short(tuple):
    """A tuple shown short in hypothesis' report of a failing example."""

    def __repr__(self):
        return "<template, dataset, criteria>"


def _read(path, ds, model):
    """``read_answers`` must never raise: every problem of a file is a returned problem."""
    from potential.survey import format_problem, read_answers

    start = time.perf_counter()
    answers, problems = read_answers(path, ds, model)
    assert time.perf_counter() - start < EXAMPLE_SECONDS, "survey reader took too long"
    for p in problems:
        assert format_problem(p) and format_problem(p, "en")
    return answers, problems


@settings(FUZZ, max_examples=25)
@given(
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.none() | st.integers(0, 10**6),
)
def test_survey_reader_on_mutated_bytes(survey, work, flips, cut):
    """Random bytes of the zip archive overwritten, or the file cut short."""
    blank, ds, model = survey
    data = bytearray(blank.read_bytes())
    for pos, byte in flips:
        data[pos % len(data)] = byte
    if cut is not None:
        data = data[: cut % len(data)]
    path = work / "mutated.xlsx"
    path.write_bytes(bytes(data))
    _read(path, ds, model)


@settings(FUZZ, max_examples=30)
@given(
    member=st.sampled_from(
        [f"xl/worksheets/sheet{i}.xml" for i in range(1, 9)]
        + [
            "xl/sharedStrings.xml",
            "xl/workbook.xml",
            "xl/styles.xml",
            "[Content_Types].xml",
            "docProps/custom.xml",
        ]
    ),  # fmt: skip
    flips=st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(list(b'<>"=/ 0aA\x00&'))),
        min_size=1,
        max_size=4,
    ),  # fmt: skip
)
def test_survey_reader_on_mutated_xml(survey, work, member, flips):
    """Characters of one XML part changed inside a well-formed zip archive."""
    blank, ds, model = survey
    path = work / "mutated-xml.xlsx"
    with zipfile.ZipFile(blank) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == member:
                data = bytearray(data)
                for pos, byte in flips:
                    data[pos % len(data)] = byte
                data = bytes(data)
            zout.writestr(info, data)
    _read(path, ds, model)


_VALUE = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30).filter(
        lambda t: not any(0 <= ord(c) < 32 and c not in "\t\n\r" for c in t)
    )  # fmt: skip
    | st.sampled_from(
        [
            "=1/0",
            "=A1",
            '=HYPERLINK("http://x")',
            "45,000",
            "1.234,5",
            "30 %",
            "ca. 50.000",
            "vollständig",
            "boenen",
            "x",
            "",
            "  ",
            "-1",
            "1e309",
        ]
    )
    | st.dates().map(lambda d: d)
)
_SHEETS = ["Stammdaten", "Handlungsfelder", "Pflichten", "Kooperationen", "Gewichtung"]


@settings(FUZZ, max_examples=15)
@given(
    cells=st.lists(
        st.tuples(st.sampled_from(_SHEETS), st.integers(1, 60), st.integers(1, 22), _VALUE),
        min_size=1,
        max_size=12,
    )
)
def test_survey_reader_on_random_cell_values(survey, work, cells):
    """A template filled with random values in random cells (as openpyxl writes them)."""
    from openpyxl import load_workbook

    blank, ds, model = survey
    wb = load_workbook(blank)
    for sheet, row, col, value in cells:
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)  # openpyxl cannot store nan/inf as numbers
        wb[sheet].cell(row, col).value = value
    path = work / "filled.xlsx"
    wb.save(path)
    answers, problems = _read(path, ds, model)
    # every answer that was accepted is a finite number or a text, never nan/inf
    for v in answers.values:
        assert not isinstance(v.value, float) or math.isfinite(v.value)
