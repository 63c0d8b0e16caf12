"""HTML evidence (an exported wiki page, an intranet policy): text, title, tables, meta tags.

Read by libxml2's HTML parser (through lxml) feeding events to a reader: it fetches
nothing and resolves no entity beyond HTML's own, and it reads malformed markup in one
pass. The standard library's parser rescans from each unclosed construct ("<!--", "</"
with no end), so a few hundred kilobytes of them took minutes.
"""

from __future__ import annotations

from typing import Any, cast

from lxml import etree

from iso20k_cli.evidence.doccontrol import table_lines
from iso20k_cli.evidence.extract.base import MAX_TABLES, Extracted, useful_title
from iso20k_cli.evidence.extract.structure import (
    MAX_HEADING_CHARS,
    Mark,
    build_sections,
    clean_heading,
    first_filled,
    headings_at,
    make_table,
)
from iso20k_cli.evidence.extract.textfile import read_text
from iso20k_cli.evidence.model import Section, Table
from iso20k_cli.evidence.scan import Candidate

_SKIP = {"script", "style", "noscript", "template", "svg"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table"}


class _Reader:
    """What a page holds, from the parser's start, end and data events."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        """Each line's pieces of text, joined once read: a line added to piece by piece
        as a string is copied whole each time."""
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.tables: list[list[list[str]]] = []
        self.table_lines: list[int] = []
        """The line each table starts on, to find the heading it stands under."""
        self.header_rows: list[int | None] = []
        """Each table's first row with a ``th`` cell."""
        self.headings: list[tuple[int, str, int]] = []
        """(level, text, line index) of each h1-h6."""
        self._stack: list[str] = []
        self._skip = 0
        self._cell: list[str] | None = None
        self._open_tables: list[int] = []
        self._heading: tuple[int, int, list[str]] | None = None
        self._first_h1: bool | None = None
        """True inside the page's first h1, False after it."""

    def start(self, tag: str, values: Any) -> None:
        if tag in _SKIP:
            self._skip += 1
        if tag == "meta":
            name = (values.get("name") or values.get("property") or "").lower()
            if name and values.get("content"):
                self.meta[name] = values["content"]
        if tag in _BLOCKS:
            self.lines.append([])
        if tag == "h1" and self._first_h1 is None:
            self._first_h1 = True
        if tag in _HEADINGS:
            self._end_heading()
            self._heading = (_HEADINGS[tag], len(self.lines) - 1, [])
        if tag == "table":
            self._open_tables.append(len(self.tables))
            self.tables.append([])
            self.table_lines.append(len(self.lines) - 1)
            self.header_rows.append(None)
        elif tag == "tr" and self._open_tables:
            self.tables[self._open_tables[-1]].append([])
        elif tag in ("td", "th"):
            self._cell = []
            if tag == "th" and self._open_tables:
                self._mark_header_row(self._open_tables[-1])
        self._stack.append(tag)

    def end(self, tag: str) -> None:
        if tag == "h1" and self._first_h1:
            self._first_h1 = False
        if tag in _SKIP and self._skip:
            self._skip -= 1
        rows = self.tables[self._open_tables[-1]] if self._open_tables else None
        if tag in ("td", "th") and self._cell is not None and rows:
            rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
            self.lines[-1].append(" | ")
        if tag == "table" and self._open_tables:
            self._open_tables.pop()
        if tag in _HEADINGS and self._heading is not None:
            self._end_heading()
            self.lines.append([])  # what follows a heading is not part of it
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def data(self, data: str) -> None:
        if self._skip:
            return
        current = self._stack[-1] if self._stack else ""
        if current == "title":
            if len(self.title) < MAX_HEADING_CHARS:
                self.title += data
            return
        if current == "h1" and self._first_h1 and len(self.h1) < MAX_HEADING_CHARS:
            self.h1 += data  # the parser may hand a heading's text over in pieces
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None and sum(map(len, self._heading[2])) < MAX_HEADING_CHARS:
            self._heading[2].append(data)
        self.lines[-1].append(data)

    def comment(self, text: str) -> None:
        """A comment is not part of what the page says."""

    def _mark_header_row(self, table: int) -> None:
        if self.tables[table] and self.header_rows[table] is None:
            self.header_rows[table] = len(self.tables[table]) - 1

    def close(self) -> None:
        self._end_heading()

    def _end_heading(self) -> None:
        if self._heading is not None:
            level, line, parts = self._heading
            self.headings.append((level, clean_heading("".join(parts)), line))
            self._heading = None


def _read(html: str) -> _Reader:
    reader = _Reader()
    parser = etree.HTMLParser(
        # Text and names come as str from a parser told the encoding; the stubs' target
        # also allows bytes, which only a parser left to guess would hand over.
        target=cast("etree.ParserTarget", reader),
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
    )
    try:
        parser.feed(html.encode("utf-8", "replace"))
        parser.close()
    except etree.LxmlError:
        reader.close()  # nothing to read ("Document is empty"): what was read stands
    return reader


def extract(candidate: Candidate) -> Extracted:
    return read_page(read_text(candidate))


def read_page(html: str) -> Extracted:
    """An HTML page's text, one line per block, its heading tree, tables and title."""
    reader = _read(html)
    lines = _lines(reader)
    starts = _line_starts(lines)
    text = "\n".join(line for line in lines if line)
    control_lines = [f"{k}: {v}" for k, v in reader.meta.items()]
    for table in reader.tables[:2]:
        control_lines.extend(table_lines(table))
    confluence = _from_confluence(reader, text)
    sections = build_sections(
        [
            Mark(level, _without_space(heading, confluence), starts[line])
            for level, heading, line in reader.headings
        ],
        len(text),
    )
    title = useful_title(_without_space(reader.title, confluence)) or useful_title(
        _without_space(reader.h1.strip(), confluence)
    )
    return Extracted(
        text=text,
        sections=sections,
        tables=_tables(reader, sections, starts),
        title=title,
        title_source="heading" if title else None,
        control_lines=control_lines,
    )


_CONFLUENCE_FOOTER = "Document generated by Confluence"
_SPACE_SEPARATOR = " : "


def _from_confluence(reader: _Reader, text: str) -> bool:
    """Whether the page is a Confluence export: its generator tag or its footer says so."""
    return (
        reader.meta.get("generator", "").lower() == "confluence"
        or _CONFLUENCE_FOOTER in text[-2000:]
    )


def _without_space(title: str, confluence: bool) -> str:
    """A Confluence export's page title without its space's name: its title reads
    "Change Management : Book club", and only "Book club" is the page's."""
    if not confluence or _SPACE_SEPARATOR not in title:
        return title
    return title.split(_SPACE_SEPARATOR, 1)[1].strip()


def page_text(html: str) -> str:
    """The text of an HTML body (an e-mail's), one line per block, without its markup."""
    return "\n".join(line for line in _lines(_read(html)) if line)


def _lines(reader: _Reader) -> list[str]:
    return [" ".join("".join(line).split()).strip(" |") for line in reader.lines]


def table_rows(html: str) -> list[list[str]]:
    """The rows of the first table in an HTML fragment, its header row first (the first
    row with a ``th`` cell, else the first filled one); nothing if it has none."""
    reader = _read(html)
    rows = next((t for t in reader.tables if t), [])
    header = reader.header_rows[reader.tables.index(rows)] if rows else None
    at = header if header is not None else first_filled(rows)
    return rows[at:] if at is not None else []


def _line_starts(lines: list[str]) -> list[int]:
    """For each line, where the first kept line from it on starts in the joined text.

    Empty lines are dropped from the text, so a heading whose own line came out
    empty (its text sits in a nested block) points at the next line that was kept.
    """
    starts = [0] * (len(lines) + 1)
    position = sum(len(line) + 1 for line in lines if line) - 1
    starts[len(lines)] = max(position, 0)
    for index in range(len(lines) - 1, -1, -1):
        if lines[index]:
            position -= len(lines[index]) + 1
            starts[index] = position + 1
        else:
            starts[index] = starts[index + 1]
    return starts


def _tables(reader: _Reader, sections: list[Section], starts: list[int]) -> list[Table]:
    found = [
        (rows, header, starts[line])
        for rows, header, line in zip(
            reader.tables, reader.header_rows, reader.table_lines, strict=True
        )
        if rows
    ][:MAX_TABLES]
    headings = headings_at(sections, [offset for _, _, offset in found])
    tables = []
    for (rows, header, _), heading in zip(found, headings, strict=True):
        header_at = header if header is not None else first_filled(rows)
        if header_at is not None:
            tables.append(make_table(rows, header_at, heading))
    return tables
