"""The action plan as CSV and Excel, and the report as Word, read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.text.paragraph import Paragraph

from conftest import AS_OF, Folder, Invoke
from iso20k_cli.render.report.sheets import COLUMNS
from report_helpers import EVIL_PATH, EXAMPLE, FORMULA_PATH, partly_ready, report

HEADER = [c.title for c in COLUMNS]


def style_of(paragraph: Paragraph) -> str:
    """The name of the paragraph's style (python-docx types both as optional)."""
    style = paragraph.style
    assert style is not None
    name: str | None = style.name
    assert name is not None
    return name


@pytest.fixture(scope="module")
def findings() -> list[dict[str, Any]]:
    from typer.testing import CliRunner

    from iso20k_cli.cli import app

    run = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", AS_OF, "-f", "json"])
    result: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    return result


def example_report(cli: Invoke, tmp_path: Path, fmt: str, *extra: str) -> Path:
    target = tmp_path / f"harbourside.{fmt}"
    result = cli("report", EXAMPLE, "--as-of", AS_OF, "-o", target, *extra)
    assert result.exit_code == 0, result.stderr
    return target


def test_csv_has_one_row_per_action(
    cli: Invoke, tmp_path: Path, findings: list[dict[str, Any]]
) -> None:
    raw = example_report(cli, tmp_path, "csv", "--audit-date", "2027-03-01").read_bytes()
    assert raw.startswith(b"Ref,Severity,")
    assert b"\r\n" in raw and raw.count(b"\r\n") == raw.count(b"\n")  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == HEADER
    assert len(rows) == len(findings)
    assert {r["Finding ID"] for r in rows} == {f["id"] for f in findings}
    assert [r["Ref"] for r in rows] == [f"A{n:02d}" for n in range(1, len(rows) + 1)]
    assert all(r["Status"] == "Open" for r in rows)
    first = rows[0]
    assert first["Severity"] == "Major"
    assert first["Target"] == "8 weeks before Stage 1"
    assert first["Due date"] == "2027-01-04"
    assert first["Owner"] and first["Phase"].startswith("Operation")
    observation = next(r for r in rows if r["Severity"] == "Observation")
    assert observation["Due date"] == ""


def test_csv_and_xlsx_keep_formula_like_text_as_text(
    cli: Invoke, evidence: Folder, tmp_path: Path
) -> None:
    partly_ready(evidence)
    rows = list(csv.reader(io.StringIO(report(cli, evidence.root, "-f", "csv").stdout)))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA_PATH in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    target = tmp_path / "plan.xlsx"
    assert report(cli, evidence.root, "-o", target).exit_code == 0
    sheet = openpyxl.load_workbook(target)["Action plan"]
    evidence_cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    formula = [c for c in evidence_cells if str(c.value).startswith("=")]
    assert formula, "the hostile path is in the sheet"
    assert all(c.data_type == "s" for c in formula)  # text, not a formula


def test_xlsx_is_a_tracker_ready_workbook(
    cli: Invoke, tmp_path: Path, findings: list[dict[str, Any]]
) -> None:
    target = example_report(cli, tmp_path, "xlsx", "--audit-date", "2027-03-01")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Action plan", "About"]
    sheet = book["Action plan"]
    header = [c.value for c in sheet[1]]
    assert header == HEADER
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:O{len(findings) + 1}"
    assert sheet.max_row == len(findings) + 1
    assert sheet.column_dimensions["F"].width == 60
    due = sheet.cell(row=2, column=HEADER.index("Due date") + 1)
    assert isinstance(due.value, dt.datetime) and due.value.date() == dt.date(2027, 1, 4)
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Organisation"] == "Harbourside Digital Services Ltd"
    assert about["Assessment date"] == dt.datetime.fromisoformat(AS_OF)
    assert about["Planned Stage 1 audit"] == dt.datetime(2027, 3, 1)
    assert book.properties.created == dt.datetime(2026, 11, 21)
    assert book.properties.modified == dt.datetime(2026, 11, 21)


def test_docx_is_an_editable_report_with_real_structure(
    cli: Invoke, tmp_path: Path, findings: list[dict[str, Any]]
) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(
        (EXAMPLE / ".iso20k.yaml").read_text(encoding="utf-8")
        + "assessor: J. Smith\nreport:\n  accent_colour: '#7B1FA2'\n",
        encoding="utf-8",
    )
    target = example_report(cli, tmp_path, "docx", "--config", str(config))
    document = docx.Document(str(target))
    headings = [
        (style_of(p), p.text) for p in document.paragraphs if style_of(p).startswith("Heading 1")
    ]
    assert [text for _, text in headings] == [
        "1. Executive summary",
        "2. Method",
        "3. Findings by clause",
        "4. Strengths",
        "5. Action plan",
        "6. Evidence index",
    ]
    clause_headings = [
        p.text
        for p in document.paragraphs
        if style_of(p) == "Heading 2" and p.text.startswith("Clause ")
    ]
    assert [h.split()[1] for h in clause_headings] == ["4", "5", "6", "7", "8", "9", "10"]
    titles = [p.text for p in document.paragraphs if style_of(p) == "Title"]
    assert titles == ["Readiness assessment for certification: Harbourside Digital Services Ltd"]
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Ref")
    assert len(plan.rows) == len(findings) + 1
    assert [c.text for c in plan.rows[0].cells][-1] == "Target"
    # The header row repeats on every page, and is bold.
    assert plan.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert all(r.bold for c in plan.rows[0].cells for r in c.paragraphs[0].runs)
    props = document.core_properties
    assert props.title == "Readiness assessment for certification: Harbourside Digital Services Ltd"
    assert props.author == "J. Smith" and props.last_modified_by == "J. Smith"
    assert props.subject.startswith("ISO/IEC 20000-1:2018")
    assert "gap analysis" in props.keywords
    assert props.created == dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_docx_keeps_hostile_names_as_text(cli: Invoke, evidence: Folder, tmp_path: Path) -> None:
    partly_ready(evidence)
    evidence.add("bad\x01name.md", "# Control character in the name\n")
    target = tmp_path / "r.docx"
    result = report(cli, evidence.root, "-o", target)
    assert result.exit_code == 0, result.stderr
    cells = [c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells]
    assert EVIL_PATH in cells
    assert "bad\ufffdname.md" in cells


def test_office_files_have_fixed_timestamps(cli: Invoke, tmp_path: Path) -> None:
    for fmt in ("docx", "xlsx"):
        with zipfile.ZipFile(example_report(cli, tmp_path, fmt)) as archive:
            assert {i.date_time for i in archive.infolist()} == {(2026, 11, 21, 0, 0, 0)}
