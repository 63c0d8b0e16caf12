"""Word 97-2003 binary documents (.doc) written in the tests: no library writes them.

A compound file (the OLE2 container of [MS-CFB], version 3, one FAT) holds a
WordDocument stream with a File Information Block and the text, a 1Table stream with
the piece table ([MS-DOC] 2.4.1, 2.9.38) and a SummaryInformation property set
([MS-OLEPS]). Every stream is padded to the mini-stream cutoff, so no mini stream is
needed. The pieces, the flags and the piece table's bytes can be set by hand to build
damaged and crafted files.
"""

from __future__ import annotations

import datetime as dt
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SECTOR = 512
CUTOFF = 4096
END_OF_CHAIN, FAT_SECTOR, FREE, NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
TEXT_AT = 1024  # where the text starts in the WordDocument stream, after the FIB
SUMMARY_FMTID = uuid.UUID("F29F85E0-4FF9-1068-AB91-08002B27B3D9")

ENCRYPTED = 0x0100
WHICH_TABLE = 0x0200


@dataclass
class Piece:
    text: str
    compressed: bool = True
    fc: int | None = None
    """The stored offset, when it should not be where the text is written (hostile)."""


@dataclass
class WordFile:
    body: Sequence[Piece]
    header: str = ""
    """The header story (its paragraphs end with \\r), after the body in character order."""
    title: str | None = None
    author: str | None = None
    created: dt.datetime | None = None
    saved: dt.datetime | None = None
    flags: int = WHICH_TABLE
    prc: bool = True
    """A formatting entry (Prc) before the piece table, as Word writes after fast saves."""
    clx: bytes | None = None
    """The Clx as stored, when it should not be built from the pieces (hostile)."""
    word_ident: int = 0xA5EC
    extra_streams: dict[str, bytes] = field(default_factory=dict)


def _filetime(when: dt.datetime) -> int:
    return int((when - dt.datetime(1601, 1, 1)).total_seconds() * 10_000_000)


def summary_information(
    title: str | None,
    author: str | None,
    created: dt.datetime | None,
    saved: dt.datetime | None,
) -> bytes:
    """A SummaryInformation property set: code page 1252, title, author, two dates."""
    values: list[tuple[int, bytes]] = [(1, struct.pack("<Ihh", 2, 1252, 0))]
    for pid, text in ((2, title), (4, author)):
        if text is not None:
            raw = text.encode("cp1252") + b"\0"
            raw += b"\0" * (-len(raw) % 4)
            values.append((pid, struct.pack("<II", 30, len(text) + 1) + raw))
    for pid, when in ((12, created), (13, saved)):
        if when is not None:
            values.append((pid, struct.pack("<IQ", 64, _filetime(when))))
    index_size = 8 + 8 * len(values)
    offsets, body = [], b""
    for _, value in values:
        offsets.append(index_size + len(body))
        body += value
    section = struct.pack("<II", index_size + len(body), len(values))
    section += b"".join(
        struct.pack("<II", pid, at) for (pid, _), at in zip(values, offsets, strict=True)
    )
    section += body
    head = struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\0" * 16 + struct.pack("<I", 1)
    head += SUMMARY_FMTID.bytes_le + struct.pack("<I", 48)
    return head + section


def piece_table(pieces: Sequence[tuple[int, int, bool]], prc: bool = True) -> bytes:
    """A Clx for pieces of (character count, stored offset, compressed)."""
    cps = [0]
    for count, _, _ in pieces:
        cps.append(cps[-1] + count)
    descriptors = b"".join(
        struct.pack("<HIH", 0, (offset * 2) | 0x40000000 if compressed else offset, 0)
        for _, offset, compressed in pieces
    )
    plc = struct.pack(f"<{len(cps)}I", *cps) + descriptors
    formatting = b"\x01" + struct.pack("<h", 2) + b"\x00\x00" if prc else b""
    return formatting + b"\x02" + struct.pack("<I", len(plc)) + plc


def word_streams(doc: WordFile) -> dict[str, bytes]:
    """The streams of the document, by name."""
    header = [Piece(doc.header)] if doc.header else []
    text = b""
    layout: list[tuple[int, int, bool]] = []
    for piece in [*doc.body, *header]:
        raw = piece.text.encode("cp1252" if piece.compressed else "utf-16-le")
        layout.append((len(piece.text), TEXT_AT + len(text), piece.compressed))
        if piece.fc is not None:
            layout[-1] = (len(piece.text), piece.fc, piece.compressed)
        text += raw
    clx = doc.clx if doc.clx is not None else piece_table(layout, doc.prc)
    table = b"\0" * 16 + clx
    body_chars = sum(len(p.text) for p in doc.body)
    fib = struct.pack("<HHHHHH", doc.word_ident, 0xC1, 0, 0x0409, 0, doc.flags)
    fib += b"\0" * (32 - len(fib))
    fib += struct.pack("<H", 14) + b"\0" * 28
    lw = [0] * 22
    lw[0] = TEXT_AT + len(text)
    lw[3], lw[5] = body_chars, len(doc.header)
    fib += struct.pack("<H", 22) + struct.pack("<22i", *lw)
    pairs = [0] * (2 * 93)
    pairs[66], pairs[67] = 16, len(clx)
    fib += struct.pack("<H", 93) + struct.pack("<186I", *pairs) + struct.pack("<H", 0)
    word = fib + b"\0" * (TEXT_AT - len(fib)) + text
    streams = {"WordDocument": word, "1Table" if doc.flags & WHICH_TABLE else "0Table": table}
    streams["\x05SummaryInformation"] = summary_information(
        doc.title, doc.author, doc.created, doc.saved
    )
    streams.update(doc.extra_streams)
    return streams


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (version 3, one FAT sector chain) holding ``streams``."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    sectors: list[bytes] = []
    fat: list[int] = []
    starts: dict[str, int] = {}

    def chain(data: bytes) -> int:
        first = len(sectors)
        count = max(1, -(-len(data) // SECTOR))
        for index in range(count):
            sectors.append(data[index * SECTOR : (index + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + index + 1 if index + 1 < count else END_OF_CHAIN)
        return first

    sizes = {}
    for name in names:
        data = streams[name].ljust(CUTOFF, b"\0")
        sizes[name] = len(data)
        starts[name] = chain(data)
    entries = [_entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if names else NO_STREAM)]
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else NO_STREAM
        entries.append(_entry(name, 2, starts[name], sizes[name], right=right))
    directory = b"".join(entries)
    directory_at = chain(directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0"))
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_at = len(sectors)
    fat.extend([FAT_SECTOR] * fat_count)
    table = struct.pack(f"<{len(fat)}I", *fat).ljust(fat_count * SECTOR, b"\xff")
    sectors.extend(table[i * SECTOR : (i + 1) * SECTOR] for i in range(fat_count))
    assert fat_count <= 109, "one header's worth of FAT sectors"
    difat = [fat_at + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIII", 0, fat_count, directory_at, 0)
    header += struct.pack("<IIIII", CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    header += struct.pack("<109I", *difat)
    return header + b"".join(sectors)


def _entry(
    name: str, kind: int, start: int, size: int, child: int = NO_STREAM, right: int = NO_STREAM
) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    entry = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
    entry += struct.pack("<III", NO_STREAM, right, child) + b"\0" * 16 + b"\0" * 4
    entry += b"\0" * 16 + struct.pack("<IQ", start, size)
    return entry


def doc_bytes(doc: WordFile) -> bytes:
    return compound_file(word_streams(doc))


def write_doc(path: Path, doc: WordFile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(doc_bytes(doc))
    return path


def paragraphs(*lines: str) -> str:
    """Paragraphs as Word stores them: each ends with a carriage return."""
    return "".join(f"{line}\r" for line in lines)


def row(*cells: str) -> str:
    """A table row: each cell ends with a cell mark, the row with one more."""
    return "".join(f"{cell}\x07" for cell in cells) + "\x07"
