"""Sheet rows are parsed by lxml and laid out as openpyxl lays them out, on every shape of
sheet XML; a sheet lxml cannot read is left to openpyxl, whose answer stands."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from itertools import islice
from pathlib import Path

import openpyxl
import pytest

from factories import write_xlsx
from iso20k_cli.evidence.extract import excel, extract
from iso20k_cli.evidence.extract.sheetrows import Declined, sheet_rows
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import scan


def read(path: Path) -> EvidenceFile:
    candidate = next(c for c in scan(path.parent) if c.rel == path.name)
    return extract(candidate)


def workbook(path: Path, sheet_data: str | None = None, dimension: str | None = None) -> Path:
    """A register written by openpyxl, its first sheet's rows (and stated dimension)
    then replaced by hand; ``{date}`` in the rows stands for the date style's index."""
    write_xlsx(
        path,
        {
            "Register": [
                ["Number", "Opened", "Closed", "Summary"],
                ["INC1", dt.date(2026, 3, 4), True, "Disk full"],
                ["INC2", dt.date(2026, 3, 9), False, "=UPPER(D2)"],
            ]
        },
        {"title": "Incident register"},
    )
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members:
            if name == "xl/worksheets/sheet1.xml":
                xml = blob.decode()
                date_style = re.search(r'<c r="B2" s="(\d+)"', xml)
                assert date_style is not None
                if sheet_data is not None:
                    start, end = xml.index("<sheetData>"), xml.index("</sheetData>")
                    rows = sheet_data.replace("{date}", date_style.group(1))
                    xml = xml[:start] + f"<sheetData>{rows}" + xml[end:]
                if dimension is not None:
                    xml = re.sub(r"<dimension [^>]*/>", dimension, xml)
                blob = xml.encode()
            archive.writestr(name, blob)
    return path


CELLS = (
    '<c r="A1" t="inlineStr"><is><t>Number</t></is></c>'
    '<c r="B1" t="inlineStr"><is><r><t>Ope</t></r><r><t>ned</t></r></is></c>'
)
SHAPES = {
    "as written": (None, None),
    "rows and columns left out": (
        f'<row r="1">{CELLS}</row><row r="4"><c r="D4" t="str"><v>late</v></c></row>'
        '<row r="6"><c r="B6" s="{date}"><v>46100</v></c><c r="C6" t="b"><v>1</v></c></row>',
        None,
    ),
    "no stated dimension": (
        f'<row r="2">{CELLS}</row><row r="5"><c r="F5"><v>2.5E3</v></c></row>',
        "",
    ),
    "a dimension smaller than the rows": (
        f'<row r="1">{CELLS}</row><row r="2"><c r="A2"><v>7</v></c><c r="E2"><v>8</v></c></row>'
        '<row r="3"><c r="A3"><v>9</v></c></row>',
        '<dimension ref="A1:B2"/>',
    ),
    "rows and cells without numbers, a comment": (
        f'<row>{CELLS}</row><row><!-- note --><c><v>1</v></c><c t="e"><v>#N/A</v></c></row>'
        '<row r="4.0"><c t="d"><v>2026-04-01T00:00:00</v></c></row>',
        None,
    ),
    "odd values": (
        '<row r="1"><c r="A1" s="{date}"><v>99999999</v></c>'
        '<c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" t="inlineStr"/>'
        '<c r="D1" t="inlineStr"><is><t>a</t><r><t>b</t></r></is></c><c r="E1"><v>1E3</v></c>'
        '<c r="F1" t="e"><v>#REF!</v></c><c r="G1" s="{date}"><v>0.5</v></c></row>',
        None,
    ),
    "a shared string the workbook lacks": ('<row r="1"><c r="A1" t="s"><v>3</v></c></row>', None),
    "empty": ("", None),
}


# openpyxl warns of the out-of-range date on purpose, and so does the reader that copies it.
@pytest.mark.filterwarnings("ignore:Cell A1 is marked as a date:UserWarning")
@pytest.mark.parametrize("shape", SHAPES)
def test_every_sheet_shape_reads_as_openpyxl_reads_it(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows, dimension = SHAPES[shape]
    path = workbook(tmp_path / "register.xlsx", rows, dimension)
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for limit in (2, 1000):
            for sheet in book.worksheets:
                try:
                    expected = [list(r) for r in islice(sheet.iter_rows(values_only=True), limit)]
                except IndexError:  # a shared string the workbook lacks: openpyxl fails
                    with pytest.raises(Declined):
                        sheet_rows(sheet, limit)
                else:
                    assert sheet_rows(sheet, limit) == expected
    finally:
        book.close()
    fast = read(path)
    monkeypatch.setattr(excel, "extract", excel.extract_with_openpyxl)
    assert fast == read(path)


def test_register_dates_and_entries_come_from_the_rows(tmp_path: Path) -> None:
    file = read(workbook(tmp_path / "register.xlsx"))
    assert file.readable and file.title == "Incident register"
    assert [(t.section, t.header, t.row_count) for t in file.tables] == [
        ("Register", ("Number", "Opened", "Closed", "Summary"), 2)
    ]
    assert "INC2 | 2026-03-09 | False" in file.text


def test_a_damaged_sheet_is_left_to_openpyxl(tmp_path: Path) -> None:
    path = workbook(tmp_path / "register.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row><row>')
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        with pytest.raises(Declined):
            sheet_rows(book.worksheets[0], 1000)
    finally:
        book.close()
    file = read(path)
    assert not file.readable and file.error is not None
    assert "ParseError" in file.error


PROLOGUES = {
    "a document type declaration": '<!DOCTYPE worksheet [<!ENTITY who "Priya">]>',
    "a declared Latin-1 encoding": '<?xml version="1.0" encoding="ISO-8859-1"?>',
    "a declared UTF-8 encoding": '<?xml version="1.0" encoding="utf-8"?>',
}


@pytest.mark.parametrize("prologue", PROLOGUES)
def test_sheets_with_a_prologue_read_as_openpyxl_reads_them(
    prologue: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "register.xlsx")
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members:
            if name == "xl/worksheets/sheet1.xml":
                blob = PROLOGUES[prologue].encode() + blob
            archive.writestr(name, blob)
    fast = read(path)
    assert fast.readable is ("type declaration" not in prologue)
    if not fast.readable:
        assert fast.error is not None and "could not read worksheets" in fast.error
    monkeypatch.setattr(excel, "extract", excel.extract_with_openpyxl)
    assert fast == read(path)
