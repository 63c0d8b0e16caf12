"""Dates as people write them in document control, in file names and in registers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name} | {
    name.lower(): index for index, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

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
# Day and month in numbers, either way round: 21.06.2026, 10-11-2026, 21_06_2026,
# 14.08.26. The separators agree; which number is the day is for the file to settle.
_NAME_NUMERIC = re.compile(r"(?<![0-9A-Za-z])(\d{1,2})([-_.])(\d{1,2})\2(20\d{2}|\d{2})(?!\d)")
# "v1.2.2026", "Release 1.10.26": a version, not a date.
_VERSION_WORDS = frozenset({"v", "ver", "version", "rev", "revision", "release", "build", "issue"})
_DAY = r"(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# A day with a month in words: 19Mar2026, 21-Jun-2026, 14th March 2026, March 14, 2026.
_NAME_DAY_MONTH = re.compile(
    rf"(?<![0-9a-z]){_DAY}[-_. ]{{0,3}}({_MONTH_NAMES})[-_., ]{{0,3}}(20\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_NAME_MONTH_DAY = re.compile(
    rf"(?<![a-z])({_MONTH_NAMES})[-_. ]{{0,3}}{_DAY}[-_., ]{{1,3}}(20\d{{2}})(?!\d)",
    re.IGNORECASE,
)


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


DateOrder = Literal["dmy", "mdy", "ymd"]

MAX_DATE_CHARS = 64
"""Longer text is not a date as people write one; nothing longer is even looked at."""
MAX_PERIOD_CHARS = 32
MAX_NAME_CHARS = 1000
"""A file name has at most 255; a title or a value read for a date is cut here."""
PIVOT = 70
"""Two-digit years below this are 20xx, the others 19xx (00-69 -> 2000-2069, 70-99 ->
1970-1999), the convention of POSIX ``strptime``."""
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's leap-year-bug count
_EXCEL_SERIALS = (20_000, 80_000)  # 1954-10-03 to 2119-01-11: beyond, a number is not a date

_DIGITS = frozenset("0123456789")
_ISO_DIGITS = _DIGITS | {"-"}
_DATE_SEPARATORS = frozenset(" ,-/.")
_NUMERIC_SEPARATORS = frozenset({"-", "/", "."})
_MAX_TOKENS = 9  # "Monday, 10th February 2026": more runs than this are no date
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_WEEKDAYS = frozenset(
    name.lower() for name in (*calendar.day_name, *calendar.day_abbr, "tues", "thur", "thurs")
)


@dataclass(frozen=True)
class OpenOrder:
    """A numeric date whose day and month may be either way round: 03/04/2026."""

    first: int
    second: int
    last: int
    short: bool
    """All three parts have one or two digits (02/05/26): year first is possible too."""

    def shows(self) -> DateOrder | None:
        """The order this date proves by itself: a day over 12 can only be a day."""
        if self.second <= 12 < self.first <= 31:
            return "dmy"
        if self.first <= 12 < self.second <= 31:
            return "mdy"
        return None

    def read(self, order: DateOrder | None) -> dt.date | None:
        if order == "ymd" and self.short:
            return _date(_year(self.first, 2), self.second, self.last)
        year = _year(self.last, 2 if self.short else 4)
        shown = self.shows()
        if self.first == self.second or shown == "dmy" or (shown is None and order == "dmy"):
            return _date(year, self.second, self.first)
        if shown == "mdy" or (shown is None and order == "mdy"):
            return _date(year, self.first, self.second)
        return None

    def readable(self) -> bool:
        """Whether it is a date one way round or the other (31.02.2026 is neither)."""
        return self.read("dmy") is not None or self.read("mdy") is not None

    def ambiguous(self, order: DateOrder | None) -> bool:
        """Both readings are dates and ``order`` does not choose between them."""
        if self.first == self.second or self.first > 12 or self.second > 12:
            return False
        return not (order in ("dmy", "mdy") or (order == "ymd" and self.short))


def _year(value: int, width: int) -> int:
    if width == 2:
        return 2000 + value if value < PIVOT else 1900 + value
    return value


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _without_time(text: str) -> str:
    """'2026-08-03T14:22:00Z', '03/08/2026 14:22', 'Feb 1, 2022, 10:00 AM': the date part."""
    colon = text.find(":")
    if colon < 0:
        return text
    cut = max(text.rfind(" ", 0, colon), text.rfind("T", 0, colon))
    return text[:cut] if cut > 0 else ""


# Runs of one class of character each; the classes are disjoint, so a run ends at the
# first character outside it and the pattern never backtracks.
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+|[ ,./-]+")


def _tokens(text: str) -> list[str] | None:
    """Runs of digits, of letters and of separators; None when another character occurs."""
    tokens: list[str] = _TOKEN.findall(text)
    return tokens if sum(map(len, tokens)) == len(text) else None


def _scan(text: str) -> dt.date | OpenOrder | None:
    """A date in ``text``, or its parts when day and month may be either way round.

    Tokens, not one pattern with optional parts, which could backtrack on long runs
    of separators; and at most :data:`MAX_DATE_CHARS` characters.
    """
    text = text.strip()
    if len(text) > MAX_DATE_CHARS:
        return None
    return _scan_date_part(_without_time(text).strip(" ,."))


# Registers repeat their dates row after row; the results are immutable.
@lru_cache(maxsize=4096)
def _scan_date_part(text: str) -> dt.date | OpenOrder | None:
    if len(text) == 10 and text[4] == text[7] == "-" and _ISO_DIGITS.issuperset(text):
        return _date(int(text[:4]), int(text[5:7]), int(text[8:]))  # the common case, fast
    tokens = _tokens(text)
    if tokens is None or len(tokens) > _MAX_TOKENS:
        return None
    # "1st", "February 1st": the ordinal belongs to the number before it.
    kept: list[str] = []
    for token in tokens:
        if token.lower() in _ORDINALS and kept and kept[-1][0] in _DIGITS:
            continue
        kept.append(token)
    if len(kept) > 2 and kept[0].lower() in _WEEKDAYS and kept[1][0] in _DATE_SEPARATORS:
        kept = kept[2:]  # "Monday, 10 February 2026"
    parts = kept[0::2]
    separators = kept[1::2]
    if len(kept) != 5 or any(s[0] not in _DATE_SEPARATORS or len(s) > 3 for s in separators):
        return None
    if all(p[0] in _DIGITS for p in parts):
        return _numeric(parts, separators)
    return _worded(parts)


def _numeric(parts: list[str], separators: list[str]) -> dt.date | OpenOrder | None:
    if separators[0] != separators[1] or separators[0] not in _NUMERIC_SEPARATORS:
        return None
    widths = [len(p) for p in parts]
    first, second, last = (int(p) for p in parts)
    if widths[0] == 4 and widths[1] <= 2 and widths[2] <= 2:
        return _date(first, second, last)  # 2026-02-10, 2026/02/10, 2026.2.10
    if widths[0] <= 2 and widths[1] <= 2 and widths[2] in (2, 4):
        found = OpenOrder(first, second, last, short=widths[2] == 2)
        if separators[0] == "." and found.shows() is None:
            # Dates written with dots (12.09.2026) are day first where they are written:
            # Germany, the Nordics, Switzerland, Russia. A month first is still read
            # when the date shows it (6.13.2026).
            return found.read("dmy")
        return found
    return None


def _worded(parts: list[str]) -> dt.date | None:
    """10 February 2026, 24-Jan-22, Feb 1 2022, 2022-Jan-24."""
    digits = [p[0] in _DIGITS for p in parts]
    if digits == [True, False, True]:
        month = _MONTHS.get(parts[1].lower())
        day, year = (parts[2], parts[0]) if len(parts[0]) == 4 else (parts[0], parts[2])
    elif digits == [False, True, True]:
        month = _MONTHS.get(parts[0].lower())
        day, year = parts[1], parts[2]
    else:
        return None
    if month is None or len(day) > 2 or len(year) not in (2, 4):
        return None
    return _date(_year(int(year), len(year)), month, int(day))


def excel_serial(value: float) -> dt.date | None:
    """The date an Excel serial number stands for (the 1900 date system), within a range
    where a number in a date column is plausibly a date and not a count."""
    if not _EXCEL_SERIALS[0] <= value <= _EXCEL_SERIALS[1]:
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def scan_date(value: object) -> dt.date | OpenOrder | None:
    """A date from a cell or a value, or the parts of a numeric date of open order."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return _scan(value)
    return None


# Where a date ends and the rest of a line goes on: "Test date: 20/05/2026. Test type: full".
_DATE_ENDS = (". ", "; ", ", ", " (", " - ", " – ", " — ", " | ")


def date_at_start(text: str) -> str:
    """The date ``text`` starts with, when more follows it after a sentence end or a
    separator ("20/05/2026. Duration 3 hours" gives "20/05/2026"); else ``text``.

    Only the start is read, so a date somewhere in a sentence ("to be confirmed, about
    05/06/2026") is not taken for the value; and only the first :data:`MAX_DATE_CHARS`
    characters are looked at.
    """
    if scan_date(text) is not None:
        return text
    head = text[: MAX_DATE_CHARS + 1]
    cuts: set[int] = set()
    for end in _DATE_ENDS:
        at = head.find(end)
        while at > 0:
            cuts.add(at)
            at = head.find(end, at + 1)
    for cut in sorted(cuts):
        if scan_date(head[:cut]) is not None:
            return head[:cut]
    return text


def parse_date(value: object, order: DateOrder | None = None) -> dt.date | None:
    """A date from a cell, a YAML value or text as people write it.

    ISO (2026-02-10, 2026/02/10), words (10 February 2026, 1st April 2023, Feb 1, 2022,
    February 1st, 2022, 24-Jan-2022, 24 Jan 22), numbers with ``/``, ``.`` or ``-``
    (25/03/2027, 3.25.2027, 25-03-27), a time after the date ignored. Two-digit years
    pivot at :data:`PIVOT`. Numeric dates are read day or month first only when the
    date itself shows which (25/03/2027) or ``order`` says so: 03/04/2027 could be
    either, and a wrong date is worse than none.
    """
    found = scan_date(value)
    if isinstance(found, OpenOrder):
        return found.read(order)
    return found


@lru_cache(maxsize=1024)
def period_dates(text: str) -> tuple[dt.date, ...]:
    """The first and last day of a period written in a cell: Jan 2026, 2026-01, 01/2026,
    Q1 2026, Jan-Mar 2026 (the forms file names use, and month/year numbers)."""
    text = text.strip()
    # "September to December 2026" is about as long as a period gets; a year has digits.
    if not text or len(text) > MAX_PERIOD_CHARS or not any(c.isdigit() for c in text):
        return ()
    tokens = _tokens(text)
    if tokens is not None and len(tokens) == 3 and tokens[1] in _NUMERIC_SEPARATORS:
        first, second = tokens[0], tokens[2]
        if first.isdigit() and second.isdigit():
            if len(first) <= 2 and len(second) == 4:
                first, second = second, first
            if len(first) == 4 and len(second) <= 2 and 1 <= int(second) <= 12:
                return month_bounds(int(first), int(second))
            return ()
    if tokens is None or any(_not_of_a_period(t) for t in tokens):
        # "Booked 2026-11-18", "Scheduled 2026-11-24": a plan with its date, not a period
        # the row covers.
        return ()
    return dates_in_name(text)


_PERIOD_WORDS = frozenset({"q1", "q2", "q3", "q4", "to", "until", "through", "and"})


def _not_of_a_period(token: str) -> bool:
    if token[0] in _DIGITS or token[0] in _DATE_SEPARATORS:
        return False
    word = token.lower()
    # "2026Q3" and "Q3" split into letters and digits: "q" stands alone then.
    return word not in _MONTHS and word not in _PERIOD_WORDS and word != "q"


@dataclass(frozen=True)
class NamedDates:
    """The dates a name carries: those it says outright, and those written with day and
    month in numbers, which the file's order of day and month reads."""

    dates: tuple[dt.date, ...]
    numeric: tuple[tuple[str, OpenOrder], ...] = ()
    """Each as written ("10-11-2026") and in its parts."""

    def shows(self) -> set[DateOrder]:
        """The orders of day and month its numeric dates show (30.06.2026: day first)."""
        return {order for _, found in self.numeric if (order := found.shows()) is not None}

    def read(self) -> tuple[dt.date, ...]:
        """The dates, the numeric ones read in the order the name itself shows, if one."""
        shown = self.shows()
        order = next(iter(shown)) if len(shown) == 1 else None
        more = {day for _, found in self.numeric if (day := found.read(order)) is not None}
        return tuple(sorted(more.union(self.dates)))


def dates_in_name(name: str) -> tuple[dt.date, ...]:
    """Dates a file name carries that read only one way. A month, quarter or range stands
    for its first and last day; see :func:`named_dates` for the forms."""
    return named_dates(name).read()


def dated_name(name: str) -> bool:
    """Whether a name carries a date, one that could be day or month first included."""
    found = named_dates(name)
    return bool(found.dates or found.numeric)


def named_dates(name: str) -> NamedDates:
    """Dates a file name (or a title, a period) carries, read in its first
    :data:`MAX_NAME_CHARS` characters.

    Understood: 2026-08-31, 20260831, 2026-08, 2026-Q3 and Q3 2026, March 2026 and
    2026-Mar, Jul-Oct 2026; a range of two days is simply both days. A day and a month
    in words, either way round: 19Mar2026, 21-Jun-2026, 14th March 2026, March 14, 2026.
    Day and month in numbers, with one separator (``.``, ``-`` or ``_``) and a four- or
    two-digit year: 21.06.2026, 10-11-2026, 14.08.26; which is the day is left to the
    reader of the file (:class:`OpenOrder`), as for any numeric date.
    """
    return _named_dates(name[:MAX_NAME_CHARS])


@lru_cache(maxsize=4096)
def _named_dates(name: str) -> NamedDates:
    found: set[dt.date] = set()
    rest = name

    def blank(match: re.Match[str]) -> None:
        nonlocal rest
        rest = rest[: match.start()] + " " * len(match[0]) + rest[match.end() :]

    def take(pattern: re.Pattern[str], to_dates: object) -> None:
        for match in list(pattern.finditer(rest)):
            try:
                found.update(to_dates(match))  # type: ignore[operator]
            except (ValueError, KeyError):
                continue
            blank(match)

    take(_NAME_DAY, lambda m: [dt.date(int(m[1]), int(m[2]), int(m[3]))])
    numeric: list[tuple[str, OpenOrder]] = []
    # "Screenshot 2026-11-10 at 12.30.45.png": beside a full date, a short one is a time.
    for match in _numeric_in_name(rest, short_years=not found):
        numeric.append((match[0], _open_order(match)))
        blank(match)
    take(_NAME_DAY_MONTH, lambda m: [dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))])
    take(_NAME_MONTH_DAY, lambda m: [dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))])

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
    return NamedDates(tuple(sorted(found)), tuple(numeric))


def _numeric_in_name(text: str, short_years: bool) -> list[re.Match[str]]:
    """Matches of :data:`_NAME_NUMERIC` that are dates, not versions or numbers in a row
    (nor times: with a two-digit year, only when ``short_years``).

    A rejected match is tried again one character on ("1.21.06.2026" holds no date, but
    "SMS-08 10-11-2026" does), so at most one search per character of ``text``.
    """
    found: list[re.Match[str]] = []
    at = 0
    while (match := _NAME_NUMERIC.search(text, at)) is not None:
        short = len(match[4]) == 2
        if (
            (short_years or not short)
            and _names_a_date(text, match)
            and _open_order(match).readable()
        ):
            found.append(match)
            at = match.end()
        else:
            at = match.start() + 1
    return found


def _names_a_date(text: str, match: re.Match[str]) -> bool:
    day, separator, month, year = match[1], match[2], match[3], match[4]
    start, end = match.start(), match.end()
    following = text[end : end + 2]
    # "10.11.2026.1" and "1.2.3.26" are versions; "CAB-10-11-2026-2" is the second
    # meeting of the day, but a two-digit year runs into the next number ("08-12-10-2026").
    runs_on = following[:1] == separator and following[1:2].isdigit()
    if runs_on and (separator == "." or len(year) == 2):
        return False
    if start >= 2 and text[start - 1] == "." and text[start - 2].isdigit():
        return False  # "1.21.06.2026": the tail of a version
    if len(year) == 2 and (len(day) != 2 or len(month) != 2):
        return False  # "1.2.26", "2.10.30": a version; a short date is written 01.02.26
    before = text[max(0, start - 16) : start].rstrip(" -_").rsplit(None, 1)[-1:] or [""]
    word = before[0].rsplit("_", 1)[-1].rsplit("-", 1)[-1].lower().rstrip(".")
    if len(year) == 2 and word == "at":
        return False  # "Recording at 10.30.15": a time
    return word not in _VERSION_WORDS


def _open_order(match: re.Match[str]) -> OpenOrder:
    first, second, year = int(match[1]), int(match[3]), match[4]
    return OpenOrder(first, second, int(year), short=len(year) == 2)
