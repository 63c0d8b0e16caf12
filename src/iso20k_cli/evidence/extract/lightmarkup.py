"""What reStructuredText and AsciiDoc readers share: the text they write, read as Markdown is.

Both formats are handbooks' source (Sphinx, Antora), so their files are given the same
document model as a Markdown page: the parser writes the page's text with headings as
``#`` lines, tables as pipe rows and link-only list entries as ``[text](target)``, so
that everything that reads a Markdown page's text (an index of links, a record's
labelled parts, a control block at its head) reads these pages alike. Markup that is
not prose (code listings, comments, pictures) is left out of the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from iso20k_cli.evidence.doccontrol import merge
from iso20k_cli.evidence.extract.base import MAX_TABLES, MAX_TEXT_CHARS, Extracted
from iso20k_cli.evidence.extract.markdown import fallback_title
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    clean_heading,
    headings_at,
    make_table,
)
from iso20k_cli.evidence.extract.textfile import extract_text_file
from iso20k_cli.evidence.frontmatter import is_known_field, read_fields
from iso20k_cli.evidence.loglines import logged_dates
from iso20k_cli.evidence.scan import Candidate

MAX_FIELDS = 200  # metadata fields read from a document's head; more is not metadata
MAX_FIELD_CHARS = 500
MAX_CELL_CHARS = 10_000
MAX_TABLE_LINES = 20_000
"""Lines a table is read over: one not closed within them ends there."""
_HEADING_MARKS = 6


@dataclass
class Page:
    """A page as its parser wrote it: the text, where headings and tables are in it,
    and the metadata fields of its head."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[Mark] = field(default_factory=list)
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata fields by name as written ("Owner", "revdate"), in their order."""
    title: str | None = None
    """A title the page states as metadata (``.. title::``, ``:doctitle:``)."""
    _blank: bool = True

    @property
    def full(self) -> bool:
        """Whether the text holds all a file keeps: what follows would be cut anyway."""
        return self.length >= MAX_TEXT_CHARS

    def line(self, text: str) -> None:
        self.parts.append(text)
        self.parts.append("\n")
        self.length += len(text) + 1
        self._blank = not text

    def blank(self) -> None:
        """A paragraph's end: one blank line however many the source has."""
        if not self._blank:
            self.line("")

    def heading(self, level: int, text: str) -> None:
        heading = clean_heading(text)
        if not heading:
            return
        hashes = "#" * min(max(level, 1), _HEADING_MARKS)
        start = self.length
        self.line(f"{hashes} {heading}")
        self.marks.append(Mark(level, heading, start + len(hashes) + 1, line=start))

    def table(self, rows: list[list[str]]) -> None:
        rows = [[" ".join(c.split())[:MAX_CELL_CHARS] for c in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        self.tables.append((self.length, rows))
        for row in rows:
            self.line("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")

    def field(self, name: str, value: str) -> None:
        """A metadata field of the page's head; the first of a name is kept."""
        name, value = " ".join(name.split()), " ".join(value.split())[:MAX_FIELD_CHARS]
        if name and value and name not in self.fields and len(self.fields) < MAX_FIELDS:
            self.fields[name] = value

    @property
    def text(self) -> str:
        return "".join(self.parts)


def link_entry(marker: str, text: str, target: str) -> str:
    """A list entry that is only a link, as Markdown writes one: what an index is made of."""
    text = " ".join(text.replace("]", ")").split()) or target
    return f"{marker} [{text}]({target.replace(')', '%29').replace(' ', '%20')})"


def read_page(
    candidate: Candidate, parse: Callable[[str], Page], label: Callable[[str], str]
) -> Extracted:
    """A file's :class:`Extracted` from its page as ``parse`` writes it.

    YAML front-matter is honoured first, as static-site generators read it in these
    formats too; the page's own metadata fields come after it. ``label`` names a field
    as a document-control line would ("revdate": "Revision date").
    """
    extracted = extract_text_file(candidate)
    page = parse(extracted.text)
    text = page.text
    extracted.text = text
    extracted.sections = build_sections(page.marks, len(text))
    found = page.tables[:MAX_TABLES]
    headings = headings_at(extracted.sections, [offset for offset, _ in found])
    extracted.tables = [
        make_table(rows, 0, heading) for (_, rows), heading in zip(found, headings, strict=True)
    ]
    _metadata(extracted, page, label)
    extracted.column_dates = () if extracted.record_dates else logged_dates(text)
    if extracted.title is None and page.title:
        extracted.title, extracted.title_source = page.title, "front-matter"
    if extracted.title is None and (title := fallback_title(page.marks)):
        extracted.title, extracted.title_source = title, "heading"
    return extracted


def _metadata(extracted: Extracted, page: Page, label: Callable[[str], str]) -> None:
    """The page's metadata fields, read as front-matter where its names are front-matter's
    and as a control block's labelled lines otherwise."""
    known = {name: value for name, value in page.fields.items() if is_known_field(label(name))}
    fields = read_fields({label(name): value for name, value in known.items()})
    extracted.control_lines = [f"{label(n)}: {v}" for n, v in page.fields.items() if n not in known]
    extracted.control = merge(extracted.control, fields.control)
    if extracted.title is None and fields.title:
        extracted.title, extracted.title_source = fields.title, "front-matter"
    extracted.record_dates = extracted.record_dates or fields.record_dates
    extracted.open_dates = fields.open_dates | extracted.open_dates
    extracted.warnings.extend(fields.warnings)
