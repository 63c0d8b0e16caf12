"""Excel (.xlsx) evidence: sheets as sections, header rows and tables, date columns, core
properties.

Registers and ticket exports live in spreadsheets, so a column of dates is where
their record dates are. A workbook's parts are read by lxml with entities left
unresolved and a document type declaration refused (:mod:`workbook`,
:mod:`sheetrows`); one of another shape is opened by openpyxl, which reads the XML
through defusedxml (a dependency for that reason), so entity tricks in a hostile
workbook are refused either way. openpyxl itself (about 90 ms to import) is imported
only when a workbook is left to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from iso20k_cli.evidence.doccontrol import merge, table_lines
from iso20k_cli.evidence.extract.base import (
    MAX_TABLES,
    Extracted,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.sheetrows import Declined, sheet_rows
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    clean_heading,
    header_index,
    make_table,
)
from iso20k_cli.evidence.extract.tables import MAX_CELLS, date_columns
from iso20k_cli.evidence.extract.workbook import Unusual, open_values
from iso20k_cli.evidence.history import sheet_history
from iso20k_cli.evidence.model import DocumentControl, SectionKind, Table
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

MAX_ROWS = 20_000  # per sheet; a register longer than this adds no evidence, only time
CONTROL_ROWS = 15  # a control block sits at the top of a sheet
_CONTROL_SHEETS = ("document control", "control", "cover", "about", "version history")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if type(value) is str:  # most cells: text, read as it is
        return value.strip()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _caption(rows: Sequence[Sequence[object]]) -> str | None:
    """A sheet's title: the first non-empty row, when it holds one text cell only."""
    first = next((row for row in rows if any(v not in (None, "") for v in row)), None)
    if first is None:
        return None
    cells = [v for v in first if v not in (None, "")]
    if len(cells) == 1 and isinstance(cells[0], str) and cells[0].strip():
        return clean_heading(cells[0])
    return None


def _openpyxl_rows(sheet: Any, limit: int) -> list[list[object]]:
    return [list(row) for row in islice(sheet.iter_rows(values_only=True), limit)]


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    try:
        try:
            return read_book(candidate, open_values, sheet_rows)
        except Unusual:
            # A workbook read otherwise than openpyxl reads it is opened by openpyxl.
            return extract_with_loader(candidate)
    except Declined:
        # What openpyxl makes of the sheet, or the error it gives, is the answer.
        return extract_with_openpyxl(candidate)


def extract_with_loader(candidate: Candidate) -> Extracted:
    """The workbook opened by openpyxl's loader, its sheets' rows read by :func:`sheet_rows`
    (:class:`Declined` when one cannot be)."""
    from iso20k_cli.evidence.extract.openpyxlbook import load_values  # imports openpyxl

    check_archive(candidate.path)
    return read_book(candidate, load_values, sheet_rows)


def extract_with_openpyxl(candidate: Candidate) -> Extracted:
    """The workbook as openpyxl alone reads it, for a sheet :func:`sheet_rows` declines."""
    check_archive(candidate.path)
    return read_book(candidate, _openpyxl_load, _openpyxl_rows)


def _openpyxl_load(path: Path) -> Any:
    import openpyxl  # only for a workbook left to it

    return openpyxl.load_workbook(path, read_only=True, data_only=True)


@dataclass
class BookProperties:
    """The document properties a workbook read without openpyxl gives, under openpyxl's
    names; None where the format keeps no such property."""

    title: str | None = None
    creator: str | None = None
    identifier: str | None = None
    version: str | None = None
    contentStatus: str | None = None  # openpyxl's name
    category: str | None = None
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


def read_book(
    candidate: Candidate,
    # openpyxl's workbook, a :class:`Book`, or another reader's workbook of that shape
    # (``worksheets`` with ``title`` and ``max_row``, ``properties``, ``close``)
    load: Callable[[Path], Any],
    read_rows: Callable[[Any, int], list[list[object]]],
) -> Extracted:
    """A workbook's sheets as sections, their rows as tables, its date columns, control
    rows and revision history, and its document properties."""
    workbook = load(candidate.path)
    try:
        lines: list[str] = []
        length = 0  # of the text the lines make so far, joined with newlines
        marks: list[Mark] = []
        tables: list[Table] = []
        control_lines: list[str] = []
        date_cells: list[tuple[object, ...]] = []
        history = DocumentControl()
        for position, sheet in enumerate(workbook.worksheets):
            rows = read_rows(sheet, MAX_ROWS)
            text_rows = [[_cell(v) for v in row] for row in rows]
            start = length + (1 if lines else 0)
            sheet_lines = [f"Sheet: {sheet.title}"]
            sheet_lines.extend(" | ".join(c for c in row if c) for row in text_rows if any(row))
            lines.extend(sheet_lines)
            length = start + sum(len(line) + 1 for line in sheet_lines) - 1
            # The section starts at the sheet's name, after the "Sheet: " label.
            name = clean_heading(sheet.title)
            marks.append(Mark(1, name, start + len("Sheet: "), length, _caption(rows)))
            header_at = header_index(rows)
            if header_at is not None and len(tables) < MAX_TABLES:
                table = make_table(text_rows, header_at, name)
                if len(rows) == MAX_ROWS and (sheet.max_row or 0) > MAX_ROWS:
                    # Rows past those read still count as entries; the sheet's stated
                    # dimension gives their number without reading them.
                    more = table.row_count + sheet.max_row - MAX_ROWS
                    table = table.model_copy(update={"row_count": more})
                tables.append(table)
            if position == 0 or sheet.title.strip().lower() in _CONTROL_SHEETS:
                control_lines.extend(table_lines(text_rows[:CONTROL_ROWS]))
                history = merge(history, sheet_history(text_rows))
            if sum(len(c) for c in date_cells) < MAX_CELLS:
                date_cells.extend(date_columns(rows))
        props = workbook.properties
    finally:
        workbook.close()
    metadata = metadata_control(
        props.identifier, props.version, props.creator, props.contentStatus or props.category
    )
    title = useful_title(props.title)
    meta_dates = tuple(
        d.date() for d in (props.created, props.modified) if isinstance(d, dt.datetime)
    )
    text = "\n".join(lines)
    return Extracted(
        text=text,
        sections=build_sections(marks, len(text), SectionKind.SHEET),
        tables=tables,
        title=title,
        title_source="metadata" if title else None,
        metadata=metadata,
        control_lines=control_lines,
        date_cells=date_cells,
        history=history,
        metadata_dates=meta_dates,
    )
