"""A catalogue of bad inputs through the command line (issue 16).

Every case breaks a copy of the inputs in ``tmp_path`` (the embedded dataset, the shipped
criteria model, a scenario file, a survey workbook or the command line itself) and runs one
command on it. Each case must end in a clean failure:

- exit code 2, no exception other than ``SystemExit``, no traceback;
- exactly one line on stderr, ``Fehler: <file>...``, naming the file (its path) and the line
  or key that is wrong (``Zeile N`` / ``Spalte 'x'`` / ``Schlüssel 'x'``);
- nothing written: a fresh ``--out`` folder does not appear, an existing one with a marker
  file stays as it was, and every input file is byte-identical;
- within 10 s: cases that could hang (YAML bombs, huge dimensions, huge sample counts) run
  in a subprocess with ``timeout=10``; the rest run in-process with click's CliRunner.

Where the input is a dataset, criteria model or scenario file, ``potential validate`` must
fail on it with the same problem as the run.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from csv_edits import append_row, edit_row, replace_once

from potential.cli import main

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "ikz-egov-nrw.yaml"
MARKER = b"OLD\n"
TIMEOUT = 10  # seconds a case may take (issue 16: "no hang over 10 s")

SCENARIO = """\
name: test
title: Test
data: {data}
criteria: {criteria}
method: wsm
"""


# --- the workspace a case breaks --------------------------------------------------------


@dataclasses.dataclass
class Workspace:
    """Copies of the inputs in ``root``: dataset folder, criteria model, scenario file."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "daten"

    @property
    def criteria(self) -> Path:
        return self.root / "modell.yaml"

    @property
    def scenario(self) -> Path:
        return self.root / "szenario.yaml"

    @property
    def workbook(self) -> Path:
        return self.root / "antwort.xlsx"

    def csv(self, name: str) -> Path:
        return self.data / f"{name}.csv"

    def fill(self, text: str) -> str:
        return text.format(
            data=self.data,
            criteria=self.criteria,
            scenario=self.scenario,
            workbook=self.workbook,
            root=self.root,
        )


def make_workspace(root: Path) -> Workspace:
    from potential.resources import data_dir

    ws = Workspace(root)
    shutil.copytree(data_dir() / "kreis-unna", ws.data)
    shutil.copyfile(CRITERIA, ws.criteria)
    ws.scenario.write_text(SCENARIO.format(data=ws.data, criteria=ws.criteria), encoding="utf-8")
    return ws


# --- helpers that break a file and say where -------------------------------------------


def header_only(path: Path) -> None:
    """Keep only the header line of a CSV file."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.splitlines(keepends=True)[0], encoding="utf-8")


def drop_column(path: Path, column: str) -> None:
    """Remove one column from a CSV file."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    i = rows[0].index(column)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row[:i] + row[i + 1 :])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def duplicate_row(path: Path, row_line: int = 2) -> int:
    """Append a copy of line ``row_line`` (1-based); return the new line's number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return append_row(path, lines[row_line - 1])


# --- the cases ---------------------------------------------------------------------------


@dataclasses.dataclass
class Case:
    """One bad input.

    ``setup(ws)`` breaks the workspace and returns values for the ``key`` template (e.g. the
    line number ``n``); ``args`` is the command line (templates filled from the workspace);
    ``file`` is what the error line must name (template); ``key`` a text it must contain
    (template, or None); ``slow`` runs it in a subprocess with a timeout; ``validate`` also
    runs ``potential validate`` on that path (template) and expects the same problem.
    """

    id: str
    setup: Callable[[Workspace], dict | None]
    args: tuple[str, ...]
    file: str
    key: str | tuple[str, ...] | None = None
    out: bool = True
    slow: bool = False
    validate: str | None = None
    skip: str | None = None


ANALYSE_DATA = ("analyse", "--data", "{data}")
CASES: list[Case] = []


def add(*args, **kwargs) -> None:
    CASES.append(Case(*args, **kwargs))


def add_data(cid: str, setup, name: str, key) -> None:
    """A case that breaks ``<name>.csv`` of the dataset copy; ``analyse`` and ``validate``."""
    add(cid, setup, ANALYSE_DATA, "{data}/" + name + ".csv", key, validate="{data}")


# numbers in dataset CSVs: (file, row match, column, expected key template)
NUMBER_CELLS = [
    ("bodies", {"id": "luenen"}, "population"),
    ("bodies", {"id": "luenen"}, "area_km2"),
    ("bodies", {"id": "luenen"}, "lat"),
    ("field_parameters", {"field": "epayment", "parameter": "cost_per_capita"}, "value"),
    ("field_parameters", {"field": "epayment", "parameter": "cost_per_capita"}, "high"),
    (
        "legal_form_parameters",
        {"legal_form": "oerv_mandat", "parameter": "pooling_factor"},
        "value",
    ),
    ("parameters", {"parameter": "leaving_share_10y"}, "value"),
    ("parameters", {"parameter": "min_team_fte"}, "value"),
    ("obligations", {"id": "egovg_3"}, "weight"),
    ("knockout_rules", {"id": "anzeigefrist_gmbh"}, "min_approval_weeks"),
]
NUMBER_DAMAGE = {
    "nan": "nan",
    "inf": "inf",
    "-inf": "-inf",
    "1e300": "1e300",
    "1e309": "1e309",
    "negative": "-5",
    "text": "viele",
}


def _edit(name, match, changes):
    def setup(ws):
        return {"n": edit_row(ws.csv(name), match, changes)}

    return setup


for name, match, column in NUMBER_CELLS:
    for kind, value in NUMBER_DAMAGE.items():
        if kind == "negative" and column == "lat":
            value = "-91"  # a negative latitude is a place, below -90 is none
        label = f"{name}-{match['parameter']}" if name == "parameters" else name
        add_data(
            f"{label}-{column}-{kind}",
            _edit(name, match, {column: value}),
            name,
            ("Zeile {n}: ", f"'{column}'"),
        )

# required numbers left empty
for name, match, column in [
    ("bodies", {"id": "luenen"}, "population"),
    ("bodies", {"id": "luenen"}, "area_km2"),
    ("parameters", {"parameter": "min_team_fte"}, "value"),
    ("field_parameters", {"field": "epayment", "parameter": "cost_per_capita"}, "value"),
    (
        "legal_form_parameters",
        {"legal_form": "oerv_mandat", "parameter": "pooling_factor"},
        "value",
    ),
    ("obligations", {"id": "egovg_3"}, "weight"),
]:
    add_data(
        f"{name}-{column}-empty",
        _edit(name, match, {column: ""}),
        name,
        ("Zeile {n}: ", f"'{column}'"),
    )

# shares above 1
for name, match, column in [
    ("parameters", {"parameter": "leaving_share_10y"}, "value"),
    (
        "legal_form_parameters",
        {"legal_form": "oerv_mandat", "parameter": "pooling_factor"},
        "value",
    ),
]:
    add_data(
        f"{name}-{column}-share-above-1",
        _edit(name, match, {column: "1.5"}),
        name,
        ("Zeile {n}: ", f"'{column}'"),
    )

# body_fields.csv and fulfilment.csv ship header-only: a survey row with one bad number
BODY_FIELD_ROW = {
    "body": "kamen",
    "field": "it",
    "annual_cost_eur": "100000",
    "fte": "1",
    "leaving_share": "0.3",
    "source": "Umfrage 2025",
}
for column, kind, value in [
    ("annual_cost_eur", "nan", "nan"),
    ("annual_cost_eur", "inf", "inf"),
    ("annual_cost_eur", "1e300", "1e300"),
    ("annual_cost_eur", "1e309", "1e309"),
    ("annual_cost_eur", "negative", "-100000"),
    ("annual_cost_eur", "text", "viel"),
    ("fte", "nan", "nan"),
    ("fte", "-inf", "-inf"),
    ("fte", "negative", "-1"),
    ("leaving_share", "share-above-1", "1.5"),
    ("leaving_share", "negative", "-0.1"),
    ("leaving_share", "nan", "nan"),
]:

    def _bf(ws, column=column, value=value):
        row = dict(BODY_FIELD_ROW, **{column: value})
        return {"n": append_row(ws.csv("body_fields"), ",".join(row.values()))}

    add(
        f"body_fields-{column}-{kind}",
        _bf,
        ANALYSE_DATA,
        "{data}/body_fields.csv",
        ("Zeile {n}: ", f"'{column}'"),
        validate="{data}",
    )

for kind, value in [
    ("nan", "nan"),
    ("inf", "inf"),
    ("share-above-1", "1.5"),
    ("negative", "-0.5"),
    ("text", "halb"),
    ("1e309", "1e309"),
]:

    def _ff(ws, value=value):
        return {"n": append_row(ws.csv("fulfilment"), f"kamen,ozg,{value},Umfrage 2025")}

    add(
        f"fulfilment-fulfilment-{kind}",
        _ff,
        ANALYSE_DATA,
        "{data}/fulfilment.csv",
        "Zeile {n}: Spalte 'fulfilment'",
        validate="{data}",
    )

ALL_CSV = [
    "bodies",
    "cooperations",
    "fields",
    "knockout_rules",
    "legal_forms",
    "legal_form_parameters",
    "field_parameters",
    "obligations",
    "parameters",
    "sources",
    "vat_rules",
]


# NUL byte and control characters inside a cell of line 2
def _inject(name: str, char: str):
    def setup(ws):
        path = ws.csv(name)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        first = lines[1]
        cut = first.index(",") // 2 + 1  # inside the first cell
        lines[1] = first[:cut] + char + first[cut:]
        path.write_text("".join(lines), encoding="utf-8")
        return {"n": 2}

    return setup


for name in ALL_CSV:
    add_data(
        f"{name}-nul-byte",
        _inject(name, "\x00"),
        name,
        "Zeile {n}",
    )
for name in ["bodies", "cooperations", "fields", "legal_forms", "sources", "parameters"]:
    add_data(
        f"{name}-control-character",
        _inject(name, "\x1b[31m\x07"),
        name,
        "Zeile {n}",
    )


# header only (for the tables that must have rows)
def _header_only(name):
    def setup(ws):
        header_only(ws.csv(name))

    return setup


# (cooperations.csv and knockout_rules.csv may be empty: no cooperation, no rule)
for name in [
    "bodies",
    "fields",
    "legal_forms",
    "parameters",
    "sources",
    "field_parameters",
    "legal_form_parameters",
    "obligations",
]:
    add_data(
        f"{name}-header-only",
        _header_only(name),
        name,
        None,
    )


# a required column missing
def _drop(name, column):
    def setup(ws):
        if name == "body_fields":  # ships header-only: give it a row that needs the column
            append_row(ws.csv(name), ",".join(BODY_FIELD_ROW.values()))
        drop_column(ws.csv(name), column)

    return setup


for name, column in [
    ("bodies", "population"),
    ("bodies", "area_km2"),
    ("cooperations", "members"),
    ("fields", "legal_forms"),
    ("knockout_rules", "legal_form"),
    ("legal_forms", "has_lead"),
    ("legal_form_parameters", "value"),
    ("field_parameters", "value"),
    ("obligations", "weight"),
    ("parameters", "value"),
    ("sources", "grade"),
    ("vat_rules", "taxable"),
    ("body_fields", "annual_cost_eur"),
    ("fulfilment", "fulfilment"),
]:
    add_data(
        f"{name}-missing-column-{column}",
        _drop(name, column),
        name,
        ("Zeile 1", column),
    )


# duplicate ids / keys
def _dup(name):
    def setup(ws):
        return {"n": duplicate_row(ws.csv(name))}

    return setup


for name in [
    "bodies",
    "cooperations",
    "fields",
    "knockout_rules",
    "legal_forms",
    "legal_form_parameters",
    "field_parameters",
    "obligations",
    "parameters",
    "sources",
    "vat_rules",
]:
    add_data(
        f"{name}-duplicate-id",
        _dup(name),
        name,
        "Zeile {n}",
    )

# unknown references
for name, match, changes, column in [
    ("bodies", {"id": "luenen"}, {"neighbours": "selm;werne;dortmund"}, "neighbours"),
    ("bodies", {"id": "luenen"}, {"population_source": "wiki-lunen"}, "population_source"),
    ("cooperations", {"id": "rpa_schwerte"}, {"field": "schwimmbad"}, "field"),
    ("cooperations", {"id": "rpa_schwerte"}, {"legal_form": "anstalt"}, "legal_form"),
    ("cooperations", {"id": "vhs_kamen_boenen"}, {"lead": "dortmund"}, "lead"),
    ("fields", {"id": "epayment"}, {"obligations": "egovg_99"}, "obligations"),
    (
        "field_parameters",
        {"field": "epayment", "parameter": "cost_per_capita"},
        {"field": "schwimmbad"},
        "field",
    ),
    (
        "legal_form_parameters",
        {"legal_form": "oerv_mandat", "parameter": "pooling_factor"},
        {"legal_form": "anstalt"},
        "legal_form",
    ),
    ("knockout_rules", {"id": "anzeigefrist_gmbh"}, {"legal_form": "anstalt"}, "legal_form"),
    (
        "vat_rules",
        {"field": "epayment", "legal_form": "oerv_mandat"},
        {"field": "schwimmbad"},
        "field",
    ),
    ("parameters", {"parameter": "leaving_share_10y"}, {"source": "dbb-2099"}, "source"),
    ("obligations", {"id": "egovg_3"}, {"source": "egovg-2099"}, "source"),
    ("legal_forms", {"id": "arbeitsgemeinschaft"}, {"has_lead": "vielleicht"}, "has_lead"),
    (
        "vat_rules",
        {"field": "epayment", "legal_form": "oerv_mandat"},
        {"taxable": "jein"},
        "taxable",
    ),
    ("cooperations", {"id": "rpa_schwerte"}, {"since": "2023-02-30"}, "since"),
]:
    add_data(
        f"{name}-{column}-unknown",
        _edit(name, match, changes),
        name,
        ("Zeile {n}: ", f"'{column}'"),
    )

for label, line in [
    ("body", "dortmund,it,100000,1,,Umfrage 2025"),
    ("field", "kamen,schwimmbad,100000,1,,Umfrage 2025"),
]:

    def _bfu(ws, line=line):
        return {"n": append_row(ws.csv("body_fields"), line)}

    add(
        f"body_fields-unknown-{label}",
        _bfu,
        ANALYSE_DATA,
        "{data}/body_fields.csv",
        "Zeile {n}",
        validate="{data}",
    )


def _ff_unknown(ws):
    return {"n": append_row(ws.csv("fulfilment"), "kamen,pflicht_99,0.5,Umfrage 2025")}


add(
    "fulfilment-unknown-obligation",
    _ff_unknown,
    ANALYSE_DATA,
    "{data}/fulfilment.csv",
    "Zeile {n}",
    validate="{data}",
)


# body_weights.csv beside the dataset (a survey result)
def _body_weights(value):
    def setup(ws):
        lines = [
            "body,level,id,weight,source,assumption",
            "kamen,criterion,npv_per_capita,0.6,,Umfrage 2025",
            f"kamen,group,personal,{value},,Umfrage 2025",
        ]
        (ws.data / "body_weights.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return {"n": 3}

    return setup


for kind, value in [("nan", "nan"), ("inf", "inf"), ("negative", "-1"), ("1e308", "1e308")]:
    add(
        f"body_weights-weight-{kind}",
        _body_weights(value),
        ANALYSE_DATA,
        "{data}/body_weights.csv",
        "Zeile {n}",
        validate="{data}",
    )

# --- dataset.yaml ------------------------------------------------------------------------

BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "j: [*i,*i,*i,*i,*i,*i,*i,*i,*i]\n"
)
DEPTH = "[" * 10_000 + "]" * 10_000 + "\n"


def _dataset_yaml(text: str | None = None, old: str | None = None, new: str = ""):
    def setup(ws):
        path = ws.data / "dataset.yaml"
        if old is not None:
            return {"n": replace_once(path, old, new)}
        path.write_text(text, encoding="utf-8")

    return setup


add(
    "dataset_yaml-alias-bomb",
    _dataset_yaml("id: kreis-unna\n" + BOMB),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    slow=True,
    validate="{data}",
)
add(
    "dataset_yaml-depth-bomb",
    _dataset_yaml("id: " + DEPTH),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    slow=True,
    validate="{data}",
)
add(
    "dataset_yaml-not-a-mapping",
    _dataset_yaml("- kreis-unna\n- zwei\n"),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    validate="{data}",
)
add(
    "dataset_yaml-tab-indent",
    _dataset_yaml(old="\n  de: ", new="\n\tde: "),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    "Zeile",
    validate="{data}",
)
add(
    "dataset_yaml-bad-reference-date",
    _dataset_yaml(old="reference_date: 2026-11-25", new="reference_date: 2026-13-45"),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    "Schlüssel 'reference_date'",
    validate="{data}",
)
add(
    "dataset_yaml-unknown-partner-set",
    _dataset_yaml(old="partner_sets: [county,", new="partner_sets: [galaxy, county,"),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    "Schlüssel 'options",
    validate="{data}",
)
add(
    "dataset_yaml-nul-byte",
    _dataset_yaml(old="id: kreis-unna", new="id: kreis\x00unna"),
    ANALYSE_DATA,
    "{data}/dataset.yaml",
    validate="{data}",
)

# --- criteria YAML -----------------------------------------------------------------------

ANALYSE_CRITERIA = ("analyse", "--criteria", "{criteria}")


def _criteria(old: str | None = None, new: str = "", text: str | None = None):
    def setup(ws):
        if text is not None:
            ws.criteria.write_text(text, encoding="utf-8")
            return None
        return {"n": replace_once(ws.criteria, old, new)}

    return setup


for kind, value in [
    ("nan", ".nan"),
    ("inf", ".inf"),
    ("-inf", "-.inf"),
    ("1e308", "1e308"),
    ("1e309", "1e309"),
    ("negative", "-0.35"),
    ("text", "viel"),
]:
    add(
        f"criteria-group-weight-{kind}",
        _criteria("weight: 0.35\n", f"weight: {value}\n"),
        ANALYSE_CRITERIA,
        "{criteria}",
        "Schlüssel 'groups[1].weight'",
        validate="{criteria}",
    )
for kind, value in [("nan", ".nan"), ("inf", ".inf"), ("1e308", "1e308")]:
    add(
        f"criteria-criterion-weight-{kind}",
        _criteria("weight: 0.8\n", f"weight: {value}\n"),
        ANALYSE_CRITERIA,
        "{criteria}",
        "Schlüssel 'groups[1].criteria[1].weight'",
        validate="{criteria}",
    )
for kind, value in [("nan", ".nan"), ("inf", ".inf")]:
    add(
        f"criteria-scale-worst-{kind}",
        _criteria("worst: -30\n", f"worst: {value}\n"),
        ANALYSE_CRITERIA,
        "{criteria}",
        "Schlüssel 'groups[1].criteria[1].scale.worst'",
        validate="{criteria}",
    )
add(
    "criteria-alias-bomb",
    _criteria(text="id: x\n" + BOMB),
    ANALYSE_CRITERIA,
    "{criteria}",
    slow=True,
    validate="{criteria}",
)
add(
    "criteria-depth-bomb",
    _criteria(text="id: " + DEPTH),
    ANALYSE_CRITERIA,
    "{criteria}",
    slow=True,
    validate="{criteria}",
)


def _criteria_20mb(ws):
    text = CRITERIA.read_text(encoding="utf-8")
    padding = "# " + "x" * 98 + "\n"
    ws.criteria.write_text(text + padding * (20 * 1024 * 1024 // len(padding)), encoding="utf-8")


add(
    "criteria-20mb",
    _criteria_20mb,
    ANALYSE_CRITERIA,
    "{criteria}",
    slow=True,
    validate="{criteria}",
)
add(
    "criteria-not-a-mapping",
    _criteria(text="- eins\n- zwei\n"),
    ANALYSE_CRITERIA,
    "{criteria}",
    validate="{criteria}",
)
add(
    "criteria-scalar",
    _criteria(text="nur ein Satz\n"),
    ANALYSE_CRITERIA,
    "{criteria}",
    validate="{criteria}",
)
add(
    "criteria-tab-indent",
    _criteria("\n  - id: wirtschaftlichkeit", "\n\t- id: wirtschaftlichkeit"),
    ANALYSE_CRITERIA,
    "{criteria}",
    "Zeile",
    validate="{criteria}",
)
add(
    "criteria-nul-byte",
    _criteria("id: ikz-egov-nrw", "id: ikz\x00egov"),
    ANALYSE_CRITERIA,
    "{criteria}",
    validate="{criteria}",
)
add(
    "criteria-unknown-key",
    _criteria("\nlabel:", "\nlabell:"),
    ANALYSE_CRITERIA,
    "{criteria}",
    "'labell'",
    validate="{criteria}",
)

# --- scenario YAML -----------------------------------------------------------------------

ANALYSE_SCENARIO = ("analyse", "--scenario", "{scenario}")


def _scenario(extra: str = "", text: str | None = None):
    def setup(ws):
        if text is not None:
            ws.scenario.write_text(text, encoding="utf-8")
        else:
            with ws.scenario.open("a", encoding="utf-8") as f:
                f.write(extra)

    return setup


for cid, extra, key in [
    ("scenario-bad-method-parameter", "method_params: {lam: 0.3}\n", "method"),
    ("scenario-method-parameter-nan", "method_params: {value_function: .nan}\n", "method"),
    (
        "scenario-override-nan",
        "overrides:\n  - {parameter: leaving_share_10y, value: .nan, source: dbb-2022}\n",
        "overrides[1]",
    ),
    (
        "scenario-override-inf",
        "overrides:\n  - {parameter: min_team_fte, value: .inf, source: dbb-2022}\n",
        "overrides[1]",
    ),
    (
        "scenario-override-share-above-1",
        "overrides:\n  - {parameter: leaving_share_10y, value: 3, source: dbb-2022}\n",
        "overrides[1]",
    ),
    (
        "scenario-override-unknown-parameter",
        "overrides:\n  - {parameter: warp_factor, value: 3, source: dbb-2022}\n",
        "overrides[1]",
    ),
    ("scenario-unknown-key", "methode: topsis\n", "'methode'"),
    ("scenario-discount-rate-nan", "economics: {discount_rate: .nan}\n", "economics"),
    ("scenario-horizon-zero", "economics: {horizon_years: 0}\n", "economics"),
    ("scenario-smaa-n-huge", "uncertainty: {n: 1000000000}\n", "uncertainty"),
    (
        "scenario-weight-inf",
        "weights:\n  - {criterion: npv_per_capita, value: .inf, assumption: Test}\n",
        "weights[1]",
    ),
    (
        "scenario-weight-1e308",
        "weights:\n  - {group: personal, value: 1e308, assumption: Test}\n",
        "weights[1]",
    ),
]:
    add(
        cid,
        _scenario(extra),
        ANALYSE_SCENARIO,
        "{scenario}",
        f"Schlüssel '{key}" if key[0] != "'" else key,
        validate="{scenario}",
    )

add(
    "scenario-alias-bomb",
    _scenario(text="name: test\n" + BOMB),
    ANALYSE_SCENARIO,
    "{scenario}",
    slow=True,
    validate="{scenario}",
)
add(
    "scenario-depth-bomb",
    _scenario(text="name: " + DEPTH),
    ANALYSE_SCENARIO,
    "{scenario}",
    slow=True,
    validate="{scenario}",
)
add(
    "scenario-not-a-mapping",
    _scenario(text="- test\n"),
    ANALYSE_SCENARIO,
    "{scenario}",
    validate="{scenario}",
)
add(
    "scenario-run-bad-method-parameter",
    _scenario("method_params: {lam: 0.3}\n"),
    ("scenario", "run", "{scenario}", "--quiet"),
    "{scenario}",
    "Schlüssel 'method",
)

# --- survey import -----------------------------------------------------------------------

SURVEY = ("survey", "import", "{workbook}", "--into", "{root}/into")


def _workbook(content: Callable[[Path], None]):
    def setup(ws):
        content(ws.workbook)

    return setup


def _template(path: Path) -> None:
    """A real survey template for Kamen (made once per session, then copied)."""
    cache = _template.__dict__.get("cache")
    if cache is None or not cache.exists():
        import tempfile

        cache = Path(tempfile.mkdtemp()) / "vorlage.xlsx"
        result = CliRunner().invoke(
            main, ["survey", "template", "--body", "kamen", "--out", str(cache)]
        )
        assert result.exit_code == 0, result.output
        _template.cache = cache
    shutil.copyfile(cache, path)


def _rezip(path: Path, change: Callable[[str, bytes], bytes], extra: dict | None = None):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(name, change(name, data))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def _huge_dimension(path: Path) -> None:
    import re

    _template(path)

    def change(name, data):
        if name.startswith("xl/worksheets/sheet"):
            text = data.decode("utf-8")
            text, n = re.subn(
                r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', text
            )
            assert n == 1, f"{name}: no <dimension> element to enlarge"
            return text.encode("utf-8")
        return data

    _rezip(path, change)


def _macro(path: Path) -> None:
    _template(path)

    def change(name, data):
        if name == "[Content_Types].xml":
            return data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            )
        return data

    _rezip(path, change, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 508})


def _garbage_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hallo.txt", "kein Excel")


add(
    "survey-not-a-zip",
    _workbook(lambda p: p.write_text("hallo\n")),
    SURVEY,
    "{workbook}",
    out=False,
)
add("survey-empty-file", _workbook(lambda p: p.write_bytes(b"")), SURVEY, "{workbook}", out=False)
add("survey-zip-of-garbage", _workbook(_garbage_zip), SURVEY, "{workbook}", out=False)
add("survey-macro-enabled", _workbook(_macro), SURVEY, "{workbook}", out=False)
add(
    "survey-huge-dimension", _workbook(_huge_dimension), SURVEY, "{workbook}", out=False, slow=True
)
add(
    "survey-random-bytes",
    _workbook(lambda p: p.write_bytes(bytes(range(256)) * 64)),
    SURVEY,
    "{workbook}",
    out=False,
)

# --- command-line arguments --------------------------------------------------------------


def _nothing(ws):
    return None


for cid, args, where in [
    ("cli-smaa-1e9", ("analyse", "--smaa", str(10**9)), "--smaa"),
    ("cli-smaa-n-1e9", ("smaa", "--n", str(10**9)), "--n"),
    ("cli-risk-1e9", ("analyse", "--risk", str(10**9)), "--risk"),
    ("cli-horizon-1e9", ("analyse", "--horizon", str(10**9)), "--horizon"),
]:
    add(cid, _nothing, args, where, slow=True)

for cid, args, where in [
    ("cli-negative-seed", ("analyse", "--seed", "-1"), "--seed"),
    ("cli-smaa-negative-seed", ("smaa", "--seed", "-1", "--n", "10"), "--seed"),
    ("cli-discount-rate-nan", ("analyse", "--discount-rate", "nan"), "--discount-rate"),
    ("cli-discount-rate-inf", ("analyse", "--discount-rate", "inf"), "--discount-rate"),
    ("cli-discount-rate-negative", ("analyse", "--discount-rate", "-0.5"), "--discount-rate"),
    ("cli-horizon-zero", ("analyse", "--horizon", "0"), "--horizon"),
    ("cli-ramp-up-nan", ("analyse", "--ramp-up", "nan,1"), "--ramp-up"),
    ("cli-ramp-up-above-1", ("analyse", "--ramp-up", "0.5,2"), "--ramp-up"),
    ("cli-reference-date-bad", ("analyse", "--reference-date", "30.02.2027"), "--reference-date"),
    ("cli-smaa-zero", ("analyse", "--smaa", "0"), "--smaa"),
]:
    add(cid, _nothing, args, where)

add(
    "cli-unknown-body-survey-template",
    _nothing,
    ("survey", "template", "--body", "dortmund", "--out", "{root}/out/vorlage.xlsx"),
    "--body",
    "dortmund",
    out=False,
)
add(
    "cli-unknown-body-plot",
    _nothing,
    ("plot", "heatmap", "--body", "dortmund"),
    "--body",
    "dortmund",
)

# --- output folder -----------------------------------------------------------------------


def _parent_is_file(ws):
    (ws.root / "datei").write_bytes(MARKER)


add(
    "out-parent-is-a-file",
    _parent_is_file,
    ("analyse", "--out", "{root}/datei/unter"),
    "{root}/datei",
    out=False,
)
add(
    "out-grandparent-is-a-file",
    _parent_is_file,
    ("analyse", "--out", "{root}/datei/a/b"),
    "{root}/datei",
    out=False,
)


def _read_only(ws):
    folder = ws.root / "nur-lesen"
    folder.mkdir()
    folder.chmod(0o500)


add(
    "out-read-only-folder",
    _read_only,
    ("analyse", "--out", "{root}/nur-lesen/aus"),
    "{root}/nur-lesen",
    out=False,
    skip="root ignores folder permissions" if os.geteuid() == 0 else None,
)
add(
    "out-under-a-file-smaa",
    _parent_is_file,
    ("smaa", "--n", "10", "--out", "{root}/datei/aus"),
    "{root}/datei",
    out=False,
)
add(
    "out-under-a-file-report",
    _parent_is_file,
    ("report", "--quiet", "--out", "{root}/datei/aus"),
    "{root}/datei",
    out=False,
)


# --- running a case ----------------------------------------------------------------------


def hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@dataclasses.dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def run(args: list[str], slow: bool) -> Outcome:
    """Run the CLI: in a subprocess with a timeout if ``slow``, else with CliRunner."""
    if slow:
        env = {k: v for k, v in os.environ.items() if k != "POTENTIAL_LANG"}
        try:
            done = subprocess.run(
                [sys.executable, "-m", "potential", *args],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                env=env,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"no answer within {TIMEOUT} s: {args}")
        return Outcome(done.returncode, done.stdout, done.stderr)
    result = CliRunner().invoke(main, args, env={"POTENTIAL_LANG": None})
    return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)


def check_line(outcome: Outcome, where: str, key: tuple[str, ...]) -> str:
    """Check a clean failure; return the one error line."""
    text = outcome.stdout + outcome.stderr
    assert "Traceback" not in text, text[-2000:]
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), repr(
        outcome.exception
    )
    lines = outcome.stderr.strip().splitlines()
    first = (lines or [outcome.stdout.strip()[:200]])[0][:200]
    assert outcome.exit_code == 2, f"exit {outcome.exit_code}: {first}"
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {first}"
    line = lines[0]
    assert line.startswith("Fehler: "), line[:200]
    assert where in line, f"{where!r} not named: {line[:200]}"
    for part in key:
        assert part in line, f"{part!r} not named: {line[:200]}"
    return line


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path):
    if case.skip:
        pytest.skip(case.skip)
    ws = make_workspace(tmp_path / "ws")
    values = case.setup(ws) or {}
    where = ws.fill(case.file)
    keys = (case.key,) if isinstance(case.key, str) else case.key or ()
    key = tuple(k.format(**values) for k in keys)
    args = [ws.fill(a) for a in case.args]
    before = hashes(ws.root)

    # 1. a fresh output folder must not appear
    fresh = tmp_path / "fresh-out"
    line = check_line(
        run([*args, "--out", str(fresh)] if case.out else args, case.slow), where, key
    )
    assert not fresh.exists(), "a fresh output folder appeared"
    assert hashes(ws.root) == before, "an input file or folder was touched"

    # 2. an existing output folder with a marker stays as it was
    if case.out:
        old = tmp_path / "old-out"
        old.mkdir()
        (old / "ranking.csv").write_bytes(MARKER)
        line2 = check_line(run([*args, "--out", str(old)], case.slow), where, key)
        assert sorted(p.name for p in old.iterdir()) == ["ranking.csv"], "output left behind"
        assert (old / "ranking.csv").read_bytes() == MARKER
        assert line2 == line.replace(str(fresh), str(old))
        assert hashes(ws.root) == before, "an input file or folder was touched"

    # 3. validate finds the same problem
    if case.validate:
        outcome = run(["validate", ws.fill(case.validate)], case.slow)
        assert outcome.exit_code == 2, (
            f"validate: exit {outcome.exit_code}: {outcome.stdout[:200]}"
        )
        problems = [
            x.removeprefix("FEHLER ").strip()
            for x in outcome.stderr.splitlines()
            if x.startswith("FEHLER ")
        ]
        assert problems == [line.removeprefix("Fehler: ")], (
            f"validate: {outcome.stderr.strip()[:200]}"
        )
        assert hashes(ws.root) == before


def test_catalogue_is_large_enough():
    """Issue 16 asks for at least 150 cases."""
    assert len(CASES) >= 150
    assert len({c.id for c in CASES}) == len(CASES)
