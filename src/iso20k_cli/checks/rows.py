"""Registers in evidence files: rows of the tables extraction found, by header words.

Registers (corrective actions, process owners) are tables whatever the format
(Markdown, Word, Excel, CSV, HTML), so checks that read registers find their columns
by header words in the document model's tables, never by re-reading the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from iso20k_cli.evidence.model import EvidenceFile

_EMPHASIS = ("**", "__", "`")


def _plain(cell: str) -> str:
    for mark in _EMPHASIS:
        cell = cell.replace(mark, "")
    return cell.strip()


def column(header: Sequence[str], patterns: re.Pattern[str]) -> int | None:
    """Index of the first header cell matching ``patterns``."""
    return next((i for i, h in enumerate(header) if patterns.search(h)), None)


def records(
    files: Iterable[EvidenceFile], required: Sequence[re.Pattern[str]]
) -> Iterator[tuple[list[str], list[str]]]:
    """(header, row) for every row of every table whose header has all ``required`` columns."""
    for file in files:
        for table in file.tables:
            header = [_plain(h) for h in table.header]
            if all(column(header, pattern) is not None for pattern in required):
                for row in table.rows:
                    cells = [_plain(c) for c in row]
                    yield header, cells + [""] * (len(header) - len(cells))


def cell(header: Sequence[str], row: Sequence[str], pattern: re.Pattern[str]) -> str:
    index = column(header, pattern)
    return row[index].strip() if index is not None and index < len(row) else ""
