"""``--format github``: workflow commands that GitHub Actions shows as annotations.

Major findings are errors, minor ones warnings, observations notices. With a baseline
only what is new (or more severe) is annotated: findings a reviewer already accepted
stay quiet. A closing plain line sums the run up for the log.
"""

from __future__ import annotations

from iso20k_cli.assess.model import Assessment, Finding, Severity
from iso20k_cli.history.compare import Direction
from iso20k_cli.render.context import RenderContext
from iso20k_cli.render.locations import finding_paths
from iso20k_cli.render.wording import check_label, delta_text, score_precise, severity_counts

COMMANDS = {Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.OBSERVATION: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command (as the Actions toolkit escapes it)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), where ':' and ',' are separators too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(assessment: Assessment, finding: Finding, titles: dict[str, str]) -> str:
    subject = titles.get(finding.item or "", "evidence file")
    title = f"{finding.severity.value.upper()} {finding.clause or 'file'} {subject}: "
    title += check_label(finding.check)
    message = finding.message
    if finding.recommendation:
        message += f"\n{finding.recommendation}"
    if finding.basis:
        message += f"\nNote: {finding.basis}"
    paths = finding_paths(assessment.evidence_dir, finding)
    # A missing document has no file to point at: the annotation then belongs to the run.
    properties = {"file": paths[0]} if paths else {}
    return command(COMMANDS[finding.severity], message, **properties, title=title)


def _summary(assessment: Assessment, context: RenderContext) -> str:
    verdict = assessment.verdict
    stages = (
        f"Stage 1 {'ready' if verdict.stage1_ready else 'NOT READY'}, "
        f"Stage 2 {'ready' if verdict.stage2_ready else 'NOT READY'}"
    )
    counts = severity_counts({s: assessment.count(s) for s in Severity})
    if assessment.accepted:
        counts += f", {assessment.accepted} accepted"
    line = f"iso20k: readiness {score_precise(assessment.score)}/100; {stages}; findings: {counts}"
    comparison = context.comparison
    if comparison is not None:
        before = comparison.before.score
        line += (
            f"; since the baseline: readiness {score_precise(before)} -> "
            f"{score_precise(assessment.score)} ({delta_text(before, assessment.score)}), "
            f"{len(comparison.new_findings)} new, {len(comparison.resolved_findings)} resolved"
        )
    return line


def render_github(assessment: Assessment, context: RenderContext) -> str:
    titles = {i.id: i.title for i in assessment.items}
    comparison = context.comparison
    # Accepted findings are not annotated: an annotation asks for action.
    shown = [
        f
        for f in assessment.findings
        if f.counts and (comparison is None or comparison.is_new(f.id))
    ]
    lines = [_annotation(assessment, f, titles) for f in shown]
    if comparison is not None and comparison.score_direction is Direction.WORSE:
        before = score_precise(comparison.before.score)
        lines.append(
            command(
                "error",
                f"Readiness fell from {before} to {score_precise(assessment.score)} "
                "since the baseline.",
                title="iso20k: readiness fell",
            )
        )
    lines.append(_summary(assessment, context))
    return "\n".join(lines) + "\n"
