"""Numbers as clerks type them into a survey cell: ``4,5``, ``45.000``, ``35 %``, ``k. A.``.

:func:`read_number` turns the text of one cell into a number, or says why it cannot. It
prefers the German reading (comma for decimals, dot for thousands), accepts a unit that
matches the cell, and refuses only what stays ambiguous. Every reading that is not the
obvious one comes with a note that names it, so that the person who typed it can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from potential.messages import both, message

#: units a cell of each kind may carry after the number (compared in lower case)
UNITS = {
    "eur": ("€", "eur", "euro", "eur/jahr", "€/jahr", "eur/a", "€/a"),
    "fte": ("vzä", "vza", "fte", "stellen"),
    "percent": ("%", "prozent"),
    "points": ("%", "punkte", "pkt.", "pkt"),
    "whole": ("fälle", "fälle/jahr", "stück"),
}
#: words that mean "no answer" (compared in lower case, without dots and spaces)
NO_ANSWER = ("ka", "keineangabe", "keineangaben", "na", "-", "–", "—", "?", "unbekannt")
_APPROX = re.compile(r"^(ca\.?|circa|etwa|rund|ungefähr|~|≈)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?[0-9][0-9.,' \u00a0\u202f]*$")


@dataclass(frozen=True)
class Reading:
    """What a cell's text was read as.

    Attributes
    ----------
    value : float or None
        The number; ``None`` if the cell means "no answer" or could not be read.
    note_de, note_en : str or None
        How it was read, where that is worth checking (a note, not an error).
    error_de, error_en : str or None
        Why it could not be read (then ``value`` is ``None``).
    """

    value: float | None
    note_de: str | None = None
    note_en: str | None = None
    error_de: str | None = None
    error_en: str | None = None


def english(number: float) -> str:
    """``1234.5`` as ``1234.5`` (no thousands separator, as it is to be typed)."""
    return f"{number:.10f}".rstrip("0").rstrip(".")


def german(number: float) -> str:
    """``1234.5`` as ``1234,5`` (no thousands separator, as it is to be typed)."""
    return english(number).replace(".", ",")


def _grouped(parts: list[str]) -> bool:
    """Whether ``parts`` (split at a thousands separator) are groups of three digits."""
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def _parse(digits: str) -> tuple[float | None, str | None, str | None, str | None]:
    """(value, reading note de, en, error) of a number without unit."""
    digits = re.sub(r"[ '\u00a0\u202f]", "", digits)
    sign = -1.0 if digits.startswith("-") else 1.0
    digits = digits.lstrip("+-")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, frac = digits.rpartition(decimal)
        if decimal in whole or not _grouped(whole.split(group)) or not frac.isdigit():
            return None, None, None, "ambiguous"
        value = sign * float(whole.replace(group, "") + "." + frac)
        if decimal == ".":
            return value, *both("survey.number.english_notation"), None
        return value, None, None, None
    if "," in digits:
        parts = digits.split(",")
        if len(parts) == 2 and len(parts[1]) != 3:
            return sign * float(parts[0] + "." + parts[1]), None, None, None
        if len(parts) > 2 and _grouped(parts):
            value = sign * float("".join(parts))
            return value, *both("survey.number.comma_thousands"), None
        return None, None, None, "ambiguous"
    if "." in digits:
        parts = digits.split(".")
        if _grouped(parts) and parts[0] != "0":
            value = sign * float("".join(parts))
            return value, *both("survey.number.dot_thousands"), None
        if len(parts) == 2:
            value = sign * float(digits)
            return value, *both("survey.number.dot_decimal"), None
        return None, None, None, "ambiguous"
    return sign * float(digits), None, None, None


def read_number(text: str, kind: str) -> Reading:
    """Read the text of a number cell.

    Parameters
    ----------
    text : str
        What the cell holds, e.g. ``"4,5"``, ``"45.000"``, ``"1.234,56"``, ``"175000"``,
        ``"35 %"``, ``"ca. 50.000 €"`` or ``"k. A."``.
    kind : {"eur", "fte", "percent", "points", "whole"}
        What the cell asks for; a unit of another kind is refused.

    Returns
    -------
    Reading
        The value with a note where the reading should be checked, or an error.

    Notes
    -----
    The German reading comes first: ``4,5`` is 4.5 and ``45.000`` is 45,000 (a note says
    so). ``4.5`` is read as 4.5 with a note, ``1,234.56`` as 1,234.56 (English notation, with
    a note). A single comma followed by exactly three digits (``45,000``) is refused: it is
    45 in German and 45,000 in English. A share typed below 1 where percent is asked
    (``0,35``) is read as 35 % with a note; ``ca.`` and similar words mark an estimate, which
    is read with a note. ``k. A.`` and ``-`` mean no answer.

    Examples
    --------
    >>> read_number("4,5", "fte").value
    4.5
    >>> read_number("1.234,56", "eur").value
    1234.56
    >>> read_number("35 %", "percent").value
    35.0
    """
    raw = " ".join(str(text).split())
    if re.sub(r"[.\s]", "", raw).lower() in NO_ANSWER:
        return Reading(None, *both("survey.number.no_answer"))
    notes_de, notes_en = [], []
    body, approx = _APPROX.subn("", raw)
    if approx:
        de, en = both("survey.number.estimate")
        notes_de.append(de)
        notes_en.append(en)
    match = re.match(r"^(.*?[0-9])\s*([^0-9]*)$", body)
    unit = match.group(2).strip().lower() if match else ""
    digits = match.group(1) if match else body
    percent_sign = unit == "%"
    if unit and unit not in UNITS.get(kind, ()):
        de, en = both("survey.number.unit", unit=match.group(2).strip())
        return Reading(None, error_de=de, error_en=en)
    if not _NUMBER.match(digits):
        de, en = both("survey.number.number")
        return Reading(None, error_de=de, error_en=en)
    value, how_de, how_en, error = _parse(digits)
    if error:
        de, en = both("survey.number.ambiguous")
        return Reading(None, error_de=de, error_en=en)
    if how_de:
        notes_de.append(how_de)
        notes_en.append(how_en)
    unit_de = unit_en = ""
    if kind == "percent" and not percent_sign and 0 < value < 1:
        value = round(value * 100, 10)
        de, en = both("survey.number.share")
        notes_de.append(de)
        notes_en.append(en)
    if kind in ("percent",):
        unit_de = unit_en = " %"
    if not notes_de:
        return Reading(value)
    key = "survey.number.read_as"
    return Reading(
        value,
        message(key, lang="de", value=german(value), unit=unit_de, notes="; ".join(notes_de)),
        message(key, lang="en", value=english(value), unit=unit_en, notes="; ".join(notes_en)),
    )
