"""What a user types for a body, a field, a legal form or an option → its id.

Ids are lower case (``boenen``, ``it``), but people type names: ``Bönen``, ``BÖNEN``,
``Boenen``, ``Kreis Unna``, ``IT``, ``Abfall``. :func:`resolve` maps any of them to the id:
case does not matter, umlauts may be written out (``ö`` = ``oe``, ``ß`` = ``ss``), spaces,
``_`` and ``-`` are alike. A text matches an id, a German or English name (also the part
before or inside brackets: ``ePayment`` for ``ePayment (Bezahlverfahren)``), or, if nothing
matches exactly, the start of exactly one name (``Abfall`` for ``Abfallwirtschaft``).
Nothing found, or two found, is an :class:`~potential.errors.InputError` listing the valid
names (German by default).

Examples
--------
>>> from potential.datasets import load_dataset
>>> ds = load_dataset()
>>> resolve(ds, "body", "BÖNEN"), resolve(ds, "field", "Abfall")
('boenen', 'abfall')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from potential.errors import InputError
from potential.messages import message

#: the kinds of things a user names
KINDS = ("body", "field", "legal_form", "option")

_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s_\-/.,]+")
_BRACKETS = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def normalise(text: str) -> str:
    """The form names are compared in: case folded, umlauts written out, separators one
    space (``"Fröndenberg/Ruhr"`` → ``"froendenberg ruhr"``)."""
    text = str(text).strip().lower().translate(_SPELLED).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def _names(*labels: str | None) -> list[str]:
    out = []
    for label in labels:
        if not label:
            continue
        out.append(label)
        found = _BRACKETS.match(label)
        if found:
            out.extend(part for part in found.groups() if part)
    return out


def choices(dataset, kind: str) -> list[tuple[str, str, list[str]]]:
    """``(id, shown name, names it answers to)`` of every item of a kind in a dataset.

    Parameters
    ----------
    dataset : potential.models.Dataset
    kind : {"body", "field", "legal_form", "option"}
        ``option``: the dataset's existing cooperations (ids of ``cooperations.csv``) and
        their labels.
    """
    if kind == "body":
        return [(b.id, b.name, _names(b.id, b.name)) for b in dataset.bodies]
    if kind == "field":
        return [(f.id, f.label_de, _names(f.id, f.label_de, f.label_en)) for f in dataset.fields]
    if kind == "legal_form":
        return [
            (f.id, f.label_de, _names(f.id, f.label_de, f.label_en)) for f in dataset.legal_forms
        ]
    if kind == "option":
        return [(c.id, c.label, _names(c.id, c.label)) for c in dataset.cooperations]
    raise ValueError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")


def match(text: str, items: Iterable[tuple[str, str, list[str]]]) -> list[str]:
    """The ids whose names ``text`` matches: exact matches, else unique name prefixes."""
    items = list(items)
    wanted = normalise(text)
    if not wanted:
        return []
    exact = [i for i, _, names in items if wanted in {normalise(n) for n in names}]
    if exact:
        return list(dict.fromkeys(exact))
    starts = [i for i, _, names in items if any(normalise(n).startswith(wanted) for n in names)]
    return list(dict.fromkeys(starts))


def resolve(dataset, kind: str, text: str, where: str | None = None) -> str:
    """The id of the body, field, legal form or option a user means by ``text``.

    Parameters
    ----------
    dataset : potential.models.Dataset
    kind : {"body", "field", "legal_form", "option"}
    text : str
        An id or a name, in any case, umlauts as ``ä`` or ``ae``.
    where : str, optional
        Named in the error (e.g. ``"--body"`` or a file and key).

    Returns
    -------
    str
        The id.

    Raises
    ------
    InputError
        If nothing matches (listing the valid names) or more than one item does.
    """
    items = choices(dataset, kind)
    found = match(text, items)
    what = message(f"names.kind.{kind}")
    if len(found) == 1:
        return found[0]
    shown = {i: name for i, name, _ in items}
    if not found:
        valid = ", ".join(
            name if normalise(name) == normalise(i) else f"{name} ({i})" for i, name, _ in items
        )
        raise InputError(message("names.unknown", kind=what, value=str(text), valid=valid), where)
    matches = ", ".join(f"{shown[i]} ({i})" for i in found)
    raise InputError(
        message("names.ambiguous", kind=what, value=str(text), matches=matches), where
    )


def resolve_option(dataset, text: str, where: str | None = None) -> str:
    """An option as typed: ``feld/rechtsform/a+b+c`` with names for each part
    (``IT/GmbH/Kamen+Unna`` → ``it/gmbh/kamen+unna``), or an option id in any case."""
    text = str(text).strip()
    parts = text.split("/")
    if len(parts) != 3:
        return text.lower().translate(_SPELLED)
    field, form, members = parts
    ids = [
        resolve(dataset, "field", field, where),
        resolve(dataset, "legal_form", form, where),
        "+".join(resolve(dataset, "body", m, where) for m in members.split("+") if m.strip()),
    ]
    return "/".join(ids)


def resolve_all(dataset, kind: str, texts: Iterable[str], where: str | None = None) -> list[str]:
    """:func:`resolve` for each text, in order, each id once."""
    return list(dict.fromkeys(resolve(dataset, kind, t, where) for t in texts))


def resolve_if_any(dataset, kind: str, texts, where: str | None = None):
    """``None`` and empty stay as they are; a text or a sequence of texts becomes ids."""
    if texts is None:
        return None
    if isinstance(texts, str):
        return resolve(dataset, kind, texts, where)
    return resolve_all(dataset, kind, texts, where)
