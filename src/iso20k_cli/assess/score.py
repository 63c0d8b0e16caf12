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


def _weighted(items: list[ItemResult]) -> float | None:
    scored = [(i.score, MANDATORY_WEIGHT if i.mandatory else GOOD_PRACTICE_WEIGHT) for i in items]
    counted = [(s, w) for s, w in scored if s is not None]
    if not counted:
        return None
    total = sum(w for _, w in counted)
    return round(sum(s * w for s, w in counted) / total, 1)


def _status(items: list[ItemResult]) -> Status:
    if not items:
        return Status.NOT_ASSESSED
    statuses = {i.status for i in items} - {Status.NOT_APPLICABLE}
    if not statuses:
        return Status.NOT_APPLICABLE
    if statuses == {Status.MET}:
        return Status.MET
    if statuses == {Status.MISSING}:
        return Status.MISSING
    return Status.PARTIAL


def clause_results(catalogue: Catalogue, items: tuple[ItemResult, ...]) -> tuple[ClauseResult, ...]:
    by_id = {i.id: i for i in items}
    results = []
    for clause in catalogue.clauses:
        under = [by_id[item.id] for item in catalogue.items_under(clause.id)]
        results.append(
            ClauseResult(
                id=clause.id,
                title=clause.title,
                parent=clause.parent,
                depth=clause.depth,
                score=_weighted(under),
                status=_status(under),
                items=len(under),
                met=sum(1 for i in under if i.status is Status.MET),
            )
        )
    return tuple(results)


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
