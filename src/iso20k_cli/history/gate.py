"""The CI gate: whether a run should fail, and why, in words for the log.

Without a baseline, every finding at or above ``--fail-on`` fails the run. With one,
only what got worse does: a new finding at or above ``--fail-on`` (or one that became
that severe), a lower overall score, or a clause or item whose status got worse.
``--fail-under`` applies in both cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso20k_cli.assess.model import Assessment, Severity
from iso20k_cli.history.compare import Comparison, Direction, at_or_above
from iso20k_cli.render.wording import plural, score_precise

_LISTED = 5


@dataclass(frozen=True)
class GateResult:
    reasons: tuple[str, ...]
    """Why the run fails; empty when it passes."""

    @property
    def failed(self) -> bool:
        return bool(self.reasons)


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_LISTED])
    return shown + (f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else "")


def _threshold(fail_on: Severity) -> str:
    return "major" if fail_on is Severity.MAJOR else f"{fail_on.value} or above"


def regressions(comparison: Comparison, fail_on: Severity) -> tuple[str, ...]:
    """What got worse since the older result, in words; empty when nothing did."""
    reasons: list[str] = []
    before, after = comparison.before.score, comparison.after.score
    if comparison.score_direction is Direction.WORSE:
        reasons.append(f"readiness fell from {score_precise(before)} to {score_precise(after)}")
    new = [f.id for f in comparison.new_findings if f.counts and at_or_above(f.severity, fail_on)]
    if new:
        reasons.append(f"{plural(len(new), 'new finding')} ({_threshold(fail_on)}): {_ids(new)}")
    escalated = [
        f"{c.after.id} ({c.before.severity.value} -> {c.after.severity.value})"
        for c in comparison.more_severe_findings
        if c.after.counts and at_or_above(c.after.severity, fail_on)
    ]
    if escalated:
        reasons.append(f"{plural(len(escalated), 'finding')} more severe: {_ids(escalated)}")
    worse = [
        f"clause {c.id} ({c.status_before} -> {c.status_after})" for c in comparison.worse_clauses
    ] + [f"item {i.id} ({i.before} -> {i.after})" for i in comparison.worse_items]
    if worse:
        reasons.append(f"status got worse: {_ids(worse)}")
    return tuple(reasons)


def evaluate_gate(
    assessment: Assessment,
    fail_on: Severity = Severity.MAJOR,
    comparison: Comparison | None = None,
) -> GateResult:
    reasons: list[str]
    if comparison is None:
        # Accepted findings (waivers) are shown everywhere but never fail the run.
        remaining = sum(
            1 for f in assessment.findings if f.counts and at_or_above(f.severity, fail_on)
        )
        reasons = []
        if remaining:
            noun = plural(remaining, f"{fail_on.value} finding")
            if fail_on is not Severity.MAJOR:
                noun = plural(remaining, "finding") + f" at {fail_on.value} or above"
            reasons.append(f"{noun} {'remains' if remaining == 1 else 'remain'}")
    else:
        reasons = [f"since the baseline, {r}" for r in regressions(comparison, fail_on)]
    threshold = assessment.parameters.fail_under
    if threshold is not None and assessment.score < threshold:
        reasons.append(
            f"readiness {score_precise(assessment.score)} is under the threshold "
            f"{score_precise(threshold)} (--fail-under)"
        )
    return GateResult(tuple(reasons))
