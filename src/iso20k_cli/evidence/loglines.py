"""Dates of a log kept as lines of text: each entry's line opens with the day it was written.

A plain-text or Markdown log ("CMP-002 2026-05-13 Globex - VPN outage … closed 2026-05-20",
"2026-10-14 09:12 restarted the mail relay") has no table for its dates to be read from. A
file is read as one when most of its lines carry an ISO date near their start; a policy's
revision history or a date in a sentence does not make a page a log.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

# Written year first with hyphens only: a log line's date is the system's or the
# writer's ISO form; nothing here guesses the order of day and month.
_ISO_DAY = re.compile(r"(?<!\d)(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_MAX_LINES = 20_000  # lines read: a longer log shows its span well before its end
_NEAR_START = 40  # characters of a line its entry's date opens within
_MIN_ENTRIES = 3
_MIN_SHARE = 0.5  # of the non-empty lines that must be dated entries
_FIRST_LINES = 20  # lines after which a page with too few dated ones is no log


def logged_dates(text: str) -> tuple[dt.date, ...]:
    """The entries' dates of a text that is a log, else nothing."""
    if "-0" not in text and "-1" not in text:
        return ()  # no ISO date anywhere: its month follows a hyphen as -01 to -12
    dates: list[dt.date] = []
    lines = 0
    for line in _first_lines(text):
        # Only a line's start is read: a paragraph may be a line thousands long.
        head = line[: _NEAR_START * 2].strip()
        if not head or head.startswith(("#", "---", "===")):
            continue  # blank lines, headings and rules are no entries
        lines += 1
        if lines == _FIRST_LINES and len(dates) < _MIN_SHARE * lines:
            return ()  # a log's entries start at its top: most pages stop here
        match = _ISO_DAY.search(head, 0, _NEAR_START)
        if match is None:
            continue
        try:
            dates.append(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue  # 2026-02-30
    if len(dates) < _MIN_ENTRIES or len(dates) < _MIN_SHARE * lines:
        return ()
    return tuple(dates)


def _first_lines(text: str) -> Iterator[str]:
    """The first lines of ``text``, without splitting the whole of a long one."""
    start = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1
