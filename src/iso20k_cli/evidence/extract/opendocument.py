"""OpenDocument text (.odt) evidence: body text and tables in order, headings as sections,
page headers and footers, metadata, as the Word reader reads a .docx.

Headings are ``text:h`` elements with their outline level (what LibreOffice's
Heading styles write); a document written without any gets its numbered headings
from the text instead. A paragraph in the Title style is the title, as in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import (
    MAX_TABLE_ROWS,
    Extracted,
    Unreadable,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.odfpackage import (
    MAX_CELLS,
    OFFICE,
    STYLE,
    TABLE,
    TEXT,
    Meta,
    TextReader,
    open_package,
    table_rows,
)
from iso20k_cli.evidence.extract.structure import (
    Mark,
    clean_heading,
    outline,
    placed_tables,
)
from iso20k_cli.evidence.scan import Candidate

_P, _H = f"{{{TEXT}}}p", f"{{{TEXT}}}h"
_TABLE = f"{{{TABLE}}}table"
_LEVEL = f"{{{TEXT}}}outline-level"
_STYLE_NAME = f"{{{TEXT}}}style-name"
# Containers whose paragraphs are the body's own, read through in order.
_THROUGH = frozenset(
    {
        f"{{{TEXT}}}list",
        f"{{{TEXT}}}list-item",
        f"{{{TEXT}}}list-header",
        f"{{{TEXT}}}section",
        f"{{{TEXT}}}numbered-paragraph",
    }
)
_PAGE_PARTS = ("header", "footer", "header-left", "footer-left", "header-first", "footer-first")
# A control table comes first; later tables are registers (as in the Word reader).
CONTROL_TABLES = 2
MAX_DEPTH = 64  # lists in lists in sections: deeper is generated, not written


@dataclass
class _Body:
    """What the body holds, in the order read: lines of text, headings and tables."""

    reader: TextReader
    titles: frozenset[str]
    lines: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[Mark] = field(default_factory=list)
    headings: bool = False
    """Whether any ``text:h`` was met (a Title paragraph alone does not count)."""
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    title: str | None = None
    first_heading: str | None = None
    budget: list[int] = field(default_factory=lambda: [MAX_CELLS])

    def add(self, line: str, paragraph: bool = True) -> int:
        offset = self.length + (1 if self.lines else 0)
        self.lines.append(line)
        self.paragraphs.append((offset, line if paragraph else ""))
        self.length = offset + len(line)
        return offset

    def read(self, container: Any, depth: int = 0) -> None:
        for element in container:
            if self.reader.budget <= 0:
                return
            tag = element.tag
            if tag in (_P, _H):
                self._paragraph(element)
            elif tag == _TABLE:
                self._table(element)
            elif tag in _THROUGH and depth < MAX_DEPTH:
                self.read(element, depth + 1)

    def _paragraph(self, element: Any) -> None:
        text = self.reader.paragraph(element).strip()
        if not text:
            return
        offset = self.add(text)
        if element.tag == _H:
            level = _level(element.get(_LEVEL))
            self.marks.append(Mark(level, clean_heading(text), offset))
            self.headings = True
            if self.first_heading is None:
                self.first_heading = text
        elif element.get(_STYLE_NAME) in self.titles:
            self.marks.append(Mark(1, clean_heading(text), offset))
            if self.title is None:
                self.title = text

    def _table(self, element: Any) -> None:
        found = table_rows(element, self._cell, MAX_TABLE_ROWS, self.budget).rows
        rows = [[str(c or "") for c in row] for row in found]
        offset = self.length + (1 if self.lines else 0)
        self.tables.append((offset, rows))
        for row in rows:
            self.add(" | ".join(c for c in row if c), paragraph=False)

    def _cell(self, cell: Any) -> str | None:
        return self.reader.block(cell) or None


def _level(value: str | None) -> int:
    # A heading that states no outline level is at level 1, as OpenDocument defines it.
    try:
        return min(max(int(value or 1), 1), 10)
    except ValueError:
        return 1


def _title_styles(*roots: Any) -> frozenset[str]:
    """The names of the Title paragraph style and of the automatic styles based on it
    (LibreOffice writes a paragraph with direct formatting as "P1", parent "Title")."""
    names = {"Title"}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{{{STYLE}}}style"):
            if style.get(f"{{{STYLE}}}parent-style-name") == "Title":
                name = style.get(f"{{{STYLE}}}name")
                if name:
                    names.add(name)
    return frozenset(names)


def _page_lines(styles: Any, reader: TextReader) -> list[str]:
    """Lines of the page headers and footers, where control blocks often live."""
    lines: list[str] = []
    if styles is None:
        return lines
    budget = [MAX_CELLS]
    for page in styles.iter(f"{{{STYLE}}}master-page"):
        for part in page:
            if not isinstance(part.tag, str) or part.tag[len(STYLE) + 2 :] not in _PAGE_PARTS:
                continue
            for element in part:
                if element.tag in (_P, _H):
                    text = reader.paragraph(element).strip()
                    if text:
                        lines.append(text)
                elif element.tag == _TABLE:
                    found = table_rows(element, reader.block, 50, budget).rows
                    lines.extend(table_lines([[str(c or "") for c in row] for row in found]))
    return lines


def extract(candidate: Candidate) -> Extracted:
    with open_package(candidate.path, "text") as package:
        content = package.parse("content.xml")
        if content is None:
            raise _not_text()
        text_body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
        if text_body is None:
            raise _not_text()
        styles = package.parse("styles.xml")
        reader = TextReader()
        body = _Body(reader, _title_styles(content, styles))
        body.read(text_body)
        header_lines = _page_lines(styles, reader)
        meta = package.meta()
    return _finish(body, header_lines, meta)


def _not_text() -> Unreadable:
    return Unreadable("not an OpenDocument text document: it holds no text body")


def _finish(body: _Body, header_lines: list[str], meta: Meta) -> Extracted:
    control_lines: list[str] = []
    for _, rows in body.tables[:CONTROL_TABLES]:
        control_lines.extend(table_lines(rows))
    control_lines.extend(header_lines)
    text = "\n".join(body.lines)
    sections = outline(body.marks, bool(body.headings), body.paragraphs, len(text))
    title = useful_title(meta.title)
    source = "metadata" if title else None
    if title is None:
        title = body.title or body.first_heading
        source = "heading" if title else None
    dates = tuple(d.date() for d in (meta.created, meta.modified) if d is not None)
    return Extracted(
        text=text,
        sections=sections,
        tables=placed_tables(body.tables, sections),
        title=clean_heading(title) if title else None,
        title_source=source,
        metadata=metadata_control(owner=meta.author),
        control_lines=control_lines,
        metadata_dates=dates,
    )
