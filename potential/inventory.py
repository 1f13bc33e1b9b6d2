"""The inventory of existing cooperations, and the ties between bodies they create.

Two tables back ``potential cooperations list`` and the cooperation map:

* :func:`cooperation_table`: one row per existing cooperation (``cooperations.csv``) with
  its field, legal form, members, lead, start, scope, whether it is in force at a reference
  date and its source.
* :func:`tie_table`: one row per pair of bodies that are **tied** at a reference date.

**Tie rule** (``docs/method.md`` section 4.9). A cooperation is *in force* at date ``t`` if
its ``since`` is blank or on or before ``t`` (the rule used for full-scope pools). Each
cooperation in force that performs a task (``kind = aufgabe``), of any scope and in any
field (also outside the six fields), ties pairs of its members; joint ownership of a company
or a Sparkasse (``kind = beteiligung``) ties none, since the administrations do no task
together there:

* with a lead (one body performs the task for the others: a public-law agreement, the
  county's waste company): the lead with every other member. The members that hand the task
  to the same lead deal with the lead, not with each other, so they are not tied by it;
* without a lead (Zweckverband, jointly owned company, Arbeitsgemeinschaft): every two
  members, since they sit together in the same bodies (Verbandsversammlung,
  Gesellschafterversammlung).

The cooperation map (:func:`potential.charts.cooperation_map`) draws the same edges. Two
bodies are tied if at least one cooperation in force ties them. :func:`ties` returns the
pairs; :func:`potential.indicators.tie_share` turns them into the share of an option's member
pairs that are tied.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd

from potential.labels import field_label, form_label
from potential.models import GRADES, Cooperation, Dataset

#: columns of :func:`cooperation_table`, in order
COOPERATION_COLUMNS = [
    "id", "label", "field", "field_label", "legal_form", "legal_form_label", "members",
    "member_names", "n_members", "lead", "lead_name", "since", "scope", "in_force",
    "kind", "external_partners", "verified", "note",
    "source", "source_grade", "source_title", "source_url",
]  # fmt: skip

#: columns of :func:`tie_table`, in order
TIE_COLUMNS = ["a", "b", "a_name", "b_name", "cooperations", "n_cooperations"]


def _date(value, dataset: Dataset) -> dt.date:
    if value is None:
        return dataset.meta.reference_date
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from potential.dates import parse_date  # TT.MM.JJJJ or ISO

    return parse_date(str(value))


def in_force(cooperation: Cooperation, reference_date: dt.date) -> bool:
    """Whether a cooperation is in force at a date: ``since`` blank or on or before it."""
    return cooperation.since is None or cooperation.since <= reference_date


def cooperation_pairs(cooperation: Cooperation) -> list[tuple[str, str]]:
    """The pairs of members a cooperation ties (module notes), in member order.

    With a lead: ``(lead, member)`` for every other member; without a lead: every two
    members. Each pair is given in the order the members are listed.

    Examples
    --------
    >>> from potential.models import Cooperation
    >>> c = Cooperation(id="x", label="X", legal_form="oerv_mandat", members="a;b;c",
    ...                 lead="b", scope="partial", source="s")
    >>> cooperation_pairs(c)
    [('a', 'b'), ('b', 'c')]
    >>> cooperation_pairs(c.model_copy(update={"lead": None}))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    return member_pairs(cooperation.members, cooperation.lead)


def member_pairs(members, lead: str | None = None) -> list[tuple[str, str]]:
    """The pairs a group of members forms: lead to each member, or every two members.

    The rule of :func:`cooperation_pairs` for plain ids (also used to draw the map). A lead
    that is not a member counts as no lead. Each pair is in the order of ``members``.

    Examples
    --------
    >>> member_pairs(["a", "b", "c"], "b")
    [('a', 'b'), ('b', 'c')]
    """
    members = list(dict.fromkeys(members))
    if lead in members:
        return [
            (m, lead) if members.index(m) < members.index(lead) else (lead, m)
            for m in members
            if m != lead
        ]
    return list(itertools.combinations(members, 2))


def ties(dataset: Dataset, reference_date=None) -> dict[frozenset, tuple[str, ...]]:
    """Every tied pair of bodies at a reference date, with the cooperations that tie it.

    Parameters
    ----------
    dataset : Dataset
        Its ``cooperations`` (those of kind ``aufgabe``, partial and outside the six fields
        included).
    reference_date : datetime.date or str, optional
        Default: the dataset's reference date. Cooperations whose ``since`` is after it do
        not count.

    Returns
    -------
    dict of frozenset to tuple of str
        ``frozenset({a, b})`` → ids of the cooperations in force that tie ``a`` and ``b``,
        in the order of ``cooperations.csv``.
    """
    date = _date(reference_date, dataset)
    out: dict[frozenset, list[str]] = {}
    for coop in dataset.cooperations:
        if coop.kind != "aufgabe" or not in_force(coop, date):
            continue
        for a, b in cooperation_pairs(coop):
            ids = out.setdefault(frozenset((a, b)), [])
            if coop.id not in ids:
                ids.append(coop.id)
    return {pair: tuple(ids) for pair, ids in out.items()}


def tie_table(dataset: Dataset, reference_date=None) -> pd.DataFrame:
    """One row per pair of bodies tied at a reference date (:func:`ties`).

    Parameters
    ----------
    dataset : Dataset
    reference_date : datetime.date or str, optional
        Default: the dataset's reference date.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (body ids, ``a`` before ``b`` in dataset order), ``a_name``,
        ``b_name``, ``cooperations`` (ids of the cooperations that tie them, joined by
        ``;``, in the order of ``cooperations.csv``) and ``n_cooperations``. Rows are sorted
        by ``a`` and then ``b`` in dataset order.
    """
    order = {b.id: i for i, b in enumerate(dataset.bodies)}
    names = {b.id: b.name for b in dataset.bodies}
    rows = []
    for pair, coops in ties(dataset, reference_date).items():
        a, b = sorted(pair, key=order.__getitem__)
        rows.append(
            {
                "a": a,
                "b": b,
                "a_name": names[a],
                "b_name": names[b],
                "cooperations": ";".join(coops),
                "n_cooperations": len(coops),
            }
        )
    rows.sort(key=lambda r: (order[r["a"]], order[r["b"]]))
    return pd.DataFrame(rows, columns=TIE_COLUMNS)


def cooperation_table(dataset: Dataset, reference_date=None, lang: str = "de") -> pd.DataFrame:
    """One row per existing cooperation (``cooperations.csv``), with labels and its source.

    Parameters
    ----------
    dataset : Dataset
    reference_date : datetime.date or str, optional
        The date for ``in_force``; default the dataset's reference date.
    lang : {"de", "en"}
        Language of ``field_label`` and ``legal_form_label``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COOPERATION_COLUMNS`, in the order of ``cooperations.csv``: ``id``,
        ``label``, ``field`` (id, empty outside the dataset's fields), ``field_label``,
        ``legal_form``, ``legal_form_label``, ``members`` (body ids joined by ``;``, as the
        cooperation map takes them), ``member_names`` (names joined by ``, ``),
        ``n_members``, ``lead`` (id, empty without one), ``lead_name``, ``since``
        (``datetime.date`` or ``None`` when not known), ``scope`` (``full``/``partial``),
        ``in_force`` (at the reference date), ``kind`` (``aufgabe``/``beteiligung``),
        ``external_partners`` (names outside the dataset, joined by ``; ``), ``verified``,
        ``note`` (what is open), ``source`` (ids joined by ``;``), ``source_grade`` (the
        weakest grade of its sources), ``source_title`` (titles joined by `` | ``) and
        ``source_url``.
    """
    date = _date(reference_date, dataset)
    names = {b.id: b.name for b in dataset.bodies}
    sources = {s.id: s for s in dataset.sources}
    rows = []
    for coop in dataset.cooperations:
        known = [sources[i] for i in coop.source if i in sources]
        grades = [src.grade for src in known]
        rows.append(
            {
                "id": coop.id,
                "label": coop.label,
                "field": coop.field or "",
                "field_label": field_label(dataset, coop.field or "", lang),
                "legal_form": coop.legal_form,
                "legal_form_label": form_label(dataset, coop.legal_form, lang),
                "members": ";".join(coop.members),
                "member_names": ", ".join(names[m] for m in coop.members),
                "n_members": len(coop.members),
                "lead": coop.lead or "",
                "lead_name": names[coop.lead] if coop.lead else "",
                "since": coop.since,
                "scope": coop.scope,
                "in_force": in_force(coop, date),
                "kind": coop.kind,
                "external_partners": "; ".join(coop.external_partners),
                "verified": coop.verified,
                "note": coop.note or "",
                "source": ";".join(coop.source),
                "source_grade": min(grades, key=GRADES.index) if grades else "",
                "source_title": " | ".join(src.label(lang) for src in known),
                "source_url": " ".join(src.url for src in known if src.url),
            }
        )
    return pd.DataFrame(rows, columns=COOPERATION_COLUMNS)
