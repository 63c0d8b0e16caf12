"""Signature blocks of agreements: who signed, and when.

A contract or agreement is approved by being signed, and says so at its end:

    Signed for and on behalf of Harbourside Ltd
    Signature: ________________
    Name: Jane Smith
    Date: 3 March 2026

or in a table ("Signed: Jane Smith | Date: 3 March 2026", a header row "Party |
Signature | Name | Date" over a row per party). The signatories are the approvers and
the latest signature date is the approval date: the agreement is made when the last
party signs. Lines are read with string operations only, and only the last
``TAIL_LINES`` of the text, where signatures are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from iso20k_cli.evidence.dates import parse_date
from iso20k_cli.evidence.model import ControlSource, DocumentControl, Table
from iso20k_cli.evidence.names import person

TAIL_LINES = 200
MAX_LINE_CHARS = 500  # a signature line is short; a longer one is a clause of the contract
BLOCK_CELLS = 12  # how far after "Signed" or "Signature" a name and a date may stand
MAX_SIGNATORIES = 3
MAX_TABLE_SIGNATURES = 10  # rows of a signature table: one per party
MAX_ANCHOR_CHARS = 100  # "Signed for and on behalf of …"; a longer cell is prose
_ANCHOR_WORDS = frozenset({"signed", "signature", "signatory", "signatories"})
_BEHALF = ("for and on behalf of", "on behalf of")
_NAME_LABELS = frozenset(
    {
        "name",
        "print name",
        "printed name",
        "full name",
        "name in full",
        "signed by",
        "signatory",
        "name of signatory",
        "signed",
        "signature",
    }
)
_DATE_LABELS = frozenset({"date", "dated", "date signed", "signed on", "signature date", "on"})
_OTHER_LABELS = frozenset({"title", "position", "role", "job title", "party", "company", "for"})
_LABELS = _NAME_LABELS | _DATE_LABELS | _OTHER_LABELS


def _anchor(cell: str) -> bool:
    """A cell that opens a signature block: "Signed …", "Signature", "Authorised signatory",
    "For and on behalf of …". The word must lead: prose that mentions signing ("reports
    are signed off by …") opens none, and "assigned" is not "signed"."""
    if len(cell) > MAX_ANCHOR_CHARS:
        return False
    lowered = cell.lower()
    lead = [w.strip(".,;:()*_") for w in lowered.replace(":", " ").split()[:2]]
    return bool(set(lead) & _ANCHOR_WORDS) or lowered.lstrip(" *_").startswith(_BEHALF)


def _label(text: str) -> str:
    return " ".join(text.lower().strip(" *_:").split())


def _split_date(cell: str) -> list[str]:
    """ "Signed: Jane Smith Date: 3 March 2026" as two cells, split where "date:" starts."""
    lowered = cell.lower()
    at = lowered.find("date:", 1)
    if at > 0 and lowered[at - 1] == " ":
        return [cell[:at].strip(), cell[at:].strip()]
    return [cell]


def _cells(lines: Sequence[str]) -> Iterator[str]:
    """Cells as "Label: value" where a row of labels stands over a row of values or a bare
    label cell before its value cell; every other cell as it is."""
    rows = [[c.strip() for c in line.split("|") if c.strip()] for line in lines]
    skip = False
    for index, row in enumerate(rows):
        if skip:
            skip = False
            continue
        labels = [_label(c) in _LABELS for c in row]
        below = rows[index + 1] if index + 1 < len(rows) else []
        values = len(row) >= 2 and all(labels) and len(below) == len(row)
        if values and not any(_label(c) in _LABELS for c in below):
            yield from (f"{h}: {v}" for h, v in zip(row, below, strict=True))
            skip = True
            continue
        position = 0
        while position < len(row):
            cell = row[position]
            after = row[position + 1] if position + 1 < len(row) else None
            if labels[position] and after is not None and not labels[position + 1]:
                yield f"{cell}: {after}"
                position += 2
                continue
            yield from _split_date(cell)
            position += 1


def _table_signatures(tables: Sequence[Table], names: list[str], dates: list[dt.date]) -> None:
    """Signatures in tables whose header names a signature, a name and a date column."""
    for table in tables:
        header = [_label(c) for c in table.header]
        if not any(_anchor(c) for c in table.header):
            continue
        name_at = next((i for i, h in enumerate(header) if h in _NAME_LABELS - {"signature"}), None)
        date_at = next((i for i, h in enumerate(header) if h in _DATE_LABELS), None)
        if name_at is None and date_at is None:
            continue
        for row in table.rows[:MAX_TABLE_SIGNATURES]:
            if name_at is not None and name_at < len(row):
                name = person(row[name_at])
                if name is not None and name not in names and parse_date(name) is None:
                    names.append(name)
            day = parse_date(row[date_at]) if date_at is not None and date_at < len(row) else None
            if day is not None:
                dates.append(day)


def signature_control(lines: Sequence[str], tables: Sequence[Table] = ()) -> DocumentControl:
    """Signatories as approver and the latest signature date as approval date, or nothing.

    ``lines`` is the document's text; ``tables`` its tables, whose rows are read under
    a header such as "Party | Signature | Name | Date".
    """
    tail = [line for line in lines[-TAIL_LINES:] if len(line) <= MAX_LINE_CHARS]
    names: list[str] = []
    dates: list[dt.date] = []
    _table_signatures(tables, names, dates)
    # Every cell that opens a block holds "sign" or "behalf", and no cell counts before
    # one opens: a text without either word has no block to read.
    lowered = "\n".join(tail).lower()
    opens = "sign" in lowered or "behalf" in lowered
    left = 0  # cells still inside the block opened by the last anchor
    for cell in _cells(tail) if opens else ():
        if _anchor(cell):
            left = BLOCK_CELLS
        elif left == 0:
            continue
        left -= 1
        label, colon, value = cell.partition(":")
        if not colon:
            continue
        key = _label(label)
        if key in _NAME_LABELS:
            name = person(value)
            if name is not None and name not in names and parse_date(name) is None:
                names.append(name)
        elif key in _DATE_LABELS and (day := parse_date(value)) is not None:
            dates.append(day)
    if not names and not dates:
        return DocumentControl()
    control = DocumentControl(
        approver="; ".join(names[:MAX_SIGNATORIES]) or None,
        approved=max(dates, default=None),
    )
    return control.tagged(ControlSource.SIGNATURE_BLOCK)
