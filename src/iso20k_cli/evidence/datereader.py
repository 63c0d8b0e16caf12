"""One file's dates, read with the order of day and month that file uses.

03/04/2026 is 3 April in Portmere and 4 March in Boston. A file settles it for
itself when its other numeric dates show the order (25/04/2026 can only be day
first); failing that the configuration's ``date_order`` does; failing both the date
is not guessed but counted, so that the file can say which of its dates went unread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from iso20k_cli.evidence.dates import DateOrder, OpenOrder, scan_date

MAX_KEPT = 10_000  # distinct unread dates remembered per file; the rest are only counted
EXAMPLES = 3


def orders_shown(scanned: Iterable[dt.date | OpenOrder | None]) -> set[DateOrder]:
    """The orders of day and month that scanned dates show (none, one, or contradicting)."""
    return {
        order
        for found in scanned
        if isinstance(found, OpenOrder) and (order := found.shows()) is not None
    }


class Unresolved:
    """Numeric dates of a file that could be read either way round, in the order met."""

    def __init__(self) -> None:
        self._texts: dict[str, None] = {}
        self._more = 0

    def add(self, text: str) -> None:
        if text in self._texts:
            return
        if len(self._texts) < MAX_KEPT:
            self._texts[text] = None
        else:
            self._more += 1

    @property
    def count(self) -> int:
        return len(self._texts) + self._more

    @property
    def examples(self) -> tuple[str, ...]:
        return tuple(list(self._texts)[:EXAMPLES])


class DateReader:
    """Reads the dates of one file (or of one column of it) in the order it uses.

    ``configured`` is the configuration's order; ``shown`` the order the file or the
    column shows by dates that can only be read one way. What it shows wins: a
    setting is a default for files that do not say.
    """

    def __init__(
        self,
        configured: DateOrder | None = None,
        shown: DateOrder | None = None,
        unresolved: Unresolved | None = None,
    ) -> None:
        self.configured = configured
        self.shown = shown
        self.unresolved = unresolved if unresolved is not None else Unresolved()

    def settled_by(self, values: Iterable[object]) -> DateReader:
        """A reader for ``values`` (a file's or a column's dates): the order they show
        when they show exactly one, else this reader's. Unread dates are shared."""
        return self.shown_by(orders_shown(scan_date(value) for value in values))

    def shown_by(self, shown: set[DateOrder]) -> DateReader:
        """A reader with the order ``shown`` when it is exactly one, else this reader's."""
        order = next(iter(shown)) if len(shown) == 1 else self.shown
        return DateReader(self.configured, order, self.unresolved)

    def _order(self, found: OpenOrder) -> DateOrder | None:
        # Year first is only possible with two-digit years (26/02/05), and a day over 12
        # does not rule it out, so there the setting is all there is to go on.
        if self.configured == "ymd" and found.short:
            return "ymd"
        return self.shown or self.configured

    def attempt(self, value: object) -> dt.date | str | None:
        """The date ``value`` holds; its text when it is a date whose order is unknown."""
        return self.resolve(scan_date(value), value)

    def resolve(self, found: dt.date | OpenOrder | None, value: object) -> dt.date | str | None:
        """:meth:`attempt` for a value already scanned (``found``)."""
        if not isinstance(found, OpenOrder):
            return found
        order = self._order(found)
        day = found.read(order)
        if day is None and found.ambiguous(order):
            return _as_written(str(value))
        return day

    def read(self, value: object) -> dt.date | None:
        """The date ``value`` holds; a date of unknown order is noted and not read."""
        found = self.attempt(value)
        if isinstance(found, str):
            self.unresolved.add(found)
            return None
        return found


def unread_note(count: int, examples: tuple[str, ...]) -> str | None:
    """What a file's unread dates are, for its warnings and an observation."""
    if count == 0:
        return None
    return (
        f"{numeric_dates(count, examples)} could be day first or month first, and neither "
        "the file's other dates nor date_order in the configuration says which, so they were "
        "not read"
    )


def numeric_dates(count: int, examples: tuple[str, ...]) -> str:
    """'2 numeric dates (03/04/2026, 05/06/2026)': a file's open dates, with examples."""
    more = ", …" if count > len(examples) else ""
    return f"{count} numeric {'date' if count == 1 else 'dates'} ({', '.join(examples)}{more})"


_WRITTEN_CHARS = 64  # as far as a date is looked for in a value


def _as_written(value: str) -> str:
    """The date as a value writes it, without what follows it in the same cell or line
    ("10/06/2026, 14:00-15:15, Microsoft Teams." is quoted as 10/06/2026)."""
    for token in value[:_WRITTEN_CHARS].split():
        written = token.strip("(,;.)")
        if isinstance(scan_date(written), OpenOrder):
            return written
    return value.strip()
