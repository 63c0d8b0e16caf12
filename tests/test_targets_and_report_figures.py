"""What an agreement promises and what a report measures, read as an auditor reads them:
an SLA that states an availability percentage documents the availability target; a
monthly report's parts on figures against the agreed levels and on its indicators are the
service level and the monitoring results. End to end through the CLI on Word and PDF
files as organisations write them."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf
from test_recognise_folder import PROSE, check, counted, paths


def sla(evidence: Folder, name: str, levels: str) -> None:
    write_docx(
        evidence.root / name,
        [
            ("Title", "Service Level Agreement - Customer Care Programme"),
            "Version 1.2 | Effective 07/01/2026 | Owner: Head of IT Service Desk",
            ("Heading 1", "Purpose"),
            "This agreement states the IT service levels the service desk provides to the "
            "customer care programme and how performance is measured and reported each month.",
            ("Heading 1", "Service Levels"),
            levels,
            ("Heading 1", "Responsibilities"),
            PROSE,
        ],
    )


def test_an_sla_that_states_an_availability_percentage_documents_the_target(
    cli: Invoke, evidence: Folder
) -> None:
    sla(
        evidence,
        "SLAs/SLA - BrightCart.docx",
        "Monthly target: 95% of incidents restored within the target time per priority. "
        "Chat platform connectivity availability: 99.5% during programme hours.",
    )
    # A percentage and availability in different sentences state no availability target.
    sla(
        evidence,
        "SLAs/SLA - Harbour Logistics.docx",
        "Monthly target: 95% of incidents restored within the target time per priority. "
        "Availability of the platform is reviewed at each quarterly service review.",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "slas") == {
        "SLAs/SLA - BrightCart.docx",
        "SLAs/SLA - Harbour Logistics.docx",
    }
    assert links["availability-requirements"] == {
        ("SLAs/SLA - BrightCart.docx", "section", "§Service Levels")
    }


def test_a_stated_target_is_explained_by_the_sentence_that_states_it(
    cli: Invoke, evidence: Folder
) -> None:
    sla(evidence, "SLA - BrightCart.docx", "Uptime of the chat platform: 99.8 % a month.")
    data = check(cli, evidence)
    (item,) = (i for i in data["items"] if i["id"] == "availability-requirements")
    (link,) = (e for e in item["evidence"] if e["counted"])
    assert link["section"] == "§Service Levels"
    assert "Uptime of the chat platform: 99.8 % a month." in link["detail"]


def test_availability_measured_in_a_report_is_no_target(cli: Invoke, evidence: Folder) -> None:
    # A supplier's agreement and a report state percentages too: neither sets the
    # organisation's own targets.
    write_docx(
        evidence.root / "Suppliers/Northbridge - Hosting Services Agreement.docx",
        [
            ("Title", "Hosting Services Agreement"),
            ("Heading 1", "Service levels"),
            "Availability of the hosting platform is 99.95 % a month. " * 3,
            PROSE,
        ],
    )
    write_docx(
        evidence.root / "Reports/Monthly Service Report - March 2026.docx",
        [
            ("Title", "Monthly Service Report - March 2026"),
            ("Heading 1", "Highlights"),
            "Availability of the banking platform was 99.97% against a target of 99.7%. " * 2,
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    assert "availability-requirements" not in links
    assert paths(links, "supplier-contracts") == {
        "Suppliers/Northbridge - Hosting Services Agreement.docx"
    }


REPORT = [
    [
        "TDS Monthly Service Report February 2026",
        "Prepared 2026-03-04 by the Service Delivery Manager for the IT Steering Committee.",
        "1. Highlights",
        "February was a quiet month for major incidents (none) and the service desk resolved",
        "71% of contacts at first contact. The change freeze from February 14 to 28 held.",
        "2. Incident resolution against SLA",
        "Priority | Incidents | Within target | Achieved | Target",
        "P1 | 1 | 1 | 100% | 95%",
        "P2 | 14 | 12 | 86% | 90%",
        "P3 | 236 | 219 | 93% | 90%",
        "P4 | 97 | 92 | 95% | 85%",
        "3. Key performance indicators",
        "KPI | Target | January | February",
        "First contact resolution | 65% | 68% | 71%",
        "Reopened incidents | < 3% | 2.4% | 1.9%",
        "Change success rate | 95% | 96% | 98%",
        "Emergency changes | < 5% | 6% | 3%",
        "4. Next month",
        "Planned: migration of file shares to SharePoint Online and an ATM software update.",
    ]
]


def test_a_reports_parts_on_figures_against_the_sla_and_on_its_indicators_count(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(evidence.root / "Reports/Monthly Service Report - February 2026.pdf", REPORT)
    links = counted(check(cli, evidence))
    path = "Reports/Monthly Service Report - February 2026.pdf"
    assert links["sla-performance-reports"] == {
        (path, "section", "§2. Incident resolution against SLA")
    }
    assert links["monitoring-measurement-results"] == {
        (path, "section", "§3. Key performance indicators")
    }
    assert paths(links, "service-reports") == {path}
    # Figures measured against the agreement are no agreement.
    assert "slas" not in links


def test_a_help_desks_monthly_metrics_are_measurement_results_and_its_expectations_an_sla(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "Technology/Reports/Help Desk Monthly Metrics - February 2026.pdf",
        [
            [
                "Help Desk Monthly Metrics February 2026",
                "1. Volume",
                "Tickets created | 1,402 | 1,296",
                "Break/Fix | 1,006 | 903",
                "2. Performance against Support Level Expectations",
                "Priority | Tickets | Fixed in target | Fix target met % (goal 90%)",
                "Urgent | 6 | 6 | 100%",
                "High | 88 | 78 | 89%",
                "Normal | 702 | 655 | 93%",
                "Low | 107 | 104 | 97%",
            ]
        ],
    )
    write_docx(
        evidence.root / "Technology/Technology Support Level Expectations 2025-26.docx",
        [
            ("Title", "Technology Support Level Expectations 2025-26"),
            ("Heading 1", "Priorities and fix targets"),
            "Urgent tickets are answered within one hour and fixed within four hours during "
            "school hours; high priority tickets are fixed within one school day. " * 2,
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    metrics = "Technology/Reports/Help Desk Monthly Metrics - February 2026.pdf"
    assert paths(links, "monitoring-measurement-results") == {metrics}
    assert links["sla-performance-reports"] == {
        (metrics, "section", "§2. Performance against Support Level Expectations")
    }
    assert paths(links, "slas") == {"Technology/Technology Support Level Expectations 2025-26.docx"}


def test_a_service_report_of_measures_holds_the_monitoring_results(
    cli: Invoke, evidence: Folder
) -> None:
    rows = [["Measure", "Target", "March"]] + [
        [name, "95%", f"9{i}.{i}%"]
        for i, name in enumerate(
            ("Availability", "P1 restored", "P2 restored", "First contact", "Changes")
        )
    ]
    write_docx(
        evidence.root / "Reports/Monthly Service Report - March 2026.docx",
        [("Title", "Monthly Service Report - March 2026"), PROSE],
        tables=[rows],
    )
    # A report told in prose, with one figure in a sentence, measures nothing on its own.
    write_docx(
        evidence.root / "Reports/Monthly Service Report - February 2026.docx",
        [
            ("Title", "Monthly Service Report - February 2026"),
            "A quiet month: 97% of incidents were restored within target. " + PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "service-reports") == {
        "Reports/Monthly Service Report - March 2026.docx",
        "Reports/Monthly Service Report - February 2026.docx",
    }
    assert paths(links, "monitoring-measurement-results") == {
        "Reports/Monthly Service Report - March 2026.docx"
    }
