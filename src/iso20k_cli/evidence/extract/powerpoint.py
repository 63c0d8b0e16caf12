"""PowerPoint (.pptx) evidence: slides as sections, their text and tables, core properties.

Management reviews and service reports are often presented as slides, so each
slide is a section an auditor can point at. python-pptx parses the XML with
entity resolution turned off; the archive is checked for bombs before it opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pptx
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape
from pptx.slide import Slide

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import (
    MAX_TABLES,
    Extracted,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    clean_heading,
    first_filled,
    make_table,
)
from iso20k_cli.evidence.model import SectionKind, Table
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.evidence.zipguard import check_archive

CONTROL_TABLES = 2  # as in Word: a control table comes first, registers later


@dataclass
class _Deck:
    """The text read so far, slide after slide, and what stands where in it."""

    lines: list[str] = field(default_factory=list)
    length: int = 0
    """Length of the text the lines make so far (joined with newlines)."""
    marks: list[Mark] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    control_rows: list[list[list[str]]] = field(default_factory=list)

    def add(self, line: str) -> int:
        offset = self.length + (1 if self.lines else 0)
        self.lines.append(line)
        self.length = offset + len(line)
        return offset


def _text_lines(text: str) -> list[str]:
    """A text frame's paragraphs and line breaks (``\\v``) as lines, empty ones dropped."""
    return [line.strip() for line in text.replace("\v", "\n").split("\n") if line.strip()]


def _shapes(shapes: Iterable[BaseShape]) -> Iterator[BaseShape]:
    """Every shape in order, those inside groups too, without recursion."""
    stack: list[Iterator[BaseShape]] = [iter(shapes)]
    while stack:
        shape = next(stack[-1], None)
        if shape is None:
            stack.pop()
        elif isinstance(shape, GroupShape):
            stack.append(iter(shape.shapes))
        else:
            yield shape


def _is_subtitle(shape: BaseShape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE


def _read_slide(deck: _Deck, slide: Slide, number: int) -> str:
    """Add one slide's text, section and tables to ``deck``; return its heading."""
    title_shape = slide.shapes.title
    title = clean_heading(title_shape.text_frame.text) if title_shape is not None else ""
    heading = title or f"Slide {number}"
    start = deck.add(heading)
    caption = None
    for shape in _shapes(slide.shapes):
        if title_shape is not None and shape.element is title_shape.element:
            continue
        if isinstance(shape, GraphicFrame) and shape.has_table:
            rows = [[" ".join(cell.text.split()) for cell in row.cells] for row in shape.table.rows]
            for row in rows:
                deck.add(" | ".join(c for c in row if c))
            _add_table(deck, rows, heading)
        elif isinstance(shape, Shape) and shape.has_text_frame:
            text = shape.text_frame.text
            if caption is None and _is_subtitle(shape):
                caption = clean_heading(text) or None
            for line in _text_lines(text):
                deck.add(line)
    if slide.has_notes_slide and (notes := slide.notes_slide.notes_text_frame) is not None:
        for line in _text_lines(notes.text):
            deck.add(line)
    deck.marks.append(Mark(1, heading, start, deck.length, caption))
    return title


def _add_table(deck: _Deck, rows: list[list[str]], heading: str) -> None:
    if len(deck.control_rows) < CONTROL_TABLES:
        deck.control_rows.append(rows)
    header_at = first_filled(rows)
    if header_at is not None and len(deck.tables) < MAX_TABLES:
        deck.tables.append(make_table(rows, header_at, heading))


def extract(candidate: Candidate) -> Extracted:
    check_archive(candidate.path)
    presentation = pptx.Presentation(str(candidate.path))
    deck = _Deck()
    first_title: str | None = None
    for number, slide in enumerate(presentation.slides, start=1):
        slide_title = _read_slide(deck, slide, number)
        if number == 1:
            first_title = useful_title(slide_title)
    text = "\n".join(deck.lines)
    control_lines: list[str] = []
    for rows in deck.control_rows:
        control_lines.extend(table_lines(rows))
    core = presentation.core_properties
    metadata = metadata_control(
        core.identifier, core.version, core.author, core.content_status or core.category
    )
    title = useful_title(core.title)
    source = "metadata"
    if title is None:
        title, source = first_title, "heading"
    dates = tuple(d.date() for d in (core.created, core.modified) if isinstance(d, dt.datetime))
    return Extracted(
        text=text,
        sections=build_sections(deck.marks, len(text), SectionKind.SLIDE),
        tables=deck.tables,
        title=title,
        title_source=source if title else None,
        metadata=metadata,
        control_lines=control_lines,
        metadata_dates=dates,
    )
