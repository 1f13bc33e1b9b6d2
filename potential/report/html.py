"""Render a report :class:`~potential.report.document.Document` as one self-contained HTML page.

Everything the page needs is inside it: the style sheet in a ``<style>`` element (system
fonts only, no web fonts), the charts as ``<img>`` elements whose ``src`` is a
``data:image/svg+xml;base64,...`` URI. The page loads nothing from anywhere; the only
addresses in it are the links to the sources, as ``<a href>``.
"""

from __future__ import annotations

import base64
import re
from html import escape

from potential.report.document import (
    Bullets,
    Code,
    Contents,
    Document,
    Figure,
    Heading,
    Link,
    Paragraph,
    Table,
)
from potential.report.text import t

#: The style sheet. On screen the text is at most 60rem wide; a wider table may use the
#: window's margin on the right, and beyond that scrolls inside its own box
#: (``.table-wrap``) instead of widening the page; long ids and addresses break. In print
#: (A4 portrait): no scrolling, smaller type, a table's header repeated on every page, no
#: row split; a table too wide for a portrait page (:func:`_is_wide`) gets a landscape page
#: of its own.
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; line-height: 1.45; color: #1a1a1a; background: #fff; max-width: 60rem;
  margin: 0 auto; padding: 1.5rem; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #1f4e79;
  padding-bottom: 0.2rem; color: #1f4e79; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
.subtitle { color: #555; margin-top: 0; }
.note { background: #f3f6fa; border-left: 4px solid #1f4e79; padding: 0.5rem 0.8rem; }
.table-wrap { overflow-x: auto; margin: 0.6rem 0 1rem;
  margin-right: min(0px, calc((63rem - 100vw) / 2)); }
table { border-collapse: collapse; font-size: 0.85rem; max-width: 60rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.2rem 0.4rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
td code { word-break: break-all; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.85em; overflow-wrap: anywhere; }
a { overflow-wrap: anywhere; }
figure { margin: 0.8rem 0 1.2rem; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #444; }
nav ul { list-style: none; padding-left: 0; columns: 2; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-before: page; }
  h2, h3 { break-after: avoid; }
  .table-wrap { overflow: visible; margin-right: 0; }
  .table-wrap.wide { page: wide; }
  table { max-width: 100%; font-size: 8pt; }
  th, td { padding: 0.15rem 0.3rem; }
  thead { display: table-header-group; }
  tr, figure, img { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def _inline(part) -> str:
    if isinstance(part, Link):
        return f'<a href="{escape(part.url)}">{escape(part.text)}</a>'
    if isinstance(part, Code):
        return f"<code>{escape(part.text)}</code>"
    return escape(str(part))


def _cell(value) -> str:
    if isinstance(value, tuple):
        return "".join(_inline(p) for p in value)
    return _inline(value)


#: Characters (of the print type) that fit across a portrait A4 page; a table whose narrowest
#: layout (:func:`_min_chars`) needs more is printed on a landscape page.
PORTRAIT_CHARS = 110


def _text(value) -> str:
    """The text of a table cell (a value, code, or a tuple of them) without its links'
    texts (addresses break anywhere)."""
    if isinstance(value, tuple):
        return "".join(_text(p) for p in value)
    if isinstance(value, Link):
        return ""
    return value.text if isinstance(value, Code) else str(value)


def _min_chars(block: Table) -> int:
    """Rough width of a table's narrowest layout in characters: per column its longest word
    (a number does not break; words break after a hyphen or a slash, addresses anywhere),
    plus two for the padding."""

    def longest(text: str, numeric: bool = False) -> int:
        if numeric:
            return len(text)
        return max((len(w) for w in re.split(r"[\s/-]+", text)), default=0)

    widths = [longest(str(c)) for c in block.columns]
    for row in block.rows:
        widths = [
            max(w, longest(_text(v), bool(block.numeric) and block.numeric[i]))
            for i, (w, v) in enumerate(zip(widths, row, strict=True))
        ]
    return sum(w + 2 for w in widths)


def _is_wide(block: Table) -> bool:
    """Whether a table needs a landscape page in print."""
    return _min_chars(block) > PORTRAIT_CHARS


def _table(block: Table) -> str:
    def cls(i):
        return ' class="num"' if block.numeric and block.numeric[i] else ""

    head = "".join(
        f'<th scope="col"{cls(i)}>{escape(c)}</th>' for i, c in enumerate(block.columns)
    )
    body = "\n".join(
        "<tr>" + "".join(f"<td{cls(i)}>{_cell(v)}</td>" for i, v in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    name = f' class="{escape(block.name)}"' if block.name else ""
    return (
        f'<div class="table-wrap{" wide" if _is_wide(block) else ""}"><table{name}>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        f"{body}\n</tbody>\n</table></div>"
    )


def _figure(block: Figure, figures: dict, number: int, lang: str) -> str:
    data = base64.b64encode(figures[block.name]).decode("ascii")
    caption = f"{t('figure', lang)} {number}: {block.caption}"
    return (
        f'<figure id="fig-{escape(block.name.rsplit(".", 1)[0])}">'
        f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(block.caption)}">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def render(document: Document, figures: dict[str, bytes]) -> str:
    """The report as one HTML page (a string; UTF-8 when written).

    Parameters
    ----------
    document : Document
        The report's content (:func:`potential.report.build.report_document`).
    figures : dict of str to bytes
        SVG of every chart the document names; a figure missing here is left out.

    Returns
    -------
    str
    """
    lang = document.lang
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(document.title)}</h1>",
        f'<p class="subtitle">{escape(document.subtitle)}</p>',
        "</header>",
        "<main>",
    ]
    number = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
            out.append(f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            cls = f' class="{escape(block.kind)}"' if block.kind else ""
            out.append(f"<p{cls}>{''.join(_inline(p) for p in block.parts)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{''.join(_inline(p) for p in i)}</li>" for i in block.items)
            out.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Figure):
            if block.name in figures:
                number += 1
                out.append(_figure(block, figures, number, lang))
        elif isinstance(block, Contents):
            items = "".join(
                f'<li><a href="#{escape(a)}">{escape(text)}</a></li>' for a, text in block.entries
            )
            out.append(f'<nav aria-label="{escape(t("contents", lang))}"><ul>{items}</ul></nav>')
        else:  # pragma: no cover - every block type is handled above
            raise TypeError(f"unknown block {type(block).__name__}")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
