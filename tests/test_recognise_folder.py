"""Recognition end to end: real Word, Excel, PowerPoint, CSV and Markdown files made here,
checked with the shipped catalogue through the CLI, as a consultant would run it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import AS_OF, Folder, Invoke
from factories import write_csv, write_docx, write_pdf, write_xlsx

PROSE = (
    "The service desk records every call, classifies it by impact and urgency, assigns it to "
    "a resolver group and keeps the customer informed until it is closed. "
) * 4


def write_pptx(path: Path) -> Path:
    from pptx import Presentation

    deck = Presentation()
    layout = deck.slide_layouts[1]
    for title, text in (
        ("Management Review Q3 2026", "Chair: Managing Director. Held 14 October 2026."),
        ("Inputs", "Audit results, customer feedback, service performance, risks."),
        ("Decisions and actions", "Approve the capacity plan; add a second supplier."),
    ):
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        slide.placeholders[1].text = text
    deck.core_properties.title = "Management Review Q3 2026"
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(path))
    return path


def build(evidence: Folder) -> None:
    root = evidence.root
    write_docx(
        root / "Service Operations Manual.docx",
        [
            ("Title", "Service Operations Manual"),
            ("Heading 1", "1 Service desk"),
            PROSE,
            ("Heading 1", "4.3 Major incident handling"),
            PROSE,
        ],
    )
    write_xlsx(
        root / "Context and Parties.xlsx",
        {
            "External issues": [
                ["Issue", "Effect on the services", "Owner"],
                ["Energy prices", "Hosting costs rise", "Finance Lead"],
                ["New regulation", "More reporting", "Compliance Lead"],
            ],
        },
    )
    write_pptx(root / "reviews" / "MR-2026-10-14.pptx")
    header = ["Number", "Opened", "Short description", "Priority", "State"]
    rows = [
        [f"INC00{n:05d}", f"2026-10-{n % 28 + 1:02d}", "Mail down", "3", "Closed"]
        for n in range(120)
    ]
    write_csv(root / "exports" / "servicenow-2026-10.csv", [header, *rows])
    evidence.add("Incident Log Template.md", "# Incident Log Template\n\n" + PROSE)
    evidence.add("diagram.png", b"\x89PNG\r\n\x1a\n")
    evidence.add(
        "policies/BCDR Policy.md",
        "# Business Continuity and Disaster Recovery Policy\n\n" + PROSE,
        status="approved",
        approved="2026-03-01",
        version="1.0",
        owner="Head of Operations",
    )


def check(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def counted(data: dict[str, Any]) -> dict[str, set[tuple[str, str, str | None]]]:
    return {
        item["id"]: {
            (e["path"], e["matched_by"], e["section"]) for e in item["evidence"] if e["counted"]
        }
        for item in data["items"]
        if any(e["counted"] for e in item["evidence"])
    }


def paths(links: dict[str, set[tuple[str, str, str | None]]], item: str) -> set[str]:
    """The files counted for ``item`` among :func:`counted` links."""
    return {path for path, _, _ in links.get(item, set())}


def test_sections_sheets_slides_exports_and_titles_are_recognised(
    cli: Invoke, evidence: Folder
) -> None:
    build(evidence)
    links = counted(check(cli, evidence))
    assert links["major-incident-procedure"] == {
        ("Service Operations Manual.docx", "section", "§4.3 Major incident handling")
    }
    assert links["context-issues"] == {
        ("Context and Parties.xlsx", "sheet", 'sheet "External issues"')
    }
    assert links["management-review-minutes"] == {("reviews/MR-2026-10-14.pptx", "title", None)}
    assert links["incident-records"] == {("exports/servicenow-2026-10.csv", "columns", None)}
    assert links["continuity-plan"] == {("policies/BCDR Policy.md", "title", None)}
    # Nothing is counted from the template or the picture.
    used = {path for item in links.values() for path, _, _ in item}
    assert "Incident Log Template.md" not in used and "diagram.png" not in used


def test_a_workbook_of_registers_counts_each_sheet_for_its_own_item(
    cli: Invoke, evidence: Folder
) -> None:
    # One toolkit workbook keeps several registers, one per sheet; a sheet of rows is
    # the register itself, even for an item no section of a document can stand for.
    write_xlsx(
        evidence.root / "SMS Registers.xlsx",
        {
            "SMS Objectives 2026": [
                ["Objective", "Measure", "Target", "Owner", "Status"],
                ["Resolve P1 incidents within 4 hours", "Mean time to resolve", "4h", "SM", "On"],
                ["Keep the portal available", "Availability", "99.9%", "Ops Lead", "On"],
            ],
            "RACI": [
                ["Activity", "Service Manager", "Service Desk", "Change Manager"],
                ["Approve changes", "A", "I", "R"],
                ["Log incidents", "I", "R", "I"],
            ],
            "Risk Register": [
                ["Risk", "Likelihood", "Impact", "Owner", "Treatment"],
                ["Datacentre power loss", "Low", "High", "Ops Lead", "UPS and generator"],
            ],
        },
    )
    write_docx(
        evidence.root / "Incident Management Procedure.docx",
        [
            ("Title", "Incident Management Procedure"),
            ("Heading 1", "Objectives"),
            PROSE,
            ("Heading 1", "Roles and responsibilities"),
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    assert links["sm-objectives"] == {
        ("SMS Registers.xlsx", "sheet", 'sheet "SMS Objectives 2026"')
    }
    assert links["roles-responsibilities"] == {("SMS Registers.xlsx", "sheet", 'sheet "RACI"')}
    assert ("SMS Registers.xlsx", "sheet", 'sheet "Risk Register"') in links[
        "risks-opportunities-register"
    ]


def test_a_pdf_printed_from_word_is_named_by_the_file_it_was_printed_from(
    cli: Invoke, evidence: Folder
) -> None:
    # Printed to PDF, a Word file's title is "Microsoft Word - <file name>"; the PDF's
    # own name and first line say nothing of what it is.
    lines = ["ACME Ltd - Internal", "Version 2.0", *([PROSE] * 3)]
    write_pdf(
        evidence.root / "scan-0042.pdf",
        [lines],
        {"Title": "Microsoft Word - Major Incident Procedure.docx"},
    )
    data = check(cli, evidence)
    assert counted(data)["major-incident-procedure"] == {("scan-0042.pdf", "title", None)}
    (pdf,) = [f for f in data["files"] if f["path"] == "scan-0042.pdf"]
    assert pdf["title"] == "Major Incident Procedure"


def test_numbered_records_count_and_say_when_their_date_is_unclear(
    cli: Invoke, evidence: Folder
) -> None:
    # A folder of filled-in forms, each named by its number; the only date is written
    # day-first or month-first, which the file does not settle.
    changes = evidence.root / "08 Operation" / "8.5 Change"
    for number in ("RFC-0012 Upgrade mail server", "RFC-0013 Retire old VPN"):
        write_docx(
            changes / f"{number}.docx",
            [
                "Request for change",
                "Date: 12/03/2026",
                "Requested by: J. Smith",
                "Risk: low; back-out: restore the snapshot.",
            ],
        )
    data = check(cli, evidence)
    assert counted(data)["change-records"] == {
        ("08 Operation/8.5 Change/RFC-0012 Upgrade mail server.docx", "filename", None),
        ("08 Operation/8.5 Change/RFC-0013 Retire old VPN.docx", "filename", None),
    }
    out = cli("explain", evidence.root, "change-records", "--as-of", AS_OF).stdout
    text = " ".join(out.split())
    assert "numbers it as one record (RFC…)" in text
    assert "12/03/2026" in text  # the date it could not read, shown to the user


def test_a_cover_page_names_the_document_its_title_does_not(cli: Invoke, evidence: Folder) -> None:
    # The organisation's name in the Title style over the document's name in the
    # Subtitle style; and a document with no styles at all, whose first heading is its
    # first section. Neither title nor file name ("DOC-014") says what they are.
    steps = "Each change is requested, assessed for risk and approved before it is made. " * 4
    write_docx(
        evidence.root / "DOC-014.docx",
        [
            ("Title", "ACME IT SERVICES LTD"),
            ("Subtitle", "Change Management Procedure"),
            "Version 2.0 | Owner: Head of Service",
            ("Heading 1", "1 Purpose"),
            steps,
        ],
    )
    write_docx(
        evidence.root / "DOC-015.docx",
        [
            "ACME IT Services Ltd",
            "Incident Management Procedure",
            "Version: 2.0",
            ("Heading 1", "1 Purpose"),
            steps.replace("change", "incident"),
        ],
    )
    # A list of other documents' names is an index: none of them names it.
    write_docx(
        evidence.root / "DOC-016.docx",
        [
            "Service Management Documents",
            *(f"{name} Procedure" for name in ("Change", "Incident", "Problem", "Release")),
            *(f"{name} Policy" for name in ("Supplier", "Continuity", "Capacity", "Access")),
            steps,
        ],
    )
    data = check(cli, evidence)
    links = counted(data)
    assert links["change-management-policy"] == {("DOC-014.docx", "title", None)}
    assert links["incident-management-procedure"] == {("DOC-015.docx", "title", None)}
    assert not any(path == "DOC-016.docx" for item in links.values() for path, _, _ in item)
    change = next(i for i in data["items"] if i["id"] == "change-management-policy")
    (link,) = [e for e in change["evidence"] if e["counted"]]
    assert link["detail"].startswith('line "Change Management Procedure" at its head')


def test_registers_named_by_nobody_are_known_by_their_columns(
    cli: Invoke, evidence: Folder
) -> None:
    def register(name: str, header: list[str], row: list[object]) -> None:
        write_xlsx(evidence.root / name, {"Sheet1": [header, *([row] * 6)]})

    register(
        "Book1.xlsx",
        ["Risk ID", "Description", "Likelihood", "Impact", "Risk owner", "Residual risk"],
        ["R1", "Datacentre power loss", "Low", "High", "Ops Lead", "Low"],
    )
    register(
        "Book2.xlsx",
        ["Supplier", "Service provided", "Contract start", "Contract end", "Contract owner"],
        ["AWS", "Hosting", "2024-01-01", "2027-01-01", "J. Smith"],
    )
    register(
        "Book3.xlsx",
        ["Employee", "Role", "Training", "Date completed", "Certificate"],
        ["J. Smith", "Analyst", "ITIL 4 Foundation", "2026-02-01", "Yes"],
    )
    register(
        "Book4.xlsx",
        ["Audit ref", "Finding", "Nonconformity", "Corrective action", "Owner", "Status"],
        ["IA-1", "No CAB approval", "Minor", "Train the CAB", "J. Smith", "Open"],
    )
    # Numbered C1, C2 …: complaints, not changes.
    register(
        "Book5.xlsx",
        ["Complaint ID", "Date received", "Customer", "Description", "Status"],
        ["C1", "2026-03-01", "Acme", "Slow portal", "Closed"],
    )
    # The risk table of an information security risk assessment is a part of it, not
    # the organisation's register of the SMS's risks.
    write_docx(
        evidence.root / "IS Risk Assessment.docx",
        [("Title", "Information Security Risk Assessment 2026"), PROSE],
        tables=[
            [["Risk", "Likelihood", "Impact", "Risk owner", "Residual risk"]]
            + [[f"Data leak {n}", "Low", "High", "CISO", "Low"] for n in range(6)]
        ],
    )
    links = counted(check(cli, evidence))
    sheet = 'sheet "Sheet1"'
    assert links["risks-opportunities-register"] == {("Book1.xlsx", "columns", sheet)}
    assert links["other-parties-list"] == {("Book2.xlsx", "columns", sheet)}
    assert links["competence-records"] == {("Book3.xlsx", "columns", sheet)}
    assert links["corrective-action-records"] == {("Book4.xlsx", "columns", sheet)}
    assert "change-records" not in links
    assert links["is-risk-assessment"] == {("IS Risk Assessment.docx", "title", None)}


def test_the_json_says_what_each_file_is_and_what_was_not_counted(
    cli: Invoke, evidence: Folder
) -> None:
    build(evidence)
    data = check(cli, evidence)
    files = {f["path"]: f for f in data["files"]}
    assert files["Incident Log Template.md"]["genre"] == "template"
    assert files["exports/servicenow-2026-10.csv"]["genre"] == "register"
    records = next(i for i in data["items"] if i["id"] == "incident-records")
    (export,) = [e for e in records["evidence"] if e["counted"]]
    assert "INC" in export["detail"] and "120 rows" in export["detail"]
    misses = {m["path"]: m["reason"] for m in records["near_misses"]}
    assert "template" in misses["Incident Log Template.md"]


def test_explain_shows_the_section_and_the_near_misses(cli: Invoke, evidence: Folder) -> None:
    build(evidence)
    out = cli("explain", evidence.root, "major-incident-procedure", "--as-of", AS_OF).stdout
    text = " ".join(out.split())
    assert "Service Operations Manual.docx (§4.3 Major incident handling)" in text
    assert "recognised by section" in text
    records = cli("explain", evidence.root, "incident-records", "--as-of", AS_OF).stdout
    text = " ".join(records.split())
    assert "recognised by columns: a ticket export" in text
    assert "Files that name this item but were not counted" in text
    assert "Incident Log Template.md" in text and "template" in text


BLANKS = [
    "[list the critical services that must keep running]",
    "[person responsible for invoking the plan, including job title]",
    "[set the maximum time before critical services are restored]",
    "[name of the alternate site]",
    "[list all personnel to be notified]",
    "[job title]",
]


def test_unwritten_documents_are_near_misses_and_written_ones_count(
    cli: Invoke, evidence: Folder
) -> None:
    root = evidence.root
    # A template whose instructions are still in brackets, in a Word file.
    write_docx(
        root / "unfilled" / "Disaster Recovery Plan.docx",
        [("Title", "Disaster Recovery Plan"), *(f"The plan is invoked by {b}. " for b in BLANKS)],
    )
    # An outline: a plan's headings, not one sentence under them.
    write_docx(
        root / "outline" / "Incident Response Plan.docx",
        [
            ("Title", "Incident Management Plan"),
            "Owner: Head of Service",
            "Preparation",
            "Identification and logging",
            "Containment",
            "Recovery",
            "Lessons Learned",
        ],
    )
    # The same subjects, written.
    write_docx(
        root / "written" / "Capacity Plan.docx",
        [("Title", "Capacity Plan"), PROSE],
    )
    data = check(cli, evidence)
    links = counted(data)
    assert links["capacity-plan"] == {("written/Capacity Plan.docx", "title", None)}
    assert "continuity-plan" not in links and "incident-management-procedure" not in links
    items = {i["id"]: i for i in data["items"]}
    misses = {m["path"]: m["reason"] for m in items["continuity-plan"]["near_misses"]}
    assert (
        "template still to be filled in (6 blanks" in misses["unfilled/Disaster Recovery Plan.docx"]
    )
    misses = {m["path"]: m["reason"] for m in items["incident-management-procedure"]["near_misses"]}
    assert "outline" in misses["outline/Incident Response Plan.docx"]


def test_a_one_word_file_name_is_a_lead_not_evidence(cli: Invoke, evidence: Folder) -> None:
    evidence.add("docs/roles.md", PROSE)
    evidence.add("docs/roles-and-responsibilities.md", PROSE)
    data = check(cli, evidence)
    assert counted(data)["roles-responsibilities"] == {
        ("docs/roles-and-responsibilities.md", "filename", None)
    }
    item = next(i for i in data["items"] if i["id"] == "roles-responsibilities")
    misses = {m["path"]: m["reason"] for m in item["near_misses"]}
    assert "one bare word" in misses["docs/roles.md"]


def test_a_repeated_front_matter_key_does_not_lose_the_title(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        "ops/security-response.md",
        "---\nlayout: ops\ntitle: Security Incident Response Guide\nlayout: docs\n---\n\n"
        "## Purpose\n\n" + PROSE,
    )
    data = check(cli, evidence)
    assert counted(data)["is-incident-procedure"] == {("ops/security-response.md", "title", None)}
    (file,) = [f for f in data["files"] if f["path"] == "ops/security-response.md"]
    assert any('duplicate key "layout" at line 4' in w for w in file["warnings"])


def test_a_checklist_of_a_document_is_not_that_document(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    steps = "Confirm the scope, check performance against targets, obtain approval. " * 4
    for name in (
        "Supplier Contract Renewal Checklist",
        "Information Security Policy Checklist",
        "Business Continuity Plan Checklist",
        "Service Level Agreement Checklist",
        "Major Incident Checklist",
    ):
        write_docx(root / f"{name}.docx", [("Title", name), steps])
    data = check(cli, evidence)
    links = counted(data)
    # A checklist that serves an activity is that activity's procedure in brief.
    assert links["major-incident-procedure"] == {("Major Incident Checklist.docx", "title", None)}
    for item in ("supplier-contracts", "is-policy", "continuity-plan", "slas"):
        assert item not in links
    items = {i["id"]: i for i in data["items"]}
    misses = {m["path"]: m["reason"] for m in items["supplier-contracts"]["near_misses"]}
    assert misses["Supplier Contract Renewal Checklist.docx"].endswith(
        "it is a checklist; this item takes an agreement or document"
    )


def test_the_sms_scope_may_be_a_section_of_the_manual(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    write_docx(
        root / "SMS Manual.docx",
        [
            ("Title", "Service Management System Manual"),
            ("Heading 1", "4.3 Scope of the service management system"),
            PROSE,
            ("Heading 1", "8.6.1 Incident management"),
            PROSE,
        ],
    )
    # In a policy, the same heading is a clause of that policy, not the scope statement.
    write_docx(
        root / "policies" / "Information Security Policy.docx",
        [("Title", "Information Security Policy"), ("Heading 1", "Scope of the SMS"), PROSE],
    )
    links = counted(check(cli, evidence))
    assert links["sms-scope"] == {
        ("SMS Manual.docx", "section", "§4.3 Scope of the service management system")
    }


def test_objectives_may_be_a_section_of_the_plan(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "Service Management Plan 2026.docx",
        [
            ("Title", "Service Management Plan 2026"),
            "Approved by: Managing Director. Approval date: 2026-01-15.",
            ("Heading 1", "2 Service management objectives"),
            PROSE,
            ("Heading 1", "3 Resources"),
            PROSE,
        ],
    )
    # A manual's section on objectives says how they are set; it holds none.
    write_docx(
        evidence.root / "SMS Manual.docx",
        [
            ("Title", "Service Management System Manual"),
            ("Heading 1", "6.2 Service management objectives"),
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    assert links["sm-objectives"] == {
        ("Service Management Plan 2026.docx", "section", "§2 Service management objectives")
    }


def test_a_workbooks_name_governs_its_sheets_and_columns(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    risk_header = ["Risk", "Likelihood", "Impact", "Risk rating", "Risk owner"]
    risks = [[f"Risk {n}", "3", "4", "12", "Ops Manager"] for n in range(12)]
    # Hazardous substances, not services: the columns of a risk register do not make it ours.
    write_xlsx(root / "COSHH Risk Register.xlsx", {"COSHH": [risk_header, *risks]})
    # A sheet of an information security risk assessment is that assessment.
    write_xlsx(root / "Cyber Risk Assessment 2026.xlsx", {"Cyber Risks": [risk_header, *risks]})
    # A sheet of rows named "SLA" in a report workbook holds figures, not the agreement.
    write_xlsx(
        root / "Monthly KPI Report Oct 2026.xlsx",
        {
            "SLA": [
                ["Month", "Metric", "Target", "Actual"],
                *[[f"2026-{m:02d}", "P1 response", "15 min", "12 min"] for m in range(1, 11)],
            ]
        },
    )
    data = check(cli, evidence)
    links = counted(data)
    assert links["is-risk-assessment"] == {("Cyber Risk Assessment 2026.xlsx", "filename", None)}
    assert "risks-opportunities-register" not in links
    assert "slas" not in links
    items = {i["id"]: i for i in data["items"]}
    misses = {m["path"]: m["reason"] for m in items["risks-opportunities-register"]["near_misses"]}
    assert misses["COSHH Risk Register.xlsx"].endswith("the file's name speaks of 'coshh risk'")
    assert misses["Cyber Risk Assessment 2026.xlsx"].endswith(
        "it is part of the narrower is-risk-assessment"
    )


def test_a_report_title_is_not_replaced_by_its_first_heading(cli: Invoke, evidence: Folder) -> None:
    write_pdf(
        evidence.root / "Service Desk Performance Report Oct 2026.pdf",
        [
            [
                "Service Desk Performance Report - October 2026",
                "Reporting period",
                "Reporting period: 1 October 2026 to 31 October 2026. Customer: all customers.",
                "Service level performance",
                "All targets were met this month except P2 resolution, breached twice.",
                "Metric | Target | Actual | Status",
                "P1 resolution | 95% | 100% | Met",
                "P2 resolution | 95% | 93% | Breached",
                "Incidents and requests",
                "The desk logged 412 incidents and 688 service requests this month.",
                "It closed 96 per cent of them within their targets.",
            ]
        ],
    )
    assert "slas" not in counted(check(cli, evidence))


def test_an_organisation_chart_is_not_an_unwritten_outline(cli: Invoke, evidence: Folder) -> None:
    boxes = [
        "Managing Director - Anil Patel",
        "Head of Service Delivery - Jo Moore",
        "Service Desk Lead - Kofi Osei",
        "Change Manager - Lena Brandt",
        "Problem Manager - Sora Ito",
        "Information Security Officer - Rosa Diaz",
        "Supplier Manager - Tom Nowak",
        "Service Level Manager - Marta Rossi",
    ]
    write_pdf(evidence.root / "Organisation Chart.pdf", [["Organisation Chart", *boxes]])
    # The same lines under a procedure's title are an outline still to be written.
    write_pdf(
        evidence.root / "Problem Management Procedure.pdf",
        [["Problem Management Procedure", *boxes]],
    )
    data = check(cli, evidence)
    links = counted(data)
    assert links["roles-responsibilities"] == {("Organisation Chart.pdf", "title", None)}
    assert "problem-management-procedure" not in links


def test_a_dated_label_further_on_in_a_line_dates_the_record(cli: Invoke, evidence: Folder) -> None:
    write_pdf(
        evidence.root / "Incident Post-Mortem - VPN.pdf",
        [
            [
                "Incident Post-Mortem - VPN",
                "Incident reference: INC0012345 (Priority 1). Date of incident: 21/06/2026.",
                "Timeline",
                "08:02 monitoring alert; 08:10 major incident declared; 11:42 service restored.",
                "Root cause",
                "A firmware update left the database volume read-only for three hours.",
                "Lessons learned",
                "The change was not tested before release; the alert threshold was too high.",
            ]
        ],
    )
    data = check(cli, evidence)
    assert counted(data)["major-incident-reports"] == {
        ("Incident Post-Mortem - VPN.pdf", "title", None)
    }
    (file,) = data["files"]
    assert file["first_record"] == file["last_record"] == "2026-06-21"


def confluence_page(space: str, title: str, body: str) -> str:
    """A page as Confluence's HTML export writes it: the space's name before the title."""
    return (
        f"<html><head><title>{space} : {title}</title></head><body>"
        f'<h1 id="title-heading"><span id="title-text">{space} : {title}</span></h1>'
        f'<div id="main-content">{body}</div>'
        '<div id="footer"><p>Document generated by Confluence on Nov 30, 2026</p></div>'
        "</body></html>"
    )


def test_a_confluence_space_name_is_not_the_pages_title(cli: Invoke, evidence: Folder) -> None:
    prose = f"<p>{PROSE}</p>"
    evidence.add("Book-club_77003.html", confluence_page("Change Management", "Book club", prose))
    evidence.add(
        "Incident-Management_77004.html", confluence_page("ITSM", "Incident Management", prose)
    )
    # Outside a Confluence export, " : " is part of the title.
    evidence.add(
        "problem.html",
        "<html><head><title>Problem Management : Procedure</title></head>"
        f"<body>{prose}</body></html>",
    )
    data = check(cli, evidence)
    titles = {f["path"]: f["title"] for f in data["files"]}
    assert titles["Book-club_77003.html"] == "Book club"
    assert titles["problem.html"] == "Problem Management : Procedure"
    links = counted(data)
    assert "change-management-policy" not in links
    assert links["incident-management-procedure"] == {
        ("Incident-Management_77004.html", "title", None)
    }


def test_a_sheet_named_for_a_register_counts_however_few_its_entries(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(
        evidence.root / "Supplier Management Workbook 2026.xlsx",
        {
            "Disputes log": [
                ["Dispute ref", "Supplier", "Raised", "Subject", "Status", "Resolution"],
                ["D-01", "Fibrelink", "2026-03-02", "March outage credits", "Closed", "Paid"],
                ["D-02", "Datavault", "2026-08-19", "Storage overage charges", "Open", ""],
            ],
        },
    )
    # A section of a document with two rows in a table describes the log; it holds none.
    write_docx(
        evidence.root / "Supplier Management Procedure.docx",
        [("Title", "Supplier management procedure"), ("Heading 1", "Disputes log"), PROSE],
        tables=[[["Dispute ref", "Supplier", "Raised"], ["D-00", "Example", "2026-01-01"]]],
    )
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    links = counted(result.json())
    assert paths(links, "contractual-disputes") == {"Supplier Management Workbook 2026.xlsx"}


def test_a_workbook_named_for_training_holds_the_registers_its_sheets_name(
    cli: Invoke, evidence: Folder
) -> None:
    records = [["Name", "Course", "Date", "Result"]] + [
        [f"Engineer {n}", "ITIL 4 Foundation", f"2026-0{1 + n % 9}-15", "Pass"] for n in range(40)
    ]
    matrix = [["Name", "Incident", "Change", "Networks"], ["Engineer 1", "3", "2", "4"]]
    write_xlsx(
        evidence.root / "Competence and Training Workbook.xlsx",
        {"Skills matrix": matrix, "Training records": records},
    )
    # A sheet named only for its subject is the training department's.
    budget = [["Cost line", "Budget", "Actual"]] + [
        [f"Course {n}", "1000", "900"] for n in range(9)
    ]
    write_xlsx(evidence.root / "Training Budget 2026.xlsx", {"Budget": budget})
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    links = counted(result.json())
    assert paths(links, "competence-records") == {"Competence and Training Workbook.xlsx"}
    assert "service-budget" not in links


def test_a_log_kept_in_a_review_folder_and_a_sheet_s_aside_say_no_more(
    cli: Invoke, evidence: Folder
) -> None:
    changes = [["Change", "Date", "Summary", "Outcome"]] + [
        [f"CHG-{n:03d}", f"2026-0{1 + n % 9}-10", "Patch the login nodes", "Done"]
        for n in range(30)
    ]
    write_csv(evidence.root / "ops/change review/ARC change log 2026.csv", changes)
    objectives = [
        ["Service Management Objectives FY2026 (approved at Management Review 2026/04/15)"],
        [],
        ["Objective", "Measure", "Target", "Owner"],
        ["Resolve P1s fast", "P1 within 4 h", "95 %", "Service Desk Lead"],
        ["Keep customers happy", "CSAT", "4.5", "Service Manager"],
        ["Fewer failed changes", "Failed change rate", "< 5 %", "Change Manager"],
    ]
    write_xlsx(evidence.root / "KPI sheet.xlsx", {"Sheet1": objectives})
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    links = counted(result.json())
    assert paths(links, "change-records") == {"ops/change review/ARC change log 2026.csv"}
    assert "change-trend-analysis" not in links and "post-implementation-reviews" not in links
    assert paths(links, "sm-objectives") == {"KPI sheet.xlsx"}
    assert "management-review-minutes" not in links
