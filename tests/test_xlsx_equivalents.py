"""The direct .xlsx reader's own equivalents of openpyxl's pieces (number format tests,
serial and ISO 8601 dates, rich-text strings, document properties, cell references)
give what openpyxl gives, compared with openpyxl itself on many inputs, odd ones
included; where ours declines, openpyxl is left to read. A normal workbook is read
without importing openpyxl at all."""

from __future__ import annotations

import datetime as dt
import math
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.packaging.core import DocumentProperties
from openpyxl.packaging.custom import CustomPropertyList
from openpyxl.styles import numbers
from openpyxl.utils import cell as cells
from openpyxl.utils import datetime as openpyxl_dates

from factories import rewrite_package, write_xlsx
from folders import in_fresh_process
from iso20k_cli.evidence.extract import docprops, numberformats, serialdates, spreadsheetml
from iso20k_cli.evidence.extract.richstrings import NotCertain, rich_text

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _outcome(read: Any, *args: Any, **kwargs: Any) -> tuple[str, object]:
    """What a reader gives (and its type), or "error": any error sends the workbook or
    sheet to openpyxl, whose own error then stands."""
    try:
        value = read(*args, **kwargs)
    except Exception:  # noqa: BLE001 - that there is one is compared
        return ("error", None)
    return (type(value).__name__, value)


# --- number formats --------------------------------------------------------------

CODES = [
    *numbers.BUILTIN_FORMATS.values(),
    "yyyy-mm-dd", '"Day "0', "[Red]0.00;[Blue]-0.00", 'yyyy"年"m"月"d"日"', "\\d0", "_d",
    "[$-409]d-mmm-yy;@", "[h]:mm:ss", "[H]:MM", "[hh]", "[HH]:mm", "[hH]", "[mm]:ss",
    "[M]", "[ss].0", "[S]", "[ſ]", "[ſS]", "[hm]", "[h", "h]", "[]", "[[h]]", '"d',
    '"d\nd"0', '"a"d"b"', "0;d", ";d", "d;0", "General", "@", "0.0E+00", "[Red]", "[$€]0",
    '"', "[", "]", "[[[[", '""""', "\\\\d", "_\\d", "#,##0_);(#,##0)", "mm:ss.0", "",
]  # fmt: skip
ALPHABET = 'dmhysDMHYS_\\"[]$-;0:.ſ\nHhMm @#'


def _random_codes(count: int) -> list[str]:
    pick = random.Random(20)
    return [
        "".join(pick.choice(ALPHABET) for _ in range(pick.randint(0, 14))) for _ in range(count)
    ]


@pytest.mark.parametrize("code", [*CODES, None])
def test_a_number_format_is_a_date_or_a_duration_as_openpyxl_decides(code: str | None) -> None:
    assert numberformats.is_date_format(code) == numbers.is_date_format(code)
    assert numberformats.is_timedelta_format(code) == numbers.is_timedelta_format(code)


def test_random_format_codes_are_tested_as_openpyxl_tests_them() -> None:
    codes = _random_codes(20_000)
    dates = [c for c in codes if numbers.is_date_format(c)]
    assert [c for c in codes if numberformats.is_date_format(c)] == dates
    durations = [c for c in codes if numbers.is_timedelta_format(c)]
    assert [c for c in codes if numberformats.is_timedelta_format(c)] == durations
    assert dates and durations and len(dates) < len(codes)


def test_the_built_in_formats_are_openpyxl_s() -> None:
    assert numberformats.BUILTIN_FORMATS == numbers.BUILTIN_FORMATS
    assert numberformats.is_date_format("yyyy-mm-dd")
    assert not numberformats.is_date_format('"day"0')
    assert numberformats.is_timedelta_format("[h]:mm")
    assert not numberformats.is_timedelta_format("h:mm")


def test_a_long_crafted_format_code_is_tested_in_one_pass() -> None:
    # Unclosed brackets and quotes are what make a careless scan quadratic.
    for code in ("[" * 200_000, '"\n' * 100_000, "[h" * 100_000, "_d" * 100_000, "[a" * 100_000):
        assert numberformats.is_date_format(code[:300]) == numbers.is_date_format(code[:300])
        numberformats.is_date_format(code)
        numberformats.is_timedelta_format(code)


# --- serial dates ----------------------------------------------------------------

SERIALS: list[float] = [
    *range(-2, 75),
    0.0, 0.25, 0.5, 0.999988, 0.99999999, 1e-9, -0.5, 59.5, 59.99999, 60.0, 60.25, 60.5, 61.0,
    1461.0, 1462.5, 25569.0, 46100, 46100.999994, 2958465, 2958465.9999, 2958466, 1e12,
    float("nan"), float("inf"), -float("inf"), 1.5e-3, 12345.678901,
]  # fmt: skip


@pytest.mark.parametrize("epoch", ["1900", "1904"])
@pytest.mark.parametrize("duration", [False, True])
def test_serial_dates_convert_as_openpyxl_converts_them(epoch: str, duration: bool) -> None:
    ours = serialdates.WINDOWS_EPOCH if epoch == "1900" else serialdates.MAC_EPOCH
    theirs = openpyxl_dates.WINDOWS_EPOCH if epoch == "1900" else openpyxl_dates.MAC_EPOCH
    pick = random.Random(epoch + str(duration))
    values = [*SERIALS, *(pick.uniform(-100, 80_000) for _ in range(2000))]
    for value in values:
        mine = _outcome(serialdates.from_excel, value, ours, timedelta=duration)
        reference = _outcome(openpyxl_dates.from_excel, value, theirs, timedelta=duration)
        if isinstance(value, float) and math.isnan(value):
            assert mine[0] == reference[0] == "error"
        else:
            assert mine == reference, value


def test_the_1900_leap_year_bug_is_kept_in_the_1900_system_only() -> None:
    windows, mac = serialdates.WINDOWS_EPOCH, serialdates.MAC_EPOCH
    assert serialdates.from_excel(59, windows) == dt.datetime(1900, 2, 28)
    assert serialdates.from_excel(61, windows) == dt.datetime(1900, 3, 1)
    # Excel's 29 February 1900, which never was, reads as the 28th
    assert serialdates.from_excel(60, windows) == dt.datetime(1900, 2, 28)
    assert serialdates.from_excel(60.5, windows) == dt.datetime(1900, 2, 28, 12)
    assert serialdates.from_excel(1, windows) == dt.datetime(1900, 1, 1)
    assert serialdates.from_excel(59, mac) == dt.datetime(1904, 2, 29)
    assert serialdates.from_excel(0.5, windows) == dt.time(12)
    assert serialdates.from_excel(1.5, mac, timedelta=True) == dt.timedelta(days=1, hours=12)


ISO_TEXTS = [
    "2026-03-04", "2026-03-04T10:11:12", "2026-03-04T10:11:12Z", "2026-03-04T10:11:12.5",
    "2026-03-04T10:11:12.123Z", "2026-03-04 10:11", "10:11", "10:11:12.25", "T10:11",
    "PT1H", "PT2M", "PT1H2M3.5S", "PT3.25S", "PT", "P1D", "", "garbage", "2026-13-01",
    "2026-02-30", "2026-03-04T25:00", "Z", "T", "2026-03-04T10:11:12+02:00", "٢٠٢٦-٠٣-٠٤",
    "2026-03-04garbage", "PT99999999999H",
]  # fmt: skip


@pytest.mark.parametrize("text", ISO_TEXTS)
def test_iso_8601_values_read_as_openpyxl_reads_them(text: str) -> None:
    assert _outcome(serialdates.from_iso8601, text) == _outcome(openpyxl_dates.from_ISO8601, text)


# --- cell references ---------------------------------------------------------------

REFERENCES = [
    "A1", "B12", "$B$12", "b12", "XFD1048576", "ZZZ1", "AAAA1", "A0", "A01", "1", "A",
    "", "ß1", "A1_0", "A ٣", "A1:C9", "A:C", "3:5", "A1:C", "$A$1:$C$9", "A1:", ":", "a1:c9",
    "A1:B2:C3", "Z", "12A",
]  # fmt: skip


@pytest.mark.parametrize("reference", REFERENCES)
def test_cell_and_range_references_read_as_openpyxl_reads_them(reference: str) -> None:
    theirs = _outcome(lambda r: cells.coordinate_to_tuple(r)[1], reference)
    assert _outcome(spreadsheetml.coordinate_column, reference) == theirs
    theirs = _outcome(cells.range_boundaries, reference)
    assert _outcome(spreadsheetml.range_boundaries, reference) == theirs


# --- rich-text strings -------------------------------------------------------------

RUN_PROPERTIES = [
    '<b/>', '<b val="0"/>', '<i val="true"/>', '<strike/>', '<sz val="11"/>', '<sz val="10.5"/>',
    '<color rgb="FFFF0000"/>', '<color rgb="FF0000"/>', '<color theme="1"/>',
    '<color theme="1" tint="-0.249977111117893"/>', '<color indexed="64"/>', '<color auto="1"/>',
    '<rFont val="Calibri"/>', '<family val="2"/>', '<scheme val="minor"/>', '<u/>',
    '<u val="double"/>', '<vertAlign val="superscript"/>', '<charset val="128"/>',
    '<outline/>', '<shadow val="1"/>', '<condense/>', '<extend/>', '<sz/>',
]  # fmt: skip
ODD_PROPERTIES = [
    '<sz val="big"/>', '<color rgb="red"/>', '<color theme="x"/>', '<color tint="3"/>',
    '<family val="20"/>', '<u val="wavy"/>', '<vertAlign val="up"/>', '<scheme val="body"/>',
    '<name val="Arial"/>', '<charset val="-1"/>', '<b foo="1"/>', '<x:b xmlns:x="urn:x"/>',
    '<color type="rgb"/>', '<family val="1e1"/>',
]  # fmt: skip
PARTS = [
    "<t>plain</t>", "<t/>", '<t xml:space="preserve"> spaced </t>',
    "<r><t>run</t></r>", "<r><t/></r>", "<r></r>", "<r><rPr>{props}</rPr><t>bold</t></r>",
    '<rPh sb="0" eb="1"><t>ふり</t></rPh>', '<phoneticPr fontId="1"/>',
    '<phoneticPr fontId="1" type="noConversion" alignment="left"/>',
    '<rPh sb="x" eb="1"><t>a</t></rPh>', "<rPh><t>a</t></rPh>", '<rPh sb="0" eb="1"/>',
    '<phoneticPr type="Hiragana"/>', '<phoneticPr fontId="1" type="odd"/>', "<extLst/>",
    '<r foo="1"><t>a</t></r>', '<x:t xmlns:x="urn:x">other</x:t>', "<r><t>a</t><b/></r>",
]  # fmt: skip


def _strings(count: int) -> list[str]:
    pick = random.Random(7)
    made: list[str] = []
    for _ in range(count):
        parts = []
        for _ in range(pick.randint(0, 4)):
            part = pick.choice(PARTS)
            props = pick.sample(RUN_PROPERTIES, pick.randint(0, 6))
            if pick.random() < 0.15:
                props.append(pick.choice(ODD_PROPERTIES))
            parts.append(part.replace("{props}", "".join(props)))
        attribute = ' count="1"' if pick.random() < 0.05 else ""
        made.append(f'<si xmlns="{MAIN}"{attribute}>{"".join(parts)}</si>')
    return made


def test_rich_strings_read_as_openpyxl_reads_them() -> None:
    read = 0
    for xml in _strings(3000):
        try:
            mine = rich_text(etree.fromstring(xml))
        except NotCertain:
            continue  # openpyxl reads this one itself
        read += 1
        # openpyxl's reading is on its own copy: it edits the tree it is given.
        theirs: Any = Text.from_tree(_openpyxl_tree(xml.encode()))
        assert mine == theirs.content, xml
    assert read > 1000  # the common shapes are read here, not left to openpyxl


def test_a_rich_string_with_every_run_property_is_read_here() -> None:
    props = "".join(RUN_PROPERTIES)
    xml = (
        f'<si xmlns="{MAIN}"><r><rPr>{props}</rPr><t>Disk </t></r><r><t>full</t></r>'
        '<rPh sb="0" eb="1"><t>x</t></rPh><phoneticPr fontId="1"/></si>'
    )
    assert rich_text(etree.fromstring(xml)) == "Disk full"
    for odd in ODD_PROPERTIES:
        with pytest.raises(NotCertain):
            rich_text(etree.fromstring(f'<si xmlns="{MAIN}"><r><rPr>{odd}</rPr><t>a</t></r></si>'))


# --- document properties -----------------------------------------------------------

CORE_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.'
    'org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"{attributes}>'
)
CORE_PARTS = [
    "<dc:title>Register</dc:title>", "<dc:title></dc:title>", "<dc:title>  </dc:title>",
    "<dc:creator>Priya Shah</dc:creator>", "<dc:identifier>REG-7</dc:identifier>",
    "<cp:version>2.1</cp:version>", "<cp:contentStatus>Approved</cp:contentStatus>",
    "<cp:category>Register</cp:category>", "<cp:keywords>a, b</cp:keywords>",
    "<dc:subject>S</dc:subject>", "<dc:description>D &amp; E</dc:description>",
    "<cp:lastModifiedBy>Jo</cp:lastModifiedBy>", "<cp:revision>3</cp:revision>",
    "<dc:language>en-GB</dc:language>", "<cp:title>Namespace of another kind</cp:title>",
    '<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-03T04:05:06Z</dcterms:created>',
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-04T00:00:00Z</dcterms:modified>',
    "<dcterms:modified>2026-02-04T10:11:12.5</dcterms:modified>",
    "<dcterms:created>2026-02-03</dcterms:created>", "<dcterms:created>soon</dcterms:created>",
    "<dcterms:created></dcterms:created>", "<cp:lastPrinted>2026-01-01T00:00:00Z</cp:lastPrinted>",
    "<cp:unknown>x</cp:unknown>", "<dc:title>a<b/>c</dc:title>", "<!-- a comment -->",
    "<dc:title>é ☃ 東京</dc:title>",
]  # fmt: skip
FIELDS = (
    "title", "creator", "identifier", "version", "contentStatus", "category", "keywords",
    "subject", "description", "lastModifiedBy", "revision", "language", "lastPrinted",
)  # fmt: skip


def _core_parts(count: int) -> list[bytes]:
    pick = random.Random(11)
    made = []
    for _ in range(count):
        attributes = ' lang="en"' if pick.random() < 0.05 else ""
        body = "".join(pick.sample(CORE_PARTS, pick.randint(0, 8)))
        made.append(
            (CORE_HEAD.format(attributes=attributes) + body + "</cp:coreProperties>").encode()
        )
    return made


def _openpyxl_tree(blob: bytes) -> Any:
    """The part parsed as openpyxl parses it (lxml, entities left unresolved)."""
    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False))


def _openpyxl_core(blob: bytes) -> Any:
    return DocumentProperties.from_tree(_openpyxl_tree(blob))


def test_core_properties_read_as_openpyxl_reads_them() -> None:
    read = 0
    for blob in _core_parts(1500):
        try:
            mine = docprops.core_properties(blob)
        except docprops.NotCertain:
            continue
        except ValueError:
            # a date openpyxl refuses too: the workbook is then openpyxl's to fail on
            assert _outcome(_openpyxl_core, blob)[0] == "error"
            continue
        read += 1
        theirs = _openpyxl_core(blob)
        assert {f: getattr(mine, f) for f in FIELDS} == {f: getattr(theirs, f) for f in FIELDS}
        for stamp in ("created", "modified"):
            ours, reference = getattr(mine, stamp), getattr(theirs, stamp)
            # a missing date is "now" to both, read a moment apart
            assert ours == reference or abs(ours - reference) < dt.timedelta(seconds=5)
    assert read > 500


def test_properties_with_odd_values_read_as_openpyxl_reads_them() -> None:
    odd = (
        CORE_HEAD.format(attributes="")
        + "<dc:title>First</dc:title><dc:title>Second</dc:title><dc:creator/>"
        + "<cp:title>Third</cp:title><dcterms:created>2026-02-03T04:05:06.250</dcterms:created>"
        + "</cp:coreProperties>"
    ).encode()
    mine = docprops.core_properties(odd)
    assert mine.title == "Third" and mine.creator is None
    assert mine.created == dt.datetime(2026, 2, 3, 4, 5, 6, 250_000)
    assert (mine.title, mine.creator, mine.created) == (
        _openpyxl_core(odd).title,
        _openpyxl_core(odd).creator,
        _openpyxl_core(odd).created,
    )
    assert docprops.core_properties(b'<x xmlns="urn:x"/>').creator == "openpyxl"


CUSTOM_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
    'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
    'officeDocument/2006/docPropsVTypes">'
)
CUSTOM_PROPERTIES = [
    '<vt:lpwstr>Ops</vt:lpwstr>', "<vt:lpwstr/>", "<vt:i4>12</vt:i4>", "<vt:i4>-3</vt:i4>",
    "<vt:i4>1.5</vt:i4>", "<vt:i4>--3</vt:i4>", "<vt:i4/>", "<vt:r8>2.5</vt:r8>",
    "<vt:r8>x</vt:r8>", "<vt:r8>nan</vt:r8>", "<vt:bool>true</vt:bool>", "<vt:bool>0</vt:bool>",
    "<vt:bool/>", "<vt:filetime>2026-01-02T03:04:05Z</vt:filetime>",
    "<vt:filetime>2026-01-02</vt:filetime>", "<vt:filetime>soon</vt:filetime>",
    "<vt:date>2026</vt:date>", "<vt:lpwstr>a</vt:lpwstr><vt:i4>1</vt:i4>", "",
]  # fmt: skip


def _custom_parts(count: int) -> list[bytes]:
    pick = random.Random(3)
    made = []
    for _ in range(count):
        props = []
        for pid in range(2, 2 + pick.randint(0, 4)):
            name = "" if pick.random() < 0.05 else f' name="P{pid}"'
            extra = ' linkTarget="x"' if pick.random() < 0.05 else ""
            number = "x" if pick.random() < 0.03 else str(pid)
            value = pick.choice(CUSTOM_PROPERTIES)
            props.append(
                f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{number}"'
                f"{name}{extra}>{value}</property>"
            )
        made.append((CUSTOM_HEAD + "".join(props) + "</Properties>").encode())
    return made


def test_custom_properties_read_here_are_those_openpyxl_reads() -> None:
    read = 0
    for blob in _custom_parts(1500):
        try:
            docprops.check_custom(blob)
        except (docprops.NotCertain, ValueError):
            continue
        read += 1
        assert _outcome(CustomPropertyList.from_tree, _openpyxl_tree(blob))[0] == (
            "CustomPropertyList"
        ), blob
    assert read > 200


# --- openpyxl left unimported --------------------------------------------------------

PROBE = """
import json, sys
from pathlib import Path
from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.scan import scan
files = [extract(c) for c in scan(Path(sys.argv[1]))]
print(json.dumps({
    "openpyxl": "openpyxl" in sys.modules,
    "files": [[f.path, f.readable, f.text, list(map(str, f.record_dates))] for f in files],
}))
"""


def _probe(folder: Path) -> dict[str, Any]:
    return in_fresh_process(PROBE, str(folder))


def _register(path: Path) -> Path:
    return write_xlsx(
        path,
        {"Register": [["Number", "Opened", "Summary"], ["INC1", dt.date(2026, 3, 4), "Disk full"]]},
        {"title": "Incident register"},
    )


def test_a_normal_workbook_is_read_without_importing_openpyxl(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    _register(folder / "register.xlsx")
    found = _probe(folder)
    assert found["openpyxl"] is False
    [(path, readable, text, dates)] = found["files"]
    assert path == "register.xlsx" and readable
    assert "INC1 | 2026-03-04 | Disk full" in text and dates == ["2026-03-04"]


def test_an_unusual_workbook_is_still_read_by_openpyxl(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    folder.mkdir()
    transitional = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strict = b"http://purl.oclc.org/ooxml/spreadsheetml/main"

    def to_strict(name: str, blob: bytes) -> bytes:
        return blob.replace(transitional, strict) if name == "xl/workbook.xml" else blob

    rewrite_package(_register(folder / "strict.xlsx"), to_strict)
    with zipfile.ZipFile(folder / "strict.xlsx") as archive:
        assert strict in archive.read("xl/workbook.xml")
    found = _probe(folder)
    assert found["openpyxl"] is True
    [(_, readable, text, dates)] = found["files"]
    assert readable and "INC1 | 2026-03-04 | Disk full" in text and dates == ["2026-03-04"]
