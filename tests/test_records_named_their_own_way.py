"""Records named the way service desks, finance, facilities and hospitals name theirs, end
to end through the CLI on real Word, PDF, Excel and CSV files: French record names, other
departments' registers and budgets that use the same words, training completions,
escalations, periodic performance reports, and a review numbered with an ambiguous
prefix."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_csv, write_docx, write_pdf, write_xlsx
from test_recognise_folder import check, counted, paths

FR = (
    "Ce document décrit les décisions prises, les actions convenues et les responsables, "
    "avec les dates de suivi. "
) * 5
EN = (
    "This document records what was done, the results against each target, the actions "
    "agreed and who owns them. "
) * 5


def test_french_records_are_recognised(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    rfc = [["N° RFC", "Date", "Description", "Priorité", "Statut"]] + [
        [f"RFC-2026-{i:03d}", f"{1 + i % 27:02d}/03/2026", "Mise à jour", "P3", "Clôturé"]
        for i in range(1, 31)
    ]
    write_xlsx(root / "SMS/Registre des changements 2026.xlsx", {"Registre": rfc})
    write_docx(
        root / "SMS/CAB/CR CAB 12.02.2026.docx",
        [("Title", "Compte rendu du CAB du 12/02/2026"), "Date : 12/02/2026", FR],
    )
    # A "compte rendu" of a test reports it; "PRA" is the disaster recovery plan.
    write_docx(
        root / "SMS/PCA/Test PRA - compte rendu 2026-05-14.docx",
        [("Title", "Test PRA - compte rendu"), "Date du test : 14/05/2026", FR],
    )
    write_pdf(
        root / "SMS/Fournisseurs/Contrat fournisseur - Datacenter LCL (signé).pdf",
        [["Contrat fournisseur - Datacenter LCL", FR]],
    )
    write_docx(root / "SMS/Analyse du contexte.docx", [("Title", "Analyse du contexte 2026"), FR])
    # A programme filed among the audits is the programme, not an audit's report.
    plan = [["Processus", "T1", "T2", "T3", "T4"]] + [
        [process, "X", "", "X", ""] for process in ("Incidents", "Changements", "Capacité")
    ]
    write_xlsx(root / "SMS/Audit interne/Programme d'audit 2026-2027.xlsx", {"Programme": plan})
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {
        "SMS/Registre des changements 2026.xlsx",
        "SMS/CAB/CR CAB 12.02.2026.docx",
    }
    assert paths(links, "continuity-test-results") == {
        "SMS/PCA/Test PRA - compte rendu 2026-05-14.docx"
    }
    assert paths(links, "supplier-contracts") == {
        "SMS/Fournisseurs/Contrat fournisseur - Datacenter LCL (signé).pdf"
    }
    assert paths(links, "context-issues") == {"SMS/Analyse du contexte.docx"}
    assert paths(links, "internal-audit-programme") == {
        "SMS/Audit interne/Programme d'audit 2026-2027.xlsx"
    }
    assert "internal-audit-reports" not in links


def test_other_departments_registers_and_budgets_are_not_the_services(
    cli: Invoke, evidence: Folder
) -> None:
    root = evidence.root
    slips = [["Ref", "Date", "Location", "Description", "Severity"]] + [
        [f"HS-{i:03d}", f"{1 + i % 27:02d}/04/2026", "Warehouse", "Slip", "Minor"]
        for i in range(25)
    ]
    write_xlsx(root / "HS/H&S Incident Register 2026.xlsx", {"Incidents": slips})
    risks = [["Risk ID", "Risk", "Likelihood", "Impact", "Owner", "Controls"]] + [
        [f"CR{i}", "Falls on ward", "3", "4", "Matron", "Bed rails"] for i in range(12)
    ]
    write_xlsx(root / "Clinical/Clinical Risk Register - Medicine.xlsx", {"Risks": risks})
    things = [["Asset", "Location", "Owner", "Purchase date"]] + [
        [f"Desk {i}", "Floor 2", "Facilities", "01/02/2020"] for i in range(20)
    ]
    write_xlsx(root / "Facilities/Furniture and Equipment Inventory.xlsx", {"Items": things})
    write_xlsx(root / "Fleet/Fleet Asset Register - Trucks and Trailers.xlsx", {"Fleet": things})
    capital = [["Line", "Budget", "Forecast"]] + [
        [f"Project {i}", "100000", "90000"] for i in range(9)
    ]
    write_xlsx(root / "Finance/Capital Budget 2026-27 (Change Fund).xlsx", {"Capital": capital})
    # The one service record among them, so that the folder is assessed.
    write_docx(
        root / "Records/Post-Incident Reviews/PIR 2026-03-14 Mail flow outage.docx",
        [
            ("Title", "Post-Incident Review - Mail flow outage"),
            "Date: 14/03/2026",
            ("Heading 1", "Timeline"),
            EN,
            ("Heading 1", "Root cause"),
            EN,
            ("Heading 1", "Actions"),
            EN,
        ],
    )
    links = counted(check(cli, evidence))
    for item in ("incident-records", "risks-opportunities-register", "asset-register"):
        assert item not in links, (item, links.get(item))
    # A capital fund named for change funds projects; it records no change.
    assert "change-records" not in links
    # "PIR" numbers post-implementation reviews too; in a folder of post-incident
    # reviews it numbers one of those.
    assert paths(links, "major-incident-reports") == {
        "Records/Post-Incident Reviews/PIR 2026-03-14 Mail flow outage.docx"
    }


def test_records_named_for_what_they_hold(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    done = [["Employee", "Course", "Completed on", "Status"]] + [
        [f"Staff {i}", "Security awareness", f"{1 + i % 27:02d}/03/2026", "Complete"]
        for i in range(40)
    ]
    write_xlsx(root / "HR/Security Awareness Training Completion 2026.xlsx", {"Done": done})
    write_pdf(
        root / "Continuity/BC exercise report 2026-03-10.pdf",
        [["BC exercise report", "Exercise date: 10/03/2026", EN[:400]]],
    )
    escalations = [["Date", "Customer", "Escalation", "Owner", "Outcome"]] + [
        [f"{1 + i % 27:02d}/05/2026", f"Client {i}", "Slow response", "SDM", "Apology"]
        for i in range(15)
    ]
    write_csv(root / "Service/Customer Escalations.csv", escalations)
    write_pdf(
        root / "Reports/Monthly Performance Report - May 2026.pdf",
        [["Monthly Performance Report May 2026", "Reporting period: May 2026", EN[:500]]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "competence-records") == {
        "HR/Security Awareness Training Completion 2026.xlsx"
    }
    assert paths(links, "continuity-test-results") == {
        "Continuity/BC exercise report 2026-03-10.pdf"
    }
    assert paths(links, "service-complaints") == {"Service/Customer Escalations.csv"}
    assert "customer-user-register" not in links
    assert paths(links, "service-reports") == {"Reports/Monthly Performance Report - May 2026.pdf"}


def test_a_plan_ruled_out_is_ruled_out_of_its_sections(cli: Invoke, evidence: Folder) -> None:
    declaring = (
        "A major incident is declared by the on-call director when casualties exceed the "
        "emergency department's capacity, and the major incident is run from the control room. "
    ) * 3
    write_docx(
        evidence.root / "Policies/EPRR Major Incident Plan 2026.docx",
        [
            ("Title", "EPRR Major Incident Plan 2026"),
            EN,
            ("Heading 1", "2. Declaring a major incident"),
            declaring,
        ],
    )
    write_docx(
        evidence.root / "Policies/IT Major Incident Procedure.docx",
        [("Title", "IT Major Incident Procedure"), declaring.replace("casualties", "outages")],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "major-incident-procedure") == {"Policies/IT Major Incident Procedure.docx"}


def test_a_notion_page_is_dated_by_its_last_edited_time(cli: Invoke, evidence: Folder) -> None:
    entries = "".join(
        f"## v2.{n} - November {n + 1}, 2026\n\n- Fixed: invoices rounding\n- New: bulk edit\n\n"
        for n in range(14, 8, -1)
    )
    page = "Engineering 2d04b7e409aecec7d25ddb26bc4aa010/Changelog 1330f59cff8d0415d4c3fbd4e3.md"
    evidence.add(
        page,
        "# Changelog\n\nOwner: Product team\nLast edited time: November 24, 2026 10:15 AM\n\n"
        "This changelog lists customer-visible changes to the product.\n\n" + entries,
    )
    links = counted(check(cli, evidence))
    assert paths(links, "release-records") == {page}


def test_a_file_named_for_two_records_in_a_folder_named_for_one_is_both(
    cli: Invoke, evidence: Folder
) -> None:
    problems = [["Problem ID", "Opened", "Title", "Service", "Priority", "Status"]] + [
        [f"PRB{100 + i}", f"{1 + i % 27:02d}/05/2026", "Repeated VPN drops", "VPN", "P3", "Open"]
        for i in range(12)
    ]
    errors = [["KE ID", "Problem", "Symptom", "Workaround", "Permanent fix"]] + [
        [f"KE{i}", f"PRB{100 + i}", "VPN drops", "Reconnect", "Firmware 7.2"] for i in range(6)
    ]
    write_xlsx(
        evidence.root / "Service Desk/Problem Records/Problem & Known Error log.xlsx",
        {"Problems": problems, "Known Errors": errors},
    )
    suppliers = [["Supplier", "Service provided", "Contract start", "Contract end", "Owner"]] + [
        [f"Supplier {i}", "Managed WAN", "01/04/2025", "31/03/2028", "IT Ops"] for i in range(8)
    ]
    write_xlsx(
        evidence.root / "Suppliers/Supplier contract register.xlsx", {"Contracts": suppliers}
    )
    links = counted(check(cli, evidence))
    log = "Service Desk/Problem Records/Problem & Known Error log.xlsx"
    assert paths(links, "problem-records") == {log}
    assert paths(links, "known-error-records") == {log}
    assert paths(links, "other-parties-list") == {"Suppliers/Supplier contract register.xlsx"}


def test_a_review_decks_table_of_service_levels_reports_them(cli: Invoke, evidence: Folder) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = "Quarterly Business Review - Q1 2026"
    cover.placeholders[1].text = "Three Rivers Credit Union, 14 April 2026"
    levels = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    levels.shapes.title.text = "SLA performance"
    rows = [
        ["Measure", "Target", "January", "February", "March"],
        ["P1 response", "15 min", "9 min", "12 min", "11 min"],
        ["P2 resolution", "8 h", "6.5 h", "7.9 h", "9.2 h"],
        ["Availability", "99.9%", "99.95%", "99.97%", "99.92%"],
        ["CSAT", "90%", "94%", "92%", "95%"],
    ]
    table = levels.shapes.add_table(5, 5, Inches(0.5), Inches(1.5), Inches(9), Inches(3)).table
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = evidence.root / "QBRs/QBR Q1 2026 - Three Rivers Credit Union.pptx"
    path.parent.mkdir(parents=True)
    deck.save(str(path))
    links = counted(check(cli, evidence))
    qbr = "QBRs/QBR Q1 2026 - Three Rivers Credit Union.pptx"
    assert paths(links, "service-reports") == {qbr}
    assert paths(links, "sla-performance-reports") == {qbr}
    assert "slas" not in links


def test_a_policy_sets_incident_response_plan_opens_on_security_incidents(
    cli: Invoke, evidence: Folder
) -> None:
    write_docx(
        evidence.root / "01 Policies (SOC2)/KMI-POL-005 Incident Response Plan v1.4.docx",
        [
            ("Title", "Incident Response Plan"),
            "This plan is maintained to meet the SOC 2 Common Criteria CC7.3 to CC7.5.",
            ("Heading 1", "Purpose"),
            "This plan defines how the company detects, reports, contains, eradicates and "
            "recovers from information security incidents, and how it notifies customers.",
            ("Heading 1", "Phases"),
            "Staff report suspected incidents to the help desk; responders isolate hosts, "
            "disable compromised accounts and collect evidence before recovery. " * 3,
        ],
        tables=[[["Policy owner", "Security Manager"], ["Version", "1.4"]]],
    )
    links = counted(check(cli, evidence))
    plan = "01 Policies (SOC2)/KMI-POL-005 Incident Response Plan v1.4.docx"
    assert paths(links, "is-incident-procedure") == {plan}
    assert "incident-management-procedure" not in links


def test_budget_monitoring_compares_the_budget_with_what_was_spent(
    cli: Invoke, evidence: Folder
) -> None:
    lines = [["Cost centre", "Annual budget", "Actual to P3", "Variance"]] + [
        [f"ICT-{i}", "120000", "31000", "-1000"] for i in range(8)
    ]
    write_xlsx(evidence.root / "Budget monitoring - ICT services P3 2026-27.xlsx", {"P3": lines})
    links = counted(check(cli, evidence))
    assert paths(links, "budget-vs-actual") == {"Budget monitoring - ICT services P3 2026-27.xlsx"}


def test_a_german_registers_dates_are_read_from_its_own_columns(
    cli: Invoke, evidence: Folder
) -> None:
    changes = [["Nummer", "Beantragt am", "Beschreibung", "Priorität", "Status"]] + [
        [f"CHG-{700 + i}", f"{1 + i % 27:02d}.0{1 + i % 9}.2026", "Patch", "P3", "Geschlossen"]
        for i in range(30)
    ]
    write_xlsx(evidence.root / "Änderungen 2026.xlsx", {"Änderungen": changes})
    out = cli("check", evidence.root, "--format", "json", "--as-of", "2026-11-30").json()
    (changes_file,) = [f for f in out["files"] if f["path"] == "Änderungen 2026.xlsx"]
    assert changes_file["used_for"] == ["change-records"]
    # Day first, as dates written with dots are: 27.09.2026 is the last.
    assert (changes_file["first_record"], changes_file["last_record"]) == (
        "2026-01-01",
        "2026-09-27",
    )
    assert changes_file["date_column"] == "Beantragt am"


def test_toolkit_and_other_departments_words_name_nothing(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    # A toolkit's documents close on their own validity and upkeep.
    write_docx(
        root / "Toolkit/Procedure for Incident Management.docx",
        [
            ("Title", "Procedure for Incident Management"),
            EN,
            ("Heading 1", "Validity and document management"),
            "This document is valid as of 1 March 2026. The owner of this document is the "
            "Service Manager, who must check and, if necessary, update the document at least "
            "once a year, and keep the versions of it under the document management rules. " * 2,
        ],
    )
    blank = [["Risk", "Treatment option", "Owner", "Due date"]]
    write_xlsx(root / "Toolkit/Appendix 2 - Risk Treatment Table.xlsx", {"Table": blank})
    items = [["Asset", "Room", "Owner", "Purchase date"]] + [
        [f"Chair {i}", "2.01", "Admin", "01/02/2020"] for i in range(20)
    ]
    write_xlsx(root / "Admin/Facilities_Asset_List_Pune_Office.xlsx", {"Assets": items})
    request = [["Line", "Current", "Requested", "Reason"]] + [
        [f"Cost {i}", "1000", "1200", "Growth"] for i in range(6)
    ]
    write_xlsx(root / "Finance/Change_in_Budget_Request_FY27.xlsx", {"Request": request})
    write_xlsx(root / "Financeiro/Orçamento Mudança de Sede 2027.xlsx", {"Custos": request})
    write_docx(
        root / "HR/Employee Incident Report - slip in kitchen.docx",
        [("Title", "Employee Incident Report"), "Date: 04/05/2026", EN],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "incident-management-procedure") == {
        "Toolkit/Procedure for Incident Management.docx"
    }
    for item in (
        "document-control-procedure",
        "risks-opportunities-register",
        "asset-register",
        "change-records",
        "incident-records",
    ):
        assert item not in links, (item, links.get(item))


def test_a_procedure_named_by_its_reference_and_exactly_by_its_title(
    cli: Invoke, evidence: Folder
) -> None:
    steps = (
        "Incidents are logged, categorised and prioritised by impact and urgency; each "
        "incident is assigned, worked and resolved, and closed once the user confirms. "
    ) * 4 + (
        "A P1 is declared a major incident: the duty manager runs the major incident bridge, "
        "informs the directors, and the major incident is reviewed when it is over. "
    )
    handed_on = (
        "Security incidents are passed to the security team under the information security "
        "incident procedure."
    )
    write_docx(
        evidence.root / "02_SOPs/SOP-ITSM-01 Incident Management v3.2.docx",
        [("Title", "SOP-ITSM-01 Incident Management"), steps],
    )
    write_docx(
        evidence.root / "Managed Services/MS-PR-01 Incident and Major Incident Procedure.docx",
        [("Title", "Incident and Major Incident Procedure"), steps + handed_on],
    )
    links = counted(check(cli, evidence))
    sop = "02_SOPs/SOP-ITSM-01 Incident Management v3.2.docx"
    both = "Managed Services/MS-PR-01 Incident and Major Incident Procedure.docx"
    assert paths(links, "incident-management-procedure") == {sop, both}
    assert both in paths(links, "major-incident-procedure")
    # The security incidents it hands on do not make it the security incident procedure.
    assert "is-incident-procedure" not in links


def test_a_colocation_providers_requests_changes_and_tests(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    changes = [["FCR", "Raised", "Description", "Status"]] + [
        [f"FCR-{300 + i}", f"{1 + i % 27:02d}/06/2026", "CRAC unit swap", "Closed"]
        for i in range(25)
    ]
    write_xlsx(root / "Facilities/Records/FCR Log 2026.xlsx", {"Log": changes})
    hands = [["Ref", "Requested", "Customer", "Task", "Status"]] + [
        [f"RH{500 + i}", f"2026-10-{1 + i % 28:02d}", "Helix", "Reseat cable", "Done"]
        for i in range(40)
    ]
    write_csv(root / "Managed Services/Remote Hands Requests Oct-2026.csv", hands)
    write_docx(
        root / "Facilities/Records/Black Building Test Report 21-06-2026.docx",
        [("Title", "Black Building Test Report"), "Test date: 21/06/2026", EN],
    )
    write_docx(
        root / "Facilities/Procedures/FAC-PR-04 Facility Change Request Procedure.docx",
        [
            ("Title", "Facility Change Request (FCR) Procedure"),
            "Every change to power, cooling or fire systems is raised as a facility change "
            "request, assessed for risk, approved by the change board and reviewed. " * 4,
        ],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {"Facilities/Records/FCR Log 2026.xlsx"}
    assert paths(links, "service-request-records") == {
        "Managed Services/Remote Hands Requests Oct-2026.csv"
    }
    assert paths(links, "continuity-test-results") == {
        "Facilities/Records/Black Building Test Report 21-06-2026.docx"
    }
    assert paths(links, "change-management-policy") == {
        "Facilities/Procedures/FAC-PR-04 Facility Change Request Procedure.docx"
    }


def test_a_governance_pack_reports_and_a_list_of_legal_requirements_states_them(
    cli: Invoke, evidence: Folder
) -> None:
    from pptx import Presentation

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[1])
    cover.shapes.title.text = "Weekly Governance Deck - Week 45"
    cover.placeholders[1].text = "Tickets opened and closed, SLA adherence, top issues, risks"
    path = evidence.root / "04_Governance/Weekly_Governance_Deck_Wk45_2026.pptx"
    path.parent.mkdir(parents=True)
    deck.save(str(path))
    laws = [["Requirement", "Source", "Applies to", "Owner"]] + [
        [f"Requirement {i}", "GDPR", "All services", "DPO"] for i in range(8)
    ]
    write_xlsx(
        evidence.root / "05_Legal/List of Legal and Contractual Requirements.xlsx", {"L": laws}
    )
    links = counted(check(cli, evidence))
    assert paths(links, "service-reports") == {
        "04_Governance/Weekly_Governance_Deck_Wk45_2026.pptx"
    }
    assert paths(links, "interested-parties-requirements") == {
        "05_Legal/List of Legal and Contractual Requirements.xlsx"
    }


def test_a_trackers_kpi_sheet_analyses_its_records(cli: Invoke, evidence: Folder) -> None:
    log = [["RFC No", "Raised On", "Change Type", "Status"]] + [
        [f"RFC-{900 + i}", f"{1 + i % 27:02d}-0{1 + i % 9}-2026", "Normal", "Closed"]
        for i in range(60)
    ]
    kpis = [["Month", "Total RFCs", "Standard", "Normal", "Emergency", "Failed"]] + [
        [f"2026-{m:02d}", "31", "20", "9", "2", "1"] for m in range(1, 10)
    ]
    write_xlsx(
        evidence.root / "03_Trackers/Change_Tracker_CAB_2026.xlsx",
        {"RFC Log": log, "Change KPIs": kpis},
    )
    links = counted(check(cli, evidence))
    tracker = "03_Trackers/Change_Tracker_CAB_2026.xlsx"
    assert paths(links, "change-records") == {tracker}
    assert paths(links, "change-trend-analysis") == {tracker}


def test_a_banks_and_a_hospitals_other_registers_and_procedures(
    cli: Invoke, evidence: Folder
) -> None:
    root = evidence.root
    hazards = [["Hazard ID", "Hazard", "Likelihood", "Severity", "Date raised", "Status"]] + [
        [f"H{i}", "Wrong dose shown", "Low", "Major", f"{1 + i % 27:02d}/03/2026", "Open"]
        for i in range(12)
    ]
    write_xlsx(root / "Clinical Safety/Hazard Log - ePMA.xlsx", {"Hazard Log": hazards})
    write_docx(
        root / "HR/Employee Wellness - Incident and Injury Reporting Procedure.docx",
        [("Title", "Incident and Injury Reporting Procedure"), EN],
    )
    write_pdf(
        root / "Group Internal Audit/GIA Report - Retail Credit Origination Review 2026.pdf",
        [["GIA Report - Retail Credit Origination Review", "Report date: 14/05/2026", EN]],
    )
    moves = [["Line", "From", "To", "Amount"]] + [
        [f"L{i}", "Opex", "Capex", "1000"] for i in range(6)
    ]
    write_xlsx(root / "Finance/FY2026 Budget - Change Log.xlsx", {"Log": moves})
    security = [["Number", "Opened", "Short description", "Priority", "State"]] + [
        [f"SIR00{100 + i}", f"2026-09-{1 + i % 28:02d}", "Phishing", "2", "Closed"]
        for i in range(20)
    ]
    write_csv(root / "Exports/ServiceNow/sn_si_incident_2026.csv", security)
    write_docx(
        root / "SLA/Service Level Agreement - Standard Plan_2026-04.docx",
        [("Title", "Service Level Agreement - Standard Plan"), EN],
    )
    links = counted(check(cli, evidence))
    for item in (
        "risks-opportunities-register",
        "incident-management-procedure",
        "internal-audit-reports",
        "change-records",
        "incident-records",
    ):
        assert item not in links, (item, links.get(item))
    assert paths(links, "is-incident-records") == {"Exports/ServiceNow/sn_si_incident_2026.csv"}
    # "Standard Plan" is the tier the agreement is for, not a plan.
    assert paths(links, "slas") == {"SLA/Service Level Agreement - Standard Plan_2026-04.docx"}
