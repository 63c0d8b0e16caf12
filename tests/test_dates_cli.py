"""Registers' dates end to end: written as people write them, read as the file means them."""

from __future__ import annotations

from typing import Any

from conftest import AS_OF, MINI, Folder, Invoke
from factories import write_csv, write_xlsx
from folders import check, write_undated_policy


def _files(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    result = check(cli, evidence, "-f", "json", "--allow-empty")
    assert result.exit_code in (0, 1), result.stderr
    return {f["path"]: f for f in result.json()["files"]}


def _span(file: dict[str, Any]) -> tuple[str | None, str | None]:
    return file["first_record"], file["last_record"]


def test_a_day_first_workbook_is_read_day_first(cli: Invoke, evidence: Folder) -> None:
    write_xlsx(
        evidence.root / "Incident Log.xlsx",
        {
            "Incidents": [
                ["Ref", "Logged", "Summary", "Target date"],
                ["INC-1", "02/03/2026", "Disk full", "02/01/2027"],
                ["INC-2", "25/04/2026", "VPN down", "03/01/2027"],
                ["INC-3", "11/10/2026", "Mail queue", "04/01/2027"],
            ]
        },
    )
    result = check(cli, evidence, "-f", "json")
    data = result.json()
    log = {f["path"]: f for f in data["files"]}["Incident Log.xlsx"]
    # 25/04/2026 shows the workbook writes the day first: 02/03 is 2 March, 11/10 is
    # 11 October (month first they would be 3 February and 10 November). The target
    # dates are plans and do not count.
    assert _span(log) == ("2026-03-02", "2026-10-11")
    assert log["warnings"] == []
    assert not [f for f in data["findings"] if f["id"].endswith(":unread-dates")]
    incident = next(i for i in data["items"] if i["id"] == "incident-records")
    latest = next(c for c in incident["checks"] if c["check"] == "latest_record_age")
    assert "latest record 2026-10-11" in latest["message"]


def test_verified_on_and_month_covered_columns(cli: Invoke, evidence: Folder) -> None:
    write_csv(
        evidence.root / "backup-verification.csv",
        [
            ["Check", "Verified on", "Month covered", "Next review", "Verified by"],
            ["Restore test", "3 Feb 2026", "Jan 2026", "1 Jan 2027", "A. Smith"],
            ["Restore test", "Mar 2, 2026", "Feb 2026", "1 Jan 2027", "A. Smith"],
            ["Restore test", "4th November 2026", "2026-10", "1 Jan 2027", "B. Jones"],
        ],
    )
    write_csv(
        evidence.root / "access-reviews.csv",
        [["System", "Last reviewed", "Review date"], ["CRM", "Q2 2026", "2027-06-30"]],
    )
    files = _files(cli, evidence)
    # The months covered reach back to 1 January; the next review is not a record.
    assert _span(files["backup-verification.csv"]) == ("2026-01-01", "2026-11-04")
    assert _span(files["access-reviews.csv"]) == ("2026-04-01", "2026-06-30")


def _ambiguous_log(evidence: Folder) -> None:
    write_csv(
        evidence.root / "incident-log.csv",
        [["Id", "Date", "Summary"], ["1", "03/04/2026", "Disk"], ["2", "05/06/2026", "Mail"]],
    )


def test_unresolved_dates_are_reported_not_guessed(cli: Invoke, evidence: Folder) -> None:
    _ambiguous_log(evidence)
    data = check(cli, evidence, "-f", "json").json()
    log = {f["path"]: f for f in data["files"]}["incident-log.csv"]
    assert _span(log) == (None, None)
    (note,) = log["warnings"]
    assert "2 numeric dates (03/04/2026, 05/06/2026) could be day first or month first" in note
    (finding,) = [f for f in data["findings"] if f["id"] == "file:incident-log.csv:unread-dates"]
    assert finding["severity"] == "observation" and "date_order" in finding["recommendation"]


def test_explain_shows_the_unread_dates(cli: Invoke, evidence: Folder) -> None:
    _ambiguous_log(evidence)
    result = cli(
        "explain", evidence.root, "incident-records", "--catalogue", MINI, "--as-of", AS_OF
    )
    out = " ".join(result.stdout.split())
    assert "incident-log.csv" in out
    assert "note: 2 numeric dates (03/04/2026, 05/06/2026) could be day first" in out


def test_date_order_in_the_configuration(cli: Invoke, evidence: Folder) -> None:
    _ambiguous_log(evidence)
    evidence.add(".iso20k.yaml", "organisation: Acme\ndate_order: dmy\n")
    data = check(cli, evidence, "-f", "json").json()
    log = {f["path"]: f for f in data["files"]}["incident-log.csv"]
    assert _span(log) == ("2026-04-03", "2026-06-05")
    assert log["warnings"] == []
    evidence.add(".iso20k.yaml", "date_order: mdy\n")
    assert _span(_files(cli, evidence)["incident-log.csv"]) == ("2026-03-04", "2026-05-06")


def test_a_bad_date_order_names_the_file_and_line(cli: Invoke, evidence: Folder) -> None:
    _ambiguous_log(evidence)
    config = evidence.add(".iso20k.yaml", "organisation: Acme\ndate_order: dd/mm/yyyy\n")
    result = check(cli, evidence)
    assert result.exit_code == 2
    assert f"{config}:2: 'date_order' must be" in result.stderr
    assert "'dmy', 'mdy' or 'ymd'" in result.stderr
    assert "Traceback" not in result.stderr


POLICY = (
    "---\ntitle: Incident Management Policy\nstatus: approved\napproved: 03/04/2026\n"
    "owner: Service Desk Manager\nversion: '1.0'\n---\n\n# Incident Management Policy\n\n"
    "How incidents are logged, prioritised, resolved and closed.\n"
)


def test_front_matter_dates_follow_the_files_order(cli: Invoke, evidence: Folder) -> None:
    evidence.add("incident-policy.md", POLICY)
    policy = _files(cli, evidence)["incident-policy.md"]
    # Either way round, and nothing in the file says which: reported, not guessed.
    assert policy["control"]["approved"] is None
    assert any("03/04/2026" in w for w in policy["warnings"])

    evidence.add(".iso20k.yaml", "date_order: dmy\n")
    policy = _files(cli, evidence)["incident-policy.md"]
    assert policy["control"]["approved"] == "2026-04-03"
    assert policy["warnings"] == []

    # A date in the document that can only be read day first settles it too.
    evidence.add(".iso20k.yaml", "date_order: mdy\n")
    evidence.add("incident-policy.md", POLICY + "\nNext review: 25/03/2027\n")
    assert _files(cli, evidence)["incident-policy.md"]["control"]["approved"] == "2026-04-03"


def _approved(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    """The approved check of the change policy, with the shipped catalogue."""
    args = ("check", evidence.root, "-f", "json", "--as-of", AS_OF, "--exit-zero")
    data = cli(*args).json()
    policy = next(i for i in data["items"] if i["id"] == "change-management-policy")
    found: dict[str, Any] = next(c for c in policy["checks"] if c["check"] == "approved")
    return found


def test_an_approval_date_that_reads_either_way_is_named_in_the_finding(
    cli: Invoke, evidence: Folder
) -> None:
    # A Word policy whose control block gives its approver and an approval date written
    # 05/04/2026: the finding says what was read and which date was not, not that the
    # document records nothing.
    write_undated_policy(evidence.root / "Change Management Policy.docx")
    approved = _approved(cli, evidence)
    said = approved["message"]
    assert "names its approver (J. Smith) but records no status or approval date" in said
    assert "(05/04/2026) could be day first or month first" in said
    assert "date_order" in said
    evidence.add(".iso20k.yaml", "date_order: dmy\n")
    approved = _approved(cli, evidence)
    assert approved["severity"] is None and approved["message"].endswith("is approved")
