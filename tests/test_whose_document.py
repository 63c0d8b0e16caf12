"""Whose document a file is, and what it is of: a supplier's contract filed with the
suppliers, another department's register, a template half filled in, a rota that names
severities by code, a team's own service level objectives. End to end through the CLI on
real Word, PDF, Excel and CSV files, as organisations file them."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_csv, write_docx, write_xlsx
from iso20k_cli.recognise.titleparts import reference_last
from test_recognise import SHIPPED
from test_recognise import counted as titled
from test_recognise_folder import PROSE, check, counted, paths

LEVELS = (
    "Availability of the WAN service is 99.95 % a month, measured at the customer edge; "
    "faults are answered within 15 minutes and restored within 4 hours. "
) * 3


def doc(evidence: Folder, name: str, title: str, *lines: str | tuple[str, str]) -> None:
    (evidence.root / name).parent.mkdir(parents=True, exist_ok=True)
    write_docx(evidence.root / name, [("Title", title), *lines, PROSE])


def test_an_agreement_filed_with_the_suppliers_is_a_supplier_contract(
    cli: Invoke, evidence: Folder
) -> None:
    clauses: list[str | tuple[str, str]] = [("Heading 1", "2. Service levels"), LEVELS]
    doc(
        evidence,
        "Suppliers/Telstra - WAN Services Agreement.docx",
        "Telstra Business Agreement",
        *clauses,
    )
    doc(
        evidence,
        "06_Lieferanten/Outsourcing-Vertrag Hosting.docx",
        "Outsourcing-Vertrag Hosting",
        *clauses,
    )
    # The same clauses in an agreement with a customer are its service levels.
    doc(
        evidence,
        "Clients/Acme - Managed Service Agreement.docx",
        "Acme Managed Service Agreement",
        *clauses,
    )
    links = counted(check(cli, evidence))
    assert paths(links, "supplier-contracts") == {
        "Suppliers/Telstra - WAN Services Agreement.docx",
        "06_Lieferanten/Outsourcing-Vertrag Hosting.docx",
    }
    # What a supplier owes is no agreement with the organisation's own customers.
    assert paths(links, "slas") == {"Clients/Acme - Managed Service Agreement.docx"}


def test_a_rota_that_names_severities_by_code_is_no_major_incident_procedure(
    cli: Invoke, evidence: Folder
) -> None:
    rota = [
        "Acknowledge a page within 5 minutes for SEV1 and 15 minutes for SEV2.",
        "Decide the severity with the severity table; if SEV1, page the incident commander.",
        "Propose a post-mortem for SEV1 or repeated SEV3 alerts before the handover.",
    ]
    doc(evidence, "On-call handbook.docx", "On-call handbook", *rota)
    # The incident process that says how SEV1s are run handles the major ones.
    process = "Every incident is logged, given a severity, worked to resolution and closed. "
    doc(evidence, "Incident Response.docx", "Incident Response", process * 4, *rota)
    links = counted(check(cli, evidence))
    assert paths(links, "incident-management-procedure") == {
        "On-call handbook.docx",
        "Incident Response.docx",
    }
    assert paths(links, "major-incident-procedure") == {"Incident Response.docx"}


def test_a_template_half_filled_in_or_called_a_format_is_still_a_template(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "SMS Policy TEMPLATE - partly filled.docx",
        "[ORGANISATION NAME] Service Management Policy",
    )
    doc(evidence, "F-QA-07 NC Report Format.docx", "Nonconformity Report")
    doc(evidence, "SMS Policy TEMPLATE - completed.docx", "Service Management Policy")
    links = counted(check(cli, evidence))
    assert paths(links, "sm-policy") == {"SMS Policy TEMPLATE - completed.docx"}
    assert "corrective-action-records" not in links


def test_a_document_series_spelled_out_by_the_vocabulary_is_no_part_of_the_title() -> None:
    # "SMP" reads as a service management plan; the title says it is the policy.
    assert titled("SMP-001 Service Management Policy") == {"sm-policy"}
    # A series that names more than the title does stays part of it.
    assert reference_last(SHIPPED.lexicon, "BCP-02 Test Report") == "BCP-02 Test Report"
    assert reference_last(SHIPPED.lexicon, "SMP-001 Overview") == "SMP-001 Overview"


def test_a_type_that_only_opens_with_a_code_is_not_that_code(cli: Invoke, evidence: Folder) -> None:
    rows = [["Ref", "Date raised", "Type", "Status"]] + [
        [f"G-{n:03}", f"{n:02}/06/2026", kind, "Closed"]
        for n, kind in enumerate(["Cab delay late night", "Shift allowance", "Cab delay"] * 8, 1)
    ]
    write_xlsx(evidence.root / "HR Grievance Register.xlsx", {"Register": rows})
    changes = [["Ref", "Date raised", "Type", "Status"]] + [
        [f"C-{n:03}", f"{n:02}/06/2026", "RFC", "Closed"] for n in range(1, 25)
    ]
    write_xlsx(evidence.root / "Tracker 2026.xlsx", {"Log": changes})
    assert paths(counted(check(cli, evidence)), "change-records") == {"Tracker 2026.xlsx"}


def test_a_teams_service_level_objectives_are_availability_targets(
    cli: Invoke, evidence: Folder
) -> None:
    slo = "Checkout succeeds for 99.9 % of requests over 28 days; p95 latency under 800 ms. " * 4
    (evidence.root / "docs/slo").mkdir(parents=True)
    (evidence.root / "docs/slo/search-slo.md").write_text(f"# Search SLO\n\n{slo}\n")
    (evidence.root / "docs/slo/error-budget-policy.md").write_text(
        f"# Error budget policy\n\n{slo}\n"
    )
    doc(evidence, "SLA - Enterprise plan.docx", "Service Level Agreement - Enterprise", LEVELS)
    links = counted(check(cli, evidence))
    assert paths(links, "availability-requirements") >= {
        "docs/slo/search-slo.md",
        "docs/slo/error-budget-policy.md",
    }
    assert paths(links, "slas") == {"SLA - Enterprise plan.docx"}


def test_the_actions_of_an_incident_report_are_its_own(cli: Invoke, evidence: Folder) -> None:
    actions = [["Action", "Owner", "Due", "Status"]] + [
        [f"Replace PDU {n} in Hall A", "Facilities lead", f"{n:02}/08/2026", "Open"]
        for n in range(1, 7)
    ]
    write_docx(
        evidence.root / "Major Incident Report - PDU Failure 03-07-2026.docx",
        [
            ("Title", "Major Incident Report - PDU Failure"),
            "Date of incident: 03/07/2026",
            ("Heading 1", "1. Timeline"),
            "At 02:14 the A-side PDU in Hall A failed and 14 racks lost one feed. " * 5,
            ("Heading 1", "4. Corrective Actions"),
            "Replace both PDUs in Hall A and add monitoring of each feed's load. " * 5,
        ],
        tables=[actions],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "major-incident-reports") == {
        "Major Incident Report - PDU Failure 03-07-2026.docx"
    }
    assert "corrective-action-records" not in links


def test_other_departments_and_other_bodies_keep_their_own_records(
    cli: Invoke, evidence: Folder
) -> None:
    assets = [["Asset", "Location", "Installed"]] + [
        [f"Lamp column {n}", f"Mill Road {n}", "2019"] for n in range(1, 30)
    ]
    write_xlsx(evidence.root / "Highway Asset Register - street lighting.xlsx", {"Assets": assets})
    reports = [["Ref", "Reported", "Location", "Status"]] + [
        [f"FT-{n}", f"{n:02}/05/2026", "Lay-by A38", "Cleared"] for n in range(1, 25)
    ]
    write_xlsx(evidence.root / "Fly-tipping incidents log 2026.xlsx", {"Log": reports})
    write_csv(evidence.root / "Service Requests - waste and highways Oct 2026.csv", reports)
    doc(
        evidence,
        "Runway incursion incident report 2026-07-14.docx",
        "Runway incursion incident report",
    )
    doc(
        evidence,
        "Traffic Incident Management Program Guide.docx",
        "Traffic Incident Management Guide",
    )
    doc(
        evidence,
        "Certification Body Audit Reports/Surveillance Audit 1 Report - Nov 2025.docx",
        "Surveillance Audit 1 Report",
        "Audit date: 12/11/2025",
    )
    doc(evidence, "MRM Input Presentation May 2026.docx", "Management Review Meeting - May 2026")
    doc(evidence, "Enterprise Fibre - product sheet.docx", "Enterprise Fibre", LEVELS)
    links = counted(check(cli, evidence))
    assert links == {}, links


def test_spanish_and_french_names_of_the_documents(cli: Invoke, evidence: Folder) -> None:
    names = {
        "Política del Sistema de Gestión de Servicios TI.docx": "sm-policy",
        "PR-GS-04 Procedimiento de Gestión de la Configuración.docx": (
            "configuration-management-procedure"
        ),
        "Informe de Incidente Mayor - Caída Portal 14-04-2026.docx": "major-incident-reports",
        "Plan de relève informatique (PRI) 2025.docx": "continuity-plan",
        "Entente interne STI - Réseau et télécommunications.docx": "internal-agreements",
        "Rapport post-incident - panne Moodle 2026-02-09.docx": "major-incident-reports",
        "Procédure de réponse aux incidents de sécurité de l'information.docx": (
            "is-incident-procedure"
        ),
    }
    for name in names:
        doc(evidence, name, name.rsplit(".", 1)[0], "Fecha / date : 14/04/2026")
    risks = [["ID", "Riesgo", "Probabilidad", "Impacto", "Responsable"]] + [
        [f"R{n}", "Caída del enlace", "2", "3", "Jefe TI"] for n in range(1, 8)
    ]
    write_xlsx(
        evidence.root / "Matriz de Riesgos y Oportunidades SGS 2026.xlsx", {"Riesgos": risks}
    )
    write_xlsx(evidence.root / "Registre des risques SGS 2026.xlsx", {"Risques": risks})
    budget = [["Partida", "Importe"], ["Consultoría", "12000"], ["Formación", "3000"]]
    write_xlsx(
        evidence.root / "Presupuesto 2026 - proyecto de cambio organizativo.xlsx", {"P": budget}
    )
    write_xlsx(evidence.root / "Demande de changement budgétaire 2026.xlsx", {"D": budget})
    links = counted(check(cli, evidence))
    for name, item in names.items():
        assert name in paths(links, item), (name, item)
    assert paths(links, "risks-opportunities-register") == {
        "Matriz de Riesgos y Oportunidades SGS 2026.xlsx",
        "Registre des risques SGS 2026.xlsx",
    }
    # A project's budget and a change to a budget are finance's.
    assert "service-budget" not in links and "change-records" not in links


def test_a_latin_american_provider_s_records(cli: Invoke, evidence: Folder) -> None:
    header = ["ID", "Título", "Estado", "Fecha de apertura", "Prioridad", "Tipo"]
    tickets = [header] + [
        [str(24100 + n), "Configuración de correo", "Cerrado", f"{1 + n:02d}-06-2026 10:58",
         "Media", "Requerimiento" if n % 2 else "Incidente"]
        for n in range(24)
    ]  # fmt: skip
    write_csv(evidence.root / "Registros/Exportación GLPI - tickets junio 2026.csv", tickets)
    training = [["Nombre", "Curso", "Fecha", "Resultado"]] + [
        [f"Técnico {n}", "ITIL 4 Foundation", f"{n:02d}/03/2026", "Aprobado"] for n in range(1, 9)
    ]
    write_xlsx(
        evidence.root / "Registros/Plan de Formación y Registros de Capacitación 2026.xlsx",
        {"Registros": training},
    )
    doc(
        evidence,
        "Registros/Informe Mensual de Servicio - Mayo 2026.docx",
        "Informe Mensual de Servicio - Mayo 2026",
        "Periodo: mayo de 2026",
        ("Heading 1", "2. Cumplimiento de ANS"),
        "Respuesta P1 en 30 min: meta 100 %, real 100 %.",
        "Resolución P2 en 8 h: meta 95 %, real 96,2 %.",
        "Disponibilidad del portal: meta 99,5 %, real 99,8 %.",
    )
    doc(
        evidence,
        "Acuerdos/Contrato Proveedor - Enlaces MPLS Claro 2025-118.docx",
        "Contrato 2025-118",
    )
    links = counted(check(cli, evidence))
    assert "Registros/Exportación GLPI - tickets junio 2026.csv" in paths(
        links, "service-request-records"
    )
    assert paths(links, "competence-records") == {
        "Registros/Plan de Formación y Registros de Capacitación 2026.xlsx"
    }
    assert paths(links, "sla-performance-reports") == {
        "Registros/Informe Mensual de Servicio - Mayo 2026.docx"
    }
    assert paths(links, "supplier-contracts") == {
        "Acuerdos/Contrato Proveedor - Enlaces MPLS Claro 2025-118.docx"
    }


def test_what_follows_of_is_the_subject_of_the_kind_before_it() -> None:
    # "Schedule of Audits" is an audit schedule; "Procedure for Training" a procedure.
    assert "internal-audit-programme" in titled("Schedule of Audits 2026")
    assert "competence-records" not in titled("Procedure for Training", text=PROSE)
    # The kind before an "and" is the first document's: the records are records.
    assert "competence-records" in titled("Training Plan and Training Records 2026")


def test_is_is_information_security_only_before_a_document_s_name() -> None:
    assert "is-risk-assessment" in titled("IS Risk Assessment 2026 - IT systems")
    assert titled("IS Policy v3", text=PROSE) == {"is-policy"}
    assert not {"is-incident-procedure", "is-incident-records"} & titled("What is an Incident?")


def test_registers_listed_with_reviews_subcontracts_and_reports_turned_round(
    cli: Invoke, evidence: Folder
) -> None:
    suppliers = [["Supplier", "Service", "Contract end", "Last review"]] + [
        [f"Supplier {n}", "Hosting", "31/12/2027", "Met targets"] for n in range(1, 8)
    ]
    write_xlsx(evidence.root / "Supplier Register and Reviews 2026.xlsx", {"Register": suppliers})
    doc(
        evidence, "Subcontract - Tier 2 NOC Services (Redline).docx", "Subcontract KFS-SUB-2025-007"
    )
    doc(
        evidence,
        "Relatório Mensal de Serviço - Out-2026.docx",
        "Relatório Mensal de Serviço - Outubro 2026",
        "Período: outubro de 2026",
        ("Heading 1", "3. Desempenho de SLA"),
        "Atendimento P1/P2 | 95% | 100% | Atingido",
        "Solução P1/P2 | 95% | 94,1% | Não atingido",
        "Solução P3/P4 | 90% | 96,8% | Atingido",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "other-parties-list") == {"Supplier Register and Reviews 2026.xlsx"}
    assert paths(links, "supplier-contracts") == {
        "Subcontract - Tier 2 NOC Services (Redline).docx"
    }
    assert paths(links, "sla-performance-reports") == {
        "Relatório Mensal de Serviço - Out-2026.docx"
    }
    # A set of policies, standards and procedures is an index of them, none of them.
    assert "is-policy" not in {
        i for i in titled("Security Policies, Standards and Procedures", text=PROSE)
    }


def test_the_sms_manual_s_roles_are_the_system_s_and_a_procedure_s_its_own(
    cli: Invoke, evidence: Folder
) -> None:
    roles = (
        "The Service Manager owns the SMS; each process has an owner named in the RACI; "
        "the CAB chair approves normal changes; the service desk lead runs incidents. " * 2
    )
    doc(
        evidence,
        "SIS-SMS-M-01 SMS Manual Rev 06.docx",
        "Service Management System Manual",
        ("Heading 1", "4. Scope of the SMS"),
        "The SMS covers the managed hosting and service desk services from Pune. " * 4,
        ("Heading 1", "6. Roles, Responsibilities and Authorities"),
        roles,
    )
    doc(
        evidence,
        "SMS-Handbuch Nordhafen v1.3.docx",
        "SMS-Handbuch",
        ("Heading 1", "4 Rollen und Verantwortlichkeiten"),
        roles,
    )
    doc(
        evidence,
        "Incident Management Procedure.docx",
        "Incident Management Procedure",
        ("Heading 1", "3. Roles and responsibilities"),
        roles,
    )
    links = counted(check(cli, evidence))
    assert paths(links, "roles-responsibilities") == {
        "SIS-SMS-M-01 SMS Manual Rev 06.docx",
        "SMS-Handbuch Nordhafen v1.3.docx",
    }


def test_what_another_function_files_is_its_own(cli: Invoke, evidence: Folder) -> None:
    doc(evidence, "HR/Code of Discipline - Incident Reporting.docx", "Incident Reporting Procedure")
    doc(
        evidence,
        "01 Human Resources/Training Records 2026.docx",
        "Training Records 2026",
        "12/03/2026",
    )
    doc(
        evidence,
        "Estates Department/Incident Reporting Procedure (H&S).docx",
        "Incident Reporting Procedure",
    )
    changes = [["Ref", "Date", "Change", "Status"]] + [
        [f"H{n}", f"{n:02d}/04/2026", "Headcount +1", "Approved"] for n in range(1, 9)
    ]
    write_xlsx(
        evidence.root / "Finance/FY2027 budget - headcount changes.xlsx", {"Changes": changes}
    )
    budget = [["Line", "Budget", "Forecast"], ["Hosting", "120000", "118500"]]
    write_xlsx(evidence.root / "Finance/IT Service Budget 2026.xlsx", {"Budget": budget})
    # Named for more than a function, or for what a provider sells, a folder says nothing.
    doc(evidence, "Finance and IT/Change Management Policy.docx", "Change Management Policy")
    doc(
        evidence,
        "Facilities/Records/Facility Incident Procedure.docx",
        "Incident Management Procedure",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "incident-management-procedure") == {
        "Facilities/Records/Facility Incident Procedure.docx"
    }
    assert paths(links, "competence-records") == {"01 Human Resources/Training Records 2026.docx"}
    assert paths(links, "service-budget") == {"Finance/IT Service Budget 2026.xlsx"}
    assert "change-records" not in links
    assert paths(links, "change-management-policy") == {
        "Finance and IT/Change Management Policy.docx"
    }


def test_a_nordic_municipality_s_names(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "01 Styring/Informationssikkerhedspolitik 2026.docx",
        "Informationssikkerhedspolitik 2026",
    )
    doc(evidence, "05 Beredskab/IT-beredskabsplan 2026.docx", "IT-beredskabsplan 2026")
    doc(
        evidence,
        "05 Beredskab/Beredskabsøvelse 2026-05-14 - evaluering.docx",
        "Beredskabsøvelse 2026-05-14 - evaluering",
    )
    doc(
        evidence,
        "01 Styring/Risikostyring - metode og acceptkriterier.docx",
        "Risikostyring - metode og acceptkriterier",
    )
    # The municipality's plan for floods is civil emergency planning.
    doc(
        evidence,
        "Beredskab/Kommunens beredskabsplan - oversvømmelse.docx",
        "Beredskabsplan oversvømmelse",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "is-policy") == {"01 Styring/Informationssikkerhedspolitik 2026.docx"}
    assert paths(links, "continuity-plan") == {"05 Beredskab/IT-beredskabsplan 2026.docx"}
    assert paths(links, "continuity-test-results") == {
        "05 Beredskab/Beredskabsøvelse 2026-05-14 - evaluering.docx"
    }
    assert paths(links, "risk-management-approach") == {
        "01 Styring/Risikostyring - metode og acceptkriterier.docx"
    }


def test_a_supplier_s_folder_outranks_the_sla_its_annex_is_named_for(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "04_Contratos/Fornecedores/Contrato 012-2025 - Suporte (Anexo SLA).docx",
        "Contrato 012-2025",
    )
    doc(
        evidence, "legal/vendors/Twilio - Order Form and DPA 2026.docx", "Twilio Order Form and DPA"
    )
    doc(evidence, "Vorlagen/Vorlage Change-Antrag (RFC).docx", "Change-Antrag")
    links = counted(check(cli, evidence))
    assert paths(links, "supplier-contracts") == {
        "04_Contratos/Fornecedores/Contrato 012-2025 - Suporte (Anexo SLA).docx",
        "legal/vendors/Twilio - Order Form and DPA 2026.docx",
    }
    assert "slas" not in links and "change-records" not in links


def test_a_term_an_export_and_changes_for_review(cli: Invoke, evidence: Folder) -> None:
    figures = ["Measure | Target | Sep | Oct", "P1 resolved in 4 h | 95% | 100% | 90%"] * 3
    doc(
        evidence,
        "Reports/IT Services Performance Report - Term 1 2026-27.docx",
        "IT Services Performance Report - Term 1 2026-27",
        "Prepared 02/12/2026",
        ("Heading 1", "3. Service availability"),
        *figures,
    )
    export = [["Incident number", "Created", "Status", "Urgency", "Title"]] + [
        [f"Q{n:05d}", f"2026-09-{n:02d}T10:00:00", "resolved", "high", "API errors"]
        for n in range(1, 25)
    ]
    write_csv(evidence.root / "postmortems/PagerDuty incidents export 2026-Q3.csv", export)
    write_docx(
        evidence.root / "CAB/CAB minutes 2026-10-14.docx",
        [
            ("Title", "Change Advisory Board - Minutes"),
            "Meeting CAB 2026-41, Wednesday 14 October 2026.",
            ("Heading 1", "2. Changes for review"),
            "The board reviewed the changes below and approved three.",
        ],
        tables=[[["Change", "Description", "Outcome"]] + [
            [f"CHG00318{n}", "Upgrade RADIUS servers", "Approved"] for n in range(4)
        ]],
    )  # fmt: skip
    links = counted(check(cli, evidence))
    report = "Reports/IT Services Performance Report - Term 1 2026-27.docx"
    assert paths(links, "service-reports") == {report}
    assert paths(links, "availability-monitoring") == {report}
    assert "slas" not in links and "availability-requirements" not in links
    assert paths(links, "incident-records") == {
        "postmortems/PagerDuty incidents export 2026-Q3.csv"
    }
    assert "major-incident-reports" not in links
    assert paths(links, "change-records") == {"CAB/CAB minutes 2026-10-14.docx"}
    assert "post-implementation-reviews" not in links and "change-trend-analysis" not in links


def test_a_french_hospital_dsi_and_a_brazilian_shared_service(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "DSI/03_Enregistrements/CR Comité des changements 15-10-2026.docx",
        "Compte rendu - Comité des changements (CAB)",
        "Réunion du 15/10/2026",
    )
    doc(
        evidence,
        "DSI/03_Enregistrements/REX incident majeur DPI 03-09-2026.docx",
        "Retour d'expérience - Incident majeur : indisponibilité du DPI",
        "Incident du 03/09/2026",
    )
    doc(
        evidence,
        "DSI/01_Gouvernance/PSSI - Politique de sécurité du système d'information V2.1.docx",
        "PSSI - Politique de sécurité du système d'information V2.1",
    )
    doc(
        evidence,
        "04_Contratos/Acordo de Nível Operacional - Infraestrutura e Redes.docx",
        "Acordo de Nível Operacional - Infraestrutura e Redes",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {
        "DSI/03_Enregistrements/CR Comité des changements 15-10-2026.docx"
    }
    assert paths(links, "major-incident-reports") == {
        "DSI/03_Enregistrements/REX incident majeur DPI 03-09-2026.docx"
    }
    assert paths(links, "is-policy") == {
        "DSI/01_Gouvernance/PSSI - Politique de sécurité du système d'information V2.1.docx"
    }
    assert paths(links, "internal-agreements") == {
        "04_Contratos/Acordo de Nível Operacional - Infraestrutura e Redes.docx"
    }
