"""The report as an editable Word document: real headings, tables and core properties.

Consultants edit the report before it goes to the client, so the document uses
Word's own styles (Title, Heading 1-3, List Bullet, and the report's table style from
``docx_style.py``) rather than direct formatting, and tables repeat their header row on
every page. The summary shows the HTML report's gauge and readiness-by-clause chart,
drawn from the same layout as PNG images (``chart_png.py``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from iso20k_cli.assess.model import Severity, Status
from iso20k_cli.render.palette import SEVERITY_ROLE, STATUS_ROLE
from iso20k_cli.render.report import chart_png, charts, docx_style
from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.view import ClauseSection, ReportView
from iso20k_cli.render.report.xmltext import xml_safe
from iso20k_cli.render.report.ziputil import normalise_zip
from iso20k_cli.render.wording import agree, plural

STATUS_MARK = {
    Status.MET: "✓",
    Status.PARTIAL: "◐",
    Status.MISSING: "✗",
    Status.NOT_APPLICABLE: "–",
    Status.NOT_ASSESSED: "○",
}
SEVERITY_MARK = {Severity.MAJOR: "▲", Severity.MINOR: "△", Severity.OBSERVATION: "○"}
# Column widths in millimetres: 170 fit a portrait A4 page, 257 a landscape one.
SEVERITY_WIDTHS = (32, 22, 116)
CLAUSE_WIDTHS = (18, 98, 22, 32)
ITEM_WIDTHS = (40, 28, 24, 78)
ACTION_WIDTHS = (12, 24, 42, 64, 58, 27, 30)
INTERVIEW_WIDTHS = (40, 40, 22, 40, 30, 30)
FILE_WIDTHS = (62, 17, 50, 70, 58)
# The charts' widths on the page: the gauge beside nothing, the bars the text's width.
GAUGE_WIDTH, BARS_WIDTH = 55, 170
# python-docx embeds raster images only; an SVG logo is left out of the Word report.
_RASTER = ("image/png", "image/jpeg")


def _new_row(table: Table) -> tuple[_Cell, ...]:
    row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped
    return tuple(row.cells)


def _widths(table: Table, widths: Sequence[int]) -> None:
    # Word reads the width of each cell, LibreOffice that of the grid column: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


class _Writer:
    def __init__(self, view: ReportView, context: ReportContext) -> None:
        self.view = view
        self.context = context
        self.doc: DocxDocument = Document()

    # Building blocks -----------------------------------------------------------

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph: Paragraph = self.doc.add_heading(xml_safe(text), level=level)
        return paragraph

    def para(self, text: str = "", style: str | None = None, bold_lead: str = "") -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if bold_lead:
            paragraph.add_run(xml_safe(bold_lead)).bold = True
        if text:
            paragraph.add_run(xml_safe(text))
        return paragraph

    def bullet(self, text: str, bold_lead: str = "") -> Paragraph:
        return self.para(text, style="List Bullet", bold_lead=bold_lead)

    def fields(self, rows: Sequence[tuple[str, str]]) -> Table:
        """A two-column table of labels and values, without a header row."""
        table: Table = self.doc.add_table(rows=0, cols=2)
        docx_style.style_table(table, header=False)
        for label, value in rows:
            cells = _new_row(table)
            cells[0].paragraphs[0].add_run(xml_safe(label)).bold = True
            cells[1].text = xml_safe(value)
        _widths(table, (45, 125))
        return table

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int],
        numbers: Sequence[int] = (),
        statuses: tuple[int, Sequence[Status]] | None = None,
    ) -> Table:
        """A table with a bold header row; ``widths`` in millimetres, one per column; the
        columns ``numbers`` (by index) aligned right, as the HTML's number columns are;
        ``statuses`` (a column, and each row's status) writes that column in the status's
        colour, as the HTML's badges are."""
        table: Table = self.doc.add_table(rows=1, cols=len(headers))
        docx_style.style_table(table, header=True)
        header = table.rows[0]
        # Repeat the header row on every page the table spans.
        properties = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for cell, text in zip(header.cells, headers, strict=True):
            run = cell.paragraphs[0].add_run(xml_safe(text))
            # The style says so too, but LibreOffice keeps the body's ink in a header row.
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        for number, values in enumerate(rows):
            cells = _new_row(table)
            for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
                if statuses is not None and column == statuses[0]:
                    run = cell.paragraphs[0].add_run(xml_safe(text))
                    run.bold = True
                    run.font.color.rgb = docx_style.rgb(STATUS_ROLE[statuses[1][number]].ink)
                else:
                    cell.text = xml_safe(text)
        for row in table.rows:
            for index in numbers:
                row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _widths(table, widths)
        return table

    def status_run(self, paragraph: Paragraph, status: Status, label: str) -> None:
        run = paragraph.add_run(f"{STATUS_MARK[status]} {label}")
        run.bold = True
        run.font.color.rgb = docx_style.rgb(STATUS_ROLE[status].ink)

    def severity_run(self, paragraph: Paragraph, severity: Severity, label: str) -> None:
        run = paragraph.add_run(f"{SEVERITY_MARK[severity]} {label}")
        run.bold = True
        run.font.color.rgb = docx_style.rgb(SEVERITY_ROLE[severity].ink)

    def chart(self, chart: charts.Chart, width: int) -> None:
        """``chart`` as an image ``width`` millimetres wide, described for a screen reader."""
        self.doc.add_picture(io.BytesIO(chart_png.render(chart)), width=Mm(width))
        picture = self.doc.inline_shapes[-1]
        picture._inline.docPr.set("descr", xml_safe(chart.label))
        picture._inline.docPr.set("title", xml_safe(chart.label))

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Sections ------------------------------------------------------------------

    def page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
        docx_style.apply(self.doc, self.context.branding.accent_ink)

    def landscape(self) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)

    def cover(self) -> None:
        cover = self.view.cover
        logo = self.context.branding.logo
        if logo is not None and logo.mime in _RASTER:
            self.doc.add_picture(io.BytesIO(logo.data), height=Mm(18))
        title = cover.title + (f": {cover.organisation}" if cover.organisation else "")
        self.doc.add_heading(xml_safe(title), level=0)
        self.para(cover.standard)
        self.fields(
            [(row.label, row.value + (f" ({row.note})" if row.note else "")) for row in cover.rows]
        )
        self.page_break()

    def summary(self) -> None:
        s = self.view.summary
        self.heading("1. Executive summary", 1)
        self.para(s.conclusion)
        self.chart(charts.gauge(s.score), GAUGE_WIDTH)
        span = (
            f" Records of operation cover {plural(s.records_span_days, 'day')} "
            "(certification bodies "
            f"usually expect about {s.min_records_span_days} before Stage 2)."
            if s.records_span_days is not None
            else " No dated records of operation were found."
        )
        self.para(
            f" {s.mandatory_met} of the {s.mandatory} mandatory documents and records are in "
            f"place and pass their checks; {s.requirements_met} of {s.requirements} "
            f"requirements in all are met.{span}",
            bold_lead=f"Overall readiness: {s.score_text}.",
        )
        for stage in s.stages:
            heading = self.heading(f"{stage.name} ({stage.purpose}): ", 2)
            self.status_run(heading, Status.MET if stage.ready else Status.MISSING, stage.verdict)
            for reason in stage.reasons or ("No blocker was found.",):
                self.bullet(reason)
        self.heading("Findings by severity", 2)
        self.table(
            ("Severity", "Findings", "What it means at a certification audit"),
            [(f"{SEVERITY_MARK[c.severity]} {c.label}", str(c.count), c.meaning) for c in s.counts],
            SEVERITY_WIDTHS,
            numbers=(1,),
        )
        self.heading("The gaps that matter most", 2)
        if not s.top_gaps:
            self.para("No nonconformity is expected: no major or minor finding remains.")
        for gap in s.top_gaps:
            paragraph = self.doc.add_paragraph(style="List Number")
            self.severity_run(paragraph, gap.severity, gap.severity_label)
            paragraph.add_run(xml_safe(f" {gap.clause or 'file'} {gap.requirement}: ")).bold = True
            paragraph.add_run(
                xml_safe(f"{gap.message}. Action {gap.action_ref}: {gap.recommendation}")
            )
        self.heading("Readiness by clause", 2)
        self.chart(charts.clause_bars(s.clauses), BARS_WIDTH)
        self.table(
            ("Clause", "Title", "Score", "Status"),
            [
                (c.id, c.title, c.score_text, f"{STATUS_MARK[c.status]} {c.status_label}")
                for c in s.clauses
            ],
            CLAUSE_WIDTHS,
            numbers=(2,),
            statuses=(3, [c.status for c in s.clauses]),
        )

    def method(self) -> None:
        self.page_break()
        self.heading("2. Method", 1)
        for part in self.view.method:
            self.heading(part.heading, 2)
            for paragraph in part.paragraphs:
                self.para(paragraph)
            for bullet in part.bullets:
                self.bullet(bullet)

    def clause(self, section: ClauseSection) -> None:
        head = self.heading(
            f"Clause {section.clause.id} {section.clause.title}: {section.clause.score_text} ", 2
        )
        self.status_run(head, section.clause.status, section.clause.status_label)
        if section.rows:
            self.table(
                ("Clause", "Title", "Score", "Status"),
                [
                    (r.id, r.title, r.score_text, f"{STATUS_MARK[r.status]} {r.status_label}")
                    for r in section.rows
                ],
                CLAUSE_WIDTHS,
                numbers=(2,),
                statuses=(3, [r.status for r in section.rows]),
            )
        for block in section.blocks:
            head = self.heading(
                f"{block.clause.id} {block.clause.title}: {block.clause.score_text} ", 3
            )
            self.status_run(head, block.clause.status, block.clause.status_label)
            rows = []
            for item in block.items:
                evidence = "; ".join(f"{e.path}, {e.how}: {e.detail}" for e in item.evidence_shown)
                if item.evidence_more:
                    evidence += f" and {item.evidence_more} more (see the evidence index)"
                checks = "; ".join(f"{'✓' if c.passed else '✗'} {c.message}" for c in item.checks)
                text = evidence or "None found."
                if checks:
                    text += f"\nChecks: {checks}"
                if item.justification:
                    text += f"\nNot applicable: {item.justification}"
                rows.append(
                    (
                        item.title,
                        f"{item.requirement_label} {item.kind_label.lower()}",
                        f"{STATUS_MARK[item.status]} {item.status_label}",
                        text,
                    )
                )
            self.table(
                ("Requirement", "Type", "Status", "Evidence and checks"),
                rows,
                ITEM_WIDTHS,
                statuses=(2, [item.status for item in block.items]),
            )
            for f in block.findings:
                paragraph = self.doc.add_paragraph()
                self.severity_run(paragraph, f.severity, f.severity_label)
                paragraph.add_run(xml_safe(f" ({f.action_ref or 'accepted'}) {f.message}."))
                self.para(f.recommendation, bold_lead="Recommendation: ")
                if f.acceptance:
                    self.para(f.acceptance)
                if f.basis:
                    self.para(f"Note: {f.basis}.").runs[0].italic = True
        if section.interview:
            names = "; ".join(f"{c.id} {c.title}" for c in section.interview)
            self.para(f"Judged by interview, with no documented information to examine: {names}.")

    def clauses(self) -> None:
        self.page_break()
        self.heading("3. Findings by clause", 1)
        for section in self.view.clauses:
            self.clause(section)

    def strengths(self) -> None:
        self.page_break()
        self.heading("4. Strengths", 1)
        if not self.view.strengths:
            self.para("No requirement is fully met yet.")
            return
        self.para(
            "What is already in place, as an auditor would recognise it. A clause listed here "
            "has every expected document and record in place, and each passed the checks that "
            "apply to it (such as approval, review date, record age and coverage)."
        )
        for s in self.view.strengths:
            more = f" and {s.more} more (see the evidence index)" if s.more else ""
            evidence = f" Evidence: {', '.join(s.shown)}{more}." if s.paths else ""
            self.bullet(f" {s.statement}{evidence}", bold_lead=f"{s.heading}.")

    def plan(self) -> None:
        self.landscape()
        plan = self.view.plan
        self.heading("5. Action plan", 1)
        self.para(plan.intro)
        if plan.starters:
            self.para(plan.starters)
        self.accepted()
        if not plan.actions:
            self.para("No action is needed.")
            return
        self.table(
            ("Ref", "Severity", "Clause and requirement", "Finding", "Action", "Owner", "Target"),
            [
                (
                    a.ref,
                    f"{SEVERITY_MARK[a.severity]} {a.severity_label}",
                    f"{a.clause or 'file'} {a.requirement}",
                    a.finding,
                    a.action,
                    a.owner,
                    a.target.display,
                )
                for a in plan.actions
            ],
            ACTION_WIDTHS,
        )

    def accepted(self) -> None:
        if not self.view.accepted:
            return
        self.para(
            "Findings the organisation has accepted are not actions and are not counted: "
            + "; ".join(
                f"{f.clause or 'file'} {f.requirement} ({f.acceptance})" for f in self.view.accepted
            )
            + "."
        )

    def evidence(self) -> None:
        index = self.view.evidence
        self.page_break()
        self.heading("6. Evidence index", 1)
        self.para(
            f"{plural(len(index.files), 'file')} {agree(len(index.files), 'was', 'were')} "
            f"examined: {index.used} used as evidence, "
            f"{index.unused} not used, {len(index.unreadable)} whose content could not be read."
        )
        self.table(
            ("File", "Format", "Title", "Used as evidence of", "Notes"),
            [
                (
                    f.path,
                    f.format,
                    f.title or "",
                    "; ".join(f.used_for) or "not used",
                    ("Not read. " if not f.readable else "") + "; ".join(f.notes),
                )
                for f in index.files
            ],
            FILE_WIDTHS,
        )
        if index.findings:
            self.heading("Findings about files", 2)
            for f in index.findings:
                ref = f.action_ref or "accepted"
                self.bullet(f" ({ref}) {f.message}. {f.recommendation}", f.severity_label)
        self.interview()

    def interview(self) -> None:
        heard = self.view.interview
        if heard is None:
            return
        self.heading("Interview evidence", 2)
        self.para(f"{heard.summary}. Each answer is listed with what it settled.")
        self.table(
            ("Question", "About", "Answer", "Effect", "Interviewee, date", "Evidence reference"),
            [
                (
                    f"{r.question} ({r.source})",
                    f"{r.clause or ''} {r.subject}".strip(),
                    r.answer,
                    r.effect,
                    ", ".join(
                        x for x in (r.interviewee, r.date.isoformat() if r.date else "") if x
                    ),
                    r.reference,
                )
                for r in heard.rows
            ],
            INTERVIEW_WIDTHS,
        )

    def properties(self) -> None:
        cover = self.view.cover
        midnight = dt.datetime.combine(cover.as_of, dt.time(), tzinfo=dt.UTC)
        props = self.doc.core_properties
        props.title = xml_safe(
            cover.title + (f": {cover.organisation}" if cover.organisation else "")
        )
        props.subject = xml_safe(cover.standard)
        props.author = xml_safe(cover.assessor or "iso20k")
        props.last_modified_by = xml_safe(cover.assessor or "iso20k")
        props.keywords = xml_safe(
            "; ".join((*cover.keywords, "gap analysis", "readiness", "certification"))
        )
        props.category = "Gap analysis report"
        props.comments = f"Produced with iso20k {cover.tool_version}, as of {cover.as_of}."
        props.created = midnight
        props.modified = midnight
        props.revision = 1

    def build(self) -> bytes:
        self.page_setup()
        self.properties()
        self.cover()
        self.summary()
        self.method()
        self.clauses()
        self.strengths()
        self.plan()
        self.evidence()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return normalise_zip(buffer.getvalue(), self.view.cover.as_of)


def render_docx(view: ReportView, context: ReportContext) -> bytes:
    return _Writer(view, context).build()
