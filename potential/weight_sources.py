"""Whose weights ranked each body: its own (from the survey) or the criteria model's.

A dataset folder into which ``potential survey import`` merged the bodies' answers holds
their weights in ``body_weights.csv`` (:data:`potential.analysis.BODY_WEIGHTS_FILE`). Every
command that ranks uses them by default; ``--model-weights`` ranks every body with the
criteria model's weights. One table, :func:`weights_table`, says per body which weights
ranked it; the line the commands print (:func:`weights_line`), the column *Gewichte* of the
workbook (:func:`weights_cells`), the sentence of the report (:func:`weights_sentence`) and
the entry ``weights`` of ``provenance.json`` (:func:`weights_record`) are all made from it.

Examples
--------
>>> import potential
>>> from potential.weight_sources import weights_line, weights_table
>>> a = potential.analyse()                               # doctest: +SKIP
>>> weights_table(a)[["body", "weights"]].head(2)         # doctest: +SKIP
>>> weights_line(weights_table(a))                        # doctest: +SKIP
'Gewichte: die des Kriterienmodells für alle Körperschaften (ikz-egov-nrw)'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from potential.messages import message

#: a body ranked with its own weights / with the criteria model's / with no fixed weights
#: (SMAA drawing them uniformly, ``--weights uniform`` or ``groups``)
OWN, MODEL, NONE = "own", "model", "none"
#: SMAA's weight specifications that use no weights at all (only the model's structure)
SMAA_UNWEIGHTED = ("uniform", "groups")
#: columns of :func:`weights_table`
COLUMNS = ["body", "body_name", "weights", "file", "sha256", "source", "model"]


def resolved_file(dataset, body_weights=None) -> Path | None:
    """The per-body weights file a run uses (as :func:`potential.analyse` resolves it).

    Parameters
    ----------
    dataset : Dataset, str or Path
        A loaded dataset, or an embedded dataset's name or a folder (default ``kreis-unna``).
    body_weights : str, Path, mapping, False or None
        As for :func:`potential.analyse`: ``None`` means the dataset folder's
        ``body_weights.csv`` if it has one; ``False`` and a mapping mean no file.
    """
    from potential.analysis import dataset_body_weights

    if not hasattr(dataset, "bodies"):
        from potential.datasets import load_dataset

        dataset = load_dataset(dataset)
    if body_weights is None:
        return dataset_body_weights(dataset)
    if isinstance(body_weights, str | Path):
        return Path(body_weights)
    return None


def _file_bodies(path: Path | None) -> set[str]:
    if path is None or not path.is_file():
        return set()
    from potential.criteria import load_body_weights

    return set(load_body_weights(path))


def weights_table(
    analysis=None,
    *,
    dataset=None,
    model=None,
    file: str | Path | None = None,
    criteria_file: str | Path | None = None,
) -> pd.DataFrame:
    """Per body that takes part: whose weights ranked it.

    Parameters
    ----------
    analysis : potential.analysis.Analysis, optional
        Gives the dataset, the criteria model as used and the weights file
        (:attr:`~potential.analysis.Analysis.body_weights_file`). Without it give
        ``dataset``, ``model`` (with the per-body weights merged in) and ``file``.
    criteria_file : str or Path, optional
        The criteria model's file, named for bodies whose own weights the model itself
        carries (key ``body_weights`` of its YAML).

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`: ``weights`` is :data:`OWN` or :data:`MODEL`; for :data:`OWN`
        ``file`` (as recorded, :func:`potential.provenance.shown_path`), its ``sha256`` and
        ``source`` (the weights' source or assumption, e.g. ``Umfrage Bönen 2026-12-01``);
        ``model`` is the criteria model's id. In dataset order.
    """
    from potential.options import participants
    from potential.provenance import file_digest, shown_path

    if analysis is not None:
        dataset, model = analysis.dataset, analysis.criteria
        file = getattr(analysis, "body_weights_file", None)
    file = Path(file) if file is not None else None
    in_file = _file_bodies(file)
    rows = []
    for body in participants(dataset):
        own = model.body_weights.get(body.id)
        row = {"body": body.id, "body_name": body.name, "weights": MODEL, "file": None,
               "sha256": None, "source": None, "model": model.id}  # fmt: skip
        if own is not None:
            where = file if body.id in in_file else criteria_file
            row.update(
                weights=OWN,
                source="; ".join(t for t in (own.source, own.assumption) if t),
                file=shown_path(where) if where is not None else None,
                sha256=file_digest(where) if where is not None and Path(where).is_file() else None,
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def table_for(dataset=None, criteria="ikz-egov-nrw", body_weights=None) -> pd.DataFrame:
    """:func:`weights_table` for a run that has no :class:`~potential.analysis.Analysis`
    (``compare-methods``, ``smaa``, ``coalitions``): the inputs as :func:`potential.analyse`
    takes them."""
    from potential.analysis import with_body_weights
    from potential.criteria import load_criteria, resolve_criteria_path
    from potential.datasets import load_dataset

    ds = load_dataset(dataset) if not hasattr(dataset, "bodies") else dataset
    file = resolved_file(ds, body_weights)
    model = with_body_weights(load_criteria(criteria), ds, file)
    criteria_file = None if hasattr(criteria, "groups") else resolve_criteria_path(criteria)
    return weights_table(dataset=ds, model=model, file=file, criteria_file=criteria_file)


def _join(names: list[str], lang: str | None) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + message("coalitions.and", lang=lang) + names[-1]


def weights_line(
    table: pd.DataFrame, lang: str | None = None, left_aside: str | Path | None = None
) -> str:
    """The line ``Gewichte: …`` the ranking commands print.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`weights_table`.
    lang : {"de", "en"}, optional
        Default: the current language (:func:`potential.messages.get_lang`).
    left_aside : str or Path, optional
        A weights file the run did not use because ``--model-weights`` was given.
    """
    model = table["model"].iloc[0] if len(table) else "ikz-egov-nrw"
    own = table[table["weights"] == OWN]
    if own.empty:
        if left_aside is not None:
            return message(
                "weights_source.line_model_chosen", lang=lang, model=model, file=left_aside
            )
        return message("weights_source.line_model", lang=lang, model=model)
    parts = []
    for file, rows in own.groupby(own["file"].fillna(""), sort=False):
        names = ", ".join(rows["body_name"])
        parts.append(
            message("weights_source.own_from", lang=lang, names=names, file=file)
            if file
            else names
        )
    key = "weights_source.line_all_own" if len(own) == len(table) else "weights_source.line_own"
    return message(key, lang=lang, own=_join(parts, lang), model=model)


def line_for(table: pd.DataFrame, dataset=None, lang: str | None = None) -> str:
    """:func:`weights_line`, naming the dataset folder's survey weights when the run left
    them aside (``--model-weights``, ``body_weights: model``).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`weights_table`.
    dataset : Dataset, str or Path, optional
        The run's dataset (as for :func:`resolved_file`).
    lang : {"de", "en"}, optional
    """
    aside = None
    if not (table["weights"] == OWN).any():
        aside = resolved_file(dataset)
    return weights_line(table, lang, aside)


def analysis_line(analysis, lang: str | None = None) -> str:
    """:func:`line_for` of an analysis."""
    return line_for(weights_table(analysis), analysis.dataset, lang)


def smaa_table(table: pd.DataFrame, kind: str) -> pd.DataFrame:
    """:func:`weights_table` as SMAA with weight specification ``kind`` uses it.

    ``uniform`` and ``groups`` draw the weights and use no body's weights (nor the model's):
    every row becomes :data:`NONE`. ``ordinal`` (each body's order of weights) and ``model``
    (each body's weights, fixed) use the table as it is.
    """
    if kind not in SMAA_UNWEIGHTED:
        return table
    out = table.copy()
    out["weights"] = NONE
    out[["file", "sha256", "source"]] = None
    return out


def smaa_line(table: pd.DataFrame, kind: str, dataset=None, lang: str | None = None) -> str:
    """The line ``Gewichte: …`` of ``potential smaa`` with weight specification ``kind``."""
    model = table["model"].iloc[0] if len(table) else "ikz-egov-nrw"
    if kind == "uniform":
        return message("weights_source.smaa_none", lang=lang)
    if kind == "groups":
        return message("weights_source.smaa_groups", lang=lang, model=model)
    head = message(f"weights_source.smaa_{kind}", lang=lang)
    return head + "\n" + line_for(table, dataset, lang)


def weights_cells(table: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """Body id → the text of the workbook's column *Gewichte*."""
    out = {}
    for row in table.to_dict("records"):
        if row["weights"] == OWN:
            out[row["body"]] = message(
                "weights_source.cell_own", lang=lang, source=row["source"] or "–",
                file=row["file"] or "–",
            )  # fmt: skip
        else:
            out[row["body"]] = message("weights_source.cell_model", lang=lang, model=row["model"])
    return out


def weights_sheet(runs, lang: str | None = None) -> pd.DataFrame:
    """The sheet *Gewichte* of ``comparison.xlsx``: per body, whose weights ranked it in each
    scenario (one column per scenario, named by it; cells as :func:`weights_cells`)."""
    header = message("weights_source.body", lang=lang)
    frame = None
    for run in runs:
        table = weights_table(run.analysis)
        cells = weights_cells(table, lang)
        if frame is None:
            frame = pd.DataFrame({"body": table["body"], header: table["body_name"]})
        frame[run.name] = frame["body"].map(cells).fillna("")
    if frame is None:
        return pd.DataFrame({header: []})
    return frame.drop(columns="body")


def weights_sentence(table: pd.DataFrame, body: str, lang: str | None = None) -> str:
    """The report's sentence on whose weights ranked ``body``."""
    row = table.set_index("body").loc[body]
    if row["weights"] == OWN:
        return message(
            "weights_source.report_own", lang=lang, body=row["body_name"],
            source=row["source"] or "–", file=row["file"] or "–", model=row["model"],
        )  # fmt: skip
    return message(
        "weights_source.report_model", lang=lang, body=row["body_name"], model=row["model"]
    )


def weights_record(table: pd.DataFrame) -> dict:
    """The entry ``weights`` of ``provenance.json``: per body the weights that ranked it.

    Returns
    -------
    dict
        ``{"model": <criteria model id>, "bodies": {<body id>: {"weights": "own", "file":
        <path>, "sha256": <hex>, "source": <text>} or {"weights": "model"} (or
        ``"none"``: SMAA drew the weights)}}``.
    """
    bodies = {}
    for row in table.to_dict("records"):
        if row["weights"] == OWN:
            bodies[row["body"]] = {
                "weights": OWN,
                "file": row["file"],
                "sha256": row["sha256"],
                "source": row["source"],
            }
        else:
            bodies[row["body"]] = {"weights": row["weights"]}
    model = table["model"].iloc[0] if len(table) else None
    return {"model": model, "bodies": bodies}
