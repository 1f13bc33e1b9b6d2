"""Knock-out stage (Ausschlusskriterien): options that are not admissible or not feasible.

Before anything is scored, :func:`screen` removes the options that a rule excludes and lists
them with the reason, so nothing is dropped silently. The rules:

``bereits_verwirklicht`` (built in)
    The partner set equals an existing cooperation that covers the field completely
    (``scope = full``, in force at the reference date): the option is already realised.
``bestehende_kooperation_teilen`` (built in)
    The option takes some members of such a cooperation but not all: it would split it, and
    the data know no terms for leaving it.
``austritt_unbekannt`` (built in)
    A member reported its current provider in the field (``body_fields.csv``, ``provider``)
    but no exit cost (``exit_cost_eur``): the option needs its exit from that provider on
    unknown terms. An option that extends an existing full-scope cooperation of the member
    keeps it with its provider and is not excluded.
rules of ``knockout_rules.csv`` (data)
    Each row has an ``id``, an optional ``field`` and ``legal_form`` (blank = any), the
    ``law`` and ``source`` it rests on and a German and English ``reason``. Without
    ``min_approval_weeks`` the form is not admissible for the field; with it, an option of
    that form is excluded if the dataset plans fewer weeks for the supervisory procedure
    (``approval_weeks``), e.g. the notice of § 115 Abs. 1 GO NRW (at least six weeks).

The result's columns are listed in :data:`EXCLUDED_COLUMNS`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from potential.models import PARTNER_SEP, Dataset

#: columns of the table of excluded options
EXCLUDED_COLUMNS = [
    "option", "field", "legal_form", "partners", "body", "rule", "reason_de", "reason_en",
    "law", "source",
]  # fmt: skip


def _full_cooperations(dataset: Dataset, date: dt.date):
    for coop in dataset.cooperations:
        if coop.field is None or coop.scope != "full":
            continue
        if coop.since is not None and coop.since > date:
            continue
        yield coop


def blocked(dataset: Dataset, field: str, members: frozenset, date: dt.date) -> bool:
    """Whether a partner set repeats or splits an existing full-scope cooperation of the field
    (the rules ``bereits_verwirklicht`` and ``bestehende_kooperation_teilen``)."""
    for coop in _full_cooperations(dataset, date):
        existing = frozenset(coop.members)
        if coop.field == field and (members == existing or _splits(members, existing)):
            return True
    return False


def _splits(members: frozenset, existing: frozenset) -> bool:
    return bool(members & existing) and not members >= existing


def _names(dataset: Dataset, ids) -> str:
    return ", ".join(dataset.body(b).name for b in ids)


def _existing_rules(dataset, field, members, date):
    out = []
    for coop in _full_cooperations(dataset, date):
        if coop.field != field:
            continue
        existing = frozenset(coop.members)
        since_de = coop.since.strftime("%d.%m.%Y") if coop.since else "–"
        since = coop.since.isoformat() if coop.since else "–"
        law = dataset.legal_form(coop.legal_form).law
        if members == existing:
            out.append(
                {
                    "body": "",
                    "rule": "bereits_verwirklicht",
                    "reason_de": f"Die Partner arbeiten in diesem Handlungsfeld bereits "
                    f"vollständig zusammen: {coop.label} (seit {since_de}).",
                    "reason_en": f"The partners already cooperate fully in this field: "
                    f"{coop.label} (since {since}).",
                    "law": law,
                    "source": coop.source,
                }
            )
        elif _splits(members, existing):
            inside = [m for m in coop.members if m in members]
            out.append(
                {
                    "body": PARTNER_SEP.join(inside),
                    "rule": "bestehende_kooperation_teilen",
                    "reason_de": f"Die Option würde die bestehende Kooperation „{coop.label}“ "
                    f"teilen ({_names(dataset, inside)} ohne die übrigen Mitglieder); "
                    "Bedingungen für einen Austritt sind nicht bekannt.",
                    "reason_en": f"The option would split the existing cooperation "
                    f"'{coop.label}' ({_names(dataset, inside)} without the other members); "
                    "no terms for leaving it are known.",
                    "law": law,
                    "source": coop.source,
                }
            )
    return out


def _exit_rules(dataset, field, members, date):
    out = []
    extended = set()
    for coop in _full_cooperations(dataset, date):
        if coop.field == field and members >= frozenset(coop.members):
            extended |= set(coop.members)
    for row in dataset.body_fields:
        if row.field != field or row.body not in members or row.body in extended:
            continue
        if row.provider and row.exit_cost_eur is None:
            name = dataset.body(row.body).name
            out.append(
                {
                    "body": row.body,
                    "rule": "austritt_unbekannt",
                    "reason_de": f"{name} müsste den bisherigen Dienstleister ({row.provider}) "
                    "verlassen; Austrittsbedingungen und -kosten sind nicht bekannt.",
                    "reason_en": f"{name} would have to leave its current provider "
                    f"({row.provider}); the terms and cost of leaving are not known.",
                    "law": "Satzung bzw. Vertrag des bisherigen Dienstleisters",
                    "source": row.source,
                }
            )
    return out


def _data_rules(dataset, field, form):
    out = []
    for rule in dataset.knockout_rules:
        if rule.field is not None and rule.field != field:
            continue
        if rule.legal_form is not None and rule.legal_form != form:
            continue
        if rule.min_approval_weeks is not None:
            planned = float(dataset.form_parameter(form, "approval_weeks"))
            if planned >= rule.min_approval_weeks:
                continue
        out.append(
            {
                "body": "",
                "rule": rule.id,
                "reason_de": rule.reason_de,
                "reason_en": rule.reason_en,
                "law": rule.law,
                "source": ";".join(rule.source),
            }
        )
    return out


def screen(
    dataset: Dataset, candidates: pd.DataFrame, reference_date: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split candidate options into the admissible ones and the excluded ones.

    Parameters
    ----------
    dataset : Dataset
    candidates : pandas.DataFrame
        Options before the knock-out (:func:`potential.options.candidate_options`).
    reference_date : datetime.date
        Existing cooperations in force at this date count.

    Returns
    -------
    kept : pandas.DataFrame
        The admissible candidates, in their order.
    excluded : pandas.DataFrame
        One row per (excluded option, rule that applies) with :data:`EXCLUDED_COLUMNS`:
        ``body`` names the members the rule concerns (blank: the whole option), ``reason_de``
        / ``reason_en`` say why, ``law`` and ``source`` what it rests on.
    """
    rows, drop = [], []
    cache: dict = {}
    for i, option in enumerate(candidates.itertuples(index=False)):
        members = frozenset(option.partners.split(PARTNER_SEP))
        key = (option.field, members)
        if key not in cache:
            cache[key] = _existing_rules(
                dataset, option.field, members, reference_date
            ) + _exit_rules(dataset, option.field, members, reference_date)
        hits = cache[key] + _data_rules(dataset, option.field, option.legal_form)
        if hits:
            drop.append(i)
            base = {
                "option": option.option,
                "field": option.field,
                "legal_form": option.legal_form,
                "partners": option.partners,
            }
            rows.extend({**base, **hit} for hit in hits)
    kept = candidates.drop(candidates.index[drop]).reset_index(drop=True)
    return kept, pd.DataFrame(rows, columns=EXCLUDED_COLUMNS)
