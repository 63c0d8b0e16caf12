"""The CI gate's verdict in words, for the log: why a run fails."""

from __future__ import annotations

from iso20k_cli.history.gate import (
    GateResult,
    MoreSevere,
    NewFindings,
    Reason,
    Regression,
    Remaining,
    ScoreFell,
    SinceBaseline,
    StatusWorse,
    UnderThreshold,
)
from iso20k_cli.render.wording import listed, plural, score_precise
from iso20k_cli.severity import Severity


def _ids(ids: list[str]) -> str:
    return listed(ids)


def _threshold(fail_on: Severity) -> str:
    return "major" if fail_on is Severity.MAJOR else f"{fail_on.value} or above"


def regression_text(regression: Regression) -> str:
    """What got worse, in words: 'readiness fell from 83.3 to 80'."""
    match regression:
        case ScoreFell(before, after):
            return f"readiness fell from {score_precise(before)} to {score_precise(after)}"
        case NewFindings(ids, fail_on):
            new = plural(len(ids), "new finding")
            return f"{new} ({_threshold(fail_on)}): {_ids(list(ids))}"
        case MoreSevere(findings):
            escalated = [f"{e.id} ({e.before.value} -> {e.after.value})" for e in findings]
            return f"{plural(len(escalated), 'finding')} more severe: {_ids(escalated)}"
        case StatusWorse(changes):
            worse = [f"{c.scope} {c.id} ({c.before} -> {c.after})" for c in changes]
            return f"status got worse: {_ids(worse)}"


def reason_text(reason: Reason) -> str:
    match reason:
        case Remaining(count, fail_on):
            if fail_on is Severity.MAJOR:
                noun = plural(count, f"{fail_on.value} finding")
            else:
                noun = plural(count, "finding") + f" at {fail_on.value} or above"
            return f"{noun} {'remains' if count == 1 else 'remain'}"
        case SinceBaseline(regression):
            return f"since the baseline, {regression_text(regression)}"
        case UnderThreshold(score, threshold):
            return (
                f"readiness {score_precise(score)} is under the threshold "
                f"{score_precise(threshold)} (--fail-under)"
            )
        case _:
            return regression_text(reason)


def gate_reasons(result: GateResult) -> tuple[str, ...]:
    """Why the run fails, one sentence a reason; empty when it passes."""
    return tuple(reason_text(r) for r in result.reasons)
