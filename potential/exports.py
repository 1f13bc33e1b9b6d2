"""Tables for the working group: CSV files and an Excel workbook.

The CSV files keep stable column ids (``body``, ``option``, ``score`` ...) so scripts can
read them; ``csv_dialect="de"`` writes them the way a German Excel opens them as they are
(:func:`potential.files.write_csv`). The workbook carries German headers by default
(``lang="en"`` for English), number formats by the kind of value (scores ``0.000``, euros
``#,##0 €``, shares ``0.0 %``, dates as dates; Excel shows its own locale's separators),
colour scales on scores and benefits, bold wrapped headers, frozen header rows, filters and
fitted column widths. Everything is written through :func:`potential.files.write_outputs`,
so a run leaves either all outputs or none, and the same analysis gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from potential import labels
from potential.analysis import Analysis
from potential.files import check_csv_dialect, csv_writer, write_outputs
from potential.options import participants
from potential.summaries import best_per_field, best_score_matrix
from potential.workbook import write_workbook

_BODY_FIRST = ("body_name", "rank", "option_label", "score", "benefit")
_JOINT_FIRST = ("consensus_rank", "option_label", "all_gain", "members_gaining", "members")


def ranking_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The ranking with readable labels added (column ids unchanged).

    Returns
    -------
    pandas.DataFrame
        :attr:`Analysis.ranking` with ``option_label`` inserted after ``option``.
    """
    out = analysis.ranking.copy()
    position = out.columns.get_loc("option") + 1
    out.insert(position, "option_label", _option_labels(analysis, out, lang))
    return out


def _option_labels(analysis: Analysis, frame: pd.DataFrame, lang: str) -> list[str]:
    """The label of each row's option, built once per option (rankings repeat options)."""
    ds = analysis.dataset
    first = frame.drop_duplicates("option").set_index("option")
    shown = {
        option: labels.option_label(ds, {"option": option, **row}, lang)
        for option, row in first[["field", "legal_form", "partners"]].iterrows()
    }
    return [shown[o] for o in frame["option"]]


def joint_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The joint view with ``option_label`` inserted after ``option``."""
    out = analysis.joint.copy()
    out.insert(1, "option_label", _option_labels(analysis, out, lang))
    return out


def _readable(
    frame: pd.DataFrame, analysis: Analysis, lang: str, first: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Replace ids by names and headers by labels, for the workbook.

    The columns ``first`` (those present) come first, in that order. The result's
    ``attrs["kinds"]`` maps each header to its kind of value (:func:`labels.column_kind`).
    """
    ds = analysis.dataset
    out = frame.copy()
    names = {b.id: b.name for b in ds.bodies}
    if "field" in out:
        out["field"] = [labels.field_label(ds, f, lang) for f in out["field"]]
    if "legal_form" in out:
        out["legal_form"] = [labels.form_label(ds, f, lang) for f in out["legal_form"]]
    if "partners" in out:
        out["partners"] = [labels.partners_label(ds, p, lang) for p in out["partners"]]
    if "lead" in out:
        out["lead"] = out["lead"].map(lambda b: names.get(b, ""))
    for col in ("all_gain",):
        if col in out:
            out[col] = out[col].map(
                {True: labels.text("yes", lang), False: labels.text("no", lang)}
            )
    drop = [c for c in ("body", "option") if c in out and "option_label" in out]
    out = out.drop(columns=drop)
    front = [c for c in first if c in out]
    out = out[front + [c for c in out.columns if c not in front]]
    return _with_kinds(
        out.rename(columns=lambda c: labels.column(c, lang, analysis.criteria)),
        {labels.column(c, lang, analysis.criteria): labels.column_kind(c, analysis.criteria)
         for c in out.columns},
    )  # fmt: skip


def _with_kinds(frame: pd.DataFrame, kinds: dict) -> pd.DataFrame:
    """``frame`` with ``attrs["kinds"]`` (header → kind of value) for the workbook."""
    frame.attrs["kinds"] = {k: v for k, v in kinds.items() if v is not None}
    return frame


def criteria_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The criteria model as a table: group, criterion, direction, unit, weights.

    Group weights and weights in a group are shown as shares (normalised to sum to 1, as the
    model uses them); the effective weight is their product.
    """
    model = analysis.criteria
    eff = model.weights()
    de = lang == "de"
    group_weight = "Gruppengewicht" if de else "Group weight"
    inner_weight = "Gewicht in der Gruppe" if de else "Weight in group"
    effective = "Wirksames Gewicht" if de else "Effective weight"
    group_total = sum(g.weight for g in model.groups) or 1.0
    rows = []
    for g in model.groups:
        inner_total = sum(c.weight for c in g.criteria) or 1.0
        for c in g.criteria:
            rows.append(
                {
                    ("Gruppe" if de else "Group"): getattr(g.label, lang),
                    group_weight: g.weight / group_total,
                    ("Kriterium" if de else "Criterion"): getattr(c.label, lang),
                    ("Richtung" if de else "Direction"): {
                        "max": "mehr ist besser" if de else "more is better",
                        "min": "weniger ist besser" if de else "less is better",
                    }[c.direction],
                    ("Einheit" if de else "Unit"): c.unit,
                    inner_weight: c.weight / inner_total,
                    effective: eff[c.id],
                }
            )
    frame = pd.DataFrame(rows)
    return _with_kinds(frame, dict.fromkeys((group_weight, inner_weight, effective), "share"))


def best_per_field_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Each body's best option in each field (:func:`potential.summaries.best_per_field`,
    fields in the dataset's order), readable: body, field, option, score, rank, benefit,
    legal form, partners, lead."""
    fields = [f.id for f in analysis.dataset.fields]
    best = best_per_field(analysis.ranking, fields)
    best.insert(best.columns.get_loc("option") + 1, "option_label",
                _option_labels(analysis, best, lang))  # fmt: skip
    first = ("body_name", "field", "option_label", "score", "rank", "benefit")
    return _readable(best, analysis, lang, first)


def field_scores_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Bodies × fields: the score of each body's best option in the field
    (:func:`potential.summaries.best_score_matrix`; empty: no option in the field).

    Scores compare options of one body (each body's options are scored among themselves),
    so the workbook colours each row on its own scale.
    """
    ds = analysis.dataset
    fields = [f.id for f in ds.fields]
    matrix = best_score_matrix(analysis.ranking, fields)
    names = {b.id: b.name for b in ds.bodies}
    out = pd.DataFrame({labels.column("body_name", lang): [names[b] for b in matrix.index]})
    for f in matrix.columns:
        out[labels.field_label(ds, f, lang)] = matrix[f].to_numpy()
    out = _with_kinds(out, dict.fromkeys(out.columns[1:], "score"))
    out.attrs["scale_by"] = "row"
    return out


def acceptability_frames(
    analysis: Analysis, smaa, lang: str = "de", top: int = 3, max_rank: int = 10
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The SMAA results of all bodies as two readable tables.

    Parameters
    ----------
    analysis : Analysis
        The analysis, for option labels and each option's rank with the model's weights.
    smaa : potential.uncertainty.bodies.BodySMAA
        Result of :func:`potential.uncertainty.bodies.smaa_by_body` on the same data and
        criteria (options the analysis does not know keep their id and get no model rank).
    lang : {"de", "en"}
    top : int
        Options per body in the overview.
    max_rank : int
        Ranks shown in the acceptability table.

    Returns
    -------
    overview, acceptability : pandas.DataFrame
        ``overview``: each body's ``top`` options of best expected rank (the summary's
        order), with first-rank acceptability, expected rank, confidence factor, rank with
        the model's weights and central weights. ``acceptability``: one row per body and
        option that takes one of the ranks 1 to ``max_rank`` in some sample (the summary's
        order), with the expected rank and the share of samples for each of these ranks.
    """
    names = dict(smaa.bodies)
    ranking = ranking_frame(analysis, lang)
    label = dict(zip(ranking["option"], ranking["option_label"], strict=True))
    model_rank = ranking.set_index(["body", "option"])["rank"]

    overview = smaa.summary.groupby("body", sort=False).head(top).reset_index(drop=True)
    keys = pd.MultiIndex.from_frame(overview[["body", "option"]])
    central = [c for c in overview.columns if c.startswith("central_weight_")]
    criteria = {c.id: getattr(c.label, lang) for c in analysis.criteria.criteria}
    shown = {
        "body_name": overview["body"].map(names),
        "option_label": overview["option"].map(lambda o: label.get(o, o)),
        "first_rank_acceptability": overview["first_rank_acceptability"],
        "expected_rank": overview["expected_rank"],
        "confidence": overview["confidence"],
        "model_rank": pd.array(model_rank.reindex(keys).to_numpy(), dtype="Int64"),
    }
    table = pd.DataFrame({labels.column(k, lang): v for k, v in shown.items()})
    table = _with_kinds(table, {labels.column(k, lang): labels.column_kind(k) for k in shown})
    for c in central:
        cid = c.removeprefix("central_weight_")
        head = labels.text("central_weight", lang).format(criterion=criteria.get(cid, cid))
        table[head] = overview[c].to_numpy()
        table.attrs["kinds"][head] = "share"

    acc = smaa.acceptability[smaa.acceptability["rank"] <= max_rank]
    wide = acc.pivot_table(index=["body", "option"], columns="rank", values="share",
                           aggfunc="sum", fill_value=0.0)  # fmt: skip
    order = pd.MultiIndex.from_frame(smaa.summary[["body", "option"]])
    wide = wide.reindex(order[order.isin(wide.index)]).fillna(0.0)
    ranks = list(range(1, max(wide.columns, default=0) + 1))
    wide = wide.reindex(columns=ranks, fill_value=0.0)
    expected = smaa.summary.set_index(["body", "option"])["expected_rank"]
    bodies = wide.index.get_level_values("body")
    options = wide.index.get_level_values("option")
    long = pd.DataFrame(
        {
            labels.column("body_name", lang): [names[b] for b in bodies],
            labels.column("option_label", lang): [label.get(o, o) for o in options],
            labels.column("expected_rank", lang): expected.reindex(wide.index).to_numpy(),
        }
    )
    kinds = {labels.column("expected_rank", lang): "rank"}
    for r in ranks:
        head = labels.text("rank_n", lang).format(n=r)
        long[head] = wide[r].to_numpy()
        kinds[head] = "acceptability"
    return table, _with_kinds(long, kinds)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
    candidate, i = base, 2
    while candidate in taken:
        suffix = f" ({i})"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    taken.add(candidate)
    return candidate


def workbook_sheets(
    analysis: Analysis,
    lang: str = "de",
    smaa=None,
    extra_sheets: dict[str, pd.DataFrame] | None = None,
) -> dict[str, pd.DataFrame]:
    """Sheets of ``ranking.xlsx``, in this order.

    ``Übersicht`` (each body's three best options), ``Beste je Handlungsfeld`` (each body's
    best option in each field), ``Punktwerte je Feld`` (bodies × fields, the best option's
    score), ``Gemeinsame Sicht`` (the joint view, by consensus rank), ``Kriterienmodell``
    (criteria and weights); with ``smaa`` ``Akzeptanz`` and ``Rangakzeptanz``
    (:func:`acceptability_frames`); then ``extra_sheets``, one sheet per body (all its
    options, best first) and ``Quellen`` (every number with its source or assumption).
    English names with ``lang="en"``: ``Overview``, ``Best per field``, ``Scores by field``,
    ``Joint view``, ``Criteria model``, ``Acceptability``, ``Rank acceptability``,
    ``Sources``.

    Parameters
    ----------
    analysis : Analysis
    lang : {"de", "en"}
    smaa : potential.uncertainty.bodies.BodySMAA, optional
        SMAA results of the same data and criteria.
    extra_sheets : dict of str to DataFrame, optional
        Further sheets, placed before the body sheets (names made valid and unique).

    Returns
    -------
    dict of str to pandas.DataFrame
        Sheet name (at most 31 characters) → table with readable headers.
    """
    ranking = ranking_frame(analysis, lang)
    taken: set[str] = set()

    def name(key: str) -> str:
        return _sheet_name(labels.text(key, lang), taken)

    sheets = {
        name("overview"): _readable(ranking[ranking["rank"] <= 3], analysis, lang, _BODY_FIRST),
        name("best_per_field"): best_per_field_frame(analysis, lang),
        name("field_scores"): field_scores_frame(analysis, lang),
        name("joint"): _readable(joint_frame(analysis, lang), analysis, lang, _JOINT_FIRST),
        name("criteria_model"): criteria_frame(analysis, lang),
    }
    if smaa is not None:
        overview, acceptability = acceptability_frames(analysis, smaa, lang)
        sheets[name("acceptability")] = overview
        sheets[name("rank_acceptability")] = acceptability
    for key, frame in (extra_sheets or {}).items():
        sheets[_sheet_name(key, taken)] = frame
    for body in participants(analysis.dataset):
        rows = ranking[ranking["body"] == body.id].drop(columns=["body_name"])
        sheets[_sheet_name(body.name, taken)] = _readable(rows, analysis, lang, _BODY_FIRST)
    sheets[name("sources")] = sources_frame(analysis, lang)
    return sheets


def sources_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Every number of the data and the criteria model with its source or assumption."""
    from potential.provenance import sources_table

    table = sources_table(analysis.dataset, analysis.criteria, ranges=True)
    if lang == "de":
        table["status"] = table["status"].map(
            {"source": "Quelle", "assumption": "Annahme", "reported": "gemeldet"}
        )
    names = dict.fromkeys(table.columns)  # the ids (English)
    if lang == "de":
        names.update(
            table="Tabelle", item="Eintrag", parameter="Parameter", value="Wert",
            unit="Einheit", status="Herkunft", source="Quellen-ID",
            reference="Beleg oder Begründung", low="Untergrenze", high="Obergrenze",
        )  # fmt: skip
    table = table.rename(columns={k: v for k, v in names.items() if v})
    # values of every size (shares, euros, inhabitants): shown as Excel's "General" shows them
    general = [names.get(c) or c for c in ("value", "low", "high")]
    return _with_kinds(table, dict.fromkeys(general, "general"))


def export_analysis(
    analysis: Analysis,
    out_dir: Path,
    lang: str = "de",
    protect=(),
    provenance: dict | None = None,
    extra_sheets: dict[str, pd.DataFrame] | None = None,
    extra_tables: dict[str, pd.DataFrame] | None = None,
    smaa=None,
    csv_dialect: str = "standard",
) -> list[Path]:
    """Write ``ranking.csv``, ``joint.csv``, ``contributions.csv``, ``ranking.xlsx`` and,
    with a provenance record, ``provenance.json``.

    With per-body weights in the criteria model also ``group_options.csv`` (the joint
    options by Borda and Copeland over their members) and ``group_weights.csv`` (each body's
    weights and how far its view departs from the group's). With SMAA results also
    ``smaa_acceptability.csv`` and ``smaa_summary.csv``.

    Parameters
    ----------
    analysis : Analysis
        Result of :func:`potential.analyse`.
    out_dir : Path
        Output folder (created if missing).
    lang : {"de", "en"}
        Language of labels and workbook headers.
    protect : iterable of Path
        Input files that must not be overwritten.
    provenance : dict, optional
        The run's provenance record (:func:`potential.provenance.run_record`): written as
        ``provenance.json`` (with the SHA-256 of every output) and as the workbook's last
        sheet, *Metadaten* (*Metadata*).
    extra_sheets : dict of str to DataFrame, optional
        Further workbook sheets, placed after the criteria model and the acceptability
        sheets, before the body sheets (e.g. a scenario's settings and changes).
    extra_tables : dict of str to DataFrame, optional
        Further CSV files (file name → table).
    smaa : potential.uncertainty.bodies.BodySMAA, optional
        SMAA results on the same data and criteria: the workbook gains the sheets
        *Akzeptanz* and *Rangakzeptanz* (:func:`acceptability_frames`), and their tables
        are written as CSV.
    csv_dialect : {"standard", "de"}
        How the CSV files are written (:func:`potential.files.write_csv`): ``"standard"``
        (``,``, decimal point, UTF-8; for scripts) or ``"de"`` (``;``, decimal comma, UTF-8
        with byte-order mark; opens as it is in a German Excel). Column ids are the same.

    Returns
    -------
    list of Path
        The files written (all or none).
    """
    check_csv_dialect(csv_dialect)
    sheets = workbook_sheets(analysis, lang, smaa=smaa, extra_sheets=extra_sheets)
    if provenance is not None:
        from potential.provenance import record_rows

        provenance = {**provenance, "csv_dialect": csv_dialect}

        sheets[_sheet_name(labels.text("metadata", lang), set(sheets))] = record_rows(
            provenance, lang
        )

    def csv(frame: pd.DataFrame):
        return csv_writer(frame, csv_dialect)

    outputs = {
        "ranking.csv": csv(ranking_frame(analysis, lang)),
        "joint.csv": csv(joint_frame(analysis, lang)),
        "contributions.csv": csv(analysis.contributions),
        "ranking.xlsx": lambda path: write_workbook(sheets, path),
    }
    if analysis.criteria.body_weights:
        group = analysis.group_view()
        outputs["group_options.csv"] = csv(group.options)
        weights = group.weights.join(group.departures.set_index("body"), how="left")
        outputs["group_weights.csv"] = csv(weights.reset_index())
    if smaa is not None:
        outputs["smaa_acceptability.csv"] = csv(smaa.acceptability)
        outputs["smaa_summary.csv"] = csv(smaa.summary)
    for name, frame in (extra_tables or {}).items():
        outputs[name] = csv(frame)
    return write_outputs(Path(out_dir), outputs, protect=protect, provenance=provenance)
