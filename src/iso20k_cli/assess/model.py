"""The Assessment: the one result every renderer reads.

If a report needs a number, the number belongs here; renderers never recompute.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from iso20k_cli.evidence.model import DocumentControl
from iso20k_cli.recognise.model import MatchedBy
from iso20k_cli.settings.answers import Answer as InterviewAnswer  # re-exported
from iso20k_cli.settings.answers import Reply as Reply  # re-exported for renderers
from iso20k_cli.severity import Severity as Severity  # re-exported for renderers

SCHEMA_VERSION = 1


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"
    """Judged by interview. A clause: the standard asks for no documented information in
    it, or only good-practice information of which none is present. An item: it applies
    only under a condition (``applies_when``) that neither the evidence nor the
    configuration settles."""


class Decision(StrEnum):
    """What decided an item's status: the rule the engine applied, kept so that
    ``explain`` states the engine's reason rather than working it out again."""

    DECLARED_NOT_APPLICABLE = "declared_not_applicable"
    """The configuration declares the item, or its clause, not applicable."""
    CONDITION_ANSWERED_NO = "condition_answered_no"
    """The configuration answers no to the condition the item applies under."""
    CONDITION_UNANSWERED = "condition_unanswered"
    """Conditional, without evidence, and the configuration does not answer: by interview."""
    NIL_RETURN = "nil_return"
    """Its evidence records that there was nothing of the kind this period: met."""
    NO_EVIDENCE = "no_evidence"
    """No file is linked to it: missing."""
    WEAK_EVIDENCE = "weak_evidence"
    """Only suggestions (content, weak signals), which never count: missing."""
    CHECKS_FAILED = "checks_failed"
    """Evidence was recognised and a check found a major or minor problem: partial."""
    CHECKS_PASSED = "checks_passed"
    """Evidence was recognised and no check found a major or minor problem: met."""
    INTERVIEW_MET = "interview_met"
    """Good practice with no documented evidence, stated at interview to be in place: met
    by testimony. Never a mandatory item's decision: testimony does not replace a
    mandatory document or record."""
    INTERVIEW_NOT_APPLICABLE = "interview_not_applicable"
    """Answered at interview: the item's condition does not hold, or the good practice
    does not apply here."""


_GIVEN: dict[frozenset[str], set[str]] = {}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        # An Assessment holds one result per file and per link. Pydantic gives each
        # instance a set of the names of the fields it was given (728 bytes, more than
        # most of their values): instances given the same fields share one set instead.
        # Nothing changes the set of a frozen model (model_copy copies it first).
        given = self.__pydantic_fields_set__
        shared = _GIVEN.setdefault(frozenset(given), given)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class EvidenceLink(_Model):
    path: str
    matched_by: MatchedBy
    detail: str
    counted: bool = True
    """Counted as evidence; False for a suggestion (content, or a weak signal)."""
    section: str | None = None
    """The section, sheet or slide that carries the evidence, when it is one part of the file."""
    signals: tuple[str, ...] = ()


class CheckResult(_Model):
    check: str
    passed: bool
    message: str
    severity: Severity | None = None
    """The grade of what the check found; None when it passed."""


class Acceptance(_Model):
    """A finding the organisation has accepted (a waiver), as declared in the configuration."""

    by: str
    justification: str
    expires: dt.date
    expired: bool
    """Past its expiry date on the assessment date: the finding counts again."""


class Finding(_Model):
    id: str
    """Stable identity: the same gap keeps its id across runs."""
    clause: str | None
    item: str | None
    severity: Severity
    check: str
    message: str
    recommendation: str
    paths: tuple[str, ...] = ()
    basis: str | None = None
    """Set when the finding rests on practice or an uncertain fact, not on a 'shall'."""
    accepted: Acceptance | None = None
    interview: InterviewAnswer | None = None
    """The answer given at interview that this finding weighs (testimony)."""

    @property
    def counts(self) -> bool:
        """Whether the finding weighs in verdicts and gates: not under an active acceptance."""
        return self.accepted is None or self.accepted.expired


class NearMissResult(_Model):
    path: str
    reason: str


class ItemResult(_Model):
    id: str
    clause: str
    kind: str
    title: str
    mandatory: bool
    status: Status
    score: float | None
    evidence: tuple[EvidenceLink, ...]
    checks: tuple[CheckResult, ...]
    justification: str | None = None
    near_misses: tuple[NearMissResult, ...] = ()
    """Files that name the item but were not counted, with the reason."""
    decided_by: Decision
    """The rule that gave the item its status."""
    interview: InterviewAnswer | None = None
    """The answer given at interview about this item or its condition (testimony)."""


class ClauseResult(_Model):
    id: str
    title: str
    parent: str | None
    depth: int
    score: float | None
    status: Status
    items: int
    met: int
    interview: InterviewAnswer | None = None
    """The answer given at interview for a clause judged by interview (testimony)."""


class Verdict(_Model):
    stage1_ready: bool
    stage2_ready: bool
    stage1_blockers: tuple[str, ...]
    stage2_blockers: tuple[str, ...]


class FileResult(_Model):
    path: str
    format: str
    readable: bool
    error: str | None
    title: str | None
    used_for: tuple[str, ...]
    warnings: tuple[str, ...]
    title_source: str | None = None
    genre: str | None = None
    """What recognition took the file to be: policy, process, register, template …"""
    control: DocumentControl = DocumentControl()
    """Document control as read (manifest, front-matter, control block, metadata)."""
    first_record: dt.date | None = None
    last_record: dt.date | None = None
    """The oldest and newest record date: a register's or export's from its entries."""
    entries: int | None = None
    """Entries (dated rows) when the file is a register or export of records, else None."""
    date_column: str | None = None
    """The header of the column that dates the entries."""


class CatalogueInfo(_Model):
    id: str
    title: str
    version: str
    path: str


class Parameters(_Model):
    """The values the checks used, so a reader can tell what a finding rests on."""

    review_interval_months: int
    max_record_age_days: int
    min_records_span_days: int
    fail_under: float | None
    fail_on: Severity = Severity.MAJOR


class Assessment(_Model):
    schema_version: int = SCHEMA_VERSION
    tool_version: str
    as_of: dt.date
    organisation: str | None
    scope: str | None
    assessor: str | None
    evidence_dir: str
    configuration: str | None = None
    """The configuration file the run used, named as the user sees it; None: none was found."""
    catalogue: CatalogueInfo
    parameters: Parameters
    score: float
    verdict: Verdict
    clauses: tuple[ClauseResult, ...]
    items: tuple[ItemResult, ...]
    findings: tuple[Finding, ...]
    files: tuple[FileResult, ...]
    records_span_days: int | None
    """Calendar days from the oldest to the newest record of ongoing operation, inclusive."""
    answers_file: str | None = None
    """The interview answers read for this run (``--answers`` or ``answers:``), if any."""
    interview: tuple[InterviewAnswer, ...] = ()
    """Every answer read from it: interview evidence, weighed as testimony."""

    def count(self, severity: Severity) -> int:
        """Findings of ``severity`` that count; accepted ones are counted by ``accepted``."""
        return sum(1 for f in self.findings if f.severity is severity and f.counts)

    @property
    def accepted(self) -> int:
        return sum(1 for f in self.findings if not f.counts)
