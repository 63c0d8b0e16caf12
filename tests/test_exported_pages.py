"""Pages of a wiki or an intranet printed to PDF: the running header above the page's own
title, and the day the page was last updated as the date a register is kept to."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_pdf
from test_recognise_site_shapes import check, counted_for

HEADER = "Orbis IT Service Management (ITSM) / Problem Management"
META = ["Created by: Greta Lindqvist", "Last updated: Sep 18, 2026"]
KNOWN_ERRORS = [
    "KE | System | Symptom | Workaround | Problem | Status",
    "KE-041 | Manhattan WMS | Wave release hangs at 80% | Release the wave in halves | "
    "PRB-233 | Open",
    "KE-042 | Zebra handhelds | Scanner freezes after update | Reinstall the profile | "
    "PRB-236 | Open",
    "KE-043 | Label printers | Labels print blank | Clear the spool | PRB-240 | Fixed",
]
STEPS = [
    "Problems are raised from incident trends and major incidents, recorded in the tool,",
    "prioritised by their impact and analysed for their root cause by the problem owner.",
]


def test_the_line_a_printed_page_is_named_after_is_its_title(cli: Invoke, evidence: Folder) -> None:
    write_pdf(
        evidence.root / "ITSM-Known Errors-301512.pdf",
        [[HEADER, "Known Errors", *META, "Current known errors", *KNOWN_ERRORS]],
    )
    # A page whose first line is its title keeps it, whatever follows.
    write_pdf(
        evidence.root / "Problem Management Procedure.pdf",
        [["Problem Management Procedure", "Known Errors", *STEPS]],
    )
    data = check(cli, evidence)
    titles = {f["path"]: f["title"] for f in data["files"]}
    assert titles["ITSM-Known Errors-301512.pdf"] == "Known Errors"
    assert titles["Problem Management Procedure.pdf"] == "Problem Management Procedure"
    source = next(f for f in data["files"] if f["path"] == "ITSM-Known Errors-301512.pdf")
    assert source["title_source"] == "line the file is named after"
    # Read by its header, the page was taken for the problem procedure; it is the
    # known errors, and the date it was last updated says when the register stood so.
    assert counted_for(data, "known-error-records") == {"ITSM-Known Errors-301512.pdf"}
    assert counted_for(data, "problem-management-procedure") == {"Problem Management Procedure.pdf"}


def test_a_register_that_says_when_it_was_last_updated_is_dated(
    cli: Invoke, evidence: Folder
) -> None:
    write_pdf(
        evidence.root / "Known Error Register.pdf",
        [["Known Error Register", *META, *KNOWN_ERRORS]],
    )
    write_pdf(
        evidence.root / "Known Error Database.pdf",
        [["Known Error Database", "Created by: Greta Lindqvist", *KNOWN_ERRORS]],
    )
    data = check(cli, evidence)
    assert counted_for(data, "known-error-records") == {"Known Error Register.pdf"}
    item = next(i for i in data["items"] if i["id"] == "known-error-records")
    undated = next(n for n in item["near_misses"] if n["path"] == "Known Error Database.pdf")
    assert "no date of its own" in undated["reason"]


def test_a_sharepoint_page_saved_from_the_browser_is_read_as_html(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add(
        "SitePages/Supplier-Management.aspx",
        "<!DOCTYPE html><html><head><title>IT Supplier Management</title>"
        '<meta name="generator" content="Microsoft SharePoint"></head><body>'
        "<h1>IT Supplier Management Procedure</h1><h2>How we manage IT suppliers</h2>"
        f"<p>{' '.join(STEPS)} Suppliers are reviewed each quarter against their contract.</p>"
        "</body></html>",
    )
    data = check(cli, evidence)
    page = next(f for f in data["files"] if f["path"] == "SitePages/Supplier-Management.aspx")
    assert page["error"] is None and page["format"] == "html"
    sharepoint = {"SitePages/Supplier-Management.aspx"}
    assert counted_for(data, "supplier-management-procedure") == sharepoint
