"""What the tool knows about each evidence file."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from iso20k_cli.evidence.dates import DateOrder


class DocStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"


class ControlSource(StrEnum):
    """Where a document-control field was read, most trusted first."""

    MANIFEST = "evidence manifest"
    FRONT_MATTER = "front-matter"
    CONTROL_BLOCK = "control block"
    REVISION_HISTORY = "revision history"
    SIGNATURE_BLOCK = "signature block"
    PROPERTIES = "document properties"
    GIT = "git"
    """The file's last commit in the repository's history (``--git``)."""


class DocumentControl(BaseModel):
    """Document-control fields: from the evidence manifest, front-matter, what the document
    says (a control block, a revision history, a signature block), Office or PDF
    properties and, last, with ``--git``, the file's last commit."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | None = None
    version: str | None = None
    owner: str | None = None
    approver: str | None = None
    status: DocStatus | None = None
    status_text: str | None = None
    approved: dt.date | None = None
    review_due: dt.date | None = None
    revised: dt.date | None = None
    """When the document was last revised or reviewed ("Last reviewed: …", the date of a
    revision-history row that nobody approved): a review, not an approval."""
    review_months: int | None = None
    """The review cycle the document states ("Review frequency: annual"), in months."""
    # A factory, not a default of {}: pydantic deep-copies a default on every instance,
    # and several are made for every file read.
    sources: dict[str, ControlSource] = Field(default_factory=dict)
    """Where each field set was read, by field name."""

    @property
    def is_empty(self) -> bool:
        return self.model_dump(exclude={"sources"}) == DocumentControl().model_dump(
            exclude={"sources"}
        )

    def tagged(self, source: ControlSource) -> DocumentControl:
        """This control with ``source`` recorded for each field set that has none yet."""
        # The fields' own values, as model_dump gives them (none is a model), without
        # its cost: this runs several times on every file.
        fields = [
            k
            for k, v in self.__dict__.items()
            if v is not None and k not in ("sources", "status_text")
        ]
        if all(k in self.sources for k in fields):
            return self  # nothing to tag (most often an empty control): the same control
        return self.model_copy(update={"sources": dict.fromkeys(fields, source) | self.sources})


class SectionKind(StrEnum):
    HEADING = "heading"
    SHEET = "sheet"
    SLIDE = "slide"


class Section(BaseModel):
    """A part of a document an auditor would point at: a heading's section, a sheet, a slide.

    ``start`` and ``end`` are offsets into the file's ``text``: the section's own body
    (heading line included) runs from ``start`` up to the next heading of the same or a
    higher level, or to the end of the text.
    """

    model_config = ConfigDict(frozen=True)

    heading: str
    """As written, numbering included ("4.3 Major incident handling"), or the sheet's name."""
    level: int = 1
    """1 for a top-level heading; sheets and slides are level 1."""
    kind: SectionKind = SectionKind.HEADING
    start: int = 0
    end: int = 0
    caption: str | None = None
    """A sheet's title cell or a slide's subtitle, when it has one."""

    @property
    def label(self) -> str:
        """How a link names the section: §4.3 Major incident handling, sheet "Issues"."""
        if self.kind is SectionKind.SHEET:
            return f'sheet "{self.heading}"'
        if self.kind is SectionKind.SLIDE:
            return f'slide "{self.heading}"'
        return f"§{self.heading}"


class Table(BaseModel):
    """A table of a document, sheet or export: its header row and the rows under it."""

    model_config = ConfigDict(frozen=True)

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()
    """Cell text of the rows under the header, at most ``MAX_TABLE_ROWS`` of them."""
    row_count: int = 0
    """How many non-empty rows the table has under its header, also those not kept."""
    section: str | None = None
    """The heading or sheet name the table stands under, when there is one."""


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
    sections: tuple[Section, ...] = ()
    """Headings, sheets or slides in document order (see :class:`Section`)."""
    tables: tuple[Table, ...] = ()
    control: DocumentControl = DocumentControl()
    record_dates: tuple[dt.date, ...] = ()
    declared: tuple[str, ...] = ()
    """Clause or item ids the file declares it satisfies (``iso20k: {satisfies: …}``)."""
    warnings: tuple[str, ...] = ()
    read_failure: bool = False
    """The file should have been readable but is damaged, encrypted, too large or a link."""
    unread_dates: int = 0
    """Numeric dates (03/04/2026) left unread: day and month could be either way round
    and neither the file nor the configuration's ``date_order`` says which."""
    unread_date_examples: tuple[str, ...] = ()
    dates_shown: tuple[DateOrder, ...] = ()
    """The orders of day and month the file's own dates show (25/04/2026: dmy), sorted;
    two when they contradict. What the folder's order is inferred from."""
    date_note: str | None = None
    """How the numeric dates the file left open were read, when the order the rest of
    the folder writes its dates read them (see ``evidence/folderorder.py``)."""

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        name = self.name
        stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
        # Site generators name a page's source "index.html.md": the page is "index".
        for inner in (".html", ".htm"):
            if stem.lower().endswith(inner) and len(stem) > len(inner):
                return stem[: -len(inner)]
        return stem
