"""Logs kept as lines of text: their entries' dates are the file's record dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import AS_OF, Folder, Invoke
from iso20k_cli.evidence.loglines import logged_dates

COMPLAINTS = """\
Complaints log - service desk
CMP-001 2026-05-02 Contoso - slow response to P2 - closed 2026-05-09
CMP-002 2026-05-13 Globex - VPN outage communication too slow - closed 2026-05-20
CMP-003 2026-06-21 Initech - wrong invoice for hosting - closed 2026-06-30
CMP-004 2026-08-04 Contoso - repeated password resets - open
"""


def test_lines_that_open_with_a_date_are_a_logs_entries() -> None:
    assert logged_dates(COMPLAINTS) == (
        dt.date(2026, 5, 2),
        dt.date(2026, 5, 13),
        dt.date(2026, 6, 21),
        dt.date(2026, 8, 4),
    )
    journal = "# Ops journal\n\n2026-10-14 09:12 restarted the relay\n2026-10-15 disk at 91%\n"
    assert logged_dates(journal + "2026-10-16 rotated certificates\n") == (
        dt.date(2026, 10, 14),
        dt.date(2026, 10, 15),
        dt.date(2026, 10, 16),
    )


def test_a_page_with_a_few_dates_is_no_log() -> None:
    policy = "\n".join(
        [
            "The policy applies to every change to the services.",
            "Changes are classified as standard, normal or emergency.",
            "The change manager approves normal changes after the CAB has advised.",
            "Emergency changes are reviewed at the next CAB.",
            "2026-01-10 version 1.0 approved by the board",
            "2026-06-01 version 1.1 approved by the board",
            "2026-11-02 version 1.2 approved by the board",
        ]
    )
    assert logged_dates(policy) == ()
    # A date further into a line is said in passing, not the entry's day.
    prose = "\n".join(
        f"We met the customer and agreed the plan on 2026-05-{d:02d}." for d in (1, 2, 3)
    )
    assert logged_dates(prose) == ()
    assert logged_dates("2026-02-30 a\n2026-13-01 b\n2026-01-01 c\n") == ()


def test_a_text_log_counts_as_the_records_it_keeps(cli: Invoke, evidence: Folder) -> None:
    evidence.add("complaints-log.txt", COMPLAINTS)
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF, "--exit-zero")
    data: dict[str, Any] = result.json()
    (file,) = data["files"]
    assert file["used_for"] == ["service-complaints"]
    assert (file["first_record"], file["last_record"]) == ("2026-05-02", "2026-08-04")
