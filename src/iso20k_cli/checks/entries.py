"""Record sets: a register or export whose rows are its records.

An incident export with 400 dated tickets is 400 records, not one: record checks
count its entries and take its span and recency from the rows' dates. A file that is
one record (dated minutes, a monthly report) still counts as one, even when it holds
a table, so only files whose genre is a register (log, list, export, a spreadsheet)
are read as record sets.

Which column dates an entry, and how a cell is read as a date, is the extraction's
business (``evidence/extract/tables.py`` and ``evidence/dates.py``); this module uses
them through :func:`_event_columns` only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iso20k_cli.evidence.datereader import DateReader
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import tables as date_rules
from iso20k_cli.evidence.model import EvidenceFile, Table

_SHEETS = frozenset({"csv", "xlsx", "xls", "ods"})
# Date cells read per file, so that a sheet of a thousand date columns costs no more
# than a long export. Entries are counted whatever the budget.
_MAX_DATE_CELLS = 200_000


@dataclass(frozen=True)
class RecordSet:
    """The entries of one file: how many, which column dates them, and their dates."""

    entries: int
    """Rows of the file's dated tables, also those beyond the rows kept in memory."""
    date_column: str
    """The header of the column the entries are dated by (the first dated table's)."""
    dates: tuple[dt.date, ...]
    """The distinct dates of the entries' events (opened, closed …) and of the period
    the file says it covers, sorted."""

    @property
    def first(self) -> dt.date | None:
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> dt.date | None:
        return self.dates[-1] if self.dates else None


@dataclass
class _Budget:
    """Date cells a file may still have read."""

    cells: int = _MAX_DATE_CELLS

    def take(self, wanted: int) -> int:
        granted = max(0, min(wanted, self.cells))
        self.cells -= granted
        return granted


def _event_columns(
    table: Table, budget: _Budget, reader: DateReader
) -> list[tuple[int, set[dt.date]]]:
    """The columns of a table that date its entries' events, each with its dates.

    A column counts when its header means when something happened (opened, created,
    verified …, never a due or next-review date) and its cells are mostly dates, read
    as at extraction: in the order of day and month the column shows, else ``reader``'s.
    The first one dates the entries.
    """
    found = []
    for index, name in enumerate(table.header):
        if budget.cells <= 0:
            break
        if not date_rules.means_when(name):
            continue
        rows = table.rows[: budget.take(len(table.rows))]
        cells = [r[index] for r in rows if index < len(r) and r[index]]
        dates = date_rules.column_dates([cells], reader) if cells else set()
        if dates:
            found.append((index, dates))
    return found


def record_set(
    file: EvidenceFile, genre: str | None, date_order: DateOrder | None = None
) -> RecordSet | None:
    """The file's entries when it is a register or export of dated rows, else None.

    ``genre`` is what recognition took the file to be; without one, a spreadsheet or CSV
    of dated rows is a record set. The dates are the rows' and the file's own record
    dates (its stated period, and for a spreadsheet or CSV the date columns of every row
    read, also past the rows kept).
    """
    if genre != "register" and not (genre is None and file.format in _SHEETS):
        return None
    entries = 0
    column: str | None = None
    dates: set[dt.date] = set(file.record_dates)
    budget = _Budget()
    # Dates of unknown order were already reported when the file was read.
    reader = DateReader(date_order)
    for table in file.tables:
        found = _event_columns(table, budget, reader)
        if not found:
            continue
        entries += max(table.row_count, len(table.rows))
        column = column or table.header[found[0][0]]
        for _, column_dates in found:
            dates.update(column_dates)
    if column is None:
        return None
    return RecordSet(entries, column, tuple(sorted(dates)))
