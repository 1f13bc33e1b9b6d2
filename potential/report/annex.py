"""The Wirtschaftlichkeitsvergleich as a council annex shows it: settings, blocks, overview.

Pure functions of an :class:`~potential.analysis.Analysis`. Amounts stay numbers (EUR);
labels come in German (default) or English. ``ranking.xlsx`` lays them out
(:func:`potential.exports.economics_sheets`), the report words them
(:mod:`potential.report.build`); both therefore show the same figures.

A body's annex holds one :class:`Block` per option: the status quo (going it alone, the
reference, Kapitalwert 0 by definition) and its best cooperation options by rank. Each block
has the yearly amounts of every component (:data:`potential.economics.COMPONENTS`) as
differences to the status quo, their sum, the discount factors :math:`(1 + i)^{-t}`, the
present values, and the Kapitalwert, annuity, dynamic payback year and largest yearly
burden of :attr:`Analysis.ranking <potential.analysis.Analysis.ranking>`; and, for
information, the status quo's cost in the field (annual cost × price index) and the payment
to the pool.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from potential import labels
from potential.economics.finance import discount_factors
from potential.economics.flows import COMPONENTS
from potential.messages import message
from potential.options import STAND_ALONE, participants
from potential.report.text import check_lang, date, number, percent

#: Cooperation options per body in the annex (besides the status quo).
TOP = 3

#: The settings shown with the annex: setting → the dataset parameter that gives its default.
SETTINGS = {
    "reference_date": None,
    "discount_rate": "discount_rate",
    "horizon_years": "horizon_years",
    "price_change_rate": "price_change_rate",
    "ramp_up": "ramp_up_years",
    "grant": "grant_assumed",
    "vat_rate": "vat_rate",
    "double_running_months": "double_running_months",
}

#: key → (German, English): the annex's fixed texts
TEXT = {
    "title": ("Wirtschaftlichkeitsvergleich: {body}", "Economic comparison: {body}"),
    "intro": (
        "Differenz zum Status quo (Alleingang) in Euro, positiv = besser für {body} als "
        "allein. Jahr 0 ist der Beginn am {start} (nicht abgezinst); die Zahlungen eines "
        "späteren Jahres fallen an seinem Ende an.",
        "Difference to the status quo (going it alone) in euros, positive = better for {body} "
        "than alone. Year 0 is the start on {start} (not discounted); the payments of a later "
        "year fall at its end.",
    ),
    "settings_line": (
        "Zinssatz {rate} · Horizont {horizon} · Preissteigerung {prices} · Hochlauf {ramp} · "
        "Förderung: {grant}. Quellen und Annahmen: Blatt „{sheet}“.",
        "Discount rate {rate} · horizon {horizon} · price change {prices} · ramp-up {ramp} · "
        "grant: {grant}. Sources and assumptions: sheet “{sheet}”.",
    ),
    "position": ("Position", "Item"),
    "year_0": ("Jahr 0 (Beginn)", "Year 0 (start)"),
    "year_t": ("Jahr {t}", "Year {t}"),
    "until": ("bis {date}", "to {date}"),
    "sum_years": ("Summe", "Total"),
    "status_quo": (
        "Variante 0: Status quo (Alleingang) – Vergleichsmaßstab",
        "Variant 0: status quo (going it alone) – the reference",
    ),
    "status_quo_note": (
        "Alle Beträge der Varianten sind Differenzen zu diesem Status quo; sein Kapitalwert "
        "ist daher 0 €.",
        "Every amount of the variants is a difference to this status quo, so its net present "
        "value is 0 €.",
    ),
    "variant": (
        "Variante {n} (Rang {rank} von {of}): {option}",
        "Variant {n} (rank {rank} of {of}): {option}",
    ),  # fmt: skip
    "total": ("Summe (Differenz zum Status quo)", "Total (difference to the status quo)"),
    "factor": ("Abzinsungsfaktor", "Discount factor"),
    "present": ("Barwert", "Present value"),
    "npv": ("Kapitalwert", "Net present value"),
    "annuity": ("Annuität", "Annuity"),
    "payback": ("Amortisation (dynamisch)", "Payback (discounted)"),
    "burden": ("Größte Jahresbelastung", "Largest yearly burden"),
    "npv_with_grant": (
        "nachrichtlich: Kapitalwert mit IKZ-Förderung (wo förderfähig)",
        "for information: net present value with the IKZ grant (where eligible)",
    ),
    "npv_note": (
        "Summe der Barwerte; über 0: besser als der Status quo",
        "sum of the present values; above 0: better than the status quo",
    ),
    "annuity_note": (
        "gleich hoher Betrag je Jahr mit demselben Kapitalwert ({horizon}, {rate})",
        "the same amount every year with the same net present value ({horizon}, {rate})",
    ),
    "payback_note": (
        "erstes Jahr, ab dem die aufsummierten Barwerte nicht mehr unter 0 fallen",
        "first year from which the summed present values no longer fall below 0",
    ),
    "burden_note": (
        "größter Fehlbetrag eines einzelnen Jahres, im Haushalt zu finanzieren",
        "largest shortfall of a single year, to be financed in the budget",
    ),
    "payback_year": ("Jahr {t} ({date})", "year {t} ({date})"),
    "payback_now": ("sofort (Jahr 0)", "at once (year 0)"),
    "payback_never": ("nicht innerhalb von {n} Jahren", "not within {n} years"),
    "cost_info": (
        "nachrichtlich: Kosten im Status quo ({field})",
        "for information: cost in the status quo ({field})",
    ),
    "payment_info": (
        "nachrichtlich: Entgelt oder Umlage an den Pool (netto, ohne USt)",
        "for information: payment to the pool (net of VAT)",
    ),
    "years": ("{n} Jahre", "{n} years"),
    "per_year": ("{rate} p. a.", "{rate} a year"),
    "grant_yes": ("angesetzt, wo förderfähig", "counted where eligible"),
    "grant_no": ("nicht angesetzt", "not counted"),
    "months": ("{n} Monate", "{n} months"),
    "ramp": (
        "{shares} der Einsparung im {years} Betriebsjahr",
        "{shares} of the saving in operating year {years}",
    ),  # fmt: skip
    "set_for_run": ("für diesen Lauf vorgegeben", "set for this run"),
    "source": ("Quelle", "Source"),
    "assumption": ("Annahme", "Assumption"),
    "setting_reference_date": ("Beginn (Jahr 0, Stichtag)", "Start (year 0, reference date)"),
    "setting_discount_rate": ("Zinssatz (nominal)", "Discount rate (nominal)"),
    "setting_horizon_years": ("Betrachtungszeitraum (Horizont)", "Horizon"),
    "setting_price_change_rate": ("Preissteigerung", "Price change"),
    "setting_ramp_up": ("Hochlauf der Einsparungen", "Ramp-up of the savings"),
    "setting_grant": ("IKZ-Förderung des Landes NRW", "NRW IKZ grant"),
    "setting_vat_rate": ("Umsatzsteuersatz", "VAT rate"),
    "setting_double_running_months": (
        "Doppelbetrieb bei der Umstellung",
        "Double running at the switch",
    ),  # fmt: skip
    "reference_basis": ("Stichtag der Analyse", "the analysis' reference date"),
}


def text(key: str, lang: str = "de", **values) -> str:
    """A fixed text of the annex in ``lang``, with ``values`` filled in."""
    out = TEXT[key][labels.LANGS.index(check_lang(lang))]
    return out.format(**values) if values else out


@dataclass(frozen=True)
class Block:
    """One option in a body's annex.

    Attributes
    ----------
    option : str
        Option id (:data:`potential.options.STAND_ALONE` for the status quo).
    label : str
        The option's readable name.
    rank : int
        Its rank among the body's options.
    field : str
        Field id (``""`` for the status quo).
    components : dict of str to numpy.ndarray
        Component id → amounts of the years 0..H (EUR; empty for the status quo).
    total, factors, present : numpy.ndarray
        Yearly sum of the components, discount factors and present values (years 0..H).
    npv, annuity, payback_year, max_burden, npv_with_grant : float
        As in :attr:`Analysis.ranking <potential.analysis.Analysis.ranking>`
        (``payback_year`` NaN if not within the horizon).
    info : tuple of (str, numpy.ndarray)
        Lines for information (label, amounts of years 0..H; NaN where none): the cost in
        the status quo, the payment to the pool. Not part of the difference.
    """

    option: str
    label: str
    rank: int
    field: str
    components: dict
    total: np.ndarray
    factors: np.ndarray
    present: np.ndarray
    npv: float
    annuity: float
    payback_year: float
    max_burden: float
    npv_with_grant: float
    info: tuple = ()

    @property
    def is_status_quo(self) -> bool:
        return self.option == STAND_ALONE


def years(settings) -> np.ndarray:
    """The years 0..H."""
    return np.arange(settings.horizon_years + 1)


def year_end(settings, t: int) -> dt.date:
    """The date year ``t`` ends (year 0: the start)."""
    start = settings.reference_date
    try:
        return start.replace(year=start.year + int(t))
    except ValueError:  # 29 February in a year that has none
        return start.replace(year=start.year + int(t), day=28)


def year_headers(settings, lang: str = "de") -> list[str]:
    """Column headers of the years: ``Jahr 0 (Beginn)`` with its date, ``Jahr 1`` ... ."""
    out = []
    for t in years(settings):
        when = date(year_end(settings, t), lang)
        if t == 0:
            out.append(f"{text('year_0', lang)}\n{when}")
        else:
            out.append(f"{text('year_t', lang, t=t)}\n{text('until', lang, date=when)}")
    return out


def horizon_text(settings, lang: str = "de") -> str:
    return text("years", lang, n=settings.horizon_years)


def rate_text(rate: float, lang: str = "de") -> str:
    """A yearly rate: ``0,9 % p. a.``."""
    return text("per_year", lang, rate=percent(rate, 1, lang))


def ramp_text(settings, lang: str = "de") -> str:
    """The ramp-up profile: ``33 % / 67 % / 100 % der Einsparung im 1./2./3. Betriebsjahr``."""
    shares = " / ".join(percent(s, 0, lang) for s in settings.ramp_up)
    if lang == "de":
        ordinals = "/".join(f"{k}." for k in range(1, len(settings.ramp_up) + 1))
    else:
        ordinals = "/".join(str(k) for k in range(1, len(settings.ramp_up) + 1))
    return text("ramp", lang, shares=shares, years=ordinals)


def grant_text(settings, lang: str = "de") -> str:
    return text("grant_yes" if settings.grant else "grant_no", lang)


def payback_text(value, settings, lang: str = "de") -> str:
    """The dynamic payback year in words: ``Jahr 5 (25.11.2031)``, or not within H years."""
    if value is None or pd.isna(value):
        return text("payback_never", lang, n=settings.horizon_years)
    t = int(value)
    if t == 0:
        return text("payback_now", lang)
    return text("payback_year", lang, t=t, date=date(year_end(settings, t), lang))


def settings_line(analysis, lang: str = "de") -> str:
    """The settings in one line (the head of every annex sheet)."""
    s = analysis.economics
    return text(
        "settings_line",
        lang,
        rate=rate_text(s.discount_rate, lang),
        horizon=horizon_text(s, lang),
        prices=rate_text(s.price_change_rate, lang),
        ramp=" / ".join(percent(x, 0, lang) for x in s.ramp_up),
        grant=grant_text(s, lang),
        sheet=labels.text("economics", lang),
    )


def settings_rows(analysis, lang: str = "de") -> list[dict]:
    """The settings of the Wirtschaftlichkeitsvergleich with where each comes from.

    Returns
    -------
    list of dict
        One per setting of :data:`SETTINGS`: ``key``, ``label``, ``value`` (text),
        ``status`` (``"source"``, ``"assumption"``, ``"run"``: overridden for this run, or
        ``"date"``: the reference date), ``sources`` (source ids), ``assumption`` (the
        rationale, or ``None``).
    """
    from potential.economics.settings import economic_settings

    s = analysis.economics
    ds = analysis.dataset
    default = economic_settings(ds, analysis.reference_date)
    params = {p.parameter: p for p in ds.parameters}
    shown = {
        "reference_date": date(s.reference_date, lang),
        "discount_rate": rate_text(s.discount_rate, lang),
        "horizon_years": horizon_text(s, lang),
        "price_change_rate": rate_text(s.price_change_rate, lang),
        "ramp_up": ramp_text(s, lang),
        "grant": grant_text(s, lang),
        "vat_rate": percent(s.vat_rate, 0, lang),
        "double_running_months": text("months", lang, n=number(s.double_running_months, 0, lang)),
    }
    rows = []
    for key, parameter in SETTINGS.items():
        p = params.get(parameter) if parameter else None
        if parameter is None:
            status, sources, assumption = "date", (), None
        elif getattr(s, key) != getattr(default, key):
            status, sources, assumption = "run", (), None
        elif p is not None and p.assumption:
            status, sources, assumption = "assumption", tuple(p.source), p.assumption
        else:
            status, sources, assumption = "source", tuple(p.source) if p else (), None
        rows.append(
            {
                "key": key,
                "label": text(f"setting_{key}", lang),
                "value": shown[key],
                "status": status,
                "sources": sources,
                "assumption": assumption,
            }
        )
    return rows


def basis_text(row: dict, analysis, lang: str = "de", full: bool = True) -> str:
    """Where a setting of :func:`settings_rows` comes from, in words.

    ``full``: with the sources' titles and addresses and the assumption's rationale (the
    workbook); else with the source ids only (the report).
    """
    if row["status"] == "date":
        return text("reference_basis", lang)
    if row["status"] == "run":
        return text("set_for_run", lang)
    src = {x.id: x for x in analysis.dataset.sources}
    if row["status"] == "assumption":
        head = text("assumption", lang)
        return f"{head}: {' '.join(row['assumption'].split())}" if full else head
    ids = [i for i in row["sources"] if i in src]
    if not ids:
        return text("source", lang)
    if full:
        cited = " | ".join(f"[{src[i].grade}] {src[i].label(lang)} <{src[i].url}>" for i in ids)
    else:
        cited = ", ".join(ids)
    return f"{text('source', lang)}: {cited}"


def _row_index(analysis) -> dict:
    keys = analysis.flow_keys
    return {k: i for i, k in enumerate(zip(keys["body"], keys["option"], strict=True))}


def option_labels(analysis, options, lang: str = "de") -> dict:
    """Option id → readable label, for the given options."""
    rows = analysis.ranking.drop_duplicates("option").set_index("option")
    out = {}
    for option in dict.fromkeys(options):
        row = {"option": option, **rows.loc[option, ["field", "legal_form", "partners"]]}
        out[option] = labels.option_label(analysis.dataset, row, lang)
    return out


def top_options(analysis, body: str, top: int = TOP) -> pd.DataFrame:
    """A body's ``top`` best cooperation options by rank (rows of the ranking)."""
    r = analysis.ranking
    rows = r[(r["body"] == body) & (r["option"] != STAND_ALONE)]
    return rows.sort_values("rank", kind="stable").head(top)


def blocks(analysis, body: str, top: int = TOP, lang: str = "de") -> list[Block]:
    """A body's annex: the status quo, then its ``top`` best cooperation options by rank.

    Raises
    ------
    ValueError
        The analysis has no cash flows (:attr:`Analysis.flows
        <potential.analysis.Analysis.flows>` is None).
    """
    if analysis.flows is None:
        raise ValueError(message("report.no_flows"))
    s = analysis.economics
    flows = analysis.flows
    t = years(s)
    factors = discount_factors(s.discount_rate, s.horizon_years)
    price = (1 + s.price_change_rate) ** t.astype(float)
    index = _row_index(analysis)
    ranking = analysis.ranking[analysis.ranking["body"] == body]
    best = top_options(analysis, body, top)
    names = option_labels(analysis, best["option"], lang)
    ind = analysis.indicators.set_index(["body", "option"])
    ds = analysis.dataset

    def cost_line(field: str, option: str) -> tuple[str, np.ndarray]:
        cost = float(ind.loc[(body, option), "annual_cost"])
        amounts = cost * price
        amounts[0] = np.nan  # running cost accrues over the years 1..H
        label = text("cost_info", lang, field=labels.field_label(ds, field, lang))
        return label, np.round(amounts, 2)

    alone = ranking[ranking["option"] == STAND_ALONE]
    zeros = np.zeros(len(t))
    fields = list(dict.fromkeys(best["field"]))
    first_option = {f: best.loc[best["field"] == f, "option"].iloc[0] for f in fields}
    out = [
        Block(
            option=STAND_ALONE,
            label=labels.text("stand_alone", lang),
            rank=int(alone["rank"].iloc[0]) if len(alone) else 0,
            field="",
            components={},
            total=zeros,
            factors=factors,
            present=zeros,
            npv=0.0,
            annuity=0.0,
            payback_year=0.0,
            max_burden=0.0,
            npv_with_grant=0.0,
            info=tuple(cost_line(f, first_option[f]) for f in fields),
        )
    ]
    for r in best.to_dict("records"):
        i = index[(body, r["option"])]
        total = flows.total[i]
        payment = flows.payment[i].astype(float)
        out.append(
            Block(
                option=r["option"],
                label=names[r["option"]],
                rank=int(r["rank"]),
                field=r["field"],
                components={k: flows.components[k][i] for k in COMPONENTS},
                total=total,
                factors=factors,
                present=total * factors,
                npv=float(r["npv"]),
                annuity=float(r["annuity"]),
                payback_year=float(r["payback_year"]),
                max_burden=float(r["max_burden"]),
                npv_with_grant=float(r["npv_with_grant"]),
                info=(cost_line(r["field"], r["option"]), (text("payment_info", lang), payment)),
            )
        )
    return out


def overview(analysis, top: int = TOP) -> pd.DataFrame:
    """Every body's ``top`` best cooperation options with their money figures.

    Returns
    -------
    pandas.DataFrame
        ``body``, ``body_name``, ``rank``, ``option``, ``field``, ``legal_form``,
        ``partners``, ``npv``, ``annuity``, ``payback_year``, ``max_burden`` and
        ``npv_with_grant``; bodies in the dataset's order, options by rank.
    """
    columns = ["body", "body_name", "rank", "option", "field", "legal_form", "partners",
               "npv", "annuity", "payback_year", "max_burden", "npv_with_grant"]  # fmt: skip
    frames = [top_options(analysis, b.id, top) for b in participants(analysis.dataset)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def vat_losses(analysis) -> pd.DataFrame:
    """The (body, option) rows where the VAT turns a saving into a loss.

    Their Kapitalwert is negative, but would be positive without the VAT on the payment to
    the pool (§ 2b UStG): ``npv < 0 <= npv - vat_npv``.

    Returns
    -------
    pandas.DataFrame
        Rows of :attr:`Analysis.indicators <potential.analysis.Analysis.indicators>`
        (``body``, ``option``, ``field``, ``legal_form``, ``npv``, ``vat_npv``).
    """
    ind = analysis.indicators
    if "vat_npv" not in ind:
        return ind.iloc[0:0]
    ranked = analysis.ranking[["body", "option"]]
    rows = ind.merge(ranked, on=["body", "option"])
    loss = (rows["npv"] < 0) & (rows["npv"] - rows["vat_npv"] >= 0) & (rows["vat_npv"] < 0)
    return rows.loc[loss, ["body", "option", "field", "legal_form", "npv", "vat_npv"]]


def component_label(component: str, lang: str = "de") -> str:
    """The label of a cash-flow component (:data:`potential.economics.COMPONENTS`)."""
    return COMPONENTS[component][labels.LANGS.index(check_lang(lang))]
