"""OpenDocument text (.odt) and spreadsheets (.ods), built in the test and read back."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

from conftest import AS_OF, MINI, Folder, Invoke
from factories import (
    odf_package,
    ods_cell,
    ods_sheets,
    odt_paragraphs,
    odt_table,
    write_ods,
    write_odt,
    write_xls,
    write_zip_bomb,
)
from iso20k_cli.evidence.extract.excel import MAX_ROWS
from iso20k_cli.evidence.extract.odfpackage import MAX_COLUMNS
from iso20k_cli.evidence.model import DocStatus, SectionKind
from test_evidence_formats import CONTROL_LINES, assert_control, read

D = dt.date


def test_odt_headings_tables_page_header_and_metadata(evidence: Folder) -> None:
    write_odt(
        evidence.root / "continuity.odt",
        [
            ("Title", "Service Continuity Plan"),
            ("Heading 1", "1 Purpose"),
            "Invocation criteria are listed below.",
            ("Heading 2", "1.1 Scope"),
            "All hosted services.",
            ("Heading 1", "2 Recovery"),
            "Restore from the second site.",
        ],
        tables=[
            [["Version", "0.4"], ["Status", "Draft"], ["Owner", "Head of Operations"]],
            [["Service", "RTO"], ["Hosting", "4 h"]],
        ],
        meta={
            "title": "Untitled 1",  # LibreOffice's default: no title
            "initial-creator": "Priya Shah",
            "creator": "Someone Else",
            "creation-date": "2026-02-01T10:00:00.123456789",
            "date": "2026-03-05T16:20:00",
        },
        header="Document ID: HDS-PLN-004",
    )
    f = read(evidence)["continuity.odt"]
    assert f.readable and f.format == "odt"
    assert (f.title, f.title_source) == ("Service Continuity Plan", "heading")
    assert [(s.heading, s.level, s.kind) for s in f.sections] == [
        ("Service Continuity Plan", 1, SectionKind.HEADING),
        ("1 Purpose", 1, SectionKind.HEADING),
        ("1.1 Scope", 2, SectionKind.HEADING),
        ("2 Recovery", 1, SectionKind.HEADING),
    ]
    scope = f.sections[2]
    assert f.text[scope.start : scope.end] == "1.1 Scope\nAll hosted services.\n"
    assert "Hosting | 4 h" in f.text
    control, services = f.tables
    assert control.header == ("Version", "0.4") and ("Owner", "Head of Operations") in control.rows
    assert (services.header, services.rows, services.section) == (
        ("Service", "RTO"),
        (("Hosting", "4 h"),),
        "2 Recovery",
    )
    c = f.control
    # The control table and the page header win over the metadata's author.
    assert (c.version, c.status, c.owner, c.doc_id) == (
        "0.4",
        DocStatus.DRAFT,
        "Head of Operations",
        "HDS-PLN-004",
    )


def test_odt_title_and_owner_from_metadata(evidence: Folder) -> None:
    write_odt(
        evidence.root / "x.odt",
        [("Heading 1", "Introduction"), "Body text of the plan."],
        meta={"title": "Capacity Plan", "creator": "Ops Lead", "creation-date": "2026-04-02"},
    )
    f = read(evidence)["x.odt"]
    assert (f.title, f.title_source) == ("Capacity Plan", "metadata")
    assert f.control.owner == "Ops Lead"  # dc:creator, when no initial creator is named
    assert f.record_dates == (D(2026, 4, 2),)  # the property date, the only date there is


def test_odt_without_title_takes_its_first_heading(evidence: Folder) -> None:
    write_odt(evidence.root / "y.odt", [("Heading 2", "Change Policy"), "Changes are approved."])
    f = read(evidence)["y.odt"]
    assert (f.title, f.title_source) == ("Change Policy", "heading")


def test_odt_inline_markup_is_read_as_text(evidence: Folder) -> None:
    body = (
        '<text:p>Call<text:s text:c="3"/>the<text:tab/>desk <text:span text:style-name="T1">'
        'on <text:a xlink:href="tel:1">0800</text:a></text:span><text:line-break/>or e-mail'
        "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>"
        "FOOTNOTE</text:p></text:note-body></text:note>.</text:p>"
        "<text:soft-page-break/><text:list><text:list-item><text:p>First step</text:p>"
        "<text:list><text:list-item><text:p>Nested step</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        '<text:section text:name="S1"><text:p>Inside a section</text:p></text:section>'
        '<text:p><text:s text:c="999999999"/>x</text:p>'
    )
    package = odf_package("text", body.replace("<text:a ", '<text:a xmlns:xlink="x" '))
    evidence.add("markup.odt", package)
    f = read(evidence)["markup.odt"]
    lines = f.text.splitlines()
    assert lines[:5] == [
        "Call   the\tdesk on 0800",
        "or e-mail.",
        "First step",
        "Nested step",
        "Inside a section",
    ]
    assert "FOOTNOTE" not in f.text
    assert lines[5] == "x"  # a run of spaces is bounded, and stripped at the line's start


def test_odt_without_heading_elements_takes_numbered_headings(evidence: Folder) -> None:
    write_odt(
        evidence.root / "numbered.odt",
        [
            "Problem Management Procedure",
            "1. Purpose",
            "Problems are found and removed.",
            "2. Roles",
            "The problem manager owns the record.",
            "2.1 Problem manager",
            "Reviews every known error.",
        ],
    )
    f = read(evidence)["numbered.odt"]
    assert [(s.heading, s.level) for s in f.sections] == [
        ("1. Purpose", 1),
        ("2. Roles", 1),
        ("2.1 Problem manager", 2),
    ]


def test_odt_table_header_rows_and_repeats(evidence: Folder) -> None:
    rows = [["Risk", "Owner", "Opened"], ["Data loss", "CISO", "2026-01-04"]]
    repeated = (
        '<table:table table:name="T2"><table:table-row>'
        + ods_cell("Key")
        + ods_cell("Value", repeated=2)
        + ods_cell(None, repeated=100_000)
        + '</table:table-row><table:table-row table:number-rows-repeated="3">'
        + ods_cell("a")
        + ods_cell("b")
        + "</table:table-row></table:table>"
    )
    body = odt_paragraphs([("Heading 1", "Risks")]) + odt_table(rows, header_rows=1) + repeated
    evidence.add("risks.odt", odf_package("text", body))
    f = read(evidence)["risks.odt"]
    first, second = f.tables
    assert first.header == ("Risk", "Owner", "Opened")
    assert first.rows == (("Data loss", "CISO", "2026-01-04"),) and first.section == "Risks"
    assert second.header == ("Key", "Value", "Value")
    assert second.rows == (("a", "b", ""),) * 3


def test_ods_sheets_typed_values_and_record_dates(evidence: Folder) -> None:
    write_ods(
        evidence.root / "incident-register.ods",
        {
            "Document control": [
                ["Version", "2.0"],
                ["Approved by", "Jane Doe"],
                ["Status", "Approved"],
            ],
            "Incidents": [
                ["Incident register 2026"],
                ["Ref", "Opened", "Closed", "Due date", "Hours", "Breached"],
                ["INC-1", dt.datetime(2026, 8, 3, 9, 15), D(2026, 8, 4), D(2027, 1, 1), 3, False],
                ["INC-2", D(2026, 10, 30), D(2026, 11, 2), D(2027, 1, 1), 2.5, True],
            ],
        },
        meta={"title": "Incident Register 2026", "initial-creator": "Service Desk Lead"},
    )
    f = read(evidence)["incident-register.ods"]
    assert f.readable and f.format == "ods"
    assert (f.title, f.title_source) == ("Incident Register 2026", "metadata")
    sheets = [(s.heading, s.kind, s.caption) for s in f.sections]
    assert sheets == [
        ("Document control", SectionKind.SHEET, None),
        ("Incidents", SectionKind.SHEET, "Incident register 2026"),
    ]
    incidents = f.tables[-1]
    assert incidents.header == ("Ref", "Opened", "Closed", "Due date", "Hours", "Breached")
    # Typed values as an .xlsx gives them: a date, a date and time, a whole number as an int.
    assert incidents.rows[0] == (
        "INC-1",
        "2026-08-03T09:15:00",
        "2026-08-04",
        "2027-01-01",
        "3",
        "False",
    )
    assert incidents.rows[1][4:] == ("2.5", "True")
    assert (f.control.version, f.control.approver, f.control.status) == (
        "2.0",
        "Jane Doe",
        DocStatus.APPROVED,
    )
    # Opened and closed dates count; the due date is a plan, not a record.
    assert f.record_dates == (D(2026, 8, 3), D(2026, 8, 4), D(2026, 10, 30), D(2026, 11, 2))


def test_ods_repeated_rows_and_columns_are_bounded(evidence: Folder) -> None:
    header = "<table:table-row>" + ods_cell("Ref") + ods_cell("Logged") + "</table:table-row>"
    many = (
        f'<table:table-row table:number-rows-repeated="{MAX_ROWS + 500}">'
        + ods_cell("INC")
        + ods_cell(D(2026, 9, 1))
        + ods_cell(None, repeated=16_000)
        + "</table:table-row>"
    )
    wide = (
        "<table:table-row>"
        + ods_cell("x", repeated=1 << 20)
        + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="1048000">'
        + ods_cell(None, repeated=1024)
        + "</table:table-row>"
    )
    body = (
        f'<table:table table:name="Log">{header}{many}</table:table>'
        f'<table:table table:name="Wide">{header}{wide}</table:table>'
    )
    evidence.add("incident-log.ods", odf_package("spreadsheet", body))
    started = time.perf_counter()
    f = read(evidence)["incident-log.ods"]
    assert time.perf_counter() - started < 10
    log, wide_table = f.tables
    # Every row counts as an entry; those past the limit are counted, not read.
    assert log.row_count == MAX_ROWS + 500
    assert f.record_dates == (D(2026, 9, 1),)
    assert len(wide_table.rows[0]) == MAX_COLUMNS and wide_table.row_count == 1


def test_ods_rows_after_a_gap_keep_their_place(evidence: Folder) -> None:
    body = (
        '<table:table table:name="Changes">'
        + "<table:table-row>" + ods_cell("Change") + ods_cell("Implemented") + ods_cell("Summary")
        + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="5">' + ods_cell(None, 4)
        + "</table:table-row>"
        + "<table:table-row>" + ods_cell("CHG-9") + ods_cell(D(2026, 7, 7))
        # A string kept in its attribute, with no paragraph, as some writers keep it.
        + '<table:table-cell office:value-type="string" office:string-value="Patch"/>'
        + "</table:table-row></table:table>"
    )  # fmt: skip
    evidence.add("changes.ods", odf_package("spreadsheet", body))
    f = read(evidence)["changes.ods"]
    (table,) = f.tables
    assert table.rows == (("CHG-9", "2026-07-07", "Patch"),) and table.row_count == 1
    assert f.text.splitlines() == [
        "Sheet: Changes",
        "Change | Implemented | Summary",
        "CHG-9 | 2026-07-07 | Patch",
    ]


def _doctype(kind: str, secret: Path) -> bytes:
    body = odt_paragraphs(["PLACEHOLDER"]) if kind == "text" else ods_sheets({"S": [["A", "B"]]})
    content = odf_package(kind, body)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("content.xml").decode()
    head, rest = xml.split("?>", 1)
    doctype = f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    rest = rest.replace("PLACEHOLDER", "&xxe;").replace(">A<", ">&xxe;<")
    return odf_package(kind, "", parts={"content.xml": (head + "?>" + doctype + rest).encode()})


def test_hostile_opendocument_files_are_unreadable_with_a_reason(
    evidence: Folder, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    evidence.add("xxe.odt", _doctype("text", secret))
    evidence.add("xxe.ods", _doctype("spreadsheet", secret))
    write_zip_bomb(evidence.root / "bomb.odt", uncompressed_mb=40)
    write_zip_bomb(evidence.root / "bomb.ods", uncompressed_mb=40)
    evidence.add("not-a-zip.odt", "just text, named .odt")
    evidence.add("broken.ods", odf_package("spreadsheet", "<table:table>"))
    evidence.add("sheet-named-as-text.odt", odf_package("spreadsheet", ods_sheets({"S": [["a"]]})))
    encrypted = odf_package(
        "text",
        "",
        parts={
            "META-INF/manifest.xml": b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path='
            b'"content.xml"><manifest:encryption-data/></manifest:file-entry>'
            b"</manifest:manifest>",
            "content.xml": bytes(range(256)) * 4,
        },
    )
    evidence.add("locked.odt", encrypted)
    files = read(evidence)
    expected = {
        "xxe.odt": "document type declaration",
        "xxe.ods": "document type declaration",
        "bomb.odt": "decompression bomb",
        "bomb.ods": "decompression bomb",
        "not-a-zip.odt": "zip container is damaged",
        "broken.ods": "not well-formed XML",
        "sheet-named-as-text.odt": "not OpenDocument text",
        "locked.odt": "password-protected",
    }
    for name, reason in expected.items():
        f = files[name]
        assert not f.readable and f.read_failure, name
        assert reason in (f.error or ""), (name, f.error)
        assert "TOP-SECRET-VALUE" not in f.text


def test_opendocument_and_legacy_excel_end_to_end(cli: Invoke, evidence: Folder) -> None:
    write_odt(
        evidence.root / "Incident Policy.odt",
        [("Title", "Incident Policy"), "Incidents are logged, prioritised and resolved."],
        tables=[[["Status", "Approved"], ["Approval date", "2026-03-01"]]],
    )
    write_ods(
        evidence.root / "incident-log.ods",
        {"Log": [["Opened", "Summary"], [D(2026, 8, 1), "a"], [D(2026, 9, 15), "b"]]},
    )
    write_xls(
        evidence.root / "inc-log-2026.xls",
        {"Export": [["Created", "Id"], [D(2026, 10, 1), 7], [D(2026, 11, 2), 8]]},
    )
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    data = result.json()
    items = {i["id"]: i for i in data["items"]}
    files = {f["path"]: f for f in data["files"]}
    assert items["incident-policy"]["status"] == "met"
    assert [e["path"] for e in items["incident-policy"]["evidence"]] == ["Incident Policy.odt"]
    assert {e["path"] for e in items["incident-records"]["evidence"]} == {
        "incident-log.ods",
        "inc-log-2026.xls",
    }
    assert items["incident-records"]["status"] == "met"
    assert (
        files["incident-log.ods"]["first_record"],
        files["incident-log.ods"]["last_record"],
    ) == (
        "2026-08-01",
        "2026-09-15",
    )
    assert files["inc-log-2026.xls"]["last_record"] == "2026-11-02"
    assert files["inc-log-2026.xls"]["entries"] == 2
    assert files["Incident Policy.odt"]["control"]["approved"] == "2026-03-01"


def test_control_block_in_opendocument_and_legacy_excel(evidence: Folder) -> None:
    pairs = [line.split(": ", 1) for line in CONTROL_LINES[1:7] if ": " in line]
    write_odt(evidence.root / "policy.odt", CONTROL_LINES)
    write_ods(evidence.root / "policy.ods", {"Cover": [*pairs, ["Version", "1.3"]]})
    write_xls(evidence.root / "policy.xls", {"Cover": [*pairs, ["Version", "1.3"]]})
    files = read(evidence)
    for name in ("policy.odt", "policy.ods", "policy.xls"):
        assert_control(files[name])
