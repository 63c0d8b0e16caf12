"""A management system manual written clause by clause: each section headed by a
clause's number and title is the organisation's answer to that clause, end to end
through the CLI on real Word and Markdown files."""

from __future__ import annotations

from typing import Any

from conftest import AS_OF, Folder, Invoke
from factories import write_docx
from iso20k_cli.catalogue.loader import load_catalogue
from iso20k_cli.recognise.clauses import ClauseHeadings
from iso20k_cli.resources import default_catalogue_path
from test_recognise import SHIPPED

SAYS = (
    "The service management team carries this out for every service in scope, records "
    "what it decides in the service management tool and reviews the arrangement each year. "
) * 3

CLAUSES = (
    ("4.3 Determining the scope of the service management system", SAYS),
    ("5.3 Organizational roles, responsibilities and authorities", SAYS),
    ("6.1 Actions to address risks and opportunities", SAYS),
    ("7.4 Communication", SAYS),
    ("7.6 Knowledge", SAYS),
    ("8.4 Supply and demand", SAYS),
    ("10.2 Continual improvement", SAYS),
)

CRITERIA = [
    ["Criterion", "Threshold", "Decision"],
    ["Benefit to customers", "High", "Adopt"],
    ["Cost", "Under 5k", "Service manager approves"],
    ["Risk", "Low", "Adopt"],
    ["Effort", "Under 10 days", "Plan"],
    ["Fit with objectives", "Direct", "Adopt"],
]


def counted(cli: Invoke, evidence: Folder) -> dict[str, set[str]]:
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF)
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = result.json()
    return {
        item["id"]: {e["path"] for e in item["evidence"] if e["counted"]} for item in data["items"]
    }


def test_each_clause_of_a_word_manual_is_its_document(cli: Invoke, evidence: Folder) -> None:
    paragraphs: list[str | tuple[str, str]] = [("Title", "Service Management System Manual")]
    for heading, text in CLAUSES:
        paragraphs += [("Heading 1", heading), text]
    # The table follows the last clause: a manual's criteria table, not a register.
    write_docx(evidence.root / "SMS Manual v4.docx", paragraphs, tables=[CRITERIA])
    links = counted(cli, evidence)
    manual = {"SMS Manual v4.docx"}
    for item in (
        "sms-scope",
        "roles-responsibilities",
        "risk-management-approach",
        "communication-plan",
        "knowledge-management",
        "improvement-criteria",
    ):
        assert links[item] == manual, item
    # A section describes the registers it points to; "8.4" asks for a budget and a
    # capacity plan of its sub-clauses, and is neither.
    for item in ("risks-opportunities-register", "improvement-register"):
        assert links[item] == set(), item
    for item in ("capacity-plan", "service-budget"):
        assert links[item] == set(), item


def test_explain_names_the_clause_a_manual_s_section_answers(cli: Invoke, evidence: Folder) -> None:
    body = "# Service Management System Manual\n\n" + "".join(
        f"## {heading}\n\n{text}\n\n" for heading, text in CLAUSES
    )
    evidence.add("sms-manual.md", body)
    result = cli("explain", evidence.root, "communication-plan", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "§7.4 Communication" in result.stdout
    assert "clause 7.4 Communication" in result.stdout


def test_a_procedure_numbering_its_own_sections_is_no_manual(cli: Invoke, evidence: Folder) -> None:
    evidence.add(
        "incident-procedure.md",
        "# Incident Management Procedure\n\n## 4.3 Scope\n\n"
        + SAYS
        + "\n\n## 7.4 Communication\n\n"
        + SAYS,
    )
    links = counted(cli, evidence)
    assert links["incident-management-procedure"] == {"incident-procedure.md"}
    assert links["sms-scope"] == set()
    assert links["communication-plan"] == set()


def test_another_standard_s_manual_answers_its_own_clauses(cli: Invoke, evidence: Folder) -> None:
    body = "# Information Security Management System Manual\n\n" + "".join(
        f"## {heading}\n\n{text}\n\n" for heading, text in CLAUSES
    )
    evidence.add("isms-manual.md", body)
    links = counted(cli, evidence)
    for item in ("communication-plan", "knowledge-management", "roles-responsibilities"):
        assert links[item] == set(), item


def test_a_heading_is_a_clause_only_in_the_words_of_its_title() -> None:
    clauses = ClauseHeadings(load_catalogue(default_catalogue_path()), SHIPPED.lexicon)
    read = {
        h: (c.clause if (c := clauses.read(h)) else None)
        for h in (
            "4.3 Determining the scope of the IMS",
            "4.3 Determining the scope of the ISMS",
            "Clause 9.2 - Internal audit",
            "§ 6.1 Risks and opportunities",
            "8.5.1. Change management",
            "5.3 Roles, responsibilities and authorities (RACI)",
            "8.4 Control of externally provided processes, products and services",
            "4.4 General",
            "1.2 Scope",
        )
    }
    assert read == {
        "4.3 Determining the scope of the IMS": "4.3",
        "4.3 Determining the scope of the ISMS": None,
        "Clause 9.2 - Internal audit": "9.2",
        "§ 6.1 Risks and opportunities": "6.1",
        "8.5.1. Change management": "8.5.1",
        "5.3 Roles, responsibilities and authorities (RACI)": "5.3",
        # ISO 9001's clause 8.4, in an integrated manual, is not this standard's 8.4.
        "8.4 Control of externally provided processes, products and services": None,
        "4.4 General": None,
        "1.2 Scope": None,
    }
