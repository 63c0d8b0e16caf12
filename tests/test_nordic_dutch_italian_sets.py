"""A Norwegian utility's, a Dutch housing association's and an Italian region's documents
titled in their own languages, their other departments' registers that share the service
manager's words, a report's figures on incidents, and a file name that says what a file is
over a title that only names its subject: end to end through the CLI on real Word, PDF and
Excel files."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

ROWS = [["Ref", "Dato", "Beskrivelse", "Status"]] + [
    [f"R{i:03d}", f"{1 + i % 27:02d}.0{1 + i % 9}.2026", f"Sak {i}", "Lukket"] for i in range(30)
]


def doc(evidence: Folder, name: str, title: str) -> None:
    (evidence.root / name).parent.mkdir(parents=True, exist_ok=True)
    write_docx(evidence.root / name, [("Title", title), PROSE])


def test_norwegian_dutch_and_italian_titles_name_their_items(cli: Invoke, evidence: Folder) -> None:
    doc(evidence, "Prosesser/Rutine for hendelseshåndtering.docx", "Rutine for hendelseshåndtering")
    doc(evidence, "Revisjon/Internrevisjon rapport 2026-02.docx", "Internrevisjon rapport 2026-02")
    doc(evidence, "Beleid/Risicomanagementbeleid 2026.docx", "Risicomanagementbeleid 2026")
    write_xlsx(
        evidence.root / "Beveiliging/Verklaring van Toepasselijkheid 2026.xlsx", {"VvT": ROWS}
    )
    # A year's audit programme plans a dozen audits.
    write_xlsx(
        evidence.root / "07_Audit/Programma audit interni 2026.xlsx", {"Programma": ROWS[:13]}
    )
    write_xlsx(
        evidence.root / "06_Sicurezza/Registro incidenti di sicurezza 2025.xlsx",
        {"Registro": ROWS},
    )
    links = counted(check(cli, evidence))
    assert paths(links, "incident-management-procedure") == {
        "Prosesser/Rutine for hendelseshåndtering.docx"
    }
    assert paths(links, "internal-audit-reports") == {
        "Revisjon/Internrevisjon rapport 2026-02.docx"
    }
    assert paths(links, "risk-management-approach") == {"Beleid/Risicomanagementbeleid 2026.docx"}
    assert paths(links, "is-control-decisions") == {
        "Beveiliging/Verklaring van Toepasselijkheid 2026.xlsx"
    }
    # An audit programme is no audit report, whatever language it is in.
    assert paths(links, "internal-audit-reports") == {
        "Revisjon/Internrevisjon rapport 2026-02.docx"
    }
    assert paths(links, "is-incident-records") == {
        "06_Sicurezza/Registro incidenti di sicurezza 2025.xlsx"
    }
    assert "incident-records" not in links


def test_other_departments_registers_in_their_own_words_count_for_nothing(
    cli: Invoke, evidence: Folder
) -> None:
    for name in (
        "Business Docs/Facilities/Facilities Fixed Asset List Midrand Campus 2026.xlsx",
        "Other Units/Student Conduct/Academic Misconduct Incident Register 2025.xlsx",
        "Altri uffici/Ragioneria - Variazioni di bilancio 2026.xlsx",
        "Altri uffici/Sanità - Registro eventi avversi e incidenti clinici 2025.xlsx",
        "HMS/HMS-hendelser og uønskede hendelser 2025 (Synergi export).xlsx",
    ):
        (evidence.root / name).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(evidence.root / name, {"Register": ROWS})
    links = counted(check(cli, evidence))
    for item in ("asset-register", "incident-records", "change-records"):
        assert item not in links, (item, links.get(item))


def test_a_report_s_figures_on_incidents_are_its_sla_performance(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "Service Level/ITS Monthly Performance Report - March 2026.pdf",
        [
            [
                "ITS Monthly Performance Report March 2026",
                "1. Summary",
                PROSE,
                "2. Incidents and requests against targets",
                "Measure | Target | March",
                "P1 incidents resolved in 4 hours | 95% | 100%",
                "P2 incidents resolved in 8 hours | 90% | 92.1%",
                "P3 incidents resolved in 3 days | 90% | 93.4%",
                "Requests fulfilled in 5 days | 90% | 88.7%",
            ]
        ],
    )
    links = counted(check(cli, evidence))
    path = "Service Level/ITS Monthly Performance Report - March 2026.pdf"
    assert links["sla-performance-reports"] == {
        (path, "section", "§2. Incidents and requests against targets")
    }
    # The figures count incidents; they are not the incident records.
    assert "incident-records" not in links
    assert "service-request-records" not in links


def test_a_file_name_that_names_the_document_outright_beats_a_title_of_subjects(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "08 Audit/Internal Audit Report - SMS Change and Release 2026-02.pdf",
        [["GIA-2026-04 Change and Release", PROSE]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "internal-audit-reports") == {
        "08 Audit/Internal Audit Report - SMS Change and Release 2026-02.pdf"
    }
    assert "release-records" not in links
    assert "release-policy-plans" not in links


def test_an_sop_reference_heads_a_title_of_what_it_is_for(cli: Invoke, evidence: Folder) -> None:
    doc(
        evidence,
        "SOPs/SOP-110 Change Management for Client Environments.docx",
        "SOP-110 Change Management for Client Environments",
    )
    # A procedure for testing continuity is no continuity plan.
    doc(
        evidence,
        "SOPs/SOP-09-17 Testing Continuity of Information Security.docx",
        "SOP-09-17 Testing Continuity of Information Security",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "change-management-policy") == {
        "SOPs/SOP-110 Change Management for Client Environments.docx"
    }
    assert "continuity-plan" not in links


def test_a_dutch_export_of_disruptions_and_a_register_of_security_compromises(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["Meldingnummer", "Datum aangemeld", "Soort melding", "Korte omschrijving"]
    kinds = ("Verstoring", "Verstoring", "Aanvraag")
    rows = [header] + [
        [f"M2601 {i:04d}", f"{1 + i % 27:02d}-0{1 + i % 3}-2026 10:00", kinds[i % 3], "Melding"]
        for i in range(60)
    ]
    path = evidence.root / "03 Registraties/TOPdesk export meldingen 2026-Q1.csv"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
    write_xlsx(
        evidence.root / "03 Security/POPIA Section 22 Security Compromise Register 2025-26.xlsx",
        {"Register": ROWS},
    )
    links = counted(check(cli, evidence))
    export = "03 Registraties/TOPdesk export meldingen 2026-Q1.csv"
    assert paths(links, "incident-records") == {export}
    assert paths(links, "service-request-records") == {export}
    assert paths(links, "is-incident-records") == {
        "03 Security/POPIA Section 22 Security Compromise Register 2025-26.xlsx"
    }


def test_a_swedish_municipality_s_documents_and_topdesk_export(
    cli: Invoke, evidence: Folder
) -> None:
    doc(evidence, "Styrning/Informationssäkerhetspolicy 2026.docx", "Informationssäkerhetspolicy")
    doc(evidence, "Processer/Rutin för incidenthantering.docx", "Rutin för incidenthantering")
    doc(
        evidence,
        "Kontinuitet/Utvärdering krisövning 2026-04-22.docx",
        "Utvärdering krisövning 2026-04-22",
    )
    write_xlsx(
        evidence.root / "Uppföljning/Kundnöjdhetsundersökning IT 2026 - resultat.xlsx",
        {"Resultat": ROWS},
    )
    header = ["Anmälningsnummer", "Anmälningsdatum", "Anmälningstyp", "Kort beskrivning"]
    kinds = ("Störning / Incident", "Störning / Incident", "Begäran / Request")
    rows = [header] + [
        [f"I 2609 {100 + i}", f"2026-09-{1 + i % 28:02d} 10:00", kinds[i % 3], "Ärende"]
        for i in range(60)
    ]
    export = evidence.root / "Exporter/TOPdesk_anmalningar_2026-09.csv"
    export.parent.mkdir()
    export.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
    # The culture department's inventory and the citizen service's complaints are theirs.
    write_xlsx(
        evidence.root / "Kultur och fritid/Inventarieförteckning Kulturhuset 2026.xlsx",
        {"Inventarier": ROWS},
    )
    write_xlsx(
        evidence.root / "Medborgarservice/Synpunktshantering - klagomål 2026.xlsx",
        {"Klagomål": ROWS},
    )
    links = counted(check(cli, evidence))
    assert paths(links, "is-policy") == {"Styrning/Informationssäkerhetspolicy 2026.docx"}
    assert paths(links, "incident-management-procedure") == {
        "Processer/Rutin för incidenthantering.docx"
    }
    assert paths(links, "continuity-test-results") == {
        "Kontinuitet/Utvärdering krisövning 2026-04-22.docx"
    }
    assert paths(links, "customer-satisfaction-results") == {
        "Uppföljning/Kundnöjdhetsundersökning IT 2026 - resultat.xlsx"
    }
    assert paths(links, "incident-records") == {"Exporter/TOPdesk_anmalningar_2026-09.csv"}
    assert paths(links, "service-request-records") == {"Exporter/TOPdesk_anmalningar_2026-09.csv"}
    assert "asset-register" not in links
    assert "service-complaints" not in links


def test_a_supplier_s_review_that_names_its_contract_is_no_contract(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "08_Vendors/Vendor Performance Review - TCS Finacle AMC Q2 FY27.pdf",
        [["Vendor Performance Review Q2 FY27", PROSE]],
    )
    links = counted(check(cli, evidence))
    assert "supplier-contracts" not in links
    assert paths(links, "supplier-performance-reviews") == {
        "08_Vendors/Vendor Performance Review - TCS Finacle AMC Q2 FY27.pdf"
    }
