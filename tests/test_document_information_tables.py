"""Documents made from an organisation's controlled template: a banner that only says what
kind of document it is ("STANDARD OPERATING PROCEDURE"), a marking heading
("Classification: Unrestricted"), then a document information table whose "Title:" row
names the document. End to end through the CLI on real Word files."""

from __future__ import annotations

from pathlib import Path

from conftest import Folder, Invoke
from test_recognise_folder import check, counted, paths

BODY = (
    "This document sets out how the team plans, assesses, approves and records each "
    "change to the research environment, who decides and how the risk is scored. "
) * 5


def controlled(path: Path, banner: str, title: str, reference: str) -> None:
    import docx

    document = docx.Document()
    document.add_heading(banner, level=1)
    document.add_paragraph("Do not Photocopy")
    document.add_heading("Document Information Classification: Unrestricted", level=2)
    rows = [
        ("Title:", title),
        ("Effective Date:", "22 Jul 2026"),
        ("Reference Number:", reference),
        ("Version Number:", "3.0"),
        ("Owner:", "Information Security Manager"),
        ("Review Date:", "22 Jul 2027"),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value
    document.add_paragraph("Purpose")
    document.add_paragraph(BODY)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def test_a_templated_document_is_named_by_its_title_row_in_its_banners_genre(
    cli: Invoke, evidence: Folder
) -> None:
    root = evidence.root
    controlled(
        root / "SOP-03-08 TRE Change Control.docx",
        "STANDARD OPERATING PROCEDURE",
        "TRE Change Control",
        "SOP-03-08",
    )
    controlled(
        root / "ISMS-08-01 Comms.docx", "POLICY AND GUIDANCE", "Communications plan", "ISMS-08-01"
    )
    # How management reviews are held, under a banner saying so: no review's minutes.
    controlled(
        root / "ISMS-04-01 Management Review.docx",
        "POLICY AND GUIDANCE",
        "ISMS Management Review",
        "ISMS-04-01",
    )
    data = check(cli, evidence)
    links = counted(data)
    assert paths(links, "change-management-policy") == {"SOP-03-08 TRE Change Control.docx"}
    assert paths(links, "communication-plan") == {"ISMS-08-01 Comms.docx"}
    assert "management-review-minutes" not in links
    # The marking heading over each document names no information classification control.
    assert "is-control-decisions" not in links
    item = next(i for i in data["items"] if i["id"] == "management-review-minutes")
    reasons = [m["reason"] for m in item["near_misses"]]
    assert any("its title says it is" in r for r in reasons), reasons
