"""The report's view-model: everything a report shows, derived from the Assessment.

:func:`build_report` is a pure function: it reorders, groups and words what the
Assessment holds, and never recomputes a score. Every report format renders the
:class:`ReportView` it returns, and templates receive it as ``report``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from iso20k_cli.assess.model import (
    Assessment,
    ClauseResult,
    Finding,
    ItemResult,
    Severity,
    Status,
)
from iso20k_cli.catalogue.model import Catalogue, Notes, ReportSpec
from iso20k_cli.render.report.gaps import top_gaps
from iso20k_cli.render.report.method import MethodPart, method
from iso20k_cli.render.report.plan import ActionPlan, action_plan
from iso20k_cli.render.report.strengths import EVIDENCE_LISTED, Strength, strengths
from iso20k_cli.render.wording import (
    KIND_LABEL,
    MATCHED_BY_LABEL,
    NO_CONFIGURATION,
    NO_SCOPE,
    SEVERITY_LABEL,
    SEVERITY_MEANING,
    acceptance_text,
    agree,
    interview_summary,
    plural,
    requirement_label,
    score_out_of_100,
    sentence,
    status_label,
)

REPORT_TITLE = "Readiness assessment for certification"


@dataclass(frozen=True)
class CoverRow:
    """One line of the cover's table, the same in every format."""

    label: str
    value: str
    note: str | None = None
    """Said after the value, in brackets (where the scope came from, how many files)."""
    code: bool = False
    """The value is a file name, set as code."""
    unknown: bool = False
    """The value says what is missing (set apart, muted, in HTML)."""


@dataclass(frozen=True)
class Cover:
    title: str
    standard: str
    organisation: str | None
    scope: str | None
    scope_note: str | None
    """Where the scope comes from, when it is not the configuration's own wording."""
    as_of: dt.date
    audit_date: dt.date | None
    assessor: str | None
    evidence_dir: str
    """The evidence folder as the user typed it."""
    catalogue: str
    tool_version: str
    keywords: tuple[str, ...] = ()
    configuration: str | None = None
    """The configuration file the run used; None: none was found, the defaults applied."""
    evidence_name: str = ""
    """The evidence folder's own name ("harbourside", however it was typed)."""
    rows: tuple[CoverRow, ...] = ()
    """The cover's table: what is known, leaving out what is not (assessor, audit date)."""
    """How the catalogue names its standard in document metadata."""


@dataclass(frozen=True)
class StageView:
    key: str
    name: str
    purpose: str
    ready: bool
    verdict: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SeverityCount:
    severity: Severity
    label: str
    count: int
    meaning: str


@dataclass(frozen=True)
class ClauseScore:
    id: str
    title: str
    depth: int
    score: float | None
    score_text: str
    status: Status
    status_label: str
    items: int
    met: int


@dataclass(frozen=True)
class FindingView:
    id: str
    severity: Severity
    severity_label: str
    clause: str | None
    requirement: str
    message: str
    recommendation: str
    basis: str | None
    paths: tuple[str, ...]
    action_ref: str | None
    """None for a finding the organisation has accepted: it is not an action."""
    acceptance: str | None


@dataclass(frozen=True)
class Summary:
    conclusion: str
    score: float
    score_text: str
    stages: tuple[StageView, ...]
    counts: tuple[SeverityCount, ...]
    accepted: int
    """Findings the organisation has accepted, not in ``counts``."""
    accepted_text: str
    """The sentence that says so: '1 further finding accepted by the organisation is not
    counted'; empty when there is none."""
    top_gaps: tuple[FindingView, ...]
    clauses: tuple[ClauseScore, ...]
    """The top-level clauses, for the readiness-by-clause table and chart."""
    requirements: int
    requirements_met: int
    mandatory: int
    mandatory_met: int
    records_span_days: int | None
    min_records_span_days: int


@dataclass(frozen=True)
class EvidenceView:
    path: str
    how: str
    detail: str
    strong: bool
    section: str | None = None


@dataclass(frozen=True)
class CheckView:
    passed: bool
    message: str


@dataclass(frozen=True)
class ItemView:
    id: str
    title: str
    kind: str
    kind_label: str
    mandatory: bool
    requirement_label: str
    status: Status
    status_label: str
    evidence: tuple[EvidenceView, ...]
    checks: tuple[CheckView, ...]
    justification: str | None

    @property
    def evidence_shown(self) -> tuple[EvidenceView, ...]:
        """The files a clause section names for the item; the evidence index lists all."""
        return self.evidence[:EVIDENCE_LISTED]

    @property
    def evidence_more(self) -> int:
        return max(0, len(self.evidence) - EVIDENCE_LISTED)


@dataclass(frozen=True)
class ClauseBlock:
    """A clause (or sub-clause) with documented information to examine."""

    clause: ClauseScore
    items: tuple[ItemView, ...]
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class ClauseSection:
    """One top-level clause of the standard (4 to 10) and everything below it."""

    clause: ClauseScore
    rows: tuple[ClauseScore, ...]
    """Every clause below it, for the section's overview table."""
    blocks: tuple[ClauseBlock, ...]
    interview: tuple[ClauseScore, ...]
    """Clauses judged by interview with nothing in the catalogue to examine."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    format: str
    title: str | None
    readable: bool
    used_for: tuple[str, ...]
    """"clause title" of each requirement the file is evidence of."""
    notes: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceIndex:
    files: tuple[FileEntry, ...]
    used: int
    unused: int
    unreadable: tuple[FileEntry, ...]
    findings: tuple[FindingView, ...]
    """Findings about files rather than requirements (unreadable, bad front-matter)."""


@dataclass(frozen=True)
class InterviewRow:
    """One answer given at interview and what it settled."""

    question: str
    clause: str | None
    subject: str
    """The clause, condition or requirement asked about."""
    answer: str
    effect: str
    interviewee: str
    date: dt.date | None
    reference: str
    source: str
    """The answers file and row."""


@dataclass(frozen=True)
class InterviewEvidence:
    """The answers a run weighed: testimony, shown as such."""

    file: str
    summary: str
    rows: tuple[InterviewRow, ...]


@dataclass(frozen=True)
class ReportView:
    cover: Cover
    summary: Summary
    method: tuple[MethodPart, ...]
    clauses: tuple[ClauseSection, ...]
    strengths: tuple[Strength, ...]
    plan: ActionPlan
    accepted: tuple[FindingView, ...]
    """Findings the organisation has accepted (a waiver that has not expired)."""
    evidence: EvidenceIndex
    severities: tuple[SeverityCount, ...]
    interview: InterviewEvidence | None = None
    """The answers given at interview, when the run read any."""


def _clause_score(clause: ClauseResult) -> ClauseScore:
    return ClauseScore(
        id=clause.id,
        title=clause.title,
        depth=clause.depth,
        score=clause.score,
        score_text=score_out_of_100(clause.score),
        status=clause.status,
        status_label=status_label(clause),
        items=clause.items,
        met=clause.met,
    )


def _scope(assessment: Assessment, scope_item: str | None) -> tuple[str | None, str | None]:
    """The configured scope, else the title of the scope document (never invented text)."""
    if assessment.scope:
        return assessment.scope, None
    titles = {f.path: f.title for f in assessment.files}
    for item in assessment.items:
        if item.id != scope_item:
            continue
        for link in item.evidence:
            if link.counted:
                title = titles.get(link.path) or link.path
                return title, f"the title of the scope document ({link.path}); see it for the scope"
    return None, None


def _cover(
    assessment: Assessment,
    audit_date: dt.date | None,
    report: ReportSpec,
    keywords: tuple[str, ...],
) -> Cover:
    scope, note = _scope(assessment, report.scope_item)
    catalogue = assessment.catalogue
    name = folder_name(assessment.evidence_dir)
    described = f"{catalogue.id} {catalogue.version} ({catalogue.path})"
    rows = [CoverRow("Organisation", assessment.organisation)] if assessment.organisation else []
    # An unknown scope stays on the cover, said as missing: the scope bounds everything the
    # report concludes (clause 4.3), so its absence is news to the reader; an unknown
    # assessor or audit date is not, and is left out.
    rows.append(
        CoverRow("Scope", scope, note and f"from {note}")
        if scope
        else CoverRow("Scope", NO_SCOPE, unknown=True)
    )
    rows.append(CoverRow("Assessment date", assessment.as_of.isoformat()))
    if audit_date is not None:
        rows.append(CoverRow("Planned Stage 1 audit", audit_date.isoformat()))
    if assessment.assessor:
        rows.append(CoverRow("Assessor", assessment.assessor))
    rows += [
        CoverRow("Evidence folder", name, plural(len(assessment.files), "file")),
        CoverRow("Requirements catalogue", described),
        CoverRow("Configuration", assessment.configuration, code=True)
        if assessment.configuration
        else CoverRow("Configuration", NO_CONFIGURATION),
        CoverRow("Tool", f"iso20k {assessment.tool_version}"),
    ]
    return Cover(
        title=REPORT_TITLE,
        standard=catalogue.title,
        organisation=assessment.organisation,
        scope=scope,
        scope_note=note,
        as_of=assessment.as_of,
        audit_date=audit_date,
        assessor=assessment.assessor,
        evidence_dir=assessment.evidence_dir,
        catalogue=described,
        tool_version=assessment.tool_version,
        keywords=keywords,
        configuration=assessment.configuration,
        evidence_name=name,
        rows=tuple(rows),
    )


def folder_name(evidence_dir: str) -> str:
    """The folder's own name: "harbourside" for "examples/harbourside" or "../harbourside/".

    A path that ends in "." or ".." names its folder only from where it was typed: that
    one is resolved against the working directory of the run (this process)."""
    name = PurePosixPath(PureWindowsPath(evidence_dir).as_posix()).name
    if name in ("", ".", ".."):
        name = Path(evidence_dir).resolve().name
    return name or evidence_dir


def _finding(finding: Finding, items: dict[str, ItemResult], plan: ActionPlan) -> FindingView:
    item = items.get(finding.item) if finding.item else None
    return FindingView(
        id=finding.id,
        severity=finding.severity,
        severity_label=SEVERITY_LABEL[finding.severity],
        clause=finding.clause,
        requirement=item.title if item else "Evidence file",
        message=sentence(finding.message) if item else finding.message,
        recommendation=finding.recommendation,
        basis=finding.basis,
        paths=finding.paths,
        action_ref=plan.ref_of(finding.id),
        acceptance=acceptance_text(finding),
    )


def _severities(assessment: Assessment) -> tuple[SeverityCount, ...]:
    return tuple(
        SeverityCount(s, SEVERITY_LABEL[s], assessment.count(s), SEVERITY_MEANING[s])
        for s in Severity
    )


def _stages(assessment: Assessment) -> tuple[StageView, ...]:
    v = assessment.verdict
    return (
        StageView(
            key="stage1",
            name="Stage 1",
            purpose="documentation and readiness review",
            ready=v.stage1_ready,
            verdict="Ready" if v.stage1_ready else "Not ready",
            reasons=v.stage1_blockers,
        ),
        StageView(
            key="stage2",
            name="Stage 2",
            purpose="implementation and effectiveness, from records of operation",
            ready=v.stage2_ready,
            verdict="Ready" if v.stage2_ready else "Not ready",
            reasons=v.stage2_blockers,
        ),
    )


def _conclusion(assessment: Assessment) -> str:
    """The verdicts in plain words, as the first thing a client reads."""
    who = assessment.organisation or "The organisation"
    v = assessment.verdict
    majors = assessment.count(Severity.MAJOR)
    if v.stage1_ready and v.stage2_ready:
        return (
            f"{who} appears ready for both stages of the certification audit; the minor "
            "findings and observations below are worth closing before the auditor arrives."
        )
    if v.stage1_ready:
        return (
            f"{who} appears ready for the Stage 1 documentation review, but not yet for Stage 2: "
            "the reasons are listed below and the action plan addresses each of them."
        )
    if not majors:
        return (
            f"{who} is not yet ready for the Stage 1 documentation review; what stands in the "
            "way is listed below, and the action plan addresses it."
        )
    gaps = f"{majors} major gap{'s' if majors != 1 else ''}"
    return (
        f"{who} is not yet ready for a certification audit. What stands in the way of the "
        f"Stage 1 documentation review is listed below; in all, {gaps} must be closed before "
        "certification can be granted, in the order the action plan sets out."
    )


def _accepted_text(accepted: int) -> str:
    if not accepted:
        return ""
    return (
        f"{plural(accepted, 'further finding')} accepted by the organisation "
        f"{agree(accepted, 'is', 'are')} not counted; "
        f"{agree(accepted, 'it is', 'they are')} listed after the action plan."
    )


def _summary(assessment: Assessment, items: dict[str, ItemResult], plan: ActionPlan) -> Summary:
    counted = [i for i in assessment.items if i.score is not None]
    mandatory = [i for i in counted if i.mandatory]
    return Summary(
        conclusion=_conclusion(assessment),
        score=assessment.score,
        score_text=score_out_of_100(assessment.score),
        stages=_stages(assessment),
        counts=_severities(assessment),
        accepted=assessment.accepted,
        accepted_text=_accepted_text(assessment.accepted),
        top_gaps=tuple(_finding(f, items, plan) for f in top_gaps(assessment)),
        clauses=tuple(_clause_score(c) for c in assessment.clauses if c.parent is None),
        requirements=len(counted),
        requirements_met=sum(1 for i in counted if i.status is Status.MET),
        mandatory=len(mandatory),
        mandatory_met=sum(1 for i in mandatory if i.status is Status.MET),
        records_span_days=assessment.records_span_days,
        min_records_span_days=assessment.parameters.min_records_span_days,
    )


def _item(item: ItemResult) -> ItemView:
    return ItemView(
        id=item.id,
        title=item.title,
        kind=item.kind,
        kind_label=KIND_LABEL.get(item.kind, item.kind.capitalize()),
        mandatory=item.mandatory,
        requirement_label=requirement_label(item.mandatory),
        status=item.status,
        status_label=status_label(item),
        evidence=tuple(
            EvidenceView(
                path=link.path,
                how=MATCHED_BY_LABEL[link.matched_by],
                detail=link.detail,
                strong=link.counted,
                section=link.section,
            )
            for link in item.evidence
        ),
        checks=tuple(CheckView(c.passed, c.message) for c in item.checks),
        justification=item.justification,
    )


def _sections(
    assessment: Assessment, items: dict[str, ItemResult], plan: ActionPlan
) -> tuple[ClauseSection, ...]:
    top_of: dict[str, str] = {}
    for clause in assessment.clauses:  # parents come before their children
        top_of[clause.id] = top_of.get(clause.parent, clause.id) if clause.parent else clause.id
    items_by_clause: dict[str, list[ItemResult]] = {}
    for item in assessment.items:
        items_by_clause.setdefault(item.clause, []).append(item)
    findings_by_clause: dict[str, list[Finding]] = {}
    for finding in assessment.findings:
        if finding.clause is not None:
            findings_by_clause.setdefault(finding.clause, []).append(finding)

    sections = []
    for top in (c for c in assessment.clauses if c.parent is None):
        members = [c for c in assessment.clauses if top_of[c.id] == top.id]
        blocks = tuple(
            ClauseBlock(
                clause=_clause_score(c),
                items=tuple(_item(i) for i in items_by_clause[c.id]),
                findings=tuple(_finding(f, items, plan) for f in findings_by_clause.get(c.id, ())),
            )
            for c in members
            if c.id in items_by_clause
        )
        sections.append(
            ClauseSection(
                clause=_clause_score(top),
                rows=tuple(_clause_score(c) for c in members if c.id != top.id),
                blocks=blocks,
                interview=tuple(
                    _clause_score(c)
                    for c in members
                    if c.status is Status.NOT_ASSESSED and not c.items
                ),
            )
        )
    return tuple(sections)


def _evidence(
    assessment: Assessment, items: dict[str, ItemResult], plan: ActionPlan
) -> EvidenceIndex:
    entries = []
    for file in sorted(assessment.files, key=lambda f: f.path):
        used_for = tuple(
            f"{items[i].clause} {items[i].title}" if i in items else i for i in file.used_for
        )
        notes = tuple(n for n in (file.error, *file.warnings) if n)
        entries.append(
            FileEntry(file.path, file.format, file.title, file.readable, used_for, notes)
        )
    return EvidenceIndex(
        files=tuple(entries),
        used=sum(1 for e in entries if e.used_for),
        unused=sum(1 for e in entries if not e.used_for),
        unreadable=tuple(e for e in entries if not e.readable),
        findings=tuple(_finding(f, items, plan) for f in assessment.findings if f.clause is None),
    )


def build_report(
    assessment: Assessment, audit_date: dt.date | None = None, catalogue: Catalogue | None = None
) -> ReportView:
    """The whole report for ``assessment``; ``audit_date`` is the planned Stage 1 audit.

    ``catalogue`` is the one assessed against: its ``report`` and ``notes`` sections word
    the report for its standard (None: in words that name no standard)."""
    report = catalogue.report if catalogue is not None else ReportSpec()
    notes = catalogue.notes if catalogue is not None else Notes()
    keywords = catalogue.standard.keywords if catalogue is not None else ()
    items = {i.id: i for i in assessment.items}
    plan = action_plan(assessment, audit_date, report)
    return ReportView(
        cover=_cover(assessment, audit_date, report, keywords),
        summary=_summary(assessment, items, plan),
        method=method(assessment, report, notes),
        clauses=_sections(assessment, items, plan),
        strengths=strengths(assessment),
        plan=plan,
        accepted=tuple(_finding(f, items, plan) for f in assessment.findings if not f.counts),
        evidence=_evidence(assessment, items, plan),
        severities=_severities(assessment),
        interview=_interview(assessment, catalogue.conditions if catalogue is not None else {}),
    )


def _interview(assessment: Assessment, conditions: dict[str, str]) -> InterviewEvidence | None:
    """``conditions`` are the catalogue's questions, by condition."""
    summary = interview_summary(assessment)
    if summary is None or assessment.answers_file is None:
        return None
    clauses = {c.id: c for c in assessment.clauses}
    items = {i.id: i for i in assessment.items}
    rows = []
    for said in assessment.interview:
        kind, _, target = said.question.partition(":")
        clause: str | None = None
        if kind == "clause" and target in clauses:
            clause, subject = target, clauses[target].title
            effect = status_label(clauses[target])
        elif kind == "item" and target in items:
            item = items[target]
            clause, subject = item.clause, item.title
            kept = any(f.item == target and f.interview is not None for f in assessment.findings)
            effect = status_label(item) + ("; the finding remains" if kept else "")
        else:
            heard = [i for i in assessment.items if i.interview == said]
            subject = conditions.get(target, target)
            clause = heard[0].clause if heard else None
            effect = "; ".join(f"{i.title}: {status_label(i)}" for i in heard) or "no effect"
        rows.append(
            InterviewRow(
                question=said.question,
                clause=clause,
                subject=subject,
                answer=said.label,
                effect=effect,
                interviewee=said.interviewee or "",
                date=said.date,
                reference=said.reference or "",
                source=said.where,
            )
        )
    return InterviewEvidence(assessment.answers_file, summary, tuple(rows))
