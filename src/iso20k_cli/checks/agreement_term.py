"""The end of an agreement's term, as agreements state it.

"Term: 1 April 2025 to 31 March 2028", "Expiry date: 31 March 2028", "| Valid until |
31/03/2028 |", "Term: three years from 1 April 2025". Read with string operations on
labelled lines only (bounded: the opening of the text, each line cut short), because
a date in the body (a service credit's deadline) says nothing about the term.
"""

from __future__ import annotations

import datetime as dt

from iso20k_cli.evidence.dates import add_days, add_months, parse_date
from iso20k_cli.evidence.intervals import NUMBER_WORDS

_HEAD_CHARS = 20_000  # the term is stated with the parties, near the top
_LINE_CHARS = 200
# Labels whose value is the end itself, and labels of the whole term (start to end).
_END_LABELS = (
    "expiry date",
    "expiration date",
    "expiry",
    "expires",
    "expires on",
    "end date",
    "end of term",
    "contract end",
    "contract end date",
    "agreement end date",
    "valid until",
    "valid to",
    "termination date",
    "renewal date",
)
_TERM_LABELS = (
    "term",
    "contract term",
    "agreement term",
    "initial term",
    "duration",
    "period",
    "contract period",
    "agreement period",
    "validity",
    "effective period",
)
_RANGE_WORDS = (" to ", " until ", " through ", " – ", " — ", " - ")
_START_WORDS = (" from ", " commencing ", " starting ", " beginning ", " effective ")


def _label_value(line: str) -> tuple[str, str] | None:
    """("expiry date", "31 March 2028") from "Expiry date: 31 March 2028", "| Term | … |",
    "**Term:** …" or "Term<TAB>…"."""
    text = line.strip().strip("|").replace("*", "").replace("_", " ").strip()
    for mark in (":", "|", "\t"):
        label, found, value = text.partition(mark)
        if found:
            label = " ".join(label.lower().lstrip("#-•").split())
            return label, value.strip().strip("|").strip()
    return None


def _duration_months(text: str) -> int | None:
    """12 from "one year", 36 from "3 years", 18 from "18 months"."""
    words = text.lower().replace("(", " ").replace(")", " ").split()
    for index in range(len(words) - 1):
        amount = NUMBER_WORDS.get(words[index])
        if amount is None and words[index].isdigit() and len(words[index]) <= 3:
            amount = int(words[index])
        unit = words[index + 1].rstrip(",.;")
        if amount is not None and unit in ("year", "years"):
            return amount * 12
        if amount is not None and unit in ("month", "months"):
            return amount
    return None


def _date_in(text: str) -> dt.date | None:
    cleaned = text.strip().rstrip(".;,)").lstrip("(")
    return parse_date(cleaned) or parse_date(cleaned.split(" ")[0])


def _term_value(value: str) -> dt.date | None:
    """The end of a term stated as a range or as a duration from a start date."""
    padded = f" {value} "
    for word in _RANGE_WORDS:
        if word in padded:
            end = _date_in(padded.rsplit(word, 1)[1])
            if end is not None:
                return end
    months = _duration_months(value)
    if months is None:
        return None
    for word in _START_WORDS:
        if word in padded.lower():
            start = _date_in(padded[padded.lower().rindex(word) + len(word) :])
            if start is not None:
                return add_days(add_months(start, months), -1)
    return None


def term_end(text: str) -> dt.date | None:
    """The last day of the term the agreement states, or None when it states none."""
    for line in text[:_HEAD_CHARS].splitlines():
        found = _label_value(line[:_LINE_CHARS])
        if found is None:
            continue
        label, value = found
        if not value:
            continue
        if label in _END_LABELS:
            end = _date_in(value) or _term_value(value)
        elif label in _TERM_LABELS:
            end = _term_value(value)
        else:
            continue
        if end is not None:
            return end
    return None
