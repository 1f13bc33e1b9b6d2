"""The questionnaire workbook a body fills in (``potential survey template``).

One workbook per body is the normal case: the county sends each town its own file. A
workbook for all bodies (``body=None``) holds one block of rows per body in every sheet,
for staff who collect the answers centrally. The layout is defined in
:mod:`potential.survey.layout` and described in ``docs/survey.md``.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from potential import files
from potential.errors import InputError
from potential.messages import message
from potential.survey import layout as L
from potential.survey.template_sheets import _Book
from potential.survey.texts import _T


def _dataset(dataset):
    from potential.datasets import load_dataset
    from potential.models import Dataset

    return dataset if isinstance(dataset, Dataset) else load_dataset(dataset)


def _criteria(criteria):
    from potential.criteria import CriteriaModel, load_criteria

    return criteria if isinstance(criteria, CriteriaModel) else load_criteria(criteria)


def find_body(dataset, body: str):
    """The body with this id or name (case-insensitive); :class:`InputError` otherwise."""
    wanted = str(body).strip().casefold()
    for b in dataset.bodies:
        if wanted in (b.id.casefold(), b.name.casefold()):
            return b
    known = ", ".join(f"{b.id} ({b.name})" for b in dataset.bodies)
    raise InputError(message("survey.unknown_body", body=body, known=known), "--body")


def template(
    dataset=None,
    body: str | None = None,
    lang: str = "de",
    criteria="ikz-egov-nrw",
    return_to: str | None = None,
):
    """The questionnaire workbook for one body, or for all bodies.

    Parameters
    ----------
    dataset : str, Path or Dataset, optional
        Embedded dataset name, dataset folder or loaded dataset; default ``kreis-unna``.
        Its estimates (:func:`potential.indicators.body_field_inputs`), reported figures,
        duties and cooperations are pre-filled.
    body : str, optional
        Id or name of the body (``"boenen"`` or ``"Bönen"``). ``None``: one workbook with a
        block of rows per body.
    lang : {"de", "en"}
        Language of the texts; the import reads both.
    criteria : str, Path or CriteriaModel
        The criteria model whose groups the body weights (sheet *Gewichtung*).
    return_to : str, optional
        To whom the workbook goes back (instructions); default the county's working group.

    Returns
    -------
    openpyxl.Workbook
        Sheets *Anleitung*, *Stammdaten*, *Handlungsfelder*, *Pflichten*, *Kooperationen*,
        *Gewichtung*, the hidden *Listen* (choices of the drop-down lists) and the very
        hidden :data:`~potential.survey.layout.META_SHEET`.

    Raises
    ------
    InputError
        An unknown body or language.
    """
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    from potential.neutralise import neutralise_workbook
    from potential.workbook import FIXED_TIMESTAMP

    if lang not in L.LANGS:
        raise InputError(message("survey.unknown_lang", language=lang), "--lang")
    ds = _dataset(dataset)
    model = _criteria(criteria)
    bodies = [find_body(ds, body)] if body is not None else list(ds.bodies)
    wb = Workbook()
    wb.remove(wb.active)
    book = _Book(wb, ds, model, bodies, lang)
    book.instructions(return_to)
    book.master()
    book.fields()
    book.duties()
    book.cooperations()
    book.weights()
    book.lists()
    book.meta()
    wb.active = 0
    neutralise_workbook(wb)  # names and titles from the dataset stay text (issue 16)
    stamp = dt.datetime(*FIXED_TIMESTAMP)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "potential"
    wb.properties.title = L.pick(_T["title"], lang)
    wb.custom_doc_props.append(StringProperty(name=L.VERSION_PROPERTY, value=L.VERSION))
    return wb


def write_template(
    path: str | Path,
    dataset=None,
    body: str | None = None,
    lang: str = "de",
    criteria="ikz-egov-nrw",
    return_to: str | None = None,
) -> Path:
    """Write :func:`template` to ``path`` (``.xlsx``); the same inputs give the same bytes.

    The file appears complete or not at all (:func:`potential.files.write_outputs`).
    Parameters as :func:`template`; returns the path written.
    """
    from potential.workbook import _repack

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError(message("survey.not_xlsx"), str(path))
    wb = template(dataset, body=body, lang=lang, criteria=criteria, return_to=return_to)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    files.write_outputs(path.parent, {path.name: lambda target: _repack(data, target)})
    return path
