"""Loading and cross-checking datasets (a folder of readable tables).

A dataset folder holds ``dataset.yaml`` and the tables listed in :data:`TABLES`. The
embedded default is ``kreis-unna``. Every row is validated with the models in
:mod:`potential.models`; then references between tables are checked (a neighbour must be a
body, a field's legal forms must exist, every number's source must be listed ...) and the
option rules of ``dataset.yaml`` (:func:`potential.options.check_option_rules`). The first
problem is reported with the file, the line, the bad value and what was expected.
"""

from __future__ import annotations

from pathlib import Path

from potential import files, models, workspace
from potential.errors import InputError
from potential.messages import message
from potential.options import check_option_rules, named_option_rules
from potential.resources import data_dir, embedded_datasets

#: table file → (model, required, owner column for parameter tables)
TABLES = {
    "sources.csv": (models.Source, True, None),
    "bodies.csv": (models.Body, True, None),
    "fields.csv": (models.FieldOfAction, True, None),
    "legal_forms.csv": (models.LegalForm, True, None),
    "obligations.csv": (models.Obligation, True, None),
    "cooperations.csv": (models.Cooperation, True, None),
    "parameters.csv": (models.Parameter, True, ""),
    "field_parameters.csv": (models.Parameter, True, "field"),
    "legal_form_parameters.csv": (models.Parameter, True, "legal_form"),
    "body_fields.csv": (models.BodyField, False, None),
    "fulfilment.csv": (models.Fulfilment, False, None),
    "vat_rules.csv": (models.VatRule, False, None),
    "knockout_rules.csv": (models.KnockoutRule, False, None),
}

#: tables that must hold at least one row (a header alone is an error naming the table)
NEED_ROWS = ("sources.csv", "bodies.csv", "fields.csv", "legal_forms.csv", "obligations.csv")

#: optional values whose column must still be in the header: without the column every row
#: would silently lose the value (a knock-out rule its condition, a survey row its figures);
#: columns added later (``cases_per_year``, ``provider`` …) may be missing from older files
HEADER_COLUMNS = {
    "knockout_rules.csv": ("field", "legal_form", "min_approval_weeks"),
    "body_fields.csv": ("annual_cost_eur", "fte", "leaving_share"),
}

#: parameters every field and every legal form must carry
FIELD_PARAMETERS = (
    "cost_per_capita",
    "fte_per_10k",
    "savings_cap",
    "scale_exponent",
    "one_off_share",
    "kreis_share",
    "personnel_share",
    "input_tax_share",
    "migration_months",
)
FORM_PARAMETERS = (
    "pooling_factor",
    "governance_cost_share",
    "setup_cost_eur",
    "setup_months",
    "approval_weeks",
    "control_member",
    "procurement_risk",
)
GLOBAL_PARAMETERS = (
    "leaving_share_10y",
    "min_team_fte",
    "vat_binding_date",
    "vat_deminimis_eur",
    "grant_base_eur",
    "grant_per_partner_eur",
    "grant_max_share",
    "negotiation_months_per_partner",
    "urgency_horizon_months",
    "default_fulfilment",
    "horizon_years",
    "discount_rate",
    "price_change_rate",
    "ramp_up_years",
    "double_running_months",
    "vat_rate",
    "grant_assumed",
    "grant_min_years",
    "grant_min_savings_share",
)
#: global parameters a dataset may leave out, with the value that then applies; each is a
#: share between 0 and 1. The defaults switch the rule off, so datasets written before the
#: rule existed give the same results (``docs/method.md`` section 4.9).
OPTIONAL_PARAMETERS = {
    "tie_negotiation_reduction": 0.0,
    "tie_governance_reduction": 0.0,
}


def resolve_dataset_path(dataset: str | Path | None) -> Path:
    """Return the folder of a dataset given by embedded name, folder or ``dataset.yaml``.

    In a workspace (:mod:`potential.workspace`) ``None`` means ``./daten`` if it holds a
    dataset, and the embedded dataset's name its copy there. The folder found is noted as
    used (:func:`potential.workspace.note`).
    """
    path = _find_dataset(dataset)
    workspace.note("data", path)
    return path


def _find_dataset(dataset: str | Path | None) -> Path:
    local = (
        workspace.local_dataset(dataset) if dataset is None or isinstance(dataset, str) else None
    )
    if local is not None:
        return local
    if dataset is None:
        dataset = "kreis-unna"
    if isinstance(dataset, str) and dataset in embedded_datasets():
        return data_dir() / dataset
    path = Path(dataset)
    if path.is_file() and path.name == "dataset.yaml":
        path = path.parent
    if not path.exists():
        names = ", ".join(embedded_datasets())
        raise InputError(message("datasets.no_folder", names=names), str(path))
    if not (path / "dataset.yaml").is_file():
        raise InputError(message("datasets.no_meta"), str(path))
    return path


def load_dataset(dataset: str | Path | None = None) -> models.Dataset:
    """Load and validate a dataset.

    Parameters
    ----------
    dataset : str or Path, optional
        Name of an embedded dataset (default ``"kreis-unna"``), a dataset folder, or the
        path of its ``dataset.yaml``.

    Returns
    -------
    potential.models.Dataset
        The validated dataset.

    Raises
    ------
    InputError
        Naming the file, the line or key, the bad value and what was expected.
    """
    folder = resolve_dataset_path(dataset)
    meta = models.parse(
        models.DatasetMeta, files.read_yaml(folder / "dataset.yaml"), str(folder / "dataset.yaml")
    )
    tables: dict[str, list] = {}
    lines: dict[str, list[int]] = {}
    for name, (model, required, owner) in TABLES.items():
        path = folder / name
        if not path.exists() and not required:
            tables[name], lines[name] = [], []
            continue
        required_cols = (
            tuple(n for n, f in model.model_fields.items() if f.is_required() and n != "owner")
            + ((owner,) if owner else ())
            + HEADER_COLUMNS.get(name, ())
        )
        rows = files.read_csv_rows(path, required_cols)
        if not rows and name in NEED_ROWS:
            raise InputError(message("numbers.table_empty"), str(path))
        parsed = []
        for line, row in rows:
            data = dict(row)
            if owner is not None:
                data["owner"] = data.pop(owner) if owner else ""
            where = message("datasets.where_line", path=path, line=line)
            parsed.append(models.parse(model, data, where, "column"))
        tables[name], lines[name] = parsed, [line for line, _ in rows]
    _check_unique(folder, tables, lines)
    _check_references(folder, tables, lines)
    _check_parameters(folder, tables)
    _check_optional_parameters(folder, tables, lines)
    _check_consistency(folder, tables, lines)
    dataset = models.Dataset(
        meta=meta,
        path=str(folder),
        sources=tuple(tables["sources.csv"]),
        bodies=tuple(tables["bodies.csv"]),
        fields=tuple(tables["fields.csv"]),
        legal_forms=tuple(tables["legal_forms.csv"]),
        obligations=tuple(tables["obligations.csv"]),
        cooperations=tuple(tables["cooperations.csv"]),
        parameters=tuple(tables["parameters.csv"]),
        field_parameters=tuple(tables["field_parameters.csv"]),
        legal_form_parameters=tuple(tables["legal_form_parameters.csv"]),
        body_fields=tuple(tables["body_fields.csv"]),
        fulfilment=tuple(tables["fulfilment.csv"]),
        vat_rules=tuple(tables["vat_rules.csv"]),
        knockout_rules=tuple(tables["knockout_rules.csv"]),
    )
    rules = named_option_rules(dataset, meta.options)
    if rules is not meta.options:
        dataset = dataset.model_copy(update={"meta": meta.model_copy(update={"options": rules})})
    check_option_rules(dataset, rules, str(folder / "dataset.yaml"))
    return dataset


def _check_unique(folder, tables, lines):
    for name in (
        "sources.csv",
        "bodies.csv",
        "fields.csv",
        "legal_forms.csv",
        "obligations.csv",
        "cooperations.csv",
        "knockout_rules.csv",
    ):
        seen = set()
        for item, line in zip(tables[name], lines[name], strict=True):
            if item.id in seen:
                raise InputError(
                    message("datasets.duplicate_id", id=item.id), _at(folder / name, line)
                )
            seen.add(item.id)
    for name in ("parameters.csv", "field_parameters.csv", "legal_form_parameters.csv"):
        seen = set()
        for item, line in zip(tables[name], lines[name], strict=True):
            key = (item.owner, item.parameter)
            if key in seen:
                raise InputError(
                    message(
                        "datasets.duplicate_parameter",
                        parameter=item.parameter,
                        owner=item.owner or message("datasets.the_dataset"),
                    ),
                    _at(folder / name, line),
                )
            seen.add(key)


def _at(path, line) -> str:
    """``path, Zeile 3`` (``line 3`` in English)."""
    return message("datasets.where_line", path=path, line=line)


def _ref(value, known, what, where, column):
    if value not in known:
        kind = message(f"datasets.kind.{what.replace(' ', '_')}")
        raise InputError(
            message(
                "datasets.unknown_ref",
                column=column,
                kind=kind,
                value=value,
                known=", ".join(sorted(known)),
            ),
            where,
        )


def _check_references(folder, tables, lines):
    ids = {
        name: {item.id for item in tables[f"{name}.csv"]}
        for name in ("sources", "bodies", "fields", "legal_forms", "obligations")
    }

    def rows(name):
        return zip(tables[name], lines[name], strict=True)

    for body, line in rows("bodies.csv"):
        where = _at(folder / "bodies.csv", line)
        for col in ("population_source", "area_source", "neighbours_source", "coords_source"):
            if getattr(body, col) is not None:
                _ref(getattr(body, col), ids["sources"], "source", where, col)
        for nb in body.neighbours:
            _ref(nb, ids["bodies"], "body", where, "neighbours")
    for field, line in rows("fields.csv"):
        where = _at(folder / "fields.csv", line)
        for form in field.legal_forms:
            _ref(form, ids["legal_forms"], "legal form", where, "legal_forms")
        for ob in field.obligations:
            _ref(ob, ids["obligations"], "obligation", where, "obligations")
        for src in field.source:
            _ref(src, ids["sources"], "source", where, "source")
    for form, line in rows("legal_forms.csv"):
        _ref(
            form.source,
            ids["sources"],
            "source",
            _at(folder / "legal_forms.csv", line),
            "source",
        )
    for ob, line in rows("obligations.csv"):
        for src in ob.source:
            _ref(
                src,
                ids["sources"],
                "source",
                _at(folder / "obligations.csv", line),
                "source",
            )
    for coop, line in rows("cooperations.csv"):
        where = _at(folder / "cooperations.csv", line)
        if coop.field is not None:
            _ref(coop.field, ids["fields"], "field", where, "field")
        _ref(coop.legal_form, ids["legal_forms"], "legal form", where, "legal_form")
        for member in coop.members:
            _ref(member, ids["bodies"], "body", where, "members")
        for src in coop.source:
            _ref(src, ids["sources"], "source", where, "source")
    owners = {
        "field_parameters.csv": ids["fields"],
        "legal_form_parameters.csv": ids["legal_forms"],
    }
    for name in ("parameters.csv", "field_parameters.csv", "legal_form_parameters.csv"):
        for p, line in rows(name):
            where = _at(folder / name, line)
            if name in owners:
                column = "field" if name == "field_parameters.csv" else "legal_form"
                _ref(p.owner, owners[name], column.replace("_", " "), where, column)
            for src in p.source:
                _ref(src, ids["sources"], "source", where, "source")
    for bf, line in rows("body_fields.csv"):
        where = _at(folder / "body_fields.csv", line)
        _ref(bf.body, ids["bodies"], "body", where, "body")
        _ref(bf.field, ids["fields"], "field", where, "field")
    seen_rules = set()
    for rule, line in rows("vat_rules.csv"):
        where = _at(folder / "vat_rules.csv", line)
        _ref(rule.field, ids["fields"], "field", where, "field")
        _ref(rule.legal_form, ids["legal_forms"], "legal form", where, "legal_form")
        for src in rule.source:
            _ref(src, ids["sources"], "source", where, "source")
        if (rule.field, rule.legal_form) in seen_rules:
            raise InputError(
                message(
                    "datasets.duplicate_vat_rule", field=rule.field, legal_form=rule.legal_form
                ),
                where,
            )
        seen_rules.add((rule.field, rule.legal_form))
    for rule, line in rows("knockout_rules.csv"):
        where = _at(folder / "knockout_rules.csv", line)
        if rule.field is not None:
            _ref(rule.field, ids["fields"], "field", where, "field")
        if rule.legal_form is not None:
            _ref(rule.legal_form, ids["legal_forms"], "legal form", where, "legal_form")
        for src in rule.source:
            _ref(src, ids["sources"], "source", where, "source")
    for fu, line in rows("fulfilment.csv"):
        where = _at(folder / "fulfilment.csv", line)
        _ref(fu.body, ids["bodies"], "body", where, "body")
        _ref(fu.obligation, ids["obligations"], "obligation", where, "obligation")


def _check_parameters(folder, tables):
    def need(name, owner, required):
        have = {p.parameter for p in tables[name] if p.owner == owner}
        missing = [r for r in required if r not in have]
        if missing:
            who = message("datasets.missing_for", owner=owner) if owner else ""
            raise InputError(
                message("datasets.missing_parameters", names=", ".join(missing), who=who),
                str(folder / name),
            )

    need("parameters.csv", "", GLOBAL_PARAMETERS)
    for field in tables["fields.csv"]:
        need("field_parameters.csv", field.id, FIELD_PARAMETERS)
    for form in tables["legal_forms.csv"]:
        need("legal_form_parameters.csv", form.id, FORM_PARAMETERS)


def _check_optional_parameters(folder, tables, lines):
    name = "parameters.csv"
    for p, line in zip(tables[name], lines[name], strict=True):
        if p.parameter not in OPTIONAL_PARAMETERS:
            continue
        where = _at(folder / name, line)
        for column in ("value", "low", "high"):
            value = getattr(p, column)
            if value is None:
                continue
            if not isinstance(value, float) or not 0.0 <= value <= 1.0:
                raise InputError(
                    message(
                        "datasets.optional_share",
                        column=column,
                        parameter=p.parameter,
                        value=value,
                    ),
                    where,
                )


#: field parameters that are shares of something and must lie in [0, 1]
SHARE_PARAMETERS = ("savings_cap", "kreis_share", "personnel_share", "input_tax_share")


def consistency_problems(field_parameters) -> list[tuple[str, str, str]]:
    """The consistency rules of the field parameters, and where they fail.

    Three rules (``docs/data.md`` section 4.2):

    * a share (:data:`SHARE_PARAMETERS`) lies in [0, 1], for its value and its range;
    * the cost of one FTE reaches the personnel cost of its grade: where a field gives
      ``personnel_cost_per_fte``, ``cost_per_capita × 10,000 × personnel_share /
      fte_per_10k`` is at least that cost (values, not ranges);
    * ``input_tax_share`` is at most the bought-in part, ``1 − personnel_share``.

    Parameters
    ----------
    field_parameters : iterable of potential.models.Parameter
        The rows of ``field_parameters.csv``.

    Returns
    -------
    list of (field, parameter, message)
        One entry per broken rule, message in German; empty if all hold.
    """
    values: dict[str, dict[str, models.Parameter]] = {}
    for p in field_parameters:
        values.setdefault(p.owner, {})[p.parameter] = p
    out = []
    for field, ps in values.items():
        for name in SHARE_PARAMETERS:
            p = ps.get(name)
            if p is None:
                continue
            for column in ("value", "low", "high"):
                v = getattr(p, column)
                if v is not None and not 0.0 <= float(v) <= 1.0:
                    text = message("datasets.share_range", name=name, column=column, value=v)
                    out.append((field, name, text))
        need = ("cost_per_capita", "fte_per_10k", "personnel_share", "personnel_cost_per_fte")
        if all(n in ps for n in need):
            cost, fte, share, grade = (float(ps[n].value) for n in need)
            per_fte = cost * 10_000 * share / fte if fte > 0 else float("inf")
            if per_fte < grade:
                text = message(
                    "datasets.fte_cost",
                    per_fte=_thousands(per_fte),
                    cost=cost,
                    share=share,
                    fte=fte,
                    grade=_thousands(grade),
                    most=f"{cost * 10_000 * share / grade:.3f}",
                )
                out.append((field, "fte_per_10k", text))
        if "input_tax_share" in ps and "personnel_share" in ps:
            tax, share = float(ps["input_tax_share"].value), float(ps["personnel_share"].value)
            if tax > 1 - share + 1e-9:
                text = message("datasets.input_tax", tax=tax, bought=1 - share)
                out.append((field, "input_tax_share", text))
    return out


def _thousands(value: float) -> str:
    """``12.345`` (German) or ``12,345`` (English): a whole number with thousands marks."""
    from potential.messages import get_lang

    text = f"{value:,.0f}"
    return text.replace(",", ".") if get_lang() == "de" else text


def _check_consistency(folder, tables, lines):
    name = "field_parameters.csv"
    problems = consistency_problems(tables[name])
    if problems:
        where = {
            (p.owner, p.parameter): line for p, line in zip(tables[name], lines[name], strict=True)
        }
        field, parameter, problem = problems[0]
        line = where.get((field, parameter))
        raise InputError(
            message("datasets.consistency", field=field, parameter=parameter, problem=problem),
            _at(folder / name, line) if line else str(folder / name),
        )


def optional_parameter(dataset: models.Dataset, name: str) -> float:
    """A global parameter from :data:`OPTIONAL_PARAMETERS`: its value, or the default.

    Parameters
    ----------
    dataset : potential.models.Dataset
    name : str
        A key of :data:`OPTIONAL_PARAMETERS`.

    Returns
    -------
    float
        The value in ``parameters.csv``, or the default if the dataset leaves it out.
    """
    for p in dataset.parameters:
        if p.parameter == name:
            return float(p.value)
    return OPTIONAL_PARAMETERS[name]


#: Tables of a loaded dataset that :func:`table` returns.
TABLE_NAMES = (
    "bodies", "fields", "legal_forms", "obligations", "cooperations", "parameters",
    "field_parameters", "legal_form_parameters", "body_fields", "fulfilment", "sources",
    "vat_rules", "knockout_rules",
)  # fmt: skip


def table(dataset: models.Dataset, name: str = "bodies"):
    """One table of a loaded dataset as a pandas DataFrame (one row per item).

    Parameters
    ----------
    dataset : potential.models.Dataset
    name : str
        One of :data:`TABLE_NAMES`. Lists (members, neighbours ...) are joined with ``;``
        as in the CSV files.

    Returns
    -------
    pandas.DataFrame
        The columns of the item's model, in model order.

    Raises
    ------
    InputError
        An unknown table name.
    """
    import pandas as pd

    if name not in TABLE_NAMES:
        raise InputError(
            message("datasets.unknown_table", name=name, names=", ".join(TABLE_NAMES))
        )
    items = getattr(dataset, name)
    model = type(items[0]) if items else None
    columns = list(model.model_fields) if model is not None else []
    rows = []
    for item in items:
        row = item.model_dump()
        rows.append({k: ";".join(v) if isinstance(v, tuple) else v for k, v in row.items()})
    return pd.DataFrame(rows, columns=columns or None)
