"""Applying a scenario's changes: weights to the criteria model, overrides to the dataset.

Both functions return new objects (models are immutable) and a table that lists every value
changed, with its old and new value and the source or assumption of the change, so every
figure of a scenario run can be traced.

Overrides are applied in the order of the file; each sees the dataset as the ones before it
left it. A body's figure in a field (``annual_cost``, ``fte``, ``leaving_share``) that the
body has not reported starts from its per-capita estimate; once changed it is stored as the
body's figure (``body_fields``) with the scenario as its source, so a later change of the
per-capita benchmark no longer moves it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

import pandas as pd

from potential.criteria import CriteriaModel
from potential.errors import InputError
from potential.messages import get_lang, message
from potential.models import BodyField, Dataset, Fulfilment, Parameter, Source, parse
from potential.scenarios.model import DataOverride, WeightOverride

#: Columns of the table of changes.
CHANGE_COLUMNS = [
    "override", "parameter", "table", "item", "old", "new", "rule", "source", "assumption",
]  # fmt: skip

#: Body-level quantities: name → (table, scope keys, unit)
BODY_LEVEL = {
    "annual_cost": ("body_fields", ("bodies", "fields"), "EUR/a"),
    "fte": ("body_fields", ("bodies", "fields"), "FTE"),
    "leaving_share": ("body_fields", ("bodies", "fields"), "share"),
    "population": ("bodies", ("bodies",), "inhabitants"),
    "fulfilment": ("fulfilment", ("bodies", "obligations"), "share"),
    "obligation_weight": ("obligations", ("obligations",), "weight"),
    "in_force": ("obligations", ("obligations",), "date"),
}
SCOPES = ("bodies", "fields", "legal_forms", "obligations")
_BODY_FIELD_ATTR = {
    "annual_cost": "annual_cost_eur",
    "fte": "fte",
    "leaving_share": "leaving_share",
}


def _is_share(unit: str) -> bool:
    unit = unit.strip().lower()
    return unit.startswith("share") or unit in ("0–1", "0-1")


def scenario_sources(dataset: Dataset, sources: Sequence, where: str) -> Dataset:
    """The dataset with a scenario's own sources added; listed ids must exist.

    Parameters
    ----------
    dataset : Dataset
    sources : sequence of str or Source
        The scenario's ``sources``: ids of the dataset's sources, or new sources.
    where : str
        The scenario file, for messages.

    Raises
    ------
    InputError
        An id that is not a source of the dataset; a new source whose id the dataset uses
        for another source.
    """
    known = {s.id: s for s in dataset.sources}
    added = []
    for i, entry in enumerate(sources, start=1):
        if isinstance(entry, str):
            if entry not in known:
                problem = message(
                    "scenarios.source_unknown", source=entry, known=", ".join(sorted(known))
                )
                raise InputError(
                    message("scenarios.key", path=f"sources[{i}]", problem=problem), where
                )
        elif isinstance(entry, Source):
            if entry.id in known and known[entry.id] != entry:
                problem = message("scenarios.source_clash", id=entry.id)
                raise InputError(
                    message("scenarios.key", path=f"sources[{i}].id", problem=problem), where
                )
            if entry.id not in known:
                added.append(entry)
                known[entry.id] = entry
    if not added:
        return dataset
    return dataset.model_copy(update={"sources": (*dataset.sources, *added)})


def apply_weights(
    model: CriteriaModel,
    changes: Sequence[WeightOverride],
    where: str,
    scenario: str,
    sources=None,
) -> tuple[CriteriaModel, pd.DataFrame]:
    """The criteria model with a scenario's weight changes applied.

    Parameters
    ----------
    model : CriteriaModel
    changes : sequence of WeightOverride
        Applied in order.
    where : str
        The scenario file, for messages.
    scenario : str
        The scenario's name, recorded in the model's ``assumption``.
    sources : iterable of str, optional
        The source ids a change may name (the dataset's and the scenario's); without it a
        change's ``source`` is not checked.

    Returns
    -------
    model : CriteriaModel
        Same id; the weights changed; its ``assumption`` says what the scenario changed.
    changes : pandas.DataFrame
        One row per change (columns :data:`CHANGE_COLUMNS`).

    Raises
    ------
    InputError
        An unknown group or criterion (``weights[i].group``), or weights that are all zero.
    """
    if not changes:
        return model, pd.DataFrame(columns=CHANGE_COLUMNS)
    data = model.model_dump()
    groups = {g["id"]: g for g in data["groups"]}
    criteria = {c["id"]: c for g in data["groups"] for c in g["criteria"]}
    rows = []
    for i, change in enumerate(changes, start=1):
        kind = "group" if change.group is not None else "criterion"
        key = change.group if change.group is not None else change.criterion
        pool = groups if kind == "group" else criteria
        if key not in pool:
            problem = message(
                f"scenarios.{kind}_unknown", key=key, hint=_hint(key, pool), known=", ".join(pool)
            )
            raise InputError(
                message("scenarios.key", path=f"weights[{i}].{kind}", problem=problem), where
            )
        old = pool[key]["weight"]
        new = change.value if change.value is not None else old * change.factor
        pool[key]["weight"] = new
        rule = f"= {change.value:g}" if change.value is not None else f"× {change.factor:g}"
        if change.source is not None and sources is not None and change.source not in sources:
            raise InputError(
                message("scenario_weights.unknown_source", i=i, source=change.source), where
            )
        reason = change.assumption
        if change.source is None and reason is None:
            reason = message("scenario_weights.no_reason")
        row = [i, f"{kind}_weight", f"criteria:{model.id}", key, old, new, rule]
        rows.append([*row, change.source or "", reason if change.source is None else ""])
    summary = "; ".join(f"{r[3]} {r[6]}" for r in rows)
    base = model.assumption or f"weights from {model.source}"
    data["assumption"] = f"{base} Changed by scenario {scenario!r}: {summary}."
    data["source"] = None
    try:
        changed = parse(CriteriaModel, data, where)
    except InputError as exc:
        raise InputError(
            message("scenarios.key", path="weights", problem=exc.problem), where
        ) from None
    return changed, pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def _shown(value: float) -> str:
    """A number for messages: 6 significant digits, a decimal comma in German."""
    text = f"{value:.6g}"
    return text.replace(".", ",") if get_lang() == "de" else text


def _hint(value: str, known) -> str:
    close = difflib.get_close_matches(str(value), list(known), n=1)
    return message("scenarios.hint", close=close[0]) if close else ""


class _Context:
    """What one override needs: its index, the scenario and the file for messages."""

    def __init__(self, index: int, override: DataOverride, scenario: str, where: str):
        self.i, self.o, self.scenario, self.where = index, override, scenario, where

    def fail(self, key: str | None, problem: str) -> InputError:
        path = f"overrides[{self.i}]" + (f".{key}" if key else "")
        return InputError(message("scenarios.key", path=path, problem=problem), self.where)

    def provenance(self) -> tuple[tuple[str, ...], str | None]:
        if self.o.source is not None:
            return (self.o.source,), None
        return (), f"scenario {self.scenario!r}: {self.o.assumption}"

    def note(self) -> str:
        return f"scenario {self.scenario!r}: {self.o.rule}"


def _target(ds: Dataset, ctx: _Context) -> tuple[str, tuple[str, ...]]:
    """(table, allowed scope keys) of the override's parameter."""
    name = ctx.o.parameter
    tables = []
    if any(p.parameter == name for p in ds.parameters):
        tables.append(("parameters", ()))
    if any(p.parameter == name for p in ds.field_parameters):
        tables.append(("field_parameters", ("fields",)))
    if any(p.parameter == name for p in ds.legal_form_parameters):
        tables.append(("legal_form_parameters", ("legal_forms",)))
    if name in BODY_LEVEL:
        table, scopes, _ = BODY_LEVEL[name]
        tables.append((table, scopes))
    if not tables:
        known = sorted(
            {p.parameter for p in (*ds.parameters, *ds.field_parameters)}
            | {p.parameter for p in ds.legal_form_parameters}
            | set(BODY_LEVEL)
        )
        raise ctx.fail(
            "parameter",
            message(
                "scenarios.parameter_unknown",
                name=name,
                hint=_hint(name, known),
                known=", ".join(known),
            ),
        )
    if len(tables) > 1:
        raise ctx.fail(
            "parameter",
            message(
                "scenarios.parameter_ambiguous",
                name=name,
                tables=message("coalitions.and").join(t for t, _ in tables),
            ),
        )
    table, scopes = tables[0]
    for scope in SCOPES:
        if getattr(ctx.o, scope) is not None and scope not in scopes:
            allowed = ", ".join(repr(s) for s in scopes) or message("scenarios.no_scope")
            raise ctx.fail(
                scope,
                message(
                    "scenarios.scope_not_allowed",
                    name=name,
                    table=table,
                    allowed=allowed,
                    scope=scope,
                ),
            )
    return table, scopes


def _scope(ds: Dataset, ctx: _Context, scope: str) -> list[str]:
    """The ids an override applies to for one scope key (all of the kind if left out)."""
    known = {
        "bodies": [b.id for b in ds.bodies],
        "fields": [f.id for f in ds.fields],
        "legal_forms": [f.id for f in ds.legal_forms],
        "obligations": [o.id for o in ds.obligations],
    }[scope]
    given = getattr(ctx.o, scope)
    if given is None:
        return known
    kind = {"bodies": "body", "fields": "field", "legal_forms": "legal_form"}.get(scope)
    ids = []
    for j, item in enumerate(given, start=1):
        if item not in known and kind is not None:  # a name: Bönen, IT, GmbH
            from potential.names import choices, match

            found = match(item, choices(ds, kind))
            item = found[0] if len(found) == 1 else item
        ids.append(item)
        if item not in known:
            raise ctx.fail(
                f"{scope}[{j}]",
                message(
                    f"scenarios.unknown.{scope}",
                    item=item,
                    hint=_hint(item, known),
                    known=", ".join(known),
                ),
            )
    return list(dict.fromkeys(ids))


def _new_value(ctx: _Context, old, what: str, unit: str):
    """The value after the override's rule, checked against the quantity's domain."""
    o = ctx.o
    if isinstance(old, dt.date):
        if o.value is None or not isinstance(o.value, dt.date):
            raise ctx.fail(
                "value" if o.value is not None else None,
                message("scenarios.date_expected", what=what),
            )
        return o.value
    if isinstance(o.value, dt.date):
        raise ctx.fail(
            "value", message("scenarios.number_expected", what=what, date=o.value.isoformat())
        )
    if o.value is not None:
        new, key = o.value, "value"
    elif o.factor is not None:
        new, key = old * o.factor, "factor"
    elif o.add is not None:
        new, key = old + o.add, "add"
    else:
        new, key = old, None
    if o.at_least is not None:
        new = max(new, o.at_least)
    if o.at_most is not None:
        new = min(new, o.at_most)
    shown = _shown(new)
    if new < 0:
        rule = f"{key} {getattr(o, key):g}" if key else message("scenarios.the_bounds")
        raise ctx.fail(
            key or "at_least",
            message("scenarios.negative", rule=rule, what=what, new=shown, old=_shown(old)),
        )
    if _is_share(unit) and new > 1:
        rule = f"{key} {getattr(o, key):g}" if key else message("scenarios.the_bounds")
        raise ctx.fail(
            key or "at_most",
            message("scenarios.share_above_one", rule=rule, what=what, new=shown, old=_shown(old)),
        )
    return new


def _changed_parameter(p: Parameter, new, ctx: _Context) -> Parameter:
    source, assumption = ctx.provenance()
    low, high = p.low, p.high
    if low is not None and not isinstance(new, dt.date):
        o = ctx.o
        if o.factor is not None and o.value is None:
            low, high = low * o.factor, high * o.factor
        elif o.add is not None:
            low, high = low + o.add, high + o.add
        if not (low <= new <= high):
            low = high = None
    was = p.value.isoformat() if isinstance(p.value, dt.date) else f"{p.value:g}"
    return p.model_copy(
        update={
            "value": new,
            "source": source,
            "assumption": assumption,
            "note": f"{ctx.note()} (was {was})",
            "low": low,
            "high": high,
        }
    )


def apply_overrides(
    dataset: Dataset, overrides: Sequence[DataOverride], where: str, scenario: str
) -> tuple[Dataset, pd.DataFrame]:
    """The dataset with a scenario's overrides applied, and the table of changed values.

    Parameters
    ----------
    dataset : Dataset
        The dataset (with the scenario's sources added, :func:`scenario_sources`).
    overrides : sequence of DataOverride
        Applied in order.
    where : str
        The scenario file, for messages.
    scenario : str
        The scenario's name, recorded with every changed value.

    Returns
    -------
    dataset : Dataset
    changes : pandas.DataFrame
        One row per changed value (columns :data:`CHANGE_COLUMNS`): the override's number
        (from 1), the parameter, the table and item (``owner``, ``body/field`` ...), the old
        and new value, the rule, and the source id or assumption.

    Raises
    ------
    InputError
        With the file and the key path (``overrides[2].bodies[1]``): an unknown parameter,
        body, field, legal form or duty; a scope key the parameter does not take; a source
        id that is neither the dataset's nor the scenario's; a rule that makes a value
        negative or a share greater than 1; a number for a date or a date for a number.
    """
    rows: list[list] = []
    sources = {s.id for s in dataset.sources}
    for i, override in enumerate(overrides, start=1):
        ctx = _Context(i, override, scenario, where)
        if override.source is not None and override.source not in sources:
            raise ctx.fail(
                "source",
                message(
                    "scenarios.override_source_unknown",
                    source=override.source,
                    hint=_hint(override.source, sources),
                ),
            )
        table, _ = _target(dataset, ctx)
        apply = _APPLY.get(table, _apply_owned)
        dataset, changed = apply(dataset, ctx, table)
        if not changed:
            raise ctx.fail(None, message("scenarios.changes_nothing", table=table))
        rows += changed
    return dataset, pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def _row(ctx, table, item, old, new):
    def shown(v):
        return v.isoformat() if isinstance(v, dt.date) else v

    return [
        ctx.i, ctx.o.parameter, table, item, shown(old), shown(new), ctx.o.rule,
        ctx.o.source or "", ctx.o.assumption or "",
    ]  # fmt: skip


def _apply_owned(ds: Dataset, ctx: _Context, table: str):
    """Global, field and legal-form parameters."""
    scope = {"parameters": None, "field_parameters": "fields"}.get(table, "legal_forms")
    owners = [""] if scope is None else _scope(ds, ctx, scope)
    params = list(getattr(ds, table))
    rows = []
    for k, p in enumerate(params):
        if p.parameter != ctx.o.parameter or p.owner not in owners:
            continue
        what = (
            message("scenarios.what.of_owner", parameter=p.parameter, owner=p.owner)
            if p.owner
            else p.parameter
        )
        new = _new_value(ctx, p.value, what, p.unit)
        params[k] = _changed_parameter(p, new, ctx)
        rows.append(_row(ctx, f"{table}.csv", p.owner or "-", p.value, new))
    return ds.model_copy(update={table: tuple(params)}), rows


def _apply_body_fields(ds: Dataset, ctx: _Context, table: str):
    from potential.indicators import body_field_inputs

    bodies, fields = _scope(ds, ctx, "bodies"), _scope(ds, ctx, "fields")
    current = body_field_inputs(ds).set_index(["body", "field"])
    reported = {(r.body, r.field): r for r in ds.body_fields}
    attr = _BODY_FIELD_ATTR[ctx.o.parameter]
    source, assumption = ctx.provenance()
    label = f"scenario {ctx.scenario!r}: " + (source[0] if source else ctx.o.assumption)
    rows = []
    for b in bodies:
        for f in fields:
            old = float(current.loc[(b, f), ctx.o.parameter])
            what = message("scenarios.what.body_field", parameter=ctx.o.parameter, body=b, field=f)
            new = _new_value(ctx, old, what, BODY_LEVEL[ctx.o.parameter][2])
            entry = reported.get((b, f))
            if entry is None:
                entry = BodyField(body=b, field=f, source=label)
            else:
                entry = entry.model_copy(update={"source": f"{entry.source}; {label}"})
            reported[(b, f)] = entry.model_copy(update={attr: new})
            rows.append(_row(ctx, "body_fields.csv", f"{b}/{f}", old, new))
    return ds.model_copy(update={"body_fields": tuple(reported.values())}), rows


def _apply_fulfilment(ds: Dataset, ctx: _Context, table: str):
    bodies, duties = _scope(ds, ctx, "bodies"), _scope(ds, ctx, "obligations")
    default = float(ds.parameter("default_fulfilment"))
    done = {(f.body, f.obligation): f for f in ds.fulfilment}
    source, _ = ctx.provenance()
    label = f"scenario {ctx.scenario!r}: " + (source[0] if source else ctx.o.assumption)
    rows = []
    for b in bodies:
        for d in duties:
            entry = done.get((b, d))
            old = entry.fulfilment if entry is not None else default
            what = message("scenarios.what.fulfilment", duty=d, body=b)
            new = _new_value(ctx, old, what, "share")
            done[(b, d)] = Fulfilment(body=b, obligation=d, fulfilment=new, source=label)
            rows.append(_row(ctx, "fulfilment.csv", f"{b}/{d}", old, new))
    return ds.model_copy(update={"fulfilment": tuple(done.values())}), rows


def _apply_bodies(ds: Dataset, ctx: _Context, table: str):
    chosen = set(_scope(ds, ctx, "bodies"))
    bodies, rows = [], []
    for b in ds.bodies:
        if b.id in chosen:
            what = message("scenarios.what.population", body=b.id)
            new = _new_value(ctx, float(b.population), what, "inhabitants")
            new = int(round(new))
            if new <= 0:
                raise ctx.fail(None, message("scenarios.population_zero", body=b.id))
            update = {"population": new}
            if ctx.o.source is not None:
                update["population_source"] = ctx.o.source
            rows.append(_row(ctx, "bodies.csv", b.id, b.population, new))
            b = b.model_copy(update=update)
        bodies.append(b)
    return ds.model_copy(update={"bodies": tuple(bodies)}), rows


def _apply_obligations(ds: Dataset, ctx: _Context, table: str):
    chosen = set(_scope(ds, ctx, "obligations"))
    attr = "weight" if ctx.o.parameter == "obligation_weight" else "in_force"
    _, assumption = ctx.provenance()
    out, rows = [], []
    for o in ds.obligations:
        if o.id in chosen:
            old = getattr(o, attr)
            what = message("scenarios.what.of_owner", parameter=ctx.o.parameter, owner=o.id)
            new = _new_value(ctx, old, what, attr)
            if ctx.o.source is not None:
                update = {attr: new, "source": (ctx.o.source,), "assumption": None}
            else:
                update = {attr: new, "assumption": assumption}
            rows.append(_row(ctx, "obligations.csv", o.id, old, new))
            o = o.model_copy(update=update)
        out.append(o)
    return ds.model_copy(update={"obligations": tuple(out)}), rows


_APPLY = {
    "body_fields": _apply_body_fields,
    "fulfilment": _apply_fulfilment,
    "bodies": _apply_bodies,
    "obligations": _apply_obligations,
}
