"""Names organisations give their documents in their own words and languages: an NHS
board's SLA "for GP Practices", an OLA filed under service level management, a Chilean
data centre's post-incident report and DR test, a German SaaS vendor's security incident
process and org chart, a Thai plant's kaizen list and corrective action requests, a
government entity's customer happiness survey, a fund administrator's security incident
register. End to end through the CLI on real Word, PDF and Excel files."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

ROWS = [["Ref", "Date", "Description", "Status"]] + [
    [f"R{i:03d}", f"{1 + i % 27:02d}/0{1 + i % 9}/2026", f"Entry {i}", "Closed"] for i in range(30)
]


def doc(evidence: Folder, name: str, title: str) -> None:
    (evidence.root / name).parent.mkdir(parents=True, exist_ok=True)
    write_docx(evidence.root / name, [("Title", title), PROSE])


def sheet(evidence: Folder, name: str) -> None:
    (evidence.root / name).parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(evidence.root / name, {"Register": ROWS})


def test_agreements_named_for_whom_they_serve_and_where_they_are_filed(
    cli: Invoke, evidence: Folder
) -> None:
    doc(
        evidence,
        "02 Service Management/Digital Services SLA v1.2.docx",
        "Service Level Agreement: Digital Services for ICB Staff and GP Practices",
    )
    # A folder on the subject of service levels names no party to the agreement: the
    # OLA stays an internal agreement.
    doc(
        evidence,
        "04-Service Level Management/OLA - Network Section and Service Desk.docx",
        "1. Purpose",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "slas") == {"02 Service Management/Digital Services SLA v1.2.docx"}
    assert paths(links, "internal-agreements") == {
        "04-Service Level Management/OLA - Network Section and Service Desk.docx"
    }


def test_spanish_german_and_french_names_of_records_and_processes(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "02_Registros/Informe Post Incidente Mayor 03-08-2026.pdf",
        [["Informe Post-Incidente Mayor: Corte de energía Sala 2", PROSE]],
    )
    write_pdf(
        evidence.root / "04_Continuidad/Prueba DRP 12-09-2026 Resultados.pdf",
        [["Prueba DRP 12-09-2026 Resultados", PROSE]],
    )
    doc(
        evidence,
        "ISMS/Sicherheitsvorfall-Prozess v1.1.docx",
        "Sicherheitsvorfall-Prozess (Security Incident Response)",
    )
    doc(
        evidence,
        "Management/Organigramm und Rollenbeschreibungen 2026.docx",
        "Organigramm und Rollenbeschreibungen 2026",
    )
    sheet(evidence, "Verträge/Dienstleisterverzeichnis und Unterauftragsverarbeiter 2026.xlsx")
    sheet(evidence, "Sécurité/Registre des incidents de sécurité 2026.xlsx")
    links = counted(check(cli, evidence))
    assert paths(links, "major-incident-reports") == {
        "02_Registros/Informe Post Incidente Mayor 03-08-2026.pdf"
    }
    assert paths(links, "continuity-test-results") == {
        "04_Continuidad/Prueba DRP 12-09-2026 Resultados.pdf"
    }
    assert paths(links, "is-incident-procedure") == {"ISMS/Sicherheitsvorfall-Prozess v1.1.docx"}
    assert paths(links, "roles-responsibilities") == {
        "Management/Organigramm und Rollenbeschreibungen 2026.docx"
    }
    assert paths(links, "other-parties-list") == {
        "Verträge/Dienstleisterverzeichnis und Unterauftragsverarbeiter 2026.xlsx"
    }
    assert paths(links, "is-incident-records") == {
        "Sécurité/Registre des incidents de sécurité 2026.xlsx"
    }
    assert "incident-records" not in links


def test_kaizen_corrective_action_requests_and_customer_happiness(
    cli: Invoke, evidence: Folder
) -> None:
    sheet(evidence, "10_Kaizen/IT Kaizen Proposal List FY2026.xlsx")
    sheet(evidence, "06-Audit/Corrective Action Requests Log 2026.xlsx")
    sheet(evidence, "05-Surveys/Customer Happiness Survey Results - IT Services H1 2026.xlsx")
    links = counted(check(cli, evidence))
    assert paths(links, "improvement-register") == {"10_Kaizen/IT Kaizen Proposal List FY2026.xlsx"}
    assert paths(links, "corrective-action-records") == {
        "06-Audit/Corrective Action Requests Log 2026.xlsx"
    }
    assert "service-request-records" not in links
    assert paths(links, "customer-satisfaction-results") == {
        "05-Surveys/Customer Happiness Survey Results - IT Services H1 2026.xlsx"
    }


def test_a_plant_s_and_a_fund_s_registers_are_theirs(cli: Invoke, evidence: Folder) -> None:
    for name in (
        "QA/4M Change Notice Record 2026.xlsx",
        "QA/Quality Incident and Hiyari-Hatto Record Line 3.xlsx",
        "Compliance/Registre des réclamations investisseurs 2026.xlsx",
    ):
        sheet(evidence, name)
    # IT's own change log still counts.
    sheet(evidence, "IT/Change Log 2026.xlsx")
    links = counted(check(cli, evidence))
    assert paths(links, "change-records") == {"IT/Change Log 2026.xlsx"}
    for item in ("incident-records", "service-complaints"):
        assert item not in links, (item, links.get(item))
