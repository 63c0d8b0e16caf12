"""French titles, as Canadian, Belgian, Swiss and French providers write them, end to end
through the CLI on real Word, PDF and Excel files: accents read as the plain letter,
"de", "des", "du" and "et" joined as "of" and "and", and the vocabulary's French names."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_pdf, write_xlsx
from test_recognise_folder import PROSE, check, counted, paths

TEXTE = (
    "Ce document décrit comment le service des TI enregistre, classe et traite chaque "
    "demande, avec les rôles, les délais et les indicateurs suivis chaque mois. " * 4
)


def test_french_documents_and_records_are_recognised(cli: Invoke, evidence: Folder) -> None:
    def doc(name: str, title: str, *lines: str) -> None:
        write_docx(evidence.root / name, [("Title", title), *lines, TEXTE])

    doc("Procédure de gestion des changements.docx", "Procédure de gestion des changements")
    doc(
        "Entente sur les niveaux de service - Finances.docx",
        "Entente sur les niveaux de service - Direction générale des finances",
    )
    doc(
        "Procès-verbal - Revue de direction du SGS.docx",
        "Procès-verbal de la revue de direction du système de gestion des services (SGS)",
        "Date de la réunion : 18/06/2026",
    )
    write_pdf(
        evidence.root / "Rapport d'incident majeur - Panne courriel - 2026-08-21.pdf",
        [["Rapport d'incident majeur - Panne courriel", "Date : 21/08/2026", TEXTE]],
    )
    write_pdf(
        evidence.root / "Plan de continuité des services de TI.pdf",
        [["Plan de continuité des services de TI", TEXTE]],
    )
    problems = [["Numéro", "Ouvert le", "Description", "Cause", "Contournement"]] + [
        [f"PRB00{4100 + i}", f"2026-0{1 + i % 9}-15", "Lenteur", "Disque", "Redémarrage"]
        for i in range(20)
    ]
    write_xlsx(evidence.root / "Registre des problèmes.xlsx", {"Registre": problems})
    # Leading people through a change is no change management of services.
    doc(
        "Plan de gestion du changement organisationnel - Transformation RH.docx",
        "Plan de gestion du changement organisationnel - Transformation RH",
    )
    doc(
        "Rapport d'incident de sécurité matérielle - Édifice Jean-Talon.docx",
        "Rapport d'incident de sécurité matérielle - Édifice Jean-Talon",
        "Date : 14/07/2026",
    )
    links = counted(check(cli, evidence))
    assert paths(links, "change-management-policy") == {"Procédure de gestion des changements.docx"}
    assert paths(links, "slas") == {"Entente sur les niveaux de service - Finances.docx"}
    assert paths(links, "management-review-minutes") == {
        "Procès-verbal - Revue de direction du SGS.docx"
    }
    assert not paths(links, "service-reports")
    assert paths(links, "major-incident-reports") == {
        "Rapport d'incident majeur - Panne courriel - 2026-08-21.pdf"
    }
    assert paths(links, "continuity-plan") == {"Plan de continuité des services de TI.pdf"}
    assert paths(links, "problem-records") == {"Registre des problèmes.xlsx"}
    assert not paths(links, "incident-records")


def test_accents_are_read_as_the_plain_letter() -> None:
    from iso20k_cli.text.normalise import words

    assert words("Procédure de continuité") == ("procedure", "de", "continuite")
    assert words(PROSE[:20]) == words(PROSE[:20].encode("ascii").decode())


def test_letters_no_accent_comes_off_are_spelled_out() -> None:
    from iso20k_cli.text.normalise import words

    # "ß" split "Maßnahmenliste" in two; "Œ" and "Æ" were dropped.
    assert words("Maßnahmenliste_Korrekturmaßnahmen") == ("massnahmenliste", "korrekturmassnahmen")
    assert words("Œuvre Ærø Łódź") == ("oeuvre", "aero", "lodz")
