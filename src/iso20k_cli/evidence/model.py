"""What the tool knows about each evidence file."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class DocStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"


class DocumentControl(BaseModel):
    """Document-control fields, from front-matter (and later from Office or PDF metadata)."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | None = None
    version: str | None = None
    owner: str | None = None
    approver: str | None = None
    status: DocStatus | None = None
    status_text: str | None = None
    approved: dt.date | None = None
    review_due: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self == DocumentControl()


class EvidenceFile(BaseModel):
    """One file of the evidence folder and what could be read from it."""

    model_config = ConfigDict(frozen=True)

    path: str
    """Relative to the evidence folder, with ``/`` separators."""
    format: str
    size: int
    readable: bool
    error: str | None = None
    title: str | None = None
    title_source: str | None = None
    text: str = ""
    control: DocumentControl = DocumentControl()
    record_dates: tuple[dt.date, ...] = ()
    declared: tuple[str, ...] = ()
    """Clause or item ids the file declares it satisfies (``iso20k: {satisfies: …}``)."""
    warnings: tuple[str, ...] = ()
    read_failure: bool = False
    """The file should have been readable but is damaged, encrypted, too large or a link."""

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        name = self.name
        return name.rsplit(".", 1)[0] if "." in name[1:] else name
