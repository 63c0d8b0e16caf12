"""PowerPoint 97-2003 binary files (.ppt) written in the tests: no library writes them.

The compound file of ``worddoc`` holds a "PowerPoint Document" stream of records
([MS-PPT] 2.3.1: an 8-byte header of version and instance, type and length): a
DocumentContainer whose SlideListWithText gives each slide a SlidePersistAtom, then a
TextHeaderAtom and a text atom per placeholder. Slides with a drawn text box get a
SlideContainer whose offset a PersistDirectoryAtom names; notes get a NotesContainer.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field
from pathlib import Path

from worddoc import compound_file, summary_information

TITLE, BODY, NOTES, OTHER = 0, 1, 2, 4


@dataclass
class PptSlide:
    title: str | None = None
    body: str | None = None
    """Stored as one byte a character (TextBytesAtom), paragraphs ending in \\r."""
    box: str | None = None
    """Text of a text box drawn on the slide, kept in the slide's own container."""
    notes: str | None = None
    wide_title: bool = True
    """The title as UTF-16 (TextCharsAtom); else as bytes."""


@dataclass
class PptFile:
    slides: list[PptSlide]
    title: str | None = None
    author: str | None = None
    created: dt.datetime | None = None
    saved: dt.datetime | None = None
    extra_streams: dict[str, bytes] = field(default_factory=dict)
    document_extra: bytes = b""
    """Records put in the document container after the slide list."""


def record(kind: int, data: bytes, instance: int = 0, version: int = 0) -> bytes:
    return struct.pack("<HHI", (instance << 4) | version, kind, len(data)) + data


def container(kind: int, *children: bytes, instance: int = 0) -> bytes:
    return record(kind, b"".join(children), instance, 0xF)


def text_atoms(text_type: int, text: str, wide: bool = True) -> bytes:
    header = record(0x0F9F, struct.pack("<I", text_type))
    if wide:
        return header + record(0x0FA0, text.encode("utf-16-le"))
    return header + record(0x0FA8, text.encode("latin-1"))


def presentation_stream(deck: PptFile) -> bytes:
    persist_ids = range(2, 2 + len(deck.slides))
    slide_list = []
    for number, (slide, persist) in enumerate(zip(deck.slides, persist_ids, strict=True)):
        slide_list.append(record(0x03F3, struct.pack("<IIiII", persist, 0, 0, 256 + number, 0)))
        if slide.title is not None:
            slide_list.append(text_atoms(TITLE, slide.title, slide.wide_title))
        if slide.body is not None:
            slide_list.append(text_atoms(BODY, slide.body, wide=False))
    document = container(
        0x03E8,
        record(0x03E9, b"\0" * 40),
        container(0x0FF0, *slide_list, instance=0),
        deck.document_extra,
    )
    stream = document
    offsets: dict[int, int] = {}
    for number, (slide, persist) in enumerate(zip(deck.slides, persist_ids, strict=True)):
        if slide.box is not None:
            offsets[persist] = len(stream)
            textbox = container(0xF00D, text_atoms(OTHER, slide.box))
            drawing = container(0x040C, container(0xF002, container(0xF004, textbox)))
            stream += container(0x03EE, record(0x03EF, b"\0" * 24), drawing)
        if slide.notes is not None:
            notes_atom = record(0x03F1, struct.pack("<IHH", 256 + number, 0, 0))
            textbox = container(0xF00D, text_atoms(NOTES, slide.notes))
            stream += container(0x03F0, notes_atom, container(0x040C, textbox))
    directory = b"".join(
        struct.pack("<II", persist | (1 << 20), offset) for persist, offset in offsets.items()
    )
    return stream + record(0x1772, directory)


def ppt_streams(deck: PptFile) -> dict[str, bytes]:
    streams = {
        "PowerPoint Document": presentation_stream(deck),
        "Current User": b"\0" * 20,
        "\x05SummaryInformation": summary_information(
            deck.title, deck.author, deck.created, deck.saved
        ),
    }
    streams.update(deck.extra_streams)
    return streams


def ppt_bytes(deck: PptFile) -> bytes:
    return compound_file(ppt_streams(deck))


def write_ppt(path: Path, deck: PptFile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ppt_bytes(deck))
    return path
