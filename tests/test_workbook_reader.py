"""Workbooks opened without openpyxl's loader read exactly as openpyxl reads them: every
sheet, cell value (and its type) and document property of every workbook in the test
data and of workbooks made here in every shape the reader meets; the check report on
a folder of them is the same; anything unusual is left to openpyxl, whose answer and
error stand."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from conftest import AS_OF, Invoke
from factories import rewrite_package, write_xlsx
from iso20k_cli.evidence.extract import excel, extract
from iso20k_cli.evidence.extract.excel import MAX_ROWS
from iso20k_cli.evidence.extract.sheetrows import sheet_rows
from iso20k_cli.evidence.extract.workbook import Unusual, open_values
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import scan

ROOT = Path(__file__).resolve().parents[1]
FOUND = sorted(
    path.relative_to(ROOT)
    for folder in ("tests/data", "examples")
    for path in (ROOT / folder).rglob("*.xlsx")
)
PROPERTIES = (
    "title",
    "creator",
    "identifier",
    "version",
    "contentStatus",
    "category",
    "subject",
    "description",
    "keywords",
    "lastModifiedBy",
)

SheetView = tuple[str, int | None, int | None, list[list[tuple[str, object]]]]
View = tuple[list[SheetView], dict[str, object]]


def _typed(rows: list[list[object]]) -> list[list[tuple[str, object]]]:
    # True == 1 and 1 == 1.0 in Python: the type is compared as well as the value.
    return [[(type(value).__name__, value) for value in row] for row in rows]


def _properties(props: Any) -> dict[str, object]:
    found: dict[str, object] = {name: getattr(props, name) for name in PROPERTIES}
    # A workbook without them is stamped "now" by openpyxl, a moment apart between reads.
    found["dates"] = tuple(d.date() for d in (props.created, props.modified))
    return found


def direct(path: Path) -> View:
    book = open_values(path)
    try:
        sheets: list[SheetView] = [
            (s.title, s.max_row, s.max_column, _typed(sheet_rows(s, MAX_ROWS)))
            for s in book.worksheets
        ]
        return sheets, _properties(book.properties)
    finally:
        book.close()


def by_openpyxl(path: Path) -> View:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        # openpyxl warns of the parts it drops (an extension it does not know); the tool
        # reads values only, as this reference does, and says nothing of them either.
        warnings.simplefilter("ignore", UserWarning)
        sheets: list[SheetView] = [
            (
                s.title,
                s.max_row,
                s.max_column,
                _typed([list(r) for r in s.iter_rows(values_only=True)]),
            )
            for s in book.worksheets
        ]
        return sheets, _properties(book.properties)
    finally:
        book.close()


def _edit(part: str, edit: Callable[[str], str]) -> Callable[[str, bytes], bytes | None]:
    return lambda name, blob: edit(blob.decode()).encode() if name == part else blob


def _formatted(sheet: Any, row: int, values: list[tuple[object, str]]) -> None:
    for column, (value, number_format) in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.number_format = number_format


def _kinds_book(path: Path, *, mac: bool = False) -> Path:
    """Dates in many formats, times and durations, numbers, booleans, errors, formulas
    without cached values, merged cells, column gaps, hidden and empty sheets, many sheets."""
    book = openpyxl.Workbook()
    if mac:
        book.epoch = CALENDAR_MAC_1904
    dates = book.active
    assert dates is not None
    dates.title = "Dates"
    dates.append(["Opened", "Local", "US", "Stamp", "Time", "Duration", "Month", "Plain"])
    for n in range(1, 30):
        day = dt.date(2026, n % 12 + 1, n % 28 + 1)
        _formatted(
            dates,
            n + 1,
            [
                (day, "yyyy-mm-dd"),
                (day, "dd/mm/yyyy"),
                (day, "[$-409]d-mmm-yy;@"),
                (dt.datetime(2026, 3, n % 28 + 1, n % 24, n % 60, 5), "yyyy-mm-dd h:mm:ss"),
                (dt.time(n % 24, 30), "h:mm"),
                (dt.timedelta(hours=n, minutes=7), "[h]:mm:ss"),
                (day, 'mmm" "yyyy'),
                (day, "General"),
            ],
        )
    numbers = book.create_sheet("Numbers")
    numbers.append(["Int", "Float", "Whole float", "Percent", "Money", "Text", "Big", "Negative"])
    for n in range(1, 20):
        _formatted(
            numbers,
            n + 1,
            [
                (n, "0"),
                (n / 7, "0.00"),
                (float(n), "General"),
                (n / 100, "0%"),
                (n * 1000.5, "#,##0.00"),
                (f"{n:04}", "@"),
                (10**15 + n, "General"),
                (-n, '"$"#,##0_);[Red]("$"#,##0)'),
            ],
        )
    flags = book.create_sheet("Flags")
    flags.append(["Done", "Error", None, None, None, "Far"])
    flags.append([True, "#N/A", None, None, None, "F"])
    flags.append([False, "#DIV/0!", None, None, None, None])
    flags.append([None, "#REF!", "=A2", "=1+1", "=SUM(A1:A3)"])
    flags["A8"] = "Merged block"
    flags.merge_cells("A8:C9")
    flags["H12"] = "corner"
    hidden = book.create_sheet("Hidden")
    hidden.append(["Secret", dt.date(2026, 1, 2)])
    hidden.sheet_state = "hidden"
    very = book.create_sheet("Very hidden")
    very.append(["Deep", 3])
    very.sheet_state = "veryHidden"
    book.create_sheet("Empty")
    for n in range(30):
        extra = book.create_sheet(f"Log {n:02}")
        extra.append(["Entry", "Date"])
        extra.append([f"E{n}", dt.date(2026, 5, n % 28 + 1)])
    props = book.properties
    props.title = "Kinds of cell"
    props.creator = "Priya Shah"
    props.identifier = "REG-7"
    props.version = "2.1"
    props.contentStatus = "Approved"
    props.category = "Register"
    props.created = dt.datetime(2026, 2, 3, 4, 5, 6)
    props.modified = dt.datetime(2026, 2, 4)
    book.save(path)
    return path


SHARED = (
    "<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' count='7' "
    "uniqueCount='7'>"
    "<si><t>Number</t></si>"
    "<si><t xml:space='preserve'> Opened </t></si>"
    "<si><r><t>Disk </t></r><r><rPr><b/><sz val='11'/></rPr><t>full</t></r></si>"
    "<si><t>東京</t><rPh sb='0' eb='2'><t>トウキョウ</t></rPh><phoneticPr fontId='1'/></si>"
    "<si><t>under_x005F_score</t></si>"
    "<si><t/></si>"
    "<si><r><t>only run</t></r><rPh sb='0' eb='1'><t>x</t></rPh></si>"
    "</sst>"
)
HAND_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="{date}"><v>46100</v></c>'
    '<c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c></row>'
    '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
    '<c r="C3" t="b"><f>TRUE()</f><v>1</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    '<row r="5"><c r="A5"><f>A3*2</f></c><c r="C5" t="inlineStr"><is><r><t>in</t></r>'
    '<r><t>line</t></r></is></c><c r="E5" t="inlineStr"><is><t>plain</t></is></c></row>'
)


def _hand_book(path: Path, *, dimension: str | None = "A1:E5", padding: int = 0) -> Path:
    """Shared strings (plain, rich, phonetic, escaped, empty), formulas with and without
    cached values, rich inline strings; the sheet's dimension stated or left out, and
    ``padding`` characters of comment before it."""
    write_xlsx(path, {"Register": [["x", dt.date(2026, 3, 4)]]}, {"title": "Hand made"})

    def change(name: str, blob: bytes) -> bytes | None:
        text = blob.decode()
        if name == "xl/worksheets/sheet1.xml":
            found = re.search(r'<c r="B1" s="(\d+)"', text)
            assert found is not None
            start, end = text.index("<sheetData>"), text.index("</sheetData>")
            rows = HAND_ROWS.replace("{date}", found.group(1))
            text = text[:start] + f"<sheetData>{rows}" + text[end:]
            stated = f'<dimension ref="{dimension}"/>' if dimension else ""
            text = re.sub(r"<dimension [^>]*/>", f"<!--{' ' * padding}-->{stated}", text)
        elif name == "[Content_Types].xml":
            text = text.replace(
                "</Types>",
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        elif name == "xl/_rels/workbook.xml.rels":
            text = text.replace(
                "</Relationships>",
                '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                "</Relationships>",
            )
        return text.encode()

    rewrite_package(path, change)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", SHARED)
    return path


def _without_properties(path: Path) -> Path:
    """No document properties part: openpyxl's defaults stand in for them."""
    write_xlsx(path, {"Sheet": [["Owner", "Due"], ["Ops", dt.date(2026, 6, 1)]]})

    def change(name: str, blob: bytes) -> bytes | None:
        if name == "docProps/core.xml":
            return None
        if name in ("[Content_Types].xml", "_rels/.rels"):
            return re.sub(rb"<[^<>]*docProps/core\.xml[^<>]*/>", b"", blob)
        return blob

    return rewrite_package(path, change)


def _serials_book(path: Path, *, mac: bool = False) -> Path:
    """Serial numbers under date, time-only and duration formats, around Excel's
    29 February 1900 and below one day, in either date system."""
    book = openpyxl.Workbook()
    if mac:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet.append(["Serial", "Date", "Stamp", "Time", "Elapsed", "Minutes", "Seconds"])
    serials = [*range(0, 70), 0.25, 0.999988, 59.5, 60.5, 61.25, 1e-6, 366.0, 1462.5, 46100.75]
    for row, serial in enumerate(serials, start=2):
        _formatted(
            sheet,
            row,
            [
                (serial, "General"),
                (serial, "yyyy-mm-dd"),
                (serial, "yyyy-mm-dd hh:mm:ss"),
                (serial, "h:mm:ss"),
                (serial, "[h]:mm:ss"),
                (serial, "[mm]:ss"),
                (serial, "[ss].000"),
            ],
        )
    book.save(path)
    return path


def _rich_book(path: Path) -> Path:
    """Rich-text strings as openpyxl writes them, shared and inline, with custom
    document properties of every kind and properties with odd values."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.packaging.custom import (
        BoolProperty,
        DateTimeProperty,
        FloatProperty,
        IntProperty,
        StringProperty,
    )
    from openpyxl.styles.colors import Color

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    bold = InlineFont(b=True, sz=11, rFont="Calibri", color=Color("FFFF0000"), u="single")
    small = InlineFont(i=True, vertAlign="superscript", family=2, scheme="minor", charset=1)
    sheet.append(["Summary", "Note"])
    sheet.append([CellRichText("Disk ", TextBlock(bold, "full"), " now"), "plain"])
    sheet.append([CellRichText(TextBlock(small, "only"), TextBlock(bold, " runs")), ""])
    for prop in (
        StringProperty(name="Owner", value="Service desk"),
        IntProperty(name="Revision", value=-3),
        FloatProperty(name="Score", value=2.5),
        BoolProperty(name="Approved", value=True),
        DateTimeProperty(name="Reviewed", value=dt.datetime(2026, 1, 2, 3, 4, 5)),
    ):
        whole: Any = book  # its custom properties are out of openpyxl's stubs
        whole.custom_doc_props.append(prop)
    props = book.properties
    props.title = "  Rich <register> & more  "
    props.creator = ""
    props.keywords = "é ☃ 東京"
    props.created = dt.datetime(1900, 1, 1)
    book.save(path)
    return path


MADE: dict[str, Callable[[Path], Path]] = {
    "serials around 1900-03-01 in the 1900 system": _serials_book,
    "serials in the 1904 system": lambda path: _serials_book(path, mac=True),
    "rich text and custom properties": _rich_book,
    "kinds of cell": _kinds_book,
    "1904 date system": lambda path: _kinds_book(path, mac=True),
    "shared strings and cached formulas": _hand_book,
    "no stated dimension": lambda path: _hand_book(path, dimension=None),
    "a dimension of whole columns": lambda path: _hand_book(path, dimension="A:D"),
    "a dimension past the sheet's first kilobytes": lambda path: _hand_book(path, padding=5000),
    "a dimension smaller than the rows": lambda path: _hand_book(path, dimension="A1:B2"),
    "no document properties": _without_properties,
}


FORMATS = (
    "General",
    "0.00",
    "yyyy-mm-dd",
    "dd/mm/yyyy",
    "[$-409]d-mmm-yy;@",
    "h:mm:ss",
    "[h]:mm",
    "[mm]:ss",
    "@",
    '"Day "0',
    "[Red]0.00;[Blue]-0.00",
    'yyyy"年"m"月"d"日"',
    "mmmm d, yyyy h:mm AM/PM",
    "0.0E+00",
    "\\d0",
)


def _value(pick: random.Random) -> object:
    return pick.choice(
        [
            None,
            pick.randint(-(10**6), 10**6),
            pick.random() * 1e5,
            pick.random() < 0.5,
            "#N/A",
            f"text {pick.random()}",
            dt.date(1900 + pick.randrange(200), pick.randint(1, 12), pick.randint(1, 28)),
            dt.datetime(2026, 1, 1, pick.randrange(24), pick.randrange(60)),
            dt.time(pick.randrange(24), pick.randrange(60)),
        ]
    )


# A negative number under a date format is out of range: both readers warn on purpose.
@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")
@pytest.mark.parametrize("seed", range(12))
def test_a_workbook_of_mixed_cells_reads_as_openpyxl_reads_it(seed: int, tmp_path: Path) -> None:
    """Each kind of value under each number format, scattered over sheets, in either
    date system."""
    pick = random.Random(seed)
    book = openpyxl.Workbook()
    if seed % 3 == 0:
        book.epoch = CALENDAR_MAC_1904
    for number in range(pick.randint(1, 4)):
        sheet = book.active if number == 0 else book.create_sheet(f"Sheet {number}")
        assert sheet is not None
        for _ in range(pick.randint(0, 40)):
            cell = sheet.cell(row=pick.randint(1, 40), column=pick.randint(1, 12))
            cell.value = _value(pick)
            cell.number_format = pick.choice(FORMATS)
        if number and pick.random() < 0.3:
            sheet.sheet_state = "hidden"
    book.save(tmp_path / "mixed.xlsx")
    assert direct(tmp_path / "mixed.xlsx") == by_openpyxl(tmp_path / "mixed.xlsx")


@pytest.mark.parametrize("made", MADE)
def test_a_made_workbook_reads_as_openpyxl_reads_it(made: str, tmp_path: Path) -> None:
    path = MADE[made](tmp_path / "book.xlsx")
    assert direct(path) == by_openpyxl(path)


@pytest.mark.parametrize("found", FOUND, ids=str)
def test_every_workbook_in_the_test_data_reads_as_openpyxl_reads_it(found: Path) -> None:
    try:
        view = direct(ROOT / found)
    except Unusual:
        # A shape the direct reader leaves to openpyxl (print titles, which openpyxl
        # reads into the sheet): the tool reads it with openpyxl, every sheet of it.
        sheets, _ = by_openpyxl(ROOT / found)
        read = _evidence(ROOT / found)
        assert [s.heading for s in read.sections] == [title for title, *_ in sheets]
        return
    assert view == by_openpyxl(ROOT / found)


def test_made_values_are_the_kinds_intended(tmp_path: Path) -> None:
    sheets, props = direct(_kinds_book(tmp_path / "kinds.xlsx"))
    by_title = {title: rows for title, _, _, rows in sheets}
    assert len(sheets) == 36 and "Hidden" in by_title and by_title["Empty"] == []
    assert by_title["Dates"][1][:6] == [
        ("datetime", dt.datetime(2026, 2, 2)),
        ("datetime", dt.datetime(2026, 2, 2)),
        ("datetime", dt.datetime(2026, 2, 2)),
        ("datetime", dt.datetime(2026, 3, 2, 1, 1, 5)),
        ("time", dt.time(1, 30)),
        ("timedelta", dt.timedelta(hours=1, minutes=7)),
    ]
    assert by_title["Flags"][1][:2] == [("bool", True), ("str", "#N/A")]
    assert by_title["Flags"][3][3] == ("NoneType", None)  # a formula without its value
    assert props["title"] == "Kinds of cell" and props["creator"] == "Priya Shah"
    hand, _ = direct(_hand_book(tmp_path / "hand.xlsx"))
    assert [row[:4] for row in hand[0][3]] == [
        [("str", "Number"), ("str", " Opened "), ("str", "Disk full"), ("str", "東京")],
        [
            ("str", "under_score"),
            ("datetime", dt.datetime(2026, 3, 19)),
            ("str", ""),
            ("str", "only run"),
        ],
        [("int", 2), ("str", "ab"), ("bool", True), ("str", "#DIV/0!")],
        [("NoneType", None)] * 4,
        [("NoneType", None), ("NoneType", None), ("str", "inline"), ("NoneType", None)],
    ]


def _evidence(path: Path) -> EvidenceFile:
    candidate = next(c for c in scan(path.parent) if c.rel == path.name)
    return extract(candidate)


def _refuse(path: Path) -> Any:
    raise Unusual("read by openpyxl's loader")


def test_the_check_report_is_the_same_with_either_reader(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    for n, make in enumerate(MADE.values()):
        make(folder / f"register-{n}.xlsx")
    for found in FOUND:
        shutil.copy(ROOT / found, folder / found.name)
    args = ("check", folder, "--format", "json", "--as-of", AS_OF, "--no-cache", "--exit-zero")
    fast = cli(*args)
    monkeypatch.setattr(excel, "open_values", _refuse)
    slow = cli(*args)
    assert fast.exit_code == slow.exit_code == 0
    report = json.loads(fast.stdout)
    assert fast.stdout == slow.stdout
    assert "Kinds of cell" in fast.stdout and "Asset-Register-2026.xlsx" in fast.stdout
    assert report["schema_version"] == 1


def _strict(path: Path) -> Path:
    write_xlsx(path, {"Register": [["Number", "Opened"], ["INC1", dt.date(2026, 3, 4)]]})
    transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    to_strict = _edit("xl/workbook.xml", lambda xml: xml.replace(transitional, strict))
    return rewrite_package(path, to_strict)


def _damaged_styles(path: Path) -> Path:
    write_xlsx(path, {"Register": [["Number", "Opened"], ["INC1", dt.date(2026, 3, 4)]]})
    return rewrite_package(path, _edit("xl/styles.xml", lambda xml: xml[: len(xml) // 2]))


def _entity_in_strings(path: Path) -> Path:
    _hand_book(path)
    doctype = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY who "Priya">]>'
    return rewrite_package(path, _edit("xl/sharedStrings.xml", lambda xml: doctype + xml))


def _chart_sheet(path: Path) -> Path:
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for n in range(1, 5):
        sheet.append([n, n * n])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
    book.create_chartsheet("Chart").add_chart(chart)
    book.save(path)
    return path


def _latin1_sheet(path: Path) -> Path:
    write_xlsx(path, {"Register": [["Number", "Opened"], ["INC1", dt.date(2026, 3, 4)]]})
    prologue = '<?xml version="1.0" encoding="ISO-8859-1"?>'
    return rewrite_package(path, _edit("xl/worksheets/sheet1.xml", lambda xml: prologue + xml))


UNUSUAL: dict[str, Callable[[Path], Path]] = {
    "strict OOXML": _strict,
    "a damaged styles part": _damaged_styles,
    "an entity in the shared strings": _entity_in_strings,
    "a chart sheet": _chart_sheet,
    "a sheet in Latin-1": _latin1_sheet,
}


@pytest.mark.parametrize("unusual", UNUSUAL)
def test_an_unusual_workbook_is_left_to_openpyxl(
    unusual: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = UNUSUAL[unusual](tmp_path / "register.xlsx")
    with pytest.raises(Unusual):
        open_values(path).close()
    fallen_back = _evidence(path)
    monkeypatch.setattr(excel, "open_values", _refuse)
    assert fallen_back == _evidence(path)


def test_a_broken_workbook_keeps_openpyxl_s_message(tmp_path: Path) -> None:
    file = _evidence(_damaged_styles(tmp_path / "register.xlsx"))
    assert not file.readable and file.error is not None
    assert file.error.startswith("could not be read: XMLSyntaxError")
    file = _evidence(_entity_in_strings(tmp_path / "strings.xlsx"))
    assert not file.readable and file.error is not None


def test_a_workbook_too_big_to_read_whole_is_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iso20k_cli.evidence.extract import workbook

    path = _kinds_book(tmp_path / "kinds.xlsx")
    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 512)
    with pytest.raises(Unusual, match="too big"):
        open_values(path)
    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 16 * 1024 * 1024)
    monkeypatch.setattr(workbook, "MAX_SHARED_STRINGS", 3)
    with pytest.raises(Unusual, match="too many shared strings"):
        open_values(_hand_book(tmp_path / "hand.xlsx"))
