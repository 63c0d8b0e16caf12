"""The action-plan workbook prints as a client would print it and keeps figures as numbers."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from conftest import AS_OF, Invoke
from iso20k_cli.render.report.sheets import COLUMNS, wrapped_lines
from report_helpers import EXAMPLE


def _workbook(cli: Invoke, tmp_path: Path) -> tuple[openpyxl.Workbook, dict[str, Any]]:
    target = tmp_path / "plan.xlsx"
    result = cli("report", EXAMPLE, "--as-of", AS_OF, "-o", target)
    assert result.exit_code == 0, result.stderr
    check = cli("check", EXAMPLE, "--as-of", AS_OF, "-f", "json")
    return openpyxl.load_workbook(target), json.loads(check.stdout)


def test_action_plan_prints_landscape_one_page_wide_with_its_header_on_every_page(
    cli: Invoke, tmp_path: Path
) -> None:
    book, _ = _workbook(cli, tmp_path)
    sheet = book["Action plan"]
    assert isinstance(sheet, Worksheet)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr is not None
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.freeze_panes == "B2"
    assert all(sheet.column_dimensions[c].width >= 7 for c in "ABCDEFGHIJKLMNO")


def test_every_wrapped_row_is_tall_enough_for_its_longest_cell(cli: Invoke, tmp_path: Path) -> None:
    book, _ = _workbook(cli, tmp_path)
    sheet = book["Action plan"]
    assert isinstance(sheet, Worksheet)
    tall = 0
    for row in range(2, sheet.max_row + 1):
        height = sheet.row_dimensions[row].height
        assert height is not None, f"row {row} has no height"
        needed = 1
        for index, column in enumerate(COLUMNS, start=1):
            value = sheet.cell(row=row, column=index).value
            if column.wrap and isinstance(value, str):
                # At least one line per started column width of text, however it wraps.
                needed = max(needed, math.ceil(len(value) / column.width))
                assert sheet.cell(row=row, column=index).alignment.wrap_text
        assert height >= needed * 15, f"row {row}: {height}pt for {needed} lines"
        tall += height > 15
    assert tall, "some action in the example wraps onto several lines"


def test_wrapped_lines_counts_word_wrapping_and_long_words() -> None:
    assert wrapped_lines("short", 10) == 1
    assert wrapped_lines("one two three", 8) == 2  # "one two" / "three"
    assert wrapped_lines("a" * 25, 10) == 3  # a path longer than the column
    assert wrapped_lines("first\nsecond", 40) == 2


def test_about_sheet_stores_counts_and_score_as_numbers(cli: Invoke, tmp_path: Path) -> None:
    book, result = _workbook(cli, tmp_path)
    about = book["About"]
    assert isinstance(about, Worksheet)
    cells = {row[0].value: row[1] for row in about.iter_rows()}
    score = cells["Overall readiness (out of 100)"]
    assert score.data_type == "n" and score.number_format == "0.0"
    assert score.value == round(result["score"], 1)
    severities = [f["severity"] for f in result["findings"] if f.get("accepted") is None]
    for label, severity in (("Major", "major"), ("Minor", "minor"), ("Observation", "observation")):
        cell = cells[f"{label} findings"]
        assert cell.data_type == "n" and cell.number_format == "0"
        assert cell.value == severities.count(severity)
    date = cells["Assessment date"]
    assert isinstance(date.value, dt.datetime) and date.number_format == "yyyy-mm-dd"
    assert date.value == dt.datetime.fromisoformat(AS_OF)
    # What is not known is left out, as on the report's cover; the folder goes by its name.
    assert "Planned Stage 1 audit" not in cells and "Assessor" not in cells
    assert cells["Evidence folder"].value == "harbourside"
    requirements, met = cells["Requirements"].value, cells["Requirements met"].value
    assert isinstance(requirements, int) and isinstance(met, int)
    assert 0 < met <= requirements
