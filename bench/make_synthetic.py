"""Synthetic datasets of 11, 44, 176 and 427 bodies, made from the embedded data; see
bench/README.md.

Run as ``python bench/make_synthetic.py [FOLDER] [--sizes 11 44 176 427] [--seed 17]``.
Each size becomes a dataset folder ``FOLDER/synthetic-<n>`` (default ``FOLDER``: a new
temporary folder) that :func:`potential.datasets.load_dataset` loads and ``potential
validate`` accepts. The same seed gives the same bytes.

How a dataset of ``n`` bodies is made from ``kreis-unna`` (one county, ten towns):

* **Bodies.** One county and ``n - 1`` towns. Town ``i`` (0-based) is a copy of real town
  ``i mod 10`` in copy ``c = i // 10 + 1``: id ``<town>_<c>``, name ``<name> <c>``, an
  AGS-like key ``05990`` + ``i + 1`` (three digits), kind and status of the real town, its
  population and area times a log-normal factor (σ 0.25 and 0.20) drawn from its own seed
  ``(seed, i)``, so a smaller dataset's towns are the first towns of a larger one. The
  county's population and area are the sums over its towns (as in the real data), scaled
  down with the towns if the sum would pass 95 % of the largest population allowed.
  Coordinates are the real town's, moved by 0.4° per copy on a grid.
* **Neighbours.** Each copy keeps the real towns' neighbours among its own towns; the first
  town of a copy and the last of the one before are neighbours too, so the map is one piece;
  a town left without a neighbour (in the last, partial copy) gets the town before it.
* **Cooperations.** One that has every real body as a member stays one, with every
  synthetic body as a member; any other is repeated per copy (id ``<id>_<c>``) with the
  copy's towns (the county stays itself). A copy that lacks its lead, or is left with fewer
  than two members and no external partner, is dropped.
* **Tables naming bodies** (``body_fields.csv``, ``fulfilment.csv``, ``body_weights.csv``
  and any other table with a ``body`` column): a county row stays once, a town row is
  repeated for each copy of the town (money and staff scaled with its population).
* **dataset.yaml.** New ``id``, title and description; in ``options``, ``join`` and
  ``stay_out`` name every copy of a town they named, ``lead`` the first copy.
* Every other table is copied unchanged; ``sources.csv`` gains the source
  ``synthetic-bench`` that the synthetic figures cite.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

#: the sizes of the benchmark (bodies, the county included)
SIZES = (11, 44, 176, 427)
#: default seed of the population and area factors
SEED = 17
#: id of the synthetic county
COUNTY_ID = "kreis_synthetisch"
#: AGS-like key of the synthetic county; town ``i`` gets ``COUNTY_AGS + f"{i + 1:03d}"``
COUNTY_AGS = "05990"
#: the source every synthetic figure cites
SOURCE = {
    "id": "synthetic-bench",
    "grade": "U",
    "title": "Synthetische Zahlen für Benchmarks: aus kreis-unna vervielfacht und gestreut "
    "(bench/make_synthetic.py)",
    "title_en": "Synthetic figures for benchmarks: kreis-unna multiplied and scattered "
    "(bench/make_synthetic.py)",
    "url": "bench/make_synthetic.py",
    "checked": "",
}
#: columns of tables with a ``body`` column that scale with a town's population
SCALED = ("annual_cost_eur", "fte")
#: spread (σ of the log) of the population and area factors
SIGMA_POPULATION, SIGMA_AREA = 0.25, 0.20
#: degrees a copy is moved on the map, and copies per row of the grid
GRID_STEP, GRID_ROW = 0.4, 8


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file of a dataset folder (comma-separated, UTF-8)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_table(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows as the embedded tables are written (``\\n`` line ends, minimal quotes)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def factors(seed: int, n_towns: int) -> np.ndarray:
    """Population and area factor of each town (``n_towns × 2``), town ``i`` from
    its own seed sequence (:func:`potential.random.block_sequence` ``(seed, i)``)."""
    from potential.random import block_sequence

    out = np.empty((n_towns, 2))
    for i in range(n_towns):
        rng = np.random.Generator(np.random.PCG64(block_sequence(seed, i)))
        out[i] = rng.lognormal(0.0, [SIGMA_POPULATION, SIGMA_AREA])
    return out


class _Layout:
    """Which real town each synthetic town copies, and the id maps between them."""

    def __init__(self, county: dict, towns: list[dict], size: int):
        if size < 2:
            raise ValueError(f"a synthetic dataset needs at least 2 bodies, not {size}")
        self.county_id = county["id"]
        self.n_towns = size - 1
        self.per_copy = len(towns)
        self.template = [towns[i % len(towns)] for i in range(self.n_towns)]
        self.copy = [i // len(towns) + 1 for i in range(self.n_towns)]
        self.ids = [f"{t['id']}_{c}" for t, c in zip(self.template, self.copy, strict=True)]
        self.copies = sorted(set(self.copy))
        #: (real id, copy) -> synthetic id, for the towns that exist
        self.by_copy = {
            (t["id"], c): i for t, c, i in zip(self.template, self.copy, self.ids, strict=True)
        }
        self.real_ids = {county["id"], *(t["id"] for t in towns)}

    def member(self, real_id: str, copy: int) -> str | None:
        """The synthetic id of a real body in a copy (the county is the same in every copy)."""
        if real_id == self.county_id:
            return COUNTY_ID
        return self.by_copy.get((real_id, copy))

    def every_copy(self, real_id: str) -> list[str]:
        """The synthetic ids of every copy of a real body, in dataset order."""
        if real_id == self.county_id:
            return [COUNTY_ID]
        return [i for (r, _), i in self.by_copy.items() if r == real_id]


def _neighbours(layout: _Layout) -> list[set[int]]:
    """Each town's neighbours (town indices), symmetric.

    A copy keeps the real neighbours among its towns; the first town of a copy and the last
    of the copy before are neighbours; a town left without one (in the last, partial copy)
    gets the town before it.
    """
    index = {new_id: i for i, new_id in enumerate(layout.ids)}
    links: list[set[int]] = [set() for _ in layout.ids]

    def link(a: int, b: int) -> None:
        links[a].add(b)
        links[b].add(a)

    for i, (t, c) in enumerate(zip(layout.template, layout.copy, strict=True)):
        for nb in t["neighbours"].split(";"):
            j = index.get(layout.member(nb, c)) if nb else None
            if j is not None:
                link(i, j)
        if i % layout.per_copy == 0 and c > 1:
            link(i, i - 1)
    for i in range(1, len(links)):
        if not links[i]:
            link(i, i - 1)
    return links


def _bodies(county, layout: _Layout, seed: int) -> tuple[list[dict], dict[str, float]]:
    """The synthetic bodies.csv rows, and each town's population factor by synthetic id."""
    from potential.models import MAX_POPULATION

    f = factors(seed, layout.n_towns)
    population = np.array([int(t["population"]) for t in layout.template]) * f[:, 0]
    if population.sum() > 0.95 * MAX_POPULATION:
        f[:, 0] *= 0.95 * MAX_POPULATION / population.sum()
        population = np.array([int(t["population"]) for t in layout.template]) * f[:, 0]
    population = np.maximum(np.rint(population).astype(np.int64), 1)
    area = np.round(np.array([float(t["area_km2"]) for t in layout.template]) * f[:, 1], 2)
    links = _neighbours(layout)
    rows = []
    for i, (t, c, new_id) in enumerate(zip(layout.template, layout.copy, layout.ids, strict=True)):
        neighbours = [layout.ids[j] for j in sorted(links[i])]
        row = dict(t)
        row.update(
            id=new_id,
            ags=f"{COUNTY_AGS}{i + 1:03d}",
            ags_status=f"synthetic: {t['id']} scaled (seed {seed})",
            name=f"{t['name']} {c}",
            population=str(int(population[i])),
            population_source=SOURCE["id"],
            area_km2=f"{area[i]:.2f}",
            area_source=SOURCE["id"],
            neighbours=";".join(neighbours),
            neighbours_source=SOURCE["id"] if neighbours else "",
        )
        if t.get("lat"):
            col, line = (c - 1) % GRID_ROW, (c - 1) // GRID_ROW
            row.update(
                lat=f"{float(t['lat']) - GRID_STEP * line:.6f}",
                lon=f"{float(t['lon']) + GRID_STEP * col:.6f}",
                coords_source=SOURCE["id"],
            )
        rows.append(row)
    kreis = dict(county)
    kreis.update(
        id=COUNTY_ID,
        ags=COUNTY_AGS,
        ags_status=f"synthetic: sum of its {layout.n_towns} towns (seed {seed})",
        name=f"Kreis Synthetisch {layout.n_towns + 1}",
        population=str(int(population.sum())),
        population_source=SOURCE["id"],
        area_km2=f"{area.sum():.2f}",
        area_source=SOURCE["id"],
        neighbours="",
        neighbours_source="",
    )
    if county.get("lat"):
        kreis.update(coords_source=SOURCE["id"])
    scale = {new_id: float(f[i, 0]) for i, new_id in enumerate(layout.ids)}
    scale[COUNTY_ID] = 1.0
    return [kreis, *rows], scale


def _cooperations(rows: list[dict], layout: _Layout) -> list[dict]:
    out = []
    for coop in rows:
        members = [m for m in coop["members"].split(";") if m]
        if set(members) == layout.real_ids:  # county-wide: stays one cooperation
            every = [COUNTY_ID, *layout.ids]
            lead = layout.member(coop["lead"], 1) if coop["lead"] else ""
            out.append({**coop, "members": ";".join(every), "lead": lead or ""})
            continue
        for c in layout.copies:
            mapped = [layout.member(m, c) for m in members]
            mapped = [m for m in mapped if m is not None]
            lead = layout.member(coop["lead"], c) if coop["lead"] else ""
            if lead is None or (len(mapped) < 2 and not coop["external_partners"]) or not mapped:
                continue
            out.append(
                {
                    **coop,
                    "id": f"{coop['id']}_{c}",
                    "label": f"{coop['label']} ({c})",
                    "members": ";".join(mapped),
                    "lead": lead,
                }
            )
    return out


def _body_rows(rows: list[dict], layout: _Layout, scale: dict[str, float]) -> list[dict]:
    """Rows of a table with a ``body`` column: county rows once, town rows per copy."""
    out = []
    for row in rows:
        for new_id in layout.every_copy(row["body"]):
            new = {**row, "body": new_id}
            for column in SCALED:
                if new.get(column):
                    new[column] = f"{float(new[column]) * scale[new_id]:.6g}"
            out.append(new)
    return out


def _names(values, layout: _Layout, first_only: bool):
    """Option rules that name bodies (ids or names), mapped to the synthetic ids."""
    from potential.names import normalise

    if values is None:
        return None
    single = isinstance(values, str)
    known = {}
    for real in sorted(layout.real_ids):
        known[normalise(real)] = real
    for t in layout.template[: layout.per_copy]:
        known[normalise(t["name"])] = t["id"]
    out = []
    for value in [values] if single else values:
        real = known.get(normalise(value))
        if real is None:  # a field, a form, or a name the real data do not know: unchanged
            out.append(value)
            continue
        ids = layout.every_copy(real)
        out.extend(ids[:1] if first_only else ids)
    return out[0] if single else out


def _meta(meta: dict, layout: _Layout, size: int, seed: int) -> dict:
    out = dict(meta)
    out["id"] = f"synthetic-{size}"
    out["title"] = {
        "de": f"Synthetischer Kreis mit {size} Körperschaften (aus kreis-unna, Startwert {seed})",
        "en": f"Synthetic county of {size} bodies (from kreis-unna, seed {seed})",
    }
    out["description"] = (
        f"Made by bench/make_synthetic.py for benchmarks: the ten towns of kreis-unna "
        f"repeated to {size - 1} towns with scattered populations and areas. Not real data."
    )
    options = dict(out.get("options") or {})
    for key in ("join", "stay_out"):
        if options.get(key) is not None:
            options[key] = _names(options[key], layout, first_only=False)
    if options.get("lead") is not None:
        options["lead"] = _names(options["lead"], layout, first_only=True)
    if options:
        out["options"] = options
    return out


def build(size: int, folder: Path, seed: int = SEED, source: Path | None = None) -> Path:
    """Write the synthetic dataset of ``size`` bodies into ``folder/synthetic-<size>``.

    Parameters
    ----------
    size : int
        Bodies, the county included (at least 2).
    folder : Path
        Where the dataset folder is made (an existing ``synthetic-<size>`` is replaced).
    seed : int
        Seed of the population and area factors.
    source : Path, optional
        The dataset folder to multiply; default the embedded ``kreis-unna``.

    Returns
    -------
    Path
        The dataset folder.
    """
    from potential.resources import data_dir

    source = Path(source) if source is not None else data_dir() / "kreis-unna"
    target = Path(folder) / f"synthetic-{size}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    header, bodies = read_table(source / "bodies.csv")
    county = next(b for b in bodies if b["kind"] == "kreis")
    towns = [b for b in bodies if b["kind"] != "kreis"]
    layout = _Layout(county, towns, size)
    rows, scale = _bodies(county, layout, seed)
    write_table(target / "bodies.csv", header, rows)
    header, coops = read_table(source / "cooperations.csv")
    write_table(target / "cooperations.csv", header, _cooperations(coops, layout))
    header, sources = read_table(source / "sources.csv")
    extra = {k: v for k, v in SOURCE.items() if k in header}
    write_table(target / "sources.csv", header, [*sources, extra])
    for path in sorted(source.glob("*.csv")):
        if path.name in ("bodies.csv", "cooperations.csv", "sources.csv"):
            continue
        header, table = read_table(path)
        if "body" in header:
            write_table(target / path.name, header, _body_rows(table, layout, scale))
    meta = yaml.safe_load((source / "dataset.yaml").read_text(encoding="utf-8"))
    text = yaml.safe_dump(
        _meta(meta, layout, size, seed), allow_unicode=True, sort_keys=False, width=92
    )
    header = f"# Synthetic dataset made by bench/make_synthetic.py (seed {seed}); not real data.\n"
    (target / "dataset.yaml").write_text(header + text, encoding="utf-8")
    return target


def build_all(folder: Path, sizes=SIZES, seed: int = SEED) -> list[Path]:
    """:func:`build` for every size; the dataset folders in the order of ``sizes``."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    return [build(size, folder, seed) for size in sizes]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="where to write (default: a temporary folder)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    folder = Path(args.folder) if args.folder else Path(tempfile.mkdtemp(prefix="synthetic-"))
    for path in build_all(folder, args.sizes, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
