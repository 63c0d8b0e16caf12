"""Legacy Excel (.xls) workbooks, written by xlwt in the test and read back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, MINI, Folder, Invoke
from factories import write_docx, write_ods, write_xls, write_xlsx
from iso20k_cli.evidence.extract.excel import MAX_ROWS
from iso20k_cli.evidence.model import DocStatus, SectionKind
from test_evidence_formats import read

D = dt.date
NA = 0x2A  # Excel's error code of #N/A


REGISTER: dict[str, list[list[object]]] = {
    "Document control": [["Version", "2.0"], ["Approved by", "Jane Doe"], ["Status", "Approved"]],
    "Incidents": [
        ["Incident register 2026"],
        ["Ref", "Opened", "Closed", "Due date", "Hours", "Breached"],
        ["INC-1", dt.datetime(2026, 8, 3, 9, 15), D(2026, 8, 4), D(2027, 1, 1), 3, False],
        ["INC-2", D(2026, 10, 30), D(2026, 11, 2), D(2027, 1, 1), 2.5, True],
    ],
}


def test_xls_sheets_typed_values_control_and_record_dates(evidence: Folder) -> None:
    write_xls(evidence.root / "incident-register.xls", REGISTER, errors={("Incidents", 3, 6): NA})
    f = read(evidence)["incident-register.xls"]
    assert f.readable and f.format == "xls" and f.error is None
    assert [(s.heading, s.kind, s.caption) for s in f.sections] == [
        ("Document control", SectionKind.SHEET, None),
        ("Incidents", SectionKind.SHEET, "Incident register 2026"),
    ]
    incidents = f.tables[-1]
    assert incidents.header == ("Ref", "Opened", "Closed", "Due date", "Hours", "Breached")
    assert incidents.rows == (
        ("INC-1", "2026-08-03T09:15:00", "2026-08-04", "2027-01-01", "3", "False"),
        ("INC-2", "2026-10-30", "2026-11-02", "2027-01-01", "2.5", "True", "#N/A"),
    )
    assert (f.control.version, f.control.approver, f.control.status) == (
        "2.0",
        "Jane Doe",
        DocStatus.APPROVED,
    )
    # Opened and closed dates count; the due date is a plan, not a record.
    assert f.record_dates == (D(2026, 8, 3), D(2026, 8, 4), D(2026, 10, 30), D(2026, 11, 2))


def test_xls_ods_and_xlsx_of_the_same_rows_read_the_same(evidence: Folder) -> None:
    write_xls(evidence.root / "r.xls", REGISTER)
    write_ods(evidence.root / "r.ods", REGISTER)
    write_xlsx(evidence.root / "r.xlsx", REGISTER)
    files = read(evidence)
    xlsx = files["r.xlsx"]
    for name in ("r.xls", "r.ods"):
        f = files[name]
        assert (f.text, f.tables, f.sections) == (xlsx.text, xlsx.tables, xlsx.sections), name
        assert (f.control, f.record_dates) == (xlsx.control, xlsx.record_dates), name


def test_xls_rows_past_the_limit_still_count_as_entries(evidence: Folder) -> None:
    rows: list[list[object]] = [["Change", "Implemented"]]
    rows += [[f"CHG-{n}", D(2026, 1, 1) + dt.timedelta(days=n % 300)] for n in range(MAX_ROWS + 99)]
    write_xls(evidence.root / "changes.xls", {"Changes": rows})
    f = read(evidence)["changes.xls"]
    (table,) = f.tables
    assert table.row_count == MAX_ROWS + 99
    assert len(table.rows) == MAX_ROWS - 1  # the rows read, under the header
    assert f.record_dates[0] == D(2026, 1, 1) and len(f.record_dates) == 300


def test_an_xlsx_named_xls_is_read_as_a_workbook(evidence: Folder, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "log.xlsx", {"Log": [["Logged", "Id"], [D(2026, 5, 6), 1]]})
    shutil.copy(source, evidence.root / "log.xls")
    f = read(evidence)["log.xls"]
    assert f.readable and f.format == "xls" and f.record_dates == (D(2026, 5, 6),)


def test_damaged_or_foreign_xls_files_say_why(evidence: Folder, tmp_path: Path) -> None:
    whole = write_xls(tmp_path / "ok.xls", REGISTER).read_bytes()
    evidence.add("truncated.xls", whole[: len(whole) // 3])
    evidence.add("text.xls", "Ref\tOpened\nINC-1\t2026-08-03\n")
    evidence.add("empty.xls", b"")
    evidence.add("ole-junk.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    word = write_docx(tmp_path / "w.docx", ["Not a workbook"]).read_bytes()
    evidence.add("word.xls", word)
    files = read(evidence)
    expected = {
        "truncated.xls": "legacy Excel",
        "text.xls": "not a legacy Excel workbook",
        "empty.xls": "not a legacy Excel workbook",
        "ole-junk.xls": "legacy Excel",
        "word.xls": "",
    }
    for name, reason in expected.items():
        f = files[name]
        assert not f.readable and f.read_failure, name
        assert f.error and reason in f.error, (name, f.error)
        assert "Traceback" not in f.error


def test_xlrd_warnings_stay_out_of_the_output(
    cli: Invoke, evidence: Folder, capfd: pytest.CaptureFixture[str]
) -> None:
    # Bytes after the last sector make xlrd warn about the file's size, by default on the
    # process's standard output, where the JSON goes.
    data = write_xls(evidence.root / "x.xls", REGISTER).read_bytes()
    (evidence.root / "incident-log.xls").write_bytes(data + b"\0" * 100)
    (evidence.root / "x.xls").unlink()
    result = cli("check", evidence.root, "--catalogue", MINI, "--as-of", AS_OF, "-f", "json")
    assert "WARNING" not in capfd.readouterr().out
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files["incident-log.xls"]["readable"] is True
    assert files["incident-log.xls"]["last_record"] == "2026-11-02"
