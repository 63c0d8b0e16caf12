"""Audit impartiality and the audit programme, end to end through ``iso20k check`` with the
bundled catalogue, on Word and Excel files written here as organisations keep them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import write_docx, write_xlsx
from iso20k_cli.checks.owners import head, process_title
from iso20k_cli.checks.process_names import ProcessNames, same_person
from iso20k_cli.checks.programme import latest_date, people
from iso20k_cli.checks.raci import mark

PROGRAMME = "09-performance/Internal Audit Programme 2026.xlsx"
HEADER = ["Audit", "Process", "Planned date", "Auditor", "Status"]


def programme(folder: Folder, *rows: list[object]) -> Path:
    return write_xlsx(
        folder.root / PROGRAMME,
        {"Programme": [HEADER, *rows]},
        {"title": "Internal Audit Programme 2026"},
    )


def raci(folder: Folder) -> Path:
    return write_xlsx(
        folder.root / "02-leadership/RACI matrix.xlsx",
        {
            "RACI": [
                ["Process", "Service Desk Manager", "Change Manager", "Quality Lead"],
                ["Incident Management Process", "A/R", "C", "I"],
                ["Change enablement", "C", "RA", "I"],
                ["Internal audit", "I", "I", "A"],
            ],
            "Roles": [
                ["Role", "Name"],
                ["Service Desk Manager", "Jane Smith"],
                ["Change Manager", "Lewis Grant"],
                ["Quality Lead", "Omar Farouk"],
            ],
        },
        {"title": "Roles and responsibilities RACI matrix"},
    )


def impartiality(cli: Invoke, folder: Folder) -> tuple[list[dict[str, Any]], list[str]]:
    """The check's findings, and its messages on every item it ran on."""
    result = cli("check", folder.root, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    findings = [f for f in data["findings"] if f["check"] == "audit_impartiality"]
    messages = [
        c["message"]
        for item in data["items"]
        for c in item["checks"]
        if c["check"] == "audit_impartiality"
    ]
    return findings, messages


def test_auditor_holding_the_accountable_role_in_a_raci_matrix(
    cli: Invoke, evidence: Folder
) -> None:
    raci(evidence)
    programme(
        evidence,
        ["IA-01", "Incident management", dt.datetime(2026, 10, 15), "Jane Smith", "Completed"],
        ["IA-02", "Internal audit", "2027-02-10", "Lewis Grant", "Planned"],
    )
    findings, _ = impartiality(cli, evidence)
    (conflict,) = findings
    assert conflict["item"] == "internal-audit-programme"
    assert conflict["severity"] == "minor"
    message = conflict["message"]
    assert "Jane Smith owns 'Incident Management Process'" in message
    assert (
        'RACI matrix.xlsx, sheet "RACI" (RACI: Service Desk Manager marked accountable' in message
    )
    assert 'holder per 02-leadership/RACI matrix.xlsx, sheet "Roles"' in message
    assert f'audits it in IA-01 ({PROGRAMME}, sheet "Programme")' in message
    assert conflict["paths"] == [PROGRAMME, "02-leadership/RACI matrix.xlsx"]
    # Lewis Grant is accountable for change, not for the internal audit he audits.
    assert "Lewis Grant" not in message


def test_responsible_role_owns_a_row_without_accountable(cli: Invoke, evidence: Folder) -> None:
    write_xlsx(
        evidence.root / "02-leadership/RACI matrix.xlsx",
        {
            "RACI": [
                ["Activity", "Description", "Omar Farouk", "Problem Manager"],
                ["Problem management", "Find root causes", "R", "C"],
            ]
        },
        {"title": "Roles and responsibilities RACI matrix"},
    )
    programme(evidence, ["IA-01", "Problem Management", "2027-01-10", "Omar Farouk", "Planned"])
    findings, _ = impartiality(cli, evidence)
    (conflict,) = findings
    # A header that is a name needs no role table.
    assert "Omar Farouk owns 'Problem management'" in conflict["message"]
    assert "Omar Farouk marked responsible (R)" in conflict["message"]


@pytest.mark.parametrize("in_header", [True, False], ids=["page header", "control table"])
def test_process_owner_of_a_word_procedure(cli: Invoke, evidence: Folder, in_header: bool) -> None:
    write_docx(
        evidence.root / "07-resolution/Incident Management Procedure.docx",
        [
            ("Title", "Incident Management Procedure"),
            "This procedure sets out how incidents are logged, classified, prioritised, "
            "escalated, resolved and closed, and how major incidents are handled.",
        ],
        tables=[] if in_header else [[["Process owner", "Jane Smith"], ["Version", "2.1"]]],
        header="Process owner: Jane Smith" if in_header else None,
    )
    programme(evidence, ["IA-01", "Incident management", "2027-01-12", "Jane Smith", "Planned"])
    findings, _ = impartiality(cli, evidence)
    (conflict,) = findings
    message = conflict["message"]
    assert "Jane Smith owns 'Incident management'" in message
    source = "owner in its document control" if in_header else "process owner field"
    assert f"07-resolution/Incident Management Procedure.docx ({source})" in message
    assert conflict["paths"] == [PROGRAMME, "07-resolution/Incident Management Procedure.docx"]


def test_postponed_and_overdue_audits(cli: Invoke, evidence: Folder) -> None:
    programme(
        evidence,
        ["IA-01", "Supplier management", "2026-08-01", "Omar Farouk", "Completed"],
        ["IA-02", "Problem management", "2026-09-01", "Omar Farouk", "Postponed to Q1 2027"],
        ["IA-03", "Service level management", "2026-10-01", "Omar Farouk", "Planned"],
        ["IA-04", "Change management", "2026-11-02 to 2026-11-04", "Omar Farouk", ""],
        ["IA-05", "Release management", "2027-03-01", "Omar Farouk", "Planned"],
    )
    findings, _ = impartiality(cli, evidence)
    by_key = {f["id"].rsplit(":", 1)[-1]: f for f in findings}
    assert set(by_key) == {"postponed", "overdue"}
    postponed, overdue = by_key["postponed"], by_key["overdue"]
    assert postponed["severity"] == "observation"
    assert postponed["message"].startswith("1 planned audit is postponed or cancelled: IA-02")
    assert overdue["severity"] == "minor"
    assert overdue["message"].startswith("2 planned audits are past the planned date")
    assert "IA-03 (planned 2026-10-01, status 'Planned'" in overdue["message"]
    assert "IA-04 (planned 2026-11-04, status 'none'" in overdue["message"]
    assert "IA-01" not in overdue["message"] and "IA-05" not in overdue["message"]
    assert overdue["paths"] == [PROGRAMME]


def test_impartial_programme_has_no_finding(cli: Invoke, evidence: Folder) -> None:
    raci(evidence)
    programme(
        evidence,
        ["IA-01", "Incident management", "2026-10-15", "Omar Farouk", "Completed 2026-10-16"],
        ["IA-02", "Change management", "2026-12-10", "Jane Smith", "Planned"],
        ["IA-03", "Internal audit", "2027-01-20", "Jane Smith", "Planned"],
    )
    findings, messages = impartiality(cli, evidence)
    assert findings == []
    assert any(m.startswith("3 programmed audits, none overdue or postponed,") for m in messages)


def test_process_names_meet_whatever_the_wording() -> None:
    names = ProcessNames()
    scope = names.scope("8.5 (change management, release and deployment); 8.6 incident")
    assert names.covers(scope, "Incident Management Process")
    assert names.covers(scope, "Management of change")
    assert names.covers(scope, "Incident and major incident management")
    assert not names.covers(scope, "Problem management")
    assert not names.covers(scope, "Service management")  # nothing distinctive to find
    assert not names.covers(names.scope("change, incident"), "change incident")
    assert process_title("Configuration management policy or procedure") == (
        "Configuration management"
    )
    assert process_title("Release policy and release plans") == "Release"


def test_cells_as_people_write_them() -> None:
    assert mark("A/R") == frozenset({"A", "R"}) and mark("ra") == frozenset({"A", "R"})
    assert mark("A, C") == frozenset({"A", "C"})
    assert mark("Approve") is None and mark("") is None
    assert people("Ravi Menon (10.1), Aisha Bello (others)") == ("Ravi Menon", "Aisha Bello")
    assert people("Aisha Bello, Quality Lead — independent of change") == (
        "Aisha Bello",
        "Quality Lead",
    )
    assert same_person("Aisha Bello, Quality Lead", "aisha bello")
    assert not same_person("Ann", "Anne Lee")
    assert latest_date("2026-09-22 to 2026-09-24") == dt.date(2026, 9, 24)
    assert latest_date("2027-05") == dt.date(2027, 5, 31)
    assert latest_date("To be confirmed") is None
    # Only the head of a long text is split into lines.
    assert head("Process owner: Ann\n" + "x\n" * 100_000, 2) == ["Process owner: Ann", "x"]


def test_owner_named_on_the_programme_row(cli: Invoke, evidence: Folder) -> None:
    write_xlsx(
        evidence.root / PROGRAMME,
        {
            "Schedule": [
                ["Audit", "Area", "Process owner", "Lead auditor", "Month", "Status"],
                ["IA-01", "Capacity management", "Tom Kowalski", "Tom Kowalski", "2027-02", ""],
                ["IA-02", "Availability", "Tom Kowalski", "Omar Farouk", "2027-03", ""],
            ]
        },
        {"title": "Internal Audit Programme 2026"},
    )
    findings, _ = impartiality(cli, evidence)
    (conflict,) = findings
    assert conflict["message"] == (
        f"impartiality of the audits planned in {PROGRAMME} is in doubt: Tom Kowalski is "
        f'named as the process owner of IA-01 ({PROGRAMME}, sheet "Schedule"), which they audit'
    )


def test_a_schedule_without_status_is_not_overdue(cli: Invoke, evidence: Folder) -> None:
    write_xlsx(
        evidence.root / PROGRAMME,
        {
            "Programme": [
                ["Audit", "Scope", "Date", "Auditor"],
                ["IA-01", "Change", "2026-03-01", "Omar"],
            ]
        },
        {"title": "Internal Audit Programme 2026"},
    )
    findings, messages = impartiality(cli, evidence)
    assert findings == []
    assert any(m.startswith("1 programmed audit,") for m in messages)


def test_report_label_lines_in_every_layout() -> None:
    from iso20k_cli.checks.programme import _label

    def value(line: str) -> str | None:
        found = _label(line)
        return None if found is None else f"{found[0]}={line[found[1] :].strip(' |*')}"

    assert value("Auditor: Jane Smith") == "auditor=Jane Smith"
    assert value("| **Auditees** | Ops team |") == "auditees=Ops team"
    assert value("**Lead auditor:** Ravi Menon") == "lead auditor=Ravi Menon"
    assert value("| Auditor | Aisha Bello, Quality Lead |") == "auditor=Aisha Bello, Quality Lead"
    assert value("The auditor said the scope was wide.") is None
    assert value("Auditor Jane Smith") is None
    assert value(" " * 50_000) is None
