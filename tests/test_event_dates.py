"""A record dated by the sentence that says when its event took place, end to end through
the CLI on real PDF and Word files."""

from __future__ import annotations

import datetime as dt

from conftest import Folder, Invoke
from factories import write_docx, write_pdf
from iso20k_cli.evidence.doccontrol import parse_control
from test_recognise_folder import check, counted

FINDINGS = (
    "The process is established and mostly effective. One minor nonconformity and two "
    "opportunities for improvement were raised and are tracked in the register. " * 3
)


def test_an_audit_is_dated_by_when_it_was_conducted(cli: Invoke, evidence: Folder) -> None:
    # A PDF's text breaks the sentence between the verb and the date.
    write_pdf(
        evidence.root / "Internal Audit Report - IT Change Management.pdf",
        [
            [
                "Internal Audit Report - IT Change Management",
                "1 Audit details",
                "Audit of IT change management at Harbourline Bank, conducted",
                "14/04/2026 - 02/05/2026 by the internal audit team.",
                FINDINGS,
            ]
        ],
    )
    write_docx(
        evidence.root / "Internal Audit - ICT Problem Management - final report.docx",
        [
            ("Title", "Internal Audit - ICT Problem Management - final report"),
            "Audit of ICT problem management, conducted 22/07/2026 by the internal audit team.",
            FINDINGS,
        ],
    )
    data = check(cli, evidence)
    last = {f["path"]: f["last_record"] for f in data["files"]}
    assert last["Internal Audit Report - IT Change Management.pdf"] == "2026-04-14"
    assert last["Internal Audit - ICT Problem Management - final report.docx"] == "2026-07-22"
    assert {path for path, _, _ in counted(data)["internal-audit-reports"]} == {
        "Internal Audit Report - IT Change Management.pdf",
        "Internal Audit - ICT Problem Management - final report.docx",
    }


def test_a_verb_with_no_date_after_it_dates_nothing() -> None:
    assert parse_control(["Audits are held on the first Monday of the quarter."])[1] == ()
    assert parse_control(["The review was held on 14 April 2026 at head office."])[1] == (
        dt.date(2026, 4, 14),
    )
