"""Files of other functions that share the service manager's words (emergency planning,
clinical and security-guard incidents, public records and public works requests, a
construction change order, payroll and statutory audits, fleets, beds and warehouse
racking, HR change workshops, ITIL courses), and the measures and reviews whose names
hold another item's: end to end through the CLI on real Word, PDF, Excel and CSV files."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_csv, write_docx, write_pdf, write_xlsx
from test_names_in_use import doc
from test_recognise_folder import PROSE, check, counted, paths

ROWS = [["Ref", "Date", "Description", "Status"]] + [
    [f"R{i:03d}", f"2026-0{1 + i % 9}-1{i % 9}", f"Entry {i}", "Closed"] for i in range(24)
]


def test_other_functions_files_count_for_nothing(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "EPRR Major Incident Plan 2026.docx",
        "Major Incident Plan 2026 - Emergency Preparedness, Resilience and Response (EPRR)",
    )
    write_xlsx(evidence.root / "Datix - Incident Report Export - Q2.xlsx", {"Export": ROWS})
    write_xlsx(evidence.root / "Security Guard Incident Reports - Site B.xlsx", {"Log": ROWS})
    write_xlsx(evidence.root / "Public Records Request Log 2026.xlsx", {"Log": ROWS})
    requests = [["Service Request ID", "Description", "Date Submitted", "Status"]] + [
        [f"SR-{5000 + i}", "Pothole on Main St", f"2026-0{1 + i % 9}-0{1 + i % 8}", "Closed"]
        for i in range(40)
    ]
    write_csv(evidence.root / "Work Order export - Facilities (Cityworks).csv", requests)
    write_pdf(
        evidence.root / "Contract Amendment - Change Order No. 4 - Courthouse HVAC.pdf",
        [["Change Order No. 4 - Courthouse HVAC Replacement", "Description of change", PROSE]],
    )
    write_xlsx(evidence.root / "Fleet availability report - Oct 2026.xlsx", {"Fleet": ROWS})
    write_xlsx(evidence.root / "Bed capacity dashboard - daily sitrep.xlsx", {"Beds": ROWS})
    write_xlsx(evidence.root / "Capacity planning - Warehouse racking 2027.xlsx", {"Bays": ROWS})
    for name in ("Internal Audit Report - Payroll Controls", "Single Audit Report FY2025"):
        write_pdf(evidence.root / f"{name}.pdf", [[name, "Issued 14/11/2026", PROSE]])
    write_pdf(
        evidence.root / "CJIS Security Policy v6.0 (FBI).pdf",
        [["Criminal Justice Information Services (CJIS) Security Policy", PROSE]],
    )
    doc(evidence, "ITIL 4 Foundation - Day 2 - Change Enablement.docx", "ITIL 4 Foundation")
    doc(evidence, "Leading Through Change - Manager Workshop.docx", "Leading Through Change")
    doc(
        evidence,
        "Change Management Toolkit - Prosci ADKAR - HR.docx",
        "People Change Management Toolkit",
        "Group | Impact | Resistance risk",
    )
    links = counted(check(cli, evidence))
    assert links == {}, links


def test_an_ig_incident_log_a_supplier_qbr_and_a_budget_status_are_what_they_say(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(evidence.root / "Datix IG incidents - Digital Services - 2026.xlsx", {"IG": ROWS})
    doc(
        evidence,
        "Supplier QBR - Telstra - Q1 FY27.docx",
        "Supplier Quarterly Business Review - Telstra",
        "Meeting date: 14/10/2026",
    )
    write_xlsx(
        evidence.root / "Quarterly Budget Status Report - Q1 FY27.xlsx",
        {"Q1": [["DoIT Budget Status - Q1 FY2027"], *ROWS]},
    )
    links = counted(check(cli, evidence))
    assert paths(links, "is-incident-records") == {
        "Datix IG incidents - Digital Services - 2026.xlsx"
    }
    assert paths(links, "supplier-performance-reviews") == {"Supplier QBR - Telstra - Q1 FY27.docx"}
    assert paths(links, "budget-vs-actual") == {"Quarterly Budget Status Report - Q1 FY27.xlsx"}
    for item in ("incident-records", "service-reports", "service-budget"):
        assert not paths(links, item), item


def test_what_a_report_measures_against_is_not_its_subject(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "Monthly client report - Harbour Physio - October 2026.docx",
        [
            ("Title", "Monthly Service Report - Harbour Physio - October 2026"),
            ("Heading 1", "Service performance vs SLA"),
            PROSE,
        ],
        tables=[
            [["Type", "Count", "Within SLA"], ["Incident", "41", "39"], ["Request", "77", "77"]]
        ],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "service-reports") == {
        "Monthly client report - Harbour Physio - October 2026.docx"
    }
    assert not paths(links, "slas")


def test_a_name_is_read_as_the_kind_of_document_its_title_ends_on(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "Change Management - Monthly Trends - Oct 2026.docx",
        "Change Management - Monthly Trend Analysis",
        "Period: October 2026",
    )
    doc(evidence, "disaster_recovery.docx", "Database: Disaster Recovery")
    links = counted(check(cli, evidence))
    assert not paths(links, "change-management-policy")
    # "Database" qualifies the title's subject; it does not make the page a register.
    assert paths(links, "continuity-plan") == {"disaster_recovery.docx"}


def test_a_catalogue_printed_as_a_table_is_no_outline(cli: Invoke, evidence: Folder) -> None:
    rows = [
        "Service | Description | Hours | Target",
        "Managed Desktop | Laptops, patching, support | 08:00-18:00 | P1 4h",
        "Portal Hosting | Hosting of tenant self-service portals | 24x7 | 99.9%",
        "Service Desk | Phone, email, portal | 08:00-18:00 | FCR 70%",
    ]
    write_pdf(evidence.root / "Service Catalogue.pdf", [["Orbis Service Catalogue", *rows]])
    write_pdf(
        evidence.root / "Council Services Catalogue for Residents.pdf",
        [["Council Services Catalogue for Residents", *rows]],
    )
    # Headings with nothing under them are still an outline.
    write_pdf(
        evidence.root / "Change Management Procedure.pdf",
        [["Change Management Procedure", "1 Purpose", "2 Scope", "3 Roles", "4 Process steps"]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "service-catalogue") == {"Service Catalogue.pdf"}
    assert not paths(links, "change-management-policy")


def test_an_airline_s_and_a_campus_s_other_functions_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "SMS Manual (Safety Management System) Part 1 Rev 8.pdf",
        [["Safety Management System Manual - Part 1", PROSE]],
    )
    write_xlsx(evidence.root / "Fleet technical availability Oct 2026.xlsx", {"Fleet": ROWS})
    write_pdf(
        evidence.root / "Ground handling SLA - Swissport OSL.pdf",
        [["Service Level Agreement - Ground Handling OSL (SGHA Annex B)", PROSE]],
    )
    write_pdf(
        evidence.root / "Compliance Monitoring audit report - CAMO 2026-03.pdf",
        [["Compliance Monitoring Audit Report CM-2026-03 (CAMO)", "Issued 14/11/2026", PROSE]],
    )
    write_xlsx(evidence.root / "Crew Training records - recurrent 2026.xlsx", {"Crew": ROWS})
    doc(
        evidence,
        "Flight Safety - Serious Incident Investigation SI-2026-02.docx",
        "Serious Incident Investigation Report SI-2026-02",
        "Date of occurrence: 02/03/2026",
    )
    write_xlsx(evidence.root / "Vessel incident reports 2026 (maritime).xlsx", {"Log": ROWS})
    write_csv(evidence.root / "Student Conduct Incident Report Log 2026.csv", ROWS)
    write_xlsx(evidence.root / "Finance - Capital budget 2027 (Facilities).xlsx", {"Capex": ROWS})
    write_pdf(
        evidence.root / "Facilities - Lift maintenance contract (KONE).pdf",
        [["Lift Maintenance Agreement - KONE Care", PROSE]],
    )
    doc(evidence, "Marketing - NPS campaign results Q3.docx", "Q3 Product NPS & Campaign Results")
    write_xlsx(
        evidence.root / "Quality - Nonconformity register - manufacturing line 3.xlsx",
        {"NCs": ROWS},
    )
    links = counted(check(cli, evidence))
    assert links == {}, links


def test_a_bank_s_a_drug_maker_s_and_a_carrier_s_other_functions_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "Change in Accounting Policy - IFRS 9 staging (Board paper).docx",
        "Board Paper: Change in Accounting Policy - IFRS 9 Staging Criteria",
    )
    doc(evidence, "Liquidity Contingency Funding Plan 2026.docx", "Contingency Funding Plan 2026")
    write_xlsx(
        evidence.root / "Credit Risk Register - Corporate lending Q3 2026.xlsx", {"Risks": ROWS}
    )
    write_xlsx(evidence.root / "Operational risk loss events 2026.xlsx", {"Loss events": ROWS})
    write_pdf(
        evidence.root / "Internal Audit Report - Retail Mortgages Underwriting.pdf",
        [["Internal Audit Report - Retail Mortgages Underwriting", "Issued 14/10/2026", PROSE]],
    )
    write_xlsx(evidence.root / "QA Change Control Log - Manufacturing 2026.xlsx", {"Log": ROWS})
    write_xlsx(evidence.root / "Microwave link design.xlsx", {"Link budget": ROWS})
    write_xlsx(evidence.root / "Customer billing disputes register 2026.xlsx", {"Log": ROWS})
    # The service provider's own audit of change, release and configuration is its
    # internal audit, whatever processes it covers.
    write_pdf(
        evidence.root / "Internal Audit Report Q3 2026 - Change, release and configuration.pdf",
        [["Internal Audit Report - Q3 2026", "Issued 14/10/2026", PROSE]],
    )
    links = counted(check(cli, evidence))
    assert set(links) == {"internal-audit-reports"}, links
    assert paths(links, "internal-audit-reports") == {
        "Internal Audit Report Q3 2026 - Change, release and configuration.pdf"
    }


def test_a_tool_vendor_s_and_an_analyst_s_documents_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "Freshservice Problem Management feature guide.docx",
        "Freshservice Problem Management - Feature guide",
    )
    write_pdf(
        evidence.root / "ServiceNow ITSM - Major Incident Management guided setup.pdf",
        [["ServiceNow Guided Setup: Major Incident Management", PROSE]],
    )
    write_pdf(
        evidence.root / "Gartner Magic Quadrant for ITSM Platforms 2026.pdf",
        [["Magic Quadrant for IT Service Management Platforms", PROSE]],
    )
    # A brochure's head lines are what it sells.
    write_pdf(
        evidence.root / "incident.io product brochure 2026.pdf",
        [
            [
                "incident.io - on-call and status pages in one platform",
                "- On-call scheduling - Automated incident channels - Post-mortems",
                PROSE,
            ]
        ],
    )
    requests = [["Request ID", "Subject", "Status", "Priority", "Created Time"]] + [
        [str(100 + i), "Need a new mouse", "Closed", "Low", f"2026-0{1 + i % 9}-1{i % 9}"]
        for i in range(150)
    ]
    write_csv(evidence.root / "ServiceDesk Plus - sample data (demo instance).csv", requests)
    # The organisation's own export of the same shape is its records.
    write_csv(evidence.root / "ServiceDesk Plus - requests October 2026.csv", requests)
    links = counted(check(cli, evidence))
    assert set(links) == {"service-request-records"}, links
    assert paths(links, "service-request-records") == {
        "ServiceDesk Plus - requests October 2026.csv"
    }


def test_a_studio_s_a_charity_s_and_a_lab_s_other_functions_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "Game Design Document - Incident at Blackwater Keep.docx",
        "Game Design Document: Incident at Blackwater Keep",
    )
    write_xlsx(evidence.root / "Monetisation KPI dashboard - October 2026.xlsx", {"KPI": ROWS})
    doc(
        evidence,
        "Risk assessment - manual handling of multifunction devices.docx",
        "Risk Assessment: Manual Handling of Multifunction Devices",
    )
    write_xlsx(evidence.root / "Volunteer training log 2026 (shops).xlsx", {"Log": ROWS})
    write_xlsx(evidence.root / "Donor complaints log 2026.xlsx", {"Log": ROWS})
    write_xlsx(evidence.root / "Discovery grant budget - Lindgren lab 2026-2031.xlsx", {"B": ROWS})
    write_pdf(
        evidence.root / "Statement of Requirements - Whole of Government Service Desk.pdf",
        [["Statement of Requirements - Whole of Government Service Desk", PROSE]],
    )
    links = counted(check(cli, evidence))
    assert links == {}, links


def test_a_project_s_raid_log_a_food_safety_course_and_a_supplier_s_review(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(evidence.root / "Projects/S4HANA/RAID log.xlsx", {"Risks": ROWS})
    write_xlsx(evidence.root / "HR/Training records - Food Safety HACCP.xlsx", {"T": ROWS})
    doc(
        evidence,
        "Virgin Media Business Q3 2026 Service Review.docx",
        "Supplier Service Review - Virgin Media Business - Q3 2026",
        "Held 14/10/2026 with the supplier's account manager.",
    )
    links = counted(check(cli, evidence))
    assert set(links) == {"supplier-performance-reviews"}, links
