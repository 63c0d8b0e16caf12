"""What a format extractor hands back, before the shared finishing steps."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from iso20k_cli.evidence.frontmatter import normalise_status
from iso20k_cli.evidence.model import DocumentControl, Section, Table
from iso20k_cli.evidence.names import person

# Text kept per file for content matching; beyond this a file adds nothing but memory.
MAX_TEXT_CHARS = 2_000_000
# Structure kept per file: a document with more parts than this is generated, not
# written, and more would cost memory without helping anyone find the evidence.
MAX_SECTIONS = 2_000
MAX_TABLES = 500
MAX_TABLE_ROWS = 20_000

_JUNK_TITLES = re.compile(
    r"^(untitled.*|document\s*\d*|doc\d*|(powerpoint )?presentation\s*\d*|book\s*\d*|sheet\s*\d*|"
    r"microsoft (word|excel|powerpoint)( -)?|title|\W*)$",
    re.IGNORECASE,
)
# Printed to PDF from Office, a file's title is "Microsoft Word - <its file name>".
_PRINTED_FROM = ("microsoft word - ", "microsoft excel - ", "microsoft powerpoint - ")
_OFFICE_SUFFIXES = (".docx", ".doc", ".docm", ".xlsx", ".xls", ".xlsm", ".pptx", ".ppt", ".rtf")


class Unreadable(Exception):
    """The file's content cannot be read; the message says why, for the user."""


@dataclass
class Extracted:
    """One file's content as its format allows, sorted by how much each part is trusted.

    ``control`` is explicit (front-matter); ``metadata`` (Office core properties,
    PDF information) is the weakest source, as templates leave stale values there.
    """

    text: str = ""
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    title: str | None = None
    title_source: str | None = None
    control: DocumentControl = field(default_factory=DocumentControl)
    metadata: DocumentControl = field(default_factory=DocumentControl)
    control_lines: list[str] = field(default_factory=list)
    """Extra 'Label: value' lines (from tables) searched for a document-control block."""
    history: DocumentControl = field(default_factory=DocumentControl)
    """A revision history the format keeps outside its tables (a block of a sheet)."""
    record_dates: tuple[dt.date, ...] = ()
    column_dates: tuple[dt.date, ...] = ()
    date_cells: list[tuple[object, ...]] = field(default_factory=list)
    """The cells of the date columns of registers, read once the file's date order is known."""
    metadata_dates: tuple[dt.date, ...] = ()
    declared: tuple[str, ...] = ()
    open_dates: dict[str, str] = field(default_factory=dict)
    """Front-matter dates that read either way round, by field, read with the file's order."""
    warnings: list[str] = field(default_factory=list)
    unreadable: str | None = None
    """Why the content could not be read: a limit (a scan, a format not read) ..."""
    failure: bool = False
    """... or, when True, a fault of the file (damaged, encrypted, a bomb, a link)."""


def useful_title(title: object) -> str | None:
    """A metadata title worth using: not empty, not a template or application default."""
    if not isinstance(title, str):
        return None
    text = " ".join(title.split())
    lowered = text.lower()
    printed = next((p for p in _PRINTED_FROM if lowered.startswith(p)), None)
    if printed is not None:
        # The name of the file it was printed from names the document as well as a title.
        text = text[len(printed) :]
        suffix = next((x for x in _OFFICE_SUFFIXES if text.lower().endswith(x)), "")
        text = text[: len(text) - len(suffix)].strip()
    if not text or len(text) > 200 or _JUNK_TITLES.match(text):
        return None
    return text


def metadata_control(
    doc_id: object = None, version: object = None, owner: object = None, status: object = None
) -> DocumentControl:
    """Document control from Office core properties or PDF information, junk values dropped:
    an author that names the software or account that wrote the file is no owner."""
    status_text = str(status).strip() if status else None
    return DocumentControl(
        doc_id=str(doc_id).strip() or None if doc_id else None,
        version=str(version).strip() or None if version else None,
        owner=person(useful_title(owner)),
        status=normalise_status(status_text) if status_text else None,
        status_text=status_text,
    )
