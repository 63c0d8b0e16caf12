"""Dates as people write them in document control, in file names and in registers."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name} | {
    name.lower(): index for index, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")

# File names. Each pattern is tried in turn and what it matched is blanked out, so
# that "2026-08-01" is not read again as the month "2026-08".
_SEP = r"[-_. ]"
_NAME_DAY = re.compile(r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_NAME_QUARTER = re.compile(
    rf"(?<![a-z0-9])(?:(20\d{{2}}){_SEP}?q([1-4])|q([1-4]){_SEP}?(20\d{{2}}))(?![a-z0-9])",
    re.IGNORECASE,
)
_NAME_MONTH_RANGE = re.compile(
    rf"(?<![a-z])({_MONTH_NAMES})(?:{_SEP}*(?:to|-|–){_SEP}*)({_MONTH_NAMES}){_SEP}*(20\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_NAME_MONTH_WORD = re.compile(
    rf"(?<![a-z])(?:({_MONTH_NAMES}){_SEP}*(20\d{{2}})|(20\d{{2}}){_SEP}*({_MONTH_NAMES}))(?![a-z])",
    re.IGNORECASE,
)
_NAME_MONTH = re.compile(r"(?<!\d)(20\d{2})[-_.](0[1-9]|1[0-2])(?![-_.]?\d)")


def days_covered(dates: tuple[dt.date, ...] | list[dt.date]) -> int:
    """Calendar days from the oldest to the newest date, both included (one date: 1)."""
    return (max(dates) - min(dates)).days + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (the day clipped to the month's end), held within the
    calendar: a document approved on 9999-12-31 is simply due on the last day there is."""
    month_index = day.year * 12 + day.month - 1 + months
    if month_index < dt.MINYEAR * 12:
        return dt.date.min
    if month_index >= (dt.MAXYEAR + 1) * 12:
        return dt.date.max
    year, month = divmod(month_index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held within the calendar instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_date(value: object) -> dt.date | None:
    """A date from a cell, a YAML value or text such as '2027-03-10' or '10 March 2027'.

    Numeric dates are read day first (25/03/2027) only when that is unambiguous:
    03/04/2027 could be either, and a wrong date is worse than none.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip(".")
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(match[2].lower())
            return dt.date(int(match[3]), month, int(match[1])) if month else None
        if match := _MONTH_DAY_YEAR.match(text):
            month = _MONTHS.get(match[1].lower())
            return dt.date(int(match[3]), month, int(match[2])) if month else None
        if match := _NUMERIC.match(text):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            if first > 12 >= second:
                return dt.date(year, second, first)
            if second > 12 >= first:
                return dt.date(year, first, second)
            return dt.date(year, first, first) if first == second else None
    except ValueError:
        return None
    return None


def dates_in_name(name: str) -> tuple[dt.date, ...]:
    """Dates a file name carries. A month, quarter or range stands for its first and last day.

    Understood: 2026-08-31, 20260831, 2026-08, 2026-Q3 and Q3 2026, March 2026 and
    2026-Mar, Jul-Oct 2026; a range of two days is simply both days.
    """
    found: set[dt.date] = set()
    rest = name

    def take(pattern: re.Pattern[str], to_dates: object) -> None:
        nonlocal rest
        for match in list(pattern.finditer(rest)):
            try:
                found.update(to_dates(match))  # type: ignore[operator]
            except (ValueError, KeyError):
                continue
            rest = rest.replace(match[0], " " * len(match[0]), 1)

    take(_NAME_DAY, lambda m: [dt.date(int(m[1]), int(m[2]), int(m[3]))])

    def quarter(m: re.Match[str]) -> list[dt.date]:
        year, q = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        return [month_bounds(year, q * 3 - 2)[0], month_bounds(year, q * 3)[1]]

    take(_NAME_QUARTER, quarter)

    def month_range(m: re.Match[str]) -> list[dt.date]:
        year = int(m[3])
        start, end = _MONTHS[m[1].lower()], _MONTHS[m[2].lower()]
        first_year = year - 1 if start > end else year  # Nov-Feb 2027 starts in 2026
        return [month_bounds(first_year, start)[0], month_bounds(year, end)[1]]

    take(_NAME_MONTH_RANGE, month_range)

    def month_word(m: re.Match[str]) -> list[dt.date]:
        month, year = (m[1], int(m[2])) if m[1] else (m[4], int(m[3]))
        return list(month_bounds(year, _MONTHS[month.lower()]))

    take(_NAME_MONTH_WORD, month_word)
    take(_NAME_MONTH, lambda m: list(month_bounds(int(m[1]), int(m[2]))))
    return tuple(sorted(found))
