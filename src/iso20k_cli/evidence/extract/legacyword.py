"""Legacy Word (.doc, the Word 97-2003 binary format): body text, page headers, summary
properties.

The file is an OLE2 compound file (read with olefile); the text is found through the
piece table of the WordDocument stream, as [MS-DOC] 2.4.1 describes: the File
Information Block names the table stream and where its Clx lies, and each piece of
the Clx says where a run of characters is stored and whether as cp1252 bytes or as
UTF-16. Every offset and count in the file is checked against the streams before it
is used, so a damaged or crafted file is refused with a reason, never read past.

Formatting is not read, so a table is known only by its cell marks: each row becomes
a line of cells joined by " | " (an empty cell can end a row early). Sections come
from numbered heading lines ("4.3 Major incident handling"), as for PDF. A file saved
as .doc by another program (HTML, RTF, a renamed .docx) is read as what it is.
"""

from __future__ import annotations

import logging
import re
import struct
from dataclasses import dataclass, field
from itertools import pairwise

import olefile

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import (
    MAX_TEXT_CHARS,
    Extracted,
    Unreadable,
    metadata_control,
)
from iso20k_cli.evidence.extract.olesummary import open_compound, read_stream, summary_properties
from iso20k_cli.evidence.extract.structure import build_sections, numbered_marks
from iso20k_cli.evidence.scan import Candidate

# Real documents have a WordDocument stream of a few megabytes (pictures live there too)
# and a table stream of less; a claimed size beyond these is a damaged or crafted file.
# A document edited in many sittings has hundreds of pieces, rarely thousands.
MAX_PIECES = 100_000
# Page headers and footers hold a control block in a few lines; more is not one.
MAX_HEADER_CHARS = 100_000
# Rows of the first tables searched for a document-control block, as for .docx.
CONTROL_TABLES = 2

_W_IDENT = 0xA5EC
_W_IDENT_WORD6 = 0xA5DC
_NFIB_WORD95 = 0x69  # Word 6 wrote 0x65, Word 95 up to this; Word 97 0xC1
_F_ENCRYPTED = 0x0100
_F_WHICH_TBL_STM = 0x0200
_F_OBFUSCATED = 0x8000
_FIB_BASE = 32
_CLX_PAIR = 33  # fcClx/lcbClx: the 34th pair of FibRgFcLcb97
_LW_CCP_TEXT, _LW_CCP_FTN, _LW_CCP_HDD = 3, 4, 5
_PIECE_BYTES = 8

# olefile reports oddities of a damaged file through logging, which would reach stderr.
logging.getLogger("olefile").setLevel(logging.ERROR)

# Paragraph and line ends become line breaks; marks of pictures, footnote references,
# optional hyphens and the like are not text. Cell marks (7) and field marks (19-21)
# are dealt with on their own.
_CONTROLS: dict[int, str | None] = {c: None for c in range(32) if c not in (7, 9, 10, 19, 20, 21)}
_CONTROLS.update({13: "\n", 11: "\n", 12: "\n", 14: "\n", 30: "-", 0xA0: " ", 0xFFFD: None})
_FIELD_MARKS = re.compile("[\x13\x14\x15]")
_TEXT_AND_MARKS = re.compile("([\n\x07])")


@dataclass(frozen=True)
class _Fib:
    table_stream: str
    fc_clx: int
    lcb_clx: int
    ccp_text: int
    ccp_ftn: int
    ccp_hdd: int


def extract(candidate: Candidate) -> Extracted:
    with candidate.path.open("rb") as stream:
        lead = stream.read(512)
    if not lead.startswith(olefile.MAGIC):
        return _not_ole(candidate, lead)
    ole = open_compound(candidate.path, "Word document")
    with ole:
        return _read(ole)


def _not_ole(candidate: Candidate, lead: bytes) -> Extracted:
    """A .doc that another program wrote in another format, read as that format if it is
    one this tool reads."""
    head = lead.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        # Word saves RTF under the .doc name when asked to.
        from iso20k_cli.evidence.extract import richtext

        return richtext.extract(candidate)
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"<head", b"<meta")):
        if b"<?mso-application" in lead.lower() or b"wordml" in lead.lower():
            raise Unreadable(
                "a Word 2003 XML file named .doc: it is not read; save it as .docx or PDF"
            )
        from iso20k_cli.evidence.extract import webpage

        return webpage.extract(candidate)
    if head.startswith(b"mime-version:"):
        raise Unreadable("a web archive (MHTML) named .doc: it is not read; save it as .docx")
    if lead.startswith(b"PK\x03\x04"):
        from iso20k_cli.evidence.extract import word

        return word.extract(candidate)
    if lead.startswith(b"\xdb\xa5"):
        raise Unreadable("a Word 2 document: this older format is not read; save it as .docx")
    raise Unreadable("not a Word document: the file is not an OLE2 compound file")


def _stream(ole: olefile.OleFileIO[str], name: str) -> bytes:
    return read_stream(ole, name, "Word document")


def _read(ole: olefile.OleFileIO[str]) -> Extracted:
    document = _stream(ole, "WordDocument")
    fib = _fib(document)
    table = _stream(ole, fib.table_stream)
    pieces = _pieces(table, fib.fc_clx, fib.lcb_clx)
    body = _text(document, pieces, 0, min(fib.ccp_text, MAX_TEXT_CHARS))
    header_start = fib.ccp_text + fib.ccp_ftn
    headers = _text(
        document, pieces, header_start, header_start + min(fib.ccp_hdd, MAX_HEADER_CHARS)
    )
    layout = _layout(_clean(body))
    control_lines: list[str] = []
    for rows in layout.tables[:CONTROL_TABLES]:
        control_lines.extend(table_lines(rows))
    # Control blocks often live in the page header or footer.
    control_lines.extend(_header_lines(headers))
    text = "\n".join(line for line, _ in layout.lines)
    marks = numbered_marks(_offsets(layout.lines))
    title, author, status, version, dates = summary_properties(ole)
    source = "metadata" if title else None
    first_line = next((line for line, paragraph in layout.lines if paragraph), "")
    if title is None and 3 <= len(first_line) <= 120:
        title, source = first_line, "first line"
    return Extracted(
        text=text,
        sections=build_sections(marks, len(text)),
        title=title,
        title_source=source,
        metadata=metadata_control(None, version, author, status),
        control_lines=control_lines,
        metadata_dates=dates,
    )


def _fib(data: bytes) -> _Fib:
    """The parts of the File Information Block needed to find the text, checked."""
    if len(data) < _FIB_BASE + 2:
        raise Unreadable("damaged Word document: the WordDocument stream is too short")
    ident, nfib = struct.unpack_from("<HH", data, 0)
    if ident == _W_IDENT_WORD6 or (ident == _W_IDENT and nfib <= _NFIB_WORD95):
        raise Unreadable(
            "a Word 6 or Word 95 document: this older format is not read; save it as .docx"
        )
    if ident != _W_IDENT:
        raise Unreadable("not a Word document: the WordDocument stream has no Word signature")
    (flags,) = struct.unpack_from("<H", data, 0x0A)
    # Only the first bytes of an encrypted document's FIB are in the clear.
    if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
        raise Unreadable("encrypted Word document: a password is needed to read it")
    table_stream = "1Table" if flags & _F_WHICH_TBL_STM else "0Table"
    at = _FIB_BASE
    (csw,) = struct.unpack_from("<H", data, at)
    at += 2 + 2 * csw
    if at + 2 > len(data):
        raise Unreadable("damaged Word document: its File Information Block is cut short")
    (cslw,) = struct.unpack_from("<H", data, at)
    lw_at = at + 2
    at = lw_at + 4 * cslw
    if cslw <= _LW_CCP_HDD or at + 2 > len(data):
        raise Unreadable("damaged Word document: its File Information Block is cut short")
    ccp_text, ccp_ftn, ccp_hdd = struct.unpack_from("<lll", data, lw_at + 4 * _LW_CCP_TEXT)
    (pairs,) = struct.unpack_from("<H", data, at)
    pairs_at = at + 2
    if pairs <= _CLX_PAIR or pairs_at + 8 * pairs > len(data):
        raise Unreadable("damaged Word document: its File Information Block is cut short")
    fc_clx, lcb_clx = struct.unpack_from("<LL", data, pairs_at + 8 * _CLX_PAIR)
    if min(ccp_text, ccp_ftn, ccp_hdd) < 0:
        raise Unreadable("damaged Word document: negative character counts")
    return _Fib(table_stream, fc_clx, lcb_clx, ccp_text, ccp_ftn, ccp_hdd)


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
    """(first character, end character, byte offset, compressed) of every piece, in
    order, from the Clx at ``fc_clx`` of the table stream."""
    if lcb_clx == 0 or fc_clx + lcb_clx > len(table):
        raise Unreadable("damaged Word document: its piece table lies outside the table stream")
    at, end = fc_clx, fc_clx + lcb_clx
    # Prc entries (formatting changes) come first; each is skipped by its stated size.
    while at < end and table[at] == 0x01:
        if at + 3 > end:
            break
        (size,) = struct.unpack_from("<h", table, at + 1)
        if size < 0:
            raise Unreadable("damaged Word document: a negative size in its piece table")
        at += 3 + size
    if at + 5 > end or table[at] != 0x02:
        raise Unreadable("damaged Word document: no piece table where its header says")
    (lcb,) = struct.unpack_from("<L", table, at + 1)
    start = at + 5
    if start + lcb > end or lcb < 4 + 4 + _PIECE_BYTES or (lcb - 4) % 12:
        raise Unreadable("damaged Word document: its piece table has an impossible size")
    count = (lcb - 4) // 12
    if count > MAX_PIECES:
        raise Unreadable(f"its text is in {count} pieces; refusing to read it (a crafted file?)")
    cps = struct.unpack_from(f"<{count + 1}L", table, start)
    if any(b <= a for a, b in pairwise(cps)):
        raise Unreadable("damaged Word document: its piece table is out of order")
    descriptors = start + 4 * (count + 1)
    pieces = []
    for index in range(count):
        (fc,) = struct.unpack_from("<L", table, descriptors + _PIECE_BYTES * index + 2)
        compressed = bool(fc & 0x40000000)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        pieces.append((cps[index], cps[index + 1], offset, compressed))
    return pieces


def _text(document: bytes, pieces: list[tuple[int, int, int, bool]], start: int, end: int) -> str:
    """The characters from ``start`` to ``end``, decoded piece by piece."""
    parts: list[str] = []
    for first, last, offset, compressed in pieces:
        low, high = max(first, start), min(last, end)
        if low >= high:
            continue
        width = 1 if compressed else 2
        begin = offset + (low - first) * width
        stop = begin + (high - low) * width
        if stop > len(document):
            raise Unreadable(
                "damaged or truncated Word document: its text lies past the end of the "
                "WordDocument stream"
            )
        raw = document[begin:stop]
        parts.append(
            raw.decode("cp1252", errors="replace")
            if compressed
            else raw.decode("utf-16-le", errors="replace")
        )
    return "".join(parts)


def _clean(text: str) -> str:
    """Text without field codes (a field's result is kept) or other control characters."""
    if "\x13" in text:
        text = _field_results(text)
    return text.translate(_CONTROLS)


def _field_results(text: str) -> str:
    """``text`` without the code of each field: a field is 19 code 20 result 21, or 19
    code 21 when it shows nothing; fields nest."""
    kept: list[str] = []
    codes: list[bool] = []  # per open field: whether its code is still being read
    in_code = 0  # how many of them are: text is kept only when none is
    at = 0
    for mark in _FIELD_MARKS.finditer(text):
        if not in_code:
            kept.append(text[at : mark.start()])
        char = mark.group()
        if char == "\x13":
            codes.append(True)
            in_code += 1
        elif char == "\x14" and codes and codes[-1]:
            codes[-1] = False
            in_code -= 1
        elif char == "\x15" and codes and codes.pop():
            in_code -= 1
        at = mark.end()
    if not in_code:
        kept.append(text[at:])
    return "".join(kept)


@dataclass
class _Layout:
    """The lines of the body (a table row as one line, not a paragraph) and its tables."""

    lines: list[tuple[str, bool]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def _layout(text: str) -> _Layout:
    """Lines and tables of the body, told apart by cell marks alone: a cell ends with a
    mark, and a row with a mark of its own right after its last cell's."""
    layout = _Layout()
    rows: list[list[str]] = []
    row: list[str] = []
    buffer: list[str] = []
    previous = ""

    def end_table() -> None:
        if rows:
            layout.tables.append(list(rows))
            rows.clear()

    for token in _TEXT_AND_MARKS.split(text):
        if token == "\x07":
            cell = " ".join(" ".join(buffer).split())
            if not cell and previous == "\x07" and row:
                rows.append(row)
                layout.lines.append((" | ".join(c for c in row if c), False))
                row = []
            else:
                row.append(cell)
            buffer.clear()
            previous = token
        elif token == "\n":
            if not row:
                end_table()
                layout.lines.append((" ".join(buffer).strip(), True))
                buffer.clear()
            previous = token
        elif token:
            buffer.append(token)
            previous = token
    if row:
        rows.append(row)
        layout.lines.append((" | ".join(c for c in row if c), False))
    end_table()
    if buffer:
        layout.lines.append((" ".join(buffer).strip(), True))
    layout.lines = [(line, paragraph) for line, paragraph in layout.lines if line]
    return layout


def _offsets(lines: list[tuple[str, bool]]) -> list[tuple[int, str]]:
    """(offset, text) of every line in the joined text, table rows blanked."""
    found = []
    offset = 0
    for line, paragraph in lines:
        found.append((offset, line if paragraph else ""))
        offset += len(line) + 1
    return found


def _header_lines(text: str) -> list[str]:
    cleaned = _clean(text).replace("\x07", "\n")
    return [" ".join(line.split()) for line in cleaned.splitlines() if line.strip()]
