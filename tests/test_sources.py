"""The embedded dataset's ``sources.csv``: hosts, grades, checked dates, and that every id is
defined and used; the Source model; how ``potential data sources`` marks the grades."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from click.testing import CliRunner

from potential import files
from potential.cli import main
from potential.errors import InputError
from potential.models import GRADES, Source, parse
from potential.provenance import sources_table, weakest_grade
from potential.resources import data_dir, scenarios_dir

FOLDER = data_dir() / "kreis-unna"
SOURCES = pd.read_csv(FOLDER / "sources.csv", dtype=str, keep_default_na=False)

#: hosts of wiki mirrors, web proxies and copies of law texts: a source must point at the
#: primary text or the publisher itself (a host matches itself and its subdomains)
DENIED_HOSTS = (
    "wikide.org", "wikiwand.com", "wikizero.com", "pinocchiopedia.com", "other.wiki",
    "abcdef.wiki", "iwiki.icu", "zxc.wiki", "defzone.net", "wikipedia-on-ipfs.org",
    "wikiless.lunar.icu", "azureedge.net", "wonilvalve.com", "jewiki.net",
    "de-academic.com", "github.com", "githubusercontent.com", "788897.xyz", "accos.tk",
    "zeta-sw.com", "publicplan.cloud",
)  # fmt: skip
#: host patterns of proxies and translation front-ends
DENIED_PATTERNS = (r"proxy", r"translate\.goog$", r"\.wiki$")

#: ids of the former rows for body figures (wiki mirrors, removed when the bodies moved to
#: Destatis GV-ISys and Geobasis NRW DVG2, issue 14): none may come back
BODY_ROW = re.compile(r"^(pop-kreis|area-kreis|nb-.+|wiki-.+|rn-werne|holzwickede-de|coords-.+)$")
#: sources that are documents, not web pages (their ``url`` names the document)
OFFLINE = frozenset({"kreis-report-2016", "kgst-kaa-2022"})

#: columns of the dataset tables that hold source ids (``;``-separated lists allowed);
#: ``body_fields.csv`` and ``fulfilment.csv`` name who reported a row in free text
ID_COLUMNS = {
    "bodies.csv": ("population_source", "area_source", "neighbours_source", "coords_source"),
    "fields.csv": ("source",),
    "legal_forms.csv": ("source",),
    "obligations.csv": ("source",),
    "cooperations.csv": ("source",),
    "parameters.csv": ("source",),
    "field_parameters.csv": ("source",),
    "legal_form_parameters.csv": ("source",),
    "vat_rules.csv": ("source",),
    "knockout_rules.csv": ("source",),
}

#: text columns whose rationale may name a source by its id ("(source advermig)")
MENTION_COLUMNS = {
    "parameters.csv": ("assumption", "note"),
    "field_parameters.csv": ("assumption", "note"),
    "legal_form_parameters.csv": ("assumption",),
    "obligations.csv": ("assumption",),
    "vat_rules.csv": ("basis",),
}


def _denied(host: str) -> bool:
    host = host.lower()
    if any(host == h or host.endswith("." + h) for h in DENIED_HOSTS):
        return True
    return any(re.search(p, host) for p in DENIED_PATTERNS)


def _ids(cell: str) -> set[str]:
    return {i.strip() for i in cell.split(";") if i.strip()}


def _used_in_tables() -> dict[str, set[str]]:
    """Source id → the table columns that cite it."""
    used: dict[str, set[str]] = {}
    for name, columns in ID_COLUMNS.items():
        table = pd.read_csv(FOLDER / name, dtype=str, keep_default_na=False)
        for column in columns:
            for cell in table[column]:
                for i in _ids(cell):
                    used.setdefault(i, set()).add(f"{name}:{column}")
    return used


def _mentioned_in_texts(ids) -> set[str]:
    """The ids of ``ids`` that a rationale names as a word (``eugh-c51-15``)."""
    found = set()
    for name, columns in MENTION_COLUMNS.items():
        table = pd.read_csv(FOLDER / name, dtype=str, keep_default_na=False)
        text = " ".join(" ".join(table[c]) for c in columns)
        found |= {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
    return found


def _used_in_scenarios() -> set[str]:
    """Dataset source ids a shipped scenario names (``sources`` and every ``source`` key)."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source" and isinstance(item, str):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(Path(scenarios_dir()).glob("*.yaml")):
        data = files.read_yaml(path) or {}
        found |= {s for s in data.get("sources", []) if isinstance(s, str)}
        walk(data.get("overrides", []))
    return found


# --- sources.csv ------------------------------------------------------------------------


def test_the_columns_of_sources_csv():
    assert list(SOURCES.columns) == ["id", "grade", "title", "title_en", "url", "checked"]
    assert SOURCES["id"].is_unique


def test_no_source_points_at_a_mirror_or_proxy():
    bad = []
    for sid, url in zip(SOURCES["id"], SOURCES["url"], strict=True):
        host = urlsplit(url).hostname
        if host and _denied(host):
            bad.append((sid, host))
    assert bad == []


def test_the_body_figures_cite_the_official_sources_only():
    assert SOURCES.loc[SOURCES["id"].str.match(BODY_ROW), "id"].tolist() == []
    bodies = pd.read_csv(FOLDER / "bodies.csv", dtype=str, keep_default_na=False)
    cited = set().union(*(set(bodies[c]) for c in ID_COLUMNS["bodies.csv"]))
    assert cited == {"gv-isys-2023", "dvg2-nrw"}
    rows = SOURCES.set_index("id").loc[sorted(cited)]
    assert set(rows["grade"]) == {"V"}


def test_every_url_is_a_web_address_except_documents():
    for sid, url in zip(SOURCES["id"], SOURCES["url"], strict=True):
        if sid in OFFLINE:
            assert not url.startswith("http"), sid
        else:
            assert urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname, sid


def test_every_grade_is_v_s_or_u():
    assert set(SOURCES["grade"]) <= set(GRADES)


def test_checked_is_a_date_where_given():
    given = [c for c in SOURCES["checked"] if c]
    assert given, "the legal sources carry the date their text was checked"
    for cell in given:
        assert dt.date.fromisoformat(cell) <= dt.date(2026, 12, 31), cell


def test_legal_texts_on_official_sites_carry_their_checked_date():
    rows = SOURCES.set_index("id")
    for sid in ("ustg-2b", "ustg-12", "ustg-27", "ozg", "gkg-nrw", "ikz-richtlinie-2021"):
        assert rows.loc[sid, "checked"], sid


def test_the_ozg_row_cites_the_2024_amendment():
    row = SOURCES.set_index("id").loc["ozg"]
    assert "BGBl. 2024 I Nr. 245" in row["title"] and "2024 I Nr. 245" in row["title_en"]
    assert urlsplit(row["url"]).hostname == "www.gesetze-im-internet.de"


def test_titles_are_german_with_an_english_version():
    rows = SOURCES
    assert len(rows) > 30
    assert (rows["title_en"] != "").all(), rows.loc[rows["title_en"] == "", "id"].tolist()


def test_every_cited_source_id_is_defined():
    defined = set(SOURCES["id"])
    used = _used_in_tables()
    assert {i: cols for i, cols in used.items() if i not in defined} == {}


def test_every_defined_source_is_used():
    defined = set(SOURCES["id"])
    used = set(_used_in_tables()) | _used_in_scenarios() | _mentioned_in_texts(defined)
    assert sorted(defined - used) == []


def test_the_dataset_loads_the_new_columns(dataset):
    by_id = {s.id: s for s in dataset.sources}
    assert by_id["ustg-2b"].checked == dt.date(2026, 9, 9)
    assert by_id["ustg-2b"].title.startswith("Umsatzsteuergesetz § 2b")
    assert by_id["gv-isys-2023"].title_en.startswith("Destatis municipality directory")
    assert by_id["kearney-2007"].checked is None


# --- the Source model ----------------------------------------------------------------------


def _source(**extra) -> Source:
    row = {"id": "x", "grade": "S", "title": "Titel", "url": "https://example.org", **extra}
    return parse(Source, row, "sources.csv, line 2", "column")


def test_source_label_falls_back_to_the_german_title():
    assert _source().label("en") == "Titel"
    assert _source(title_en="Title").label("en") == "Title"
    assert _source(title_en="Title").label("de") == "Titel"


def test_source_blank_cells_mean_not_given():
    source = _source(title_en="", checked=" ")
    assert source.title_en is None and source.checked is None


def test_source_rejects_a_bad_checked_date_and_unknown_columns():
    with pytest.raises(InputError, match="checked"):
        _source(checked="09/10/2026")  # ambiguous: 9 October or 10 September
    assert _source(checked="09.10.2026").checked.isoformat() == "2026-10-09"  # TT.MM.JJJJ
    with pytest.raises(InputError, match="stand"):
        _source(stand="2026-09-09")


# --- grades in the sources table and in `potential data sources` -----------------------------


def test_weakest_grade(dataset):
    assert weakest_grade(dataset, "ustg-12") == "V"
    assert weakest_grade(dataset, "bmf-2b-2019;ustg-2b") == "S"
    assert weakest_grade(dataset, ["egovg-7", "bmf-zins-2023"]) == "U"
    assert weakest_grade(dataset, "") == ""


def test_sources_table_grades_and_languages(dataset):
    table = sources_table(dataset, grades=True).set_index(["table", "item", "parameter"])
    assert table.loc[("parameters.csv", "", "vat_rate"), "grade"] == "V"
    assert table.loc[("parameters.csv", "", "discount_rate"), "grade"] == "S"
    assert table.loc[("obligations.csv", "egovg_7", "in_force"), "grade"] == "U"  # egovg-7 is U
    assert table.loc[("field_parameters.csv", "it", "cost_per_capita"), "grade"] == "S"
    assert (table.loc[table["status"] != "source", "grade"] == "").all()
    de = sources_table(dataset).set_index(["table", "item", "parameter"])
    en = sources_table(dataset, lang="en").set_index(["table", "item", "parameter"])
    key = ("parameters.csv", "", "vat_rate")
    assert "Regelsteuersatz 19 %" in de.loc[key, "reference"]
    assert "standard VAT rate 19 %" in en.loc[key, "reference"]


def _lines(*args) -> list[str]:
    result = CliRunner().invoke(main, ["data", "sources", *args])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _entry(lines, prefix):
    (line,) = [x for x in lines if x.startswith(prefix)]
    return line


def test_data_sources_marks_secondary_and_unverified_values():
    lines = _lines()
    assert lines[0].startswith("Güte der Quellen: [V] Primärtext, [S] Sekundärquelle")
    assert _entry(lines, "parameters.csv::discount_rate = ").endswith(" [S]")
    assert _entry(lines, "obligations.csv:egovg_7:in_force = ").endswith(" [U]")
    plain = _entry(lines, "parameters.csv::vat_rate = ")
    assert plain == "parameters.csv::vat_rate = 0.19 share of the consideration"
    weights = [x for x in lines if x.startswith("criteria:")]
    assert weights and not any(x.endswith(("[S]", "[U]")) for x in weights)
    i = lines.index(plain)
    assert lines[i + 1].startswith("    source: [V] Umsatzsteuergesetz § 12 Abs. 1")


def test_data_sources_in_english():
    lines = _lines("--lang", "en")
    assert lines[0].startswith("Source grades: [V] primary text")
    i = lines.index("parameters.csv::vat_rate = 0.19 share of the consideration")
    assert lines[i + 1].startswith("    source: [V] Umsatzsteuergesetz § 12 (1): standard VAT")


def test_data_sources_csv_has_the_grade_column(tmp_path):
    out = tmp_path / "quellen.csv"
    CliRunner().invoke(main, ["data", "sources", "--out", str(out)], catch_exceptions=False)
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert "grade" in table.columns
    assert set(table["grade"]) <= {"", *GRADES}
