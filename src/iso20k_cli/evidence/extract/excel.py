"""Excel (.xlsx) evidence: sheets, header rows and cell text, date columns, core properties.

Registers and ticket exports live in spreadsheets, so a column of dates is where
their record dates are. openpyxl reads the XML through defusedxml (a dependency
for that reason), so entity tricks in a hostile workbook are refused.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice

import openpyxl

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import Extracted, metadata_control, useful_title
from iso20k_cli.evidence.extract.tables import date_columns
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

MAX_ROWS = 20_000  # per sheet; a register longer than this adds no evidence, only time
CONTROL_ROWS = 15  # a control block sits at the top of a sheet
_CONTROL_SHEETS = ("document control", "control", "cover", "about", "version history")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    workbook = openpyxl.load_workbook(candidate.path, read_only=True, data_only=True)
    try:
        lines: list[str] = []
        control_lines: list[str] = []
        dates: set[dt.date] = set()
        for position, sheet in enumerate(workbook.worksheets):
            rows = [list(row) for row in islice(sheet.iter_rows(values_only=True), MAX_ROWS)]
            text_rows = [[_cell(v) for v in row] for row in rows]
            lines.append(f"Sheet: {sheet.title}")
            lines.extend(" | ".join(c for c in row if c) for row in text_rows if any(row))
            if position == 0 or sheet.title.strip().lower() in _CONTROL_SHEETS:
                control_lines.extend(table_lines(text_rows[:CONTROL_ROWS]))
            dates.update(date_columns(rows))
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
    return Extracted(
        text="\n".join(lines),
        title=title,
        title_source="metadata" if title else None,
        metadata=metadata,
        control_lines=control_lines,
        column_dates=tuple(sorted(dates)),
        metadata_dates=meta_dates,
    )
