"""Coordinates of the bodies (``bodies.csv``: ``lat``, ``lon``, ``coords_source``).

Every figure is copied from the source named in ``coords_source``, the Destatis GV-ISys
table "Gemeinden ... am 31.12.2023" (geographic centre, decimal degrees). A verbatim extract of
its Kreis Unna rows is kept in ``tests/data/gv-isys-2023/kreis-unna.csv`` (workbook
``31122023_Auszug_GV.xlsx``, sheet ``Onlineprodukt_Gemeinden31122023``; columns Satzart, ARS,
Gemeindename, Fläche, Bevölkerung, Längengrad, Breitengrad as printed, with decimal commas).
The other checks are plausibility checks against facts already in the data (neighbours) and
in town descriptions, not sources of their own.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from potential.datasets import load_dataset
from potential.errors import InputError
from potential.provenance import sources_table

TOWNS = (
    "bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen", "schwerte",
    "selm", "unna", "werne",
)  # fmt: skip
#: verbatim extract of the GV-ISys 31.12.2023 rows of the Kreis Unna (see the module docstring)
GV_ISYS = Path(__file__).parent / "data" / "gv-isys-2023" / "kreis-unna.csv"


def _gv_isys() -> dict[str, dict[str, str]]:
    """GV-ISys rows by AGS (Land + RB + Kreis + Gem; the Kreis row by Land + RB + Kreis)."""
    with GV_ISYS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["land"] + r["rb"] + r["kreis"] + r["gem"]: r for r in rows}


def _decimal(text: str) -> float:
    """A German decimal figure as printed ("51,615888")."""
    return float(text.replace(",", "."))


def _haversine_km(a, b) -> float:
    """Great-circle distance in km between two bodies (mean earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _rewrite(path, change):
    """Rewrite a CSV file row by row: ``change(header, rows)`` returns both anew."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = change(rows[0], rows[1:])
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *body])


def _edit(path, body_id, changes) -> int:
    """Change cells of one body's row; return its line number (header = line 1)."""
    line = []

    def change(header, rows):
        for i, row in enumerate(rows):
            if row[0] == body_id:
                line.append(i + 2)
                for column, value in changes.items():
                    row[header.index(column)] = value
        return header, rows

    _rewrite(path, change)
    assert len(line) == 1
    return line[0]


# --- the shipped data -------------------------------------------------------------------


def test_every_body_has_coordinates_with_a_listed_source(dataset):
    sources = {s.id: s for s in dataset.sources}
    assert {b.id for b in dataset.bodies} == {"kreis_unna", *TOWNS}
    for b in dataset.bodies:
        assert b.lat is not None and b.lon is not None, b.id
        assert b.coords_source in sources, b.id
        assert "Mittelpunktkoordinaten" in sources[b.coords_source].title, b.id


def test_coordinates_are_the_figures_the_source_prints(dataset):
    """Längengrad and Breitengrad of the GV-ISys row with the town's AGS, to 6 decimals."""
    gv = _gv_isys()
    for b in dataset.bodies:
        if b.kind == "kreis":
            continue  # the Kreis row (Satzart 40) has no coordinates: see the next test
        row = gv[b.ags]
        assert row["satzart"] == "60", b.id
        assert b.lat == round(_decimal(row["breitengrad"]), 6), b.id
        assert b.lon == round(_decimal(row["laengengrad"]), 6), b.id


def test_population_area_and_keys_are_the_figures_the_source_prints(dataset):
    gv = _gv_isys()
    kreis = dataset.body("kreis_unna")
    assert gv[kreis.ags]["satzart"] == "40" and gv[kreis.ags]["gemeindename"] == "Unna"
    towns = [b for b in dataset.bodies if b.kind != "kreis"]
    assert {b.ags for b in towns} == {a for a, r in gv.items() if r["satzart"] == "60"}
    for b in towns:
        row = gv[b.ags]
        assert row["gemeindename"].split(",")[0] == b.name, b.id
        assert b.population == int(row["bevoelkerung"]), b.id
        assert b.area_km2 == pytest.approx(_decimal(row["flaeche_km2"]), abs=1e-9), b.id
        # GV-ISys names the eight towns ", Stadt" (Schwerte ", Hansestadt ..."), not Bönen
        # and Holzwickede: the same split as ``kind``
        assert ("," in row["gemeindename"]) == (b.kind == "stadt"), b.id
    # the Kreis row carries no figures; the county is the sum of its ten towns
    assert kreis.population == sum(int(gv[b.ags]["bevoelkerung"]) for b in towns)
    area = sum(_decimal(gv[b.ags]["flaeche_km2"]) for b in towns)
    assert kreis.area_km2 == pytest.approx(area, abs=0.005)


def test_the_county_sits_at_its_seat_the_town_of_unna(dataset):
    # The county is drawn at its seat (Kreisstadt Unna, bodies.csv status of 'unna'), with the
    # town's coordinates: the GV-ISys Kreis row has none.
    kreis, unna = dataset.body("kreis_unna"), dataset.body("unna")
    assert "Kreisstadt" in unna.status
    assert (kreis.lat, kreis.lon, kreis.coords_source) == (unna.lat, unna.lon, unna.coords_source)
    assert _gv_isys()[kreis.ags]["breitengrad"] == ""


def test_coordinates_lie_in_the_kreis_unna_region(dataset):
    # Plausibility check, not a source: a box around the Kreis Unna, about 51.4–51.8 N and
    # 7.3–8.0 E (the county lies east of Dortmund between the Lippe and the Ruhr).
    for b in dataset.bodies:
        assert 51.4 <= b.lat <= 51.8, b.id
        assert 7.3 <= b.lon <= 8.0, b.id


def test_neighbours_are_closer_than_25_km(dataset):
    # Bodies with a common border (bodies.csv 'neighbours') have centres a few km apart; the
    # whole county is 543 km², so 25 km between neighbouring centres would be implausible.
    pairs = 0
    for b in dataset.bodies:
        for nb in b.neighbours:
            assert _haversine_km(b, dataset.body(nb)) < 25, (b.id, nb)
            pairs += 1
    assert pairs > 10


def test_haversine_of_a_known_distance():
    # One degree of latitude along a meridian is 6371 km * pi / 180 = 111.19 km.
    class P:
        def __init__(self, lat, lon):
            self.lat, self.lon = lat, lon

    assert _haversine_km(P(51.0, 7.0), P(52.0, 7.0)) == pytest.approx(111.195, abs=0.001)


def test_relative_positions_agree_with_the_town_descriptions(dataset):
    b = {x.id: x for x in dataset.bodies}
    # Lünen (de-wiki article): "im Norden schließen sich Selm und Werne an", and Holzwickede
    # and Schwerte reach south to the Ruhr (Holzwickede's Kurzporträt, de-wiki Schwerte):
    # Selm and Werne lie north of Schwerte and Holzwickede.
    for north in ("selm", "werne"):
        assert b[north].lat > b["luenen"].lat
        for south in ("schwerte", "holzwickede"):
            assert b[north].lat > b[south].lat, (north, south)
    # Lünen: "die östliche Stadtgrenze teilt sich Lünen mit Bergkamen und Kamen"; Werne is
    # Bergkamen's neighbour on the Lippe: Lünen lies west of Werne, Bergkamen and Kamen.
    for east in ("werne", "bergkamen", "kamen"):
        assert b["luenen"].lon < b[east].lon, east
    # Bönen (de-wiki article): "südliche Nachbarkommune ist die Kreisstadt Unna",
    # "westlich von Bönen liegt die Stadt Kamen".
    assert b["unna"].lat < b["boenen"].lat
    assert b["kamen"].lon < b["boenen"].lon
    # Fröndenberg (de-wiki article): "liegt im Süden des Kreises Unna und grenzt im
    # Norden an die Stadt Unna".
    assert b["froendenberg"].lat < b["unna"].lat
    # Selm is the north-westernmost town of the Kreis (partnerschaftsverein-selm.de: "in the
    # extreme north-west of the Unna district").
    assert b["selm"].lat == max(x.lat for x in b.values())
    assert b["selm"].lon == min(x.lon for x in b.values())


def test_sources_table_lists_lat_and_lon_per_body(dataset):
    table = sources_table(dataset).set_index(["table", "item", "parameter"])
    for body in dataset.bodies:
        for name in ("lat", "lon"):
            row = table.loc[("bodies.csv", body.id, name)]
            assert row["value"] == getattr(body, name)
            assert row["unit"] == "° (WGS84)"
            assert row["status"] == "source" and row["source"] == body.coords_source
            assert "Mittelpunktkoordinaten" in row["reference"]
    luenen = table.loc[("bodies.csv", "luenen", "lat")]
    assert luenen["value"] == 51.614327 and "GV-ISys" in luenen["reference"]


# --- user datasets ----------------------------------------------------------------------


def test_a_dataset_without_coordinate_columns_still_loads(dataset_copy):
    def drop(header, rows):
        keep = [i for i, h in enumerate(header) if h not in ("lat", "lon", "coords_source")]
        return [header[i] for i in keep], [[r[i] for i in keep] for r in rows]

    _rewrite(dataset_copy / "bodies.csv", drop)
    data = load_dataset(dataset_copy)
    assert len(data.bodies) == 11
    assert all(b.lat is None and b.lon is None and b.coords_source is None for b in data.bodies)
    table = sources_table(data)
    assert not table["parameter"].isin(["lat", "lon"]).any()


def test_blank_coordinates_mean_none(dataset_copy):
    _edit(dataset_copy / "bodies.csv", "selm", {"lat": "", "lon": " ", "coords_source": ""})
    data = load_dataset(dataset_copy)
    selm = data.body("selm")
    assert (selm.lat, selm.lon, selm.coords_source) == (None, None, None)
    assert data.body("werne").lat == _decimal(_gv_isys()["05978040"]["breitengrad"])


def test_lat_without_lon(dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = _edit(path, "selm", {"lon": ""})
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert str(err.value) == (
        f"{path}, Zeile {n}: erwartet: 'lat' und 'lon' beide (Dezimalgrad, WGS84) oder keines "
        "von beiden"
    )
    from potential.messages import use_lang

    with use_lang("en"), pytest.raises(InputError, match="give both 'lat' and 'lon'"):
        load_dataset(dataset_copy)


def test_coordinates_without_a_source(dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = _edit(path, "selm", {"coords_source": ""})
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert str(err.value).startswith(f"{path}, Zeile {n}: ")
    assert "brauchen ihre Quelle in 'coords_source'" in str(err.value)


def test_latitude_out_of_range(dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = _edit(path, "selm", {"lat": "100"})
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert str(err.value) == (
        f"{path}, Zeile {n}: Spalte 'lat': '100' gefunden; erwartet: eine Zahl kleiner oder "
        "gleich 90"
    )


def test_longitude_not_a_number(dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = _edit(path, "selm", {"lon": "7°29′E"})
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert str(err.value).startswith(f"{path}, Zeile {n}: Spalte 'lon': '7°29′E' gefunden")


def test_unknown_coords_source(dataset_copy):
    path = dataset_copy / "bodies.csv"
    n = _edit(path, "selm", {"coords_source": "coords-nirgendwo"})
    with pytest.raises(InputError) as err:
        load_dataset(dataset_copy)
    assert str(err.value).startswith(
        f"{path}, Zeile {n}: Spalte 'coords_source': Quelle 'coords-nirgendwo' unbekannt"
    )
