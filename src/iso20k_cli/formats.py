"""The format names the commands accept: enums only.

The command line declares its options with these before any command runs, so this
module imports nothing but the standard library; the renderers the names stand for
are loaded only by the command that uses them (see cli.py).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class OutputFormat(StrEnum):
    """``iso20k check --format``; each is rendered by render/formats.py."""

    TABLE = "table"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    MD = "md"


class DiffFormat(StrEnum):
    """``iso20k diff --format``."""

    TEXT = "text"
    JSON = "json"


class ReportFormat(StrEnum):
    """``iso20k report --format``; each is rendered by render/report/."""

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
