"""Scores per item and clause, the overall score, and the Stage 1 / Stage 2 verdicts.

An item scores 100 when met, 50 when partial and 0 when missing; items declared
not applicable do not count. Mandatory items weigh three times as much as
good-practice ones, so that a missing optional procedure cannot hide a missing
mandatory document. A clause's score is the weighted mean of the items in it and
below it; a clause with no items is "not assessed" (it is judged by interview).
"""

from __future__ import annotations

from iso20k_cli.assess.model import ClauseResult, Finding, ItemResult, Severity, Status, Verdict
from iso20k_cli.catalogue.model import Catalogue

MANDATORY_WEIGHT = 3
GOOD_PRACTICE_WEIGHT = 1
_ITEM_SCORES = {Status.MET: 100.0, Status.PARTIAL: 50.0, Status.MISSING: 0.0}


def item_score(status: Status) -> float | None:
    return _ITEM_SCORES.get(status)


class _Tally:
    """What a clause's score and status need from the items in and below it, added up so
    that a clause costs its own items and its children's tallies, not a walk of its subtree
    (a catalogue thousands of levels deep stays linear)."""

    __slots__ = ("items", "met", "statuses", "weight", "weighted")

    def __init__(self) -> None:
        self.items = 0
        self.met = 0
        self.statuses: set[Status] = set()
        self.weight = 0
        self.weighted = 0.0

    def add(self, item: ItemResult) -> None:
        self.items += 1
        self.met += item.status is Status.MET
        self.statuses.add(item.status)
        if item.score is not None:
            weight = MANDATORY_WEIGHT if item.mandatory else GOOD_PRACTICE_WEIGHT
            self.weight += weight
            self.weighted += item.score * weight

    def merge(self, other: _Tally) -> None:
        self.items += other.items
        self.met += other.met
        self.statuses |= other.statuses
        self.weight += other.weight
        self.weighted += other.weighted

    @property
    def score(self) -> float | None:
        return round(self.weighted / self.weight, 1) if self.weight else None

    @property
    def status(self) -> Status:
        if not self.items:
            return Status.NOT_ASSESSED
        statuses = self.statuses - {Status.NOT_APPLICABLE}
        if not statuses:
            return Status.NOT_APPLICABLE
        if statuses == {Status.MET}:
            return Status.MET
        if statuses == {Status.MISSING}:
            return Status.MISSING
        return Status.PARTIAL


def _weighted(items: list[ItemResult]) -> float | None:
    tally = _Tally()
    for item in items:
        tally.add(item)
    return tally.score


def clause_results(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> tuple[ClauseResult, ...]:
    by_id = {i.id: i for i in items}
    tallies: dict[str, _Tally] = {}
    # clause_order lists parents before children, so its reverse has children first.
    for clause_id in reversed(catalogue.clause_order):
        clause = catalogue.clause(clause_id)
        tally = _Tally()
        for item_id in clause.items:
            tally.add(by_id[item_id])
        for child in clause.children:
            tally.merge(tallies[child])
        tallies[clause_id] = tally
    return tuple(
        ClauseResult(
            id=clause.id,
            title=clause.title,
            parent=clause.parent,
            depth=clause.depth,
            score=tallies[clause.id].score,
            status=tallies[clause.id].status,
            items=tallies[clause.id].items,
            met=tallies[clause.id].met,
        )
        for clause in catalogue.clauses
    )


def overall_score(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> float:
    score = _weighted(list(items))
    return score if score is not None else 0.0


def verdict(
    catalogue: Catalogue,
    items: tuple[ItemResult, ...],
    findings: tuple[Finding, ...],
    records_span_days: int | None,
    min_span_days: int,
) -> Verdict:
    """Stage 1: documents in place and an internal audit and management review performed.

    Stage 2: Stage 1, plus no major finding on records and records of operation
    covering the minimum period (certification-body practice).
    """
    kinds = {i.id: i.kind for i in items}
    by_id = {i.id: i for i in items}
    # Accepted findings (waivers) are reported but do not block a verdict until they expire.
    majors = [f for f in findings if f.severity is Severity.MAJOR and f.counts]
    doc_majors = [f for f in majors if f.item is None or kinds.get(f.item) == "document"]
    record_majors = [f for f in majors if f.item is not None and kinds.get(f.item) == "record"]

    stage1: list[str] = []
    if doc_majors:
        stage1.append(
            f"{len(doc_majors)} major finding(s) on documents: " + _titles(doc_majors, by_id)
        )
    for gate in catalogue.gates.performed:
        result = by_id.get(gate)
        if result is None or result.status is Status.NOT_APPLICABLE:
            continue
        if not any(link.counted for link in result.evidence):
            stage1.append(f"no evidence that '{result.title}' has been performed ({gate})")

    stage2 = [f"Stage 1 is not ready ({len(stage1)} blocker(s))"] if stage1 else []
    if record_majors:
        stage2.append(
            f"{len(record_majors)} major finding(s) on records: " + _titles(record_majors, by_id)
        )
    if records_span_days is None:
        stage2.append("no dated records of operation were found")
    elif records_span_days < min_span_days:
        stage2.append(
            f"records of operation cover {records_span_days} days; certification bodies "
            f"usually want about {min_span_days} (practice, not a clause of the standard)"
        )
    return Verdict(
        stage1_ready=not stage1,
        stage2_ready=not stage2,
        stage1_blockers=tuple(stage1),
        stage2_blockers=tuple(stage2),
    )


def _titles(findings: list[Finding], by_id: dict[str, ItemResult], limit: int = 5) -> str:
    names = [by_id[f.item].title if f.item in by_id else f.message for f in findings]
    unique = list(dict.fromkeys(names))
    shown = ", ".join(unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")
