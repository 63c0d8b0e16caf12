"""Names that managed service providers, data centres and other organisations give their
evidence, and the homonyms of other domains, end to end through the CLI on real Word,
PDF, Excel and CSV files."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_csv, write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

REVIEW = (
    "Period: July to September 2026. Tickets raised 412, resolved within target 96.1 % "
    "against 95 %. Uptime 99.97 %. CSAT 4.7 of 5. Recurring issues and agreed actions follow. "
) * 3


def doc(evidence: Folder, name: str, title: str, *lines: str | tuple[str, str]) -> None:
    """A Word document: its title, then lines, each a paragraph or (style, text)."""
    write_docx(evidence.root / name, [("Title", title), *lines, PROSE])


def test_a_quarterly_business_review_with_a_client_is_a_service_review(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "QBR - Harborview Dental - Q3 2026.docx",
        "QBR - Harborview Dental - Q3 2026",
        "Meeting date: 14/10/2026",
        REVIEW,
    )
    doc(
        evidence,
        "Quarterly Business Review - Pinecrest Law.docx",
        "Quarterly Business Review - Pinecrest Law - Q3 2026",
        "Meeting date: 15/10/2026",
        REVIEW,
    )
    assert paths(counted(check(cli, evidence)), "service-reports") == {
        "QBR - Harborview Dental - Q3 2026.docx",
        "Quarterly Business Review - Pinecrest Law.docx",
    }


def test_supplier_contracts_under_the_names_suppliers_give_them(
    cli: Invoke, evidence: Folder
) -> None:
    for name in (
        "Pax8 Partner Agreement 2026",
        "Reseller Agreement - Ingram Micro",
        "Electricity Supply Agreement - EDF Energy",
    ):
        write_pdf(evidence.root / f"{name}.pdf", [[name, "Signed 02/01/2026", PROSE]])
    assert paths(counted(check(cli, evidence)), "supplier-contracts") == {
        "Pax8 Partner Agreement 2026.pdf",
        "Reseller Agreement - Ingram Micro.pdf",
        "Electricity Supply Agreement - EDF Energy.pdf",
    }


def test_other_domains_homonyms_count_for_nothing(cli: Invoke, evidence: Folder) -> None:
    rows = [["Ref", "Risk", "Likelihood", "Impact", "Risk owner"], ["R1", "Delay", "3", "4", "PM"]]
    write_xlsx(evidence.root / "Risk Register - Office Relocation Project.xlsx", {"Risks": rows})
    write_xlsx(evidence.root / "Risk Register.xlsx", {"Risks": rows})
    doc(evidence, "HR - Organisational Change Policy.docx", "Organisational Change Policy")
    doc(
        evidence,
        "Workplace Incident and Near Miss Reporting Procedure.docx",
        "Incident and Near Miss Reporting Procedure",
    )
    write_xlsx(
        evidence.root / "Customer Appreciation Dinner - guest list.xlsx",
        {"Guests": [["Name", "Company", "Dietary"], ["A. Lee", "Contoso", "none"]]},
    )
    write_xlsx(
        evidence.root / "Ballroom Capacity Chart.xlsx",
        {"Layouts": [["Layout", "Seats"], ["Banquet", "240"], ["Theatre", "400"]]},
    )
    doc(evidence, "Physical Security Policy.docx", "Physical Security Policy")
    doc(evidence, "Information Security Policy.docx", "Information Security Policy")
    links = counted(check(cli, evidence))
    assert paths(links, "risks-opportunities-register") == {"Risk Register.xlsx"}
    assert paths(links, "is-policy") == {"Information Security Policy.docx"}
    for item in (
        "change-management-policy",
        "incident-management-procedure",
        "customer-user-register",
        "capacity-monitoring",
        "capacity-plan",
    ):
        assert not paths(links, item), item


def test_a_tools_numbering_or_table_name_is_no_kind_of_record(
    cli: Invoke, evidence: Folder
) -> None:
    articles = [["Number", "Short description", "Created", "Workflow"]] + [
        [f"KB00{10000 + i}", f"How to set up printer {i}", f"2026-0{1 + i % 9}-10", "Published"]
        for i in range(40)
    ]
    write_xlsx(evidence.root / "kb_knowledge.xlsx", {"Page 1": articles})
    timers = [["Task", "SLA definition", "Stage", "Has breached", "Start time"]] + [
        [f"INC00{20000 + i}", "P3 resolution", "Completed", "false", f"2026-10-{10 + i % 9} 09:00"]
        for i in range(30)
    ]
    write_csv(evidence.root / "task_sla.csv", timers)
    links = counted(check(cli, evidence))
    assert not paths(links, "known-error-records")
    assert not paths(links, "slas")


def test_an_agenda_is_neither_minutes_nor_an_analysis(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "CAB Agenda 2026-09-08.docx",
        [("Title", "CAB Agenda 2026-09-08"), "Changes for decision:"],
        tables=[
            [
                ["Change", "Summary", "Risk", "Requested by"],
                ["CHG0031001", "Patch mail relay", "Low", "J. Smith"],
            ]
        ],
    )
    doc(evidence, "Management Review Agenda.docx", "Management Review Agenda", "Date: 12/10/2026")
    links = counted(check(cli, evidence))
    for item in ("change-trend-analysis", "management-review-minutes"):
        assert not paths(links, item), item


def test_an_export_says_its_kinds_in_whichever_type_column_names_them(
    cli: Invoke, evidence: Folder
) -> None:
    # Autotask: "Ticket Type" holds the kind; "Issue Type" and "Work Type" hold other things.
    kinds = ["Incident", "Incident", "Service Request", "Problem", "Alert"]
    rows = [
        [
            "Ticket Number",
            "Title",
            "Status",
            "Priority",
            "Ticket Type",
            "Issue Type",
            "Created",
            "Complete Date",
            "Work Type",
        ]
    ] + [
        [
            f"T2026081{i % 10}.{i:04d}",
            f"Ticket {i}",
            "Complete",
            "Medium",
            kinds[i % 5],
            "Email/M365",
            f"08/{1 + i % 28:02d}/2026 7:32 PM",
            f"08/{1 + i % 28:02d}/2026 9:02 PM",
            "Remote Support",
        ]
        for i in range(120)
    ]
    write_xlsx(evidence.root / "Autotask_Tickets_Q3_2026.xlsx", {"Tickets": rows})
    assert paths(counted(check(cli, evidence)), "incident-records") == {
        "Autotask_Tickets_Q3_2026.xlsx"
    }


def test_outage_reports_exercises_requests_and_kpis_by_their_trade_names(
    cli: Invoke, evidence: Folder
) -> None:
    outage = (
        "Start: 14/09/2026 02:10. End: 14/09/2026 05:40. Impact, root cause and actions follow."
    )
    write_pdf(
        evidence.root / "RFO - 2026-09-14 - Cross-connect outage.pdf",
        [["RFO - 2026-09-14 - Cross-connect outage", outage, PROSE]],
    )
    doc(
        evidence,
        "NOC Failover Exercise Report - LON1.docx",
        "NOC Failover Exercise Report - LON1",
        "Date of exercise: 12/06/2026",
    )
    # "New" is no plural of news: a new starter's instruction is no announcement.
    doc(
        evidence,
        "Work Instruction - New Starter Account Setup.docx",
        "Work Instruction: New Starter Account Setup",
    )
    measures = [
        ["Measure", "Target", "Jul", "Aug", "Sep"],
        ["First-time fix", "70%", "72%", "69%", "74%"],
    ]
    write_xlsx(evidence.root / "Monthly KPIs.xlsx", {"KPIs": measures})
    write_xlsx(evidence.root / "KPI Pack Oct 2026.xlsx", {"Pack": measures})
    links = counted(check(cli, evidence))
    assert paths(links, "major-incident-reports") == {"RFO - 2026-09-14 - Cross-connect outage.pdf"}
    assert paths(links, "continuity-test-results") == {"NOC Failover Exercise Report - LON1.docx"}
    assert paths(links, "fulfilment-instructions") == {
        "Work Instruction - New Starter Account Setup.docx"
    }
    assert paths(links, "monitoring-measurement-results") == {
        "Monthly KPIs.xlsx",
        "KPI Pack Oct 2026.xlsx",
    }


def test_a_qualifier_from_another_domain_rules_the_name_out(cli: Invoke, evidence: Folder) -> None:
    doc(evidence, "Scope Statement - Data Centre Move.docx", "Scope Statement - Data Centre Move")
    doc(evidence, "Scope Statement v2 (Marketing Website).docx", "Scope Statement")
    doc(evidence, "SMS Scope Statement.docx", "SMS Scope Statement")
    doc(
        evidence,
        "Roles and Responsibilities - Fire Wardens.docx",
        "Roles and Responsibilities - Fire Wardens",
    )
    doc(
        evidence,
        "Migration Guide - Skilled Worker Visa.docx",
        "Migration Guide - Skilled Worker Visa",
    )
    doc(evidence, "Capacity Planning - ITIL Guidance.docx", "Capacity Planning - ITIL Guidance")
    survey = [["Question", "Score"], ["Food quality", "3.9"], ["Choice", "4.1"]]
    write_xlsx(evidence.root / "Customer Satisfaction Survey - Canteen.xlsx", {"Results": survey})
    people = [["Name", "Company", "Address"], ["A. Lee", "Contoso", "1 High St"]]
    write_xlsx(evidence.root / "Christmas Card List - Customers.xlsx", {"List": people})
    matrix = [["Impact", "Urgency", "Priority"], ["High", "High", "P1"], ["High", "Low", "P2"]]
    write_xlsx(evidence.root / "Incident Categorisation Matrix.xlsx", {"Matrix": matrix})
    links = counted(check(cli, evidence))
    assert paths(links, "sms-scope") == {"SMS Scope Statement.docx"}
    for item in (
        "roles-responsibilities",
        "service-transition-plans",
        "capacity-plan",
        "customer-satisfaction-results",
        "customer-user-register",
        "incident-records",
    ):
        assert not paths(links, item), item


def test_a_standard_on_a_security_control_is_a_control_decision(
    cli: Invoke, evidence: Folder
) -> None:
    for title in (
        "Principle of Least Privilege",
        "Use a web application firewall (WAF)",
        "TLS Standard",
    ):
        evidence.add(f"{title.split()[-1].strip('()').lower()}.md", f"# {title}\n\n{PROSE}")
    assert paths(counted(check(cli, evidence)), "is-control-decisions") == {
        "privilege.md",
        "waf.md",
        "standard.md",
    }


def test_a_policy_on_one_technical_area_of_security_decides_its_controls(
    cli: Invoke, evidence: Folder
) -> None:
    for name, title in (
        ("logging.md", "Audit Logging Policy"),
        ("pentest.md", "Penetration Testing Policy"),
        ("network.md", "Network Security Policy"),
        ("cloud.md", "Cloud Security Policy"),
        ("is.md", "Information Security Policy"),
        ("people.md", "Personnel Security Policy"),
        ("report.md", "Penetration Test Report"),
    ):
        evidence.add(name, f"# {title}\n\n{PROSE}")
    links = counted(check(cli, evidence))
    assert paths(links, "is-control-decisions") == {
        "logging.md",
        "pentest.md",
        "network.md",
        "cloud.md",
    }
    # The policy for the whole of security is the policy, not one of its controls.
    assert paths(links, "is-policy") == {"is.md"}


def test_an_outage_announced_before_it_happens_is_no_incident(
    cli: Invoke, evidence: Folder
) -> None:
    for name, title in (
        ("2026-03-17-planned-outage.md", "Planned outage: storage cluster"),
        ("2026-04-02-downtime.md", "Scheduled downtime of the VPN gateways"),
        ("2026-05-10-outage.md", "Storage outage report"),
    ):
        evidence.add(name, f"# {title}\n\n{PROSE}")
    links = counted(check(cli, evidence))
    for item in links:
        if "incident" in item:
            assert paths(links, item) <= {"2026-05-10-outage.md"}, item
    assert paths(links, "incident-records") == {"2026-05-10-outage.md"}


def test_other_sectors_incidents_availability_and_complaints_are_theirs(
    cli: Invoke, evidence: Folder
) -> None:
    log = [["Ref", "Date", "Description", "Severity"]] + [
        [f"R{i}", f"2026-0{1 + i % 9}-12", "Event", "Low"] for i in range(12)
    ]
    for name in (
        "WHS Incident and Hazard Register",
        "Clinical Incident Register (IIMS) - 2026",
        "Operational Risk Incident (ORI) Register",
        "Bed Availability Dashboard Nov 2026",
        "Patient Complaints and Compliments Register",
        "Staff Training Records - Forklift Licences",
        "Finance - Budget vs Actual FY26 Marketing",
    ):
        write_xlsx(evidence.root / f"{name}.xlsx", {"Data": log})
    doc(evidence, "Continuity of Care Policy.docx", "Continuity of Care Policy")
    doc(
        evidence,
        "Patient Discharge and Release Policy.docx",
        "Patient Discharge and Release Policy",
    )
    doc(
        evidence,
        "ISO 9001 Management Review 2026.docx",
        "ISO 9001 Management Review 2026",
        "Meeting date: 12/03/2026",
    )
    write_xlsx(evidence.root / "Incident Register 2026.xlsx", {"Data": log})
    links = counted(check(cli, evidence))
    assert paths(links, "incident-records") == {"Incident Register 2026.xlsx"}
    for item in (
        "availability-monitoring",
        "service-complaints",
        "competence-records",
        "budget-vs-actual",
        "continuity-plan",
        "release-policy-plans",
        "management-review-minutes",
    ):
        assert not paths(links, item), item


def test_sector_names_for_procedures_contracts_and_records(cli: Invoke, evidence: Folder) -> None:
    for title in ("DHS-SOP-0113 ICT Major Incident SOP", "SOP: Vendor Escalation"):
        doc(evidence, f"{title.replace(':', '')}.docx", title)
    for title in (
        "Wholesale Agreement - NBN Co",
        "Deed of Standing Offer - Managed Network Services",
    ):
        write_pdf(evidence.root / f"{title}.pdf", [[title, "Executed 01/07/2025", PROSE]])
    doc(
        evidence,
        "Enterprise Customer SLA - Platinum Service Schedule.docx",
        "Enterprise Customer SLA - Platinum Service Schedule",
    )
    doc(
        evidence,
        "SMS-DOC-08 Document and Record Control Procedure.docx",
        "SMS-DOC-08 Document and Record Control Procedure - Contoso",
    )
    matrix = [["Name", "Role", "ITIL 4", "ServiceNow"], ["A. Rao", "Analyst", "Yes", "Admin"]]
    write_xlsx(evidence.root / "ICT Branch Capability Matrix.xlsx", {"Matrix": matrix})
    tickets = [["TT Number", "Opened", "Severity", "NE Name", "Restore Time"]] + [
        [f"TT-{5000 + i}", f"2026-10-{1 + i % 28:02d}", "Major", "MEL-CORE-1", "2h"]
        for i in range(30)
    ]
    write_xlsx(evidence.root / "NOC Trouble Ticket export 2026-10.xlsx", {"TT": tickets})
    links = counted(check(cli, evidence))
    assert paths(links, "major-incident-procedure") == {"DHS-SOP-0113 ICT Major Incident SOP.docx"}
    assert not paths(links, "supplier-management-procedure")
    assert paths(links, "supplier-contracts") == {
        "Wholesale Agreement - NBN Co.pdf",
        "Deed of Standing Offer - Managed Network Services.pdf",
    }
    assert paths(links, "slas") == {"Enterprise Customer SLA - Platinum Service Schedule.docx"}
    assert paths(links, "document-control-procedure") == {
        "SMS-DOC-08 Document and Record Control Procedure.docx"
    }
    assert paths(links, "competence-records") == {"ICT Branch Capability Matrix.xlsx"}
    assert paths(links, "incident-records") == {"NOC Trouble Ticket export 2026-10.xlsx"}


def test_what_a_record_is_about_is_not_the_record(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "REC_AUD_IA-2026-02 Incident and Request audit.docx",
        "REC_AUD_IA-2026-02 Incident and Request audit",
        "Audit date: 12/02/2026",
    )
    write_pdf(
        evidence.root / "Notice of Dispute - Fiserv card processing SLA credits.pdf",
        [["Notice of Dispute - Fiserv card processing SLA credits", "Date: 02/10/2026", PROSE]],
    )
    write_pdf(
        evidence.root / "Marketing Agency Agreement - Brightside Creative (SLA).pdf",
        [["Marketing Agency Agreement - Brightside Creative (SLA)", PROSE]],
    )
    write_pdf(
        evidence.root / "Service Level Agreement - Contoso.pdf",
        [["Service Level Agreement - Contoso", PROSE]],
    )
    scores = [["Customer", "Score", "Comment"]] + [[f"C{i}", "9", "Good"] for i in range(20)]
    write_xlsx(
        evidence.root / "Net Promoter Score - Enterprise customers Q3 2026.xlsx", {"NPS": scores}
    )
    tests = [
        ["Control", "Test", "Result", "Tested"],
        ["AC-01", "Sample 25 leavers", "Pass", "2026-09-01"],
    ]
    write_xlsx(evidence.root / "ServiceNow GRC - Control Test Results Q3.xlsx", {"Tests": tests})
    write_pdf(
        evidence.root / "SOC Monthly Report - October 2026.pdf",
        [["SOC Monthly Report - October 2026", PROSE]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "slas") == {"Service Level Agreement - Contoso.pdf"}
    for item in (
        "incident-records",
        "customer-user-register",
        "build-test-transition-results",
        "service-reports",
    ):
        assert not paths(links, item), item


def test_training_press_and_facilities_namesakes_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "ITIL 4 Foundation Exam Prep - Change Enablement.docx",
        "ITIL 4 Foundation Exam Prep - Change Enablement",
    )
    doc(
        evidence, "Press Release - Q3 Results.docx", "Press Release: Q3 Results", "Date: 02/10/2026"
    )
    log = [["Ref", "Date", "Description"]] + [
        [f"F{i}", f"2026-0{1 + i % 9}-03", "Slip"] for i in range(12)
    ]
    write_xlsx(
        evidence.root / "Facilities - Incident and Accident Register - Westlands.xlsx",
        {"Register": log},
    )
    write_xlsx(evidence.root / "Marketing - Release calendar - Campaigns 2026.xlsx", {"Plan": log})
    write_xlsx(
        evidence.root / "Invoice backup - SLA credit calculation - Sep-2026.xlsx", {"Credits": log}
    )
    write_docx(
        evidence.root / "Vendor - ServiceNow ITSM Product Documentation - Incident Management.docx",
        [
            ("Title", "ServiceNow"),
            "The ServiceNow Incident Management application supports the incident process in the",
            "following ways, from logging to closure.",
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    for item in (
        "change-management-policy",
        "release-records",
        "release-policy-plans",
        "incident-records",
        "slas",
        "incident-management-procedure",
    ):
        assert not paths(links, item), item


def test_a_coded_sop_an_added_aside_ci_classes_and_a_desk_report_name_what_they_are(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "SOP-IT-030 Request Fulfilment - New Starters.docx",
        "SOP-IT-030 Request Fulfilment - Starters, Movers and Leavers",
    )
    doc(
        evidence,
        "Governance Board - Minutes - 18-09-2026.docx",
        "Digital Services Governance Board - Minutes - 18-09-2026 "
        "(incorporating SMS management review)",
    )
    doc(
        evidence,
        "98304090.docx",
        "Configuration Management - CI classes and relationships",
    )
    write_pdf(
        evidence.root / "Service Desk Performance Report - October 2026.pdf",
        [["Service Desk Performance Report - October 2026", REVIEW]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "fulfilment-instructions") == {
        "SOP-IT-030 Request Fulfilment - New Starters.docx"
    }
    assert paths(links, "management-review-minutes") == {
        "Governance Board - Minutes - 18-09-2026.docx"
    }
    assert paths(links, "ci-types") == {"98304090.docx"}
    assert paths(links, "service-reports") == {"Service Desk Performance Report - October 2026.pdf"}


def test_a_handbook_a_game_day_a_budget_execution_a_price_tier_and_a_numbered_form(
    cli: Invoke, evidence: Folder
) -> None:
    doc(evidence, "HB-01-01 SMS Handbook v4.0.docx", "SMS Handbook")
    doc(
        evidence,
        "2026-05-gameday-report.docx",
        "Game day report: region evacuation (May 2026)",
        "Held on 14/05/2026",
    )
    write_xlsx(
        evidence.root / "ICT budget execution 2026.xlsx",
        {
            "2026": [
                ["Line", "Budget", "Actual", "Variance"],
                ["Hosting", "120000", "118500", "1500"],
            ]
        },
    )
    doc(evidence, "SLA - Enterprise plan.docx", "SLA - Enterprise plan")
    doc(
        evidence,
        "FO-08-05 RFC form (completed) CHG-2026-0412.docx",
        "Request for Change",
        "Requested 02/10/2026",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "sms-processes") == {"HB-01-01 SMS Handbook v4.0.docx"}
    assert paths(links, "continuity-test-results") == {"2026-05-gameday-report.docx"}
    assert paths(links, "budget-vs-actual") == {"ICT budget execution 2026.xlsx"}
    assert paths(links, "slas") == {"SLA - Enterprise plan.docx"}
    assert paths(links, "change-records") == {"FO-08-05 RFC form (completed) CHG-2026-0412.docx"}


def test_a_form_named_for_the_one_record_it_holds_is_filled_in(
    cli: Invoke, evidence: Folder
) -> None:
    filled = (
        "CAR-2026-004. Nonconformity: changes implemented before CAB approval. Root cause: "
        "no gate in the tool. Action: approval made mandatory. Verified effective 12/10/2026."
    )
    doc(
        evidence,
        "Corrective Action Form - CAR-2026-004 (changes before approval).docx",
        "Corrective Action Form",
        filled,
    )
    doc(evidence, "RFC Form - CHG-2026-0412.docx", "RFC Form", "Replace core switch SW-02.")
    # The blank form keeps its template's name and holds no record.
    doc(evidence, "Templates/Corrective Action Form.docx", "Corrective Action Form")
    links = counted(check(cli, evidence))
    assert paths(links, "corrective-action-records") == {
        "Corrective Action Form - CAR-2026-004 (changes before approval).docx"
    }
    assert paths(links, "change-records") == {"RFC Form - CHG-2026-0412.docx"}


def test_registers_and_records_by_regulated_sectors_and_psa_tools_names(
    cli: Invoke, evidence: Folder
) -> None:
    arrangements = [["Arrangement", "Provider", "Service", "Start", "End"]] + [
        [f"CA-{i:03d}", f"Provider {i}", "Hosting", "2024-01-01", "2028-12-31"] for i in range(8)
    ]
    for name in (
        "Register of Information - ICT third-party arrangements (DORA RoI) 2026",
        "Outsourcing Register (EBA GL 2019-02) - 30.09.2026",
    ):
        write_xlsx(evidence.root / f"{name}.xlsx", {"Register": arrangements})
    systems = [["System", "GxP impact", "Owner", "Validated"]] + [
        [f"System {i}", "High", "QA", "Yes"] for i in range(12)
    ]
    write_xlsx(
        evidence.root / "Computerised System Inventory (GxP) 2026.xlsx", {"Inventory": systems}
    )
    doc(
        evidence,
        "Quality Agreement - Veeva Systems.docx",
        "Quality Agreement between Alderic Pharmaceuticals Ltd and Veeva Systems",
    )
    name = "VSR-LIMS-003 Validation Summary Report - LIMS 8.1"
    doc(evidence, f"{name}.docx", name, "Executed 14/09/2026. All test steps passed.")
    doc(
        evidence,
        "Major ICT-related incident - final report - ICT-INC-2026-0217.docx",
        "Major ICT-related Incident Report - Final Report (DORA Article 19)",
        "Date of the incident: 14/08/2026. Root cause, impact and lessons learned follow.",
    )
    doc(
        evidence,
        "Operational Resilience Self-Assessment 2026.docx",
        "Operational Resilience Self-Assessment 2026",
        "Important business services, impact tolerances and severe but plausible scenarios.",
    )
    # ConnectWise's configurations: a CMDB export by its own column names.
    write_csv(
        evidence.root / "Configurations - all companies 2026-11-02.csv",
        [["Configuration Name", "Configuration Type", "Company", "Serial Number", "IP Address"]]
        + [[f"SRV-{i:03d}", "Server", "Pelican", f"SN{i:05d}", f"10.0.0.{i}"] for i in range(40)],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "other-parties-list") == {
        "Register of Information - ICT third-party arrangements (DORA RoI) 2026.xlsx",
        "Outsourcing Register (EBA GL 2019-02) - 30.09.2026.xlsx",
    }
    assert paths(links, "asset-register") == {"Computerised System Inventory (GxP) 2026.xlsx"}
    assert paths(links, "supplier-contracts") == {"Quality Agreement - Veeva Systems.docx"}
    assert paths(links, "build-test-transition-results") == {
        "VSR-LIMS-003 Validation Summary Report - LIMS 8.1.docx"
    }
    assert paths(links, "continuity-risk-assessment") == {
        "Operational Resilience Self-Assessment 2026.docx"
    }
    assert paths(links, "configuration-records") == {
        "Configurations - all companies 2026-11-02.csv"
    }
    assert paths(links, "major-incident-reports") == {
        "Major ICT-related incident - final report - ICT-INC-2026-0217.docx"
    }


def test_a_contract_s_numbered_schedule_is_part_of_the_agreement() -> None:
    from test_recognise import SHIPPED, ef

    def genre(title: str) -> str | None:
        return SHIPPED.recognise(ef("doc.pdf", title, PROSE)).genre

    assert genre("Schedule 2 - Service Levels") == "agreement"
    assert genre("Schedule B - Charges") == "agreement"
    # A schedule by its year or quarter is a plan.
    assert genre("Release Schedule 2026") == "plan"
    assert genre("Change Schedule Q4") == "plan"


def test_field_service_soc_live_ops_and_public_sector_names(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "FS-PRO-02 IMAC Procedure (Install, Move, Add, Change).docx",
        "FS-PRO-02 IMAC Procedure",
    )
    doc(evidence, "PB-01 Phishing response playbook.docx", "PB-01 Phishing response playbook")
    doc(evidence, "ARC Service Level Statement 2026.docx", "ARC Service Level Statement 2026")
    doc(
        evidence,
        "Service Level Deed - Department of Primary Industries 2025-2028.docx",
        "Service Level Deed - Department of Primary Industries 2025-2028",
    )
    doc(
        evidence,
        "Patch 4.12 - patch notes.docx",
        "Patch 4.12 - Season 10 - patch notes",
        "Released 14/10/2026.",
    )
    doc(
        evidence,
        "Load test report - Season 10.docx",
        "Load test report - Season 10 launch readiness",
        "Run on 02/10/2026: 40,000 concurrent players, all thresholds passed. Go.",
    )
    contacts = [["Client", "Contact", "Role", "Phone"]] + [
        [f"Client {i}", f"Person {i}", "Escalation", "555"] for i in range(12)
    ]
    write_xlsx(evidence.root / "Client register and escalation contacts.xlsx", {"C": contacts})
    links = counted(check(cli, evidence))
    assert paths(links, "fulfilment-instructions") == {
        "FS-PRO-02 IMAC Procedure (Install, Move, Add, Change).docx"
    }
    assert paths(links, "is-incident-procedure") == {"PB-01 Phishing response playbook.docx"}
    assert paths(links, "slas") == {
        "ARC Service Level Statement 2026.docx",
        "Service Level Deed - Department of Primary Industries 2025-2028.docx",
    }
    assert paths(links, "release-records") == {"Patch 4.12 - patch notes.docx"}
    assert paths(links, "build-test-transition-results") == {"Load test report - Season 10.docx"}
    assert paths(links, "customer-user-register") == {
        "Client register and escalation contacts.xlsx"
    }


def test_plain_words_for_roles_and_kit_and_a_hospital_s_devices(
    cli: Invoke, evidence: Folder
) -> None:
    kit = [["Item", "Serial", "Location", "Owner"]] + [
        [f"Laptop {i}", f"SN{i:04d}", "Head office", "IT"] for i in range(20)
    ]
    write_xlsx(evidence.root / "IT equipment list 2026.xlsx", {"Kit": kit})
    write_xlsx(evidence.root / "Biomedical Equipment Register (medical devices).xlsx", {"K": kit})
    doc(evidence, "Who does what.docx", "Who does what", "The service desk lead owns incidents.")
    links = counted(check(cli, evidence))
    assert paths(links, "asset-register") == {"IT equipment list 2026.xlsx"}
    assert paths(links, "roles-responsibilities") == {"Who does what.docx"}


def test_a_management_review_s_record_is_its_minutes(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "Management Review Record FY2026 first half.docx",
        "Management Review Record",
        "Date of meeting: 15/04/2026. Attendees: Managing Director, Service Manager.",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "management-review-minutes") == {
        "Management Review Record FY2026 first half.docx"
    }


def test_a_network_operators_and_a_german_bank_s_names(cli: Invoke, evidence: Folder) -> None:
    tickets = [["TT ID", "Opened", "Severity", "Summary", "Status", "Closed"]] + [
        [f"TT26100{n:02d}", f"{n:02d}/10/2026 00:54", "Minor", "Fibre cut", "Closed", ""]
        for n in range(1, 25)
    ]
    write_csv(evidence.root / "NOC/Exports/TT_export_2026-10.csv", tickets)
    elements = [["NE Name", "NE Type", "Vendor", "Model", "Site ID", "Status"]] + [
        [f"NBO-{n:02d}-ROU", "Router", "Cisco", "ASR 9906", "NBO", "In service"]
        for n in range(1, 25)
    ]
    write_csv(evidence.root / "Inventory/Network Element Inventory export.csv", elements)
    doc(
        evidence,
        "MOP-2026-0412 CR-NBO-01 IOS-XR upgrade.docx",
        "Method of Procedure: IOS-XR upgrade on NBO-01",
        "Executed 14/10/2026 22:00 to 23:40; rollback not needed.",
    )
    doc(evidence, "Change-Management-Prozess.docx", "Change-Management-Prozess")
    doc(evidence, "Major-Incident-Verfahren.docx", "Major-Incident-Verfahren")
    doc(
        evidence,
        "Konfigurationsmanagement.docx",
        "Konfigurationsmanagement / Configuration Management Procedure",
    )
    doc(
        evidence,
        "Konfigurationsaudit 2026 - Ergebnisbericht.docx",
        "Konfigurationsaudit 2026 - Ergebnisbericht",
        "Prüfdatum: 12.09.2026",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "incident-records") == {"NOC/Exports/TT_export_2026-10.csv"}
    assert paths(links, "configuration-records") == {
        "Inventory/Network Element Inventory export.csv"
    }
    assert paths(links, "change-records") == {"MOP-2026-0412 CR-NBO-01 IOS-XR upgrade.docx"}
    assert paths(links, "change-management-policy") == {"Change-Management-Prozess.docx"}
    assert paths(links, "major-incident-procedure") == {"Major-Incident-Verfahren.docx"}
    assert paths(links, "configuration-management-procedure") == {"Konfigurationsmanagement.docx"}
    assert paths(links, "configuration-verification") == {
        "Konfigurationsaudit 2026 - Ergebnisbericht.docx"
    }


def test_a_workbook_s_revision_history_and_a_program_record_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    services = [["Service", "Description", "Service hours", "Service owner"]] + [
        [f"Service {n}", "Managed support", "8x5", "Service Desk Manager"] for n in range(1, 8)
    ]
    history = [["Version", "Date", "Change"], ["1.2", "14/08/2025", "MDR added"]]
    write_xlsx(
        evidence.root / "Service Catalogue 2026 v1.3.xlsx",
        {"Catalogue": services, "Change log": history},
    )
    (evidence.root / "scripts").mkdir()
    (evidence.root / "scripts/slo_report.py").write_text("print('SLO report')\n")
    (evidence.root / "slo-report-2026-05.md").write_text(
        "# SLO report May 2026\n\n| Service | Target | Achieved |\n|---|---|---|\n"
        "| Checkout | 99.95% | 99.962% |\n| Search | 99.9% | 99.93% |\n| Login | 99.9% | 99.8% |\n"
    )
    links = counted(check(cli, evidence))
    assert paths(links, "service-catalogue") == {"Service Catalogue 2026 v1.3.xlsx"}
    assert "change-records" not in links
    assert paths(links, "availability-monitoring") == {"slo-report-2026-05.md"}


def test_a_report_s_figures_report_what_their_heading_names(cli: Invoke, evidence: Folder) -> None:
    # A PDF keeps a report's tables as lines of text: the figures are there, the table
    # is not.
    levels = [
        "2. Service level performance",
        "Measure                          Target  Actual  Status",
        "P1 response (30 min)             100%    100%    Met",
        "P2 response (1 h)                95%     89.8%   Not met",
        "P3 resolution (3 business days)  90%     92.2%   Met",
    ]
    availability = [
        "4. Availability",
        "Service                 Target  Measured uptime  Downtime (min)",
        "Citrix Virtual Apps     99.5%   99.74%           64",
        "File and print servers  99.5%   99.80%           46",
        "Internet / WAN          99.9%   99.92%           29",
    ]
    write_pdf(
        evidence.root / "ICT Performance Report - August 2026.pdf",
        [
            [
                "ICT Performance Report August 2026",
                "Reporting period: August 2026",
                *levels,
                *availability,
            ]
        ],
    )
    # A procedure's section on availability, with a figure or two, is no report of it.
    doc(
        evidence,
        "Availability Management Procedure.docx",
        "Availability Management Procedure",
        ("Heading 1", "4. Availability"),
        "Availability is measured each month against the 99.5% target and reported.",
    )
    links = counted(check(cli, evidence))
    report = "ICT Performance Report - August 2026.pdf"
    assert paths(links, "service-reports") == {report}
    assert paths(links, "sla-performance-reports") == {report}
    assert paths(links, "availability-monitoring") == {report}


def test_a_report_s_headings_in_two_languages_or_against_its_levels(
    cli: Invoke, evidence: Folder
) -> None:
    rows = [["Measure", "Target", "Actual"]] + [
        [f"P{n} resolution", "95%", "96.1%"] for n in range(1, 5)
    ]
    write_docx(
        evidence.root / "Monthly Service Performance Report - September 2026.docx",
        [
            ("Title", "Monthly Service Performance Report - September 2026"),
            ("Heading 1", "2. Performance against service levels"),
            "Every target was met but one, as the table shows.",
        ],
        tables=[rows],
    )
    write_docx(
        evidence.root / "Rapport mensuel - Monthly Report 2026-08.docx",
        [
            ("Title", "Monthly Service Report 2026-08"),
            ("Heading 1", "2. SLA Performance / Rendement par rapport aux niveaux de service"),
            "Toutes les cibles ont été atteintes. Every target was met.",
        ],
        tables=[rows],
    )
    assert paths(counted(check(cli, evidence)), "sla-performance-reports") == {
        "Monthly Service Performance Report - September 2026.docx",
        "Rapport mensuel - Monthly Report 2026-08.docx",
    }
