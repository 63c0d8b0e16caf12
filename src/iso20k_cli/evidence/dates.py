"""Dates as people write them in document control and in file names."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name} | {
    name.lower(): index for index, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")

# In file names: 2026-08-31, 2026_08_31, 20260831 are days; 2026-08 is a month.
_NAME_DAY = re.compile(r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_NAME_MONTH = re.compile(r"(?<!\d)(20\d{2})[-_.](0[1-9]|1[0-2])(?![-_.]?\d)")


def days_covered(dates: tuple[dt.date, ...] | list[dt.date]) -> int:
    """Calendar days from the oldest to the newest date, both included (one date: 1)."""
    return (max(dates) - min(dates)).days + 1


def parse_date(value: object) -> dt.date | None:
    """A date from a YAML value or a string such as '2027-03-10' or '10 March 2027'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(match[2].lower())
            return dt.date(int(match[3]), month, int(match[1])) if month else None
        if match := _MONTH_DAY_YEAR.match(text):
            month = _MONTHS.get(match[1].lower())
            return dt.date(int(match[3]), month, int(match[2])) if month else None
    except ValueError:
        return None
    return None


def dates_in_name(name: str) -> tuple[dt.date, ...]:
    """Dates a file name carries; a month (2026-09) stands for its first and last day."""
    found: list[dt.date] = []
    consumed = name
    for match in _NAME_DAY.finditer(name):
        try:
            found.append(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
        consumed = consumed.replace(match[0], " ")
    for match in _NAME_MONTH.finditer(consumed):
        year, month = int(match[1]), int(match[2])
        last = calendar.monthrange(year, month)[1]
        found.extend((dt.date(year, month, 1), dt.date(year, month, last)))
    return tuple(sorted(set(found)))
