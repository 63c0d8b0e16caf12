"""What a manual's parts assign, what a file name says its title reports on, and whose
folder a file sits in: end to end through the CLI on real Word, PDF and Excel files, titled
the way a credit union, a Singapore outsourcer, an Irish hospital, a US school district and
a Mexican logistics company title theirs."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

ROLES = (
    "The Head of Service Management owns the SMS and chairs the management review; each "
    "process has an owner who reports its measures monthly, and the service desk manager "
    "is accountable for incidents and requests. "
) * 3
ROWS = [["Ref", "Date", "Description", "Status"]] + [
    [f"R{i:03d}", f"0{1 + i % 9}/1{i % 9}/2026", f"Entry {i}", "Closed"] for i in range(30)
]


def test_a_manual_s_part_on_responsibilities_assigns_the_roles(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "01_SMS/KDS-SMS-MAN-001 Service Management System Manual Rev03.pdf",
        [
            [
                "KDS-SMS-MAN-001 Service Management System Manual",
                "1. Introduction",
                PROSE,
                "2. Leadership and Organisation and Responsibilities",
                ROLES,
                "3. SMS Processes",
                PROSE,
            ]
        ],
    )
    # ITIL 4 calls processes practices; a framework of them assigns their roles too.
    write_docx(
        evidence.root / "Governance/TDS Practice Framework (COBIT 2019 + ITIL 4) v2.1.docx",
        [
            ("Title", "TDS Practice Framework"),
            ("Heading 1", "1. Practice descriptions"),
            PROSE,
            ("Heading 1", "2. Roles and responsibilities (RACI)"),
            ROLES,
        ],
    )
    write_docx(
        evidence.root / "IMS/ICT-IMS-001 Integrated Management System Manual v2.docx",
        [("Title", "ICT-IMS-001 Integrated Management System Manual"), PROSE],
    )
    # The same heading in an incident procedure is that procedure's roles, not the SMS's.
    write_docx(
        evidence.root / "Procedures/Incident Management Procedure.docx",
        [
            ("Title", "Incident Management Procedure"),
            ("Heading 1", "2. Leadership and Responsibilities"),
            ROLES,
            PROSE,
        ],
    )
    links = counted(check(cli, evidence))
    manual = "01_SMS/KDS-SMS-MAN-001 Service Management System Manual Rev03.pdf"
    framework = "Governance/TDS Practice Framework (COBIT 2019 + ITIL 4) v2.1.docx"
    assert links["roles-responsibilities"] == {
        (manual, "section", "§2. Leadership and Organisation and Responsibilities"),
        (framework, "section", "§2. Roles and responsibilities (RACI)"),
    }
    assert paths(links, "sms-processes") == {
        manual,
        framework,
        "IMS/ICT-IMS-001 Integrated Management System Manual v2.docx",
    }


def test_a_reference_with_a_stop_word_in_it_stands_before_the_title(
    cli: Invoke, evidence: Folder
) -> None:
    body = (
        "Este procedimiento describe cómo el área de TI registra y analiza los problemas, "
        "documenta los errores conocidos y revisa su cierre cada mes. "
    ) * 4
    write_docx(
        evidence.root / "SGS/PR-TI-03 Procedimiento de Gestión de Problemas.docx",
        [("Title", "PR-TI-03 Procedimiento de Gestión de Problemas"), body],
    )
    write_pdf(
        evidence.root / "Reportes/Reporte mensual de servicios de TI - marzo 2026.pdf",
        [["Reporte mensual de servicios de TI - marzo 2026", body]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "problem-management-procedure") == {
        "SGS/PR-TI-03 Procedimiento de Gestión de Problemas.docx"
    }
    assert paths(links, "service-reports") == {
        "Reportes/Reporte mensual de servicios de TI - marzo 2026.pdf"
    }


def test_a_file_name_says_what_its_title_reports_on(cli: Invoke, evidence: Folder) -> None:
    # The PDF's title names only what was audited; its file name says it is the report.
    write_pdf(
        evidence.root / "IMS/Internal Audit Report IA-03-2025 Incident and Problem Management.pdf",
        [["IA-03-2025 Incident and Problem Management", PROSE]],
    )
    links = counted(check(cli, evidence))
    path = "IMS/Internal Audit Report IA-03-2025 Incident and Problem Management.pdf"
    assert paths(links, "internal-audit-reports") == {path}
    assert "incident-management-procedure" not in links
    assert "problem-management-procedure" not in links


def test_a_workbook_of_agreements_and_terms_of_reference_are_no_contracts(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(
        evidence.root / "Technology/Vendors/Approved Online Services and Agreements 2025-26.xlsx",
        {"Services": ROWS},
    )
    write_docx(
        evidence.root / "Quality and Patient Safety/SIMT Terms of Reference 2025.docx",
        [("Title", "Serious Incident Management Team (SIMT) - Terms of Reference"), PROSE],
    )
    write_docx(
        evidence.root / "Technology/Vendors/Heartland Fiber - WAN Services Agreement.docx",
        [("Title", "WAN Services Agreement"), PROSE],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "supplier-contracts") == {
        "Technology/Vendors/Heartland Fiber - WAN Services Agreement.docx"
    }


def test_a_school_district_s_and_a_carrier_s_other_departments_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(
        evidence.root / "Student Services/Bullying and Harassment Incident Log 2025-26.xlsx",
        {"Log": ROWS},
    )
    write_xlsx(evidence.root / "Transportation/Bus Incident Log January 2026.xlsx", {"Log": ROWS})
    write_pdf(
        evidence.root / "Business Office/Budget Revision BR-2026-03 (transfers and changes).pdf",
        [["Budget Revision BR-2026-03", PROSE]],
    )
    write_pdf(
        evidence.root / "Almacén/Plan de capacidad CEDIS Querétaro 2026.pdf",
        [["Plan de capacidad CEDIS Querétaro 2026", PROSE]],
    )
    # IT's own incident log still counts.
    write_xlsx(evidence.root / "Technology/Records/Incident Log 2025-26.xlsx", {"Log": ROWS})
    links = counted(check(cli, evidence))
    assert paths(links, "incident-records") == {"Technology/Records/Incident Log 2025-26.xlsx"}
    assert "change-records" not in links
    assert "capacity-plan" not in links


def test_suppliers_contracts_in_their_own_folders_and_lists_of_other_parties(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "Suppliers/LionNet Telecom/KDS-LionNet Master Services Agreement.pdf",
        [["KDS-LionNet Master Services Agreement - WAN and Internet", PROSE]],
    )
    write_pdf(
        evidence.root / "04_Verträge/Lieferanten/Wartungsvertrag SAP-Hosting - Datacenter Süd.pdf",
        [["Wartungsvertrag SAP-Hosting - Datacenter Süd GmbH", PROSE]],
    )
    # A folder named for a customer two levels under "Clients/" keeps its SLA a customer's.
    write_docx(
        evidence.root / "Clients/PTFA/01_Contract/PTFA Service Level Agreement v2.docx",
        [("Title", "PTFA Service Level Agreement"), PROSE],
    )
    write_xlsx(evidence.root / "legal/Subprocessor list.xlsx", {"Subprocessors": ROWS})
    write_xlsx(evidence.root / "Registros/Inventario de activos de TI 2026.xlsx", {"Activos": ROWS})
    links = counted(check(cli, evidence))
    assert paths(links, "supplier-contracts") == {
        "Suppliers/LionNet Telecom/KDS-LionNet Master Services Agreement.pdf",
        "04_Verträge/Lieferanten/Wartungsvertrag SAP-Hosting - Datacenter Süd.pdf",
    }
    assert paths(links, "slas") == {"Clients/PTFA/01_Contract/PTFA Service Level Agreement v2.docx"}
    assert paths(links, "other-parties-list") == {"legal/Subprocessor list.xlsx"}
    assert paths(links, "asset-register") == {"Registros/Inventario de activos de TI 2026.xlsx"}


def test_a_folder_of_templates_keeps_them_blank(cli: Invoke, evidence: Folder) -> None:
    for folder in ("Templates", "03 Templates for client", "Plantillas", "Vorlagen"):
        (evidence.root / folder).mkdir()
        write_docx(
            evidence.root / folder / "Service Management Plan.docx",
            [("Title", "Service Management Plan - DRAFT"), PROSE],
        )
    # A policy set published as templates and adopted keeps its own folders: only the
    # folder a file sits in says it is kept blank.
    (evidence.root / "templates/policies").mkdir(parents=True)
    write_docx(
        evidence.root / "templates/policies/Service Management Plan 2026.docx",
        [("Title", "Service Management Plan 2026"), PROSE],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "sm-plan") == {"templates/policies/Service Management Plan 2026.docx"}
