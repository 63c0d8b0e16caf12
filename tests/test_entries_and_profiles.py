"""Records are entries, and checks follow the genre of the evidence (end to end, shipped catalogue).

An export of hundreds of dated tickets is hundreds of records; a register is kept
current rather than approved; an agreement runs for a term rather than a 12-month
review; a version number missing alone is an observation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, Folder, Invoke
from factories import write_csv, write_docx, write_pdf, write_xlsx
from iso20k_cli.checks.agreement_term import term_end
from iso20k_cli.checks.entries import record_set
from iso20k_cli.evidence.model import EvidenceFile, Table

START = dt.date(2026, 8, 1)
DAYS = 91  # 2026-08-01 to 2026-10-30: the 90 days certification bodies expect


def _tickets(prefix: str, count: int) -> list[list[object]]:
    """``count`` tickets spread evenly over three months, oldest first."""
    return [
        [
            f"{prefix}{10000 + n}",
            START + dt.timedelta(days=n * (DAYS - 1) // (count - 1)),
            "Closed",
            "3 - Moderate",
            f"Ticket {n}",
        ]
        for n in range(count)
    ]


def _check(cli: Invoke, folder: Folder) -> dict[str, Any]:
    result = cli("check", folder.root, "--as-of", AS_OF, "-f", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = result.json()
    return data


def _findings(data: dict[str, Any], item: str) -> dict[str, dict[str, Any]]:
    return {f["check"]: f for f in data["findings"] if f["item"] == item}


def _item(data: dict[str, Any], item: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in data["items"] if i["id"] == item)
    return found


def _file(data: dict[str, Any], path: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in data["files"] if f["path"] == path)
    return found


def _checks(data: dict[str, Any], item: str) -> dict[str, dict[str, Any]]:
    return {c["check"]: c for c in _item(data, item)["checks"]}


def test_a_csv_incident_export_of_three_months_is_hundreds_of_records(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["Number", "Opened", "State", "Priority", "Short description"]
    write_csv(evidence.root / "exports/incidents.csv", [header, *_tickets("INC", 400)])

    data = _check(cli, evidence)

    item = _item(data, "incident-records")
    assert [e["path"] for e in item["evidence"] if e["counted"]] == ["exports/incidents.csv"]
    assert _findings(data, "incident-records") == {}
    assert item["status"] == "met"
    checks = _checks(data, "incident-records")
    assert checks["min_count"]["message"].startswith("400 records found: 400 entries from ")
    assert "2026-08-01 to 2026-10-30 in exports/incidents.csv" in checks["min_count"]["message"]
    assert checks["records_span"]["message"].startswith("records cover 91 days")
    file = _file(data, "exports/incidents.csv")
    assert (file["entries"], file["date_column"]) == (400, "Opened")
    assert (file["first_record"], file["last_record"]) == ("2026-08-01", "2026-10-30")


def test_a_short_export_names_its_entries_and_gives_no_monthly_log_advice(
    cli: Invoke, evidence: Folder
) -> None:
    header = ["Number", "Opened", "State", "Priority", "Short description"]
    rows = [[f"INC{n}", f"2026-10-0{n}", "Closed", "P3", "Printer jam"] for n in (1, 2)]
    write_csv(evidence.root / "incidents.csv", [header, *rows])

    finding = _findings(_check(cli, evidence), "incident-records")["min_count"]

    assert finding["severity"] == "minor"
    assert finding["message"] == (
        "2 entries found for 'Incident records' (2 entries from 2026-10-01 to 2026-10-02 in "
        "incidents.csv); at least 3 expected"
    )
    assert "per month" not in finding["recommendation"]
    assert "month" not in finding["recommendation"]


def test_a_file_that_is_one_record_still_counts_as_one(cli: Invoke, evidence: Folder) -> None:
    # Monthly service reports hold tables of dated incidents, but each is one report.
    table = "| Ref | Opened | Summary |\n|---|---|---|\n" + "".join(
        f"| INC-{n} | 2026-10-{n:02d} | Outage {n} |\n" for n in range(1, 9)
    )
    for month in ("08", "09"):
        evidence.add(
            f"service-report-2026-{month}.md",
            f"# Service Report 2026-{month}\n\nIncidents in the month.\n\n{table}",
            record_date=f"2026-{month}-30",
        )

    data = _check(cli, evidence)

    finding = _findings(data, "service-reports")["min_count"]
    assert finding["message"].startswith("2 records found for 'Service reports'")
    assert _file(data, "service-report-2026-08.md")["entries"] is None


def test_an_xlsx_change_export_is_dated_by_its_rows(cli: Invoke, evidence: Folder) -> None:
    header = ["Change ID", "Created", "Status", "Priority", "Summary"]
    write_xlsx(evidence.root / "Jira export.xlsx", {"Changes": [header, *_tickets("CHG", 240)]})

    data = _check(cli, evidence)

    item = _item(data, "change-records")
    assert [e["path"] for e in item["evidence"] if e["counted"]] == ["Jira export.xlsx"]
    assert _findings(data, "change-records") == {}
    assert (
        "240 entries from 2026-08-01 to 2026-10-30"
        in (_checks(data, "change-records")["records_span"]["message"])
    )
    file = _file(data, "Jira export.xlsx")
    assert (file["entries"], file["date_column"]) == (240, "Created")
    assert file["last_record"] == "2026-10-30"

    explained = cli("explain", evidence.root, "change-records", "--as-of", AS_OF)
    shown = " ".join(explained.stdout.split())  # the console wraps long lines
    assert "240 entries dated by 'Created', 2026-08-01 to 2026-10-30" in shown
    assert "records cover 91 days (2026-08-01 to 2026-10-30): 240 entries" in shown


def test_a_register_is_kept_current_not_approved_or_versioned(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(
        evidence.root / "Asset Register.xlsx",
        {
            "Document control": [["Owner", "Infrastructure Lead"]],
            "Assets": [
                ["Asset ID", "Type", "Description", "Date added"],
                *[
                    [f"HW-{n}", "Server", f"Host {n}", dt.datetime(2026, 9, n)]
                    for n in range(1, 12)
                ],
            ],
        },
    )

    data = _check(cli, evidence)

    item = _item(data, "asset-register")
    assert item["status"] == "met"
    assert _findings(data, "asset-register") == {}
    checks = _checks(data, "asset-register")
    assert checks["approved"]["passed"]
    assert checks["approved"]["message"].startswith("not asked of a register")
    assert checks["document_control"]["message"] == "Asset Register.xlsx records its owner"
    assert checks["currency"]["message"] == "last updated 2026-09-11"
    assert "review_interval" not in checks


def test_a_register_not_updated_for_over_a_year_is_out_of_date(
    cli: Invoke, evidence: Folder
) -> None:
    write_xlsx(
        evidence.root / "Asset Register.xlsx",
        {
            "Assets": [
                ["Asset ID", "Type", "Owner", "Date added"],
                *[[f"HW-{n}", "Server", "Ops", dt.datetime(2025, 3, n)] for n in range(1, 9)],
            ],
        },
        properties={"modified": dt.datetime(2025, 3, 9), "created": dt.datetime(2025, 3, 1)},
    )

    finding = _findings(_check(cli, evidence), "asset-register")["currency"]

    assert finding["severity"] == "minor"
    assert (
        "last updated on 2025-03-08, more than 12 months before 2026-11-21" in (finding["message"])
    )


APPROVED = ("Approved by: Managing Director", "Approval date: 1 April 2024", "Status: Approved")


BETWEEN = (
    "This agreement is made between Harbourside Digital Services Ltd and Northwind Colocation Ltd."
)


def _contract(
    path: Path, term: str, control: tuple[str, ...] = APPROVED, parties: str = BETWEEN
) -> None:
    write_docx(
        path,
        [
            ("Title", "Supplier Contract — Northwind Colocation Ltd"),
            parties,
            "Document ID: HDS-CON-007",
            "Version: 1.0",
            "Owner: Supplier Manager",
            *control,
            f"Term: {term}",
            ("Heading 1", "1. Scope of services"),
            "Northwind provides rack space, power and cooling at its Portmere site, with "
            "remote hands available around the clock and monthly service level reporting.",
        ],
    )


def test_a_contract_with_a_term_is_not_held_to_a_12_month_review(
    cli: Invoke, evidence: Folder
) -> None:
    _contract(evidence.root / "Supplier Contract Northwind.docx", "1 April 2024 to 31 March 2028")

    data = _check(cli, evidence)

    item = _item(data, "supplier-contracts")
    assert item["status"] == "met"
    assert _findings(data, "supplier-contracts") == {}
    checks = _checks(data, "supplier-contracts")
    assert checks["term"]["message"] == (
        "Supplier Contract Northwind.docx is in force until 2028-03-31"
    )
    assert "review_interval" not in checks


def test_a_contract_is_in_effect_when_signed(cli: Invoke, evidence: Folder) -> None:
    path = evidence.root / "Supplier Contract Northwind.docx"
    _contract(path, "2025-04-01 to 2028-03-31", ("Status: Signed",))
    checks = _checks(_check(cli, evidence), "supplier-contracts")
    assert checks["signature"]["message"] == (
        "Supplier Contract Northwind.docx is signed (Status: Signed)"
    )
    assert "approved" not in checks

    _contract(path, "2025-04-01 to 2028-03-31", ("| Signed by | Jane Okafor, Managing Director |",))
    data = _check(cli, evidence)
    assert _findings(data, "supplier-contracts") == {}
    assert (
        "is signed (Signed by | Jane Okafor"
        in (_checks(data, "supplier-contracts")["signature"]["message"])
    )

    _contract(path, "2025-04-01 to 2028-03-31", ())
    finding = _findings(_check(cli, evidence), "supplier-contracts")["signature"]
    assert finding["severity"] == "minor"
    assert finding["message"] == (
        "signature of 'External supplier contracts' cannot be confirmed: it records no "
        "signatory, signature date, status or approval (Supplier Contract Northwind.docx)"
    )


def test_a_declared_contract_scan_is_judged_as_an_agreement(cli: Invoke, evidence: Folder) -> None:
    # A signed scan says nothing itself; the manifest records it, approved two years ago.
    write_pdf(evidence.root / "contracts/Scan 0931.pdf", [[]], scan=True)
    evidence.add(
        "evidence.yaml",
        "files:\n"
        "  - path: contracts/Scan 0931.pdf\n"
        "    satisfies: [supplier-contracts]\n"
        "    title: Colocation Services Agreement (signed)\n"
        "    version: '1.0'\n"
        "    owner: Supplier Manager\n"
        "    status: approved\n"
        "    approved: 2024-05-12\n",
    )

    data = _check(cli, evidence)

    assert _file(data, "contracts/Scan 0931.pdf")["genre"] == "agreement"
    assert _findings(data, "supplier-contracts") == {}
    assert _checks(data, "supplier-contracts")["term"]["message"] == (
        "contracts/Scan 0931.pdf states no end of term; an agreement is not held to the "
        "default review interval"
    )


def test_an_expired_or_expiring_contract_is_reported(cli: Invoke, evidence: Folder) -> None:
    _contract(evidence.root / "Supplier Contract Northwind.docx", "three years from 1 June 2023")

    finding = _findings(_check(cli, evidence), "supplier-contracts")["term"]
    assert finding["severity"] == "minor"
    assert finding["message"].startswith("'External supplier contracts' expired on 2026-05-31")

    _contract(evidence.root / "Supplier Contract Northwind.docx", "2024-04-01 – 2027-03-31")
    finding = _findings(_check(cli, evidence), "supplier-contracts")["term"]
    assert finding["severity"] == "observation"
    assert "expires on 2027-03-31, within 12 months of 2026-11-21" in finding["message"]


def test_catalogue_show_says_checks_follow_the_genre(cli: Invoke) -> None:
    shown = " ".join(cli("catalogue", "show", "slas").stdout.split())
    assert "an agreement for its signature and term instead of approval and review" in shown


def test_entries_are_counted_when_date_cells_exceed_the_budget() -> None:
    # 300 date columns of 1,000 rows: more cells than are read for dates, all rows counted.
    header = ("Number", *(f"Opened {n}" for n in range(300)))
    rows = tuple((f"INC{r}", *(["2026-10-01"] * 300)) for r in range(1000))
    file = EvidenceFile(
        path="wide.csv",
        format="csv",
        size=1,
        readable=True,
        tables=(Table(header=header, rows=rows, row_count=1000),),
    )

    found = record_set(file, "register")

    assert found is not None
    assert (found.entries, found.date_column, found.dates) == (
        1000,
        "Opened 0",
        (dt.date(2026, 10, 1),),
    )


def test_a_policy_missing_only_its_version_gets_an_observation(
    cli: Invoke, evidence: Folder
) -> None:
    evidence.add(
        "Service Management Policy.md",
        "# Service Management Policy\n\nTop management commits to meeting service "
        "requirements, to continual improvement of the SMS and to the objectives set each "
        "year. Every process of the SMS has an owner who reports on it to the review.\n",
        owner="Head of Service Management",
        approver="Managing Director",
        status="approved",
        approved="2026-03-02",
        review_due="2027-03-02",
    )

    data = _check(cli, evidence)

    item = _item(data, "sm-policy")
    assert item["status"] == "met"
    findings = _findings(data, "sm-policy")
    assert list(findings) == ["document_control"]
    assert findings["document_control"]["severity"] == "observation"
    assert "no version is recorded" in findings["document_control"]["message"]


def test_entries_are_counted_past_the_rows_kept_in_memory(cli: Invoke, evidence: Folder) -> None:
    # 25,000 tickets: more rows than a table keeps (20,000), fewer than a CSV reads.
    count = 25_000
    header = ["Number", "Opened", "State", "Priority", "Short description"]
    rows = [
        [f"INC{n}", (START + dt.timedelta(days=n * 100 // count)).isoformat(), "Closed", "P4", "x"]
        for n in range(count)
    ]
    write_csv(evidence.root / "incidents.csv", [header, *rows])

    data = _check(cli, evidence)

    file = _file(data, "incidents.csv")
    assert file["entries"] == count
    # The newest tickets are past the kept rows; the file's date columns still date them.
    assert (file["first_record"], file["last_record"]) == ("2026-08-01", "2026-11-08")
    assert _findings(data, "incident-records") == {}


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Term: 1 April 2025 to 31 March 2028", "2028-03-31"),
        ("| Expiry date | 31/03/2028 |", "2028-03-31"),
        ("**Term:** three years from 1 April 2025", "2028-03-31"),
        ("Contract period: 2025-04-01 – 2028-03-31", "2028-03-31"),
        ("Initial term\t36 months commencing 1 April 2025", "2028-03-31"),
        ("Valid until: 2027-01-31.", "2027-01-31"),
        ("The term of this agreement is long.", None),
        ("Term: rolling, reviewed each year", None),
        ("Service credit deadline: 2027-01-31", None),
        ("Term: " + " " * 50_000 + "to 2028-03-31", None),  # cut short, read in linear time
    ],
)
def test_the_end_of_an_agreements_term_is_read_from_labelled_lines(
    text: str, end: str | None
) -> None:
    found = term_end(f"# Agreement\n\n{text}\n")
    assert (found.isoformat() if found else None) == end


def test_csv_rows_past_those_read_are_still_counted_as_entries(
    cli: Invoke, evidence: Folder
) -> None:
    count = 50_010  # more than the 50,000 rows a CSV is read for
    rows = (f"INC{n},2026-10-{1 + n % 28:02d},Closed,P4,x\n" for n in range(count))
    evidence.add(
        "incidents.csv", "Number,Opened,State,Priority,Short description\n" + "".join(rows)
    )

    file = _file(_check(cli, evidence), "incidents.csv")

    assert (file["entries"], file["date_column"]) == (count, "Opened")
    assert (file["first_record"], file["last_record"]) == ("2026-10-01", "2026-10-28")


def test_a_contract_names_its_parties(cli: Invoke, evidence: Folder) -> None:
    path = evidence.root / "Supplier Contract Northwind.docx"
    _contract(path, "2025-04-01 to 2028-03-31")
    checks = _checks(_check(cli, evidence), "supplier-contracts")
    assert checks["parties"]["message"].startswith(
        "Supplier Contract Northwind.docx names its parties (between Harbourside"
    )
    assert "document_control" not in checks

    # The same contract, its parties as role lines.
    _contract(
        path,
        "2025-04-01 to 2028-03-31",
        parties="Customer: Harbourside Digital Services Ltd\nSupplier: Northwind Colocation Ltd",
    )
    assert (
        "names its parties (customer: Harbourside"
        in (_checks(_check(cli, evidence), "supplier-contracts")["parties"]["message"])
    )

    _contract(path, "2025-04-01 to 2028-03-31", parties="Scope and charges follow.")
    finding = _findings(_check(cli, evidence), "supplier-contracts")["parties"]
    assert finding["severity"] == "observation"
    assert finding["message"] == (
        "'External supplier contracts' does not say whom it is between "
        "(Supplier Contract Northwind.docx)"
    )


def test_a_workbook_counts_entries_past_the_rows_it_reads(cli: Invoke, evidence: Folder) -> None:
    # A sheet is read up to 20,000 rows; its stated dimension gives the rest.
    count = 20_050
    header = ["Number", "Opened", "State", "Priority", "Short description"]
    rows = [
        [f"CHG{n}", (START + dt.timedelta(days=n * 100 // count)).isoformat(), "Closed", "3", "x"]
        for n in range(count)
    ]
    write_xlsx(evidence.root / "changes.xlsx", {"Changes": [header, *rows]})
    assert _file(_check(cli, evidence), "changes.xlsx")["entries"] == count
