"""The report as a list of blocks, rendered to HTML and to Markdown by the same content.

:mod:`potential.report.build` decides *what* the report says and produces a
:class:`Document`; :mod:`potential.report.html` and :mod:`potential.report.markdown` decide
only *how* it looks. Text is plain text everywhere (the renderers escape it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A link in the text (never a resource the page loads).

    Inline parts of paragraphs and table cells are plain ``str``, :class:`Link` or
    :class:`Code`.
    """

    text: str
    url: str


@dataclass(frozen=True)
class Code:
    """Text shown in a fixed-width font (ids, checksums)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 is the title, 2 a section, 3 a subsection."""

    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline parts; ``kind="note"`` marks a hint."""

    parts: tuple
    kind: str = ""


@dataclass(frozen=True)
class Bullets:
    """A bulleted list; each item is a tuple of inline parts."""

    items: tuple


@dataclass(frozen=True)
class Table:
    """A table: ``columns`` (headers), ``rows`` (tuples of cells), which columns are numbers
    (right-aligned), and a ``name`` that identifies the table (a CSS class in HTML)."""

    columns: tuple
    rows: tuple
    numeric: tuple = ()
    name: str = ""


@dataclass(frozen=True)
class Figure:
    """A chart: ``name`` is its file name in :attr:`potential.report.Report.figures`."""

    name: str
    caption: str


@dataclass(frozen=True)
class Contents:
    """A table of contents: (anchor, heading text) of the sections."""

    entries: tuple


@dataclass(frozen=True)
class Document:
    """The report: its title and its blocks in order."""

    title: str
    subtitle: str
    blocks: tuple
    lang: str = "de"


def paragraph(*parts, kind: str = "") -> Paragraph:
    """A paragraph from inline parts (empty strings are dropped)."""
    return Paragraph(tuple(p for p in parts if p != ""), kind)


def table(columns, rows, numeric=(), name: str = "") -> Table:
    """A table; ``numeric`` lists the positions of the numeric columns."""
    numeric = tuple(i in set(numeric) for i in range(len(columns)))
    return Table(tuple(columns), tuple(tuple(r) for r in rows), numeric, name)
