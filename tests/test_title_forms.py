"""Titles in the forms real folders use, end to end through the CLI on real Word, PDF
and Excel files: a record named before its subject, an abbreviation whose expansion ends
in a genre word, a filled-in form, and the words of Indian and British practice."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

DRILL = (
    "Scenario: loss of the primary data centre. Participants met at 10:00, invoked the plan, "
    "restored the payroll service at the secondary site in 3 hours 10 minutes against an "
    "RTO of 4 hours. Observations and actions are recorded below with owners and dates. "
) * 3


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


def test_a_generic_name_leaves_the_subject_to_a_title_row_or_first_heading(
    cli: Invoke, evidence: Folder
) -> None:
    changes = [["Change log"], [], ["Ref", "Change", "Type", "Risk", "Approved by", "Implemented"]]
    changes += [
        [f"C{i}", "Patch", "Normal", "Low", "CAB", f"2026-0{1 + i % 9}-16"] for i in range(12)
    ]
    write_xlsx(evidence.root / "Book1.xlsx", {"Sheet1": changes})
    write_docx(
        evidence.root / "Minutes.docx",
        [
            ("Title", "Minutes"),
            ("Heading 1", "Management review of the SMS - 21/10/2026"),
            "Present: MD, Ops Director, SMS Manager.",
            ("Heading 1", "Inputs"),
            PROSE,
        ],
    )
    write_docx(
        evidence.root / "Evidence 01.docx",
        [
            ("Title", "Test"),
            ("Heading 1", "Service continuity test - Managed Hosting - 12/09/2026"),
            "Failover of customer VMs to the second site.",
            ("Heading 1", "Results"),
            PROSE,
        ],
    )
    # Under a title that only says "Agreement", a later heading names a part of it.
    write_docx(
        evidence.root / "Evidence 02.docx",
        [
            ("Title", "Agreement"),
            (
                "Heading 1",
                "Colocation Services Agreement between Meridian Data Centres Ltd "
                "(Supplier) and Tamar Digital Services Ltd (Customer), signed 2025",
            ),
            ("Heading 1", "Service levels"),
            "Power availability 100%.",
            ("Heading 1", "Term"),
            PROSE,
        ],
    )
    data = check(cli, evidence)
    links = counted(data)
    assert links["change-records"] == {("Book1.xlsx", "sheet", 'sheet "Sheet1"')}
    assert paths(links, "management-review-minutes") == {"Minutes.docx"}
    # "review of the SMS" is what the management review reviews, no service review.
    assert not paths(links, "service-reports")
    assert paths(links, "continuity-test-results") == {"Evidence 01.docx"}
    assert not paths(links, "slas")
    genres = {f["path"]: f["genre"] for f in data["files"]}
    assert genres["Minutes.docx"] == "minutes"


def test_a_table_in_a_contracts_clause_is_part_of_the_contract(
    cli: Invoke, evidence: Folder
) -> None:
    write_docx(
        evidence.root / "SOW - Harborview Dental - Managed Services 2026.docx",
        [
            ("Title", "Statement of Work - Managed IT Services - Harborview Dental Group"),
            ("Heading 1", "1. Services"),
            PROSE,
            ("Heading 1", "3. Service Levels"),
            "The provider meets these targets each month; credits apply below them.",
        ],
        tables=[
            [
                ["Priority", "Response", "Resolution"],
                ["P1", "15 min", "4 h"],
                ["P2", "1 h", "8 h"],
                ["P3", "4 h", "2 days"],
                ["P4", "1 day", "5 days"],
            ]
        ],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "slas") == {"SOW - Harborview Dental - Managed Services 2026.docx"}


def test_a_how_to_is_on_the_object_of_its_verb(cli: Invoke, evidence: Folder) -> None:
    doc = "Raise the request in the portal, then follow these steps with the requester. " * 6
    evidence.add("mailbox.md", f"# How-to: Provision a new mailbox\n\n{doc}")
    # The dependencies are what is managed; "third party" only says whose they are.
    evidence.add("deps.md", f"# How to manage third party software dependencies\n\n{doc}")
    links = counted(check(cli, evidence))
    assert paths(links, "fulfilment-instructions") == {"mailbox.md"}
    assert not paths(links, "supplier-management-procedure")


def test_a_sample_of_many_records_is_no_template(cli: Invoke, evidence: Folder) -> None:
    header = ["Incident ID", "Opened", "Priority", "Short description", "State"]
    rows = [
        [f"INC00{31000 + i}", f"2026-10-{1 + i % 28:02d}", "P3", "Printer", "Closed"]
        for i in range(40)
    ]
    write_xlsx(
        evidence.root / "Incident sample - October 2026.xlsx", {"Incidents": [header, *rows]}
    )
    write_xlsx(evidence.root / "Incident Log Sample.xlsx", {"Incidents": [header, *rows[:3]]})
    links = counted(check(cli, evidence))
    assert paths(links, "incident-records") == {"Incident sample - October 2026.xlsx"}


def test_minutes_playbooks_and_instructions_named_genre_first(
    cli: Invoke, evidence: Folder
) -> None:
    write_docx(
        evidence.root / "Minutes CAB 14.10.2026.docx",
        [("Title", "Minutes CAB 14.10.2026"), "Present: change manager, service owners.", PROSE],
    )
    evidence.add("p1.md", f"# How we handle P1s\n\n{PROSE}")
    write_docx(
        evidence.root / "CSIRT Playbook - Ransomware.docx",
        [("Title", "CSIRT Playbook - Ransomware"), PROSE],
    )
    write_docx(
        evidence.root / "Work Instruction - Password Reset.docx",
        [("Title", "Work Instruction - Password Reset"), PROSE],
    )
    training = [["Name", "Course", "Date completed"], ["A. Rao", "IR tabletop", "2026-03-02"]]
    write_xlsx(evidence.root / "Incident Response Training Records FY2026.xlsx", {"Log": training})
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {"Minutes CAB 14.10.2026.docx"}
    assert paths(links, "major-incident-procedure") == {"p1.md"}
    assert paths(links, "is-incident-procedure") == {"CSIRT Playbook - Ransomware.docx"}
    assert paths(links, "fulfilment-instructions") == {"Work Instruction - Password Reset.docx"}
    # "Training records" has no subject of its own for incident response to be wider than.
    assert paths(links, "competence-records") == {"Incident Response Training Records FY2026.xlsx"}
    assert not paths(links, "is-control-decisions")


def test_an_architecture_overview_is_the_services_design(cli: Invoke, evidence: Folder) -> None:
    design = (
        "The API runs in two regions behind a load balancer; each region holds an application "
        "tier, a queue and a replicated database, and interfaces with the payment provider. "
    ) * 5
    evidence.add(
        "Engineering/Service Architecture Overview.md",
        f"# Service Architecture Overview\n\n{design}",
    )
    # A vendor's product overview still teaches.
    evidence.add("Vendor/Product Overview.md", f"# Product Overview\n\n{design}")
    links = counted(check(cli, evidence))
    assert paths(links, "service-design") == {"Engineering/Service Architecture Overview.md"}


def test_an_agreements_short_clauses_are_its_parts(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "Service Level Agreement - Meridian Bank.docx",
        [
            ("Title", "Service Level Agreement - Meridian Bank"),
            PROSE,
            ("Heading 1", "3. Availability"),
            "The hosted platform is available 99.95 % of each month, measured at the "
            "load balancer, planned maintenance excluded.",
        ],
    )
    # A supplier's contract: the service levels it sets are what the supplier owes us.
    write_docx(
        evidence.root / "Supplier Contract - Datacenter LCL (signed).docx",
        [
            ("Title", "Supplier Contract - Datacenter LCL"),
            PROSE,
            ("Heading 1", "5. Service levels"),
            "The supplier restores power within four hours and reports each service level "
            "monthly; credits apply below the service levels.",
        ],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "availability-requirements") == {
        "Service Level Agreement - Meridian Bank.docx"
    }
    assert paths(links, "slas") == {"Service Level Agreement - Meridian Bank.docx"}
    assert paths(links, "supplier-contracts") == {
        "Supplier Contract - Datacenter LCL (signed).docx"
    }
