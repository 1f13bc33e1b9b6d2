"""Section "Kostenverteilung" (cost sharing) of the report: who pays what in the best joint
option, by each key, and whether the split is in the core (:mod:`potential.sharing`)."""

from __future__ import annotations

import pandas as pd

from potential import labels
from potential.report import annex, figures
from potential.report.document import (
    Heading,
    paragraph,
    table,
)
from potential.report.text import euro, t

TOP, JOINT_ROWS = 3, 10


#: a pool Kapitalwert of at most this (EUR) counts as no gain
_NO_GAIN = 0.005


def _best_pool(joint: pd.DataFrame) -> str | None:
    """The joint option with the largest positive pool Kapitalwert (first one on a tie)."""
    if "pool_npv" not in joint:
        return None
    positive = joint[joint["pool_npv"] > _NO_GAIN]
    if positive.empty:
        return None
    return str(positive.sort_values("pool_npv", ascending=False, kind="stable")["option"].iloc[0])


def _share_best(analysis, option: str):
    """:func:`potential.sharing.tables.share` of one option, with the analysis' settings."""
    from potential.sharing.tables import share

    return share(
        dataset=analysis.dataset,
        option=[option],
        economics=analysis.economics,
        reference_date=analysis.reference_date,
    )


def _sharing_input(ctx) -> tuple[object, str, list]:
    """The Sharing to report, the option shown and, if there is none, the blocks saying why."""
    from potential.errors import InputError

    a, lang = ctx.analysis, ctx.lang
    if ctx.sharing is not None:
        cores = ctx.sharing.cores
        if cores.empty:
            return None, "", [paragraph(t("sharing_none", lang))]
        best = cores.sort_values("pool_npv", ascending=False, kind="stable")
        return ctx.sharing, str(best["option"].iloc[0]), []
    if a.economics is None or "npv" not in a.ranking:
        return None, "", [paragraph(t("sharing_no_economics", lang))]
    option = _best_pool(a.joint)
    if option is None:
        return None, "", [paragraph(t("sharing_none", lang))]
    try:
        result = _share_best(a, option)
    except InputError as exc:
        return None, "", [paragraph(t("sharing_failed", lang, problem=exc.problem), kind="note")]
    if option not in set(result.cores["option"]):
        return None, "", [paragraph(t("sharing_none", lang))]
    return result, option, []


def _flag(value) -> bool | None:
    """A yes/no cell of the sharing tables as a bool; None where it was not computed."""
    return None if value is None or pd.isna(value) else bool(value)


def _capital(text: str) -> str:
    """``text`` with a capital first letter (key names in a table cell)."""
    return text[:1].upper() + text[1:]


def _group_text(group: list[str], members: list[str], names: dict, lang: str) -> str:
    """A subgroup by names; one of more than half the members as "every member but ..."."""
    k, n = len(group), len(members)
    if 2 * k > n and k < n:
        others = ", ".join(names.get(m, m) for m in members if m not in group)
        return t("sharing_all_but", lang, names=others, k=k, n=n)
    shown = ", ".join(names.get(m, m) for m in group)
    return t("sharing_group", lang, names=shown, k=k, n=n)


def sharing_section(ctx) -> list:
    from potential.models import PARTNER_SEP
    from potential.sharing.export import member_matrix
    from potential.sharing.ikz import KEYS, PROPORTIONAL_KEYS
    from potential.sharing.text import SHORT_KEYS

    lang = ctx.lang
    blocks: list = [Heading(2, t("h_sharing", lang), "sharing")]
    result, option, why = _sharing_input(ctx)
    if result is None:
        return blocks + why
    idx = 0 if lang == "de" else 1
    ds, s = result.dataset, result.economics
    names = {b.id: b.name for b in ds.bodies}
    core = result.cores.set_index("option").loc[option]
    members = core["members"].split(PARTNER_SEP)
    label = labels.option_label(
        ds, {"option": option, "field": core["field"], "legal_form": core["legal_form"],
             "partners": core["members"]}, lang,
    )  # fmt: skip
    which = t("sharing_which_best", lang, option=label) if ctx.sharing is None else label
    pool, split = float(core["pool_npv"]), float(core["best_split_npv"])
    money = t(
        "sharing_pool",
        lang,
        horizon=annex.horizon_text(s, lang),
        rate=annex.rate_text(s.discount_rate, lang),
        pool=euro(pool, lang),
        n=len(members),
    )
    if split > pool + _NO_GAIN:
        money += " " + t(
            "sharing_split_more", lang, split=euro(split, lang), diff=euro(split - pool, lang)
        )
    else:
        money += " " + t("sharing_split_less", lang, split=euro(split, lang))
    blocks += [paragraph(t("sharing_intro", lang, which=which)), paragraph(money)]

    matrix = member_matrix(result, option)
    keys = list(matrix.columns)
    rows = [(names.get(m, m), *(euro(v, lang) for v in matrix.loc[m])) for m in matrix.index]
    columns = [t("col_member", lang), *(SHORT_KEYS.get(k, (k, k))[idx] for k in keys)]
    blocks += [
        paragraph(t("sharing_table", lang)),
        table(columns, rows, numeric=range(1, len(columns)), name="sharing"),
    ]
    summary = result.summary[result.summary["option"] == option].set_index("key")
    missing = summary[~summary["available"].astype(bool)]
    if len(missing):
        reasons = []
        for key, row in missing.iterrows():
            kind = "quantity" if key in PROPORTIONAL_KEYS else "other"
            reason = t(f"sharing_reason_{kind}", lang, note=str(row["note"]).rstrip("."))
            reasons.append(f"{SHORT_KEYS.get(key, (key, key))[idx]} ({reason})")
        blocks.append(paragraph(t("sharing_unavailable", lang, items="; ".join(reasons))))

    shown = summary.loc[keys]

    def yes_no(value) -> str:
        flag = _flag(value)
        return "–" if flag is None else labels.text("yes" if flag else "no", lang)

    key_rows = [
        (
            _capital(KEYS[k][idx]),
            yes_no(r["all_gain"]),
            yes_no(r["in_core"]),
            euro(r["min_npv"], lang),
        )
        for k, r in shown.iterrows()
    ]
    cols = ["col_key_name", "col_all_better", "col_in_core", "col_min_npv"]
    blocks += [
        paragraph(t("sharing_keys", lang)),
        table([t(c, lang) for c in cols], key_rows, numeric=(3,), name="sharing-keys"),
    ]
    gain = [KEYS[k][idx] for k in keys if _flag(shown.at[k, "all_gain"]) is True]
    lose = [KEYS[k][idx] for k in keys if _flag(shown.at[k, "all_gain"]) is False]
    in_core = [KEYS[k][idx] for k in keys if _flag(shown.at[k, "in_core"]) is True]
    sentences = []
    if gain and len(gain) == len(keys):
        sentences.append(t("sharing_keys_gain_all", lang, n=len(keys)))
    elif gain:
        sentences.append(t("sharing_keys_gain", lang, keys="; ".join(gain)))
    if lose:
        sentences.append(t("sharing_keys_lose", lang, keys="; ".join(lose)))
    if in_core:
        sentences.append(t("sharing_keys_core", lang, keys="; ".join(in_core)))
    elif any(_flag(v) is not None for v in shown["in_core"]):
        sentences.append(t("sharing_keys_no_core", lang))
    blocks += [paragraph(" ".join(sentences)), paragraph(core[f"statement_{lang}"])]
    blocks += _sharing_full_cost(result, option, summary, names, lang)
    key = "sharing_empty_core" if bool(core["core_empty"]) else "sharing_core"
    blocks.append(paragraph(t(key, lang, epsilon=euro(core["least_core"], lang))))
    blocks += ctx.figure(
        "sharing.svg",
        t("fig_sharing", lang, option=label),
        lambda: figures.sharing(matrix, names, lang),
    )
    return [*blocks, paragraph(t("sharing_command", lang), kind="note")]


def _sharing_full_cost(result, option: str, summary, names: dict, lang: str) -> list:
    """Under the full-cost key: the subgroup better off alone, and who gains against the
    Shapley value."""
    from potential.models import PARTNER_SEP

    if "kosten" not in summary.index or not summary.at["kosten", "available"]:
        return []
    row = summary.loc["kosten"]
    if row["blocking"]:
        members = result.cores.set_index("option").at[option, "members"].split(PARTNER_SEP)
        group = _group_text(row["blocking"].split(PARTNER_SEP), members, names, lang)
        sentence = t("sharing_blocking", lang, group=group, shortfall=euro(row["shortfall"], lang))
    else:
        sentence = t("sharing_blocking_none", lang)
    rows = result.allocations
    diff = rows[(rows["option"] == option) & (rows["key"] == "kosten")]
    diff = diff.set_index("member")["vs_shapley"].astype(float).dropna()
    if len(diff):
        plus, minus = diff.idxmax(), diff.idxmin()
        if diff.abs().max() < 1.0:
            sentence += " " + t("sharing_shapley_equal", lang)
        else:
            sentence += " " + t(
                "sharing_shapley",
                lang,
                plus=names.get(plus, plus),
                plus_amount=euro(diff[plus], lang),
                minus=names.get(minus, minus),
                minus_amount=euro(-diff[minus], lang),
            )
    return [paragraph(sentence)]


# --- 7. uncertainty -----------------------------------------------------------------------
