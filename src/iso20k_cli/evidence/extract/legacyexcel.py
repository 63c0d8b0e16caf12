"""Legacy Excel (.xls, the BIFF format of Excel 97–2003) evidence, read with xlrd as the
Excel reader reads a workbook.

Each sheet's rows are read with their typed values (a date cell as a date, in the
workbook's date system; a whole number as an int, as openpyxl gives it; an error
as Excel shows it, "#N/A") and handed to :func:`excel.read_book`, so captions,
header rows, date columns, control rows and revision histories are found as in an
.xlsx. Sheets are loaded one at a time and let go once read. The format keeps
no title or dates that xlrd reads; the name of the user who saved it is its author.

A file named .xls that is a zip package (an .xlsx renamed) is read as one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import xlrd
from xlrd.biffh import (
    XL_CELL_BLANK,
    XL_CELL_BOOLEAN,
    XL_CELL_DATE,
    XL_CELL_EMPTY,
    XL_CELL_ERROR,
    XL_CELL_NUMBER,
    XLRDError,
    error_text_from_code,
)
from xlrd.compdoc import CompDocError
from xlrd.xldate import XLDateError, xldate_as_datetime

from iso20k_cli.evidence.extract import excel
from iso20k_cli.evidence.extract.base import Extracted, Unreadable
from iso20k_cli.evidence.extract.excel import BookProperties, read_book
from iso20k_cli.evidence.extract.odfpackage import MAX_CELLS, MAX_COLUMNS
from iso20k_cli.evidence.extract.workbook import MAX_SHEETS
from iso20k_cli.evidence.scan import Candidate

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _Quiet:
    """Where xlrd writes its warnings: nowhere (they would land in the report's output)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        """Nothing is kept."""


@dataclass
class _Sheet:
    book: xlrd.Book
    index: int
    title: str
    budget: list[int]
    """Cells still to read in the workbook, shared by its sheets."""
    max_row: int = 0


@dataclass
class _Book:
    book: xlrd.Book
    properties: BookProperties
    worksheets: list[_Sheet] = field(default_factory=list)

    def close(self) -> None:
        self.book.release_resources()


def _whole(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _value(kind: int, value: Any, datemode: Literal[0, 1]) -> object:
    if kind in (XL_CELL_EMPTY, XL_CELL_BLANK):
        return None
    if kind == XL_CELL_NUMBER:
        return _whole(float(value))
    if kind == XL_CELL_DATE:
        try:
            return xldate_as_datetime(value, datemode)
        except (XLDateError, ValueError, OverflowError):
            return _whole(float(value))  # a serial out of the date range stays a number
    if kind == XL_CELL_BOOLEAN:
        return bool(value)
    if kind == XL_CELL_ERROR:
        return error_text_from_code.get(value, "#ERROR!")
    return value if isinstance(value, str) else str(value)


def _load(path: Path) -> _Book:
    with path.open("rb") as stream:
        head = stream.read(len(_OLE2))
    # BIFF files older than Excel 97 start with their first record, not a container.
    if not head.startswith(_OLE2) and head[:2] not in (b"\x09\x00", b"\x09\x02", b"\x09\x04"):
        raise Unreadable("not a legacy Excel workbook (it does not start as one)")
    try:
        book = xlrd.open_workbook(
            str(path),
            logfile=_Quiet(),
            on_demand=True,
            formatting_info=False,
            ragged_rows=True,
        )
    except XLRDError as exc:
        message = str(exc)
        if "encrypted" in message.lower():
            raise Unreadable("password-protected (encrypted); save an unprotected copy") from None
        raise Unreadable(f"not a readable legacy Excel workbook ({message[:200]})") from None
    except CompDocError as exc:
        raise Unreadable(f"a damaged legacy Excel file ({str(exc)[:200]})") from None
    except (EOFError, IndexError, ValueError, AssertionError, KeyError) as exc:
        raise Unreadable(
            f"a damaged or truncated legacy Excel file ({type(exc).__name__})"
        ) from None
    properties = BookProperties(creator=book.user_name or None)
    loaded = _Book(book, properties)
    budget = [MAX_CELLS]
    for index, name in enumerate(book.sheet_names()[:MAX_SHEETS]):
        loaded.worksheets.append(_Sheet(book, index, name, budget))
    return loaded


def _rows(sheet: _Sheet, limit: int) -> list[list[object]]:
    """Up to ``limit`` rows of the sheet's values, the sheet let go of once read."""
    book = sheet.book
    try:
        loaded = book.sheet_by_index(sheet.index)
    except (XLRDError, CompDocError, EOFError, IndexError, ValueError, AssertionError) as exc:
        raise Unreadable(
            f'its sheet "{sheet.title}" is damaged ({type(exc).__name__}: {str(exc)[:160]})'
        ) from None
    try:
        sheet.max_row = loaded.nrows
        rows: list[list[object]] = []
        budget = sheet.budget
        for number in range(min(loaded.nrows, limit)):
            width = min(loaded.row_len(number), MAX_COLUMNS)
            if budget[0] < width:
                break
            budget[0] -= width
            kinds = loaded.row_types(number, 0, width)
            values = loaded.row_values(number, 0, width)
            row = [_value(k, v, book.datemode) for k, v in zip(kinds, values, strict=True)]
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
        return rows
    finally:
        book.unload_sheet(sheet.index)


def extract(candidate: Candidate) -> Extracted:
    with candidate.path.open("rb") as stream:
        if stream.read(len(_ZIP)) == _ZIP:
            return excel.extract(candidate)  # an .xlsx named .xls
    return read_book(candidate, _load, _rows)
