"""Limits on the text files the tool reads, checked before a file is parsed into objects.

A dataset, criteria model or scenario is a small file written by people: the largest shipped
one (``criteria/ikz-egov-nrw.yaml``) has 6 kB and about 300 YAML nodes, the largest CSV of
the embedded dataset about 40 kB. The limits below are far above that, and far below what
would make a run hang or run out of memory; a file over a limit is refused with a message
that names the limit and the value found.

YAML is checked on its event stream (:func:`yaml.parse`, which does not recurse and builds
no objects), so a "billion laughs" file (aliases that expand to 10⁹ nodes) and a file nested
ten thousand levels deep are refused in milliseconds, before PyYAML's composer (which
recurses) or pydantic (which walks every expanded node) sees them.
"""

from __future__ import annotations

import re

from potential.errors import InputError
from potential.messages import message

#: Largest YAML file read, in bytes (5 MB): a thousand times the shipped criteria model.
MAX_YAML_BYTES = 5_000_000

#: Largest CSV file read, in bytes (50 MB): a table of every municipality of Germany
#: (about 10 800) with a hundred fields each stays below it.
MAX_CSV_BYTES = 50_000_000

#: Deepest nesting of YAML collections (mappings and sequences): the shipped files nest 4
#: levels deep (model → groups → criterion → scale).
MAX_YAML_DEPTH = 50

#: Most YAML nodes after aliases are expanded: the shipped files have a few hundred; a
#: scenario that lists every body of NRW (396) with a dozen rules stays far below it.
MAX_YAML_NODES = 200_000

#: Longest text cell in a CSV file, in characters: a source note or a rationale is a few
#: hundred characters.
MAX_CSV_CELL = 10_000

# control characters other than tab, line feed and carriage return (C0, DEL and C1)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_size(path, size: int, limit: int) -> None:
    """Refuse a file of ``size`` bytes above ``limit``."""
    if size > limit:
        raise InputError(
            message("limits.file_too_large", size=_mb(size), limit=_mb(limit)), str(path)
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def control_character(text: str) -> int | None:
    """The index of the first control character in ``text`` (tab and line ends allowed)."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


def describe_character(char: str) -> str:
    """A control character as users can name it: ``U+0000 (NUL)``."""
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x0b": "VT", "\x0c": "FF"}
    code = f"U+{ord(char):04X}"
    return f"{code} ({names[char]})" if char in names else code


def check_yaml_events(text: str, where) -> None:
    """Refuse YAML that nests too deep or expands to too many nodes.

    Parameters
    ----------
    text : str
        The YAML document(s).
    where : callable
        ``where(line, column)`` gives the location text of an error (1-based).

    Raises
    ------
    InputError
        Nesting deeper than :data:`MAX_YAML_DEPTH`, or more than :data:`MAX_YAML_NODES`
        nodes once every alias is expanded.
    yaml.YAMLError
        Malformed YAML (the caller reports it with line and column).

    Notes
    -----
    The expanded size is counted on the event stream: every node counts one, a collection
    adds the sizes of its items, and an alias counts the size its anchor's node had. That is
    the number of objects a consumer that copies aliases would build, computed without
    building them.
    """
    import yaml

    sizes: dict[str, int] = {}
    stack: list[list] = []  # [size so far, anchor] per open collection
    total = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_YAML_DEPTH:
                mark = event.start_mark
                raise InputError(
                    message("limits.yaml_depth", limit=MAX_YAML_DEPTH),
                    where(mark.line + 1, mark.column + 1),
                )
            stack.append([1, event.anchor])
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor = stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = sizes.get(event.anchor, 1), None
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        if stack:
            stack[-1][0] += size
        else:
            total += size
        if total + sum(s for s, _ in stack) > MAX_YAML_NODES:
            mark = event.start_mark
            raise InputError(
                message("limits.yaml_nodes", limit=f"{MAX_YAML_NODES:_}".replace("_", ".")),
                where(mark.line + 1, mark.column + 1),
            )
