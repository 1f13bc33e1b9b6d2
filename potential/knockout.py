"""Knock-out stage (Ausschlusskriterien): options that are not admissible or not feasible.

Before anything is scored, :func:`screen` removes the options that a rule excludes and lists
them with the reason, so nothing is dropped silently. The rules:

``bereits_verwirklicht`` (built in)
    The partner set equals an existing cooperation that covers the field completely
    (``scope = full``, in force at the reference date), or, when that cooperation has a
    lead who performs the task for the others, is a part of it that includes the lead: the
    option is already realised.
``bestehende_kooperation_teilen`` (built in)
    The option would split such a cooperation, and the data know no terms for leaving it.
    Without a lead: it takes some members but not all. With a lead: it takes members the
    lead serves, but not the lead. The lead itself may pool the field with other bodies.
``austritt_unbekannt`` (built in)
    A member's task in the field is performed by a provider and no exit cost is known
    (``exit_cost_eur`` in ``body_fields.csv``): the provider is outside the dataset (a
    full-scope cooperation with ``external_partners``, e.g. a Zweckverband's IT), or the
    member reported it (``body_fields.csv``, ``provider``). The option needs the member's
    exit on unknown terms. With ``provider`` reported, an option that extends an existing
    full-scope cooperation of the member keeps it with its provider and is not excluded.
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


def _relation(coop, members: frozenset) -> str | None:
    """How a partner set relates to a full-scope cooperation of the dataset's bodies.

    ``"realised"``: the set is the cooperation, or (with a lead) a part of it that includes
    the lead, who already performs the task for all of them. ``"split"``: without a lead,
    the set takes some members but not all; with a lead, it takes served members without
    the lead. ``None``: neither (e.g. the lead pools with other bodies, or the set extends
    the cooperation). Cooperations with external partners are handled by the exit rule.
    """
    existing = frozenset(coop.members)
    if coop.external_partners or not members & existing:
        return None
    if members == existing:
        return "realised"
    if coop.lead is None:
        return None if members >= existing else "split"
    if coop.lead in members:
        return "realised" if members <= existing else None
    return "split"


def blocked(dataset: Dataset, field: str, members: frozenset, date: dt.date) -> bool:
    """Whether a built-in rule excludes a partner set in a field: it repeats or splits an
    existing full-scope cooperation (``bereits_verwirklicht``,
    ``bestehende_kooperation_teilen``), or a member would have to leave its provider on
    unknown terms (``austritt_unbekannt``)."""
    return bool(
        _existing_rules(dataset, field, members, date)
        or _exit_rules(dataset, field, members, date)
    )


def form_excluded(dataset: Dataset, field: str, legal_form: str) -> bool:
    """Whether a rule of ``knockout_rules.csv`` excludes a legal form in a field, whatever the
    partners (the rule is not admissible there, or its approval period is not planned)."""
    return bool(_data_rules(dataset, field, legal_form))


def _names(dataset: Dataset, ids) -> str:
    return ", ".join(dataset.body(b).name for b in ids)


def _existing_rules(dataset, field, members, date):
    out = []
    for coop in _full_cooperations(dataset, date):
        if coop.field != field:
            continue
        relation = _relation(coop, members)
        if relation is None:
            continue
        since_de = coop.since.strftime("%d.%m.%Y") if coop.since else "–"
        since = coop.since.isoformat() if coop.since else "–"
        law = dataset.legal_form(coop.legal_form).law
        if relation == "realised":
            out.append(
                {
                    "body": "",
                    "rule": "bereits_verwirklicht",
                    "reason_de": f"Die Partner arbeiten in diesem Handlungsfeld bereits "
                    f"vollständig zusammen: {coop.label} (seit {since_de}).",
                    "reason_en": f"The partners already cooperate fully in this field: "
                    f"{coop.label} (since {since}).",
                    "law": law,
                    "source": ";".join(coop.source),
                }
            )
        else:
            inside = [m for m in coop.members if m in members and m != coop.lead]
            if coop.lead is None:
                what_de, what_en = "ohne die übrigen Mitglieder", "without the other members"
            else:
                lead = dataset.body(coop.lead).name
                what_de, what_en = (
                    f"ohne {lead}, der die Aufgabe für sie erfüllt",
                    (f"without {lead}, who performs the task for them"),
                )
            out.append(
                {
                    "body": PARTNER_SEP.join(inside),
                    "rule": "bestehende_kooperation_teilen",
                    "reason_de": f"Die Option würde die bestehende Kooperation „{coop.label}“ "
                    f"teilen ({_names(dataset, inside)} {what_de}); "
                    "Bedingungen für einen Austritt sind nicht bekannt.",
                    "reason_en": f"The option would split the existing cooperation "
                    f"'{coop.label}' ({_names(dataset, inside)} {what_en}); "
                    "no terms for leaving it are known.",
                    "law": law,
                    "source": ";".join(coop.source),
                }
            )
    return out


def _exit_cost_known(dataset, body, field) -> bool:
    return any(
        row.body == body and row.field == field and row.exit_cost_eur is not None
        for row in dataset.body_fields
    )


def _exit_rules(dataset, field, members, date):
    out = []
    extended = set()
    for coop in _full_cooperations(dataset, date):
        if coop.field != field:
            continue
        if coop.external_partners:
            # a provider outside the dataset performs the task: every option moves the
            # member away from it
            provider = ", ".join(coop.external_partners)
            for body in coop.members:
                if body in members and not _exit_cost_known(dataset, body, field):
                    out.append(_exit_hit(dataset, body, provider, ";".join(coop.source)))
        elif members >= frozenset(coop.members):
            extended |= set(coop.members)
    for row in dataset.body_fields:
        if row.field != field or row.body not in members or row.body in extended:
            continue
        if row.provider and row.exit_cost_eur is None:
            if any(hit["body"] == row.body for hit in out):
                continue
            out.append(_exit_hit(dataset, row.body, row.provider, row.source))
    return out


def _exit_hit(dataset, body, provider, source):
    name = dataset.body(body).name
    return {
        "body": body,
        "rule": "austritt_unbekannt",
        "reason_de": f"{name} müsste den bisherigen Dienstleister ({provider}) "
        "verlassen; Austrittsbedingungen und -kosten sind nicht bekannt.",
        "reason_en": f"{name} would have to leave its current provider "
        f"({provider}); the terms and cost of leaving are not known.",
        "law": "Satzung bzw. Vertrag des bisherigen Dienstleisters",
        "source": source,
    }


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
