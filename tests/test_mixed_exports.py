"""Exports of several kinds of record in one table, end to end through the CLI.

The "all tickets" export of Zendesk, GLPI, SysAid, ServiceNow's task table and Jira
Service Management lists incidents and service requests side by side, told apart by a
type column or by their numbers. Each kind that makes up a real part of the export is
evidenced by it, and counted and dated from its own rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import write_csv, write_xlsx
from iso20k_cli.checks.entries import KindRows, record_set
from iso20k_cli.evidence.model import EvidenceFile, Table

INCIDENTS = "incident-records"
REQUESTS = "service-request-records"
START = dt.date(2026, 6, 1)
SPAN_DAYS = 170


def day(row: int, rows: int) -> dt.date:
    """Rows opened evenly from 1 June to 18 November 2026."""
    return START + dt.timedelta(days=row * SPAN_DAYS // rows)


def dmy(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y %H:%M")


def is_incident(row: int, percent: int) -> bool:
    """Every row of a hundred below ``percent`` is an incident, spread through the year."""
    return (row * 37) % 100 < percent


# Each tool's export: its file name, header and a row of each kind.
Shape = Callable[[int, int, bool], list[object]]

SHAPES: dict[str, tuple[str, list[str], Shape]] = {
    "zendesk": (
        "zendesk-tickets-2026-11-20.csv",
        ["Ticket ID", "Subject", "Status", "Type", "Priority", "Requested", "Updated"],
        lambda n, rows, inc: [
            1000 + n,
            f"Ticket {n}",
            "Solved",
            "Incident" if inc else "Question",
            "Normal",
            day(n, rows).isoformat(),
            day(n, rows).isoformat(),
        ],
    ),
    "glpi": (
        "glpi-export.xlsx",
        ["ID", "Title", "Status", "Type", "Opening date", "Priority"],
        lambda n, rows, inc: [
            str(n + 1),
            f"Call {n}",
            "Closed",
            "Incident" if inc else "Request",
            dmy(day(n, rows)),
            "Medium",
        ],
    ),
    "sysaid": (
        "SysAid Service Records.csv",
        ["SR #", "Title", "Status", "SR Type", "Request time"],
        lambda n, rows, inc: [
            str(5000 + n),
            f"Record {n}",
            "Closed",
            "Incident" if inc else "Request",
            dmy(day(n, rows)),
        ],
    ),
    "servicenow": (
        "task.csv",
        ["Number", "Opened", "Short description", "Priority", "State"],
        lambda n, rows, inc: [
            f"INC{n:07d}" if inc else f"RITM{n:07d}",
            f"{day(n, rows).isoformat()} 09:15:00",
            f"Task {n}",
            "3 - Moderate",
            "Closed",
        ],
    ),
    "jira": (
        "Jira 2026-11-20.xlsx",
        ["Issue key", "Summary", "Issue Type", "Status", "Created"],
        lambda n, rows, inc: [
            f"ITSM-{n + 1}",
            f"Issue {n}",
            "Incident" if inc else "Service request with approvals",
            "Done",
            f"{day(n, rows).isoformat()} 10:00",
        ],
    ),
}

# The column that tells each export's kinds apart.
TOLD_BY = {
    "zendesk": "Type",
    "glpi": "Type",
    "sysaid": "SR Type",
    "servicenow": "Number",
    "jira": "Issue Type",
}


def write_export(root: Path, shape: str, rows: int, percent: int) -> str:
    name, header, row = SHAPES[shape]
    table = [header] + [row(n, rows, is_incident(n, percent)) for n in range(rows)]
    if name.endswith(".xlsx"):
        write_xlsx(root / name, {"Export": table})
    else:
        write_csv(root / name, table)
    return name


def check(cli: Invoke, evidence: Folder) -> dict[str, Any]:
    result = cli("check", evidence.root, "--format", "json", "--as-of", AS_OF, "--exit-zero")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in data["items"] if i["id"] == item_id)
    return found


def counted(data: dict[str, Any], item_id: str) -> list[dict[str, Any]]:
    return [e for e in item(data, item_id)["evidence"] if e["counted"]]


def message(data: dict[str, Any], item_id: str, check: str) -> str:
    text: str = next(c["message"] for c in item(data, item_id)["checks"] if c["check"] == check)
    return text


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_half_and_half_export_is_evidence_of_both_kinds(
    cli: Invoke, evidence: Folder, shape: str
) -> None:
    name = write_export(evidence.root, shape, 400, 50)
    incidents = sum(is_incident(n, 50) for n in range(400))
    data = check(cli, evidence)
    for item_id, rows in ((INCIDENTS, incidents), (REQUESTS, 400 - incidents)):
        (link,) = counted(data, item_id)
        assert (link["path"], link["matched_by"]) == (name, "columns")
        # The link says which column told the kind and how many rows are of it.
        told_by = TOLD_BY[shape]
        assert f"column '{told_by}': {rows} of 400 rows" in link["detail"]
        # Each item counts its own rows, not the whole export.
        assert f"{rows} entries of this kind (by column '{told_by}', of 400" in message(
            data, item_id, "records_span"
        )
        assert item(data, item_id)["status"] == "met"
    (file,) = data["files"]
    assert sorted(file["used_for"]) == [INCIDENTS, REQUESTS]


@pytest.mark.parametrize("shape", ["glpi", "servicenow", "zendesk"])
def test_a_few_of_another_kind_do_not_make_an_export_of_them(
    cli: Invoke, evidence: Folder, shape: str
) -> None:
    write_export(evidence.root, shape, 200, 95)
    data = check(cli, evidence)
    assert counted(data, INCIDENTS)
    assert not counted(data, REQUESTS)
    incidents = sum(is_incident(n, 95) for n in range(200))
    assert message(data, INCIDENTS, "min_count").startswith(f"{incidents} records found")


def test_a_third_of_requests_is_a_record_of_them(cli: Invoke, evidence: Folder) -> None:
    write_export(evidence.root, "glpi", 140, 70)
    data = check(cli, evidence)
    requests = sum(not is_incident(n, 70) for n in range(140))
    (link,) = counted(data, REQUESTS)
    assert f"column 'Type': {requests} of 140 rows of type 'Request'" in link["detail"]
    assert counted(data, INCIDENTS)


def test_the_rows_of_each_kind_are_dated_on_their_own(cli: Invoke, evidence: Folder) -> None:
    # Requests stopped being logged in the tool in July: the incidents are current,
    # the requests are not, though the export as a whole is.
    header = ["ID", "Title", "Status", "Type", "Opening date", "Priority"]
    rows: list[list[object]] = []
    for n in range(120):
        opened = day(n, 120)
        kind = "Incident" if n % 2 else "Request"
        if kind == "Request":
            opened = START + dt.timedelta(days=n // 3)
        rows.append([str(n + 1), f"Call {n}", "Closed", kind, dmy(opened), "Low"])
    write_xlsx(evidence.root / "glpi-export.xlsx", {"Tickets": [header, *rows]})
    data = check(cli, evidence)
    latest = max(START + dt.timedelta(days=n // 3) for n in range(0, 120, 2))
    stale = message(data, REQUESTS, "latest_record_age")
    assert f"is dated {latest}" in stale and "60 entries of this kind" in stale
    latest_incident = max(day(n, 120) for n in range(1, 120, 2))
    assert f"latest record {latest_incident}" in message(data, INCIDENTS, "latest_record_age")
    assert item(data, REQUESTS)["status"] != "met"


def test_an_export_of_one_kind_counts_every_row(cli: Invoke, evidence: Folder) -> None:
    write_export(evidence.root, "servicenow", 120, 100)
    data = check(cli, evidence)
    (link,) = counted(data, INCIDENTS)
    assert "column 'Number': 120 of 120 rows numbered INC…" in link["detail"]
    assert message(data, INCIDENTS, "min_count").startswith("120 records found")
    assert "of this kind" not in message(data, INCIDENTS, "records_span")
    assert not counted(data, REQUESTS)


def test_an_id_column_named_for_its_records_says_what_the_rows_are(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["Incident ID", "Created On", "Summary", "Status", "Priority"]
    rows = [
        [str(20000 + n), dmy(day(n, 90)), f"Laptop fault {n}", "Closed", "3"] for n in range(90)
    ]
    write_xlsx(evidence.root / "Helpdesk Log 2026.xlsx", {"Export": [header, *rows]})
    data = check(cli, evidence)
    (link,) = counted(data, INCIDENTS)
    assert "id column 'Incident ID'" in link["detail"]
    # An id column that names no kind of record says nothing.
    tickets = [["Ticket ID", *header[1:]], *rows]
    write_xlsx(evidence.root / "Helpdesk Log 2026.xlsx", {"Export": tickets})
    assert not [e for e in counted(check(cli, evidence), INCIDENTS) if e["matched_by"] == "columns"]
    # Nor does one beside a type column: ServiceDesk Plus calls every ticket a request,
    # and its "Request Type" of "Break/fix" or "How-to" says which kind none is.
    requests = [["Request ID", "Created On", "Subject", "Request Type", "Status"]] + [
        [str(n), dmy(day(n, 90)), f"Call {n}", "Break/fix" if n % 2 else "How-to", "Closed"]
        for n in range(90)
    ]
    write_xlsx(evidence.root / "Helpdesk Log 2026.xlsx", {"Export": requests})
    assert not [e for e in counted(check(cli, evidence), REQUESTS) if e["matched_by"] == "columns"]


def test_a_problem_export_with_a_known_error_flag_is_problem_records_and_flags_known_errors(
    cli: Invoke, evidence: Folder
) -> None:
    header = [
        "Number",
        "Short description",
        "State",
        "Priority",
        "Opened",
        "Root cause",
        "Known error",
    ]
    rows = [
        [
            f"PRB{n:07d}",
            f"Recurring outage {n}",
            "Closed",
            "2 - High",
            f"{day(n, 30).isoformat()} 08:00:00",
            "Expired certificate",
            "true" if n % 3 == 0 else "false",
        ]
        for n in range(30)
    ]
    write_csv(evidence.root / "problem.csv", [header, *rows])
    data = check(cli, evidence)
    (link,) = counted(data, "problem-records")
    assert link["path"] == "problem.csv" and "columns" in link["signals"]
    # The header row is no opening sentence: "Known error" names a column, not the subject.
    assert not [m for m in item(data, "problem-records")["near_misses"] if "known" in m["reason"]]
    assert message(data, "problem-records", "records_span").endswith(
        f"30 entries from {day(0, 30)} to {day(29, 30)} in problem.csv"
    )
    # The problems flagged as known errors are the known-error records, and only they.
    (known,) = counted(data, "known-error-records")
    assert "column 'Known error': 10 of 30 rows marked 'true'" in known["detail"]
    assert message(data, "known-error-records", "latest_record_age").startswith(
        f"latest record {day(27, 30)}"
    )


def test_a_register_named_for_problems_keeps_them_beside_the_known_errors_it_marks(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["Problem ref", "Raised", "Title", "Root cause", "Workaround", "Known error?"]
    rows = [
        [f"PR{100 + n}", f"{1 + n:02d}/06/2026", f"Repeated drop {n}", "Firmware", "Reboot", "Yes"]
        for n in range(12)
    ]
    write_xlsx(evidence.root / "SMS Registers.xlsx", {"Problems": [header, *rows]})
    write_xlsx(evidence.root / "Problem Register 2026.xlsx", {"2026": [header, *rows]})
    export = [["Number", "Opened", "Short description", "State", "Known error"]] + [
        [f"{n:05d}", f"2026-06-{1 + n:02d}", "Mail queue stalls", "Closed", str(n % 2 == 0).lower()]
        for n in range(12)
    ]
    write_csv(evidence.root / "problem.csv", export)
    data = check(cli, evidence)
    paths = {
        name: {link["path"] for link in counted(data, name)}
        for name in ("problem-records", "known-error-records")
    }
    # The sheet's or the file's own name says they are problems; the column marks the
    # known errors among them.
    both = {"SMS Registers.xlsx", "Problem Register 2026.xlsx", "problem.csv"}
    assert paths["problem-records"] == both
    assert paths["known-error-records"] == both


def test_rows_past_those_kept_are_shared_out_in_proportion() -> None:
    # 100 rows kept of a sheet of 1,000 (as past the rows a workbook is read to): three in
    # ten of those kept are requests, so 300 of the 1,000 are taken to be.
    header = ("Number", "Opened", "Type")
    rows = tuple(
        (f"T{n}", f"2026-10-{1 + n % 28:02d}", "Request" if n % 10 < 3 else "Incident")
        for n in range(100)
    )
    file = EvidenceFile(
        path="all-tickets.xlsx",
        format="xlsx",
        size=1,
        readable=True,
        tables=(Table(header=header, rows=rows, row_count=1000),),
    )
    requests = KindRows(REQUESTS, 0, 2, "Type", values=("Request",))
    found = record_set(file, "register", None, [requests])
    assert found is not None and found.entries == 1000
    mine = found.of(REQUESTS)
    assert (mine.entries, mine.whole, mine.told_by) == (300, 1000, "Type")
    # The latest request, not the latest ticket.
    assert (mine.last, found.last) == (dt.date(2026, 10, 27), dt.date(2026, 10, 28))
    assert found.of(INCIDENTS) is found  # no rows told apart for it: the whole export


def test_a_hundred_problems_among_incidents_and_changes_are_problem_records(
    cli: Invoke, evidence: Folder
) -> None:
    kinds = ["Incident"] * 5 + ["Change"] * 3 + ["Problem"] * 2  # a fifth are problems
    rows = [["Summary", "Issue key", "Issue Type", "Status", "Created", "Resolved"]] + [
        [
            f"Ticket {n}",
            f"ITOPS-{3000 + n}",
            kinds[n % 10],
            "Done",
            dmy(day(n, 540)),
            dmy(day(n, 540) + dt.timedelta(days=2)),
        ]
        for n in range(540)
    ]
    write_csv(evidence.root / "Jira - ITOPS - 2026-11-29.csv", rows)
    data = check(cli, evidence)
    for item_id in (INCIDENTS, "change-records", "problem-records"):
        assert counted(data, item_id), item_id


def test_monitoring_and_metrics_exports_are_told_by_their_columns(
    cli: Invoke, evidence: Folder
) -> None:
    write_csv(
        evidence.root / "datadog_slo_history_export.csv",
        [
            [
                "slo_id",
                "slo_name",
                "target",
                "timeframe",
                "sli_value",
                "error_budget_remaining",
                "date",
            ]
        ]
        + [
            [
                f"a{n:04x}",
                "Checkout API availability",
                "99.95",
                "30d",
                "99.97",
                "61%",
                f"2026-10-{n:02d}",
            ]
            for n in range(1, 29)
        ],
    )
    write_csv(
        evidence.root / "host_metrics_2026-11.csv",
        [
            [
                "timestamp",
                "host",
                "avg:system.cpu.user",
                "avg:system.mem.pct_usable",
                "avg:system.disk.in_use",
            ]
        ]
        + [[f"2026-11-{n:02d} 04:00", f"i-{n:04d}", "39.1", "0.12", "0.92"] for n in range(1, 29)],
    )
    # An inventory lists each server's processor and memory: it measures nothing.
    write_csv(
        evidence.root / "servers.csv",
        [["Hostname", "Serial number", "CPU", "Memory (GB)", "Disk (GB)", "IP address"]]
        + [
            [f"srv-{n:03d}", f"SN{n:05d}", "2x Xeon", "256", "1920", f"10.0.0.{n}"]
            for n in range(40)
        ],
    )
    data = check(cli, evidence)
    assert [e["path"] for e in counted(data, "availability-monitoring")] == [
        "datadog_slo_history_export.csv"
    ]
    assert [e["path"] for e in counted(data, "capacity-monitoring")] == ["host_metrics_2026-11.csv"]


def test_a_classification_column_and_a_problem_export_s_workaround_column(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["ID", "Title", "Classification", "Status", "Priority", "Created", "Closed"]
    for name, kind in (("Incidents", "Incident"), ("Service Requests", "Service Request")):
        write_csv(
            evidence.root / f"TDX Report - {name} FY27 Q1.csv",
            [header]
            + [
                [str(2860000 + n), f"Ticket {n}", kind, "Closed", "High", dmy(day(n, 60)), ""]
                for n in range(60)
            ],
        )
    write_csv(
        evidence.root / "TDX Report - Problems.csv",
        [["ID", "Title", "Status", "Priority", "Root Cause", "Workaround", "Created", "Closed"]]
        + [
            [
                str(2880000 + n),
                f"Problem {n}",
                "Closed",
                "High",
                "Firmware",
                "Rejoin",
                dmy(day(n, 30)),
                "",
            ]
            for n in range(30)
        ],
    )
    data = check(cli, evidence)
    assert [e["path"] for e in counted(data, INCIDENTS)] == ["TDX Report - Incidents FY27 Q1.csv"]
    assert [e["path"] for e in counted(data, REQUESTS)] == [
        "TDX Report - Service Requests FY27 Q1.csv"
    ]
    assert [e["path"] for e in counted(data, "problem-records")] == ["TDX Report - Problems.csv"]


def test_a_call_type_column_written_in_two_languages(cli: Invoke, evidence: Folder) -> None:
    # TOPdesk: "Call type", and values in Dutch and English in one cell.
    kinds = ["Incident"] * 3 + ["Verzoek / Request"]
    write_csv(
        evidence.root / "TOPdesk export 2026-08-01 tm 2026-10-31.csv",
        [["Call number", "Brief description", "Call type", "Priority", "Status", "Call date"]]
        + [
            [
                f"M2610 {n:04d}",
                f"Call {n}",
                kinds[n % 4],
                "P3",
                "Afgemeld / Closed",
                dmy(day(n, 200)),
            ]
            for n in range(200)
        ],
    )
    data = check(cli, evidence)
    assert counted(data, INCIDENTS)
    (link,) = counted(data, REQUESTS)
    assert "of type 'Verzoek / Request'" in link["detail"]


def test_a_cause_category_and_a_risk_s_number_say_no_kind_of_record(
    cli: Invoke, evidence: Folder
) -> None:
    # A fault export classifies each ticket by its cause: incidents, not problems.
    write_csv(
        evidence.root / "Trouble Tickets - Remedy export Sep-Oct 2026.csv",
        [["TT Number", "Opened (UTC)", "Fault description", "Severity", "Root cause category"]]
        + [
            [f"TT{9000 + n}", dmy(day(n, 120)), "Loss of service", "S2", ("Fibre", "Power")[n % 2]]
            for n in range(120)
        ],
    )
    # "CR-001" in a "Risk ID" column numbers credit risks, not change requests; "SR-…"
    # under "Request ID" numbers requests.
    write_xlsx(
        evidence.root / "Portfolio exposures Q3 2026.xlsx",
        {
            "Exposures": [["Risk ID", "Obligor group", "Exposure (EUR m)", "Rating"]]
            + [[f"CR-{n:03d}", f"Group {n}", str(n), "Low"] for n in range(1, 121)]
        },
    )
    write_xlsx(
        evidence.root / "sc_req_item.xlsx",
        {
            "Page 1": [["Request ID", "Requested", "Requested for", "Item", "Stage"]]
            + [[f"SR-{55000 + n}", dmy(day(n, 80)), "Legal", "Visio", "Closed"] for n in range(80)]
        },
    )
    data = check(cli, evidence)
    assert not counted(data, "problem-records")
    assert not counted(data, "change-records")
    assert [e["path"] for e in counted(data, REQUESTS)] == ["sc_req_item.xlsx"]
