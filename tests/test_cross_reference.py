"""A document about one subject that speaks of a narrower one, end to end through the CLI
on real Word and Excel files: a procedure that hands one case to another is still its own,
a register of problems that are known errors is both, and a steering committee may hold
the management review."""

from __future__ import annotations

from conftest import Folder, Invoke
from factories import write_docx, write_xlsx
from test_recognise_folder import check, counted

STEPS: list[str | tuple[str, str]] = [
    ("Title", "Incident Management Procedure"),
    ("Heading 1", "1 Purpose"),
    "This procedure sets out how the provider restores normal service operation as quickly as "
    "possible after an unplanned interruption, and how every incident is recorded.",
    ("Heading 1", "4 Process steps"),
    "4.1 Identification and logging: every incident is recorded with caller, CI and symptoms.",
    "4.2 Categorisation and prioritisation using the impact and urgency matrix.",
    "4.3 Diagnosis and escalation to resolver groups where incident targets are at risk.",
    "4.4 Resolution, recovery and closure of the incident with the user's agreement.",
]


def test_one_line_handing_major_incidents_on_leaves_the_incident_procedure(
    cli: Invoke, evidence: Folder
) -> None:
    handed = (
        "4.5 Priority 1 records go to the Major Incident Manager under the major incident "
        "procedure."
    )
    write_docx(evidence.root / "Incident Management Procedure.docx", [*STEPS, handed])
    # Major incidents spoken of throughout make it the major-incident procedure as well.
    spread = [
        "A major incident is declared by the duty manager.",
        "The major incident bridge is opened within 15 minutes.",
        "Customers hear of a major incident every 30 minutes until it is resolved.",
        "Every major incident has a review within five days.",
    ]
    write_docx(evidence.root / "Incident and Major Incident Handling.docx", [*STEPS, *spread])
    links = counted(check(cli, evidence))
    incident = {path for path, _, _ in links["incident-management-procedure"]}
    assert "Incident Management Procedure.docx" in incident
    major = {path for path, _, _ in links.get("major-incident-procedure", set())}
    assert "Incident Management Procedure.docx" not in major
    assert "Incident and Major Incident Handling.docx" in major


def test_a_register_of_known_errors_is_still_a_register_of_problems(
    cli: Invoke, evidence: Folder
) -> None:
    rows = [["Problem", "Opened", "Description", "Status", "Workaround"]] + [
        [f"P-{100 + i}", f"2026-0{1 + i % 9}-11", "Slow logon", "Known error", "Restart"]
        for i in range(20)
    ]
    write_xlsx(evidence.root / "Problem Register 2026.xlsx", {"Problems": rows})
    links = counted(check(cli, evidence))
    assert {path for path, _, _ in links["problem-records"]} == {"Problem Register 2026.xlsx"}
    assert {path for path, _, _ in links["known-error-records"]} == {"Problem Register 2026.xlsx"}


def test_the_sms_steering_committee_holds_the_management_review(
    cli: Invoke, evidence: Folder
) -> None:
    write_docx(
        evidence.root / "Minutes of the ITSM Steering Committee - 24 Sept 2026.docx",
        [
            ("Title", "Minutes of the ITSM Steering Committee held on 24 September 2026"),
            "Present: managing director, SMS manager, service owners.",
            "Inputs reviewed: actions from the previous review, customer feedback, "
            "service performance against targets, audit results and risks.",
            "Decisions: invest in monitoring; a new objective for change success.",
        ],
    )
    links = counted(check(cli, evidence))
    assert {path for path, _, _ in links["management-review-minutes"]} == {
        "Minutes of the ITSM Steering Committee - 24 Sept 2026.docx"
    }
