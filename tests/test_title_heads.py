"""How a title's last words decide what a document is about, end to end through the CLI
on real Word, HTML and Markdown files: a subject named before another noun is that
noun's field, not the document's subject."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx
from test_recognise_folder import PROSE, check, counted


def test_a_subject_followed_by_another_noun_is_that_nouns_field(
    cli: Invoke, evidence: Folder
) -> None:
    body = f"<html><head><title>{{}}</title></head><body><p>{PROSE}</p></body></html>"
    evidence.add("team.html", body.format("Service Desk Team"))
    evidence.add("move.html", body.format("Service Desk Office Move"))
    write_docx(
        evidence.root / "entry.docx",
        [("Title", "SDI Awards 2026 - Best Managed Service Desk - Entry"), PROSE],
    )
    # The subject standing at the end, before a number, before "management" or before
    # "of" and a list still names the document's subject.
    evidence.add("support.html", body.format("Customer Support"))
    evidence.add("desk.html", body.format("Service Desk 2026"))
    evidence.add(
        "vendor.md",
        "# Third Party Security, Vendor Risk Management and Services Acquisition\n\n" + PROSE,
    )
    # Before a dash, the subject is what the document is on; what follows says which parts.
    evidence.add("cm.md", "# Configuration Management — CI Types and Verification\n\n" + PROSE)
    links = counted(check(cli, evidence))
    assert {path for path, _, _ in links["configuration-management-procedure"]} == {"cm.md"}
    fulfilment = {path for path, _, _ in links.get("fulfilment-instructions", set())}
    assert fulfilment == {"support.html", "desk.html"}
    assert {path for path, _, _ in links["supplier-management-procedure"]} == {"vendor.md"}
