"""An OpenDocument package (.odt, .ods) opened for reading: its parts parsed without
trusting them, its metadata, and the text of its paragraphs.

An OpenDocument file is a zip archive holding ``content.xml`` (the body),
``styles.xml`` (page headers and footers among the styles), ``meta.xml`` (title,
author, dates) and a manifest. The archive is checked by :func:`check_archive`
before anything is inflated; every part is parsed by lxml with entities left
unresolved, nothing loaded from the network, libxml2's limits on tree depth and
node size kept, and a document type declaration refused: OpenDocument has none.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from lxml import etree

from iso20k_cli.evidence.extract import safexml
from iso20k_cli.evidence.extract.base import MAX_TEXT_CHARS, Unreadable
from iso20k_cli.evidence.zipguard import check_archive

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

MAX_PART_BYTES = 64 * 1024 * 1024  # a part parsed whole (content.xml of a text document)
MAX_SPACES = 1_000  # one <text:s text:c="…"/> stands for this many spaces at most
MAX_REPEAT = 1_024  # one element standing for this many repeated cells, rows or columns

_S, _TAB, _BREAK = f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"
_P, _H = f"{{{TEXT}}}p", f"{{{TEXT}}}h"
# Inside a paragraph, but not its text: footnotes, comments, tracked deletions, frames.
_NOT_TEXT = frozenset(
    {
        f"{{{TEXT}}}note",
        f"{{{OFFICE}}}annotation",
        f"{{{OFFICE}}}annotation-end",
        f"{{{TEXT}}}tracked-changes",
        f"{{{TEXT}}}ruby-text",
        "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
        "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape",
    }
)
_MIMETYPES = {
    "text": "application/vnd.oasis.opendocument.text",
    "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}


def refuse_doctype(element: Any) -> None:
    info = element.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise Unreadable("holds a document type declaration, which OpenDocument never has")


def repeat(element: Any, attribute: str) -> int:
    """How many times ``element`` stands repeated (``table:number-rows-repeated``), bounded."""
    value = element.get(attribute)
    if value is None:
        return 1
    try:
        count = int(value)
    except ValueError:
        return 1
    return min(max(count, 1), 1 << 20)


@dataclass
class Meta:
    title: str | None = None
    author: str | None = None
    created: dt.datetime | None = None
    modified: dt.datetime | None = None


class Package:
    """An open OpenDocument archive of the expected kind ("text" or "spreadsheet")."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())

    def parse(self, name: str) -> Any:
        """A part's root element, or None when the package has no such part."""
        if name not in self.names:
            return None
        if self.archive.getinfo(name).file_size > MAX_PART_BYTES:
            raise Unreadable(f"its {name} is larger than {MAX_PART_BYTES // (1024 * 1024)} MB")
        try:
            root = etree.fromstring(self.archive.read(name), safexml.parser())
        except etree.XMLSyntaxError as exc:
            raise Unreadable(f"its {name} is not well-formed XML ({exc})") from None
        refuse_doctype(root)
        return root

    def open(self, name: str) -> IO[bytes]:
        if name not in self.names:
            raise Unreadable(f"not an OpenDocument file: it holds no {name}")
        return self.archive.open(name)

    def meta(self) -> Meta:
        root = self.parse("meta.xml")
        meta = Meta()
        found = root.find(f"{{{OFFICE}}}meta") if root is not None else None
        if found is None:
            return meta
        meta.title = found.findtext(f"{{{_DC}}}title")
        meta.author = found.findtext(f"{{{_META}}}initial-creator") or found.findtext(
            f"{{{_DC}}}creator"
        )
        meta.created = _timestamp(found.findtext(f"{{{_META}}}creation-date"))
        meta.modified = _timestamp(found.findtext(f"{{{_DC}}}date"))
        return meta


def _timestamp(text: str | None) -> dt.datetime | None:
    """``2026-01-01T10:00:00.123456789``: the date and time to the second."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip()[:19])
    except ValueError:
        return None


@contextmanager
def open_package(path: Path, kind: str) -> Iterator[Package]:
    """The package at ``path``, checked to be a sane archive holding an unencrypted
    OpenDocument file of ``kind``; :class:`Unreadable` says why not."""
    check_archive(path)
    with zipfile.ZipFile(path) as archive:
        package = Package(archive)
        if "mimetype" in package.names:
            stated = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
            expected = _MIMETYPES[kind]
            # A template (.ott, .ots) states its own type, with "-template" added.
            if stated and stated not in (expected, f"{expected}-template"):
                raise Unreadable(f"its stated type is {stated[:80]!r}, not OpenDocument {kind}")
        manifest = package.parse("META-INF/manifest.xml")
        if manifest is not None and manifest.find(f".//{{{_MANIFEST}}}encryption-data") is not None:
            raise Unreadable("password-protected (encrypted); save an unprotected copy")
        yield package


class TextReader:
    """The text of paragraphs, headings and cells, bounded in what it adds up to."""

    def __init__(self) -> None:
        self.budget = MAX_TEXT_CHARS

    def paragraph(self, element: Any) -> str:
        """A paragraph's or heading's text: spans and links read through, ``text:s`` as
        its count of spaces, tabs and line breaks as such, notes and comments left out."""
        parts: list[str] = []
        self._inline(element, parts)
        text = "".join(parts)
        self.budget -= len(text)
        return text

    def _inline(self, element: Any, parts: list[str]) -> None:
        if self.budget <= 0:
            return
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag == _S:
                parts.append(" " * min(repeat(child, f"{{{TEXT}}}c"), MAX_SPACES))
            elif tag == _TAB:
                parts.append("\t")
            elif tag == _BREAK:
                parts.append("\n")
            elif tag not in _NOT_TEXT and isinstance(tag, str):
                self._inline(child, parts)
            if child.tail:
                parts.append(child.tail)

    def block(self, element: Any) -> str:
        """The text of every paragraph and heading inside ``element`` (a table cell),
        one per line."""
        if len(element) == 1 and len(element[0]) == 0 and element[0].tag == _P:
            # Most cells: one paragraph of plain text.
            text = (element[0].text or "").strip()
            self.budget -= len(text)
            return text
        lines = []
        for found in element.iter(_P, _H):
            if self.budget <= 0:
                break
            # A paragraph inside another (in a note or a frame) is not the cell's text.
            if not _inside_note(found, element):
                lines.append(self.paragraph(found).strip())
        return "\n".join(line for line in lines if line)


def _inside_note(found: Any, top: Any) -> bool:
    parent = found.getparent()
    while parent is not None and parent is not top:
        if parent.tag in _NOT_TEXT:
            return True
        parent = parent.getparent()
    return False


MAX_COLUMNS = 1_024  # cells read per row; LibreOffice allows 16,384, registers use a few dozen
MAX_CELLS = 2_000_000  # cells kept per file, repeated ones included
_CELL, _COVERED = f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"
_COLUMNS_REPEATED = f"{{{TABLE}}}number-columns-repeated"
ROW = f"{{{TABLE}}}table-row"
ROWS_REPEATED = f"{{{TABLE}}}number-rows-repeated"
# Where a table keeps its rows, besides directly: its header rows and groups of rows.
_ROW_HOLDERS = frozenset(
    {
        f"{{{TABLE}}}table-header-rows",
        f"{{{TABLE}}}table-rows",
        f"{{{TABLE}}}table-row-group",
    }
)


def row_cells(row: Any, value_of: Any) -> list[object]:
    """A row's cell values, repeated cells written out, empty ones (None) at its end left
    off: a row of three cells is often followed by one cell repeated 1,021 times."""
    cells: list[object] = []
    empty = 0  # empty cells not yet placed: placed only before a value
    for cell in row:
        if cell.tag != _CELL and cell.tag != _COVERED:
            continue
        count = repeat(cell, _COLUMNS_REPEATED)
        value = value_of(cell) if cell.tag == _CELL else None
        if value is None:
            empty += count
            continue
        if len(cells) + empty >= MAX_COLUMNS:
            break
        cells.extend([None] * empty)
        empty = 0
        cells.extend([value] * min(count, MAX_COLUMNS - len(cells)))
    return cells


class Rows:
    """A table's rows as they are met, repeated rows written out up to ``limit``, empty
    rows at its end left off; ``count`` is the number of the last row with a value."""

    def __init__(self, limit: int, budget: list[int]) -> None:
        self.rows: list[list[object]] = []
        self.count = 0
        self._limit = limit
        self._empty = 0
        self._budget = budget  # cells still to keep in the file, shared by its tables

    def add(self, cells: list[object], times: int) -> None:
        if not cells:
            self._empty += times
            return
        self.count += self._empty + times
        room = min(self._limit - len(self.rows), self._budget[0] // len(cells))
        blanks = min(self._empty, max(room, 0))
        self.rows.extend([] for _ in range(blanks))
        room -= blanks
        if room > 0:
            kept = min(times, room)
            # The same list for each repeat: rows are read, never changed.
            self.rows.extend([cells] * kept)
            self._budget[0] -= kept * len(cells)
        self._empty = 0


def table_rows(table: Any, value_of: Any, limit: int, budget: list[int]) -> Rows:
    """The rows of a table element (of a text document: its header rows, groups)."""
    found = Rows(limit, budget)
    stack = [iter(table)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == ROW:
            found.add(row_cells(child, value_of), repeat(child, ROWS_REPEATED))
        elif child.tag in _ROW_HOLDERS:
            stack.append(iter(child))
    return found
