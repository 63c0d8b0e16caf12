"""Legacy PowerPoint (.ppt, the PowerPoint 97-2003 binary format): slides as sections,
their text and notes, summary properties.

The file is an OLE2 compound file (read with olefile); its "PowerPoint Document" stream
is a sequence of records ([MS-PPT] 2.3.1): an 8-byte header (version and instance,
type, length), then either other records (a container) or data (an atom). The records
are walked without recursion, every length checked against what remains of its
container, with bounds on the count of records and their depth. Only the containers
that lead to text are descended; the others are passed over by their length.

Placeholder text (titles, bullet text) is kept in the slide list of the document
([MS-PPT] 2.4.14.3): a SlidePersistAtom starts each slide, then a TextHeaderAtom gives
the kind of each text that follows. Text boxes drawn on a slide and the notes are kept
in the slide's and the notes page's own containers; the persist directory says which
slide container is which slide, and a notes page names its slide by id.
A fast-saved file keeps earlier versions of its records too; the last of each is read.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass, field

import olefile

from iso20k_cli.evidence.extract.base import (
    MAX_TEXT_CHARS,
    Extracted,
    Unreadable,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.olesummary import open_compound, read_stream, summary_properties
from iso20k_cli.evidence.extract.structure import Mark, build_sections, clean_heading
from iso20k_cli.evidence.model import SectionKind
from iso20k_cli.evidence.scan import Candidate

STREAM = "PowerPoint Document"
# Pictures live in a stream of their own; a document stream of more than this is a
# damaged or crafted file (embedded objects make it a few megabytes at most).
# A large deck has tens of thousands of records; a million is not a deck.
MAX_RECORDS = 1_000_000
# Containers nest a dozen deep in real files (drawings inside slides inside the document).
MAX_DEPTH = 64
MAX_SLIDES = 10_000

_HEADER = 8
_CONTAINER = 0xF
_DOCUMENT = 0x03E8
_SLIDE = 0x03EE
_NOTES = 0x03F0
_NOTES_ATOM = 0x03F1
_SLIDE_PERSIST = 0x03F3
_TEXT_HEADER = 0x0F9F
_TEXT_CHARS = 0x0FA0
_TEXT_BYTES = 0x0FA8
_SLIDE_LIST = 0x0FF0
_PERSIST_DIRECTORY = 0x1772
_CRYPT_SESSION = 0x2F14
# The containers whose records hold the text sought: the document and its slide list,
# slides and notes pages, their drawings down to the text boxes ([MS-ODRAW]). Others are
# passed over whole; some atoms are marked as containers (PowerPoint 2007's theme atom).
_DESCENDED = frozenset(
    {_DOCUMENT, _SLIDE_LIST, _SLIDE, _NOTES, 0x040C, 0xF002, 0xF003, 0xF004, 0xF00D}
)
_CRYPT_MARKER = struct.pack("<HH", _CONTAINER, _CRYPT_SESSION)
_SLIDES_LIST = 0
_TITLE_TYPES = frozenset({0, 6})  # title, centred title
_NOTES_TYPE = 2

# olefile reports oddities of a damaged file through logging, which would reach stderr.
logging.getLogger("olefile").setLevel(logging.ERROR)

# Paragraph ends (\r) and vertical tabs (line breaks) become line ends; other control
# characters are not text.
_CONTROLS: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10)}
_CONTROLS.update({13: "\n", 11: "\n"})


@dataclass
class _Slide:
    persist_id: int
    slide_id: int
    title: str = ""
    texts: list[str] = field(default_factory=list)
    """Its placeholders' text, in the order of the slide list."""


@dataclass
class _Walk:
    """What the walk of the records found."""

    slides: list[_Slide] = field(default_factory=list)
    """The slide list of the last document container."""
    drawn: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    """(text type, text) of the text boxes in each slide container, by its offset."""
    notes: dict[int, list[str]] = field(default_factory=dict)
    """The text of each notes page, by the id of its slide."""
    persist: dict[int, int] = field(default_factory=dict)
    """Stream offset of each persist id, later directories winning."""
    chars: int = 0


def extract(candidate: Candidate) -> Extracted:
    with candidate.path.open("rb") as stream:
        lead = stream.read(8)
    if not lead.startswith(olefile.MAGIC):
        if lead.startswith(b"PK\x03\x04"):
            # A .pptx given the old name.
            from iso20k_cli.evidence.extract import powerpoint

            return powerpoint.extract(candidate)
        raise Unreadable("not a PowerPoint 97-2003 file: the file is not an OLE2 compound file")
    ole = open_compound(candidate.path, "PowerPoint file")
    with ole:
        return _read(ole)


def _stream(ole: olefile.OleFileIO[str]) -> bytes:
    stream = olefile.STGTY_STREAM
    if ole.get_type(STREAM) != stream and ole.get_type("PP40") == stream:
        raise Unreadable("a PowerPoint 4 file: this older format is not read; save it as .pptx")
    return read_stream(ole, STREAM, "PowerPoint 97-2003 file")


def _read(ole: olefile.OleFileIO[str]) -> Extracted:
    if ole.get_type("EncryptedSummary") == olefile.STGTY_STREAM:
        raise Unreadable("encrypted PowerPoint file: a password is needed to read it")
    document = _stream(ole)
    try:
        walk = _walk(document)
    except Unreadable:
        # An encrypted file's records past the first are ciphertext: say why, not where.
        if _CRYPT_MARKER in document:
            raise Unreadable("encrypted PowerPoint file: a password is needed to read it") from None
        raise
    lines: list[str] = []
    length = 0
    marks: list[Mark] = []

    def add(line: str) -> int:
        nonlocal length
        offset = length + (1 if lines else 0)
        lines.append(line)
        length = offset + len(line)
        return offset

    first_title: str | None = None
    offsets = {offset: persist for persist, offset in walk.persist.items()}
    drawn_by_persist = {
        offsets[offset]: texts for offset, texts in walk.drawn.items() if offset in offsets
    }
    for number, slide in enumerate(walk.slides, start=1):
        if length > MAX_TEXT_CHARS:
            break
        drawn = drawn_by_persist.get(slide.persist_id, [])
        title = clean_heading(slide.title)
        texts = [*slide.texts, *(text for _, text in drawn)]
        if not title:
            # A title drawn on the slide rather than placed in its placeholder.
            at = next((i for i, (kind, _) in enumerate(drawn) if kind in _TITLE_TYPES), None)
            if at is not None:
                title = clean_heading(drawn[at][1])
                del texts[len(slide.texts) + at]
        if number == 1:
            first_title = useful_title(title)
        heading = title or f"Slide {number}"
        start = add(heading)
        for text in [*texts, *walk.notes.get(slide.slide_id, [])]:
            for line in _lines(text):
                add(line)
        marks.append(Mark(1, heading, start, length))
    text = "\n".join(lines)[:MAX_TEXT_CHARS]
    deck_title, author, status, version, dates = summary_properties(ole)
    source = "metadata"
    if deck_title is None:
        deck_title, source = first_title, "heading"
    # The text bound may cut the last slide short.
    kept = [m._replace(end=min(m.end or 0, len(text))) for m in marks if m.start < len(text)]
    return Extracted(
        text=text,
        sections=build_sections(kept, len(text), SectionKind.SLIDE),
        title=deck_title,
        title_source=source if deck_title else None,
        metadata=metadata_control(None, version, author, status),
        metadata_dates=dates,
    )


def _lines(text: str) -> list[str]:
    return [
        " ".join(line.split()) for line in text.translate(_CONTROLS).split("\n") if line.strip()
    ]


def _walk(data: bytes) -> _Walk:
    """Every record of the stream, containers descended with an explicit stack of
    (end, type, instance, offset)."""
    walk = _Walk()
    stack: list[tuple[int, int, int, int]] = []
    slides: list[_Slide] | None = None  # the slide list being read, if any
    text_type = 4  # "other" until a text header says
    notes_slide: int | None = None
    at, count = 0, 0
    while at < len(data):
        while stack and at >= stack[-1][0]:
            stack.pop()
        end = stack[-1][0] if stack else len(data)
        if end - at < _HEADER:
            if not stack:
                break  # padding after the last record
            raise Unreadable(
                f"damaged PowerPoint file: a record at byte {at} is cut short by its container"
            )
        count += 1
        if count > MAX_RECORDS:
            raise Unreadable(
                f"more than {MAX_RECORDS:,} records; refusing to read further (a crafted file?)"
            )
        ver_instance, kind, size = struct.unpack_from("<HHI", data, at)
        body = at + _HEADER
        if size > end - body:
            if not stack and walk.slides:
                # Bytes after the records a fast save left live: the slides are read.
                break
            raise Unreadable(
                f"damaged or truncated PowerPoint file: the record at byte {at} claims "
                f"{size} bytes, past the end of its {'container' if stack else 'stream'}"
            )
        instance = ver_instance >> 4
        if kind == _CRYPT_SESSION:
            raise Unreadable("encrypted PowerPoint file: a password is needed to read it")
        if ver_instance & 0xF == _CONTAINER and kind in _DESCENDED:
            if len(stack) >= MAX_DEPTH:
                raise Unreadable(
                    f"records nested more than {MAX_DEPTH} deep; refusing to read further "
                    "(a crafted file?)"
                )
            if kind == _SLIDE_LIST and instance == _SLIDES_LIST and _inside(stack, _DOCUMENT):
                walk.slides = slides = []
            elif kind == _NOTES:
                notes_slide = None
            stack.append((body + size, kind, instance, at))
            at = body
            continue
        atom = data[body : body + size]
        at = body + size
        parent = stack[-1][1:3] if stack else None
        if parent == (_SLIDE_LIST, _SLIDES_LIST) and slides is not None:
            if kind == _SLIDE_PERSIST and size >= 16 and len(slides) < MAX_SLIDES:
                persist_id, _, _, slide_id = struct.unpack_from("<IIII", atom)
                slides.append(_Slide(persist_id, slide_id))
                text_type = 4
            elif kind == _TEXT_HEADER:
                text_type = _text_type(atom, instance)
            elif kind in (_TEXT_CHARS, _TEXT_BYTES) and slides:
                _add_placeholder(slides[-1], text_type, _decode(walk, kind, atom))
            continue
        if kind == _TEXT_HEADER:
            text_type = _text_type(atom, instance)
        elif kind in (_TEXT_CHARS, _TEXT_BYTES):
            owner = _owner(stack)
            if owner is not None and owner[0] == _SLIDE:
                text = _decode(walk, kind, atom)
                walk.drawn.setdefault(owner[1], []).append((text_type, text))
            elif (
                owner is not None
                and owner[0] == _NOTES
                and notes_slide is not None
                and text_type == _NOTES_TYPE
            ):
                walk.notes.setdefault(notes_slide, []).append(_decode(walk, kind, atom))
        elif kind == _NOTES_ATOM and size >= 4 and _owner(stack) is not None:
            (notes_slide,) = struct.unpack_from("<I", atom)
            walk.notes.pop(notes_slide, None)  # a later version of the page replaces it
        elif kind == _PERSIST_DIRECTORY:
            _persist_directory(walk, atom)
    return walk


def _inside(stack: list[tuple[int, int, int, int]], kind: int) -> bool:
    return any(entry[1] == kind for entry in stack)


def _owner(stack: list[tuple[int, int, int, int]]) -> tuple[int, int] | None:
    """(type, offset) of the slide or notes container the walk is in, if any."""
    for _, kind, _, offset in reversed(stack):
        if kind in (_SLIDE, _NOTES):
            return kind, offset
    return None


def _text_type(atom: bytes, instance: int) -> int:
    return struct.unpack_from("<I", atom)[0] if len(atom) >= 4 else instance


def _add_placeholder(slide: _Slide, text_type: int, text: str) -> None:
    if text_type in _TITLE_TYPES and not slide.title:
        slide.title = text
    else:
        slide.texts.append(text)


def _decode(walk: _Walk, kind: int, atom: bytes) -> str:
    """The atom's text, no more than what the text bound leaves."""
    room = max(0, MAX_TEXT_CHARS - walk.chars)
    if kind == _TEXT_CHARS:
        text = atom[: 2 * room].decode("utf-16-le", errors="replace")
    else:
        text = atom[:room].decode("latin-1")
    walk.chars += len(text)
    return text


def _persist_directory(walk: _Walk, atom: bytes) -> None:
    """Offsets of persist objects: runs of a 20-bit first id and a 12-bit count, then
    that many offsets ([MS-PPT] 2.3.6)."""
    at = 0
    while at + 4 <= len(atom):
        (entry,) = struct.unpack_from("<I", atom, at)
        first, count = entry & 0xFFFFF, entry >> 20
        at += 4
        if at + 4 * count > len(atom):
            return
        for index, offset in enumerate(struct.unpack_from(f"<{count}I", atom, at)):
            walk.persist[first + index] = offset
        at += 4 * count
