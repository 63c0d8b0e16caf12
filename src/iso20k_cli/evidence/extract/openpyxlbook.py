"""A workbook opened by openpyxl's loader for values, for one the direct reader
(:mod:`workbook`) leaves to openpyxl; its sheets' rows are then read by
:func:`sheetrows.sheet_rows` as a direct reader's are.

openpyxl opens each sheet of a read-only workbook to find its stated dimension,
parsing with the standard library's tree builder up to the end of the sheet's data
when the sheet is small; here lxml reads up to the dimension only. This module
imports openpyxl (about 90 ms): it is imported only when a workbook needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.reader.excel import ExcelReader
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.dimensions import SheetDimension

from iso20k_cli.evidence.extract.safexml import iterparse
from iso20k_cli.evidence.extract.spreadsheetml import DATA_TAG, DIMENSION_TAG


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
