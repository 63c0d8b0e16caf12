"""Excel's dates: serial numbers in either date system, and ISO 8601 text, converted
exactly as openpyxl converts them.

A serial number counts days from an epoch: 30 December 1899 in the 1900 date system
(Excel's on Windows), 1 January 1904 in the 1904 one. Excel takes 1900 for a leap
year, so in the 1900 system the serials before 60 are one day off; openpyxl adds
that day back, and so does this (Excel's 29 February 1900, serial 60, reads as the
28th). A serial below 1 is a time of day, and
a duration format reads the serial as a length of time.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

WINDOWS_EPOCH: Final = dt.datetime(1899, 12, 30)
MAC_EPOCH: Final = dt.datetime(1904, 1, 1)
_SECONDS_PER_DAY = 86400
# openpyxl's patterns: every part has a fixed width or is a run of digits followed by
# a fixed letter, and both are anchored at the start, so they cannot backtrack far.
_ISO = re.compile(
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})"
    r"(?P<microsecond>\.\d{1,3})?)?)?Z?"
)
_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")

Converted = dt.datetime | dt.date | dt.time | dt.timedelta


def from_excel(
    value: float, epoch: dt.datetime = WINDOWS_EPOCH, *, timedelta: bool = False
) -> dt.datetime | dt.time | dt.timedelta:
    """The date, time or duration a serial number stands for; ValueError or
    OverflowError for one outside the dates Python keeps."""
    if timedelta:
        length = dt.timedelta(days=value)
        if length.microseconds:
            # to the millisecond, as openpyxl rounds it
            length = dt.timedelta(
                seconds=length.total_seconds() // 1,
                microseconds=round(length.microseconds, -3),
            )
        return length
    day, fraction = divmod(value, 1)
    within = dt.timedelta(milliseconds=round(fraction * _SECONDS_PER_DAY * 1000))
    if 0 <= value < 1 and within.days == 0:
        minutes, seconds = divmod(within.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, within.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel's 29 February 1900, which never was
    return epoch + dt.timedelta(days=day) + within


def from_iso8601(text: str) -> Converted | None:
    """A date, time, date and time, or duration written in ISO 8601 (a cell of type
    "d", a document property), as openpyxl reads it; ValueError for anything else."""
    if not text:
        return None
    found = _ISO.match(text)
    if found and any(found.groups()):
        parts = found.groupdict()
        year, month, day = (int(parts[k] or 0) for k in ("year", "month", "day"))
        hour, minute, second = (int(parts[k] or 0) for k in ("hour", "minute", "second"))
        fraction = parts["microsecond"]
        micro = int(float(fraction) * 1_000_000) if fraction else 0
        if not parts["date"]:
            return dt.time(hour, minute, second, micro)
        if not parts["time"]:
            return dt.date(year, month, day)
        return dt.datetime(year, month, day, hour, minute, second, micro)
    found = _DURATION.match(text)
    if found and any(found.groups()):
        amounts = {key: float(v) for key, v in found.groupdict().items() if v}
        return dt.timedelta(**amounts)
    raise ValueError(f"Invalid datetime value {text}")
