"""A workbook opened by openpyxl for values, and its sheets' values row by row as
``iter_rows(values_only=True)`` gives them, with the sheets' XML parsed by lxml.

openpyxl opens each sheet of a read-only workbook to find its stated dimension,
parsing with the standard library's tree builder up to the end of the sheet's
data when the sheet is small; here lxml reads up to the dimension only.

openpyxl builds each row with the standard library's pure-Python tree builder
(through defusedxml); that was most of the time spent on a register. Here the
same cell parser runs on rows lxml builds, and rows are laid out as openpyxl lays
them out: as wide as the sheet's stated dimension, a row missing from the XML
given as an empty one. The workbook itself (its sheets, shared strings, date
styles, stated dimensions) is opened by :mod:`workbook`, or by openpyxl when that
declines it; either has refused a sheet with a document type declaration before its
rows are read, and entities are not resolved here either.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import IO, Any
from warnings import warn

from openpyxl.cell.text import Text
from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import (
    DATA_TAG,
    DIMENSION_TAG,
    INLINE_STRING,
    ROW_TAG,
    VALUE_TAG,
    WorkSheetParser,
)
from openpyxl.worksheet.dimensions import SheetDimension

from iso20k_cli.evidence.extract.safexml import iterparse

_TEXT_TAG = INLINE_STRING[: -len("is")] + "t"
_from_iso8601: Any = from_ISO8601  # untyped in openpyxl's stubs


def _number(text: str) -> int | float:
    """A number cell's value, as openpyxl casts it."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class Declined(Exception):
    """The sheet could not be read here; openpyxl reads it again and says why."""


def load_values(path: Path) -> Workbook:
    """``openpyxl.load_workbook(path, read_only=True, data_only=True)``, each sheet's
    stated dimension read by lxml."""
    reader = _Reader(str(path), read_only=True, data_only=True)
    reader.read()
    return reader.wb


class _Reader(ExcelReader):
    def read_worksheets(self) -> None:
        """openpyxl's reading of a read-only workbook's sheets, with :class:`_Sheet`."""
        book: Any = self.wb  # its list of sheets is private, out of openpyxl's stubs
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                chart: Any = sheet  # a chart sheet, as openpyxl tells them apart
                self.read_chartsheet(chart, rel)
                continue
            rels_path = _rels_path(rel.target)
            if rels_path in self.valid_files:
                get_dependents(self.archive, rels_path)  # read, as openpyxl reads it
            ws: Any = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            book._sheets.append(ws)


_rels_path: Any = get_rels_path  # untyped in openpyxl's stubs


class _Sheet(ReadOnlyWorksheet):
    def _get_size(self) -> None:
        sheet: Any = self  # the source and sizes are private, out of openpyxl's stubs
        try:
            dimensions = _dimensions(sheet._get_source())
        except Exception:  # noqa: BLE001 - openpyxl reads it again and says what is wrong
            dimensions = None
        if dimensions is None:
            super()._get_size()  # type: ignore[misc]
        else:
            sheet._min_column, sheet._min_row, sheet._max_column, sheet._max_row = dimensions


def _dimensions(source: IO[bytes]) -> tuple[Any, ...] | None:
    """The dimension a sheet states before its data, or None when openpyxl should look:
    no dimension before the data, a document type declaration, an encoding other than
    UTF-8 (the standard library's parser and libxml2 accept different ones)."""
    with source:
        events = iterparse(source, ("start", "end"), (DIMENSION_TAG, DATA_TAG))
        for event, element in events:
            if element.tag == DATA_TAG:
                return None
            if event == "end":
                info = element.getroottree().docinfo
                encoding = (info.encoding or "UTF-8").upper()  # none declared: UTF-8
                if info.doctype or info.internalDTD is not None or encoding != "UTF-8":
                    return None
                dimension: Any = SheetDimension.from_tree(element)
                return tuple(dimension.boundaries)
    return None


class _RowParser(WorkSheetParser):
    """openpyxl's row and cell parsing, fed rows built by lxml, values only.

    A row is a list of (column, value): the cell dictionaries openpyxl builds, its
    rich-text objects for a plain inline string and its per-cell checks for formulas
    (a workbook opened for values has none) cost more than the parse.
    """

    source: IO[bytes]
    row_counter: int
    col_counter: int

    def parse_row(self, row: Any) -> tuple[int, list[tuple[int, object]]]:  # type: ignore[override]
        number = row.get("r")
        if number is not None:
            try:
                self.row_counter = int(number)
            except ValueError:
                whole = float(number)
                if not whole.is_integer():
                    raise ValueError(f"{number} is not a valid row number") from None
                self.row_counter = int(whole)
        else:
            self.row_counter += 1
        self.col_counter = 0
        return self.row_counter, [self._cell(cell) for cell in row]

    def _cell(self, element: Any) -> tuple[int, object]:
        """(column, value) of a cell, as openpyxl's ``parse_cell`` reads it for values."""
        kind = element.get("t", "n")
        coordinate = element.get("r")
        style: int | str = element.get("s", 0)
        if style:
            style = int(style)
        if coordinate:
            self.col_counter = _column(coordinate)
        else:
            self.col_counter += 1
        if kind == "inlineStr":
            child = element.find(INLINE_STRING)
            return self.col_counter, None if child is None else _inline_text(child)
        value: Any = element.findtext(VALUE_TAG, None) or None
        if value is None:
            return self.col_counter, None
        if kind == "n":
            value = _number(value)
            if style in self.date_formats:
                try:
                    value = from_excel(value, self.epoch, timedelta=style in self.timedelta_formats)
                except (OverflowError, ValueError):
                    # openpyxl's reading of a date out of range, its warning included
                    warn(
                        f"Cell {coordinate} is marked as a date but the serial value {value} "
                        "is outside the limits for dates. The cell will be treated as an error.",
                        stacklevel=2,
                    )
                    value = "#VALUE!"
        elif kind == "s":
            value = self.shared_strings[int(value)]
        elif kind == "b":
            value = bool(int(value))
        elif kind == "d":
            value = _from_iso8601(value)
        return self.col_counter, value

    def parse(self) -> Generator[tuple[int, list[tuple[int, object]]], None, None]:
        rows = iterparse(self.source, ("end",), ROW_TAG, leave_out_comments=True)
        for _, element in rows:
            row = self.parse_row(element)
            element.clear()
            # Rows already read are dropped, so a long sheet is not held whole.
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
            yield row


# A sheet is typed Any: the reader uses private parts of openpyxl's read-only worksheet
# and workbook (its source, shared strings and date styles) that its stubs leave out.
def sheet_rows(sheet: Any, limit: int) -> list[list[object]]:
    """Up to ``limit`` rows of cell values; :class:`Declined` if the XML cannot be read."""
    try:
        return _rows(sheet, limit)
    except Exception as exc:
        raise Declined from exc


_DIGITS = "0123456789"
_COLUMNS: dict[str, int] = {}  # "AB" -> 28, filled as references are read


def _column(coordinate: str) -> int:
    """The column of "B12" (2); openpyxl's reading for any other shape ("$B$12", "b12")
    and its error for one it refuses."""
    letters = coordinate.rstrip(_DIGITS)
    column = _COLUMNS.get(letters)
    if column is not None and len(letters) < len(coordinate):
        return column
    column = int(coordinate_to_tuple(coordinate)[1])
    if letters.isascii() and letters.isalpha() and letters.isupper() and len(letters) <= 3:
        _COLUMNS[letters] = column
    return column


def _inline_text(element: Any) -> object:
    """An inline string's text; openpyxl's rich-text object reads any but the plain kind."""
    if not element.attrib and len(element) == 1 and element[0].tag == _TEXT_TAG:
        text = element[0].text
        return "" if text is None else text
    text = Text.from_tree(element)
    return None if text is None else text.content


def _rows(sheet: Any, limit: int) -> list[list[object]]:
    book = sheet.parent
    if not book.data_only:
        raise Declined  # formulas are read as formulas: openpyxl's whole cell reading
    max_col: int | None = sheet.max_column
    max_row: int | None = sheet.max_row
    width = max_col if max_col is not None else 0
    rows: list[list[object]] = []
    if limit <= 0:
        return rows
    expected = 1  # the number of the next row to give
    number = 1
    with sheet._get_source() as source:
        parser = _RowParser(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            if max_row is not None and number > max_row:
                break
            while expected < number:  # rows the XML leaves out are empty
                rows.append([None] * width)
                expected += 1
                if len(rows) >= limit:
                    return rows
            if expected <= number:
                rows.append(_values(cells, max_col))
                expected += 1
                if len(rows) >= limit:
                    return rows
    if max_row is not None and max_row < number:
        while expected <= max_row and len(rows) < limit:
            rows.append([None] * width)
            expected += 1
    return rows


def _values(cells: list[tuple[int, object]], max_col: int | None) -> list[object]:
    """A row's values placed by column, as wide as the sheet or else as its last cell."""
    if not cells and not max_col:
        return []
    last: int = max_col or cells[-1][0]
    values: list[object] = [None] * last
    for column, value in cells:
        if 1 <= column <= last:
            values[column - 1] = value
    return values
