"""Spanish and German titles, end to end through the CLI on real Word, PDF and Excel files:
accents read as the plain letter, "de", "del", "y", "und" and "für" joined as "of" and
"and", German compounds as the catalogue's words."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import check, counted, paths

TEXTO = (
    "Este documento describe cómo el área de TI registra, clasifica y resuelve cada "
    "incidencia, con los roles, los plazos y los indicadores revisados cada mes. " * 4
)
TEXT = (
    "Dieses Dokument beschreibt, wie die IT jede Änderung erfasst, bewertet, genehmigt und "
    "umsetzt, mit Rollen, Fristen und den monatlich geprüften Kennzahlen. " * 4
)


def test_spanish_and_german_documents_and_records_are_recognised(
    cli: Invoke, evidence: Folder
) -> None:
    def doc(name: str, title: str, body: str, *lines: str) -> None:
        write_docx(evidence.root / name, [("Title", title), *lines, body])

    doc(
        "Procedimiento de gestión de incidencias (PR-TI-03).docx",
        "Procedimiento de gestión de incidencias",
        TEXTO,
    )
    write_pdf(
        evidence.root / "Acuerdo de nivel de servicio (ANS) - Almacén Zaragoza.pdf",
        [["Acuerdo de nivel de servicio (ANS) - Almacén Zaragoza", TEXTO]],
    )
    incidencias = [["Número", "Fecha", "Descripción", "Prioridad", "Estado"]] + [
        [f"INC-{900 + i}", f"{1 + i % 27:02d}/0{1 + i % 9}/2026", "Caída", "P2", "Cerrada"]
        for i in range(60)
    ]
    write_xlsx(evidence.root / "Registro de incidencias 2026.xlsx", {"Registro": incidencias})
    doc("Änderungsmanagement - Prozessbeschreibung v2.docx", "Änderungsmanagement", TEXT)
    doc(
        "Protokoll Managementbewertung 2026.docx",
        "Protokoll der Managementbewertung 2026",
        TEXT,
        "Datum: 18.06.2026",
    )
    doc("Notfallhandbuch IT Standort Duisburg.docx", "Notfallhandbuch IT", TEXT)
    links = counted(check(cli, evidence))
    assert paths(links, "incident-management-procedure") == {
        "Procedimiento de gestión de incidencias (PR-TI-03).docx"
    }
    assert paths(links, "slas") == {"Acuerdo de nivel de servicio (ANS) - Almacén Zaragoza.pdf"}
    assert paths(links, "incident-records") == {"Registro de incidencias 2026.xlsx"}
    assert paths(links, "change-management-policy") == {
        "Änderungsmanagement - Prozessbeschreibung v2.docx"
    }
    assert paths(links, "management-review-minutes") == {"Protokoll Managementbewertung 2026.docx"}
    assert paths(links, "continuity-plan") == {"Notfallhandbuch IT Standort Duisburg.docx"}


def test_a_german_providers_sms_documents_and_records(cli: Invoke, evidence: Folder) -> None:
    def doc(name: str, title: str) -> None:
        write_docx(evidence.root / name, [("Title", title), TEXT])

    doc("QM-Handbuch/SMS-Handbuch_Nordhafen_v1.3.docx", "SMS-Handbuch")
    doc("Richtlinien/RL-01_Servicemanagement-Richtlinie_v2.0.docx", "Servicemanagement-Richtlinie")
    doc(
        "Verfahrensanweisungen/VA-09_Lenkung_von_Dokumenten.docx",
        "Verfahrensanweisung Lenkung von Dokumenten",
    )
    people = [["Mitarbeiter", "Schulung", "Abgeschlossen am"]] + [
        [f"MA {i}", "Informationssicherheit", f"{1 + i % 27:02d}.03.2026"] for i in range(20)
    ]
    write_xlsx(evidence.root / "Aufzeichnungen/Schulungsnachweise_2026.xlsx", {"2026": people})
    actions = [["Nr.", "Maßnahme", "Verantwortlich", "Erfasst am", "Status"]] + [
        [f"KM-{i}", "Ursache beheben", "SM", f"{1 + i % 27:02d}.05.2026", "offen"]
        for i in range(10)
    ]
    write_xlsx(
        evidence.root / "Aufzeichnungen/Maßnahmenliste_Korrekturmaßnahmen.xlsx", {"Liste": actions}
    )
    # A provider's general terms of sale name its faults; they are no incident procedure.
    write_pdf(
        evidence.root / "Vertrieb/AGB_Allgemeine_Geschäftsbedingungen.pdf",
        [["Allgemeine Geschäftsbedingungen", "§ 5 Verfügbarkeit und Störungen", TEXT]],
    )
    links = counted(check(cli, evidence))
    assert paths(links, "sms-processes") == {"QM-Handbuch/SMS-Handbuch_Nordhafen_v1.3.docx"}
    assert paths(links, "sm-policy") == {"Richtlinien/RL-01_Servicemanagement-Richtlinie_v2.0.docx"}
    assert paths(links, "document-control-procedure") == {
        "Verfahrensanweisungen/VA-09_Lenkung_von_Dokumenten.docx"
    }
    assert paths(links, "competence-records") == {"Aufzeichnungen/Schulungsnachweise_2026.xlsx"}
    assert paths(links, "corrective-action-records") == {
        "Aufzeichnungen/Maßnahmenliste_Korrekturmaßnahmen.xlsx"
    }
    assert "incident-management-procedure" not in links
