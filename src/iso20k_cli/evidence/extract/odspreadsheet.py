"""OpenDocument spreadsheet (.ods) evidence, read as the Excel reader reads a workbook.

Each ``table:table`` is a sheet; its rows are read with their typed values (a date
cell gives its ``office:date-value`` as a date, a number its ``office:value``) and
handed to :func:`excel.read_book`, so captions, header rows, date columns, control
rows and revision histories are found as in an .xlsx.

LibreOffice ends a sheet with one row repeated up to the last of 1,048,576 and each
row with one cell repeated to the last column; repeats are written out only up to
the last value, and never past the limits on rows, columns and cells.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from iso20k_cli.evidence.extract import safexml
from iso20k_cli.evidence.extract.base import Extracted, Unreadable
from iso20k_cli.evidence.extract.excel import MAX_ROWS, BookProperties, read_book
from iso20k_cli.evidence.extract.odfpackage import (
    MAX_CELLS,
    OFFICE,
    ROW,
    ROWS_REPEATED,
    TABLE,
    Rows,
    TextReader,
    open_package,
    refuse_doctype,
    repeat,
    row_cells,
)
from iso20k_cli.evidence.extract.workbook import MAX_SHEETS
from iso20k_cli.evidence.scan import Candidate

_TABLE = f"{{{TABLE}}}table"
_NAME = f"{{{TABLE}}}name"
_SPREADSHEET = f"{{{OFFICE}}}spreadsheet"
_TYPE, _VALUE = f"{{{OFFICE}}}value-type", f"{{{OFFICE}}}value"
_DATE, _BOOLEAN = f"{{{OFFICE}}}date-value", f"{{{OFFICE}}}boolean-value"
_STRING = f"{{{OFFICE}}}string-value"
_MAX_STRING_CHARS = 32_767  # what a cell of Excel or LibreOffice holds
_NUMBERS = frozenset({"float", "percentage", "currency"})
_MAX_VALUE_CHARS = 64  # a typed value longer than this is no number or date


@dataclass
class _Sheet:
    title: str
    rows: list[list[object]]
    max_row: int


@dataclass
class _Book:
    properties: BookProperties
    worksheets: list[_Sheet] = field(default_factory=list)

    def close(self) -> None:
        """Nothing stays open: the sheets were read whole, within their limits."""


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    # A whole number as an int, as openpyxl gives a cell stored without a decimal point.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _date(text: str) -> dt.date | dt.datetime | None:
    try:
        if "T" not in text:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


class _Cells:
    def __init__(self) -> None:
        self.reader = TextReader()

    def value(self, cell: Any) -> object:
        """A cell's value by its type; its text when the type is missing or unreadable."""
        kind = cell.get(_TYPE)
        typed: object = None
        if kind in _NUMBERS:
            typed = _number((cell.get(_VALUE) or "")[:_MAX_VALUE_CHARS])
        elif kind == "date":
            typed = _date((cell.get(_DATE) or "").strip()[:_MAX_VALUE_CHARS])
        elif kind == "boolean":
            stated = (cell.get(_BOOLEAN) or "").strip().lower()
            typed = {"true": True, "false": False}.get(stated)
        if typed is not None:
            return typed
        text = self.reader.block(cell)
        if not text and kind == "string":
            # Some writers keep a string in the attribute, with no paragraph.
            text = (cell.get(_STRING) or "")[:_MAX_STRING_CHARS].strip()
        return text if text else None


def _load(path: Path) -> _Book:
    with open_package(path, "spreadsheet") as package:
        meta = package.meta()
        properties = BookProperties(
            title=meta.title, creator=meta.author, created=meta.created, modified=meta.modified
        )
        book = _Book(properties)
        with package.open("content.xml") as source:
            _read_sheets(source, book)
    return book


def _read_sheets(source: Any, book: _Book) -> None:
    cells = _Cells()
    budget = [MAX_CELLS]
    events = safexml.iterparse(
        source, ("start", "end"), (_TABLE, ROW, _SPREADSHEET), leave_out_comments=True
    )
    depth = 0  # of tables: a table inside a cell of a sheet is part of that cell
    spreadsheet = False
    rows: Rows | None = None
    name = ""
    try:
        for event, element in events:
            if not spreadsheet:
                refuse_doctype(element)  # known by the first element read
            tag = element.tag
            if tag == _SPREADSHEET:
                spreadsheet = True
            elif tag == _TABLE and event == "start":
                depth += 1
                if depth == 1:
                    name = element.get(_NAME) or f"Sheet{len(book.worksheets) + 1}"
                    rows = Rows(MAX_ROWS, budget)
            elif tag == _TABLE:
                depth -= 1
                if depth == 0 and rows is not None:
                    if len(book.worksheets) < MAX_SHEETS:
                        book.worksheets.append(_Sheet(name, rows.rows, rows.count))
                    rows = None
                    element.clear()
            elif tag == ROW and event == "end" and depth == 1 and rows is not None:
                rows.add(row_cells(element, cells.value), repeat(element, ROWS_REPEATED))
                element.clear()
                # Rows read are dropped, so a long sheet is never held whole.
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as exc:
        raise Unreadable(f"its content.xml is not well-formed XML ({exc})") from None
    if not spreadsheet:
        raise Unreadable("not an OpenDocument spreadsheet: it holds no spreadsheet body")


def _rows(sheet: _Sheet, limit: int) -> list[list[object]]:
    return sheet.rows[:limit]


def extract(candidate: Candidate) -> Extracted:
    return read_book(candidate, _load, _rows)
