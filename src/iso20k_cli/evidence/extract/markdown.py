"""Markdown (and MDX) evidence: front-matter for document control, headings and pipe tables.

Documentation sites and handbooks are written in Markdown, so the heading tree is
where a procedure's parts are. Parsing is line by line with string methods: a
file from an untrusted folder must not be able to make a regular expression
backtrack (a heading line of twenty thousand spaces is read in linear time).
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass, field

from iso20k_cli.evidence.extract.base import MAX_TABLES, Extracted
from iso20k_cli.evidence.extract.structure import (
    Mark,
    build_sections,
    clean_heading,
    headings_at,
    make_table,
)
from iso20k_cli.evidence.extract.textfile import extract_text_file
from iso20k_cli.evidence.extract.webpage import read_page, table_rows
from iso20k_cli.evidence.scan import Candidate

# An HTML table written into a page (documents converted from a word processor keep
# theirs): read up to this many lines for its closing tag.
_MAX_HTML_TABLE_LINES = 5000
_ESM_WORDS = frozenset({"const", "let", "var", "default", "function", "async", "class"})
MAX_ESM_LINES = 40  # an import or export statement longer than this is left as text


def extract(candidate: Candidate) -> Extracted:
    extracted = extract_text_file(candidate)
    mdx = candidate.rel.lower().endswith(".mdx")
    if mdx:
        extracted.text = without_esm(extracted.text)
    elif written_in_html(extracted.text):
        page = read_page(extracted.text)
        extracted.text, extracted.sections, extracted.tables = page.text, page.sections, page.tables
        extracted.control_lines.extend(page.control_lines)
        if extracted.title is None and page.title:
            extracted.title, extracted.title_source = page.title, page.title_source
        return extracted
    document = parse(extracted.text)
    extracted.sections = build_sections(document.marks, len(extracted.text))
    sections = headings_at(extracted.sections, [offset for offset, _ in document.tables])
    extracted.tables = [
        make_table(rows, 0, section)
        for (_, rows), section in zip(document.tables[:MAX_TABLES], sections, strict=False)
    ]
    if extracted.title is None and (title := fallback_title(document.marks)):
        extracted.title, extracted.title_source = title, "heading"
    return extracted


_BLOCK_TAGS = ("<p>", "<p ", "<div", "<br", "<h1", "<h2", "<h3", "<ul", "<ol", "<table")
_HTML_SAMPLE = 4000
_HTML_BLOCKS = 3


def written_in_html(body: str) -> bool:
    """Whether a Markdown file's body is HTML: posts moved from a blog engine or a wiki
    keep their markup, and read as Markdown their paragraphs, headings and tables
    would be lost in tags. It opens with markup (a tag, or an entity such as
    "&nbsp;"), carries several block tags, and no line of it is a Markdown heading."""
    head = body[:_HTML_SAMPLE]
    if head.lstrip()[:1] not in ("<", "&"):
        return False
    lowered = head.lower()
    blocks = sum(lowered.count(tag) for tag in _BLOCK_TAGS)
    return blocks >= _HTML_BLOCKS and "\n#" not in head


def fallback_title(marks: list[Mark]) -> str | None:
    """The first ``#`` heading; failing one, a ``##`` heading that opens the file.

    A ``##`` further down names a part, not the document; documentation sites
    often put the title in front-matter or navigation and start pages at ``##``.
    """
    first_top = next((m.heading for m in marks if m.level == 1), None)
    if first_top is not None:
        return first_top
    if marks and marks[0].level == 2 and not _is_label(marks[0].heading):
        return marks[0].heading
    return None


def _is_label(heading: str) -> bool:
    """A heading that labels what follows ("Background:", "Status: NO GO") names a
    part of the page, not the page."""
    label, colon, _ = heading.partition(":")
    return bool(colon) and len(label.split()) <= 2


@dataclass
class Document:
    marks: list[Mark] = field(default_factory=list)
    tables: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    """(offset of the header row, rows with the header first) of each pipe table."""


def parse(text: str) -> Document:
    """Headings (ATX and one-line Setext) and pipe tables outside fenced code blocks."""
    document = Document()
    raw_lines = text.split("\n")
    offsets = _offsets(raw_lines)
    lines = [line.removesuffix("\r") for line in raw_lines]
    fence: tuple[str, int] | None = None
    previous = "blank"  # what the line before was, for Setext underlines
    closers = _Closers(lines)
    index = 0
    while index < len(lines):
        line, offset = lines[index], offsets[index]
        if fence is not None:
            if _closes(line, fence):
                fence = None
            index += 1
            continue
        if (fence := _fence(line)) is not None:
            previous = "other"
        elif (atx := _atx(line) or _html_heading(line)) is not None:
            level, heading, column = atx
            document.marks.append(Mark(level, heading, offset + column, line=offset))
            previous = "heading"
        elif previous == "paragraph" and (level := _underline(line)):
            above = lines[index - 1]
            column = len(above) - len(above.lstrip())
            start = offsets[index - 1]
            document.marks.append(Mark(level, clean_heading(above), start + column, line=start))
            previous = "heading"
        elif (block := _html_table(lines, index, closers)) is not None:
            after, rows = block
            if rows:
                document.tables.append((offset + _indent(line), rows))
            index = after
            previous = "other"
            continue
        elif (end := _table_end(lines, index)) is not None:
            document.tables.append((offset + _indent(line), _table_rows(lines, index, end)))
            index = end
            previous = "other"
            continue
        elif not line.strip():
            previous = "blank"
        else:
            # Only a one-line paragraph becomes a Setext heading here: a line under a
            # longer paragraph is more often meant as a rule than as a heading.
            opens = previous in ("blank", "heading")
            previous = "paragraph" if opens and _plain(line) else "other"
        index += 1
    return document


class _Closers:
    """The lines that close an HTML table, found in one pass when a table first opens:
    a page of ten thousand unclosed ``<table`` lines must not be searched once for each."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._at: list[int] | None = None

    def first_from(self, index: int) -> int | None:
        if self._at is None:
            self._at = [i for i, line in enumerate(self._lines) if "</table" in line.lower()]
        found = bisect_left(self._at, index)
        return self._at[found] if found < len(self._at) else None


def _html_table(
    lines: list[str], index: int, closers: _Closers
) -> tuple[int, list[list[str]]] | None:
    """(the line after it, its rows with the header first) of an HTML table opening at
    ``index``; None where no ``<table`` opens there or it does not close in reach."""
    if lines[index].lstrip()[:6].lower() != "<table":
        return None
    end = closers.first_from(index)
    if end is None or end - index >= _MAX_HTML_TABLE_LINES:
        return None
    return end + 1, table_rows("\n".join(lines[index : end + 1]))


def _offsets(raw_lines: list[str]) -> list[int]:
    offsets = []
    position = 0
    for line in raw_lines:
        offsets.append(position)
        position += len(line) + 1
    return offsets


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _fence(line: str) -> tuple[str, int] | None:
    """The fence character and length when ``line`` opens a fenced code block."""
    body = line.lstrip(" ")
    if len(line) - len(body) > 3 or body[:1] not in ("`", "~"):
        return None
    char = body[0]
    length = len(body) - len(body.lstrip(char))
    if length < 3 or (char == "`" and "`" in body[length:]):
        return None
    return char, length


def _closes(line: str, fence: tuple[str, int]) -> bool:
    body = line.lstrip(" ")
    char, length = fence
    run = len(body) - len(body.lstrip(char))
    return len(line) - len(body) <= 3 and run >= length and not body[run:].strip()


def _atx(line: str) -> tuple[int, str, int] | None:
    """(level, heading, column of the heading's text) of an ATX heading line."""
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    if indent > 3 or not body.startswith("#"):
        return None
    level = len(body) - len(body.lstrip("#"))
    rest = body[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    content = rest.strip()
    if content.endswith("#"):  # an optional closing sequence: "## Scope ##", not "C#"
        bare = content.rstrip("#")
        if not bare or bare[-1] in " \t":
            content = bare.rstrip()
    heading = clean_heading(content)
    if not heading:
        return None
    return level, heading, indent + level + len(rest) - len(rest.lstrip())


_HEADING_TAGS = {f"<h{level}": level for level in range(1, 7)}


def _html_heading(line: str) -> tuple[int, str, int] | None:
    """(level, heading, column of its text) of an HTML heading written on one line
    ("<h2>What Happened?</h2>"): pages moved from a blog, a wiki or a word processor
    into Markdown keep their headings as HTML."""
    body = line.lstrip()
    level = _HEADING_TAGS.get(body[:3].lower())
    if level is None or body[3:4] not in (">", " ", "\t"):
        return None
    start = body.find(">") + 1
    close = body.lower().find(f"</h{level}", start)
    if start <= 0 or close < 0:
        return None
    heading = clean_heading(html.unescape(_without_tags(body[start:close])))
    if not heading:
        return None
    return level, heading, len(line) - len(body) + start


def _without_tags(text: str) -> str:
    """``text`` without its inline tags (a link or emphasis inside a heading), in one
    pass: each "<" drops what follows it up to the next ">"."""
    first, *rest = text.split("<")
    kept = [first]
    for piece in rest:
        _, closed, after = piece.partition(">")
        kept.append(after if closed else "<" + piece)
    return "".join(kept)


def _underline(line: str) -> int:
    """2 or 1 when ``line`` is a Setext underline of dashes or equals signs, else 0."""
    body = line.strip()
    if _indent(line) > 3 or len(body) < 2:
        return 0
    if not body.strip("="):
        return 1
    return 2 if not body.strip("-") else 0


def _plain(line: str) -> bool:
    """Whether ``line`` is ordinary paragraph text (not a list item, quote, HTML or rule)."""
    body = line.strip()
    if _indent(line) > 3 or body[:1] in ("<", ">", "|") or _underline(line):
        return False
    if body[:2] in ("- ", "* ", "+ "):
        return False
    number, _, rest = body.partition(" ")
    return not (number[:-1].isdigit() and number[-1:] in (".", ")") and rest)


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.replace("\0", "|").strip() for cell in body.replace("\\|", "\0").split("|")]


def _delimiter_columns(line: str) -> int:
    """How many columns a pipe table's delimiter row (``---|:---:``) has; 0 if not one."""
    if "|" not in line or "-" not in line or _indent(line) > 3:
        return 0
    cells = _cells(line)
    for cell in cells:
        core = cell.removeprefix(":").removesuffix(":")
        if not core or core.strip("-"):
            return 0
    return len(cells)


def _table_end(lines: list[str], index: int) -> int | None:
    """The index after the last row of a pipe table whose header is ``lines[index]``."""
    line = lines[index]
    if "|" not in line or _indent(line) > 3 or index + 1 >= len(lines):
        return None
    columns = _delimiter_columns(lines[index + 1])
    if not columns or columns != len(_cells(line)):
        return None
    end = index + 2
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        if _fence(lines[end]) is not None or _atx(lines[end]) is not None:
            break
        end += 1
    return end


def _table_rows(lines: list[str], index: int, end: int) -> list[list[str]]:
    """The header and body rows, each cut or padded to the header's width as GFM does."""
    header = _cells(lines[index])
    rows = [header]
    for line in lines[index + 2 : end]:
        cells = _cells(line)[: len(header)]
        rows.append(cells + [""] * (len(header) - len(cells)))
    return rows


def without_esm(text: str) -> str:
    """MDX text without its top-level ``import`` and ``export`` statements.

    They are code, not content; a statement is dropped only when it ends within a
    few lines (its brackets balance), and never inside a fenced code block, where
    it is an example the page shows.
    """
    lines = text.split("\n")
    kept: list[str] = []
    fence: tuple[str, int] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence is not None:
            if _closes(line, fence):
                fence = None
        elif (fence := _fence(line)) is None and _is_esm(line):
            last = _statement_end(lines, index)
            if last is not None:
                index = last + 1
                continue
        kept.append(line)
        index += 1
    return "\n".join(kept)


def _is_esm(line: str) -> bool:
    if line.startswith("import "):
        rest = line[len("import ") :].lstrip()
        return " from " in line or rest[:1] in ("'", '"', "{", "*")
    if line.startswith("export "):
        word = line[len("export ") :].lstrip()
        return word[:1] in ("{", "*") or word.split(" ", 1)[0] in _ESM_WORDS
    return False


def _statement_end(lines: list[str], index: int) -> int | None:
    depth = 0
    for last in range(index, min(index + MAX_ESM_LINES, len(lines))):
        line = lines[last]
        depth += sum(line.count(c) for c in "{([") - sum(line.count(c) for c in "})]")
        if depth <= 0:
            return last
    return None
