"""Date columns of registers and exports: where their record dates are."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from iso20k_cli.evidence.dates import parse_date
from iso20k_cli.evidence.extract.structure import header_index

# Columns of when something happened. Due, target and review dates are plans, not
# records of operation, so they never count.
_EVENT = re.compile(
    r"date|opened|created|logged|raised|reported|received|submitted|resolved|closed|"
    r"completed|implemented|held|occurred|time",
    re.IGNORECASE,
)
_PLANNED = re.compile(r"due|target|deadline|review|expir|plan|next|sla", re.IGNORECASE)
MIN_SHARE = 0.6  # of a column's non-empty cells that must be dates


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        # Exports add a time: "2026-08-03 14:22" or "2026-08-03T14:22:00Z".
        return parse_date(text) or parse_date(text.split(" ")[0])
    return None


def date_columns(rows: Sequence[Sequence[object]]) -> set[dt.date]:
    """Dates from the columns of a table whose header names an event and whose cells are dates.

    The header row is found as for every table (:func:`header_index`).
    """
    header_at = header_index(rows)
    if header_at is None:
        return set()
    header = [str(v or "") for v in rows[header_at]]
    body = rows[header_at + 1 :]
    found: set[dt.date] = set()
    for column, name in enumerate(header):
        if not _EVENT.search(name) or _PLANNED.search(name):
            continue
        cells = [row[column] for row in body if column < len(row) and row[column] not in (None, "")]
        dates = [d for d in (_as_date(c) for c in cells) if d is not None]
        if cells and len(dates) / len(cells) >= MIN_SHARE:
            found.update(dates)
    return found
