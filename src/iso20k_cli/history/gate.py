"""The CI gate: whether a run should fail, and why, as a verdict the renderers word.

Without a baseline, every finding at or above ``--fail-on`` fails the run. With one,
only what got worse does: a new finding at or above ``--fail-on`` (or one that became
that severe), a lower overall score, or a clause or item whose status got worse.
``--fail-under`` applies in both cases. The reasons are data, not sentences: the log
says them in the words of ``render/gate.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iso20k_cli.assess.model import Assessment, Severity, Status
from iso20k_cli.history.compare import Comparison, Direction, at_or_above


@dataclass(frozen=True)
class Remaining:
    """Findings at or above the threshold remain (a run without a baseline)."""

    count: int
    fail_on: Severity


@dataclass(frozen=True)
class ScoreFell:
    before: float
    after: float


@dataclass(frozen=True)
class NewFindings:
    ids: tuple[str, ...]
    fail_on: Severity


@dataclass(frozen=True)
class Escalation:
    id: str
    before: Severity
    after: Severity


@dataclass(frozen=True)
class MoreSevere:
    findings: tuple[Escalation, ...]


@dataclass(frozen=True)
class StatusChange:
    scope: Literal["clause", "item"]
    id: str
    before: Status | None
    after: Status | None


@dataclass(frozen=True)
class StatusWorse:
    changes: tuple[StatusChange, ...]


Regression = ScoreFell | NewFindings | MoreSevere | StatusWorse
"""Something that got worse between two results."""


@dataclass(frozen=True)
class SinceBaseline:
    """A regression of this run against the baseline it was given."""

    regression: Regression


@dataclass(frozen=True)
class UnderThreshold:
    """The overall score is under ``--fail-under``."""

    score: float
    threshold: float


Reason = Remaining | Regression | SinceBaseline | UnderThreshold


@dataclass(frozen=True)
class GateResult:
    reasons: tuple[Reason, ...]
    """Why the run fails; empty when it passes."""

    @property
    def failed(self) -> bool:
        return bool(self.reasons)


def regressions(comparison: Comparison, fail_on: Severity) -> tuple[Regression, ...]:
    """What got worse since the older result; empty when nothing did."""
    found: list[Regression] = []
    if comparison.score_direction is Direction.WORSE:
        found.append(ScoreFell(comparison.before.score, comparison.after.score))
    new = tuple(
        f.id for f in comparison.new_findings if f.counts and at_or_above(f.severity, fail_on)
    )
    if new:
        found.append(NewFindings(new, fail_on))
    escalated = tuple(
        Escalation(c.after.id, c.before.severity, c.after.severity)
        for c in comparison.more_severe_findings
        if c.after.counts and at_or_above(c.after.severity, fail_on)
    )
    if escalated:
        found.append(MoreSevere(escalated))
    worse = tuple(
        StatusChange("clause", c.id, c.status_before, c.status_after)
        for c in comparison.worse_clauses
    ) + tuple(StatusChange("item", i.id, i.before, i.after) for i in comparison.worse_items)
    if worse:
        found.append(StatusWorse(worse))
    return tuple(found)


def evaluate_gate(
    assessment: Assessment,
    fail_on: Severity = Severity.MAJOR,
    comparison: Comparison | None = None,
) -> GateResult:
    reasons: list[Reason]
    if comparison is None:
        # Accepted findings (waivers) are shown everywhere but never fail the run.
        remaining = sum(
            1 for f in assessment.findings if f.counts and at_or_above(f.severity, fail_on)
        )
        reasons = [Remaining(remaining, fail_on)] if remaining else []
    else:
        reasons = [SinceBaseline(r) for r in regressions(comparison, fail_on)]
    threshold = assessment.parameters.fail_under
    if threshold is not None and assessment.score < threshold:
        reasons.append(UnderThreshold(assessment.score, threshold))
    return GateResult(tuple(reasons))
