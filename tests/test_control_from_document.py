"""Document control read from what a document says, before its Office properties.

Real files, made here, through ``iso20k check -f json`` and ``iso20k explain``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import pdf_date, write_docx, write_pdf, write_xlsx
from iso20k_cli.evidence.doccontrol import parse_control
from iso20k_cli.evidence.intervals import review_months
from iso20k_cli.evidence.names import person

BODY = (
    "This policy states which changes are under change control, the categories of change "
    "and how each is assessed, authorised, scheduled and reviewed after deployment. " * 3
)
STALE = {
    # What python-docx's own template leaves behind, as the users' templates did.
    "created": dt.datetime(2013, 12, 23, 23, 15),
    "modified": dt.datetime(2013, 12, 23, 23, 15),
    "author": "python-docx",
    "last_modified_by": "python-docx",
}
HISTORY = [
    ["Version", "Date", "Author", "Approved by", "Description of change"],
    ["0.1", "2025-01-10", "Sam Lee", "", "First draft for comment"],
    ["1.0", "2025-03-03", "Sam Lee", "Jane Smith", "First issue"],
    ["1.1", "10 February 2026", "Sam Lee", "Tom Brown", "Annual review"],
]


def _check(cli: Invoke, folder: Folder) -> dict[str, Any]:
    # What is read of a file, whether or not it is recognised as evidence.
    result = cli(
        "check", folder.root, "--as-of", AS_OF, "-f", "json", "--exit-zero", "--allow-empty"
    )
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def _file(data: dict[str, Any], path: str) -> dict[str, Any]:
    matching: list[dict[str, Any]] = [f for f in data["files"] if f["path"] == path]
    (found,) = matching
    return found


def _findings(data: dict[str, Any], path: str) -> list[str]:
    return [f"{f['check']}: {f['message']}" for f in data["findings"] if path in f["message"]]


def _explain(cli: Invoke, folder: Folder, item: str) -> str:
    result = cli("explain", folder.root, item, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def _policy(folder: Folder, history: list[list[str]], name: str) -> Path:
    return write_docx(
        folder.root / name,
        [("Title", "Change Management Policy"), BODY, ("Heading 1", "Revision history")],
        tables=[history],
        core=STALE,
    )


def test_revision_history_outranks_stale_properties(cli: Invoke, evidence: Folder) -> None:
    _policy(evidence, HISTORY, "change-management-policy.docx")
    data = _check(cli, evidence)
    file = _file(data, "change-management-policy.docx")
    control = file["control"]
    # The latest row, not the first row under the header (the old draft).
    assert control["version"] == "1.1"
    assert control["approver"] == "Tom Brown"
    assert control["approved"] == "2026-02-10"
    assert control["owner"] is None  # "python-docx" wrote the file; it owns nothing
    assert control["sources"] == {
        "version": "revision history",
        "approver": "revision history",
        "approved": "revision history",
    }
    # The template's 2013 no longer dates the document.
    assert (file["first_record"], file["last_record"]) == ("2026-02-10", "2026-02-10")
    assert "2013" not in json.dumps(file)
    assert "python-docx" not in json.dumps(file)
    checks = _findings(data, "change-management-policy.docx")
    assert not [c for c in checks if c.startswith(("approved:", "review_interval:"))], checks
    # An owner is still asked for: the history names authors, not the owner.
    assert any(c.startswith("document_control:") and "no owner" in c for c in checks)
    out = _explain(cli, evidence, "change-management-policy")
    assert "version 1.1, no owner, approved 2026-02-10" in out
    assert "read from revision history (version, approver, approved)" in out


def test_newest_date_wins_when_versions_do_not_compare(cli: Invoke, evidence: Folder) -> None:
    history = [
        ["Rev", "Date", "Changed by", "Approver", "Summary"],
        ["C", "12 September 2026", "Sam Lee", "", "Contacts updated"],
        ["B", "2026-02-10", "Sam Lee", "Tom Brown", "Annual review"],
        ["A", "2025-03-03", "Sam Lee", "Jane Smith", "First issue"],
    ]
    _policy(evidence, history, "change-management-policy.docx")
    control = _file(_check(cli, evidence), "change-management-policy.docx")["control"]
    # Revision C is the latest; nobody approved it, so it is a revision, not an approval.
    assert (control["version"], control["revised"]) == ("C", "2026-09-12")
    assert (control["approver"], control["approved"]) == (None, None)
    assert control["sources"] == {"version": "revision history", "revised": "revision history"}


def test_revision_history_in_a_pdf(cli: Invoke, evidence: Folder) -> None:
    write_pdf(
        evidence.root / "change-management-policy.pdf",
        [
            [
                "Change Management Policy",
                "Document owner: Head of Service Delivery",
                *[BODY[i : i + 90] for i in range(0, len(BODY), 90)],
            ],
            [
                "Revision history",
                "Version Date Author Description",
                "1.0 2025-03-03 Sam Lee First issue",
                "1.2 10 February 2026 Sam Lee Annual review, contacts and",
                "categories of change updated",
                "1.1 2025-09-01 Sam Lee Emergency changes added",
            ],
        ],
        info={
            "Author": "Administrator",
            "CreationDate": pdf_date(dt.date(2013, 12, 23)),
            "ModDate": pdf_date(dt.date(2013, 12, 23)),
        },
    )
    file = _file(_check(cli, evidence), "change-management-policy.pdf")
    control = file["control"]
    assert (control["version"], control["revised"], control["owner"]) == (
        "1.2",
        "2026-02-10",
        "Head of Service Delivery",
    )
    assert control["sources"] == {
        "owner": "control block",
        "version": "revision history",
        "revised": "revision history",
    }
    assert (file["first_record"], file["last_record"]) == ("2026-02-10", "2026-02-10")


def test_labelled_revision_and_effective_dates(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "change-management-policy.docx",
        [
            ("Title", "Change Management Policy"),
            "Document owner: Head of Service Delivery",
            "Version 2.3",
            "Last revised: 10 February 2026",
            "Effective date: 1 March 2026",
            BODY,
        ],
        core=STALE,
    )
    write_docx(
        evidence.root / "supplier-management-procedure.docx",
        [
            ("Title", "Supplier Management Procedure"),
            "Owner: Supplier Manager",
            "Version 1.0",
            "Last reviewed 14 January 2025",
            BODY.replace("change", "supplier"),
        ],
        core=STALE,
    )
    data = _check(cli, evidence)
    control = _file(data, "change-management-policy.docx")["control"]
    assert control["owner"] == "Head of Service Delivery"
    assert (control["revised"], control["approved"]) == ("2026-02-10", "2026-03-01")
    assert control["sources"]["approved"] == control["sources"]["revised"] == "control block"
    reviewed = _file(data, "supplier-management-procedure.docx")
    assert reviewed["control"]["revised"] == "2025-01-14"
    assert reviewed["last_record"] == "2025-01-14"
    # A review restarts the review interval; this one is more than a year old.
    assert any(
        c.startswith("review_interval:") and "was last revised on 2025-01-14" in c
        for c in _findings(data, "supplier-management-procedure.docx")
    )


def test_stated_review_cycle(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "supplier-management-procedure.docx",
        [
            ("Title", "Supplier Management Procedure"),
            "Owner: Supplier Manager",
            "Version 1.0",
            "Last reviewed 14 January 2025",
            "Review frequency: every two years",
            BODY.replace("change", "supplier"),
        ],
        core=STALE,
    )
    data = _check(cli, evidence)
    control = _file(data, "supplier-management-procedure.docx")["control"]
    assert control["review_months"] == 24
    assert not [
        c
        for c in _findings(data, "supplier-management-procedure.docx")
        if c.startswith("review_interval:")
    ]
    out = _explain(cli, evidence, "supplier-management-procedure")
    assert "reviewed every 24 months" in out
    assert "ok review_interval: last revised 2025-01-14; review due by 2027-01-14" in out


def test_front_matter_and_manifest_outrank_the_document(cli: Invoke, evidence: Folder) -> None:
    _policy(evidence, HISTORY, "change-management-policy.docx")
    evidence.add(
        "evidence.yaml",
        "files:\n  - path: change-management-policy.docx\n    version: '2.0'\n"
        "    owner: Change Manager\n",
    )
    control = _file(_check(cli, evidence), "change-management-policy.docx")["control"]
    assert (control["version"], control["owner"], control["approver"]) == (
        "2.0",
        "Change Manager",
        "Tom Brown",
    )
    assert control["sources"] == {
        "version": "evidence manifest",
        "owner": "evidence manifest",
        "approver": "revision history",
        "approved": "revision history",
    }


def test_openpyxl_is_no_owner(cli: Invoke, evidence: Folder) -> None:
    rows: list[list[object]] = [
        ["Change", "Raised", "Owner", "Status"],
        ["CHG-1", dt.date(2026, 9, 1), "Bob", "Done"],
    ]
    write_xlsx(evidence.root / "change-log.xlsx", {"Changes": rows})
    write_xlsx(
        evidence.root / "release-register.xlsx",
        {
            "Releases": [
                ["Version", "Date", "Approved by", "Description"],
                ["4.2", dt.date(2026, 10, 1), "Tom Brown", "Payments release"],
            ]
        },
        properties={"creator": "Helen Park"},
    )
    data = _check(cli, evidence)
    log = _file(data, "change-log.xlsx")
    assert log["control"]["owner"] is None  # openpyxl's own name, left as the creator
    register = _file(data, "release-register.xlsx")["control"]
    # A person named as creator is still the owner, from the properties...
    assert (register["owner"], register["sources"]) == (
        "Helen Park",
        {"owner": "document properties"},
    )
    # ... and a register's rows of versions are its entries, not its own history.
    assert register["version"] is None


def test_logs_and_records_are_no_history_or_signature(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "cab-minutes-2026-10-07.docx",
        [
            ("Title", "Change Advisory Board minutes"),
            "Meeting date: 7 October 2026",
            "Changes were assigned to their implementers and signed off where noted.",
            "Date: 7 October 2026",
        ],
        tables=[
            [
                ["Issue", "Date raised", "Owner", "Description"],
                ["Backup window overlaps patching", "2026-10-01", "Sam Lee", "Move patching"],
                ["Certificate expiry", "2026-10-03", "Ann Green", "Renew before November"],
            ],
            [["Assigned to", "Date"], ["Sam Lee", "2026-10-09"]],
        ],
    )
    file = _file(_check(cli, evidence), "cab-minutes-2026-10-07.docx")
    control = file["control"]
    # "Issue" heads issues here, not versions; "assigned" is not "signed".
    assert (control["version"], control["approver"], control["approved"]) == (None, None, None)
    assert file["first_record"] == "2026-10-07"


def test_version_history_sheet(cli: Invoke, evidence: Folder) -> None:
    write_xlsx(
        evidence.root / "change-log.xlsx",
        {
            "Changes": [["Change", "Raised"], ["CHG-1", dt.date(2026, 9, 1)]],
            "Version history": HISTORY,
        },
    )
    control = _file(_check(cli, evidence), "change-log.xlsx")["control"]
    assert (control["version"], control["approver"], control["approved"]) == (
        "1.1",
        "Tom Brown",
        "2026-02-10",
    )


def test_history_block_of_a_sheet_and_not_its_template(cli: Invoke, evidence: Folder) -> None:
    # As in a government worksheet template: the template's history, then the document's.
    columns = ["Date", "Description", "Version", "Author"]
    write_xlsx(
        evidence.root / "cis-worksheet.xlsx",
        {
            "Instructions": [
                ["Control Implementation Summary Workbook Template"],
                [],
                ["Template Revision History"],
                columns,
                [dt.datetime(2014, 6, 6), "Major revision", 2.1, "Programme Office"],
                [dt.datetime(2020, 8, 6), "Second level of detail", 4, "Programme Office"],
                [],
                ["Document Revision History"],
                columns,
                [dt.datetime(2020, 12, 23), "First issue", 1, "Mark Hall"],
                [dt.datetime(2021, 7, 21), "Low controls added", 2, "Peter Bush"],
                [dt.datetime(2021, 3, 14), "Spam controls", 1.1, "Peter Bush"],
                [],
                ["How to contact us"],
            ],
            "Controls": [["Control", "Status"], ["AC-1", "Implemented"]],
        },
    )
    control = _file(_check(cli, evidence), "cis-worksheet.xlsx")["control"]
    # The highest version of the document's history; not the template's 2.1 from 2014
    # (the first row under the first header, as read before) nor its 4.
    assert (control["version"], control["revised"]) == ("2", "2021-07-21")
    assert control["sources"]["version"] == "revision history"


CONTRACT = (
    "This agreement is made between Harbourside Ltd and Cloudy plc for the supply of "
    "hosting services, with the service levels, charges and term set out below. " * 3
)


def test_signed_contract(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "contracts/Cloudy supplier contract.docx",
        [
            ("Title", "Supplier Contract: Cloudy plc"),
            CONTRACT,
            ("Heading 1", "Signatures"),
            "Signed for and on behalf of Harbourside Ltd",
            "Signature: ____________________",
            "Name: Jane Smith",
            "Position: Managing Director",
            "Date: 3 March 2026",
            "Signed for and on behalf of Cloudy plc",
            "Signed: Peter Jones Date: 5 March 2026",
        ],
        core=STALE,
    )
    write_docx(
        evidence.root / "contracts/Backup services contract.docx",
        [("Title", "Backup Services Contract"), CONTRACT.replace("hosting", "backup")],
        tables=[
            [
                ["Party", "Signature", "Name", "Date"],
                ["Harbourside Ltd", "", "Jane Smith", "2026-04-01"],
                ["Vault Ltd", "", "Ann Green", "2026-04-02"],
            ]
        ],
        core=STALE,
    )
    data = _check(cli, evidence)
    hosting = _file(data, "contracts/Cloudy supplier contract.docx")["control"]
    assert (hosting["approver"], hosting["approved"]) == ("Jane Smith; Peter Jones", "2026-03-05")
    assert hosting["sources"] == {"approver": "signature block", "approved": "signature block"}
    backup = _file(data, "contracts/Backup services contract.docx")["control"]
    assert (backup["approver"], backup["approved"]) == ("Jane Smith; Ann Green", "2026-04-02")
    out = _explain(cli, evidence, "supplier-contracts")
    assert "read from signature block (approver, approved)" in out


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("openpyxl", None),
        ("python-docx", None),
        ("Microsoft Office User", None),
        ("Apache POI 5.2.3", None),
        ("LibreOffice/7.6", None),
        ("Administrator", None),
        ("[Name]", None),
        ("____________", None),
        ("TBC", None),
        ("Jane Smith", "Jane Smith"),
        ("Head of Service Delivery", "Head of Service Delivery"),
    ],
)
def test_software_and_placeholders_name_no_one(value: str, name: str | None) -> None:
    assert person(value) == name


@pytest.mark.parametrize(
    ("value", "months"),
    [
        ("Annual", 12),
        ("At least annually, and after a major change", 12),
        ("every 6 months", 6),
        ("six-monthly", 6),
        ("Twice a year", 6),
        ("Quarterly", 3),
        ("every two years", 24),
        ("36 months", 36),
        ("Biannual", None),
        ("when the contract changes", None),
        ("every 500 years", None),
    ],
)
def test_review_cycles(value: str, months: int | None) -> None:
    assert review_months(value) == months


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Last revised: 10 February 2026", "revised", dt.date(2026, 2, 10)),
        ("Last reviewed on 2026-02-10", "revised", dt.date(2026, 2, 10)),
        ("Last updated: 2026-02-10", "revised", dt.date(2026, 2, 10)),
        ("Revision date | 2026-02-10 |", "revised", dt.date(2026, 2, 10)),
        ("Effective date: 1 March 2026", "approved", dt.date(2026, 3, 1)),
        ("Effective from 2026-03-01", "approved", dt.date(2026, 3, 1)),
        ("Approved date: 2026-03-01", "approved", dt.date(2026, 3, 1)),
        ("Date of issue: 1 March 2026", "approved", dt.date(2026, 3, 1)),
        ("Issue date - 2026-03-01", "approved", dt.date(2026, 3, 1)),
        ("Date issued: 2026-03-01", "approved", dt.date(2026, 3, 1)),
        ("**Review cycle:** annual", "review_months", 12),
        ("Review frequency = every 6 months", "review_months", 6),
        ("Revision: 4", "version", "4"),
        ("Author: Microsoft Office User", "owner", None),
        ("Approved by: [Name]", "approver", None),
        ("Reviewed by: Sam Lee", "approver", None),  # a reviewer approves nothing
    ],
)
def test_control_labels(line: str, field: str, value: object) -> None:
    control, _ = parse_control([line])
    assert getattr(control, field) == value


def test_audit_date_is_a_record_date() -> None:
    assert parse_control(["Audit date: 12 March 2026"])[1] == (dt.date(2026, 3, 12),)
