"""Word (.docx) evidence: body text and tables in order, headings, headers and footers, core
properties.

Headings come from the heading styles; a document written without any (numbers
typed by hand, bold text) gets its numbered headings from the text instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import docx
from docx.document import Document
from docx.opc.coreprops import CoreProperties
from docx.oxml.ns import nsmap, qn
from docx.oxml.styles import CT_Style
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import StoryChild
from docx.table import Table as DocxTable
from lxml import etree

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import (
    Extracted,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.structure import (
    Mark,
    clean_heading,
    outline,
    placed_tables,
)
from iso20k_cli.evidence.extract.wordpackage import _style_name, read_package
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

_TITLE_STYLES = ("title", "heading 1")
_STYLE, _STYLE_ID, _NAME, _VAL = qn("w:style"), qn("w:styleId"), qn("w:name"), qn("w:val")
_STYLE_BY_ID = etree.XPath("w:style[@w:styleId = $id]", namespaces={"w": nsmap["w"]})
# A control table comes first; later tables are registers whose "Owner" or "Status"
# columns describe their rows, not the document.
CONTROL_TABLES = 2


# A table's rows and cells never reach the document part through their parent.
_NO_PARENT = cast(StoryChild, None)


def _rows(table: DocxTable) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def _style_names(document: Document) -> dict[str, str]:
    """Paragraph style names by style id, lower-cased, read once per document.

    ``Paragraph.style`` looks the id up in the styles part on every call; a long
    document has thousands of paragraphs. Ids are localised ("berschrift1") while
    names of built-in styles are stored in English ("heading 1"), so names decide.
    The styles are read straight from the XML: python-docx's accessors run an XPath
    query per style, and a template defines a hundred and more.
    """
    names: dict[str, str] = {}
    for style in document.styles.element.iterchildren(_STYLE):
        style_id = style.get(_STYLE_ID)
        if style_id:
            names[style_id] = _style_name(style)
    return names


# Style ids looked up one by one before all of a document's styles are read at once:
# a document uses a handful of the hundred and more styles its template defines.
_STYLES_LOOKED_UP = 16


class _StyleNames:
    """:func:`_style_names`, looked up only for the ids paragraphs use."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._names: dict[str, str] = {}
        self._all: dict[str, str] | None = None

    def __getitem__(self, style_id: str) -> str:
        if not style_id:
            return ""
        if self._all is not None:
            return self._all.get(style_id, "")
        name = self._names.get(style_id)
        if name is None:
            if len(self._names) >= _STYLES_LOOKED_UP:
                self._all = _style_names(self._document)
                return self._all.get(style_id, "")
            # The last style of the id, as reading them all in order keeps.
            found = _STYLE_BY_ID(self._document.styles.element, id=style_id)
            styles = (
                [e for e in found if isinstance(e, CT_Style)] if isinstance(found, list) else []
            )
            name = self._names[style_id] = _style_name(styles[-1]) if styles else ""
        return name


def _heading_level(style: str) -> int | None:
    if style == "title":
        return 1
    kind, _, number = style.partition(" ")
    if kind == "heading" and number.isdigit() and 1 <= int(number) <= 9:
        return int(number)
    return None


@dataclass
class _Body:
    """What the body holds, in the order read: lines of text, headings and tables."""

    lines: list[str] = field(default_factory=list)
    length: int = 0
    """Length of the text the lines make so far (joined with newlines)."""
    styled: list[Mark] = field(default_factory=list)
    """Paragraphs in a heading style, or in the Title style (as level 1)."""
    heading_styles: bool = False
    """Whether any paragraph is in a "Heading N" style (Title alone does not count)."""
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    """(offset, text) of every line, table rows blanked: the numbered-heading candidates."""
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    title: str | None = None

    def add(self, line: str, paragraph: bool = True) -> int:
        offset = self.length + (1 if self.lines else 0)
        self.lines.append(line)
        self.paragraphs.append((offset, line if paragraph else ""))
        self.length = offset + len(line)
        return offset


def _read_body(body_element: BaseOxmlElement, style_name: Callable[[str], str]) -> _Body:
    body = _Body()
    for element in body_element.iterchildren():
        if isinstance(element, CT_P):
            text = element.text.strip()
            if not text:
                continue
            style = style_name(element.style or "")
            if body.title is None and style in _TITLE_STYLES:
                body.title = text
            offset = body.add(text)
            if (level := _heading_level(style)) is not None:
                body.styled.append(Mark(level, clean_heading(text), offset))
                body.heading_styles = body.heading_styles or style != "title"
        elif isinstance(element, CT_Tbl):
            rows = _rows(DocxTable(element, _NO_PARENT))
            offset = body.length + (1 if body.lines else 0)
            body.tables.append((offset, rows))
            for row in rows:
                body.add(" | ".join(c for c in row if c), paragraph=False)
    return body


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    package = read_package(candidate.path)
    if package is None:
        return _extract_with_python_docx(candidate)
    names = package.style_names
    body = _read_body(package.document.body, lambda style_id: names.get(style_id, ""))
    header_lines: list[str] = []
    for part in package.headers_footers:
        for paragraph in part.p_lst:
            if paragraph.text.strip():
                header_lines.append(paragraph.text.strip())
        for table in part.tbl_lst:
            header_lines.extend(table_lines(_rows(DocxTable(table, _NO_PARENT))))
    return _finish(body, header_lines, package.core)


def _extract_with_python_docx(candidate: Candidate) -> Extracted:
    """A package :func:`read_package` leaves alone: python-docx reads it, or says why not."""
    document = docx.Document(str(candidate.path))
    body = _read_body(document.element.body, _StyleNames(document).__getitem__)
    header_lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    header_lines.append(paragraph.text.strip())
            for table in part.tables:
                header_lines.extend(table_lines(_rows(table)))
    return _finish(body, header_lines, document.core_properties)


def _finish(body: _Body, header_lines: list[str], core: CoreProperties) -> Extracted:
    control_lines: list[str] = []
    for _, rows in body.tables[:CONTROL_TABLES]:
        control_lines.extend(table_lines(rows))
    # Control blocks often live in the page header or footer.
    control_lines.extend(header_lines)

    text = "\n".join(body.lines)
    # A Title paragraph alone is common above numbers typed by hand: it is no style of
    # a heading, so numbered lines still stand in for headings under it.
    sections = outline(body.styled, body.heading_styles, body.paragraphs, len(text))
    metadata = metadata_control(
        core.identifier, core.version, core.author, core.content_status or core.category
    )
    core_title = useful_title(core.title)
    title, source = body.title, "heading" if body.title else None
    if title is None and core_title:
        title, source = core_title, "metadata"
    dates = tuple(d.date() for d in (core.created, core.modified) if isinstance(d, dt.datetime))
    return Extracted(
        text=text,
        sections=sections,
        tables=placed_tables(body.tables, sections),
        title=title,
        title_source=source,
        metadata=metadata,
        control_lines=control_lines,
        metadata_dates=dates,
    )
