"""The gap-analysis report in every format, each rendered from the same ReportView."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.report.view import ReportView


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    CSV = "csv"
    XLSX = "xlsx"

    @property
    def binary(self) -> bool:
        return self in (ReportFormat.DOCX, ReportFormat.XLSX)

    @classmethod
    def from_suffix(cls, path: Path) -> ReportFormat | None:
        """The format a file name asks for (``report.docx``), if any."""
        return _SUFFIXES.get(path.suffix.lower())


_SUFFIXES = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".docx": ReportFormat.DOCX,
    ".csv": ReportFormat.CSV,
    ".xlsx": ReportFormat.XLSX,
}

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
