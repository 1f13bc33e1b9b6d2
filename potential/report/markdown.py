"""Render a report :class:`~potential.report.document.Document` as Markdown.

The same content as the HTML page. Charts are not embedded: each is referenced as an SVG
file in a folder beside the Markdown file (``report_files/NAME.svg``), which
:func:`potential.report.write_report` writes. Tables are pipe tables (GitHub / CommonMark
extension); no third-party package is needed.
"""

from __future__ import annotations

import re

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

#: Folder, beside the Markdown file, that holds the charts.
FIGURE_DIR = "report_files"

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str, line_start: bool = False) -> str:
    """Plain text made safe for Markdown (the characters with a meaning are escaped).

    With ``line_start``, a leading ``1.`` or ``1)`` is escaped too: it would start a list;
    so is a leading ``=``, ``+``, ``-`` or ``~`` (a list, a heading underline, a fence), so
    that text from data such as ``=HYPERLINK(…)`` or ``- x`` is shown as it is.
    """
    text = _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
    if not line_start:
        return text
    text = re.sub(r"^([=+\-~])", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)


def _parts(parts) -> str:
    """Inline parts that begin a line (a list item, a paragraph)."""
    shown = [_inline(p) for p in parts]
    if parts and isinstance(parts[0], str):
        shown[0] = escape(parts[0], line_start=True)
    return "".join(shown)


def _inline(part) -> str:
    if isinstance(part, Link):
        if re.fullmatch(r"https?://[^\s<>]+", part.url):
            if part.text == part.url:
                return f"<{part.url}>"
            return f"[{escape(part.text)}](<{part.url}>)"
        return escape(part.text)
    if isinstance(part, Code):
        text = part.text.replace("`", "'")
        return f"`{text}`"
    return escape(part)


def _cell(value) -> str:
    if isinstance(value, tuple):
        return "".join(_inline(p) for p in value)
    return _inline(value)


def table(columns, rows, numeric=()) -> str:
    """A pipe table; numeric columns are right-aligned.

    Examples
    --------
    >>> print(table(["a", "b"], [["x", "1"]], numeric=(False, True)))
    | a | b |
    |---|--:|
    | x | 1 |
    """
    align = ["--:" if numeric and numeric[i] else "---" for i in range(len(columns))]
    lines = [
        "| " + " | ".join(escape(c) for c in columns) + " |",
        "|" + "|".join(align) + "|",
    ]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render(document: Document, figures: dict[str, bytes], folder: str = FIGURE_DIR) -> str:
    """The report as Markdown.

    Parameters
    ----------
    document : Document
        The report's content.
    figures : dict of str to bytes
        The charts; only their names are used (a figure missing here is left out).
    folder : str
        Folder of the chart files, relative to the Markdown file.

    Returns
    -------
    str
    """
    lang = document.lang
    out = [f"# {escape(document.title)}", "", f"*{escape(document.subtitle)}*", ""]
    if any(isinstance(b, Figure) and b.name in figures for b in document.blocks):
        out += [f"*{escape(t('md_figures', lang, folder=folder + '/'))}*", ""]
    number = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {escape(block.text)}")
        elif isinstance(block, Paragraph):
            text = _parts(block.parts)
            out.append(f"> {text}" if block.kind == "note" else text)
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {_parts(item)}" for item in block.items))
        elif isinstance(block, Table):
            out.append(table(block.columns, block.rows, block.numeric))
        elif isinstance(block, Figure):
            if block.name not in figures:
                continue
            number += 1
            caption = f"{t('figure', lang)} {number}: {block.caption}"
            out.append(f"![{escape(block.caption)}]({folder}/{block.name})\n\n*{escape(caption)}*")
        elif isinstance(block, Contents):
            out.append(f"**{escape(t('contents', lang))}**\n\n")
            out[-1] += "\n".join(f"- {escape(text, True)}" for _, text in block.entries)
        else:  # pragma: no cover - every block type is handled above
            raise TypeError(f"unknown block {type(block).__name__}")
        out.append("")
    return "\n".join(out)
