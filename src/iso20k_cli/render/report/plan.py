"""The action plan: every open finding as an action, in the order an implementation takes.

Severity comes first, because a major finding blocks certification. Within a
severity, actions follow the order in which a management system is built, as the
phases of the catalogue's ``report`` section declare it: scope, leadership and
policy before planning, planning before support, documents that define a process
before the records that show it operating, and those records before the internal
audit and management review that evaluate them.

Targets are relative to the certification audit. Documents are what Stage 1
reviews, so gaps in them must close weeks before it; records are what Stage 2
samples, so they must have accumulated by then. When the date of the Stage 1
audit is known, the Stage 1 targets become dates; Stage 2 is scheduled after
Stage 1, so its targets stay relative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from iso20k_cli.assess.model import Assessment, Finding, ItemResult, Severity, Status
from iso20k_cli.catalogue.model import Kind, ReportSpec
from iso20k_cli.evidence.dates import add_days
from iso20k_cli.render.wording import SEVERITY_LABEL, plural, sentence


@dataclass(frozen=True)
class Phase:
    order: int
    name: str


OTHER_PHASE = "Other requirements"
"""Findings in no phase the catalogue declares come last, under this name."""
FALLBACK_OWNER = "Process owner"
"""The owner of an action whose clause (and every clause above it) the catalogue names none for."""

MAJOR_DOCUMENT_WEEKS = 8
STAGE1_WEEKS = 4


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
    starters: str | None = None
    """How to start the mandatory documents still missing, when some are."""

    @property
    def intro(self) -> str:
        """What the plan is and how it is ordered, as every report format opens it."""
        dated = (
            f", whose Stage 1 is planned for {self.audit_date.isoformat()}"
            if self.audit_date
            else ""
        )
        return (
            "Every open finding is an action below, ordered by severity and then in the order "
            "an implementation should address them: scope, leadership and policy first, then "
            "planning and support, then the documents that define each process, the records "
            "that show it operating, and finally internal audit, management review and "
            "improvement. Owners are suggested roles; targets are relative to the "
            f"certification audit{dated}. Observations are not nonconformities: they need no "
            "action before certification and are listed for consideration at management review."
        )

    def ref_of(self, finding_id: str) -> str | None:
        return self._refs.get(finding_id)

    @cached_property
    def _refs(self) -> dict[str, str]:
        return {action.finding_id: action.ref for action in self.actions}


class Planner:
    """Where an action falls in the implementation order, who owns it and whether Stage 1
    looks for it, as the catalogue's ``report`` section declares for its clauses.

    A clause takes the phase and owner declared for it, else those of the nearest clause
    above it; a finding about an evidence file, those of the clause of document control.
    """

    def __init__(self, spec: ReportSpec, parents: Mapping[str, str | None]) -> None:
        self._spec = spec
        self._parents = parents
        self.phases = tuple(Phase(n, p.name) for n, p in enumerate(spec.phases, start=1))
        self.other = Phase(len(self.phases) + 1, OTHER_PHASE)
        self._phase_at = {
            (clause, declared.kind): phase
            for declared, phase in zip(spec.phases, self.phases, strict=True)
            for clause in declared.clauses
        }
        self._stage1 = frozenset(spec.stage1_records)

    def lineage(self, clause: str | None) -> Iterator[str]:
        """The clause and those above it, nearest first; a clause the assessment does not
        hold is placed by its dotted number, as the catalogue places one without a parent."""
        seen: set[str] = set()
        current = clause
        while current and current not in seen:
            seen.add(current)
            yield current
            if current in self._parents:
                current = self._parents[current]
            else:
                current = current.rpartition(".")[0] or None

    def _placed(self, clause: str | None) -> str | None:
        return clause if clause is not None else self._spec.document_control

    def phase(self, clause: str | None, kind: str | None) -> Phase:
        """A finding on no item falls where a document's would."""
        of = Kind(kind) if kind else Kind.DOCUMENT
        for current in self.lineage(self._placed(clause)):
            found = self._phase_at.get((current, of)) or self._phase_at.get((current, None))
            if found is not None:
                return found
        return self.other

    def owner(self, clause: str | None) -> str:
        owners = self._spec.owners
        for current in self.lineage(self._placed(clause)):
            if current in owners:
                return owners[current]
        return FALLBACK_OWNER

    def stage1_record(self, clause: str | None, kind: str | None) -> bool:
        """Records Stage 1 looks for (of an internal audit, a management review)."""
        return kind == "record" and any(c in self._stage1 for c in self.lineage(clause))


def target_of(
    severity: Severity,
    kind: str | None,
    as_of: dt.date,
    audit_date: dt.date | None,
    span_days: int,
    stage1_record: bool = False,
) -> Target:
    if severity is Severity.OBSERVATION:
        return Target("next review cycle (consider at management review)")
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


def _sort_key(
    finding: Finding, index: int, kinds: dict[str, str], planner: Planner
) -> tuple[int, int, int, int]:
    kind = kinds.get(finding.item) if finding.item else None
    kind_rank = {"document": 0, "record": 1}.get(kind or "", 2)
    return (finding.severity.rank, planner.phase(finding.clause, kind).order, kind_rank, index)


def action_plan(
    assessment: Assessment, audit_date: dt.date | None = None, spec: ReportSpec | None = None
) -> ActionPlan:
    """Every open finding of the assessment as an action, ordered for implementation.

    ``spec`` is the catalogue's ``report`` section (None: one that declares nothing, so
    every action falls in one phase with the fallback owner). A finding the organisation
    has accepted (while the acceptance runs) is not open, so it is no action; the report
    lists it apart.
    """
    planner = Planner(spec or ReportSpec(), {c.id: c.parent for c in assessment.clauses})
    items: dict[str, ItemResult] = {i.id: i for i in assessment.items}
    kinds = {i.id: i.kind for i in assessment.items}
    titles = {c.id: c.title for c in assessment.clauses}
    open_findings = [(i, f) for i, f in enumerate(assessment.findings) if f.counts]
    ordered = sorted(open_findings, key=lambda pair: _sort_key(pair[1], pair[0], kinds, planner))
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
                owner=planner.owner(finding.clause),
                phase=planner.phase(finding.clause, kind),
                target=target_of(
                    finding.severity,
                    kind,
                    assessment.as_of,
                    audit_date,
                    assessment.parameters.min_records_span_days,
                    planner.stage1_record(finding.clause, kind),
                ),
                paths=finding.paths,
                basis=finding.basis,
            )
        )
    return ActionPlan(actions=tuple(actions), audit_date=audit_date, starters=_starters(assessment))


def _starters(assessment: Assessment) -> str | None:
    """A consultant's "produce this document" is easier to act on with a first draft to
    fill in: ``iso20k init --only-missing`` writes one for each missing document."""
    missing = [
        i
        for i in assessment.items
        if i.mandatory and i.kind == Kind.DOCUMENT and i.status is Status.MISSING
    ]
    if not missing:
        return None
    return (
        f"For the {plural(len(missing), 'mandatory document')} still missing, "
        f"'iso20k init NEW_FOLDER --only-missing {assessment.evidence_dir}' writes a starter "
        "for each: the headings the catalogue expects, titled so that the next assessment "
        "recognises the document once it is written."
    )
