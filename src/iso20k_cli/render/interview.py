"""The interview questionnaire, as Markdown to read and as a workbook to fill in.

The workbook is made for a consultant in a meeting: one row per question with the
clause and who to ask, a list to pick the answer from, room to write the evidence
reference, the interviewee and the date; it prints on landscape pages with the header
repeated. Its header is what ``settings/answers.py`` reads back, so the two share
:data:`~iso20k_cli.settings.answers.COLUMNS`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from iso20k_cli.assess.interview import Question, QuestionKind, Questionnaire
from iso20k_cli.render.report.mdtext import escape_md
from iso20k_cli.render.report.xmltext import xml_safe
from iso20k_cli.render.report.ziputil import normalise_zip
from iso20k_cli.settings.answers import CHOICES, COLUMNS, SHEET

_HEADINGS = {
    QuestionKind.CLAUSE: "Clauses judged by interview",
    QuestionKind.CONDITION: "Whether conditional requirements apply",
    QuestionKind.ITEM: "Gaps an auditor will ask about",
}
_WIDTHS = {
    "question id": 30,
    "clause": 8,
    "question": 70,
    "who to ask": 20,
    "answer": 22,
    "evidence reference": 32,
    "interviewee": 22,
    "date": 12,
    "notes": 40,
}
_INSTRUCTIONS = (
    "Pick the answer from the list: yes, no, not applicable, or exists but undocumented "
    "(the practice is in place but not written down). Leave it empty if the question was "
    "not asked. Then run iso20k check, report or explain with --answers and this file: "
    "answers count as interview evidence, and never replace a mandatory document or record."
)


def _row(question: Question) -> tuple[str | dt.date | None, ...]:
    said = question.answer
    return (
        question.id,
        question.clause,
        question.text,
        question.owner,
        said.label if said else None,
        said.reference if said else None,
        said.interviewee if said else None,
        said.date if said else None,
        said.notes if said else None,
    )


def render_questionnaire_md(questionnaire: Questionnaire) -> str:
    lines = [
        f"# Interview questionnaire: {escape_md(questionnaire.organisation or 'the organisation')}",
        "",
        f"{escape_md(questionnaire.standard)}. Evidence folder "
        f"{escape_md(questionnaire.evidence_dir)}, assessed as of "
        f"{questionnaire.as_of.isoformat()}. {len(questionnaire.questions)} question(s) the "
        "evidence cannot settle.",
        "",
        escape_md(_INSTRUCTIONS),
    ]
    if not questionnaire.questions:
        lines += ["", "The evidence settles every clause and item: nothing is left to ask."]
    for kind, heading in _HEADINGS.items():
        questions = [q for q in questionnaire.questions if q.kind is kind]
        if not questions:
            continue
        lines += ["", f"## {heading}", ""]
        for q in questions:
            where = "" if q.kind is QuestionKind.CLAUSE else f" (clause {escape_md(q.clause)})"
            lines.append(f"### {escape_md(q.id)}{where}")
            lines += ["", escape_md(q.text), "", f"- Who to ask: {escape_md(q.owner)}"]
            said = q.answer
            if said is None:
                lines.append(f"- Answer: ({' / '.join(CHOICES)})")
                lines += ["- Evidence reference:", "- Interviewee:", "- Date:"]
            else:
                lines.append(f"- Answer: {escape_md(said.label)} (interview evidence)")
                lines.append(f"- Evidence reference: {escape_md(said.reference or '')}")
                lines.append(f"- Interviewee: {escape_md(said.interviewee or '')}")
                lines.append(f"- Date: {said.date.isoformat() if said.date else ''}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _text(cell: Cell | MergedCell, value: str) -> None:
    cell.value = xml_safe(value)
    # openpyxl would store "=..." as a formula; text stays text.
    cell.data_type = "s"


def _questions_sheet(sheet: Worksheet, questionnaire: Questionnaire) -> None:
    sheet.title = SHEET
    header_fill = PatternFill("solid", fgColor="DCE3EC")
    answer_fill = PatternFill("solid", fgColor="FFF8DC")
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        _text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS[name]
    answer_column = get_column_letter(COLUMNS.index("answer") + 1)
    date_column = COLUMNS.index("date") + 1
    for row, question in enumerate(questionnaire.questions, start=2):
        for index, value in enumerate(_row(question), start=1):
            cell = sheet.cell(row=row, column=index)
            if isinstance(value, dt.date):
                cell.value = value
            elif value is not None:
                _text(cell, value)
            if index == date_column:
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if index > COLUMNS.index("who to ask") + 1:
                cell.fill = answer_fill  # the cells the consultant fills in
    last_row = max(2, len(questionnaire.questions) + 1)
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Answer",
        error="Pick one of: " + ", ".join(CHOICES),
        showInputMessage=True,
        promptTitle="Answer",
        prompt="yes, no, not applicable, or exists but undocumented",
    )
    choices.add(f"{answer_column}2:{answer_column}{last_row}")
    sheet.add_data_validation(choices)
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 2000-01-01: any real interview date
        allow_blank=True,
        showErrorMessage=True,
        error="A date, such as 2026-09-01",
    )
    dates.add(f"{get_column_letter(date_column)}2:{get_column_letter(date_column)}{last_row}")
    sheet.add_data_validation(dates)
    sheet.freeze_panes = "D2"
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{last_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    footer, header = sheet.oddFooter, sheet.oddHeader
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"
    if header is not None and header.left is not None:
        header.left.text = xml_safe(
            f"Interview questionnaire: {questionnaire.organisation or questionnaire.standard}"
        )


def _about_sheet(sheet: Worksheet, questionnaire: Questionnaire) -> None:
    rows = (
        ("Questionnaire", "Interview questionnaire"),
        ("Standard", questionnaire.standard),
        ("Organisation", questionnaire.organisation or "not stated"),
        ("Evidence folder", questionnaire.evidence_dir),
        ("Assessed as of", questionnaire.as_of.isoformat()),
        ("Questions", str(len(questionnaire.questions))),
        ("How to answer", _INSTRUCTIONS),
    )
    for row, (label, value) in enumerate(rows, start=1):
        _text(sheet.cell(row=row, column=1), label)
        sheet.cell(row=row, column=1).font = Font(bold=True)
        _text(sheet.cell(row=row, column=2), value)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 100


def render_questionnaire_xlsx(questionnaire: Questionnaire) -> bytes:
    workbook = Workbook()
    active = workbook.active
    assert isinstance(active, Worksheet)
    _questions_sheet(active, questionnaire)
    _about_sheet(workbook.create_sheet("About"), questionnaire)
    midnight = dt.datetime.combine(questionnaire.as_of, dt.time())
    props = workbook.properties
    props.title = xml_safe(f"Interview questionnaire: {questionnaire.organisation or ''}".strip())
    props.subject = xml_safe(questionnaire.standard)
    props.created = midnight
    props.modified = midnight
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps "modified" with the current time.
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()
    return normalise_zip(buffer.getvalue(), questionnaire.as_of)
