"""reStructuredText tables: grid tables, simple tables and the list and CSV table directives.

Each reader is handed the lines and where the table starts, and returns the index of
the line after it with its rows (the header first). A table that is never closed ends
where its lines stop looking like one, or after ``MAX_TABLE_LINES``: it never runs
away with the rest of the page.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from itertools import pairwise

from iso20k_cli.evidence.extract.lightmarkup import MAX_TABLE_LINES
from iso20k_cli.evidence.extract.rstinline import strip_inline

Rows = list[list[str]]


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _inline(cell: str) -> str:
    return strip_inline(" ".join(cell.split()))[0]


def is_grid_border(body: str) -> bool:
    """``+-----+----+`` (or ``+=====+``): the top of a grid table or a row's end."""
    return (
        len(body) >= 3
        and body[0] == "+"
        and body[-1] == "+"
        and not body.strip("+-=")
        and ("-" in body or "=" in body)
    )


def grid_table(lines: Sequence[str], start: int) -> tuple[int, Rows]:
    line = lines[start]
    left = indent_of(line)
    border = line[left:].rstrip()
    columns = [k for k, ch in enumerate(border) if ch == "+"]
    rows: Rows = []
    header_rows: int | None = None
    current: list[list[str]] | None = None
    index = start + 1
    while index < len(lines) and index - start < MAX_TABLE_LINES:
        raw = lines[index]
        if raw[:left].strip():
            break
        body = raw[left:].rstrip()
        if not body or body[0] not in "+|":
            break
        if body[0] == "+":
            if current is not None:
                rows.append([" ".join(parts) for parts in current])
                current = None
            if header_rows is None and "=" in body and not body.strip("+=") and rows:
                header_rows = len(rows)
        else:
            if current is None:
                current = [[] for _ in columns[:-1]] or [[]]
            _grid_cells(body, columns, current)
        index += 1
    if current is not None:
        rows.append([" ".join(parts) for parts in current])
    rows = [[_inline(c) for c in row] for row in rows]
    return index, merged_header(rows, header_rows or 1)


def merged_header(rows: Rows, count: int) -> Rows:
    """``rows`` with a header of ``count`` rows made one row of headers, column by column."""
    if count <= 1 or len(rows) < count:
        return rows
    width = max(len(row) for row in rows[:count])
    padded = [row + [""] * (width - len(row)) for row in rows[:count]]
    merged = [" ".join(c for c in cells if c) for cells in zip(*padded, strict=True)]
    return [merged, *rows[count:]]


def _grid_cells(body: str, columns: list[int], current: list[list[str]]) -> None:
    """One line of a grid row, each cell's text added to its column; a cell spanning
    columns (no ``|`` where a column starts) is given to the first of them."""
    left = 0
    for number, position in enumerate(columns[1:], start=1):
        if position < len(body) and body[position] not in "|+":
            continue
        segment = body[columns[left] + 1 : position].strip()
        if segment and segment.strip("-=+ "):
            current[left].append(segment)
        left = number
        if position >= len(body):
            break


def simple_spans(body: str) -> list[tuple[int, int]]:
    """The columns (start, end) of a simple table's border ``=====  ====``; two at least."""
    if not body or body[0] != "=" or body.strip("= ") or " " not in body.strip():
        return []
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(body):
        start = body.find("=", at)
        if start == -1:
            break
        end = body.find(" ", start)
        end = len(body) if end == -1 else end
        spans.append((start, end))
        at = end
    return spans if len(spans) >= 2 else []


def simple_table(lines: Sequence[str], start: int) -> tuple[int, Rows]:
    left = indent_of(lines[start])
    spans = simple_spans(lines[start][left:].rstrip())
    rows: Rows = []
    index = start + 1
    while index < len(lines) and index - start < MAX_TABLE_LINES:
        raw = lines[index]
        if not raw.strip():
            if index + 1 >= len(lines) or not lines[index + 1].strip():
                break  # two blank lines: a table left open ends here
            index += 1
            continue
        if indent_of(raw) < left:
            break
        body = raw[left:].rstrip()
        index += 1
        if simple_spans(body):
            if index >= len(lines) or not lines[index].strip():
                break  # the bottom border
            continue
        if not body.strip("- "):
            continue  # the underline of a header spanning columns
        if any(body[gap:after].strip() for (_, gap), (after, _) in pairwise(spans)):
            index -= 1
            break  # text across a gap between columns: prose after a table left open
        starts = [column for column, _ in spans]
        cells = [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
        if rows and not cells[0].strip():
            # A line with an empty first column goes on with the row above.
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append([c.strip() for c in cells])
    return index, [[_inline(c) for c in row] for row in rows]


def list_table(body: Sequence[str]) -> Rows:
    """The rows of a ``list-table`` directive's body: a list of rows, each a list of
    cells; a list deeper inside a cell is the cell's text."""
    rows: Rows = []
    row_indent: int | None = None
    cell_indent: int | None = None
    for line in body:
        text = line.strip()
        if not text:
            continue
        indent = indent_of(line)
        if (text == "*" or text.startswith("* ")) and row_indent in (None, indent):
            row_indent = indent
            rows.append([])
            rest = text[1:].lstrip()
            if not rest:
                continue
            indent += len(text) - len(rest)
            text = rest
        if rows and (text == "-" or text.startswith("- ")) and cell_indent in (None, indent):
            cell_indent = indent
            rows[-1].append(text[1:].strip())
        elif rows and rows[-1]:
            rows[-1][-1] = f"{rows[-1][-1]} {text}"
    return [[_inline(c) for c in row] for row in rows]


def csv_table(header: str | None, body: Sequence[str], delimiter: str = ",") -> Rows:
    """The rows of a ``csv-table`` directive: its ``:header:`` option, then its body."""
    lines = [line.strip() for line in body if line.strip()]
    if header:
        lines.insert(0, header)
    reader = csv.reader(lines, delimiter=delimiter[:1] or ",", skipinitialspace=True)
    try:
        return [[_inline(c) for c in row] for row in reader]
    except csv.Error:
        return []
