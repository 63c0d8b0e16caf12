"""Titles in the forms real folders use, end to end through the CLI on real Word, PDF
and Excel files: a record named before its subject, an abbreviation whose expansion ends
in a genre word, a filled-in form, and the words of Indian and British practice."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted

DRILL = (
    "Scenario: loss of the primary data centre. Participants met at 10:00, invoked the plan, "
    "restored the payroll service at the secondary site in 3 hours 10 minutes against an "
    "RTO of 4 hours. Observations and actions are recorded below with owners and dates. "
) * 3


def paths(links: dict[str, set[tuple[str, str, str | None]]], item: str) -> set[str]:
    return {path for path, _, _ in links.get(item, set())}


def test_a_record_named_before_its_subject_is_a_record_of_that_subject(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "Mock Drill Report - BCP 15.09.2026.pdf",
        [["Mock Drill Report - BCP", "Date of drill: 15/09/2026", DRILL]],
    )
    write_pdf(
        evidence.root / "Test Report - DR 02.10.2026.pdf",
        [["Test Report - DR", "Date of test: 02/10/2026", DRILL]],
    )
    # A report of nothing in particular is not turned into one.
    write_pdf(evidence.root / "Report - BCP.pdf", [["Report - BCP", DRILL]])
    data = check(cli, evidence)
    genres = {f["path"]: f["genre"] for f in data["files"]}
    # "BCP" stands for a plan; the file says it is a report.
    assert genres["Mock Drill Report - BCP 15.09.2026.pdf"] == "report"
    assert paths(counted(data), "continuity-test-results") == {
        "Mock Drill Report - BCP 15.09.2026.pdf",
        "Test Report - DR 02.10.2026.pdf",
    }


def test_a_filled_in_form_or_template_is_the_document(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "Completed RFC Form - CHG0030099.docx",
        [("Title", "Request for Change - CHG0030099"), "Raised: 03/11/2026", PROSE],
    )
    write_docx(
        evidence.root
        / "Incident Management Procedure Template v2 - COMPLETED for Northbridge.docx",
        [("Title", "Incident Management Procedure"), PROSE],
    )
    write_docx(
        evidence.root / "Problem Record Form - to be completed.docx",
        [("Title", "Problem Record Form - to be completed"), PROSE],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {"Completed RFC Form - CHG0030099.docx"}
    assert paths(links, "incident-management-procedure") == {
        "Incident Management Procedure Template v2 - COMPLETED for Northbridge.docx"
    }
    assert not paths(links, "problem-records")


def test_records_named_as_indian_and_british_providers_name_them(
    cli: Invoke, evidence: Folder
) -> None:
    write_docx(
        evidence.root / "NC Closure Report - IA-2026-02.docx",
        [("Title", "NC Closure Report - IA-2026-02"), "Closed on: 14/10/2026", PROSE],
    )
    write_xlsx(
        evidence.root / "MIS Report Oct 2026.xlsx",
        {"Summary": [["Measure", "Target", "Actual"], ["Availability", "99.5%", "99.8%"]]},
    )
    write_xlsx(
        evidence.root / "ISO 20000 Awareness Training - Attendance Sheet 12.02.2026.xlsx",
        {"Attendance": [["Name", "Team", "Signed"], ["A. Rao", "Service desk", "yes"]]},
    )
    write_xlsx(
        evidence.root / "Objectives & KPIs 2026.xlsx",
        {
            "Objectives": [
                ["Objective", "KPI", "Target", "Owner"],
                ["Faster fixes", "MTTR", "4h", "SD"],
            ]
        },
    )
    write_xlsx(
        evidence.root / "Sales Objectives 2026.xlsx",
        {"Objectives": [["Objective", "Target", "Owner"], ["New logos", "12", "Sales"]]},
    )
    links = counted(check(cli, evidence))
    assert paths(links, "corrective-action-records") == {"NC Closure Report - IA-2026-02.docx"}
    assert paths(links, "service-reports") == {"MIS Report Oct 2026.xlsx"}
    assert paths(links, "competence-records") == {
        "ISO 20000 Awareness Training - Attendance Sheet 12.02.2026.xlsx"
    }
    assert paths(links, "sm-objectives") == {"Objectives & KPIs 2026.xlsx"}
