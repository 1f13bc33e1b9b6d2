"""Tables for the working group: CSV files and an Excel workbook.

The CSV files keep stable column ids (``body``, ``option``, ``score`` ...) so scripts can
read them; ``csv_dialect="de"`` writes them the way a German Excel opens them as they are
(:func:`potential.files.write_csv`). The workbook carries German headers by default
(``lang="en"`` for English), number formats by the kind of value (scores ``0.000``, euros
``#,##0 €``, shares ``0.0 %``, dates as dates; Excel shows its own locale's separators),
colour scales on scores and benefits, bold wrapped headers, frozen header rows, filters and
fitted column widths. The Wirtschaftlichkeitsvergleich adds ``cashflows.csv`` (every yearly
amount) and, in the workbook, an overview and one annex per body laid out for the council
(:func:`economics_sheets`). Everything is written through
:func:`potential.files.write_outputs`, so a run leaves either all outputs or none, and the
same analysis gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from potential import labels
from potential.analysis import Analysis
from potential.economics.flows import COMPONENTS
from potential.files import check_csv_dialect, csv_writer, write_outputs
from potential.options import participants
from potential.summaries import best_per_field, best_score_matrix
from potential.workbook import Layout, write_workbook

_BODY_FIRST = ("body_name", "rank", "option_label", "score", "benefit")
_JOINT_FIRST = ("consensus_rank", "option_label", "all_gain", "members_gaining", "members")


def ranking_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The ranking with readable labels added (column ids unchanged).

    Returns
    -------
    pandas.DataFrame
        :attr:`Analysis.ranking` with ``option_label`` inserted after ``option``;
        ``payback_year`` as whole years (empty where the option does not pay back within
        the horizon).
    """
    out = analysis.ranking.copy()
    position = out.columns.get_loc("option") + 1
    out.insert(position, "option_label", _option_labels(analysis, out, lang))
    if "payback_year" in out:
        out["payback_year"] = out["payback_year"].round().astype("Int64")
    return out


#: columns of ``cashflows.csv`` (:func:`cashflows_frame`)
CASHFLOW_COLUMNS = ["body", "option", "year", "component", "amount_eur"]


def cashflows_frame(analysis: Analysis) -> pd.DataFrame:
    r"""The yearly cash flows of every ranked cooperation option (``cashflows.csv``).

    Returns
    -------
    pandas.DataFrame
        Exactly the columns ``body``, ``option``, ``year`` (0..H), ``component`` (an id of
        :data:`potential.economics.COMPONENTS`) and ``amount_eur`` (difference to the status
        quo, positive = better for the body, rounded to the cent; rows with 0 are left out),
        from :attr:`Analysis.cashflows`. Rows by body (dataset order), option (by rank, as in
        ``ranking.csv``), year and component. An option's ``npv`` in ``ranking.csv`` is
        :math:`\sum_t \text{amount}_t (1 + i)^{-t}` over its rows, with :math:`i` the
        ``economics.discount_rate`` of ``provenance.json``.
    """
    flows = analysis.cashflows
    if flows is None or flows.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            CASHFLOW_COLUMNS, ["object", "object", "int64", "object", "float64"], strict=True
        )})  # fmt: skip
    order = {k: i for i, k in enumerate(zip(analysis.ranking["body"], analysis.ranking["option"],
                                            strict=True))}  # fmt: skip
    parts = {c: i for i, c in enumerate(COMPONENTS)}
    keys = pd.DataFrame(
        {
            "_row": [order.get(k, len(order)) for k in zip(flows["body"], flows["option"],
                                                             strict=True)],
            "_year": flows["year"].to_numpy(),
            "_part": flows["component"].map(parts).fillna(len(parts)).to_numpy(),
        }
    )  # fmt: skip
    index = keys.sort_values(["_row", "_year", "_part"], kind="stable").index
    out = flows.iloc[index][CASHFLOW_COLUMNS].reset_index(drop=True)
    out["year"] = out["year"].astype("int64")
    return out


def excluded_frame(analysis: Analysis, lang: str | None = None) -> pd.DataFrame:
    """The options the knock-out stage excluded (``excluded.csv``): one row per (option,
    rule), columns as :data:`potential.knockout.EXCLUDED_COLUMNS` (German and English
    reasons side by side); empty with its header if nothing was excluded."""
    from potential.knockout import EXCLUDED_COLUMNS

    if analysis.excluded is None:
        return pd.DataFrame(columns=EXCLUDED_COLUMNS)
    return analysis.excluded.reset_index(drop=True)


def excluded_sheet(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """The sheet *Ausgeschlossen*: each excluded option with its reason in ``lang``."""
    frame = excluded_frame(analysis).copy()
    names = {b.id: b.name for b in analysis.dataset.bodies}
    frame.insert(1, "option_label", _option_labels(analysis, frame, lang) if len(frame) else [])
    frame["concerns"] = [
        ", ".join(names.get(b, b) for b in str(v).split(";") if b) for v in frame["body"]
    ]
    frame["reason"] = frame["reason_de" if lang == "de" else "reason_en"]
    frame = frame[["option", "option_label", "field", "legal_form", "partners", "concerns",
                   "rule", "reason", "law", "source"]]  # fmt: skip
    return _readable(frame, analysis, lang)


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
    if "clipped" in out:
        criteria = {c.id: getattr(c.label, lang) for c in analysis.criteria.criteria}
        out["clipped"] = [
            ", ".join(criteria.get(c, c) for c in str(v).split(";")) if isinstance(v, str) and v
            else ""
            for v in out["clipped"]
        ]  # fmt: skip
    for col in ("all_gain", "all_better_off"):
        if col in out:
            out[col] = out[col].map(
                {True: labels.text("yes", lang), False: labels.text("no", lang)}
            )
    if "verdict" in out:
        out["verdict"] = [labels.text(f"verdict_{v}", lang) for v in out["verdict"]]
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

    ``Übersicht`` (each body's three best options, and in the column ``Gewichte`` whose
    weights ranked the body: its own from the survey, with the file, or the criteria
    model's), ``Beste je Handlungsfeld`` (each body's
    best option in each field), ``Punktwerte je Feld`` (bodies × fields, the best option's
    score), ``Gemeinsame Sicht`` (the joint view, by consensus rank), ``Kriterienmodell``
    (criteria and weights); with ``smaa`` ``Akzeptanz`` and ``Rangakzeptanz``
    (:func:`acceptability_frames`); then ``extra_sheets``, one sheet per body (all its
    options, best first), ``Wirtschaftlichkeit`` and one ``WV <body>`` per body (the
    Wirtschaftlichkeitsvergleich, :func:`economics_sheets`; laid out as
    :class:`~potential.workbook.Layout`, not tables) and ``Quellen`` (every number with its
    source or assumption). English names with ``lang="en"``: ``Overview``,
    ``Best per field``, ``Scores by field``, ``Joint view``, ``Criteria model``,
    ``Acceptability``, ``Rank acceptability``, ``Economics``, ``Economics <body>``,
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
    dict of str to pandas.DataFrame or Layout
        Sheet name (at most 31 characters) → table with readable headers, or a laid-out
        sheet.
    """
    ranking = ranking_frame(analysis, lang)
    taken: set[str] = set()

    def name(key: str) -> str:
        return _sheet_name(labels.text(key, lang), taken)

    top = ranking[ranking["rank"] <= 3]
    sheets = {
        name("overview"): _with_weights(
            _readable(top, analysis, lang, _BODY_FIRST), top["body"], analysis, lang
        ),
        name("best_per_field"): best_per_field_frame(analysis, lang),
        name("field_scores"): field_scores_frame(analysis, lang),
        name("joint"): _readable(joint_frame(analysis, lang), analysis, lang, _JOINT_FIRST),
        name("criteria_model"): criteria_frame(analysis, lang),
        name("excluded"): excluded_sheet(analysis, lang),
    }
    if smaa is not None:
        overview, acceptability = acceptability_frames(analysis, smaa, lang)
        sheets[name("acceptability")] = overview
        sheets[name("rank_acceptability")] = acceptability
    for key, frame in (extra_sheets or {}).items():
        sheets[_sheet_name(key, taken)] = frame
    # scores and benefits compare the options of one body: each body's rows its own scale
    for key in ("overview", "best_per_field"):
        sheets[labels.text(key, lang)].attrs["scale_by"] = labels.column("body_name", lang)
    for body in participants(analysis.dataset):
        rows = ranking[ranking["body"] == body.id].drop(columns=["body_name"])
        sheets[_sheet_name(body.name, taken)] = _readable(rows, analysis, lang, _BODY_FIRST)
    sheets.update(economics_sheets(analysis, lang, taken))
    sheets[name("sources")] = sources_frame(analysis, lang)
    return sheets


def _with_weights(frame: pd.DataFrame, bodies, analysis: Analysis, lang: str) -> pd.DataFrame:
    """``frame`` with the column *Gewichte* after its first five: whose weights ranked each
    row's body (its own from the survey, with the file, or the criteria model's;
    :mod:`potential.weight_sources`)."""
    from potential.messages import message
    from potential.weight_sources import weights_cells, weights_table

    cells = weights_cells(weights_table(analysis), lang)
    frame.insert(
        min(len(_BODY_FIRST), len(frame.columns)),
        message("weights_source.column", lang=lang),
        [cells.get(b, "") for b in bodies],
    )
    return frame


def sources_frame(analysis: Analysis, lang: str = "de") -> pd.DataFrame:
    """Every number of the data and the criteria model with its source or assumption."""
    from potential.provenance import sources_table

    table = sources_table(analysis.dataset, analysis.criteria, ranges=True, lang=lang)
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


# --- the Wirtschaftlichkeitsvergleich in the workbook ----------------------------------------


def _cents(value) -> float:
    """An amount rounded to the cent (sums of cent amounts carry float noise)."""
    return round(float(value), 2) + 0.0


def _eur_width(values) -> int:
    """Width of a column of euro amounts (as Excel shows them), at least 12."""
    shown = [len(f"{float(v):,.0f} €") for v in values if v is not None and not pd.isna(v)]
    return max([12, *(n + 2 for n in shown)])


def annex_layout(analysis: Analysis, body, lang: str = "de", top: int = 3) -> Layout:
    """A body's Wirtschaftlichkeitsvergleich laid out as a council annex.

    The status quo (the reference), then the body's ``top`` best cooperation options by rank
    (:func:`potential.report.annex.blocks`), each a block: its yearly components (rows) over
    the years 0..H (columns, with the dates they end), the sum (the difference to the status
    quo), the discount factors, the present values, and at the foot the Kapitalwert, the
    annuity, the dynamic payback and the largest yearly burden; for information the cost in
    the status quo (annual cost × price index) and the payment to the pool. Printed
    landscape, fit to the page width, the year header on every page.
    """
    from potential.report import annex

    s = analysis.economics
    a = annex.text
    n_years = s.horizon_years + 1
    width = n_years + 2  # label, years, sum

    def line(label, values=(), style="eur", label_style="wrap", total=None, total_style=None):
        cells = [(label, label_style)]
        cells += [(None if pd.isna(v) else float(v), style) for v in values]
        cells += [(None, style)] * (n_years - len(values))
        cells.append((total, total_style or style))
        return tuple(cells)

    def filled(label, style):
        return ((label, style), *((None, style) for _ in range(width - 1)))

    def foot(label, value, note, style="eur_bold"):
        """A result: label, its explanation over the years, the value in the sum column."""
        return ((label, "bold"), (note, "note"), *((None, "") for _ in range(n_years - 1)),
                (value, style))  # fmt: skip

    rows = [
        ((a("title", lang, body=body.name), "title"),),
        ((a("intro", lang, body=body.name, start=annex.date(s.reference_date, lang)), "note"),),
        ((annex.settings_line(analysis, lang), "note"),),
        (),
        (
            (a("position", lang), "head_left"),
            *((h, "head") for h in annex.year_headers(s, lang)),
            (a("sum_years", lang), "head"),
        ),
    ]
    header_row = len(rows)
    breaks = []
    all_blocks = annex.blocks(analysis, body.id, top, lang)
    n_options = int((analysis.ranking["body"] == body.id).sum())
    rate = annex.rate_text(s.discount_rate, lang)
    horizon = annex.horizon_text(s, lang)
    amounts = []
    for k, block in enumerate(all_blocks):
        if k >= 2 and k % 2 == 0:
            breaks.append(len(rows))
        if block.is_status_quo:
            rows.append(filled(a("status_quo", lang), "block"))
            rows.append(((a("status_quo_note", lang), "note"),))
        else:
            head = a("variant", lang, n=k, rank=block.rank, of=n_options, option=block.label)
            rows.append(filled(head, "block"))
            for cid, values in block.components.items():
                label = annex.component_label(cid, lang)
                rows.append(line(label, values, "eur_dash", total=_cents(values.sum())))
                amounts += list(values)
        rows.append(
            line(a("total", lang), block.total, "eur_sum", "sum", _cents(block.total.sum()))
        )
        rows.append(line(a("factor", lang), block.factors, "factor"))
        rows.append(
            line(a("present", lang), block.present, "eur_dash", total=block.npv,
                 total_style="eur_bold")
        )  # fmt: skip
        payback = "–" if block.is_status_quo else annex.payback_text(block.payback_year, s, lang)
        rows += [
            foot(a("npv", lang), block.npv, a("npv_note", lang)),
            foot(a("annuity", lang), block.annuity,
                 a("annuity_note", lang, horizon=horizon, rate=rate)),
            foot(a("payback", lang), payback, a("payback_note", lang), "right"),
            foot(a("burden", lang), block.max_burden, a("burden_note", lang)),
        ]  # fmt: skip
        if not block.is_status_quo and not s.grant:
            rows.append(foot(a("npv_with_grant", lang), block.npv_with_grant, "", "info"))
        for label, values in block.info:
            total = None if np.all(np.isnan(values)) else _cents(np.nansum(values))
            rows.append(line(label, values, "info", "info_text", total))
            amounts += list(values)
        rows.append(())
        amounts += [block.npv, block.max_burden, *block.total]
    year_width = _eur_width(amounts)
    return Layout(
        rows=tuple(rows),
        widths=(52, *([year_width] * n_years), max(year_width + 2, 21)),
        title=a("title", lang, body=body.name),
        freeze=f"B{header_row + 1}",
        print_rows=f"{header_row}:{header_row}",
        breaks=tuple(breaks),
    )


def economics_overview_layout(analysis: Analysis, lang: str = "de", top: int = 3) -> Layout:
    """The sheet *Wirtschaftlichkeit*: every body's ``top`` best cooperation options with
    Kapitalwert, annuity, payback year, largest yearly burden and Kapitalwert with grant,
    then the settings (rate, horizon, price change, ramp-up, grant ...) with their sources
    or assumptions."""
    from potential.report import annex

    frame = annex.overview(analysis, top)
    names = annex.option_labels(analysis, frame["option"], lang)
    money = ["npv", "annuity", "payback_year", "max_burden", "npv_with_grant"]
    heads = ["body_name", "option_label", "rank", *money]
    rows = [tuple((labels.column(h, lang), "head_left" if i < 2 else "head")
                  for i, h in enumerate(heads))]  # fmt: skip
    for r in frame.to_dict("records"):
        payback = None if pd.isna(r["payback_year"]) else int(r["payback_year"])
        rows.append(
            (
                r["body_name"],
                (names[r["option"]], "wrap"),
                (int(r["rank"]), "integer"),
                (float(r["npv"]), "eur"),
                (float(r["annuity"]), "eur"),
                (payback, "integer"),
                (float(r["max_burden"]), "eur"),
                (float(r["npv_with_grant"]), "eur"),
            )
        )
    table_end = len(rows)
    s = analysis.economics
    rows += [
        (),
        ((labels.text("payback_empty", lang, horizon=annex.horizon_text(s, lang)), "note"),),
        (),
        ((labels.text("economics_settings", lang), "bold"),),
        ((labels.text("setting", lang), "head_left"),
         (labels.text("setting_basis", lang), "head_left")),
    ]  # fmt: skip
    for row in annex.settings_rows(analysis, lang):
        basis = annex.basis_text(row, analysis, lang, full=True)
        rows.append(((row["label"], "wrap"), (f"{row['value']} – {basis}", "wrap")))
    values = [v for c in ("npv", "annuity", "max_burden", "npv_with_grant") for v in frame[c]]
    eur = max(_eur_width(values), 18)  # the headers break between words
    return Layout(
        rows=tuple(rows),
        widths=(22, 60, 8, eur, eur, 20, eur, eur),
        title=labels.text("economics_title", lang),
        freeze="A2",
        print_rows="1:1",
        filter=f"A1:H{table_end}",
    )


def economics_sheets(analysis: Analysis, lang: str = "de", taken: set[str] | None = None,
                     top: int = 3) -> dict[str, Layout]:  # fmt: skip
    """The sheets of the Wirtschaftlichkeitsvergleich: *Wirtschaftlichkeit* (the overview,
    :func:`economics_overview_layout`) and one annex per body, *WV <body>*
    (:func:`annex_layout`; *Economics <body>* in English). Empty if the analysis has no
    cash flows.

    Parameters
    ----------
    taken : set of str, optional
        Sheet names already used (names are made unique and valid against them).
    """
    if analysis.flows is None or analysis.economics is None:
        return {}
    taken = set() if taken is None else taken
    sheets = {
        _sheet_name(labels.text("economics", lang), taken): economics_overview_layout(
            analysis, lang, top
        )
    }
    for body in participants(analysis.dataset):
        name = _sheet_name(labels.text("economics_sheet", lang, body=body.name), taken)
        sheets[name] = annex_layout(analysis, body, lang, top)
    return sheets


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
    """Write ``ranking.csv``, ``joint.csv``, ``contributions.csv``, ``cashflows.csv``,
    ``excluded.csv`` (the options the knock-out stage removed, with reasons),
    ``ranking.xlsx`` and, with a provenance record, ``provenance.json``.

    ``cashflows.csv`` holds the yearly cash flows of the Wirtschaftlichkeitsvergleich
    (:func:`cashflows_frame`); the workbook has its overview and one annex per body.

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
        "cashflows.csv": csv(cashflows_frame(analysis)),
        "excluded.csv": csv(excluded_frame(analysis)),
        "ranking.xlsx": lambda path: write_workbook(sheets, path, "ranking", lang),
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
