"""What changed between two results: scores, statuses and findings, matched by identity.

Findings are matched by ``Finding.id`` (item and check), never by message text, so a
reworded message or a renamed file does not make a known finding look new.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from iso20k_cli.assess.model import Severity, Status
from iso20k_cli.history.baseline import SavedFinding, SavedItem, SavedResult

# Only these statuses are better or worse than one another; a move to or from
# "not applicable" (or an item that appears or disappears) is a change, not a verdict.
_STATUS_RANK = {Status.MISSING: 0, Status.PARTIAL: 1, Status.MET: 2}


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    CHANGED = "changed"
    SAME = "same"


def status_direction(before: Status | None, after: Status | None) -> Direction:
    if before == after:
        return Direction.SAME
    rank_before = _STATUS_RANK.get(before) if before is not None else None
    rank_after = _STATUS_RANK.get(after) if after is not None else None
    if rank_before is None or rank_after is None:
        return Direction.CHANGED
    return Direction.BETTER if rank_after > rank_before else Direction.WORSE


def score_direction(before: float | None, after: float | None) -> Direction:
    if before is None or after is None:
        return Direction.SAME if before == after else Direction.CHANGED
    # Scores are saved rounded to one decimal; compare at that precision.
    difference = round(after, 1) - round(before, 1)
    if abs(difference) < 0.05:
        return Direction.SAME
    return Direction.BETTER if difference > 0 else Direction.WORSE


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ResultSummary(_Frozen):
    as_of: dt.date | None
    score: float
    stage1_ready: bool | None
    stage2_ready: bool | None


class ItemChange(_Frozen):
    id: str
    clause: str
    title: str
    before: Status | None
    """None: the item is not in the older result (the catalogue changed)."""
    after: Status | None

    @property
    def direction(self) -> Direction:
        return status_direction(self.before, self.after)


class SeverityChange(_Frozen):
    before: SavedFinding
    after: SavedFinding

    @property
    def direction(self) -> Direction:
        if self.after.severity.rank < self.before.severity.rank:
            return Direction.WORSE
        return Direction.BETTER


class FindingChanges(_Frozen):
    new: tuple[SavedFinding, ...] = ()
    resolved: tuple[SavedFinding, ...] = ()
    severity: tuple[SeverityChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.new or self.resolved or self.severity)

    @property
    def more_severe(self) -> tuple[SeverityChange, ...]:
        return tuple(c for c in self.severity if c.direction is Direction.WORSE)

    @property
    def less_severe(self) -> tuple[SeverityChange, ...]:
        return tuple(c for c in self.severity if c.direction is Direction.BETTER)


class ClauseChange(_Frozen):
    id: str
    title: str
    score_before: float | None
    score_after: float | None
    status_before: Status | None
    status_after: Status | None
    items: tuple[ItemChange, ...]
    """The clause's own items whose status changed (not those of its sub-clauses)."""
    findings: FindingChanges
    """Changes in the findings on the clause's own items."""

    @property
    def status_direction(self) -> Direction:
        return status_direction(self.status_before, self.status_after)

    @property
    def score_direction(self) -> Direction:
        return score_direction(self.score_before, self.score_after)

    @property
    def regressed(self) -> bool:
        return (
            self.status_direction is Direction.WORSE
            or self.score_direction is Direction.WORSE
            or any(i.direction is Direction.WORSE for i in self.items)
            or bool(self.findings.new or self.findings.more_severe)
        )

    @property
    def improved(self) -> bool:
        return (
            self.status_direction is Direction.BETTER
            or self.score_direction is Direction.BETTER
            or any(i.direction is Direction.BETTER for i in self.items)
            or bool(self.findings.resolved or self.findings.less_severe)
        )


BaselineState = Literal["new", "updated", "unchanged"]


class Comparison(_Frozen):
    before: ResultSummary
    after: ResultSummary
    clauses: tuple[ClauseChange, ...]
    """Every clause where anything changed, in the newer result's order."""
    files: FindingChanges
    """Changes in the findings about files rather than catalogue items."""
    unchanged_findings: int

    @property
    def score_direction(self) -> Direction:
        return score_direction(self.before.score, self.after.score)

    def finding_changes(self) -> Iterator[FindingChanges]:
        yield from (c.findings for c in self.clauses)
        yield self.files

    @property
    def new_findings(self) -> tuple[SavedFinding, ...]:
        return tuple(f for changes in self.finding_changes() for f in changes.new)

    @property
    def resolved_findings(self) -> tuple[SavedFinding, ...]:
        return tuple(f for changes in self.finding_changes() for f in changes.resolved)

    @property
    def more_severe_findings(self) -> tuple[SeverityChange, ...]:
        return tuple(c for changes in self.finding_changes() for c in changes.more_severe)

    @property
    def worse_items(self) -> tuple[ItemChange, ...]:
        return tuple(i for c in self.clauses for i in c.items if i.direction is Direction.WORSE)

    @property
    def worse_clauses(self) -> tuple[ClauseChange, ...]:
        return tuple(c for c in self.clauses if c.status_direction is Direction.WORSE)

    def state(self, finding_id: str) -> BaselineState:
        """How a finding of the newer result relates to the older one (SARIF baselineState)."""
        if any(f.id == finding_id for f in self.new_findings):
            return "new"
        if any(c.after.id == finding_id for ch in self.finding_changes() for c in ch.severity):
            return "updated"
        return "unchanged"

    def is_new(self, finding_id: str) -> bool:
        """New, or more severe than before: what a reviewer has not accepted yet."""
        return finding_id in {f.id for f in self.new_findings} | {
            c.after.id for c in self.more_severe_findings
        }


def _summary(result: SavedResult) -> ResultSummary:
    verdict = result.verdict
    return ResultSummary(
        as_of=result.as_of,
        score=result.score,
        stage1_ready=verdict.stage1_ready if verdict else None,
        stage2_ready=verdict.stage2_ready if verdict else None,
    )


def _finding_changes(
    old: dict[str, SavedFinding], new: dict[str, SavedFinding], ids: list[str]
) -> FindingChanges:
    return FindingChanges(
        new=tuple(new[i] for i in ids if i in new and i not in old),
        resolved=tuple(old[i] for i in ids if i in old and i not in new),
        severity=tuple(
            SeverityChange(before=old[i], after=new[i])
            for i in ids
            if i in old and i in new and old[i].severity is not new[i].severity
        ),
    )


def _status(items: dict[str, SavedItem], item_id: str) -> Status | None:
    item = items.get(item_id)
    return item.status if item else None


def compare(old: SavedResult, new: SavedResult) -> Comparison:
    """Compare an older result with a newer one of the same catalogue."""
    old_findings = {f.id: f for f in old.findings}
    new_findings = {f.id: f for f in new.findings}
    old_items = {i.id: i for i in old.items}
    new_items = {i.id: i for i in new.items}
    old_clauses = {c.id: c for c in old.clauses}
    new_clauses = {c.id: c for c in new.clauses}
    titles = {c.id: c.title for c in (*old.clauses, *new.clauses)}

    # The newer result's order first, then what only the older one had: stable output.
    findings_by_clause: dict[str | None, list[str]] = defaultdict(list)
    for finding_id in dict.fromkeys([*new_findings, *old_findings]):
        clause = (new_findings.get(finding_id) or old_findings[finding_id]).clause
        findings_by_clause[clause if clause in titles else None].append(finding_id)
    items_by_clause: dict[str, list[ItemChange]] = defaultdict(list)
    for item_id in dict.fromkeys([*new_items, *old_items]):
        before, after = _status(old_items, item_id), _status(new_items, item_id)
        if before != after:
            item = new_items.get(item_id) or old_items[item_id]
            items_by_clause[item.clause].append(
                ItemChange(
                    id=item_id, clause=item.clause, title=item.title, before=before, after=after
                )
            )

    changes: list[ClauseChange] = []
    for clause_id in dict.fromkeys([*new_clauses, *old_clauses]):
        old_clause, new_clause = old_clauses.get(clause_id), new_clauses.get(clause_id)
        change = ClauseChange(
            id=clause_id,
            title=titles[clause_id],
            score_before=old_clause.score if old_clause else None,
            score_after=new_clause.score if new_clause else None,
            status_before=old_clause.status if old_clause else None,
            status_after=new_clause.status if new_clause else None,
            items=tuple(items_by_clause[clause_id]),
            findings=_finding_changes(old_findings, new_findings, findings_by_clause[clause_id]),
        )
        if (
            change.status_direction is not Direction.SAME
            or change.score_direction is not Direction.SAME
            or change.items
            or not change.findings.empty
        ):
            changes.append(change)
    unchanged = sum(
        1
        for i, f in new_findings.items()
        if i in old_findings and old_findings[i].severity is f.severity
    )
    return Comparison(
        before=_summary(old),
        after=_summary(new),
        clauses=tuple(changes),
        files=_finding_changes(old_findings, new_findings, findings_by_clause[None]),
        unchanged_findings=unchanged,
    )


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    """True when ``severity`` is as serious as ``threshold`` or more."""
    return severity.rank <= threshold.rank
