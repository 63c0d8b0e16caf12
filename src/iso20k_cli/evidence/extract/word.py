"""Word (.docx) evidence: body text and tables in order, headers and footers, core properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import Extracted, metadata_control, useful_title
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

_TITLE_STYLES = ("title", "heading 1")
# A control table comes first; later tables are registers whose "Owner" or "Status"
# columns describe their rows, not the document.
CONTROL_TABLES = 2


def _blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in the order they appear in the body."""
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    document = docx.Document(str(candidate.path))
    lines: list[str] = []
    control_lines: list[str] = []
    title: str | None = None
    tables_seen = 0
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if not text:
                continue
            style = (block.style.name if block.style is not None else "").lower()
            if title is None and style in _TITLE_STYLES:
                title = text
            lines.append(text)
        else:
            rows = _rows(block)
            tables_seen += 1
            if tables_seen <= CONTROL_TABLES:
                control_lines.extend(table_lines(rows))
            lines.extend(" | ".join(c for c in row if c) for row in rows)
    # Control blocks often live in the page header or footer.
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    control_lines.append(paragraph.text.strip())
            for table in part.tables:
                control_lines.extend(table_lines(_rows(table)))

    core = document.core_properties
    metadata = metadata_control(
        core.identifier, core.version, core.author, core.content_status or core.category
    )
    core_title = useful_title(core.title)
    source = "heading" if title else None
    if title is None and core_title:
        title, source = core_title, "metadata"
    dates = tuple(d.date() for d in (core.created, core.modified) if isinstance(d, dt.datetime))
    return Extracted(
        text="\n".join(lines),
        title=title,
        title_source=source,
        metadata=metadata,
        control_lines=control_lines,
        metadata_dates=dates,
    )
