"""Cooperation options: field × legal form × partner set (× lead body).

Partner sets come from the families named in the dataset's ``options.partner_sets``:

``county``
    all bodies (``kreisweit``).
``towns``
    all bodies except the county (``alle_staedte``).
``county_pairs``
    the county with one town (``kreis+<town>``).
``neighbour_pairs``
    two bodies that are neighbours (``<a>+<b>``); the neighbour relation is made symmetric.
``existing``
    the member set of every known cooperation (``wie_<cooperation>``), since an existing tie
    is a natural starting point for a new field.

A member set reached by several families keeps the id of the first family in the order above.
Forms with a lead (public-law agreements, Amtshilfe) get one: the county if it is a member,
else the member with the largest population.

Existing cooperations that cover a field completely (``scope = full``, in force at the
reference date) constrain that field: an option whose partner set equals the existing one is
already realised and dropped, and an option that would split the existing group (takes some
of its members but not all) is dropped too.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from potential.models import CooperationOption, Dataset

STAND_ALONE = "alleingang"
PARTNER_SEP = ";"


def partner_sets(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Candidate partner sets of a dataset, keyed by partner-set id.

    Parameters
    ----------
    dataset : Dataset
        The dataset (bodies, neighbours, cooperations, option rules).

    Returns
    -------
    dict of str to tuple of str
        Partner-set id → sorted body ids, in a stable order.
    """
    order = {b.id: i for i, b in enumerate(dataset.bodies)}
    county = [b.id for b in dataset.bodies if b.kind == "kreis"]
    towns = [b.id for b in dataset.bodies if b.kind != "kreis"]
    candidates: list[tuple[str, tuple[str, ...]]] = []
    for family in dataset.meta.options.partner_sets:
        if family == "county":
            candidates.append(("kreisweit", tuple(b.id for b in dataset.bodies)))
        elif family == "towns":
            candidates.append(("alle_staedte", tuple(towns)))
        elif family == "county_pairs":
            candidates += [(f"{c}+{t}", (c, t)) for c in county for t in towns]
        elif family == "neighbour_pairs":
            pairs = set()
            for body in dataset.bodies:
                for nb in body.neighbours:
                    pairs.add(tuple(sorted((body.id, nb), key=order.__getitem__)))
            for a, b in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]])):
                candidates.append((f"{a}+{b}", (a, b)))
        elif family == "existing":
            candidates += [(f"wie_{c.id}", c.members) for c in dataset.cooperations]
    sets: dict[str, tuple[str, ...]] = {}
    seen: set[frozenset] = set()
    for set_id, members in candidates:
        key = frozenset(members)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        sets[set_id] = tuple(sorted(key, key=order.__getitem__))
    return sets


def choose_lead(dataset: Dataset, members: tuple[str, ...]) -> str:
    """The lead body of a partner set: the county if present, else the most populous."""
    bodies = [dataset.body(m) for m in members]
    for b in bodies:
        if b.kind == "kreis":
            return b.id
    return max(bodies, key=lambda b: (b.population, b.id)).id


def _blocked(dataset: Dataset, field: str, members: frozenset, date: dt.date) -> bool:
    for coop in dataset.cooperations:
        if coop.field != field or coop.scope != "full":
            continue
        if coop.since is not None and coop.since > date:
            continue
        existing = frozenset(coop.members)
        if members == existing or (members & existing and not members >= existing):
            return True
    return False


def generate_options(dataset: Dataset, reference_date: dt.date) -> pd.DataFrame:
    """All cooperation options of a dataset at a reference date.

    Parameters
    ----------
    dataset : Dataset
        The dataset.
    reference_date : datetime.date
        Existing cooperations in force at this date constrain the options (module notes).

    Returns
    -------
    pandas.DataFrame
        One row per option with columns ``option`` (id ``field/form/partner-set``),
        ``field``, ``legal_form``, ``partner_set``, ``partners`` (body ids joined by ``;``),
        ``lead`` (empty for forms without a lead) and ``n_partners``.
    """
    sets = partner_sets(dataset)
    rows = []
    for field in dataset.fields:
        for set_id, members in sets.items():
            if _blocked(dataset, field.id, frozenset(members), reference_date):
                continue
            for form_id in field.legal_forms:
                form = dataset.legal_form(form_id)
                option = CooperationOption(
                    id=f"{field.id}/{form_id}/{set_id}",
                    field=field.id,
                    legal_form=form_id,
                    partner_set=set_id,
                    partners=members,
                    lead=choose_lead(dataset, members) if form.has_lead else None,
                )
                rows.append(
                    {
                        "option": option.id,
                        "field": option.field,
                        "legal_form": option.legal_form,
                        "partner_set": option.partner_set,
                        "partners": PARTNER_SEP.join(option.partners),
                        "lead": option.lead or "",
                        "n_partners": len(option.partners),
                    }
                )
    columns = ["option", "field", "legal_form", "partner_set", "partners", "lead", "n_partners"]
    return pd.DataFrame(rows, columns=columns)


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
