"""Dates as people type them: ``01.01.2027`` (``TT.MM.JJJJ``, also ``1.1.2027``) or ISO
``2027-01-01``.

One parser for every date a user gives: ``--reference-date`` on the command line, the date
columns of a dataset (CSV and ``dataset.yaml``) and the dates of a scenario file. A date with
slashes (``01/02/2027``) is refused: it reads as 1 February in Germany and as 2 January in
the USA.

Examples
--------
>>> parse_date("1.2.2027")
datetime.date(2027, 2, 1)
>>> parse_date("2027-02-01")
datetime.date(2027, 2, 1)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator

from potential.messages import message

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASH = re.compile(r"^\d{1,4}/\d{1,2}/\d{1,4}$")


def parse_date(text: str) -> dt.date:
    """A date from ``TT.MM.JJJJ``, ``T.M.JJJJ`` or ``JJJJ-MM-TT``.

    Parameters
    ----------
    text : str
        The date as typed; spaces around it are ignored.

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        For any other form (the message, German by default, says which forms are read), for
        a date with slashes (ambiguous) and for a day that does not exist (``31.02.2027``).
    """
    text = str(text).strip()
    iso, german = _ISO.match(text), _GERMAN.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif german:
        day, month, year = (int(g) for g in german.groups())
    elif _SLASH.match(text):
        raise ValueError(message("dates.ambiguous", value=text))
    else:
        raise ValueError(message("dates.bad", value=text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(message("dates.no_such_day", value=text)) from None


def coerce_date(value):
    """Before-validator of :data:`Date`: a date stays, a text is read by :func:`parse_date`,
    blank and ``None`` are ``None``; anything else (a number) is refused."""
    if value is None or isinstance(value, dt.date):
        if isinstance(value, dt.datetime):
            return value.date()
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        return parse_date(value)
    raise ValueError(message("dates.bad", value=value))


def maybe_date(text: str) -> dt.date | None:
    """The date of a text if it looks like one (``TT.MM.JJJJ`` or ISO), else ``None``.

    For values that may be a number or a date (a parameter's ``value``): a text with slashes
    still raises, so ``01/02/2027`` is never taken for something else.
    """
    text = str(text).strip()
    if _ISO.match(text) or _GERMAN.match(text) or _SLASH.match(text):
        return parse_date(text)
    return None


#: A date field of a pydantic model that reads ``TT.MM.JJJJ`` and ISO.
Date = Annotated[dt.date, BeforeValidator(coerce_date)]
