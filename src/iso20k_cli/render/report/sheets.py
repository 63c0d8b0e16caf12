"""The action plan as a spreadsheet (CSV or Excel): one row per action, for tracking.

Consultants track actions in spreadsheets, so every row carries what a tracker
needs on its own: the finding, the action, owner, target and an open status.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from iso20k_cli.render.palette import SEVERITY_ROLE
from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.plan import Action
from iso20k_cli.render.report.strengths import EVIDENCE_LISTED
from iso20k_cli.render.report.view import ReportView
from iso20k_cli.render.report.xmltext import xml_safe
from iso20k_cli.render.report.ziputil import normalise_zip
from iso20k_cli.render.wording import NO_CONFIGURATION, listed


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    wrap: bool = False


COLUMNS = (
    Column("Ref", 7),
    Column("Severity", 13),
    Column("Clause", 9),
    Column("Clause title", 30, wrap=True),
    Column("Requirement", 34, wrap=True),
    Column("Finding", 60, wrap=True),
    Column("Action", 60, wrap=True),
    Column("Owner", 24, wrap=True),
    Column("Phase", 24, wrap=True),
    Column("Target", 30, wrap=True),
    Column("Due date", 12),
    Column("Evidence", 40, wrap=True),
    Column("Basis", 40, wrap=True),
    Column("Finding ID", 30),
    Column("Status", 9),
)
OPEN = "Open"


def action_row(action: Action) -> tuple[str | dt.date | None, ...]:
    return (
        action.ref,
        action.severity_label,
        action.clause or "",
        action.clause_title,
        action.requirement,
        action.finding,
        action.action,
        action.owner,
        action.phase.name,
        action.target.text,
        action.target.due,
        # A row stays printable; the JSON result and the report's evidence index list all.
        listed(action.paths, "; ", EVIDENCE_LISTED),
        action.basis or "",
        action.finding_id,
        OPEN,
    )


# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    # Text from evidence (a file named "=HYPERLINK(...)") must stay text.
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(view: ReportView, context: ReportContext) -> str:
    """RFC 4180: comma-separated, double quotes where needed, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.title for c in COLUMNS])
    for action in view.plan.actions:
        writer.writerow([_csv_cell(v) for v in action_row(action)])
    return buffer.getvalue()


def _text(cell: Cell | MergedCell, value: str) -> None:
    cell.value = xml_safe(value)
    # openpyxl would store "=..." as a formula; evidence text must stay text.
    cell.data_type = "s"


# Excel's default row height in points for one line of 11-point Calibri, and the
# characters of ordinary text a column of width 1 holds (widths count the digit 0, wider
# than most letters, so 1.0 over-estimates lines a little: a row a bit tall, never text
# hidden under the next row).
LINE_POINTS = 15.0
CHARS_PER_WIDTH = 1.0
# Excel's own limit on a row's height.
MAX_ROW_POINTS = 409.0


def wrapped_lines(text: str, width: float) -> int:
    """The lines ``text`` takes wrapped at word boundaries in a column ``width`` wide."""
    room = max(1, int(width * CHARS_PER_WIDTH))
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size <= room:
                used += 1 + size
                continue
            if used:
                count += 1
            # A word longer than the column (a path) breaks across lines of its own.
            count += (size - 1) // room if size else 0
            used = size - ((size - 1) // room) * room if size else 0
        lines += count
    return max(1, lines)


def row_height(values: tuple[object, ...], columns: tuple[Column, ...]) -> float:
    """Height for a row of wrapped cells: Excel does not size rows written by a library."""
    lines = 1
    for column, value in zip(columns, values, strict=True):
        if column.wrap and isinstance(value, str) and value:
            lines = max(lines, wrapped_lines(value, column.width))
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + 3)


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, all columns on the width of one page, the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def _fill(hex_colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=hex_colour.lstrip("#").upper())


SEVERITY_COLUMN = 2


def _action_sheet(sheet: Worksheet, view: ReportView) -> None:
    sheet.title = "Action plan"
    header_fill = PatternFill("solid", fgColor="DCE3EC")
    header = tuple(column.title for column in COLUMNS)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        _text(cell, column.title)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = row_height(header, COLUMNS)
    for row, action in enumerate(view.plan.actions, start=2):
        values = action_row(action)
        for index, (column, value) in enumerate(zip(COLUMNS, values, strict=True), 1):
            cell = sheet.cell(row=row, column=index)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            elif value is not None:
                _text(cell, value)
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
        # The severity in the colours it has in every other format.
        role = SEVERITY_ROLE[action.severity]
        severity = sheet.cell(row=row, column=SEVERITY_COLUMN)
        severity.fill = _fill(role.background)
        severity.font = Font(bold=True, color=role.ink.lstrip("#").upper())
        sheet.row_dimensions[row].height = row_height(values, COLUMNS)
    sheet.freeze_panes = "B2"
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(view.plan.actions) + 1)}"
    _print_setup(sheet)


# Number formats of the About sheet's figures: a score with one decimal, whole counts.
SCORE_FORMAT = "0.0"
COUNT_FORMAT = "0"
DATE_FORMAT = "yyyy-mm-dd"


def _about_sheet(sheet: Worksheet, view: ReportView) -> None:
    cover, summary = view.cover, view.summary
    # As the cover does: what is not known is left out, the scope is said to be missing,
    # and the evidence folder is named by its own name, not by the path as typed.
    shown = {row.label: row.value for row in cover.rows}
    known: list[tuple[str, str | dt.date | None]] = [
        ("Organisation", cover.organisation),
        ("Scope", shown.get("Scope")),
        ("Assessment date", cover.as_of),
        ("Planned Stage 1 audit", cover.audit_date),
        ("Assessor", cover.assessor),
        ("Evidence folder", shown.get("Evidence folder", cover.evidence_dir)),
    ]
    rows: list[tuple[str, str | float | int | dt.date, str | None]] = [
        ("Report", cover.title, None),
        ("Standard", cover.standard, None),
        *(
            (label, value, DATE_FORMAT if isinstance(value, dt.date) else None)
            for label, value in known
            if value
        ),
        ("Catalogue", cover.catalogue, None),
        ("Configuration", cover.configuration or NO_CONFIGURATION, None),
        ("Tool", f"iso20k {cover.tool_version}", None),
        # Figures are numbers, so that a tracker can sum, compare or chart them.
        ("Overall readiness (out of 100)", round(summary.score, 1), SCORE_FORMAT),
        *((f"{s.name} ({s.purpose})", s.verdict, None) for s in summary.stages),
        *((f"{c.label} findings", c.count, COUNT_FORMAT) for c in summary.counts),
        ("Requirements", summary.requirements, COUNT_FORMAT),
        ("Requirements met", summary.requirements_met, COUNT_FORMAT),
        ("Mandatory documents and records", summary.mandatory, COUNT_FORMAT),
        ("Mandatory documents and records in place", summary.mandatory_met, COUNT_FORMAT),
        (
            "Note",
            "Observations are not nonconformities: no action is required before certification.",
            None,
        ),
    ]
    for row, (label, value, number_format) in enumerate(rows, start=1):
        _text(sheet.cell(row=row, column=1), label)
        sheet.cell(row=row, column=1).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2)
        if isinstance(value, str):
            _text(cell, value)
        else:
            cell.value = value
            cell.number_format = number_format or "General"
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 90
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


INTERVIEW_COLUMNS = (
    Column("Question", 30),
    Column("Clause", 9),
    Column("About", 40, wrap=True),
    Column("Answer", 22),
    Column("Effect", 50, wrap=True),
    Column("Interviewee", 22, wrap=True),
    Column("Date", 12),
    Column("Evidence reference", 32, wrap=True),
    Column("Recorded in", 24),
)


def _interview_sheet(sheet: Worksheet, view: ReportView) -> None:
    """The answers given at interview: testimony, kept apart from the documents' actions."""
    heard = view.interview
    assert heard is not None
    for index, column in enumerate(INTERVIEW_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        _text(cell, column.title)
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row, r in enumerate(heard.rows, start=2):
        values = (
            r.question,
            r.clause or "",
            r.subject,
            r.answer,
            r.effect,
            r.interviewee,
            r.date,
            r.reference,
            r.source,
        )
        for index, (column, value) in enumerate(zip(INTERVIEW_COLUMNS, values, strict=True), 1):
            cell = sheet.cell(row=row, column=index)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            elif value:
                _text(cell, value)
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
        sheet.row_dimensions[row].height = row_height(values, INTERVIEW_COLUMNS)
    note = sheet.cell(row=len(heard.rows) + 3, column=1)
    _text(note, f"{heard.summary}.")
    sheet.freeze_panes = "B2"
    _print_setup(sheet)


def render_xlsx(view: ReportView, context: ReportContext) -> bytes:
    workbook = Workbook()
    active = workbook.active
    assert isinstance(active, Worksheet)
    _action_sheet(active, view)
    _about_sheet(workbook.create_sheet("About"), view)
    if view.interview is not None:
        _interview_sheet(workbook.create_sheet("Interview evidence"), view)
    midnight = dt.datetime.combine(view.cover.as_of, dt.time())
    props = workbook.properties
    # The document properties are XML too, and the names come from the configuration.
    props.title = xml_safe(f"Action plan: {view.cover.organisation or view.cover.standard}")
    props.subject = xml_safe(view.cover.standard)
    props.creator = xml_safe(view.cover.assessor or "iso20k")
    props.lastModifiedBy = xml_safe(view.cover.assessor or "iso20k")
    props.keywords = xml_safe("; ".join((*view.cover.keywords, "action plan", "gap analysis")))
    props.created = midnight
    props.modified = midnight
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps "modified" with the current time.
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()  # closes the archive
    return normalise_zip(buffer.getvalue(), view.cover.as_of)
