"""The message catalogue: every text a user reads in an error, German first, English on request.

One table, :data:`CATALOGUE`, maps a message key to its German and its English template. The
table is assembled from one module per area (``potential.messages.<area>``, each with a
``MESSAGES`` dict); a key is defined once across all of them (checked at import).

The language is, in this order: the one set with :func:`set_lang` or :func:`use_lang` (the
command line sets it from ``--lang``), else the environment variable ``POTENTIAL_LANG``, else
German.

Examples
--------
>>> from potential.messages import message, use_lang
>>> message("files.not_found")
'Datei nicht gefunden'
>>> with use_lang("en"):
...     message("files.not_found")
'file not found'
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import string

LANGS = ("de", "en")
DEFAULT_LANG = "de"
ENV_VAR = "POTENTIAL_LANG"

_lang: str | None = None


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


def get_lang() -> str:
    """The language of messages now: set explicitly, else ``POTENTIAL_LANG``, else German."""
    if _lang is not None:
        return _lang
    env = os.environ.get(ENV_VAR, "").strip().lower()
    return env if env in LANGS else DEFAULT_LANG


def set_lang(lang: str | None) -> None:
    """Set the language of messages (``None``: back to ``POTENTIAL_LANG`` or German)."""
    global _lang
    _lang = None if lang is None else _check(lang)


@contextlib.contextmanager
def use_lang(lang: str | None):
    """Use ``lang`` for messages inside the ``with`` block (``None``: leave it as it is)."""
    global _lang
    before = _lang
    if lang is not None:
        _lang = _check(lang)
    try:
        yield
    finally:
        _lang = before


def _load() -> dict[str, tuple[str, str]]:
    catalogue: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in getattr(module, "MESSAGES", {}).items():
            if key in catalogue:
                raise RuntimeError(f"message key {key!r} defined twice ({info.name})")
            catalogue[key] = texts
    return catalogue


_CATALOGUE: dict[str, tuple[str, str]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """The whole catalogue: key → (German template, English template)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        _CATALOGUE = _load()
    return _CATALOGUE


def fields(template: str) -> set[str]:
    """The names of the ``{placeholders}`` of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def message(key: str, /, lang: str | None = None, **values) -> str:
    """The text of message ``key`` in ``lang`` (default: :func:`get_lang`), filled in.

    Parameters
    ----------
    key : str
        A key of the catalogue, e.g. ``"files.not_found"``.
    lang : {"de", "en"}, optional
        The language; by default the current one.
    **values
        The values of the template's placeholders (``str.format``).

    Raises
    ------
    KeyError
        For a key that is not in the catalogue (a programming error, not a user's).
    """
    de, en = catalogue()[key]
    template = en if (lang or get_lang()) == "en" else de
    return template.format(**values) if values else template


def both(key: str, /, **values) -> tuple[str, str]:
    """The message in German and in English (for tests and for bilingual tables)."""
    return message(key, lang="de", **values), message(key, lang="en", **values)
