"""Revision-history tables: the version, date and approver of a document's latest revision.

A "Revision history" (or "Document history", "Version control") table lists every
version with its date, author, approver and what changed. Its columns are known by
their headers; its latest row (the highest version, or the newest date when versions
cannot be compared) says which version this is, when it was approved and by whom. A
row whose approver column names no one records a revision, not an approval.

Headers are read with string operations on cells of bounded length: no pattern runs
over the untrusted text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from iso20k_cli.evidence.dates import parse_date
from iso20k_cli.evidence.model import ControlSource, DocumentControl, Table
from iso20k_cli.evidence.names import person

MAX_HEADER_CHARS = 60  # a column header is a word or three; a longer cell is content
# Tables read as a history only near the top of a document, unless their header or
# section says what they are: further down, a table of releases has the same columns.
HEAD_TABLES = 3
_CAPTION_WORDS = (
    "history",
    "revision",
    "version control",
    "versions",
    "amendment",
    "change record",
    "record of change",
    "document control",
)
_VERSION_WORDS = frozenset(
    {"version", "ver", "ver.", "v", "v.", "rev", "rev.", "revision", "issue", "release"}
)
_AUTHOR_WORDS = frozenset({"author", "authors", "editor", "by", "name", "owner", "prepared"})
_CHANGE_WORDS = frozenset(
    {
        "change",
        "changes",
        "description",
        "comment",
        "comments",
        "summary",
        "details",
        "reason",
        "amendment",
        "amendments",
        "notes",
        "remarks",
    }
)


@dataclass(frozen=True)
class Roles:
    """Column index of each role a revision history's header names."""

    version: int | None = None
    date: int | None = None
    approval_date: int | None = None
    author: int | None = None
    approver: int | None = None
    change: int | None = None

    @property
    def is_history(self) -> bool:
        """A version and a date column, and an author, approver or change column."""
        dated = self.date is not None or self.approval_date is not None
        others = (self.author, self.approver, self.change)
        return self.version is not None and dated and any(c is not None for c in others)

    @property
    def complete(self) -> bool:
        """Version, date, change and a person: a history wherever it stands."""
        return (
            self.is_history
            and self.change is not None
            and (self.author is not None or self.approver is not None)
        )


def _words(cell: str) -> list[str]:
    text = cell.lower().replace("/", " ").replace("_", " ").replace("-", " ")
    return [w.strip(" .:#()*") or w for w in text.split()]


def _role(cell: str) -> str | None:
    if not cell or len(cell) > MAX_HEADER_CHARS:
        return None
    words = _words(cell)
    if not words:
        return None
    approval = any(w.startswith("approv") or w in ("authorised", "authorized") for w in words)
    if "date" in words or words[0] in ("when", "dated"):
        return "approval_date" if approval else "date"
    if approval or words[:2] == ["signed", "off"]:
        return "approver"
    if words[0] in _VERSION_WORDS:
        return "version"
    if words[0] in _CHANGE_WORDS or (len(words) > 2 and words[:3] == ["nature", "of", "change"]):
        return "change"
    if words[0] in _AUTHOR_WORDS or words[-1] == "by":
        return "author"
    return None


def roles(header: Sequence[str]) -> Roles:
    """The roles of a header row's columns; a role named twice keeps its first column."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        role = _role(" ".join(str(cell).split()))
        if role is not None:
            found.setdefault(role, index)
    return Roles(**found)


def is_history_header(cells: Sequence[str]) -> bool:
    return roles(cells).is_history


MAX_VERSION_CHARS = 6  # "A", "1a", "Rev B": a version without figures to compare


def _version_token(text: str) -> str | None:
    """The number in "1.2", "v2.0", "Issue 3", "0.9 draft"; None if there is none."""
    for word in text.lower().replace("v", " ").split():
        token = word.strip(".,;:()")
        parts = token.split(".")
        if token and len(parts) <= 4 and all(p.isascii() and p.isdigit() for p in parts):
            return token
    return None


def _version_key(text: str) -> tuple[int, ...] | None:
    token = _version_token(text)
    return tuple(int(p) for p in token.split(".")) if token else None


def _versions(cells: Sequence[str]) -> bool:
    """Whether a column holds versions: "Issue" heads an issue log's issues too."""
    return bool(cells) and all(
        _version_token(c) is not None or len(c) <= MAX_VERSION_CHARS for c in cells
    )


def _captioned(table: Table) -> bool:
    section = (table.section or "").lower()
    return any(word in section for word in _CAPTION_WORDS)


def _cell(row: Sequence[str], index: int | None) -> str:
    return " ".join(row[index].split()) if index is not None and index < len(row) else ""


def _latest(rows: Sequence[Sequence[str]], found: Roles) -> Sequence[str] | None:
    """The row of the latest revision: highest version, else newest date, else the last."""
    filled = [row for row in rows if _cell(row, found.version)]
    if not filled:
        return None
    keys = [_version_key(_cell(row, found.version)) for row in filled]
    if all(k is not None for k in keys):
        # Of a version listed twice, the later row (a correction) wins.
        ordered = sorted(enumerate(filled), key=lambda p: (keys[p[0]], p[0]))
        return ordered[-1][1]
    dated = [(d, i) for i, row in enumerate(filled) if (d := _row_date(row, found)) is not None]
    if dated:
        return filled[max(dated)[1]]
    return filled[-1]


def _row_date(row: Sequence[str], found: Roles) -> dt.date | None:
    return parse_date(_cell(row, found.approval_date)) or parse_date(_cell(row, found.date))


def history_control(table: Table) -> DocumentControl:
    """What a revision-history table says of the document's latest version, or nothing."""
    found = roles(table.header)
    if not found.is_history:
        return DocumentControl()
    if not _versions([c for row in table.rows if (c := _cell(row, found.version))]):
        return DocumentControl()
    row = _latest(table.rows, found)
    if row is None:
        return DocumentControl()
    version = _cell(row, found.version)
    approver = person(_cell(row, found.approver)) if found.approver is not None else None
    approval_date = parse_date(_cell(row, found.approval_date))
    date = parse_date(_cell(row, found.date))
    fields: dict[str, object] = {"version": _version_token(version) or version}
    if approver is not None:
        fields["approver"] = approver
        fields["approved"] = approval_date or date
    elif approval_date is not None:
        fields["approved"] = approval_date
    else:
        fields["revised"] = date
    return DocumentControl.model_validate(fields).tagged(ControlSource.REVISION_HISTORY)


def document_history(tables: Sequence[Table], spreadsheet: bool) -> DocumentControl:
    """The first revision history among a file's tables, as document control.

    In a document, a table is taken near the top, under a heading that names a
    history, or anywhere when its header has every column of one. In a workbook,
    only a sheet named for a history is: the first sheet of a register has the
    same columns for its entries.
    """
    for index, table in enumerate(tables):
        found = roles(table.header)
        if not found.is_history:
            continue
        if spreadsheet:
            accepted = _captioned(table)
        else:
            accepted = index < HEAD_TABLES or _captioned(table) or found.complete
        if accepted:
            control = history_control(table)
            if not control.is_empty:
                return control
    return DocumentControl()


# Text without tables (a PDF's text layer, a plain text file) keeps a history as
# lines: a header line naming the columns, then a line per version starting with it.
TEXT_HEAD_LINES = 300
TEXT_TAIL_LINES = 200
MAX_TEXT_LINE_CHARS = 200
MAX_ROW_WORDS = 40
MAX_GAP_LINES = 4  # a description wrapped onto the next lines, before the next row


_HEADER_VOCABULARY = (
    _VERSION_WORDS
    | _AUTHOR_WORDS
    | _CHANGE_WORDS
    | {"date", "approved", "approver", "approval", "changed", "updated", "revised", "modified"}
    | {"reviewed", "signed", "off", "number", "no", "of", "nature", "status", "&", "and"}
)
MAX_HEADER_WORDS = 12


def _header_line(line: str) -> bool:
    """ "Version Date Author Description": column names only, among them a version, a date
    and one other role. Prose that names them ("the version, date and description of
    each change") has other words too."""
    if len(line) > MAX_TEXT_LINE_CHARS:
        return False
    words = [w for w in _words(line.replace("|", " ").replace(",", " ")) if w]
    if not words or len(words) > MAX_HEADER_WORDS or not set(words) <= _HEADER_VOCABULARY:
        return False
    has = set(words)
    version = bool(has & {"version", "ver", "ver.", "rev", "rev.", "revision", "issue"})
    other = bool(has & (_CHANGE_WORDS | {"author", "approved", "approver", "editor", "by"}))
    return version and "date" in has and other


def _text_row(line: str) -> tuple[str, tuple[int, ...], dt.date] | None:
    """(version, its key, the first date) of a line that starts with a version number and
    holds a date; a numbered heading ("2 Scope") holds none."""
    words = line.replace("|", " ").split()[:MAX_ROW_WORDS]
    if not words or len(words[0]) > 10 or (token := _version_token(words[0])) is None:
        return None
    key = tuple(int(p) for p in token.split("."))
    for index in range(1, len(words)):
        for span in (1, 3):
            day = parse_date(" ".join(words[index : index + span]))
            if day is not None:
                return token, key, day
    return None


def text_history(lines: Sequence[str]) -> DocumentControl:
    """A revision history kept as lines of text: the highest version and its date.

    Which name in a line is the author and which the approver cannot be told without
    columns, so the date is a revision's, not an approval's.
    """
    head = list(lines[:TEXT_HEAD_LINES])
    tail = list(lines[max(TEXT_HEAD_LINES, len(lines) - TEXT_TAIL_LINES) :])
    for part in (head, tail):
        rows: list[tuple[str, tuple[int, ...], dt.date]] = []
        gap = 0
        in_table = False
        for line in part:
            if not in_table:
                in_table = _header_line(line)
                continue
            row = _text_row(line[:MAX_TEXT_LINE_CHARS])
            if row is not None:
                rows.append(row)
                gap = 0
            elif (gap := gap + 1) > MAX_GAP_LINES:
                break
        if rows:
            version, _, day = max(rows, key=lambda r: r[1])
            fields = {"version": version, "revised": day}
            return DocumentControl.model_validate(fields).tagged(ControlSource.REVISION_HISTORY)
    return DocumentControl()


# A workbook keeps its history as a block of a sheet: a caption row ("Document Revision
# History"), a header row, rows of versions, an empty row.
SHEET_SCAN_ROWS = 100
MAX_BLOCK_ROWS = 1_000
CAPTION_DISTANCE = 2  # rows between a caption and the header it names


_BLANK = ""


def _lone_cells(rows: Sequence[Sequence[str]]) -> list[str | None]:
    """Per row: its one short cell when it has only that, ``_BLANK`` when it is empty,
    else None (a row of several cells captions nothing)."""
    lone: list[str | None] = []
    for row in rows:
        cells = [c for c in row if c.strip()]
        if not cells:
            lone.append(_BLANK)
        else:
            short = len(cells) == 1 and len(cells[0]) <= MAX_HEADER_CHARS
            lone.append(cells[0] if short else None)
    return lone


def _caption_above(lone: Sequence[str | None], index: int) -> str | None:
    for above in range(index - 1, max(index - 1 - CAPTION_DISTANCE, -1), -1):
        if lone[above] != _BLANK:
            return lone[above]
    return None


def sheet_history(rows: Sequence[Sequence[str]]) -> DocumentControl:
    """The document's revision history kept as a captioned block of a sheet, or nothing.

    A template's own history ("Template Revision History") dates the template, not the
    document made from it, and is passed over.
    """
    scanned = list(rows[:SHEET_SCAN_ROWS])
    lone = _lone_cells(scanned)
    for index, row in enumerate(scanned):
        # The caption first: it is one cell to look at, and most rows have none above.
        caption = (_caption_above(lone, index) or "").lower()
        if "template" in caption or not any(word in caption for word in _CAPTION_WORDS):
            continue
        if not roles(row).is_history:
            continue
        block: list[tuple[str, ...]] = []
        for below in rows[index + 1 : index + 1 + MAX_BLOCK_ROWS]:
            if not any(c.strip() for c in below):
                break
            block.append(tuple(below))
        table = Table(header=tuple(row), rows=tuple(block), row_count=len(block))
        control = history_control(table)
        if not control.is_empty:
            return control
    return DocumentControl()
