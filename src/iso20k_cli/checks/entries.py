"""Record sets: a register or export whose rows are its records.

An incident export with 400 dated tickets is 400 records, not one: record checks
count its entries and take its span and recency from the rows' dates. A file that is
one record (dated minutes, a monthly report) still counts as one, even when it holds
a table, so only files whose genre is a register (log, list, export, a spreadsheet)
are read as record sets. An export of several kinds of record (incidents and service
requests in one table) is a set of each: recognition says which rows are which kind
(:class:`KindRows`), and each item counts and dates only its own (:meth:`RecordSet.of`).

Which column dates an entry, and how a cell is read as a date, is the extraction's
business (``evidence/extract/tables.py`` and ``evidence/dates.py``); this module uses
them through :func:`_event_columns` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from iso20k_cli.evidence.datereader import DateReader
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import tables as date_rules
from iso20k_cli.evidence.model import EvidenceFile, Table
from iso20k_cli.text.ticket import ticket_prefix

_SHEETS = frozenset({"csv", "xlsx", "xls", "ods"})
# Date cells read per file, so that a sheet of a thousand date columns costs no more
# than a long export. Entries are counted whatever the budget.
_MAX_DATE_CELLS = 200_000


@dataclass(frozen=True)
class KindRows:
    """The rows of one table that are records of one item, where the table holds several
    kinds (an "all tickets" export of incidents and service requests): those whose cell
    in ``column`` is one of ``values`` (a type column) or is numbered with one of
    ``prefixes`` (an id column)."""

    item: str
    table: int
    """The table's place among the file's tables."""
    column: int
    header: str
    """The header of ``column``, for messages."""
    values: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()

    def selects(self, row: Sequence[str]) -> bool:
        if self.column >= len(row):
            return False
        cell = row[self.column].strip()
        if self.values:
            return cell in self.values
        return bool(cell) and ticket_prefix(cell) in self.prefixes


@dataclass(frozen=True)
class KindEntries:
    """The entries of a file that are records of one item, in a table of several kinds."""

    item: str
    entries: int
    dates: tuple[dt.date, ...]
    told_by: str
    """The header of the column that says each row's kind."""


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
    kinds: tuple[KindEntries, ...] = ()
    """The entries of each kind of record, where a table mixes several."""
    whole: int = 0
    """The file's entries of every kind, when this is the set of one kind of them."""
    told_by: str = ""
    """The column that tells the kinds apart, when this is the set of one kind."""

    def of(self, item: str) -> RecordSet:
        """The entries that are records of ``item``: all of them, unless a table mixes
        kinds of record and tells which rows are ``item``'s."""
        kind = next((k for k in self.kinds if k.item == item), None)
        if kind is None:
            return self
        return replace(
            self,
            entries=kind.entries,
            dates=kind.dates,
            kinds=(),
            whole=self.entries,
            told_by=kind.told_by,
        )

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


@dataclass(frozen=True)
class _EventColumn:
    index: int
    dates: set[dt.date]
    shown: set[DateOrder]
    """The orders of day and month its cells show, to read any of its rows alike."""


def _event_columns(table: Table, budget: _Budget, reader: DateReader) -> list[_EventColumn]:
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
        if not cells:
            continue
        column = date_rules.DateColumns([cells])
        dates = column.dates(reader)
        if dates:
            found.append(_EventColumn(index, dates, column.shows()))
    return found


def record_set(
    file: EvidenceFile,
    genre: str | None,
    date_order: DateOrder | None = None,
    kinds: Sequence[KindRows] = (),
) -> RecordSet | None:
    """The file's entries when it is a register or export of dated rows, else None.

    ``genre`` is what recognition took the file to be; without one, a spreadsheet or CSV
    of dated rows is a record set. The dates are the rows' and the file's own record
    dates (its stated period, and for a spreadsheet or CSV the date columns of every row
    read, also past the rows kept). ``kinds`` are the rows of each kind of record in a
    table that mixes them: each item's entries are counted and dated from its own rows.
    """
    if genre != "register" and not (genre is None and file.format in _SHEETS):
        return None
    column: str | None = None
    budget = _Budget()
    # Dates of unknown order were already reported when the file was read.
    reader = DateReader(date_order)
    tables: list[tuple[int, int, set[dt.date]]] = []  # index, entries, dates
    per_kind: dict[str, tuple[int, int, set[dt.date]]] = {}
    for index, table in enumerate(file.tables):
        found = _event_columns(table, budget, reader)
        if not found:
            continue
        entries = max(table.row_count, len(table.rows))
        column = column or table.header[found[0].index]
        tables.append((index, entries, {d for c in found for d in c.dates}))
        for kind in kinds:
            if kind.table == index and kind.item not in per_kind:
                counted = _kind_rows(table, entries, kind, found, budget, reader)
                per_kind[kind.item] = (index, *counted)
    if column is None:
        return None
    # A spreadsheet's own dates are its rows' (read from every row, also past those
    # kept); another file's are the period it says it covers, which holds for each kind.
    own = set(file.record_dates)
    kept = set() if file.format in _SHEETS else own
    every = own.union(*(dates for _, _, dates in tables))
    total = sum(entries for _, entries, _ in tables)
    found_kinds: list[KindEntries] = []
    for kind in kinds:
        if kind.item not in per_kind:
            continue
        at, entries, dates = per_kind.pop(kind.item)
        others = [(n, d) for index, n, d in tables if index != at]
        kind_dates = kept.union(dates, *(d for _, d in others))
        found_kinds.append(
            KindEntries(
                kind.item,
                entries + sum(n for n, _ in others),
                tuple(sorted(kind_dates)),
                kind.header,
            )
        )
    return RecordSet(total, column, tuple(sorted(every)), tuple(found_kinds))


def _kind_rows(
    table: Table,
    entries: int,
    kind: KindRows,
    found: list[_EventColumn],
    budget: _Budget,
    reader: DateReader,
) -> tuple[int, set[dt.date]]:
    """The entries of one kind in a table and their dates, each date column read in the
    order of day and month the whole column shows."""
    rows = [row for row in table.rows if kind.selects(row)]
    # Rows past those kept are taken to be of each kind in the same proportion.
    count = round(len(rows) * entries / len(table.rows)) if table.rows else 0
    dates: set[dt.date] = set()
    for column in found:
        read = rows[: budget.take(len(rows))]
        cells = [r[column.index] for r in read if column.index < len(r) and r[column.index]]
        if cells:
            dates |= date_rules.column_dates([cells], reader.shown_by(column.shown))
    return count, dates
