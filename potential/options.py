"""Cooperation options: field × legal form × partner set (× lead body).

The ``options:`` block of ``dataset.yaml`` (:class:`~potential.models.OptionRules`; scenario
files use the same block) says how options are generated.

**Participants.** The bodies in ``join`` (default: all bodies) minus those in ``stay_out``,
in dataset order (:func:`participants`). Every family below is computed over the
participants only, and only participants are ranked: a body that takes no part has no
stand-alone row, no ranking, no contributions, no sheet and no SMAA result. Its data still
count where they describe the world as it is: an existing full-scope pool it belongs to is
still the baseline of the other members.

**Partner-set families** (``partner_sets``, in the order given):

``county``
    all participants: ``kreisweit`` if every body takes part, else ``alle_beteiligten``.
``towns``
    the participating towns (every body but the county): ``alle_staedte`` if every town
    takes part, else ``alle_beteiligten_staedte``.
``county_pairs``
    the county with one participating town (``kreis_unna+<town>``).
``neighbour_pairs``
    two participating bodies that are neighbours (``<a>+<b>``); the neighbour relation is
    made symmetric.
``existing``
    the member set of every known cooperation that performs a task (``kind = aufgabe``;
    ``wie_<cooperation>``), since an existing tie is a natural starting point for a new
    field; dropped if a member takes no part or fewer than two of the dataset's bodies are
    members. Joint shareholdings (``kind = beteiligung``) offer no set.
``county_led``
    every set that includes the county: the county with all participating towns (``kreisweit``
    or ``alle_beteiligten`` when that is every participant), the county with each
    participating town (``kreis_unna+<town>``) and, with ``max_size``, every set of up to
    ``max_size`` participants that includes the county (``kreis_unna+<a>+<b>``).
``all``
    every set of 2 to ``max_size`` participants (``<a>+<b>+<c>``); ``max_size`` is required.
    With 11 bodies and ``max_size: 11`` these are 2036 sets.

Members, and the parts of ``a+b+c`` ids, are listed in dataset order; within ``county_led``
and ``all`` smaller sets come first. A member set reached by several families keeps the id of
the first family in the order given. ``max_size`` drops every set with more members from
every family.

**Restrictions.** ``fields`` and ``legal_forms`` keep only these fields and legal forms (a
form is still offered only in the fields it fits). ``lead: B`` keeps only partner sets that
contain B and only forms with a lead (``has_lead``), with B as the lead: a required lead only
makes sense where one body performs the task for the others (public-law agreements,
Amtshilfe); a Zweckverband, gKU, GmbH or Arbeitsgemeinschaft has no lead body, so those forms
are dropped. Without ``lead``, forms with a lead get one: the county if it is a member, else
the member with the largest population. :func:`check_option_rules` checks the rules against
a dataset.

Before scoring, the knock-out stage (:mod:`potential.knockout`) removes options and lists
them with their reason: a partner set that an existing full-scope cooperation already
realises or would split (with a lead: served members without the lead), a set with a member
whose provider is outside the dataset and whose exit cost is unknown, and the forms a rule of
``knockout_rules.csv`` excludes.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

import pandas as pd

from potential.errors import InputError
from potential.knockout import blocked, form_excluded, screen
from potential.messages import message
from potential.models import PARTNER_SEP, Body, CooperationOption, Dataset, OptionRules

STAND_ALONE = "alleingang"

#: Partner-set ids of the whole group and of all towns, when everyone takes part or not.
WHOLE_ID = ("kreisweit", "alle_beteiligten")
TOWNS_ID = ("alle_staedte", "alle_beteiligten_staedte")
SET_SEP = "+"


def with_option_rules(dataset: Dataset, rules: OptionRules) -> Dataset:
    """The dataset with other option rules (its ``meta.options`` replaced)."""
    meta = dataset.meta.model_copy(update={"options": rules})
    return dataset.model_copy(update={"meta": meta})


def _participants(bodies, rules: OptionRules) -> tuple:
    join = None if rules.join is None else set(rules.join)
    out = set(rules.stay_out)
    return tuple(b for b in bodies if (join is None or b.id in join) and b.id not in out)


def participants(dataset: Dataset) -> tuple[Body, ...]:
    """The bodies that take part under the dataset's option rules, in dataset order.

    The bodies in ``options.join`` (all if not given) minus those in ``options.stay_out``.
    Only these bodies are in partner sets and are ranked.

    Parameters
    ----------
    dataset : Dataset
        The dataset (its ``meta.options`` are the rules).

    Returns
    -------
    tuple of Body
    """
    return _participants(dataset.bodies, dataset.meta.options)


def _partner_sets(dataset: Dataset, rules: OptionRules) -> dict[str, tuple[str, ...]]:
    order = {b.id: i for i, b in enumerate(dataset.bodies)}
    bodies = _participants(dataset.bodies, rules)
    ids = tuple(b.id for b in bodies)
    taking_part = frozenset(ids)
    county = [b.id for b in bodies if b.kind == "kreis"]
    towns = [b.id for b in bodies if b.kind != "kreis"]
    every_town = len(towns) == sum(b.kind != "kreis" for b in dataset.bodies)
    whole_id = WHOLE_ID[len(ids) != len(dataset.bodies)]
    towns_id = TOWNS_ID[not every_town]
    max_size = rules.max_size
    if ("all" in rules.partner_sets) and max_size is None:
        raise InputError(message("options.all_needs_max_size"))

    def joined(members) -> str:
        return whole_id if frozenset(members) == taking_part else SET_SEP.join(members)

    def candidates():
        for family in rules.partner_sets:
            if family == "county":
                yield whole_id, ids
            elif family == "towns":
                yield towns_id, tuple(towns)
            elif family == "county_pairs":
                for c in county:
                    for t in towns:
                        yield f"{c}{SET_SEP}{t}", (c, t)
            elif family == "neighbour_pairs":
                pairs = set()
                for body in bodies:
                    for nb in body.neighbours:
                        if nb in taking_part:
                            pairs.add(tuple(sorted((body.id, nb), key=order.__getitem__)))
                for a, b in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
                    yield f"{a}{SET_SEP}{b}", (a, b)
            elif family == "existing":
                for coop in dataset.cooperations:
                    if coop.kind == "aufgabe":
                        yield f"wie_{coop.id}", coop.members
            elif family == "county_led":
                for c in county:
                    yield joined((c, *towns)), (c, *towns)
                    for t in towns:
                        yield f"{c}{SET_SEP}{t}", (c, t)
                    others = [i for i in ids if i != c]
                    for size in range(2, min(max_size or 0, len(ids)) + 1):
                        for rest in itertools.combinations(others, size - 1):
                            members = tuple(sorted((c, *rest), key=order.__getitem__))
                            yield joined(members), members
            elif family == "all":
                for size in range(2, min(max_size, len(ids)) + 1):
                    for members in itertools.combinations(ids, size):
                        yield SET_SEP.join(members), members

    sets: dict[str, tuple[str, ...]] = {}
    seen: set[frozenset] = set()
    for set_id, members in candidates():
        key = frozenset(members)
        if len(key) < 2 or key in seen or not key <= taking_part:
            continue
        if max_size is not None and len(key) > max_size:
            continue
        if rules.lead is not None and rules.lead not in key:
            continue
        seen.add(key)
        sets[set_id] = tuple(sorted(key, key=order.__getitem__))
    return sets


def partner_sets(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Candidate partner sets of a dataset, keyed by partner-set id.

    Follows the dataset's option rules (module notes): families, participants, ``max_size``
    and ``lead``. Existing full-scope cooperations are not applied here (they depend on the
    field and the date; see :func:`generate_options`).

    Parameters
    ----------
    dataset : Dataset
        The dataset (bodies, neighbours, cooperations, option rules).

    Returns
    -------
    dict of str to tuple of str
        Partner-set id → body ids in dataset order, in a stable order.

    Raises
    ------
    InputError
        The family ``all`` without ``max_size``.
    """
    return _partner_sets(dataset, dataset.meta.options)


def _offered_forms(dataset: Dataset, rules: OptionRules) -> dict[str, list[str]]:
    """Field id → legal-form ids offered under the rules (fields and forms in their order)."""
    has_lead = {f.id: f.has_lead for f in dataset.legal_forms}
    out = {}
    for field in dataset.fields:
        if rules.fields is not None and field.id not in rules.fields:
            continue
        out[field.id] = [
            form
            for form in field.legal_forms
            if (rules.legal_forms is None or form in rules.legal_forms)
            and (rules.lead is None or has_lead.get(form, False))
        ]
    return out


def choose_lead(dataset: Dataset, members: tuple[str, ...]) -> str:
    """The lead body of a partner set: the county if present, else the most populous."""
    bodies = [dataset.body(m) for m in members]
    for b in bodies:
        if b.kind == "kreis":
            return b.id
    return max(bodies, key=lambda b: (b.population, b.id)).id


OPTION_TABLE_COLUMNS = [
    "option", "field", "legal_form", "partner_set", "partners", "lead", "n_partners",
]  # fmt: skip


def generate_options(dataset: Dataset, reference_date: dt.date) -> pd.DataFrame:
    """The admissible cooperation options of a dataset at a reference date.

    The candidates (:func:`candidate_options`) that pass the knock-out stage
    (:func:`potential.knockout.screen`); :func:`screen_options` also gives the excluded ones
    with their reasons.
    """
    return screen_options(dataset, reference_date)[0]


def screen_options(dataset: Dataset, reference_date: dt.date):
    """The admissible options and the excluded ones (:func:`potential.knockout.screen`).

    Returns
    -------
    kept, excluded : pandas.DataFrame
    """
    return screen(dataset, candidate_options(dataset, reference_date), reference_date)


def candidate_options(dataset: Dataset, reference_date: dt.date) -> pd.DataFrame:
    """Every cooperation option the option rules generate, before the knock-out stage.

    Parameters
    ----------
    dataset : Dataset
        The dataset; its option rules (``meta.options``) say which fields, legal forms,
        partner sets and lead are generated (module notes).
    reference_date : datetime.date
        Existing cooperations in force at this date constrain the options (module notes).

    Returns
    -------
    pandas.DataFrame
        One row per option with columns ``option`` (id ``field/form/partner-set``),
        ``field``, ``legal_form``, ``partner_set``, ``partners`` (body ids joined by ``;``),
        ``lead`` (empty for forms without a lead) and ``n_partners``. Ordered by field
        (dataset order), partner set (:func:`partner_sets` order) and legal form (the
        field's order).
    """
    rules = dataset.meta.options
    sets = partner_sets(dataset)
    offered = _offered_forms(dataset, rules)
    has_lead = {f: dataset.legal_form(f).has_lead for forms in offered.values() for f in forms}
    leads = {
        set_id: rules.lead if rules.lead is not None else choose_lead(dataset, members)
        for set_id, members in sets.items()
    }
    rows = []
    for field, forms in offered.items():
        if not forms:
            continue
        for set_id, members in sets.items():
            partners = PARTNER_SEP.join(members)
            for form_id in forms:
                option = CooperationOption(
                    id=f"{field}/{form_id}/{set_id}",
                    field=field,
                    legal_form=form_id,
                    partner_set=set_id,
                    partners=members,
                    lead=leads[set_id] if has_lead[form_id] else None,
                )
                rows.append(
                    (
                        option.id,
                        option.field,
                        option.legal_form,
                        option.partner_set,
                        partners,
                        option.lead or "",
                        len(option.partners),
                    )
                )
    return pd.DataFrame(rows, columns=OPTION_TABLE_COLUMNS)


def coalition_options(
    dataset: Dataset,
    forms: Mapping[str, Iterable[str]],
    sets: Iterable[tuple[str, ...]],
    reference_date: dt.date,
    lead: str | None = None,
) -> pd.DataFrame:
    """The options table of the given partner sets (columns of ``generate_options``).

    Parameters
    ----------
    dataset : Dataset
        The dataset.
    forms : mapping of str to iterable of str
        Field id → legal-form ids offered in it, in the order wanted.
    sets : iterable of tuple of str
        Member sets (members in dataset order).
    reference_date : datetime.date
        Existing full-scope cooperations in force at this date block sets
        (:func:`potential.knockout.blocked`: a set already realised, one that splits an
        existing cooperation, one that needs a member's exit on unknown terms). Forms that a
        rule of ``knockout_rules.csv`` excludes in a field are left out
        (:func:`potential.knockout.form_excluded`), as in :func:`screen_options`.
    lead : str, optional
        A required lead (must be in every set); default
        :func:`potential.options.choose_lead`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`potential.options.OPTION_TABLE_COLUMNS`: ``option``
        (``field/form/a+b+c``), ``field``, ``legal_form``, ``partner_set`` (``a+b+c``),
        ``partners`` (``;``-joined), ``lead`` (empty for forms without one) and
        ``n_partners``; ordered by field, set and form.
    """
    sets = list(sets)
    set_ids = [SET_SEP.join(s) for s in sets]
    partners = [PARTNER_SEP.join(s) for s in sets]
    leads = [lead if lead is not None else choose_lead(dataset, s) for s in sets]
    has_lead = {f.id: f.has_lead for f in dataset.legal_forms}
    rows = []
    for field, field_forms in forms.items():
        field_forms = [f for f in field_forms if not form_excluded(dataset, field, f)]
        for members, set_id, joined, set_lead in zip(sets, set_ids, partners, leads, strict=True):
            if blocked(dataset, field, frozenset(members), reference_date):
                continue
            for form in field_forms:
                rows.append(
                    (
                        f"{field}/{form}/{set_id}",
                        field,
                        form,
                        set_id,
                        joined,
                        set_lead if has_lead[form] else "",
                        len(members),
                    )
                )
    return pd.DataFrame(rows, columns=OPTION_TABLE_COLUMNS)


def _ids_text(items) -> str:
    return ", ".join(i.id for i in items)


def named_option_rules(dataset: Dataset, rules: OptionRules) -> OptionRules:
    """Option rules with the names a user typed turned into ids.

    ``join: [Bönen, "Kreis Unna"]``, ``lead: unna``, ``fields: [IT]`` mean the ids
    ``boenen``, ``kreis_unna``, ``unna``, ``it``: any case, umlauts as ``ä`` or ``ae``, the
    labels of fields and legal forms in German or English (:mod:`potential.names`). An entry
    that matches no item, or more than one, is left as it is, so that
    :func:`check_option_rules` reports it with its key.
    """
    from potential import names

    def one(kind, text):
        found = names.match(text, names.choices(dataset, kind))
        return found[0] if len(found) == 1 else text

    update = {}
    for name, kind in (
        ("fields", "field"),
        ("legal_forms", "legal_form"),
        ("join", "body"),
        ("stay_out", "body"),
    ):
        values = getattr(rules, name)
        if values is not None:
            update[name] = tuple(one(kind, v) for v in values)
    if rules.lead is not None:
        update["lead"] = one("body", rules.lead)
    changed = {k: v for k, v in update.items() if v != getattr(rules, k)}
    return rules.model_copy(update=changed) if changed else rules


def check_option_rules(
    dataset: Dataset, rules: OptionRules, where: str | None = None, key: str = "options"
) -> None:
    """Check option rules against a dataset; raise on the first problem.

    Checked: every id in ``fields``, ``legal_forms``, ``join``, ``stay_out`` and ``lead`` is
    known to the dataset and listed once; at least two bodies take part; the lead takes
    part; ``all`` comes with ``max_size``; the rules leave at least one (field, legal form)
    pair, a form with a lead if a lead is required, and at least one partner set (before
    existing full-scope cooperations, which depend on the date).

    Parameters
    ----------
    dataset : Dataset
        Gives the bodies, fields, legal forms and cooperations (anything with these
        attributes works).
    rules : OptionRules
        The rules to check (e.g. ``dataset.meta.options`` or a scenario's).
    where : str, optional
        The file the rules come from (``dataset.yaml``, a scenario file), for the message.
    key : str
        Key path of the rules in that file, e.g. ``"options"``; list items in messages are
        counted from 1 (``options.join[2]``).

    Raises
    ------
    InputError
        ``Schlüssel 'options.join[2]': unbekannte Körperschaft 'xyz'; erwartet: eine von
        kreis_unna, ...`` (in English with ``--lang en``).
    """

    def fail(path: str, problem: str):
        raise InputError(message("options.at_key", key=f"{key}.{path}", problem=problem), where)

    def unknown(what: str, value, ids) -> str:
        if what == "field":  # German: "unbekanntes Handlungsfeld"
            return message("options.unknown_id.field", value=value, known=", ".join(ids))
        return message(
            "options.unknown_id",
            what=message(f"models.what.{what}"),
            value=value,
            known=", ".join(ids),
        )

    known = {
        "fields": (dataset.fields, "field"),
        "legal_forms": (dataset.legal_forms, "legal_form"),
        "join": (dataset.bodies, "body"),
        "stay_out": (dataset.bodies, "body"),
    }
    for name, (items, what) in known.items():
        values = getattr(rules, name)
        ids = [i.id for i in items]
        seen = set()
        for i, value in enumerate(values or (), start=1):
            if value not in ids:
                fail(f"{name}[{i}]", unknown(what, value, ids))
            if value in seen:
                what_text = message(f"models.what.{what}")
                fail(f"{name}[{i}]", message("options.twice", what=what_text, value=value))
            seen.add(value)
    body_ids = [b.id for b in dataset.bodies]
    if rules.lead is not None and rules.lead not in body_ids:
        fail("lead", unknown("body", rules.lead, body_ids))
    if "all" in rules.partner_sets and rules.max_size is None:
        i = rules.partner_sets.index("all") + 1
        raise InputError(
            message(
                "options.max_size_missing", key=f"{key}.max_size", at=f"{key}.partner_sets[{i}]"
            ),
            where,
        )
    taking_part = _participants(dataset.bodies, rules)
    if len(taking_part) < 2:
        fail(
            "join" if rules.join is not None else "stay_out",
            message("options.too_few.one", who=_ids_text(taking_part))
            if taking_part
            else message("options.too_few.none"),
        )
    if rules.lead is not None and rules.lead not in {b.id for b in taking_part}:
        why = (
            message(
                "options.lead_in_stay_out",
                at=f"{key}.stay_out[{rules.stay_out.index(rules.lead) + 1}]",
            )
            if rules.lead in rules.stay_out
            else message("options.lead_not_joined", at=f"{key}.join")
        )
        fail("lead", message("options.lead_out", lead=rules.lead, why=why))
    for name, what in (("fields", "field"), ("legal_forms", "legal_form")):
        if getattr(rules, name) == ():
            fail(name, message(f"options.empty_list.{what}"))
    offered = _offered_forms(dataset, rules)
    if not any(offered.values()):
        fields = ", ".join(offered)
        if rules.lead is not None and any(
            _offered_forms(dataset, rules.model_copy(update={"lead": None})).values()
        ):
            fail("lead", message("options.no_lead_form", fields=fields))
        forms = ", ".join(rules.legal_forms or ()) or message("options.given_forms")
        fail("legal_forms", message("options.no_form_fits", forms=forms, fields=fields))
    if not _partner_sets(dataset, rules):
        extra = (f"; max_size {rules.max_size}" if rules.max_size is not None else "") + (
            f"; lead {rules.lead}" if rules.lead is not None else ""
        )
        fail(
            "partner_sets",
            message(
                "options.no_partner_set",
                families=", ".join(rules.partner_sets) or message("options.none"),
                participants=_ids_text(taking_part),
                extra=extra,
            ),
        )


def memberships(options: pd.DataFrame) -> pd.DataFrame:
    """One row per (body, option) the body takes part in.

    Parameters
    ----------
    options : pandas.DataFrame
        As returned by :func:`generate_options`.

    Returns
    -------
    pandas.DataFrame
        The option columns plus ``body`` and ``is_lead``.
    """
    rows = options.assign(body=options["partners"].str.split(PARTNER_SEP)).explode("body")
    rows["is_lead"] = rows["body"] == rows["lead"]
    return rows.reset_index(drop=True)
