"""Sections and tables, built the same way for every format.

Extractors say where headings, sheets and slides start (a :class:`Mark` each) and
which rows make a table; the rules that turn those into bounded :class:`Section`
and :class:`Table` values live here once, so that a section or a header row means
the same thing whichever format it came from.

A section's ``start`` is where its heading's text begins, so ``text[start:]``
starts with the heading (the Markdown ``#`` marks and the "Sheet:" label stay
outside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise
from typing import NamedTuple

from iso20k_cli.evidence.extract.base import MAX_SECTIONS, MAX_TABLE_ROWS, MAX_TABLES
from iso20k_cli.evidence.model import Section, SectionKind, Table

MAX_HEADING_CHARS = 300
HEADER_SEARCH_ROWS = 20  # a register's header sits under at most a few title rows
MAX_NUMBERED_HEADING_CHARS = 90
MAX_LEVEL = 9

# Words that may stand before a heading's number: "Section 3 – Roles".
_NUMBER_PREFIXES = frozenset({"section", "chapter", "part", "clause", "article"})
_SEPARATORS = "-–—:"


class Mark(NamedTuple):
    """Where a heading, sheet or slide starts in the text, before its end is known."""

    level: int
    heading: str
    start: int
    end: int | None = None
    """Sheets and slides know where their lines end; a heading ends at the next one."""
    caption: str | None = None
    line: int | None = None
    """Where the heading's line begins when its text starts later (after Markdown's
    ``#`` marks): the sections it closes end there, not in the middle of the line."""


def clean_heading(text: str) -> str:
    """A heading as written, on one line and of a length a report can show, without the
    HTML comments tools leave in headings ("Release Team Lead <!-- omit in toc -->")."""
    return " ".join(_without_comments(text).split())[:MAX_HEADING_CHARS]


def _without_comments(text: str) -> str:
    # Plain string search: a pattern over untrusted text could backtrack.
    while (start := text.find("<!--")) != -1:
        end = text.find("-->", start + 4)
        text = text[:start] + (text[end + 3 :] if end != -1 else "")
    return text


def build_sections(
    marks: Sequence[Mark], text_length: int, kind: SectionKind = SectionKind.HEADING
) -> list[Section]:
    """Sections for ``marks`` (in text order); each ends where a heading of its level or
    a higher one starts, or at the end of the text.

    One pass with a stack of the sections still open keeps this linear in the marks.
    """
    kept: list[Mark] = []
    ends: list[int] = []
    open_: list[int] = []  # indexes into kept, levels strictly increasing
    for mark in marks:
        if not mark.heading:
            continue
        while open_ and kept[open_[-1]].level >= mark.level:
            ends[open_.pop()] = mark.start if mark.line is None else mark.line
        if len(kept) >= MAX_SECTIONS:
            if not open_:
                break
            continue  # later marks still end the sections kept so far
        kept.append(mark)
        ends.append(text_length if mark.end is None else mark.end)
        if mark.end is None:
            open_.append(len(kept) - 1)
    sections = []
    for mark, end in zip(kept, ends, strict=True):
        start = min(max(mark.start, 0), text_length)
        sections.append(
            Section(
                heading=mark.heading,
                level=min(max(mark.level, 1), MAX_LEVEL),
                kind=kind,
                start=start,
                end=min(max(end, start), text_length),
                caption=mark.caption,
            )
        )
    return sections


def headings_at(sections: Sequence[Section], offsets: Sequence[int]) -> list[str | None]:
    """The heading each offset stands under: the innermost section holding it.

    ``offsets`` must be in increasing order, as tables are met in a document; sections
    nest (a subsection ends no later than its parent), so a stack walk is enough.
    """
    found: list[str | None] = []
    stack: list[Section] = []
    following = iter(sections)
    pending = next(following, None)
    for offset in offsets:
        while pending is not None and pending.start <= offset:
            stack.append(pending)
            pending = next(following, None)
        while stack and stack[-1].end <= offset:
            stack.pop()
        found.append(stack[-1].heading if stack else None)
    return found


def header_index(rows: Sequence[Sequence[object]]) -> int | None:
    """The header row of a register or export: the first row with two text cells.

    Only the first rows are looked at; title rows and notes sit above a header, never
    hundreds of rows of them.
    """
    for index, row in enumerate(islice(rows, HEADER_SEARCH_ROWS)):
        if sum(isinstance(v, str) and v.strip() != "" for v in row) >= 2:
            return index
    return None


def first_filled(rows: Sequence[Sequence[str]]) -> int | None:
    """The first row with any text: a document table's header row."""
    return next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)


def _trimmed(row: Sequence[str]) -> tuple[str, ...]:
    cells = [c.strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def make_table(rows: Sequence[Sequence[str]], header_at: int, section: str | None) -> Table:
    """The table whose header is ``rows[header_at]``, with the non-empty rows under it.

    Rows are padded to the header's width, so that a column of the header can be read
    from every row; cells beyond it (unnamed columns) are kept.
    """
    header = _trimmed(rows[header_at])
    kept: list[tuple[str, ...]] = []
    count = 0
    for row in islice(rows, header_at + 1, None):
        cells = _trimmed(row)
        if not cells:
            continue
        count += 1
        if len(kept) < MAX_TABLE_ROWS:
            kept.append(cells + ("",) * (len(header) - len(cells)))
    return Table(header=header, rows=tuple(kept), row_count=count, section=section)


def placed_tables(
    found: Sequence[tuple[int, list[list[str]]]], sections: Sequence[Section]
) -> list[Table]:
    """Tables found at text offsets, each under the heading it stands below, headed by its
    first filled row; an empty table is left out."""
    found = found[:MAX_TABLES]
    headings = headings_at(sections, [offset for offset, _ in found])
    tables = []
    for (_, rows), heading in zip(found, headings, strict=True):
        header_at = first_filled(rows)
        if header_at is not None:
            tables.append(make_table(rows, header_at, heading))
    return tables


def outline(
    styled: Sequence[Mark], styles_used: bool, lines: Sequence[tuple[int, str]], length: int
) -> list[Section]:
    """A word processor document's sections: its heading styles' marks, and numbered lines
    (``lines``: offset and text of each paragraph) only where the author used no heading
    style at all; with styles, a numbered paragraph is a list item."""
    marks = list(styled)
    if not styles_used:
        marks = sorted([*marks, *numbered_marks(lines)], key=lambda m: m.start)
    return build_sections(marks, length)


def _number(token: str) -> tuple[int, ...] | None:
    """``4.3`` or ``2.`` as numbers; anything else (dates, amounts, list markers) is not one."""
    token = token.removesuffix(".").removesuffix(":")
    parts = token.split(".")
    if not token or len(parts) > 6:
        return None
    if not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts):
        return None
    return tuple(int(p) for p in parts)


def numbered_heading(line: str) -> tuple[int, ...] | None:
    """The number of a line that reads like a numbered heading, or None.

    "4.3 Major incident handling", "2. Scope", "Section 3 – Roles": short, a number
    first, then a word with a capital, and no full stop at the end (a sentence).
    """
    text = line.strip()
    if not 3 <= len(text) <= MAX_NUMBERED_HEADING_CHARS or text[-1] in ".,;:":
        return None
    if "|" in text or "\t" in text or "...." in text:
        return None  # a table row or a contents line with dot leaders
    first, _, rest = text.partition(" ")
    if first.lower() in _NUMBER_PREFIXES:
        first, _, rest = rest.strip().partition(" ")
    number = _number(first)
    rest = rest.strip().lstrip(_SEPARATORS).strip()
    if number is None or not rest or not (rest[0].isalpha() and rest[0].isupper()):
        return None
    if rest.rsplit(" ", 1)[-1].isdigit():
        return None  # a contents line ending in its page number
    if sum(c.isdigit() for c in rest) * 5 > len(rest):
        return None  # mostly figures: a row of a table
    return number


def _plausible_first(number: tuple[int, ...]) -> bool:
    return number[0] <= 20 and all(n <= 5 for n in number[1:])


def _plausible_after(previous: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Whether ``number`` can follow ``previous``: a first child, or the next sibling of
    it or of one of its parents (one skipped number allowed, as text extraction loses
    a line now and then)."""
    common = 0
    for a, b in zip(previous, number, strict=False):
        if a != b:
            break
        common += 1
    if common == len(number):
        return False  # the same number again, or a parent's: going backwards
    deeper_ok = all(n <= 1 for n in number[common + 1 :])
    if common == len(previous):
        return number[common] <= 2 and deeper_ok
    return 1 <= number[common] - previous[common] <= 2 and deeper_ok


def numbered_marks(lines: Sequence[tuple[int, str]]) -> list[Mark]:
    """Numbered headings among ``lines`` ((offset, text) of every line, in order).

    A line must read like a heading (:func:`numbered_heading`) and its number must
    follow the previous heading's plausibly. Three or more such lines in a row that
    do not each go one level deeper are a list, a table or a table of contents, not
    headings, and are dropped.
    """
    candidates: list[tuple[int, tuple[int, ...]]] = []  # (line index, number)
    for index, (_, text) in enumerate(lines):
        number = numbered_heading(text)
        if number is not None:
            candidates.append((index, number))
    marks: list[Mark] = []
    previous: tuple[int, ...] | None = None
    for index, number in _outside_runs(candidates):
        plausible = (
            _plausible_first(number) if previous is None else _plausible_after(previous, number)
        )
        if not plausible:
            continue
        previous = number
        offset, text = lines[index]
        lead = len(text) - len(text.lstrip())
        marks.append(Mark(len(number), clean_heading(text), offset + lead))
    return marks


def _outside_runs(
    candidates: list[tuple[int, tuple[int, ...]]],
) -> list[tuple[int, tuple[int, ...]]]:
    kept: list[tuple[int, tuple[int, ...]]] = []
    run: list[tuple[int, tuple[int, ...]]] = []
    for candidate in [*candidates, (-2, ())]:  # the sentinel closes the last run
        if run and candidate[0] == run[-1][0] + 1:
            run.append(candidate)
            continue
        if len(run) < 3 or all(len(b[1]) == len(a[1]) + 1 for a, b in pairwise(run)):
            kept.extend(run)
        run = [candidate]
    return kept
