"""The gaps that matter most, for the executive summary."""

from __future__ import annotations

from iso20k_cli.assess.model import Assessment, Finding, Severity

TOP_GAPS = 5


def top_gaps(assessment: Assessment, limit: int = TOP_GAPS) -> tuple[Finding, ...]:
    """Major findings first, mandatory documents before records, then minor ones.

    Documents come first because they are what Stage 1 reviews: a missing policy
    stops the audit before anyone samples a record. Observations are not gaps (a
    certification body requires no action on them), nor are findings about a file
    rather than a requirement, nor findings the organisation has accepted. Otherwise
    the assessment's order is kept.
    """
    kinds = {i.id: i.kind for i in assessment.items}

    def key(pair: tuple[int, Finding]) -> tuple[int, int, int]:
        index, finding = pair
        kind = kinds.get(finding.item) if finding.item else None
        return (finding.severity.rank, {"document": 0, "record": 1}.get(kind or "", 2), index)

    gaps = [
        (index, finding)
        for index, finding in enumerate(assessment.findings)
        if finding.item is not None
        and finding.severity is not Severity.OBSERVATION
        and finding.counts
    ]
    return tuple(finding for _, finding in sorted(gaps, key=key)[:limit])
