"""Tables in extracted text: Markdown pipe tables and the rows extractors write as 'a | b'.

Registers (corrective actions, process owners) are tables whatever the format, so
checks that read registers find their columns by header words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|`)")


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [_EMPHASIS.sub("", c).strip() for c in body.split("|")]


def tables(text: str) -> Iterator[list[list[str]]]:
    """Runs of consecutive lines with at least two cells, separator rows dropped."""
    current: list[list[str]] = []
    for line in text.splitlines():
        if "|" in line and not _SEPARATOR.match(line):
            cells = _cells(line)
            if len(cells) >= 2:
                current.append(cells)
                continue
        elif _SEPARATOR.match(line) and current:
            continue
        if len(current) >= 2:
            yield current
        current = []
    if len(current) >= 2:
        yield current


def column(header: Sequence[str], patterns: re.Pattern[str]) -> int | None:
    """Index of the first header cell matching ``patterns``."""
    return next((i for i, h in enumerate(header) if patterns.search(h)), None)


def records(
    text: str, required: Sequence[re.Pattern[str]]
) -> Iterator[tuple[list[str], list[str]]]:
    """(header, row) for every row of every table whose header has all ``required`` columns."""
    for table in tables(text):
        header = table[0]
        if all(column(header, pattern) is not None for pattern in required):
            for row in table[1:]:
                yield header, row + [""] * (len(header) - len(row))


def cell(header: Sequence[str], row: Sequence[str], pattern: re.Pattern[str]) -> str:
    index = column(header, pattern)
    return row[index].strip() if index is not None and index < len(row) else ""
