"""PDF evidence, read with pypdf: text, sections, document information and a control block.

Sections come from the bookmarks when the file has them, else from numbered
heading lines in the text ("4.3 Major incident handling").

pypdf was chosen over pypdfium2 and pdfminer.six by benchmarks/pdf_libraries.py:
pdfium is about three times faster but is native code, where a malformed file can
bring the process down instead of raising; pdfminer.six is ten times slower. All
three reported encrypted, truncated and garbage files as errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    TextStringObject,
)

from iso20k_cli.evidence.extract.base import Extracted, Unreadable, metadata_control, useful_title
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    clean_heading,
    numbered_marks,
)
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.text.normalise import joined, words

# Document control is on the first pages and content keywords do not need the whole
# manual: reading at most this many pages bounds the time a huge PDF can take.
MAX_PAGES = 50
# Bookmarks: enough for any manual's contents, few enough that a hostile outline
# (millions of entries, a loop, a chain thousands deep) costs nothing.
MAX_OUTLINE_ENTRIES = 500
MAX_OUTLINE_DEPTH = 6
MAX_OUTLINE_NODES = 5_000  # visited, also those too deep to keep
# The running header and the title are the first lines of a page; a name the file is
# named after is looked for among these only.
_HEAD_LINES = 5

# pypdf reports recoverable oddities through logging, which would reach stderr.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    match = _PDF_DATE.match(str(value or ""))
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def extract(candidate: Candidate) -> Extracted:
    try:
        return _read(candidate)
    except PdfReadError as exc:
        raise Unreadable(f"damaged or truncated PDF ({type(exc).__name__}: {exc})") from None


def _read(candidate: Candidate) -> Extracted:
    reader = PdfReader(candidate.path, strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")  # many "protected" PDFs only restrict printing
        except (FileNotDecryptedError, NotImplementedError) as exc:
            raise Unreadable(f"encrypted PDF that cannot be opened ({exc})") from None
        if not opened:
            raise Unreadable("encrypted PDF: a password is needed to read it")
    info: Mapping[str, Any] = reader.metadata or {}
    metadata = metadata_control(
        info.get("/Identifier"), info.get("/Version"), info.get("/Author"), info.get("/Status")
    )
    dates = tuple(
        d for key in ("/CreationDate", "/ModDate") if (d := _pdf_date(info.get(key))) is not None
    )
    pages = reader.pages
    read = list(pages)[:MAX_PAGES]
    texts = [(page.extract_text() or "") for page in read]
    text = "\n".join(texts)
    marks = _outline_marks(reader, read, texts) or numbered_marks(_lines(text))
    title = useful_title(info.get("/Title"))
    source = "metadata" if title else None
    if title is None:
        title, source = _head_title(next((t for t in texts if t.strip()), ""), candidate.rel)
    unreadable = None
    if len(pages) and not text.strip():
        unreadable = (
            "no text layer (a scanned image?): its content could not be read; recognised by "
            "file name or the evidence manifest only"
        )
    return Extracted(
        text=text,
        sections=build_sections(marks, len(text)),
        title=title,
        title_source=source,
        metadata=metadata,
        metadata_dates=dates,
        unreadable=unreadable,
    )


def _head_title(first_page: str, rel: str) -> tuple[str | None, str | None]:
    """The title a PDF without one in its properties shows: its first line, unless a
    line just below it is the one the file is named after. A page printed from a wiki
    or an intranet opens with the running header ("IT Service Management (ITSM) /
    Problem Management"), and the page's own title ("Known Errors") comes next and
    names the file ("ITSM-Known Errors-301512.pdf")."""
    lines = [line.strip() for line in first_page.splitlines()[:_HEAD_LINES] if line.strip()]
    if not lines:
        return None, None
    stem = joined(words(rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    if joined(words(lines[0])) not in stem:
        for line in lines[1:_HEAD_LINES]:
            said = words(line)
            named = len(said) >= 2 and joined(said) in stem
            if named and 3 <= len(line) <= 120:
                return line, "line the file is named after"
    return (lines[0], "first line") if 3 <= len(lines[0]) <= 120 else (None, None)


def _lines(text: str) -> list[tuple[int, str]]:
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _outline_marks(reader: PdfReader, pages: list[PageObject], texts: list[str]) -> list[Mark]:
    """Sections from the bookmarks, placed where each title stands on its page.

    A bookmark whose title is not found on its page starts at the top of the page;
    one pointing past the pages read is left out, as its text is not in the text.
    """
    try:
        outline = _outline(reader, _page_numbers(pages))
    except Exception:  # noqa: BLE001 - a damaged outline costs the sections, never the text
        return []
    page_starts = [0]
    for page_text in texts:
        page_starts.append(page_starts[-1] + len(page_text) + 1)
    marks = []
    searched_from: dict[int, int] = {}  # per page: where the previous title was found
    for level, title, page in outline:
        if page >= len(texts):
            continue
        found = texts[page].find(title, searched_from.get(page, 0))
        if found >= 0:
            searched_from[page] = found + len(title)
        marks.append(Mark(level, title, page_starts[page] + max(found, 0)))
    # Bookmarks need not follow page order; sections must.
    return sorted(marks, key=lambda mark: mark.start)


def _page_numbers(pages: list[PageObject]) -> dict[int, int]:
    """Page index by object number, for the pages read."""
    return {
        page.indirect_reference.idnum: index
        for index, page in enumerate(pages)
        if page.indirect_reference is not None
    }


def _outline(reader: PdfReader, numbers: dict[int, int]) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of the outline's entries in document order.

    Walked with an explicit stack, at most ``MAX_OUTLINE_DEPTH`` deep and
    ``MAX_OUTLINE_ENTRIES`` long; a node met twice (a loop in a hostile file) is
    not followed again.
    """
    root = reader.root_object
    outlines = _field(root, "/Outlines")
    if not isinstance(outlines, DictionaryObject) or "/First" not in outlines:
        return []
    entries: list[tuple[int, str, int]] = []
    seen: set[int] = set()
    named: dict[str, int] | None = None
    stack: list[tuple[object, int]] = [(outlines.raw_get("/First"), 1)]
    while stack and len(entries) < MAX_OUTLINE_ENTRIES and len(seen) < MAX_OUTLINE_NODES:
        raw, depth = stack.pop()
        key = raw.idnum if isinstance(raw, IndirectObject) else id(raw)
        if key in seen:
            continue
        seen.add(key)
        node = raw.get_object() if isinstance(raw, PdfObject) else None
        if not isinstance(node, DictionaryObject):
            continue
        if "/Next" in node:
            stack.append((node.raw_get("/Next"), depth))
        if "/First" in node and depth < MAX_OUTLINE_DEPTH:
            stack.append((node.raw_get("/First"), depth + 1))  # popped first: children next
        title_object = _field(node, "/Title")
        title = clean_heading(title_object) if isinstance(title_object, str) else ""
        destination = _destination(node)
        if isinstance(destination, str):
            if named is None:
                named = _named_pages(reader, numbers)
            page = named.get(destination)
        else:
            page = _page_of(destination, numbers)
        if title and page is not None:
            entries.append((depth, title, page))
    return entries


def _field(node: DictionaryObject, key: str) -> object:
    """``node[key]`` with a reference followed, or None; ``get`` returns the reference."""
    raw = node.raw_get(key) if key in node else None
    return raw.get_object() if isinstance(raw, PdfObject) else raw


def _destination(node: DictionaryObject) -> object:
    """An outline entry's destination: an explicit one (array) or a name, from /Dest or a GoTo."""
    destination = _field(node, "/Dest")
    action = _field(node, "/A") if destination is None else None
    if isinstance(action, DictionaryObject) and _field(action, "/S") == "/GoTo":
        destination = _field(action, "/D")
    if isinstance(destination, (TextStringObject, ByteStringObject, NameObject)):
        return str(destination)
    return destination


def _page_of(destination: object, numbers: dict[int, int]) -> int | None:
    if isinstance(destination, ArrayObject) and destination:
        target = destination[0]
        if isinstance(target, IndirectObject):
            return numbers.get(target.idnum)
    return None


def _named_pages(reader: PdfReader, numbers: dict[int, int]) -> dict[str, int]:
    try:
        named = reader.named_destinations
    except (PdfReadError, ValueError, KeyError, RecursionError):
        return {}
    pages = {}
    for name, destination in named.items():
        target = destination.get("/Page") if isinstance(destination, dict) else None
        if isinstance(target, IndirectObject) and target.idnum in numbers:
            pages[name] = numbers[target.idnum]
    return pages
