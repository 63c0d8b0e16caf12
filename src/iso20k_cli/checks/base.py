"""What a check receives and what it returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iso20k_cli.assess.model import Severity
from iso20k_cli.catalogue.model import Defaults, Item
from iso20k_cli.evidence.model import DocStatus, EvidenceFile

DEFAULT_INTERVAL_NOTE = (
    "the standard asks for 'planned intervals'; the {months}-month interval is this "
    "tool's default (practice, not a requirement) and can be changed in the configuration"
)
RECORD_PERIOD_NOTE = (
    "certification bodies usually want about {days} days of records before Stage 2; "
    "this is their practice, not a clause of ISO/IEC 20000-1"
)


@dataclass(frozen=True)
class CheckContext:
    item: Item
    files: tuple[EvidenceFile, ...]
    """The evidence recognised for the item (declared, by title or by file name)."""
    as_of: dt.date
    defaults: Defaults

    def current_document(self) -> EvidenceFile:
        """The version an auditor would be shown: approved first, then the newest."""

        def rank(f: EvidenceFile) -> tuple[int, dt.date, str]:
            status = f.control.status
            order = {DocStatus.APPROVED: 0, None: 1, DocStatus.UNKNOWN: 1, DocStatus.DRAFT: 2}
            newest = f.control.approved or dt.date.min
            return (order.get(status, 3), dt.date.max - (newest - dt.date.min), f.path)

        return sorted(self.files, key=rank)[0]

    def record_dates(self) -> tuple[dt.date, ...]:
        """Record dates up to the assessment date (later ones would be planned, not done)."""
        return tuple(sorted({d for f in self.files for d in f.record_dates if d <= self.as_of}))


@dataclass(frozen=True)
class Outcome:
    """One result of a check: passed when ``severity`` is None."""

    check: str
    severity: Severity | None
    message: str
    recommendation: str = ""
    paths: tuple[str, ...] = ()
    basis: str | None = None

    @property
    def passed(self) -> bool:
        return self.severity is None
