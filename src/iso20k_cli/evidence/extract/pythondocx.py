"""A Word document read by python-docx, for a package the direct reader
(:mod:`wordpackage`, :mod:`wordxml`) leaves to it: its text, tables, headers and
properties, or the error it raises, are the answer. This module imports python-docx
(about 45 ms): it is imported only when a document needs it.
"""

from __future__ import annotations

from typing import Any, cast

import docx
from docx.document import Document
from docx.oxml.ns import nsmap, qn
from docx.oxml.styles import CT_Style
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.shared import StoryChild
from docx.table import Table as DocxTable
from lxml import etree

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import Extracted
from iso20k_cli.evidence.extract.word import Block, finish, read_body
from iso20k_cli.evidence.extract.wordxml import all_bold
from iso20k_cli.evidence.scan import Candidate

_STYLE, _STYLE_ID, _NAME, _VAL = qn("w:style"), qn("w:styleId"), qn("w:name"), qn("w:val")
_STYLE_BY_ID = etree.XPath("w:style[@w:styleId = $id]", namespaces={"w": nsmap["w"]})
# A table's rows and cells never reach the document part through their parent.
_NO_PARENT = cast(StoryChild, None)
# Style ids looked up one by one before all of a document's styles are read at once:
# a document uses a handful of the hundred and more styles its template defines.
_STYLES_LOOKED_UP = 16


def _rows(table: DocxTable) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def _style_name(style: CT_Style) -> str:
    name = style.find(_NAME)
    value = name.get(_VAL) if name is not None else None
    if name is not None and value is None:
        value = style.name_val  # python-docx's own complaint about a nameless name
    return (value or "").lower()


def style_names(document: Document) -> dict[str, str]:
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


class _StyleNames:
    """:func:`style_names`, looked up only for the ids paragraphs use."""

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
                self._all = style_names(self._document)
                return self._all.get(style_id, "")
            # The last style of the id, as reading them all in order keeps.
            found = _STYLE_BY_ID(self._document.styles.element, id=style_id)
            styles = (
                [e for e in found if isinstance(e, CT_Style)] if isinstance(found, list) else []
            )
            name = self._names[style_id] = _style_name(styles[-1]) if styles else ""
        return name


def _block(element: Any) -> Block:
    if isinstance(element, CT_P):
        return element.text, lambda: element.style, lambda: all_bold(element)
    if isinstance(element, CT_Tbl):
        return _rows(DocxTable(element, _NO_PARENT))
    return None


def extract_with_python_docx(candidate: Candidate) -> Extracted:
    """The document as python-docx reads it, or python-docx's error."""
    document = docx.Document(str(candidate.path))
    body = read_body(
        document.element.body.iterchildren(), _block, _StyleNames(document).__getitem__
    )
    header_lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    header_lines.append(paragraph.text.strip())
            for table in part.tables:
                header_lines.extend(table_lines(_rows(table)))
    return finish(body, header_lines, document.core_properties)
