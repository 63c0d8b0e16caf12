"""Real PDF, Word, Excel, CSV and HTML evidence, built in the test, read back."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from factories import (
    pdf_bytes,
    pdf_date,
    write_csv,
    write_docx,
    write_pdf,
    write_xlsx,
    write_zip_bomb,
)
from iso20k_cli.evidence import collect as collect_module
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.model import DocStatus, EvidenceFile

D = dt.date


def read(folder: Folder) -> dict[str, EvidenceFile]:
    return {f.path: f for f in collect(folder.root, jobs=1).files}


CONTROL_LINES = [
    "Information Security Policy",
    "Document ID: HDS-POL-004",
    "Version 1.3",
    "Status: Approved",
    "Approved by: Jane Doe",
    "Approval date: 12 May 2026",
    "Next review: 10 March 2027",
    "1. Purpose",
    "Confidentiality, integrity and availability of information are protected.",
]


def assert_control(file: EvidenceFile, version: str = "1.3") -> None:
    c = file.control
    assert (c.version, c.approver, c.status) == (version, "Jane Doe", DocStatus.APPROVED)
    assert (c.approved, c.review_due) == (D(2026, 5, 12), D(2027, 3, 10))


def test_pdf_text_metadata_and_control_block(evidence: Folder) -> None:
    info = {"Title": "Information Security Policy", "Author": "Security Team"}
    info["CreationDate"] = pdf_date(D(2026, 5, 1))
    write_pdf(evidence.root / "isp.pdf", [CONTROL_LINES, ["Page two"]], info)
    f = read(evidence)["isp.pdf"]
    assert f.readable and not f.read_failure
    assert (f.title, f.title_source) == ("Information Security Policy", "metadata")
    assert "integrity and availability" in f.text and "Page two" in f.text
    assert_control(f)
    assert f.control.owner == "Security Team"  # from metadata, as no block names an owner


def test_pdf_failures_are_reported_not_raised(evidence: Folder) -> None:
    write_pdf(evidence.root / "locked.pdf", [["secret"]], password="s3cret")
    data = pdf_bytes([CONTROL_LINES] * 3)
    (evidence.root / "cut.pdf").write_bytes(data[: len(data) // 2])
    (evidence.root / "junk.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    files = read(evidence)
    assert "password" in (files["locked.pdf"].error or "")
    for name in ("locked.pdf", "cut.pdf", "junk.pdf"):
        assert not files[name].readable and files[name].read_failure, name
    assert "damaged or truncated PDF" in (files["cut.pdf"].error or "")


def test_scanned_pdf_is_recognised_by_name_and_said_unread(evidence: Folder) -> None:
    info = {"Title": "Colocation agreement (signed)"}
    write_pdf(evidence.root / "Supplier-Contract-PN1-signed.pdf", [[""]] * 2, info, scan=True)
    f = read(evidence)["Supplier-Contract-PN1-signed.pdf"]
    assert not f.readable and not f.read_failure  # a limit of the tool, not a fault
    assert "no text layer" in (f.error or "")
    assert f.title == "Colocation agreement (signed)"


def test_docx_body_tables_header_and_core_properties(evidence: Folder) -> None:
    write_docx(
        evidence.root / "policy.docx",
        [("Title", "Service Continuity Plan"), "Invocation criteria are listed below."],
        tables=[
            [["Version", "0.4"], ["Status", "Draft"], ["Owner", "Head of Operations"]],
            [["Service", "RTO"], ["Hosting", "4 h"]],
        ],
        core={"author": "Template Author", "title": "Word template", "content_status": "Final"},
        header="Document ID: HDS-PLN-004",
    )
    f = read(evidence)["policy.docx"]
    assert (f.title, f.title_source) == ("Service Continuity Plan", "heading")
    assert "Invocation criteria" in f.text and "Hosting | 4 h" in f.text
    c = f.control
    # The control table wins over core properties a template left behind.
    assert (c.version, c.status, c.owner, c.doc_id) == (
        "0.4",
        DocStatus.DRAFT,
        "Head of Operations",
        "HDS-PLN-004",
    )


WORD_STYLES = (
    "List Bullet", "List Number", "Quote", "Intense Quote", "Caption", "List Paragraph",
    "No Spacing", "Body Text", "Body Text 2", "Body Text 3", "List 2", "List 3",
    "List Bullet 2", "List Bullet 3", "List Number 2", "List Number 3", "List Continue",
    "List Continue 2", "List Continue 3", "Subtitle",
)  # fmt: skip


@pytest.mark.parametrize("styles", [2, len(WORD_STYLES)])
def test_docx_headings_by_style_name_however_many_styles_are_used(
    evidence: Folder, styles: int
) -> None:
    # Style names are looked up for the first few ids a document uses, then read all at
    # once: headings are found the same either way, before and after the change over.
    body: list[str | tuple[str, str]] = [("Title", "Release Management Procedure")]
    for number, style in enumerate(WORD_STYLES[:styles]):
        body += [("Heading 1", f"Step {number}"), (style, f"Do step {number} carefully.")]
    body += [("Heading 2", "Rollback"), "Undo the release."]
    write_docx(evidence.root / "release.docx", body)
    f = read(evidence)["release.docx"]
    assert f.title == "Release Management Procedure"
    headings = [s.heading for s in f.sections]
    assert headings == [
        "Release Management Procedure",
        *(f"Step {n}" for n in range(styles)),
        "Rollback",
    ]
    assert "Do step 0 carefully." in f.text and f.text.endswith("Undo the release.")


def test_docx_control_from_core_properties_alone(evidence: Folder) -> None:
    write_docx(
        evidence.root / "x.docx",
        ["Body"],
        core={"title": "Capacity Plan", "author": "Ops", "content_status": "Approved"},
    )
    f = read(evidence)["x.docx"]
    assert (f.title, f.title_source) == ("Capacity Plan", "metadata")
    assert (f.control.status, f.control.owner) == (DocStatus.APPROVED, "Ops")


def test_xlsx_date_columns_control_sheet_and_properties(evidence: Folder) -> None:
    write_xlsx(
        evidence.root / "register.xlsx",
        {
            "Document control": [
                ["Version", "2.0"],
                ["Approved by", "Jane Doe"],
                ["Status", "Approved"],
            ],
            "Incidents": [
                ["Ref", "Opened", "Closed", "Due date", "Summary"],
                ["INC-1", dt.datetime(2026, 8, 3, 9, 15), "2026-08-04", D(2027, 1, 1), "Disk"],
                ["INC-2", dt.datetime(2026, 10, 30), "2026-11-02", D(2027, 1, 1), "Network"],
            ],
        },
        properties={"title": "Incident Register 2026"},
    )
    f = read(evidence)["register.xlsx"]
    assert f.title == "Incident Register 2026"
    assert "Sheet: Incidents" in f.text and "Network" in f.text
    assert (f.control.version, f.control.approver, f.control.status) == (
        "2.0",
        "Jane Doe",
        DocStatus.APPROVED,
    )
    # Opened and closed dates count; the due date is a plan, not a record.
    assert f.record_dates == (D(2026, 8, 3), D(2026, 8, 4), D(2026, 10, 30), D(2026, 11, 2))


def test_csv_export_dates_and_dialects(evidence: Folder) -> None:
    write_csv(
        evidence.root / "requests.csv",
        [
            ["Number", "Opened", "Resolved", "SLA due", "Short description"],
            ["REQ1", "2026-09-01 08:00", "2 Sep 2026", "2026-09-05", "New laptop"],
            ["REQ2", "2026-11-15 17:30", "", "2026-11-20", "Access; VPN"],
        ],
        delimiter=";",
    )
    f = read(evidence)["requests.csv"]
    assert f.format == "csv" and "Access; VPN" in f.text
    assert f.record_dates == (D(2026, 9, 1), D(2026, 9, 2), D(2026, 11, 15))


@pytest.mark.parametrize(
    ("text", "header", "row"),
    [
        # Commas inside the descriptions do not outvote the semicolon every record has.
        (
            "Number;Opened;Description\nR1;2026-01-05;Access, VPN\nR2;2026-01-06;a, b, c\n",
            ("Number", "Opened", "Description"),
            ("R2", "2026-01-06", "a, b, c"),
        ),
        # A delimiter inside double quotes is part of the cell.
        (
            'Ref|Raised|Summary\nP-1|2026-02-01|"Disk | full"\nP-2|2026-02-02|Slow\n',
            ("Ref", "Raised", "Summary"),
            ("P-1", "2026-02-01", "Disk | full"),
        ),
        # "a, b": the space after each comma belongs to it, so quotes still quote.
        (
            'Id, Opened, Summary\n1, 2026-03-01, "Outage, EU"\n2, 2026-03-02, Fine\n',
            ("Id", "Opened", "Summary"),
            ("1", "2026-03-01", "Outage, EU"),
        ),
        ("Id\tOpened\n1\t2026-04-01\n2\t2026-04-02\n", ("Id", "Opened"), ("1", "2026-04-01")),
    ],
)
def test_csv_delimiter_is_the_one_every_record_agrees_on(
    evidence: Folder, text: str, header: tuple[str, ...], row: tuple[str, ...]
) -> None:
    evidence.add("export.csv", text)
    (table,) = read(evidence)["export.csv"].tables
    assert table.header == header
    assert row in table.rows


def test_ambiguous_numeric_dates_are_not_guessed(evidence: Folder) -> None:
    write_csv(evidence.root / "log.csv", [["Opened", "Id"], ["03/04/2026", "1"]])
    assert read(evidence)["log.csv"].record_dates == ()


def test_html_title_meta_and_control_table(evidence: Folder) -> None:
    evidence.add(
        "page.html",
        "<html><head><title>Change Management Policy</title>"
        '<meta name="author" content="Change Manager"><script>var approved = 1;</script></head>'
        "<body><h1>Ignored heading</h1><table><tr><th>Version</th><th>Approved by</th>"
        "<th>Next review</th></tr><tr><td>3.1</td><td>Jane Doe</td><td>2027-02-01</td></tr>"
        "</table><p>Emergency changes are approved by the ECAB &amp; logged.</p></body></html>",
    )
    f = read(evidence)["page.html"]
    assert f.title == "Change Management Policy"
    assert "ECAB & logged" in f.text and "var approved" not in f.text
    assert (f.control.version, f.control.approver, f.control.owner) == (
        "3.1",
        "Jane Doe",
        "Change Manager",
    )
    assert f.control.review_due == D(2027, 2, 1)


@pytest.mark.parametrize("fmt", ["md", "txt", "pdf", "docx", "html", "xlsx", "csv"])
def test_control_block_in_every_format(evidence: Folder, fmt: str) -> None:
    path = evidence.root / f"policy.{fmt}"
    pairs = [line.split(": ", 1) for line in CONTROL_LINES[1:7] if ": " in line]
    if fmt in ("md", "txt"):
        path.write_text("\n".join(CONTROL_LINES), encoding="utf-8")
    elif fmt == "pdf":
        write_pdf(path, [CONTROL_LINES])
    elif fmt == "docx":
        write_docx(path, CONTROL_LINES)
    elif fmt == "html":
        path.write_text("".join(f"<p>{line}</p>" for line in CONTROL_LINES), encoding="utf-8")
    elif fmt == "xlsx":
        write_xlsx(path, {"Cover": [*pairs, ["Version", "1.3"]]})
    else:
        write_csv(path, [*pairs, ["Version", "1.3"]])
    f = read(evidence)[path.name]
    assert_control(f)


def test_decompression_bomb_is_refused(evidence: Folder) -> None:
    write_zip_bomb(evidence.root / "bomb.docx", uncompressed_mb=600)
    shutil.copy(evidence.root / "bomb.docx", evidence.root / "bomb.xlsx")
    files = read(evidence)
    for name in ("bomb.docx", "bomb.xlsx"):
        assert not files[name].readable and files[name].read_failure
        assert "decompression bomb" in (files[name].error or ""), files[name].error


def test_external_entities_are_not_resolved(evidence: Folder, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    source = write_docx(tmp_path / "plain.docx", ["PLACEHOLDER"])
    target = evidence.root / "xxe.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                head, rest = text.split("?>", 1)
                doctype = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                data = (head + "?>" + doctype + rest.replace("PLACEHOLDER", "&xxe;")).encode()
            dst.writestr(item, data)
    f = read(evidence)["xxe.docx"]
    assert "TOP-SECRET-VALUE" not in f.text


def test_legacy_and_unknown_formats_get_a_hint(evidence: Folder) -> None:
    evidence.add("Old Mail.msg", b"\xd0\xcf\x11\xe0")
    evidence.add("diagram.vsdx", b"PK")
    files = read(evidence)
    assert "save the message as .eml" in (files["Old Mail.msg"].error or "")
    assert files["diagram.vsdx"].format == "other"
    assert not any(f.read_failure for f in files.values())


def test_record_dates_from_names_text_and_precedence(evidence: Folder) -> None:
    evidence.add("availability-report-2026-Q3.md", "# Availability\n\nDate: 2026-10-07\n")
    evidence.add("MR minutes.md", "# Minutes\n\nMeeting date: 14 October 2026\n")
    evidence.add(
        "KPI pack.md", "# KPI pack\n\nReporting period: 1 August 2026 to 30 September 2026\n"
    )
    files = read(evidence)
    assert files["availability-report-2026-Q3.md"].record_dates == (D(2026, 7, 1), D(2026, 9, 30))
    assert files["MR minutes.md"].record_dates == (D(2026, 10, 14),)
    assert files["KPI pack.md"].record_dates == (D(2026, 8, 1), D(2026, 9, 30))


def test_parallel_extraction_gives_the_same_result(evidence: Folder) -> None:
    for n in range(60):
        if n % 3 == 0:
            write_pdf(evidence.root / f"f{n:02}.pdf", [[f"Incident log {n}", "Date: 2026-09-01"]])
        elif n % 3 == 1:
            write_docx(evidence.root / f"f{n:02}.docx", [f"Change record {n}"])
        else:
            evidence.add(f"f{n:02}.md", f"# Problem {n}\n")
    serial = collect(evidence.root, jobs=1)
    parallel = collect(evidence.root, jobs=2)
    assert parallel == serial
    assert [f.path for f in parallel.files] == sorted(f.path for f in parallel.files)


def test_only_office_files_and_pdfs_go_to_worker_processes(
    evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []
    sent: list[str] = []

    class CountingPool(ProcessPoolExecutor):
        def __init__(self, max_workers: int) -> None:
            pools.append(max_workers)
            super().__init__(max_workers=max_workers)

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            # Chunks of candidates go out as (read, [candidate, ...]).
            sent.extend(c.rel for c in args[1])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(collect_module, "ProcessPoolExecutor", CountingPool)
    for n in range(80):
        evidence.add(f"page-{n:02}.md", f"---\ntitle: Page {n}\n---\n# Page {n}\n")
        evidence.add(f"log-{n:02}.csv", "Logged,Id\n2026-04-03,1\n")
    assert len(collect(evidence.root).files) == 160
    assert pools == []  # text formats are read here, however many there are
    for n in range(collect_module.PARALLEL_MIN_FILES):
        write_docx(evidence.root / f"record-{n:02}.docx", [f"Change record {n}"])
    files = collect(evidence.root, jobs=2).files
    assert pools == [2]
    assert sorted(sent) == sorted(f.path for f in files if f.format == "docx")
    assert files == collect(evidence.root, jobs=1).files


def test_mixed_folder_end_to_end(cli: Invoke, evidence: Folder) -> None:
    write_docx(
        evidence.root / "Scope Statement.docx",
        [("Title", "SMS Scope Statement"), "Services in scope."],
        tables=[[["Status", "Approved"], ["Approval date", "2026-03-01"]]],
    )
    write_xlsx(
        evidence.root / "incident-log.xlsx",
        {"Log": [["Opened", "Summary"], [D(2026, 8, 1), "a"], [D(2026, 11, 1), "b"]]},
    )
    write_csv(evidence.root / "inc-log-export.csv", [["Created", "Id"], ["2026-10-01", "7"]])
    write_pdf(evidence.root / "internal-audit-report-2026-09.pdf", [["Internal audit report"]])
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    data = result.json()
    items = {i["id"]: i for i in data["items"]}
    assert items["scope"]["status"] == "met"
    assert {e["path"] for e in items["incident-records"]["evidence"]} == {
        "incident-log.xlsx",
        "inc-log-export.csv",
    }
    assert items["incident-records"]["status"] == "met"
    assert items["audit-reports"]["status"] == "met"
