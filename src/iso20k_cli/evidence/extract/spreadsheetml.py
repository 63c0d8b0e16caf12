"""Names and cell references of SpreadsheetML packages (.xlsx), as openpyxl reads them.

The direct workbook reader needs a handful of openpyxl's constants and its reading of
cell and range references; importing any part of openpyxl imports all of it (about
90 ms), so they are kept here instead. The references are read exactly as openpyxl
reads them, its errors included, because a workbook read here must give the values
openpyxl gives.
"""

from __future__ import annotations

import re
from typing import Final

SHEET_MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTYPES_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

ARC_CONTENT_TYPES: Final = "[Content_Types].xml"
ARC_CORE: Final = "docProps/core.xml"
ARC_CUSTOM: Final = "docProps/custom.xml"
ARC_STYLE: Final = "xl/styles.xml"

_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml."
SHARED_STRINGS: Final = _SPREADSHEET + "sharedStrings+xml"
XLSX: Final = _SPREADSHEET + "sheet.main+xml"
XLTX: Final = _SPREADSHEET + "template.main+xml"
XLSM: Final = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLTM: Final = "application/vnd.ms-excel.template.macroEnabled.main+xml"

_MAIN = f"{{{SHEET_MAIN_NS}}}"
ROW_TAG: Final = _MAIN + "row"
VALUE_TAG: Final = _MAIN + "v"
INLINE_STRING: Final = _MAIN + "is"
TEXT_TAG: Final = _MAIN + "t"
DATA_TAG: Final = _MAIN + "sheetData"
DIMENSION_TAG: Final = _MAIN + "dimension"

_LETTERS = {letter: n for n, letter in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1)}
_POWERS = (1, 26, 676)
_DIGITS = "0123456789"
# openpyxl's pattern for a range ("A1:C9", "$A$1", "A:C", "3:5"): anchored, each part
# optional once, so a match costs time in proportion to the reference's length.
_RANGE = re.compile(
    r"^[$]?(?P<min_col>[A-Za-z]{1,3})?[$]?(?P<min_row>\d+)?"
    r"(:[$]?(?P<max_col>[A-Za-z]{1,3})?[$]?(?P<max_row>\d+)?)?$"
)


def column_index(letters: str) -> int:
    """The column numbered by ``letters`` ("A" is 1, "AB" 28), as openpyxl numbers it."""
    message = f"'{letters}' is not a valid column name. Column names are from A to ZZZ"
    if len(letters) > 3:
        raise ValueError(message)
    index = 0
    # upper() as openpyxl uses it, "ß" becoming "SS" included
    for letter, power in zip(reversed(letters.upper()), _POWERS, strict=False):
        position = _LETTERS.get(letter)
        if position is None:
            raise ValueError(message)
        index += position * power
    if not 0 < index < 18279:
        raise ValueError(message)
    return index


def coordinate_column(coordinate: str) -> int:
    """The column of a cell reference ("B12" is 2), read as openpyxl's
    ``coordinate_to_tuple`` reads it, with its errors (the row is checked too)."""
    at = 0
    for at, char in enumerate(coordinate):  # noqa: B007 - the index after the loop is used
        if char in _DIGITS:
            break
    int(coordinate[at:])
    return column_index(coordinate[:at])


def range_boundaries(reference: str) -> tuple[int | None, int | None, int | None, int | None]:
    """(min column, min row, max column, max row) of a range, None for a bound it leaves
    open, as openpyxl's ``range_boundaries`` gives them (its error for a bad one)."""
    message = f"{reference} is not a valid coordinate or range"
    found = _RANGE.match(reference)
    if not found:
        raise ValueError(message)
    min_col, min_row, separator, max_col, max_row = found.groups()
    if separator:
        columns, rows = (min_col, max_col), (min_row, max_row)
        if not (
            all(columns + rows)
            or (all(columns) and not any(rows))
            or (all(rows) and not any(columns))
        ):
            raise ValueError(message)
    first_col = None if min_col is None else column_index(min_col)
    first_row = None if min_row is None else int(min_row)
    last_col = first_col if max_col is None else column_index(max_col)
    last_row = first_row if max_row is None else int(max_row)
    return first_col, first_row, last_col, last_row
