"""Dates written day first in file names, and labelled dates with more on their line,
end to end: the record's date in the JSON and the recency checks that rest on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import AS_OF, Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx

# python-docx's default template says it was created on this day: a record made from it
# that is dated by nothing else looks thirteen years old.
TEMPLATE_DAY = dt.datetime(2013, 12, 23)
BODY = (
    "The team met, reviewed the results and agreed the actions below, each with an owner "
    "and a date by which it is done. "
) * 3


def _word(path: Path, title: str, *lines: str) -> None:
    write_docx(
        path,
        [("Title", title), *lines, BODY],
        core={"created": TEMPLATE_DAY, "modified": TEMPLATE_DAY},
    )


def _pdf(path: Path, *lines: str) -> None:
    write_pdf(path, [[*lines, BODY]])


def _run(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    result = cli("check", evidence.root, "-f", "json", "--as-of", AS_OF, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def _span(data: dict[str, Any], path: str) -> tuple[str | None, str | None]:
    file = next(f for f in data["files"] if f["path"] == path)
    return file["first_record"], file["last_record"]


def _file(data: dict[str, Any], path: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in data["files"] if f["path"] == path)
    return found


def _check(data: dict[str, Any], item: str, check: str) -> dict[str, Any]:
    found = next(i for i in data["items"] if i["id"] == item)
    result: dict[str, Any] = next(c for c in found["checks"] if c["check"] == check)
    return result


DR = "Disaster Recovery Test Report - 21.06.2026.docx"
AUDIT = "Internal Audit Report - Change Management - 05.05.2026.docx"
MRM = "Minutes of MRM held on 14th March 2026.docx"
STORAGE = "Incident Review - Storage 14.08.26.pdf"
LINK = "Outage Report_Internet_Link_19Mar2026.pdf"
WEEKLY = "Weekly Ops Report w-e 13.11.2026.xlsx"
CAB = "CAB Minutes 10-11-2026.docx"


def _day_first_folder(evidence: Folder) -> None:
    _word(evidence.root / DR, "Disaster Recovery Test Report")
    _word(evidence.root / AUDIT, "Internal Audit Report - Change Management")
    _word(evidence.root / MRM, "Management Review Minutes")
    _pdf(evidence.root / STORAGE, "Incident Review - Storage array failure")
    _pdf(evidence.root / LINK, "Outage Report - Internet link")
    write_xlsx(
        evidence.root / WEEKLY,
        {"Summary": [["Service", "Availability"], ["Email", "99.9%"], ["Payroll", "100%"]]},
    )


def test_day_first_names_date_their_records(cli: Invoke, evidence: Folder) -> None:
    _day_first_folder(evidence)
    data = _run(cli, evidence)
    assert _span(data, DR) == ("2026-06-21", "2026-06-21")
    assert _span(data, AUDIT) == ("2026-05-05", "2026-05-05")
    assert _span(data, MRM) == ("2026-03-14", "2026-03-14")  # the day, not all March
    assert _span(data, STORAGE) == ("2026-08-14", "2026-08-14")  # a two-digit year
    assert _span(data, LINK) == ("2026-03-19", "2026-03-19")
    assert _span(data, WEEKLY) == ("2026-11-13", "2026-11-13")
    # Read from the name, not the template's creation date: recent enough.
    assert _check(data, "continuity-test-results", "latest_record_age")["message"] == (
        "latest record 2026-06-21 (153 days old)"
    )
    assert _check(data, "internal-audit-reports", "latest_record_age")["passed"]
    assert _check(data, "management-review-minutes", "latest_record_age")["message"] == (
        "latest record 2026-03-14 (252 days old)"
    )
    # And where the records are old, the finding says so from the right day.
    incidents = _check(data, "incident-records", "latest_record_age")
    assert not incidents["passed"]
    assert "is dated 2026-08-14, 99 days before 2026-11-21" in incidents["message"]
    assert _check(data, "incident-records", "records_span")["message"] == (
        "records cover 149 days (2026-03-19 to 2026-08-14)"
    )
    assert not [f for f in data["findings"] if f["id"].endswith(":unread-dates")]


def test_a_name_date_either_way_round_is_not_guessed(cli: Invoke, evidence: Folder) -> None:
    _word(evidence.root / CAB, "Change Advisory Board Minutes")
    data = _run(cli, evidence)
    cab = _file(data, CAB)
    # Neither 10 November nor 11 October, and not the template's 2013 either.
    assert (cab["first_record"], cab["last_record"]) == (None, None)
    assert cab["warnings"] == [
        "1 numeric date (10-11-2026) could be day first or month first, and neither the "
        "file's other dates nor date_order in the configuration says which, so they were "
        "not read"
    ]
    # Still a record of the change board, whose date the finding asks to be told.
    assert cab["used_for"] == ["change-records"]
    latest = _check(data, "change-records", "latest_record_age")
    assert latest["message"].endswith(
        "could not be determined; a date in it (10-11-2026) could be day first or month "
        "first: set date_order in the configuration to read it"
    )
    assert f"file:{CAB}:unread-dates" in [f["id"] for f in data["findings"]]


def test_the_configured_order_reads_a_name(cli: Invoke, evidence: Folder) -> None:
    _word(evidence.root / CAB, "Change Advisory Board Minutes")
    evidence.add(".iso20k.yaml", "date_order: dmy\n")
    day_first = _run(cli, evidence)
    assert _span(day_first, CAB) == ("2026-11-10", "2026-11-10")
    assert _check(day_first, "change-records", "latest_record_age")["message"] == (
        "latest record 2026-11-10 (11 days old)"
    )
    assert _file(day_first, CAB)["warnings"] == []
    evidence.add(".iso20k.yaml", "date_order: mdy\n")
    assert _span(_run(cli, evidence), CAB) == ("2026-10-11", "2026-10-11")


def test_day_first_names_give_the_folder_its_order(cli: Invoke, evidence: Folder) -> None:
    _word(evidence.root / CAB, "Change Advisory Board Minutes")
    # Three files whose names can only be day first, and no other dates to go on.
    _word(evidence.root / DR, "Disaster Recovery Test Report")
    _pdf(evidence.root / STORAGE, "Incident Review - Storage array failure")
    write_xlsx(evidence.root / WEEKLY, {"Summary": [["Service", "Availability"], ["Email", "1"]]})
    data = _run(cli, evidence)
    cab = _file(data, CAB)
    assert (cab["first_record"], cab["warnings"]) == (
        "2026-11-10",
        [
            "1 numeric date (10-11-2026) was read day first, as 3 other files of the folder "
            "write their dates; set date_order in the configuration to say otherwise"
        ],
    )
    assert not [f for f in data["findings"] if f["id"].endswith(":unread-dates")]
    # One name written month first, and the folder no longer speaks with one voice.
    _word(evidence.root / "Change calendar 6.13.2026.docx", "Change calendar")
    mixed = _run(cli, evidence)
    assert _span(mixed, "Change calendar 6.13.2026.docx") == ("2026-06-13", "2026-06-13")
    assert _span(mixed, CAB) == (None, None)


def test_version_numbers_in_names_are_not_dates(cli: Invoke, evidence: Folder) -> None:
    _word(evidence.root / "Service Report v1.2.2026.docx", "Service Report")
    _word(evidence.root / "Service Report 1.10.26.docx", "Service Report")
    data = _run(cli, evidence)
    # No date in the names: the property date is all there is (old, and found old).
    assert _span(data, "Service Report v1.2.2026.docx") == ("2013-12-23", "2013-12-23")
    assert _span(data, "Service Report 1.10.26.docx") == ("2013-12-23", "2013-12-23")
    for path in ("Service Report v1.2.2026.docx", "Service Report 1.10.26.docx"):
        assert _file(data, path)["warnings"] == []


def test_a_labelled_date_with_more_on_its_line(cli: Invoke, evidence: Folder) -> None:
    _pdf(
        evidence.root / "Disaster Recovery Test Report.pdf",
        "Disaster Recovery Test Report",
        "Test date: 20/05/2026. Test type: full failover.",
    )
    _pdf(
        evidence.root / "Major Incident Report - Payroll.pdf",
        "Major Incident Report - Payroll outage",
        "Date of incident: 25/06/2026. Duration 3 hours",
    )
    _pdf(
        evidence.root / "Major Incident Report - Email.pdf",
        "Major Incident Report - Email outage",
        "Date: to be confirmed, about 27/06/2026",
    )
    data = _run(cli, evidence)
    assert _span(data, "Disaster Recovery Test Report.pdf") == ("2026-05-20", "2026-05-20")
    assert _span(data, "Major Incident Report - Payroll.pdf") == ("2026-06-25", "2026-06-25")
    # A date somewhere in what follows the label is not the value.
    assert _span(data, "Major Incident Report - Email.pdf") == (None, None)
    assert "continuity-test-results" in _file(data, "Disaster Recovery Test Report.pdf")["used_for"]
    assert _check(data, "continuity-test-results", "latest_record_age")["message"] == (
        "latest record 2026-05-20 (185 days old)"
    )
