"""Word (.docx) evidence: body text and tables in order, headings, headers and footers, core
properties.

Headings come from the heading styles; a document written without any (numbers
typed by hand, bold text) gets its numbered headings from the text instead.

A package of the usual shape is read from its parts as plain XML (:mod:`wordpackage`,
:mod:`wordxml`), each value as python-docx reads it; anything else is read by
python-docx (:mod:`pythondocx`, imported only then), whose answer or error stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

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
from iso20k_cli.evidence.extract.wordpackage import read_package
from iso20k_cli.evidence.extract.wordxml import (
    TBL,
    Declined,
    P,
    all_bold,
    paragraph_style,
    paragraph_text,
    table_rows,
)
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

_TITLE_STYLES = ("title", "heading 1")
# A line typed as a heading: a few words, no sentence.
_MAX_TYPED_HEADING_WORDS = 12
_MAX_TYPED_HEADING_CHARS = 100
# A control table comes first; later tables are registers whose "Owner" or "Status"
# columns describe their rows, not the document.
CONTROL_TABLES = 2


class Properties(Protocol):
    """The core properties read: python-docx's ``CoreProperties`` or a
    :class:`~iso20k_cli.evidence.extract.wordprops.WordProperties`."""

    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def identifier(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def content_status(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def created(self) -> dt.datetime | None: ...
    @property
    def modified(self) -> dt.datetime | None: ...


def _heading_level(style: str) -> int | None:
    if style == "title":
        return 1
    kind, _, number = style.partition(" ")
    if kind == "heading" and number.isdigit() and 1 <= int(number) <= 9:
        return int(number)
    return None


@dataclass
class Body:
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
    typed: list[tuple[int, str]] = field(default_factory=list)
    """(offset, text) of short paragraphs typed bold in the Normal style: the title and
    headings of a document written without heading styles."""

    def add(self, line: str, paragraph: bool = True) -> int:
        offset = self.length + (1 if self.lines else 0)
        self.lines.append(line)
        self.paragraphs.append((offset, line if paragraph else ""))
        self.length = offset + len(line)
        return offset


# A body element read as a paragraph (its text, style id, and whether it is all bold),
# a table (its rows), or neither (None).
Block = tuple[str, Callable[[], str | None], Callable[[], bool]] | list[list[str]] | None


def read_body(
    children: Iterable[Any], block: Callable[[Any], Block], style_name: Callable[[str], str]
) -> Body:
    body = Body()
    for element in children:
        found = block(element)
        if isinstance(found, tuple):
            text = found[0].strip()
            if not text:
                continue
            style = style_name(found[1]() or "")
            if body.title is None and style in _TITLE_STYLES:
                body.title = text
            offset = body.add(text)
            if (level := _heading_level(style)) is not None:
                body.styled.append(Mark(level, clean_heading(text), offset))
                body.heading_styles = body.heading_styles or style != "title"
            elif _typed_heading(text) and found[2]():
                body.typed.append((offset, text))
        elif found is not None:
            rows = found
            offset = body.length + (1 if body.lines else 0)
            body.tables.append((offset, rows))
            for row in rows:
                body.add(" | ".join(c for c in row if c), paragraph=False)
    return body


def _typed_heading(text: str) -> bool:
    return (
        len(text) <= _MAX_TYPED_HEADING_CHARS
        and len(text.split()) <= _MAX_TYPED_HEADING_WORDS
        and text[-1] not in ".,;:"
    )


def _block(element: Any) -> Block:
    tag = element.tag
    if tag == P:
        return (
            paragraph_text(element),
            lambda: paragraph_style(element),
            lambda: all_bold(element),
        )
    if tag == TBL:
        return table_rows(element)
    return None


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    found = read_directly(candidate.path)
    if found is not None:
        return found
    from iso20k_cli.evidence.extract.pythondocx import extract_with_python_docx

    return extract_with_python_docx(candidate)


def read_directly(path: Path) -> Extracted | None:
    """The document read from its parts as plain XML, or None when python-docx should
    read it (a package of another shape, or a value python-docx reads otherwise)."""
    package = read_package(path)
    if package is None:
        return None
    try:
        names = package.style_names
        body = read_body(package.body, _block, lambda style_id: names.get(style_id, ""))
        header_lines: list[str] = []
        for part in package.headers_footers:
            for paragraph in part.iterchildren(P):
                if text := paragraph_text(paragraph).strip():
                    header_lines.append(text)
            for table in part.iterchildren(TBL):
                header_lines.extend(table_lines(table_rows(table)))
        return finish(body, header_lines, package.core)
    except Declined:
        return None


def finish(body: Body, header_lines: list[str], core: Properties) -> Extracted:
    control_lines: list[str] = []
    for _, rows in body.tables[:CONTROL_TABLES]:
        control_lines.extend(table_lines(rows))
    # Control blocks often live in the page header or footer.
    control_lines.extend(header_lines)

    text = "\n".join(body.lines)
    typed_title = _typed_title(body)
    # A Title paragraph alone is common above numbers typed by hand: it is no style of
    # a heading, so numbered lines still stand in for headings under it.
    sections = outline(
        body.styled or _typed_marks(body, typed_title),
        body.heading_styles,
        body.paragraphs,
        len(text),
    )
    metadata = metadata_control(
        core.identifier, core.version, core.author, core.content_status or core.category
    )
    core_title = useful_title(core.title)
    title, source = body.title, "heading" if body.title else None
    if title is None and typed_title is not None:
        title, source = typed_title, "bold line"
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


def _typed_title(body: Body) -> str | None:
    """The first line of a document with no Title or heading style, when it is typed
    bold: how Google Docs exports, and many authors write, a title."""
    if body.title is not None or body.styled or not body.typed or body.typed[0][0] != 0:
        return None
    return useful_title(body.typed[0][1])


def _typed_marks(body: Body, title: str | None) -> list[Mark]:
    """Headings typed as bold lines, where no heading style is used at all: the title
    first, then the other bold lines as its parts."""
    if body.styled or not body.typed:
        return []
    marks = [Mark(1, clean_heading(title), 0)] if title is not None else []
    level = 2 if marks else 1
    marks += [
        Mark(level, clean_heading(text), offset)
        for offset, text in body.typed
        if offset != 0 or title is None
    ]
    return marks
