"""The gap-analysis report: its view-model and every format that renders it.

The view-model (``view``, ``plan``, ``gaps``, ``strengths``, ``method``, ``labels``,
``branding``) is made of pure functions of an Assessment; every report format
(Markdown, HTML, Word, CSV, Excel) renders the same :class:`~.view.ReportView`, so
that they never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from iso20k_cli.formats import ReportFormat as ReportFormat  # declared light, for the CLI
from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.view import ReportView

Renderer = Callable[[ReportView, ReportContext], str | bytes]


def renderer(report_format: ReportFormat) -> Renderer:
    """The renderer of one format, imported only when that format is asked for."""
    if report_format is ReportFormat.MD:
        from iso20k_cli.render.report.md_report import render_markdown

        return render_markdown
    if report_format is ReportFormat.HTML:
        from iso20k_cli.render.report.html_report import render_html

        return render_html
    if report_format is ReportFormat.DOCX:
        from iso20k_cli.render.report.docx_report import render_docx

        return render_docx
    if report_format is ReportFormat.CSV:
        from iso20k_cli.render.report.sheets import render_csv

        return render_csv
    from iso20k_cli.render.report.sheets import render_xlsx

    return render_xlsx


def render_report(
    view: ReportView, report_format: ReportFormat, context: ReportContext
) -> str | bytes:
    return renderer(report_format)(view, context)
