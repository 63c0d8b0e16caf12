"""A workbook's sheets' values row by row, as openpyxl's ``iter_rows(values_only=True)``
gives them, with the sheets' XML parsed by lxml and no part of openpyxl imported.

openpyxl builds each row with the standard library's pure-Python tree builder
(through defusedxml); that was most of the time spent on a register. Here its cell
reading is done on rows lxml builds, and rows are laid out as openpyxl lays them
out: as wide as the sheet's stated dimension, a row missing from the XML given as an
empty one. The workbook itself (its sheets, shared strings, date styles, stated
dimensions) is opened by :mod:`workbook`, or by openpyxl (:mod:`openpyxlbook`) when
that declines it; either has refused a sheet with a document type declaration before
its rows are read, and entities are not resolved here either. Whatever a cell holds
that is not certainly read as openpyxl reads it raises, and the sheet is
:class:`Declined`: openpyxl reads it, and its answer or error stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from typing import IO, Any
from warnings import warn

from iso20k_cli.evidence.extract.richstrings import rich_text
from iso20k_cli.evidence.extract.safexml import iterparse
from iso20k_cli.evidence.extract.serialdates import WINDOWS_EPOCH, from_excel, from_iso8601
from iso20k_cli.evidence.extract.spreadsheetml import (
    INLINE_STRING,
    ROW_TAG,
    TEXT_TAG,
    VALUE_TAG,
    coordinate_column,
)

_STYLES_KEPT = 4_096  # style numbers' texts remembered per sheet
_DATES_KEPT = 4_096  # converted serial dates remembered per sheet: registers repeat them


def _number(text: str) -> int | float:
    """A number cell's value, as openpyxl casts it."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class Declined(Exception):
    """The sheet could not be read here; openpyxl reads it again and says why."""


class _RowParser:
    """openpyxl's row and cell parsing (``WorkSheetParser``), on rows built by lxml,
    values only.

    A row is a list of (column, value): the cell dictionaries openpyxl builds, its
    rich-text objects for a plain inline string and its per-cell checks for formulas
    (a workbook opened for values has none) cost more than the parse.
    """

    def __init__(
        self,
        source: IO[bytes],
        shared_strings: list[str],
        epoch: dt.datetime = WINDOWS_EPOCH,
        date_formats: frozenset[int] | set[int] = frozenset(),
        timedelta_formats: frozenset[int] | set[int] = frozenset(),
    ) -> None:
        self.source = source
        self.shared_strings = shared_strings
        self.epoch = epoch
        self.date_formats = date_formats
        self.timedelta_formats = timedelta_formats
        self.row_counter = 0
        self.col_counter = 0
        # A style number's text -> (its number, a date, a duration): a sheet has few.
        self._styles: dict[str, tuple[int, bool, bool]] = {}
        self._dates: dict[tuple[int | float, bool], object] = {}

    def parse_row(self, row: Any) -> tuple[int, list[tuple[int, object]]]:
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
        cell = self._cell
        return self.row_counter, [cell(element) for element in row]

    def _style(self, text: str) -> tuple[int, bool, bool]:
        style = int(text)  # openpyxl's error for a style that is no number
        found = (style, style in self.date_formats, style in self.timedelta_formats)
        if len(self._styles) < _STYLES_KEPT:  # "1", "01", "001"... are each a key
            self._styles[text] = found
        return found

    def _cell(self, element: Any) -> tuple[int, object]:
        """(column, value) of a cell, as openpyxl's ``parse_cell`` reads it for values.

        This runs for every cell: children are looked at directly (lxml's ``find`` is
        a path search written in Python), and what a style or a column reference
        means is remembered once worked out."""
        get = element.get
        kind = get("t", "n")
        coordinate = get("r")
        # openpyxl reads a cell without a style as style 0, and one of "" as none.
        style_text = get("s", "0")
        style = None
        if style_text:
            style = self._styles.get(style_text) or self._style(style_text)
        if coordinate:
            letters = coordinate.rstrip(_DIGITS)
            column = _COLUMNS.get(letters)
            if column is None or len(letters) == len(coordinate):
                column = _column(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
        if kind == "inlineStr":
            for child in element:
                if child.tag == INLINE_STRING:
                    return self.col_counter, _inline_text(child)
            return self.col_counter, None
        text = None
        for child in element:
            if child.tag == VALUE_TAG:  # the first, as ``findtext`` finds it
                text = child.text
                break
        if not text:
            return self.col_counter, None
        value: object = text
        if kind == "n":
            value = _number(text)
            if style is not None and style[1]:
                value = self._date(value, style[2], coordinate)
        elif kind == "s":
            value = self.shared_strings[int(text)]
        elif kind == "b":
            value = bool(int(text))
        elif kind == "d":
            value = from_iso8601(text)
        return self.col_counter, value

    def _date(self, serial: float, duration: bool, coordinate: str | None) -> object:
        key = (serial, duration)
        found = self._dates.get(key)
        if found is not None:
            return found
        try:
            found = from_excel(serial, self.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            # openpyxl's reading of a date out of range, its warning included
            warn(
                f"Cell {coordinate} is marked as a date but the serial value {serial} "
                "is outside the limits for dates. The cell will be treated as an error.",
                stacklevel=3,
            )
            return "#VALUE!"
        if len(self._dates) < _DATES_KEPT:
            self._dates[key] = found
        return found

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
    column = coordinate_column(coordinate)
    if letters.isascii() and letters.isalpha() and letters.isupper() and len(letters) <= 3:
        _COLUMNS[letters] = column
    return column


def _inline_text(element: Any) -> object:
    """An inline string's text; openpyxl's rich-text object reads any but the plain kind."""
    if not element.attrib and len(element) == 1 and element[0].tag == TEXT_TAG:
        text = element[0].text
        return "" if text is None else text
    return rich_text(element)


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
