"""The order of day and month a whole folder writes its dates in, for files that leave it open.

An organisation writes its documents one way: a policy whose only date is 05/04/2026
sits beside registers full of dates like 25/04/2026. When the configuration does not
set ``date_order``, the files that show one order (by dates that read only one way)
speak for those that show none, provided enough of them do and none shows the other.
Year first is never inferred: no date shows it (26/02/05 could be any order), so only
the configuration can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from iso20k_cli.evidence.datereader import numeric_dates
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.model import EvidenceFile

MIN_SHOWING = 3
"""Files that must show the order before it is taken as the folder's."""

_HOW = {"dmy": "day first", "mdy": "month first", "ymd": "year first"}


@dataclass(frozen=True)
class FolderOrder:
    order: DateOrder
    showing: int
    """How many files show it."""

    def note(self, file: EvidenceFile) -> str:
        """What ``file`` (as first read, its open dates unread) is told of their reading."""
        count = file.unread_dates
        return (
            f"{numeric_dates(count, file.unread_date_examples)} "
            f"{'was' if count == 1 else 'were'} read {_HOW[self.order]}, as {self.showing} "
            "other files of the folder write their dates; set date_order in the configuration "
            "to say otherwise"
        )


def folder_order(files: Iterable[EvidenceFile]) -> FolderOrder | None:
    """The one order the folder's files show, when at least :data:`MIN_SHOWING` show it
    and none shows another; else None (a mixed folder is not guessed for)."""
    orders: set[DateOrder] = set()
    showing = 0
    for file in files:
        orders.update(file.dates_shown)
        if len(orders) > 1:
            return None
        showing += len(file.dates_shown) == 1
    if len(orders) != 1 or showing < MIN_SHOWING:
        return None
    return FolderOrder(next(iter(orders)), showing)
