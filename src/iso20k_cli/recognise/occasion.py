"""What makes a file one record of something: it names its occasion, by a date or a version."""

from __future__ import annotations

from iso20k_cli.evidence.dates import dated_name
from iso20k_cli.evidence.model import EvidenceFile


def identified(file: EvidenceFile) -> bool:
    """Whether a file says which occasion it records: a date, or a version in its path
    (release notes are known by their release: "release-1.29/release-notes.md"), or the
    day it was last revised."""
    return bool(
        file.record_dates
        # A date that reads either way round is still a date: the record says when,
        # and its date checks say the day and month could not be told apart.
        or file.unread_dates
        or dated_name(file.name)
        or _versioned(file.path)
        or _year(file.stem)
        or _year(file.title or "")
        # A register kept up to date says when it last was ("Last updated: Sep 18, 2026").
        or file.control.revised is not None
    )


def _year(text: str) -> bool:
    """A year standing as a word of a name or title ("Service Management Objectives 2026",
    "Audit Programme FY2026"): the year the record is of."""
    for word in text.replace("-", " ").replace("_", " ").split():
        word = word.upper().strip("()[],.:")
        digits = word.removeprefix("FY")
        if len(digits) == 4 and digits.isdigit() and 1990 <= int(digits) <= 2099:
            return True
        if word.startswith("FY") and len(digits) == 2 and digits.isdigit():
            return True  # "FY26", "Q2 FY27": a fiscal year written short
    return False


def _versioned(path: str) -> bool:
    """A component such as v1.29, 1.34.2 or release-2.0 in the path: digits, a dot, digits."""
    for index in range(1, len(path) - 1):
        if path[index] == "." and path[index - 1].isdigit() and path[index + 1].isdigit():
            # "2.0" inside a name, not a file suffix such as "notes.2": both sides are
            # numbers of a version only when the left side is preceded by v, -, _ or /.
            start = index - 1
            while start > 0 and path[start - 1].isdigit():
                start -= 1
            if start == 0 or path[start - 1] in "vV-_/ ":
                return True
    return False


def plural(name: str) -> bool:
    """Whether a folder's name ends in a plural noun ("incidents", "post-mortems")."""
    last = "".join(c for c in name.rstrip("/").split("-")[-1].split("_")[-1] if c.isalpha())
    return len(last) > 3 and last.lower().endswith("s") and not last.lower().endswith("ss")
