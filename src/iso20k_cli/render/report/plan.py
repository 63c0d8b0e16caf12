"""The action plan: every open finding as an action, in the order an implementation takes.

Severity comes first, because a major finding blocks certification. Within a
severity, actions follow the order in which a management system is built: scope,
leadership and policy before planning, planning before support, documents that
define a process before the records that show it operating, and those records
before the internal audit and management review that evaluate them.

Targets are relative to the certification audit. Documents are what Stage 1
reviews, so gaps in them must close weeks before it; records are what Stage 2
samples, so they must have accumulated by then. When the date of the Stage 1
audit is known, the Stage 1 targets become dates; Stage 2 is scheduled after
Stage 1, so its targets stay relative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from iso20k_cli.assess.model import Assessment, Finding, ItemResult, Severity
from iso20k_cli.evidence.dates import add_days
from iso20k_cli.render.wording import SEVERITY_LABEL, sentence


@dataclass(frozen=True)
class Phase:
    order: int
    name: str


CONTEXT = Phase(1, "Context, leadership and policy")
PLANNING = Phase(2, "Planning")
SUPPORT = Phase(3, "Support and documented information")
OPERATION_DOCUMENTS = Phase(4, "Operation: documents")
OPERATION_RECORDS = Phase(5, "Operation: records")
MONITORING = Phase(6, "Monitoring and reporting")
EVALUATION = Phase(7, "Internal audit and management review")
IMPROVEMENT = Phase(8, "Improvement")
OTHER = Phase(9, "Other requirements")

# Clause prefixes (as tuples of numbers) to phase; the longest prefix wins.
_PHASES: dict[tuple[str, ...], Phase] = {
    ("4",): CONTEXT,
    ("5",): CONTEXT,
    ("6",): PLANNING,
    ("7",): SUPPORT,
    ("9",): MONITORING,
    ("9", "2"): EVALUATION,
    ("9", "3"): EVALUATION,
    ("10",): IMPROVEMENT,
}

# Suggested owners, by clause family; a client renames them to its own roles.
_OWNERS: dict[tuple[str, ...], str] = {
    ("4",): "Top management",
    ("5",): "Top management",
    ("6",): "SMS manager",
    ("7",): "SMS manager",
    ("7", "5"): "Document controller",
    ("8",): "Process owner",
    ("8", "1"): "SMS manager",
    ("8", "2"): "Service portfolio manager",
    ("8", "2", "6"): "Configuration manager",
    ("8", "3"): "Service level manager",
    ("8", "3", "2"): "Business relationship manager",
    ("8", "3", "4"): "Supplier manager",
    ("8", "4", "1"): "Finance manager",
    ("8", "4", "2"): "Capacity manager",
    ("8", "4", "3"): "Capacity manager",
    ("8", "5", "1"): "Change manager",
    ("8", "5", "2"): "Service design and transition lead",
    ("8", "5", "3"): "Release and deployment manager",
    ("8", "6", "1"): "Incident manager",
    ("8", "6", "2"): "Service desk manager",
    ("8", "6", "3"): "Problem manager",
    ("8", "7", "1"): "Availability manager",
    ("8", "7", "2"): "Service continuity manager",
    ("8", "7", "3"): "Information security manager",
    ("9",): "SMS manager",
    ("9", "2"): "Internal audit lead",
    ("9", "3"): "Top management",
    ("9", "4"): "Service level manager",
    ("10",): "SMS manager",
}
FALLBACK_OWNER = "Process owner"
FILE_OWNER = "Document controller"

# Stage 1 checks that an internal audit and a management review have been performed
# (ISO/IEC 17021-1 9.3.1.2 g), so their records are due before Stage 1, not Stage 2.
_STAGE1_RECORD_CLAUSES = (("9", "2"), ("9", "3"))

MAJOR_DOCUMENT_WEEKS = 8
STAGE1_WEEKS = 4

T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    text: str
    """Relative to the audit, e.g. "8 weeks before Stage 1"."""
    due: dt.date | None = None
    """A date, when the audit date is known and the target is tied to Stage 1."""
    past: bool = False
    """The date is already past on the assessment date: act at once."""

    @property
    def display(self) -> str:
        if self.due is None:
            return self.text
        if self.past:
            return f"{self.text} ({self.due.isoformat()}, already past: act now)"
        return f"{self.text} (by {self.due.isoformat()})"


@dataclass(frozen=True)
class Action:
    ref: str
    """A01, A02 …: stable for the same input, so a client can refer to an action."""
    finding_id: str
    severity: Severity
    severity_label: str
    clause: str | None
    clause_title: str
    requirement: str
    kind: str | None
    finding: str
    action: str
    owner: str
    phase: Phase
    target: Target
    paths: tuple[str, ...]
    basis: str | None


@dataclass(frozen=True)
class ActionPlan:
    actions: tuple[Action, ...]
    audit_date: dt.date | None

    def ref_of(self, finding_id: str) -> str | None:
        return self._refs.get(finding_id)

    @cached_property
    def _refs(self) -> dict[str, str]:
        return {action.finding_id: action.ref for action in self.actions}


def clause_parts(clause: str | None) -> tuple[str, ...]:
    return tuple(clause.split(".")) if clause else ()


def _longest_prefix(table: dict[tuple[str, ...], T], parts: tuple[str, ...]) -> T | None:
    for length in range(len(parts), 0, -1):
        found = table.get(parts[:length])
        if found is not None:
            return found
    return None


def phase_of(clause: str | None, kind: str | None) -> Phase:
    """Where a finding falls in the implementation order."""
    if clause is None:
        return SUPPORT  # a file problem is a matter of document control (7.5)
    parts = clause_parts(clause)
    if parts[:1] == ("8",):
        return OPERATION_RECORDS if kind == "record" else OPERATION_DOCUMENTS
    return _longest_prefix(_PHASES, parts) or OTHER


def owner_of(clause: str | None) -> str:
    if clause is None:
        return FILE_OWNER
    return _longest_prefix(_OWNERS, clause_parts(clause)) or FALLBACK_OWNER


def target_of(
    severity: Severity,
    clause: str | None,
    kind: str | None,
    as_of: dt.date,
    audit_date: dt.date | None,
    span_days: int,
) -> Target:
    if severity is Severity.OBSERVATION:
        return Target("next review cycle (consider at management review)")
    stage1_record = kind == "record" and clause_parts(clause)[:2] in _STAGE1_RECORD_CLAUSES
    if kind == "record" and not stage1_record:
        if severity is Severity.MAJOR:
            return Target(f"start now: about {span_days} days of records before Stage 2")
        return Target("before Stage 2")
    weeks = (
        MAJOR_DOCUMENT_WEEKS if severity is Severity.MAJOR and not stage1_record else STAGE1_WEEKS
    )
    text = f"{weeks} weeks before Stage 1"
    if audit_date is None:
        return Target(text)
    due = add_days(audit_date, -7 * weeks)
    return Target(text, due, due < as_of)


def _sort_key(finding: Finding, index: int, kinds: dict[str, str]) -> tuple[int, int, int, int]:
    kind = kinds.get(finding.item) if finding.item else None
    kind_rank = {"document": 0, "record": 1}.get(kind or "", 2)
    return (finding.severity.rank, phase_of(finding.clause, kind).order, kind_rank, index)


def action_plan(assessment: Assessment, audit_date: dt.date | None = None) -> ActionPlan:
    """Every open finding of the assessment as an action, ordered for implementation.

    A finding the organisation has accepted (while the acceptance runs) is not open,
    so it is no action; the report lists it apart.
    """
    items: dict[str, ItemResult] = {i.id: i for i in assessment.items}
    kinds = {i.id: i.kind for i in assessment.items}
    titles = {c.id: c.title for c in assessment.clauses}
    open_findings = [(i, f) for i, f in enumerate(assessment.findings) if f.counts]
    ordered = sorted(open_findings, key=lambda pair: _sort_key(pair[1], pair[0], kinds))
    width = max(2, len(str(len(ordered))))
    actions = []
    for number, (_, finding) in enumerate(ordered, start=1):
        item = items.get(finding.item) if finding.item else None
        kind = item.kind if item else None
        actions.append(
            Action(
                ref=f"A{number:0{width}d}",
                finding_id=finding.id,
                severity=finding.severity,
                severity_label=SEVERITY_LABEL[finding.severity],
                clause=finding.clause,
                clause_title=titles.get(finding.clause, "") if finding.clause else "",
                requirement=item.title if item else "Evidence file",
                kind=kind,
                # A finding about a file starts with its path, which keeps its case.
                finding=sentence(finding.message) if item else finding.message,
                action=finding.recommendation,
                owner=owner_of(finding.clause),
                phase=phase_of(finding.clause, kind),
                target=target_of(
                    finding.severity,
                    finding.clause,
                    kind,
                    assessment.as_of,
                    audit_date,
                    assessment.parameters.min_records_span_days,
                ),
                paths=finding.paths,
                basis=finding.basis,
            )
        )
    return ActionPlan(actions=tuple(actions), audit_date=audit_date)
