"""Documents written without heading styles, as Google Docs exports them and many authors
type them: a bold, larger first line is the title and bold short lines are its headings."""

from __future__ import annotations

import docx
from docx.shared import Pt

from conftest import Folder, Invoke
from test_recognise_folder import check, counted, paths


def test_a_bold_first_line_is_the_title_of_a_document_without_styles(
    cli: Invoke, evidence: Folder
) -> None:
    document = docx.Document()
    lines = [
        ("Management review (ISO 20000) - 3 November 2026", 20),
        ("Who", 12),
        ("Aroha (Director), Ben (Ops lead), Mel (Service desk)", None),
        ("How the SMS is going", 12),
        ("SLA achievement 97%, CSAT 4.6, 14 complaints this year; audit found 2 NCs.", None),
        ("Risks and opportunities", 12),
        ("Key person risk on security: cross-train a second engineer.", None),
    ]
    for text, size in lines:
        run = document.add_paragraph().add_run(text)
        if size is not None:
            run.bold = True
            run.font.size = Pt(size)
    document.save(str(evidence.root / "Mgmt meeting notes - ISO stuff.docx"))
    data = check(cli, evidence)
    [entry] = [f for f in data["files"] if f["path"] == "Mgmt meeting notes - ISO stuff.docx"]
    assert entry["title"] == "Management review (ISO 20000) - 3 November 2026"
    assert paths(counted(data), "management-review-minutes") == {
        "Mgmt meeting notes - ISO stuff.docx"
    }


def test_bold_lines_are_the_parts_of_a_document_without_styles(
    cli: Invoke, evidence: Folder
) -> None:
    document = docx.Document()
    for text, bold in (
        ("Service Operations Handbook", True),
        ("Incident handling", True),
        (
            "Every incident is logged in the service desk tool, prioritised by impact and "
            "urgency, assigned to a resolver group and closed with the caller's agreement. " * 3,
            False,
        ),
        ("Office move", True),
        ("The team moves to the second floor in March; desks are labelled by name.", False),
    ):
        document.add_paragraph().add_run(text).bold = bold
    document.save(str(evidence.root / "Ops handbook.docx"))
    data = check(cli, evidence)
    [entry] = [f for f in data["files"] if f["path"] == "Ops handbook.docx"]
    assert entry["title"] == "Service Operations Handbook"
    assert ("Ops handbook.docx", "section", "§Incident handling") in counted(data)[
        "incident-management-procedure"
    ]
