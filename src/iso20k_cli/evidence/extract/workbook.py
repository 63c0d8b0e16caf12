"""A workbook's package parts read directly for its cell values, without openpyxl's loader.

openpyxl's loader builds a whole workbook object (every style as an object, a
default sheet, named styles) before a value is read; on a small register that was
most of the time spent on it. Here only what values need is read: the sheets in
order, the shared strings, which cell styles are dates, the date system, the
document properties and each sheet's stated dimension. The result is shaped as
openpyxl's read-only workbook and sheets, so :func:`sheet_rows` reads either.

Whatever this reader does not read as openpyxl does (a strict OOXML namespace, a
chart sheet, links to other workbooks, a part missing or failing to parse, a
document type declaration, an encoding other than UTF-8, a part too big) raises
:class:`Unusual`, and openpyxl opens the workbook instead: its values, and its
error for a broken file, stand.
"""

from __future__ import annotations

import codecs
import datetime as dt
import posixpath
import zipfile
from pathlib import Path
from typing import IO, Any

from lxml import etree

from iso20k_cli.evidence.extract import safexml
from iso20k_cli.evidence.extract.docprops import CoreProperties, check_custom, core_properties
from iso20k_cli.evidence.extract.numberformats import (
    BUILTIN_FORMATS,
    is_date_format,
    is_timedelta_format,
)
from iso20k_cli.evidence.extract.richstrings import rich_text
from iso20k_cli.evidence.extract.serialdates import MAC_EPOCH, WINDOWS_EPOCH
from iso20k_cli.evidence.extract.spreadsheetml import (
    ARC_CONTENT_TYPES,
    ARC_CORE,
    ARC_CUSTOM,
    ARC_STYLE,
    CONTYPES_NS,
    DATA_TAG,
    DIMENSION_TAG,
    PKG_REL_NS,
    REL_NS,
    SHARED_STRINGS,
    SHEET_MAIN_NS,
    XLSM,
    XLSX,
    XLTM,
    XLTX,
    range_boundaries,
)

MAX_PART_BYTES = 16 * 1024 * 1024  # a workbook, styles or relationships part read whole
MAX_SHARED_STRINGS = 1_000_000
MAX_STYLES = 65_000  # Excel allows 64,000 cell formats
MAX_SHEETS = 1_000
MAX_FORMAT_CODE = 1_024  # Excel allows 255 characters
_CHUNK = 1024  # a sheet's start is read this much at a time: parsing all of it costs more

_MAIN = f"{{{SHEET_MAIN_NS}}}"
_TYPES = f"{{{CONTYPES_NS}}}"
_RELS = f"{{{PKG_REL_NS}}}"
_REL_ID = f"{{{REL_NS}}}id"
_STRING = _MAIN + "si"
_PLAIN = _MAIN + "t"
_STATES = (None, "visible", "hidden", "veryHidden")
# openpyxl's order of preference when a package names more than one workbook part
_WORKBOOK_TYPES = (XLTM, XLTX, XLSM, XLSX)


class Unusual(Exception):
    """Something here is not read as openpyxl reads it; openpyxl opens the workbook."""


class Book:
    """The parts of openpyxl's read-only workbook that reading values uses."""

    data_only = True

    def __init__(
        self,
        archive: zipfile.ZipFile,
        properties: CoreProperties,
        epoch: dt.datetime,
        date_formats: frozenset[int],
        timedelta_formats: frozenset[int],
    ) -> None:
        self.archive = archive
        self.properties = properties
        self.epoch = epoch
        self._date_formats = date_formats
        self._timedelta_formats = timedelta_formats
        self.worksheets: list[Sheet] = []

    def close(self) -> None:
        self.archive.close()


class Sheet:
    """The parts of openpyxl's read-only worksheet that :func:`sheet_rows` uses."""

    def __init__(
        self,
        parent: Book,
        title: str,
        path: str,
        shared_strings: list[str],
        dimensions: tuple[int | None, ...] | None,
    ) -> None:
        self.parent = parent
        self.title = title
        self._worksheet_path = path
        self._shared_strings = shared_strings
        self.max_column: int | None = None
        self.max_row: int | None = None
        if dimensions is not None:
            self.max_column, self.max_row = dimensions[2], dimensions[3]

    def _get_source(self) -> IO[bytes]:
        return self.parent.archive.open(self._worksheet_path)


def open_values(path: Path) -> Book:
    """The workbook at ``path`` for its values, as
    ``openpyxl.load_workbook(path, read_only=True, data_only=True)`` gives them;
    :class:`Unusual` when openpyxl should open it."""
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:
        raise Unusual from exc
    try:
        return _read(archive)
    except Exception as exc:
        archive.close()
        if isinstance(exc, Unusual):
            raise
        raise Unusual from exc


def _read(archive: zipfile.ZipFile) -> Book:
    names = set(archive.namelist())
    workbook_part, strings_part = _package_parts(archive)
    epoch, sheets = _workbook(archive, workbook_part)
    rels = _relationships(archive, _rels_path(workbook_part))
    strings = _shared_strings(archive, strings_part) if strings_part is not None else []
    date_formats, timedelta_formats = _date_styles(archive) if ARC_STYLE in names else ((), ())
    book = Book(
        archive,
        _properties(archive, names),
        epoch,
        frozenset(date_formats),
        frozenset(timedelta_formats),
    )
    for name, rel_id in sheets:
        if rel_id not in rels:
            raise Unusual(f"sheet {name!r} has no relationship")
        kind, target = rels[rel_id]
        if target not in names:
            continue  # openpyxl leaves out a sheet whose part is missing
        if "chartsheet" in kind:
            raise Unusual("a chart sheet")
        sheet_rels = _rels_path(target)
        if sheet_rels in names:
            _relationships(archive, sheet_rels)  # read, as openpyxl reads it
        with archive.open(target) as source:
            dimensions = _dimensions(source)
        book.worksheets.append(Sheet(book, name, target, strings, dimensions))
    return book


def _parse(archive: zipfile.ZipFile, name: str, root_tag: str) -> Any:
    """A part's root element, parsed from an untrusted file: bounded in size, no entity
    resolved, no document type loaded, nothing fetched from the network."""
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise Unusual(f"{name} is too big to read whole")
    blob = archive.read(name)
    _check_declaration(blob[:_CHUNK])
    root = etree.fromstring(blob, safexml.parser())
    _check_prologue(root)
    if root.tag != root_tag:
        raise Unusual(f"{name} is {root.tag}, not {root_tag}")  # a strict OOXML namespace too
    return root


def _check_prologue(element: Any) -> None:
    """Unusual for a document type declaration: openpyxl's parser refuses one."""
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise Unusual("a document type declaration")


def _check_declaration(head: bytes) -> None:
    """Unusual for an encoding other than UTF-8, read from the XML declaration at the
    start of a part (libxml2 tells it only once a document is whole): the standard
    library's parser and libxml2 accept different encodings."""
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    if not head.startswith(b"<?xml"):
        if head[:1] != b"<":
            raise Unusual("a part in another encoding")  # UTF-16 starts with its mark
        return
    end = head.find(b"?>")
    if end < 0:
        raise Unusual("an XML declaration too long to read")
    declaration = head[:end].decode("ascii", errors="replace")
    at = declaration.find("encoding")
    if at < 0:
        return  # none declared: UTF-8
    rest = declaration[at + len("encoding") :].strip()
    if not rest.startswith("="):
        raise Unusual("a malformed XML declaration")
    value = rest[1:].strip()
    quote = value[:1]
    if quote not in ("'", '"') or value.find(quote, 1) < 0:
        raise Unusual("a malformed XML declaration")
    if value[1 : value.find(quote, 1)].upper() != "UTF-8":
        raise Unusual("a part in another encoding")


def _package_parts(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """The workbook part and the shared strings part, found as openpyxl finds them."""
    root = _parse(archive, ARC_CONTENT_TYPES, _TYPES + "Types")
    overrides: list[tuple[str, str]] = []
    defaults: set[str] = set()
    for element in root:
        kind = element.get("ContentType")
        if kind is None:
            raise Unusual("a content type without its type")
        if element.tag == _TYPES + "Override":
            part = element.get("PartName")
            if part is None:
                raise Unusual("a content type without its part")
            overrides.append((part, kind))
        elif element.tag == _TYPES + "Default":
            defaults.add(kind)
    workbook = next(
        (part for kind in _WORKBOOK_TYPES for part, ct in overrides if ct == kind), None
    )
    if workbook is None:
        if not defaults.intersection(_WORKBOOK_TYPES):
            raise Unusual("no workbook part")
        workbook = "/xl/workbook.xml"
    strings = next((part for part, ct in overrides if ct == SHARED_STRINGS), None)
    return workbook[1:], None if strings is None else strings[1:]


def _flag(value: str | None) -> bool:
    """A boolean attribute as openpyxl converts it."""
    if value is None or value in ("false", "f", "0"):
        return False
    return bool(value)


def _workbook(archive: zipfile.ZipFile, part: str) -> tuple[dt.datetime, list[tuple[str, str]]]:
    """The date system and the (name, relationship) of each sheet, in order."""
    root = _parse(archive, part, _MAIN + "workbook")
    if root.find(_MAIN + "externalReferences") is not None:
        raise Unusual("links to other workbooks")
    for defined in root.iterfind(f"{_MAIN}definedNames/{_MAIN}definedName"):
        # openpyxl reads print titles into the sheet and refuses a malformed one
        if (defined.get("name") or "").lower().endswith("print_titles"):
            raise Unusual("print titles")
    properties = root.find(_MAIN + "workbookPr")
    date1904 = properties is not None and _flag(properties.get("date1904"))
    sheets: list[tuple[str, str]] = []
    for sheet in root.iterfind(f"{_MAIN}sheets/{_MAIN}sheet"):
        name, rel_id, number = sheet.get("name"), sheet.get(_REL_ID), sheet.get("sheetId")
        if name is None or not rel_id or number is None or sheet.get("state") not in _STATES:
            raise Unusual("a sheet openpyxl reads with a warning or refuses")
        int(number)  # openpyxl's check of the sheet's number
        sheets.append((name, rel_id))
        if len(sheets) > MAX_SHEETS:
            raise Unusual("too many sheets")
    return (MAC_EPOCH if date1904 else WINDOWS_EPOCH), sheets


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relationships(archive: zipfile.ZipFile, name: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target), targets made absolute as openpyxl makes them."""
    root = _parse(archive, name, _RELS + "Relationships")
    parent = posixpath.split(posixpath.dirname(name))[0]
    found: dict[str, tuple[str, str]] = {}
    for rel in root.iterfind(_RELS + "Relationship"):
        rel_id, kind, target = rel.get("Id"), rel.get("Type"), rel.get("Target")
        if rel_id is None or kind is None or target is None:
            raise Unusual("a relationship openpyxl reads with a warning")
        if rel.get("TargetMode") != "External":
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(parent, target))
        found[rel_id] = (kind, target)
    return found


def _shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The shared strings' text as openpyxl reads it: a plain string's text, or a rich
    one's runs joined (phonetic runs left out), "x005F_" escapes dropped."""
    strings: list[str] = []
    with archive.open(part) as source:
        _check_declaration(source.read(_CHUNK))
    with archive.open(part) as source:
        events = safexml.iterparse(source, ("end",), _STRING, leave_out_comments=True)
        for _, element in events:
            if not strings:
                _check_prologue(element)
                if element.getroottree().getroot().tag != _MAIN + "sst":
                    raise Unusual("shared strings in another namespace")
            if not element.attrib and len(element) == 1 and element[0].tag == _PLAIN:
                text = element[0].text or ""
            else:
                text = rich_text(element)
            strings.append(text.replace("x005F_", ""))
            if len(strings) > MAX_SHARED_STRINGS:
                raise Unusual("too many shared strings")
            element.clear()
            # Strings already read are dropped, so a long table is not held whole.
            while element.getprevious() is not None:
                del element.getparent()[0]
        root = events.root
    if root is not None and not strings:
        _check_prologue(root)
        if root.tag != _MAIN + "sst":
            raise Unusual("shared strings in another namespace")
    return strings


def _date_styles(archive: zipfile.ZipFile) -> tuple[list[int], list[int]]:
    """The cell styles (by index) whose number format is a date, and those that are a
    duration, by openpyxl's test of the format code."""
    root = _parse(archive, ARC_STYLE, _MAIN + "styleSheet")
    custom: dict[int, str | None] = {}
    for number_format in _last(root, "numFmts").iterfind(_MAIN + "numFmt"):
        code = number_format.get("formatCode")
        if code is not None and len(code) > MAX_FORMAT_CODE:
            raise Unusual("a number format too long to test")
        custom[int(number_format.get("numFmtId"))] = code
        if len(custom) > MAX_STYLES:
            raise Unusual("too many number formats")
    dates: list[int] = []
    durations: list[int] = []
    styles = _last(root, "cellXfs").findall(_MAIN + "xf")
    if not styles or len(styles) > MAX_STYLES:
        raise Unusual("no cell styles, or too many")  # openpyxl warns and uses its own
    known: dict[int, tuple[bool, bool]] = {}
    for index, style in enumerate(styles):
        number = int(style.get("numFmtId", 0))
        kind = known.get(number)
        if kind is None:
            code = custom[number] if number in custom else BUILTIN_FORMATS.get(number)
            kind = known[number] = (is_date_format(code), is_timedelta_format(code))
        if kind[0]:
            dates.append(index)
        if kind[1]:
            durations.append(index)
    return dates, durations


def _last(root: Any, tag: str) -> Any:
    """The last child of this name, the one openpyxl keeps; an empty element if none."""
    found = root.findall(_MAIN + tag)
    return found[-1] if found else etree.Element(_MAIN + tag)


def _properties(archive: zipfile.ZipFile, names: set[str]) -> CoreProperties:
    """The document properties, read as openpyxl reads them from the small part that
    holds them (its defaults when there is none), custom properties checked as openpyxl
    checks them."""
    for part in (ARC_CORE, ARC_CUSTOM):
        if part in names and archive.getinfo(part).file_size > MAX_PART_BYTES:
            raise Unusual(f"{part} is too big to read whole")
    if ARC_CUSTOM in names:
        check_custom(archive.read(ARC_CUSTOM))
    if ARC_CORE not in names:
        return CoreProperties()
    return core_properties(archive.read(ARC_CORE))


def _dimensions(source: IO[bytes]) -> tuple[int | None, ...] | None:
    """The dimension a sheet states before its data, None when it states none there;
    only the sheet's start is read."""
    parser = safexml.pull_parser(("start", "end"), (DIMENSION_TAG, DATA_TAG))
    chunk = source.read(_CHUNK)
    _check_declaration(chunk)
    while chunk:
        parser.feed(chunk)
        for event, element in parser.read_events():
            _check_prologue(element)
            if element.tag == DATA_TAG:
                return None
            if event == "end":
                return _stated(element)
        chunk = source.read(_CHUNK)
    root = parser.close()
    _check_prologue(root)
    return None


def _stated(element: Any) -> tuple[int | None, ...]:
    """A dimension's range as openpyxl reads it, None for a bound it leaves open;
    Unusual for a dimension of another shape (openpyxl would take its parts for
    arguments)."""
    attributes = {k: v for k, v in element.attrib.items() if not k.startswith("{")}
    if set(attributes) != {"ref"} or len(element):
        raise Unusual("a dimension of another shape")
    return range_boundaries(attributes["ref"])
