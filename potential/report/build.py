"""What the report says: the analysis, its scenario and SMAA turned into a :class:`Document`.

:func:`report_document` builds the content once, in eight sections (what was analysed;
method and weights; results per body; the Wirtschaftlichkeitsvergleich; the joint view;
the cost sharing of the best joint option; uncertainty; sources and provenance) plus a
short summary. The HTML and Markdown renderers only lay it out, so both say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from potential import labels
from potential.analysis import FIXED_SCALE_METHODS
from potential.options import STAND_ALONE, participants
from potential.report import annex, figures
from potential.report.document import (
    Bullets,
    Code,
    Contents,
    Document,
    Figure,
    Heading,
    Link,
    paragraph,
    table,
)
from potential.report.sharing import sharing_section
from potential.report.text import TEXT, date, euro, method_text, number, percent, signed, t
from potential.weight_sources import weights_sentence, weights_table

#: Options shown per body; rows of the joint view shown.
TOP, JOINT_ROWS = 3, 10


@dataclass
class _Context:
    """What every section needs: the inputs and the option labels (built once)."""

    analysis: object
    lang: str
    scenario_run: object = None
    smaa: object = None
    provenance: dict = field(default_factory=dict)
    with_figures: bool = True
    #: the cost sharing to report (:class:`potential.sharing.tables.Sharing`); None: computed
    sharing: object = None
    #: figure file name → SVG bytes, in the order of the document
    figures: dict[str, bytes] = field(default_factory=dict)
    _labels: dict = field(default_factory=dict)

    @property
    def dataset(self):
        return self.analysis.dataset

    @property
    def model(self):
        return self.analysis.criteria

    def option(self, option_id: str) -> str:
        """The readable label of an option (its id if the analysis does not have it)."""
        if not self._labels:
            rows = self.analysis.ranking.drop_duplicates("option")
            self._labels.update(
                {
                    r["option"]: labels.option_label(self.dataset, r, self.lang)
                    for r in rows[["option", "field", "legal_form", "partners"]].to_dict("records")
                }
            )
        return self._labels.get(option_id, option_id)

    def criterion(self, criterion_id: str) -> str:
        for c in self.model.criteria:
            if c.id == criterion_id:
                return getattr(c.label, self.lang)
        return criterion_id

    def figure(self, name: str, caption: str, draw: Callable[[], bytes | None]) -> list:
        """A figure block, drawn now; nothing without figures or if ``draw`` gives None."""
        if not self.with_figures:
            return []
        svg = draw()
        if svg is None:
            return []
        self.figures[name] = svg
        return [Figure(name, caption)]


def _assumption_counts(ctx: _Context) -> dict:
    from potential.provenance import sources_table

    status = sources_table(ctx.dataset, ctx.model)["status"]
    return {
        "total": number(len(status), 0, ctx.lang),
        "assumptions": number(int((status == "assumption").sum()), 0, ctx.lang),
        "sources": number(int((status == "source").sum()), 0, ctx.lang),
        "reported": number(int((status == "reported").sum()), 0, ctx.lang),
    }


# --- summary ------------------------------------------------------------------------------


def _summary(ctx: _Context, counts: dict) -> list:
    lang, a = ctx.lang, ctx.analysis
    coop = a.joint
    gain = coop[coop["all_gain"]]
    items = [
        t(
            "summary_options",
            lang,
            bodies=len(participants(ctx.dataset)),
            options=number(len(coop), 0, lang),
            fields=coop["field"].nunique(),
            criteria=len(ctx.model.criteria),
            method=method_text(a.method, lang)[0],
        ),
        t("summary_joint", lang, option=ctx.option(gain["option"].iloc[0]))
        if len(gain)
        else t("summary_joint_none", lang),
        *_summary_economics(ctx),
        t("summary_estimates", lang, assumptions=counts["assumptions"], total=counts["total"]),
        t("summary_smaa" if ctx.smaa is not None else "summary_no_smaa", lang),
    ]
    return [Heading(2, t("h_summary", lang), "summary"), Bullets(tuple((i,) for i in items))]


def _summary_economics(ctx: _Context) -> list[str]:
    """One sentence on the money: the range of the bodies' best options' Kapitalwerte."""
    a, lang = ctx.analysis, ctx.lang
    if a.economics is None or "npv" not in a.ranking:
        return []
    best = annex.overview(a, top=1)
    if best.empty:
        return []
    coop = a.ranking[a.ranking["option"] != STAND_ALONE]
    return [
        t(
            "summary_economics",
            lang,
            horizon=annex.horizon_text(a.economics, lang),
            rate=annex.rate_text(a.economics.discount_rate, lang),
            low=euro(best["npv"].min(), lang),
            high=euro(best["npv"].max(), lang),
            negative=number(int((coop["npv"] < 0).sum()), 0, lang),
            total=number(len(coop), 0, lang),
        )
    ]


# --- 1. what was analysed -----------------------------------------------------------------


def _kind(kind: str, lang: str) -> str:
    return t(f"kind_{kind}", lang)


def _options_block(ctx: _Context, rules: dict) -> list:
    """The scenario's option rules in words (ids replaced by names)."""
    ds, lang = ctx.dataset, ctx.lang
    names = {
        "bodies": {b.id: b.name for b in ds.bodies},
        "fields": {f.id: labels.field_label(ds, f.id, lang) for f in ds.fields},
        "forms": {f.id: labels.form_label(ds, f.id, lang) for f in ds.legal_forms},
    }
    kinds = {"join": "bodies", "stay_out": "bodies", "lead": "bodies", "fields": "fields",
             "legal_forms": "forms"}  # fmt: skip
    items = []
    for key, value in rules.items():
        values = list(value) if isinstance(value, list | tuple) else [value]
        lookup = names.get(kinds.get(key, ""), {})
        shown = ", ".join(str(lookup.get(v, v)) for v in values)
        items.append((Code(f"options.{key}"), f": {shown}"))
    if not items:
        return []
    return [paragraph(t("scenario_options", lang)), Bullets(tuple(items))]


def _value(value, lang: str) -> str:
    """A changed value: numbers formatted, dates and text as they are."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float) and not pd.isna(value):
        v = float(value)
        if v.is_integer() and abs(v) >= 1000:
            return number(v, 0, lang)
        text = f"{v:.6g}"
        return text.replace(".", ",") if lang == "de" else text
    return "" if pd.isna(value) else str(value)


def _parameter(name: str, lang: str):
    """A changed parameter: weights in words, other parameters by their id."""
    key = f"param_{name}"
    return t(key, lang) if key in TEXT else Code(str(name))


def _item(ctx: _Context, item: str) -> str:
    """A changed item's name (group, criterion, body, field, legal form or duty)."""
    ds, lang = ctx.dataset, ctx.lang
    known = {g.id: getattr(g.label, lang) for g in ctx.model.groups}
    known |= {c.id: getattr(c.label, lang) for c in ctx.model.criteria}
    known |= {b.id: b.name for b in ds.bodies}
    known |= {f.id: labels.field_label(ds, f.id, lang) for f in ds.fields}
    known |= {f.id: labels.form_label(ds, f.id, lang) for f in ds.legal_forms}
    known |= {o.id: o.label_de if lang == "de" else o.label_en for o in ds.obligations}
    if not item:
        return "–"
    return " / ".join(known.get(part, part) for part in str(item).split("/"))


def _scenario(ctx: _Context) -> list:
    lang, run = ctx.lang, ctx.scenario_run
    blocks: list = [Heading(3, t("h_scenario", lang))]
    if run is None:
        return [*blocks, paragraph(t("no_scenario", lang))]
    sc = run.scenario
    blocks.append(paragraph(t("scenario_intro", lang, title=sc.label, name=sc.name)))
    if sc.description:
        blocks.append(paragraph(" ".join(sc.description.split()), kind="note"))
    changes = run.changes
    if len(changes):
        blocks.append(paragraph(t("scenario_changes", lang)))
        rows = []
        for r in changes.to_dict("records"):
            basis = r.get("source") or r.get("assumption") or "–"
            rows.append(
                (
                    _parameter(r["parameter"], lang),
                    _item(ctx, r["item"]),
                    _value(r["old"], lang),
                    _value(r["new"], lang),
                    str(r["rule"]),
                    str(basis),
                )
            )
        cols = ["col_changed", "col_item", "col_old", "col_new", "col_rule", "col_basis"]
        blocks.append(table([t(c, lang) for c in cols], rows, numeric=(2, 3), name="changes"))
    else:
        blocks.append(paragraph(t("scenario_no_changes", lang)))
    if sc.options is not None:
        blocks += _options_block(ctx, sc.options.model_dump(exclude_unset=True))
    return blocks


def _scope(ctx: _Context) -> list:
    ds, lang, a = ctx.dataset, ctx.lang, ctx.analysis
    blocks: list = [
        Heading(2, t("h_scope", lang), "scope"),
        paragraph(
            t(
                "scope_intro",
                lang,
                dataset=getattr(ds.meta.title, lang),
                id=ds.meta.id,
                date=date(a.reference_date, lang),
            )
        ),
        paragraph(t("scope_question", lang)),
        *_scenario(ctx),
        Heading(3, t("h_bodies", lang)),
    ]
    taking_part = {b.id for b in participants(ds)}
    blocks.append(paragraph(t("bodies_intro", lang, n=len(taking_part))))
    rows = [
        (b.name, _kind(b.kind, lang), number(b.population, 0, lang), date(b.population_date, lang))
        for b in ds.bodies
    ]
    cols = ["col_name", "col_kind", "col_population", "col_population_date"]
    blocks.append(table([t(c, lang) for c in cols], rows, numeric=(2,), name="bodies"))
    out = [b.name for b in ds.bodies if b.id not in taking_part]
    if out:
        blocks.append(paragraph(t("bodies_out", lang, names=", ".join(out))))

    blocks += [Heading(3, t("h_fields", lang)), paragraph(t("fields_intro", lang))]
    joint = a.joint
    rows, empty = [], []
    form_order = [f.id for f in ds.legal_forms]
    for f in ds.fields:
        offered = set(joint.loc[joint["field"] == f.id, "legal_form"])
        forms = [labels.form_label(ds, x, lang) for x in form_order if x in offered]
        n = int((joint["field"] == f.id).sum())
        if n == 0:
            empty.append(labels.field_label(ds, f.id, lang))
        rows.append((labels.field_label(ds, f.id, lang), "; ".join(forms) or "–", str(n)))
    cols = ["col_field", "col_forms", "col_options"]
    blocks.append(table([t(c, lang) for c in cols], rows, numeric=(2,), name="fields"))
    if empty:
        blocks.append(paragraph(t("fields_none", lang, fields=", ".join(empty))))
    rows = [
        (
            labels.form_label(ds, f.id, lang),
            f.law,
            str(int((joint["legal_form"] == f.id).sum())),
        )
        for f in ds.legal_forms
    ]
    cols = ["col_form", "col_law", "col_options"]
    blocks.append(table([t(c, lang) for c in cols], rows, numeric=(2,), name="legal-forms"))
    blocks += _excluded(ctx)
    return blocks


# --- 2. method and weights ----------------------------------------------------------------


def _method(ctx: _Context, counts: dict) -> list:
    lang, model, a = ctx.lang, ctx.model, ctx.analysis
    weights = model.weights()
    total = sum(g.weight for g in model.groups)
    rows = []
    for g in model.groups:
        for c in g.criteria:
            rows.append(
                (
                    getattr(g.label, lang),
                    percent(g.weight / total, 1, lang),
                    getattr(c.label, lang),
                    t("more" if c.direction == "max" else "less", lang),
                    c.unit,
                    percent(weights[c.id], 1, lang),
                )
            )
    cols = ["col_group", "col_group_weight", "col_criterion", "col_direction", "col_unit",
            "col_weight"]  # fmt: skip
    blocks: list = [
        Heading(2, t("h_method", lang), "method"),
        paragraph(t("method_criteria", lang, n=len(model.criteria), groups=len(model.groups))),
        table([t(c, lang) for c in cols], rows, numeric=(1, 5), name="weights"),
    ]
    if model.assumption:
        text = " ".join(model.assumption.split())
        blocks.append(paragraph(t("weights_assumption", lang, text=text)))
    elif model.source:
        blocks.append(paragraph(t("weights_source", lang, text=model.source)))
    own = [b.name for b in ctx.dataset.bodies if b.id in model.body_weights]
    if own:
        blocks.append(paragraph(t("weights_bodies", lang, names=", ".join(own))))
    name, sentence = method_text(a.method, lang)
    estimated = a.indicators["estimated"].astype(bool)
    if estimated.all():
        est = t("method_estimated_all", lang)
    elif estimated.any():
        est = t("method_estimated_part", lang, share=percent(estimated.mean(), 0, lang))
    else:
        est = t("method_estimated_none", lang)
    if a.scales == "fixed" and a.method in FIXED_SCALE_METHODS:
        clipped = a.ranking["clipped"].fillna("").astype(str) if "clipped" in a.ranking else ""
        score = t(
            "method_score_fixed",
            lang,
            clipped=number(int((clipped != "").sum()) if len(clipped) else 0, 0, lang),
            rows=number(len(a.ranking), 0, lang),
        )
    else:
        score = t("method_score", lang)
    blocks += [
        paragraph(t("method_name", lang, name=name, sentence=sentence)),
        paragraph(score),
        paragraph(t("method_benefit", lang)),
        paragraph(t("method_verdict", lang)),
        *_tradeoff_blocks(ctx),
        paragraph(t("method_estimates", lang, estimated=est, **counts), kind="note"),
        paragraph(t("method_docs", lang)),
    ]
    return blocks


def _tradeoff_blocks(ctx: _Context) -> list:
    """The exchange rates the weights set, in words, for the largest participating town."""
    from potential.errors import InputError

    lang, a = ctx.lang, ctx.analysis
    towns = [b for b in participants(ctx.dataset) if b.kind != "kreis"]
    if not towns:
        return []
    example = max(towns, key=lambda b: (b.population, b.id))
    try:
        rates = a.tradeoffs(example.id, lang)
    except InputError:
        return []
    point = rates.attrs.get("eur_per_point_per_capita", float("nan"))
    return [
        paragraph(
            t(
                "tradeoffs_intro",
                lang,
                point=number(point, 2, lang),
                body=example.name,
                eur=number(point * example.population, 0, lang),
            )
        ),
        Bullets(tuple(rates["statement"])),
    ]


def _excluded(ctx: _Context) -> list:
    """The knock-out stage: how many options were excluded, by which rule, why."""
    lang, ex = ctx.lang, ctx.analysis.excluded
    if ex is None or ex.empty:
        return [paragraph(t("excluded_none", lang))]
    reason = "reason_de" if lang == "de" else "reason_en"
    rows = []
    for rule, group in ex.groupby("rule", sort=False):
        name = t(f"rule_{rule}", lang) if f"rule_{rule}" in TEXT else rule
        rows.append(
            (name, str(group["option"].nunique()), group[reason].iloc[0], group["law"].iloc[0])
        )
    cols = ["col_rule", "col_options", "col_reason_example", "col_law"]
    return [
        Heading(3, t("h_excluded", lang)),
        paragraph(t("excluded_intro", lang, n=number(ex["option"].nunique(), 0, lang))),
        table([t(c, lang) for c in cols], rows, numeric=(1,), name="excluded"),
    ]


# --- 3. results per body ------------------------------------------------------------------


def _carried(ctx: _Context, body: str, option: str, k: int = 2) -> list[str]:
    """The ``k`` criteria that contribute most to an option's score, with their shares."""
    rows = ctx.analysis.explain(body, option)
    rows = rows[rows["contribution"] > 0].head(k)
    key = "share_of_score" if ctx.analysis.method == "wsm" else "share_of_value"
    return [
        t(
            "carried",
            ctx.lang,
            criterion=ctx.criterion(r["criterion"]),
            share=t(key, ctx.lang, share=percent(r["share"], 0, ctx.lang)),
        )
        for r in rows.to_dict("records")
    ]


def _overview(ctx: _Context) -> list:
    from potential.summaries import best_score_matrix

    ds, lang = ctx.dataset, ctx.lang
    matrix = best_score_matrix(ctx.analysis.ranking, [f.id for f in ds.fields])
    names = {b.id: b.name for b in ds.bodies}
    cols = [t("col_name", lang), *(labels.field_label(ds, f, lang) for f in matrix.columns)]
    rows = [(names[b], *(number(v, 3, lang) for v in matrix.loc[b])) for b in matrix.index]
    return [
        Heading(3, t("h_overview", lang), "overview"),
        paragraph(t("overview_intro", lang)),
        *ctx.figure(
            "heatmap.svg", t("fig_heatmap", lang), lambda: figures.heatmap(ctx.analysis, lang)
        ),
        table(cols, rows, numeric=range(1, len(cols)), name="overview"),
    ]


def _body(ctx: _Context, body, used=None) -> list:
    lang, ranking = ctx.lang, ctx.analysis.ranking
    rows = ranking[ranking["body"] == body.id].sort_values("rank", kind="stable")
    top = rows.head(TOP)
    blocks: list = [Heading(3, body.name, f"body-{body.id}")]
    best = top.iloc[0]
    if best["option"] == STAND_ALONE:
        blocks.append(paragraph(t("best_alone", lang)))
    else:
        carried = _carried(ctx, body.id, best["option"]) + ["–", "–"]
        blocks.append(
            paragraph(
                t(
                    "best_option",
                    lang,
                    option=ctx.option(best["option"]),
                    score=number(best["score"], 3, lang),
                    benefit=signed(best["benefit"], 3, lang),
                    first=carried[0],
                    second=carried[1],
                )
            )
        )
    blocks.append(paragraph(ctx.analysis.why(body.id, lang)))
    if used is not None:  # whose weights ranked the body (potential.weight_sources)
        blocks.append(paragraph(weights_sentence(used, body.id, lang)))
    table_rows = [
        (
            str(int(r["rank"])),
            ctx.option(r["option"]),
            euro(r["npv"], lang) if "npv" in r else "–",
            number(r["quality_points"], 1, lang) if "quality_points" in r else "–",
            number(r["score"], 3, lang),
            signed(r["benefit"], 3, lang),
            labels.text(f"verdict_{r['verdict']}", lang) if "verdict" in r else "–",
        )
        for r in top.to_dict("records")
    ]
    cols = ["col_rank", "col_option", "col_npv", "col_quality", "col_score", "col_benefit",
            "col_verdict"]  # fmt: skip
    blocks.append(
        table([t(c, lang) for c in cols], table_rows, numeric=(0, 2, 3, 4, 5), name="top-options")
    )
    alone = rows.loc[rows["option"] == STAND_ALONE, "rank"]
    if len(alone):
        blocks.append(paragraph(t("alone_rank", lang, rank=int(alone.iloc[0]), n=len(rows))))
    blocks += ctx.figure(
        f"contributions-{body.id}.svg",
        t("fig_contributions", lang, body=body.name),
        lambda b=body.id: figures.contributions(ctx.analysis, b, TOP, lang),
    )
    return blocks


def _results(ctx: _Context) -> list:
    blocks: list = [
        Heading(2, t("h_results", ctx.lang), "results"),
        paragraph(t("results_intro", ctx.lang)),
        *_overview(ctx),
    ]
    used = weights_table(ctx.analysis)
    for body in participants(ctx.dataset):
        blocks += _body(ctx, body, used)
    return blocks


# --- 4. Wirtschaftlichkeitsvergleich -------------------------------------------------------


def _economics(ctx: _Context) -> list:
    a, lang = ctx.analysis, ctx.lang
    blocks: list = [Heading(2, t("h_economics", lang), "economics")]
    s = a.economics
    if s is None or a.flows is None:
        return blocks
    blocks.append(paragraph(t("economics_intro", lang)))
    items = [
        (
            t(
                "economics_setting",
                lang,
                label=row["label"],
                value=row["value"],
                basis=annex.basis_text(row, a, lang, full=False),
            ),
        )
        for row in annex.settings_rows(a, lang)
    ]
    blocks += [
        paragraph(t("economics_settings", lang)),
        Bullets(tuple(items)),
        paragraph(t("economics_grant_on" if s.grant else "economics_grant_off", lang)),
        paragraph(t("economics_sources", lang), kind="note"),
    ]
    best = annex.overview(a, top=1)
    rows = [
        (
            r["body_name"],
            f"{ctx.option(r['option'])} ({t('col_rank', lang)} {int(r['rank'])})",
            euro(r["npv"], lang),
            euro(r["annuity"], lang),
            annex.payback_text(r["payback_year"], s, lang),
            euro(r["max_burden"], lang),
        )
        for r in best.to_dict("records")
    ]
    cols = ["col_name", "col_option", "col_npv", "col_annuity", "col_payback", "col_burden"]
    blocks += [
        paragraph(t("economics_best", lang)),
        table([t(c, lang) for c in cols], rows, numeric=(2, 3, 5), name="economics"),
        paragraph(t("economics_terms", lang), kind="note"),
        paragraph(_negative_sentences(ctx)),
    ]
    return blocks + _annex_example(ctx)


def _negative_sentences(ctx: _Context) -> str:
    """How many options have a negative Kapitalwert, and where the VAT makes the loss."""
    a, lang = ctx.analysis, ctx.lang
    coop = a.ranking[a.ranking["option"] != STAND_ALONE]
    negative = int((coop["npv"] < 0).sum())
    total = number(len(coop), 0, lang)
    if not negative:
        return t("economics_negative_none", lang, total=total)
    text = t(
        "economics_negative",
        lang,
        negative=number(negative, 0, lang),
        total=total,
        horizon=annex.horizon_text(a.economics, lang),
    )
    losses = annex.vat_losses(a)
    if not len(losses):
        return f"{text} {t('economics_vat_none', lang)}"
    counts = losses.groupby(["field", "legal_form"], sort=False).size()
    counts = counts.sort_values(ascending=False, kind="stable").head(3)
    where = [
        t(
            "economics_vat_where",
            lang,
            field=labels.field_label(ctx.dataset, f, lang),
            form=labels.form_label(ctx.dataset, form, lang),
            n=number(int(n), 0, lang),
        )
        for (f, form), n in counts.items()
    ]
    vat = t("economics_vat", lang, n=number(len(losses), 0, lang), where=", ".join(where))
    return f"{text} {vat}"


def _annex_example(ctx: _Context) -> list:
    """The annex of one body's best cooperation option as a small table."""
    a, lang = ctx.analysis, ctx.lang
    s = a.economics
    body = next((b for b in participants(ctx.dataset) if len(annex.top_options(a, b.id, 1))), None)
    if body is None:
        return []
    block = annex.blocks(a, body.id, top=1, lang=lang)[-1]
    cols = [t("annex_position", lang), *(t("annex_year", lang, t=int(y)) for y in annex.years(s))]

    def amounts(values):
        return tuple(number(v, 0, lang) if round(float(v)) != 0 else "–" for v in values)

    rows = [
        (annex.component_label(cid, lang), *amounts(values))
        for cid, values in block.components.items()
        if np.any(np.round(values) != 0)
    ]
    rows += [
        (annex.text("total", lang), *amounts(block.total)),
        (annex.text("factor", lang), *(number(f, 4, lang) for f in block.factors)),
        (annex.text("present", lang), *amounts(block.present)),
    ]
    result = t(
        "annex_result",
        lang,
        npv=euro(block.npv, lang),
        annuity=euro(block.annuity, lang),
        payback=annex.payback_text(block.payback_year, s, lang),
        burden=euro(block.max_burden, lang),
    )
    intro = t(
        "annex_intro",
        lang,
        body=body.name,
        option=block.label,
        start=date(s.reference_date, lang),
    )
    return [
        Heading(3, t("h_annex", lang, body=body.name), "annex"),
        paragraph(intro),
        table(cols, rows, numeric=range(1, len(cols)), name="annex"),
        paragraph(result),
    ]


# --- 5. joint view ------------------------------------------------------------------------


def _joint(ctx: _Context) -> list:
    lang, joint = ctx.lang, ctx.analysis.joint
    gain = joint[joint["all_gain"]]
    shown = (gain if len(gain) else joint).head(JOINT_ROWS)
    blocks: list = [Heading(2, t("h_joint", lang), "joint"), paragraph(t("joint_intro", lang))]
    if len(gain):
        blocks.append(
            paragraph(
                t(
                    "joint_count",
                    lang,
                    gain=number(len(gain), 0, lang),
                    total=number(len(joint), 0, lang),
                    n=len(shown),
                )
            )
        )
    else:
        blocks.append(paragraph(t("joint_none", lang, n=len(shown))))
    rows = [
        (
            str(int(r["consensus_rank"])),
            ctx.option(r["option"]),
            str(int(r["members"])),
            signed(r["min_benefit"], 3, lang),
            signed(r["summed_benefit"], 3, lang),
            number(r.get("pool_npv"), 0, lang),
        )
        for r in shown.to_dict("records")
    ]
    cols = ["col_consensus", "col_option", "col_members", "col_min_benefit", "col_sum_benefit",
            "col_savings"]  # fmt: skip
    blocks += [
        table([t(c, lang) for c in cols], rows, numeric=(0, 2, 3, 4, 5), name="joint"),
        paragraph(
            t("joint_caveat_fixed" if ctx.analysis.scales == "fixed" else "joint_caveat", lang)
        ),
    ]
    if ctx.with_figures:
        figure = ctx.figure(
            "map.svg", t("fig_map", lang), lambda: figures.cooperation_map(ctx.analysis, lang)
        )
        blocks += [Heading(3, t("h_map", lang), "map")]
        blocks += figure or [paragraph(t("map_missing", lang))]
    return blocks


# --- 6. cost sharing ----------------------------------------------------------------------


#: a pool Kapitalwert of at most this (EUR) is no gain to share (as potential.sharing.ikz)
def _uncertainty(ctx: _Context) -> list:
    lang, smaa = ctx.lang, ctx.smaa
    blocks: list = [Heading(2, t("h_uncertainty", lang), "uncertainty")]
    if smaa is None:
        return [*blocks, paragraph(t("smaa_missing", lang), kind="note")]
    what = t(f"smaa_weights_{smaa.weights}", lang)
    values_text = t("smaa_values_dataset", lang) if smaa.values == "dataset" else ""
    blocks += [
        paragraph(t("smaa_intro", lang, n=number(smaa.n, 0, lang), what=what)),
        paragraph(
            t(
                "smaa_settings",
                lang,
                n=number(smaa.n, 0, lang),
                seed=smaa.seed,
                weights=smaa.weights,
                values=smaa.values,
                method=smaa.method,
                values_text=values_text,
            ),
            kind="note",
        ),
        paragraph(t("smaa_table", lang)),
    ]
    ranks = ctx.analysis.ranking.set_index(["body", "option"])["rank"]
    summary = smaa.summary.sort_values(
        ["first_rank_acceptability", "expected_rank"], ascending=[False, True], kind="stable"
    )
    rows = []
    for body, name in smaa.bodies.items():
        for r in summary[summary["body"] == body].head(TOP).to_dict("records"):
            rank = ranks.get((body, r["option"]))
            rows.append(
                (
                    name,
                    ctx.option(r["option"]),
                    percent(r["first_rank_acceptability"], 0, lang),
                    number(r["expected_rank"], 1, lang),
                    "–" if rank is None else str(int(rank)),
                )
            )
    cols = ["col_name", "col_option", "col_first_share", "col_expected_rank",
            "col_analysis_rank"]  # fmt: skip
    blocks.append(table([t(c, lang) for c in cols], rows, numeric=(2, 3, 4), name="smaa"))
    for body, name in smaa.bodies.items():
        blocks += ctx.figure(
            f"acceptability-{body}.svg",
            t("fig_acceptability", lang, body=name),
            lambda b=body: figures.acceptability(smaa, b, _names(ctx, smaa, b), lang),
        )
    return blocks


def _names(ctx: _Context, smaa, body: str) -> dict:
    options = smaa.acceptability.loc[smaa.acceptability["body"] == body, "option"]
    return {o: ctx.option(o) for o in dict.fromkeys(options)}


# --- 8. sources and provenance ------------------------------------------------------------


def _link(url: str):
    return Link(url, url) if url.startswith(("http://", "https://")) else url


def _with_path(name: str, entry) -> str:
    return f"{name} ({entry['path']})" if entry else name


def _provenance_rows(ctx: _Context) -> list:
    lang, record = ctx.lang, ctx.provenance
    none = t("none", lang)

    def sha(entry, key="sha256"):
        return Code(entry[key]) if entry and entry.get(key) else none

    rows = [(t("prov_version", lang), record.get("potential_version") or none)]
    scenario = record.get("scenario")
    if scenario:
        rows.append((t("prov_scenario", lang), f"{scenario['title']} ({scenario['name']})"))
        for entry in scenario.get("files") or ():
            if entry:
                rows.append((entry["path"], Code(entry["sha256"])))
        rows.append((t("prov_scenario_sha", lang), sha(scenario, "effective_sha256")))
    data = record.get("data") or {}
    rows += [
        (t("prov_dataset", lang), f"{data.get('id', '')} ({data.get('path', '')})"),
        (t("prov_dataset_sha", lang), sha(data)),
        (t("prov_dataset_eff", lang), sha(data, "effective_sha256")),
    ]
    criteria = record.get("criteria") or {}
    file = criteria.get("file")
    rows += [
        (t("prov_criteria", lang), _with_path(criteria.get("id", ""), file)),
        (t("prov_criteria_sha", lang), sha(file)),
        (t("prov_criteria_eff", lang), sha(criteria, "effective_sha256")),
    ]
    body_weights = record.get("body_weights")
    if body_weights:
        shown = (f"{body_weights['path']} ", sha(body_weights))
        rows.append((t("prov_body_weights", lang), shown))
    params = record.get("method_params") or {}
    rows += [
        (t("prov_method", lang), record.get("method") or none),
        (t("prov_params", lang), ", ".join(f"{k} = {v}" for k, v in params.items()) or none),
        (t("prov_date", lang), record.get("reference_date") or none),
        (t("prov_seed", lang), none if record.get("seed") is None else str(record["seed"])),
    ]
    settings = record.get("settings")
    if settings:
        shown = ", ".join(f"{k} = {v}" for k, v in settings.items())
        rows.append((t("prov_settings", lang), shown))
    env = record.get("environment") or {}
    rows.append((t("prov_environment", lang), ", ".join(f"{k} {v}" for k, v in env.items())))
    return rows


def _sources(ctx: _Context, counts: dict) -> list:
    lang = ctx.lang
    rows = [(Code(s.id), s.grade, s.label(lang), _link(s.url)) for s in ctx.dataset.sources]
    cols = ["col_id", "col_grade", "col_title", "col_url"]
    return [
        Heading(2, t("h_sources", lang), "sources"),
        paragraph(t("sources_intro", lang, **counts)),
        table([t(c, lang) for c in cols], rows, name="sources"),
        Heading(3, t("h_provenance", lang), "provenance"),
        paragraph(t("provenance_intro", lang)),
        table(
            [t("col_key", lang), t("col_value", lang)], _provenance_rows(ctx), name="provenance"
        ),
    ]


# --- the whole report ---------------------------------------------------------------------


def report_document(ctx: _Context) -> Document:
    """The report's content for the inputs in ``ctx``; draws its figures into
    ``ctx.figures``."""
    lang, a = ctx.lang, ctx.analysis
    counts = _assumption_counts(ctx)
    dataset_title = getattr(ctx.dataset.meta.title, lang)
    when = date(a.reference_date, lang)
    if ctx.scenario_run is not None:
        subtitle = t(
            "subtitle_scenario",
            lang,
            dataset=dataset_title,
            scenario=ctx.scenario_run.scenario.label,
            date=when,
        )
    else:
        subtitle = t("subtitle", lang, dataset=dataset_title, date=when)
    sections = [
        _summary(ctx, counts),
        _scope(ctx),
        _method(ctx, counts),
        _results(ctx),
        _economics(ctx),
        _joint(ctx),
        sharing_section(ctx),
        _uncertainty(ctx),
        _sources(ctx, counts),
    ]
    entries = tuple((s[0].anchor, s[0].text) for s in sections if isinstance(s[0], Heading))
    blocks = [Contents(entries)] + [b for s in sections for b in s]
    return Document(t("title", lang), subtitle, tuple(blocks), lang)
