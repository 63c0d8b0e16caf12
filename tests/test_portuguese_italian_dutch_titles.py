"""Portuguese, Italian and Dutch titles, end to end through the CLI on real Word, PDF and
Excel files: accents read as the plain letter, "da", "della", "van" and "voor" joined as
"of", "e" and "en" as "and", Dutch compounds as the catalogue's words."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import check, counted, paths

TEXTO = (
    "Este documento descreve como a área de TI registra, classifica e resolve cada "
    "mudança, com os papéis, os prazos e os indicadores revistos todos os meses. " * 4
)
TESTO = (
    "Questo documento descrive come l'IT registra, classifica e risolve ogni incidente, "
    "con i ruoli, le scadenze e gli indicatori riesaminati ogni mese. " * 4
)
TEKST = (
    "Dit document beschrijft hoe de IT-afdeling elke wijziging registreert, beoordeelt, "
    "goedkeurt en uitvoert, met rollen, termijnen en maandelijkse indicatoren. " * 4
)


def test_portuguese_italian_and_dutch_documents_and_records_are_recognised(
    cli: Invoke, evidence: Folder
) -> None:
    def doc(name: str, title: str, body: str, *lines: str) -> None:
        write_docx(evidence.root / name, [("Title", title), *lines, body])

    doc("POL-TI-02 Política de Gestão de Mudanças.docx", "Política de Gestão de Mudanças", TEXTO)
    write_pdf(
        evidence.root / "Acordo de Nível de Serviço - Hospital Santa Luzia.pdf",
        [["Acordo de Nível de Serviço - Hospital Santa Luzia", TEXTO]],
    )
    doc(
        "Procedura di gestione degli incidenti rev3.docx",
        "Procedura di gestione degli incidenti",
        TESTO,
    )
    doc(
        "Verbale riesame della direzione 2026.docx",
        "Verbale del riesame della direzione 2026",
        TESTO,
        "Data: 18/06/2026",
    )
    wijzigingen = [["Nummer", "Datum", "Omschrijving", "Prioriteit", "Status"]] + [
        [f"CHG-{700 + i}", f"{1 + i % 27:02d}-0{1 + i % 9}-2026", "Patch", "P3", "Gesloten"]
        for i in range(40)
    ]
    write_xlsx(evidence.root / "Logboek wijzigingen 2026.xlsx", {"Wijzigingen": wijzigingen})
    doc("Beleid voor wijzigingsbeheer.docx", "Beleid voor wijzigingsbeheer", TEKST)
    doc("Dienstencatalogus 2026.docx", "Dienstencatalogus", TEKST)
    links = counted(check(cli, evidence))
    assert paths(links, "change-management-policy") == {
        "POL-TI-02 Política de Gestão de Mudanças.docx",
        "Beleid voor wijzigingsbeheer.docx",
    }
    assert paths(links, "slas") == {"Acordo de Nível de Serviço - Hospital Santa Luzia.pdf"}
    assert paths(links, "incident-management-procedure") == {
        "Procedura di gestione degli incidenti rev3.docx"
    }
    assert paths(links, "management-review-minutes") == {
        "Verbale riesame della direzione 2026.docx"
    }
    assert paths(links, "change-records") == {"Logboek wijzigingen 2026.xlsx"}
    assert paths(links, "service-catalogue") == {"Dienstencatalogus 2026.docx"}


def test_e_mail_is_one_word_and_english_titles_keep_their_sense(
    cli: Invoke, evidence: Folder
) -> None:
    text = "This policy says how the organisation protects its mail, with owners. " * 8
    write_docx(
        evidence.root / "E-mail Security Policy.docx", [("Title", "E-mail Security Policy"), text]
    )
    links = counted(check(cli, evidence))
    assert paths(links, "is-control-decisions") == {"E-mail Security Policy.docx"}


def test_ticket_exports_with_headers_in_other_languages_are_exports(
    cli: Invoke, evidence: Folder
) -> None:
    # Named for nothing: only the header row and the numbers say what the rows are.
    def export(name: str, header: list[str], prefix: str, day: str) -> None:
        rows = [header] + [
            [f"{prefix}{4000 + i}", day.format(1 + i % 27), "Falha / Störung", "P2", "Fechado"]
            for i in range(30)
        ]
        write_xlsx(evidence.root / name, {"Export": rows})

    export(
        "export-chamados.xlsx",
        ["Número", "Data de abertura", "Resumo", "Prioridade", "Estado"],
        "INC",
        "{:02d}/10/2026",
    )
    export(
        "Abfrage 2026-10.xlsx",
        ["Nummer", "Erstellt am", "Kurzbeschreibung", "Priorität", "Status"],
        "CHG",
        "{:02d}.10.2026",
    )
    export(
        "meldingen.xlsx",
        ["Nummer", "Aangemaakt op", "Omschrijving", "Prioriteit", "Status"],
        "PRB",
        "{:02d}-10-2026",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "incident-records") == {"export-chamados.xlsx"}
    assert paths(links, "change-records") == {"Abfrage 2026-10.xlsx"}
    assert paths(links, "problem-records") == {"meldingen.xlsx"}


def test_portuguese_records_and_nested_names(cli: Invoke, evidence: Folder) -> None:
    root = evidence.root
    write_docx(
        root / "SGS/01 - Políticas/POL-001 Política de Gestão de Serviços rev03.docx",
        [("Title", "Política de Gestão de Serviços"), TEXTO],
    )
    people = [["Colaborador", "Treinamento", "Concluído em"]] + [
        [f"Pessoa {i}", "ITIL 4", f"{1 + i % 27:02d}/03/2026"] for i in range(15)
    ]
    write_xlsx(root / "RH/Matriz de Treinamentos 2026.xlsx", {"2026": people})
    answers = [["Cliente", "Nota", "Data"]] + [
        [f"Cliente {i}", str(4 + i % 2), f"{1 + i % 27:02d}/09/2026"] for i in range(15)
    ]
    write_xlsx(root / "SGS/03 - Registros/Pesquisa de Satisfação 3T2026.xlsx", {"3T": answers})
    write_docx(
        root / "SGS/03 - Registros/Relatório Pós-Incidente - Datacenter 14-08-2026.docx",
        [("Title", "Relatório Pós-Incidente - Indisponibilidade Datacenter"), TEXTO],
    )
    write_pdf(
        root / "SGS/04 - Contratos/Contrato Fornecedor - Link Dedicado.pdf",
        [["Contrato Fornecedor - Link Dedicado", TEXTO]],
    )
    vendors = [["Fornecedor", "Serviço prestado", "Contrato até"]] + [
        [f"Fornecedor {i}", "Link dedicado", "31/12/2027"] for i in range(6)
    ]
    write_xlsx(
        root / "SGS/04 - Contratos/Lista de Fornecedores e Serviços Terceirizados.xlsx",
        {"Lista": vendors},
    )
    links = counted(check(cli, evidence))
    assert paths(links, "sm-policy") == {
        "SGS/01 - Políticas/POL-001 Política de Gestão de Serviços rev03.docx"
    }
    assert paths(links, "competence-records") == {"RH/Matriz de Treinamentos 2026.xlsx"}
    assert paths(links, "customer-satisfaction-results") == {
        "SGS/03 - Registros/Pesquisa de Satisfação 3T2026.xlsx"
    }
    assert paths(links, "major-incident-reports") == {
        "SGS/03 - Registros/Relatório Pós-Incidente - Datacenter 14-08-2026.docx"
    }
    assert paths(links, "supplier-contracts") == {
        "SGS/04 - Contratos/Contrato Fornecedor - Link Dedicado.pdf"
    }
    assert paths(links, "other-parties-list") == {
        "SGS/04 - Contratos/Lista de Fornecedores e Serviços Terceirizados.xlsx"
    }


def test_a_dutch_and_a_spanish_providers_documents_and_exports(
    cli: Invoke, evidence: Folder
) -> None:
    root = evidence.root
    meldingen = [["Nummer", "Aangemaakt op", "Korte omschrijving", "Soort melding", "Status"]] + [
        [f"M2609 {100 + i}", f"{1 + i % 27:02d}-09-2026", "Printer", kind, "Gesloten"]
        for i, kind in enumerate(["Storing", "Verzoek", "Vraag", "Storing"] * 10)
    ]
    write_xlsx(root / "TOPdesk exports/Meldingen sept 2026.xlsx", {"Meldingen": meldingen})
    write_docx(
        root / "Kwaliteit/Procedures/Werkinstructie afhandelen servicevragen.docx",
        [("Title", "Werkinstructie afhandelen servicevragen"), TEKST],
    )
    write_docx(
        root / "Kwaliteit/Verslag uitwijktest 12-03-2026.docx",
        [("Title", "Verslag uitwijktest Viewpoint 12-03-2026"), TEKST],
    )
    write_docx(
        root / "SGS/08_Operacion/PR-06 Procedimiento de Gestion de Cambios v2.0.docx",
        [("Title", "PR-06 Procedimiento de Gestión de Cambios"), TEXTO],
    )
    write_docx(
        root / "SGS/07_Soporte/PR-02 Control de la informacion documentada v1.4.docx",
        [("Title", "PR-02 Control de la información documentada"), TEXTO],
    )
    risks = [["Id", "Riesgo", "Probabilidad", "Impacto", "Responsable"]] + [
        [f"R{i}", "Caída del CPD", "2", "4", "Director TI"] for i in range(8)
    ]
    write_xlsx(
        root / "SGS/03_Planificacion/Registro de riesgos y oportunidades SGS.xlsx", {"R": risks}
    )
    links = counted(check(cli, evidence))
    export = "TOPdesk exports/Meldingen sept 2026.xlsx"
    # TOPdesk's "Soort melding": Storing is an incident, Verzoek and Vraag are requests.
    assert paths(links, "incident-records") == {export}
    assert paths(links, "service-request-records") == {export}
    assert paths(links, "fulfilment-instructions") == {
        "Kwaliteit/Procedures/Werkinstructie afhandelen servicevragen.docx"
    }
    assert paths(links, "continuity-test-results") == {
        "Kwaliteit/Verslag uitwijktest 12-03-2026.docx"
    }
    # A reference that says no genre ("PR-06") stands before the title's own genre word.
    assert paths(links, "change-management-policy") == {
        "SGS/08_Operacion/PR-06 Procedimiento de Gestion de Cambios v2.0.docx"
    }
    assert paths(links, "document-control-procedure") == {
        "SGS/07_Soporte/PR-02 Control de la informacion documentada v1.4.docx"
    }
    assert paths(links, "risks-opportunities-register") == {
        "SGS/03_Planificacion/Registro de riesgos y oportunidades SGS.xlsx"
    }
